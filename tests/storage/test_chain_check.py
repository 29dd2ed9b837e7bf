"""`hallsupervisor check` catches a signed answer changed outside the app."""

from __future__ import annotations

import datetime as dt
import sqlite3

from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.check import ERROR, check_database, is_healthy
from hallsupervisor.storage.database import Store
from tests.gui.inspection.conftest import small_template


def _signed_round(path):
    from hallsupervisor.domain.packs import get_pack
    from hallsupervisor.storage import halls

    store = Store.open(path)
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults("测试厅"))
    template = small_template()
    records.save_template(store, hall_id, template)
    round_id = records.start_round(
        store, hall_id, name="开门检查", round_date=dt.date(2026, 11, 25), template_id=template.id
    )
    for item in template.items():
        value = {"ENV-01": "22", "ENV-03": "无"}.get(item.key, "")
        records.set_answer(store, round_id, item, None if value else "pass", value=value)
    records.sign_round(store, round_id, "王丽")
    item = template.items()[4]
    records.amend(store, round_id, item, result="fail", note="积水", reason="复核", by_name="王丽")
    store.close()
    return round_id


def test_untouched_chain_is_healthy(tmp_path):
    path = tmp_path / "hall.sqlite"
    _signed_round(path)
    findings = check_database(path)
    assert is_healthy(findings), [str(f) for f in findings]


def test_an_answer_changed_outside_the_app_is_caught(tmp_path):
    path = tmp_path / "hall.sqlite"
    round_id = _signed_round(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE answers SET result = 'fail' WHERE item_key = 'OPEN-01'")
    errors = [str(f) for f in check_database(path) if f.level == ERROR]
    assert errors == [
        f"[错误] 第 1 条签名记录对应的内容（{round_id}）在签名后被改动过，改动不是在本软件中做的。"
    ]


def test_an_amendment_rewritten_outside_the_app_is_caught(tmp_path):
    path = tmp_path / "hall.sqlite"
    _signed_round(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE amendments SET reason = '随便改改'")
    assert not is_healthy(check_database(path))
