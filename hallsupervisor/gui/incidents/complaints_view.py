"""投诉登记 The complaint register: each complaint with its channel, category, the time limits
for response and completion (from the domain's work-order limits), its status and the steps
taken; a Pareto chart of categories over a period. Every change is stored at once.

pyqtgraph is imported when the chart is first built, not with this module.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.incidents import complaints as rules
from hallsupervisor.domain.incidents.run import check_text
from hallsupervisor.gui.incidents.run_dialogs import _Form
from hallsupervisor.storage import complaints as records
from hallsupervisor.storage import halls

_t = QCoreApplication.translate

BAR_COLOUR = "#3d6fa5"
CUMULATIVE_COLOUR = "#d07a1c"
LATE = "#b3261e"
EARLIER_LATE = "#9a5b00"
_ROOT = QModelIndex()


def _date(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


class ComplaintModel(QAbstractTableModel):
    """The register as a table; the overdue column has a mark and a word as well as red."""

    COLUMNS = [
        "received",
        "channel",
        "category",
        "customer",
        "summary",
        "status",
        "response_due",
        "completion_due",
        "overdue",
    ]
    COMPLAINT = Qt.ItemDataRole.UserRole

    def __init__(self, now, parent=None):
        super().__init__(parent)
        self.now = now
        self.rows: list[records.Complaint] = []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _header(self.COLUMNS[section])
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        complaint = self.rows[index.row()]
        key = self.COLUMNS[index.column()]
        if role == self.COMPLAINT:
            return complaint.id
        late = complaint.overdue(self.now())
        if role == Qt.ItemDataRole.ForegroundRole and key == "overdue" and late:
            now_late = rules.breached_now(
                complaint.status, complaint.response_due, complaint.completion_due, self.now()
            )
            return QColor(LATE if now_late else EARLIER_LATE)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "received":
            return complaint.received_at.strftime("%Y-%m-%d %H:%M")
        if key == "channel":
            return _t("Complaints", rules.CHANNELS[complaint.channel])
        if key == "category":
            return _t("Complaints", rules.CATEGORIES[complaint.category])
        if key == "customer":
            return complaint.customer
        if key == "summary":
            return complaint.summary
        if key == "status":
            return _t("Complaints", rules.STATUSES[complaint.status])
        if key == "response_due":
            return complaint.response_due.strftime("%m-%d %H:%M")
        if key == "completion_due":
            return complaint.completion_due.strftime("%m-%d %H:%M")
        if key == "overdue":
            now_late = rules.breached_now(
                complaint.status, complaint.response_due, complaint.completion_due, self.now()
            )
            if now_late.response:
                return _t("Complaints", "▲ 未按时响应")
            if now_late:
                return _t("Complaints", "▲ 超时未办结")
            if late.response:
                return _t("Complaints", "◆ 响应晚了")
            if late:
                return _t("Complaints", "◆ 办结晚了")
            if complaint.status in rules.CLOSED_STATUSES:
                return _t("Complaints", "✓ 按时")
            return _t("Complaints", "○ 未到期")
        return None


def _header(key: str) -> str:
    return {
        "received": _t("Complaints", "受理时间"),
        "channel": _t("Complaints", "渠道"),
        "category": _t("Complaints", "类别"),
        "customer": _t("Complaints", "客户"),
        "summary": _t("Complaints", "摘要"),
        "status": _t("Complaints", "状态"),
        "response_due": _t("Complaints", "响应期限"),
        "completion_due": _t("Complaints", "办结期限"),
        "overdue": _t("Complaints", "时限"),
    }[key]


class ComplaintDialog(_Form):
    """A new complaint: where it came in, what it is about, when, from whom."""

    def __init__(self, now: _dt.datetime, parent=None):
        super().__init__(_t("Complaints", "登记投诉"), parent)
        self.channel = QComboBox(self)
        self.channel.setObjectName("complaintChannel")
        for code, label in rules.CHANNELS.items():
            self.channel.addItem(_t("Complaints", label), code)
        self.form.addRow(_t("Complaints", "渠道"), self.channel)
        self.category = QComboBox(self)
        self.category.setObjectName("complaintCategory")
        for code, label in rules.CATEGORIES.items():
            self.category.addItem(_t("Complaints", label), code)
        self.form.addRow(_t("Complaints", "类别"), self.category)
        self.received = QDateTimeEdit(QDateTime(QDate(now.year, now.month, now.day),
                                                _qtime(now)), self)
        self.received.setObjectName("complaintReceived")
        self.received.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.form.addRow(_t("Complaints", "受理时间"), self.received)
        self.customer = QLineEdit(self)
        self.customer.setObjectName("complaintCustomer")
        self.form.addRow(_t("Complaints", "客户"), self.customer)
        self.summary = QLineEdit(self)
        self.summary.setObjectName("complaintSummary")
        self.summary.setMinimumWidth(380)
        self.form.addRow(_t("Complaints", "摘要"), self.summary)
        self.finish()
        self.channel.setFocus()

    def accept(self) -> None:
        problem = check_text(self.summary.text()) or check_text(self.customer.text(),
                                                                 required=False)
        if problem:
            self.refuse(_t("Incidents", problem))
            return
        super().accept()

    def values(self) -> dict:
        moment = self.received.dateTime()
        date, time = moment.date(), moment.time()
        return {
            "channel": self.channel.currentData(),
            "category": self.category.currentData(),
            "received_at": _dt.datetime(date.year(), date.month(), date.day(), time.hour(),
                                        time.minute()),
            "customer": self.customer.text().strip(),
            "summary": self.summary.text().strip(),
        }


def _qtime(moment: _dt.datetime):
    from PySide6.QtCore import QTime

    return QTime(moment.hour, moment.minute)


class ComplaintsView(QWidget):
    changed = Signal()

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("complaintsView")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        self.hall_id = store.hall_id or halls.current_hall_id(store)
        self._chart = None
        self._build()
        self.refresh()

    def now(self) -> _dt.datetime:
        return self.clock().replace(microsecond=0)

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.add_button = QPushButton(_t("Complaints", "登记投诉 (Ctrl+N)"), self)
        self.add_button.setObjectName("addComplaint")
        self.add_button.clicked.connect(self.add_complaint)
        bar.addWidget(self.add_button)
        add = QAction(self)
        add.setShortcut(QKeySequence("Ctrl+N"))
        add.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add.triggered.connect(self.add_complaint)
        self.addAction(add)
        bar.addSpacing(16)
        bar.addWidget(QLabel(_t("Complaints", "期间"), self))
        today = self.now().date()
        first = today.replace(day=1)
        self.start = QDateEdit(QDate(first.year, first.month, first.day), self)
        self.start.setObjectName("complaintsFrom")
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        self.end.setObjectName("complaintsTo")
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(lambda _d: self.refresh())
        bar.addWidget(self.start)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.end)
        self.open_only = QCheckBox(_t("Complaints", "只看未办结"), self)
        self.open_only.setObjectName("complaintsOpenOnly")
        self.open_only.toggled.connect(lambda _on: self.refresh())
        bar.addWidget(self.open_only)
        bar.addStretch(1)
        self.summary = QLabel(self)
        self.summary.setObjectName("complaintsSummary")
        bar.addWidget(self.summary)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical, self)
        top = QSplitter(Qt.Orientation.Horizontal, split)
        self.model = ComplaintModel(self.now, self)
        self.table = QTableView(top)
        self.table.setObjectName("complaintsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_steps())

        side = QWidget(top)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(QLabel(_t("Complaints", "处理步骤"), side))
        self.steps = QListWidget(side)
        self.steps.setObjectName("complaintSteps")
        self.steps.setWordWrap(True)
        side_layout.addWidget(self.steps, 1)
        self.step_edit = QLineEdit(side)
        self.step_edit.setObjectName("complaintStepText")
        self.step_edit.setPlaceholderText(_t("Complaints", "做了什么（回车记录）"))
        self.step_edit.returnPressed.connect(lambda: self.add_step(None))
        side_layout.addWidget(self.step_edit)
        self.by_name = QComboBox(side)
        self.by_name.setObjectName("complaintStepBy")
        self.by_name.setEditable(True)
        side_layout.addWidget(self.by_name)
        buttons = QHBoxLayout()
        self.resolve_button = QPushButton(_t("Complaints", "办结"), side)
        self.resolve_button.setObjectName("resolveComplaint")
        self.resolve_button.clicked.connect(lambda: self.add_step(rules.RESOLVED))
        buttons.addWidget(self.resolve_button)
        self.withdraw_button = QPushButton(_t("Complaints", "客户撤诉"), side)
        self.withdraw_button.setObjectName("withdrawComplaint")
        self.withdraw_button.clicked.connect(lambda: self.add_step(rules.WITHDRAWN))
        buttons.addWidget(self.withdraw_button)
        side_layout.addLayout(buttons)
        self.problem = QLabel(side)
        self.problem.setObjectName("complaintProblem")
        self.problem.setStyleSheet(f"color: {LATE};")
        self.problem.setWordWrap(True)
        side_layout.addWidget(self.problem)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 1)

        self.chart_host = QWidget(split)
        self.chart_host.setObjectName("paretoHost")
        self.chart_host.setMinimumHeight(230)
        QVBoxLayout(self.chart_host).setContentsMargins(0, 0, 0, 0)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

    # -- data ---------------------------------------------------------------------------
    def period(self) -> tuple[_dt.date, _dt.date]:
        return _date(self.start.date()), _date(self.end.date())

    def refresh(self) -> None:
        if not self.hall_id:
            return
        start, end = self.period()
        every = records.list_complaints(self.store, self.hall_id, start, end)
        if self.open_only.isChecked():
            rows = [c for c in every if c.status not in rules.CLOSED_STATUSES]
        else:
            rows = every
        current = self._current()
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        if rows and not self.select(current or ""):
            self.select(rows[0].id)
        self.by_name.clear()
        for member in halls.list_staff(self.store, self.hall_id):
            self.by_name.addItem(member.name)
        now = self.now()
        late = sum(
            bool(rules.breached_now(c.status, c.response_due, c.completion_due, now)) for c in rows
        )
        self.summary.setText(
            _t("Complaints", "共 {n} 件，未办结 {open} 件，超时 {late} 件").format(
                n=len(rows),
                open=sum(c.status not in rules.CLOSED_STATUSES for c in rows),
                late=late,
            )
        )
        self._update_chart(every)  # the chart counts every complaint of the period
        self._show_steps()

    def _current(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.data(index, ComplaintModel.COMPLAINT) if index.isValid() else None

    def select(self, complaint_id: str) -> bool:
        for row, complaint in enumerate(self.model.rows):
            if complaint.id == complaint_id:
                self.table.selectRow(row)
                return True
        return False

    def _show_steps(self) -> None:
        self.steps.clear()
        complaint_id = self._current()
        for widget in (self.step_edit, self.resolve_button, self.withdraw_button):
            widget.setEnabled(complaint_id is not None)
        if not complaint_id:
            return
        for step in records.steps(self.store, complaint_id):
            by = f"（{step['by_name']}）" if step["by_name"] else ""
            self.steps.addItem(f"{step['happened_at'][5:16]} {step['text']}{by}")

    def add_complaint(self) -> str | None:
        dialog = ComplaintDialog(self.now(), self)
        if dialog.exec() != ComplaintDialog.DialogCode.Accepted:
            return None
        values = dialog.values()
        received = values["received_at"]
        if not (self.period()[0] <= received.date() <= self.period()[1]):
            self.end.setDate(QDate(received.year, received.month, received.day))
        complaint_id = records.add(self.store, self.hall_id, **values)
        self.refresh()
        self.select(complaint_id)
        self.changed.emit()
        self.step_edit.setFocus()
        return complaint_id

    def add_step(self, status: str | None) -> None:
        complaint_id = self._current()
        if not complaint_id:
            return
        text = self.step_edit.text().strip()
        if not text and status:
            text = _t("Complaints", rules.STATUSES[status])
        problem = check_text(text)
        if problem:
            self.problem.setText(_t("Incidents", problem))
            return
        self.problem.clear()
        records.add_step(self.store, complaint_id, text, self.by_name.currentText().strip(),
                         self.now(), status=status)
        self.step_edit.clear()
        self.refresh()
        self.select(complaint_id)
        self.changed.emit()

    # -- chart --------------------------------------------------------------------------
    def _build_chart(self):
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#303030")
        plot = pg.PlotWidget(self.chart_host)
        plot.setObjectName("paretoPlot")
        plot.setMouseEnabled(x=False, y=False)
        plot.setMenuEnabled(False)
        item = plot.getPlotItem()
        item.setTitle(_t("Complaints", "投诉类别帕累托图（期间内）"))
        item.setLabel("left", _t("Complaints", "占比 / 累计占比 %"))
        item.setYRange(0, 105, padding=0)
        item.showGrid(y=True, alpha=0.25)
        self.pareto_bars = pg.BarGraphItem(x=[], height=[], width=0.65, brush=BAR_COLOUR,
                                           pen=None)
        item.addItem(self.pareto_bars)
        self.pareto_line = pg.PlotDataItem([], [], pen=pg.mkPen(CUMULATIVE_COLOUR, width=2.5),
                                           symbol="o", symbolSize=7,
                                           symbolBrush=CUMULATIVE_COLOUR, symbolPen=None)
        item.addItem(self.pareto_line)
        self.chart_host.layout().addWidget(plot)
        self._chart = plot

    def _update_chart(self, rows) -> None:
        if self._chart is None:
            self._build_chart()
        result = rules.pareto([c.category for c in rows if c.status != rules.WITHDRAWN])
        self.pareto = result
        total = sum(count for _c, count, _s in result) or 1
        xs = list(range(len(result)))
        self.pareto_bars.setOpts(x=xs, height=[count * 100 / total for _c, count, _s in result])
        self.pareto_line.setData(xs, [share * 100 for _c, _n, share in result])
        axis = self._chart.getPlotItem().getAxis("bottom")
        axis.setTicks([[(x, f"{_t('Complaints', rules.CATEGORIES[c])} {n}")
                        for x, (c, n, _s) in zip(xs, result, strict=True)]])
        self._chart.getPlotItem().setXRange(-0.6, max(len(result), 1) - 0.4, padding=0)
