"""The flow line's length, crossings and run-backs."""

from __future__ import annotations

import pytest

from hallsupervisor.domain.touchpoints import flow


def test_length_in_metres():
    assert flow.length([]) == 0
    assert flow.length([(0, 0)]) == 0
    assert flow.length([(0, 0), (3, 4), (3, 10)]) == pytest.approx(11)


def test_a_one_way_line_has_no_problems():
    assert flow.problems([(0, 0), (5, 0), (5, 5), (10, 5), (10, 0)]) == []


def test_a_crossing_is_found_where_it_is():
    # A figure of eight: the third segment crosses the first.
    points = [(0, 0), (4, 4), (4, 0), (0, 4)]
    found = flow.crossings(points)
    assert len(found) == 1
    assert (found[0].x, found[0].y) == (2, 2)
    assert found[0].segments == (0, 2)
    assert "交叉" in str(found[0].message)
    assert "第 1 段和第 3 段" in str(found[0].message)


def test_touching_neighbours_are_not_crossings():
    assert flow.crossings([(0, 0), (1, 0), (2, 0)]) == []
    # A closed loop ends where it began: not a crossing.
    assert flow.crossings([(0, 0), (4, 0), (4, 4), (0, 4), (0, 0)]) == []


def test_overlapping_segments_count_as_crossing():
    # Back along the same corridor after a detour: segment 0 and segment 2 overlap.
    points = [(0, 0), (6, 0), (6, 2), (3, 0.0), (2, 0)]
    assert flow.crossings(points)


def test_run_back_is_a_sharp_turn():
    points = [(0, 0), (5, 0), (1, 0.5)]
    found = flow.run_backs(points)
    assert len(found) == 1
    assert (found[0].x, found[0].y) == (5, 0)
    assert found[0].angle > 170
    assert "折返" in str(found[0].message)
    assert flow.run_backs([(0, 0), (5, 0), (5, 5)]) == []  # a right angle is fine


def test_turn_angle():
    assert flow.turn_angle((0, 0), (1, 0), (2, 0)) == pytest.approx(0)
    assert flow.turn_angle((0, 0), (1, 0), (1, 1)) == pytest.approx(90)
    assert flow.turn_angle((0, 0), (1, 0), (0, 0)) == pytest.approx(180)
    assert flow.turn_angle((0, 0), (0, 0), (1, 1)) == 0
