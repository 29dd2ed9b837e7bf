"""Where things live on disk: one module, so tests, demos and the frozen build agree."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from hallsupervisor import APP_NAME

# Tests and the self-test point this at a temporary folder.
HOME_ENV = "HALLSUPERVISOR_HOME"


def app_data_dir() -> Path:
    """The platform's per-user application-data folder for the app."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / APP_NAME


def default_db_path() -> Path:
    return app_data_dir() / "hallsupervisor.sqlite"


def demo_db_path() -> Path:
    return app_data_dir() / "demo.sqlite"


def log_dir() -> Path:
    return app_data_dir() / "logs"


def resources_dir() -> Path:
    """Bundled resources: inside a PyInstaller bundle, a wheel, or the source tree."""
    frozen = getattr(sys, "_MEIPASS", None)
    candidates = []
    if frozen:
        candidates.append(Path(frozen) / "resources")
    package = Path(__file__).resolve().parent
    candidates += [package / "resources", package.parent / "resources"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return candidates[-1]


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def packs_dir() -> Path:
    return resources_dir() / "packs"


def translations_dir() -> Path:
    return resources_dir() / "translations"


CJK_FONT_FILE = "wqy-microhei.ttc"
CJK_FONT_FAMILY = "WenQuanYi Micro Hei"
