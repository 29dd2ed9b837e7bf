"""A hall with a small checklist and a day plan, and a way to answer modal dialogs."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.inspection.model import (
    CRITICAL,
    MINOR,
    NUMBER,
    TEXT,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store

NOW = dt.datetime(2026, 11, 25, 8, 40)  # a Wednesday, during the opening round


def small_template() -> Template:
    return Template(
        "测试巡检表",
        "Test checklist",
        [
            TemplateSection(
                "OPEN",
                "开门检查",
                "Opening check",
                [
                    TemplateItem("OPEN-01", "大门玻璃干净", "Entrance glass clean", weight=2),
                    TemplateItem(
                        "OPEN-02", "叫号机正常出票", "Ticket machine works", severity=CRITICAL
                    ),
                    TemplateItem(
                        "OPEN-03", "饮水机有水", "Drinking water available", severity=MINOR
                    ),
                ],
            ),
            TemplateSection(
                "ENV",
                "环境",
                "Environment",
                [
                    TemplateItem(
                        "ENV-01",
                        "室内温度",
                        "Indoor temperature",
                        answer_type=NUMBER,
                        minimum=18,
                        maximum=26,
                        unit="°C",
                    ),
                    TemplateItem("ENV-02", "地面无积水", "Floor dry", weight=3),
                    TemplateItem("ENV-03", "今日重点提醒", "Notes for the shift", answer_type=TEXT),
                ],
            ),
        ],
    )


@pytest.fixture
def inspection_db(tmp_path):
    """A hall with staff, the small checklist and a one-round day plan."""
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    store = Store.open(path)
    profile = get_pack("electricity_hall").profile_defaults("测试营业厅")
    profile.staff = [
        StaffMember("王丽", "GD1001", "supervisor"),
        StaffMember("李强", "GD1002", "counter"),
    ]
    hall_id = halls.create_hall(store, profile)
    template = small_template()
    records.save_template(store, hall_id, template)
    records.add_plan_entry(store, hall_id, "开门检查", "08:30", template.family_id, "Opening check")
    store.close()
    return path


def when_dialog_opens(qtbot, handle):
    """Runs `handle(dialog)` once the next modal dialog is up (exec() blocks the test)."""

    def check():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, check)
            return
        handle(dialog)

    QTimer.singleShot(0, check)
