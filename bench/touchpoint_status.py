"""How fast the touchpoint colours, the board and the comparison follow a period choice.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/touchpoint_status.py [--years 3] [--runs 9]

Builds a database with `--years` of inspection history (three rounds a day on the city
electricity hall's checklist, whose items name the city-hall starter layout's touchpoints,
with the demo's own history builder) and that starter layout (12 touchpoints), then times,
as medians of `--runs` runs, for the last 7, 90 and 365 days:

* the statuses alone: the facts read from the database and every touchpoint assessed
  (storage.touchpoints.status_inputs + domain status.assess);
* the side panel refreshed as the user sees it after choosing the period: statuses for the
  period, the period before (trends) and the comparison period, the board, the why list
  and the comparison tables filled;

against a baseline measured in the same run: a bare SQL count of the period's answers of
the linked items (the least any status must read). The ratios are printed. The target is
under 200 ms for a panel refresh of 90 days; the script exits 1 above it.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TARGET_MS = 200.0
NOW = _dt.datetime(2026, 11, 25, 10, 40)
PERIODS = (7, 90, 365)


def build_database(path: Path, years: int) -> tuple[str, str]:
    from hallsupervisor.demo import inspection_history
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.storage import hall_maps, halls
    from hallsupervisor.storage.database import Store

    store = Store.open(path)
    try:
        hall_id = halls.create_hall(
            store, get_pack("electricity_hall").profile_defaults("城东供电营业厅")
        )
        with store.transaction():
            inspection_history.build_years(store, hall_id, years, random.Random(2026), NOW)
        map_id = hall_maps.install_starter(store, hall_id, "city_hall")
    finally:
        store.close()
    return hall_id, map_id


def median_ms(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--years", type=int, default=3)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    app = QApplication([sys.argv[0]])
    from hallsupervisor.domain.touchpoints import status as st
    from hallsupervisor.gui.settings import Settings
    from hallsupervisor.gui.touchpoints.panel import TouchpointPanel
    from hallsupervisor.storage import touchpoints as tps
    from hallsupervisor.storage.database import Store

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.sqlite"
        started = time.perf_counter()
        hall_id, map_id = build_database(path, args.years)
        store = Store.open(path)
        answers = store.scalar("SELECT count(*) FROM answers")
        print(
            f"{args.years} years of history: {answers:,} answers, "
            f"{path.stat().st_size / 2**20:.0f} MB, built in {time.perf_counter() - started:.1f} s"
        )
        points = tps.list_touchpoints(store, map_id)
        keys = sorted({i["key"] for items in tps.linked_items(store, hall_id).values() for i in items})
        settings = Settings(QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat))
        panel = TouchpointPanel(store, settings, clock=lambda: NOW)
        panel.resize(360, 700)
        panel.show()
        panel.set_map(map_id)
        app.processEvents()
        worst = 0.0
        print(f"{'period':>8} {'baseline':>9} {'statuses':>9} {'panel':>9}  ratios")
        for days in PERIODS:
            period = st.Period.last_days(NOW.date(), days)
            marks = ", ".join("?" for _ in keys)

            def baseline(period=period, marks=marks):
                store.scalar(
                    "SELECT count(*) FROM answers a JOIN template_items ti ON ti.id = a.item_id "
                    "JOIN rounds r ON r.id = a.round_id WHERE r.hall_id = ? "
                    f"AND r.round_date BETWEEN ? AND ? AND ti.key IN ({marks})",
                    (hall_id, period.start.isoformat(), period.end.isoformat(), *keys),
                )

            def statuses(period=period):
                facts = tps.status_inputs(store, hall_id, points, period)
                return [st.assess(facts[p.id], period) for p in points]

            def refresh(period=period):
                panel.period_chooser.set_period(period)
                panel.before_chooser.set_period(period.previous())
                panel.refresh()
                panel.show_touchpoint(points[0].id)
                app.processEvents()

            base = median_ms(baseline, args.runs)
            status_ms = median_ms(statuses, args.runs)
            panel_ms = median_ms(refresh, args.runs)
            if days == 90:
                worst = panel_ms
            print(
                f"{days:>6} d {base:>7.1f}ms {status_ms:>7.1f}ms {panel_ms:>7.1f}ms"
                f"  {status_ms / base:.1f}x {panel_ms / base:.1f}x"
            )
        counts = st.counts(panel.statuses)
        print("statuses (365 days):", ", ".join(f"{k} {v}" for k, v in counts.items()))
        panel.close()
        store.close()
    print(f"panel refresh for 90 days: {worst:.0f} ms (target < {TARGET_MS:.0f} ms)")
    return 0 if worst < TARGET_MS else 1


if __name__ == "__main__":
    raise SystemExit(main())
