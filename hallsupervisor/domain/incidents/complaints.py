"""Complaints (投诉): channels, categories, the time limits for response and completion,
status, overdue and the Pareto of categories. No Qt here.

Time limits. From the work-order limits (DOMAIN §4): a billing dispute is answered within
2 hours and settled within 3 working days; a fault repair is answered within 10 minutes and
fixed within 2 hours in a city, 4 hours in the country. Other answers: the general response
time of 2 hours (seed 001: 一般业务 2 小时内响应). The hall's own choices (README says so):
a complaint about slow repair is held to the repair's limits; outage notices are settled
within 24 hours (as enquiries are answered within 24 hours); attitude, procedures and others
within 3 working days (as billing); a complaint through the 12345 government hotline or the
media, which carries an escalation risk, is answered within 1 hour; working days are Monday
to Friday without public holidays.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from hallsupervisor.domain import QT_TRANSLATE_NOOP

CHANNELS = {
    "hall": QT_TRANSLATE_NOOP("Complaints", "营业厅当面"),
    "hotline": QT_TRANSLATE_NOOP("Complaints", "供电服务热线"),
    "online": QT_TRANSLATE_NOOP("Complaints", "网上渠道"),
    "gov12345": QT_TRANSLATE_NOOP("Complaints", "12345 政务热线"),
    "media": QT_TRANSLATE_NOOP("Complaints", "媒体"),
}
ESCALATION_CHANNELS = ("gov12345", "media")

CATEGORIES = {
    "metering_billing": QT_TRANSLATE_NOOP("Complaints", "计量与电费"),
    "outage_notice": QT_TRANSLATE_NOOP("Complaints", "停电通知"),
    "repair": QT_TRANSLATE_NOOP("Complaints", "抢修响应"),
    "attitude": QT_TRANSLATE_NOOP("Complaints", "服务态度"),
    "procedures": QT_TRANSLATE_NOOP("Complaints", "办理流程"),
    "other": QT_TRANSLATE_NOOP("Complaints", "其他"),
}
# The domain's mix of electricity complaints (percent), used by the demo data.
TYPICAL_MIX = {
    "metering_billing": 42,
    "outage_notice": 28,
    "repair": 15,
    "attitude": 6,
    "procedures": 5,
    "other": 4,
}

OPEN = "open"
RESPONDED = "responded"
RESOLVED = "resolved"
WITHDRAWN = "withdrawn"
STATUSES = {
    OPEN: QT_TRANSLATE_NOOP("Complaints", "待响应"),
    RESPONDED: QT_TRANSLATE_NOOP("Complaints", "处理中"),
    RESOLVED: QT_TRANSLATE_NOOP("Complaints", "已办结"),
    WITHDRAWN: QT_TRANSLATE_NOOP("Complaints", "已撤销"),
}
CLOSED_STATUSES = (RESOLVED, WITHDRAWN)


@dataclass(frozen=True)
class Limit:
    """Response within `response_minutes`; completion within `completion_minutes` of clock
    time, or `completion_working_days` working days (the end of that working day)."""

    response_minutes: int
    completion_minutes: int | None = None
    completion_working_days: int | None = None


LIMITS = {
    "metering_billing": Limit(120, completion_working_days=3),
    "outage_notice": Limit(120, completion_minutes=24 * 60),
    "repair": Limit(10, completion_minutes=120),
    "attitude": Limit(120, completion_working_days=3),
    "procedures": Limit(120, completion_working_days=3),
    "other": Limit(120, completion_working_days=3),
}
RURAL_REPAIR_MINUTES = 240
ESCALATION_RESPONSE_MINUTES = 60


def add_working_days(start: _dt.datetime, days: int) -> _dt.datetime:
    """The end (23:59:59) of the `days`-th working day (Monday–Friday) after `start`."""
    day = start.date()
    added = 0
    while added < days:
        day += _dt.timedelta(days=1)
        if day.isoweekday() <= 5:
            added += 1
    return _dt.datetime.combine(day, _dt.time(23, 59, 59))


def due_times(
    category: str, channel: str, received_at: _dt.datetime, *, rural: bool = False
) -> tuple[_dt.datetime, _dt.datetime]:
    """(response due, completion due) for a complaint received at `received_at`."""
    if category not in LIMITS:
        raise ValueError(f"unknown category {category!r}")
    if channel not in CHANNELS:
        raise ValueError(f"unknown channel {channel!r}")
    limit = LIMITS[category]
    response = limit.response_minutes
    if channel in ESCALATION_CHANNELS:
        response = min(response, ESCALATION_RESPONSE_MINUTES)
    respond_by = received_at + _dt.timedelta(minutes=response)
    if limit.completion_working_days is not None:
        complete_by = add_working_days(received_at, limit.completion_working_days)
    else:
        minutes = limit.completion_minutes or 0
        if category == "repair" and rural:
            minutes = RURAL_REPAIR_MINUTES
        complete_by = received_at + _dt.timedelta(minutes=minutes)
    return respond_by, complete_by


@dataclass
class Overdue:
    response: bool
    completion: bool

    def __bool__(self) -> bool:
        return self.response or self.completion


def overdue(
    status: str,
    response_due: _dt.datetime,
    completion_due: _dt.datetime,
    now: _dt.datetime,
    responded_at: _dt.datetime | None = None,
    completed_at: _dt.datetime | None = None,
) -> Overdue:
    """Which limit is broken at `now`: no response by its due time, or not settled by its
    due time. A withdrawn complaint is never overdue; a closed one only if it was late."""
    if status == WITHDRAWN:
        return Overdue(False, False)
    if responded_at is not None:
        response_late = responded_at > response_due
    else:
        response_late = status == OPEN and now > response_due
    if status in CLOSED_STATUSES:
        completion_late = completed_at is not None and completed_at > completion_due
    else:
        completion_late = now > completion_due
    return Overdue(response_late, completion_late)


def breached_now(
    status: str, response_due: _dt.datetime, completion_due: _dt.datetime, now: _dt.datetime
) -> Overdue:
    """What is late right now and still to do (Today's list): an open complaint not yet
    answered after its response time, or one not settled after its completion time. A
    response that came late but came is history (overdue() still reports it)."""
    if status in CLOSED_STATUSES:
        return Overdue(False, False)
    return Overdue(status == OPEN and now > response_due, now > completion_due)


def pareto(categories: list[str]) -> list[tuple[str, int, float]]:
    """(category, count, cumulative share 0–1), largest first (ties in the fixed order)."""
    counts: dict[str, int] = {}
    for category in categories:
        counts[category] = counts.get(category, 0) + 1
    order = {code: index for index, code in enumerate(CATEGORIES)}
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], order.get(kv[0], len(order))))
    total = sum(counts.values())
    result, running = [], 0
    for category, count in ranked:
        running += count
        result.append((category, count, running / total))
    return result
