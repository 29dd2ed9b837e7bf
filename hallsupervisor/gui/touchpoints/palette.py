"""The palette: the tools and what can be drawn on the map, grouped and with colour swatches.

Clicking an entry chooses its tool (`tool_chosen(kind, subtype)`); the scene goes back to
"select" after each drawing, and `show_tool` marks the entry of the tool in use.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QTreeWidgetItem

from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.gui.touchpoints import map_items
from hallsupervisor.gui.touchpoints.map_scene import (
    DOOR,
    FLOW,
    FURNITURE,
    SCALE,
    SELECT,
    TOUCHPOINT,
    WALL,
    ZONE,
)

_t = QCoreApplication.translate

ROLE_TOOL = Qt.ItemDataRole.UserRole


def _swatch(colour: QColor, *, round_: bool = False) -> QIcon:
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(colour.darker(160))
    painter.setBrush(colour)
    if round_:
        painter.drawEllipse(2, 2, 12, 12)
    else:
        painter.drawRect(1, 3, 14, 10)
    painter.end()
    return QIcon(pixmap)


class Palette(QTreeWidget):
    tool_chosen = Signal(str, str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("mapPalette")
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setIndentation(8)
        self.setIconSize(QSize(16, 16))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setMinimumWidth(150)
        tools = self._group(_t("MapEditor", "工具"))
        self._add(tools, SELECT, "", _t("MapEditor", "选择/移动"),
                  _t("MapEditor", "点选、框选或拖动；按住 Alt 拖动时不吸附网格"))
        self._add(tools, FLOW, "", _t("MapEditor", "画动线"),
                  _t("MapEditor", "依次单击各转折点，双击或回车结束，Esc 取消"),
                  _swatch(map_items.FLOW_COLOUR, round_=True))
        self._add(tools, TOUCHPOINT, "", _t("MapEditor", "触点"),
                  _t("MapEditor", "在地图上单击，放置一个服务触点"),
                  _swatch(QColor("#757575"), round_=True))
        self._add(tools, SCALE, "", _t("MapEditor", "比例尺"),
                  _t("MapEditor", "在背景图上沿已知长度画一条线，再输入实际长度"))
        structure = self._group(_t("MapEditor", "建筑"))
        self._add(structure, WALL, "", _t("MapLayout", layouts.KINDS[WALL]),
                  _t("MapEditor", "沿墙拖动画出一段墙"), _swatch(map_items.WALL_COLOUR))
        self._add(structure, DOOR, "", _t("MapLayout", layouts.KINDS[DOOR]),
                  _t("MapEditor", "在墙上拖动画出门洞"), _swatch(QColor("#ffffff")))
        zones = self._group(_t("MapLayout", layouts.KINDS[ZONE]))
        for key, name in layouts.ZONE_TYPES.items():
            self._add(zones, ZONE, key, _t("MapLayout", name),
                      _t("MapEditor", "拖出一个矩形区域，或单击放置默认大小"),
                      _swatch(map_items.zone_colour(key)))
        furniture = self._group(_t("MapLayout", layouts.KINDS[FURNITURE]))
        for key, (name, _w, _h) in layouts.FURNITURE_TYPES.items():
            self._add(furniture, FURNITURE, key, _t("MapLayout", name),
                      _t("MapEditor", "单击放置，或拖出所需大小"),
                      _swatch(map_items.FURNITURE_COLOUR))
        self.expandAll()
        self.itemClicked.connect(self._clicked)
        self.show_tool(SELECT, "")

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem(self, [title])
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        font = item.font(0)
        font.setBold(True)
        item.setFont(0, font)
        return item

    def _add(self, group, kind, subtype, text, tip, icon=None) -> QTreeWidgetItem:
        item = QTreeWidgetItem(group, [text])
        item.setData(0, ROLE_TOOL, f"{kind}|{subtype}")
        item.setToolTip(0, tip)
        if icon is not None:
            item.setIcon(0, icon)
        return item

    def entry(self, kind: str, subtype: str = "") -> QTreeWidgetItem | None:
        for top in range(self.topLevelItemCount()):
            group = self.topLevelItem(top)
            for row in range(group.childCount()):
                child = group.child(row)
                if child.data(0, ROLE_TOOL) == f"{kind}|{subtype}":
                    return child
        return None

    def show_tool(self, kind: str, subtype: str) -> None:
        item = self.entry(kind, subtype)
        if item is not None and self.currentItem() is not item:
            self.blockSignals(True)
            self.setCurrentItem(item)
            self.blockSignals(False)

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        tool = item.data(0, ROLE_TOOL)
        if tool:
            kind, subtype = tool.split("|", 1)
            self.tool_chosen.emit(kind, subtype)
