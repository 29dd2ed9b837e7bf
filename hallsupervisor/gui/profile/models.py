"""Table models of the hall profile. Every edit is a QUndoCommand that commits at once."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QComboBox, QDoubleSpinBox, QStyledItemDelegate

from hallsupervisor.domain.hall import ROLES, BusinessType, Counter, StaffMember
from hallsupervisor.storage import halls

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

CTX = "ProfileModels"


_ROOT = QModelIndex()


@dataclass
class Column:
    key: str
    title: str
    kind: str = "text"  # text | number | role | check
    code: str = ""  # for check columns: the business type code


class RecordTableModel(QAbstractTableModel):
    """Rows are records of one table; subclasses say how to load, write, add and delete."""

    changed = Signal()
    table = ""

    def __init__(self, store, hall_id: str, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.store = store
        self.hall_id = hall_id
        self.undo_stack = undo_stack
        self.columns: list[Column] = []
        self.rows: list[dict] = []
        self.reload()

    # -- to override ----------------------------------------------------------------------
    def build_columns(self) -> list[Column]:
        raise NotImplementedError

    def load_rows(self) -> list[dict]:
        raise NotImplementedError

    def write(self, record_id: str, key: str, value) -> None:
        raise NotImplementedError

    def create(self) -> str:
        raise NotImplementedError

    # -- Qt model ---------------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        self.columns = self.build_columns()
        self.rows = self.load_rows()
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.store.read_only:
            return base
        if self.columns[index.column()].kind == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if column.kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                checked = column.code in row["codes"]
                return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
            return None
        value = row[column.key]
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == "role":
                return QCoreApplication.translate("Hall", ROLES.get(value, value))
            if column.kind == "number":
                return f"{value:g}"
            return value
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid() or self.store.read_only:
            return False
        row, column = self.rows[index.row()], self.columns[index.column()]
        if column.kind == "check":
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            checked = Qt.CheckState(value) == Qt.CheckState.Checked
            old = list(row["codes"])
            chosen = set(old) | {column.code} if checked else set(old) - {column.code}
            new = [c for c in self._all_codes() if c in chosen]
            if set(new) == set(old):
                return False
            key = "codes"
        else:
            if role != Qt.ItemDataRole.EditRole:
                return False
            old = row[column.key]
            new = self._clean(column, value)
            if new is None:
                return False
            key = column.key
        if new == old:
            return False
        self.undo_stack.push(SetValueCommand(self, row["id"], key, old, new, column.title))
        return True

    def _clean(self, column: Column, value):
        """The value to store, or None when it is not acceptable."""
        if column.kind == "number":
            try:
                number = float(value)
            except (TypeError, ValueError):
                return None
            return number if number > 0 else None
        if column.kind == "role":
            return value if value in ROLES else None
        text = str(value).strip()
        if column.key in ("name", "label") and not text:
            return None
        return text[:200]

    def _all_codes(self) -> list[str]:
        return [c.code for c in self.columns if c.kind == "check"]

    # -- applying edits (called by the undo commands) ------------------------------------------
    def apply(self, record_id: str, key: str, value) -> None:
        self.write(record_id, key, value)
        for number, row in enumerate(self.rows):
            if row["id"] == record_id:
                row[key] = value
                self.dataChanged.emit(
                    self.index(number, 0), self.index(number, self.columnCount() - 1)
                )
                break
        self.changed.emit()

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == record_id), -1)

    def add_row(self) -> int:
        command = AddRecordCommand(self, _t("ProfileModels", "添加"))
        self.undo_stack.push(command)
        return self.row_of(command.record_id)

    def remove_row(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.undo_stack.push(
                RemoveRecordCommand(self, self.rows[row]["id"], _t("ProfileModels", "删除"))
            )

    def delete(self, record_id: str) -> None:
        self.store.soft_delete(self.table, record_id)

    def undelete(self, record_id: str) -> None:
        halls.undelete(self.store, self.table, record_id)


class SetValueCommand(QUndoCommand):
    def __init__(self, model: RecordTableModel, record_id: str, key: str, old, new, what: str):
        super().__init__(_t("ProfileModels", "修改“{what}”").format(what=what))
        self.model, self.record_id, self.key, self.old, self.new = model, record_id, key, old, new

    def redo(self) -> None:
        self.model.apply(self.record_id, self.key, self.new)

    def undo(self) -> None:
        self.model.apply(self.record_id, self.key, self.old)


class AddRecordCommand(QUndoCommand):
    def __init__(self, model: RecordTableModel, text: str):
        super().__init__(text)
        self.model = model
        self.record_id: str | None = None

    def redo(self) -> None:
        if self.record_id is None:
            self.record_id = self.model.create()
        else:
            self.model.undelete(self.record_id)
        self.model.reload()
        self.model.changed.emit()

    def undo(self) -> None:
        self.model.delete(self.record_id)
        self.model.reload()
        self.model.changed.emit()


class RemoveRecordCommand(QUndoCommand):
    def __init__(self, model: RecordTableModel, record_id: str, text: str):
        super().__init__(text)
        self.model, self.record_id = model, record_id

    def redo(self) -> None:
        self.model.delete(self.record_id)
        self.model.reload()
        self.model.changed.emit()

    def undo(self) -> None:
        self.model.undelete(self.record_id)
        self.model.reload()
        self.model.changed.emit()


class BusinessTypesModel(RecordTableModel):
    table = "business_types"

    def build_columns(self) -> list[Column]:
        return [
            Column("name", _t("ProfileModels", "业务名称")),
            Column("name_en", _t("ProfileModels", "英文名称")),
            Column("handling_minutes", _t("ProfileModels", "平均办理时长（分钟）"), "number"),
        ]

    def load_rows(self) -> list[dict]:
        return [
            {
                "id": b.id,
                "code": b.code,
                "name": b.name,
                "name_en": b.name_en,
                "handling_minutes": b.handling_minutes,
            }
            for b in halls.list_business_types(self.store, self.hall_id)
        ]

    def write(self, record_id: str, key: str, value) -> None:
        halls.update_business_type(self.store, record_id, **{key: value})

    def create(self) -> str:
        code = halls.unused_business_code(self.store, self.hall_id)
        return halls.add_business_type(
            self.store, self.hall_id, BusinessType(code, _t("ProfileModels", "新业务"), 5.0)
        )


class _BusinessColumnsMixin:
    def business_columns(self) -> list[Column]:
        return [
            Column("codes", b.name, "check", b.code)
            for b in halls.list_business_types(self.store, self.hall_id)
        ]


class CountersModel(_BusinessColumnsMixin, RecordTableModel):
    table = "counters"

    def build_columns(self) -> list[Column]:
        return [Column("label", _t("ProfileModels", "窗口名称")), *self.business_columns()]

    def load_rows(self) -> list[dict]:
        return [
            {"id": c.id, "label": c.label, "codes": list(c.business_types)}
            for c in halls.list_counters(self.store, self.hall_id)
        ]

    def write(self, record_id: str, key: str, value) -> None:
        if key == "codes":
            halls.update_counter(self.store, record_id, business_types=list(value))
        else:
            halls.update_counter(self.store, record_id, label=value)

    def create(self) -> str:
        number = len(self.rows) + 1
        return halls.add_counter(
            self.store, self.hall_id, Counter(_t("ProfileModels", "{n}号窗口").format(n=number), [])
        )


class StaffModel(_BusinessColumnsMixin, RecordTableModel):
    table = "staff"

    def build_columns(self) -> list[Column]:
        return [
            Column("name", _t("ProfileModels", "姓名")),
            Column("employee_no", _t("ProfileModels", "工号")),
            Column("role", _t("ProfileModels", "岗位"), "role"),
            Column("phone", _t("ProfileModels", "电话")),
            *self.business_columns(),
        ]

    def load_rows(self) -> list[dict]:
        return [
            {
                "id": s.id,
                "name": s.name,
                "employee_no": s.employee_no,
                "role": s.role,
                "phone": s.phone,
                "codes": list(s.skills),
            }
            for s in halls.list_staff(self.store, self.hall_id)
        ]

    def write(self, record_id: str, key: str, value) -> None:
        if key == "codes":
            halls.update_staff(self.store, record_id, skills=list(value))
        else:
            halls.update_staff(self.store, record_id, **{key: value})

    def create(self) -> str:
        return halls.add_staff(self.store, self.hall_id, StaffMember(_t("ProfileModels", "新员工")))


class ProfileDelegate(QStyledItemDelegate):
    """A role list for the role column and a minutes box for numbers."""

    def createEditor(self, parent, option, index):  # noqa: N802
        column = index.model().columns[index.column()]
        if column.kind == "role":
            combo = QComboBox(parent)
            for key, label in ROLES.items():
                combo.addItem(QCoreApplication.translate("Hall", label), key)
            return combo
        if column.kind == "number":
            box = QDoubleSpinBox(parent)
            box.setRange(0.5, 240.0)
            box.setDecimals(1)
            box.setSingleStep(0.5)
            return box
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
