"""突发事件 The incidents tab: the playbook library (and its editor), the incidents being
handled, the complaint register and the printouts.

`open_playbook(code)` shows a playbook (the queue tab asks for "sudden_surge"); F12 anywhere
in the window comes here with the search box focused. When the tab opens with incidents still
open (after a crash or a restart), the running page is shown, where the runs were.
"""

from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QCoreApplication, QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hallsupervisor.domain.incidents import run
from hallsupervisor.gui import i18n
from hallsupervisor.gui.incidents.library_view import LibraryView
from hallsupervisor.gui.incidents.playbook_editor import PlaybookEditor
from hallsupervisor.storage import halls
from hallsupervisor.storage import playbooks as library

_t = QCoreApplication.translate

LIBRARY, RUNNING, COMPLAINTS, REPORTS = range(4)
LISTED = 300  # newest incidents offered for a report; an older one is added when asked for


class IncidentsTab(QWidget):
    changed = Signal()

    def __init__(self, store, settings, parent=None, clock=None):
        super().__init__(parent)
        self.setObjectName("incidentsTab")
        self.store = store
        self.settings = settings
        self.clock = clock or _dt.datetime.now
        self.hall_id = store.hall_id or halls.current_hall_id(store)
        if not store.read_only:
            library.ensure_builtin(store, self.hall_id)

        from hallsupervisor.gui.incidents.complaints_view import ComplaintsView
        from hallsupervisor.gui.incidents.run_view import RunView

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget(self)
        self.pages.setObjectName("incidentPages")
        layout.addWidget(self.pages)

        self.library_stack = QStackedWidget(self)
        self.library = LibraryView(store, self.hall_id, self.library_stack)
        self.editor = PlaybookEditor(store, self.library_stack, clock=self.clock)
        self.library_stack.addWidget(self.library)
        self.library_stack.addWidget(self.editor)
        self.pages.addTab(self.library_stack, _t("IncidentsTab", "应急预案"))

        self.run_view = RunView(store, settings, self, clock=clock)
        self.pages.addTab(self.run_view, "")
        self.complaints = ComplaintsView(store, settings, self, clock=clock)
        self.pages.addTab(self.complaints, _t("IncidentsTab", "投诉登记"))
        self.reports = ReportsPage(self, self)
        self.pages.addTab(self.reports, _t("IncidentsTab", "报告"))

        self.library.start_requested.connect(self.start)
        self.library.edit_requested.connect(self.edit)
        self.library.changed.connect(self.changed)
        self.editor.saved.connect(lambda _id: self.library.reload())
        self.editor.closed.connect(self._editor_closed)
        self.run_view.changed.connect(self._runs_changed)
        self.run_view.changed.connect(self.changed)
        self.complaints.changed.connect(self.changed)
        self._update_running_title()
        if self.run_view.open_incidents():
            self.pages.setCurrentIndex(RUNNING)
        self.pages.currentChanged.connect(lambda _index: self._focus_run())

    # -- public ------------------------------------------------------------------------------------
    def prepare(self) -> None:
        """Called each time the tab is shown."""
        self._update_running_title()
        self.reports.reload()
        self._focus_run()

    def _focus_run(self) -> None:
        """On the running page the keys act at once: the focus goes to the steps."""
        if self.pages.currentIndex() == RUNNING and self.run_view.current_id():
            QTimer.singleShot(0, self.run_view.steps.setFocus)

    def open_playbook(self, code: str) -> bool:
        """Shows the library with the playbook `code` chosen; False if the hall has none."""
        self.show_library()
        return self.library.open_code(code)

    def show_incident(self, incident_id: str) -> None:
        """An open incident on the running page; a closed one chosen on the reports page."""
        if any(incident.id == incident_id for incident in self.run_view.open_incidents()):
            self.pages.setCurrentIndex(RUNNING)
            self.run_view.show_incident(incident_id)
            return
        self.reports.choose(incident_id)
        self.pages.setCurrentWidget(self.reports)

    def focus_search(self) -> None:
        """The library with the search box focused (F12 from anywhere)."""
        self.show_library()
        self.library.focus_search()

    def show_library(self) -> None:
        if self.library_stack.currentWidget() is self.editor:
            self.editor.finish()
        self.pages.setCurrentIndex(LIBRARY)

    def start(self, playbook_id: str, drill: bool = False) -> str | None:
        """Starts a run (real or drill) on the running page; None when cancelled."""
        self.pages.setCurrentIndex(RUNNING)
        incident_id = self.run_view.start(playbook_id, drill)
        if incident_id is None and not self.run_view.open_incidents():
            self.pages.setCurrentIndex(LIBRARY)
        self._update_running_title()
        return incident_id

    def edit(self, playbook_id: str) -> None:
        self.editor.edit(playbook_id)
        self.library_stack.setCurrentWidget(self.editor)

    # -- inside ------------------------------------------------------------------------------------
    def _editor_closed(self, playbook_id: str) -> None:
        self.library.reload()
        if playbook_id:
            self.library.select(playbook_id)
        self.library_stack.setCurrentWidget(self.library)
        self.changed.emit()

    def _runs_changed(self) -> None:
        self._update_running_title()
        self.reports.reload()

    def _update_running_title(self) -> None:
        count = len(self.run_view.open_incidents())
        title = _t("IncidentsTab", "处置中（{count}）").format(count=count) if count else _t("IncidentsTab", "处置中")
        self.pages.setTabText(RUNNING, title)


class ReportsPage(QWidget):
    """Printouts: one incident's report, the monthly summary and the playbook cards."""

    def __init__(self, tab: IncidentsTab, parent=None):
        super().__init__(parent)
        self.setObjectName("incidentReports")
        self.tab = tab
        layout = QVBoxLayout(self)

        incident_box = QGroupBox(_t("IncidentsTab", "事件报告"), self)
        row = QHBoxLayout(incident_box)
        self.incident_combo = QComboBox(incident_box)
        self.incident_combo.setObjectName("reportIncident")
        self.incident_combo.setMinimumWidth(320)
        row.addWidget(self.incident_combo, 1)
        self.incident_button = QPushButton(_t("IncidentsTab", "预览并打印…"), incident_box)
        self.incident_button.setObjectName("printIncident")
        self.incident_button.clicked.connect(self.print_incident)
        row.addWidget(self.incident_button)
        layout.addWidget(incident_box)

        month_box = QGroupBox(_t("IncidentsTab", "月度事件与投诉汇总"), self)
        form = QFormLayout(month_box)
        today = tab.clock().date()
        month_row = QHBoxLayout()
        self.month = QDateEdit(QDate(today.year, today.month, 1), month_box)
        self.month.setObjectName("summaryMonth")
        self.month.setDisplayFormat("yyyy-MM")  # reads the same in Chinese and English
        self.month.setMinimumDate(QDate(2000, 1, 1))
        month_row.addWidget(self.month)
        self.summary_button = QPushButton(_t("IncidentsTab", "预览并打印…"), month_box)
        self.summary_button.setObjectName("printSummary")
        self.summary_button.clicked.connect(self.print_summary)
        month_row.addStretch(1)
        month_row.addWidget(self.summary_button)
        form.addRow(_t("IncidentsTab", "月份"), month_row)
        layout.addWidget(month_box)

        cards_box = QGroupBox(_t("IncidentsTab", "预案卡片（张贴用，停电停机时也能照做）"), self)
        cards_row = QHBoxLayout(cards_box)
        cards_row.addWidget(
            QLabel(_t("IncidentsTab", "每个预案一页 A4，注明修订日期和负责人。"), cards_box), 1
        )
        self.cards_button = QPushButton(_t("IncidentsTab", "全部预案卡片…"), cards_box)
        self.cards_button.setObjectName("printCards")
        self.cards_button.clicked.connect(self.print_cards)
        cards_row.addWidget(self.cards_button)
        layout.addWidget(cards_box)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        from hallsupervisor.storage import incidents as records

        current = self.incident_combo.currentData()
        self.incident_combo.clear()
        for incident in records.list_incidents(self.tab.store, self.tab.hall_id)[:LISTED]:
            self._add(incident)
        index = self.incident_combo.findData(current)
        self.incident_combo.setCurrentIndex(max(0, index))
        self.incident_button.setEnabled(self.incident_combo.count() > 0)

    def _add(self, incident) -> None:
        shown = run.text_of(incident.body.get("title"), i18n.current()) or incident.title
        label = f"{incident.started_at:%Y-%m-%d %H:%M}  {shown}"
        if incident.drill:
            label += "  " + _t("IncidentsTab", "（演练）")
        if incident.is_open:
            label += "  " + _t("IncidentsTab", "（处置中）")
        self.incident_combo.addItem(label, incident.id)

    def choose(self, incident_id: str) -> bool:
        """The incident chosen for its report; one older than the listed ones is added to the
        list (never another incident chosen in its place). False if there is no such one."""
        from hallsupervisor.storage import incidents as records

        self.reload()
        if self.incident_combo.findData(incident_id) < 0:
            try:
                self._add(records.get(self.tab.store, incident_id))
            except LookupError:
                return False
            self.incident_button.setEnabled(True)
        self.incident_combo.setCurrentIndex(self.incident_combo.findData(incident_id))
        return True

    def _hall_name(self) -> str:
        profile = halls.load_profile(self.tab.store, self.tab.hall_id)
        return profile.name if profile else ""

    def print_incident(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports import incident_report

        incident_id = self.incident_combo.currentData()
        if not incident_id:
            return None
        label = self.incident_combo.currentText().split("  ")
        return preview(
            self,
            lambda: incident_report.build(self.tab.store, incident_id, i18n.current()),
            _t("IncidentsTab", "事件报告 {what}").format(what=" ".join(label[:2])),
            f"{self._hall_name()}-事件报告-{label[0][:10]}.pdf",
        )

    def print_summary(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports import incident_summary

        year, month = self.month.date().year(), self.month.date().month()
        return preview(
            self,
            lambda: incident_summary.build(
                self.tab.store, self.tab.hall_id, year, month, i18n.current()
            ),
            _t("IncidentsTab", "事件与投诉月度汇总 {year}-{month:02d}").format(year=year, month=month),
            f"{self._hall_name()}-事件汇总-{year}-{month:02d}.pdf",
        )

    def print_cards(self):
        from hallsupervisor.gui.printing import preview
        from hallsupervisor.reports import playbook_card

        return preview(
            self,
            lambda: playbook_card.build(self.tab.store, self.tab.hall_id, i18n.current()),
            _t("IncidentsTab", "预案卡片"),
            f"{self._hall_name()}-预案卡片.pdf",
        )
