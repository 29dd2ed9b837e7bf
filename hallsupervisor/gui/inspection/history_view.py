"""巡检记录 History: every round, newest first, filtered by date, round, template and result.

The list reads one page at a time (Qt's fetchMore) from the rounds summary columns, so ten
years of rounds open as fast as ten days; the count above the table is of all matches.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.inspection.scoring import format_score
from hallsupervisor.storage import inspection_stats as stats

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

CTX = "InspectionHistory"
PAGE_SIZE = 200
ROUND_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LOW = "#b3261e"  # below the pass line; always with ▼ as well as the colour
MUTED = "#5f6368"

_ROOT = QModelIndex()


def _qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> _dt.date:
    return _dt.date(value.year(), value.month(), value.day())


class HistoryModel(QAbstractTableModel):
    """Rounds matching the filters, fetched PAGE_SIZE rows at a time as the view scrolls."""

    DATE, TIME, ROUND, TEMPLATE, SCORE, FAILED, SIGNED_BY = range(7)

    def __init__(self, store, hall_id: str, parent=None):
        super().__init__(parent)
        self.store = store
        self.hall_id = hall_id
        self.filters: dict = {}
        self.rows: list[stats.HistoryRow] = []
        self.total = 0
        self.titles = [
            _t("InspectionHistory", "日期"),
            _t("InspectionHistory", "时间"),
            _t("InspectionHistory", "巡检"),
            _t("InspectionHistory", "模板"),
            _t("InspectionHistory", "得分"),
            _t("InspectionHistory", "不合格项"),
            _t("InspectionHistory", "签字人"),
        ]

    # -- loading ----------------------------------------------------------------------------
    def set_filters(self, **filters) -> None:
        """start, end, round_name, family_id, result: as inspection_stats.history takes them."""
        self.beginResetModel()
        self.filters = filters
        self.total = stats.history_count(self.store, self.hall_id, **filters)
        self.rows = self._page(0)
        self.endResetModel()

    def reload(self) -> None:
        self.set_filters(**self.filters)

    def _page(self, offset: int) -> list[stats.HistoryRow]:
        return stats.history(
            self.store, self.hall_id, **self.filters, limit=PAGE_SIZE, offset=offset
        )

    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802 - Qt override
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802 - Qt override
        if parent.isValid():
            return
        more = self._page(len(self.rows))
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(_ROOT, len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def round_id(self, row: int) -> str:
        return self.rows[row].round_id

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == ROUND_ID_ROLE:
            return row.round_id
        low = row.score is not None and row.score < stats.PASS_LINE
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, low)
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == self.SCORE and low:
                return QBrush(QColor(LOW))
            if column == self.FAILED and row.failed:
                return QBrush(QColor(LOW))
            if column == self.SIGNED_BY and not row.signed:
                return QBrush(QColor(MUTED))
        if role == Qt.ItemDataRole.FontRole and column == self.SCORE and low:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.SCORE, self.FAILED):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.SCORE and low:
                return _t("InspectionHistory", "低于90分合格线")
            if column == self.SIGNED_BY and not row.signed:
                return _t("InspectionHistory", "这次巡检还没有签字确认")
        return None

    def _display(self, row: stats.HistoryRow, column: int, low: bool) -> str:
        if column == self.DATE:
            return row.day.isoformat()
        if column == self.TIME:
            return row.time
        if column == self.ROUND:
            return row.round_name
        if column == self.TEMPLATE:
            return _t("InspectionHistory", "{name}（第{version}版）").format(
                name=row.template_name, version=row.template_version
            )
        if column == self.SCORE:
            text = format_score(row.score)
            if row.score is not None and not row.complete:
                text = _t("InspectionHistory", "{score}（未完成）").format(score=text)
            return f"▼ {text}" if low else text
        if column == self.FAILED:
            return str(row.failed)
        if column == self.SIGNED_BY:
            return row.signed_by if row.signed else _t("InspectionHistory", "○ 未签字")
        return ""


class _RoundTable(QTableView):
    """Enter opens the current round, like a double click (Qt's own 'activated' varies)."""

    enter_pressed = Signal(QModelIndex)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.enter_pressed.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)


class HistoryView(QWidget):
    """All rounds of a hall with filters; double-click or Enter asks to open a round."""

    openRound = Signal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, store, hall_id: str, parent: QWidget | None = None, today=None):
        super().__init__(parent)
        self.setObjectName("historyView")
        self.store = store
        self.hall_id = hall_id
        self._today = today or _dt.date.today

        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.start_edit = self._date_edit("historyStart")
        self.end_edit = self._date_edit("historyEnd")
        filters.addWidget(QLabel(_t("InspectionHistory", "从"), self))
        filters.addWidget(self.start_edit)
        filters.addWidget(QLabel(_t("InspectionHistory", "至"), self))
        filters.addWidget(self.end_edit)
        filters.addSpacing(12)
        filters.addWidget(QLabel(_t("InspectionHistory", "巡检"), self))
        self.round_combo = QComboBox(self)
        self.round_combo.setObjectName("historyRound")
        self.round_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addWidget(self.round_combo)
        filters.addWidget(QLabel(_t("InspectionHistory", "模板"), self))
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("historyTemplate")
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        filters.addWidget(self.template_combo)
        filters.addWidget(QLabel(_t("InspectionHistory", "结果"), self))
        self.result_combo = QComboBox(self)
        self.result_combo.setObjectName("historyResult")
        for title, value in (
            (_t("InspectionHistory", "全部"), None),
            (_t("InspectionHistory", "有不合格项"), stats.FAILED),
            (_t("InspectionHistory", "低于90分"), stats.BELOW_90),
            (_t("InspectionHistory", "未签字"), stats.UNSIGNED),
        ):
            self.result_combo.addItem(title, value)
        filters.addWidget(self.result_combo)
        self.reset_button = QPushButton(_t("InspectionHistory", "清除筛选"), self)
        self.reset_button.setObjectName("historyReset")
        filters.addWidget(self.reset_button)
        filters.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("historyCount")
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        self.model = HistoryModel(store, hall_id, self)
        self.table = _RoundTable(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(self._open)
        self.table.enter_pressed.connect(self._open)
        layout.addWidget(self.table, 1)

        self._fill_choices()
        self.reset_filters()
        for combo in (self.round_combo, self.template_combo, self.result_combo):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.start_edit.dateChanged.connect(self.apply_filters)
        self.end_edit.dateChanged.connect(self.apply_filters)
        self.reset_button.clicked.connect(self.reset_filters)
        self._size_columns()

    def _date_edit(self, name: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    def _fill_choices(self) -> None:
        for combo in (self.round_combo, self.template_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_t("InspectionHistory", "全部"), None)
        for name in stats.round_names(self.store, self.hall_id):
            self.round_combo.addItem(name, name)
        for family_id, name in stats.template_families(self.store, self.hall_id):
            self.template_combo.addItem(name, family_id)
        for combo in (self.round_combo, self.template_combo):
            combo.blockSignals(False)

    def _size_columns(self) -> None:
        metrics = self.table.fontMetrics()
        samples = {
            HistoryModel.DATE: "2026-11-25",
            HistoryModel.TIME: "08:30",
            HistoryModel.ROUND: "闭厅检查闭厅",
            HistoryModel.TEMPLATE: "供电营业厅巡检表（第10版）",
            HistoryModel.SCORE: "▼ 100.0（未完成）",
            HistoryModel.FAILED: "不合格项",
        }
        for column, sample in samples.items():
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 28)

    # -- filters --------------------------------------------------------------------------------
    def reset_filters(self) -> None:
        """Every round from the first to today, any name, template and result."""
        today = self._today()
        span = stats.history_span(self.store, self.hall_id)
        first = span[0] if span else today - _dt.timedelta(days=30)
        last = max(today, span[1]) if span else today
        widgets = (
            self.start_edit,
            self.end_edit,
            self.round_combo,
            self.template_combo,
            self.result_combo,
        )
        for widget in widgets:
            widget.blockSignals(True)
        self.start_edit.setDate(_qdate(first))
        self.end_edit.setDate(_qdate(last))
        for combo in widgets[2:]:
            combo.setCurrentIndex(0)
        for widget in widgets:
            widget.blockSignals(False)
        self.apply_filters()

    def filters(self) -> dict:
        start, end = _pydate(self.start_edit.date()), _pydate(self.end_edit.date())
        return {
            "start": min(start, end),
            "end": max(start, end),
            "round_name": self.round_combo.currentData(),
            "family_id": self.template_combo.currentData(),
            "result": self.result_combo.currentData(),
        }

    def apply_filters(self) -> None:
        self.model.set_filters(**self.filters())
        self.count_label.setText(
            _t("InspectionHistory", "共 {count} 次巡检").format(count=self.model.total)
        )
        if self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(0, 0))

    @Slot()
    def refresh(self) -> None:
        """Re-reads the rounds (and the names to filter by), keeping the filters."""
        current = (self.round_combo.currentData(), self.template_combo.currentData())
        self._fill_choices()
        for combo, value in zip((self.round_combo, self.template_combo), current, strict=True):
            index = combo.findData(value)
            combo.blockSignals(True)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        self.apply_filters()

    # -- opening ------------------------------------------------------------------------------------
    def selected_round_id(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.round_id(index.row()) if index.isValid() else None

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openRound.emit(self.model.round_id(index.row()))
