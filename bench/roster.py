"""Counter cover against the best known CP-SAT results, and the greedy roster's speed.

    .venv/bin/python bench/roster.py [--bench PATH] [--runs 5]

Reads roster_week.json (default: ../shared/bench/roster_week.json next to the repository
folder), builds its three shift cases (hallsupervisor.domain.staffing.roster.bench_patterns:
8 h continuous shifts starting 08:00-12:00; 9 h spans with a 1 h unpaid lunch 3, 4 or 5 h
after the start, starting 08:00-11:00; those plus 4 h part-time shifts starting 08:00-16:00;
all every 30 minutes), solves the week of 30-minute requirements for each with
cover_requirements and times it (time.perf_counter, median of --runs runs after one
untimed warm-up). Prints our staff-hours, the best known, the difference, the LP and trivial
bounds and the seconds. Then times assign_staff for a 30-person week (22 full-time,
8 part-time, 5 days, 11 h rest) on the part-time case's cover.

Exits 1 if any case is not fully covered, uses more staff-hours than the best known, or
takes 1 s or more.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TIME_LIMIT_SECONDS = 1.0


def median_seconds(fn, runs: int):
    result = fn()  # warm-up (imports, first HiGHS instance)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return result, statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bench",
        type=Path,
        default=ROOT.parent / "shared" / "bench" / "roster_week.json",
        help="the roster_week.json file",
    )
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)

    from hallsupervisor.domain.staffing.roster import (
        StaffMember,
        assign_staff,
        bench_patterns,
        cover_requirements,
    )

    data = json.loads(args.bench.read_text(encoding="utf-8"))
    opening = data.get("opening", "08:00")
    failures = []
    rows = []
    covers = {}
    for case in data["cases"]:
        name = case["name"]
        interval = int(case.get("intervals", 30))
        requirements = data[f"interval_minutes_{interval}"]
        patterns = bench_patterns(name)
        cover, seconds = median_seconds(
            lambda r=requirements, p=patterns, i=interval: cover_requirements(r, p, i, opening),
            args.runs,
        )
        covers[name] = cover
        best = case["best_known_staff_hours"]
        diff = cover.staff_hours - best
        rows.append(
            (
                name,
                cover.staff_hours,
                best,
                diff,
                cover.lp_bound,
                cover.trivial_bound,
                seconds,
                cover.fully_covered,
            )
        )
        if not cover.fully_covered:
            failures.append(f"{name}: shortfall {cover.shortfall_total} staff-intervals")
        if diff > 1e-6:
            failures.append(f"{name}: {cover.staff_hours:g} h > best known {best} h")
        if seconds >= TIME_LIMIT_SECONDS:
            failures.append(f"{name}: {seconds:.3f} s >= {TIME_LIMIT_SECONDS} s")

    header = ("case", "ours h", "best h", "diff", "LP bound", "trivial", "seconds", "covered")
    print()
    print(
        f"{header[0]:<32}{header[1]:>8}{header[2]:>8}{header[3]:>7}{header[4]:>10}"
        f"{header[5]:>9}{header[6]:>9}{header[7]:>9}"
    )
    for name, ours, best, diff, lp, trivial, seconds, covered in rows:
        print(
            f"{name:<32}{ours:>8g}{best:>8}{diff:>+7g}{lp:>10.2f}{trivial:>9.1f}"
            f"{seconds:>9.3f}{'yes' if covered else 'NO':>9}"
        )

    cover = covers.get("lunch_shifts_plus_4h_part_time") or next(iter(covers.values()))
    staff = [StaffMember(f"F{i:02d}", f"全职{i:02d}") for i in range(22)] + [
        StaffMember(f"P{i:02d}", f"兼职{i:02d}", part_time=True) for i in range(8)
    ]
    roster, seconds = median_seconds(lambda: assign_staff(cover, staff), args.runs)
    shifts = sum(d.headcount for d in cover.days)
    print()
    print(
        f"assign_staff, 30 staff (22 full-time, 8 part-time), {shifts} shifts in the week: "
        f"{seconds * 1000:.1f} ms; assigned {len(roster.assignments)}, "
        f"uncovered {len(roster.uncovered)}, shortfall {roster.shortfall_total} "
        f"staff-intervals"
    )
    if seconds >= TIME_LIMIT_SECONDS:
        failures.append(f"assign_staff: {seconds:.3f} s >= {TIME_LIMIT_SECONDS} s")

    if failures:
        print()
        for failure in failures:
            print("FAIL", failure)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
