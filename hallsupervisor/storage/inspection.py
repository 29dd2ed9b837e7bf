"""Inspection records: template versions, the day plan, rounds, answers, photos, amendments,
corrective actions and the hash chain of signed rounds. Each function is one committed change.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field

from hallsupervisor.domain.inspection import actions as action_rules
from hallsupervisor.domain.inspection import chain
from hallsupervisor.domain.inspection.model import (
    FAIL,
    PASS,
    Answer,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.inspection.scoring import evaluate, score_round
from hallsupervisor.storage.database import Store, new_id, utc_now

OPEN = action_rules.ActionState.OPEN
VERIFIED = action_rules.ActionState.VERIFIED
WITHDRAWN = action_rules.ActionState.WITHDRAWN

ITEM_FIELDS = (
    "key",
    "text",
    "text_en",
    "guidance",
    "guidance_en",
    "category",
    "element",
    "weight",
    "severity",
    "photo_expected",
    "touchpoint",
    "answer_type",
    "minimum",
    "maximum",
    "unit",
)


class RoundLocked(Exception):
    """A signed round is read-only: corrections go through amend()."""


# -- templates ---------------------------------------------------------------------------------
def save_template(
    store: Store, hall_id: str, template: Template, *, family_id: str | None = None
) -> str:
    """Stores `template` as a new version (of `family_id`, or of a new family); returns its id."""
    with store.transaction():
        family_id = family_id or template.family_id or new_id()
        version = store.scalar(
            "SELECT coalesce(max(version), 0) + 1 FROM templates WHERE family_id = ?", (family_id,)
        )
        template_id = store.insert(
            "templates",
            {
                "family_id": family_id,
                "version": version,
                "name": template.name,
                "name_en": template.name_en,
                "pack": template.pack,
            },
            hall_id=hall_id,
        )
        for section_order, section in enumerate(template.sections):
            section_id = store.insert(
                "template_sections",
                {
                    "template_id": template_id,
                    "key": section.key,
                    "title": section.title,
                    "title_en": section.title_en,
                    "sort_order": section_order,
                },
                hall_id=hall_id,
            )
            for item_order, item in enumerate(section.items):
                _insert_item(store, hall_id, template_id, section_id, item, item_order)
    template.id, template.family_id, template.version = template_id, family_id, version
    return template_id


def _insert_item(store, hall_id, template_id, section_id, item: TemplateItem, order: int) -> str:
    values = {name: getattr(item, name) for name in ITEM_FIELDS}
    values["photo_expected"] = int(bool(item.photo_expected))
    item.id = store.insert(
        "template_items",
        {"template_id": template_id, "section_id": section_id, "sort_order": order, **values},
        hall_id=hall_id,
    )
    return item.id


def load_template(store: Store, template_id: str) -> Template:
    row = store.one("SELECT * FROM templates WHERE id = ?", (template_id,))
    if row is None:
        raise LookupError(template_id)
    sections = {
        s["id"]: TemplateSection(s["key"], s["title"], s["title_en"], [], s["id"])
        for s in store.query(
            "SELECT * FROM template_sections WHERE template_id = ? ORDER BY sort_order",
            (template_id,),
        )
    }
    for r in store.query(
        "SELECT * FROM template_items WHERE template_id = ? ORDER BY sort_order", (template_id,)
    ):
        values = {name: r[name] for name in ITEM_FIELDS}
        values["photo_expected"] = bool(values["photo_expected"])
        sections[r["section_id"]].items.append(TemplateItem(**values, id=r["id"]))
    return Template(
        row["name"],
        row["name_en"],
        list(sections.values()),
        row["pack"],
        row["family_id"],
        row["version"],
        row["id"],
    )


@dataclass
class TemplateSummary:
    family_id: str
    template_id: str  # the newest version
    name: str
    name_en: str
    version: int
    items: int
    pack: str


def list_templates(store: Store, hall_id: str) -> list[TemplateSummary]:
    rows = store.query(
        "SELECT t.*, (SELECT count(*) FROM template_items i WHERE i.template_id = t.id) AS items "
        "FROM templates t WHERE t.hall_id = ? AND t.deleted_at IS NULL AND t.version = ("
        " SELECT max(version) FROM templates u WHERE u.family_id = t.family_id) "
        "ORDER BY t.created_at",
        (hall_id,),
    )
    return [
        TemplateSummary(
            r["family_id"], r["id"], r["name"], r["name_en"], r["version"], r["items"], r["pack"]
        )
        for r in rows
    ]


def latest_version_id(store: Store, family_id: str) -> str | None:
    return store.scalar(
        "SELECT id FROM templates WHERE family_id = ? ORDER BY version DESC LIMIT 1", (family_id,)
    )


def family_of_name(store: Store, hall_id: str, name: str) -> str | None:
    return store.scalar(
        "SELECT family_id FROM templates WHERE hall_id = ? AND name = ? AND deleted_at IS NULL "
        "ORDER BY version DESC LIMIT 1",
        (hall_id, name),
    )


def template_in_use(store: Store, template_id: str) -> bool:
    return bool(store.scalar("SELECT 1 FROM rounds WHERE template_id = ? LIMIT 1", (template_id,)))


def editable_version(store: Store, family_id: str) -> str:
    """The version edits go to: the newest, or a fresh copy of it once a round has used it."""
    newest = latest_version_id(store, family_id)
    if not template_in_use(store, newest):
        return newest
    template = load_template(store, newest)
    hall_id = store.scalar("SELECT hall_id FROM templates WHERE id = ?", (newest,))
    return save_template(store, hall_id, template, family_id=family_id)


def _section_id(store: Store, template_id: str, section_key: str) -> str:
    section_id = store.scalar(
        "SELECT id FROM template_sections WHERE template_id = ? AND key = ?",
        (template_id, section_key),
    )
    if section_id is None:
        raise LookupError(section_key)
    return section_id


def _place(
    store: Store, table: str, parent_column: str, parent_id: str, record_id: str, index: int
) -> None:
    """Puts a record at `index` among its siblings (same parent) and renumbers them."""
    ids = [
        r["id"]
        for r in store.query(
            f"SELECT id FROM {table} WHERE {parent_column} = ? ORDER BY sort_order", (parent_id,)
        )
        if r["id"] != record_id
    ]
    ids.insert(max(0, min(index, len(ids))), record_id)
    for order, sibling in enumerate(ids):
        store.execute(f"UPDATE {table} SET sort_order = ? WHERE id = ?", (order, sibling))


# Edits address sections and items by key, so they apply to whichever version is editable.
def update_item(store: Store, family_id: str, item_key: str, **values) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        if "photo_expected" in values:
            values["photo_expected"] = int(bool(values["photo_expected"]))
        sets = ", ".join(f'"{k}" = ?' for k in values)
        store.execute(
            f"UPDATE template_items SET {sets}, updated_at = ? WHERE template_id = ? AND key = ?",
            (*values.values(), utc_now(), template_id, item_key),
        )
    return template_id


def insert_item(
    store: Store, family_id: str, section_key: str, item: TemplateItem, index: int
) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        hall_id = store.scalar("SELECT hall_id FROM templates WHERE id = ?", (template_id,))
        section_id = _section_id(store, template_id, section_key)
        _insert_item(store, hall_id, template_id, section_id, item, 10_000)
        _place(store, "template_items", "section_id", section_id, item.id, index)
    return template_id


def remove_item(store: Store, family_id: str, item_key: str) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        store.execute(
            "DELETE FROM template_items WHERE template_id = ? AND key = ?", (template_id, item_key)
        )
    return template_id


def move_item(store: Store, family_id: str, item_key: str, section_key: str, index: int) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        item_id = store.scalar(
            "SELECT id FROM template_items WHERE template_id = ? AND key = ?",
            (template_id, item_key),
        )
        section_id = _section_id(store, template_id, section_key)
        store.execute(
            "UPDATE template_items SET section_id = ? WHERE id = ?", (section_id, item_id)
        )
        _place(store, "template_items", "section_id", section_id, item_id, index)
    return template_id


def insert_section(store: Store, family_id: str, section: TemplateSection, index: int) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        hall_id = store.scalar("SELECT hall_id FROM templates WHERE id = ?", (template_id,))
        section_id = store.insert(
            "template_sections",
            {
                "template_id": template_id,
                "key": section.key,
                "title": section.title,
                "title_en": section.title_en,
                "sort_order": 10_000,
            },
            hall_id=hall_id,
        )
        for order, item in enumerate(section.items):
            _insert_item(store, hall_id, template_id, section_id, item, order)
        _place(store, "template_sections", "template_id", template_id, section_id, index)
    return template_id


def update_section(store: Store, family_id: str, section_key: str, **values) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        sets = ", ".join(f'"{k}" = ?' for k in values)
        store.execute(
            f"UPDATE template_sections SET {sets}, updated_at = ? WHERE template_id = ? AND key = ?",
            (*values.values(), utc_now(), template_id, section_key),
        )
    return template_id


def remove_section(store: Store, family_id: str, section_key: str) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        section_id = _section_id(store, template_id, section_key)
        store.execute("DELETE FROM template_items WHERE section_id = ?", (section_id,))
        store.execute("DELETE FROM template_sections WHERE id = ?", (section_id,))
    return template_id


def move_section(store: Store, family_id: str, section_key: str, index: int) -> str:
    with store.transaction():
        template_id = editable_version(store, family_id)
        section_id = _section_id(store, template_id, section_key)
        _place(store, "template_sections", "template_id", template_id, section_id, index)
    return template_id


# -- day plan ------------------------------------------------------------------------------------
@dataclass
class PlanEntry:
    id: str
    name: str
    name_en: str
    time: str
    template_family_id: str


def day_plan(store: Store, hall_id: str) -> list[PlanEntry]:
    return [
        PlanEntry(r["id"], r["name"], r["name_en"], r["time"], r["template_family_id"])
        for r in store.query(
            "SELECT * FROM round_plans WHERE hall_id = ? AND deleted_at IS NULL ORDER BY time, sort_order",
            (hall_id,),
        )
    ]


def add_plan_entry(
    store: Store, hall_id: str, name: str, time: str, family_id: str, name_en: str = ""
) -> str:
    return store.insert(
        "round_plans",
        {"name": name, "name_en": name_en, "time": time, "template_family_id": family_id},
        hall_id=hall_id,
    )


def update_plan_entry(store: Store, entry_id: str, **values) -> None:
    store.update("round_plans", entry_id, values)


def remove_plan_entry(store: Store, entry_id: str) -> None:
    store.soft_delete("round_plans", entry_id)


# -- rounds and answers --------------------------------------------------------------------------------
@dataclass
class RoundRecord:
    id: str
    hall_id: str
    name: str
    round_date: str
    planned_time: str
    plan_id: str | None
    template: Template
    answers: dict[str, Answer] = field(default_factory=dict)  # by item key
    started_at: str = ""
    completed_at: str | None = None
    signed_at: str | None = None
    signed_by_name: str = ""
    score: float | None = None

    @property
    def signed(self) -> bool:
        return self.signed_at is not None


def start_round(
    store: Store,
    hall_id: str,
    *,
    name: str,
    round_date: _dt.date,
    template_id: str,
    planned_time: str = "",
    plan_id: str | None = None,
    started_at: _dt.datetime | None = None,
) -> str:
    """Opens a round; the unfinished round of the same plan entry and day is reused."""
    if plan_id:
        existing = store.scalar(
            "SELECT id FROM rounds WHERE plan_id = ? AND round_date = ? ORDER BY started_at DESC LIMIT 1",
            (plan_id, round_date.isoformat()),
        )
        if existing:
            return existing
    item_count = store.scalar(
        "SELECT count(*) FROM template_items WHERE template_id = ?", (template_id,)
    )
    return store.insert(
        "rounds",
        {
            "plan_id": plan_id,
            "name": name,
            "round_date": round_date.isoformat(),
            "planned_time": planned_time,
            "template_id": template_id,
            "started_at": _local(started_at),
            "unanswered": item_count,
        },
        hall_id=hall_id,
    )


def _local(moment: _dt.datetime | None) -> str:
    return (moment or _dt.datetime.now()).strftime("%Y-%m-%d %H:%M:%S")


def load_round(store: Store, round_id: str, template: Template | None = None) -> RoundRecord:
    row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
    if row is None:
        raise LookupError(round_id)
    template = template or load_template(store, row["template_id"])
    answers = {
        r["item_key"]: Answer(r["item_key"], r["result"], r["value"], r["note"], r["id"])
        for r in store.query("SELECT * FROM answers WHERE round_id = ?", (round_id,))
    }
    return RoundRecord(
        row["id"],
        row["hall_id"],
        row["name"],
        row["round_date"],
        row["planned_time"],
        row["plan_id"],
        template,
        answers,
        row["started_at"],
        row["completed_at"],
        row["signed_at"],
        row["signed_by_name"],
        row["score"],
    )


def set_answer(
    store: Store,
    round_id: str,
    item: TemplateItem,
    result: str | None,
    *,
    value: str = "",
    note: str = "",
    at: _dt.datetime | None = None,
    template: Template | None = None,
) -> str:
    """Stores one answer at once, keeps the round's score current and the actions in step.

    `template` is the round's template when the caller has it loaded already."""
    with store.transaction():
        round_row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
        if round_row["signed_at"]:
            raise RoundLocked(round_id)
        hall_id = round_row["hall_id"]
        existing = store.one(
            "SELECT * FROM answers WHERE round_id = ? AND item_id = ?", (round_id, item.id)
        )
        now = _local(at)
        if existing:
            answer_id = existing["id"]
            store.update(
                "answers",
                answer_id,
                {"result": result, "value": value, "note": note, "answered_at": now},
            )
        else:
            answer_id = store.insert(
                "answers",
                {
                    "round_id": round_id,
                    "item_id": item.id,
                    "item_key": item.key,
                    "result": result,
                    "value": value,
                    "note": note,
                    "answered_at": now,
                },
                hall_id=hall_id,
            )
        record = load_round(store, round_id, template)
        effective = evaluate(item, record.answers[item.key])
        _sync_action(store, record, item, answer_id, effective, note)
        _refresh_summary(store, record)
    return answer_id


def _sync_action(
    store: Store, record: RoundRecord, item: TemplateItem, answer_id: str, result, note: str
) -> None:
    """A failure opens a corrective action; a pass later verifies the open ones for the item."""
    own = store.one(
        "SELECT * FROM corrective_actions WHERE answer_id = ? AND status = ?", (answer_id, OPEN)
    )
    if result == FAIL:
        recurring = store.scalar(
            "SELECT 1 FROM corrective_actions WHERE hall_id = ? AND item_key = ? AND status = ? "
            "AND (answer_id IS NULL OR answer_id != ?)",
            (record.hall_id, item.key, OPEN, answer_id),
        )
        if own is None and not recurring:
            # One open action per item: a fault found again while its action is still
            # open is the same fault, not a new task.
            found_on = _dt.date.fromisoformat(record.round_date)
            store.insert(
                "corrective_actions",
                {
                    "round_id": record.id,
                    "answer_id": answer_id,
                    "item_key": item.key,
                    "title": item.text,
                    "note": note,
                    "severity": item.severity,
                    "found_on": found_on.isoformat(),
                    "due_date": action_rules.default_due_date(item.severity, found_on).isoformat(),
                },
                hall_id=record.hall_id,
            )
        elif own is not None:
            store.update("corrective_actions", own["id"], {"note": note})
        return
    if own is not None:
        # The failure was keyed in error and corrected in the same round: the action stays on
        # record as withdrawn rather than vanishing.
        store.update(
            "corrective_actions",
            own["id"],
            {
                "status": WITHDRAWN,
                "closed_at": utc_now(),
                "closing_note": "录入更正：本轮改为非不合格",
            },
        )
    if result == PASS:
        earlier = store.query(
            "SELECT a.id FROM corrective_actions a JOIN rounds r ON r.id = a.round_id "
            "WHERE a.hall_id = ? AND a.item_key = ? AND a.status = ? AND a.round_id != ? "
            "AND (r.round_date < ? OR (r.round_date = ? AND r.started_at < ?))",
            (
                record.hall_id,
                item.key,
                OPEN,
                record.id,
                record.round_date,
                record.round_date,
                record.started_at,
            ),
        )
        for action in earlier:
            store.update(
                "corrective_actions",
                action["id"],
                {
                    "status": VERIFIED,
                    "closed_at": utc_now(),
                    "closing_round_id": record.id,
                    "closing_note": f"复查合格：{record.round_date} {record.name}",
                },
            )


def _refresh_summary(store: Store, record: RoundRecord) -> None:
    score = score_round(record.template, record.answers)
    values = {
        "score": score.score,
        "section_scores": json.dumps(score.sections),
        "passed": score.passed,
        "failed": score.failed,
        "not_applicable": score.not_applicable,
        "unanswered": score.unanswered,
    }
    if score.unanswered == 0 and record.completed_at is None:
        values["completed_at"] = _local(None)
    elif score.unanswered and record.completed_at is not None:
        values["completed_at"] = None
    store.update("rounds", record.id, values)


def resume_position(record: RoundRecord) -> int:
    """The index of the first unanswered item: where a reopened round carries on."""
    for index, item in enumerate(record.template.items()):
        answer = record.answers.get(item.key)
        if answer is None or (answer.result is None and not answer.value):
            return index
    return len(record.template.items())


# -- photos ----------------------------------------------------------------------------------------------
def add_photo(
    store: Store,
    answer_id: str,
    data: bytes,
    thumbnail: bytes,
    width: int,
    height: int,
    mime: str = "image/jpeg",
) -> str:
    hall_id = store.scalar("SELECT hall_id FROM answers WHERE id = ?", (answer_id,))
    return store.insert(
        "photos",
        {
            "answer_id": answer_id,
            "mime": mime,
            "data": data,
            "thumbnail": thumbnail,
            "width": width,
            "height": height,
        },
        hall_id=hall_id,
    )


def photos_of(store: Store, answer_id: str, *, full: bool = False) -> list[dict]:
    columns = "id, mime, thumbnail, width, height" + (", data" if full else "")
    return store.query(
        f"SELECT {columns} FROM photos WHERE answer_id = ? AND deleted_at IS NULL ORDER BY created_at",
        (answer_id,),
    )


# -- sign-off, amendments and the chain ------------------------------------------------------------------
def sign_round(
    store: Store,
    round_id: str,
    signer_name: str,
    signer_id: str | None = None,
    at: _dt.datetime | None = None,
) -> None:
    with store.transaction():
        row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
        if row["signed_at"]:
            raise RoundLocked(round_id)
        store.update(
            "rounds",
            round_id,
            {"signed_at": _local(at), "signed_by": signer_id, "signed_by_name": signer_name},
        )
        _append_chain(store, row["hall_id"], "round", round_id, round_payload(store, round_id))


def amend(
    store: Store,
    round_id: str,
    item: TemplateItem,
    *,
    result: str | None,
    value: str = "",
    note: str = "",
    reason: str,
    by_name: str,
    at: _dt.datetime | None = None,
) -> str:
    """Corrects a signed round: the answer changes, the old one is kept with the reason."""
    if not reason.strip():
        raise ValueError("an amendment needs a reason")
    with store.transaction():
        row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
        answer = store.one(
            "SELECT * FROM answers WHERE round_id = ? AND item_id = ?", (round_id, item.id)
        )
        amendment_id = store.insert(
            "amendments",
            {
                "round_id": round_id,
                "answer_id": answer["id"],
                "item_key": item.key,
                "old_result": answer["result"],
                "old_value": answer["value"],
                "old_note": answer["note"],
                "new_result": result,
                "new_value": value,
                "new_note": note,
                "reason": reason.strip(),
                "by_name": by_name,
                "at": _local(at),
            },
            hall_id=row["hall_id"],
        )
        store.update("answers", answer["id"], {"result": result, "value": value, "note": note})
        record = load_round(store, round_id)
        effective = evaluate(item, record.answers[item.key])
        _sync_action(store, record, item, answer["id"], effective, note)
        _refresh_summary(store, record)
        _append_chain(
            store, row["hall_id"], "amendment", amendment_id, amendment_payload(store, amendment_id)
        )
    return amendment_id


def amendments_of(store: Store, round_id: str) -> list[dict]:
    return store.query(
        "SELECT * FROM amendments WHERE round_id = ? ORDER BY at, created_at", (round_id,)
    )


def round_payload(store: Store, round_id: str) -> dict | None:
    """The round as it was signed: today's answers with later amendments undone."""
    row = store.one("SELECT * FROM rounds WHERE id = ?", (round_id,))
    if row is None or not row["signed_at"]:
        return None
    answers = {
        a["item_key"]: {
            "item_key": a["item_key"],
            "result": a["result"],
            "value": a["value"],
            "note": a["note"],
        }
        for a in store.query("SELECT * FROM answers WHERE round_id = ?", (round_id,))
    }
    for amendment in reversed(amendments_of(store, round_id)):
        answers[amendment["item_key"]].update(
            result=amendment["old_result"], value=amendment["old_value"], note=amendment["old_note"]
        )
    return chain.round_payload(dict(row), sorted(answers.values(), key=lambda a: a["item_key"]))


def amendment_payload(store: Store, amendment_id: str) -> dict | None:
    row = store.one("SELECT * FROM amendments WHERE id = ?", (amendment_id,))
    return None if row is None else chain.amendment_payload(dict(row))


def _append_chain(store: Store, hall_id: str, kind: str, ref_id: str, payload: dict) -> None:
    last = store.one(
        "SELECT seq, hash FROM audit_chain WHERE hall_id = ? ORDER BY seq DESC LIMIT 1", (hall_id,)
    )
    seq = (last["seq"] + 1) if last else 1
    prev = last["hash"] if last else chain.GENESIS
    digest = chain.payload_hash(payload)
    store.insert(
        "audit_chain",
        {
            "seq": seq,
            "kind": kind,
            "ref_id": ref_id,
            "payload_hash": digest,
            "prev_hash": prev,
            "hash": chain.link(prev, digest, seq, kind),
        },
        hall_id=hall_id,
    )


def verify_chain(store: Store, hall_id: str) -> list:
    entries = [
        chain.ChainEntry(
            r["seq"], r["kind"], r["ref_id"], r["payload_hash"], r["prev_hash"], r["hash"]
        )
        for r in store.query("SELECT * FROM audit_chain WHERE hall_id = ? ORDER BY seq", (hall_id,))
    ]

    def recompute(entry):
        if entry.kind == "round":
            return round_payload(store, entry.ref_id)
        return amendment_payload(store, entry.ref_id)

    return chain.verify_chain(entries, recompute)


# -- corrective actions ------------------------------------------------------------------------------------
def verify_action(store: Store, action_id: str, note: str, by_name: str) -> None:
    """Closes an action by an explicit verification; a note saying what was checked is required."""
    if not note.strip():
        raise ValueError("a verification needs a note")
    row = store.one("SELECT status FROM corrective_actions WHERE id = ?", (action_id,))
    if row is None or row["status"] != OPEN:
        raise ValueError("only open actions can be verified")
    store.update(
        "corrective_actions",
        action_id,
        {
            "status": VERIFIED,
            "closed_at": utc_now(),
            "closed_by": by_name,
            "closing_note": note.strip(),
        },
    )


def update_action(store: Store, action_id: str, **values) -> None:
    """Owner and due date can change while an action is open."""
    allowed = {"owner_id", "due_date", "note"}
    if set(values) - allowed:
        raise ValueError(f"cannot change {set(values) - allowed}")
    store.update("corrective_actions", action_id, values)


def list_actions(store: Store, hall_id: str, *, status: str | None = OPEN) -> list[dict]:
    sql = (
        "SELECT a.*, s.name AS owner_name, r.name AS round_name, i.title AS incident_title, "
        "json_extract(v.body, '$.title.en') AS incident_title_en, "
        "i.started_at AS incident_started_at, i.drill AS incident_drill "
        "FROM corrective_actions a "
        "LEFT JOIN staff s ON s.id = a.owner_id LEFT JOIN rounds r ON r.id = a.round_id "
        "LEFT JOIN incidents i ON i.id = a.incident_id "
        "LEFT JOIN playbook_versions v ON v.id = i.playbook_version_id "
        "WHERE a.hall_id = ?"
    )
    params: list = [hall_id]
    if status:
        sql += " AND a.status = ?"
        params.append(status)
    return store.query(sql + " ORDER BY a.due_date, a.found_on, a.created_at", params)


# -- built-in content ------------------------------------------------------------------------------------
PACK_TEMPLATE_FILE = "inspection.csv"


def install_pack_inspection(store: Store, hall_id: str, pack) -> str | None:
    """Gives a new hall its pack's checklist template and the default day plan.

    Returns the template family id, or None when the pack has no checklist. Does nothing
    when the hall already has templates (a re-run must not duplicate them).
    """
    from hallsupervisor.domain.inspection.dayplan import DEFAULT_PLAN
    from hallsupervisor.domain.inspection.template_file import parse_template

    existing = list_templates(store, hall_id)
    if existing:
        return existing[0].family_id
    source = pack.folder / PACK_TEMPLATE_FILE
    if not source.exists():
        return None
    template = parse_template(source.read_bytes())
    template.pack = pack.id
    with store.transaction():
        save_template(store, hall_id, template)
        if not day_plan(store, hall_id):
            for planned in DEFAULT_PLAN:
                add_plan_entry(
                    store, hall_id, planned.name, planned.time, template.family_id, planned.name_en
                )
    return template.family_id
