"""Inspection records: versions that never change once used, and actions that close the loop."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.inspection.model import FAIL, NA, PASS
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store
from tests.gui.inspection.conftest import small_template

DAY = dt.date(2026, 11, 25)


@pytest.fixture
def hall(tmp_path):
    store = Store.open(tmp_path / "hall.sqlite")
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("测试厅"))
    template = small_template()
    records.save_template(store, hall_id, template)
    yield store, hall_id, template
    store.close()


def _round(store, hall_id, template_id, day=DAY, at="08:40"):
    return records.start_round(
        store,
        hall_id,
        name="开门检查",
        round_date=day,
        template_id=template_id,
        started_at=dt.datetime.combine(day, dt.time.fromisoformat(at)),
    )


def _item(template, key):
    return next(i for i in template.items() if i.key == key)


def test_editing_an_unused_template_changes_it_in_place(hall):
    store, hall_id, template = hall
    new_id = records.update_item(store, template.family_id, "OPEN-01", text="大门玻璃无手印")
    assert new_id == template.id
    assert records.load_template(store, template.id).items()[0].text == "大门玻璃无手印"


def test_editing_a_template_a_round_used_makes_a_new_version(hall):
    store, hall_id, template = hall
    round_id = _round(store, hall_id, template.id)
    records.set_answer(store, round_id, _item(template, "OPEN-01"), PASS)
    v2 = records.update_item(store, template.family_id, "OPEN-01", text="大门玻璃无手印")
    assert v2 != template.id
    assert records.load_template(store, v2).version == 2
    # The round keeps the exact version it was answered with.
    assert records.load_round(store, round_id).template.items()[0].text == "大门玻璃干净"
    # Further edits go to version 2 while no round has used it.
    assert records.remove_item(store, template.family_id, "OPEN-03") == v2
    assert [i.key for i in records.load_template(store, v2).items()].count("OPEN-03") == 0
    assert len(records.load_template(store, template.id).items()) == 6


def test_a_repeated_fault_keeps_one_open_action_until_a_pass_verifies_it(hall):
    store, hall_id, template = hall
    item = _item(template, "OPEN-02")
    first = _round(store, hall_id, template.id)
    records.set_answer(store, first, item, FAIL, note="卡纸")
    second = _round(store, hall_id, template.id, at="12:00")
    records.set_answer(store, second, item, FAIL, note="仍然卡纸")
    open_ = records.list_actions(store, hall_id)
    assert [(a["item_key"], a["note"]) for a in open_] == [("OPEN-02", "卡纸")]
    third = _round(store, hall_id, template.id, day=DAY + dt.timedelta(days=1))
    records.set_answer(store, third, item, PASS)
    done = records.list_actions(store, hall_id, status=records.VERIFIED)
    assert [(a["item_key"], a["closing_round_id"]) for a in done] == [("OPEN-02", third)]
    assert records.list_actions(store, hall_id) == []


def test_a_failure_keyed_in_error_is_withdrawn_not_deleted(hall):
    store, hall_id, template = hall
    round_id = _round(store, hall_id, template.id)
    item = _item(template, "OPEN-01")
    records.set_answer(store, round_id, item, FAIL, note="误按")
    records.set_answer(store, round_id, item, PASS)
    rows = records.list_actions(store, hall_id, status=None)
    assert [(r["status"], r["closing_note"][:4]) for r in rows] == [("withdrawn", "录入更正")]


def test_verifying_by_hand_needs_a_note(hall):
    store, hall_id, template = hall
    round_id = _round(store, hall_id, template.id)
    records.set_answer(store, round_id, _item(template, "OPEN-03"), FAIL, note="没水")
    action = records.list_actions(store, hall_id)[0]
    with pytest.raises(ValueError):
        records.verify_action(store, action["id"], "  ", "王丽")
    records.verify_action(store, action["id"], "已换水桶，复查合格", "王丽")
    row = records.list_actions(store, hall_id, status=records.VERIFIED)[0]
    assert (row["closed_by"], row["closing_note"]) == ("王丽", "已换水桶，复查合格")


def test_a_signed_round_refuses_answers_and_takes_amendments(hall):
    store, hall_id, template = hall
    round_id = _round(store, hall_id, template.id)
    for item in template.items():
        value = {"ENV-01": "22", "ENV-03": "无"}.get(item.key, "")
        records.set_answer(store, round_id, item, None if value else PASS, value=value)
    record = records.load_round(store, round_id)
    assert record.completed_at and round(record.score, 1) == 100.0
    records.sign_round(store, round_id, "王丽")
    with pytest.raises(records.RoundLocked):
        records.set_answer(store, round_id, _item(template, "OPEN-01"), NA)
    with pytest.raises(ValueError):
        records.amend(
            store, round_id, _item(template, "OPEN-01"), result=FAIL, reason=" ", by_name="王丽"
        )
    records.amend(
        store,
        round_id,
        _item(template, "OPEN-01"),
        result=FAIL,
        note="手印",
        reason="复核照片",
        by_name="王丽",
    )
    assert records.load_round(store, round_id).score < 100
    assert records.verify_chain(store, hall_id) == []


def test_resume_position_is_the_first_unanswered_item(hall):
    store, hall_id, template = hall
    round_id = _round(store, hall_id, template.id)
    for key in ("OPEN-01", "OPEN-02", "ENV-02"):
        records.set_answer(store, round_id, _item(template, key), PASS)
    assert records.resume_position(records.load_round(store, round_id)) == 2


def test_pack_checklist_and_day_plan_are_installed_once(tmp_path):
    store = Store.open(tmp_path / "new.sqlite")
    try:
        pack = get_pack("heating_hall")
        hall_id = halls.create_hall(store, pack.profile_defaults("供热厅"))
        family = records.install_pack_inspection(store, hall_id, pack)
        assert records.install_pack_inspection(store, hall_id, pack) == family
        templates = records.list_templates(store, hall_id)
        assert len(templates) == 1 and templates[0].pack == "heating_hall"
        assert 55 <= templates[0].items <= 75
        assert [(e.name, e.time) for e in records.day_plan(store, hall_id)] == [
            ("开门检查", "08:30"),
            ("午间巡检", "12:00"),
            ("闭厅检查", "17:30"),
        ]
    finally:
        store.close()
