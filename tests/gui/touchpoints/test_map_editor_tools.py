"""The editor's other tools: walls and furniture, copy and paste, delete, align, turn,
resize, the properties form, zoom and pan, the traced background and its scale."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QWheelEvent
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from hallsupervisor.storage import hall_maps
from tests.gui.conftest import activate
from tests.gui.inspection.conftest import when_dialog_opens
from tests.gui.touchpoints.test_map_editor import (
    CTRL,
    LEFT,
    NO_MOD,
    at,
    click_palette,
    drag,
    key,
    make_hall_db,
    open_map_tab,
    start_blank,
    stored,
    zones,
)


@pytest.fixture
def blank(open_window, qtbot, tmp_path):
    """The map tab on a hall that has just started a blank 20 x 12 m plan."""
    db = make_hall_db(tmp_path)
    window, tab = open_map_tab(open_window, qtbot, db)
    start_blank(qtbot, tab)
    return window, tab, db


def draw_zone(qtbot, tab, subtype, x0, y0, x1, y1):
    click_palette(qtbot, tab, "zone", subtype)
    drag(qtbot, tab.view, at(tab.view, x0, y0), at(tab.view, x1, y1))


def test_walls_doors_and_furniture(blank, qtbot):
    window, tab, db = blank
    click_palette(qtbot, tab, "wall")
    drag(qtbot, tab.view, at(tab.view, 1, 1), at(tab.view, 9.1, 1.3))  # kept straight
    click_palette(qtbot, tab, "wall")
    drag(qtbot, tab.view, at(tab.view, 1, 1), at(tab.view, 1.2, 7))
    click_palette(qtbot, tab, "door")
    drag(qtbot, tab.view, at(tab.view, 3, 1), at(tab.view, 4.5, 1))
    click_palette(qtbot, tab, "furniture", "counter")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 5, 4))
    elements = stored(db)["elements"]
    assert ("wall", "", "", 1.0, 0.88, 8.0, 0.24, 0.0) in elements
    assert ("wall", "", "", 0.88, 1.0, 0.24, 6.0, 0.0) in elements
    assert ("door", "", "", 3.0, 0.88, 1.5, 0.24, 0.0) in elements
    assert ("furniture", "counter", "", 4.1, 3.6, 1.8, 0.8, 0.0) in elements


def test_copy_paste_and_delete_with_undo(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "counters", 2, 2, 6, 4)
    key(qtbot, tab, Qt.Key.Key_C, CTRL)
    key(qtbot, tab, Qt.Key.Key_V, CTRL)
    key(qtbot, tab, Qt.Key.Key_V, CTRL)
    assert sorted(z[3:5] for z in zones(db)) == [(2, 2), (2.5, 2.5), (3, 3)]
    assert len(tab.scene.selected_elements()) == 1  # the last pasted copy
    key(qtbot, tab, Qt.Key.Key_Delete)
    assert sorted(z[3:5] for z in zones(db)) == [(2, 2), (2.5, 2.5)]
    key(qtbot, tab, Qt.Key.Key_A, CTRL)
    key(qtbot, tab, Qt.Key.Key_Delete)
    assert zones(db) == []
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert sorted(z[3:5] for z in zones(db)) == [(2, 2), (2.5, 2.5)]
    # Something that is not copied map elements on the clipboard pastes nothing.
    QApplication.clipboard().setText("<b>&amp; 不是平面图</b>")
    key(qtbot, tab, Qt.Key.Key_V, CTRL)
    assert len(zones(db)) == 2


def test_align_turn_and_nudge(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 5, 4)
    draw_zone(qtbot, tab, "exit", 7, 5, 8, 6)
    key(qtbot, tab, Qt.Key.Key_A, CTRL)
    tab.findChild(type(tab.align_button.menu().actions()[0]), "align_left").trigger()
    assert sorted(z[3] for z in zones(db)) == [2, 2]
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert sorted(z[3] for z in zones(db)) == [2, 7]
    # Turn the selection with R, nudge with the arrows (one step per press, one undo).
    key(qtbot, tab, Qt.Key.Key_R)
    assert [z[7] for z in zones(db)] == [90, 90]
    for _ in range(3):
        key(qtbot, tab, Qt.Key.Key_Right)
    assert sorted(z[3] for z in zones(db)) == [3.5, 8.5]
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert sorted(z[3] for z in zones(db)) == [2, 7]


def test_resize_by_its_handle_and_the_properties_form(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 5, 4)
    assert len(tab.scene.selected_elements()) == 1
    drag(qtbot, tab.view, at(tab.view, 5, 4), at(tab.view, 7.1, 5.9))
    assert zones(db) == [("zone", "waiting", "", 2, 2, 5, 4, 0)]
    # The top-left corner, dragged up and left: the bottom-right corner stays put.
    drag(qtbot, tab.view, at(tab.view, 2, 2), at(tab.view, 1.1, 0.9))
    assert zones(db) == [("zone", "waiting", "", 1, 1, 6, 5, 0)]
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert zones(db) == [("zone", "waiting", "", 2, 2, 5, 4, 0)]
    spin = tab.properties.spins["rotation"]
    spin.setValue(90)
    assert zones(db) == [("zone", "waiting", "", 2, 2, 5, 4, 90)]
    # Turned a quarter, its corner handle still resizes along the zone's own sides: the
    # bottom-right corner (now at the lower left on the map) pulled 1 m further out.
    item = next(iter(tab.scene.elements.values()))
    corner = item.mapToScene(item._rect.bottomRight())
    drag(qtbot, tab.view, tab.view.mapFromScene(corner),
         tab.view.mapFromScene(corner + QPointF(-100, 0)))
    (zone,) = zones(db)
    assert (zone[5], zone[6], zone[7]) == (5, 5, 90)
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    tab.properties.subtype.setCurrentIndex(tab.properties.subtype.findData("consultation"))
    tab.properties.subtype.activated.emit(tab.properties.subtype.currentIndex())
    tab.properties.label.setText("VIP 室 <1> & 2")
    tab.properties.label.editingFinished.emit()
    assert zones(db) == [("zone", "consultation", "VIP 室 <1> & 2", 2, 2, 5, 4, 90)]
    for _ in range(3):
        key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert zones(db) == [("zone", "waiting", "", 2, 2, 5, 4, 0)]


def test_zoom_to_the_cursor_fit_and_keyboard_pan(blank, qtbot):
    window, tab, db = blank
    view = tab.view
    cursor = at(view, 15, 3)
    before = view.mapToScene(cursor)
    scale = view.pixels_per_metre()
    wheel = QWheelEvent(QPointF(cursor), QPointF(view.viewport().mapToGlobal(cursor)),
                        QPoint(0, 0), QPoint(0, 240), Qt.MouseButton.NoButton, NO_MOD,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(view.viewport(), wheel)
    assert view.pixels_per_metre() == pytest.approx(scale * 1.25 ** 2)
    after = view.mapToScene(cursor)
    assert abs(after.x() - before.x()) < 2 and abs(after.y() - before.y()) < 2  # 2 cm
    # Keyboard: arrows pan when nothing is selected, 0 fits the hall into the window.
    tab.scene.clearSelection()
    scroll = view.horizontalScrollBar().value()
    key(qtbot, tab, Qt.Key.Key_Right)
    assert view.horizontalScrollBar().value() > scroll
    key(qtbot, tab, Qt.Key.Key_0)
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    assert shown.contains(tab.scene.map_rect())
    assert view.pixels_per_metre() == pytest.approx(scale, rel=0.01)
    key(qtbot, tab, Qt.Key.Key_Minus)
    assert view.pixels_per_metre() == pytest.approx(scale / 1.25, rel=0.01)


def test_fit_gives_the_same_view_from_any_zoom_and_selection(editor_city, qtbot):
    """F fits the hall itself: the room kept for the flow line's label and for the handles
    of a selection is measured in screen pixels and must not shrink the fitted map."""
    window, tab, _db = editor_city
    assert tab.scene.flow.isVisible()
    view = tab.view
    key(qtbot, tab, Qt.Key.Key_F)
    fitted = view.pixels_per_metre()
    hall = view.mapFromScene(tab.scene.map_rect()).boundingRect()
    viewport = view.viewport().rect()
    assert viewport.contains(hall)
    # The hall fills the window in one direction, all but the small margin around it.
    assert max(hall.width() / viewport.width(), hall.height() / viewport.height()) > 0.93
    for _ in range(6):
        key(qtbot, tab, Qt.Key.Key_Minus)
    key(qtbot, tab, Qt.Key.Key_F)
    assert view.pixels_per_metre() == pytest.approx(fitted, rel=1e-3)
    for _ in range(8):
        key(qtbot, tab, Qt.Key.Key_Plus)
    key(qtbot, tab, Qt.Key.Key_A, CTRL)
    assert tab.scene.selectedItems()
    key(qtbot, tab, Qt.Key.Key_F)
    assert view.pixels_per_metre() == pytest.approx(fitted, rel=1e-3)


def make_plan_image(path, width=400, height=240):
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    for x in range(0, width, 40):
        for y in range(height):
            image.setPixelColor(x, y, QColor("black"))
    assert image.save(str(path))
    return path


def test_background_traced_scaled_by_a_line_and_locked(blank, qtbot, tmp_path):
    window, tab, db = blank
    assert tab.set_background_file(str(make_plan_image(tmp_path / "plan.png")))
    store = tab.store
    hall_map = hall_maps.get_map(store, tab.scene.map_id)
    assert hall_map.has_background and hall_map.background_locked
    assert hall_map.background_m_per_px == pytest.approx(0.05)  # 400 px over 20 m
    assert tab.scene.background.isVisible()

    # Locked: a drag over it is a rubber band, the photo stays where it is.
    drag(qtbot, tab.view, at(tab.view, 3, 3), at(tab.view, 6, 6))
    assert tab.scene.background.pos() == QPointF(0, 0)

    # Once tracing has begun (a zone drawn), a line drawn 4 m long on it that is really 8 m
    # doubles the photo about the line's start, so what is traced stays on it.
    draw_zone(qtbot, tab, "waiting", 8, 8, 10, 10)

    def answer(dialog):
        assert isinstance(dialog, QInputDialog)
        dialog.setDoubleValue(8.0)
        dialog.accept()

    tab.start_scale()
    when_dialog_opens(qtbot, answer)
    drag(qtbot, tab.view, at(tab.view, 2, 2), at(tab.view, 6, 2))
    hall_map = hall_maps.get_map(store, tab.scene.map_id)
    assert hall_map.background_m_per_px == pytest.approx(0.1, rel=0.02)
    assert hall_map.background_x_m == pytest.approx(-2, abs=0.05)
    assert tab.scene.background.scale() == pytest.approx(10, rel=0.02)

    # Unlocked, it can be dragged into place; undo puts it back.
    activate(qtbot, window)
    tab.lock_action.trigger()
    assert not hall_maps.get_map(store, tab.scene.map_id).background_locked
    drag(qtbot, tab.view, at(tab.view, 1, 1), at(tab.view, 2, 1))
    assert hall_maps.get_map(store, tab.scene.map_id).background_x_m == pytest.approx(-1, abs=0.05)
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert hall_maps.get_map(store, tab.scene.map_id).background_x_m == pytest.approx(-2, abs=0.05)

    # Printing leaves the photo out.
    with tab.scene.printing():
        assert not tab.scene.background.isVisible()
    assert tab.scene.background.isVisible()


def test_the_scale_line_is_not_snapped_to_the_grid(blank, qtbot, tmp_path):
    """A length on the photo rarely starts on the grid: the line follows the mouse exactly
    (snapped to 0.5 m, a 3.7 m line would be read as 3.5 m and the plan 6 % off)."""
    window, tab, db = blank
    assert tab.scene.snap_enabled
    assert tab.set_background_file(str(make_plan_image(tmp_path / "plan.png")))  # 0.05 m/px

    def answer(dialog):
        dialog.setDoubleValue(7.4)
        dialog.accept()

    tab.start_scale()
    when_dialog_opens(qtbot, answer)
    start, end = at(tab.view, 2.15, 3.1), at(tab.view, 5.85, 3.1)
    drawn = (tab.view.mapToScene(end).x() - tab.view.mapToScene(start).x()) / 100
    assert drawn == pytest.approx(3.7, abs=0.05)
    drag(qtbot, tab.view, start, end)
    hall_map = hall_maps.get_map(tab.store, tab.scene.map_id)
    m_per_px = 0.05 * 7.4 / drawn
    assert hall_map.background_m_per_px == pytest.approx(m_per_px, rel=1e-3)
    # Nothing was drawn yet: the photo goes to the corner and the hall takes its size
    # (400 x 240 px, to the nearest grid step), all of it in view.
    assert (hall_map.background_x_m, hall_map.background_y_m) == (0, 0)
    assert (hall_map.width_m, hall_map.depth_m) == (40.0, 24.0)
    assert "40 × 24" in tab.hint.text()
    qtbot.waitUntil(lambda: tab.view.mapToScene(tab.view.viewport().rect()).boundingRect()
                    .contains(tab.scene.map_rect()))
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)  # one undo: scale, place and size back
    hall_map = hall_maps.get_map(tab.store, tab.scene.map_id)
    assert (hall_map.width_m, hall_map.depth_m, hall_map.background_m_per_px) == (20, 12, 0.05)


def test_a_file_that_is_not_an_image_is_refused_in_chinese(blank, qtbot, tmp_path):
    window, tab, db = blank
    bad = tmp_path / "plan.png"
    bad.write_bytes(b"<html>&not an image</html>")
    seen = []

    def close(dialog):
        assert isinstance(dialog, QMessageBox)
        seen.append(dialog.text())
        dialog.accept()

    when_dialog_opens(qtbot, close)
    assert not tab.set_background_file(str(bad))
    assert "不是可以使用的图片" in seen[0]
    assert not hall_maps.get_map(tab.store, tab.scene.map_id).has_background
    assert tab.undo_stack.count() == 0


def test_replacing_the_map_with_a_starter_asks_first(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 5, 4)
    when_dialog_opens(qtbot, lambda d: d.button(QMessageBox.StandardButton.No).click())
    tab.findChild(type(tab.export_action), "replace_telecom_hall").trigger()
    assert len(zones(db)) == 1
    when_dialog_opens(qtbot, lambda d: d.button(QMessageBox.StandardButton.Yes).click())
    tab.findChild(type(tab.export_action), "replace_telecom_hall").trigger()
    assert stored(db)["map"] == (24, 15, 0.5)
    assert len(stored(db)["touchpoints"]) == 11
    assert tab.undo_stack.count() == 0


def test_backspace_takes_a_flow_corner_back_while_drawing(blank, qtbot):
    window, tab, db = blank
    click_palette(qtbot, tab, "flow")
    viewport = tab.view.viewport()
    for x, y in ((1, 10), (5, 10), (9, 9)):
        qtbot.mouseClick(viewport, LEFT, NO_MOD, at(tab.view, x, y))
    key(qtbot, tab, Qt.Key.Key_Backspace)
    qtbot.mouseDClick(viewport, LEFT, NO_MOD, at(tab.view, 5, 4))
    assert stored(db)["flow"] == [(1, 10), (5, 10), (5, 4)]


def test_pan_with_the_middle_button_and_with_space(blank, qtbot):
    window, tab, db = blank
    view = tab.view
    key(qtbot, tab, Qt.Key.Key_Plus)
    key(qtbot, tab, Qt.Key.Key_Plus)
    centre = view.mapToScene(view.viewport().rect().center())
    viewport = view.viewport()
    start, end = QPoint(300, 300), QPoint(200, 250)
    qtbot.mousePress(viewport, Qt.MouseButton.MiddleButton, NO_MOD, start)
    from PySide6.QtTest import QTest

    QTest.mouseMove(viewport, end)
    qtbot.mouseRelease(viewport, Qt.MouseButton.MiddleButton, NO_MOD, end)
    moved = view.mapToScene(view.viewport().rect().center()) - centre
    assert moved.x() > 50 and moved.y() > 20  # the map followed the hand: we look further on
    # Space held: a left drag pans too, and draws no rubber band or selection.
    centre = view.mapToScene(view.viewport().rect().center())
    qtbot.keyPress(view, Qt.Key.Key_Space)
    drag(qtbot, view, QPoint(300, 300), QPoint(350, 300))
    qtbot.keyRelease(view, Qt.Key.Key_Space)
    assert view.mapToScene(view.viewport().rect().center()).x() < centre.x() - 20
    assert tab.scene.selectedItems() == []
    assert stored(db)["elements"] == []


def test_double_click_a_pin_to_edit_it_and_undo_the_edit(blank, qtbot):
    window, tab, db = blank
    click_palette(qtbot, tab, "touchpoint")
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 6, 6))

    def rename(dialog):
        dialog.findChild(type(dialog.name), "tpName").setText("取号机 <旁> & 引导")
        dialog.accept()

    when_dialog_opens(qtbot, rename)
    qtbot.mouseDClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 6, 6))
    assert stored(db)["touchpoints"] == [("TP01", "取号机 <旁> & 引导", 6.0, 6.0)]
    pin = next(iter(tab.scene.pins.values()))
    assert pin.name == "取号机 <旁> & 引导"
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert stored(db)["touchpoints"] == [("TP01", "新触点", 6.0, 6.0)]
    assert pin.name == "新触点"


# A popup menu on the offscreen platform: notices that it cannot grab the keyboard or raise.
@pytest.mark.qt_log_ignore("This plugin does not support grabbing the keyboard",
                           "This plugin does not support raise")
def test_right_click_selects_the_item_and_offers_what_can_be_done(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 5, 4)
    draw_zone(qtbot, tab, "exit", 7, 5, 9, 7)
    offered = []

    def choose_delete():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, choose_delete)
            return
        offered.extend(a.text() for a in menu.actions() if a.text())
        next(a for a in menu.actions() if a.text() == "删除").trigger()
        menu.close()

    QTimer.singleShot(0, choose_delete)
    point = at(tab.view, 3, 3)
    tab.view.customContextMenuRequested.emit(point)
    assert {"复制", "粘贴", "删除", "旋转 90°", "对齐"} <= set(offered)
    assert [z[1] for z in zones(db)] == ["exit"]


def test_a_read_only_database_shows_the_map_without_editing(app, settings, qtbot, tmp_path):
    from hallsupervisor.gui.touchpoints.touchpoint_tab import TouchpointTab
    from hallsupervisor.storage import halls
    from hallsupervisor.storage.database import Store

    db = make_hall_db(tmp_path)
    store = Store.open(db)
    hall_maps.install_starter(store, halls.current_hall_id(store), "rural_station")
    store.close()
    before = stored(db)
    store = Store.open(db, read_only=True)
    tab = TouchpointTab(store, settings)
    qtbot.addWidget(tab)
    tab.resize(1200, 700)
    activate(qtbot, tab)
    assert tab.scene.map_id and len(tab.scene.pins) == 9
    assert not tab.palette.isEnabled() and not tab.delete_action.isEnabled()
    assert tab.fit_action.isEnabled() and tab.read_only_note.isVisibleTo(tab)
    drag(qtbot, tab.view, at(tab.view, 6.5, 4.5), at(tab.view, 8, 5))  # a seat in the waiting area
    key(qtbot, tab, Qt.Key.Key_Delete)
    assert tab.undo_stack.count() == 0
    store.close()
    assert stored(db) == before


def test_a_box_selects_several_and_they_move_together_on_the_grid(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 4, 4)
    draw_zone(qtbot, tab, "exit", 5, 2, 6, 3)
    draw_zone(qtbot, tab, "entrance", 10, 8, 12, 10)
    tab.scene.clearSelection()
    drag(qtbot, tab.view, at(tab.view, 1.5, 1.5), at(tab.view, 7, 4.5))  # a rubber band
    assert len(tab.scene.selected_elements()) == 2
    drag(qtbot, tab.view, at(tab.view, 3, 3), at(tab.view, 4.1, 4.9))
    assert sorted(z[1:5] for z in zones(db)) == [
        ("entrance", "", 10, 8), ("exit", "", 6, 4), ("waiting", "", 3, 4)]
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)  # one step for the whole group
    assert sorted(z[1:5] for z in zones(db)) == [
        ("entrance", "", 10, 8), ("exit", "", 5, 2), ("waiting", "", 2, 2)]
    # Ctrl+click adds to the selection.
    tab.scene.clearSelection()
    qtbot.mouseClick(tab.view.viewport(), LEFT, NO_MOD, at(tab.view, 3, 3))
    qtbot.mouseClick(tab.view.viewport(), LEFT, CTRL, at(tab.view, 11, 9))
    assert len(tab.scene.selected_elements()) == 2


def test_start_from_a_photo_then_set_the_hall_size(open_window, qtbot, tmp_path, monkeypatch):
    from hallsupervisor.gui.touchpoints import background as backgrounds

    db = make_hall_db(tmp_path)
    window, tab = open_map_tab(open_window, qtbot, db)
    photo = make_plan_image(tmp_path / "plan.png", 800, 480)
    monkeypatch.setattr(backgrounds, "choose_image_file", lambda parent: str(photo))
    qtbot.mouseClick(tab.findChild(type(tab.start_buttons["city_hall"]), "startPhoto"), LEFT)
    hall_map = hall_maps.current_map(tab.store, tab.hall_id)
    assert hall_map.has_background and hall_map.background_locked
    assert tab.scene.tool == "scale"  # next: draw a line of known length
    assert stored(db)["elements"] == []

    def resize(dialog):
        dialog.findChild(type(dialog.width), "mapWidth").setValue(32)
        dialog.findChild(type(dialog.width), "mapDepth").setValue(18.5)
        dialog.accept()

    key(qtbot, tab, Qt.Key.Key_Escape)
    when_dialog_opens(qtbot, resize)
    tab.size_action.trigger()
    assert stored(db)["map"] == (32, 18.5, 0.5)
    assert tab.scene.map_rect().width() == 3200
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert stored(db)["map"] == (20, 12, 0.5)


def test_a_second_photo_replaces_the_first_and_undo_brings_it_back(blank, qtbot, tmp_path):
    window, tab, db = blank
    assert tab.set_background_file(str(make_plan_image(tmp_path / "a.png", 400, 240)))
    assert tab.set_background_file(str(make_plan_image(tmp_path / "b.png", 200, 100)))
    assert tab.scene.background.pixmap().width() == 200
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert tab.scene.background.pixmap().width() == 400
    tab.remove_background_action.trigger()
    assert not tab.scene.background.isVisible()
    assert hall_maps.background(tab.store, tab.scene.map_id) is None
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert tab.scene.background.isVisible()


def test_a_group_off_the_grid_keeps_its_spacing_when_moved(editor_city, qtbot):
    window, tab, db = editor_city
    counters = [i for i in tab.scene.elements.values() if i.element.subtype == "counter"]
    counters = sorted(counters, key=lambda i: i.element.x)[:3]
    xs = [i.element.x for i in counters]
    assert xs == [6.8, 9.1, 11.4]  # 2.3 m apart: not on the half-metre grid
    tab.scene.clearSelection()
    for item in counters:
        item.setSelected(True)
    grab = counters[1].element
    start = at(tab.view, grab.x + 0.9, grab.y + 0.4)
    drag(qtbot, tab.view, start, at(tab.view, grab.x + 0.9 + 1.0, grab.y + 0.4 + 0.9))
    moved = sorted((e[3], e[4]) for e in stored(db)["elements"]
                   if e[1] == "counter" and e[4] != 3.2)
    # A built-in label shows in English in an English interface; renamed, it has no English.
    from hallsupervisor.gui.touchpoints.map_items import element_name

    assert counters[0].element.props["label_en"] == "Window 1"
    tab.scene.clearSelection()
    counters[0].setSelected(True)
    tab.properties.label.setText("综合窗口")
    tab.properties.label.editingFinished.emit()
    assert "label_en" not in counters[0].element.props
    assert element_name(counters[0].element) == "综合窗口"
    # The counter under the mouse lands on the grid (9.1 + 1.0 -> 10.0); the others keep
    # their 2.3 m.
    assert moved == [(7.7, 4.0), (10.0, 4.0), (12.3, 4.0)]


@pytest.fixture
def editor_city(open_window, qtbot, tmp_path):
    db = make_hall_db(tmp_path)
    window, tab = open_map_tab(open_window, qtbot, db)
    qtbot.mouseClick(tab.start_buttons["city_hall"], LEFT)
    qtbot.waitUntil(lambda: tab.scene.map_id is not None)
    return window, tab, db


def test_turn_by_the_knob_in_steps_of_fifteen_degrees(blank, qtbot):
    window, tab, db = blank
    draw_zone(qtbot, tab, "counters", 4, 4, 8, 6)
    item = next(iter(tab.scene.elements.values()))
    knob = item.mapToScene(item._handles()["rotate"].center())
    centre = item.mapToScene(item._rect.center())
    # To the right of the centre, a little below: a quarter turn clockwise (snapped).
    drag(qtbot, tab.view, tab.view.mapFromScene(knob),
         tab.view.mapFromScene(centre + QPointF(300, 20)))
    assert zones(db) == [("zone", "counters", "", 4, 4, 4, 2, 90)]
    key(qtbot, tab, Qt.Key.Key_Z, CTRL)
    assert zones(db) == [("zone", "counters", "", 4, 4, 4, 2, 0)]


def test_the_size_being_drawn_and_the_cursor_are_shown_in_metres(blank, qtbot):
    from PySide6.QtTest import QTest

    window, tab, db = blank
    click_palette(qtbot, tab, "zone", "waiting")
    viewport = tab.view.viewport()
    qtbot.mousePress(viewport, LEFT, NO_MOD, at(tab.view, 2, 2))
    QTest.mouseMove(viewport, at(tab.view, 6.1, 4.9))
    assert tab.scene.preview.measure() == "4.00 × 3.00 m"
    x_text, y_text = tab.cursor_info.text().removesuffix(" m").split("  ")
    assert float(x_text[2:]) == pytest.approx(6.1, abs=0.05)
    assert float(y_text[2:]) == pytest.approx(4.9, abs=0.05)
    qtbot.mouseRelease(viewport, LEFT, NO_MOD, at(tab.view, 6.1, 4.9))
    assert tab.scene.preview.measure() == ""
    click_palette(qtbot, tab, "wall")
    qtbot.mousePress(viewport, LEFT, NO_MOD, at(tab.view, 1, 1))
    QTest.mouseMove(viewport, at(tab.view, 9.6, 1.2))
    assert tab.scene.preview.measure() == "8.50 m"
    qtbot.mouseRelease(viewport, LEFT, NO_MOD, at(tab.view, 9.6, 1.2))


def test_render_to_draws_the_map_for_paper(blank, qtbot):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    window, tab, db = blank
    draw_zone(qtbot, tab, "waiting", 2, 2, 18, 10)
    assert tab.scene.selected_elements()
    image = QImage(1000, 1000, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    tab.scene.render_to(painter, QRectF(0, 0, 1000, 1000))
    painter.end()
    # Centred: the wide hall leaves equal white bands above and below; the waiting area's
    # colour in the middle; no grid line in the empty margin of the hall.
    assert image.pixelColor(500, 500) != QColor("white")
    assert image.pixelColor(500, 50) == QColor("white")
    assert image.pixelColor(500, 950) == QColor("white")
    # Inside the hall, left of the zone, across the 1 m grid line (x 0.65-1.4 m, y 2.4 m).
    row = {image.pixelColor(x, 330).name() for x in range(55, 90)}
    assert row == {"#ffffff"}, row
    assert tab.scene.selected_elements()  # the selection comes back after printing
