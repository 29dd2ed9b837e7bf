"""The blank daily inspection sheet: printed in the morning, carried on every walk, keyed in later.

One A4 portrait form per day. The top names the hall, the date with its weekday and the
checklist, has pen fields for the supervisor on duty and the weather, explains the marks
(√ 合格, ✕ 不合格, 〇 不适用, the reading for a number item) and carries the sheet code
twice: as a QR code and in letters. Below, the checklist's items by section in the on-screen
order: 编号, 检查项目 (9 pt; a number item's acceptable range follows its text; the guidance
stays on screen, the sheet is for ticking), one column of answer boxes per round of the day
plan, headed with the round's name and time, and a notes column. The boxes are at least 7 mm
each way; a number's box shows its unit faintly, a text item's box is taller (on a
single-round sheet it reaches over the notes). After the last item each round's column ends
in a box for the time the walk ended and one for the signature. Every page repeats the
column headings and carries the sheet code at the top right and "第 x 页 共 y 页" at the
foot (reports.pdf).

`daily_sheet(store, hall_id, day)` prints all rounds of the day plan on one sheet;
`round_name=` prints the sheet of one round (one wider column, more room for notes) for
halls that take a fresh sheet on every walk.

Which checklist: the newest version of the template family of the first plan entry (of the
named entry, with `round_name`). Only plan entries on that same template get a column; any
other rounds are named under the header, to be printed one by one with `round_name`. A hall
with templates but no day plan gets its first template and a single column without a name.

The sheet code identifies the hall, the template version, the day and (for a single-round
sheet) the round, so a filled sheet can be matched when it is keyed in:
``HS1-<hall id, 8>-<template id, 8>-V<version>-<YYYYMMDD>[-R<position in the day plan>]``,
upper case so the QR code uses its compact alphanumeric mode. `parse_sheet_code` reads it.

A 60-item checklist with three rounds fits on two pages with 9 pt item text and answer boxes
at least 7 mm square; the 79-item pack checklist takes three. No Qt here.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from functools import lru_cache

from hallsupervisor.domain.inspection.model import NUMBER, TEXT, Template, TemplateItem
from hallsupervisor.reports import errors, pdf
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records

CODE_PREFIX = "HS1"
_CODE = re.compile(
    r"^HS1-(?P<hall>[0-9A-Z]{1,8})-(?P<template>[0-9A-Z]{1,8})-V(?P<version>\d+)"
    r"-(?P<date>\d{8})(?:-R(?P<round>\d+))?$"
)

# Words of the form itself, Chinese first; English when the sheet is printed in English.
_WORDS = {
    "title": ("每日巡检表", "Daily inspection sheet"),
    "round_title": ("巡检表", "inspection sheet"),
    "date": ("日期", "Date"),
    "supervisor": ("值班长", "Supervisor"),
    "weather": ("天气", "Weather"),
    "checklist": (
        "检查表：{name}（第 {version} 版，{count} 项）",
        "Checklist: {name} (version {version}, {count} items)",
    ),
    "legend": ("在框内填写：", "In each box write:"),
    "pass": ("合格", "pass"),
    "fail": ("不合格", "fail"),
    "na": ("不适用", "not applicable"),
    "reading": ("数值项填读数", "the reading for a number"),
    "failure_note": ("不合格项请在备注栏写明情况", "describe each failure under notes"),
    "other_rounds": (
        "以下巡检使用其他检查表，请分别打印：{names}",
        "These rounds use another checklist; print their sheets one by one: {names}",
    ),
    "code": ("表单编码", "Sheet code"),
    "key": ("编号", "No."),
    "item": ("检查项目", "Item"),
    "notes": ("备注", "Notes"),
    "round": ("巡检", "Round"),
    "range": ("合格范围", "Acceptable"),
    "end_time": ("完成时间", "Time finished"),
    "signature": ("巡检人签字", "Signed by"),
    "items": ("{count} 项", "{count} items"),
    "words": ("文字", "words"),
}
_WEEKDAYS = (
    ("星期一", "Monday"),
    ("星期二", "Tuesday"),
    ("星期三", "Wednesday"),
    ("星期四", "Thursday"),
    ("星期五", "Friday"),
    ("星期六", "Saturday"),
    ("星期日", "Sunday"),
)
# The marks to write, as Chinese forms use them; the bundled font draws these three (it has
# no ✗, and its ℃ is blank).
MARK_PASS, MARK_FAIL, MARK_NA = "√", "✕", "〇"
_GAP = "\u00a0" * 4  # reportlab folds other spaces, the ideographic one too


def _word(key: str, language: str, **values) -> str:
    zh, en = _WORDS[key]
    return (en if _english(language) else zh).format(**values)


def _english(language: str) -> bool:
    return language.startswith("en")


# -- the sheet code -------------------------------------------------------------------------------
def _id_part(identifier: object) -> str:
    return re.sub(r"[^0-9A-Za-z]", "", str(identifier or ""))[:8].upper() or "0"


def _round_position(round_name: str | int, plan) -> int:
    if isinstance(round_name, int):
        if round_name < 1:
            raise ValueError(f"a round's position starts at 1, not {round_name}")
        return round_name
    for position, entry in enumerate(plan or [], start=1):
        if round_name in (entry.name, entry.name_en):
            return position
    raise errors.unknown_round(round_name, [entry.name for entry in plan or []])


def sheet_code(
    hall_id: str,
    template: Template,
    day: _dt.date,
    round_name: str | int | None = None,
    *,
    plan: list[records.PlanEntry] | None = None,
) -> str:
    """The code printed on a sheet: hall, template version, day and, for one round, the round.

    `round_name` is a plan entry's name (looked up in `plan`, the hall's day plan) or its
    1-based position in the plan. Short, ASCII, upper case and the same every time.
    """
    code = (
        f"{CODE_PREFIX}-{_id_part(hall_id)}-{_id_part(template.id)}-V{int(template.version)}"
        f"-{day:%Y%m%d}"
    )
    if round_name is not None:
        code += f"-R{_round_position(round_name, plan)}"
    return code


def parse_sheet_code(code: str) -> dict:
    """The parts of a sheet code (as read from the QR code or typed from the sheet).

    Returns {"hall": first 8 characters of the hall id, "template": those of the template
    id (both lower case, as the ids are), "version": int, "date": datetime.date, "round":
    the round's 1-based position in the day plan, or None for an all-rounds sheet}.
    Raises ValueError for anything that is not a sheet code.
    """
    match = _CODE.match(re.sub(r"\s+", "", str(code)).upper())
    if match is None:
        raise ValueError(f"not a sheet code: {code!r}")
    try:
        day = _dt.datetime.strptime(match["date"], "%Y%m%d").date()
    except ValueError:
        raise ValueError(f"not a sheet code (bad date): {code!r}") from None
    return {
        "hall": match["hall"].lower(),
        "template": match["template"].lower(),
        "version": int(match["version"]),
        "date": day,
        "round": int(match["round"]) if match["round"] else None,
    }


# -- what goes on the sheet ------------------------------------------------------------------------
@dataclass
class _Column:
    name: str
    time: str


@dataclass
class _Sheet:
    hall_name: str
    day: _dt.date
    template: Template
    columns: list[_Column]
    single: bool
    code: str
    other_rounds: list[str]
    language: str


def _collect(store, hall_id: str, day: _dt.date, round_name: str | None, language: str) -> _Sheet:
    profile = halls.load_profile(store, hall_id)
    hall_name = profile.name if profile else ""
    plan = records.day_plan(store, hall_id)

    def name_of(entry) -> str:
        return entry.name_en if _english(language) and entry.name_en else entry.name

    if round_name is not None:
        position = _round_position(round_name, plan)  # unknown names raise here
        if not 0 < position <= len(plan):
            raise errors.unknown_round(str(round_name), [entry.name for entry in plan])
        chosen = [(position, plan[position - 1])]
    else:
        chosen = list(enumerate(plan, start=1))
    template_id = (
        records.latest_version_id(store, chosen[0][1].template_family_id) if chosen else None
    )
    if template_id is None:
        templates = records.list_templates(store, hall_id)
        if not templates:
            raise errors.no_template()
        template_id = templates[0].template_id
    template = records.load_template(store, template_id)

    on_template = [(p, e) for p, e in chosen if e.template_family_id == template.family_id]
    if round_name is not None:
        on_template = chosen  # the asked round is printed whatever its entry says
    other = [name_of(e) for p, e in chosen if (p, e) not in on_template]
    columns = [_Column(name_of(e), e.time) for p, e in on_template] or [
        _Column(_word("round", language), "")
    ]
    code = sheet_code(hall_id, template, day, chosen[0][0] if round_name is not None else None)
    return _Sheet(hall_name, day, template, columns, round_name is not None, code, other, language)


# -- drawing ---------------------------------------------------------------------------------------
MM = 72 / 25.4  # points in a millimetre

# Sizes in millimetres. The boxes of one round's column are stacked like the rungs of a ladder:
# each is the row's full height (at least _BOX) and its column's width less a margin each side.
_BOX = 7.0  # the least side of an answer box: a pen's mark fits with room to spare
_TEXT_ROW = 9.5  # a text item's row: room for a few words
_SIGN_ROW = 12.0  # room for a name written by hand
_BOX_MARGIN = 1.6  # between a box and its column's edge
_KEY_WIDTH = 15.0
_ROUND_WIDTH = 15.0  # one column per round
_SINGLE_ROUND_WIDTH = 24.0
_MIN_ITEM_WIDTH = 60.0  # the item column is as wide as its longest line up to a limit
_MAX_ITEM_WIDTH = 100.0
_MIN_NOTES_WIDTH = 25.0
_QR_SIZE = 19.0
_PAD = 3.0  # points: a text cell's left and right padding
_FRAME_PADDING = 6.0  # points: reportlab's frame keeps this inside the page margins
_MAX_ITEM_LINES = 12  # longer item texts are cut (with …) so that a row always fits a page

_INK = "#222222"
_RULE = "#aab0b6"
_SECTION_FILL = "#e6eaee"
_HEAD_FILL = "#f3f5f7"
_GREY = "#5f6368"
_GUIDE = "#a0a6ac"


@lru_cache(maxsize=1)
def _styles() -> dict:
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    base = pdf.styles()
    grey = colors.HexColor(_GREY)
    return {
        "title": ParagraphStyle("sheet_title", parent=base["title"], spaceAfter=0),
        "field": ParagraphStyle("sheet_field", parent=base["body"], fontSize=10, leading=16),
        "legend": ParagraphStyle(
            "sheet_legend", parent=base["body"], fontSize=9, leading=13, autoLeading="max"
        ),
        "code": ParagraphStyle(
            "sheet_code", parent=base["small"], fontSize=7, leading=8.5, alignment=TA_CENTER
        ),
        "head": ParagraphStyle(
            "sheet_head", parent=base["cell_small"], alignment=TA_CENTER, leading=9
        ),
        "head_left": ParagraphStyle("sheet_head_left", parent=base["cell_small"]),
        "section": ParagraphStyle("sheet_section", parent=base["cell"], fontSize=9.5, leading=11),
        "key": ParagraphStyle(
            "sheet_key", parent=base["cell_small"], fontSize=7, leading=8.5, textColor=grey
        ),
        "foot": ParagraphStyle("sheet_foot", parent=base["cell"], alignment=TA_RIGHT),
    }


def _paragraph(text: str, style: str, width: float | None = None, max_lines: int | None = None):
    """User text as a paragraph (escaped by reports.pdf); cut with … beyond `max_lines`."""
    from reportlab.platypus import Paragraph

    text = _clean(text)
    if style in _styles():
        own = _styles()[style]

        def make(text: str):
            return Paragraph(pdf.escape(text), own)
    else:

        def make(text: str):
            return pdf.para(text, style)  # a shared style: item texts are "cell", 9 pt

    paragraph = make(text)
    if width is None or max_lines is None or _fits_one_line(text, paragraph.style, width):
        return paragraph
    limit = max_lines * paragraph.style.leading + 0.5
    if paragraph.wrap(width, 1e6)[1] <= limit:
        return paragraph
    low, high = 0, len(text)
    while low < high:  # the longest beginning that fits, ellipsis included
        middle = (low + high + 1) // 2
        if make(text[:middle] + "…").wrap(width, 1e6)[1] <= limit:
            low = middle
        else:
            high = middle - 1
    return make(text[:low] + "…")


def _fits_one_line(text: str, style, width: float) -> bool:
    """A quick answer for the common case, without laying the paragraph out."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return "\n" not in text and stringWidth(text, style.fontName, style.fontSize) <= width


def _height(cell: list, width: float) -> float:
    return sum(flowable.wrap(width, 1e6)[1] for flowable in cell)


@lru_cache(maxsize=1)
def _box_class():
    """The answer box flowable (made on first use: reportlab loads only when printing)."""
    from reportlab.lib import colors
    from reportlab.platypus import Flowable

    class AnswerBox(Flowable):
        """A box of `width` × `height` points, with an optional faint guide inside it: a
        number's unit in the corner, or a time's colon in the middle."""

        def __init__(self, width: float, height: float, guide: str = "", centred: bool = False):
            super().__init__()
            self.width, self.height, self.guide, self.centred = width, height, guide, centred

        def wrap(self, available_width, available_height):
            return self.width, self.height

        def draw(self):
            canvas = self.canv
            canvas.saveState()
            canvas.setStrokeColor(colors.HexColor(_INK))
            canvas.setLineWidth(0.8)
            canvas.rect(0, 0, self.width, self.height, stroke=1, fill=0)
            if self.guide:
                canvas.setFillColor(colors.HexColor(_GUIDE))
                if self.centred:
                    canvas.setFont(pdf.FONT, 9)
                    canvas.drawCentredString(self.width / 2, self.height / 2 - 3, self.guide)
                else:
                    canvas.setFont(pdf.FONT, 6)
                    canvas.drawRightString(self.width - 2, 2, self.guide)
            canvas.restoreState()

    return AnswerBox


def _box(width: float, height: float, guide: str = "", centred: bool = False):
    return _box_class()(width, height, guide, centred)


def _number(value: float) -> str:
    """18.0 → 18, 2.50 → 2.5, 1e6 → 1000000: as a person writes it."""
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def _number_range(item: TemplateItem, language: str) -> str:
    unit = _clean(item.unit)
    suffix = f" {unit}" if unit else ""
    low, high = item.minimum, item.maximum
    if low is not None and high is not None:
        span = f"{_number(low)}–{_number(high)}{suffix}"
    elif high is not None:
        span = f"≤ {_number(high)}{suffix}"
    elif low is not None:
        span = f"≥ {_number(low)}{suffix}"
    else:
        return unit
    return f"{_word('range', language)} {span}"


def _clean(text: object) -> str:
    """The bundled font draws ℃ as a blank: written as °C instead."""
    return str(text or "").replace("℃", "°C")


def _one_line(text: str, size: float, width: float) -> str:
    """`text` on one line of `width` points, cut with an ellipsis when longer."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf.register_fonts()
    text = " ".join(_clean(text).split())
    if stringWidth(text, pdf.FONT, size) <= width:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        if stringWidth(text[:middle] + "…", pdf.FONT, size) <= width:
            low = middle
        else:
            high = middle - 1
    return text[:low] + "…"


def _date_text(day: _dt.date, language: str) -> str:
    zh, en = _WEEKDAYS[day.weekday()]
    if _english(language):
        return f"{en} {day:%Y-%m-%d}"
    return f"{day.year}年{day.month}月{day.day}日\u00a0\u00a0{zh}"


def _pen_field(label: str, spaces: int) -> str:
    """A label and a line to write on (underlined spaces), as paragraph markup."""
    return f"{pdf.escape(label)}&nbsp;<u>{'&nbsp;' * spaces}</u>"


def _header(sheet: _Sheet, frame_width: float) -> list:
    from reportlab.platypus import Paragraph, Spacer, Table

    st = _styles()
    lang = sheet.language
    template = sheet.template
    right_width = (_QR_SIZE + 14) * MM
    left_width = frame_width - right_width - 4 * MM
    if sheet.single:
        column = sheet.columns[0]
        what = f"{column.name} {column.time} {_word('round_title', lang)}".strip()
    else:
        what = _word("title", lang)
    fields = _GAP.join(
        [
            f"{pdf.escape(_word('date', lang))}&nbsp;{pdf.escape(_date_text(sheet.day, lang))}",
            _pen_field(_word("supervisor", lang), 24),
            _pen_field(_word("weather", lang), 16),
        ]
    )
    legend = pdf.escape(_word("legend", lang)).rstrip()
    for mark, size, word in (
        (MARK_PASS, 13, "pass"),
        (MARK_FAIL, 12, "fail"),
        (MARK_NA, 10.5, "na"),
    ):
        legend += f'{_GAP}<font size="{size}">{mark}</font>\u00a0{pdf.escape(_word(word, lang))}'
    legend += f"{_GAP}{pdf.escape(_word('reading', lang))}"
    legend += (
        f'<font size="8" color="{_GREY}">{_GAP}{pdf.escape(_word("failure_note", lang))}</font>'
    )
    left = [
        _paragraph(f"{sheet.hall_name}\u00a0\u00a0{what}", "title", left_width, 3),
        Spacer(1, 1.5 * MM),
        Paragraph(fields, st["field"]),
        _paragraph(
            _word(
                "checklist",
                lang,
                name=template.display_name(lang),
                version=template.version,
                count=len(template.items()),
            ),
            "small",
            left_width,
            2,
        ),
        Spacer(1, 1 * MM),
        Paragraph(legend, st["legend"]),
    ]
    if sheet.other_rounds:
        others = _word("other_rounds", lang, names="、".join(sheet.other_rounds))
        left.append(_paragraph(others, "small", left_width, 3))
    head, _, tail = sheet.code.partition("-V")
    right = [
        pdf.qr_drawing(sheet.code, _QR_SIZE),
        Paragraph(f"{pdf.escape(head)}<br/>{pdf.escape('V' + tail)}", st["code"]),
    ]
    table = Table([[left, "", right]], colWidths=[left_width, 4 * MM, right_width])
    table.setStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), pdf.FONT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("ALIGN", (2, 0), (2, 0), "CENTER"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
    )
    return [table, Spacer(1, 3 * MM)]


def _answer_box(item: TemplateItem, width: float, height: float, language: str):
    """A pass/fail box is plain; a number's box shows its unit faintly in the corner, a text
    item's box the word "文字", so the walker knows what to write."""
    if item.answer_type == NUMBER:
        return _box(width, height, _one_line(item.unit, 6, width - 4))
    if item.answer_type == TEXT:
        return _box(width, height, _word("words", language))
    return _box(width, height)


def _section_title(section, language: str, width: float):
    """The section's title and, smaller, its number of items."""
    from reportlab.platypus import Paragraph

    title = _paragraph(section.display_title(language), "section", width, 2)
    count = pdf.escape(_word("items", language, count=len(section.items)))
    return Paragraph(
        f'{title.text}<font size="7" color="{_GREY}">{_GAP}{count}</font>', title.style
    )


def _item_cell(item: TemplateItem, language: str, width: float) -> list:
    from reportlab.platypus import Paragraph

    text = _paragraph(item.display_text(language), "cell", width, _MAX_ITEM_LINES)
    if item.answer_type != NUMBER:
        return [text]
    # The acceptable range follows the text, a little smaller; on a line of its own rather
    # than broken in two.
    span = f'<font size="8">{pdf.escape(_number_range(item, language))}</font>'
    alone = text.wrap(width, 1e6)[1]
    after = Paragraph(f"{text.text}{_GAP}{span}", text.style)
    if after.wrap(width, 1e6)[1] > alone + 0.5:
        after = Paragraph(f"{text.text}<br/>{span}", text.style)
    return [after]


def _natural_width(item: TemplateItem, language: str) -> float:
    """Points the item's text (and range) take on one line, padding included."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width = stringWidth(_clean(item.display_text(language)), pdf.FONT, 9)
    if item.answer_type == NUMBER:
        width += stringWidth(_GAP + _number_range(item, language), pdf.FONT, 8)
    return width + 2 * _PAD


def _table(sheet: _Sheet, frame_width: float):
    from reportlab.lib import colors
    from reportlab.platypus import Table

    lang = sheet.language
    rounds = len(sheet.columns)
    frame_mm = frame_width / MM
    # The item column is as wide as the texts need, the notes get what is left; many rounds
    # narrow the item column, then the notes, then the rounds' columns.
    round_mm = _SINGLE_ROUND_WIDTH if sheet.single else _ROUND_WIDTH
    spare = frame_mm - _KEY_WIDTH - _MIN_ITEM_WIDTH - _MIN_NOTES_WIDTH
    round_mm = max(_BOX + 2, min(round_mm, spare / rounds))
    widest = max(
        [_MIN_ITEM_WIDTH] + [_natural_width(item, lang) / MM + 2 for item in sheet.template.items()]
    )
    room = frame_mm - _KEY_WIDTH - _MIN_NOTES_WIDTH - rounds * round_mm
    item_mm = max(_MIN_ITEM_WIDTH, min(widest, _MAX_ITEM_WIDTH, room))
    notes_mm = frame_mm - _KEY_WIDTH - item_mm - rounds * round_mm
    widths = [w * MM for w in [_KEY_WIDTH, item_mm] + [round_mm] * rounds + [notes_mm]]
    first, notes = 2, 2 + rounds  # column numbers: the first round's, the notes'
    text_width = widths[1] - 2 * _PAD
    box_width = max(_BOX, min(round_mm - 2 * _BOX_MARGIN, 18.0)) * MM
    ink, rule = colors.HexColor(_INK), colors.HexColor(_RULE)

    head = [
        _paragraph(_word("key", lang), "head_left"),
        _paragraph(_word("item", lang), "head_left"),
    ]
    for column in sheet.columns:
        name = _paragraph(column.name, "head", widths[first] - 2, 3)
        head.append([name, _paragraph(column.time, "head")] if column.time else name)
    head.append(_paragraph(_word("notes", lang), "head_left"))
    rows, heights = [head], [None]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), pdf.FONT),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), _PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), _PAD),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ("TOPPADDING", (0, 0), (-1, 0), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, 0), 1.5),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(_HEAD_FILL)),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, ink),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ink),
        # The boxes fill their cells from top to bottom, centred across.
        ("ALIGN", (first, 1), (notes - 1, -1), "CENTER"),
        ("TOPPADDING", (first, 1), (notes - 1, -1), 0),
        ("BOTTOMPADDING", (first, 1), (notes - 1, -1), 0),
    ]
    for section in sheet.template.sections:
        if not section.items:
            continue
        row = len(rows)
        title = _section_title(section, lang, sum(widths) - 2 * _PAD)
        rows.append([title] + [""] * (len(widths) - 1))
        heights.append(None)
        style += [
            ("SPAN", (0, row), (-1, row)),
            ("NOSPLIT", (0, row), (-1, row + 1)),  # a section's title never ends a page
            ("BACKGROUND", (0, row), (-1, row), colors.HexColor(_SECTION_FILL)),
            ("TOPPADDING", (0, row), (-1, row), 1),
            ("BOTTOMPADDING", (0, row), (-1, row), 1),
        ]
        for item in section.items:
            key = _paragraph(item.key, "key", widths[0] - 2 * _PAD, 3)
            cell = _item_cell(item, lang, text_width)
            least = (_TEXT_ROW if item.answer_type == TEXT else _BOX) * MM
            # Text on two lines or more gets a little more air than one line needs.
            height = max(least, _height(cell, text_width) + 3, _height([key], widths[0]) + 3)
            if sheet.single and item.answer_type == TEXT:
                # One round: the text box reaches over the notes, a line to write on.
                inset = (widths[first] - box_width) / 2  # level with the boxes above
                wide = widths[first] + widths[notes] - inset - _BOX_MARGIN * MM
                rows.append([key, cell, _answer_box(item, wide, height, lang), ""])
                row = len(rows) - 1
                style += [
                    ("SPAN", (first, row), (notes, row)),
                    ("ALIGN", (first, row), (first, row), "LEFT"),
                    ("LEFTPADDING", (first, row), (first, row), inset),
                ]
            else:
                boxes = [_answer_box(item, box_width, height, lang) for _ in sheet.columns]
                rows.append([key, cell] + boxes + [""])
            heights.append(height)
    last_item = len(rows) - 1
    style += [
        ("LINEBELOW", (0, 1), (1, last_item), 0.4, rule),
        ("LINEBELOW", (notes, 1), (notes, last_item), 0.4, rule),
        ("LINEBEFORE", (notes, 0), (notes, last_item), 0.4, rule),
        ("LINEBELOW", (0, last_item), (-1, last_item), 0.8, ink),
    ]
    # The foot: when each walk ended and who walked it, under that round's column.
    foot = len(rows)
    rows.append([""] * len(widths))
    heights.append(2.5 * MM)
    for label, height, guide in (("end_time", _BOX * MM, ":"), ("signature", _SIGN_ROW * MM, "")):
        rows.append(
            ["", _paragraph(_word(label, lang), "foot")]
            + [_box(box_width, height, guide, centred=True) for _ in sheet.columns]
            + [""]
        )
        heights.append(height)
    style.append(("NOSPLIT", (0, foot - 1), (-1, -1)))
    table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
    table.setStyle(style)
    return table


def _story(sheet: _Sheet) -> list:
    from reportlab.lib.pagesizes import A4

    frame_width = A4[0] - 2 * pdf.PAGE_MARGIN_MM * MM - 2 * _FRAME_PADDING
    return _header(sheet, frame_width) + [_table(sheet, frame_width)]


def _page_code(sheet: _Sheet):
    """Draws the sheet code at the top right of every page, level with the running header."""
    label = f"{_word('code', sheet.language)} {sheet.code}"

    def on_page(canvas, doc):
        from reportlab.lib.pagesizes import A4

        margin = pdf.PAGE_MARGIN_MM * MM
        canvas.saveState()
        canvas.setFont(pdf.FONT, 8)
        canvas.setFillColorRGB(0.3, 0.3, 0.3)
        canvas.drawRightString(A4[0] - margin, A4[1] - margin + 4 * MM, label)
        canvas.restoreState()

    return on_page


def _plain_title(sheet: _Sheet) -> str:
    what = sheet.columns[0].name if sheet.single else _word("title", sheet.language)
    return f"{sheet.hall_name} {what} {sheet.day.isoformat()}"


def daily_sheet(
    store,
    hall_id: str,
    day: _dt.date,
    round_name: str | None = None,
    language: str = "zh_CN",
) -> bytes:
    """The blank inspection sheet of `day` as PDF bytes (A4 portrait).

    All rounds of the day plan in one sheet, or with `round_name` (a plan entry's name in
    either language) the sheet of that round alone. Raises ReportError when the round is not
    in the plan (errors.unknown_round) or the hall has no template (errors.no_template).
    Same data, same bytes.
    """
    sheet = _collect(store, hall_id, day, round_name, language)
    title = _plain_title(sheet)
    return pdf.build(
        _story(sheet),
        title=title,
        # The running header at the top left, cut to leave room for the code at the right.
        furniture=pdf.PageFurniture(header=_one_line(title, 8, 105 * MM)),
        on_page=_page_code(sheet),
    )
