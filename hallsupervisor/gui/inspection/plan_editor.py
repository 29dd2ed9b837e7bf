"""每日巡检计划: the named rounds of a day at set times (开门检查 08:30, 午间巡检 12:00 …).

A table edited in place: name, English name, time (HH:mm) and template. Each change is
saved at once as a QUndoCommand; an empty name or a time another round already has is
refused with a message and changes nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTime, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.gui import i18n
from hallsupervisor.storage import inspection as storage

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

_ROOT = QModelIndex()
TIME_FORMAT = "HH:mm"
NAME, NAME_EN, TIME, TEMPLATE = range(4)
FIELDS = ("name", "name_en", "time", "template_family_id")


class PlanModel(QAbstractTableModel):
    """The day plan's entries in time order; edits go through the undo stack."""

    changed = Signal()
    problem = Signal(str)  # a refused edit, said in a sentence
    touched = Signal(str, int)  # the entry and column an edit changed (rows move with time)

    def __init__(self, store, hall_id: str, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.store = store
        self.hall_id = hall_id
        self.undo_stack = undo_stack
        self.entries: list[storage.PlanEntry] = []
        self.templates: list[storage.TemplateSummary] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.entries = storage.day_plan(self.store, self.hall_id)
        self.templates = storage.list_templates(self.store, self.hall_id)
        self.endResetModel()

    def template_name(self, family_id: str) -> str:
        language = i18n.current()
        for summary in self.templates:
            if summary.family_id == family_id:
                return bilingual(summary.name, summary.name_en, language)
        return _t("PlanEditor", "（模板已不存在）")

    def row_of(self, entry_id: str) -> int:
        return next((row for row, e in enumerate(self.entries) if e.id == entry_id), -1)

    # -- Qt model -------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                _t("PlanEditor", "名称"),
                _t("PlanEditor", "英文名称"),
                _t("PlanEditor", "时间"),
                _t("PlanEditor", "模板"),
            )[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if self.store.read_only else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        entry = self.entries[index.row()]
        value = getattr(entry, FIELDS[index.column()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self.template_name(value) if index.column() == TEMPLATE else value
        if role == Qt.ItemDataRole.EditRole:
            return value
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or self.store.read_only:
            return False
        entry = self.entries[index.row()]
        key = FIELDS[index.column()]
        if isinstance(value, QTime):
            value = value.toString(TIME_FORMAT)
        value = str(value or "").strip()
        refusal = self.refusal(entry, key, value)
        if refusal:
            self.problem.emit(refusal)
            return False
        old = getattr(entry, key)
        if value == old:
            return False
        self.undo_stack.push(SetPlanValueCommand(self, entry.id, key, old, value))
        return True

    def refusal(self, entry: storage.PlanEntry | None, key: str, value: str) -> str:
        """Why `value` cannot be stored (empty when it can)."""
        if key == "name" and not value:
            return _t("PlanEditor", "巡检名称不能为空。")
        if key == "time":
            if not QTime.fromString(value, TIME_FORMAT).isValid():
                return _t("PlanEditor", "时间应写成“时:分”，例如 08:30。")
            other = next(
                (
                    e
                    for e in self.entries
                    if e.time == value and (entry is None or e.id != entry.id)
                ),
                None,
            )
            if other is not None:
                return _t(
                    "PlanEditor", "{time} 已安排了“{name}”：每个时间只能安排一轮巡检。"
                ).format(time=value, name=other.name)
        if key == "template_family_id" and not any(t.family_id == value for t in self.templates):
            return _t("PlanEditor", "请选择一个模板。")
        return ""

    # -- applying edits (called by the undo commands) ---------------------------------------
    def apply(self, entry_id: str, key: str, value) -> None:
        storage.update_plan_entry(self.store, entry_id, **{key: value})
        self.reload()
        self.changed.emit()
        self.touched.emit(entry_id, FIELDS.index(key))

    def free_time(self) -> str:
        """A time no round has yet: an hour after the last one, or 08:30 for the first."""
        taken = {e.time for e in self.entries}
        start = QTime.fromString(self.entries[-1].time, TIME_FORMAT) if self.entries else None
        time = start.addSecs(3600) if start and start.isValid() else QTime(8, 30)
        for _ in range(48):
            text = time.toString(TIME_FORMAT)
            if text not in taken:
                return text
            time = time.addSecs(1800)
        minute = QTime(0, 0)
        while minute.toString(TIME_FORMAT) in taken:
            minute = minute.addSecs(60)
        return minute.toString(TIME_FORMAT)


class SetPlanValueCommand(QUndoCommand):
    def __init__(self, model: PlanModel, entry_id: str, key: str, old, new):
        super().__init__(_t("PlanEditor", "修改巡检计划"))
        self.model, self.entry_id, self.key, self.old, self.new = model, entry_id, key, old, new

    def redo(self) -> None:
        self.model.apply(self.entry_id, self.key, self.new)

    def undo(self) -> None:
        self.model.apply(self.entry_id, self.key, self.old)


class AddPlanEntryCommand(QUndoCommand):
    def __init__(self, model: PlanModel, name: str, time: str, family_id: str):
        super().__init__(_t("PlanEditor", "新增巡检"))
        self.model, self.name, self.time, self.family_id = model, name, time, family_id
        self.entry_id: str | None = None

    def redo(self) -> None:
        if self.entry_id is None:
            self.entry_id = storage.add_plan_entry(
                self.model.store, self.model.hall_id, self.name, self.time, self.family_id
            )
        else:  # brought back as the same record, so rounds already started stay linked
            storage.update_plan_entry(self.model.store, self.entry_id, deleted_at=None)
        self.model.reload()
        self.model.changed.emit()

    def undo(self) -> None:
        storage.remove_plan_entry(self.model.store, self.entry_id)
        self.model.reload()
        self.model.changed.emit()


class RemovePlanEntryCommand(QUndoCommand):
    def __init__(self, model: PlanModel, entry_id: str):
        super().__init__(_t("PlanEditor", "删除巡检"))
        self.model, self.entry_id = model, entry_id

    def redo(self) -> None:
        storage.remove_plan_entry(self.model.store, self.entry_id)
        self.model.reload()
        self.model.changed.emit()

    def undo(self) -> None:
        storage.update_plan_entry(self.model.store, self.entry_id, deleted_at=None)
        self.model.reload()
        self.model.changed.emit()


class PlanDelegate(QStyledItemDelegate):
    """A time box for the time column, the template list for the template column."""

    def createEditor(self, parent, option, index):  # noqa: N802
        if index.column() == TIME:
            editor = QTimeEdit(parent)
            editor.setDisplayFormat(TIME_FORMAT)
            editor.setObjectName("timeEditor")
            return editor
        if index.column() == TEMPLATE:
            combo = QComboBox(parent)
            combo.setObjectName("templateEditor")
            model = index.model()
            for summary in model.templates:
                combo.addItem(model.template_name(summary.family_id), summary.family_id)
            return combo
        editor = super().createEditor(parent, option, index)
        editor.setMaxLength(100)
        return editor

    def setEditorData(self, editor, index):  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QTimeEdit):
            editor.setTime(QTime.fromString(value, TIME_FORMAT))
        elif isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index):  # noqa: N802
        if isinstance(editor, QTimeEdit):
            model.setData(index, editor.time().toString(TIME_FORMAT))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class PlanEditor(QWidget):
    """The day plan: which rounds, when, with which template."""

    planChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(self, store, hall_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.store = store
        self.hall_id = hall_id
        self.undo_stack = QUndoStack(self)
        self.model = PlanModel(store, hall_id, self.undo_stack, self)

        layout = QVBoxLayout(self)
        title = QLabel(_t("PlanEditor", "每日巡检计划"), self)
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        self.table = QTableView(self)
        self.table.setObjectName("planTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(PlanDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(70)
        for column, width in ((NAME, 180), (NAME_EN, 200), (TIME, 80)):
            self.table.setColumnWidth(column, width)
        layout.addWidget(self.table, 1)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("planMessage")
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: #b3261e;")
        self.message_label.hide()
        layout.addWidget(self.message_label)

        buttons = QHBoxLayout()
        self.add_button = self._button("addPlanButton", _t("PlanEditor", "新增巡检"))
        self.remove_button = self._button("removePlanButton", _t("PlanEditor", "删除"))
        self.undo_button = self._button("planUndoButton", _t("PlanEditor", "撤销"))
        self.redo_button = self._button("planRedoButton", _t("PlanEditor", "重做"))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)
        layout.addLayout(buttons)

        self.add_button.clicked.connect(self.add_entry)
        self.remove_button.clicked.connect(self.remove_current)
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self._update_buttons)
        self.undo_stack.canRedoChanged.connect(self._update_buttons)
        self.undo_stack.indexChanged.connect(lambda _i: self.message_label.hide())
        self.model.problem.connect(self.show_message)
        self.model.changed.connect(self.planChanged)
        self.model.touched.connect(self._select)
        self.model.modelReset.connect(self._update_buttons)
        self.table.selectionModel().currentChanged.connect(self._update_buttons)
        for sequence, slot in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence.StandardKey.Redo, self.undo_stack.redo),
        ):
            QShortcut(sequence, self, slot, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self._update_buttons()

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def reload(self) -> None:
        """Re-reads the plan and the template names (after templates change elsewhere)."""
        current = self._current_id()
        self.model.reload()
        self._select(current)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not event.spontaneous():  # templates may have been renamed or added meanwhile
            self.reload()

    def show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def _current_id(self) -> str | None:
        row = self.table.currentIndex().row()
        return self.model.entries[row].id if 0 <= row < len(self.model.entries) else None

    def _select(self, entry_id: str | None, column: int = NAME) -> None:
        row = self.model.row_of(entry_id) if entry_id else -1
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, column))

    def _update_buttons(self, *_args) -> None:
        writable = not self.store.read_only
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and self.table.currentIndex().isValid())
        self.undo_button.setEnabled(writable and self.undo_stack.canUndo())
        self.redo_button.setEnabled(writable and self.undo_stack.canRedo())

    def add_entry(self) -> str | None:
        """Adds a round at a free time with the first template and opens its name to type."""
        if self.store.read_only:
            return None
        self.model.reload()
        if not self.model.templates:
            self.show_message(_t("PlanEditor", "还没有巡检模板：请先导入模板，再安排巡检。"))
            return None
        family_id = (
            self.model.entries[-1].template_family_id
            if self.model.entries
            and any(
                t.family_id == self.model.entries[-1].template_family_id
                for t in self.model.templates
            )
            else self.model.templates[0].family_id
        )
        command = AddPlanEntryCommand(
            self.model, _t("PlanEditor", "新巡检"), self.model.free_time(), family_id
        )
        self.undo_stack.push(command)
        self._select(command.entry_id)
        self.table.setFocus()
        self.table.edit(self.table.currentIndex())
        return command.entry_id

    def remove_current(self) -> None:
        entry_id = self._current_id()
        if entry_id and not self.store.read_only:
            self.undo_stack.push(RemovePlanEntryCommand(self.model, entry_id))
