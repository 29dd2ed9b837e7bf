"""The view onto the map: zoom to the cursor, pan with the mouse and the keyboard, fit.

Wheel: zoom about the point under the cursor. Pan: drag with the middle button, or hold
Space and drag, or the arrow keys when nothing is selected (arrows move a selection).
Keys: + and - zoom about the centre, 0 fits the whole hall into the window.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter
from PySide6.QtWidgets import QGraphicsView

ZOOM_STEP = 1.25
MIN_PIXELS_PER_M = 2.0
MAX_PIXELS_PER_M = 2000.0
PAN_STEP_PX = 60


class MapView(QGraphicsView):
    zoom_changed = Signal(float)  # screen pixels per metre
    cursor_moved = Signal(float, float)  # the map point under the mouse, in metres

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setObjectName("mapView")
        self.setRenderHints(QPainter.RenderHint.Antialiasing
                            | QPainter.RenderHint.TextAntialiasing
                            | QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setCacheMode(QGraphicsView.CacheModeFlag.CacheBackground)  # the grid
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._panning = False
        self._pan_from = None
        self._space = False
        self.setMouseTracking(True)
        self._fit_pending = True
        self._auto_fit = True  # fitted and not zoomed or panned since: a resize fits again
        for bar in (self.horizontalScrollBar(), self.verticalScrollBar()):
            # Emitted for the user's scrolling only (keys, scroll bar), not for setValue().
            bar.actionTriggered.connect(self._user_scrolled)

    # -- zoom -----------------------------------------------------------------------
    def pixels_per_metre(self) -> float:
        from hallsupervisor.gui.touchpoints.map_items import UNITS_PER_M

        return self.transform().m11() * UNITS_PER_M

    def zoom_by(self, factor: float, at: QPoint | None = None) -> None:
        """Zooms by `factor` keeping the map point under `at` (viewport pixels; default:
        the middle of the view) where it is on screen."""
        current = self.pixels_per_metre()
        target = max(MIN_PIXELS_PER_M, min(MAX_PIXELS_PER_M, current * factor))
        if abs(target - current) < 1e-9:
            return
        if at is None:
            at = self.viewport().rect().center()
        anchor = self.mapToScene(at)
        self._auto_fit = False
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.scale(target / current, target / current)
        moved = self.mapFromScene(anchor) - at
        self.pan_by(moved.x(), moved.y())
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self._zoomed()

    def _zoomed(self) -> None:
        scene = self.scene()
        if hasattr(scene, "set_view_pixels"):
            scene.set_view_pixels(self.transform().m11())
        self.zoom_changed.emit(self.pixels_per_metre())

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def fit(self) -> None:
        """The whole hall (and anything outside it) fills the window."""
        scene = self.scene()
        if scene is None:
            return
        if self.viewport().width() < 10 or self.viewport().height() < 10:
            self._fit_pending = True
            return
        self._fit_pending = False
        self._auto_fit = True
        rect: QRectF = scene.content_rect()
        self.resetTransform()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        self._zoomed()

    def request_fit(self) -> None:
        """Fits once the view has its size: just shown, its layout may not have run yet."""
        self._fit_pending = True
        QTimer.singleShot(0, self._fit_if_pending)

    def _fit_if_pending(self) -> None:
        if self._fit_pending and self.isVisible():
            self.fit()

    def resizeEvent(self, event):  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        if self._fit_pending or self._auto_fit:
            self.fit()

    def showEvent(self, event):  # noqa: N802 - Qt's name
        super().showEvent(event)
        if self._fit_pending:
            QTimer.singleShot(0, self._fit_if_pending)

    def wheelEvent(self, event):  # noqa: N802 - Qt's name
        delta = event.angleDelta().y() or event.angleDelta().x()
        if not delta:
            event.ignore()
            return
        self.zoom_by(ZOOM_STEP ** (delta / 120), event.position().toPoint())
        event.accept()

    # -- pan ------------------------------------------------------------------------
    def _start_pan(self, event: QMouseEvent) -> None:
        self._panning = True
        self._auto_fit = False
        self._pan_from = event.position().toPoint()
        self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        event.accept()

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.MiddleButton or (
            self._space and event.button() == Qt.MouseButton.LeftButton
        ):
            self._start_pan(event)
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt's name
        from hallsupervisor.gui.touchpoints.map_items import UNITS_PER_M

        where = self.mapToScene(event.position().toPoint())
        self.cursor_moved.emit(where.x() / UNITS_PER_M, where.y() / UNITS_PER_M)
        if self._panning:
            point = event.position().toPoint()
            delta = point - self._pan_from
            self._pan_from = point
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if self._panning:
            self._panning = False
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor if self._space
                                      else Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def _user_scrolled(self, _action: int) -> None:
        self._auto_fit = False

    def pan_by(self, dx: int, dy: int) -> None:
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + dx)
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + dy)

    def keyPressEvent(self, event):  # noqa: N802 - Qt's name
        key = event.key()
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
            event.accept()
            return
        if key == Qt.Key.Key_Minus:
            self.zoom_out()
            event.accept()
            return
        if key == Qt.Key.Key_0 and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.fit()
            event.accept()
            return
        # The scene takes the arrows when something is selected (to move it).
        super().keyPressEvent(event)
        if event.isAccepted():
            return
        pans = {
            Qt.Key.Key_Left: (-PAN_STEP_PX, 0),
            Qt.Key.Key_Right: (PAN_STEP_PX, 0),
            Qt.Key.Key_Up: (0, -PAN_STEP_PX),
            Qt.Key.Key_Down: (0, PAN_STEP_PX),
        }
        if key in pans:
            self.pan_by(*pans[key])
            event.accept()

    def keyReleaseEvent(self, event):  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            event.accept()
            return
        super().keyReleaseEvent(event)
