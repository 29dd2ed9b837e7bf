"""Files that are not healthy databases: each is reported with the right kind, never changed."""

from __future__ import annotations

import functools
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

import hallsupervisor
from hallsupervisor.storage import migrations, problems
from hallsupervisor.storage.database import (
    Store,
    classify_sqlite_error,
    folder_writable,
    inspect_file,
)
from hallsupervisor.storage.problems import DatabaseProblem

# Where the package under test is imported from, for child processes of another user.
PACKAGE_ROOT = Path(hallsupervisor.__file__).resolve().parents[1]
PAGE = 4096  # the demo database's page size (SQLite's default)


def _assert_refused(path: Path, kind: str, *, read_only_too: bool = True) -> DatabaseProblem:
    """Opening `path` raises `kind` and leaves the file present and byte-identical."""
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path)
    assert caught.value.kind == kind, caught.value
    assert path.exists()
    assert path.read_bytes() == before
    if read_only_too:
        with pytest.raises(DatabaseProblem) as again:
            Store.open(path, read_only=True)
        assert again.value.kind == kind, again.value
        assert path.read_bytes() == before
    with pytest.raises(DatabaseProblem) as inspected:
        inspect_file(path, deep=True)
    assert inspected.value.kind == kind
    assert path.read_bytes() == before
    # No journal beside it that could be replayed into the file later.
    for suffix in ("-journal", "-wal"):
        companion = path.with_name(path.name + suffix)
        assert not companion.exists() or companion.stat().st_size == 0
    return caught.value


def _damage(path: Path, offset: int, data: bytes) -> None:
    with open(path, "r+b") as handle:
        handle.seek(offset)
        handle.write(data)


def test_healthy_demo_copy_opens(demo_db):
    """The control case for the damaged copies below."""
    inspect_file(demo_db, deep=True)
    store = Store.open(demo_db)
    try:
        assert store.scalar("SELECT count(*) FROM tickets") > 1000
    finally:
        store.close()


def test_text_file_is_not_sqlite(tmp_path):
    path = tmp_path / "notes.sqlite"
    path.write_text("营业厅交接班记录\n2026-11-25 王丽 早班\n" * 50, encoding="utf-8")
    problem = _assert_refused(path, problems.NOT_SQLITE)
    assert problem.restorable
    assert "不是" in problem.message


def test_other_binary_file_is_not_sqlite(tmp_path):
    path = tmp_path / "photo.sqlite"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    _assert_refused(path, problems.NOT_SQLITE)


def test_zero_byte_file_is_truncated(tmp_path):
    path = tmp_path / "empty.sqlite"
    path.write_bytes(b"")
    problem = _assert_refused(path, problems.TRUNCATED)
    assert problem.restorable
    assert path.stat().st_size == 0


def test_short_header_is_truncated(tmp_path, demo_db):
    path = tmp_path / "short.sqlite"
    path.write_bytes(demo_db.read_bytes()[:60])
    _assert_refused(path, problems.TRUNCATED)


@pytest.mark.parametrize("cut", ["half", "page_boundary"])
def test_demo_database_cut_short_is_truncated(demo_db, cut):
    data = demo_db.read_bytes()
    assert len(data) > 100 * PAGE
    size = len(data) // 2 if cut == "half" else (len(data) // PAGE // 2) * PAGE
    demo_db.write_bytes(data[:size])
    _assert_refused(demo_db, problems.TRUNCATED)


@pytest.mark.parametrize(
    "where",
    [
        # Page 1 after the 100-byte file header: the b-tree header of sqlite_master.
        pytest.param((100, b"\xff" * 400), id="sqlite_master-page-header"),
        pytest.param((100, b"\x07"), id="sqlite_master-page-type"),
        # The cell content area of page 1 (where its header says it starts).
        pytest.param((None, None), id="sqlite_master-cells"),
        # A page in the middle of the tickets table.
        pytest.param(("tickets", b"\xab" * (PAGE - 8)), id="tickets-data-page"),
        # An index page.
        pytest.param((17 * PAGE, bytes(PAGE)), id="index-page"),
    ],
)
def test_damaged_pages_are_corrupt(demo_db, where):
    offset, data = where
    if offset is None:
        start = int.from_bytes(demo_db.read_bytes()[105:107], "big")
        offset, data = start, (bytes(range(256)) * 64)[: PAGE - start]
    elif offset == "tickets":
        # Found rather than fixed: later schema versions move the tickets' pages.
        with sqlite3.connect(demo_db) as conn:
            pages = [
                n
                for (n,) in conn.execute(
                    "SELECT pageno FROM dbstat WHERE name = 'tickets' AND pagetype = 'leaf' "
                    "ORDER BY pageno"
                )
            ]
        conn.close()
        offset = (pages[len(pages) // 2] - 1) * PAGE + 8
    _damage(demo_db, offset, data)
    problem = _assert_refused(demo_db, problems.CORRUPT)
    assert problem.restorable


def test_bad_page_size_in_header_is_corrupt(demo_db):
    _damage(demo_db, 16, (1000).to_bytes(2, "big"))  # not a power of two
    _assert_refused(demo_db, problems.CORRUPT)


def test_sqlite_file_of_another_program_is_not_ours(tmp_path):
    """A valid SQLite file with someone else's tables (user_version 0) is never written to.

    Only an empty database (no tables) may be given this app's schema.
    """
    path = tmp_path / "contacts.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('王丽', '13800000001')")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path)
    assert caught.value.kind == problems.NOT_SQLITE
    assert path.read_bytes() == before
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master")] == ["contacts"]
    finally:
        conn.close()


def test_newer_version_is_refused(demo_db):
    conn = sqlite3.connect(demo_db)
    conn.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    conn.close()
    before = demo_db.read_bytes()
    for read_only in (False, True):
        with pytest.raises(DatabaseProblem) as caught:
            Store.open(demo_db, read_only=read_only)
        assert caught.value.kind == problems.NEWER
        assert demo_db.read_bytes() == before
    problem = caught.value
    assert problem.restorable
    assert "更新版本" in problem.message
    # The file itself is sound, so the header and quick_check do not complain.
    inspect_file(demo_db, deep=True)


def test_missing_file_read_only_is_missing(tmp_path):
    path = tmp_path / "nowhere.sqlite"
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path, read_only=True)
    assert caught.value.kind == problems.MISSING
    assert not caught.value.restorable
    assert not path.exists()


# -- read-only folders and files ------------------------------------------------------------
def _sqlite_file(path: Path, journal_mode: str) -> None:
    """A small healthy database of this app in the given journal mode."""
    store = Store.open(path)
    store.insert("halls", {"name": "城东供电营业厅", "kind": "electricity"}, hall_id="h1")
    store.close()
    if journal_mode != "wal":
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA journal_mode = {journal_mode}")
        conn.close()


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_database_in_read_only_folder_is_read_only(tmp_path, make_unwritable, journal_mode):
    """A healthy database in a folder the user may not write to is "read_only", not damaged.

    "wal" is the app's own files: every database it writes is in WAL mode.
    """
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "hall.sqlite"
    _sqlite_file(path, journal_mode)
    before = path.read_bytes()
    how = make_unwritable(folder)
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path)
    assert caught.value.kind == problems.READ_ONLY, f"{caught.value!r} ({how})"
    assert not caught.value.restorable  # restoring a backup would not help
    assert path.read_bytes() == before
    if how != "os.access":  # with only os.access patched, SQLite may still add -wal/-shm
        assert sorted(p.name for p in folder.iterdir()) == ["hall.sqlite"]


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_database_in_read_only_folder_can_be_read(tmp_path, make_unwritable, journal_mode):
    """Store.open(read_only=True) reads a healthy database it may not write (immutable)."""
    folder = tmp_path / "share"
    folder.mkdir()
    path = folder / "hall.sqlite"
    _sqlite_file(path, journal_mode)
    before = path.read_bytes()
    how = make_unwritable(folder)
    try:
        store = Store.open(path, read_only=True)
    except DatabaseProblem as problem:
        pytest.fail(f"read-only open of a healthy database failed ({how}): {problem!r}")
    try:
        assert store.scalar("SELECT name FROM halls") == "城东供电营业厅"
    finally:
        store.close()
    assert path.read_bytes() == before


def test_new_database_in_read_only_folder_is_read_only(tmp_path, make_unwritable):
    folder = tmp_path / "share"
    folder.mkdir()
    how = make_unwritable(folder)
    path = folder / "new.sqlite"
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path)
    assert caught.value.kind == problems.READ_ONLY, how
    assert not path.exists()


def test_read_only_file_in_writable_folder_is_read_only(tmp_path, make_unwritable):
    path = tmp_path / "hall.sqlite"
    _sqlite_file(path, "wal")
    before = path.read_bytes()
    how = make_unwritable(path)
    assert not folder_writable(path), how
    with pytest.raises(DatabaseProblem) as caught:
        Store.open(path)
    assert caught.value.kind == problems.READ_ONLY, how
    assert path.read_bytes() == before


@functools.lru_cache(maxsize=None)
def _unprivileged_python() -> str | None:
    """A Python that uid 65534 (nobody) can run and that imports this package, or None."""
    if os.geteuid() != 0 or not hasattr(os, "setuid"):
        return None
    candidates = [sys.executable, shutil.which("python3"), "/usr/bin/python3"]
    for python in dict.fromkeys(c for c in candidates if c):
        try:
            probe = subprocess.run(
                [python, "-c", "import hallsupervisor.storage.database"],
                env=_child_env(),
                cwd="/",
                preexec_fn=_drop_privileges,
                capture_output=True,
                timeout=60,
            )
        except OSError:  # e.g. the interpreter is under /root
            continue
        if probe.returncode == 0:
            return python
    return None


def _child_env() -> dict:
    return {"PYTHONPATH": str(PACKAGE_ROOT), "PATH": os.environ.get("PATH", "")}


def _drop_privileges() -> None:
    os.setgroups([])
    os.setgid(65534)
    os.setuid(65534)


@pytest.mark.parametrize("journal_mode", ["delete", "wal"])
def test_read_only_folder_as_unprivileged_user(journal_mode):
    """Root in CI: the check runs in a child that drops to uid 65534, so chmod really applies.

    The venv's interpreter may live where nobody can reach it (/root/.pyenv); then another
    Python 3 on the machine runs the storage code (standard library only), or the test skips.
    """
    python = _unprivileged_python()
    if python is None:
        pytest.skip("not root, or no Python that uid 65534 can run with this package")
    # pytest's tmp_path is private to root (0700), so use a folder nobody can reach.
    base = Path(tempfile.mkdtemp(prefix="hallsupervisor-ro-"))
    try:
        base.chmod(0o755)
        folder = base / "share"
        folder.mkdir()
        path = folder / "hall.sqlite"
        _sqlite_file(path, journal_mode)
        path.chmod(0o644)
        folder.chmod(0o555)
        before = path.read_bytes()
        script = textwrap.dedent(f"""
            from hallsupervisor.storage.database import Store
            from hallsupervisor.storage.problems import DatabaseProblem
            try:
                Store.open({str(path)!r}).close()
                print("opened")
            except DatabaseProblem as problem:
                print(problem.kind, problem.detail)
        """)
        result = subprocess.run(
            [python, "-c", script],
            preexec_fn=_drop_privileges,
            cwd="/",
            env=_child_env(),
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.split()[0] == problems.READ_ONLY, result.stdout
        assert path.read_bytes() == before
        assert sorted(p.name for p in folder.iterdir()) == ["hall.sqlite"]
    finally:
        shutil.rmtree(base, ignore_errors=True)


# -- problem kinds ------------------------------------------------------------------------------
def test_restorable_kinds():
    path = Path("x.sqlite")
    for kind in (problems.NOT_SQLITE, problems.TRUNCATED, problems.CORRUPT, problems.NEWER):
        assert DatabaseProblem(kind, path).restorable, kind
    for kind in (problems.READ_ONLY, problems.IN_USE, problems.MISSING):
        assert not DatabaseProblem(kind, path).restorable, kind


def test_every_kind_has_a_chinese_message_and_str_names_the_file():
    kinds = [
        problems.NOT_SQLITE,
        problems.TRUNCATED,
        problems.CORRUPT,
        problems.NEWER,
        problems.READ_ONLY,
        problems.IN_USE,
        problems.MISSING,
    ]
    assert set(problems.MESSAGES) == set(kinds)
    for kind in kinds:
        problem = DatabaseProblem(kind, Path("/data/hall.sqlite"), "detail text")
        assert any("\u4e00" <= ch <= "\u9fff" for ch in problem.message), kind
        assert str(problem).startswith(problem.message)
        assert "hall.sqlite" in str(problem) and str(problem).endswith("detail text")


@pytest.mark.parametrize(
    "text, kind",
    [
        ("attempt to write a readonly database", problems.READ_ONLY),
        ("database disk image is malformed", problems.CORRUPT),
        ("file is not a database", problems.NOT_SQLITE),
        ("database is locked", None),
        ("no such table: tickets", None),
    ],
)
def test_classify_sqlite_error(text, kind):
    exc = sqlite3.OperationalError(text)
    problem = classify_sqlite_error(exc, Path("hall.sqlite"))
    if kind is None:
        assert problem is None
    else:
        assert problem.kind == kind
        assert problem.detail == text


def test_classify_real_readonly_error(tmp_path):
    """The message SQLite really gives when writing through a read-only connection."""
    path = tmp_path / "hall.sqlite"
    sqlite3.connect(path).execute("CREATE TABLE t (x)").connection.close()
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        with pytest.raises(sqlite3.OperationalError) as caught:
            conn.execute("INSERT INTO t VALUES (1)")
    finally:
        conn.close()
    assert "attempt to write a readonly database" in str(caught.value)
    assert classify_sqlite_error(caught.value, path).kind == problems.READ_ONLY
