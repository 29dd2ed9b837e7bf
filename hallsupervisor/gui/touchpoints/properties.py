"""The map's forms: the hall's size and grid, and the properties of the selected element.

Both only read and ask; the changes they make go through the scene's undo commands.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.gui.touchpoints.map_items import ElementItem, PinItem
from hallsupervisor.gui.touchpoints.map_scene import MapScene

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate


class MapSizeDialog(QDialog):
    """The hall's size and the grid, for a blank plan or a change of size."""

    def __init__(self, width_m: float, depth_m: float, grid_m: float, parent=None):
        super().__init__(parent)
        self.setObjectName("mapSizeDialog")
        self.setWindowTitle(_t("MapEditor", "大厅尺寸"))
        form = QFormLayout(self)
        self.width = self._spin(width_m, 2, 500, " m")
        self.depth = self._spin(depth_m, 2, 500, " m")
        self.grid = self._spin(grid_m, 0.05, 5, " m")
        self.width.setObjectName("mapWidth")
        self.depth.setObjectName("mapDepth")
        self.grid.setObjectName("mapGrid")
        form.addRow(_t("MapEditor", "宽度（左右）："), self.width)
        form.addRow(_t("MapEditor", "进深（前后）："), self.depth)
        form.addRow(_t("MapEditor", "网格间距："), self.grid)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _spin(self, value: float, low: float, high: float, suffix: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setRange(low, high)
        spin.setDecimals(2)
        spin.setSingleStep(0.5)
        spin.setSuffix(suffix)
        spin.setValue(value)
        return spin

    def values(self) -> dict:
        return {
            "width_m": round(self.width.value(), 2),
            "depth_m": round(self.depth.value(), 2),
            "grid_m": round(self.grid.value(), 2),
        }


class PropertiesForm(QWidget):
    """Exact position, size, turn, type and label of the one selected element."""

    def __init__(self, scene: MapScene, parent=None):
        super().__init__(parent)
        self.setObjectName("mapProperties")
        self.scene = scene
        self.item: ElementItem | None = None
        layout = QFormLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.heading = QLabel(self)
        self.heading.setObjectName("propertiesHeading")
        self.heading.setWordWrap(True)
        layout.addRow(self.heading)
        self.subtype = QComboBox(self)
        self.subtype.setObjectName("propertySubtype")
        self.label = QLineEdit(self)
        self.label.setObjectName("propertyLabel")
        self.label.setMaxLength(60)
        self.label.setPlaceholderText(_t("MapEditor", "默认显示类型名称"))
        self.spins = {}
        for name, low, high, suffix in (
            ("x", -1000, 1000, " m"),
            ("y", -1000, 1000, " m"),
            ("w", layouts.MIN_SIZE_M, 1000, " m"),
            ("h", layouts.MIN_SIZE_M, 1000, " m"),
            ("rotation", -360, 360, "°"),
        ):
            spin = QDoubleSpinBox(self)
            spin.setObjectName(f"property_{name}")
            spin.setRange(low, high)
            spin.setDecimals(2)
            spin.setSingleStep(0.1 if name != "rotation" else 15)
            spin.setSuffix(suffix)
            spin.setKeyboardTracking(False)
            spin.valueChanged.connect(lambda _v, n=name: self._spin_changed(n))
            self.spins[name] = spin
        layout.addRow(_t("MapEditor", "类型："), self.subtype)
        layout.addRow(_t("MapEditor", "名称："), self.label)
        layout.addRow(_t("MapEditor", "X："), self.spins["x"])
        layout.addRow(_t("MapEditor", "Y："), self.spins["y"])
        layout.addRow(_t("MapEditor", "宽："), self.spins["w"])
        layout.addRow(_t("MapEditor", "深："), self.spins["h"])
        layout.addRow(_t("MapEditor", "旋转："), self.spins["rotation"])
        self.edit_touchpoint = QPushButton(_t("MapEditor", "编辑触点…"), self)
        self.edit_touchpoint.setObjectName("editTouchpointButton")
        layout.addRow(self.edit_touchpoint)
        self.subtype.activated.connect(self._subtype_chosen)
        self.label.editingFinished.connect(self._label_edited)
        self._filling = False
        scene.selectionChanged.connect(self.refresh)
        scene.edited.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        if not shiboken6.isValid(self.scene):  # the scene clears its items as it goes
            return
        selected = self.scene.selectedItems() if self.scene.map_id else []
        elements = [i for i in selected if isinstance(i, ElementItem)]
        pins = [i for i in selected if isinstance(i, PinItem)]
        self.item = elements[0] if len(elements) == 1 and len(selected) == 1 else None
        editable = self.item is not None
        for widget in (self.subtype, self.label, *self.spins.values()):
            widget.setEnabled(editable)
        self.edit_touchpoint.setVisible(len(pins) == 1 and len(selected) == 1)
        if not selected:
            self.heading.setText(_t("MapEditor", "未选中"))
        elif len(selected) > 1:
            self.heading.setText(_t("MapEditor", "已选中 {count} 项").format(count=len(selected)))
        elif pins:
            self.heading.setText(_t("MapEditor", "触点 {code} {name}").format(
                code=pins[0].code, name=pins[0].name))
        elif not editable:
            self.heading.setText(_t("MapEditor", "动线（双击线段加点，双击转折点删点）"))
        if not editable:
            return
        element = self.item.element
        self._filling = True
        self.heading.setText(QCoreApplication.translate("MapLayout", layouts.KINDS[element.kind]))
        self.subtype.clear()
        options = {layouts.ZONE: layouts.ZONE_TYPES,
                   layouts.FURNITURE: {k: v[0] for k, v in layouts.FURNITURE_TYPES.items()}}
        for key, name in options.get(element.kind, {}).items():
            self.subtype.addItem(QCoreApplication.translate("MapLayout", name), key)
        self.subtype.setEnabled(self.subtype.count() > 0)
        self.subtype.setCurrentIndex(max(0, self.subtype.findData(element.subtype)))
        self.label.setText(element.label)
        for name, value in element.geometry().items():
            self.spins[name].setValue(value)
        self._filling = False

    def _push(self, fields: dict, text: str) -> None:
        if self.item is not None and not self._filling:
            self.scene.change_elements({self.item.element_id: fields}, text)

    def _spin_changed(self, name: str) -> None:
        value = round(self.spins[name].value(), 3)
        if name == "rotation":
            value = round(value % 360, 2)
        self._push({name: value}, _t("MapEditor", "修改尺寸或位置"))

    def _subtype_chosen(self, _index: int) -> None:
        self._push({"subtype": self.subtype.currentData()}, _t("MapEditor", "修改类型"))

    def _label_edited(self) -> None:
        label = self.label.text().strip()
        if self.item is None or label == self.item.element.label:
            return
        # A built-in label's English no longer matches a label the user wrote.
        props = {k: v for k, v in self.item.element.props.items() if k != "label_en"}
        self._push({"label": label, "props": props}, _t("MapEditor", "修改名称"))
