"""需求 Requirement: the target, counters needed per interval with the queue's figures, actual
waits from the log against the model, and charts (pyqtgraph, imported when the page is built).
"""

from __future__ import annotations

import math

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.staffing.requirement import (
    StaffingSettings,
    beyond_counters,
    counters_by_interval,
    performance,
    pool_label,
)
from hallsupervisor.domain.staffing.weekly import coverage
from hallsupervisor.gui import i18n
from hallsupervisor.gui.staffing.data_page import weekday_names

_t = QCoreApplication.translate
_ROOT = QModelIndex()
SHORT_BG = QColor("#fbe4e1")

ARRIVALS_COLOUR = "#5b7db8"
NEEDED_COLOUR = "#b3261e"
SCHEDULED_COLOUR = "#1b7a3a"
WAIT_COLOUR = "#e07b00"
ACTUAL_COLOUR = "#6a3d9a"


def _minutes(value: float) -> str:
    return "∞" if not math.isfinite(value) else f"{value:.1f}"


class NeedsModel(QAbstractTableModel):
    HEADERS = (
        QT_TRANSLATE_NOOP("StaffingTab", "时段"),
        QT_TRANSLATE_NOOP("StaffingTab", "队列（业务）"),
        QT_TRANSLATE_NOOP("StaffingTab", "到达"),
        QT_TRANSLATE_NOOP("StaffingTab", "办理(分)"),
        QT_TRANSLATE_NOOP("StaffingTab", "需要窗口"),
        QT_TRANSLATE_NOOP("StaffingTab", "开窗口数"),
        QT_TRANSLATE_NOOP("StaffingTab", "预计等候(分)"),
        QT_TRANSLATE_NOOP("StaffingTab", "等候概率"),
        QT_TRANSLATE_NOOP("StaffingTab", "服务水平"),
        QT_TRANSLATE_NOOP("StaffingTab", "占用率"),
        QT_TRANSLATE_NOOP("StaffingTab", "Erlang A 需要"),
        QT_TRANSLATE_NOOP("StaffingTab", "实际平均等候"),
        QT_TRANSLATE_NOOP("StaffingTab", "实际达标率"),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []
        self.target = 0.8
        self.show_a = False

    def set_rows(self, rows, target: float, show_a: bool) -> None:
        self.beginResetModel()
        self.rows, self.target, self.show_a = rows, target, show_a
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.HEADERS)

    # What each column means, shown when the mouse rests on its header.
    TIPS = {
        4: QT_TRANSLATE_NOOP("StaffingTab", "达到服务目标要排的窗口人员，已按缩减率加人（排班按这个数安排）。"),
        5: QT_TRANSLATE_NOOP("StaffingTab", "同一时刻要开着的窗口数（未加缩减），可与本厅的窗口数比较。"),
        6: QT_TRANSLATE_NOOP("StaffingTab", "按 Erlang C，开着上一列的窗口时顾客的平均等候分钟数。"),
        7: QT_TRANSLATE_NOOP("StaffingTab", "到达时需要排队（不能马上叫号）的顾客比例。"),
        8: QT_TRANSLATE_NOOP("StaffingTab", "在目标时间内被叫号的顾客比例。"),
        9: QT_TRANSLATE_NOOP("StaffingTab", "窗口忙于办理业务的时间比例。"),
        10: QT_TRANSLATE_NOOP("StaffingTab", "考虑顾客等不及就离开时需要的窗口数；括号内是预计离开的比例。"),
        11: QT_TRANSLATE_NOOP("StaffingTab", "取号记录中的实际平均等候分钟数；红色表示没有达到目标。"),
        12: QT_TRANSLATE_NOOP("StaffingTab", "取号记录中在目标时间内被叫号的实际比例；红色表示没有达到目标。"),
    }

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _t("StaffingTab", self.HEADERS[section])
        if role == Qt.ItemDataRole.ToolTipRole and section in self.TIPS:
            return _t("StaffingTab", self.TIPS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        need, label, actual = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = [
                need.start,
                label,
                f"{need.arrivals:.1f}",
                f"{need.aht_minutes:.1f}",
                str(need.counters) if need.feasible else _t("StaffingTab", "超出能力"),
                str(need.base_counters),
                _minutes(need.expected_wait_minutes),
                f"{need.probability_of_waiting:.0%}",
                f"{need.service_level:.0%}",
                f"{need.occupancy:.0%}",
                (
                    _t("StaffingTab", "{n}（离开 {p:.0%}）").format(
                        n=need.erlang_a_counters, p=need.erlang_a_abandon
                    )
                    if need.erlang_a_counters is not None
                    else "—"
                ),
                f"{actual.mean_wait_minutes:.1f}" if actual and actual.called else "",
                f"{actual.within_target:.0%}" if actual and actual.called else "",
            ]
            return values[column]
        if role == Qt.ItemDataRole.BackgroundRole and column in (11, 12) and actual:
            if actual.called and actual.within_target < self.target:
                return QBrush(SHORT_BG)
        if role == Qt.ItemDataRole.ToolTipRole and column == 1:
            return label
        if role == Qt.ItemDataRole.ToolTipRole and column in (11, 12) and actual:
            return _t(
                "StaffingTab", "这个时段实际叫号 {n} 人，离开 {left} 人；达标率低于目标时标红。"
            ).format(n=actual.called, left=actual.left)
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None


class RequirementPage(QWidget):
    changed = Signal()

    def __init__(self, tab, parent=None):
        super().__init__(parent)
        self.setObjectName("staffingRequirementPage")
        self.tab = tab
        layout = QHBoxLayout(self)
        side = QVBoxLayout()
        target = QGroupBox(_t("StaffingTab", "服务目标"), self)
        self.target_box = target
        form = QFormLayout(target)
        self.level = QSpinBox(target)
        self.level.setObjectName("serviceLevel")
        self.level.setRange(1, 100)
        self.level.setSuffix(" %")
        self.wait = QDoubleSpinBox(target)
        self.wait.setObjectName("targetWait")
        self.wait.setRange(0, 240)
        self.wait.setDecimals(0)
        self.wait.setSuffix(_t("StaffingTab", " 分钟"))
        self.use_average = QCheckBox(_t("StaffingTab", "平均等候不超过"), target)
        self.use_average.setObjectName("useAverageWait")
        self.average = QDoubleSpinBox(target)
        self.average.setObjectName("averageWait")
        self.average.setRange(0, 240)
        self.average.setDecimals(1)
        self.average.setSuffix(_t("StaffingTab", " 分钟"))
        self.shrinkage = QSpinBox(target)
        self.shrinkage.setObjectName("shrinkage")
        self.shrinkage.setRange(0, 89)
        self.shrinkage.setSuffix(" %")
        self.interval = QComboBox(target)
        self.interval.setObjectName("intervalMinutes")
        for minutes in (15, 30):
            self.interval.addItem(_t("StaffingTab", "{n} 分钟").format(n=minutes), minutes)
        self.weeks = QSpinBox(target)
        self.weeks.setObjectName("analysisWeeks")
        self.weeks.setRange(1, 52)
        self.weeks.setSuffix(_t("StaffingTab", " 周"))
        self.surge = QSpinBox(target)
        self.surge.setObjectName("surgeQueue")
        self.surge.setRange(1, 1000)
        self.surge.setSuffix(_t("StaffingTab", " 人"))
        form.addRow(_t("StaffingTab", "目标：叫号比例"), self.level)
        form.addRow(_t("StaffingTab", "在多少分钟内"), self.wait)
        form.addRow(self.use_average, self.average)
        form.addRow(_t("StaffingTab", "缩减（休息、会议等）"), self.shrinkage)
        form.addRow(_t("StaffingTab", "时段长度"), self.interval)
        form.addRow(_t("StaffingTab", "分析最近"), self.weeks)
        form.addRow(_t("StaffingTab", "突发客流阈值（排队人数）"), self.surge)
        side.addWidget(target)
        day_row = QHBoxLayout()
        day_row.addWidget(QLabel(_t("StaffingTab", "查看"), self))
        self.weekday = QComboBox(self)
        self.weekday.setObjectName("requirementWeekday")
        for number, name in enumerate(weekday_names(), start=1):
            self.weekday.addItem(name, number)
        day_row.addWidget(self.weekday, 1)
        side.addLayout(day_row)
        self.pool_note = QLabel(self)
        self.pool_note.setObjectName("poolNote")
        self.pool_note.setWordWrap(True)
        side.addWidget(self.pool_note)
        self.capacity_note = QLabel(self)
        self.capacity_note.setObjectName("capacityNote")
        self.capacity_note.setWordWrap(True)
        self.capacity_note.setStyleSheet("color: #b3261e;")
        side.addWidget(self.capacity_note)
        self.model_note = QLabel(
            _t(
                "StaffingTab",
                "按 Erlang C（M/M/c）计算满足目标的最少窗口数，再按缩减率加人。专用窗口的业务单独计算，共用窗口的业务合并排队计算。",
            ),
            self,
        )
        self.model_note.setWordWrap(True)
        self.model_note.setStyleSheet("color: #555;")
        side.addWidget(self.model_note)
        side.addStretch(1)
        holder = QWidget(self)
        holder.setLayout(side)
        holder.setMaximumWidth(330)
        layout.addWidget(holder)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.table_model = NeedsModel(self)
        self.table = QTableView(splitter)
        self.table.setObjectName("needsTable")
        self.table.setModel(self.table_model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 200)
        self.table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.table.verticalHeader().setVisible(False)
        splitter.addWidget(self.table)
        self.charts = self._build_charts(splitter)
        splitter.addWidget(self.charts)
        splitter.setSizes([260, 420])
        layout.addWidget(splitter, 1)
        self._loading = False
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(300)
        self._save_timer.timeout.connect(self._save_now)
        for widget in (self.level, self.shrinkage, self.weeks, self.surge):
            widget.valueChanged.connect(self._store_settings)
        for widget in (self.wait, self.average):
            widget.valueChanged.connect(self._store_settings)
        self.use_average.toggled.connect(self._store_settings)
        self.interval.currentIndexChanged.connect(self._store_settings)
        self.weekday.currentIndexChanged.connect(self.refresh)

    # -- charts --------------------------------------------------------------------------------------
    def _build_charts(self, parent) -> QWidget:
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#303030")
        self.pg = pg
        widget = pg.GraphicsLayoutWidget(parent)
        widget.setObjectName("requirementCharts")
        self.arrivals_plot = widget.addPlot(row=0, col=0, title=_t("StaffingTab", "到达人数（每时段）"))
        self.counters_plot = widget.addPlot(row=1, col=0, title=_t("StaffingTab", "需要窗口 与 已排班人数"))
        self.wait_plot = widget.addPlot(row=2, col=0, title=_t("StaffingTab", "等候时间（分钟）"))
        for plot in (self.arrivals_plot, self.counters_plot, self.wait_plot):
            plot.showGrid(x=False, y=True, alpha=0.25)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
        self.counters_plot.setXLink(self.arrivals_plot)
        self.wait_plot.setXLink(self.arrivals_plot)
        self.arrival_bars = pg.BarGraphItem(x=[], height=[], width=0.8, brush=ARRIVALS_COLOUR, pen=None)
        self.arrivals_plot.addItem(self.arrival_bars)
        legend = self.counters_plot.addLegend(offset=(-10, 5), colCount=2)
        self.needed_curve = self.counters_plot.plot(
            [], [], stepMode="center", pen=pg.mkPen(NEEDED_COLOUR, width=2.5),
            name=_t("StaffingTab", "需要"),
        )
        self.scheduled_curve = self.counters_plot.plot(
            [], [], stepMode="center", pen=pg.mkPen(SCHEDULED_COLOUR, width=2, style=Qt.PenStyle.DashLine),
            name=_t("StaffingTab", "已排班"),
        )
        legend.setBrush(pg.mkBrush(255, 255, 255, 210))
        legend = self.wait_plot.addLegend(
            offset=(-10, 5), brush=pg.mkBrush(255, 255, 255, 210), colCount=3
        )
        self.wait_curve = self.wait_plot.plot(
            [], [], pen=pg.mkPen(WAIT_COLOUR, width=2), symbol="o", symbolSize=5,
            symbolBrush=WAIT_COLOUR, name=_t("StaffingTab", "模型预计（按需要窗口）"),
        )
        self.actual_curve = self.wait_plot.plot(
            [], [], pen=pg.mkPen(ACTUAL_COLOUR, width=2), symbol="s", symbolSize=5,
            symbolBrush=ACTUAL_COLOUR, name=_t("StaffingTab", "实际平均"),
        )
        self.rostered_wait_curve = self.wait_plot.plot(
            [], [], pen=pg.mkPen(SCHEDULED_COLOUR, width=2, style=Qt.PenStyle.DashLine),
            name=_t("StaffingTab", "按已排班预计"),
        )
        self.target_line = pg.InfiniteLine(
            angle=0, pen=pg.mkPen("#b3261e", width=1, style=Qt.PenStyle.DotLine)
        )
        self.wait_plot.addItem(self.target_line)
        return widget

    # -- settings ------------------------------------------------------------------------------------
    def load_settings(self, settings: StaffingSettings) -> None:
        self._loading = True
        self.level.setValue(round(settings.service_level * 100))
        self.wait.setValue(settings.target_wait_minutes)
        self.use_average.setChecked(settings.max_average_wait is not None)
        self.average.setValue(settings.max_average_wait or 5.0)
        self.average.setEnabled(settings.max_average_wait is not None)
        self.shrinkage.setValue(round(settings.shrinkage * 100))
        self.interval.setCurrentIndex(max(0, self.interval.findData(settings.interval_minutes)))
        self.weeks.setValue(settings.weeks)
        self.surge.setValue(settings.surge_queue)
        self._loading = False

    def current_settings(self) -> StaffingSettings:
        return StaffingSettings(
            interval_minutes=int(self.interval.currentData()),
            service_level=self.level.value() / 100,
            target_wait_minutes=float(self.wait.value()),
            max_average_wait=float(self.average.value()) if self.use_average.isChecked() else None,
            shrinkage=self.shrinkage.value() / 100,
            weeks=self.weeks.value(),
            surge_queue=self.surge.value(),
        )

    def _store_settings(self) -> None:
        """Stored a moment after the last change, so holding an arrow key recomputes once."""
        self.average.setEnabled(self.use_average.isChecked())
        if not self._loading:
            self._save_timer.start()

    def _save_now(self) -> None:
        self.tab.save_settings(self.current_settings())  # the tab tells Today

    # -- showing -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        analysis = self.tab.analysis()
        if analysis is None:
            return
        self.load_settings(analysis.settings)
        self.target_box.setEnabled(not self.tab.store.read_only)
        weekday = int(self.weekday.currentData() or 1)
        names = {b.code: b.display_name(i18n.current()) for b in self.tab.profile().business_types}
        rows = []
        seen_interval = set()
        for need in analysis.needs:
            if need.weekday != weekday:
                continue
            actual = analysis.actual.get((weekday, need.start))
            first = need.start not in seen_interval
            seen_interval.add(need.start)
            rows.append((need, pool_label(need.pool, names, _t("Message", "、")), actual if first else None))
        self.table_model.set_rows(rows, analysis.settings.service_level, analysis.abandon.material)
        self.table.setColumnHidden(10, not analysis.abandon.material)
        dedicated = [p for p in analysis.pools if p.dedicated and p.counters]
        shared = [p for p in analysis.pools if not p.dedicated]
        self.pool_note.setText(
            _t("StaffingTab", "专用窗口单独计算：{dedicated}。共用窗口合并计算：{shared}。").format(
                dedicated=_t("StaffingTab", "；").join(pool_label(p.key, names, _t("Message", "、")) for p in dedicated) or "—",
                shared=_t("StaffingTab", "；").join(pool_label(p.key, names, _t("Message", "、")) for p in shared) or "—",
            )
        )
        counters = len(self.tab.profile().counters)
        beyond = beyond_counters(analysis.needs, analysis.starts, counters).get(weekday)
        self.capacity_note.setVisible(beyond is not None)
        if beyond is not None:
            self.capacity_note.setText(
                _t(
                    "StaffingTab",
                    "本厅只有 {counters} 个窗口，{day}有 {n} 个时段需要开更多窗口（最多 {peak} 个）：排满也只能开 {counters} 个，高峰会排长队。可考虑预约分流、引导自助办理或增设窗口。",
                ).format(counters=counters, day=weekday_names()[weekday - 1], n=beyond[0], peak=beyond[1])
            )
        self._update_charts(analysis, weekday)

    def scheduled(self, analysis, weekday: int) -> list[int] | None:
        roster = self.tab.current_roster()
        if roster is None:
            return None
        shifts = roster.day_shifts(weekday - 1)
        return coverage(shifts, analysis.first_start, analysis.settings.interval_minutes, len(analysis.starts))

    def _update_charts(self, analysis, weekday: int) -> None:
        starts = analysis.starts
        n = len(starts)
        xs = list(range(n))
        arrivals = [0.0] * n
        column = {s: i for i, s in enumerate(starts)}
        for (w, s, _c), v in analysis.arrivals.items():
            if w == weekday and s in column:
                arrivals[column[s]] += v
        self.arrival_bars.setOpts(x=xs, height=arrivals)
        needed = counters_by_interval(analysis.needs, weekday, starts)
        edges = [x - 0.5 for x in xs] + [n - 0.5]
        self.needed_curve.setData(edges, needed)
        scheduled = self.scheduled(analysis, weekday)
        self.scheduled_curve.setData(edges if scheduled else [], scheduled or [])
        waits, actual = [], []
        by_start: dict[str, list] = {}
        for need in analysis.needs:
            if need.weekday == weekday:
                by_start.setdefault(need.start, []).append(need)
        rostered = []
        counters = len(self.tab.profile().counters) or None
        for i, s in enumerate(starts):
            needs = by_start.get(s, [])
            total = sum(x.arrivals for x in needs)
            wait = (
                sum(x.arrivals * x.expected_wait_minutes for x in needs) / total if total else 0.0
            )
            waits.append(wait if math.isfinite(wait) else float("nan"))
            found = analysis.actual.get((weekday, s))
            actual.append(found.mean_wait_minutes if found and found.called else float("nan"))
            if scheduled and total:
                # The whole hall as one queue with the people rostered at the counters: an
                # optimistic view (pooling helps), to see where the roster leaves a queue.
                aht = sum(x.arrivals * x.aht_minutes for x in needs) / total
                open_now = min(scheduled[i], counters) if counters else scheduled[i]
                expected = performance(total, aht, open_now, analysis.settings)["wait"]
                rostered.append(min(expected, 60.0) if math.isfinite(expected) else 60.0)
            else:
                rostered.append(float("nan"))
        # A curve of nothing but gaps stays empty (pyqtgraph cannot scale an all-NaN curve).
        for curve, values in (
            (self.wait_curve, waits),
            (self.actual_curve, actual),
            (self.rostered_wait_curve, rostered),
        ):
            if any(math.isfinite(v) for v in values):
                curve.setData(xs, values, connect="finite")
            else:
                curve.setData([], [])
        self.target_line.setValue(analysis.settings.target_wait_minutes)
        # Scaled to the model, the log and the target; a roster far short runs off the top.
        seen = [v for v in (*waits, *actual) if math.isfinite(v)]
        top = max([*seen, analysis.settings.target_wait_minutes * 2, 1.0])
        self.wait_plot.setYRange(0, top * 1.25, padding=0)
        step = max(1, n // 9)
        ticks = [[(i, starts[i]) for i in range(0, n, step)]]
        for plot in (self.arrivals_plot, self.counters_plot, self.wait_plot):
            plot.getAxis("bottom").setTicks(ticks)
            plot.setXRange(-0.6, n - 0.4, padding=0)
        top = max([*needed, *(scheduled or []), 1])
        self.counters_plot.setYRange(0, top + 1, padding=0)
