"""Incident runs: started with the playbook's current version, every log line committed the
moment it is entered, roles and hand-over, closing with the outcome and follow-ups (which
become corrective actions of source 'incident', the list the inspection tab and Today show),
and the link to a touchpoint on the map.

Times of what happened in the hall are local wall-clock `YYYY-MM-DD HH:MM:SS` (docs/schema.md).
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass

from hallsupervisor.domain.incidents import run
from hallsupervisor.domain.incidents.run import LogEntry, RunState, format_time, parse_time
from hallsupervisor.storage.database import Store, utc_now

FOLLOW_UP_SOURCE = "incident"


@dataclass
class FollowUp:
    title: str
    owner_id: str | None
    due_date: _dt.date
    note: str = ""


@dataclass
class Incident:
    id: str
    hall_id: str
    title: str
    code: str
    drill: bool
    status: str
    started_at: _dt.datetime
    closed_at: _dt.datetime | None
    body: dict
    version: int | None
    touchpoint_id: str | None
    location: str
    customer: str
    outcome: str

    @property
    def is_open(self) -> bool:
        return self.status == "open"


def _now(moment: _dt.datetime | None) -> _dt.datetime:
    return (moment or _dt.datetime.now()).replace(microsecond=0)


def playbook_version(store: Store, playbook_id: str) -> tuple[str, dict]:
    """(version id, document) of the playbook's current version."""
    row = store.one(
        "SELECT v.id, v.body FROM playbooks p JOIN playbook_versions v "
        "ON v.id = p.current_version_id WHERE p.id = ?",
        (playbook_id,),
    )
    if row is None:
        row = store.one(
            "SELECT id, body FROM playbook_versions WHERE playbook_id = ? "
            "ORDER BY version DESC LIMIT 1",
            (playbook_id,),
        )
    if row is None:
        raise LookupError(playbook_id)
    return row["id"], json.loads(row["body"])


def start(
    store: Store,
    hall_id: str,
    playbook_id: str,
    *,
    drill: bool = False,
    started_at: _dt.datetime | None = None,
    roles: list[tuple[str, str | None, str]] | None = None,
    location: str = "",
    entered_at: _dt.datetime | None = None,
) -> str:
    """Starts a run of the playbook's current version; `roles` are (role, staff id, name)."""
    version_id, body = playbook_version(store, playbook_id)
    started = _now(started_at)
    entered = _now(entered_at or started_at)
    title = run.text_of(body.get("title"), "zh_CN") or body.get("code", "")
    with store.transaction():
        incident_id = store.insert(
            "incidents",
            {
                "playbook_id": playbook_id,
                "playbook_version_id": version_id,
                "title": title,
                "drill": int(drill),
                "status": "open",
                "started_at": format_time(started),
                "location": location,
            },
            hall_id=hall_id,
        )
        _log(store, hall_id, incident_id, run.START, started, entered, data={"drill": drill})
        for role, staff_id, person in roles or []:
            _give_role(store, hall_id, incident_id, role, staff_id, person, started, entered)
    return incident_id


def _log(
    store: Store,
    hall_id: str,
    incident_id: str,
    kind: str,
    happened_at: _dt.datetime,
    entered_at: _dt.datetime,
    *,
    step_id: str = "",
    text: str = "",
    reason: str = "",
    data: dict | None = None,
) -> str:
    return store.insert(
        "incident_log",
        {
            "incident_id": incident_id,
            "kind": kind,
            "step_id": step_id,
            "text": text,
            "reason": reason,
            "data": json.dumps(data or {}, ensure_ascii=False),
            "happened_at": format_time(happened_at),
            "entered_at": format_time(entered_at),
        },
        hall_id=hall_id,
    )


def _hall_of(store: Store, incident_id: str) -> str:
    hall_id = store.scalar("SELECT hall_id FROM incidents WHERE id = ?", (incident_id,))
    if hall_id is None:
        raise LookupError(incident_id)
    return hall_id


def log(
    store: Store,
    incident_id: str,
    kind: str,
    *,
    step_id: str = "",
    text: str = "",
    reason: str = "",
    data: dict | None = None,
    happened_at: _dt.datetime | None = None,
    entered_at: _dt.datetime | None = None,
) -> str:
    """Appends one line to the run's log, committed at once. `happened_at` (default: now)
    may be earlier than `entered_at` when something is written up after it was done."""
    if kind not in run.KINDS:
        raise ValueError(f"unknown log kind {kind!r}")
    entered = _now(entered_at)
    happened = _now(happened_at) if happened_at else entered
    return _log(
        store,
        _hall_of(store, incident_id),
        incident_id,
        kind,
        happened,
        entered,
        step_id=step_id,
        text=text,
        reason=reason,
        data=data,
    )


def tick(store: Store, incident_id: str, step_id: str, **times) -> str:
    return log(store, incident_id, run.DONE, step_id=step_id, **times)


def skip(store: Store, incident_id: str, step_id: str, reason: str, **times) -> str:
    return log(store, incident_id, run.SKIP, step_id=step_id, reason=reason, **times)


def reopen(store: Store, incident_id: str, step_id: str, **times) -> str:
    return log(store, incident_id, run.REOPEN, step_id=step_id, **times)


def add_step(store: Store, incident_id: str, text: str, role: str = "", **times) -> str:
    """Adds a step to the run (not to the playbook); returns the new step's id."""
    state = load(store, incident_id)[1]
    step_id = state.new_step_id()
    log(store, incident_id, run.ADD_STEP, step_id=step_id, text=text, data={"role": role},
        **times)
    return step_id


def add_note(store: Store, incident_id: str, text: str, **times) -> str:
    return log(store, incident_id, run.NOTE, text=text, **times)


def add_person(
    store: Store, incident_id: str, kind: str, name: str, description: str = "",
    staff_id: str | None = None, **times
) -> str:
    """A person involved: a member of staff, a customer (described) or someone else."""
    if kind not in run.PERSON_KINDS:
        raise ValueError(f"unknown person kind {kind!r}")
    return log(
        store,
        incident_id,
        run.PERSON,
        text=name,
        data={"kind": kind, "staff_id": staff_id, "description": description},
        **times,
    )


def announce(store: Store, incident_id: str, text: str, **times) -> str:
    return log(store, incident_id, run.ANNOUNCE, text=text, **times)


def acknowledge(store: Store, incident_id: str, timer_key: str, text: str = "", **times) -> str:
    """A repeating prompt done (CPR swapped, the queue updated) or a time target met."""
    kind = run.PROMPT if timer_key.startswith("prompt:") else run.TARGET
    return log(store, incident_id, kind, text=text, data={"key": timer_key}, **times)


def _give_role(store, hall_id, incident_id, role, staff_id, person, happened, entered) -> None:
    store.execute(
        "UPDATE incident_roles SET until_at = ?, updated_at = ? "
        "WHERE incident_id = ? AND role = ? AND until_at IS NULL",
        (format_time(happened), utc_now(), incident_id, role),
    )
    store.insert(
        "incident_roles",
        {
            "incident_id": incident_id,
            "role": role,
            "staff_id": staff_id,
            "person": person,
            "from_at": format_time(happened),
        },
        hall_id=hall_id,
    )
    _log(store, hall_id, incident_id, run.ROLE, happened, entered, text=person,
         data={"role": role, "staff_id": staff_id})


def give_role(
    store: Store,
    incident_id: str,
    role: str,
    person: str,
    staff_id: str | None = None,
    *,
    happened_at: _dt.datetime | None = None,
    entered_at: _dt.datetime | None = None,
) -> None:
    """Gives `role` to a person; whoever held it hands it over at that moment."""
    entered = _now(entered_at)
    happened = _now(happened_at) if happened_at else entered
    with store.transaction():
        _give_role(store, _hall_of(store, incident_id), incident_id, role, staff_id, person,
                   happened, entered)


def roles_now(store: Store, incident_id: str) -> list[dict]:
    return store.query(
        "SELECT role, staff_id, person, from_at FROM incident_roles "
        "WHERE incident_id = ? AND until_at IS NULL ORDER BY created_at",
        (incident_id,),
    )


def role_history(store: Store, incident_id: str) -> list[dict]:
    return store.query(
        "SELECT role, staff_id, person, from_at, until_at FROM incident_roles "
        "WHERE incident_id = ? ORDER BY from_at, created_at",
        (incident_id,),
    )


def entries(store: Store, incident_id: str) -> list[LogEntry]:
    return [
        LogEntry(
            kind=r["kind"],
            happened_at=parse_time(r["happened_at"]),
            entered_at=parse_time(r["entered_at"]),
            step_id=r["step_id"],
            text=r["text"],
            reason=r["reason"],
            data=json.loads(r["data"] or "{}"),
            id=r["id"],
        )
        for r in store.query(
            "SELECT * FROM incident_log WHERE incident_id = ? "
            "ORDER BY entered_at, created_at",
            (incident_id,),
        )
    ]


# an incident with its playbook version in one query (a version per row was a query per row)
_SELECT = (
    "SELECT i.*, v.body AS version_body, v.version AS version_number, p.code AS playbook_code "
    "FROM incidents i LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
    "LEFT JOIN playbooks p ON p.id = v.playbook_id "
)


def _incident(row: dict) -> Incident:
    return Incident(
        id=row["id"],
        hall_id=row["hall_id"],
        title=row["title"],
        code=row["playbook_code"] or "",
        drill=bool(row["drill"]),
        status=row["status"],
        started_at=parse_time(row["started_at"]),
        closed_at=parse_time(row["closed_at"]) if row["closed_at"] else None,
        body=json.loads(row["version_body"]) if row["version_body"] else {"steps": []},
        version=row["version_number"],
        touchpoint_id=row["touchpoint_id"],
        location=row["location"],
        customer=row["customer"],
        outcome=row["outcome"],
    )


def get(store: Store, incident_id: str) -> Incident:
    row = store.one(_SELECT + "WHERE i.id = ?", (incident_id,))
    if row is None:
        raise LookupError(incident_id)
    return _incident(row)


def load(store: Store, incident_id: str) -> tuple[Incident, RunState]:
    """The incident and its run state rebuilt from the log."""
    incident = get(store, incident_id)
    return incident, run.rebuild(incident.body, incident.started_at, entries(store, incident_id))


def open_incidents(store: Store, hall_id: str) -> list[Incident]:
    rows = store.query(
        _SELECT + "WHERE i.hall_id = ? AND i.status = 'open' AND i.deleted_at IS NULL "
        "ORDER BY i.started_at, i.created_at",
        (hall_id,),
    )
    return [_incident(r) for r in rows]


def list_incidents(
    store: Store,
    hall_id: str,
    start: _dt.date | None = None,
    end: _dt.date | None = None,
    *,
    drill: bool | None = None,
) -> list[Incident]:
    """Incidents started between `start` and `end` (inclusive), newest first."""
    sql = _SELECT + "WHERE i.hall_id = ? AND i.deleted_at IS NULL"
    params: list = [hall_id]
    if start:
        sql += " AND i.started_at >= ?"
        params.append(start.isoformat())
    if end:
        sql += " AND i.started_at < ?"
        params.append((end + _dt.timedelta(days=1)).isoformat())
    if drill is not None:
        sql += " AND i.drill = ?"
        params.append(int(drill))
    rows = store.query(sql + " ORDER BY i.started_at DESC", params)
    return [_incident(r) for r in rows]


def set_details(store: Store, incident_id: str, **values) -> None:
    """Location, customer description or the touchpoint on the map."""
    allowed = {"location", "customer", "touchpoint_id"}
    if set(values) - allowed:
        raise ValueError(f"cannot set {sorted(set(values) - allowed)}")
    store.update("incidents", incident_id, values)


def on_duty(store: Store, hall_id: str, now: _dt.datetime) -> set[str]:
    """Staff ids whose shift of the current roster covers `now` (a lunch break counts: they
    are in the building); empty when the hall keeps no roster."""
    from hallsupervisor.storage.staffing import shifts_on

    hhmm = now.strftime("%H:%M")
    return {s.staff_id for s in shifts_on(store, hall_id, now.date()) if s.start <= hhmm < s.end}


def touchpoints(store: Store, hall_id: str) -> list[dict]:
    """The hall's touchpoints for the picker (id, code, name, name_en)."""
    return store.query(
        "SELECT id, code, name, name_en FROM touchpoints WHERE hall_id = ? AND deleted_at IS NULL "
        "ORDER BY code",
        (hall_id,),
    )


def close(
    store: Store,
    incident_id: str,
    outcome: str,
    follow_ups: list[FollowUp] = (),
    *,
    touchpoint_id: str | None = None,
    closed_at: _dt.datetime | None = None,
    entered_at: _dt.datetime | None = None,
) -> list[str]:
    """Closes the run with its outcome; each follow-up becomes a corrective action (source
    'incident'). All or nothing; returns the actions' ids."""
    entered = _now(entered_at)
    closed = _now(closed_at) if closed_at else entered
    incident = get(store, incident_id)
    if not incident.is_open:
        raise ValueError("incident already closed")
    ids = []
    with store.transaction():
        values = {"status": "closed", "closed_at": format_time(closed), "outcome": outcome}
        if touchpoint_id:
            values["touchpoint_id"] = touchpoint_id
        store.update("incidents", incident_id, values)
        for follow_up in follow_ups:
            ids.append(
                store.insert(
                    "corrective_actions",
                    {
                        "source": FOLLOW_UP_SOURCE,
                        "incident_id": incident_id,
                        "title": follow_up.title,
                        "note": follow_up.note,
                        "severity": "major",
                        "owner_id": follow_up.owner_id,
                        "found_on": closed.date().isoformat(),
                        "due_date": follow_up.due_date.isoformat(),
                        "status": "open",
                    },
                    hall_id=incident.hall_id,
                )
            )
        _log(store, incident.hall_id, incident_id, run.CLOSE, closed, entered, text=outcome,
             data={"follow_ups": len(ids)})
    return ids


def follow_ups(store: Store, incident_id: str) -> list[dict]:
    return store.query(
        "SELECT a.*, s.name AS owner_name FROM corrective_actions a "
        "LEFT JOIN staff s ON s.id = a.owner_id WHERE a.incident_id = ? "
        "ORDER BY a.due_date, a.created_at",
        (incident_id,),
    )
