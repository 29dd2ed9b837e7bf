"""Compiles ui/*.ui into hallsupervisor/gui/generated/ui_*.py (run after editing a form).

The generated modules are committed: a frozen app must not need pyside6-uic at run time.
tests/gui/test_generated_ui.py fails when a form and its module disagree.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
UI_DIR = ROOT / "ui"
OUT_DIR = ROOT / "hallsupervisor" / "gui" / "generated"
HEADER = "# Generated from ui/{name} by tools/compile_ui.py - do not edit.\n"


def uic_command() -> list[str]:
    exe = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if not exe:
        raise SystemExit("pyside6-uic not found: install PySide6-Essentials")
    return [exe]


def _trim_imports(code: str) -> str:
    """Keeps only the Qt names a form uses: each imported PySide6 class costs start-up time."""
    tree = ast.parse(code)
    used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
    lines = code.splitlines(keepends=True)
    for node in sorted(tree.body, key=lambda n: n.lineno, reverse=True):
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("PySide6"):
            names = [a.name for a in node.names if a.name in used]
            replacement = f"from {node.module} import {', '.join(names)}\n" if names else ""
            lines[node.lineno - 1 : node.end_lineno] = [replacement]
    return "".join(lines)


def compile_form(form: Path) -> str:
    result = subprocess.run(
        [*uic_command(), "--from-imports", str(form)],
        check=True,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    body = _trim_imports(result.stdout.replace("from  . import", "from . import"))
    return HEADER.format(name=form.name) + body


def target_for(form: Path) -> Path:
    return OUT_DIR / f"ui_{form.stem}.py"


def main() -> int:
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    (OUT_DIR / "__init__.py").write_text(
        '"""Modules generated from ui/*.ui by tools/compile_ui.py."""\n', encoding="utf-8"
    )
    for form in sorted(UI_DIR.glob("*.ui")):
        target_for(form).write_text(compile_form(form), encoding="utf-8")
        print(f"{form.relative_to(ROOT)} -> {target_for(form).relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
