"""Corrective actions (整改项): due dates, overdue, and how many are closed on time each week."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Iterable

from hallsupervisor.domain import QT_TRANSLATE_NOOP
from hallsupervisor.domain.inspection.model import DUE_DAYS


class ActionState:
    OPEN = "open"  # found, not yet put right and checked
    VERIFIED = "verified"  # put right, and the supervisor has checked it
    WITHDRAWN = "withdrawn"  # keyed in error and corrected in the same round; kept on record
    LABELS = {
        OPEN: QT_TRANSLATE_NOOP("Inspection", "待整改"),
        VERIFIED: QT_TRANSLATE_NOOP("Inspection", "已验证"),
        WITHDRAWN: QT_TRANSLATE_NOOP("Inspection", "已撤回"),
    }


def default_due_date(severity: str, found_on: _dt.date) -> _dt.date:
    """7 days for minor, 3 for major, the same day for critical (model.DUE_DAYS)."""
    if severity not in DUE_DAYS:
        raise ValueError(f"unknown severity {severity!r}")
    return found_on + _dt.timedelta(days=DUE_DAYS[severity])


def is_overdue(due: _dt.date, status: str, today: _dt.date) -> bool:
    """Still open after its due date; the due date itself is not late yet."""
    return status == ActionState.OPEN and today > due


def week_monday(day: _dt.date) -> _dt.date:
    return day - _dt.timedelta(days=day.weekday())


WeekShare = tuple[_dt.date, int, int, "float | None"]


def closed_on_time_by_week(
    actions: Iterable[tuple[_dt.date, _dt.date | None]], today: _dt.date
) -> list[WeekShare]:
    """(week's Monday, closed on time, due, share) per ISO week of the due date.

    An action counts in its due week as soon as that week has started, so an action still
    open mid-week counts as not (yet) closed on time; weeks that have not started are left
    out. Weeks between the first and last counted week with nothing due are listed with
    share None, so a chart shows the gap instead of joining its neighbours.
    """
    weeks: dict[_dt.date, list[int]] = {}
    for due, closed in actions:
        monday = week_monday(due)
        if monday > today:
            continue
        counts = weeks.setdefault(monday, [0, 0])
        counts[0] += closed is not None and closed <= due
        counts[1] += 1
    if not weeks:
        return []
    result: list[WeekShare] = []
    monday, last = min(weeks), max(weeks)
    while monday <= last:
        on_time, due = weeks.get(monday, (0, 0))
        result.append((monday, on_time, due, on_time / due if due else None))
        monday += _dt.timedelta(weeks=1)
    return result
