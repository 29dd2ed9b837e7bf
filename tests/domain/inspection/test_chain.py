"""The hash chain over signed rounds and amendments catches changes made behind the app."""

from __future__ import annotations

import copy
import dataclasses
import datetime as dt
import hashlib

import pytest

from hallsupervisor.domain.inspection.chain import (
    AMENDMENT,
    GENESIS,
    ROUND,
    ChainEntry,
    amendment_payload,
    canonical,
    link,
    next_entry,
    payload_hash,
    round_payload,
    verify_chain,
)
from tests.domain.inspection.markers import assert_marked


def test_canonical_is_sorted_compact_utf8():
    assert canonical({"b": 1, "a": "巡检 <&>", "c": [True, None]}) == (
        '{"a":"巡检 <&>","b":1,"c":[true,null]}'.encode()
    )
    assert canonical({"x": {"z": 1, "y": 2}}) == b'{"x":{"y":2,"z":1}}'


def test_canonical_does_not_depend_on_insertion_order():
    assert canonical({"a": 1, "b": 2}) == canonical({"b": 2, "a": 1})


def test_floats_are_stable():
    assert canonical({"v": 3.0}) == canonical({"v": 3}) == b'{"v":3}'
    assert canonical({"v": -0.0}) == b'{"v":0}'
    assert canonical({"v": 0.1 + 0.2}) == b'{"v":0.30000000000000004}'
    assert canonical({"v": 18.5}) == b'{"v":18.5}'
    assert canonical({"v": (1, 2.0)}) == b'{"v":[1,2]}'


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
def test_non_finite_floats_are_refused(bad):
    with pytest.raises(ValueError):
        canonical({"v": bad})


def test_dates_and_unsupported_values():
    assert canonical({"d": dt.date(2026, 11, 25)}) == b'{"d":"2026-11-25"}'
    assert canonical({"t": dt.datetime(2026, 11, 25, 8, 30)}) == b'{"t":"2026-11-25T08:30:00"}'
    with pytest.raises(TypeError):
        canonical({"s": {1, 2}})


def test_payload_hash_is_sha256_of_the_canonical_bytes():
    assert payload_hash({}) == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a"
    payload = {"b": "二", "a": 1}
    assert payload_hash(payload) == hashlib.sha256('{"a":1,"b":"二"}'.encode()).hexdigest()


def test_link_covers_each_of_its_inputs():
    base = link(GENESIS, "ab" * 32, 1, ROUND)
    assert base == link(GENESIS, "ab" * 32, 1, ROUND)
    assert len(base) == 64 and int(base, 16) >= 0
    changed = [
        link("1" * 64, "ab" * 32, 1, ROUND),
        link(GENESIS, "cd" * 32, 1, ROUND),
        link(GENESIS, "ab" * 32, 2, ROUND),
        link(GENESIS, "ab" * 32, 1, AMENDMENT),
    ]
    assert base not in changed and len(set(changed)) == 4
    assert GENESIS == "0" * 64


# --- payloads ---------------------------------------------------------------------------

ROUND_ROW = {
    "id": "r-1",
    "round_date": "2026-11-25",
    "name": "开门检查",
    "template_id": "t-3",
    "signed_by_name": "王丽",
    "signed_at": "2026-11-25T08:52:10",
    "status": "signed",  # not covered
    "score": 92.7,  # not covered: computed, not signed
}
ANSWER_ROWS = [
    {"item_key": "OPEN-02", "result": "fail", "value": "", "note": "玻璃有手印", "id": "a2"},
    {"item_key": "ENV-03", "result": None, "value": "22.5", "note": "", "id": "a3"},
    {"item_key": "OPEN-01", "result": "pass", "value": "", "note": "", "id": "a1"},
]
AMENDMENT_ROW = {
    "id": "m-1",
    "round_id": "r-1",
    "item_key": "OPEN-02",
    "old_result": "fail",
    "old_value": "",
    "old_note": "玻璃有手印",
    "new_result": "pass",
    "new_value": "",
    "new_note": "已擦净，误判",
    "reason": "复核后更正",
    "by_name": "李强",
    "at": "2026-11-25T10:05:00",
    "photo_id": "p-9",  # not covered
}


def test_round_payload_fields_and_answer_order():
    payload = round_payload(ROUND_ROW, ANSWER_ROWS)
    assert set(payload) == {
        "id",
        "round_date",
        "name",
        "template_id",
        "signed_by_name",
        "signed_at",
        "answers",
    }
    assert [a["item_key"] for a in payload["answers"]] == ["ENV-03", "OPEN-01", "OPEN-02"]
    assert payload["answers"][0] == {
        "item_key": "ENV-03",
        "result": None,
        "value": "22.5",
        "note": "",
    }
    assert payload == round_payload(ROUND_ROW, list(reversed(ANSWER_ROWS)))


def test_round_payload_ignores_other_columns_and_needs_its_own():
    more = {**ROUND_ROW, "new_column": "x"}
    assert payload_hash(round_payload(more, ANSWER_ROWS)) == payload_hash(
        round_payload(ROUND_ROW, ANSWER_ROWS)
    )
    without_signer = {k: v for k, v in ROUND_ROW.items() if k != "signed_by_name"}
    with pytest.raises(KeyError):
        round_payload(without_signer, ANSWER_ROWS)
    with pytest.raises(KeyError):
        round_payload(ROUND_ROW, [{"item_key": "OPEN-01", "result": "pass", "value": ""}])


def test_amendment_payload_fields():
    payload = amendment_payload(AMENDMENT_ROW)
    assert list(payload) == [
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
    ]
    assert "photo_id" not in payload
    with pytest.raises(KeyError):
        amendment_payload({k: v for k, v in AMENDMENT_ROW.items() if k != "reason"})


# --- a chain over a small database ------------------------------------------------------


class FakeDatabase:
    """Rounds, answers and amendments as plain rows, like the storage layer hands them."""

    def __init__(self):
        self.rounds = {}
        self.answers = {}  # round id -> answer rows
        self.amendments = {}
        self.entries: list[ChainEntry] = []

    def sign_round(self, round_row, answer_rows):
        self.rounds[round_row["id"]] = copy.deepcopy(round_row)
        self.answers[round_row["id"]] = copy.deepcopy(answer_rows)
        self._append(ROUND, round_row["id"])

    def amend(self, row):
        self.amendments[row["id"]] = copy.deepcopy(row)
        self._append(AMENDMENT, row["id"])

    def _append(self, kind, ref_id):
        previous = self.entries[-1] if self.entries else None
        entry = ChainEntry(0, kind, ref_id, "", "", "")
        self.entries.append(next_entry(previous, kind, ref_id, self.recompute(entry)))

    def recompute(self, entry: ChainEntry):
        if entry.kind == ROUND:
            row = self.rounds.get(entry.ref_id)
            return row and round_payload(row, self.answers[entry.ref_id])
        row = self.amendments.get(entry.ref_id)
        return row and amendment_payload(row)

    def verify(self, entries=None):
        problems = verify_chain(self.entries if entries is None else entries, self.recompute)
        assert_marked([p.message for p in problems])
        return problems


def signed_database() -> FakeDatabase:
    db = FakeDatabase()
    for n in range(1, 5):
        row = {**ROUND_ROW, "id": f"r-{n}", "round_date": f"2026-11-2{n}"}
        db.sign_round(row, ANSWER_ROWS)
    db.amend(AMENDMENT_ROW)
    return db


def summary(problems):
    return [(p.seq, p.kind, p.ref_id, str(p.message)) for p in problems]


def test_entries_are_linked_from_genesis():
    db = signed_database()
    assert [e.seq for e in db.entries] == [1, 2, 3, 4, 5]
    assert db.entries[0].prev_hash == GENESIS
    for before, after in zip(db.entries, db.entries[1:], strict=False):
        assert after.prev_hash == before.hash
    assert db.entries[-1].kind == AMENDMENT


def test_an_untouched_chain_has_no_problems():
    assert signed_database().verify() == []
    assert verify_chain([], lambda entry: None) == []


def test_changing_one_answer_after_signing_is_caught():
    db = signed_database()
    db.answers["r-2"][0]["result"] = "pass"  # OPEN-02: fail -> pass, straight in the database
    assert summary(db.verify()) == [
        (
            2,
            ROUND,
            "r-2",
            "第 2 条签名记录对应的内容（r-2）在签名后被改动过，改动不是在本软件中做的。",
        )
    ]


@pytest.mark.parametrize(
    "change",
    [
        lambda db: db.answers["r-1"][2].update(note="补充"),
        lambda db: db.answers["r-1"][1].update(value="30"),
        lambda db: db.answers["r-1"].pop(),
        lambda db: db.answers["r-1"].append(
            {"item_key": "X-01", "result": "pass", "value": "", "note": ""}
        ),
        lambda db: db.rounds["r-1"].update(signed_by_name="张敏"),
        lambda db: db.rounds["r-1"].update(signed_at="2026-11-21T09:00:00"),
    ],
)
def test_any_signed_change_is_caught(change):
    db = signed_database()
    change(db)
    assert [(p.seq, p.ref_id) for p in db.verify()] == [(1, "r-1")]


def test_changes_to_unsigned_columns_are_not_reported():
    db = signed_database()
    db.rounds["r-1"]["score"] = 10.0
    db.answers["r-1"][0]["id"] = "other"
    db.amendments["m-1"]["photo_id"] = "p-10"
    assert db.verify() == []


def test_a_float_read_back_as_a_whole_number_is_not_a_change():
    db = FakeDatabase()
    db.sign_round({**ROUND_ROW, "template_id": 3}, ANSWER_ROWS)
    db.rounds["r-1"]["template_id"] = 3.0
    assert db.verify() == []


def test_changing_an_amendment_is_caught():
    db = signed_database()
    db.amendments["m-1"]["reason"] = "随便改的"
    assert [(p.seq, p.kind, p.ref_id) for p in db.verify()] == [(5, AMENDMENT, "m-1")]


def test_deleting_an_entry_is_caught():
    db = signed_database()
    del db.entries[2]  # seq 3
    assert summary(db.verify()) == [
        (4, ROUND, "r-4", "第 4 条签名记录之前缺少 1 条记录，可能被删除了。")
    ]


def test_deleting_the_first_entries_is_caught():
    db = signed_database()
    del db.entries[:2]
    assert summary(db.verify()) == [
        (3, ROUND, "r-3", "第 3 条签名记录之前缺少 2 条记录，可能被删除了。")
    ]


def test_deleting_a_signed_record_is_caught():
    db = signed_database()
    del db.rounds["r-3"]
    assert summary(db.verify()) == [(3, ROUND, "r-3", "第 3 条签名记录对应的内容（r-3）已不存在。")]


def test_reordering_entries_is_caught():
    db = signed_database()
    entries = list(db.entries)
    entries[1], entries[2] = entries[2], entries[1]
    assert [(p.seq, str(p.message)) for p in db.verify(entries)] == [
        (3, "第 3 条签名记录之前缺少 1 条记录，可能被删除了。"),
        (2, "第 2 条签名记录的位置不对，这里应为第 4 条。"),
    ]


def test_swapping_sequence_numbers_is_caught():
    """Two rows' seq swapped in the database and read back by seq."""
    db = signed_database()
    second, third = db.entries[1], db.entries[2]
    entries = list(db.entries)
    entries[1] = dataclasses.replace(third, seq=2)
    entries[2] = dataclasses.replace(second, seq=3)
    problems = db.verify(entries)
    assert {p.seq for p in problems} == {2, 3, 4}
    texts = [str(p.message) for p in problems]
    assert "第 2 条签名记录本身被改动过，校验值不符。" in texts
    assert "第 4 条签名记录与前一条接不上。" in texts


def test_a_rewritten_payload_hash_is_caught_by_the_link():
    """Someone changes a round and also updates the entry's payload hash to match."""
    db = signed_database()
    db.answers["r-2"][0]["result"] = "pass"
    entry = db.entries[1]
    db.entries[1] = dataclasses.replace(entry, payload_hash=payload_hash(db.recompute(entry)))
    assert summary(db.verify()) == [(2, ROUND, "r-2", "第 2 条签名记录本身被改动过，校验值不符。")]


def test_a_rehashed_entry_breaks_the_next_link():
    """Recomputing the changed entry's own hash too only moves the break to the next entry."""
    db = signed_database()
    db.answers["r-2"][0]["result"] = "pass"
    entry = db.entries[1]
    new_payload_hash = payload_hash(db.recompute(entry))
    db.entries[1] = dataclasses.replace(
        entry,
        payload_hash=new_payload_hash,
        hash=link(entry.prev_hash, new_payload_hash, entry.seq, entry.kind),
    )
    assert summary(db.verify()) == [(3, ROUND, "r-3", "第 3 条签名记录与前一条接不上。")]


def test_relabelling_an_entry_kind_is_caught():
    db = signed_database()
    db.entries[0] = dataclasses.replace(db.entries[0], kind=AMENDMENT)
    messages = [str(p.message) for p in db.verify()]
    assert "第 1 条签名记录本身被改动过，校验值不符。" in messages


def test_the_first_entry_must_start_from_genesis():
    db = signed_database()
    first = db.entries[0]
    prev = "f" * 64
    db.entries[0] = dataclasses.replace(
        first, prev_hash=prev, hash=link(prev, first.payload_hash, 1, first.kind)
    )
    assert summary(db.verify()) == [
        (1, ROUND, "r-1", "第 1 条签名记录与前一条接不上。"),
        (2, ROUND, "r-2", "第 2 条签名记录与前一条接不上。"),  # its own hash changed
    ]
