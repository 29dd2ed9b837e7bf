"""The demo hall's incidents and complaints: a few closed incidents of the last months run
through their playbooks (ticks a minute or two apart, a skipped step with its reason, notes,
people, a hand-over, an outcome and follow-ups), one fire drill, and complaints in the
domain's mix (billing 42%, outage notices 28%, slow repair 15%, the rest 15%), more of them
in the days after the monthly bill.

A history builder for demo.generate (HISTORY_BUILDERS): (store, hall_id, days, rng, now).
Incidents are added when the history is first built; complaints for every new day, so a
reused demo is topped up like the rest of the history.
"""

from __future__ import annotations

import datetime as _dt
import json
import random

from hallsupervisor.domain.incidents import complaints as rules
from hallsupervisor.storage import complaints as complaint_records
from hallsupervisor.storage import incidents as records

# (days before today, time, playbook code, drill, note, (step skipped, its reason) or None,
#  outcome, follow-up, whether the follow-up is done)
INCIDENTS = [
    (76, "10:12", "system_crash", False, "营销系统无法登录，已报信息运维，预计 40 分钟恢复",
     ("s6", "系统 20 分钟内恢复，没到 30 分钟"),
     "系统约 20 分钟后恢复，积压的 23 位顾客全部办完", "准备两台能离线受理的备用终端", True),
    (51, "15:40", "fainting", False, "老人自述早上没吃饭，脸色发白，意识清楚",
     ("s3", "病人有反应、呼吸正常，不需要胸外按压"),
     "120 接走，家属已到医院；老人情况稳定", "在等候区补充糖果和温水", True),
    (33, "09:05", "sudden_surge", False, "电费账单发出后第三天，一小时取号 70 张",
     ("s7", "加开窗口后 30 分钟内已缓解"),
     "加开 2 个窗口后 40 分钟内等候降到 10 分钟以内", "账单发出后 3–5 天提前排足人手", True),
    (21, "14:20", "fire", True, "演练：烟感报警后 2 分钟完成疏散，清点 18 人",
     ("s5", "演练不关闭真实业务系统"),
     "演练结束：疏散 2 分 10 秒，灭火器使用正确", "更换一具压力不足的灭火器", True),
    (12, "11:30", "violent_customer", False, "顾客因电费翻倍情绪激动，拍柜台大声喊叫",
     ("s4", "没有人动手，顾客很快平复，没有报警"),
     "移到洽谈室核对电量后顾客接受解释，离开时表示满意",
     "对柜员做一次难缠顾客应对的情景演练", False),
    (3, "16:10", "lost_item", False, "顾客在 2 号窗口遗失钱包，内有身份证",
     ("s5", "钱包很快找到，不需要报警"),
     "调监控后在座椅下找到，核对身份后交还本人", "等候区座椅下加装提示牌", False),
]
COMPLAINTS_PER_DAY = 0.35
BILL_DAY = 1  # bills go out on the 1st; billing complaints peak 3–5 days later
SUMMARIES = {
    "metering_billing": ["这个月电费比上月多了一倍，怀疑电表不准", "峰谷电价看不懂，觉得多收了钱",
                         "没收到电费账单就被催缴"],
    "outage_notice": ["小区计划停电没有提前通知，冰箱里的东西坏了", "停电通知只贴在物业，商户不知道"],
    "repair": ["报修两个小时还没有人来", "抢修人员到了又说要等材料"],
    "attitude": ["柜员说话不耐烦", "电话客服没听完就挂断"],
    "procedures": ["办过户要跑三趟，材料说法不一致"],
    "other": ["排队机坏了没人管", "营业厅外电动车挡住入口"],
}
CUSTOMERS = ["王先生", "李女士", "张大爷", "刘女士", "陈先生", "赵阿姨", "周先生", "吴女士"]
CHANNEL_MIX = {"hall": 30, "hotline": 45, "online": 15, "gov12345": 8, "media": 2}


# After the fainting incident the hall wrote where its defibrillator is into the playbook:
# the incident keeps the version it ran with, the library shows the revision.
REVISED = ("fainting", 6, "s3", "没有反应且没有正常呼吸：立即开始胸外按压；除颤仪（AED）在服务台下层柜子里，马上取来。",
           "No response and no normal breathing: start chest compressions at once; the "
           "defibrillator (AED) is in the bottom cupboard of the service desk: fetch it.",
           "复盘后写明除颤仪的位置")


def _date_versions(store, hall_id: str, day: _dt.date) -> None:
    """The built-in playbooks as the demo hall installed them, before its history began
    (a past incident never refers to a version revised after it happened)."""
    for row in store.query(
        "SELECT v.id, v.body FROM playbook_versions v JOIN playbooks p ON p.id = v.playbook_id "
        "WHERE p.hall_id = ? AND v.version = 1",
        (hall_id,),
    ):
        _set_date(store, row["id"], row["body"], day)


def _set_date(store, version_id: str, body: str, day: _dt.date) -> None:
    document = json.loads(body)
    document["revised_on"] = day.isoformat()
    store.update("playbook_versions", version_id, {
        "body": json.dumps(document, ensure_ascii=False),
        "revised_on": day.isoformat(),
        "created_at": f"{day.isoformat()}T08:00:00Z",
    })


def _revise(store, playbook_id: str, day: _dt.date) -> None:
    from hallsupervisor.domain.incidents.playbook import Playbook
    from hallsupervisor.storage import playbooks

    _code, _days, step_id, zh, en, note = REVISED
    document = playbooks.load_current(store, playbook_id).to_dict()
    for step in document["steps"]:
        if step["id"] == step_id:
            step["text"] = {"zh": zh, "en": en}
    version_id = playbooks.save_edit(store, playbook_id, Playbook.from_dict(document),
                                     note=note)
    _set_date(store, version_id, store.scalar(
        "SELECT body FROM playbook_versions WHERE id = ?", (version_id,)), day)


def _staff(store, hall_id) -> dict[str, tuple[str, str]]:
    rows = store.query(
        "SELECT id, name, role FROM staff WHERE hall_id = ? AND deleted_at IS NULL "
        "ORDER BY employee_no",
        (hall_id,),
    )
    by_role: dict[str, tuple[str, str]] = {}
    for row in rows:
        by_role.setdefault(row["role"], (row["id"], row["name"]))
    return by_role


def _run_incident(store, hall_id, playbook_id, start, drill, note, skip, outcome,
                  follow_up, follow_done, staff, rng, now) -> None:
    supervisor = staff.get("supervisor") or next(iter(staff.values()))
    roles = [(role, member[0], member[1]) for role, member in staff.items()
             if role in ("supervisor", "counter", "guide", "security")]
    incident_id = records.start(store, hall_id, playbook_id, drill=drill, started_at=start,
                                roles=roles, location="等候区")
    _incident, state = records.load(store, incident_id)
    moment = start
    for index, step in enumerate(state.steps):
        moment += _dt.timedelta(seconds=rng.randint(40, 150))
        if skip and step.id == skip[0]:
            records.skip(store, incident_id, step.id, skip[1], happened_at=moment,
                         entered_at=moment)
        else:
            records.tick(store, incident_id, step.id, happened_at=moment, entered_at=moment)
        if index == 1:
            records.add_note(store, incident_id, note, happened_at=moment,
                             entered_at=moment + _dt.timedelta(minutes=rng.choice([0, 0, 3])))
    records.add_person(store, incident_id, "customer", rng.choice(CUSTOMERS), "",
                       entered_at=start + _dt.timedelta(minutes=3))
    if "counter" in staff and "supervisor" in staff and not drill:
        records.give_role(store, incident_id, "counter", staff["supervisor"][1],
                          staff["supervisor"][0],
                          happened_at=start + _dt.timedelta(minutes=8),
                          entered_at=start + _dt.timedelta(minutes=8))
    closed = moment + _dt.timedelta(minutes=rng.randint(3, 12))
    owner = staff.get("guide", supervisor)
    due = closed.date() + _dt.timedelta(days=3)  # as a major inspection finding
    ids = records.close(store, incident_id, outcome,
                        [records.FollowUp(follow_up, owner[0], due)],
                        closed_at=closed, entered_at=closed)
    if follow_done and due <= now.date():
        store.update("corrective_actions", ids[0], {
            "status": "verified",
            "closed_at": (due - _dt.timedelta(days=1)).isoformat() + "T09:00:00Z",
            "closed_by": supervisor[1],
            "closing_note": "已完成并检查",
        })


def _complaints(store, hall_id, days, rng, now) -> None:
    mix = {code: weight for code, weight in rules.TYPICAL_MIX.items()}
    staff = store.query("SELECT name FROM staff WHERE hall_id = ? AND deleted_at IS NULL",
                        (hall_id,))
    names = [r["name"] for r in staff] or ["值班长"]
    for day in days:
        peak = 3 <= (day.day - BILL_DAY) <= 5
        rate = COMPLAINTS_PER_DAY * (2.5 if peak else 1.0)
        count = sum(rng.random() < rate / 3 for _ in range(3))
        for _ in range(count):
            if peak and rng.random() < 0.5:
                category = "metering_billing"
            else:
                category = rng.choices(list(mix), weights=list(mix.values()))[0]
            channel = rng.choices(list(CHANNEL_MIX), weights=list(CHANNEL_MIX.values()))[0]
            received = _dt.datetime.combine(day, _dt.time(rng.randint(8, 16), rng.randint(0, 59)))
            if received > now:
                continue
            complaint_id = complaint_records.add(
                store, hall_id, channel=channel, category=category, received_at=received,
                customer=rng.choice(CUSTOMERS), summary=rng.choice(SUMMARIES[category]),
            )
            complaint = complaint_records.get(store, complaint_id)
            age = now - received
            # Most are answered in time and settled; a few recent ones are still open or late.
            late = rng.random() < 0.12
            response = complaint.response_due - _dt.timedelta(minutes=rng.randint(1, 8))
            if late:
                response = complaint.response_due + _dt.timedelta(minutes=rng.randint(5, 90))
            if response < now:
                complaint_records.add_step(store, complaint_id, "已联系客户，说明核查安排",
                                           rng.choice(names), max(response, received))
            window = max(complaint.completion_due - response, _dt.timedelta(minutes=20))
            settle = response + window * rng.uniform(0.2, 0.9)
            if late and rng.random() < 0.5:
                settle = complaint.completion_due + _dt.timedelta(hours=rng.randint(2, 30))
            if settle < now and age > _dt.timedelta(days=2):
                complaint_records.add_step(store, complaint_id, "核查完毕并答复客户，客户认可",
                                           rng.choice(names), settle, status=rules.RESOLVED)


def build(store, hall_id: str, days: list[_dt.date], rng: random.Random,
          now: _dt.datetime) -> None:
    if not days:
        return
    from hallsupervisor.storage import playbooks

    playbooks.ensure_builtin(store, hall_id)
    codes = {r["code"]: r["id"] for r in store.query(
        "SELECT id, code FROM playbooks WHERE hall_id = ? AND deleted_at IS NULL", (hall_id,))}
    first_build = not store.scalar("SELECT count(*) FROM incidents WHERE hall_id = ?",
                                   (hall_id,))
    if first_build:
        _date_versions(store, hall_id, days[0])
        staff = _staff(store, hall_id)
        for (ago, time, code, drill, note, skip, outcome, follow_up,
             follow_done) in INCIDENTS:
            day = now.date() - _dt.timedelta(days=ago)
            if day < days[0] or code not in codes:
                continue
            start = _dt.datetime.combine(day, _dt.time.fromisoformat(time))
            _run_incident(store, hall_id, codes[code], start, drill, note, skip,
                          outcome, follow_up, follow_done, staff, rng, now)
            if code == REVISED[0]:
                _revise(store, codes[code], day + _dt.timedelta(days=REVISED[1]))
        # The map shows where they happened: the waiting area's touchpoint, when there is one.
        point = store.scalar(
            "SELECT id FROM touchpoints WHERE hall_id = ? AND deleted_at IS NULL "
            "ORDER BY stage = 'wait' DESC, code LIMIT 1",
            (hall_id,),
        )
        if point:
            for row in store.query("SELECT id FROM incidents WHERE hall_id = ?", (hall_id,)):
                records.set_details(store, row["id"], touchpoint_id=point)
        # One complaint through the 12345 hotline answered in time but not settled within
        # its 24 hours: Today shows it as overdue.
        received = _dt.datetime.combine(now.date() - _dt.timedelta(days=2), _dt.time(15, 20))
        complaint_id = complaint_records.add(
            store, hall_id, channel="gov12345", category="outage_notice", received_at=received,
            customer="钱女士", summary="小区停电前一天才贴通知，饭店备好的菜都坏了",
        )
        complaint_records.add_step(store, complaint_id, "已致电客户道歉，约定核实通知经过",
                                   "王丽", received + _dt.timedelta(minutes=35))
    _complaints(store, hall_id, days, rng, now)
