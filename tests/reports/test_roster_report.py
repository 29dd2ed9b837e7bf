"""The roster printout from the demo database, checked with pdftotext, pdffonts and qpdf."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.staffing import weekly
from hallsupervisor.domain.staffing.live import RosterShift
from hallsupervisor.reports.errors import ReportError
from hallsupervisor.reports.roster import roster_pdf
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW
from tests.reports.test_round_report import (
    HOSTILE,
    assert_fonts_embedded,
    assert_qpdf_ok,
    compact,
    page_count,
    pdf_text,
    save,
)

WEEK = weekly.week_of(DEMO_NOW.date())


@pytest.fixture
def demo(demo_db):
    store = Store.open(demo_db)
    yield store, halls.current_hall_id(store)
    store.close()


def test_the_demo_weeks_roster_names_everyone_with_their_hours(demo, tmp_path):
    store, hall_id = demo
    path = save(tmp_path, "roster.pdf", roster_pdf(store, hall_id, WEEK))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    assert page_count(path) == 1
    text = compact(pdf_text(path))
    roster = records.load_roster(store, hall_id, WEEK)
    for stored in roster.shifts:
        assert stored.shift.staff_name in text
        assert f"{stored.shift.start}–{stored.shift.end}" in text
    hours = sum(weekly.paid_hours(s.shift) for s in roster.shifts)
    assert f"{hours:.1f}工时" in text
    assert "城东供电营业厅·排班表" in text and "人手缺口" in text
    # Each day's gaps are printed where the roster falls short.
    n = len(roster.requirements[0])
    short = weekly.shortfall(
        roster.requirements[5], weekly.coverage(roster.day_shifts(5), roster.day_start, 30, n)
    )
    assert any(short) == ("星期六" in text.split("人手缺口")[1])


def test_user_text_is_printed_as_text_and_english_works(demo, tmp_path):
    store, hall_id = demo
    roster = records.load_roster(store, hall_id, WEEK)
    records.add_shift(store, hall_id, roster.id, WEEK + dt.timedelta(days=6), RosterShift("x", HOSTILE, "08:30", "12:30"))
    path = save(tmp_path, "hostile.pdf", roster_pdf(store, hall_id, WEEK, language="en"))
    text = pdf_text(path)
    assert "<script>x</script>" in text and "Roster" in text and "Shortfall" in text
    assert_fonts_embedded(path)


def test_a_week_without_roster_has_nothing_to_print(demo):
    store, hall_id = demo
    with pytest.raises(ReportError) as caught:
        roster_pdf(store, hall_id, WEEK + dt.timedelta(days=70))
    assert "还没有排班" in str(caught.value)


def test_a_day_without_shifts_prints_its_gap_as_one_run(demo, tmp_path):
    """Consecutive intervals short by the same count print as one span, so a supervisor
    reads 08:30–17:30 缺 3 人 rather than eighteen separate entries."""
    store, hall_id = demo
    roster = records.load_roster(store, hall_id, WEEK)
    for stored in roster.shifts:
        if stored.day == WEEK:
            records.delete_shift(store, stored.id)
    need = roster.requirements[0]
    assert need and len(set(need)) == 1  # the demo's Monday needs the same all day
    first = roster.day_start
    last = weekly.format_hhmm(weekly.parse_hhmm(first) + len(need) * roster.interval_minutes)
    path = save(tmp_path, "gap.pdf", roster_pdf(store, hall_id, WEEK))
    text = compact(pdf_text(path))
    assert f"星期一{first}–{last}缺{need[0]}人" in text
    path = save(tmp_path, "gap-en.pdf", roster_pdf(store, hall_id, WEEK, language="en"))
    assert f"{first}–{last}: {need[0]} short" in pdf_text(path)
