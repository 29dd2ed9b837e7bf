"""Read-only figures for the inspection trends and history: fast queries, no Qt.

Trends read the summary columns that every round keeps up to date (score, section_scores,
failed…) through the index `rounds_by_date`, never the answers, so ten years of history
chart in milliseconds. Only the drill-down of one day and the Pareto of failed items read
answers: the day's rounds by their key, the failures through `answers_by_item`.

A round counts in the trends once it is complete (every item answered); rounds still being
filled in would pull a day's score around while the supervisor walks the hall.
"""

from __future__ import annotations

import datetime as _dt
import json
from typing import NamedTuple

# Result filters of the history list.
FAILED = "failed"
BELOW_90 = "below_90"
UNSIGNED = "unsigned"
RESULT_FILTERS = (None, FAILED, BELOW_90, UNSIGNED)

PASS_LINE = 90.0  # State Grid's pass line for service scores


class DayScore(NamedTuple):
    day: _dt.date
    score: float  # mean of the day's complete rounds
    rounds: int


class WeekScore(NamedTuple):
    week_start: _dt.date  # the Monday of the ISO week
    iso_year: int
    iso_week: int
    score: float  # mean over the week's rounds (not of the daily means)
    rounds: int


class SectionSeries(NamedTuple):
    key: str
    title: str
    title_en: str
    points: list[tuple[_dt.date, float]]  # (day, mean section score), days with a score only


class Failure(NamedTuple):
    round_id: str
    round_name: str
    time: str  # HH:MM the round started
    item_key: str
    item_text: str
    note: str
    severity: str


class ParetoRow(NamedTuple):
    item_key: str
    text: str
    text_en: str
    count: int
    cumulative_percent: float  # share of all failures in the period up to this row


class WeekOnTime(NamedTuple):
    week_start: _dt.date  # Monday of the ISO week the actions were due in
    on_time: int  # closed (verified) by their due date
    due: int  # actions due that week
    share: float | None  # on_time / due, None for a week with nothing due


class HistoryRow(NamedTuple):
    round_id: str
    day: _dt.date
    time: str  # HH:MM started
    round_name: str
    template_name: str
    template_version: int
    score: float | None
    failed: int
    signed_by: str  # "" while unsigned
    signed: bool
    complete: bool


def _iso(day: _dt.date) -> str:
    return day.isoformat()


def _complete(alias: str = "r") -> str:
    return f"{alias}.completed_at IS NOT NULL AND {alias}.score IS NOT NULL"


# -- scores over time ----------------------------------------------------------------------
def daily_scores(store, hall_id: str, start: _dt.date, end: _dt.date) -> list[DayScore]:
    """Each day from start to end (inclusive) with complete rounds: the mean score."""
    rows = store.conn.execute(
        "SELECT r.round_date, avg(r.score), count(*) FROM rounds r INDEXED BY rounds_by_date "
        f"WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ? AND {_complete()} "
        "GROUP BY r.round_date ORDER BY r.round_date",
        (hall_id, _iso(start), _iso(end)),
    ).fetchall()
    return [DayScore(_dt.date.fromisoformat(d), score, n) for d, score, n in rows]


def weekly_scores(store, hall_id: str, start: _dt.date, end: _dt.date) -> list[WeekScore]:
    """ISO weeks (Monday to Sunday) touching start..end, the mean over their rounds.

    Only rounds between start and end count, so the first and last week may be partial.
    """
    return weeks_of(daily_scores(store, hall_id, start, end))


def weeks_of(days: list[DayScore]) -> list[WeekScore]:
    """Daily scores gathered into ISO weeks (for a caller that has the days already)."""
    weeks: dict[tuple[int, int], list[float]] = {}
    for day in days:
        year, week, _ = day.day.isocalendar()
        total = weeks.setdefault((year, week), [0.0, 0])
        total[0] += day.score * day.rounds
        total[1] += day.rounds
    return [
        WeekScore(_dt.date.fromisocalendar(year, week, 1), year, week, total / count, count)
        for (year, week), (total, count) in sorted(weeks.items())
    ]


def section_titles(store, hall_id: str) -> dict[str, tuple[str, str]]:
    """Section key → (title, title_en) as the newest template version that has it says."""
    rows = store.conn.execute(
        "SELECT s.key, s.title, s.title_en FROM template_sections s "
        "JOIN templates t ON t.id = s.template_id WHERE t.hall_id = ? "
        "ORDER BY t.version, t.created_at, s.sort_order",
        (hall_id,),
    ).fetchall()
    return {key: (title, title_en) for key, title, title_en in rows}  # the newest wins


def current_sections(store, hall_id: str) -> list[tuple[str, str, str]]:
    """(key, title, title_en) of the sections of each template's newest version, in order."""
    rows = store.conn.execute(
        "SELECT s.key, s.title, s.title_en FROM template_sections s "
        "JOIN templates t ON t.id = s.template_id "
        "WHERE t.hall_id = ? AND t.deleted_at IS NULL AND t.version = ("
        " SELECT max(version) FROM templates u WHERE u.family_id = t.family_id) "
        # Templates in the order they were first made, whatever version is newest now.
        "ORDER BY (SELECT min(u.created_at) FROM templates u WHERE u.family_id = t.family_id), "
        "t.family_id, s.sort_order",
        (hall_id,),
    ).fetchall()
    sections: dict[str, tuple[str, str, str]] = {}
    for key, title, title_en in rows:
        sections.setdefault(key, (key, title, title_en))
    return list(sections.values())


def section_daily_scores(
    store,
    hall_id: str,
    start: _dt.date,
    end: _dt.date,
    keys: list[str] | tuple[str, ...] | set[str] | None = None,
) -> list[SectionSeries]:
    """Per section key (or only `keys`), the daily mean of the section's score.

    Read from rounds.section_scores. A section where nothing was scored in a round (all not
    applicable) is left out of that day's mean. Series come in the order of the newest
    templates' sections, keys no longer in a template last.
    """
    wanted = None if keys is None else set(keys)
    if wanted is not None and not wanted:
        return []
    rows = store.conn.execute(
        "SELECT r.round_date, r.section_scores FROM rounds r INDEXED BY rounds_by_date "
        f"WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ? AND {_complete()} "
        "ORDER BY r.round_date",
        (hall_id, _iso(start), _iso(end)),
    ).fetchall()
    sums: dict[str, dict[str, list[float]]] = {}
    loads = json.loads
    for day, scores in rows:
        for key, value in loads(scores or "{}").items():
            if value is None or (wanted is not None and key not in wanted):
                continue
            total = sums.setdefault(key, {}).setdefault(day, [0.0, 0])
            total[0] += value
            total[1] += 1
    titles = section_titles(store, hall_id)
    order = {key: index for index, (key, _, _) in enumerate(current_sections(store, hall_id))}
    return [
        SectionSeries(
            key,
            *titles.get(key, (key, key)),
            [(_dt.date.fromisoformat(day), total / n) for day, (total, n) in days.items()],
        )
        for key, days in sorted(sums.items(), key=lambda kv: (order.get(kv[0], 10**6), kv[0]))
    ]


# -- failures -----------------------------------------------------------------------------------
def failures_on(store, hall_id: str, day: _dt.date) -> list[Failure]:
    """The failed answers behind a day's score, in the order they were found."""
    rows = store.conn.execute(
        "SELECT r.id, r.name, r.started_at, a.item_key, i.text, a.note, i.severity "
        "FROM rounds r INDEXED BY rounds_by_date "
        "JOIN answers a ON a.round_id = r.id "
        "JOIN template_items i ON i.id = a.item_id "
        "JOIN template_sections s ON s.id = i.section_id "
        "WHERE r.hall_id = ? AND r.round_date = ? AND a.result = 'fail' "
        "ORDER BY r.started_at, r.name, s.sort_order, i.sort_order",
        (hall_id, _iso(day)),
    ).fetchall()
    return [
        Failure(round_id, name, (started or "")[11:16], key, text, note, severity)
        for round_id, name, started, key, text, note, severity in rows
    ]


def item_texts(store, hall_id: str) -> dict[str, tuple[str, str]]:
    """Item key → (text, text_en) of the newest template version that has the key."""
    rows = store.conn.execute(
        "SELECT i.key, i.text, i.text_en FROM template_items i "
        "JOIN templates t ON t.id = i.template_id WHERE t.hall_id = ? "
        "ORDER BY t.version, t.created_at",
        (hall_id,),
    ).fetchall()
    return {key: (text, text_en) for key, text, text_en in rows}


# Relative costs of reading one answer row for the Pareto (see _failure_counts), measured on
# ten years of history: walking a round's answers is ~8 times cheaper per row than fetching
# a failed answer found through answers_by_item (which must look up the answer and its round).
_ROW_VIA_ROUND = 1.0
_ROW_VIA_INDEX = 8.0


def pareto(store, hall_id: str, start: _dt.date, end: _dt.date, limit: int = 15) -> list[ParetoRow]:
    """The items that failed most often between start and end, by item key (across versions).

    The cumulative percentage is of all failures in the period, so the last row shows how
    much of the trouble the listed items explain. Texts are the newest version's.
    """
    texts = item_texts(store, hall_id)
    if not texts:
        return []
    counts = _failure_counts(store, hall_id, start, end, list(texts))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    total = sum(counts.values())
    result, running = [], 0
    for key, n in rows[:limit]:
        running += n
        text, text_en = texts.get(key, (key, ""))
        result.append(ParetoRow(key, text, text_en, n, 100 * running / total))
    return result


def _failure_counts(store, hall_id: str, start: _dt.date, end: _dt.date, keys: list[str]):
    """Failed answers per item key between start and end, read the cheapest way.

    * all failures through answers_by_item (hall, key, 'fail'): the index alone counts
      them; a date range needs each answer's round, one lookup per failure;
    * the period's rounds (rounds_by_date) and their answers: cost grows with the period;
    * everything minus the rounds outside the period: for a period of nearly all history.
    The summary columns say how many answers each way reads, so the choice is made first.
    """
    marks = ", ".join("?" for _ in keys)
    by_item = (
        "FROM answers a INDEXED BY answers_by_item "
        f"WHERE a.hall_id = ? AND a.item_key IN ({marks}) AND a.result = 'fail'"
    )
    failures = store.scalar(f"SELECT count(*) {by_item}", (hall_id, *keys))
    if not failures:
        return {}
    span = store.conn.execute(
        "SELECT min(round_date), max(round_date), "
        "sum(CASE WHEN round_date BETWEEN ? AND ? THEN passed + failed + not_applicable "
        "+ unanswered ELSE 0 END), sum(passed + failed + not_applicable + unanswered) "
        "FROM rounds INDEXED BY rounds_by_date WHERE hall_id = ?",
        (_iso(start), _iso(end), hall_id),
    ).fetchone()
    first, last, inside, everything = span[0], span[1], span[2] or 0, span[3] or 0
    outside = everything - inside
    # Answers rows of rounds are an estimate: unanswered items have no row yet.
    costs = {
        "index": _ROW_VIA_INDEX * failures,
        "inside": _ROW_VIA_ROUND * inside,
        "outside": _ROW_VIA_ROUND * outside,
    }
    if first is not None and _iso(start) <= first and last <= _iso(end):
        costs = {"all": 0.0}
    way = min(costs, key=costs.get)
    if way in ("all", "outside"):
        counts = dict(
            store.conn.execute(
                f"SELECT a.item_key, count(*) {by_item} GROUP BY a.item_key", (hall_id, *keys)
            ).fetchall()
        )
        if way == "outside":
            for before, after in (
                (first, _iso(start - _dt.timedelta(days=1))),
                (_iso(end + _dt.timedelta(days=1)), last),
            ):
                if before <= after:
                    for key, n in _round_failures(store, hall_id, before, after):
                        counts[key] = counts.get(key, 0) - n
        return {key: n for key, n in counts.items() if n}
    if way == "inside":
        return dict(_round_failures(store, hall_id, _iso(start), _iso(end)))
    return dict(
        store.conn.execute(
            "SELECT a.item_key, count(*) FROM answers a INDEXED BY answers_by_item "
            "JOIN rounds r ON r.id = a.round_id "
            f"WHERE a.hall_id = ? AND a.item_key IN ({marks}) AND a.result = 'fail' "
            "AND r.round_date BETWEEN ? AND ? GROUP BY a.item_key",
            (hall_id, *keys, _iso(start), _iso(end)),
        ).fetchall()
    )


def _round_failures(store, hall_id: str, first: str, last: str) -> list[tuple[str, int]]:
    return store.conn.execute(
        "SELECT a.item_key, count(*) FROM rounds r INDEXED BY rounds_by_date "
        "JOIN answers a ON a.round_id = r.id "
        "WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ? AND a.result = 'fail' "
        "GROUP BY a.item_key",
        (hall_id, first, last),
    ).fetchall()


# -- corrective actions ----------------------------------------------------------------------------
def actions_on_time_by_week(
    store, hall_id: str, start: _dt.date, end: _dt.date, today: _dt.date | None = None
) -> list[WeekOnTime]:
    """Per ISO week, of the corrective actions due that week, how many were closed by then.

    Withdrawn actions (a failure keyed in error) are left out; weeks that have not started
    by `today` too (see actions.closed_on_time_by_week). The day an action was closed is
    the local calendar day of its UTC timestamp.
    """
    from hallsupervisor.domain.inspection import actions as action_rules

    # Grouped in SQL so ten years of actions cost a few thousand rows, not tens of thousands.
    rows = store.conn.execute(
        "SELECT due_date, date(closed_at, 'localtime') AS closed_on, count(*) "
        "FROM corrective_actions INDEXED BY actions_open "
        "WHERE hall_id = ? AND status IN ('open', 'verified') AND due_date BETWEEN ? AND ? "
        "GROUP BY due_date, closed_on",
        (hall_id, _iso(start), _iso(end)),
    ).fetchall()
    dates: dict[str, _dt.date] = {}

    def day(text: str) -> _dt.date:
        if text not in dates:
            dates[text] = _dt.date.fromisoformat(text)
        return dates[text]

    pairs: list[tuple[_dt.date, _dt.date | None]] = []
    for due, closed, count in rows:
        pairs += [(day(due), day(closed) if closed else None)] * count
    weeks = action_rules.closed_on_time_by_week(pairs, today or _dt.date.today())
    return [WeekOnTime(*week) for week in weeks]


# -- history list ----------------------------------------------------------------------------------
def _history_where(
    hall_id: str,
    start: _dt.date | None,
    end: _dt.date | None,
    round_name: str | None,
    family_id: str | None,
    result: str | None,
) -> tuple[str, list]:
    if result not in RESULT_FILTERS:
        raise ValueError(f"unknown result filter {result!r}")
    where, params = ["r.hall_id = ?"], [hall_id]
    if start is not None:
        where.append("r.round_date >= ?")
        params.append(_iso(start))
    if end is not None:
        where.append("r.round_date <= ?")
        params.append(_iso(end))
    if round_name:
        where.append("r.name = ?")
        params.append(round_name)
    if family_id:
        where.append("t.family_id = ?")
        params.append(family_id)
    if result == FAILED:
        where.append("r.failed > 0")
    elif result == BELOW_90:
        where.append(f"r.score < {PASS_LINE}")
    elif result == UNSIGNED:
        where.append("r.signed_at IS NULL")
    return " AND ".join(where), params


def history(
    store,
    hall_id: str,
    *,
    start: _dt.date | None = None,
    end: _dt.date | None = None,
    round_name: str | None = None,
    family_id: str | None = None,
    result: str | None = None,
    limit: int = 200,
    offset: int = 0,
) -> list[HistoryRow]:
    """Rounds newest first, filtered; one page of `limit` rows from `offset`."""
    where, params = _history_where(hall_id, start, end, round_name, family_id, result)
    rows = store.conn.execute(
        "SELECT r.id, r.round_date, r.started_at, r.name, t.name, t.version, r.score, r.failed, "
        "r.signed_by_name, r.signed_at IS NOT NULL, r.completed_at IS NOT NULL "
        "FROM rounds r INDEXED BY rounds_by_date JOIN templates t ON t.id = r.template_id "
        f"WHERE {where} ORDER BY r.round_date DESC, r.started_at DESC, r.id LIMIT ? OFFSET ?",
        (*params, limit, offset),
    ).fetchall()
    return [
        HistoryRow(
            rid,
            _dt.date.fromisoformat(day),
            (started or "")[11:16],
            name,
            template,
            version,
            score,
            failed,
            signer,
            bool(signed),
            bool(complete),
        )
        for rid, day, started, name, template, version, score, failed, signer, signed, complete in rows
    ]


def history_count(
    store,
    hall_id: str,
    *,
    start: _dt.date | None = None,
    end: _dt.date | None = None,
    round_name: str | None = None,
    family_id: str | None = None,
    result: str | None = None,
) -> int:
    where, params = _history_where(hall_id, start, end, round_name, family_id, result)
    join = " JOIN templates t ON t.id = r.template_id" if family_id else ""
    return store.scalar(
        f"SELECT count(*) FROM rounds r INDEXED BY rounds_by_date{join} WHERE {where}", params
    )


def round_names(store, hall_id: str) -> list[str]:
    """The names rounds have had, the day plan's first (in plan order), then the rest."""
    planned = [
        name
        for (name,) in store.conn.execute(
            "SELECT name FROM round_plans WHERE hall_id = ? AND deleted_at IS NULL "
            "ORDER BY time, sort_order",
            (hall_id,),
        )
    ]
    used = [
        name
        for (name,) in store.conn.execute(
            "SELECT DISTINCT name FROM rounds WHERE hall_id = ? ORDER BY name", (hall_id,)
        )
    ]
    return list(dict.fromkeys(planned + used))


def template_families(store, hall_id: str) -> list[tuple[str, str]]:
    """(family_id, name of the newest version) of every template the hall has."""
    rows = store.conn.execute(
        "SELECT family_id, name FROM templates WHERE hall_id = ? ORDER BY version, created_at",
        (hall_id,),
    ).fetchall()
    names = {family: name for family, name in rows}
    return sorted(names.items(), key=lambda kv: kv[1])


def history_span(store, hall_id: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day with a round."""
    row = store.conn.execute(
        "SELECT min(round_date), max(round_date) FROM rounds WHERE hall_id = ?", (hall_id,)
    ).fetchone()
    if not row or row[0] is None:
        return None
    return _dt.date.fromisoformat(row[0]), _dt.date.fromisoformat(row[1])


def section_scores_of(row_json: str) -> dict[str, float | None]:
    """rounds.section_scores as a dict (a helper for callers holding a raw row)."""
    return json.loads(row_json or "{}")
