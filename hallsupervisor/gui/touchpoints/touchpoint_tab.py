"""Scaffold replaced by the feature's own tab."""

from PySide6.QtWidgets import QWidget


class TouchpointTab(QWidget):
    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.store = store
