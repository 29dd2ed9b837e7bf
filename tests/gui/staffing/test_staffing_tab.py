"""The 排队与排班 tab driven as a user would: importing logs through the mapping step, hand
entry, the live queue, and generating and editing a roster with undo and redo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTime
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from hallsupervisor.domain.staffing.weekly import week_of
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW
from tests.gui.conftest import activate
from tests.gui.inspection.conftest import when_dialog_opens
from tests.storage.test_staffing import (
    VENDOR_HEADER,
    VENDOR_MAPPING,
    VENDOR_ROWS,
    vendor_csv,
    vendor_xlsx,
)

WEEK = week_of(DEMO_NOW.date())


@pytest.fixture
def staffing(app, settings, qtbot, demo_db):
    from hallsupervisor.gui.staffing.staffing_tab import StaffingTab

    store = Store.open(demo_db)
    tab = StaffingTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    yield tab
    tab.close()
    store.close()


def click_box_button(qtbot, box, role_or_text) -> None:
    for button in box.buttons():
        if button.text() == role_or_text or box.buttonRole(button) == role_or_text:
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            return
    raise AssertionError(f"no button {role_or_text}")


def close_message(qtbot, seen: list[str]):
    def handle(dialog):
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    return handle


def tickets(store, hall_id) -> int:
    return store.scalar("SELECT count(*) FROM tickets WHERE hall_id = ?", (hall_id,))


def map_and_import(qtbot, seen: list[str], *, set_mapping: bool):
    """Handles the mapping dialog: choose the vendor's columns (as a user picks them), import,
    then close the summary message."""

    def handle(dialog):
        if set_mapping:
            for field, column in VENDOR_MAPPING.items():
                box = dialog.choosers[field]
                box.setCurrentIndex(box.findData(column))
        else:  # remembered from last time
            assert all(dialog.choosers[f].currentData() == c for f, c in VENDOR_MAPPING.items())
        assert dialog.preview.rowCount() == len(VENDOR_ROWS)
        assert dialog.import_button.isEnabled()
        when_dialog_opens(qtbot, close_message(qtbot, seen))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    return handle


@pytest.mark.parametrize("kind", ["utf-8", "gbk", "xlsx"])
def test_import_through_the_mapping_step_and_twice_adds_nothing(staffing, qtbot, tmp_path, kind):
    page = staffing.open_page(staffing.DATA)
    store, hall_id = staffing.store, staffing.hall_id()
    before = tickets(store, hall_id)
    path = tmp_path / ("log.xlsx" if kind == "xlsx" else "log.csv")
    path.write_bytes(vendor_xlsx() if kind == "xlsx" else vendor_csv(kind))
    page.choose_file = lambda: str(path)
    seen: list[str] = []
    when_dialog_opens(qtbot, map_and_import(qtbot, seen, set_mapping=True))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 1)
    assert "已导入 4 条记录" in seen[0]
    assert tickets(store, hall_id) == before + 4
    codes = {
        r["business_type"]
        for r in store.query("SELECT business_type FROM tickets WHERE ticket_no IN ('A001', 'C001') AND issued_at < '2025'")
    }
    assert codes == {"pay", "new_connection"}
    assert "已导入 1 个文件" in page.summary.text()
    # The same file again: told so, nothing added, no mapping step.
    when_dialog_opens(qtbot, close_message(qtbot, seen))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert "已经导入过" in seen[1]
    assert tickets(store, hall_id) == before + 4
    # Another file of the same layout: the mapping is remembered.
    other = tmp_path / "second.csv"
    rows = [[c.replace("2024-03-04", "2024-03-11") for c in row] for row in VENDOR_ROWS]
    rows[2][2] = "水费代收"  # a business this hall does not have
    other.write_bytes(vendor_csv("gbk", rows))
    page.choose_file = lambda: str(other)
    when_dialog_opens(qtbot, map_and_import(qtbot, seen, set_mapping=False))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert tickets(store, hall_id) == before + 7  # C001 of 03-05 was already there
    assert "没有这些业务类型" not in seen[0]
    assert "水费代收（1 条）" in seen[2] and "Ctrl+Shift+P" in seen[2]


def test_a_broken_file_is_refused_with_its_rows_and_nothing_stored(staffing, qtbot, tmp_path):
    page = staffing.open_page(staffing.DATA)
    store, hall_id = staffing.store, staffing.hall_id()
    before = tickets(store, hall_id)
    path = tmp_path / "bad.csv"
    bad = VENDOR_ROWS + [["A009", "2024-03-04 08:20:00", "电费缴纳", "2024-03-04 08:31:00", "2024-03-04 08:35:00", ""]]
    path.write_bytes(vendor_csv("gbk", bad))
    page.choose_file = lambda: str(path)
    shown: list[str] = []

    def handle(dialog):
        for field, column in VENDOR_MAPPING.items():
            dialog.choosers[field].setCurrentIndex(dialog.choosers[field].findData(column))
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
        shown.append(dialog.problems.toPlainText())
        assert dialog.isVisible()  # stays open so the user can read and cancel
        click_box_button(qtbot, dialog.buttons, QDialogButtonBox.ButtonRole.RejectRole)

    when_dialog_opens(qtbot, handle)
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown))
    assert "第 6 行" in shown[0] and "没有导入任何记录" in shown[0]
    assert tickets(store, hall_id) == before
    assert records.list_imports(store, hall_id) == []
    assert records.saved_mapping(store, hall_id, VENDOR_HEADER) is None
    # An empty file, and one that is not a ticket log at all: refused before the mapping step.
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    page.choose_file = lambda: str(empty)
    told: list[str] = []
    when_dialog_opens(qtbot, close_message(qtbot, told))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(told))
    assert "空" in told[0]
    junk = tmp_path / "junk.xlsx"
    junk.write_bytes(b"PK\x03\x04garbage")
    page.choose_file = lambda: str(junk)
    seen: list[str] = []
    when_dialog_opens(qtbot, close_message(qtbot, seen))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(seen))
    assert "Excel" in seen[0]
    assert tickets(store, hall_id) == before


def test_hand_entry_is_stored_at_once_and_undone(staffing, qtbot):
    page = staffing.open_page(staffing.DATA)
    view = page.hand_view
    page.business.setCurrentIndex(page.business.findData("repair"))
    row = page.hand_model.starts.index("10:00")
    index = page.hand_model.index(row, 0)  # Monday
    view.setCurrentIndex(index)
    view.setFocus()
    activate(qtbot, staffing)
    view.edit(index)
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClicks(editor, "12")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    store, hall_id = staffing.store, staffing.hall_id()
    qtbot.waitUntil(lambda: bool(records.arrival_entries(store, hall_id, 30)))
    assert records.arrival_entries(store, hall_id, 30) == {(1, "10:00", "repair"): 12.0}
    assert page.hand_model.data(page.hand_model.index(row, 0)) == "12"
    heat_col = page.heat_model.starts.index("10:00")
    assert page.heat_model.grid[0][heat_col] > 12
    # Delete clears the cell (back to the log's figure); Ctrl+Z on this page brings it back.
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert records.arrival_entries(store, hall_id, 30) == {}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert records.arrival_entries(store, hall_id, 30) == {(1, "10:00", "repair"): 12.0}
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert records.arrival_entries(store, hall_id, 30) == {}

    # Text that is not a count is refused with a message and stores nothing.
    for typed in ("abc<&>", "-3", "99999"):
        view.setCurrentIndex(index)
        view.edit(index)
        editor = QApplication.focusWidget()
        editor.selectAll()
        qtbot.keyClicks(editor, typed)
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: page.hand_problem.isVisibleTo(page))
        assert f"“{typed}”不是人数" in page.hand_problem.text()
        assert records.arrival_entries(store, hall_id, 30) == {}
        assert not staffing.undo_stack.canUndo()
        page.hand_problem.setVisible(False)


def test_requirement_page_follows_the_target(staffing, qtbot):
    page = staffing.open_page(staffing.REQUIREMENT)
    assert page.table_model.rowCount() > 0
    header = page.table_model.headerData
    horizontal = Qt.Orientation.Horizontal
    assert header(5, horizontal) == "开窗口数"
    assert "缩减" in header(4, horizontal, Qt.ItemDataRole.ToolTipRole)
    before = sum(row[0].counters for row in page.table_model.rows)
    page.level.setValue(95)
    page.wait.setValue(3)
    stored = lambda: records.load_settings(staffing.store, staffing.hall_id())  # noqa: E731
    qtbot.waitUntil(lambda: stored().target_wait_minutes == 3)
    assert stored().service_level == 0.95
    after = sum(row[0].counters for row in page.table_model.rows)
    assert after > before
    # The target change is one undoable step: Ctrl+Z puts the old target back everywhere.
    activate(qtbot, staffing)
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert stored().service_level == 0.8 and stored().target_wait_minutes == 10
    assert page.level.value() == 80 and page.wait.value() == 10
    assert sum(row[0].counters for row in page.table_model.rows) == before
    staffing.undo_stack.redo()
    assert stored().service_level == 0.95 and page.level.value() == 95
    assert page.scheduled_curve.getData()[0] is not None


def test_live_queue_advice_and_the_surge_playbook(staffing, qtbot):
    page = staffing.open_page(staffing.LIVE)
    assert "3号窗口" in page.advice.text()  # the demo's queue asks for the third counter
    assert page.surge_button.isHidden()
    requested: list[str] = []
    staffing.playbook_requested.connect(requested.append)
    spin = page.queue.cellWidget(0, 1)
    spin.setValue(40)
    assert not page.surge_button.isHidden()
    qtbot.mouseClick(page.surge_button, Qt.MouseButton.LeftButton)
    assert requested == ["sudden_surge"]
    latest = records.latest_live(staffing.store, staffing.hall_id(), DEMO_NOW.date())
    assert latest["waiting"]["pay"] == 40


def cell_of(page, name: str, day: int) -> QModelIndex:
    row = next(i for i, (_sid, n) in enumerate(page.model.people) if n == name)
    return page.model.index(row, day)


def test_generate_and_edit_a_roster_with_undo_and_redo(staffing, qtbot, tmp_path):
    page = staffing.open_page(staffing.ROSTER)
    store, hall_id = staffing.store, staffing.hall_id()
    next_week = WEEK + dt.timedelta(days=7)
    page.week.setDate(next_week)
    assert records.load_roster(store, hall_id, next_week) is None
    assert not page.csv_button.isEnabled()
    qtbot.mouseClick(page.generate_button, Qt.MouseButton.LeftButton)
    roster = records.load_roster(store, hall_id, next_week)
    assert roster is not None and roster.shifts
    assert "工时" in page.summary.text()
    # Every shift went to someone who can serve at a counter.
    profile = halls.load_profile(store, hall_id)
    counter_staff = {m.id for m in profile.staff if m.role in ("counter", "supervisor")}
    assert {s.shift.staff_id for s in roster.shifts} <= counter_staff

    # Move a shift half an hour later with the keyboard.
    stored = roster.shifts[0]
    index = cell_of(page, stored.shift.staff_name, (stored.day - next_week).days)
    page.view.setCurrentIndex(index)
    page.view.setFocus()
    activate(qtbot, staffing)
    qtbot.keyClick(page.view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    def start_of() -> str:
        return store.scalar("SELECT start_time FROM roster_shifts WHERE id = ?", (stored.id,))

    def later(hhmm: str, minutes: int) -> str:
        t = dt.datetime.strptime(hhmm, "%H:%M") + dt.timedelta(minutes=minutes)
        return t.strftime("%H:%M")

    assert start_of() == later(stored.shift.start, 30)
    assert page.undo_button.toolTip() == "撤销：推后班次"
    qtbot.keyClick(page.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert start_of() == stored.shift.start
    qtbot.mouseClick(page.redo_button, Qt.MouseButton.LeftButton)
    assert start_of() == later(stored.shift.start, 30)

    # Change the shift's end in the dialog (Enter opens it).
    page.view.setCurrentIndex(index)
    def change_end(dialog):
        dialog.end.setTime(QTime(15, 0))
        dialog.has_lunch.setChecked(False)
        click_box_button(qtbot, dialog.findChild(QDialogButtonBox), QDialogButtonBox.ButtonRole.AcceptRole)

    when_dialog_opens(qtbot, change_end)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: store.scalar("SELECT end_time FROM roster_shifts WHERE id = ?", (stored.id,)) == "15:00")
    assert store.scalar("SELECT lunch_start FROM roster_shifts WHERE id = ?", (stored.id,)) == ""
    assert "15:00" in page.model.data(page.view.currentIndex())

    # Delete, undo it; the shortfall table follows.
    page.view.setCurrentIndex(index)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert store.scalar("SELECT deleted_at FROM roster_shifts WHERE id = ?", (stored.id,))
    assert page.coverage_table.columnCount() > 0
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert store.scalar("SELECT deleted_at FROM roster_shifts WHERE id = ?", (stored.id,)) is None

    # CSV for Excel/WPS: UTF-8 with a BOM, one line per shift.
    target = tmp_path / "roster.csv"
    page.choose_csv = lambda suggested: str(target)
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("日期,星期,人员") and len(lines) == 1 + len(roster.shifts)
    assert any(",15:00," in line for line in lines)

    # Undo everything back to before the generation: the week has no roster again.
    while staffing.undo_stack.canUndo():
        staffing.undo_stack.undo()
    assert records.load_roster(store, hall_id, next_week) is None
    staffing.undo_stack.redo()
    assert records.load_roster(store, hall_id, next_week).id == roster.id


def test_print_roster_opens_the_preview(staffing, qtbot):
    from hallsupervisor.gui.printing import PrintPreview

    page = staffing.open_page(staffing.ROSTER)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview)]
    qtbot.waitUntil(lambda: any(p.isVisible() for p in previews))
    assert len(previews[0].pages) == 1
    previews[0].close()


def test_the_queue_is_read_from_the_ticket_machine(staffing, qtbot):
    page = staffing.open_page(staffing.LIVE)
    waiting = records.waiting_from_tickets(staffing.store, staffing.hall_id(), DEMO_NOW)
    assert sum(waiting.values()) > 0
    qtbot.mouseClick(page.from_tickets, Qt.MouseButton.LeftButton)
    assert page.waiting() == {b: waiting.get(b, 0) for b in page.waiting()}
    stored = records.latest_live(staffing.store, staffing.hall_id(), DEMO_NOW.date())
    assert stored["waiting"] == page.waiting()


def test_a_read_only_database_offers_no_edits(app, settings, qtbot, demo_db):
    from hallsupervisor.gui.staffing.staffing_tab import StaffingTab

    store = Store.open(demo_db, read_only=True)
    tab = StaffingTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(tab)
    tab.show()
    try:
        data = tab.open_page(tab.DATA)
        assert not data.import_button.isEnabled()
        roster = tab.open_page(tab.ROSTER)
        assert not roster.generate_button.isEnabled() and not roster.delete_button.isEnabled()
        assert roster.print_button.isEnabled()  # printing only reads
        live = tab.open_page(tab.LIVE)
        assert not live.queue.isEnabled()
        requirement = tab.open_page(tab.REQUIREMENT)
        assert not requirement.target_box.isEnabled()
    finally:
        tab.close()
        store.close()


def surge_runs(store) -> int:
    return store.scalar(
        "SELECT count(*) FROM incidents i JOIN playbooks p ON p.id = i.playbook_id"
        " WHERE i.deleted_at IS NULL AND p.code = 'sudden_surge'"
    )


def test_the_surge_button_opens_the_sudden_surge_playbook_ready_to_start(open_window, demo_db, qtbot):
    """End to end in the main window: Ctrl+4, a long queue typed on the live page, the surge
    button; the incidents tab shows the 突发客流 playbook with 启动处置 focused, and Enter on
    it starts that playbook's run."""
    from PySide6.QtWidgets import QDialog

    window = open_window(demo_db)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    tab = window.feature("staffing")
    assert window.tabs.currentIndex() == 3
    qtbot.waitUntil(tab.isVisible)
    live = tab.open_page(tab.LIVE)
    live.queue.cellWidget(0, 1).setValue(60)
    qtbot.waitUntil(live.surge_button.isVisible)
    qtbot.mouseClick(live.surge_button, Qt.MouseButton.LeftButton)
    assert window.tabs.currentWidget().objectName() == "incidentsPage"
    library = window.incidents.library
    assert library.detail.toPlainText().startswith("客流突增、排队过长")
    assert library.start_button.isEnabled()
    qtbot.waitUntil(library.start_button.hasFocus)
    before = surge_runs(window.store)
    started: list[str] = []

    def accept(dialog):
        started.append(dialog.windowTitle())
        dialog.done(QDialog.DialogCode.Accepted)

    when_dialog_opens(qtbot, accept)
    qtbot.keyClick(library.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: bool(started))
    assert surge_runs(window.store) == before + 1


def test_shift_patterns_are_added_and_deleted_with_undo(staffing, qtbot):
    page = staffing.open_page(staffing.ROSTER)
    store, hall_id = staffing.store, staffing.hall_id()
    page.inner.setCurrentIndex(1)
    before = len(records.list_patterns(store, hall_id))

    def fill(dialog):
        dialog.name.clear()
        dialog.name.setText("晚班")
        dialog.first.setTime(QTime(13, 0))
        dialog.last.setTime(QTime(13, 0))
        dialog.hours.setValue(4)
        dialog.lunch_minutes.setValue(0)
        click_box_button(qtbot, dialog.findChild(QDialogButtonBox), QDialogButtonBox.ButtonRole.AcceptRole)

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(page.findChild(type(page.generate_button), "addPatternButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(records.list_patterns(store, hall_id)) == before + 1)
    added = records.list_patterns(store, hall_id)[-1]
    assert (added.name, added.first_start, added.paid_minutes, added.lunch_minutes) == ("晚班", "13:00", 240, 0)
    page.patterns.selectRow(page.patterns.rowCount() - 1)
    qtbot.mouseClick(page.findChild(type(page.generate_button), "deletePatternButton"), Qt.MouseButton.LeftButton)
    assert len(records.list_patterns(store, hall_id)) == before
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert [s.name for s in records.list_patterns(store, hall_id)][-1] == "晚班"
    assert page.patterns.rowCount() == before + 1
    # Editing a pattern is undone too, and so is adding one.
    page.patterns.selectRow(page.patterns.rowCount() - 1)

    def rename(dialog):
        dialog.name.setText("晚班B")
        click_box_button(qtbot, dialog.findChild(QDialogButtonBox), QDialogButtonBox.ButtonRole.AcceptRole)

    when_dialog_opens(qtbot, rename)
    qtbot.mouseClick(page.findChild(type(page.generate_button), "editPatternButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: records.list_patterns(store, hall_id)[-1].name == "晚班B")
    assert page.undo_button.toolTip() == "撤销：修改班次模式"
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert records.list_patterns(store, hall_id)[-1].name == "晚班"
    # (the new edit replaced the deletion's redo) next comes the addition itself
    qtbot.mouseClick(page.undo_button, Qt.MouseButton.LeftButton)
    assert not page.undo_button.isEnabled()
    assert len(records.list_patterns(store, hall_id)) == before
    assert page.patterns.rowCount() == before
    qtbot.mouseClick(page.redo_button, Qt.MouseButton.LeftButton)
    assert records.list_patterns(store, hall_id)[-1].name == "晚班"


def test_a_shift_is_added_on_an_empty_day_and_a_second_one_refused(staffing, qtbot):
    page = staffing.open_page(staffing.ROSTER)
    store, hall_id = staffing.store, staffing.hall_id()
    roster = records.load_roster(store, hall_id, WEEK)
    model = page.model
    empty = next(
        model.index(r, d)
        for r in range(model.rowCount())
        for d in range(7)
        if model.stored(model.index(r, d)) is None
    )
    name = model.people[empty.row()][1]
    page.view.setCurrentIndex(empty)
    page.view.setFocus()
    activate(qtbot, staffing)

    def accept(dialog):
        assert name in dialog.windowTitle() or dialog.person.currentText() == name
        dialog.start.setTime(QTime(9, 0))
        dialog.end.setTime(QTime(13, 0))
        dialog.has_lunch.setChecked(False)
        assert not dialog.lunch.isEnabled()
        click_box_button(qtbot, dialog.findChild(QDialogButtonBox), QDialogButtonBox.ButtonRole.AcceptRole)

    when_dialog_opens(qtbot, accept)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(records.load_roster(store, hall_id, WEEK).shifts) == len(roster.shifts) + 1)
    day = WEEK + dt.timedelta(days=empty.column())
    added = [s for s in records.load_roster(store, hall_id, WEEK).shifts if s.day == day and s.shift.staff_name == name]
    assert [(s.shift.start, s.shift.end) for s in added] == [("09:00", "13:00")]
    # Giving someone a second shift the same day is refused and changes nothing.
    other = next(
        model.index(r, empty.column())
        for r in range(model.rowCount())
        if r != empty.row() and model.stored(model.index(r, empty.column())) is not None
    )
    page.view.setCurrentIndex(other)
    seen: list[str] = []

    def move_to_the_same_person(dialog):
        dialog.person.setCurrentIndex(dialog.person.findText(name))
        when_dialog_opens(qtbot, close_message(qtbot, seen))
        click_box_button(qtbot, dialog.findChild(QDialogButtonBox), QDialogButtonBox.ButtonRole.AcceptRole)

    when_dialog_opens(qtbot, move_to_the_same_person)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(seen))
    assert "已经有班次" in seen[0]
    assert len(records.load_roster(store, hall_id, WEEK).shifts) == len(roster.shifts) + 1
    staffing.undo_stack.undo()
    assert len(records.load_roster(store, hall_id, WEEK).shifts) == len(roster.shifts)


def test_a_new_hall_without_tickets_gets_hand_entry_and_a_roster(app, settings, qtbot, tmp_path):
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.gui.staffing.staffing_tab import StaffingTab

    store = Store.open(tmp_path / "new.sqlite")
    profile = get_pack("electricity_hall").profile_defaults("新营业厅")
    from hallsupervisor.domain.hall import StaffMember

    profile.staff = [
        StaffMember(f"员工{i}", f"N{i}", "counter", ["pay", "enquiry", "change"]) for i in range(6)
    ]
    hall_id = halls.create_hall(store, profile)
    tab = StaffingTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(tab)
    tab.show()
    try:
        for index in (tab.DATA, tab.REQUIREMENT, tab.LIVE, tab.ROSTER):
            assert tab.open_page(index) is not None
        assert tab.page(tab.REQUIREMENT).table_model.rowCount() == 0
        # Nothing needed yet: the roster says so instead of failing.
        roster_page = tab.page(tab.ROSTER)
        qtbot.mouseClick(roster_page.generate_button, Qt.MouseButton.LeftButton)
        assert records.load_roster(store, hall_id, WEEK).shifts == []
        # Typed arrivals are enough to plan from.
        for weekday in range(1, 6):
            for start in ("09:00", "09:30", "10:00", "10:30", "11:00"):
                records.set_arrival_entry(store, hall_id, "pay", weekday, start, 30, 20)
        tab.invalidate()
        asked: list[str] = []

        def replace(box):
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()

        when_dialog_opens(qtbot, replace)
        qtbot.mouseClick(roster_page.generate_button, Qt.MouseButton.LeftButton)
        assert asked and "替换" in asked[0]
        roster = records.load_roster(store, hall_id, WEEK)
        assert roster.shifts and max(roster.requirements[0]) >= 2
        assert tab.open_page(tab.REQUIREMENT).table_model.rowCount() > 0
    finally:
        tab.close()
        store.close()


def test_heat_map_agrees_with_the_tickets_in_the_database(staffing):
    page = staffing.open_page(staffing.DATA)
    store, hall_id = staffing.store, staffing.hall_id()
    since = (DEMO_NOW.date() - dt.timedelta(weeks=8)).isoformat()
    until = (DEMO_NOW.date() + dt.timedelta(days=1)).isoformat()
    mondays = store.scalar(
        "SELECT count(DISTINCT substr(issued_at, 1, 10)) FROM tickets WHERE hall_id = ? "
        "AND issued_at >= ? AND issued_at < ? AND strftime('%w', issued_at) = '1'",
        (hall_id, since, until),
    )
    at_ten = store.scalar(
        "SELECT count(*) FROM tickets WHERE hall_id = ? AND issued_at >= ? AND issued_at < ? "
        "AND strftime('%w', issued_at) = '1' AND substr(issued_at, 12, 5) >= '10:00' "
        "AND substr(issued_at, 12, 5) < '10:30'",
        (hall_id, since, until),
    )
    column = page.heat_model.starts.index("10:00")
    assert page.heat_model.grid[0][column] == pytest.approx(at_ten / mondays)
    shown = page.heat_model.data(page.heat_model.index(0, column))
    assert shown == f"{at_ten / mondays:.0f}" or shown == f"{at_ten / mondays:.1f}"
    # The busiest cell is the darkest.
    top = max(max(row) for row in page.heat_model.grid)
    r, c = next((r, c) for r, row in enumerate(page.heat_model.grid) for c, v in enumerate(row) if v == top)
    brush = page.heat_model.data(page.heat_model.index(r, c), Qt.ItemDataRole.BackgroundRole)
    assert brush.color().name() == "#b22222"


def test_mapping_step_explains_itself(staffing, qtbot):
    """Unknown headers: nothing is guessed, the dialog says what is still to choose, each
    choice shows an example value, the preview marks the chosen columns, and one column
    chosen for two fields is refused."""
    from hallsupervisor.gui.staffing.import_dialog import ImportDialog

    header = "流水,TicketType,Take,CallT,EndT,Win"
    row = "A001,电费缴纳,2024-03-04 08:31:00,2024-03-04 08:35:00,2024-03-04 08:40:00,1号窗口"
    data = f"{header}\r\n{row}\r\n".encode("gbk")
    dialog = ImportDialog(staffing.store, staffing.hall_id(), data, "vendor.csv", staffing)
    qtbot.addWidget(dialog)
    assert not dialog.import_button.isEnabled()
    assert "票号" in dialog.status.text() and "办结时间" in dialog.status.text()
    box = dialog.choosers["issued_at"]
    box.setCurrentIndex(box.findData("Take"))
    assert "2024-03-04 08:31:00" in box.currentText()
    assert dialog.preview.horizontalHeaderItem(2).text().endswith("取号时间")
    assert dialog.preview.horizontalHeaderItem(3).text() == "CallT"
    for field, column in (("ticket_no", "流水"), ("business_type", "TicketType"),
                          ("called_at", "CallT"), ("finished_at", "Take")):
        dialog.choosers[field].setCurrentIndex(dialog.choosers[field].findData(column))
    assert not dialog.import_button.isEnabled()
    assert "Take" in dialog.status.text()
    dialog.choosers["finished_at"].setCurrentIndex(dialog.choosers["finished_at"].findData("EndT"))
    assert dialog.import_button.isEnabled()
    assert dialog.mapping()["finished_at"] == "EndT"


def test_need_beyond_the_halls_counters_is_said_plainly(staffing, qtbot):
    """The demo hall has three counters and its Monday morning needs more open: the
    requirement page and the roster's summary both say so instead of a silent cap."""
    page = staffing.open_page(staffing.REQUIREMENT)
    page.weekday.setCurrentIndex(0)
    peak = max(row[0].base_counters for row in page.table_model.rows)
    assert peak > 3
    assert page.capacity_note.isVisibleTo(page)
    assert "3 个窗口" in page.capacity_note.text() and f"最多 {peak} 个" in page.capacity_note.text()
    roster = staffing.open_page(staffing.ROSTER)
    assert "多于本厅的 3 个" in roster.summary.text()
    page.weekday.setCurrentIndex(6)  # Sunday is quiet
    if max((row[0].base_counters for row in page.table_model.rows), default=0) <= 3:
        assert not page.capacity_note.isVisibleTo(page)


def test_live_page_is_walked_with_tab_in_reading_order(staffing, qtbot):
    """Tab goes count to count (not through the tables), then the ticket-machine button, the
    counters, and the surge button when it shows."""
    page = staffing.open_page(staffing.LIVE)
    activate(qtbot, staffing)
    first = page.queue.cellWidget(0, 1)
    qtbot.waitUntil(first.isVisible)  # cell widgets show once the table has laid them out
    first.setFocus()
    qtbot.waitUntil(first.hasFocus)
    qtbot.keyClick(first, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.queue.cellWidget(1, 1)
    last = page.queue.cellWidget(page.queue.rowCount() - 1, 1)
    last.setFocus()
    qtbot.keyClick(last, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.from_tickets
    first.setValue(60)
    qtbot.waitUntil(page.surge_button.isVisible)
    combo = page.counters.cellWidget(page.counters.rowCount() - 1, 2)
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.surge_button


def test_staff_limits_are_stored_at_once_and_undone(staffing, qtbot):
    page = staffing.open_page(staffing.ROSTER)
    page.inner.setCurrentIndex(1)
    store, hall_id = staffing.store, staffing.hall_id()
    row = next(r for r in range(page.limits.rowCount()) if page.limits.item(r, 0).text() == "李强")
    staff_id = next(m.id for m in halls.load_profile(store, hall_id).staff if m.name == "李强")

    def days() -> int | None:
        limits = records.staff_limits(store, hall_id).get(staff_id)
        return limits.max_days_per_week if limits else None

    before = page.limits.cellWidget(row, 1).value()
    spin = page.limits.cellWidget(row, 1)
    spin.setValue(before - 1)
    spin.setValue(before - 2)  # two changes of one person: one undo step
    assert days() == before - 2
    activate(qtbot, staffing)
    qtbot.keyClick(page.limits, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert days() == before
    assert page.limits.cellWidget(row, 1).value() == before
    staffing.undo_stack.redo()
    assert days() == before - 2 and page.limits.cellWidget(row, 1).value() == before - 2
