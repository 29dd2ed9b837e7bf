"""Starting the window: logging and the crash handler first, then Qt, the database, the UI."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

from hallsupervisor import APP_NAME, ORG_NAME, __version__, logs, paths

log = logging.getLogger(__name__)

# The start-up benchmark sets this: quit as soon as the main window has been painted.
QUIT_AFTER_PAINT_ENV = "HALLSUPERVISOR_QUIT_AFTER_PAINT"


def create_application(argv: list[str] | None = None, language: str | None = None):
    """The QApplication with fonts, translations and the crash handler installed."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from hallsupervisor.gui import crash, fonts, i18n
    from hallsupervisor.gui.settings import Settings

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    icon = QIcon()
    for size in (48, 256):
        icon.addFile(str(paths.resources_dir() / "icons" / f"hallsupervisor-{size}.png"))
    app.setWindowIcon(icon)
    settings = Settings()
    fonts.install_fonts(app)
    scale = settings.get("ui/font_scale")
    if scale and abs(scale - 1.0) > 0.01:
        app.setFont(fonts.scaled(app.font(), scale))
    chosen = language or settings.get("ui/language")
    app.setProperty("hallsupervisor_language", i18n.install(app, chosen))
    crash.install()
    return app, settings


def run_gui(args, db_path: Path) -> int:
    started = time.perf_counter()
    logs.setup_logging()
    if getattr(args, "self_test", False):
        return self_test()
    app, settings = create_application(sys.argv[:1], args.lang)
    if args.lang:
        settings.set("ui/language", args.lang)

    from hallsupervisor.gui.database_open import open_database

    demo = getattr(args, "demo", False)
    if demo and not db_path.exists():
        prepare_demo(db_path)
    opened = open_database(db_path)
    if opened is None:
        return 1
    from hallsupervisor.gui.main_window import MainWindow

    window = MainWindow(opened, settings)
    if not window.ensure_hall_profile():
        opened.close()
        return 1
    window.show()
    if os.environ.get(QUIT_AFTER_PAINT_ENV):
        window.first_painted.connect(
            lambda: (
                print(f"first paint {time.perf_counter() - started:.3f}s", flush=True),
                app.quit(),
            )
        )
    else:
        window.first_painted.connect(
            lambda: start_daily_backup(
                opened.store, window.backup_finished.emit, window.damage_found.emit
            )
        )
        if demo:
            # A reused demo is topped up to today once the window is up.
            window.first_painted.connect(lambda: (prepare_demo(db_path), window.today.refresh()))
    code = app.exec()
    opened.close()
    return code


def prepare_demo(db_path: Path) -> None:
    from hallsupervisor.demo.generate import build_demo
    from hallsupervisor.storage.problems import DatabaseProblem

    try:
        build_demo(db_path)
    except DatabaseProblem as problem:
        log.warning("demo database not prepared: %s", problem)


def start_daily_backup(store, done=None, damaged=None) -> threading.Thread | None:
    """Once the window is up, off the UI thread: SQLite's full quick_check of the file
    (too slow to wait for at start-up on a large database), then the first start of each
    day copies the database aside.

    `done()` is called when a backup was made and `damaged(details)` when the check fails;
    pass Qt signals' emit so the UI hears about it on its own thread.
    """
    if store.read_only:
        return None
    from hallsupervisor.storage import backup
    from hallsupervisor.storage.database import quick_check

    def work() -> None:
        try:
            problems = quick_check(store.path)
            if problems:
                log.error("quick_check of %s failed: %s", store.path, problems)
                if damaged is not None:
                    damaged("; ".join(problems))
                return  # a damaged file is not copied over the good backups
            made = backup.daily_backup_if_due(store.path)
            if made:
                log.info("daily backup %s", made)
                if done is not None:
                    done()
        except Exception:  # noqa: BLE001 - a failed backup must not take the app down
            log.exception("daily backup failed")

    thread = threading.Thread(target=work, name="daily-backup", daemon=True)
    thread.start()
    return thread


def self_test() -> int:
    """Builds the whole window offscreen on a temporary database; 0 when every tab renders."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="hallsupervisor-selftest-") as folder:
        os.environ["HALLSUPERVISOR_HOME"] = folder
        app, settings = create_application(sys.argv[:1], "zh_CN")
        from hallsupervisor.demo.generate import build_demo
        from hallsupervisor.gui.database_open import open_database
        from hallsupervisor.gui.main_window import MainWindow

        db_path = Path(folder) / "selftest.sqlite"
        build_demo(db_path, days=7)
        opened = open_database(db_path, ask=lambda *a: "quit")
        if opened is None:
            print("self-test: database did not open", file=sys.stderr)
            return 1
        try:
            window = MainWindow(opened, settings)
            window.resize(1366, 768)
            window.show()
            for index in range(window.tabs.count()):
                window.tabs.setCurrentIndex(index)
                app.processEvents()
                image = window.grab().toImage()
                if image.isNull() or image.width() < 100:
                    print(f"self-test: tab {index} did not render", file=sys.stderr)
                    return 1
                print(f"self-test: tab {index + 1} {window.tabs.tabText(index)} ok")
            # The printing path too: a PDF built by reportlab and rendered by pdfium.
            import datetime as _dt

            from hallsupervisor.gui.printing import render_pages
            from hallsupervisor.reports.daily_sheet import daily_sheet
            from hallsupervisor.storage import halls

            sheet = daily_sheet(opened.store, halls.current_hall_id(opened.store), _dt.date.today())
            pages = render_pages(sheet, 50)
            if not pages or pages[0].isNull():
                print("self-test: the daily sheet did not render", file=sys.stderr)
                return 1
            print(f"self-test: daily sheet {len(pages)} page(s) ok")
            # The roster solver (HiGHS, a native library the frozen build must carry).
            from hallsupervisor.domain.staffing.roster import ShiftPattern, cover_requirements

            shifts = [ShiftPattern("早", "08:00", 240, 240), ShiftPattern("晚", "12:00", 240, 240)]
            cover = cover_requirements([[1] * 8 + [2] * 4 + [1] * 4], shifts, 30)
            if cover.shortfall_total or cover.staff_hours != 12:
                print(f"self-test: roster solver gave {cover.staff_hours} h", file=sys.stderr)
                return 1
            print("self-test: roster solver ok")
            window.close()
        finally:
            opened.close()
    print(f"self-test passed (hallsupervisor {__version__})")
    return 0
