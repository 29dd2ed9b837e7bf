"""整改项: corrective actions, closed only by a verification (on a later round, or by hand)."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QDate, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.gui import i18n
from hallsupervisor.gui.inspection.dialogs import VerifyDialog
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records

_t = QCoreApplication.translate
_ROOT = QModelIndex()

HEADERS = {
    "status": lambda: _t("ActionsView", "状态"),
    "found_on": lambda: _t("ActionsView", "发现日期"),
    "round_name": lambda: _t("ActionsView", "来源"),
    "title": lambda: _t("ActionsView", "问题"),
    "note": lambda: _t("ActionsView", "说明"),
    "owner_name": lambda: _t("ActionsView", "责任人"),
    "due_date": lambda: _t("ActionsView", "整改期限"),
    "closing": lambda: _t("ActionsView", "关闭情况"),
}
KEYS = list(HEADERS)

OPEN_ONLY, OVERDUE_ONLY, ALL = "open", "overdue", "all"


def status_of(row: dict, today: _dt.date) -> tuple[str, str]:
    """The status word and its colour; overdue is an open action past its due date."""
    if row["status"] == records.VERIFIED:
        return _t("ActionsView", "✓ 已验证"), "#1b7a3a"
    if row["status"] == records.WITHDRAWN:
        return _t("ActionsView", "– 已撤回"), "#5f6368"
    if _dt.date.fromisoformat(row["due_date"]) < today:
        return _t("ActionsView", "▲ 已逾期"), "#b3261e"
    return _t("ActionsView", "○ 待整改"), "#6b4fa0"


def source_of(row: dict) -> str:
    """Where an action came from: its round, or the incident whose follow-up it is."""
    if row.get("round_name"):
        return row["round_name"]
    if row.get("incident_title"):
        text = (
            _t("ActionsView", "演练：{title} {date}")
            if row.get("incident_drill")
            else _t("ActionsView", "突发事件：{title} {date}")
        )
        title = bilingual(row["incident_title"], row.get("incident_title_en") or "", i18n.current())
        return text.format(title=title, date=(row["incident_started_at"] or "")[:10])
    return ""


class ActionsModel(QAbstractTableModel):
    def __init__(self, parent=None, today=_dt.date.today):
        super().__init__(parent)
        self.rows: list[dict] = []
        self.today = today

    def set_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return HEADERS[KEYS[section]]()
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, key = self.rows[index.row()], KEYS[index.column()]
        if key == "status":
            word, colour = status_of(row, self.today())
            if role == Qt.ItemDataRole.DisplayRole:
                return word
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor(colour))
            return None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if key == "closing":
            if row["status"] == records.OPEN:
                return ""
            who = f"{row['closed_by']} " if row["closed_by"] else ""
            return f"{who}{row['closing_note']}"
        if key == "owner_name":
            return row["owner_name"] or _t("ActionsView", "（未指定）")
        if key == "round_name":
            return source_of(row)
        return row[key] or ""


class ActionEditDialog(QDialog):
    """Reassigning an open action: a new owner or a new due date."""

    def __init__(self, row: dict, staff, parent=None):
        super().__init__(parent)
        self.setWindowTitle(_t("ActionsView", "修改责任人和期限"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(row["title"], self))
        form = QFormLayout()
        self.owner = QComboBox(self)
        self.owner.setObjectName("ownerCombo")
        self.owner.addItem(_t("ActionsView", "（未指定）"), None)
        for member in staff:
            self.owner.addItem(member.name, member.id)
        self.owner.setCurrentIndex(max(0, self.owner.findData(row["owner_id"])))
        self.due = QDateEdit(self)
        self.due.setObjectName("dueEdit")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.due.setDate(QDate.fromString(row["due_date"], "yyyy-MM-dd"))
        form.addRow(_t("ActionsView", "责任人"), self.owner)
        form.addRow(_t("ActionsView", "整改期限"), self.due)
        layout.addLayout(form)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)


class ActionsView(QWidget):
    changed = Signal()

    def __init__(self, store, hall_id: str, parent=None, today=_dt.date.today):
        super().__init__(parent)
        self.setObjectName("actionsView")
        self.store = store
        self.hall_id = hall_id
        self.model = ActionsModel(self, today)
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(_t("ActionsView", "显示"), self))
        self.filter = QComboBox(self)
        self.filter.setObjectName("actionsFilter")
        self.filter.addItem(_t("ActionsView", "未关闭"), OPEN_ONLY)
        self.filter.addItem(_t("ActionsView", "已逾期"), OVERDUE_ONLY)
        self.filter.addItem(_t("ActionsView", "全部"), ALL)
        self.filter.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.filter)
        self.count = QLabel(self)
        self.count.setObjectName("actionsCount")
        top.addWidget(self.count)
        top.addStretch(1)
        self.verify_button = QPushButton(_t("ActionsView", "复查通过…"), self)
        self.verify_button.setObjectName("verifyButton")
        self.edit_button = QPushButton(_t("ActionsView", "修改责任人/期限…"), self)
        self.edit_button.setObjectName("editActionButton")
        top.addWidget(self.verify_button)
        top.addWidget(self.edit_button)
        layout.addLayout(top)
        self.table = QTableView(self)
        self.table.setObjectName("actionsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KEYS.index("title"), QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        hint = QLabel(
            _t(
                "ActionsView",
                "整改项只能通过复查关闭：后续巡检中该项合格会自动记为复查通过，也可以在这里写明复查情况后关闭。",
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(hint)
        self.verify_button.clicked.connect(self.verify_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.table.selectionModel().currentRowChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        which = self.filter.currentData()
        rows = records.list_actions(
            self.store, self.hall_id, status=None if which == ALL else records.OPEN
        )
        if which == OVERDUE_ONLY:
            today = self.model.today().isoformat()
            rows = [r for r in rows if r["due_date"] < today]
        if which == ALL:
            rows.sort(key=lambda r: (r["status"] != records.OPEN, r["due_date"]))
        self.model.set_rows(rows)
        self.count.setText(_t("ActionsView", "共 {n} 项").format(n=len(rows)))
        self._update_buttons()

    def selected(self) -> dict | None:
        index = self.table.currentIndex()
        return self.model.rows[index.row()] if index.isValid() else None

    def _update_buttons(self) -> None:
        row = self.selected()
        is_open = bool(row and row["status"] == records.OPEN and not self.store.read_only)
        self.verify_button.setEnabled(is_open)
        self.edit_button.setEnabled(is_open)

    def verify_selected(self) -> None:
        row = self.selected()
        if not row or row["status"] != records.OPEN:
            return
        dialog = VerifyDialog(row["title"], halls.list_staff(self.store, self.hall_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        records.verify_action(self.store, row["id"], dialog.note.text(), dialog.by.currentText())
        self.refresh()
        self.changed.emit()

    def edit_selected(self) -> None:
        row = self.selected()
        if not row or row["status"] != records.OPEN:
            return
        dialog = ActionEditDialog(row, halls.list_staff(self.store, self.hall_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        records.update_action(
            self.store,
            row["id"],
            owner_id=dialog.owner.currentData(),
            due_date=dialog.due.date().toString("yyyy-MM-dd"),
        )
        self.refresh()
        self.changed.emit()
