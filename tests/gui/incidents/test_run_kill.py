"""The app is killed (SIGKILL, a real process) in the middle of a run: after a restart
every step ticked before the kill is still ticked and the run reopens where it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from hallsupervisor.domain.incidents import run
from hallsupervisor.storage import incidents
from hallsupervisor.storage.database import Store
from tests.gui.incidents.run_fixtures import hall_with_playbook

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ticks_survive_a_kill_mid_run(tmp_path, app, settings, qtbot):
    path = tmp_path / "hall" / "hall.sqlite"
    path.parent.mkdir()
    hall_id, playbook_id = hall_with_playbook(path)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.gui.incidents.kill_driver", str(path), playbook_id, "3"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=env,
    )
    ticked, incident_id = [], None
    try:
        for line in process.stdout:
            word, _, rest = line.strip().partition(" ")
            if word == "STARTED":
                incident_id = rest
            elif word == "TICKED":
                ticked.append(rest)
            elif word == "WAITING":
                break
        assert process.poll() is None, process.stderr.read()
        os.kill(process.pid, signal.SIGKILL)  # no clean-up, no close: a crash or power cut
        process.wait(timeout=10)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == -signal.SIGKILL
    assert incident_id and ticked == ["s2", "s1", "s3"]

    # Restart: the database opens as it was left (no close, -wal beside it) ...
    store = Store.open(path)
    store.hall_id = hall_id
    try:
        _incident, state = incidents.load(store, incident_id)
        assert [s.id for s in state.steps if s.status == run.STEP_DONE] == ticked
        # ... and the run view reopens the run at its first open step.
        from hallsupervisor.gui.incidents.run_view import RunView

        view = RunView(store, settings)
        qtbot.addWidget(view)
        assert view.current_id() == incident_id
        assert view.steps.currentItem().text().endswith("到门口接救护车")
        assert all(view.steps.item(i).text().startswith("✓") for i in range(3))
    finally:
        store.close()
