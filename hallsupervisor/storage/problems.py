"""Things that go wrong with a database file, each with a plain Chinese explanation.

A problem of this kind is something the user can act on (restore a backup, move the file,
close the other window); anything else that goes wrong in storage is a bug and goes to the
crash dialog.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    """Marks a string for translation without importing Qt; the GUI translates it."""
    return text


CONTEXT = "DatabaseProblem"

NOT_SQLITE = "not_sqlite"
TRUNCATED = "truncated"
CORRUPT = "corrupt"
NEWER = "newer"
READ_ONLY = "read_only"
IN_USE = "in_use"
MISSING = "missing"

MESSAGES = {
    NOT_SQLITE: QT_TRANSLATE_NOOP("DatabaseProblem", "这个文件不是本软件的数据库。"),
    TRUNCATED: QT_TRANSLATE_NOOP("DatabaseProblem", "数据库文件不完整，可能在复制或断电时被截断。"),
    CORRUPT: QT_TRANSLATE_NOOP("DatabaseProblem", "数据库文件已损坏，无法安全读取。"),
    NEWER: QT_TRANSLATE_NOOP(
        "DatabaseProblem", "这个数据库由更新版本的软件创建，当前版本无法打开。请升级软件。"
    ),
    READ_ONLY: QT_TRANSLATE_NOOP(
        "DatabaseProblem", "数据库所在的文件夹或文件是只读的，无法保存任何修改。"
    ),
    IN_USE: QT_TRANSLATE_NOOP(
        "DatabaseProblem",
        "这个数据库已在另一个窗口中打开。为避免数据冲突，本窗口只能查看，不能修改。",
    ),
    MISSING: QT_TRANSLATE_NOOP("DatabaseProblem", "找不到数据库文件。"),
}

# What the user is told will happen to the damaged file, for kinds where it matters.
KEEP_NOTE = QT_TRANSLATE_NOOP(
    "DatabaseProblem", "原文件不会被覆盖或删除；恢复时它会被改名保留在原文件夹中。"
)


@dataclass
class DatabaseProblem(Exception):
    kind: str
    path: Path
    detail: str = ""

    def __str__(self) -> str:
        text = f"{MESSAGES.get(self.kind, self.kind)} [{self.path}]"
        return f"{text} {self.detail}".strip()

    @property
    def message(self) -> str:
        return MESSAGES.get(self.kind, self.kind)

    @property
    def restorable(self) -> bool:
        """Whether restoring a backup is the sensible offer."""
        return self.kind in (NOT_SQLITE, TRUNCATED, CORRUPT, NEWER)
