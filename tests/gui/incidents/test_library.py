"""The playbook library as a supervisor uses it: finding a playbook by search (Chinese,
pinyin initials), by the large buttons and by F12 from anywhere; editing it with undo and redo
into a new version; a bad import file refused with nothing changed."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox

from hallsupervisor.domain.incidents.playbook import HALL_EMERGENCIES
from hallsupervisor.storage import playbooks as library
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW
from tests.gui.conftest import activate, type_text
from tests.gui.inspection.conftest import when_dialog_opens
from tests.storage.incident_helpers import make_hall


@pytest.fixture
def hall(tmp_path):
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    store, hall_id = make_hall(path)
    yield path, store, hall_id
    store.close()


@pytest.fixture
def tab(hall, app, settings, qtbot):
    from hallsupervisor.gui.incidents.incidents_tab import IncidentsTab

    _path, store, _hall_id = hall
    widget = IncidentsTab(store, settings, clock=lambda: DEMO_NOW)
    widget.resize(1100, 720)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def shown_titles(tab) -> list[str]:
    model = tab.library.model
    return [model.index(row).data() for row in range(model.rowCount())]


def detail_text(tab) -> str:
    return tab.library.detail.toPlainText()


def test_builtins_arrive_with_the_tab_and_the_first_is_shown(tab):
    assert len(shown_titles(tab)) == 15
    assert detail_text(tab).startswith("顾客突发疾病或晕倒")
    assert "不要随意搬动病人" in detail_text(tab)


def test_search_by_chinese_and_by_pinyin_initials(tab, qtbot):
    search = tab.library.search
    search.setFocus()
    type_text(qtbot, search, "触电")
    assert shown_titles(tab) == ["客户报告：有人触电"]
    assert detail_text(tab).startswith("客户报告：有人触电")

    search.clear()
    qtbot.keyClicks(search, "hz")  # 火灾
    assert shown_titles(tab)[0] == "营业厅发生火灾"
    qtbot.keyClick(search, Qt.Key.Key_Return)
    assert detail_text(tab).startswith("营业厅发生火灾")
    assert tab.library.start_button.hasFocus()
    seen = []

    def cancel(dialog):
        seen.append(dialog.windowTitle())
        dialog.reject()

    when_dialog_opens(qtbot, cancel)
    qtbot.keyClick(tab.library.start_button, Qt.Key.Key_Return)  # Enter again starts it
    assert seen  # the run view asked who takes which role; cancelled, nothing started
    assert tab.pages.currentIndex() == 0

    search.clear()
    qtbot.keyClicks(search, "zzzzqq")
    assert shown_titles(tab) == []
    assert "没有找到" in detail_text(tab)


def test_the_eight_large_buttons_open_their_playbooks(tab, qtbot):
    titles = {}
    for code in HALL_EMERGENCIES:
        button = tab.library.big_buttons[code]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        titles[code] = detail_text(tab).splitlines()[0]
        assert titles[code] == button.text()
    assert titles["fire"] == "营业厅发生火灾"
    assert titles["system_crash"] == "业务系统突然崩溃"


def test_long_english_titles_wrap_on_the_large_buttons_and_fit_a_small_window(tab):
    for button in tab.library.big_buttons.values():
        button.setText("Customers quarrel with each other in the waiting area")
    assert tab.library.minimumSizeHint().width() < 1000
    button = tab.library.big_buttons["fire"]
    button.resize(200, 60)
    image = button.grab().toImage()
    # The text is drawn (dark red ink on the light button) in the upper and the lower half.
    rows = {y < 30 for y in range(image.height()) for x in range(0, image.width(), 2)
            if image.pixelColor(x, y).red() < 160 and image.pixelColor(x, y).green() < 60}
    assert rows == {True, False}


def test_f12_from_another_tab_opens_the_search(hall, open_window, qtbot):
    path, store, _hall_id = hall
    store.close()
    window = open_window(path)
    activate(qtbot, window)
    window.tabs.setCurrentIndex(0)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    tab = window.incidents
    assert window.tabs.currentWidget().objectName() == "incidentsPage"
    qtbot.waitUntil(lambda: tab.library.search.hasFocus())
    qtbot.keyClicks(QApplication.focusWidget(), "yd")  # 晕倒
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert detail_text(tab).startswith("顾客突发疾病或晕倒")
    # Another tab asks for a playbook by code (the queue's surge button does this).
    window.tabs.setCurrentIndex(0)
    window.open_playbook("sudden_surge")
    assert detail_text(tab).startswith("客流突增、排队过长")


def current_body(store, code, hall_id):
    version_id = library.current_version_id(store, code, hall_id)
    return json.loads(store.scalar("SELECT body FROM playbook_versions WHERE id = ?",
                                   (version_id,)))


def edit_cell(qtbot, view, row, column, text):
    qtbot.wait(10)  # the table shows the last change (refreshed after its commit)
    index = view.model().index(row, column)
    view.setCurrentIndex(index)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_edit_with_undo_and_redo_makes_a_new_version(hall, tab, qtbot):
    _path, store, hall_id = hall
    qtbot.mouseClick(tab.library.big_buttons["quarrel"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.library.edit_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    assert tab.library_stack.currentWidget() is editor
    steps = editor.views["steps"]
    before = current_body(store, "quarrel", hall_id)
    assert editor.version_label.text().startswith("第 1 版")

    edit_cell(qtbot, steps, 3, 2, "把双方分开，请到两个接待室")
    qtbot.waitUntil(lambda: current_body(store, "quarrel", hall_id) != before)
    body = current_body(store, "quarrel", hall_id)
    assert body["steps"][3]["text"]["zh"] == "把双方分开，请到两个接待室"
    assert editor.version_label.text().startswith("第 2 版")
    assert [v.version for v in library.versions(store, library.playbook_id_of(store, "quarrel"))] == [2, 1]

    # An empty step is refused with the reason; nothing is stored.
    edit_cell(qtbot, steps, 3, 2, "")
    qtbot.waitUntil(lambda: editor.message.isVisible())
    assert "不能为空" in editor.message.text() and editor.message.isVisible()
    assert current_body(store, "quarrel", hall_id) == body

    qtbot.keyClick(steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert current_body(store, "quarrel", hall_id)["steps"][3]["text"] == before["steps"][3]["text"]
    qtbot.waitUntil(lambda: steps.model().index(3, 2).data() == before["steps"][3]["text"]["zh"])
    qtbot.keyClick(
        steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert current_body(store, "quarrel", hall_id)["steps"][3]["text"]["zh"] == "把双方分开，请到两个接待室"

    # Still one new version for the whole session; back in the library it shows adapted.
    assert len(library.versions(store, library.playbook_id_of(store, "quarrel"))) == 2
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert tab.library_stack.currentWidget() is tab.library
    assert "把双方分开，请到两个接待室" in detail_text(tab)
    assert "第 2 版" in detail_text(tab) and "本厅已修改" in detail_text(tab)
    assert "第 1 版 · 2026-11-25 · 营业厅负责人 · 内置 · 用于 0 次处置" in detail_text(tab)


def test_a_reminder_is_tied_to_a_step_by_its_id_shown_beside_the_step(hall, tab, qtbot):
    _path, store, hall_id = hall
    tab.open_playbook("system_crash")
    qtbot.mouseClick(tab.library.edit_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    steps, prompts = editor.views["steps"], editor.views["prompts"]
    assert steps.model().headerData(1, Qt.Orientation.Vertical) == "2 · s2"
    before = current_body(store, "system_crash", hall_id)
    edit_cell(qtbot, prompts, 0, 3, "s99")  # no such step: refused, nothing stored
    qtbot.waitUntil(lambda: editor.message.isVisible())
    assert "after_step s99 不是本预案的步骤编号" in editor.message.text()
    assert current_body(store, "system_crash", hall_id) == before
    edit_cell(qtbot, prompts, 0, 3, "s2")
    qtbot.waitUntil(
        lambda: current_body(store, "system_crash", hall_id)["prompts"][0].get("after_step")
        == "s2"
    )


def test_adding_a_step_and_an_immediate_one_moves_up(hall, tab, qtbot):
    _path, store, hall_id = hall
    tab.open_playbook("lost_item")
    qtbot.mouseClick(tab.library.edit_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    add = editor.findChild(type(editor.undo_button), "add_steps")
    qtbot.mouseClick(add, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(current_body(store, "lost_item", hall_id)["steps"]) == 9)
    steps = editor.views["steps"]
    type_text(qtbot, QApplication.focusWidget(), "请顾客留下联系方式")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: current_body(store, "lost_item", hall_id)["steps"][8]["text"]["zh"]
        .endswith("请顾客留下联系方式")
    )
    new_id = current_body(store, "lost_item", hall_id)["steps"][8]["id"]
    model = steps.model()
    model.setData(model.index(8, 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    body = current_body(store, "lost_item", hall_id)
    assert [s["id"] for s in body["steps"]][:2] == ["s1", new_id]  # immediate steps first


def write(tmp_path, name, text) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_a_bad_import_file_is_refused_clearly_and_changes_nothing(hall, tab, qtbot, tmp_path,
                                                                   monkeypatch):
    _path, store, _hall_id = hall
    before = store.query("SELECT id, body FROM playbook_versions ORDER BY id")
    good = json.loads(library.export_file(store, _hall_id))["playbooks"][0]
    bad = dict(good, code="flood", steps=[{"id": "s1", "text": {"zh": ""}, "role": "boss"}])
    path = write(tmp_path, "bad.json", json.dumps({"playbooks": [good, bad]}, ensure_ascii=False))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    seen = {}

    def read(box):
        seen["text"] = box.text()
        seen["details"] = box.detailedText()
        box.done(QMessageBox.StandardButton.Ok)

    when_dialog_opens(qtbot, read)
    qtbot.mouseClick(tab.library.import_button, Qt.MouseButton.LeftButton)
    assert "什么都没有导入" in seen["text"]
    assert "第 2 个预案（flood，第" in seen["details"]
    assert "第 1 步 · 中文：不能为空" in seen["details"]
    assert "角色 boss 不认识" in seen["details"]
    assert store.query("SELECT id, body FROM playbook_versions ORDER BY id") == before
    assert len(shown_titles(tab)) == 15


def test_a_good_import_adds_the_playbook_to_the_list(hall, tab, qtbot, tmp_path, monkeypatch):
    _path, store, hall_id = hall
    good = json.loads(library.export_file(store, hall_id))["playbooks"][0]
    own = dict(good, code="water_leak", category="own",
               title={"zh": "厅内漏水", "en": "Water leak"})
    path = write(tmp_path, "own.json", json.dumps([own], ensure_ascii=False))
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (path, ""))
    when_dialog_opens(qtbot, lambda box: box.done(QMessageBox.StandardButton.Ok))
    qtbot.mouseClick(tab.library.import_button, Qt.MouseButton.LeftButton)
    assert "厅内漏水  ✎" in shown_titles(tab)
    tab.library.search.setFocus()
    qtbot.keyClicks(tab.library.search, "ls")  # 漏水
    assert shown_titles(tab)[0] == "厅内漏水  ✎"


def test_a_drill_starts_from_the_library_on_the_running_page(hall, tab, qtbot):
    _path, store, _hall_id = hall
    qtbot.mouseClick(tab.library.big_buttons["fire"], Qt.MouseButton.LeftButton)
    when_dialog_opens(qtbot, lambda dialog: dialog.accept())
    qtbot.mouseClick(tab.library.drill_button, Qt.MouseButton.LeftButton)
    assert tab.pages.currentIndex() == 1
    assert tab.pages.tabText(1) == "处置中（1）"
    row = store.one("SELECT drill, playbook_version_id FROM incidents")
    assert row["drill"] == 1
    assert row["playbook_version_id"] == library.current_version_id(store, "fire")


def test_the_tab_reopens_on_the_running_page_when_a_run_is_open(hall, app, settings, qtbot):
    from hallsupervisor.gui.incidents.incidents_tab import IncidentsTab
    from hallsupervisor.storage import incidents

    _path, store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    incidents.start(store, hall_id, library.playbook_id_of(store, "fainting", hall_id))
    widget = IncidentsTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(widget)
    assert widget.pages.currentIndex() == 1
    assert widget.pages.tabText(1) == "处置中（1）"
    Store  # noqa: B018 - the same database file the app would open


def test_an_incident_older_than_the_listed_ones_is_shown_for_its_report(
    hall, app, settings, qtbot, monkeypatch
):
    import datetime as dt

    from hallsupervisor.gui.incidents import incidents_tab
    from hallsupervisor.storage import incidents

    _path, store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    fire = library.playbook_id_of(store, "fire", hall_id)
    ids = []
    for day in (3, 4, 5):
        started = dt.datetime(2026, 11, day, 10, 0)
        ids.append(incidents.start(store, hall_id, fire, started_at=started))
        incidents.close(store, ids[-1], "已处理", closed_at=started + dt.timedelta(minutes=20))
    monkeypatch.setattr(incidents_tab, "LISTED", 2)
    widget = incidents_tab.IncidentsTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(widget)
    combo = widget.reports.incident_combo
    assert [combo.itemData(i) for i in range(combo.count())] == [ids[2], ids[1]]
    widget.show_incident(ids[0])  # the oldest: not among the two listed
    assert widget.pages.currentWidget() is widget.reports
    assert combo.currentData() == ids[0]
    assert combo.currentText().startswith("2026-11-03 10:00")
    widget.show_incident(ids[1])
    assert combo.currentData() == ids[1]


def test_the_cards_button_previews_all_playbook_cards(tab, qtbot):
    from hallsupervisor.gui.printing import PrintPreview

    tab.pages.setCurrentIndex(3)
    qtbot.mouseClick(tab.reports.cards_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.findChildren(PrintPreview)))
    preview = tab.findChildren(PrintPreview)[0]
    assert preview.windowTitle() == "预案卡片" and len(preview.pages) == 15
    preview.close()


def test_the_monthly_summary_is_previewed_for_the_month_chosen(tab, qtbot):
    from PySide6.QtCore import QDate
    from PySide6.QtWidgets import QDateEdit

    from hallsupervisor.gui.printing import PrintPreview

    tab.pages.setCurrentIndex(3)
    month = tab.reports.findChild(QDateEdit, "summaryMonth")
    assert month.displayFormat() == "yyyy-MM" and month.date() == QDate(2026, 11, 1)
    month.setDate(QDate(2026, 10, 1))
    qtbot.mouseClick(tab.reports.summary_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(tab.findChildren(PrintPreview)))
    preview = tab.findChildren(PrintPreview)[0]
    assert preview.windowTitle() == "事件与投诉月度汇总 2026-10" and preview.pages
    preview.close()


def test_a_new_playbook_of_the_hall_is_edited_renamed_and_deleted(hall, tab, qtbot):
    _path, store, hall_id = hall

    def name_it(dialog):
        line = dialog.findChild(QLineEdit)
        type_text(qtbot, line, "厅内漏水")
        dialog.accept()

    when_dialog_opens(qtbot, name_it)
    qtbot.mouseClick(tab.library.new_button, Qt.MouseButton.LeftButton)
    assert tab.library_stack.currentWidget() is tab.editor
    code = library.unused_code(store, hall_id)  # the next one: own_1 is taken now
    assert code == "own_2"
    assert current_body(store, "own_1", hall_id)["title"]["zh"] == "厅内漏水"

    editor = tab.editor
    editor.pages.setCurrentIndex(0)
    field = editor.fields[("title", "en")]
    field.setFocus()
    qtbot.keyClicks(field, "Water leak")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert current_body(store, "own_1", hall_id)["title"]["en"] == "Water leak"
    qtbot.mouseClick(editor.close_button, Qt.MouseButton.LeftButton)
    assert detail_text(tab).startswith("厅内漏水")

    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(tab.library.delete_button, Qt.MouseButton.LeftButton)
    assert "厅内漏水  ✎" not in shown_titles(tab)
    assert library.playbook_id_of(store, "own_1", hall_id) is None


def test_a_builtin_cannot_be_deleted_but_its_text_can_be_restored(hall, tab, qtbot):
    _path, store, hall_id = hall
    tab.open_playbook("media")
    assert not tab.library.delete_button.isEnabled()
    shipped = current_body(store, "media", hall_id)
    qtbot.mouseClick(tab.library.edit_button, Qt.MouseButton.LeftButton)
    editor = tab.editor
    editor.pages.setCurrentIndex(0)
    field = editor.fields[("owner",)]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, "Wang")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert current_body(store, "media", hall_id)["owner"] == "Wang"
    when_dialog_opens(qtbot, lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    qtbot.mouseClick(editor.restore_button, Qt.MouseButton.LeftButton)
    assert current_body(store, "media", hall_id) == shipped
    versions = library.versions(store, library.playbook_id_of(store, "media", hall_id))
    assert [v.note for v in versions] == ["恢复内置", "编辑", "内置"]


def test_export_writes_the_whole_library_as_a_file_import_reads(hall, tab, qtbot, tmp_path,
                                                              monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from hallsupervisor.domain.incidents.playbook_file import parse_playbooks

    target = tmp_path / "out" / "预案.json"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(tab.library.export_button, Qt.MouseButton.LeftButton)
    playbooks = parse_playbooks(target.read_bytes())
    assert [p.code for p in playbooks][:8] == list(HALL_EMERGENCIES)
    assert len(playbooks) == 15


def test_export_to_a_folder_is_refused_with_the_reason_not_python_s_error_text(tab, tmp_path,
                                                                             monkeypatch):
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    assert tab.library.export_file(str(tmp_path)) is False  # a folder, not a file
    assert len(warnings) == 1
    assert warnings[0].startswith("无法写入文件：")
    assert "Errno" not in warnings[0] and str(tmp_path) not in warnings[0]


def test_markup_in_a_title_stays_text_and_a_damaged_version_says_what_is_wrong(hall, app,
                                                                                settings, qtbot):
    from hallsupervisor.gui.incidents.incidents_tab import IncidentsTab

    _path, store, hall_id = hall
    library.ensure_builtin(store, hall_id)
    fire_id = library.playbook_id_of(store, "fire", hall_id)
    body = current_body(store, "fire", hall_id)
    body["title"]["zh"] = "火灾 <b>&</b> 烟雾"
    from hallsupervisor.domain.incidents.playbook import Playbook

    library.save_edit(store, fire_id, Playbook.from_dict(body))
    quarrel = library.current_version_id(store, "quarrel", hall_id)
    store.execute("UPDATE playbook_versions SET body = ? WHERE id = ?",
                  (json.dumps({"format": 1, "code": "quarrel", "category": "hall"}), quarrel))
    widget = IncidentsTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(widget)
    assert widget.library.big_buttons["fire"].text() == "火灾 <b>&&</b> 烟雾"
    widget.open_playbook("fire")
    assert widget.library.detail.toPlainText().startswith("火灾 <b>&</b> 烟雾")
    widget.open_playbook("quarrel")
    text = widget.library.detail.toPlainText()
    assert text.startswith("这个预案的内容有问题") and "名称：不能为空" in text
