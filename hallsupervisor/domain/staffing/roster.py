"""Counter cover (how many of which shift each day) and rosters (who works them). No Qt here.

Two steps, kept apart so a supervisor can look at the first before naming anyone:

1. ``cover_requirements`` turns per-interval counter requirements into shift counts with the
   fewest paid staff-hours that still staff every interval fully. It is a small integer
   program per day (a set-covering model: one integer variable per shift pattern and lunch
   choice, one ">= requirement" row per interval), solved exactly with HiGHS (``highspy``).
   The LP relaxation is solved too and reported as a lower bound, next to the trivial bound
   (requirements x interval length). When the patterns cannot cover an interval, or a
   headcount limit is too tight, the shortfall is minimised first and reported per interval
   instead of raising.

2. ``assign_staff`` gives named people to those shifts with a greedy rule that can be told to
   a supervisor in one breath: day by day (Monday first), longest shifts first, each shift
   goes to the eligible person with the most spare days left for the rest of the week
   (ties: part-timers first on short shifts, then fewer hours so far, then id). Eligible
   means: has the skill, not already working that day, below their days-per-week limit,
   rested at least ``min_rest_hours`` since their previous shift, within their weekly hours
   when set, and, for part-timers, a pattern of at most 4 paid hours. When the staff's days
   left cannot fill the rest of the week, each day gets its share of them (the shortest
   shifts go unfilled), so the gap is spread instead of emptying the last days. Shifts nobody
   can take are reported, with the resulting shortfall per interval.

Times are minutes after midnight inside this module; strings are "HH:MM".
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from hallsupervisor.domain.staffing.timeofday import MINUTES_PER_DAY, format_hhmm, parse_hhmm

PART_TIME_MAX_PAID_MINUTES = 240


# --------------------------------------------------------------------------------------------
# Shift patterns and the coverage model


@dataclass(frozen=True)
class ShiftPattern:
    """One shift shape at one start time.

    ``span_minutes`` is start to finish; ``paid_minutes`` is what the shift costs. With
    ``lunch_offsets`` empty there is no break; otherwise the unpaid ``lunch_minutes`` break
    starts at one of the offsets (minutes after the start) and the solver picks which.
    """

    name: str
    start: str
    paid_minutes: int
    span_minutes: int
    lunch_offsets: tuple[int, ...] = ()
    lunch_minutes: int = 0

    def __post_init__(self) -> None:
        parse_hhmm(self.start)
        if self.paid_minutes <= 0 or self.span_minutes < self.paid_minutes:
            raise ValueError(f"{self.name}: need 0 < paid_minutes <= span_minutes")
        for offset in self.lunch_offsets:
            if offset <= 0 or offset + self.lunch_minutes >= self.span_minutes:
                raise ValueError(f"{self.name}: lunch at +{offset} min is not inside the span")
        if self.lunch_offsets and self.lunch_minutes <= 0:
            raise ValueError(f"{self.name}: lunch offsets given without lunch_minutes")

    @property
    def start_minute(self) -> int:
        return parse_hhmm(self.start)

    @property
    def end_minute(self) -> int:
        return self.start_minute + self.span_minutes

    @property
    def paid_hours(self) -> float:
        return self.paid_minutes / 60

    @property
    def lunch_choices(self) -> tuple[int | None, ...]:
        """The lunch offsets to choose from; ``(None,)`` for a shift without a break."""
        return self.lunch_offsets if self.lunch_offsets else (None,)

    @property
    def is_part_time(self) -> bool:
        return self.paid_minutes <= PART_TIME_MAX_PAID_MINUTES


@dataclass(frozen=True)
class ShiftOption:
    """A pattern with its lunch fixed: the unit the solver counts."""

    pattern: ShiftPattern
    lunch_offset: int | None = None

    @property
    def label(self) -> str:
        if self.lunch_offset is None:
            return self.pattern.name
        lunch = self.pattern.start_minute + self.lunch_offset
        return f"{self.pattern.name} (lunch {format_hhmm(lunch)})"

    def working_spans(self) -> list[tuple[int, int]]:
        """[start, end) minute ranges actually at the counter."""
        start, end = self.pattern.start_minute, self.pattern.end_minute
        if self.lunch_offset is None:
            return [(start, end)]
        lunch = start + self.lunch_offset
        return [(start, lunch), (lunch + self.pattern.lunch_minutes, end)]

    def covered_intervals(
        self, n_intervals: int, interval_minutes: int, day_start: str = "08:00"
    ) -> tuple[int, ...]:
        """Indices of the intervals this shift staffs for their whole length."""
        first = parse_hhmm(day_start)
        covered = []
        for i in range(n_intervals):
            lo = first + i * interval_minutes
            hi = lo + interval_minutes
            if any(a <= lo and hi <= b for a, b in self.working_spans()):
                covered.append(i)
        return tuple(covered)


def shift_options(patterns: Iterable[ShiftPattern]) -> list[ShiftOption]:
    return [ShiftOption(p, lunch) for p in patterns for lunch in p.lunch_choices]


def coverage_model(
    patterns: Iterable[ShiftPattern],
    n_intervals: int,
    interval_minutes: int,
    day_start: str = "08:00",
) -> list[tuple[ShiftOption, tuple[int, ...]]]:
    """For each pattern and lunch choice, the intervals it covers."""
    return [
        (option, option.covered_intervals(n_intervals, interval_minutes, day_start))
        for option in shift_options(patterns)
    ]


def starts_every(first: str, last: str, step_minutes: int = 30) -> list[str]:
    """Start times from ``first`` to ``last`` inclusive, ``step_minutes`` apart."""
    lo, hi = parse_hhmm(first), parse_hhmm(last)
    return [format_hhmm(m) for m in range(lo, hi + 1, step_minutes)]


def continuous_family(
    prefix: str, paid_minutes: int, first: str, last: str, step_minutes: int = 30
) -> list[ShiftPattern]:
    """Shifts without a break (e.g. 8 h full-time, 4 h part-time), one per start time."""
    return [
        ShiftPattern(f"{prefix} {start}", start, paid_minutes, paid_minutes)
        for start in starts_every(first, last, step_minutes)
    ]


def lunch_family(
    prefix: str,
    span_minutes: int,
    lunch_minutes: int,
    lunch_offsets: tuple[int, ...],
    first: str,
    last: str,
    step_minutes: int = 30,
) -> list[ShiftPattern]:
    """Shifts with an unpaid lunch at one of ``lunch_offsets``, one per start time."""
    return [
        ShiftPattern(
            f"{prefix} {start}",
            start,
            span_minutes - lunch_minutes,
            span_minutes,
            tuple(lunch_offsets),
            lunch_minutes,
        )
        for start in starts_every(first, last, step_minutes)
    ]


# The bench's lunch shifts (bench/roster.py, /work/shared/bench/roster_week.json) say only
# "the lunch at one of three offsets inside the span". We read that as lunch starting 3, 4
# or 5 hours after the start: at least 3 hours of work on either side of a 1-hour lunch in a
# 9-hour span, i.e. lunch between 11:00 and 16:00 for the 08:00-11:00 starts.
BENCH_LUNCH_OFFSETS = (180, 240, 300)

BENCH_CASES = ("8h_continuous", "9h_span_1h_lunch", "lunch_shifts_plus_4h_part_time")


def bench_patterns(case: str) -> list[ShiftPattern]:
    """The pattern families of the three bench cases."""
    if case == "8h_continuous":
        return continuous_family("8h", 480, "08:00", "12:00")
    lunch = lunch_family("9h", 540, 60, BENCH_LUNCH_OFFSETS, "08:00", "11:00")
    if case == "9h_span_1h_lunch":
        return lunch
    if case == "lunch_shifts_plus_4h_part_time":
        return lunch + continuous_family("4h", 240, "08:00", "16:00")
    raise ValueError(f"unknown bench case {case!r}; expected one of {BENCH_CASES}")


# --------------------------------------------------------------------------------------------
# Cover: the integer program


@dataclass(frozen=True)
class ShiftCount:
    option: ShiftOption
    count: int

    @property
    def paid_hours(self) -> float:
        return self.count * self.option.pattern.paid_hours


@dataclass(frozen=True)
class DayCover:
    day: int
    requirements: tuple[int, ...]
    shifts: tuple[ShiftCount, ...]
    coverage: tuple[int, ...]
    shortfall: tuple[int, ...]
    staff_hours: float
    lp_bound: float
    trivial_bound: float
    status: str  # "optimal", "empty" (nothing required) or "shortfall"

    @property
    def headcount(self) -> int:
        return sum(s.count for s in self.shifts)

    @property
    def fully_covered(self) -> bool:
        return not any(self.shortfall)


@dataclass(frozen=True)
class Cover:
    interval_minutes: int
    day_start: str
    patterns: tuple[ShiftPattern, ...]
    days: tuple[DayCover, ...]

    @property
    def staff_hours(self) -> float:
        return sum(d.staff_hours for d in self.days)

    @property
    def lp_bound(self) -> float:
        return sum(d.lp_bound for d in self.days)

    @property
    def trivial_bound(self) -> float:
        return sum(d.trivial_bound for d in self.days)

    @property
    def shortfall_total(self) -> int:
        return sum(sum(d.shortfall) for d in self.days)

    @property
    def fully_covered(self) -> bool:
        return all(d.fully_covered for d in self.days)

    def interval_label(self, i: int) -> str:
        start = parse_hhmm(self.day_start) + i * self.interval_minutes
        return f"{format_hhmm(start)}-{format_hhmm(start + self.interval_minutes)}"


_banner_done = False


def _new_highs(highspy):
    """A HiGHS instance; the first one of the process prints a copyright banner straight to
    file descriptor 1, which would land in the command line's JSON and the demo's output, so
    that one is made with stdout pointed at the null device."""
    global _banner_done
    if _banner_done:
        return highspy.Highs()
    _banner_done = True
    import os
    import sys

    try:
        sys.stdout.flush()
        saved = os.dup(1)
    except (OSError, ValueError, AttributeError):  # no console (a frozen GUI app on Windows)
        return highspy.Highs()
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            return highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)


class _HighsProblem:
    """min c.x  s.t.  A x >= b, 0 <= x <= ub, x integer (or relaxed), via highspy."""

    def __init__(self, columns, costs, uppers, rhs, extra_rows=()):
        # columns: list of row-index tuples (coefficient 1); extra_rows: (coeffs by column,
        # lower, upper) general rows appended after the >= rows.
        self.columns, self.costs, self.uppers, self.rhs = columns, costs, uppers, rhs
        self.extra_rows = list(extra_rows)

    def solve(self, integer: bool, time_limit: float) -> tuple[str, float, list[float]]:
        import highspy

        inf = highspy.kHighsInf
        n_rows = len(self.rhs)
        starts, index, value = [0], [], []
        for j, rows in enumerate(self.columns):
            for r in rows:
                index.append(r)
                value.append(1.0)
            for k, (coeffs, _lo, _hi) in enumerate(self.extra_rows):
                if coeffs[j]:
                    index.append(n_rows + k)
                    value.append(float(coeffs[j]))
            starts.append(len(index))
        lp = highspy.HighsLp()
        lp.num_col_ = len(self.columns)
        lp.num_row_ = n_rows + len(self.extra_rows)
        lp.col_cost_ = [float(c) for c in self.costs]
        lp.col_lower_ = [0.0] * len(self.columns)
        lp.col_upper_ = [inf if u is None else float(u) for u in self.uppers]
        lp.row_lower_ = [float(b) for b in self.rhs] + [
            -inf if lo is None else float(lo) for _c, lo, _h in self.extra_rows
        ]
        lp.row_upper_ = [inf] * n_rows + [
            inf if hi is None else float(hi) for _c, _l, hi in self.extra_rows
        ]
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = starts
        lp.a_matrix_.index_ = index
        lp.a_matrix_.value_ = value
        if integer:
            lp.integrality_ = [highspy.HighsVarType.kInteger] * len(self.columns)
        h = _new_highs(highspy)
        h.setOptionValue("output_flag", False)
        h.setOptionValue("time_limit", float(time_limit))
        h.setOptionValue("mip_rel_gap", 0.0)
        h.setOptionValue("mip_abs_gap", 1e-6)
        h.passModel(lp)
        h.run()
        status = h.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            name = "optimal"
        elif status == highspy.HighsModelStatus.kInfeasible:
            return "infeasible", math.inf, []
        else:
            name = "time_limit"
        solution = list(h.getSolution().col_value)
        if not solution or len(solution) != len(self.columns):
            return "failed", math.inf, []
        return name, float(h.getInfo().objective_function_value), solution


def _solve_day(
    day: int,
    requirements: Sequence[int],
    model: list[tuple[ShiftOption, tuple[int, ...]]],
    interval_minutes: int,
    max_headcount: int | None,
    time_limit: float,
) -> DayCover:
    n = len(requirements)
    req = [max(0, int(r)) for r in requirements]
    trivial = sum(req) * interval_minutes / 60
    if not any(req):
        return DayCover(day, tuple(req), (), (0,) * n, (0,) * n, 0.0, 0.0, 0.0, "empty")

    # Only options that cover something required are worth a variable.
    useful = [(opt, rows) for opt, rows in model if any(req[r] for r in rows)]
    columns = [rows for _o, rows in useful]
    costs = [opt.pattern.paid_minutes for opt, _r in useful]
    coverable = {r for rows in columns for r in rows}

    # Shortfall variables (one per interval with a requirement) make every day feasible. They
    # are used only when needed: intervals no pattern covers, or a headcount limit.
    need_slack = max_headcount is not None or any(req[i] and i not in coverable for i in range(n))
    slack_rows = [i for i in range(n) if req[i]] if need_slack else []
    all_columns = columns + [(i,) for i in slack_rows]
    uppers: list[float | None] = [max_headcount] * len(columns) + [req[i] for i in slack_rows]
    extra = []
    if max_headcount is not None:
        extra.append(([1] * len(columns) + [0] * len(slack_rows), None, max_headcount))

    fixed_shortfall = 0.0
    if slack_rows:
        # Phase 1: least total shortfall, whatever the hours.
        phase1 = _HighsProblem(
            all_columns, [0] * len(columns) + [1] * len(slack_rows), uppers, req, extra
        )
        status, best, _x = phase1.solve(True, time_limit)
        if status == "failed":
            raise RuntimeError(f"HiGHS found no solution for day {day}")
        fixed_shortfall = round(best)
        extra = extra + [([0] * len(columns) + [1] * len(slack_rows), None, fixed_shortfall)]

    # Phase 2 (or the only phase): fewest paid minutes at that shortfall.
    problem = _HighsProblem(all_columns, costs + [0] * len(slack_rows), uppers, req, extra)
    status, _obj, x = problem.solve(True, time_limit)
    if status == "failed" or not x:
        raise RuntimeError(f"HiGHS found no solution for day {day}")
    _lp_status, lp_obj, _ = problem.solve(False, time_limit)

    counts = [round(v) for v in x[: len(columns)]]
    shifts = tuple(ShiftCount(opt, c) for (opt, _r), c in zip(useful, counts, strict=True) if c > 0)
    coverage = [0] * n
    for rows, c in zip(columns, counts, strict=True):
        for r in rows:
            coverage[r] += c
    shortfall = tuple(max(0, req[i] - coverage[i]) for i in range(n))
    paid = sum(opt.pattern.paid_minutes * c for (opt, _r), c in zip(useful, counts, strict=True))
    return DayCover(
        day=day,
        requirements=tuple(req),
        shifts=shifts,
        coverage=tuple(coverage),
        shortfall=shortfall,
        staff_hours=paid / 60,
        lp_bound=lp_obj / 60 if math.isfinite(lp_obj) else 0.0,
        trivial_bound=trivial,
        status="shortfall" if any(shortfall) else ("optimal" if status == "optimal" else status),
    )


def cover_requirements(
    requirements: Sequence[Sequence[int]],
    patterns: Sequence[ShiftPattern],
    interval_minutes: int,
    day_start: str = "08:00",
    *,
    max_headcount_per_day: int | None = None,
    time_limit_per_day: float = 10.0,
) -> Cover:
    """Shift counts per day with the fewest paid staff-hours covering every interval.

    ``requirements[d][i]`` is the number of counter staff wanted on day ``d`` during
    interval ``i`` (``interval_minutes`` long, the first starting at ``day_start``).
    Days are solved independently (one small MILP each). ``lp_bound`` is the LP relaxation
    of the same model (a lower bound on the staff-hours, shortfall fixed); ``trivial_bound``
    is the requirement in staff-hours. With ``max_headcount_per_day`` or intervals no pattern
    covers, the least possible shortfall is found first and reported, not raised.
    """
    if interval_minutes <= 0:
        raise ValueError("interval_minutes must be positive")
    patterns = tuple(patterns)
    days = []
    for d, day_req in enumerate(requirements):
        model = coverage_model(patterns, len(day_req), interval_minutes, day_start)
        days.append(
            _solve_day(
                d, day_req, model, interval_minutes, max_headcount_per_day, time_limit_per_day
            )
        )
    return Cover(interval_minutes, day_start, patterns, tuple(days))


# --------------------------------------------------------------------------------------------
# Roster: named people on the shifts


class StaffLike(Protocol):
    id: object
    name: str
    skills: Iterable[str]
    max_days_per_week: int
    min_rest_hours: float
    part_time: bool


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    skills: frozenset[str] = frozenset({"counter"})
    max_days_per_week: int = 5
    min_rest_hours: float = 11.0
    part_time: bool = False
    max_hours_per_week: float | None = None


@dataclass(frozen=True)
class Assignment:
    day: int
    staff_id: object
    staff_name: str
    option: ShiftOption

    @property
    def start(self) -> str:
        return self.option.pattern.start

    @property
    def end(self) -> str:
        return format_hhmm(self.option.pattern.end_minute)


@dataclass(frozen=True)
class UncoveredShift:
    day: int
    option: ShiftOption
    reason: str


@dataclass(frozen=True)
class Roster:
    cover: Cover
    assignments: tuple[Assignment, ...]
    uncovered: tuple[UncoveredShift, ...]
    coverage: tuple[tuple[int, ...], ...]
    shortfall: tuple[tuple[int, ...], ...]
    hours_by_staff: Mapping[object, float] = field(default_factory=dict)
    days_by_staff: Mapping[object, int] = field(default_factory=dict)

    @property
    def shortfall_total(self) -> int:
        return sum(sum(day) for day in self.shortfall)

    @property
    def complete(self) -> bool:
        return not self.uncovered and self.shortfall_total == 0

    def for_day(self, day: int) -> list[Assignment]:
        return [a for a in self.assignments if a.day == day]


def _eligible_reason(person, option: ShiftOption, skill: str | None) -> str | None:
    if skill is not None and skill not in set(person.skills):
        return "skill"
    if person.part_time and option.pattern.paid_minutes > PART_TIME_MAX_PAID_MINUTES:
        return "part_time"
    return None


def assign_staff(
    cover: Cover,
    staff: Sequence[StaffLike],
    *,
    skill: str | None = "counter",
) -> Roster:
    """Name a person for every shift in ``cover`` (greedy; see the module docstring).

    Limits: one shift a day, at most ``max_days_per_week`` days, at least ``min_rest_hours``
    from the end of one shift to the start of the next (within the week), part-timers only
    on patterns of at most 4 paid hours, and ``skill`` (``None`` for no skill check).
    Shifts nobody can take are returned in ``uncovered``; ``shortfall[d][i]`` is what the
    named people leave uncovered (it includes any shortfall already in the cover).
    """
    n_days = len(cover.days)
    days_worked: dict[object, int] = {p.id: 0 for p in staff}
    hours: dict[object, float] = {p.id: 0.0 for p in staff}
    last_end: dict[object, int | None] = {p.id: None for p in staff}  # absolute minute
    working_today: set[object] = set()
    assignments: list[Assignment] = []
    uncovered: list[UncoveredShift] = []
    coverage: list[list[int]] = [[0] * len(d.requirements) for d in cover.days]

    for d, day in enumerate(cover.days):
        working_today.clear()
        remaining_days = n_days - d
        slots = [s.option for s in day.shifts for _ in range(s.count)]
        # Longest first (only full-timers can take them), then by start time.
        slots.sort(
            key=lambda o: (-o.pattern.paid_minutes, o.pattern.start_minute, o.lunch_offset or 0)
        )
        # Too few person-days for the rest of the week: ration them over the remaining days in
        # proportion to each day's shifts, so Sunday is not left empty to fill Monday.
        capacity = sum(max(0, p.max_days_per_week - days_worked[p.id]) for p in staff)
        demand = sum(sum(s.count for s in later.shifts) for later in cover.days[d:])
        if slots and demand > capacity:
            allowed = max(1, round(capacity * len(slots) / demand)) if capacity else 0
            for option in slots[allowed:]:
                uncovered.append(UncoveredShift(d, option, "short_staffed"))
            slots = slots[:allowed]
        for option in slots:
            start_abs = d * MINUTES_PER_DAY + option.pattern.start_minute
            best = None
            best_key = None
            reasons: set[str] = set()
            for person in staff:
                reason = _eligible_reason(person, option, skill)
                if reason is None and person.id in working_today:
                    reason = "one_shift_a_day"
                if reason is None and days_worked[person.id] >= person.max_days_per_week:
                    reason = "max_days"
                max_hours = getattr(person, "max_hours_per_week", None)
                if (
                    reason is None
                    and max_hours is not None
                    and hours[person.id] + option.pattern.paid_hours > max_hours + 1e-9
                ):
                    reason = "max_hours"
                prev = last_end[person.id]
                if (
                    reason is None
                    and prev is not None
                    and (start_abs - prev < person.min_rest_hours * 60)
                ):
                    reason = "rest"
                if reason is not None:
                    reasons.add(reason)
                    continue
                spare = (person.max_days_per_week - days_worked[person.id]) / remaining_days
                prefer_part = 0 if (person.part_time == option.pattern.is_part_time) else 1
                key = (-spare, prefer_part, hours[person.id], str(person.id))
                if best_key is None or key < best_key:
                    best, best_key = person, key
            if best is None:
                why = ", ".join(sorted(reasons)) if reasons else "no staff"
                uncovered.append(UncoveredShift(d, option, why))
                continue
            assignments.append(Assignment(d, best.id, best.name, option))
            working_today.add(best.id)
            days_worked[best.id] += 1
            hours[best.id] += option.pattern.paid_hours
            last_end[best.id] = d * MINUTES_PER_DAY + option.pattern.end_minute
            for r in option.covered_intervals(
                len(day.requirements), cover.interval_minutes, cover.day_start
            ):
                coverage[d][r] += 1

    shortfall = tuple(
        tuple(max(0, req - cov) for req, cov in zip(day.requirements, coverage[d], strict=True))
        for d, day in enumerate(cover.days)
    )
    return Roster(
        cover=cover,
        assignments=tuple(assignments),
        uncovered=tuple(uncovered),
        coverage=tuple(tuple(c) for c in coverage),
        shortfall=shortfall,
        hours_by_staff=hours,
        days_by_staff=days_worked,
    )
