"""The playbook file (docs/playbook-format.md): one or more playbooks in a UTF-8 JSON file.

Reading checks the whole file and lists every problem with where it is (line and column for
a syntax error, the playbook's line and its step for a content error); a file with any problem
imports nothing. The built-in playbooks in resources/playbooks/ are files of this format.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from hallsupervisor import paths
from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.incidents.playbook import (
    BUILTIN_CODES,
    FORMAT,
    Playbook,
    PlaybookError,
)

CTX = "Playbooks"
KIND = "hallsupervisor.playbooks"
MAX_BYTES = 2_000_000
MAX_PLAYBOOKS = 200
MAX_PROBLEMS = 50
SUFFIX = ".json"
AT = QT_TRANSLATE_NOOP("Playbooks", "{at}：{problem}")


class PlaybookFileError(ValueError):
    """The file was refused; `problems` lists each problem with where it is."""

    def __init__(self, problems: list[Message]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _refuse(text: str, **args) -> PlaybookFileError:
    return PlaybookFileError([Message(CTX, text, args)])


def parse_playbooks(data: bytes) -> list[Playbook]:
    """The playbooks of a file's bytes; raises PlaybookFileError listing every problem."""
    if len(data) > MAX_BYTES:
        raise _refuse(
            QT_TRANSLATE_NOOP("Playbooks", "文件太大（{size} KB，最多 {limit} KB），不像预案文件"),
            size=len(data) // 1024,
            limit=MAX_BYTES // 1024,
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("Playbooks", "文件不是 UTF-8 编码的文字（第 {offset} 个字节起）"),
            offset=exc.start + 1,
        ) from None
    if not text.strip():
        raise _refuse(QT_TRANSLATE_NOOP("Playbooks", "文件是空的"))
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise _refuse(
            QT_TRANSLATE_NOOP("Playbooks", "第 {line} 行第 {column} 列：JSON 格式错误（{detail}）"),
            line=exc.lineno,
            column=exc.colno,
            detail=exc.msg,
        ) from None
    bodies = _bodies(document)
    problems: list[Message] = []
    playbooks: list[Playbook] = []
    seen: dict[str, int] = {}
    for n, body in enumerate(bodies, 1):
        code = body.get("code") if isinstance(body, dict) else None
        line = _line_of(text, code)
        at = Message(
            CTX,
            QT_TRANSLATE_NOOP("Playbooks", "第 {n} 个预案（{code}，第 {line} 行）"),
            {"n": n, "code": code if isinstance(code, str) else "?", "line": line},
        )
        try:
            playbook = Playbook.from_dict(body)
        except PlaybookError as error:
            for problem in error.problems:
                problems.append(Message(CTX, AT, {"at": at, "problem": problem}))
            continue
        if playbook.code in seen:
            problems.append(
                Message(
                    CTX,
                    QT_TRANSLATE_NOOP("Playbooks", "{at}：代码 {code} 与第 {other} 个预案重复"),
                    {"at": at, "code": playbook.code, "other": seen[playbook.code]},
                )
            )
            continue
        seen[playbook.code] = n
        playbooks.append(playbook)
    if problems:
        if len(problems) > MAX_PROBLEMS:
            more = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [
                Message(CTX, QT_TRANSLATE_NOOP("Playbooks", "另有 {count} 个问题未列出"), {"count": more})
            ]
        raise PlaybookFileError(problems)
    return playbooks


def _bodies(document) -> list:
    if isinstance(document, dict) and "playbooks" in document:
        if document.get("kind", KIND) != KIND:
            raise _refuse(
                QT_TRANSLATE_NOOP("Playbooks", "这不是预案文件（kind 为 {kind}）"),
                kind=document.get("kind"),
            )
        if document.get("format", FORMAT) != FORMAT:
            raise _refuse(
                QT_TRANSLATE_NOOP("Playbooks", "文件格式版本 {format} 不受支持（应为 {expected}）"),
                format=document.get("format"),
                expected=FORMAT,
            )
        bodies = document["playbooks"]
        if not isinstance(bodies, list):
            raise _refuse(QT_TRANSLATE_NOOP("Playbooks", "“playbooks” 应为预案的列表"))
    elif isinstance(document, dict) and "code" in document:
        bodies = [document]
    elif isinstance(document, list):
        bodies = document
    else:
        raise _refuse(QT_TRANSLATE_NOOP("Playbooks", "文件里没有预案（应有 “playbooks” 列表）"))
    if not bodies:
        raise _refuse(QT_TRANSLATE_NOOP("Playbooks", "文件里没有预案"))
    if len(bodies) > MAX_PLAYBOOKS:
        raise _refuse(
            QT_TRANSLATE_NOOP("Playbooks", "预案太多（{count} 个，最多 {limit} 个）"),
            count=len(bodies),
            limit=MAX_PLAYBOOKS,
        )
    return bodies


def _line_of(text: str, code) -> int:
    """The line of the playbook's "code": "…" in the file (1 when it cannot be found)."""
    if not isinstance(code, str):
        return 1
    match = re.search(r'"code"\s*:\s*' + re.escape(json.dumps(code, ensure_ascii=False)), text)
    if match is None:
        match = re.search(r'"code"\s*:\s*' + re.escape(json.dumps(code)), text)
    return text.count("\n", 0, match.start()) + 1 if match else 1


def write_playbooks(playbooks: list[Playbook]) -> bytes:
    """A file of these playbooks, readable by parse_playbooks and by people."""
    document = {
        "format": FORMAT,
        "kind": KIND,
        "playbooks": [p.to_dict() for p in playbooks],
    }
    return (json.dumps(document, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


# -- the built-in library ----------------------------------------------------------------------
def builtin_dir() -> Path:
    return paths.resources_dir() / "playbooks"


@lru_cache(maxsize=1)
def builtin_playbooks() -> tuple[Playbook, ...]:
    """The built-in playbooks in BUILTIN_CODES order (each file holds one playbook)."""
    result = []
    for code in BUILTIN_CODES:
        (playbook,) = parse_playbooks((builtin_dir() / f"{code}{SUFFIX}").read_bytes())
        result.append(playbook)
    return tuple(result)


def builtin(code: str) -> Playbook | None:
    return next((p for p in builtin_playbooks() if p.code == code), None)
