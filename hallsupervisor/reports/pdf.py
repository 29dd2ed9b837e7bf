"""The one PDF module: fonts, styles, page furniture, table and heading helpers, and
building, for every printout.

Every document uses the bundled Chinese font (embedded, so it prints the same anywhere),
the same styles and the same footer with "第 x 页 共 y 页". Output is deterministic for the
same data (reportlab's invariant mode: no timestamps or random ids), so tests can compare.
User text always goes through `para()`/`escape()`: it is text, never markup.
"""

from __future__ import annotations

import io
import re
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


# -- layout shared by the documents: colours, cells, tables, headings ---------------------------------------------------------------------------
INK = "#222222"
MUTED = "#666666"
RULE = "#b4b4b4"
HEAD_BG = "#ececec"
SECTION_BG = "#d9d9d9"
RED = "#b3261e"  # the same red as styles()["fail"]
RED_BG = "#fbe4e1"  # light enough to read through, prints as a light grey
GREEN = "#1e6b34"


# -- marks the bundled font can draw ---------------------------------------------------------------
def mark_pass() -> str:
    return symbol("✓", "√")


def mark_fail() -> str:
    return symbol("✗", "✘", "×")


def mark_na() -> str:
    return symbol("○", "◯")


def labelled(mark: str, word: str) -> str:
    """The mark and the word ("✓ 合格"), or only the word when the font has no mark."""
    return f"{mark} {word}" if mark else word


def markup(value: object, color: str | None = None, size: float | None = None) -> str:
    """One escaped run of user text, optionally coloured or sized, to join into a paragraph."""
    body = escape(printable(value))
    attributes = (f' color="{color}"' if color else "") + (f' size="{size}"' if size else "")
    return f"<font{attributes}>{body}</font>" if attributes else body


@lru_cache(maxsize=None)
def style(name: str = "cell", **changes):
    """A shared style from styles(), or a variant of it (alignment, colour, size)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = styles()[name]
    if not changes:
        return base
    align = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT}
    values = dict(changes)
    if "alignment" in values:
        values["alignment"] = align[values["alignment"]]
    if "textColor" in values:
        values["textColor"] = colors.HexColor(values["textColor"])
    key = "_".join(f"{k}-{v}" for k, v in sorted(changes.items()))
    return ParagraphStyle(f"{name}-{key}", parent=base, **values)


def text(value: object, style_name: str = "cell", **changes):
    """User text as a paragraph: escaped (never markup), printable, wrapped anywhere."""
    if not changes:
        return para(printable(value), style_name)
    from reportlab.platypus import Paragraph

    return Paragraph(escape(printable(value)), style(style_name, **changes))


def rich(parts: list[str], style_name: str = "cell", **changes):
    """A paragraph joined from pieces made by markup() (each already escaped)."""
    from reportlab.platypus import Paragraph

    return Paragraph("".join(parts), style(style_name, **changes))


CELL_PADDING_PT = 3


def table_style(header_rows: int = 1, extra: list | None = None) -> list:
    """The one table look: thin grey rules, a light header, the embedded font everywhere.

    FONT is set for every cell: reportlab's table default is Helvetica, which would otherwise
    appear (unembedded) in the PDF even though every cell holds a paragraph.
    """
    from reportlab.lib import colors

    commands = [
        ("FONT", (0, 0), (-1, -1), FONT, 9),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.HexColor(RULE)),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING_PT),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    if header_rows:
        commands.append(("BACKGROUND", (0, 0), (-1, header_rows - 1), colors.HexColor(HEAD_BG)))
    return commands + list(extra or [])


TALLEST_CELL_MM = 90  # a cell's text beyond this continues below the table


def grid(
    rows: list, widths_mm: list[float | None], header_rows: int = 1, extra: list | None = None
) -> list:
    """A table in the shared look, as wide as the text (None widths share what is left).

    Returns flowables: the table, then the continuation of any cell whose text is taller
    than TALLEST_CELL_MM (a 2,000-character note): the cell shows its beginning and says so,
    the rest follows the table as ordinary paragraphs, which break across pages. Rows never
    split inside, so a table never overflows a page and pictures stay with their item.
    """
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, Table

    free = sum(1 for w in widths_mm if w is None)
    rest = (content_width_mm() - sum(w for w in widths_mm if w is not None)) / max(free, 1)
    widths = [(rest if w is None else w) * mm for w in widths_mm]
    continued: list = []
    limit = TALLEST_CELL_MM * mm
    for row in rows[header_rows:]:
        for column, cell in enumerate(row):
            if not isinstance(cell, Paragraph):
                continue
            inner = widths[column] - 2 * CELL_PADDING_PT
            if cell.wrap(inner, 10**6)[1] <= limit:
                continue
            head, tail = cut_paragraph(cell, inner, limit - 14)
            if tail is None:
                continue
            label = " · ".join(
                _plain(c)
                for c in (row[0], rows[header_rows - 1][column] if header_rows else "")
                if _plain(c)
            )
            row[column] = [
                head,
                text("……（内容较长，接续见本表之后）", "cell_small", textColor=MUTED),
            ]
            continued += [text(f"接续：{label}", "small"), tail, spacer(2)]
    table = Table(
        rows,
        colWidths=widths,
        repeatRows=header_rows,
        style=table_style(header_rows, extra),
        hAlign="LEFT",
    )
    return [table, *continued]


_TOKEN = re.compile(r"<[^>]*>|&[#a-zA-Z0-9]+;|.", re.S)


def cut_paragraph(paragraph, width: float, height: float):
    """(head, tail): the paragraph cut where its first `height` points end, or (it, None).

    Cut on the markup the paragraph was made from (text from markup()/escape()), between
    characters, never inside a tag or an entity; a <font> open at the cut is closed in the
    head and opened again in the tail, so both keep their colour and size.
    """
    from reportlab.platypus import Paragraph

    tokens = _TOKEN.findall(paragraph.text)

    def pieces(count: int) -> tuple[str, str]:
        open_tags: list[str] = []
        for token in tokens[:count]:
            if token.startswith("<font"):
                open_tags.append(token)
            elif token == "</font>" and open_tags:
                open_tags.pop()
        head = "".join(tokens[:count]) + "</font>" * len(open_tags)
        return head, "".join(open_tags) + "".join(tokens[count:])

    def fits(count: int) -> bool:
        return Paragraph(pieces(count)[0], paragraph.style).wrap(width, 10**6)[1] <= height

    low, high = 0, len(tokens)
    while low < high:  # the most tokens whose head still fits
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    if low == 0 or low == len(tokens):
        return paragraph, None
    head, tail = pieces(low)
    return Paragraph(head, paragraph.style), Paragraph(tail, paragraph.style)


def _plain(cell) -> str:
    return cell.getPlainText() if hasattr(cell, "getPlainText") else ""


def heading(title: str, note: str = "", keep_mm: float = 35) -> list:
    """A section heading with a rule under it, never alone at the foot of a page.

    A conditional page break rather than keepWithNext: keepWithNext wraps the heading and the
    next table in a KeepTogether, which turns the page whenever the table is longer than the
    space left, and a KeepTogether inside another cannot be measured at all.
    """
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak
    from reportlab.platypus.flowables import HRFlowable

    parts = [markup(title)]
    if note:
        parts.append(markup(f"　{note}", color=MUTED, size=8.5))
    rule = HRFlowable(width="100%", thickness=0.6, color=colors.HexColor(INK), spaceAfter=3)
    return [CondPageBreak(keep_mm * mm), rich(parts, "heading", spaceBefore=10), rule]


def spacer(height_mm: float = 3):
    from reportlab.lib.units import mm
    from reportlab.platypus import Spacer

    return Spacer(1, height_mm * mm)


def fit_line(value: object, width_mm: float, size: float = 8) -> str:
    """Text for one drawn line (page header or footer), cut with … to fit the width."""
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    line = " ".join(printable(value).split())
    limit = width_mm * mm
    if stringWidth(line, FONT, size) <= limit:
        return line
    while line and stringWidth(line + "…", FONT, size) > limit:
        line = line[:-1]
    return line + "…"


FRAME_PADDING_PT = 6  # reportlab's frame padding inside the page margins, each side


def content_width_mm() -> float:
    """The width flowables get on A4 portrait: inside the margins and the frame's padding."""
    return 210 - 2 * PAGE_MARGIN_MM - 2 * FRAME_PADDING_PT * 25.4 / 72


def furniture(header: str, footer: str) -> PageFurniture:
    """Page header and footer cut to fit beside "第 x 页 共 y 页"."""
    return PageFurniture(
        header=fit_line(header, 210 - 2 * PAGE_MARGIN_MM),
        footer=fit_line(footer, 210 - 2 * PAGE_MARGIN_MM - 32),
    )


def clip(value: object, length: int) -> str:
    """At most `length` characters, with … when cut (for text printed in full elsewhere)."""
    value = str(value)
    return value if len(value) <= length else value[: length - 1] + "…"
