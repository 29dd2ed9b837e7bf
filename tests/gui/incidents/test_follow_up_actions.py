"""An incident's follow-ups in the inspection tab's list of corrective actions: the source
column names the incident (a round's actions keep their round)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from hallsupervisor.storage import incidents
from hallsupervisor.storage.database import Store
from tests.gui.incidents.run_fixtures import NOW, hall_with_playbook


def test_follow_ups_name_their_incident_in_the_actions_list(tmp_path, app, qtbot):
    from hallsupervisor.gui.inspection.actions_view import KEYS, ActionsView

    path = tmp_path / "hall.sqlite"
    hall_id, playbook_id = hall_with_playbook(path)
    store = Store.open(path)
    try:
        real = incidents.start(store, hall_id, playbook_id, started_at=NOW)
        incidents.close(store, real, "顾客送医",
                        [incidents.FollowUp("补充急救箱", None, NOW.date())],
                        closed_at=NOW + dt.timedelta(minutes=20))
        drill = incidents.start(store, hall_id, playbook_id, drill=True,
                                started_at=NOW + dt.timedelta(hours=1))
        incidents.close(store, drill, "演练完成",
                        [incidents.FollowUp("更换灭火器", None, NOW.date())],
                        closed_at=NOW + dt.timedelta(hours=1, minutes=10))
        view = ActionsView(store, hall_id, today=lambda: NOW.date())
        qtbot.addWidget(view)
        model, column = view.model, KEYS.index("round_name")
        assert model.headerData(column, Qt.Orientation.Horizontal) == "来源"
        sources = {
            model.index(row, KEYS.index("title")).data(): model.index(row, column).data()
            for row in range(model.rowCount())
        }
        assert sources == {
            "补充急救箱": "突发事件：顾客突发疾病或晕倒 2026-11-25",
            "更换灭火器": "演练：顾客突发疾病或晕倒 2026-11-25",
        }
        # With an English interface the incident is named by its playbook's English title.
        language = app.property("hallsupervisor_language")
        app.setProperty("hallsupervisor_language", "en")
        try:
            view.refresh()
            shown = {model.index(row, column).data() for row in range(model.rowCount())}
            assert all("A customer falls ill or faints 2026-11-25" in text for text in shown)
        finally:
            app.setProperty("hallsupervisor_language", language)
    finally:
        store.close()
