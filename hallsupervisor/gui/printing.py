"""Print preview, printing and saving for every printout: the PDF is the one source.

The document is built once as a PDF (reports.*). The preview shows its pages, printing
sends the same pages to the printer chosen in the system print dialog, and saving writes
the same bytes: what is previewed is what prints.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

log = logging.getLogger(__name__)
_t = QCoreApplication.translate

PREVIEW_DPI = 96
MAX_PRINT_DPI = 300  # sharp text on an office laser printer, without huge page images


def render_pages(data: bytes, dpi: int) -> list[QImage]:
    """Every page of a PDF as an image at `dpi` (pdfium, imported when first needed)."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(data)
    images = []
    try:
        for index in range(len(document)):
            page = document[index]
            bitmap = page.render(scale=dpi / 72)
            pil = bitmap.to_pil().convert("RGB")
            raw = pil.tobytes()
            image = QImage(raw, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888)
            images.append(image.copy())  # detach from the Python buffer
            page.close()
    finally:
        document.close()
    return images


def print_pdf(data: bytes, printer) -> int:
    """Paints each page onto the printer's page; returns the number of pages sent."""
    dpi = min(printer.resolution(), MAX_PRINT_DPI)
    pages = render_pages(data, dpi)
    painter = QPainter()
    if not painter.begin(printer):
        raise OSError("the printer could not be opened")
    try:
        for number, image in enumerate(pages):
            if number:
                printer.newPage()
            target = painter.viewport()
            scaled = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(QRect(target.topLeft(), scaled), image)
    finally:
        painter.end()
    return len(pages)


class PrintPreview(QDialog):
    """Pages of a printout, with 打印… and 另存为 PDF…."""

    def __init__(
        self,
        data: bytes,
        title: str,
        file_name: str,
        parent: QWidget | None = None,
        choose_file=None,
        choose_printer=None,
    ):
        super().__init__(parent)
        self.setObjectName("printPreview")
        self.setWindowTitle(title)
        self.data = data
        self.file_name = file_name
        self.choose_file = choose_file or self._choose_file
        self.choose_printer = choose_printer or self._choose_printer
        layout = QVBoxLayout(self)
        self.pages = render_pages(data, PREVIEW_DPI)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        holder = QWidget(scroll)
        column = QVBoxLayout(holder)
        for image in self.pages:
            label = QLabel(holder)
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: white; border: 1px solid #bbb;")
            column.addWidget(label)
        scroll.setWidget(holder)
        layout.addWidget(scroll, 1)
        buttons = QHBoxLayout()
        self.count = QLabel(_t("Printing", "共 {n} 页").format(n=len(self.pages)), self)
        buttons.addWidget(self.count)
        buttons.addStretch(1)
        self.print_button = QPushButton(_t("Printing", "打印…"), self)
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(_t("Printing", "另存为 PDF…"), self)
        self.save_button.setObjectName("savePdfButton")
        close = QPushButton(_t("Printing", "关闭"), self)
        for button in (self.print_button, self.save_button, close):
            button.setMinimumHeight(36)
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_pdf)
        close.clicked.connect(self.accept)
        # Wide enough for the widest page (landscape rosters and maps) when the screen allows.
        widest = max((image.width() for image in self.pages), default=0) + 60
        screen = (parent.screen() if parent is not None else self.screen()).availableGeometry()
        self.resize(max(900, min(widest, screen.width() - 40)), min(760, screen.height() - 40))

    def _choose_file(self) -> str | None:
        name, _ = QFileDialog.getSaveFileName(
            self, _t("Printing", "另存为 PDF"), self.file_name, _t("Printing", "PDF 文件 (*.pdf)")
        )
        return name or None

    def _choose_printer(self):
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        dialog = QPrintDialog(printer, self)
        return printer if dialog.exec() == QDialog.DialogCode.Accepted else None

    def save_pdf(self) -> Path | None:
        from hallsupervisor.domain.files import os_error_reason
        from hallsupervisor.gui import i18n
        from hallsupervisor.reports import pdf

        name = self.choose_file()
        if not name:
            return None
        target = Path(name)
        if target.suffix.lower() != ".pdf":
            target = target.with_name(target.name + ".pdf")
        try:
            pdf.write(target, self.data)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _t("Printing", "无法保存"),
                _t("Printing", "无法写入这个文件：{path}\n{reason}").format(
                    path=target, reason=i18n.text(os_error_reason(exc))
                ),
            )
            return None
        return target

    def print_document(self) -> int:
        printer = self.choose_printer()
        if printer is None:
            return 0
        try:
            return print_pdf(self.data, printer)
        except OSError as exc:
            log.warning("printing failed: %s", exc)
            QMessageBox.warning(
                self,
                _t("Printing", "无法打印"),
                _t("Printing", "打印机无法使用：{reason}").format(reason=exc),
            )
            return 0


def preview(parent: QWidget, make, title: str, file_name: str) -> PrintPreview | None:
    """Builds a printout and opens its preview; a ReportError becomes a plain message."""
    from hallsupervisor.gui import i18n
    from hallsupervisor.reports.errors import ReportError

    try:
        data = make()
    except ReportError as problem:
        QMessageBox.information(parent, title, i18n.text(problem.message))
        return None
    dialog = PrintPreview(data, title, file_name, parent)
    dialog.open()
    return dialog
