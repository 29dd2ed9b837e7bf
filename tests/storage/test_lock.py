"""One writer per database: InstanceLock within a process and across processes."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from hallsupervisor.storage.lock import InstanceLock

HOLDER = textwrap.dedent("""
    import sys, time
    from hallsupervisor.storage.lock import InstanceLock
    lock = InstanceLock(sys.argv[1])
    print("locked" if lock.acquire() else "busy", flush=True)
    time.sleep(120)
""")

TRY_ONCE = textwrap.dedent("""
    import sys
    from hallsupervisor.storage.lock import InstanceLock
    lock = InstanceLock(sys.argv[1])
    got = lock.acquire()
    print("locked" if got else "busy", flush=True)
    lock.release()
    sys.exit(0 if got else 3)
""")


class Holder:
    """A separate Python process that takes the lock and sleeps until killed."""

    def __init__(self, db: Path):
        self.process = subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(db)], stdout=subprocess.PIPE, text=True
        )
        self.state = self.process.stdout.readline().strip()

    def kill(self, sig: int = signal.SIGKILL) -> None:
        if self.process.poll() is None:
            os.kill(self.process.pid, sig)
        self.process.wait(timeout=10)
        self.process.stdout.close()


@pytest.fixture
def holders():
    started: list[Holder] = []

    def start(db: Path) -> Holder:
        holder = Holder(db)
        started.append(holder)
        return holder

    yield start
    for holder in started:
        holder.kill()


def _try_in_child(db: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", TRY_ONCE, str(db)], capture_output=True, text=True, timeout=60
    )


def test_lock_file_sits_beside_the_database(tmp_path):
    db = tmp_path / "hall.sqlite"
    lock = InstanceLock(db)
    assert lock.path == tmp_path / "hall.sqlite.lock"
    assert lock.acquire()
    try:
        assert lock.path.exists()
        assert lock.holder_pid() == os.getpid()
    finally:
        lock.release()
    assert not db.exists()  # the lock never creates the database


def test_second_lock_fails_while_the_first_is_held(tmp_path):
    db = tmp_path / "hall.sqlite"
    first, second = InstanceLock(db), InstanceLock(db)
    assert first.acquire()
    try:
        assert not second.acquire()
        assert not second.acquire()  # still not, and no handle leaked into "held"
        assert first.acquire()  # re-acquiring one's own lock is fine
        assert second.holder_pid() == os.getpid()
    finally:
        first.release()
    assert second.acquire()
    second.release()


def test_locks_on_different_databases_are_independent(tmp_path):
    with InstanceLock(tmp_path / "a.sqlite") as a, InstanceLock(tmp_path / "b.sqlite") as b:
        assert a.acquire() and b.acquire()


def test_context_manager_releases(tmp_path):
    db = tmp_path / "hall.sqlite"
    with InstanceLock(db) as lock:
        assert lock.acquire()
        assert not InstanceLock(db).acquire()
    other = InstanceLock(db)
    assert other.acquire()
    other.release()
    other.release()  # releasing twice is harmless


def test_release_without_acquire_is_harmless(tmp_path):
    InstanceLock(tmp_path / "hall.sqlite").release()


def test_lock_held_by_another_process(tmp_path, holders):
    db = tmp_path / "hall.sqlite"
    holder = holders(db)
    assert holder.state == "locked"
    lock = InstanceLock(db)
    assert not lock.acquire()
    assert lock.holder_pid() == holder.process.pid
    # A third process cannot take it either.
    result = _try_in_child(db)
    assert (result.returncode, result.stdout.strip()) == (3, "busy"), result.stderr


def test_lock_is_free_after_the_holder_is_killed(tmp_path, holders):
    """SIGKILL gives the process no chance to clean up; the OS still drops the lock."""
    db = tmp_path / "hall.sqlite"
    holder = holders(db)
    assert holder.state == "locked"
    assert not InstanceLock(db).acquire()
    holder.kill(signal.SIGKILL)
    assert holder.process.returncode == -signal.SIGKILL
    assert InstanceLock(db).path.exists()  # the stale file is left; it does not matter
    lock = InstanceLock(db)
    deadline = time.monotonic() + 5
    while not lock.acquire():
        assert time.monotonic() < deadline, "lock still held after its process was killed"
        time.sleep(0.05)
    try:
        assert lock.holder_pid() == os.getpid()
    finally:
        lock.release()


def test_other_process_is_refused_while_this_one_holds_the_lock(tmp_path):
    db = tmp_path / "hall.sqlite"
    lock = InstanceLock(db)
    assert lock.acquire()
    try:
        result = _try_in_child(db)
        assert (result.returncode, result.stdout.strip()) == (3, "busy"), result.stderr
    finally:
        lock.release()
    result = _try_in_child(db)
    assert (result.returncode, result.stdout.strip()) == (0, "locked"), result.stderr


def test_another_process_waiting_gets_the_lock_after_release(tmp_path, holders):
    db = tmp_path / "hall.sqlite"
    lock = InstanceLock(db)
    assert lock.acquire()
    holder = holders(db)
    assert holder.state == "busy"
    holder.kill()
    lock.release()
    second = holders(db)
    assert second.state == "locked"
    assert not lock.acquire()
