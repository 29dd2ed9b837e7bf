"""A hall created with the first-run wizard has the built-in playbooks at once, before the
incidents tab is ever opened (so a drill or a card print from the command line finds them)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from hallsupervisor.domain.incidents.playbook import BUILTIN_CODES
from hallsupervisor.storage import halls
from hallsupervisor.storage import playbooks as library
from tests.gui.conftest import activate, type_text


def test_the_wizard_installs_the_builtin_playbooks(open_window, tmp_path, qtbot):
    window = open_window(tmp_path / "new.sqlite")

    def drive(wizard):
        qtbot.addWidget(wizard)
        activate(qtbot, wizard)
        type_text(qtbot, wizard.hall_page.name_edit, "城南供电营业厅")
        assert wizard.hall_page.pack().id == "electricity_hall"
        for _ in range(3):
            qtbot.mouseClick(
                wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton
            )
        qtbot.mouseClick(
            wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton
        )
        return True

    assert window.ensure_hall_profile(run_wizard=drive)
    hall_id = halls.current_hall_id(window.store)
    codes = [s.code for s in library.list_playbooks(window.store, hall_id)]
    assert codes == list(BUILTIN_CODES)
    assert "incidents" not in window._features  # the tab was never built
