"""Every user-facing string of the inspection package is extractable by Qt Linguist."""

from __future__ import annotations

import ast

from hallsupervisor.domain.inspection import actions, chain, dayplan, scoring, template_file
from tests.domain.inspection.markers import CONTEXT, MODULES, PACKAGE, marked_texts, noop_calls


def test_marker_calls_use_literal_context_and_text():
    calls = noop_calls()
    assert len(calls) > 40  # the walk really found the modules
    for path, call in calls:
        where = f"{path.name}:{call.lineno}"
        assert len(call.args) == 2 and not call.keywords, where
        context, text = call.args
        assert isinstance(context, ast.Constant) and context.value == CONTEXT, where
        assert isinstance(text, ast.Constant) and isinstance(text.value, str), where


def test_no_message_is_built_from_an_unmarked_literal():
    for path in [PACKAGE / f"{name}.py" for name in MODULES]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Message":
                text = node.args[1] if len(node.args) > 1 else None
                where = f"{path.name}:{node.lineno}"
                assert not isinstance(text, ast.Constant), f"unmarked message text at {where}"


def test_modules_use_the_inspection_context():
    for module in (scoring, template_file, dayplan, chain):
        assert module.CTX == CONTEXT


def test_labels_are_marked():
    for table in (dayplan.STATUSES, actions.ActionState.LABELS):
        assert set(table.values()) <= marked_texts()
    assert scoring.FORMULA.text in marked_texts()
