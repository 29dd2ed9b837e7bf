"""投诉登记 The complaint register with its time limits and a Pareto chart of categories."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

_t = QCoreApplication.translate


class ComplaintsView(QWidget):
    changed = Signal()

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("complaintsView")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        QVBoxLayout(self)
