"""The incident report and the monthly incident and complaint summary, read back as text."""

from __future__ import annotations

import datetime as dt
import subprocess

import pytest

from hallsupervisor.reports import errors, incident_report, incident_summary
from hallsupervisor.storage import complaints, incidents
from tests.storage.incident_helpers import add_playbook, make_hall

T0 = dt.datetime(2026, 11, 20, 9, 30)


def at(minutes: float) -> dt.datetime:
    return T0 + dt.timedelta(minutes=minutes)


def pdf_text(tmp_path, data: bytes, name: str = "out.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def pdf_fonts(tmp_path, name: str = "out.pdf") -> str:
    return subprocess.run(["pdffonts", str(tmp_path / name)], capture_output=True, text=True,
                          check=True).stdout


@pytest.fixture
def hall(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    playbook_id = add_playbook(store, hall_id)
    yield store, hall_id, playbook_id
    store.close()


def _incident(store, hall_id, playbook_id, *, drill=False, start=T0):
    incident_id = incidents.start(store, hall_id, playbook_id, drill=drill, started_at=start,
                                  roles=[("supervisor", None, "王丽")], location="等候区")
    incidents.tick(store, incident_id, "s2", happened_at=start + dt.timedelta(minutes=1),
                   entered_at=start + dt.timedelta(minutes=1))
    incidents.skip(store, incident_id, "s3", "现场 <无人> & 围观",
                   entered_at=start + dt.timedelta(minutes=2))
    # Written up afterwards: happened at +3, entered at +9.
    incidents.add_note(store, incident_id, "顾客自述低血糖", happened_at=start + dt.timedelta(
        minutes=3), entered_at=start + dt.timedelta(minutes=9))
    incidents.add_person(store, incident_id, "customer", "李女士", "约60岁",
                         entered_at=start + dt.timedelta(minutes=4))
    incidents.give_role(store, incident_id, "supervisor", "赵敏",
                        happened_at=start + dt.timedelta(minutes=10))
    incidents.close(store, incident_id, "顾客休息后自行离开",
                    [incidents.FollowUp("在休息区备糖果", None, dt.date(2026, 11, 22))],
                    closed_at=start + dt.timedelta(minutes=25))
    return incident_id


def test_incident_report_has_the_timeline_and_everything_else(hall, tmp_path):
    store, hall_id, playbook_id = hall
    incident_id = _incident(store, hall_id, playbook_id)
    text = pdf_text(tmp_path, incident_report.build(store, incident_id, "zh_CN"))
    for expected in ("事件报告", "顾客突发疾病或晕倒", "第 1 版", "时间线", "09:31:00",
                     "拨打 120 说明地址", "跳过", "现场 <无人> & 围观", "顾客自述低血糖",
                     "09:39:00", "李女士", "约60岁", "王丽", "赵敏", "顾客休息后自行离开",
                     "在休息区备糖果", "2026-11-22", "用时", "25 分钟", "未做"):
        assert expected in text, expected
    # The note entered later than it happened shows both times on its line.
    note_line = next(line for line in text.splitlines() if "顾客自述低血糖" in line)
    assert "09:33:00" in note_line and "09:39:00" in note_line
    fonts = pdf_fonts(tmp_path)
    assert "WenQuanYi" in fonts or "WQY" in fonts
    assert "Helvetica" not in fonts


def test_a_drill_report_says_so(hall, tmp_path):
    store, hall_id, playbook_id = hall
    drill_id = _incident(store, hall_id, playbook_id, drill=True)
    text = pdf_text(tmp_path, incident_report.build(store, drill_id))
    assert "演练报告" in text and "不计入真实事件" in text


def test_unknown_incident_is_a_clear_error(hall):
    store, _hall_id, _playbook_id = hall
    with pytest.raises(errors.ReportError) as caught:
        incident_report.build(store, "nope")
    assert "找不到" in str(caught.value)


def test_monthly_summary_counts_drills_apart_and_charts_complaints(hall, tmp_path):
    store, hall_id, playbook_id = hall
    _incident(store, hall_id, playbook_id)
    _incident(store, hall_id, playbook_id, start=at(60 * 24))
    _incident(store, hall_id, playbook_id, drill=True, start=at(60 * 48))
    _incident(store, hall_id, playbook_id, start=dt.datetime(2026, 10, 5, 9, 0))  # October
    for category, count in (("metering_billing", 5), ("outage_notice", 3), ("repair", 1)):
        for n in range(count):
            cid = complaints.add(store, hall_id, channel="hotline", category=category,
                                 received_at=at(n * 60), summary=f"{category} {n}")
            complaints.add_step(store, cid, "已回复", "王丽", at(n * 60 + 30))
    complaints.add(store, hall_id, channel="gov12345", category="attitude",
                   received_at=at(0), summary="柜员态度生硬")
    text = pdf_text(tmp_path, incident_summary.build(store, hall_id, 2026, 11))
    assert "2026 年 11 月" in text
    assert "2 起" in text and "1 次" in text  # two real incidents, one drill
    assert "计量与电费" in text and "停电通知" in text and "抢修响应" in text
    assert "50%" in text and "80%" in text  # share of billing, cumulative of the first two
    assert "在休息区备糖果" in text
    assert "超时投诉" in text and "柜员态度生硬" in text
    assert "12345 政务热线 1 件" in text
    with pytest.raises(errors.ReportError):
        incident_summary.build(store, hall_id, 2026, 13)


def test_empty_month_still_prints(hall, tmp_path):
    store, hall_id, _playbook_id = hall
    text = pdf_text(tmp_path, incident_summary.build(store, hall_id, 2026, 2))
    assert "本月没有真实事件" in text and "本月没有投诉记录" in text
