"""处置中 Running incidents: the large, high-contrast, keyboard-first view of open runs.

Every open incident of the hall is listed on the left (several can run at once); the chosen
one fills the rest: its clock since the start, the timers of its time targets and repeating
prompts, the steps (immediate ones first) and, beside them, what to say for the current step,
the roles now, do-nots, contacts, the announcements and the media holding line, and the
latest notes. Every key press that changes the run appends one line to its log, committed at
once (storage.incidents); the view is rebuilt from the log, so a run cut off by a crash
reopens exactly where it was.

Keys on the step list: Space/Enter done · S skip (with a reason) · Backspace reopen ·
T done earlier (asks when) · N note · P person · R role/hand-over (and when) · A acknowledge
the most urgent timer (or double-click a timer) · B announcement · M media holding line ·
L place and touchpoint · + (or Insert) add a step · F6/Shift+F6 next/previous open incident ·
Ctrl+Enter close ·
Ctrl+Z/Ctrl+Shift+Z undo and redo a tick or skip (each undo and redo is itself a log line: the log is never rewritten).
"""

from __future__ import annotations

import datetime as _dt
import html

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFont,
    QFontMetrics,
    QKeySequence,
    QUndoCommand,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.incidents import run
from hallsupervisor.gui import i18n
from hallsupervisor.gui.incidents.run_dialogs import (
    CloseDialog,
    DoneAtDialog,
    PersonDialog,
    PlaceDialog,
    RoleDialog,
    StartDialog,
    TextDialog,
    role_name,
    step_label,
)
from hallsupervisor.storage import halls
from hallsupervisor.storage import incidents as records
from hallsupervisor.storage.playbooks import hall_contacts

_t = QCoreApplication.translate

INCIDENT_ID = Qt.ItemDataRole.UserRole
STEP_ID = Qt.ItemDataRole.UserRole + 1
TIMER_KEY = Qt.ItemDataRole.UserRole + 2

# High contrast: white on black, the current step black on yellow; a state always has a
# mark as well as a colour.
BACKGROUND = "#000000"
INK = "#ffffff"
HIGHLIGHT = "#ffd400"
DONE_INK = "#6fe08a"
SKIP_INK = "#b0b0b0"
LATE_INK = "#ff6b5e"
STYLE = f"""
#runPage, #runPage QListWidget, #runPage QTextBrowser {{
    background: {BACKGROUND}; color: {INK};
}}
#runPage QLabel {{ color: {INK}; }}
#runPage QListWidget::item:selected {{ background: {HIGHLIGHT}; color: #000000; }}
#runPage QListWidget {{ border: 2px solid #555555; }}
#runPage QPushButton {{
    background: #222222; color: {INK}; border: 2px solid #888888; padding: 6px 10px;
    font-size: 15px;
}}
#runPage QPushButton:focus {{ border-color: {HIGHLIGHT}; }}
#drillBadge {{ background: {HIGHLIGHT}; color: #000000; padding: 2px 8px; font-weight: bold; }}
"""
TIMER_LOOK = {
    run.OVERDUE: ("▲", LATE_INK),
    run.DUE_SOON: ("●", HIGHLIGHT),
    run.RUNNING: ("○", INK),
    run.MET: ("✓", DONE_INK),
}


def _font(size: int, bold: bool = False) -> QFont:
    font = QFont()
    font.setPixelSize(size)
    font.setBold(bold)
    return font


class StepList(QListWidget):
    """The steps; single keys act on the current one (the view decides what they do)."""

    keyCommand = Signal(str)  # noqa: N815 - Qt naming

    KEYS = {
        Qt.Key.Key_Space: "done",
        Qt.Key.Key_Return: "done",
        Qt.Key.Key_Enter: "done",
        Qt.Key.Key_S: "skip",
        Qt.Key.Key_Backspace: "reopen",
        Qt.Key.Key_N: "note",
        Qt.Key.Key_P: "person",
        Qt.Key.Key_R: "role",
        Qt.Key.Key_A: "acknowledge",
        Qt.Key.Key_B: "announce",
        Qt.Key.Key_M: "media",
        Qt.Key.Key_L: "place",
        Qt.Key.Key_T: "done_at",
        Qt.Key.Key_F6: "next_incident",
        Qt.Key.Key_Plus: "add",
        Qt.Key.Key_Insert: "add",
    }

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt override
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        command = self.KEYS.get(event.key())
        if command and modifiers in (Qt.KeyboardModifier.NoModifier,
                                     Qt.KeyboardModifier.ShiftModifier):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and modifiers:
                return super().keyPressEvent(event)
            if event.key() == Qt.Key.Key_F6 and modifiers:
                command = "previous_incident"
            self.keyCommand.emit(command)
            event.accept()
            return
        super().keyPressEvent(event)


class StepDelegate(QStyledItemDelegate):
    """Draws a step wrapped over as many lines as it needs, the current one black on yellow.

    The standard delegate measures and draws wrapped CJK text with different widths and can
    drop the end of a long step; here both use the same rectangle and flags."""

    FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    PAD = 4

    def __init__(self, view: QListWidget):
        super().__init__(view)
        self.view = view

    def _width(self) -> int:
        return max(120, self.view.viewport().width() - 2 * self.view.spacing() - 2 * self.PAD)

    def sizeHint(self, option, index):  # noqa: N802 - Qt override
        font = index.data(Qt.ItemDataRole.FontRole) or option.font
        metrics = QFontMetrics(font)
        text = index.data(Qt.ItemDataRole.DisplayRole) or ""
        rect = metrics.boundingRect(QRect(0, 0, self._width(), 100_000), self.FLAGS, text)
        return QSize(self._width(), rect.height() + 2 * self.PAD)

    def paint(self, painter, option, index) -> None:
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, QColor(HIGHLIGHT))
            painter.setPen(QColor("#000000"))
        else:
            brush = index.data(Qt.ItemDataRole.ForegroundRole)
            painter.setPen(brush.color() if brush is not None else QColor(INK))
        painter.setFont(index.data(Qt.ItemDataRole.FontRole) or option.font)
        area = option.rect.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        painter.drawText(area, self.FLAGS, index.data(Qt.ItemDataRole.DisplayRole) or "")
        painter.restore()


class _StepCommand(QUndoCommand):
    """A tick or skip; undo logs a reopen, redo logs the tick or skip again."""

    def __init__(self, view: "RunView", incident_id: str, step_id: str, kind: str,
                 reason: str, happened_at: _dt.datetime, label: str):
        super().__init__(label)
        self.view, self.incident_id, self.step_id = view, incident_id, step_id
        self.kind, self.reason, self.happened_at = kind, reason, happened_at
        self.first = True

    def redo(self) -> None:
        now = self.view.now()
        happened = self.happened_at if self.first else now
        self.first = False
        records.log(self.view.store, self.incident_id, self.kind, step_id=self.step_id,
                    reason=self.reason, happened_at=happened, entered_at=now)
        self.view.after_change(self.incident_id, self.step_id)

    def undo(self) -> None:
        records.reopen(self.view.store, self.incident_id, self.step_id,
                       entered_at=self.view.now())
        self.view.after_change(self.incident_id, self.step_id, stay=True)


class RunView(QWidget):
    """Every open incident of the hall; one of them shown large at a time."""

    changed = Signal()

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("runView")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        self.hall_id = store.hall_id or halls.current_hall_id(store)
        self.incident = None
        self.state: run.RunState | None = None
        self._open: dict = {}
        self.undo_stacks: dict[str, QUndoStack] = {}
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick_clock)
        self._timer.start()
        self.refresh()

    # -- building -----------------------------------------------------------------------
    def _build(self) -> None:
        self.setStyleSheet(STYLE)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        left = QVBoxLayout()
        heading = QLabel(_t("Incidents", "进行中的事件"), self)
        heading.setFont(_font(15, True))
        left.addWidget(heading)
        self.open_list = QListWidget(self)
        self.open_list.setObjectName("openIncidents")
        self.open_list.setFont(_font(15))
        self.open_list.setWordWrap(True)
        self.open_list.setMaximumWidth(230)
        self.open_list.setMinimumWidth(170)
        self.open_list.currentItemChanged.connect(self._chosen)
        left.addWidget(self.open_list, 1)
        outer.addLayout(left)

        self.stack = QStackedWidget(self)
        self.empty = QLabel(
            _t("Incidents", "现在没有进行中的事件。在“应急预案”中选择预案并启动。"), self
        )
        self.empty.setObjectName("runEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setFont(_font(18))
        self.stack.addWidget(self.empty)
        self.page = QWidget(self)
        self.page.setObjectName("runPage")
        self.page.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.stack.addWidget(self.page)
        outer.addWidget(self.stack, 1)

        layout = QVBoxLayout(self.page)
        header = QHBoxLayout()
        self.title = QLabel(self.page)
        self.title.setObjectName("runTitle")
        self.title.setFont(_font(26, True))
        self.title.setWordWrap(True)
        header.addWidget(self.title, 1)
        self.drill_badge = QLabel(_t("Incidents", "演练 · 不计入真实事件"), self.page)
        self.drill_badge.setObjectName("drillBadge")
        self.drill_badge.setFont(_font(16, True))
        header.addWidget(self.drill_badge)
        self.clock_label = QLabel(self.page)
        self.clock_label.setObjectName("runClock")
        self.clock_label.setFont(_font(44, True))
        self.clock_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.clock_label)
        layout.addLayout(header)
        self.started = QLabel(self.page)
        self.started.setObjectName("runStarted")
        self.started.setFont(_font(15))
        layout.addWidget(self.started)

        self.timer_list = QListWidget(self.page)
        self.timer_list.setObjectName("runTimers")
        self.timer_list.setFont(_font(17, True))
        self.timer_list.setMaximumHeight(104)
        self.timer_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timer_list.setToolTip(_t("Incidents", "双击一行（或在步骤上按 A）记为已做"))
        self.timer_list.itemDoubleClicked.connect(
            lambda item: self.acknowledge(item.data(TIMER_KEY))
        )
        layout.addWidget(self.timer_list)

        split = QSplitter(Qt.Orientation.Horizontal, self.page)
        self.steps = StepList(split)
        self.steps.setObjectName("runSteps")
        self.steps.setFont(_font(21))
        self.steps.setWordWrap(True)
        self.steps.setItemDelegate(StepDelegate(self.steps))
        self.steps.setResizeMode(QListView.ResizeMode.Adjust)
        self.steps.setSpacing(3)
        self.steps.keyCommand.connect(self.command)
        self.steps.currentRowChanged.connect(lambda _row: self._show_info())
        self.info = QTextBrowser(split)
        self.info.setObjectName("runInfo")
        self.info.setFont(_font(16))
        self.info.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout.addWidget(split, 1)

        buttons = QGridLayout()  # two rows, so the labels fit at large font sizes too
        buttons.setSpacing(4)
        for index, (command, label) in enumerate((
            ("done", _t("Incidents", "完成 空格")),
            ("skip", _t("Incidents", "跳过 S")),
            ("reopen", _t("Incidents", "撤回 ⌫")),
            ("add", _t("Incidents", "加步骤 +")),
            ("note", _t("Incidents", "记录 N")),
            ("person", _t("Incidents", "人员 P")),
            ("role", _t("Incidents", "交接 R")),
            ("acknowledge", _t("Incidents", "提醒已做 A")),
            ("announce", _t("Incidents", "广播 B")),
            ("media", _t("Incidents", "媒体 M")),
            ("place", _t("Incidents", "位置 L")),
            ("close", _t("Incidents", "结束 Ctrl+Enter")),
        )):
            button = QPushButton(label, self.page)
            button.setObjectName(f"run_{command}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if command == "done":
                button.setToolTip(_t("Incidents", "T：已经做完但现在才勾，补记完成时间"))
            button.clicked.connect(lambda _checked=False, c=command: self.command(c))
            buttons.addWidget(button, index // 6, index % 6)
        layout.addLayout(buttons)

        close_action = QAction(self)
        close_action.setShortcuts(
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
        )
        close_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        close_action.triggered.connect(lambda: self.command("close"))
        self.addAction(close_action)
        undo = QAction(self)
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        undo.triggered.connect(self.undo)
        self.addAction(undo)
        redo = QAction(self)
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        redo.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        redo.triggered.connect(self.redo)
        self.addAction(redo)

    # -- public API ---------------------------------------------------------------------
    def now(self) -> _dt.datetime:
        return self.clock().replace(microsecond=0)

    def open_incidents(self) -> list:
        """The hall's open incidents (storage.incidents.Incident), oldest first."""
        if not self.hall_id:
            return []
        return records.open_incidents(self.store, self.hall_id)

    def start(self, playbook_id: str, drill: bool = False) -> str | None:
        """Asks who takes which role, starts the run and shows it; None when cancelled."""
        version_id, body = records.playbook_version(self.store, playbook_id)
        language = i18n.current()
        staff = halls.list_staff(self.store, self.hall_id)
        dialog = StartDialog(run.text_of(body.get("title"), language), body.get("roles", []),
                             staff, drill, self,
                             on_duty=records.on_duty(self.store, self.hall_id, self.now()))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        incident_id = records.start(
            self.store,
            self.hall_id,
            playbook_id,
            drill=drill,
            started_at=self.now(),
            roles=dialog.roles(),
            location=dialog.location.text().strip(),
        )
        self.refresh(incident_id)
        self.changed.emit()
        self.steps.setFocus()
        return incident_id

    def show_incident(self, incident_id: str) -> None:
        self.refresh(incident_id)
        self.steps.setFocus()

    def current_id(self) -> str | None:
        return self.incident.id if self.incident else None

    # -- showing ------------------------------------------------------------------------
    def refresh(self, select: str | None = None) -> None:
        select = select or self.current_id()
        found = self.open_incidents()
        self._open = {incident.id: incident for incident in found}
        self.open_list.blockSignals(True)
        self.open_list.clear()
        row_to_select = 0
        for row, incident in enumerate(found):
            item = QListWidgetItem(self._list_text(incident))
            item.setData(INCIDENT_ID, incident.id)
            self.open_list.addItem(item)
            if incident.id == select:
                row_to_select = row
        self.open_list.blockSignals(False)
        if not found:
            self.incident, self.state = None, None
            self.stack.setCurrentWidget(self.empty)
            return
        self.open_list.setCurrentRow(row_to_select)
        self._load(found[row_to_select].id)

    def _list_text(self, incident) -> str:
        elapsed = run.clock_text(int((self.now() - incident.started_at).total_seconds()))
        mark = _t("Incidents", "［演练］") if incident.drill else "▲ "
        return f"{mark}{run.text_of(incident.body.get('title'), i18n.current()) or incident.title}\n{elapsed}"

    def _chosen(self, current, _previous) -> None:
        if current is not None:
            self._load(current.data(INCIDENT_ID))

    def _load(self, incident_id: str, step_id: str | None = None) -> None:
        keep = step_id or self._current_step_id()
        same = self.incident is not None and self.incident.id == incident_id
        self.incident, self.state = records.load(self.store, incident_id)
        self.stack.setCurrentWidget(self.page)
        language = i18n.current()
        self.title.setText(run.text_of(self.incident.body.get("title"), language)
                           or self.incident.title)
        self.drill_badge.setVisible(self.incident.drill)
        location = f" · {self.incident.location}" if self.incident.location else ""
        self.started.setText(
            _t("Incidents", "开始于 {time}{location}").format(
                time=self.incident.started_at.strftime("%H:%M:%S"), location=location
            )
        )
        self.steps.blockSignals(True)
        self.steps.clear()
        target_row = None
        for number, step in enumerate(self.state.steps, start=1):
            item = QListWidgetItem(self._step_text(step, number, language))
            item.setData(STEP_ID, step.id)
            if step.status == run.STEP_DONE:
                item.setForeground(QColor(DONE_INK))
            elif step.status == run.SKIPPED:
                item.setForeground(QColor(SKIP_INK))
            elif step.immediate:
                item.setFont(_font(21, True))
            self.steps.addItem(item)
            if same and step.id == keep:
                target_row = number - 1
        self.steps.blockSignals(False)
        if target_row is None:
            target_row = self.state.next_open() or 0
        self.steps.setCurrentRow(target_row)
        self._show_info()
        self.tick_clock()

    def _step_text(self, step: run.StepState, number: int, language: str) -> str:
        label = step_label(step, number, language)
        if step.status == run.STEP_DONE:
            return f"✓ {label}  — {step.at:%H:%M}"
        if step.status == run.SKIPPED:
            return _t("Incidents", "— {label}  — 跳过：{reason}").format(
                label=label, reason=step.reason
            )
        mark = "▶ " if step.immediate else "○ "
        return mark + label

    def _current_step_id(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(STEP_ID) if item else None

    def _show_info(self) -> None:
        if not self.incident:
            return
        language, body = i18n.current(), self.incident.body
        parts = []
        step = self.state.step(self._current_step_id() or "")
        if step and step.script:
            parts.append(
                f"<p style='color:{HIGHLIGHT}; font-size:20px'><b>"
                + html.escape(_t("Incidents", "话术"))
                + "：</b>"
                + html.escape(step.script_text(language))
                + "</p>"
            )
        roles = records.roles_now(self.store, self.incident.id)
        if roles:
            parts.append(self._section(_t("Incidents", "分工"), [
                _t("Incidents", "{role}：{person}").format(
                    role=role_name(r["role"]),
                    person=r["person"],
                )
                for r in roles
            ]))
        parts.append(self._section(
            _t("Incidents", "不要做"),
            [run.text_of(d, language) for d in body.get("do_nots") or []],
            LATE_INK,
        ))
        contacts = [
            f"{run.text_of(c.get('name'), language)} {c.get('number', '')}"
            for c in body.get("contacts") or []
        ]
        numbers = {c.get("number") for c in body.get("contacts") or []}
        contacts += [
            f"{c.name(language)} {c.number}"
            for c in hall_contacts(self.store, self.incident.hall_id)
            if c.number not in numbers
        ]
        parts.append(self._section(_t("Incidents", "电话"), contacts))
        parts.append(self._section(
            _t("Incidents", "广播词（B）"),
            [run.text_of(a, language) for a in body.get("announcements") or []],
        ))
        media = run.text_of(body.get("media_line"), language)
        if media:
            parts.append(self._section(_t("Incidents", "媒体口径（M）"), [media]))
        recent = [
            e for e in reversed(self.state.log)
            if e.kind in (run.NOTE, run.PERSON, run.ANNOUNCE, run.ADD_STEP)
        ][:6]
        if recent:
            parts.append(self._section(_t("Incidents", "最新记录"), [
                _t("Incidents", "{time} {kind}：{text}").format(
                    time=f"{e.happened_at:%H:%M}", kind=_t("Incidents", run.KINDS[e.kind]),
                    text=e.text,
                )
                + (f"（{e.data.get('description')}）" if e.data.get("description") else "")
                for e in recent
            ]))
        self.info.setHtml("".join(p for p in parts if p))

    @staticmethod
    def _section(title: str, lines: list[str], colour: str = INK) -> str:
        if not lines:
            return ""
        items = "".join(f"<li>{html.escape(line)}</li>" for line in lines)
        return (f"<p style='margin-bottom:0'><b>{html.escape(title)}</b></p>"
                f"<ul style='color:{colour}; margin-top:2px'>{items}</ul>")

    def tick_clock(self) -> None:
        if not self.incident or not self.state:
            return
        now = self.now()
        self.clock_label.setText(run.clock_text(self.state.elapsed(now)))
        language = i18n.current()
        lines = []
        for timer in run.timers(self.incident.body, self.state, now):
            mark, colour = TIMER_LOOK[timer.state]
            if timer.state == run.MET:
                text = _t("Incidents", "{mark} {text}：已完成").format(
                    mark=mark, text=timer.display(language))
            elif timer.state == run.OVERDUE:
                text = _t("Incidents", "{mark} {text}：已超时 {time}").format(
                    mark=mark, text=timer.display(language),
                    time=run.clock_text(-timer.seconds_left))
            else:
                text = _t("Incidents", "{mark} {text}：还有 {time}").format(
                    mark=mark, text=timer.display(language),
                    time=run.clock_text(timer.seconds_left))
            if timer.repeating:
                text += _t("Incidents", "（每 {n} 分钟）").format(n=timer.every_minutes)
            lines.append((timer.key, text, colour))
        shown = [self.timer_list.item(r).data(TIMER_KEY) for r in range(self.timer_list.count())]
        if shown != [key for key, _text, _colour in lines]:  # else update in place: a click
            self.timer_list.clear()                          # or double-click is not lost
            for key, _text, _colour in lines:
                item = QListWidgetItem()
                item.setData(TIMER_KEY, key)
                self.timer_list.addItem(item)
        for row, (_key, text, colour) in enumerate(lines):
            item = self.timer_list.item(row)
            item.setText(text)
            item.setForeground(QColor(colour))
        for row in range(self.open_list.count()):  # every open incident's clock runs
            item = self.open_list.item(row)
            incident = self._open.get(item.data(INCIDENT_ID))
            if incident is not None:
                item.setText(self._list_text(incident))

    # -- commands -----------------------------------------------------------------------
    def command(self, name: str) -> None:
        if not self.incident:
            return
        handler = getattr(self, f"_do_{name}")
        handler()

    def _stack(self) -> QUndoStack:
        stack = self.undo_stacks.get(self.incident.id)
        if stack is None:
            stack = self.undo_stacks[self.incident.id] = QUndoStack(self)
        return stack

    def undo(self) -> None:
        if self.incident:
            self._stack().undo()

    def redo(self) -> None:
        if self.incident:
            self._stack().redo()

    def after_change(self, incident_id: str, step_id: str | None = None, *, stay=False) -> None:
        """Shows the run again after a log line; moves on to the next open step."""
        if not self.incident or self.incident.id != incident_id:
            self.refresh(incident_id)
        self._load(incident_id, step_id)
        if not stay and step_id:
            row = self.steps.currentRow()
            following = self.state.next_open(row)
            if following is not None:
                self.steps.setCurrentRow(following)
        self.changed.emit()

    def _step(self) -> run.StepState | None:
        return self.state.step(self._current_step_id() or "")

    def _do_done(self) -> None:
        step = self._step()
        if step is None or step.status == run.STEP_DONE:
            return
        self._stack().push(_StepCommand(self, self.incident.id, step.id, run.DONE, "",
                                        self.now(), _t("Incidents", "完成步骤")))

    def _do_skip(self) -> None:
        step = self._step()
        if step is None or step.status == run.SKIPPED:
            return
        dialog = TextDialog(_t("Incidents", "跳过这一步"), _t("Incidents", "原因"), self.now(),
                            self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self._stack().push(_StepCommand(self, self.incident.id, step.id, run.SKIP,
                                        dialog.text(), dialog.happened_at(),
                                        _t("Incidents", "跳过步骤")))

    def _do_reopen(self) -> None:
        step = self._step()
        if step is None or step.status == run.OPEN:
            return
        records.reopen(self.store, self.incident.id, step.id, entered_at=self.now())
        self.after_change(self.incident.id, step.id, stay=True)

    def _do_add(self) -> None:
        dialog = TextDialog(_t("Incidents", "增加步骤"), _t("Incidents", "步骤"), self.now(),
                            self, with_time=False, roles=self.incident.body.get("roles") or [])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        step_id = records.add_step(self.store, self.incident.id, dialog.text(),
                                   dialog.chosen_role(), entered_at=self.now())
        self.after_change(self.incident.id, step_id, stay=True)

    def _do_note(self) -> None:
        dialog = TextDialog(_t("Incidents", "记录"), _t("Incidents", "内容"), self.now(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        records.add_note(self.store, self.incident.id, dialog.text(),
                         happened_at=dialog.happened_at(), entered_at=self.now())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_person(self) -> None:
        dialog = PersonDialog(halls.list_staff(self.store, self.hall_id), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        kind, name, description, staff_id = dialog.person()
        records.add_person(self.store, self.incident.id, kind, name, description, staff_id,
                           entered_at=self.now())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_role(self) -> None:
        now = self.now()
        dialog = RoleDialog(self.incident.body.get("roles") or [],
                            halls.list_staff(self.store, self.hall_id), self, now=now,
                            on_duty=records.on_duty(self.store, self.hall_id, now))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        role, staff_id, name = dialog.choice()
        records.give_role(self.store, self.incident.id, role, name, staff_id,
                          happened_at=dialog.happened_at(), entered_at=now)
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_acknowledge(self) -> None:
        # A step's own timer is met by ticking the step; A is for reminders and targets.
        due = [t for t in run.timers(self.incident.body, self.state, self.now())
               if t.state != run.MET and not t.key.startswith("step:")]
        if due:
            self.acknowledge(due[0].key)

    def acknowledge(self, key: str | None) -> None:
        """Marks a reminder done or a time target met (a step's timer goes with its step)."""
        if not self.incident or not key or key.startswith("step:"):
            return
        timer = next((t for t in run.timers(self.incident.body, self.state, self.now())
                      if t.key == key), None)
        if timer is None or timer.state == run.MET:
            return
        records.acknowledge(self.store, self.incident.id, timer.key,
                            timer.display(i18n.current()), entered_at=self.now())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)
        self.steps.setFocus()

    def _do_done_at(self) -> None:
        """Done earlier than ticked: the time it was done is asked, the tick keeps both."""
        step = self._step()
        if step is None or step.status == run.STEP_DONE:
            return
        number = self.state.steps.index(step) + 1
        dialog = DoneAtDialog(step_label(step, number, i18n.current()), self.now(), self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        done_at = max(dialog.happened_at(), self.incident.started_at)  # not before the start
        self._stack().push(_StepCommand(self, self.incident.id, step.id, run.DONE, "",
                                        done_at, _t("Incidents", "完成步骤")))

    def _do_next_incident(self, step: int = 1) -> None:
        """F6 shows the next open incident (Shift+F6 the one before), the focus on its steps."""
        count = self.open_list.count()
        if count < 2:
            return
        self.open_list.setCurrentRow((self.open_list.currentRow() + step) % count)
        self.steps.setFocus()

    def _do_previous_incident(self) -> None:
        self._do_next_incident(-1)

    def _do_announce(self) -> None:
        language = i18n.current()
        texts = [run.text_of(a, language) for a in self.incident.body.get("announcements")
                 or []]
        if not texts:
            return
        text = texts[0]
        if len(texts) > 1:
            text, ok = QInputDialog.getItem(self, _t("Incidents", "广播词"),
                                            _t("Incidents", "已向等候的顾客广播："), texts, 0,
                                            False)
            if not ok:
                return
        records.announce(self.store, self.incident.id, text, entered_at=self.now())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_media(self) -> None:
        media = run.text_of(self.incident.body.get("media_line"), i18n.current())
        if not media:
            return
        records.log(self.store, self.incident.id, run.ANNOUNCE, text=media,
                    data={"media": True}, entered_at=self.now())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_place(self) -> None:
        dialog = PlaceDialog(self.incident.location,
                             records.touchpoints(self.store, self.hall_id),
                             self.incident.touchpoint_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        records.set_details(self.store, self.incident.id,
                            location=dialog.location.text().strip(),
                            touchpoint_id=dialog.touchpoint.currentData())
        self.after_change(self.incident.id, self._current_step_id(), stay=True)

    def _do_close(self) -> None:
        now = self.now()
        dialog = CloseDialog(halls.list_staff(self.store, self.hall_id),
                             records.touchpoints(self.store, self.hall_id), now.date(), self,
                             touchpoint_id=self.incident.touchpoint_id)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        records.close(self.store, self.incident.id, dialog.outcome.text().strip(),
                      dialog.follow_ups(), touchpoint_id=dialog.touchpoint.currentData(),
                      entered_at=now)
        self.undo_stacks.pop(self.incident.id, None)
        self.incident = None
        self.refresh()
        self.changed.emit()
