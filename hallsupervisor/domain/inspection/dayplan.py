"""A hall's day plan of named rounds, and where each round stands at a given moment."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Sequence
from dataclasses import dataclass

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain.hall import valid_time

CTX = "Inspection"

# A round is due from half an hour before its planned time to half an hour after.
DUE_WINDOW = _dt.timedelta(minutes=30)

UPCOMING = "upcoming"
DUE = "due"
LATE = "late"
MISSED = "missed"
IN_PROGRESS = "in_progress"
DONE = "done"
STATUSES = {
    UPCOMING: QT_TRANSLATE_NOOP("Inspection", "未到"),
    DUE: QT_TRANSLATE_NOOP("Inspection", "待巡检"),
    LATE: QT_TRANSLATE_NOOP("Inspection", "已逾期"),
    MISSED: QT_TRANSLATE_NOOP("Inspection", "已错过"),
    IN_PROGRESS: QT_TRANSLATE_NOOP("Inspection", "进行中"),
    DONE: QT_TRANSLATE_NOOP("Inspection", "已完成"),
}


@dataclass(frozen=True)
class PlannedRound:
    name: str
    time: str  # "HH:MM"
    name_en: str = ""

    def display_name(self, language: str = "zh_CN") -> str:
        return bilingual(self.name, self.name_en, language)


# Names are data the supervisor may rename, so they carry their English beside them.
DEFAULT_PLAN = (
    PlannedRound("开门检查", "08:30", "Opening check"),
    PlannedRound("午间巡检", "12:00", "Midday round"),
    PlannedRound("闭厅检查", "17:30", "Closing check"),
)


def validate_plan(plan: Sequence[PlannedRound]) -> list[Message]:
    """Problems with a day plan; empty when all is well (an empty plan is allowed)."""
    errors = []
    seen: set[str] = set()
    previous: PlannedRound | None = None  # the last round with a valid time
    for number, planned in enumerate(plan, start=1):
        name = planned.name.strip()
        if not name:
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Inspection", "第 {number} 个巡检：请填写名称。"),
                    {"number": number},
                )
            )
        elif name in seen:
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Inspection", "巡检名称“{name}”重复了，每个巡检的名称应不同。"
                    ),
                    {"name": name},
                )
            )
        seen.add(name)
        label = name or str(number)
        if not valid_time(planned.time):
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Inspection", "“{name}”的时间应写成 HH:MM，例如 08:30，而不是“{time}”。"
                    ),
                    {"name": label, "time": planned.time},
                )
            )
            continue
        if previous is not None and planned.time <= previous.time:  # "HH:MM" sorts as text
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP(
                        "Inspection",
                        "“{name}”的时间 {time} 应晚于前一个巡检“{previous}”的 {previous_time}。",
                    ),
                    {
                        "name": label,
                        "time": planned.time,
                        "previous": previous.name.strip(),
                        "previous_time": previous.time,
                    },
                )
            )
        previous = planned
    return errors


def planned_datetime(day: _dt.date, planned: PlannedRound) -> _dt.datetime:
    return _dt.datetime.combine(day, _dt.time.fromisoformat(planned.time))


def round_status(
    planned_time: _dt.datetime,
    now: _dt.datetime,
    started: bool,
    completed: bool,
    day_end: _dt.datetime,
) -> str:
    """Where a planned round stands at `now`.

    `day_end` is when the day's rounds can no longer be done (e.g. the end of the working
    day); a round not completed by then, or planned for an earlier day, is MISSED even if it
    was started. Window ends are inclusive: exactly 30 minutes before is already DUE,
    exactly 30 minutes after is still DUE.
    """
    if completed:
        return DONE
    if now >= day_end or now.date() > planned_time.date():
        return MISSED
    if started:
        return IN_PROGRESS
    if now < planned_time - DUE_WINDOW:
        return UPCOMING
    if now <= planned_time + DUE_WINDOW:
        return DUE
    return LATE


def status_label(status: str) -> Message:
    return Message(CTX, STATUSES[status])
