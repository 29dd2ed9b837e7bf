"""A whole round by keyboard, as a supervisor keys in the paper sheet."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QDialogButtonBox, QLineEdit, QMessageBox

from hallsupervisor.gui.inspection.dialogs import AmendDialog, FailDialog, SignDialog
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate, type_text
from tests.gui.inspection.conftest import NOW, when_dialog_opens


def _db(path, sql, params=()):
    with sqlite3.connect(path) as conn:
        return conn.execute(sql, params).fetchall()


def _open_inspection(open_window, qtbot, db, now=NOW):
    window = open_window(db, clock=lambda: now)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab = window.inspection
    assert window.tabs.currentIndex() == 1
    qtbot.waitUntil(tab.isVisible)
    return window, tab


def _start_first_round(qtbot, tab):
    panel = tab.day_panel
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.round_view.record is not None)
    return tab.round_view


def _fail_with_note(qtbot, view, note, owner_index=1):
    def handle(dialog):
        assert isinstance(dialog, FailDialog)
        type_text(qtbot, dialog.ui.noteEdit, note)
        dialog.ui.ownerCombo.setCurrentIndex(owner_index)
        qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, handle)
    qtbot.keyClick(view.table, Qt.Key.Key_2)


def _type_value(qtbot, view, first_key, rest=""):
    """Types into the value cell of a number or text item (the first key opens it)."""
    row = view.current_row()
    qtbot.keyClick(view.table, first_key)

    # The cell editor; looked up directly, since offscreen Qt may leave no window active
    # after a dialog closes.
    qtbot.waitUntil(lambda: view.table.state() == QAbstractItemView.State.EditingState)
    editor = view.table.viewport().findChild(QLineEdit)
    type_text(qtbot, editor, rest)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: view.current_row() != row or view.record.completed_at is not None)
    qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)


def _sign(qtbot, view, signer="王丽"):
    def handle(dialog):
        assert isinstance(dialog, SignDialog)
        dialog.signer.setCurrentIndex(dialog.signer.findText(signer))
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, handle)
    activate(qtbot, view.window())  # shortcuts need the window active again after a dialog
    qtbot.keyClick(view.table, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_whole_round_by_keyboard_with_a_fail_and_sign_off(open_window, inspection_db, qtbot):
    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    assert view.current_row() == 0
    qtbot.keyClick(view.table, Qt.Key.Key_1)  # OPEN-01 合格
    _fail_with_note(qtbot, view, "叫号机卡纸，无法出票")  # OPEN-02 不合格
    qtbot.waitUntil(lambda: view.current_row() == 2)
    qtbot.keyClick(view.table, Qt.Key.Key_3)  # OPEN-03 不适用
    _type_value(qtbot, view, Qt.Key.Key_2, "2")  # ENV-01: 22 ℃
    qtbot.waitUntil(lambda: view.current_row() == 4)
    qtbot.keyClick(view.table, Qt.Key.Key_Space)  # ENV-02 合格
    _type_value(qtbot, view, Qt.Key.Key_Return, "注意雨天防滑")  # ENV-03 text
    qtbot.waitUntil(lambda: view.record.completed_at is not None)

    answers = dict(_db(inspection_db, "SELECT item_key, coalesce(result, value) FROM answers"))
    assert answers == {
        "OPEN-01": "pass",
        "OPEN-02": "fail",
        "OPEN-03": "na",
        "ENV-01": "22",
        "ENV-02": "pass",
        "ENV-03": "注意雨天防滑",
    }
    # Weighted: passes 2 (OPEN-01) + 1 (ENV-01) + 3 (ENV-02) out of 7 scored = 85.7.
    score, failed = _db(inspection_db, "SELECT score, failed FROM rounds")[0]
    assert round(score, 1) == 85.7 and failed == 1
    action = _db(
        inspection_db,
        "SELECT a.title, a.note, a.due_date, s.name, a.status FROM corrective_actions a "
        "JOIN staff s ON s.id = a.owner_id",
    )
    assert action == [("叫号机正常出票", "叫号机卡纸，无法出票", "2026-11-25", "王丽", "open")]

    _sign(qtbot, view)
    qtbot.waitUntil(lambda: view.record.signed)
    assert _db(inspection_db, "SELECT signed_by_name, signed_at FROM rounds") == [
        ("王丽", "2026-11-25 08:40:00")
    ]
    assert not view.pass_button.isEnabled() and view.amend_button.isEnabled()
    # A signed round is read-only: keys change nothing.
    view._select(0)
    qtbot.keyClick(view.table, Qt.Key.Key_2)
    assert _db(inspection_db, "SELECT result FROM answers WHERE item_key = 'OPEN-01'") == [
        ("pass",)
    ]
    # Today shows the round done and the open action due today.
    window.today.refresh()
    titles = window.today.section_titles()
    assert "今日巡检" in titles and "整改项" in titles


def test_a_round_closed_midway_reopens_where_it_stopped(open_window, inspection_db, qtbot):
    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    qtbot.keyClick(view.table, Qt.Key.Key_1)
    qtbot.keyClick(view.table, Qt.Key.Key_1)
    qtbot.keyClick(view.table, Qt.Key.Key_3)
    window.close()
    window.opened.close()  # the power goes off: nothing more is written

    again, tab2 = _open_inspection(open_window, qtbot, inspection_db)
    panel = tab2.day_panel
    assert "进行中" in panel.list.item(0).text()
    view2 = _start_first_round(qtbot, tab2)
    assert view2.current_row() == 3  # the first unanswered item, ENV-01
    assert {k: a.result for k, a in view2.record.answers.items()} == {
        "OPEN-01": "pass",
        "OPEN-02": "pass",
        "OPEN-03": "na",
    }


def test_remaining_items_marked_pass_after_confirmation(open_window, inspection_db, qtbot):
    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    qtbot.keyClick(view.table, Qt.Key.Key_1)

    def confirm(box):
        assert isinstance(box, QMessageBox) and "3 项" in box.text()
        box.button(QMessageBox.StandardButton.Yes).click()

    when_dialog_opens(qtbot, confirm)
    activate(qtbot, window)
    qtbot.keyClick(
        view.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    # Only pass/fail items are marked; the number and text items still need their value.
    assert dict(_db(inspection_db, "SELECT item_key, result FROM answers")) == {
        "OPEN-01": "pass",
        "OPEN-02": "pass",
        "OPEN-03": "pass",
        "ENV-02": "pass",
    }
    assert view.current_row() == 3


def test_amendment_of_a_signed_round_keeps_the_reason_and_the_chain(
    open_window, inspection_db, qtbot
):
    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    for _ in range(3):
        qtbot.keyClick(view.table, Qt.Key.Key_1)
    _type_value(qtbot, view, Qt.Key.Key_2, "4")
    qtbot.waitUntil(lambda: view.current_row() == 4)
    qtbot.keyClick(view.table, Qt.Key.Key_1)
    _type_value(qtbot, view, Qt.Key.Key_Return, "无")
    qtbot.waitUntil(lambda: view.record.completed_at is not None)
    _sign(qtbot, view)
    qtbot.waitUntil(lambda: view.record.signed)

    view._select(4)  # ENV-02 地面无积水 was wrongly keyed as 合格

    def amend(dialog):
        assert isinstance(dialog, AmendDialog)
        dialog.result.setCurrentIndex(dialog.result.findData("fail"))
        type_text(qtbot, dialog.note, "门口有积水")
        type_text(qtbot, dialog.reason, "复核纸质表，录入错误")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, amend)
    qtbot.mouseClick(view.amend_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: view.record.answers["ENV-02"].result == "fail")
    rows = _db(
        inspection_db, "SELECT item_key, old_result, new_result, reason, by_name FROM amendments"
    )
    assert rows == [("ENV-02", "pass", "fail", "复核纸质表，录入错误", "王丽")]
    assert _db(
        inspection_db, "SELECT count(*) FROM corrective_actions WHERE item_key = 'ENV-02'"
    ) == [(1,)]
    store = Store.open(inspection_db, read_only=True, migrate=False)
    try:
        assert records.verify_chain(store, view.record.hall_id) == []
    finally:
        store.close()


def test_failed_item_is_verified_by_a_later_round(open_window, inspection_db, qtbot):
    import datetime as dt

    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    qtbot.keyClick(view.table, Qt.Key.Key_1)
    _fail_with_note(qtbot, view, "叫号机卡纸")
    qtbot.waitUntil(lambda: view.current_row() == 2)
    window.close()
    window.opened.close()

    tomorrow = NOW + dt.timedelta(days=1)
    window2, tab2 = _open_inspection(open_window, qtbot, inspection_db, now=tomorrow)
    view2 = _start_first_round(qtbot, tab2)
    assert view2.record.round_date == "2026-11-26"
    qtbot.keyClick(view2.table, Qt.Key.Key_1)
    qtbot.keyClick(view2.table, Qt.Key.Key_1)  # OPEN-02 passes now
    status, note, closing_round = _db(
        inspection_db, "SELECT status, closing_note, closing_round_id FROM corrective_actions"
    )[0]
    assert status == "verified" and closing_round == view2.record.id
    assert "复查合格" in note


def test_a_failure_takes_a_pasted_photo_shown_as_a_thumbnail(open_window, inspection_db, qtbot):
    from PySide6.QtGui import QColor, QGuiApplication, QImage

    window, tab = _open_inspection(open_window, qtbot, inspection_db)
    view = _start_first_round(qtbot, tab)
    picture = QImage(2400, 1600, QImage.Format.Format_RGB32)
    picture.fill(QColor("#3366aa"))
    QGuiApplication.clipboard().setImage(picture)

    def handle(dialog):
        qtbot.mouseClick(dialog.ui.pastePhotoButton, Qt.MouseButton.LeftButton)
        assert dialog.ui.photoList.count() == 1
        type_text(qtbot, dialog.ui.noteEdit, "玻璃门有手印")
        qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, handle)
    qtbot.keyClick(view.table, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: view.current_row() == 1)
    rows = _db(
        inspection_db, "SELECT width, height, length(data), length(thumbnail), mime FROM photos"
    )
    # Scaled down to 1600 pixels on the long side, stored with the record as JPEG.
    assert [(w, h, mime) for w, h, _, _, mime in rows] == [(1600, 1066, "image/jpeg")]
    assert rows[0][2] > rows[0][3] > 0
    view._select(0)
    assert view.photo_strip.isVisible() and view.photo_strip.count() == 1
    assert "照片 1" in view.model.data(view.model.index(0, 4))
