"""The main window as a user meets it: tabs, shortcuts, status bar, remembered layout."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from hallsupervisor.gui import fonts
from hallsupervisor.gui.today.today_tab import SectionCard
from tests.conftest import DEMO_NOW
from tests.gui.conftest import activate

TAB_TITLES = ["今日", "巡检", "触点地图", "排队与排班", "突发事件"]


def test_window_shows_five_tabs_and_the_database_in_use(open_window, demo_db):
    window = open_window(demo_db)
    window.show()
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == TAB_TITLES
    assert "城东供电营业厅" in window.windowTitle()
    label = window.findChild(QLabel, "dbLabel")
    assert str(demo_db) in label.text()
    assert window.findChild(QLabel, "readOnlyLabel") is None


def test_ctrl_number_switches_tabs(open_window, demo_db, qtbot):
    window = open_window(demo_db)
    activate(qtbot, window)
    for number in (3, 5, 2, 1):
        qtbot.keyClick(
            window, getattr(Qt.Key, f"Key_{number}"), Qt.KeyboardModifier.ControlModifier
        )
        assert window.tabs.currentIndex() == number - 1


def test_size_splitter_and_last_tab_are_remembered(open_window, demo_db, qtbot):
    window = open_window(demo_db)
    window.resize(760, 560)  # within the offscreen screen (800x600)
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    window.tabs.setCurrentIndex(0)
    window.today.splitter.setSizes([330, 400])
    window.tabs.setCurrentIndex(3)
    sizes = window.today.splitter.sizes()
    window.close()
    window.opened.close()

    again = open_window(demo_db)
    again.show()
    qtbot.waitExposed(again)
    assert again.tabs.currentIndex() == 3
    assert (again.width(), again.height()) == (760, 560)
    again.tabs.setCurrentIndex(0)
    assert again.today.splitter.sizes() == sizes != [365, 365]


def test_today_shows_the_day_from_the_database(open_window, demo_db):
    window = open_window(demo_db)
    window.show()
    titles = window.today.section_titles()
    assert titles == [
        "营业状态", "突发事件与投诉", "今日巡检", "整改项", "排队情况", "现场排队与在岗",
        "上一个营业日（11/24）",
    ]
    day = DEMO_NOW.date().isoformat()
    with sqlite3.connect(demo_db) as conn:
        issued, waiting = conn.execute(
            "SELECT count(*), sum(called_at IS NULL AND finished_at IS NULL) FROM tickets "
            "WHERE issued_at >= ? AND issued_at <= ?",
            (day, DEMO_NOW.strftime("%Y-%m-%d %H:%M:%S")),
        ).fetchone()
    texts = [
        label.text()
        for card in window.today.findChildren(SectionCard)
        for label in card.findChildren(QLabel)
    ]
    assert f"今天已取号 {issued} 张，现在等候 {waiting} 人。" in texts
    assert any("营业中，17:30 结束营业" in text for text in texts)
    assert window.today.hall_label.text() == "城东供电营业厅"
    assert "2026年11月25日 星期三" in window.today.date_label.text()


def test_fits_1366x768_with_fonts_at_150_percent(app, open_window, demo_db, qtbot):
    normal = app.font()
    app.setFont(fonts.scaled(normal, 1.5))
    try:
        window = open_window(demo_db)
        window.show()
        qtbot.waitExposed(window)
        hint = window.minimumSizeHint()
        # A 768-pixel screen less a 40-pixel taskbar.
        assert hint.width() <= 1366 and hint.height() <= 728, hint
        window.resize(1366, 728)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            assert window.tabs.tabBar().tabRect(index).right() <= 1366
    finally:
        app.setFont(normal)


def test_read_only_window_says_so_and_disables_editing(open_window, demo_db):
    from hallsupervisor.storage.lock import InstanceLock

    holder = InstanceLock(demo_db)
    assert holder.acquire()
    try:
        window = open_window(demo_db, ask=lambda problem, latest: "read_only")
        assert window.store.read_only
        assert window.findChild(QLabel, "readOnlyLabel") is not None
        assert not window.ui.actionHallProfile.isEnabled()
        assert not window.ui.actionBackupNow.isEnabled()
    finally:
        holder.release()


def test_first_start_of_the_day_backs_up_and_today_shows_it(open_window, demo_db, qtbot):
    from hallsupervisor.gui.app import start_daily_backup
    from hallsupervisor.storage import backup

    window = open_window(demo_db)
    window.show()
    assert "还没有备份" in window.today.backup_label.text()
    start_daily_backup(window.store, window.backup_finished.emit).join(30)
    qtbot.waitUntil(lambda: "最近一次备份" in window.today.backup_label.text())
    made = backup.list_backups(demo_db)
    assert [b.reason for b in made] == ["daily"] and backup.is_healthy(made[0].path)
    # The second start of the same day takes none.
    start_daily_backup(window.store, window.backup_finished.emit).join(30)
    assert len(backup.list_backups(demo_db)) == 1
