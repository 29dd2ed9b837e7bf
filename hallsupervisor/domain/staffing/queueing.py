"""How many counters a queue needs: Erlang C (M/M/c) and Erlang A (M/M/c+M, customers who leave).

Units: arrivals per hour, times in minutes. "Traffic" A is arrivals × handling time in erlangs,
the average number of counters kept busy. Every function is pure and stays finite for hundreds
of counters: Erlang B is built by its recursion (no factorials) and Erlang A sums its queue in
logarithms.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_COUNTERS = 500  # beyond this no hall is being planned; say "not feasible" instead of looping
_EPS = 1e-12  # float slack when comparing a computed service level with its target
_TAIL = 40.0  # stop summing the Erlang A queue once terms are e^-40 below the largest
MAX_QUEUE = 200_000  # hard stop for Erlang A's queue (only reached when hugely overloaded)


@dataclass(frozen=True)
class Requirement:
    """The smallest staffing meeting the targets, and how the queue performs with it.

    `counters` includes shrinkage; the performance figures are for `base_counters`, the
    counters actually open (shrinkage covers breaks and back-office time, not the queue).
    """

    counters: int
    service_level: float
    expected_wait_minutes: float
    probability_of_waiting: float
    occupancy: float
    traffic: float
    feasible: bool = True
    base_counters: int = 0
    probability_of_abandoning: float = 0.0


@dataclass(frozen=True)
class ErlangA:
    probability_of_waiting: float
    probability_of_abandoning: float
    service_level: float  # served within the target, as a share of ALL arrivals
    expected_wait_minutes: float  # mean time in the queue of all arrivals, leavers included
    occupancy: float
    traffic: float


# --- Erlang C --------------------------------------------------------------------------------


def erlang_b(traffic_erlangs: float, servers: int) -> float:
    """Blocking probability, by the recursion B(k) = A·B(k-1) / (k + A·B(k-1))."""
    _check_traffic(traffic_erlangs, servers)
    b = 1.0
    for k in range(1, servers + 1):
        b = traffic_erlangs * b / (k + traffic_erlangs * b)
    return b


def erlang_c(traffic_erlangs: float, servers: int) -> float:
    """Probability an arriving customer has to wait; 1 when the queue is unstable (c ≤ A)."""
    _check_traffic(traffic_erlangs, servers)
    if traffic_erlangs == 0:
        return 0.0
    if servers <= traffic_erlangs:
        return 1.0
    b = erlang_b(traffic_erlangs, servers)
    return servers * b / (servers - traffic_erlangs * (1 - b))


def traffic(arrivals_per_hour: float, aht_minutes: float) -> float:
    _check_nonnegative(arrivals_per_hour=arrivals_per_hour, aht_minutes=aht_minutes)
    return arrivals_per_hour * aht_minutes / 60.0


def service_level(
    arrivals_per_hour: float, aht_minutes: float, servers: int, target_wait_minutes: float
) -> float:
    """Share of customers called within the target: 1 − C·e^{−(c−A)·t/AHT}."""
    a = traffic(arrivals_per_hour, aht_minutes)
    _check_nonnegative(target_wait_minutes=target_wait_minutes)
    if a == 0:
        return 1.0
    if servers <= a:
        return 0.0
    c = erlang_c(a, servers)
    return max(0.0, 1.0 - c * math.exp(-(servers - a) * target_wait_minutes / aht_minutes))


def expected_wait_minutes(arrivals_per_hour: float, aht_minutes: float, servers: int) -> float:
    """Average speed of answer C·AHT/(c−A); infinite when the queue is unstable."""
    a = traffic(arrivals_per_hour, aht_minutes)
    if a == 0:
        return 0.0
    if servers <= a:
        return math.inf
    return erlang_c(a, servers) * aht_minutes / (servers - a)


def occupancy(arrivals_per_hour: float, aht_minutes: float, servers: int) -> float:
    """Share of counter time spent serving (capped at 1 for an overloaded queue)."""
    a = traffic(arrivals_per_hour, aht_minutes)
    if a == 0:
        return 0.0
    return min(1.0, a / servers) if servers > 0 else 1.0


def counters_needed(
    arrivals_per_hour: float,
    aht_minutes: float,
    *,
    target_wait_minutes: float = 10,
    service_level: float = 0.8,
    max_average_wait: float | None = None,
    shrinkage: float = 0.0,
) -> Requirement:
    """The SMALLEST number of counters meeting the service level (and average wait, if given).

    The search starts at the smallest stable count ⌊A⌋+1, so light traffic gets 1 counter and
    never one more than needed. A zero target wait needs P(wait) ≤ 1 − service level, which is
    what the service-level formula gives at t = 0.
    """
    a = _check_targets(
        arrivals_per_hour, aht_minutes, target_wait_minutes, service_level, shrinkage
    )
    _check_nonnegative(max_average_wait=max_average_wait or 0.0)
    if a == 0:
        return Requirement(0, 1.0, 0.0, 0.0, 0.0, 0.0)

    def meets(c: int) -> bool:
        sl = _sl(arrivals_per_hour, aht_minutes, c, target_wait_minutes)
        if sl < service_level - _EPS:
            return False
        return max_average_wait is None or (
            expected_wait_minutes(arrivals_per_hour, aht_minutes, c) <= max_average_wait + _EPS
        )

    c = max(1, math.floor(a) + 1)
    while c <= MAX_COUNTERS and not meets(c):
        c += 1
    feasible = c <= MAX_COUNTERS
    c = min(c, MAX_COUNTERS)
    return Requirement(
        counters=_with_shrinkage(c, shrinkage) if feasible else c,
        service_level=_sl(arrivals_per_hour, aht_minutes, c, target_wait_minutes),
        expected_wait_minutes=expected_wait_minutes(arrivals_per_hour, aht_minutes, c),
        probability_of_waiting=erlang_c(a, c),
        occupancy=occupancy(arrivals_per_hour, aht_minutes, c),
        traffic=a,
        feasible=feasible,
        base_counters=c,
    )


# The module-level name `service_level` is shadowed by the keyword argument above.
_sl = service_level


# --- Erlang A --------------------------------------------------------------------------------


def erlang_a(
    arrivals_per_hour: float,
    aht_minutes: float,
    servers: int,
    patience_minutes: float | None,
    target_wait_minutes: float = 10,
) -> ErlangA:
    """M/M/c+M: customers leave after an exponential patience with the given mean.

    Exact stationary birth–death chain: below c as in Erlang B, above c the queue of j loses
    customers at rate cμ + jθ. A customer arriving behind k others is called within t with
    probability b/(b+k+1) · I_p(k+1, b+1), where b = cμ/θ, p = 1 − e^{−θt} and I is the
    regularised incomplete beta (the time to be called is a sum of exponentials with rates
    cμ + iθ, i = 0..k, which is a beta order statistic in disguise). `patience_minutes=None`
    (or infinite) means nobody leaves: the Erlang C figures.
    """
    a = traffic(arrivals_per_hour, aht_minutes)
    _check_traffic(a, servers)
    _check_nonnegative(target_wait_minutes=target_wait_minutes)
    if patience_minutes is None or math.isinf(patience_minutes):
        return ErlangA(
            erlang_c(a, servers),
            0.0,
            _sl(arrivals_per_hour, aht_minutes, servers, target_wait_minutes),
            expected_wait_minutes(arrivals_per_hour, aht_minutes, servers),
            occupancy(arrivals_per_hour, aht_minutes, servers),
            a,
        )
    if not patience_minutes > 0:
        raise ValueError(f"mean patience must be positive minutes, got {patience_minutes!r}")
    if a == 0:
        return ErlangA(0.0, 0.0, 1.0, 0.0, 0.0, 0.0)
    if servers == 0:  # everyone waits until they give up
        return ErlangA(1.0, 1.0, 0.0, patience_minutes, 0.0, a)

    lam = arrivals_per_hour / 60.0
    c_mu = servers / aht_minutes
    theta = 1.0 / patience_minutes
    blocking = erlang_b(a, servers)
    log_b = math.log(blocking) if blocking > 0 else -math.inf

    # log q_j = log(π_{c+j}/π_c) = Σ_{i≤j} log(λ/(cμ+iθ)); keep going past the peak.
    log_q = [0.0]
    peak = 0.0
    while len(log_q) < MAX_QUEUE:
        j = len(log_q)
        log_q.append(log_q[-1] + math.log(lam / (c_mu + j * theta)))
        peak = max(peak, log_q[-1])
        if lam < c_mu + j * theta and log_q[-1] < peak - _TAIL:
            break
    log_tail = peak + math.log(sum(math.exp(x - peak) for x in log_q))  # log(1 + T)
    # P(wait) = B(1+T) / (B(1+T) + 1 − B), written to survive B → 0 and T → ∞.
    z = math.log1p(-math.exp(log_b)) - log_b - log_tail if log_b > -math.inf else math.inf
    p_wait = 0.0 if z > 700 else 1.0 / (1.0 + math.exp(z))
    weights = [math.exp(x - log_tail) for x in log_q]  # queue ahead of a waiting arrival

    b = c_mu / theta
    p = -math.expm1(-theta * target_wait_minutes)
    served = waited = called_in_time = 0.0
    reach = 1.0  # P(called | k ahead) = Π (cμ+iθ)/(cμ+(i+1)θ)
    wait = 0.0  # E[min(wait, patience) | k ahead], by its recursion in k
    beta = _beta_start(p, b)  # I_p(k+1, b+1), lowered step by step in k
    for k, w in enumerate(weights):
        rate = c_mu + k * theta
        reach *= rate / (rate + theta)
        wait = 1.0 / (rate + theta) + rate / (rate + theta) * wait
        if k > 0 and p > 0:
            beta -= math.exp(
                k * math.log(p)
                + (b + 1) * math.log1p(-p)
                - math.log(k)
                - (math.lgamma(k) + math.lgamma(b + 1) - math.lgamma(k + b + 1))
            )
        served += w * reach
        waited += w * wait
        called_in_time += w * reach * min(1.0, max(0.0, beta))
    p_abandon = p_wait * (1.0 - served)
    return ErlangA(
        probability_of_waiting=p_wait,
        probability_of_abandoning=p_abandon,
        service_level=(1.0 - p_wait) + p_wait * called_in_time,
        expected_wait_minutes=p_wait * waited,
        occupancy=min(1.0, a * (1.0 - p_abandon) / servers),
        traffic=a,
    )


def _beta_start(p: float, b: float) -> float:
    # I_p(1, b+1) = 1 − (1−p)^{b+1}; the loop then uses I(k+1) = I(k) − p^k(1−p)^{b+1}/(k·B(k, b+1)).
    return 0.0 if p <= 0 else -math.expm1((b + 1) * math.log1p(-p))


def counters_needed_erlang_a(
    arrivals_per_hour: float,
    aht_minutes: float,
    patience_minutes: float | None,
    *,
    target_wait_minutes: float = 10,
    service_level: float = 0.8,
    max_average_wait: float | None = None,
    max_abandon_rate: float | None = None,
    shrinkage: float = 0.0,
) -> Requirement:
    """As `counters_needed`, with customers who leave; bisection, as every measure is monotone in c."""
    a = _check_targets(
        arrivals_per_hour, aht_minutes, target_wait_minutes, service_level, shrinkage
    )
    _check_nonnegative(
        max_average_wait=max_average_wait or 0.0, max_abandon_rate=max_abandon_rate or 0.0
    )
    if a == 0:
        return Requirement(0, 1.0, 0.0, 0.0, 0.0, 0.0)

    def result(c: int) -> ErlangA:
        return erlang_a(arrivals_per_hour, aht_minutes, c, patience_minutes, target_wait_minutes)

    def meets(r: ErlangA) -> bool:
        return (
            r.service_level >= service_level - _EPS
            and (max_average_wait is None or r.expected_wait_minutes <= max_average_wait + _EPS)
            and (max_abandon_rate is None or r.probability_of_abandoning <= max_abandon_rate + _EPS)
        )

    feasible = meets(result(MAX_COUNTERS))
    low, high = 0, MAX_COUNTERS  # invariant: `high` meets the targets (or is the cap), `low` fails
    while feasible and high - low > 1:
        middle = (low + high) // 2
        low, high = (low, middle) if meets(result(middle)) else (middle, high)
    r = result(high)
    return Requirement(
        counters=_with_shrinkage(high, shrinkage) if feasible else high,
        service_level=r.service_level,
        expected_wait_minutes=r.expected_wait_minutes,
        probability_of_waiting=r.probability_of_waiting,
        occupancy=r.occupancy,
        traffic=a,
        feasible=feasible,
        base_counters=high,
        probability_of_abandoning=r.probability_of_abandoning,
    )


# --- checks ----------------------------------------------------------------------------------


def _with_shrinkage(counters: int, shrinkage: float) -> int:
    # The 1e-9 keeps 4 / (1 − 0.2) = 5.000000000000001 from becoming 6.
    return math.ceil(counters / (1.0 - shrinkage) - 1e-9)


def _check_targets(arrivals, aht, target_wait, level, shrinkage) -> float:
    a = traffic(arrivals, aht)
    _check_nonnegative(target_wait_minutes=target_wait)
    if not 0 < level <= 1:
        raise ValueError(f"service level must be in (0, 1], got {level!r}")
    if not 0 <= shrinkage < 1:
        raise ValueError(f"shrinkage must be in [0, 1), got {shrinkage!r}")
    return a


def _check_nonnegative(**values: float) -> None:
    for name, value in values.items():
        # `not value >= 0` also refuses NaN.
        if not (isinstance(value, (int, float)) and value >= 0 and math.isfinite(value)):
            raise ValueError(f"{name} must be a finite number ≥ 0, got {value!r}")


def _check_traffic(traffic_erlangs: float, servers: int) -> None:
    _check_nonnegative(traffic_erlangs=traffic_erlangs)
    if not isinstance(servers, int) or servers < 0:
        raise ValueError(f"servers must be a whole number ≥ 0, got {servers!r}")
