"""The first-run wizard, driven by keyboard and mouse on an empty database."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QWizard

from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls, inspection
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate, type_text


def _click_next(qtbot, wizard):
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def test_wizard_creates_the_hall_from_the_matching_pack(open_window, tmp_path, qtbot):
    db = tmp_path / "new.sqlite"
    window = open_window(db)

    def drive(wizard):
        qtbot.addWidget(wizard)
        activate(qtbot, wizard)
        page = wizard.hall_page
        # Next stays disabled until the hall has a name.
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        type_text(qtbot, page.name_edit, "河西供热服务厅")
        # The name alone enables Next (Qt once cached the page as complete before it had
        # its wizard, and typing changed nothing).
        assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        page.kind_combo.setFocus()
        qtbot.keyClick(page.kind_combo, Qt.Key.Key_Down)  # 供电 -> 供热
        assert page.kind() == "heating"
        assert not page.rural_box.isVisible()
        type_text(qtbot, page.region_edit, "北区")
        _click_next(qtbot, wizard)
        hours = wizard.hours_page.editor
        sunday_box = hours.rows[7][0]
        assert sunday_box.isChecked()
        qtbot.mouseClick(
            sunday_box,
            Qt.MouseButton.LeftButton,  # closed on Sundays
            pos=QPoint(8, sunday_box.height() // 2),
        )
        _click_next(qtbot, wizard)
        counters = wizard.counters_page.count_box
        counters.selectAll()
        type_text(qtbot, counters, "6")
        _click_next(qtbot, wizard)
        staff = wizard.staff_page
        qtbot.mouseClick(staff.add_button, Qt.MouseButton.LeftButton)
        # The new row opens its name cell for typing; Return commits it.
        qtbot.waitUntil(lambda: isinstance(QApplication.focusWidget(), QLineEdit))
        name_editor = QApplication.focusWidget()
        type_text(qtbot, name_editor, "周红")
        qtbot.keyClick(name_editor, Qt.Key.Key_Return)
        # Right arrow to the employee number, F2 to edit it.
        qtbot.keyClick(staff.table, Qt.Key.Key_Right)
        qtbot.keyClick(staff.table, Qt.Key.Key_F2)
        qtbot.waitUntil(
            lambda: (
                isinstance(QApplication.focusWidget(), QLineEdit)
                and QApplication.focusWidget() is not name_editor
            )
        )
        number_editor = QApplication.focusWidget()
        type_text(qtbot, number_editor, "RS01")
        qtbot.keyClick(number_editor, Qt.Key.Key_Return)
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        return wizard.result() == QWizard.DialogCode.Accepted

    assert window.ensure_hall_profile(run_wizard=drive)
    assert "河西供热服务厅" in window.windowTitle()
    window.close()

    store = Store.open(db)
    try:
        profile = halls.load_profile(store)
        assert (profile.name, profile.kind, profile.region) == ("河西供热服务厅", "heating", "北区")
        assert profile.pack == "heating_hall"
        pack_codes = [b["code"] for b in get_pack("heating_hall").data["business_types"]]
        assert [b.code for b in profile.business_types] == pack_codes
        assert len(profile.counters) == 6
        assert profile.opening_hours[7] is None and profile.opening_hours[1] is not None
        assert [(s.name, s.employee_no, s.role) for s in profile.staff] == [
            ("周红", "RS01", "counter")
        ]
        # The hall's pack brings its checklist and the default day plan along.
        templates = inspection.list_templates(store, profile.id)
        assert [t.pack for t in templates] == ["heating_hall"]
        assert [e.time for e in inspection.day_plan(store, profile.id)] == [
            "08:30",
            "12:00",
            "17:30",
        ]
    finally:
        store.close()


def test_rural_station_gets_the_small_pack(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "rural.sqlite")

    def drive(wizard):
        qtbot.addWidget(wizard)
        activate(qtbot, wizard)
        type_text(qtbot, wizard.hall_page.name_edit, "石桥供电所")
        box = wizard.hall_page.rural_box
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
        assert wizard.hall_page.pack().id == "electricity_rural"
        for _ in range(3):
            _click_next(qtbot, wizard)
        assert wizard.currentPage() is wizard.staff_page
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        return True

    assert window.ensure_hall_profile(run_wizard=drive)
    profile = halls.load_profile(window.store)
    assert profile.pack == "electricity_rural"
    assert 1 <= len(profile.counters) <= 3


def test_cancelled_wizard_stores_nothing(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "cancel.sqlite")

    def drive(wizard):
        qtbot.addWidget(wizard)
        wizard.show()
        type_text(qtbot, wizard.hall_page.name_edit, "不要保存")
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.CancelButton), Qt.MouseButton.LeftButton
        )
        return wizard.result() == QWizard.DialogCode.Accepted

    assert not window.ensure_hall_profile(run_wizard=drive)
    assert window.store.scalar("SELECT count(*) FROM halls") == 0
