"""The hall profile in the database: round trips, updates, soft deletes, settings."""

from __future__ import annotations

import json
import re
import sqlite3
import time
import uuid

import pytest

from hallsupervisor.domain.hall import BusinessType, Counter, HallProfile, StaffMember
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store

TIMESTAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
RECORD_TABLES = [
    "halls",
    "business_types",
    "counters",
    "counter_business_types",
    "staff",
    "hall_settings",
]


def _profile() -> HallProfile:
    hours = {day: ("08:30", "17:30") for day in range(1, 6)}
    hours.update({6: ("09:00", "12:00"), 7: None})
    return HallProfile(
        name="  城南供热服务厅 ",
        kind="heating",
        region=" 示例市城南区 ",
        pack="heating_hall",
        opening_hours=hours,
        business_types=[
            BusinessType("pay", "缴费", 3.0, "Payment"),
            BusinessType("repair", "报修", 12.5, "Repair"),
            BusinessType("enquiry", "咨询", 5.0),
        ],
        counters=[
            Counter("1号窗口", ["pay", "enquiry"]),
            Counter("2号窗口", ["repair"]),
            Counter("3号窗口", []),
        ],
        staff=[
            StaffMember("王丽", "RF001", "supervisor", ["pay", "repair"], "13800000001"),
            StaffMember("李强", "RF002", "counter", ["pay"]),
            StaffMember("孙悦", "", "guide", []),
        ],
    )


@pytest.fixture
def store(tmp_path):
    store = Store.open(tmp_path / "hall.sqlite")
    yield store
    store.close()


def _reopen(store: Store) -> Store:
    path = store.path
    store.close()
    return Store.open(path)


def test_empty_database_has_no_hall(store):
    assert halls.current_hall_id(store) is None
    assert halls.load_profile(store) is None
    assert halls.load_profile(store, "no-such-id") is None


def test_create_and_load_round_trip(store):
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    assert profile.id == hall_id and store.hall_id == hall_id
    assert all(b.id for b in profile.business_types)
    assert all(c.id for c in profile.counters)
    assert all(s.id for s in profile.staff)

    store = _reopen(store)  # from the file, not from memory
    try:
        assert halls.current_hall_id(store) == hall_id
        loaded = halls.load_profile(store)
        assert loaded.id == hall_id
        assert (loaded.name, loaded.kind, loaded.region, loaded.pack) == (
            "城南供热服务厅",
            "heating",
            "示例市城南区",
            "heating_hall",
        )  # names are trimmed
        assert loaded.opening_hours == {
            1: ("08:30", "17:30"),
            2: ("08:30", "17:30"),
            3: ("08:30", "17:30"),
            4: ("08:30", "17:30"),
            5: ("08:30", "17:30"),
            6: ("09:00", "12:00"),
            7: None,
        }
        assert loaded.business_types == profile.business_types  # order, names, minutes, ids
        assert [(c.label, c.business_types, c.id) for c in loaded.counters] == [
            ("1号窗口", ["pay", "enquiry"], profile.counters[0].id),
            ("2号窗口", ["repair"], profile.counters[1].id),
            ("3号窗口", [], profile.counters[2].id),
        ]
        assert loaded.staff == profile.staff
        assert loaded.staff[0].skills == ["pay", "repair"]
        assert loaded.staff[0].phone == "13800000001"
    finally:
        store.close()


def test_pack_defaults_round_trip(store):
    pack = get_pack("electricity_hall")
    profile = pack.profile_defaults("城东供电营业厅", "示例市城东区")
    assert profile.business_types and profile.counters
    hall_id = halls.create_hall(store, profile)
    loaded = halls.load_profile(store, hall_id)
    assert [b.code for b in loaded.business_types] == [b.code for b in profile.business_types]
    codes = [b.code for b in profile.business_types]
    # Each counter's codes come back in business-type order.
    assert [(c.label, c.business_types) for c in loaded.counters] == [
        (c.label, [code for code in codes if code in c.business_types]) for c in profile.counters
    ]
    assert loaded.opening_hours == profile.opening_hours


def test_counter_link_to_unknown_code_is_dropped(store):
    profile = _profile()
    profile.counters = [Counter("1号窗口", ["pay", "no_such_type"])]
    halls.create_hall(store, profile)
    assert [c.business_types for c in halls.load_profile(store).counters] == [["pay"]]


def test_every_record_has_uuid_hall_and_timestamps(store):
    hall_id = halls.create_hall(store, _profile())
    halls.set_setting(store, hall_id, "theme", "light")
    for table in RECORD_TABLES:
        rows = store.query(f"SELECT * FROM {table}")
        assert rows, table
        for row in rows:
            assert str(uuid.UUID(row["id"])) == row["id"], table
            assert row["hall_id"] == hall_id, table
            assert TIMESTAMP.match(row["created_at"]), (table, row["created_at"])
            assert TIMESTAMP.match(row["updated_at"]), (table, row["updated_at"])
            assert row["updated_at"] >= row["created_at"]
    ids = [r["id"] for t in RECORD_TABLES for r in store.query(f"SELECT id FROM {t}")]
    assert len(ids) == len(set(ids))
    hall = store.one("SELECT * FROM halls")
    assert hall["id"] == hall["hall_id"] == hall_id


def test_create_hall_is_all_or_nothing(store):
    profile = _profile()
    profile.business_types.append(BusinessType("bad", "零分钟", 0))  # CHECK handling_minutes > 0
    with pytest.raises(sqlite3.IntegrityError):
        halls.create_hall(store, profile)
    for table in RECORD_TABLES:
        assert store.scalar(f"SELECT count(*) FROM {table}") == 0, table
    assert halls.current_hall_id(store) is None


def _stamps(store, table, record_id):
    row = store.one(f"SELECT created_at, updated_at FROM {table} WHERE id = ?", (record_id,))
    return row["created_at"], row["updated_at"]


def test_update_hall(store):
    hall_id = halls.create_hall(store, _profile())
    created, updated = _stamps(store, "halls", hall_id)
    time.sleep(0.002)
    halls.update_hall(
        store, hall_id, name="城南供热服务中心", opening_hours={1: ("08:00", "18:00"), 7: None}
    )
    loaded = halls.load_profile(_reopen_same(store), hall_id)
    assert loaded.name == "城南供热服务中心"
    assert loaded.opening_hours[1] == ("08:00", "18:00")
    assert loaded.opening_hours[2] is None  # the whole week was replaced
    new_created, new_updated = _stamps(store, "halls", hall_id)
    assert new_created == created and new_updated > updated


def _reopen_same(store: Store) -> Store:
    """Forgets the cached hall so reads come from the file."""
    store.hall_id = None
    return store


def test_business_type_add_update_delete(store):
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    new = BusinessType("meter", "换表", 8.0, "Meter change")
    new_id = halls.add_business_type(store, hall_id, new)
    assert new.id == new_id
    assert [b.code for b in halls.list_business_types(store, hall_id)] == [
        "pay",
        "repair",
        "enquiry",
        "meter",
    ]  # added at the end

    repair = profile.business_types[1]
    created, updated = _stamps(store, "business_types", repair.id)
    time.sleep(0.002)
    halls.update_business_type(store, repair.id, name="故障报修", handling_minutes=20.0)
    changed = {b.code: b for b in halls.list_business_types(store, hall_id)}["repair"]
    assert (changed.name, changed.handling_minutes) == ("故障报修", 20.0)
    assert _stamps(store, "business_types", repair.id)[1] > updated

    halls.delete_business_type(store, repair.id)
    assert "repair" not in [b.code for b in halls.list_business_types(store, hall_id)]
    row = store.one("SELECT * FROM business_types WHERE id = ?", (repair.id,))
    assert row is not None and row["deleted_at"] and TIMESTAMP.match(row["deleted_at"])
    assert row["updated_at"] == row["deleted_at"]
    # No counter offers it any more (whether its link rows are kept is the module's choice).
    assert [c.business_types for c in halls.list_counters(store, hall_id)] == [
        ["pay", "enquiry"],
        [],
        [],
    ]
    # The code is free again for a new business type.
    again = halls.add_business_type(store, hall_id, BusinessType("repair", "报修", 10.0))
    assert again != repair.id
    assert halls.unused_business_code(store, hall_id, "type") == "type1"


def test_business_type_codes_are_unique_among_live_rows(store):
    hall_id = halls.create_hall(store, _profile())
    with pytest.raises(sqlite3.IntegrityError):
        halls.add_business_type(store, hall_id, BusinessType("pay", "重复", 3.0))
    halls.add_business_type(store, hall_id, BusinessType("type1", "新类型", 3.0))
    halls.add_business_type(store, hall_id, BusinessType("type2", "新类型", 3.0))
    assert halls.unused_business_code(store, hall_id, "type") == "type3"


def test_counter_add_update_delete(store):
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    added = halls.add_counter(store, hall_id, Counter("4号窗口", ["repair", "pay"]))
    counters = halls.list_counters(store, hall_id)
    assert [(c.label, c.business_types) for c in counters][-1] == ("4号窗口", ["pay", "repair"])
    assert counters[-1].id == added

    first = profile.counters[0]
    time.sleep(0.002)
    before = _stamps(store, "counters", first.id)[1]
    halls.update_counter(store, first.id, label="1号综合窗口", business_types=["repair"])
    counters = {c.id: c for c in halls.list_counters(store, hall_id)}
    assert (counters[first.id].label, counters[first.id].business_types) == (
        "1号综合窗口",
        ["repair"],
    )
    assert _stamps(store, "counters", first.id)[1] > before
    # Only the label: links stay.
    halls.update_counter(store, first.id, label="1号窗口")
    assert {c.id: c for c in halls.list_counters(store, hall_id)}[first.id].business_types == [
        "repair"
    ]

    halls.delete_counter(store, first.id)
    listed = halls.list_counters(store, hall_id)
    assert first.id not in [c.id for c in listed]
    assert len(listed) == 3
    row = store.one("SELECT * FROM counters WHERE id = ?", (first.id,))
    assert row["deleted_at"] is not None and row["label"] == "1号窗口"


def test_staff_add_update_delete(store):
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    member = StaffMember("陈静", "RF004", "counter", ["repair", "enquiry"], "13700000004")
    member_id = halls.add_staff(store, hall_id, member)
    assert member.id == member_id
    assert halls.list_staff(store, hall_id)[-1] == member

    li = profile.staff[1]
    halls.update_staff(
        store,
        li.id,
        skills=["pay", "enquiry", "繁忙时引导"],
        phone="13600000002",
        role="supervisor",
    )
    updated = {s.id: s for s in halls.list_staff(store, hall_id)}[li.id]
    assert (updated.skills, updated.phone, updated.role) == (
        ["pay", "enquiry", "繁忙时引导"],
        "13600000002",
        "supervisor",
    )
    raw = store.scalar("SELECT skills FROM staff WHERE id = ?", (li.id,))
    assert json.loads(raw) == ["pay", "enquiry", "繁忙时引导"] and "繁忙时引导" in raw

    halls.delete_staff(store, li.id)
    assert li.id not in [s.id for s in halls.list_staff(store, hall_id)]
    assert len(halls.list_staff(store, hall_id)) == 3
    row = store.one("SELECT * FROM staff WHERE id = ?", (li.id,))
    assert row["name"] == "李强" and row["deleted_at"] is not None
    assert store.scalar("SELECT count(*) FROM staff") == 4  # kept in the table


def test_soft_deleted_rows_survive_reopen(tmp_path):
    path = tmp_path / "hall.sqlite"
    store = Store.open(path)
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    halls.delete_staff(store, profile.staff[0].id)
    halls.delete_counter(store, profile.counters[2].id)
    store.close()
    store = Store.open(path)
    try:
        loaded = halls.load_profile(store, hall_id)
        assert [s.name for s in loaded.staff] == ["李强", "孙悦"]
        assert [c.label for c in loaded.counters] == ["1号窗口", "2号窗口"]
        assert store.scalar("SELECT count(*) FROM staff WHERE deleted_at IS NOT NULL") == 1
        assert store.scalar("SELECT count(*) FROM counters WHERE deleted_at IS NOT NULL") == 1
    finally:
        store.close()


def test_settings_get_and_set(store):
    hall_id = halls.create_hall(store, _profile())
    assert halls.get_setting(store, hall_id, "language") == ""
    assert halls.get_setting(store, hall_id, "language", "zh_CN") == "zh_CN"
    halls.set_setting(store, hall_id, "language", "en")
    assert halls.get_setting(store, hall_id, "language", "zh_CN") == "en"
    first = store.one("SELECT * FROM hall_settings WHERE key = 'language'")
    time.sleep(0.002)
    halls.set_setting(store, hall_id, "language", "zh_CN")
    assert halls.get_setting(store, hall_id, "language") == "zh_CN"
    rows = store.query("SELECT * FROM hall_settings WHERE key = 'language'")
    assert len(rows) == 1  # updated in place, not a second row
    assert rows[0]["id"] == first["id"] and rows[0]["updated_at"] > first["updated_at"]
    halls.set_setting(store, hall_id, "empty", "")
    assert halls.get_setting(store, hall_id, "empty", "default") == ""
    # Settings belong to one hall.
    other = halls.create_hall(store, HallProfile("另一个厅", "telecom"))
    assert halls.get_setting(store, other, "language", "none") == "none"


def test_current_hall_is_the_first_live_one(store):
    first = halls.create_hall(store, _profile())
    halls.create_hall(store, HallProfile("第二个厅", "telecom"))
    store.hall_id = None
    assert halls.current_hall_id(store) == first


def test_undelete_brings_records_back_with_their_counter_links(store):
    profile = _profile()
    hall_id = halls.create_hall(store, profile)
    pay = profile.business_types[0]
    halls.delete_business_type(store, pay.id)
    halls.delete_staff(store, profile.staff[0].id)
    halls.delete_counter(store, profile.counters[1].id)
    assert [c.business_types for c in halls.list_counters(store, hall_id)] == [["enquiry"], []]

    halls.undelete(store, "business_types", pay.id)
    halls.undelete(store, "staff", profile.staff[0].id)
    halls.undelete(store, "counters", profile.counters[1].id)
    loaded = halls.load_profile(store, hall_id)
    assert loaded.business_types == profile.business_types
    assert [(c.label, c.business_types) for c in loaded.counters] == [
        ("1号窗口", ["pay", "enquiry"]),
        ("2号窗口", ["repair"]),
        ("3号窗口", []),
    ]
    assert loaded.staff == profile.staff
    assert store.scalar("SELECT count(*) FROM staff WHERE deleted_at IS NOT NULL") == 0


def test_undelete_only_for_soft_deleted_tables(store):
    hall_id = halls.create_hall(store, _profile())
    with pytest.raises(ValueError):
        halls.undelete(store, "halls", hall_id)
    with pytest.raises(ValueError):
        halls.undelete(store, "tickets; DROP TABLE staff", hall_id)
