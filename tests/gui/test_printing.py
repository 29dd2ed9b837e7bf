"""Preview, print and save: the same PDF pages whichever way they leave the app."""

from __future__ import annotations

import subprocess

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from hallsupervisor.gui.printing import PrintPreview
from hallsupervisor.reports import pdf


def _document(pages: int = 2) -> bytes:
    from reportlab.platypus import PageBreak

    story = []
    for number in range(pages):
        story += [pdf.para(f"营业厅打印测试 第{number + 1}部分 <&>", "title"), PageBreak()]
    return pdf.build(story[:-1], title="打印测试", furniture=pdf.PageFurniture("城东供电营业厅"))


def _pdf_pages(path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return int(
        next(line.split()[-1] for line in info.stdout.splitlines() if line.startswith("Pages:"))
    )


def test_preview_shows_every_page_and_saves_the_same_bytes(app, qtbot, tmp_path):
    data = _document(3)
    target = tmp_path / "表"  # no extension: .pdf is added
    dialog = PrintPreview(data, "打印测试", "x.pdf", choose_file=lambda: str(target))
    qtbot.addWidget(dialog)
    dialog.show()
    assert len(dialog.pages) == 3 and "3" in dialog.count.text()
    assert dialog.pages[0].width() > 700  # A4 at 96 dpi is 794 pixels wide
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    saved = tmp_path / "表.pdf"
    assert saved.read_bytes() == data


def test_printing_sends_every_page_to_the_chosen_printer(app, qtbot, tmp_path):
    data = _document(2)
    printed = tmp_path / "printed.pdf"

    def printer():
        # A printer that writes a PDF stands in for the office printer.
        chosen = QPrinter(QPrinter.PrinterMode.HighResolution)
        chosen.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        chosen.setOutputFileName(str(printed))
        chosen.setResolution(150)
        return chosen

    dialog = PrintPreview(data, "打印测试", "x.pdf", choose_printer=printer)
    qtbot.addWidget(dialog)
    assert dialog.print_document() == 2
    assert _pdf_pages(printed) == 2


def test_saving_to_a_folder_that_does_not_exist_says_so(app, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    dialog = PrintPreview(
        _document(1), "打印测试", "x.pdf", choose_file=lambda: str(tmp_path / "missing" / "a.pdf")
    )
    qtbot.addWidget(dialog)
    assert dialog.save_pdf() is None
    assert shown and "无法写入" in shown[0]


def test_inspection_print_menu_previews_the_days_blank_sheet(open_window, demo_db, qtbot):
    from PySide6.QtWidgets import QApplication

    from tests.gui.conftest import activate

    window = open_window(demo_db)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    tab = window.inspection
    tab.print_sheet_action.trigger()
    previews = [w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview)]
    assert len(previews) == 1
    preview = previews[0]
    qtbot.addWidget(preview)
    assert len(preview.pages) == 3  # the demo's 79-item checklist
    assert preview.data.startswith(b"%PDF")
    assert "空白巡检表 2026-11-25" == preview.windowTitle()
    preview.close()
