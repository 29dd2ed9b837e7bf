"""Schema versions and forward migrations.

The version lives in SQLite's `user_version`. Migrations are append-only: never edit one
that has shipped, add the next. Each runs in one transaction with the new version, after a
backup copy of the file has been taken. `docs/schema.md` describes the result.
"""

from __future__ import annotations

import logging
import sqlite3
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:
    from hallsupervisor.storage.database import Store

log = logging.getLogger(__name__)

# Columns every record carries, so databases of several halls merge without collisions.
_RECORD = """
    id TEXT PRIMARY KEY NOT NULL,
    hall_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL"""


def _v1_hall_profile(conn: sqlite3.Connection) -> None:
    conn.executescript(f"""
    CREATE TABLE halls ({_RECORD},
        deleted_at TEXT,
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('electricity', 'heating', 'telecom')),
        region TEXT NOT NULL DEFAULT '',
        pack TEXT NOT NULL DEFAULT '',
        opening_hours TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE TABLE business_types ({_RECORD},
        deleted_at TEXT,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        handling_minutes REAL NOT NULL CHECK (handling_minutes > 0),
        sort_order INTEGER NOT NULL DEFAULT 0,
        FOREIGN KEY (hall_id) REFERENCES halls (id)
    );
    CREATE UNIQUE INDEX business_types_code ON business_types (hall_id, code)
        WHERE deleted_at IS NULL;
    CREATE TABLE counters ({_RECORD},
        deleted_at TEXT,
        label TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0,
        FOREIGN KEY (hall_id) REFERENCES halls (id)
    );
    CREATE TABLE counter_business_types ({_RECORD},
        counter_id TEXT NOT NULL REFERENCES counters (id),
        business_type_id TEXT NOT NULL REFERENCES business_types (id),
        UNIQUE (counter_id, business_type_id)
    );
    CREATE TABLE staff ({_RECORD},
        deleted_at TEXT,
        name TEXT NOT NULL,
        employee_no TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT 'counter',
        skills TEXT NOT NULL DEFAULT '[]',
        FOREIGN KEY (hall_id) REFERENCES halls (id)
    );
    CREATE TABLE hall_settings ({_RECORD},
        key TEXT NOT NULL,
        value TEXT NOT NULL DEFAULT '',
        UNIQUE (hall_id, key)
    );
    """)


def _v2_tickets(conn: sqlite3.Connection) -> None:
    # The queue-ticket machine's log: one row per ticket, times as the hall's wall clock.
    conn.executescript(f"""
    CREATE TABLE tickets ({_RECORD},
        ticket_no TEXT NOT NULL,
        business_type TEXT NOT NULL,
        issued_at TEXT NOT NULL,
        called_at TEXT,
        finished_at TEXT,
        counter TEXT NOT NULL DEFAULT '',
        UNIQUE (hall_id, issued_at, ticket_no)
    );
    CREATE INDEX tickets_issued ON tickets (hall_id, issued_at);
    ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT '';
    """)


def _v3_inspection(conn: sqlite3.Connection) -> None:
    # Templates are versioned: a version that a round used is never changed again.
    conn.executescript(f"""
    CREATE TABLE templates ({_RECORD},
        deleted_at TEXT,
        family_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        pack TEXT NOT NULL DEFAULT '',
        UNIQUE (family_id, version)
    );
    CREATE TABLE template_sections ({_RECORD},
        template_id TEXT NOT NULL REFERENCES templates (id),
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        title_en TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL,
        UNIQUE (template_id, key)
    );
    CREATE TABLE template_items ({_RECORD},
        template_id TEXT NOT NULL REFERENCES templates (id),
        section_id TEXT NOT NULL REFERENCES template_sections (id),
        key TEXT NOT NULL,
        sort_order INTEGER NOT NULL,
        text TEXT NOT NULL,
        text_en TEXT NOT NULL DEFAULT '',
        guidance TEXT NOT NULL DEFAULT '',
        guidance_en TEXT NOT NULL DEFAULT '',
        category TEXT NOT NULL DEFAULT '',
        element TEXT NOT NULL DEFAULT '',
        weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
        severity TEXT NOT NULL DEFAULT 'major',
        photo_expected INTEGER NOT NULL DEFAULT 0,
        touchpoint TEXT NOT NULL DEFAULT '',
        answer_type TEXT NOT NULL DEFAULT 'pass_fail',
        minimum REAL,
        maximum REAL,
        unit TEXT NOT NULL DEFAULT '',
        UNIQUE (template_id, key)
    );
    CREATE TABLE round_plans ({_RECORD},
        deleted_at TEXT,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        time TEXT NOT NULL,
        template_family_id TEXT NOT NULL,
        sort_order INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE rounds ({_RECORD},
        plan_id TEXT REFERENCES round_plans (id),
        name TEXT NOT NULL,
        round_date TEXT NOT NULL,
        planned_time TEXT NOT NULL DEFAULT '',
        template_id TEXT NOT NULL REFERENCES templates (id),
        started_at TEXT NOT NULL,
        completed_at TEXT,
        signed_at TEXT,
        signed_by TEXT REFERENCES staff (id),
        signed_by_name TEXT NOT NULL DEFAULT '',
        score REAL,
        section_scores TEXT NOT NULL DEFAULT '{{}}',
        passed INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        not_applicable INTEGER NOT NULL DEFAULT 0,
        unanswered INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX rounds_by_date ON rounds (hall_id, round_date);
    CREATE TABLE answers ({_RECORD},
        round_id TEXT NOT NULL REFERENCES rounds (id),
        item_id TEXT NOT NULL REFERENCES template_items (id),
        item_key TEXT NOT NULL,
        result TEXT,
        value TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        answered_at TEXT NOT NULL,
        UNIQUE (round_id, item_id)
    );
    CREATE INDEX answers_by_item ON answers (hall_id, item_key, result);
    CREATE TABLE photos ({_RECORD},
        answer_id TEXT NOT NULL REFERENCES answers (id),
        mime TEXT NOT NULL,
        data BLOB NOT NULL,
        thumbnail BLOB NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        deleted_at TEXT
    );
    CREATE TABLE amendments ({_RECORD},
        round_id TEXT NOT NULL REFERENCES rounds (id),
        answer_id TEXT NOT NULL REFERENCES answers (id),
        item_key TEXT NOT NULL,
        old_result TEXT,
        old_value TEXT NOT NULL DEFAULT '',
        old_note TEXT NOT NULL DEFAULT '',
        new_result TEXT,
        new_value TEXT NOT NULL DEFAULT '',
        new_note TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL,
        by_name TEXT NOT NULL,
        at TEXT NOT NULL
    );
    CREATE TABLE corrective_actions ({_RECORD},
        source TEXT NOT NULL DEFAULT 'inspection',
        round_id TEXT REFERENCES rounds (id),
        answer_id TEXT REFERENCES answers (id),
        item_key TEXT NOT NULL DEFAULT '',
        title TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        severity TEXT NOT NULL DEFAULT 'major',
        owner_id TEXT REFERENCES staff (id),
        found_on TEXT NOT NULL,
        due_date TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'verified', 'withdrawn')),
        closed_at TEXT,
        closed_by TEXT NOT NULL DEFAULT '',
        closing_note TEXT NOT NULL DEFAULT '',
        closing_round_id TEXT REFERENCES rounds (id)
    );
    CREATE INDEX actions_open ON corrective_actions (hall_id, status, due_date);
    CREATE TABLE audit_chain ({_RECORD},
        seq INTEGER NOT NULL,
        kind TEXT NOT NULL,
        ref_id TEXT NOT NULL,
        payload_hash TEXT NOT NULL,
        prev_hash TEXT NOT NULL,
        hash TEXT NOT NULL,
        UNIQUE (hall_id, seq)
    );
    """)


def _v4_touchpoint_map(conn: sqlite3.Connection) -> None:
    # The floor plan drawn to scale in metres, the customer flow line through it and the
    # touchpoints pinned on it. Inspection items name a touchpoint by its code
    # (template_items.touchpoint), which stays readable in template files.
    conn.executescript(f"""
    CREATE TABLE hall_maps ({_RECORD},
        deleted_at TEXT,
        name TEXT NOT NULL DEFAULT '',
        width_m REAL NOT NULL DEFAULT 20 CHECK (width_m > 0),
        depth_m REAL NOT NULL DEFAULT 12 CHECK (depth_m > 0),
        grid_m REAL NOT NULL DEFAULT 0.5 CHECK (grid_m > 0),
        starter TEXT NOT NULL DEFAULT '',
        background BLOB,
        background_format TEXT NOT NULL DEFAULT '',
        background_m_per_px REAL NOT NULL DEFAULT 0.01,
        background_x_m REAL NOT NULL DEFAULT 0,
        background_y_m REAL NOT NULL DEFAULT 0,
        background_opacity REAL NOT NULL DEFAULT 0.5,
        background_locked INTEGER NOT NULL DEFAULT 1,
        FOREIGN KEY (hall_id) REFERENCES halls (id)
    );
    CREATE TABLE map_elements ({_RECORD},
        deleted_at TEXT,
        map_id TEXT NOT NULL REFERENCES hall_maps (id),
        kind TEXT NOT NULL CHECK (kind IN ('wall', 'door', 'zone', 'furniture')),
        subtype TEXT NOT NULL DEFAULT '',
        label TEXT NOT NULL DEFAULT '',
        x_m REAL NOT NULL,
        y_m REAL NOT NULL,
        w_m REAL NOT NULL,
        h_m REAL NOT NULL,
        rotation_deg REAL NOT NULL DEFAULT 0,
        z INTEGER NOT NULL DEFAULT 0,
        props TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE INDEX map_elements_map ON map_elements (map_id) WHERE deleted_at IS NULL;
    CREATE TABLE flow_lines ({_RECORD},
        deleted_at TEXT,
        map_id TEXT NOT NULL REFERENCES hall_maps (id),
        name TEXT NOT NULL DEFAULT '',
        points TEXT NOT NULL DEFAULT '[]'
    );
    CREATE TABLE touchpoints ({_RECORD},
        deleted_at TEXT,
        map_id TEXT NOT NULL REFERENCES hall_maps (id),
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL DEFAULT '',
        stage TEXT NOT NULL DEFAULT 'serve'
            CHECK (stage IN ('arrive', 'ticket', 'wait', 'serve', 'pay', 'leave')),
        standard TEXT NOT NULL DEFAULT '',
        standard_en TEXT NOT NULL DEFAULT '',
        role TEXT NOT NULL DEFAULT '',
        element TEXT NOT NULL DEFAULT '',
        x_m REAL NOT NULL,
        y_m REAL NOT NULL
    );
    CREATE UNIQUE INDEX touchpoints_code ON touchpoints (hall_id, code)
        WHERE deleted_at IS NULL;
    """)


def _v5_staffing(conn: sqlite3.Connection) -> None:
    # Ticket-import layouts, hand-entered arrivals, targets, shift patterns, rosters (issue 6).
    # The targets live in hall_settings under the key "staffing" (JSON).
    conn.executescript(f"""
    CREATE TABLE import_layouts ({_RECORD},
        signature TEXT NOT NULL,
        header TEXT NOT NULL DEFAULT '[]',
        mapping TEXT NOT NULL DEFAULT '{{}}',
        UNIQUE (hall_id, signature)
    );
    CREATE TABLE ticket_imports ({_RECORD},
        file_name TEXT NOT NULL DEFAULT '',
        sha256 TEXT NOT NULL,
        layout_signature TEXT NOT NULL DEFAULT '',
        rows INTEGER NOT NULL DEFAULT 0,
        added INTEGER NOT NULL DEFAULT 0,
        first_issued TEXT,
        last_issued TEXT,
        UNIQUE (hall_id, sha256)
    );
    ALTER TABLE tickets ADD COLUMN import_id TEXT REFERENCES ticket_imports (id);
    CREATE TABLE arrival_entries ({_RECORD},
        business_type TEXT NOT NULL,
        weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
        start TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL CHECK (interval_minutes IN (15, 30)),
        arrivals REAL NOT NULL CHECK (arrivals >= 0),
        UNIQUE (hall_id, business_type, weekday, start, interval_minutes)
    );
    CREATE TABLE shift_patterns ({_RECORD},
        deleted_at TEXT,
        name TEXT NOT NULL,
        first_start TEXT NOT NULL,
        last_start TEXT NOT NULL,
        step_minutes INTEGER NOT NULL DEFAULT 30,
        paid_minutes INTEGER NOT NULL CHECK (paid_minutes > 0),
        lunch_minutes INTEGER NOT NULL DEFAULT 0,
        lunch_earliest TEXT NOT NULL DEFAULT '',
        lunch_latest TEXT NOT NULL DEFAULT '',
        sort_order INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE staff_limits ({_RECORD},
        staff_id TEXT NOT NULL REFERENCES staff (id),
        max_days_per_week INTEGER NOT NULL DEFAULT 5,
        min_rest_hours REAL NOT NULL DEFAULT 11,
        part_time INTEGER NOT NULL DEFAULT 0,
        max_hours_per_week REAL,
        UNIQUE (staff_id)
    );
    CREATE TABLE rosters ({_RECORD},
        deleted_at TEXT,
        week_start TEXT NOT NULL,
        interval_minutes INTEGER NOT NULL,
        day_start TEXT NOT NULL,
        requirements TEXT NOT NULL DEFAULT '[]',
        generated_at TEXT NOT NULL,
        solver_hours REAL NOT NULL DEFAULT 0,
        lp_bound REAL NOT NULL DEFAULT 0
    );
    CREATE UNIQUE INDEX rosters_week ON rosters (hall_id, week_start) WHERE deleted_at IS NULL;
    CREATE TABLE roster_shifts ({_RECORD},
        deleted_at TEXT,
        roster_id TEXT NOT NULL REFERENCES rosters (id),
        staff_id TEXT NOT NULL,
        staff_name TEXT NOT NULL,
        day TEXT NOT NULL,
        start_time TEXT NOT NULL,
        end_time TEXT NOT NULL,
        lunch_start TEXT NOT NULL DEFAULT '',
        lunch_minutes INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX roster_shifts_day ON roster_shifts (hall_id, day);
    CREATE TABLE live_queue_entries ({_RECORD},
        taken_at TEXT NOT NULL,
        waiting TEXT NOT NULL DEFAULT '{{}}',
        counters_open TEXT NOT NULL DEFAULT '{{}}'
    );
    CREATE INDEX live_queue_taken ON live_queue_entries (hall_id, taken_at);
    """)


def _v6_incidents(conn: sqlite3.Connection) -> None:
    # Playbooks are versioned documents (JSON, docs/playbook-format.md); a run keeps the
    # version it used. The run's log is append-only: what happened when, and when it was
    # entered, kept apart. Follow-ups are corrective actions of source 'incident'.
    conn.executescript(f"""
    CREATE TABLE playbooks ({_RECORD},
        deleted_at TEXT,
        code TEXT NOT NULL,
        category TEXT NOT NULL CHECK (category IN ('hall', 'reported', 'complaint', 'own')),
        builtin INTEGER NOT NULL DEFAULT 0,
        sort_order INTEGER NOT NULL DEFAULT 0,
        current_version_id TEXT
    );
    CREATE UNIQUE INDEX playbooks_code ON playbooks (hall_id, code) WHERE deleted_at IS NULL;
    CREATE TABLE playbook_versions ({_RECORD},
        playbook_id TEXT NOT NULL REFERENCES playbooks (id),
        version INTEGER NOT NULL,
        body TEXT NOT NULL,
        revised_on TEXT NOT NULL,
        owner TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        UNIQUE (playbook_id, version)
    );
    CREATE TABLE incidents ({_RECORD},
        deleted_at TEXT,
        playbook_id TEXT REFERENCES playbooks (id),
        playbook_version_id TEXT REFERENCES playbook_versions (id),
        title TEXT NOT NULL,
        drill INTEGER NOT NULL DEFAULT 0,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        started_at TEXT NOT NULL,
        closed_at TEXT,
        touchpoint_id TEXT REFERENCES touchpoints (id),
        location TEXT NOT NULL DEFAULT '',
        customer TEXT NOT NULL DEFAULT '',
        outcome TEXT NOT NULL DEFAULT ''
    );
    CREATE INDEX incidents_open ON incidents (hall_id, status, started_at);
    CREATE TABLE incident_roles ({_RECORD},
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        role TEXT NOT NULL,
        staff_id TEXT REFERENCES staff (id),
        person TEXT NOT NULL DEFAULT '',
        from_at TEXT NOT NULL,
        until_at TEXT
    );
    CREATE TABLE incident_log ({_RECORD},
        incident_id TEXT NOT NULL REFERENCES incidents (id),
        kind TEXT NOT NULL,
        step_id TEXT NOT NULL DEFAULT '',
        text TEXT NOT NULL DEFAULT '',
        reason TEXT NOT NULL DEFAULT '',
        data TEXT NOT NULL DEFAULT '{{}}',
        happened_at TEXT NOT NULL,
        entered_at TEXT NOT NULL
    );
    CREATE INDEX incident_log_incident ON incident_log (incident_id, happened_at);
    CREATE TABLE complaints ({_RECORD},
        deleted_at TEXT,
        channel TEXT NOT NULL
            CHECK (channel IN ('hall', 'hotline', 'online', 'gov12345', 'media')),
        category TEXT NOT NULL CHECK (category IN
            ('metering_billing', 'outage_notice', 'repair', 'attitude', 'procedures', 'other')),
        received_at TEXT NOT NULL,
        customer TEXT NOT NULL DEFAULT '',
        summary TEXT NOT NULL DEFAULT '',
        status TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'responded', 'resolved', 'withdrawn')),
        response_due TEXT NOT NULL,
        completion_due TEXT NOT NULL,
        responded_at TEXT,
        completed_at TEXT,
        incident_id TEXT REFERENCES incidents (id)
    );
    CREATE TABLE complaint_steps ({_RECORD},
        complaint_id TEXT NOT NULL REFERENCES complaints (id),
        text TEXT NOT NULL,
        by_name TEXT NOT NULL DEFAULT '',
        happened_at TEXT NOT NULL
    );
    ALTER TABLE corrective_actions ADD COLUMN incident_id TEXT REFERENCES incidents (id);
    """)


MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1_hall_profile),
    (2, _v2_tickets),
    (3, _v3_inspection),
    (4, _v4_touchpoint_map),
    (5, _v5_staffing),
    (6, _v6_incidents),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def current_version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def migrate(store: "Store", *, backup: bool = True, target: int | None = None) -> tuple[int, int]:
    """Brings the database up to `target` (default: the newest); returns (from, to)."""
    target = SCHEMA_VERSION if target is None else target
    conn = store.conn
    start = current_version(conn)
    if start >= target:
        return start, start
    if backup and start > 0:
        from hallsupervisor.storage import backup as backups

        backups.make_backup(store.path, reason=f"before-v{target}", conn=conn)
    # executescript commits any open transaction, so the version bump goes in the script.
    for version, step in MIGRATIONS:
        if start < version <= target:
            log.info("migrating %s to schema %s", store.path, version)
            conn.execute("BEGIN IMMEDIATE")
            try:
                _run_in_transaction(conn, step)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("COMMIT")
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
    return start, current_version(conn)


def _run_in_transaction(conn: sqlite3.Connection, step: Callable) -> None:
    """Runs a step's DDL script statement by statement inside the open transaction."""

    class _NoCommit:
        def executescript(self, script: str) -> None:
            for statement in _split_sql(script):
                conn.execute(statement)

        def execute(self, *args):
            return conn.execute(*args)

    step(_NoCommit())


def _split_sql(script: str) -> list[str]:
    statements, current = [], ""
    for line in script.splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            if current.strip():
                statements.append(current.strip())
            current = ""
    if current.strip():
        statements.append(current.strip())
    return statements
