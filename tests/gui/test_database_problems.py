"""Bad databases met through the GUI: a clear message, a way out, the damaged file kept."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import time

import pytest
from PySide6.QtCore import Qt

from hallsupervisor.gui import crash
from hallsupervisor.gui.database_open import (
    QUIT,
    READ_ONLY,
    RESTORE,
    DatabaseProblemDialog,
    open_database,
)
from hallsupervisor.storage import backup, problems
from hallsupervisor.storage.problems import DatabaseProblem


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _damage(path) -> None:
    """Scribbles over the middle of the file, as a failing disk would."""
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = os.urandom(8192)
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))


class Asked:
    """Stands in for the modal problem dialog: records the problem, answers as told."""

    def __init__(self, *answers):
        self.answers = list(answers)
        self.problems: list[tuple[DatabaseProblem, object]] = []

    def __call__(self, problem, latest):
        self.problems.append((problem, latest))
        return self.answers.pop(0)


@pytest.mark.parametrize("case", ["corrupt", "truncated", "not_sqlite", "newer"])
def test_bad_file_is_explained_and_restored_from_the_latest_good_backup(app, demo_db, case):
    backup.make_backup(demo_db, reason="daily")
    if case == "corrupt":
        _damage(demo_db)
    elif case == "truncated":
        data = demo_db.read_bytes()
        demo_db.write_bytes(data[: len(data) // 3])
    elif case == "not_sqlite":
        demo_db.write_text("姓名,工号\n王丽,GD1001\n", encoding="utf-8")
    else:
        with sqlite3.connect(demo_db) as conn:
            conn.execute("PRAGMA user_version = 999")
    damaged = _digest(demo_db)
    ask = Asked(RESTORE)
    opened = open_database(demo_db, ask=ask)
    try:
        problem, latest = ask.problems[0]
        expected = {
            "corrupt": problems.CORRUPT,
            "truncated": problems.TRUNCATED,
            "not_sqlite": problems.NOT_SQLITE,
            "newer": problems.NEWER,
        }[case]
        assert problem.kind == expected
        assert latest is not None
        assert opened is not None and not opened.store.read_only
        assert opened.store.scalar("SELECT name FROM halls") == "城东供电营业厅"
    finally:
        if opened:
            opened.close()
    kept = [
        p
        for p in demo_db.parent.iterdir()
        if ".damaged-" in p.name and not p.name.endswith(("-wal", "-shm"))
    ]
    assert len(kept) == 1 and _digest(kept[0]) == damaged


def test_quitting_leaves_the_bad_file_untouched(app, demo_db):
    _damage(demo_db)
    before = _digest(demo_db)
    ask = Asked(QUIT)
    assert open_database(demo_db, ask=ask) is None
    assert ask.problems[0][0].kind == problems.CORRUPT
    assert ask.problems[0][1] is None  # no backup exists yet
    assert _digest(demo_db) == before
    # Only SQLite's own -wal/-shm companions and our lock file may appear beside it.
    others = [
        p.name
        for p in demo_db.parent.iterdir()
        if p != demo_db and not p.name.endswith(("-wal", "-shm", ".lock"))
    ]
    assert others == []


def test_problem_dialog_offers_restore_and_says_the_file_is_kept(app, demo_db, qtbot):
    backup.make_backup(demo_db, reason="daily")
    latest = backup.latest_good_backup(demo_db)
    dialog = DatabaseProblemDialog(DatabaseProblem(problems.CORRUPT, demo_db), latest)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "已损坏" in dialog.ui.message.text()
    assert "不会被覆盖或删除" in dialog.ui.keepNote.text()
    assert f"{latest.taken_at:%Y-%m-%d %H:%M}" in dialog.ui.backupLabel.text()
    assert dialog.ui.restoreButton.isVisible() and not dialog.ui.readOnlyButton.isVisible()
    qtbot.mouseClick(dialog.ui.restoreButton, Qt.MouseButton.LeftButton)
    assert dialog.choice == RESTORE


def test_problem_dialog_for_a_read_only_folder_offers_viewing(app, demo_db, qtbot):
    dialog = DatabaseProblemDialog(DatabaseProblem(problems.READ_ONLY, demo_db), None)
    qtbot.addWidget(dialog)
    dialog.show()
    assert "只读" in dialog.ui.message.text()
    assert not dialog.ui.restoreButton.isVisible()
    qtbot.mouseClick(dialog.ui.readOnlyButton, Qt.MouseButton.LeftButton)
    assert dialog.choice == READ_ONLY


def test_second_copy_of_the_app_is_told_and_does_not_write(app, demo_db, tmp_path):
    """A real second process holds the database; this window opens it read-only."""
    ready = tmp_path / "ready"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import sys, time, pathlib\n"
                "from hallsupervisor.storage.lock import InstanceLock\n"
                f"lock = InstanceLock(pathlib.Path({str(demo_db)!r}))\n"
                "assert lock.acquire()\n"
                f"pathlib.Path({str(ready)!r}).write_text('1')\n"
                "time.sleep(60)\n"
            ),
        ]
    )
    try:
        deadline = time.monotonic() + 20
        while not ready.exists():
            assert time.monotonic() < deadline and holder.poll() is None
            time.sleep(0.05)
        before = _digest(demo_db)
        ask = Asked(READ_ONLY)
        opened = open_database(demo_db, ask=ask)
        assert ask.problems[0][0].kind == problems.IN_USE
        assert "另一个窗口" in ask.problems[0][0].message
        try:
            assert opened.store.read_only
            with pytest.raises(sqlite3.OperationalError) as refused:
                opened.store.execute("UPDATE halls SET name = 'x'")
            assert "无法保存" in crash.user_message_for(refused.value)
        finally:
            opened.close()
        assert _digest(demo_db) == before
    finally:
        holder.kill()
        holder.wait()


def test_a_write_refused_at_run_time_gets_a_plain_message_not_a_crash(app, crash_reports):
    error = sqlite3.OperationalError("attempt to write a readonly database")
    crash.handle_exception(type(error), error, None)
    title, body, _details = crash_reports.pop()
    assert title == "无法保存"
    assert "只读" in body


def test_an_unexpected_error_shows_the_log_file_and_is_logged(app, crash_reports, qtbot):
    from PySide6.QtCore import QTimer

    from hallsupervisor import logs

    logs.setup_logging()

    def broken_slot():
        raise RuntimeError("测试用的意外错误")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: bool(crash_reports))
    title, body, details = crash_reports.pop()
    assert title == "出现了意外错误"
    assert str(logs.log_file()) in body
    assert "RuntimeError: 测试用的意外错误" in details
    assert "测试用的意外错误" in logs.log_file().read_text(encoding="utf-8")


def test_damage_deep_in_the_file_is_found_after_start_and_not_backed_up(
    open_window, demo_db, qtbot
):
    """Start-up checks only the header and schema (fast); the full check follows in the
    background and warns instead of copying a damaged file over the good backups."""
    from PySide6.QtWidgets import QMessageBox

    from hallsupervisor.gui.app import start_daily_backup
    from tests.gui.inspection.conftest import when_dialog_opens

    page = 4096
    data = bytearray(demo_db.read_bytes())
    middle = (len(data) // page // 2) * page
    data[middle + 8 : middle + page] = b"\xab" * (page - 8)  # one table page scribbled over
    demo_db.write_bytes(bytes(data))
    window = open_window(demo_db)
    window.show()
    shown = []

    def read(box):
        assert isinstance(box, QMessageBox)
        shown.append(box.text())
        box.accept()

    when_dialog_opens(qtbot, read)
    start_daily_backup(window.store, window.backup_finished.emit, window.damage_found.emit).join(30)
    qtbot.waitUntil(lambda: bool(shown))
    assert "损坏" in shown[0] and "从备份恢复" in shown[0]
    assert backup.list_backups(demo_db) == []
