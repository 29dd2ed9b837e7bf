"""The customer flow line (动线): its length and where it goes wrong.

A flow line is a polyline of (x, y) points in metres. A good layout makes the flow short
and one-way, so the map warns about two things: where the line crosses itself (two
customers' paths meet head on) and where it runs back on itself (a turn of more than
RUN_BACK_DEGREES, the customer walks back the way they came).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from hallsupervisor.domain import QT_TRANSLATE_NOOP, Message

Point = tuple[float, float]

RUN_BACK_DEGREES = 135.0
_EPS = 1e-9

CROSSING = "crossing"
RUN_BACK = "run_back"

_TEXTS = {
    CROSSING: QT_TRANSLATE_NOOP("MapFlow", "动线在第 {first} 段和第 {second} 段交叉"),
    RUN_BACK: QT_TRANSLATE_NOOP("MapFlow", "动线在第 {point} 个转折点折返（{angle}°）"),
}


@dataclass(frozen=True)
class FlowProblem:
    kind: str  # CROSSING or RUN_BACK
    x: float
    y: float
    segments: tuple[int, ...]  # 0-based segment indexes involved
    angle: float = 0.0  # the turn, for a run-back

    @property
    def message(self) -> Message:
        if self.kind == CROSSING:
            first, second = self.segments
            return Message("MapFlow", _TEXTS[CROSSING], {"first": first + 1, "second": second + 1})
        return Message(
            "MapFlow", _TEXTS[RUN_BACK], {"point": self.segments[1] + 1, "angle": round(self.angle)}
        )


def length(points: list[Point]) -> float:
    """The walked length in metres."""
    return sum(math.dist(a, b) for a, b in pairwise(points))


def segment_intersection(p1: Point, p2: Point, q1: Point, q2: Point) -> Point | None:
    """Where two segments meet (a single point, or the start of an overlap), or None."""
    r = (p2[0] - p1[0], p2[1] - p1[1])
    s = (q2[0] - q1[0], q2[1] - q1[1])
    denominator = r[0] * s[1] - r[1] * s[0]
    qp = (q1[0] - p1[0], q1[1] - p1[1])
    if abs(denominator) < _EPS:
        if abs(qp[0] * r[1] - qp[1] * r[0]) > _EPS:
            return None  # parallel, apart
        rr = r[0] * r[0] + r[1] * r[1]
        if rr < _EPS:
            return None
        t0 = (qp[0] * r[0] + qp[1] * r[1]) / rr
        t1 = t0 + (s[0] * r[0] + s[1] * r[1]) / rr
        low, high = max(0.0, min(t0, t1)), min(1.0, max(t0, t1))
        if low > high + _EPS:
            return None
        return (p1[0] + low * r[0], p1[1] + low * r[1])
    t = (qp[0] * s[1] - qp[1] * s[0]) / denominator
    u = (qp[0] * r[1] - qp[1] * r[0]) / denominator
    if -_EPS <= t <= 1 + _EPS and -_EPS <= u <= 1 + _EPS:
        return (p1[0] + t * r[0], p1[1] + t * r[1])
    return None


def crossings(points: list[Point]) -> list[FlowProblem]:
    """Every place where two segments that do not follow each other meet."""
    segments = list(pairwise(points))
    found = []
    for i, (a1, a2) in enumerate(segments):
        for j in range(i + 2, len(segments)):
            b1, b2 = segments[j]
            if j == len(segments) - 1 and i == 0 and a1 == b2:
                # A closed loop meets itself at its start: that is not a crossing.
                continue
            where = segment_intersection(a1, a2, b1, b2)
            if where is not None:
                found.append(FlowProblem(CROSSING, round(where[0], 3), round(where[1], 3), (i, j)))
    return found


def turn_angle(a: Point, b: Point, c: Point) -> float:
    """How far the direction turns at b, in degrees (0 straight on, 180 straight back)."""
    d1 = (b[0] - a[0], b[1] - a[1])
    d2 = (c[0] - b[0], c[1] - b[1])
    n1, n2 = math.hypot(*d1), math.hypot(*d2)
    if n1 < _EPS or n2 < _EPS:
        return 0.0
    cos = max(-1.0, min(1.0, (d1[0] * d2[0] + d1[1] * d2[1]) / (n1 * n2)))
    return math.degrees(math.acos(cos))


def run_backs(points: list[Point], limit: float = RUN_BACK_DEGREES) -> list[FlowProblem]:
    """Every corner where the line turns back by more than `limit` degrees."""
    found = []
    for i in range(1, len(points) - 1):
        angle = turn_angle(points[i - 1], points[i], points[i + 1])
        if angle > limit:
            x, y = points[i]
            found.append(FlowProblem(RUN_BACK, x, y, (i - 1, i), angle))
    return found


def problems(points: list[Point]) -> list[FlowProblem]:
    """Crossings first, then run-backs, each in the order of the line."""
    return crossings(points) + run_backs(points)
