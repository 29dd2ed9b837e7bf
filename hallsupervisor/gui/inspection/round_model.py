"""The items of one round as a table: what was asked, and what was answered."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.inspection import scoring
from hallsupervisor.domain.inspection.model import FAIL, NA, NUMBER, PASS, RESULTS, TEXT
from hallsupervisor.gui import i18n
from hallsupervisor.storage.inspection import RoundRecord

_t = QCoreApplication.translate
_ROOT = QModelIndex()

HEADERS = {
    "section": lambda: _t("RoundModel", "分区"),
    "key": lambda: _t("RoundModel", "编号"),
    "text": lambda: _t("RoundModel", "检查项目"),
    "result": lambda: _t("RoundModel", "结果"),
    "detail": lambda: _t("RoundModel", "数值 / 备注"),
}
KEYS = list(HEADERS)
RESULT_COLUMN = KEYS.index("result")
DETAIL_COLUMN = KEYS.index("detail")

# Each result has a mark as well as a colour, for grey printers and colour-blind eyes.
RESULT_LOOK = {
    PASS: ("✓", "#1b7a3a", None),
    FAIL: ("✗", "#b3261e", "#fde7e7"),
    NA: ("–", "#5f6368", None),
}


class RoundModel(QAbstractTableModel):
    """Read-only but for the value cell of number and text items, typed in place."""

    valueEntered = Signal(int, str)  # noqa: N815 - row, text; the view stores it

    def __init__(self, parent=None):
        super().__init__(parent)
        self.record: RoundRecord | None = None
        self.items = []
        self.sections = {}
        self.photo_counts: dict[str, int] = {}

    def set_record(
        self, record: RoundRecord | None, photo_counts: dict[str, int] | None = None
    ) -> None:
        self.beginResetModel()
        self.record = record
        self.items = record.template.items() if record else []
        self.sections = {}
        if record:
            for section in record.template.sections:
                for item in section.items:
                    self.sections[item.key] = section
        self.photo_counts = photo_counts or {}
        self.endResetModel()

    def refresh_answers(
        self, record: RoundRecord, photo_counts: dict[str, int], row: int | None = None
    ) -> None:
        """New answers of the same round: repaint the changed row (or all rows)."""
        self.record = record
        self.photo_counts = photo_counts
        first = 0 if row is None else row
        last = len(self.items) - 1 if row is None else row
        self.dataChanged.emit(self.index(first, 0), self.index(last, len(KEYS) - 1))

    def answer(self, row: int):
        return self.record.answers.get(self.items[row].key) if self.record else None

    # -- Qt model -----------------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(KEYS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return HEADERS[KEYS[section]]()
        return str(section + 1)

    def value_editable(self, row: int) -> bool:
        return (
            self.record is not None
            and not self.record.signed
            and self.items[row].answer_type in (NUMBER, TEXT)
        )

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() == DETAIL_COLUMN and self.value_editable(index.row()):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if role != Qt.ItemDataRole.EditRole or not self.value_editable(index.row()):
            return False
        self.valueEntered.emit(index.row(), str(value).strip())
        return True

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        item = self.items[index.row()]
        answer = self.answer(index.row())
        column = KEYS[index.column()]
        language = i18n.current()
        # A number's result follows from its value and the item's range.
        result = scoring.evaluate(item, answer) if answer else None
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "section":
                section = self.sections[item.key]
                first = section.items[0].key == item.key
                return section.display_title(language) if first else ""
            if column == "key":
                return item.key
            if column == "text":
                return item.display_text(language)
            if column == "result":
                if result in RESULT_LOOK:
                    return f"{RESULT_LOOK[result][0]} {_t('Inspection', RESULTS[result])}"
                if answer and answer.value and item.answer_type == TEXT:
                    return "✎"
                return ""
            if column == "detail":
                parts = []
                if answer and answer.value:
                    parts.append(f"{answer.value} {item.unit}".strip())
                elif item.answer_type == NUMBER:
                    parts.append(range_text(item))
                if answer and answer.note:
                    parts.append(answer.note)
                photos = self.photo_counts.get(item.key, 0)
                if photos:
                    parts.append(_t("RoundModel", "照片 {n}").format(n=photos))
                return " · ".join(p for p in parts if p)
        if role == Qt.ItemDataRole.EditRole and column == "detail":
            return answer.value if answer else ""
        if role == Qt.ItemDataRole.ForegroundRole and column == "result" and result in RESULT_LOOK:
            return QBrush(QColor(RESULT_LOOK[result][1]))
        if role == Qt.ItemDataRole.BackgroundRole and result == FAIL:
            return QBrush(QColor(RESULT_LOOK[FAIL][2]))
        if role == Qt.ItemDataRole.ToolTipRole and column in ("text", "key"):
            guidance = bilingual(item.guidance, item.guidance_en, language)
            return guidance or None
        return None


def range_text(item) -> str:
    low = "" if item.minimum is None else f"{item.minimum:g}"
    high = "" if item.maximum is None else f"{item.maximum:g}"
    if low and high:
        text = f"{low}–{high}"
    elif low:
        text = f"≥ {low}"
    else:
        text = f"≤ {high}"
    return _t("RoundModel", "合格范围 {range}").format(range=f"{text} {item.unit}".strip())
