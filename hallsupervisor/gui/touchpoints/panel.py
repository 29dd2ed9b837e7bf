"""The side panel next to the map: the period, the board (看板), why a touchpoint has its
colour, and two periods side by side.

Interface for the tab (issue 5 contract):
    TouchpointPanel(store, settings, parent=None, clock=None)
    .set_map(map_id) / .refresh() / .show_touchpoint(touchpoint_id)
    .statuses_changed(dict)        {touchpoint_id: status} after each refresh and period change
    .touchpoint_activated(str)     a board card or row was clicked: select that pin
    .round_requested(str)          a round in the why list was activated (Enter, double-click)
    .incident_requested(str)       an incident in the why list was activated
                                   (the main window opens them in their own tabs)
Also: .statuses (the last dict), .assessments ({id: status.Assessment}), .period.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QTabWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import QT_TRANSLATE_NOOP, bilingual
from hallsupervisor.domain.hall import ROLES
from hallsupervisor.domain.inspection.model import ELEMENTS, RESULTS, SEVERITIES
from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.gui import i18n
from hallsupervisor.gui.touchpoints.status_marker import (
    LegendWidget,
    marker_icon,
    paint_marker,
    status_color,
    status_label,
)
from hallsupervisor.storage import touchpoints as tps
from hallsupervisor.storage.halls import current_hall_id

_t = QCoreApplication.translate

ID_ROLE = Qt.ItemDataRole.UserRole + 1
STATUS_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3  # "group", "entry", "reason", "round", "action"...
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 4  # the card's second line

MAX_LISTED = 40  # rounds listed under one reason; the earlier ones are counted

PRESETS = (
    (7, QT_TRANSLATE_NOOP("TouchpointPanel", "近 7 天")),
    (14, QT_TRANSLATE_NOOP("TouchpointPanel", "近 14 天")),
    (30, QT_TRANSLATE_NOOP("TouchpointPanel", "近 30 天")),
    (90, QT_TRANSLATE_NOOP("TouchpointPanel", "近 90 天")),
)
CUSTOM = 0


def stage_label(stage: str) -> str:
    return _t("TouchpointStatus", st.STAGES[stage]) if stage in st.STAGES else stage


def role_label(role: str) -> str:
    return _t("Hall", ROLES[role]) if role in ROLES else role


def element_label(element: str) -> str:
    return _t("Inspection", ELEMENTS[element]) if element in ELEMENTS else element


def trend_text(trend: str | None) -> str:
    if trend is None:
        return "—"
    return f"{st.TREND_SIGNS[trend]} {_t('TouchpointStatus', st.TREND_LABELS[trend])}"


def _qdate(day: _dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(date: QDate) -> _dt.date:
    return _dt.date(date.year(), date.month(), date.day())


def _short(assessment: st.Assessment) -> str:
    """Status and pass rate in a few characters (the comparison table's cells)."""
    rate = assessment.pass_rate
    text = status_label(assessment.status)
    return text if rate is None else f"{text} {round(rate * 100)}%"


class PeriodChooser(QWidget):
    """A preset (last 7/14/30/90 days) or any two dates; `changed` with the new Period."""

    changed = Signal(object)

    def __init__(self, today: _dt.date, days: int = st.DEFAULT_DAYS, parent=None, *, presets=True):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.preset = QComboBox(self)
        self.preset.setObjectName("periodPreset")
        for number, text in PRESETS:
            self.preset.addItem(_t("TouchpointPanel", text), number)
        self.preset.addItem(_t("TouchpointPanel", "自定义"), CUSTOM)
        self.preset.setVisible(presets)
        self.start = QDateEdit(self)
        self.end = QDateEdit(self)
        for edit, name in ((self.start, "periodStart"), (self.end, "periodEnd")):
            edit.setObjectName(name)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        layout.addWidget(self.preset)
        layout.addWidget(self.start)
        layout.addWidget(QLabel("–", self))
        layout.addWidget(self.end)
        layout.addStretch(1)
        self._today = today
        self._quiet = False
        self.set_period(st.Period.last_days(today, days))
        self.preset.currentIndexChanged.connect(self._preset_chosen)
        self.start.dateChanged.connect(self._dates_edited)
        self.end.dateChanged.connect(self._dates_edited)

    def period(self) -> st.Period:
        start, end = _pydate(self.start.date()), _pydate(self.end.date())
        return st.Period(min(start, end), max(start, end))

    def set_period(self, period: st.Period) -> None:
        self._quiet = True
        self.start.setDate(_qdate(period.start))
        self.end.setDate(_qdate(period.end))
        index = CUSTOM
        if period.end == self._today:
            index = self.preset.findData(period.days)
        self.preset.setCurrentIndex(index if index >= 0 else self.preset.findData(CUSTOM))
        self._quiet = False

    def set_today(self, today: _dt.date) -> None:
        """A new day: a preset period moves along with it."""
        days = self.preset.currentData()
        self._today = today
        if days:
            self.set_period(st.Period.last_days(today, days))

    def _preset_chosen(self) -> None:
        days = self.preset.currentData()
        if self._quiet or not days:
            return
        self.set_period(st.Period.last_days(self._today, days))
        self.changed.emit(self.period())

    def _dates_edited(self) -> None:
        if self._quiet:
            return
        period = self.period()
        self._quiet = True
        index = self.preset.findData(period.days) if period.end == self._today else -1
        self.preset.setCurrentIndex(index if index >= 0 else self.preset.findData(CUSTOM))
        self._quiet = False
        self.changed.emit(period)


class CardDelegate(QStyledItemDelegate):
    """Draws a board entry as a card: marker, code and name, then owner · actions · trend."""

    HEIGHT = 46

    def sizeHint(self, option, index):  # noqa: N802 - Qt API
        if index.data(KIND_ROLE) == "entry":
            return QSize(option.rect.width(), self.HEIGHT)
        return super().sizeHint(option, index)

    def paint(self, painter: QPainter, option, index):
        if index.data(KIND_ROLE) != "entry" or index.column() != 0:
            return super().paint(painter, option, index)
        painter.save()
        rect = QRectF(option.rect).adjusted(2, 2, -4, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        background = palette.color(QPalette.ColorRole.Highlight if selected else QPalette.ColorRole.Base)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QColor("#b9b9b9"))
        painter.setBrush(background)
        painter.drawRoundedRect(rect, 5, 5)
        status = index.data(STATUS_ROLE)
        painter.fillRect(QRectF(rect.left(), rect.top() + 3, 4, rect.height() - 6), status_color(status))
        paint_marker(painter, QRectF(rect.left() + 9, rect.top() + 6, 20, 20), status)
        text_color = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        painter.setPen(text_color)
        font = QFont(option.font)
        font.setBold(True)
        painter.setFont(font)
        left = rect.left() + 36
        width = rect.width() - 40
        painter.drawText(
            QRectF(left, rect.top() + 3, width, 20),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            option.fontMetrics.elidedText(index.data(), Qt.TextElideMode.ElideRight, int(width)),
        )
        painter.setFont(option.font)
        detail = index.data(DETAIL_ROLE) or ""
        painter.drawText(
            QRectF(left, rect.top() + 22, width, 18),
            Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
            option.fontMetrics.elidedText(detail, Qt.TextElideMode.ElideRight, int(width)),
        )
        painter.restore()


class BoardModel(QStandardItemModel):
    """The board: groups (by status or by stage) of touchpoint rows."""

    COLUMNS = (
        (QT_TRANSLATE_NOOP("TouchpointPanel", "触点"), 200),
        (QT_TRANSLATE_NOOP("TouchpointPanel", "状态"), 70),
        (QT_TRANSLATE_NOOP("TouchpointPanel", "环节"), 60),
        (QT_TRANSLATE_NOOP("TouchpointPanel", "责任岗位"), 80),
        (QT_TRANSLATE_NOOP("TouchpointPanel", "待整改"), 60),
        (QT_TRANSLATE_NOOP("TouchpointPanel", "趋势"), 70),
    )

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHorizontalHeaderLabels([_t("TouchpointPanel", c) for c, _ in self.COLUMNS])

    def fill(self, groups, names: dict[str, str]) -> None:
        self.removeRows(0, self.rowCount())
        for key, entries in groups:
            group_text = status_label(key) if key in st.STATUSES else stage_label(key)
            head = QStandardItem(_t("TouchpointPanel", "{group}（{count}）").format(
                group=group_text, count=len(entries)))
            head.setData("group", KIND_ROLE)
            head.setData(key, STATUS_ROLE if key in st.STATUSES else ID_ROLE)
            if key in st.STATUSES:
                head.setIcon(marker_icon(key))
            font = head.font()
            font.setBold(True)
            head.setFont(font)
            head.setEditable(False)
            blanks = [QStandardItem("") for _ in self.COLUMNS[1:]]
            for blank in blanks:
                blank.setEditable(False)
            self.appendRow([head, *blanks])
            for entry in entries:
                head.appendRow(self._row(entry, names))

    def _row(self, entry: st.BoardEntry, names) -> list[QStandardItem]:
        title = QStandardItem(f"{entry.code} {names.get(entry.touchpoint_id, entry.name)}")
        title.setIcon(marker_icon(entry.status))
        title.setData(entry.touchpoint_id, ID_ROLE)
        title.setData(entry.status, STATUS_ROLE)
        title.setData("entry", KIND_ROLE)
        actions = str(entry.open_actions)
        if entry.overdue_actions:
            actions += " " + _t("TouchpointPanel", "（超期 {n}）").format(n=entry.overdue_actions)
        owner = role_label(entry.role) or _t("TouchpointPanel", "未指定岗位")
        title.setData(
            _t("TouchpointPanel", "{owner} · 待整改 {actions} · 趋势 {trend} · {stage}").format(
                owner=owner,
                actions=actions,
                stage=stage_label(entry.stage),
                trend=trend_text(entry.trend),
            ),
            DETAIL_ROLE,
        )
        cells = [
            title,
            QStandardItem(status_label(entry.status)),
            QStandardItem(stage_label(entry.stage)),
            QStandardItem(owner),
            QStandardItem(actions),
            QStandardItem(trend_text(entry.trend)),
        ]
        for cell in cells:
            cell.setEditable(False)
            cell.setData(entry.touchpoint_id, ID_ROLE)
            cell.setData("entry", KIND_ROLE)
            cell.setData(entry.status, STATUS_ROLE)
        return cells


class TouchpointPanel(QWidget):
    statuses_changed = Signal(dict)
    touchpoint_activated = Signal(str)
    round_requested = Signal(str)
    incident_requested = Signal(str)

    BOARD, DETAILS, COMPARE = 0, 1, 2

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("touchpointPanel")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        self.map_id: str | None = None
        self.touchpoints: list[tps.Touchpoint] = []
        self.statuses: dict[str, str] = {}
        self.assessments: dict[str, st.Assessment] = {}
        self.previous: dict[str, st.Assessment] = {}
        self.current_id: str | None = None
        today = self.clock().date()
        days = settings.get("touchpoints/period_days") if settings else st.DEFAULT_DAYS
        days = days if days in dict(PRESETS) else st.DEFAULT_DAYS

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        title = QLabel(_t("TouchpointPanel", "统计期间"), self)
        layout.addWidget(title)
        self.period_chooser = PeriodChooser(today, days, self)
        layout.addWidget(self.period_chooser)
        self.legend = LegendWidget(self)
        layout.addWidget(self.legend)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("touchpointPanelTabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._build_board(), _t("TouchpointPanel", "看板"))
        self.tabs.addTab(self._build_details(), _t("TouchpointPanel", "原因"))
        self.tabs.addTab(self._build_compare(today), _t("TouchpointPanel", "对比"))

        self.period_chooser.changed.connect(self._period_changed)

    # -- building ------------------------------------------------------------------------
    def _build_board(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        bar = QHBoxLayout()
        self.group_by = QComboBox(page)
        self.group_by.setObjectName("boardGroupBy")
        self.group_by.addItem(_t("TouchpointPanel", "按状态分组"), st.BY_STATUS)
        self.group_by.addItem(_t("TouchpointPanel", "按环节分组"), st.BY_STAGE)
        group = self.settings.get("touchpoints/board_group") if self.settings else st.BY_STATUS
        self.group_by.setCurrentIndex(max(0, self.group_by.findData(group)))
        bar.addWidget(self.group_by)
        self.cards_button = QPushButton(_t("TouchpointPanel", "卡片"), page)
        self.list_button = QPushButton(_t("TouchpointPanel", "列表"), page)
        self.cards_button.setObjectName("boardCards")
        self.list_button.setObjectName("boardList")
        self.mode_group = QButtonGroup(page)
        for button in (self.cards_button, self.list_button):
            button.setCheckable(True)
            self.mode_group.addButton(button)
            bar.addWidget(button)
        bar.addStretch(1)
        layout.addLayout(bar)
        self.board_model = BoardModel(page)
        self.board = QTreeView(page)
        self.board.setObjectName("touchpointBoard")
        self.board.setModel(self.board_model)
        self.board.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.board.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.board.setUniformRowHeights(False)
        self.board.setRootIsDecorated(False)
        self.board.setItemsExpandable(False)
        self.card_delegate = CardDelegate(self.board)
        self.list_delegate = QStyledItemDelegate(self.board)
        layout.addWidget(self.board, 1)
        self.board_empty = QLabel(page)
        self.board_empty.setWordWrap(True)
        self.board_empty.setObjectName("boardEmpty")
        layout.addWidget(self.board_empty)

        mode = self.settings.get("touchpoints/board_mode") if self.settings else "cards"
        (self.list_button if mode == "list" else self.cards_button).setChecked(True)
        self._apply_mode()
        self.group_by.currentIndexChanged.connect(self._group_changed)
        self.mode_group.buttonClicked.connect(self._mode_changed)
        self.board.clicked.connect(self._board_clicked)
        self.board.activated.connect(self._board_clicked)
        return page

    def _build_details(self) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        self.details_title = QLabel(page)
        self.details_title.setObjectName("detailsTitle")
        self.details_title.setWordWrap(True)
        self.details_title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.details_title.font()
        font.setBold(True)
        self.details_title.setFont(font)
        layout.addWidget(self.details_title)
        self.details_info = QLabel(page)
        self.details_info.setObjectName("detailsInfo")
        self.details_info.setWordWrap(True)
        self.details_info.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.details_info)
        self.why_model = QStandardItemModel(page)
        self.why = QTreeView(page)
        self.why.setObjectName("touchpointWhy")
        self.why.setHeaderHidden(True)
        self.why.setModel(self.why_model)
        self.why.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.why.setWordWrap(True)
        self.why.activated.connect(self._why_activated)
        layout.addWidget(self.why, 1)
        self._show_details(None)
        return page

    def _build_compare(self, today: _dt.date) -> QWidget:
        page = QWidget(self)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(QLabel(_t("TouchpointPanel", "之前（对比期）"), page))
        main = self.period_chooser.period()
        self.before_chooser = PeriodChooser(today, main.days, page, presets=False)
        self.before_chooser.setObjectName("beforePeriod")
        self.before_chooser.set_period(main.previous())
        layout.addWidget(self.before_chooser)
        self.after_label = QLabel(page)
        self.after_label.setObjectName("afterPeriod")
        layout.addWidget(self.after_label)
        self.compare_model = QStandardItemModel(page)
        self.compare_view = QTreeView(page)
        self.compare_view.setObjectName("touchpointCompare")
        self.compare_view.setRootIsDecorated(False)
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.compare_view, 1)
        self.compare_detail_model = QStandardItemModel(page)
        self.compare_detail = QTreeView(page)
        self.compare_detail.setObjectName("touchpointCompareDetail")
        self.compare_detail.setRootIsDecorated(False)
        self.compare_detail.setModel(self.compare_detail_model)
        self.compare_detail.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        layout.addWidget(self.compare_detail)
        self.before_chooser.changed.connect(lambda _period: self._fill_compare())
        self.compare_view.clicked.connect(self._compare_clicked)
        return page

    # -- public interface ----------------------------------------------------------------
    @property
    def period(self) -> st.Period:
        return self.period_chooser.period()

    def set_map(self, map_id: str | None) -> None:
        self.map_id = map_id
        self.current_id = None
        self.refresh()

    def refresh(self) -> None:
        """Reads the touchpoints and their facts again and repaints everything."""
        hall_id = current_hall_id(self.store)
        self.period_chooser.set_today(self.clock().date())
        period = self.period
        self._computed: dict[st.Period, dict[str, st.Assessment]] = {}
        if self.map_id and hall_id:
            self.touchpoints = tps.list_touchpoints(self.store, self.map_id)
            self.assessments = self._assess(hall_id, period)
            self.previous = self._assess(hall_id, period.previous())
        else:
            self.touchpoints, self.assessments, self.previous = [], {}, {}
        self.statuses = {tp_id: a.status for tp_id, a in self.assessments.items()}
        self.legend.set_counts(st.counts(self.statuses))
        self._fill_board()
        if self.current_id and self.current_id not in self.assessments:
            self.current_id = None
        self._show_details(self.current_id)
        self._fill_compare()
        self.statuses_changed.emit(dict(self.statuses))

    def show_touchpoint(self, touchpoint_id: str) -> None:
        """Shows why the touchpoint has its colour (a pin was clicked)."""
        if touchpoint_id not in self.assessments:
            self.refresh()
        self.current_id = touchpoint_id if touchpoint_id in self.assessments else None
        self._show_details(self.current_id)
        self._fill_compare_detail()
        self._select_on_board(self.current_id)
        if self.tabs.currentIndex() != self.COMPARE:
            self.tabs.setCurrentIndex(self.DETAILS)

    def entries(self) -> list[st.BoardEntry]:
        """The board's entries (also what the printout lists)."""
        result = []
        for tp in self.touchpoints:
            assessment = self.assessments[tp.id]
            result.append(
                st.BoardEntry(
                    tp.id,
                    tp.code,
                    tp.name,
                    tp.stage,
                    tp.role,
                    assessment.status,
                    assessment.open_actions,
                    assessment.overdue_actions,
                    st.trend(assessment, self.previous.get(tp.id)),
                    assessment.pass_rate,
                )
            )
        return result

    def touchpoint_name(self, tp: tps.Touchpoint) -> str:
        return bilingual(tp.name, tp.name_en, i18n.current())

    # -- internals -----------------------------------------------------------------------
    def _assess(self, hall_id: str, period: st.Period) -> dict[str, st.Assessment]:
        """The assessments of a period, read once per refresh (the period before, for the
        trends, is also the comparison's default)."""
        computed = getattr(self, "_computed", {})
        if period not in computed:
            facts = tps.status_inputs(self.store, hall_id, self.touchpoints, period)
            computed[period] = {tp.id: st.assess(facts[tp.id], period) for tp in self.touchpoints}
        return computed[period]

    def _period_changed(self, period: st.Period) -> None:
        if self.settings and period.end == self.clock().date() and period.days in dict(PRESETS):
            self.settings.set("touchpoints/period_days", period.days)
        self.before_chooser.set_period(period.previous())
        self.refresh()

    def _fill_board(self) -> None:
        names = {tp.id: self.touchpoint_name(tp) for tp in self.touchpoints}
        self.board_model.fill(st.group_board(self.entries(), self.group_by.currentData()), names)
        self.board.expandAll()
        for row in range(self.board_model.rowCount()):
            self.board.setFirstColumnSpanned(row, QModelIndex(), True)
        if not self.map_id:
            self.board_empty.setText(_t("TouchpointPanel", "还没有平面图。"))
        elif not self.touchpoints:
            self.board_empty.setText(
                _t("TouchpointPanel", "还没有触点：在左侧工具中选“触点”，再在图上点一下即可添加。")
            )
        else:
            self.board_empty.setText("")
        self.board_empty.setVisible(bool(self.board_empty.text()))
        self._select_on_board(self.current_id)

    def _apply_mode(self) -> None:
        cards = self.cards_button.isChecked()
        self.board.setItemDelegate(self.card_delegate if cards else self.list_delegate)
        self.board.setHeaderHidden(cards)
        for column in range(1, len(BoardModel.COLUMNS)):
            self.board.setColumnHidden(column, cards)
        header = self.board.header()
        header.setStretchLastSection(cards)
        if cards:
            header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        else:
            # Every column as wide as its text; a narrow panel scrolls sideways.
            header.setStretchLastSection(False)
            for column in range(len(BoardModel.COLUMNS)):
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.board.scheduleDelayedItemsLayout()

    def _mode_changed(self) -> None:
        if self.settings:
            self.settings.set(
                "touchpoints/board_mode", "cards" if self.cards_button.isChecked() else "list"
            )
        self._apply_mode()

    def _group_changed(self) -> None:
        if self.settings:
            self.settings.set("touchpoints/board_group", self.group_by.currentData())
        self._fill_board()

    def _board_clicked(self, index: QModelIndex) -> None:
        if index.data(KIND_ROLE) != "entry":
            return
        touchpoint_id = index.data(ID_ROLE)
        self.current_id = touchpoint_id
        self._show_details(touchpoint_id)
        self._fill_compare_detail()
        self.touchpoint_activated.emit(touchpoint_id)

    def _select_on_board(self, touchpoint_id: str | None) -> None:
        selection = self.board.selectionModel()
        if touchpoint_id is None:
            selection.clearSelection()
            return
        for row in range(self.board_model.rowCount()):
            head = self.board_model.item(row)
            for child in range(head.rowCount()):
                if head.child(child).data(ID_ROLE) == touchpoint_id:
                    index = head.child(child).index()
                    self.board.setCurrentIndex(index)
                    self.board.scrollTo(index)
                    return

    def _touchpoint(self, touchpoint_id: str | None) -> tps.Touchpoint | None:
        return next((tp for tp in self.touchpoints if tp.id == touchpoint_id), None)

    def _show_details(self, touchpoint_id: str | None) -> None:
        self.why_model.clear()
        tp = self._touchpoint(touchpoint_id)
        if tp is None:
            self.details_title.setText(_t("TouchpointPanel", "在图上或看板中点一个触点，查看它为什么是这个颜色。"))
            self.details_info.setText("")
            return
        assessment = self.assessments[tp.id]
        self.details_title.setText(
            f"{tp.code} {self.touchpoint_name(tp)} — {status_label(assessment.status)}"
        )
        standard = bilingual(tp.standard, tp.standard_en, i18n.current())
        lines = [
            _t("TouchpointPanel", "环节：{stage}").format(stage=stage_label(tp.stage)),
            _t("TouchpointPanel", "责任岗位：{role}").format(role=role_label(tp.role) or "—"),
            _t("TouchpointPanel", "满意度要素：{element}").format(
                element=element_label(tp.element) or "—"
            ),
            _t("TouchpointPanel", "服务标准：{standard}").format(standard=standard or "—"),
            _t("TouchpointPanel", "期间：{period}").format(period=assessment.period.label()),
        ]
        self.details_info.setText("\n".join(lines))
        root = self.why_model.invisibleRootItem()
        language = i18n.current()
        for reason in assessment.reasons:
            head = QStandardItem(marker_icon(reason.status), reason.message.render(_t))
            head.setData("reason", KIND_ROLE)
            head.setData(reason.status, STATUS_ROLE)
            root.appendRow(head)
            shown_rounds = reason.rounds[-MAX_LISTED:]  # the latest ones
            if len(reason.rounds) > len(shown_rounds):
                more = QStandardItem(
                    _t("TouchpointPanel", "……更早的 {count} 次未列出").format(
                        count=len(reason.rounds) - len(shown_rounds)
                    )
                )
                more.setData("more", KIND_ROLE)
                head.appendRow(more)
            for fact in shown_rounds:
                text = _t("TouchpointPanel", "{date} {round}：{item} — {result}").format(
                    date=fact.round_date.isoformat(),
                    round=bilingual(fact.round_name, fact.round_name_en, language),
                    item=bilingual(fact.item_text, fact.item_text_en, language),
                    result=_t("Inspection", RESULTS.get(fact.result, fact.result)),
                )
                if fact.result == "fail":
                    text += _t("TouchpointPanel", "（{severity}）").format(
                        severity=_t("Inspection", SEVERITIES.get(fact.severity, fact.severity))
                    )
                if fact.note:
                    text += f" · {fact.note[:120]}"
                child = QStandardItem(text)
                child.setData("round", KIND_ROLE)
                child.setData(fact.round_id, ID_ROLE)
                child.setToolTip(text)
                head.appendRow(child)
            for action in reason.actions:
                overdue = action.overdue_at(assessment.period.end)
                text = _t("TouchpointPanel", "整改：{title}，{date} 发现，{due} 到期").format(
                    title=bilingual(action.title, action.title_en, language),
                    date=action.found_on.isoformat(),
                    due=action.due_date.isoformat(),
                )
                if overdue:
                    text += _t("TouchpointPanel", "（已超期）")
                if action.owner:
                    text += _t("TouchpointPanel", "，负责人 {owner}").format(owner=action.owner)
                if action.round_name:
                    text += f" · {bilingual(action.round_name, action.round_name_en, language)}"
                child = QStandardItem(text)
                child.setData("action", KIND_ROLE)
                child.setData(action.action_id, ID_ROLE)
                child.setToolTip(text)
                head.appendRow(child)
            for incident in reason.incidents:
                state = (
                    _t("TouchpointPanel", "未结束") if incident.open_at_end
                    else _t("TouchpointPanel", "已结束")
                )
                text = _t("TouchpointPanel", "{date} {title}（{state}）").format(
                    date=incident.started_on.isoformat(),
                    title=bilingual(incident.title, incident.title_en, language), state=state)
                child = QStandardItem(text)
                child.setData("incident", KIND_ROLE)
                child.setData(incident.incident_id, ID_ROLE)
                child.setToolTip(text)
                head.appendRow(child)
        linked = assessment.facts.linked_items
        if linked:
            head = QStandardItem(
                _t("TouchpointPanel", "关联的巡检项目（{count}）").format(count=len(linked))
            )
            head.setData("linked", KIND_ROLE)
            root.appendRow(head)
            for key, text, text_en in linked:
                child = QStandardItem(f"{key} {bilingual(text, text_en, language)}")
                child.setData("item", KIND_ROLE)
                head.appendRow(child)
        self.why.expandAll()

    def _fill_compare(self) -> None:
        after = self.period
        before = self.before_chooser.period()
        self.after_label.setText(
            _t("TouchpointPanel", "之后（统计期间）：{period}").format(period=after.label())
        )
        self.compare_model.clear()
        self.compare_model.setHorizontalHeaderLabels(
            [
                _t("TouchpointPanel", "触点"),
                _t("TouchpointPanel", "之前"),
                _t("TouchpointPanel", "之后"),
                _t("TouchpointPanel", "变化"),
            ]
        )
        self.before: dict[str, st.Assessment] = {}
        hall_id = current_hall_id(self.store)
        if self.touchpoints and hall_id:
            self.before = self._assess(hall_id, before)
        for tp in self.touchpoints:
            old, new = self.before[tp.id], self.assessments[tp.id]
            rows = st.compare(old, new, status_label)
            change = rows[0].change or rows[1].change
            cells = [
                QStandardItem(f"{tp.code} {self.touchpoint_name(tp)}"),
                QStandardItem(marker_icon(old.status), _short(old)),
                QStandardItem(marker_icon(new.status), _short(new)),
                QStandardItem(trend_text(change)),
            ]
            cells[0].setToolTip(cells[0].text())
            for cell in cells:
                cell.setData(tp.id, ID_ROLE)
            self.compare_model.appendRow(cells)
        # The name column gives way (names are elided, shown whole as tooltips) so the
        # before / after / change columns stay in sight in a narrow panel.
        for column in (1, 2, 3):
            self.compare_view.resizeColumnToContents(column)
        self.compare_view.setColumnWidth(0, min(130, self.compare_view.sizeHintForColumn(0)))
        self._fill_compare_detail()

    def _fill_compare_detail(self) -> None:
        self.compare_detail_model.clear()
        self.compare_detail_model.setHorizontalHeaderLabels(
            [
                _t("TouchpointPanel", "指标"),
                _t("TouchpointPanel", "之前"),
                _t("TouchpointPanel", "之后"),
                _t("TouchpointPanel", "变化"),
            ]
        )
        tp_id = self.current_id
        before = getattr(self, "before", {})
        if tp_id not in self.assessments or tp_id not in before:
            self.compare_detail.setVisible(False)
            return
        self.compare_detail.setVisible(True)
        for row in st.compare(before[tp_id], self.assessments[tp_id], status_label):
            self.compare_detail_model.appendRow(
                [
                    QStandardItem(_t("TouchpointStatus", row.label)),
                    QStandardItem(row.before),
                    QStandardItem(row.after),
                    QStandardItem(trend_text(row.change)),
                ]
            )
        for column in range(4):
            self.compare_detail.resizeColumnToContents(column)

    def _why_activated(self, index: QModelIndex) -> None:
        kind, target = index.data(KIND_ROLE), index.data(ID_ROLE)
        if kind == "round" and target:
            self.round_requested.emit(target)
        elif kind == "incident" and target:
            self.incident_requested.emit(target)

    def _compare_clicked(self, index: QModelIndex) -> None:
        touchpoint_id = index.data(ID_ROLE)
        if touchpoint_id:
            self.current_id = touchpoint_id
            self._show_details(touchpoint_id)
            self._fill_compare_detail()
            self.touchpoint_activated.emit(touchpoint_id)
