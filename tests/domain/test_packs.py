"""The built-in content packs: they load, are consistent, and give valid profiles."""

from __future__ import annotations

import pytest

from hallsupervisor.domain.hall import KINDS, HallProfile, valid_time, validate_profile
from hallsupervisor.domain.packs import Pack, all_packs, get_pack, pick_pack

BUILT_IN = ["electricity_hall", "electricity_rural", "heating_hall", "telecom_hall"]


def test_the_four_built_in_packs_load():
    packs = all_packs()
    assert sorted(p.id for p in packs) == BUILT_IN
    for pack in packs:
        assert isinstance(pack, Pack)
        assert pack.kind in KINDS
        assert pack.size in ("city", "rural")
        assert pack.name and pack.name_en
        assert pack.description and pack.description_en
        assert (pack.folder / "pack.json").is_file()
        assert pack.folder.name == pack.id


@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_get_pack(pack_id):
    pack = get_pack(pack_id)
    assert pack is not None and pack.id == pack_id


def test_get_unknown_pack_is_none():
    assert get_pack("water_hall") is None
    assert get_pack("") is None


@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_business_types_have_positive_minutes_and_unique_codes(pack_id):
    business = get_pack(pack_id).data["business_types"]
    assert business
    codes = [b["code"] for b in business]
    assert len(codes) == len(set(codes))
    for b in business:
        assert b["code"].strip() and b["name"].strip()
        assert float(b["handling_minutes"]) > 0


@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_counters_serve_known_codes_and_every_type_is_served(pack_id):
    data = get_pack(pack_id).data
    codes = {b["code"] for b in data["business_types"]}
    counters = data["counters"]
    assert counters
    served = set()
    for counter in counters:
        assert counter["label"].strip()
        assert counter["business_types"], counter["label"]
        unknown = set(counter["business_types"]) - codes
        assert not unknown, f"{counter['label']} serves unknown codes {unknown}"
        served |= set(counter["business_types"])
    assert codes - served == set(), f"nobody serves {codes - served}"
    labels = [c["label"] for c in counters]
    assert len(labels) == len(set(labels))


@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_opening_hours_are_well_formed(pack_id):
    hours = get_pack(pack_id).data["opening_hours"]
    assert sorted(hours) == ["1", "2", "3", "4", "5", "6", "7"]
    open_days = [span for span in hours.values() if span]
    assert open_days
    for start, end in open_days:
        assert valid_time(start) and valid_time(end) and start < end


def test_rural_pack_has_one_to_three_counters():
    rural = get_pack("electricity_rural")
    assert rural.kind == "electricity" and rural.size == "rural"
    assert 1 <= len(rural.data["counters"]) <= 3


def test_city_packs_are_city_sized():
    for pack_id in ("electricity_hall", "heating_hall", "telecom_hall"):
        assert get_pack(pack_id).size == "city"


# -- pick_pack -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    "kind,rural,expected",
    [
        ("electricity", False, "electricity_hall"),
        ("electricity", True, "electricity_rural"),
        ("heating", False, "heating_hall"),
        ("heating", True, "heating_hall"),  # no rural heating pack: the city one
        ("telecom", False, "telecom_hall"),
        ("telecom", True, "telecom_hall"),
    ],
)
def test_pick_pack(kind, rural, expected):
    assert pick_pack(kind, rural=rural).id == expected


def test_pick_pack_default_is_city():
    assert pick_pack("electricity").id == "electricity_hall"


def test_every_kind_has_a_pack():
    for kind in KINDS:
        assert pick_pack(kind).kind == kind


@pytest.mark.parametrize("kind", ["water", "", "Electricity"])
def test_pick_pack_unknown_kind_raises_lookup_error(kind):
    with pytest.raises(LookupError):
        pick_pack(kind)
    with pytest.raises(LookupError):
        pick_pack(kind, rural=True)


# -- profile_defaults ------------------------------------------------------------------------
@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_profile_defaults_is_valid_once_named(pack_id):
    pack = get_pack(pack_id)
    unnamed = pack.profile_defaults()
    assert isinstance(unnamed, HallProfile)
    assert [str(e) for e in validate_profile(unnamed)] == ["请填写营业厅名称"]
    named = pack.profile_defaults("示例营业厅", "示例市")
    assert validate_profile(named) == []
    assert named.name == "示例营业厅" and named.region == "示例市"
    assert named.kind == pack.kind and named.pack == pack.id
    assert named.id is None and named.staff == []


@pytest.mark.parametrize("pack_id", BUILT_IN)
def test_profile_defaults_copies_the_pack(pack_id):
    pack = get_pack(pack_id)
    profile = pack.profile_defaults("厅")
    data = pack.data
    assert [b.code for b in profile.business_types] == [b["code"] for b in data["business_types"]]
    assert [b.handling_minutes for b in profile.business_types] == [
        float(b["handling_minutes"]) for b in data["business_types"]
    ]
    assert all(isinstance(b.handling_minutes, float) for b in profile.business_types)
    assert [b.name_en for b in profile.business_types] == [
        b.get("name_en", "") for b in data["business_types"]
    ]
    assert [(c.label, c.business_types) for c in profile.counters] == [
        (c["label"], c["business_types"]) for c in data["counters"]
    ]
    assert sorted(profile.opening_hours) == [1, 2, 3, 4, 5, 6, 7]
    for day in range(1, 8):
        span = data["opening_hours"][str(day)]
        assert profile.opening_hours[day] == (tuple(span) if span else None)


def test_rural_profile_is_closed_on_sunday():
    profile = get_pack("electricity_rural").profile_defaults("乡镇供电所")
    assert profile.opening_hours[7] is None
    assert profile.opening_hours[1] == ("08:30", "17:00")


def test_profile_defaults_are_independent_copies():
    pack = get_pack("electricity_hall")
    first = pack.profile_defaults("甲")
    first.counters[0].business_types.append("repair")
    first.business_types.pop()
    second = pack.profile_defaults("乙")
    assert second.counters[0].business_types == pack.data["counters"][0]["business_types"]
    assert "repair" not in pack.data["counters"][0]["business_types"]
    assert len(second.business_types) == len(pack.data["business_types"])


def test_pack_display_name():
    pack = get_pack("electricity_rural")
    assert pack.display_name() == "乡镇供电所"
    assert pack.display_name("en") == "Rural supply station"
