"""Shared fixtures for the storage tests: real SQLite files in tmp_path, no mocked store."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from hallsupervisor.demo.generate import build_demo

from .storage_helpers import DEMO_NOW


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    """One demo database per session (built once, ~0.3 s); tests copy it, never touch it."""
    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    build_demo(path, now=DEMO_NOW)
    for suffix in ("-wal", "-shm"):
        assert not path.with_name(path.name + suffix).exists()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    """A private copy of the demo database in its own folder."""
    folder = tmp_path / "hall"
    folder.mkdir()
    target = folder / "hall.sqlite"
    shutil.copyfile(demo_template, target)
    return target


def _chattr(flag: str, path: Path) -> bool:
    if not shutil.which("chattr"):
        return False
    result = subprocess.run(["chattr", flag, str(path)], capture_output=True)
    return result.returncode == 0


def _write_blocked(folder: Path) -> bool:
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except OSError:
        return True
    probe.unlink()
    return False


@pytest.fixture
def make_unwritable(monkeypatch):
    """Makes a folder or file unwritable for this process; returns how it was done.

    * Not root: plain chmod, which the kernel enforces.
    * Root (as in CI): chmod does not stop root, so the folder/file gets the ext2/3/4 "immutable"
      attribute (`chattr +i`), which the kernel enforces even for root. It needs
      CAP_LINUX_IMMUTABLE and a file system that supports it.
    * When neither works (root in a container without that capability, tmpfs...), os.access is
      monkeypatched to say "not writable" for that path only. That tests the app's own
      read-only detection but not SQLite's behaviour, so the caller is told which one was used.
    """
    undo = []

    def apply(path: Path) -> str:
        path = Path(path)
        if os.geteuid() != 0:
            mode = path.stat().st_mode
            path.chmod(mode & ~0o222)
            undo.append(lambda: path.chmod(mode))
            return "chmod"
        if _chattr("+i", path):
            undo.append(lambda: _chattr("-i", path))
            if path.is_file() or _write_blocked(path):
                return "chattr"
        real_access = os.access

        def access(target, mode, *args, **kwargs):
            target_path = Path(target).absolute()
            if mode & os.W_OK and (target_path == path or path in target_path.parents):
                return False
            return real_access(target, mode, *args, **kwargs)

        monkeypatch.setattr(os, "access", access)
        return "os.access"

    yield apply
    for step in reversed(undo):
        step()
