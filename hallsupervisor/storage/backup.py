"""Backups beside the database: daily on first start (keep 14), before migrations, by hand.

A backup is a consistent SQLite copy made with the online backup API, checked before it is
trusted. Restoring never deletes the file it replaces: that file is renamed and kept.
"""

from __future__ import annotations

import datetime as _dt
import logging
import os
import re
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from hallsupervisor.storage.database import read_only_connection

log = logging.getLogger(__name__)

DAILY = "daily"
KEEP_DAILY = 14
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[\w-]+)\.sqlite$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken_at: _dt.datetime
    reason: str


def backup_dir(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def _now() -> _dt.datetime:
    return _dt.datetime.now()


def make_backup(
    db_path: Path,
    *,
    reason: str = "manual",
    conn: sqlite3.Connection | None = None,
    target: Path | None = None,
) -> Path:
    """Copies the database to the backup folder (or `target`) and verifies the copy."""
    db_path = Path(db_path)
    if target is None:
        folder = backup_dir(db_path)
        folder.mkdir(parents=True, exist_ok=True)
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
        counter = 1
        while target.exists():
            counter += 1
            target = folder / f"{db_path.stem}-{stamp}-{reason}-{counter}.sqlite"
    target = Path(target)
    partial = target.with_name(target.name + ".part")
    source = conn or read_only_connection(db_path)
    try:
        dest = sqlite3.connect(str(partial))
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
    finally:
        if conn is None:
            source.close()
    if not is_healthy(partial):
        partial.unlink(missing_ok=True)
        raise sqlite3.DatabaseError(f"backup copy of {db_path} failed its integrity check")
    os.replace(partial, target)
    log.info("backup %s -> %s", db_path, target)
    return target


def is_healthy(path: Path) -> bool:
    try:
        conn = read_only_connection(Path(path))
        try:
            return conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
    except sqlite3.Error:
        return False


def list_backups(db_path: Path) -> list[BackupFile]:
    """Backups of this database, newest first."""
    db_path = Path(db_path)
    folder = backup_dir(db_path)
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if not match or match["stem"] != db_path.stem:
                continue
            taken = _dt.datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S")
            reason = re.sub(r"-\d+$", "", match["reason"])
            found.append(BackupFile(path, taken, reason))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def latest_good_backup(db_path: Path) -> BackupFile | None:
    for candidate in list_backups(db_path):
        if is_healthy(candidate.path):
            return candidate
    return None


def daily_backup_if_due(
    db_path: Path, conn: sqlite3.Connection | None = None, today: _dt.date | None = None
) -> Path | None:
    """Takes today's backup unless one exists, then keeps the newest KEEP_DAILY."""
    today = today or _now().date()
    daily = [b for b in list_backups(db_path) if b.reason == DAILY]
    if any(b.taken_at.date() == today for b in daily):
        return None
    path = make_backup(db_path, reason=DAILY, conn=conn)
    rotate(db_path)
    return path


def rotate(db_path: Path, keep: int = KEEP_DAILY) -> list[Path]:
    daily = [b for b in list_backups(db_path) if b.reason == DAILY]
    removed = []
    for old in daily[keep:]:
        old.path.unlink(missing_ok=True)
        removed.append(old.path)
    return removed


def set_aside(db_path: Path, label: str = "replaced") -> Path | None:
    """Renames the database and its WAL companions out of the way; returns the new name."""
    db_path = Path(db_path)
    if not db_path.exists():
        return None
    stamp = _now().strftime("%Y%m%d-%H%M%S")
    kept = db_path.with_name(f"{db_path.name}.{label}-{stamp}")
    counter = 1
    while kept.exists():
        counter += 1
        kept = db_path.with_name(f"{db_path.name}.{label}-{stamp}-{counter}")
    os.replace(db_path, kept)
    for suffix in ("-wal", "-shm"):
        companion = db_path.with_name(db_path.name + suffix)
        if companion.exists():
            os.replace(companion, kept.with_name(kept.name + suffix))
    return kept


def restore(db_path: Path, backup_path: Path, *, label: str = "replaced") -> Path | None:
    """Puts a checked backup in place of the database; returns where the old file was kept."""
    backup_path = Path(backup_path)
    if not is_healthy(backup_path):
        raise sqlite3.DatabaseError(f"{backup_path} is not a healthy database")
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    staging = db_path.with_name(db_path.name + ".restoring")
    shutil.copyfile(backup_path, staging)
    kept = set_aside(db_path, label)
    os.replace(staging, db_path)
    log.info("restored %s from %s (old file kept as %s)", db_path, backup_path, kept)
    return kept
