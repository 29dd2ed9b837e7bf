"""The hall profile shared by every tab: the hall, its business types, counters and staff."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual

CTX = "Hall"

KINDS = {
    "electricity": QT_TRANSLATE_NOOP("Hall", "供电营业厅"),
    "heating": QT_TRANSLATE_NOOP("Hall", "供热服务厅"),
    "telecom": QT_TRANSLATE_NOOP("Hall", "电信营业厅"),
}

ROLES = {
    "supervisor": QT_TRANSLATE_NOOP("Hall", "值班长"),
    "counter": QT_TRANSLATE_NOOP("Hall", "柜员"),
    "guide": QT_TRANSLATE_NOOP("Hall", "引导员"),
    "security": QT_TRANSLATE_NOOP("Hall", "安保"),
    "other": QT_TRANSLATE_NOOP("Hall", "其他"),
}

WEEKDAYS = {
    1: QT_TRANSLATE_NOOP("Hall", "星期一"),
    2: QT_TRANSLATE_NOOP("Hall", "星期二"),
    3: QT_TRANSLATE_NOOP("Hall", "星期三"),
    4: QT_TRANSLATE_NOOP("Hall", "星期四"),
    5: QT_TRANSLATE_NOOP("Hall", "星期五"),
    6: QT_TRANSLATE_NOOP("Hall", "星期六"),
    7: QT_TRANSLATE_NOOP("Hall", "星期日"),
}

_TIME = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


@dataclass
class BusinessType:
    code: str
    name: str
    handling_minutes: float
    name_en: str = ""
    id: str | None = None

    def display_name(self, language: str = "zh_CN") -> str:
        return bilingual(self.name, self.name_en, language)


@dataclass
class Counter:
    label: str
    business_types: list[str] = field(default_factory=list)  # business type codes
    id: str | None = None


@dataclass
class StaffMember:
    name: str
    employee_no: str = ""
    role: str = "counter"
    skills: list[str] = field(default_factory=list)  # business type codes
    phone: str = ""
    id: str | None = None


# Opening hours per ISO weekday (1 = Monday): (open, close) as "HH:MM", or None when closed.
OpeningHours = dict[int, "tuple[str, str] | None"]


@dataclass
class HallProfile:
    name: str
    kind: str
    region: str = ""
    pack: str = ""
    opening_hours: OpeningHours = field(default_factory=dict)
    business_types: list[BusinessType] = field(default_factory=list)
    counters: list[Counter] = field(default_factory=list)
    staff: list[StaffMember] = field(default_factory=list)
    id: str | None = None


def valid_time(text: str) -> bool:
    return bool(_TIME.match(text or ""))


def _weekday(day: int) -> Message:
    return Message(CTX, WEEKDAYS[day])


def validate_opening_hours(hours: OpeningHours) -> list[Message]:
    """Problems with the opening hours; empty when all is well."""
    errors = []
    for day, span in sorted(hours.items()):
        if span is None:
            continue
        start, end = span
        if not (valid_time(start) and valid_time(end)):
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Hall", "{day}：时间应写成 HH:MM，例如 08:30"),
                    {"day": _weekday(day)},
                )
            )
        elif start >= end:
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Hall", "{day}：开门时间应早于关门时间"),
                    {"day": _weekday(day)},
                )
            )
    return errors


def opening_hours_from_json(data: dict) -> OpeningHours:
    hours: OpeningHours = {}
    for key, span in (data or {}).items():
        day = int(key)
        hours[day] = tuple(span) if span else None  # type: ignore[assignment]
    for day in range(1, 8):
        hours.setdefault(day, None)
    return hours


def opening_hours_to_json(hours: OpeningHours) -> dict:
    return {str(day): (list(span) if span else None) for day, span in sorted(hours.items())}


def is_open(hours: OpeningHours, weekday: int, hhmm: str) -> bool:
    span = hours.get(weekday)
    return bool(span) and span[0] <= hhmm < span[1]


def validate_profile(profile: HallProfile) -> list[Message]:
    errors = []
    if not profile.name.strip():
        errors.append(Message(CTX, QT_TRANSLATE_NOOP("Hall", "请填写营业厅名称")))
    if profile.kind not in KINDS:
        errors.append(Message(CTX, QT_TRANSLATE_NOOP("Hall", "请选择营业厅类型")))
    codes = [b.code for b in profile.business_types]
    if len(set(codes)) != len(codes):
        errors.append(Message(CTX, QT_TRANSLATE_NOOP("Hall", "业务类型代码不能重复")))
    for b in profile.business_types:
        if not b.name.strip():
            errors.append(Message(CTX, QT_TRANSLATE_NOOP("Hall", "业务类型名称不能为空")))
        if not b.handling_minutes or b.handling_minutes <= 0:
            errors.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Hall", "“{name}”的平均办理时长应大于 0 分钟"),
                    {"name": b.name},
                )
            )
    errors += validate_opening_hours(profile.opening_hours)
    return errors
