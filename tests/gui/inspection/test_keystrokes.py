"""A 60-item round keyed in from the paper sheet: about one keystroke an item, no mouse."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.inspection.model import NUMBER, PASS_FAIL, TEXT, Template
from hallsupervisor.domain.inspection.template_file import parse_template
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store
from tests.gui.conftest import activate
from tests.gui.inspection.conftest import when_dialog_opens

NOW = dt.datetime(2026, 11, 25, 8, 40)


def _sixty_item_hall(tmp_path):
    """The city hall's built-in checklist cut to its first 60 items."""
    pack = get_pack("electricity_hall")
    full = parse_template((pack.folder / "inspection.csv").read_bytes())
    kept, sections = 0, []
    for section in full.sections:
        section.items = section.items[: max(0, 60 - kept)]
        kept += len(section.items)
        if section.items:
            sections.append(section)
    template = Template(full.name, full.name_en, sections, pack.id)
    path = tmp_path / "hall.sqlite"
    store = Store.open(path)
    profile = pack.profile_defaults("键盘测试营业厅")
    profile.staff = [StaffMember("王丽", "GD1001", "supervisor")]
    hall_id = halls.create_hall(store, profile)
    records.save_template(store, hall_id, template)
    records.add_plan_entry(store, hall_id, "开门检查", "08:30", template.family_id)
    store.close()
    return path, template


class Keys:
    """Presses keys like qtbot does, and counts them."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.count = 0

    def click(self, widget, key, modifier=Qt.KeyboardModifier.NoModifier):
        self.count += 1
        self.qtbot.keyClick(widget, key, modifier)

    def text(self, widget, text):
        for char in text:
            self.count += 1
            self.qtbot.keyClicks(widget, char)


def test_sixty_items_need_about_one_keystroke_each(open_window, tmp_path, qtbot):
    path, template = _sixty_item_hall(tmp_path)
    items = template.items()
    assert len(items) == 60
    window = open_window(path, clock=lambda: NOW)
    activate(qtbot, window)
    keys = Keys(qtbot)
    keys.click(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # the 巡检 tab
    panel = window.inspection.day_panel
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    keys.click(panel.list, Qt.Key.Key_Return)  # open the planned round
    view = window.inspection.round_view
    qtbot.waitUntil(lambda: view.record is not None)

    fail_at = {3, 40}  # two findings on the sheet, each with a short note
    for number, item in enumerate(items):
        assert view.current_row() == number
        if item.answer_type == PASS_FAIL and number in fail_at:

            def note(dialog):
                # The note field has the focus: type the note, Enter to confirm.
                keys.text(dialog.ui.noteEdit, "fix")
                keys.click(dialog.ui.noteEdit, Qt.Key.Key_Return)

            when_dialog_opens(qtbot, note)
            keys.click(view.table, Qt.Key.Key_2)
        elif item.answer_type == PASS_FAIL:
            keys.click(view.table, Qt.Key.Key_1)
        else:
            value = "20" if item.answer_type == NUMBER and (item.maximum or 0) > 20 else "2"
            if item.answer_type == TEXT:
                value = "ok"
            keys.click(view.table, getattr(Qt.Key, f"Key_{value[0].upper()}"))
            qtbot.waitUntil(lambda: view.table.state() == QAbstractItemView.State.EditingState)
            editor = view.table.viewport().findChild(QLineEdit)
            keys.text(editor, value[1:])
            keys.click(editor, Qt.Key.Key_Return)
            qtbot.waitUntil(lambda: view.table.state() != QAbstractItemView.State.EditingState)
        qtbot.waitUntil(
            lambda n=number: bool(view.current_row() == n + 1 or view.record.completed_at)
        )

    assert view.record.completed_at is not None
    assert view.record.answers.keys() == {item.key for item in items}
    pass_fail = sum(item.answer_type == PASS_FAIL for item in items)
    typed = sum(item.answer_type != PASS_FAIL for item in items)
    print(f"\n60 items ({pass_fail} pass/fail, {typed} typed): {keys.count} keystrokes")
    # One key per pass/fail item; a typed value is its characters and Enter; a finding is
    # its note and Enter; two keys to reach and open the round.
    assert keys.count <= 60 + 2 * 4 + typed * 2 + 2
    assert keys.count / 60 < 1.4
