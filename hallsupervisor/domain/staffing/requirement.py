"""Counters needed per interval, from arrivals and handling times, for the hall as it is set up.

Business types are grouped into *pools* by the counters that serve them: two types that share
a counter (directly or through a chain of counters) are one queue for staffing, because a
customer of either may be called by the same window; a type whose windows serve nothing else
is its own pool, computed on its own (dedicated windows). A pool's handling time is the
arrival-weighted mean of its types'. No Qt here.
"""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, replace
from typing import TYPE_CHECKING

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.hall import HallProfile
from hallsupervisor.domain.staffing.queueing import (
    Requirement,
    counters_needed,
    counters_needed_erlang_a,
    erlang_c,
    expected_wait_minutes,
    occupancy,
    service_level,
)
from hallsupervisor.domain.staffing.timeofday import format_hhmm, parse_hhmm

if TYPE_CHECKING:  # the ticket reader is needed only where tickets are read
    from hallsupervisor.domain.staffing.tickets import Ticket

CTX = "Staffing"
INTERVALS = (15, 30)
# Above this share of tickets never served, the Erlang A figures are shown beside Erlang C.
MATERIAL_ABANDONMENT = 0.03

# The hall_settings key the settings are stored under (storage writes it, Today reads it).
SETTINGS_KEY = "staffing"


@dataclass(frozen=True)
class StaffingSettings:
    """The targets and choices the supervisor sets in the tab, stored per hall."""

    interval_minutes: int = 30
    service_level: float = 0.8  # share called within target_wait_minutes
    target_wait_minutes: float = 10.0
    max_average_wait: float | None = None  # minutes; None = no average-wait target
    shrinkage: float = 0.15  # breaks, meetings, back-office time
    weeks: int = 8  # how many weeks of tickets to analyse, back from today
    surge_queue: int = 25  # people waiting that count as a sudden surge

    def validate(self) -> list[Message]:
        problems = []
        if self.interval_minutes not in INTERVALS:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "时段长度只能是 15 或 30 分钟。")))
        if not 0 < self.service_level <= 1:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "服务水平应在 1% 到 100% 之间。")))
        if not 0 <= self.target_wait_minutes <= 240:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "目标等候时间应在 0 到 240 分钟之间。")))
        if self.max_average_wait is not None and not 0 <= self.max_average_wait <= 240:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "平均等候上限应在 0 到 240 分钟之间。")))
        if not 0 <= self.shrinkage < 0.9:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "缩减率应在 0% 到 90% 之间。")))
        if not 1 <= self.weeks <= 52:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "分析周数应在 1 到 52 之间。")))
        if not 1 <= self.surge_queue <= 1000:
            problems.append(_m(QT_TRANSLATE_NOOP("Staffing", "突发客流阈值应在 1 到 1000 人之间。")))
        return problems

    def to_json(self) -> str:
        return json.dumps(asdict(self), sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> "StaffingSettings":
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        try:
            settings = cls(**known)
        except TypeError:
            return cls()
        return settings if not settings.validate() else cls()


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


# -- pools ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pool:
    key: str  # the codes joined with "+", stable for the same set
    codes: tuple[str, ...]
    counters: tuple[str, ...]  # labels of the counters serving it

    @property
    def dedicated(self) -> bool:
        return len(self.codes) == 1


def pools(profile: HallProfile, extra_codes: Iterable[str] = ()) -> list[Pool]:
    """Business types grouped by shared counters (union-find over the counters' types).

    Types in the log that the profile does not know, or that no counter serves, are pools of
    their own with no counter.
    """
    order = [b.code for b in profile.business_types]
    for code in extra_codes:
        if code not in order:
            order.append(code)
    parent = {code: code for code in order}

    def find(code: str) -> str:
        while parent[code] != code:
            parent[code] = parent[parent[code]]
            code = parent[code]
        return code

    for counter in profile.counters:
        served = [c for c in counter.business_types if c in parent]
        for other in served[1:]:
            parent[find(other)] = find(served[0])
    groups: dict[str, list[str]] = defaultdict(list)
    for code in order:
        groups[find(code)].append(code)
    result = []
    for codes in groups.values():
        labels = tuple(
            c.label for c in profile.counters if set(c.business_types) & set(codes)
        )
        result.append(Pool("+".join(codes), tuple(codes), labels))
    return result


def pool_of(pools_: list[Pool], code: str) -> Pool | None:
    return next((p for p in pools_ if code in p.codes), None)


# -- intervals ------------------------------------------------------------------------------------


def day_intervals(profile: HallProfile, interval: int) -> tuple[str, list[str]]:
    """(first start, interval starts) spanning the earliest opening to the latest closing."""
    spans = [s for s in profile.opening_hours.values() if s]
    if not spans:
        spans = [("08:30", "17:30")]
    first = min(parse_hhmm(s[0]) for s in spans) // interval * interval
    last = max(parse_hhmm(s[1]) for s in spans)
    starts = [format_hhmm(m) for m in range(first, last, interval)]
    return format_hhmm(first), starts


def merge_arrivals(
    from_tickets: Mapping[tuple[int, str, str], float],
    by_hand: Mapping[tuple[int, str, str], float],
) -> dict[tuple[int, str, str], float]:
    """Ticket means, with every hand-entered (weekday, start, type) replacing its cell."""
    merged = dict(from_tickets)
    merged.update(by_hand)
    return merged


def heat_map(
    arrivals: Mapping[tuple[int, str, str], float], starts: list[str]
) -> list[list[float]]:
    """Mean arrivals of all types: 7 rows (Monday first) × the interval starts."""
    column = {s: i for i, s in enumerate(starts)}
    grid = [[0.0] * len(starts) for _ in range(7)]
    for (weekday, start, _code), value in arrivals.items():
        if start in column and 1 <= weekday <= 7:
            grid[weekday - 1][column[start]] += value
    return grid


# -- requirement ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IntervalNeed:
    weekday: int
    start: str
    pool: str
    arrivals: float  # mean customers in the interval
    aht_minutes: float
    counters: int  # with shrinkage
    base_counters: int  # open at the counter
    expected_wait_minutes: float
    probability_of_waiting: float
    service_level: float
    occupancy: float
    feasible: bool = True
    erlang_a_counters: int | None = None  # when abandonment is material
    erlang_a_abandon: float | None = None


@dataclass(frozen=True)
class Abandon:
    rate: float
    patience_minutes: float | None  # estimated mean patience; None when nobody left

    @property
    def material(self) -> bool:
        return self.patience_minutes is not None and self.rate >= MATERIAL_ABANDONMENT


def estimate_abandonment(tickets: list[Ticket]) -> Abandon:
    """Share of tickets never served and the customers' mean patience.

    With exponential patience θ, customers leave at θ × (people waiting), so by Little's law
    the share who leave is θ × (mean wait): patience = mean wait / share who leave. The mean
    wait is that of the customers who were called (the leavers' waits are not in the log).
    """
    if not tickets:
        return Abandon(0.0, None)
    left = sum(t.abandoned for t in tickets)
    rate = left / len(tickets)
    waits = [
        (t.called_at - t.issued_at).total_seconds() / 60 for t in tickets if t.called_at
    ]
    mean_wait = sum(waits) / len(waits) if waits else 0.0
    if left == 0 or mean_wait <= 0:
        return Abandon(rate, None)
    return Abandon(rate, max(1.0, mean_wait / rate))


def requirement(
    arrivals: Mapping[tuple[int, str, str], float],
    handling: Mapping[str, float],
    pools_: list[Pool],
    settings: StaffingSettings,
    abandon: Abandon | None = None,
) -> list[IntervalNeed]:
    """Counters needed for each (weekday, interval, pool) that has arrivals."""
    fallback = sum(handling.values()) / len(handling) if handling else 5.0
    grouped: dict[tuple[int, str, str], dict[str, float]] = defaultdict(dict)
    for (weekday, start, code), value in arrivals.items():
        pool = pool_of(pools_, code)
        key = pool.key if pool else code
        grouped[(weekday, start, key)][code] = grouped[(weekday, start, key)].get(code, 0) + value
    rows = []
    interval = settings.interval_minutes
    for (weekday, start, key), by_code in sorted(grouped.items()):
        total = sum(by_code.values())
        if total <= 0:
            continue
        aht = sum(v * handling.get(c, fallback) for c, v in by_code.items()) / total
        rows.append(_need(weekday, start, key, total, aht, settings, interval, abandon))
    return rows


def _need(weekday, start, key, total, aht, settings, interval, abandon) -> IntervalNeed:
    per_hour = total * 60.0 / interval
    need: Requirement = counters_needed(
        per_hour,
        aht,
        target_wait_minutes=settings.target_wait_minutes,
        service_level=settings.service_level,
        max_average_wait=settings.max_average_wait,
        shrinkage=settings.shrinkage,
    )
    a_counters = a_abandon = None
    if abandon is not None and abandon.material:
        with_leavers = counters_needed_erlang_a(
            per_hour,
            aht,
            abandon.patience_minutes,
            target_wait_minutes=settings.target_wait_minutes,
            service_level=settings.service_level,
            max_average_wait=settings.max_average_wait,
            shrinkage=settings.shrinkage,
        )
        a_counters, a_abandon = with_leavers.counters, with_leavers.probability_of_abandoning
    return IntervalNeed(
        weekday,
        start,
        key,
        total,
        aht,
        need.counters,
        need.base_counters,
        need.expected_wait_minutes,
        need.probability_of_waiting,
        need.service_level,
        need.occupancy,
        need.feasible,
        a_counters,
        a_abandon,
    )


def performance(
    arrivals: float, aht: float, counters: int, settings: StaffingSettings
) -> dict[str, float]:
    """How one interval's queue does with `counters` open (the charts' "scheduled" line)."""
    per_hour = arrivals * 60.0 / settings.interval_minutes
    if per_hour <= 0:
        return {"wait": 0.0, "service_level": 1.0, "p_wait": 0.0, "occupancy": 0.0}
    if counters <= 0:
        return {"wait": math.inf, "service_level": 0.0, "p_wait": 1.0, "occupancy": 1.0}
    a = per_hour * aht / 60
    return {
        "wait": expected_wait_minutes(per_hour, aht, counters),
        "service_level": service_level(per_hour, aht, counters, settings.target_wait_minutes),
        "p_wait": erlang_c(a, counters),
        "occupancy": occupancy(per_hour, aht, counters),
    }


def counters_by_interval(
    needs: list[IntervalNeed], weekday: int, starts: list[str]
) -> list[int]:
    """Counter staff wanted in each interval of a weekday: the pools added up."""
    column = {s: i for i, s in enumerate(starts)}
    total = [0] * len(starts)
    for need in needs:
        if need.weekday == weekday and need.start in column:
            total[column[need.start]] += need.counters
    return total


def week_requirements(
    needs: list[IntervalNeed], starts: list[str], max_counters: int | None = None
) -> list[list[int]]:
    """Seven rows (Monday first) of counter staff wanted per interval, for the roster solver.

    With `max_counters` (the hall's windows) no interval asks for more people at counters than
    there are counters to sit at: the rest of the need shows as a queue, not as a roster gap.
    """
    rows = [counters_by_interval(needs, weekday, starts) for weekday in range(1, 8)]
    if max_counters is not None:
        rows = [[min(value, max_counters) for value in row] for row in rows]
    return rows


def beyond_counters(
    needs: list[IntervalNeed], starts: list[str], max_counters: int
) -> dict[int, tuple[int, int]]:
    """Weekday (1 = Monday) → (intervals needing more counters open than the hall has, the
    most needed) for the days where that happens: the need a roster cannot cover however
    many people there are. Counted before shrinkage: the counters open, not the staff."""
    column = {s: i for i, s in enumerate(starts)}
    beyond: dict[int, tuple[int, int]] = {}
    for weekday in range(1, 8):
        open_ = [0] * len(starts)
        for need in needs:
            if need.weekday == weekday and need.start in column:
                open_[column[need.start]] += need.base_counters
        over = [n for n in open_ if n > max_counters]
        if over:
            beyond[weekday] = (len(over), max(over))
    return beyond


def pool_seats(
    needs: list[IntervalNeed], pools_: list[Pool], starts: list[str]
) -> dict[int, dict[tuple[str, ...], list[int]]]:
    """Day index (0 = Monday) → each queue's business codes → counters to staff per interval:
    the counters open by the model (before shrinkage), at most the queue's own counters.
    Queues no counter serves are left out (nobody can sit at them)."""
    column = {s: i for i, s in enumerate(starts)}
    by_key = {p.key: p for p in pools_ if p.counters}
    seats: dict[int, dict[tuple[str, ...], list[int]]] = {}
    for need in needs:
        pool = by_key.get(need.pool)
        if pool is None or need.start not in column:
            continue
        row = seats.setdefault(need.weekday - 1, {}).setdefault(pool.codes, [0] * len(starts))
        row[column[need.start]] = min(need.base_counters, len(pool.counters))
    return seats


# -- actual waits against the model ----------------------------------------------------------------


@dataclass(frozen=True)
class ActualWait:
    weekday: int
    start: str
    called: int
    mean_wait_minutes: float
    within_target: float  # share of the called customers called within the target
    left: int  # tickets of the interval never served


def actual_by_interval(
    tickets: list[Ticket], interval: int, target_wait: float
) -> dict[tuple[int, str], ActualWait]:
    """Measured waits per (weekday, interval of the ticket), all business types together."""
    waits: dict[tuple[int, str], list[float]] = defaultdict(list)
    left: dict[tuple[int, str], int] = defaultdict(int)
    for t in tickets:
        minute = (t.issued_at.hour * 60 + t.issued_at.minute) // interval * interval
        key = (t.issued_at.isoweekday(), format_hhmm(minute))
        if t.called_at is not None:
            waits[key].append((t.called_at - t.issued_at).total_seconds() / 60)
        if t.abandoned:
            left[key] += 1
    result = {}
    for key in set(waits) | set(left):
        values = waits.get(key, [])
        result[key] = ActualWait(
            key[0],
            key[1],
            len(values),
            sum(values) / len(values) if values else 0.0,
            sum(v <= target_wait for v in values) / len(values) if values else 0.0,
            left.get(key, 0),
        )
    return result


# -- relabelling a vendor's business names ---------------------------------------------------------


def business_codes(profile: HallProfile) -> dict[str, str]:
    """Every way a log may name a business type (code, Chinese, English name) → its code."""
    names = {}
    for b in profile.business_types:
        for name in (b.code, b.name, b.name_en):
            if name:
                names[name.strip().lower()] = b.code
    return names


def normalise_business(tickets: list[Ticket], profile: HallProfile) -> list[Ticket]:
    names = business_codes(profile)
    return [
        replace(t, business_type=names.get(t.business_type.strip().lower(), t.business_type))
        for t in tickets
    ]


@dataclass
class Analysis:
    """Everything the data and requirement pages show, computed once per refresh."""

    settings: StaffingSettings
    first_start: str
    starts: list[str]
    pools: list[Pool]
    measured: dict  # (weekday, start, type) → mean arrivals from the tickets alone
    arrivals: dict  # the same with the hand-entered counts in their cells
    handling: dict
    needs: list[IntervalNeed]
    abandon: Abandon
    actual: dict
    tickets: int = 0
    days: int = 0
    hand_cells: int = 0


def analyse(
    profile: HallProfile,
    tickets: list[Ticket],
    settings: StaffingSettings,
    hand: Mapping[tuple[int, str, str], float] | None = None,
) -> Analysis:
    """From the tickets (and the hand-entered counts) to the counters needed."""
    from hallsupervisor.domain.staffing.tickets import arrivals_by_interval, handling_minutes

    interval = settings.interval_minutes
    first, starts = day_intervals(profile, interval)
    measured = arrivals_by_interval(tickets, interval) if tickets else {}
    arrivals = merge_arrivals(measured, hand or {})
    handling = {b.code: b.handling_minutes for b in profile.business_types}
    handling.update(handling_minutes(tickets))
    pools_ = pools(profile, {code for _w, _s, code in arrivals})
    abandon = estimate_abandonment(tickets)
    needs = requirement(arrivals, handling, pools_, settings, abandon)
    return Analysis(
        settings,
        first,
        starts,
        pools_,
        measured,
        arrivals,
        handling,
        needs,
        abandon,
        actual_by_interval(tickets, interval, settings.target_wait_minutes),
        tickets=len(tickets),
        days=len({t.issued_at.date() for t in tickets}),
        hand_cells=len(hand or {}),
    )


def pool_label(pool_key: str, names: Mapping[str, str], separator: str = "、") -> str:
    return separator.join(names.get(code, code) for code in pool_key.split("+"))
