"""The ticket-machine log: reading in every encoding, refusing bad files, the staffing report."""

from __future__ import annotations

import json
import math
from datetime import datetime

import pytest

from hallsupervisor.domain import Message
from hallsupervisor.domain.staffing.tickets import (
    MAX_PROBLEMS,
    TicketLogError,
    abandoned,
    actual_waits,
    arrivals_by_interval,
    handling_minutes,
    read_ticket_log,
    staffing_report,
)

HEADER = "ticket_no,business_type,issued_at,called_at,finished_at,counter\n"
# Two Mondays (4 and 11 March 2024) and one Tuesday.
ROWS = [
    "A001,缴费,2024-03-04 08:31:00,2024-03-04 08:33:00,2024-03-04 08:37:00,1号窗口",
    "A002,缴费,2024-03-04 08:45:00,2024-03-04 08:46:00,2024-03-04 08:48:00,1号窗口",
    "A001,缴费,2024-03-11 08:40:00,,,",  # left before being called
    "A002,缴费,2024-03-11 09:05:00,2024-03-11 09:06:00,2024-03-11 09:09:00,2号窗口",
    "B001,新装,2024-03-05 10:00:00,2024-03-05 10:10:00,2024-03-05 10:30:00,3号窗口",
]
TEXT = HEADER + "\n".join(ROWS) + "\n"


def _log(text: str = TEXT, encoding: str = "utf-8", mapping=None):
    return read_ticket_log(text.encode(encoding), mapping)


def _problems(text: str, mapping=None) -> list[Message]:
    with pytest.raises(TicketLogError) as caught:
        _log(text, mapping=mapping)
    return caught.value.problems


def test_encodings_give_the_same_tickets():
    logs = [_log(encoding=e).tickets for e in ("utf-8", "utf-8-sig", "gbk", "gb18030")]
    assert all(log == logs[0] for log in logs)
    first = logs[0][0]
    assert (first.ticket_no, first.business_type, first.counter) == ("A001", "缴费", "1号窗口")
    assert first.issued_at == datetime(2024, 3, 4, 8, 31)
    left = logs[0][2]
    assert left.called_at is None and left.finished_at is None and left.abandoned


def test_vendor_layout_with_chinese_headers_in_any_order():
    mapping = {
        "ticket_no": "票号",
        "business_type": "业务类型",
        "issued_at": "取号时间",
        "called_at": "叫号时间",
        "finished_at": "办结时间",
        "counter": "窗口",
    }
    order = [4, 0, 5, 1, 3, 2]  # finished, ticket, counter, business, called, issued
    header = ",".join(["办结时间", "票号", "窗口", "业务类型", "叫号时间", "取号时间"])
    body = [",".join(row.split(",")[i] for i in order) for row in ROWS]
    vendor = header + "\r\n" + "\r\n".join(body) + "\r\n"
    assert _log(vendor, "gbk", mapping).tickets == _log().tickets
    # Other names for the same columns, via the mapping.
    head, rest = vendor.split("\r\n", 1)
    renamed = head.replace("票号", "号码").replace("窗口", "柜台号") + "\r\n" + rest
    mapping.update(ticket_no="号码", counter="柜台号")
    assert _log(renamed, "gbk", mapping).tickets == _log().tickets


def test_missing_required_column_is_reported_on_row_one():
    text = "ticket_no,business_type,issued_at,finished_at\nA1,缴费,2024-03-04 08:31:00,\n"
    problems = _problems(text)
    assert [p.args["row"] for p in problems] == [1]
    assert "called_at" in str(problems[0])
    # The counter column is optional.
    no_counter = (
        "ticket_no,business_type,issued_at,called_at,finished_at\nA1,缴费,2024-03-04 08:31:00,,\n"
    )
    assert _log(no_counter).tickets[0].counter == ""


def test_every_bad_row_is_reported_and_nothing_returned():
    text = HEADER + "\n".join(
        [
            ROWS[0],  # row 2: fine
            "A003,缴费,2024-03-04 8点,,,",  # row 3: bad time
            "A004,缴费,2024-03-04 09:00:00,2024-03-04 08:59:00,,",  # row 4: called before issued
            "A005,缴费,2024-03-04 09:00:00,2024-03-04 09:05:00,2024-03-04 09:01:00,",  # row 5
            "A001,缴费,2024-03-04 10:00:00,,,",  # row 6: duplicate of row 2 (same day)
            ",缴费,2024-03-04 10:00:00,,,",  # row 7: no ticket number
            "A008,缴费,2024-03-04 10:00:00,,2024-03-04 10:05:00,",  # row 8: finished, never called
            "",  # blank line: ignored
            "A009,,2024-03-04 10:00:00,,,",  # row 10: no business type
        ]
    )
    problems = _problems(text)
    assert [p.args["row"] for p in problems] == [3, 4, 5, 6, 7, 8, 10]
    assert "8点" in str(problems[0])
    assert "叫号时间早于取号时间" in str(problems[1])
    assert "办结时间早于叫号时间" in str(problems[2])
    assert problems[3].args["first"] == 2
    assert all(p.context == "Staffing" for p in problems)


def test_problems_are_capped():
    text = HEADER + "".join(f"A{i},缴费,bad,,,\n" for i in range(80))
    problems = _problems(text)
    assert len(problems) == MAX_PROBLEMS
    assert problems[-1].args == {"row": 2 + MAX_PROBLEMS - 1, "count": 80 - MAX_PROBLEMS + 1}


def test_empty_file_and_header_only():
    assert len(_problems("")) == 1
    assert _log(HEADER).tickets == []


def test_unknown_mapping_field_is_a_programming_error():
    with pytest.raises(ValueError):
        _log(mapping={"ticket": "票号"})


def test_analysis():
    tickets = _log().tickets
    assert arrivals_by_interval(tickets) == {
        (1, "08:30", "缴费"): 1.5,  # 3 tickets over 2 Mondays
        (1, "09:00", "缴费"): 0.5,
        (2, "10:00", "新装"): 1.0,
    }
    assert arrivals_by_interval(tickets, 60)[(1, "08:00", "缴费")] == 1.5
    with pytest.raises(ValueError):
        arrivals_by_interval(tickets, 7)
    assert handling_minutes(tickets) == {"新装": 20.0, "缴费": 3.0}
    waits = actual_waits(tickets, target_wait_minutes=5)
    assert waits["缴费"].called == 3
    assert waits["缴费"].mean_minutes == pytest.approx(4 / 3)
    assert waits["新装"].within_target == 0.0
    assert abandoned(tickets).rate == 0.2
    assert (abandoned(tickets).issued, abandoned(tickets).abandoned) == (5, 1)
    assert abandoned(tickets, "缴费").rate == 0.25
    assert abandoned([]).rate == 0.0


def test_staffing_report_by_hand():
    report = staffing_report(_log().tickets)
    json.dumps(report, allow_nan=False)  # plain JSON for `staffing --json`
    monday_830, monday_900, tuesday = report["intervals"]

    # Monday 08:30: 1.5 tickets per half hour = 3 an hour × 3 min = 0.15 erlangs; one counter
    # is M/M/1, where P(wait) = ρ and the service level is 1 − ρ·e^{−(1−ρ)·10/3}.
    rho = 0.15
    assert monday_830 == {
        "weekday": 1,
        "start": "08:30",
        "business_type": "缴费",
        "arrivals": 1.5,
        "aht_minutes": 3.0,
        "counters": 1,
        "service_level": round(1 - rho * math.exp(-(1 - rho) * 10 / 3), 4),
        "expected_wait_minutes": round(rho * 3 / (1 - rho), 2),
    }
    assert monday_830["service_level"] == 0.9912 and monday_830["expected_wait_minutes"] == 0.53
    assert (monday_900["arrivals"], monday_900["counters"]) == (0.5, 1)

    # Tuesday: 2 an hour × 20 min = 2/3 erlang. One counter: 1 − ⅔·e^{−⅓·10/20} ≈ 0.436, too
    # few; two counters: C = 2·B/(2 − A(1 − B)) with B = (A²/2)/(1 + A + A²/2).
    a = 2 / 3
    assert 1 - a * math.exp(-(1 - a) * 10 / 20) < 0.8
    b = (a * a / 2) / (1 + a + a * a / 2)
    c = 2 * b / (2 - a * (1 - b))
    assert tuesday["counters"] == 2
    assert tuesday["service_level"] == round(1 - c * math.exp(-(2 - a) * 10 / 20), 4)
    assert tuesday["expected_wait_minutes"] == round(c * 20 / (2 - a), 2)


def test_staffing_report_shrinkage_adds_counters_only():
    plain = staffing_report(_log().tickets)["intervals"]
    shrunk = staffing_report(_log().tickets, shrinkage=0.5)["intervals"]
    assert [e["counters"] for e in shrunk] == [2, 2, 4]
    for before, after in zip(plain, shrunk, strict=True):
        assert after["service_level"] == before["service_level"]


def test_staffing_report_type_with_no_served_ticket_borrows_hall_mean():
    text = TEXT + "C001,咨询,2024-03-04 11:00:00,,,\n"
    intervals = staffing_report(_log(text).tickets)["intervals"]
    (entry,) = [e for e in intervals if e["business_type"] == "咨询"]
    assert entry["aht_minutes"] == round((4 + 2 + 3 + 20) / 4, 2)


def test_an_xlsx_log_reads_like_the_csv(tmp_path):
    import datetime as dt
    import io

    import openpyxl

    from hallsupervisor.domain.staffing.tickets import read_ticket_log

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["票号", "业务类型", "取号时间", "叫号时间", "办结时间", "窗口"])
    sheet.append(
        [
            1,
            "pay",
            dt.datetime(2026, 11, 23, 8, 40),
            dt.datetime(2026, 11, 23, 8, 42),
            dt.datetime(2026, 11, 23, 8, 45),
            "1号窗口",
        ]
    )
    sheet.append(["B002", "enquiry", "2026-11-23 09:10:00", None, None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    log = read_ticket_log(buffer.getvalue())
    assert [(t.ticket_no, t.business_type, t.issued_at, t.abandoned) for t in log.tickets] == [
        ("1", "pay", dt.datetime(2026, 11, 23, 8, 40), False),
        ("B002", "enquiry", dt.datetime(2026, 11, 23, 9, 10), True),
    ]


def test_a_damaged_xlsx_is_refused_with_a_message():
    import pytest

    from hallsupervisor.domain.staffing.tickets import TicketLogError, read_ticket_log

    with pytest.raises(TicketLogError) as refused:
        read_ticket_log(b"PK\x03\x04" + b"not really a workbook" * 10)
    assert "Excel" in str(refused.value.problems[0])


def test_excels_unicode_text_export_reads_like_the_csv():
    """Excel's 「Unicode 文本」 save is UTF-16 with tabs; it gives the same tickets."""
    tabbed = TEXT.replace(",", "\t")
    data = b"\xff\xfe" + tabbed.encode("utf-16-le")
    assert read_ticket_log(data).tickets == _log().tickets


def test_a_file_that_is_not_text_is_refused_in_plain_words():
    png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4
    with pytest.raises(TicketLogError) as refused:
        read_ticket_log(png)
    message = str(refused.value.problems[0])
    assert "另存为 CSV" in message and "line" not in message  # no Python error text
