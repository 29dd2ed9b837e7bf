"""The whole way in the real window, by keyboard: F12, two letters, Enter, Enter starts the
playbook; roles confirmed with Enter; steps ticked and skipped; a note; Ctrl+Enter closes
with a follow-up; the follow-up is on Today and the run's timeline in its report."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLabel, QLineEdit

from hallsupervisor.domain.incidents import run
from hallsupervisor.storage import incidents
from tests.conftest import DEMO_NOW
from tests.gui.conftest import activate, type_text
from tests.gui.incidents.run_fixtures import answer


def _typed(qtbot, dialog, name, text):
    edit = dialog.findChild(QLineEdit, name)
    edit.setFocus()
    type_text(qtbot, edit, text)


def test_start_run_and_close_a_playbook_from_the_window(open_window, demo_db, qtbot, tmp_path):
    window = open_window(demo_db)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_F12)
    tab = window.incidents
    qtbot.waitUntil(lambda: tab.library.search.hasFocus())
    qtbot.keyClicks(QApplication.focusWidget(), "yd")  # 晕倒
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.library.start_button.hasFocus())
    answer(qtbot, lambda d: _typed(qtbot, d, "incidentLocation", "等候区"))
    qtbot.keyClick(tab.library.start_button, Qt.Key.Key_Return)
    view = tab.run_view
    qtbot.waitUntil(lambda: len(view.open_incidents()) == 1)
    incident_id = view.current_id()
    assert tab.pages.currentWidget() is view
    assert view.title.text() == "顾客突发疾病或晕倒"
    activate(qtbot, window)
    view.steps.setFocus()
    store = view.store

    qtbot.keyClick(view.steps, Qt.Key.Key_Space)
    qtbot.keyClick(view.steps, Qt.Key.Key_Space)
    answer(qtbot, lambda d: _typed(qtbot, d, "dialogText", "有反应，呼吸正常"))
    qtbot.keyClick(view.steps, Qt.Key.Key_S)
    qtbot.waitUntil(lambda: view.state.counts()[1] == 1)
    answer(qtbot, lambda d: _typed(qtbot, d, "dialogText", "老人说早上没吃饭"))
    qtbot.keyClick(view.steps, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(view.state.notes) == 1)
    state = incidents.load(store, incident_id)[1]
    done = [s.id for s in state.steps if s.status == run.STEP_DONE]
    assert len(done) == 2 and state.counts()[1] == 1

    def close(dialog):
        _typed(qtbot, dialog, "followUpTitle", "等候区备好温水")
        owner = dialog.findChild(QComboBox, "followUpOwner")
        owner.setCurrentIndex(1)
        dialog.follow_due.setDate(dialog.follow_due.date().addDays(-3))  # due today
        qtbot.keyClick(dialog.follow_title, Qt.Key.Key_Return)
        _typed(qtbot, dialog, "closeOutcome", "送医，家属已到")

    answer(qtbot, close)
    activate(qtbot, window)
    view.steps.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.open_incidents())

    # Today (refreshed by the tab's changed signal) lists the follow-up.
    window.tabs.setCurrentIndex(0)
    texts = [label.text() for label in window.today.findChildren(QLabel)]
    assert any("等候区备好温水" in text for text in texts), texts

    from hallsupervisor.reports import incident_report

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(incident_report.build(store, incident_id, "zh_CN"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    started = DEMO_NOW.strftime("%H:%M:%S")
    for expected in ("时间线", started, "有反应，呼吸正常", "老人说早上没吃饭", "等候区备好温水",
                     "送医，家属已到"):
        assert expected in text, expected


def test_after_a_restart_the_open_run_takes_keys_as_soon_as_its_tab_is_shown(
        open_window, demo_db, qtbot):
    from hallsupervisor.storage.database import Store

    store = Store.open(demo_db)
    hall_id = store.scalar("SELECT id FROM halls")
    playbook_id = store.scalar("SELECT id FROM playbooks WHERE code = 'fire'")
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=DEMO_NOW)
    store.close()

    window = open_window(demo_db)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    tab = window.incidents
    view = tab.run_view
    assert tab.pages.currentWidget() is view and view.current_id() == incident_id
    qtbot.waitUntil(lambda: view.steps.hasFocus())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert view.state.counts()[0] == 1
    assert incidents.load(view.store, incident_id)[1].counts()[0] == 1
    # Back from another page of the tab, the keys still go to the steps.
    tab.pages.setCurrentIndex(0)
    tab.pages.setCurrentIndex(1)
    qtbot.waitUntil(lambda: view.steps.hasFocus())
