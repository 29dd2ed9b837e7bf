"""An incident logged in the 突发事件 tab at a touchpoint, the whole way in the real window:
the pin turns red while the incident is open, the why list names the incident, and once it
is closed the touchpoint is amber (one closed incident is a warning, not an alarm)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.gui.touchpoints.panel import ID_ROLE, KIND_ROLE
from hallsupervisor.storage import incidents
from tests.gui.conftest import activate, type_text
from tests.gui.inspection.conftest import when_dialog_opens


def _answer(qtbot, fill):
    def handle(dialog):
        fill(dialog)
        qtbot.keyClick(dialog.focusWidget() or dialog, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, handle)


def _map_tab(qtbot, window):
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tab = window.touchpoints
    qtbot.waitUntil(tab.isVisible)
    return tab


def _why_lines(panel) -> list[str]:
    model = panel.why_model
    lines = []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            lines.append(index.data())
            walk(index)

    walk(QModelIndex())
    return lines


def _why_index(panel, text: str):
    model = panel.why_model
    found = model.match(model.index(0, 0), Qt.ItemDataRole.DisplayRole, text, 1,
                        Qt.MatchFlag.MatchContains | Qt.MatchFlag.MatchRecursive)
    assert found, text
    return found[0]


def test_an_incident_at_a_touchpoint_colours_it_and_shows_in_its_why(open_window, demo_db,
                                                                      qtbot):
    window = open_window(demo_db)
    window.resize(1366, 768)
    tab = _map_tab(qtbot, window)
    # A touchpoint the demo has as green (its checks passed, no incident there).
    point = next(tp for tp in tab.panel.touchpoints if tab.panel.statuses[tp.id] == st.OK)
    assert tab.scene.pin_for(point.id).status == st.OK

    # F12, 晕倒 by its initials, Enter, Enter: the run starts.
    qtbot.keyClick(window, Qt.Key.Key_F12)
    incidents_tab = window.incidents
    qtbot.waitUntil(lambda: incidents_tab.library.search.hasFocus())
    qtbot.keyClicks(QApplication.focusWidget(), "yd")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: incidents_tab.library.start_button.hasFocus())

    def where(dialog):
        edit = dialog.findChild(QLineEdit, "incidentLocation")
        edit.setFocus()
        type_text(qtbot, edit, "门口")

    _answer(qtbot, where)
    qtbot.keyClick(incidents_tab.library.start_button, Qt.Key.Key_Return)
    view = incidents_tab.run_view
    qtbot.waitUntil(lambda: len(view.open_incidents()) == 1)
    incident_id = view.current_id()
    store = view.store

    # L: the place and the touchpoint, chosen by its code and name.
    def place(dialog):
        combo = dialog.findChild(QComboBox, "placeTouchpoint")
        combo.setCurrentIndex(combo.findText(f"{point.code} {point.name}"))
        dialog.location.setFocus()

    _answer(qtbot, place)
    activate(qtbot, window)
    view.steps.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: incidents.get(store, incident_id).touchpoint_id == point.id)

    # Back on the map the pin is red, and a click on it says why.
    tab = _map_tab(qtbot, window)
    pin = tab.scene.pin_for(point.id)
    qtbot.waitUntil(lambda: pin.status == st.BAD)
    tab.view.centerOn(pin)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton,
                     pos=tab.view.mapFromScene(pin.scenePos()))
    qtbot.waitUntil(lambda: tab.panel.current_id == point.id)
    lines = _why_lines(tab.panel)
    assert "此处发生事件 1 起，未结束 1 起" in lines, lines
    assert any("顾客突发疾病或晕倒" in line and "未结束" in line for line in lines), lines
    assert tab.panel.why.isVisible()

    # Enter on the incident's line opens it where it is being handled.
    why = tab.panel.why
    spot = why.visualRect(_why_index(tab.panel, "顾客突发疾病或晕倒")).center()
    qtbot.mouseClick(why.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.keyClick(why, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: incidents_tab.isVisible())
    assert incidents_tab.pages.currentWidget() is view
    assert view.current_id() == incident_id

    # Closed in the incidents tab (Ctrl+Enter), the touchpoint is amber: still worth a look.

    def close(dialog):
        combo = dialog.findChild(QComboBox, "closeTouchpoint")
        assert combo.currentData() == point.id  # the place chosen during the run carries over
        edit = dialog.findChild(QLineEdit, "closeOutcome")
        edit.setFocus()
        type_text(qtbot, edit, "已送医")

    _answer(qtbot, close)
    activate(qtbot, window)
    view.steps.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.open_incidents())
    tab = _map_tab(qtbot, window)
    qtbot.waitUntil(lambda: pin.status == st.WATCH)
    tab.panel.show_touchpoint(point.id)
    assert "此处发生事件 1 起，均已结束" in _why_lines(tab.panel)
    # A closed one opens on the reports page, chosen for printing.
    why = tab.panel.why
    qtbot.waitUntil(why.isVisible)
    spot = why.visualRect(_why_index(tab.panel, "顾客突发疾病或晕倒")).center()
    qtbot.mouseClick(why.viewport(), Qt.MouseButton.LeftButton, pos=spot)
    qtbot.keyClick(why, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: incidents_tab.isVisible())
    assert incidents_tab.pages.currentWidget() is incidents_tab.reports
    assert incidents_tab.reports.incident_combo.currentData() == incident_id


def test_a_round_in_the_why_list_opens_in_the_inspection_tab(open_window, demo_db, qtbot):
    window = open_window(demo_db)
    window.resize(1366, 768)
    tab = _map_tab(qtbot, window)
    # A touchpoint whose why list names a round that found a failure.
    model = tab.panel.why_model
    for point in tab.panel.touchpoints:
        tab.panel.show_touchpoint(point.id)
        rounds = model.match(model.index(0, 0), KIND_ROLE, "round", 1,
                             Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
        if rounds:
            break
    assert rounds, "no touchpoint of the demo names a round"
    round_id = rounds[0].data(ID_ROLE)
    why = tab.panel.why
    qtbot.waitUntil(why.isVisible)
    why.scrollTo(rounds[0])
    qtbot.mouseClick(why.viewport(), Qt.MouseButton.LeftButton,
                     pos=why.visualRect(rounds[0]).center())
    qtbot.keyClick(why, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 1)
    record = window.inspection.round_view.record
    assert record is not None and record.id == round_id

