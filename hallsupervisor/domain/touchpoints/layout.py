"""The floor plan in metres: element kinds, zone and furniture types, starter layouts.

Coordinates are metres from the hall's top-left corner, x to the right and y downwards. An
element is a rectangle (x, y = its top-left corner before rotation, w, h) turned by
`rotation` degrees clockwise about its centre. Walls are long thin rectangles, doors the
gap they leave; zones are the functional areas; furniture the objects in them.
"""

from __future__ import annotations

import copy
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message

WALL, DOOR, ZONE, FURNITURE = "wall", "door", "zone", "furniture"
KINDS = {
    WALL: QT_TRANSLATE_NOOP("MapLayout", "墙"),
    DOOR: QT_TRANSLATE_NOOP("MapLayout", "门"),
    ZONE: QT_TRANSLATE_NOOP("MapLayout", "功能区"),
    FURNITURE: QT_TRANSLATE_NOOP("MapLayout", "设施"),
}

# The functional zones of a service hall, in the order a customer meets them.
ZONE_TYPES = {
    "entrance": QT_TRANSLATE_NOOP("MapLayout", "入口"),
    "guide_desk": QT_TRANSLATE_NOOP("MapLayout", "引导台"),
    "ticket_machine": QT_TRANSLATE_NOOP("MapLayout", "取号机"),
    "waiting": QT_TRANSLATE_NOOP("MapLayout", "等候区"),
    "counters": QT_TRANSLATE_NOOP("MapLayout", "业务柜台"),
    "self_service": QT_TRANSLATE_NOOP("MapLayout", "自助服务区"),
    "display": QT_TRANSLATE_NOOP("MapLayout", "展示宣传区"),
    "consultation": QT_TRANSLATE_NOOP("MapLayout", "咨询/VIP区"),
    "convenience": QT_TRANSLATE_NOOP("MapLayout", "便民服务角"),
    "back_office": QT_TRANSLATE_NOOP("MapLayout", "后台/员工区"),
    "exit": QT_TRANSLATE_NOOP("MapLayout", "出口"),
}

# Furniture and equipment, with the size a new one gets (w, h in metres).
FURNITURE_TYPES = {
    "counter": (QT_TRANSLATE_NOOP("MapLayout", "柜台"), 1.8, 0.8),
    "seat": (QT_TRANSLATE_NOOP("MapLayout", "座椅"), 0.5, 0.5),
    "bench": (QT_TRANSLATE_NOOP("MapLayout", "排椅"), 2.0, 0.6),
    "terminal": (QT_TRANSLATE_NOOP("MapLayout", "自助终端"), 0.6, 0.5),
    "ticket_kiosk": (QT_TRANSLATE_NOOP("MapLayout", "叫号机"), 0.6, 0.5),
    "screen": (QT_TRANSLATE_NOOP("MapLayout", "显示屏"), 1.6, 0.2),
    "desk": (QT_TRANSLATE_NOOP("MapLayout", "桌子"), 1.2, 0.6),
    "rack": (QT_TRANSLATE_NOOP("MapLayout", "资料架"), 0.8, 0.4),
    "water": (QT_TRANSLATE_NOOP("MapLayout", "饮水机"), 0.4, 0.4),
    "plant": (QT_TRANSLATE_NOOP("MapLayout", "绿植"), 0.5, 0.5),
}

# Sizes a new element of each kind gets when placed with a single click.
DEFAULT_SIZE = {WALL: (4.0, 0.24), DOOR: (1.2, 0.24), ZONE: (4.0, 3.0)}
MIN_SIZE_M = 0.1

STAGES = {
    "arrive": QT_TRANSLATE_NOOP("MapLayout", "到达"),
    "ticket": QT_TRANSLATE_NOOP("MapLayout", "取号"),
    "wait": QT_TRANSLATE_NOOP("MapLayout", "等候"),
    "serve": QT_TRANSLATE_NOOP("MapLayout", "办理"),
    "pay": QT_TRANSLATE_NOOP("MapLayout", "缴费"),
    "leave": QT_TRANSLATE_NOOP("MapLayout", "离开"),
}

# The starter layouts shipped in resources/layouts, in the order they are offered.
STARTERS = ("city_hall", "rural_station", "heating_hall", "telecom_hall")

ALIGNMENTS = ("left", "hcenter", "right", "top", "vcenter", "bottom")

BAD_LAYOUT = QT_TRANSLATE_NOOP("MapLayout", "布局文件无法读取：{reason}")


class LayoutError(ValueError):
    """A layout file that cannot be used; `message` is for the user."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.message = Message("MapLayout", BAD_LAYOUT, {"reason": reason})


@dataclass
class MapElement:
    """`label` is the element's own name (Chinese); built-in layouts carry its English in
    props["label_en"], which is dropped when the label is edited."""

    kind: str
    subtype: str = ""
    x: float = 0.0
    y: float = 0.0
    w: float = 1.0
    h: float = 1.0
    rotation: float = 0.0
    label: str = ""
    z: int = 0
    props: dict = field(default_factory=dict)
    id: str | None = None

    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2

    def bounds(self) -> tuple[float, float, float, float]:
        """The axis-aligned box (left, top, right, bottom) around the turned rectangle."""
        cx, cy = self.centre()
        angle = math.radians(self.rotation)
        cos, sin = abs(math.cos(angle)), abs(math.sin(angle))
        half_w = (self.w * cos + self.h * sin) / 2
        half_h = (self.w * sin + self.h * cos) / 2
        return cx - half_w, cy - half_h, cx + half_w, cy + half_h

    def geometry(self) -> dict:
        return {"x": self.x, "y": self.y, "w": self.w, "h": self.h, "rotation": self.rotation}

    def to_json(self) -> dict:
        data = {
            "kind": self.kind,
            "subtype": self.subtype,
            "x": self.x,
            "y": self.y,
            "w": self.w,
            "h": self.h,
        }
        if self.rotation:
            data["rotation"] = self.rotation
        if self.label:
            data["label"] = self.label
        if self.z:
            data["z"] = self.z
        if self.props:
            data["props"] = self.props
        return data


@dataclass
class StarterTouchpoint:
    code: str
    name: str
    name_en: str
    stage: str
    standard: str
    standard_en: str
    role: str
    element: str
    x: float
    y: float


@dataclass
class Layout:
    name: str
    name_en: str
    width: float
    depth: float
    grid: float = 0.5
    elements: list[MapElement] = field(default_factory=list)
    flow: list[tuple[float, float]] = field(default_factory=list)
    touchpoints: list[StarterTouchpoint] = field(default_factory=list)
    key: str = ""


def default_size(kind: str, subtype: str) -> tuple[float, float]:
    if kind == FURNITURE:
        _name, w, h = FURNITURE_TYPES.get(subtype, ("", 1.0, 1.0))
        return w, h
    return DEFAULT_SIZE.get(kind, (1.0, 1.0))


def default_z(kind: str) -> int:
    """Zones lie under furniture, walls and doors on top (a door is drawn over its wall)."""
    return {ZONE: 0, FURNITURE: 10, WALL: 20, DOOR: 30}.get(kind, 0)


def subtype_label(kind: str, subtype: str) -> str:
    """The untranslated (Chinese) name of a subtype; the GUI translates it in "MapLayout"."""
    if kind == ZONE:
        return ZONE_TYPES.get(subtype, subtype)
    if kind == FURNITURE:
        return FURNITURE_TYPES.get(subtype, (subtype,))[0]
    return KINDS.get(kind, kind)


# -- geometry helpers -----------------------------------------------------------------------
def snap(value: float, grid: float) -> float:
    """The nearest multiple of `grid` (rounded to the millimetre against float dust)."""
    if grid <= 0:
        return value
    return round(round(value / grid) * grid, 3)


def snap_point(x: float, y: float, grid: float) -> tuple[float, float]:
    return snap(x, grid), snap(y, grid)


def align(elements: list[MapElement], mode: str) -> list[tuple[float, float]]:
    """New top-left corners that line the elements' boxes up on the selection's box: left
    edges to the leftmost one, centres to the middle of the box, and so on. Returns one
    (x, y) per element, in order."""
    if mode not in ALIGNMENTS:
        raise ValueError(mode)
    boxes = [e.bounds() for e in elements]
    if not boxes:
        return []
    left = min(b[0] for b in boxes)
    top = min(b[1] for b in boxes)
    right = max(b[2] for b in boxes)
    bottom = max(b[3] for b in boxes)
    result = []
    for element, (bl, bt, br, bb) in zip(elements, boxes, strict=True):
        dx = dy = 0.0
        if mode == "left":
            dx = left - bl
        elif mode == "right":
            dx = right - br
        elif mode == "hcenter":
            dx = (left + right) / 2 - (bl + br) / 2
        elif mode == "top":
            dy = top - bt
        elif mode == "bottom":
            dy = bottom - bb
        else:
            dy = (top + bottom) / 2 - (bt + bb) / 2
        result.append((round(element.x + dx, 3), round(element.y + dy, 3)))
    return result


def pasted(elements: list[MapElement], offset: float) -> list[MapElement]:
    """Copies of `elements` without ids, moved by `offset` metres right and down."""
    copies = []
    for element in elements:
        twin = copy.deepcopy(element)
        twin.id = None
        twin.x = round(twin.x + offset, 3)
        twin.y = round(twin.y + offset, 3)
        copies.append(twin)
    return copies


def elements_to_json(elements: list[MapElement]) -> str:
    """The clipboard's text for copied elements."""
    return json.dumps({"hallsupervisor-map": 1, "elements": [e.to_json() for e in elements]})


def elements_from_json(text: str) -> list[MapElement]:
    """Elements from clipboard text; [] for anything that is not copied map elements."""
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        return []
    if not isinstance(data, dict) or data.get("hallsupervisor-map") != 1:
        return []
    try:
        return [_element(raw) for raw in data.get("elements", [])]
    except LayoutError:
        return []


# -- layout files --------------------------------------------------------------------------
def _number(raw: dict, key: str, default: float | None = None) -> float:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise LayoutError(f"“{key}” 应为数字")
    return float(value)


def _text(raw: dict, key: str, default: str = "", limit: int = 400) -> str:
    value = raw.get(key, default)
    if not isinstance(value, str):
        raise LayoutError(f"“{key}” 应为文字")
    if len(value) > limit:
        raise LayoutError(f"“{key}” 太长")
    return value


def _element(raw) -> MapElement:
    if not isinstance(raw, dict):
        raise LayoutError("元素应为对象")
    kind = raw.get("kind")
    if kind not in KINDS:
        raise LayoutError(f"未知的元素类型 {kind!r}")
    subtype = _text(raw, "subtype", limit=40)
    if kind == ZONE and subtype not in ZONE_TYPES:
        raise LayoutError(f"未知的功能区 {subtype!r}")
    if kind == FURNITURE and subtype not in FURNITURE_TYPES:
        raise LayoutError(f"未知的设施 {subtype!r}")
    w, h = _number(raw, "w"), _number(raw, "h")
    if w < MIN_SIZE_M or h < MIN_SIZE_M or w > 1000 or h > 1000:
        raise LayoutError("元素尺寸不合理")
    props = raw.get("props", {})
    if not isinstance(props, dict):
        raise LayoutError("“props” 应为对象")
    label_en = _text(raw, "label_en", limit=80)
    if label_en:
        props = {**props, "label_en": label_en}
    return MapElement(
        kind=kind,
        subtype=subtype,
        x=_number(raw, "x"),
        y=_number(raw, "y"),
        w=w,
        h=h,
        rotation=_number(raw, "rotation", 0.0) % 360,
        label=_text(raw, "label", limit=60),
        z=int(_number(raw, "z", default_z(kind))),
        props=props,
    )


def _touchpoint(raw) -> StarterTouchpoint:
    if not isinstance(raw, dict):
        raise LayoutError("触点应为对象")
    stage = _text(raw, "stage")
    if stage not in STAGES:
        raise LayoutError(f"未知的环节 {stage!r}")
    code = _text(raw, "code", limit=20).strip()
    name = _text(raw, "name", limit=60).strip()
    if not code or not name:
        raise LayoutError("触点需要编号和名称")
    return StarterTouchpoint(
        code=code,
        name=name,
        name_en=_text(raw, "name_en", limit=80),
        stage=stage,
        standard=_text(raw, "standard"),
        standard_en=_text(raw, "standard_en"),
        role=_text(raw, "role", limit=40),
        element=_text(raw, "element", limit=20),
        x=_number(raw, "x"),
        y=_number(raw, "y"),
    )


def parse_layout(data, key: str = "") -> Layout:
    """A layout from its JSON data; raises LayoutError for anything malformed."""
    if not isinstance(data, dict):
        raise LayoutError("文件内容应为对象")
    width, depth = _number(data, "width"), _number(data, "depth")
    if not (1 <= width <= 1000 and 1 <= depth <= 1000):
        raise LayoutError("大厅尺寸应在 1 到 1000 米之间")
    grid = _number(data, "grid", 0.5)
    if not 0.01 <= grid <= 10:
        raise LayoutError("网格应在 0.01 到 10 米之间")
    elements = data.get("elements", [])
    flow = data.get("flow", [])
    touchpoints = data.get("touchpoints", [])
    if not all(isinstance(v, list) for v in (elements, flow, touchpoints)):
        raise LayoutError("“elements”“flow”“touchpoints” 应为列表")
    points = []
    for point in flow:
        if not (isinstance(point, list) and len(point) == 2):
            raise LayoutError("动线的点应为 [x, y]")
        points.append((_number({"x": point[0]}, "x"), _number({"y": point[1]}, "y")))
    parsed_touchpoints = [_touchpoint(raw) for raw in touchpoints]
    codes = [t.code for t in parsed_touchpoints]
    if len(set(codes)) != len(codes):
        raise LayoutError("触点编号重复")
    return Layout(
        name=_text(data, "name", limit=60),
        name_en=_text(data, "name_en", limit=80),
        width=width,
        depth=depth,
        grid=grid,
        elements=[_element(raw) for raw in elements],
        flow=points,
        touchpoints=parsed_touchpoints,
        key=key,
    )


def layouts_dir() -> Path:
    from hallsupervisor import paths

    return paths.resources_dir() / "layouts"


def load_starter(key: str) -> Layout:
    """One of STARTERS, read from resources/layouts/<key>.json."""
    if key not in STARTERS:
        raise LayoutError(f"没有名为 {key!r} 的初始布局")
    path = layouts_dir() / f"{key}.json"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise LayoutError(str(exc)) from exc
    return parse_layout(data, key)


# The starter whose touchpoint codes a built-in pack's checklist names (its 触点 column).
PACK_STARTERS = {
    "electricity_hall": "city_hall",
    "electricity_rural": "rural_station",
    "heating_hall": "heating_hall",
    "telecom_hall": "telecom_hall",
}


def starter_for_hall_kind(kind: str, counters: int = 0, pack: str = "") -> str:
    """The starter a hall begins with: its built-in pack's, so the pack's checklist lights
    up its touchpoints; else by kind (a small electricity hall: the station)."""
    if pack in PACK_STARTERS:
        return PACK_STARTERS[pack]
    if kind == "heating":
        return "heating_hall"
    if kind == "telecom":
        return "telecom_hall"
    return "rural_station" if 0 < counters <= 3 else "city_hall"
