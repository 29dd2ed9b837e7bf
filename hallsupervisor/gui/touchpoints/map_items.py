"""What the map is drawn with: elements (walls, doors, zones, furniture), the flow line and
the touchpoint pins.

Scene units are centimetres (UNITS_PER_M per metre), so pens and text have sensible sizes;
everything stored is in metres. An element item's `pos()` is the element's top-left corner
and it turns about its centre. Items do not write to the database themselves: when the user
finishes a drag they report the change to the scene (`MapScene.report_*`), which pushes an
undo command that stores it.

Pins (`PinItem`) keep their size on screen (they ignore the view's zoom), sit above every
other item (PIN_Z) and so win clicks over the zones beneath them; `set_status()` repaints
them with `status_marker.paint_marker`.
"""

from __future__ import annotations

import math
from itertools import pairwise

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyle

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.touchpoints import flow as flows
from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.domain.touchpoints.layout import MapElement

UNITS_PER_M = 100.0
PIN_Z = 1000.0
FLOW_Z = 500.0
HANDLE_PX = 9.0  # resize and rotate handles, in screen pixels
SNAP_BYPASS = Qt.KeyboardModifier.AltModifier  # held while dragging: no snapping
ROTATION_STEP = 15.0
RESIZE_HANDLES = ("br", "bl", "tr", "tl")

ZONE_COLOURS = {
    "entrance": "#8fd19e",
    "guide_desk": "#f6c85f",
    "ticket_machine": "#f4a259",
    "waiting": "#9ecae1",
    "counters": "#6baed6",
    "self_service": "#b39ddb",
    "display": "#f7b6d2",
    "consultation": "#ffd92f",
    "convenience": "#c7e9c0",
    "back_office": "#bdbdbd",
    "exit": "#e78ac3",
}
WALL_COLOUR = QColor("#37474f")
FURNITURE_COLOUR = QColor("#eceff1")
FURNITURE_EDGE = QColor("#455a64")
FLOW_COLOUR = QColor("#1565c0")
WARNING_COLOUR = QColor("#c62828")
SELECTION_COLOUR = QColor("#0a84ff")


def m_to_units(value: float) -> float:
    return value * UNITS_PER_M


def units_to_m(value: float) -> float:
    return round(value / UNITS_PER_M, 3)


def zone_colour(subtype: str) -> QColor:
    return QColor(ZONE_COLOURS.get(subtype, "#cfd8dc"))


def element_name(element: MapElement) -> str:
    """What an element is called on the map: its own label, else its type, translated."""
    if element.label:
        from hallsupervisor.gui import i18n

        return bilingual(element.label, str(element.props.get("label_en", "")), i18n.current())
    return QCoreApplication.translate("MapLayout", layouts.subtype_label(element.kind,
                                                                          element.subtype))


def _bypass_snap() -> bool:
    return bool(QApplication.keyboardModifiers() & SNAP_BYPASS)


def _zoom(item: QGraphicsItem) -> float:
    """Screen pixels per scene unit in the view (handles and hit areas keep a screen size)."""
    scene = item.scene()
    return getattr(scene, "view_pixels", 1.0) if scene is not None else 1.0


def _lod(painter: QPainter) -> float:
    """Screen pixels per scene unit where the painter draws."""
    transform = painter.worldTransform()
    return max(1e-6, math.hypot(transform.m11(), transform.m12()))


class ElementItem(QGraphicsItem):
    """One wall, door, zone or piece of furniture."""

    def __init__(self, element: MapElement):
        super().__init__()
        self.element = element
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        # Painted once per zoom level and then blitted: dragging a group repaints the
        # whole view, and 500 Python paint() calls a frame would not keep up.
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._drag: str | None = None  # the handle being dragged (a corner or "rotate")
        self._drag_before: dict | None = None
        self._fixed = QPointF()  # the corner that stays put while resizing
        self._pixels = 1.0  # screen pixels per unit where it was last painted
        self.apply(element)

    @property
    def element_id(self) -> str:
        return self.element.id

    # -- geometry ----------------------------------------------------------------------
    def apply(self, element: MapElement) -> None:
        """Takes position, size, rotation and looks from `element`."""
        self.element = element
        self._set_rect(QRectF(0, 0, m_to_units(element.w), m_to_units(element.h)))
        self.setTransformOriginPoint(self._rect.center())
        self.setRotation(element.rotation)
        self.setZValue(element.z)
        self._applying = True
        self.setPos(m_to_units(element.x), m_to_units(element.y))
        self._applying = False
        self.setToolTip(element_name(element))
        self.update()

    def geometry(self) -> dict:
        """The element's fields as shown now, in metres."""
        return {
            "x": units_to_m(self.pos().x()),
            "y": units_to_m(self.pos().y()),
            "w": units_to_m(self._rect.width()),
            "h": units_to_m(self._rect.height()),
            "rotation": round(self.rotation() % 360, 2),
        }

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        return self._bounds  # asked for very often: worked out when something changes

    def _set_rect(self, rect: QRectF, *, selected: bool | None = None) -> None:
        self.prepareGeometryChange()
        self._rect = rect
        selected = self.isSelected() if selected is None else selected
        margin = 2.0 + (HANDLE_PX * 3 / _zoom(self) if selected else 0.0)
        bounds = rect
        if self.element.kind == layouts.DOOR:  # the leaf's swing is drawn beside the gap
            if rect.width() >= rect.height():
                bounds = rect.adjusted(0, -rect.width(), 0, 0)
            else:
                bounds = rect.adjusted(-rect.height(), 0, 0, 0)
        self._footprint = bounds
        self._bounds = bounds.adjusted(-margin, -margin, margin, margin)

    def footprint(self) -> QRectF:
        """What the element covers on the map in scene units (a door with its swing), without
        the handles of a selection, whose size follows the zoom."""
        return self.mapRectToScene(self._footprint)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self._rect)
        if self.isSelected():
            for handle in self._handles().values():
                path.addRect(handle)
        return path

    def itemChange(self, change, value):  # noqa: N802 - Qt's name
        if change == QGraphicsItem.GraphicsItemChange.ItemPositionChange and not getattr(
            self, "_applying", True
        ):
            scene = self.scene()
            if scene is not None and scene.snap_active():
                return scene.snap_drag(self, value)
        if change == QGraphicsItem.GraphicsItemChange.ItemSelectedChange:
            self._set_rect(self._rect, selected=bool(value))
        return super().itemChange(change, value)

    def zoom_changed(self) -> None:
        self._set_rect(self._rect)

    # -- handles -----------------------------------------------------------------------
    def _handles(self) -> dict[str, QRectF]:
        """The four corners resize (the opposite corner stays put); the knob above turns."""
        size = HANDLE_PX / _zoom(self)
        rect = self._rect

        def box(point: QPointF) -> QRectF:
            return QRectF(point.x() - size / 2, point.y() - size / 2, size, size)

        return {
            "br": box(rect.bottomRight()),
            "bl": box(rect.bottomLeft()),
            "tr": box(rect.topRight()),
            "tl": box(rect.topLeft()),
            "rotate": box(QPointF(rect.center().x(), rect.top() - size * 2)),
        }

    def _handle_at(self, point: QPointF) -> str | None:
        scene = self.scene()
        if not self.isSelected() or scene.read_only or len(scene.selectedItems()) != 1:
            return None
        for name, rect in self._handles().items():
            slack = 2 / _zoom(self)
            if rect.adjusted(-slack, -slack, slack, slack).contains(point):
                return name
        return None

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        handle = self._handle_at(event.pos()) if event.button() == Qt.MouseButton.LeftButton \
            else None
        if handle:
            self._drag = handle
            self._drag_before = self.geometry()
            if handle in RESIZE_HANDLES:
                opposite = {"br": "tl", "tl": "br", "tr": "bl", "bl": "tr"}[handle]
                self._fixed = self.mapToScene(self._corner(opposite, self._rect))
            event.accept()
            return
        super().mousePressEvent(event)

    def dragging_handle(self) -> bool:
        return self._drag is not None

    @staticmethod
    def _corner(name: str, rect: QRectF) -> QPointF:
        return {"tl": rect.topLeft(), "tr": rect.topRight(), "bl": rect.bottomLeft(),
                "br": rect.bottomRight()}[name]

    def _resize_to(self, scene_point: QPointF) -> None:
        """The dragged corner follows the mouse; the opposite corner stays where it is."""
        scene = self.scene()
        offset = QTransform().rotate(-self.rotation()).map(scene_point - self._fixed)
        sign_x = 1 if self._drag in ("br", "tr") else -1
        sign_y = 1 if self._drag in ("br", "bl") else -1
        width, height = offset.x() * sign_x, offset.y() * sign_y
        if scene.snap_active():
            grid = m_to_units(scene.grid_m)
            width, height = round(width / grid) * grid, round(height / grid) * grid
        least = m_to_units(layouts.MIN_SIZE_M)
        self._set_rect(QRectF(0, 0, max(least, width), max(least, height)))
        self.setTransformOriginPoint(self._rect.center())
        opposite = {"br": "tl", "tl": "br", "tr": "bl", "bl": "tr"}[self._drag]
        moved = self._fixed - self.mapToScene(self._corner(opposite, self._rect))
        self._applying = True
        self.setPos(self.pos() + moved)
        self._applying = False
        self.update()

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self._drag in RESIZE_HANDLES:
            self._resize_to(event.scenePos())
            return
        if self._drag == "rotate":
            centre = self.mapToScene(self._rect.center())
            point = event.scenePos()
            angle = math.degrees(math.atan2(point.y() - centre.y(), point.x() - centre.x())) + 90
            if self.scene().snap_active():
                angle = round(angle / ROTATION_STEP) * ROTATION_STEP
            self.setRotation(angle % 360)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self._drag:
            self._drag = None
            before, self._drag_before = self._drag_before, None
            after = self.geometry()
            if before != after:
                self.scene().report_geometry({self.element_id: (before, after)})
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def hoverMoveEvent(self, event):  # noqa: N802 - Qt's name
        handle = self._handle_at(event.pos())
        cursor = {
            "br": Qt.CursorShape.SizeFDiagCursor,
            "tl": Qt.CursorShape.SizeFDiagCursor,
            "tr": Qt.CursorShape.SizeBDiagCursor,
            "bl": Qt.CursorShape.SizeBDiagCursor,
            "rotate": Qt.CursorShape.CrossCursor,
        }.get(handle, Qt.CursorShape.ArrowCursor if self.scene().read_only
              else Qt.CursorShape.SizeAllCursor)
        self.setCursor(cursor)
        super().hoverMoveEvent(event)

    # -- painting ----------------------------------------------------------------------
    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._pixels = _lod(painter)
        kind = self.element.kind
        rect = self._rect
        if kind == layouts.WALL:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(WALL_COLOUR)
            painter.drawRect(rect)
        elif kind == layouts.DOOR:
            self._paint_door(painter, rect)
        elif kind == layouts.ZONE:
            colour = zone_colour(self.element.subtype)
            fill = QColor(colour)
            fill.setAlpha(110)
            painter.setBrush(fill)
            edge = colour.darker(150)
            pen = QPen(edge, 2.0)
            pen.setCosmetic(True)
            pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRect(rect)
            self._paint_label(painter, rect, bold=True)
        else:
            pen = QPen(FURNITURE_EDGE, 1.2)
            pen.setCosmetic(True)
            painter.setPen(pen)
            painter.setBrush(FURNITURE_COLOUR)
            if self.element.subtype in ("seat", "plant", "water"):
                painter.drawEllipse(rect)
            else:
                painter.drawRoundedRect(rect, min(rect.width(), rect.height()) * 0.12,
                                        min(rect.width(), rect.height()) * 0.12)
            if self.element.subtype == "screen":
                painter.setBrush(QColor("#263238"))
                painter.drawRect(rect.adjusted(rect.width() * 0.05, rect.height() * 0.2,
                                               -rect.width() * 0.05, -rect.height() * 0.2))
            elif rect.width() * self._pixels > 40 and rect.height() * self._pixels > 12:
                self._paint_label(painter, rect, bold=False)
        if option.state & QStyle.StateFlag.State_Selected:
            self._paint_selection(painter, rect)

    def _paint_door(self, painter: QPainter, rect: QRectF) -> None:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor("#ffffff"))
        painter.drawRect(rect)
        pen = QPen(WALL_COLOUR, 1.5)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        # The leaf drawn open and the quarter circle it sweeps: towards -y for a door across
        # the plan (a front wall's door opens into the hall), towards -x for one up and down.
        if rect.width() >= rect.height():
            leaf = rect.width()
            hinge = QPointF(rect.left(), rect.top())
            painter.drawLine(QLineF(hinge, hinge - QPointF(0, leaf)))
            painter.drawArc(QRectF(hinge.x() - leaf, hinge.y() - leaf, 2 * leaf, 2 * leaf),
                            0, 90 * 16)
            painter.drawLine(QLineF(rect.topLeft(), rect.bottomLeft()))
            painter.drawLine(QLineF(rect.topRight(), rect.bottomRight()))
        else:
            leaf = rect.height()
            hinge = QPointF(rect.left(), rect.top())
            painter.drawLine(QLineF(hinge, hinge - QPointF(leaf, 0)))
            painter.drawArc(QRectF(hinge.x() - leaf, hinge.y() - leaf, 2 * leaf, 2 * leaf),
                            180 * 16, 90 * 16)
            painter.drawLine(QLineF(rect.topLeft(), rect.topRight()))
            painter.drawLine(QLineF(rect.bottomLeft(), rect.bottomRight()))

    def _paint_label(self, painter: QPainter, rect: QRectF, *, bold: bool) -> None:
        """Zones name themselves in their top-left corner (the middle is for furniture and
        pins); furniture in its middle."""
        text = element_name(self.element)
        if not text:
            return
        font = QFont(painter.font())
        font.setBold(bold)
        if bold:
            # About 12 screen pixels when zoomed out, 30 cm when zoomed in.
            size = min(max(30.0, 12 / self._pixels), rect.height() / 2.5)
        else:
            size = min(24.0, rect.height() / 2.2)
        # Never wider than the element (pixel sizes are whole: measure at 100 and scale).
        font.setPixelSize(100)
        room = rect.width() * (0.9 if bold else 0.92)
        size = min(size, room / max(1.0, QFontMetricsF(font).horizontalAdvance(text) / 100))
        if size < 1 or size * self._pixels < 6:  # too small to read at this zoom
            return
        font.setPixelSize(max(1, int(size)))
        # The bundled Chinese font has no bold face: its made-up bold smears small characters,
        # so zone names are bold only from 16 device pixels up (on paper they always are).
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        font.setBold(bold and size * self._pixels * ratio >= 16)
        painter.setFont(font)
        painter.setPen(QColor("#263238"))
        if bold:
            painter.drawText(rect.adjusted(size * 0.4, size * 0.2, -size * 0.2, -size * 0.2),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        else:
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)

    def _paint_selection(self, painter: QPainter, rect: QRectF) -> None:
        pen = QPen(SELECTION_COLOUR, 2.0)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        scene = self.scene()
        if scene is None or len(scene.selectedItems()) != 1:
            return
        handles = self._handles()
        painter.setBrush(QColor("#ffffff"))
        for name in RESIZE_HANDLES:
            painter.drawRect(handles[name])
        rotate = handles["rotate"]
        painter.drawLine(QLineF(rotate.center().x(), rotate.bottom(), rect.center().x(),
                                rect.top()))
        painter.drawEllipse(rotate)


class FlowLineItem(QGraphicsItem):
    """The customer flow line: a polyline with arrows, its length, and its warnings.

    Selected, it shows its corners as handles: drag one to move it, double-click a corner to
    remove it, double-click on a stretch of the line to add a corner there.
    """

    def __init__(self, points: list[tuple[float, float]]):
        super().__init__()
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(FLOW_Z)
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._pixels = 1.0
        self._dragging: int | None = None
        self._before: list | None = None
        self.points: list[tuple[float, float]] = []
        self.problems: list[flows.FlowProblem] = []
        self.set_points(points)

    def set_points(self, points) -> None:
        self.prepareGeometryChange()
        self.points = [(float(x), float(y)) for x, y in points]
        self.problems = flows.problems(self.points)
        self.setVisible(len(self.points) >= 2)
        self.update()

    def length_m(self) -> float:
        return flows.length(self.points)

    def _polygon(self) -> QPolygonF:
        return QPolygonF([QPointF(m_to_units(x), m_to_units(y)) for x, y in self.points])

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        if not self.points:
            return QRectF()
        pixel = 1 / _zoom(self)
        return self._polygon().boundingRect().adjusted(-60 * pixel, -60 * pixel, 220 * pixel,
                                                       60 * pixel)

    def line_rect(self) -> QRectF:
        """The line's corners in scene units, without the room for the arrows and the length
        label, whose size follows the zoom."""
        return self.mapRectToScene(self._polygon().boundingRect())

    def zoom_changed(self) -> None:
        self.prepareGeometryChange()

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        polygon = self._polygon()
        if polygon.isEmpty():
            return path
        path.addPolygon(polygon)
        stroker = QPainterPathStroker()
        pixel = 1 / _zoom(self)
        stroker.setWidth(12 * pixel)
        outline = stroker.createStroke(path)
        for point in polygon:
            outline.addEllipse(point, 10 * pixel, 10 * pixel)
        return outline

    def paint(self, painter: QPainter, option, widget=None) -> None:
        self._pixels = _lod(painter)
        polygon = self._polygon()
        if polygon.size() < 2:
            return
        pixel = 1 / self._pixels
        pen = QPen(FLOW_COLOUR, 3.5, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
                   Qt.PenJoinStyle.RoundJoin)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPolyline(polygon)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(FLOW_COLOUR)
        for a, b in pairwise(list(polygon)):
            segment = QLineF(a, b)
            if segment.length() < 40 * pixel:
                continue
            self._arrow(painter, segment.pointAt(0.5), segment.angle(), pixel)
        last = QLineF(polygon[polygon.size() - 2], polygon[polygon.size() - 1])
        self._arrow(painter, last.p2(), last.angle(), pixel)
        # Start: a ring, so which end is which reads at a glance.
        ring = QPen(FLOW_COLOUR, 2.5)
        ring.setCosmetic(True)
        painter.setPen(ring)
        painter.setBrush(QColor("#ffffff"))
        painter.drawEllipse(polygon[0], 6 * pixel, 6 * pixel)
        self._paint_length(painter, polygon, pixel)
        warning = QPen(WARNING_COLOUR, 3.0)
        warning.setCosmetic(True)
        for problem in self.problems:
            centre = QPointF(m_to_units(problem.x), m_to_units(problem.y))
            painter.setPen(warning)
            painter.setBrush(QColor(198, 40, 40, 60))
            painter.drawEllipse(centre, 11 * pixel, 11 * pixel)
            painter.drawLine(QLineF(centre.x(), centre.y() - 6 * pixel, centre.x(),
                                    centre.y() + 2 * pixel))
            painter.drawPoint(QPointF(centre.x(), centre.y() + 5 * pixel))
        if option.state & QStyle.StateFlag.State_Selected:
            handle = HANDLE_PX * pixel
            edge = QPen(SELECTION_COLOUR, 2.0)
            edge.setCosmetic(True)
            painter.setPen(edge)
            painter.setBrush(QColor("#ffffff"))
            for point in polygon:
                painter.drawRect(QRectF(point.x() - handle / 2, point.y() - handle / 2,
                                        handle, handle))

    def _arrow(self, painter: QPainter, tip: QPointF, angle: float, pixel: float) -> None:
        size = 13 * pixel
        back = QLineF.fromPolar(size, angle + 180 - 25).translated(tip)
        back2 = QLineF.fromPolar(size, angle + 180 + 25).translated(tip)
        painter.drawPolygon(QPolygonF([tip, back.p2(), back2.p2()]))

    def _paint_length(self, painter: QPainter, polygon: QPolygonF, pixel: float) -> None:
        text = QCoreApplication.translate("MapEditor", "动线 {length} 米").format(
            length=f"{self.length_m():.1f}"
        )
        font = QFont(painter.font())
        font.setPixelSize(12)
        font.setBold(True)
        metrics = QFontMetricsF(font)
        end = polygon[polygon.size() - 1]
        box = metrics.boundingRect(text).adjusted(-4, -2, 4, 2)
        painter.save()
        # Drawn at screen size: the label reads the same at any zoom.
        painter.translate(end)
        painter.scale(pixel, pixel)
        box.moveTopLeft(QPointF(10, -box.height() / 2))
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 220))
        painter.drawRoundedRect(box, 4, 4)
        painter.setPen(FLOW_COLOUR)
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    # -- editing corners ---------------------------------------------------------------
    def corner_at(self, scene_point: QPointF) -> int | None:
        reach = (HANDLE_PX + 4) / _zoom(self)
        for index, (x, y) in enumerate(self.points):
            if QLineF(scene_point, QPointF(m_to_units(x), m_to_units(y))).length() <= reach:
                return index
        return None

    def segment_at(self, scene_point: QPointF) -> int | None:
        reach = 8 / _zoom(self)
        best = None
        for index, (a, b) in enumerate(pairwise(self.points)):
            distance = _distance_to_segment(scene_point, QPointF(m_to_units(a[0]),
                                                                  m_to_units(a[1])),
                                            QPointF(m_to_units(b[0]), m_to_units(b[1])))
            if distance <= reach and (best is None or distance < best[0]):
                best = (distance, index)
        return None if best is None else best[1]

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton and self.isSelected() and not \
                self.scene().read_only:
            corner = self.corner_at(event.scenePos())
            if corner is not None:
                self._dragging = corner
                self._before = list(self.points)
                event.accept()
                return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        if self._dragging is not None:
            x, y = units_to_m(event.scenePos().x()), units_to_m(event.scenePos().y())
            scene = self.scene()
            if scene.snap_active():
                x, y = layouts.snap_point(x, y, scene.grid_m)
            points = list(self.points)
            points[self._dragging] = (x, y)
            self.set_points(points)
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self._dragging is not None:
            self._dragging = None
            before, self._before = self._before, None
            if before != self.points:
                self.scene().report_flow(before, list(self.points))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def mouseDoubleClickEvent(self, event):  # noqa: N802 - Qt's name
        if self.scene().read_only:
            super().mouseDoubleClickEvent(event)
            return
        before = list(self.points)
        corner = self.corner_at(event.scenePos())
        if corner is not None:
            if len(before) > 2:
                points = before[:corner] + before[corner + 1:]
                self.scene().report_flow(before, points)
            event.accept()
            return
        segment = self.segment_at(event.scenePos())
        if segment is not None:
            x, y = units_to_m(event.scenePos().x()), units_to_m(event.scenePos().y())
            if self.scene().snap_active():
                x, y = layouts.snap_point(x, y, self.scene().grid_m)
            points = before[: segment + 1] + [(x, y)] + before[segment + 1:]
            self.scene().report_flow(before, points)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)


def _distance_to_segment(p: QPointF, a: QPointF, b: QPointF) -> float:
    line = QLineF(a, b)
    if line.length() == 0:
        return QLineF(p, a).length()
    t = ((p.x() - a.x()) * (b.x() - a.x()) + (p.y() - a.y()) * (b.y() - a.y())) / (
        line.length() ** 2
    )
    t = max(0.0, min(1.0, t))
    return QLineF(p, line.pointAt(t)).length()


class PinItem(QGraphicsItem):
    """A touchpoint on the map: a status marker with its code, the same size at any zoom."""

    SIZE = 22.0

    def __init__(self, touchpoint_id: str, code: str, name: str, x_m: float, y_m: float):
        super().__init__()
        self.touchpoint_id = touchpoint_id
        self.code = code
        self.name = name
        self.status = "none"
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemIsMovable
            | QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
        )
        self.setZValue(PIN_Z)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.set_position(x_m, y_m)
        self._update_tooltip()

    def set_position(self, x_m: float, y_m: float) -> None:
        self.setPos(m_to_units(x_m), m_to_units(y_m))

    def position_m(self) -> tuple[float, float]:
        return units_to_m(self.pos().x()), units_to_m(self.pos().y())

    def set_text(self, code: str, name: str) -> None:
        self.prepareGeometryChange()
        self.code, self.name = code, name
        self._update_tooltip()
        self.update()

    def set_status(self, status: str) -> None:
        if status != self.status:
            self.status = status
            self._update_tooltip()
            self.update()

    def _update_tooltip(self) -> None:
        from hallsupervisor.gui.touchpoints.status_marker import status_label

        self.setToolTip(f"{self.code} {self.name} · {status_label(self.status)}")

    def _label_width(self) -> float:
        if getattr(self, "_label_for", None) != self.code:
            font = QFont()
            font.setPixelSize(12)
            font.setBold(True)
            self._label_w = QFontMetricsF(font).horizontalAdvance(self.code) + 8
            self._label_for = self.code
        return self._label_w

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        half = self.SIZE / 2 + 3
        return QRectF(-half, -half, 2 * half + self._label_width() + 2, 2 * half)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        half = self.SIZE / 2 + 2
        path.addEllipse(QPointF(0, 0), half, half)
        path.addRect(QRectF(half, -8, self._label_width(), 16))
        return path

    def paint(self, painter: QPainter, option, widget=None) -> None:
        from hallsupervisor.gui.touchpoints.status_marker import paint_marker

        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        half = self.SIZE / 2
        if option.state & QStyle.StateFlag.State_Selected:
            painter.setPen(QPen(SELECTION_COLOUR, 3))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawEllipse(QPointF(0, 0), half + 3, half + 3)
        paint_marker(painter, QRectF(-half, -half, self.SIZE, self.SIZE), self.status)
        font = QFont(painter.font())
        font.setPixelSize(12)
        font.setBold(True)
        painter.setFont(font)
        box = QRectF(half + 2, -8, self._label_width(), 16)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(QColor("#1f1f1f"))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, self.code)

    def mouseDoubleClickEvent(self, event):  # noqa: N802 - Qt's name
        self.scene().pin_double_clicked.emit(self.touchpoint_id)
        event.accept()


class PreviewItem(QGraphicsItem):
    """What is being drawn: a rectangle, a line or an unfinished flow line, with its size
    in metres beside it (the map is drawn to scale: the size is what matters)."""

    def __init__(self):
        super().__init__()
        self.setZValue(PIN_Z - 1)
        self.rect: QRectF | None = None
        self.points: list[QPointF] = []
        self.hover: QPointF | None = None

    def set_rect(self, rect: QRectF | None) -> None:
        self.prepareGeometryChange()
        self.rect = rect
        self.update()

    def set_points(self, points: list[QPointF], hover: QPointF | None = None) -> None:
        self.prepareGeometryChange()
        self.points = list(points)
        self.hover = hover
        self.update()

    def measure(self) -> str:
        """The size shown: "4.0 × 3.0 m" for a rectangle, the length for a line."""
        if self.rect is not None:
            return f"{self.rect.width() / UNITS_PER_M:.2f} × {self.rect.height() / UNITS_PER_M:.2f} m"
        pts = self.points + ([self.hover] if self.hover else [])
        if len(pts) >= 2:
            metres = flows.length([(p.x() / UNITS_PER_M, p.y() / UNITS_PER_M) for p in pts])
            return f"{metres:.2f} m"
        return ""

    def boundingRect(self) -> QRectF:  # noqa: N802 - Qt's name
        rect = QRectF(self.rect) if self.rect else QRectF()
        pts = self.points + ([self.hover] if self.hover else [])
        if pts:
            rect = rect.united(QPolygonF(pts).boundingRect())
        pixel = 1 / _zoom(self)
        return rect.adjusted(-20 * pixel, -20 * pixel, 160 * pixel, 40 * pixel)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        pen = QPen(SELECTION_COLOUR, 2.0, Qt.PenStyle.DashLine)
        pen.setCosmetic(True)
        painter.setPen(pen)
        painter.setBrush(QBrush(QColor(10, 132, 255, 40)))
        if self.rect is not None:
            painter.drawRect(self.rect)
        pts = self.points + ([self.hover] if self.hover else [])
        if len(pts) >= 2:
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPolyline(QPolygonF(pts))
        pixel = 1 / _lod(painter)
        for point in self.points:
            painter.drawEllipse(point, 4 * pixel, 4 * pixel)
        text = self.measure()
        if not text:
            return
        corner = self.rect.bottomRight() if self.rect is not None else pts[-1]
        font = QFont(painter.font())
        font.setPixelSize(12)
        painter.save()
        painter.translate(corner)
        painter.scale(pixel, pixel)
        box = QFontMetricsF(font).boundingRect(text).adjusted(-4, -2, 4, 2)
        box.moveTopLeft(QPointF(8, 8))
        painter.setFont(font)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(255, 255, 255, 230))
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(SELECTION_COLOUR.darker(130))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
