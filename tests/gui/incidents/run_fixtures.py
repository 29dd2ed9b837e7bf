"""A hall with staff and one playbook for the run-view tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.storage import halls
from tests.gui.inspection.conftest import when_dialog_opens
from tests.storage.incident_helpers import add_playbook, make_hall

NOW = dt.datetime(2026, 11, 25, 10, 40)


def hall_with_playbook(path) -> tuple[str, str]:
    """(hall id, playbook id) in a new database at `path` (closed again)."""
    store, hall_id = make_hall(path)
    for member in (StaffMember("王丽", "GD1001", "supervisor"),
                   StaffMember("李强", "GD1002", "counter"),
                   StaffMember("赵敏", "GD1003", "guide")):
        halls.add_staff(store, hall_id, member)
    playbook_id = add_playbook(store, hall_id)
    store.close()
    return hall_id, playbook_id


class Clock:
    """A clock a test moves on by hand."""

    def __init__(self, now: dt.datetime = NOW):
        self.now = now

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += dt.timedelta(**delta)


def answer(qtbot, fill) -> list:
    """Fills the next dialog with `fill(dialog)` and confirms it with Enter, as a user would;
    the list returned holds the dialog once it was answered."""
    done = []

    def handle(dialog):
        fill(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)
        done.append(dialog)

    when_dialog_opens(qtbot, handle)
    return done
