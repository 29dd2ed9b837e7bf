"""The complaint register: each complaint with its due times, status and the steps taken.

Every change is committed at once. Due times are worked out when the complaint is entered
(domain.incidents.complaints.due_times) and stored, so a later change of the rules does not
move an old complaint's limits.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from hallsupervisor.domain.incidents import complaints as rules
from hallsupervisor.domain.incidents.run import format_time, parse_time
from hallsupervisor.storage.database import Store


@dataclass
class Complaint:
    id: str
    channel: str
    category: str
    received_at: _dt.datetime
    customer: str
    summary: str
    status: str
    response_due: _dt.datetime
    completion_due: _dt.datetime
    responded_at: _dt.datetime | None
    completed_at: _dt.datetime | None
    incident_id: str | None

    def overdue(self, now: _dt.datetime) -> rules.Overdue:
        return rules.overdue(
            self.status,
            self.response_due,
            self.completion_due,
            now,
            self.responded_at,
            self.completed_at,
        )


def _time(value: str | None) -> _dt.datetime | None:
    return parse_time(value) if value else None


def _complaint(row: dict) -> Complaint:
    return Complaint(
        id=row["id"],
        channel=row["channel"],
        category=row["category"],
        received_at=parse_time(row["received_at"]),
        customer=row["customer"],
        summary=row["summary"],
        status=row["status"],
        response_due=parse_time(row["response_due"]),
        completion_due=parse_time(row["completion_due"]),
        responded_at=_time(row["responded_at"]),
        completed_at=_time(row["completed_at"]),
        incident_id=row["incident_id"],
    )


def is_rural(store: Store, hall_id: str) -> bool:
    pack = store.scalar("SELECT pack FROM halls WHERE id = ?", (hall_id,)) or ""
    return "rural" in pack


def add(
    store: Store,
    hall_id: str,
    *,
    channel: str,
    category: str,
    received_at: _dt.datetime,
    customer: str = "",
    summary: str = "",
    incident_id: str | None = None,
) -> str:
    received_at = received_at.replace(microsecond=0)
    respond_by, complete_by = rules.due_times(
        category, channel, received_at, rural=is_rural(store, hall_id)
    )
    return store.insert(
        "complaints",
        {
            "channel": channel,
            "category": category,
            "received_at": format_time(received_at),
            "customer": customer,
            "summary": summary,
            "status": rules.OPEN,
            "response_due": format_time(respond_by),
            "completion_due": format_time(complete_by),
            "incident_id": incident_id,
        },
        hall_id=hall_id,
    )


def get(store: Store, complaint_id: str) -> Complaint:
    row = store.one("SELECT * FROM complaints WHERE id = ?", (complaint_id,))
    if row is None:
        raise LookupError(complaint_id)
    return _complaint(row)


def list_complaints(
    store: Store,
    hall_id: str,
    start: _dt.date | None = None,
    end: _dt.date | None = None,
    *,
    open_only: bool = False,
) -> list[Complaint]:
    """Complaints received between `start` and `end` (inclusive), newest first."""
    sql = "SELECT * FROM complaints WHERE hall_id = ? AND deleted_at IS NULL"
    params: list = [hall_id]
    if start:
        sql += " AND received_at >= ?"
        params.append(start.isoformat())
    if end:
        sql += " AND received_at < ?"
        params.append((end + _dt.timedelta(days=1)).isoformat())
    if open_only:
        sql += " AND status IN ('open', 'responded')"
    return [_complaint(r) for r in store.query(sql + " ORDER BY received_at DESC", params)]


def add_step(
    store: Store,
    complaint_id: str,
    text: str,
    by_name: str = "",
    happened_at: _dt.datetime | None = None,
    *,
    status: str | None = None,
) -> str:
    """Logs a step taken; `status` moves the complaint on (responded, resolved, withdrawn).
    The first step of an open complaint counts as its response."""
    happened = (happened_at or _dt.datetime.now()).replace(microsecond=0)
    complaint = get(store, complaint_id)
    hall_id = store.scalar("SELECT hall_id FROM complaints WHERE id = ?", (complaint_id,))
    with store.transaction():
        step_id = store.insert(
            "complaint_steps",
            {
                "complaint_id": complaint_id,
                "text": text,
                "by_name": by_name,
                "happened_at": format_time(happened),
            },
            hall_id=hall_id,
        )
        values: dict = {}
        new_status = status or (rules.RESPONDED if complaint.status == rules.OPEN else None)
        if new_status and new_status != complaint.status:
            if new_status not in rules.STATUSES:
                raise ValueError(f"unknown status {new_status!r}")
            values["status"] = new_status
        if complaint.responded_at is None and new_status != rules.WITHDRAWN:
            values["responded_at"] = format_time(happened)
        if new_status in rules.CLOSED_STATUSES:
            values["completed_at"] = format_time(happened)
        if values:
            store.update("complaints", complaint_id, values)
    return step_id


def steps(store: Store, complaint_id: str) -> list[dict]:
    return store.query(
        "SELECT text, by_name, happened_at FROM complaint_steps WHERE complaint_id = ? "
        "ORDER BY happened_at, created_at",
        (complaint_id,),
    )


def overdue_complaints(store: Store, hall_id: str, now: _dt.datetime) -> list[Complaint]:
    """Complaints late right now: not answered or not settled in time, and still open."""
    return [
        c
        for c in list_complaints(store, hall_id, open_only=True)
        if rules.breached_now(c.status, c.response_due, c.completion_due, now)
    ]
