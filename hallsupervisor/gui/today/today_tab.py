"""今日 Today: the hall's day at a glance, rebuilt from the database every minute."""

from __future__ import annotations

import datetime as _dt
import time
from typing import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain import QT_TRANSLATE_NOOP
from hallsupervisor.domain import today as today_model
from hallsupervisor.domain.hall import ROLES
from hallsupervisor.gui import fonts, i18n
from hallsupervisor.gui.settings import Settings
from hallsupervisor.storage import backup, halls

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

CTX = "TodayTab"

# Every state has a shape and a word as well as a colour: grey printers, colour-blind eyes.
STATE_LOOK = {
    today_model.LATE: ("▲", QT_TRANSLATE_NOOP("TodayTab", "逾期"), "#b3261e"),
    today_model.WARN: ("◆", QT_TRANSLATE_NOOP("TodayTab", "注意"), "#9a5b00"),
    today_model.DUE: ("◇", QT_TRANSLATE_NOOP("TodayTab", "待办"), "#7a4f00"),
    today_model.NOW: ("●", QT_TRANSLATE_NOOP("TodayTab", "进行中"), "#1f5fbf"),
    today_model.OPEN: ("○", QT_TRANSLATE_NOOP("TodayTab", "未完成"), "#6b4fa0"),
    today_model.OK: ("✓", QT_TRANSLATE_NOOP("TodayTab", "正常"), "#1b7a3a"),
    today_model.INFO: ("■", QT_TRANSLATE_NOOP("TodayTab", "信息"), "#5f6368"),
}
REFRESH_MS = 60_000
STALE_SECONDS = 5


def _emphasised(font: QFont, factor: float) -> QFont:
    """Bold and larger in proportion to the user's font, so 150% scaling keeps the ratio."""
    result = fonts.scaled(font, factor)
    result.setBold(True)
    return result


class SectionCard(QFrame):
    """One section of the day: a title and its items, each with a state badge."""

    def __init__(self, section: today_model.TodaySection, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName(f"section_{section.key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        title = QLabel(i18n.text(section.title), self)
        title.setObjectName("sectionTitle")
        title.setFont(_emphasised(title.font(), 1.2))
        layout.addWidget(title)
        for item in section.items:
            layout.addLayout(self._item_row(item))

    def _item_row(self, item: today_model.TodayItem) -> QHBoxLayout:
        shape, word, colour = STATE_LOOK[item.state]
        row = QHBoxLayout()
        badge = QLabel(f"{shape} {_t(CTX, word)}", self)
        badge.setObjectName(f"badge_{item.state}")
        badge.setStyleSheet(f"color: {colour}; font-weight: bold;")
        badge.setMinimumWidth(badge.fontMetrics().horizontalAdvance("▲ 进行中 ") + 8)
        badge.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        row.addWidget(badge)
        texts = QVBoxLayout()
        main = QLabel(i18n.text(item.text), self)
        main.setWordWrap(True)
        main.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        texts.addWidget(main)
        if item.detail is not None:
            detail = QLabel(i18n.text(item.detail), self)
            detail.setWordWrap(True)
            detail.setStyleSheet("color: #5f6368;")
            texts.addWidget(detail)
        row.addLayout(texts, 1)
        return row


class TodayTab(QWidget):
    def __init__(
        self,
        store,
        settings: Settings,
        parent: QWidget | None = None,
        clock: Callable[[], _dt.datetime] = _dt.datetime.now,
    ):
        super().__init__(parent)
        self.setObjectName("todayTab")
        self.store = store
        self.settings = settings
        self.clock = clock

        outer = QVBoxLayout(self)
        header = QHBoxLayout()
        titles = QVBoxLayout()
        self.hall_label = QLabel(self)
        self.hall_label.setObjectName("hallName")
        self.hall_label.setFont(_emphasised(self.hall_label.font(), 1.7))
        self.date_label = QLabel(self)
        self.date_label.setObjectName("dateLabel")
        titles.addWidget(self.hall_label)
        titles.addWidget(self.date_label)
        header.addLayout(titles, 1)
        self.updated_label = QLabel(self)
        self.updated_label.setStyleSheet("color: #5f6368;")
        header.addWidget(self.updated_label, 0, Qt.AlignmentFlag.AlignBottom)
        outer.addLayout(header)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("todaySplitter")
        self.splitter.setChildrenCollapsible(False)
        scroll = QScrollArea(self.splitter)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sections_widget = QWidget(scroll)
        self.sections_layout = QVBoxLayout(self.sections_widget)
        self.sections_layout.addStretch(1)
        scroll.setWidget(self.sections_widget)

        side = QWidget(self.splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self._side_title(_t("TodayTab", "员工")))
        self.staff_model = QStandardItemModel(self)
        self.staff_view = self._side_table(self.staff_model, "staffView")
        side_layout.addWidget(self.staff_view, 3)
        side_layout.addWidget(self._side_title(_t("TodayTab", "窗口与业务")))
        self.counter_model = QStandardItemModel(self)
        self.counter_view = self._side_table(self.counter_model, "counterView")
        side_layout.addWidget(self.counter_view, 2)
        self.backup_label = QLabel(side)
        self.backup_label.setObjectName("backupLabel")
        self.backup_label.setWordWrap(True)
        side_layout.addWidget(self.backup_label)
        self.splitter.addWidget(scroll)
        self.splitter.addWidget(side)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        scroll.setMinimumWidth(320)
        side.setMinimumWidth(240)
        state = settings.get("today/splitter")
        if state.isEmpty() or not self.splitter.restoreState(state):
            self.splitter.setSizes([620, 420])
        outer.addWidget(self.splitter, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.refresh()

    def _side_title(self, text: str) -> QLabel:
        label = QLabel(text, self)
        label.setStyleSheet("font-weight: bold;")
        return label

    def _side_table(self, model: QStandardItemModel, name: str) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.setWordWrap(False)
        return view

    def save_state(self) -> None:
        self.settings.set("today/splitter", self.splitter.saveState())

    def showEvent(self, event) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        # Coming back to Today shows the latest; right after it was built there is no need.
        if time.monotonic() - self._refreshed_at > STALE_SECONDS:
            self.refresh()

    # -- content ----------------------------------------------------------------------------
    def refresh(self) -> None:
        self._refreshed_at = time.monotonic()
        now = self.clock()
        profile = halls.load_profile(self.store)
        self.date_label.setText(i18n.text(today_model.date_heading(now.date())))
        self.updated_label.setText(
            _t("TodayTab", "更新于 {time}").format(time=now.strftime("%H:%M"))
        )
        self._clear_sections()
        if profile is None:
            self.hall_label.setText(_t("TodayTab", "尚未设置营业厅"))
            return
        kind = i18n.text(today_model.kind_label(profile.kind))
        self.hall_label.setText(profile.name)
        self.date_label.setText(
            " · ".join(
                p
                for p in (i18n.text(today_model.date_heading(now.date())), kind, profile.region)
                if p
            )
        )
        for section in today_model.build_today(self.store, profile, now, i18n.current()):
            card = SectionCard(section, self.sections_widget)
            self.sections_layout.insertWidget(self.sections_layout.count() - 1, card)
        self._fill_side(profile, now)

    def _clear_sections(self) -> None:
        while self.sections_layout.count() > 1:
            widget = self.sections_layout.takeAt(0).widget()
            if widget is not None:
                widget.setParent(None)
                widget.deleteLater()

    def section_titles(self) -> list[str]:
        return [
            w.findChild(QLabel, "sectionTitle").text()
            for w in self.sections_widget.findChildren(SectionCard)
        ]

    def _fill_side(self, profile, now: _dt.datetime) -> None:
        names = {b.code: b.display_name(i18n.current()) for b in profile.business_types}
        self.staff_model.clear()
        self.staff_model.setHorizontalHeaderLabels(
            [_t("TodayTab", "姓名"), _t("TodayTab", "岗位"), _t("TodayTab", "技能")]
        )
        for member in profile.staff:
            role = QCoreApplication.translate("Hall", ROLES.get(member.role, member.role))
            skills = QCoreApplication.translate("Message", "、").join(
                names.get(code, code) for code in member.skills
            )
            self.staff_model.appendRow(
                [QStandardItem(member.name), QStandardItem(role), QStandardItem(skills)]
            )
        self.counter_model.clear()
        self.counter_model.setHorizontalHeaderLabels(
            [_t("TodayTab", "窗口"), _t("TodayTab", "可办理业务")]
        )
        for counter in profile.counters:
            served = QCoreApplication.translate("Message", "、").join(
                names.get(code, code) for code in counter.business_types
            )
            self.counter_model.appendRow([QStandardItem(counter.label), QStandardItem(served)])
        latest = backup.list_backups(self.store.path)
        if latest:
            taken = latest[0].taken_at
            self.backup_label.setText(
                _t("TodayTab", "最近一次备份：{time}").format(time=f"{taken:%Y-%m-%d %H:%M}")
            )
            # A backup more than two days old means backups are failing: say it in red.
            stale = (now - taken).days >= 2
            self.backup_label.setStyleSheet("color: #b3261e; font-weight: bold;" if stale else "")
        else:
            self.backup_label.setText(
                _t("TodayTab", "还没有备份。每天第一次打开软件时会自动备份。")
            )
