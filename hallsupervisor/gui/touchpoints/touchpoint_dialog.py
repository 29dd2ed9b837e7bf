"""A touchpoint's properties: code, name, stage, service standard, role, satisfaction element,
and the inspection items linked to it (read here, linked in the template editor).

Interface (issue 5 contract):
    TouchpointDialog(store, touchpoint, parent) — `.values()` gives the edited fields, the
        same keys as `Touchpoint.values()`, so the tab can wrap the change in a QUndoCommand
        calling update_touchpoint(new) / update_touchpoint(old). OK is refused with a
        message while the input is not valid (empty name, a code in use...).
    edit_touchpoint(store, touchpoint_id, parent) -> bool — opens it and stores the change.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QVBoxLayout,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.hall import ROLES
from hallsupervisor.domain.inspection.model import ELEMENTS
from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.gui import i18n
from hallsupervisor.storage import touchpoints as tps

_t = QCoreApplication.translate


class TouchpointDialog(QDialog):
    def __init__(self, store, touchpoint: tps.Touchpoint, parent=None):
        super().__init__(parent)
        self.setObjectName("touchpointDialog")
        self.store = store
        self.touchpoint = touchpoint
        self.setWindowTitle(_t("TouchpointDialog", "触点属性"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)

        self.code = QLineEdit(touchpoint.code, self)
        self.code.setObjectName("tpCode")
        self.code.setMaxLength(20)
        form.addRow(_t("TouchpointDialog", "编号"), self.code)
        self.name = QLineEdit(touchpoint.name, self)
        self.name.setObjectName("tpName")
        self.name.setMaxLength(100)
        form.addRow(_t("TouchpointDialog", "名称"), self.name)
        self.name_en = QLineEdit(touchpoint.name_en, self)
        self.name_en.setObjectName("tpNameEn")
        self.name_en.setMaxLength(100)
        form.addRow(_t("TouchpointDialog", "英文名称"), self.name_en)

        self.stage = QComboBox(self)
        self.stage.setObjectName("tpStage")
        for key, label in st.STAGES.items():
            self.stage.addItem(_t("TouchpointStatus", label), key)
        self.stage.setCurrentIndex(max(0, self.stage.findData(touchpoint.stage)))
        form.addRow(_t("TouchpointDialog", "服务环节"), self.stage)

        # A role from the hall's list, or any other post typed in (e.g. 大堂经理).
        self.role = QComboBox(self)
        self.role.setObjectName("tpRole")
        self.role.setEditable(True)
        self.role.addItem("", "")
        for key, label in ROLES.items():
            self.role.addItem(_t("Hall", label), key)
        index = self.role.findData(touchpoint.role)
        if index >= 0:
            self.role.setCurrentIndex(index)
        else:
            self.role.setEditText(touchpoint.role)
        form.addRow(_t("TouchpointDialog", "责任岗位"), self.role)

        self.element = QComboBox(self)
        self.element.setObjectName("tpElement")
        self.element.addItem(_t("TouchpointDialog", "（未指定）"), "")
        for key, label in ELEMENTS.items():
            self.element.addItem(_t("Inspection", label), key)
        self.element.setCurrentIndex(max(0, self.element.findData(touchpoint.element)))
        form.addRow(_t("TouchpointDialog", "满意度要素"), self.element)

        self.standard = QPlainTextEdit(touchpoint.standard, self)
        self.standard.setObjectName("tpStandard")
        self.standard.setPlaceholderText(
            _t("TouchpointDialog", "员工在这里做什么、说什么，例如：起身微笑，问“您好，请问办理什么业务？”")
        )
        self.standard.setFixedHeight(80)
        form.addRow(_t("TouchpointDialog", "服务标准"), self.standard)
        self.standard_en = QPlainTextEdit(touchpoint.standard_en, self)
        self.standard_en.setObjectName("tpStandardEn")
        self.standard_en.setFixedHeight(60)
        form.addRow(_t("TouchpointDialog", "服务标准（英文）"), self.standard_en)

        self.linked = QListWidget(self)
        self.linked.setObjectName("tpLinked")
        self.linked.setFixedHeight(90)
        language = i18n.current()
        hall_id = touchpoint.hall_id or store.hall_id
        for item in tps.linked_items(store, hall_id).get(touchpoint.code, []):
            self.linked.addItem(f"{item['key']} {bilingual(item['text'], item['text_en'], language)}")
        if not self.linked.count():
            self.linked.addItem(_t("TouchpointDialog", "（暂无）"))
        form.addRow(_t("TouchpointDialog", "关联巡检项目"), self.linked)
        hint = QLabel(
            _t(
                "TouchpointDialog",
                "在“巡检 → 模板”中编辑项目，选择“触点”即可关联；改编号时，关联的项目随之改用新编号。",
            ),
            self,
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)

        self.error = QLabel(self)
        self.error.setObjectName("tpError")
        self.error.setStyleSheet("color: #b3261e;")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def _role_value(self) -> str:
        text = self.role.currentText().strip()
        index = self.role.findText(text)
        if index >= 0:
            return self.role.itemData(index) or ""
        return text

    def values(self) -> dict:
        """The edited fields (position included, unchanged) as update_touchpoint takes them."""
        return {
            "code": self.code.text().strip(),
            "name": self.name.text().strip(),
            "name_en": self.name_en.text().strip(),
            "stage": self.stage.currentData(),
            "standard": self.standard.toPlainText().strip(),
            "standard_en": self.standard_en.toPlainText().strip(),
            "role": self._role_value(),
            "element": self.element.currentData(),
            "x_m": self.touchpoint.x_m,
            "y_m": self.touchpoint.y_m,
        }

    def changes(self) -> tuple[dict, dict]:
        """(old, new) of the fields that differ: what an undo command needs."""
        old, new = self.touchpoint.values(), self.values()
        keys = [k for k in new if new[k] != old[k]]
        return {k: old[k] for k in keys}, {k: new[k] for k in keys}

    def problem(self) -> str | None:
        """What storage would refuse, in the interface language (the same checks)."""
        values = self.values()
        try:
            tps.clean_values(values)
        except tps.TouchpointError as error:
            return error.message.render(_t)
        hall_id = self.touchpoint.hall_id or self.store.hall_id
        if tps.code_in_use(self.store, hall_id, values["code"], except_id=self.touchpoint.id):
            return _t("Touchpoints", tps.CODE_IN_USE).format(code=values["code"])
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()


def edit_touchpoint(store, touchpoint_id: str, parent=None) -> bool:
    """Opens the dialog; on OK stores what changed. Returns whether anything changed."""
    touchpoint = tps.get_touchpoint(store, touchpoint_id)
    if touchpoint is None:
        return False
    dialog = TouchpointDialog(store, touchpoint, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    _old, new = dialog.changes()
    if not new:
        return False
    tps.update_touchpoint(store, touchpoint_id, **new)
    return True
