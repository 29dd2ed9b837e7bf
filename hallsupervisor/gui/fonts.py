"""Chinese text must render on a machine with no Chinese fonts: register the bundled one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from hallsupervisor import paths

log = logging.getLogger(__name__)


def install_fonts(app: QApplication) -> str | None:
    """Registers the bundled CJK font; returns its family name, or None if it failed."""
    font_id = QFontDatabase.addApplicationFont(str(paths.fonts_dir() / paths.CJK_FONT_FILE))
    if font_id < 0:
        log.warning("bundled font %s could not be loaded", paths.CJK_FONT_FILE)
        return None
    family = QFontDatabase.applicationFontFamilies(font_id)[0]
    # A family list: Latin text keeps the system font, Han characters missing from it come
    # from the bundled font.
    font = app.font()
    font.setFamilies([font.family(), family])
    app.setFont(font)
    return family


def scaled(font: QFont, factor: float) -> QFont:
    result = QFont(font)
    result.setPointSizeF(max(6.0, font.pointSizeF() * factor))
    return result
