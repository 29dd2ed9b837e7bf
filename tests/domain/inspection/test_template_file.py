"""The CSV template file: reading, refusing with every problem and its line, writing."""

from __future__ import annotations

import copy
import csv
import io

import pytest

from hallsupervisor.domain.inspection.model import (
    CRITICAL,
    MAJOR,
    MINOR,
    NUMBER,
    PASS_FAIL,
    TEXT,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.inspection.template_file import (
    COLUMNS,
    MAX_PROBLEMS,
    TemplateFileError,
    parse_template,
    write_template,
)
from tests.domain.inspection.markers import assert_marked

HEADER = "分区,分区英文,编号,检查项目,英文,合格标准,合格标准英文,6S,满意度要素,权重,严重度,需拍照,触点,类型,下限,上限,单位"
FIRST = "模板,测试模板,Test template"
FIELDS = [name for name, _, _ in COLUMNS]

# The example in docs/template-format.md, as written there.
DOC_EXAMPLE = """模板,供电营业厅巡检表,Electricity supply hall inspection
分区,分区英文,编号,检查项目,英文,合格标准,合格标准英文,6S,满意度要素,权重,严重度,需拍照,触点,类型,下限,上限,单位
开门检查,Opening check,OPEN-01,大门、玻璃门干净无污渍,"Entrance doors and glass clean",门把手无灰，玻璃无手印,"Handles dust-free, no fingerprints",清扫,有形度,2,一般,否,,合格,,,
环境,Environment,ENV-03,室内温度适宜,Indoor temperature comfortable,,,清洁,有形度,2,一般,否,,数值,18,26,℃
"""


def row(**values) -> str:
    """One item row in the Chinese header's column order; a valid pass/fail item by default."""
    cells = {"section": "开门检查", "key": "OPEN-01", "item": "大门干净"}
    cells.update(values)
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerow([cells.get(f, "") for f in FIELDS])
    return out.getvalue().removesuffix("\r\n")


def csv_file(*rows: str, first: str = FIRST, header: str = HEADER) -> bytes:
    """Row 1 is line 1, the header line 2, the given rows lines 3, 4, …"""
    return "\r\n".join([first, header, *rows]).encode("utf-8")


def problems_of(data: bytes) -> list[str]:
    with pytest.raises(TemplateFileError) as caught:
        parse_template(data)
    assert_marked(caught.value.problems)
    return [str(p) for p in caught.value.problems]


def without_ids(template: Template) -> Template:
    """What a file carries: no ids, family, version or pack."""
    template = copy.deepcopy(template)
    template.id = template.family_id = None
    template.version, template.pack = 1, ""
    for section in template.sections:
        section.id = None
        for item in section.items:
            item.id = None
    return template


def rich_template() -> Template:
    return Template(
        name="供电营业厅巡检表 <A&B>",
        name_en='Hall "inspection"',
        pack="electricity_hall",
        family_id="fam-1",
        version=4,
        id="t-9",
        sections=[
            TemplateSection(
                key="OPEN",
                title="开门检查",
                title_en="Opening check",
                id="s-1",
                items=[
                    TemplateItem(
                        key="OPEN-01",
                        text='大门、玻璃门干净无污渍 <b>&amp; "引号" 🙂',
                        text_en="Doors, glass & handles clean",
                        guidance="门把手无灰，\n玻璃无手印",
                        guidance_en="Handles dust-free, no fingerprints",
                        category="shine",
                        element="tangibles",
                        weight=2,
                        severity=MAJOR,
                        photo_expected=True,
                        touchpoint="tp-entrance",
                        id="i-1",
                    ),
                    TemplateItem(
                        key="OPEN-02",
                        text="叫号机工作正常",
                        category="safety",
                        element="reliability",
                        weight=5,
                        severity=CRITICAL,
                    ),
                ],
            ),
            TemplateSection(
                key="ENV",
                title="环境",
                items=[
                    TemplateItem(
                        key="ENV-03",
                        text="室内温度适宜",
                        answer_type=NUMBER,
                        minimum=18.0,
                        maximum=26.5,
                        unit="℃",
                        severity=MINOR,
                    ),
                    TemplateItem(
                        key="ENV-04", text="冷库温度", answer_type=NUMBER, maximum=-0.25, unit="℃"
                    ),
                    TemplateItem(key="ENV-05", text="湿度", answer_type=NUMBER, minimum=0.1),
                    TemplateItem(key="ENV-06", text="其他情况", answer_type=TEXT),
                ],
            ),
        ],
    )


# --- reading ---------------------------------------------------------------------------


def test_reads_the_example_from_the_format_document():
    template = parse_template(DOC_EXAMPLE.encode("utf-8-sig"))
    assert (template.name, template.name_en) == (
        "供电营业厅巡检表",
        "Electricity supply hall inspection",
    )
    assert [(s.key, s.title, s.title_en) for s in template.sections] == [
        ("OPEN", "开门检查", "Opening check"),
        ("ENV", "环境", "Environment"),
    ]
    door, temperature = template.items()
    assert door == TemplateItem(
        key="OPEN-01",
        text="大门、玻璃门干净无污渍",
        text_en="Entrance doors and glass clean",
        guidance="门把手无灰，玻璃无手印",
        guidance_en="Handles dust-free, no fingerprints",
        category="shine",
        element="tangibles",
        weight=2,
        severity=MAJOR,
        photo_expected=False,
        answer_type=PASS_FAIL,
    )
    assert temperature.answer_type == NUMBER
    assert (temperature.minimum, temperature.maximum, temperature.unit) == (18.0, 26.0, "℃")
    assert temperature.category == "standardize"


def test_defaults_for_empty_optional_cells():
    (item,) = parse_template(csv_file(row())).items()
    assert item.weight == 1
    assert item.severity == MAJOR
    assert item.answer_type == PASS_FAIL
    assert item.photo_expected is False
    assert (item.category, item.element, item.minimum, item.maximum) == ("", "", None, None)


def test_english_header_in_any_order_and_english_values():
    header = "KEY,item,Section,6s,element,weight,severity,photo,type,min,max,unit,section_en"
    data = csv_file(
        "ENV-01,温度,环境,Shine,TANGIBLES,3,critical,Yes,number,18,26,℃,Environment",
        "ENV-02,备注,环境,set_in_order,empathy,,minor,0,text,,,,Environment",
        header=header,
    )
    template = parse_template(data)
    first, second = template.items()
    assert (first.key, first.text, first.category, first.element) == (
        "ENV-01",
        "温度",
        "shine",
        "tangibles",
    )
    assert (first.weight, first.severity, first.photo_expected) == (3, CRITICAL, True)
    assert (first.answer_type, first.minimum, first.maximum, first.unit) == (NUMBER, 18, 26, "℃")
    assert (second.category, second.severity, second.answer_type) == (
        "set_in_order",
        MINOR,
        TEXT,
    )
    assert template.sections[0].title_en == "Environment"


def test_values_are_stripped_and_special_text_kept_exactly():
    text = '请检查 <div> & "引号" 🙂 的情况'
    data = csv_file(row(key="  OPEN-01 ", item=f"  {text}\t", weight=" 2 ", section=" 开门检查 "))
    template = parse_template(data)
    (item,) = template.items()
    assert (item.key, item.text, item.weight) == ("OPEN-01", text, 2)
    assert template.sections[0].title == "开门检查"


def test_empty_rows_are_skipped_and_lines_still_counted():
    data = csv_file("", ",,,,,", row(key="OPEN-01"), "", row(key="OPEN-02", weight="高"))
    # Lines: 3 empty, 4 only commas, 5 OPEN-01, 6 empty, 7 OPEN-02.
    assert problems_of(data) == ["第 7 行：权重应为 1 到 5 的整数，而不是“高”。"]
    assert len(parse_template(csv_file("", row(), ",,")).items()) == 1


def test_a_cell_over_several_lines_counts_its_lines():
    data = csv_file(
        row(key="OPEN-01", guidance="第一行\n第二行\n第三行"), row(key="OPEN-02", weight="9")
    )
    assert problems_of(data) == ["第 6 行：权重应为 1 到 5 的整数，而不是“9”。"]


def test_reads_gb18030_from_chinese_excel():
    template = parse_template(DOC_EXAMPLE.encode("gb18030"))
    assert template.name == "供电营业厅巡检表"
    assert template.items()[1].unit == "℃"


def test_reads_utf8_without_bom_and_lf_line_ends():
    assert parse_template(DOC_EXAMPLE.encode("utf-8")).name == "供电营业厅巡检表"


def test_undecodable_file_names_the_line():
    data = b"\xe6\xa8\xa1\xe6\x9d\xbf,x\r\nline 2\r\nbad \x80\xff here\r\n"
    problems = problems_of(data)
    assert len(problems) == 1
    assert problems[0].startswith("第 3 行：无法识别文件的文字编码")


def test_empty_file():
    assert problems_of(b"") == ["第 1 行：文件是空的。"]
    assert problems_of(b"\xef\xbb\xbf\r\n\r\n") == ["第 1 行：文件是空的。"]


def test_missing_first_row_is_reported_and_the_rest_still_checked():
    data = "\r\n".join([HEADER, row(weight="高")]).encode("utf-8")
    assert problems_of(data) == [
        "第 1 行：第一行应为“模板,模板名称,英文名称”，这里却是表头。",
        "第 2 行：权重应为 1 到 5 的整数，而不是“高”。",
    ]


@pytest.mark.parametrize(
    "first",
    ["名称,测试模板", "模板", "模板,", "模板,,English", "模板,名称,English,多余"],
)
def test_malformed_first_row(first):
    problems = problems_of(csv_file(row(), first=first))
    assert problems == ["第 1 行：第一行应为“模板,模板名称,英文名称”，且模板名称不能为空。"]


def test_first_row_may_say_template_in_english():
    assert parse_template(csv_file(row(), first="Template,测试")).name == "测试"


def test_first_row_without_header():
    assert problems_of(FIRST.encode()) == ["第 1 行之后缺少表头行。"]


def test_unknown_duplicate_and_missing_header_columns():
    header = HEADER.replace("检查项目", "检察项目") + ",权重"
    problems = problems_of(csv_file(row(), header=header))
    assert problems == [
        "第 2 行：表头中的“检察项目”列不认识，请检查拼写。",
        "第 2 行：表头中的“权重”列出现了两次。",
        "第 2 行：表头缺少“检查项目”列。",
    ]


def test_unknown_column_alone_still_checks_the_rows():
    problems = problems_of(csv_file(row(weight="0") + ",x", header=HEADER + ",备用"))
    assert problems == [
        "第 2 行：表头中的“备用”列不认识，请检查拼写。",
        "第 3 行：权重应为 1 到 5 的整数，而不是“0”。",
    ]


def test_cells_beyond_the_header_are_reported():
    problems = problems_of(csv_file(row() + ",多出来的"))
    assert problems == ["第 3 行：有内容写在了没有表头的列里。"]


def test_empty_required_cells_name_the_column_as_written():
    problems = problems_of(csv_file(row(section="", item=""), row(key="OPEN-02")))
    assert problems == [
        "第 3 行：“分区”不能为空。",
        "第 3 行：“检查项目”不能为空。",
    ]
    header = "section,key,item"
    assert problems_of(csv_file("开门检查,,门", header=header)) == ["第 3 行：“key”不能为空。"]


@pytest.mark.parametrize(
    "key", ["OPEN01", "OPEN-", "-01", "开门-01", "OPEN-0A", "OPEN 01", "A-B-01"]
)
def test_bad_key_format(key):
    problems = problems_of(csv_file(row(key=key)))
    assert problems == [
        f"第 3 行：编号“{key}”的格式不对，应为“前缀-序号”，例如 OPEN-01；前缀只能用字母、数字和下划线。"
    ]


@pytest.mark.parametrize("key,prefix", [("OPEN-1", "OPEN"), ("A_b2-003", "A_b2"), ("9-99", "9")])
def test_good_keys_give_the_section_key(key, prefix):
    assert parse_template(csv_file(row(key=key))).sections[0].key == prefix


def test_duplicate_key_names_the_earlier_line():
    data = csv_file(row(key="OPEN-01"), row(key="OPEN-02"), row(key="OPEN-01"))
    assert problems_of(data) == ["第 5 行：编号 OPEN-01 已在第 3 行使用。"]


def test_one_section_title_with_two_prefixes():
    data = csv_file(row(key="OPEN-01"), row(key="ENV-02"))
    assert problems_of(data) == [
        "第 4 行：分区“开门检查”的编号前缀应为 OPEN（同第 3 行），而不是 ENV。"
    ]


def test_one_prefix_with_two_section_titles():
    data = csv_file(row(key="OPEN-01"), row(key="OPEN-02", section="环境"))
    assert problems_of(data) == [
        "第 4 行：编号前缀 OPEN 已用于第 3 行的分区“开门检查”，一个前缀只能对应一个分区。"
    ]


def test_section_rows_must_be_contiguous():
    data = csv_file(row(key="OPEN-01"), row(key="ENV-01", section="环境"), row(key="OPEN-02"))
    assert problems_of(data) == [
        "第 5 行：分区“开门检查”的项目应连续排列，它从第 3 行开始，中间却隔着别的分区。"
    ]


def test_a_bad_key_inside_a_section_does_not_break_it_in_two():
    data = csv_file(row(key="OPEN-01"), row(key="OPEN_02"), row(key="OPEN-03"))
    assert len(problems_of(data)) == 1


def test_sections_keep_file_order_and_take_the_first_english_title():
    data = csv_file(
        row(key="B-01", section="乙"),
        row(key="B-02", section="乙", section_en="Bee"),
        row(key="A-01", section="甲", section_en="Ay"),
    )
    template = parse_template(data)
    assert [(s.key, s.title, s.title_en, len(s.items)) for s in template.sections] == [
        ("B", "乙", "Bee", 2),
        ("A", "甲", "Ay", 1),
    ]


@pytest.mark.parametrize(
    "column,value,choices",
    [
        ("category", "清理", "整理、整顿、清扫、清洁、素养、安全"),
        ("element", "满意", "有形度、同理度、反应度、专业度、信赖度"),
        ("severity", "很严重", "轻微、一般、严重"),
        ("type", "日期", "合格、数值、文字"),
    ],
)
def test_unknown_choice_values(column, value, choices):
    zh = {"category": "6S", "element": "满意度要素", "severity": "严重度", "type": "类型"}[column]
    assert problems_of(csv_file(row(**{column: value}))) == [
        f"第 3 行：{zh}“{value}”不认识，可填：{choices}。"
    ]


@pytest.mark.parametrize("weight", ["0", "6", "高", "2.5", "-1", "+2", "1_0", "²"])
def test_bad_weights(weight):
    assert problems_of(csv_file(row(weight=weight))) == [
        f"第 3 行：权重应为 1 到 5 的整数，而不是“{weight}”。"
    ]


@pytest.mark.parametrize("weight,expected", [("", 1), ("1", 1), ("5", 5), ("５", 5), ("03", 3)])
def test_good_weights(weight, expected):
    assert parse_template(csv_file(row(weight=weight))).items()[0].weight == expected


@pytest.mark.parametrize(
    "photo,expected",
    [
        ("是", True),
        ("否", False),
        ("yes", True),
        ("NO", False),
        ("1", True),
        ("0", False),
        ("", False),
    ],
)
def test_photo_values(photo, expected):
    assert parse_template(csv_file(row(photo=photo))).items()[0].photo_expected is expected


@pytest.mark.parametrize("photo", ["要", "true", "2", "y"])
def test_bad_photo_values(photo):
    assert problems_of(csv_file(row(photo=photo))) == [
        f"第 3 行：需拍照应填“是”或“否”，而不是“{photo}”。"
    ]


def test_number_item_needs_a_range_end():
    assert problems_of(csv_file(row(type="数值"))) == [
        "第 3 行：类型为“数值”的项目需要填写下限或上限。"
    ]


@pytest.mark.parametrize("low,high", [("18", ""), ("", "26"), ("0,5", "１２")])
def test_number_item_with_one_or_both_ends(low, high):
    item = parse_template(csv_file(row(type="数值", min=low, max=high))).items()[0]
    expected = {"18": 18.0, "0,5": 0.5, "": None, "26": 26.0, "１２": 12.0}
    assert (item.minimum, item.maximum) == (expected[low], expected[high])


def test_minimum_above_maximum():
    assert problems_of(csv_file(row(type="数值", min="26", max="18"))) == [
        "第 3 行：下限 26 大于上限 18。"
    ]


def test_equal_ends_are_allowed():
    item = parse_template(csv_file(row(type="数值", min="5", max="5"))).items()[0]
    assert item.minimum == item.maximum == 5


@pytest.mark.parametrize("kind", ["", "合格", "文字"])
def test_range_only_on_number_items(kind):
    assert problems_of(csv_file(row(type=kind, max="3"))) == [
        "第 3 行：只有类型为“数值”的项目才填写下限和上限。"
    ]


def test_non_numeric_range_ends():
    assert problems_of(csv_file(row(type="数值", min="低", max="1,234.5"))) == [
        "第 3 行：下限应为数字，而不是“低”。",
        "第 3 行：上限应为数字，而不是“1,234.5”。",
    ]


def test_item_text_at_most_200_characters():
    assert len(parse_template(csv_file(row(item="字" * 200))).items()[0].text) == 200
    assert problems_of(csv_file(row(item="字" * 201))) == [
        "第 3 行：检查项目最多 200 个字，这里有 201 个字。"
    ]


def test_file_without_items():
    assert problems_of(csv_file()) == ["第 2 行：表头之后没有任何检查项目。"]
    assert problems_of(csv_file("", ",,,")) == ["第 2 行：表头之后没有任何检查项目。"]


def test_unclosed_quote_is_reported_not_swallowed():
    data = csv_file(row(key="OPEN-01"), 'x,"没有结束的引号,OPEN-02', row(key="OPEN-03"))
    problems = problems_of(data)
    assert problems == ["第 4 行：引号没有配对，无法读取这一行及以后的内容。"]


def test_all_problems_are_collected_in_line_order():
    data = csv_file(
        row(key="OPEN-01", weight="高"),
        row(key="OPEN-01", photo="要"),
        row(key="OPEN-03", type="数值"),
        row(key="bad", severity="?"),
    )
    assert problems_of(data) == [
        "第 3 行：权重应为 1 到 5 的整数，而不是“高”。",
        "第 4 行：需拍照应填“是”或“否”，而不是“要”。",
        "第 4 行：编号 OPEN-01 已在第 3 行使用。",
        "第 5 行：类型为“数值”的项目需要填写下限或上限。",
        "第 6 行：编号“bad”的格式不对，应为“前缀-序号”，例如 OPEN-01；前缀只能用字母、数字和下划线。",
        "第 6 行：严重度“?”不认识，可填：轻微、一般、严重。",
    ]


def test_problems_are_capped():
    rows = [row(key=f"OPEN-{n:02d}", weight="9") for n in range(1, 61)]
    with pytest.raises(TemplateFileError) as caught:
        parse_template(csv_file(*rows))
    problems = [str(p) for p in caught.value.problems]
    assert len(problems) == MAX_PROBLEMS == 50
    assert problems[0] == "第 3 行：权重应为 1 到 5 的整数，而不是“9”。"
    assert problems[48] == "第 51 行：权重应为 1 到 5 的整数，而不是“9”。"
    assert problems[49] == "第 52 行起还有 11 个问题，请先改正以上问题。"
    assert_marked(caught.value.problems)


def test_exactly_fifty_problems_are_all_shown():
    rows = [row(key=f"OPEN-{n:02d}", weight="9") for n in range(1, 51)]
    problems = problems_of(csv_file(*rows))
    assert len(problems) == 50
    assert problems[-1] == "第 52 行：权重应为 1 到 5 的整数，而不是“9”。"


def test_error_text_lists_every_problem():
    with pytest.raises(TemplateFileError) as caught:
        parse_template(csv_file(row(weight="9"), row(key="OPEN-01")))
    assert str(caught.value).splitlines() == [str(p) for p in caught.value.problems]
    assert all(p.args["line"] in (3, 4) for p in caught.value.problems)


# --- writing ---------------------------------------------------------------------------


def test_round_trip_keeps_everything_a_file_carries():
    template = rich_template()
    assert parse_template(write_template(template)) == without_ids(template)


def test_round_trip_of_the_document_example_is_stable():
    template = parse_template(DOC_EXAMPLE.encode("utf-8"))
    written = write_template(template)
    assert parse_template(written) == template
    assert write_template(parse_template(written)) == written


def test_written_file_is_utf8_with_bom_chinese_header_and_words():
    data = write_template(rich_template())
    assert data.startswith(b"\xef\xbb\xbf")
    lines = data.decode("utf-8-sig").split("\r\n")
    assert lines[0] == '模板,供电营业厅巡检表 <A&B>,"Hall ""inspection"""'
    assert lines[1] == HEADER
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))[2:]
    by_key = {r[2]: dict(zip(FIELDS, r, strict=True)) for r in rows}
    door = by_key["OPEN-01"]
    assert (door["category"], door["element"], door["severity"], door["photo"]) == (
        "清扫",
        "有形度",
        "一般",
        "是",
    )
    assert (door["type"], door["weight"], door["guidance"]) == (
        "合格",
        "2",
        "门把手无灰，\n玻璃无手印",
    )
    assert (by_key["OPEN-02"]["severity"], by_key["OPEN-02"]["photo"]) == ("严重", "否")
    assert by_key["OPEN-02"]["category"] == "安全"
    temperature = by_key["ENV-03"]
    assert (temperature["type"], temperature["min"], temperature["max"]) == ("数值", "18", "26.5")
    assert temperature["severity"] == "轻微"
    assert (by_key["ENV-04"]["min"], by_key["ENV-04"]["max"]) == ("", "-0.25")
    assert by_key["ENV-06"]["type"] == "文字"


def test_whole_numbers_are_written_without_a_decimal_point():
    template = Template(
        name="t",
        sections=[
            TemplateSection(
                key="N",
                title="数",
                items=[
                    TemplateItem(
                        key="N-01", text="a", answer_type=NUMBER, minimum=-3.0, maximum=1e20
                    ),
                    TemplateItem(key="N-02", text="b", answer_type=NUMBER, minimum=1e-07),
                    TemplateItem(key="N-03", text="c", answer_type=NUMBER, maximum=7),
                ],
            )
        ],
    )
    text = write_template(template).decode("utf-8-sig")
    assert ",-3,100000000000000000000," in text
    assert ",1e-07,," in text
    assert ",,7," in text
    assert ".0," not in text
    assert parse_template(write_template(template)) == template


def test_empty_template_writes_but_does_not_read_back():
    data = write_template(Template(name="空"))
    assert data.decode("utf-8-sig").split("\r\n")[:2] == ["模板,空,", HEADER]
    assert problems_of(data) == ["第 2 行：表头之后没有任何检查项目。"]
