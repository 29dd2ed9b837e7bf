"""巡检 Inspection: the day's rounds and their entry, corrective actions, trends, history,
and the templates and day plan. The pages other than round entry are built when first
opened, so the charts' libraries load only when someone looks at a chart.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.inspection import dayplan
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.gui import i18n
from hallsupervisor.gui.inspection.actions_view import ActionsView
from hallsupervisor.gui.inspection.round_view import RoundView
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records

_t = QCoreApplication.translate

STATUS_LOOK = {
    dayplan.DONE: ("✓", "#1b7a3a"),
    dayplan.IN_PROGRESS: ("●", "#1f5fbf"),
    dayplan.DUE: ("◇", "#7a4f00"),
    dayplan.LATE: ("▲", "#b3261e"),
    dayplan.MISSED: ("▲", "#b3261e"),
    dayplan.UPCOMING: ("○", "#5f6368"),
}
ROUND_ID = Qt.ItemDataRole.UserRole
PLAN_ID = Qt.ItemDataRole.UserRole + 1


class DayPanel(QWidget):
    """The rounds planned for a day, with where each stands; Enter starts or continues one."""

    roundChosen = Signal(str)  # noqa: N815 - Qt naming

    def __init__(self, store, parent=None, clock=_dt.datetime.now):
        super().__init__(parent)
        self.setObjectName("dayPanel")
        self.store = store
        self.clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("InspectionTab", "日期"), self))
        self.date_edit = QDateEdit(self)
        self.date_edit.setObjectName("roundDate")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        today = clock().date()
        self.date_edit.setDate(QDate(today.year, today.month, today.day))
        self.date_edit.dateChanged.connect(self.refresh)
        row.addWidget(self.date_edit, 1)
        layout.addLayout(row)
        self.list = QListWidget(self)
        self.list.setObjectName("dayRounds")
        self.list.setSpacing(3)  # rows tall enough to hit with a mouse
        self.list.setWordWrap(True)
        self.list.itemActivated.connect(self._activated)
        layout.addWidget(self.list, 1)
        self.start_button = QPushButton(_t("InspectionTab", "开始/继续（回车）"), self)
        self.start_button.setObjectName("startRoundButton")
        self.adhoc_button = QPushButton(_t("InspectionTab", "临时巡检…"), self)
        self.adhoc_button.setObjectName("adhocRoundButton")
        for button in (self.start_button, self.adhoc_button):
            button.setMinimumHeight(40)
            layout.addWidget(button)
        self.start_button.clicked.connect(lambda: self._activated(self.list.currentItem()))
        self.adhoc_button.clicked.connect(self.start_adhoc)

    def day(self) -> _dt.date:
        date = self.date_edit.date()
        return _dt.date(date.year(), date.month(), date.day())

    def hall_id(self) -> str | None:
        return halls.current_hall_id(self.store)

    def refresh(self) -> None:
        current = self.list.currentRow()
        self.list.clear()
        hall_id = self.hall_id()
        if hall_id is None:
            return
        day, now = self.day(), self.clock()
        profile = halls.load_profile(self.store, hall_id)
        span = profile.opening_hours.get(day.isoweekday())
        end = (
            _dt.datetime.combine(day, _dt.time.fromisoformat(span[1]))
            if span
            else _dt.datetime.combine(day + _dt.timedelta(days=1), _dt.time())
        )
        rounds = self.store.query(
            "SELECT * FROM rounds WHERE hall_id = ? AND round_date = ? ORDER BY started_at",
            (hall_id, day.isoformat()),
        )
        by_plan = {r["plan_id"]: r for r in rounds if r["plan_id"]}
        language = i18n.current()
        for entry in records.day_plan(self.store, hall_id):
            planned = dayplan.PlannedRound(entry.name, entry.time, entry.name_en)
            found = by_plan.get(entry.id)
            status = dayplan.round_status(
                dayplan.planned_datetime(day, planned),
                now,
                started=found is not None,
                completed=bool(found and found["completed_at"]),
                day_end=end,
            )
            self._add(f"{entry.time}  {planned.display_name(language)}", status, found, entry.id)
        for found in rounds:
            if not found["plan_id"]:
                status = dayplan.DONE if found["completed_at"] else dayplan.IN_PROGRESS
                self._add(f"{found['started_at'][11:16]}  {found['name']}", status, found, None)
        if self.list.count():
            self.list.setCurrentRow(min(max(current, 0), self.list.count() - 1))

    def _add(self, label: str, status: str, found, plan_id: str | None) -> None:
        mark, colour = STATUS_LOOK[status]
        text = f"{label}    {mark} {i18n.text(dayplan.status_label(status))}"
        if found and found["score"] is not None and found["completed_at"]:
            text += _t("InspectionTab", "  {score:.1f} 分").format(score=found["score"])
        if found and found["signed_at"]:
            text += _t("InspectionTab", "  已签字")
        item = QListWidgetItem(text, self.list)
        item.setForeground(QBrush(QColor(colour)))
        item.setData(ROUND_ID, found["id"] if found else None)
        item.setData(PLAN_ID, plan_id)

    def _activated(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        round_id = item.data(ROUND_ID)
        if round_id is None:
            if self.store.read_only:
                return
            plan_id = item.data(PLAN_ID)
            entry = next(e for e in records.day_plan(self.store, self.hall_id()) if e.id == plan_id)
            round_id = records.start_round(
                self.store,
                self.hall_id(),
                name=entry.name,
                round_date=self.day(),
                template_id=records.latest_version_id(self.store, entry.template_family_id),
                planned_time=entry.time,
                plan_id=entry.id,
                started_at=self.clock(),
            )
            self.refresh()
        self.roundChosen.emit(round_id)

    def start_adhoc(self) -> None:
        hall_id = self.hall_id()
        templates = records.list_templates(self.store, hall_id) if hall_id else []
        if not templates or self.store.read_only:
            return
        language = i18n.current()
        names = [
            t.name_en if language.startswith("en") and t.name_en else t.name for t in templates
        ]
        choice, ok = QInputDialog.getItem(
            self,
            _t("InspectionTab", "临时巡检"),
            _t("InspectionTab", "用哪张巡检表？"),
            names,
            0,
            False,
        )
        if not ok:
            return
        template = templates[names.index(choice)]
        round_id = records.start_round(
            self.store,
            hall_id,
            name=_t("InspectionTab", "临时巡检"),
            round_date=self.day(),
            template_id=template.template_id,
            started_at=self.clock(),
        )
        self.refresh()
        self.roundChosen.emit(round_id)


class InspectionTab(QWidget):
    changed = Signal()

    ENTRY, ACTIONS, TRENDS, HISTORY, TEMPLATES = range(5)

    def __init__(self, store, settings, parent=None, clock=_dt.datetime.now):
        super().__init__(parent)
        self.setObjectName("inspectionTab")
        self.store = store
        self.settings = settings
        self.clock = clock
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("inspectionPages")
        layout.addWidget(self.pages)

        entry = QSplitter(Qt.Orientation.Horizontal, self)
        entry.setObjectName("inspectionSplitter")
        self.day_panel = DayPanel(store, entry, clock)
        self.round_view = RoundView(store, entry, clock)
        entry.addWidget(self.day_panel)
        entry.addWidget(self.round_view)
        entry.setStretchFactor(1, 1)
        entry.setSizes([300, 900])
        self.splitter = entry
        self.pages.addTab(entry, _t("InspectionTab", "巡检录入"))
        self._lazy: dict[int, QWidget | None] = {}
        for index, title in (
            (self.ACTIONS, _t("InspectionTab", "整改项")),
            (self.TRENDS, _t("InspectionTab", "趋势")),
            (self.HISTORY, _t("InspectionTab", "历史")),
            (self.TEMPLATES, _t("InspectionTab", "模板与计划")),
        ):
            holder = QWidget(self)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.insertTab(index, holder, title)
            self._lazy[index] = None
        self.pages.currentChanged.connect(self._page_shown)
        self.day_panel.roundChosen.connect(self.open_round)
        self.round_view.changed.connect(self._round_changed)
        self._prepared = False

    # -- pages built on first view ---------------------------------------------------------------
    def page(self, index: int) -> QWidget | None:
        """The widget of a page, building it if needed (tests and the main window use this)."""
        if index == self.ENTRY:
            return self.splitter
        if self._lazy.get(index) is None:
            hall_id = halls.current_hall_id(self.store)
            if hall_id is None:
                return None
            widget = self._build(index, hall_id)
            self.pages.widget(index).layout().addWidget(widget)
            self._lazy[index] = widget
        return self._lazy[index]

    def _build(self, index: int, hall_id: str) -> QWidget:
        if index == self.ACTIONS:
            view = ActionsView(self.store, hall_id, self, lambda: self.clock().date())
            view.changed.connect(self.changed)
            return view
        if index == self.TRENDS:
            from hallsupervisor.gui.inspection.trends_view import TrendsView

            return TrendsView(self.store, hall_id, self)
        if index == self.HISTORY:
            from hallsupervisor.gui.inspection.history_view import HistoryView

            view = HistoryView(self.store, hall_id, self)
            view.openRound.connect(self.open_round)
            return view
        from hallsupervisor.gui.inspection.plan_editor import PlanEditor
        from hallsupervisor.gui.inspection.template_editor import TemplateEditor

        holder = QSplitter(Qt.Orientation.Vertical, self)
        editor = TemplateEditor(self.store, hall_id, holder)
        plan = PlanEditor(self.store, hall_id, holder)
        editor.templatesChanged.connect(self.day_panel.refresh)
        plan.planChanged.connect(self.day_panel.refresh)
        plan.planChanged.connect(self.changed)
        holder.addWidget(editor)
        holder.addWidget(plan)
        holder.setSizes([500, 200])
        return holder

    def _page_shown(self, index: int) -> None:
        widget = self.page(index)
        refresh = getattr(widget, "refresh", None)
        if index != self.ENTRY and callable(refresh) and self._lazy.get(index) is not None:
            refresh()

    # -- rounds -------------------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        self.prepare()

    def prepare(self) -> None:
        """First look: a hall without a checklist gets its pack's, then the day is shown."""
        if not self._prepared:
            self._prepared = True
            hall_id = halls.current_hall_id(self.store)
            if (
                hall_id
                and not self.store.read_only
                and not records.list_templates(self.store, hall_id)
            ):
                pack = get_pack(halls.load_profile(self.store, hall_id).pack)
                if pack:
                    records.install_pack_inspection(self.store, hall_id, pack)
        self.day_panel.refresh()

    def open_round(self, round_id: str) -> None:
        self.pages.setCurrentIndex(self.ENTRY)
        self.round_view.open_round(round_id)

    def _round_changed(self) -> None:
        self.day_panel.refresh()
        self.changed.emit()
