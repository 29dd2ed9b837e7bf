"""Checks that messages can be found by Qt Linguist: their text is a QT_TRANSLATE_NOOP literal."""

from __future__ import annotations

import ast
from functools import cache
from pathlib import Path

from hallsupervisor.domain import Message

PACKAGE = Path(__file__).resolve().parents[3] / "hallsupervisor" / "domain" / "inspection"
CONTEXT = "Inspection"
# The modules whose every message uses the Inspection context (others in the package, e.g.
# Today's sections, have their own).
MODULES = ["model", "template_file", "scoring", "dayplan", "actions", "chain"]


def noop_calls() -> list[tuple[Path, ast.Call]]:
    calls = []
    for path in [PACKAGE / f"{name}.py" for name in MODULES]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "QT_TRANSLATE_NOOP":
                calls.append((path, node))
    return calls


@cache
def marked_texts() -> frozenset[str]:
    """Every source text marked for translation in the inspection package."""
    return frozenset(
        call.args[1].value
        for _, call in noop_calls()
        if len(call.args) == 2 and all(isinstance(a, ast.Constant) for a in call.args)
    )


def assert_marked(messages) -> None:
    """Each message (and nested message) is extractable and renders without a missing field."""
    for message in messages:
        assert isinstance(message, Message), message
        assert message.context == CONTEXT, message
        assert message.text in marked_texts(), f"not marked for translation: {message.text!r}"
        for value in message.args.values():
            if isinstance(value, Message):
                assert_marked([value])
        assert str(message)
