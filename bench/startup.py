"""Cold start to the first painted main window, against a bare PySide6 window with five tabs.

    .venv/bin/python bench/startup.py [--runs 9]

Both are started as fresh processes, in turn, and timed from the start of the process to
the moment the window reports its first paint. The demo database is built once beforehand,
and the package is byte-compiled first, as an installed copy is (pip and PyInstaller ship the
.pyc files): a machine with PYTHONDONTWRITEBYTECODE set would otherwise time the compiler.
The ratio (app / bare window) is what to watch; the target is at most 2.0.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE_WINDOW = r"""
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

class Window(QMainWindow):
    painted = False
    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted:
            self.painted = True
            QTimer.singleShot(0, lambda: (print("first paint", flush=True), app.quit()))

app = QApplication(sys.argv)
window = Window()
tabs = QTabWidget()
for name in ("今日", "巡检", "触点地图", "排队与排班", "突发事件"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1366, 768)
window.show()
app.exec()
"""


def time_to_first_paint(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    process = subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True
    )
    for line in process.stdout:
        if line.startswith("first paint"):
            elapsed = time.perf_counter() - started
            break
    else:
        raise RuntimeError(f"{command} never painted (exit {process.wait()})")
    process.wait()
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    home = tempfile.mkdtemp(prefix="hallsupervisor-bench-")
    env = {
        **os.environ,
        "HALLSUPERVISOR_HOME": home,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "HALLSUPERVISOR_QUIT_AFTER_PAINT": "1",
    }
    db = Path(home) / "demo.sqlite"
    import compileall

    compileall.compile_dir(ROOT / "hallsupervisor", quiet=1)
    subprocess.run(
        [sys.executable, "-m", "hallsupervisor", "demo", "--db", str(db)],
        check=True,
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )
    app = [sys.executable, "-m", "hallsupervisor", "--demo", "--db", str(db)]
    bare = [sys.executable, "-c", BARE_WINDOW]
    time_to_first_paint(app, env)  # warm the file cache for both
    time_to_first_paint(bare, env)
    app_times, bare_times, ratios = [], [], []
    for _ in range(args.runs):
        a = time_to_first_paint(app, env)
        b = time_to_first_paint(bare, env)
        app_times.append(a)
        bare_times.append(b)
        ratios.append(a / b)
    print(f"runs: {args.runs}, demo database {db.stat().st_size / 1e6:.1f} MB")
    print(f"bare PySide6 window, five tabs: median {statistics.median(bare_times) * 1000:.0f} ms")
    print(f"hallsupervisor main window:    median {statistics.median(app_times) * 1000:.0f} ms")
    ratio = statistics.median(ratios)
    print(f"ratio app / bare (median of pairs): {ratio:.2f}  (target <= 2.0)")
    return 0 if ratio <= 2.0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
