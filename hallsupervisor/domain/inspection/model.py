"""What an inspection is made of: templates (sections and items), answers, and their labels.

An item's `key` is stable across template versions (the 3rd item of the opening check keeps
its key when the wording changes), so answers, corrective actions and trends can follow an
item through versions, while every round keeps the exact version it was answered with.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from hallsupervisor.domain import QT_TRANSLATE_NOOP, bilingual

# Answer types of an item.
PASS_FAIL = "pass_fail"
NUMBER = "number"
TEXT = "text"
ANSWER_TYPES = {
    PASS_FAIL: QT_TRANSLATE_NOOP("Inspection", "合格/不合格/不适用"),
    NUMBER: QT_TRANSLATE_NOOP("Inspection", "数值（有合格范围）"),
    TEXT: QT_TRANSLATE_NOOP("Inspection", "简短文字"),
}

# Results of an answer.
PASS = "pass"
FAIL = "fail"
NA = "na"
RESULTS = {
    PASS: QT_TRANSLATE_NOOP("Inspection", "合格"),
    FAIL: QT_TRANSLATE_NOOP("Inspection", "不合格"),
    NA: QT_TRANSLATE_NOOP("Inspection", "不适用"),
}

# 6S categories (6S管理).
SIX_S = {
    "sort": QT_TRANSLATE_NOOP("Inspection", "整理"),
    "set_in_order": QT_TRANSLATE_NOOP("Inspection", "整顿"),
    "shine": QT_TRANSLATE_NOOP("Inspection", "清扫"),
    "standardize": QT_TRANSLATE_NOOP("Inspection", "清洁"),
    "sustain": QT_TRANSLATE_NOOP("Inspection", "素养"),
    "safety": QT_TRANSLATE_NOOP("Inspection", "安全"),
}

# The five elements of customer satisfaction (客户满意度五大要素).
ELEMENTS = {
    "tangibles": QT_TRANSLATE_NOOP("Inspection", "有形度"),
    "empathy": QT_TRANSLATE_NOOP("Inspection", "同理度"),
    "responsiveness": QT_TRANSLATE_NOOP("Inspection", "反应度"),
    "professionalism": QT_TRANSLATE_NOOP("Inspection", "专业度"),
    "reliability": QT_TRANSLATE_NOOP("Inspection", "信赖度"),
}

# Severity of a failure, and how many days a corrective action gets by default.
MINOR = "minor"
MAJOR = "major"
CRITICAL = "critical"
SEVERITIES = {
    MINOR: QT_TRANSLATE_NOOP("Inspection", "轻微"),
    MAJOR: QT_TRANSLATE_NOOP("Inspection", "一般"),
    CRITICAL: QT_TRANSLATE_NOOP("Inspection", "严重"),
}
DUE_DAYS = {MINOR: 7, MAJOR: 3, CRITICAL: 0}  # critical: put right the same day

MIN_WEIGHT, MAX_WEIGHT = 1, 5


@dataclass
class TemplateItem:
    key: str
    text: str
    text_en: str = ""
    guidance: str = ""
    guidance_en: str = ""
    category: str = ""  # a SIX_S key, or ""
    element: str = ""  # an ELEMENTS key, or ""
    weight: int = 1
    severity: str = MAJOR
    photo_expected: bool = False
    touchpoint: str = ""  # a touchpoint's id on the map, or ""
    answer_type: str = PASS_FAIL
    minimum: float | None = None  # NUMBER items: the acceptable range, either end open
    maximum: float | None = None
    unit: str = ""
    id: str | None = None

    def display_text(self, language: str = "zh_CN") -> str:
        return bilingual(self.text, self.text_en, language)


@dataclass
class TemplateSection:
    key: str
    title: str
    title_en: str = ""
    items: list[TemplateItem] = field(default_factory=list)
    id: str | None = None

    def display_title(self, language: str = "zh_CN") -> str:
        return bilingual(self.title, self.title_en, language)


@dataclass
class Template:
    name: str
    name_en: str = ""
    sections: list[TemplateSection] = field(default_factory=list)
    pack: str = ""  # the built-in pack it came from, or ""
    family_id: str | None = None  # the same for every version of one template
    version: int = 1
    id: str | None = None

    def items(self) -> list[TemplateItem]:
        return [item for section in self.sections for item in section.items]

    def display_name(self, language: str = "zh_CN") -> str:
        return bilingual(self.name, self.name_en, language)


@dataclass
class Answer:
    """One item's answer in a round. `result` is None while unanswered."""

    item_key: str
    result: str | None = None
    value: str = ""  # the number typed (NUMBER) or the text (TEXT)
    note: str = ""
    id: str | None = None
