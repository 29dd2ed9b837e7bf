"""The trends page on the demo hall: the chart, the drill-down behind a day, Pareto, actions."""

from __future__ import annotations

import calendar
import datetime as dt
import gc
import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QEvent, Qt
from PySide6.QtWidgets import QApplication

from hallsupervisor.domain.inspection import scoring
from hallsupervisor.gui import i18n
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW

ROOT = Path(__file__).resolve().parents[3]
TODAY = DEMO_NOW.date()


@pytest.fixture
def demo_store(demo_db):
    store = Store.open(demo_db)
    yield store, halls.current_hall_id(store)
    store.close()


@pytest.fixture
def trends(app, qtbot, demo_store):
    from hallsupervisor.gui.inspection.trends_view import TrendsView

    store, hall_id = demo_store
    view = TrendsView(store, hall_id, today=lambda: TODAY)
    view.resize(1300, 700)
    view.show()
    qtbot.waitExposed(view)
    yield view
    # pyqtgraph's items hold reference cycles: collect them while Qt is still up, not at
    # interpreter exit, where PySide6 6.12 can abort while tearing them down.
    view.close()
    view.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()


def test_importing_the_view_does_not_load_the_chart_libraries():
    script = (
        "import json, sys\n"
        "import hallsupervisor.gui.inspection.trends_view\n"
        "import hallsupervisor.gui.inspection.history_view\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('pyqtgraph', 'numpy'))))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []


def test_the_chart_shows_the_last_90_days_against_the_pass_line(trends, demo_store):
    store, hall_id = demo_store
    assert trends.objectName() == "trendsView"
    assert trends.period_combo.currentText() == "近90天"
    assert (trends.start, trends.end) == (TODAY - dt.timedelta(days=89), TODAY)
    days = stats.daily_scores(store, hall_id, trends.start, trends.end)
    xs, ys = trends.daily_curve.getData()
    assert len(xs) == len(days) == 90
    assert list(ys) == pytest.approx([d.score for d in days])
    weeks = stats.weekly_scores(store, hall_id, trends.start, trends.end)
    assert list(trends.weekly_curve.getData()[1]) == pytest.approx([w.score for w in weeks])
    assert trends.pass_line.value() == 90
    assert not trends.start_edit.isEnabled()  # only the custom period takes dates
    assert "平均得分" in trends.summary_label.text()


def test_clicking_a_day_on_the_chart_lists_its_failures(trends, demo_store, qtbot):
    store, hall_id = demo_store
    day = TODAY - dt.timedelta(days=10)
    position = trends.day_position(day)
    qtbot.mouseClick(trends.score_plot.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert trends.selected_day == day
    expected = stats.failures_on(store, hall_id, day)
    assert expected  # the demo finds something every day
    rows = trends.drill_rows()
    assert [(r[1], r[2], r[5]) for r in rows] == [
        (f.round_name, f.item_key, f.note) for f in expected
    ]
    assert day.isoformat() in trends.drill_label.text()
    assert trends.day_edit.date() == QDate(day.year, day.month, day.day)
    assert trends.day_marker.isVisible()
    assert trends.day_marker.value() == calendar.timegm(day.timetuple())


def test_choosing_a_day_by_date_fills_the_drill_down(trends, demo_store, qtbot):
    store, hall_id = demo_store
    day = TODAY - dt.timedelta(days=1)
    trends.day_edit.setDate(QDate(day.year, day.month, day.day))
    failures = stats.failures_on(store, hall_id, day)
    assert len(trends.drill_rows()) == len(failures)
    assert {r[3] for r in trends.drill_rows()} == {f.item_text for f in failures}
    assert "不合格 {} 项".format(len(failures)) in trends.drill_label.text()


def test_periods_and_custom_dates(trends, demo_store):
    trends.period_combo.setCurrentIndex(trends.period_combo.findData("30"))
    assert (trends.start, trends.end) == (TODAY - dt.timedelta(days=29), TODAY)
    assert len(trends.daily_curve.getData()[0]) == 30
    trends.period_combo.setCurrentIndex(trends.period_combo.findData("custom"))
    assert trends.start_edit.isEnabled()
    trends.start_edit.setDate(QDate(2026, 11, 1))
    trends.end_edit.setDate(QDate(2026, 11, 10))
    assert (trends.start, trends.end) == (dt.date(2026, 11, 1), dt.date(2026, 11, 10))
    assert len(trends.daily_curve.getData()[0]) == 10
    trends.set_period("365")
    assert trends.start == TODAY - dt.timedelta(days=364)
    assert len(trends.daily_curve.getData()[0]) == 90  # the demo holds 90 days


def test_section_lines_can_be_shown(trends, demo_store):
    items = [trends.section_list.item(i) for i in range(trends.section_list.count())]
    titles = [item.text() for item in items]
    assert titles[:3] == ["开门检查", "环境（6S）", "仪容仪表与举止"]
    assert not any(curve.isVisible() for curve in trends.section_curves.values())
    items[-2].setCheckState(Qt.CheckState.Checked)  # 安全
    curve = trends.section_curves["SAFE"]
    assert curve.isVisible()
    assert len(curve.getData()[0]) == 90


def test_pareto_lists_the_most_failed_items_with_cumulative_share(trends, demo_store):
    store, hall_id = demo_store
    trends.tabs.setCurrentIndex(1)  # read when the page is opened
    rows = stats.pareto(store, hall_id, trends.start, trends.end)
    model = trends.pareto_model
    assert model.rowCount() == len(rows) == 15
    assert [model.item(r, 1).text() for r in range(model.rowCount())] == [r.text for r in rows]
    assert model.item(0, 2).text() == str(rows[0].count)
    assert model.item(14, 3).text() == f"{rows[14].cumulative_percent:.0f}%"
    assert list(trends.pareto_share.getData()[1]) == pytest.approx(
        [r.cumulative_percent for r in rows]
    )


def test_weekly_share_of_actions_closed_on_time(trends, demo_store):
    store, hall_id = demo_store
    trends.tabs.setCurrentIndex(2)
    weeks = stats.actions_on_time_by_week(store, hall_id, trends.start, trends.end, today=TODAY)
    assert trends.actions_model.rowCount() == len(weeks)
    newest = weeks[-1]
    assert trends.actions_model.item(0, 0).text() == newest.week_start.isoformat()
    assert trends.actions_model.item(0, 1).text() == str(newest.due)
    assert "按期完成" in trends.actions_label.text()
    xs, heights = trends.actions_bars.opts["x"], trends.actions_bars.opts["height"]
    assert len(xs) == len([w for w in weeks if w.share is not None])
    assert list(heights) == pytest.approx([100 * w.share for w in weeks if w.share is not None])


def test_pages_out_of_view_are_read_when_opened(trends, demo_store):
    trends.set_period("30")
    assert trends.pareto_model.rowCount() == 0  # not read yet: the score page is in view
    trends.tabs.setCurrentIndex(1)
    assert trends.pareto_model.rowCount() == 15
    trends.tabs.setCurrentIndex(0)
    trends.set_period("90")  # read again for the new period the next time it is opened
    trends.tabs.setCurrentIndex(1)
    store, hall_id = demo_store
    rows = stats.pareto(store, hall_id, TODAY - dt.timedelta(days=89), TODAY)
    assert trends.pareto_model.item(0, 2).text() == str(rows[0].count)


def test_the_scoring_formula_is_one_click_away(trends, qtbot):
    qtbot.mouseClick(trends.formula_button, Qt.MouseButton.LeftButton)
    box = trends.formula_box
    assert box is not None and box.isVisible()
    assert box.text() == i18n.text(scoring.FORMULA)
    assert "权重" in box.text()
    box.close()


def test_refresh_picks_up_a_new_round(trends, demo_store):
    from hallsupervisor.domain.inspection.model import FAIL, PASS
    from hallsupervisor.storage import inspection as records

    store, hall_id = demo_store
    entry = records.day_plan(store, hall_id)[1]  # 午间巡检, not started at 10:40
    template = records.load_template(
        store, records.latest_version_id(store, entry.template_family_id)
    )
    round_id = records.start_round(
        store,
        hall_id,
        name=entry.name,
        round_date=TODAY,
        template_id=template.id,
        plan_id=entry.id,
        started_at=DEMO_NOW,
    )
    for item in template.items():
        result = FAIL if item.key == "INFO-03" else PASS
        if item.answer_type == "number":  # inside the range: the middle, or just under a limit
            low, high = item.minimum, item.maximum
            value = str((low + high) / 2 if low is not None and high is not None else (high or low))
        else:
            value = "无" if item.answer_type == "text" else ""
        note = "服务承诺牌被展架挡住" if result == FAIL else ""
        records.set_answer(store, round_id, item, result, value=value, note=note)
    assert store.scalar("SELECT completed_at IS NOT NULL FROM rounds WHERE id = ?", (round_id,))
    trends.refresh()
    trends.show_day(TODAY)
    assert "服务承诺牌被展架挡住" in [row[5] for row in trends.drill_rows()]
    assert "巡检 2 次" in trends.drill_label.text()
