"""Uncaught errors: log them and tell the user what to send, instead of vanishing.

Storage errors the user can act on (read-only folder, full disk, damaged file) get a plain
message of their own; everything else is a bug and gets the crash dialog with the log path.
"""

from __future__ import annotations

import logging
import sqlite3
import sys
import traceback

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from hallsupervisor import logs

# Qt Linguist reads _t("Context", "source") calls (tools/i18n.py passes the alias).
_t = QCoreApplication.translate

log = logging.getLogger(__name__)

# Tests replace this to see what would have been shown without a modal dialog.
show_dialog = None
_showing = False


def user_message_for(exc: BaseException) -> str | None:
    """A plain message for errors the user can fix; None for bugs."""
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "readonly" in text or "read-only" in text:
            return _t(
                "Crash",
                "无法保存：数据库是只读的（可能在另一个窗口中打开，或所在文件夹不可写）。"
                "刚才的修改没有保存。",
            )
        if "disk" in text and "full" in text:
            return _t("Crash", "无法保存：磁盘已满。请清理磁盘空间后重试，刚才的修改没有保存。")
        if "locked" in text or "busy" in text:
            return _t("Crash", "无法保存：数据库正被其他程序占用。请稍后重试。")
    if isinstance(exc, sqlite3.DatabaseError) and "malformed" in str(exc).lower():
        return _t("Crash", "数据库文件已损坏。请关闭软件后重新打开，按提示从备份恢复。")
    return None


def handle_exception(exc_type, exc, tb) -> None:
    global _showing
    if issubclass(exc_type, KeyboardInterrupt):
        QApplication.quit()
        return
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("uncaught exception\n%s", details)
    friendly = user_message_for(exc)
    if friendly:
        title, body = _t("Crash", "无法保存"), friendly
    else:
        title = _t("Crash", "出现了意外错误")
        body = "\n\n".join(
            [
                _t("Crash", "软件遇到了一个意外错误，已经记录在日志中。已保存的数据不受影响。"),
                _t("Crash", "请把下面这个日志文件发给技术支持：{path}").format(
                    path=logs.log_file()
                ),
            ]
        )
    if show_dialog is not None:
        show_dialog(title, body, details)
        return
    if _showing or QApplication.instance() is None:
        print(details, file=sys.stderr)
        return
    _showing = True
    try:
        box = QMessageBox(
            QMessageBox.Icon.Warning if friendly else QMessageBox.Icon.Critical, title, body
        )
        if not friendly:
            box.setDetailedText(details)
        box.exec()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = handle_exception
