"""Built-in content packs: a hall kind's defaults (business types, counters, hours).

Each pack is a folder in resources/packs with a pack.json; later tabs add their own files
(checklist templates, playbooks, starter layouts) to the same folder.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from hallsupervisor import paths
from hallsupervisor.domain import bilingual
from hallsupervisor.domain.hall import BusinessType, Counter, HallProfile, opening_hours_from_json


@dataclass(frozen=True)
class Pack:
    id: str
    kind: str
    size: str
    name: str
    name_en: str
    description: str
    description_en: str
    folder: Path
    data: dict = field(repr=False, compare=False, hash=False, default_factory=dict)

    def display_name(self, language: str = "zh_CN") -> str:
        return bilingual(self.name, self.name_en, language)

    def profile_defaults(self, name: str = "", region: str = "") -> HallProfile:
        """A new hall profile filled in from this pack."""
        return HallProfile(
            name=name,
            kind=self.kind,
            region=region,
            pack=self.id,
            opening_hours=opening_hours_from_json(self.data.get("opening_hours", {})),
            business_types=[
                BusinessType(
                    b["code"], b["name"], float(b["handling_minutes"]), b.get("name_en", "")
                )
                for b in self.data.get("business_types", [])
            ],
            counters=[
                Counter(c["label"], list(c.get("business_types", [])))
                for c in self.data.get("counters", [])
            ],
        )


@lru_cache(maxsize=None)
def _load_all(folder: Path) -> tuple[Pack, ...]:
    packs = []
    for pack_file in sorted(folder.glob("*/pack.json")):
        data = json.loads(pack_file.read_text(encoding="utf-8"))
        packs.append(
            Pack(
                data["id"],
                data["kind"],
                data.get("size", "city"),
                data["name"],
                data.get("name_en", ""),
                data.get("description", ""),
                data.get("description_en", ""),
                pack_file.parent,
                data,
            )
        )
    return tuple(packs)


def all_packs() -> list[Pack]:
    return list(_load_all(paths.packs_dir()))


def get_pack(pack_id: str) -> Pack | None:
    return next((p for p in all_packs() if p.id == pack_id), None)


def pick_pack(kind: str, rural: bool = False) -> Pack:
    """The built-in pack that matches a hall: its kind, and for electricity city or rural."""
    size = "rural" if rural else "city"
    candidates = [p for p in all_packs() if p.kind == kind]
    for pack in candidates:
        if pack.size == size:
            return pack
    if candidates:
        return candidates[0]
    raise LookupError(f"no built-in content pack for hall kind {kind!r}")
