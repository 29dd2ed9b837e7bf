"""A table of one list in a playbook document (steps, do-nots, contacts …), edited in place.

The model never stores anything itself: every edit builds the changed document and hands it
to its owner's `change(body, what)`, which checks it, pushes an undo command and commits it.
A change the owner refuses leaves the table as it was.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QComboBox, QSpinBox, QStyledItemDelegate

from hallsupervisor.domain.incidents.playbook import MAX_MINUTES, ROLES

_t = QCoreApplication.translate
_ROOT = QModelIndex()

TEXT = "text"
CHECK = "check"
ROLE = "role"
MINUTES = "minutes"  # 1..1440, or empty where optional



class ApplyCommand(QUndoCommand):
    """One edit of an owner's document: `owner.apply(doc)` stores the document before or after
    (the playbook editor's body, the hall's contact list)."""

    def __init__(self, owner, before, after, text: str):
        super().__init__(text)
        self.owner, self.before, self.after = owner, before, after

    def redo(self) -> None:
        self.owner.apply(self.after)

    def undo(self) -> None:
        self.owner.apply(self.before)


@dataclass
class Col:
    path: tuple  # e.g. ("text", "zh")
    title: str
    kind: str = TEXT
    optional: bool = False  # MINUTES: may be empty; TEXT pair: the whole dict may be None


def get_path(row: dict, path: tuple):
    value = row
    for key in path:
        if not isinstance(value, dict):
            return None
        value = value.get(key)
    return value


def set_path(row: dict, path: tuple, value) -> None:
    target = row
    for key in path[:-1]:
        if not isinstance(target.get(key), dict):
            target[key] = {"zh": "", "en": ""}
        target = target[key]
    target[path[-1]] = value


class RowsModel(QAbstractTableModel):
    def __init__(self, owner, key: str, columns: list[Col], new_row: Callable[[dict], dict],
                 parent=None):
        super().__init__(parent)
        self.owner = owner
        self.key = key
        self.columns = columns
        self.new_row = new_row

    # -- the owner's document ------------------------------------------------------------------
    def rows(self) -> list:
        return self.owner.body().get(self.key) or []

    def refresh(self) -> None:
        self.beginResetModel()
        self.endResetModel()

    def _changed(self, rows: list, what: str) -> bool:
        body = copy.deepcopy(self.owner.body())
        body[self.key] = rows
        return self.owner.change(body, what)

    # -- Qt model ---------------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows())

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        rows = self.rows()
        row = rows[section] if section < len(rows) else None
        if isinstance(row, dict) and row.get("id"):  # a step: its id, for a reminder's after_step
            return f"{section + 1} · {row['id']}"
        return str(section + 1)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].kind == CHECK:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        column = self.columns[index.column()]
        value = get_path(self.rows()[index.row()], column.path)
        if column.kind == CHECK:
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if value else Qt.CheckState.Unchecked
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column.kind == ROLE:
                return _t("Playbooks", ROLES.get(value, value or ""))
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.EditRole:
            if column.kind == MINUTES:
                return value or 0
            return value or ""
        if role == Qt.ItemDataRole.ToolTipRole and column.kind == TEXT:
            return value or None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid():
            return False
        column = self.columns[index.column()]
        rows = copy.deepcopy(self.rows())
        row = rows[index.row()]
        if column.kind == CHECK:
            if role != Qt.ItemDataRole.CheckStateRole:
                return False
            new = Qt.CheckState(value) == Qt.CheckState.Checked
        elif role != Qt.ItemDataRole.EditRole:
            return False
        elif column.kind == MINUTES:
            try:
                new = int(value or 0)
            except (TypeError, ValueError):
                return False
            if new == 0 and column.optional:
                new = None
        elif column.kind == ROLE:
            new = value if value in ROLES else get_path(row, column.path)
        else:
            new = str(value).strip()
        if get_path(row, column.path) == new:
            return False
        set_path(row, column.path, new)
        if column.optional and column.kind == TEXT and len(column.path) == 2:
            holder = row.get(column.path[0])
            if isinstance(holder, dict) and not any(holder.values()):
                row[column.path[0]] = None  # an emptied script is no script
        return self._changed(rows, _t("PlaybookEditor", "修改“{what}”").format(what=column.title))

    # -- rows -------------------------------------------------------------------------------------
    def add_row(self) -> int:
        rows = copy.deepcopy(self.rows())
        rows.append(self.new_row(self.owner.body()))
        if self._changed(rows, _t("PlaybookEditor", "增加一行")):
            return len(self.rows()) - 1
        return -1

    def remove_row(self, row: int) -> bool:
        rows = copy.deepcopy(self.rows())
        if not 0 <= row < len(rows):
            return False
        del rows[row]
        return self._changed(rows, _t("PlaybookEditor", "删除一行"))

    def move_row(self, row: int, offset: int) -> bool:
        rows = copy.deepcopy(self.rows())
        target = row + offset
        if not (0 <= row < len(rows) and 0 <= target < len(rows)):
            return False
        rows.insert(target, rows.pop(row))
        return self._changed(rows, _t("PlaybookEditor", "移动一行"))


class RowsDelegate(QStyledItemDelegate):
    """Role cells choose from the roles; minute cells take a number (0 = none)."""

    def createEditor(self, parent, option, index):  # noqa: N802
        model = index.model()
        column = model.columns[index.column()]
        if column.kind == ROLE:
            combo = QComboBox(parent)
            for key, name in ROLES.items():
                combo.addItem(_t("Playbooks", name), key)
            return combo
        if column.kind == MINUTES:
            spin = QSpinBox(parent)
            spin.setRange(0 if column.optional else 1, MAX_MINUTES)
            if column.optional:
                spin.setSpecialValueText("—")
            return spin
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
