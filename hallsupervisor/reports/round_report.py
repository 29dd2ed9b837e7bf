"""The completed round report that managers file, and all of a day's rounds in one PDF.

One round: the header (hall, round, date, planned/started/completed times, the template and
the exact version that was asked), the score with its section breakdown and how it was
reached, every answer by section with failures marked in red, shaded and with a ✘ (so they
show on a grey printer too), photo thumbnails of failed items, the corrective actions the
round raised and how they were closed, the sign-off, and any amendments made after signing.

No Qt here. Everything goes through reports.pdf (font, styles, page furniture, build); user
text always through `text()` → pdf.para/pdf.escape. The small helpers marked "shared" are used
by reports.summary too and are candidates for reports.pdf.
"""

from __future__ import annotations

import datetime as _dt
import io

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain.hall import WEEKDAYS
from hallsupervisor.domain.inspection import chain
from hallsupervisor.domain.inspection.model import (
    FAIL,
    NA,
    NUMBER,
    PASS,
    SEVERITIES,
    TEXT,
    Template,
    TemplateItem,
)
from hallsupervisor.domain.inspection.scoring import (
    RoundScore,
    evaluate,
    explain,
    format_score,
    is_answered,
    score_round,
)
from hallsupervisor.reports import errors, pdf
from hallsupervisor.reports.pdf import (
    GREEN,
    HEAD_BG,
    INK,
    MUTED,
    RED,
    RED_BG,
    SECTION_BG,
    clip,
    content_width_mm,
    furniture,
    grid,
    heading,
    labelled,
    mark_fail,
    mark_na,
    mark_pass,
    markup,
    printable,
    rich,
    spacer,
    text,
)
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.inspection_stats import PASS_LINE

CTX = "Reports"

STATUS_LABELS = {
    records.OPEN: "待整改",
    records.VERIFIED: "已验证",
    records.WITHDRAWN: "已撤销",
}


def weekday(day: _dt.date) -> str:
    return WEEKDAYS[day.isoweekday()]


def local_day(utc_text: str | None) -> _dt.date | None:
    """The local calendar day of a UTC record timestamp (as SQLite's 'localtime' reads it)."""
    if not utc_text:
        return None
    moment = _dt.datetime.fromisoformat(utc_text.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone().date()


def hall_name(store, hall_id: str) -> str:
    return store.scalar("SELECT name FROM halls WHERE id = ?", (hall_id,)) or ""


def score_bar(score: float | None, width_mm: float = 28, height_mm: float = 3.2):
    """A small horizontal bar of a 0–100 score with a tick at the pass line (shared)."""
    from reportlab.graphics.shapes import Drawing, Line, Rect
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = width_mm * mm, height_mm * mm
    drawing = Drawing(width, height)
    drawing.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#eeeeee"), strokeColor=None))
    if score is not None:
        fill = colors.HexColor(RED if score < PASS_LINE else "#5a7fa8")
        drawing.add(
            Rect(
                0,
                0,
                width * max(0.0, min(score, 100.0)) / 100,
                height,
                fillColor=fill,
                strokeColor=None,
            )
        )
    tick = width * PASS_LINE / 100
    drawing.add(
        Line(tick, -0.6, tick, height + 0.6, strokeColor=colors.HexColor(INK), strokeWidth=0.6)
    )
    return drawing


# -- what a round's report shows -------------------------------------------------------------------
def _time_of(moment: str | None) -> str:
    return (moment or "")[11:16]


def _when(moment: str | None, day: str) -> str:
    """HH:MM on the round's own day, the date as well on another day."""
    if not moment:
        return ""
    return _time_of(moment) if moment[:10] == day else moment[:16]


def _minutes_between(start: str, end: str) -> int | None:
    try:
        first = _dt.datetime.fromisoformat(start)
        last = _dt.datetime.fromisoformat(end)
    except (TypeError, ValueError):
        return None
    return max(0, round((last - first).total_seconds() / 60))


def _number(value: float | None) -> str:
    if value is None:
        return ""
    return f"{value:g}"


def _range_of(item: TemplateItem) -> str:
    unit = f" {item.unit}" if item.unit else ""
    low, high = _number(item.minimum), _number(item.maximum)
    if low and high:
        return f"合格范围 {low}–{high}{unit}"
    if high:
        return f"合格范围 ≤ {high}{unit}"
    if low:
        return f"合格范围 ≥ {low}{unit}"
    return ""


def _result_words(result: str | None) -> tuple[str, str | None]:
    """(label, colour) of an answer's effective result."""
    if result == PASS:
        return labelled(mark_pass(), "合格"), None
    if result == FAIL:
        return labelled(mark_fail(), "不合格"), RED
    if result == NA:
        return labelled(mark_na(), "不适用"), MUTED
    return "", None


def _answer_label(old_or_new: str | None, value: str, note: str) -> str:
    words = _result_words(old_or_new)[0] or "未作答"
    details = " · ".join(p for p in (value, note) if p)
    return f"{words}（{details}）" if details else words


class _RoundFacts:
    """Everything one round's report shows, read once from the store."""

    def __init__(self, store, round_id: str, language: str, today: _dt.date):
        try:
            self.record = records.load_round(store, round_id)
        except LookupError:
            raise errors.nothing_to_print(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Reports", "找不到这次巡检的记录（{id}）"),
                    {"id": round_id},
                )
            ) from None
        self.language = language
        self.today = today
        record = self.record
        self.template: Template = record.template
        self.hall = hall_name(store, record.hall_id)
        self.day = _dt.date.fromisoformat(record.round_date)
        self.score: RoundScore = score_round(self.template, record.answers)
        self.items = {item.key: item for item in self.template.items()}
        self.results = {
            key: evaluate(item, record.answers.get(key)) for key, item in self.items.items()
        }
        self.photos = {}
        for key, result in self.results.items():
            answer = record.answers.get(key)
            if result == FAIL and answer is not None and answer.id:
                found = records.photos_of(store, answer.id)
                if found:
                    self.photos[key] = found
        self.actions = store.query(
            "SELECT a.*, s.name AS owner_name FROM corrective_actions a "
            "LEFT JOIN staff s ON s.id = a.owner_id WHERE a.round_id = ? "
            "ORDER BY a.found_on, a.created_at, a.id",
            (round_id,),
        )
        raised = {a["item_key"] for a in self.actions if a["status"] != records.WITHDRAWN}
        # A fault found again while its action is still open stays one action (raised by an
        # earlier round): the report names that action rather than leaving the failure bare.
        self.carried = {}
        for key, result in self.results.items():
            if result == FAIL and key not in raised:
                earlier = store.one(
                    "SELECT a.*, s.name AS owner_name, r.name AS raised_by_round "
                    "FROM corrective_actions a LEFT JOIN staff s ON s.id = a.owner_id "
                    "LEFT JOIN rounds r ON r.id = a.round_id "
                    "WHERE a.hall_id = ? AND a.item_key = ? AND a.status != ? "
                    "AND (a.round_id IS NULL OR a.round_id != ?) AND a.found_on <= ? "
                    "ORDER BY a.found_on DESC, a.created_at DESC LIMIT 1",
                    (record.hall_id, key, records.WITHDRAWN, round_id, record.round_date),
                )
                if earlier:
                    self.carried[key] = earlier
        self.amendments = records.amendments_of(store, round_id)
        self.amended_keys = {a["item_key"] for a in self.amendments}
        self.intact = self._chain_intact(store) if record.signed else None

    def _chain_intact(self, store) -> bool | None:
        """Whether the round (and its amendments) still hash as when they were signed."""
        entries = store.query(
            "SELECT kind, ref_id, payload_hash FROM audit_chain WHERE hall_id = ? AND "
            "(ref_id = ? OR ref_id IN (SELECT id FROM amendments WHERE round_id = ?))",
            (self.record.hall_id, self.record.id, self.record.id),
        )
        if not any(e["kind"] == chain.ROUND for e in entries):
            return False
        for entry in entries:
            if entry["kind"] == chain.ROUND:
                payload = records.round_payload(store, entry["ref_id"])
            else:
                payload = records.amendment_payload(store, entry["ref_id"])
            if payload is None or chain.payload_hash(payload) != entry["payload_hash"]:
                return False
        return len(entries) == 1 + len(self.amendments)

    # names in the report's language
    def item_text(self, key: str, stored: str = "") -> str:
        item = self.items.get(key)
        return item.display_text(self.language) if item else (stored or key)

    @property
    def template_name(self) -> str:
        return self.template.display_name(self.language)


# -- the parts of one round's report ---------------------------------------------------------------
def _title_block(facts: _RoundFacts) -> list:
    record = facts.record
    score = facts.score
    state = []
    if score.unanswered:
        state.append(f"未完成：还有 {score.unanswered} 项未作答")
    state.append(f"已签字（{record.signed_by_name}）" if record.signed else "未签字")
    started = _when(record.started_at, record.round_date)
    completed = _when(record.completed_at, record.round_date) or "未完成"
    minutes = (
        _minutes_between(record.started_at, record.completed_at) if record.completed_at else None
    )
    if minutes is not None:
        completed += f"（用时 {minutes} 分钟）"
    items = len(facts.template.items())
    template = f"{facts.template_name} · 第 {facts.template.version} 版（{items} 项）"
    label = {"textColor": MUTED}
    rows = [
        [text("营业厅", **label), text(facts.hall), text("巡检", **label), text(record.name)],
        [
            text("日期", **label),
            text(f"{record.round_date} {weekday(facts.day)}"),
            text("计划时间", **label),
            text(record.planned_time or "—"),
        ],
        [text("开始", **label), text(started or "—"), text("完成", **label), text(completed)],
        [text("检查表", **label), text(template), text("状态", **label), text("；".join(state))],
    ]
    info = grid(rows, [20, 69, 20, None], header_rows=0, extra=_label_columns([0, 2]))
    title = rich([markup("巡检报告　"), markup(record.name)], "title")
    subtitle = text(
        f"{facts.hall}　{record.round_date} {weekday(facts.day)}", "body", textColor=MUTED
    )
    return [title, subtitle, spacer(2), *info]


def _label_columns(columns: list[int]) -> list:
    from reportlab.lib import colors

    return [("BACKGROUND", (c, 0), (c, -1), colors.HexColor("#f5f5f5")) for c in columns]


def _score_block(facts: _RoundFacts) -> list:
    from reportlab.lib import colors

    score = facts.score
    shown = format_score(score.score)
    if score.score is None:
        verdict, colour = "暂无得分", MUTED
    elif score.score >= PASS_LINE:
        verdict, colour = labelled(mark_pass(), f"达到 {PASS_LINE:g} 分合格线"), GREEN
    else:
        verdict, colour = labelled(mark_fail(), f"低于 {PASS_LINE:g} 分合格线"), RED
    big = rich(
        [markup(shown, size=26), markup(" 分", size=11)],
        "body",
        leading=30,
        alignment="center",
    )
    left = [
        text("本次得分", "small", alignment="center"),
        big,
        text(verdict, "cell", alignment="center", textColor=colour),
    ]
    counts = (
        f"合格 {score.passed} 项 · 不合格 {score.failed} 项 · 不适用 {score.not_applicable} 项"
        f" · 未作答 {score.unanswered} 项"
    )
    lines = [str(line) for line in explain(score)]
    right = [text(counts, "body"), spacer(1.2)] + [text(line, "small") for line in lines[:1]]
    right.append(
        text(
            "得分 = 合格项目的权重之和 ÷ 参与评分项目（合格 + 不合格）的权重之和 × 100；"
            "不适用、未作答和文字项目不计分。",
            "small",
        )
    )
    box = grid(
        [[left, right]],
        [44, None],
        header_rows=0,
        extra=[
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (0, 0), colors.HexColor("#f5f5f5")),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ("LEFTPADDING", (1, 0), (1, 0), 8),
        ],
    )
    return heading("得分") + [*box, spacer(2.5), *_sections_table(facts)]


def _sections_table(facts: _RoundFacts):
    from reportlab.lib import colors

    center = {"alignment": "center"}
    rows = [
        [
            text("区域"),
            text("项目", **center),
            text("合格", **center),
            text("不合格", **center),
            text("不适用", **center),
            text("得分", **center),
            text(f"得分（竖线为 {PASS_LINE:g} 分）", "cell_small"),
        ]
    ]
    extra = []
    for section in facts.template.sections:
        counted = {PASS: 0, FAIL: 0, NA: 0}
        for item in section.items:
            answer = facts.record.answers.get(item.key)
            if answer is not None and answer.result == NA and is_answered(item, answer):
                counted[NA] += 1
            elif facts.results.get(item.key) in (PASS, FAIL):
                counted[facts.results[item.key]] += 1
        value = facts.score.sections.get(section.key)
        low = value is not None and value < PASS_LINE
        colour = {"textColor": RED} if low else {}
        rows.append(
            [
                text(section.display_title(facts.language), **colour),
                text(len(section.items), **center),
                text(counted[PASS], **center),
                text(counted[FAIL] or "—", **center, **colour),
                text(counted[NA] or "—", **center),
                text(format_score(value), **center, **colour),
                score_bar(value, 40),
            ]
        )
        if low:
            extra.append(
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor(RED_BG))
            )
    extra.append(("VALIGN", (6, 1), (6, -1), "MIDDLE"))
    return grid(rows, [None, 15, 15, 15, 15, 15, 44], extra=extra)


def _result_cell(facts: _RoundFacts, item: TemplateItem):
    answer = facts.record.answers.get(item.key)
    result = facts.results.get(item.key)
    if not is_answered(item, answer):
        return text("未作答", textColor=MUTED, alignment="center")
    if item.answer_type == TEXT and answer.result != NA:
        return text("记录", textColor=MUTED, alignment="center")
    if answer.result == NA:
        result = NA
    words, colour = _result_words(result)
    return text(words, alignment="center", **({"textColor": colour} if colour else {}))


def _value_cell(facts: _RoundFacts, item: TemplateItem, failed: bool):
    answer = facts.record.answers.get(item.key)
    parts: list[str] = []
    colour = RED if failed else None
    if answer is not None:
        if item.answer_type == NUMBER and answer.value:
            parts.append(markup(f"{answer.value} {item.unit}".strip(), color=colour))
        elif item.answer_type == TEXT and answer.value:
            parts.append(markup(answer.value))
        if answer.note:
            if parts:
                parts.append("<br/>")
            parts.append(markup(answer.note, color=colour))
    if item.key in facts.amended_keys:
        if parts:
            parts.append("<br/>")
        parts.append(markup("已在签字后更正，见“更正记录”", color=MUTED, size=7.5))
    return rich(parts or [""])


def _item_cell(facts: _RoundFacts, item: TemplateItem, failed: bool):
    parts = [markup(item.display_text(facts.language), color=RED if failed else None)]
    extra = []
    if item.answer_type == NUMBER and _range_of(item):
        extra.append(_range_of(item))
    if failed:
        guidance = bilingual(item.guidance, item.guidance_en, facts.language)
        if guidance:
            extra.append(f"合格标准：{guidance}")
        extra.append(f"严重程度：{SEVERITIES.get(item.severity, item.severity)}")
    for line in extra:
        parts += ["<br/>", markup(line, color=MUTED, size=7.5)]
    return rich(parts)


def photo_strip(thumbnails: list[bytes], width_mm: float) -> list:
    """Thumbnails side by side, as many to a line as fit in `width_mm` (shared)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Table

    gap = 3 * mm
    lines: list[list] = [[]]
    used = 0.0
    for data in thumbnails:
        picture = _thumbnail(data)
        width = picture.wrap(width_mm * mm, 100 * mm)[0] + gap
        if lines[-1] and used + width > width_mm * mm:
            lines.append([])
            used = 0.0
        lines[-1].append(picture)
        used += width
    return [
        Table(
            [line],
            style=[
                ("FONT", (0, 0), (-1, -1), pdf.FONT, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), gap),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
            ],
            hAlign="LEFT",
        )
        for line in lines
    ]


def _photos_cell(facts: _RoundFacts, key: str, width_mm: float) -> list:
    photos = facts.photos[key]
    caption = text(f"现场照片 {len(photos)} 张", "cell_small", textColor=MUTED)
    return [caption] + photo_strip([p["thumbnail"] for p in photos], width_mm - 2)


def _thumbnail(data: bytes, max_w_mm: float = 40, max_h_mm: float = 26):
    """A stored thumbnail at most max_w × max_h, aspect kept; a word when it cannot be read."""
    from reportlab.lib.units import mm
    from reportlab.lib.utils import ImageReader
    from reportlab.platypus import Image

    try:
        width, height = ImageReader(io.BytesIO(data)).getSize()
        if width <= 0 or height <= 0:
            raise ValueError("empty image")
        scale = min(max_w_mm * mm / width, max_h_mm * mm / height)
        return Image(io.BytesIO(data), width=width * scale, height=height * scale, hAlign="LEFT")
    except Exception:  # noqa: BLE001 - a damaged picture must not stop the report
        return text("（照片无法显示）", "cell_small", textColor=MUTED)


def _answers(facts: _RoundFacts) -> list:
    from reportlab.lib import colors

    flow = heading("检查结果", f"{labelled(mark_fail(), '不合格')}的项目以红色底色标出")
    widths = [18, 76, 21, None]
    for section in facts.template.sections:
        value = facts.score.sections.get(section.key)
        title = rich([markup(section.display_title(facts.language), size=10)], "cell")
        section_score = text(
            f"得分 {format_score(value)}",
            alignment="right",
            **({"textColor": RED} if value is not None and value < PASS_LINE else {}),
        )
        rows = [
            [title, "", section_score, ""],
            [text("编号"), text("检查项目"), text("结果", alignment="center"), text("数值 / 备注")],
        ]
        extra = [
            ("SPAN", (0, 0), (1, 0)),
            ("SPAN", (2, 0), (3, 0)),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(SECTION_BG)),
            ("LINEBEFORE", (2, 0), (2, 0), 0.6, colors.HexColor(SECTION_BG)),
            ("BACKGROUND", (0, 1), (-1, 1), colors.HexColor(HEAD_BG)),
        ]
        for item in section.items:
            failed = facts.results.get(item.key) == FAIL
            rows.append(
                [
                    text(item.key, "cell_small", **({"textColor": RED} if failed else {})),
                    _item_cell(facts, item, failed),
                    _result_cell(facts, item),
                    _value_cell(facts, item, failed),
                ]
            )
            if failed:
                index = len(rows) - 1
                extra += [
                    ("BACKGROUND", (0, index), (-1, index), colors.HexColor(RED_BG)),
                    ("LINEBEFORE", (0, index), (0, index), 2.4, colors.HexColor(RED)),
                ]
                if item.key in facts.photos:
                    span = content_width_mm() - widths[0] - 2
                    rows.append(["", _photos_cell(facts, item.key, span), "", ""])
                    extra += [
                        ("SPAN", (1, index + 1), (3, index + 1)),
                        ("LINEBEFORE", (0, index + 1), (0, index + 1), 2.4, colors.HexColor(RED)),
                        # the pictures stay on the page of the item they show
                        ("NOSPLIT", (0, index), (-1, index + 1)),
                    ]
        flow += [*grid(rows, widths, header_rows=2, extra=extra), spacer(3)]
    return flow


def _action_status(action: dict, today: _dt.date) -> list[str]:
    """Markup pieces: the state of an action and how it was closed."""
    due = _dt.date.fromisoformat(action["due_date"])
    status = action["status"]
    if status == records.WITHDRAWN:
        pieces = [markup(STATUS_LABELS[status], color=MUTED)]
    elif status == records.VERIFIED:
        closed = local_day(action["closed_at"])
        pieces = [markup(labelled(mark_pass(), STATUS_LABELS[status]), color=GREEN)]
        if closed:
            late = (closed - due).days
            timing = "按期完成" if late <= 0 else f"逾期 {late} 天完成"
            pieces.append(
                markup(f" {closed.isoformat()}（{timing}）", color=None if late <= 0 else RED)
            )
    elif today > due:
        pieces = [markup(labelled(mark_fail(), f"逾期 {(today - due).days} 天，未整改"), color=RED)]
    else:
        left = (due - today).days
        pieces = [
            markup(labelled(mark_na(), STATUS_LABELS[status])),
            markup(f"（还剩 {left} 天）" if left else "（今天到期）", color=MUTED),
        ]
    how = " · ".join(p for p in (action.get("closed_by") or "", action["closing_note"] or "") if p)
    if how:
        pieces += ["<br/>", markup(how, color=MUTED, size=8)]
    return pieces


def _actions(facts: _RoundFacts) -> list:
    flow = heading("整改项", f"本次巡检提出的整改项；状态截至 {facts.today.isoformat()}")
    rows = [
        [text("编号"), text("整改项"), text("责任人"), text("发现 / 期限"), text("状态与关闭情况")]
    ]
    extra = []
    order = {key: index for index, key in enumerate(facts.items)}

    def row(action: dict, carried: bool):
        key = action["item_key"]
        title = [markup(facts.item_text(key, action["title"]))]
        if action["note"]:  # printed whole with the answer above
            title += ["<br/>", markup(clip(action["note"], 120), color=MUTED, size=8)]
        if carried:
            title += [
                "<br/>",
                markup(
                    f"本次再次发现；沿用 {action['found_on']} {action.get('raised_by_round') or ''}"
                    "提出的整改项，不另立新项。",
                    color=MUTED,
                    size=8,
                ),
            ]
        severity = SEVERITIES.get(action["severity"], action["severity"])
        return [
            text(key, "cell_small"),
            rich(title),
            text(action.get("owner_name") or "未指定"),
            rich(
                [
                    markup(action["found_on"]),
                    "<br/>",
                    markup(f"{action['due_date']}（{severity}）", size=8),
                ]
            ),
            rich(_action_status(action, facts.today)),
        ]

    listed = [(a, False) for a in facts.actions] + [(a, True) for a in facts.carried.values()]
    listed.sort(key=lambda pair: (order.get(pair[0]["item_key"], 10**6), pair[1]))
    for action, carried in listed:
        rows.append(row(action, carried))
    if len(rows) == 1:
        return flow + [text("本次巡检没有发现不合格项，没有提出整改项。", "body"), spacer(2)]
    return flow + [*grid(rows, [18, 60, 17, 27, None], extra=extra), spacer(3)]


def _amendments(facts: _RoundFacts) -> list:
    if not facts.amendments:
        return []
    flow = heading("更正记录", "签字后的更正：原记录保留，更正的原因、人员和时间如下")
    rows = [[text("项目"), text("原记录 → 更正后"), text("原因"), text("更正人 / 时间")]]
    for amendment in facts.amendments:
        key = amendment["item_key"]
        old = _answer_label(amendment["old_result"], amendment["old_value"], amendment["old_note"])
        new = _answer_label(amendment["new_result"], amendment["new_value"], amendment["new_note"])
        rows.append(
            [
                rich([markup(key, size=8), "<br/>", markup(facts.item_text(key))]),
                rich([markup(old, color=MUTED), markup(" → "), markup(new)]),
                text(amendment["reason"]),
                rich([markup(amendment["by_name"]), "<br/>", markup(amendment["at"][:16], size=8)]),
            ]
        )
    return flow + [*grid(rows, [40, 58, 50, None]), spacer(3)]


def sign_off_block(
    signed_by: str, signed_at: str | None, intact: bool | None = None, role: str = "检查人"
) -> list:
    """Who signed and when, or "未签字" with lines to sign on; a reviewer's line (shared)."""
    from reportlab.lib import colors
    from reportlab.platypus import KeepTogether

    line = [
        ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.HexColor(INK)),
        ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.HexColor(INK)),
    ]
    rows = []
    if signed_at:
        rows.append(
            [
                text(f"{role}签字"),
                text(signed_by, "heading"),
                text("签字时间"),
                text(signed_at[:16], "heading"),
            ]
        )
    else:
        rows.append([text(f"{role}（签字）"), text("未签字", textColor=RED), text("日期"), ""])
    rows.append([text("负责人审阅（签字）"), "", text("日期"), ""])
    block = grid(
        rows,
        [30, 68, 16, None],
        header_rows=0,
        extra=[
            ("GRID", (0, 0), (-1, -1), 0, colors.white),
            *line,
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("TOPPADDING", (0, 0), (-1, -1), 9),
        ],
    )
    flow = heading("签字")[1:] + block  # no conditional break inside a KeepTogether
    if intact is True:
        flow.append(
            text(
                labelled(mark_pass(), "记录校验：本记录与签字时（及其后的更正记录）一致。"), "small"
            )
        )
    elif intact is False:
        flow.append(
            text(
                labelled(
                    mark_fail(),
                    "记录校验：本记录与签字时的校验值不一致，"
                    "请运行 hallsupervisor check 检查数据库。",
                ),
                "small",
                textColor=RED,
            )
        )
    return [KeepTogether(flow)]


def _round_story(facts: _RoundFacts) -> list:
    record = facts.record
    return (
        _title_block(facts)
        + [spacer(3)]
        + _score_block(facts)
        + [spacer(2)]
        + _answers(facts)
        + _actions(facts)
        + _amendments(facts)
        + sign_off_block(record.signed_by_name, record.signed_at, facts.intact)
    )


def _footer(facts_list: list[_RoundFacts]) -> str:
    templates = dict.fromkeys(f"{f.template_name} 第 {f.template.version} 版" for f in facts_list)
    return "营业厅现场管理助手 · " + "、".join(templates)


# -- public API -------------------------------------------------------------------------------------
def round_report(
    store, round_id: str, language: str = "zh_CN", *, today: _dt.date | None = None
) -> bytes:
    """The report of one round as PDF bytes. `today` dates the actions' state (overdue…)."""
    facts = _RoundFacts(store, round_id, language, today or _dt.date.today())
    record = facts.record
    header = f"{facts.hall} · 巡检报告 · {record.round_date} {record.name}"
    return pdf.build(
        _round_story(facts),
        title=printable(f"巡检报告 {facts.hall} {record.round_date} {record.name}"),
        furniture=furniture(header, _footer([facts])),
    )


def rounds_on(store, hall_id: str, day: _dt.date, round_name: str | None = None) -> list[str]:
    """Ids of the rounds of `day` in the order they were started (only those named so).

    A name no round of that day has raises errors.unknown_round with the day's names; a day
    without rounds gives [] whatever the name.
    """
    rows = store.query(
        "SELECT id, name FROM rounds WHERE hall_id = ? AND round_date = ? "
        "ORDER BY started_at, planned_time, name, id",
        (hall_id, day.isoformat()),
    )
    if round_name is None or not rows:
        return [r["id"] for r in rows]
    wanted = round_name.strip()
    chosen = [r["id"] for r in rows if r["name"] == wanted]
    if not chosen:
        raise errors.unknown_round(wanted, list(dict.fromkeys(r["name"] for r in rows)))
    return chosen


def day_report(
    store,
    hall_id: str,
    day: _dt.date,
    round_name: str | None = None,
    language: str = "zh_CN",
    *,
    today: _dt.date | None = None,
) -> bytes:
    """Every round of `day` (or those named `round_name`), each from a new page, one PDF."""
    from reportlab.platypus import PageBreak

    ids = rounds_on(store, hall_id, day, round_name)
    if not ids:
        raise errors.nothing_to_print(
            Message(
                CTX, QT_TRANSLATE_NOOP("Reports", "{day} 没有巡检记录"), {"day": day.isoformat()}
            )
        )
    today = today or _dt.date.today()
    facts_list = [_RoundFacts(store, round_id, language, today) for round_id in ids]
    story: list = []
    for index, facts in enumerate(facts_list):
        if index:
            story.append(PageBreak())
        story += _round_story(facts)
    hall = hall_name(store, hall_id)
    names = "、".join(f.record.name for f in facts_list)
    header = f"{hall} · 巡检报告 · {day.isoformat()} {weekday(day)} · {names}"
    return pdf.build(
        story,
        title=printable(f"巡检报告 {hall} {day.isoformat()}"),
        furniture=furniture(header, _footer(facts_list)),
    )
