"""营业厅资料: the hall profile, edited in place. Each change is saved at once and can be undone."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QDialog, QHeaderView, QTableView, QWidget

from hallsupervisor.domain.hall import KINDS
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.gui import i18n
from hallsupervisor.gui.generated.ui_hall_profile import Ui_HallProfileDialog
from hallsupervisor.gui.profile.models import (
    BusinessTypesModel,
    CountersModel,
    ProfileDelegate,
    RecordTableModel,
    StaffModel,
)
from hallsupervisor.gui.settings import Settings
from hallsupervisor.storage import halls

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate


class HallProfileDialog(QDialog):
    changed = Signal()

    def __init__(self, store, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.hall_id = halls.current_hall_id(store)
        self.ui = Ui_HallProfileDialog()
        self.ui.setupUi(self)
        self.undo_stack = QUndoStack(self)
        ui = self.ui

        profile = halls.load_profile(store, self.hall_id)
        for key, label in KINDS.items():
            ui.kindCombo.addItem(QCoreApplication.translate("Hall", label), key)
        ui.nameEdit.setText(profile.name)
        ui.regionEdit.setText(profile.region)
        ui.kindCombo.setCurrentIndex(max(0, ui.kindCombo.findData(profile.kind)))
        pack = get_pack(profile.pack)
        language = i18n.current()
        ui.packValue.setText(pack.display_name(language) if pack else "—")
        ui.hoursEditor.setValue(profile.opening_hours)

        ui.nameEdit.editingFinished.connect(self._save_name)
        ui.regionEdit.editingFinished.connect(
            lambda: self._save_field("region", ui.regionEdit.text().strip())
        )
        ui.kindCombo.activated.connect(lambda: self._save_field("kind", ui.kindCombo.currentData()))
        ui.hoursEditor.hoursChanged.connect(lambda hours: self._save_field("opening_hours", hours))

        self.business_model = BusinessTypesModel(store, self.hall_id, self.undo_stack, self)
        self.counters_model = CountersModel(store, self.hall_id, self.undo_stack, self)
        self.staff_model = StaffModel(store, self.hall_id, self.undo_stack, self)
        self.delegate = ProfileDelegate(self)
        for view, model, add, remove in (
            (ui.businessTable, self.business_model, ui.addBusinessButton, ui.removeBusinessButton),
            (ui.countersTable, self.counters_model, ui.addCounterButton, ui.removeCounterButton),
            (ui.staffTable, self.staff_model, ui.addStaffButton, ui.removeStaffButton),
        ):
            self._setup_table(view, model, add, remove)
        # Business types are the columns of the other two tables.
        self.business_model.changed.connect(self.counters_model.reload)
        self.business_model.changed.connect(self.staff_model.reload)

        # The hall's own emergency numbers, shown with every incident playbook.
        from hallsupervisor.gui.profile.contacts import ContactsPage

        self.contacts_page = ContactsPage(store, self.hall_id, self.undo_stack, self)
        self.contacts_page.changed.connect(self.changed)
        ui.pages.addTab(self.contacts_page, _t("HallProfileDialog", "应急电话"))

        ui.undoButton.clicked.connect(self.undo_stack.undo)
        ui.redoButton.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(ui.undoButton.setEnabled)
        self.undo_stack.canRedoChanged.connect(ui.redoButton.setEnabled)
        ui.undoButton.setEnabled(False)
        ui.redoButton.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Undo, self, self.undo_stack.undo)
        QShortcut(QKeySequence.StandardKey.Redo, self, self.undo_stack.redo)
        ui.closeButton.clicked.connect(self.accept)
        # Return confirms the field being edited; it must not close the dialog (every
        # button here is autoDefault=false in the form, so none is the default).
        for button in (
            ui.undoButton,
            ui.redoButton,
            ui.addBusinessButton,
            ui.removeBusinessButton,
            ui.addCounterButton,
            ui.removeCounterButton,
            ui.addStaffButton,
            ui.removeStaffButton,
        ):
            button.setAutoDefault(False)
        if store.read_only:
            for widget in (
                ui.nameEdit,
                ui.regionEdit,
                ui.kindCombo,
                ui.hoursEditor,
                ui.addBusinessButton,
                ui.removeBusinessButton,
                ui.addCounterButton,
                ui.removeCounterButton,
                ui.addStaffButton,
                ui.removeStaffButton,
            ):
                widget.setEnabled(False)
            ui.savedLabel.setText(_t("HallProfileDialog", "只读模式：不能修改。"))
        geometry = settings.get("profile/geometry")
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)

    def _setup_table(self, view: QTableView, model: RecordTableModel, add, remove) -> None:
        view.setModel(model)
        view.setItemDelegate(self.delegate)
        view.verticalHeader().hide()
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        model.changed.connect(self.changed)
        model.modelReset.connect(view.resizeColumnsToContents)

        def add_row() -> None:
            row = model.add_row()
            if row >= 0:
                view.setCurrentIndex(model.index(row, 0))
                view.edit(model.index(row, 0))

        add.clicked.connect(add_row)
        remove.clicked.connect(lambda: model.remove_row(view.currentIndex().row()))

    def _save_name(self) -> None:
        name = self.ui.nameEdit.text().strip()
        if not name:  # a hall always has a name: put the stored one back
            self.ui.nameEdit.setText(halls.load_profile(self.store, self.hall_id).name)
            return
        self._save_field("name", name)

    def _save_field(self, key: str, value) -> None:
        if self.store.read_only:
            return
        current = halls.load_profile(self.store, self.hall_id)
        if getattr(current, key) == value:
            return
        self.undo_stack.push(HallFieldCommand(self, key, getattr(current, key), value))

    def apply_field(self, key: str, value) -> None:
        halls.update_hall(self.store, self.hall_id, **{key: value})
        ui = self.ui
        widgets = {
            "name": lambda: ui.nameEdit.setText(value),
            "region": lambda: ui.regionEdit.setText(value),
            "kind": lambda: ui.kindCombo.setCurrentIndex(ui.kindCombo.findData(value)),
            "opening_hours": lambda: ui.hoursEditor.setValue(value),
        }
        widgets[key]()
        self.changed.emit()

    def done(self, result: int) -> None:
        # An edit still open in a line edit is saved before the dialog goes away.
        focused = self.focusWidget()
        if focused in (self.ui.nameEdit, self.ui.regionEdit):
            focused.editingFinished.emit()
        self.settings.set("profile/geometry", self.saveGeometry())
        super().done(result)


class HallFieldCommand(QUndoCommand):
    def __init__(self, dialog: HallProfileDialog, key: str, old, new):
        super().__init__(_t("HallProfileDialog", "修改营业厅资料"))
        self.dialog, self.key, self.old, self.new = dialog, key, old, new

    def redo(self) -> None:
        self.dialog.apply_field(self.key, self.new)

    def undo(self) -> None:
        self.dialog.apply_field(self.key, self.old)
