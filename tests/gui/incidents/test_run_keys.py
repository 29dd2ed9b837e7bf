"""The other keys of the run view: add a step, a person, a hand-over, a reminder done, an
announcement, the media line, and a note written up afterwards with the time it happened."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QComboBox, QLineEdit, QTimeEdit

from hallsupervisor.domain.incidents import run
from hallsupervisor.storage import incidents
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate, type_text
from tests.gui.incidents.run_fixtures import NOW, Clock, answer, hall_with_playbook
from tests.gui.inspection.conftest import when_dialog_opens


@pytest.fixture
def running(tmp_path, app, settings, qtbot):
    from hallsupervisor.gui.incidents.run_view import RunView

    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    hall_id, playbook_id = hall_with_playbook(path)
    store = Store.open(path)
    store.hall_id = hall_id
    clock = Clock()
    view = RunView(store, settings, clock=clock)
    view.resize(1000, 680)
    qtbot.addWidget(view)
    activate(qtbot, view)
    when_dialog_opens(qtbot, lambda d: d.accept())
    incident_id = view.start(playbook_id)
    yield view, store, incident_id, clock
    store.close()


def test_add_step_person_and_hand_over(running, qtbot):
    view, store, incident_id, clock = running

    def add(dialog):
        type_text(qtbot, dialog.edit, "通知社区网格员")
        role = dialog.findChild(QComboBox, "dialogRole")
        role.setCurrentIndex(role.findData("guide"))
        dialog.edit.setFocus()

    answer(qtbot, add)
    qtbot.keyClick(view.steps, Qt.Key.Key_Plus)
    qtbot.waitUntil(lambda: view.state.step("x1") is not None)
    assert view.state.step("x1").role == "guide"
    assert view.steps.currentItem().text().endswith("通知社区网格员")

    def person(dialog):
        name = dialog.findChild(QComboBox, "personName")
        name.setFocus()
        type_text(qtbot, name.lineEdit(), "老年男性")
        description = dialog.findChild(QLineEdit, "personDescription")
        type_text(qtbot, description, "约75岁，独自前来")
        description.setFocus()

    answer(qtbot, person)
    qtbot.keyClick(view.steps, Qt.Key.Key_P)
    qtbot.waitUntil(lambda: len(view.state.people) == 1)
    assert view.state.people[0].data == {"kind": "customer", "staff_id": None,
                                         "description": "约75岁，独自前来"}

    clock.advance(minutes=5)

    def hand_over(dialog):
        role = dialog.findChild(QComboBox, "handoverRole")
        role.setCurrentIndex(role.findData("supervisor"))
        person = dialog.findChild(QComboBox, "handoverPerson")
        person.setCurrentIndex(person.findText("赵敏"))
        person.setFocus()

    answer(qtbot, hand_over)
    qtbot.keyClick(view.steps, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: any(r["person"] == "赵敏" and r["role"] == "supervisor"
                                for r in incidents.roles_now(store, incident_id)))
    handed = [r for r in incidents.role_history(store, incident_id) if r["person"] == "王丽"]
    assert handed[0]["until_at"] == "2026-11-25 10:45:00"
    assert "值班长：赵敏" in view.info.toPlainText()


def test_reminders_announcements_and_media_line(running, qtbot):
    view, store, incident_id, clock = running
    clock.advance(minutes=3)  # the CPR swap (every 2 minutes) is overdue
    view.tick_clock()
    texts = [view.timer_list.item(i).text() for i in range(view.timer_list.count())]
    assert "▲ 轮换做心肺复苏的人：已超时 01:00（每 2 分钟）" in texts
    assert texts[0] == "▲ 拨打 120 说明地址：已超时 01:00"  # the step's own target
    qtbot.keyClick(view.steps, Qt.Key.Key_A)
    timers = {t.key: t for t in run.timers(view.incident.body, view.state, clock())}
    assert timers["prompt:0"].due_at == NOW + dt.timedelta(minutes=5)
    qtbot.keyClick(view.steps, Qt.Key.Key_B)  # one announcement: logged at once
    qtbot.keyClick(view.steps, Qt.Key.Key_M)
    entries = [e for e in incidents.entries(store, incident_id) if e.kind == run.ANNOUNCE]
    assert [e.text for e in entries] == ["请大家让出通道，工作人员正在处理。",
                                         "我们正在处理，稍后统一说明。"]
    assert entries[1].data == {"media": True}


def test_a_note_written_up_later_keeps_when_it_happened(running, qtbot):
    view, store, incident_id, clock = running
    clock.advance(minutes=12)

    def note(dialog):
        dialog.findChild(QTimeEdit, "happenedAt").setTime(QTime(10, 43))
        type_text(qtbot, dialog.edit, "家属赶到")
        dialog.edit.setFocus()

    answer(qtbot, note)
    qtbot.keyClick(view.steps, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(view.state.notes) == 1)
    entry = view.state.notes[0]
    assert entry.happened_at == dt.datetime(2026, 11, 25, 10, 43)
    assert entry.entered_at == dt.datetime(2026, 11, 25, 10, 52)


def test_place_and_touchpoint_during_the_run(running, qtbot):
    view, store, incident_id, _clock = running
    map_id = store.insert("hall_maps", {"name": "一层"})
    point_id = store.insert("touchpoints", {"map_id": map_id, "code": "TP05", "name": "等候区",
                                            "stage": "wait", "x_m": 4.0, "y_m": 3.0})

    def place(dialog):
        type_text(qtbot, dialog.location, "3 号窗口前")
        combo = dialog.findChild(QComboBox, "placeTouchpoint")
        combo.setCurrentIndex(combo.findData(point_id))
        dialog.location.setFocus()

    answer(qtbot, place)
    qtbot.keyClick(view.steps, Qt.Key.Key_L)
    qtbot.waitUntil(lambda: incidents.get(store, incident_id).touchpoint_id == point_id)
    assert incidents.get(store, incident_id).location == "3 号窗口前"
    assert "3 号窗口前" in view.started.text()


def test_a_step_done_earlier_and_a_late_hand_over_keep_when_they_happened(running, qtbot):
    view, store, incident_id, clock = running
    clock.advance(minutes=10)  # 10:50
    first = view.state.steps[0].id

    def done_at(dialog):
        dialog.findChild(QTimeEdit, "happenedAt").setTime(QTime(10, 42))

    answer(qtbot, done_at)
    qtbot.keyClick(view.steps, Qt.Key.Key_T)
    qtbot.waitUntil(lambda: view.state.step(first).status == run.STEP_DONE)
    tick = [e for e in incidents.entries(store, incident_id) if e.kind == run.DONE][0]
    assert tick.happened_at == dt.datetime(2026, 11, 25, 10, 42)
    assert tick.entered_at == dt.datetime(2026, 11, 25, 10, 50)
    assert view.steps.item(0).text().endswith("— 10:42")

    def hand_over(dialog):
        role = dialog.findChild(QComboBox, "handoverRole")
        role.setCurrentIndex(role.findData("supervisor"))
        person = dialog.findChild(QComboBox, "handoverPerson")
        person.setCurrentIndex(person.findText("赵敏"))
        dialog.findChild(QTimeEdit, "happenedAt").setTime(QTime(10, 47))
        person.setFocus()

    answer(qtbot, hand_over)
    qtbot.keyClick(view.steps, Qt.Key.Key_R)
    qtbot.waitUntil(lambda: any(r["person"] == "赵敏"
                                for r in incidents.roles_now(store, incident_id)))
    handed = [r for r in incidents.role_history(store, incident_id) if r["person"] == "王丽"]
    assert handed[0]["until_at"] == "2026-11-25 10:47:00"


def test_f6_goes_through_the_open_incidents_and_a_timer_is_acknowledged_by_double_click(
        running, qtbot):
    view, store, first, clock = running
    when_dialog_opens(qtbot, lambda d: d.accept())
    playbook_id = store.scalar("SELECT playbook_id FROM incidents WHERE id = ?", (first,))
    second = view.start(playbook_id, drill=True)
    assert view.current_id() == second
    activate(qtbot, view)
    view.open_list.setFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_F6)
    assert view.current_id() == first and view.steps.hasFocus()
    qtbot.keyClick(view.steps, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert view.current_id() == second

    clock.advance(minutes=3)
    view.tick_clock()
    rows = {view.timer_list.item(i).data(Qt.ItemDataRole.UserRole + 2): i
            for i in range(view.timer_list.count())}
    view.timer_list.setCurrentRow(rows["target:0"])
    clock.advance(seconds=1)
    view.tick_clock()  # the clock ticks between two clicks: the rows stay as they were
    assert view.timer_list.currentRow() == rows["target:0"]
    item = view.timer_list.item(rows["target:0"])
    view.timer_list.scrollToItem(item)
    rect = view.timer_list.visualItemRect(item)
    qtbot.mouseClick(view.timer_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.timer_list.viewport(), Qt.MouseButton.LeftButton,
                      pos=rect.center())
    acknowledged = [e.data.get("key") for e in incidents.entries(store, second)
                    if e.kind in (run.TARGET, run.PROMPT)]
    assert acknowledged == ["target:0"]  # that one, not the most urgent prompt
    assert not [e for e in incidents.entries(store, first) if e.kind in (run.TARGET,
                                                                         run.PROMPT)]


def test_a_follow_up_added_by_mistake_is_deleted_before_closing(running, qtbot):
    view, store, incident_id, _clock = running

    def close(dialog):
        for title in ("写错的一条", "补充急救箱"):
            type_text(qtbot, dialog.follow_title, title)
            qtbot.keyClick(dialog.follow_title, Qt.Key.Key_Return)
        assert dialog.follow_list.count() == 2
        dialog.follow_list.setFocus()
        dialog.follow_list.setCurrentRow(0)
        qtbot.keyClick(dialog.follow_list, Qt.Key.Key_Delete)
        assert dialog.follow_list.count() == 1
        type_text(qtbot, dialog.outcome, "已处理")
        dialog.outcome.setFocus()

    answer(qtbot, close)
    activate(qtbot, view)
    qtbot.keyClick(view.steps, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: incidents.get(store, incident_id).status == "closed")
    assert [a["title"] for a in incidents.follow_ups(store, incident_id)] == ["补充急救箱"]


def test_the_roles_at_the_start_go_first_to_staff_on_shift_now(running, qtbot):
    from hallsupervisor.domain.hall import StaffMember
    from hallsupervisor.domain.staffing.live import RosterShift
    from hallsupervisor.storage import halls, staffing

    view, store, first, clock = running
    hall_id = view.hall_id
    halls.add_staff(store, hall_id, StaffMember("陈静", "GD1009", "supervisor"))
    chen = next(m for m in halls.list_staff(store, hall_id) if m.name == "陈静")
    day = clock().date()
    roster = staffing.empty_roster(store, hall_id, day - dt.timedelta(days=day.weekday()), 30,
                                   "08:00", [])
    staffing.add_shift(store, hall_id, roster, day,
                       RosterShift(chen.id, "陈静", "08:00", "12:00", "10:30", 60))
    assert incidents.on_duty(store, hall_id, clock()) == {chen.id}  # at lunch, but here
    seen = {}

    def start(dialog):
        combo = dialog.findChild(QComboBox, "role_supervisor")
        seen["chosen"] = combo.currentText()
        seen["first"] = combo.itemText(1)
        seen["tip"] = combo.itemData(1, Qt.ItemDataRole.ToolTipRole)
        dialog.accept()

    when_dialog_opens(qtbot, start)
    playbook_id = store.scalar("SELECT playbook_id FROM incidents WHERE id = ?", (first,))
    second = view.start(playbook_id)
    assert seen == {"chosen": "陈静", "first": "陈静", "tip": "当班"}
    roles = {r["role"]: r["person"] for r in incidents.roles_now(store, second)}
    assert roles["supervisor"] == "陈静" and roles["counter"] == "李强"


def test_a_huge_place_at_the_start_is_refused_and_nothing_starts(running, qtbot):
    view, store, first, _clock = running
    seen = []

    def start(dialog):
        dialog.location.setText("很长" * 1500)
        dialog.accept()
        seen.append((dialog.problem.text(), dialog.isVisible()))
        dialog.reject()

    when_dialog_opens(qtbot, start)
    playbook_id = store.scalar("SELECT playbook_id FROM incidents WHERE id = ?", (first,))
    assert view.start(playbook_id) is None
    assert seen == [("内容太长（最多 2000 字），请分成几条记录。", True)]
    assert [i.id for i in view.open_incidents()] == [first]


def test_the_touchpoint_pickers_name_touchpoints_in_the_interface_language(app, qtbot):
    from hallsupervisor.gui import i18n
    from hallsupervisor.gui.incidents.run_dialogs import CloseDialog, PlaceDialog

    points = [{"id": "p1", "code": "TP05", "name": "等候区", "name_en": "Waiting area"},
              {"id": "p2", "code": "TP06", "name": "取号机", "name_en": ""}]
    i18n.install(app, "en")
    app.setProperty("hallsupervisor_language", "en")
    try:
        place = PlaceDialog("", points, "p1")
        close = CloseDialog([], points, dt.date(2026, 11, 25), touchpoint_id="p2")
    finally:
        i18n.install(app, "zh_CN")
        app.setProperty("hallsupervisor_language", "zh_CN")
    for dialog in (place, close):
        qtbot.addWidget(dialog)
        combo = dialog.touchpoint
        assert [combo.itemText(i) for i in range(1, combo.count())] == [
            "TP05 Waiting area", "TP06 取号机"]  # no English name: the Chinese one
    assert place.touchpoint.currentData() == "p1"
    assert close.touchpoint.currentData() == "p2"
    chinese = PlaceDialog("", points, None)
    qtbot.addWidget(chinese)
    assert chinese.touchpoint.itemText(1) == "TP05 等候区"
    assert chinese.touchpoint.currentData() is None
