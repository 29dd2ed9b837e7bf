"""Scoring: effective results, the weighted score, its explanation, and completeness."""

from __future__ import annotations

import pytest

from hallsupervisor.domain.inspection.model import (
    FAIL,
    NA,
    NUMBER,
    PASS,
    TEXT,
    Answer,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.inspection.scoring import (
    FORMULA,
    RoundScore,
    evaluate,
    explain,
    format_score,
    is_answered,
    is_complete,
    parse_number,
    score_round,
)
from tests.domain.inspection.markers import assert_marked


def number_item(minimum=None, maximum=None) -> TemplateItem:
    return TemplateItem("ENV-01", "室内温度", answer_type=NUMBER, minimum=minimum, maximum=maximum)


PASS_FAIL_ITEM = TemplateItem("OPEN-01", "大门干净")
TEXT_ITEM = TemplateItem("NOTE-01", "其他情况", answer_type=TEXT)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("12", 12.0),
        ("12.5", 12.5),
        (" 7 ", 7.0),
        ("１２．５", 12.5),
        ("12,5", 12.5),
        ("１２，５", 12.5),
        ("-3", -3.0),
        ("－3", -3.0),
        ("\u22123", -3.0),
        ("+4", 4.0),
        (".5", 0.5),
        ("5.", 5.0),
        ("1e-07", 1e-07),
        ("\u300018\u3000", 18.0),
    ],
)
def test_parse_number_accepts(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "  ",
        "abc",
        "1,234.5",
        "1,2,3",
        "nan",
        "inf",
        "1e999",
        "12℃",
        "1_000",
        "²",
        "٣",
        "1 2",
        "-",
    ],
)
def test_parse_number_refuses(text):
    assert parse_number(text) is None


def test_parse_number_of_none():
    assert parse_number(None) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("result", [PASS, FAIL, NA])
def test_pass_fail_items_count_as_answered(result):
    assert evaluate(PASS_FAIL_ITEM, Answer("OPEN-01", result)) == result


@pytest.mark.parametrize("answer", [None, Answer("OPEN-01"), Answer("OPEN-01", "maybe")])
def test_pass_fail_items_without_a_result(answer):
    assert evaluate(PASS_FAIL_ITEM, answer) is None
    assert not is_answered(PASS_FAIL_ITEM, answer)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("18", PASS),  # ends included
        ("26", PASS),
        ("22.5", PASS),
        ("17.9", FAIL),
        ("26.01", FAIL),
        ("２５，５", PASS),
        ("-1", FAIL),
    ],
)
def test_number_items_by_range(value, expected):
    assert evaluate(number_item(18, 26), Answer("ENV-01", value=value)) == expected


def test_number_items_with_open_ends():
    only_minimum, only_maximum = number_item(minimum=18), number_item(maximum=26)
    assert evaluate(only_minimum, Answer("ENV-01", value="1000")) == PASS
    assert evaluate(only_minimum, Answer("ENV-01", value="17")) == FAIL
    assert evaluate(only_maximum, Answer("ENV-01", value="-1000")) == PASS
    assert evaluate(only_maximum, Answer("ENV-01", value="27")) == FAIL
    assert evaluate(number_item(), Answer("ENV-01", value="5")) == PASS


def test_number_value_decides_over_a_stored_result():
    item = number_item(18, 26)
    assert evaluate(item, Answer("ENV-01", PASS, value="30")) == FAIL
    assert evaluate(item, Answer("ENV-01", FAIL, value="20")) == PASS


def test_number_items_not_applicable_or_without_value():
    item = number_item(18, 26)
    assert evaluate(item, Answer("ENV-01", NA, value="30")) == NA
    assert evaluate(item, Answer("ENV-01")) is None
    assert evaluate(item, Answer("ENV-01", PASS, value="")) is None
    assert evaluate(item, Answer("ENV-01", value="二十")) is None
    assert not is_answered(item, Answer("ENV-01", value="二十"))
    assert is_answered(item, Answer("ENV-01", NA))


@pytest.mark.parametrize(
    "answer", [Answer("NOTE-01", value="地面有水"), Answer("NOTE-01", NA), Answer("NOTE-01", PASS)]
)
def test_text_items_are_never_scored(answer):
    assert evaluate(TEXT_ITEM, answer) is None


@pytest.mark.parametrize(
    "answer,answered",
    [
        (None, False),
        (Answer("NOTE-01"), False),
        (Answer("NOTE-01", value="  \n"), False),
        (Answer("NOTE-01", PASS), False),
        (Answer("NOTE-01", value="地面有水"), True),
        (Answer("NOTE-01", NA), True),
    ],
)
def test_text_items_answered_by_text_or_na(answer, answered):
    assert is_answered(TEXT_ITEM, answer) is answered


def weighted_template() -> Template:
    """Section A: weights 5, 3, 4, 1. Section B: 5, 2, a number item (5) and a text item (5)."""
    items_a = [
        TemplateItem("A-01", "一", weight=5),
        TemplateItem("A-02", "二", weight=3),
        TemplateItem("A-03", "三", weight=4),
        TemplateItem("A-04", "四", weight=1),
    ]
    items_b = [
        TemplateItem("B-01", "五", weight=5),
        TemplateItem("B-02", "六", weight=2),
        TemplateItem("B-03", "温度", weight=5, answer_type=NUMBER, minimum=18, maximum=26),
        TemplateItem("B-04", "备注", weight=5, answer_type=TEXT),
    ]
    return Template(
        name="t",
        sections=[
            TemplateSection("A", "甲", items=items_a),
            TemplateSection("B", "乙", items=items_b),
        ],
    )


def answers(**results) -> dict[str, Answer]:
    out = {}
    for key, result in results.items():
        key = key.replace("_", "-")
        if result.startswith("="):
            out[key] = Answer(key, value=result[1:])
        else:
            out[key] = Answer(key, result)
    return out


def test_weighted_score_leaves_out_na_unanswered_and_text():
    score = score_round(
        weighted_template(),
        answers(A_01=PASS, A_02=FAIL, A_03=NA, B_01=PASS, B_03="=20", B_04="=地面有水"),
    )
    # Passed 5 + 5 + 5 = 15; scored 15 + 3 = 18; A-04 and B-02 unanswered, A-03 NA.
    assert score.passed_weight == 15
    assert score.scored_weight == 18
    assert score.score == pytest.approx(100 * 15 / 18)
    assert (score.passed, score.failed, score.not_applicable, score.unanswered) == (3, 1, 1, 2)
    assert score.sections == {"A": pytest.approx(100 * 5 / 8), "B": 100.0}


def test_weights_matter():
    template = weighted_template()
    heavy_fail = score_round(template, answers(A_01=FAIL, A_04=PASS))
    light_fail = score_round(template, answers(A_01=PASS, A_04=FAIL))
    assert heavy_fail.score == pytest.approx(100 / 6)
    assert light_fail.score == pytest.approx(500 / 6)


def test_full_precision_is_kept():
    template = Template(
        name="t",
        sections=[
            TemplateSection("A", "甲", items=[TemplateItem(f"A-0{n}", str(n)) for n in range(1, 4)])
        ],
    )
    score = score_round(template, answers(A_01=PASS, A_02=PASS, A_03=FAIL))
    assert score.score == 100 * 2 / 3
    assert score.score != 66.7
    assert format_score(score.score) == "66.7"


def test_nothing_scored_gives_no_score():
    template = weighted_template()
    score = score_round(template, answers(A_01=NA, B_04="=文字"))
    assert score.score is None
    assert score.sections == {"A": None, "B": None}
    assert (score.scored_weight, score.passed_weight) == (0, 0)
    assert score.not_applicable == 1
    assert score.unanswered == 6
    assert score_round(Template(name="空"), {}) == RoundScore(score=None)


def test_text_item_na_counts_as_not_applicable():
    score = score_round(weighted_template(), answers(B_04=NA))
    assert (score.not_applicable, score.unanswered) == (1, 7)


def test_answers_for_items_not_in_the_template_are_ignored():
    score = score_round(weighted_template(), answers(A_01=PASS, Z_99=FAIL))
    assert (score.passed, score.failed, score.score) == (1, 0, 100.0)


def test_all_passed_is_100():
    everything = answers(A_01=PASS, A_02=PASS, A_03=PASS, A_04=PASS, B_01=PASS, B_02=PASS)
    everything.update(answers(B_03="=18", B_04="=好"))
    score = score_round(weighted_template(), everything)
    assert score.score == 100.0
    assert (score.passed, score.failed, score.not_applicable, score.unanswered) == (7, 0, 0, 0)


@pytest.mark.parametrize(
    "score,text",
    [
        (None, "—"),
        (100.0, "100.0"),
        (0.0, "0.0"),
        (92.6829268292683, "92.7"),
        (6.25, "6.3"),  # half up, not half to even
        (92.65, "92.7"),
        (92.64999, "92.6"),
        (1e-07, "0.0"),
    ],
)
def test_format_score(score, text):
    assert format_score(score) == text


def test_explain_gives_the_concrete_numbers():
    # Pass weights 5+5+5+5+5+5+5+3 = 38 of 41 (one weight-3 item failed).
    items = [TemplateItem(f"A-0{n}", str(n), weight=5) for n in range(1, 8)]
    items += [TemplateItem("A-08", "8", weight=3), TemplateItem("A-09", "9", weight=3)]
    template = Template(name="t", sections=[TemplateSection("A", "甲", items=items)])
    given = {item.key: Answer(item.key, PASS) for item in items}
    given["A-09"] = Answer("A-09", FAIL)
    score = score_round(template, given)
    lines = explain(score)
    assert_marked(lines)
    assert [str(line) for line in lines] == [
        "合格项权重合计 38，参与评分的权重合计 41，得分 = 38 ÷ 41 × 100 = 92.7。",
        "合格 8 项，不合格 1 项；不适用 0 项和未作答 0 项不计入得分。",
    ]


def test_explain_without_a_score():
    lines = explain(score_round(weighted_template(), {}))
    assert_marked(lines)
    assert str(lines[0]).startswith("还没有参与评分的项目")
    assert str(lines[1]) == "合格 0 项，不合格 0 项；不适用 0 项和未作答 8 项不计入得分。"


def test_formula_is_a_plain_chinese_message():
    assert_marked([FORMULA])
    text = str(FORMULA)
    for word in ("权重", "÷", "× 100", "不适用", "未作答", "文字"):
        assert word in text


def test_is_complete():
    template = weighted_template()
    everything = answers(A_01=PASS, A_02=FAIL, A_03=NA, A_04=PASS, B_01=PASS, B_02=NA)
    everything.update(answers(B_03="=30", B_04="=地面有水"))
    assert is_complete(template, everything)
    assert not is_complete(template, {**everything, "B-04": Answer("B-04", value=" ")})
    assert is_complete(template, {**everything, "B-04": Answer("B-04", NA)})
    assert not is_complete(template, {**everything, "B-03": Answer("B-03", value="很热")})
    missing = dict(everything)
    del missing["A-02"]
    assert not is_complete(template, missing)
    assert is_complete(Template(name="空"), {})
