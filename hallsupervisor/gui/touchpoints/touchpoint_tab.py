"""触点地图: the hall's floor plan with its customer flow line and touchpoints.

Left: the palette (tools, walls and doors, zones, furniture) and the properties of what is
selected; middle: the map (MapScene in a MapView); right: the touchpoint panel (board,
why a touchpoint has its colour, period comparison). Every edit is a QUndoCommand that is
stored at once. A hall without a map starts from one of the starter layouts, a blank plan
or a photo of its floor plan.

Interface for the touchpoint panel (issue 5 contract): `TouchpointTab(store, settings,
parent=None, clock=None)` with `scene` (MapScene), `view` (MapView), `panel`
(TouchpointPanel), `undo_stack` and the `changed` signal.
"""

from __future__ import annotations

import datetime as _dt
import functools

from PySide6.QtCore import QCoreApplication, QPointF, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QGraphicsItem,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.touchpoints import layout as layouts
from hallsupervisor.gui import i18n
from hallsupervisor.gui.touchpoints import background as backgrounds
from hallsupervisor.gui.touchpoints import commands
from hallsupervisor.gui.touchpoints.map_scene import SELECT, MapScene
from hallsupervisor.gui.touchpoints.map_view import MapView
from hallsupervisor.gui.touchpoints.palette import Palette
from hallsupervisor.gui.touchpoints.properties import MapSizeDialog, PropertiesForm
from hallsupervisor.storage import hall_maps, halls
from hallsupervisor.storage import touchpoints as tp_storage

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

SHORTCUT = Qt.ShortcutContext.WidgetWithChildrenShortcut


def _starter_names() -> dict[str, str]:
    """Each starter's name in the interface language (left out when its file cannot be
    read)."""
    return dict(_starter_names_in(i18n.current()))


@functools.lru_cache(maxsize=4)
def _starter_names_in(language: str) -> tuple[tuple[str, str], ...]:
    names = []
    for key in layouts.STARTERS:
        try:
            starter = layouts.load_starter(key)
        except layouts.LayoutError:
            continue
        names.append((key, bilingual(starter.name, starter.name_en, language)))
    return tuple(names)


def _with_keys(action: QAction, tip: str) -> None:
    """The tooltip names the keys too (the toolbar shows only the words)."""
    keys = [k for k in action.shortcuts() if not k.isEmpty()][:1]  # the usual one
    keys = keys[0].toString(QKeySequence.SequenceFormat.NativeText) if keys else ""
    action.setToolTip(f"{tip} ({keys})" if keys else tip)


class TouchpointTab(QWidget):
    changed = Signal()
    round_requested = Signal(str)  # the why list names a round or an incident: the window
    incident_requested = Signal(str)  # shows it in its own tab

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("touchpointTab")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        self.hall_id = halls.current_hall_id(store)
        self.statuses: dict[str, str] = {}
        self.undo_stack = QUndoStack(self)
        self.scene = MapScene(store, self.undo_stack, self)
        self.scene.snap_enabled = settings.get("map/snap") if settings else True
        self.scene.show_grid = settings.get("map/show_grid") if settings else True
        self.view = MapView(self.scene, self)
        self.palette = Palette(self)
        self.properties = PropertiesForm(self.scene, self)
        from hallsupervisor.gui.touchpoints.panel import TouchpointPanel

        self.panel = TouchpointPanel(store, settings, self, clock=self.clock)
        self._build()
        self._connect()
        self.load()

    # -- building ---------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.toolbar = QToolBar(self)
        self.toolbar.setObjectName("mapToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(self.toolbar)
        self.pages = QStackedWidget(self)
        layout.addWidget(self.pages, 1)
        self.pages.addWidget(self._build_start_page())

        editor = QWidget(self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.setSpacing(0)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, editor)
        self.splitter.setObjectName("mapSplitter")
        left = QSplitter(Qt.Orientation.Vertical, self.splitter)
        left.addWidget(self.palette)
        left.addWidget(self.properties)
        left.setStretchFactor(0, 3)
        left.setStretchFactor(1, 1)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.view)
        self.splitter.addWidget(self.panel)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([170, 700, 300])
        if self.settings is not None and not self.settings.get("map/splitter").isEmpty():
            self.splitter.restoreState(self.settings.get("map/splitter"))
        editor_layout.addWidget(self.splitter, 1)
        status = QHBoxLayout()
        status.setContentsMargins(6, 2, 6, 2)
        self.flow_info = QLabel(editor)
        self.flow_info.setObjectName("flowInfo")
        self.flow_warning = QLabel(editor)
        self.flow_warning.setObjectName("flowWarning")
        self.flow_warning.setStyleSheet("color: #b3261e;")
        self.hint = QLabel(editor)
        self.hint.setObjectName("toolHint")
        self.hint.setStyleSheet("color: #5f6368;")
        self.zoom_info = QLabel(editor)
        self.zoom_info.setObjectName("zoomInfo")
        self.read_only_note = QLabel(_t("MapEditor", "只读：这个数据库不能修改"), editor)
        self.read_only_note.setObjectName("mapReadOnly")
        self.read_only_note.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.read_only_note.hide()
        status.addWidget(self.read_only_note)
        status.addWidget(self.flow_info)
        status.addWidget(self.flow_warning)
        status.addStretch(1)
        status.addWidget(self.hint)
        status.addSpacing(16)
        self.cursor_info = QLabel(editor)
        self.cursor_info.setObjectName("cursorInfo")
        self.cursor_info.setMinimumWidth(self.cursor_info.fontMetrics().horizontalAdvance(
            "X 000.00  Y 000.00 m") + 8)
        status.addWidget(self.cursor_info)
        status.addWidget(self.zoom_info)
        editor_layout.addLayout(status)
        self.pages.addWidget(editor)
        self._build_actions()

    def _build_start_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("mapStartPage")
        self.start_page = page
        outer = QVBoxLayout(page)
        outer.addStretch(1)
        title = QLabel(_t("MapEditor", "这个营业厅还没有平面图"), page)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(title)
        text = QLabel(_t("MapEditor", "从一个初始布局开始再按实际修改，或从空白平面图、"
                                      "平面图照片开始描绘。"), page)
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setWordWrap(True)
        outer.addWidget(text)
        grid = QGridLayout()
        self.start_buttons: dict[str, QPushButton] = {}
        profile = halls.load_profile(self.store) if self.hall_id else None
        suggested = layouts.starter_for_hall_kind(
            profile.kind, len(profile.counters), profile.pack or "") if profile else ""
        for index, (key, name) in enumerate(_starter_names().items()):
            if key == suggested:  # the one that matches the hall's kind and size
                name = _t("MapEditor", "{name}（推荐）").format(name=name)
            button = QPushButton(name, page)
            button.setObjectName(f"starter_{key}")
            if key == suggested:
                font = button.font()
                font.setBold(True)
                button.setFont(font)
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _c=False, k=key: self.start_from_starter(k))
            grid.addWidget(button, index // 2, index % 2)
            self.start_buttons[key] = button
        blank = QPushButton(_t("MapEditor", "空白平面图…"), page)
        blank.setObjectName("startBlank")
        blank.clicked.connect(self.start_blank)
        photo = QPushButton(_t("MapEditor", "从平面图照片开始…"), page)
        photo.setObjectName("startPhoto")
        photo.clicked.connect(self.start_from_photo)
        grid.addWidget(blank, 2, 0)
        grid.addWidget(photo, 2, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(grid)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        return page

    def _action(self, text: str, slot, shortcut=None, *, name: str = "", tip: str = "",
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if name:
            action.setObjectName(name)
        if shortcut is not None:
            keys = shortcut if isinstance(shortcut, list) else [shortcut]
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(SHORTCUT)
        _with_keys(action, tip or text)
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        bar = self.toolbar
        # The toolbar keeps its words still ("撤销", not "撤销 设定比例尺", which pushed the
        # last buttons off a narrow window); the tooltip names the step.
        stack = self.undo_stack
        undo, redo = _t("MapEditor", "撤销"), _t("MapEditor", "重做")
        self.undo_action = self._action(undo, stack.undo, QKeySequence.StandardKey.Undo,
                                        name="mapUndo")
        self.redo_action = self._action(redo, stack.redo, ["Ctrl+Shift+Z", "Ctrl+Y"],
                                        name="mapRedo")
        for action, word, can, changed in (
            (self.undo_action, undo, stack.canUndoChanged, stack.undoTextChanged),
            (self.redo_action, redo, stack.canRedoChanged, stack.redoTextChanged),
        ):
            action.setEnabled(False)
            can.connect(action.setEnabled)
            changed.connect(lambda what, a=action, w=word: _with_keys(a, f"{w} {what}".strip()))
        bar.addAction(self.undo_action)
        bar.addAction(self.redo_action)
        bar.addSeparator()
        self.copy_action = self._action(_t("MapEditor", "复制"), self.scene.copy_selection,
                                        QKeySequence.StandardKey.Copy, name="mapCopy")
        self.paste_action = self._action(_t("MapEditor", "粘贴"), self.scene.paste,
                                         QKeySequence.StandardKey.Paste, name="mapPaste")
        self.delete_action = self._action(_t("MapEditor", "删除"), self._delete_pressed,
                                          [QKeySequence.StandardKey.Delete, "Backspace"],
                                          name="mapDelete")
        self.select_all_action = self._action(_t("MapEditor", "全选"), self.scene.select_all,
                                              QKeySequence.StandardKey.SelectAll,
                                              name="mapSelectAll")
        for action in (self.copy_action, self.paste_action, self.delete_action):
            bar.addAction(action)
        align_menu = QMenu(self)
        for mode, text in (
            ("left", _t("MapEditor", "左对齐")),
            ("hcenter", _t("MapEditor", "水平居中")),
            ("right", _t("MapEditor", "右对齐")),
            ("top", _t("MapEditor", "顶端对齐")),
            ("vcenter", _t("MapEditor", "垂直居中")),
            ("bottom", _t("MapEditor", "底端对齐")),
        ):
            action = align_menu.addAction(text)
            action.setObjectName(f"align_{mode}")
            action.triggered.connect(lambda _c=False, m=mode: self.scene.align_selection(m))
        self.align_button = self._menu_button(_t("MapEditor", "对齐"), align_menu, "mapAlign")
        self.rotate_action = self._action(_t("MapEditor", "旋转 90°"),
                                          lambda: self.scene.rotate_selection(90), "R",
                                          name="mapRotate")
        bar.addAction(self.rotate_action)
        bar.addSeparator()
        self.snap_action = self._action(
            _t("MapEditor", "吸附网格"), self._snap_toggled, "G", name="mapSnap",
            tip=_t("MapEditor", "移动和绘制时对齐网格；拖动时按住 Alt 可临时不吸附"),
            checkable=True)
        self.snap_action.setChecked(self.scene.snap_enabled)
        self.grid_action = self._action(_t("MapEditor", "显示网格"), self._grid_toggled,
                                        name="mapGridShown", checkable=True)
        self.grid_action.setChecked(self.scene.show_grid)
        bar.addAction(self.snap_action)
        bar.addAction(self.grid_action)
        self.fit_action = self._action(_t("MapEditor", "适合窗口"), self.view.fit,
                                       ["Ctrl+0", "F"], name="mapFit")
        self.zoom_in_action = self._action(_t("MapEditor", "放大"), self.view.zoom_in,
                                           QKeySequence.StandardKey.ZoomIn, name="mapZoomIn")
        self.zoom_out_action = self._action(_t("MapEditor", "缩小"), self.view.zoom_out,
                                            QKeySequence.StandardKey.ZoomOut, name="mapZoomOut")
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action):
            bar.addAction(action)
        bar.addSeparator()
        background_menu = QMenu(self)
        self.import_background_action = background_menu.addAction(
            _t("MapEditor", "导入平面图照片…"))
        self.import_background_action.triggered.connect(self.import_background)
        self.scale_action = background_menu.addAction(_t("MapEditor", "画线设定比例尺"))
        self.scale_action.triggered.connect(self.start_scale)
        self.lock_action = background_menu.addAction(_t("MapEditor", "锁定背景图"))
        self.lock_action.setObjectName("mapLockBackground")
        self.lock_action.setCheckable(True)
        self.lock_action.toggled.connect(self._lock_toggled)
        opacity_menu = background_menu.addMenu(_t("MapEditor", "透明度"))
        group = QActionGroup(self)
        self.opacity_actions = {}
        for percent in (25, 50, 75, 100):
            action = opacity_menu.addAction(f"{percent}%")
            action.setCheckable(True)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, p=percent: self._set_opacity(p / 100))
            self.opacity_actions[percent] = action
        self.remove_background_action = background_menu.addAction(_t("MapEditor", "移除背景图"))
        self.remove_background_action.triggered.connect(self.remove_background)
        self.background_button = self._menu_button(_t("MapEditor", "背景图"), background_menu,
                                                   "mapBackground")
        layout_menu = QMenu(self)
        self.size_action = layout_menu.addAction(_t("MapEditor", "大厅尺寸与网格…"))
        self.size_action.triggered.connect(self.edit_size)
        layout_menu.addSeparator()
        starter_menu = layout_menu.addMenu(_t("MapEditor", "换用初始布局"))
        for key, name in _starter_names().items():
            action = starter_menu.addAction(name)
            action.setObjectName(f"replace_{key}")
            action.triggered.connect(lambda _c=False, k=key: self.replace_with_starter(k))
        blank = layout_menu.addAction(_t("MapEditor", "换成空白平面图…"))
        blank.triggered.connect(self.replace_with_blank)
        self.layout_button = self._menu_button(_t("MapEditor", "布局"), layout_menu, "mapLayout")
        bar.addSeparator()
        self.export_action = self._action(_t("MapEditor", "导出…"), self.export, name="mapExport")
        bar.addAction(self.export_action)

    def _menu_button(self, text: str, menu: QMenu, name: str) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setMenu(menu)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.toolbar.addWidget(button)
        return button

    def _connect(self) -> None:
        self.palette.tool_chosen.connect(self.scene.set_tool)
        self.scene.tool_changed.connect(self._tool_changed)
        self.scene.edited.connect(self._edited)
        self.scene.pin_clicked.connect(self.panel.show_touchpoint)
        self.scene.pin_double_clicked.connect(self.edit_touchpoint)
        self.scene.touchpoints_changed.connect(self.panel.refresh)
        self.scene.scale_line_drawn.connect(self._scale_line_drawn)
        self.panel.statuses_changed.connect(self._statuses_changed)
        self.panel.touchpoint_activated.connect(self.show_pin)
        self.panel.round_requested.connect(self.round_requested)
        self.panel.incident_requested.connect(self.incident_requested)
        self.properties.edit_touchpoint.clicked.connect(self._edit_selected_touchpoint)
        self.view.zoom_changed.connect(self._zoom_changed)
        self.view.cursor_moved.connect(
            lambda x, y: self.cursor_info.setText(f"X {x:.2f}  Y {y:.2f} m"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.splitter.splitterMoved.connect(self._save_splitter)

    # -- loading ------------------------------------------------------------------------
    def load(self) -> None:
        """Shows the hall's map as stored (or the start page when it has none)."""
        self.hall_id = halls.current_hall_id(self.store)
        hall_map = hall_maps.current_map(self.store, self.hall_id) if self.hall_id else None
        self.undo_stack.clear()
        self.scene.load(self.hall_id, hall_map.id if hall_map else None)
        self.pages.setCurrentIndex(1 if hall_map else 0)
        self.toolbar.setVisible(hall_map is not None)
        editable = hall_map is not None and not self.store.read_only
        for action in self.actions():
            action.setEnabled(editable)
        self.undo_action.setEnabled(editable and self.undo_stack.canUndo())
        self.redo_action.setEnabled(editable and self.undo_stack.canRedo())
        for action in (self.fit_action, self.zoom_in_action, self.zoom_out_action,
                       self.copy_action, self.select_all_action, self.export_action):
            action.setEnabled(hall_map is not None)
        for button in (self.align_button, self.background_button, self.layout_button):
            button.setEnabled(editable)
        self.palette.setEnabled(editable)
        self.properties.setEnabled(editable)
        for button in self.start_page.findChildren(QPushButton):
            button.setEnabled(not self.store.read_only)
        if self.store.read_only:
            self.read_only_note.show()
        self.panel.set_map(hall_map.id if hall_map else None)
        self._edited()
        self._tool_changed(SELECT, "")
        self.view.request_fit()

    def prepare(self) -> None:
        """The tab is shown: inspection results may have changed the colours."""
        if self.scene.map_id:
            self.panel.refresh()

    # -- starting a map ---------------------------------------------------------------
    def start_from_starter(self, key: str) -> None:
        try:
            hall_maps.install_starter(self.store, self.hall_id, key)
        except layouts.LayoutError as exc:
            QMessageBox.warning(self, _t("MapEditor", "触点地图"),
                                exc.message.render(QCoreApplication.translate))
            return
        self.load()
        self.changed.emit()

    def start_blank(self) -> bool:
        dialog = MapSizeDialog(20.0, 12.0, 0.5, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        hall_maps.create_map(self.store, self.hall_id, name=_t("MapEditor", "平面图"),
                             **dialog.values())
        self.load()
        self.changed.emit()
        return True

    def start_from_photo(self) -> None:
        path = backgrounds.choose_image_file(self)
        if not path:
            return
        try:
            data, image_format, image = backgrounds.read_image_file(path)
        except backgrounds.BackgroundError as exc:
            QMessageBox.warning(self, _t("MapEditor", "导入平面图照片"), str(exc))
            return
        map_id = hall_maps.create_map(self.store, self.hall_id, name=_t("MapEditor", "平面图"))
        scale = backgrounds.initial_scale(image, 20.0, 12.0)
        hall_maps.set_background(self.store, map_id, data, image_format, m_per_px=scale,
                                 locked=True)
        self.load()
        self.changed.emit()
        self.start_scale()

    def _confirm_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            _t("MapEditor", "更换平面图"),
            _t("MapEditor", "当前平面图及其触点将被替换（旧图仍保留在数据库中，但不再显示）。"
                            "此操作不能撤销。是否继续？"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def replace_with_starter(self, key: str) -> None:
        if self._confirm_replace():
            self.start_from_starter(key)

    def replace_with_blank(self) -> None:
        if self._confirm_replace():
            self.start_blank()

    # -- toolbar actions ----------------------------------------------------------------
    def _snap_toggled(self, on: bool) -> None:
        self.scene.snap_enabled = on
        if self.settings is not None:
            self.settings.set("map/snap", on)

    def _grid_toggled(self, on: bool) -> None:
        self.scene.show_grid = on
        self.scene.redraw_background()
        if self.settings is not None:
            self.settings.set("map/show_grid", on)

    def _save_splitter(self, *_args) -> None:
        if self.settings is not None:
            self.settings.set("map/splitter", self.splitter.saveState())

    def edit_size(self) -> None:
        hall_map = self.scene.hall_map
        dialog = MapSizeDialog(hall_map.width_m, hall_map.depth_m, hall_map.grid_m, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        after = dialog.values()
        before = hall_maps.map_fields(self.store, self.scene.map_id, after)
        if before != after:
            self.undo_stack.push(commands.ChangeMap(self.scene, before, after,
                                                    _t("MapEditor", "修改大厅尺寸")))
            self.view.request_fit()

    def import_background(self) -> None:
        path = backgrounds.choose_image_file(self)
        if path:
            self.set_background_file(path)

    def set_background_file(self, path: str) -> bool:
        try:
            data, image_format, image = backgrounds.read_image_file(path)
        except backgrounds.BackgroundError as exc:
            QMessageBox.warning(self, _t("MapEditor", "导入平面图照片"), str(exc))
            return False
        hall_map = self.scene.hall_map
        fields = {
            "m_per_px": backgrounds.initial_scale(image, hall_map.width_m, hall_map.depth_m),
            "x_m": 0.0,
            "y_m": 0.0,
            "locked": True,
        }
        self.undo_stack.push(commands.SetBackground(
            self.scene, self._background_state(), (data, image_format, fields),
            _t("MapEditor", "导入平面图照片")))
        self.hint.setText(_t("MapEditor", "请用“背景图 → 画线设定比例尺”沿一段已知长度画线。"))
        return True

    def _background_state(self):
        stored = hall_maps.background(self.store, self.scene.map_id)
        if stored is None:
            return None
        hall_map = hall_maps.get_map(self.store, self.scene.map_id)
        return (stored[0], stored[1], {
            "m_per_px": hall_map.background_m_per_px,
            "x_m": hall_map.background_x_m,
            "y_m": hall_map.background_y_m,
            "locked": hall_map.background_locked,
        })

    def remove_background(self) -> None:
        before = self._background_state()
        if before is not None:
            self.undo_stack.push(commands.SetBackground(self.scene, before, None,
                                                        _t("MapEditor", "移除背景图")))

    def start_scale(self) -> None:
        self.scene.set_tool("scale")

    def _scale_line_drawn(self, x1: float, y1: float, x2: float, y2: float) -> None:
        hall_map = self.scene.hall_map
        if not hall_map.has_background:
            QMessageBox.information(self, _t("MapEditor", "设定比例尺"),
                                    _t("MapEditor", "请先导入平面图照片或扫描件。"))
            return
        drawn = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        metres = backgrounds.ask_scale_length(self, drawn)
        if not metres or drawn <= 0:
            return
        self.apply_scale(QPointF(x1, y1), drawn, metres)

    def apply_scale(self, start: QPointF, drawn_m: float, real_m: float) -> None:
        """The background grows or shrinks so a line drawn `drawn_m` long is `real_m`,
        keeping the line's start where it is. While nothing is drawn yet (tracing starts
        now), the photo goes to the hall's corner and the hall takes the photo's size, so the
        whole plan is on the map and in view; one undo takes both back."""
        hall_map = self.scene.hall_map
        factor = real_m / drawn_m
        before = {
            "background_m_per_px": hall_map.background_m_per_px,
            "background_x_m": hall_map.background_x_m,
            "background_y_m": hall_map.background_y_m,
        }
        after = {
            "background_m_per_px": hall_map.background_m_per_px * factor,
            "background_x_m": round(start.x() - (start.x() - hall_map.background_x_m) * factor,
                                    4),
            "background_y_m": round(start.y() - (start.y() - hall_map.background_y_m) * factor,
                                    4),
        }
        photo = self.scene.background.pixmap()
        if not self.scene.elements and not photo.isNull():
            m_per_px, grid = after["background_m_per_px"], hall_map.grid_m

            def side(pixels: int) -> float:
                return min(500.0, max(2.0, round(round(pixels * m_per_px / grid) * grid, 2)))

            before.update(width_m=hall_map.width_m, depth_m=hall_map.depth_m)
            after.update(background_x_m=0.0, background_y_m=0.0,
                         width_m=side(photo.width()), depth_m=side(photo.height()))
            self.hint.setText(_t("MapEditor", "比例尺已设定：大厅按照片定为 {w} × {d} 米，"
                                              "可在“布局 → 大厅尺寸与网格…”中修改。")
                              .format(w=f"{after['width_m']:g}", d=f"{after['depth_m']:g}"))
        self.undo_stack.push(commands.ChangeMap(self.scene, before, after,
                                                _t("MapEditor", "设定比例尺")))
        self.view.request_fit()

    def _lock_toggled(self, locked: bool) -> None:
        hall_map = self.scene.hall_map
        if hall_map is None or hall_map.background_locked == locked:
            return
        self.undo_stack.push(commands.ChangeMap(
            self.scene, {"background_locked": not locked}, {"background_locked": locked},
            _t("MapEditor", "锁定背景图") if locked else _t("MapEditor", "解锁背景图")))

    def _set_opacity(self, opacity: float) -> None:
        hall_map = self.scene.hall_map
        if hall_map.background_opacity != opacity:
            self.undo_stack.push(commands.ChangeMap(
                self.scene, {"background_opacity": hall_map.background_opacity},
                {"background_opacity": opacity}, _t("MapEditor", "背景透明度")))

    def _context_menu(self, point) -> None:
        """Right-click: what can be done with the item under the mouse (selected first)."""
        if self.scene.map_id is None or self.scene.tool != SELECT:
            return
        item = self.view.itemAt(point)
        while item is not None and not item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
            item = item.parentItem()
        if item is not None and not item.isSelected():
            self.scene.clearSelection()
            item.setSelected(True)
        menu = QMenu(self)
        pins = self.scene.selected_pins()
        if len(pins) == 1 and len(self.scene.selectedItems()) == 1:
            menu.addAction(_t("MapEditor", "编辑触点…"),
                           lambda: self.edit_touchpoint(pins[0].touchpoint_id))
            menu.addSeparator()
        for action in (self.copy_action, self.paste_action, self.delete_action,
                       self.rotate_action):
            menu.addAction(action)
        menu.addMenu(self.align_button.menu()).setText(_t("MapEditor", "对齐"))
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.addAction(self.fit_action)
        has_elements = bool(self.scene.selected_elements())
        self.copy_action.setEnabled(has_elements)
        self.rotate_action.setEnabled(has_elements)
        self.delete_action.setEnabled(bool(self.scene.selectedItems()))
        menu.exec(self.view.viewport().mapToGlobal(point))
        for action in (self.copy_action, self.rotate_action, self.delete_action):
            action.setEnabled(True)

    # -- touchpoints ------------------------------------------------------------------
    def edit_touchpoint(self, touchpoint_id: str) -> bool:
        """The touchpoint's properties dialog; what changed is one undoable edit."""
        from hallsupervisor.gui.touchpoints.touchpoint_dialog import TouchpointDialog

        touchpoint = tp_storage.get_touchpoint(self.store, touchpoint_id)
        if touchpoint is None:
            return False
        dialog = TouchpointDialog(self.store, touchpoint, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        before, after = dialog.changes()
        if not after:
            return False
        self.undo_stack.push(commands.ChangeTouchpoints(
            self.scene, {touchpoint_id: before}, {touchpoint_id: after},
            _t("MapEditor", "编辑触点")))
        return True

    def _delete_pressed(self) -> None:
        """Delete or Backspace: while a flow line is drawn, Backspace takes a corner back."""
        if self.scene.tool == "flow":
            self.scene.take_back_flow_corner()
        else:
            self.scene.delete_selection()

    def _edit_selected_touchpoint(self) -> None:
        pins = self.scene.selected_pins()
        if len(pins) == 1:
            self.edit_touchpoint(pins[0].touchpoint_id)

    def show_pin(self, touchpoint_id: str) -> None:
        """Selects a touchpoint's pin and brings it into view (a board card was chosen)."""
        pin = self.scene.pin_for(touchpoint_id)
        if pin is None:
            return
        self.scene.clearSelection()
        pin.setSelected(True)
        self.view.centerOn(pin)

    def _statuses_changed(self, statuses: dict) -> None:
        self.statuses = dict(statuses)
        self.scene.set_statuses(statuses)

    def export(self) -> None:
        from hallsupervisor.gui.touchpoints import export

        title = self.scene.hall_map.name if self.scene.hall_map else ""
        profile = halls.load_profile(self.store, self.hall_id)
        if profile is not None:
            title = _t("MapEditor", "{hall} 触点地图").format(hall=profile.name)
        export.export_map(self.scene, dict(self.statuses), title, self)

    # -- feedback ----------------------------------------------------------------------
    def _edited(self) -> None:
        hall_map = self.scene.hall_map
        if hall_map is None:
            self.flow_info.clear()
            self.flow_warning.clear()
            return
        flow = self.scene.flow
        if len(flow.points) >= 2:
            self.flow_info.setText(_t("MapEditor", "动线长度 {length} 米").format(
                length=f"{flow.length_m():.1f}"))
        else:
            self.flow_info.setText(_t("MapEditor", "还没有动线：用“画动线”工具画出顾客的路线"))
        problems = flow.problems
        if problems:
            self.flow_warning.setText(_t("MapEditor", "注意：{problems}").format(
                problems="；".join(p.message.render(QCoreApplication.translate)
                                  for p in problems[:3])
                + ("…" if len(problems) > 3 else "")))
            self.flow_warning.setToolTip("\n".join(
                p.message.render(QCoreApplication.translate) for p in problems))
        else:
            self.flow_warning.clear()
            self.flow_warning.setToolTip("")
        self.lock_action.blockSignals(True)
        self.lock_action.setChecked(hall_map.background_locked)
        self.lock_action.blockSignals(False)
        for percent, action in self.opacity_actions.items():
            action.setChecked(abs(hall_map.background_opacity * 100 - percent) < 1)
        for action in (self.scale_action, self.lock_action, self.remove_background_action):
            action.setEnabled(hall_map.has_background)
        self.changed.emit()

    def _tool_changed(self, kind: str, subtype: str) -> None:
        self.palette.show_tool(kind, subtype)
        hints = {
            "select": _t("MapEditor", "滚轮缩放，中键或空格+拖动平移，方向键移动所选"),
            "wall": _t("MapEditor", "沿墙拖动画墙，Esc 取消"),
            "door": _t("MapEditor", "在墙上拖动画门，Esc 取消"),
            "zone": _t("MapEditor", "拖出区域，或单击放置默认大小，Esc 取消"),
            "furniture": _t("MapEditor", "单击放置，或拖出所需大小，Esc 取消"),
            "flow": _t("MapEditor", "单击各转折点，双击或回车结束，退格撤回一点，Esc 取消"),
            "touchpoint": _t("MapEditor", "单击放置触点，Esc 取消"),
            "scale": _t("MapEditor", "在背景图上沿已知长度拖一条线"),
        }
        self.hint.setText(hints.get(kind, ""))
        if kind != SELECT:
            self.view.setFocus()

    def _zoom_changed(self, pixels_per_metre: float) -> None:
        self.zoom_info.setText(_t("MapEditor", "1 米 = {pixels} 像素").format(
            pixels=f"{pixels_per_metre:.0f}"))
