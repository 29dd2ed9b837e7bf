"""Entering a round: one key an item, straight from the paper sheet.

Keys on a pass/fail item: 1 or Space = 合格, 2 = 不合格 (asks for a note), 3 = 不适用.
On a number or text item, type the value and press Enter. E edits the note, Ctrl+Shift+A
marks every remaining item 合格 after a confirmation, Ctrl+Return signs the finished round.
Every answer is stored the moment it is given; a reopened round carries on where it stopped.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QEvent, QItemSelectionModel, QObject, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.inspection import scoring
from hallsupervisor.domain.inspection.model import FAIL, NA, NUMBER, PASS, PASS_FAIL, RESULTS, TEXT
from hallsupervisor.gui import i18n
from hallsupervisor.gui.inspection.dialogs import (
    AmendDialog,
    FailDialog,
    SignDialog,
    photo_from_image,
    pixmap_from_bytes,
)
from hallsupervisor.gui.inspection.round_model import DETAIL_COLUMN, RoundModel
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records

_t = QCoreApplication.translate

PASS_KEYS = {Qt.Key.Key_1, Qt.Key.Key_Space, Qt.Key.Key_J}
FAIL_KEYS = {Qt.Key.Key_2, Qt.Key.Key_F}
NA_KEYS = {Qt.Key.Key_3, Qt.Key.Key_N}
NOTE_KEYS = {Qt.Key.Key_E}


def _result_word(result: str | None, value: str) -> str:
    if result in RESULTS:
        return _t("Inspection", RESULTS[result])
    return value or "—"


def _big(button: QPushButton) -> QPushButton:
    button.setMinimumHeight(44)  # large targets for a mouse on a busy counter
    button.setAutoDefault(False)
    return button


class RoundView(QWidget):
    """Shows one round and takes its answers; emits `changed` after anything is stored."""

    changed = Signal()

    def __init__(self, store, parent=None, clock=_dt.datetime.now):
        super().__init__(parent)
        self.setObjectName("roundView")
        self.store = store
        self.clock = clock
        self.record: records.RoundRecord | None = None
        self.model = RoundModel(self)

        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setObjectName("roundTitle")
        font = self.title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.title.setFont(font)
        self.status = QLabel(self)
        self.status.setObjectName("roundStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.title)
        layout.addWidget(self.status)

        self.table = QTableView(self)
        self.table.setObjectName("roundTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        # Number and text items are typed straight into their value cell.
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        # Queued: the answer (maybe a dialog) comes after the cell editor has closed.
        self.model.valueEntered.connect(self._value_entered, Qt.ConnectionType.QueuedConnection)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(DETAIL_COLUMN, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(DETAIL_COLUMN, 220)
        self.table.installEventFilter(self)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_photos())
        layout.addWidget(self.table, 1)

        # The current item's photos, and a signed round's corrections with their reasons.
        extras = QHBoxLayout()
        self.photo_strip = QListWidget(self)
        self.photo_strip.setObjectName("photoStrip")
        self.photo_strip.setViewMode(QListWidget.ViewMode.IconMode)
        self.photo_strip.setIconSize(QSize(72, 72))
        self.photo_strip.setMaximumHeight(96)
        self.photo_strip.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.photo_strip.itemActivated.connect(self._show_photo)
        self.photo_strip.hide()
        extras.addWidget(self.photo_strip, 1)
        self.add_photo_button = QPushButton(_t("RoundView", "添加照片…"), self)
        self.add_photo_button.setObjectName("addPhotoButton")
        self.add_photo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.add_photo_button.clicked.connect(self.add_photos)
        extras.addWidget(self.add_photo_button, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(extras)
        self.amendments = QLabel(self)
        self.amendments.setObjectName("amendmentsLabel")
        self.amendments.setWordWrap(True)
        self.amendments.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.amendments.hide()
        layout.addWidget(self.amendments)

        self.hint = QLabel(
            _t(
                "RoundView",
                "键盘：1 或空格 合格 · 2 不合格 · 3 不适用 · E 备注 · 数值项直接输入后回车 · Ctrl+Shift+A 其余全部合格 · Ctrl+回车 签字",
            ),
            self,
        )
        self.hint.setObjectName("roundKeysHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #5f6368;")
        layout.addWidget(self.hint)

        self.pass_button = _big(QPushButton(_t("RoundView", "✓ 合格 [1]"), self))
        self.fail_button = _big(QPushButton(_t("RoundView", "✗ 不合格 [2]"), self))
        self.na_button = _big(QPushButton(_t("RoundView", "– 不适用 [3]"), self))
        self.note_button = _big(QPushButton(_t("RoundView", "备注 [E]"), self))
        self.all_pass_button = _big(QPushButton(_t("RoundView", "其余全部合格…"), self))
        self.sign_button = _big(QPushButton(_t("RoundView", "签字确认…"), self))
        self.amend_button = _big(QPushButton(_t("RoundView", "更正…"), self))
        self.formula_button = _big(QPushButton(_t("RoundView", "评分公式"), self))
        for name, button in (
            ("passButton", self.pass_button),
            ("failButton", self.fail_button),
            ("naButton", self.na_button),
            ("noteButton", self.note_button),
            ("allPassButton", self.all_pass_button),
            ("signButton", self.sign_button),
            ("amendButton", self.amend_button),
            ("formulaButton", self.formula_button),
        ):
            button.setObjectName(name)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys keep going to the list
        # Two rows: answering, then the round as a whole; narrow enough for a small screen.
        for row in (
            (self.pass_button, self.fail_button, self.na_button, self.note_button),
            (self.all_pass_button, self.sign_button, self.amend_button, self.formula_button),
        ):
            line = QHBoxLayout()
            for button in row:
                line.addWidget(button)
            layout.addLayout(line)
        self.pass_button.clicked.connect(lambda: self.answer_current(PASS))
        self.fail_button.clicked.connect(lambda: self.answer_current(FAIL))
        self.na_button.clicked.connect(lambda: self.answer_current(NA))
        self.note_button.clicked.connect(self.edit_note)
        self.all_pass_button.clicked.connect(self.mark_remaining_pass)
        self.sign_button.clicked.connect(self.sign)
        self.amend_button.clicked.connect(self.amend_current)
        self.formula_button.clicked.connect(self.show_formula)
        QShortcut(QKeySequence("Ctrl+Shift+A"), self, self.mark_remaining_pass)
        QShortcut(QKeySequence("Ctrl+Return"), self, self.sign)
        self._update_controls()

    # -- loading ------------------------------------------------------------------------------------
    def open_round(self, round_id: str) -> None:
        self.record = records.load_round(self.store, round_id)
        self.model.set_record(self.record, self._photo_counts())
        self._update_controls()
        self.table.resizeRowsToContents()
        # A round in progress carries on at its first unanswered item; a finished one opens
        # at the top.
        row = records.resume_position(self.record)
        self._select(row if row < self.model.rowCount() else 0)
        self.table.setFocus()

    def _current_answer_id(self) -> str | None:
        row = self.current_row()
        if row < 0 or not self.record:
            return None
        answer = self.record.answers.get(self.model.items[row].key)
        return answer.id if answer else None

    def _show_photos(self) -> None:
        """Thumbnails of the current item's photos; double-click shows one full size."""
        self.photo_strip.clear()
        answer_id = self._current_answer_id()
        photos = records.photos_of(self.store, answer_id) if answer_id else []
        for photo in photos:
            item = QListWidgetItem(QIcon(pixmap_from_bytes(photo["thumbnail"])), "")
            item.setData(Qt.ItemDataRole.UserRole, photo["id"])
            self.photo_strip.addItem(item)
        self.photo_strip.setVisible(bool(photos))
        row = self.current_row()
        failed = (
            row >= 0
            and self.record is not None
            and scoring.evaluate(
                self.model.items[row], self.record.answers.get(self.model.items[row].key)
            )
            == FAIL
        )
        self.add_photo_button.setVisible(bool(failed) and self._editable())

    def _show_photo(self, item: QListWidgetItem) -> None:
        row = self.store.one(
            "SELECT data FROM photos WHERE id = ?", (item.data(Qt.ItemDataRole.UserRole),)
        )
        if row is None:
            return
        dialog = QDialog(self)
        dialog.setWindowTitle(_t("RoundView", "照片"))
        label = QLabel(dialog)
        pixmap = pixmap_from_bytes(row["data"])
        label.setPixmap(pixmap.scaled(QSize(900, 700), Qt.AspectRatioMode.KeepAspectRatio))
        QVBoxLayout(dialog).addWidget(label)
        dialog.exec()

    def add_photos(self) -> None:
        """More photos for the current failed item, chosen from disk."""
        answer_id = self._current_answer_id()
        if not answer_id or not self._editable():
            return
        names, _ = QFileDialog.getOpenFileNames(
            self,
            _t("RoundView", "选择照片"),
            "",
            _t("RoundView", "图片 (*.jpg *.jpeg *.png *.bmp)"),
        )
        for name in names:
            image = QImage(name)
            if image.isNull():
                QMessageBox.warning(
                    self,
                    _t("RoundView", "无法读取图片"),
                    _t("RoundView", "这个文件不是可以读取的图片：{file}").format(file=name),
                )
                continue
            photo = photo_from_image(image)
            records.add_photo(
                self.store, answer_id, photo.data, photo.thumbnail, photo.width, photo.height
            )
        self._reload(self.current_row())

    def _round_name(self, record, language: str) -> str:
        """A planned round's name in the interface language, from its day plan entry."""
        if record.plan_id and language.startswith("en"):
            name_en = self.store.scalar(
                "SELECT name_en FROM round_plans WHERE id = ?", (record.plan_id,)
            )
            if name_en:
                return name_en
        return record.name

    def _show_amendments(self) -> None:
        rows = records.amendments_of(self.store, self.record.id) if self.record else []
        lines = [
            _t("RoundView", "更正 {at}：{key} {old} → {new}，原因：{reason}（{by}）").format(
                at=row["at"][:16],
                key=row["item_key"],
                old=_result_word(row["old_result"], row["old_value"]),
                new=_result_word(row["new_result"], row["new_value"]),
                reason=row["reason"],
                by=row["by_name"],
            )
            for row in rows
        ]
        self.amendments.setText("\n".join(lines))
        self.amendments.setVisible(bool(lines))

    def clear(self) -> None:
        self.record = None
        self.model.set_record(None)
        self._update_controls()

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def _select(self, row: int) -> None:
        # The current cell is the value cell, so typing on a number item edits it.
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, DETAIL_COLUMN)
            flags = (
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows
            )
            self.table.selectionModel().setCurrentIndex(index, flags)
            self.table.scrollTo(index)

    def _photo_counts(self) -> dict[str, int]:
        if not self.record:
            return {}
        rows = self.store.query(
            "SELECT a.item_key, count(p.id) AS n FROM answers a JOIN photos p ON p.answer_id = a.id "
            "WHERE a.round_id = ? AND p.deleted_at IS NULL GROUP BY a.item_key",
            (self.record.id,),
        )
        return {r["item_key"]: r["n"] for r in rows}

    def _reload(self, row: int | None = None) -> None:
        self.record = records.load_round(self.store, self.record.id, self.record.template)
        self.model.refresh_answers(self.record, self._photo_counts(), row)
        if row is not None:
            self.table.resizeRowToContents(row)
        self._update_controls()
        self.changed.emit()

    def _update_controls(self) -> None:
        self._show_photos()
        self._show_amendments()
        record = self.record
        editable = record is not None and not record.signed
        for button in (
            self.pass_button,
            self.fail_button,
            self.na_button,
            self.note_button,
            self.all_pass_button,
        ):
            button.setEnabled(editable)
        self.amend_button.setEnabled(record is not None and record.signed)
        self.formula_button.setEnabled(record is not None)
        if record is None:
            self.title.setText(_t("RoundView", "请选择或开始一轮巡检"))
            self.status.setText("")
            self.sign_button.setEnabled(False)
            return
        score = scoring.score_round(record.template, record.answers)
        complete = score.unanswered == 0
        self.sign_button.setEnabled(editable and complete)
        language = i18n.current()
        self.title.setText(
            _t("RoundView", "{date} {name} · {template}（版本 {version}）").format(
                date=record.round_date,
                name=self._round_name(record, language),
                template=record.template.display_name(language),
                version=record.template.version,
            )
        )
        total = len(self.model.items)
        parts = [
            _t("RoundView", "已答 {done}/{total}").format(
                done=total - score.unanswered, total=total
            ),
            _t("RoundView", "不合格 {n}").format(n=score.failed),
        ]
        if score.score is not None:
            parts.append(_t("RoundView", "得分 {score:.1f}").format(score=score.score))
        if record.signed:
            parts.append(
                _t("RoundView", "已签字：{name} {at}（只读，更正请用“更正…”）").format(
                    name=record.signed_by_name, at=record.signed_at
                )
            )
        elif complete:
            parts.append(_t("RoundView", "全部完成，请签字确认（Ctrl+回车）"))
        self.status.setText(" · ".join(parts))

    # -- keys ------------------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if watched is self.table and event.type() == QEvent.Type.KeyPress and self.record:
            if event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
            ):
                return False
            if self._handle_key(event):
                return True
        return super().eventFilter(watched, event)

    def _handle_key(self, event) -> bool:
        row = self.current_row()
        if row < 0:
            return False
        item = self.model.items[row]
        key = event.key()
        if item.answer_type == PASS_FAIL:
            if key in PASS_KEYS:
                self.answer_current(PASS)
            elif key in FAIL_KEYS:
                self.answer_current(FAIL)
            elif key in NA_KEYS:
                self.answer_current(NA)
            elif key in NOTE_KEYS:
                self.edit_note()
            else:
                return False
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.table.state() != QAbstractItemView.State.EditingState:
                self.table.edit(self.model.index(row, DETAIL_COLUMN))
            return True
        if item.answer_type == NUMBER and key in NA_KEYS:
            self.answer_current(NA)
            return True
        return False  # the view opens the value cell with the key typed

    # -- answering ----------------------------------------------------------------------------------
    def _editable(self) -> bool:
        return self.record is not None and not self.record.signed

    def answer_current(self, result: str) -> None:
        row = self.current_row()
        if row < 0 or not self._editable():
            return
        item = self.model.items[row]
        if item.answer_type == TEXT and result != NA:
            return
        previous = self.record.answers.get(item.key)
        note = previous.note if previous else ""
        if result == FAIL:
            report = self._ask_failure(item, note)
            if report is None:
                return
            self._store(item, FAIL, note=report.note)
            self._after_failure(item, report)
        else:
            self._store(
                item, result, value=previous.value if previous and result != NA else "", note=note
            )
        self._reload(row)
        self._advance(row)

    def _ask_failure(self, item, note: str):
        staff = halls.list_staff(self.store, self.record.hall_id)
        dialog = FailDialog(item, staff, _dt.date.fromisoformat(self.record.round_date), note, self)
        if dialog.exec() != FailDialog.DialogCode.Accepted:
            return None
        return dialog.report()

    def _after_failure(self, item, report) -> None:
        answer = self.store.one(
            "SELECT id FROM answers WHERE round_id = ? AND item_key = ?", (self.record.id, item.key)
        )
        action = self.store.one(
            "SELECT id FROM corrective_actions WHERE answer_id = ? AND status = 'open'",
            (answer["id"],),
        )
        if action:
            records.update_action(
                self.store, action["id"], owner_id=report.owner_id, due_date=report.due.isoformat()
            )
        for photo in report.photos:
            records.add_photo(
                self.store, answer["id"], photo.data, photo.thumbnail, photo.width, photo.height
            )

    def _store(self, item, result, *, value: str = "", note: str = "") -> None:
        records.set_answer(
            self.store,
            self.record.id,
            item,
            result,
            value=value,
            note=note,
            at=self.clock(),
            template=self.record.template,
        )

    def _value_entered(self, row: int, text: str) -> None:
        """A number or text typed into its cell: stored, checked against the range, next."""
        if not self._editable() or not text:
            return
        item = self.model.items[row]
        previous = self.record.answers.get(item.key)
        note = previous.note if previous else ""
        if item.answer_type == NUMBER:
            result = scoring.evaluate(item, records.Answer(item.key, None, text))
            if result is None:
                QMessageBox.warning(
                    self, _t("RoundView", "不是数字"), _t("RoundView", "请填写数字，例如 22.5")
                )
                return
            if result == FAIL:
                report = self._ask_failure(item, note)
                if report is None:
                    return
                self._store(item, None, value=text, note=report.note)
                self._after_failure(item, report)
            else:
                self._store(item, None, value=text, note=note)
        else:
            self._store(item, None, value=text[:2000], note=note)
        self._reload(row)
        self._advance(row)

    def edit_note(self) -> None:
        row = self.current_row()
        if row < 0 or not self._editable():
            return
        item = self.model.items[row]
        previous = self.record.answers.get(item.key)
        dialog = QInputDialog(self)
        dialog.setObjectName("noteDialog")
        dialog.setWindowTitle(_t("RoundView", "备注"))
        dialog.setLabelText(item.display_text(i18n.current()))
        dialog.setTextValue(previous.note if previous else "")
        if dialog.exec() != QInputDialog.DialogCode.Accepted:
            return
        note = dialog.textValue().strip()[:2000]
        self._store(
            item,
            previous.result if previous else None,
            value=previous.value if previous else "",
            note=note,
        )
        self._reload(row)

    def _advance(self, row: int) -> None:
        """Next item; past the end, the first one still unanswered."""
        if row + 1 < self.model.rowCount():
            self._select(row + 1)
            return
        position = records.resume_position(self.record)
        self._select(position if position < self.model.rowCount() else row)

    def mark_remaining_pass(self) -> None:
        if not self._editable():
            return
        remaining = [
            item
            for item in self.model.items
            if item.answer_type == PASS_FAIL and self.record.answers.get(item.key) is None
        ]
        if not remaining:
            return
        answer = QMessageBox.question(
            self,
            _t("RoundView", "其余全部合格"),
            _t("RoundView", "把剩下的 {n} 项都记为合格吗？").format(n=len(remaining)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        with self.store.transaction():
            for item in remaining:
                self._store(item, PASS)
        self._reload()
        self._select(min(records.resume_position(self.record), self.model.rowCount() - 1))

    # -- sign-off and corrections -----------------------------------------------------------------------
    def sign(self) -> None:
        if not self._editable() or not self.sign_button.isEnabled():
            return
        staff = halls.list_staff(self.store, self.record.hall_id)
        score = scoring.score_round(self.record.template, self.record.answers)
        score_text = (
            _t("RoundView", "本轮得分 {score:.1f}。").format(score=score.score)
            if score.score is not None
            else ""
        )
        dialog = SignDialog(staff, score_text, self)
        if dialog.exec() != SignDialog.DialogCode.Accepted:
            return
        records.sign_round(
            self.store,
            self.record.id,
            dialog.signer.currentText(),
            dialog.signer.currentData(),
            self.clock(),
        )
        self._reload()

    def amend_current(self) -> None:
        row = self.current_row()
        if row < 0 or not self.record or not self.record.signed:
            return
        item = self.model.items[row]
        staff = halls.list_staff(self.store, self.record.hall_id)
        dialog = AmendDialog(item, self.record.answers.get(item.key), staff, self)
        if dialog.exec() != AmendDialog.DialogCode.Accepted:
            return
        records.amend(
            self.store,
            self.record.id,
            item,
            result=dialog.result.currentData(),
            value=dialog.value.text().strip(),
            note=dialog.note.text().strip(),
            reason=dialog.reason.text(),
            by_name=dialog.by.currentText(),
            at=self.clock(),
        )
        self._reload(row)

    def show_formula(self) -> None:
        if not self.record:
            return
        score = scoring.score_round(self.record.template, self.record.answers)
        lines = [i18n.text(scoring.FORMULA), *[i18n.text(m) for m in scoring.explain(score)]]
        QMessageBox.information(self, _t("RoundView", "评分公式"), "\n\n".join(lines))
