"""A small simulation of one queue in the hall, to check the Erlang formulas against.

Poisson arrivals, exponential handling, c counters, first come first served, and optionally
customers who give up after an exponential patience. With one FIFO queue, a customer's wait is
fixed by those who came before: he is called when the earliest counter frees up after them
(Lindley's recursion over a heap of counter free-times). So walking customers in arrival order
is an exact event simulation without an event list; a customer whose wait would exceed his
patience leaves and never occupies a counter.
"""

from __future__ import annotations

import heapq
import random
from dataclasses import dataclass


@dataclass(frozen=True)
class SimulationResult:
    customers: int  # counted, after the warm-up
    probability_of_waiting: float
    probability_of_abandoning: float
    service_level: float  # called within the target, as a share of all arrivals
    mean_wait_minutes: float  # time in the queue of all arrivals, leavers included


def simulate(
    arrivals_per_hour: float,
    aht_minutes: float,
    servers: int,
    *,
    target_wait_minutes: float = 10,
    patience_minutes: float | None = None,
    customers: int = 50_000,
    warmup: int | None = None,
    seed: int = 1,
) -> SimulationResult:
    if arrivals_per_hour <= 0 or aht_minutes <= 0 or servers < 1 or customers < 1:
        raise ValueError("simulation needs arrivals, handling time, counters and customers > 0")
    if patience_minutes is not None and patience_minutes <= 0:
        raise ValueError("mean patience must be positive minutes")
    rng = random.Random(seed)
    warmup = customers // 10 if warmup is None else warmup  # start from an empty hall: skip it
    rate = arrivals_per_hour / 60.0
    free_at = [0.0] * servers  # heap of the times each counter becomes free
    now = 0.0
    waited = left = in_time = 0
    total_wait = 0.0
    for n in range(warmup + customers):
        now += rng.expovariate(rate)
        wait = max(0.0, free_at[0] - now)
        patience = rng.expovariate(1.0 / patience_minutes) if patience_minutes else None
        gives_up = patience is not None and wait > patience
        if not gives_up:
            heapq.heapreplace(free_at, now + wait + rng.expovariate(1.0 / aht_minutes))
        if n < warmup:
            continue
        waited += wait > 0
        left += gives_up
        in_time += not gives_up and wait <= target_wait_minutes
        total_wait += patience if gives_up else wait
    return SimulationResult(
        customers=customers,
        probability_of_waiting=waited / customers,
        probability_of_abandoning=left / customers,
        service_level=in_time / customers,
        mean_wait_minutes=total_wait / customers,
    )
