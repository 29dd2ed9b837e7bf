"""A week's roster for the hall: shift patterns as the supervisor sets them, staff limits,
generating with the solver (roster.cover_requirements + assign_staff), and the coverage and
shortfall of a roster as edited by hand. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.hall import HallProfile
from hallsupervisor.domain.staffing.live import RosterShift
from hallsupervisor.domain.staffing.roster import (
    MINUTES_PER_DAY,
    ShiftPattern,
    assign_staff,
    cover_requirements,
    format_hhmm,
    parse_hhmm,
)

CTX = "Staffing"
ROSTER_ROLES = ("counter", "supervisor")  # who may be put on a counter shift


@dataclass(frozen=True)
class PatternSpec:
    """A shift pattern as stored: starts from `first_start` to `last_start` every `step`
    minutes, `paid_minutes` of work, and an unpaid lunch of `lunch_minutes` starting between
    `lunch_earliest` and `lunch_latest` (the solver picks when)."""

    name: str
    first_start: str
    last_start: str
    paid_minutes: int
    lunch_minutes: int = 0
    lunch_earliest: str = ""
    lunch_latest: str = ""
    step_minutes: int = 30
    id: str | None = None

    def validate(self) -> list[Message]:
        problems = []
        try:
            first, last = parse_hhmm(self.first_start), parse_hhmm(self.last_start)
        except ValueError:
            return [_m(QT_TRANSLATE_NOOP("Staffing", "班次“{name}”的开始时间应写成 HH:MM。"), name=self.name)]
        if not self.name.strip():
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "班次需要一个名称。")))
        if last < first:
            problems.append(
                _m(QT_TRANSLATE_NOOP("Staffing", "班次“{name}”的最晚开始早于最早开始。"), name=self.name)
            )
        if not 60 <= self.paid_minutes <= 12 * 60:
            problems.append(
                _m(QT_TRANSLATE_NOOP("Staffing", "班次“{name}”的工作时长应在 1 到 12 小时之间。"), name=self.name)
            )
        if self.lunch_minutes:
            try:
                lo, hi = parse_hhmm(self.lunch_earliest), parse_hhmm(self.lunch_latest)
            except ValueError:
                lo = hi = -1
            if lo < 0 or hi < lo:
                problems.append(
                    _m(QT_TRANSLATE_NOOP("Staffing", "班次“{name}”的午休时间窗不正确。"), name=self.name)
                )
            elif not self.patterns():
                problems.append(
                    _m(
                        QT_TRANSLATE_NOOP("Staffing", "班次“{name}”的午休时间窗不在班次之内。"),
                        name=self.name,
                    )
                )
        if first + self.paid_minutes + self.lunch_minutes > MINUTES_PER_DAY:
            problems.append(
                _m(QT_TRANSLATE_NOOP("Staffing", "班次“{name}”跨过了午夜。"), name=self.name)
            )
        return problems

    def starts(self) -> list[str]:
        lo, hi = parse_hhmm(self.first_start), parse_hhmm(self.last_start)
        return [format_hhmm(m) for m in range(lo, hi + 1, max(self.step_minutes, 5))]

    def patterns(self) -> list[ShiftPattern]:
        """The solver's patterns: one per start, each with the lunch starts inside its span."""
        result = []
        span = self.paid_minutes + self.lunch_minutes
        for start in self.starts():
            s = parse_hhmm(start)
            if s + span > MINUTES_PER_DAY:
                continue
            offsets: tuple[int, ...] = ()
            if self.lunch_minutes:
                lo, hi = parse_hhmm(self.lunch_earliest), parse_hhmm(self.lunch_latest)
                offsets = tuple(
                    m - s
                    for m in range(lo, hi + 1, max(self.step_minutes, 5))
                    if 0 < m - s and m - s + self.lunch_minutes < span
                )
                if not offsets:
                    continue
            result.append(
                ShiftPattern(
                    f"{self.name} {start}",
                    start,
                    self.paid_minutes,
                    span,
                    offsets,
                    self.lunch_minutes if offsets else 0,
                )
            )
        return result


@dataclass(frozen=True)
class StaffLimits:
    max_days_per_week: int = 5
    min_rest_hours: float = 11.0
    part_time: bool = False
    max_hours_per_week: float | None = 40.0


@dataclass(frozen=True)
class RosterPerson:
    """A person as the roster solver sees them (roster.StaffLike)."""

    id: str
    name: str
    skills: frozenset[str]
    max_days_per_week: int
    min_rest_hours: float
    part_time: bool
    max_hours_per_week: float | None


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def counter_skills(profile: HallProfile) -> set[str]:
    return {code for c in profile.counters for code in c.business_types}


def roster_people(profile: HallProfile, limits: Mapping[str, StaffLimits]) -> list[RosterPerson]:
    """Staff who can sit at a counter: counter staff and supervisors with a counter's skill."""
    served = counter_skills(profile)
    people = []
    for member in profile.staff:
        if member.role not in ROSTER_ROLES or not set(member.skills) & served:
            continue
        limit = limits.get(member.id, StaffLimits())
        people.append(
            RosterPerson(
                member.id,
                member.name,
                frozenset({"counter", *member.skills}),
                limit.max_days_per_week,
                limit.min_rest_hours,
                limit.part_time,
                limit.max_hours_per_week,
            )
        )
    return people


@dataclass
class GeneratedRoster:
    week_start: _dt.date
    shifts: dict[int, list[RosterShift]]  # day index 0..6 → shifts
    requirements: list[list[int]]
    staff_hours: float
    lp_bound: float
    trivial_bound: float
    uncovered: list[tuple[int, str, str]] = field(default_factory=list)  # day, start, reason


def generate(
    week_start: _dt.date,
    requirements: Sequence[Sequence[int]],
    first_start: str,
    interval: int,
    specs: Sequence[PatternSpec],
    people: Sequence[RosterPerson],
    *,
    time_limit_per_day: float = 5.0,
    pool_needs: Mapping[int, Mapping[tuple[str, ...], Sequence[int]]] | None = None,
) -> GeneratedRoster:
    """Fewest staff-hours covering every interval, then named people on those shifts.

    With `pool_needs` (day index → each queue's business codes → counters wanted per
    interval) the named roster is then repaired for skills: where nobody on shift can staff a
    queue's counter, a shift is handed to someone who can (off that day and within their
    limits, or on another shift that day, exchanging shifts), as long as that lowers the gap.
    """
    patterns = [p for spec in specs for p in spec.patterns()]
    if not patterns:
        raise ValueError("no shift patterns")
    cover = cover_requirements(
        requirements,
        patterns,
        interval,
        first_start,
        max_headcount_per_day=len(people) if people else 0,
        time_limit_per_day=time_limit_per_day,
    )
    roster = assign_staff(cover, people, skill="counter")
    shifts: dict[int, list[RosterShift]] = {d: [] for d in range(len(requirements))}
    for a in roster.assignments:
        pattern = a.option.pattern
        lunch = (
            format_hhmm(pattern.start_minute + a.option.lunch_offset)
            if a.option.lunch_offset is not None
            else ""
        )
        shifts[a.day].append(
            RosterShift(
                str(a.staff_id),
                a.staff_name,
                pattern.start,
                format_hhmm(pattern.end_minute),
                lunch,
                pattern.lunch_minutes if lunch else 0,
            )
        )
    if pool_needs:
        _repair_skills(shifts, people, pool_needs, first_start, interval)
    uncovered = [(u.day, u.option.pattern.start, u.reason) for u in roster.uncovered]
    return GeneratedRoster(
        week_start,
        shifts,
        [list(r) for r in requirements],
        sum(paid_hours(s) for day in shifts.values() for s in day),
        cover.lp_bound,
        cover.trivial_bound,
        uncovered,
    )


def coverage(shifts: Sequence[RosterShift], first_start: str, interval: int, n: int) -> list[int]:
    """People at work for the whole of each interval (lunch excluded)."""
    first = parse_hhmm(first_start)
    result = [0] * n
    for shift in shifts:
        start, end = parse_hhmm(shift.start), parse_hhmm(shift.end)
        spans = [(start, end)]
        if shift.lunch_start and shift.lunch_minutes:
            lunch = parse_hhmm(shift.lunch_start)
            spans = [(start, lunch), (lunch + shift.lunch_minutes, end)]
        for i in range(n):
            lo = first + i * interval
            if any(a <= lo and lo + interval <= b for a, b in spans):
                result[i] += 1
    return result


def shortfall(requirements: Sequence[int], covered: Sequence[int]) -> list[int]:
    return [max(0, r - c) for r, c in zip(requirements, covered, strict=False)]


def paid_hours(shift: RosterShift) -> float:
    return (parse_hhmm(shift.end) - parse_hhmm(shift.start) - shift.lunch_minutes) / 60


def week_of(day: _dt.date) -> _dt.date:
    """The Monday of the week `day` is in."""
    return day - _dt.timedelta(days=day.weekday())


def validate_shift(shift: RosterShift) -> list[Message]:
    try:
        start, end = parse_hhmm(shift.start), parse_hhmm(shift.end)
        lunch = parse_hhmm(shift.lunch_start) if shift.lunch_start else None
    except ValueError:
        return [_m(QT_TRANSLATE_NOOP("Staffing", "时间应写成 HH:MM，例如 08:30。"))]
    problems = []
    if end <= start:
        problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "下班时间应晚于上班时间。")))
    elif end - start > 13 * 60:
        problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "一个班次不能超过 13 小时。")))
    if lunch is not None and shift.lunch_minutes and not (
        start < lunch and lunch + shift.lunch_minutes < end
    ):
        problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "午休应在上下班时间之内。")))
    return problems


# The default patterns' names, stored in Chinese and shown in the interface's language.
DEFAULT_PATTERN_NAMES = (
    QT_TRANSLATE_NOOP("Staffing", "全天班"),
    QT_TRANSLATE_NOOP("Staffing", "上午班"),
    QT_TRANSLATE_NOOP("Staffing", "下午班"),
)


def default_patterns() -> list[PatternSpec]:
    """What a new hall starts with: day shifts with lunch, and half-day shifts for peaks."""
    full, morning, afternoon = DEFAULT_PATTERN_NAMES
    return [
        PatternSpec(full, "08:00", "09:30", 480, 60, "11:00", "13:30"),
        PatternSpec(morning, "08:00", "09:00", 240),
        PatternSpec(afternoon, "12:30", "13:30", 240),
    ]


def working_people(
    shifts: Sequence[RosterShift], first_start: str, interval: int, n: int
) -> list[list[str]]:
    """Staff ids at work for the whole of each interval (lunch excluded)."""
    result: list[list[str]] = [[] for _ in range(n)]
    for shift in shifts:
        cover = coverage([shift], first_start, interval, n)
        for i, c in enumerate(cover):
            if c:
                result[i].append(shift.staff_id)
    return result


def skill_gaps(
    shifts: Sequence[RosterShift],
    skills: Mapping[str, set[str]],
    pool_needs: Mapping[tuple[str, ...], Sequence[int]],
    first_start: str,
    interval: int,
) -> list[dict[tuple[str, ...], int]]:
    """For each interval, the counters of each pool that nobody on shift can staff.

    Each person at work can sit at one counter, of a pool whose business they have a skill
    for: a matching of people to counters (augmenting paths; a hall has a handful of each),
    so a person skilled in two pools is not counted twice. `pool_needs` gives each pool
    (its business codes) the counters wanted per interval.
    """
    n = max((len(v) for v in pool_needs.values()), default=0)
    at_work = working_people(shifts, first_start, interval, n)
    gaps = []
    for i in range(n):
        seats = [pool for pool, need in pool_needs.items() for _ in range(need[i])]
        owner = _match(at_work[i], seats, skills)
        missing: dict[tuple[str, ...], int] = {}
        for s, pool in enumerate(seats):
            if s not in owner:
                missing[pool] = missing.get(pool, 0) + 1
        gaps.append(missing)
    return gaps


def _match(people: list[str], seats: list[tuple[str, ...]], skills) -> dict[int, str]:
    """Seat index → the person sitting there: a maximum matching by augmenting paths."""
    owner: dict[int, str] = {}

    def place(person: str, seen: set[int]) -> bool:
        for s, pool in enumerate(seats):
            if s in seen or not skills.get(person, set()) & set(pool):
                continue
            seen.add(s)
            if s not in owner or place(owner[s], seen):
                owner[s] = person
                return True
        return False

    for person in people:
        place(person, set())
    return owner


def _gap_count(day_shifts, skills, needs, first_start, interval) -> int:
    return sum(sum(g.values()) for g in skill_gaps(day_shifts, skills, needs, first_start, interval))


def _rest_ok(person: RosterPerson, day: int, shift: RosterShift, shifts) -> bool:
    start = day * MINUTES_PER_DAY + parse_hhmm(shift.start)
    end = day * MINUTES_PER_DAY + parse_hhmm(shift.end)
    rest = person.min_rest_hours * 60
    for other_day in (day - 1, day + 1):
        for other in shifts.get(other_day, []):
            if other.staff_id != person.id:
                continue
            other_start = other_day * MINUTES_PER_DAY + parse_hhmm(other.start)
            other_end = other_day * MINUTES_PER_DAY + parse_hhmm(other.end)
            if other_day < day and start - other_end < rest:
                return False
            if other_day > day and other_start - end < rest:
                return False
    return True


def _can_take(person: RosterPerson, day: int, shift: RosterShift, shifts, extra_hours: float) -> bool:
    from hallsupervisor.domain.staffing.roster import PART_TIME_MAX_PAID_MINUTES

    if person.part_time and paid_hours(shift) * 60 > PART_TIME_MAX_PAID_MINUTES:
        return False
    hours = sum(paid_hours(s) for d in shifts.values() for s in d if s.staff_id == person.id)
    if person.max_hours_per_week is not None and hours + extra_hours > person.max_hours_per_week + 1e-9:
        return False
    return _rest_ok(person, day, shift, shifts)


def _repair_skills(shifts, people, pool_needs, first_start, interval) -> None:
    """Hands shifts to skilled people where a queue has nobody who can staff it (in place)."""
    from dataclasses import replace

    skills = {p.id: set(p.skills) for p in people}
    for day in sorted(shifts):
        needs = pool_needs.get(day)
        if not needs:
            continue
        current = _gap_count(shifts[day], skills, needs, first_start, interval)
        improved = True
        while current and improved:
            improved = False
            wanted = {code for pool in needs for code in pool}
            days_worked = {
                p.id: sum(1 for d in shifts.values() for s in d if s.staff_id == p.id)
                for p in people
            }
            working = {s.staff_id: k for k, s in enumerate(shifts[day])}
            for k, shift in enumerate(shifts[day]):
                for person in people:
                    if not skills[person.id] & wanted or person.id == shift.staff_id:
                        continue
                    trial = list(shifts[day])
                    if person.id in working:  # exchange shifts with them
                        j = working[person.id]
                        other = trial[j]
                        holder = next((p for p in people if p.id == shift.staff_id), None)
                        if holder is None:
                            continue
                        mine = replace(shift, staff_id=person.id, staff_name=person.name)
                        theirs = replace(other, staff_id=holder.id, staff_name=holder.name)
                        rest = {d: [s for s in v if d != day] for d, v in shifts.items()}
                        if not (
                            _can_take(person, day, mine, rest, paid_hours(mine) - paid_hours(other))
                            and _can_take(holder, day, theirs, rest, paid_hours(theirs) - paid_hours(shift))
                        ):
                            continue
                        trial[k], trial[j] = mine, theirs
                    else:
                        if days_worked[person.id] >= person.max_days_per_week:
                            continue
                        mine = replace(shift, staff_id=person.id, staff_name=person.name)
                        if not _can_take(person, day, mine, shifts, paid_hours(mine)):
                            continue
                        trial[k] = mine
                    found = _gap_count(trial, skills, needs, first_start, interval)
                    if found < current:
                        shifts[day], current, improved = trial, found, True
                        break
                if improved:
                    break
