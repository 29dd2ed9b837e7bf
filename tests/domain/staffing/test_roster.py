"""Counter cover (MILP with HiGHS) and the greedy roster on top of it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("highspy")

from hallsupervisor.domain.staffing.roster import (  # noqa: E402
    BENCH_CASES,
    MINUTES_PER_DAY,
    ShiftOption,
    ShiftPattern,
    StaffMember,
    assign_staff,
    bench_patterns,
    continuous_family,
    cover_requirements,
    lunch_family,
    starts_every,
)

BENCH = Path(__file__).resolve().parents[3].parent / "shared" / "bench" / "roster_week.json"
BEST_KNOWN = {
    "8h_continuous": 872,
    "9h_span_1h_lunch": 776,
    "lunch_shifts_plus_4h_part_time": 632,
}


# --- patterns and the coverage model -------------------------------------------------------


def test_starts_every_is_inclusive():
    assert starts_every("08:00", "09:00") == ["08:00", "08:30", "09:00"]
    assert len(continuous_family("8h", 480, "08:00", "12:00")) == 9


def test_lunch_option_skips_its_lunch_intervals():
    (pattern,) = lunch_family("9h", 540, 60, (180, 240), "08:00", "08:00")
    assert pattern.paid_minutes == 480 and pattern.lunch_choices == (180, 240)
    covered = ShiftOption(pattern, 180).covered_intervals(24, 30, "08:00")
    # 08:00-11:00 and 12:00-17:00 in half hours: 6 + 10 intervals, lunch 11:00-12:00 left out.
    assert covered == tuple(range(0, 6)) + tuple(range(8, 18))


def test_bad_lunch_is_rejected():
    with pytest.raises(ValueError):
        ShiftPattern("x", "08:00", 480, 540, (500,), 60)


# --- cover_requirements --------------------------------------------------------------------


def test_one_interval_needing_two_takes_two_shortest_covering_shifts():
    patterns = [
        ShiftPattern("8h", "08:00", 480, 480),
        ShiftPattern("4h", "08:00", 240, 240),
        ShiftPattern("4h late", "12:00", 240, 240),  # does not cover 08:00-08:30
    ]
    cover = cover_requirements([[2] + [0] * 23], patterns, 30)
    (day,) = cover.days
    assert [(s.option.pattern.name, s.count) for s in day.shifts] == [("4h", 2)]
    assert cover.staff_hours == 8
    assert cover.trivial_bound == 1.0
    assert day.shortfall == (0,) * 24 and cover.fully_covered


def test_known_optimum_staggered_part_timers():
    # 08:00-10:00 needs 1, 10:00-12:00 needs 2, 12:00-14:00 needs 1. The only 8 h answer is a
    # 4 h shift at 08:00 and one at 10:00; an 8 h shift would need a second person (12 h).
    patterns = continuous_family("4h", 240, "08:00", "16:00") + continuous_family(
        "8h", 480, "08:00", "12:00"
    )
    req = [1] * 4 + [2] * 4 + [1] * 4 + [0] * 12
    cover = cover_requirements([req], patterns, 30)
    assert cover.staff_hours == 8
    assert cover.trivial_bound == 8
    assert cover.trivial_bound <= cover.lp_bound <= cover.staff_hours + 1e-9
    counts = {s.option.pattern.name: s.count for s in cover.days[0].shifts}
    assert counts == {"4h 08:00": 1, "4h 10:00": 1}
    assert cover.days[0].coverage == tuple(req)


def test_zero_requirement_day_needs_nobody():
    patterns = continuous_family("8h", 480, "08:00", "12:00")
    cover = cover_requirements([[0] * 24, [1] * 16 + [0] * 8], patterns, 30)
    empty, busy = cover.days
    assert empty.status == "empty" and empty.shifts == () and empty.staff_hours == 0
    assert empty.shortfall == (0,) * 24
    assert busy.staff_hours == 8 and busy.fully_covered


def test_uncoverable_interval_is_reported_not_raised():
    # Nothing starts early enough for 08:00-08:30.
    patterns = [ShiftPattern("4h", "08:30", 240, 240)]
    cover = cover_requirements([[2, 1] + [0] * 22], patterns, 30)
    day = cover.days[0]
    assert day.shortfall[0] == 2 and day.shortfall[1] == 0
    assert day.status == "shortfall" and not cover.fully_covered
    assert cover.staff_hours == 4


def test_headcount_limit_gives_least_shortfall_then_fewest_hours():
    patterns = continuous_family("4h", 240, "08:00", "16:00")
    req = [3] * 8 + [0] * 16  # 08:00-12:00 needs three people
    cover = cover_requirements([req], patterns, 30, max_headcount_per_day=2)
    day = cover.days[0]
    assert day.headcount == 2 and day.staff_hours == 8
    assert day.shortfall == (1,) * 8 + (0,) * 16
    assert cover.shortfall_total == 8


@pytest.mark.skipif(not BENCH.exists(), reason="shared bench data not present")
@pytest.mark.parametrize("case", BENCH_CASES)
def test_bench_cases_fully_covered_at_or_below_best_known(case):
    data = json.loads(BENCH.read_text(encoding="utf-8"))
    requirements = data["interval_minutes_30"]
    cover = cover_requirements(requirements, bench_patterns(case), 30, data["opening"])
    assert cover.fully_covered
    for day, req in zip(cover.days, requirements, strict=True):
        assert all(c >= r for c, r in zip(day.coverage, req, strict=True))
    assert cover.staff_hours <= BEST_KNOWN[case]
    assert cover.lp_bound <= cover.staff_hours + 1e-6
    assert cover.trivial_bound <= cover.lp_bound + 1e-6


# --- assign_staff --------------------------------------------------------------------------


def _week_cover(daily_req, patterns, days=7):
    return cover_requirements([list(daily_req)] * days, patterns, 30)


def _check_limits(roster, staff):
    by_id = {p.id: p for p in staff}
    seen = {}
    for a in roster.assignments:
        person = by_id[a.staff_id]
        assert (a.staff_id, a.day) not in seen, "two shifts on one day"
        seen[(a.staff_id, a.day)] = a
        if person.part_time:
            assert a.option.pattern.paid_minutes <= 240
    for pid, person in by_id.items():
        shifts = sorted((a for a in roster.assignments if a.staff_id == pid), key=lambda a: a.day)
        assert len(shifts) <= person.max_days_per_week
        for prev, nxt in zip(shifts, shifts[1:], strict=False):
            rest = (nxt.day * MINUTES_PER_DAY + nxt.option.pattern.start_minute) - (
                prev.day * MINUTES_PER_DAY + prev.option.pattern.end_minute
            )
            assert rest >= person.min_rest_hours * 60


def test_assign_respects_days_rest_and_part_time():
    patterns = continuous_family("8h", 480, "08:00", "12:00") + continuous_family(
        "4h", 240, "08:00", "16:00"
    )
    req = [2] * 8 + [3] * 8 + [1] * 8  # 08:00-20:00
    cover = _week_cover(req, patterns)
    staff = [StaffMember(f"F{i}", f"全职{i}", max_days_per_week=5) for i in range(6)] + [
        StaffMember(f"P{i}", f"兼职{i}", part_time=True, max_days_per_week=3) for i in range(4)
    ]
    roster = assign_staff(cover, staff)
    _check_limits(roster, staff)
    assert roster.complete, roster.uncovered
    assert roster.shortfall_total == 0


def test_rest_rule_blocks_late_then_early():
    late = ShiftPattern("late", "12:00", 480, 480)  # 12:00-20:00
    early = ShiftPattern("early", "08:00", 480, 480)  # 08:00-16:00, 12 h after a late
    req_late = [0] * 8 + [1] * 16
    req_early = [1] * 16 + [0] * 8
    cover = cover_requirements([req_late, req_early], [late, early], 30)
    one = [StaffMember("A", "甲", min_rest_hours=13)]
    roster = assign_staff(cover, one)
    assert [a.day for a in roster.assignments] == [0]
    assert [(u.day, u.reason) for u in roster.uncovered] == [(1, "rest")]
    assert roster.shortfall[1] == tuple(req_early)
    ok = assign_staff(cover, [StaffMember("A", "甲", min_rest_hours=12)])
    assert ok.complete


def test_too_few_staff_reports_uncovered_shifts_and_shortfall():
    patterns = continuous_family("8h", 480, "08:00", "12:00")
    req = [2] * 16 + [0] * 8  # two 08:00 shifts a day
    cover = _week_cover(req, patterns)
    staff = [
        StaffMember("A", "甲", max_days_per_week=5),
        StaffMember("B", "乙", max_days_per_week=5),
        StaffMember("C", "丙", part_time=True, max_days_per_week=7),  # cannot take 8 h
    ]
    roster = assign_staff(cover, staff)
    _check_limits(roster, staff)
    assert len(roster.assignments) == 10 and len(roster.uncovered) == 4
    assert all("max_days" in u.reason for u in roster.uncovered)
    assert roster.shortfall_total == 4 * 16  # four missing shifts of 16 half-hours each
    assert roster.days_by_staff == {"A": 5, "B": 5, "C": 0}


def test_skill_is_required():
    cover = cover_requirements([[1] * 8 + [0] * 16], [ShiftPattern("4h", "08:00", 240, 240)], 30)
    staff = [StaffMember("A", "甲", skills=frozenset({"lobby"}))]
    roster = assign_staff(cover, staff)
    assert roster.uncovered[0].reason == "skill" and roster.shortfall_total == 8
    assert assign_staff(cover, staff, skill=None).complete


@pytest.mark.skipif(not BENCH.exists(), reason="shared bench data not present")
def test_bench_week_with_thirty_staff():
    data = json.loads(BENCH.read_text(encoding="utf-8"))
    cover = cover_requirements(
        data["interval_minutes_30"], bench_patterns("lunch_shifts_plus_4h_part_time"), 30
    )
    staff = [StaffMember(f"F{i:02d}", f"F{i}") for i in range(22)] + [
        StaffMember(f"P{i:02d}", f"P{i}", part_time=True) for i in range(8)
    ]
    roster = assign_staff(cover, staff)
    _check_limits(roster, staff)
    assigned = len(roster.assignments) + len(roster.uncovered)
    assert assigned == sum(d.headcount for d in cover.days)
