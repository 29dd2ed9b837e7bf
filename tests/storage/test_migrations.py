"""Schema creation and forward migrations on real SQLite files."""

from __future__ import annotations

import re
import sqlite3

import pytest

from hallsupervisor.storage import migrations, problems
from hallsupervisor.storage.database import Store, new_id, utc_now
from hallsupervisor.storage.problems import DatabaseProblem


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')}


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _plain(path) -> sqlite3.Connection:
    """An independent connection, to see what is really in the file."""
    return sqlite3.connect(str(path))


def _make_v1(path) -> tuple[str, str]:
    """A schema-1 database with one hall and one staff member, made with the v1 columns."""
    store = Store.open(path, migrate=False)
    try:
        assert migrations.current_version(store.conn) == 0
        assert migrations.migrate(store, target=1) == (0, 1)
        hall_id = store.insert(
            "halls", {"id": new_id(), "name": "老城供电营业厅", "kind": "electricity"}, hall_id="x"
        )
        # hall_id of a hall is its own id.
        store.execute("UPDATE halls SET hall_id = id")
        staff_id = store.insert(
            "staff",
            {"name": "王丽", "employee_no": "GD1001", "role": "supervisor", "skills": '["pay"]'},
            hall_id=hall_id,
        )
    finally:
        store.close()
    return hall_id, staff_id


def test_new_database_is_created_at_current_version_with_wal_and_foreign_keys(tmp_path):
    path = tmp_path / "data" / "new.sqlite"
    store = Store.open(path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        assert store.scalar("PRAGMA journal_mode") == "wal"
        assert store.scalar("PRAGMA foreign_keys") == 1
        assert store.scalar("PRAGMA synchronous") == 2  # FULL
        assert {
            "halls",
            "business_types",
            "counters",
            "counter_business_types",
            "staff",
            "hall_settings",
            "tickets",
        } <= _tables(store.conn)
        # Foreign keys are really enforced: a business type of a hall that does not exist.
        with pytest.raises(sqlite3.IntegrityError):
            store.insert(
                "business_types",
                {"code": "pay", "name": "缴费", "handling_minutes": 3},
                hall_id=new_id(),
            )
    finally:
        store.close()
    # WAL is a property of the file, seen by any later connection.
    conn = _plain(path)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION
    finally:
        conn.close()
    # Nothing to protect in a brand-new file: no "before" backup.
    assert not (path.parent / "backups").exists()


def test_schema_version_is_the_last_migration():
    versions = [v for v, _ in migrations.MIGRATIONS]
    assert versions == list(range(1, len(versions) + 1))
    assert migrations.SCHEMA_VERSION == versions[-1]


def test_empty_sqlite_file_is_migrated_to_current_version(tmp_path):
    path = tmp_path / "empty.sqlite"
    conn = _plain(path)
    conn.execute("VACUUM")  # writes a valid, empty database file (header + one page)
    conn.close()
    assert path.stat().st_size > 0
    store = Store.open(path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        assert "tickets" in _tables(store.conn)
        assert "phone" in _columns(store.conn, "staff")
    finally:
        store.close()


def test_older_schema_is_migrated_keeping_data_after_a_backup(tmp_path):
    path = tmp_path / "hall.sqlite"
    hall_id, staff_id = _make_v1(path)
    conn = _plain(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    assert "tickets" not in _tables(conn)
    assert "phone" not in _columns(conn, "staff")
    conn.close()

    store = Store.open(path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
        assert "tickets" in _tables(store.conn)
        assert "phone" in _columns(store.conn, "staff")
        hall = store.one("SELECT * FROM halls WHERE id = ?", (hall_id,))
        assert hall["name"] == "老城供电营业厅"
        staff = store.one("SELECT * FROM staff WHERE id = ?", (staff_id,))
        assert (
            staff["name"],
            staff["employee_no"],
            staff["role"],
            staff["skills"],
            staff["phone"],
        ) == ("王丽", "GD1001", "supervisor", '["pay"]', "")
        # The new table works with the data that was there.
        store.insert(
            "tickets",
            {"ticket_no": "A001", "business_type": "pay", "issued_at": "2026-11-25 09:00:00"},
            hall_id=hall_id,
        )
    finally:
        store.close()

    backups = sorted((path.parent / "backups").iterdir())
    assert len(backups) == 1, backups
    name = backups[0].name
    assert re.fullmatch(
        rf"hall-\d{{8}}-\d{{6}}-before-v{migrations.SCHEMA_VERSION}\.sqlite", name
    ), name
    # The backup holds the database as it was before the migration.
    conn = _plain(backups[0])
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "tickets" not in _tables(conn)
        assert conn.execute("SELECT name FROM staff WHERE id = ?", (staff_id,)).fetchone() == (
            "王丽",
        )
    finally:
        conn.close()


def test_reopening_a_current_database_takes_no_backup(tmp_path):
    path = tmp_path / "hall.sqlite"
    Store.open(path).close()
    Store.open(path).close()
    assert not (path.parent / "backups").exists()


def test_open_without_migrate_leaves_old_schema(tmp_path):
    path = tmp_path / "hall.sqlite"
    _make_v1(path)
    store = Store.open(path, migrate=False)
    try:
        assert migrations.current_version(store.conn) == 1
    finally:
        store.close()
    assert not (path.parent / "backups").exists()


def test_read_only_open_of_an_old_schema_refuses_to_migrate(tmp_path):
    path = tmp_path / "hall.sqlite"
    _make_v1(path)
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path, read_only=True)
    assert caught.value.kind == problems.READ_ONLY
    assert path.read_bytes() == before


def test_failed_migration_step_is_rolled_back(tmp_path, monkeypatch):
    """A migration that fails half-way leaves the previous schema and data intact."""
    path = tmp_path / "hall.sqlite"
    hall_id, _ = _make_v1(path)

    def broken_v2(conn):
        conn.executescript("""
        CREATE TABLE half_done (id TEXT PRIMARY KEY);
        ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        INSERT INTO no_such_table VALUES (1);
        """)

    monkeypatch.setattr(migrations, "MIGRATIONS", [migrations.MIGRATIONS[0], (2, broken_v2)])
    with pytest.raises(sqlite3.OperationalError):
        Store.open(path)
    conn = _plain(path)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
        assert "half_done" not in _tables(conn)
        assert "phone" not in _columns(conn, "staff")
        assert conn.execute("SELECT count(*) FROM halls WHERE id = ?", (hall_id,)).fetchone() == (
            1,
        )
    finally:
        conn.close()
    # The real migration still works afterwards.
    monkeypatch.undo()
    store = Store.open(path)
    try:
        assert migrations.current_version(store.conn) == migrations.SCHEMA_VERSION
    finally:
        store.close()


@pytest.mark.parametrize("journal_mode", ["wal", "delete"])
def test_newer_database_is_refused_and_left_unchanged(tmp_path, journal_mode):
    """A file from a newer version of the app is never written to.

    "delete": backups (make_backup sets journal_mode = DELETE) and files from other tools are
    in rollback-journal mode; opening one must not switch it to WAL either.
    """
    path = tmp_path / "newer.sqlite"
    conn = _plain(path)
    conn.execute(f"PRAGMA journal_mode = {journal_mode}")
    conn.execute("CREATE TABLE halls (id TEXT PRIMARY KEY, created_at TEXT)")
    conn.execute("INSERT INTO halls VALUES (?, ?)", (new_id(), utc_now()))
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = path.read_bytes()

    for read_only in (False, True):
        with pytest.raises(DatabaseProblem) as caught:
            Store.open(path, read_only=read_only)
        assert caught.value.kind == problems.NEWER
        assert caught.value.restorable
        assert path.read_bytes() == before, f"file changed (read_only={read_only})"
    # A read-only SQLite connection may leave an empty -wal and an -shm index behind (it may
    # not delete them); what matters is that nothing was written for the file.
    wal = path.with_name(path.name + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert not (path.parent / "backups").exists()
