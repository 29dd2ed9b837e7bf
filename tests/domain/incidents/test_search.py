"""Finding a playbook by Chinese text, English words and pinyin initials."""

from hallsupervisor.domain.incidents.playbook_file import builtin_playbooks
from hallsupervisor.domain.incidents.search import Entry, initials_of, matches_initials, search


def entries():
    return [
        Entry(p.code, p.title(), p.title("en"), p.search_words(), p.search_body())
        for p in builtin_playbooks()
    ]


def codes(query):
    return [e.key for e in search(query, entries())]


def test_initials_from_the_gb2312_order():
    assert [initials_of(c) for c in "火灾晕倒停电"] == ["h", "z", "y", "d", "t", "d"]
    assert initials_of("行") == "xh"  # both readings
    assert initials_of("A") == "a" and initials_of("，") == ""


def test_pinyin_initials_find_the_title():
    assert codes("hz")[0] == "fire"  # 火灾
    assert codes("yd")[0] == "fainting"  # 晕倒
    assert codes("mt")[0] == "media"  # 媒体
    assert codes("ywxt")[0] == "system_crash"  # 业务系统
    assert codes("bk")[0] == "system_crash"  # keyword 崩溃
    assert "electric_shock" in codes("cd")  # 触电
    assert matches_initials("hz", "营业厅发生火灾") == 5


def test_chinese_and_english_text():
    assert codes("火灾")[0] == "fire"
    assert codes("触电") == ["electric_shock"]
    assert codes("晕倒")[0] == "fainting"
    assert codes("queue")[0] == "sudden_surge"
    assert set(codes("fire")) >= {"fire", "wire_fire"}
    assert codes("12345") == ["complaint_escalation"]


def test_empty_query_keeps_the_order_and_nonsense_finds_nothing():
    assert codes("") == [e.key for e in entries()]
    assert codes("qqqqxz") == []


def test_english_matches_from_the_start_of_a_word():
    falls = [Entry("a", "顾客突发疾病或晕倒", "A customer falls ill"), Entry("b", "厅内漏水", "Leak")]
    assert [e.key for e in search("ls", falls)] == ["b"]  # 漏水, not "falls"
    assert [e.key for e in search("ill", falls)] == ["a"]


def test_words_in_the_steps_are_found_after_titles_and_keywords():
    assert codes("除颤仪") == ["fainting"]  # only in a step
    assert codes("AED") == ["fainting"]
    assert codes("灭火器")[:2] == ["fire", "wire_fire"]
    assert codes("火")[0] == "fire"  # the title before a step that mentions fire
