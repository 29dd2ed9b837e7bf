"""Weekly rosters: shift patterns as set in the tab, generation, coverage and shortfall."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.staffing.live import RosterShift
from hallsupervisor.domain.staffing.roster import StaffMember as SolverPerson
from hallsupervisor.domain.staffing.roster import assign_staff, cover_requirements
from hallsupervisor.domain.staffing.weekly import (
    PatternSpec,
    StaffLimits,
    coverage,
    default_patterns,
    generate,
    paid_hours,
    roster_people,
    shortfall,
    skill_gaps,
    validate_shift,
    week_of,
)
from tests.domain.staffing.test_requirement import profile

MONDAY = dt.date(2024, 3, 4)


def test_pattern_spec_expands_starts_and_lunch_window():
    spec = PatternSpec("全天班", "08:00", "09:00", 480, 60, "11:00", "13:00")
    patterns = spec.patterns()
    assert [p.start for p in patterns] == ["08:00", "08:30", "09:00"]
    first = patterns[0]
    assert first.span_minutes == 540 and first.paid_minutes == 480
    assert first.lunch_offsets == (180, 210, 240, 270, 300)
    assert not spec.validate()
    assert PatternSpec("x", "09:00", "08:00", 480).validate()
    assert PatternSpec("x", "08:00", "08:00", 480, 60, "18:00", "19:00").validate()
    assert PatternSpec("x", "20:00", "20:00", 600).validate()  # past midnight
    assert all(not s.validate() for s in default_patterns())


def test_roster_people_are_counter_staff_with_a_counters_skill():
    hall = profile()
    hall.staff = [
        StaffMember("王丽", role="supervisor", skills=["pay"], id="a"),
        StaffMember("李强", role="counter", skills=["new"], id="b"),
        StaffMember("孙悦", role="guide", skills=["enquiry"], id="c"),
        StaffMember("周斌", role="counter", skills=[], id="d"),
    ]
    people = roster_people(hall, {"b": StaffLimits(4, 12, True, 20)})
    assert [p.name for p in people] == ["王丽", "李强"]
    assert people[1].part_time and people[1].max_days_per_week == 4
    assert people[1].max_hours_per_week == 20


def _people(n, **limits):
    return [
        SolverPerson(f"p{i}", f"员工{i}", frozenset({"counter"}), **limits) for i in range(n)
    ]


def test_generate_covers_every_interval_with_named_staff():
    requirements = [[2] * 18 for _ in range(5)] + [[1] * 18, [0] * 18]
    specs = [PatternSpec("全天", "08:30", "08:30", 480, 60, "11:30", "13:00"),
             PatternSpec("半天", "08:30", "13:00", 240)]
    result = generate(MONDAY, requirements, "08:30", 30, specs, _people(8))
    for day in range(7):
        covered = coverage(result.shifts[day], "08:30", 30, 18)
        assert shortfall(requirements[day], covered) == [0] * 18
        names = [s.staff_name for s in result.shifts[day]]
        assert len(names) == len(set(names))  # one shift a day each
    assert result.staff_hours == pytest.approx(sum(paid_hours(s) for d in result.shifts.values() for s in d))
    assert result.staff_hours >= result.lp_bound - 1e-6 >= result.trivial_bound - 1e-6


def test_too_few_staff_spreads_the_gap_over_the_week():
    requirements = [[3] * 16 for _ in range(7)]
    specs = [PatternSpec("全天", "08:00", "08:00", 480)]
    result = generate(MONDAY, requirements, "08:00", 30, specs, _people(3))
    per_day = [len(result.shifts[d]) for d in range(7)]
    assert sum(per_day) == 15  # 3 people × 5 days
    assert min(per_day) >= 1 and max(per_day) - min(per_day) <= 2
    assert result.uncovered


def test_weekly_hours_limit_is_kept():
    cover = cover_requirements([[1] * 16 for _ in range(5)], PatternSpec("全天", "08:00", "08:00", 480).patterns(), 30, "08:00")
    limited = assign_staff(cover, _people(1, max_hours_per_week=24.0))
    assert len(limited.assignments) == 3
    assert {u.reason for u in limited.uncovered} == {"max_hours"}


def test_coverage_leaves_out_lunch_and_validate_shift():
    shift = RosterShift("a", "王丽", "08:30", "12:30", "10:00", 30)
    assert coverage([shift], "08:30", 30, 8) == [1, 1, 1, 0, 1, 1, 1, 1]
    assert paid_hours(shift) == 3.5
    assert validate_shift(RosterShift("a", "x", "12:00", "09:00"))
    assert validate_shift(RosterShift("a", "x", "08:00", "12:00", "13:00", 60))
    assert not validate_shift(shift)
    assert week_of(dt.date(2024, 3, 10)) == MONDAY


def test_skill_gaps_match_people_to_counters_of_their_business():
    shifts = [
        RosterShift("a", "王丽", "08:30", "10:30"),  # pay and enquiry
        RosterShift("b", "李强", "08:30", "09:30"),  # pay only
    ]
    skills = {"a": {"pay", "enquiry"}, "b": {"pay"}}
    needs = {("pay", "enquiry"): [1, 1, 1, 1], ("new",): [0, 1, 0, 0]}
    gaps = skill_gaps(shifts, skills, needs, "08:30", 30)
    # 08:30 both work: the shared counter is staffed; at 09:00 nobody can do new connections;
    # from 09:30 only 王丽 is there, which still staffs the shared counter.
    assert gaps == [{}, {("new",): 1}, {}, {}]
    # Two seats of the shared pool and one person who could also take "new": matched once.
    needs = {("pay", "enquiry"): [2], ("new",): [1]}
    skills = {"a": {"pay", "new"}, "b": {"pay"}}
    gaps = skill_gaps(shifts, skills, needs, "08:30", 30)
    assert sum(gaps[0].values()) == 1


def test_generation_hands_shifts_to_people_with_the_missing_skill():
    # One counter for payments all day, one for new connections in the morning; the
    # solver's cheapest cover does not care who is who, the repair does.
    requirements = [[2] * 8 + [1] * 8] + [[0] * 16 for _ in range(6)]
    needs = {0: {("pay",): [1] * 16, ("new",): [1] * 8 + [0] * 8}}
    specs = [PatternSpec("全天", "08:00", "08:00", 480), PatternSpec("半天", "08:00", "08:00", 240)]
    people = [
        SolverPerson("a", "甲", frozenset({"counter", "pay"})),
        SolverPerson("b", "乙", frozenset({"counter", "pay"})),
        SolverPerson("c", "丙", frozenset({"counter", "new"})),
    ]
    plain = generate(MONDAY, requirements, "08:00", 30, specs, people)
    skills = {p.id: set(p.skills) for p in people}
    assert any(skill_gaps(plain.shifts[0], skills, needs[0], "08:00", 30))  # 甲 and 乙 by id
    repaired = generate(MONDAY, requirements, "08:00", 30, specs, people, pool_needs=needs)
    gaps = skill_gaps(repaired.shifts[0], skills, needs[0], "08:00", 30)
    assert all(not g for g in gaps)
    assert repaired.staff_hours == plain.staff_hours  # same shifts, other people
    assert "丙" in {s.staff_name for s in repaired.shifts[0]}
