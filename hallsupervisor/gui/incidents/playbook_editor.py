"""The playbook editor: every edit is checked, undoable and stored at once as a version.

The first edit of an editing session makes a new version of the playbook; later edits of
the session rewrite that version, unless a run started with it meanwhile (storage.playbooks
.save_edit). Undo and redo go back and forth through the session's edits, each stored too.
A change that would make the playbook invalid is refused with the reason and changes nothing.
"""

from __future__ import annotations

import copy
import datetime as _dt

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.incidents.playbook import (
    CATEGORIES,
    ROLES,
    Playbook,
    PlaybookError,
)
from hallsupervisor.gui import i18n
from hallsupervisor.gui.incidents.rows_model import (
    CHECK,
    MINUTES,
    ROLE,
    ApplyCommand,
    Col,
    RowsDelegate,
    RowsModel,
)
from hallsupervisor.storage import playbooks as library

_t = QCoreApplication.translate


def _pair(zh: str, en: str = "") -> dict:
    return {"zh": zh, "en": en}


class PlaybookEditor(QWidget):
    saved = Signal(str)  # playbook id: a version was stored
    closed = Signal(str)  # playbook id: back to the library

    def __init__(self, store, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("playbookEditor")
        self.store = store
        self.clock = clock or _dt.datetime.now
        self.playbook_id: str | None = None
        self.session_version: str | None = None
        self._body: dict = {}
        self.undo_stack = QUndoStack(self)
        self._build()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("editorHeading")
        font = self.heading.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.heading.setFont(font)
        top.addWidget(self.heading, 1)
        self.version_label = QLabel(self)
        self.version_label.setObjectName("editorVersion")
        top.addWidget(self.version_label)
        layout.addLayout(top)
        self.message = QLabel(self)
        self.message.setObjectName("editorMessage")
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("editorPages")
        layout.addWidget(self.pages, 1)

        basic = QWidget(self)
        form = QFormLayout(basic)
        self.fields: dict[tuple, QLineEdit] = {}
        for path, label in (
            (("title", "zh"), _t("PlaybookEditor", "名称（中文）")),
            (("title", "en"), _t("PlaybookEditor", "名称（英文）")),
            (("applies_when", "zh"), _t("PlaybookEditor", "适用情形（中文）")),
            (("applies_when", "en"), _t("PlaybookEditor", "适用情形（英文）")),
            (("keywords",), _t("PlaybookEditor", "搜索关键词（空格分开）")),
            (("media_line", "zh"), _t("PlaybookEditor", "媒体口径（中文）")),
            (("media_line", "en"), _t("PlaybookEditor", "媒体口径（英文）")),
            (("owner",), _t("PlaybookEditor", "负责人")),
        ):
            edit = QLineEdit(basic)
            edit.setObjectName("field_" + "_".join(path))
            edit.editingFinished.connect(lambda p=path, e=edit: self._field_edited(p, e))
            self.fields[path] = edit
            form.addRow(label, edit)
        self.category = QComboBox(basic)
        self.category.setObjectName("editorCategory")
        for key, name in CATEGORIES.items():
            self.category.addItem(_t("Playbooks", name), key)
        self.category.activated.connect(self._category_chosen)
        form.addRow(_t("PlaybookEditor", "类别"), self.category)
        self.pages.addTab(basic, _t("PlaybookEditor", "基本"))

        zh, en = _t("PlaybookEditor", "中文"), _t("PlaybookEditor", "英文")
        self.models: dict[str, RowsModel] = {}
        self.views: dict[str, QTableView] = {}
        self._table(
            "steps",
            _t("PlaybookEditor", "步骤"),
            [
                Col(("immediate",), _t("PlaybookEditor", "立即"), CHECK),
                Col(("role",), _t("PlaybookEditor", "谁做"), ROLE),
                Col(("text", "zh"), _t("PlaybookEditor", "步骤（中文）")),
                Col(("text", "en"), _t("PlaybookEditor", "步骤（英文）")),
                Col(("script", "zh"), _t("PlaybookEditor", "话术（中文）"), optional=True),
                Col(("script", "en"), _t("PlaybookEditor", "话术（英文）"), optional=True),
                Col(("target_minutes",), _t("PlaybookEditor", "时限（分钟）"), MINUTES, optional=True),
            ],
            self._new_step,
            movable=True,
        )
        self._table(
            "do_nots",
            _t("PlaybookEditor", "禁忌"),
            [Col(("zh",), zh), Col(("en",), en)],
            lambda body: _pair(_t("PlaybookEditor", "不要……")),
            movable=True,
        )
        self._table(
            "contacts",
            _t("PlaybookEditor", "电话"),
            [
                Col(("name", "zh"), _t("PlaybookEditor", "名称（中文）")),
                Col(("name", "en"), _t("PlaybookEditor", "名称（英文）")),
                Col(("number",), _t("PlaybookEditor", "号码")),
            ],
            lambda body: {"name": _pair(_t("PlaybookEditor", "新联系人")), "number": "000"},
        )
        self._table(
            "time_targets",
            _t("PlaybookEditor", "时限"),
            [
                Col(("text", "zh"), zh),
                Col(("text", "en"), en),
                Col(("minutes",), _t("PlaybookEditor", "分钟"), MINUTES),
            ],
            lambda body: {"text": _pair(_t("PlaybookEditor", "新时限")), "minutes": 10},
        )
        self._table(
            "prompts",
            _t("PlaybookEditor", "定时提醒"),
            [
                Col(("text", "zh"), zh),
                Col(("text", "en"), en),
                Col(("every_minutes",), _t("PlaybookEditor", "每隔（分钟）"), MINUTES),
                Col(("after_step",), _t("PlaybookEditor", "从哪一步做了起（步骤编号如 s3，可空）")),
            ],
            lambda body: {"text": _pair(_t("PlaybookEditor", "新提醒")), "every_minutes": 15},
        )
        self._table(
            "announcements",
            _t("PlaybookEditor", "广播词"),
            [Col(("zh",), zh), Col(("en",), en)],
            lambda body: _pair(_t("PlaybookEditor", "各位顾客……")),
            movable=True,
        )

        buttons = QHBoxLayout()
        self.undo_button = QPushButton(_t("PlaybookEditor", "撤销"), self)
        self.undo_button.setObjectName("editorUndo")
        self.redo_button = QPushButton(_t("PlaybookEditor", "重做"), self)
        self.redo_button.setObjectName("editorRedo")
        self.restore_button = QPushButton(_t("PlaybookEditor", "恢复内置内容"), self)
        self.restore_button.setObjectName("editorRestore")
        self.close_button = QPushButton(_t("PlaybookEditor", "完成"), self)
        self.close_button.setObjectName("editorClose")
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.restore_button.clicked.connect(self.restore_builtin)
        self.close_button.clicked.connect(self.finish)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        saved_note = QLabel(_t("PlaybookEditor", "每次修改都立即保存为新版本；进行中的事件保留启动时的版本。"), self)
        saved_note.setWordWrap(True)
        buttons.addWidget(saved_note, 1)
        for button in (self.undo_button, self.redo_button, self.restore_button, self.close_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        layout.addLayout(buttons)

        for sequence, slot in (
            (QKeySequence.StandardKey.Undo, self.undo_stack.undo),
            (QKeySequence("Ctrl+Shift+Z"), self.undo_stack.redo),
            (QKeySequence("Ctrl+Y"), self.undo_stack.redo),
        ):
            action = QAction(self)
            action.setShortcut(sequence)
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def _table(self, key: str, title: str, columns: list[Col], new_row, movable=False) -> None:
        page = QWidget(self)
        page.setObjectName(f"page_{key}")
        layout = QVBoxLayout(page)
        model = RowsModel(self, key, columns, new_row, self)
        view = QTableView(page)
        view.setObjectName(f"table_{key}")
        view.setModel(model)
        view.setItemDelegate(RowsDelegate(view))
        view.setWordWrap(True)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = view.horizontalHeader()
        header.setStretchLastSection(False)
        layout.addWidget(view, 1)
        row_buttons = QHBoxLayout()
        add = QPushButton(_t("PlaybookEditor", "增加"), page)
        add.setObjectName(f"add_{key}")
        remove = QPushButton(_t("PlaybookEditor", "删除"), page)
        remove.setObjectName(f"remove_{key}")

        def add_row() -> None:
            row = model.add_row()
            if row >= 0:
                text_column = next(i for i, c in enumerate(columns) if c.kind == "text")
                view.setCurrentIndex(model.index(row, text_column))
                view.edit(model.index(row, text_column))

        add.clicked.connect(add_row)
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))
        row_buttons.addWidget(add)
        row_buttons.addWidget(remove)
        if movable:
            for name, offset, label in (("up", -1, _t("PlaybookEditor", "上移")), ("down", 1, _t("PlaybookEditor", "下移"))):
                button = QPushButton(label, page)
                button.setObjectName(f"{name}_{key}")

                def move(_checked=False, o=offset) -> None:
                    row = view.currentIndex().row()
                    if model.move_row(row, o):
                        view.setCurrentIndex(model.index(row + o, max(0, view.currentIndex().column())))

                button.clicked.connect(move)
                row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        for i in range(row_buttons.count()):
            widget = row_buttons.itemAt(i).widget()
            if isinstance(widget, QPushButton):
                widget.setAutoDefault(False)
        layout.addLayout(row_buttons)
        for column, spec in enumerate(columns):
            if spec.kind in (CHECK, ROLE, MINUTES):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
                view.setColumnWidth(column, 60 if spec.kind == CHECK else 100)
            else:
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        model.modelReset.connect(view.resizeRowsToContents)
        # Row heights follow the wrapped text once the columns have their widths.
        header.sectionResized.connect(
            lambda *_args: QTimer.singleShot(0, view.resizeRowsToContents)
        )
        self.models[key] = model
        self.views[key] = view
        self.pages.addTab(page, title)

    def _new_step(self, body: dict) -> dict:
        roles = body.get("roles") or ["supervisor"]
        return {
            "id": Playbook.from_dict(body).new_step_id(),
            "text": _pair(_t("PlaybookEditor", "新步骤")),
            "role": roles[0],
            "immediate": False,
            "script": None,
            "target_minutes": None,
        }

    # -- the document ----------------------------------------------------------------------------
    def edit(self, playbook_id: str) -> None:
        """Starts an editing session of the playbook's current version."""
        self.playbook_id = playbook_id
        self.session_version = None
        self.undo_stack.clear()
        self._body = library.load_current(self.store, playbook_id).to_dict()
        builtin = self.store.scalar("SELECT builtin FROM playbooks WHERE id = ?", (playbook_id,))
        self.restore_button.setVisible(bool(builtin))
        self.message.hide()
        self._show(defer=False)
        self.pages.setCurrentIndex(1)
        self.views["steps"].setFocus()

    def body(self) -> dict:
        return self._body

    def playbook(self) -> Playbook:
        return Playbook.from_dict(self._body)

    def change(self, body: dict, what: str) -> bool:
        """Checks a changed document and, if it is valid, makes it an undoable stored edit."""
        body = copy.deepcopy(body)
        used = []
        for step in body.get("steps") or []:
            if isinstance(step, dict) and step.get("role") in ROLES and step["role"] not in used:
                used.append(step["role"])
        body["roles"] = [role for role in ROLES if role in used] or ["supervisor"]
        try:
            normal = Playbook.from_dict(body).to_dict()
        except PlaybookError as error:
            self._refuse(error)
            return False
        if normal == self._body:
            return False
        self.message.hide()
        self.undo_stack.push(ApplyCommand(self, copy.deepcopy(self._body), normal, what))
        return True

    def _refuse(self, error: PlaybookError) -> None:
        lines = [i18n.text(problem) for problem in error.problems]
        self.message.setText(_t("PlaybookEditor", "没有保存：") + "；".join(lines))
        self.message.show()
        self._show()  # the fields go back to what is stored

    def apply(self, body: dict) -> None:
        """Makes `body` current and stores it (from the undo stack)."""
        body = copy.deepcopy(body)
        body["revised_on"] = self.clock().date().isoformat()
        self._body = body
        self.session_version = library.save_edit(
            self.store,
            self.playbook_id,
            Playbook.from_dict(body),
            session_version_id=self.session_version,
            note=library.NOTE_EDITED,
        )
        self._show()
        self.saved.emit(self.playbook_id)

    def _show(self, defer: bool = True) -> None:
        language = i18n.current()
        body = self._body
        title = (body.get("title") or {}).get("zh", "")
        if language.startswith("en"):
            title = (body.get("title") or {}).get("en") or title
        self.heading.setText(_t("PlaybookEditor", "编辑预案：{title}").format(title=title))
        version = self.store.scalar(
            "SELECT v.version FROM playbooks p JOIN playbook_versions v "
            "ON v.id = p.current_version_id WHERE p.id = ?",
            (self.playbook_id,),
        )
        self.version_label.setText(
            _t("PlaybookEditor", "第 {version} 版 · 修订 {date}").format(
                version=version, date=body.get("revised_on", "")
            )
        )
        for path, edit in self.fields.items():
            if path == ("keywords",):
                edit.setText(" ".join(body.get("keywords") or []))
                continue
            value = body
            for key in path:
                value = value.get(key) if isinstance(value, dict) else None
            edit.setText(value or "")
        self.category.setCurrentIndex(max(0, self.category.findData(body.get("category"))))
        if defer:  # after the event: a table's edit is still being committed when applied
            QTimer.singleShot(0, self._refresh_tables)
        else:
            self._refresh_tables()

    def _refresh_tables(self) -> None:
        for key, model in self.models.items():
            view = self.views[key]
            current = view.currentIndex()
            model.refresh()
            if current.isValid() and current.row() < model.rowCount():
                view.setCurrentIndex(model.index(current.row(), current.column()))

    def _field_edited(self, path: tuple, edit: QLineEdit) -> None:
        if not self.playbook_id:
            return
        body = copy.deepcopy(self._body)
        text = edit.text().strip()
        if path == ("keywords",):
            body["keywords"] = text.split()
        elif len(path) == 1:
            body[path[0]] = text
        else:
            holder = body.get(path[0])
            if not isinstance(holder, dict):
                holder = {"zh": "", "en": ""}
            holder[path[1]] = text
            body[path[0]] = holder if any(holder.values()) or path[0] != "media_line" else None
        self.change(body, _t("PlaybookEditor", "修改“{what}”").format(what=self._label_of(edit)))

    def _label_of(self, edit: QLineEdit) -> str:
        form = edit.parentWidget().layout()
        label = form.labelForField(edit) if isinstance(form, QFormLayout) else None
        return label.text() if label is not None else ""

    def _category_chosen(self) -> None:
        body = copy.deepcopy(self._body)
        body["category"] = self.category.currentData()
        self.change(body, _t("PlaybookEditor", "修改类别"))

    def restore_builtin(self) -> None:
        answer = QMessageBox.question(
            self,
            _t("PlaybookEditor", "恢复内置内容"),
            _t("PlaybookEditor", "用软件自带的内容替换本厅修改过的内容？旧版本仍保留在版本记录中。"),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        library.restore_builtin(self.store, self.playbook_id)
        self.edit(self.playbook_id)
        self.saved.emit(self.playbook_id)

    def finish(self) -> None:
        playbook_id = self.playbook_id
        self.undo_stack.clear()
        self.closed.emit(playbook_id or "")
