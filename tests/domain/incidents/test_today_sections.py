"""Incidents on Today: open runs (drills marked), follow-ups not due yet with their incident,
and due or overdue follow-ups once only, in the 整改项 section with the incident named."""

from __future__ import annotations

import datetime as dt

from hallsupervisor.domain.today import build_today
from hallsupervisor.storage import halls, incidents
from tests.storage.incident_helpers import add_playbook, make_hall

NOW = dt.datetime(2026, 11, 25, 10, 40)


def lines(sections, key):
    found = [s for s in sections if s.key == key]
    if not found:
        return []
    return [(item.text.render(), item.detail.render() if item.detail else "")
            for item in found[0].items]


def test_open_runs_and_follow_ups_are_on_today_once(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    try:
        playbook_id = add_playbook(store, hall_id)
        closed = incidents.start(store, hall_id, playbook_id, started_at=NOW - dt.timedelta(days=2))
        incidents.close(store, closed, "送医", [
            incidents.FollowUp("补充急救箱", None, NOW.date() - dt.timedelta(days=1)),
            incidents.FollowUp("培训心肺复苏", None, NOW.date() + dt.timedelta(days=5)),
        ], closed_at=NOW - dt.timedelta(days=2) + dt.timedelta(minutes=30))
        incidents.start(store, hall_id, playbook_id, started_at=NOW - dt.timedelta(minutes=7))
        incidents.start(store, hall_id, playbook_id, drill=True,
                        started_at=NOW - dt.timedelta(minutes=2))
        sections = build_today(store, halls.load_profile(store, hall_id), NOW)
        own = lines(sections, "incidents")
        assert own[0] == ("事件处置中：顾客突发疾病或晕倒（已 07:00）", "")
        assert own[1] == ("演练进行中：顾客突发疾病或晕倒（已 02:00）", "")
        assert own[2] == ("事件整改：培训心肺复苏 — 责任人 未指定，期限 2026-11-30",
                          "来自事件：顾客突发疾病或晕倒")
        assert not any("补充急救箱" in text for text, _ in own)
        actions = lines(sections, "actions")
        overdue = [line for line in actions if "补充急救箱" in line[0]]
        assert overdue == [("补充急救箱 — 责任人 未指定，已逾期 1 天。",
                            "来自事件：顾客突发疾病或晕倒")]
    finally:
        store.close()


def test_an_english_today_names_incidents_by_their_english_title(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    try:
        playbook_id = add_playbook(store, hall_id)
        closed = incidents.start(store, hall_id, playbook_id, started_at=NOW - dt.timedelta(days=1))
        incidents.close(store, closed, "ok", [
            incidents.FollowUp("A", None, NOW.date()),
            incidents.FollowUp("B", None, NOW.date() + dt.timedelta(days=3)),
        ], closed_at=NOW - dt.timedelta(days=1) + dt.timedelta(minutes=5))
        incidents.start(store, hall_id, playbook_id, started_at=NOW - dt.timedelta(minutes=1))
        sections = build_today(store, halls.load_profile(store, hall_id), NOW, "en")
        found = lines(sections, "incidents") + lines(sections, "actions")
        texts = " ".join(text + " " + detail for text, detail in found)
        assert texts.count("A customer falls ill or faints") == 3
        assert "顾客突发疾病或晕倒" not in texts
    finally:
        store.close()
