"""The demo hall's inspection history: three rounds a day, answered, signed and chained.

A history builder for demo.generate (HISTORY_BUILDERS). It installs the pack's checklist
and the day plan when the hall has none, then walks the days: each open day has the plan's
rounds (开门检查, 午间巡检, 闭厅检查), answered item by item. A few items fail, some more
often than others (the waiting area's drinking water, outdated notices, name badges), and a
fault tends to last into the next round until it is put right. Every failure opens a
corrective action with an owner and a due date by severity; most are verified when the item
passes on a later round, some explicitly by the supervisor with a note, a few stay open past
their due date (equipment out of service, waiting for the supplier). Every completed round
is signed by the supervisor on duty, and the signatures are chained in the order they were
made. Today the rounds that are due by `now` are done; the later ones are still to come.

Rows are written with executemany, not one storage call per answer, so 90 days take a
fraction of a second and ten years (the benchmark, build_years) well under a minute. The
values are the ones the storage functions would have written: summaries from score_round,
payloads from chain.round_payload, due dates from actions.default_due_date; the one
amendment goes through storage.inspection.amend itself.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
import random
from dataclasses import dataclass, field

from hallsupervisor.domain.inspection import actions as action_rules
from hallsupervisor.domain.inspection import chain, dayplan
from hallsupervisor.domain.inspection.model import (
    CRITICAL,
    FAIL,
    NA,
    NUMBER,
    PASS,
    TEXT,
    Answer,
    Template,
    TemplateItem,
)
from hallsupervisor.domain.inspection.scoring import evaluate, score_round
from hallsupervisor.domain.inspection.template_file import parse_template
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store, new_id, utc_now

PACK = "electricity_hall"

# Who supervises on which weekday (Monday = 1): 王丽 on weekdays, senior counter staff at
# the weekend. Names not in the hall's staff fall back to its first supervisor.
DUTY_ROTA = {1: "王丽", 2: "王丽", 3: "王丽", 4: "王丽", 5: "王丽", 6: "陈静", 7: "赵雪"}

# How often the pack's items fail in this hall, with what the inspector wrote: some fail far
# more often than others (drinking water, outdated notices, badges). Items not listed fail
# rarely, with a generic note.
_ITEM_PROFILES: dict[str, tuple[float, tuple[str, ...]]] = {
    "WAIT-02": (0.14, ("饮水机无水，备用水桶未换上", "纸杯用完未补充", "饮水机接水盘有积水")),
    "INFO-01": (0.10, ("上周的计划停电公告仍在张贴", "过期停电通知未撤下", "新的停电公告还没贴出")),
    "WAIT-03": (0.07, ("报纸还是上周的", "资料架缺少业务办理指南", "杂志破旧未更换")),
    "STAFF-02": (0.06, ("一名窗口人员未佩戴工牌", "工牌别在右侧，未按要求佩戴在左胸")),
    "ENV-01": (0.05, ("入口处地面有水渍", "等候区地面有纸屑")),
    "ENV-02": (0.045, ("柜台上放着水杯和手机", "台面堆放单据")),
    "ENV-08": (0.04, ("卫生间洗手液用完", "卫生间地面有水迹")),
    "INFO-06": (0.04, ("公示栏有一张通知卷边", "有手写涂改的张贴")),
    "WAIT-06": (0.04, ("最早一张号已等候较久，已加开窗口",)),
    "EQUIP-01": (0.035, ("叫号机票纸将用完", "叫号机卡纸")),
    "EQUIP-05": (0.035, ("打印机卡纸", "高拍仪画面模糊")),
    "STAFF-01": (0.035, ("一名员工衬衫下摆未束好", "工装纽扣未系好")),
    "STAFF-03": (0.03, ("一名员工长发未盘起",)),
    "STAFF-05": (0.03, ("一名员工穿运动鞋上岗",)),
    "STAFF-07": (0.03, ("客户走近窗口时窗口人员未起身",)),
    "WAIT-01": (0.03, ("等候区座椅摆放不整齐", "一把座椅扶手松动")),
    "WAIT-04": (0.03, ("隔离带被挪开未复位",)),
    "WAIT-07": (0.03, ("抽查客户叫号后超过3分钟才开始办理",)),
    "SAFE-09": (0.03, ("拖地后未放“小心地滑”牌",)),
    "OPEN-02": (0.03, ("门前台阶有烟头", "无障碍坡道有积水")),
    "OPEN-03": (0.03, ("玻璃门有手印",)),
    "CLOSE-05": (0.03, ("一号窗口台面留有单据",)),
    "ENV-05": (0.03, ("室温偏低，空调未及时调整",)),
    "STAFF-11": (0.025, ("一名员工当班低头看手机",)),
    "LANG-01": (0.025, ("窗口人员未主动问候",)),
    "LANG-05": (0.025, ("让客户等候时未说明大约多久",)),
    "ENV-06": (0.025, ("等候区一盏灯管闪烁",)),
    "OPEN-01": (0.02, ("一名员工迟到，早会推迟5分钟",)),
    "OPEN-05": (0.02, ("3号窗口系统登录失败，已报运维",)),
    "EQUIP-02": (0.02, ("叫号屏号码与语音不一致",)),
    "EQUIP-03": (0.02, ("自助终端读卡失败，重启后恢复",)),
    "EQUIP-06": (0.02, ("一台POS机未签到",)),
    "SAFE-04": (0.02, ("急救箱内创可贴用完",)),
    "SAFE-06": (0.02, ("窗口台面上留有客户身份证复印件",)),
    "CLOSE-03": (0.02, ("受理单未装订归档",)),
    "LANG-04": (0.015, ("一名窗口人员说了“不知道”",)),
    "ENV-04": (0.015, ("厅内有饭菜味",)),
    "SAFE-02": (0.012, ("疏散通道堆放纸箱",)),
    "SAFE-01": (0.01, ("灭火器压力表指针接近红区",)),
    "SAFE-03": (0.01, ("一处安全出口指示灯不亮",)),
}
_GENERIC_NOTES = ("不符合标准，已当场提醒", "现场发现问题，已通知责任人", "需整改，已拍照记录")
_GENERIC_RATE = (0.004, 0.015)
# What the supervisor wrote when checking a fix before the next round.
_EXPLICIT_NOTES = {
    "WAIT-02": "已换上新水桶并补充纸杯，现场确认",
    "INFO-01": "过期公告已撤下，换上最新停电公告，现场确认",
    "WAIT-03": "已换上本周报纸并补齐资料，现场确认",
    "STAFF-02": "已当面提醒，工牌佩戴规范，现场确认",
    "SAFE-01": "已更换合格灭火器，现场确认",
    "SAFE-02": "纸箱已搬入后仓，通道畅通，现场确认",
    "SAFE-06": "复印件已收回归档，已提醒窗口人员，现场确认",
}
_EXPLICIT_DEFAULT = "已整改，现场复查合格"
_OWNER_BY_CATEGORY = {
    "safety": "周斌",
    "shine": "孙悦",
    "sort": "孙悦",
    "set_in_order": "孙悦",
    "standardize": "王丽",
}
_COUNTER_STAFF = ("李强", "张敏", "陈静", "刘洋", "赵雪")
# Short texts for text items, by words in the item.
_TEXT_ANSWERS = {
    "提醒": (
        "今天电费发行，缴费客户会多，10点前加开一个收费窗口",
        "辖区周四计划停电，遇到咨询按公告口径解释",
        "张敏上午请假，2号窗口由陈静顶岗",
        "营销系统中午12:30升级半小时，提前告知客户",
        "雨天，入口防滑垫和小心地滑牌摆好",
    ),
    "交接": (
        "无遗留问题",
        "一位客户电费异议待明天回电（已登记）",
        "自助终端打票偏淡，明天换色带",
        "无遗留问题，明早核对零钞",
    ),
    "": ("无异常", "正常"),
}

# Equipment taken out of service after failing: answered "not applicable" since, so its
# action stays open past the due date until the supplier comes (found N days before now).
_OUT_OF_SERVICE = (
    (("自助终端", "自助"), 12, "自助终端读卡器故障，已报厂家维修", "停用，等待厂家更换读卡器"),
    (("信息发布屏", "显示屏"), 6, "信息发布屏黑屏，重启无效", "发布屏待更换主板，暂停使用"),
)

_PERSIST = 0.3  # a fault still there at the next round
_EXPLICIT = 0.3  # a failure the supervisor checks and closes with a note before the next round
_NA_RATE = 0.004
_SLOW_FIX = {
    "EQUIP-01",
    "EQUIP-02",
    "EQUIP-05",
    "EQUIP-06",
    "ENV-06",
    "ENV-08",
    "WAIT-01",
    "SAFE-01",
    "SAFE-03",
}
_SLOW_CHANCE = 0.12
_RATE_SCALE = 1.5  # tunes the overall failure rate (about 4 % of the scored items)


@dataclass
class _ItemPlan:
    item: TemplateItem
    rate: float
    notes: tuple[str, ...]
    owner: str | None
    only_in: str = ""  # the round this item belongs to (a section named like it), or ""


@dataclass
class _Version:
    template: Template
    first_day: _dt.date  # used from this day on
    items: list[_ItemPlan] = field(default_factory=list)


@dataclass
class _Action:
    id: str
    round_id: str
    answer_id: str
    item_key: str
    title: str
    note: str
    severity: str
    owner_id: str | None
    found_on: _dt.date
    due: _dt.date
    found_at: _dt.datetime
    status: str = records.OPEN
    closed_at: str | None = None
    closed_by: str = ""
    closing_note: str = ""
    closing_round_id: str | None = None
    stored: bool = False  # already in the database (a top-up): updated, not inserted
    changed: bool = False


@dataclass
class _Planned:
    day: _dt.date
    plan: records.PlanEntry
    full: bool  # every item answered and signed; otherwise started and partly answered


@dataclass
class BuildSummary:
    rounds: int = 0
    answers: int = 0
    failures: int = 0
    actions: int = 0
    amendments: int = 0


# -- set-up ----------------------------------------------------------------------------------------
def pack_template(pack_id: str = PACK) -> Template:
    """The pack's checklist as parsed from its CSV file (docs/template-format.md)."""
    pack = get_pack(pack_id)
    if pack is None:
        raise LookupError(pack_id)
    template = parse_template((pack.folder / records.PACK_TEMPLATE_FILE).read_bytes())
    template.pack = pack_id
    return template


def install_pack_template(store: Store, hall_id: str, pack_id: str = PACK) -> str:
    """The family id of the hall's checklist from `pack_id`, installed when missing."""
    family = store.scalar(
        "SELECT family_id FROM templates WHERE hall_id = ? AND pack = ? AND deleted_at IS NULL "
        "ORDER BY version DESC LIMIT 1",
        (hall_id, pack_id),
    )
    if family:
        return family
    template = pack_template(pack_id)
    records.save_template(store, hall_id, template)
    return template.family_id


def ensure_day_plan(store: Store, hall_id: str, family_id: str) -> list[records.PlanEntry]:
    """The hall's day plan; the default three rounds on the given template when empty."""
    plan = records.day_plan(store, hall_id)
    if not plan:
        for planned in dayplan.DEFAULT_PLAN:
            records.add_plan_entry(
                store, hall_id, planned.name, planned.time, family_id, planned.name_en
            )
        plan = records.day_plan(store, hall_id)
    return plan


# -- the builder ----------------------------------------------------------------------------------
def build(
    store: Store, hall_id: str, days: list[_dt.date], rng: random.Random, now: _dt.datetime
) -> None:
    """HISTORY_BUILDERS entry: the demo hall's rounds for `days` (up to `now`)."""
    family_id = install_pack_template(store, hall_id)
    plan = ensure_day_plan(store, hall_id, family_id)
    last = store.scalar("SELECT max(round_date) FROM rounds WHERE hall_id = ?", (hall_id,))
    if days and last:
        # A top-up also finishes the day the previous build stopped in (its later rounds).
        last_day = _dt.date.fromisoformat(last)
        extra = [last_day + _dt.timedelta(days=i) for i in range((days[0] - last_day).days)]
        days = sorted(set(extra) | set(days))
    if not days:
        return
    fresh = last is None
    build_history(store, hall_id, days, rng, now, plan=plan, amend_one=fresh)


def build_years(
    store: Store,
    hall_id: str,
    years: int,
    rng: random.Random,
    now: _dt.datetime,
    *,
    template: Template | None = None,
) -> BuildSummary:
    """`years` of history up to `now` (the benchmark), on `template` or the pack's checklist."""
    if template is not None and template.id is None:
        records.save_template(store, hall_id, template)
    family_id = (
        template.family_id if template is not None else install_pack_template(store, hall_id)
    )
    plan = ensure_day_plan(store, hall_id, family_id)
    first = now.date() - _dt.timedelta(days=round(365.25 * years) - 1)
    days = [first + _dt.timedelta(days=i) for i in range((now.date() - first).days + 1)]
    with store.transaction():
        return build_history(store, hall_id, days, rng, now, plan=plan, amend_one=True)


def build_history(
    store: Store,
    hall_id: str,
    days: list[_dt.date],
    rng: random.Random,
    now: _dt.datetime,
    *,
    plan: list[records.PlanEntry],
    amend_one: bool = False,
) -> BuildSummary:
    profile = halls.load_profile(store, hall_id)
    staff = {
        s["name"]: s["id"]
        for s in store.query(
            "SELECT id, name FROM staff WHERE hall_id = ? AND deleted_at IS NULL ORDER BY created_at",
            (hall_id,),
        )
    }
    supervisors = (
        [
            s["name"]
            for s in store.query(
                "SELECT name FROM staff WHERE hall_id = ? AND deleted_at IS NULL AND role = 'supervisor' "
                "ORDER BY created_at",
                (hall_id,),
            )
        ]
        or list(staff)[:1]
        or ["值班长"]
    )
    done = {
        (r["plan_id"], r["round_date"])
        for r in store.query(
            "SELECT plan_id, round_date FROM rounds WHERE hall_id = ? AND round_date >= ?",
            (hall_id, days[0].isoformat()),
        )
    }
    sim = _Simulation(store, hall_id, rng, now, staff, supervisors, plan, days)
    schedule: list[_Planned] = []
    for day in days:
        if profile is not None and not profile.opening_hours.get(day.isoweekday()):
            continue
        for entry in plan:
            if (entry.id, day.isoformat()) in done:
                continue
            planned_at = _dt.datetime.combine(day, _dt.time.fromisoformat(entry.time))
            if planned_at + sim.duration(entry) <= now:
                schedule.append(_Planned(day, entry, True))
            elif planned_at - _dt.timedelta(minutes=15) <= now:
                schedule.append(_Planned(day, entry, False))
    if not schedule:
        return BuildSummary()
    amend_target = None
    if amend_one and not store.scalar(
        "SELECT 1 FROM amendments WHERE hall_id = ? LIMIT 1", (hall_id,)
    ):
        amend_target = max((i for i, p in enumerate(schedule) if p.full), default=None)
    for index, planned in enumerate(schedule):
        sim.run_round(planned, force_amendable=index == amend_target)
    sim.flush()
    if sim.amendable is not None:
        sim.amend()
    return sim.summary


class _Simulation:
    def __init__(self, store, hall_id, rng, now, staff, supervisors, plan, days):
        self.store, self.hall_id, self.rng, self.now = store, hall_id, rng, now
        self.staff, self.supervisors = staff, supervisors
        self.stamp = utc_now()
        self.summary = BuildSummary()
        self.round_names = {entry.name for entry in plan}
        self.versions = {
            entry.template_family_id: self._versions(entry.template_family_id) for entry in plan
        }
        self.broken: dict[str, str] = {}  # item key -> the note of its current fault
        self.slow: dict[str, tuple[_dt.date, str]] = {}  # faults that last until a day
        self.out_of_service: dict[str, tuple[_dt.date, str, str]] = {}
        self.outage_found: set[str] = set()
        self.forced_key: str | None = None
        self.open: dict[str, list[_Action]] = {}
        self.actions: list[_Action] = []
        self.rounds: list[tuple] = []
        self.answers: list[tuple] = []
        self.signed: list[tuple[str, dict]] = []  # (round id, payload) in signing order
        self.amendable: tuple[str, TemplateItem, str, _dt.datetime] | None = None
        self._plan_out_of_service(days)
        self._load_open_actions()

    # -- templates and items -------------------------------------------------------------------
    def _versions(self, family_id: str) -> list[_Version]:
        """New rounds are answered on the family's newest version."""
        newest = records.latest_version_id(self.store, family_id)
        template = records.load_template(self.store, newest)
        items = []
        for section in template.sections:
            # One sheet serves every round: a section named after a round (开门检查, 闭厅检查)
            # is checked in that round and is "not applicable" in the others.
            only_in = section.title if section.title in self.round_names else ""
            for item in section.items:
                plan = self._item_plan(item)
                plan.only_in = only_in
                items.append(plan)
        return [_Version(template, _dt.date.min, items)]

    def duration(self, entry: records.PlanEntry) -> _dt.timedelta:
        """The longest a round of this plan entry takes, from its planned time to signing."""
        items = len(self.versions[entry.template_family_id][-1].items)
        return _dt.timedelta(minutes=8 + 6, seconds=28 * items)

    def _item_plan(self, item: TemplateItem) -> _ItemPlan:
        profile = _ITEM_PROFILES.get(item.key)
        if profile is not None:
            return _ItemPlan(item, profile[0], profile[1], self._owner(item))
        # The same item fails about as often in every build: seeded by its key.
        rate = random.Random(item.key).uniform(*_GENERIC_RATE)
        return _ItemPlan(item, rate, _GENERIC_NOTES, self._owner(item))

    def _owner(self, item: TemplateItem) -> str | None:
        name = _OWNER_BY_CATEGORY.get(item.category)
        if name is None:
            name = _COUNTER_STAFF[sum(map(ord, item.key)) % len(_COUNTER_STAFF)]
        return self.staff.get(name) or next(iter(self.staff.values()), None)

    def _plan_out_of_service(self, days: list[_dt.date]) -> None:
        """Equipment that fails N days before now and is out of service since."""
        items = [p for versions in self.versions.values() for p in versions[-1].items]
        for words, ago, note, na_note in _OUT_OF_SERVICE:
            day = self.now.date() - _dt.timedelta(days=ago)
            if not days or day < days[0]:
                continue
            match = next(
                (
                    p
                    for word in words
                    for p in items
                    if p.item.answer_type not in (NUMBER, TEXT)
                    and word in p.item.text
                    and p.item.key not in self.out_of_service
                ),
                None,
            )
            if match is not None:
                self.out_of_service[match.item.key] = (day, note, na_note)

    def _load_open_actions(self) -> None:
        for row in self.store.query(
            "SELECT * FROM corrective_actions WHERE hall_id = ? AND status = 'open'",
            (self.hall_id,),
        ):
            action = _Action(
                row["id"],
                row["round_id"],
                row["answer_id"],
                row["item_key"],
                row["title"],
                row["note"],
                row["severity"],
                row["owner_id"],
                _dt.date.fromisoformat(row["found_on"]),
                _dt.date.fromisoformat(row["due_date"]),
                _dt.datetime.fromisoformat(row["found_on"]),
                stored=True,
            )
            self.open.setdefault(action.item_key, []).append(action)
            self.actions.append(action)
            if action.item_key not in self.out_of_service:
                self.broken[action.item_key] = action.note

    # -- one round ---------------------------------------------------------------------------------
    def _day_factor(self, day: _dt.date) -> float:
        factor = {1: 1.25, 6: 1.15, 7: 1.15}.get(day.isoweekday(), 1.0)
        if 4 <= day.day <= 8:  # the billing peak: busy counters, less time to tidy
            factor *= 1.3
        factor *= 1 + 0.3 * math.sin(2 * math.pi * day.toordinal() / 150)
        # One bad stretch in the demo's window: two staff off sick, the hall short-handed.
        back = (self.now.date() - day).days
        if 38 <= back <= 40:
            factor *= 3.5
        return factor

    def _duty(self, day: _dt.date) -> str:
        name = DUTY_ROTA.get(day.isoweekday(), "")
        return name if name in self.staff else self.supervisors[0]

    def run_round(self, planned: _Planned, *, force_amendable: bool = False) -> None:
        rng = self.rng
        version = self.versions[planned.plan.template_family_id][-1]
        template = version.template
        day = planned.day
        planned_at = _dt.datetime.combine(day, _dt.time.fromisoformat(planned.plan.time))
        started = planned_at + _dt.timedelta(minutes=rng.uniform(-15, 8))
        started = min(started, self.now).replace(microsecond=0)
        round_id = new_id()
        factor = self._day_factor(day)
        at = started
        answers: dict[str, Answer] = {}
        rows = []
        forced_key = self._amendable_key(version) if force_amendable else None
        self.forced_key = forced_key
        for plan_item in version.items:
            item = plan_item.item
            at += _dt.timedelta(seconds=rng.uniform(10, 28))
            if not planned.full and at > self.now:
                break
            if plan_item.only_in and plan_item.only_in != planned.plan.name:
                result, value, note = NA, "", ""
            else:
                result, value, note = self._answer(plan_item, day, factor, forced_key)
            answer_id = new_id()
            answers[item.key] = Answer(item.key, result, value, note, answer_id)
            answered = _local(at)
            rows.append((answer_id, round_id, item.id, item.key, result, value, note, answered))
            effective = evaluate(item, answers[item.key])
            if effective == FAIL:
                self._fail(plan_item, round_id, answer_id, day, at, note)
            elif effective == PASS:
                self._passed(item.key, round_id, day, planned.plan.name, at)
        score = score_round(template, answers)
        completed = signed_at = None
        signer, signer_id = "", None
        if planned.full and score.unanswered == 0:
            completed = at
            signed_at = (at + _dt.timedelta(minutes=rng.uniform(1, 6))).replace(microsecond=0)
            signer = self._duty(day)
            signer_id = self.staff.get(signer)
        round_row = {
            "id": round_id,
            "plan_id": planned.plan.id,
            "name": planned.plan.name,
            "round_date": day.isoformat(),
            "planned_time": planned.plan.time,
            "template_id": template.id,
            "started_at": _local(started),
            "completed_at": _local(completed) if completed else None,
            "signed_at": _local(signed_at) if signed_at else None,
            "signed_by": signer_id,
            "signed_by_name": signer,
            "score": score.score,
            "section_scores": json.dumps(score.sections),
            "passed": score.passed,
            "failed": score.failed,
            "not_applicable": score.not_applicable,
            "unanswered": score.unanswered,
        }
        self.rounds.append(tuple(round_row.values()))
        self.answers.extend((r[0], self.hall_id, self.stamp, self.stamp, *r[1:]) for r in rows)
        self.summary.rounds += 1
        self.summary.answers += len(rows)
        if signed_at:
            payload = chain.round_payload(
                round_row,
                [
                    {"item_key": a.item_key, "result": a.result, "value": a.value, "note": a.note}
                    for a in answers.values()
                ],
            )
            self.signed.append((round_id, payload))
            if forced_key:
                item = next(p.item for p in version.items if p.item.key == forced_key)
                amended_at = min(signed_at + _dt.timedelta(minutes=rng.uniform(60, 90)), self.now)
                self.amendable = (round_id, item, signer, max(amended_at, signed_at))

    def _amendable_key(self, version: _Version) -> str | None:
        """An item to record as failed by mistake and amend: a notice nobody is fixing."""
        candidates = [
            p.item.key
            for p in version.items
            if p.item.answer_type not in (NUMBER, TEXT)
            and not p.only_in
            and p.item.key not in self.open
            and p.item.key not in self.out_of_service
        ]
        tariffs = [k for k in candidates if "电价标准" in _text(version, k)]
        notices = [k for k in candidates if _is_notice(_text(version, k))]
        return (tariffs or notices or candidates or [None])[0]

    def _answer(self, plan: _ItemPlan, day: _dt.date, factor: float, forced_key):
        rng, item = self.rng, plan.item
        if item.key == forced_key:
            self.broken.pop(item.key, None)
            return FAIL, "", _MISTAKE[_is_notice(item.text)][0]
        outage = self.out_of_service.get(item.key)
        if outage is not None and day >= outage[0]:
            if item.key not in self.outage_found:
                self.outage_found.add(item.key)
                self.broken[item.key] = outage[1]
                return FAIL, "", outage[1]
            return NA, "", outage[2]
        if item.answer_type == TEXT:
            texts = next(v for k, v in _TEXT_ANSWERS.items() if k in item.text)
            return None, rng.choice(texts), ""
        if rng.random() < _NA_RATE:
            return NA, "", "今日该设施未开放"
        slow = self.slow.get(item.key)
        if slow is not None and day > slow[0]:
            del self.slow[item.key]
            slow = None
        if slow is not None:
            failing, note = True, slow[1]
        elif item.key in self.broken and rng.random() < _PERSIST:
            failing, note = True, self.broken[item.key]
        else:
            self.broken.pop(item.key, None)
            failing = rng.random() < min(0.9, plan.rate * factor * _RATE_SCALE)
            note = rng.choice(plan.notes)
            if failing and item.key in _SLOW_FIX and rng.random() < _SLOW_CHANCE:
                # A repair or a purchase: it stays wrong for days, past a short due date.
                until = day + _dt.timedelta(days=rng.randint(1, 4))
                note = f"{note}，需报修或采购"
                self.slow[item.key] = (until, note)
        if failing:
            self.broken[item.key] = note
        if item.answer_type == NUMBER:
            return _number_answer(rng, item, failing, note)
        if failing:
            return FAIL, "", note
        return PASS, "", ""

    def _fail(self, plan: _ItemPlan, round_id, answer_id, day, at, note) -> None:
        item = plan.item
        self.summary.failures += 1
        if self.open.get(item.key):
            return  # still the same fault: its open action stands (as in the app)
        action = _Action(
            new_id(),
            round_id,
            answer_id,
            item.key,
            item.text,
            note,
            item.severity,
            plan.owner,
            day,
            action_rules.default_due_date(item.severity, day),
            at,
        )
        self.actions.append(action)
        outage = self.out_of_service.get(item.key)
        chance = 0.85 if item.severity == CRITICAL else _EXPLICIT
        fixable = outage is None and item.key not in self.slow and item.key != self.forced_key
        if fixable and self.rng.random() < chance:
            closed = at + _dt.timedelta(minutes=self.rng.uniform(20, 150))
            if closed <= self.now:
                action.status = records.VERIFIED
                action.closed_at = _utc(closed)
                action.closed_by = self._duty(day)
                action.closing_note = _EXPLICIT_NOTES.get(item.key, _EXPLICIT_DEFAULT)
                self.broken.pop(item.key, None)  # put right: the next round finds it in order
                return
        self.open.setdefault(item.key, []).append(action)

    def _passed(self, key: str, round_id: str, day: _dt.date, name: str, at) -> None:
        for action in self.open.pop(key, []):
            action.status = records.VERIFIED
            action.closed_at = _utc(at)
            action.closing_round_id = round_id
            action.closing_note = f"复查合格：{day.isoformat()} {name}"
            action.changed = True

    # -- writing -------------------------------------------------------------------------------------
    def flush(self) -> None:
        store, hall, stamp = self.store, self.hall_id, self.stamp
        with store.transaction():
            conn = store.conn
            conn.executemany(
                "INSERT INTO rounds (id, hall_id, created_at, updated_at, plan_id, name, round_date, "
                "planned_time, template_id, started_at, completed_at, signed_at, signed_by, "
                "signed_by_name, score, section_scores, passed, failed, not_applicable, unanswered) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                ((r[0], hall, stamp, stamp, *r[1:]) for r in self.rounds),
            )
            conn.executemany(
                "INSERT INTO answers (id, hall_id, created_at, updated_at, round_id, item_id, "
                "item_key, result, value, note, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                self.answers,
            )
            new = [a for a in self.actions if not a.stored]
            conn.executemany(
                "INSERT INTO corrective_actions (id, hall_id, created_at, updated_at, source, "
                "round_id, answer_id, item_key, title, note, severity, owner_id, found_on, due_date, "
                "status, closed_at, closed_by, closing_note, closing_round_id) "
                "VALUES (?, ?, ?, ?, 'inspection', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    (
                        a.id,
                        hall,
                        stamp,
                        stamp,
                        a.round_id,
                        a.answer_id,
                        a.item_key,
                        a.title,
                        a.note,
                        a.severity,
                        a.owner_id,
                        a.found_on.isoformat(),
                        a.due.isoformat(),
                        a.status,
                        a.closed_at,
                        a.closed_by,
                        a.closing_note,
                        a.closing_round_id,
                    )
                    for a in new
                ),
            )
            conn.executemany(
                "UPDATE corrective_actions SET status = ?, closed_at = ?, closing_note = ?, "
                "closing_round_id = ?, updated_at = ? WHERE id = ?",
                (
                    (a.status, a.closed_at, a.closing_note, a.closing_round_id, stamp, a.id)
                    for a in self.actions
                    if a.stored and a.changed
                ),
            )
            self._append_chain()
        self.summary.actions += len(new)

    def _append_chain(self) -> None:
        last = self.store.one(
            "SELECT seq, kind, ref_id, payload_hash, prev_hash, hash FROM audit_chain "
            "WHERE hall_id = ? ORDER BY seq DESC LIMIT 1",
            (self.hall_id,),
        )
        previous = chain.ChainEntry(**last) if last else None
        entries = []
        for round_id, payload in self.signed:
            previous = chain.next_entry(previous, chain.ROUND, round_id, payload)
            entries.append(previous)
        self.store.conn.executemany(
            "INSERT INTO audit_chain (id, hall_id, created_at, updated_at, seq, kind, ref_id, "
            "payload_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                (
                    new_id(),
                    self.hall_id,
                    self.stamp,
                    self.stamp,
                    e.seq,
                    e.kind,
                    e.ref_id,
                    e.payload_hash,
                    e.prev_hash,
                    e.hash,
                )
                for e in entries
            ),
        )

    def amend(self) -> None:
        """The supervisor corrects a failure recorded by mistake, with the reason."""
        round_id, item, signer, at = self.amendable
        records.amend(
            self.store,
            round_id,
            item,
            result=PASS,
            note="",
            reason=_MISTAKE[_is_notice(item.text)][1],
            by_name=signer,
            at=at,
        )
        self.summary.amendments += 1


# A failure keyed by mistake and amended: (the note recorded, the amendment's reason).
_MISTAKE = {
    True: ("电价公示疑似旧版本", "复核：公示的是现行电价，巡检时误看成旧版本"),
    False: ("现场不符合要求", "复核：对照现场照片该项符合标准，巡检时误点为不合格"),
}


def _is_notice(text: str) -> bool:
    return any(word in text for word in ("公示", "电价标准", "公告"))


def _text(version: _Version, key: str) -> str:
    return next((p.item.text for p in version.items if p.item.key == key), "")


def _number_answer(rng: random.Random, item: TemplateItem, failing: bool, note: str):
    """A measured value inside the item's range, or outside it when failing, with a note."""
    low, high = item.minimum, item.maximum
    too_low = False
    if low is not None and high is not None:
        span = high - low
        value = rng.uniform(low + span * 0.25, high - span * 0.25)
        if failing:
            too_low = rng.random() < 0.5
            step = rng.uniform(0.5, max(1.0, span * 0.2))
            value = low - step if too_low else high + step
    elif high is not None:
        value = rng.uniform(high * 0.3, high * 0.9) if high > 0 else high - rng.uniform(1, 5)
        if failing:
            value = high + rng.uniform(1, max(2.0, abs(high) * 0.5))
    else:
        base = low or 0.0
        value = base + rng.uniform(1, max(2.0, abs(base) * 0.3))
        if failing:
            too_low = True
            value = base - rng.uniform(0.5, max(1.0, abs(base) * 0.2))
    text = f"{value:.0f}" if item.unit == "分钟" else f"{value:.1f}"
    result = evaluate(item, Answer(item.key, None, text, ""))
    if result != FAIL:
        return result, text, ""
    measured = f"实测{text}{item.unit}"
    if low is not None and high is not None:
        return result, text, f"{item.text}{'偏低' if too_low else '偏高'}（{measured}）"
    return result, text, f"{note}（{measured}）"


def _local(moment: _dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _utc(moment: _dt.datetime) -> str:
    """A local wall-clock moment as the record timestamps are kept (UTC, like utc_now)."""
    return moment.astimezone(_dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
