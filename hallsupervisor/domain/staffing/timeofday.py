"""Times of day as minutes after midnight, the unit every staffing module counts in.

A module of its own so that Today's live-queue section can read rosters' times without
importing the roster solver.
"""

from __future__ import annotations

MINUTES_PER_DAY = 24 * 60


def parse_hhmm(text: str) -> int:
    """'08:30' -> 510 minutes after midnight."""
    hours, _, minutes = text.strip().partition(":")
    value = int(hours) * 60 + int(minutes or 0)
    if not 0 <= value <= MINUTES_PER_DAY:
        raise ValueError(f"not a time of day: {text!r}")
    return value


def format_hhmm(minutes: int) -> str:
    return f"{minutes // 60:02d}:{minutes % 60:02d}"
