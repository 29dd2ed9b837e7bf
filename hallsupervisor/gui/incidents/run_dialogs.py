"""The small dialogs of a run: roles at the start, a note or reason with the time it
happened, a person, a hand-over, and closing with outcome and follow-ups. Keyboard first:
the text field has the focus, Enter confirms, Esc cancels."""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTime
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTimeEdit,
    QVBoxLayout,
)

from hallsupervisor.domain import bilingual
from hallsupervisor.domain.incidents import run
from hallsupervisor.domain.incidents.playbook import ROLES
from hallsupervisor.gui import i18n
from hallsupervisor.storage.incidents import FollowUp

_t = QCoreApplication.translate


def role_name(role: str) -> str:
    """A role of the playbook document in the interface language (unknown ones as 其他)."""
    return _t("Playbooks", ROLES.get(role, ROLES["other"]))


class _Form(QDialog):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setObjectName("incidentDialog")
        self.layout_ = QVBoxLayout(self)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.problem = QLabel("", self)
        self.problem.setObjectName("dialogProblem")
        self.problem.setStyleSheet("color: #b3261e; font-weight: bold;")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.time: QTimeEdit | None = None
        self.now = _dt.datetime.now()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)

    def add_time(self, now: _dt.datetime, label: str) -> None:
        """A field for when it happened, set to now; happened_at() reads it back."""
        self.now = now
        self.time = QTimeEdit(QTime(now.hour, now.minute, now.second), self)
        self.time.setObjectName("happenedAt")
        self.time.setDisplayFormat("HH:mm")
        self.form.addRow(label, self.time)

    def happened_at(self) -> _dt.datetime:
        """When it happened: now if the time was left alone, else the time typed, today (or
        yesterday evening when typed just after midnight); never later than now."""
        if self.time is None:
            return self.now
        chosen = self.time.time()
        if chosen.hour() == self.now.hour and chosen.minute() == self.now.minute:
            return self.now
        moment = _dt.datetime.combine(self.now.date(), _dt.time(chosen.hour(), chosen.minute()))
        if moment > self.now:  # typed 23:50 just after midnight: yesterday evening
            moment -= _dt.timedelta(days=1)
        return moment

    def refuse(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.show()


def _person_combo(parent, staff, role: str = "", on_duty: set | frozenset = frozenset()
                  ) -> QComboBox:
    """Staff to choose from (or a name typed in): those on shift now first, marked in the
    tooltip; with `role`, the first of that role on shift (else anyone of it) is chosen."""
    staff = sorted(staff, key=lambda member: member.id not in on_duty)  # stable: list order
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.addItem("", None)
    for member in staff:
        combo.addItem(member.name, member.id)
        if member.id in on_duty:
            combo.setItemData(combo.count() - 1, _t("Incidents", "当班"),
                              Qt.ItemDataRole.ToolTipRole)
    if role:
        for index, member in enumerate(staff, start=1):
            if member.role == role:
                combo.setCurrentIndex(index)
                break
    return combo


def _chosen(combo: QComboBox) -> tuple[str | None, str]:
    """(staff id or None, the name shown or typed)."""
    name = combo.currentText().strip()
    index = combo.findText(name)
    staff_id = combo.itemData(index) if index >= 0 else None
    return staff_id, name


class StartDialog(_Form):
    """Who takes which role, and where it happens; a drill says so in its title."""

    def __init__(self, title: str, roles: list[str], staff, drill: bool, parent=None,
                 on_duty: set | frozenset = frozenset()):
        heading = (
            _t("Incidents", "演练：{title}") if drill else _t("Incidents", "启动：{title}")
        ).format(title=title)
        super().__init__(heading, parent)
        self.combos: dict[str, QComboBox] = {}
        for role in roles or ["supervisor"]:
            combo = _person_combo(self, staff, role, on_duty)
            combo.setObjectName(f"role_{role}")
            self.combos[role] = combo
            self.form.addRow(role_name(role), combo)
        self.location = QLineEdit(self)
        self.location.setObjectName("incidentLocation")
        self.location.setPlaceholderText(_t("Incidents", "例如：等候区东侧"))
        self.form.addRow(_t("Incidents", "地点"), self.location)
        self.finish()

    def accept(self) -> None:
        for value in [self.location.text()] + [c.currentText() for c in self.combos.values()]:
            problem = run.check_text(value, required=False)
            if problem:
                self.refuse(_t("Incidents", problem))
                return
        super().accept()

    def roles(self) -> list[tuple[str, str | None, str]]:
        result = []
        for role, combo in self.combos.items():
            staff_id, name = _chosen(combo)
            if name:
                result.append((role, staff_id, name))
        return result


class TextDialog(_Form):
    """A line of text (a note, a reason, a new step) and the time it happened."""

    def __init__(
        self,
        title: str,
        label: str,
        now: _dt.datetime,
        parent=None,
        *,
        with_time: bool = True,
        roles: list[str] | None = None,
        text: str = "",
    ):
        super().__init__(title, parent)
        self.now = now
        self.edit = QLineEdit(text, self)
        self.edit.setObjectName("dialogText")
        self.edit.setMinimumWidth(420)
        self.form.addRow(label, self.edit)
        self.role = None
        if roles is not None:
            self.role = QComboBox(self)
            self.role.setObjectName("dialogRole")
            self.role.addItem(_t("Incidents", "（不指定）"), "")
            for role in roles:
                self.role.addItem(role_name(role), role)
            self.form.addRow(_t("Incidents", "由谁做"), self.role)
        if with_time:
            self.add_time(now, _t("Incidents", "发生时间"))
        self.finish()
        self.edit.setFocus()

    def text(self) -> str:
        return self.edit.text().strip()

    def accept(self) -> None:
        problem = run.check_text(self.text())
        if problem:
            self.refuse(_t("Incidents", problem))
            return
        super().accept()

    def chosen_role(self) -> str:
        return self.role.currentData() if self.role is not None else ""


class DoneAtDialog(_Form):
    """A step done earlier than it is ticked: when it was done."""

    def __init__(self, step: str, now: _dt.datetime, parent=None):
        super().__init__(_t("Incidents", "补记完成时间"), parent)
        label = QLabel(step, self)
        label.setWordWrap(True)
        label.setMaximumWidth(520)
        self.form.addRow(label)
        self.add_time(now, _t("Incidents", "完成时间"))
        self.finish()
        self.time.setFocus()
        self.time.setCurrentSection(QTimeEdit.Section.MinuteSection)


class PersonDialog(_Form):
    """Someone involved: staff from the list, a customer described, or someone else."""

    def __init__(self, staff, parent=None):
        super().__init__(_t("Incidents", "记录相关人员"), parent)
        self.kind = QComboBox(self)
        self.kind.setObjectName("personKind")
        for code, label in run.PERSON_KINDS.items():
            self.kind.addItem(_t("Incidents", label), code)
        self.kind.setCurrentIndex(1)  # a customer is the usual case
        self.form.addRow(_t("Incidents", "类别"), self.kind)
        self.name = _person_combo(self, staff)
        self.name.setObjectName("personName")
        self.form.addRow(_t("Incidents", "姓名或称呼"), self.name)
        self.description = QLineEdit(self)
        self.description.setObjectName("personDescription")
        self.description.setPlaceholderText(_t("Incidents", "例如：老年男性，约75岁，独自前来"))
        self.form.addRow(_t("Incidents", "描述"), self.description)
        self.finish()
        self.name.setFocus()

    def accept(self) -> None:
        if not self.name.currentText().strip() and not self.description.text().strip():
            self.refuse(_t("Incidents", "请填写姓名或描述。"))
            return
        for value in (self.name.currentText(), self.description.text()):
            problem = run.check_text(value, required=False)
            if problem:
                self.refuse(_t("Incidents", problem))
                return
        super().accept()

    def person(self) -> tuple[str, str, str, str | None]:
        """(kind, name, description, staff id)."""
        staff_id, name = _chosen(self.name)
        kind = self.kind.currentData()
        return kind, name, self.description.text().strip(), staff_id if kind == "staff" else None


class RoleDialog(_Form):
    """Gives a role to someone; whoever had it hands it over now."""

    def __init__(self, roles: list[str], staff, parent=None, now: _dt.datetime | None = None,
                 on_duty: set | frozenset = frozenset()):
        super().__init__(_t("Incidents", "分工与交接"), parent)
        self.role = QComboBox(self)
        self.role.setObjectName("handoverRole")
        for role in roles or list(ROLES):
            self.role.addItem(role_name(role), role)
        self.form.addRow(_t("Incidents", "职责"), self.role)
        self.person = _person_combo(self, staff, on_duty=on_duty)
        self.person.setObjectName("handoverPerson")
        self.form.addRow(_t("Incidents", "交给"), self.person)
        if now is not None:
            self.add_time(now, _t("Incidents", "交接时间"))
        self.finish()
        self.person.setFocus()

    def accept(self) -> None:
        if not self.person.currentText().strip():
            self.refuse(_t("Incidents", "请选择或输入接手的人。"))
            return
        super().accept()

    def choice(self) -> tuple[str, str | None, str]:
        staff_id, name = _chosen(self.person)
        return self.role.currentData(), staff_id, name


def _touchpoint_combo(parent, name: str, touchpoints: list[dict], current: str | None) -> QComboBox:
    """The hall's touchpoints by code and name in the interface language, or none."""
    combo = QComboBox(parent)
    combo.setObjectName(name)
    combo.addItem(_t("Incidents", "（不关联触点）"), None)
    language = i18n.current()
    for point in touchpoints:
        shown = bilingual(point["name"], point.get("name_en") or "", language)
        combo.addItem(f"{point['code']} {shown}", point["id"])
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class PlaceDialog(_Form):
    """Where it happens: the place in words and the touchpoint on the map."""

    def __init__(self, location: str, touchpoints: list[dict], current: str | None, parent=None):
        super().__init__(_t("Incidents", "发生位置"), parent)
        self.location = QLineEdit(location, self)
        self.location.setObjectName("placeLocation")
        self.form.addRow(_t("Incidents", "地点"), self.location)
        self.touchpoint = _touchpoint_combo(self, "placeTouchpoint", touchpoints, current)
        self.form.addRow(_t("Incidents", "触点"), self.touchpoint)
        self.finish()
        self.location.setFocus()

    def accept(self) -> None:
        problem = run.check_text(self.location.text(), required=False)
        if problem:
            self.refuse(_t("Incidents", problem))
            return
        super().accept()


class CloseDialog(_Form):
    """The outcome, follow-ups (each with owner and due date) and the touchpoint."""

    def __init__(self, staff, touchpoints: list[dict], today: _dt.date, parent=None,
                 touchpoint_id: str | None = None):
        super().__init__(_t("Incidents", "结束处置"), parent)
        self.today = today
        self.outcome = QLineEdit(self)
        self.outcome.setObjectName("closeOutcome")
        self.outcome.setMinimumWidth(460)
        self.form.addRow(_t("Incidents", "处置结果"), self.outcome)
        self.touchpoint = _touchpoint_combo(self, "closeTouchpoint", touchpoints, touchpoint_id)
        self.form.addRow(_t("Incidents", "发生位置（触点）"), self.touchpoint)
        self.layout_.addWidget(QLabel(_t("Incidents", "后续整改（成为整改项）"), self))
        row = QHBoxLayout()
        self.follow_title = QLineEdit(self)
        self.follow_title.setObjectName("followUpTitle")
        self.follow_title.setPlaceholderText(_t("Incidents", "要做的事"))
        self.follow_title.returnPressed.connect(self.add_follow_up)
        row.addWidget(self.follow_title, 3)
        self.follow_owner = QComboBox(self)
        self.follow_owner.setObjectName("followUpOwner")
        self.follow_owner.addItem(_t("Incidents", "（未指定）"), None)
        for member in staff:
            self.follow_owner.addItem(member.name, member.id)
        row.addWidget(self.follow_owner, 1)
        self.follow_due = QDateEdit(self)
        self.follow_due.setObjectName("followUpDue")
        self.follow_due.setCalendarPopup(True)
        self.follow_due.setDisplayFormat("yyyy-MM-dd")
        due = today + _dt.timedelta(days=3)
        self.follow_due.setDate(QDate(due.year, due.month, due.day))
        row.addWidget(self.follow_due, 1)
        add = QPushButton(_t("Incidents", "添加"), self)
        add.setObjectName("followUpAdd")
        add.setAutoDefault(False)
        add.clicked.connect(self.add_follow_up)
        row.addWidget(add)
        self.layout_.addLayout(row)
        self.follow_list = QListWidget(self)
        self.follow_list.setObjectName("followUpList")
        self.follow_list.setToolTip(_t("Incidents", "选中一条按 Delete 删除"))
        remove = QShortcut(QKeySequence.StandardKey.Delete, self.follow_list)
        remove.setContext(Qt.ShortcutContext.WidgetShortcut)
        remove.activated.connect(self.remove_follow_up)
        self.layout_.addWidget(self.follow_list)
        self._follow_ups: list[FollowUp] = []
        self.finish()
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        self.outcome.setFocus()

    def add_follow_up(self) -> bool:
        title = self.follow_title.text().strip()
        if not title:
            return False
        problem = run.check_text(title)
        if problem:
            self.refuse(_t("Incidents", problem))
            return False
        date = self.follow_due.date()
        due = _dt.date(date.year(), date.month(), date.day())
        if due < self.today:
            self.refuse(_t("Incidents", "整改期限不能早于今天。"))
            return False
        owner_id = self.follow_owner.currentData()
        self._follow_ups.append(FollowUp(title, owner_id, due))
        owner = self.follow_owner.currentText()
        self.follow_list.addItem(
            QListWidgetItem(
                _t("Incidents", "{title} — 责任人 {owner}，期限 {due}").format(
                    title=title, owner=owner, due=due.isoformat()
                )
            )
        )
        self.follow_title.clear()
        self.problem.hide()
        return True

    def remove_follow_up(self) -> None:
        """A follow-up added by mistake goes again before closing (Delete on the list)."""
        row = self.follow_list.currentRow()
        if 0 <= row < len(self._follow_ups):
            del self._follow_ups[row]
            self.follow_list.takeItem(row)

    def follow_ups(self) -> list[FollowUp]:
        return list(self._follow_ups)

    def accept(self) -> None:
        if self.follow_title.text().strip() and not self.add_follow_up():
            return
        problem = run.check_text(self.outcome.text())
        if problem:
            self.refuse(_t("Incidents", "请写明处置结果。") if not self.outcome.text().strip()
                        else _t("Incidents", problem))
            self.outcome.setFocus()
            return
        super().accept()


def step_label(step: run.StepState, number: int, language: str) -> str:
    role = _t("Incidents", "［{role}］").format(role=role_name(step.role)) if step.role else ""
    return f"{number}. {role}{step.display(language)}"
