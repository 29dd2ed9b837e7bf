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
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
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
        names = [bilingual(t.name, t.name_en, language) for t in templates]
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


class PeriodDialog(QDialog):
    """From and to dates for a summary, with the usual choices one click away."""

    def __init__(self, today: _dt.date, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_t("InspectionTab", "选择汇总周期"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        row.addWidget(self.start)
        row.addWidget(QLabel(_t("InspectionTab", "至"), self))
        row.addWidget(self.end)
        layout.addLayout(row)
        presets = QHBoxLayout()
        week = QPushButton(_t("InspectionTab", "近 7 天"), self)
        month = QPushButton(_t("InspectionTab", "上个月"), self)
        presets.addWidget(week)
        presets.addWidget(month)
        layout.addLayout(presets)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        first_of_month = today.replace(day=1)
        last_month_end = first_of_month - _dt.timedelta(days=1)
        week.clicked.connect(lambda: self._set(today - _dt.timedelta(days=6), today))
        month.clicked.connect(lambda: self._set(last_month_end.replace(day=1), last_month_end))
        self._set(today - _dt.timedelta(days=6), today)

    def _set(self, start: _dt.date, end: _dt.date) -> None:
        self.start.setDate(QDate(start.year, start.month, start.day))
        self.end.setDate(QDate(end.year, end.month, end.day))

    def choose(self) -> tuple[_dt.date, _dt.date] | None:
        if self.exec() != QDialog.DialogCode.Accepted:
            return None
        start, end = self.start.date(), self.end.date()
        return (
            _dt.date(start.year(), start.month(), start.day()),
            _dt.date(end.year(), end.month(), end.day()),
        )


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
        self._add_print_menu()
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

    # -- printing ------------------------------------------------------------------------------------
    def _add_print_menu(self) -> None:
        button = QToolButton(self)
        button.setObjectName("printMenuButton")
        button.setText(_t("InspectionTab", "打印…"))
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        menu = QMenu(button)
        self.print_sheet_action = menu.addAction(
            _t("InspectionTab", "空白巡检表（所选日期的全部巡检）…"), self.print_blank_sheet
        )
        self.print_day_action = menu.addAction(
            _t("InspectionTab", "所选日期的巡检报告…"), self.print_day_report
        )
        self.print_round_action = menu.addAction(
            _t("InspectionTab", "当前这一轮的报告…"), self.print_round_report
        )
        self.print_summary_action = menu.addAction(
            _t("InspectionTab", "周期汇总（一周或一个月）…"), self.print_summary
        )
        button.setMenu(menu)
        self.pages.setCornerWidget(button, Qt.Corner.TopRightCorner)

    def _hall(self) -> tuple[str | None, str]:
        hall_id = halls.current_hall_id(self.store)
        profile = halls.load_profile(self.store, hall_id) if hall_id else None
        return hall_id, profile.name if profile else ""

    def print_blank_sheet(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports.daily_sheet import daily_sheet

        hall_id, name = self._hall()
        day = self.day_panel.day()
        return preview(
            self,
            lambda: daily_sheet(self.store, hall_id, day, language=i18n.current()),
            _t("InspectionTab", "空白巡检表 {date}").format(date=day.isoformat()),
            f"{name}-巡检表-{day.isoformat()}.pdf",
        )

    def print_day_report(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports.round_report import day_report

        hall_id, name = self._hall()
        day = self.day_panel.day()
        return preview(
            self,
            lambda: day_report(self.store, hall_id, day, language=i18n.current()),
            _t("InspectionTab", "巡检报告 {date}").format(date=day.isoformat()),
            f"{name}-巡检报告-{day.isoformat()}.pdf",
        )

    def print_round_report(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports.round_report import round_report

        record = self.round_view.record
        if record is None:
            QMessageBox.information(
                self, _t("InspectionTab", "打印"), _t("InspectionTab", "请先打开一轮巡检。")
            )
            return None
        _hall_id, name = self._hall()
        return preview(
            self,
            lambda: round_report(self.store, record.id, language=i18n.current()),
            _t("InspectionTab", "巡检报告 {date} {name}").format(
                date=record.round_date, name=record.name
            ),
            f"{name}-{record.round_date}-{record.name}.pdf",
        )

    def print_summary(self, start: _dt.date | None = None, end: _dt.date | None = None):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports.summary import period_summary

        if start is None or end is None:
            chosen = PeriodDialog(self.clock().date(), self).choose()
            if chosen is None:
                return None
            start, end = chosen
        hall_id, name = self._hall()
        return preview(
            self,
            lambda: period_summary(self.store, hall_id, start, end, language=i18n.current()),
            _t("InspectionTab", "巡检汇总 {start} 至 {end}").format(start=start, end=end),
            f"{name}-巡检汇总-{start}-{end}.pdf",
        )

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
