"""The playbook document: reading, writing, and every problem found with where it is."""

import copy

import pytest

from hallsupervisor.domain.incidents.playbook import (
    BUILTIN_CODES,
    HALL_EMERGENCIES,
    Contact,
    Playbook,
    PlaybookError,
    Text,
)
from hallsupervisor.domain.incidents.playbook_file import builtin_playbooks
from tests.storage.incident_helpers import FAINTING


def problems_of(body) -> list[str]:
    with pytest.raises(PlaybookError) as caught:
        Playbook.from_dict(body)
    return [str(p) for p in caught.value.problems]


def test_reads_the_interface_the_run_view_uses():
    playbook = Playbook.from_dict(FAINTING)
    assert playbook.code == "fainting"
    assert playbook.title("en") == "A customer falls ill or faints"
    assert playbook.title("zh_CN") == "顾客突发疾病或晕倒"
    # Immediate actions first, the document's order otherwise.
    assert [s.id for s in playbook.steps] == ["s2", "s1", "s3", "s4"]
    first = playbook.steps[0]
    assert (first.role, first.immediate, first.target_minutes) == ("counter", True, 2)
    assert first.text("en") == "Call 120 with the address"
    assert first.script("zh_CN") == "" and not first.script
    assert playbook.steps[1].script("zh_CN") == "您能听见我说话吗？"
    assert playbook.prompts[0].every_minutes == 2
    assert playbook.time_targets[0].minutes == 15
    assert playbook.announcements("en") == ["Please keep the way clear; our staff are handling it."]
    assert playbook.media_line("zh_CN").startswith("我们正在处理")
    assert [c.number for c in playbook.contacts] == ["120"]


def test_round_trip_keeps_everything():
    playbook = Playbook.from_dict(FAINTING)
    assert Playbook.from_dict(playbook.to_dict()) == playbook


def test_english_falls_back_to_chinese():
    body = copy.deepcopy(FAINTING)
    body["steps"][0]["text"] = {"zh": "拨打 120", "en": ""}
    assert Playbook.from_dict(body).steps[0].text("en") == "拨打 120"


def test_every_problem_is_listed_with_its_place():
    body = copy.deepcopy(FAINTING)
    body["category"] = "party"
    body["steps"][1]["text"] = {"zh": "", "en": "x"}
    body["steps"][2]["role"] = "boss"
    body["steps"][3]["id"] = "s1"
    body["contacts"][0]["number"] = "call me"
    body["prompts"][0]["every_minutes"] = 0
    body["revised_on"] = "2026-13-01"
    body["colour"] = "red"
    found = problems_of(body)
    assert "预案：类别 party 不认识（可用：hall、reported、complaint、own）" in found
    assert "第 2 步 · 中文：不能为空" in found
    assert any(p.startswith("第 3 步：角色 boss 不认识") for p in found)
    assert "第 4 步：编号 s1 重复" in found
    assert "第 1 个联系电话：号码 call me 不像电话号码" in found
    assert "第 1 个定时提醒：分钟数应为 1 到 1440 的整数" in found
    assert "预案：修订日期 2026-13-01 应为 YYYY-MM-DD" in found
    assert "预案：不认识的项 colour" in found


def test_huge_text_and_wrong_shapes_are_refused():
    body = copy.deepcopy(FAINTING)
    body["steps"][0]["text"]["zh"] = "很" * 5000
    body["do_nots"] = "不要"
    found = problems_of(body)
    assert "第 1 步 · 中文：太长（5000 字，最多 300 字）" in found
    assert "第 1 条禁忌：应为一个列表" in found
    assert problems_of([1, 2]) == ["预案：不是一个预案（应为 JSON 对象）"]
    assert problems_of({**FAINTING, "format": 9}) == ["预案：格式版本 9 不受支持（应为 1）"]


def test_markup_characters_are_kept_as_text():
    body = copy.deepcopy(FAINTING)
    body["steps"][0]["text"]["zh"] = "<b>拨打</b> 120 & 110"
    assert Playbook.from_dict(body).steps[0].text() == "<b>拨打</b> 120 & 110"


def test_hall_contacts_follow_the_playbook_numbers_once_each():
    playbook = Playbook.from_dict(FAINTING)
    own = [Contact(Text("物业", "Property office"), "0531-8888 1234"), Contact(Text("急救"), "120")]
    assert [c.number for c in playbook.all_contacts(own)] == ["120", "0531-8888 1234"]


def test_new_step_ids_never_clash():
    playbook = Playbook.from_dict(FAINTING)
    assert playbook.new_step_id() not in {s.id for s in playbook.steps}


def test_the_builtin_library_is_complete_and_valid():
    playbooks = builtin_playbooks()
    assert [p.code for p in playbooks] == list(BUILTIN_CODES)
    assert len(playbooks) == 15 and len(HALL_EMERGENCIES) == 8
    for playbook in playbooks:
        assert playbook.title_text.zh and playbook.title_text.en
        assert playbook.applies_when.zh and playbook.applies_when.en
        assert len(playbook.steps) >= 5, playbook.code
        assert playbook.steps[0].immediate, playbook.code
        assert playbook.do_nots, playbook.code
        assert playbook.owner and playbook.revised_on
        for step in playbook.steps:
            assert step.text.en and step.role in playbook.roles
            assert not step.script or step.script.en
    by_code = {p.code: p for p in playbooks}
    assert by_code["fainting"].prompts[0].every_minutes == 2  # swap the CPR person
    assert by_code["system_crash"].prompts[0].every_minutes == 15  # update those waiting
    assert {"119"} <= {c.number for c in by_code["fire"].contacts}
    assert {"110"} <= {c.number for c in by_code["violent_customer"].contacts}
    assert any("水" in d.zh for d in by_code["wire_fire"].do_nots)


def test_no_builtin_time_target_repeats_a_steps_own_timer():
    """A step with minutes has its own timer, met by ticking it; a time target with the same
    minutes would be a second line for the same thing on the run view, to be acknowledged
    apart (fire had "call 119" twice, both overdue)."""
    for playbook in builtin_playbooks():
        step_minutes = {s.target_minutes for s in playbook.steps if s.target_minutes}
        assert not [t.minutes for t in playbook.time_targets if t.minutes in step_minutes], (
            playbook.code
        )
    fainting = next(p for p in builtin_playbooks() if p.code == "fainting")
    assert [t.minutes for t in fainting.time_targets] == [15]


def test_a_prompt_after_a_step_names_one_of_its_steps():
    body = copy.deepcopy(FAINTING)
    body["prompts"][0]["after_step"] = "s3"
    playbook = Playbook.from_dict(body)
    assert playbook.prompts[0].after_step == "s3"
    assert Playbook.from_dict(playbook.to_dict()).to_dict() == playbook.to_dict()
    body["prompts"][0]["after_step"] = "s9"
    with pytest.raises(PlaybookError) as caught:
        Playbook.from_dict(body)
    assert "after_step s9 不是本预案的步骤编号" in str(caught.value)
    fainting = next(p for p in builtin_playbooks() if p.code == "fainting")
    assert fainting.prompts[0].after_step == "s3"
