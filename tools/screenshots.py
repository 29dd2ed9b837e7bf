"""Renders the README screenshots offscreen from the demo database: docs/screenshots/*.png.

QT_QPA_PLATFORM=offscreen python tools/screenshots.py [--lang en]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
NOW = dt.datetime(2026, 11, 25, 10, 40)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = tempfile.mkdtemp(prefix="hallsupervisor-shots-")
    os.environ["HALLSUPERVISOR_HOME"] = home
    sys.path.insert(0, str(ROOT))
    from hallsupervisor.demo.generate import build_demo
    from hallsupervisor.gui.app import create_application
    from hallsupervisor.gui.database_open import open_database
    from hallsupervisor.gui.main_window import MainWindow
    from hallsupervisor.gui.profile.profile_dialog import HallProfileDialog
    from hallsupervisor.gui.profile.wizard import SetupWizard

    app, settings = create_application([sys.argv[0]], args.lang)
    db = Path(home) / "demo.sqlite"
    build_demo(db, now=NOW)
    opened = open_database(db, ask=lambda *a: "quit")
    window = MainWindow(opened, settings, clock=lambda: NOW)
    window.resize(1366, 768)
    window.show()
    args.out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.lang == "zh_CN" else f"-{args.lang}"
    names = ["today", "inspection", "touchpoints", "staffing", "incidents"]
    for index, name in enumerate(names):
        if window.tabs.widget(index).layout() is None:
            continue  # a feature tab whose issue has not landed yet stands empty
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        window.grab().save(str(args.out / f"tab-{name}{suffix}.png"))
    shoot_inspection(app, window, args.out, suffix)
    shoot_staffing(app, window, args.out, suffix)
    shoot_touchpoints(app, window, args.out, suffix)
    shoot_playbooks(app, window, settings, args.out, suffix)
    shoot_runs(app, window, args.out, suffix)
    if not suffix:
        shoot_printouts(opened.store, args.out)
    dialog = HallProfileDialog(opened.store, settings, window)
    dialog.resize(900, 600)
    dialog.show()
    for index, name in enumerate(["basic", "business", "counters", "staff"]):
        dialog.ui.pages.setCurrentIndex(index)
        app.processEvents()
        dialog.grab().save(str(args.out / f"profile-{name}{suffix}.png"))
    dialog.close()
    wizard = SetupWizard(opened.store, args.lang, window)
    wizard.hall_page.name_edit.setText("城东供电营业厅")
    wizard.show()
    app.processEvents()
    wizard.grab().save(str(args.out / f"wizard{suffix}.png"))
    wizard.close()
    window.close()
    opened.close()
    print(f"screenshots in {args.out}")
    return 0


def shoot_printouts(store, out: Path) -> None:
    """The first page of each printout, as the README shows them."""
    import datetime as dt

    from hallsupervisor.gui.printing import render_pages
    from hallsupervisor.reports.daily_sheet import daily_sheet
    from hallsupervisor.reports.round_report import day_report
    from hallsupervisor.reports.summary import period_summary
    from hallsupervisor.storage import halls

    hall_id = halls.current_hall_id(store)
    yesterday = NOW.date() - dt.timedelta(days=1)
    documents = {
        "print-daily-sheet": daily_sheet(store, hall_id, NOW.date()),
        "print-round-report": day_report(store, hall_id, yesterday, "开门检查", today=NOW.date()),
        "print-summary": period_summary(
            store, hall_id, NOW.date() - dt.timedelta(days=29), NOW.date(), today=NOW.date()
        ),
    }
    for name, data in documents.items():
        render_pages(data, 80)[0].save(str(out / f"{name}.png"))


def shoot_inspection(app, window, out: Path, suffix: str) -> None:
    """The round entry mid-round, and each page of the inspection tab."""
    from hallsupervisor.domain.inspection.model import FAIL, PASS, PASS_FAIL
    from hallsupervisor.storage import inspection as records

    tab = window.inspection
    window.tabs.setCurrentWidget(tab.parentWidget())  # the tab sits in its page
    app.processEvents()
    panel = tab.day_panel
    panel.list.setCurrentRow(1)  # the midday round, due now
    panel._activated(panel.list.currentItem())
    view = tab.round_view
    store, record = view.store, view.record
    for item in record.template.items()[:22]:
        if item.answer_type != PASS_FAIL:
            continue
        failed = item.key == "ENV-02"
        records.set_answer(
            store,
            record.id,
            item,
            FAIL if failed else PASS,
            note="2号窗口台面堆放宣传单" if failed else "",
            template=record.template,
        )
    view.open_round(record.id)
    panel.refresh()
    app.processEvents()
    window.grab().save(str(out / f"inspection-round{suffix}.png"))
    for index, name in (
        (tab.ACTIONS, "actions"),
        (tab.TRENDS, "trends"),
        (tab.HISTORY, "history"),
        (tab.TEMPLATES, "templates"),
    ):
        tab.pages.setCurrentIndex(index)
        app.processEvents()
        app.processEvents()
        window.grab().save(str(out / f"inspection-{name}{suffix}.png"))
    tab.pages.setCurrentIndex(tab.ENTRY)


def shoot_staffing(app, window, out: Path, suffix: str) -> None:
    """The queue and staffing tab: heat map, requirement chart, live queue, roster; and the
    roster printout."""
    tab = window.feature("staffing")
    window.tabs.setCurrentWidget(tab.parentWidget())
    app.processEvents()
    for index, name in (
        (tab.DATA, "heatmap"),
        (tab.REQUIREMENT, "requirement"),
        (tab.LIVE, "live"),
        (tab.ROSTER, "roster"),
    ):
        tab.open_page(index)
        if index == tab.REQUIREMENT:
            page = tab.page(index)
            page.weekday.setCurrentIndex(0)  # Monday, the busiest day
        for _ in range(3):
            app.processEvents()
        window.grab().save(str(out / f"staffing-{name}{suffix}.png"))
    if not suffix:
        from hallsupervisor.domain.staffing.weekly import week_of
        from hallsupervisor.gui.printing import render_pages
        from hallsupervisor.reports.roster import roster_pdf

        data = roster_pdf(tab.store, tab.hall_id(), week_of(NOW.date()))
        render_pages(data, 80)[0].save(str(out / "print-roster.png"))
    tab.open_page(tab.DATA)


def shoot_touchpoints(app, window, out: Path, suffix: str) -> None:
    """The demo hall's starter layout with its touchpoints coloured, why one is red, the
    board as a list, two periods compared; and the map printed on A3."""
    tab = window.feature("touchpoints")
    window.tabs.setCurrentWidget(tab.parentWidget())
    for _ in range(3):
        app.processEvents()
    panel = tab.panel
    tab.view.fit()
    app.processEvents()
    window.grab().save(str(out / f"touchpoints-map{suffix}.png"))
    red = [i for i, status in panel.statuses.items() if status == "bad"]
    if red:
        # The red touchpoint with the most to say (failures, actions and incidents).
        shown = max(red, key=lambda i: (len(panel.assessments[i].reasons), i))
        panel.show_touchpoint(shown)
        tab.show_pin(shown)
        tab.view.fit()
        app.processEvents()
        window.grab().save(str(out / f"touchpoints-why{suffix}.png"))
        tab.scene.clearSelection()
    panel.tabs.setCurrentIndex(panel.COMPARE)
    app.processEvents()
    panel.grab().save(str(out / f"touchpoints-compare{suffix}.png"))
    panel.tabs.setCurrentIndex(panel.BOARD)
    panel.list_button.click()
    app.processEvents()
    panel.grab().save(str(out / f"touchpoints-board-list{suffix}.png"))
    panel.cards_button.click()
    if not suffix:
        import tempfile as _tempfile

        from hallsupervisor.gui.printing import render_pages
        from hallsupervisor.gui.touchpoints import export

        with _tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "map.pdf"
            export.write_pdf(
                tab.scene,
                path,
                "A3",
                statuses=panel.statuses,
                title="城东供电营业厅 触点地图",
                subtitle=f"统计期间 {panel.period.label()}",
                rows=sorted(panel.entries(), key=lambda e: e.code),
            )
            render_pages(path.read_bytes(), 60)[0].save(str(out / "print-touchpoint-map.png"))


def shoot_playbooks(app, window, settings, out: Path, suffix: str) -> None:
    """The playbook library (large buttons, search, a playbook in full), the editor, the
    hall's own numbers in the profile, and a playbook card."""
    from hallsupervisor.domain.incidents.playbook import Contact, Text
    from hallsupervisor.gui.profile.profile_dialog import HallProfileDialog
    from hallsupervisor.storage import playbooks as library

    tab = window.feature("incidents")
    store, hall_id = tab.store, tab.hall_id
    if not library.hall_contacts(store, hall_id):
        library.set_hall_contacts(store, hall_id, [
            Contact(Text("物业值班室", "Property office"), "0531-8601 2345"),
            Contact(Text("供电抢修班", "Repair crew"), "0531-8601 9000"),
        ])
    window.tabs.setCurrentWidget(tab.parentWidget())
    tab.open_playbook("fire")
    app.processEvents()
    window.grab().save(str(out / f"incidents-library{suffix}.png"))
    tab.library.search.setText("hz")
    app.processEvents()
    window.grab().save(str(out / f"incidents-search{suffix}.png"))
    tab.library.search.clear()
    tab.open_playbook("fainting")
    tab.edit(tab.library.current_id)
    app.processEvents()
    window.grab().save(str(out / f"incidents-editor{suffix}.png"))
    tab.editor.finish()
    dialog = HallProfileDialog(store, settings, window)
    dialog.resize(900, 600)
    dialog.show()
    dialog.ui.pages.setCurrentWidget(dialog.contacts_page)
    app.processEvents()
    dialog.grab().save(str(out / f"profile-contacts{suffix}.png"))
    dialog.close()
    if not suffix:
        from hallsupervisor.gui.printing import render_pages
        from hallsupervisor.reports import playbook_card

        data = playbook_card.build(store, hall_id, codes=["fire"])
        render_pages(data, 80)[0].save(str(out / "print-playbook-card.png"))
    tab.pages.setCurrentIndex(0)


def shoot_runs(app, window, out: Path, suffix: str) -> None:
    """A run in progress (the run view), the complaint register, and a page of the incident
    report and of the monthly summary."""
    from hallsupervisor.storage import incidents

    tab = window.feature("incidents")
    store, hall_id = tab.store, tab.hall_id
    if not incidents.open_incidents(store, hall_id):
        playbook_id = store.scalar(
            "SELECT id FROM playbooks WHERE hall_id = ? AND code = 'fainting'", (hall_id,)
        )
        staff = {r["role"]: r for r in store.query(
            "SELECT id, name, role FROM staff WHERE hall_id = ? ORDER BY employee_no", (hall_id,)
        )}
        start = NOW - dt.timedelta(minutes=6, seconds=25)
        roles = [(role, row["id"], row["name"]) for role, row in staff.items()
                 if role in ("supervisor", "counter", "guide", "security")]
        run_id = incidents.start(store, hall_id, playbook_id, started_at=start, roles=roles,
                                 location="等候区 3 排")
        at = [start + dt.timedelta(seconds=s) for s in (40, 75, 200)]
        incidents.tick(store, run_id, "s1", happened_at=at[0], entered_at=at[0])
        incidents.tick(store, run_id, "s2", happened_at=at[1], entered_at=at[1])
        incidents.skip(store, run_id, "s3", "病人有反应，呼吸正常", happened_at=at[2],
                       entered_at=at[2])
        incidents.add_note(store, run_id, "老人自述头晕，早上没吃饭", entered_at=at[2])
        incidents.add_person(store, run_id, "customer", "老年男性", "约75岁，独自前来",
                             entered_at=at[2])
    window.tabs.setCurrentWidget(tab.parentWidget())
    tab.pages.setCurrentWidget(tab.run_view)
    tab.run_view.refresh()
    tab.run_view.changed.emit()  # the page title counts the open incidents
    app.processEvents()
    window.grab().save(str(out / f"incidents-run{suffix}.png"))
    tab.pages.setCurrentWidget(tab.complaints)
    tab.complaints.start.setDate(tab.complaints.start.date().addMonths(-2))
    app.processEvents()
    window.grab().save(str(out / f"incidents-complaints{suffix}.png"))
    if not suffix:
        from hallsupervisor.gui.printing import render_pages
        from hallsupervisor.reports import incident_report, incident_summary

        closed = [i for i in incidents.list_incidents(store, hall_id, drill=False)
                  if i.status == "closed"]
        render_pages(incident_report.build(store, closed[-1].id), 80)[0].save(
            str(out / "print-incident-report.png"))
        render_pages(incident_summary.build(store, hall_id, NOW.year, NOW.month - 1), 80)[
            0].save(str(out / "print-incident-summary.png"))
    tab.pages.setCurrentIndex(0)


if __name__ == "__main__":
    raise SystemExit(main())
