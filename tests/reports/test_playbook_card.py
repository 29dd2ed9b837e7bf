"""Playbook cards: one A4 page per playbook with its numbers, steps, revision date and owner,
in the embedded font, in Chinese or English."""

from __future__ import annotations

import re
import subprocess

import pytest

from hallsupervisor.domain.incidents.playbook import Contact, Text
from hallsupervisor.reports import playbook_card
from hallsupervisor.storage import playbooks as library
from tests.storage.incident_helpers import make_hall


@pytest.fixture
def hall(tmp_path):
    store, hall_id = make_hall(tmp_path / "hall.sqlite")
    library.ensure_builtin(store, hall_id)
    yield store, hall_id
    store.close()


def pdf_text(tmp_path, data: bytes, name="cards.pdf", page=None) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    pages = ["-f", str(page), "-l", str(page)] if page else []
    return subprocess.run(["pdftotext", "-layout", *pages, str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_all_cards_one_page_each_with_revision_and_owner(hall, tmp_path):
    store, hall_id = hall
    library.set_hall_contacts(store, hall_id, [Contact(Text("物业值班室"), "0531-8601 2345")])
    data = playbook_card.build(store, hall_id)
    path = tmp_path / "cards.pdf"
    path.write_bytes(data)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert re.search(r"^Pages:\s+15$", info, re.M)
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
    assert "WenQuanYiMicroHei" in fonts and "Helvetica" not in fonts
    second = pdf_text(tmp_path, data, page=2)
    assert "营业厅发生火灾" in second
    assert "第 1 版 · 修订 2026-11-25 · 负责人 营业厅负责人" in second
    assert "119 火警" in second and "0531-8601 2345 物业值班室" in second
    assert "[立即] 拨打 119" in second
    assert "电器、电线起火不要用水浇" in second
    assert "每 5 分钟：再次清点人数" in second
    first = pdf_text(tmp_path, data, page=1)
    assert "第 3 步做了以后，每 2 分钟：轮换做胸外按压的人" in first


def test_an_edited_card_shows_its_new_version_and_a_long_one_still_fits_a_page(hall, tmp_path):
    store, hall_id = hall
    from dataclasses import replace

    from hallsupervisor.domain.incidents.playbook import Step

    playbook_id = library.playbook_id_of(store, "media", hall_id)
    media = library.load_current(store, playbook_id)
    many = tuple(
        Step(f"x{n}", Text("很长的步骤 <b>&</b> " + "说明" * 60, "Long step"), "supervisor")
        for n in range(30)
    )
    edited = replace(media, steps=media.steps + many, owner="王主任", revised_on="2026-12-01")
    library.save_edit(store, playbook_id, edited)
    data = playbook_card.build(store, hall_id, codes=["media"])
    text = pdf_text(tmp_path, data)
    assert text.count("\f") == 1  # one page
    assert "第 2 版 · 修订 2026-12-01 · 负责人 王主任" in text
    assert "<b>&</b>" in text


def test_english_cards(hall, tmp_path):
    store, hall_id = hall
    text = pdf_text(tmp_path, playbook_card.build(store, hall_id, "en", codes=["fainting"]))
    assert "A customer falls ill or faints" in text
    assert "Once step 3 is done, every 2 min: Swap the person doing chest compressions" in text
    assert "Version 1 · revised 2026-11-25" in text


def _title_height(tmp_path, data: bytes, page: int) -> float:
    """The height of the largest word on the page: the card's title."""
    path = tmp_path / "sizes.pdf"
    path.write_bytes(data)
    xml = subprocess.run(["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(path), "-"],
                         check=True, capture_output=True, text=True).stdout
    boxes = re.findall(r'<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"', xml)
    return max(float(y1) - float(y0) for y0, y1 in boxes)


def test_a_short_card_is_printed_larger_to_fill_its_page(hall, tmp_path):
    store, hall_id = hall
    data = playbook_card.build(store, hall_id, "en", codes=["fire", "difficult_customer"])
    long_title = _title_height(tmp_path, data, 1)  # fire: a full page already
    short_title = _title_height(tmp_path, data, 2)
    assert short_title > long_title * 1.2
    info = subprocess.run(["pdfinfo", str(tmp_path / "sizes.pdf")], capture_output=True,
                          text=True).stdout
    assert re.search(r"^Pages:\s+2$", info, re.M)
