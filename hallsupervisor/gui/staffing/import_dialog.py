"""Importing a queue-ticket log: choose which column holds what, with a preview of the file.

The mapping last used for the same header is filled in; otherwise the names we recognise.
Nothing is stored until 导入 is pressed, and a file with any problem stores nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from hallsupervisor.domain import Message
from hallsupervisor.domain.staffing.tickets import (
    FIELD_LABELS,
    FIELDS,
    OPTIONAL,
    TicketLogError,
    guess_mapping,
    read_rows,
    read_ticket_log,
)
from hallsupervisor.gui import i18n
from hallsupervisor.storage import staffing as records

_t = QCoreApplication.translate
PREVIEW_ROWS = 12
SAMPLE_CHARS = 24
MAPPED_COLOUR = "#e3eefc"


class ImportDialog(QDialog):
    """Shows the file's first rows and one column chooser per field."""

    def __init__(self, store, hall_id: str, data: bytes, file_name: str, parent=None):
        super().__init__(parent)
        self.setObjectName("ticketImportDialog")
        self.setWindowTitle(_t("StaffingTab", "导入取号记录：{name}").format(name=file_name))
        self.store, self.hall_id, self.data, self.file_name = store, hall_id, data, file_name
        self.result_info: records.ImportResult | None = None
        layout = QVBoxLayout(self)
        self.rows = read_rows(data)  # TicketLogError for an unreadable file: the caller shows it
        if not self.rows or not any(cell.strip() for cell in self.rows[0]):
            read_ticket_log(data)  # raises the log reader's own "empty file" problem
        header = [cell.strip() for cell in (self.rows[0] if self.rows else [])]
        self.header = header
        remembered = records.saved_mapping(store, hall_id, header) if header else None
        mapping = remembered or guess_mapping(header)
        note = (
            _t("StaffingTab", "这种格式的文件以前导入过，已按上次的对应关系填好。")
            if remembered
            else _t("StaffingTab", "请为每一项选择文件中对应的列，下方是文件的前几行。")
        )
        self.note = QLabel(note, self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        form = QFormLayout()
        self.choosers: dict[str, QComboBox] = {}
        for name in FIELDS:
            box = QComboBox(self)
            box.setObjectName(f"map_{name}")
            box.addItem(_t("StaffingTab", "（不导入）") if name in OPTIONAL else "—", "")
            for column, cell in enumerate(header):
                if cell:
                    box.addItem(self._choice_text(column, cell), cell)
            index = box.findData(mapping.get(name, ""))
            box.setCurrentIndex(max(index, 0))
            box.currentIndexChanged.connect(self._check)
            self.choosers[name] = box
            form.addRow(_t("Staffing", FIELD_LABELS[name]), box)
        layout.addLayout(form)
        self.preview = QTableWidget(self)
        self.preview.setObjectName("importPreview")
        shown = self.rows[1 : PREVIEW_ROWS + 1]
        self.preview.setColumnCount(len(header))
        self.preview.setRowCount(len(shown))
        self.preview.setHorizontalHeaderLabels(header)
        for r, row in enumerate(shown):
            for c, cell in enumerate(row[: len(header)]):
                self.preview.setItem(r, c, QTableWidgetItem(cell))
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.resizeColumnsToContents()
        layout.addWidget(self.preview, 1)
        self.count = QLabel(
            _t("StaffingTab", "文件共 {n} 行数据。").format(n=max(0, len(self.rows) - 1)), self
        )
        layout.addWidget(self.count)
        self.status = QLabel(self)
        self.status.setObjectName("mappingStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setVisible(False)
        self.problems.setStyleSheet("color: #b3261e;")
        layout.addWidget(self.problems)
        self.buttons = QDialogButtonBox(self)
        self.import_button = self.buttons.addButton(
            _t("StaffingTab", "导入"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setObjectName("importButton")
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(760, 560)
        self._check()

    def mapping(self) -> dict[str, str]:
        return {name: box.currentData() for name, box in self.choosers.items() if box.currentData()}

    def _choice_text(self, column: int, cell: str) -> str:
        """The column's header with its first value as an example, so a column named "T1"
        is recognisable as the ticket time."""
        sample = next(
            (row[column].strip() for row in self.rows[1 : PREVIEW_ROWS + 1]
             if column < len(row) and row[column].strip()),
            "",
        )
        if not sample:
            return cell
        if len(sample) > SAMPLE_CHARS:
            sample = sample[: SAMPLE_CHARS - 1] + "…"
        return _t("StaffingTab", "{column}（例如：{sample}）").format(column=cell, sample=sample)

    def _check(self) -> None:
        """Marks the chosen columns in the preview and says what is still missing."""
        chosen = self.mapping()
        missing = [n for n in FIELDS if n not in OPTIONAL and n not in chosen]
        fields_of: dict[str, list[str]] = {}
        for name, column in chosen.items():
            fields_of.setdefault(column, []).append(_t("Staffing", FIELD_LABELS[name]))
        twice = [column for column, names in fields_of.items() if len(names) > 1]
        tint = QBrush(QColor(MAPPED_COLOUR))
        for c, cell in enumerate(self.header):
            names = fields_of.get(cell, [])
            label = cell
            if names:
                label = _t("StaffingTab", "{column}\n→ {fields}").format(
                    column=cell, fields=_t("Message", "、").join(names)
                )
            self.preview.setHorizontalHeaderItem(c, QTableWidgetItem(label))
            for r in range(self.preview.rowCount()):
                item = self.preview.item(r, c)
                if item is not None:
                    item.setBackground(tint if names else QBrush())
        self.preview.resizeColumnsToContents()
        separator = _t("Message", "、")
        if missing:
            text = _t("StaffingTab", "还需要选择：{fields}。").format(
                fields=separator.join(_t("Staffing", FIELD_LABELS[n]) for n in missing)
            )
        elif twice:
            text = _t("StaffingTab", "同一列不能当作两项：{columns}。").format(
                columns=separator.join(twice)
            )
        else:
            text = _t("StaffingTab", "对应关系已选好：蓝色的列会导入，按“导入”开始。")
        self.status.setText(text)
        self.status.setStyleSheet("" if not (missing or twice) else "color: #b3261e;")
        self.import_button.setEnabled(not missing and not twice)

    def do_import(self) -> None:
        """Reads and stores; problems are listed with their rows and nothing is stored."""
        try:
            self.result_info = records.import_tickets(
                self.store, self.hall_id, self.data, self.file_name, self.mapping()
            )
        except TicketLogError as error:
            self.show_problems(error.problems)
            return
        self.accept()

    def show_problems(self, problems: list[Message]) -> None:
        lines = [_t("StaffingTab", "文件有以下问题，没有导入任何记录：")]
        lines += [i18n.text(p) for p in problems]
        self.problems.setPlainText("\n".join(lines))
        self.problems.setVisible(True)


def problems_text(error: TicketLogError) -> str:
    return "\n".join(i18n.text(p) for p in error.problems)

