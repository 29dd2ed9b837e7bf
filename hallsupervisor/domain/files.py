"""Why a file could not be read or written, said in words a supervisor understands.

The operating system's own reason (`strerror`) is English on most machines; the common
cases get a sentence of ours, the rest keep the system's words after "系统报告".
"""

from __future__ import annotations

import errno

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message

CTX = "FileErrors"


def os_error_reason(exc: OSError) -> Message:
    if isinstance(exc, IsADirectoryError):
        return Message(CTX, QT_TRANSLATE_NOOP("FileErrors", "这是一个文件夹，不是文件。"))
    if isinstance(exc, FileNotFoundError):
        return Message(CTX, QT_TRANSLATE_NOOP("FileErrors", "文件或文件夹不存在。"))
    if isinstance(exc, PermissionError):
        return Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "FileErrors",
                "没有权限：文件夹可能是只读的，或文件正被其他程序（如 Excel、WPS）打开。",
            ),
        )
    if exc.errno == errno.ENOSPC:
        return Message(CTX, QT_TRANSLATE_NOOP("FileErrors", "磁盘已满，请先腾出空间。"))
    return Message(
        CTX, QT_TRANSLATE_NOOP("FileErrors", "系统报告：{reason}"), {"reason": exc.strerror or exc}
    )
