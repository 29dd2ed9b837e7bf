"""The layers below the GUI never import Qt, plotting or PDF libraries.

The check runs in a fresh interpreter, so modules other tests imported do not hide a leak.
Modules are discovered with pkgutil, so a new module is covered without editing this test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

PACKAGES = ["hallsupervisor.domain", "hallsupervisor.storage", "hallsupervisor.demo"]
MODULES = ["hallsupervisor.cli", "hallsupervisor.paths", "hallsupervisor.logs"]
FORBIDDEN = ["PySide6", "shiboken6", "pyqtgraph", "reportlab"]

SCRIPT = r"""
import importlib, json, pkgutil, sys

packages, modules, forbidden = json.loads(sys.argv[1])
imported = []
for name in packages:
    package = importlib.import_module(name)
    imported.append(name)
    for info in pkgutil.walk_packages(package.__path__, prefix=name + ".",
                                      onerror=lambda n: (_ for _ in ()).throw(ImportError(n))):
        importlib.import_module(info.name)
        imported.append(info.name)
for name in modules:
    importlib.import_module(name)
    imported.append(name)
leaked = sorted(m for m in sys.modules
                if any(m == f or m.startswith(f + ".") for f in forbidden))
print(json.dumps({"imported": imported, "leaked": leaked}))
"""


def _run() -> dict:
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps([PACKAGES, MODULES, FORBIDDEN])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_lower_layers_import_no_gui_libraries():
    report = _run()
    assert report["leaked"] == [], f"imported by the non-GUI layers: {report['leaked']}"
    imported = set(report["imported"])
    # Discovery really walked the packages (guards against an empty walk passing vacuously).
    for expected in [
        "hallsupervisor.domain.hall",
        "hallsupervisor.domain.packs",
        "hallsupervisor.domain.today",
        "hallsupervisor.storage.database",
        "hallsupervisor.storage.halls",
        "hallsupervisor.storage.migrations",
        "hallsupervisor.demo.generate",
        *MODULES,
    ]:
        assert expected in imported


def test_discovery_covers_every_module_file():
    report = _run()
    imported = set(report["imported"])
    package_dir = ROOT / "hallsupervisor"
    for package in PACKAGES:
        folder = package_dir / package.split(".")[-1]
        for path in folder.rglob("*.py"):
            parts = path.relative_to(package_dir.parent).with_suffix("").parts
            name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
            assert name in imported, name


def test_the_check_would_catch_a_leak():
    """The same subprocess check sees Qt when the GUI package is imported."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, json.dumps([["hallsupervisor.gui"], [], FORBIDDEN])],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    leaked = json.loads(result.stdout.strip().splitlines()[-1])["leaked"]
    assert any(m.startswith("PySide6") for m in leaked)
