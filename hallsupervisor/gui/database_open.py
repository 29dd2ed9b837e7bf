"""Opening the database from the GUI: one writer at a time, and a way out of every problem.

A damaged, foreign, newer or unwritable file is explained in plain Chinese, with the choices
that make sense for it: restore the latest good backup (the damaged file is renamed and
kept, never overwritten), look without changing anything, open another file, or quit.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from hallsupervisor.storage import backup, problems
from hallsupervisor.storage.database import Store
from hallsupervisor.storage.lock import InstanceLock
from hallsupervisor.storage.problems import DatabaseProblem

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

log = logging.getLogger(__name__)

RESTORE, READ_ONLY, OPEN_OTHER, QUIT = "restore", "read_only", "open_other", "quit"


class DatabaseProblemDialog(QDialog):
    def __init__(
        self,
        problem: DatabaseProblem,
        latest: backup.BackupFile | None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        # Imported here: the form is only needed when something is wrong, not at every start.
        from hallsupervisor.gui.generated.ui_database_problem import Ui_DatabaseProblemDialog

        self.ui = Ui_DatabaseProblemDialog()
        self.ui.setupUi(self)
        self.choice = QUIT
        self.ui.message.setText(_t("DatabaseProblem", problem.message))
        self.ui.pathLabel.setText(_t("DatabaseProblem", "文件：{path}").format(path=problem.path))
        self.ui.keepNote.setText(
            _t("DatabaseProblem", problems.KEEP_NOTE) if problem.restorable else ""
        )
        self.ui.keepNote.setVisible(problem.restorable)
        can_restore = problem.restorable and latest is not None
        if problem.restorable:
            self.ui.backupLabel.setText(
                _t("DatabaseProblem", "最近的完好备份：{time}").format(
                    time=f"{latest.taken_at:%Y-%m-%d %H:%M}"
                )
                if latest
                else _t("DatabaseProblem", "没有找到这个数据库的完好备份。")
            )
        else:
            self.ui.backupLabel.hide()
        if problem.kind == problems.IN_USE:
            self.ui.headline.setText(_t("DatabaseProblem", "数据库已在使用中"))
        self.ui.restoreButton.setVisible(can_restore)
        self.ui.readOnlyButton.setVisible(problem.kind in (problems.READ_ONLY, problems.IN_USE))
        self.ui.openOtherButton.setVisible(problem.kind != problems.IN_USE)
        for button, choice in (
            (self.ui.restoreButton, RESTORE),
            (self.ui.readOnlyButton, READ_ONLY),
            (self.ui.openOtherButton, OPEN_OTHER),
            (self.ui.quitButton, QUIT),
        ):
            button.clicked.connect(lambda _=False, c=choice: self._choose(c))
        default = self.ui.restoreButton if can_restore else self.ui.readOnlyButton
        if default.isVisible():
            default.setDefault(True)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


def ask_with_dialog(problem: DatabaseProblem, latest: backup.BackupFile | None) -> str:
    dialog = DatabaseProblemDialog(problem, latest)
    dialog.exec()
    return dialog.choice


def choose_other_file(current: Path) -> Path | None:
    name, _ = QFileDialog.getSaveFileName(
        None,
        _t("DatabaseProblem", "打开或新建数据库"),
        str(current.parent),
        _t("DatabaseProblem", "营业厅数据库 (*.sqlite *.db);;所有文件 (*)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    return Path(name) if name else None


@dataclass
class OpenedDatabase:
    store: Store
    lock: InstanceLock | None  # None when opened read-only

    def close(self) -> None:
        self.store.close()
        if self.lock:
            self.lock.release()


def open_database(
    db_path: Path, *, ask: Callable = ask_with_dialog, choose_file: Callable = choose_other_file
) -> OpenedDatabase | None:
    """Opens `db_path` for this window, resolving problems with the user; None means quit."""
    db_path = Path(db_path)
    while True:
        lock = InstanceLock(db_path)
        if not lock.acquire():
            problem = DatabaseProblem(problems.IN_USE, db_path)
            if ask(problem, None) != READ_ONLY:
                return None
            try:
                return OpenedDatabase(Store.open(db_path, read_only=True, deep_check=False), None)
            except DatabaseProblem as read_problem:
                lock = None
                problem = read_problem
        else:
            try:
                return OpenedDatabase(Store.open(db_path, deep_check=False), lock)
            except DatabaseProblem as open_problem:
                lock.release()
                problem = open_problem
        log.warning("database problem: %s", problem)
        latest = backup.latest_good_backup(db_path) if problem.restorable else None
        choice = ask(problem, latest)
        if choice == RESTORE and latest is not None:
            backup.restore(db_path, latest.path, label="damaged")
        elif choice == READ_ONLY and problem.kind == problems.READ_ONLY:
            try:
                return OpenedDatabase(Store.open(db_path, read_only=True), None)
            except DatabaseProblem as read_problem:
                ask(read_problem, None)
                return None
        elif choice == OPEN_OTHER:
            other = choose_file(db_path)
            if other is None:
                continue
            db_path = other
        else:
            return None
