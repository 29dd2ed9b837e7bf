"""The `hallsupervisor` command, run for real as `python -m hallsupervisor` in a subprocess."""

from __future__ import annotations

import datetime as _dt
import os
import re
import signal
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from hallsupervisor import __version__
from hallsupervisor.storage import backup
from hallsupervisor.storage.database import utc_now
from hallsupervisor.storage.lock import InstanceLock

CJK = re.compile(r"[\u4e00-\u9fff]")


def _rows(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _write(path: Path, sql: str, params=()) -> None:
    conn = sqlite3.connect(path)
    try:
        conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()


# -- help and version ---------------------------------------------------------------------------
def test_version(run_cli):
    result = run_cli("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"hallsupervisor {__version__}"


def test_help_lists_the_sub_commands(run_cli):
    result = run_cli("--help")
    assert result.returncode == 0, result.stderr
    for command in ("check", "demo", "backup", "restore"):
        assert command in result.stdout
    assert "营业厅" in result.stdout and "--db" in result.stdout


def test_check_help(run_cli):
    result = run_cli("check", "--help")
    assert result.returncode == 0, result.stderr
    assert "usage: hallsupervisor check" in result.stdout
    assert "--db" in result.stdout and CJK.search(result.stdout)


@pytest.mark.parametrize(
    "args", [["restore"], ["demo"], ["no-such-command"], ["restore", "--latest", "--list"]]
)
def test_usage_errors_exit_2(run_cli, args):
    result = run_cli(*args)
    assert result.returncode == 2
    assert "usage:" in result.stderr


# -- demo ---------------------------------------------------------------------------------------
def test_demo_creates_about_90_days_of_tickets_and_a_hall(run_cli, tmp_path):
    db = tmp_path / "new folder" / "演示.sqlite"
    result = run_cli("demo", "--db", db)
    assert result.returncode == 0, result.stderr
    assert str(db) in result.stdout
    assert db.exists()

    halls = _rows(db, "SELECT name, kind FROM halls WHERE deleted_at IS NULL")
    assert halls == [("城东供电营业厅", "electricity")]
    assert _rows(db, "SELECT count(*) FROM staff WHERE deleted_at IS NULL")[0][0] == 8
    assert _rows(db, "SELECT count(*) FROM counters WHERE deleted_at IS NULL")[0][0] >= 3
    assert _rows(db, "SELECT value FROM hall_settings WHERE key = 'demo'") == [("1",)]

    count, first, last, days = _rows(
        db,
        "SELECT count(*), min(issued_at), max(issued_at), "
        "count(DISTINCT substr(issued_at, 1, 10)) FROM tickets",
    )[0]
    today = _dt.date.today()
    first_day = _dt.date.fromisoformat(first[:10])
    last_day = _dt.date.fromisoformat(last[:10])
    assert first_day == today - _dt.timedelta(days=89)
    assert today - _dt.timedelta(days=1) <= last_day <= today  # today only once it opened
    assert 85 <= days <= 90
    assert count > 5000  # a busy city hall: well over 50 tickets a day
    # Nothing from the future (the demo is "live" up to now).
    now = _dt.datetime.now().strftime("%Y-%m-%d %H:%M:%S")
    assert _rows(db, f"SELECT count(*) FROM tickets WHERE issued_at > '{now}'")[0][0] == 0


def test_demo_twice_tops_up_without_duplicates(run_cli, tmp_path):
    db = tmp_path / "demo.sqlite"
    assert run_cli("demo", "--db", db).returncode == 0
    count = _rows(db, "SELECT count(*) FROM tickets")[0][0]
    second = run_cli("demo", "--db", db)
    assert second.returncode == 0, second.stderr
    assert _rows(db, "SELECT count(*) FROM halls")[0][0] == 1
    # Only tickets issued since the first run may be added (normally none).
    assert count <= _rows(db, "SELECT count(*) FROM tickets")[0][0] <= count + 50


def test_demo_refuses_a_damaged_file(run_cli, tmp_path):
    db = tmp_path / "notes.sqlite"
    db.write_text("这不是数据库", encoding="utf-8")
    result = run_cli("demo", "--db", db)
    assert result.returncode == 1
    assert "不是本软件的数据库" in result.stderr
    assert db.read_text(encoding="utf-8") == "这不是数据库"


# -- check --------------------------------------------------------------------------------------
def test_check_healthy_demo_exits_0(run_cli, cli_db):
    before = cli_db.read_bytes()
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "结论：完好" in result.stdout
    assert "[错误]" not in result.stdout
    assert cli_db.read_bytes() == before  # checking never writes


def test_check_corrupt_file_exits_1(run_cli, cli_db):
    import sqlite3

    with sqlite3.connect(cli_db) as conn:  # a page in the middle of the tickets table
        pages = [
            n
            for (n,) in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'tickets' AND pagetype = 'leaf'"
            )
        ]
    conn.close()
    with open(cli_db, "r+b") as handle:
        handle.seek((sorted(pages)[len(pages) // 2] - 1) * 4096 + 8)
        handle.write(b"\xab" * 4000)
    before = cli_db.read_bytes()
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1
    assert "数据库文件已损坏" in result.stdout
    assert "结论：有问题" in result.stdout
    assert cli_db.read_bytes() == before


def test_check_not_sqlite_exits_1(run_cli, tmp_path):
    db = tmp_path / "hall.sqlite"
    db.write_text("排班表\n王丽,早班\n", encoding="utf-8")
    result = run_cli("check", "--db", db)
    assert result.returncode == 1
    assert CJK.search(result.stdout)
    assert "不是本软件的数据库" in result.stdout


def test_check_truncated_exits_1(run_cli, cli_db):
    data = cli_db.read_bytes()
    cli_db.write_bytes(data[: len(data) // 2])
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1
    assert "不完整" in result.stdout


def test_check_missing_file_exits_1(run_cli, tmp_path):
    result = run_cli("check", "--db", tmp_path / "nowhere.sqlite")
    assert result.returncode == 1
    assert "找不到数据库文件" in result.stdout
    assert not (tmp_path / "nowhere.sqlite").exists()


def test_check_default_database_is_in_hallsupervisor_home(run_cli, home):
    result = run_cli("check")
    assert result.returncode == 1
    assert str(home / "hallsupervisor.sqlite") in result.stdout


def test_check_reports_duplicate_employee_numbers(run_cli, cli_db):
    hall_id = _rows(cli_db, "SELECT id FROM halls")[0][0]
    now = utc_now()
    _write(
        cli_db,
        "INSERT INTO staff (id, hall_id, created_at, updated_at, name, employee_no) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), hall_id, now, now, "冒名者", "GD1001"),
    )
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1, result.stdout
    assert "工号 GD1001 被多人使用" in result.stdout
    assert "王丽" in result.stdout and "冒名者" in result.stdout
    assert "[错误]" in result.stdout


def test_check_ignores_duplicate_number_of_a_deleted_person(run_cli, cli_db):
    hall_id = _rows(cli_db, "SELECT id FROM halls")[0][0]
    now = utc_now()
    _write(
        cli_db,
        "INSERT INTO staff (id, hall_id, created_at, updated_at, deleted_at, name, "
        "employee_no) VALUES (?, ?, ?, ?, ?, ?, ?)",
        (str(uuid.uuid4()), hall_id, now, now, now, "已离职", "GD1001"),
    )
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 0, result.stdout


def test_check_reports_tickets_called_before_issued(run_cli, cli_db):
    _write(
        cli_db,
        "UPDATE tickets SET called_at = '2000-01-01 00:00:00' WHERE rowid IN "
        "(SELECT rowid FROM tickets WHERE called_at IS NOT NULL LIMIT 3)",
    )
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1
    assert "有 3 张排队号" in result.stdout


def test_check_reports_broken_references(run_cli, cli_db):
    _write(
        cli_db,
        "UPDATE counter_business_types SET business_type_id = 'gone' WHERE rowid = "
        "(SELECT min(rowid) FROM counter_business_types)",
    )
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1
    assert "引用了不存在的记录" in result.stdout


def test_check_newer_database_exits_1(run_cli, cli_db):
    _write(cli_db, "PRAGMA user_version = 99")
    before = cli_db.read_bytes()
    result = run_cli("check", "--db", cli_db)
    assert result.returncode == 1
    assert "更新版本" in result.stdout
    assert cli_db.read_bytes() == before


# -- backup and restore ------------------------------------------------------------------------
def test_backup_then_restore_latest(run_cli, cli_db):
    tickets = _rows(cli_db, "SELECT count(*) FROM tickets")[0][0]
    result = run_cli("backup", "--db", cli_db)
    assert result.returncode == 0, result.stderr
    made = backup.list_backups(cli_db)
    assert len(made) == 1 and made[0].reason == "manual"
    assert str(made[0].path) in result.stdout

    _write(cli_db, "DELETE FROM tickets")
    damaged = cli_db.read_bytes()

    listed = run_cli("restore", "--db", cli_db, "--list")
    assert listed.returncode == 0, listed.stderr
    assert str(made[0].path) in listed.stdout and "manual" in listed.stdout

    restored = run_cli("restore", "--db", cli_db, "--latest")
    assert restored.returncode == 0, restored.stderr
    assert _rows(cli_db, "SELECT count(*) FROM tickets")[0][0] == tickets
    kept = [p for p in cli_db.parent.iterdir() if p.name.startswith("hall.sqlite.replaced-")]
    assert len(kept) == 1
    assert kept[0].read_bytes() == damaged  # the replaced file is kept, not deleted
    assert str(kept[0]) in restored.stdout
    assert made[0].path.exists()
    assert run_cli("check", "--db", cli_db).returncode == 0


def test_backup_to_a_chosen_file(run_cli, cli_db, tmp_path):
    target = tmp_path / "u盘" / "营业厅备份.sqlite"
    target.parent.mkdir()
    result = run_cli("backup", "--db", cli_db, "-o", target)
    assert result.returncode == 0, result.stderr
    assert backup.is_healthy(target)
    assert _rows(target, "SELECT count(*) FROM tickets") == _rows(
        cli_db, "SELECT count(*) FROM tickets"
    )
    assert not (cli_db.parent / "backups").exists()


def test_backup_of_a_missing_or_damaged_database_exits_1(run_cli, cli_db, tmp_path):
    missing = run_cli("backup", "--db", tmp_path / "nowhere.sqlite")
    assert missing.returncode == 1 and "找不到数据库文件" in missing.stderr
    data = cli_db.read_bytes()
    cli_db.write_bytes(data[: len(data) // 2])
    cut = run_cli("backup", "--db", cli_db)
    assert cut.returncode == 1 and "无法备份" in cut.stderr
    folder = cli_db.parent / "backups"
    assert not folder.exists() or not list(folder.iterdir())
    assert cli_db.read_bytes() == data[: len(data) // 2]


def test_restore_list_without_backups(run_cli, cli_db):
    result = run_cli("restore", "--db", cli_db, "--list")
    assert result.returncode == 0
    assert "没有找到备份" in result.stdout


def test_restore_latest_without_backups_exits_1(run_cli, cli_db):
    before = cli_db.read_bytes()
    result = run_cli("restore", "--db", cli_db, "--latest")
    assert result.returncode == 1
    assert "完好备份" in result.stderr
    assert cli_db.read_bytes() == before


def test_restore_named_backup_file(run_cli, cli_db, tmp_path):
    copy = tmp_path / "copy.sqlite"
    assert run_cli("backup", "--db", cli_db, "-o", copy).returncode == 0
    _write(cli_db, "DELETE FROM staff")
    result = run_cli("restore", "--db", cli_db, copy)
    assert result.returncode == 0, result.stderr
    assert _rows(cli_db, "SELECT count(*) FROM staff")[0][0] == 8


def test_restore_refuses_a_damaged_backup(run_cli, cli_db, tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database")
    before = cli_db.read_bytes()
    result = run_cli("restore", "--db", cli_db, bad)
    assert result.returncode == 1
    assert "无法恢复" in result.stderr
    assert cli_db.read_bytes() == before
    assert not [p for p in cli_db.parent.iterdir() if ".replaced-" in p.name]
    missing = run_cli("restore", "--db", cli_db, tmp_path / "nowhere.sqlite")
    assert missing.returncode == 1 and "找不到备份文件" in missing.stderr


def test_restore_refuses_while_the_database_is_open_elsewhere(run_cli, cli_db):
    assert run_cli("backup", "--db", cli_db).returncode == 0
    _write(cli_db, "DELETE FROM tickets")
    before = cli_db.read_bytes()
    lock = InstanceLock(cli_db)  # this test process plays the running app
    assert lock.acquire()
    try:
        result = run_cli("restore", "--db", cli_db, "--latest")
    finally:
        lock.release()
    assert result.returncode == 1
    assert "请先关闭软件" in result.stderr
    assert cli_db.read_bytes() == before
    assert not [p for p in cli_db.parent.iterdir() if ".replaced-" in p.name]
    # Once the app is closed the same command works.
    again = run_cli("restore", "--db", cli_db, "--latest")
    assert again.returncode == 0, again.stderr
    assert _rows(cli_db, "SELECT count(*) FROM tickets")[0][0] > 0


def test_restore_refuses_while_another_app_process_holds_the_lock(run_cli, cli_db):
    """The same with the lock in a third process, as when the window is open."""
    assert run_cli("backup", "--db", cli_db).returncode == 0
    before = cli_db.read_bytes()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time\n"
            "from hallsupervisor.storage.lock import InstanceLock\n"
            "lock = InstanceLock(sys.argv[1])  # kept referenced: closing drops the lock\n"
            "print(lock.acquire(), flush=True)\n"
            "time.sleep(60)\n",
            str(cli_db),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "True"
        result = run_cli("restore", "--db", cli_db, "--latest")
    finally:
        os.kill(holder.pid, signal.SIGKILL)
        holder.wait(timeout=10)
        holder.stdout.close()
    assert result.returncode == 1
    assert "请先关闭软件" in result.stderr
    assert cli_db.read_bytes() == before
    # The killed holder leaves no stale lock behind.
    assert run_cli("restore", "--db", cli_db, "--latest").returncode == 0
