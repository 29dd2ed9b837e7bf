"""Message: Chinese source text with named fields, rendered plain or through a translator."""

from __future__ import annotations

import dataclasses

import pytest

from hallsupervisor.domain import LIST_SEPARATOR, QT_TRANSLATE_NOOP, Message


def test_qt_translate_noop_returns_the_text_unchanged():
    assert QT_TRANSLATE_NOOP("Any", "营业中") == "营业中"
    assert LIST_SEPARATOR == "、"


def test_renders_chinese_with_fields_by_default():
    message = Message(
        "Today", "今天已取号 {issued} 张，现在等候 {waiting} 人。", {"issued": 52, "waiting": 8}
    )
    assert str(message) == "今天已取号 52 张，现在等候 8 人。"
    assert message.render() == str(message)
    assert message.render(None) == str(message)


def test_renders_without_fields():
    assert str(Message("Today", "今天不营业。")) == "今天不营业。"


def test_missing_field_raises():
    with pytest.raises(KeyError):
        str(Message("Today", "{missing} 张"))


def test_nested_messages_render():
    weekday = Message("Hall", "星期三")
    inner = Message("Today", "{m} 分钟", {"m": 25})
    outer = Message("Today", "{day}：还有 {left}。", {"day": weekday, "left": inner})
    assert str(outer) == "星期三：还有 25 分钟。"


def test_lists_are_joined_with_the_chinese_separator():
    names = Message("Today", "{names}", {"names": ["王丽", "李强", "张敏"]})
    assert str(names) == "王丽、李强、张敏"
    # Tuples, numbers and nested messages inside lists render too.
    mixed = Message("Today", "{items}", {"items": (Message("Hall", "值班长"), 3, "柜员")})
    assert str(mixed) == "值班长、3、柜员"


def test_empty_and_single_item_lists():
    assert str(Message("Today", "[{x}]", {"x": []})) == "[]"
    assert str(Message("Today", "[{x}]", {"x": ["王丽"]})) == "[王丽]"


def test_lists_of_messages_with_fields():
    roles = [
        Message("Today", "{role} {count}", {"role": Message("Hall", "值班长"), "count": 1}),
        Message("Today", "{role} {count}", {"role": Message("Hall", "柜员"), "count": 5}),
    ]
    assert str(Message("Today", "{roles}", {"roles": roles})) == "值班长 1、柜员 5"


ENGLISH = {
    (
        "Today",
        "营业中，{close} 结束营业（还有 {left}）。",
    ): "Open, closes at {close} ({left} left).",
    ("Today", "{m} 分钟"): "{m} min",
    ("Today", "{role} {count}"): "{count} {role}",
    ("Hall", "值班长"): "supervisor",
    ("Hall", "柜员"): "counter staff",
    ("Hall", "星期三"): "Wednesday",
    ("Message", "、"): ", ",
}


def _recording_translator(table):
    calls = []

    def translate(context, text):
        calls.append((context, text))
        return table.get((context, text), text)

    return translate, calls


def test_translate_applies_to_text_and_nested_messages():
    translate, calls = _recording_translator(ENGLISH)
    message = Message(
        "Today",
        "营业中，{close} 结束营业（还有 {left}）。",
        {"close": "17:30", "left": Message("Today", "{m} 分钟", {"m": 25})},
    )
    assert message.render(translate) == "Open, closes at 17:30 (25 min left)."
    assert ("Today", "{m} 分钟") in calls
    assert ("Today", "营业中，{close} 结束营业（还有 {left}）。") in calls
    # The untranslated rendering is not affected.
    assert str(message) == "营业中，17:30 结束营业（还有 25 分钟）。"


def test_translate_applies_to_list_separator_and_list_items():
    translate, calls = _recording_translator(ENGLISH)
    roles = [
        Message("Today", "{role} {count}", {"role": Message("Hall", "值班长"), "count": 1}),
        Message("Today", "{role} {count}", {"role": Message("Hall", "柜员"), "count": 5}),
    ]
    message = Message("Today", "{roles}", {"roles": roles})
    assert message.render(translate) == "1 supervisor, 5 counter staff"
    assert ("Message", "、") in calls


def test_translate_with_plain_string_list_uses_translated_separator():
    translate, _ = _recording_translator(ENGLISH)
    message = Message("Today", "{names}", {"names": ["A", "B"]})
    assert message.render(translate) == "A, B"


def test_translator_missing_entry_falls_back_to_chinese():
    translate, _ = _recording_translator({})
    message = Message("Hall", "{day}", {"day": Message("Hall", "星期四")})
    assert message.render(translate) == "星期四"


def test_translate_uses_the_nested_message_context():
    # The same source text under different contexts translates differently.
    table = {("A", "字"): "from A", ("B", "字"): "from B", ("A", "{x}/{y}"): "{x}|{y}"}
    translate, _ = _recording_translator(table)
    message = Message("A", "{x}/{y}", {"x": Message("A", "字"), "y": Message("B", "字")})
    assert message.render(translate) == "from A|from B"


def test_message_is_frozen_and_comparable():
    a = Message("Today", "{m} 分钟", {"m": 1})
    assert a == Message("Today", "{m} 分钟", {"m": 1})
    assert a != Message("Today", "{m} 分钟", {"m": 2})
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.text = "x"  # type: ignore[misc]
