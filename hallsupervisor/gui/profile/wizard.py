"""The first-run wizard: who the hall is, when it opens, its counters and staff.

It picks the built-in content pack that matches the hall (kind, and for electricity a city
hall or a rural supply station) and fills the defaults from it. Nothing is stored until the
last page; everything can be changed later under 营业厅资料.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.hall import KINDS, ROLES, Counter, HallProfile, StaffMember
from hallsupervisor.domain.packs import Pack, pick_pack
from hallsupervisor.gui import i18n
from hallsupervisor.gui.profile.hours_editor import OpeningHoursEditor
from hallsupervisor.storage import halls, inspection, playbooks

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate


class HallPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_t("SetupWizard", "欢迎使用营业厅现场管理助手"))
        self.setSubTitle(
            _t("SetupWizard", "先介绍一下您的营业厅。这些信息以后可以在“营业厅资料”中修改。")
        )
        form = QFormLayout(self)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("wizardName")
        self.name_edit.setMaxLength(80)
        self.name_edit.setPlaceholderText(_t("SetupWizard", "例如：城东供电营业厅"))
        form.addRow(_t("SetupWizard", "营业厅名称"), self.name_edit)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("wizardKind")
        for key, label in KINDS.items():
            self.kind_combo.addItem(QCoreApplication.translate("Hall", label), key)
        form.addRow(_t("SetupWizard", "类型"), self.kind_combo)
        self.rural_box = QCheckBox(_t("SetupWizard", "乡镇供电所（一到三个窗口）"), self)
        self.rural_box.setObjectName("wizardRural")
        form.addRow("", self.rural_box)
        self.region_edit = QLineEdit(self)
        self.region_edit.setObjectName("wizardRegion")
        self.region_edit.setMaxLength(80)
        self.region_edit.setPlaceholderText(_t("SetupWizard", "例如：某市某区"))
        form.addRow(_t("SetupWizard", "所在地区"), self.region_edit)
        self.pack_label = QLabel(self)
        self.pack_label.setObjectName("wizardPack")
        self.pack_label.setWordWrap(True)
        form.addRow(_t("SetupWizard", "内置内容"), self.pack_label)
        self.registerField("name*", self.name_edit)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.rural_box.toggled.connect(self._kind_changed)
        self._kind_changed()

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def pack(self) -> Pack:
        return pick_pack(self.kind(), self.kind() == "electricity" and self.rural_box.isChecked())

    def _kind_changed(self) -> None:
        self.rural_box.setVisible(self.kind() == "electricity")
        pack = self.pack()
        language = i18n.current()
        description = bilingual(pack.description, pack.description_en, language)
        self.pack_label.setText(f"<b>{pack.display_name(language)}</b><br>{description}")
        # Not while the page is being built: a page without its wizard calls itself complete,
        # and Qt would cache that, so typing the name later would not enable Next.
        if self.wizard() is not None:
            self.completeChanged.emit()


class HoursPage(QWizardPage):
    def __init__(self, hall_page: HallPage, parent=None):
        super().__init__(parent)
        self.hall_page = hall_page
        self.setTitle(_t("SetupWizard", "营业时间"))
        self.setSubTitle(_t("SetupWizard", "勾选营业的日子，并填写开门和关门时间。"))
        layout = QVBoxLayout(self)
        self.editor = OpeningHoursEditor(self)
        self.editor.setObjectName("wizardHours")
        self.editor.validityChanged.connect(self.completeChanged)
        layout.addWidget(self.editor)
        layout.addStretch(1)
        self._pack_id = None

    def isComplete(self) -> bool:  # noqa: N802
        return self.editor.isValid()

    def initializePage(self) -> None:  # noqa: N802
        pack = self.hall_page.pack()
        if pack.id != self._pack_id:  # keep the user's edits when they come back
            self._pack_id = pack.id
            self.editor.setValue(pack.profile_defaults().opening_hours)


class CountersPage(QWizardPage):
    def __init__(self, hall_page: HallPage, parent=None):
        super().__init__(parent)
        self.hall_page = hall_page
        self.setTitle(_t("SetupWizard", "窗口与业务"))
        self.setSubTitle(_t("SetupWizard", "业务类型和平均办理时长来自内置内容，之后可以修改。"))
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        row.addWidget(QLabel(_t("SetupWizard", "对外服务的窗口数"), self))
        self.count_box = QSpinBox(self)
        self.count_box.setObjectName("wizardCounters")
        self.count_box.setRange(1, 30)
        row.addWidget(self.count_box)
        row.addStretch(1)
        layout.addLayout(row)
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(
            [_t("SetupWizard", "业务类型"), _t("SetupWizard", "平均办理时长（分钟）")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        self._pack_id = None

    def initializePage(self) -> None:  # noqa: N802
        pack = self.hall_page.pack()
        if pack.id == self._pack_id:
            return
        self._pack_id = pack.id
        defaults = pack.profile_defaults()
        self.count_box.setValue(len(defaults.counters))
        self.table.setRowCount(len(defaults.business_types))
        for row, business in enumerate(defaults.business_types):
            self.table.setItem(row, 0, QTableWidgetItem(business.display_name(i18n.current())))
            self.table.setItem(row, 1, QTableWidgetItem(f"{business.handling_minutes:g}"))


def _role_item(role: str) -> QTableWidgetItem:
    item = QTableWidgetItem(QCoreApplication.translate("Hall", ROLES[role]))
    item.setData(Qt.ItemDataRole.UserRole, role)
    return item


class RoleDelegate(QStyledItemDelegate):
    """Picks a role from the list; the cell keeps the role key for storage."""

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        for key, label in ROLES.items():
            combo.addItem(QCoreApplication.translate("Hall", label), key)
        return combo

    def setEditorData(self, editor, index):  # noqa: N802
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.UserRole))))

    def setModelData(self, editor, model, index):  # noqa: N802
        model.setData(index, editor.currentData(), Qt.ItemDataRole.UserRole)
        model.setData(index, editor.currentText(), Qt.ItemDataRole.DisplayRole)


class StaffPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTitle(_t("SetupWizard", "员工"))
        self.setSubTitle(_t("SetupWizard", "可以现在填写，也可以以后在“营业厅资料”中添加。"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(0, 3, self)
        self.table.setObjectName("wizardStaff")
        self.table.setHorizontalHeaderLabels(
            [_t("SetupWizard", "姓名"), _t("SetupWizard", "工号"), _t("SetupWizard", "岗位")]
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setItemDelegateForColumn(2, RoleDelegate(self.table))
        layout.addWidget(self.table)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(_t("SetupWizard", "添加员工"), self)
        self.add_button.setObjectName("wizardAddStaff")
        self.add_button.clicked.connect(self.add_row)
        self.remove_button = QPushButton(_t("SetupWizard", "删除所选"), self)
        self.remove_button.clicked.connect(lambda: self.table.removeRow(self.table.currentRow()))
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

    def add_row(self) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setItem(row, 0, QTableWidgetItem(""))
        self.table.setItem(row, 1, QTableWidgetItem(""))
        self.table.setItem(row, 2, _role_item("counter"))
        self.table.setCurrentCell(row, 0)
        self.table.editItem(self.table.item(row, 0))
        return row

    def staff(self) -> list[StaffMember]:
        people = []
        for row in range(self.table.rowCount()):
            name = (self.table.item(row, 0).text() if self.table.item(row, 0) else "").strip()
            if not name:
                continue
            number = (self.table.item(row, 1).text() if self.table.item(row, 1) else "").strip()
            role = self.table.item(row, 2).data(Qt.ItemDataRole.UserRole)
            people.append(StaffMember(name[:80], number[:40], role))
        return people


class SetupWizard(QWizard):
    def __init__(self, store, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.setObjectName("setupWizard")
        self.setWindowTitle(_t("SetupWizard", "设置营业厅"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.hall_page = HallPage(self)
        self.hours_page = HoursPage(self.hall_page, self)
        self.counters_page = CountersPage(self.hall_page, self)
        self.staff_page = StaffPage(self)
        for page in (self.hall_page, self.hours_page, self.counters_page, self.staff_page):
            self.addPage(page)
        self.setMinimumSize(640, 480)

    def profile(self) -> HallProfile:
        """The profile the answers describe, from the pack's defaults."""
        pack = self.hall_page.pack()
        profile = pack.profile_defaults(
            self.hall_page.name_edit.text().strip(), self.hall_page.region_edit.text().strip()
        )
        profile.opening_hours = self.hours_page.editor.value()
        wanted = self.counters_page.count_box.value()
        all_codes = [b.code for b in profile.business_types]
        counters = profile.counters[:wanted]
        prefix = _t("SetupWizard", "{n}号窗口")
        for number in range(len(counters) + 1, wanted + 1):
            counters.append(Counter(prefix.format(n=number), list(all_codes)))
        profile.counters = counters
        profile.staff = self.staff_page.staff()
        for member in profile.staff:
            member.skills = list(all_codes) if member.role in ("counter", "supervisor") else []
        return profile

    def accept(self) -> None:
        profile = self.profile()
        # The hall and its pack's checklist and day plan arrive together or not at all.
        with self.store.transaction():
            hall_id = halls.create_hall(self.store, profile)
            inspection.install_pack_inspection(self.store, hall_id, self.hall_page.pack())
            playbooks.ensure_builtin(self.store, hall_id)
        super().accept()
