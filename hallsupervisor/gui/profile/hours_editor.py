"""Opening hours for each weekday: open or closed, and from when to when."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QTime, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QLabel, QTimeEdit, QWidget

from hallsupervisor.domain.hall import WEEKDAYS, OpeningHours, validate_opening_hours
from hallsupervisor.gui import i18n


class OpeningHoursEditor(QWidget):
    """Emits hoursChanged only for hours that make sense; says what is wrong otherwise."""

    hoursChanged = Signal(object)  # noqa: N815 - Qt naming; int keys, so not a QVariantMap
    validityChanged = Signal(bool)  # noqa: N815

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.rows: dict[int, tuple[QCheckBox, QTimeEdit, QTimeEdit]] = {}
        self._loading = False
        self._valid = True
        for row, day in enumerate(range(1, 8)):
            open_box = QCheckBox(QCoreApplication.translate("Hall", WEEKDAYS[day]), self)
            open_box.setObjectName(f"day{day}Open")
            start = QTimeEdit(QTime(8, 30), self)
            end = QTimeEdit(QTime(17, 30), self)
            for edit, name in ((start, "Start"), (end, "End")):
                edit.setDisplayFormat("HH:mm")
                edit.setObjectName(f"day{day}{name}")
                edit.timeChanged.connect(self._check)
                edit.editingFinished.connect(self._emit)
            open_box.toggled.connect(self._toggled)
            grid.addWidget(open_box, row, 0)
            grid.addWidget(start, row, 1)
            grid.addWidget(QLabel("—", self), row, 2)
            grid.addWidget(end, row, 3)
            self.rows[day] = (open_box, start, end)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("hoursError")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        grid.addWidget(self.error_label, 7, 0, 1, 5)
        grid.setColumnStretch(4, 1)

    def _toggled(self) -> None:
        for open_box, start, end in self.rows.values():
            start.setEnabled(open_box.isChecked())
            end.setEnabled(open_box.isChecked())
        self._emit()

    def _check(self) -> bool:
        errors = validate_opening_hours(self.value())
        self.error_label.setText("\n".join(i18n.text(e) for e in errors))
        self.error_label.setVisible(bool(errors))
        valid = not errors
        if valid != self._valid:
            self._valid = valid
            self.validityChanged.emit(valid)
        return valid

    def isValid(self) -> bool:  # noqa: N802 - Qt naming
        return self._valid

    def _emit(self) -> None:
        if not self._loading and self._check():
            self.hoursChanged.emit(self.value())

    def value(self) -> OpeningHours:
        hours: OpeningHours = {}
        for day, (open_box, start, end) in self.rows.items():
            hours[day] = (
                (start.time().toString("HH:mm"), end.time().toString("HH:mm"))
                if open_box.isChecked()
                else None
            )
        return hours

    def setValue(self, hours: OpeningHours) -> None:  # noqa: N802 - Qt naming
        self._loading = True
        try:
            for day, (open_box, start, end) in self.rows.items():
                span = hours.get(day)
                open_box.setChecked(bool(span))
                if span:
                    start.setTime(QTime.fromString(span[0], "HH:mm"))
                    end.setTime(QTime.fromString(span[1], "HH:mm"))
                start.setEnabled(bool(span))
                end.setEnabled(bool(span))
        finally:
            self._loading = False
        self._check()
