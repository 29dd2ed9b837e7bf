"""Touchpoints pinned on the hall map, and the data their status colour is worked out from.

Each function is one committed change. An inspection item names its touchpoint by code
(template_items.touchpoint), so the link survives template versions and template files.
The status data of a period (`status_inputs`) gathers, per touchpoint, the answers of its
linked items (linked now: the newest version of each template decides, so re-linking an
item moves its history along with it) in rounds of the period, the corrective actions of those items (and of
incidents at the touchpoint) that were open at the period's end, and the incidents logged
at it (drills excluded); `domain.touchpoints.status` turns them into a colour and reasons.

Interface notes (issue 5 contract): `Touchpoint` also carries `standard_en` (column added
to `_v4_touchpoint_map`), with a default so positional construction stays as agreed.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import asdict, dataclass, fields

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.touchpoints.status import (
    STAGES,
    ActionFact,
    AnswerFact,
    IncidentFact,
    Period,
    TouchpointFacts,
)
from hallsupervisor.storage.database import Store

EDITABLE = ("code", "name", "name_en", "stage", "standard", "standard_en", "role", "element",
            "x_m", "y_m")
CODE_PREFIX = "TP"
MAX_TEXT = 2000  # a standard longer than this is not a standard but a manual


CTX = "Touchpoints"
FIELD_LABELS = {
    "code": QT_TRANSLATE_NOOP("Touchpoints", "编号"),
    "name": QT_TRANSLATE_NOOP("Touchpoints", "名称"),
    "name_en": QT_TRANSLATE_NOOP("Touchpoints", "英文名称"),
    "stage": QT_TRANSLATE_NOOP("Touchpoints", "服务环节"),
    "standard": QT_TRANSLATE_NOOP("Touchpoints", "服务标准"),
    "standard_en": QT_TRANSLATE_NOOP("Touchpoints", "英文服务标准"),
    "role": QT_TRANSLATE_NOOP("Touchpoints", "责任岗位"),
    "element": QT_TRANSLATE_NOOP("Touchpoints", "满意度要素"),
}
CODE_IN_USE = QT_TRANSLATE_NOOP("Touchpoints", "编号 {code} 已被其他触点使用。")
CODE_FORBIDDEN = ",;\"'<>&\n\t"


class TouchpointError(ValueError):
    """Input the user can correct: `message` (a Message) says what to change, `str()` in
    Chinese; `key` names the field."""

    def __init__(self, key: str, text: str, **args):
        self.message = Message(CTX, text, args)
        super().__init__(str(self.message))
        self.key = key


@dataclass
class Touchpoint:
    id: str
    map_id: str
    code: str
    name: str
    name_en: str = ""
    stage: str = "serve"
    standard: str = ""
    role: str = ""
    element: str = ""
    x_m: float = 0.0
    y_m: float = 0.0
    standard_en: str = ""
    hall_id: str = ""

    def values(self) -> dict:
        """The editable fields, as update_touchpoint takes them."""
        data = asdict(self)
        return {k: data[k] for k in EDITABLE}


_COLUMNS = ", ".join(f.name for f in fields(Touchpoint))


def _from_row(row: dict) -> Touchpoint:
    return Touchpoint(**{f.name: row[f.name] for f in fields(Touchpoint)})


def _live(store: Store, column: str, value: str) -> list[Touchpoint]:
    rows = store.query(
        f"SELECT {_COLUMNS} FROM touchpoints WHERE {column} = ? AND deleted_at IS NULL "
        "ORDER BY code, created_at",
        (value,),
    )
    return [_from_row(r) for r in rows]


def list_touchpoints(store: Store, map_id: str) -> list[Touchpoint]:
    return _live(store, "map_id", map_id)


def list_hall_touchpoints(store: Store, hall_id: str) -> list[Touchpoint]:
    """Every live touchpoint of the hall (the template editor's picker)."""
    return _live(store, "hall_id", hall_id)


def get_touchpoint(store: Store, touchpoint_id: str) -> Touchpoint | None:
    row = store.one(
        f"SELECT {_COLUMNS} FROM touchpoints WHERE id = ? AND deleted_at IS NULL",
        (touchpoint_id,),
    )
    return _from_row(row) if row else None


def next_code(store: Store, hall_id: str) -> str:
    """"TP01", "TP02"...: one past the highest TPnn in use (deleted ones included, so an
    undone deletion gets its code back without a clash)."""
    highest = 0
    for (code,) in store.conn.execute(
        "SELECT code FROM touchpoints WHERE hall_id = ?", (hall_id,)
    ).fetchall():
        match = re.fullmatch(rf"{CODE_PREFIX}(\d+)", code or "")
        if match:
            highest = max(highest, int(match.group(1)))
    return f"{CODE_PREFIX}{highest + 1:02d}"


def code_in_use(store: Store, hall_id: str, code: str, *, except_id: str | None = None) -> bool:
    return bool(
        store.scalar(
            "SELECT 1 FROM touchpoints WHERE hall_id = ? AND code = ? AND deleted_at IS NULL "
            "AND id != ?",
            (hall_id, code, except_id or ""),
        )
    )


def clean_values(values: dict) -> dict:
    """Checks and tidies edited fields; raises TouchpointError with a Chinese message."""
    clean = {}
    for key, value in values.items():
        if key not in EDITABLE:
            raise TypeError(f"not a touchpoint field: {key}")
        if key in ("x_m", "y_m"):
            clean[key] = float(value)
            continue
        text = str(value or "").strip()
        if len(text) > MAX_TEXT:
            raise TouchpointError(
                key,
                QT_TRANSLATE_NOOP("Touchpoints", "{field}有 {count} 字，太长了：请压缩到 {limit} 字以内。"),
                field=Message(CTX, FIELD_LABELS[key]),
                count=len(text),
                limit=MAX_TEXT,
            )
        clean[key] = text
    if "name" in clean and not clean["name"]:
        raise TouchpointError("name", QT_TRANSLATE_NOOP("Touchpoints", "请填写触点名称。"))
    if "code" in clean:
        if not clean["code"]:
            raise TouchpointError("code", QT_TRANSLATE_NOOP("Touchpoints", "请填写触点编号。"))
        if len(clean["code"]) > 20 or any(c in clean["code"] for c in CODE_FORBIDDEN):
            raise TouchpointError(
                "code",
                QT_TRANSLATE_NOOP(
                    "Touchpoints", "编号最多 20 个字符，不能含逗号、分号、引号、尖括号、& 或换行。"
                ),
            )
    if "stage" in clean and clean["stage"] not in STAGES:
        raise TouchpointError(
            "stage", QT_TRANSLATE_NOOP("Touchpoints", "未知的服务环节：{stage}"), stage=clean["stage"]
        )
    return clean


def add_touchpoint(
    store: Store,
    hall_id: str,
    map_id: str,
    *,
    x_m: float,
    y_m: float,
    name: str,
    code: str | None = None,
    **fields_,
) -> str:
    """Pins a new touchpoint; the code is the next free "TPnn" when not given."""
    with store.transaction():
        code = code or next_code(store, hall_id)
        values = clean_values({"code": code, "name": name, "x_m": x_m, "y_m": y_m, **fields_})
        if code_in_use(store, hall_id, values["code"]):
            raise TouchpointError("code", CODE_IN_USE, code=values["code"])
        return store.insert("touchpoints", {"map_id": map_id, **values}, hall_id=hall_id)


def update_touchpoint(store: Store, touchpoint_id: str, **values) -> None:
    """Stores the changed fields. A new code is carried into the inspection items linked by
    the old one (every template version), so the touchpoint keeps its items and history; an
    undo that puts the old code back carries them back."""
    if not values:
        return
    clean = clean_values(values)
    with store.transaction():
        row = store.one("SELECT hall_id, code FROM touchpoints WHERE id = ?", (touchpoint_id,))
        if row is None:
            raise LookupError(touchpoint_id)
        if "code" in clean and code_in_use(
            store, row["hall_id"], clean["code"], except_id=touchpoint_id
        ):
            raise TouchpointError("code", CODE_IN_USE, code=clean["code"])
        store.update("touchpoints", touchpoint_id, clean)
        if clean.get("code", row["code"]) != row["code"] and row["code"]:
            linked = store.query(
                "SELECT id FROM template_items WHERE hall_id = ? AND touchpoint = ?",
                (row["hall_id"], row["code"]),
            )
            for item in linked:
                store.update("template_items", item["id"], {"touchpoint": clean["code"]})


def remove_touchpoint(store: Store, touchpoint_id: str) -> None:
    """Soft delete: the inspection items keep naming its code, and undo can restore it."""
    store.soft_delete("touchpoints", touchpoint_id)


def restore_touchpoint(store: Store, touchpoint_id: str) -> None:
    with store.transaction():
        row = store.one(
            "SELECT hall_id, code FROM touchpoints WHERE id = ?", (touchpoint_id,)
        )
        if row is None:
            raise LookupError(touchpoint_id)
        if code_in_use(store, row["hall_id"], row["code"], except_id=touchpoint_id):
            # Another touchpoint took the code meanwhile: the restored one gets a new code.
            store.update("touchpoints", touchpoint_id, {"code": next_code(store, row["hall_id"])})
        store.update("touchpoints", touchpoint_id, {"deleted_at": None})


# -- what the status is worked out from -----------------------------------------------------
def linked_items(store: Store, hall_id: str) -> dict[str, list[dict]]:
    """{touchpoint code: [{key, text, text_en, severity}]} from each family's newest version."""
    rows = store.query(
        "SELECT ti.touchpoint, ti.key, ti.text, ti.text_en, ti.severity, t.family_id, t.version "
        "FROM template_items ti JOIN templates t ON t.id = ti.template_id "
        "WHERE ti.hall_id = ? AND ti.touchpoint != '' AND t.deleted_at IS NULL "
        "AND t.version = (SELECT max(version) FROM templates t2 WHERE t2.family_id = t.family_id) "
        "ORDER BY t.family_id, ti.sort_order",
        (hall_id,),
    )
    result: dict[str, list[dict]] = {}
    for row in rows:
        result.setdefault(row["touchpoint"], []).append(row)
    return result


def status_inputs(
    store: Store, hall_id: str, touchpoints: list[Touchpoint], period: Period
) -> dict[str, TouchpointFacts]:
    """{touchpoint id: the facts of the period} for status.assess()."""
    from hallsupervisor.domain.inspection.model import (
        FAIL,
        NA,
        PASS,
        PASS_FAIL,
        Answer,
        TemplateItem,
    )
    from hallsupervisor.domain.inspection.scoring import evaluate

    by_code = {tp.code: tp for tp in touchpoints}
    facts = {tp.id: TouchpointFacts(tp.id, tp.code) for tp in touchpoints}
    if not touchpoints:
        return facts
    first, last = period.start.isoformat(), period.end.isoformat()
    linked = linked_items(store, hall_id)
    # (template family, item key) -> touchpoint code, as the templates link them now.
    current: dict[tuple[str, str], str] = {}
    for code, items in linked.items():
        for i in items:
            current[(i["family_id"], i["key"])] = code
        if code in by_code:
            facts[by_code[code].id].linked_items = [(i["key"], i["text"], i["text_en"]) for i in items]
    keys = sorted({key for _family, key in current})

    # Answers of linked items in the period's rounds (judged by the item as it was then).
    # Read as three small queries instead of one wide join: the answers as bare tuples, and
    # the items and rounds they refer to once each (a 90-day period has ~10,000 answers).
    if keys:
        marks = ", ".join("?" for _ in keys)
        items = {
            row[0]: row[1:]
            for row in store.conn.execute(
                "SELECT ti.id, t.family_id, ti.key, ti.text, ti.text_en, ti.severity, ti.weight, "
                "ti.answer_type, ti.minimum, ti.maximum FROM template_items ti "
                "JOIN templates t ON t.id = ti.template_id "
                f"WHERE ti.hall_id = ? AND ti.key IN ({marks})",
                (hall_id, *keys),
            )
        }
        rounds = {
            row[0]: (row[1], row[2] or "", _dt.date.fromisoformat(row[3]), row[4])
            for row in store.conn.execute(
                "SELECT r.id, r.name, p.name_en, r.round_date, r.started_at FROM rounds r "
                "LEFT JOIN round_plans p ON p.id = r.plan_id "
                "WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ?",
                (hall_id, first, last),
            )
        }
        rows = store.conn.execute(
            "SELECT a.item_id, a.round_id, a.result, a.value, a.note FROM answers a "
            "JOIN rounds r ON r.id = a.round_id "
            f"WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ? AND a.item_key IN ({marks}) "
            "ORDER BY r.round_date, r.started_at",
            (hall_id, first, last, *keys),
        ).fetchall()
    else:
        items, rounds, rows = {}, {}, []
    targets: dict[str, tuple] = {}  # item id -> (facts list, item fields, TemplateItem)
    for item_id, round_id, result, value, note in rows:
        target = targets.get(item_id)
        if target is None:
            info = items.get(item_id)
            tp = by_code.get(current.get((info[0], info[1]), "")) if info else None
            if tp is None:
                targets[item_id] = target = (None, None, None)
            else:
                family, key, text, text_en, severity, weight, kind, low, high = info
                item = TemplateItem(key=key, text=text, answer_type=kind, minimum=low, maximum=high)
                targets[item_id] = target = (facts[tp.id].answers, info, item)
        answers, info, item = target
        if answers is None:
            continue
        if item.answer_type == PASS_FAIL and result != NA:
            effective = result if result in (PASS, FAIL) else None
        else:
            effective = evaluate(item, Answer(item.key, result, value))
        if effective is None:
            continue
        round_name, round_name_en, round_date, started_at = rounds[round_id]
        answers.append(
            AnswerFact(
                round_id,
                round_name,
                round_date,
                started_at,
                info[1],
                info[2],
                info[3],
                effective,
                info[4],
                info[5],
                note,
                round_name_en,
            )
        )

    # Corrective actions of linked items (found by the round's template) or of incidents at
    # the touchpoint, found by the period's end and not yet closed then.
    rows = store.query(
        "SELECT ca.id, ca.title, ca.severity, ca.status, ca.found_on, ca.due_date, "
        "ca.closed_at, ca.item_key, ca.round_id, r.name AS round_name, r.round_date, "
        "p.name_en AS round_name_en, ti.text AS item_text, ti.text_en AS title_en, "
        "t.family_id, i.touchpoint_id AS incident_touchpoint, s.name AS owner_name "
        "FROM corrective_actions ca "
        "LEFT JOIN rounds r ON r.id = ca.round_id "
        "LEFT JOIN templates t ON t.id = r.template_id "
        "LEFT JOIN round_plans p ON p.id = r.plan_id "
        "LEFT JOIN template_items ti ON ti.template_id = r.template_id AND ti.key = ca.item_key "
        "LEFT JOIN incidents i ON i.id = ca.incident_id "
        "LEFT JOIN staff s ON s.id = ca.owner_id "
        "WHERE ca.hall_id = ? AND ca.status != 'withdrawn' AND ca.found_on <= ? "
        # Closed ones only when closed near or after the period's end (a UTC stamp: a day
        # of slack for the time zone; the exact local date is checked below).
        "AND (ca.status = 'open' OR ca.closed_at >= ?) "
        "ORDER BY ca.due_date, ca.found_on",
        (hall_id, last, (period.end - _dt.timedelta(days=1)).isoformat()),
    )
    ids = {tp.id for tp in touchpoints}
    for row in rows:
        target = None
        code = current.get((row["family_id"], row["item_key"]))
        if code in by_code:
            target = by_code[code].id
        elif row["incident_touchpoint"] in ids:
            target = row["incident_touchpoint"]
        if target is None:
            continue
        closed_on = _local_date(row["closed_at"]) if row["closed_at"] else None
        if row["status"] != "open" and (closed_on is None or closed_on <= period.end):
            continue  # closed by the period's end
        facts[target].actions.append(
            ActionFact(
                action_id=row["id"],
                title=row["title"],
                severity=row["severity"],
                found_on=_dt.date.fromisoformat(row["found_on"]),
                due_date=_dt.date.fromisoformat(row["due_date"]),
                round_id=row["round_id"],
                round_name=row["round_name"] or "",
                owner=row["owner_name"] or "",
                title_en=(row["title_en"] or "") if row["title"] == row["item_text"] else "",
                round_name_en=row["round_name_en"] or "",
            )
        )

    # Incidents logged at the touchpoint in the period (drills are practice, not service).
    rows = store.query(
        "SELECT i.id, i.touchpoint_id, i.title, json_extract(v.body, '$.title.en') AS title_en, "
        "i.status, i.started_at, i.closed_at FROM incidents i "
        "LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
        "WHERE i.hall_id = ? AND i.drill = 0 AND i.deleted_at IS NULL "
        "AND i.touchpoint_id IS NOT NULL",
        (hall_id,),
    )
    for row in rows:
        if row["touchpoint_id"] not in facts:
            continue
        started = _local_date(row["started_at"])
        if not period.start <= started <= period.end:
            continue
        closed = _local_date(row["closed_at"]) if row["closed_at"] else None
        facts[row["touchpoint_id"]].incidents.append(
            IncidentFact(
                incident_id=row["id"],
                title=row["title"],
                started_on=started,
                open_at_end=row["status"] == "open" or closed is None or closed > period.end,
                title_en=row["title_en"] or "",
            )
        )
    return facts


def _local_date(stamp: str) -> _dt.date:
    """A stored UTC ISO stamp (…Z) as the hall's local date; plain local stamps pass through."""
    text = stamp.strip()
    if text.endswith("Z") or "+" in text[10:]:
        moment = _dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        return moment.astimezone().date()
    return _dt.date.fromisoformat(text[:10])
