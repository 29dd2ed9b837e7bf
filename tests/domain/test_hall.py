"""The hall profile: validation, opening hours and business-type names."""

from __future__ import annotations

import json

import pytest

from hallsupervisor.domain.hall import (
    KINDS,
    WEEKDAYS,
    BusinessType,
    Counter,
    HallProfile,
    is_open,
    opening_hours_from_json,
    opening_hours_to_json,
    valid_time,
    validate_opening_hours,
    validate_profile,
)


def _good_profile(**changes) -> HallProfile:
    hours = {day: ("08:30", "17:30") for day in range(1, 6)}
    hours.update({6: ("09:00", "12:00"), 7: None})
    values = dict(
        name="城东供电营业厅",
        kind="electricity",
        region="示例市",
        pack="electricity_hall",
        opening_hours=hours,
        business_types=[
            BusinessType("pay", "电费缴纳", 3.0, "Bill payment"),
            BusinessType("repair", "故障报修", 6.5),
        ],
        counters=[Counter("1号窗口", ["pay", "repair"])],
    )
    values.update(changes)
    return HallProfile(**values)


def _texts(errors) -> list[str]:
    return [str(e) for e in errors]


# -- validate_profile -------------------------------------------------------------------
def test_good_profile_has_no_errors():
    assert validate_profile(_good_profile()) == []


def test_every_known_kind_is_accepted():
    for kind in KINDS:
        assert validate_profile(_good_profile(kind=kind)) == []


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_empty_name_is_an_error(name):
    errors = _texts(validate_profile(_good_profile(name=name)))
    assert errors == ["请填写营业厅名称"]


@pytest.mark.parametrize("kind", ["", "water", "Electricity"])
def test_unknown_kind_is_an_error(kind):
    errors = _texts(validate_profile(_good_profile(kind=kind)))
    assert errors == ["请选择营业厅类型"]


def test_duplicate_codes_are_an_error():
    profile = _good_profile(
        business_types=[
            BusinessType("pay", "电费缴纳", 3),
            BusinessType("pay", "缴费（自助）", 2),
            BusinessType("repair", "故障报修", 6),
        ]
    )
    assert _texts(validate_profile(profile)) == ["业务类型代码不能重复"]


@pytest.mark.parametrize("minutes", [0, 0.0, -1, -0.5, None])
def test_non_positive_handling_minutes_are_an_error(minutes):
    profile = _good_profile(
        business_types=[
            BusinessType("pay", "电费缴纳", 3),
            BusinessType("repair", "故障报修", minutes),
        ]
    )
    errors = _texts(validate_profile(profile))
    assert errors == ["“故障报修”的平均办理时长应大于 0 分钟"]


def test_small_positive_handling_minutes_are_fine():
    profile = _good_profile(business_types=[BusinessType("pay", "电费缴纳", 0.5)])
    assert validate_profile(profile) == []


def test_empty_business_type_name_is_an_error():
    profile = _good_profile(business_types=[BusinessType("pay", "  ", 3)])
    assert _texts(validate_profile(profile)) == ["业务类型名称不能为空"]


@pytest.mark.parametrize(
    "span",
    [
        ("8:3", "17:00"),
        ("08:30", "25:00"),
        ("8:30", "17:00"),
        ("08:60", "17:00"),
        ("", "17:00"),
        ("08:30", "17:00 "),
    ],
)
def test_bad_times_are_an_error(span):
    hours = {day: ("08:30", "17:30") for day in range(1, 8)}
    hours[2] = span
    errors = _texts(validate_profile(_good_profile(opening_hours=hours)))
    assert errors == ["星期二：时间应写成 HH:MM，例如 08:30"]


@pytest.mark.parametrize("span", [("18:00", "09:00"), ("12:00", "12:00"), ("17:31", "17:30")])
def test_opening_not_before_closing_is_an_error(span):
    hours = {day: ("08:30", "17:30") for day in range(1, 8)}
    hours[7] = span
    errors = _texts(validate_profile(_good_profile(opening_hours=hours)))
    assert errors == ["星期日：开门时间应早于关门时间"]


def test_several_problems_are_all_reported():
    hours = {1: ("8:3", "17:00"), 2: ("18:00", "09:00"), 3: None}
    profile = HallProfile(
        name="",
        kind="water",
        opening_hours=hours,
        business_types=[BusinessType("a", "甲", 0), BusinessType("a", "乙", 1)],
    )
    errors = _texts(validate_profile(profile))
    assert "请填写营业厅名称" in errors
    assert "请选择营业厅类型" in errors
    assert "业务类型代码不能重复" in errors
    assert "“甲”的平均办理时长应大于 0 分钟" in errors
    assert "星期一：时间应写成 HH:MM，例如 08:30" in errors
    assert "星期二：开门时间应早于关门时间" in errors
    assert len(errors) == 6


def test_opening_hours_errors_come_in_weekday_order():
    hours = {5: ("9", "10"), 1: ("9", "10"), 3: ("10:00", "09:00")}
    errors = _texts(validate_opening_hours(hours))
    assert errors == [
        "星期一：时间应写成 HH:MM，例如 08:30",
        "星期三：开门时间应早于关门时间",
        "星期五：时间应写成 HH:MM，例如 08:30",
    ]


@pytest.mark.parametrize(
    "text,ok",
    [
        ("00:00", True),
        ("08:30", True),
        ("23:59", True),
        ("24:00", False),
        ("25:00", False),
        ("8:3", False),
        ("8:30", False),
        ("08:3", False),
        ("", False),
        (None, False),
        ("08-30", False),
    ],
)
def test_valid_time(text, ok):
    assert valid_time(text) is ok


# -- opening hours JSON -----------------------------------------------------------------
def test_opening_hours_json_round_trip():
    hours = {
        1: ("08:30", "17:30"),
        2: ("08:30", "17:30"),
        3: None,
        4: ("09:00", "12:00"),
        5: ("08:30", "17:30"),
        6: ("09:00", "12:00"),
        7: None,
    }
    data = opening_hours_to_json(hours)
    assert list(data) == ["1", "2", "3", "4", "5", "6", "7"]
    assert data["3"] is None and data["7"] is None
    assert data["4"] == ["09:00", "12:00"]
    back = opening_hours_from_json(json.loads(json.dumps(data)))
    assert back == hours
    assert all(isinstance(span, tuple) for span in back.values() if span)


def test_opening_hours_from_json_fills_all_seven_days():
    back = opening_hours_from_json({"2": ["08:00", "12:00"], "6": None})
    assert sorted(back) == [1, 2, 3, 4, 5, 6, 7]
    assert back[2] == ("08:00", "12:00")
    assert sorted(d for d, span in back.items() if span is None) == [1, 3, 4, 5, 6, 7]


@pytest.mark.parametrize("data", [{}, None])
def test_opening_hours_from_empty_json_is_closed_every_day(data):
    assert opening_hours_from_json(data) == {day: None for day in range(1, 8)}


def test_opening_hours_from_json_treats_empty_list_as_closed():
    assert opening_hours_from_json({"1": []})[1] is None


def test_opening_hours_to_json_is_sorted_by_weekday():
    data = opening_hours_to_json({7: None, 1: ("08:00", "09:00")})
    assert list(data) == ["1", "7"]
    assert json.loads(json.dumps(data)) == {"1": ["08:00", "09:00"], "7": None}


# -- is_open ------------------------------------------------------------------------------
HOURS = {1: ("08:30", "17:30"), 6: ("09:00", "12:00"), 7: None}


@pytest.mark.parametrize(
    "weekday,hhmm,expected",
    [
        (1, "08:29", False),
        (1, "08:30", True),  # open at the opening minute
        (1, "12:00", True),
        (1, "17:29", True),
        (1, "17:30", False),  # closed at the closing minute
        (1, "23:59", False),
        (1, "00:00", False),
        (6, "09:00", True),
        (6, "11:59", True),
        (6, "12:00", False),
        (7, "10:00", False),  # closed day
        (3, "10:00", False),  # day missing from the table
    ],
)
def test_is_open(weekday, hhmm, expected):
    assert is_open(HOURS, weekday, hhmm) is expected


# -- names ----------------------------------------------------------------------------------
def test_display_name_uses_english_when_there_is_one():
    business = BusinessType("pay", "电费缴纳", 3, "Bill payment")
    assert business.display_name() == "电费缴纳"
    assert business.display_name("zh_CN") == "电费缴纳"
    assert business.display_name("en") == "Bill payment"
    assert business.display_name("en_GB") == "Bill payment"


def test_display_name_falls_back_to_chinese_when_name_en_is_empty():
    business = BusinessType("repair", "故障报修", 6)
    assert business.display_name("en") == "故障报修"
    assert BusinessType("repair", "故障报修", 6, "").display_name("en_US") == "故障报修"


def test_weekday_names_cover_iso_weekdays():
    assert sorted(WEEKDAYS) == [1, 2, 3, 4, 5, 6, 7]
    assert WEEKDAYS[1] == "星期一" and WEEKDAYS[7] == "星期日"
