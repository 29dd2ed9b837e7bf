"""The history list on the demo hall: named columns, each filter narrows, Enter opens a round."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt

from hallsupervisor.domain.inspection.model import (
    FAIL,
    PASS,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW

TODAY = DEMO_NOW.date()


@pytest.fixture
def demo_store(demo_db):
    store = Store.open(demo_db)
    hall_id = halls.current_hall_id(store)
    # Something for every filter: the midday round begun and not signed, and a spot check
    # on a template of its own that found a fault.
    entry = records.day_plan(store, hall_id)[1]
    template = records.load_template(
        store, records.latest_version_id(store, entry.template_family_id)
    )
    records.start_round(
        store,
        hall_id,
        name=entry.name,
        round_date=TODAY,
        template_id=template.id,
        plan_id=entry.id,
        planned_time=entry.time,
        started_at=DEMO_NOW,
    )
    spot = Template(
        "夜间安全检查表",
        sections=[
            TemplateSection(
                "N",
                "夜间",
                items=[TemplateItem("N-01", "门窗上锁"), TemplateItem("N-02", "报警布防")],
            )
        ],
    )
    records.save_template(store, hall_id, spot)
    day = TODAY - dt.timedelta(days=3)
    spot_round = records.start_round(
        store,
        hall_id,
        name="夜间检查",
        round_date=day,
        template_id=spot.id,
        started_at=dt.datetime.combine(day, dt.time(19, 0)),
    )
    records.set_answer(store, spot_round, spot.sections[0].items[0], PASS)
    records.set_answer(store, spot_round, spot.sections[0].items[1], FAIL, note="报警未布防")
    records.sign_round(store, spot_round, "王丽")
    yield store, hall_id, spot
    store.close()


@pytest.fixture
def history(app, qtbot, demo_store):
    from hallsupervisor.gui.inspection.history_view import HistoryView

    store, hall_id, _ = demo_store
    view = HistoryView(store, hall_id, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.show()
    qtbot.waitExposed(view)
    return view


def _all_rows(view):
    model = view.model
    while model.canFetchMore():
        model.fetchMore()
    return model.rows


def test_columns_and_the_newest_rounds_first(history, demo_store, qtmodeltester):
    store, hall_id, _ = demo_store
    model = history.model
    assert history.objectName() == "historyView"
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["日期", "时间", "巡检", "模板", "得分", "不合格项", "签字人"]
    total = store.scalar("SELECT count(*) FROM rounds")
    assert model.total == total == 270
    assert history.count_label.text() == f"共 {total} 次巡检"
    first = model.index(0, 0)
    assert model.data(first) == TODAY.isoformat()
    assert model.data(model.index(0, 2)) == "午间巡检"  # begun at 10:40, newest
    assert model.data(model.index(0, 6)) == "○ 未签字"
    assert model.data(model.index(1, 2)) == "开门检查"
    assert model.data(model.index(1, 3)) == "供电营业厅巡检表（第1版）"
    assert model.data(model.index(1, 6)) == "王丽"
    qtmodeltester.check(model)


def test_history_is_read_a_page_at_a_time(history):
    from hallsupervisor.gui.inspection.history_view import PAGE_SIZE

    model = history.model
    assert model.rowCount() == PAGE_SIZE < model.total
    history.table.scrollToBottom()
    assert len(_all_rows(history)) == model.total
    days = [row.day for row in model.rows]
    assert days == sorted(days, reverse=True)


def _choose(combo, text):
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def test_the_result_filter_narrows_the_list(history, demo_store):
    store, hall_id, _ = demo_store
    _choose(history.result_combo, "有不合格项")
    failed = _all_rows(history)
    assert failed and all(row.failed > 0 for row in failed)
    assert history.model.total == store.scalar("SELECT count(*) FROM rounds WHERE failed > 0")
    _choose(history.result_combo, "低于90分")
    low = _all_rows(history)
    assert low and all(row.score < 90 for row in low)
    assert len(low) < len(failed)
    _choose(history.result_combo, "未签字")
    assert [(r.round_name, r.signed) for r in _all_rows(history)] == [("午间巡检", False)]
    assert history.count_label.text() == "共 1 次巡检"
    _choose(history.result_combo, "全部")
    assert history.model.total == 270


def test_the_round_name_filter(history):
    _choose(history.round_combo, "闭厅检查")
    rows = _all_rows(history)
    assert len(rows) == 89 and {r.round_name for r in rows} == {"闭厅检查"}
    names = [history.round_combo.itemText(i) for i in range(history.round_combo.count())]
    assert names[:4] == ["全部", "开门检查", "午间巡检", "闭厅检查"]
    _choose(history.round_combo, "夜间检查")
    assert [r.round_name for r in _all_rows(history)] == ["夜间检查"]


def test_the_template_filter(history, demo_store):
    _, _, spot = demo_store
    _choose(history.template_combo, "夜间安全检查表")
    rows = _all_rows(history)
    assert [(r.template_name, r.failed) for r in rows] == [("夜间安全检查表", 1)]
    _choose(history.template_combo, "供电营业厅巡检表")
    assert history.model.total == 269


def test_the_date_range(history):
    history.start_edit.setDate(QDate(2026, 11, 20))
    history.end_edit.setDate(QDate(2026, 11, 21))
    rows = _all_rows(history)
    assert len(rows) == 6
    assert {r.day for r in rows} == {dt.date(2026, 11, 20), dt.date(2026, 11, 21)}
    _choose(history.result_combo, "有不合格项")
    assert all(r.failed and r.day.month == 11 and r.day.day in (20, 21) for r in _all_rows(history))
    history.reset_button.click()
    assert history.model.total == 270
    assert history.result_combo.currentIndex() == 0


def test_filters_combine(history, demo_store):
    store, _, _ = demo_store
    _choose(history.round_combo, "开门检查")
    _choose(history.result_combo, "有不合格项")
    history.start_edit.setDate(QDate(2026, 11, 1))
    expected = store.scalar(
        "SELECT count(*) FROM rounds WHERE name = '开门检查' AND failed > 0 AND round_date >= '2026-11-01'"
    )
    assert history.model.total == expected > 0
    assert all(r.round_name == "开门检查" and r.failed for r in _all_rows(history))


def test_enter_and_double_click_open_a_round(history, qtbot):
    table = history.table
    table.setFocus()
    table.setCurrentIndex(history.model.index(3, 0))
    expected = history.model.round_id(3)
    with qtbot.waitSignal(history.openRound, timeout=1000) as signal:
        qtbot.keyClick(table, Qt.Key.Key_Return)
    assert signal.args == [expected]
    rect = table.visualRect(history.model.index(5, 2))
    # A real double click starts with a press; QTest's double click alone does not.
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    with qtbot.waitSignal(history.openRound, timeout=1000) as signal:
        qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == [history.model.round_id(5)]


def test_the_stats_page_matches_the_view(history, demo_store):
    store, hall_id, _ = demo_store
    rows = stats.history(store, hall_id, limit=10)
    assert [r.round_id for r in history.model.rows[:10]] == [r.round_id for r in rows]
