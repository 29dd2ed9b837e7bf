"""Things produced from sources: compiled forms are current, the window builds in --self-test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))

import compile_ui  # noqa: E402


def _body(text: str) -> list[str]:
    # The uic banner names its version; what matters is the code.
    return [line for line in text.splitlines() if not line.startswith("#")]


def test_generated_forms_match_the_designer_files():
    for form in sorted((ROOT / "ui").glob("*.ui")):
        generated = compile_ui.target_for(form)
        assert generated.exists(), f"run tools/compile_ui.py for {form.name}"
        assert _body(compile_ui.compile_form(form)) == _body(generated.read_text("utf-8")), (
            f"{generated.name} is out of date: run tools/compile_ui.py"
        )


def test_self_test_builds_every_tab_offscreen(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HALLSUPERVISOR_HOME": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "hallsupervisor", "--self-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert [
        line.split()[3] for line in result.stdout.splitlines() if line.startswith("self-test: tab")
    ] == ["今日", "巡检", "触点地图", "排队与排班", "突发事件"]
    assert "self-test: daily sheet" in result.stdout
    assert "self-test passed" in result.stdout
