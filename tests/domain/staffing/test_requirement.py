"""Counters needed per interval for the hall as set up: pools, targets, abandonment, heat map."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pytest

from hallsupervisor.domain.hall import BusinessType, Counter, HallProfile
from hallsupervisor.domain.staffing.queueing import counters_needed
from hallsupervisor.domain.staffing.requirement import (
    StaffingSettings,
    actual_by_interval,
    analyse,
    beyond_counters,
    day_intervals,
    estimate_abandonment,
    heat_map,
    merge_arrivals,
    normalise_business,
    pools,
    requirement,
    week_requirements,
)
from hallsupervisor.domain.staffing.tickets import Ticket


def profile(counters=None) -> HallProfile:
    hours = {d: ("08:30", "17:30") for d in range(1, 6)}
    hours.update({6: ("09:00", "12:00"), 7: None})
    return HallProfile(
        "测试厅",
        "electricity",
        opening_hours=hours,
        business_types=[
            BusinessType("pay", "电费缴纳", 3, "Bill payment"),
            BusinessType("enquiry", "业务咨询", 5, "Enquiry"),
            BusinessType("new", "新装增容", 15, "New connection"),
        ],
        counters=counters
        if counters is not None
        else [
            Counter("1号", ["pay", "enquiry"]),
            Counter("2号", ["enquiry"]),
            Counter("3号", ["new"]),
        ],
        id="hall",
    )


def test_shared_windows_pool_and_dedicated_windows_stand_alone():
    found = {p.key: p for p in pools(profile())}
    assert set(found) == {"pay+enquiry", "new"}
    assert found["pay+enquiry"].counters == ("1号", "2号")
    assert found["new"].dedicated and found["new"].counters == ("3号",)
    # A chain of shared counters joins everything; a type in the log no counter serves is alone.
    chained = profile([Counter("A", ["pay", "enquiry"]), Counter("B", ["enquiry", "new"])])
    keys = {p.key for p in pools(chained, ["queue_jump"])}
    assert keys == {"pay+enquiry+new", "queue_jump"}


def test_dedicated_types_are_computed_separately_and_shared_ones_pooled():
    settings = StaffingSettings(shrinkage=0.0)
    arrivals = {(1, "10:00", "pay"): 10.0, (1, "10:00", "enquiry"): 5.0, (1, "10:00", "new"): 3.0}
    handling = {"pay": 3.0, "enquiry": 5.0, "new": 15.0}
    rows = {r.pool: r for r in requirement(arrivals, handling, pools(profile()), settings)}
    shared = rows["pay+enquiry"]
    assert shared.arrivals == 15
    assert shared.aht_minutes == pytest.approx((10 * 3 + 5 * 5) / 15)
    expected = counters_needed(15 * 2, (10 * 3 + 5 * 5) / 15, target_wait_minutes=10)
    assert shared.counters == expected.counters
    alone = rows["new"]
    assert alone.counters == counters_needed(6, 15, target_wait_minutes=10).counters
    # Pooling never needs more counters than the types kept apart.
    apart = sum(
        counters_needed(v * 2, handling[c], target_wait_minutes=10).counters
        for (_w, _s, c), v in arrivals.items()
        if c != "new"
    )
    assert shared.counters <= apart


def test_shrinkage_and_average_wait_target_raise_the_count():
    arrivals = {(2, "09:00", "pay"): 20.0}
    handling = {"pay": 4.0}
    plain = requirement(arrivals, handling, pools(profile()), StaffingSettings(shrinkage=0))[0]
    shrunk = requirement(arrivals, handling, pools(profile()), StaffingSettings(shrinkage=0.3))[0]
    assert shrunk.base_counters == plain.base_counters
    assert shrunk.counters == math.ceil(plain.counters / 0.7)
    strict = requirement(
        arrivals,
        handling,
        pools(profile()),
        StaffingSettings(shrinkage=0, max_average_wait=0.2),
    )[0]
    assert strict.counters > plain.counters and strict.expected_wait_minutes <= 0.2


def test_week_requirements_add_pools_and_cap_at_the_halls_counters():
    settings = StaffingSettings(shrinkage=0)
    _first, starts = day_intervals(profile(), 30)
    assert starts[0] == "08:30" and starts[-1] == "17:00"
    arrivals = {(1, "10:00", "pay"): 40.0, (1, "10:00", "new"): 6.0, (3, "08:30", "pay"): 1.0}
    needs = requirement(arrivals, {"pay": 3, "new": 15}, pools(profile()), settings)
    week = week_requirements(needs, starts)
    column = starts.index("10:00")
    assert week[0][column] == sum(n.counters for n in needs if n.weekday == 1)
    assert week[2][0] == 1 and sum(week[6]) == 0
    capped = week_requirements(needs, starts, max_counters=3)
    assert capped[0][column] == 3
    # The need the hall's three counters cannot hold is reported, day by day.
    seats = sum(n.base_counters for n in needs if n.weekday == 1 and n.start == "10:00")
    assert seats > 3
    assert beyond_counters(needs, starts, 3) == {1: (1, seats)}
    assert beyond_counters(needs, starts, seats) == {}


def test_heat_map_is_seven_days_by_interval():
    _first, starts = day_intervals(profile(), 30)
    grid = heat_map({(1, "09:00", "pay"): 4.0, (1, "09:00", "new"): 1.5, (7, "08:30", "pay"): 2}, starts)
    assert len(grid) == 7 and all(len(row) == len(starts) for row in grid)
    assert grid[0][starts.index("09:00")] == 5.5
    assert grid[6][0] == 2


def test_hand_entries_replace_the_ticket_figure_cell_by_cell():
    merged = merge_arrivals({(1, "09:00", "pay"): 3.0, (1, "09:30", "pay"): 4.0}, {(1, "09:00", "pay"): 8.0})
    assert merged == {(1, "09:00", "pay"): 8.0, (1, "09:30", "pay"): 4.0}


def _ticket(no, kind, issued, wait=None, service=5):
    called = issued + timedelta(minutes=wait) if wait is not None else None
    finished = called + timedelta(minutes=service) if called else None
    return Ticket(no, kind, issued, called, finished)


def test_abandonment_estimate_and_erlang_a_offered_when_material():
    start = datetime(2024, 3, 4, 9, 0)
    tickets = [_ticket(f"A{i}", "pay", start + timedelta(minutes=i), wait=4) for i in range(18)]
    tickets += [_ticket("A98", "pay", start), _ticket("A99", "pay", start)]  # two left
    found = estimate_abandonment(tickets)
    assert found.rate == pytest.approx(0.1)
    assert found.patience_minutes == pytest.approx(4 / 0.1)
    assert found.material
    analysis = analyse(profile(), tickets, StaffingSettings(shrinkage=0))
    row = analysis.needs[0]
    assert row.erlang_a_counters is not None and row.erlang_a_counters <= row.counters
    # Nobody left: Erlang C alone.
    calm = analyse(profile(), tickets[:18], StaffingSettings(shrinkage=0))
    assert not calm.abandon.material and calm.needs[0].erlang_a_counters is None


def test_actual_waits_per_interval_against_the_target():
    start = datetime(2024, 3, 4, 9, 5)
    tickets = [
        _ticket("A1", "pay", start, wait=2),
        _ticket("A2", "pay", start, wait=14),
        _ticket("A3", "pay", start),
    ]
    found = actual_by_interval(tickets, 30, 10)[(1, "09:00")]
    assert (found.called, found.left) == (2, 1)
    assert found.mean_wait_minutes == 8 and found.within_target == 0.5


def test_vendor_business_names_become_the_halls_codes():
    tickets = [_ticket("1", "电费缴纳", datetime(2024, 3, 4, 9)), _ticket("2", "Enquiry", datetime(2024, 3, 4, 9))]
    assert [t.business_type for t in normalise_business(tickets, profile())] == ["pay", "enquiry"]


def test_settings_round_trip_and_refuse_nonsense():
    settings = StaffingSettings(15, 0.9, 5, 3.0, 0.2, 4, 30)
    assert StaffingSettings.from_json(settings.to_json()) == settings
    assert StaffingSettings.from_json("not json") == StaffingSettings()
    assert StaffingSettings.from_json('{"interval_minutes": 20}') == StaffingSettings()
    assert StaffingSettings(interval_minutes=20).validate()
    assert StaffingSettings(shrinkage=0.95).validate()
    assert not StaffingSettings().validate()


def test_zero_arrivals_need_nothing():
    assert requirement({(1, "09:00", "pay"): 0.0}, {"pay": 3}, pools(profile()), StaffingSettings()) == []
