"""The state of an incident run, rebuilt from its append-only log. No Qt here.

A run is its playbook version's document (the JSON body, docs/playbook-format.md) plus the
log of what was done: a step ticked or skipped (with a reason), a step added during the run,
a note, a person involved, an announcement made, a repeating prompt acknowledged, a target
met. Each entry carries when it happened and when it was entered; the state at any moment is
the log replayed, so a run cut off by a power cut reopens exactly where it was.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP, bilingual

# Log entry kinds.
START = "start"
DONE = "done"
SKIP = "skip"
REOPEN = "reopen"
ADD_STEP = "add_step"
NOTE = "note"
PERSON = "person"
ROLE = "role"
ANNOUNCE = "announce"
PROMPT = "prompt"
TARGET = "target"
CLOSE = "close"
KINDS = {
    START: QT_TRANSLATE_NOOP("Incidents", "开始处置"),
    DONE: QT_TRANSLATE_NOOP("Incidents", "完成"),
    SKIP: QT_TRANSLATE_NOOP("Incidents", "跳过"),
    REOPEN: QT_TRANSLATE_NOOP("Incidents", "撤回"),
    ADD_STEP: QT_TRANSLATE_NOOP("Incidents", "增加步骤"),
    NOTE: QT_TRANSLATE_NOOP("Incidents", "记录"),
    PERSON: QT_TRANSLATE_NOOP("Incidents", "相关人员"),
    ROLE: QT_TRANSLATE_NOOP("Incidents", "分工"),
    ANNOUNCE: QT_TRANSLATE_NOOP("Incidents", "广播/告知"),
    PROMPT: QT_TRANSLATE_NOOP("Incidents", "定时提醒"),
    TARGET: QT_TRANSLATE_NOOP("Incidents", "时限达成"),
    CLOSE: QT_TRANSLATE_NOOP("Incidents", "结束处置"),
}

# Step states.
OPEN = "open"
STEP_DONE = "done"
SKIPPED = "skipped"

# Timer states.
RUNNING = "running"  # counting down
DUE_SOON = "soon"  # within a minute
OVERDUE = "overdue"
MET = "met"

PERSON_KINDS = {
    "staff": QT_TRANSLATE_NOOP("Incidents", "员工"),
    "customer": QT_TRANSLATE_NOOP("Incidents", "顾客"),
    "other": QT_TRANSLATE_NOOP("Incidents", "其他人员"),
}

TIME_FORMAT = "%Y-%m-%d %H:%M:%S"
MAX_TEXT = 2000  # a note longer than this is refused with a message, never cut silently


def parse_time(value: str) -> _dt.datetime:
    return _dt.datetime.strptime(value[:19], TIME_FORMAT)


def format_time(moment: _dt.datetime) -> str:
    return moment.strftime(TIME_FORMAT)


def text_of(value, language: str = "zh_CN") -> str:
    """A bilingual {"zh", "en"} text of the playbook document in the language asked."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return bilingual(value.get("zh", ""), value.get("en", ""), language)


@dataclass
class LogEntry:
    kind: str
    happened_at: _dt.datetime
    entered_at: _dt.datetime
    step_id: str = ""
    text: str = ""
    reason: str = ""
    data: dict = field(default_factory=dict)
    id: str = ""

    @property
    def late_entry(self) -> bool:
        """Entered more than a minute after it happened (written up afterwards)."""
        return (self.entered_at - self.happened_at).total_seconds() > 60


@dataclass
class StepState:
    id: str
    text: dict
    role: str
    immediate: bool
    script: dict | None
    target_minutes: int | None
    added: bool = False
    status: str = OPEN
    at: _dt.datetime | None = None
    reason: str = ""

    def display(self, language: str = "zh_CN") -> str:
        return text_of(self.text, language)

    def script_text(self, language: str = "zh_CN") -> str:
        return text_of(self.script, language)


@dataclass
class Timer:
    """A time target or a repeating prompt, as it stands at `now`."""

    key: str  # "target:0", "step:s3", "prompt:1"
    text: dict
    due_at: _dt.datetime
    state: str
    seconds_left: int
    repeating: bool = False
    every_minutes: int | None = None

    def display(self, language: str = "zh_CN") -> str:
        """The timer's text without a closing full stop (a time follows it on screen)."""
        return text_of(self.text, language).rstrip("。.")


@dataclass
class RunState:
    started_at: _dt.datetime
    steps: list[StepState]
    notes: list[LogEntry]
    people: list[LogEntry]
    announcements: list[LogEntry]
    log: list[LogEntry]
    closed_at: _dt.datetime | None = None
    outcome: str = ""

    def step(self, step_id: str) -> StepState | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def next_open(self, after_index: int = -1) -> int | None:
        """The index of the first open step after `after_index`, wrapping round."""
        count = len(self.steps)
        for offset in range(1, count + 1):
            index = (after_index + offset) % count
            if self.steps[index].status == OPEN:
                return index
        return None

    def counts(self) -> tuple[int, int, int]:
        done = sum(s.status == STEP_DONE for s in self.steps)
        skipped = sum(s.status == SKIPPED for s in self.steps)
        return done, skipped, len(self.steps) - done - skipped

    def elapsed(self, now: _dt.datetime) -> int:
        """Whole seconds since the start (until the close once closed)."""
        end = self.closed_at or now
        return max(0, int((end - self.started_at).total_seconds()))

    def new_step_id(self) -> str:
        used = {s.id for s in self.steps}
        number = 1
        while f"x{number}" in used:
            number += 1
        return f"x{number}"


def ordered_steps(body: dict) -> list[StepState]:
    """The playbook's steps, immediate actions first, otherwise in the document's order."""
    steps = [
        StepState(
            id=str(s["id"]),
            text=s.get("text") or {},
            role=s.get("role") or "",
            immediate=bool(s.get("immediate")),
            script=s.get("script"),
            target_minutes=s.get("target_minutes"),
        )
        for s in body.get("steps", [])
    ]
    return [s for s in steps if s.immediate] + [s for s in steps if not s.immediate]


def rebuild(body: dict, started_at: _dt.datetime, entries: list[LogEntry]) -> RunState:
    """The run as its log leaves it; entries are applied in the order they were entered."""
    state = RunState(started_at, ordered_steps(body), [], [], [], list(entries))
    for entry in sorted(entries, key=lambda e: e.entered_at):
        if entry.kind == ADD_STEP:
            if state.step(entry.step_id) is None:
                state.steps.append(
                    StepState(
                        id=entry.step_id,
                        text={"zh": entry.text, "en": ""},
                        role=entry.data.get("role", ""),
                        immediate=False,
                        script=None,
                        target_minutes=None,
                        added=True,
                    )
                )
        elif entry.kind in (DONE, SKIP, REOPEN):
            step = state.step(entry.step_id)
            if step is None:
                continue
            step.status = {DONE: STEP_DONE, SKIP: SKIPPED, REOPEN: OPEN}[entry.kind]
            step.at = entry.happened_at if entry.kind != REOPEN else None
            step.reason = entry.reason if entry.kind == SKIP else ""
        elif entry.kind == NOTE:
            state.notes.append(entry)
        elif entry.kind == PERSON:
            state.people.append(entry)
        elif entry.kind == ANNOUNCE:
            state.announcements.append(entry)
        elif entry.kind == CLOSE:
            state.closed_at = entry.happened_at
            state.outcome = entry.text
    return state


def _timer_state(due: _dt.datetime, now: _dt.datetime) -> tuple[str, int]:
    left = int((due - now).total_seconds())
    if left < 0:
        return OVERDUE, left
    return (DUE_SOON if left <= 60 else RUNNING), left


def timers(body: dict, state: RunState, now: _dt.datetime) -> list[Timer]:
    """Time targets, open steps with a target, and repeating prompts, soonest first.

    A time target is met when acknowledged (a TARGET entry); a step's target when the step is
    done or skipped; a repeating prompt falls due `every_minutes` after the start (or after its
    `after_step` was done; not at all while that step is open or skipped) or after it was last
    acknowledged (a PROMPT entry), and keeps falling due until the run is closed.
    """
    now = state.closed_at or now
    met = {e.data.get("key"): e.happened_at for e in state.log if e.kind == TARGET}
    acknowledged: dict[str, _dt.datetime] = {}
    for entry in state.log:
        if entry.kind == PROMPT:
            key = entry.data.get("key", "")
            if key not in acknowledged or entry.happened_at > acknowledged[key]:
                acknowledged[key] = entry.happened_at
    result: list[Timer] = []
    for index, target in enumerate(body.get("time_targets") or []):
        key = f"target:{index}"
        due = state.started_at + _dt.timedelta(minutes=float(target.get("minutes") or 0))
        if key in met:
            result.append(Timer(key, target.get("text") or {}, due, MET, 0))
        else:
            result.append(Timer(key, target.get("text") or {}, due, *_timer_state(due, now)))
    for step in state.steps:
        if step.target_minutes:
            due = state.started_at + _dt.timedelta(minutes=float(step.target_minutes))
            key = f"step:{step.id}"
            if step.status != OPEN:
                result.append(Timer(key, step.text, due, MET, 0))
            else:
                result.append(Timer(key, step.text, due, *_timer_state(due, now)))
    for index, prompt in enumerate(body.get("prompts") or []):
        every = float(prompt.get("every_minutes") or 0)
        if every <= 0:
            continue
        key = f"prompt:{index}"
        start = state.started_at
        if prompt.get("after_step"):  # e.g. swapping the CPR person once CPR has begun
            step = state.step(prompt["after_step"])
            if step is None or step.status != STEP_DONE or step.at is None:
                continue
            start = step.at
        since = max(acknowledged.get(key, start), start)
        due = since + _dt.timedelta(minutes=every)
        result.append(
            Timer(
                key,
                prompt.get("text") or {},
                due,
                *_timer_state(due, now),
                repeating=True,
                every_minutes=int(every),
            )
        )
    order = {OVERDUE: 0, DUE_SOON: 1, RUNNING: 2, MET: 3}
    result.sort(key=lambda t: (order[t.state], t.due_at))
    return result


def clock_text(seconds: int) -> str:
    """Elapsed time as the wall clock shows it: 07:05 or 1:07:05."""
    sign = "-" if seconds < 0 else ""
    seconds = abs(int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{sign}{hours}:{minutes:02d}:{secs:02d}"
    return f"{sign}{minutes:02d}:{secs:02d}"


def check_text(value: str, *, required: bool = True) -> str | None:
    """Why a typed text cannot be logged (a Chinese sentence), or None when it can."""
    value = (value or "").strip()
    if required and not value:
        return QT_TRANSLATE_NOOP("Incidents", "请先输入内容。")
    if len(value) > MAX_TEXT:
        return QT_TRANSLATE_NOOP("Incidents", "内容太长（最多 2000 字），请分成几条记录。")
    return None
