"""What the queue and staffing tab puts on Today: the live queue's advice and who is on shift."""

from __future__ import annotations

import datetime as _dt
import json
import math

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain import today as t
from hallsupervisor.domain.staffing import live
from hallsupervisor.domain.staffing.requirement import (
    SETTINGS_KEY,
    StaffingSettings,
    business_codes,
    pool_label,
)

CTX = "Today"
STALE_MINUTES = 60  # an older snapshot is no longer "now"


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def _shifts(store, hall_id: str, day: str) -> list[live.RosterShift]:
    rows = store.query(
        "SELECT s.* FROM roster_shifts s JOIN rosters r ON r.id = s.roster_id "
        "WHERE s.hall_id = ? AND s.day = ? AND s.deleted_at IS NULL AND r.deleted_at IS NULL "
        "ORDER BY s.start_time",
        (hall_id, day),
    )
    return [
        live.RosterShift(
            r["staff_id"], r["staff_name"], r["start_time"], r["end_time"],
            r["lunch_start"], r["lunch_minutes"],
        )
        for r in rows
    ]


def _handling(store, profile, settings: StaffingSettings, now: _dt.datetime) -> dict[str, float]:
    """Mean handling minutes per business type over the weeks the staffing tab analyses (the
    profile's figure where the log has none): the figures the live page advises with, so
    Today and the page say the same. One SQL aggregate instead of loading the tickets."""
    handling = {b.code: b.handling_minutes for b in profile.business_types}
    rows = store.query(
        "SELECT business_type, count(*) AS n, "
        "sum(julianday(finished_at) - julianday(called_at)) * 1440 AS minutes "
        "FROM tickets WHERE hall_id = ? AND issued_at >= ? AND issued_at < ? "
        "AND called_at IS NOT NULL AND finished_at IS NOT NULL GROUP BY business_type",
        (
            profile.id,
            (now.date() - _dt.timedelta(weeks=settings.weeks)).isoformat(),
            (now.date() + _dt.timedelta(days=1)).isoformat(),
        ),
    )
    codes = business_codes(profile)
    totals: dict[str, tuple[int, float]] = {}
    for r in rows:  # names the profile knows count under its code, as the tab reads them
        code = codes.get(r["business_type"].strip().lower(), r["business_type"])
        n, minutes = totals.get(code, (0, 0.0))
        totals[code] = (n + r["n"], minutes + r["minutes"])
    handling.update({code: minutes / n for code, (n, minutes) in totals.items()})
    return handling


def live_queue_section(ctx: t.TodayContext) -> t.TodaySection | None:
    store, profile, now = ctx.store, ctx.profile, ctx.now
    day = now.date().isoformat()
    shifts = _shifts(store, profile.id, day)
    snapshot = store.one(
        "SELECT * FROM live_queue_entries WHERE hall_id = ? AND substr(taken_at, 1, 10) = ? "
        "AND taken_at <= ? ORDER BY taken_at DESC LIMIT 1",
        (profile.id, day, now.strftime("%Y-%m-%d %H:%M:%S")),
    )
    items = []
    if snapshot:
        taken = _dt.datetime.fromisoformat(snapshot["taken_at"])
        if (now - taken).total_seconds() <= STALE_MINUTES * 60:
            raw = store.scalar(
                "SELECT value FROM hall_settings WHERE hall_id = ? AND key = ?",
                (profile.id, SETTINGS_KEY),
            )
            settings = StaffingSettings.from_json(raw or "")
            advice = live.advise(
                profile,
                json.loads(snapshot["waiting"]),
                json.loads(snapshot["counters_open"]),
                _handling(store, profile, settings, now),
                settings,
                shifts,
                now,
            )
            names = {b.code: b.display_name(ctx.language) for b in profile.business_types}
            for pool in advice.pools:
                if pool.action == live.KEEP and not pool.waiting:
                    continue
                state = {live.OPEN: t.WARN, live.CLOSE: t.INFO, live.KEEP: t.OK}[pool.action]
                wait = (
                    _m(QT_TRANSLATE_NOOP("Today", "没有开放的窗口"))
                    if math.isinf(pool.last_wait_minutes)
                    else _m(QT_TRANSLATE_NOOP("Today", "{m} 分钟"), m=round(pool.last_wait_minutes))
                )
                items.append(
                    t.TodayItem(
                        state,
                        _m(
                            QT_TRANSLATE_NOOP("Today", "{time} {pool}：{n} 人排队，队尾约等 {wait}"),
                            time=taken.strftime("%H:%M"),
                            pool=pool_label(pool.pool.key, names),
                            n=pool.waiting,
                            wait=wait,
                        ),
                        pool.message,
                    )
                )
            if advice.surge:
                items.insert(
                    0,
                    t.TodayItem(
                        t.LATE,
                        _m(
                            QT_TRANSLATE_NOOP(
                                "Today", "排队 {n} 人，已超过突发客流阈值：请启动突发客流预案。"
                            ),
                            n=advice.total_waiting,
                        ),
                    ),
                )
    hhmm = now.strftime("%H:%M")
    working = [s.staff_name for s in shifts if s.working_at(hhmm)]
    if shifts:
        items.append(
            t.TodayItem(
                t.INFO,
                _m(
                    QT_TRANSLATE_NOOP("Today", "按排班今天 {total} 人上班，现在在岗 {now} 人。"),
                    total=len({s.staff_id for s in shifts}),
                    now=len(working),
                ),
                _m("{names}", names=working) if working else None,
            )
        )
    if not items:
        return None
    return t.TodaySection("live_queue", _m(QT_TRANSLATE_NOOP("Today", "现场排队与在岗")), items, order=35)
