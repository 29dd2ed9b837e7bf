"""From the map to the checklist and back: a touchpoint pinned, linked to an inspection item
in the template editor, turning red when that item fails in a round; and the board as it was
after the app is closed and opened again."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from hallsupervisor.domain.touchpoints import status as st
from hallsupervisor.gui.inspection.dialogs import FailDialog
from hallsupervisor.gui.inspection.template_editor import TemplateEditor
from hallsupervisor.gui.touchpoints.status_marker import COLORS
from tests.gui.conftest import activate, type_text
from tests.gui.inspection import conftest as inspection_fixtures
from tests.gui.inspection.conftest import NOW, when_dialog_opens

inspection_db = inspection_fixtures.inspection_db  # the hall with the small checklist


def _touchpoint_tab(qtbot, window):
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    tab = window.touchpoints
    qtbot.waitUntil(tab.isVisible)
    return tab


def _pin_screen_pos(tab, pin):
    return tab.view.mapFromScene(pin.scenePos())


def _red_pixels_at(tab, pin) -> int:
    image = tab.view.viewport().grab().toImage()
    centre = _pin_screen_pos(tab, pin)
    ratio = image.devicePixelRatio()
    red = COLORS[st.BAD].name()
    count = 0
    for dx in range(-12, 13):
        for dy in range(-12, 13):
            x, y = round((centre.x() + dx) * ratio), round((centre.y() + dy) * ratio)
            if 0 <= x < image.width() and 0 <= y < image.height():
                count += image.pixelColor(x, y).name() == red
    return count


def _board(panel):
    model = panel.board_model
    return [
        (model.item(r).text(), [model.item(r).child(i).text() for i in range(model.item(r).rowCount())])
        for r in range(model.rowCount())
    ]


def test_pin_link_fail_and_see_it_turn_red_then_reopen(open_window, inspection_db, qtbot):
    window = open_window(inspection_db, clock=lambda: NOW)
    window.resize(780, 560)
    tab = _touchpoint_tab(qtbot, window)

    # A blank floor plan, then the touchpoint tool and a click on the map.
    when_dialog_opens(qtbot, lambda dialog: dialog.accept())
    qtbot.mouseClick(tab.findChild(QPushButton, "startBlank"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.scene.map_id is not None)
    palette = tab.palette
    entry = palette.entry("touchpoint")
    palette.scrollToItem(entry)
    qtbot.mouseClick(
        palette.viewport(), Qt.MouseButton.LeftButton, pos=palette.visualItemRect(entry).center()
    )
    tab.view.centerOn(QPointF(500, 400))
    qtbot.mouseClick(
        tab.view.viewport(), Qt.MouseButton.LeftButton, pos=tab.view.mapFromScene(QPointF(500, 400))
    )
    qtbot.waitUntil(lambda: len(tab.scene.pins) == 1)
    (pin,) = tab.scene.pins.values()
    assert (pin.code, pin.status) == ("TP01", st.NONE)

    # Its properties: a double-click on the pin opens the dialog.
    def name_it(dialog):
        dialog.name.selectAll()
        type_text(qtbot, dialog.name, "门口迎候")
        dialog.role.setCurrentIndex(dialog.role.findData("guide"))
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, name_it)
    qtbot.mouseDClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=_pin_screen_pos(tab, pin))
    qtbot.waitUntil(lambda: "门口迎候" in _board(tab.panel)[0][1][0])
    assert QApplication.activeModalWidget() is None

    # The template editor: item OPEN-01 now checks touchpoint TP01.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    inspection = window.inspection
    pages = inspection.pages
    qtbot.mouseClick(
        pages.tabBar(),
        Qt.MouseButton.LeftButton,
        pos=pages.tabBar().tabRect(inspection.TEMPLATES).center(),
    )
    editor = inspection.page(inspection.TEMPLATES).findChild(TemplateEditor)
    qtbot.waitUntil(editor.isVisible)
    index = editor.tree_model.index_of("item", "OPEN-01", 1)
    editor.tree.scrollTo(index)
    qtbot.mouseClick(
        editor.tree.viewport(), Qt.MouseButton.LeftButton, pos=editor.tree.visualRect(index).center()
    )
    combo = editor.touchpoint_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["（无）", "TP01 门口迎候"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)
    qtbot.waitUntil(
        lambda: editor.store.scalar(
            "SELECT touchpoint FROM template_items WHERE key = 'OPEN-01' "
            "ORDER BY created_at DESC LIMIT 1"
        )
        == "TP01"
    )

    # Back on the map nothing has been checked yet: still grey.
    tab = _touchpoint_tab(qtbot, window)
    assert pin.status == st.NONE

    # A round in which OPEN-01 fails.
    activate(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    pages.setCurrentIndex(inspection.ENTRY)
    day = inspection.day_panel
    day.list.setFocus()
    day.list.setCurrentRow(0)
    qtbot.keyClick(day.list, Qt.Key.Key_Return)
    view = inspection.round_view
    qtbot.waitUntil(lambda: view.record is not None)
    assert view.current_row() == 0

    def fail(dialog):
        assert isinstance(dialog, FailDialog)
        type_text(qtbot, dialog.ui.noteEdit, "玻璃有手印")
        qtbot.keyClick(dialog.ui.noteEdit, Qt.Key.Key_Return)

    when_dialog_opens(qtbot, fail)
    qtbot.keyClick(view.table, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: view.record.answers.get("OPEN-01") is not None
                    and view.record.answers["OPEN-01"].result == "fail")

    # The map: the pin is red now, drawn as the red square, and the panel says why.
    tab = _touchpoint_tab(qtbot, window)
    qtbot.waitUntil(lambda: pin.status == st.BAD)
    tab.view.centerOn(pin)
    qtbot.waitUntil(lambda: _red_pixels_at(tab, pin) > 60)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=_pin_screen_pos(tab, pin))
    qtbot.waitUntil(lambda: tab.panel.details_title.text() == "TP01 门口迎候 — 异常")
    why = tab.panel.why_model
    reasons = [why.item(r).text() for r in range(why.rowCount())]
    assert reasons[0] == "检查 1 次，不合格 1 次（100%）"
    assert why.item(0).child(0).text().startswith("2026-11-25 开门检查：")
    assert "整改项待完成 1 项" in reasons
    board = _board(tab.panel)
    assert board == [("异常（1）", ["TP01 门口迎候"])]
    # Down to the round: choosing it (Enter or a double-click) opens it in the inspection tab.
    round_row = tab.panel.why.visualRect(why.item(0).child(0).index()).center()
    qtbot.mouseClick(tab.panel.why.viewport(), Qt.MouseButton.LeftButton, pos=round_row)
    qtbot.keyClick(tab.panel.why, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is inspection.parentWidget())
    assert inspection.round_view.record.answers["OPEN-01"].note == "玻璃有手印"
    tab = _touchpoint_tab(qtbot, window)

    # Closed and opened again: the same map, pin, colour and board.
    qtbot.mouseClick(  # a click beside the pin clears the selection
        tab.view.viewport(), Qt.MouseButton.LeftButton, pos=_pin_screen_pos(tab, pin) + QPoint(120, 90)
    )
    qtbot.waitUntil(lambda: not tab.scene.selectedItems())
    window.close()
    window.opened.close()
    again = open_window(inspection_db, clock=lambda: NOW)
    again.resize(780, 560)
    tab2 = _touchpoint_tab(qtbot, again)
    qtbot.waitUntil(lambda: len(tab2.scene.pins) == 1)
    (pin2,) = tab2.scene.pins.values()
    assert (pin2.code, pin2.name, pin2.status) == ("TP01", "门口迎候", st.BAD)
    assert _board(tab2.panel) == board


def test_export_the_demo_map_as_a3_pdf_and_png(open_window, demo_db, qtbot, tmp_path):
    import re
    import subprocess

    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    from hallsupervisor.gui.touchpoints.export import ExportDialog

    window = open_window(demo_db)
    window.resize(780, 560)
    tab = _touchpoint_tab(qtbot, window)
    qtbot.waitUntil(lambda: len(tab.scene.pins) >= 9)  # the city hall starter's touchpoints
    assert set(tab.panel.statuses.values()) >= {st.OK, st.WATCH, st.BAD}
    button = tab.toolbar.widgetForAction(tab.export_action)

    def choose_kind(kind, then=None):
        def choose(dialog):
            assert isinstance(dialog, ExportDialog)
            dialog.kind.setCurrentIndex(dialog.kind.findData(kind))
            if then is not None:  # waited for only now: two waiting at once race for a dialog
                when_dialog_opens(qtbot, then)
            dialog.accept()

        when_dialog_opens(qtbot, choose)

    def export_as(kind, name):
        def save(files):
            assert isinstance(files, QFileDialog)
            files.selectFile(str(tmp_path / name))
            files.accept()

        choose_kind(kind, then=save)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: (tmp_path / name).exists())

    # A PDF opens in the print preview, to print for the wall or to save.
    from hallsupervisor.gui.printing import PrintPreview

    choose_kind("A3")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: any(isinstance(w, PrintPreview) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    preview = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PrintPreview))
    assert preview.count.text() == "共 2 页"  # the map, then the list of touchpoints
    assert preview.print_button.isEnabled()
    preview.choose_file = lambda: str(tmp_path / "wall")
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert (tmp_path / "wall.pdf").exists()
    preview.accept()
    info = subprocess.run(["pdfinfo", str(tmp_path / "wall.pdf")], capture_output=True, text=True)
    size = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info.stdout)
    assert (round(float(size.group(1))), round(float(size.group(2)))) == (1191, 842)
    text = subprocess.run(
        ["pdftotext", str(tmp_path / "wall.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "触点地图" in text and "统计期间" in text and "入口迎宾" in text
    export_as("png", "map.png")
    image = QImage(str(tmp_path / "map.png"))
    assert image.width() > 1000 and not image.isNull()
