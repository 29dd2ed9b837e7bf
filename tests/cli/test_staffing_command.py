"""`hallsupervisor staffing --tickets FILE --json`: counters needed from a ticket log."""

from __future__ import annotations

import json

HEADER = "ticket_no,business_type,issued_at,called_at,finished_at,counter\n"


def _log(tmp_path, rows, encoding="utf-8"):
    path = tmp_path / "tickets.csv"
    path.write_bytes((HEADER + "".join(rows)).encode(encoding))
    return path


def test_json_has_one_entry_per_weekday_interval_and_business(run_cli, tmp_path):
    rows = [
        # Two Mondays; 电费缴纳 (pay) tickets at 08:40 and 08:50 on each, one enquiry.
        "A001,pay,2026-11-16 08:40:00,2026-11-16 08:42:00,2026-11-16 08:45:00,1号窗口\n",
        "A002,pay,2026-11-16 08:50:00,2026-11-16 08:51:00,2026-11-16 08:55:00,1号窗口\n",
        "A001,pay,2026-11-23 08:40:00,2026-11-23 08:41:00,2026-11-23 08:44:00,1号窗口\n",
        "A002,pay,2026-11-23 08:50:00,2026-11-23 08:50:00,2026-11-23 08:54:00,1号窗口\n",
        "B001,enquiry,2026-11-23 09:10:00,,,\n",  # left without being served
    ]
    result = run_cli("staffing", "--tickets", str(_log(tmp_path, rows, "gbk")), "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    pay = [r for r in report["intervals"] if r["business_type"] == "pay"]
    assert [(r["weekday"], r["start"]) for r in pay] == [(1, "08:30")]
    entry = pay[0]
    assert set(entry) == {
        "weekday",
        "start",
        "business_type",
        "arrivals",
        "aht_minutes",
        "counters",
        "service_level",
        "expected_wait_minutes",
    }
    assert entry["arrivals"] == 2.0  # four tickets over two Mondays
    assert entry["aht_minutes"] == 3.5  # (3 + 4 + 3 + 4) / 4
    assert entry["counters"] == 1
    assert 0.8 <= entry["service_level"] <= 1


def test_a_broken_log_names_its_rows_and_computes_nothing(run_cli, tmp_path):
    rows = [
        "A001,pay,2026-11-16 08:40:00,2026-11-16 08:42:00,2026-11-16 08:45:00,1\n",
        "A002,pay,2026-11-16 08:50:00,2026-11-16 08:49:00,2026-11-16 08:55:00,1\n",
        "A003,pay,yesterday,,,1\n",
    ]
    result = run_cli("staffing", "--tickets", str(_log(tmp_path, rows)), "--json")
    assert result.returncode == 1
    assert result.stdout == ""
    assert "第 3 行" in result.stderr and "第 4 行" in result.stderr
