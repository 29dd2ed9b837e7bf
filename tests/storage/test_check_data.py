"""`check` finds what the app can tell is wrong in the data, not just in the file."""

from __future__ import annotations

import json
import sqlite3

from hallsupervisor.storage.check import ERROR, WARNING, check_database, is_healthy


def _levels_and_texts(path):
    return [(f.level, str(f.message)) for f in check_database(path)]


def test_demo_database_is_healthy(demo_db):
    findings = check_database(demo_db)
    assert is_healthy(findings), [str(f) for f in findings]


def test_skill_of_a_business_type_that_no_longer_exists_is_reported(demo_db):
    with sqlite3.connect(demo_db) as conn:
        conn.execute(
            "UPDATE staff SET skills = ? WHERE name = '李强'", (json.dumps(["pay", "telegraph"]),)
        )
    found = _levels_and_texts(demo_db)
    assert (WARNING, "员工“李强”的技能中有已不存在的业务类型：telegraph。") in found


def test_a_table_without_record_columns_is_an_error(demo_db):
    with sqlite3.connect(demo_db) as conn:
        conn.execute("CREATE TABLE notes (id TEXT PRIMARY KEY, body TEXT)")
    found = _levels_and_texts(demo_db)
    assert (ERROR, "数据表 notes 缺少必需的列：created_at, hall_id, updated_at。") in found
    assert not is_healthy(check_database(demo_db))


def test_a_record_without_its_hall_is_an_error(demo_db):
    with sqlite3.connect(demo_db) as conn:
        conn.execute("UPDATE tickets SET hall_id = '' WHERE rowid = 1")
    found = _levels_and_texts(demo_db)
    assert (ERROR, "数据表 tickets 中有记录缺少编号或所属营业厅。") in found
