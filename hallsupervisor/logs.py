"""Rotating log files in the application-data folder, set up before anything else."""

from __future__ import annotations

import faulthandler
import logging
import os
from pathlib import Path

from hallsupervisor import paths

LOG_FILE_NAME = "hallsupervisor.log"
MAX_BYTES = 1_000_000
KEEP = 5
_fault_file = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def rotate(target: Path, max_bytes: int = MAX_BYTES, keep: int = KEEP) -> None:
    """At start-up, a log over `max_bytes` becomes .1, .1 becomes .2 … and the oldest goes.

    Rotating once per start (rather than logging.handlers' rotation while running) keeps the
    socket and pickle modules that logging.handlers imports out of the start-up path.
    """
    if not target.exists() or target.stat().st_size < max_bytes:
        return
    for number in range(keep - 1, 0, -1):
        older = target.with_name(f"{target.name}.{number}")
        if older.exists():
            os.replace(older, target.with_name(f"{target.name}.{number + 1}"))
    os.replace(target, target.with_name(f"{target.name}.1"))


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the folder is unwritable."""
    global _fault_file
    root = logging.getLogger()
    root.setLevel(level)
    target = log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        rotate(target)
        handler = logging.FileHandler(target, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    if not any(getattr(h, "baseFilename", None) == handler.baseFilename for h in root.handlers):
        root.addHandler(handler)
    else:
        handler.close()
    # A hard crash inside Qt leaves no Python traceback; faulthandler writes one.
    if _fault_file is None:
        try:
            _fault_file = open(target.parent / "faults.log", "a", encoding="utf-8")
            faulthandler.enable(_fault_file)
        except OSError:
            pass
    return target
