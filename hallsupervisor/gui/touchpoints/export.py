"""The map with its legend as a PNG picture or a PDF page (A4 or A3, landscape) for the wall.

Interface (issue 5 contract):
    export_map(scene, legend_statuses, map_title, parent) -> Path | PrintPreview | None
        asks PNG / PDF A4 / PDF A3; a PNG is written to the file chosen next (its path is
        returned), a PDF opens in the shared print preview (gui/printing.py: 打印… straight
        to the printer, or 另存为 PDF…), returned. When `parent` (the tab) has a `panel`
        (TouchpointPanel), the period and the board's list go with it.
    render_png(scene, path, *, statuses=None, title="", subtitle="", width_px=...)
    pdf_bytes(scene, paper="A4"|"A3", *, statuses=None, title="", subtitle="", rows=())
    write_pdf(scene, path, paper="A4"|"A3", *, statuses=None, title="", subtitle="", rows=())

The scene is drawn without selection handles or the grid: `scene.printing()` (the map
scene's context manager) is used when the scene has one, and the selection is cleared for
the moment of drawing in any case. Pins keep their size on screen whatever the zoom, so the
picture is drawn at a readable logical size and sharpened by the device pixel ratio.
"""

from __future__ import annotations

import contextlib
import dataclasses
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsScene,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.gui.touchpoints.status_marker import STATUSES, paint_marker, status_label

_t = QCoreApplication.translate

PNG, PDF_A4, PDF_A3 = "png", "A4", "A3"
MAP_LOGICAL_WIDTH = 1400  # the map drawn this wide in logical pixels: pins and labels legible
PNG_RATIO = 2.0
PDF_DPI = 200
# How wide a pin's 22 logical pixels print: A3 is the A4 page enlarged (x1.41), so pins,
# codes and zone names on the wall sheet grow with the paper instead of staying A4-sized.
PIN_MM = {PDF_A4: 6.0, PDF_A3: 8.5}
MARGIN = 24


def _source_rect(scene: QGraphicsScene) -> QRectF:
    content = getattr(scene, "content_rect", None)  # the map scene: the hall, pins included
    if callable(content):
        rect = QRectF(content())
        if not rect.isEmpty():
            return rect
    rect = scene.itemsBoundingRect()
    if rect.isEmpty():
        rect = scene.sceneRect()
    pad = max(rect.width(), rect.height()) * 0.02
    return rect.adjusted(-pad, -pad, pad, pad)


@contextlib.contextmanager
def _printing(scene: QGraphicsScene):
    selected = scene.selectedItems()
    for item in selected:
        item.setSelected(False)
    printing = getattr(scene, "printing", None)
    try:
        with printing() if callable(printing) else contextlib.nullcontext():
            yield
    finally:
        for item in selected:
            item.setSelected(True)


def map_image(scene: QGraphicsScene, logical_width: int, ratio: float) -> QImage:
    """The map alone on white, `logical_width` wide, at `ratio` device pixels per pixel."""
    source = _source_rect(scene)
    height = max(1, round(logical_width * source.height() / max(source.width(), 1e-6)))
    image = QImage(
        QSize(round(logical_width * ratio), round(height * ratio)), QImage.Format.Format_RGB32
    )
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(
        QPainter.RenderHint.Antialiasing
        | QPainter.RenderHint.TextAntialiasing
        | QPainter.RenderHint.SmoothPixmapTransform
    )
    with _printing(scene):
        scene.render(painter, QRectF(0, 0, logical_width, height), source)
    painter.end()
    return image


def _legend_text(status: str, counts: dict | None) -> str:
    text = status_label(status)
    return f"{text} {counts.get(status, 0)}" if counts is not None else text


def render_png(
    scene: QGraphicsScene,
    path,
    *,
    statuses: dict | None = None,
    title: str = "",
    subtitle: str = "",
    width_px: int = MAP_LOGICAL_WIDTH,
    ratio: float = PNG_RATIO,
) -> Path:
    """Writes title, map and legend as one PNG; returns the path."""
    path = Path(path)
    counts = st.counts(statuses) if statuses is not None else None
    themap = map_image(scene, width_px, ratio)
    map_height = themap.height() / ratio
    title_font = QFont()
    title_font.setPixelSize(26)
    title_font.setBold(True)
    body_font = QFont()
    body_font.setPixelSize(17)
    top = MARGIN + (36 if title else 0) + (26 if subtitle else 0)
    legend_height = 44
    width = width_px + 2 * MARGIN
    height = round(top + map_height + 10 + legend_height + MARGIN)
    image = QImage(QSize(round(width * ratio), round(height * ratio)), QImage.Format.Format_RGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    painter.setPen(QColor("#1f1f1f"))
    y = MARGIN
    if title:
        painter.setFont(title_font)
        painter.drawText(QRectF(MARGIN, y, width_px, 34), Qt.AlignmentFlag.AlignLeft, title)
        y += 36
    if subtitle:
        painter.setFont(body_font)
        painter.setPen(QColor("#555555"))
        painter.drawText(QRectF(MARGIN, y, width_px, 24), Qt.AlignmentFlag.AlignLeft, subtitle)
        y += 26
    painter.drawImage(QRectF(MARGIN, top, width_px, map_height), themap)
    painter.setPen(QColor("#b4b4b4"))
    painter.drawRect(QRectF(MARGIN, top, width_px, map_height))
    # The legend: marker and name of each status, with how many touchpoints have it.
    y = top + map_height + 10
    painter.setFont(body_font)
    painter.setPen(QColor("#1f1f1f"))
    x = MARGIN
    legend_title = _t("TouchpointExport", "图例：")
    painter.drawText(QRectF(x, y, 200, 30), Qt.AlignmentFlag.AlignVCenter, legend_title)
    x += painter.fontMetrics().horizontalAdvance(legend_title) + 8
    for status in STATUSES:
        paint_marker(painter, QRectF(x, y + 1, 28, 28), status)
        x += 34
        label = _legend_text(status, counts)
        painter.drawText(QRectF(x, y, 300, 30), Qt.AlignmentFlag.AlignVCenter, label)
        x += painter.fontMetrics().horizontalAdvance(label) + 26
    painter.end()
    if not image.save(str(path), "PNG"):
        raise OSError(_t("TouchpointExport", "无法写入文件：{path}").format(path=path))
    return path


def write_pdf(
    scene: QGraphicsScene,
    path,
    paper: str = PDF_A4,
    *,
    statuses: dict | None = None,
    title: str = "",
    subtitle: str = "",
    rows: list | tuple = (),
) -> Path:
    """Writes the map page as PDF (landscape `paper`); see `pdf_bytes`."""
    from hallsupervisor.reports import pdf

    path = Path(path)
    pdf.write(path, pdf_bytes(scene, paper, statuses=statuses, title=title, subtitle=subtitle,
                              rows=rows))
    return path


def pdf_bytes(
    scene: QGraphicsScene,
    paper: str = PDF_A4,
    *,
    statuses: dict | None = None,
    title: str = "",
    subtitle: str = "",
    rows: list | tuple = (),
) -> bytes:
    """The map page as PDF (landscape `paper`) through the shared PDF module.

    `rows` are board entries (status.BoardEntry) or ready tuples for the touchpoint list."""
    from hallsupervisor.reports import touchpoint_map as report

    box_w, box_h = report.map_box_mm(paper, has_subtitle=bool(subtitle))
    source = _source_rect(scene)
    aspect = source.height() / max(source.width(), 1e-6)
    width_mm = min(box_w, box_h / aspect) if aspect > 0 else box_w
    # Logical pixels sized so pins print PIN_MM across; device pixels give PDF_DPI.
    logical = max(600, round(width_mm / PIN_MM.get(paper, PIN_MM[PDF_A4]) * 22))
    ratio = max(1.0, width_mm / 25.4 * PDF_DPI / logical)
    image = map_image(scene, logical, ratio)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    counts = st.counts(statuses) if statuses is not None else None
    legend = [(s, _legend_text(s, counts)) for s in STATUSES]
    table = [_row_texts(r) for r in rows]
    headers = [
        _t("TouchpointExport", "编号"),
        _t("TouchpointExport", "触点"),
        _t("TouchpointExport", "状态"),
        _t("TouchpointExport", "环节"),
        _t("TouchpointExport", "责任岗位"),
        _t("TouchpointExport", "待整改"),
        _t("TouchpointExport", "趋势"),
    ]
    return report.build_map_pdf(
        bytes(data),
        paper=paper,
        title=title or _t("TouchpointExport", "触点地图"),
        subtitle=subtitle,
        legend=legend,
        legend_title=_t("TouchpointExport", "图例："),
        rows=table,
        headers=headers,
        list_title=_t("TouchpointExport", "触点一览"),
    )


def _row_texts(row) -> tuple:
    if not isinstance(row, st.BoardEntry):
        return tuple(row)
    from hallsupervisor.gui.touchpoints.panel import role_label, stage_label, trend_text

    actions = str(row.open_actions)
    if row.overdue_actions:
        actions += _t("TouchpointExport", "（超期 {n}）").format(n=row.overdue_actions)
    return (
        row.code,
        row.name,
        (row.status, status_label(row.status)),
        stage_label(row.stage),
        role_label(row.role),
        actions,
        trend_text(row.trend),
    )


class ExportDialog(QDialog):
    """Asks what to make: a PNG picture, or a PDF page on A4 or A3."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mapExportDialog")
        self.setWindowTitle(_t("TouchpointExport", "导出触点地图"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.kind = QComboBox(self)
        self.kind.setObjectName("exportKind")
        self.kind.addItem(_t("TouchpointExport", "PDF，A4 横向（打印张贴）"), PDF_A4)
        self.kind.addItem(_t("TouchpointExport", "PDF，A3 横向（员工室墙上）"), PDF_A3)
        self.kind.addItem(_t("TouchpointExport", "PNG 图片"), PNG)
        form.addRow(_t("TouchpointExport", "格式"), self.kind)
        layout.addLayout(form)
        note = QLabel(
            _t("TouchpointExport", "导出的是当前平面图、各触点在统计期间的状态和图例。"), self
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return self.kind.currentData()


def ask_png_name(parent: QWidget | None, suggested: str) -> str:
    """The save dialog for the picture (Qt's own, so tests and every platform behave the
    same); PDFs are saved from the print preview."""
    pattern = _t("TouchpointExport", "PNG 图片 (*.png)")
    dialog = QFileDialog(parent, _t("TouchpointExport", "保存为"), suggested + ".png", pattern)
    dialog.setObjectName("mapExportFile")
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setDefaultSuffix("png")
    if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return ""
    return dialog.selectedFiles()[0]


def export_map(
    scene: QGraphicsScene, legend_statuses: dict, map_title: str, parent: QWidget | None
):
    """Asks the format; a PNG is written to the file chosen next (returned), a PDF opens in
    the print preview to print or save (the preview returned); None if cancelled."""
    dialog = ExportDialog(parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    kind = dialog.choice()
    panel = getattr(parent, "panel", None)
    subtitle, rows = "", ()
    if panel is not None and hasattr(panel, "entries"):
        subtitle = _t("TouchpointExport", "统计期间 {period}").format(period=panel.period.label())
        names = {tp.id: panel.touchpoint_name(tp) for tp in panel.touchpoints}
        rows = [
            dataclasses.replace(e, name=names.get(e.touchpoint_id, e.name))
            for e in sorted(panel.entries(), key=lambda e: e.code)
        ]
    title = map_title or _t("TouchpointExport", "触点地图")
    if kind != PNG:
        from hallsupervisor.gui.printing import preview

        return preview(
            parent,
            lambda: pdf_bytes(scene, kind, statuses=legend_statuses, title=title,
                              subtitle=subtitle, rows=rows),
            title,
            f"{title}.pdf",
        )
    path = ask_png_name(parent, title)
    if not path:
        return None
    try:
        return render_png(scene, path, statuses=legend_statuses, title=title, subtitle=subtitle)
    except OSError as error:
        QMessageBox.warning(
            parent,
            _t("TouchpointExport", "导出失败"),
            _t("TouchpointExport", "文件没有写成：{error}").format(error=str(error)),
        )
        return None
