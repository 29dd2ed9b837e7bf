"""User preferences, declared once with their defaults, kept in one INI file (QSettings).

The file lives in the application-data folder beside the logs, so HALLSUPERVISOR_HOME moves
everything at once (tests, the demo, the frozen self-test).
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from hallsupervisor import paths

DEFAULTS = {
    "ui/language": "zh_CN",
    "ui/last_tab": 0,
    "ui/font_scale": 1.0,
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "today/splitter": QByteArray(),
    "profile/geometry": QByteArray(),
    "touchpoints/period_days": 7,
    "map/snap": True,
    "map/show_grid": True,
    "map/splitter": QByteArray(),
    "touchpoints/board_mode": "cards",
    "touchpoints/board_group": "status",
}


class Settings:
    def __init__(self, qsettings: QSettings | None = None):
        if qsettings is None:
            folder = paths.app_data_dir()
            folder.mkdir(parents=True, exist_ok=True)
            qsettings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
        self.q = qsettings

    def get(self, key: str):
        default = DEFAULTS[key]
        value = self.q.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true", "1", 1)
        if isinstance(default, int):
            try:
                return int(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, float):
            try:
                return float(value)
            except (TypeError, ValueError):
                return default
        if isinstance(default, QByteArray) and not isinstance(value, QByteArray):
            return default
        return value

    def set(self, key: str, value) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.q.setValue(key, value)
        self.q.sync()
