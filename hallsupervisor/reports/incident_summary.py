"""The monthly incident and complaint summary. No Qt here.

Real incidents and drills are counted apart. For each incident: when, which playbook, how
long, steps done and skipped, follow-ups; then the follow-ups still open. Complaints: by
channel, by category with a Pareto chart (largest first with the cumulative share), how
many were answered and settled within their time limits, and the ones still overdue.
"""

from __future__ import annotations

import calendar
import datetime as _dt

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.incidents import complaints as rules
from hallsupervisor.domain.incidents import run
from hallsupervisor.reports import errors, pdf
from hallsupervisor.reports.pdf import (
    MUTED,
    RED,
    furniture,
    grid,
    heading,
    markup,
    printable,
    rich,
    spacer,
    text,
)
from hallsupervisor.reports.round_report import STATUS_LABELS as ACTION_WORDS
from hallsupervisor.reports.round_report import hall_name
from hallsupervisor.storage import complaints as complaint_records
from hallsupervisor.storage import incidents as records

CTX = "Reports"
# the register's words (the reports print Chinese, as the other printouts do)
CHANNEL_WORDS = rules.CHANNELS
CATEGORY_WORDS = rules.CATEGORIES
STATUS_WORDS = rules.STATUSES
BAR_COLOUR = "#3d6fa5"
LINE_COLOUR = "#d07a1c"


def _minutes(seconds: int) -> str:
    minutes = seconds // 60
    return f"{minutes // 60}:{minutes % 60:02d}" if minutes >= 60 else f"{minutes} 分"


def _incident_rows(store, found, language: str) -> list[list]:
    rows = [[text(h, "cell_small") for h in ("开始", "事件", "用时", "完成/跳过", "整改", "结果")]]
    for incident in sorted(found, key=lambda i: i.started_at):
        state = run.rebuild(incident.body, incident.started_at, records.entries(store, incident.id))
        done, skipped, _open = state.counts()
        follow = len(records.follow_ups(store, incident.id))
        end = incident.closed_at
        rows.append([
            text(incident.started_at.strftime("%m-%d %H:%M")),
            text(run.text_of(incident.body.get("title"), language) or incident.title),
            text(_minutes(state.elapsed(end)) if end else "处置中"),
            text(f"{done} / {skipped}"),
            text(str(follow)),
            text(incident.outcome or "—"),
        ])
    return rows


def pareto_drawing(result: list[tuple[str, int, float]], width_mm: float = 150,
                   height_mm: float = 60):
    """Bars of each category's share, largest first, and the cumulative share as a line."""
    from reportlab.graphics.shapes import Drawing, Line, PolyLine, Rect, String
    from reportlab.lib import colors
    from reportlab.lib.units import mm

    width, height = width_mm * mm, height_mm * mm
    left, bottom, top = 12 * mm, 14 * mm, 4 * mm
    plot_w, plot_h = width - left - 4 * mm, height - bottom - top
    drawing = Drawing(width, height)
    for percent in (0, 25, 50, 75, 100):
        y = bottom + plot_h * percent / 100
        drawing.add(Line(left, y, left + plot_w, y, strokeColor=colors.HexColor("#dddddd"),
                         strokeWidth=0.4))
        drawing.add(String(left - 2, y - 2.5, f"{percent}%", fontName=pdf.FONT, fontSize=6.5,
                           textAnchor="end", fillColor=colors.HexColor(MUTED)))
    total = sum(count for _c, count, _s in result) or 1
    slot = plot_w / max(len(result), 1)
    points = []
    for index, (category, count, share) in enumerate(result):
        x = left + slot * index
        bar_h = plot_h * count / total
        drawing.add(Rect(x + slot * 0.18, bottom, slot * 0.64, bar_h,
                         fillColor=colors.HexColor(BAR_COLOUR), strokeColor=None))
        drawing.add(String(x + slot / 2, bottom + bar_h + 1.5, str(count), fontName=pdf.FONT,
                           fontSize=7, textAnchor="middle"))
        drawing.add(String(x + slot / 2, bottom - 9, CATEGORY_WORDS.get(category, category),
                           fontName=pdf.FONT, fontSize=7, textAnchor="middle"))
        points += [x + slot / 2, bottom + plot_h * share]
    if len(points) >= 4:
        drawing.add(PolyLine(points, strokeColor=colors.HexColor(LINE_COLOUR), strokeWidth=1.4))
    return drawing


def _story(store, hall_id: str, year: int, month: int, language: str) -> list:
    first = _dt.date(year, month, 1)
    last = _dt.date(year, month, calendar.monthrange(year, month)[1])
    real = records.list_incidents(store, hall_id, first, last, drill=False)
    drills = records.list_incidents(store, hall_id, first, last, drill=True)
    found = complaint_records.list_complaints(store, hall_id, first, last)
    story: list = [text(f"突发事件与投诉月报 · {year} 年 {month} 月", "title"),
                   text(f"{hall_name(store, hall_id)}　{first.isoformat()} 至 {last.isoformat()}",
                        "body", textColor=MUTED)]
    closed = [i for i in real if i.closed_at]
    mean = (sum(int((i.closed_at - i.started_at).total_seconds()) for i in closed)
            // len(closed)) if closed else 0
    figures = [
        ("真实事件", f"{len(real)} 起" + (f"，平均处置 {_minutes(mean)}" if closed else "")),
        ("演练", f"{len(drills)} 次（单独统计，不计入真实事件）"),
        ("投诉", f"{len(found)} 件"),
    ]
    story += grid([[text(k, "cell_small", textColor=MUTED), text(v)] for k, v in figures],
                  [28, None], header_rows=0)

    story += heading("突发事件", "真实事件")
    if real:
        story += grid(_incident_rows(store, real, language), [22, None, 16, 20, 12, 50])
    else:
        story.append(text("本月没有真实事件。", "body"))
    story += heading("演练")
    if drills:
        story += grid(_incident_rows(store, drills, language), [22, None, 16, 20, 12, 50])
    else:
        story.append(text("本月没有演练。", "body"))

    open_actions = store.query(
        "SELECT a.title, a.due_date, a.status, s.name AS owner, i.title AS incident "
        "FROM corrective_actions a JOIN incidents i ON i.id = a.incident_id "
        "LEFT JOIN staff s ON s.id = a.owner_id WHERE a.hall_id = ? AND a.source = 'incident' "
        "AND i.started_at < ? AND (a.status = 'open' OR i.started_at >= ?) "
        "ORDER BY a.due_date",
        (hall_id, (last + _dt.timedelta(days=1)).isoformat(), first.isoformat()),
    )
    story += heading("事件整改", "本月事件的整改，以及仍未完成的整改")
    if open_actions:
        rows = [[text(h, "cell_small") for h in ("整改事项", "来自事件", "责任人", "期限", "状态")]]
        for action in open_actions:
            late = action["status"] == "open" and action["due_date"] < last.isoformat()
            rows.append([
                text(action["title"]), text(action["incident"]), text(action["owner"] or "未指定"),
                rich([markup(action["due_date"], color=RED if late else None)]),
                text(ACTION_WORDS.get(action["status"], action["status"])),
            ])
        story += grid(rows, [None, 40, 22, 22, 18])
    else:
        story.append(text("无", "body"))

    story += heading("投诉", "按类别（帕累托）与渠道")
    if not found:
        story.append(text("本月没有投诉记录。", "body"))
        return story
    counted = [c for c in found if c.status != rules.WITHDRAWN]
    result = rules.pareto([c.category for c in counted])
    if result:
        story.append(pareto_drawing(result))
        total = sum(n for _c, n, _s in result)
        rows = [[text(h, "cell_small") for h in ("类别", "件数", "占比", "累计占比")]]
        for category, count, share in result:
            rows.append([text(CATEGORY_WORDS.get(category, category)), text(str(count)),
                         text(f"{count * 100 / total:.0f}%"), text(f"{share * 100:.0f}%")])
        story += grid(rows, [None, 20, 20, 24])
    story.append(spacer(2))
    by_channel: dict[str, int] = {}
    for complaint in found:
        by_channel[complaint.channel] = by_channel.get(complaint.channel, 0) + 1
    story.append(text("渠道：" + "，".join(f"{CHANNEL_WORDS.get(k, k)} {n} 件"
                                           for k, n in sorted(by_channel.items(),
                                                              key=lambda kv: -kv[1])), "body"))
    now = _dt.datetime.combine(last, _dt.time(23, 59, 59))
    responded_in_time = sum(1 for c in counted if c.responded_at and
                            c.responded_at <= c.response_due)
    settled_in_time = sum(1 for c in counted if c.completed_at and
                          c.completed_at <= c.completion_due)
    story.append(text(
        f"按时响应 {responded_in_time} / {len(counted)} 件，按时办结 {settled_in_time} / "
        f"{len(counted)} 件。", "body"))
    late = [c for c in counted if c.overdue(now)]
    if late:
        story += heading("超时投诉")
        rows = [[text(h, "cell_small") for h in ("受理", "渠道", "类别", "摘要", "状态")]]
        for complaint in late:
            rows.append([
                text(complaint.received_at.strftime("%m-%d %H:%M")),
                text(CHANNEL_WORDS.get(complaint.channel, complaint.channel)),
                text(CATEGORY_WORDS.get(complaint.category, complaint.category)),
                text(complaint.summary or "—"),
                rich([markup(STATUS_WORDS.get(complaint.status, complaint.status), color=RED)]),
            ])
        story += grid(rows, [22, 26, 22, None, 18])
    return story


def build(store, hall_id: str, year: int, month: int, lang: str = "zh_CN") -> bytes:
    """The summary of one calendar month as PDF bytes."""
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise errors.ReportError(Message(
            CTX, QT_TRANSLATE_NOOP("Reports", "月份不对：{year} 年 {month} 月"),
            {"year": year, "month": month},
        ))
    story = _story(store, hall_id, year, month, lang)
    hall = hall_name(store, hall_id)
    return pdf.build(
        story,
        title=printable(f"突发事件与投诉月报 {hall} {year}-{month:02d}"),
        furniture=furniture(f"{hall} · 突发事件与投诉月报 · {year} 年 {month} 月",
                            "营业厅现场管理助手 · 月报"),
    )
