"""现场 Live queue: the queue now by business type and the counters open; the last person's
expected wait, advice to open or close counters naming free skilled staff, and a link to the
sudden-surge playbook when the queue passes the threshold. Every change is stored at once.
"""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.staffing import live
from hallsupervisor.domain.staffing.requirement import pool_label
from hallsupervisor.gui import i18n
from hallsupervisor.storage import staffing as records

_t = QCoreApplication.translate

ACTION_COLOUR = {live.OPEN: "#b3261e", live.CLOSE: "#1f5fbf", live.KEEP: "#1b7a3a"}


class LivePage(QWidget):
    changed = Signal()
    playbook_requested = Signal(str)

    def __init__(self, tab, parent=None):
        super().__init__(parent)
        self.setObjectName("staffingLivePage")
        self.tab = tab
        self._loading = False
        layout = QHBoxLayout(self)
        left = QVBoxLayout()
        self.time_label = QLabel(self)
        self.time_label.setObjectName("liveTime")
        left.addWidget(self.time_label)
        queue_box = QGroupBox(_t("StaffingTab", "现在排队的人数"), self)
        queue_layout = QVBoxLayout(queue_box)
        self.queue = QTableWidget(0, 2, queue_box)
        self.queue.setObjectName("liveQueue")
        self.queue.setHorizontalHeaderLabels(
            [_t("StaffingTab", "业务类型"), _t("StaffingTab", "排队人数")]
        )
        self.queue.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.queue.verticalHeader().setVisible(False)
        # Tab goes from one count to the next: the cells' own widgets take the focus.
        self.queue.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue.setTabKeyNavigation(False)
        queue_layout.addWidget(self.queue)
        self.from_tickets = QPushButton(_t("StaffingTab", "按取号机读取现在的排队人数"), queue_box)
        self.from_tickets.setObjectName("queueFromTicketsButton")
        self.from_tickets.setToolTip(
            _t("StaffingTab", "今天已取号、还没有叫号的人数，按业务类型填入上表。")
        )
        self.from_tickets.clicked.connect(self.read_from_tickets)
        queue_layout.addWidget(self.from_tickets)
        left.addWidget(queue_box, 1)
        counter_box = QGroupBox(_t("StaffingTab", "开放的窗口与在岗人员"), self)
        counter_layout = QVBoxLayout(counter_box)
        self.counters = QTableWidget(0, 3, counter_box)
        self.counters.setObjectName("liveCounters")
        self.counters.setHorizontalHeaderLabels(
            [_t("StaffingTab", "窗口"), _t("StaffingTab", "开放"), _t("StaffingTab", "在岗人员")]
        )
        self.counters.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.counters.verticalHeader().setVisible(False)
        self.counters.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.counters.setTabKeyNavigation(False)
        counter_layout.addWidget(self.counters)
        left.addWidget(counter_box, 1)
        layout.addLayout(left, 1)
        right = QVBoxLayout()
        advice_box = QGroupBox(_t("StaffingTab", "建议"), self)
        advice_layout = QVBoxLayout(advice_box)
        self.total_label = QLabel(advice_box)
        self.total_label.setObjectName("liveTotal")
        advice_layout.addWidget(self.total_label)
        self.advice = QLabel(advice_box)
        self.advice.setObjectName("liveAdvice")
        self.advice.setWordWrap(True)
        self.advice.setTextFormat(Qt.TextFormat.RichText)
        self.advice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        advice_layout.addWidget(self.advice, 1)
        self.free_label = QLabel(advice_box)
        self.free_label.setObjectName("liveFree")
        self.free_label.setWordWrap(True)
        advice_layout.addWidget(self.free_label)
        self.surge_button = QPushButton(_t("StaffingTab", "排队已超过阈值：打开“突发客流”处置预案"), advice_box)
        self.surge_button.setObjectName("surgePlaybookButton")
        self.surge_button.setMinimumHeight(40)
        self.surge_button.setStyleSheet("background: #b3261e; color: white; font-weight: bold;")
        self.surge_button.setVisible(False)
        self.surge_button.clicked.connect(lambda: self.playbook_requested.emit(live.SURGE_PLAYBOOK))
        advice_layout.addWidget(self.surge_button)
        right.addWidget(advice_box, 1)
        layout.addLayout(right, 1)
        self.last_advice: live.LiveAdvice | None = None

    # -- building the grids ----------------------------------------------------------------------------
    def refresh(self) -> None:
        profile = self.tab.profile()
        if profile is None:
            return
        now = self.tab.clock()
        self.time_label.setText(_t("StaffingTab", "现在：{time}").format(time=now.strftime("%Y-%m-%d %H:%M")))
        snapshot = records.latest_live(self.tab.store, self.tab.hall_id(), now.date()) or {}
        waiting = snapshot.get("waiting", {})
        opened = snapshot.get("counters_open", {})
        self._loading = True
        self.queue.setRowCount(len(profile.business_types))
        for row, business in enumerate(profile.business_types):
            item = QTableWidgetItem(business.display_name(i18n.current()))
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            item.setData(Qt.ItemDataRole.UserRole, business.code)
            self.queue.setItem(row, 0, item)
            spin = QSpinBox(self.queue)
            spin.setObjectName(f"waiting_{business.code}")
            spin.setRange(0, 999)
            spin.setValue(int(waiting.get(business.code, 0)))
            spin.valueChanged.connect(self._edited)
            self.queue.setCellWidget(row, 1, spin)
        on_shift = self.on_shift_now()
        self.counters.setRowCount(len(profile.counters))
        for row, counter in enumerate(profile.counters):
            item = QTableWidgetItem(counter.label)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.counters.setItem(row, 0, item)
            box = QCheckBox(self.counters)
            box.setObjectName(f"open_{row}")
            box.setChecked(counter.label in opened)
            box.toggled.connect(self._edited)
            self.counters.setCellWidget(row, 1, box)
            combo = QComboBox(self.counters)
            combo.setObjectName(f"staff_{row}")
            combo.addItem("—", "")
            for member in profile.staff:
                mark = "" if member.id in on_shift else _t("StaffingTab", "（不在班）")
                combo.addItem(member.name + mark, member.id)
            combo.setCurrentIndex(max(0, combo.findData(opened.get(counter.label) or "")))
            combo.currentIndexChanged.connect(self._edited)
            self.counters.setCellWidget(row, 2, combo)
        self._loading = False
        # Keys walk the page in reading order: counts, the ticket-machine button, counters,
        # then the surge button when it shows.
        chain = [self.queue.cellWidget(r, 1) for r in range(self.queue.rowCount())]
        chain.append(self.from_tickets)
        for r in range(self.counters.rowCount()):
            chain += [self.counters.cellWidget(r, 1), self.counters.cellWidget(r, 2)]
        chain.append(self.surge_button)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        editable = not self.tab.store.read_only
        for table in (self.queue, self.counters):
            table.setEnabled(editable)
        self.from_tickets.setEnabled(editable)
        self.update_advice()

    def read_from_tickets(self) -> None:
        """Fills the queue from the ticket machine's log: issued today, not called yet."""
        waiting = records.waiting_from_tickets(self.tab.store, self.tab.hall_id(), self.tab.clock())
        self._loading = True
        for row in range(self.queue.rowCount()):
            code = self.queue.item(row, 0).data(Qt.ItemDataRole.UserRole)
            self.queue.cellWidget(row, 1).setValue(int(waiting.get(code, 0)))
        self._loading = False
        self._edited()

    def on_shift_now(self) -> set[str]:
        now = self.tab.clock()
        shifts = records.shifts_on(self.tab.store, self.tab.hall_id(), now.date())
        return {s.staff_id for s in shifts if s.working_at(now.strftime("%H:%M"))}

    def waiting(self) -> dict[str, int]:
        result = {}
        for row in range(self.queue.rowCount()):
            code = self.queue.item(row, 0).data(Qt.ItemDataRole.UserRole)
            result[code] = self.queue.cellWidget(row, 1).value()
        return result

    def open_counters(self) -> dict[str, str | None]:
        result = {}
        for row in range(self.counters.rowCount()):
            if self.counters.cellWidget(row, 1).isChecked():
                staff = self.counters.cellWidget(row, 2).currentData()
                result[self.counters.item(row, 0).text()] = staff or None
        return result

    def _edited(self) -> None:
        if self._loading or self.tab.store.read_only:
            return
        records.record_live(
            self.tab.store, self.tab.hall_id(), self.tab.clock(), self.waiting(), self.open_counters()
        )
        self.update_advice()
        self.changed.emit()

    # -- advice --------------------------------------------------------------------------------------
    def update_advice(self) -> None:
        profile = self.tab.profile()
        analysis = self.tab.analysis()
        now = self.tab.clock()
        shifts = records.shifts_on(self.tab.store, self.tab.hall_id(), now.date())
        advice = live.advise(
            profile,
            self.waiting(),
            self.open_counters(),
            analysis.handling if analysis else {},
            self.tab.settings_value(),
            shifts,
            now,
        )
        self.last_advice = advice
        names = {b.code: b.display_name(i18n.current()) for b in profile.business_types}
        self.total_label.setText(
            _t("StaffingTab", "共 {n} 人排队，开放 {c} 个窗口。").format(
                n=advice.total_waiting, c=len(self.open_counters())
            )
        )
        parts = []
        for pool in advice.pools:
            wait = (
                _t("StaffingTab", "无窗口开放")
                if math.isinf(pool.last_wait_minutes)
                else _t("StaffingTab", "{m:.0f} 分钟").format(m=pool.last_wait_minutes)
            )
            colour = ACTION_COLOUR[pool.action]
            head = _t("StaffingTab", "{pool}：{n} 人排队，{c} 个窗口，队尾预计等候 {wait}").format(
                pool=pool_label(pool.pool.key, names, _t("Message", "、")),
                n=pool.waiting,
                c=len(pool.open_counters),
                wait=wait,
            )
            body = i18n.text(pool.message) if pool.message else ""
            parts.append(
                f"<p><b>{html.escape(head)}</b><br/><span style='color:{colour}'>{html.escape(body)}</span></p>"
            )
        self.advice.setText("".join(parts) or _t("StaffingTab", "请填写现在各业务的排队人数和开放的窗口。"))
        self.free_label.setText(
            _t("StaffingTab", "按今天的排班，现在空闲的在班人员：{names}").format(
                names=_t("Message", "、").join(advice.free_staff) or "—"
            )
        )
        self.surge_button.setVisible(advice.surge)
