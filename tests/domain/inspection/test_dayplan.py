"""The day plan: validation, and each planned round's status through the day."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from hallsupervisor.domain.inspection.dayplan import (
    DEFAULT_PLAN,
    DONE,
    DUE,
    IN_PROGRESS,
    LATE,
    MISSED,
    STATUSES,
    UPCOMING,
    PlannedRound,
    planned_datetime,
    round_status,
    status_label,
    validate_plan,
)
from tests.domain.inspection.markers import assert_marked

DAY = dt.date(2026, 11, 25)
NOON = dt.datetime(2026, 11, 25, 12, 0)
DAY_END = dt.datetime(2026, 11, 25, 18, 0)


def at(hhmmss: str, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmmss))


def problems(plan) -> list[str]:
    messages = validate_plan(plan)
    assert_marked(messages)
    return [str(m) for m in messages]


def test_default_plan():
    assert [(r.name, r.time, r.name_en) for r in DEFAULT_PLAN] == [
        ("开门检查", "08:30", "Opening check"),
        ("午间巡检", "12:00", "Midday round"),
        ("闭厅检查", "17:30", "Closing check"),
    ]
    assert validate_plan(DEFAULT_PLAN) == []
    assert DEFAULT_PLAN[0].display_name("en_US") == "Opening check"
    assert DEFAULT_PLAN[0].display_name("zh_CN") == "开门检查"
    assert PlannedRound("临时检查", "15:00").display_name("en") == "临时检查"
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_PLAN[0].time = "09:00"  # type: ignore[misc]


def test_empty_plan_is_allowed():
    assert validate_plan([]) == []


def test_names_must_be_filled_in_and_unique():
    plan = [
        PlannedRound("开门检查", "08:30"),
        PlannedRound("  ", "10:00"),
        PlannedRound(" 开门检查 ", "12:00"),
    ]
    assert problems(plan) == [
        "第 2 个巡检：请填写名称。",
        "巡检名称“开门检查”重复了，每个巡检的名称应不同。",
    ]


@pytest.mark.parametrize("time", ["8:30", "24:00", "12:60", "noon", "", "12:00:00", "１２:００"])
def test_times_must_be_hh_mm(time):
    assert problems([PlannedRound("午间巡检", time)]) == [
        f"“午间巡检”的时间应写成 HH:MM，例如 08:30，而不是“{time}”。"
    ]


def test_times_must_strictly_increase():
    plan = [
        PlannedRound("开门检查", "08:30"),
        PlannedRound("午间巡检", "08:30"),
        PlannedRound("下午巡检", "08:00"),
        PlannedRound("闭厅检查", "17:30"),
    ]
    assert problems(plan) == [
        "“午间巡检”的时间 08:30 应晚于前一个巡检“开门检查”的 08:30。",
        "“下午巡检”的时间 08:00 应晚于前一个巡检“午间巡检”的 08:30。",
    ]


def test_an_invalid_time_is_left_out_of_the_order_check():
    plan = [
        PlannedRound("开门检查", "08:30"),
        PlannedRound("午间巡检", "xx"),
        PlannedRound("闭厅检查", "17:30"),
    ]
    assert len(problems(plan)) == 1


def test_unnamed_round_is_named_by_its_position():
    assert problems([PlannedRound("", "9")]) == [
        "第 1 个巡检：请填写名称。",
        "“1”的时间应写成 HH:MM，例如 08:30，而不是“9”。",
    ]


def test_planned_datetime():
    assert planned_datetime(DAY, DEFAULT_PLAN[2]) == dt.datetime(2026, 11, 25, 17, 30)


@pytest.mark.parametrize(
    "now,status",
    [
        ("08:00:00", UPCOMING),
        ("11:29:59", UPCOMING),
        ("11:30:00", DUE),  # 30 minutes before: due
        ("12:00:00", DUE),
        ("12:30:00", DUE),  # 30 minutes after: still due
        ("12:30:01", LATE),
        ("17:59:59", LATE),
        ("18:00:00", MISSED),  # the day is over
        ("23:00:00", MISSED),
    ],
)
def test_status_through_the_day(now, status):
    assert round_status(NOON, at(now), False, False, DAY_END) == status


@pytest.mark.parametrize("now", ["08:00:00", "12:00:00", "15:00:00", "17:59:59"])
def test_started_round_is_in_progress_until_the_day_ends(now):
    assert round_status(NOON, at(now), True, False, DAY_END) == IN_PROGRESS
    assert round_status(NOON, DAY_END, True, False, DAY_END) == MISSED


@pytest.mark.parametrize("now", ["08:00:00", "12:00:00", "18:00:00", "23:59:00"])
def test_completed_round_is_done_whenever_it_is_looked_at(now):
    assert round_status(NOON, at(now), True, True, DAY_END) == DONE
    assert round_status(NOON, at(now, DAY + dt.timedelta(days=3)), True, True, DAY_END) == DONE


def test_a_past_day_is_missed_even_before_its_day_end():
    tomorrow_morning = at("09:00:00", DAY + dt.timedelta(days=1))
    far_end = dt.datetime(2030, 1, 1)
    assert round_status(NOON, tomorrow_morning, False, False, far_end) == MISSED
    assert round_status(NOON, tomorrow_morning, True, False, far_end) == MISSED


def test_a_future_day_is_upcoming():
    yesterday = at("12:00:00", DAY - dt.timedelta(days=1))
    assert round_status(NOON, yesterday, False, False, DAY_END) == UPCOMING


def test_labels():
    assert STATUSES == {
        UPCOMING: "未到",
        DUE: "待巡检",
        LATE: "已逾期",
        MISSED: "已错过",
        IN_PROGRESS: "进行中",
        DONE: "已完成",
    }
    label = status_label(LATE)
    assert_marked([label])
    assert str(label) == "已逾期"
