"""The queue-ticket machine's log (取号机记录) and what it says about staffing.

Reading checks the whole file and lists every problem with its row (the header is row 1), so a
supervisor fixes the export in one go; a file with any problem gives no tickets at all.
"""

from __future__ import annotations

import csv
import io
import math
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message
from hallsupervisor.domain.staffing.queueing import counters_needed

CTX = "Staffing"
MAX_PROBLEMS = 50
FIELDS = ("ticket_no", "business_type", "issued_at", "called_at", "finished_at", "counter")
OPTIONAL = ("counter",)
# How the import's column-mapping step names each field.
FIELD_LABELS = {
    "ticket_no": QT_TRANSLATE_NOOP("Staffing", "票号"),
    "business_type": QT_TRANSLATE_NOOP("Staffing", "业务类型"),
    "issued_at": QT_TRANSLATE_NOOP("Staffing", "取号时间"),
    "called_at": QT_TRANSLATE_NOOP("Staffing", "叫号时间"),
    "finished_at": QT_TRANSLATE_NOOP("Staffing", "办结时间"),
    "counter": QT_TRANSLATE_NOOP("Staffing", "窗口（可不选）"),
}
# Headers recognised without a mapping: our names and the usual Chinese ones.
ALIASES = {
    "ticket_no": ("票号",),
    "business_type": ("业务类型",),
    "issued_at": ("取号时间",),
    "called_at": ("叫号时间",),
    "finished_at": ("办结时间",),
    "counter": ("窗口",),
}
TIME_FORMATS = ("%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y/%m/%d %H:%M")


@dataclass(frozen=True)
class Ticket:
    ticket_no: str
    business_type: str
    issued_at: datetime
    called_at: datetime | None  # None: the customer left before being called
    finished_at: datetime | None  # None: never served (left, or absent when called)
    counter: str = ""

    @property
    def abandoned(self) -> bool:
        return self.finished_at is None


@dataclass(frozen=True)
class TicketLog:
    tickets: list[Ticket]
    header: tuple[str, ...] = ()  # the file's header row, as read


class TicketLogError(ValueError):
    """The file was refused; `problems` lists each problem with its row."""

    def __init__(self, problems: list[Message]):
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


# --- reading ---------------------------------------------------------------------------------


def read_ticket_log(data: bytes, mapping: dict | None = None) -> TicketLog:
    """Parse a CSV (UTF-8 or GBK) or .xlsx log; `mapping` maps our field names to another
    vendor's column names."""
    unknown = sorted(set(mapping or {}) - set(FIELDS))
    if unknown:
        raise ValueError(f"unknown ticket fields in mapping: {unknown}")
    problems: list[Message] = []
    tickets: list[Ticket] = []
    rows = read_rows(data)
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise TicketLogError([_msg(QT_TRANSLATE_NOOP("Staffing", "文件是空的，没有表头行。"))])
    columns = _columns(rows[0], mapping or {}, problems)
    if problems:
        raise TicketLogError(problems)
    seen: dict[tuple[date, str], int] = {}
    for row_no, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue  # blank lines that spreadsheets leave at the end
        ticket = _ticket(row_no, row, columns, problems)
        if ticket is None:
            continue
        # Ticket numbers restart every day, so a duplicate is the same number on the same day.
        key = (ticket.issued_at.date(), ticket.ticket_no)
        if key in seen:
            _problem(
                problems,
                row_no,
                QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：票号 {ticket} 与第 {first} 行重复。"),
                ticket=ticket.ticket_no,
                first=seen[key],
            )
        else:
            seen[key] = row_no
            tickets.append(ticket)
    if problems:
        raise TicketLogError(_capped(problems))
    return TicketLog(tickets, tuple(rows[0]))


XLSX_MAGIC = b"PK\x03\x04"  # an .xlsx file is a zip archive
NOT_A_TABLE = QT_TRANSLATE_NOOP(
    "Staffing",
    "这个文件不是能读取的表格：请在取号机或 Excel 中另存为 CSV（逗号分隔）或 .xlsx 后再导入。",
)


def read_rows(data: bytes) -> list[list[str]]:
    """The file as rows of text cells: CSV in UTF-8 (BOM or not) or GBK/GB18030, or .xlsx."""
    if data.startswith(XLSX_MAGIC):
        return _xlsx_rows(data)
    text = _decode(data)
    if "\x00" in text:  # a picture, a zip, an old .xls: not text at all
        raise TicketLogError([_msg(NOT_A_TABLE)])
    first_line = text.split("\n", 1)[0]
    # Excel's "Unicode text" export is tab-separated; a CSV file uses commas.
    delimiter = "\t" if "\t" in first_line and "," not in first_line else ","
    try:
        return list(csv.reader(io.StringIO(text), delimiter=delimiter))
    except csv.Error as exc:
        raise TicketLogError([_msg(NOT_A_TABLE)]) from exc


def layout_signature(header: list[str]) -> str:
    """What identifies a vendor's file layout: its header cells, trimmed, in order."""
    return "|".join(cell.strip().lower() for cell in header)


def guess_mapping(header: list[str]) -> dict[str, str]:
    """Our field → the header cell that holds it, for the names we recognise."""
    cells = {cell.strip().lower(): cell.strip() for cell in header if cell.strip()}
    mapping = {}
    for name in FIELDS:
        for wanted in (name, *ALIASES[name]):
            if wanted.lower() in cells:
                mapping[name] = cells[wanted.lower()]
                break
    return mapping


def _xlsx_rows(data: bytes) -> list[list[str]]:
    """The first sheet of an Excel workbook as rows of text, like a CSV file reads."""
    from zipfile import BadZipFile

    import openpyxl  # imported here: only ticket imports need it

    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (BadZipFile, KeyError, ValueError, OSError) as exc:
        raise TicketLogError(
            [
                _msg(
                    QT_TRANSLATE_NOOP(
                        "Staffing", "这个 Excel 文件已损坏或不是 .xlsx 工作簿，无法读取。"
                    )
                )
            ]
        ) from exc
    try:
        sheet = book.worksheets[0]
        return [[_cell_text(value) for value in row] for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()


def _cell_text(value) -> str:
    # Excel stores times as dates and ticket numbers as numbers: write them as the CSV would.
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _decode(data: bytes) -> str:
    # Machines and our own exports write UTF-8 (often with BOM); Chinese Excel saves GBK,
    # which GB18030 covers. GB18030 decodes any byte string, so it comes last.
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # Excel's "Unicode text" is UTF-16
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("gb18030", errors="replace")


def _columns(header: list[str], mapping: dict, problems: list[Message]) -> dict[str, int]:
    index = {cell.strip().lower(): i for i, cell in enumerate(header)}
    columns = {}
    for name in FIELDS:
        wanted = [mapping[name]] if name in mapping else [name, *ALIASES[name]]
        found = [index[w.strip().lower()] for w in wanted if w.strip().lower() in index]
        if found:
            columns[name] = found[0]
        elif name not in OPTIONAL:
            _problem(
                problems,
                1,
                QT_TRANSLATE_NOOP("Staffing", "第 {row} 行（表头）：缺少“{column}”列。"),
                column=wanted[0],
            )
    return columns


def _ticket(row_no: int, row: list[str], columns: dict[str, int], problems: list[Message]):
    def cell(name: str) -> str:
        i = columns.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    before = len(problems)
    ticket_no, business = cell("ticket_no"), cell("business_type")
    if not ticket_no:
        _problem(problems, row_no, QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：没有票号。"))
    if not business:
        _problem(problems, row_no, QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：没有业务类型。"))
    issued = _time(row_no, cell("issued_at"), problems, required=True)
    called = _time(row_no, cell("called_at"), problems)
    finished = _time(row_no, cell("finished_at"), problems)
    if len(problems) > before:
        return None
    if called is not None and called < issued:
        _problem(
            problems, row_no, QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：叫号时间早于取号时间。")
        )
    if finished is not None and called is None:
        _problem(
            problems,
            row_no,
            QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：有办结时间却没有叫号时间。"),
        )
    elif finished is not None and finished < called:
        _problem(
            problems, row_no, QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：办结时间早于叫号时间。")
        )
    if len(problems) > before:
        return None
    return Ticket(ticket_no, business, issued, called, finished, cell("counter"))


def _time(row_no: int, text: str, problems: list[Message], required: bool = False):
    if not text:
        if required:
            _problem(problems, row_no, QT_TRANSLATE_NOOP("Staffing", "第 {row} 行：没有取号时间。"))
        return None
    for fmt in TIME_FORMATS:
        try:
            return datetime.strptime(text, fmt)
        except ValueError:
            pass
    _problem(
        problems,
        row_no,
        QT_TRANSLATE_NOOP(
            "Staffing", "第 {row} 行：时间“{value}”无法识别，应为 2024-03-01 08:30:00 这样的格式。"
        ),
        value=text,
    )
    return None


def _msg(text: str, **args) -> Message:
    return Message(CTX, text, args)


def _problem(problems: list[Message], row: int, text: str, **args) -> None:
    problems.append(Message(CTX, text, {"row": row, **args}))


def _capped(problems: list[Message]) -> list[Message]:
    if len(problems) <= MAX_PROBLEMS:
        return problems
    rest = problems[MAX_PROBLEMS - 1 :]
    note = Message(
        CTX,
        QT_TRANSLATE_NOOP("Staffing", "第 {row} 行起还有 {count} 个问题，请先改正以上问题。"),
        {"row": rest[0].args["row"], "count": len(rest)},
    )
    return problems[: MAX_PROBLEMS - 1] + [note]


# --- analysis --------------------------------------------------------------------------------


@dataclass(frozen=True)
class WaitSummary:
    called: int
    mean_minutes: float
    max_minutes: float
    within_target: float  # share of called tickets called within the target


@dataclass(frozen=True)
class Abandonment:
    issued: int
    abandoned: int
    rate: float


def _minutes(start: datetime, end: datetime) -> float:
    return (end - start).total_seconds() / 60.0


def _interval_start(moment: datetime, interval_minutes: int) -> str:
    minute = (moment.hour * 60 + moment.minute) // interval_minutes * interval_minutes
    return f"{minute // 60:02d}:{minute % 60:02d}"


def arrivals_by_interval(
    tickets: list[Ticket], interval_minutes: int = 30
) -> dict[tuple[int, str, str], float]:
    """Mean tickets per (ISO weekday, interval start "HH:MM", business type).

    The mean is over the distinct dates of that weekday anywhere in the log, so a quiet type on
    a day when others came counts as zero for that day.
    """
    if not isinstance(interval_minutes, int) or interval_minutes <= 0 or 1440 % interval_minutes:
        raise ValueError(f"interval must divide a day into whole minutes, got {interval_minutes!r}")
    days: dict[int, set[date]] = defaultdict(set)
    counts: dict[tuple[int, str, str], int] = defaultdict(int)
    for t in tickets:
        weekday = t.issued_at.isoweekday()
        days[weekday].add(t.issued_at.date())
        counts[(weekday, _interval_start(t.issued_at, interval_minutes), t.business_type)] += 1
    return {key: n / len(days[key[0]]) for key, n in sorted(counts.items())}


def handling_minutes(tickets: list[Ticket]) -> dict[str, float]:
    """Mean finished − called per business type, over the tickets that were served."""
    times: dict[str, list[float]] = defaultdict(list)
    for t in tickets:
        if t.called_at is not None and t.finished_at is not None:
            times[t.business_type].append(_minutes(t.called_at, t.finished_at))
    return {kind: sum(v) / len(v) for kind, v in sorted(times.items())}


def actual_waits(tickets: list[Ticket], target_wait_minutes: float = 10) -> dict[str, WaitSummary]:
    """Issued → called per business type, over the tickets that were called."""
    waits: dict[str, list[float]] = defaultdict(list)
    for t in tickets:
        if t.called_at is not None:
            waits[t.business_type].append(_minutes(t.issued_at, t.called_at))
    return {
        kind: WaitSummary(
            called=len(v),
            mean_minutes=sum(v) / len(v),
            max_minutes=max(v),
            within_target=sum(w <= target_wait_minutes for w in v) / len(v),
        )
        for kind, v in sorted(waits.items())
    }


def abandoned(tickets: list[Ticket], business_type: str | None = None) -> Abandonment:
    """Tickets never served (left before the call, or absent when called), for one type or all."""
    chosen = [t for t in tickets if business_type is None or t.business_type == business_type]
    left = sum(t.abandoned for t in chosen)
    return Abandonment(len(chosen), left, left / len(chosen) if chosen else 0.0)


def staffing_report(
    tickets: list[Ticket],
    *,
    interval: int = 30,
    target_wait: float = 10,
    service_level: float = 0.8,
    shrinkage: float = 0.0,
) -> dict:
    """The object `hallsupervisor staffing --tickets FILE --json` prints.

    `counters` includes shrinkage; `service_level` and `expected_wait_minutes` are for the
    counters actually open before shrinkage is added, since shrinkage is time the extra staff
    spend away from the queue. A type with no served ticket borrows the hall-wide mean handling
    time. Where no sane number of counters copes, `counters` is the cap and the wait is null.
    """
    handling = handling_minutes(tickets)
    served = [
        _minutes(t.called_at, t.finished_at)
        for t in tickets
        if t.called_at is not None and t.finished_at is not None
    ]
    fallback = sum(served) / len(served) if served else 0.0
    intervals = []
    for (weekday, start, kind), arrivals in arrivals_by_interval(tickets, interval).items():
        aht = handling.get(kind, fallback)
        need = counters_needed(
            arrivals * 60.0 / interval,
            aht,
            target_wait_minutes=target_wait,
            service_level=service_level,
            shrinkage=shrinkage,
        )
        wait = need.expected_wait_minutes
        intervals.append(
            {
                "weekday": weekday,
                "start": start,
                "business_type": kind,
                "arrivals": round(arrivals, 2),
                "aht_minutes": round(aht, 2),
                "counters": need.counters,
                "service_level": round(need.service_level, 4),
                "expected_wait_minutes": round(wait, 2) if math.isfinite(wait) else None,
            }
        )
    return {"intervals": intervals}
