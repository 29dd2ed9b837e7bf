"""Backups beside the database: copies, the daily rotation, choosing one, restoring."""

from __future__ import annotations

import datetime as _dt
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from hallsupervisor.storage import backup
from hallsupervisor.storage.database import Store

from .storage_helpers import companions, table_rows

TABLES = [
    "halls",
    "business_types",
    "counters",
    "counter_business_types",
    "staff",
    "hall_settings",
    "tickets",
]


class Clock:
    """Stands in for backup._now, so backups can be taken "on" any day."""

    def __init__(self, start: _dt.datetime):
        self.now = start

    def __call__(self) -> _dt.datetime:
        return self.now


@pytest.fixture
def clock(monkeypatch) -> Clock:
    clock = Clock(_dt.datetime(2026, 11, 1, 8, 0, 0))
    monkeypatch.setattr(backup, "_now", clock)
    return clock


def _corrupt(path) -> None:
    with open(path, "r+b") as handle:
        handle.seek(100)
        handle.write(b"\xff" * 400)


def test_make_backup_is_a_healthy_copy_with_the_same_data(demo_db, clock):
    clock.now = _dt.datetime(2026, 11, 25, 9, 30, 15)
    target = backup.make_backup(demo_db)
    assert target.parent == demo_db.parent / "backups"
    assert target.name == "hall-20261125-093015-manual.sqlite"
    assert backup.is_healthy(target)
    for table in TABLES:
        assert table_rows(target, table) == table_rows(demo_db, table), table
    conn = sqlite3.connect(target)
    try:
        # A single self-contained file: no WAL needed beside it.
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert (
            conn.execute("PRAGMA user_version").fetchone()[0]
            == sqlite3.connect(demo_db).execute("PRAGMA user_version").fetchone()[0]
        )
    finally:
        conn.close()
    assert not list(target.parent.glob("*.part"))


def test_make_backup_includes_committed_data_still_in_the_wal(demo_db, clock):
    """The backup API copies what is committed, even if it is not yet checkpointed."""
    store = Store.open(demo_db)
    try:
        store.execute("PRAGMA wal_autocheckpoint = 0")
        store.execute("UPDATE staff SET phone = '13900000000' WHERE employee_no = 'GD1002'")
        assert demo_db.with_name(demo_db.name + "-wal").stat().st_size > 0
        target = backup.make_backup(demo_db, reason="manual", conn=store.conn)
    finally:
        store.close()
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("SELECT phone FROM staff WHERE employee_no = 'GD1002'").fetchone() == (
            "13900000000",
        )
    finally:
        conn.close()


def test_two_backups_in_the_same_second_do_not_overwrite(demo_db, clock):
    first = backup.make_backup(demo_db)
    second = backup.make_backup(demo_db)
    assert first != second and first.exists() and second.exists()
    assert second.name.endswith("-manual-2.sqlite")
    assert [b.reason for b in backup.list_backups(demo_db)] == ["manual", "manual"]


def test_make_backup_to_a_chosen_file(demo_db, tmp_path):
    target = tmp_path / "elsewhere" / "copy.sqlite"
    target.parent.mkdir()
    assert backup.make_backup(demo_db, target=target) == target
    assert table_rows(target, "tickets") == table_rows(demo_db, "tickets")
    assert not (demo_db.parent / "backups").exists()


def test_list_backups_newest_first_and_only_this_database(demo_db, clock):
    made = []
    for day, reason in [(1, "daily"), (3, "manual"), (2, "before-v2")]:
        clock.now = _dt.datetime(2026, 11, day, 9, 0, 0)
        made.append(backup.make_backup(demo_db, reason=reason))
    folder = demo_db.parent / "backups"
    (folder / "other-20261105-090000-daily.sqlite").write_bytes(made[0].read_bytes())
    (folder / "hall-notes.txt").write_text("x")
    found = backup.list_backups(demo_db)
    assert [(b.taken_at.day, b.reason) for b in found] == [
        (3, "manual"),
        (2, "before-v2"),
        (1, "daily"),
    ]
    assert all(b.path.parent == folder for b in found)


def test_daily_backup_once_per_day(demo_db, clock):
    clock.now = _dt.datetime(2026, 11, 1, 8, 0, 0)
    first = backup.daily_backup_if_due(demo_db, today=clock.now.date())
    assert first is not None and first.exists()
    assert re.fullmatch(r"hall-20261101-080000-daily\.sqlite", first.name)
    # Later the same day, also after a manual backup: nothing more.
    clock.now = _dt.datetime(2026, 11, 1, 17, 45, 0)
    backup.make_backup(demo_db, reason="manual")
    assert backup.daily_backup_if_due(demo_db, today=clock.now.date()) is None
    assert backup.daily_backup_if_due(demo_db) is None  # today taken from backup._now
    daily = [b for b in backup.list_backups(demo_db) if b.reason == backup.DAILY]
    assert len(daily) == 1
    # The next day: a new one.
    clock.now = _dt.datetime(2026, 11, 2, 8, 0, 5)
    second = backup.daily_backup_if_due(demo_db)
    assert second is not None and second.name == "hall-20261102-080005-daily.sqlite"


def test_daily_rotation_keeps_the_newest_14(demo_db, clock):
    start = _dt.datetime(2026, 10, 1, 8, 30, 0)
    store = Store.open(demo_db)
    try:
        for day in range(20):
            clock.now = start + _dt.timedelta(days=day, minutes=day)
            taken = backup.daily_backup_if_due(demo_db, conn=store.conn, today=clock.now.date())
            assert taken is not None, day
            # A second start on the same day takes nothing.
            assert (
                backup.daily_backup_if_due(demo_db, conn=store.conn, today=clock.now.date()) is None
            )
    finally:
        store.close()
    clock.now = start + _dt.timedelta(days=20)
    manual = backup.make_backup(demo_db, reason="manual")
    before_v2 = backup.make_backup(demo_db, reason="before-v2")
    assert backup.rotate(demo_db) == []

    daily = [b for b in backup.list_backups(demo_db) if b.reason == backup.DAILY]
    assert len(daily) == backup.KEEP_DAILY == 14
    expected = [(start + _dt.timedelta(days=d)).date() for d in range(19, 5, -1)]
    assert [b.taken_at.date() for b in daily] == expected
    assert all(b.path.exists() for b in daily)
    # Rotation only ever removes daily backups.
    assert manual.exists() and before_v2.exists()
    files = sorted(p.name for p in (demo_db.parent / "backups").iterdir())
    assert len(files) == 16
    assert "hall-20261001-083000-daily.sqlite" not in files
    assert "hall-20261006-083500-daily.sqlite" not in files
    assert "hall-20261007-083600-daily.sqlite" in files


def test_latest_good_backup_skips_a_corrupt_newest(demo_db, clock):
    clock.now = _dt.datetime(2026, 11, 20, 8, 0, 0)
    good = backup.make_backup(demo_db, reason="daily")
    clock.now = _dt.datetime(2026, 11, 21, 8, 0, 0)
    newest = backup.make_backup(demo_db, reason="daily")
    assert backup.latest_good_backup(demo_db).path == newest
    _corrupt(newest)
    assert not backup.is_healthy(newest)
    chosen = backup.latest_good_backup(demo_db)
    assert chosen is not None and chosen.path == good
    assert chosen.taken_at == _dt.datetime(2026, 11, 20, 8, 0, 0)
    # A truncated one and a not-SQLite one are skipped as well.
    clock.now = _dt.datetime(2026, 11, 22, 8, 0, 0)
    cut = backup.make_backup(demo_db, reason="manual")
    cut.write_bytes(cut.read_bytes()[: cut.stat().st_size // 2])
    (cut.parent / "hall-20261123-080000-manual.sqlite").write_text("not a database")
    assert backup.latest_good_backup(demo_db).path == good
    _corrupt(good)
    assert backup.latest_good_backup(demo_db) is None
    assert newest.exists() and good.exists()  # never deleted by looking


def test_latest_good_backup_none_without_backups(demo_db):
    assert backup.list_backups(demo_db) == []
    assert backup.latest_good_backup(demo_db) is None


def test_restore_puts_data_back_and_keeps_the_replaced_file(demo_db, clock):
    saved = backup.make_backup(demo_db)
    tickets = table_rows(demo_db, "tickets")
    conn = sqlite3.connect(demo_db)
    conn.execute("DELETE FROM tickets")
    conn.commit()
    conn.close()
    emptied = demo_db.read_bytes()

    clock.now = _dt.datetime(2026, 11, 25, 18, 0, 0)
    kept = backup.restore(demo_db, saved)
    assert kept == demo_db.with_name("hall.sqlite.replaced-20261125-180000")
    assert kept.read_bytes() == emptied
    assert table_rows(demo_db, "tickets") == tickets
    assert saved.exists()  # the backup stays a backup
    store = Store.open(demo_db)
    try:
        assert store.scalar("SELECT count(*) FROM tickets") == len(tickets)
    finally:
        store.close()
    assert not demo_db.with_name(demo_db.name + ".restoring").exists()


def test_restore_twice_in_one_second_keeps_both_replaced_files(demo_db, clock):
    saved = backup.make_backup(demo_db)
    first = backup.restore(demo_db, saved)
    second = backup.restore(demo_db, saved)
    assert first != second and first.exists() and second.exists()


def test_restore_when_the_database_is_missing(demo_db, clock):
    saved = backup.make_backup(demo_db)
    demo_db.unlink()
    assert backup.restore(demo_db, saved) is None
    assert table_rows(demo_db, "tickets") == table_rows(saved, "tickets")


def test_restore_refuses_an_unhealthy_backup_and_changes_nothing(demo_db, clock):
    saved = backup.make_backup(demo_db)
    _corrupt(saved)
    before = demo_db.read_bytes()
    names = companions(demo_db)
    with pytest.raises(sqlite3.DatabaseError):
        backup.restore(demo_db, saved)
    assert demo_db.read_bytes() == before
    assert companions(demo_db) == names


def test_restore_keeps_wal_and_shm_of_a_crashed_session(demo_db, clock):
    """After a crash the newest data is in -wal; restore moves it with the file, unread.

    A child process writes, then is killed with SIGKILL, so -wal/-shm are really left over.
    """
    saved = backup.make_backup(demo_db)
    script = textwrap.dedent(f"""
        import sys, time
        from hallsupervisor.storage.database import Store
        store = Store.open({str(demo_db)!r})
        store.execute("PRAGMA wal_autocheckpoint = 0")
        store.execute("UPDATE staff SET phone = '13911112222' WHERE employee_no = 'GD1003'")
        print("written", flush=True)
        time.sleep(60)
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "written"
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
        child.stdout.close()
    wal = demo_db.with_name("hall.sqlite-wal")
    shm = demo_db.with_name("hall.sqlite-shm")
    assert wal.stat().st_size > 0 and shm.exists()
    wal_bytes = wal.read_bytes()

    clock.now = _dt.datetime(2026, 11, 25, 18, 5, 0)
    kept = backup.restore(demo_db, saved)
    assert kept.name == "hall.sqlite.replaced-20261125-180500"
    assert kept.with_name(kept.name + "-wal").read_bytes() == wal_bytes
    assert kept.with_name(kept.name + "-shm").exists()
    # The restored database has no stale WAL beside it that SQLite could replay.
    assert companions(demo_db) == sorted(
        ["hall.sqlite", kept.name, kept.name + "-wal", kept.name + "-shm"]
    )
    assert table_rows(demo_db, "staff") == table_rows(saved, "staff")
    # The kept file with its WAL still holds the write that was not checkpointed.
    conn = sqlite3.connect(kept)
    try:
        assert conn.execute("SELECT phone FROM staff WHERE employee_no = 'GD1003'").fetchone() == (
            "13911112222",
        )
    finally:
        conn.close()
