"""巡检趋势 Trends: the daily score against the 90-point pass line, what failed behind a day,
the items that fail most often, and how many corrective actions were closed by their due date.

pyqtgraph (and numpy under it) is imported when the view is built, not when this module is,
so the application starts without them. Plot items are made once; refresh() only sets data.
"""

from __future__ import annotations

import bisect
import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, Slot
from PySide6.QtGui import QColor, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.inspection import model as inspection_model
from hallsupervisor.domain.inspection import scoring
from hallsupervisor.gui import i18n
from hallsupervisor.storage import inspection_stats as stats

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

CTX = "InspectionTrends"
DAY_SECONDS = 86_400
_EPOCH = _dt.date(1970, 1, 1).toordinal()

# Periods of the chooser: (key, days back including today; None = all, 0 = custom).
LAST_30, LAST_90, LAST_YEAR, ALL, CUSTOM = "30", "90", "365", "all", "custom"

DAILY_COLOUR = "#1f5fbf"
WEEKLY_COLOUR = "#e07b00"
PASS_LINE_COLOUR = "#b3261e"
BAR_COLOUR = "#5b7db8"
CUMULATIVE_COLOUR = "#b3261e"
ON_TIME_GOOD = "#1b7a3a"
ON_TIME_LOW = "#d08a00"
SECTION_COLOURS = [
    "#2e8b57",
    "#8e44ad",
    "#c0392b",
    "#16a085",
    "#7f8c8d",
    "#d35400",
    "#2c3e50",
    "#b7950b",
    "#1abc9c",
    "#6d4c41",
]
SCORES_PAGE, PARETO_PAGE, ACTIONS_PAGE = range(3)
WEEKLY_WIDTH = {False: 2.5, True: 2.0}  # by "dense" (a long period)
# Daily points get symbols (and are easy to hit) up to this many days on screen.
SYMBOL_DAYS = 120


def _stamp(day: _dt.date) -> float:
    """A day as the x coordinate: midnight UTC in seconds, read back by the date axis."""
    return float((day.toordinal() - _EPOCH) * DAY_SECONDS)


def _day_of(stamp: float) -> _dt.date:
    return _dt.date(1970, 1, 1) + _dt.timedelta(days=round(stamp / DAY_SECONDS))


def _fit_columns(view: QTableView, samples: list[str]) -> None:
    """Column widths from sample texts: ResizeToContents would measure every row."""
    header = view.horizontalHeader()
    metrics = view.fontMetrics()
    model = view.model()
    for column, sample in enumerate(samples):
        title = model.headerData(column, Qt.Orientation.Horizontal) or ""
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(str(title)))
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(column, width + 24)


def _weekly_means(points: list[tuple[_dt.date, float]]) -> list[tuple[_dt.date, float]]:
    """Daily values as one point per ISO week (its Thursday): the mean of its days."""
    weeks: dict[_dt.date, list[float]] = {}
    for day, value in points:
        weeks.setdefault(day - _dt.timedelta(days=day.weekday() - 3), []).append(value)
    return [(thursday, sum(values) / len(values)) for thursday, values in sorted(weeks.items())]


def _qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


_DAY_AXIS: list[type] = []  # made once: a class per view would be a new Qt type each time


def _date_axis_class(pg):
    if _DAY_AXIS:
        return _DAY_AXIS[0]

    class DayAxis(pg.DateAxisItem):
        """Dates as numbers (11-25, 2026-11, 2026): readable in Chinese and English alike."""

        def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph override
            if spacing >= 300 * DAY_SECONDS:
                fmt = "%Y"
            elif spacing >= 27 * DAY_SECONDS:
                fmt = "%Y-%m"
            else:
                fmt = "%m-%d"
            result = []
            for value in values:
                try:
                    moment = _dt.datetime(1970, 1, 1) + _dt.timedelta(seconds=value)
                except (OverflowError, ValueError):
                    result.append("")
                    continue
                result.append(moment.strftime(fmt))
            return result

    _DAY_AXIS.append(DayAxis)
    return DayAxis


def _import_pyqtgraph():
    import pyqtgraph as pg

    pg.setConfigOptions(antialias=True, background="w", foreground="#303030")
    return pg


class TrendsView(QWidget):
    """Score trends of one hall; `today` is injectable so tests and screenshots agree."""

    def __init__(self, store, hall_id: str, parent: QWidget | None = None, today=None):
        super().__init__(parent)
        self.setObjectName("trendsView")
        self.store = store
        self.hall_id = hall_id
        self._today = today or _dt.date.today
        self.pg = pg = _import_pyqtgraph()
        self.start = self.end = self._today()
        self.days: list[stats.DayScore] = []
        self._day_stamps: list[float] = []
        self.selected_day: _dt.date | None = None
        self.section_curves: dict[str, object] = {}
        self.section_colours: dict[str, str] = {}
        self.formula_box: QMessageBox | None = None

        layout = QVBoxLayout(self)
        layout.addLayout(self._build_controls())
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("trendTabs")
        self.tabs.addTab(self._build_score_page(pg), _t("InspectionTrends", "得分趋势"))
        self.tabs.addTab(self._build_pareto_page(pg), _t("InspectionTrends", "常见不合格项"))
        self.tabs.addTab(self._build_actions_page(pg), _t("InspectionTrends", "整改按期完成"))
        layout.addWidget(self.tabs, 1)
        self._stale: set[int] = set()
        self.tabs.currentChanged.connect(self._page_shown)
        self.refresh()

    # -- building ------------------------------------------------------------------------------
    def _build_controls(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("InspectionTrends", "时间范围"), self))
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("trendPeriod")
        for title, key in (
            (_t("InspectionTrends", "近30天"), LAST_30),
            (_t("InspectionTrends", "近90天"), LAST_90),
            (_t("InspectionTrends", "近一年"), LAST_YEAR),
            (_t("InspectionTrends", "全部"), ALL),
            (_t("InspectionTrends", "自定义"), CUSTOM),
        ):
            self.period_combo.addItem(title, key)
        self.period_combo.setCurrentIndex(1)
        row.addWidget(self.period_combo)
        self.start_edit = self._date_edit("trendStart")
        self.end_edit = self._date_edit("trendEnd")
        row.addWidget(self.start_edit)
        self.to_label = QLabel(_t("InspectionTrends", "至"), self)
        row.addWidget(self.to_label)
        row.addWidget(self.end_edit)
        row.addSpacing(16)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("trendSummary")
        row.addWidget(self.summary_label, 1)
        self.formula_button = QPushButton(_t("InspectionTrends", "评分公式"), self)
        self.formula_button.setObjectName("formulaButton")
        self.formula_button.setToolTip(_t("InspectionTrends", "得分是怎样算出来的"))
        self.formula_button.clicked.connect(self.show_formula)
        row.addWidget(self.formula_button)
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        self.start_edit.dateChanged.connect(self._custom_changed)
        self.end_edit.dateChanged.connect(self._custom_changed)
        return row

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _table(self, model: QStandardItemModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.setWordWrap(False)
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _plot(self, pg, name: str, dates: bool):
        axes = {"bottom": _date_axis_class(pg)(orientation="bottom", utcOffset=0)} if dates else {}
        widget = pg.PlotWidget(self, axisItems=axes)
        widget.setObjectName(name)
        widget.setMinimumHeight(160)
        widget.showGrid(x=False, y=True, alpha=0.25)
        widget.setMenuEnabled(False)
        widget.getPlotItem().hideButtons()
        widget.setMouseEnabled(x=True, y=False)
        return widget

    def _build_score_page(self, pg) -> QWidget:
        page = QWidget(self)
        outer = QVBoxLayout(page)
        outer.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Vertical, page)
        splitter.setChildrenCollapsible(False)

        top = QWidget(splitter)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        self.score_plot = self._plot(pg, "scorePlot", dates=True)
        item = self.score_plot.getPlotItem()
        item.setLabel("left", _t("InspectionTrends", "得分"))
        # Bottom left: under the pass line, where the points of a good hall rarely go.
        self.legend = item.addLegend(offset=(8, -8), brush=(255, 255, 255, 225), pen="#c8c8c8")
        self.pass_line = pg.InfiniteLine(
            pos=stats.PASS_LINE,
            angle=0,
            pen=pg.mkPen(PASS_LINE_COLOUR, width=1.5, style=Qt.PenStyle.DashLine),
            label=_t("InspectionTrends", "合格线 90 分"),
            labelOpts={"position": 0.06, "color": PASS_LINE_COLOUR, "anchors": [(0, 1), (0, 1)]},
        )
        item.addItem(self.pass_line)
        self.daily_curve = item.plot(
            [],
            [],
            pen=pg.mkPen(DAILY_COLOUR, width=1.2),
            symbol="o",
            symbolSize=6,
            symbolBrush=DAILY_COLOUR,
            symbolPen=None,
            name=_t("InspectionTrends", "每日平均得分"),
        )
        self.weekly_curve = item.plot(
            [],
            [],
            pen=pg.mkPen(WEEKLY_COLOUR, width=2.5),
            name=_t("InspectionTrends", "每周平均得分"),
        )
        self.legend.addItem(
            pg.PlotDataItem(pen=pg.mkPen(PASS_LINE_COLOUR, width=1.5, style=Qt.PenStyle.DashLine)),
            _t("InspectionTrends", "合格线（国网以90分为合格线）"),
        )
        self.day_marker = pg.InfiniteLine(
            angle=90, pen=pg.mkPen("#606060", width=1, style=Qt.PenStyle.DotLine)
        )
        self.day_marker.setVisible(False)
        item.addItem(self.day_marker)
        item.scene().sigMouseClicked.connect(self._plot_clicked)
        top_layout.addWidget(self.score_plot, 1)

        side = QVBoxLayout()
        side.addWidget(QLabel(_t("InspectionTrends", "分区得分（勾选显示）"), top))
        self.section_list = QListWidget(top)
        self.section_list.setObjectName("sectionList")
        self.section_list.setMaximumWidth(230)
        self.section_list.itemChanged.connect(self._section_toggled)
        side.addWidget(self.section_list, 1)
        top_layout.addLayout(side)
        splitter.addWidget(top)

        bottom = QWidget(splitter)
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        header = QHBoxLayout()
        header.addWidget(QLabel(_t("InspectionTrends", "查看某天的不合格项"), bottom))
        self.day_edit = self._date_edit("drillDay")
        self.day_edit.dateChanged.connect(lambda value: self.show_day(_pydate(value)))
        header.addWidget(self.day_edit)
        self.drill_label = QLabel(bottom)
        self.drill_label.setObjectName("drillLabel")
        header.addWidget(self.drill_label, 1)
        bottom_layout.addLayout(header)
        self.drill_model = QStandardItemModel(self)
        self.drill_view = self._table(self.drill_model, "drillView")
        bottom_layout.addWidget(self.drill_view, 1)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        outer.addWidget(splitter)
        self._set_drill_headers()
        return page

    def _build_pareto_page(self, pg) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        self.pareto_plot = self._plot(pg, "paretoPlot", dates=False)
        self.pareto_plot.setMouseEnabled(x=False, y=False)
        item = self.pareto_plot.getPlotItem()
        item.setLabel("left", _t("InspectionTrends", "不合格次数"))
        item.setLabel("bottom", _t("InspectionTrends", "排名（见右表）"))
        self.pareto_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR_COLOUR, pen=None)
        item.addItem(self.pareto_bars)
        # The cumulative share on its own 0–100 % axis at the right.
        self.pareto_share_box = pg.ViewBox()
        item.showAxis("right")
        item.scene().addItem(self.pareto_share_box)
        item.getAxis("right").linkToView(self.pareto_share_box)
        item.getAxis("right").setLabel(_t("InspectionTrends", "累计占比 %"))
        item.getAxis("right").setGrid(False)
        self.pareto_share_box.setXLink(item)
        self.pareto_share_box.setYRange(0, 105, padding=0)
        self.pareto_share_box.setMouseEnabled(x=False, y=False)
        self.pareto_share = pg.PlotDataItem(
            [],
            [],
            pen=pg.mkPen(CUMULATIVE_COLOUR, width=2),
            symbol="o",
            symbolSize=5,
            symbolBrush=CUMULATIVE_COLOUR,
            symbolPen=None,
        )
        self.pareto_share_box.addItem(self.pareto_share)

        def follow() -> None:
            self.pareto_share_box.setGeometry(item.vb.sceneBoundingRect())
            self.pareto_share_box.linkedViewChanged(item.vb, self.pareto_share_box.XAxis)

        item.vb.sigResized.connect(follow)
        splitter.addWidget(self.pareto_plot)
        self.pareto_model = QStandardItemModel(self)
        self.pareto_view = self._table(self.pareto_model, "paretoView")
        self.pareto_view.setWordWrap(True)
        splitter.addWidget(self.pareto_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([560, 640])
        layout.addWidget(splitter)
        return page

    def _build_actions_page(self, pg) -> QWidget:
        page = QWidget(self)
        layout = QHBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.actions_label = QLabel(left)
        self.actions_label.setObjectName("actionsLabel")
        self.actions_label.setWordWrap(True)
        left_layout.addWidget(self.actions_label)
        self.actions_plot = self._plot(pg, "actionsPlot", dates=True)
        item = self.actions_plot.getPlotItem()
        item.setLabel("left", _t("InspectionTrends", "按期完成 %"))
        self.actions_bars = pg.BarGraphItem(
            x=[], height=[], width=5 * DAY_SECONDS, brushes=[], pen=None
        )
        item.addItem(self.actions_bars)
        item.setYRange(0, 105, padding=0)
        left_layout.addWidget(self.actions_plot, 1)
        splitter.addWidget(left)
        self.actions_model = QStandardItemModel(self)
        self.actions_view = self._table(self.actions_model, "actionsView")
        splitter.addWidget(self.actions_view)
        splitter.setSizes([760, 440])
        layout.addWidget(splitter)
        return page

    # -- period --------------------------------------------------------------------------------------
    def set_period(
        self, key: str, start: _dt.date | None = None, end: _dt.date | None = None
    ) -> None:
        """Chooses a period (LAST_30, LAST_90, LAST_YEAR, ALL or CUSTOM with start and end)."""
        self.period_combo.blockSignals(True)
        self.period_combo.setCurrentIndex(self.period_combo.findData(key))
        self.period_combo.blockSignals(False)
        if key == CUSTOM and start and end:
            for edit, day in ((self.start_edit, start), (self.end_edit, end)):
                edit.blockSignals(True)
                edit.setDate(_qdate(day))
                edit.blockSignals(False)
        self.refresh()

    def _period_changed(self) -> None:
        self.refresh()

    def _custom_changed(self) -> None:
        if self.period_combo.currentData() == CUSTOM:
            self.refresh()

    def _period(self) -> tuple[_dt.date, _dt.date]:
        key = self.period_combo.currentData()
        today = self._today()
        if key == CUSTOM:
            start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
            return min(start, end), max(start, end)
        if key == ALL:
            span = stats.history_span(self.store, self.hall_id)
            return (span[0] if span else today), today
        return today - _dt.timedelta(days=int(key) - 1), today

    # -- refresh -------------------------------------------------------------------------------------
    @Slot()
    def refresh(self) -> None:
        """Reads the chosen period again (the host calls this when rounds change)."""
        self.start, self.end = self._period()
        custom = self.period_combo.currentData() == CUSTOM
        for edit, day in ((self.start_edit, self.start), (self.end_edit, self.end)):
            edit.blockSignals(True)
            edit.setDate(_qdate(day))
            edit.setEnabled(custom)
            edit.blockSignals(False)
        self.days = stats.daily_scores(self.store, self.hall_id, self.start, self.end)
        self._refresh_summary()
        # Only the page in view is read now; the others when they are opened.
        self._stale = {SCORES_PAGE, PARETO_PAGE, ACTIONS_PAGE}
        self._page_shown(self.tabs.currentIndex())

    def _page_shown(self, index: int) -> None:
        if index not in self._stale:
            return
        self._stale.discard(index)
        if index == SCORES_PAGE:
            self._refresh_scores()
            day = self.selected_day
            if day is None or not (self.start <= day <= self.end):
                day = self.days[-1].day if self.days else self.end
            self.show_day(day)
        elif index == PARETO_PAGE:
            self._refresh_pareto()
        elif index == ACTIONS_PAGE:
            self._refresh_actions()

    def _refresh_scores(self) -> None:
        weeks = stats.weeks_of(self.days)
        self._day_stamps = [_stamp(d.day) for d in self.days]
        scores = [d.score for d in self.days]
        self.daily_curve.setData(self._day_stamps, scores)
        dense = (self.end - self.start).days > SYMBOL_DAYS
        self.daily_curve.setSymbol(None if dense else "o")
        # Antialiased lines wider than one pixel are slow to draw with thousands of points.
        self.daily_curve.setPen(self.pg.mkPen(DAILY_COLOUR, width=1.0 if dense else 1.2))
        self.weekly_curve.setPen(self.pg.mkPen(WEEKLY_COLOUR, width=WEEKLY_WIDTH[dense]))
        # A week's mean sits mid-week (Thursday).
        self.weekly_curve.setData(
            [_stamp(w.week_start) + 3 * DAY_SECONDS for w in weeks], [w.score for w in weeks]
        )
        self._refresh_sections()
        self._fit_score_axes()

    def _refresh_summary(self) -> None:
        rounds = sum(d.rounds for d in self.days)
        if rounds:
            mean = sum(d.score * d.rounds for d in self.days) / rounds
            low_days = sum(d.score < stats.PASS_LINE for d in self.days)
            self.summary_label.setText(
                _t(
                    "InspectionTrends",
                    "平均得分 {score} · 完成巡检 {rounds} 次 · 低于90分的天数 {low}",
                ).format(score=scoring.format_score(mean), rounds=rounds, low=low_days)
            )
        else:
            self.summary_label.setText(_t("InspectionTrends", "这段时间没有完成的巡检"))

    def _fit_score_axes(self) -> None:
        item = self.score_plot.getPlotItem()
        half_day = DAY_SECONDS / 2
        item.setXRange(_stamp(self.start) - half_day, _stamp(self.end) + half_day, padding=0.01)
        lowest = min((d.score for d in self.days), default=stats.PASS_LINE)
        for curve in self.section_curves.values():
            ys = curve.getData()[1] if curve.isVisible() else None
            if ys is not None and len(ys):
                lowest = min(lowest, float(min(ys)))
        item.setYRange(max(0.0, min(lowest, stats.PASS_LINE) - 4), 101, padding=0)

    def _refresh_sections(self) -> None:
        """The list of sections to choose from; lines are read only for the checked ones."""
        language = i18n.current()
        sections = stats.current_sections(self.store, self.hall_id)
        self.section_list.blockSignals(True)
        entries = {
            self.section_list.item(i).data(Qt.ItemDataRole.UserRole): self.section_list.item(i)
            for i in range(self.section_list.count())
        }
        for key, title, title_en in sections:
            shown = bilingual(title, title_en, language)
            if key not in self.section_curves:
                colour = SECTION_COLOURS[len(self.section_curves) % len(SECTION_COLOURS)]
                curve = self.pg.PlotDataItem(pen=self.pg.mkPen(colour, width=1.5))
                self.section_colours[key] = colour
                curve.setVisible(False)
                self.score_plot.getPlotItem().addItem(curve)
                self.section_curves[key] = curve
                entry = QListWidgetItem(shown)
                entry.setData(Qt.ItemDataRole.UserRole, key)
                entry.setFlags(entry.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                entry.setCheckState(Qt.CheckState.Unchecked)
                swatch = QPixmap(12, 12)
                swatch.fill(QColor(colour))
                entry.setIcon(swatch)
                self.section_list.addItem(entry)
                entries[key] = entry
            entries[key].setText(shown)
        current = {key for key, _, _ in sections}
        for key, entry in entries.items():
            entry.setHidden(key not in current)
        self.section_list.blockSignals(False)
        checked = [
            key
            for key, entry in entries.items()
            if key in current and entry.checkState() == Qt.CheckState.Checked
        ]
        series = {
            s.key: s
            for s in stats.section_daily_scores(
                self.store, self.hall_id, self.start, self.end, keys=checked
            )
        }
        weekly = (self.end - self.start).days > SYMBOL_DAYS
        for key, curve in self.section_curves.items():
            points = series[key].points if key in series else []
            if weekly:  # a long period: a line per week is readable, one per day is noise
                points = _weekly_means(points)
            curve.setData([_stamp(d) for d, _ in points], [v for _, v in points])
            curve.setPen(self.pg.mkPen(self.section_colours[key], width=1.0 if weekly else 1.5))
            curve.setVisible(key in checked)

    def _section_toggled(self, entry: QListWidgetItem) -> None:
        self._refresh_sections()
        self._fit_score_axes()

    def set_section_visible(self, key: str, visible: bool) -> None:
        for i in range(self.section_list.count()):
            entry = self.section_list.item(i)
            if entry.data(Qt.ItemDataRole.UserRole) == key:
                entry.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def _refresh_pareto(self) -> None:
        rows = stats.pareto(self.store, self.hall_id, self.start, self.end)
        ranks = list(range(1, len(rows) + 1))
        self.pareto_bars.setOpts(x=ranks, height=[r.count for r in rows], width=0.7)
        self.pareto_share.setData(ranks, [r.cumulative_percent for r in rows])
        item = self.pareto_plot.getPlotItem()
        item.getAxis("bottom").setTicks([[(r, str(r)) for r in ranks]])
        item.setXRange(0.4, max(len(rows), 5) + 0.6, padding=0)
        item.setYRange(0, max([r.count for r in rows], default=1) * 1.1, padding=0)
        language = i18n.current()
        self.pareto_model.clear()
        self.pareto_model.setHorizontalHeaderLabels(
            [
                _t("InspectionTrends", "排名"),
                _t("InspectionTrends", "检查项目"),
                _t("InspectionTrends", "次数"),
                _t("InspectionTrends", "累计占比"),
            ]
        )
        for rank, row in zip(ranks, rows, strict=True):
            text = bilingual(row.text, row.text_en, language)
            cells = [
                QStandardItem(str(rank)),
                QStandardItem(text),
                QStandardItem(str(row.count)),
                QStandardItem(f"{row.cumulative_percent:.0f}%"),
            ]
            cells[1].setToolTip(f"{row.item_key} · {text}")
            for cell in (cells[0], cells[2], cells[3]):
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.pareto_model.appendRow(cells)
        header = self.pareto_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)

    def _refresh_actions(self) -> None:
        weeks = stats.actions_on_time_by_week(
            self.store, self.hall_id, self.start, self.end, today=self._today()
        )
        shown = [w for w in weeks if w.share is not None]
        xs = [_stamp(w.week_start) + 3 * DAY_SECONDS for w in shown]
        heights = [100 * w.share for w in shown]
        brushes = [ON_TIME_GOOD if w.share >= 0.9 else ON_TIME_LOW for w in shown]
        self.actions_bars.setOpts(x=xs, height=heights, width=5 * DAY_SECONDS, brushes=brushes)
        item = self.actions_plot.getPlotItem()
        item.setXRange(_stamp(self.start), _stamp(self.end) + DAY_SECONDS, padding=0.01)
        item.setYRange(0, 105, padding=0)
        due = sum(w.due for w in weeks)
        on_time = sum(w.on_time for w in weeks)
        if due:
            self.actions_label.setText(
                _t(
                    "InspectionTrends",
                    "到期的整改项 {due} 项，按期完成 {on_time} 项（{share}%）。绿色柱：本周按期完成不少于90%；橙色柱：低于90%。",
                ).format(due=due, on_time=on_time, share=round(100 * on_time / due))
            )
        else:
            self.actions_label.setText(_t("InspectionTrends", "这段时间没有到期的整改项。"))
        self.actions_model.clear()
        self.actions_model.setHorizontalHeaderLabels(
            [
                _t("InspectionTrends", "周（周一）"),
                _t("InspectionTrends", "到期"),
                _t("InspectionTrends", "按期完成"),
                _t("InspectionTrends", "按期率"),
            ]
        )
        for week in reversed(weeks):
            share = "—" if week.share is None else f"{100 * week.share:.0f}%"
            if week.share is not None and week.share < 0.9:
                share = f"▼ {share}"
            cells = [
                QStandardItem(week.week_start.isoformat()),
                QStandardItem(str(week.due)),
                QStandardItem(str(week.on_time)),
                QStandardItem(share),
            ]
            for cell in cells[1:]:
                cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if week.share is not None and week.share < 0.9:
                cells[3].setForeground(QColor(ON_TIME_LOW))
            self.actions_model.appendRow(cells)
        _fit_columns(self.actions_view, ["2026-11-23", "到期 ", "按期完成", "▼ 100%"])

    # -- drill-down ------------------------------------------------------------------------------------
    def _plot_clicked(self, event) -> None:
        if event.button() != Qt.MouseButton.LeftButton or not self._day_stamps:
            return
        box = self.score_plot.getPlotItem().vb
        if not box.sceneBoundingRect().contains(event.scenePos()):
            return
        x = box.mapSceneToView(event.scenePos()).x()
        day = self.nearest_day(x)
        if day is not None:
            self.show_day(day)

    def nearest_day(self, x: float) -> _dt.date | None:
        """The day with a score nearest to the chart coordinate x (within a week)."""
        if not self._day_stamps:
            return None
        at = bisect.bisect_left(self._day_stamps, x)
        candidates = [i for i in (at - 1, at) if 0 <= i < len(self._day_stamps)]
        best = min(candidates, key=lambda i: abs(self._day_stamps[i] - x))
        if abs(self._day_stamps[best] - x) > 7 * DAY_SECONDS:
            return None
        return self.days[best].day

    def day_position(self, day: _dt.date):
        """Where a day's point is drawn, in the score plot widget's coordinates (for tests)."""
        score = next((d.score for d in self.days if d.day == day), stats.PASS_LINE)
        box = self.score_plot.getPlotItem().vb
        scene = box.mapViewToScene(self.pg.Point(_stamp(day), score))
        return self.score_plot.mapFromScene(scene)

    def show_day(self, day: _dt.date) -> None:
        """Fills the drill-down with the failures behind `day` and marks the day on the chart."""
        self.selected_day = day
        self.day_edit.blockSignals(True)
        self.day_edit.setDate(_qdate(day))
        self.day_edit.blockSignals(False)
        self.day_marker.setValue(_stamp(day))
        self.day_marker.setVisible(self.start <= day <= self.end)
        failures = stats.failures_on(self.store, self.hall_id, day)
        self._set_drill_headers()
        for failure in failures:
            severity = inspection_model.SEVERITIES.get(failure.severity, failure.severity)
            cells = [
                QStandardItem(failure.time),
                QStandardItem(failure.round_name),
                QStandardItem(failure.item_key),
                QStandardItem(failure.item_text),
                QStandardItem(QCoreApplication.translate("Inspection", severity)),
                QStandardItem(failure.note),
            ]
            cells[0].setData(failure.round_id, Qt.ItemDataRole.UserRole)
            cells[3].setToolTip(failure.item_text)
            cells[5].setToolTip(failure.note)
            if failure.severity == inspection_model.CRITICAL:
                cells[4].setForeground(QColor(PASS_LINE_COLOUR))
            self.drill_model.appendRow(cells)
        score = next((d for d in self.days if d.day == day), None)
        if score is None:
            score_row = stats.daily_scores(self.store, self.hall_id, day, day)
            score = score_row[0] if score_row else None
        if score is None:
            text = _t("InspectionTrends", "{day}：没有完成的巡检。").format(day=day.isoformat())
        else:
            text = _t(
                "InspectionTrends",
                "{day}：巡检 {rounds} 次，平均 {score} 分，不合格 {count} 项。",
            ).format(
                day=day.isoformat(),
                rounds=score.rounds,
                score=scoring.format_score(score.score),
                count=len(failures),
            )
        self.drill_label.setText(text)
        header = self.drill_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.drill_view.setColumnWidth(3, max(260, self.drill_view.width() // 3))
        header.setStretchLastSection(True)

    def _set_drill_headers(self) -> None:
        self.drill_model.clear()
        self.drill_model.setHorizontalHeaderLabels(
            [
                _t("InspectionTrends", "时间"),
                _t("InspectionTrends", "巡检"),
                _t("InspectionTrends", "编号"),
                _t("InspectionTrends", "检查项目"),
                _t("InspectionTrends", "严重度"),
                _t("InspectionTrends", "情况说明"),
            ]
        )

    def drill_rows(self) -> list[list[str]]:
        return [
            [self.drill_model.item(r, c).text() for c in range(self.drill_model.columnCount())]
            for r in range(self.drill_model.rowCount())
        ]

    # -- formula ---------------------------------------------------------------------------------------
    def show_formula(self) -> None:
        """How a score is computed, in the interface language; does not block."""
        if self.formula_box is None:
            box = QMessageBox(self)
            box.setObjectName("formulaBox")
            box.setIcon(QMessageBox.Icon.Information)
            box.setWindowTitle(_t("InspectionTrends", "评分公式"))
            box.setStandardButtons(QMessageBox.StandardButton.Close)
            self.formula_box = box
        self.formula_box.setText(i18n.text(scoring.FORMULA))
        self.formula_box.setInformativeText(
            _t(
                "InspectionTrends",
                "一天的得分是当天已完成巡检得分的平均值；每周得分是该周全部巡检的平均值。低于90分（国网合格线）的得分以红色和▼标出。",
            )
        )
        self.formula_box.open()
