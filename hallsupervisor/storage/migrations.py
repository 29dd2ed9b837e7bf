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


MIGRATIONS: list[tuple[int, Callable[[sqlite3.Connection], None]]] = [
    (1, _v1_hall_profile),
    (2, _v2_tickets),
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
