"""处置中 Running incidents: the large, high-contrast, keyboard-first view of open runs."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

_t = QCoreApplication.translate


class RunView(QWidget):
    """Every open incident of the hall; one of them shown large at a time."""

    changed = Signal()

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("runView")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        QVBoxLayout(self)

    def open_incidents(self) -> list:
        return []

    def start(self, playbook_id: str, drill: bool = False) -> str | None:
        return None
