"""How a touchpoint is doing: its status colour, why, two periods side by side, the board.

The status of a period comes from three kinds of facts (storage.touchpoints.status_inputs):
the answers of the inspection items linked to the touchpoint in the period's rounds, the
corrective actions of those items (and of incidents at the touchpoint) still open at the
period's end, and the incidents logged at the touchpoint in the period (drills excluded).

    bad   (red)   a critical item failed; or at least RED_FAIL_RATE of the checks failed
                  with a major one among them (or RED_MINOR_RATE of minor ones); or an
                  action is overdue; or an incident is still open, or RED_INCIDENTS or more
                  were logged
    watch (amber) failures in WATCH_FAIL_RATE or more of the checks, or any open action
                  or incident
    ok    (green) linked items were checked and passed (an odd failure below
                  WATCH_FAIL_RATE that has been put right is tolerated), nothing open
    none  (grey)  nothing to go on in the period

Every rule that fires becomes a `Reason`, pointing at the rounds, actions and incidents
behind it, so the user can see why a touchpoint has its colour.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message

CTX = "TouchpointStatus"

OK, WATCH, BAD, NONE = "ok", "watch", "bad", "none"
STATUSES = (OK, WATCH, BAD, NONE)
# Worst first: the order of the board's groups and of the reasons.
STATUS_ORDER = (BAD, WATCH, OK, NONE)
_RANK = {BAD: 3, WATCH: 2, OK: 1, NONE: 0}
# The colours of the map's markers, on screen and on paper (green, amber, red, grey).
STATUS_COLOURS = {OK: "#2e8b3a", WATCH: "#f2b01e", BAD: "#d0312d", NONE: "#9e9e9e"}
STATUS_LABELS = {
    OK: QT_TRANSLATE_NOOP("TouchpointStatus", "良好"),
    WATCH: QT_TRANSLATE_NOOP("TouchpointStatus", "关注"),
    BAD: QT_TRANSLATE_NOOP("TouchpointStatus", "异常"),
    NONE: QT_TRANSLATE_NOOP("TouchpointStatus", "无数据"),
}

# The stages of a customer's visit, in order.
STAGES = {
    "arrive": QT_TRANSLATE_NOOP("TouchpointStatus", "进厅"),
    "ticket": QT_TRANSLATE_NOOP("TouchpointStatus", "取号"),
    "wait": QT_TRANSLATE_NOOP("TouchpointStatus", "等候"),
    "serve": QT_TRANSLATE_NOOP("TouchpointStatus", "办理"),
    "pay": QT_TRANSLATE_NOOP("TouchpointStatus", "缴费"),
    "leave": QT_TRANSLATE_NOOP("TouchpointStatus", "离厅"),
}
STAGE_ORDER = tuple(STAGES)

WATCH_FAIL_RATE = 0.05  # below this, with nothing left open, failures do not turn it amber
RED_FAIL_RATE = 0.3  # with at least one major failure
RED_MINOR_RATE = 0.5  # when every failure is minor
RED_INCIDENTS = 2
DEFAULT_DAYS = 7

# Trend of the pass rate against the period before.
UP, DOWN, FLAT = "up", "down", "flat"
TREND_STEP = 0.05  # a change smaller than five points is no change


def _m(text: str, **args) -> Message:
    return Message(CTX, text, args)


@dataclass(frozen=True)
class Period:
    """Whole days, both ends included."""

    start: _dt.date
    end: _dt.date

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("period ends before it starts")

    @classmethod
    def last_days(cls, today: _dt.date, days: int = DEFAULT_DAYS) -> "Period":
        return cls(today - _dt.timedelta(days=days - 1), today)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same length just before this one."""
        end = self.start - _dt.timedelta(days=1)
        return Period(end - _dt.timedelta(days=self.days - 1), end)

    def label(self) -> str:
        return f"{self.start:%Y-%m-%d} – {self.end:%Y-%m-%d}"


@dataclass(slots=True)
class AnswerFact:
    round_id: str
    round_name: str
    round_date: _dt.date
    started_at: str
    item_key: str
    item_text: str
    item_text_en: str
    result: str  # pass / fail / na
    severity: str  # minor / major / critical
    weight: int = 1
    note: str = ""
    round_name_en: str = ""


@dataclass
class ActionFact:
    """A corrective action open at the period's end."""

    action_id: str
    title: str
    severity: str
    found_on: _dt.date
    due_date: _dt.date
    round_id: str | None = None
    round_name: str = ""
    owner: str = ""
    title_en: str = ""  # the item's English text, when the title is the item's text
    round_name_en: str = ""

    def overdue_at(self, day: _dt.date) -> bool:
        return day > self.due_date


@dataclass
class IncidentFact:
    incident_id: str
    title: str
    started_on: _dt.date
    open_at_end: bool
    title_en: str = ""  # the playbook's English title


@dataclass
class TouchpointFacts:
    touchpoint_id: str
    code: str
    answers: list[AnswerFact] = field(default_factory=list)
    actions: list[ActionFact] = field(default_factory=list)
    incidents: list[IncidentFact] = field(default_factory=list)
    linked_items: list[tuple[str, str, str]] = field(default_factory=list)  # key, text, text_en


@dataclass
class Reason:
    status: str  # the colour this reason alone gives
    message: Message
    rounds: list[AnswerFact] = field(default_factory=list)
    actions: list[ActionFact] = field(default_factory=list)
    incidents: list[IncidentFact] = field(default_factory=list)


@dataclass
class Assessment:
    touchpoint_id: str
    period: Period
    status: str
    reasons: list[Reason]
    passed: int
    failed: int
    open_actions: int
    overdue_actions: int
    incidents: int
    rounds: int
    facts: TouchpointFacts

    @property
    def checked(self) -> int:
        return self.passed + self.failed

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.checked if self.checked else None


def worse(a: str, b: str) -> str:
    return a if _RANK[a] >= _RANK[b] else b


def rank(status: str) -> int:
    return _RANK[status]


def assess(facts: TouchpointFacts, period: Period) -> Assessment:
    """The status of one touchpoint in `period`, with every reason behind it."""
    scored = [a for a in facts.answers if a.result in ("pass", "fail")]
    failures = [a for a in scored if a.result == "fail"]
    passed = len(scored) - len(failures)
    rate = len(failures) / len(scored) if scored else 0.0
    reasons: list[Reason] = []

    critical = [a for a in failures if a.severity == "critical"]
    if critical:
        reasons.append(
            Reason(
                BAD,
                _m(
                    QT_TRANSLATE_NOOP("TouchpointStatus", "严重项不合格 {count} 次"),
                    count=len(critical),
                ),
                rounds=critical,
            )
        )
    if failures:
        major = any(a.severity in ("major", "critical") for a in failures)
        red = rate >= (RED_FAIL_RATE if major else RED_MINOR_RATE)
        # An odd failure among many checks, already put right, leaves the touchpoint green.
        rare = rate < WATCH_FAIL_RATE and not facts.actions and not critical
        reasons.append(
            Reason(
                BAD if red else OK if rare else WATCH,
                _m(
                    QT_TRANSLATE_NOOP(
                        "TouchpointStatus", "检查 {checked} 次，不合格 {failed} 次（{rate}%）"
                    ),
                    checked=len(scored),
                    failed=len(failures),
                    rate=round(rate * 100),
                ),
                rounds=failures,
            )
        )
    overdue = [a for a in facts.actions if a.overdue_at(period.end)]
    pending = [a for a in facts.actions if not a.overdue_at(period.end)]
    if overdue:
        reasons.append(
            Reason(
                BAD,
                _m(
                    QT_TRANSLATE_NOOP("TouchpointStatus", "整改项超期未完成 {count} 项"),
                    count=len(overdue),
                ),
                actions=overdue,
            )
        )
    if pending:
        reasons.append(
            Reason(
                WATCH,
                _m(
                    QT_TRANSLATE_NOOP("TouchpointStatus", "整改项待完成 {count} 项"),
                    count=len(pending),
                ),
                actions=pending,
            )
        )
    if facts.incidents:
        still_open = [i for i in facts.incidents if i.open_at_end]
        red = bool(still_open) or len(facts.incidents) >= RED_INCIDENTS
        reasons.append(
            Reason(
                BAD if red else WATCH,
                _m(
                    QT_TRANSLATE_NOOP(
                        "TouchpointStatus", "此处发生事件 {count} 起，未结束 {open} 起"
                    )
                    if still_open
                    else QT_TRANSLATE_NOOP("TouchpointStatus", "此处发生事件 {count} 起，均已结束"),
                    count=len(facts.incidents),
                    open=len(still_open),
                ),
                incidents=list(facts.incidents),
            )
        )
    if reasons:
        status = NONE
        for reason in reasons:
            status = worse(status, reason.status)
    elif scored:
        status = OK
        reasons.append(
            Reason(
                OK,
                _m(
                    QT_TRANSLATE_NOOP("TouchpointStatus", "检查 {checked} 次，全部合格"),
                    checked=len(scored),
                ),
                rounds=scored,
            )
        )
    else:
        status = NONE
        if facts.linked_items:
            text = QT_TRANSLATE_NOOP("TouchpointStatus", "所选期间没有检查过关联的 {count} 个项目")
        else:
            text = QT_TRANSLATE_NOOP(
                "TouchpointStatus", "还没有关联巡检项目：在巡检模板中为项目选择此触点"
            )
        reasons.append(Reason(NONE, _m(text, count=len(facts.linked_items))))
    reasons.sort(key=lambda r: -_RANK[r.status])
    return Assessment(
        touchpoint_id=facts.touchpoint_id,
        period=period,
        status=status,
        reasons=reasons,
        passed=passed,
        failed=len(failures),
        open_actions=len(facts.actions),
        overdue_actions=len(overdue),
        incidents=len(facts.incidents),
        rounds=len({a.round_id for a in scored}),
        facts=facts,
    )


def trend(current: Assessment, previous: Assessment | None) -> str | None:
    """UP when the pass rate rose by TREND_STEP or more against the period before, DOWN when
    it fell; with no pass rate on either side, by the status; None with nothing to compare."""
    if previous is None:
        return None
    now, before = current.pass_rate, previous.pass_rate
    if now is not None and before is not None:
        if now - before >= TREND_STEP:
            return UP
        if before - now >= TREND_STEP:
            return DOWN
        return FLAT
    return _status_change(previous.status, current.status)


def _status_change(before: str, after: str) -> str | None:
    """UP when the colour got better, DOWN when worse; None when either has no data."""
    if before == NONE or after == NONE:
        return None
    difference = _RANK[before] - _RANK[after]
    return UP if difference > 0 else DOWN if difference < 0 else FLAT


TREND_SIGNS = {UP: "↑", DOWN: "↓", FLAT: "→"}
TREND_LABELS = {
    UP: QT_TRANSLATE_NOOP("TouchpointStatus", "好转"),
    DOWN: QT_TRANSLATE_NOOP("TouchpointStatus", "变差"),
    FLAT: QT_TRANSLATE_NOOP("TouchpointStatus", "持平"),
}


# -- two periods side by side ----------------------------------------------------------
@dataclass
class ComparisonRow:
    label: str  # a QT_TRANSLATE_NOOP source text in CTX
    before: str
    after: str
    change: str | None  # UP (better), DOWN (worse), FLAT, or None


COMPARE_STATUS = QT_TRANSLATE_NOOP("TouchpointStatus", "状态")
COMPARE_RATE = QT_TRANSLATE_NOOP("TouchpointStatus", "合格率")
COMPARE_FAILED = QT_TRANSLATE_NOOP("TouchpointStatus", "不合格次数")
COMPARE_ACTIONS = QT_TRANSLATE_NOOP("TouchpointStatus", "未完成整改")
COMPARE_OVERDUE = QT_TRANSLATE_NOOP("TouchpointStatus", "超期整改")
COMPARE_INCIDENTS = QT_TRANSLATE_NOOP("TouchpointStatus", "事件")


def _lower_is_better(before: int, after: int) -> str:
    return FLAT if before == after else UP if after < before else DOWN


def compare(before: Assessment, after: Assessment, status_text=None) -> list[ComparisonRow]:
    """The figures of two periods side by side, each marked better/worse/same.

    `status_text(status) -> str` names a status (the GUI passes its translation)."""
    name = status_text or (lambda s: STATUS_LABELS[s])
    change = _status_change(before.status, after.status)
    rows = [ComparisonRow(COMPARE_STATUS, name(before.status), name(after.status), change)]

    def rate_text(a: Assessment) -> str:
        return "—" if a.pass_rate is None else f"{round(a.pass_rate * 100)}%  ({a.passed}/{a.checked})"

    rows.append(
        ComparisonRow(
            COMPARE_RATE, rate_text(before), rate_text(after), trend(after, before)
            if before.pass_rate is not None and after.pass_rate is not None else None
        )
    )
    for label, attr in (
        (COMPARE_FAILED, "failed"),
        (COMPARE_ACTIONS, "open_actions"),
        (COMPARE_OVERDUE, "overdue_actions"),
        (COMPARE_INCIDENTS, "incidents"),
    ):
        b, a = getattr(before, attr), getattr(after, attr)
        rows.append(ComparisonRow(label, str(b), str(a), _lower_is_better(b, a)))
    return rows


# -- the board (触点管理看板) -----------------------------------------------------------
@dataclass
class BoardEntry:
    touchpoint_id: str
    code: str
    name: str
    stage: str
    role: str
    status: str
    open_actions: int
    overdue_actions: int
    trend: str | None
    pass_rate: float | None = None


BY_STATUS, BY_STAGE = "status", "stage"


def group_board(entries: list[BoardEntry], by: str = BY_STATUS) -> list[tuple[str, list[BoardEntry]]]:
    """[(group key, entries)] in reading order: worst status first, or the visit's stages in
    order; inside a group the worst first, then by code. Empty groups are left out."""
    if by == BY_STATUS:
        order, key = STATUS_ORDER, (lambda e: e.status)
    elif by == BY_STAGE:
        order, key = STAGE_ORDER, (lambda e: e.stage)
    else:
        raise ValueError(by)
    groups: dict[str, list[BoardEntry]] = {}
    for entry in entries:
        groups.setdefault(key(entry), []).append(entry)
    result = []
    extra = sorted(k for k in groups if k not in order)
    for group in (*order, *extra):
        members = groups.get(group)
        if members:
            members.sort(key=lambda e: (-_RANK[e.status], -e.overdue_actions, e.code))
            result.append((group, members))
    return result


def counts(statuses: dict[str, str]) -> dict[str, int]:
    """How many touchpoints have each status (the legend's numbers)."""
    result = {s: 0 for s in STATUSES}
    for status in statuses.values():
        result[status] = result.get(status, 0) + 1
    return result
