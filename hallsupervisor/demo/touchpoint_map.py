"""The demo hall's floor plan: the starter layout of its pack, with its touchpoints.

A history builder for demo.generate (HISTORY_BUILDERS). The built-in checklists name the
starter layouts' touchpoint codes (the 触点 column of resources/packs/*/inspection.csv), so
the demo's inspection history colours the touchpoints at once: the drinking water that
often runs out turns the waiting area amber or red, the entrance stays green. Runs once: a
hall that has a map keeps it (a topped-up demo does not lose the user's edits).
"""

from __future__ import annotations

import datetime as _dt
import random

from hallsupervisor.storage.database import Store


def starter_for(store: Store, hall_id: str) -> str:
    from hallsupervisor.domain.touchpoints.layout import starter_for_hall_kind

    hall = store.one("SELECT kind, pack FROM halls WHERE id = ?", (hall_id,))
    counters = store.scalar(
        "SELECT count(*) FROM counters WHERE hall_id = ? AND deleted_at IS NULL", (hall_id,)
    )
    if hall is None:
        return starter_for_hall_kind("electricity", counters or 0)
    return starter_for_hall_kind(hall["kind"], counters or 0, hall["pack"] or "")


def build(
    store: Store, hall_id: str, days: list[_dt.date], rng: random.Random, now: _dt.datetime
) -> None:
    from hallsupervisor.storage import hall_maps

    if hall_maps.current_map(store, hall_id) is not None:
        return
    hall_maps.install_starter(store, hall_id, starter_for(store, hall_id))
