"""Today: hall status, queue and previous-day sections on real SQLite databases."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from hallsupervisor.domain import Message
from hallsupervisor.domain import today as today_module
from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.domain.today import (
    DUE,
    INFO,
    NOW,
    OK,
    STATE_ORDER,
    WARN,
    TodayContext,
    TodaySection,
    build_today,
    date_heading,
    hall_status_section,
    kind_label,
    previous_day_section,
    queue_section,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW

# A Wednesday, like DEMO_NOW; the electricity hall pack opens 08:30–17:30 every day.
WED = dt.date(2026, 11, 25)
TUE = WED - dt.timedelta(days=1)
FMT = "%Y-%m-%d %H:%M:%S"


def at(day: dt.date, hhmm: str, seconds: int = 0) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm)) + dt.timedelta(seconds=seconds)


@pytest.fixture
def hall(tmp_path):
    """A fresh database with the city electricity pack's hall and a few staff."""
    store = Store.open(tmp_path / "hall.sqlite")
    profile = get_pack("electricity_hall").profile_defaults("测试供电营业厅", "测试区")
    profile.staff = [
        StaffMember("王丽", "1", "supervisor"),
        StaffMember("李强", "2", "counter"),
        StaffMember("张敏", "3", "counter"),
        StaffMember("孙悦", "4", "guide"),
    ]
    halls.create_hall(store, profile)
    loaded = halls.load_profile(store)
    assert loaded.id == store.hall_id
    yield store, loaded
    store.close()


_numbers = itertools.count(1)


def ticket(
    store,
    issued: dt.datetime,
    *,
    wait: float | None = None,
    service: float | None = 5.0,
    code: str = "pay",
    counter: str = "1号窗口",
) -> str:
    """Inserts one ticket: called `wait` minutes after issue (None: never called) and finished
    `service` minutes after that (None: not finished yet)."""
    called = issued + dt.timedelta(minutes=wait) if wait is not None else None
    finished = called + dt.timedelta(minutes=service) if called and service is not None else None
    return store.insert(
        "tickets",
        {
            "ticket_no": f"A{next(_numbers):04d}",
            "business_type": code,
            "issued_at": issued.strftime(FMT),
            "called_at": called.strftime(FMT) if called else None,
            "finished_at": finished.strftime(FMT) if finished else None,
            "counter": counter if called else "",
        },
    )


def ctx(store, profile, now, language="zh_CN") -> TodayContext:
    return TodayContext(store, profile, now, language)


def minutes_of(message: Message) -> int:
    """The whole minutes a _minutes_text message says."""
    args = message.args
    return args.get("h", 0) * 60 + args["m"]


def section(sections, key) -> TodaySection:
    found = [s for s in sections if s.key == key]
    assert len(found) == 1, [s.key for s in sections]
    return found[0]


# -- hall status ------------------------------------------------------------------------------
def test_status_before_opening(hall):
    store, profile = hall
    sec = hall_status_section(ctx(store, profile, at(WED, "07:45")))
    assert sec.key == "hall" and sec.order == 10
    assert str(sec.title) == "营业状态"
    first = sec.items[0]
    assert first.state == DUE
    assert "开门" in str(first.text)
    assert str(first.text) == "今天 08:30 开门，17:30 结束营业。"


def test_status_one_minute_before_opening_is_still_due(hall):
    store, profile = hall
    first = hall_status_section(ctx(store, profile, at(WED, "08:29", 59))).items[0]
    assert first.state == DUE


def test_status_at_opening_minute_is_open(hall):
    store, profile = hall
    first = hall_status_section(ctx(store, profile, at(WED, "08:30"))).items[0]
    assert first.state == NOW
    assert minutes_of(first.text.args["left"]) == 9 * 60
    assert str(first.text) == "营业中，17:30 结束营业（还有 9 小时 0 分钟）。"


@pytest.mark.parametrize(
    "hhmm,left,text",
    [
        ("10:40", 6 * 60 + 50, "6 小时 50 分钟"),
        ("16:30", 60, "1 小时 0 分钟"),
        ("16:31", 59, "59 分钟"),
        ("17:05", 25, "25 分钟"),
        ("17:29", 1, "1 分钟"),
    ],
)
def test_status_during_opening_hours_counts_minutes_left(hall, hhmm, left, text):
    store, profile = hall
    first = hall_status_section(ctx(store, profile, at(WED, hhmm))).items[0]
    assert first.state == NOW
    assert first.text.args["close"] == "17:30"
    assert minutes_of(first.text.args["left"]) == left
    assert str(first.text) == f"营业中，17:30 结束营业（还有 {text}）。"


@pytest.mark.parametrize("seconds,left", [(50, 6 * 60 + 49), (20, 6 * 60 + 50)])
def test_status_minutes_left_rounds_seconds(hall, seconds, left):
    store, profile = hall
    # 10:40:50 → 6 h 49 min 10 s left (rounds down); 10:40:20 → 6 h 49 min 40 s (rounds up).
    first = hall_status_section(ctx(store, profile, at(WED, "10:40", seconds))).items[0]
    assert minutes_of(first.text.args["left"]) == left


@pytest.mark.parametrize("hhmm", ["17:30", "17:31", "23:59"])
def test_status_after_closing(hall, hhmm):
    store, profile = hall
    first = hall_status_section(ctx(store, profile, at(WED, hhmm))).items[0]
    assert first.state == INFO
    assert str(first.text) == "今天已于 17:30 结束营业。"


def test_status_on_a_closed_weekday(tmp_path):
    store = Store.open(tmp_path / "rural.sqlite")
    try:
        profile = get_pack("electricity_rural").profile_defaults("乡镇供电所")
        halls.create_hall(store, profile)
        profile = halls.load_profile(store)
        sunday = dt.date(2026, 11, 29)
        assert sunday.isoweekday() == 7 and profile.opening_hours[7] is None
        for hhmm in ("07:00", "10:00", "20:00"):
            first = hall_status_section(ctx(store, profile, at(sunday, hhmm))).items[0]
            assert first.state == INFO
            assert str(first.text) == "今天不营业。"
        # The next day (Monday) it opens at 08:30 and closes at 17:00.
        monday = hall_status_section(
            ctx(store, profile, at(sunday + dt.timedelta(days=1), "16:00"))
        ).items[0]
        assert monday.state == NOW and minutes_of(monday.text.args["left"]) == 60
    finally:
        store.close()


def test_status_uses_the_days_own_hours(hall):
    store, profile = hall
    profile.opening_hours[3] = ("13:00", "15:00")
    assert hall_status_section(ctx(store, profile, at(WED, "12:00"))).items[0].state == DUE
    first = hall_status_section(ctx(store, profile, at(WED, "14:00"))).items[0]
    assert first.state == NOW and minutes_of(first.text.args["left"]) == 60
    assert (
        str(hall_status_section(ctx(store, profile, at(WED, "16:00"))).items[0].text)
        == "今天已于 15:00 结束营业。"
    )


def test_status_summary_counts_counters_business_types_and_staff(hall):
    store, profile = hall
    summary = hall_status_section(ctx(store, profile, at(WED, "10:00"))).items[1]
    assert summary.state == INFO
    assert str(summary.text) == "5 个窗口，6 类业务，4 名员工。"
    assert str(summary.detail) == "值班长 1、柜员 2、引导员 1"


def test_status_summary_without_staff_has_no_detail(hall):
    store, profile = hall
    profile.staff = []
    summary = hall_status_section(ctx(store, profile, at(WED, "10:00"))).items[1]
    assert str(summary.text) == "5 个窗口，6 类业务，0 名员工。"
    assert summary.detail is None


# -- no tickets --------------------------------------------------------------------------------
def test_no_tickets_gives_only_the_hall_section(hall):
    store, profile = hall
    assert queue_section(ctx(store, profile, at(WED, "10:40"))) is None
    assert previous_day_section(ctx(store, profile, at(WED, "10:40"))) is None
    sections = build_today(store, profile, at(WED, "10:40"))
    assert [s.key for s in sections] == ["hall"]


def test_only_future_tickets_give_no_queue_section(hall):
    store, profile = hall
    ticket(store, at(WED, "11:00"), wait=None)
    assert queue_section(ctx(store, profile, at(WED, "10:40"))) is None
    assert previous_day_section(ctx(store, profile, at(WED, "10:40"))) is None


# -- queue --------------------------------------------------------------------------------------
def test_queue_counts_issued_and_waiting_up_to_now(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "09:00"), wait=2, service=4)  # served
    ticket(store, at(WED, "09:30"), wait=6, service=None)  # at a counter now
    ticket(store, at(WED, "10:20"), wait=None, code="repair")  # waiting
    ticket(store, at(WED, "10:35"), wait=None, code="pay")  # waiting
    ticket(store, at(WED, "10:39", 59), wait=None, code="repair")  # waiting
    ticket(store, at(WED, "10:40", 1), wait=None)  # after now: not counted
    ticket(store, at(WED, "15:00"), wait=1)  # after now: not counted
    ticket(store, at(TUE, "10:00"), wait=None)  # yesterday: not counted
    sec = queue_section(ctx(store, profile, now))
    assert sec.key == "queue" and sec.order == 30
    assert str(sec.title) == "排队情况"
    first = sec.items[0]
    assert first.state == NOW
    assert first.text.args["issued"] == 5
    assert first.text.args["waiting"] == 3
    assert str(first.text) == "今天已取号 5 张，现在等候 3 人。"
    assert str(first.detail) == "故障报修 2、电费缴纳 1"


def test_queue_finished_ticket_without_call_time_is_not_waiting(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "10:00"), wait=None, code="enquiry")
    odd = ticket(store, at(WED, "10:05"), wait=None, code="repair")
    store.update("tickets", odd, {"finished_at": at(WED, "10:20").strftime(FMT)})
    first = queue_section(ctx(store, profile, now)).items[0]
    assert (first.text.args["issued"], first.text.args["waiting"]) == (2, 1)
    assert str(first.detail) == "业务咨询 1"


def test_queue_ticket_issued_exactly_at_now_counts(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, now, wait=None)
    first = queue_section(ctx(store, profile, now)).items[0]
    assert (first.text.args["issued"], first.text.args["waiting"]) == (1, 1)


def test_queue_waiting_detail_uses_language(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "10:00"), wait=None, code="enquiry")
    ticket(store, at(WED, "10:01"), wait=None, code="enquiry")
    ticket(store, at(WED, "10:02"), wait=None, code="new_connection")
    ticket(store, at(WED, "10:03"), wait=None, code="gone_code")  # not in the profile any more
    zh = queue_section(ctx(store, profile, now)).items[0]
    parts = str(zh.detail).split("、")
    assert parts[0] == "业务咨询 2"
    assert sorted(parts[1:]) == sorted(["新装增容 1", "gone_code 1"])
    en = queue_section(ctx(store, profile, now, "en")).items[0]
    assert str(en.detail).startswith("Enquiry 2、")
    assert "New connection / capacity 1" in str(en.detail)
    assert "gone_code 1" in str(en.detail)


def test_queue_nobody_waiting_is_info_without_detail(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "09:00"), wait=3)
    ticket(store, at(WED, "09:10"), wait=5)
    first = queue_section(ctx(store, profile, now)).items[0]
    assert first.state == INFO
    assert first.text.args["waiting"] == 0
    assert first.detail is None


def test_queue_average_and_longest_wait(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "09:00"), wait=2)
    ticket(store, at(WED, "09:10"), wait=4)
    ticket(store, at(WED, "09:20"), wait=9)
    ticket(store, at(WED, "10:30"), wait=None)  # not called yet: not in the averages
    items = queue_section(ctx(store, profile, now)).items
    waits = items[1]
    assert minutes_of(waits.text.args["avg"]) == 5
    assert minutes_of(waits.text.args["max"]) == 9
    assert str(waits.text) == "平均等候 5 分钟，最长 9 分钟。"
    assert waits.state == OK


def test_queue_long_wait_is_a_warning(hall):
    store, profile = hall
    now = at(WED, "11:40")
    ticket(store, at(WED, "09:00"), wait=1)
    ticket(store, at(WED, "09:10"), wait=11)
    waits = queue_section(ctx(store, profile, now)).items[1]
    assert waits.state == WARN
    assert minutes_of(waits.text.args["avg"]) == 6
    assert minutes_of(waits.text.args["max"]) == 11


def test_queue_wait_over_an_hour_reads_in_hours(hall):
    store, profile = hall
    ticket(store, at(WED, "08:30"), wait=75)
    waits = queue_section(ctx(store, profile, at(WED, "11:00"))).items[1]
    assert waits.state == WARN
    assert str(waits.text) == "平均等候 1 小时 15 分钟，最长 1 小时 15 分钟。"


def test_queue_just_over_ten_minutes_is_a_warning(hall):
    store, profile = hall
    ticket(store, at(WED, "09:00"), wait=10 + 1 / 60)  # 10 min 1 s
    assert queue_section(ctx(store, profile, at(WED, "10:40"))).items[1].state == WARN


@pytest.mark.parametrize("issued", ["08:30", "09:00", "09:17", "10:00", "10:20"])
def test_queue_longest_wait_of_exactly_ten_minutes_is_ok(hall, issued):
    # "Over 10 minutes" warns; a ticket called exactly 10 minutes after it was taken does not.
    store, profile = hall
    ticket(store, at(WED, issued), wait=10)
    waits = queue_section(ctx(store, profile, at(WED, "10:40"))).items[1]
    assert minutes_of(waits.text.args["max"]) == 10
    assert waits.state == OK, f"max_wait = {waits.text.args['max']}; state {waits.state}"


def test_queue_no_called_ticket_gives_no_wait_item(hall):
    store, profile = hall
    ticket(store, at(WED, "10:30"), wait=None)
    items = queue_section(ctx(store, profile, at(WED, "10:40"))).items
    assert len(items) == 1
    assert items[0].state == NOW


def _past_wednesday(weeks: int) -> dt.date:
    return WED - dt.timedelta(days=7 * weeks)


def test_queue_compares_with_same_weekday_of_last_four_weeks(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(WED, "09:00"), wait=1)
    # Up to 10:40 on the same weekday: week 1 → 4 tickets, week 2 → 6, week 3 → 2, week 4 → 4.
    for weeks, count in ((1, 4), (2, 6), (3, 2), (4, 4)):
        day = _past_wednesday(weeks)
        for i in range(count):
            ticket(store, at(day, "09:00") + dt.timedelta(minutes=10 * i), wait=1)
        ticket(store, at(day, "10:40", 1), wait=1)  # after the time of day: not counted
        ticket(store, at(day, "16:00"), wait=1)  # after the time of day: not counted
    ticket(store, at(_past_wednesday(5), "09:00"), wait=1)  # five weeks back: not counted
    for other in (1, 2, 5, 6):  # other weekdays: not counted
        ticket(store, at(WED - dt.timedelta(days=other), "09:00"), wait=1)
    items = queue_section(ctx(store, profile, now)).items
    usual = items[-1]
    assert usual.state == INFO
    assert usual.text.args["usual"] == 4  # (4 + 6 + 2 + 4) / 4
    assert str(usual.text) == "近四周同一天到这个时候平均取号 4 张。"


def test_queue_comparison_counts_the_exact_time_of_day(hall):
    store, profile = hall
    now = at(WED, "10:40")
    ticket(store, at(_past_wednesday(1), "10:40"), wait=1)  # at the same minute: counted
    ticket(store, at(_past_wednesday(1), "10:41"), wait=1)  # later: not counted
    usual = queue_section(ctx(store, profile, now)).items[-1]
    assert usual.text.args["usual"] == 1


def test_queue_comparison_averages_over_weeks_with_tickets(hall):
    # Weeks without any ticket (hall closed, or before the machine was connected) are left out
    # of the average rather than counted as zero.
    store, profile = hall
    now = at(WED, "10:40")
    for i in range(6):
        ticket(store, at(_past_wednesday(1), "09:00") + dt.timedelta(minutes=i), wait=1)
    for i in range(2):
        ticket(store, at(_past_wednesday(3), "09:00") + dt.timedelta(minutes=i), wait=1)
    usual = queue_section(ctx(store, profile, now)).items[-1]
    assert usual.text.args["usual"] == 4


def test_queue_history_but_nothing_today(hall):
    store, profile = hall
    ticket(store, at(_past_wednesday(2), "09:00"), wait=1)
    ticket(store, at(_past_wednesday(2), "09:05"), wait=1)
    ticket(store, at(_past_wednesday(2), "09:10"), wait=1)
    sec = queue_section(ctx(store, profile, at(WED, "10:40")))
    assert [i.state for i in sec.items] == [INFO, INFO]
    assert str(sec.items[0].text) == "今天还没有取号记录。"
    assert sec.items[1].text.args["usual"] == 3


def test_queue_without_history_has_no_comparison(hall):
    store, profile = hall
    ticket(store, at(WED, "09:00"), wait=1)
    items = queue_section(ctx(store, profile, at(WED, "10:40"))).items
    assert not any("近四周" in str(i.text) for i in items)
    assert len(items) == 2


# -- previous day ----------------------------------------------------------------------------
def test_previous_day_counts_and_busiest_hour(hall):
    store, profile = hall
    now = at(WED, "10:40")
    # Tuesday: 09:xx has 2 tickets, 10:xx has 4, 14:xx has 3.
    ticket(store, at(TUE, "09:10"), wait=3)  # served, within 10
    ticket(store, at(TUE, "09:50"), wait=None)  # left unserved
    ticket(store, at(TUE, "10:00"), wait=5)  # served, within 10
    ticket(store, at(TUE, "10:15"), wait=20)  # served, over 10
    ticket(store, at(TUE, "10:30"), wait=8, service=None)  # called, never finished
    ticket(store, at(TUE, "10:59", 59), wait=None)  # left unserved
    ticket(store, at(TUE, "14:00"), wait=2)  # served, within 10
    ticket(store, at(TUE, "14:20"), wait=30)  # served, over 10
    ticket(store, at(TUE, "14:40"), wait=1)  # served, within 10
    ticket(store, at(WED, "09:00"), wait=1)  # today: not the previous day
    ticket(store, at(TUE - dt.timedelta(days=1), "10:00"), wait=None)  # Monday: not counted
    sec = previous_day_section(ctx(store, profile, now))
    assert sec.key == "previous_day" and sec.order == 40
    assert str(sec.title) == "上一个营业日（11/24）"
    first = sec.items[0]
    assert first.state == INFO
    args = first.text.args
    assert args["issued"] == 9
    assert args["served"] == 6
    assert (args["hour"], args["next"], args["busy"]) == ("10", "11", 4)
    assert str(first.text) == "取号 9 张，办结 6 张，最忙的时段是 10:00–11:00（4 张）。"
    share = sec.items[1]
    # Called: 7 tickets, 5 of them within 10 minutes → 71 %, under 80 %: a warning.
    assert share.text.args["share"] == 71
    assert minutes_of(share.text.args["avg"]) == round((3 + 5 + 20 + 8 + 2 + 30 + 1) / 7)
    assert share.state == WARN
    left = sec.items[2]
    assert left.state == WARN
    assert left.text.args["count"] == 2
    assert str(left.text) == "2 位顾客取号后未办理就离开了。"


def test_previous_day_good_day(hall):
    store, profile = hall
    for i in range(5):
        ticket(store, at(TUE, "15:00") + dt.timedelta(minutes=3 * i), wait=i)
    sec = previous_day_section(ctx(store, profile, at(WED, "08:00")))
    assert [i.state for i in sec.items] == [INFO, OK]
    assert sec.items[0].text.args["served"] == 5
    assert sec.items[0].text.args["hour"] == "15"
    assert sec.items[1].text.args["share"] == 100
    assert str(sec.items[1].text) == "平均等候 2 分钟，100% 的顾客在 10 分钟内被叫号。"


@pytest.mark.parametrize(
    "within,over,share,state",
    [(4, 1, 80, OK), (3, 1, 75, WARN), (79, 21, 79, WARN), (9, 1, 90, OK)],
)
def test_previous_day_share_threshold_is_eighty_percent(hall, within, over, share, state):
    store, profile = hall
    start = at(TUE, "08:30")
    for i in range(within):
        ticket(store, start + dt.timedelta(minutes=i), wait=2)
    for i in range(over):
        ticket(store, start + dt.timedelta(minutes=i, seconds=30), wait=25)
    item = previous_day_section(ctx(store, profile, at(WED, "10:00"))).items[1]
    assert (item.text.args["share"], item.state) == (share, state)


def test_previous_day_busiest_hour_tie_takes_the_earlier_hour(hall):
    store, profile = hall
    for hhmm in ("14:00", "14:30", "09:00", "09:30"):
        ticket(store, at(TUE, hhmm), wait=1)
    first = previous_day_section(ctx(store, profile, at(WED, "10:00"))).items[0]
    assert (first.text.args["hour"], first.text.args["next"], first.text.args["busy"]) == (
        "09",
        "10",
        2,
    )


def test_previous_day_skips_days_without_tickets(hall):
    store, profile = hall
    saturday = dt.date(2026, 11, 21)
    ticket(store, at(saturday - dt.timedelta(days=1), "10:00"), wait=1)
    ticket(store, at(saturday, "10:00"), wait=1)
    ticket(store, at(saturday, "11:00"), wait=None)
    sec = previous_day_section(ctx(store, profile, at(WED, "10:00")))
    assert str(sec.title) == "上一个营业日（11/21）"
    assert sec.items[0].text.args["issued"] == 2
    assert sec.items[0].text.args["served"] == 1


def test_previous_day_nobody_called_has_no_share_item(hall):
    store, profile = hall
    ticket(store, at(TUE, "10:00"), wait=None)
    ticket(store, at(TUE, "10:10"), wait=None)
    sec = previous_day_section(ctx(store, profile, at(WED, "10:00")))
    assert [i.state for i in sec.items] == [INFO, WARN]
    assert sec.items[0].text.args["served"] == 0
    assert sec.items[1].text.args["count"] == 2


def test_previous_day_only_today_tickets_gives_none(hall):
    store, profile = hall
    ticket(store, at(WED, "09:00"), wait=1)
    assert previous_day_section(ctx(store, profile, at(WED, "10:00"))) is None


@pytest.mark.parametrize("issued", ["08:30", "09:00", "09:17", "10:00", "14:45"])
def test_previous_day_called_after_exactly_ten_minutes_counts_as_within(hall, issued):
    store, profile = hall
    ticket(store, at(TUE, issued), wait=10)
    share = previous_day_section(ctx(store, profile, at(WED, "10:00"))).items[1]
    assert share.text.args["share"] == 100, f"issued {issued}, called 10 min later"
    assert share.state == OK


def test_previous_day_just_over_ten_minutes_is_not_within(hall):
    store, profile = hall
    ticket(store, at(TUE, "09:00"), wait=10 + 1 / 60)
    share = previous_day_section(ctx(store, profile, at(WED, "10:00"))).items[1]
    assert share.text.args["share"] == 0


# -- build_today -------------------------------------------------------------------------------
def test_build_today_gives_three_sections_in_order(hall):
    store, profile = hall
    ticket(store, at(TUE, "09:00"), wait=1)
    ticket(store, at(WED, "09:00"), wait=1)
    sections = build_today(store, profile, at(WED, "10:40"))
    assert [s.key for s in sections] == ["hall", "queue", "previous_day"]
    assert [s.order for s in sections] == sorted(s.order for s in sections)


def test_build_today_sorts_sections_by_order(hall, monkeypatch):
    store, profile = hall

    def make(key, order):
        return lambda c: TodaySection(key, Message("Today", key), [], order=order)

    monkeypatch.setattr(
        today_module,
        "SECTIONS",
        [
            make("late", 90),
            make("first", 5),
            lambda c: None,
            make("middle", 45),
            today_module.hall_status_section,
        ],
    )
    sections = build_today(store, profile, at(WED, "10:40"))
    assert [s.key for s in sections] == ["first", "hall", "middle", "late"]


def test_build_today_passes_language_on(hall):
    store, profile = hall
    ticket(store, at(WED, "10:00"), wait=None, code="repair")
    zh = section(build_today(store, profile, at(WED, "10:40")), "queue")
    en = section(build_today(store, profile, at(WED, "10:40"), language="en"), "queue")
    assert str(zh.items[0].detail) == "故障报修 1"
    assert str(en.items[0].detail) == "Fault repair 1"


def test_state_order_lists_every_state_once():
    assert len(STATE_ORDER) == len(set(STATE_ORDER)) == 7
    assert (
        STATE_ORDER.index(WARN)
        < STATE_ORDER.index(DUE)
        < STATE_ORDER.index(NOW)
        < STATE_ORDER.index(OK)
        < STATE_ORDER.index(INFO)
    )


def test_date_heading_and_kind_label():
    assert str(date_heading(WED)) == "2026年11月25日 星期三"
    assert str(date_heading(dt.date(2026, 3, 1))) == "2026年3月1日 星期日"
    assert str(kind_label("heating")) == "供热服务厅"
    assert str(kind_label("water")) == "water"


# -- the demo database ----------------------------------------------------------------------------
def _wait(row) -> float:
    issued = dt.datetime.strptime(row["issued_at"], FMT)
    called = dt.datetime.strptime(row["called_at"], FMT)
    return (called - issued).total_seconds() / 60


def test_demo_database_today_agrees_with_sql(demo_db):
    assert DEMO_NOW.isoweekday() == 3
    store = Store.open(demo_db)
    try:
        profile = halls.load_profile(store)
        sections = build_today(store, profile, DEMO_NOW)
        assert [s.key for s in sections] == [
            "hall", "incidents", "rounds", "actions", "queue", "live_queue", "previous_day"
        ]
        assert [s.order for s in sections] == [10, 15, 20, 25, 30, 35, 40]

        # Hall status: open 08:30–17:30, 10:40 now.
        hall_sec = section(sections, "hall")
        assert hall_sec.items[0].state == NOW
        assert minutes_of(hall_sec.items[0].text.args["left"]) == 6 * 60 + 50
        counts = hall_sec.items[1].text.args
        assert (
            counts["counters"]
            == store.scalar("SELECT count(*) FROM counters WHERE deleted_at IS NULL")
            == 3
        )
        assert counts["business"] == store.scalar(
            "SELECT count(*) FROM business_types WHERE deleted_at IS NULL"
        )
        assert counts["staff"] == store.scalar(
            "SELECT count(*) FROM staff WHERE deleted_at IS NULL"
        )

        # Queue: today's tickets up to now.
        now_text = DEMO_NOW.strftime(FMT)
        rows = store.query(
            "SELECT * FROM tickets WHERE issued_at >= ? AND issued_at <= ?",
            (DEMO_NOW.date().isoformat(), now_text),
        )
        assert rows, "the demo has tickets this morning"
        assert store.scalar("SELECT count(*) FROM tickets WHERE issued_at > ?", (now_text,)) == 0
        waiting = [r for r in rows if r["called_at"] is None and r["finished_at"] is None]
        queue = section(sections, "queue")
        first = queue.items[0]
        assert first.text.args["issued"] == len(rows)
        assert first.text.args["waiting"] == len(waiting)
        assert first.state == (NOW if waiting else INFO)
        names = {b.code: b.name for b in profile.business_types}
        by_type: dict[str, int] = {}
        for r in waiting:
            by_type[r["business_type"]] = by_type.get(r["business_type"], 0) + 1
        detail = {m.args["name"]: m.args["count"] for m in first.detail.args["types"]}
        assert detail == {names[code]: n for code, n in by_type.items()}
        shown = [m.args["count"] for m in first.detail.args["types"]]
        assert shown == sorted(shown, reverse=True)

        waits = [_wait(r) for r in rows if r["called_at"]]
        wait_item = queue.items[1]
        assert minutes_of(wait_item.text.args["avg"]) == round(sum(waits) / len(waits))
        assert minutes_of(wait_item.text.args["max"]) == round(max(waits))
        assert wait_item.state == (WARN if max(waits) > 10 else OK)

        past = []
        for weeks in range(1, 5):
            day = DEMO_NOW.date() - dt.timedelta(days=7 * weeks)
            past.append(
                store.scalar(
                    "SELECT count(*) FROM tickets WHERE issued_at >= ? AND issued_at <= ?",
                    (day.isoformat(), dt.datetime.combine(day, DEMO_NOW.time()).strftime(FMT)),
                )
            )
        assert all(past), past  # the demo hall opens every day
        assert queue.items[2].text.args["usual"] == round(sum(past) / 4)

        # Previous day: Tuesday 24 November.
        prev = section(sections, "previous_day")
        assert str(prev.title) == "上一个营业日（11/24）"
        rows = store.query(
            "SELECT * FROM tickets WHERE substr(issued_at, 1, 10) = ?",
            ((DEMO_NOW.date() - dt.timedelta(days=1)).isoformat(),),
        )
        served = sum(1 for r in rows if r["finished_at"])
        left = sum(1 for r in rows if r["called_at"] is None and r["finished_at"] is None)
        per_hour: dict[str, int] = {}
        for r in rows:
            per_hour[r["issued_at"][11:13]] = per_hour.get(r["issued_at"][11:13], 0) + 1
        busiest = min(per_hour, key=lambda h: (-per_hour[h], h))
        args = prev.items[0].text.args
        assert args["issued"] == len(rows)
        assert args["served"] == served
        assert (args["hour"], args["busy"]) == (busiest, per_hour[busiest])
        assert args["next"] == f"{int(busiest) + 1:02d}"
        waits = [_wait(r) for r in rows if r["called_at"]]
        share_item = prev.items[1]
        share = round(100 * sum(1 for w in waits if w <= 10) / len(waits))
        assert share_item.text.args["share"] == share
        assert minutes_of(share_item.text.args["avg"]) == round(sum(waits) / len(waits))
        assert share_item.state == (OK if share >= 80 else WARN)
        if left:
            assert prev.items[2].text.args["count"] == left
        else:
            assert len(prev.items) == 2
    finally:
        store.close()
