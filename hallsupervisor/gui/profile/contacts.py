"""The hall's own emergency contacts (property office, duty manager, repair desk …), shown with
every playbook after 119/120/110. Edited in the hall profile with its undo; stored at once."""

from __future__ import annotations

import copy

from PySide6.QtCore import QCoreApplication, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.incidents.playbook import PlaybookError, check_contacts
from hallsupervisor.gui import i18n
from hallsupervisor.gui.incidents.rows_model import ApplyCommand, Col, RowsDelegate, RowsModel
from hallsupervisor.storage import playbooks as library

_t = QCoreApplication.translate


class ContactsPage(QWidget):
    changed = Signal()

    def __init__(self, store, hall_id: str, undo_stack: QUndoStack, parent=None):
        super().__init__(parent)
        self.setObjectName("contactsPage")
        self.store = store
        self.hall_id = hall_id
        self.undo_stack = undo_stack
        self._contacts = [c.to_dict() for c in library.hall_contacts(store, hall_id)]
        layout = QVBoxLayout(self)
        note = QLabel(
            _t("HallContacts", "本厅自己的应急电话（物业、上级值班、抢修等），显示在每个应急预案的 119、120、110 之后。"),
            self,
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.model = RowsModel(
            self,
            "contacts",
            [
                Col(("name", "zh"), _t("HallContacts", "名称")),
                Col(("name", "en"), _t("HallContacts", "英文名称")),
                Col(("number",), _t("HallContacts", "号码")),
            ],
            lambda body: {"name": {"zh": _t("HallContacts", "新联系人"), "en": ""}, "number": "000"},
            self,
        )
        self.table = QTableView(self)
        self.table.setObjectName("contactsTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(RowsDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table, 1)
        self.message = QLabel(self)
        self.message.setObjectName("contactsMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_t("HallContacts", "增加电话"), self)
        self.add_button.setObjectName("addContactButton")
        self.remove_button = QPushButton(_t("HallContacts", "删除电话"), self)
        self.remove_button.setObjectName("removeContactButton")
        for button in (self.add_button, self.remove_button):
            button.setAutoDefault(False)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self._add)
        self.remove_button.clicked.connect(
            lambda: self.model.remove_row(self.table.currentIndex().row())
        )
        if store.read_only:
            self.add_button.setEnabled(False)
            self.remove_button.setEnabled(False)

    def _add(self) -> None:
        row = self.model.add_row()
        if row >= 0:
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.edit(self.model.index(row, 0))

    # -- the owner interface of RowsModel --------------------------------------------------------
    def body(self) -> dict:
        return {"contacts": self._contacts}

    def change(self, body: dict, what: str) -> bool:
        if self.store.read_only:
            return False
        try:
            contacts = [c.to_dict() for c in check_contacts(body["contacts"])]
        except PlaybookError as error:
            lines = [i18n.text(problem) for problem in error.problems]
            self.message.setText(_t("HallContacts", "没有保存：") + "；".join(lines))
            self.message.show()
            return False
        self.message.hide()
        if contacts == self._contacts:
            return False
        self.undo_stack.push(
            ApplyCommand(self, copy.deepcopy(self._contacts), contacts,
                            _t("HallContacts", "应急电话：{what}").format(what=what))
        )
        return True

    def apply(self, contacts: list) -> None:
        self._contacts = copy.deepcopy(contacts)
        library.set_hall_contacts(self.store, self.hall_id, check_contacts(contacts))
        QTimer.singleShot(0, self.model.refresh)
        self.changed.emit()
