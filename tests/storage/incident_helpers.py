"""A small playbook document stored straight into the tables, so the run, storage and report
tests do not depend on the built-in library's wording."""

from __future__ import annotations

import json

from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage.database import Store

FAINTING = {
    "format": 1,
    "code": "fainting",
    "category": "hall",
    "title": {"zh": "顾客突发疾病或晕倒", "en": "A customer falls ill or faints"},
    "applies_when": {"zh": "有人倒地或明显不适", "en": "Someone collapses or is clearly unwell"},
    "roles": ["supervisor", "counter", "guide", "security"],
    "steps": [
        {"id": "s2", "text": {"zh": "拨打 120 说明地址", "en": "Call 120 with the address"},
         "role": "counter", "immediate": True, "script": None, "target_minutes": 2},
        {"id": "s1", "text": {"zh": "上前查看意识和呼吸", "en": "Check consciousness and breathing"},
         "role": "supervisor", "immediate": True,
         "script": {"zh": "您能听见我说话吗？", "en": "Can you hear me?"}, "target_minutes": None},
        {"id": "s3", "text": {"zh": "疏散围观人群", "en": "Clear the onlookers"},
         "role": "security", "immediate": False, "script": None, "target_minutes": None},
        {"id": "s4", "text": {"zh": "到门口接救护车", "en": "Meet the ambulance at the door"},
         "role": "guide", "immediate": False, "script": None, "target_minutes": None},
    ],
    "do_nots": [{"zh": "不要随意搬动病人", "en": "Do not move the person"}],
    "contacts": [{"name": {"zh": "急救", "en": "Ambulance"}, "number": "120"}],
    "time_targets": [{"text": {"zh": "救护车到达", "en": "Ambulance arrives"}, "minutes": 15}],
    "prompts": [{"text": {"zh": "轮换做心肺复苏的人", "en": "Swap the person doing CPR"},
                 "every_minutes": 2}],
    "announcements": [{"zh": "请大家让出通道，工作人员正在处理。",
                       "en": "Please keep the way clear; our staff are handling it."}],
    "media_line": {"zh": "我们正在处理，稍后统一说明。", "en": "We are dealing with it."},
    "owner": "值班长",
    "revised_on": "2026-11-01",
}


def make_hall(path, name: str = "测试厅") -> tuple[Store, str]:
    store = Store.open(path)
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults(name))
    store.hall_id = hall_id
    return store, hall_id


def add_playbook(store: Store, hall_id: str, body: dict | None = None) -> str:
    """Stores a playbook with one version; returns the playbook's id."""
    body = body or FAINTING
    with store.transaction():
        playbook_id = store.insert(
            "playbooks",
            {"code": body["code"], "category": body["category"], "builtin": 0},
            hall_id=hall_id,
        )
        version_id = store.insert(
            "playbook_versions",
            {
                "playbook_id": playbook_id,
                "version": 1,
                "body": json.dumps(body, ensure_ascii=False),
                "revised_on": body["revised_on"],
                "owner": body["owner"],
            },
            hall_id=hall_id,
        )
        store.update("playbooks", playbook_id, {"current_version_id": version_id})
    return playbook_id
