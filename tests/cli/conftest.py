"""Fixtures for the command-line tests: the real `python -m hallsupervisor` in a subprocess."""

from __future__ import annotations

import datetime as _dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hallsupervisor.demo.generate import build_demo

DEMO_NOW = _dt.datetime(2026, 11, 25, 12, 0, 0)


@pytest.fixture(scope="session")
def cli_demo_template(tmp_path_factory) -> Path:
    """One demo database per session; tests copy it."""
    path = tmp_path_factory.mktemp("cli-demo-template") / "demo.sqlite"
    build_demo(path, now=DEMO_NOW)
    return path


@pytest.fixture
def home(tmp_path) -> Path:
    """The app-data folder the command sees (HALLSUPERVISOR_HOME)."""
    folder = tmp_path / "cli-home"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.fixture
def cli_db(cli_demo_template, tmp_path) -> Path:
    folder = tmp_path / "hall"
    folder.mkdir()
    target = folder / "hall.sqlite"
    shutil.copyfile(cli_demo_template, target)
    return target


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
