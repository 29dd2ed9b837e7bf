"""The demo hall's inspection history: rounds, signatures, the chain, actions, an amendment."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from hallsupervisor.demo import inspection_history as demo_history
from hallsupervisor.demo.generate import DEMO_DAYS, build_demo
from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.inspection.scoring import score_round
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW

TODAY = DEMO_NOW.date()
PLAN = [("开门检查", "08:30"), ("午间巡检", "12:00"), ("闭厅检查", "17:30")]


@pytest.fixture
def demo(demo_db):
    store = Store.open(demo_db)
    yield store, halls.current_hall_id(store)
    store.close()


def _content(store: Store) -> list[tuple]:
    """What the history says, without the random ids and creation times."""
    rounds = store.query(
        "SELECT r.round_date, r.name, r.started_at, r.completed_at, r.signed_at, "
        "r.signed_by_name, r.score, r.failed, r.not_applicable FROM rounds r "
        "ORDER BY r.round_date, r.started_at"
    )
    answers = store.query(
        "SELECT r.round_date, r.started_at, a.item_key, a.result, a.value, a.note, a.answered_at "
        "FROM answers a JOIN rounds r ON r.id = a.round_id"
    )
    actions = store.query(
        "SELECT item_key, found_on, due_date, status, closed_by, closing_note "
        "FROM corrective_actions WHERE status != 'withdrawn'"
    )
    rows = [tuple(r.values()) for r in rounds]
    rows += sorted(tuple(a.values()) for a in answers)
    rows += sorted(tuple(str(v) for v in a.values()) for a in actions)
    return rows


def test_the_pack_checklist_and_the_day_plan_are_installed(demo):
    store, hall_id = demo
    templates = records.list_templates(store, hall_id)
    assert [(t.name, t.pack, t.version) for t in templates] == [
        ("供电营业厅巡检表", "electricity_hall", 1)
    ]
    assert templates[0].items == len(demo_history.pack_template().items())
    assert [(e.name, e.time) for e in records.day_plan(store, hall_id)] == PLAN


def test_every_open_day_has_its_three_rounds_and_today_is_under_way(demo):
    store, hall_id = demo
    per_day = store.query(
        "SELECT round_date, group_concat(name, ',') AS names, count(*) AS n FROM ("
        " SELECT round_date, name FROM rounds WHERE hall_id = ? ORDER BY started_at)"
        " GROUP BY round_date ORDER BY round_date",
        (hall_id,),
    )
    first = TODAY - dt.timedelta(days=DEMO_DAYS - 1)
    assert [r["round_date"] for r in per_day] == [
        (first + dt.timedelta(days=i)).isoformat() for i in range(DEMO_DAYS)
    ]
    assert all(r["names"] == "开门检查,午间巡检,闭厅检查" for r in per_day[:-1])
    # 10:40: the opening check is done and signed; the midday round (12:00) not started.
    assert per_day[-1]["names"] == "开门检查"
    today = store.one("SELECT * FROM rounds WHERE round_date = ?", (TODAY.isoformat(),))
    assert today["completed_at"] and today["signed_at"]
    assert today["signed_at"] <= DEMO_NOW.strftime("%Y-%m-%d %H:%M:%S")


def test_every_completed_round_is_signed_by_the_supervisor_on_duty(demo):
    store, hall_id = demo
    rows = store.query("SELECT * FROM rounds WHERE hall_id = ?", (hall_id,))
    assert rows and all(r["completed_at"] and r["signed_at"] for r in rows)
    assert all(r["unanswered"] == 0 for r in rows)
    staff = {s["id"]: s["name"] for s in store.query("SELECT id, name FROM staff")}
    for row in rows:
        assert staff[row["signed_by"]] == row["signed_by_name"]
        weekday = dt.date.fromisoformat(row["round_date"]).isoweekday()
        assert row["signed_by_name"] == demo_history.DUTY_ROTA[weekday]
        assert row["signed_at"] > row["completed_at"] > row["started_at"]


def test_the_hash_chain_holds_and_covers_every_signature_in_order(demo):
    store, hall_id = demo
    assert records.verify_chain(store, hall_id) == []
    chain = store.query("SELECT * FROM audit_chain WHERE hall_id = ? ORDER BY seq", (hall_id,))
    signed = store.scalar("SELECT count(*) FROM rounds WHERE signed_at IS NOT NULL")
    assert [c["kind"] for c in chain].count("round") == signed
    assert [c["kind"] for c in chain].count("amendment") == 1
    assert [c["seq"] for c in chain] == list(range(1, len(chain) + 1))
    signed_at = {r["id"]: r["signed_at"] for r in store.query("SELECT id, signed_at FROM rounds")}
    order = [signed_at[c["ref_id"]] for c in chain if c["kind"] == "round"]
    assert order == sorted(order)


def test_a_changed_signed_answer_breaks_the_chain(demo):
    store, hall_id = demo
    store.execute(
        "UPDATE answers SET result = 'pass', note = '' WHERE id = ("
        " SELECT id FROM answers WHERE result = 'fail' LIMIT 1)"
    )
    assert records.verify_chain(store, hall_id)


def test_summaries_agree_with_the_scoring_rules(demo):
    store, hall_id = demo
    ids = [r["id"] for r in store.query("SELECT id FROM rounds ORDER BY round_date, started_at")]
    template = records.load_template(store, store.scalar("SELECT template_id FROM rounds"))
    for round_id in ids[::17] + ids[-3:]:
        record = records.load_round(store, round_id, template)
        expected = score_round(template, record.answers)
        row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
        assert row["score"] == pytest.approx(expected.score)
        assert (row["passed"], row["failed"], row["not_applicable"], row["unanswered"]) == (
            expected.passed,
            expected.failed,
            expected.not_applicable,
            expected.unanswered,
        )


def test_failures_are_realistic(demo):
    store, hall_id = demo
    totals = store.one("SELECT sum(passed) AS passed, sum(failed) AS failed FROM rounds")
    rate = totals["failed"] / (totals["passed"] + totals["failed"])
    assert 0.03 <= rate <= 0.06
    top = stats.pareto(store, hall_id, TODAY - dt.timedelta(days=DEMO_DAYS), TODAY, limit=3)
    # The drinking water fails far more often than an average item.
    assert "WAIT-02" in [r.item_key for r in top]
    assert top[0].count > 3 * totals["failed"] / 79
    notes = store.query("SELECT note FROM answers WHERE result = 'fail'")
    assert all(n["note"] for n in notes)
    assert store.scalar("SELECT count(*) FROM answers WHERE result = 'na'") > 0
    # Some days fall below the 90-point pass line, most do not.
    days = stats.daily_scores(store, hall_id, TODAY - dt.timedelta(days=DEMO_DAYS), TODAY)
    low = [d for d in days if d.score < stats.PASS_LINE]
    assert 1 <= len(low) <= len(days) // 5


def test_corrective_actions_close_the_loop(demo):
    store, hall_id = demo
    actions = records.list_actions(store, hall_id, status=None)
    failed = store.query("SELECT DISTINCT item_key FROM answers WHERE result = 'fail'")
    # Every fault found has an action; a fault found again while its action is still open
    # is the same task, so no item ever has two open actions.
    assert {r["item_key"] for r in failed} <= {a["item_key"] for a in actions}
    open_keys = [
        a["item_key"] for a in actions if a["status"] == "open" and a["source"] == "inspection"
    ]
    assert len(open_keys) == len(set(open_keys))
    by_round = [a for a in actions if a["status"] == "verified" and a["closing_round_id"]]
    explicit = [a for a in actions if a["status"] == "verified" and a["closed_by"]]
    assert len(by_round) > len(explicit) > 10
    assert all(a["closing_note"] for a in explicit)
    open_ = [a for a in actions if a["status"] == "open"]
    overdue = [a for a in open_ if a["due_date"] < TODAY.isoformat()]
    assert open_ and overdue
    assert len(overdue) < len(actions) // 50
    assert all(a["owner_name"] for a in actions if a["status"] != "withdrawn")
    for action in actions:
        expected = {"minor": 7, "major": 3, "critical": 0}[action["severity"]]
        found = dt.date.fromisoformat(action["found_on"])
        assert dt.date.fromisoformat(action["due_date"]) - found == dt.timedelta(days=expected)
    weeks = stats.actions_on_time_by_week(
        store, hall_id, TODAY - dt.timedelta(days=DEMO_DAYS), TODAY, today=TODAY
    )
    shares = [w.share for w in weeks if w.share is not None and w.due >= 10]
    assert shares and min(shares) < 1.0 and sum(shares) / len(shares) > 0.8


def test_one_signed_round_was_amended_with_a_reason(demo):
    store, hall_id = demo
    amendments = store.query("SELECT * FROM amendments")
    assert len(amendments) == 1
    amendment = amendments[0]
    assert amendment["reason"].strip()
    assert (amendment["old_result"], amendment["new_result"]) == ("fail", "pass")
    round_row = store.one("SELECT * FROM rounds WHERE id = ?", (amendment["round_id"],))
    assert round_row["signed_at"] < amendment["at"] <= DEMO_NOW.strftime("%Y-%m-%d %H:%M:%S")
    # The failure keyed in error is withdrawn, not counted as a problem put right.
    withdrawn = store.query(
        "SELECT * FROM corrective_actions WHERE answer_id = ?", (amendment["answer_id"],)
    )
    assert [a["status"] for a in withdrawn] == ["withdrawn"]


def test_the_same_seed_and_moment_give_the_same_history(demo_db, tmp_path):
    again = tmp_path / "again.sqlite"
    build_demo(again, now=DEMO_NOW)
    first, second = Store.open(demo_db), Store.open(again)
    try:
        assert _content(first) == _content(second)
    finally:
        first.close()
        second.close()


def test_a_reused_demo_is_topped_up_without_duplicates(demo_db):
    later = DEMO_NOW + dt.timedelta(days=1, hours=8)  # the next day, 18:40
    build_demo(demo_db, now=later)
    store = Store.open(demo_db)
    try:
        hall_id = halls.current_hall_id(store)
        duplicates = store.scalar(
            "SELECT count(*) FROM (SELECT plan_id, round_date FROM rounds "
            "GROUP BY plan_id, round_date HAVING count(*) > 1)"
        )
        assert duplicates == 0
        for day in (TODAY, later.date()):
            names = [
                r["name"]
                for r in store.query(
                    "SELECT name FROM rounds WHERE round_date = ? ORDER BY started_at",
                    (day.isoformat(),),
                )
            ]
            assert names == [name for name, _ in PLAN]
        assert records.verify_chain(store, hall_id) == []
        assert store.scalar("SELECT count(*) FROM amendments") == 1
    finally:
        store.close()


def test_years_of_history_come_from_the_same_builder(tmp_path):
    store = Store.open(tmp_path / "years.sqlite")
    try:
        profile = get_pack("electricity_hall").profile_defaults("年度测试营业厅")
        profile.staff = [StaffMember("王丽", "GD1001", "supervisor")]
        hall_id = halls.create_hall(store, profile)
        summary = demo_history.build_years(store, hall_id, 1, random.Random(1), DEMO_NOW)
        days = store.scalar("SELECT count(DISTINCT round_date) FROM rounds")
        assert days == round(365.25)
        assert summary.rounds == store.scalar("SELECT count(*) FROM rounds")
        assert summary.answers == store.scalar("SELECT count(*) FROM answers")
        assert records.verify_chain(store, hall_id) == []
        # Without 陈静 and 赵雪 the hall's own supervisor signs at the weekend too.
        assert {r["signed_by_name"] for r in store.query("SELECT signed_by_name FROM rounds")} == {
            "王丽"
        }
    finally:
        store.close()
