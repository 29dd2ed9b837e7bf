"""A week's or month's inspection summary: headline numbers, the score trend, sections, the
most failed items, corrective actions and the weekly on-time share. No Qt here.

Figures come from storage.inspection_stats (the same queries the Trends page uses), so the
printout and the window agree: a round counts once it is complete; the daily score is the
mean of the day's rounds, the weekly score the mean over the week's rounds.
"""

from __future__ import annotations

import datetime as _dt
import json
import math

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain.inspection.model import SEVERITIES
from hallsupervisor.domain.inspection.scoring import format_score
from hallsupervisor.reports import errors, pdf
from hallsupervisor.reports.pdf import (
    INK,
    MUTED,
    RED,
    RED_BG,
    clip,
    content_width_mm,
    furniture,
    grid,
    heading,
    markup,
    printable,
    rich,
    spacer,
    text,
)
from hallsupervisor.reports.round_report import (
    hall_name,
    weekday,
)
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.inspection_stats import PASS_LINE

CTX = "Reports"
MAX_PERIOD_DAYS = 3 * 366  # about three years: longer summaries are not readable on paper
TOP_ITEMS = 10
LISTED_DAYS = 15  # days below the pass line listed by name
LISTED_OVERDUE = 30

DAILY_COLOUR = "#3d6fa5"
WEEKLY_COLOUR = "#d07a1c"


def _period_error(start: _dt.date, end: _dt.date) -> errors.ReportError | None:
    if start > end:
        return errors.ReportError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Reports", "开始日期 {start} 晚于结束日期 {end}，请把两个日期对调后再试。"
                ),
                {"start": start.isoformat(), "end": end.isoformat()},
            )
        )
    days = (end - start).days + 1
    if days > MAX_PERIOD_DAYS:
        return errors.ReportError(
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Reports",
                    "汇总的时间段最长 {limit} 天（约三年）；{start} 至 {end} 共 {days} 天，请缩短时间段。",
                ),
                {
                    "limit": MAX_PERIOD_DAYS,
                    "start": start.isoformat(),
                    "end": end.isoformat(),
                    "days": days,
                },
            )
        )
    return None


# -- figures -----------------------------------------------------------------------------------------
class _Figures:
    """The headline numbers of one period."""

    def __init__(self, store, hall_id: str, start: _dt.date, end: _dt.date):
        self.days = stats.daily_scores(store, hall_id, start, end)
        self.rounds = sum(d.rounds for d in self.days)
        self.mean = (
            sum(d.score * d.rounds for d in self.days) / self.rounds if self.rounds else None
        )
        self.below = [d for d in self.days if d.score < PASS_LINE]
        self.pareto = stats.pareto(store, hall_id, start, end, limit=10**6)
        self.failures = sum(row.count for row in self.pareto)


def _section_rows(store, hall_id: str, start: _dt.date, end: _dt.date):
    """(title, title_en, mean over rounds, lowest daily mean and its day, days below 90)."""
    sums: dict[str, list[float]] = {}
    for (scores,) in store.conn.execute(
        "SELECT section_scores FROM rounds INDEXED BY rounds_by_date "
        "WHERE hall_id = ? AND round_date BETWEEN ? AND ? "
        "AND completed_at IS NOT NULL AND score IS NOT NULL",
        (hall_id, start.isoformat(), end.isoformat()),
    ):
        for key, value in json.loads(scores or "{}").items():
            if value is not None:
                total = sums.setdefault(key, [0.0, 0])
                total[0] += value
                total[1] += 1
    rows = []
    for series in stats.section_daily_scores(store, hall_id, start, end):
        if series.key not in sums or not series.points:
            continue
        total, count = sums[series.key]
        low_day, low = min(series.points, key=lambda p: (p[1], p[0]))
        below = sum(1 for _, value in series.points if value < PASS_LINE)
        rows.append((series.title, series.title_en, total / count, low, low_day, below, count))
    return rows


class _Actions:
    """Corrective actions opened, closed (on time or late) and overdue in the period."""

    def __init__(self, store, hall_id: str, start: _dt.date, end: _dt.date, as_of: _dt.date):
        rows = store.query(
            "SELECT a.id, a.item_key, a.title, a.note, a.severity, a.found_on, a.due_date, "
            "a.status, date(a.closed_at, 'localtime') AS closed_on, s.name AS owner_name "
            "FROM corrective_actions a LEFT JOIN staff s ON s.id = a.owner_id "
            "WHERE a.hall_id = ? AND a.status != 'withdrawn' AND a.found_on <= ? "
            "AND (a.closed_at IS NULL OR date(a.closed_at, 'localtime') >= ? "
            "     OR a.found_on >= ?) "
            "ORDER BY a.due_date, a.found_on, a.item_key, a.id",
            (hall_id, end.isoformat(), start.isoformat(), start.isoformat()),
        )
        first, last = start.isoformat(), end.isoformat()
        self.opened = [r for r in rows if first <= r["found_on"] <= last]
        closed = [
            r
            for r in rows
            if r["status"] == "verified" and r["closed_on"] and first <= r["closed_on"] <= last
        ]
        self.closed_on_time = [r for r in closed if r["closed_on"] <= r["due_date"]]
        self.closed_late = [r for r in closed if r["closed_on"] > r["due_date"]]
        cutoff = as_of.isoformat()

        def open_at(r) -> bool:
            return r["found_on"] <= cutoff and (not r["closed_on"] or r["closed_on"] > cutoff)

        self.open_at_end = [r for r in rows if open_at(r)]
        self.overdue = [r for r in self.open_at_end if r["due_date"] < cutoff]
        self.as_of = as_of


# -- the chart -------------------------------------------------------------------------------------------
def _ticks(start: _dt.date, end: _dt.date) -> tuple[list[int], str]:
    """Day numbers (ordinals) to label on the x axis and their date format."""
    span = (end - start).days + 1
    if span <= 16:
        days = [start + _dt.timedelta(days=i) for i in range(span)]
        return [d.toordinal() for d in days], "%m-%d"
    if span <= 200:
        step = 1 if span <= 110 else 2
        monday = start + _dt.timedelta(days=(7 - start.weekday()) % 7)
        days = []
        while monday <= end:
            days.append(monday)
            monday += _dt.timedelta(weeks=step)
        return [d.toordinal() for d in days], "%m-%d"
    months_step = 1 if span <= 450 else 3
    day = _dt.date(start.year, start.month, 1)
    days = []
    while day <= end:
        if day >= start and (day.month - 1) % months_step == 0:
            days.append(day)
        year, month = divmod(day.month, 12)
        day = _dt.date(day.year + year, month + 1, 1)
    return [d.toordinal() for d in days], "%Y-%m"


def trend_chart(
    days: list[stats.DayScore],
    start: _dt.date,
    end: _dt.date,
    width_mm: float,
    height_mm: float = 72,
):
    """Daily scores (points and line), weekly means (steps) and the 90-point line (shared)."""
    from reportlab.graphics.charts.lineplots import LinePlot
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors
    from reportlab.lib.units import mm
    from reportlab.pdfbase.pdfmetrics import stringWidth

    pdf.register_fonts()
    width, height = width_mm * mm, height_mm * mm
    drawing = Drawing(width, height)
    x0, x1 = start.toordinal() - 0.5, end.toordinal() + 0.5
    weeks = stats.weeks_of(days)
    daily = [(d.day.toordinal(), d.score) for d in days]
    steps = [
        [
            (max(w.week_start.toordinal(), start.toordinal()) - 0.5, w.score),
            (min(w.week_start.toordinal() + 6, end.toordinal()) + 0.5, w.score),
        ]
        for w in weeks
    ]
    lowest = min([PASS_LINE] + [s for _, s in daily] + [w.score for w in weeks])
    y_min = max(0, min(80, 5 * math.floor((lowest - 2) / 5)))
    y_step = 5 if 100 - y_min <= 30 else 10

    plot = LinePlot()
    plot.x, plot.y = 11 * mm, 9 * mm
    plot.width, plot.height = width - 14 * mm, height - 19 * mm
    # weekly steps first, so the daily points are drawn over them; the pass line last
    plot.data = steps + [daily or [(x0, PASS_LINE)], [(x0, PASS_LINE), (x1, PASS_LINE)]]
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x0, x1
    ticks, fmt = _ticks(start, end)
    plot.xValueAxis.valueSteps = ticks
    plot.xValueAxis.labelTextFormat = lambda v: _dt.date.fromordinal(int(round(v))).strftime(fmt)
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = y_min, 100
    plot.yValueAxis.valueStep = y_step
    plot.yValueAxis.labelTextFormat = "%d"
    for axis in (plot.xValueAxis, plot.yValueAxis):
        axis.labels.fontName = pdf.FONT
        axis.labels.fontSize = 7
        axis.labels.fillColor = colors.HexColor(MUTED)
        axis.strokeColor = colors.HexColor("#999999")
        axis.strokeWidth = 0.5
    plot.yValueAxis.visibleGrid = 1
    plot.yValueAxis.gridStrokeColor = colors.HexColor("#e3e3e3")
    plot.yValueAxis.gridStrokeWidth = 0.4
    plot.xValueAxis.tickDown = 2
    plot.yValueAxis.tickLeft = 2
    for index in range(len(steps)):
        plot.lines[index].strokeColor = colors.HexColor(WEEKLY_COLOUR)
        plot.lines[index].strokeWidth = 2.2
    dense = len(daily) > 62
    daily_line = plot.lines[len(steps)]
    daily_line.strokeColor = colors.HexColor(DAILY_COLOUR) if daily else colors.transparent
    daily_line.strokeWidth = 0.8 if dense else 1
    if not dense and daily:
        daily_line.symbol = makeMarker(
            "FilledCircle",
            size=4.5,
            fillColor=colors.HexColor(DAILY_COLOUR),
            strokeColor=colors.white,
            strokeWidth=0.4,
        )
    limit_line = plot.lines[len(steps) + 1]
    limit_line.strokeColor = colors.HexColor(RED)
    limit_line.strokeWidth = 0.9
    limit_line.strokeDashArray = [4, 2]
    drawing.add(plot)

    # legend along the top
    y = height - 4 * mm
    x = plot.x
    for label, colour, thick, dashed in (
        ("每日得分（当天各次巡检的平均）", DAILY_COLOUR, 1.2, False),
        ("每周得分（周一至周日全部巡检的平均）", WEEKLY_COLOUR, 2.2, False),
        (f"合格线 {PASS_LINE:g} 分", RED, 0.9, True),
    ):
        drawing.add(
            Line(
                x,
                y + 1.2 * mm,
                x + 7 * mm,
                y + 1.2 * mm,
                strokeColor=colors.HexColor(colour),
                strokeWidth=thick,
                strokeDashArray=[4, 2] if dashed else None,
            )
        )
        caption = String(
            x + 8.5 * mm, y, label, fontName=pdf.FONT, fontSize=7.5, fillColor=colors.HexColor(INK)
        )
        drawing.add(caption)
        x += 8.5 * mm + stringWidth(label, pdf.FONT, 7.5) + 6 * mm
    if not daily:
        drawing.add(
            String(
                plot.x + plot.width / 2,
                plot.y + plot.height / 2,
                "这段时间没有已完成的巡检",
                fontName=pdf.FONT,
                fontSize=9,
                fillColor=colors.HexColor(MUTED),
                textAnchor="middle",
            )
        )
    return drawing


def share_bar(share: float | None, width_mm: float = 40, height_mm: float = 3.2):
    """A 0–100 % bar (shared); nothing drawn for a week with nothing due."""
    from reportlab.graphics.shapes import Drawing, Rect
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = width_mm * mm, height_mm * mm
    drawing = Drawing(width, height)
    if share is None:
        return drawing
    drawing.add(Rect(0, 0, width, height, fillColor=colors.HexColor("#eeeeee"), strokeColor=None))
    fill = "#5a7fa8" if share >= 0.9 else ("#d07a1c" if share >= 0.6 else RED)
    drawing.add(
        Rect(0, 0, width * share, height, fillColor=colors.HexColor(fill), strokeColor=None)
    )
    return drawing


# -- the parts -------------------------------------------------------------------------------------------
def _percent(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _headline(now: _Figures, before: _Figures, actions: _Actions) -> list:
    from reportlab.lib import colors

    def cell(label: str, value: str, note: str, colour: str | None = None):
        return [
            text(label, "small", alignment="center"),
            rich([markup(value, size=20, color=colour)], "body", alignment="center", leading=25),
            text(note, "small", alignment="center"),
        ]

    def previous(value: str) -> str:
        return f"上期 {value}" if before.rounds else "上期无记录"

    mean_colour = RED if now.mean is not None and now.mean < PASS_LINE else None
    overdue_colour = RED if actions.overdue else None
    row = [
        cell("完成巡检", f"{now.rounds}", previous(f"{before.rounds} 次")),
        cell("平均得分", format_score(now.mean), previous(format_score(before.mean)), mean_colour),
        cell(
            f"低于 {PASS_LINE:g} 分的天数",
            f"{len(now.below)}",
            f"共 {len(now.days)} 天有巡检",
            RED if now.below else None,
        ),
        cell("不合格项次", f"{now.failures}", previous(f"{before.failures}")),
        cell(
            "逾期未整改",
            f"{len(actions.overdue)}",
            f"截至 {actions.as_of.isoformat()}",
            overdue_colour,
        ),
    ]
    return grid(
        [row],
        [None] * 5,
        header_rows=0,
        extra=[
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#f6f6f6")),
            ("TOPPADDING", (0, 0), (-1, -1), 5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ],
    )


def _sections(store, hall_id: str, start: _dt.date, end: _dt.date, language: str) -> list:
    from reportlab.lib import colors

    from hallsupervisor.reports.round_report import score_bar

    rows_data = _section_rows(store, hall_id, start, end)
    flow = heading("各区域得分", "区域得分为这段时间各次巡检中该区域得分的平均")
    if not rows_data:
        return flow + [text("这段时间没有已完成的巡检。", "body")]
    center = {"alignment": "center"}
    rows = [
        [
            text("区域"),
            text("平均得分", **center),
            text("最低日均分（日期）", **center),
            text(f"低于 {PASS_LINE:g} 分的天数", **center),
            text("评分次数", **center),
            text(f"平均得分（竖线为 {PASS_LINE:g} 分）", "cell_small"),
        ]
    ]
    extra = []
    for title, title_en, mean, low, low_day, below, count in rows_data:
        shown = bilingual(title, title_en, language)
        warn = {"textColor": RED} if mean < PASS_LINE else {}
        rows.append(
            [
                text(shown, **warn),
                text(format_score(mean), **center, **warn),
                text(
                    f"{format_score(low)}（{low_day.strftime('%m-%d')}）",
                    **center,
                    **({"textColor": RED} if low < PASS_LINE else {}),
                ),
                text(below or "—", **center),
                text(count, **center),
                score_bar(mean, 40),
            ]
        )
        if mean < PASS_LINE:
            extra.append(
                ("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor(RED_BG))
            )
    extra.append(("VALIGN", (5, 1), (5, -1), "MIDDLE"))
    return flow + grid(rows, [None, 20, 32, 26, 18, 44], extra=extra)


def _pareto(figures: _Figures, language: str) -> list:
    top = figures.pareto[:TOP_ITEMS]
    note = ""
    if top:
        note = (
            f"前 {len(top)} 项占这段时间全部 {figures.failures} 项次不合格的 "
            f"{top[-1].cumulative_percent:.0f}%"
        )
    flow = heading(f"不合格最多的项目（前 {TOP_ITEMS} 项）", note)
    if not top:
        return flow + [text("这段时间没有不合格项。", "body")]
    center = {"alignment": "center"}
    rows = [
        [
            text("排名", **center),
            text("编号"),
            text("检查项目"),
            text("次数", **center),
            text("占比", **center),
            text("累计占比", **center),
        ]
    ]
    for rank, row in enumerate(top, start=1):
        shown = bilingual(row.text, row.text_en, language)
        rows.append(
            [
                text(rank, **center),
                text(row.item_key, "cell_small"),
                text(shown),
                text(row.count, **center),
                text(f"{100 * row.count / figures.failures:.1f}%", **center),
                text(f"{row.cumulative_percent:.1f}%", **center),
            ]
        )
    return flow + grid(rows, [12, 20, None, 16, 18, 20])


def _actions(actions: _Actions, language_texts) -> list:
    from reportlab.lib import colors

    flow = heading("整改项", f"逾期与未整改均截至 {actions.as_of.isoformat()}")
    center = {"alignment": "center"}
    closed = len(actions.closed_on_time) + len(actions.closed_late)
    on_time_share = len(actions.closed_on_time) / closed if closed else None
    rows = [
        [
            text("这段时间新开"),
            text("这段时间关闭"),
            text("其中按期"),
            text("其中逾期完成"),
            text("仍未整改"),
            text("其中已逾期"),
        ],
        [
            text(len(actions.opened), **center),
            text(closed, **center),
            text(f"{len(actions.closed_on_time)}（{_percent(on_time_share)}）", **center),
            text(
                len(actions.closed_late),
                **center,
                **({"textColor": RED} if actions.closed_late else {}),
            ),
            text(len(actions.open_at_end), **center),
            text(len(actions.overdue), **center, **({"textColor": RED} if actions.overdue else {})),
        ],
    ]
    flow += grid(rows, [None] * 6)
    if actions.overdue:
        flow += [spacer(2), text("逾期未整改的整改项", "body")]
        listed = actions.overdue[:LISTED_OVERDUE]
        table = [
            [
                text("编号"),
                text("整改项"),
                text("责任人"),
                text("发现", **center),
                text("期限", **center),
                text("逾期", **center),
            ]
        ]
        for row in listed:
            late = (actions.as_of - _dt.date.fromisoformat(row["due_date"])).days
            severity = SEVERITIES.get(row["severity"], row["severity"])
            title = [markup(language_texts(row["item_key"], row["title"]))]
            if row["note"]:
                title += ["<br/>", markup(clip(row["note"], 160), color=MUTED, size=8)]
            table.append(
                [
                    text(row["item_key"], "cell_small"),
                    rich(title),
                    text(row["owner_name"] or "未指定"),
                    text(row["found_on"], **center),
                    rich(
                        [markup(row["due_date"]), "<br/>", markup(f"（{severity}）", size=8)],
                        alignment="center",
                    ),
                    text(f"{late} 天", **center, textColor=RED),
                ]
            )
        flow += grid(
            table,
            [18, None, 18, 22, 24, 16],
            extra=[("LINEBEFORE", (0, 1), (0, -1), 2.4, colors.HexColor(RED))],
        )
        if len(actions.overdue) > len(listed):
            flow.append(
                text(f"另有 {len(actions.overdue) - len(listed)} 项逾期未整改未列出。", "small")
            )
    return flow


def _weeks(store, hall_id: str, start: _dt.date, end: _dt.date, today: _dt.date) -> list:
    weeks = stats.actions_on_time_by_week(store, hall_id, start, end, today)
    flow = heading(
        "每周按期整改率", "按到期日所在的周统计：到期的整改项中在期限当天或之前验证关闭的比例"
    )
    if not weeks:
        return flow + [text("这段时间没有到期的整改项。", "body")]
    center = {"alignment": "center"}
    rows = [
        [
            text("周（周一至周日）"),
            text("到期", **center),
            text("按期完成", **center),
            text("按期率", **center),
            text("", "cell_small"),
        ]
    ]
    for week in weeks:
        sunday = week.week_start + _dt.timedelta(days=6)
        iso_year, iso_week, _ = week.week_start.isocalendar()
        low = week.share is not None and week.share < 0.9
        rows.append(
            [
                text(
                    f"{iso_year} 年第 {iso_week} 周　{week.week_start.strftime('%m-%d')}"
                    f" 至 {sunday.strftime('%m-%d')}"
                ),
                text(week.due or "—", **center),
                text(week.on_time if week.due else "—", **center),
                text(_percent(week.share), **center, **({"textColor": RED} if low else {})),
                share_bar(week.share, 44),
            ]
        )
    total_due = sum(w.due for w in weeks)
    total_on_time = sum(w.on_time for w in weeks)
    rows.append(
        [
            text("合计"),
            text(total_due, **center),
            text(total_on_time, **center),
            text(_percent(total_on_time / total_due if total_due else None), **center),
            share_bar(total_on_time / total_due if total_due else None, 44),
        ]
    )
    from reportlab.lib import colors

    extra = [
        ("VALIGN", (4, 1), (4, -1), "MIDDLE"),
        ("LINEABOVE", (0, -1), (-1, -1), 0.9, colors.HexColor(INK)),
    ]
    return flow + grid(rows, [None, 20, 22, 20, 48], extra=extra)


def _low_days(store, hall_id: str, figures: _Figures, language_texts) -> list:
    if not figures.below:
        return []
    worst = sorted(figures.below, key=lambda d: (d.score, d.day))[:LISTED_DAYS]
    worst.sort(key=lambda d: d.day)
    note = "按日期排列" + (
        f"；只列最低的 {LISTED_DAYS} 天" if len(figures.below) > LISTED_DAYS else ""
    )
    flow = heading(f"日均分低于 {PASS_LINE:g} 分的日期", note)
    center = {"alignment": "center"}
    rows = [
        [text("日期"), text("日均分", **center), text("巡检", **center), text("当天的不合格项")]
    ]
    for day in worst:
        failures = stats.failures_on(store, hall_id, day.day)
        names = list(dict.fromkeys(language_texts(f.item_key, f.item_text) for f in failures))
        shown = "、".join(names[:8]) + ("等" if len(names) > 8 else "")
        rows.append(
            [
                text(f"{day.day.isoformat()} {weekday(day.day)}"),
                text(format_score(day.score), **center, textColor=RED),
                text(f"{day.rounds} 次", **center),
                text(f"{len(failures)} 项次，{len(names)} 个项目：{shown}" if failures else "—"),
            ]
        )
    return flow + grid(rows, [34, 18, 16, None])


# -- public API ---------------------------------------------------------------------------------------
def period_summary(
    store,
    hall_id: str,
    start: _dt.date,
    end: _dt.date,
    language: str = "zh_CN",
    *,
    today: _dt.date | None = None,
) -> bytes:
    """The summary of start..end (both included) as PDF bytes.

    `today` (default: the real date) is when open actions are counted as overdue: the end
    of the period, or today when the period has not ended yet.
    """
    problem = _period_error(start, end)
    if problem:
        raise problem
    today = today or _dt.date.today()
    length = (end - start).days + 1
    now = _Figures(store, hall_id, start, end)
    before = _Figures(
        store, hall_id, start - _dt.timedelta(days=length), start - _dt.timedelta(days=1)
    )
    actions = _Actions(store, hall_id, start, end, min(end, today))
    if not now.rounds and not actions.opened and not actions.open_at_end:
        raise errors.nothing_to_print(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Reports", "{start} 至 {end} 没有巡检记录"),
                {"start": start.isoformat(), "end": end.isoformat()},
            )
        )
    texts = stats.item_texts(store, hall_id)

    def language_texts(key: str, stored: str) -> str:
        text_zh, text_en = texts.get(key, (stored, ""))
        return text_en if language.startswith("en") and text_en else (stored or text_zh)

    hall = hall_name(store, hall_id)
    next_day = end + _dt.timedelta(days=1)
    if length == 7:
        title = "巡检周汇总"
    elif start.day == 1 and next_day.day == 1 and length <= 31:
        title = "巡检月汇总"
    else:
        title = "巡检汇总"
    period = (
        f"{start.isoformat()}（{weekday(start)}）至 {end.isoformat()}（{weekday(end)}），"
        f"共 {length} 天"
    )
    story = [
        text(title, "title"),
        text(f"{hall}　{period}", "body", textColor=MUTED),
        spacer(3),
        *_headline(now, before, actions),
        text(
            f"上期为之前同样长的 {length} 天："
            f"{(start - _dt.timedelta(days=length)).isoformat()} 至 "
            f"{(start - _dt.timedelta(days=1)).isoformat()}。"
            "只统计已完成（全部项目已作答）的巡检。",
            "small",
        ),
        *heading("得分趋势"),
        trend_chart(now.days, start, end, content_width_mm()),
        *_sections(store, hall_id, start, end, language),
        *_pareto(now, language),
        *_low_days(store, hall_id, now, language_texts),
        *_actions(actions, language_texts),
        *_weeks(store, hall_id, start, end, today),
    ]
    header = f"{hall} · 巡检汇总 · {start.isoformat()} 至 {end.isoformat()}"
    return pdf.build(
        story,
        title=printable(f"巡检汇总 {hall} {start.isoformat()} 至 {end.isoformat()}"),
        furniture=furniture(header, "营业厅现场管理助手 · 巡检汇总"),
    )
