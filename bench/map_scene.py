"""A touchpoint map of 500 items: time to open it, and time per frame while dragging 50.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/map_scene.py [--items 500] [--group 50]
                                                                   [--runs 7] [--frames 60]

Builds a database with a 60 x 40 m map of `--items` elements (walls, doors, zones and
furniture, as a very large hall would have), a flow line and 20 touchpoints, then times,
as medians (time.perf_counter):

* opening the map tab: built from the database, shown and painted (median of --runs);
* one frame of dragging a group of `--group` selected items with the mouse: the move
  event delivered through the view and the viewport repainted at once (median of
  --frames frames),

against baselines measured in the same run: a bare QGraphicsView showing a scene of the
same number of plain QGraphicsRectItems (opened, and dragged the same way). The ratios to
the baselines are printed. A frame under 16.7 ms keeps 60 frames a second: the script
exits 1 when the drag frame is slower than that or the map takes more than 1 s to open.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FRAME_MS = 1000 / 60
OPEN_MS = 1000.0
SIZE = (1300, 800)


def build_database(path: Path, items: int) -> None:
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.domain.touchpoints import layout as layouts
    from hallsupervisor.domain.touchpoints.layout import MapElement
    from hallsupervisor.storage import hall_maps, halls
    from hallsupervisor.storage import touchpoints as tps
    from hallsupervisor.storage.database import Store

    rng = random.Random(20261125)
    store = Store.open(path)
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("大厅"))
    map_id = hall_maps.create_map(store, hall_id, name="大厅", width_m=60, depth_m=40)
    zones = list(layouts.ZONE_TYPES)
    furniture = list(layouts.FURNITURE_TYPES)
    elements = []
    for index in range(items):
        share = index / items
        if share < 0.08:
            kind, subtype = "zone", zones[index % len(zones)]
            w, h = rng.uniform(3, 9), rng.uniform(2, 6)
        elif share < 0.2:
            kind, subtype = "wall", ""
            w, h = (rng.uniform(2, 12), 0.24) if index % 2 else (0.24, rng.uniform(2, 12))
        elif share < 0.24:
            kind, subtype = "door", ""
            w, h = 1.2, 0.24
        else:
            kind, subtype = "furniture", furniture[index % len(furniture)]
            w, h = layouts.default_size(kind, subtype)
        elements.append(MapElement(
            kind, subtype, x=round(rng.uniform(0, 60 - w), 2), y=round(rng.uniform(0, 40 - h), 2),
            w=round(w, 2), h=round(h, 2), rotation=rng.choice([0, 0, 0, 90, 45]),
            z=layouts.default_z(kind)))
    hall_maps.add_elements(store, hall_id, map_id, elements)
    hall_maps.set_flow_points(store, hall_id, map_id,
                              [(rng.uniform(1, 59), rng.uniform(1, 39)) for _ in range(12)])
    for index in range(20):
        tps.add_touchpoint(store, hall_id, map_id, x_m=rng.uniform(1, 59),
                           y_m=rng.uniform(1, 39), name=f"触点{index + 1}")
    store.close()


def median_ms(action, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def drag_frames(view, items, frames: int) -> float:
    """Selects `items`, presses on the first, then times each mouse move + repaint."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    scene = view.scene()
    scene.clearSelection()
    for item in items:
        item.setSelected(True)
    viewport = view.viewport()
    grab = view.mapFromScene(items[0].mapToScene(items[0].boundingRect().center()))
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, grab)
    QApplication.processEvents()
    samples = []
    for frame in range(frames):
        offset = QPoint(4 + frame % 40 * 3, 2 + frame % 20 * 2)
        started = time.perf_counter()
        QTest.mouseMove(viewport, grab + offset)
        viewport.repaint()
        samples.append((time.perf_counter() - started) * 1000)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       grab + QPoint(4, 2))
    QApplication.processEvents()
    return statistics.median(samples)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=500)
    parser.add_argument("--group", type=int, default=50)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--frames", type=int, default=60)
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="hallsupervisor-bench-"))
    os.environ.setdefault("HALLSUPERVISOR_HOME", str(folder))
    path = folder / "map.sqlite"
    build_database(path, args.items)

    from PySide6.QtCore import QRectF
    from PySide6.QtWidgets import (
        QApplication,
        QGraphicsItem,
        QGraphicsRectItem,
        QGraphicsScene,
        QGraphicsView,
    )

    from hallsupervisor.gui.app import create_application
    from hallsupervisor.gui.settings import Settings
    from hallsupervisor.gui.touchpoints.touchpoint_tab import TouchpointTab
    from hallsupervisor.storage import hall_maps, halls
    from hallsupervisor.storage.database import Store

    app, _ = create_application(language="zh_CN")
    settings = Settings()
    store = Store.open(path)
    hall_id = halls.current_hall_id(store)
    hall_map = hall_maps.current_map(store, hall_id)
    elements = hall_maps.list_elements(store, hall_map.id)
    print(f"map: {len(elements)} elements, 20 touchpoints, flow line; "
          f"drag group {args.group}; view {SIZE[0]}x{SIZE[1]}")

    # -- baseline: plain rectangles in a bare view ---------------------------------------
    def plain_view():
        scene = QGraphicsScene()
        for element in elements:
            item = QGraphicsRectItem(QRectF(0, 0, element.w * 100, element.h * 100))
            item.setPos(element.x * 100, element.y * 100)
            item.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsMovable
                          | QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            scene.addItem(item)
        view = QGraphicsView(scene)
        view.kept_scene = scene  # the view does not own its scene
        view.resize(*SIZE)
        view.show()
        view.fitInView(QRectF(0, 0, 6000, 4000))
        view.repaint()
        QApplication.processEvents()
        return view

    def open_plain():
        view = plain_view()
        view.close()
        view.deleteLater()

    def open_map():
        tab = TouchpointTab(store, settings)
        tab.resize(*SIZE)
        tab.show()
        tab.view.fit()
        tab.repaint()
        QApplication.processEvents()
        tab.close()
        tab.deleteLater()

    open_plain()  # warm-up of both (fonts, first scene)
    open_map()
    results = {
        "open: baseline (bare view, plain rectangles)": median_ms(open_plain, args.runs),
        "open: map tab (read, built, shown, painted)": median_ms(open_map, args.runs),
    }

    view = plain_view()
    plain_items = [i for i in view.scene().items() if isinstance(i, QGraphicsRectItem)]
    results["drag frame: baseline"] = drag_frames(view, plain_items[: args.group], args.frames)
    view.close()

    tab = TouchpointTab(store, settings)
    tab.resize(*SIZE)
    tab.show()
    tab.view.fit()
    QApplication.processEvents()
    group = [tab.scene.elements[e.id] for e in elements if e.kind == "furniture"][: args.group]
    results["drag frame: map"] = drag_frames(tab.view, group, args.frames)
    tab.undo_stack.undo()  # the drag was stored; put it back
    tab.close()

    open_ratio = results["open: map tab (read, built, shown, painted)"] / results[
        "open: baseline (bare view, plain rectangles)"]
    frame_ratio = results["drag frame: map"] / results["drag frame: baseline"]
    print()
    for name, value in results.items():
        print(f"{name:<48} {value:8.1f} ms")
    print()
    print(f"open ratio (map / baseline):        {open_ratio:5.2f}")
    print(f"drag frame ratio (map / baseline):  {frame_ratio:5.2f}")
    failures = []
    if results["drag frame: map"] > FRAME_MS:
        failures.append(f"drag frame {results['drag frame: map']:.1f} ms > {FRAME_MS:.1f} ms")
    if results["open: map tab (read, built, shown, painted)"] > OPEN_MS:
        failures.append(f"opening takes more than {OPEN_MS:.0f} ms")
    for failure in failures:
        print("FAIL", failure)
    store.close()
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
