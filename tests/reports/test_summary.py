"""Period summaries from copies of the demo database, checked in the PDF with real tools."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from hallsupervisor.domain.inspection.scoring import format_score
from hallsupervisor.reports import summary
from hallsupervisor.reports.errors import ReportError
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store
from tests.reports.test_round_report import (
    HOSTILE,
    LONG,
    TODAY,
    WORD,
    assert_fonts_embedded,
    assert_qpdf_ok,
    compact,
    page_count,
    pdf_text,
    run,
    save,
    words_off_the_text_area,
)

LAST_30 = (TODAY - dt.timedelta(days=29), TODAY)


@pytest.fixture
def demo(demo_db):
    store = Store.open(demo_db)
    yield store, halls.current_hall_id(store)
    store.close()


def _summary(store, hall_id, start, end, **kwargs) -> bytes:
    return summary.period_summary(store, hall_id, start, end, today=TODAY, **kwargs)


def test_the_last_30_days(demo, tmp_path):
    store, hall_id = demo
    start, end = LAST_30
    path = save(tmp_path, "month.pdf", _summary(store, hall_id, start, end))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    assert 1 <= page_count(path) <= 4
    text = compact(pdf_text(path))
    top = stats.pareto(store, hall_id, start, end, limit=10)
    days = stats.daily_scores(store, hall_id, start, end)
    rounds = sum(d.rounds for d in days)
    mean = sum(d.score * d.rounds for d in days) / rounds
    for expected in (
        "城东供电营业厅",
        f"{start.isoformat()}（{'星期二'}）至{end.isoformat()}",
        "得分趋势",
        top[0].item_key,
        top[0].text,
        top[-1].text,
        f"{top[-1].cumulative_percent:.1f}%",
        f"完成巡检{rounds}",
        f"平均得分{format_score(mean)}",
        "每周按期整改率",
        "第1页",
    ):
        assert compact(expected) in text, expected
    # every section of the checklist has its row
    for series in stats.section_daily_scores(store, hall_id, start, end):
        assert compact(series.title) in text
    assert words_off_the_text_area(path) == []


def test_the_overdue_count_is_the_databases(demo, tmp_path):
    store, hall_id = demo
    overdue = store.query(
        "SELECT * FROM corrective_actions WHERE status = 'open' AND due_date < ?",
        (TODAY.isoformat(),),
    )
    assert overdue, "the demo has overdue actions"
    path = save(tmp_path, "s.pdf", _summary(store, hall_id, *LAST_30))
    text = compact(pdf_text(path))
    assert re.search(r"逾期未整改(\d+)截至", text).group(1) == str(len(overdue))
    listed = text.split("逾期未整改的整改项", 1)[1]
    for action in overdue:
        assert action["item_key"] in listed and compact(action["title"]) in listed


def _pixels_near(path, rgb: tuple[int, int, int], tolerance: int = 40) -> int:
    from PIL import Image

    image = Image.open(path).convert("RGB")
    return sum(
        count
        for count, colour in image.getcolors(image.width * image.height)
        if all(abs(a - b) <= tolerance for a, b in zip(colour, rgb, strict=True))
    )


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    value = hex_colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) for i in (0, 2, 4))


def test_the_trend_chart_is_drawn(demo, tmp_path):
    store, hall_id = demo
    path = save(tmp_path, "s.pdf", _summary(store, hall_id, *LAST_30))
    result = run(
        "pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "1", str(path), str(tmp_path / "page")
    )
    assert result.returncode == 0, result.stderr
    (png,) = tmp_path.glob("page*.png")
    daily = _pixels_near(png, _rgb(summary.DAILY_COLOUR), 25)
    weekly = _pixels_near(png, _rgb(summary.WEEKLY_COLOUR), 25)
    assert daily > 150, daily  # 30 points joined by a line
    assert weekly > 150, weekly  # five weekly steps


def test_bad_periods_are_refused_in_chinese(demo):
    store, hall_id = demo
    start, end = LAST_30
    with pytest.raises(ReportError) as caught:
        _summary(store, hall_id, end, start)
    message = str(caught.value.message)
    assert "晚于" in message and start.isoformat() in message and end.isoformat() in message
    too_long = end - dt.timedelta(days=summary.MAX_PERIOD_DAYS)  # one day over
    with pytest.raises(ReportError) as caught:
        _summary(store, hall_id, too_long, end)
    message = str(caught.value.message)
    assert "最长" in message and str(summary.MAX_PERIOD_DAYS + 1) in message
    longest = end - dt.timedelta(days=summary.MAX_PERIOD_DAYS - 1)
    assert _summary(store, hall_id, longest, end).startswith(b"%PDF")


def test_a_period_without_records_has_nothing_to_print(demo):
    store, hall_id = demo
    with pytest.raises(ReportError) as caught:
        _summary(store, hall_id, dt.date(2020, 1, 1), dt.date(2020, 1, 31))
    assert "没有可以打印的内容" in str(caught.value.message)


def test_week_and_month_titles(demo, tmp_path):
    store, hall_id = demo
    monday = TODAY - dt.timedelta(days=TODAY.weekday() + 7)
    week = save(tmp_path, "w.pdf", _summary(store, hall_id, monday, monday + dt.timedelta(days=6)))
    assert "巡检周汇总" in compact(pdf_text(week))
    month = save(
        tmp_path, "m.pdf", _summary(store, hall_id, dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    )
    assert "巡检月汇总" in compact(pdf_text(month))


def test_summaries_are_deterministic(demo):
    store, hall_id = demo
    first = _summary(store, hall_id, *LAST_30)
    assert first == _summary(store, hall_id, *LAST_30)
    assert first != _summary(store, hall_id, LAST_30[0] + dt.timedelta(days=1), LAST_30[1])


def test_hostile_names_and_notes_build_and_print_verbatim(demo, tmp_path):
    store, hall_id = demo
    halls.update_hall(store, hall_id, name=HOSTILE + WORD)
    overdue = records.list_actions(store, hall_id)[0]
    records.update_action(store, overdue["id"], note=LONG)
    path = save(tmp_path, "s.pdf", _summary(store, hall_id, *LAST_30))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    text = compact(pdf_text(path))
    assert compact(HOSTILE.replace("😀", "□").replace("🚀", "□")) + WORD in text
    assert compact(LONG[:100]) in text
    assert words_off_the_text_area(path) == []
