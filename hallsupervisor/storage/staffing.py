"""Queue and staffing records: ticket imports, hand-entered arrivals, targets, shift patterns,
staff limits, rosters and live queue snapshots. Each function is one committed change.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
from dataclasses import dataclass, field

from hallsupervisor.domain.hall import HallProfile
from hallsupervisor.domain.staffing.live import RosterShift
from hallsupervisor.domain.staffing.requirement import (
    SETTINGS_KEY,
    StaffingSettings,
    business_codes,
)
from hallsupervisor.domain.staffing.tickets import (
    Ticket,
    layout_signature,
    read_ticket_log,
)
from hallsupervisor.domain.staffing.weekly import (
    GeneratedRoster,
    PatternSpec,
    StaffLimits,
    default_patterns,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store, new_id, utc_now

_TIME = "%Y-%m-%d %H:%M:%S"


# -- settings -------------------------------------------------------------------------------------
def load_settings(store: Store, hall_id: str) -> StaffingSettings:
    return StaffingSettings.from_json(halls.get_setting(store, hall_id, SETTINGS_KEY, ""))


def save_settings(store: Store, hall_id: str, settings: StaffingSettings) -> None:
    problems = settings.validate()
    if problems:
        raise ValueError(str(problems[0]))
    halls.set_setting(store, hall_id, SETTINGS_KEY, settings.to_json())


# -- import layouts -------------------------------------------------------------------------------
def saved_mapping(store: Store, hall_id: str, header: list[str]) -> dict[str, str] | None:
    """The column mapping last used for files with this header, if any."""
    text = store.scalar(
        "SELECT mapping FROM import_layouts WHERE hall_id = ? AND signature = ?",
        (hall_id, layout_signature(header)),
    )
    return json.loads(text) if text else None


def remember_mapping(store: Store, hall_id: str, header: list[str], mapping: dict) -> None:
    signature = layout_signature(header)
    existing = store.scalar(
        "SELECT id FROM import_layouts WHERE hall_id = ? AND signature = ?", (hall_id, signature)
    )
    values = {
        "mapping": json.dumps(mapping, ensure_ascii=False, sort_keys=True),
        "header": json.dumps(header, ensure_ascii=False),
    }
    if existing:
        store.update("import_layouts", existing, values)
    else:
        store.insert("import_layouts", {"signature": signature, **values}, hall_id=hall_id)


# -- ticket imports -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ImportResult:
    import_id: str | None
    rows: int  # tickets in the file
    added: int  # new tickets stored
    already_imported: bool  # the same file was imported before: nothing added
    previous_name: str = ""
    # Business names in the file that match none of the hall's business types → tickets:
    # stored, but left out of the requirement until the hall profile knows them.
    unknown_business: dict[str, int] = field(default_factory=dict)


def file_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def previous_import(store: Store, hall_id: str, data: bytes) -> dict | None:
    """The earlier import of these very bytes (id, file_name, created_at), if any."""
    return store.one(
        "SELECT id, file_name, created_at FROM ticket_imports WHERE hall_id = ? AND sha256 = ?",
        (hall_id, file_hash(data)),
    )


def import_tickets(
    store: Store,
    hall_id: str,
    data: bytes,
    file_name: str,
    mapping: dict | None = None,
    profile: HallProfile | None = None,
) -> ImportResult:
    """Reads the whole file first (TicketLogError: nothing stored), then stores the tickets
    in one transaction. The same file (by SHA-256) twice adds nothing; a ticket already stored
    from another file (same day and number) is skipped. Business names are turned into the
    hall's codes where they match a code, Chinese or English name."""
    digest = file_hash(data)
    before = previous_import(store, hall_id, data)
    if before:
        return ImportResult(before["id"], 0, 0, True, before["file_name"])
    log = read_ticket_log(data, mapping)
    names = business_codes(profile or halls.load_profile(store, hall_id))
    header = list(log.header) if mapping else []  # the file is read once, by the log reader
    with store.transaction():
        import_id = store.insert(
            "ticket_imports",
            {
                "file_name": file_name,
                "sha256": digest,
                "layout_signature": layout_signature(header) if header else "",
                "rows": len(log.tickets),
            },
            hall_id=hall_id,
        )
        if mapping and header:
            remember_mapping(store, hall_id, header, mapping)
        now = utc_now()
        added = 0
        unknown: dict[str, int] = {}
        for t in log.tickets:
            code = names.get(t.business_type.strip().lower())
            if code is None:
                unknown[t.business_type] = unknown.get(t.business_type, 0) + 1
            cursor = store.execute(
                "INSERT OR IGNORE INTO tickets (id, hall_id, created_at, updated_at, ticket_no, "
                "business_type, issued_at, called_at, finished_at, counter, import_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    new_id(),
                    hall_id,
                    now,
                    now,
                    t.ticket_no,
                    code or t.business_type,
                    t.issued_at.strftime(_TIME),
                    t.called_at.strftime(_TIME) if t.called_at else None,
                    t.finished_at.strftime(_TIME) if t.finished_at else None,
                    t.counter,
                    import_id,
                ),
            )
            added += cursor.rowcount
        issued = [t.issued_at.strftime(_TIME) for t in log.tickets]
        store.update(
            "ticket_imports",
            import_id,
            {
                "added": added,
                "first_issued": min(issued) if issued else None,
                "last_issued": max(issued) if issued else None,
            },
        )
    return ImportResult(import_id, len(log.tickets), added, False, unknown_business=unknown)


def list_imports(store: Store, hall_id: str) -> list[dict]:
    return store.query(
        "SELECT * FROM ticket_imports WHERE hall_id = ? ORDER BY created_at DESC", (hall_id,)
    )


def load_tickets(
    store: Store, hall_id: str, since: _dt.date | None = None, until: _dt.date | None = None
) -> list[Ticket]:
    """Tickets issued from `since` (inclusive) to `until` (exclusive)."""
    sql = (
        "SELECT ticket_no, business_type, issued_at, called_at, finished_at, counter "
        "FROM tickets WHERE hall_id = ?"
    )
    params: list = [hall_id]
    if since:
        sql += " AND issued_at >= ?"
        params.append(since.isoformat())
    if until:
        sql += " AND issued_at < ?"
        params.append(until.isoformat())
    # Plain tuples straight from the cursor: a year of tickets is many rows to wrap in dicts.
    rows = store.conn.execute(sql + " ORDER BY issued_at", params).fetchall()
    parse = _dt.datetime.fromisoformat
    return [
        Ticket(
            no,
            kind,
            parse(issued),
            parse(called) if called else None,
            parse(finished) if finished else None,
            counter or "",
        )
        for no, kind, issued, called, finished, counter in rows
    ]


# -- hand-entered arrivals ------------------------------------------------------------------------
def arrival_entries(store: Store, hall_id: str, interval: int) -> dict[tuple[int, str, str], float]:
    rows = store.query(
        "SELECT business_type, weekday, start, arrivals FROM arrival_entries "
        "WHERE hall_id = ? AND interval_minutes = ?",
        (hall_id, interval),
    )
    return {(r["weekday"], r["start"], r["business_type"]): r["arrivals"] for r in rows}


def set_arrival_entry(
    store: Store,
    hall_id: str,
    business_type: str,
    weekday: int,
    start: str,
    interval: int,
    arrivals: float | None,
) -> None:
    """Stores one hand-entered count; None removes it (the ticket figure shows again)."""
    if arrivals is not None and not 0 <= arrivals <= 10000:
        raise ValueError("arrivals out of range")
    key = (hall_id, business_type, weekday, start, interval)
    existing = store.scalar(
        "SELECT id FROM arrival_entries WHERE hall_id = ? AND business_type = ? AND weekday = ? "
        "AND start = ? AND interval_minutes = ?",
        key,
    )
    if arrivals is None:
        if existing:
            store.execute("DELETE FROM arrival_entries WHERE id = ?", (existing,))
    elif existing:
        store.update("arrival_entries", existing, {"arrivals": float(arrivals)})
    else:
        store.insert(
            "arrival_entries",
            {
                "business_type": business_type,
                "weekday": weekday,
                "start": start,
                "interval_minutes": interval,
                "arrivals": float(arrivals),
            },
            hall_id=hall_id,
        )


# -- shift patterns -------------------------------------------------------------------------------
def _spec(row: dict) -> PatternSpec:
    return PatternSpec(
        row["name"],
        row["first_start"],
        row["last_start"],
        row["paid_minutes"],
        row["lunch_minutes"],
        row["lunch_earliest"],
        row["lunch_latest"],
        row["step_minutes"],
        row["id"],
    )


def list_patterns(store: Store, hall_id: str) -> list[PatternSpec]:
    rows = store.query(
        "SELECT * FROM shift_patterns WHERE hall_id = ? AND deleted_at IS NULL "
        "ORDER BY sort_order, created_at",
        (hall_id,),
    )
    return [_spec(r) for r in rows]


def _pattern_values(spec: PatternSpec) -> dict:
    return {
        "name": spec.name.strip(),
        "first_start": spec.first_start,
        "last_start": spec.last_start,
        "step_minutes": spec.step_minutes,
        "paid_minutes": spec.paid_minutes,
        "lunch_minutes": spec.lunch_minutes,
        "lunch_earliest": spec.lunch_earliest if spec.lunch_minutes else "",
        "lunch_latest": spec.lunch_latest if spec.lunch_minutes else "",
    }


def add_pattern(store: Store, hall_id: str, spec: PatternSpec) -> str:
    problems = spec.validate()
    if problems:
        raise ValueError(str(problems[0]))
    order = store.scalar(
        "SELECT coalesce(max(sort_order) + 1, 0) FROM shift_patterns WHERE hall_id = ?", (hall_id,)
    )
    return store.insert(
        "shift_patterns", {**_pattern_values(spec), "sort_order": order}, hall_id=hall_id
    )


def update_pattern(store: Store, pattern_id: str, spec: PatternSpec) -> None:
    problems = spec.validate()
    if problems:
        raise ValueError(str(problems[0]))
    store.update("shift_patterns", pattern_id, _pattern_values(spec))


def delete_pattern(store: Store, pattern_id: str) -> None:
    store.soft_delete("shift_patterns", pattern_id)


def restore_pattern(store: Store, pattern_id: str) -> None:
    store.update("shift_patterns", pattern_id, {"deleted_at": None})


def ensure_patterns(store: Store, hall_id: str) -> list[PatternSpec]:
    """A hall that never had patterns gets the default ones (first look at the roster page);
    one whose supervisor deleted them all keeps none."""
    existing = list_patterns(store, hall_id)
    ever = store.scalar("SELECT count(*) FROM shift_patterns WHERE hall_id = ?", (hall_id,))
    if ever or store.read_only:
        return existing
    with store.transaction():
        for spec in default_patterns():
            add_pattern(store, hall_id, spec)
    return list_patterns(store, hall_id)


# -- staff limits ---------------------------------------------------------------------------------
def staff_limits(store: Store, hall_id: str) -> dict[str, StaffLimits]:
    rows = store.query("SELECT * FROM staff_limits WHERE hall_id = ?", (hall_id,))
    return {
        r["staff_id"]: StaffLimits(
            r["max_days_per_week"], r["min_rest_hours"], bool(r["part_time"]), r["max_hours_per_week"]
        )
        for r in rows
    }


def set_staff_limits(store: Store, hall_id: str, staff_id: str, limits: StaffLimits) -> None:
    if not 1 <= limits.max_days_per_week <= 7 or not 0 <= limits.min_rest_hours <= 24:
        raise ValueError("limits out of range")
    if limits.max_hours_per_week is not None and not 1 <= limits.max_hours_per_week <= 80:
        raise ValueError("weekly hours out of range")
    values = {
        "max_days_per_week": limits.max_days_per_week,
        "min_rest_hours": limits.min_rest_hours,
        "part_time": int(limits.part_time),
        "max_hours_per_week": limits.max_hours_per_week,
    }
    existing = store.scalar("SELECT id FROM staff_limits WHERE staff_id = ?", (staff_id,))
    if existing:
        store.update("staff_limits", existing, values)
    else:
        store.insert("staff_limits", {"staff_id": staff_id, **values}, hall_id=hall_id)


# -- rosters --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class StoredShift:
    id: str
    day: _dt.date
    shift: RosterShift


@dataclass
class StoredRoster:
    id: str
    week_start: _dt.date
    interval_minutes: int
    day_start: str
    requirements: list[list[int]]
    generated_at: str
    solver_hours: float
    lp_bound: float
    shifts: list[StoredShift]

    def day_shifts(self, index: int) -> list[RosterShift]:
        day = self.week_start + _dt.timedelta(days=index)
        return [s.shift for s in self.shifts if s.day == day]


def save_generated(
    store: Store, hall_id: str, roster: GeneratedRoster, interval: int, day_start: str
) -> str:
    """Stores a generated roster for its week, replacing (soft-deleting) the week's old one."""
    with store.transaction():
        old = store.scalar(
            "SELECT id FROM rosters WHERE hall_id = ? AND week_start = ? AND deleted_at IS NULL",
            (hall_id, roster.week_start.isoformat()),
        )
        if old:
            store.soft_delete("rosters", old)
        roster_id = store.insert(
            "rosters",
            {
                "week_start": roster.week_start.isoformat(),
                "interval_minutes": interval,
                "day_start": day_start,
                "requirements": json.dumps(roster.requirements),
                "generated_at": utc_now(),
                "solver_hours": roster.staff_hours,
                "lp_bound": roster.lp_bound,
            },
            hall_id=hall_id,
        )
        for index, shifts in sorted(roster.shifts.items()):
            day = roster.week_start + _dt.timedelta(days=index)
            for shift in shifts:
                _insert_shift(store, hall_id, roster_id, day, shift)
    return roster_id


def restore_roster(store: Store, roster_id: str, replaced_id: str | None) -> None:
    """Undo of a generation: the new roster goes, the one it replaced comes back."""
    with store.transaction():
        store.soft_delete("rosters", roster_id)
        if replaced_id:
            store.update("rosters", replaced_id, {"deleted_at": None})


def redo_roster(store: Store, roster_id: str, replaced_id: str | None) -> None:
    with store.transaction():
        if replaced_id:
            store.soft_delete("rosters", replaced_id)
        store.update("rosters", roster_id, {"deleted_at": None})


def roster_id_for_week(store: Store, hall_id: str, week_start: _dt.date) -> str | None:
    return store.scalar(
        "SELECT id FROM rosters WHERE hall_id = ? AND week_start = ? AND deleted_at IS NULL",
        (hall_id, week_start.isoformat()),
    )


def load_roster(store: Store, hall_id: str, week_start: _dt.date) -> StoredRoster | None:
    row = store.one(
        "SELECT * FROM rosters WHERE hall_id = ? AND week_start = ? AND deleted_at IS NULL",
        (hall_id, week_start.isoformat()),
    )
    if row is None:
        return None
    shifts = store.query(
        "SELECT * FROM roster_shifts WHERE roster_id = ? AND deleted_at IS NULL "
        "ORDER BY day, start_time, staff_name",
        (row["id"],),
    )
    return StoredRoster(
        row["id"],
        _dt.date.fromisoformat(row["week_start"]),
        row["interval_minutes"],
        row["day_start"],
        json.loads(row["requirements"]),
        row["generated_at"],
        row["solver_hours"],
        row["lp_bound"],
        [StoredShift(s["id"], _dt.date.fromisoformat(s["day"]), _shift(s)) for s in shifts],
    )


def _shift(row: dict) -> RosterShift:
    return RosterShift(
        row["staff_id"],
        row["staff_name"],
        row["start_time"],
        row["end_time"],
        row["lunch_start"],
        row["lunch_minutes"],
    )


def _shift_values(shift: RosterShift) -> dict:
    return {
        "staff_id": shift.staff_id,
        "staff_name": shift.staff_name,
        "start_time": shift.start,
        "end_time": shift.end,
        "lunch_start": shift.lunch_start,
        "lunch_minutes": shift.lunch_minutes if shift.lunch_start else 0,
    }


def _insert_shift(store, hall_id, roster_id, day: _dt.date, shift: RosterShift) -> str:
    return store.insert(
        "roster_shifts",
        {"roster_id": roster_id, "day": day.isoformat(), **_shift_values(shift)},
        hall_id=hall_id,
    )


def add_shift(store: Store, hall_id: str, roster_id: str, day: _dt.date, shift: RosterShift) -> str:
    return _insert_shift(store, hall_id, roster_id, day, shift)


def update_shift(store: Store, shift_id: str, shift: RosterShift) -> None:
    store.update("roster_shifts", shift_id, _shift_values(shift))


def delete_shift(store: Store, shift_id: str) -> None:
    store.soft_delete("roster_shifts", shift_id)


def restore_shift(store: Store, shift_id: str) -> None:
    store.update("roster_shifts", shift_id, {"deleted_at": None})


def empty_roster(
    store: Store, hall_id: str, week_start: _dt.date, interval: int, day_start: str,
    requirements: list[list[int]],
) -> str:
    """A roster with no shifts yet, to fill by hand."""
    return store.insert(
        "rosters",
        {
            "week_start": week_start.isoformat(),
            "interval_minutes": interval,
            "day_start": day_start,
            "requirements": json.dumps(requirements),
            "generated_at": utc_now(),
        },
        hall_id=hall_id,
    )


def shifts_on(store: Store, hall_id: str, day: _dt.date) -> list[RosterShift]:
    """Who works on `day` by the current roster of its week."""
    rows = store.query(
        "SELECT s.* FROM roster_shifts s JOIN rosters r ON r.id = s.roster_id "
        "WHERE s.hall_id = ? AND s.day = ? AND s.deleted_at IS NULL AND r.deleted_at IS NULL "
        "ORDER BY s.start_time",
        (hall_id, day.isoformat()),
    )
    return [_shift(r) for r in rows]


# -- live queue -----------------------------------------------------------------------------------
def save_live(
    store: Store,
    hall_id: str,
    taken_at: _dt.datetime,
    waiting: dict[str, int],
    counters_open: dict[str, str | None],
) -> str:
    return store.insert(
        "live_queue_entries", _live_values(taken_at, waiting, counters_open), hall_id=hall_id
    )


def _live_values(
    taken_at: _dt.datetime, waiting: dict[str, int], counters_open: dict[str, str | None]
) -> dict:
    if any(not isinstance(n, int) or not 0 <= n <= 10000 for n in waiting.values()):
        raise ValueError("waiting counts out of range")
    return {
        "taken_at": taken_at.strftime(_TIME),
        "waiting": json.dumps(waiting, ensure_ascii=False, sort_keys=True),
        "counters_open": json.dumps(counters_open, ensure_ascii=False, sort_keys=True),
    }


LIVE_MERGE_MINUTES = 5


def waiting_from_tickets(store: Store, hall_id: str, now: _dt.datetime) -> dict[str, int]:
    """Who is waiting now by the ticket machine: issued today by `now`, not yet called."""
    rows = store.query(
        "SELECT business_type, count(*) AS n FROM tickets WHERE hall_id = ? AND issued_at >= ? "
        "AND issued_at <= ? AND called_at IS NULL AND finished_at IS NULL GROUP BY business_type",
        (hall_id, now.date().isoformat(), now.strftime(_TIME)),
    )
    return {r["business_type"]: r["n"] for r in rows}


def record_live(
    store: Store,
    hall_id: str,
    taken_at: _dt.datetime,
    waiting: dict[str, int],
    counters_open: dict[str, str | None],
) -> str:
    """Stores the queue as entered now: edits within a few minutes of the last snapshot update
    it, later ones start a new snapshot (so the day keeps a history of the queue)."""
    row = store.one(
        "SELECT id, taken_at FROM live_queue_entries WHERE hall_id = ? "
        "ORDER BY taken_at DESC, created_at DESC LIMIT 1",
        (hall_id,),
    )
    if row:
        last = _dt.datetime.fromisoformat(row["taken_at"])
        if _dt.timedelta(0) <= taken_at - last <= _dt.timedelta(minutes=LIVE_MERGE_MINUTES):
            store.update(
                "live_queue_entries", row["id"], _live_values(taken_at, waiting, counters_open)
            )
            return row["id"]
    return save_live(store, hall_id, taken_at, waiting, counters_open)


def latest_live(store: Store, hall_id: str, day: _dt.date | None = None) -> dict | None:
    """The newest snapshot (of `day`, when given): taken_at, waiting, counters_open."""
    sql = "SELECT * FROM live_queue_entries WHERE hall_id = ?"
    params: list = [hall_id]
    if day:
        sql += " AND substr(taken_at, 1, 10) = ?"
        params.append(day.isoformat())
    row = store.one(sql + " ORDER BY taken_at DESC, created_at DESC LIMIT 1", params)
    if row is None:
        return None
    return {
        "taken_at": _dt.datetime.fromisoformat(row["taken_at"]),
        "waiting": json.loads(row["waiting"]),
        "counters_open": json.loads(row["counters_open"]),
    }
