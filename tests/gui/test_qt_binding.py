"""The Qt binding itself must not lose references: a PySide6 release that did aborted the
program after enough signals (6.12.0 dropped a reference to True on every emit)."""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    fired = Signal()


def test_emitting_signals_keeps_the_reference_count_of_true(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda: None)
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(1000):
        emitter.fired.emit()
    gc.collect()
    assert sys.getrefcount(True) - before > -10
