"""Translations with Qt Linguist: Chinese is the source language, English the translation.

    python tools/i18n.py update    # refresh resources/translations/*.ts from the sources
    python tools/i18n.py release   # compile .ts into the .qm files the app loads
    python tools/i18n.py check     # list visible strings that have no translation (exit 1)

Sources are the Python modules (strings in _t("Context", "…"), QCoreApplication.translate
and QT_TRANSLATE_NOOP) and the Designer forms in ui/. Edit the English text in Qt Linguist
(pyside6-linguist) or in the .ts file directly.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ["en"]
CATALOG = "hallsupervisor"


def _tool(name: str) -> str:
    exe = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if not exe:
        raise SystemExit(f"{name} not found: install PySide6-Essentials")
    return exe


def sources() -> list[Path]:
    python = [
        p for p in sorted((ROOT / "hallsupervisor").rglob("*.py")) if "generated" not in p.parts
    ]
    return python + sorted((ROOT / "ui").glob("*.ui"))


def ts_file(language: str) -> Path:
    return TS_DIR / f"{CATALOG}_{language}.ts"


def lupdate(target: Path, language: str) -> str:
    args = [
        _tool("pyside6-lupdate"),
        "-tr-function-alias",
        "translate+=_t",
        "-source-language",
        "zh_CN",
        "-target-language",
        language,
        "-locations",
        "none",
        "-no-obsolete",
        *[str(p.relative_to(ROOT)) for p in sources()],
        "-ts",
        str(target),
    ]
    result = subprocess.run(args, cwd=ROOT, check=True, capture_output=True, text=True)
    return result.stdout + result.stderr


def update() -> int:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        print(lupdate(ts_file(language), language).strip())
    return 0


def release() -> int:
    for language in LANGUAGES:
        source = ts_file(language)
        subprocess.run(
            [_tool("pyside6-lrelease"), str(source), "-qm", str(source.with_suffix(".qm"))],
            check=True,
            capture_output=True,
        )
        print(f"{source.relative_to(ROOT)} -> {source.with_suffix('.qm').name}")
    return 0


def untranslated(language: str) -> list[tuple[str, str]]:
    """(context, source) of every string in the code that the .ts leaves untranslated."""
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder) / ts_file(language).name
        shutil.copyfile(ts_file(language), probe)
        lupdate(probe, language)  # adds strings new in the code as unfinished
        tree = ET.parse(probe)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = (translation.text or "").strip() if translation is not None else ""
            if not text or translation.get("type") in ("unfinished", "obsolete", "vanished"):
                missing.append((name, message.findtext("source")))
    return missing


def check() -> int:
    status = 0
    for language in LANGUAGES:
        missing = untranslated(language)
        for context, source in missing:
            print(f"{language}: [{context}] {source!r} has no translation")
        status |= bool(missing)
    if not status:
        print("every visible string is translated")
    return status


def main(argv: list[str]) -> int:
    commands = {"update": update, "release": release, "check": check}
    if len(argv) != 1 or argv[0] not in commands:
        print(__doc__)
        return 2
    return commands[argv[0]]()


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
