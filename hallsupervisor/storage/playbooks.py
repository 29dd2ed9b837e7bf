"""The hall's playbook library: built-ins installed per hall, versions, edits, import/export and
the hall's own contact numbers. Each function is one committed change.

Every version's body is the JSON document of docs/playbook-format.md. A run keeps the version
it started with (incidents.playbook_version_id), so a version a run has used is never changed:
the next edit makes a new version. A built-in playbook a hall adapts stays restorable.
"""

from __future__ import annotations

import datetime as _dt
import json
from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP
from hallsupervisor.domain.incidents import playbook_file
from hallsupervisor.domain.incidents.playbook import (
    BUILTIN_CODES,
    Contact,
    Playbook,
    Text,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store

CONTACTS_KEY = "playbook_contacts"

# Why a version was made (stored in Chinese, shown translated under "PlaybookNotes").
NOTE_BUILTIN = QT_TRANSLATE_NOOP("PlaybookNotes", "内置")
NOTE_EDITED = QT_TRANSLATE_NOOP("PlaybookNotes", "编辑")
NOTE_IMPORTED = QT_TRANSLATE_NOOP("PlaybookNotes", "导入")
NOTE_RESTORED = QT_TRANSLATE_NOOP("PlaybookNotes", "恢复内置")
NOTE_NEW = QT_TRANSLATE_NOOP("PlaybookNotes", "新建")
MAX_HALL_CONTACTS = 20


@dataclass(frozen=True)
class PlaybookSummary:
    id: str
    code: str
    category: str
    title: str
    title_en: str
    version_id: str
    version: int
    builtin: bool = False
    adapted: bool = False  # a built-in whose current text differs from the shipped one
    revised_on: str = ""
    owner: str = ""
    sort_order: int = 0
    body: dict = field(default_factory=dict, compare=False, repr=False)  # the current version's


@dataclass(frozen=True)
class VersionInfo:
    id: str
    version: int
    revised_on: str
    owner: str
    note: str
    created_at: str
    used: int  # runs (incidents) started with this version


@dataclass(frozen=True)
class ImportResult:
    added: list[str]  # codes of new playbooks
    revised: list[str]  # codes that got a new version


def _body(playbook: Playbook) -> str:
    return json.dumps(playbook.to_dict(), ensure_ascii=False)


def _insert_version(
    store: Store, hall_id: str, playbook_id: str, playbook: Playbook, note: str = ""
) -> str:
    version = store.scalar(
        "SELECT coalesce(max(version), 0) + 1 FROM playbook_versions WHERE playbook_id = ?",
        (playbook_id,),
    )
    version_id = store.insert(
        "playbook_versions",
        {
            "playbook_id": playbook_id,
            "version": version,
            "body": _body(playbook),
            "revised_on": playbook.revised_on or _dt.date.today().isoformat(),
            "owner": playbook.owner,
            "note": note,
        },
        hall_id=hall_id,
    )
    store.update("playbooks", playbook_id, {"current_version_id": version_id})
    return version_id


def _insert_playbook(
    store: Store, hall_id: str, playbook: Playbook, *, builtin: bool, order: int, note: str = ""
) -> str:
    playbook_id = store.insert(
        "playbooks",
        {
            "code": playbook.code,
            "category": playbook.category,
            "builtin": int(builtin),
            "sort_order": order,
        },
        hall_id=hall_id,
    )
    _insert_version(store, hall_id, playbook_id, playbook, note)
    return playbook_id


# -- the library ------------------------------------------------------------------------------
def ensure_builtin(store: Store, hall_id: str) -> int:
    """Installs the built-in playbooks the hall does not have yet; returns how many."""
    have = {
        row["code"]
        for row in store.query(
            "SELECT code FROM playbooks WHERE hall_id = ? AND deleted_at IS NULL", (hall_id,)
        )
    }
    missing = [p for p in playbook_file.builtin_playbooks() if p.code not in have]
    if not missing:
        return 0
    with store.transaction():
        for playbook in missing:
            _insert_playbook(
                store,
                hall_id,
                playbook,
                builtin=True,
                order=BUILTIN_CODES.index(playbook.code),
                note=NOTE_BUILTIN,
            )
    return len(missing)


def list_playbooks(store: Store, hall_id: str) -> list[PlaybookSummary]:
    """The hall's playbooks: built-ins in their fixed order, then the hall's own by title."""
    rows = store.query(
        "SELECT p.id, p.code, p.category, p.builtin, p.sort_order, v.id AS version_id, "
        "v.version, v.body, v.revised_on, v.owner FROM playbooks p "
        "JOIN playbook_versions v ON v.id = p.current_version_id "
        "WHERE p.hall_id = ? AND p.deleted_at IS NULL",
        (hall_id,),
    )
    result = []
    for row in rows:
        body = json.loads(row["body"])
        title = body.get("title") or {}
        adapted = False
        if row["builtin"]:
            shipped = playbook_file.builtin(row["code"])
            adapted = shipped is not None and _content(body) != _content(shipped.to_dict())
        result.append(
            PlaybookSummary(
                id=row["id"],
                code=row["code"],
                category=row["category"],
                title=title.get("zh", ""),
                title_en=title.get("en", ""),
                version_id=row["version_id"],
                version=row["version"],
                builtin=bool(row["builtin"]),
                adapted=adapted,
                revised_on=row["revised_on"],
                owner=row["owner"],
                sort_order=row["sort_order"],
                body=body,
            )
        )
    result.sort(key=lambda s: (not s.builtin, s.sort_order if s.builtin else 0, s.title))
    return result


def _content(body: dict) -> dict:
    """The body without its revision stamp, to tell an adapted built-in from the shipped one."""
    return {k: v for k, v in body.items() if k not in ("owner", "revised_on")}


def playbook_id_of(store: Store, code: str, hall_id: str | None = None) -> str | None:
    hall_id = hall_id or store.hall_id
    return store.scalar(
        "SELECT id FROM playbooks WHERE hall_id = ? AND code = ? AND deleted_at IS NULL",
        (hall_id, code),
    )


def current_version_id(store: Store, playbook_id_or_code: str, hall_id: str | None = None) -> str:
    """The current version of a playbook given by id or by code (in `hall_id`)."""
    version_id = store.scalar(
        "SELECT current_version_id FROM playbooks WHERE id = ?", (playbook_id_or_code,)
    )
    if version_id is None:
        playbook_id = playbook_id_of(store, playbook_id_or_code, hall_id)
        if playbook_id is not None:
            version_id = store.scalar(
                "SELECT current_version_id FROM playbooks WHERE id = ?", (playbook_id,)
            )
    if version_id is None:
        raise LookupError(playbook_id_or_code)
    return version_id


def load_version(store: Store, version_id: str) -> Playbook:
    row = store.one("SELECT body FROM playbook_versions WHERE id = ?", (version_id,))
    if row is None:
        raise LookupError(version_id)
    return Playbook.from_dict(json.loads(row["body"]))


def load_current(store: Store, playbook_id: str) -> Playbook:
    return load_version(store, current_version_id(store, playbook_id))


def versions(store: Store, playbook_id: str) -> list[VersionInfo]:
    """The playbook's versions, newest first, with how many runs used each."""
    rows = store.query(
        "SELECT v.id, v.version, v.revised_on, v.owner, v.note, v.created_at, "
        "(SELECT count(*) FROM incidents i WHERE i.playbook_version_id = v.id "
        " AND i.deleted_at IS NULL) AS used "
        "FROM playbook_versions v WHERE v.playbook_id = ? ORDER BY v.version DESC",
        (playbook_id,),
    )
    return [VersionInfo(**row) for row in rows]


def _version_used(store: Store, version_id: str) -> bool:
    return bool(
        store.scalar("SELECT count(*) FROM incidents WHERE playbook_version_id = ?", (version_id,))
    )


def save_edit(
    store: Store,
    playbook_id: str,
    playbook: Playbook,
    *,
    session_version_id: str | None = None,
    note: str = "",
) -> str:
    """Stores an edit at once; returns the version id now current.

    The first edit of an editing session makes a new version; later edits of the same
    session (`session_version_id`, the id this function returned before) rewrite that
    version, unless a run has started with it meanwhile: then a new version is made, so a run
    always keeps exactly what it was started with.
    """
    row = store.one("SELECT hall_id, code FROM playbooks WHERE id = ?", (playbook_id,))
    if row is None:
        raise LookupError(playbook_id)
    if playbook.code != row["code"]:
        raise ValueError(f"code {playbook.code!r} is not {row['code']!r}")
    current = current_version_id(store, playbook_id)
    with store.transaction():
        if session_version_id == current and not _version_used(store, current):
            store.update(
                "playbook_versions",
                current,
                {"body": _body(playbook), "revised_on": playbook.revised_on, "owner": playbook.owner},
            )
            return current
        return _insert_version(store, row["hall_id"], playbook_id, playbook, note)


def restore_builtin(store: Store, playbook_id: str) -> str:
    """A new version with the shipped text of a built-in playbook; returns its id."""
    row = store.one("SELECT hall_id, code, builtin FROM playbooks WHERE id = ?", (playbook_id,))
    shipped = playbook_file.builtin(row["code"]) if row and row["builtin"] else None
    if shipped is None:
        raise LookupError(playbook_id)
    with store.transaction():
        return _insert_version(store, row["hall_id"], playbook_id, shipped, note=NOTE_RESTORED)


def add_playbook(store: Store, hall_id: str, playbook: Playbook, note: str = "") -> str:
    """A playbook of the hall's own (category as given, normally 'own'); returns its id."""
    if playbook_id_of(store, playbook.code, hall_id):
        raise ValueError(f"code {playbook.code!r} exists")
    with store.transaction():
        return _insert_playbook(store, hall_id, playbook, builtin=False, order=0, note=note)


def delete_playbook(store: Store, playbook_id: str) -> None:
    """Removes a playbook of the hall's own (built-ins are adapted or restored, not removed)."""
    row = store.one("SELECT builtin FROM playbooks WHERE id = ?", (playbook_id,))
    if row is None or row["builtin"]:
        raise ValueError("built-in playbooks stay")
    with store.transaction():
        store.soft_delete("playbooks", playbook_id)


def unused_code(store: Store, hall_id: str, base: str = "own") -> str:
    n = 1
    while playbook_id_of(store, f"{base}_{n}", hall_id):
        n += 1
    return f"{base}_{n}"


# -- files -----------------------------------------------------------------------------------
def import_file(store: Store, hall_id: str, data: bytes) -> ImportResult:
    """Imports a playbook file: new codes become new playbooks, known codes a new version.

    Raises PlaybookFileError (nothing changed) when the file has any problem.
    """
    playbooks = playbook_file.parse_playbooks(data)
    added, revised = [], []
    with store.transaction():
        for playbook in playbooks:
            existing = playbook_id_of(store, playbook.code, hall_id)
            if existing:
                _insert_version(store, hall_id, existing, playbook, note=NOTE_IMPORTED)
                revised.append(playbook.code)
            else:
                _insert_playbook(store, hall_id, playbook, builtin=False, order=0, note=NOTE_IMPORTED)
                added.append(playbook.code)
    return ImportResult(added, revised)


def export_file(store: Store, hall_id: str, playbook_ids: list[str] | None = None) -> bytes:
    """The current versions of the given playbooks (default: all of the hall's) as a file."""
    summaries = list_playbooks(store, hall_id)
    if playbook_ids is not None:
        wanted = set(playbook_ids)
        summaries = [s for s in summaries if s.id in wanted]
    return playbook_file.write_playbooks([Playbook.from_dict(s.body) for s in summaries])


# -- the hall's own contacts ---------------------------------------------------------------------
def hall_contacts(store: Store, hall_id: str) -> list[Contact]:
    """The hall's own numbers (duty manager, property office, repair desk …), shown with every
    playbook after 119/120/110."""
    raw = halls.get_setting(store, hall_id, CONTACTS_KEY, "[]")
    try:
        values = json.loads(raw)
    except ValueError:
        return []
    result = []
    for value in values if isinstance(values, list) else []:
        if isinstance(value, dict) and isinstance(value.get("number"), str):
            name = value.get("name") or {}
            result.append(
                Contact(Text(str(name.get("zh", "")), str(name.get("en", ""))), value["number"])
            )
    return result


def set_hall_contacts(store: Store, hall_id: str, contacts: list[Contact]) -> None:
    if len(contacts) > MAX_HALL_CONTACTS:
        raise ValueError("too many contacts")
    with store.transaction():
        halls.set_setting(
            store,
            hall_id,
            CONTACTS_KEY,
            json.dumps([c.to_dict() for c in contacts], ensure_ascii=False),
        )


def contacts_for(store: Store, hall_id: str, playbook: Playbook) -> list[Contact]:
    """The numbers to show with a playbook: its own (119/120/110 …), then the hall's."""
    return playbook.all_contacts(hall_contacts(store, hall_id))
