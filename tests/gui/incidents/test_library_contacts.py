"""The hall's own emergency numbers: edited in the hall profile with its undo, stored at once,
and shown with every playbook after 119/120/110."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hallsupervisor.storage import playbooks as library
from tests.conftest import DEMO_NOW
from tests.gui.conftest import activate, type_text
from tests.storage.incident_helpers import make_hall


@pytest.fixture
def hall(tmp_path):
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    store, hall_id = make_hall(path)
    yield store, hall_id
    store.close()


def typed_into_cell(qtbot, view, row, column, text):
    qtbot.wait(10)
    view.setFocus()
    view.setCurrentIndex(view.model().index(row, column))
    qtbot.keyClick(view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: view.viewport().isAncestorOf(QApplication.focusWidget()))
    editor = QApplication.focusWidget()
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Delete)
    type_text(qtbot, editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_contacts_in_the_profile_show_with_the_playbooks(hall, app, settings, qtbot):
    from hallsupervisor.gui.incidents.incidents_tab import IncidentsTab
    from hallsupervisor.gui.profile.profile_dialog import HallProfileDialog

    store, hall_id = hall
    dialog = HallProfileDialog(store, settings)
    qtbot.addWidget(dialog)
    activate(qtbot, dialog)
    page = dialog.contacts_page
    dialog.ui.pages.setCurrentWidget(page)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(library.hall_contacts(store, hall_id)) == 1)
    table = page.table
    typed_into_cell(qtbot, table, 0, 0, "物业值班室")
    typed_into_cell(qtbot, table, 0, 2, "0531-8601 2345")
    qtbot.waitUntil(lambda: library.hall_contacts(store, hall_id)[0].number == "0531-8601 2345")
    assert library.hall_contacts(store, hall_id)[0].name.zh == "物业值班室"

    # Not a phone number: refused with the reason, nothing stored.
    typed_into_cell(qtbot, table, 0, 2, "找老王")
    qtbot.waitUntil(lambda: page.message.isVisible())
    assert "不像电话号码" in page.message.text()
    assert library.hall_contacts(store, hall_id)[0].number == "0531-8601 2345"

    # The profile's undo takes the number back, redo puts it again.
    qtbot.keyClick(dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.hall_contacts(store, hall_id)[0].number == "000"
    qtbot.keyClick(
        dialog, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert library.hall_contacts(store, hall_id)[0].number == "0531-8601 2345"
    dialog.accept()

    tab = IncidentsTab(store, settings, clock=lambda: DEMO_NOW)
    qtbot.addWidget(tab)
    tab.open_playbook("fire")
    text = tab.library.detail.toPlainText()
    assert text.index("119") < text.index("120") < text.index("0531-8601 2345 物业值班室")
