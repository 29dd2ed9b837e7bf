"""Queue and staffing numbers: counters needed for a week, a 30-person weekly roster, and our
Erlang C against an existing implementation (pyworkforce).

    .venv/bin/python bench/staffing.py [--runs 5]
    bash bench/setup_compare.sh      # once, for the pyworkforce comparison (needs PyPI)

1. Counters needed for a whole week of 30-minute intervals (7 days x 18 intervals) and 5
   business types, each type on its own counters (630 Erlang C searches) and with the hall's
   pooling (shared windows), timed as the median of --runs runs after a warm-up.
2. A weekly roster for 30 staff (22 full-time, 8 part-time) covering a bigger hall's
   requirement with the tab's default shift patterns: seconds, staff-hours, and the two lower
   bounds (the requirement itself in staff-hours, and the LP relaxation of the cover model).
3. Erlang C against pyworkforce's ErlangC.required_positions on the same 630 intervals plus
   light-traffic cases: how often the counts differ, and why (pyworkforce starts its search
   at round(A + 1), so light traffic gets one counter more than needed), and the time each
   takes. pyworkforce runs in its own environment (bench/.venv-compare, never a dependency);
   if that environment is missing or broken the bench says so and still runs 1 and 2.

The week of bench/roster_week.json against the best known CP-SAT results is bench/roster.py.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
COMPARE_PYTHON = ROOT / "bench" / ".venv-compare" / "bin" / "python"

TYPES = {  # code: (share of arrivals, handling minutes)
    "pay": (0.42, 3.0),
    "enquiry": (0.22, 5.0),
    "change": (0.14, 7.0),
    "new_connection": (0.12, 15.0),
    "billing_dispute": (0.10, 12.0),
}
SHAPE = [0.6, 1.0, 1.3, 1.4, 1.3, 1.1, 0.9, 0.6, 0.5, 0.6, 0.8, 1.0, 1.1, 1.1, 1.0, 0.9, 0.8, 0.5]
WEEKDAY = [1.25, 1.05, 1.0, 1.0, 1.1, 0.7, 0.55]


def median_seconds(fn, runs: int):
    result = fn()
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def week_arrivals(scale: float) -> dict[tuple[int, str, str], float]:
    """Mean tickets per (weekday, interval start, type) for a hall of the given size."""
    arrivals = {}
    for day in range(7):
        for i, shape in enumerate(SHAPE):
            minute = 8 * 60 + 30 + 30 * i
            start = f"{minute // 60:02d}:{minute % 60:02d}"
            for code, (share, _aht) in TYPES.items():
                arrivals[(day + 1, start, code)] = round(scale * shape * WEEKDAY[day] * share, 2)
    return arrivals


def hall(dedicated: bool):
    from hallsupervisor.domain.hall import BusinessType, Counter, HallProfile

    hours = {d: ("08:30", "17:30") for d in range(1, 8)}
    types = [BusinessType(code, code, aht) for code, (_s, aht) in TYPES.items()]
    if dedicated:
        counters = [Counter(f"{code}-window", [code]) for code in TYPES]
    else:
        counters = [
            Counter("A", ["pay", "enquiry"]),
            Counter("B", ["pay", "enquiry", "change"]),
            Counter("C", ["new_connection", "billing_dispute"]),
        ]
    return HallProfile("bench", "electricity", opening_hours=hours, business_types=types,
                       counters=counters)


def bench_counters(runs: int) -> list[str]:
    from hallsupervisor.domain.staffing.requirement import StaffingSettings, pools, requirement

    settings = StaffingSettings(shrinkage=0.15)
    arrivals = week_arrivals(20.0)
    handling = {code: aht for code, (_s, aht) in TYPES.items()}
    lines = []
    for label, dedicated in (("each type on its own windows", True), ("shared windows pooled", False)):
        p = pools(hall(dedicated))
        needs, seconds = median_seconds(
            lambda p=p: requirement(arrivals, handling, p, settings), runs
        )
        counter_hours = sum(n.counters for n in needs) * 0.5
        lines.append(
            f"  {label:<30} {len(needs):>4} interval-queues  {seconds * 1000:8.1f} ms"
            f"  {seconds / len(needs) * 1e6:7.1f} us each  {counter_hours:7.1f} counter-hours"
        )
    return lines


def bench_roster(runs: int) -> list[str]:
    import datetime as dt

    from hallsupervisor.domain.staffing.requirement import (
        StaffingSettings,
        day_intervals,
        pool_seats,
        pools,
        requirement,
        week_requirements,
    )
    from hallsupervisor.domain.staffing.weekly import (
        RosterPerson,
        default_patterns,
        generate,
        skill_gaps,
    )

    settings = StaffingSettings(shrinkage=0.15)
    profile = hall(False)
    needs = requirement(
        week_arrivals(28.0), {c: a for c, (_s, a) in TYPES.items()}, pools(profile), settings
    )
    first, starts = day_intervals(profile, 30)
    requirements = week_requirements(needs, starts)
    people = [
        RosterPerson(f"f{i}", f"full-{i}", frozenset({"counter"}), 5, 11, False, 40)
        for i in range(22)
    ] + [
        RosterPerson(f"p{i}", f"part-{i}", frozenset({"counter"}), 5, 11, True, 20)
        for i in range(8)
    ]
    specs = default_patterns()
    monday = dt.date(2026, 11, 23)
    # Skills as a hall has them: most can take payments and enquiries, fewer the rest.
    skill_sets = [
        {"pay", "enquiry", "change"},
        {"pay", "enquiry"},
        {"new_connection", "billing_dispute", "change"},
        {"pay", "billing_dispute"},
        {"new_connection", "enquiry"},
    ]
    people = [
        RosterPerson(p.id, p.name, frozenset({"counter", *skill_sets[i % 5]}), p.max_days_per_week,
                     p.min_rest_hours, p.part_time, p.max_hours_per_week)
        for i, p in enumerate(people)
    ]
    seats = pool_seats(needs, pools(profile), starts)
    roster, seconds = median_seconds(
        lambda: generate(monday, requirements, first, 30, specs, people, pool_needs=seats), runs
    )
    skills = {p.id: set(p.skills) for p in people}
    gaps = sum(
        sum(sum(g.values()) for g in skill_gaps(roster.shifts[d], skills, seats.get(d, {}), first, 30))
        for d in range(7)
    )
    named = sum(len(day) for day in roster.shifts.values())
    return [
        f"  requirement: peak {max(max(r) for r in requirements)} counters, "
        f"{sum(map(sum, requirements))} counter-intervals over 7 days",
        f"  roster for 30 staff: {seconds:.3f} s, {named} shifts named, "
        f"{len(roster.uncovered)} left unfilled, {gaps} counter-intervals without a skilled person",
        f"  staff-hours {roster.staff_hours:.1f}  | lower bounds: requirement "
        f"{roster.trivial_bound:.1f} (+{roster.staff_hours / roster.trivial_bound - 1:.1%}), "
        f"LP relaxation {roster.lp_bound:.1f} (+{roster.staff_hours / roster.lp_bound - 1:.1%})",
    ]


COMPARE_SCRIPT = textwrap.dedent(
    """
    import json, sys, time
    from pyworkforce.queuing import ErlangC
    cases = json.load(sys.stdin)
    def run():
        out = []
        for arrivals, aht, target, level in cases:
            e = ErlangC(transactions=arrivals, aht=aht, asa=target, interval=30, shrinkage=0.0)
            r = e.required_positions(service_level=level, max_occupancy=1.0)
            out.append([r["raw_positions"], r["service_level"]])
        return out
    run()
    times = []
    for _ in range(int(sys.argv[1])):
        t0 = time.perf_counter(); result = run(); times.append(time.perf_counter() - t0)
    times.sort()
    print(json.dumps({"result": result, "seconds": times[len(times) // 2]}))
    """
)


def bench_compare(runs: int) -> list[str]:
    from hallsupervisor.domain.staffing.queueing import counters_needed, service_level

    arrivals = week_arrivals(20.0)
    cases = [
        [value, TYPES[code][1], 10.0, 0.8] for (_d, _s, code), value in arrivals.items() if value
    ]
    rng = random.Random(6)
    cases += [[round(rng.uniform(0.2, 3), 2), rng.choice([3.0, 5.0, 7.0]), 10.0, 0.8] for _ in range(100)]

    def ours():
        return [
            counters_needed(a * 2, aht, target_wait_minutes=t, service_level=sl).counters
            for a, aht, t, sl in cases
        ]

    mine, my_seconds = median_seconds(ours, runs)
    lines = [f"  ours: {len(cases)} intervals in {my_seconds * 1000:.1f} ms"]
    if not COMPARE_PYTHON.exists():
        return lines + [
            "  pyworkforce: NOT COMPARED - bench/.venv-compare is missing; run "
            "`bash bench/setup_compare.sh` (needs PyPI)"
        ]
    try:
        done = subprocess.run(
            [str(COMPARE_PYTHON), "-c", COMPARE_SCRIPT, str(runs)],
            input=json.dumps(cases),
            capture_output=True,
            text=True,
            timeout=600,
        )
        found = json.loads(done.stdout.strip().splitlines()[-1])
    except (OSError, subprocess.SubprocessError, ValueError, IndexError) as exc:
        detail = (locals().get("done").stderr.strip().splitlines() or [""])[-1] if "done" in locals() else exc
        return lines + [f"  pyworkforce: NOT COMPARED - it would not run here: {detail}"]
    theirs = [r[0] for r in found["result"]]
    same = sum(a == b for a, b in zip(mine, theirs, strict=True))
    more = [(c, a, b) for c, a, b in zip(cases, mine, theirs, strict=True) if b > a]
    fewer = [(c, a, b) for c, a, b in zip(cases, mine, theirs, strict=True) if b < a]
    lines.append(
        f"  pyworkforce: {len(cases)} intervals in {found['seconds'] * 1000:.1f} ms "
        f"(ours takes {my_seconds / found['seconds']:.1f}x as long: each search also returns "
        f"the queue's figures)"
    )
    lines.append(
        f"  same count: {same}; pyworkforce more: {len(more)}; pyworkforce fewer: {len(fewer)}"
    )
    examples = {(c[0], c[1]): (c, m, p) for c, m, p in more}
    for (a, aht, t, sl), m, p in list(examples.values())[:3]:
        sl_ours = service_level(a * 2, aht, m, t)
        lines.append(
            f"    e.g. {a:g} arrivals/30 min x {aht:g} min (A = {a * aht / 30:.2f} erlangs):"
            f" ours {m} counter(s) reaching {sl_ours:.1%} >= {sl:.0%}, pyworkforce {p}"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    print("Counters needed, a week of 30-minute intervals x 5 business types:")
    print("\n".join(bench_counters(args.runs)))
    print("Weekly roster, 30 staff:")
    print("\n".join(bench_roster(max(1, args.runs // 2))))
    print("Erlang C against pyworkforce:")
    print("\n".join(bench_compare(args.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
