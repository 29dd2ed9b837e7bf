"""The small dialogs of a round: a failure's note and photos, sign-off, amendment, verification."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QDate, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QImage, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QMessageBox,
    QVBoxLayout,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.inspection.actions import default_due_date
from hallsupervisor.domain.inspection.model import FAIL, NA, NUMBER, PASS, RESULTS, TEXT
from hallsupervisor.gui import i18n

_t = QCoreApplication.translate

PHOTO_MAX_SIDE = 1600  # enough to read a notice on the wall; keeps the database small
THUMB_SIDE = 160


@dataclass
class Photo:
    data: bytes
    thumbnail: bytes
    width: int
    height: int


@dataclass
class FailReport:
    note: str
    owner_id: str | None
    due: _dt.date
    photos: list[Photo] = field(default_factory=list)


def _jpeg(image: QImage, quality: int = 85) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_RGB888).save(buffer, "JPEG", quality)
    return bytes(buffer.data())


def photo_from_image(image: QImage) -> Photo:
    """Scales a picture down to a sensible size and makes its thumbnail."""
    if max(image.width(), image.height()) > PHOTO_MAX_SIDE:
        image = image.scaled(
            PHOTO_MAX_SIDE,
            PHOTO_MAX_SIDE,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
    thumb = image.scaled(
        THUMB_SIDE,
        THUMB_SIDE,
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    return Photo(_jpeg(image), _jpeg(thumb, 80), image.width(), image.height())


def pixmap_from_bytes(data: bytes) -> QPixmap:
    pixmap = QPixmap()
    pixmap.loadFromData(QByteArray(data))
    return pixmap


class FailDialog(QDialog):
    """Asks for a short note on a failure, an owner and a due date, and takes photos."""

    def __init__(
        self, item, staff, found_on: _dt.date, note: str = "", parent=None, choose_files=None
    ):
        super().__init__(parent)
        from hallsupervisor.gui.generated.ui_fail_dialog import Ui_FailDialog

        self.ui = Ui_FailDialog()
        self.ui.setupUi(self)
        self.item = item
        self.photos: list[Photo] = []
        self.choose_files = choose_files or self._choose_files
        language = i18n.current()
        self.ui.itemLabel.setText(f"{item.key}  {item.display_text(language)}")
        guidance = bilingual(item.guidance, item.guidance_en, language)
        self.ui.guidanceLabel.setText(
            _t("Inspection", "合格标准：{text}").format(text=guidance) if guidance else ""
        )
        self.ui.guidanceLabel.setVisible(bool(guidance))
        self.ui.noteEdit.setText(note)
        self.ui.ownerCombo.addItem(_t("Inspection", "（未指定）"), None)
        for member in staff:
            self.ui.ownerCombo.addItem(member.name, member.id)
        due = default_due_date(item.severity, found_on)
        self.ui.dueEdit.setDate(QDate(due.year, due.month, due.day))
        self.ui.dueEdit.setMinimumDate(QDate(found_on.year, found_on.month, found_on.day))
        self.ui.photoHint.setText(
            _t("Inspection", "此项不合格时需要拍照留证。") if item.photo_expected else ""
        )
        self.ui.photoHint.setVisible(item.photo_expected)
        self.ui.addPhotoButton.clicked.connect(self.add_photos_from_files)
        self.ui.pastePhotoButton.clicked.connect(self.paste_photo)
        self.ui.buttons.accepted.connect(self.accept)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.noteEdit.setFocus()

    def _choose_files(self) -> list[str]:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            _t("Inspection", "选择照片"),
            "",
            _t("Inspection", "图片 (*.jpg *.jpeg *.png *.bmp)"),
        )
        return names

    def add_photos_from_files(self) -> None:
        unreadable = []
        for name in self.choose_files():
            image = QImage(name)
            if image.isNull():
                unreadable.append(name)
                continue
            self._add_photo(image)
        if unreadable:
            QMessageBox.warning(
                self,
                _t("Inspection", "无法读取图片"),
                _t("Inspection", "这些文件不是可以读取的图片，没有添加：\n{files}").format(
                    files="\n".join(unreadable)
                ),
            )

    def paste_photo(self) -> None:
        image = QGuiApplication.clipboard().image()
        if image.isNull():
            QMessageBox.information(
                self, _t("Inspection", "粘贴照片"), _t("Inspection", "剪贴板里没有图片。")
            )
            return
        self._add_photo(image)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        if event.matches(QKeySequence.StandardKey.Paste) and not self.ui.noteEdit.hasFocus():
            self.paste_photo()
            return
        super().keyPressEvent(event)

    def _add_photo(self, image: QImage) -> None:
        photo = photo_from_image(image)
        self.photos.append(photo)
        self.ui.photoList.addItem(QListWidgetItem(QIcon(pixmap_from_bytes(photo.thumbnail)), ""))

    def accept(self) -> None:
        if not self.ui.noteEdit.text().strip():
            self.ui.noteEdit.setPlaceholderText(
                _t("Inspection", "请写一句问题说明，整改人才知道要改什么")
            )
            self.ui.noteEdit.setStyleSheet("border: 2px solid #b3261e;")
            self.ui.noteEdit.setFocus()
            return
        super().accept()

    def report(self) -> FailReport:
        date = self.ui.dueEdit.date()
        return FailReport(
            self.ui.noteEdit.text().strip(),
            self.ui.ownerCombo.currentData(),
            _dt.date(date.year(), date.month(), date.day()),
            list(self.photos),
        )


class _FormDialog(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.buttons)


class SignDialog(_FormDialog):
    """Who signs the finished round; the time is taken when they confirm."""

    def __init__(self, staff, score_text: str, parent=None):
        super().__init__(_t("Inspection", "签字确认"), parent)
        self.layout_.insertWidget(
            0,
            QLabel(
                _t("Inspection", "签字后本轮记录不能再直接修改，更正需要写明原因。{score}").format(
                    score=score_text
                ),
                self,
            ),
        )
        self.signer = QComboBox(self)
        self.signer.setObjectName("signerCombo")
        for member in staff:
            self.signer.addItem(member.name, member.id)
        supervisors = [i for i, m in enumerate(staff) if m.role == "supervisor"]
        if supervisors:
            self.signer.setCurrentIndex(supervisors[0])
        self.form.addRow(_t("Inspection", "签字人"), self.signer)
        self.finish()

    def accept(self) -> None:
        if self.signer.currentIndex() < 0:
            return
        super().accept()


class AmendDialog(_FormDialog):
    """A correction to a signed round: the new answer and why."""

    def __init__(self, item, answer, staff, parent=None):
        super().__init__(_t("Inspection", "更正已签字的记录"), parent)
        self.item = item
        language = i18n.current()
        self.layout_.insertWidget(0, QLabel(f"{item.key}  {item.display_text(language)}", self))
        self.result = QComboBox(self)
        self.result.setObjectName("amendResult")
        if item.answer_type != TEXT:
            for key in (PASS, FAIL, NA) if item.answer_type != NUMBER else (NA,):
                self.result.addItem(_t("Inspection", RESULTS[key]), key)
        self.value = QLineEdit(answer.value if answer else "", self)
        self.value.setObjectName("amendValue")
        self.note = QLineEdit(answer.note if answer else "", self)
        self.note.setObjectName("amendNote")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("amendReason")
        self.reason.setPlaceholderText(_t("Inspection", "必须填写，例如：复核录入错误"))
        self.by = QComboBox(self)
        self.by.setObjectName("amendBy")
        for member in staff:
            self.by.addItem(member.name, member.id)
        if item.answer_type == NUMBER or item.answer_type == TEXT:
            self.result.addItem(_t("Inspection", "按数值/文字"), None)
            self.result.setCurrentIndex(self.result.count() - 1)
            self.form.addRow(_t("Inspection", "新的数值/文字"), self.value)
        else:
            current = self.result.findData(answer.result if answer else None)
            self.result.setCurrentIndex(max(0, current))
        self.form.addRow(_t("Inspection", "新的结果"), self.result)
        self.form.addRow(_t("Inspection", "备注"), self.note)
        self.form.addRow(_t("Inspection", "更正原因"), self.reason)
        self.form.addRow(_t("Inspection", "更正人"), self.by)
        self.finish()
        self.reason.setFocus()

    def accept(self) -> None:
        if not self.reason.text().strip():
            self.reason.setStyleSheet("border: 2px solid #b3261e;")
            self.reason.setFocus()
            return
        super().accept()


class VerifyDialog(_FormDialog):
    """Closing a corrective action by looking at it: what was checked, and by whom."""

    def __init__(self, title: str, staff, parent=None):
        super().__init__(_t("Inspection", "整改复查"), parent)
        self.layout_.insertWidget(0, QLabel(title, self))
        self.note = QLineEdit(self)
        self.note.setObjectName("verifyNote")
        self.note.setPlaceholderText(_t("Inspection", "例如：已补充饮用水，现场复查合格"))
        self.by = QComboBox(self)
        self.by.setObjectName("verifyBy")
        for member in staff:
            self.by.addItem(member.name, member.id)
        self.form.addRow(_t("Inspection", "复查说明"), self.note)
        self.form.addRow(_t("Inspection", "复查人"), self.by)
        self.finish()
        self.note.setFocus()

    def accept(self) -> None:
        if not self.note.text().strip():
            self.note.setStyleSheet("border: 2px solid #b3261e;")
            self.note.setFocus()
            return
        super().accept()
