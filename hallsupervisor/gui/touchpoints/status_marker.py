"""How a touchpoint's status looks: a colour AND a shape, so it reads for colour-blind users
and on a grey printer too.

    ok    green  circle with a tick
    watch amber  triangle with an exclamation mark
    bad   red    square with a cross bar
    none  grey   hollow circle with a dash

`paint_marker` draws one into a rectangle (map pins, board cards, legend, printouts);
`marker_icon` makes a QIcon of it; `LegendWidget` shows all four with their names and,
when given, how many touchpoints have each status.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QWidget

from hallsupervisor.domain.touchpoints.status import (
    BAD,
    NONE,
    OK,
    STATUS_COLOURS,
    STATUS_LABELS,
    WATCH,
)

_t = QCoreApplication.translate

STATUSES = (OK, WATCH, BAD, NONE)
# Colours chosen to differ in lightness as well as hue (green dark, amber light, red middle).
COLORS = {status: QColor(colour) for status, colour in STATUS_COLOURS.items()}
OUTLINE = QColor("#1f1f1f")


def status_color(status: str) -> QColor:
    return QColor(COLORS.get(status, COLORS[NONE]))


def status_label(status: str) -> str:
    return _t("TouchpointStatus", STATUS_LABELS.get(status, STATUS_LABELS[NONE]))


def paint_marker(painter: QPainter, rect: QRectF, status: str) -> None:
    """Draws the status marker centred in `rect` (a square inside it is used)."""
    rect = QRectF(rect)
    side = min(rect.width(), rect.height())
    box = QRectF(0, 0, side, side)
    box.moveCenter(rect.center())
    inset = side * 0.06
    box = box.adjusted(inset, inset, -inset, -inset)
    s = box.width()
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    outline = QPen(OUTLINE, max(1.0, s * 0.07))
    outline.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    mark = QPen(QColor("white"), max(1.2, s * 0.13))
    mark.setCapStyle(Qt.PenCapStyle.RoundCap)
    mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    c = box.center()
    if status == OK:
        painter.setPen(outline)
        painter.setBrush(COLORS[OK])
        painter.drawEllipse(box)
        tick = QPainterPath(QPointF(c.x() - s * 0.24, c.y() + s * 0.01))
        tick.lineTo(c.x() - s * 0.06, c.y() + s * 0.19)
        tick.lineTo(c.x() + s * 0.26, c.y() - s * 0.17)
        painter.setPen(mark)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawPath(tick)
    elif status == WATCH:
        triangle = QPolygonF(
            [
                QPointF(c.x(), box.top()),
                QPointF(box.right(), box.bottom() - s * 0.04),
                QPointF(box.left(), box.bottom() - s * 0.04),
            ]
        )
        painter.setPen(outline)
        painter.setBrush(COLORS[WATCH])
        painter.drawPolygon(triangle)
        dark = QPen(OUTLINE, max(1.2, s * 0.12))
        dark.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(dark)
        painter.drawLine(QPointF(c.x(), c.y() - s * 0.12), QPointF(c.x(), c.y() + s * 0.16))
        painter.setBrush(OUTLINE)
        painter.setPen(Qt.PenStyle.NoPen)
        dot = s * 0.065
        painter.drawEllipse(QPointF(c.x(), c.y() + s * 0.31), dot, dot)
    elif status == BAD:
        square = box.adjusted(s * 0.06, s * 0.06, -s * 0.06, -s * 0.06)
        painter.setPen(outline)
        painter.setBrush(COLORS[BAD])
        painter.drawRect(square)
        painter.setPen(mark)
        d = s * 0.2
        painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d))
        painter.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d))
    else:
        ring = QPen(COLORS[NONE].darker(140), max(1.2, s * 0.12))
        painter.setPen(ring)
        painter.setBrush(QColor("white"))
        inner = box.adjusted(s * 0.08, s * 0.08, -s * 0.08, -s * 0.08)
        painter.drawEllipse(inner)
        dash = QPen(COLORS[NONE].darker(140), max(1.2, s * 0.1))
        dash.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(dash)
        painter.drawLine(QPointF(c.x() - s * 0.16, c.y()), QPointF(c.x() + s * 0.16, c.y()))
    painter.restore()


def marker_pixmap(status: str, size: int = 16, ratio: float = 1.0) -> QPixmap:
    pixmap = QPixmap(QSize(round(size * ratio), round(size * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    paint_marker(painter, QRectF(0, 0, size, size), status)
    painter.end()
    return pixmap


def marker_icon(status: str, size: int = 16) -> QIcon:
    icon = QIcon()
    for ratio in (1.0, 2.0):
        icon.addPixmap(marker_pixmap(status, size, ratio))
    return icon


class _MarkerLabel(QWidget):
    def __init__(self, status: str, size: int, parent=None):
        super().__init__(parent)
        self.status = status
        self.setFixedSize(size, size)

    def paintEvent(self, event):  # noqa: N802 - Qt API
        painter = QPainter(self)
        paint_marker(painter, QRectF(self.rect()), self.status)
        painter.end()


class LegendWidget(QWidget):
    """The four markers with their names; `set_counts({status: n})` adds the numbers."""

    def __init__(self, parent=None, *, marker_size: int = 16):
        super().__init__(parent)
        self.setObjectName("touchpointLegend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        self._labels: dict[str, QLabel] = {}
        self._counts: dict[str, int] | None = None
        for status in STATUSES:
            layout.addWidget(_MarkerLabel(status, marker_size, self))
            label = QLabel(self)
            label.setObjectName(f"legend_{status}")
            self._labels[status] = label
            layout.addWidget(label)
            layout.addSpacing(6)
        layout.addStretch(1)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self._retranslate()

    def set_counts(self, counts: dict[str, int] | None) -> None:
        self._counts = counts
        self._retranslate()

    def text_of(self, status: str) -> str:
        return self._labels[status].text()

    def _retranslate(self) -> None:
        for status, label in self._labels.items():
            text = status_label(status)
            if self._counts is not None:
                text = f"{text} {self._counts.get(status, 0)}"
            label.setText(text)
