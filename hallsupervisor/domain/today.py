"""The hall's day at a glance: what is due, late, open and going on now.

Today is built from sections. Each feature adds a section builder to SECTIONS; a builder
reads what it needs and returns a TodaySection, or None when it has nothing to say.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Callable

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.hall import KINDS, ROLES, HallProfile, is_open

CTX = "Today"

# Item states, in the order a busy supervisor should read them.
LATE = "late"
WARN = "warn"
DUE = "due"
NOW = "now"
OPEN = "open"
OK = "ok"
INFO = "info"
STATE_ORDER = [LATE, WARN, DUE, NOW, OPEN, OK, INFO]

# Minutes from ticket to call, from whole seconds: julianday() arithmetic is floating point
# and makes a wait of exactly 10:00 come out a hair over 10.
WAIT = "(strftime('%s', called_at) - strftime('%s', issued_at)) / 60.0"


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


@dataclass
class TodayItem:
    state: str
    text: Message
    detail: Message | None = None


@dataclass
class TodaySection:
    key: str
    title: Message
    items: list[TodayItem] = field(default_factory=list)
    order: int = 50


@dataclass
class TodayContext:
    store: object  # hallsupervisor.storage.database.Store; kept loose to stay import-light
    profile: HallProfile
    now: _dt.datetime
    language: str = "zh_CN"


def _minutes_text(minutes: float) -> Message:
    minutes = int(round(minutes))
    if minutes >= 60:
        return _m(QT_TRANSLATE_NOOP("Today", "{h} 小时 {m} 分钟"), h=minutes // 60, m=minutes % 60)
    return _m(QT_TRANSLATE_NOOP("Today", "{m} 分钟"), m=minutes)


def hall_status_section(ctx: TodayContext) -> TodaySection:
    profile, now = ctx.profile, ctx.now
    weekday, hhmm = now.isoweekday(), now.strftime("%H:%M")
    span = profile.opening_hours.get(weekday)
    items = []
    if not span:
        items.append(TodayItem(INFO, _m(QT_TRANSLATE_NOOP("Today", "今天不营业。"))))
    elif is_open(profile.opening_hours, weekday, hhmm):
        close = _dt.datetime.combine(now.date(), _dt.time.fromisoformat(span[1]))
        left = (close - now).total_seconds() / 60
        items.append(
            TodayItem(
                NOW,
                _m(
                    QT_TRANSLATE_NOOP("Today", "营业中，{close} 结束营业（还有 {left}）。"),
                    close=span[1],
                    left=_minutes_text(left),
                ),
            )
        )
    elif hhmm < span[0]:
        items.append(
            TodayItem(
                DUE,
                _m(
                    QT_TRANSLATE_NOOP("Today", "今天 {open} 开门，{close} 结束营业。"),
                    open=span[0],
                    close=span[1],
                ),
            )
        )
    else:
        items.append(
            TodayItem(
                INFO, _m(QT_TRANSLATE_NOOP("Today", "今天已于 {close} 结束营业。"), close=span[1])
            )
        )
    staff_by_role: dict[str, int] = {}
    for member in profile.staff:
        staff_by_role[member.role] = staff_by_role.get(member.role, 0) + 1
    roles = [
        _m("{role} {count}", role=Message("Hall", ROLES.get(role, role)), count=count)
        for role, count in staff_by_role.items()
    ]
    items.append(
        TodayItem(
            INFO,
            _m(
                QT_TRANSLATE_NOOP(
                    "Today", "{counters} 个窗口，{business} 类业务，{staff} 名员工。"
                ),
                counters=len(profile.counters),
                business=len(profile.business_types),
                staff=len(profile.staff),
            ),
            _m("{roles}", roles=roles) if roles else None,
        )
    )
    return TodaySection("hall", _m(QT_TRANSLATE_NOOP("Today", "营业状态")), items, order=10)


def queue_section(ctx: TodayContext) -> TodaySection | None:
    """Today's queue-ticket figures against the same weekday of the last four weeks."""
    store, now = ctx.store, ctx.now
    hall_id = ctx.profile.id
    day = now.date().isoformat()
    today = store.one(
        "SELECT count(*) AS issued, "
        " sum(called_at IS NULL AND finished_at IS NULL) AS waiting, "
        f" avg({WAIT}) AS avg_wait, "
        f" max({WAIT}) AS max_wait "
        "FROM tickets WHERE hall_id = ? AND issued_at >= ? AND issued_at < ? "
        "AND issued_at <= ?",
        (
            hall_id,
            day,
            (now.date() + _dt.timedelta(days=1)).isoformat(),
            now.strftime("%Y-%m-%d %H:%M:%S"),
        ),
    )
    past_days = [(now.date() - _dt.timedelta(days=7 * k)) for k in range(1, 5)]
    past_counts = []
    for past in past_days:
        limit = _dt.datetime.combine(past, now.time()).strftime("%Y-%m-%d %H:%M:%S")
        past_counts.append(
            store.scalar(
                "SELECT count(*) FROM tickets WHERE hall_id = ? AND issued_at >= ? "
                "AND issued_at <= ?",
                (hall_id, past.isoformat(), limit),
            )
        )
    has_history = any(past_counts)
    if not today["issued"] and not has_history:
        return None
    items = []
    if today["issued"]:
        names = {b.code: b.display_name(ctx.language) for b in ctx.profile.business_types}
        waiting_by_type = [
            _m(
                "{name} {count}",
                name=names.get(r["business_type"], r["business_type"]),
                count=r["n"],
            )
            for r in store.query(
                "SELECT business_type, count(*) AS n FROM tickets WHERE hall_id = ? "
                "AND issued_at >= ? AND issued_at <= ? AND called_at IS NULL "
                "AND finished_at IS NULL GROUP BY business_type ORDER BY n DESC",
                (hall_id, day, now.strftime("%Y-%m-%d %H:%M:%S")),
            )
        ]
        items.append(
            TodayItem(
                NOW if today["waiting"] else INFO,
                _m(
                    QT_TRANSLATE_NOOP("Today", "今天已取号 {issued} 张，现在等候 {waiting} 人。"),
                    issued=today["issued"],
                    waiting=today["waiting"] or 0,
                ),
                _m("{types}", types=waiting_by_type) if waiting_by_type else None,
            )
        )
        if today["avg_wait"] is not None:
            # Counter service should start within 10 minutes of taking a ticket.
            long_wait = (today["max_wait"] or 0) > 10
            items.append(
                TodayItem(
                    WARN if long_wait else OK,
                    _m(
                        QT_TRANSLATE_NOOP("Today", "平均等候 {avg}，最长 {max}。"),
                        avg=_minutes_text(today["avg_wait"]),
                        max=_minutes_text(today["max_wait"]),
                    ),
                )
            )
    else:
        items.append(TodayItem(INFO, _m(QT_TRANSLATE_NOOP("Today", "今天还没有取号记录。"))))
    if has_history:
        usual = sum(past_counts) / len([c for c in past_counts if c] or [1])
        items.append(
            TodayItem(
                INFO,
                _m(
                    QT_TRANSLATE_NOOP("Today", "近四周同一天到这个时候平均取号 {usual} 张。"),
                    usual=round(usual),
                ),
            )
        )
    return TodaySection("queue", _m(QT_TRANSLATE_NOOP("Today", "排队情况")), items, order=30)


def previous_day_section(ctx: TodayContext) -> TodaySection | None:
    """How the last day with tickets went: volume, waits, customers who left unserved."""
    store, hall_id = ctx.store, ctx.profile.id
    last = store.scalar(
        # max() of the indexed column itself, so SQLite reads one index entry.
        "SELECT max(issued_at) FROM tickets WHERE hall_id = ? AND issued_at < ?",
        (hall_id, ctx.now.date().isoformat()),
    )
    if not last:
        return None
    last = last[:10]
    day_after = (_dt.date.fromisoformat(last) + _dt.timedelta(days=1)).isoformat()
    row = store.one(
        "SELECT count(*) AS issued, sum(finished_at IS NOT NULL) AS served, "
        " sum(called_at IS NULL AND finished_at IS NULL) AS left_unserved, "
        f" avg({WAIT}) AS avg_wait, "
        " avg(CASE WHEN called_at IS NULL THEN NULL "
        f"     WHEN {WAIT} <= 10 THEN 1.0 "
        "     ELSE 0.0 END) AS within "
        "FROM tickets WHERE hall_id = ? AND issued_at >= ? AND issued_at < ?",
        (hall_id, last, day_after),
    )
    busiest = store.one(
        "SELECT substr(issued_at, 12, 2) AS hour, count(*) AS n FROM tickets "
        "WHERE hall_id = ? AND issued_at >= ? AND issued_at < ? GROUP BY hour "
        "ORDER BY n DESC, hour LIMIT 1",
        (hall_id, last, day_after),
    )
    day = _dt.date.fromisoformat(last)
    items = [
        TodayItem(
            INFO,
            _m(
                QT_TRANSLATE_NOOP(
                    "Today",
                    "取号 {issued} 张，办结 {served} 张，最忙的时段是 {hour}:00–{next}:00（{busy} 张）。",
                ),
                issued=row["issued"],
                served=row["served"] or 0,
                hour=busiest["hour"],
                next=f"{int(busiest['hour']) + 1:02d}",
                busy=busiest["n"],
            ),
        )
    ]
    if row["avg_wait"] is not None:
        share = round((row["within"] or 0) * 100)
        items.append(
            TodayItem(
                OK if share >= 80 else WARN,
                _m(
                    QT_TRANSLATE_NOOP(
                        "Today", "平均等候 {avg}，{share}% 的顾客在 10 分钟内被叫号。"
                    ),
                    avg=_minutes_text(row["avg_wait"]),
                    share=share,
                ),
            )
        )
    if row["left_unserved"]:
        items.append(
            TodayItem(
                WARN,
                _m(
                    QT_TRANSLATE_NOOP("Today", "{count} 位顾客取号后未办理就离开了。"),
                    count=row["left_unserved"],
                ),
            )
        )
    title = _m(QT_TRANSLATE_NOOP("Today", "上一个营业日（{date}）"), date=f"{day.month}/{day.day}")
    return TodaySection("previous_day", title, items, order=40)


def _feature(module: str, name: str) -> Callable[[TodayContext], TodaySection | None]:
    """A section a feature package builds; imported when Today is built, since those
    packages themselves build on this module."""

    def section(ctx: TodayContext) -> TodaySection | None:
        from importlib import import_module

        return getattr(import_module(module), name)(ctx)

    section.__name__ = name
    return section


SECTIONS: list[Callable[[TodayContext], TodaySection | None]] = [
    hall_status_section,
    _feature("hallsupervisor.domain.inspection.today_sections", "rounds_section"),
    _feature("hallsupervisor.domain.inspection.today_sections", "actions_section"),
    _feature("hallsupervisor.domain.incidents.today_sections", "incidents_section"),
    queue_section,
    _feature("hallsupervisor.domain.staffing.today_sections", "live_queue_section"),
    previous_day_section,
]


def build_today(
    store, profile: HallProfile, now: _dt.datetime | None = None, language: str = "zh_CN"
) -> list[TodaySection]:
    ctx = TodayContext(store, profile, now or _dt.datetime.now(), language)
    sections = [s for s in (builder(ctx) for builder in SECTIONS) if s is not None]
    sections.sort(key=lambda s: s.order)
    return sections


def date_heading(day: _dt.date) -> Message:
    from hallsupervisor.domain.hall import WEEKDAYS

    return _m(
        QT_TRANSLATE_NOOP("Today", "{y}年{mo}月{d}日 {weekday}"),
        y=day.year,
        mo=day.month,
        d=day.day,
        weekday=Message("Hall", WEEKDAYS[day.isoweekday()]),
    )


def kind_label(kind: str) -> Message:
    return Message("Hall", KINDS.get(kind, kind))
