"""The day plan edited in its table: saved at once, no empty names, one round per time."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QTimeEdit

from hallsupervisor.domain.inspection.model import Template, TemplateItem, TemplateSection
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.gui.inspection.plan_editor import NAME, TEMPLATE, TIME, PlanEditor
from hallsupervisor.storage import inspection as storage
from hallsupervisor.storage.database import Store
from hallsupervisor.storage.halls import create_hall
from tests.gui.conftest import activate, type_text


def _template(name: str) -> Template:
    return Template(
        name, "", [TemplateSection("OPEN", "开门检查", "", [TemplateItem("OPEN-01", "大门干净")])]
    )


class Hall:
    def __init__(self, path):
        self.path = path
        self.store = Store.open(path)
        self.hall_id = create_hall(
            self.store, get_pack("electricity_hall").profile_defaults("某营业厅")
        )
        first, second = _template("开门检查表"), _template("午间巡检表")
        storage.save_template(self.store, self.hall_id, first)
        storage.save_template(self.store, self.hall_id, second)
        self.first, self.second = first.family_id, second.family_id
        storage.add_plan_entry(
            self.store, self.hall_id, "开门检查", "08:30", self.first, "Opening check"
        )

    def plan(self):
        with sqlite3.connect(self.path) as conn:
            return conn.execute(
                "SELECT name, time, template_family_id FROM round_plans "
                "WHERE deleted_at IS NULL ORDER BY time"
            ).fetchall()


@pytest.fixture
def hall(tmp_path):
    hall = Hall(tmp_path / "x.sqlite")
    yield hall
    hall.store.close()


@pytest.fixture
def editor(app, hall, qtbot):
    widget = PlanEditor(hall.store, hall.hall_id)
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    activate(qtbot, widget)
    return widget


def _cell_editor(qtbot, view):
    def opened():
        widget = QApplication.focusWidget()
        return widget is not None and view.viewport().isAncestorOf(widget)

    qtbot.waitUntil(opened)
    widget = QApplication.focusWidget()
    while widget.parentWidget() is not view.viewport():  # a QTimeEdit's focus is its line edit
        widget = widget.parentWidget()
    return widget


def _open_cell(qtbot, editor, row, column):
    view = editor.table
    view.setFocus()
    view.setCurrentIndex(editor.model.index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    return _cell_editor(qtbot, view)


def _closed(qtbot, view):
    qtbot.waitUntil(lambda: not view.viewport().isAncestorOf(QApplication.focusWidget()))


def _set_time(qtbot, editor, row, text):
    """Opens the time cell with F2, types the time as digits and confirms with Return."""
    outcome = []  # stored, or refused with a message: the delegate commits from the event loop
    editor.undo_stack.indexChanged.connect(lambda _index: outcome.append("stored"))
    editor.model.problem.connect(outcome.append)
    time_edit = _open_cell(qtbot, editor, row, TIME)
    assert isinstance(time_edit, QTimeEdit)
    assert time_edit.currentSection() == QTimeEdit.Section.HourSection
    qtbot.keyClicks(time_edit, text)
    qtbot.keyClick(time_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(outcome))
    _closed(qtbot, editor.table)


def test_shows_the_plan(editor, hall):
    assert editor.objectName() == "planEditor"
    model = editor.model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "名称",
        "英文名称",
        "时间",
        "模板",
    ]
    assert [model.index(0, c).data() for c in range(4)] == [
        "开门检查",
        "Opening check",
        "08:30",
        "开门检查表",
    ]


def test_plan_model_passes_qt_model_checks(editor, qtmodeltester):
    qtmodeltester.check(editor.model)


def test_a_round_is_added_named_timed_and_given_a_template(editor, hall, qtbot):
    changes = []
    editor.planChanged.connect(lambda: changes.append(1))
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert hall.plan() == [("开门检查", "08:30", hall.first), ("新巡检", "09:30", hall.first)]
    name = _cell_editor(qtbot, editor.table)  # the new round's name is open to type
    name.selectAll()
    type_text(qtbot, name, "午间巡检")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hall.plan()[1][0] == "午间巡检")
    _closed(qtbot, editor.table)

    _set_time(qtbot, editor, 1, "1200")
    assert hall.plan()[1] == ("午间巡检", "12:00", hall.first)
    assert editor.model.index(1, TIME).data() == "12:00"
    assert editor.table.currentIndex().row() == 1  # the round stays selected

    combo = _open_cell(qtbot, editor, 1, TEMPLATE)
    assert isinstance(combo, QComboBox)
    assert [combo.itemText(i) for i in range(combo.count())] == ["开门检查表", "午间巡检表"]
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.keyClick(combo, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: hall.plan()[1][2] == hall.second)
    assert editor.model.index(1, TEMPLATE).data() == "午间巡检表"
    assert changes

    # Each change undoes in turn, down to the round not being there.
    for expected in (
        ("午间巡检", "12:00", hall.first),
        ("午间巡检", "09:30", hall.first),
        ("新巡检", "09:30", hall.first),
    ):
        qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
        assert hall.plan()[1] == expected
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert hall.plan() == [("开门检查", "08:30", hall.first)]
    qtbot.mouseClick(editor.redo_button, Qt.MouseButton.LeftButton)
    assert hall.plan()[1] == ("新巡检", "09:30", hall.first)


def test_a_time_already_planned_is_refused_with_a_message(editor, hall, qtbot):
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    name = _cell_editor(qtbot, editor.table)
    qtbot.keyClick(name, Qt.Key.Key_Escape)
    _closed(qtbot, editor.table)
    before = hall.plan()
    assert before[1][1] == "09:30"

    _set_time(qtbot, editor, 1, "0830")
    assert hall.plan() == before
    assert editor.message_label.isVisible()
    assert editor.message_label.text() == "08:30 已安排了“开门检查”：每个时间只能安排一轮巡检。"
    assert editor.model.index(1, TIME).data() == "09:30"

    _set_time(qtbot, editor, 1, "1730")  # a free time is taken and the message goes
    assert hall.plan()[1][1] == "17:30"
    assert editor.message_label.isHidden()


def test_an_empty_name_is_refused(editor, hall, qtbot):
    name = _open_cell(qtbot, editor, 0, NAME)
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    _closed(qtbot, editor.table)
    assert hall.plan()[0][0] == "开门检查"
    assert editor.message_label.text() == "巡检名称不能为空。"


def test_a_removed_round_comes_back_with_undo(editor, hall, qtbot):
    entry_id = storage.day_plan(hall.store, hall.hall_id)[0].id
    editor.table.setCurrentIndex(editor.model.index(0, NAME))
    qtbot.mouseClick(editor.remove_button, Qt.MouseButton.LeftButton)
    assert hall.plan() == []
    assert not editor.remove_button.isEnabled()
    qtbot.mouseClick(editor.undo_button, Qt.MouseButton.LeftButton)
    assert [e.id for e in storage.day_plan(hall.store, hall.hall_id)] == [entry_id]


def test_no_round_without_a_template(app, tmp_path, qtbot):
    store = Store.open(tmp_path / "empty.sqlite")
    try:
        hall_id = create_hall(store, get_pack("electricity_hall").profile_defaults("某营业厅"))
        editor = PlanEditor(store, hall_id)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
        assert storage.day_plan(store, hall_id) == []
        assert "还没有巡检模板" in editor.message_label.text()
    finally:
        store.close()
