"""`hallsupervisor check`: is the file sound, and does the data make sense?

File-level checks (SQLite's integrity and foreign keys, the schema version) come first; then
each data check in DATA_CHECKS looks for something the app can tell is wrong. Later features
add their own checks to that list.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.storage import migrations
from hallsupervisor.storage.database import Store, inspect_file
from hallsupervisor.storage.problems import DatabaseProblem

CTX = "Check"
ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    level: str
    message: Message

    def __str__(self) -> str:
        label = "错误" if self.level == ERROR else "提醒"
        return f"[{label}] {self.message}"


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


def _hall_checks(store: Store) -> list[Finding]:
    findings = []
    if not store.scalar("SELECT count(*) FROM halls WHERE deleted_at IS NULL"):
        findings.append(Finding(WARNING, _m(QT_TRANSLATE_NOOP("Check", "还没有填写营业厅资料。"))))
    for row in store.query(
        "SELECT c.label, h.name FROM counters c JOIN halls h ON h.id = c.hall_id "
        "WHERE c.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM counter_business_types l "
        "JOIN business_types b ON b.id = l.business_type_id "
        "WHERE l.counter_id = c.id AND b.deleted_at IS NULL)"
    ):
        findings.append(
            Finding(
                WARNING,
                _m(
                    QT_TRANSLATE_NOOP("Check", "窗口“{counter}”没有指定可办理的业务类型。"),
                    counter=row["label"],
                ),
            )
        )
    for row in store.query(
        "SELECT b.name FROM business_types b WHERE b.deleted_at IS NULL AND NOT EXISTS ("
        "SELECT 1 FROM counter_business_types l JOIN counters c ON c.id = l.counter_id "
        "WHERE l.business_type_id = b.id AND c.deleted_at IS NULL)"
    ):
        findings.append(
            Finding(
                WARNING,
                _m(
                    QT_TRANSLATE_NOOP("Check", "业务类型“{business}”没有任何窗口办理。"),
                    business=row["name"],
                ),
            )
        )
    for row in store.query(
        "SELECT employee_no, group_concat(name, '、') AS names FROM staff "
        "WHERE deleted_at IS NULL AND employee_no != '' "
        "GROUP BY hall_id, employee_no HAVING count(*) > 1"
    ):
        findings.append(
            Finding(
                ERROR,
                _m(
                    QT_TRANSLATE_NOOP("Check", "工号 {number} 被多人使用：{names}。"),
                    number=row["employee_no"],
                    names=row["names"],
                ),
            )
        )
    return findings


def _ticket_checks(store: Store) -> list[Finding]:
    findings = []
    bad = store.scalar(
        "SELECT count(*) FROM tickets WHERE (called_at IS NOT NULL AND called_at < issued_at) "
        "OR (finished_at IS NOT NULL AND called_at IS NOT NULL AND finished_at < called_at)"
    )
    if bad:
        findings.append(
            Finding(
                ERROR,
                _m(
                    QT_TRANSLATE_NOOP("Check", "有 {count} 张排队号的叫号或办结时间早于取号时间。"),
                    count=bad,
                ),
            )
        )
    return findings


RECORD_COLUMNS = {"id", "hall_id", "created_at", "updated_at"}


def _record_checks(store: Store) -> list[Finding]:
    """Every table keeps the record columns that let halls' databases be merged later."""
    findings = []
    for table in store.db.tables:
        if table.name.startswith("sqlite_"):
            continue
        missing = RECORD_COLUMNS - set(table.columns_dict)
        if missing:
            findings.append(
                Finding(
                    ERROR,
                    _m(
                        QT_TRANSLATE_NOOP("Check", "数据表 {table} 缺少必需的列：{columns}。"),
                        table=table.name,
                        columns=", ".join(sorted(missing)),
                    ),
                )
            )
        elif table.count_where("id IS NULL OR hall_id IS NULL OR hall_id = ''"):
            findings.append(
                Finding(
                    ERROR,
                    _m(
                        QT_TRANSLATE_NOOP("Check", "数据表 {table} 中有记录缺少编号或所属营业厅。"),
                        table=table.name,
                    ),
                )
            )
    return findings


def _skill_checks(store: Store) -> list[Finding]:
    findings = []
    codes = {
        (r["hall_id"], r["code"])
        for r in store.query("SELECT hall_id, code FROM business_types WHERE deleted_at IS NULL")
    }
    for person in store.query("SELECT hall_id, name, skills FROM staff WHERE deleted_at IS NULL"):
        unknown = [
            c for c in json.loads(person["skills"] or "[]") if (person["hall_id"], c) not in codes
        ]
        if unknown:
            findings.append(
                Finding(
                    WARNING,
                    _m(
                        QT_TRANSLATE_NOOP(
                            "Check", "员工“{name}”的技能中有已不存在的业务类型：{codes}。"
                        ),
                        name=person["name"],
                        codes=", ".join(unknown),
                    ),
                )
            )
    return findings


def _chain_checks(store: Store) -> list[Finding]:
    """Signed rounds and amendments must still hash to their chain: an edit made to the
    database outside the app breaks it."""
    from hallsupervisor.storage import inspection

    findings = []
    for hall in store.query("SELECT DISTINCT hall_id FROM audit_chain"):
        for problem in inspection.verify_chain(store, hall["hall_id"]):
            findings.append(Finding(ERROR, problem.message))
    return findings


# Each returns findings about the data of an open, healthy database.
DATA_CHECKS: list[Callable[[Store], list[Finding]]] = [
    _record_checks,
    _hall_checks,
    _skill_checks,
    _ticket_checks,
    _chain_checks,
]


def check_database(path: Path) -> list[Finding]:
    path = Path(path)
    if not path.exists():
        return [
            Finding(
                ERROR, _m(QT_TRANSLATE_NOOP("Check", "找不到数据库文件：{path}"), path=str(path))
            )
        ]
    try:
        inspect_file(path, deep=True)
        store = Store.open(path, read_only=True, migrate=False)
    except DatabaseProblem as problem:
        return [Finding(ERROR, Message("DatabaseProblem", problem.message))]
    findings: list[Finding] = []
    try:
        result = [r[0] for r in store.conn.execute("PRAGMA integrity_check").fetchall()]
        if result != ["ok"]:
            findings.append(
                Finding(
                    ERROR,
                    _m(
                        QT_TRANSLATE_NOOP("Check", "SQLite 完整性检查未通过：{detail}"),
                        detail="; ".join(result[:5]),
                    ),
                )
            )
            return findings
        broken = store.conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            findings.append(
                Finding(
                    ERROR,
                    _m(
                        QT_TRANSLATE_NOOP("Check", "有 {count} 条记录引用了不存在的记录。"),
                        count=len(broken),
                    ),
                )
            )
        version = migrations.current_version(store.conn)
        if version < migrations.SCHEMA_VERSION:
            findings.append(
                Finding(
                    WARNING,
                    _m(
                        QT_TRANSLATE_NOOP(
                            "Check",
                            "数据库结构版本为 {old}，下次用软件打开时会自动升级到 {new}（升级前自动备份）。",
                        ),
                        old=version,
                        new=migrations.SCHEMA_VERSION,
                    ),
                )
            )
            return findings
        for data_check in DATA_CHECKS:
            findings += data_check(store)
    except sqlite3.DatabaseError as exc:
        findings.append(
            Finding(
                ERROR, _m(QT_TRANSLATE_NOOP("Check", "读取数据库时出错：{detail}"), detail=str(exc))
            )
        )
    finally:
        store.close()
    return findings


def is_healthy(findings: list[Finding]) -> bool:
    return not any(f.level == ERROR for f in findings)
