"""Fixtures for the command-line tests: the real `python -m hallsupervisor` in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.fixture
def home(tmp_path) -> Path:
    """The app-data folder the command sees (HALLSUPERVISOR_HOME)."""
    folder = tmp_path / "cli-home"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def cli_db(demo_db) -> Path:
    """The database the command works on: a private copy of the demo."""
    return demo_db


@pytest.fixture
def run_cli(home):
    """Runs `python -m hallsupervisor ARGS...`; returns the CompletedProcess (text)."""

    def run(*args, timeout: float = 60) -> subprocess.CompletedProcess:
        env = dict(os.environ)
        env.update(
            {
                "HALLSUPERVISOR_HOME": str(home),
                "PYTHONIOENCODING": "utf-8",
                "QT_QPA_PLATFORM": "offscreen",
                "LANG": "C.UTF-8",
            }
        )
        return subprocess.run(
            [sys.executable, "-m", "hallsupervisor", *map(str, args)],
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=env,
            cwd=home,
            timeout=timeout,
        )

    return run
