"""Builds (or tops up) the demo database: 城东供电营业厅, a small city electricity hall.

The history is simulated rather than random noise: customers arrive by time of day and day
of week (a peak a few days after the monthly bill), each business type has its own handling
time, counters serve the types they are set up for, and customers who wait too long leave.
The same seed and dates always give the same database, so screenshots and tests agree.
Each later feature adds its own history through HISTORY_BUILDERS.
"""

from __future__ import annotations

import datetime as _dt
import math
import random
from pathlib import Path
from typing import Callable

from hallsupervisor.demo import (
    incident_history,
    inspection_history,
    staffing_history,
    touchpoint_map,
)
from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store, new_id, utc_now

DEMO_DAYS = 90
DEMO_SEED = 20261125
HALL_NAME = "城东供电营业厅"

DEMO_STAFF = [
    StaffMember(
        "王丽",
        "GD1001",
        "supervisor",
        ["pay", "enquiry", "change", "billing_dispute"],
        "13800000001",
    ),
    StaffMember("李强", "GD1002", "counter", ["pay", "enquiry", "change"]),
    StaffMember("张敏", "GD1003", "counter", ["pay", "new_connection", "change"]),
    StaffMember("陈静", "GD1004", "counter", ["new_connection", "billing_dispute", "repair"]),
    StaffMember("刘洋", "GD1005", "counter", ["pay", "enquiry", "repair"]),
    StaffMember("赵雪", "GD1006", "counter", ["pay", "enquiry", "billing_dispute"]),
    StaffMember("孙悦", "GD1007", "guide", ["enquiry"]),
    StaffMember("周斌", "GD1008", "security", []),
]

# Relative arrivals per half hour from 08:30; the morning peak is the busiest.
_SHAPE = [0.6, 1.0, 1.3, 1.4, 1.3, 1.1, 0.9, 0.6, 0.5, 0.6, 0.8, 1.0, 1.1, 1.1, 1.0, 0.9, 0.8, 0.5]
_WEEKDAY = {1: 1.25, 2: 1.05, 3: 1.0, 4: 1.0, 5: 1.1, 6: 0.7, 7: 0.55}
_MIX = {
    "pay": 0.42,
    "enquiry": 0.2,
    "change": 0.12,
    "new_connection": 0.1,
    "billing_dispute": 0.08,
    "repair": 0.08,
}
_PREFIX = {
    "pay": "A",
    "enquiry": "B",
    "change": "C",
    "new_connection": "D",
    "billing_dispute": "E",
    "repair": "F",
}
_BASE_PER_HALF_HOUR = 9.0

HistoryBuilder = Callable[[Store, str, list[_dt.date], random.Random, _dt.datetime], None]


def _ticket_history(
    store: Store, hall_id: str, days: list[_dt.date], rng: random.Random, now: _dt.datetime
) -> None:
    profile = halls.load_profile(store, hall_id)
    minutes = {b.code: b.handling_minutes for b in profile.business_types}
    counters = [(c.label, set(c.business_types)) for c in profile.counters]
    rows = []
    for day in days:
        span = profile.opening_hours.get(day.isoweekday())
        if not span:
            continue
        rows += _simulate_day(day, span, minutes, counters, rng, now)
    stamp = utc_now()
    columns = ("ticket_no", "business_type", "issued_at", "called_at", "finished_at", "counter")
    # sqlite-utils batches the inserts; ignore=True keeps a re-run from duplicating tickets.
    store.db["tickets"].insert_all(
        (
            {
                "id": new_id(),
                "hall_id": hall_id,
                "created_at": stamp,
                "updated_at": stamp,
                **dict(zip(columns, row, strict=True)),
            }
            for row in rows
        ),
        ignore=True,
        batch_size=500,
    )


def _simulate_day(day, span, minutes, counters, rng, now):
    opening = _dt.datetime.combine(day, _dt.time.fromisoformat(span[0]))
    closing = _dt.datetime.combine(day, _dt.time.fromisoformat(span[1]))
    billing_peak = 1.35 if 4 <= day.day <= 8 else 1.0  # bills go out on the 1st
    rate_scale = _WEEKDAY[day.isoweekday()] * billing_peak
    arrivals = []
    t = opening
    slot = 0
    while t < closing - _dt.timedelta(minutes=10):
        shape = _SHAPE[min(slot, len(_SHAPE) - 1)]
        expected = _BASE_PER_HALF_HOUR * shape * rate_scale
        count = _poisson(rng, expected)
        for _ in range(count):
            offset = rng.uniform(0, 30)
            arrivals.append(t + _dt.timedelta(minutes=offset))
        t += _dt.timedelta(minutes=30)
        slot += 1
    arrivals.sort()
    numbers: dict[str, int] = {}
    free_at = [opening] * len(counters)
    tickets = []
    for issued in arrivals:
        if issued > now:
            break
        code = _pick(rng, _MIX)
        numbers[code] = numbers.get(code, 0) + 1
        ticket_no = f"{_PREFIX[code]}{numbers[code]:03d}"
        patience = 5 + rng.expovariate(1 / 60)  # few leave in the first minutes
        eligible = [i for i, (_, served) in enumerate(counters) if code in served]
        best = min(eligible, key=lambda i: free_at[i])
        start = max(issued, free_at[best])
        wait = (start - issued).total_seconds() / 60
        service = max(1.0, rng.lognormvariate(math.log(minutes[code]) - 0.08, 0.4))
        if wait > patience:
            called = finished = None
            counter = ""
        else:
            called = start
            finished = start + _dt.timedelta(minutes=service)
            free_at[best] = finished + _dt.timedelta(seconds=rng.uniform(10, 50))
            counter = counters[best][0]
        if called and called > now:
            called = finished = None
            counter = ""
        elif finished and finished > now:
            finished = None
        tickets.append((ticket_no, code, _fmt(issued), _fmt(called), _fmt(finished), counter))
    return tickets


def _fmt(moment: _dt.datetime | None) -> str | None:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else None


def _poisson(rng: random.Random, mean: float) -> int:
    limit, k, p = math.exp(-mean), 0, 1.0
    while True:
        p *= rng.random()
        if p <= limit:
            return k
        k += 1


def _pick(rng: random.Random, weights: dict[str, float]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


HISTORY_BUILDERS: list[HistoryBuilder] = [
    _ticket_history,
    inspection_history.build,
    staffing_history.build,
    touchpoint_map.build,
    incident_history.build,
]


def _history_days(store: Store, hall_id: str, today: _dt.date, days: int) -> list[_dt.date]:
    """The days still missing from the demo history, so a reused demo is topped up to today."""
    last = store.scalar(
        "SELECT max(substr(issued_at, 1, 10)) FROM tickets WHERE hall_id = ?", (hall_id,)
    )
    first = today - _dt.timedelta(days=days - 1)
    if last:
        first = max(first, _dt.date.fromisoformat(last) + _dt.timedelta(days=1))
    count = (today - first).days + 1
    return [first + _dt.timedelta(days=i) for i in range(max(0, count))]


def build_demo(
    path: Path, *, now: _dt.datetime | None = None, days: int = DEMO_DAYS, seed: int = DEMO_SEED
) -> Path:
    """Creates the demo database at `path`, or tops up an existing one to `now`."""
    now = now or _dt.datetime.now()
    store = Store.open(path)
    try:
        hall_id = halls.current_hall_id(store)
        if hall_id is None:
            pack = get_pack("electricity_hall")
            profile = pack.profile_defaults(HALL_NAME, "示例市城东区")
            profile.counters = profile.counters[:3]
            profile.counters[2].business_types = [
                "new_connection",
                "change",
                "billing_dispute",
                "repair",
                "enquiry",
            ]
            profile.staff = [
                StaffMember(s.name, s.employee_no, s.role, list(s.skills), s.phone)
                for s in DEMO_STAFF
            ]
            hall_id = halls.create_hall(store, profile)
            halls.set_setting(store, hall_id, "demo", "1")
        day_list = _history_days(store, hall_id, now.date(), days)
        if day_list:
            rng = random.Random(f"{seed}-{day_list[0].isoformat()}")
            with store.transaction():
                for builder in HISTORY_BUILDERS:
                    builder(store, hall_id, day_list, rng, now)
    finally:
        store.close()
    return Path(path)
