"""What the incidents tab puts on Today: incidents still open, the follow-ups of recent
incidents not due yet, and complaints past their time limit, in one section. Follow-ups are
corrective actions: once due or overdue they are listed in the 整改项 section (with the
incident they came from), not twice."""

from __future__ import annotations

import datetime as _dt

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain import today as t
from hallsupervisor.domain.incidents import complaints as rules
from hallsupervisor.domain.incidents.run import clock_text, parse_time

CTX = "Today"
MAX_LISTED = 6
FOLLOW_UP_DAYS = 14  # follow-ups of incidents closed in the last two weeks are listed


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def _title(chinese: str, english: str | None, ctx: t.TodayContext) -> str:
    return bilingual(chinese, english or "", ctx.language)


def incidents_section(ctx: t.TodayContext) -> t.TodaySection | None:
    store, hall_id, now = ctx.store, ctx.profile.id, ctx.now
    running = store.query(
        "SELECT i.title, json_extract(v.body, '$.title.en') AS title_en, i.drill, i.started_at "
        "FROM incidents i LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
        "WHERE i.hall_id = ? AND i.status = 'open' AND i.deleted_at IS NULL ORDER BY i.started_at",
        (hall_id,),
    )
    since = (now.date() - _dt.timedelta(days=FOLLOW_UP_DAYS)).isoformat()
    follow_ups = store.query(
        "SELECT a.title, a.due_date, s.name AS owner, i.title AS incident, "
        "json_extract(v.body, '$.title.en') AS incident_en FROM corrective_actions a "
        "JOIN incidents i ON i.id = a.incident_id LEFT JOIN staff s ON s.id = a.owner_id "
        "LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
        "WHERE a.hall_id = ? AND a.source = 'incident' AND a.status = 'open' "
        "AND i.closed_at >= ? AND a.due_date > ? ORDER BY a.due_date, a.created_at",
        (hall_id, since, now.date().isoformat()),
    )
    items = []
    for row in running:
        elapsed = clock_text(int((now - parse_time(row["started_at"])).total_seconds()))
        text = (
            QT_TRANSLATE_NOOP("Today", "演练进行中：{title}（已 {elapsed}）")
            if row["drill"]
            else QT_TRANSLATE_NOOP("Today", "事件处置中：{title}（已 {elapsed}）")
        )
        items.append(t.TodayItem(t.INFO if row["drill"] else t.NOW,
                                 _m(text, title=_title(row["title"], row["title_en"], ctx),
                                    elapsed=elapsed)))
    for row in follow_ups[:MAX_LISTED]:
        owner = row["owner"] or Message("Today", QT_TRANSLATE_NOOP("Today", "未指定"))
        items.append(
            t.TodayItem(
                t.OPEN,
                _m(
                    QT_TRANSLATE_NOOP("Today", "事件整改：{title} — 责任人 {owner}，期限 {due}"),
                    title=row["title"],
                    owner=owner,
                    due=row["due_date"],
                ),
                _m(QT_TRANSLATE_NOOP("Today", "来自事件：{incident}"),
                   incident=_title(row["incident"], row["incident_en"], ctx)),
            )
        )
    items += complaint_items(ctx)
    if not items:
        return None
    return t.TodaySection(
        "incidents", _m(QT_TRANSLATE_NOOP("Today", "突发事件与投诉")), items, order=15
    )


def complaint_items(ctx: t.TodayContext) -> list[t.TodayItem]:
    """Open complaints: how many, and each one past its time limit."""
    store, hall_id, now = ctx.store, ctx.profile.id, ctx.now
    rows = store.query(
        "SELECT * FROM complaints WHERE hall_id = ? AND deleted_at IS NULL "
        "AND status IN ('open', 'responded') ORDER BY received_at",
        (hall_id,),
    )
    if not rows:
        return []
    overdue = []
    for row in rows:
        state = rules.breached_now(
            row["status"], parse_time(row["response_due"]), parse_time(row["completion_due"]), now
        )
        if state:
            overdue.append((row, state))
    items = [
        t.TodayItem(
            t.LATE if overdue else t.OPEN,
            _m(
                QT_TRANSLATE_NOOP("Today", "未办结的投诉 {open} 件，其中超时 {overdue} 件。"),
                open=len(rows),
                overdue=len(overdue),
            ),
        )
    ]
    for row, state in overdue[:MAX_LISTED]:
        what = (
            QT_TRANSLATE_NOOP("Today", "未按时响应")
            if state.response
            else QT_TRANSLATE_NOOP("Today", "未按时办结")
        )
        items.append(
            t.TodayItem(
                t.LATE,
                _m(
                    QT_TRANSLATE_NOOP("Today", "{category}投诉（{received}）：{what}"),
                    category=Message("Complaints", rules.CATEGORIES[row["category"]]),
                    received=row["received_at"][5:16],
                    what=Message("Today", what),
                ),
                _m("{summary}", summary=row["summary"]) if row["summary"] else None,
            )
        )
    return items
