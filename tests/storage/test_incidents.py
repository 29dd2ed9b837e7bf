"""Incident runs in the database: the version used, each log line at once, hand-over, close."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest

from hallsupervisor.domain.incidents import run
from hallsupervisor.storage import incidents
from hallsupervisor.storage.database import Store
from tests.storage.incident_helpers import FAINTING, add_playbook, make_hall

T0 = dt.datetime(2026, 11, 25, 10, 0, 0)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


@pytest.fixture
def hall(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    playbook_id = add_playbook(store, hall_id)
    yield store, hall_id, playbook_id
    store.close()


def test_a_run_keeps_the_version_it_started_with(hall):
    store, hall_id, playbook_id = hall
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=T0)
    # The playbook is revised afterwards: the run still shows the steps it was started with.
    changed = json.loads(json.dumps(FAINTING))
    changed["steps"][0]["text"]["zh"] = "新的第一步"
    version_id = store.insert(
        "playbook_versions",
        {"playbook_id": playbook_id, "version": 2, "body": json.dumps(changed),
         "revised_on": "2026-11-26"},
        hall_id=hall_id,
    )
    store.update("playbooks", playbook_id, {"current_version_id": version_id})
    incident, state = incidents.load(store, incident_id)
    assert incident.version == 1 and incident.title == "顾客突发疾病或晕倒"
    assert state.step("s2").display() == "拨打 120 说明地址"
    assert incidents.get(store, incidents.start(store, hall_id, playbook_id)).version == 2


def test_every_log_line_is_committed_at_once(hall, tmp_path):
    store, hall_id, playbook_id = hall
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=T0)
    incidents.tick(store, incident_id, "s1", happened_at=at(1), entered_at=at(2))
    incidents.skip(store, incident_id, "s3", "无人围观", entered_at=at(3))
    incidents.add_note(store, incident_id, "顾客 <清醒> & 能说话", entered_at=at(4))
    # A second connection (another process) sees all of it without any save or close.
    other = Store.open(tmp_path / "hall.sqlite")
    try:
        _incident, state = incidents.load(other, incident_id)
    finally:
        other.close()
    assert state.step("s1").status == run.STEP_DONE and state.step("s1").at == at(1)
    assert state.step("s3").reason == "无人围观"
    assert state.notes[0].text == "顾客 <清醒> & 能说话"
    assert store.one("SELECT happened_at, entered_at FROM incident_log WHERE kind='done'") == {
        "happened_at": "2026-11-25 10:01:00",
        "entered_at": "2026-11-25 10:02:00",
    }


def test_roles_are_given_and_handed_over(hall):
    store, hall_id, playbook_id = hall
    incident_id = incidents.start(
        store, hall_id, playbook_id, started_at=T0,
        roles=[("supervisor", None, "王红"), ("security", None, "李强")],
    )
    incidents.give_role(store, incident_id, "supervisor", "赵敏", happened_at=at(10))
    now = {r["role"]: r["person"] for r in incidents.roles_now(store, incident_id)}
    assert now == {"supervisor": "赵敏", "security": "李强"}
    history = incidents.role_history(store, incident_id)
    handed = [r for r in history if r["person"] == "王红"][0]
    assert handed["until_at"] == "2026-11-25 10:10:00"
    kinds = [e.kind for e in incidents.entries(store, incident_id)]
    assert kinds.count(run.ROLE) == 3


def test_added_steps_people_announcements_and_prompts(hall):
    store, hall_id, playbook_id = hall
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=T0)
    step_id = incidents.add_step(store, incident_id, "通知家属", "guide", entered_at=at(1))
    assert step_id == "x1"
    assert incidents.add_step(store, incident_id, "联系社区", entered_at=at(2)) and True
    incidents.add_person(store, incident_id, "customer", "老年男性，约75岁", "独居",
                         entered_at=at(3))
    incidents.announce(store, incident_id, "请让出通道", entered_at=at(4))
    incidents.acknowledge(store, incident_id, "prompt:0", entered_at=at(5))
    incident, state = incidents.load(store, incident_id)
    assert [s.id for s in state.steps][-2:] == ["x1", "x2"]
    assert state.people[0].data["description"] == "独居"
    timers = {t.key: t for t in run.timers(incident.body, state, at(6))}
    assert timers["prompt:0"].due_at == at(7)
    with pytest.raises(ValueError):
        incidents.add_person(store, incident_id, "alien", "x")


def test_close_turns_follow_ups_into_corrective_actions(hall):
    store, hall_id, playbook_id = hall
    staff_id = store.scalar("SELECT id FROM staff WHERE hall_id = ? LIMIT 1", (hall_id,))
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=T0)
    ids = incidents.close(
        store, incident_id, "顾客已送医，情况稳定",
        [incidents.FollowUp("补充急救箱", staff_id, dt.date(2026, 11, 27), "缺纱布")],
        closed_at=at(25),
    )
    incident = incidents.get(store, incident_id)
    assert incident.status == "closed" and incident.closed_at == at(25)
    action = store.one("SELECT * FROM corrective_actions WHERE id = ?", (ids[0],))
    assert action["source"] == "incident" and action["incident_id"] == incident_id
    assert action["round_id"] is None and action["status"] == "open"
    assert action["owner_id"] == staff_id and action["due_date"] == "2026-11-27"
    assert incidents.follow_ups(store, incident_id)[0]["title"] == "补充急救箱"
    assert incidents.open_incidents(store, hall_id) == []
    with pytest.raises(ValueError):
        incidents.close(store, incident_id, "again")


def test_close_is_all_or_nothing(hall):
    store, hall_id, playbook_id = hall
    incident_id = incidents.start(store, hall_id, playbook_id, started_at=T0)
    bad_owner = incidents.FollowUp("x", "no-such-staff", dt.date(2026, 11, 27))
    with pytest.raises(sqlite3.IntegrityError):
        incidents.close(store, incident_id, "done", [bad_owner])
    assert incidents.get(store, incident_id).status == "open"
    assert store.scalar("SELECT count(*) FROM corrective_actions") == 0


def test_drills_are_listed_apart(hall):
    store, hall_id, playbook_id = hall
    real = incidents.start(store, hall_id, playbook_id, started_at=T0)
    drill = incidents.start(store, hall_id, playbook_id, drill=True, started_at=at(5))
    assert [i.id for i in incidents.list_incidents(store, hall_id, drill=False)] == [real]
    assert [i.id for i in incidents.list_incidents(store, hall_id, drill=True)] == [drill]
    assert len(incidents.open_incidents(store, hall_id)) == 2
    assert incidents.list_incidents(store, hall_id, dt.date(2026, 11, 26)) == []


def test_demo_incidents_ran_with_versions_written_before_them(demo_db):
    store = Store.open(demo_db)
    try:
        rows = store.query(
            "SELECT i.started_at, p.code, v.version, v.revised_on, v.created_at, v.body "
            "FROM incidents i JOIN playbook_versions v ON v.id = i.playbook_version_id "
            "JOIN playbooks p ON p.id = i.playbook_id"
        )
        assert len(rows) >= 5
        for row in rows:
            assert row["revised_on"] <= row["started_at"][:10], dict(row)
            assert row["created_at"][:10] <= row["started_at"][:10], dict(row)
            assert json.loads(row["body"])["revised_on"] == row["revised_on"]
        # The fainting playbook was revised after its incident; the incident kept version 1.
        fainting = [r for r in rows if r["code"] == "fainting"]
        assert [r["version"] for r in fainting] == [1]
        current = store.one(
            "SELECT v.version, v.revised_on FROM playbooks p "
            "JOIN playbook_versions v ON v.id = p.current_version_id WHERE p.code = 'fainting'"
        )
        assert current["version"] == 2 and current["revised_on"] > fainting[0]["started_at"][:10]
    finally:
        store.close()
