"""Queue and staffing records in a real database: imports, hand entries, patterns, limits,
rosters and live snapshots."""

from __future__ import annotations

import datetime as dt
import io

import pytest

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.domain.staffing.live import RosterShift
from hallsupervisor.domain.staffing.requirement import StaffingSettings
from hallsupervisor.domain.staffing.tickets import TicketLogError
from hallsupervisor.domain.staffing.weekly import GeneratedRoster, PatternSpec, StaffLimits
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records
from hallsupervisor.storage.database import Store

# A vendor's layout: Chinese headers in their own order and names, business as Chinese names.
VENDOR_HEADER = ["序号", "办结", "业务名称", "取号", "叫号", "柜台"]
VENDOR_MAPPING = {
    "ticket_no": "序号",
    "business_type": "业务名称",
    "issued_at": "取号",
    "called_at": "叫号",
    "finished_at": "办结",
    "counter": "柜台",
}
VENDOR_ROWS = [
    ["A001", "2024-03-04 08:40:00", "电费缴纳", "2024-03-04 08:31:00", "2024-03-04 08:35:00", "1号窗口"],
    ["A002", "2024-03-04 08:50:00", "电费缴纳", "2024-03-04 08:44:00", "2024-03-04 08:46:00", "2号窗口"],
    ["B001", "", "业务咨询", "2024-03-04 09:02:00", "", ""],
    ["C001", "2024-03-05 10:40:00", "新装增容", "2024-03-05 10:00:00", "2024-03-05 10:10:00", "3号窗口"],
]


def vendor_csv(encoding: str, rows=VENDOR_ROWS) -> bytes:
    lines = [",".join(VENDOR_HEADER)] + [",".join(r) for r in rows]
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def vendor_xlsx(rows=VENDOR_ROWS) -> bytes:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(VENDOR_HEADER)
    for row in rows:
        cells = []
        for value in row:
            try:
                cells.append(dt.datetime.strptime(value, "%Y-%m-%d %H:%M:%S"))
            except ValueError:
                cells.append(value or None)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.fixture
def hall(tmp_path):
    store = Store.open(tmp_path / "hall.sqlite")
    profile = get_pack("electricity_hall").profile_defaults("测试营业厅")
    profile.staff = [
        StaffMember("王丽", "GD1", "supervisor", ["pay", "enquiry"]),
        StaffMember("李强", "GD2", "counter", ["pay"]),
    ]
    hall_id = halls.create_hall(store, profile)
    yield store, hall_id
    store.close()


def stored_tickets(store, hall_id):
    return store.query(
        "SELECT ticket_no, business_type, issued_at, called_at, finished_at, counter, import_id "
        "FROM tickets WHERE hall_id = ? ORDER BY issued_at",
        (hall_id,),
    )


@pytest.mark.parametrize("kind", ["utf-8", "utf-8-sig", "gbk", "xlsx"])
def test_import_any_encoding_through_the_mapping_and_twice_adds_nothing(hall, kind):
    store, hall_id = hall
    data = vendor_xlsx() if kind == "xlsx" else vendor_csv(kind)
    result = records.import_tickets(store, hall_id, data, f"log.{kind}", VENDOR_MAPPING)
    assert (result.rows, result.added, result.already_imported) == (4, 4, False)
    assert result.unknown_business == {}
    rows = stored_tickets(store, hall_id)
    assert [r["business_type"] for r in rows] == ["pay", "pay", "enquiry", "new_connection"]
    assert rows[2]["called_at"] is None and rows[2]["finished_at"] is None
    assert rows[0]["counter"] == "1号窗口" and rows[0]["import_id"] == result.import_id
    assert records.saved_mapping(store, hall_id, VENDOR_HEADER) == VENDOR_MAPPING
    again = records.import_tickets(store, hall_id, data, "copy", VENDOR_MAPPING)
    assert again.already_imported and again.added == 0 and again.previous_name == f"log.{kind}"
    assert len(stored_tickets(store, hall_id)) == 4
    assert len(records.list_imports(store, hall_id)) == 1


def test_overlapping_file_adds_only_the_new_tickets(hall):
    store, hall_id = hall
    records.import_tickets(store, hall_id, vendor_csv("utf-8"), "a.csv", VENDOR_MAPPING)
    extra = VENDOR_ROWS[:2] + [
        ["A003", "2024-03-04 09:10:00", "电费缴纳", "2024-03-04 09:00:00", "2024-03-04 09:05:00", "1号窗口"]
    ]
    result = records.import_tickets(store, hall_id, vendor_csv("gbk", extra), "b.csv", VENDOR_MAPPING)
    assert (result.rows, result.added) == (3, 1)
    assert len(stored_tickets(store, hall_id)) == 5


def test_broken_file_is_refused_with_rows_and_stores_nothing(hall):
    store, hall_id = hall
    broken = VENDOR_ROWS + [
        ["A009", "2024-03-04 08:20:00", "电费缴纳", "2024-03-04 08:31:00", "2024-03-04 08:35:00", ""],
        ["A010", "", "电费缴纳", "三月四日", "", ""],
    ]
    with pytest.raises(TicketLogError) as caught:
        records.import_tickets(store, hall_id, vendor_csv("gbk", broken), "bad.csv", VENDOR_MAPPING)
    assert [p.args["row"] for p in caught.value.problems] == [6, 7]
    assert stored_tickets(store, hall_id) == []
    assert records.list_imports(store, hall_id) == []
    assert records.saved_mapping(store, hall_id, VENDOR_HEADER) is None
    with pytest.raises(TicketLogError):
        records.import_tickets(store, hall_id, b"PK\x03\x04 not really a workbook", "x.xlsx", None)
    assert stored_tickets(store, hall_id) == []


def test_load_tickets_by_period(hall):
    store, hall_id = hall
    records.import_tickets(store, hall_id, vendor_csv("utf-8"), "a.csv", VENDOR_MAPPING)
    tickets = records.load_tickets(store, hall_id, dt.date(2024, 3, 5), dt.date(2024, 3, 6))
    assert [t.ticket_no for t in tickets] == ["C001"]
    assert tickets[0].finished_at == dt.datetime(2024, 3, 5, 10, 40)


def test_hand_entries_settings_patterns_and_limits(hall):
    store, hall_id = hall
    records.set_arrival_entry(store, hall_id, "pay", 1, "09:00", 30, 12)
    records.set_arrival_entry(store, hall_id, "pay", 1, "09:00", 30, 14)
    records.set_arrival_entry(store, hall_id, "pay", 2, "09:00", 15, 3)
    assert records.arrival_entries(store, hall_id, 30) == {(1, "09:00", "pay"): 14.0}
    records.set_arrival_entry(store, hall_id, "pay", 1, "09:00", 30, None)
    assert records.arrival_entries(store, hall_id, 30) == {}
    with pytest.raises(ValueError):
        records.set_arrival_entry(store, hall_id, "pay", 1, "09:00", 30, -1)

    assert records.load_settings(store, hall_id) == StaffingSettings()
    chosen = StaffingSettings(interval_minutes=15, service_level=0.9, target_wait_minutes=5)
    records.save_settings(store, hall_id, chosen)
    assert records.load_settings(store, hall_id) == chosen
    with pytest.raises(ValueError):
        records.save_settings(store, hall_id, StaffingSettings(interval_minutes=7))

    specs = records.ensure_patterns(store, hall_id)
    assert [s.name for s in specs] == ["全天班", "上午班", "下午班"]
    assert records.ensure_patterns(store, hall_id) == specs  # only once
    records.update_pattern(store, specs[1].id, PatternSpec("早班", "08:00", "08:30", 300))
    records.delete_pattern(store, specs[2].id)
    assert [s.name for s in records.list_patterns(store, hall_id)] == ["全天班", "早班"]
    records.restore_pattern(store, specs[2].id)
    assert len(records.list_patterns(store, hall_id)) == 3
    with pytest.raises(ValueError):
        records.add_pattern(store, hall_id, PatternSpec("", "09:00", "08:00", 30))
    for spec in records.list_patterns(store, hall_id):
        records.delete_pattern(store, spec.id)
    assert records.ensure_patterns(store, hall_id) == []  # deleted on purpose: not put back

    staff_id = halls.load_profile(store, hall_id).staff[1].id
    records.set_staff_limits(store, hall_id, staff_id, StaffLimits(4, 12, True, 20))
    records.set_staff_limits(store, hall_id, staff_id, StaffLimits(3, 12, True, None))
    assert records.staff_limits(store, hall_id) == {staff_id: StaffLimits(3, 12, True, None)}


def test_roster_generation_replaces_the_week_and_undo_brings_it_back(hall):
    store, hall_id = hall
    monday = dt.date(2024, 3, 4)
    first = GeneratedRoster(monday, {0: [RosterShift("a", "王丽", "08:30", "17:30", "12:00", 60)]}, [[1] * 18] * 7, 8, 7, 6)
    first_id = records.save_generated(store, hall_id, first, 30, "08:30")
    second = GeneratedRoster(monday, {1: [RosterShift("b", "李强", "09:00", "13:00")]}, [[1] * 18] * 7, 4, 4, 4)
    second_id = records.save_generated(store, hall_id, second, 30, "08:30")
    roster = records.load_roster(store, hall_id, monday)
    assert roster.id == second_id and [s.shift.staff_name for s in roster.shifts] == ["李强"]
    assert records.shifts_on(store, hall_id, monday + dt.timedelta(days=1))[0].end == "13:00"
    records.restore_roster(store, second_id, first_id)
    roster = records.load_roster(store, hall_id, monday)
    assert roster.id == first_id and roster.day_shifts(0)[0].lunch_start == "12:00"
    records.redo_roster(store, second_id, first_id)
    assert records.load_roster(store, hall_id, monday).id == second_id

    shift_id = records.load_roster(store, hall_id, monday).shifts[0].id
    records.update_shift(store, shift_id, RosterShift("b", "李强", "09:30", "13:30"))
    assert records.load_roster(store, hall_id, monday).shifts[0].shift.start == "09:30"
    records.delete_shift(store, shift_id)
    assert records.load_roster(store, hall_id, monday).shifts == []
    records.restore_shift(store, shift_id)
    added = records.add_shift(store, hall_id, second_id, monday, RosterShift("a", "王丽", "08:00", "12:00"))
    assert {s.id for s in records.load_roster(store, hall_id, monday).shifts} == {shift_id, added}


def test_live_snapshots_merge_within_minutes_and_start_anew_later(hall):
    store, hall_id = hall
    t0 = dt.datetime(2024, 3, 4, 10, 0)
    records.record_live(store, hall_id, t0, {"pay": 3}, {"1号窗口": None})
    records.record_live(store, hall_id, t0 + dt.timedelta(minutes=2), {"pay": 5}, {})
    assert store.scalar("SELECT count(*) FROM live_queue_entries") == 1
    records.record_live(store, hall_id, t0 + dt.timedelta(minutes=20), {"pay": 9}, {})
    assert store.scalar("SELECT count(*) FROM live_queue_entries") == 2
    latest = records.latest_live(store, hall_id, t0.date())
    assert latest["waiting"] == {"pay": 9}
    assert records.latest_live(store, hall_id, dt.date(2024, 3, 5)) is None
    with pytest.raises(ValueError):
        records.save_live(store, hall_id, t0, {"pay": -1}, {})


def test_business_names_the_hall_lacks_are_reported_and_kept(hall):
    store, hall_id = hall
    rows = [row[:] for row in VENDOR_ROWS]
    rows[0][2] = rows[1][2] = "水费代收"
    result = records.import_tickets(store, hall_id, vendor_csv("utf-8", rows), "w.csv", VENDOR_MAPPING)
    assert result.unknown_business == {"水费代收": 2} and result.added == 4
    kept = store.scalar("SELECT count(*) FROM tickets WHERE business_type = '水费代收'")
    assert kept == 2
