"""A photo or scan of the hall's floor plan behind the map, to trace over.

Its scale is set by drawing a line of known length on it (the scene's "scale" tool, then
`ask_scale_length`), and it is locked by default so a drag meant for the map does not
move it; unlocked, it can be dragged into place. The image itself is kept in the database
(hall_maps.background) so the map moves with the database file.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPointF, Qt
from PySide6.QtGui import QImage, QImageReader, QPixmap
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QGraphicsPixmapItem, QInputDialog

from hallsupervisor.domain.files import os_error_reason
from hallsupervisor.gui import i18n
from hallsupervisor.gui.touchpoints.map_items import m_to_units, units_to_m
from hallsupervisor.storage import hall_maps

_t = QCoreApplication.translate

BACKGROUND_Z = -1000.0
MAX_PIXELS = 40_000_000  # a 40-megapixel scan is plenty to trace a hall
FORMATS = ("png", "jpg", "jpeg", "bmp", "gif", "webp")


class BackgroundError(ValueError):
    """An image that cannot be used; `str()` is for the user."""


def read_image_file(path: str | Path) -> tuple[bytes, str, QImage]:
    """The file's bytes, its format and the decoded image; BackgroundError when unusable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BackgroundError(
            _t("MapEditor", "无法读取文件：{reason}").format(reason=i18n.text(os_error_reason(exc)))
        ) from exc
    if len(data) > hall_maps.MAX_BACKGROUND_BYTES:
        raise BackgroundError(_t("MapEditor", "图片太大（超过 30 MB），请先缩小后再导入。"))
    image, image_format = decode(data)
    return data, image_format, image


def decode(data: bytes) -> tuple[QImage, str]:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    image_format = bytes(reader.format().data()).decode("ascii", "replace").lower()
    size = reader.size()
    if size.isValid() and size.width() * size.height() > MAX_PIXELS:
        raise BackgroundError(_t("MapEditor", "图片像素过多，请先缩小后再导入。"))
    image = reader.read()
    if image.isNull() or image_format not in FORMATS:
        raise BackgroundError(
            _t("MapEditor", "这不是可以使用的图片文件（支持 PNG、JPG、BMP、GIF、WebP）。")
        )
    return image, image_format


def choose_image_file(parent) -> str | None:
    patterns = " ".join(f"*.{f}" for f in FORMATS)
    path, _filter = QFileDialog.getOpenFileName(
        parent,
        _t("MapEditor", "选择平面图照片或扫描件"),
        "",
        _t("MapEditor", "图片 ({patterns})").format(patterns=patterns),
    )
    return path or None


def ask_scale_length(parent, drawn_m: float) -> float | None:
    """Asks how long the line just drawn is in reality, in metres."""
    value, ok = QInputDialog.getDouble(
        parent,
        _t("MapEditor", "设定比例尺"),
        _t("MapEditor", "这条线的实际长度（米）："),
        round(max(0.1, drawn_m), 2),
        0.1,
        1000.0,
        2,
    )
    return value if ok else None


def initial_scale(image: QImage, width_m: float, depth_m: float) -> float:
    """Metres per pixel that make a new background about as big as the map."""
    if image.width() <= 0 or image.height() <= 0:
        return 0.01
    return min(width_m / image.width(), depth_m / image.height())


class BackgroundItem(QGraphicsPixmapItem):
    """The traced image: below everything, half transparent, movable only when unlocked."""

    def __init__(self):
        super().__init__()
        self.setZValue(BACKGROUND_Z)
        self.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        self.m_per_px = 0.01
        self.locked = True
        self._press_pos: QPointF | None = None
        self.set_locked(True)

    def set_image(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data:
            with suppress(BackgroundError):
                image, _format = decode(data)
                pixmap = QPixmap.fromImage(image)
        self.setPixmap(pixmap)
        self.setVisible(not pixmap.isNull())

    def set_placement(self, x_m: float, y_m: float, m_per_px: float, opacity: float) -> None:
        self.m_per_px = m_per_px
        self.setScale(m_to_units(m_per_px))
        self.setPos(m_to_units(x_m), m_to_units(y_m))
        self.setOpacity(max(0.05, min(1.0, opacity)))

    def set_locked(self, locked: bool) -> None:
        self.locked = locked
        movable = not locked
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsMovable, movable)
        self.setAcceptedMouseButtons(
            Qt.MouseButton.LeftButton if movable else Qt.MouseButton.NoButton
        )
        self.setCursor(Qt.CursorShape.SizeAllCursor if movable else Qt.CursorShape.ArrowCursor)

    def position_m(self) -> tuple[float, float]:
        return units_to_m(self.pos().x()), units_to_m(self.pos().y())

    def mousePressEvent(self, event):  # noqa: N802 - Qt's name
        self._press_pos = QPointF(self.pos())
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event):  # noqa: N802 - Qt's name
        super().mouseReleaseEvent(event)
        if self._press_pos is not None and self._press_pos != self.pos():
            before = (units_to_m(self._press_pos.x()), units_to_m(self._press_pos.y()))
            self.scene().report_background_moved(before, self.position_m())
        self._press_pos = None
