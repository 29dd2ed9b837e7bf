"""The playbook document (docs/playbook-format.md): model, reading and checking. No Qt here.

A playbook is stored as a JSON body, one body per version. `Playbook.from_dict(body)` checks
the whole body and lists every problem with where it is (e.g. 第 3 步 · 中文), so an editor or
an imported file is refused with all its problems at once and nothing changes.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field, replace

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message, bilingual

CTX = "Playbooks"
FORMAT = 1

HALL = "hall"
REPORTED = "reported"
COMPLAINT = "complaint"
OWN = "own"
CATEGORIES = {
    HALL: QT_TRANSLATE_NOOP("Playbooks", "厅内突发事件"),
    REPORTED: QT_TRANSLATE_NOOP("Playbooks", "客户报告的紧急情况"),
    COMPLAINT: QT_TRANSLATE_NOOP("Playbooks", "投诉处理"),
    OWN: QT_TRANSLATE_NOOP("Playbooks", "本厅自编"),
}
ROLES = {
    "supervisor": QT_TRANSLATE_NOOP("Playbooks", "值班长"),
    "counter": QT_TRANSLATE_NOOP("Playbooks", "柜员"),
    "guide": QT_TRANSLATE_NOOP("Playbooks", "引导员"),
    "security": QT_TRANSLATE_NOOP("Playbooks", "保安"),
    "other": QT_TRANSLATE_NOOP("Playbooks", "其他"),
}

# The eight hall emergencies (the large buttons), then the reported ones and complaints.
HALL_EMERGENCIES = (
    "fainting",
    "fire",
    "violent_customer",
    "media",
    "system_crash",
    "sudden_surge",
    "quarrel",
    "lost_item",
)
REPORTED_EMERGENCIES = ("wire_fire", "electric_shock", "wide_outage", "abnormal_meter")
COMPLAINT_PLAYBOOKS = ("complaint_in_hall", "difficult_customer", "complaint_escalation")
BUILTIN_CODES = HALL_EMERGENCIES + REPORTED_EMERGENCIES + COMPLAINT_PLAYBOOKS

# Emergency numbers every playbook may list; the hall's own contacts are added when shown.
EMERGENCY_NUMBERS = ("119", "120", "110")

MAX_TEXT = 300  # one step, script or line: long enough for two sentences, short under stress
MAX_TITLE = 40
MAX_STEPS = 40
MAX_LINES = 20  # do-nots, contacts, targets, prompts, announcements: each list
MAX_MINUTES = 24 * 60
MAX_OWNER = 40
MAX_KEYWORDS = 20

_CODE = re.compile(r"[a-z][a-z0-9_]{1,39}")
_STEP_ID = re.compile(r"[A-Za-z0-9_-]{1,20}")
_NUMBER = re.compile(r"[0-9][0-9 +\-]{1,24}")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")

KEYS = (
    "format",
    "code",
    "category",
    "title",
    "applies_when",
    "keywords",
    "roles",
    "steps",
    "do_nots",
    "contacts",
    "time_targets",
    "prompts",
    "announcements",
    "media_line",
    "owner",
    "revised_on",
)
STEP_KEYS = ("id", "text", "role", "immediate", "script", "target_minutes")


@dataclass(frozen=True)
class Text:
    """A bilingual text; call it with the interface language: `text("en")`."""

    zh: str = ""
    en: str = ""

    def __call__(self, language: str = "zh_CN") -> str:
        return bilingual(self.zh, self.en, language)

    def __bool__(self) -> bool:
        return bool(self.zh or self.en)

    def to_dict(self) -> dict:
        return {"zh": self.zh, "en": self.en}


@dataclass(frozen=True)
class Step:
    id: str
    text: Text
    role: str = "supervisor"
    immediate: bool = False
    script: Text = Text()
    target_minutes: int | None = None

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "text": self.text.to_dict(),
            "role": self.role,
            "immediate": self.immediate,
            "script": self.script.to_dict() if self.script else None,
            "target_minutes": self.target_minutes,
        }


@dataclass(frozen=True)
class Contact:
    name: Text
    number: str

    def to_dict(self) -> dict:
        return {"name": self.name.to_dict(), "number": self.number}


@dataclass(frozen=True)
class TimeTarget:
    text: Text
    minutes: int

    def to_dict(self) -> dict:
        return {"text": self.text.to_dict(), "minutes": self.minutes}


@dataclass(frozen=True)
class Prompt:
    """A reminder that repeats while the run is open (swap the CPR person every 2 minutes)."""

    text: Text
    every_minutes: int
    after_step: str = ""  # counts from when this step is done; never runs if it is not

    def to_dict(self) -> dict:
        result = {"text": self.text.to_dict(), "every_minutes": self.every_minutes}
        if self.after_step:
            result["after_step"] = self.after_step
        return result


class PlaybookError(ValueError):
    """The document was refused; `problems` lists each problem with where it is."""

    def __init__(self, problems: list[Message]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Playbook:
    code: str
    category: str
    title_text: Text
    applies_when: Text = Text()
    roles: tuple[str, ...] = ("supervisor",)
    steps: tuple[Step, ...] = ()
    do_nots: tuple[Text, ...] = ()
    contacts: tuple[Contact, ...] = ()
    time_targets: tuple[TimeTarget, ...] = ()
    prompts: tuple[Prompt, ...] = ()
    announcement_texts: tuple[Text, ...] = ()
    media_text: Text = Text()
    keywords: tuple[str, ...] = ()
    owner: str = ""
    revised_on: str = ""
    format: int = field(default=FORMAT)

    # -- the interface the run view and the printouts read ----------------------------------
    def title(self, language: str = "zh_CN") -> str:
        return self.title_text(language)

    def step_number(self, step_id: str) -> int | None:
        """The number a step is shown with (immediate steps first), or None."""
        ids = [step.id for step in self.steps]
        return ids.index(step_id) + 1 if step_id in ids else None

    def announcements(self, language: str = "zh_CN") -> list[str]:
        return [line(language) for line in self.announcement_texts]

    def media_line(self, language: str = "zh_CN") -> str:
        return self.media_text(language)

    def step(self, step_id: str) -> Step | None:
        return next((s for s in self.steps if s.id == step_id), None)

    def all_contacts(self, hall_contacts: list[Contact] | tuple = ()) -> list[Contact]:
        """The playbook's numbers, then the hall's own (each number once)."""
        seen, result = set(), []
        for contact in (*self.contacts, *hall_contacts):
            if contact.number not in seen:
                seen.add(contact.number)
                result.append(contact)
        return result

    def new_step_id(self) -> str:
        used = {s.id for s in self.steps}
        n = len(self.steps) + 1
        while f"s{n}" in used:
            n += 1
        return f"s{n}"

    def search_words(self) -> str:
        """The code, keywords and when it applies: what a search matches after the title."""
        parts = [self.code, *self.keywords, self.applies_when.zh, self.applies_when.en]
        return " ".join(p for p in parts if p)

    def search_body(self) -> str:
        """The steps, scripts and do-nots: what a search matches last."""
        parts = []
        for step in self.steps:
            parts += [step.text.zh, step.text.en, step.script.zh, step.script.en]
        for line in self.do_nots:
            parts += [line.zh, line.en]
        return " ".join(p for p in parts if p)

    # -- reading and writing ------------------------------------------------------------------
    @classmethod
    def from_dict(cls, body: dict) -> Playbook:
        """The playbook of a JSON body; raises PlaybookError listing every problem."""
        problems: list[Message] = []
        playbook = _read(body, problems)
        if problems or playbook is None:
            raise PlaybookError(problems[:50])
        return playbook

    def to_dict(self) -> dict:
        return {
            "format": self.format,
            "code": self.code,
            "category": self.category,
            "title": self.title_text.to_dict(),
            "applies_when": self.applies_when.to_dict(),
            "keywords": list(self.keywords),
            "roles": list(self.roles),
            "steps": [s.to_dict() for s in self.steps],
            "do_nots": [t.to_dict() for t in self.do_nots],
            "contacts": [c.to_dict() for c in self.contacts],
            "time_targets": [t.to_dict() for t in self.time_targets],
            "prompts": [p.to_dict() for p in self.prompts],
            "announcements": [t.to_dict() for t in self.announcement_texts],
            "media_line": self.media_text.to_dict() if self.media_text else None,
            "owner": self.owner,
            "revised_on": self.revised_on,
        }

    def revised(self, owner: str | None = None, on: _dt.date | None = None) -> Playbook:
        """The same playbook marked as revised today (or `on`) by `owner`."""
        return replace(
            self,
            owner=self.owner if owner is None else owner,
            revised_on=(on or _dt.date.today()).isoformat(),
        )


# -- checking ---------------------------------------------------------------------------------
# Where a problem is, as the user reads it: "第 3 步 · 中文".
_WHERE = {
    "title": QT_TRANSLATE_NOOP("Playbooks", "名称"),
    "applies_when": QT_TRANSLATE_NOOP("Playbooks", "适用情形"),
    "steps": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 步"),
    "do_nots": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 条禁忌"),
    "contacts": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 个联系电话"),
    "time_targets": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 个时限"),
    "prompts": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 个定时提醒"),
    "announcements": QT_TRANSLATE_NOOP("Playbooks", "第 {n} 条广播词"),
    "media_line": QT_TRANSLATE_NOOP("Playbooks", "媒体口径"),
    "script": QT_TRANSLATE_NOOP("Playbooks", "话术"),
    "zh": QT_TRANSLATE_NOOP("Playbooks", "中文"),
    "en": QT_TRANSLATE_NOOP("Playbooks", "英文"),
    "document": QT_TRANSLATE_NOOP("Playbooks", "预案"),
}


def where(*parts) -> Message:
    """A position such as ("steps", 3, "zh") → 第 3 步 · 中文 (n is 1-based)."""
    pieces: list[Message] = []
    items = list(parts)
    while items:
        key = items.pop(0)
        if items and isinstance(items[0], int):
            n = items.pop(0)
            pieces.append(Message(CTX, _WHERE.get(key, key), {"n": n}))
        else:
            pieces.append(Message(CTX, _WHERE.get(key, key)))
    return pieces[0] if len(pieces) == 1 else _joined(pieces)


def _joined(pieces: list[Message]) -> Message:
    text = " · ".join("{p%d}" % i for i in range(len(pieces)))
    return Message("Playbooks-where", text, {f"p{i}": p for i, p in enumerate(pieces)})


PROBLEM = QT_TRANSLATE_NOOP("Playbooks", "{where}：{what}")


def _problem(problems: list[Message], at: Message, text: str, **args) -> None:
    problems.append(Message(CTX, PROBLEM, {"where": at, "what": Message(CTX, text, args)}))


def _text(value, problems, at_parts, *, required: bool = True, limit: int = MAX_TEXT) -> Text:
    at = where(*at_parts)
    if value is None:
        if required:
            _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "不能为空"))
        return Text()
    if not isinstance(value, dict):
        _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "应为中英文两段文字"))
        return Text()
    unknown = sorted(set(value) - {"zh", "en"})
    if unknown:
        _problem(
            problems, at, QT_TRANSLATE_NOOP("Playbooks", "不认识的项 {keys}"), keys=unknown
        )
    texts = {}
    for lang in ("zh", "en"):
        text = value.get(lang, "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            _problem(problems, where(*at_parts, lang), QT_TRANSLATE_NOOP("Playbooks", "应为文字"))
            text = ""
        text = text.strip()
        if len(text) > limit:
            _problem(
                problems,
                where(*at_parts, lang),
                QT_TRANSLATE_NOOP("Playbooks", "太长（{length} 字，最多 {limit} 字）"),
                length=len(text),
                limit=limit,
            )
        if any(ord(ch) < 32 and ch not in "\n\t" for ch in text):
            _problem(
                problems, where(*at_parts, lang), QT_TRANSLATE_NOOP("Playbooks", "含有控制字符")
            )
        texts[lang] = text
    if required and not texts["zh"]:
        _problem(problems, where(*at_parts, "zh"), QT_TRANSLATE_NOOP("Playbooks", "不能为空"))
    return Text(texts["zh"], texts["en"])


def _minutes(value, problems, at: Message, *, required: bool) -> int | None:
    if value is None and not required:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_MINUTES:
        _problem(
            problems,
            at,
            QT_TRANSLATE_NOOP("Playbooks", "分钟数应为 1 到 {limit} 的整数"),
            limit=MAX_MINUTES,
        )
        return None
    return value


def _list(body: dict, key: str, problems, limit: int = MAX_LINES) -> list:
    value = body.get(key, [])
    if value is None:
        return []
    if not isinstance(value, list):
        _problem(problems, where(key, 1), QT_TRANSLATE_NOOP("Playbooks", "应为一个列表"))
        return []
    if len(value) > limit:
        _problem(
            problems,
            where(key, limit + 1),
            QT_TRANSLATE_NOOP("Playbooks", "太多（{count} 条，最多 {limit} 条）"),
            count=len(value),
            limit=limit,
        )
        return value[:limit]
    return value


def _read(body, problems: list[Message]) -> Playbook | None:
    doc = where("document")
    if not isinstance(body, dict):
        _problem(problems, doc, QT_TRANSLATE_NOOP("Playbooks", "不是一个预案（应为 JSON 对象）"))
        return None
    if body.get("format", FORMAT) != FORMAT:
        _problem(
            problems,
            doc,
            QT_TRANSLATE_NOOP("Playbooks", "格式版本 {format} 不受支持（应为 {expected}）"),
            format=body.get("format"),
            expected=FORMAT,
        )
        return None
    unknown = sorted(set(body) - set(KEYS))
    if unknown:
        _problem(problems, doc, QT_TRANSLATE_NOOP("Playbooks", "不认识的项 {keys}"), keys=unknown)
    code = body.get("code")
    if not isinstance(code, str) or not _CODE.fullmatch(code):
        _problem(
            problems,
            doc,
            QT_TRANSLATE_NOOP(
                "Playbooks", "代码 {code} 不可用（小写字母开头，只含小写字母、数字和下划线）"
            ),
            code=code,
        )
        code = ""
    category = body.get("category")
    if category not in CATEGORIES:
        _problem(
            problems,
            doc,
            QT_TRANSLATE_NOOP("Playbooks", "类别 {category} 不认识（可用：{allowed}）"),
            category=category,
            allowed=list(CATEGORIES),
        )
        category = OWN
    title = _text(body.get("title"), problems, ("title",), limit=MAX_TITLE)
    applies_when = _text(body.get("applies_when"), problems, ("applies_when",), required=False)

    keywords = []
    raw_keywords = _list(body, "keywords", problems, MAX_KEYWORDS)
    for word in raw_keywords:
        if isinstance(word, str) and word.strip() and len(word) <= MAX_TITLE:
            keywords.append(word.strip())
        else:
            _problem(problems, doc, QT_TRANSLATE_NOOP("Playbooks", "关键词 {word} 不可用"), word=word)

    roles_value = body.get("roles", ["supervisor"])
    roles: list[str] = []
    if not isinstance(roles_value, list) or not roles_value:
        _problem(problems, doc, QT_TRANSLATE_NOOP("Playbooks", "至少要有一个角色"))
    else:
        for role in roles_value:
            if role not in ROLES:
                _problem(
                    problems,
                    doc,
                    QT_TRANSLATE_NOOP("Playbooks", "角色 {role} 不认识（可用：{allowed}）"),
                    role=role,
                    allowed=list(ROLES),
                )
            elif role not in roles:
                roles.append(role)

    steps = _steps(body, problems, roles)
    do_nots = [
        _text(v, problems, ("do_nots", n)) for n, v in enumerate(_list(body, "do_nots", problems), 1)
    ]
    contacts = _contacts(_list(body, "contacts", problems), problems)
    targets = []
    for n, value in enumerate(_list(body, "time_targets", problems), 1):
        if not isinstance(value, dict):
            _problem(problems, where("time_targets", n), QT_TRANSLATE_NOOP("Playbooks", "应为内容和分钟数"))
            continue
        text = _text(value.get("text"), problems, ("time_targets", n))
        minutes = _minutes(value.get("minutes"), problems, where("time_targets", n), required=True)
        targets.append(TimeTarget(text, minutes or 1))
    prompts = []
    for n, value in enumerate(_list(body, "prompts", problems), 1):
        if not isinstance(value, dict):
            _problem(problems, where("prompts", n), QT_TRANSLATE_NOOP("Playbooks", "应为内容和间隔分钟"))
            continue
        text = _text(value.get("text"), problems, ("prompts", n))
        every = _minutes(value.get("every_minutes"), problems, where("prompts", n), required=True)
        after = value.get("after_step") or ""
        if after and after not in {step.id for step in steps}:
            _problem(
                problems,
                where("prompts", n),
                QT_TRANSLATE_NOOP("Playbooks", "after_step {step} 不是本预案的步骤编号"),
                step=after,
            )
            after = ""
        prompts.append(Prompt(text, every or 1, str(after)))
    announcements = [
        _text(v, problems, ("announcements", n))
        for n, v in enumerate(_list(body, "announcements", problems), 1)
    ]
    media = _text(body.get("media_line"), problems, ("media_line",), required=False)

    owner = body.get("owner", "")
    if not isinstance(owner, str) or len(owner) > MAX_OWNER:
        _problem(
            problems,
            doc,
            QT_TRANSLATE_NOOP("Playbooks", "负责人应为文字，最多 {limit} 字"),
            limit=MAX_OWNER,
        )
        owner = ""
    revised_on = body.get("revised_on", "")
    if revised_on:
        if not isinstance(revised_on, str) or not _valid_date(revised_on):
            _problem(
                problems,
                doc,
                QT_TRANSLATE_NOOP("Playbooks", "修订日期 {date} 应为 YYYY-MM-DD"),
                date=revised_on,
            )
            revised_on = ""
    return Playbook(
        code=code,
        category=category,
        title_text=title,
        applies_when=applies_when,
        roles=tuple(roles),
        steps=tuple(steps),
        do_nots=tuple(do_nots),
        contacts=tuple(contacts),
        time_targets=tuple(targets),
        prompts=tuple(prompts),
        announcement_texts=tuple(announcements),
        media_text=media,
        keywords=tuple(keywords),
        owner=owner.strip(),
        revised_on=revised_on or "",
    )


def _contacts(values: list, problems: list[Message]) -> list[Contact]:
    contacts = []
    for n, value in enumerate(values, 1):
        if not isinstance(value, dict):
            _problem(problems, where("contacts", n), QT_TRANSLATE_NOOP("Playbooks", "应为名称和号码"))
            continue
        name = _text(value.get("name"), problems, ("contacts", n), limit=MAX_TITLE)
        number = value.get("number")
        number = number.strip() if isinstance(number, str) else ""
        if not _NUMBER.fullmatch(number):
            _problem(
                problems,
                where("contacts", n),
                QT_TRANSLATE_NOOP("Playbooks", "号码 {number} 不像电话号码"),
                number=value.get("number"),
            )
        contacts.append(Contact(name, number))
    return contacts


def check_contacts(values: list) -> list[Contact]:
    """The hall's own contact list ([{"name": {"zh", "en"}, "number"}]) checked like a
    playbook's; raises PlaybookError listing every problem."""
    problems: list[Message] = []
    if not isinstance(values, list):
        values = [values]
    if len(values) > MAX_LINES:
        _problem(
            problems,
            where("contacts", MAX_LINES + 1),
            QT_TRANSLATE_NOOP("Playbooks", "太多（{count} 条，最多 {limit} 条）"),
            count=len(values),
            limit=MAX_LINES,
        )
    contacts = _contacts(values[:MAX_LINES], problems)
    if problems:
        raise PlaybookError(problems)
    return contacts


def _valid_date(value: str) -> bool:
    if not _DATE.fullmatch(value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _steps(body: dict, problems: list[Message], roles: list[str]) -> list[Step]:
    raw = _list(body, "steps", problems, MAX_STEPS)
    if not raw:
        _problem(problems, where("document"), QT_TRANSLATE_NOOP("Playbooks", "至少要有一个步骤"))
    steps, ids = [], set()
    for n, value in enumerate(raw, 1):
        at = where("steps", n)
        if not isinstance(value, dict):
            _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "应为一个步骤"))
            continue
        unknown = sorted(set(value) - set(STEP_KEYS))
        if unknown:
            _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "不认识的项 {keys}"), keys=unknown)
        step_id = value.get("id")
        if not isinstance(step_id, str) or not _STEP_ID.fullmatch(step_id):
            _problem(
                problems,
                at,
                QT_TRANSLATE_NOOP("Playbooks", "编号 {id} 不可用（字母、数字、- 或 _，最多 20 个）"),
                id=step_id,
            )
            step_id = f"s{n}"
        elif step_id in ids:
            _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "编号 {id} 重复"), id=step_id)
        ids.add(step_id)
        text = _text(value.get("text"), problems, ("steps", n))
        role = value.get("role", "supervisor")
        if role not in ROLES:
            _problem(
                problems,
                at,
                QT_TRANSLATE_NOOP("Playbooks", "角色 {role} 不认识（可用：{allowed}）"),
                role=role,
                allowed=list(ROLES),
            )
            role = "supervisor"
        elif roles and role not in roles:
            _problem(
                problems,
                at,
                QT_TRANSLATE_NOOP("Playbooks", "角色 {role} 不在本预案的角色中"),
                role=role,
            )
        immediate = value.get("immediate", False)
        if not isinstance(immediate, bool):
            _problem(problems, at, QT_TRANSLATE_NOOP("Playbooks", "“立即”应为 true 或 false"))
            immediate = False
        script = _text(value.get("script"), problems, ("steps", n, "script"), required=False)
        target = _minutes(value.get("target_minutes"), problems, at, required=False)
        steps.append(Step(step_id, text, role, immediate, script, target))
    # Immediate actions come first; otherwise the document's order is kept.
    return [s for s in steps if s.immediate] + [s for s in steps if not s.immediate]
