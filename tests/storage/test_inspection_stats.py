"""Trend and history queries against a small hall whose figures are worked out by hand.

The checklist weighs A-01 1, A-02 1, B-01 2, B-02 1 (5 in all):

| round | day        | family | answers                       | score | A   | B     |
|-------|------------|--------|-------------------------------|-------|-----|-------|
| R1    | 11-02 Mon  | main   | A-02 fail                     | 80    | 50  | 100   |
| R2    | 11-02      | main   | all pass                      | 100   | 100 | 100   |
| R3    | 11-04 Wed  | main   | A-02 fail, B-01 fail          | 40    | 50  | 33.3  |
| R4    | 11-04      | main   | only A-01 (not finished)      | (100) | –   | –     |
| R5    | 11-09 Mon  | main   | B-02 not applicable, rest pass| 100   | 100 | 100   |
| R6    | 11-05 Thu  | spot   | X-01 pass                     | 100   | X: 100      |

R4 is unfinished and unsigned; the others are signed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from hallsupervisor.domain.hall import StaffMember
from hallsupervisor.domain.inspection.model import (
    CRITICAL,
    FAIL,
    MINOR,
    NA,
    PASS,
    Template,
    TemplateItem,
    TemplateSection,
)
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store

D = dt.date


def _main_template() -> Template:
    return Template(
        "营业厅巡检表",
        sections=[
            TemplateSection(
                "A",
                "区域A",
                items=[
                    TemplateItem("A-01", "地面干净"),
                    TemplateItem("A-02", "饮水机有水", severity=MINOR),
                ],
            ),
            TemplateSection(
                "B",
                "区域B",
                items=[
                    TemplateItem("B-01", "灭火器压力正常", weight=2, severity=CRITICAL),
                    TemplateItem("B-02", "叫号机出票正常"),
                ],
            ),
        ],
    )


class Hall:
    def __init__(self, store: Store):
        self.store = store
        profile = get_pack("electricity_hall").profile_defaults("统计测试营业厅")
        profile.staff = [StaffMember("王丽", "GD1001", "supervisor")]
        self.id = halls.create_hall(store, profile)
        self.main = _main_template()
        records.save_template(store, self.id, self.main)
        self.spot = Template(
            "临时检查表",
            sections=[TemplateSection("X", "临时", items=[TemplateItem("X-01", "门口无杂物")])],
        )
        records.save_template(store, self.id, self.spot)
        self.rounds: dict[str, str] = {}

    def round(self, label, day, time, results, *, name="开门检查", template=None, sign=True):
        template = template or self.main
        started = dt.datetime.combine(day, dt.time.fromisoformat(time))
        round_id = records.start_round(
            self.store,
            self.id,
            name=name,
            round_date=day,
            template_id=template.id,
            planned_time=time,
            started_at=started,
        )
        items = {item.key: item for item in template.items()}
        for offset, (key, (result, note)) in enumerate(results.items()):
            at = started + dt.timedelta(minutes=offset + 1)
            records.set_answer(self.store, round_id, items[key], result, note=note, at=at)
        if sign:
            records.sign_round(self.store, round_id, "王丽", at=started + dt.timedelta(minutes=30))
        self.rounds[label] = round_id
        return round_id


def _ok(*keys, result=PASS):
    return {key: (result, "") for key in keys}


@pytest.fixture
def hall(tmp_path):
    store = Store.open(tmp_path / "stats.sqlite")
    hall = Hall(store)
    hall.round(
        "R1",
        D(2026, 11, 2),
        "08:30",
        {**_ok("A-01"), "A-02": (FAIL, "水桶空了"), **_ok("B-01", "B-02")},
    )
    hall.round("R2", D(2026, 11, 2), "12:00", _ok("A-01", "A-02", "B-01", "B-02"), name="午间巡检")
    hall.round(
        "R3",
        D(2026, 11, 4),
        "09:00",
        {**_ok("A-01"), "A-02": (FAIL, "没有纸杯"), "B-01": (FAIL, "压力表在红区"), **_ok("B-02")},
    )
    hall.round("R4", D(2026, 11, 4), "15:00", _ok("A-01"), name="午间巡检", sign=False)
    hall.round("R5", D(2026, 11, 9), "08:30", {**_ok("A-01", "A-02", "B-01"), "B-02": (NA, "")})
    hall.round("R6", D(2026, 11, 5), "10:00", _ok("X-01"), name="临时巡检", template=hall.spot)
    # A later version of the main checklist renames a section and rewords an item: trends
    # show today's wording for the same keys.
    records.update_section(store, hall.main.family_id, "A", title="区域甲")
    records.update_item(store, hall.main.family_id, "A-02", text="饮水机有水，纸杯充足")
    yield hall
    store.close()


def test_daily_scores_are_the_mean_of_complete_rounds(hall):
    days = stats.daily_scores(hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30))
    assert [(d.day, round(d.score, 6), d.rounds) for d in days] == [
        (D(2026, 11, 2), 90.0, 2),  # (80 + 100) / 2
        (D(2026, 11, 4), 40.0, 1),  # R4 is not finished and does not count
        (D(2026, 11, 5), 100.0, 1),
        (D(2026, 11, 9), 100.0, 1),
    ]
    assert stats.daily_scores(hall.store, hall.id, D(2026, 11, 3), D(2026, 11, 4)) == [
        stats.DayScore(D(2026, 11, 4), 40.0, 1)
    ]
    assert stats.daily_scores(hall.store, "another hall", D(2026, 11, 1), D(2026, 11, 30)) == []


def test_weekly_scores_average_the_rounds_of_each_iso_week(hall):
    weeks = stats.weekly_scores(hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30))
    assert [(w.week_start, w.iso_week, round(w.score, 6), w.rounds) for w in weeks] == [
        (D(2026, 11, 2), 45, 80.0, 4),  # (80 + 100 + 40 + 100) / 4, not the mean of days
        (D(2026, 11, 9), 46, 100.0, 1),
    ]


def test_section_daily_scores_use_the_newest_titles(hall):
    series = stats.section_daily_scores(hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30))
    by_key = {s.key: s for s in series}
    assert [s.key for s in series][:2] == ["A", "B"]
    assert by_key["A"].title == "区域甲"  # renamed in the newest version
    assert by_key["B"].title == "区域B"
    assert by_key["X"].title == "临时"
    assert [(d, round(v, 4)) for d, v in by_key["A"].points] == [
        (D(2026, 11, 2), 75.0),
        (D(2026, 11, 4), 50.0),
        (D(2026, 11, 9), 100.0),
    ]
    assert [(d, round(v, 4)) for d, v in by_key["B"].points] == [
        (D(2026, 11, 2), 100.0),
        (D(2026, 11, 4), 33.3333),  # B-01 (weight 2) failed, B-02 passed: 1 / 3
        (D(2026, 11, 9), 100.0),  # B-02 not applicable: only B-01 counts
    ]
    assert by_key["X"].points == [(D(2026, 11, 5), 100.0)]


def test_failures_on_a_day_list_each_failed_answer(hall):
    assert stats.failures_on(hall.store, hall.id, D(2026, 11, 2)) == [
        stats.Failure(
            hall.rounds["R1"], "开门检查", "08:30", "A-02", "饮水机有水", "水桶空了", MINOR
        )
    ]
    failures = stats.failures_on(hall.store, hall.id, D(2026, 11, 4))
    assert [(f.item_key, f.note, f.severity, f.round_name) for f in failures] == [
        ("A-02", "没有纸杯", MINOR, "开门检查"),
        ("B-01", "压力表在红区", CRITICAL, "开门检查"),
    ]
    assert stats.failures_on(hall.store, hall.id, D(2026, 11, 9)) == []


def test_pareto_counts_failures_by_item_key_with_todays_wording(hall):
    rows = stats.pareto(hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30))
    assert [(r.item_key, r.text, r.count, round(r.cumulative_percent, 4)) for r in rows] == [
        ("A-02", "饮水机有水，纸杯充足", 2, 66.6667),
        ("B-01", "灭火器压力正常", 1, 100.0),
    ]
    top = stats.pareto(hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30), limit=1)
    assert [(r.item_key, round(r.cumulative_percent, 4)) for r in top] == [("A-02", 66.6667)]
    later = stats.pareto(hall.store, hall.id, D(2026, 11, 3), D(2026, 11, 30))
    assert [(r.item_key, r.count, r.cumulative_percent) for r in later] == [
        ("A-02", 1, 50.0),
        ("B-01", 1, 100.0),
    ]
    assert stats.pareto(hall.store, hall.id, D(2026, 11, 5), D(2026, 11, 30)) == []


def test_pareto_reads_the_failures_through_the_item_index(hall):
    texts = stats.item_texts(hall.store, hall.id)
    marks = ", ".join("?" for _ in texts)
    plan = hall.store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT a.item_key, count(*) FROM answers a INDEXED BY answers_by_item "
        "JOIN rounds r ON r.id = a.round_id "
        f"WHERE a.hall_id = ? AND a.item_key IN ({marks}) AND a.result = 'fail' "
        "AND r.round_date BETWEEN ? AND ? GROUP BY a.item_key",
        (hall.id, *texts, "2026-11-01", "2026-11-30"),
    ).fetchall()
    detail = " ".join(row[-1] for row in plan)
    assert "answers_by_item (hall_id=? AND item_key=? AND result=?)" in detail


def test_actions_closed_on_time_by_week(hall):
    actions = {
        (a["item_key"], a["found_on"]): a["id"]
        for a in records.list_actions(hall.store, hall.id, status=None)
    }
    # R1's A-02 (due 11-09) was put right the same day; R3's A-02 (due 11-11) by R5 on 11-09;
    # R3's critical B-01 was due the same day (11-04) and only fixed on 11-09: late.
    closed = {
        ("A-02", "2026-11-02"): "2026-11-02T12:00:00.000000Z",
        ("A-02", "2026-11-04"): "2026-11-09T12:00:00.000000Z",
        ("B-01", "2026-11-04"): "2026-11-09T12:00:00.000000Z",
    }
    assert set(actions) == set(closed)
    for key, closed_at in closed.items():
        hall.store.execute(
            "UPDATE corrective_actions SET closed_at = ? WHERE id = ?", (closed_at, actions[key])
        )
    weeks = stats.actions_on_time_by_week(
        hall.store, hall.id, D(2026, 11, 1), D(2026, 11, 30), today=D(2026, 11, 25)
    )
    assert weeks == [
        stats.WeekOnTime(D(2026, 11, 2), 0, 1, 0.0),  # B-01 due 11-04, closed 11-09
        stats.WeekOnTime(D(2026, 11, 9), 2, 2, 1.0),  # A-02 due 11-09 and 11-11
    ]


def _labels(hall, rows):
    names = {v: k for k, v in hall.rounds.items()}
    return [names[r.round_id] for r in rows]


def test_history_lists_rounds_newest_first_with_their_summary(hall):
    rows = stats.history(hall.store, hall.id)
    assert _labels(hall, rows) == ["R5", "R6", "R4", "R3", "R2", "R1"]
    r3 = rows[3]
    assert (r3.day, r3.time, r3.round_name) == (D(2026, 11, 4), "09:00", "开门检查")
    assert (r3.template_name, r3.template_version) == ("营业厅巡检表", 1)
    assert (r3.score, r3.failed, r3.signed_by, r3.signed, r3.complete) == (
        40.0,
        2,
        "王丽",
        True,
        True,
    )
    r4 = rows[2]
    assert (r4.signed_by, r4.signed, r4.complete) == ("", False, False)
    assert stats.history_count(hall.store, hall.id) == 6


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"result": stats.FAILED}, ["R3", "R1"]),
        ({"result": stats.BELOW_90}, ["R3", "R1"]),
        ({"result": stats.UNSIGNED}, ["R4"]),
        ({"round_name": "午间巡检"}, ["R4", "R2"]),
        ({"round_name": "临时巡检"}, ["R6"]),
        ({"start": D(2026, 11, 4), "end": D(2026, 11, 5)}, ["R6", "R4", "R3"]),
        ({"start": D(2026, 11, 5)}, ["R5", "R6"]),
        ({"end": D(2026, 11, 2)}, ["R2", "R1"]),
        ({"round_name": "开门检查", "result": stats.FAILED, "start": D(2026, 11, 3)}, ["R3"]),
        ({"round_name": "不存在"}, []),
    ],
)
def test_history_filters(hall, filters, expected):
    assert _labels(hall, stats.history(hall.store, hall.id, **filters)) == expected
    assert stats.history_count(hall.store, hall.id, **filters) == len(expected)


def test_history_filters_by_template_family(hall):
    spot = stats.history(hall.store, hall.id, family_id=hall.spot.family_id)
    assert _labels(hall, spot) == ["R6"]
    main = stats.history(hall.store, hall.id, family_id=hall.main.family_id)
    assert _labels(hall, main) == ["R5", "R4", "R3", "R2", "R1"]
    assert stats.history_count(hall.store, hall.id, family_id=hall.main.family_id) == 5


def test_history_pages(hall):
    first = stats.history(hall.store, hall.id, limit=4)
    second = stats.history(hall.store, hall.id, limit=4, offset=4)
    assert _labels(hall, first) + _labels(hall, second) == ["R5", "R6", "R4", "R3", "R2", "R1"]
    with pytest.raises(ValueError):
        stats.history(hall.store, hall.id, result="bad")


def test_filter_choices(hall):
    assert stats.round_names(hall.store, hall.id) == ["临时巡检", "午间巡检", "开门检查"]
    # The day plan's rounds come first, in plan order.
    records.add_plan_entry(hall.store, hall.id, "午间巡检", "12:00", hall.main.family_id)
    assert stats.round_names(hall.store, hall.id) == ["午间巡检", "临时巡检", "开门检查"]
    families = dict(stats.template_families(hall.store, hall.id))
    assert families == {hall.main.family_id: "营业厅巡检表", hall.spot.family_id: "临时检查表"}
    assert stats.history_span(hall.store, hall.id) == (D(2026, 11, 2), D(2026, 11, 9))
    assert stats.history_span(hall.store, "another hall") is None


def test_trend_queries_use_the_date_index(hall):
    plan = hall.store.conn.execute(
        "EXPLAIN QUERY PLAN SELECT r.round_date, avg(r.score) FROM rounds r "
        "INDEXED BY rounds_by_date WHERE r.hall_id = ? AND r.round_date BETWEEN ? AND ? "
        "GROUP BY r.round_date",
        (hall.id, "2026-11-01", "2026-11-30"),
    ).fetchall()
    assert "rounds_by_date (hall_id=? AND round_date>? AND round_date<?)" in " ".join(
        row[-1] for row in plan
    )


def _plain_counts(hall, start, end):
    return dict(
        hall.store.conn.execute(
            "SELECT a.item_key, count(*) FROM answers a JOIN rounds r ON r.id = a.round_id "
            "WHERE a.hall_id = ? AND a.result = 'fail' AND r.round_date BETWEEN ? AND ? "
            "GROUP BY a.item_key",
            (hall.id, start.isoformat(), end.isoformat()),
        ).fetchall()
    )


@pytest.mark.parametrize("way", ["index", "rounds"])
@pytest.mark.parametrize(
    ("start", "end"),
    [
        (D(2026, 11, 1), D(2026, 11, 30)),  # all history: the index alone
        (D(2026, 11, 3), D(2026, 11, 30)),
        (D(2026, 11, 2), D(2026, 11, 2)),
        (D(2026, 11, 4), D(2026, 11, 8)),
        (D(2026, 11, 5), D(2026, 11, 8)),
        (D(2026, 12, 1), D(2026, 12, 31)),
    ],
)
def test_every_way_of_counting_failures_agrees(hall, monkeypatch, way, start, end):
    """The Pareto picks the cheapest reading; each must give the plain query's counts."""
    if way == "index":  # rounds made dear: failures through answers_by_item
        monkeypatch.setattr(stats, "_ROW_VIA_ROUND", 1e9)
    else:  # the index made dear: the period's rounds, or all minus the rounds outside it
        monkeypatch.setattr(stats, "_ROW_VIA_INDEX", 1e9)
    keys = list(stats.item_texts(hall.store, hall.id))
    assert stats._failure_counts(hall.store, hall.id, start, end, keys) == _plain_counts(
        hall, start, end
    )
