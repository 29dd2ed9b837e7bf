"""The hall's floor plan: the map, its elements, its flow line and its background image.

Each function is one committed change. Removing is a soft delete and `restore_*` undoes it,
so the editor's undo stack can take any edit back. One map per hall for now: `current_map`
is the hall's newest live map. `install_starter` lays down a starter layout (elements, flow
line and the layout's touchpoints) as the hall's map, retiring the one before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.domain.touchpoints.layout import Layout, MapElement
from hallsupervisor.storage.database import Store, utc_now

MAP_FIELDS = (
    "name",
    "width_m",
    "depth_m",
    "grid_m",
    "starter",
    "background_m_per_px",
    "background_x_m",
    "background_y_m",
    "background_opacity",
    "background_locked",
)
# Element fields as the domain names them -> table columns.
ELEMENT_COLUMNS = {
    "kind": "kind",
    "subtype": "subtype",
    "label": "label",
    "x": "x_m",
    "y": "y_m",
    "w": "w_m",
    "h": "h_m",
    "rotation": "rotation_deg",
    "z": "z",
    "props": "props",
}
MAX_BACKGROUND_BYTES = 30 * 1024 * 1024


@dataclass
class HallMap:
    id: str
    hall_id: str
    name: str
    width_m: float
    depth_m: float
    grid_m: float
    starter: str = ""
    background_format: str = ""
    background_m_per_px: float = 0.01
    background_x_m: float = 0.0
    background_y_m: float = 0.0
    background_opacity: float = 0.5
    background_locked: bool = True
    has_background: bool = False


@dataclass
class FlowLine:
    id: str
    map_id: str
    name: str
    points: list[tuple[float, float]] = field(default_factory=list)


def _map(row: dict) -> HallMap:
    return HallMap(
        id=row["id"],
        hall_id=row["hall_id"],
        name=row["name"],
        width_m=row["width_m"],
        depth_m=row["depth_m"],
        grid_m=row["grid_m"],
        starter=row["starter"],
        background_format=row["background_format"],
        background_m_per_px=row["background_m_per_px"],
        background_x_m=row["background_x_m"],
        background_y_m=row["background_y_m"],
        background_opacity=row["background_opacity"],
        background_locked=bool(row["background_locked"]),
        has_background=bool(row["has_background"]),
    )


_MAP_SELECT = (
    "SELECT id, hall_id, name, width_m, depth_m, grid_m, starter, background_format,"
    " background_m_per_px, background_x_m, background_y_m, background_opacity,"
    " background_locked, background IS NOT NULL AS has_background FROM hall_maps"
)


# -- maps ---------------------------------------------------------------------------------
def current_map(store: Store, hall_id: str) -> HallMap | None:
    row = store.one(
        f"{_MAP_SELECT} WHERE hall_id = ? AND deleted_at IS NULL"
        " ORDER BY created_at DESC, id LIMIT 1",
        (hall_id,),
    )
    return _map(row) if row else None


def get_map(store: Store, map_id: str) -> HallMap | None:
    row = store.one(f"{_MAP_SELECT} WHERE id = ?", (map_id,))
    return _map(row) if row else None


def create_map(
    store: Store,
    hall_id: str,
    *,
    name: str = "",
    width_m: float = 20.0,
    depth_m: float = 12.0,
    grid_m: float = 0.5,
    starter: str = "",
) -> str:
    """A new empty map (with an empty flow line) that becomes the hall's map."""
    with store.transaction():
        _retire_maps(store, hall_id)
        map_id = store.insert(
            "hall_maps",
            {
                "name": name,
                "width_m": width_m,
                "depth_m": depth_m,
                "grid_m": grid_m,
                "starter": starter,
            },
            hall_id=hall_id,
        )
        store.insert("flow_lines", {"map_id": map_id, "points": "[]"}, hall_id=hall_id)
    return map_id


def _retire_maps(store: Store, hall_id: str) -> None:
    """Soft-deletes the hall's live maps with everything on them (touchpoint codes free up)."""
    now = utc_now()
    live = [r["id"] for r in store.query(
        "SELECT id FROM hall_maps WHERE hall_id = ? AND deleted_at IS NULL", (hall_id,)
    )]
    for map_id in live:
        for table in ("map_elements", "flow_lines", "touchpoints"):
            store.execute(
                f"UPDATE {table} SET deleted_at = ?, updated_at = ?"
                " WHERE map_id = ? AND deleted_at IS NULL",
                (now, now, map_id),
            )
        store.soft_delete("hall_maps", map_id)


def update_map(store: Store, map_id: str, **fields) -> None:
    unknown = set(fields) - set(MAP_FIELDS)
    if unknown:
        raise ValueError(f"not map fields: {sorted(unknown)}")
    if "background_locked" in fields:
        fields["background_locked"] = int(bool(fields["background_locked"]))
    store.update("hall_maps", map_id, fields)


def map_fields(store: Store, map_id: str, names) -> dict:
    """The current values of some MAP_FIELDS (for an undo command's "before")."""
    hall_map = get_map(store, map_id)
    return {name: getattr(hall_map, name) for name in names}


# -- background ---------------------------------------------------------------------------
def background(store: Store, map_id: str) -> tuple[bytes, str] | None:
    row = store.one(
        "SELECT background, background_format FROM hall_maps WHERE id = ?", (map_id,)
    )
    if not row or row["background"] is None:
        return None
    return bytes(row["background"]), row["background_format"]


def set_background(
    store: Store,
    map_id: str,
    data: bytes | None,
    image_format: str = "",
    *,
    m_per_px: float = 0.01,
    x_m: float = 0.0,
    y_m: float = 0.0,
    locked: bool = False,
) -> None:
    """Sets (or with data None, removes) the floor-plan photo or scan traced over."""
    if data is not None and len(data) > MAX_BACKGROUND_BYTES:
        raise ValueError("background image too large")
    store.update(
        "hall_maps",
        map_id,
        {
            "background": data,
            "background_format": image_format if data is not None else "",
            "background_m_per_px": m_per_px,
            "background_x_m": x_m,
            "background_y_m": y_m,
            "background_locked": int(locked),
        },
    )


# -- elements -----------------------------------------------------------------------------
def _element(row: dict) -> MapElement:
    try:
        props = json.loads(row["props"] or "{}")
    except ValueError:
        props = {}
    return MapElement(
        id=row["id"],
        kind=row["kind"],
        subtype=row["subtype"],
        label=row["label"],
        x=row["x_m"],
        y=row["y_m"],
        w=row["w_m"],
        h=row["h_m"],
        rotation=row["rotation_deg"],
        z=row["z"],
        props=props if isinstance(props, dict) else {},
    )


def list_elements(store: Store, map_id: str) -> list[MapElement]:
    rows = store.query(
        "SELECT * FROM map_elements WHERE map_id = ? AND deleted_at IS NULL"
        " ORDER BY z, created_at, id",
        (map_id,),
    )
    return [_element(r) for r in rows]


def _columns(fields: dict) -> dict:
    values = {}
    for name, value in fields.items():
        column = ELEMENT_COLUMNS[name]
        values[column] = json.dumps(value, ensure_ascii=False) if name == "props" else value
    return values


def add_elements(
    store: Store, hall_id: str, map_id: str, elements: list[MapElement]
) -> list[str]:
    """Stores new elements (in one transaction); sets and returns their ids."""
    ids = []
    with store.transaction():
        for element in elements:
            fields = {name: getattr(element, name) for name in ELEMENT_COLUMNS}
            values = {"map_id": map_id, **_columns(fields)}
            if element.id:
                values["id"] = element.id
            element.id = store.insert("map_elements", values, hall_id=hall_id)
            ids.append(element.id)
    return ids


def update_elements(store: Store, changes: dict[str, dict]) -> None:
    """{element id: {field: value}} with the domain's field names (x, y, w, h, rotation...)."""
    with store.transaction():
        for element_id, fields in changes.items():
            if fields:
                store.update("map_elements", element_id, _columns(fields))


def remove_elements(store: Store, ids: list[str]) -> None:
    with store.transaction():
        for element_id in ids:
            store.soft_delete("map_elements", element_id)


def restore_elements(store: Store, ids: list[str]) -> None:
    with store.transaction():
        for element_id in ids:
            store.update("map_elements", element_id, {"deleted_at": None})


# -- the flow line ------------------------------------------------------------------------
def flow_line(store: Store, map_id: str) -> FlowLine | None:
    row = store.one(
        "SELECT * FROM flow_lines WHERE map_id = ? AND deleted_at IS NULL"
        " ORDER BY created_at, id LIMIT 1",
        (map_id,),
    )
    if row is None:
        return None
    try:
        points = [(float(x), float(y)) for x, y in json.loads(row["points"])]
    except (ValueError, TypeError):
        points = []
    return FlowLine(row["id"], map_id, row["name"], points)


def set_flow_points(store: Store, hall_id: str, map_id: str, points) -> str:
    """Stores the flow line's points (making the line when the map has none); its id."""
    text = json.dumps([[round(x, 3), round(y, 3)] for x, y in points])
    line = flow_line(store, map_id)
    if line is None:
        return store.insert("flow_lines", {"map_id": map_id, "points": text}, hall_id=hall_id)
    store.update("flow_lines", line.id, {"points": text})
    return line.id


# -- starters -----------------------------------------------------------------------------
def install_layout(store: Store, hall_id: str, layout: Layout) -> str:
    """Makes `layout` the hall's map (retiring the old one); returns the new map's id."""
    with store.transaction():
        map_id = create_map(
            store,
            hall_id,
            name=layout.name,
            width_m=layout.width,
            depth_m=layout.depth,
            grid_m=layout.grid,
            starter=layout.key,
        )
        add_elements(store, hall_id, map_id, [layouts.pasted([e], 0)[0] for e in layout.elements])
        set_flow_points(store, hall_id, map_id, layout.flow)
        for tp in layout.touchpoints:
            store.insert(
                "touchpoints",
                {
                    "map_id": map_id,
                    "code": tp.code,
                    "name": tp.name,
                    "name_en": tp.name_en,
                    "stage": tp.stage,
                    "standard": tp.standard,
                    "standard_en": tp.standard_en,
                    "role": tp.role,
                    "element": tp.element,
                    "x_m": tp.x,
                    "y_m": tp.y,
                },
                hall_id=hall_id,
            )
    return map_id


def install_starter(store: Store, hall_id: str, starter_name: str) -> str:
    """Lays down one of layout.STARTERS as the hall's map; returns the map's id."""
    return install_layout(store, hall_id, layouts.load_starter(starter_name))
