"""Complaint time limits, overdue and the Pareto of categories."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.incidents import complaints as c

WEDNESDAY = dt.datetime(2026, 11, 25, 10, 0)


def test_billing_dispute_two_hours_and_three_working_days():
    respond, complete = c.due_times("metering_billing", "hall", WEDNESDAY)
    assert respond == dt.datetime(2026, 11, 25, 12, 0)
    assert complete == dt.datetime(2026, 11, 30, 23, 59, 59)  # Thu, Fri, (weekend), Mon


def test_repair_complaint_city_and_rural():
    assert c.due_times("repair", "hotline", WEDNESDAY)[0] == dt.datetime(2026, 11, 25, 10, 10)
    assert c.due_times("repair", "hotline", WEDNESDAY)[1] == dt.datetime(2026, 11, 25, 12, 0)
    assert c.due_times("repair", "hotline", WEDNESDAY, rural=True)[1] == dt.datetime(
        2026, 11, 25, 14, 0
    )


def test_escalation_channels_answer_within_an_hour():
    assert c.due_times("attitude", "gov12345", WEDNESDAY)[0] == dt.datetime(2026, 11, 25, 11, 0)
    assert c.due_times("attitude", "media", WEDNESDAY)[0] == dt.datetime(2026, 11, 25, 11, 0)
    assert c.due_times("attitude", "online", WEDNESDAY)[0] == dt.datetime(2026, 11, 25, 12, 0)


def test_unknown_category_or_channel_is_refused():
    with pytest.raises(ValueError):
        c.due_times("weather", "hall", WEDNESDAY)
    with pytest.raises(ValueError):
        c.due_times("other", "fax", WEDNESDAY)


def test_overdue_response_and_completion():
    respond, complete = c.due_times("metering_billing", "hall", WEDNESDAY)
    later = WEDNESDAY + dt.timedelta(hours=3)
    assert c.overdue(c.OPEN, respond, complete, later).response
    assert not c.overdue(c.OPEN, respond, complete, WEDNESDAY + dt.timedelta(hours=1))
    # Responded in time: not overdue until the completion limit passes.
    in_time = WEDNESDAY + dt.timedelta(hours=1)
    assert not c.overdue(c.RESPONDED, respond, complete, later, in_time)
    week = WEDNESDAY + dt.timedelta(days=7)
    assert c.overdue(c.RESPONDED, respond, complete, week, in_time).completion
    assert not c.overdue(c.RESOLVED, respond, complete, week, in_time, later)
    assert not c.overdue(c.WITHDRAWN, respond, complete, week)


def test_pareto_largest_first_with_cumulative_share():
    data = ["repair"] * 2 + ["metering_billing"] * 5 + ["outage_notice"] * 3
    result = c.pareto(data)
    assert [r[0] for r in result] == ["metering_billing", "outage_notice", "repair"]
    assert [r[1] for r in result] == [5, 3, 2]
    assert result[0][2] == pytest.approx(0.5) and result[-1][2] == pytest.approx(1.0)
    assert c.pareto([]) == []


def test_breached_now_is_what_is_still_to_do():
    respond, complete = c.due_times("metering_billing", "hall", WEDNESDAY)
    later = WEDNESDAY + dt.timedelta(hours=3)
    assert c.breached_now(c.OPEN, respond, complete, later).response
    # Answered late, but answered: nothing to chase until the completion limit.
    assert not c.breached_now(c.RESPONDED, respond, complete, later)
    assert c.breached_now(c.RESPONDED, respond, complete, WEDNESDAY + dt.timedelta(days=9))
    assert not c.breached_now(c.RESOLVED, respond, complete, WEDNESDAY + dt.timedelta(days=9))
