"""The touchpoint side panel, markers and properties dialog, used as a supervisor would."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication

from hallsupervisor.domain.inspection.model import FAIL, PASS
from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import touchpoints as tps
from hallsupervisor.storage.database import Store
from tests.gui.conftest import type_text
from tests.gui.inspection import conftest as inspection_fixtures
from tests.gui.inspection.conftest import when_dialog_opens

inspection_db = inspection_fixtures.inspection_db  # the hall with the small checklist

NOW = dt.datetime(2026, 11, 25, 10, 0)
TODAY = NOW.date()


@pytest.fixture
def hall(inspection_db):
    """The small checklist's first two items linked to TP01 and TP02 on a map of three."""
    store = Store.open(inspection_db)
    hall_id = halls.current_hall_id(store)
    family = records.list_templates(store, hall_id)[0].family_id
    records.update_item(store, family, "OPEN-01", touchpoint="TP01")
    records.update_item(store, family, "OPEN-02", touchpoint="TP02")
    map_id = store.insert("hall_maps", {"name": "大厅"}, hall_id=hall_id)
    for n, (name, stage, role) in enumerate(
        (("门口迎候", "arrive", "guide"), ("取号机", "ticket", "guide"), ("柜台", "serve", "counter"))
    ):
        tps.add_touchpoint(store, hall_id, map_id, x_m=n * 3, y_m=2, name=name, stage=stage, role=role)
    yield store, hall_id, map_id
    store.close()


def answer(store, hall_id, key, result, day=TODAY):
    template = records.load_template(
        store, records.latest_version_id(store, records.list_templates(store, hall_id)[0].family_id)
    )
    round_id = records.start_round(
        store,
        hall_id,
        name="开门检查",
        round_date=day,
        template_id=template.id,
        started_at=dt.datetime.combine(day, dt.time(8, 40)),
    )
    item = next(i for i in template.items() if i.key == key)
    records.set_answer(store, round_id, item, result, template=template)


def make_panel(qtbot, store, settings, map_id):
    from hallsupervisor.gui.touchpoints.panel import TouchpointPanel

    panel = TouchpointPanel(store, settings, clock=lambda: NOW)
    qtbot.addWidget(panel)
    panel.resize(420, 640)
    panel.show()
    panel.set_map(map_id)
    return panel


def by_code(store, map_id):
    return {tp.code: tp for tp in tps.list_touchpoints(store, map_id)}


def board_rows(panel):
    """What the board shows: [(group text, [entry text...])]."""
    model = panel.board_model
    result = []
    for row in range(model.rowCount()):
        head = model.item(row)
        result.append((head.text(), [head.child(i).text() for i in range(head.rowCount())]))
    return result


def click_entry(qtbot, panel, code):
    model = panel.board_model
    for row in range(model.rowCount()):
        head = model.item(row)
        for i in range(head.rowCount()):
            if head.child(i).text().startswith(code):
                index = head.child(i).index()
                panel.board.scrollTo(index)
                rect = panel.board.visualRect(index)
                qtbot.mouseClick(panel.board.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError(code)


def test_markers_differ_by_shape_in_grey(app):
    from hallsupervisor.gui.touchpoints.status_marker import STATUSES, paint_marker

    images = []
    for status in STATUSES:
        image = QImage(48, 48, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        paint_marker(painter, QRectF(0, 0, 48, 48), status)
        painter.end()
        grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
        # The shape alone: which pixels are dark enough to print as ink.
        images.append(
            frozenset((x, y) for x in range(48) for y in range(48) if grey.pixelColor(x, y).value() < 200)
        )
    for i in range(len(images)):
        for j in range(i + 1, len(images)):
            differing = len(images[i] ^ images[j])
            assert differing > 150, (STATUSES[i], STATUSES[j], differing)


def test_board_colours_and_why(qtbot, settings, hall):
    store, hall_id, map_id = hall
    panel = make_panel(qtbot, store, settings, map_id)
    points = by_code(store, map_id)
    assert set(panel.statuses.values()) == {st.NONE}
    answer(store, hall_id, "OPEN-01", PASS)
    answer(store, hall_id, "OPEN-02", FAIL)  # critical
    with qtbot.waitSignal(panel.statuses_changed) as signal:
        panel.refresh()
    assert signal.args[0] == {
        points["TP01"].id: st.OK,
        points["TP02"].id: st.BAD,
        points["TP03"].id: st.NONE,
    }
    assert panel.legend.text_of(st.BAD) == "异常 1"
    # Cards grouped by status, worst first, with owner, open actions and trend.
    groups = board_rows(panel)
    assert [g for g, _ in groups] == ["异常（1）", "良好（1）", "无数据（1）"]
    from hallsupervisor.gui.touchpoints.panel import DETAIL_ROLE

    card = panel.board_model.item(0).child(0)
    assert card.text() == "TP02 取号机"
    assert card.data(DETAIL_ROLE) == "引导员 · 待整改 1 · 趋势 — · 取号"
    # A click on a card selects the pin on the map and shows why.
    with qtbot.waitSignal(panel.touchpoint_activated) as activated:
        click_entry(qtbot, panel, "TP02")
    assert activated.args == [points["TP02"].id]
    panel.tabs.setCurrentIndex(panel.DETAILS)
    assert panel.details_title.text() == "TP02 取号机 — 异常"
    reasons = [panel.why_model.item(r).text() for r in range(panel.why_model.rowCount())]
    assert reasons[0] == "严重项不合格 1 次"
    first = panel.why_model.item(0).child(0).text()
    assert first.startswith("2026-11-25 开门检查：叫号机正常出票 — 不合格")
    assert any(r.startswith("整改项待完成 1 项") for r in reasons)
    action_text = next(
        panel.why_model.item(r).child(0).text()
        for r in range(panel.why_model.rowCount())
        if panel.why_model.item(r).text().startswith("整改项")
    )
    assert "整改：叫号机正常出票" in action_text


def test_group_by_stage_as_list_is_remembered(qtbot, settings, hall):
    store, _hall_id, map_id = hall
    panel = make_panel(qtbot, store, settings, map_id)
    panel.group_by.setFocus()
    panel.group_by.setCurrentIndex(panel.group_by.findData(st.BY_STAGE))
    qtbot.mouseClick(panel.list_button, Qt.MouseButton.LeftButton)
    assert [g for g, _ in board_rows(panel)] == ["进厅（1）", "取号（1）", "办理（1）"]
    assert not panel.board.isHeaderHidden()
    assert not panel.board.isColumnHidden(3)
    # A new panel (the app reopened) shows the board the same way.
    again = make_panel(qtbot, store, settings, map_id)
    assert again.group_by.currentData() == st.BY_STAGE
    assert again.list_button.isChecked()
    assert [g for g, _ in board_rows(again)] == ["进厅（1）", "取号（1）", "办理（1）"]


def test_period_choice_and_comparison(qtbot, settings, hall):
    store, hall_id, map_id = hall
    answer(store, hall_id, "OPEN-01", FAIL, day=TODAY - dt.timedelta(days=10))
    for days in (9, 8, 7):
        answer(store, hall_id, "OPEN-01", PASS, day=TODAY - dt.timedelta(days=days))
    answer(store, hall_id, "OPEN-01", PASS, day=TODAY)
    panel = make_panel(qtbot, store, settings, map_id)
    tp01 = by_code(store, map_id)["TP01"].id
    assert panel.statuses[tp01] == st.OK  # last 7 days: only the pass
    with qtbot.waitSignal(panel.statuses_changed):
        panel.period_chooser.preset.setCurrentIndex(panel.period_chooser.preset.findData(30))
    assert panel.statuses[tp01] == st.WATCH  # one failure in five checks over 30 days
    assert settings.get("touchpoints/period_days") == 30
    # Back to a week; compare with the week before last, when the failure was found.
    panel.period_chooser.preset.setCurrentIndex(panel.period_chooser.preset.findData(7))
    panel.tabs.setCurrentIndex(panel.COMPARE)
    before = st.Period(TODAY - dt.timedelta(days=13), TODAY - dt.timedelta(days=7))
    panel.before_chooser.start.setDate(before.start)
    panel.before_chooser.end.setDate(before.end)
    row = next(
        r for r in range(panel.compare_model.rowCount())
        if panel.compare_model.item(r, 0).text().startswith("TP01")
    )
    assert panel.compare_model.item(row, 1).text().startswith("关注")
    assert panel.compare_model.item(row, 2).text().startswith("良好")
    assert panel.compare_model.item(row, 3).text() == "↑ 好转"
    panel.show_touchpoint(tp01)
    detail = {
        panel.compare_detail_model.item(r, 0).text(): panel.compare_detail_model.item(r, 2).text()
        for r in range(panel.compare_detail_model.rowCount())
    }
    assert detail["合格率"].startswith("100%")


def test_properties_dialog(qtbot, hall):
    from hallsupervisor.gui.touchpoints.touchpoint_dialog import TouchpointDialog, edit_touchpoint

    store, _hall_id, map_id = hall
    point = by_code(store, map_id)["TP03"]

    def fill(dialog):
        assert isinstance(dialog, TouchpointDialog)
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "一号窗口")
        dialog.stage.setCurrentIndex(dialog.stage.findData("pay"))
        dialog.standard.setFocus()
        type_text(qtbot, dialog.standard, "起身双手递单<&>")
        # A code in use is refused: the dialog stays open and says why.
        dialog.code.selectAll()
        qtbot.keyClicks(dialog.code, "TP01")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)
        assert dialog.isVisible()
        assert "TP01" in dialog.error.text()
        dialog.code.selectAll()
        qtbot.keyClicks(dialog.code, "W1")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill)
    assert edit_touchpoint(store, point.id, None)
    stored = tps.get_touchpoint(store, point.id)
    assert (stored.code, stored.name, stored.stage) == ("W1", "一号窗口", "pay")
    assert stored.standard == "起身双手递单<&>"
    # A standard pasted from a whole manual is refused with a message; nothing is stored.
    def paste_manual(dialog):
        dialog.standard.setPlainText("起身问候。" * 500)
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
        assert dialog.isVisible() and "2500 字" in dialog.error.text()
        dialog.reject()

    when_dialog_opens(qtbot, paste_manual)
    assert not edit_touchpoint(store, point.id, None)
    assert tps.get_touchpoint(store, point.id).standard == "起身双手递单<&>"
    # Cancel changes nothing.
    when_dialog_opens(qtbot, lambda dialog: dialog.reject())
    assert not edit_touchpoint(store, point.id, None)
    assert QApplication.activeModalWidget() is None


def test_properties_dialog_refuses_in_the_interface_language(qtbot, app, hall):
    from hallsupervisor.gui import i18n
    from hallsupervisor.gui.touchpoints.touchpoint_dialog import TouchpointDialog

    store, _hall_id, map_id = hall
    points = by_code(store, map_id)
    i18n.install(app, "en")
    try:
        dialog = TouchpointDialog(store, points["TP03"], None)
        qtbot.addWidget(dialog)
        dialog.code.setText("TP01")
        assert dialog.problem() == "Code TP01 is already used by another touchpoint."
        dialog.code.setText("W<1>")
        assert dialog.problem().startswith("A code has at most 20 characters")
        dialog.code.setText("W1")
        dialog.standard_en.setPlainText("x" * 2001)
        assert dialog.problem() == (
            "The English service standard has 2001 characters, which is too long: "
            "please keep it within 2000."
        )
        dialog.standard_en.clear()
        dialog.name.clear()
        assert dialog.problem() == "Please enter the touchpoint's name."
    finally:
        i18n.install(app, "zh_CN")


def test_template_editor_picks_the_touchpoint_by_code_and_name(qtbot, app, hall):
    from hallsupervisor.gui.inspection.template_editor import TemplateEditor

    store, hall_id, _map_id = hall
    family = records.list_templates(store, hall_id)[0].family_id
    records.update_item(store, family, "OPEN-03", touchpoint="TP99")  # e.g. from a CSV file
    editor = TemplateEditor(store, hall_id)
    qtbot.addWidget(editor)
    editor.resize(1000, 600)
    editor.show()

    def pick(key):
        index = editor.tree_model.index_of("item", key, 1)
        editor.tree.scrollTo(index)
        qtbot.mouseClick(
            editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=editor.tree.visualRect(index).center()
        )
        return editor.touchpoint_combo

    combo = pick("OPEN-02")
    texts = [combo.itemText(i) for i in range(combo.count())]
    assert texts == ["（无）", "TP01 门口迎候", "TP02 取号机", "TP03 柜台"]
    assert combo.currentText() == "TP02 取号机"
    # An unknown code is shown as such and kept while the item is looked at.
    combo = pick("OPEN-03")
    assert combo.currentText() == "TP99（平面图上没有这个触点）"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # back to (none)

    def stored(key):
        return store.scalar(
            "SELECT touchpoint FROM template_items WHERE key = ? ORDER BY created_at DESC LIMIT 1",
            (key,),
        )

    qtbot.waitUntil(lambda: stored("OPEN-03") == "")
    combo = pick("ENV-02")
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: stored("ENV-02") == "TP03")
    editor.undo_group.undo()
    qtbot.waitUntil(lambda: stored("ENV-02") == "")


def test_why_lists_the_latest_checks_and_counts_the_rest(qtbot, settings, hall):
    from hallsupervisor.gui.touchpoints.panel import MAX_LISTED

    store, hall_id, map_id = hall
    for days in range(MAX_LISTED + 5):
        answer(store, hall_id, "OPEN-01", PASS, day=TODAY - dt.timedelta(days=days % 80))
    panel = make_panel(qtbot, store, settings, map_id)
    panel.period_chooser.preset.setCurrentIndex(panel.period_chooser.preset.findData(90))
    panel.show_touchpoint(by_code(store, map_id)["TP01"].id)
    head = panel.why_model.item(0)
    assert head.text() == f"检查 {MAX_LISTED + 5} 次，全部合格"
    assert head.rowCount() == MAX_LISTED + 1
    assert head.child(0).text() == "……更早的 5 次未列出"
    assert head.child(MAX_LISTED).text().startswith(f"{TODAY.isoformat()} 开门检查")


def test_pins_are_named_in_the_interface_language(qtbot, app, hall):
    from PySide6.QtGui import QUndoStack

    from hallsupervisor.gui import i18n
    from hallsupervisor.gui.touchpoints.map_scene import MapScene

    store, hall_id, map_id = hall
    point = by_code(store, map_id)["TP01"]
    tps.update_touchpoint(store, point.id, name_en="Welcome at the door")
    was = app.property("hallsupervisor_language")
    i18n.install(app, "en")
    app.setProperty("hallsupervisor_language", "en")
    try:
        scene = MapScene(store, QUndoStack())
        scene.load(hall_id, map_id)
        pin = scene.pin_for(point.id)
        assert pin.name == "Welcome at the door"
        assert pin.toolTip().startswith("TP01 Welcome at the door · ")
        # A touchpoint without an English name keeps its Chinese one.
        assert scene.pin_for(by_code(store, map_id)["TP02"].id).name == "取号机"
    finally:
        i18n.install(app, "zh_CN")
        app.setProperty("hallsupervisor_language", was)
    scene = MapScene(store, QUndoStack())
    scene.load(hall_id, map_id)
    assert scene.pin_for(point.id).name == "门口迎候"
