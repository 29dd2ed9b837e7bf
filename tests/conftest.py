"""Shared fixtures: headless Qt, an app-data folder per test, real demo databases."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

# A fixed moment inside opening hours, so the demo history and Today agree in every run.
DEMO_NOW = dt.datetime(2026, 11, 25, 10, 40)


@pytest.fixture(autouse=True)
def app_home(tmp_path, monkeypatch) -> Path:
    """Settings, logs and the default database of each test live in its own folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HALLSUPERVISOR_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory) -> Path:
    from hallsupervisor.demo.generate import build_demo

    path = tmp_path_factory.mktemp("demo-template") / "demo.sqlite"
    build_demo(path, now=DEMO_NOW)
    for suffix in ("-wal", "-shm"):  # closed cleanly: a plain copy is the whole database
        assert not path.with_name(path.name + suffix).exists()
    return path


@pytest.fixture
def demo_db(demo_template, tmp_path) -> Path:
    """A private copy of the demo database, alone in its own folder, for one test."""
    folder = tmp_path / "hall"
    folder.mkdir()
    target = folder / "hall.sqlite"
    shutil.copyfile(demo_template, target)
    return target
