"""Plain helpers for the storage tests (imported by name; conftest holds the fixtures)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

# A fixed clock, so the demo database is the same on every run.
from tests.conftest import DEMO_NOW  # noqa: E402,F401 - one demo moment for all tests


def table_rows(path: Path, table: str) -> list[tuple]:
    """Every row of a table, sorted, read through a plain sqlite3 connection."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        return sorted(conn.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)
    finally:
        conn.close()


def companions(path: Path) -> list[str]:
    """Names in the folder that start with the database's name (the file, -wal, -shm...)."""
    path = Path(path)
    return sorted(p.name for p in path.parent.iterdir() if p.name.startswith(path.name))
