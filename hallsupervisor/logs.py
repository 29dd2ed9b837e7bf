"""Rotating log files in the application-data folder, set up before anything else."""

from __future__ import annotations

import faulthandler
import logging
import logging.handlers
from pathlib import Path

from hallsupervisor import paths

LOG_FILE_NAME = "hallsupervisor.log"
_fault_file = None


def log_file() -> Path:
    return paths.log_dir() / LOG_FILE_NAME


def setup_logging(level: int = logging.INFO) -> Path | None:
    """Log to a rotating file; returns its path, or None when the folder is unwritable."""
    global _fault_file
    root = logging.getLogger()
    root.setLevel(level)
    target = log_file()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            target, maxBytes=1_000_000, backupCount=5, encoding="utf-8"
        )
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
