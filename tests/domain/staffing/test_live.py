"""Live queue advice: the last person's wait, which counters to open or close, who is free."""

from __future__ import annotations

import math
from datetime import datetime

import pytest

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.staffing import live
from hallsupervisor.domain.staffing.requirement import StaffingSettings
from tests.domain.staffing.test_requirement import profile

NOW = datetime(2024, 3, 4, 10, 0)
HANDLING = {"pay": 3.0, "enquiry": 5.0, "new": 15.0}


def hall():
    p = profile()
    p.staff = [
        StaffMember("王丽", role="supervisor", skills=["pay", "enquiry"], id="s1"),
        StaffMember("李强", skills=["pay"], id="s2"),
        StaffMember("张敏", skills=["new"], id="s3"),
        StaffMember("陈静", skills=["enquiry"], id="s4"),
    ]
    return p


SHIFTS = [
    live.RosterShift("s1", "王丽", "08:30", "17:30", "12:00", 60),
    live.RosterShift("s2", "李强", "08:30", "17:30", "09:30", 60),  # at lunch at 10:00
    live.RosterShift("s3", "张敏", "08:30", "12:30"),
    live.RosterShift("s4", "陈静", "13:00", "17:00"),  # not on shift yet
]


def test_last_person_waits_n_handling_times_over_counters():
    assert live.last_wait_minutes(10, 3.0, 2) == 15
    assert live.last_wait_minutes(0, 3.0, 0) == 0
    assert math.isinf(live.last_wait_minutes(3, 3.0, 0))


def test_long_queue_advises_opening_a_counter_with_free_skilled_staff():
    advice = live.advise(
        hall(), {"pay": 6, "enquiry": 2}, {"1号": "s3"}, HANDLING, StaffingSettings(), SHIFTS, NOW
    )
    shared = next(p for p in advice.pools if p.pool.key == "pay+enquiry")
    assert shared.last_wait_minutes == pytest.approx(6 * 3 + 2 * 5)  # 8 people, 1 counter
    assert shared.action == live.OPEN
    assert shared.counters_to_change == ("2号",)
    # 王丽 is on shift and free; 李强 is at lunch; 张敏 sits at 1号; 陈静 starts at 13:00.
    assert shared.free_staff == ("王丽",)
    assert "2号" in str(shared.message) and "王丽" in str(shared.message)
    assert not advice.surge


def test_short_queue_advises_closing_and_surge_beyond_the_threshold():
    advice = live.advise(
        hall(), {"pay": 1}, {"1号": "s1", "2号": "s2"}, HANDLING, StaffingSettings(), SHIFTS, NOW
    )
    shared = advice.pools[0]
    assert shared.action == live.CLOSE and shared.counters_to_change == ("2号",)
    surge = live.advise(
        hall(), {"pay": 30}, {"1号": "s1"}, HANDLING, StaffingSettings(surge_queue=25), SHIFTS, NOW
    )
    assert surge.surge and surge.total_waiting == 30
    none_open = live.advise(hall(), {"new": 2}, {}, HANDLING, StaffingSettings(), SHIFTS, NOW)
    assert math.isinf(none_open.pools[0].last_wait_minutes)
    assert not none_open.surge  # two people before the counters open: open one, no emergency
    slow = live.advise(hall(), {"new": 3}, {"3号": None}, HANDLING, StaffingSettings(), SHIFTS, NOW)
    assert slow.pools[0].last_wait_minutes == 45 and slow.surge  # 3 x target wait at an open counter
    assert none_open.pools[0].free_staff == ("张敏",)


def test_shift_working_at_excludes_lunch_and_end():
    shift = live.RosterShift("s", "x", "08:30", "17:30", "12:00", 60)
    assert shift.working_at("08:30") and shift.working_at("11:59")
    assert not shift.working_at("12:30") and not shift.working_at("17:30")


def test_today_advises_with_the_handling_times_the_live_page_uses(demo_db):
    """Today's live-queue lines take each business's handling time from the ticket log over
    the analysed weeks, as the staffing tab's live page does, not the profile's default."""
    import datetime as dt

    from hallsupervisor.domain.staffing import requirement, today_sections
    from hallsupervisor.domain.today import TodayContext
    from hallsupervisor.storage import halls
    from hallsupervisor.storage import staffing as records
    from hallsupervisor.storage.database import Store
    from tests.conftest import DEMO_NOW

    store = Store.open(demo_db)
    try:
        # Defaults far from what the log measured, so the two sources advise differently.
        store.execute("UPDATE business_types SET handling_minutes = 1")
        profile = halls.load_profile(store)
        settings = records.load_settings(store, profile.id)
        since = DEMO_NOW.date() - dt.timedelta(weeks=settings.weeks)
        until = DEMO_NOW.date() + dt.timedelta(days=1)
        tickets = requirement.normalise_business(
            records.load_tickets(store, profile.id, since, until), profile
        )
        hand = records.arrival_entries(store, profile.id, settings.interval_minutes)
        page_handling = requirement.analyse(profile, tickets, settings, hand).handling
        snapshot = records.latest_live(store, profile.id, DEMO_NOW.date())
        shifts = records.shifts_on(store, profile.id, DEMO_NOW.date())

        def advice(handling):
            return live.advise(
                profile, snapshot["waiting"], snapshot["counters_open"], handling, settings,
                shifts, DEMO_NOW,
            )

        expected = advice(page_handling)
        defaults = advice({b.code: b.handling_minutes for b in profile.business_types})
        assert [p.message for p in expected.pools] != [p.message for p in defaults.pools]

        section = today_sections.live_queue_section(TodayContext(store, profile, DEMO_NOW))
        lines = [item for item in section.items if "pool" in item.text.args]
        assert [item.detail for item in lines] == [
            p.message for p in expected.pools if p.action != live.KEEP or p.waiting
        ]
        assert [item.text.args["wait"].args["m"] for item in lines] == [
            round(p.last_wait_minutes) for p in expected.pools if p.action != live.KEEP or p.waiting
        ]
    finally:
        store.close()
