"""The CSV template file that Excel or WPS opens and saves (docs/template-format.md).

Reading checks the whole file and lists every problem with its line, so a supervisor fixes the
spreadsheet in one go; a file with any problem imports nothing.
"""

from __future__ import annotations

import csv
import io
import re

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.inspection.model import (
    ELEMENTS,
    MAJOR,
    MAX_WEIGHT,
    MIN_WEIGHT,
    NUMBER,
    PASS_FAIL,
    SEVERITIES,
    SIX_S,
    TEXT,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.inspection.scoring import HALF_WIDTH, parse_number

CTX = "Inspection"
MAX_PROBLEMS = 50
MAX_TEXT = 200
TEMPLATE_MARKS = ("模板", "template")

# (field, Chinese header, English header), in the order a file is written.
COLUMNS = [
    ("section", "分区", "section"),
    ("section_en", "分区英文", "section_en"),
    ("key", "编号", "key"),
    ("item", "检查项目", "item"),
    ("item_en", "英文", "item_en"),
    ("guidance", "合格标准", "guidance"),
    ("guidance_en", "合格标准英文", "guidance_en"),
    ("category", "6S", "6s"),
    ("element", "满意度要素", "element"),
    ("weight", "权重", "weight"),
    ("severity", "严重度", "severity"),
    ("photo", "需拍照", "photo"),
    ("touchpoint", "触点", "touchpoint"),
    ("type", "类型", "type"),
    ("min", "下限", "min"),
    ("max", "上限", "max"),
    ("unit", "单位", "unit"),
]
REQUIRED = ("section", "key", "item")
_CHINESE = {name: zh for name, zh, _ in COLUMNS}
_HEADERS = {h.lower(): name for name, zh, en in COLUMNS for h in (zh, en)}

# File words are part of the format, not UI text: they stay Chinese in every language.
TYPE_WORDS = {PASS_FAIL: "合格", NUMBER: "数值", TEXT: "文字"}
PHOTO_YES, PHOTO_NO = ("是", "yes", "1"), ("否", "no", "0", "")

_KEY = re.compile(r"([A-Za-z0-9_]+)-([0-9]+)")


class TemplateFileError(ValueError):
    """The file was refused; `problems` lists each problem with its line."""

    def __init__(self, problems: list[Message]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def parse_template(data: bytes) -> Template:
    problems: list[Message] = []
    text = _decode(data, problems)
    template = _parse_rows(_rows(text, problems), problems) if text is not None else None
    if problems or template is None:
        problems.sort(key=lambda problem: problem.args["line"])  # stable: a line's order kept
        raise TemplateFileError(_capped(problems))
    return template


def _problem(problems: list[Message], line: int, text: str, **args) -> None:
    problems.append(Message(CTX, text, {"line": line, **args}))


def _capped(problems: list[Message]) -> list[Message]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    kept = problems[: MAX_PROBLEMS - 1]
    rest = problems[MAX_PROBLEMS - 1 :]
    note = Message(
        CTX,
        QT_TRANSLATE_NOOP("Inspection", "第 {line} 行起还有 {count} 个问题，请先改正以上问题。"),
        {"line": rest[0].args["line"], "count": len(rest)},
    )
    return kept + [note]


def _decode(data: bytes, problems: list[Message]) -> str | None:
    # Our own exports are UTF-8 with BOM; Chinese Excel saves GBK, which GB18030 covers.
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        _problem(
            problems,
            line,
            QT_TRANSLATE_NOOP(
                "Inspection",
                "第 {line} 行：无法识别文件的文字编码。请在 Excel 或 WPS 中另存为“CSV UTF-8”后再导入。",
            ),
        )
        return None


def _rows(text: str, problems: list[Message]) -> list[tuple[int, list[str]]]:
    """Non-empty rows as (first line, stripped cells); a quoted cell may span several lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows, line = [], 1
    try:
        for cells in reader:
            cells = [cell.strip() for cell in cells]
            if any(cells):
                rows.append((line, cells))
            line = reader.line_num + 1
    except csv.Error:  # strict: an unclosed quote would otherwise swallow the rest silently
        _problem(
            problems,
            line,
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：引号没有配对，无法读取这一行及以后的内容。"
            ),
        )
    return rows


def _parse_rows(rows: list[tuple[int, list[str]]], problems: list[Message]) -> Template | None:
    if not rows:
        _problem(problems, 1, QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：文件是空的。"))
        return None
    line, first = rows[0]
    name, name_en = "", ""
    if first[0].lower() in _HEADERS:  # row 1 deleted: still check the rest against this header
        _problem(
            problems,
            line,
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：第一行应为“模板,模板名称,英文名称”，这里却是表头。"
            ),
        )
        header, body = rows[0], rows[1:]
    else:
        name, name_en = (first + ["", ""])[1:3]
        if first[0].lower() not in TEMPLATE_MARKS or not name or any(first[3:]):
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "第 {line} 行：第一行应为“模板,模板名称,英文名称”，且模板名称不能为空。",
                ),
            )
        if len(rows) < 2:
            _problem(
                problems, line, QT_TRANSLATE_NOOP("Inspection", "第 {line} 行之后缺少表头行。")
            )
            return None
        header, body = rows[1], rows[2:]
    columns, names = _header(header, problems)
    if columns is None:
        return None
    if not body:
        _problem(
            problems,
            header[0],
            QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：表头之后没有任何检查项目。"),
        )
        return None
    parsed = [
        _item(line, _cells(line, cells, columns, problems), names, problems) for line, cells in body
    ]
    sections = _sections(parsed, problems)
    return Template(name=name, name_en=name_en, sections=sections)


def _header(row: tuple[int, list[str]], problems: list[Message]):
    """Field name of each column ("" for an unnamed one, None for an unknown one)."""
    line, cells = row
    columns: list[str | None] = []
    names: dict[str, str] = {}  # field -> the header as written, for messages
    for cell in cells:
        field = _HEADERS.get(cell.lower(), None) if cell else ""
        if field is None:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {line} 行：表头中的“{column}”列不认识，请检查拼写。"
                ),
                column=cell,
            )
        elif field and field in names:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：表头中的“{column}”列出现了两次。"),
                column=cell,
            )
            field = None
        elif field:
            names[field] = cell
        columns.append(field)
    missing = [_CHINESE[f] for f in REQUIRED if f not in names]
    for column in missing:
        _problem(
            problems,
            line,
            QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：表头缺少“{column}”列。"),
            column=column,
        )
    for field, zh in _CHINESE.items():
        names.setdefault(field, zh)
    return (None, names) if missing else (columns, names)


def _cells(line: int, cells: list[str], columns, problems: list[Message]) -> dict[str, str]:
    pairs = list(zip(columns, cells, strict=False))  # short rows: the missing cells are empty
    values = {f: cell for f, cell in pairs if f}
    if any(cell for f, cell in pairs if f == "") or any(cells[len(columns) :]):
        _problem(
            problems,
            line,
            QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：有内容写在了没有表头的列里。"),
        )
    return values


def _choice(value: str, table: dict[str, str]) -> str | None:
    """The key for a Chinese label or an English key (any case); "" for empty, None if unknown."""
    if not value:
        return ""
    for key, label in table.items():
        if value == label or value.lower() == key:
            return key
    return None


def _item(line: int, values: dict[str, str], names: dict[str, str], problems: list[Message]):
    """(line, section title, section_en, key prefix or None, TemplateItem) for one row."""

    def problem(text: str, **args) -> None:
        _problem(problems, line, text, **args)

    for f in REQUIRED:
        if not values.get(f):
            problem(
                QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：“{column}”不能为空。"),
                column=names[f],
            )
    key, text = values.get("key", ""), values.get("item", "")
    match = _KEY.fullmatch(key)
    if key and not match:
        problem(
            QT_TRANSLATE_NOOP(
                "Inspection",
                "第 {line} 行：编号“{key}”的格式不对，应为“前缀-序号”，例如 OPEN-01；前缀只能用字母、数字和下划线。",
            ),
            key=key,
        )
    if len(text) > MAX_TEXT:
        problem(
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：检查项目最多 {limit} 个字，这里有 {length} 个字。"
            ),
            limit=MAX_TEXT,
            length=len(text),
        )

    chosen = {}
    for f, table, empty in (
        ("category", SIX_S, ""),
        ("element", ELEMENTS, ""),
        ("severity", SEVERITIES, MAJOR),
        ("type", TYPE_WORDS, PASS_FAIL),
    ):
        value = values.get(f, "")
        key_or_none = _choice(value, table)
        chosen[f] = key_or_none or empty
        if key_or_none is None:
            problem(
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {line} 行：{column}“{value}”不认识，可填：{choices}。"
                ),
                column=names[f],
                value=value,
                choices=list(table.values()),
            )

    weight = values.get("weight", "").translate(HALF_WIDTH) or str(MIN_WEIGHT)
    if not (re.fullmatch("[0-9]+", weight) and MIN_WEIGHT <= int(weight) <= MAX_WEIGHT):
        problem(
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：权重应为 1 到 5 的整数，而不是“{value}”。"
            ),
            value=values["weight"],
        )
        weight = str(MIN_WEIGHT)

    photo = values.get("photo", "").lower()
    if photo not in PHOTO_YES + PHOTO_NO:
        problem(
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：{column}应填“是”或“否”，而不是“{value}”。"
            ),
            column=names["photo"],
            value=values["photo"],
        )

    bounds = {}
    for f in ("min", "max"):
        raw = values.get(f, "")
        bounds[f] = parse_number(raw) if raw else None
        if raw and bounds[f] is None:
            problem(
                QT_TRANSLATE_NOOP(
                    "Inspection", "第 {line} 行：{column}应为数字，而不是“{value}”。"
                ),
                column=names[f],
                value=raw,
            )
    given = values.get("min") or values.get("max")
    if chosen["type"] == NUMBER and not given:
        problem(
            QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：类型为“数值”的项目需要填写下限或上限。")
        )
    elif (
        chosen["type"] != NUMBER
        and given
        and _choice(values.get("type", ""), TYPE_WORDS) is not None
    ):
        problem(
            QT_TRANSLATE_NOOP(
                "Inspection", "第 {line} 行：只有类型为“数值”的项目才填写下限和上限。"
            )
        )
    low, high = bounds["min"], bounds["max"]
    if low is not None and high is not None and low > high:
        problem(
            QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：下限 {minimum} 大于上限 {maximum}。"),
            minimum=values["min"],
            maximum=values["max"],
        )

    item = TemplateItem(
        key=key,
        text=text,
        text_en=values.get("item_en", ""),
        guidance=values.get("guidance", ""),
        guidance_en=values.get("guidance_en", ""),
        category=chosen["category"],
        element=chosen["element"],
        weight=int(weight),
        severity=chosen["severity"],
        photo_expected=photo in PHOTO_YES,
        touchpoint=values.get("touchpoint", ""),
        answer_type=chosen["type"],
        minimum=low,
        maximum=high,
        unit=values.get("unit", ""),
    )
    prefix = match.group(1) if match else None
    return line, values.get("section", ""), values.get("section_en", ""), prefix, item


def _sections(parsed, problems: list[Message]) -> list[TemplateSection]:
    """Group rows into sections by key prefix, checking keys, titles and row order."""
    key_lines: dict[str, int] = {}
    title_of: dict[str, tuple[str, int]] = {}  # prefix -> (title, first line)
    prefix_of: dict[str, tuple[str, int]] = {}  # title -> (prefix, first line)
    sections: dict[str, TemplateSection] = {}
    previous = None
    for line, title, title_en, prefix, item in parsed:
        if item.key and item.key in key_lines:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP("Inspection", "第 {line} 行：编号 {key} 已在第 {first} 行使用。"),
                key=item.key,
                first=key_lines[item.key],
            )
        key_lines.setdefault(item.key, line)
        if prefix is None or not title:
            continue  # already reported; the rows around it still count as contiguous
        if title in prefix_of and prefix_of[title][0] != prefix:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "第 {line} 行：分区“{title}”的编号前缀应为 {expected}（同第 {first} 行），而不是 {prefix}。",
                ),
                title=title,
                expected=prefix_of[title][0],
                first=prefix_of[title][1],
                prefix=prefix,
            )
        elif prefix in title_of and title_of[prefix][0] != title:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "第 {line} 行：编号前缀 {prefix} 已用于第 {first} 行的分区“{other}”，一个前缀只能对应一个分区。",
                ),
                prefix=prefix,
                first=title_of[prefix][1],
                other=title_of[prefix][0],
            )
        elif prefix in sections and previous != prefix:
            _problem(
                problems,
                line,
                QT_TRANSLATE_NOOP(
                    "Inspection",
                    "第 {line} 行：分区“{title}”的项目应连续排列，它从第 {first} 行开始，中间却隔着别的分区。",
                ),
                title=title,
                first=title_of[prefix][1],
            )
        title_of.setdefault(prefix, (title, line))
        prefix_of.setdefault(title, (prefix, line))
        section = sections.setdefault(prefix, TemplateSection(key=prefix, title=title))
        section.title_en = section.title_en or title_en
        section.items.append(item)
        previous = prefix
    return list(sections.values())


def _number_text(value: float | None) -> str:
    if value is None:
        return ""
    value = float(value)
    return str(int(value)) if value.is_integer() else repr(value)  # 18 not 18.0


def write_template(template: Template) -> bytes:
    """UTF-8 with a BOM so Excel shows the Chinese; Chinese header and words."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([TEMPLATE_MARKS[0], template.name, template.name_en])
    writer.writerow([zh for _, zh, _ in COLUMNS])
    for section in template.sections:
        for item in section.items:
            writer.writerow(
                [
                    section.title,
                    section.title_en,
                    item.key,
                    item.text,
                    item.text_en,
                    item.guidance,
                    item.guidance_en,
                    SIX_S.get(item.category, item.category),
                    ELEMENTS.get(item.element, item.element),
                    str(item.weight),
                    SEVERITIES.get(item.severity, item.severity),
                    "是" if item.photo_expected else "否",
                    item.touchpoint,
                    TYPE_WORDS.get(item.answer_type, item.answer_type),
                    _number_text(item.minimum),
                    _number_text(item.maximum),
                    item.unit,
                ]
            )
    return out.getvalue().encode("utf-8-sig")
