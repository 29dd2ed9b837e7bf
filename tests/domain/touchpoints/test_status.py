"""The status rules of a touchpoint, its reasons, the period comparison and the board."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.touchpoints import status as st

END = dt.date(2026, 11, 25)
WEEK = st.Period.last_days(END)


def answer(result, severity="major", day=END, round_id="r1", key="K1"):
    return st.AnswerFact(
        round_id=round_id,
        round_name="开门检查",
        round_date=day,
        started_at=f"{day} 08:40:00",
        item_key=key,
        item_text="大门玻璃干净",
        item_text_en="Entrance glass clean",
        result=result,
        severity=severity,
    )


def action(due, severity="major"):
    return st.ActionFact("a1", "饮水机无水", severity, due - dt.timedelta(days=3), due)


def incident(open_at_end=False):
    return st.IncidentFact("i1", "客户摔倒", END, open_at_end)


def facts(answers=(), actions=(), incidents=(), linked=(("K1", "大门玻璃干净", ""),)):
    return st.TouchpointFacts(
        "tp", "TP01", list(answers), list(actions), list(incidents), list(linked)
    )


def test_period_arithmetic():
    assert WEEK == st.Period(dt.date(2026, 11, 19), END)
    assert WEEK.days == 7
    assert WEEK.previous() == st.Period(dt.date(2026, 11, 12), dt.date(2026, 11, 18))
    with pytest.raises(ValueError):
        st.Period(END, END - dt.timedelta(days=1))


def test_no_data_is_grey_and_says_why():
    result = st.assess(facts(), WEEK)
    assert result.status == st.NONE
    assert "没有检查过" in str(result.reasons[0].message)
    unlinked = st.assess(facts(linked=()), WEEK)
    assert "还没有关联巡检项目" in str(unlinked.reasons[0].message)


def test_all_passed_is_green():
    result = st.assess(facts([answer("pass"), answer("pass", round_id="r2"), answer("na")]), WEEK)
    assert result.status == st.OK
    assert (result.passed, result.failed, result.rounds) == (2, 0, 2)
    assert str(result.reasons[0].message) == "检查 2 次，全部合格"


@pytest.mark.parametrize(
    ("results", "severity", "expected"),
    [
        (["fail"] + ["pass"] * 24, "major", st.OK),  # 4 %, put right: still green
        (["fail"] + ["pass"] * 9, "major", st.WATCH),  # 10 %: amber
        (["fail"] * 3 + ["pass"] * 7, "major", st.BAD),  # 30 % with a major one: red
        (["fail"] * 3 + ["pass"] * 7, "minor", st.WATCH),  # 30 % of minor ones: amber
        (["fail"] * 5 + ["pass"] * 5, "minor", st.BAD),  # half of them minor: red
        (["fail"] + ["pass"] * 19, "critical", st.BAD),  # a critical failure: red at once
    ],
)
def test_failures_by_rate_and_severity(results, severity, expected):
    answers = [answer(r, severity, round_id=f"r{i}") for i, r in enumerate(results)]
    result = st.assess(facts(answers), WEEK)
    assert result.status == expected
    worst = result.reasons[0]
    assert worst.status == expected
    assert all(a.result == "fail" for a in worst.rounds)


def test_a_rare_failure_still_open_is_amber():
    answers = [answer("fail")] + [answer("pass", round_id=f"r{i}") for i in range(30)]
    assert st.assess(facts(answers), WEEK).status == st.OK
    assert st.assess(facts(answers, [action(END)]), WEEK).status == st.WATCH


def test_actions_open_and_overdue():
    passed = [answer("pass")]
    pending = st.assess(facts(passed, [action(END)]), WEEK)  # due today: not yet late
    assert pending.status == st.WATCH and pending.open_actions == 1
    assert pending.overdue_actions == 0
    late = st.assess(facts(passed, [action(END - dt.timedelta(days=1))]), WEEK)
    assert late.status == st.BAD and late.overdue_actions == 1
    assert late.reasons[0].actions[0].title == "饮水机无水"


def test_incidents():
    passed = [answer("pass")]
    closed = st.assess(facts(passed, incidents=[incident()]), WEEK)
    assert closed.status == st.WATCH
    assert str(closed.reasons[0].message) == "此处发生事件 1 起，均已结束"
    still_open = st.assess(facts(passed, incidents=[incident(True)]), WEEK)
    assert still_open.status == st.BAD
    assert str(still_open.reasons[0].message) == "此处发生事件 1 起，未结束 1 起"
    assert still_open.reasons[0].incidents[0].title == "客户摔倒"
    two = [incident(), incident()]
    assert st.assess(facts(passed, incidents=two), WEEK).status == st.BAD


def test_reasons_worst_first():
    answers = [answer("fail", "minor"), answer("pass", round_id="r2"), answer("pass", round_id="r3")]
    result = st.assess(facts(answers, [action(END - dt.timedelta(days=2))]), WEEK)
    assert [r.status for r in result.reasons] == [st.BAD, st.WATCH]


def test_trend_and_comparison():
    before = st.assess(facts([answer("fail"), answer("pass", round_id="r2")]), WEEK.previous())
    after = st.assess(facts([answer("pass"), answer("pass", round_id="r2")]), WEEK)
    assert st.trend(after, before) == st.UP
    assert st.trend(before, after) == st.DOWN
    assert st.trend(after, after) == st.FLAT
    assert st.trend(after, None) is None
    rows = {r.label: r for r in st.compare(before, after)}
    assert rows[st.COMPARE_STATUS].before == "异常" and rows[st.COMPARE_STATUS].after == "良好"
    assert rows[st.COMPARE_STATUS].change == st.UP
    assert rows[st.COMPARE_RATE].before.startswith("50%")
    assert rows[st.COMPARE_FAILED].change == st.UP  # fewer failures is better
    nothing = st.assess(facts(), WEEK)
    assert st.compare(nothing, after)[0].change is None
    # With no checks on either side the colour decides: an overdue action put right.
    overdue = st.assess(facts(actions=[action(END - dt.timedelta(days=1))]), WEEK)
    pending = st.assess(facts(actions=[action(END + dt.timedelta(days=3))]), WEEK)
    assert (overdue.status, pending.status) == (st.BAD, st.WATCH)
    assert st.trend(pending, overdue) == st.UP and st.trend(overdue, pending) == st.DOWN
    assert st.trend(pending, nothing) is None


def entry(code, status, stage, overdue=0):
    return st.BoardEntry("id-" + code, code, code, stage, "guide", status, overdue, overdue, None)


def test_board_groups():
    entries = [
        entry("TP03", st.OK, "wait"),
        entry("TP01", st.BAD, "arrive"),
        entry("TP02", st.NONE, "ticket"),
        entry("TP04", st.BAD, "arrive", overdue=2),
    ]
    by_status = st.group_board(entries, st.BY_STATUS)
    assert [g for g, _ in by_status] == [st.BAD, st.OK, st.NONE]
    assert [e.code for e in by_status[0][1]] == ["TP04", "TP01"]  # more overdue first
    by_stage = st.group_board(entries, st.BY_STAGE)
    assert [g for g, _ in by_stage] == ["arrive", "ticket", "wait"]
    assert st.counts({"a": st.OK, "b": st.BAD, "c": st.BAD}) == {
        st.OK: 1,
        st.WATCH: 0,
        st.BAD: 2,
        st.NONE: 0,
    }
