"""Touchpoints in storage, and the facts their status is worked out from, on a real file."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.inspection.model import FAIL, PASS
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import touchpoints as tps
from hallsupervisor.storage.database import Store
from tests.gui.inspection.conftest import small_template

DAY = dt.date(2026, 11, 25)
WEEK = st.Period.last_days(DAY)


def make_map(store, hall_id) -> str:
    return store.insert("hall_maps", {"name": "大厅"}, hall_id=hall_id)


@pytest.fixture
def hall(tmp_path):
    store = Store.open(tmp_path / "hall.sqlite")
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("测试厅"))
    template = small_template()
    template.sections[0].items[0].touchpoint = "TP01"  # OPEN-01, major
    template.sections[0].items[1].touchpoint = "TP02"  # OPEN-02, critical
    records.save_template(store, hall_id, template)
    map_id = make_map(store, hall_id)
    yield store, hall_id, template, map_id
    store.close()


def _answer(store, hall_id, template, key, result, day=DAY, at="09:00"):
    round_id = records.start_round(
        store,
        hall_id,
        name="开门检查",
        round_date=day,
        template_id=template.id,
        started_at=dt.datetime.combine(day, dt.time.fromisoformat(at)),
    )
    item = next(i for i in template.items() if i.key == key)
    records.set_answer(store, round_id, item, result, template=template)
    return round_id


def _assess(store, hall_id, map_id, period=WEEK):
    points = tps.list_touchpoints(store, map_id)
    facts = tps.status_inputs(store, hall_id, points, period)
    return {tp.code: st.assess(facts[tp.id], period) for tp in points}


def test_codes_are_numbered_and_unique(hall, tmp_path):
    store, hall_id, _, map_id = hall
    first = tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=2, name="门口迎候")
    second = tps.add_touchpoint(
        store, hall_id, map_id, x_m=3, y_m=4, name="取号", stage="ticket", role="guide"
    )
    assert [tp.code for tp in tps.list_touchpoints(store, map_id)] == ["TP01", "TP02"]
    with pytest.raises(tps.TouchpointError) as error:
        tps.update_touchpoint(store, second, code="TP01")
    assert str(error.value) == "编号 TP01 已被其他触点使用。" and error.value.key == "code"
    with pytest.raises(tps.TouchpointError):
        tps.add_touchpoint(store, hall_id, map_id, x_m=0, y_m=0, name="  ")
    with pytest.raises(tps.TouchpointError):
        tps.update_touchpoint(store, first, stage="lunch")
    tps.update_touchpoint(store, first, standard="起身微笑，<请>进 & 问好", x_m=1.5)
    store.close()
    again = Store.open(tmp_path / "hall.sqlite")
    point = tps.get_touchpoint(again, first)
    assert point.standard == "起身微笑，<请>进 & 问好" and point.x_m == 1.5
    assert tps.get_touchpoint(again, second).stage == "ticket"
    again.close()


def test_remove_and_restore_keep_the_code(hall):
    store, hall_id, _, map_id = hall
    first = tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=2, name="门口")
    tps.remove_touchpoint(store, first)
    assert tps.get_touchpoint(store, first) is None
    assert tps.list_touchpoints(store, map_id) == []
    # The next new one does not reuse the deleted code, so undo can bring it back intact.
    other = tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=2, name="取号")
    assert tps.get_touchpoint(store, other).code == "TP02"
    tps.restore_touchpoint(store, first)
    assert tps.get_touchpoint(store, first).code == "TP01"


def test_status_follows_linked_answers(hall):
    store, hall_id, template, map_id = hall
    tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=1, name="门口")  # TP01
    tps.add_touchpoint(store, hall_id, map_id, x_m=2, y_m=1, name="取号机")  # TP02
    tps.add_touchpoint(store, hall_id, map_id, x_m=3, y_m=1, name="等候区")  # TP03, no items
    assert {c: a.status for c, a in _assess(store, hall_id, map_id).items()} == {
        "TP01": st.NONE,
        "TP02": st.NONE,
        "TP03": st.NONE,
    }
    _answer(store, hall_id, template, "OPEN-01", PASS, day=DAY - dt.timedelta(days=1))
    _answer(store, hall_id, template, "OPEN-02", FAIL)  # critical item fails
    result = _assess(store, hall_id, map_id)
    assert result["TP01"].status == st.OK
    assert result["TP02"].status == st.BAD
    why = result["TP02"].reasons
    assert why[0].status == st.BAD and why[0].rounds[0].item_key == "OPEN-02"
    # The failure opened a corrective action, which shows among the reasons.
    assert result["TP02"].open_actions == 1
    # Items without a touchpoint do not count anywhere.
    _answer(store, hall_id, template, "OPEN-03", FAIL, at="10:00")
    assert _assess(store, hall_id, map_id)["TP03"].status == st.NONE


def test_open_action_from_before_the_period_still_counts(hall):
    store, hall_id, template, map_id = hall
    tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=1, name="门口")
    _answer(store, hall_id, template, "OPEN-01", FAIL, day=DAY - dt.timedelta(days=20))
    result = _assess(store, hall_id, map_id)["TP01"]
    # No check in the period, but the action is still open and long overdue.
    assert result.checked == 0
    assert result.overdue_actions == 1 and result.status == st.BAD
    # Put right in a later round: the action is verified and the touchpoint goes green.
    _answer(store, hall_id, template, "OPEN-01", PASS)
    assert _assess(store, hall_id, map_id)["TP01"].status == st.OK
    # Seen from the week in which it was still open, it stays red.
    old_week = st.Period.last_days(DAY - dt.timedelta(days=10))
    assert _assess(store, hall_id, map_id, old_week)["TP01"].status == st.BAD


def test_incidents_at_the_touchpoint_count_drills_do_not(hall):
    store, hall_id, template, map_id = hall
    point = tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=1, name="门口")
    _answer(store, hall_id, template, "OPEN-01", PASS)
    started = "2026-11-24T02:00:00.000000Z"
    store.insert(
        "incidents",
        {"title": "消防演练", "drill": 1, "started_at": started, "touchpoint_id": point},
        hall_id=hall_id,
    )
    assert _assess(store, hall_id, map_id)["TP01"].status == st.OK
    store.insert(
        "incidents",
        {
            "title": "客户摔倒",
            "started_at": started,
            "status": "closed",
            "closed_at": started,
            "touchpoint_id": point,
        },
        hall_id=hall_id,
    )
    result = _assess(store, hall_id, map_id)["TP01"]
    assert result.status == st.WATCH and result.incidents == 1
    playbook = store.insert("playbooks", {"code": "QUARREL", "category": "hall"}, hall_id=hall_id)
    version = store.insert(
        "playbook_versions",
        {"playbook_id": playbook, "version": 1, "revised_on": "2026-01-01",
         "body": '{"title": {"zh": "客户争吵", "en": "Customers quarrel"}}'},
        hall_id=hall_id,
    )
    store.insert(
        "incidents",
        {"title": "客户争吵", "started_at": started, "touchpoint_id": point,
         "playbook_id": playbook, "playbook_version_id": version},
        hall_id=hall_id,
    )
    result = _assess(store, hall_id, map_id)["TP01"]
    assert result.status == st.BAD
    # The why list names an incident by its playbook's English title in English.
    assert sorted((i.title, i.title_en) for i in result.facts.incidents) == [
        ("客户争吵", "Customers quarrel"), ("客户摔倒", "")]


def test_linked_items_come_from_the_newest_version(hall):
    store, hall_id, template, map_id = hall
    records.update_item(store, template.family_id, "OPEN-03", touchpoint="TP01")
    links = tps.linked_items(store, hall_id)
    assert sorted(i["key"] for i in links["TP01"]) == ["OPEN-01", "OPEN-03"]


def test_relinking_an_item_moves_its_history_with_it(hall):
    store, hall_id, template, map_id = hall
    tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=1, name="门口")  # TP01
    tps.add_touchpoint(store, hall_id, map_id, x_m=2, y_m=1, name="取号机")  # TP02
    _answer(store, hall_id, template, "OPEN-01", FAIL)
    assert _assess(store, hall_id, map_id)["TP01"].status == st.BAD
    # Linked to the wrong touchpoint: corrected in the template (a new version, as the old
    # one has been used); the failure and its open action now count at TP02.
    records.update_item(store, template.family_id, "OPEN-01", touchpoint="TP02")
    assert store.scalar("SELECT count(*) FROM templates") == 2
    result = _assess(store, hall_id, map_id)
    assert result["TP01"].status == st.NONE and result["TP01"].facts.linked_items == []
    moved = result["TP02"]
    assert [a.item_key for a in moved.facts.answers] == ["OPEN-01"]
    assert moved.open_actions == 1
    # Unlinked altogether: it counts nowhere.
    records.update_item(store, template.family_id, "OPEN-01", touchpoint="")
    records.update_item(store, template.family_id, "OPEN-02", touchpoint="")
    assert {a.status for a in _assess(store, hall_id, map_id).values()} == {st.NONE}


def test_a_new_code_carries_the_links_and_history_along(hall):
    store, hall_id, template, map_id = hall
    point = tps.add_touchpoint(store, hall_id, map_id, x_m=1, y_m=1, name="门口")  # TP01
    _answer(store, hall_id, template, "OPEN-01", FAIL)
    records.update_item(store, template.family_id, "OPEN-03", touchpoint="TP01")  # version 2
    assert store.scalar("SELECT count(*) FROM templates") == 2
    tps.update_touchpoint(store, point, code="A-1")
    # Every version's items follow, so the answers of the old version still count.
    assert store.scalar("SELECT count(*) FROM template_items WHERE touchpoint = 'TP01'") == 0
    assert sorted(i["key"] for i in tps.linked_items(store, hall_id)["A-1"]) == [
        "OPEN-01", "OPEN-03"]
    result = _assess(store, hall_id, map_id)
    assert result["A-1"].status == st.BAD and result["A-1"].open_actions == 1
    # The undo puts the old code back, and the links with it; other codes are untouched.
    tps.update_touchpoint(store, point, code="TP01")
    assert sorted(i["key"] for i in tps.linked_items(store, hall_id)["TP01"]) == [
        "OPEN-01", "OPEN-03"]
    assert [i["key"] for i in tps.linked_items(store, hall_id)["TP02"]] == ["OPEN-02"]
