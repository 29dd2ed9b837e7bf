"""Scoring a round: each answer's effective result, and the weighted score of the round.

score = 100 × (weight of passed items) ÷ (weight of passed + failed items). Not applicable,
unanswered and text items are left out, so skipping an item can neither raise nor lower it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.inspection.model import (
    FAIL,
    NA,
    NUMBER,
    PASS,
    TEXT,
    Answer,
    Template,
    TemplateItem,
)

CTX = "Inspection"

# Plain decimal notation (an exponent too, so any float written by repr() reads back).
_NUMBER = re.compile(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?")
# What a Chinese input method types in full-width mode, and the typographic minus sign.
HALF_WIDTH = str.maketrans("０１２３４５６７８９．，＋－\u2212", "0123456789.,+--")

FORMULA = Message(
    CTX,
    QT_TRANSLATE_NOOP(
        "Inspection",
        "得分 = 合格项目的权重之和 ÷ 参与评分项目（合格 + 不合格）的权重之和 × 100。权重越高的项目对得分影响越大；不适用、未作答和文字项目不参与评分，既不加分也不扣分。",
    ),
)


def parse_number(text: str) -> float | None:
    """A number as people type it: full-width digits (１２．５) and a decimal comma (12,5) too.

    None when the text is not one finite number; "1,234.5" is refused rather than guessed.
    """
    text = (text or "").strip().translate(HALF_WIDTH)
    if text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    if not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) else None


def evaluate(item: TemplateItem, answer: Answer | None) -> str | None:
    """The effective result PASS / FAIL / NA of an answer, or None when it is not scored.

    A number item is judged by the value typed, not by a result stored with it, so the range
    in the template decides. Text items are never scored.
    """
    if answer is None or item.answer_type == TEXT:
        return None
    if answer.result == NA:
        return NA
    if item.answer_type == NUMBER:
        value = parse_number(answer.value)
        if value is None:
            return None
        too_low = item.minimum is not None and value < item.minimum
        too_high = item.maximum is not None and value > item.maximum
        return FAIL if too_low or too_high else PASS
    return answer.result if answer.result in (PASS, FAIL) else None


def is_answered(item: TemplateItem, answer: Answer | None) -> bool:
    """Text items are answered by some text or NA; the others by an effective result."""
    if answer is None:
        return False
    if item.answer_type == TEXT:
        return answer.result == NA or bool(answer.value.strip())
    return evaluate(item, answer) is not None


def is_complete(template: Template, answers: dict[str, Answer]) -> bool:
    return all(is_answered(item, answers.get(item.key)) for item in template.items())


@dataclass
class RoundScore:
    """Counts are of items; weights are sums of item weights. Full precision, never rounded.

    Text items answered with text are in none of the counts (they are not scored).
    """

    score: float | None  # 0–100, None when nothing is scored
    sections: dict[str, float | None] = field(default_factory=dict)  # by section key
    passed: int = 0
    failed: int = 0
    not_applicable: int = 0
    unanswered: int = 0
    scored_weight: int = 0
    passed_weight: int = 0


def _percent(passed_weight: int, scored_weight: int) -> float | None:
    return 100 * passed_weight / scored_weight if scored_weight else None


def score_round(template: Template, answers: dict[str, Answer]) -> RoundScore:
    total = RoundScore(score=None)
    for section in template.sections:
        passed_weight = scored_weight = 0
        for item in section.items:
            answer = answers.get(item.key)
            result = evaluate(item, answer)
            if not is_answered(item, answer):
                total.unanswered += 1
            elif answer.result == NA:  # text items may be NA too
                total.not_applicable += 1
            elif result in (PASS, FAIL):
                scored_weight += item.weight
                passed_weight += item.weight if result == PASS else 0
                total.passed += result == PASS
                total.failed += result == FAIL
        total.sections[section.key] = _percent(passed_weight, scored_weight)
        total.passed_weight += passed_weight
        total.scored_weight += scored_weight
    total.score = _percent(total.passed_weight, total.scored_weight)
    return total


def format_score(score: float | None) -> str:
    """One decimal, half rounded up as people expect (92.65 → 92.7, not banker's 92.6)."""
    if score is None:
        return "—"
    return str(Decimal(repr(score)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def explain(score: RoundScore) -> list[Message]:
    """The formula with this round's numbers, for a supervisor who asks how it was reached."""
    if score.score is None:
        lines = [
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "还没有参与评分的项目（都是不适用、未作答或文字项目），所以暂无得分。",
                ),
            )
        ]
    else:
        lines = [
            Message(
                CTX,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "合格项权重合计 {passed_weight}，参与评分的权重合计 {scored_weight}，得分 = {passed_weight} ÷ {scored_weight} × 100 = {score}。",
                ),
                {
                    "passed_weight": score.passed_weight,
                    "scored_weight": score.scored_weight,
                    "score": format_score(score.score),
                },
            )
        ]
    lines.append(
        Message(
            CTX,
            QT_TRANSLATE_NOOP(
                "Inspection",
                "合格 {passed} 项，不合格 {failed} 项；不适用 {not_applicable} 项和未作答 {unanswered} 项不计入得分。",
            ),
            {
                "passed": score.passed,
                "failed": score.failed,
                "not_applicable": score.not_applicable,
                "unanswered": score.unanswered,
            },
        )
    )
    return lines
