"""The blank daily inspection sheet, built from real databases and read back with real tools.

Every check reads the PDF the way a printer or a person would: fonts with pdffonts, text with
pdftotext, structure with qpdf, the QR code with zbarimg on a rendered page.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from hallsupervisor.domain.inspection.model import NUMBER, Template, TemplateItem
from hallsupervisor.domain.packs import get_pack
from hallsupervisor.reports import errors
from hallsupervisor.reports.daily_sheet import daily_sheet, parse_sheet_code, sheet_code
from hallsupervisor.reports.errors import ReportError
from hallsupervisor.storage import halls
from hallsupervisor.storage import inspection as records
from hallsupervisor.storage.database import Store
from tests.gui.inspection.conftest import small_template

DAY = dt.date(2026, 11, 25)  # a Wednesday
HOSTILE_HALL = '<b>&"营业厅"😀'
LONG_WORD = "W" * 100 + "长" * 100  # 200 characters, not one space


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} is not installed")
    return path


def _run(*args: str) -> str:
    result = subprocess.run([_tool(args[0]), *args[1:]], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return result.stdout


def _save(tmp_path: Path, data: bytes, name: str = "sheet.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _pages(path: Path) -> int:
    return int(_run("qpdf", "--show-npages", str(path)).strip())


def _text(path: Path) -> str:
    return _run("pdftotext", "-enc", "UTF-8", str(path), "-")


def _squeezed(text: str) -> str:
    """Text without any white space: pdftotext spaces and breaks CJK lines its own way."""
    return re.sub(r"\s+", "", text)


def _words(path: Path, page: int | None = None) -> list[tuple[str, float, float]]:
    """(word, width, height) in points of every word pdftotext finds."""
    pages = ["-f", str(page), "-l", str(page)] if page else []
    xml = _run("pdftotext", "-bbox", "-enc", "UTF-8", *pages, str(path), "-")
    found = []
    for match in re.finditer(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>',
        xml,
    ):
        x0, y0, x1, y1 = map(float, match.groups()[:4])
        found.append((match[5], x1 - x0, y1 - y0))
    return found


def _qr(path: Path, tmp_path: Path, page: int = 1) -> list[str]:
    prefix = tmp_path / f"page{page}"
    _run("pdftoppm", "-r", "150", "-png", "-f", str(page), "-l", str(page), str(path), str(prefix))
    (image,) = tmp_path.glob(f"page{page}*.png")
    return _run("zbarimg", "--raw", "-q", str(image)).split()


# -- databases ---------------------------------------------------------------------------------------
@pytest.fixture
def demo(demo_db):
    """The demo hall (79-item checklist, three rounds a day), open."""
    store = Store.open(demo_db)
    hall_id = halls.current_hall_id(store)
    yield store, hall_id
    store.close()


def _plan_template(store, hall_id) -> Template:
    family = records.day_plan(store, hall_id)[0].template_family_id
    return records.load_template(store, records.latest_version_id(store, family))


@pytest.fixture
def sixty(demo):
    """The demo hall with its checklist cut to the first 60 items, saved as a template of its
    own that every round of the day plan uses."""
    store, hall_id = demo
    template = _plan_template(store, hall_id)
    kept = 0
    for section in template.sections:
        section.items = section.items[: max(0, 60 - kept)]
        kept += len(section.items)
    template.sections = [s for s in template.sections if s.items]
    template.name, template.family_id, template.id = "供电营业厅巡检表（60项）", None, None
    records.save_template(store, hall_id, template)
    for entry in records.day_plan(store, hall_id):
        records.update_plan_entry(store, entry.id, template_family_id=template.family_id)
    assert len(template.items()) == 60
    return store, hall_id, template


def _new_hall(tmp_path: Path, name: str) -> tuple[Store, str]:
    store = Store.open(tmp_path / "new" / "hall.sqlite")
    hall_id = halls.create_hall(store, get_pack("electricity_hall").profile_defaults(name))
    return store, hall_id


@pytest.fixture
def hostile(tmp_path):
    """A hall whose every user text tries to break the sheet."""
    store, hall_id = _new_hall(tmp_path, HOSTILE_HALL)
    template = small_template()
    template.name = '<i>巡检表</i> & "引号"'
    template.sections[0].title = "<section>&amp;开门</section>"
    items = template.sections[0].items
    items[0].text = LONG_WORD
    items[1].text = 'Tom & Jerry\'s <script>alert("营业厅")</script> 检查'
    items[1].guidance = '说明<br/>&"' * 200  # 2,000 characters of guidance, markup and all
    items[2].text = "超长文字" * 500  # 2,000 characters: cut, but never a row taller than a page
    items.append(
        TemplateItem(
            "OPEN-99", "温度 ℃ <°C>", answer_type=NUMBER, minimum=-5.5, maximum=1e6, unit="℃ & <u>"
        )
    )
    items.append(TemplateItem("<key>&" + "K" * 60, "编号很长的项目"))
    records.save_template(store, hall_id, template)
    records.add_plan_entry(store, hall_id, '<i>午间</i>&"巡检"', "12:00", template.family_id)
    records.add_plan_entry(store, hall_id, "闭厅😀检查", "17:30", template.family_id)
    yield store, hall_id, template
    store.close()


# -- the printout as a printer sees it ---------------------------------------------------------------
def test_every_font_is_embedded_and_no_standard_font_is_used(sixty, tmp_path):
    store, hall_id, _ = sixty
    for data in (daily_sheet(store, hall_id, DAY), daily_sheet(store, hall_id, DAY, "午间巡检")):
        listing = _run("pdffonts", str(_save(tmp_path, data))).splitlines()[2:]
        assert listing, "no fonts at all"
        for row in listing:
            name, *_, emb, sub, uni, _obj, _gen = row.split()
            assert emb == "yes", row
            assert uni == "yes", row  # text can be copied and searched
        assert "Helvetica" not in "\n".join(listing)


def test_the_chinese_text_comes_back_from_the_pdf(sixty, tmp_path):
    store, hall_id, template = sixty
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
    text = _squeezed(_text(path))
    for expected in (
        "城东供电营业厅",
        "每日巡检表",
        "2026年11月25日星期三",
        "值班长",
        "天气",
        "仪容仪表与举止",  # a section
        "员工提前到岗，早会按时开完",  # an item
        "开门检查08:30",
        "午间巡检12:00",
        "闭厅检查17:30",
        "完成时间",
        "巡检人签字",
        "第1页共2页",
        "第2页共2页",
    ):
        assert expected in text, expected
    # A number item shows its range on its line.
    layout = _run("pdftotext", "-layout", "-enc", "UTF-8", str(path), "-").splitlines()
    line = next(line for line in layout if "室内温度" in line)
    assert "合格范围 18–26 °C" in line
    # Every item, in the on-screen order.
    positions = [text.find(_squeezed(item.text)) for item in template.items()]
    assert -1 not in positions
    assert positions == sorted(positions)
    # The code is on every page, beside the running header.
    code = sheet_code(hall_id, template, DAY)
    for page in (1, 2):
        page_text = _run("pdftotext", "-f", str(page), "-l", str(page), str(path), "-")
        assert code in page_text


def test_qpdf_finds_nothing_wrong(sixty, demo, tmp_path):
    store, hall_id, _ = sixty
    for name, data in {
        "all.pdf": daily_sheet(store, hall_id, DAY),
        "one.pdf": daily_sheet(store, hall_id, DAY, "闭厅检查"),
        "en.pdf": daily_sheet(store, hall_id, DAY, language="en"),
    }.items():
        assert "No syntax or stream encoding errors" in _run(
            "qpdf", "--check", str(_save(tmp_path, data, name))
        )


def test_sixty_items_fit_on_two_pages_and_the_full_checklist_on_three(sixty, tmp_path):
    store, hall_id, template = sixty
    assert _pages(_save(tmp_path, daily_sheet(store, hall_id, DAY), "all.pdf")) == 2
    assert _pages(_save(tmp_path, daily_sheet(store, hall_id, DAY, "午间巡检"), "one.pdf")) == 2
    # The demo's own 79-item checklist.
    full = records.list_templates(store, hall_id)[0]
    assert full.items == 79
    for entry in records.day_plan(store, hall_id):
        records.update_plan_entry(store, entry.id, template_family_id=full.family_id)
    assert _pages(_save(tmp_path, daily_sheet(store, hall_id, DAY), "79.pdf")) <= 3


def test_item_text_is_at_least_nine_points(sixty, tmp_path):
    store, hall_id, template = sixty
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
    texts = {item.text for item in template.items()}
    sizes = {word: height for word, _, height in _words(path) if word in texts}
    assert len(sizes) >= 55, sorted(texts - set(sizes))  # nearly all are one word to pdftotext
    # pdftotext's word box is the font size high (8 pt text gives 8.04, 9 pt 9.05).
    assert min(sizes.values()) >= 9.0, min(sizes.items(), key=lambda pair: pair[1])
    # and a Chinese character is as wide as the font is large.
    word, width, _ = next(w for w in _words(path) if w[0] == "员工提前到岗，早会按时开完")
    assert width / len(word) >= 9.0


def test_the_answer_boxes_are_large_enough_for_a_pen(sixty, tmp_path):
    """Read from the page descriptions: every answer box is at least 7 mm each way."""
    store, hall_id, _ = sixty
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
    boxes = _boxes(path)
    # 60 items plus the time and the signature of each of the three rounds.
    assert len(boxes) == 62 * 3
    seven_mm = 7 * 72 / 25.4
    assert min(min(width, height) for width, height in boxes) >= seven_mm - 0.01
    # Number items get room for a reading: wider than a pen's tick needs.
    assert max(width for width, _ in boxes) >= 10 * 72 / 25.4


def _boxes(path: Path) -> list[tuple[float, float]]:
    """(width, height) in points of the answer boxes: rectangles stroked with a 0.8 pt line.

    qpdf writes the page descriptions uncompressed (QDF mode) so they can be read."""
    readable = path.with_name(path.stem + "-qdf.pdf")
    _run("qpdf", "--qdf", "--object-streams=disable", str(path), str(readable))
    stream = readable.read_bytes().decode("latin-1")
    pattern = r"\.8 w\s+n 0 0 ([\d.]+) ([\d.]+) re S"
    return [(float(w), float(h)) for w, h in re.findall(pattern, stream)]


def test_the_qr_code_reads_back_as_the_sheet_code(sixty, tmp_path):
    store, hall_id, template = sixty
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
    code = sheet_code(hall_id, template, DAY)
    assert _qr(path, tmp_path) == [code]
    assert parse_sheet_code(code) == {
        "hall": hall_id.replace("-", "")[:8],
        "template": template.id.replace("-", "")[:8],
        "version": template.version,
        "date": DAY,
        "round": None,
    }
    assert code in _text(path)  # in letters, too, for a sheet the camera cannot read


def test_the_single_round_sheet_names_its_round_in_the_code(sixty, tmp_path):
    store, hall_id, template = sixty
    plan = records.day_plan(store, hall_id)
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY, "午间巡检"))
    code = sheet_code(hall_id, template, DAY, "午间巡检", plan=plan)
    assert code == sheet_code(hall_id, template, DAY, 2)
    assert code.endswith("-R2")
    assert _qr(path, tmp_path) == [code]
    assert parse_sheet_code(code)["round"] == 2
    assert plan[parse_sheet_code(code)["round"] - 1].name == "午间巡检"
    text = _squeezed(_text(path))
    assert "午间巡检12:00" in text
    assert "开门检查08:30" not in text and "闭厅检查17:30" not in text


def test_a_new_template_version_or_another_day_gets_another_code(sixty, tmp_path):
    store, hall_id, template = sixty
    before = sheet_code(hall_id, template, DAY)
    # Once a round has used version 1, an edit makes version 2, and the sheet follows it.
    records.start_round(store, hall_id, name="开门检查", round_date=DAY, template_id=template.id)
    records.update_item(store, template.family_id, template.items()[0].key, text="新的说法")
    newer = _plan_template(store, hall_id)
    assert newer.version == 2
    after = sheet_code(hall_id, newer, DAY)
    assert after != before and parse_sheet_code(after)["version"] == 2
    path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
    assert _qr(path, tmp_path) == [after]
    assert "新的说法" in _text(path)
    assert sheet_code(hall_id, template, DAY + dt.timedelta(days=1)) != before


def test_sheet_codes_are_short_ascii_and_parse_strictly():
    template = Template("t", id="7d4e0a12-0000-4000-8000-000000000000", version=12)
    code = sheet_code("3f2a9c1b-1111-4111-8111-111111111111", template, DAY, 3)
    assert code == "HS1-3F2A9C1B-7D4E0A12-V12-20261125-R3"
    assert code.isascii() and len(code) <= 40
    assert parse_sheet_code(code.lower())["round"] == 3  # typed by hand, in any case
    assert parse_sheet_code(" HS1-3F2A9C1B-7D4E0A12-V12-20261125 ")["round"] is None
    for bad in (
        "",
        "HS2-3F2A9C1B-7D4E0A12-V1-20261125",
        "HS1-3F2A9C1B-7D4E0A12-V1-20261325",
        "HS1-3F2A9C1B-7D4E0A12-V1-20261125-X1",
        "nonsense",
    ):
        with pytest.raises(ValueError):
            parse_sheet_code(bad)


# -- hostile text, errors, sameness -----------------------------------------------------------------
def test_hostile_text_builds_and_reads_back_verbatim(hostile, tmp_path):
    store, hall_id, template = hostile
    for variant in (None, '<i>午间</i>&"巡检"'):
        path = _save(tmp_path, daily_sheet(store, hall_id, DAY, variant), "hostile.pdf")
        assert _pages(path) <= 2
        text = _squeezed(_text(path))
        assert '<b>&"营业厅"' in text  # the emoji has no glyph in the font: a blank
        assert LONG_WORD in text
        assert _squeezed('Tom & Jerry\'s <script>alert("营业厅")</script> 检查') in text
        assert "<section>&amp;开门</section>" in text
        assert '<i>巡检表</i>&"引号"' in text
        assert '<i>午间</i>&"巡检"' in text
        assert "温度°C<°C>" in text  # ℃ is blank in the font: printed as °C
        assert "超长文字" * 20 in text and "…" in text  # the 2,000 characters are cut
        assert "说明<br/>" not in text  # guidance is not on the sheet
    assert "No syntax or stream encoding errors" in _run("qpdf", "--check", str(path))
    assert _qr(path, tmp_path) == [sheet_code(hall_id, template, DAY, 1)]


def test_an_unknown_round_is_refused_with_the_names_there_are(sixty):
    store, hall_id, _ = sixty
    with pytest.raises(ReportError) as raised:
        daily_sheet(store, hall_id, DAY, "夜间巡检")
    expected = errors.unknown_round("夜间巡检", ["开门检查", "午间巡检", "闭厅检查"])
    assert raised.value.message == expected.message
    assert "开门检查、午间巡检、闭厅检查" in str(raised.value)


def test_a_hall_without_a_template_is_told_so(tmp_path):
    store, hall_id = _new_hall(tmp_path, "空营业厅")
    try:
        with pytest.raises(ReportError) as raised:
            daily_sheet(store, hall_id, DAY)
        assert raised.value.message == errors.no_template().message
        with pytest.raises(ReportError):  # no plan either: no round of that name
            daily_sheet(store, hall_id, DAY, "开门检查")
    finally:
        store.close()


def test_a_hall_without_a_day_plan_gets_one_unnamed_column(tmp_path):
    store, hall_id = _new_hall(tmp_path, "无计划营业厅")
    try:
        template = small_template()
        records.save_template(store, hall_id, template)
        path = _save(tmp_path, daily_sheet(store, hall_id, DAY))
        text = _squeezed(_text(path))
        assert "大门玻璃干净" in text and "备注" in text
        assert _qr(path, tmp_path) == [sheet_code(hall_id, template, DAY)]
    finally:
        store.close()


def test_rounds_on_another_template_are_named_not_mixed_in(sixty, tmp_path):
    store, hall_id, template = sixty
    other = small_template()
    records.save_template(store, hall_id, other)
    plan = records.day_plan(store, hall_id)
    records.update_plan_entry(store, plan[2].id, template_family_id=other.family_id)
    text = _squeezed(_text(_save(tmp_path, daily_sheet(store, hall_id, DAY))))
    assert "开门检查08:30" in text and "午间巡检12:00" in text
    assert "闭厅检查17:30" not in text
    assert "以下巡检使用其他检查表，请分别打印：闭厅检查" in text
    assert "大门玻璃干净" not in text
    # Printed on its own, that round gets its own checklist.
    alone = _squeezed(_text(_save(tmp_path, daily_sheet(store, hall_id, DAY, "闭厅检查"), "c.pdf")))
    assert "大门玻璃干净" in alone and "员工提前到岗" not in alone


def test_the_english_sheet_uses_the_english_texts(sixty, tmp_path):
    store, hall_id, _ = sixty
    text = _squeezed(_text(_save(tmp_path, daily_sheet(store, hall_id, DAY, language="en"))))
    for expected in (
        "Dailyinspectionsheet",
        "Wednesday2026-11-25",
        "Openingcheck",
        "Grooming and conduct".replace(" ", ""),
        "Middayround",
        "Signedby",
    ):
        assert expected in text, expected
    assert "仪容仪表与举止" not in text


def test_the_same_data_gives_the_same_bytes(sixty):
    store, hall_id, _ = sixty
    assert daily_sheet(store, hall_id, DAY) == daily_sheet(store, hall_id, DAY)
    one = daily_sheet(store, hall_id, DAY, "午间巡检")
    assert one == daily_sheet(store, hall_id, DAY, "午间巡检")
    assert one != daily_sheet(store, hall_id, DAY + dt.timedelta(days=1), "午间巡检")
