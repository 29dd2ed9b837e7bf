"""How long the printouts take, against plain reportlab documents of the same text.

    .venv/bin/python bench/reports.py [--runs 9]

Builds the demo database in a temporary folder (hallsupervisor.demo.generate.build_demo),
gives it a 60-item checklist (the demo's 79 items cut to the first 60) that every round of
the day plan uses, then times, as medians of `--runs` runs, interleaved and after one
untimed warm-up each:

* the blank daily sheet of the 60-item checklist (reports.daily_sheet.daily_sheet),
* a completed round's report (reports.round_report.round_report) for the demo's latest
  signed round, when that module is there (it is skipped otherwise),

each against a minimal reportlab document of the same text made in the same run: a
SimpleDocTemplate holding the same item texts (and, for the round, its answers and notes) as
plain Paragraphs in the same registered font. Absolute medians and the ratios are printed.
Only public tools are used (time.perf_counter).
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib.util
import inspect
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NOW = _dt.datetime(2026, 11, 25, 10, 40)
DAY = NOW.date()


def plain_document(texts: list[str]) -> bytes:
    """The baseline: the texts as plain paragraphs, one after another, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from hallsupervisor.reports import pdf

    font = pdf.register_fonts()
    style = ParagraphStyle("plain", fontName=font, fontSize=9, leading=11, wordWrap="CJK")
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=A4, initialFontName=font)
    document.build([Paragraph(pdf.escape(text), style) for text in texts])
    return buffer.getvalue()


def sixty_item_checklist(store, hall_id: str):
    """The plan's checklist cut to its first 60 items, saved as its own template, used by
    every round of the day plan."""
    from hallsupervisor.storage import inspection as records

    family = records.day_plan(store, hall_id)[0].template_family_id
    template = records.load_template(store, records.latest_version_id(store, family))
    kept = 0
    for section in template.sections:
        section.items = section.items[: max(0, 60 - kept)]
        kept += len(section.items)
    template.sections = [s for s in template.sections if s.items]
    template.name, template.family_id, template.id = "供电营业厅巡检表（60项）", None, None
    records.save_template(store, hall_id, template)
    for entry in records.day_plan(store, hall_id):
        records.update_plan_entry(store, entry.id, template_family_id=template.family_id)
    return template


def round_texts(store, round_id: str) -> list[str]:
    """What a round report says of each item: its text, the answer and the note."""
    from hallsupervisor.storage import inspection as records

    record = records.load_round(store, round_id)
    texts = [f"{record.name} {record.round_date}"]
    for item in record.template.items():
        answer = record.answers.get(item.key)
        result = answer.result or "" if answer else ""
        value = answer.value if answer else ""
        note = answer.note if answer else ""
        texts.append(f"{item.key} {item.text} {result} {value} {note}".strip())
    return texts


def median_ms(runs: int, *jobs) -> list[float]:
    """Medians in milliseconds of each job, run in turn `runs` times after a warm-up."""
    for job in jobs:
        job()
    times = [[] for _ in jobs]
    for _ in range(runs):
        for spent, job in zip(times, jobs, strict=True):
            started = time.perf_counter()
            job()
            spent.append((time.perf_counter() - started) * 1000)
    return [statistics.median(spent) for spent in times]


def report(name: str, measured: float, baseline: float, pages: int | None = None) -> None:
    extra = f", {pages} pages" if pages else ""
    print(
        f"{name:<34} {measured:8.1f} ms   plain reportlab {baseline:7.1f} ms   "
        f"ratio {measured / baseline:5.2f}{extra}"
    )


def page_count(data: bytes) -> int:
    import re

    return len(re.findall(rb"/Type\s*/Page[^s]", data))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()

    from hallsupervisor.demo.generate import build_demo
    from hallsupervisor.reports.daily_sheet import daily_sheet
    from hallsupervisor.storage import halls
    from hallsupervisor.storage.database import Store

    with tempfile.TemporaryDirectory(prefix="hallsupervisor-bench-") as folder:
        path = Path(folder) / "demo.sqlite"
        started = time.perf_counter()
        build_demo(path, now=NOW)
        print(f"demo database built in {time.perf_counter() - started:.1f} s ({path.name})")
        store = Store.open(path)
        try:
            hall_id = halls.current_hall_id(store)
            template = sixty_item_checklist(store, hall_id)
            items = [item.text for item in template.items()]
            sheet, plain = median_ms(
                args.runs,
                lambda: daily_sheet(store, hall_id, DAY),
                lambda: plain_document(items),
            )
            print(f"medians of {args.runs} runs each, interleaved, after one warm-up")
            report(
                "blank daily sheet, 60 items",
                sheet,
                plain,
                page_count(daily_sheet(store, hall_id, DAY)),
            )
            one, plain = median_ms(
                args.runs,
                lambda: daily_sheet(store, hall_id, DAY, "午间巡检"),
                lambda: plain_document(items),
            )
            report("single-round sheet, 60 items", one, plain)
            bench_round_report(store, hall_id, args.runs)
        finally:
            store.close()
    return 0


def bench_round_report(store, hall_id: str, runs: int) -> None:
    if importlib.util.find_spec("hallsupervisor.reports.round_report") is None:
        print("round report: hallsupervisor/reports/round_report.py is not there yet, skipped")
        return
    from hallsupervisor.reports import round_report as module

    build = getattr(module, "round_report", None)
    if build is None:
        print("round report: no round_report(store, round_id) in reports.round_report, skipped")
        return
    round_id = store.scalar(
        "SELECT id FROM rounds WHERE hall_id = ? AND signed_at IS NOT NULL "
        "ORDER BY round_date DESC, started_at DESC LIMIT 1",
        (hall_id,),
    )
    extra = {"today": DAY} if "today" in inspect.signature(build).parameters else {}
    texts = round_texts(store, round_id)
    measured, plain = median_ms(
        runs, lambda: build(store, round_id, **extra), lambda: plain_document(texts)
    )
    pages = page_count(build(store, round_id, **extra))
    report(f"round report, {len(texts) - 1} items", measured, plain, pages)


if __name__ == "__main__":
    sys.exit(main())
