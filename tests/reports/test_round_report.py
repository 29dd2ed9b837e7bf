"""Round reports from copies of the demo database, checked in the PDF with poppler and qpdf.

The helpers at the top (pdf_text, assert_fonts_embedded, …) are used by test_summary too.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hallsupervisor.domain.inspection.model import FAIL, NUMBER, PASS, TEXT
from hallsupervisor.domain.inspection.scoring import format_score
from hallsupervisor.reports import pdf
from hallsupervisor.reports import round_report as rr
from hallsupervisor.reports.errors import ReportError
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage import inspection_stats as stats
from hallsupervisor.storage.database import Store
from tests.conftest import DEMO_NOW

TODAY = DEMO_NOW.date()
A4_WIDTH, A4_HEIGHT = 595.28, 841.89
MARGIN = 14 * 72 / 25.4


# -- the real tools ------------------------------------------------------------------------
def tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed (poppler-utils / qpdf)")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([tool(args[0]), *args[1:]], capture_output=True, timeout=120)


def save(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def pdf_text(path: Path) -> str:
    """The text in drawing order (-raw): each table cell whole, not interleaved by lines."""
    result = run("pdftotext", "-raw", "-enc", "UTF-8", str(path), "-")
    assert result.returncode == 0, result.stderr
    return result.stdout.decode("utf-8")


def compact(text: str) -> str:
    """Text without any whitespace: pdftotext breaks lines wherever the layout wrapped."""
    return "".join(text.split())


def page_texts(path: Path) -> list[str]:
    return pdf_text(path).split("\f")[:-1]


def page_count(path: Path) -> int:
    result = run("pdfinfo", str(path))
    assert result.returncode == 0, result.stderr
    return int(re.search(rb"^Pages:\s+(\d+)", result.stdout, re.M).group(1))


def assert_fonts_embedded(path: Path) -> None:
    result = run("pdffonts", str(path))
    assert result.returncode == 0, result.stderr
    rows = result.stdout.decode().splitlines()[2:]
    assert rows, "no fonts at all"
    for row in rows:
        # name type… encoding emb sub uni object ID: emb is the 5th field from the end
        assert row.split()[-5] == "yes", f"not embedded: {row}"
        assert "WenQuanYi" in row, row
    assert b"Helvetica" not in result.stdout


def assert_qpdf_ok(path: Path) -> None:
    result = run("qpdf", "--check", str(path))
    assert result.returncode == 0, result.stdout.decode() + result.stderr.decode()


def words_off_the_text_area(path: Path) -> list[str]:
    """Words that stick out of the page margins (clipped or overflowing text)."""
    result = run("pdftotext", "-bbox", "-enc", "UTF-8", str(path), "-")
    assert result.returncode == 0, result.stderr
    outside = []
    pattern = r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<'
    for x0, y0, x1, y1, word in re.findall(pattern, result.stdout.decode("utf-8")):
        if (
            float(x0) < MARGIN - 1
            or float(x1) > A4_WIDTH - MARGIN + 1
            or float(y0) < 0
            or float(y1) > A4_HEIGHT
        ):
            outside.append(word)
    return outside


def image_count(path: Path) -> int:
    result = run("pdfimages", "-list", str(path))
    assert result.returncode == 0, result.stderr
    return len(result.stdout.decode().splitlines()[2:])


def jpeg(colour: str, size=(160, 120)) -> bytes:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", size, colour)
    ImageDraw.Draw(image).rectangle([10, 10, size[0] - 10, size[1] - 10], outline="white", width=4)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def between(text: str, start: str, end: str | None = None) -> str:
    """The part of `text` after `start` (and before `end` when given); asserts both exist."""
    assert start in text, start
    part = text.split(start, 1)[1]
    if end is not None:
        assert end in part, end
        part = part.split(end, 1)[0]
    return part


# -- fixtures --------------------------------------------------------------------------------
@pytest.fixture
def demo(demo_db):
    store = Store.open(demo_db)
    yield store, halls.current_hall_id(store)
    store.close()


@pytest.fixture
def opening(demo):
    """Today's opening round: done, signed, two failures and one amendment."""
    store, hall_id = demo
    (round_id,) = rr.rounds_on(store, hall_id, TODAY)
    return store, hall_id, records.load_round(store, round_id)


def failed_items(record):
    from hallsupervisor.domain.inspection.scoring import evaluate

    return [
        item
        for item in record.template.items()
        if evaluate(item, record.answers.get(item.key)) == FAIL
    ]


HOSTILE = "A<b>&amp; \"quoted\" 'single' 😀🚀 <script>x</script> & < > </para>"
WORD = "W" * 200
LONG = "".join(f"第{n:04d}句备注。" for n in range(1, 251))[:2000]


def hostile_round(store, hall_id, template) -> str:
    """An unsigned midday round whose notes are hostile, very long or one long word."""
    round_id = records.start_round(
        store,
        hall_id,
        name="午间巡检 <b>&",
        round_date=TODAY,
        template_id=template.id,
        planned_time="12:00",
        started_at=dt.datetime.combine(TODAY, dt.time(12, 3)),
    )
    plain = [i for i in template.items() if i.answer_type not in (NUMBER, TEXT)]
    records.set_answer(store, round_id, plain[1], FAIL, note=HOSTILE, template=template)
    records.set_answer(store, round_id, plain[2], FAIL, note=LONG, template=template)
    records.set_answer(store, round_id, plain[3], FAIL, note=WORD, template=template)
    records.set_answer(store, round_id, plain[4], PASS, note=LONG[:300] + WORD, template=template)
    text_item = next(i for i in template.items() if i.answer_type == TEXT)
    records.set_answer(store, round_id, text_item, None, value=HOSTILE + WORD, template=template)
    return round_id


# -- which rounds -------------------------------------------------------------------------------
def test_rounds_on_gives_the_days_rounds_in_the_order_they_were_started(demo):
    store, hall_id = demo
    day = TODAY - dt.timedelta(days=1)
    ids = rr.rounds_on(store, hall_id, day)
    names = [records.load_round(store, i).name for i in ids]
    assert names == ["开门检查", "午间巡检", "闭厅检查"]
    starts = [records.load_round(store, i).started_at for i in ids]
    assert starts == sorted(starts)
    assert rr.rounds_on(store, hall_id, day, "午间巡检") == [ids[1]]
    assert rr.rounds_on(store, hall_id, TODAY - dt.timedelta(days=400)) == []


def test_an_unknown_round_name_is_refused_with_the_names_of_that_day(demo):
    store, hall_id = demo
    day = TODAY - dt.timedelta(days=1)
    with pytest.raises(ReportError) as caught:
        rr.day_report(store, hall_id, day, "夜间巡检", today=TODAY)
    message = str(caught.value.message)
    assert "夜间巡检" in message
    for name in ("开门检查", "午间巡检", "闭厅检查"):
        assert name in message
    with pytest.raises(ReportError) as caught:
        rr.day_report(store, hall_id, TODAY, "午间巡检", today=TODAY)  # not started yet today
    assert "开门检查" in str(caught.value.message) and "闭厅检查" not in str(caught.value.message)


def test_a_day_without_rounds_has_nothing_to_print(demo):
    store, hall_id = demo
    empty = TODAY - dt.timedelta(days=400)
    for name in (None, "开门检查"):
        with pytest.raises(ReportError) as caught:
            rr.day_report(store, hall_id, empty, name, today=TODAY)
        assert "没有可以打印的内容" in str(caught.value.message)
        assert empty.isoformat() in str(caught.value.message)
    with pytest.raises(ReportError):
        rr.round_report(store, "no-such-round", today=TODAY)


# -- one round -----------------------------------------------------------------------------------
def test_the_report_of_todays_round_has_everything_managers_file(opening, tmp_path):
    store, hall_id, record = opening
    path = save(tmp_path, "round.pdf", rr.round_report(store, record.id, today=TODAY))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    pages = page_count(path)
    assert 2 <= pages <= 8
    text = compact(pdf_text(path))
    failed = failed_items(record)
    assert failed, "the demo's opening round has failures"
    amendment = records.amendments_of(store, record.id)[0]
    for expected in [
        halls.load_profile(store, hall_id).name,
        "城东供电营业厅",
        record.name,
        record.round_date,
        record.planned_time,
        record.started_at[11:16],
        record.completed_at[11:16],
        f"{record.template.name}·第{record.template.version}版",
        failed[0].text,
        record.answers[failed[0].key].note,
        record.signed_by_name,
        record.signed_at[:16],
        amendment["reason"],
        amendment["old_note"],
        "第1页",
        f"共{pages}页",
    ]:
        assert compact(expected) in text, expected
    assert "未签字" not in text
    assert "记录校验：本记录与签字时" in text
    assert words_off_the_text_area(path) == []


def test_a_record_changed_behind_the_apps_back_is_flagged(opening, tmp_path):
    store, hall_id, record = opening
    store.execute(
        "UPDATE answers SET note = '改过' WHERE round_id = ? AND item_key = ?",
        (record.id, failed_items(record)[0].key),
    )
    path = save(tmp_path, "r.pdf", rr.round_report(store, record.id, today=TODAY))
    text = compact(pdf_text(path))
    assert "本记录与签字时的校验值不一致" in text and "hallsupervisorcheck" in text


def test_the_printed_score_is_the_rounds_score(opening, tmp_path):
    store, hall_id, record = opening
    low = stats.history(store, hall_id, result=stats.BELOW_90, limit=1)[0]
    for round_id, verdict in ((record.id, "达到90分合格线"), (low.round_id, "低于90分合格线")):
        stored = store.scalar("SELECT score FROM rounds WHERE id = ?", (round_id,))
        path = save(tmp_path, f"{round_id}.pdf", rr.round_report(store, round_id, today=TODAY))
        text = compact(pdf_text(path))
        printed = re.search(r"本次得分([\d.]+)分", text).group(1)
        assert printed == format_score(stored)
        assert verdict in text


def test_failures_are_marked_in_words_and_every_character_has_a_glyph(opening, tmp_path):
    store, hall_id, record = opening
    path = save(tmp_path, "round.pdf", rr.round_report(store, record.id, today=TODAY))
    text = pdf_text(path)
    answers = between(compact(text), "检查结果", "本次巡检提出的整改项")
    fail_mark = compact(rr.labelled(rr.mark_fail(), "不合格"))
    # one per failed item, and one in the note under the heading
    assert answers.count(fail_mark) == len(failed_items(record)) + 1
    assert answers.count(compact(rr.labelled(rr.mark_pass(), "合格"))) >= 60
    assert compact(rr.labelled(rr.mark_na(), "不适用")) in answers
    missing = sorted({c for c in text if not c.isspace() and not pdf.font_has(c)})
    assert missing == [], f"drawn without a glyph in the bundled font: {missing}"


def test_the_failed_items_appear_among_the_actions_with_their_state(opening, tmp_path):
    store, hall_id, record = opening
    path = save(tmp_path, "round.pdf", rr.round_report(store, record.id, today=TODAY))
    actions = between(compact(pdf_text(path)), "本次巡检提出的整改项", "更正记录")
    for item in failed_items(record):
        assert item.key in actions and compact(item.text) in actions
    assert "待整改" in actions
    # the failure corrected by the amendment: its action is withdrawn, and says so
    withdrawn = store.one(
        "SELECT * FROM corrective_actions WHERE round_id = ? AND status = 'withdrawn'",
        (record.id,),
    )
    assert compact(withdrawn["title"]) in actions and "已撤销" in actions


def test_a_closed_action_says_how_and_when_it_was_closed(demo, tmp_path):
    store, hall_id = demo
    action = store.one(
        "SELECT * FROM corrective_actions WHERE status = 'verified' AND closing_round_id "
        "IS NOT NULL ORDER BY found_on DESC LIMIT 1"
    )
    path = save(tmp_path, "r.pdf", rr.round_report(store, action["round_id"], today=TODAY))
    actions = between(compact(pdf_text(path)), "本次巡检提出的整改项")
    assert "已验证" in actions
    assert compact(action["closing_note"]) in actions
    assert rr.local_day(action["closed_at"]).isoformat() in actions


def test_photos_of_failed_items_are_printed(opening, tmp_path):
    store, hall_id, record = opening
    before = save(tmp_path, "before.pdf", rr.round_report(store, record.id, today=TODAY))
    assert image_count(before) == 0
    answer = record.answers[failed_items(record)[0].key]
    for colour, size in (("#8a5", (160, 120)), ("#58a", (90, 160)), ("#a58", (160, 120))):
        data = jpeg(colour, size)
        records.add_photo(store, answer.id, data, data, *size)
    records.add_photo(store, answer.id, b"broken", b"not a picture", 10, 10)
    path = save(tmp_path, "after.pdf", rr.round_report(store, record.id, today=TODAY))
    assert image_count(path) == 3
    text = compact(pdf_text(path))
    assert "现场照片4张" in text and "照片无法显示" in text
    assert_qpdf_ok(path)
    assert words_off_the_text_area(path) == []


def test_hostile_and_huge_notes_build_and_print_verbatim(demo, tmp_path):
    store, hall_id = demo
    template = records.load_round(store, rr.rounds_on(store, hall_id, TODAY)[0]).template
    round_id = hostile_round(store, hall_id, template)
    path = save(tmp_path, "hostile.pdf", rr.round_report(store, round_id, today=TODAY))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    assert page_count(path) <= 12
    text = compact(pdf_text(path))
    # markup characters are text; the emoji the font cannot draw print as □, not nothing
    assert compact(HOSTILE.replace("😀", "□").replace("🚀", "□")) in text
    assert WORD in text
    # the 2,000-character note: its beginning in the table, the rest right after the table
    head = max(n for n in range(len(LONG) + 1) if LONG[:n] in text)
    assert 100 < head < len(LONG)
    assert "接续：" + LONG[head:] in text or LONG[head:] in between(text, "接续：")
    assert "午间巡检<b>&" in text
    assert "未签字" in text
    assert words_off_the_text_area(path) == []


def test_english_item_texts(opening, tmp_path):
    store, hall_id, record = opening
    item = failed_items(record)[0]
    assert item.text_en
    path = save(tmp_path, "en.pdf", rr.round_report(store, record.id, "en", today=TODAY))
    text = compact(pdf_text(path))
    assert compact(item.text_en) in text
    assert compact(record.template.sections[0].title_en) in text


def test_reports_are_deterministic(opening):
    store, hall_id, record = opening
    assert rr.round_report(store, record.id, today=TODAY) == rr.round_report(
        store, record.id, today=TODAY
    )
    day = TODAY - dt.timedelta(days=1)
    first = rr.day_report(store, hall_id, day, today=TODAY)
    assert first == rr.day_report(store, hall_id, day, today=TODAY)
    assert first != rr.day_report(store, hall_id, day - dt.timedelta(days=1), today=TODAY)


# -- a whole day ------------------------------------------------------------------------------------
def test_the_day_report_starts_each_round_on_a_new_page(demo, tmp_path):
    store, hall_id = demo
    day = TODAY - dt.timedelta(days=2)
    ids = rr.rounds_on(store, hall_id, day)
    assert len(ids) == 3
    path = save(tmp_path, "day.pdf", rr.day_report(store, hall_id, day, today=TODAY))
    assert_fonts_embedded(path)
    assert_qpdf_ok(path)
    singles = [
        page_count(save(tmp_path, f"{i}.pdf", rr.round_report(store, i, today=TODAY))) for i in ids
    ]
    pages = page_texts(path)
    assert len(pages) == page_count(path) == sum(singles)
    first_page = 0
    for round_id, length in zip(ids, singles, strict=True):
        name = records.load_round(store, round_id).name
        assert f"巡检报告{name}" in compact(pages[first_page])
        first_page += length
    assert f"第1页共{len(pages)}页" in compact(pages[0])
    one = save(tmp_path, "one.pdf", rr.day_report(store, hall_id, day, "闭厅检查", today=TODAY))
    assert page_count(one) == singles[2]
    assert "巡检报告闭厅检查" in compact(pdf_text(one))
