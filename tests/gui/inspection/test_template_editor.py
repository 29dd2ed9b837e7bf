"""Editing inspection templates in place: saved at once, undoable, versioned once used."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt

from hallsupervisor.domain.inspection import template_file
from hallsupervisor.domain.inspection.model import (
    CRITICAL,
    NUMBER,
    PASS,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.gui.inspection.template_editor import TemplateEditor
from hallsupervisor.storage import inspection as storage
from hallsupervisor.storage.database import Store
from hallsupervisor.storage.halls import create_hall
from tests.gui.conftest import activate, type_text

NAME = "供电营业厅巡检表"


def _template() -> Template:
    return Template(
        NAME,
        "Electricity hall inspection",
        [
            TemplateSection(
                "OPEN",
                "开门检查",
                "Opening check",
                [
                    TemplateItem("OPEN-01", "大门、玻璃门干净无污渍", weight=2, category="shine"),
                    TemplateItem("OPEN-02", "叫号机开机正常", severity=CRITICAL),
                    TemplateItem("OPEN-03", "员工着装规范"),
                ],
            ),
            TemplateSection(
                "ENV",
                "环境",
                "Environment",
                [
                    TemplateItem(
                        "ENV-01",
                        "室内温度适宜",
                        answer_type=NUMBER,
                        minimum=18,
                        maximum=26,
                        unit="℃",
                    )
                ],
            ),
        ],
    )


class Hall:
    """A real SQLite file with one hall and one template, read back through plain SQL."""

    def __init__(self, path):
        self.path = path
        self.store = Store.open(path)
        self.hall_id = create_hall(
            self.store, get_pack("electricity_hall").profile_defaults("某营业厅")
        )
        template = _template()
        self.template_id = storage.save_template(self.store, self.hall_id, template)
        self.family_id = template.family_id

    def sql(self, query, params=()):
        with sqlite3.connect(self.path) as conn:
            return conn.execute(query, params).fetchall()

    def latest(self) -> Template:
        return storage.load_template(
            self.store, storage.latest_version_id(self.store, self.family_id)
        )

    def keys(self) -> list[str]:
        return [item.key for item in self.latest().items()]

    def versions(self) -> int:
        (count,) = self.sql("SELECT count(*) FROM templates WHERE family_id = ?", (self.family_id,))
        return count[0]


@pytest.fixture
def hall(tmp_path):
    hall = Hall(tmp_path / "x.sqlite")
    yield hall
    hall.store.close()


class Dialogs:
    """Stands in for the file dialogs and the message box."""

    def __init__(self):
        self.open_path = None
        self.save_path = None
        self.suggested: list[str] = []
        self.problems: list[tuple[str, str, list[str]]] = []

    def choose_open(self):
        return self.open_path

    def choose_save(self, suggested):
        self.suggested.append(suggested)
        return self.save_path

    def show_problems(self, title, message, problems):
        self.problems.append((title, message, problems))


@pytest.fixture
def dialogs():
    return Dialogs()


@pytest.fixture
def editor(app, hall, dialogs, qtbot):
    widget = TemplateEditor(
        hall.store,
        hall.hall_id,
        choose_open=dialogs.choose_open,
        choose_save=dialogs.choose_save,
        show_problems=dialogs.show_problems,
    )
    qtbot.addWidget(widget)
    widget.resize(1100, 650)
    activate(qtbot, widget)
    return widget


def _click(qtbot, button):
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(qtbot, editor, kind, key):
    """Clicks the row of a section or item in the tree."""
    index = editor.tree_model.index_of(kind, key, 1)
    assert index.isValid(), key
    editor.tree.scrollTo(index)
    rect = editor.tree.visualRect(index)
    qtbot.mouseClick(editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert editor.selected_key() == (kind, key)


def _retype(qtbot, edit, text):
    """Replaces a line edit's text as a user does and confirms it with Return."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus)
    edit.selectAll()
    type_text(qtbot, edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def _item(hall, key, column="text"):
    rows = hall.sql(
        f"SELECT i.{column} FROM template_items i JOIN templates t ON t.id = i.template_id "
        "WHERE t.family_id = ? AND i.key = ? ORDER BY t.version DESC LIMIT 1",
        (hall.family_id, key),
    )
    return rows[0][0] if rows else None


def test_shows_the_template_as_sections_and_items(editor, hall):
    assert editor.objectName() == "templateEditor"
    assert editor.template_combo.currentText() == f"{NAME} · 版本 1"
    model = editor.tree_model
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == ["开门检查", "环境"]
    open_section = model.index(0, 0)
    assert [model.index(r, 0, open_section).data() for r in range(3)] == [
        "OPEN-01",
        "OPEN-02",
        "OPEN-03",
    ]
    env_item = model.index_of("item", "ENV-01")
    row = [model.index(env_item.row(), c, env_item.parent()).data() for c in range(5)]
    assert row == ["ENV-01", "室内温度适宜", "数值（有合格范围）", "1", "一般"]
    assert not editor.version_label.isVisible()


def test_tree_model_passes_qt_model_checks(editor, qtmodeltester):
    qtmodeltester.check(editor.tree_model)


def test_section_and_item_added_with_buttons_and_filled_in_by_keyboard(editor, hall, qtbot):
    changes = []
    editor.templatesChanged.connect(lambda: changes.append(1))
    _select(qtbot, editor, "section", "ENV")
    _click(qtbot, editor.add_section_button)
    sections = lambda: hall.sql(  # noqa: E731
        "SELECT key, title FROM template_sections WHERE template_id = ? ORDER BY sort_order",
        (hall.template_id,),
    )
    assert sections() == [("OPEN", "开门检查"), ("ENV", "环境"), ("SEC1", "新分区")]
    assert editor.selected_key() == ("section", "SEC1")
    assert editor.section_title_edit.hasFocus()
    type_text(qtbot, editor.section_title_edit, "咨询服务区")
    qtbot.keyClick(editor.section_title_edit, Qt.Key.Key_Return)
    assert sections()[-1] == ("SEC1", "咨询服务区")

    _click(qtbot, editor.add_item_button)
    assert _item(hall, "SEC1-01") == "新检查项目"
    assert editor.selected_key() == ("item", "SEC1-01")
    assert editor.item_text_edit.hasFocus()
    type_text(qtbot, editor.item_text_edit, "咨询台资料齐全、摆放整齐")
    qtbot.keyClick(editor.item_text_edit, Qt.Key.Key_Return)
    assert _item(hall, "SEC1-01") == "咨询台资料齐全、摆放整齐"

    _retype(qtbot, editor.weight_spin, "4")
    assert _item(hall, "SEC1-01", "weight") == 4
    editor.severity_combo.setFocus()
    qtbot.keyClick(editor.severity_combo, Qt.Key.Key_Down)  # 一般 -> 严重
    assert _item(hall, "SEC1-01", "severity") == "critical"
    check = editor.photo_check
    qtbot.mouseClick(check, Qt.MouseButton.LeftButton, pos=QPoint(8, check.height() // 2))
    assert _item(hall, "SEC1-01", "photo_expected") == 1
    editor.category_combo.setFocus()
    qtbot.keyClick(editor.category_combo, Qt.Key.Key_Down)  # （无） -> 整理
    assert _item(hall, "SEC1-01", "category") == "sort"

    editor.answer_type_combo.setFocus()
    qtbot.keyClick(editor.answer_type_combo, Qt.Key.Key_Down)  # 合格 -> 数值
    assert _item(hall, "SEC1-01", "answer_type") == "number"
    assert "下限或上限" in editor.item_hint.text()
    _retype(qtbot, editor.maximum_edit, "5")
    assert _item(hall, "SEC1-01", "maximum") == 5.0
    _retype(qtbot, editor.minimum_edit, "9")  # above the maximum: refused
    assert _item(hall, "SEC1-01", "minimum") is None
    assert editor.item_hint.text() == "下限不能大于上限。"
    assert editor.minimum_edit.text() == ""

    # A second item gets the next number; the tree shows both.
    _click(qtbot, editor.add_item_button)
    assert hall.keys()[-2:] == ["SEC1-01", "SEC1-02"]
    assert editor.version_label.isHidden()
    assert changes and hall.versions() == 1  # no round used it: edits stay in version 1

    # Every step undoes, newest first, and redoes.
    stack = editor.undo_stack
    _click(qtbot, editor.undo_button)  # the second item
    assert "SEC1-02" not in hall.keys()
    _click(qtbot, editor.undo_button)  # the maximum
    assert _item(hall, "SEC1-01", "maximum") is None
    _click(qtbot, editor.undo_button)  # the answer type
    assert _item(hall, "SEC1-01", "answer_type") == "pass_fail"
    while stack.index() > 3:  # back to the new item, before its text was typed
        _click(qtbot, editor.undo_button)
    assert _item(hall, "SEC1-01") == "新检查项目"
    _click(qtbot, editor.undo_button)
    assert _item(hall, "SEC1-01") is None
    _click(qtbot, editor.undo_button)
    assert sections()[-1] == ("SEC1", "新分区")
    _click(qtbot, editor.undo_button)
    assert [key for key, _title in sections()] == ["OPEN", "ENV"]
    assert not editor.undo_button.isEnabled()
    while editor.redo_button.isEnabled():
        _click(qtbot, editor.redo_button)
    assert sections()[-1] == ("SEC1", "咨询服务区")
    assert _item(hall, "SEC1-01") == "咨询台资料齐全、摆放整齐"
    assert _item(hall, "SEC1-01", "maximum") == 5.0
    assert hall.keys()[-1] == "SEC1-02"


def test_item_reworded_moved_up_deleted_with_undo_and_redo(editor, hall, qtbot):
    _select(qtbot, editor, "item", "OPEN-02")
    _retype(qtbot, editor.item_text_edit, "叫号机、评价器开机正常")
    assert _item(hall, "OPEN-02") == "叫号机、评价器开机正常"
    assert editor.tree_model.index_of("item", "OPEN-02", 1).data() == "叫号机、评价器开机正常"

    _click(qtbot, editor.move_up_button)
    assert hall.keys() == ["OPEN-02", "OPEN-01", "OPEN-03", "ENV-01"]
    assert editor.selected_key() == ("item", "OPEN-02")
    assert not editor.move_up_button.isEnabled()  # first of its section now

    _click(qtbot, editor.remove_button)
    assert hall.keys() == ["OPEN-01", "OPEN-03", "ENV-01"]

    _click(qtbot, editor.undo_button)
    assert hall.keys() == ["OPEN-02", "OPEN-01", "OPEN-03", "ENV-01"]
    assert _item(hall, "OPEN-02") == "叫号机、评价器开机正常"
    assert _item(hall, "OPEN-02", "severity") == "critical"  # all of it comes back
    _click(qtbot, editor.undo_button)
    assert hall.keys() == ["OPEN-01", "OPEN-02", "OPEN-03", "ENV-01"]
    _click(qtbot, editor.undo_button)
    assert _item(hall, "OPEN-02") == "叫号机开机正常"

    _click(qtbot, editor.redo_button)
    assert _item(hall, "OPEN-02") == "叫号机、评价器开机正常"
    _click(qtbot, editor.redo_button)
    assert hall.keys() == ["OPEN-02", "OPEN-01", "OPEN-03", "ENV-01"]
    qtbot.keyClick(
        editor.tree,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert hall.keys() == ["OPEN-01", "OPEN-03", "ENV-01"]
    qtbot.keyClick(editor.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "OPEN-02" in hall.keys()
    assert hall.versions() == 1


def test_sections_move_and_delete_with_their_items(editor, hall, qtbot):
    _select(qtbot, editor, "section", "ENV")
    _click(qtbot, editor.move_up_button)
    assert hall.keys() == ["ENV-01", "OPEN-01", "OPEN-02", "OPEN-03"]
    _select(qtbot, editor, "section", "OPEN")
    _click(qtbot, editor.remove_button)
    assert hall.keys() == ["ENV-01"]
    _click(qtbot, editor.undo_button)
    assert hall.keys() == ["ENV-01", "OPEN-01", "OPEN-02", "OPEN-03"]
    assert _item(hall, "OPEN-01", "weight") == 2
    assert _item(hall, "OPEN-01", "category") == "shine"
    _click(qtbot, editor.undo_button)
    assert hall.keys() == ["OPEN-01", "OPEN-02", "OPEN-03", "ENV-01"]


def test_an_empty_item_text_is_refused(editor, hall, qtbot):
    _select(qtbot, editor, "item", "OPEN-03")
    edit = editor.item_text_edit
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert _item(hall, "OPEN-03") == "员工着装规范"
    assert edit.text() == "员工着装规范"
    assert editor.item_hint.text() == "检查项目不能为空。"


def test_editing_a_used_template_makes_version_2_and_the_round_keeps_version_1(
    app, hall, dialogs, qtbot
):
    v1 = storage.load_template(hall.store, hall.template_id)
    round_id = storage.start_round(
        hall.store,
        hall.hall_id,
        name="开门检查",
        round_date=dt.date(2026, 11, 25),
        template_id=hall.template_id,
    )
    storage.set_answer(hall.store, round_id, v1.items()[0], PASS)

    editor = TemplateEditor(hall.store, hall.hall_id, show_problems=dialogs.show_problems)
    qtbot.addWidget(editor)
    editor.resize(1100, 650)
    activate(qtbot, editor)
    assert editor.version_label.isVisible()
    assert editor.version_label.text() == (
        "版本 1 · 已被 1 轮巡检使用：修改会生成新版本，旧记录保持不变"
    )

    _select(qtbot, editor, "item", "OPEN-01")
    _retype(qtbot, editor.item_text_edit, "大门、玻璃门、门把手干净")
    assert hall.versions() == 2
    assert editor.template_combo.currentText() == f"{NAME} · 版本 2"
    assert editor.version_label.isHidden()  # version 2 is not used yet
    latest = hall.latest()
    assert latest.version == 2 and latest.items()[0].text == "大门、玻璃门、门把手干净"
    assert storage.load_template(hall.store, hall.template_id).items()[0].text == (
        "大门、玻璃门干净无污渍"
    )
    record = storage.load_round(hall.store, round_id)
    assert record.template.id == hall.template_id and record.template.version == 1
    assert record.answers["OPEN-01"].result == PASS

    # Further edits and their undo go to version 2; version 1 never changes.
    _click(qtbot, editor.move_down_button)
    assert hall.keys() == ["OPEN-02", "OPEN-01", "OPEN-03", "ENV-01"]
    _click(qtbot, editor.undo_button)
    _click(qtbot, editor.undo_button)
    assert hall.versions() == 2
    assert hall.latest().items()[0].text == "大门、玻璃门干净无污渍"
    _click(qtbot, editor.redo_button)
    assert hall.latest().items()[0].text == "大门、玻璃门、门把手干净"
    assert [i.text for i in storage.load_template(hall.store, hall.template_id).items()] == [
        i.text for i in v1.items()
    ]


BROKEN_CSV = (
    "模板,供电营业厅巡检表\n"
    "分区,编号,检查项目,权重,类型,下限\n"
    "开门检查,OPEN-01,大门干净,2,合格,\n"
    "开门检查,OPEN-02,叫号机正常,高,合格,\n"
    "环境,ENV-01,温度适宜,1,数值,\n"
    "环境,OPEN-01,重复编号,1,合格,\n"
)


def test_a_broken_file_shows_every_problem_with_its_line_and_changes_nothing(
    editor, hall, dialogs, qtbot, tmp_path
):
    path = tmp_path / "broken.csv"
    path.write_bytes(BROKEN_CSV.encode("utf-8-sig"))
    dialogs.open_path = str(path)
    before = hall.sql("SELECT count(*) FROM templates")
    _click(qtbot, editor.import_button)
    assert len(dialogs.problems) == 1
    title, message, problems = dialogs.problems[0]
    assert title == "无法导入模板"
    assert "broken.csv" in message and "没有导入任何内容" in message
    assert any(p.startswith("第 4 行：") and "权重" in p for p in problems)
    assert any(p.startswith("第 5 行：") and "下限或上限" in p for p in problems)
    assert any(p.startswith("第 6 行：") and "OPEN-01" in p for p in problems)
    assert all(p.startswith("第 ") for p in problems)
    assert hall.sql("SELECT count(*) FROM templates") == before
    assert editor.template_combo.count() == 1


def test_a_missing_file_is_explained(editor, dialogs, qtbot, tmp_path):
    dialogs.open_path = str(tmp_path / "nowhere.csv")
    _click(qtbot, editor.import_button)
    title, message, problems = dialogs.problems[0]
    assert title == "无法导入模板" and "nowhere.csv" in message
    assert problems == ["文件或文件夹不存在。"]


VALID_CSV = (
    "模板,营业厅环境巡检,Hall environment round\n"
    "分区,分区英文,编号,检查项目,英文,权重,严重度,类型,下限,上限,单位\n"
    "环境,Environment,ENV-01,室内温度适宜,Indoor temperature,2,一般,数值,18,26,℃\n"
    "环境,Environment,ENV-02,地面干净无积水,Floor clean and dry,3,严重,合格,,,\n"
)


def test_a_valid_file_adds_a_template_and_shows_it(editor, hall, dialogs, qtbot, tmp_path):
    changes = []
    editor.templatesChanged.connect(lambda: changes.append(1))
    path = tmp_path / "env.csv"
    path.write_bytes(VALID_CSV.encode("utf-8-sig"))
    dialogs.open_path = str(path)
    _click(qtbot, editor.import_button)
    assert dialogs.problems == []
    assert changes == [1]
    templates = storage.list_templates(hall.store, hall.hall_id)
    assert [(t.name, t.version, t.items) for t in templates] == [
        (NAME, 1, 4),
        ("营业厅环境巡检", 1, 2),
    ]
    assert editor.template_combo.currentText() == "营业厅环境巡检 · 版本 1"
    assert editor.family_id == templates[1].family_id
    assert editor.tree_model.index_of("item", "ENV-02", 1).data() == "地面干净无积水"
    assert "营业厅环境巡检" in editor.status_label.text()


def test_a_file_with_a_known_name_becomes_its_next_version(editor, hall, dialogs, qtbot, tmp_path):
    exported = template_file.write_template(hall.latest()).decode("utf-8-sig")
    path = tmp_path / "changed.csv"
    path.write_bytes(exported.replace("员工着装规范", "员工着装规范，佩戴工号牌").encode("gb18030"))
    dialogs.open_path = str(path)
    _click(qtbot, editor.import_button)
    assert dialogs.problems == []
    assert hall.versions() == 2
    assert [(t.name, t.version) for t in storage.list_templates(hall.store, hall.hall_id)] == [
        (NAME, 2)
    ]
    assert hall.latest().items()[2].text == "员工着装规范，佩戴工号牌"
    assert storage.load_template(hall.store, hall.template_id).items()[2].text == "员工着装规范"
    assert editor.template_combo.currentText() == f"{NAME} · 版本 2"
    assert "版本 2" in editor.status_label.text()


def test_export_round_trips(editor, hall, dialogs, qtbot, tmp_path):
    _select(qtbot, editor, "item", "OPEN-03")
    _retype(qtbot, editor.item_text_en_edit, 'Staff in uniform, "badge" & <name>')
    dialogs.save_path = str(tmp_path / "out")  # no suffix: .csv is added
    _click(qtbot, editor.export_button)
    assert dialogs.suggested == [f"{NAME}.csv"]
    assert dialogs.problems == []
    data = (tmp_path / "out.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    parsed = template_file.parse_template(data)
    stored = hall.latest()

    def content(template):
        return (
            template.name,
            template.name_en,
            [
                (s.key, s.title, s.title_en, [{**vars(i), "id": None} for i in s.items])
                for s in template.sections
            ],
        )

    assert content(parsed) == content(stored)
    assert parsed.items()[2].text_en == 'Staff in uniform, "badge" & <name>'


def test_export_to_an_unwritable_place_is_explained(editor, dialogs, qtbot, tmp_path):
    dialogs.save_path = str(tmp_path / "no-such-folder" / "out.csv")
    _click(qtbot, editor.export_button)
    title, message, problems = dialogs.problems[0]
    assert title == "无法导出模板"
    assert "out.csv" in message and "没有导出" in message
    assert problems == ["文件或文件夹不存在。"]
    folder = tmp_path / "folder.csv"
    folder.mkdir()
    dialogs.save_path = str(folder)
    _click(qtbot, editor.export_button)
    assert dialogs.problems[1][2] == ["这是一个文件夹，不是文件。"]


def test_a_hall_without_templates_says_how_to_start(app, tmp_path, qtbot):
    store = Store.open(tmp_path / "empty.sqlite")
    try:
        hall_id = create_hall(store, get_pack("electricity_hall").profile_defaults("某营业厅"))
        editor = TemplateEditor(store, hall_id)
        qtbot.addWidget(editor)
        assert editor.template_combo.count() == 0
        assert "导入" in editor.empty_page.text()
        assert not editor.add_section_button.isEnabled()
        assert not editor.export_button.isEnabled()
        assert editor.import_button.isEnabled()
    finally:
        store.close()


def test_each_template_keeps_its_own_undo_history(editor, hall, dialogs, qtbot, tmp_path):
    _select(qtbot, editor, "item", "OPEN-03")
    _retype(qtbot, editor.item_text_edit, "员工着装规范，佩戴工号牌")
    path = tmp_path / "env.csv"
    path.write_bytes(VALID_CSV.encode("utf-8-sig"))
    dialogs.open_path = str(path)
    _click(qtbot, editor.import_button)
    assert editor.template_combo.currentIndex() == 1
    assert not editor.undo_button.isEnabled()  # nothing done to the new template yet

    combo = editor.template_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Up)  # back to the first template
    assert editor.family_id == hall.family_id
    assert editor.selected_key() == ("section", "OPEN")
    _click(qtbot, editor.undo_button)
    assert _item(hall, "OPEN-03") == "员工着装规范"
