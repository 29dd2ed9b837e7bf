"""The complaint register: due times stored, steps, status, overdue."""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.storage import complaints
from tests.storage.incident_helpers import make_hall

T0 = dt.datetime(2026, 11, 25, 10, 0)


@pytest.fixture
def hall(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    yield store, hall_id
    store.close()


def test_a_complaint_gets_its_limits_and_moves_through_its_steps(hall):
    store, hall_id = hall
    cid = complaints.add(store, hall_id, channel="hall", category="metering_billing",
                         received_at=T0, customer="王先生", summary="电费突然增加 50%")
    c = complaints.get(store, cid)
    assert c.response_due == dt.datetime(2026, 11, 25, 12, 0) and c.status == "open"
    complaints.add_step(store, cid, "核对了用电量", "王红", T0 + dt.timedelta(hours=1))
    c = complaints.get(store, cid)
    assert c.status == "responded" and c.responded_at == dt.datetime(2026, 11, 25, 11, 0)
    complaints.add_step(store, cid, "解释峰谷电价，客户认可", "王红",
                        T0 + dt.timedelta(days=1), status="resolved")
    c = complaints.get(store, cid)
    assert c.status == "resolved" and c.completed_at == dt.datetime(2026, 11, 26, 10, 0)
    assert [s["text"] for s in complaints.steps(store, cid)][0] == "核对了用电量"
    assert not c.overdue(T0 + dt.timedelta(days=30))


def test_overdue_complaints(hall):
    store, hall_id = hall
    late = complaints.add(store, hall_id, channel="gov12345", category="repair", received_at=T0)
    complaints.add(store, hall_id, channel="hall", category="other",
                   received_at=T0 + dt.timedelta(minutes=50))
    now = T0 + dt.timedelta(minutes=70)
    assert [c.id for c in complaints.overdue_complaints(store, hall_id, now)] == [late]
    assert len(complaints.list_complaints(store, hall_id, T0.date(), T0.date())) == 2


def test_bad_category_changes_nothing(hall):
    store, hall_id = hall
    with pytest.raises(ValueError):
        complaints.add(store, hall_id, channel="hall", category="x", received_at=T0)
    assert store.scalar("SELECT count(*) FROM complaints") == 0
