"""Editing the hall profile through the dialog: saved at once, undoable, no Save button."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from hallsupervisor.gui.profile.profile_dialog import HallProfileDialog
from tests.gui.conftest import activate, type_text


def _db(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


@pytest.fixture
def dialog(open_window, demo_db, settings, qtbot):
    window = open_window(demo_db)
    dialog = HallProfileDialog(window.store, settings, window)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    return dialog


def _editor_of(qtbot, view):
    """The cell editor the view has opened, once it has the keyboard focus."""

    def opened():
        widget = QApplication.focusWidget()
        return widget is not None and view.viewport().isAncestorOf(widget)

    qtbot.waitUntil(opened)
    return QApplication.focusWidget()


def _edit_cell(qtbot, view, row, column, text):
    """Moves to a cell with the keyboard, opens it with F2, types and presses Return."""
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, 0))
    for _ in range(column):
        qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.currentIndex().column() == column
    qtbot.keyClick(view, Qt.Key.Key_F2)
    editor = _editor_of(qtbot, view)
    editor.selectAll()
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.viewport().isAncestorOf(QApplication.focusWidget()))


def test_hall_name_is_saved_as_typed_and_undo_puts_it_back(dialog, demo_db, qtbot):
    name = dialog.ui.nameEdit
    name.setFocus()
    name.selectAll()
    type_text(qtbot, name, "城东供电营业厅（新址）")
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert _db(demo_db, "SELECT name FROM halls") == [("城东供电营业厅（新址）",)]
    qtbot.mouseClick(dialog.ui.undoButton, Qt.MouseButton.LeftButton)
    assert _db(demo_db, "SELECT name FROM halls") == [("城东供电营业厅",)]
    assert name.text() == "城东供电营业厅"
    qtbot.keyClick(
        dialog,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert _db(demo_db, "SELECT name FROM halls") == [("城东供电营业厅（新址）",)]


def test_an_empty_hall_name_is_refused(dialog, demo_db, qtbot):
    name = dialog.ui.nameEdit
    name.setFocus()
    name.selectAll()
    qtbot.keyClick(name, Qt.Key.Key_Delete)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    assert _db(demo_db, "SELECT name FROM halls") == [("城东供电营业厅",)]
    assert name.text() == "城东供电营业厅"


def test_closing_sunday_is_stored_at_once(dialog, demo_db, qtbot):
    dialog.ui.pages.setCurrentIndex(0)
    sunday = dialog.ui.hoursEditor.rows[7][0]
    qtbot.mouseClick(sunday, Qt.MouseButton.LeftButton, pos=QPoint(8, sunday.height() // 2))
    hours = json.loads(_db(demo_db, "SELECT opening_hours FROM halls")[0][0])
    assert hours["7"] is None and hours["1"] == ["08:30", "17:30"]


def test_staff_added_named_given_a_skill_then_removed_and_undone(dialog, demo_db, qtbot):
    ui = dialog.ui
    ui.pages.setCurrentIndex(3)
    before = _db(demo_db, "SELECT count(*) FROM staff WHERE deleted_at IS NULL")[0][0]
    qtbot.mouseClick(ui.addStaffButton, Qt.MouseButton.LeftButton)
    editor = _editor_of(qtbot, ui.staffTable)
    editor.selectAll()
    type_text(qtbot, editor, "吴芳")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The item delegate commits a Return from the event loop.
    qtbot.waitUntil(lambda: dialog.staff_model.undo_stack.count() == 2)
    rows = _db(
        demo_db,
        "SELECT id, name, skills FROM staff WHERE deleted_at IS NULL "
        "ORDER BY created_at DESC LIMIT 1",
    )
    staff_id, staff_name, skills = rows[0]
    assert staff_name == "吴芳" and json.loads(skills) == []

    view = ui.staffTable
    row = dialog.staff_model.row_of(staff_id)
    pay_column = next(i for i, c in enumerate(dialog.staff_model.columns) if c.code == "pay")
    view.setFocus()
    view.setCurrentIndex(dialog.staff_model.index(row, pay_column))
    qtbot.keyClick(view, Qt.Key.Key_Space)  # ticks the 电费缴纳 skill
    assert json.loads(_db(demo_db, "SELECT skills FROM staff WHERE id = ?", (staff_id,))[0][0]) == [
        "pay"
    ]

    view.setCurrentIndex(dialog.staff_model.index(row, 0))
    qtbot.mouseClick(ui.removeStaffButton, Qt.MouseButton.LeftButton)
    assert _db(demo_db, "SELECT deleted_at IS NOT NULL FROM staff WHERE id = ?", (staff_id,)) == [
        (1,)
    ]
    assert dialog.staff_model.rowCount() == before
    qtbot.mouseClick(ui.undoButton, Qt.MouseButton.LeftButton)
    assert _db(demo_db, "SELECT deleted_at FROM staff WHERE id = ?", (staff_id,)) == [(None,)]
    assert dialog.staff_model.rowCount() == before + 1


def test_handling_minutes_and_counter_business_are_edited_in_the_tables(dialog, demo_db, qtbot):
    ui = dialog.ui
    ui.pages.setCurrentIndex(1)
    model = dialog.business_model
    pay_row = next(i for i, r in enumerate(model.rows) if r["code"] == "pay")
    _edit_cell(qtbot, ui.businessTable, pay_row, 2, "4.5")
    assert _db(demo_db, "SELECT handling_minutes FROM business_types WHERE code = 'pay'") == [
        (4.5,)
    ]

    ui.pages.setCurrentIndex(2)
    counters = dialog.counters_model
    repair_column = next(i for i, c in enumerate(counters.columns) if c.code == "repair")
    ui.countersTable.setFocus()
    ui.countersTable.setCurrentIndex(counters.index(0, repair_column))
    qtbot.keyClick(ui.countersTable, Qt.Key.Key_Space)
    served = _db(
        demo_db,
        "SELECT b.code FROM counter_business_types l JOIN business_types b "
        "ON b.id = l.business_type_id JOIN counters c ON c.id = l.counter_id "
        "WHERE c.label = '1号窗口' ORDER BY b.sort_order",
    )
    assert [code for (code,) in served] == ["pay", "enquiry", "repair"]


def test_a_zero_handling_time_is_not_accepted(dialog, demo_db, qtbot):
    dialog.ui.pages.setCurrentIndex(1)
    model = dialog.business_model
    row = next(i for i, r in enumerate(model.rows) if r["code"] == "enquiry")
    assert not model.setData(model.index(row, 2), 0)
    assert _db(demo_db, "SELECT handling_minutes FROM business_types WHERE code = 'enquiry'") == [
        (5.0,)
    ]


def test_profile_models_pass_qt_model_checks(dialog, qtmodeltester):
    for model in (dialog.business_model, dialog.counters_model, dialog.staff_model):
        qtmodeltester.check(model)


def test_closing_before_opening_is_explained_and_not_saved(dialog, demo_db, qtbot):
    dialog.ui.pages.setCurrentIndex(0)
    _open_box, start, end = dialog.ui.hoursEditor.rows[1]
    end.setFocus()
    end.setCurrentSection(end.Section.HourSection)
    for _ in range(12):  # 17:30 -> 05:30, before the 08:30 opening
        qtbot.keyClick(end, Qt.Key.Key_Down)
    qtbot.keyClick(end, Qt.Key.Key_Return)
    error = dialog.ui.hoursEditor.error_label
    assert error.isVisible() and "星期一：开门时间应早于关门时间" in error.text()
    hours = json.loads(_db(demo_db, "SELECT opening_hours FROM halls")[0][0])
    assert hours["1"] == ["08:30", "17:30"]
