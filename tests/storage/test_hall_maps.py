"""The hall map in storage: maps, elements, the flow line, the background, starters."""

from __future__ import annotations

import pytest

from hallsupervisor.domain.packs import get_pack
from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.domain.touchpoints.layout import MapElement
from hallsupervisor.storage import hall_maps, halls
from hallsupervisor.storage import touchpoints as tps
from hallsupervisor.storage.database import Store


@pytest.fixture
def hall(tmp_path):
    path = tmp_path / "hall.sqlite"
    store = Store.open(path)
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("测试厅"))
    yield store, hall_id, path
    store.close()


def test_a_hall_has_no_map_until_one_is_made(hall):
    store, hall_id, _path = hall
    assert hall_maps.current_map(store, hall_id) is None
    map_id = hall_maps.create_map(store, hall_id, name="平面图", width_m=15, depth_m=9)
    current = hall_maps.current_map(store, hall_id)
    assert current.id == map_id
    assert (current.width_m, current.depth_m, current.grid_m) == (15, 9, 0.5)
    assert hall_maps.flow_line(store, map_id).points == []


def test_elements_survive_reopening_and_every_record_is_complete(hall):
    store, hall_id, path = hall
    map_id = hall_maps.create_map(store, hall_id)
    zone = MapElement("zone", "waiting", x=1, y=2, w=4, h=3, label="等候 <A> & B",
                      props={"note": "靠窗"})
    seat = MapElement("furniture", "seat", x=2, y=3, w=0.5, h=0.5, rotation=45, z=10)
    ids = hall_maps.add_elements(store, hall_id, map_id, [zone, seat])
    assert ids == [zone.id, seat.id]
    hall_maps.update_elements(store, {zone.id: {"x": 1.5, "w": 5.0}})
    store.close()
    again = Store.open(path)
    try:
        elements = {e.id: e for e in hall_maps.list_elements(again, map_id)}
        assert elements[zone.id].geometry() == {"x": 1.5, "y": 2, "w": 5.0, "h": 3,
                                                "rotation": 0}
        assert elements[zone.id].label == "等候 <A> & B"
        assert elements[zone.id].props == {"note": "靠窗"}
        assert elements[seat.id].rotation == 45
        row = again.one("SELECT * FROM map_elements WHERE id = ?", (zone.id,))
        assert row["hall_id"] == hall_id and row["created_at"] and row["updated_at"]
        assert row["updated_at"] >= row["created_at"]
    finally:
        again.close()


def test_removing_is_soft_and_restoring_brings_it_back(hall):
    store, hall_id, _path = hall
    map_id = hall_maps.create_map(store, hall_id)
    (element_id,) = hall_maps.add_elements(
        store, hall_id, map_id, [MapElement("wall", x=0, y=0, w=5, h=0.24)])
    hall_maps.remove_elements(store, [element_id])
    assert hall_maps.list_elements(store, map_id) == []
    assert store.scalar("SELECT deleted_at FROM map_elements WHERE id = ?", (element_id,))
    hall_maps.restore_elements(store, [element_id])
    assert [e.id for e in hall_maps.list_elements(store, map_id)] == [element_id]


def test_flow_points_are_stored(hall):
    store, hall_id, _path = hall
    map_id = hall_maps.create_map(store, hall_id)
    hall_maps.set_flow_points(store, hall_id, map_id, [(1, 1), (2.3456, 5)])
    assert hall_maps.flow_line(store, map_id).points == [(1, 1), (2.346, 5)]


def test_background_is_kept_with_its_scale_and_lock(hall):
    store, hall_id, _path = hall
    map_id = hall_maps.create_map(store, hall_id)
    assert hall_maps.background(store, map_id) is None
    hall_maps.set_background(store, map_id, b"\x89PNG fake", "png", m_per_px=0.02, x_m=1,
                             locked=True)
    assert hall_maps.background(store, map_id) == (b"\x89PNG fake", "png")
    current = hall_maps.get_map(store, map_id)
    assert current.has_background and current.background_locked
    assert current.background_m_per_px == 0.02 and current.background_x_m == 1
    hall_maps.update_map(store, map_id, background_locked=False, background_opacity=0.75)
    assert hall_maps.map_fields(store, map_id, ["background_locked", "background_opacity"]) == {
        "background_locked": False, "background_opacity": 0.75}
    hall_maps.set_background(store, map_id, None)
    assert hall_maps.background(store, map_id) is None
    with pytest.raises(ValueError):
        hall_maps.update_map(store, map_id, hall_id="elsewhere")


@pytest.mark.parametrize("key", layouts.STARTERS)
def test_install_starter_lays_down_everything(hall, key):
    store, hall_id, _path = hall
    starter = layouts.load_starter(key)
    map_id = hall_maps.install_starter(store, hall_id, key)
    hall_map = hall_maps.current_map(store, hall_id)
    assert hall_map.id == map_id and hall_map.starter == key
    assert (hall_map.width_m, hall_map.depth_m) == (starter.width, starter.depth)
    assert len(hall_maps.list_elements(store, map_id)) == len(starter.elements)
    assert hall_maps.flow_line(store, map_id).points == [tuple(p) for p in starter.flow]
    points = tps.list_touchpoints(store, map_id)
    assert [p.code for p in points] == [t.code for t in starter.touchpoints]
    assert all(p.standard and p.standard_en and p.hall_id == hall_id for p in points)


def test_a_new_starter_retires_the_old_map_and_frees_its_codes(hall):
    store, hall_id, _path = hall
    first = hall_maps.install_starter(store, hall_id, "city_hall")
    second = hall_maps.install_starter(store, hall_id, "rural_station")
    assert hall_maps.current_map(store, hall_id).id == second
    assert store.scalar("SELECT deleted_at FROM hall_maps WHERE id = ?", (first,))
    assert tps.list_touchpoints(store, first) == []
    assert hall_maps.list_elements(store, first) == []
    assert tps.list_touchpoints(store, second)[0].code == "TP01"
