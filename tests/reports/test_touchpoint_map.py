"""The touchpoint map printout (A4 and A3 landscape) and picture, checked with real tools."""

from __future__ import annotations

import re

import pytest

from hallsupervisor.domain.touchpoints import status as st
from tests.reports.test_round_report import (
    HOSTILE,
    assert_fonts_embedded,
    assert_qpdf_ok,
    compact,
    image_count,
    page_count,
    pdf_text,
    run,
)

STATUSES = {"a": st.OK, "b": st.WATCH, "c": st.BAD, "d": st.BAD, "e": st.NONE}


@pytest.fixture
def scene(qapp):
    """A plain scene: a hall outline, a zone and a label, as the map scene would draw."""
    from PySide6.QtGui import QBrush, QColor, QPen
    from PySide6.QtWidgets import QGraphicsScene

    from hallsupervisor.gui.fonts import install_fonts

    install_fonts(qapp)
    scene = QGraphicsScene()
    scene.addRect(0, 0, 2000, 1200, QPen(QColor("black"), 12), QBrush(QColor("#f4f1ea")))
    scene.addRect(100, 100, 600, 400, QPen(QColor("#4a7"), 4), QBrush(QColor("#cfe8d4")))
    scene.addSimpleText("等候区").setPos(200, 200)
    yield scene
    scene.clear()


def entries(count: int) -> list[st.BoardEntry]:
    statuses = list(st.STATUSES)
    return [
        st.BoardEntry(
            f"id{n}",
            f"TP{n:02d}",
            HOSTILE if n == 1 else f"触点{n}",
            "wait",
            "guide",
            statuses[n % 4],
            n % 3,
            n % 2,
            st.UP if n % 2 else None,
        )
        for n in range(1, count + 1)
    ]


def page_size(path) -> tuple[float, float]:
    result = run("pdfinfo", str(path))
    found = re.search(rb"Page size:\s+([\d.]+) x ([\d.]+)", result.stdout)
    return float(found.group(1)), float(found.group(2))


def test_a4_page_with_legend_and_list(scene, tmp_path):
    from hallsupervisor.gui.touchpoints import export

    path = export.write_pdf(
        scene,
        tmp_path / "map.pdf",
        "A4",
        statuses=STATUSES,
        title="城东营业厅 触点地图",
        subtitle="统计期间 2026-11-19 – 2026-11-25",
        rows=entries(8),
    )
    assert_qpdf_ok(path)
    assert_fonts_embedded(path)
    width, height = page_size(path)
    assert (round(width), round(height)) == (842, 595)  # A4 landscape
    assert image_count(path) >= 1  # the map itself
    text = compact(pdf_text(path))
    assert "城东营业厅触点地图" in text
    assert "图例：" in text
    # The legend counts the touchpoints of each status.
    for label, count in (("良好", 1), ("关注", 1), ("异常", 2), ("无数据", 1)):
        assert f"{label}{count}" in text
    assert "TP08" in text and "触点8" in text
    assert compact("A<b>&amp;") in text  # user text printed as text, never markup


def test_a3_and_a_long_list_continues(scene, tmp_path):
    from hallsupervisor.gui.touchpoints import export

    path = export.write_pdf(
        scene, tmp_path / "wall.pdf", "A3", statuses=STATUSES, title="墙上", rows=entries(60)
    )
    assert_qpdf_ok(path)
    width, height = page_size(path)
    assert (round(width), round(height)) == (1191, 842)  # A3 landscape
    assert page_count(path) >= 2
    text = compact(pdf_text(path))
    assert "TP01" in text and "TP60" in text


def _word_height(path, word: str) -> float:
    """The height in points of `word` on the first page (pdftotext -bbox)."""
    html = run("pdftotext", "-bbox", "-f", "1", "-l", "1", str(path), "-").stdout.decode()
    found = re.search(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">' + word + "<", html)
    assert found, word
    return float(found.group(2)) - float(found.group(1))


def test_a3_is_the_a4_sheet_enlarged_for_the_wall(scene, tmp_path):
    from hallsupervisor.gui.touchpoints import export

    sheets = {
        paper: export.write_pdf(scene, tmp_path / f"{paper}.pdf", paper, statuses=STATUSES,
                                title="城东营业厅", subtitle="统计期间")
        for paper in ("A4", "A3")
    }
    for word in ("城东营业厅", "良好"):  # the title and the legend grow with the paper
        ratio = _word_height(sheets["A3"], word) / _word_height(sheets["A4"], word)
        assert ratio == pytest.approx(420 / 297, rel=0.08), word
    assert page_count(sheets["A3"]) == 1  # still one page: the map shrinks to make room


def test_png_has_map_and_legend(scene, tmp_path):
    from PySide6.QtGui import QColor, QImage

    from hallsupervisor.gui.touchpoints import export
    from hallsupervisor.gui.touchpoints.status_marker import COLORS

    path = export.render_png(
        scene, tmp_path / "map.png", statuses=STATUSES, title="触点地图", width_px=800, ratio=1
    )
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() == 800 + 2 * export.MARGIN
    # The map's zone colour is in the picture, and the legend's four marker colours below it.
    colours = {image.pixelColor(x, y).name() for x in range(0, image.width(), 2)
               for y in range(0, image.height(), 2)}
    assert QColor("#cfe8d4").name() in colours
    legend_band = {
        image.pixelColor(x, y).name()
        for x in range(image.width())
        for y in range(image.height() - 70, image.height())
    }
    for status in st.STATUSES:
        if status != st.NONE:
            assert COLORS[status].name() in legend_band, status


def test_unknown_paper_is_refused(scene, tmp_path):
    from hallsupervisor.gui.touchpoints import export

    with pytest.raises(ValueError):
        export.write_pdf(scene, tmp_path / "x.pdf", "Letter")
    assert not (tmp_path / "x.pdf").exists()
