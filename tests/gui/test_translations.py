"""Chinese first, English complete: every visible string has its translation."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QLabel

from hallsupervisor.gui import i18n

ROOT = Path(__file__).resolve().parents[2]
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_every_visible_string_has_an_english_translation():
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "i18n.py"), "check"],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_window_shows_no_chinese_interface_text(app, open_window, demo_db):
    i18n.install(app, "en")
    app.setProperty("hallsupervisor_language", "en")
    try:
        window = open_window(demo_db)
        window.show()
        texts = [window.tabs.tabText(i) for i in range(window.tabs.count())]
        texts += [
            a.text()
            for menu in window.menuBar().findChildren(type(window.ui.menuFile))
            for a in menu.actions()
        ]
        texts += [m.title() for m in window.menuBar().findChildren(type(window.ui.menuFile))]
        texts += [window.today.section_titles()[0], window.today.updated_label.text()]
        texts += [label.text() for label in window.today.findChildren(QLabel, "sectionTitle")]
        assert texts[:5] == [
            "Today",
            "Inspection",
            "Touchpoint map",
            "Queue and staffing",
            "Incident playbooks",
        ]
        # Language names are shown in their own language on purpose.
        leaks = [t for t in texts if HAN.search(t) and t != "中文"]
        assert not leaks, leaks
    finally:
        app.setProperty("hallsupervisor_language", "zh_CN")
        i18n.install(app, "zh_CN")


def test_chinese_standard_buttons_come_from_qts_own_catalogue(app):
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
