"""The one PDF module: fonts, styles, page furniture and building, for every printout.

Every document uses the bundled Chinese font (embedded, so it prints the same anywhere),
the same styles and the same footer with "第 x 页 共 y 页". Output is deterministic for the
same data (reportlab's invariant mode: no timestamps or random ids), so tests can compare.
User text always goes through `para()`/`escape()`: it is text, never markup.
"""

from __future__ import annotations

import io
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable
from xml.sax.saxutils import escape as _xml_escape

from hallsupervisor import paths

FONT = "WQYMicroHei"
# The bundled font has no bold face: headings are larger instead, with a stroke for weight.
PAGE_MARGIN_MM = 14


@lru_cache(maxsize=1)
def register_fonts() -> str:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(
        TTFont(FONT, str(paths.fonts_dir() / paths.CJK_FONT_FILE), subfontIndex=0)
    )
    # Drawings (QR codes, charts) start in this font too, not in an unembedded Helvetica.
    from reportlab.graphics import shapes

    shapes.STATE_DEFAULTS["fontName"] = FONT
    return FONT


# -- text that the bundled font can draw ----------------------------------------------------------------
@lru_cache(maxsize=1)
def _font_chars() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    register_fonts()
    return frozenset(pdfmetrics.getFont(FONT).face.charToGlyph)


def font_has(char: str) -> bool:
    return ord(char) in _font_chars()


MISSING_GLYPH = "□"  # what a character the font cannot draw (an emoji…) prints as


def printable(value: object) -> str:
    """User text as the bundled font can print it, before escaping.

    Line breaks stay, tabs become spaces, invisible joiners and variation selectors go, and a
    character the font has no glyph for (an emoji, a rare ideograph) becomes □ instead of
    silently vanishing from the page.
    """
    result = []
    for char in str(value).replace("\r\n", "\n").replace("\r", "\n"):
        if char == "\n":
            result.append(char)
        elif char == "\t":
            result.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cf") or (
            "\ufe00" <= char <= "\ufe0f" or "\U000e0100" <= char <= "\U000e01ef"
        ):
            continue  # control characters, joiners, variation selectors: nothing to draw
        elif font_has(char):
            result.append(char)
        else:
            result.append(MISSING_GLYPH)
    return "".join(result)


def symbol(*candidates: str, fallback: str = "") -> str:
    """The first of `candidates` the font can draw (each checked whole), else `fallback`."""
    for candidate in candidates:
        if all(font_has(char) for char in candidate):
            return candidate
    return fallback


def escape(text: object) -> str:
    """User text made safe for reportlab's paragraph markup (<, >, & and quotes), with any
    character the font cannot draw shown as □ rather than vanishing."""
    return _xml_escape(printable(text), {'"': "&quot;"}).replace("\n", "<br/>")


@lru_cache(maxsize=1)
def styles() -> dict:
    """The shared paragraph styles; CJK wrapping breaks long words anywhere."""
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle

    register_fonts()
    base = ParagraphStyle(
        "body", fontName=FONT, fontSize=9.5, leading=12.5, wordWrap="CJK", textColor=colors.black
    )
    return {
        "title": ParagraphStyle("title", parent=base, fontSize=16, leading=20, spaceAfter=4),
        "heading": ParagraphStyle(
            "heading", parent=base, fontSize=12, leading=15, spaceBefore=6, spaceAfter=3
        ),
        "body": base,
        "small": ParagraphStyle(
            "small", parent=base, fontSize=8, leading=10, textColor=colors.HexColor("#444444")
        ),
        "cell": ParagraphStyle("cell", parent=base, fontSize=9, leading=11),
        "cell_small": ParagraphStyle("cell_small", parent=base, fontSize=8, leading=9.5),
        "fail": ParagraphStyle(
            "fail", parent=base, fontSize=9, leading=11, textColor=colors.HexColor("#b3261e")
        ),
    }


def para(text: object, style: str = "body"):
    from reportlab.platypus import Paragraph

    return Paragraph(escape(text), styles()[style])


def qr_drawing(data: str, size_mm: float = 22):
    """A QR code as a flowable drawing (reportlab's own encoder: no extra dependency)."""
    from reportlab.graphics.barcode.qr import QrCodeWidget
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib.units import mm

    widget = QrCodeWidget(data, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    side = size_mm * mm
    drawing = Drawing(side, side, transform=[side / (x2 - x1), 0, 0, side / (y2 - y1), 0, 0])
    drawing.add(widget)
    return drawing


@dataclass
class PageFurniture:
    """What every page carries: a running header line and a footer with page x of y."""

    header: str = ""
    footer: str = ""


def _numbered_canvas_class(furniture: PageFurniture):
    from reportlab.lib.units import mm
    from reportlab.pdfgen import canvas as _canvas

    class NumberedCanvas(_canvas.Canvas):
        """Draws the footer after the whole document is laid out, so "共 y 页" is known."""

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages = []

        def showPage(self):  # noqa: N802 - reportlab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._furniture(number, total)
                super().showPage()
            super().save()

        def _furniture(self, number: int, total: int) -> None:
            width, height = self._pagesize
            margin = PAGE_MARGIN_MM * mm
            self.setFont(FONT, 8)
            self.setFillColorRGB(0.3, 0.3, 0.3)
            if furniture.header:
                self.drawString(margin, height - margin + 4 * mm, furniture.header)
            if furniture.footer:
                self.drawString(margin, margin - 7 * mm, furniture.footer)
            self.drawRightString(width - margin, margin - 7 * mm, f"第 {number} 页 共 {total} 页")

    return NumberedCanvas


def build(
    story: list,
    *,
    title: str,
    furniture: PageFurniture | None = None,
    pagesize=None,
    on_page: Callable | None = None,
) -> bytes:
    """Lays out `story` on A4 (portrait unless told) and returns the PDF bytes."""
    from reportlab import rl_config
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    register_fonts()
    rl_config.invariant = 1  # no creation date or random document id: same data, same bytes
    buffer = io.BytesIO()
    margin = PAGE_MARGIN_MM * mm
    doc = SimpleDocTemplate(
        buffer,
        pagesize=pagesize or A4,
        leftMargin=margin,
        rightMargin=margin,
        topMargin=margin,
        bottomMargin=margin,
        title=title,
        author="hallsupervisor",
        creator="hallsupervisor",
        subject=title,
        # Start every page in our font, so no unembedded standard font is referenced.
        initialFontName=FONT,
        initialFontSize=9,
    )
    callback = on_page or (lambda canvas, doc: None)
    doc.build(
        story,
        onFirstPage=callback,
        onLaterPages=callback,
        canvasmaker=_numbered_canvas_class(furniture or PageFurniture()),
    )
    return buffer.getvalue()


def write(path, data: bytes) -> None:
    """Writes a PDF atomically: a half-written file never replaces a good one."""
    import os
    from pathlib import Path

    target = Path(path)
    partial = target.with_name(target.name + ".part")
    partial.write_bytes(data)
    os.replace(partial, target)
