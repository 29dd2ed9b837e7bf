"""巡检模板: the checklist templates, edited in place.

The tree shows the newest version of one template (sections, then items); the form on the
right edits the selected section or item. Every edit is a QUndoCommand that writes at once
through the key-based functions of `storage.inspection`, so it applies to whichever version
is editable: once a round has used the newest version, the first edit makes a new version
and the old rounds keep theirs. Undo and redo address sections and items by key, so they
work across that automatic new version too. There is no Save button.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QUndoCommand, QUndoGroup, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.files import os_error_reason
from hallsupervisor.domain.inspection import template_file
from hallsupervisor.domain.inspection.model import (
    ANSWER_TYPES,
    ELEMENTS,
    MAJOR,
    MAX_WEIGHT,
    MIN_WEIGHT,
    NUMBER,
    PASS_FAIL,
    SEVERITIES,
    SIX_S,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.inspection.scoring import parse_number
from hallsupervisor.gui import i18n
from hallsupervisor.storage import inspection as storage

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

_ROOT = QModelIndex()
SECTION, ITEM = "section", "item"
KEEP = object()  # refresh(): keep the current selection
MAX_TEXT = 200  # an item is one short sentence (docs/template-format.md)
ERROR_STYLE = "color: #b3261e;"


def _label(labels: dict[str, str], key: str) -> str:
    """A domain label (marked with QT_TRANSLATE_NOOP in the "Inspection" context) shown."""
    return QCoreApplication.translate("Inspection", labels[key]) if key in labels else key


# -- the tree -------------------------------------------------------------------------------
class TemplateTreeModel(QAbstractItemModel):
    """Sections at the top level, their items below. Read-only: the form does the editing.

    An index's internal id says where it lives: 0 for a section, section row + 1 for an item.
    """

    KEY, TEXT, TYPE, WEIGHT, SEVERITY = range(5)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.template: Template | None = None
        self.language = i18n.current()

    def set_template(self, template: Template | None) -> None:
        self.beginResetModel()
        self.template = template
        self.language = i18n.current()
        self.endResetModel()

    @property
    def sections(self) -> list[TemplateSection]:
        return self.template.sections if self.template else []

    # -- addressing -----------------------------------------------------------------------
    def node(self, index: QModelIndex) -> tuple[str, TemplateSection | TemplateItem] | None:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return SECTION, self.sections[index.row()]
        return ITEM, self.sections[index.internalId() - 1].items[index.row()]

    def index_of(self, kind: str, key: str, column: int = 0) -> QModelIndex:
        for section_row, section in enumerate(self.sections):
            if kind == SECTION and section.key == key:
                return self.index(section_row, column)
            if kind == ITEM:
                for item_row, item in enumerate(section.items):
                    if item.key == key:
                        return self.index(item_row, column, self.index(section_row, 0))
        return QModelIndex()

    # -- Qt model -------------------------------------------------------------------------
    def index(self, row, column, parent=_ROOT):
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index=_ROOT):  # noqa: A003 - Qt API
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        if not parent.isValid():
            return len(self.sections)
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.sections[parent.row()].items)
        return 0

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 5

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return (
                _t("TemplateEditor", "编号"),
                _t("TemplateEditor", "检查项目"),
                _t("TemplateEditor", "类型"),
                _t("TemplateEditor", "权重"),
                _t("TemplateEditor", "严重度"),
            )[section]
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        node = self.node(index)
        if node is None:
            return None
        kind, record = node
        column = index.column()
        if kind == SECTION:
            if role == Qt.ItemDataRole.DisplayRole:
                if column == self.KEY:
                    return record.key
                if column == self.TEXT:
                    return record.display_title(self.language)
                return None
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.KEY:
                return record.key
            if column == self.TEXT:
                return record.display_text(self.language)
            if column == self.TYPE:
                return _label(ANSWER_TYPES, record.answer_type)
            if column == self.WEIGHT:
                return str(record.weight)
            if column == self.SEVERITY:
                return _label(SEVERITIES, record.severity)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and column == self.TEXT:
            tip = record.display_text(self.language)
            if record.guidance:
                tip += "\n" + _t("TemplateEditor", "合格标准：{guidance}").format(
                    guidance=record.guidance
                )
            return tip
        return None


# -- undo commands -------------------------------------------------------------------------
class _TemplateCommand(QUndoCommand):
    """One edit of one template family; the editor reloads and reselects after each step."""

    def __init__(self, editor: TemplateEditor, family_id: str, text: str):
        super().__init__(text)
        self.editor, self.family_id = editor, family_id

    def redo(self) -> None:
        self.editor.after_command(self.family_id, self.forward())

    def undo(self) -> None:
        self.editor.after_command(self.family_id, self.backward())

    def forward(self) -> tuple[str, str] | None:  # returns what to select afterwards
        raise NotImplementedError

    def backward(self) -> tuple[str, str] | None:
        raise NotImplementedError


class UpdateItemCommand(_TemplateCommand):
    def __init__(self, editor, family_id, key: str, old: dict, new: dict):
        super().__init__(editor, family_id, _t("TemplateEditor", "修改项目 {key}").format(key=key))
        self.key, self.old, self.new = key, old, new

    def forward(self):
        storage.update_item(self.editor.store, self.family_id, self.key, **self.new)
        return ITEM, self.key

    def backward(self):
        storage.update_item(self.editor.store, self.family_id, self.key, **self.old)
        return ITEM, self.key


class UpdateSectionCommand(_TemplateCommand):
    def __init__(self, editor, family_id, key: str, old: dict, new: dict):
        super().__init__(editor, family_id, _t("TemplateEditor", "修改分区 {key}").format(key=key))
        self.key, self.old, self.new = key, old, new

    def forward(self):
        storage.update_section(self.editor.store, self.family_id, self.key, **self.new)
        return SECTION, self.key

    def backward(self):
        storage.update_section(self.editor.store, self.family_id, self.key, **self.old)
        return SECTION, self.key


class AddItemCommand(_TemplateCommand):
    def __init__(self, editor, family_id, section_key: str, item: TemplateItem, index: int):
        super().__init__(
            editor, family_id, _t("TemplateEditor", "新增项目 {key}").format(key=item.key)
        )
        self.section_key, self.item, self.index = section_key, item, index

    def forward(self):
        item = copy.deepcopy(self.item)
        storage.insert_item(self.editor.store, self.family_id, self.section_key, item, self.index)
        return ITEM, self.item.key

    def backward(self):
        storage.remove_item(self.editor.store, self.family_id, self.item.key)
        return SECTION, self.section_key


class RemoveItemCommand(AddItemCommand):
    def __init__(self, editor, family_id, section_key: str, item: TemplateItem, index: int):
        super().__init__(editor, family_id, section_key, item, index)
        self.setText(_t("TemplateEditor", "删除项目 {key}").format(key=item.key))

    def forward(self):
        return super().backward()

    def backward(self):
        return super().forward()


class MoveItemCommand(_TemplateCommand):
    def __init__(self, editor, family_id, section_key: str, key: str, old: int, new: int):
        super().__init__(editor, family_id, _t("TemplateEditor", "移动项目 {key}").format(key=key))
        self.section_key, self.key, self.old, self.new = section_key, key, old, new

    def forward(self):
        storage.move_item(self.editor.store, self.family_id, self.key, self.section_key, self.new)
        return ITEM, self.key

    def backward(self):
        storage.move_item(self.editor.store, self.family_id, self.key, self.section_key, self.old)
        return ITEM, self.key


class AddSectionCommand(_TemplateCommand):
    def __init__(self, editor, family_id, section: TemplateSection, index: int):
        super().__init__(
            editor, family_id, _t("TemplateEditor", "新增分区 {key}").format(key=section.key)
        )
        self.section, self.index = section, index

    def forward(self):
        section = copy.deepcopy(self.section)
        storage.insert_section(self.editor.store, self.family_id, section, self.index)
        return SECTION, self.section.key

    def backward(self):
        storage.remove_section(self.editor.store, self.family_id, self.section.key)
        return None


class RemoveSectionCommand(AddSectionCommand):
    def __init__(self, editor, family_id, section: TemplateSection, index: int):
        super().__init__(editor, family_id, section, index)
        self.setText(_t("TemplateEditor", "删除分区 {key}").format(key=section.key))

    def forward(self):
        return super().backward()

    def backward(self):
        return super().forward()


class MoveSectionCommand(_TemplateCommand):
    def __init__(self, editor, family_id, key: str, old: int, new: int):
        super().__init__(editor, family_id, _t("TemplateEditor", "移动分区 {key}").format(key=key))
        self.key, self.old, self.new = key, old, new

    def forward(self):
        storage.move_section(self.editor.store, self.family_id, self.key, self.new)
        return SECTION, self.key

    def backward(self):
        storage.move_section(self.editor.store, self.family_id, self.key, self.old)
        return SECTION, self.key


# -- the editor ----------------------------------------------------------------------------
ChooseOpen = Callable[[], "str | Path | None"]
ChooseSave = Callable[[str], "str | Path | None"]
ShowProblems = Callable[[str, str, list], None]


class TemplateEditor(QWidget):
    """Chooses a template, shows its sections and items, edits them in place.

    `choose_open()` returns the CSV file to import (or None), `choose_save(suggested_name)`
    the file to export to (or None), `show_problems(title, message, problems)` tells the user
    what went wrong; all three default to Qt dialogs and are replaced in tests.
    """

    templatesChanged = Signal()  # noqa: N815 - Qt naming

    def __init__(
        self,
        store,
        hall_id: str,
        parent: QWidget | None = None,
        choose_open: ChooseOpen | None = None,
        choose_save: ChooseSave | None = None,
        show_problems: ShowProblems | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("templateEditor")
        self.store = store
        self.hall_id = hall_id
        self.choose_open = choose_open or self._ask_open
        self.choose_save = choose_save or self._ask_save
        self.show_problems = show_problems or self._show_problems_box
        self.family_id: str | None = None
        self.template: Template | None = None
        self._loading = False
        self.undo_group = QUndoGroup(self)
        self._stacks: dict[str, QUndoStack] = {}
        self._build()
        self._connect()
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)

        top = QHBoxLayout()
        chooser_label = QLabel(_t("TemplateEditor", "模板："), self)
        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("templateCombo")
        self.template_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_combo.setMinimumContentsLength(16)
        chooser_label.setBuddy(self.template_combo)
        self.import_button = self._button("importButton", _t("TemplateEditor", "导入…"))
        self.import_button.setToolTip(
            _t("TemplateEditor", "从 CSV 文件导入模板（Excel、WPS 可编辑）")
        )
        self.export_button = self._button("exportButton", _t("TemplateEditor", "导出…"))
        self.export_button.setToolTip(_t("TemplateEditor", "把当前模板导出为 CSV 文件"))
        top.addWidget(chooser_label)
        top.addWidget(self.template_combo)
        top.addStretch(1)
        top.addWidget(self.import_button)
        top.addWidget(self.export_button)
        outer.addLayout(top)

        self.version_label = QLabel(self)
        self.version_label.setObjectName("versionLabel")
        self.version_label.setWordWrap(True)
        self.version_label.setStyleSheet("color: #8a5300;")
        self.version_label.hide()
        outer.addWidget(self.version_label)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setObjectName("templateSplitter")
        splitter.setChildrenCollapsible(False)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.tree_model = TemplateTreeModel(self)
        self.tree = QTreeView(left)
        self.tree.setObjectName("templateTree")
        self.tree.setModel(self.tree_model)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column in range(self.tree_model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TemplateTreeModel.TEXT, QHeaderView.ResizeMode.Stretch)
        left_layout.addWidget(self.tree, 1)

        buttons = QHBoxLayout()
        self.add_section_button = self._button("addSectionButton", _t("TemplateEditor", "新增分区"))
        self.add_item_button = self._button("addItemButton", _t("TemplateEditor", "新增项目"))
        self.remove_button = self._button("removeButton", _t("TemplateEditor", "删除"))
        self.move_up_button = self._button("moveUpButton", _t("TemplateEditor", "上移"))
        self.move_down_button = self._button("moveDownButton", _t("TemplateEditor", "下移"))
        self.undo_button = self._button("undoButton", _t("TemplateEditor", "撤销"))
        self.redo_button = self._button("redoButton", _t("TemplateEditor", "重做"))
        self.undo_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Undo).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        self.redo_button.setToolTip(
            QKeySequence(QKeySequence.StandardKey.Redo).toString(
                QKeySequence.SequenceFormat.NativeText
            )
        )
        for button in (
            self.add_section_button,
            self.add_item_button,
            self.remove_button,
            self.move_up_button,
            self.move_down_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)
        top.insertWidget(top.count() - 2, self.undo_button)
        top.insertWidget(top.count() - 2, self.redo_button)
        top.insertSpacing(top.indexOf(self.import_button), 16)

        self.form_stack = QStackedWidget(splitter)
        self.form_stack.setObjectName("formStack")
        self.empty_page = QLabel(self.form_stack)
        self.empty_page.setObjectName("emptyPage")
        self.empty_page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_page.setWordWrap(True)
        self.form_stack.addWidget(self.empty_page)
        self.form_stack.addWidget(self._build_section_page())
        self.form_stack.addWidget(self._build_item_page())
        splitter.addWidget(left)
        splitter.addWidget(self.form_stack)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([620, 460])
        outer.addWidget(splitter, 1)

        self.status_label = QLabel(self)
        self.status_label.setObjectName("statusLabel")
        self.status_label.setWordWrap(True)
        outer.addWidget(self.status_label)

        QShortcut(
            QKeySequence.StandardKey.Undo,
            self,
            self.undo_group.undo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )
        QShortcut(
            QKeySequence.StandardKey.Redo,
            self,
            self.undo_group.redo,
            context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
        )

    def _button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        return button

    def _line(self, name: str, page: QWidget, max_length: int = MAX_TEXT) -> QLineEdit:
        edit = QLineEdit(page)
        edit.setObjectName(name)
        edit.setMaxLength(max_length)
        return edit

    def _build_section_page(self) -> QWidget:
        page = QWidget(self.form_stack)
        page.setObjectName("sectionPage")
        form = QFormLayout(page)
        heading = QLabel(_t("TemplateEditor", "分区"), page)
        heading.setStyleSheet("font-weight: bold;")
        form.addRow(heading)
        self.section_key_label = QLabel(page)
        self.section_key_label.setObjectName("sectionKeyLabel")
        self.section_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.section_title_edit = self._line("sectionTitleEdit", page)
        self.section_title_en_edit = self._line("sectionTitleEnEdit", page)
        form.addRow(_t("TemplateEditor", "编号前缀"), self.section_key_label)
        form.addRow(_t("TemplateEditor", "分区名称"), self.section_title_edit)
        form.addRow(_t("TemplateEditor", "英文名称"), self.section_title_en_edit)
        self.section_hint = QLabel(page)
        self.section_hint.setObjectName("sectionHint")
        self.section_hint.setWordWrap(True)
        self.section_hint.setStyleSheet(ERROR_STYLE)
        form.addRow(self.section_hint)
        return page

    def _build_item_page(self) -> QWidget:
        page = QWidget(self.form_stack)
        page.setObjectName("itemPage")
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.item_key_label = QLabel(page)
        self.item_key_label.setObjectName("itemKeyLabel")
        self.item_key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.item_key_label.setStyleSheet("font-weight: bold;")
        self.item_text_edit = self._line("itemTextEdit", page)
        self.item_text_en_edit = self._line("itemTextEnEdit", page)
        self.guidance_edit = self._line("guidanceEdit", page, 1000)
        self.guidance_en_edit = self._line("guidanceEnEdit", page, 1000)
        self.category_combo = self._combo("categoryCombo", page, SIX_S)
        self.element_combo = self._combo("elementCombo", page, ELEMENTS)
        self.weight_spin = QSpinBox(page)
        self.weight_spin.setObjectName("weightSpin")
        self.weight_spin.setRange(MIN_WEIGHT, MAX_WEIGHT)
        self.severity_combo = self._combo("severityCombo", page, SEVERITIES, empty=False)
        self.photo_check = QCheckBox(_t("TemplateEditor", "不合格时需拍照"), page)
        self.photo_check.setObjectName("photoCheck")
        # The hall's touchpoints by code and name; the item stores the code (file column 触点).
        self.touchpoint_combo = QComboBox(page)
        self.touchpoint_combo.setObjectName("touchpointCombo")
        self.touchpoint_combo.setToolTip(
            _t("TemplateEditor", "这个项目检查的是平面图上的哪个触点；不合格时触点变色。")
        )
        self.answer_type_combo = self._combo("answerTypeCombo", page, ANSWER_TYPES, empty=False)
        self.minimum_edit = self._line("minimumEdit", page, 20)
        self.maximum_edit = self._line("maximumEdit", page, 20)
        self.unit_edit = self._line("unitEdit", page, 20)
        self.minimum_edit.setPlaceholderText(_t("TemplateEditor", "下限（不限）"))
        self.maximum_edit.setPlaceholderText(_t("TemplateEditor", "上限（不限）"))
        self.minimum_edit.setToolTip(_t("TemplateEditor", "下限：不低于这个数为合格"))
        self.maximum_edit.setToolTip(_t("TemplateEditor", "上限：不高于这个数为合格"))
        self.unit_edit.setPlaceholderText(_t("TemplateEditor", "如 °C"))
        for edit in (self.minimum_edit, self.maximum_edit, self.unit_edit):
            edit.setMinimumWidth(48)

        range_row = QHBoxLayout()
        self.range_to_label = QLabel(_t("TemplateEditor", "至"), page)
        self.unit_label = QLabel(_t("TemplateEditor", "单位"), page)
        for widget, stretch in (
            (self.minimum_edit, 2),
            (self.range_to_label, 0),
            (self.maximum_edit, 2),
            (self.unit_label, 0),
            (self.unit_edit, 1),
        ):
            range_row.addWidget(widget, stretch)

        weight_row = QHBoxLayout()
        weight_row.addWidget(self.weight_spin)
        severity_label = QLabel(_t("TemplateEditor", "严重度"), page)
        severity_label.setBuddy(self.severity_combo)
        weight_row.addWidget(severity_label)
        weight_row.addWidget(self.severity_combo, 1)

        form.addRow(_t("TemplateEditor", "编号"), self.item_key_label)
        form.addRow(_t("TemplateEditor", "检查项目"), self.item_text_edit)
        form.addRow(_t("TemplateEditor", "英文"), self.item_text_en_edit)
        form.addRow(_t("TemplateEditor", "合格标准"), self.guidance_edit)
        form.addRow(_t("TemplateEditor", "合格标准（英文）"), self.guidance_en_edit)
        form.addRow(_t("TemplateEditor", "6S 分类"), self.category_combo)
        form.addRow(_t("TemplateEditor", "满意度要素"), self.element_combo)
        form.addRow(_t("TemplateEditor", "权重（1–5）"), weight_row)
        form.addRow("", self.photo_check)
        form.addRow(_t("TemplateEditor", "触点"), self.touchpoint_combo)
        form.addRow(_t("TemplateEditor", "类型"), self.answer_type_combo)
        form.addRow(_t("TemplateEditor", "合格范围"), range_row)
        self.item_hint = QLabel(page)
        self.item_hint.setObjectName("itemHint")
        self.item_hint.setWordWrap(True)
        self.item_hint.setStyleSheet(ERROR_STYLE)
        form.addRow(self.item_hint)
        return page

    def _combo(
        self, name: str, page: QWidget, labels: dict[str, str], empty: bool = True
    ) -> QComboBox:
        combo = QComboBox(page)
        combo.setObjectName(name)
        if empty:
            combo.addItem(_t("TemplateEditor", "（无）"), "")
        for key in labels:
            combo.addItem(_label(labels, key), key)
        return combo

    def _connect(self) -> None:
        self.template_combo.activated.connect(self._template_chosen)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)
        self.add_section_button.clicked.connect(self.add_section)
        self.add_item_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_selected)
        self.move_up_button.clicked.connect(lambda: self.move_selected(-1))
        self.move_down_button.clicked.connect(lambda: self.move_selected(1))
        self.undo_button.clicked.connect(self.undo_group.undo)
        self.redo_button.clicked.connect(self.undo_group.redo)
        self.undo_group.canUndoChanged.connect(self._update_buttons)
        self.undo_group.canRedoChanged.connect(self._update_buttons)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)

        self.section_title_edit.editingFinished.connect(
            lambda: self._section_text_edited("title", self.section_title_edit, required=True)
        )
        self.section_title_en_edit.editingFinished.connect(
            lambda: self._section_text_edited("title_en", self.section_title_en_edit)
        )
        for name, edit, required in (
            ("text", self.item_text_edit, True),
            ("text_en", self.item_text_en_edit, False),
            ("guidance", self.guidance_edit, False),
            ("guidance_en", self.guidance_en_edit, False),
            ("unit", self.unit_edit, False),
        ):
            edit.editingFinished.connect(
                lambda n=name, e=edit, r=required: self._item_text_edited(n, e, r)
            )
        for name, combo in (
            ("category", self.category_combo),
            ("element", self.element_combo),
            ("severity", self.severity_combo),
        ):
            combo.activated.connect(
                lambda _i, n=name, c=combo: self._item_edited({n: c.currentData()})
            )
        self.touchpoint_combo.activated.connect(
            lambda _i: self._item_edited({"touchpoint": self.touchpoint_combo.currentData()})
        )
        self.answer_type_combo.activated.connect(self._answer_type_chosen)
        self.weight_spin.editingFinished.connect(
            lambda: self._item_edited({"weight": self.weight_spin.value()})
        )
        self.photo_check.clicked.connect(
            lambda checked: self._item_edited({"photo_expected": checked})
        )
        self.minimum_edit.editingFinished.connect(self._range_edited)
        self.maximum_edit.editingFinished.connect(self._range_edited)

    # -- loading --------------------------------------------------------------------------
    def refresh(self, family_id: str | None = None, select=KEEP) -> None:
        """Reloads the template list and the chosen template's newest version.

        `select` is a (kind, key) pair to select afterwards, KEEP for the current selection,
        or None for the first row.
        """
        if select is KEEP:
            select = self.selected_key()
        self._loading = True
        try:
            summaries = storage.list_templates(self.store, self.hall_id)
            families = [s.family_id for s in summaries]
            family_id = family_id or self.family_id
            if family_id not in families:
                family_id = families[0] if families else None
            language = i18n.current()
            self.template_combo.clear()
            for summary in summaries:
                name = bilingual(summary.name, summary.name_en, language)
                self.template_combo.addItem(
                    _t("TemplateEditor", "{name} · 版本 {version}").format(
                        name=name, version=summary.version
                    ),
                    summary.family_id,
                )
            if family_id:
                self.template_combo.setCurrentIndex(families.index(family_id))
            if family_id != self.family_id:
                self.family_id = family_id
                if family_id:
                    self.undo_group.setActiveStack(self._stack(family_id))
                else:
                    self.undo_group.setActiveStack(None)
            latest = storage.latest_version_id(self.store, family_id) if family_id else None
            self.template = storage.load_template(self.store, latest) if latest else None
            self.tree_model.set_template(self.template)
            self.tree.expandAll()
            index = self.tree_model.index_of(*select) if select else QModelIndex()
            if not index.isValid() and self.tree_model.rowCount():
                index = self.tree_model.index(0, 0)
            if index.isValid():
                self.tree.setCurrentIndex(index)
                self.tree.scrollTo(index)
        finally:
            self._loading = False
        self._show_form()
        self._update_version_label()
        self._update_buttons()

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        # Rounds started elsewhere since the last look change what the version line says.
        super().showEvent(event)
        if not event.spontaneous():
            self.refresh()

    def _stack(self, family_id: str) -> QUndoStack:
        stack = self._stacks.get(family_id)
        if stack is None:
            stack = QUndoStack(self)
            self.undo_group.addStack(stack)
            self._stacks[family_id] = stack
        return stack

    @property
    def undo_stack(self) -> QUndoStack | None:
        """The undo history of the template on show (each template keeps its own)."""
        return self._stacks.get(self.family_id) if self.family_id else None

    def _template_chosen(self, row: int) -> None:
        family_id = self.template_combo.itemData(row)
        if family_id and family_id != self.family_id:
            self.status_label.clear()
            self.refresh(family_id, select=None)

    def after_command(self, family_id: str, select: tuple[str, str] | None) -> None:
        """Called by every command once it has written: show the result, tell the others."""
        self.refresh(family_id, select=select)
        self.templatesChanged.emit()

    def _update_version_label(self) -> None:
        template = self.template
        rounds = self._rounds_using(template.id) if template else 0
        if template and rounds:
            self.version_label.setText(
                _t(
                    "TemplateEditor",
                    "版本 {version} · 已被 {rounds} 轮巡检使用：修改会生成新版本，旧记录保持不变",
                ).format(version=template.version, rounds=rounds)
            )
            self.version_label.show()
        else:
            self.version_label.hide()

    def _rounds_using(self, template_id: str) -> int:
        return self.store.scalar(
            "SELECT count(*) FROM rounds WHERE template_id = ?", (template_id,)
        )

    def _update_buttons(self) -> None:
        writable = not self.store.read_only
        has_template = self.template is not None
        selected = self.selected()
        self.template_combo.setEnabled(self.template_combo.count() > 0)
        self.import_button.setEnabled(writable)
        self.export_button.setEnabled(has_template)
        self.add_section_button.setEnabled(writable and has_template)
        self.add_item_button.setEnabled(writable and has_template and bool(self.template.sections))
        self.remove_button.setEnabled(writable and selected is not None)
        can_up = can_down = False
        if selected is not None:
            position, count = self._position(selected)
            can_up, can_down = position > 0, position < count - 1
        self.move_up_button.setEnabled(writable and can_up)
        self.move_down_button.setEnabled(writable and can_down)
        self.undo_button.setEnabled(writable and self.undo_group.canUndo())
        self.redo_button.setEnabled(writable and self.undo_group.canRedo())

    # -- selection and form ----------------------------------------------------------------
    def selected(self) -> tuple[str, TemplateSection | TemplateItem] | None:
        return self.tree_model.node(self.tree.currentIndex())

    def selected_key(self) -> tuple[str, str] | None:
        node = self.selected()
        return (node[0], node[1].key) if node else None

    def _section_of(self, item_key: str) -> tuple[int, TemplateSection]:
        for number, section in enumerate(self.template.sections):
            if any(item.key == item_key for item in section.items):
                return number, section
        raise LookupError(item_key)

    def _position(self, node) -> tuple[int, int]:
        kind, record = node
        if kind == SECTION:
            return self.template.sections.index(record), len(self.template.sections)
        _number, section = self._section_of(record.key)
        return section.items.index(record), len(section.items)

    def _current_changed(self, *_args) -> None:
        if not self._loading:
            self._show_form()
            self._update_buttons()

    def _show_form(self) -> None:
        node = self.selected()
        self._loading = True
        try:
            self.section_hint.clear()
            self.item_hint.clear()
            if node is None:
                if self.template is None:
                    text = _t("TemplateEditor", "还没有巡检模板：请用“导入…”读入模板文件（CSV）。")
                elif not self.template.sections:
                    text = _t("TemplateEditor", "这个模板还没有内容：请先“新增分区”。")
                else:
                    text = _t("TemplateEditor", "在左侧选择一个分区或项目进行修改。")
                self.empty_page.setText(text)
                self.form_stack.setCurrentIndex(0)
                return
            kind, record = node
            if kind == SECTION:
                self.section_key_label.setText(record.key)
                self.section_title_edit.setText(record.title)
                self.section_title_en_edit.setText(record.title_en)
                self.form_stack.setCurrentIndex(1)
                return
            item: TemplateItem = record
            self.item_key_label.setText(item.key)
            self.item_text_edit.setText(item.text)
            self.item_text_en_edit.setText(item.text_en)
            self.guidance_edit.setText(item.guidance)
            self.guidance_en_edit.setText(item.guidance_en)
            self._fill_touchpoints(item.touchpoint)
            self.unit_edit.setText(item.unit)
            for combo, value in (
                (self.category_combo, item.category),
                (self.element_combo, item.element),
                (self.severity_combo, item.severity),
                (self.answer_type_combo, item.answer_type),
            ):
                combo.setCurrentIndex(max(0, combo.findData(value)))
            self.weight_spin.setValue(item.weight)
            self.photo_check.setChecked(item.photo_expected)
            self.minimum_edit.setText(_number_text(item.minimum))
            self.maximum_edit.setText(_number_text(item.maximum))
            number = item.answer_type == NUMBER
            for widget in (
                self.minimum_edit,
                self.range_to_label,
                self.maximum_edit,
                self.unit_label,
                self.unit_edit,
            ):
                widget.setEnabled(number)
            if number and item.minimum is None and item.maximum is None:
                self.item_hint.setText(
                    _t("TemplateEditor", "数值项目需要填写下限或上限（至少一个）。")
                )
            self.form_stack.setCurrentIndex(2)
        finally:
            self._loading = False
        editable = not self.store.read_only
        for widget in self.form_stack.findChildren(QWidget):
            if isinstance(widget, (QLineEdit, QComboBox, QSpinBox, QCheckBox)):
                if widget not in (self.minimum_edit, self.maximum_edit, self.unit_edit):
                    widget.setEnabled(editable)
                elif not editable:
                    widget.setEnabled(False)

    def _fill_touchpoints(self, code: str) -> None:
        """The picker: (none), the hall's touchpoints, and the item's code when no touchpoint
        on the map has it (yet), so showing an item never changes its link."""
        from hallsupervisor.storage.touchpoints import list_hall_touchpoints

        combo = self.touchpoint_combo
        combo.clear()
        combo.addItem(_t("TemplateEditor", "（无）"), "")
        language = i18n.current()
        for point in list_hall_touchpoints(self.store, self.hall_id) if self.hall_id else []:
            combo.addItem(f"{point.code} {bilingual(point.name, point.name_en, language)}", point.code)
        if code and combo.findData(code) < 0:
            combo.addItem(_t("TemplateEditor", "{code}（平面图上没有这个触点）").format(code=code), code)
        combo.setCurrentIndex(max(0, combo.findData(code)))

    # -- form edits -----------------------------------------------------------------------
    def _current_item(self) -> TemplateItem | None:
        node = self.selected()
        return node[1] if node and node[0] == ITEM else None

    def _current_section(self) -> TemplateSection | None:
        node = self.selected()
        return node[1] if node and node[0] == SECTION else None

    def _section_text_edited(self, name: str, edit: QLineEdit, required: bool = False) -> None:
        section = self._current_section()
        if self._loading or section is None or self.store.read_only:
            return
        value = edit.text().strip()
        old = getattr(section, name)
        if required and not value:
            edit.setText(old)
            self.section_hint.setText(_t("TemplateEditor", "分区名称不能为空。"))
            return
        if value != old:
            self._push(
                UpdateSectionCommand(self, self.family_id, section.key, {name: old}, {name: value})
            )

    def _item_text_edited(self, name: str, edit: QLineEdit, required: bool = False) -> None:
        item = self._current_item()
        if self._loading or item is None:
            return
        value = edit.text().strip()
        if required and not value:
            edit.setText(getattr(item, name))
            self.item_hint.setText(_t("TemplateEditor", "检查项目不能为空。"))
            return
        self._item_edited({name: value})

    def _answer_type_chosen(self) -> None:
        answer_type = self.answer_type_combo.currentData()
        values = {"answer_type": answer_type}
        if answer_type != NUMBER:  # the range and unit belong to number items only
            values.update(minimum=None, maximum=None, unit="")
        self._item_edited(values)

    def _range_edited(self) -> None:
        item = self._current_item()
        if self._loading or item is None:
            return
        values = {}
        for name, edit in (("minimum", self.minimum_edit), ("maximum", self.maximum_edit)):
            number = _parse_number(edit.text())
            if number is False:
                edit.setText(_number_text(getattr(item, name)))
                self.item_hint.setText(_t("TemplateEditor", "请填写数字，例如 18 或 26.5。"))
                return
            values[name] = number
        low, high = values["minimum"], values["maximum"]
        if low is not None and high is not None and low > high:
            self.minimum_edit.setText(_number_text(item.minimum))
            self.maximum_edit.setText(_number_text(item.maximum))
            self.item_hint.setText(_t("TemplateEditor", "下限不能大于上限。"))
            return
        self._item_edited(values)

    def _item_edited(self, values: dict) -> None:
        item = self._current_item()
        if self._loading or item is None or self.store.read_only:
            return
        old = {name: getattr(item, name) for name in values}
        changed = {name: value for name, value in values.items() if old[name] != value}
        if changed:
            old = {name: old[name] for name in changed}
            self._push(UpdateItemCommand(self, self.family_id, item.key, old, changed))

    def _push(self, command: QUndoCommand) -> None:
        self.status_label.clear()
        self._stack(self.family_id).push(command)

    # -- structure edits ------------------------------------------------------------------
    def add_section(self) -> None:
        if self.template is None or self.store.read_only:
            return
        keys = {section.key for section in self.template.sections}
        number = 1
        while f"SEC{number}" in keys:
            number += 1
        section = TemplateSection(f"SEC{number}", _t("TemplateEditor", "新分区"))
        node = self.selected()
        if node is None:
            index = len(self.template.sections)
        elif node[0] == SECTION:
            index = self.template.sections.index(node[1]) + 1
        else:
            index = self._section_of(node[1].key)[0] + 1
        self._push(AddSectionCommand(self, self.family_id, section, index))
        self._focus(self.section_title_edit)

    def add_item(self) -> None:
        if self.template is None or not self.template.sections or self.store.read_only:
            return
        node = self.selected()
        if node is None:
            section, index = self.template.sections[-1], len(self.template.sections[-1].items)
        elif node[0] == SECTION:
            section, index = node[1], len(node[1].items)
        else:
            section = self._section_of(node[1].key)[1]
            index = section.items.index(node[1]) + 1
        item = TemplateItem(
            self.next_item_key(section.key),
            _t("TemplateEditor", "新检查项目"),
            weight=1,
            severity=MAJOR,
            answer_type=PASS_FAIL,
        )
        self._push(AddItemCommand(self, self.family_id, section.key, item, index))
        self._focus(self.item_text_edit)

    def next_item_key(self, prefix: str) -> str:
        """`PREFIX-NN` after the highest number the prefix has in this template."""
        pattern = re.compile(rf"^{re.escape(prefix)}-(\d+)$")
        numbers = [
            int(match.group(1))
            for item in self.template.items()
            if (match := pattern.match(item.key))
        ]
        return f"{prefix}-{max(numbers, default=0) + 1:02d}"

    def remove_selected(self) -> None:
        node = self.selected()
        if node is None or self.store.read_only:
            return
        kind, record = node
        if kind == SECTION:
            index = self.template.sections.index(record)
            self._push(RemoveSectionCommand(self, self.family_id, copy.deepcopy(record), index))
        else:
            section = self._section_of(record.key)[1]
            index = section.items.index(record)
            self._push(
                RemoveItemCommand(self, self.family_id, section.key, copy.deepcopy(record), index)
            )

    def move_selected(self, step: int) -> None:
        """Moves the selected section, or the selected item within its section."""
        node = self.selected()
        if node is None or self.store.read_only:
            return
        position, count = self._position(node)
        target = position + step
        if not 0 <= target < count:
            return
        kind, record = node
        if kind == SECTION:
            self._push(MoveSectionCommand(self, self.family_id, record.key, position, target))
        else:
            section = self._section_of(record.key)[1]
            self._push(
                MoveItemCommand(self, self.family_id, section.key, record.key, position, target)
            )

    def _focus(self, edit: QLineEdit) -> None:
        """Puts the cursor in a new record's name, selected, so typing replaces it."""
        edit.setFocus(Qt.FocusReason.OtherFocusReason)
        edit.selectAll()

    # -- import and export ----------------------------------------------------------------
    def import_file(self) -> bool:
        """Reads a template file; a name already in use becomes that template's next version."""
        if self.store.read_only:
            return False
        chosen = self.choose_open()
        if not chosen:
            return False
        path = Path(chosen)
        title = _t("TemplateEditor", "无法导入模板")
        try:
            data = path.read_bytes()
        except OSError as exc:
            self.show_problems(
                title,
                _t("TemplateEditor", "无法读取文件“{path}”。").format(path=path),
                [i18n.text(os_error_reason(exc))],
            )
            return False
        try:
            template = template_file.parse_template(data)
        except template_file.TemplateFileError as exc:
            problems = [i18n.text(problem) for problem in exc.problems]
            self.show_problems(
                title,
                _t(
                    "TemplateEditor",
                    "文件“{file}”中有 {count} 处问题，没有导入任何内容。请改正后再导入：",
                ).format(file=path.name, count=len(problems)),
                problems,
            )
            return False
        family_id = storage.family_of_name(self.store, self.hall_id, template.name)
        storage.save_template(self.store, self.hall_id, template, family_id=family_id)
        # Undo steps recorded against the previous version would now edit the imported one.
        if template.family_id in self._stacks:
            self._stacks[template.family_id].clear()
        self.refresh(template.family_id, select=None)
        if family_id:
            message = _t("TemplateEditor", "已导入“{name}”，作为版本 {version}。")
        else:
            message = _t("TemplateEditor", "已导入新模板“{name}”。")
        self.status_label.setText(message.format(name=template.name, version=template.version))
        self.templatesChanged.emit()
        return True

    def export_file(self) -> bool:
        if self.template is None:
            return False
        chosen = self.choose_save(f"{_safe_file_name(self.template.name)}.csv")
        if not chosen:
            return False
        path = Path(chosen)
        if not path.suffix:
            path = path.with_suffix(".csv")
        latest = storage.latest_version_id(self.store, self.family_id)
        data = template_file.write_template(storage.load_template(self.store, latest))
        try:
            path.write_bytes(data)
        except OSError as exc:
            self.show_problems(
                _t("TemplateEditor", "无法导出模板"),
                _t("TemplateEditor", "无法写入文件“{path}”，模板没有导出。").format(path=path),
                [i18n.text(os_error_reason(exc))],
            )
            return False
        self.status_label.setText(_t("TemplateEditor", "已导出到 {path}").format(path=path))
        return True

    # -- default dialogs ------------------------------------------------------------------
    def _start_folder(self) -> str:
        return QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    def _ask_open(self) -> str | None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            _t("TemplateEditor", "导入巡检模板"),
            self._start_folder(),
            _t("TemplateEditor", "CSV 文件 (*.csv);;所有文件 (*)"),
        )
        return path or None

    def _ask_save(self, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            self,
            _t("TemplateEditor", "导出巡检模板"),
            str(Path(self._start_folder()) / suggested),
            _t("TemplateEditor", "CSV 文件 (*.csv)"),
        )
        return path or None

    def _show_problems_box(self, title: str, message: str, problems: list[str]) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self
        )
        shown = problems[:12]
        more = len(problems) - len(shown)
        text = "\n".join(shown)
        if more > 0:
            text += "\n" + _t("TemplateEditor", "……另有 {count} 处，见“详细信息”。").format(
                count=more
            )
            box.setDetailedText("\n".join(problems))
        box.setInformativeText(text)
        box.exec()


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _parse_number(text: str):
    """None for an empty field, the number, or False when it is not one."""
    if not text.strip():
        return None
    number = parse_number(text)
    return False if number is None else number


def _safe_file_name(name: str) -> str:
    return re.sub(r'[\\/:*?"<>|]+', "_", name).strip() or "template"
