"""What the inspection tab puts on Today: the day's rounds and the corrective actions."""

from __future__ import annotations

import datetime as _dt

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain import today as t
from hallsupervisor.domain.inspection import dayplan

CTX = "Today"

# How each round status reads on Today.
_ROUND_STATE = {
    dayplan.DONE: t.OK,
    dayplan.IN_PROGRESS: t.NOW,
    dayplan.DUE: t.DUE,
    dayplan.LATE: t.LATE,
    dayplan.MISSED: t.LATE,
    dayplan.UPCOMING: t.INFO,
}
MAX_LISTED = 6


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def day_end(ctx: t.TodayContext, day: _dt.date) -> _dt.datetime:
    """Rounds can be done until the hall closes (or midnight on a day it does not open)."""
    span = ctx.profile.opening_hours.get(day.isoweekday())
    if span:
        return _dt.datetime.combine(day, _dt.time.fromisoformat(span[1]))
    return _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time())


def rounds_section(ctx: t.TodayContext) -> t.TodaySection | None:
    store, hall_id, now = ctx.store, ctx.profile.id, ctx.now
    plan = store.query(
        "SELECT * FROM round_plans WHERE hall_id = ? AND deleted_at IS NULL ORDER BY time",
        (hall_id,),
    )
    if not plan or not ctx.profile.opening_hours.get(now.isoweekday()):
        return None
    rounds = {
        r["plan_id"]: r
        for r in store.query(
            "SELECT plan_id, completed_at, signed_at, score, failed FROM rounds "
            "WHERE hall_id = ? AND round_date = ? AND plan_id IS NOT NULL",
            (hall_id, now.date().isoformat()),
        )
    }
    items = []
    for entry in plan:
        done = rounds.get(entry["id"])
        planned = dayplan.PlannedRound(entry["name"], entry["time"], entry["name_en"])
        status = dayplan.round_status(
            dayplan.planned_datetime(now.date(), planned),
            now,
            started=done is not None,
            completed=bool(done and done["completed_at"]),
            day_end=day_end(ctx, now.date()),
        )
        name = planned.display_name(ctx.language)
        label = Message("Inspection", dayplan.STATUSES[status])
        if status == dayplan.DONE and done["score"] is not None:
            text = _m(
                QT_TRANSLATE_NOOP(
                    "Today", "{time} {name}：{status}，得分 {score}，不合格 {failed} 项。"
                ),
                time=entry["time"],
                name=name,
                status=label,
                score=f"{done['score']:.1f}",
                failed=done["failed"],
            )
            if not done["signed_at"]:
                text = _m(QT_TRANSLATE_NOOP("Today", "{round}（尚未签字）"), round=text)
        else:
            text = _m(
                QT_TRANSLATE_NOOP("Today", "{time} {name}：{status}。"),
                time=entry["time"],
                name=name,
                status=label,
            )
        items.append(t.TodayItem(_ROUND_STATE[status], text))
    return t.TodaySection("rounds", _m(QT_TRANSLATE_NOOP("Today", "今日巡检")), items, order=20)


def actions_section(ctx: t.TodayContext) -> t.TodaySection | None:
    store, hall_id, today = ctx.store, ctx.profile.id, ctx.now.date()
    rows = store.query(
        "SELECT a.title, a.note, a.due_date, s.name AS owner, i.title AS incident, "
        "json_extract(v.body, '$.title.en') AS incident_en "
        "FROM corrective_actions a LEFT JOIN staff s ON s.id = a.owner_id "
        "LEFT JOIN incidents i ON i.id = a.incident_id "
        "LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
        "WHERE a.hall_id = ? AND a.status = 'open' "
        "ORDER BY a.due_date, a.created_at",
        (hall_id,),
    )
    if not rows:
        return None
    overdue = [r for r in rows if _dt.date.fromisoformat(r["due_date"]) < today]
    due_today = [r for r in rows if r["due_date"] == today.isoformat()]
    items = [
        t.TodayItem(
            t.LATE if overdue else t.OPEN,
            _m(
                QT_TRANSLATE_NOOP(
                    "Today",
                    "未关闭的整改项 {open} 项，其中逾期 {overdue} 项、今天到期 {today} 项。",
                ),
                open=len(rows),
                overdue=len(overdue),
                today=len(due_today),
            ),
        )
    ]
    for row in (overdue + due_today)[:MAX_LISTED]:
        days = (today - _dt.date.fromisoformat(row["due_date"])).days
        owner = row["owner"] or Message("Today", QT_TRANSLATE_NOOP("Today", "未指定"))
        if days > 0:
            text = _m(
                QT_TRANSLATE_NOOP("Today", "{title} — 责任人 {owner}，已逾期 {days} 天。"),
                title=row["title"],
                owner=owner,
                days=days,
            )
        else:
            text = _m(
                QT_TRANSLATE_NOOP("Today", "{title} — 责任人 {owner}，今天到期。"),
                title=row["title"],
                owner=owner,
            )
        detail = _m("{note}", note=row["note"]) if row["note"] else None
        if row["incident"]:  # an incident's follow-up says which incident
            incident = bilingual(row["incident"], row["incident_en"] or "", ctx.language)
            detail = _m(QT_TRANSLATE_NOOP("Today", "来自事件：{incident}"), incident=incident)
        items.append(t.TodayItem(t.LATE if days > 0 else t.DUE, text, detail))
    return t.TodaySection("actions", _m(QT_TRANSLATE_NOOP("Today", "整改项")), items, order=25)
