"""排队与排班 Queue and staffing: the ticket data, counters needed per interval, the live queue
and the weekly roster, as four pages sharing one analysis and one undo stack.

The analysis (tickets of the last weeks → arrivals → counters needed) is computed when a page
needs it and kept until something it depends on changes. The requirement page's charts load
pyqtgraph when that page is first opened.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from hallsupervisor.domain.staffing import requirement
from hallsupervisor.domain.staffing.weekly import week_of
from hallsupervisor.storage import halls
from hallsupervisor.storage import staffing as records

_t = QCoreApplication.translate


class SetSettings(QUndoCommand):
    def __init__(self, tab, old, new):
        super().__init__(_t("StaffingTab", "修改服务目标"))
        self.tab, self.old, self.new = tab, old, new

    def redo(self) -> None:
        self.tab.apply_settings(self.new)

    def undo(self) -> None:
        self.tab.apply_settings(self.old)


class StaffingTab(QWidget):
    changed = Signal()
    playbook_requested = Signal(str)

    DATA, REQUIREMENT, LIVE, ROSTER = range(4)

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("staffingTab")
        self.store = store
        self.app_settings = settings
        self.clock = clock or _dt.datetime.now
        self.undo_stack = QUndoStack(self)
        self._analysis: requirement.Analysis | None = None
        self._tickets: list | None = None  # the analysed weeks' tickets, business names as codes
        self._profile = None
        self._roster = None
        self._roster_loaded = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("staffingPages")
        layout.addWidget(self.pages)
        self._built: dict[int, QWidget] = {}
        for index, title in (
            (self.DATA, _t("StaffingTab", "数据")),
            (self.REQUIREMENT, _t("StaffingTab", "需求")),
            (self.LIVE, _t("StaffingTab", "现场")),
            (self.ROSTER, _t("StaffingTab", "排班")),
        ):
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.insertTab(index, holder, title)
        self.no_hall = QLabel(_t("StaffingTab", "请先建立营业厅资料。"), self)
        self.no_hall.setVisible(False)
        layout.addWidget(self.no_hall)
        self.pages.currentChanged.connect(self._page_shown)
        # Undo and redo on every page (hand entry, targets, roster), one stack for the tab.
        keys_and_slots = [
            (QKeySequence(QKeySequence.StandardKey.Undo), self.undo_stack.undo),
            (QKeySequence(QKeySequence.StandardKey.Redo), self.undo_stack.redo),
        ]
        if QKeySequence("Ctrl+Y") != keys_and_slots[1][0]:  # both, whatever the platform says
            keys_and_slots.append((QKeySequence("Ctrl+Y"), self.undo_stack.redo))
        for keys, slot in keys_and_slots:
            shortcut = QShortcut(keys, self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

    # -- shared state ---------------------------------------------------------------------------------
    def hall_id(self) -> str | None:
        return halls.current_hall_id(self.store)

    def profile(self):
        if self._profile is None and self.hall_id():
            self._profile = halls.load_profile(self.store, self.hall_id())
        return self._profile

    def settings_value(self) -> requirement.StaffingSettings:
        hall_id = self.hall_id()
        return records.load_settings(self.store, hall_id) if hall_id else requirement.StaffingSettings()

    def save_settings(self, value: requirement.StaffingSettings) -> None:
        """Stores the target and analysis settings as one undoable step."""
        old = self.settings_value()
        if value == old or self.store.read_only:
            return
        self.undo_stack.push(SetSettings(self, old, value))

    def apply_settings(self, value: requirement.StaffingSettings) -> None:
        records.save_settings(self.store, self.hall_id(), value)
        self.invalidate()
        self.refresh_pages(exclude=None)
        self.changed.emit()

    def tickets(self, profile, settings: requirement.StaffingSettings) -> list:
        if self._tickets is None:
            today = self.clock().date()
            since = today - _dt.timedelta(weeks=settings.weeks)
            until = today + _dt.timedelta(days=1)
            loaded = records.load_tickets(self.store, self.hall_id(), since, until)
            self._tickets = requirement.normalise_business(loaded, profile)
        return self._tickets

    def analysis(self) -> requirement.Analysis | None:
        if self._analysis is None:
            profile = self.profile()
            if profile is None:
                return None
            settings = self.settings_value()
            hand = records.arrival_entries(self.store, self.hall_id(), settings.interval_minutes)
            tickets = self.tickets(profile, settings)
            self._analysis = requirement.analyse(profile, tickets, settings, hand)
        return self._analysis

    def measured_arrivals(self) -> dict:
        analysis = self.analysis()
        return analysis.measured if analysis else {}

    def week_requirements(self) -> list[list[int]]:
        analysis = self.analysis()
        counters = len(self.profile().counters) or None
        return requirement.week_requirements(analysis.needs, analysis.starts, counters)

    def current_roster(self):
        """The stored roster of this week (the clock's), for the chart's "scheduled" line."""
        if not self._roster_loaded:
            self._roster = records.load_roster(self.store, self.hall_id(), week_of(self.clock().date()))
            self._roster_loaded = True
        return self._roster

    def invalidate(self) -> None:
        self._analysis = None
        self._tickets = None
        self._profile = None
        self._roster_loaded = False

    def invalidate_hand_entries(self) -> None:
        """A hand-entered count changed: the figures are computed again, from the tickets
        already loaded (they did not change)."""
        self._analysis = None

    def invalidate_roster(self) -> None:
        self._roster_loaded = False
        self.changed.emit()

    # -- pages -------------------------------------------------------------------------------------------
    def page(self, index: int):
        """The widget of a page, built on first use (tests and screenshots use this)."""
        if index not in self._built:
            if self.profile() is None:
                return None
            widget = self._build(index)
            self.pages.widget(index).layout().addWidget(widget)
            self._built[index] = widget
            widget.refresh()
        return self._built[index]

    def _build(self, index: int) -> QWidget:
        if index == self.DATA:
            from hallsupervisor.gui.staffing.data_page import DataPage

            widget = DataPage(self, self)
        elif index == self.REQUIREMENT:
            from hallsupervisor.gui.staffing.requirement_page import RequirementPage

            widget = RequirementPage(self, self)
        elif index == self.LIVE:
            from hallsupervisor.gui.staffing.live_page import LivePage

            widget = LivePage(self, self)
            widget.playbook_requested.connect(self.playbook_requested)
        else:
            from hallsupervisor.gui.staffing.roster_page import RosterPage

            widget = RosterPage(self, self)
            widget.refresh_settings()
        widget.changed.connect(self._page_changed)
        return widget

    def _page_changed(self) -> None:
        self.changed.emit()

    def _page_shown(self, index: int) -> None:
        built = index in self._built
        widget = self.page(index)
        if built and widget is not None:
            widget.refresh()
            if index == self.ROSTER:
                widget.refresh_settings()

    def refresh_pages(self, exclude=None) -> None:
        current = self.pages.currentIndex()
        widget = self._built.get(current)
        if widget is not None and widget is not exclude:
            widget.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.prepare()

    def prepare(self) -> None:
        """Each time the tab is shown: fresh figures on the page in view."""
        self.invalidate()
        has_hall = self.profile() is not None
        self.no_hall.setVisible(not has_hall)
        self.pages.setVisible(has_hall)
        if has_hall:
            index = self.pages.currentIndex()
            if index in self._built:
                self._built[index].refresh()
            else:
                self.page(index)

    def open_page(self, index: int):
        self.pages.setCurrentIndex(index)
        return self.page(index)
