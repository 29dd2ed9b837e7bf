"""Domain logic in plain Python: no Qt imports anywhere below this package."""

from __future__ import annotations

from dataclasses import dataclass, field


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by lupdate
    """Marks a string for Qt Linguist without importing Qt; the GUI translates it."""
    return text


def bilingual(chinese: str, english: str, language: str) -> str:
    """Data that carries its own English (names, item texts): English when the interface is
    English and there is an English text, Chinese otherwise."""
    return english if language.startswith("en") and english else chinese


# Joins a list of names in a sentence ("、" in Chinese, ", " in English).
LIST_SEPARATOR = QT_TRANSLATE_NOOP("Message", "、")


@dataclass(frozen=True)
class Message:
    """A sentence for the user: Chinese source text with {named} fields.

    `str()` gives the Chinese sentence (command line, logs); the GUI looks the source text up
    in its translator under `context` first. Field values that are themselves Messages are
    translated the same way.
    """

    context: str
    text: str
    args: dict = field(default_factory=dict)

    def render(self, translate=None) -> str:
        look_up = translate or (lambda context, text: text)
        values = {k: self._value(v, translate, look_up) for k, v in self.args.items()}
        return look_up(self.context, self.text).format(**values)

    @staticmethod
    def _value(value, translate, look_up):
        if isinstance(value, Message):
            return value.render(translate)
        if isinstance(value, (list, tuple)):
            separator = look_up("Message", LIST_SEPARATOR)
            return separator.join(str(Message._value(v, translate, look_up)) for v in value)
        return value

    def __str__(self) -> str:
        return self.render()
