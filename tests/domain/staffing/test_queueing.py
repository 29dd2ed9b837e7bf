"""Erlang C and Erlang A against independent factorial formulas and textbook values."""

from __future__ import annotations

import math

import pytest

from hallsupervisor.domain.staffing.queueing import (
    MAX_COUNTERS,
    counters_needed,
    counters_needed_erlang_a,
    erlang_a,
    erlang_c,
    expected_wait_minutes,
    occupancy,
    service_level,
)


def factorial_erlang_c(a: float, c: int) -> float:
    """The textbook formula, written independently (exact for small c)."""
    top = a**c / math.factorial(c) * c / (c - a)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


@pytest.mark.parametrize("c, expected", [(11, 0.6821), (12, 0.4494), (13, 0.2853)])
def test_textbook_erlang_c_values(c, expected):
    assert erlang_c(10, c) == pytest.approx(expected, abs=1e-4)
    assert erlang_c(10, c) == pytest.approx(factorial_erlang_c(10, c), rel=1e-12)


@pytest.mark.parametrize("a, c", [(0.5, 1), (3.7, 5), (18, 20), (45.2, 52), (90, 100)])
def test_erlang_c_matches_factorial_formula(a, c):
    assert erlang_c(a, c) == pytest.approx(factorial_erlang_c(a, c), rel=1e-10)


def test_classic_service_level_example():
    # 360 customers/hour, 3 minutes each: 18 erlangs; target 20 seconds.
    c = factorial_erlang_c(18, 20)
    expected = 1 - c * math.exp(-(20 - 18) * (20 / 60) / 3)
    assert service_level(360, 3, 20, 20 / 60) == pytest.approx(expected, abs=1e-10)
    assert expected == pytest.approx(0.5590, abs=1e-4)
    asa = c * 3 / (20 - 18)
    assert expected_wait_minutes(360, 3, 20) == pytest.approx(asa, rel=1e-10)
    assert occupancy(360, 3, 20) == pytest.approx(0.9)


def test_stable_for_hundreds_of_counters():
    assert 0 < erlang_c(450, 480) < 1
    assert erlang_c(1, 500) == pytest.approx(0.0, abs=1e-300)
    assert erlang_c(10, 10) == 1.0 and erlang_c(12, 10) == 1.0
    assert service_level(600, 1, 10, 5) == 0.0
    assert expected_wait_minutes(600, 1, 10) == math.inf


def test_more_counters_never_hurt():
    levels = [service_level(360, 3, c, 1) for c in range(19, 40)]
    waits = [expected_wait_minutes(360, 3, c) for c in range(19, 40)]
    assert levels == sorted(levels) and waits == sorted(waits, reverse=True)


@pytest.mark.parametrize(
    "arrivals, aht, target, level",
    [(2, 5, 10, 0.8), (12, 4, 10, 0.8), (360, 3, 1 / 3, 0.8), (2000, 4, 10, 0.8), (90, 6, 5, 0.95)],
)
def test_smallest_count_never_one_more(arrivals, aht, target, level):
    need = counters_needed(arrivals, aht, target_wait_minutes=target, service_level=level)
    assert need.feasible and need.counters == need.base_counters
    assert need.service_level >= level
    assert need.service_level == pytest.approx(service_level(arrivals, aht, need.counters, target))
    below = need.counters - 1
    assert below < need.traffic or service_level(arrivals, aht, below, target) < level


def test_light_traffic_gets_one_counter():
    need = counters_needed(2, 5)  # 2 customers an hour, 5 minutes each
    assert need.counters == 1
    assert need.traffic == pytest.approx(1 / 6)
    assert need.probability_of_waiting == pytest.approx(1 / 6)  # M/M/1: P(wait) = ρ


def test_zero_arrivals():
    need = counters_needed(0, 5)
    assert (need.counters, need.service_level, need.expected_wait_minutes) == (0, 1.0, 0.0)


def test_zero_target_wait_uses_probability_of_waiting():
    need = counters_needed(360, 3, target_wait_minutes=0, service_level=0.8)
    assert erlang_c(18, need.counters) <= 0.2 < erlang_c(18, need.counters - 1)


def test_average_wait_target():
    need = counters_needed(360, 3, service_level=0.1, max_average_wait=0.1)
    assert need.expected_wait_minutes <= 0.1 < expected_wait_minutes(360, 3, need.counters - 1)


def test_shrinkage_rounds_up_without_float_noise():
    plain = counters_needed(360, 3, target_wait_minutes=1)
    shrunk = counters_needed(360, 3, target_wait_minutes=1, shrinkage=0.3)
    assert shrunk.base_counters == plain.counters
    assert plain.counters == 21
    assert 21 / 0.7 > 30  # 30.000000000000004: a naive ceil would add a 31st counter
    assert shrunk.counters == 30
    assert shrunk.service_level == plain.service_level  # the queue sees the open counters
    assert counters_needed(360, 3, target_wait_minutes=1, shrinkage=0.25).counters == 28


def test_beyond_the_cap_is_not_feasible():
    need = counters_needed(20_000, 4)
    assert not need.feasible and need.counters == MAX_COUNTERS


@pytest.mark.parametrize(
    "kwargs",
    [
        dict(arrivals_per_hour=-1, aht_minutes=3),
        dict(arrivals_per_hour=10, aht_minutes=-3),
        dict(arrivals_per_hour=float("nan"), aht_minutes=3),
        dict(arrivals_per_hour=10, aht_minutes=3, shrinkage=1.0),
        dict(arrivals_per_hour=10, aht_minutes=3, service_level=0),
        dict(arrivals_per_hour=10, aht_minutes=3, service_level=1.2),
        dict(arrivals_per_hour=10, aht_minutes=3, target_wait_minutes=-1),
    ],
)
def test_invalid_inputs(kwargs):
    with pytest.raises(ValueError):
        counters_needed(**kwargs)


# --- Erlang A --------------------------------------------------------------------------------


def test_erlang_a_without_patience_is_erlang_c():
    for c in (19, 20, 25):
        patient = erlang_a(360, 3, c, 1e7, 1)
        assert patient.probability_of_waiting == pytest.approx(erlang_c(18, c), abs=1e-4)
        assert patient.service_level == pytest.approx(service_level(360, 3, c, 1), abs=1e-4)
        assert patient.expected_wait_minutes == pytest.approx(
            expected_wait_minutes(360, 3, c), rel=1e-3
        )
        assert patient.probability_of_abandoning < 1e-5
    exact = erlang_a(360, 3, 20, None, 1)
    assert exact.service_level == service_level(360, 3, 20, 1)


def test_impatient_customers_wait_less():
    waits = [erlang_a(360, 3, 19, p, 1).expected_wait_minutes for p in (1, 5, 30, 1e6)]
    leaving = [erlang_a(360, 3, 19, p, 1).probability_of_abandoning for p in (1, 5, 30, 1e6)]
    assert waits == sorted(waits) and leaving == sorted(leaving, reverse=True)


def test_erlang_a_is_stable_when_overloaded():
    r = erlang_a(600, 3, 20, 5, 1)  # 30 erlangs on 20 counters: abandonment keeps it finite
    assert 0.9 < r.probability_of_waiting <= 1
    assert 0.3 < r.probability_of_abandoning < 0.5
    # Exponential patience: mean wait = patience × P(abandon) (Little's law on the leavers).
    assert r.expected_wait_minutes == pytest.approx(5 * r.probability_of_abandoning, rel=1e-9)


def test_erlang_a_single_counter_against_direct_chain():
    # M/M/1+M with λ=1, μ=1, θ=1: π_n = π_0 / n!, so π_0 = e^-1 and P(wait) = 1 − e^-1.
    r = erlang_a(60, 1, 1, 1, 0)
    assert r.probability_of_waiting == pytest.approx(1 - math.exp(-1), abs=1e-12)
    # Served share λ(1 − P_ab) = μ·P(busy) ⇒ P_ab = 1 − (1 − e^-1).
    assert r.probability_of_abandoning == pytest.approx(math.exp(-1), abs=1e-12)
    assert r.service_level == pytest.approx(
        math.exp(-1), abs=1e-12
    )  # only the free-counter arrivals


def test_counters_needed_erlang_a():
    need = counters_needed_erlang_a(360, 3, 5, target_wait_minutes=1, service_level=0.8)
    assert need.service_level >= 0.8
    assert erlang_a(360, 3, need.counters - 1, 5, 1).service_level < 0.8
    patient = counters_needed(360, 3, target_wait_minutes=1)
    assert need.counters <= patient.counters  # leavers lighten the queue
    cap = counters_needed_erlang_a(360, 3, 5, target_wait_minutes=1, max_abandon_rate=0.01)
    assert cap.probability_of_abandoning <= 0.01
    assert erlang_a(360, 3, cap.counters - 1, 5, 1).probability_of_abandoning > 0.01
    assert counters_needed_erlang_a(0, 3, 5).counters == 0
    shrunk = counters_needed_erlang_a(360, 3, 5, target_wait_minutes=1, shrinkage=0.25)
    assert shrunk.counters == math.ceil(need.counters / 0.75)
