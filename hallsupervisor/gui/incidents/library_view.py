"""The playbook library: the eight hall emergencies as large buttons, a search box (Chinese,
English, pinyin initials), the list, and the chosen playbook in full with its actions."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractListModel, QCoreApplication, QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.files import os_error_reason
from hallsupervisor.domain.incidents import search
from hallsupervisor.domain.incidents.playbook import (
    CATEGORIES,
    HALL_EMERGENCIES,
    MAX_TITLE,
    OWN,
    ROLES,
    Contact,
    Playbook,
    PlaybookError,
)
from hallsupervisor.domain.incidents.playbook_file import PlaybookFileError
from hallsupervisor.gui import i18n
from hallsupervisor.storage import playbooks as library

_t = QCoreApplication.translate
_ROOT = QModelIndex()
CODE_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2


def playbook_html(
    playbook: Playbook, contacts: list[Contact], language: str, version_line: str = ""
) -> str:
    """The whole playbook as escaped rich text for the detail view."""

    def e(text: str) -> str:
        return html.escape(text, quote=False)

    colon = ": " if language.startswith("en") else "："
    applies_label = _t("PlaybookLibrary", "适用情形")
    roles_label = _t("PlaybookLibrary", "角色")
    steps_label = _t("PlaybookLibrary", "步骤")
    now_label = _t("PlaybookLibrary", "立即")
    say_label = _t("PlaybookLibrary", "话术")
    parts = [f"<h2>{e(playbook.title(language))}</h2>"]
    meta = _t("Playbooks", CATEGORIES.get(playbook.category, ""))
    if version_line:
        meta += " · " + version_line
    parts.append(f"<p style='color:#555'>{e(meta)}</p>")
    if playbook.applies_when:
        parts.append(f"<p><b>{e(applies_label)}{colon}</b>{e(playbook.applies_when(language))}</p>")
    roles = _t("Message", "、").join(_t("Playbooks", ROLES[r]) for r in playbook.roles)
    parts.append(f"<p><b>{e(roles_label)}{colon}</b>{e(roles)}</p>")
    parts.append(f"<h3>{e(steps_label)}</h3><ol>")
    for step in playbook.steps:
        tags = []
        if step.immediate:
            tags.append(f"<b style='color:#b00020'>[{e(now_label)}]</b>")
        tags.append(f"<b>{e(_t('Playbooks', ROLES.get(step.role, step.role)))}</b>")
        line = " ".join(tags) + " " + e(step.text(language))
        if step.target_minutes:
            within = _t("PlaybookLibrary", "{minutes} 分钟内").format(minutes=step.target_minutes)
            line += f" <i>({e(within)})</i>"
        if step.script:
            line += f"<br/><span style='color:#0b5394'>{e(say_label)}{colon}“"
            line += f"{e(step.script(language))}”</span>"
        parts.append(f"<li>{line}</li>")
    parts.append("</ol>")

    def section(title: str, lines: list[str], colour: str = "#000") -> None:
        if lines:
            items = "".join(f"<li>{e(line)}</li>" for line in lines)
            parts.append(f"<h3 style='color:{colour}'>{e(title)}</h3><ul>{items}</ul>")

    section(_t("PlaybookLibrary", "不要做"), [d(language) for d in playbook.do_nots], "#b00020")
    section(
        _t("PlaybookLibrary", "联系电话"),
        [f"{c.number}  {c.name(language)}" for c in playbook.all_contacts(contacts)],
    )
    target_line = _t("PlaybookLibrary", "{minutes} 分钟：{text}")
    section(
        _t("PlaybookLibrary", "时限"),
        [target_line.format(minutes=t.minutes, text=t.text(language))
         for t in playbook.time_targets],
    )
    prompt_line = _t("PlaybookLibrary", "每 {minutes} 分钟：{text}")
    after_line = _t("PlaybookLibrary", "第 {step} 步做了以后，每 {minutes} 分钟：{text}")
    section(
        _t("PlaybookLibrary", "定时提醒"),
        [(after_line if p.after_step else prompt_line).format(
            minutes=p.every_minutes, text=p.text(language),
            step=playbook.step_number(p.after_step))
         for p in playbook.prompts],
    )
    section(_t("PlaybookLibrary", "广播词"), playbook.announcements(language))
    if playbook.media_text:
        section(_t("PlaybookLibrary", "媒体口径"), [playbook.media_line(language)])
    return "".join(parts)


class BigButton(QPushButton):
    """A large emergency button whose title wraps onto a second line, so the four buttons of
    a row fit a 1024-pixel window in English too (a plain button keeps its text on one
    line and would widen the whole window)."""

    INK, DISABLED = "#7a0010", "#9e9e9e"

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(180, 60)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(120, 60)

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt override
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)
        painter.setPen(QColor(self.INK if self.isEnabled() else self.DISABLED))
        painter.drawText(
            self.rect().adjusted(8, 2, -8, -2),
            Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
            self.text().replace("&&", "&"),
        )

class PlaybookListModel(QAbstractListModel):
    """The hall's playbooks that match the search, best first."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summaries: list[library.PlaybookSummary] = []
        self.entries: list[search.Entry] = []
        self.shown: list[library.PlaybookSummary] = []
        self.query = ""

    def set_playbooks(self, summaries, entries) -> None:
        self.summaries = list(summaries)
        self.entries = list(entries)
        self.set_query(self.query)

    def set_query(self, query: str) -> None:
        self.beginResetModel()
        self.query = query
        by_id = {s.id: s for s in self.summaries}
        self.shown = [by_id[entry.key] for entry in search.search(query, self.entries)]
        self.endResetModel()

    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.shown)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        summary = self.shown[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            title = summary.title
            if i18n.current().startswith("en") and summary.title_en:
                title = summary.title_en
            if summary.adapted or not summary.builtin:
                title += "  ✎"
            return title
        if role == Qt.ItemDataRole.ToolTipRole:
            return _t("Playbooks", CATEGORIES.get(summary.category, ""))
        if role == CODE_ROLE:
            return summary.code
        if role == ID_ROLE:
            return summary.id
        return None

    def row_of(self, playbook_id: str) -> int:
        return next((i for i, s in enumerate(self.shown) if s.id == playbook_id), -1)


class SearchBox(QLineEdit):
    """Down moves into the list; Enter opens the best match."""

    down = Signal()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Down:
            self.down.emit()
            return
        super().keyPressEvent(event)


class LibraryView(QWidget):
    start_requested = Signal(str, bool)  # playbook id, drill
    edit_requested = Signal(str)  # playbook id
    changed = Signal()

    def __init__(self, store, hall_id: str, parent=None):
        super().__init__(parent)
        self.setObjectName("playbookLibrary")
        self.store = store
        self.hall_id = hall_id
        self.current_id: str | None = None
        self._build()
        self.reload()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        grid = QGridLayout()
        self.big_buttons: dict[str, QPushButton] = {}
        for n, code in enumerate(HALL_EMERGENCIES):
            button = BigButton(self)
            button.setObjectName(f"big_{code}")
            font = QFont(button.font())
            font.setPointSize(font.pointSize() + 5)
            font.setBold(True)
            button.setFont(font)
            button.setStyleSheet(
                "QPushButton { background: #fdecea; color: #7a0010; border: 2px solid #b00020;"
                " border-radius: 6px; padding: 4px; }"
                "QPushButton:focus { border: 3px solid #000; }"
            )
            button.clicked.connect(lambda _checked=False, c=code: self.open_code(c))
            grid.addWidget(button, n // 4, n % 4)
            self.big_buttons[code] = button
        layout.addLayout(grid)

        self.search = SearchBox(self)
        self.search.setObjectName("playbookSearch")
        self.search.setPlaceholderText(
            _t("PlaybookLibrary", "搜索预案：中文、英文或拼音首字母（如 hz = 火灾）  F12")
        )
        self.search.setClearButtonEnabled(True)
        font = QFont(self.search.font())
        font.setPointSize(font.pointSize() + 3)
        self.search.setFont(font)
        self.search.textChanged.connect(self._query_changed)
        self.search.returnPressed.connect(self._open_first)
        self.search.down.connect(self._into_list)
        layout.addWidget(self.search)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = PlaybookListModel(self)
        self.list = QListView(split)
        self.list.setObjectName("playbookList")
        self.list.setModel(self.model)
        self.list.setMinimumWidth(260)
        font = QFont(self.list.font())
        font.setPointSize(font.pointSize() + 2)
        self.list.setFont(font)
        self.list.selectionModel().currentChanged.connect(self._current_changed)
        self.list.activated.connect(lambda _index: self.start_button.setFocus())
        right = QWidget(split)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        actions = QHBoxLayout()
        self.start_button = QPushButton(_t("PlaybookLibrary", "启动处置"), right)
        self.start_button.setObjectName("startButton")
        self.start_button.setStyleSheet(
            "QPushButton { background: #b00020; color: white; font-weight: bold;"
            " padding: 6px 14px; }"
        )
        self.start_button.setAutoDefault(True)  # Enter on it starts, as Space does
        self.drill_button = QPushButton(_t("PlaybookLibrary", "演练"), right)
        self.drill_button.setObjectName("drillButton")
        self.edit_button = QPushButton(_t("PlaybookLibrary", "编辑"), right)
        self.edit_button.setObjectName("editButton")
        self.start_button.clicked.connect(lambda: self._start(False))
        self.drill_button.clicked.connect(lambda: self._start(True))
        self.edit_button.clicked.connect(self._edit)
        for button in (self.start_button, self.drill_button, self.edit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.new_button = QPushButton(_t("PlaybookLibrary", "新建"), right)
        self.new_button.setObjectName("newButton")
        self.delete_button = QPushButton(_t("PlaybookLibrary", "删除"), right)
        self.delete_button.setObjectName("deleteButton")
        self.import_button = QPushButton(_t("PlaybookLibrary", "导入…"), right)
        self.import_button.setObjectName("importButton")
        self.export_button = QPushButton(_t("PlaybookLibrary", "导出…"), right)
        self.export_button.setObjectName("exportButton")
        self.new_button.clicked.connect(self.new_playbook)
        self.delete_button.clicked.connect(self.delete_playbook)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())
        for button in (self.new_button, self.delete_button, self.import_button,
                       self.export_button):
            actions.addWidget(button)
        right_layout.addLayout(actions)
        self.detail = QTextBrowser(right)
        self.detail.setObjectName("playbookDetail")
        self.detail.setOpenLinks(False)
        font = QFont(self.detail.font())
        font.setPointSize(font.pointSize() + 1)
        self.detail.setFont(font)
        right_layout.addWidget(self.detail, 1)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([280, 800])
        layout.addWidget(split, 1)
        if self.store.read_only:
            for button in (self.start_button, self.drill_button, self.edit_button,
                           self.new_button, self.delete_button, self.import_button):
                button.setEnabled(False)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)

    # -- data ---------------------------------------------------------------------------------
    def reload(self) -> None:
        summaries = library.list_playbooks(self.store, self.hall_id)
        entries = []
        for summary in summaries:
            try:
                playbook = Playbook.from_dict(summary.body)  # no query a playbook
            except PlaybookError:  # shown with its problems when chosen
                words, body = summary.code, ""
            else:
                words, body = playbook.search_words(), playbook.search_body()
            entries.append(
                search.Entry(summary.id, summary.title, summary.title_en, words, body)
            )
        language = i18n.current()
        by_code = {s.code: s for s in summaries}
        for code, button in self.big_buttons.items():
            summary = by_code.get(code)
            button.setEnabled(summary is not None)
            if summary is not None:
                title = summary.title_en if language.startswith("en") and summary.title_en \
                    else summary.title
                button.setText(title.replace("&", "&&"))  # no mnemonic from the text
        self.model.set_playbooks(summaries, entries)
        self.select(self.current_id)

    def summary(self, playbook_id: str | None = None):
        playbook_id = playbook_id or self.current_id
        return next((s for s in self.model.summaries if s.id == playbook_id), None)

    # -- finding ---------------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _query_changed(self, text: str) -> None:
        self.model.set_query(text)
        if self.model.shown:
            keep = self.model.row_of(self.current_id) if not text.strip() else 0
            self.list.setCurrentIndex(self.model.index(max(0, keep)))
        else:
            self.current_id = None
            self.detail.setPlainText(_t("PlaybookLibrary", "没有找到符合“{query}”的预案。").format(query=text))

    def _open_first(self) -> None:
        if self.model.shown:
            self.list.setCurrentIndex(self.model.index(0))
            self.start_button.setFocus()

    def _into_list(self) -> None:
        if self.model.shown:
            self.list.setFocus()
            if not self.list.currentIndex().isValid():
                self.list.setCurrentIndex(self.model.index(0))

    def open_code(self, code: str) -> bool:
        """Shows the playbook `code` (clearing the search); False when the hall has none."""
        summary = next((s for s in self.model.summaries if s.code == code), None)
        if summary is None:
            return False
        if self.search.text():
            self.search.clear()
        self.select(summary.id)
        self.start_button.setFocus()
        return True

    def select(self, playbook_id: str | None) -> None:
        row = self.model.row_of(playbook_id) if playbook_id else -1
        if row < 0 and self.model.shown:
            row = 0
        if row >= 0:
            self.list.setCurrentIndex(self.model.index(row))
            self._show(self.model.shown[row].id)

    def _current_changed(self, current, _previous) -> None:
        if current.isValid():
            self._show(current.data(ID_ROLE))

    def _show(self, playbook_id: str) -> None:
        self.current_id = playbook_id
        summary = self.summary(playbook_id)
        try:
            playbook = library.load_version(self.store, summary.version_id)
        except PlaybookError as error:
            lines = [i18n.text(problem) for problem in error.problems]
            self.detail.setPlainText(
                _t("PlaybookLibrary", "这个预案的内容有问题，无法显示：") + "\n" + "\n".join(lines)
            )
            self.delete_button.setEnabled(not summary.builtin and not self.store.read_only)
            return
        contacts = library.hall_contacts(self.store, self.hall_id)
        version_line = _t("PlaybookLibrary", "第 {version} 版 · 修订 {date} · 负责人 {owner}").format(
            version=summary.version, date=summary.revised_on, owner=summary.owner or "—"
        )
        if summary.adapted:
            version_line += " · " + _t("PlaybookLibrary", "本厅已修改")
        history = []
        line = _t("PlaybookLibrary", "第 {version} 版 · {date} · {owner} · {note} · 用于 {used} 次处置")
        for version in library.versions(self.store, playbook_id):
            history.append(
                line.format(
                    version=version.version,
                    date=version.revised_on,
                    owner=version.owner or "—",
                    note=_t("PlaybookNotes", version.note) if version.note else "—",
                    used=version.used,
                )
            )
        items = "".join(f"<li>{html.escape(h, quote=False)}</li>" for h in history)
        title = html.escape(_t("PlaybookLibrary", "版本记录"), quote=False)
        self.detail.setHtml(
            playbook_html(playbook, contacts, i18n.current(), version_line)
            + f"<h3 style='color:#555'>{title}</h3><ul style='color:#555'>{items}</ul>"
        )
        self.delete_button.setEnabled(not summary.builtin and not self.store.read_only)

    # -- actions ---------------------------------------------------------------------------------
    def _start(self, drill: bool) -> None:
        if self.current_id:
            self.start_requested.emit(self.current_id, drill)

    def _edit(self) -> None:
        if self.current_id:
            self.edit_requested.emit(self.current_id)

    def new_playbook(self) -> None:
        title, ok = QInputDialog.getText(
            self, _t("PlaybookLibrary", "新建预案"), _t("PlaybookLibrary", "预案名称（中文）：")
        )
        title = title.strip()
        if not ok or not title:
            return
        if len(title) > MAX_TITLE:
            QMessageBox.information(
                self,
                _t("PlaybookLibrary", "新建预案"),
                _t("PlaybookLibrary", "名称太长（{length} 字），最多 {limit} 字。").format(
                    length=len(title), limit=MAX_TITLE
                ),
            )
            return
        code = library.unused_code(self.store, self.hall_id)
        body = {
            "format": 1,
            "code": code,
            "category": OWN,
            "title": {"zh": title, "en": ""},
            "roles": ["supervisor"],
            "steps": [{"id": "s1", "text": {"zh": _t("PlaybookLibrary", "第一步"), "en": ""},
                       "role": "supervisor", "immediate": True}],
            "contacts": [],
        }
        playbook_id = library.add_playbook(self.store, self.hall_id, Playbook.from_dict(body),
                                           note=library.NOTE_NEW)
        self.current_id = playbook_id
        self.reload()
        self.changed.emit()
        self.edit_requested.emit(playbook_id)

    def delete_playbook(self) -> None:
        summary = self.summary()
        if summary is None or summary.builtin:
            return
        answer = QMessageBox.question(
            self,
            _t("PlaybookLibrary", "删除预案"),
            _t("PlaybookLibrary", "删除本厅自编的预案“{title}”？已有的事件记录不受影响。").format(
                title=summary.title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        library.delete_playbook(self.store, summary.id)
        self.current_id = None
        self.reload()
        self.changed.emit()

    def import_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self, _t("PlaybookLibrary", "导入预案"), "", _t("PlaybookLibrary", "预案文件 (*.json)")
            )
            if not path:
                return False
        try:
            with open(path, "rb") as handle:
                data = handle.read(3_000_000)
            result = library.import_file(self.store, self.hall_id, data)
        except PlaybookFileError as error:
            lines = [i18n.text(problem) for problem in error.problems]
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                _t("PlaybookLibrary", "无法导入"),
                _t("PlaybookLibrary", "文件有问题，什么都没有导入。请改正后再导入："),
                parent=self,
            )
            box.setObjectName("importErrors")
            box.setDetailedText("\n".join(lines))
            box.setInformativeText("\n".join(lines[:8]))
            box.exec()
            return False
        except OSError as error:
            QMessageBox.warning(
                self, _t("PlaybookLibrary", "无法导入"), _t("PlaybookLibrary", "无法读取文件：{reason}").format(reason=i18n.text(os_error_reason(error)))
            )
            return False
        self.reload()
        self.changed.emit()
        QMessageBox.information(
            self,
            _t("PlaybookLibrary", "导入完成"),
            _t("PlaybookLibrary", "新增 {added} 个预案，更新 {revised} 个预案（各成为新版本）。").format(
                added=len(result.added), revised=len(result.revised)
            ),
        )
        return True

    def export_file(self, path: str | None = None) -> bool:
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(
                self, _t("PlaybookLibrary", "导出预案"), "playbooks.json", _t("PlaybookLibrary", "预案文件 (*.json)")
            )
            if not path:
                return False
        try:
            with open(path, "wb") as handle:
                handle.write(library.export_file(self.store, self.hall_id))
        except OSError as error:
            QMessageBox.warning(
                self, _t("PlaybookLibrary", "无法导出"), _t("PlaybookLibrary", "无法写入文件：{reason}").format(reason=i18n.text(os_error_reason(error)))
            )
            return False
        return True
