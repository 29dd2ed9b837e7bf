"""数据 Data: import ticket logs, enter arrivals by hand, and the day × interval heat map."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import Message
from hallsupervisor.domain.files import os_error_reason
from hallsupervisor.domain.hall import WEEKDAYS
from hallsupervisor.domain.staffing.requirement import heat_map
from hallsupervisor.domain.staffing.tickets import TicketLogError
from hallsupervisor.gui import i18n
from hallsupervisor.gui.staffing.import_dialog import ImportDialog, problems_text
from hallsupervisor.storage import staffing as records

_t = QCoreApplication.translate
_ROOT = QModelIndex()


def weekday_names() -> list[str]:
    return [i18n.text(Message("Hall", WEEKDAYS[d])) for d in range(1, 8)]


def heat_colour(value: float, top: float) -> QColor:
    """White through amber to deep red as the share of the busiest cell grows."""
    if top <= 0 or value <= 0:
        return QColor("#ffffff")
    share = min(1.0, value / top)
    stops = [(0.0, (255, 255, 255)), (0.35, (255, 224, 140)), (0.7, (240, 130, 60)),
             (1.0, (178, 34, 34))]
    for (x0, c0), (x1, c1) in zip(stops, stops[1:], strict=False):
        if share <= x1:
            f = (share - x0) / (x1 - x0)
            return QColor(*(round(a + (b - a) * f) for a, b in zip(c0, c1, strict=True)))
    return QColor(*stops[-1][1])


class HeatMapModel(QAbstractTableModel):
    """Mean arrivals per weekday (rows) and interval (columns), coloured by volume."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.grid: list[list[float]] = []
        self.starts: list[str] = []
        self.top = 0.0

    def set_data(self, grid: list[list[float]], starts: list[str]) -> None:
        self.beginResetModel()
        self.grid, self.starts = grid, starts
        self.top = max((v for row in grid for v in row), default=0.0)
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.grid)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.starts)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.starts[section] if section < len(self.starts) else None
        return weekday_names()[section]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self.grid[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{value:.0f}" if value >= 9.5 else (f"{value:.1f}" if value else "")
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(heat_colour(value, self.top))
        if role == Qt.ItemDataRole.ForegroundRole and self.top and value / self.top > 0.75:
            return QBrush(QColor("#ffffff"))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return _t("StaffingTab", "{day} {start}：平均 {n:.1f} 人").format(
                day=weekday_names()[index.row()], start=self.starts[index.column()], n=value
            )
        return None


class HandEntryModel(QAbstractTableModel):
    """Arrivals of one business type: intervals (rows) × weekdays (columns).

    A cell shows the hand-entered count in blue, or else the mean from the tickets in grey;
    typing a number stores it at once (through the undo stack), clearing it removes it.
    """

    edited = Signal(int, str, object)  # weekday, start, new value or None
    refused = Signal(str)  # what was typed, when it is not a count of people

    def __init__(self, parent=None):
        super().__init__(parent)
        self.starts: list[str] = []
        self.measured: dict[tuple[int, str], float] = {}
        self.hand: dict[tuple[int, str], float] = {}

    def set_data(self, starts, measured, hand) -> None:
        self.beginResetModel()
        self.starts, self.measured, self.hand = starts, measured, hand
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.starts)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return weekday_names()[section]
        return self.starts[section] if section < len(self.starts) else None

    def flags(self, index):
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def _key(self, index) -> tuple[int, str]:
        return index.column() + 1, self.starts[index.row()]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        key = self._key(index)
        hand = self.hand.get(key)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            value = hand if hand is not None else self.measured.get(key)
            if value is None:
                return ""
            return f"{value:g}" if hand is not None else f"{value:.1f}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return QBrush(QColor("#1f5fbf" if hand is not None else "#707070"))
        if role == Qt.ItemDataRole.FontRole and hand is not None:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        text = str(value).strip()
        if not text:
            number = None
        else:
            try:
                number = float(text)
            except ValueError:
                number = -1.0
            if not 0 <= number <= 10000:  # also NaN
                self.refused.emit(text)
                return False
        weekday, start = self._key(index)
        self.edited.emit(weekday, start, number)
        return True


class HandEntryCommand(QUndoCommand):
    def __init__(self, page: "DataPage", code: str, weekday: int, start: str, old, new):
        super().__init__(_t("StaffingTab", "录入到达人数"))
        self.page, self.args, self.old, self.new = page, (code, weekday, start), old, new

    def redo(self) -> None:
        self.page.store_hand(*self.args, self.new)

    def undo(self) -> None:
        self.page.store_hand(*self.args, self.old)


class DataPage(QWidget):
    changed = Signal()

    def __init__(self, tab, parent=None):
        super().__init__(parent)
        self.setObjectName("staffingDataPage")
        self.tab = tab
        self.choose_file = self._choose_file  # replaced in tests: no native file dialog
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.import_button = QPushButton(_t("StaffingTab", "导入取号记录…"), self)
        self.import_button.setObjectName("importTicketsButton")
        self.import_button.setMinimumHeight(34)
        self.import_button.clicked.connect(self.choose_and_import)
        top.addWidget(self.import_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("dataSummary")
        self.summary.setWordWrap(True)
        top.addWidget(self.summary, 1)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        heat_box = QGroupBox(_t("StaffingTab", "客流热力图（各时段平均到达人数，全部业务）"), splitter)
        heat_layout = QVBoxLayout(heat_box)
        self.heat_model = HeatMapModel(self)
        self.heat_view = QTableView(heat_box)
        self.heat_view.setObjectName("heatMap")
        self.heat_view.setModel(self.heat_model)
        self.heat_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.heat_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heat_view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.heat_view.setShowGrid(False)
        heat_layout.addWidget(self.heat_view)
        self.abandon_label = QLabel(heat_box)
        self.abandon_label.setObjectName("abandonLabel")
        self.abandon_label.setWordWrap(True)
        heat_layout.addWidget(self.abandon_label)
        hand_box = QGroupBox(_t("StaffingTab", "手工录入到达人数（每个时段的平均人数；蓝色为手工值，灰色来自取号记录，清空即恢复）"), splitter)
        hand_layout = QVBoxLayout(hand_box)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("StaffingTab", "业务类型"), hand_box))
        self.business = QComboBox(hand_box)
        self.business.setObjectName("handBusiness")
        self.business.currentIndexChanged.connect(self.refresh_hand)
        row.addWidget(self.business, 1)
        hand_layout.addLayout(row)
        self.hand_model = HandEntryModel(self)
        self.hand_model.edited.connect(self._hand_edited)
        self.hand_view = QTableView(hand_box)
        self.hand_view.setObjectName("handEntry")
        self.hand_view.setModel(self.hand_model)
        self.hand_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        hand_layout.addWidget(self.hand_view)
        self.hand_view.installEventFilter(self)  # Delete clears a cell
        self.hand_problem = QLabel(hand_box)
        self.hand_problem.setObjectName("handProblem")
        self.hand_problem.setWordWrap(True)
        self.hand_problem.setStyleSheet("color: #b3261e;")
        self.hand_problem.setVisible(False)
        hand_layout.addWidget(self.hand_problem)
        self.hand_model.refused.connect(self._hand_refused)
        splitter.addWidget(heat_box)
        splitter.addWidget(hand_box)
        splitter.setSizes([330, 330])
        layout.addWidget(splitter, 1)

    # -- importing ---------------------------------------------------------------------------------
    def _choose_file(self) -> str | None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            _t("StaffingTab", "选择取号机导出的记录"),
            "",
            _t("StaffingTab", "取号记录 (*.csv *.xlsx *.txt);;所有文件 (*)"),
        )
        return name or None

    def choose_and_import(self) -> None:
        name = self.choose_file()
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> records.ImportResult | None:
        """Opens the mapping step for `path`; returns what was stored (None: nothing)."""
        title = _t("StaffingTab", "导入取号记录")
        try:
            data = path.read_bytes()
        except OSError as exc:
            QMessageBox.warning(
                self, title, _t("StaffingTab", "无法读取文件：{reason}").format(reason=i18n.text(os_error_reason(exc)))
            )
            return None
        hall_id = self.tab.hall_id()
        before = records.previous_import(self.tab.store, hall_id, data)
        if before:
            QMessageBox.information(
                self,
                title,
                _t("StaffingTab", "这个文件已经导入过（{name}），没有重复导入。").format(
                    name=before["file_name"]
                ),
            )
            return None
        try:
            dialog = ImportDialog(self.tab.store, hall_id, data, path.name, self)
        except TicketLogError as error:
            QMessageBox.warning(
                self,
                title,
                _t("StaffingTab", "无法导入这个文件：") + "\n" + problems_text(error),
            )
            return None
        if dialog.exec() != ImportDialog.DialogCode.Accepted or dialog.result_info is None:
            return None
        result = dialog.result_info
        text = _t("StaffingTab", "已导入 {added} 条记录（文件共 {rows} 条，已有的 {same} 条未重复导入）。").format(
            added=result.added, rows=result.rows, same=result.rows - result.added
        )
        if result.unknown_business:
            listed = _t("Message", "、").join(
                _t("StaffingTab", "{name}（{n} 条）").format(name=name, n=n)
                for name, n in sorted(result.unknown_business.items(), key=lambda item: -item[1])
            )
            text += "\n" + _t(
                "StaffingTab",
                "营业厅资料里没有这些业务类型：{names}。这些记录已保存，但不参加测算：请在营业厅资料（Ctrl+Shift+P）的业务类型中添加同名业务。",
            ).format(names=listed)
        QMessageBox.information(self, title, text)
        self.tab.invalidate()
        self.refresh()
        self.changed.emit()
        return result

    # -- hand entry --------------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt override
        if (
            watched is self.hand_view
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace)
            and self.hand_view.editTriggers() != QAbstractItemView.EditTrigger.NoEditTriggers
            and self.hand_view.currentIndex().isValid()
        ):
            # Back to the ticket log's figure, as clearing the cell by typing does.
            self.hand_model.setData(self.hand_view.currentIndex(), "")
            return True
        return super().eventFilter(watched, event)

    def _hand_refused(self, typed: str) -> None:
        if len(typed) > 20:
            typed = typed[:19] + "…"
        self.hand_problem.setText(
            _t("StaffingTab", "“{typed}”不是人数：请填 0 到 10000 之间的数，或清空该格恢复取号记录的值。没有保存。").format(typed=typed)
        )
        self.hand_problem.setVisible(True)

    def _hand_edited(self, weekday: int, start: str, value) -> None:
        self.hand_problem.setVisible(False)
        code = self.business.currentData()
        if not code:
            return
        interval = self.tab.settings_value().interval_minutes
        old = records.arrival_entries(self.tab.store, self.tab.hall_id(), interval).get(
            (weekday, start, code)
        )
        if old == value:
            return
        self.tab.undo_stack.push(HandEntryCommand(self, code, weekday, start, old, value))

    def store_hand(self, code: str, weekday: int, start: str, value) -> None:
        interval = self.tab.settings_value().interval_minutes
        records.set_arrival_entry(
            self.tab.store, self.tab.hall_id(), code, weekday, start, interval, value
        )
        index = self.business.findData(code)
        if index >= 0 and index != self.business.currentIndex():
            self.business.setCurrentIndex(index)
        self.tab.invalidate_hand_entries()
        self.changed.emit()
        self.refresh()

    # -- showing -------------------------------------------------------------------------------------
    def refresh(self) -> None:
        analysis = self.tab.analysis()
        if analysis is None:
            return
        profile = self.tab.profile()
        current = self.business.currentData()
        self.business.blockSignals(True)
        self.business.clear()
        for b in profile.business_types:
            self.business.addItem(b.display_name(i18n.current()), b.code)
        self.business.setCurrentIndex(max(0, self.business.findData(current)))
        self.business.blockSignals(False)
        self.heat_model.set_data(heat_map(analysis.arrivals, analysis.starts), analysis.starts)
        read_only = self.tab.store.read_only
        self.import_button.setEnabled(not read_only)
        self.hand_view.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        imports = records.list_imports(self.tab.store, self.tab.hall_id())
        self.summary.setText(
            _t(
                "StaffingTab",
                "最近 {weeks} 周共 {tickets} 张取号记录（{days} 个营业日），手工录入 {hand} 格；已导入 {files} 个文件。",
            ).format(
                weeks=analysis.settings.weeks,
                tickets=analysis.tickets,
                days=analysis.days,
                hand=analysis.hand_cells,
                files=len(imports),
            )
        )
        ab = analysis.abandon
        text = _t("StaffingTab", "未办理即离开：{rate:.1%}。").format(rate=ab.rate)
        if ab.material:
            text += " " + _t(
                "StaffingTab",
                "离开的顾客较多，需求页同时给出考虑离开的 Erlang A 结果（估计平均耐心 {p:.0f} 分钟）。",
            ).format(p=ab.patience_minutes)
        self.abandon_label.setText(text)
        self.refresh_hand()

    def refresh_hand(self) -> None:
        analysis = self.tab.analysis()
        code = self.business.currentData()
        if analysis is None or not code:
            self.hand_model.set_data([], {}, {})
            return
        interval = analysis.settings.interval_minutes
        hand = {
            (w, s): v
            for (w, s, c), v in records.arrival_entries(
                self.tab.store, self.tab.hall_id(), interval
            ).items()
            if c == code
        }
        measured = self.tab.measured_arrivals()
        ticket_values = {(w, s): v for (w, s, c), v in measured.items() if c == code}
        self.hand_model.set_data(analysis.starts, ticket_values, hand)
