"""The queue right now: how long the last person in line will wait, and what to do about it.

With every open counter of a pool busy, the n-th person in line is called after n services
end; the counters together finish one customer every AHT / c minutes, so the last of n waits
about n × AHT / c. To bring that under the target the pool needs ⌈n × AHT / target⌉ counters.
Free staff are those on shift now by today's roster (not at lunch) who are not sitting at an
open counter, and who have a skill of the pool. No Qt here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.hall import HallProfile
from hallsupervisor.domain.staffing.requirement import Pool, StaffingSettings, pools
from hallsupervisor.domain.staffing.timeofday import parse_hhmm

CTX = "Staffing"
OPEN, CLOSE, KEEP = "open", "close", "keep"
SURGE_PLAYBOOK = "sudden_surge"


@dataclass(frozen=True)
class RosterShift:
    """One person's shift on one day, as stored (times "HH:MM")."""

    staff_id: str
    staff_name: str
    start: str
    end: str
    lunch_start: str = ""
    lunch_minutes: int = 0

    def working_at(self, hhmm: str) -> bool:
        now = parse_hhmm(hhmm)
        if not parse_hhmm(self.start) <= now < parse_hhmm(self.end):
            return False
        if self.lunch_start and self.lunch_minutes:
            lunch = parse_hhmm(self.lunch_start)
            if lunch <= now < lunch + self.lunch_minutes:
                return False
        return True


@dataclass(frozen=True)
class PoolAdvice:
    pool: Pool
    waiting: int
    open_counters: tuple[str, ...]
    aht_minutes: float
    last_wait_minutes: float  # inf when people wait and no counter is open
    needed: int  # counters that bring the last person's wait within the target
    action: str  # OPEN, CLOSE or KEEP
    counters_to_change: tuple[str, ...] = ()  # which counters to open or close
    free_staff: tuple[str, ...] = ()  # names of free staff skilled for the pool
    message: Message | None = None


@dataclass
class LiveAdvice:
    pools: list[PoolAdvice] = field(default_factory=list)
    total_waiting: int = 0
    surge: bool = False
    free_staff: tuple[str, ...] = ()


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def last_wait_minutes(waiting: int, aht_minutes: float, counters: int) -> float:
    if waiting <= 0:
        return 0.0
    if counters <= 0:
        return math.inf
    return waiting * aht_minutes / counters


def advise(
    profile: HallProfile,
    waiting: Mapping[str, int],
    open_counters: Mapping[str, str | None],
    handling: Mapping[str, float],
    settings: StaffingSettings,
    shifts: list[RosterShift],
    now: datetime,
    skills: Mapping[str, set[str]] | None = None,
) -> LiveAdvice:
    """Advice for each pool with people waiting or counters open.

    `waiting`: people waiting per business code; `open_counters`: label of each open counter →
    the staff id sitting at it (or None); `skills`: staff id → business codes (default: from
    the profile).
    """
    skills = skills or {m.id: set(m.skills) for m in profile.staff}
    names = {m.id: m.name for m in profile.staff}
    hhmm = now.strftime("%H:%M")
    seated = {sid for sid in open_counters.values() if sid}
    on_shift = [s.staff_id for s in shifts if s.working_at(hhmm)]
    free = [sid for sid in dict.fromkeys(on_shift) if sid not in seated]
    target = max(settings.target_wait_minutes, 0.5)
    fallback = sum(handling.values()) / len(handling) if handling else 5.0
    result = LiveAdvice(
        total_waiting=sum(max(0, n) for n in waiting.values()),
        free_staff=tuple(names.get(s, s) for s in free),
    )
    served_by = {c.label: set(c.business_types) for c in profile.counters}
    for pool in pools(profile, waiting):
        people = sum(max(0, waiting.get(code, 0)) for code in pool.codes)
        opened = tuple(label for label in pool.counters if label in open_counters)
        if not people and not opened:
            continue
        weights = {c: max(0, waiting.get(c, 0)) for c in pool.codes}
        total = sum(weights.values())
        aht = (
            sum(w * handling.get(c, fallback) for c, w in weights.items()) / total
            if total
            else sum(handling.get(c, fallback) for c in pool.codes) / len(pool.codes)
        )
        wait = last_wait_minutes(people, aht, len(opened))
        needed = max(1 if people else 0, math.ceil(people * aht / target - 1e-9))
        skilled = tuple(
            names.get(s, s) for s in free if skills.get(s, set()) & set(pool.codes)
        )
        if needed > len(opened):
            closed = tuple(label for label in pool.counters if label not in open_counters)
            # Counters serving the types with the longest queue first.
            closed = tuple(
                sorted(
                    closed,
                    key=lambda label: -sum(weights.get(c, 0) for c in served_by.get(label, ())),
                )
            )[: needed - len(opened)]
            advice = PoolAdvice(
                pool, people, opened, aht, wait, needed, OPEN, closed, skilled,
                _open_message(needed - len(opened), closed, skilled, wait),
            )
        elif len(opened) > needed and last_wait_minutes(people, aht, len(opened) - 1) <= target / 2:
            spare = len(opened) - max(needed, 1 if people else 0)
            # Close the counters whose staff can go elsewhere: the last ones listed.
            closing = tuple(reversed(opened))[: max(spare, 0)]
            advice = PoolAdvice(
                pool, people, opened, aht, wait, needed, CLOSE if closing else KEEP, closing, (),
                _m(
                    QT_TRANSLATE_NOOP("Staffing", "排队很短，可以关闭 {counters}，人员转做其他工作。"),
                    counters=list(closing),
                )
                if closing
                else None,
            )
        else:
            advice = PoolAdvice(
                pool, people, opened, aht, wait, needed, KEEP, (), (),
                _m(QT_TRANSLATE_NOOP("Staffing", "现有窗口可以把等候控制在目标以内。")),
            )
        result.pools.append(advice)
    # A queue with no counter open yet asks for a counter, not for the surge playbook: only
    # waits at counters already open count towards the surge.
    worst = max(
        (p.last_wait_minutes for p in result.pools if not math.isinf(p.last_wait_minutes)),
        default=0.0,
    )
    result.surge = result.total_waiting >= settings.surge_queue or worst >= 3 * target
    return result


def _open_message(more: int, counters: tuple[str, ...], staff: tuple[str, ...], wait) -> Message:
    wait_text = (
        _m(QT_TRANSLATE_NOOP("Staffing", "没有开放的窗口"))
        if math.isinf(wait)
        else _m(QT_TRANSLATE_NOOP("Staffing", "约 {minutes} 分钟"), minutes=round(wait))
    )
    if not counters:
        return _m(
            QT_TRANSLATE_NOOP(
                "Staffing",
                "队尾顾客要等{wait}，还需 {more} 个窗口，但可用窗口已全部开放：请启用综合窗口或分流。",
            ),
            wait=wait_text,
            more=more,
        )
    if staff:
        return _m(
            QT_TRANSLATE_NOOP(
                "Staffing", "队尾顾客要等{wait}：请开放 {counters}，可安排 {staff}。"
            ),
            wait=wait_text,
            counters=list(counters),
            staff=list(staff),
        )
    return _m(
        QT_TRANSLATE_NOOP(
            "Staffing",
            "队尾顾客要等{wait}：请开放 {counters}，但按今天的排班没有空闲且会办这类业务的人员。",
        ),
        wait=wait_text,
        counters=list(counters),
    )
