"""Starter layouts, snapping, aligning, copying and reading layout files."""

from __future__ import annotations

import json

import pytest

from hallsupervisor.domain.hall import ROLES
from hallsupervisor.domain.inspection.model import ELEMENTS
from hallsupervisor.domain.touchpoints import flow
from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.domain.touchpoints.layout import LayoutError, MapElement


@pytest.mark.parametrize("key", layouts.STARTERS)
def test_each_starter_is_a_whole_hall(key):
    starter = layouts.load_starter(key)
    kinds = {e.kind for e in starter.elements}
    assert kinds == {"wall", "door", "zone", "furniture"}
    zones = {e.subtype for e in starter.elements if e.kind == "zone"}
    assert {"entrance", "waiting", "counters"} <= zones
    assert 8 <= len(starter.touchpoints) <= 14
    assert len(starter.flow) >= 3
    assert flow.problems(starter.flow) == [], "a starter should show a good, one-way flow"
    for element in starter.elements:
        left, top, right, bottom = element.bounds()
        assert -0.01 <= left and right <= starter.width + 0.01, element
        assert -0.01 <= top and bottom <= starter.depth + 0.01, element
    for tp in starter.touchpoints:
        assert 0 < tp.x < starter.width and 0 < tp.y < starter.depth, tp.code
        assert tp.element in ELEMENTS, tp.code
        assert tp.role in ROLES, tp.code
        assert tp.standard and tp.name_en and tp.standard_en, tp.code
    stages = {tp.stage for tp in starter.touchpoints}
    assert {"arrive", "wait", "serve", "leave"} <= stages


def test_rural_station_has_one_to_three_counters():
    starter = layouts.load_starter("rural_station")
    counters = [e for e in starter.elements if e.kind == "furniture" and e.subtype == "counter"]
    assert 1 <= len(counters) <= 3


def test_starter_for_a_hall():
    assert layouts.starter_for_hall_kind("heating") == "heating_hall"
    assert layouts.starter_for_hall_kind("telecom") == "telecom_hall"
    assert layouts.starter_for_hall_kind("electricity", counters=2) == "rural_station"
    assert layouts.starter_for_hall_kind("electricity", counters=8) == "city_hall"
    # A built-in pack's checklist names its own starter's codes: the pack decides.
    assert layouts.starter_for_hall_kind("electricity", 8, "electricity_rural") == "rural_station"
    assert layouts.starter_for_hall_kind("electricity", 2, "electricity_hall") == "city_hall"
    assert set(layouts.PACK_STARTERS.values()) == set(layouts.STARTERS)


def test_unknown_starter_is_refused():
    with pytest.raises(LayoutError):
        layouts.load_starter("../../etc/passwd")


def test_snap_to_grid():
    assert layouts.snap(1.26, 0.5) == 1.5
    assert layouts.snap(1.24, 0.5) == 1.0
    assert layouts.snap(-0.3, 0.5) == -0.5
    assert layouts.snap(0.7, 0.25) == 0.75
    assert layouts.snap_point(3.04, 2.96, 0.1) == (3.0, 3.0)
    assert layouts.snap(1.234, 0) == 1.234


def test_bounds_of_a_turned_element():
    element = MapElement("furniture", "counter", x=0, y=0, w=2, h=1, rotation=90)
    left, top, right, bottom = element.bounds()
    assert (round(left, 6), round(top, 6), round(right, 6), round(bottom, 6)) == (
        0.5, -0.5, 1.5, 1.5)


def test_align_lines_boxes_up():
    a = MapElement("zone", "waiting", x=1, y=1, w=2, h=2)
    b = MapElement("zone", "exit", x=4, y=3, w=1, h=1)
    assert layouts.align([a, b], "left") == [(1, 1), (1, 3)]
    assert layouts.align([a, b], "right") == [(3, 1), (4, 3)]
    assert layouts.align([a, b], "top") == [(1, 1), (4, 1)]
    assert layouts.align([a, b], "bottom") == [(1, 2), (4, 3)]
    assert layouts.align([a, b], "hcenter") == [(2, 1), (2.5, 3)]
    assert layouts.align([a, b], "vcenter") == [(1, 1.5), (4, 2)]
    with pytest.raises(ValueError):
        layouts.align([a], "diagonal")


def test_copy_and_paste_through_text():
    original = MapElement("furniture", "seat", x=1, y=2, w=0.5, h=0.5, label="一号座", id="x")
    text = layouts.elements_to_json([original])
    copies = layouts.pasted(layouts.elements_from_json(text), 0.5)
    assert len(copies) == 1
    assert copies[0].id is None
    assert (copies[0].x, copies[0].y, copies[0].label) == (1.5, 2.5, "一号座")
    assert original.x == 1  # the original is untouched
    assert layouts.elements_from_json("just some text <b>&") == []
    assert layouts.elements_from_json(json.dumps({"hallsupervisor-map": 1, "elements": [
        {"kind": "zone", "subtype": "nonsense", "x": 0, "y": 0, "w": 1, "h": 1}]})) == []


@pytest.mark.parametrize(
    "data",
    [
        [],
        {"width": "wide", "depth": 10},
        {"width": 0, "depth": 10},
        {"width": 10, "depth": 10, "elements": [{"kind": "roof", "x": 0, "y": 0, "w": 1, "h": 1}]},
        {"width": 10, "depth": 10, "elements": [{"kind": "wall", "x": 0, "y": 0, "w": 0, "h": 1}]},
        {"width": 10, "depth": 10, "elements": [
            {"kind": "zone", "subtype": "waiting", "x": float("nan"), "y": 0, "w": 1, "h": 1}]},
        {"width": 10, "depth": 10, "flow": [[1, 2, 3]]},
        {"width": 10, "depth": 10, "touchpoints": [
            {"code": "TP01", "name": "a", "stage": "dance", "x": 1, "y": 1}]},
        {"width": 10, "depth": 10, "touchpoints": [
            {"code": "TP01", "name": "a", "stage": "wait", "x": 1, "y": 1},
            {"code": "TP01", "name": "b", "stage": "wait", "x": 2, "y": 1}]},
        {"width": 10, "depth": 10, "elements": [
            {"kind": "zone", "subtype": "waiting", "x": 0, "y": 0, "w": 1, "h": 1,
             "label": "<" * 500}]},
    ],
)
def test_malformed_layouts_give_a_chinese_reason(data):
    with pytest.raises(LayoutError) as caught:
        layouts.parse_layout(data)
    assert "布局文件无法读取" in str(caught.value.message)


@pytest.mark.parametrize("key", layouts.STARTERS)
def test_starter_labels_carry_their_english(key):
    starter = layouts.load_starter(key)
    assert starter.name and starter.name_en
    labelled = [e for e in starter.elements if e.label]
    assert labelled
    for element in labelled:
        assert element.props.get("label_en"), element.label
