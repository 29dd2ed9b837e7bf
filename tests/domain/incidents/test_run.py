"""The run state rebuilt from its log: steps, added steps, timers, the clock."""

from __future__ import annotations

import copy
import datetime as dt

from hallsupervisor.domain.incidents import run
from hallsupervisor.domain.incidents.run import LogEntry
from tests.storage.incident_helpers import FAINTING

T0 = dt.datetime(2026, 11, 25, 10, 0, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def entry(kind, minutes, entered=None, **kw):
    return LogEntry(kind, at(minutes), at(entered if entered is not None else minutes), **kw)


def test_immediate_steps_come_first_in_document_order():
    state = run.rebuild(FAINTING, T0, [])
    assert [s.id for s in state.steps] == ["s2", "s1", "s3", "s4"]
    assert state.counts() == (0, 0, 4)


def test_ticks_skips_and_reopen_replay_in_entry_order():
    log = [
        entry(run.DONE, 1, step_id="s1"),
        entry(run.SKIP, 2, step_id="s3", reason="没有围观"),
        entry(run.DONE, 3, step_id="s2"),
        entry(run.REOPEN, 4, step_id="s2"),
    ]
    state = run.rebuild(FAINTING, T0, log)
    assert state.step("s1").status == run.STEP_DONE and state.step("s1").at == at(1)
    assert state.step("s3").status == run.SKIPPED and state.step("s3").reason == "没有围观"
    assert state.step("s2").status == run.OPEN and state.step("s2").at is None
    assert state.counts() == (1, 1, 2)
    assert state.next_open(0) == 3  # after s2 (index 0): s1 done, s3 skipped, s4 open


def test_time_happened_is_kept_apart_from_time_entered():
    # Ticked at minute 6, but done at minute 1: the step shows when it was done.
    state = run.rebuild(FAINTING, T0, [entry(run.DONE, 1, entered=6, step_id="s1")])
    assert state.step("s1").at == at(1)
    assert state.log[0].late_entry


def test_added_steps_join_the_run_and_can_be_ticked():
    log = [
        entry(run.ADD_STEP, 2, step_id="x1", text="通知家属", data={"role": "guide"}),
        entry(run.DONE, 5, step_id="x1"),
    ]
    state = run.rebuild(FAINTING, T0, log)
    added = state.step("x1")
    assert added.added and added.role == "guide" and added.status == run.STEP_DONE
    assert state.new_step_id() == "x2"


def test_notes_people_announcements_and_close():
    log = [
        entry(run.NOTE, 1, text="病人意识清醒"),
        entry(run.PERSON, 2, text="张女士", data={"kind": "customer"}),
        entry(run.ANNOUNCE, 3, text="请让出通道"),
        entry(run.CLOSE, 20, text="送医"),
    ]
    state = run.rebuild(FAINTING, T0, log)
    assert [n.text for n in state.notes] == ["病人意识清醒"]
    assert state.people[0].data["kind"] == "customer"
    assert state.announcements[0].text == "请让出通道"
    assert state.closed_at == at(20) and state.outcome == "送医"
    assert state.elapsed(at(90)) == 20 * 60  # the clock stops at the close


def test_timers_targets_steps_and_repeating_prompts():
    state = run.rebuild(FAINTING, T0, [])
    timers = {t.key: t for t in run.timers(FAINTING, state, at(1.5))}
    assert timers["target:0"].state == run.RUNNING and timers["target:0"].due_at == at(15)
    assert timers["step:s2"].state == run.DUE_SOON and timers["step:s2"].seconds_left == 30
    assert timers["prompt:0"].state == run.DUE_SOON  # CPR swap due at minute 2
    timers = {t.key: t for t in run.timers(FAINTING, state, at(3))}
    assert timers["prompt:0"].state == run.OVERDUE and timers["step:s2"].state == run.OVERDUE
    # Acknowledging the prompt at minute 3 makes it fall due again at minute 5.
    log = [entry(run.PROMPT, 3, data={"key": "prompt:0"}), entry(run.DONE, 2.5, step_id="s2")]
    state = run.rebuild(FAINTING, T0, log)
    timers = {t.key: t for t in run.timers(FAINTING, state, at(3.5))}
    assert timers["prompt:0"].due_at == at(5) and timers["prompt:0"].state == run.RUNNING
    assert timers["step:s2"].state == run.MET
    # Overdue ones sort first.
    assert run.timers(FAINTING, state, at(6))[0].key == "prompt:0"


def test_target_acknowledged_is_met():
    state = run.rebuild(FAINTING, T0, [entry(run.TARGET, 12, data={"key": "target:0"})])
    timers = {t.key: t for t in run.timers(FAINTING, state, at(30))}
    assert timers["target:0"].state == run.MET


def test_clock_text_and_text_checks():
    assert run.clock_text(65) == "01:05"
    assert run.clock_text(3725) == "1:02:05"
    assert run.clock_text(-30) == "-00:30"
    assert run.check_text("  ") is not None
    assert run.check_text("x" * 2001) is not None
    assert run.check_text("病人 <清醒> & 安好") is None


def test_a_prompt_after_a_step_runs_only_once_that_step_is_done():
    body = copy.deepcopy(FAINTING)
    body["prompts"][0]["after_step"] = "s3"
    state = run.rebuild(body, T0, [])
    assert "prompt:0" not in {t.key for t in run.timers(body, state, at(10))}
    skipped = run.rebuild(body, T0, [entry(run.SKIP, 1, step_id="s3", reason="有呼吸")])
    assert "prompt:0" not in {t.key for t in run.timers(body, skipped, at(10))}
    done = run.rebuild(body, T0, [entry(run.DONE, 4, step_id="s3")])
    timer = {t.key: t for t in run.timers(body, done, at(4.5))}["prompt:0"]
    assert timer.due_at == at(6) and timer.state == run.RUNNING
