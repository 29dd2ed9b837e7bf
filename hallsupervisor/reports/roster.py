"""The weekly roster as a printout: who works when each day (landscape A4), the staff-hours
against the requirement, and every interval where the roster falls short. No Qt here.
"""

from __future__ import annotations

import datetime as _dt

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual
from hallsupervisor.domain.staffing import weekly
from hallsupervisor.domain.staffing.timeofday import format_hhmm, parse_hhmm
from hallsupervisor.reports import errors, pdf
from hallsupervisor.reports.pdf import (
    HEAD_BG,
    MUTED,
    RED,
    RED_BG,
    grid,
    heading,
    spacer,
    text,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records

CTX = "Reports"
LANDSCAPE_WIDTH_MM = 297 - 2 * pdf.PAGE_MARGIN_MM - 2 * pdf.FRAME_PADDING_PT * 25.4 / 72

_WORDS = {
    "title": ("排班表", "Roster"),
    "week": ("{start} 至 {end}", "{start} to {end}"),
    "person": ("人员", "Staff"),
    "hours": ("工时", "Hours"),
    "lunch": ("午休", "lunch"),
    "summary": (
        "共 {people} 人、{shifts} 个班次、{hours:.1f} 工时；按需求至少 {need:.1f} 工时。",
        "{people} people, {shifts} shifts, {hours:.1f} staff-hours; the requirement is "
        "{need:.1f} staff-hours at least.",
    ),
    "short_title": ("人手缺口", "Shortfall"),
    "short_none": ("每个时段的需要都已排满。", "Every interval is fully staffed."),
    "short_note": ("（连续缺人相同的时段合在一起）", "(intervals short by the same count run together)"),
    "gap": ("{start}–{end} 缺 {n} 人", "{start}–{end}: {n} short"),
    "sep": ("；", "; "),
    "day": ("日期", "Day"),
    "gaps": ("缺口", "Gaps"),
    "sign": ("值班长签字：________　　日期：________", "Supervisor: ________   Date: ________"),
    "total": ("合计", "Total"),
}
_WEEKDAYS = (
    ("星期一", "Mon"),
    ("星期二", "Tue"),
    ("星期三", "Wed"),
    ("星期四", "Thu"),
    ("星期五", "Fri"),
    ("星期六", "Sat"),
    ("星期日", "Sun"),
)


def _w(key: str, language: str) -> str:
    return bilingual(*_WORDS[key], language)


def _day(index: int, language: str) -> str:
    return bilingual(*_WEEKDAYS[index], language)


def _runs(short: list[int]) -> list[tuple[int, int, int]]:
    """(first interval, interval after the last, people short) for each run of consecutive
    intervals short by the same count."""
    runs: list[tuple[int, int, int]] = []
    for i, value in enumerate(short):
        if not value:
            continue
        if runs and runs[-1][1] == i and runs[-1][2] == value:
            runs[-1] = (runs[-1][0], i + 1, value)
        else:
            runs.append((i, i + 1, value))
    return runs


def roster_pdf(store, hall_id: str, week_start: _dt.date, language: str = "zh_CN") -> bytes:
    """The roster of the week starting `week_start` (a Monday) as PDF bytes."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape

    roster = records.load_roster(store, hall_id, week_start)
    if roster is None or not roster.shifts:
        raise errors.nothing_to_print(
            Message(
                CTX,
                QT_TRANSLATE_NOOP("Reports", "{date} 这一周还没有排班"),
                {"date": week_start.isoformat()},
            )
        )
    profile = halls.load_profile(store, hall_id)
    end = week_start + _dt.timedelta(days=6)
    week_text = _w("week", language).format(start=week_start.isoformat(), end=end.isoformat())
    story = [
        text(f"{profile.name} · {_w('title', language)}", "title"),
        text(week_text, "body", textColor=MUTED),
        spacer(2),
    ]
    people: dict[str, str] = {}
    cells: dict[tuple[str, int], weekly.RosterShift] = {}
    for stored in roster.shifts:
        people.setdefault(stored.shift.staff_id, stored.shift.staff_name)
        cells[(stored.shift.staff_id, (stored.day - week_start).days)] = stored.shift
    header = [text(_w("person", language), "cell")]
    for d in range(7):
        day = week_start + _dt.timedelta(days=d)
        header.append(text(f"{_day(d, language)} {day.month}/{day.day}", "cell", alignment="center"))
    header.append(text(_w("hours", language), "cell", alignment="center"))
    rows = [header]
    ordered = sorted(people.items(), key=lambda p: p[1])
    for staff_id, name in ordered:
        row = [text(name, "cell")]
        total = 0.0
        for d in range(7):
            shift = cells.get((staff_id, d))
            if shift is None:
                row.append(text("", "cell"))
                continue
            total += weekly.paid_hours(shift)
            label = f"{shift.start}–{shift.end}"
            if shift.lunch_start:
                label += f"\n{_w('lunch', language)} {shift.lunch_start}"
            row.append(text(label, "cell_small", alignment="center"))
        row.append(text(f"{total:g}", "cell", alignment="center"))
        rows.append(row)
    per_day = [
        sum(weekly.paid_hours(s) for (sid, d), s in cells.items() if d == day) for day in range(7)
    ]
    rows.append(
        [text(_w("total", language), "cell")]
        + [text(f"{h:g}", "cell", alignment="center") for h in per_day]
        + [text(f"{sum(per_day):g}", "cell", alignment="center")]
    )
    day_width = (LANDSCAPE_WIDTH_MM - 30 - 16) / 7
    extra = [("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), colors.HexColor(HEAD_BG))]
    story += grid(rows, [30] + [day_width] * 7 + [16], extra=extra)
    hours = sum(per_day)
    need = sum(sum(day) for day in roster.requirements) * roster.interval_minutes / 60
    story += [
        spacer(2),
        text(
            _w("summary", language).format(
                people=len(people), shifts=len(roster.shifts), hours=hours, need=need
            ),
            "body",
        ),
    ]
    story += heading(_w("short_title", language), _w("short_note", language), keep_mm=25)
    n = len(roster.requirements[0]) if roster.requirements else 0
    gap_rows = [[text(_w("day", language), "cell"), text(_w("gaps", language), "cell")]]
    first = parse_hhmm(roster.day_start)
    for d in range(len(roster.requirements)):
        covered = weekly.coverage(roster.day_shifts(d), roster.day_start, roster.interval_minutes, n)
        short = weekly.shortfall(roster.requirements[d], covered)
        gaps = [
            _w("gap", language).format(
                start=format_hhmm(first + begin * roster.interval_minutes),
                end=format_hhmm(first + stop * roster.interval_minutes),
                n=value,
            )
            for begin, stop, value in _runs(short)
        ]
        if gaps:
            gap_rows.append(
                [text(_day(d, language), "cell"), text(_w("sep", language).join(gaps), "cell", textColor=RED)]
            )
    if len(gap_rows) == 1:
        story.append(text(_w("short_none", language), "body"))
    else:
        story += grid(
            gap_rows,
            [30, LANDSCAPE_WIDTH_MM - 30],
            extra=[("BACKGROUND", (1, 1), (1, -1), colors.HexColor(RED_BG))],
        )
    story += [spacer(8), text(_w("sign", language), "body")]
    title = f"{profile.name} {_w('title', language)} {week_text}"
    return pdf.build(
        story,
        title=title,
        furniture=pdf.PageFurniture(header=pdf.fit_line(title, 240), footer=""),
        pagesize=landscape(A4),
    )
