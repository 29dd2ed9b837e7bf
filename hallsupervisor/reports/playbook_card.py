"""Playbook cards: one A4 page per playbook for the wall, and for when the PC is down. No Qt.

Each card carries the numbers to call first, the steps with who does them (immediate ones
marked), what to say, what not to do, the time targets and repeating prompts, the words for
waiting customers and the media, and its version, revision date and owner. A short card is
printed in larger type (up to 1.4 times) to fill its page and be read on the wall; one that
would run over a page is shrunk to fit it.
"""

from __future__ import annotations

from dataclasses import dataclass

from hallsupervisor.domain.incidents.playbook import ROLES, Contact, Playbook
from hallsupervisor.reports import pdf
from hallsupervisor.reports.pdf import (
    INK,
    MUTED,
    RED,
    RED_BG,
    content_width_mm,
    furniture,
    grid,
    heading,
    markup,
    rich,
    spacer,
    text,
)
from hallsupervisor.reports.round_report import hall_name
from hallsupervisor.storage import playbooks as library

# Card words (zh, en): the card follows the interface language, like the other printouts.
WORDS = {
    "title": ("应急预案卡片", "Incident playbook cards"),
    "applies": ("适用情形", "When it applies"),
    "call": ("电话", "Call"),
    "steps": ("处置步骤", "Steps"),
    "who": ("谁做", "Who"),
    "what": ("做什么", "What to do"),
    "within": ("时限", "Within"),
    "now": ("立即", "NOW"),
    "say": ("话术", "Say"),
    "minutes": ("{n} 分钟", "{n} min"),
    "do_nots": ("不要做", "Do not"),
    "targets": ("时限与定时提醒", "Time targets and reminders"),
    "target": ("{n} 分钟内：{text}", "Within {n} min: {text}"),
    "prompt": ("每 {n} 分钟：{text}", "Every {n} min: {text}"),
    "prompt_after": ("第 {step} 步做了以后，每 {n} 分钟：{text}",
                     "Once step {step} is done, every {n} min: {text}"),
    "announce": ("对等候顾客说", "To waiting customers"),
    "media": ("媒体口径", "Holding line for the media"),
    "revision": (
        "第 {version} 版 · 修订 {date} · 负责人 {owner}",
        "Version {version} · revised {date} · owner {owner}",
    ),
    "footer": ("打印于 hallsupervisor · 停机时照卡处置，事后补录", "Printed by hallsupervisor"),
}
ROLE_EN = {"supervisor": "Supervisor", "counter": "Counter", "guide": "Guide",
           "security": "Security", "other": "Other"}


def _w(key: str, language: str) -> str:
    zh, en = WORDS[key]
    return en if language.startswith("en") else zh


def _colon(language: str) -> str:
    return ": " if language.startswith("en") else "："


def _role(role: str, language: str) -> str:
    return ROLE_EN.get(role, role) if language.startswith("en") else ROLES.get(role, role)


@dataclass
class Card:
    playbook: Playbook
    version: int
    revised_on: str
    owner: str


def card_story(card: Card, contacts: list[Contact], language: str, scale: float = 1.0) -> list:
    """The flowables of one card (one page); `scale` enlarges every type size (see _fit)."""

    def z(size: float) -> float:
        return round(size * scale, 2)

    playbook = card.playbook
    other = "zh" if language.startswith("en") else "en"
    width = content_width_mm()
    story = [text(playbook.title(language), "title", fontSize=z(26), leading=z(31))]
    second = playbook.title_text.zh if other == "zh" else playbook.title_text.en
    if second and second != playbook.title(language):
        story.append(text(second, "body", textColor=MUTED, fontSize=z(11), leading=z(14)))
    story.append(
        text(
            _w("revision", language).format(
                version=card.version, date=card.revised_on or "—", owner=card.owner or "—"
            ),
            "small", fontSize=z(8), leading=z(10),
        )
    )
    if playbook.applies_when:
        story.append(spacer(1.5))
        story.append(
            rich([markup(_w("applies", language) + _colon(language)), markup(playbook.applies_when(language))],
                 "body", fontSize=z(9.5), leading=z(12.5))
        )
    numbers = playbook.all_contacts(contacts)
    if numbers:
        story.append(spacer(2))
        calls = " · ".join(f"{c.number} {c.name(language)}" for c in numbers)
        story.append(
            rich([markup(_w("call", language) + "　", color=RED), markup(calls, color=RED)],
                 "body", fontSize=z(15), leading=z(19))
        )
    story += heading(_w("steps", language), keep_mm=20)
    head = {"fontSize": z(9), "leading": z(11)}
    rows = [[text("#", "cell", **head), text(_w("who", language), "cell", **head),
             text(_w("what", language), "cell", **head),
             text(_w("within", language), "cell", **head)]]
    extra = []
    for number, step in enumerate(playbook.steps, 1):
        parts = []
        if step.immediate:
            parts.append(markup(f"[{_w('now', language)}] ", color=RED))
        parts.append(markup(step.text(language)))
        if step.script:
            parts += ["<br/>", markup(f"{_w('say', language)}{_colon(language)}“{step.script(language)}”",
                                      color="#0b5394", size=z(10.5))]
        rows.append([
            text(str(number), "cell", fontSize=z(12)),
            text(_role(step.role, language), "cell", fontSize=z(11)),
            rich(parts, "cell", fontSize=z(12.5), leading=z(15.5)),
            text(_w("minutes", language).format(n=step.target_minutes)
                 if step.target_minutes else "", "cell", fontSize=z(11)),
        ])
        if step.immediate:
            extra.append(("BACKGROUND", (0, number), (-1, number), RED_BG))
    number_w, who_w, within_w = z(8), z(21), z(19)  # "10 分钟" stays on one line when larger
    story += grid(rows, [number_w, who_w, width - number_w - who_w - within_w, within_w],
                  extra=extra)

    if playbook.do_nots:
        story += heading(_w("do_nots", language), keep_mm=15)
        for line in playbook.do_nots:
            story.append(rich([markup("✕ " if pdf.font_has("✕") else "× ", color=RED),
                               markup(line(language), color=RED)], "body", fontSize=z(12), leading=z(15)))
    timed = [
        _w("target", language).format(n=t.minutes, text=t.text(language))
        for t in playbook.time_targets
    ] + [
        _w("prompt_after" if p.after_step else "prompt", language).format(
            n=p.every_minutes, text=p.text(language), step=playbook.step_number(p.after_step)
        )
        for p in playbook.prompts
    ]
    if timed:
        story += heading(_w("targets", language), keep_mm=15)
        story += [text("· " + line, "body", fontSize=z(11.5), leading=z(14.5)) for line in timed]
    if playbook.announcement_texts:
        story += heading(_w("announce", language), keep_mm=15)
        story += [text(f"“{line}”", "body", fontSize=z(11.5), leading=z(14.5))
                  for line in playbook.announcements(language)]
    if playbook.media_text:
        story += heading(_w("media", language), keep_mm=15)
        story.append(text(f"“{playbook.media_line(language)}”", "body", fontSize=z(11.5), leading=z(14.5)))
    return story


SCALES = (1.4, 1.3, 1.2, 1.1, 1.0)  # a short card is printed larger, to be read on the wall


def _page_height() -> float:
    from reportlab.lib.units import mm

    return (297 - 2 * pdf.PAGE_MARGIN_MM) * mm - 2 * pdf.FRAME_PADDING_PT - 4


def _height(story: list, width: float) -> float:
    total = 0.0
    for flowable in story:
        total += flowable.wrap(width, 10_000)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


def _fit(card: Card, contacts: list[Contact], language: str):
    """One page: the largest type that fills it (up to 1.4 times); a card too long for the
    page even at the normal size is shrunk to fit."""
    from reportlab.lib.units import mm
    from reportlab.platypus import KeepInFrame

    width, height = content_width_mm() * mm, _page_height()
    for scale in SCALES:
        story = card_story(card, contacts, language, scale)
        if _height(story, width) <= height * 0.97:
            break
    return KeepInFrame(width, height, story, mode="shrink")


def cards_pdf(cards: list[Card], contacts: list[Contact], hall: str, language: str) -> bytes:
    from reportlab.platypus import PageBreak

    story = []
    for n, card in enumerate(cards):
        if n:
            story.append(PageBreak())
        story.append(_fit(card, contacts, language))
    title = f"{hall} · {_w('title', language)}" if hall else _w("title", language)
    return pdf.build(
        story, title=title, furniture=furniture(title, _w("footer", language))
    )


def build(store, hall_id: str, language: str = "zh_CN", codes: list[str] | None = None) -> bytes:
    """All the hall's playbooks (or those of `codes`) as cards, one page each, in one PDF."""
    cards = []
    for summary in library.list_playbooks(store, hall_id):
        if codes is not None and summary.code not in codes:
            continue
        cards.append(
            Card(
                Playbook.from_dict(summary.body),
                summary.version,
                summary.revised_on,
                summary.owner,
            )
        )
    contacts = library.hall_contacts(store, hall_id)
    return cards_pdf(cards, contacts, hall_name(store, hall_id), language)


__all__ = ["INK", "Card", "build", "card_story", "cards_pdf"]
