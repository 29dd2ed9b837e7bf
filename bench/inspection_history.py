"""Ten years of inspection history: how big the file gets and how fast the views open.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/inspection_history.py [--years 10] [--runs 9]

Builds a database with `--years` of history (three rounds a day on an 80-item checklist, a
realistic failure rate, every round signed and chained) with the demo's own history builder,
then times, as medians of `--runs` runs:

* opening the inspection tab's history view (built, shown and painted),
* the history list's first page for a filter change (count and first page),
* the trend chart refreshed and painted for one year and for all the years,

against two baselines measured in the same run: a bare `SELECT count(*) FROM rounds` and
building, showing and painting an empty QWidget. The target is under 200 ms for each; the
ratios to the empty-widget baseline are printed too. Only public tools are used
(time.perf_counter).
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


def eighty_item_template():
    """The pack's checklist made up to 80 items (the benchmark's size, here only)."""
    from hallsupervisor.demo.inspection_history import pack_template
    from hallsupervisor.domain.inspection.model import MINOR, TemplateItem

    template = pack_template()
    extra = [
        (
            "ENV-10",
            "绿植养护良好，无枯叶和烟头",
            "Plants cared for, no dead leaves or cigarette ends",
        ),
        ("WAIT-12", "儿童等候区玩具完好干净", "Children's corner toys intact and clean"),
        ("INFO-08", "自助缴费操作指引清楚", "Self-service payment instructions clear"),
    ]
    sections = {s.key: s for s in template.sections}
    for key, text, text_en in extra:
        if len(template.items()) >= 80:
            break
        sections[key.split("-")[0]].items.append(
            TemplateItem(key, text, text_en, category="shine", severity=MINOR)
        )
    assert len(template.items()) == 80, len(template.items())
    template.name = "供电营业厅巡检表（80项）"
    return template


def build_database(path: Path, years: int) -> tuple[str, float, object]:
    from hallsupervisor.demo import inspection_history
    from hallsupervisor.demo.generate import DEMO_STAFF, HALL_NAME
    from hallsupervisor.domain.hall import StaffMember
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.storage import halls
    from hallsupervisor.storage.database import Store

    store = Store.open(path)
    profile = get_pack("electricity_hall").profile_defaults(HALL_NAME, "示例市城东区")
    profile.staff = [
        StaffMember(s.name, s.employee_no, s.role, list(s.skills), s.phone) for s in DEMO_STAFF
    ]
    hall_id = halls.create_hall(store, profile)
    started = time.perf_counter()
    summary = inspection_history.build_years(
        store, hall_id, years, random.Random(20261125), NOW, template=eighty_item_template()
    )
    elapsed = time.perf_counter() - started
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return hall_id, elapsed, summary


def median_ms(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database file")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="hallsupervisor-bench-"))
    os.environ.setdefault("HALLSUPERVISOR_HOME", str(folder))
    path = args.db or folder / "history.sqlite"
    if not path.exists():
        hall_id, build_s, summary = build_database(path, args.years)
        print(
            f"built {args.years} years in {build_s:.1f} s: {summary.rounds} rounds, "
            f"{summary.answers} answers, {summary.failures} failures, {summary.actions} actions"
        )
    size = sum(p.stat().st_size for p in path.parent.glob(path.name + "*"))
    print(f"database {path} : {size / 1e6:.1f} MB")

    from PySide6.QtWidgets import QApplication, QWidget

    from hallsupervisor.gui.app import create_application
    from hallsupervisor.storage import halls
    from hallsupervisor.storage import inspection_stats as stats
    from hallsupervisor.storage.database import Store

    app, _ = create_application(language="zh_CN")
    store = Store.open(path)
    hall_id = halls.current_hall_id(store)
    today = NOW.date
    runs = args.runs
    results: dict[str, float] = {}

    # -- baselines ------------------------------------------------------------------------
    results["baseline: SELECT count(*) FROM rounds"] = median_ms(
        lambda: store.scalar("SELECT count(*) FROM rounds"), runs
    )

    def empty_widget():
        widget = QWidget()
        widget.resize(1300, 700)
        widget.show()
        widget.repaint()
        QApplication.processEvents()
        widget.close()
        widget.deleteLater()

    results["baseline: empty QWidget shown and painted"] = median_ms(empty_widget, runs)

    # -- the history view -------------------------------------------------------------------------
    from hallsupervisor.gui.inspection.history_view import HistoryView

    def opened(make):
        """Builds, shows and paints a view, then closes it: what opening its page costs."""

        def run():
            view = make()
            view.resize(1300, 700)
            view.show()
            view.repaint()
            QApplication.processEvents()
            view.close()
            view.deleteLater()

        return run

    results["history view opened (built, shown, painted)"] = median_ms(
        opened(lambda: HistoryView(store, hall_id, today=today)), runs
    )

    history = HistoryView(store, hall_id, today=today)
    history.resize(1300, 700)
    history.show()
    QApplication.processEvents()
    choices = [0, 1, 2, 3]

    def first_page():
        combo = history.result_combo
        combo.setCurrentIndex(choices[(combo.currentIndex() + 1) % len(choices)])
        history.table.repaint()

    results["history list, first page after a filter change"] = median_ms(first_page, runs)
    results["  (query only: count + first 200 rows)"] = median_ms(
        lambda: (
            stats.history_count(store, hall_id),
            stats.history(store, hall_id, limit=200),
        ),
        runs,
    )

    # -- the trend chart -------------------------------------------------------------------------
    started = time.perf_counter()
    import pyqtgraph  # noqa: F401 - timed apart: loaded once, when the chart page first opens

    print(
        f"pyqtgraph + numpy import (once per session): {(time.perf_counter() - started) * 1000:.0f} ms"
    )
    from hallsupervisor.gui.inspection.trends_view import ALL, LAST_YEAR, TrendsView

    results["trends view opened (90 days, built, shown, painted)"] = median_ms(
        opened(lambda: TrendsView(store, hall_id, today=today)), runs
    )
    trends = TrendsView(store, hall_id, today=today)
    trends.resize(1300, 700)
    trends.show()
    QApplication.processEvents()
    for label, period in (("one year", LAST_YEAR), (f"all {args.years} years", ALL)):

        def refresh(period=period):
            trends.set_period(period)
            trends.repaint()
            QApplication.processEvents()

        results[f"trend chart, {label} (refreshed and painted)"] = median_ms(refresh, runs)
        start, end = trends.start, trends.end
        results[f"  (queries only, {label})"] = median_ms(
            lambda start=start, end=end: (
                stats.daily_scores(store, hall_id, start, end),
                stats.current_sections(store, hall_id),
                stats.failures_on(store, hall_id, end),
            ),
            runs,
        )
    keys = [key for key, _, _ in stats.current_sections(store, hall_id)]
    for key in keys:
        trends.set_section_visible(key, True)
    results[f"  with every section line too, all {args.years} years"] = median_ms(refresh, runs)
    for key in keys:
        trends.set_section_visible(key, False)
    for page, label in ((1, "Pareto of failed items"), (2, "actions closed on time")):

        def open_page(page=page):
            trends.tabs.setCurrentIndex(0)
            trends.set_period(ALL)  # the other pages are read again when next opened
            started = time.perf_counter()
            trends.tabs.setCurrentIndex(page)
            trends.repaint()
            QApplication.processEvents()
            return time.perf_counter() - started

        samples = [open_page() * 1000 for _ in range(runs)]
        results[f"{label} page, all {args.years} years (opened, painted)"] = statistics.median(
            samples
        )
    start, end = trends.start, trends.end
    results[f"  (Pareto query only, all {args.years} years)"] = median_ms(
        lambda: stats.pareto(store, hall_id, start, end), runs
    )
    results[f"  (Pareto query only, {args.years} years minus the last month)"] = median_ms(
        lambda: stats.pareto(store, hall_id, start, end - _dt.timedelta(days=30)), runs
    )
    results["  (Pareto query only, one year)"] = median_ms(
        lambda: stats.pareto(store, hall_id, end - _dt.timedelta(days=364), end), runs
    )
    results["  (Pareto query only, middle five years)"] = median_ms(
        lambda: stats.pareto(
            store,
            hall_id,
            end - _dt.timedelta(days=365 * 7),
            end - _dt.timedelta(days=365 * 2),
        ),
        runs,
    )

    # -- report ------------------------------------------------------------------------------------
    widget_base = results["baseline: empty QWidget shown and painted"]
    query_base = results["baseline: SELECT count(*) FROM rounds"]
    print(f"\nmedians of {runs} runs          ms    × empty widget   × count(*)   target")
    failed = False
    for label, value in results.items():
        timed = not label.startswith(("baseline", "  ("))
        verdict = ("ok" if value < TARGET_MS else "SLOW") if timed else ""
        failed |= verdict == "SLOW"
        print(
            f"{label:52s} {value:8.1f} {value / widget_base:10.1f} {value / query_base:12.0f}   {verdict}"
        )
    for widget in (history, trends):
        widget.close()
        widget.deleteLater()
    QApplication.processEvents()
    store.close()
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
