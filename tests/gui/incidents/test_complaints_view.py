"""The complaint register: entered by keyboard, steps and status, time limits, Pareto."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from hallsupervisor.domain import today as today_model
from hallsupervisor.gui import i18n
from hallsupervisor.storage import complaints, halls
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate, type_text
from tests.gui.incidents.run_fixtures import Clock, hall_with_playbook
from tests.gui.inspection.conftest import when_dialog_opens


@pytest.fixture
def hall(tmp_path):
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    hall_id, _playbook_id = hall_with_playbook(path)
    store = Store.open(path)
    store.hall_id = hall_id
    yield store, hall_id
    store.close()


@pytest.fixture
def view(hall, app, settings, qtbot):
    from hallsupervisor.gui.incidents.complaints_view import ComplaintsView

    store, _hall_id = hall
    clock = Clock()
    widget = ComplaintsView(store, settings, clock=clock)
    widget.clock_ = clock
    widget.resize(1000, 650)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def test_enter_a_complaint_by_keyboard_and_settle_it(view, hall, qtbot):
    store, hall_id = hall
    changes = []
    view.changed.connect(lambda: changes.append(1))

    def fill(dialog):
        category = dialog.findChild(QComboBox, "complaintCategory")
        category.setCurrentIndex(category.findData("metering_billing"))
        customer = dialog.findChild(QLineEdit, "complaintCustomer")
        type_text(qtbot, customer, "王先生")
        summary = dialog.findChild(QLineEdit, "complaintSummary")
        type_text(qtbot, summary, "电费比上月多了一半 <疑问>")
        qtbot.keyClick(summary, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    complaint = view.model.rows[0]
    assert complaint.category == "metering_billing" and complaint.customer == "王先生"
    assert complaint.response_due == dt.datetime(2026, 11, 25, 12, 40)
    assert complaints.get(store, complaint.id).summary == "电费比上月多了一半 <疑问>"
    # A step typed and Enter: the complaint counts as responded.
    view.clock_.advance(minutes=30)
    type_text(qtbot, view.step_edit, "核对抄表数据")
    qtbot.keyClick(view.step_edit, Qt.Key.Key_Return)
    assert complaints.get(store, complaint.id).status == "responded"
    assert view.steps.count() == 1 and "核对抄表数据" in view.steps.item(0).text()
    qtbot.mouseClick(view.resolve_button, Qt.MouseButton.LeftButton)
    assert complaints.get(store, complaint.id).status == "resolved"
    assert "✓" in view.model.data(view.model.index(0, 8))
    assert len(changes) == 3


def test_overdue_complaint_is_marked_and_on_today(view, hall, qtbot):
    store, hall_id = hall
    clock = view.clock_
    complaints.add(store, hall_id, channel="gov12345", category="repair",
                   received_at=clock() - dt.timedelta(hours=3), summary="抢修两小时未到")
    view.refresh()
    assert "▲" in view.model.data(view.model.index(0, 8))
    assert "超时 1 件" in view.summary.text()
    profile = halls.load_profile(store, hall_id)
    sections = today_model.build_today(store, profile, clock())
    section = next(s for s in sections if s.key == "incidents")
    texts = [i18n.text(item.text) for item in section.items]
    assert any("抢修响应投诉" in text and "未按时响应" in text for text in texts), texts


def test_pareto_of_the_period(view, hall):
    store, hall_id = hall
    now = view.clock_()
    for category, count in (("outage_notice", 2), ("metering_billing", 4), ("attitude", 1)):
        for _ in range(count):
            complaints.add(store, hall_id, channel="hotline", category=category,
                           received_at=now - dt.timedelta(days=1))
    # Outside the period: not counted.
    complaints.add(store, hall_id, channel="hotline", category="attitude",
                   received_at=now - dt.timedelta(days=60))
    view.refresh()
    assert [c for c, _n, _s in view.pareto] == ["metering_billing", "outage_notice", "attitude"]
    heights = view.pareto_bars.opts["height"]
    assert [round(h) for h in heights] == [57, 29, 14]


def test_a_complaint_without_summary_is_refused(view, hall, qtbot):
    store, _hall_id = hall
    seen = []

    def fill(dialog):
        qtbot.keyClick(dialog.findChild(QLineEdit, "complaintSummary"), Qt.Key.Key_Return)
        seen.append(dialog.problem.text())
        dialog.reject()

    when_dialog_opens(qtbot, fill)
    qtbot.keyClick(view.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert seen == ["请先输入内容。"]
    assert store.scalar("SELECT count(*) FROM complaints") == 0
