"""The main window: assembles the tabs, menus and status bar; the tabs do the work."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QProcess, QTimer, QUrl, Signal
from PySide6.QtGui import QActionGroup, QDesktopServices, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor import __version__, logs, paths
from hallsupervisor.domain import QT_TRANSLATE_NOOP
from hallsupervisor.gui import i18n
from hallsupervisor.gui.database_open import OpenedDatabase
from hallsupervisor.gui.generated.ui_main_window import Ui_MainWindow
from hallsupervisor.gui.settings import Settings
from hallsupervisor.gui.today.today_tab import TodayTab
from hallsupervisor.storage import backup, halls

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

log = logging.getLogger(__name__)

# Feature tabs after Today and inspection, in order: attribute name, page object name, title,
# and the module and class of the tab widget. Each is imported and built when its tab is
# first opened (or first asked for), so the window appears sooner. A tab widget takes
# (store, settings, parent, clock=...) and may have a `changed` signal (Today refreshes)
# and a `prepare()` method (called each time its tab is shown).
FEATURE_PAGES = [
    (
        "touchpoints",
        "touchpointPage",
        QT_TRANSLATE_NOOP("MainWindow", "触点地图"),
        "hallsupervisor.gui.touchpoints.touchpoint_tab",
        "TouchpointTab",
    ),
    (
        "staffing",
        "staffingPage",
        QT_TRANSLATE_NOOP("MainWindow", "排队与排班"),
        "hallsupervisor.gui.staffing.staffing_tab",
        "StaffingTab",
    ),
    (
        "incidents",
        "incidentsPage",
        QT_TRANSLATE_NOOP("MainWindow", "突发事件"),
        "hallsupervisor.gui.incidents.incidents_tab",
        "IncidentsTab",
    ),
]


class MainWindow(QMainWindow):
    first_painted = Signal()
    profile_changed = Signal()
    backup_finished = Signal()  # emitted from the backup thread; delivered queued
    damage_found = Signal(str)  # the background integrity check failed

    def __init__(
        self, opened: OpenedDatabase, settings: Settings, parent: QWidget | None = None, clock=None
    ):
        super().__init__(parent)
        self.opened = opened
        self.store = opened.store
        self.settings = settings
        self._painted = False
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        self.tabs = self.ui.tabs

        self._clock_kw = {"clock": clock} if clock else {}
        self.today = TodayTab(self.store, settings, self, **self._clock_kw)
        self.tabs.addTab(self.today, _t("MainWindow", "今日"))
        # The inspection tab is built when first opened: the window appears sooner.
        self._inspection = None
        self._inspection_page = QWidget(self)
        self._inspection_page.setObjectName("inspectionPage")
        QVBoxLayout(self._inspection_page).setContentsMargins(0, 0, 0, 0)
        self.tabs.addTab(self._inspection_page, _t("MainWindow", "巡检"))
        self.tabs.currentChanged.connect(self._tab_shown)
        self._features: dict[str, QWidget] = {}
        self._feature_pages: dict[str, QWidget] = {}
        for attr, page_name, title, _module, _cls in FEATURE_PAGES:
            page = QWidget(self)
            page.setObjectName(page_name)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            self._feature_pages[attr] = page
            self.tabs.addTab(page, _t("MainWindow", title))
        self.profile_changed.connect(self.today.refresh)
        self.backup_finished.connect(self.today.refresh)
        self.damage_found.connect(self.warn_damage)
        self._add_tab_shortcuts()
        self._setup_status_bar()
        self._connect_menus()
        self._restore_state()
        self._update_title()

    @property
    def inspection(self):
        """The inspection tab, built on first use."""
        if self._inspection is None:
            from hallsupervisor.gui.inspection.inspection_tab import InspectionTab

            self._inspection = InspectionTab(self.store, self.settings, self, **self._clock_kw)
            self._inspection.changed.connect(self.today.refresh)
            self._inspection_page.layout().addWidget(self._inspection)
        return self._inspection

    def feature(self, attr: str):
        """The feature tab called `attr` ("touchpoints", "staffing", "incidents"), built on
        first use."""
        if attr not in self._features:
            from importlib import import_module

            spec = next(f for f in FEATURE_PAGES if f[0] == attr)
            cls = getattr(import_module(spec[3]), spec[4])
            widget = cls(self.store, self.settings, self, **self._clock_kw)
            if hasattr(widget, "changed"):
                widget.changed.connect(self.today.refresh)
            # Tabs ask for each other's records by signal; the window shows them.
            for signal, slot in (
                ("playbook_requested", self.open_playbook),  # e.g. the queue's "sudden_surge"
                ("incident_requested", self.open_incident),
                ("round_requested", self.open_round),
            ):
                if hasattr(widget, signal):
                    getattr(widget, signal).connect(slot)
            self._feature_pages[attr].layout().addWidget(widget)
            self._features[attr] = widget
        return self._features[attr]

    @property
    def touchpoints(self):
        return self.feature("touchpoints")

    @property
    def staffing(self):
        return self.feature("staffing")

    @property
    def incidents(self):
        return self.feature("incidents")

    def open_playbook(self, code: str) -> None:
        """Shows the incident playbook `code` (e.g. "sudden_surge") in the incidents tab."""
        self.tabs.setCurrentWidget(self._feature_pages["incidents"])
        self.incidents.open_playbook(code)

    def find_playbook(self) -> None:
        """F12: the incidents tab's playbook library with its search box focused."""
        self.tabs.setCurrentWidget(self._feature_pages["incidents"])
        self.incidents.focus_search()

    def open_incident(self, incident_id: str) -> None:
        """Shows the incident in the incidents tab (running if open, else for its report)."""
        self.tabs.setCurrentWidget(self._feature_pages["incidents"])
        self.incidents.show_incident(incident_id)

    def open_round(self, round_id: str) -> None:
        """Shows the inspection round in the inspection tab."""
        self.tabs.setCurrentWidget(self._inspection_page)
        self.inspection.open_round(round_id)

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self._inspection_page:
            self.inspection.prepare()
            return
        for attr, widget in self._feature_pages.items():
            if page is widget:
                tab = self.feature(attr)
                if hasattr(tab, "prepare"):
                    tab.prepare()

    # -- set-up ------------------------------------------------------------------------------
    def _add_tab_shortcuts(self) -> None:
        for index in range(self.tabs.count()):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{index + 1}"), self)
            shortcut.activated.connect(lambda i=index: self.tabs.setCurrentIndex(i))
            self.tabs.setTabToolTip(index, f"Ctrl+{index + 1}")
        # F12 from anywhere: the incident playbooks with the search box focused.
        QShortcut(QKeySequence("F12"), self, self.find_playbook)

    def _setup_status_bar(self) -> None:
        self.db_label = QLabel(
            _t("MainWindow", "数据库：{path}").format(path=self.store.path), self
        )
        self.db_label.setObjectName("dbLabel")
        self.db_label.setToolTip(str(self.store.path))
        self.statusBar().addPermanentWidget(self.db_label)
        if self.store.read_only:
            flag = QLabel(_t("MainWindow", "只读：修改不会保存"), self)
            flag.setObjectName("readOnlyLabel")
            flag.setStyleSheet("color: #b00020; font-weight: bold;")
            self.statusBar().addPermanentWidget(flag)

    def _connect_menus(self) -> None:
        ui = self.ui
        ui.actionQuit.triggered.connect(self.close)
        ui.actionOpenDatabase.triggered.connect(self.open_other_database)
        ui.actionBackupNow.triggered.connect(self.backup_now)
        ui.actionRestore.triggered.connect(self.restore_backup)
        ui.actionCheckDatabase.triggered.connect(self.check_database)
        ui.actionOpenDataFolder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.store.path.parent)))
        )
        ui.actionOpenLogFolder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(paths.log_dir())))
        )
        ui.actionHallProfile.triggered.connect(self.edit_hall_profile)
        ui.actionShortcuts.triggered.connect(self.show_shortcuts)
        ui.actionAbout.triggered.connect(self.show_about)
        group = QActionGroup(self)
        for action, language in ((ui.actionChinese, "zh_CN"), (ui.actionEnglish, "en")):
            group.addAction(action)
            action.setChecked(self.current_language() == language)
            action.triggered.connect(lambda _=False, lang=language: self.switch_language(lang))
        for action in (ui.actionBackupNow, ui.actionRestore, ui.actionHallProfile):
            action.setEnabled(not self.store.read_only)

    def _restore_state(self) -> None:
        geometry = self.settings.get("window/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self.settings.get("window/state")
        if not state.isEmpty():
            self.restoreState(state)
        last = self.settings.get("ui/last_tab")
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)

    def _update_title(self) -> None:
        profile = halls.load_profile(self.store)
        name = profile.name if profile else ""
        title = _t("MainWindow", "营业厅现场管理助手")
        self.setWindowTitle(f"{name} — {title}" if name else title)

    def current_language(self) -> str:
        return i18n.current()

    # -- events --------------------------------------------------------------------------------
    def paintEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt override
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("ui/last_tab", self.tabs.currentIndex())
        self.today.save_state()
        super().closeEvent(event)

    # -- hall profile ------------------------------------------------------------------------------
    def ensure_hall_profile(self, run_wizard=None) -> bool:
        """Runs the first-run wizard when the database has no hall yet; False if cancelled."""
        if halls.current_hall_id(self.store):
            return True
        if self.store.read_only:
            QMessageBox.warning(
                self,
                _t("MainWindow", "还没有营业厅资料"),
                _t("MainWindow", "这个数据库还没有营业厅资料，而当前是只读模式，无法填写。"),
            )
            return False
        from hallsupervisor.gui.profile.wizard import SetupWizard

        wizard = SetupWizard(self.store, self.current_language(), self)
        accepted = run_wizard(wizard) if run_wizard else wizard.exec()
        if not accepted or not halls.current_hall_id(self.store):
            return False
        self._after_profile_change()
        return True

    def edit_hall_profile(self) -> None:
        from hallsupervisor.gui.profile.profile_dialog import HallProfileDialog

        dialog = HallProfileDialog(self.store, self.settings, self)
        dialog.changed.connect(self._after_profile_change)
        dialog.exec()

    def _after_profile_change(self) -> None:
        self._update_title()
        self.profile_changed.emit()

    def warn_damage(self, details: str) -> None:
        """The background check found damage: say so plainly and point to the way out."""
        log.error("database damage reported to the user: %s", details)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            _t("MainWindow", "数据库文件有损坏"),
            _t(
                "MainWindow",
                "检查发现数据库文件有损坏，继续使用可能丢失数据。请立即用“文件 → 从备份恢复”恢复最近的完好备份；当前文件会改名保留，不会被删除。",
            ),
            parent=self,
        )
        box.setDetailedText(details)
        box.exec()

    # -- file menu --------------------------------------------------------------------------------
    def backup_now(self) -> None:
        target = backup.make_backup(self.store.path, reason="manual", conn=self.store.conn)
        self.statusBar().showMessage(_t("MainWindow", "已备份到 {path}").format(path=target), 8000)
        self.today.refresh()

    def check_database(self) -> None:
        from hallsupervisor.storage.check import check_database, is_healthy

        findings = check_database(self.store.path)
        lines = [f"• {i18n.text(f.message)}" for f in findings]
        verdict = (
            _t("MainWindow", "数据库完好。")
            if is_healthy(findings)
            else _t("MainWindow", "发现问题，见下面的说明。")
        )
        QMessageBox.information(self, _t("MainWindow", "检查数据库"), "\n".join([verdict, *lines]))

    def restore_backup(self) -> None:
        found = [b for b in backup.list_backups(self.store.path)]
        if not found:
            QMessageBox.information(
                self, _t("MainWindow", "从备份恢复"), _t("MainWindow", "还没有这个数据库的备份。")
            )
            return
        labels = [f"{b.taken_at:%Y-%m-%d %H:%M:%S}  ({b.reason})" for b in found]
        choice, ok = QInputDialog.getItem(
            self,
            _t("MainWindow", "从备份恢复"),
            _t(
                "MainWindow",
                "选择要恢复的备份。当前数据库会改名保留，不会被删除；恢复后软件会重新启动。",
            ),
            labels,
            0,
            False,
        )
        if not ok:
            return
        chosen = found[labels.index(choice)]
        if not backup.is_healthy(chosen.path):
            QMessageBox.warning(
                self,
                _t("MainWindow", "从备份恢复"),
                _t("MainWindow", "这个备份文件已损坏，不能使用。"),
            )
            return
        path = self.store.path
        self.opened.close()
        kept = backup.restore(path, chosen.path)
        log.info("restored from %s; previous kept as %s", chosen.path, kept)
        self.relaunch(["--db", str(path)])

    def open_other_database(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            _t("MainWindow", "打开或新建数据库"),
            str(self.store.path.parent),
            _t("MainWindow", "营业厅数据库 (*.sqlite *.db);;所有文件 (*)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if name:
            self.relaunch(["--db", name])

    def relaunch(self, extra_args: list[str]) -> None:
        """Starts a fresh copy of the app (new database or language) and closes this one."""
        if getattr(sys, "frozen", False):
            program, arguments = sys.executable, extra_args
        else:
            program, arguments = sys.executable, ["-m", "hallsupervisor", *extra_args]
        if "--db" not in arguments:
            arguments += ["--db", str(self.store.path)]
        self.close()
        self.opened.close()
        QProcess.startDetached(program, arguments)
        QCoreApplication.quit()

    # -- language and help ----------------------------------------------------------------------
    def switch_language(self, language: str) -> None:
        if language == self.current_language():
            return
        self.settings.set("ui/language", language)
        answer = QMessageBox.question(
            self,
            _t("MainWindow", "切换语言"),
            _t("MainWindow", "界面语言将在重新启动后切换。现在重新启动吗？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.relaunch(["--lang", language])

    def show_shortcuts(self) -> None:
        rows = [(f"Ctrl+{i + 1}", self.tabs.tabText(i)) for i in range(self.tabs.count())]
        rows += [
            ("Ctrl+Shift+P", _t("MainWindow", "营业厅资料")),
            ("Ctrl+O", _t("MainWindow", "打开数据库")),
            ("Ctrl+Q", _t("MainWindow", "退出")),
            ("F12", _t("MainWindow", "查找应急预案")),
            ("F1", _t("MainWindow", "键盘快捷键")),
        ]
        text = "\n".join(f"{key:<14}{what}" for key, what in rows)
        box = QMessageBox(
            QMessageBox.Icon.Information, _t("MainWindow", "键盘快捷键"), text, parent=self
        )
        box.setStyleSheet("QLabel { font-family: monospace; }")
        box.exec()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            _t("MainWindow", "关于"),
            _t(
                "MainWindow",
                "<h3>营业厅现场管理助手 {version}</h3>"
                "<p>供电、供热、电信营业厅值班长的现场管理工具：巡检、触点地图、排队与排班、突发事件。</p>"
                "<p>所有数据保存在本机的一个文件中，无需联网：<br>{db}</p>"
                "<p>日志文件：{log}</p>"
                "<p>中文字体：文泉驿微米黑（Apache 2.0 许可）。</p>",
            ).format(version=__version__, db=_html(self.store.path), log=_html(logs.log_file())),
        )


def _html(value: Path | str) -> str:
    from html import escape

    return escape(str(value))
