"""Log files rotate in the application-data folder."""

from __future__ import annotations

import logging

from hallsupervisor import logs


def test_log_rotates_at_start_up_and_keeps_five(app_home):
    target = logs.log_file()
    target.parent.mkdir(parents=True)
    for generation in range(7):
        target.write_text(f"generation {generation}\n" + "x" * 200, encoding="utf-8")
        logs.rotate(target, max_bytes=100, keep=5)
    kept = sorted(p.name for p in target.parent.iterdir())
    assert kept == [f"hallsupervisor.log.{n}" for n in range(1, 6)]
    assert (target.parent / "hallsupervisor.log.1").read_text().startswith("generation 6")
    assert (target.parent / "hallsupervisor.log.5").read_text().startswith("generation 2")


def test_small_log_is_left_alone_and_messages_reach_it(app_home):
    path = logs.setup_logging()
    assert path == logs.log_file() and path.parent == app_home / "logs"
    logging.getLogger("test").warning("记录一条中文日志")
    for handler in logging.getLogger().handlers:
        handler.flush()
    logs.rotate(path)
    assert "记录一条中文日志" in path.read_text(encoding="utf-8")
