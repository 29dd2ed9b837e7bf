"""Reading and writing the hall profile. Each function is one committed change."""

from __future__ import annotations

import json

from hallsupervisor.domain.hall import (
    BusinessType,
    Counter,
    HallProfile,
    StaffMember,
    opening_hours_from_json,
    opening_hours_to_json,
)
from hallsupervisor.storage.database import Store, new_id


def current_hall_id(store: Store) -> str | None:
    """The hall this database is about (the first one made), remembered on the store."""
    if store.hall_id is None:
        store.hall_id = store.scalar(
            "SELECT id FROM halls WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1"
        )
    return store.hall_id


def create_hall(store: Store, profile: HallProfile) -> str:
    """Stores a whole new profile at once (the first-run wizard's result)."""
    hall_id = new_id()
    with store.transaction():
        store.insert(
            "halls",
            {
                "id": hall_id,
                "name": profile.name.strip(),
                "kind": profile.kind,
                "region": profile.region.strip(),
                "pack": profile.pack,
                "opening_hours": json.dumps(opening_hours_to_json(profile.opening_hours)),
            },
            hall_id=hall_id,
        )
        for order, business in enumerate(profile.business_types):
            _insert_business_type(store, hall_id, business, order)
        for order, counter in enumerate(profile.counters):
            _insert_counter(store, hall_id, counter, order)
        for member in profile.staff:
            member.id = _insert_staff(store, hall_id, member)
    store.hall_id = hall_id
    profile.id = hall_id
    return hall_id


def load_profile(store: Store, hall_id: str | None = None) -> HallProfile | None:
    hall_id = hall_id or current_hall_id(store)
    if hall_id is None:
        return None
    hall = store.one("SELECT * FROM halls WHERE id = ?", (hall_id,))
    if hall is None:
        return None
    return HallProfile(
        id=hall["id"],
        name=hall["name"],
        kind=hall["kind"],
        region=hall["region"],
        pack=hall["pack"],
        opening_hours=opening_hours_from_json(json.loads(hall["opening_hours"])),
        business_types=list_business_types(store, hall_id),
        counters=list_counters(store, hall_id),
        staff=list_staff(store, hall_id),
    )


def update_hall(store: Store, hall_id: str, **fields) -> None:
    if "opening_hours" in fields:
        fields["opening_hours"] = json.dumps(opening_hours_to_json(fields["opening_hours"]))
    store.update("halls", hall_id, fields)


# -- business types -------------------------------------------------------------------
def list_business_types(store: Store, hall_id: str) -> list[BusinessType]:
    rows = store.query(
        "SELECT * FROM business_types WHERE hall_id = ? AND deleted_at IS NULL "
        "ORDER BY sort_order, created_at",
        (hall_id,),
    )
    return [
        BusinessType(r["code"], r["name"], r["handling_minutes"], r["name_en"], r["id"])
        for r in rows
    ]


def _next_order(store: Store, table: str, hall_id: str) -> int:
    return store.scalar(
        f"SELECT coalesce(max(sort_order) + 1, 0) FROM {table} WHERE hall_id = ?", (hall_id,)
    )


def _insert_business_type(store: Store, hall_id: str, business: BusinessType, order: int) -> str:
    business.id = store.insert(
        "business_types",
        {
            "code": business.code,
            "name": business.name,
            "name_en": business.name_en,
            "handling_minutes": business.handling_minutes,
            "sort_order": order,
        },
        hall_id=hall_id,
    )
    return business.id


def add_business_type(store: Store, hall_id: str, business: BusinessType) -> str:
    return _insert_business_type(
        store, hall_id, business, _next_order(store, "business_types", hall_id)
    )


def update_business_type(store: Store, business_id: str, **fields) -> None:
    store.update("business_types", business_id, fields)


def delete_business_type(store: Store, business_id: str) -> None:
    """Soft delete: old tickets and reports still name it; counter links stay for undo."""
    store.soft_delete("business_types", business_id)


def unused_business_code(store: Store, hall_id: str, base: str = "type") -> str:
    taken = {
        r["code"]
        for r in store.query(
            "SELECT code FROM business_types WHERE hall_id = ? AND deleted_at IS NULL", (hall_id,)
        )
    }
    number = 1
    while f"{base}{number}" in taken:
        number += 1
    return f"{base}{number}"


# -- counters ---------------------------------------------------------------------------
def list_counters(store: Store, hall_id: str) -> list[Counter]:
    rows = store.query(
        "SELECT * FROM counters WHERE hall_id = ? AND deleted_at IS NULL "
        "ORDER BY sort_order, created_at",
        (hall_id,),
    )
    links = store.query(
        "SELECT l.counter_id, b.code FROM counter_business_types l "
        "JOIN business_types b ON b.id = l.business_type_id "
        "WHERE l.hall_id = ? AND b.deleted_at IS NULL ORDER BY b.sort_order",
        (hall_id,),
    )
    codes: dict[str, list[str]] = {}
    for link in links:
        codes.setdefault(link["counter_id"], []).append(link["code"])
    return [Counter(r["label"], codes.get(r["id"], []), r["id"]) for r in rows]


def _insert_counter(store: Store, hall_id: str, counter: Counter, order: int) -> str:
    counter.id = store.insert(
        "counters", {"label": counter.label, "sort_order": order}, hall_id=hall_id
    )
    _link_counter(store, hall_id, counter.id, counter.business_types)
    return counter.id


def add_counter(store: Store, hall_id: str, counter: Counter) -> str:
    with store.transaction():
        return _insert_counter(store, hall_id, counter, _next_order(store, "counters", hall_id))


def update_counter(
    store: Store,
    counter_id: str,
    *,
    label: str | None = None,
    business_types: list[str] | None = None,
) -> None:
    with store.transaction():
        if label is not None:
            store.update("counters", counter_id, {"label": label})
        if business_types is not None:
            hall_id = store.scalar("SELECT hall_id FROM counters WHERE id = ?", (counter_id,))
            store.execute("DELETE FROM counter_business_types WHERE counter_id = ?", (counter_id,))
            _link_counter(store, hall_id, counter_id, business_types)
            store.update("counters", counter_id, {})


def delete_counter(store: Store, counter_id: str) -> None:
    store.soft_delete("counters", counter_id)


def _link_counter(store: Store, hall_id: str, counter_id: str, codes: list[str]) -> None:
    for code in codes:
        business_id = store.scalar(
            "SELECT id FROM business_types WHERE hall_id = ? AND code = ? AND deleted_at IS NULL",
            (hall_id, code),
        )
        if business_id:
            store.insert(
                "counter_business_types",
                {"counter_id": counter_id, "business_type_id": business_id},
                hall_id=hall_id,
            )


# -- staff --------------------------------------------------------------------------------
def list_staff(store: Store, hall_id: str) -> list[StaffMember]:
    rows = store.query(
        "SELECT * FROM staff WHERE hall_id = ? AND deleted_at IS NULL ORDER BY created_at, id",
        (hall_id,),
    )
    return [
        StaffMember(
            r["name"], r["employee_no"], r["role"], json.loads(r["skills"]), r["phone"], r["id"]
        )
        for r in rows
    ]


def _insert_staff(store: Store, hall_id: str, member: StaffMember) -> str:
    return store.insert(
        "staff",
        {
            "name": member.name,
            "employee_no": member.employee_no,
            "role": member.role,
            "skills": json.dumps(member.skills, ensure_ascii=False),
            "phone": member.phone,
        },
        hall_id=hall_id,
    )


def add_staff(store: Store, hall_id: str, member: StaffMember) -> str:
    member.id = _insert_staff(store, hall_id, member)
    return member.id


def update_staff(store: Store, staff_id: str, **fields) -> None:
    if "skills" in fields:
        fields["skills"] = json.dumps(fields["skills"], ensure_ascii=False)
    store.update("staff", staff_id, fields)


def delete_staff(store: Store, staff_id: str) -> None:
    """Soft delete: past rounds and rosters still name the person."""
    store.soft_delete("staff", staff_id)


def undelete(store: Store, table: str, record_id: str) -> None:
    """Brings a soft-deleted business type, counter or staff member back (undo)."""
    if table not in ("business_types", "counters", "staff"):
        raise ValueError(table)
    store.update(table, record_id, {"deleted_at": None})


# -- settings -------------------------------------------------------------------------------
def get_setting(store: Store, hall_id: str, key: str, default: str = "") -> str:
    value = store.scalar(
        "SELECT value FROM hall_settings WHERE hall_id = ? AND key = ?", (hall_id, key)
    )
    return default if value is None else value


def set_setting(store: Store, hall_id: str, key: str, value: str) -> None:
    existing = store.scalar(
        "SELECT id FROM hall_settings WHERE hall_id = ? AND key = ?", (hall_id, key)
    )
    if existing:
        store.update("hall_settings", existing, {"value": value})
    else:
        store.insert("hall_settings", {"key": key, "value": value}, hall_id=hall_id)
