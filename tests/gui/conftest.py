"""GUI fixtures: the application as the user gets it (fonts, translations, crash hook)."""

from __future__ import annotations

import pytest

from tests.conftest import DEMO_NOW


@pytest.fixture
def crash_reports(monkeypatch):
    """What the crash handler would have shown, instead of a modal dialog."""
    from hallsupervisor.gui import crash

    shown: list[tuple[str, str, str]] = []
    monkeypatch.setattr(crash, "show_dialog", lambda *report: shown.append(report))
    yield shown
    # An error dialog the test did not expect is a failure, not a silent pass.
    unexpected = [report for report in shown if report not in getattr(shown, "expected", [])]
    assert not unexpected, unexpected[0][2]


@pytest.fixture
def app(qapp, crash_reports):
    from hallsupervisor.gui import i18n
    from hallsupervisor.gui.app import create_application

    application, settings = create_application(language="zh_CN")
    yield application
    i18n.install(application, "zh_CN")


@pytest.fixture
def settings(app):
    from hallsupervisor.gui.settings import Settings

    return Settings()


@pytest.fixture
def open_window(app, settings, qtbot):
    """Opens a main window on a database the way the app does; closes everything after."""
    from hallsupervisor.gui.database_open import open_database
    from hallsupervisor.gui.main_window import MainWindow

    opened_list = []

    def opener(db_path, clock=lambda: DEMO_NOW, ask=lambda *a: "quit"):
        opened = open_database(db_path, ask=ask)
        assert opened is not None
        opened_list.append(opened)
        window = MainWindow(opened, settings, clock=clock)
        qtbot.addWidget(window)
        return window

    yield opener
    for opened in opened_list:
        opened.close()


def activate(qtbot, widget) -> None:
    """Shows a window and makes it the active one, as a click on it would (shortcuts need it)."""
    from PySide6.QtWidgets import QApplication

    widget.show()
    widget.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def type_text(qtbot, widget, text: str) -> None:
    """Types like a user: ASCII as key presses, Chinese as the input method commits it."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            QApplication.sendEvent(widget, event)
