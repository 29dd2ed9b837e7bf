"""Finding a playbook fast: Chinese text, English words and pinyin initials ("hz" → 火灾).

The initials come from the GB2312 code order: its 3,755 common characters (level 1) are
sorted by pinyin, so the first letter follows from the code point with a table of 23
boundaries and no dictionary. A short table adds the rarer characters and the second
reading of common polyphones (行 xíng/háng, 重 zhòng/chóng …); a character with two readings
matches either initial.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

# First GB2312 code (two bytes as one number) of each initial among the level-1 characters.
_BOUNDARIES = (
    (0xB0A1, "a"),
    (0xB0C5, "b"),
    (0xB2C1, "c"),
    (0xB4EE, "d"),
    (0xB6EA, "e"),
    (0xB7A2, "f"),
    (0xB8C1, "g"),
    (0xB9FE, "h"),
    (0xBBF7, "j"),
    (0xBFA6, "k"),
    (0xC0AC, "l"),
    (0xC2E8, "m"),
    (0xC4C3, "n"),
    (0xC5B6, "o"),
    (0xC5BE, "p"),
    (0xC6DA, "q"),
    (0xC8BB, "r"),
    (0xC8F6, "s"),
    (0xCBFA, "t"),
    (0xCDDA, "w"),
    (0xCEF4, "x"),
    (0xD1B9, "y"),
    (0xD4D1, "z"),
)
_LEVEL1_END = 0xD7F9

# Characters outside GB2312 level 1 that playbook texts use, and polyphones' other readings.
_EXTRA = {
    "行": "xh",
    "重": "zc",
    "长": "cz",
    "调": "td",
    "发": "f",
    "传": "cz",
    "着": "zh",
    "看": "k",
    "系": "xj",
    "乐": "ly",
    "单": "ds",
    "会": "hk",
    "还": "hy",
    "藏": "cz",
    "降": "jx",
    "便": "bp",
    "量": "l",
    "地": "d",
    "兑": "d",
    "匆": "c",
    "诉": "s",
    "闹": "n",
    "嚷": "r",
    "殴": "o",
    "啰": "l",
    "嗦": "s",
    "窃": "q",
    "昏": "h",
    "厥": "j",
    "晕": "y",
    "涌": "y",
    "崩": "b",
    "溃": "k",
    "宕": "d",
    "拥": "y",
    "挤": "j",
    "炸": "z",
    "冒": "m",
    "烟": "y",
    "媒": "m",
    "曝": "bp",
    "泄": "x",
    "漏": "l",
    "跳": "t",
    "闸": "z",
    "苛": "k",
    "躁": "z",
    "惑": "h",
}


def initials_of(char: str) -> str:
    """The possible pinyin initials of one character ("" for a character that is no hanzi);
    letters and digits stand for themselves (lower case)."""
    if char.isascii():
        return char.lower() if char.isalnum() else ""
    if char in _EXTRA:
        return _EXTRA[char]
    try:
        data = char.encode("gb2312")
    except UnicodeEncodeError:
        return ""
    if len(data) != 2:
        return ""
    code = data[0] << 8 | data[1]
    if not _BOUNDARIES[0][0] <= code < _LEVEL1_END:
        return ""
    letter = ""
    for start, initial in _BOUNDARIES:
        if code >= start:
            letter = initial
        else:
            break
    return letter


@lru_cache(maxsize=8192)
def initials(text: str) -> tuple[str, ...]:
    """Each character's possible initials, skipping spaces and punctuation (cached: the same
    titles and keywords are matched again at every keystroke)."""
    return tuple(found for found in (initials_of(c) for c in text) if found)


def matches_initials(query: str, text: str) -> int | None:
    """Where the letters of `query` match consecutive characters' initials in `text`
    (the position in the initials, 0 is the start), or None."""
    letters = [c for c in query.lower() if c.isalnum()]
    sets = initials(text)
    if not letters or len(letters) > len(sets):
        return None
    plain = _plain_initials(text)
    if plain is not None:  # one reading per character: a substring search does it
        found = plain.find("".join(letters))
        return None if found < 0 else found
    for start in range(len(sets) - len(letters) + 1):
        if all(letter in sets[start + i] for i, letter in enumerate(letters)):
            return start
    return None


@lru_cache(maxsize=8192)
def _plain_initials(text: str) -> str | None:
    """The initials as one string when every character has a single reading, else None."""
    sets = initials(text)
    return "".join(sets) if all(len(letters) == 1 for letters in sets) else None


@dataclass(frozen=True)
class Entry:
    """What a search looks at for one playbook: its key (id or code), title, other words."""

    key: str
    title: str
    title_en: str = ""
    words: str = ""  # keywords, when it applies, the code
    body: str = ""  # the steps, scripts and do-nots: found last ("灭火器", "AED")


def _score(query: str, entry: Entry) -> int | None:
    q = query.strip().lower()
    if not q:
        return 0
    title, title_en, words = entry.title.lower(), entry.title_en.lower(), entry.words.lower()
    if title.startswith(q) or title_en.startswith(q):
        return 100
    if q in title:
        return 90
    if _at_word_start(q, title_en):
        return 88  # English matches from the start of a word: "ls" is not in "falls"
    spelled = q.isascii() and q.replace(" ", "").isalpha()
    position = matches_initials(q, entry.title) if spelled else None
    if position == 0:
        return 80
    if spelled and any(_whole(q, word) for word in entry.words.split()):
        return 75  # a keyword spelled out whole: "yd" is 晕倒
    if position is not None:
        return 70 - min(position, 10)
    if (q in words) if not q.isascii() else _at_word_start(q, words):
        return 60
    if spelled:
        for word in entry.words.split():
            if matches_initials(q, word) == 0 and len(initials(word)) >= 2:
                return 50
    body = entry.body.lower()
    if body and ((q in body) if not q.isascii() else len(q) >= 3 and _at_word_start(q, body)):
        return 30
    # Several words: every one must be found somewhere.
    parts = q.split()
    if len(parts) > 1 and all(_score(part, entry) is not None for part in parts):
        return 40
    return None


def _at_word_start(query: str, text: str) -> bool:
    return re.search(r"(?<![a-z0-9])" + re.escape(query), text) is not None


def _whole(query: str, word: str) -> bool:
    letters = [c for c in query if c.isalnum()]
    return len(initials(word)) == len(letters) and matches_initials(query, word) == 0


def search(query: str, entries: list[Entry]) -> list[Entry]:
    """The entries that match `query`, best first (all of them, in order, for an empty query)."""
    scored = []
    for index, entry in enumerate(entries):
        score = _score(query, entry)
        if score is not None:
            scored.append((-score, index, entry))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [entry for _, _, entry in scored]
