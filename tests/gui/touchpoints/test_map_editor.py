"""The floor-plan editor used as a supervisor would: palette, mouse and keyboard.

Everything is checked in the database too, since each edit is stored the moment it is made.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QDialogButtonBox, QWidget

from hallsupervisor.storage import hall_maps, halls
from hallsupervisor.storage import touchpoints as tps
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate
from tests.gui.inspection.conftest import when_dialog_opens

LEFT = Qt.MouseButton.LeftButton
NO_MOD = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


# -- helpers --------------------------------------------------------------------------------
def open_map_tab(open_window, qtbot, db_path):
    window = open_window(db_path)
    window.resize(1280, 800)
    activate(qtbot, window)
    window.tabs.setCurrentWidget(window.findChild(QWidget, "touchpointPage"))
    tab = window.touchpoints
    qtbot.waitUntil(lambda: tab.isVisible())
    return window, tab


def at(view, x_m: float, y_m: float) -> QPoint:
    """Where the map point (x, y) in metres is in the view's viewport."""
    return view.mapFromScene(QPointF(x_m * 100, y_m * 100))


def drag(qtbot, view, start: QPoint, end: QPoint, modifier=NO_MOD, steps: int = 5) -> None:
    viewport = view.viewport()
    qtbot.mousePress(viewport, LEFT, modifier, start)
    for step in range(1, steps + 1):
        point = start + (end - start) * (step / steps)
        from PySide6.QtTest import QTest

        QTest.mouseEvent(QTest.MouseAction.MouseMove, viewport, Qt.MouseButton.NoButton, modifier,
                         point)
    qtbot.mouseRelease(viewport, LEFT, modifier, end)


def click_palette(qtbot, tab, kind: str, subtype: str = "") -> None:
    entry = tab.palette.entry(kind, subtype)
    tab.palette.scrollToItem(entry)
    rect = tab.palette.visualItemRect(entry)
    qtbot.mouseClick(tab.palette.viewport(), LEFT, NO_MOD, rect.center())
    assert tab.scene.tool == kind


def key(qtbot, tab, key, modifier=NO_MOD) -> None:
    """A key pressed on the map (shortcuts need the window active: a dialog may have been)."""
    activate(qtbot, tab.window())
    tab.view.setFocus()
    qtbot.keyClick(tab.view, key, modifier)


def stored(db_path):
    """What the database holds for the hall's map: elements, flow line and touchpoints."""
    store = Store.open(db_path)
    try:
        hall_map = hall_maps.current_map(store, halls.current_hall_id(store))
        if hall_map is None:
            return None
        elements = sorted(
            (e.kind, e.subtype, e.label, e.x, e.y, e.w, e.h, e.rotation)
            for e in hall_maps.list_elements(store, hall_map.id)
        )
        flow = hall_maps.flow_line(store, hall_map.id).points
        points = [(t.code, t.name, t.x_m, t.y_m) for t in tps.list_touchpoints(store, hall_map.id)]
        return {"map": (hall_map.width_m, hall_map.depth_m, hall_map.grid_m), "elements": elements,
                "flow": flow, "touchpoints": points}
    finally:
        store.close()


def start_blank(qtbot, tab, width=20, depth=12):
    def fill(dialog):
        dialog.findChild(type(dialog.width), "mapWidth").setValue(width)
        dialog.findChild(type(dialog.width), "mapDepth").setValue(depth)
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    when_dialog_opens(qtbot, fill)
    qtbot.mouseClick(tab.findChild(type(tab.start_buttons["city_hall"]), "startBlank"), LEFT)
    qtbot.waitUntil(lambda: tab.scene.map_id is not None)
    qtbot.waitUntil(lambda: tab.view.pixels_per_metre() > 5)


def zones(db_path):
    return [e for e in stored(db_path)["elements"] if e[0] == "zone"]


def make_hall_db(tmp_path):
    """A hall (the electricity pack's profile) without a map yet."""
    from hallsupervisor.domain.packs import get_pack

    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    store = Store.open(path)
    halls.create_hall(store, get_pack("electricity_hall").profile_defaults("测试营业厅"))
    store.close()
    return path


@pytest.fixture
def hall_db(tmp_path):
    return make_hall_db(tmp_path)


@pytest.fixture
def editor(open_window, qtbot, hall_db):
    window, tab = open_map_tab(open_window, qtbot, hall_db)
    return window, tab, hall_db


# -- drawing, moving, undo ------------------------------------------------------------------
def test_draw_a_zone_move_it_with_snapping_undo_and_redo(editor, qtbot):
    window, tab, db = editor
    assert tab.pages.currentWidget().objectName() == "mapStartPage"
    # An electricity hall with more than three counters is offered the city hall first.
    assert tab.start_buttons["city_hall"].text().endswith("（推荐）")
    assert not tab.start_buttons["rural_station"].text().endswith("（推荐）")
    start_blank(qtbot, tab)
    assert stored(db)["map"] == (20, 12, 0.5)

    # Draw a waiting area: the corners land on the half-metre grid.
    click_palette(qtbot, tab, "zone", "waiting")
    drag(qtbot, tab.view, at(tab.view, 2.1, 1.1), at(tab.view, 6.2, 4.9))
    assert zones(db) == [("zone", "waiting", "", 2.0, 1.0, 4.0, 4.0, 0.0)]
    assert tab.scene.tool == "select"

    # Move it by 1.3 m right and 0.6 m down: it snaps to 3.5, 1.5.
    drag(qtbot, tab.view, at(tab.view, 4.0, 3.0), at(tab.view, 5.3, 3.6))
    assert zones(db) == [("zone", "waiting", "", 3.5, 1.5, 4.0, 4.0, 0.0)]

    # Holding Alt bypasses the grid.
    drag(qtbot, tab.view, at(tab.view, 5.0, 3.0), at(tab.view, 5.13, 3.0),
         Qt.KeyboardModifier.AltModifier)
    assert zones(db)[0][3] == pytest.approx(3.63, abs=0.02)

    # Undo twice: back to where it was drawn; redo: moved again.
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert zones(db) == [("zone", "waiting", "", 2.0, 1.0, 4.0, 4.0, 0.0)]
    item = next(iter(tab.scene.elements.values()))
    assert item.pos() == QPointF(200, 100)
    key(qtbot, tab, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert zones(db) == [("zone", "waiting", "", 3.5, 1.5, 4.0, 4.0, 0.0)]
    # Undo everything: the zone is gone (soft-deleted); redo brings it back.
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert zones(db) == []
    assert tab.scene.elements == {}
    key(qtbot, tab, Qt.Key.Key_Y, CTRL)
    assert zones(db) == [("zone", "waiting", "", 2.0, 1.0, 4.0, 4.0, 0.0)]
    # The toolbar's words stay put; the tooltip names the step and the key.
    step = tab.undo_stack.undoText()
    assert step and tab.undo_action.text() == "撤销"
    assert tab.undo_action.toolTip().startswith(f"撤销 {step} (")
    assert tab.redo_action.isEnabled() and tab.undo_action.isEnabled()
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert not tab.undo_action.isEnabled() and tab.redo_action.text() == "重做"


def test_snapping_can_be_switched_off(editor, qtbot):
    window, tab, db = editor
    start_blank(qtbot, tab)
    tab.snap_action.trigger()
    assert not tab.scene.snap_enabled and not window.settings.get("map/snap")
    click_palette(qtbot, tab, "zone", "exit")
    drag(qtbot, tab.view, at(tab.view, 2.13, 1.07), at(tab.view, 4.91, 3.02))
    (zone,) = zones(db)
    assert zone[3] == pytest.approx(2.13, abs=0.03) and zone[4] == pytest.approx(1.07, abs=0.03)


def test_draw_a_flow_line_with_its_length_and_warnings(editor, qtbot):
    window, tab, db = editor
    start_blank(qtbot, tab)
    click_palette(qtbot, tab, "flow")
    viewport = tab.view.viewport()
    for x, y in ((1, 10), (5, 10), (5, 4)):
        qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, x, y))
    qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, 12, 4))
    qtbot.mouseDClick(viewport, LEFT, NO_MOD, at(tab.view, 12, 4))
    assert stored(db)["flow"] == [(1, 10), (5, 10), (5, 4), (12, 4)]
    assert tab.flow_info.text() == "动线长度 17.0 米"
    assert tab.flow_warning.text() == ""

    # Redrawn so that it runs back on itself and crosses: the map warns.
    click_palette(qtbot, tab, "flow")
    for x, y in ((1, 10), (8, 10), (2, 9.5), (4, 6), (4, 11)):
        qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, x, y))
    key(qtbot, tab, Qt.Key.Key_Return)
    assert stored(db)["flow"] == [(1, 10), (8, 10), (2, 9.5), (4, 6), (4, 11)]
    assert "折返" in tab.flow_warning.text() and "交叉" in tab.flow_warning.text()
    assert len(tab.scene.flow.problems) >= 2
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert stored(db)["flow"] == [(1, 10), (5, 10), (5, 4), (12, 4)]
    assert tab.flow_warning.text() == ""


def test_flow_line_corners_can_be_dragged_added_and_removed(editor, qtbot):
    window, tab, db = editor
    start_blank(qtbot, tab)
    click_palette(qtbot, tab, "flow")
    viewport = tab.view.viewport()
    for x, y in ((1, 10), (6, 10), (6, 3)):
        qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, x, y))
    qtbot.mouseDClick(viewport, LEFT, NO_MOD, at(tab.view, 12, 3))
    before = [(1, 10), (6, 10), (6, 3), (12, 3)]
    assert stored(db)["flow"] == before
    qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, 3, 10))  # select the line
    assert tab.scene.flow.isSelected()
    # Drag a corner: it follows, on the grid.
    drag(qtbot, tab.view, at(tab.view, 6, 3), at(tab.view, 7.1, 2.9))
    assert stored(db)["flow"] == [(1, 10), (6, 10), (7, 3), (12, 3)]
    # Double-click a corner: it goes; double-click the middle of a stretch: a corner comes.
    qtbot.mouseDClick(viewport, LEFT, NO_MOD, at(tab.view, 7, 3))
    assert stored(db)["flow"] == [(1, 10), (6, 10), (12, 3)]
    qtbot.mouseDClick(viewport, LEFT, NO_MOD, at(tab.view, 3.5, 10))
    assert stored(db)["flow"] == [(1, 10), (3.5, 10), (6, 10), (12, 3)]
    for _ in range(3):
        key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert stored(db)["flow"] == before


def test_the_map_survives_closing_and_reopening_unchanged(open_window, qtbot, hall_db):
    window, tab = open_map_tab(open_window, qtbot, hall_db)
    qtbot.mouseClick(tab.start_buttons["city_hall"], LEFT)
    qtbot.waitUntil(lambda: tab.scene.map_id is not None)
    click_palette(qtbot, tab, "furniture", "plant")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 20, 16))
    click_palette(qtbot, tab, "touchpoint")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 3, 3))
    before = stored(hall_db)
    assert ("TP13", "新触点", 3.0, 3.0) in before["touchpoints"]
    shown = sorted((i.element.kind, i.element.subtype, *i.geometry().values())
                   for i in tab.scene.elements.values())
    window.close()
    window.opened.close()

    window, tab = open_map_tab(open_window, qtbot, hall_db)
    assert stored(hall_db) == before
    assert tab.pages.currentWidget() is not tab.pages.widget(0)
    again = sorted((i.element.kind, i.element.subtype, *i.geometry().values())
                   for i in tab.scene.elements.values())
    assert again == shown
    assert len(tab.scene.pins) == 13
    assert tab.scene.flow_points() == before["flow"]


def test_pins_win_clicks_over_the_zones_beneath(editor, qtbot):
    window, tab, db = editor
    qtbot.mouseClick(tab.start_buttons["city_hall"], LEFT)
    qtbot.waitUntil(lambda: tab.scene.map_id is not None)
    store = tab.store
    waiting = next(t for t in tps.list_touchpoints(store, tab.scene.map_id) if t.code == "TP05")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, waiting.x_m, waiting.y_m))
    assert tab.scene.selectedItems() == [tab.scene.pin_for(waiting.id)]
    assert tab.panel.current_id == waiting.id
    # Pins sit above everything.
    assert tab.scene.pin_for(waiting.id).zValue() > max(
        i.zValue() for i in tab.scene.elements.values())


def test_touchpoint_tool_pins_one_and_undo_takes_it_away(editor, qtbot):
    window, tab, db = editor
    start_blank(qtbot, tab)
    click_palette(qtbot, tab, "touchpoint")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 4.1, 5.2))
    assert stored(db)["touchpoints"] == [("TP01", "新触点", 4.0, 5.0)]
    assert len(tab.scene.pins) == 1
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert stored(db)["touchpoints"] == [] and tab.scene.pins == {}
    key(qtbot, tab, Qt.Key.Key_Y, CTRL)
    assert stored(db)["touchpoints"] == [("TP01", "新触点", 4.0, 5.0)]
    # Dragging a pin moves the touchpoint (not snapped: a touchpoint is a spot).
    pin = next(iter(tab.scene.pins.values()))
    drag(qtbot, tab.view, at(tab.view, 4.0, 5.0), at(tab.view, 6.0, 5.0))
    (code, name, x, y) = stored(db)["touchpoints"][0]
    assert x == pytest.approx(6.0, abs=0.1) and y == pytest.approx(5.0, abs=0.1)
    assert pin.position_m() == (x, y)
