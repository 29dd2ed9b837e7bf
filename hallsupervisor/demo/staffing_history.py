"""The demo hall's queue and staffing: shift patterns, staff limits, this week's roster made
by the solver from the simulated tickets, and a live queue snapshot taken at `now`."""

from __future__ import annotations

import datetime as _dt
import random

from hallsupervisor.domain.staffing import requirement, weekly
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records
from hallsupervisor.storage.database import Store

# Part-timers and weekly limits for some of the demo staff (by employee number).
_LIMITS = {
    "GD1001": weekly.StaffLimits(5, 11, False, 40),  # the supervisor also runs the floor
    "GD1006": weekly.StaffLimits(6, 11, True, 24),  # 赵雪 works half days
}


def build(
    store: Store, hall_id: str, days: list[_dt.date], rng: random.Random, now: _dt.datetime
) -> None:
    records.ensure_patterns(store, hall_id)
    profile = halls.load_profile(store, hall_id)
    stored = records.staff_limits(store, hall_id)
    for member in profile.staff:
        limits = _LIMITS.get(member.employee_no)
        if limits and member.id not in stored:
            records.set_staff_limits(store, hall_id, member.id, limits)
    settings = records.load_settings(store, hall_id)
    week = weekly.week_of(now.date())
    if records.roster_id_for_week(store, hall_id, week) is None:
        since = now.date() - _dt.timedelta(weeks=settings.weeks)
        tickets = records.load_tickets(store, hall_id, since, now.date())
        analysis = requirement.analyse(profile, tickets, settings)
        people = weekly.roster_people(profile, records.staff_limits(store, hall_id))
        generated = weekly.generate(
            week,
            requirement.week_requirements(
                analysis.needs, analysis.starts, len(profile.counters)
            ),
            analysis.first_start,
            settings.interval_minutes,
            records.list_patterns(store, hall_id),
            people,
            pool_needs=requirement.pool_seats(analysis.needs, analysis.pools, analysis.starts),
        )
        records.save_generated(
            store, hall_id, generated, settings.interval_minutes, analysis.first_start
        )
    if records.latest_live(store, hall_id, now.date()) is None:
        # The queue as the ticket machine has it now, as 按取号机读取 fills it in.
        waiting = {b.code: 0 for b in profile.business_types}
        waiting.update(records.waiting_from_tickets(store, hall_id, now))
        shifts = records.shifts_on(store, hall_id, now.date())
        at_work = [s.staff_id for s in shifts if s.working_at(now.strftime("%H:%M"))]
        counters = {}
        for counter, staff_id in zip(profile.counters[:2], at_work, strict=False):
            counters[counter.label] = staff_id
        records.save_live(store, hall_id, now.replace(second=0, microsecond=0), waiting, counters)
