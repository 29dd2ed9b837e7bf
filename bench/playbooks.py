"""The playbook library under stress: opening it and finding a playbook while typing.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/playbooks.py [--own 200] [--runs 7]

Builds a database with the fifteen built-in playbooks and `--own` playbooks of the hall's
own (eight steps each, like the built-ins), then times, as medians (time.perf_counter):

* opening the library: every playbook read from the database and checked, the list, the
  large buttons and the first playbook's detail built, shown and painted (median of --runs);
* one keystroke in the search box: the list filtered by Chinese text or pinyin initials and
  the best match shown in full, painted (median over a set of queries);

against baselines measured in the same run: a bare QListView of the same number of titles
(opened), and a plain substring filter of those titles in a QSortFilterProxyModel (one
keystroke). The ratios are printed. Under stress a search must keep up with typing: the
script exits 1 when a keystroke takes more than 100 ms or opening more than 1 s.
"""

from __future__ import annotations

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KEY_MS = 100.0
OPEN_MS = 1000.0
QUERIES = ["hz", "火灾", "yd", "触电", "queue", "xtbk", "ls", "灭火器", "12345", "zzz"]
SIZE = (1300, 760)


def build_database(path: Path, own: int) -> None:
    from hallsupervisor.domain.incidents.playbook import Playbook
    from hallsupervisor.domain.incidents.playbook_file import builtin_playbooks
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.storage import halls
    from hallsupervisor.storage import playbooks as library
    from hallsupervisor.storage.database import Store

    store = Store.open(path)
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("大厅"))
    library.ensure_builtin(store, hall_id)
    shipped = builtin_playbooks()
    for n in range(own):
        body = copy.deepcopy(shipped[n % len(shipped)].to_dict())
        body["code"] = f"own_{n + 1}"
        body["category"] = "own"
        body["title"] = {"zh": f"本厅预案{n + 1}：{body['title']['zh']}"[:40], "en": ""}
        library.add_playbook(store, hall_id, Playbook.from_dict(body))
    store.close()


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def paint(app, widget) -> None:
    widget.repaint()
    app.processEvents()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--own", type=int, default=200)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    os.environ["HALLSUPERVISOR_HOME"] = tempfile.mkdtemp(prefix="hs-bench-")

    from PySide6.QtCore import QSortFilterProxyModel, QStringListModel
    from PySide6.QtWidgets import QApplication, QListView

    from hallsupervisor.gui.app import create_application
    from hallsupervisor.gui.incidents.library_view import LibraryView
    from hallsupervisor.storage import halls
    from hallsupervisor.storage import playbooks as library
    from hallsupervisor.storage.database import Store

    app, _settings = create_application([sys.argv[0]], "zh_CN")
    assert isinstance(app, QApplication)
    path = Path(os.environ["HALLSUPERVISOR_HOME"]) / "bench.sqlite"
    build_database(path, args.own)
    store = Store.open(path)
    hall_id = halls.current_hall_id(store)
    titles = [s.title for s in library.list_playbooks(store, hall_id)]

    opening, bare_opening = [], []
    view = None
    for _ in range(args.runs):
        start = time.perf_counter()
        bare = QListView()
        bare.setModel(QStringListModel(titles, bare))
        bare.resize(*SIZE)
        bare.show()
        paint(app, bare)
        bare_opening.append(time.perf_counter() - start)
        bare.close()
        bare.deleteLater()
        if view is not None:
            view.close()
            view.deleteLater()
        app.processEvents()
        start = time.perf_counter()
        view = LibraryView(store, hall_id)
        view.resize(*SIZE)
        view.show()
        paint(app, view)
        opening.append(time.perf_counter() - start)

    proxy_view = QListView()
    source = QStringListModel(titles, proxy_view)
    proxy = QSortFilterProxyModel(proxy_view)
    proxy.setSourceModel(source)
    proxy_view.setModel(proxy)
    proxy_view.resize(*SIZE)
    proxy_view.show()
    keystroke, bare_keystroke = [], []
    for _ in range(3):
        for query in QUERIES:
            start = time.perf_counter()
            view.search.setText(query)
            paint(app, view)
            keystroke.append(time.perf_counter() - start)
            start = time.perf_counter()
            proxy.setFilterFixedString(query)
            paint(app, proxy_view)
            bare_keystroke.append(time.perf_counter() - start)
    found = view.model.rowCount()
    view.search.setText("hz")
    best = view.model.index(0).data()
    store.close()

    open_ms, bare_open_ms = median_ms(opening), median_ms(bare_opening)
    key_ms, bare_key_ms = median_ms(keystroke), median_ms(bare_keystroke)
    total = len(titles)
    print(f"library of {total} playbooks (15 built-in, {args.own} of the hall's own)")
    print(f"open library      {open_ms:7.1f} ms   bare list {bare_open_ms:6.1f} ms   "
          f"ratio {open_ms / bare_open_ms:5.1f}")
    print(f"search keystroke  {key_ms:7.1f} ms   bare filter {bare_key_ms:4.1f} ms   "
          f"ratio {key_ms / bare_key_ms:5.1f}   (queries: {', '.join(QUERIES)})")
    print(f"'zzz' finds {found}; 'hz' finds first: {best}")
    ok = key_ms <= KEY_MS and open_ms <= OPEN_MS
    print("within targets" if ok else f"OVER TARGET (keystroke {KEY_MS} ms, open {OPEN_MS} ms)")
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
