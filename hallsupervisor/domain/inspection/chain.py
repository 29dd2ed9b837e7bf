"""Tamper evidence for signed rounds and their amendments: a hash chain.

Each signed round or amendment adds an entry holding the hash of its payload and the hash of
the entry before it. Changing a signed record in the database afterwards, or deleting or
reordering entries, breaks the chain at that point. It is evidence, not protection: someone
who rewrites the whole chain with this code is not caught, and removing the last entries
needs an outside record of the chain's length or last hash to be seen.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import json
import math
from collections.abc import Callable
from dataclasses import dataclass

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message

CTX = "Inspection"
GENESIS = "0" * 64  # the prev_hash of the first entry
FIRST_SEQ = 1

ROUND = "round"
AMENDMENT = "amendment"

ROUND_FIELDS = ("id", "round_date", "name", "template_id", "signed_by_name", "signed_at")
ANSWER_FIELDS = ("item_key", "result", "value", "note")
AMENDMENT_FIELDS = (
    "id",
    "round_id",
    "item_key",
    "old_result",
    "old_value",
    "old_note",
    "new_result",
    "new_value",
    "new_note",
    "reason",
    "by_name",
    "at",
)


def _stable(value):
    """JSON-ready values that hash the same however the database hands them back."""
    if isinstance(value, dict):
        return {str(k): _stable(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_stable(v) for v in value]
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError("a signed payload cannot hold NaN or infinity")
        # 3.0 read back from a REAL column must hash like the 3 that was signed.
        return int(value) if value.is_integer() else value
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if value is None or isinstance(value, (str, int, bool)):
        return value
    raise TypeError(f"cannot sign a {type(value).__name__}")


def canonical(payload: dict) -> bytes:
    """One byte string per payload: sorted keys, UTF-8, no spaces, floats by shortest repr."""
    text = json.dumps(_stable(payload), sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return text.encode("utf-8")


def payload_hash(payload: dict) -> str:
    return hashlib.sha256(canonical(payload)).hexdigest()


def link(prev_hash: str, payload_hash: str, seq: int, kind: str) -> str:
    """An entry's own hash; seq and kind are inside, so moving or relabelling an entry shows."""
    fields = {"prev_hash": prev_hash, "payload_hash": payload_hash, "seq": seq, "kind": kind}
    return hashlib.sha256(canonical(fields)).hexdigest()


@dataclass(frozen=True)
class ChainEntry:
    seq: int
    kind: str  # ROUND or AMENDMENT
    ref_id: str  # the round's or the amendment's id
    payload_hash: str
    prev_hash: str
    hash: str


def next_entry(previous: ChainEntry | None, kind: str, ref_id: str, payload: dict) -> ChainEntry:
    """The entry to append after `previous` (None for the first entry of the chain)."""
    seq = previous.seq + 1 if previous else FIRST_SEQ
    prev_hash = previous.hash if previous else GENESIS
    digest = payload_hash(payload)
    return ChainEntry(seq, kind, ref_id, digest, prev_hash, link(prev_hash, digest, seq, kind))


@dataclass(frozen=True)
class ChainProblem:
    seq: int
    ref_id: str
    kind: str
    message: Message


def _problem(problems: list, entry: ChainEntry, text: str, **args) -> None:
    message = Message(CTX, text, {"seq": entry.seq, **args})
    problems.append(ChainProblem(entry.seq, entry.ref_id, entry.kind, message))


def verify_chain(
    entries: list[ChainEntry], recompute: Callable[[ChainEntry], dict | None]
) -> list[ChainProblem]:
    """Problems in the whole chain, given in stored order (by seq); empty when intact.

    `recompute` builds the entry's payload from the database as it is now, or returns None
    when the record is gone.
    """
    problems: list[ChainProblem] = []
    expected_seq, expected_prev = FIRST_SEQ, GENESIS
    for entry in entries:
        if entry.seq > expected_seq:
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {seq} 条签名记录之前缺少 {count} 条记录，可能被删除了。"
                ),
                count=entry.seq - expected_seq,
            )
        elif entry.seq < expected_seq:
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {seq} 条签名记录的位置不对，这里应为第 {expected} 条。"
                ),
                expected=expected_seq,
            )
        elif entry.prev_hash != expected_prev:  # a gap or a bad position already explains it
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP("Inspection", "第 {seq} 条签名记录与前一条接不上。"),
            )
        if entry.hash != link(entry.prev_hash, entry.payload_hash, entry.seq, entry.kind):
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP("Inspection", "第 {seq} 条签名记录本身被改动过，校验值不符。"),
            )
        payload = recompute(entry)
        if payload is None:
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {seq} 条签名记录对应的内容（{ref_id}）已不存在。"
                ),
                ref_id=entry.ref_id,
            )
        elif payload_hash(payload) != entry.payload_hash:
            _problem(
                problems,
                entry,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "第 {seq} 条签名记录对应的内容（{ref_id}）在签名后被改动过，改动不是在本软件中做的。",
                ),
                ref_id=entry.ref_id,
            )
        # Carry on from this entry, so one break is reported once rather than at every entry;
        # an entry out of place is skipped, so the ones after it still link up.
        if entry.seq >= expected_seq:
            expected_seq, expected_prev = entry.seq + 1, entry.hash
    return problems


def round_payload(round_fields: dict, answers: list[dict]) -> dict:
    """What a round's signature covers.

    From the round: id, round_date, name, template_id, signed_by_name, signed_at; and every
    answer's item_key, result, value and note, sorted by item_key. Other keys are ignored, so
    adding a column to the database does not change old hashes. Build it from database rows
    both when signing and when checking; a missing field raises KeyError.
    """
    payload = {name: round_fields[name] for name in ROUND_FIELDS}
    payload["answers"] = sorted(
        ({name: answer[name] for name in ANSWER_FIELDS} for answer in answers),
        key=lambda answer: answer["item_key"],
    )
    return payload


def amendment_payload(amendment_fields: dict) -> dict:
    """What an amendment's signature covers: id, round_id, item_key, old_result, old_value,
    old_note, new_result, new_value, new_note, reason, by_name, at. Other keys are ignored."""
    return {name: amendment_fields[name] for name in AMENDMENT_FIELDS}
