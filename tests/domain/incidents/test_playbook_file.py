"""The playbook file: written and read back, and refused with every problem and its place."""

import json

import pytest

from hallsupervisor.domain.incidents.playbook import Playbook
from hallsupervisor.domain.incidents.playbook_file import (
    PlaybookFileError,
    builtin_playbooks,
    parse_playbooks,
    write_playbooks,
)
from tests.storage.incident_helpers import FAINTING


def refused(data: bytes) -> list[str]:
    with pytest.raises(PlaybookFileError) as caught:
        parse_playbooks(data)
    return [str(p) for p in caught.value.problems]


def test_write_and_read_back_the_whole_library():
    playbooks = list(builtin_playbooks())
    assert parse_playbooks(write_playbooks(playbooks)) == playbooks


def test_a_single_playbook_object_and_a_bom_are_accepted():
    data = "\ufeff".encode() + json.dumps(FAINTING, ensure_ascii=False).encode()
    assert parse_playbooks(data) == [Playbook.from_dict(FAINTING)]


def test_syntax_errors_give_line_and_column():
    data = b'{"format": 1,\n "playbooks": [\n  {"code": "x",,}\n]}'
    (problem,) = refused(data)
    assert problem.startswith("第 3 行第 16 列：JSON 格式错误")


def test_content_errors_name_the_playbook_its_line_and_step():
    good = dict(FAINTING, code="own_a")
    bad = json.loads(json.dumps(FAINTING))
    bad["code"] = "own_b"
    bad["steps"][2]["text"]["zh"] = ""
    data = write_playbooks([Playbook.from_dict(good)]).decode()
    document = json.loads(data)
    document["playbooks"].append(bad)
    text = json.dumps(document, ensure_ascii=False, indent=2)
    line = text.splitlines().index('      "code": "own_b",') + 1
    assert refused(text.encode()) == [f"第 2 个预案（own_b，第 {line} 行）：第 3 步 · 中文：不能为空"]


def test_other_files_are_refused_plainly():
    assert refused(b"") == ["文件是空的"]
    assert refused("名称,步骤\n".encode("gbk"))[0].startswith("文件不是 UTF-8 编码的文字")
    assert refused(b'{"kind": "other", "playbooks": []}') == ["这不是预案文件（kind 为 other）"]
    assert refused(b'{"hello": 1}') == ["文件里没有预案（应有 “playbooks” 列表）"]
    assert refused(b" " * 3_000_000)[0].startswith("文件太大")
    twice = json.dumps([FAINTING, FAINTING], ensure_ascii=False).encode()
    assert refused(twice)[0].endswith("代码 fainting 与第 1 个预案重复")
