"""The map as a QGraphicsScene: the hall's floor plan drawn to scale, edited with tools.

Interface for the touchpoint panel and export (issue 5 contract):
- `pin_for(touchpoint_id) -> PinItem | None`; `PinItem.set_status(status)` repaints a pin;
- `printing()`: a context manager during which the scene draws as for paper: no grid, no
  selection handles, no traced background image, no drawing preview;
- `render_to(painter, target_rect)` renders the map (`content_rect()`) that way;
- signals `pin_clicked(id)`, `pin_double_clicked(id)`, `touchpoints_changed()` (a pin was
  added, removed, moved or edited) and `edited()` (anything on the map changed).

Tools (`set_tool(kind, subtype)`): "select"; "wall" and "door" (drag along the wall);
"zone" and "furniture" (drag a rectangle, or click for the default size); "flow" (click the
corners, double-click or Enter to finish, Backspace takes the last corner back, Esc
cancels); "touchpoint" (click to pin one); "scale" (drag a line of known length over the
background). Snapping to the grid is on unless switched off (`snap_enabled`) or bypassed
by holding Alt (`map_items.SNAP_BYPASS`).
"""

from __future__ import annotations

import math
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen, QUndoStack
from PySide6.QtWidgets import QApplication, QGraphicsScene

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.domain.touchpoints.layout import MapElement
from hallsupervisor.gui import i18n
from hallsupervisor.gui.touchpoints import commands
from hallsupervisor.gui.touchpoints.background import BackgroundItem
from hallsupervisor.gui.touchpoints.map_items import (
    ElementItem,
    FlowLineItem,
    PinItem,
    PreviewItem,
    _bypass_snap,
    m_to_units,
    units_to_m,
)
from hallsupervisor.storage import hall_maps
from hallsupervisor.storage import touchpoints as tp_storage

_t = QCoreApplication.translate

SELECT, WALL, DOOR, ZONE, FURNITURE = "select", "wall", "door", "zone", "furniture"
FLOW, TOUCHPOINT, SCALE = "flow", "touchpoint", "scale"
CLICK_PX = 4  # a press and release closer than this (in screen pixels) is a click
PASTE_OFFSET_M = 0.5
OUTSIDE = QColor("#e6e8eb")
GRID_MINOR = QColor("#e3e7ec")
GRID_MAJOR = QColor("#c5ccd4")


class MapScene(QGraphicsScene):
    pin_clicked = Signal(str)
    pin_double_clicked = Signal(str)
    touchpoints_changed = Signal()
    edited = Signal()
    tool_changed = Signal(str, str)
    scale_line_drawn = Signal(float, float, float, float)  # x1, y1, x2, y2 in metres

    def __init__(self, store, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        self.hall_id: str | None = None
        self.map_id: str | None = None
        self.hall_map: hall_maps.HallMap | None = None
        self.grid_m = 0.5
        self.width_m, self.depth_m = 20.0, 12.0
        self.snap_enabled = True
        self.show_grid = True
        self.view_pixels = 1.0  # screen pixels per scene unit in the view (set by MapView)
        self.read_only = bool(getattr(store, "read_only", False))  # look, select, no edits
        self._printing = False
        self.tool, self.subtype = SELECT, ""
        self.elements: dict[str, ElementItem] = {}
        self.pins: dict[str, PinItem] = {}
        self.flow = FlowLineItem([])
        self.background = BackgroundItem()
        self.preview = PreviewItem()
        self._press: QPointF | None = None
        self._press_screen = None
        self._flow_draft: list[QPointF] = []
        self._moving: dict = {}
        self._drag_origin: dict = {}  # element item -> its position when the drag began
        self._drag_anchor: QPointF | None = None
        self._paste_count = 0
        self._pin_pressed: str | None = None
        for item in (self.flow, self.background, self.preview):
            self.addItem(item)
        self.undo_stack.indexChanged.connect(lambda _index: self.edited.emit())

    # -- loading ---------------------------------------------------------------------
    def load(self, hall_id: str, map_id: str | None) -> None:
        """Shows the map `map_id` (None: nothing) with all its items."""
        self.set_tool(SELECT)
        for item in list(self.elements.values()) + list(self.pins.values()):
            self.removeItem(item)
        self.elements.clear()
        self.pins.clear()
        self.hall_id, self.map_id = hall_id, map_id
        if map_id is None:
            self.hall_map = None
            self.flow.set_points([])
            self.background.set_image(None)
            self.redraw_background()
            return
        self.reload_background()
        self.reload_map_settings()
        self.add_element_items(hall_maps.list_elements(self.store, map_id), select=False)
        line = hall_maps.flow_line(self.store, map_id)
        self.flow.set_points(line.points if line else [])
        for touchpoint in tp_storage.list_touchpoints(self.store, map_id):
            self.add_pin(touchpoint, select=False)

    def reload_map_settings(self) -> None:
        self.hall_map = hall_maps.get_map(self.store, self.map_id)
        hall_map = self.hall_map
        self.grid_m = hall_map.grid_m
        self.width_m, self.depth_m = hall_map.width_m, hall_map.depth_m
        if hall_map.has_background and self.background.pixmap().isNull():
            self.reload_background()
        elif not hall_map.has_background:
            self.background.set_image(None)
        self.background.set_placement(
            hall_map.background_x_m,
            hall_map.background_y_m,
            hall_map.background_m_per_px,
            hall_map.background_opacity,
        )
        self.background.set_locked(hall_map.background_locked)
        margin_x, margin_y = max(10.0, self.width_m), max(10.0, self.depth_m)
        self.setSceneRect(self.map_rect().adjusted(
            -m_to_units(margin_x), -m_to_units(margin_y), m_to_units(margin_x),
            m_to_units(margin_y)))
        self.redraw_background()

    def reload_background(self) -> None:
        """Reads the traced image again (it was set, replaced or removed)."""
        data = hall_maps.background(self.store, self.map_id) if self.map_id else None
        self.background.set_image(data[0] if data else None)

    def redraw_background(self) -> None:
        """The grid and the hall's outline changed (the view keeps them in a cache)."""
        self.invalidate(self.sceneRect(), QGraphicsScene.SceneLayer.BackgroundLayer)
        self.update()

    def map_rect(self) -> QRectF:
        return QRectF(0, 0, m_to_units(self.width_m), m_to_units(self.depth_m))

    def content_rect(self) -> QRectF:
        """The hall and everything drawn on it (what fit-to-view and export show). Measured
        on the map's own geometry, never on anything sized in screen pixels, so fitting twice
        or from any zoom, with or without a selection, gives the same view."""
        rect = self.map_rect()
        for item in self.elements.values():
            rect = rect.united(item.footprint())
        if self.flow.isVisible():
            rect = rect.united(self.flow.line_rect())
        for pin in self.pins.values():  # a metre and a bit on the right for its code
            rect = rect.united(QRectF(pin.pos(), pin.pos()).adjusted(-30, -30, 120, 30))
        return rect.adjusted(-50, -50, 50, 50)

    # -- items ----------------------------------------------------------------------
    def add_element_items(self, elements: list[MapElement], *, select: bool) -> None:
        if select:
            self.clearSelection()
        for element in elements:
            item = ElementItem(element)
            item.setFlag(item.GraphicsItemFlag.ItemIsMovable, not self.read_only)
            self.elements[element.id] = item
            self.addItem(item)
            if select:
                item.setSelected(True)

    def remove_element_items(self, ids) -> None:
        for element_id in ids:
            item = self.elements.pop(element_id, None)
            if item is not None:
                self.removeItem(item)

    def update_element_items(self, changes: dict[str, dict]) -> None:
        for element_id, fields in changes.items():
            item = self.elements.get(element_id)
            if item is None:
                continue
            element = item.element
            for name, value in fields.items():
                setattr(element, name, value)
            item.apply(element)

    def set_flow_points(self, points) -> None:
        self.flow.set_points(points)

    def flow_points(self) -> list[tuple[float, float]]:
        return list(self.flow.points)

    def pin_for(self, touchpoint_id: str) -> PinItem | None:
        return self.pins.get(touchpoint_id)

    def add_pin(self, touchpoint, *, select: bool) -> PinItem:
        pin = self.pins.get(touchpoint.id)
        if pin is None:
            pin = PinItem(touchpoint.id, touchpoint.code, _pin_name(touchpoint), touchpoint.x_m,
                          touchpoint.y_m)
            pin.setFlag(pin.GraphicsItemFlag.ItemIsMovable, not self.read_only)
            self.pins[touchpoint.id] = pin
            self.addItem(pin)
        if select:
            self.clearSelection()
            pin.setSelected(True)
        return pin

    def remove_pin(self, touchpoint_id: str) -> None:
        pin = self.pins.pop(touchpoint_id, None)
        if pin is not None:
            self.removeItem(pin)

    def refresh_pin(self, touchpoint) -> None:
        pin = self.pins.get(touchpoint.id)
        if pin is not None:
            pin.set_text(touchpoint.code, _pin_name(touchpoint))
            pin.set_position(touchpoint.x_m, touchpoint.y_m)

    def set_statuses(self, statuses: dict) -> None:
        for touchpoint_id, status in statuses.items():
            pin = self.pins.get(touchpoint_id)
            if pin is not None:
                pin.set_status(status)

    def selected_elements(self) -> list[ElementItem]:
        return [i for i in self.selectedItems() if isinstance(i, ElementItem)]

    def selected_pins(self) -> list[PinItem]:
        return [i for i in self.selectedItems() if isinstance(i, PinItem)]

    def set_view_pixels(self, pixels: float) -> None:
        """The view zoomed: handles and hit areas keep their size on screen."""
        if abs(pixels - self.view_pixels) < 1e-12:
            return
        self.view_pixels = pixels
        self.flow.zoom_changed()
        for item in self.selected_elements():
            item.zoom_changed()

    # -- snapping ---------------------------------------------------------------------
    def snap_active(self) -> bool:
        return self.snap_enabled and not _bypass_snap()

    def snapped(self, point: QPointF) -> QPointF:
        if not self.snap_active():
            return QPointF(point)
        grid = m_to_units(self.grid_m)
        return QPointF(round(point.x() / grid) * grid, round(point.y() / grid) * grid)

    def _tool_point(self, event) -> QPointF:
        """Where a drawing tool acts: on the grid, except the scale line, which follows a
        length on the photo exactly (snapped ends would make the scale off by up to a grid
        step)."""
        return QPointF(event.scenePos()) if self.tool == SCALE else self.snapped(event.scenePos())

    # -- printing ---------------------------------------------------------------------
    @contextmanager
    def printing(self):
        """Draws as for paper while inside: no grid, handles, preview or traced photo."""
        selected = self.selectedItems()
        self.clearSelection()
        background_visible = self.background.isVisible()
        self.background.setVisible(False)
        self.preview.setVisible(False)
        self._printing = True
        try:
            yield self
        finally:
            self._printing = False
            self.preview.setVisible(True)
            self.background.setVisible(background_visible)
            for item in selected:
                if item.scene() is self:
                    item.setSelected(True)

    def render_to(self, painter: QPainter, target: QRectF, source: QRectF | None = None) -> None:
        """Draws the map (default: `content_rect()`) as large as fits, centred in `target`,
        as for paper (see `printing()`)."""
        source = source or self.content_rect()
        scale = min(target.width() / source.width(), target.height() / source.height())
        fitted = QRectF(0, 0, source.width() * scale, source.height() * scale)
        fitted.moveCenter(target.center())
        with self.printing():
            self.render(painter, fitted, source, Qt.AspectRatioMode.KeepAspectRatio)

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's
        painter.fillRect(rect, Qt.GlobalColor.white if self._printing else OUTSIDE)
        hall = self.map_rect()
        painter.fillRect(hall.intersected(rect), Qt.GlobalColor.white)
        if self._printing or not self.show_grid or self.map_id is None:
            return
        pixels = max(1e-6, math.hypot(painter.worldTransform().m11(),
                                      painter.worldTransform().m12()))
        step = m_to_units(self.grid_m)
        while step * pixels < 8:  # never a grid denser than 8 screen pixels
            step *= 2 if step * 2 * pixels >= 8 or step * 5 * pixels < 8 else 5
        visible = hall.intersected(rect)
        if visible.isEmpty():
            return
        major = m_to_units(max(1.0, self.grid_m * 10)) if step < m_to_units(5) else step * 5
        minor_lines, major_lines = [], []
        x = math.floor(visible.left() / step) * step
        while x <= visible.right():
            line = QLineF(x, visible.top(), x, visible.bottom())
            (major_lines if abs(x / major - round(x / major)) < 1e-6 else minor_lines).append(line)
            x += step
        y = math.floor(visible.top() / step) * step
        while y <= visible.bottom():
            line = QLineF(visible.left(), y, visible.right(), y)
            (major_lines if abs(y / major - round(y / major)) < 1e-6 else minor_lines).append(line)
            y += step
        pen = QPen(GRID_MINOR, 1)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.drawLines(minor_lines)
        pen.setColor(GRID_MAJOR)
        painter.setPen(pen)
        painter.drawLines(major_lines)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:  # noqa: N802 - Qt's
        if self.map_id is None:
            return
        pen = QPen(QColor("#90a4ae"), 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(self.map_rect())

    # -- tools ------------------------------------------------------------------------
    def set_tool(self, kind: str, subtype: str = "") -> None:
        if self.read_only:
            kind, subtype = SELECT, ""
        self.tool, self.subtype = kind, subtype
        self._press = None
        self._flow_draft = []
        self.preview.set_rect(None)
        self.preview.set_points([])
        if kind != SELECT:
            self.clearSelection()
        for view in self.views():
            view.viewport().setCursor(
                Qt.CursorShape.ArrowCursor if kind == SELECT else Qt.CursorShape.CrossCursor
            )
        self.tool_changed.emit(kind, subtype)

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        if self.map_id is None:
            return
        if self.tool == SELECT or event.button() != Qt.MouseButton.LeftButton:
            self._pin_pressed = None
            super().mousePressEvent(event)
            if event.button() == Qt.MouseButton.LeftButton:
                grabber = self.mouseGrabberItem()
                # A handle being dragged is a resize or turn, reported by the item itself.
                handle = isinstance(grabber, ElementItem) and grabber.dragging_handle()
                self._moving = {} if handle else self._positions()
                self._start_drag(None if handle else grabber)
                if isinstance(grabber, PinItem):
                    self._pin_pressed = grabber.touchpoint_id
            return
        point = self._tool_point(event)
        self._press_screen = event.screenPos()
        if self.tool == FLOW:
            self._flow_draft.append(point)
            self.preview.set_points(self._flow_draft, point)
        elif self.tool == TOUCHPOINT:
            self._pin_touchpoint(point)
        else:
            self._press = point
        event.accept()

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self.tool == SELECT or self.map_id is None:
            super().mouseMoveEvent(event)
            return
        point = self._tool_point(event)
        if self.tool == FLOW and self._flow_draft:
            self.preview.set_points(self._flow_draft, point)
        elif self._press is not None:
            if self.tool in (WALL, DOOR, SCALE):
                self.preview.set_points([self._press, self._wall_end(self._press, point)])
            else:
                self.preview.set_rect(QRectF(self._press, point).normalized())
        event.accept()

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self.tool == SELECT or self.map_id is None:
            super().mouseReleaseEvent(event)
            if event.button() == Qt.MouseButton.LeftButton:
                self._finish_move()
                if self._pin_pressed:
                    self.pin_clicked.emit(self._pin_pressed)
                    self._pin_pressed = None
            return
        if self._press is None:
            event.accept()
            return
        start, end = self._press, self._tool_point(event)
        self._press = None
        self.preview.set_rect(None)
        self.preview.set_points([])
        moved = (event.screenPos() - self._press_screen).manhattanLength() > CLICK_PX
        if self.tool == SCALE:
            self.set_tool(SELECT)  # first, so what the line leads to has the last word
            if moved:
                self.scale_line_drawn.emit(units_to_m(start.x()), units_to_m(start.y()),
                                           units_to_m(end.x()), units_to_m(end.y()))
        else:
            self._create_element(start, end, moved)
        event.accept()

    def mouseDoubleClickEvent(self, event):  # noqa: N802 - Qt's name
        if self.tool == FLOW:
            # A double-click's first press has usually added the corner already.
            self._flow_draft.append(self.snapped(event.scenePos()))
            self.finish_flow()
            event.accept()
            return
        if self.tool != SELECT:
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        key = event.key()
        if self.tool == FLOW and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish_flow()
            event.accept()
            return
        if self.tool == FLOW and key == Qt.Key.Key_Backspace:
            self.take_back_flow_corner()
            event.accept()
            return
        if key == Qt.Key.Key_Escape and self.tool != SELECT:
            self.set_tool(SELECT)
            event.accept()
            return
        arrows = {
            Qt.Key.Key_Left: (-1, 0),
            Qt.Key.Key_Right: (1, 0),
            Qt.Key.Key_Up: (0, -1),
            Qt.Key.Key_Down: (0, 1),
        }
        if key in arrows and self.tool == SELECT and self.selected_elements() and \
                not self.read_only:
            step = self.grid_m if self.snap_active() else 0.05
            if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                step *= 10
            dx, dy = arrows[key]
            self.nudge(dx * step, dy * step)
            event.accept()
            return
        super().keyPressEvent(event)

    def _wall_end(self, start: QPointF, point: QPointF) -> QPointF:
        """Walls and doors run straight across or down the hall, unless snapping is off."""
        if self.tool == SCALE or not self.snap_active():
            return point
        if abs(point.x() - start.x()) >= abs(point.y() - start.y()):
            return QPointF(point.x(), start.y())
        return QPointF(start.x(), point.y())

    def _create_element(self, start: QPointF, end: QPointF, dragged: bool) -> None:
        kind = self.tool
        default_w, default_h = layouts.default_size(kind, self.subtype)
        x0, y0 = units_to_m(start.x()), units_to_m(start.y())
        x1, y1 = units_to_m(end.x()), units_to_m(end.y())
        rotation = 0.0
        if kind in (WALL, DOOR):
            thickness = default_h
            if dragged:
                end_point = self._wall_end(start, end)
                x1, y1 = units_to_m(end_point.x()), units_to_m(end_point.y())
                length = math.hypot(x1 - x0, y1 - y0)
                angle = math.degrees(math.atan2(y1 - y0, x1 - x0))
            else:
                length, angle = default_w, 0.0
            length = max(layouts.MIN_SIZE_M, length)
            # The rectangle lies along the line, turned about its centre.
            cx, cy = (x0 + (x0 + length * math.cos(math.radians(angle)))) / 2, (
                y0 + (y0 + length * math.sin(math.radians(angle)))
            ) / 2
            x, y, w, h = cx - length / 2, cy - thickness / 2, length, thickness
            rotation = round(angle % 360, 2)
            if rotation in (0.0, 180.0):
                rotation = 0.0
            elif rotation in (90.0, 270.0):
                x, y, w, h = cx - thickness / 2, cy - length / 2, thickness, length
                rotation = 0.0
        elif dragged and abs(x1 - x0) >= layouts.MIN_SIZE_M and abs(y1 - y0) >= \
                layouts.MIN_SIZE_M:
            x, y, w, h = min(x0, x1), min(y0, y1), abs(x1 - x0), abs(y1 - y0)
        elif kind == FURNITURE:
            x, y, w, h = x0 - default_w / 2, y0 - default_h / 2, default_w, default_h
            if self.snap_active():
                x, y = layouts.snap_point(x, y, min(self.grid_m, 0.1))
        else:
            x, y, w, h = x0, y0, default_w, default_h
        element = MapElement(
            kind=kind,
            subtype=self.subtype,
            x=round(x, 3),
            y=round(y, 3),
            w=round(w, 3),
            h=round(h, 3),
            rotation=rotation,
            z=layouts.default_z(kind),
        )
        name = QCoreApplication.translate("MapLayout", layouts.subtype_label(kind, self.subtype))
        self.undo_stack.push(
            commands.AddElements(self, [element], _t("MapEditor", "添加{name}").format(name=name))
        )
        self.set_tool(SELECT)

    def take_back_flow_corner(self) -> None:
        if self._flow_draft:
            self._flow_draft.pop()
            self.preview.set_points(self._flow_draft)

    def finish_flow(self) -> None:
        points = [(units_to_m(p.x()), units_to_m(p.y())) for p in self._flow_draft]
        # A double-click adds its first press as a corner: drop repeated corners.
        cleaned = []
        for point in points:
            if not cleaned or point != cleaned[-1]:
                cleaned.append(point)
        self._flow_draft = []
        self.preview.set_points([])
        if len(cleaned) >= 2:
            self.undo_stack.push(commands.SetFlowPoints(
                self, self.flow_points(), cleaned, _t("MapEditor", "画动线")))
        self.set_tool(SELECT)

    def _pin_touchpoint(self, point: QPointF) -> None:
        self.undo_stack.push(commands.AddTouchpoint(
            self, units_to_m(point.x()), units_to_m(point.y()), _t("MapEditor", "新触点"),
            _t("MapEditor", "添加触点")))
        self.set_tool(SELECT)

    # -- moving -----------------------------------------------------------------------
    def _positions(self) -> dict:
        moving = {}
        for item in self.selectedItems():
            if isinstance(item, ElementItem):
                moving[("e", item.element_id)] = (item.geometry()["x"], item.geometry()["y"])
            elif isinstance(item, PinItem):
                moving[("p", item.touchpoint_id)] = item.position_m()
        return moving

    def _start_drag(self, grabber) -> None:
        """Remembers where the selected elements were: a group keeps its shape on the grid."""
        self._drag_origin = {}
        self._drag_anchor = None
        if grabber is None:
            return
        elements = self.selected_elements()
        self._drag_origin = {item: QPointF(item.pos()) for item in elements}
        anchor = grabber if isinstance(grabber, ElementItem) else (elements[0] if elements
                                                                    else None)
        self._drag_anchor = QPointF(anchor.pos()) if anchor is not None else None

    def snap_drag(self, item, proposed: QPointF) -> QPointF:
        """Where a dragged element goes with snapping on: the element under the mouse lands
        on the grid and the rest of the selection moves by the same step, so a group that
        was not on the grid keeps its spacing."""
        grid = m_to_units(self.grid_m)
        origin = getattr(self, "_drag_origin", {}).get(item)
        if origin is None or self._drag_anchor is None:
            return QPointF(round(proposed.x() / grid) * grid, round(proposed.y() / grid) * grid)
        target = self._drag_anchor + (proposed - origin)
        snapped = QPointF(round(target.x() / grid) * grid, round(target.y() / grid) * grid)
        return origin + (snapped - self._drag_anchor)

    def _finish_move(self) -> None:
        self._drag_origin = {}
        self._drag_anchor = None
        before, self._moving = self._moving, {}
        element_before, element_after, pin_before, pin_after = {}, {}, {}, {}
        for (kind, key), (x, y) in before.items():
            if kind == "e":
                item = self.elements.get(key)
                if item is None:
                    continue
                now = item.geometry()
                if (now["x"], now["y"]) != (x, y):
                    element_before[key] = {"x": x, "y": y}
                    element_after[key] = {"x": now["x"], "y": now["y"]}
            else:
                pin = self.pins.get(key)
                if pin is not None and pin.position_m() != (x, y):
                    pin_before[key] = {"x_m": x, "y_m": y}
                    pin_after[key] = {"x_m": pin.position_m()[0], "y_m": pin.position_m()[1]}
        if not element_after and not pin_after:
            return
        text = _t("MapEditor", "移动")
        self.undo_stack.beginMacro(text)
        if element_after:
            self.undo_stack.push(commands.ChangeElements(self, element_before, element_after,
                                                         text))
        if pin_after:
            self.undo_stack.push(commands.ChangeTouchpoints(self, pin_before, pin_after, text))
        self.undo_stack.endMacro()

    def report_geometry(self, changes: dict[str, tuple[dict, dict]]) -> None:
        """An item's handle was dragged: {id: (before, after)}."""
        before = {k: v[0] for k, v in changes.items()}
        after = {k: v[1] for k, v in changes.items()}
        turned = any(before[k]["rotation"] != after[k]["rotation"] for k in changes)
        text = _t("MapEditor", "旋转") if turned else _t("MapEditor", "调整大小")
        self.undo_stack.push(commands.ChangeElements(self, before, after, text))

    def report_flow(self, before: list, after: list) -> None:
        self.undo_stack.push(commands.SetFlowPoints(self, before, after,
                                                    _t("MapEditor", "修改动线")))

    def report_background_moved(self, before: tuple, after: tuple) -> None:
        self.undo_stack.push(commands.ChangeMap(
            self,
            {"background_x_m": before[0], "background_y_m": before[1]},
            {"background_x_m": after[0], "background_y_m": after[1]},
            _t("MapEditor", "移动背景图"),
        ))

    # -- edits on the selection ---------------------------------------------------------
    def nudge(self, dx: float, dy: float) -> None:
        items = self.selected_elements()
        before = {i.element_id: {"x": i.geometry()["x"], "y": i.geometry()["y"]} for i in items}
        after = {
            k: {"x": round(v["x"] + dx, 3), "y": round(v["y"] + dy, 3)} for k, v in before.items()
        }
        self.undo_stack.push(commands.ChangeElements(self, before, after,
                                                     _t("MapEditor", "微移"), merge=True))

    def rotate_selection(self, degrees: float) -> None:
        items = self.selected_elements()
        if not items:
            return
        before = {i.element_id: {"rotation": i.geometry()["rotation"]} for i in items}
        after = {k: {"rotation": round((v["rotation"] + degrees) % 360, 2)}
                 for k, v in before.items()}
        self.undo_stack.push(commands.ChangeElements(self, before, after,
                                                     _t("MapEditor", "旋转")))

    def align_selection(self, mode: str) -> None:
        items = self.selected_elements()
        if len(items) < 2:
            return
        elements = [i.element for i in items]
        targets = layouts.align(elements, mode)
        before = {e.id: {"x": e.x, "y": e.y} for e in elements}
        after = {e.id: {"x": x, "y": y} for e, (x, y) in zip(elements, targets, strict=True)}
        self.undo_stack.push(commands.ChangeElements(self, before, after,
                                                     _t("MapEditor", "对齐")))

    def change_elements(self, after: dict[str, dict], text: str) -> None:
        """Sets fields of elements (from the properties form), undoably."""
        before = {}
        for element_id, fields in after.items():
            element = self.elements[element_id].element
            before[element_id] = {name: getattr(element, name) for name in fields}
        if before != after:
            self.undo_stack.push(commands.ChangeElements(self, before, after, text))

    def delete_selection(self) -> None:
        elements = [i.element for i in self.selected_elements()]
        pins = [p.touchpoint_id for p in self.selected_pins()]
        flow_selected = self.flow.isSelected()
        if not elements and not pins and not flow_selected:
            return
        self.undo_stack.beginMacro(_t("MapEditor", "删除"))
        if elements:
            self.undo_stack.push(commands.RemoveElements(self, elements, _t("MapEditor", "删除")))
        for touchpoint_id in pins:
            self.undo_stack.push(commands.RemoveTouchpoint(self, touchpoint_id,
                                                           _t("MapEditor", "删除触点")))
        if flow_selected:
            self.undo_stack.push(commands.SetFlowPoints(self, self.flow_points(), [],
                                                        _t("MapEditor", "删除动线")))
        self.undo_stack.endMacro()

    def copy_selection(self) -> bool:
        elements = [i.element for i in self.selected_elements()]
        if not elements:
            return False
        QApplication.clipboard().setText(layouts.elements_to_json(elements))
        self._paste_count = 0
        return True

    def paste(self) -> bool:
        elements = layouts.elements_from_json(QApplication.clipboard().text())
        if not elements or self.map_id is None:
            return False
        self._paste_count += 1
        copies = layouts.pasted(elements, PASTE_OFFSET_M * self._paste_count)
        self.undo_stack.push(commands.AddElements(self, copies, _t("MapEditor", "粘贴")))
        return True

    def select_all(self) -> None:
        for item in list(self.elements.values()) + list(self.pins.values()):
            item.setSelected(True)


def _pin_name(touchpoint) -> str:
    """The name a pin shows (tooltip, properties heading): in the interface language."""
    return bilingual(touchpoint.name, touchpoint.name_en, i18n.current())
