"""Shared fixtures for the storage tests: real SQLite files in tmp_path, no mocked store."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest


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
