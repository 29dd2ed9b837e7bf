"""Runs the run view in its own process on a database and ticks steps by key press, telling
the test on stdout after each; then waits to be killed. Used by test_run_kill.py:

    python -m tests.gui.incidents.kill_driver DB PLAYBOOK_ID TICKS
"""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main(db: str, playbook_id: str, ticks: int) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from hallsupervisor.gui.incidents.run_view import RunView
    from hallsupervisor.gui.settings import Settings
    from hallsupervisor.storage import halls
    from hallsupervisor.storage import incidents as records
    from hallsupervisor.storage.database import Store

    app = QApplication([])
    store = Store.open(db)
    store.hall_id = halls.current_hall_id(store)
    view = RunView(store, Settings())
    view.show()
    incident_id = records.start(store, store.hall_id, playbook_id, location="测试")
    view.show_incident(incident_id)
    print(f"STARTED {incident_id}", flush=True)
    for _ in range(ticks):
        step_id = view.steps.currentItem().data(Qt.ItemDataRole.UserRole + 1)
        QTest.keyClick(view.steps, Qt.Key.Key_Space)
        app.processEvents()
        print(f"TICKED {step_id}", flush=True)
    print("WAITING", flush=True)
    while True:  # mid-run: the clock ticks, nothing is closed or saved on purpose
        app.processEvents()
        time.sleep(0.05)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]))
