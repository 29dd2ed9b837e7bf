"""Opening a hall database safely.

Every write commits at once (autocommit connection, WAL journal, synchronous=FULL) so that
a power cut loses nothing the user has seen saved. A file that is not healthy is never
written to: `inspect_file` finds the problem first and raises `DatabaseProblem`.
"""

from __future__ import annotations

import datetime as _dt
import os
import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

from hallsupervisor.storage import problems
from hallsupervisor.storage.problems import DatabaseProblem

SQLITE_MAGIC = b"SQLite format 3\x00"
# Below this size a full quick_check at start-up costs a few milliseconds; above it the
# check runs with the daily backup and `hallsupervisor check` instead.
QUICK_CHECK_MAX_BYTES = 64 * 1024 * 1024


def new_id() -> str:
    import uuid  # imported on first use: it pulls in several modules start-up does not need

    return str(uuid.uuid4())


def _token() -> str:
    return os.urandom(4).hex()


def utc_now() -> str:
    """Record timestamps: UTC, ISO 8601, so merged databases from several halls sort right."""
    return _dt.datetime.now(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def _header_problem(path: Path) -> str | None:
    """Checks the 100-byte SQLite header against the file size without opening it."""
    size = path.stat().st_size
    if size == 0:
        return problems.TRUNCATED
    with open(path, "rb") as handle:
        header = handle.read(100)
    if not header.startswith(SQLITE_MAGIC[: min(len(header), 16)]):
        return problems.NOT_SQLITE
    if len(header) < 100:
        return problems.TRUNCATED
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or page_size & (page_size - 1):
        return problems.CORRUPT
    change_counter = int.from_bytes(header[24:28], "big")
    page_count = int.from_bytes(header[28:32], "big")
    valid_for = int.from_bytes(header[92:96], "big")
    if page_count and valid_for == change_counter and size < page_count * page_size:
        return problems.TRUNCATED
    if size % page_size:
        return problems.TRUNCATED
    return None


def folder_writable(path: Path) -> bool:
    """Whether SQLite can write the file and create its -wal/-shm companions beside it."""
    folder = path.parent
    if not os.access(folder, os.W_OK):
        return False
    if path.exists() and not os.access(path, os.W_OK):
        return False
    probe = folder / f".hallsupervisor-write-test-{_token()}"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError:
        return False
    return True


def inspect_file(path: Path, *, deep: bool | None = None) -> None:
    """Raises DatabaseProblem when `path` exists but is not a healthy database.

    `deep` runs SQLite's quick_check; by default only for files small enough to check fast.
    """
    path = Path(path)
    if not path.exists():
        return
    kind = _header_problem(path)
    if kind:
        raise DatabaseProblem(kind, path)
    if deep is None:
        deep = path.stat().st_size <= QUICK_CHECK_MAX_BYTES
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise DatabaseProblem(problems.CORRUPT, path, str(exc)) from exc
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA user_version").fetchone()
        if deep:
            result = conn.execute("PRAGMA quick_check").fetchall()
            if [tuple(r) for r in result] != [("ok",)]:
                raise DatabaseProblem(problems.CORRUPT, path, "; ".join(r[0] for r in result[:5]))
    except sqlite3.DatabaseError as exc:
        text = str(exc).lower()
        kind = problems.NOT_SQLITE if "not a database" in text else problems.CORRUPT
        raise DatabaseProblem(kind, path, str(exc)) from exc
    finally:
        conn.close()


def read_only_connection(path: Path, **kwargs) -> sqlite3.Connection:
    """Reads without writing. In a folder SQLite cannot write, a WAL database cannot make
    its -shm index, so the file is read as immutable (nobody can be writing it there)."""
    flag = "mode=ro" if folder_writable(path) else "immutable=1"
    return sqlite3.connect(f"{path.resolve().as_uri()}?{flag}", uri=True, **kwargs)


def quick_check(path: Path) -> list[str]:
    """SQLite's quick_check on a read-only connection: [] when the file is sound."""
    try:
        conn = read_only_connection(Path(path))
        try:
            rows = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows[:5]


def classify_sqlite_error(exc: sqlite3.Error, path: Path) -> DatabaseProblem | None:
    """Maps an error raised while the app runs to a problem the user can act on, or None."""
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        return DatabaseProblem(problems.READ_ONLY, path, str(exc))
    if "malformed" in text or "corrupt" in text:
        return DatabaseProblem(problems.CORRUPT, path, str(exc))
    if "not a database" in text:
        return DatabaseProblem(problems.NOT_SQLITE, path, str(exc))
    return None


class Store:
    """One open hall database.

    Reads and writes go through `conn` (sqlite3, rows as dicts); `db` is the same connection
    seen through sqlite-utils, created on first use because importing it costs start-up time.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, *, read_only: bool):
        self.path = Path(path)
        self.conn = conn
        self.read_only = read_only
        self._db = None
        self.hall_id: str | None = None

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        path: Path | str,
        *,
        read_only: bool = False,
        migrate: bool = True,
        backup_before_migrate: bool = True,
        deep_check: bool | None = None,
    ) -> "Store":
        """Opens (creating when missing) and migrates a database; raises DatabaseProblem.

        `deep_check` is inspect_file's `deep`: the window passes False and runs the full
        check in the background once it is up (see quick_check)."""
        from hallsupervisor.storage import migrations

        path = Path(path)
        inspect_file(path, deep=deep_check)
        if not read_only:
            path.parent.mkdir(parents=True, exist_ok=True)
            if not folder_writable(path):
                raise DatabaseProblem(problems.READ_ONLY, path)
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        else:
            if not path.exists():
                raise DatabaseProblem(problems.MISSING, path)
            conn = read_only_connection(path, isolation_level=None, check_same_thread=False)
        store = cls(path, conn, read_only=read_only)
        try:
            # Decide whether the file is ours before anything (even the journal mode) is
            # written to it.
            version = migrations.current_version(conn)
            if version > migrations.SCHEMA_VERSION:
                raise DatabaseProblem(
                    problems.NEWER, path, f"schema {version} > {migrations.SCHEMA_VERSION}"
                )
            if (
                version == 0
                and conn.execute(
                    "SELECT count(*) FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                ).fetchone()[0]
            ):
                raise DatabaseProblem(
                    problems.NOT_SQLITE, path, "an SQLite file of another program"
                )
            store._configure()
            if version < migrations.SCHEMA_VERSION and migrate:
                if read_only:
                    raise DatabaseProblem(problems.READ_ONLY, path, "needs migration")
                migrations.migrate(store, backup=backup_before_migrate)
        except sqlite3.DatabaseError as exc:
            conn.close()
            problem = classify_sqlite_error(exc, path)
            if problem:
                raise problem from exc
            raise
        except BaseException:
            conn.close()
            raise
        return store

    def _configure(self) -> None:
        self.conn.execute("PRAGMA busy_timeout = 3000")
        self.conn.execute("PRAGMA foreign_keys = ON")
        if not self.read_only:
            mode = self.conn.execute("PRAGMA journal_mode").fetchone()[0]
            if mode != "wal":
                self.conn.execute("PRAGMA journal_mode = WAL")
            # FULL: a transaction reported committed survives a power cut.
            self.conn.execute("PRAGMA synchronous = FULL")

    def close(self) -> None:
        try:
            if not self.read_only:
                self.conn.execute("PRAGMA optimize")
        except sqlite3.Error:
            pass
        self.conn.close()

    # -- access ----------------------------------------------------------------------
    @property
    def db(self):
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    def _cursor(self) -> sqlite3.Cursor:
        # Dict rows on our cursors only: sqlite-utils shares the connection and wants tuples.
        cursor = self.conn.cursor()
        cursor.row_factory = _dict_row
        return cursor

    def query(self, sql: str, params: Any = ()) -> list[dict]:
        return self._cursor().execute(sql, params).fetchall()

    def one(self, sql: str, params: Any = ()) -> dict | None:
        return self._cursor().execute(sql, params).fetchone()

    def scalar(self, sql: str, params: Any = ()) -> Any:
        row = self.conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        return self.conn.execute(sql, params)

    @contextmanager
    def transaction(self) -> Iterator["Store"]:
        """All or nothing; nests as a savepoint inside an open transaction."""
        if self.conn.in_transaction:
            name = f"sp_{_token()}"
            self.conn.execute(f"SAVEPOINT {name}")
            try:
                yield self
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                    self.conn.execute(f"RELEASE SAVEPOINT {name}")
                raise
            self.conn.execute(f"RELEASE SAVEPOINT {name}")
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    # -- records ---------------------------------------------------------------------
    def insert(self, table: str, values: dict, *, hall_id: str | None = None) -> str:
        """Inserts a record with its UUID key, hall and timestamps; returns the key."""
        now = utc_now()
        record = {
            "id": new_id(),
            "hall_id": hall_id or self.hall_id,
            "created_at": now,
            "updated_at": now,
            **values,
        }
        columns = ", ".join(f'"{c}"' for c in record)
        marks = ", ".join("?" for _ in record)
        self.conn.execute(
            f'INSERT INTO "{table}" ({columns}) VALUES ({marks})', tuple(record.values())
        )
        return record["id"]

    def update(self, table: str, record_id: str, values: dict) -> None:
        values = {**values, "updated_at": utc_now()}
        sets = ", ".join(f'"{c}" = ?' for c in values)
        self.conn.execute(
            f'UPDATE "{table}" SET {sets} WHERE id = ?', (*values.values(), record_id)
        )

    def soft_delete(self, table: str, record_id: str) -> None:
        now = utc_now()
        self.conn.execute(
            f'UPDATE "{table}" SET deleted_at = ?, updated_at = ? WHERE id = ?',
            (now, now, record_id),
        )


def _dict_row(cursor: sqlite3.Cursor, row: tuple) -> dict:
    return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}
