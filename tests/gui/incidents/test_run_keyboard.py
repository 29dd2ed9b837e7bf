"""Running a playbook by keyboard: start, tick, skip, note, close with a follow-up; the
follow-up is on Today and the timeline in the incident report."""

from __future__ import annotations

import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit

from hallsupervisor.domain.incidents import run
from hallsupervisor.storage import incidents
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate, type_text
from tests.gui.incidents.run_fixtures import Clock, answer, hall_with_playbook
from tests.gui.inspection.conftest import when_dialog_opens


@pytest.fixture
def hall(tmp_path):
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    hall_id, playbook_id = hall_with_playbook(path)
    store = Store.open(path)
    store.hall_id = hall_id
    yield path, store, hall_id, playbook_id
    store.close()


@pytest.fixture
def view(hall, app, settings, qtbot):
    from hallsupervisor.gui.incidents.run_view import RunView

    _path, store, _hall_id, _playbook_id = hall
    clock = Clock()
    widget = RunView(store, settings, clock=clock)
    widget.clock_ = clock
    widget.resize(1000, 680)
    qtbot.addWidget(widget)
    activate(qtbot, widget)
    return widget


def _dialog_text(qtbot, dialog, name: str, text: str) -> None:
    edit = dialog.findChild(QLineEdit, name)
    edit.setFocus()
    type_text(qtbot, edit, text)


def _press(qtbot, view, key, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(view.steps, key, modifier)


def test_run_a_playbook_by_keyboard(view, hall, qtbot, tmp_path):
    path, store, hall_id, playbook_id = hall
    clock = view.clock_
    done = answer(qtbot, lambda d: _dialog_text(qtbot, d, "incidentLocation", "等候区东侧"))
    incident_id = view.start(playbook_id)
    assert done and incident_id
    assert [i.id for i in view.open_incidents()] == [incident_id]
    assert view.title.text() == "顾客突发疾病或晕倒"
    # The immediate steps come first and the first open step has the focus.
    assert view.steps.item(0).text().endswith("拨打 120 说明地址")
    assert view.steps.currentRow() == 0
    roles = {r["role"]: r["person"] for r in incidents.roles_now(store, incident_id)}
    assert roles["supervisor"] == "王丽" and roles["counter"] == "李强"

    clock.advance(minutes=1)
    _press(qtbot, view, Qt.Key.Key_Space)  # s2 done
    assert view.steps.currentRow() == 1
    clock.advance(minutes=1)
    answer(qtbot, lambda d: _dialog_text(qtbot, d, "dialogText", "已有医生顾客在场"))
    _press(qtbot, view, Qt.Key.Key_S)  # s1 skipped with a reason
    qtbot.waitUntil(lambda: view.state.step("s1").status == run.SKIPPED)
    clock.advance(minutes=1)
    answer(qtbot, lambda d: _dialog_text(qtbot, d, "dialogText", "顾客已清醒，能说话"))
    _press(qtbot, view, Qt.Key.Key_N)
    qtbot.waitUntil(lambda: len(view.state.notes) == 1)
    _press(qtbot, view, Qt.Key.Key_Space)  # s3 done
    # The clock runs from the start; the screen says so in large type.
    assert view.clock_label.text() == "03:00"

    state = incidents.load(store, incident_id)[1]
    assert state.step("s2").status == run.STEP_DONE
    assert state.step("s1").reason == "已有医生顾客在场"
    assert state.step("s3").status == run.STEP_DONE
    assert state.notes[0].text == "顾客已清醒，能说话"

    # Close: outcome, and a follow-up due today for the guide.
    clock.advance(minutes=20)

    def close(dialog):
        from PySide6.QtWidgets import QComboBox

        _dialog_text(qtbot, dialog, "followUpTitle", "补充急救箱的纱布")
        owner = dialog.findChild(QComboBox, "followUpOwner")
        owner.setCurrentIndex(owner.findText("赵敏"))
        due = dialog.findChild(QLineEdit, "followUpTitle")
        dialog.follow_due.setDate(dialog.follow_due.date().addDays(-3))  # today
        qtbot.keyClick(due, Qt.Key.Key_Return)  # adds the follow-up
        assert dialog.follow_list.count() == 1
        _dialog_text(qtbot, dialog, "closeOutcome", "顾客由120送医，情况稳定")

    answer(qtbot, close)
    activate(qtbot, view)  # shortcuts need the window active again after the dialogs
    qtbot.keyClick(view.steps, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not view.open_incidents())
    assert view.stack.currentWidget() is view.empty
    incident = incidents.get(store, incident_id)
    assert incident.status == "closed" and incident.outcome == "顾客由120送医，情况稳定"
    action = incidents.follow_ups(store, incident_id)[0]
    assert action["title"] == "补充急救箱的纱布" and action["owner_name"] == "赵敏"
    assert action["source"] == "incident" and action["due_date"] == "2026-11-25"

    # Today shows the follow-up.
    from hallsupervisor.gui.today.today_tab import TodayTab

    today = TodayTab(store, view.settings, clock=clock)
    qtbot.addWidget(today)
    today.refresh()
    texts = [label.text() for label in today.findChildren(QLabel)]
    assert any("补充急救箱的纱布" in text and "赵敏" in text for text in texts), texts

    # The report carries the timeline.
    from hallsupervisor.reports import incident_report

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(incident_report.build(store, incident_id, "zh_CN"))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    for expected in ("时间线", "10:41", "拨打 120 说明地址", "跳过", "已有医生顾客在场",
                     "顾客已清醒，能说话", "补充急救箱的纱布", "顾客由120送医，情况稳定"):
        assert expected in text, expected


def test_undo_and_redo_of_a_tick_are_logged(view, hall, qtbot):
    _path, store, _hall_id, playbook_id = hall
    answer(qtbot, lambda d: None)
    incident_id = view.start(playbook_id)
    _press(qtbot, view, Qt.Key.Key_Space)
    assert view.state.step("s2").status == run.STEP_DONE
    activate(qtbot, view)
    qtbot.keyClick(view.steps, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert incidents.load(store, incident_id)[1].step("s2").status == run.OPEN
    qtbot.keyClick(view.steps, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert incidents.load(store, incident_id)[1].step("s2").status == run.STEP_DONE
    kinds = [e.kind for e in incidents.entries(store, incident_id)]
    assert kinds.count(run.DONE) == 2 and kinds.count(run.REOPEN) == 1


def test_several_incidents_at_once_and_a_drill(view, hall, qtbot):
    _path, store, _hall_id, playbook_id = hall
    answer(qtbot, lambda d: None)
    first = view.start(playbook_id)
    answer(qtbot, lambda d: None)
    drill = view.start(playbook_id, drill=True)
    assert view.open_list.count() == 2 and view.current_id() == drill
    assert view.drill_badge.isVisibleTo(view)
    _press(qtbot, view, Qt.Key.Key_Space)
    view.open_list.setCurrentRow(0)
    assert view.current_id() == first and not view.drill_badge.isVisibleTo(view)
    assert view.state.counts()[0] == 0  # the tick went to the drill only
    assert incidents.get(store, drill).drill
    # Every open incident's clock runs in the list, not only the one shown.
    view.clock_.advance(minutes=2)
    view.tick_clock()
    assert [view.open_list.item(r).text().splitlines()[-1] for r in range(2)] == ["02:00"] * 2
    assert view.open_list.item(1).text().startswith("［演练］")


def test_empty_note_is_refused_with_a_message(view, hall, qtbot):
    _path, store, _hall_id, playbook_id = hall
    answer(qtbot, lambda d: None)
    incident_id = view.start(playbook_id)
    seen = []

    def handle(dialog):
        qtbot.keyClick(dialog.edit, Qt.Key.Key_Return)
        seen.append(dialog.problem.text())
        dialog.reject()

    when_dialog_opens(qtbot, handle)
    _press(qtbot, view, Qt.Key.Key_N)
    assert seen == ["请先输入内容。"]
    assert not incidents.load(store, incident_id)[1].notes
