"""Languages: Simplified Chinese is the source language; English comes from the .qm file."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from hallsupervisor import paths
from hallsupervisor.domain import Message

log = logging.getLogger(__name__)

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "zh_CN"
CATALOG = "hallsupervisor"

_installed: list[QTranslator] = []


def qm_path(language: str):
    return paths.translations_dir() / f"{CATALOG}_{language}.qm"


def install(app: QCoreApplication, language: str) -> str:
    """Loads Qt's own catalogue (standard buttons) and ours; returns the language in use."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale("zh_CN") if language == "zh_CN" else QLocale("en_US"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_catalog = QTranslator(app)
    if qt_catalog.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_catalog)
        _installed.append(qt_catalog)
    if language != DEFAULT_LANGUAGE:
        ours = QTranslator(app)
        if ours.load(str(qm_path(language))):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation %s missing; run tools/i18n.py release", qm_path(language))
    return language


def text(message: Message) -> str:
    """A domain Message in the interface language."""
    return message.render(QCoreApplication.translate)


def current() -> str:
    """The interface language of the running application."""
    app = QCoreApplication.instance()
    return (app.property("hallsupervisor_language") if app else None) or DEFAULT_LANGUAGE
