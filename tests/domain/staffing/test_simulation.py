"""The Erlang formulas agree with a simulated hall."""

from __future__ import annotations

import pytest

from hallsupervisor.domain.staffing.queueing import erlang_a
from hallsupervisor.domain.staffing.simulation import simulate

CUSTOMERS = 80_000


@pytest.mark.parametrize(
    "arrivals, aht, servers, target",
    [(360, 3, 20, 1 / 3), (40, 6, 5, 2), (12, 5, 2, 1)],
)
def test_erlang_c_matches_simulation(arrivals, aht, servers, target):
    sim = simulate(arrivals, aht, servers, target_wait_minutes=target, customers=CUSTOMERS)
    model = erlang_a(arrivals, aht, servers, None, target)
    assert sim.probability_of_waiting == pytest.approx(model.probability_of_waiting, abs=0.02)
    assert sim.service_level == pytest.approx(model.service_level, abs=0.02)
    assert sim.mean_wait_minutes == pytest.approx(model.expected_wait_minutes, rel=0.1)
    assert sim.probability_of_abandoning == 0


@pytest.mark.parametrize(
    "arrivals, aht, servers, patience, target",
    [(360, 3, 17, 5, 1), (600, 3, 20, 5, 1), (60, 4, 3, 2, 0.5)],
)
def test_erlang_a_matches_simulation(arrivals, aht, servers, patience, target):
    sim = simulate(
        arrivals,
        aht,
        servers,
        target_wait_minutes=target,
        patience_minutes=patience,
        customers=CUSTOMERS,
    )
    model = erlang_a(arrivals, aht, servers, patience, target)
    assert sim.probability_of_waiting == pytest.approx(model.probability_of_waiting, abs=0.02)
    assert sim.probability_of_abandoning == pytest.approx(model.probability_of_abandoning, abs=0.02)
    assert sim.service_level == pytest.approx(model.service_level, abs=0.02)
    assert sim.mean_wait_minutes == pytest.approx(model.expected_wait_minutes, rel=0.1)


def test_seeded_and_checked():
    assert simulate(60, 3, 2, seed=7, customers=500) == simulate(60, 3, 2, seed=7, customers=500)
    with pytest.raises(ValueError):
        simulate(60, 3, 0)
    with pytest.raises(ValueError):
        simulate(60, 3, 2, patience_minutes=0)
