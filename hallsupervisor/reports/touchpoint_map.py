"""The touchpoint map as a landscape A4 or A3 page for the staff-room wall. No Qt here.

The map arrives as a PNG (the GUI draws the scene); this module lays out the title, the map
as large as the page allows, the legend with each status's marker drawn as vector shapes
(the same shapes as on screen, so a grey printer still tells them apart) and the list of
touchpoints, which continues on the next page when the hall has many.
"""

from __future__ import annotations

import io

from hallsupervisor.domain.touchpoints.status import STATUS_COLOURS
from hallsupervisor.reports import pdf
from hallsupervisor.reports.pdf import FRAME_PADDING_PT, PAGE_MARGIN_MM

PAPERS = {"A4": (297.0, 210.0), "A3": (420.0, 297.0)}  # landscape, mm
TITLE_MM = 9.0
SUBTITLE_MM = 6.0
LEGEND_MM = 11.0
SLACK_MM = 6.0


def page_size(paper: str) -> tuple[float, float]:
    from reportlab.lib.units import mm

    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    width, height = PAPERS[paper]
    return width * mm, height * mm


def content_mm(paper: str) -> tuple[float, float]:
    if paper not in PAPERS:
        raise ValueError(f"unknown paper {paper!r}")
    width, height = PAPERS[paper]
    padding = 2 * FRAME_PADDING_PT * 25.4 / 72
    return width - 2 * PAGE_MARGIN_MM - padding, height - 2 * PAGE_MARGIN_MM - padding


def type_scale(paper: str) -> float:
    """How much larger the title and legend are set than on A4: A3 is A4 enlarged, so the
    sheet on the staff-room wall reads from as far again."""
    return PAPERS[paper][0] / PAPERS["A4"][0] if paper in PAPERS else 1.0


def map_box_mm(paper: str, *, has_subtitle: bool = True) -> tuple[float, float]:
    """The room the map gets on the first page, in mm (width, height)."""
    width, height = content_mm(paper)
    grow = type_scale(paper)
    used = (TITLE_MM + (SUBTITLE_MM if has_subtitle else 0) + LEGEND_MM) * grow + SLACK_MM
    return width, height - used


def marker_drawing(status: str, size_mm: float = 5.0):
    """The status marker as vector shapes: tick circle, warning triangle, crossed square,
    hollow ring."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Polygon, PolyLine, Rect
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    s = size_mm * mm
    drawing = Drawing(s, s)
    fill = colors.HexColor(STATUS_COLOURS.get(status, STATUS_COLOURS["none"]))
    ink = colors.HexColor("#1f1f1f")
    white = colors.white
    c = s / 2
    stroke = max(0.6, s * 0.07)
    mark = max(0.9, s * 0.13)
    if status == "ok":
        drawing.add(Circle(c, c, s * 0.44, fillColor=fill, strokeColor=ink, strokeWidth=stroke))
        drawing.add(
            PolyLine(
                [c - s * 0.22, c, c - s * 0.05, c - s * 0.17, c + s * 0.24, c + s * 0.16],
                strokeColor=white,
                strokeWidth=mark,
                strokeLineCap=1,
                strokeLineJoin=1,
            )
        )
    elif status == "watch":
        drawing.add(
            Polygon(
                [c, s * 0.94, s * 0.94, s * 0.1, s * 0.06, s * 0.1],
                fillColor=fill,
                strokeColor=ink,
                strokeWidth=stroke,
                strokeLineJoin=1,
            )
        )
        drawing.add(
            Line(c, c + s * 0.1, c, c - s * 0.16, strokeColor=ink, strokeWidth=mark, strokeLineCap=1)
        )
        drawing.add(Circle(c, c - s * 0.29, s * 0.06, fillColor=ink, strokeColor=None))
    elif status == "bad":
        inset = s * 0.12
        drawing.add(
            Rect(inset, inset, s - 2 * inset, s - 2 * inset, fillColor=fill, strokeColor=ink,
                 strokeWidth=stroke)
        )
        d = s * 0.19
        for x1, y1, x2, y2 in ((c - d, c - d, c + d, c + d), (c - d, c + d, c + d, c - d)):
            drawing.add(Line(x1, y1, x2, y2, strokeColor=white, strokeWidth=mark, strokeLineCap=1))
    else:
        grey = colors.HexColor("#6e6e6e")
        drawing.add(Circle(c, c, s * 0.36, fillColor=white, strokeColor=grey, strokeWidth=mark))
        drawing.add(
            Line(c - s * 0.15, c, c + s * 0.15, c, strokeColor=grey, strokeWidth=mark * 0.8,
                 strokeLineCap=1)
        )
    return drawing


def _legend_table(legend: list[tuple[str, str]], legend_title: str, grow: float = 1.0):
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    size = {"fontSize": 9.5 * grow, "leading": 12.5 * grow}
    cells: list = [pdf.text(legend_title, "body", **size)]
    widths = [18 * grow * mm]
    for status, label in legend:
        cells += [marker_drawing(status, 5.5 * grow), pdf.text(label, "body", **size)]
        widths += [8 * grow * mm, 30 * grow * mm]
    table = Table([cells], colWidths=widths, hAlign="LEFT")
    table.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), pdf.FONT, 9 * grow),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
        ]
    )
    return table


def build_map_pdf(
    map_png: bytes,
    *,
    paper: str = "A4",
    title: str,
    subtitle: str = "",
    legend: list[tuple[str, str]],
    legend_title: str = "",
    rows: list[tuple] = (),
    headers: list[str] = (),
    list_title: str = "",
) -> bytes:
    """The PDF bytes: map page, then the touchpoint list.

    `rows` are (code, name, (status, status text), stage, role, open actions, trend)."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    pagesize = page_size(paper)
    grow = type_scale(paper)
    story: list = [pdf.text(title, "title", fontSize=16 * grow, leading=20 * grow)]
    if subtitle:
        story.append(pdf.text(subtitle, "small", fontSize=8 * grow, leading=10 * grow))
    box_w, box_h = map_box_mm(paper, has_subtitle=bool(subtitle))
    reader = ImageReader(io.BytesIO(map_png))
    px_w, px_h = reader.getSize()
    scale = min(box_w / px_w, box_h / px_h)
    image = Image(io.BytesIO(map_png), width=px_w * scale * mm, height=px_h * scale * mm)
    image.hAlign = "CENTER"
    story += [pdf.spacer(1), image, pdf.spacer(2), _legend_table(legend, legend_title, grow)]
    if rows:
        width, _ = content_mm(paper)
        table_rows = [[pdf.text(h, "cell_small") for h in headers]] if headers else []
        for row in rows:
            code, name, (status, status_text), *rest = row
            table_rows.append(
                [
                    pdf.text(code),
                    pdf.text(name),
                    _status_cell(status, status_text),
                    *[pdf.text(value) for value in rest],
                ]
            )
        fixed = [18, None, 28, 18, 24, 24, 22]
        free = width - sum(w for w in fixed if w is not None)
        widths = [(free if w is None else w) * mm for w in fixed]
        from reportlab.platypus import Table

        story += pdf.heading(list_title or title)
        table = Table(
            table_rows,
            colWidths=widths,
            repeatRows=1 if headers else 0,
            style=pdf.table_style(1 if headers else 0),
            hAlign="LEFT",
        )
        story.append(table)
    return pdf.build(
        story,
        title=title,
        pagesize=pagesize,
        furniture=pdf.PageFurniture(header="", footer=pdf.fit_line(title, content_mm(paper)[0] - 40)),
    )


def _status_cell(status: str, label: str):
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    cell = Table(
        [[marker_drawing(status, 3.8), pdf.text(label, "cell")]],
        colWidths=[5 * mm, None],
        hAlign="LEFT",
    )
    cell.setStyle(
        [
            ("FONT", (0, 0), (-1, -1), pdf.FONT, 9),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return cell
