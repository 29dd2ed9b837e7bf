"""Corrective actions: default due dates, overdue, closed on time per week."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.inspection.actions import (
    ActionState,
    closed_on_time_by_week,
    default_due_date,
    is_overdue,
    week_monday,
)
from hallsupervisor.domain.inspection.model import CRITICAL, MAJOR, MINOR

D = dt.date


@pytest.mark.parametrize(
    "severity,due",
    [(MINOR, D(2026, 12, 2)), (MAJOR, D(2026, 11, 28)), (CRITICAL, D(2026, 11, 25))],
)
def test_default_due_date(severity, due):
    assert default_due_date(severity, D(2026, 11, 25)) == due


def test_default_due_date_across_month_and_year_ends():
    assert default_due_date(MINOR, D(2026, 12, 28)) == D(2027, 1, 4)
    assert default_due_date(MAJOR, D(2028, 2, 27)) == D(2028, 3, 1)  # leap year


def test_unknown_severity_is_refused():
    with pytest.raises(ValueError):
        default_due_date("urgent", D(2026, 11, 25))


def test_is_overdue():
    due = D(2026, 11, 25)
    assert not is_overdue(due, ActionState.OPEN, D(2026, 11, 24))
    assert not is_overdue(due, ActionState.OPEN, due)  # the due day itself is still on time
    assert is_overdue(due, ActionState.OPEN, D(2026, 11, 26))
    assert not is_overdue(due, ActionState.VERIFIED, D(2026, 12, 31))


def test_states_and_labels():
    assert (ActionState.OPEN, ActionState.VERIFIED) == ("open", "verified")
    assert ActionState.LABELS == {"open": "待整改", "verified": "已验证", "withdrawn": "已撤回"}


@pytest.mark.parametrize(
    "day,monday",
    [
        (D(2026, 11, 23), D(2026, 11, 23)),  # Monday
        (D(2026, 11, 29), D(2026, 11, 23)),  # Sunday belongs to the week before it
        (D(2027, 1, 1), D(2026, 12, 28)),  # ISO week across the year end
    ],
)
def test_week_monday(day, monday):
    assert week_monday(day) == monday


def test_closed_on_time_by_week():
    today = D(2026, 11, 25)  # Wednesday of the week of 23 November
    actions = [
        # Week of 2 November: on time, on the due day, one day late, never closed.
        (D(2026, 11, 2), D(2026, 11, 1)),
        (D(2026, 11, 4), D(2026, 11, 4)),
        (D(2026, 11, 6), D(2026, 11, 7)),
        (D(2026, 11, 8), None),
        # Week of 9 November: one, closed on time.
        (D(2026, 11, 10), D(2026, 11, 10)),
        # Nothing due in the week of 16 November.
        # This week: one due yesterday and closed, one due Friday and still open.
        (D(2026, 11, 24), D(2026, 11, 24)),
        (D(2026, 11, 27), None),
        # Next week has not started: left out.
        (D(2026, 11, 30), None),
        (D(2026, 12, 14), D(2026, 11, 25)),
    ]
    assert closed_on_time_by_week(actions, today) == [
        (D(2026, 11, 2), 2, 4, 0.5),
        (D(2026, 11, 9), 1, 1, 1.0),
        (D(2026, 11, 16), 0, 0, None),
        (D(2026, 11, 23), 1, 2, 0.5),
    ]


def test_a_week_counts_from_its_monday():
    actions = [(D(2026, 11, 29), None)]  # due Sunday of the week of 23 November
    assert closed_on_time_by_week(actions, D(2026, 11, 22)) == []
    assert closed_on_time_by_week(actions, D(2026, 11, 23)) == [(D(2026, 11, 23), 0, 1, 0.0)]


def test_input_order_does_not_matter():
    actions = [(D(2026, 11, 10), None), (D(2026, 11, 2), D(2026, 11, 2))]
    assert closed_on_time_by_week(actions, D(2026, 11, 25)) == [
        (D(2026, 11, 2), 1, 1, 1.0),
        (D(2026, 11, 9), 0, 1, 0.0),
    ]
    assert closed_on_time_by_week(iter(actions), D(2026, 11, 25)) == closed_on_time_by_week(
        reversed(actions), D(2026, 11, 25)
    )


def test_no_actions():
    assert closed_on_time_by_week([], D(2026, 11, 25)) == []


def test_a_withdrawn_action_is_never_overdue():
    import datetime as dt

    from hallsupervisor.domain.inspection.actions import ActionState, is_overdue

    due, later = dt.date(2026, 11, 20), dt.date(2026, 11, 25)
    assert is_overdue(due, ActionState.OPEN, later)
    assert not is_overdue(due, ActionState.WITHDRAWN, later)
    assert not is_overdue(due, ActionState.VERIFIED, later)
