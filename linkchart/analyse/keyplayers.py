"""Borgatti's key player sets: whom to arrest to break the network, whom to watch to see all of it.

Ranking people one by one and taking the top k picks redundant people — two lieutenants of the
same cell — so Borgatti (2006) scores the *set*: KPP-Neg finds the k people whose removal
maximises distance-weighted fragmentation DF (or, on request, F), KPP-Pos the k people who
together reach the most of the network (distance-weighted reach of the set, members counting 1).

When there are few enough candidate sets (at most `KPP_EXHAUSTIVE_MAX_SETS`: every set of 3 among
30 people) every one is scored and the best is certain. Otherwise the search is his: a greedy
start (add the person who raises the score most, k times), then swap improvement — exchange a
member for an outsider whenever that raises the score, pass after pass, until a whole pass finds
no improving swap (or `max_passes` is reached). One such climb can stop on a local optimum, and
component fragmentation F is flat wherever removing one more person cuts nothing, so the climb is
restarted from the top-k betweenness and top-k degree sets, from sets that cut off a person with at
most k ties, and from `KPP_RESTARTS` seeded random sets, and the best end is kept: the result is
never worse than the top-k betweenness set. For F, sets of equal F are told apart by DF (weighted
below one step of F) so that a climb has somewhere to go. Equal scores are decided by a stated
rule — the set whose people come first by vertex order — so the answer does not depend on the
seed's shuffling. The report says how the set was found, how many
swaps were made and what the greedy start alone would have given.

Every candidate set needs a fresh DF (one search per person), so above `KPP_EXACT_MAX_NODES`
people the search is approximate: candidates come from a pool of `KPP_POOL_SIZE` people
(alternately the highest sampled betweenness and the highest degree), DF is estimated from
`KPP_DISTANCE_SAMPLES` fixed source people outside the pool (the same ones for every candidate
set, so comparisons are fair) and KPP-Pos measures reach to `KPP_REACH_TARGETS` sampled people.
"""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

import igraph as ig

from .centrality import DEFAULT_SAMPLING, Sampling, betweenness_values
from .disruption import (
    DisruptionReport,
    bare,
    compactness,
    disrupt,
    distance_weighted_reach,
    fragmentation,
    inverse,
    shift_indices,
)
from .records import Node, nodes, people

#: Up to this many vertices key player searches are exact: every person is a candidate, DF is exact.
KPP_EXACT_MAX_NODES = 250
#: Up to this many candidate sets are all scored (C(30, 3) = 4060): the best set is then certain.
KPP_EXHAUSTIVE_MAX_SETS = 5000
#: Random starting sets the swap search is restarted from, besides greedy, betweenness and degree.
KPP_RESTARTS = 8
#: Candidate pool size above the exact limit.
KPP_POOL_SIZE = 30
#: Source people DF is estimated from during an approximate KPP-Neg search.
KPP_DISTANCE_SAMPLES = 16
#: Target people reach is measured to during an approximate KPP-Pos search.
KPP_REACH_TARGETS = 2000
#: What KPP-Neg can maximise: distance-weighted fragmentation DF, or component fragmentation F.
KPP_NEG_MEASURES = ("distance", "fragmentation")

_EPS = 1e-12


@dataclass
class KeyPlayers:
    kind: str  # KPP-Neg | KPP-Pos
    people: list[Node]
    score: float  # DF (or F) after removal (KPP-Neg) or distance-weighted reach of the set (KPP-Pos)
    baseline: float  # DF (or F) before removal (KPP-Neg); 0 (KPP-Pos)
    method: str  # exhaustive (every set scored) | exact (exact scores, heuristic search) | approximate
    candidates: int
    measure: str  # distance | fragmentation (KPP-Neg); reach (KPP-Pos)
    greedy: list[Node] = field(default_factory=list)  # the greedy start, before any swap
    greedy_score: float = 0.0  # its score as the search measured it
    search_score: float = 0.0  # the final set's score as the search measured it (sampled when approximate)
    swaps: int = 0  # improving swaps made after the greedy start
    passes: int = 0  # swap passes run
    disruption: DisruptionReport | None = None
    reached_in_one: int = 0  # KPP-Pos: people one step from the set
    reached_in_two: int = 0  # KPP-Pos: people two steps from the set
    notes: list[str] = field(default_factory=list)


@dataclass
class _Search:
    chosen: list[int]
    score: float
    greedy: list[int]
    greedy_score: float
    swaps: int
    passes: int
    exhaustive: bool = False
    starts: int = 1


def _better(score: float, chosen: Sequence[int], best_score: float, best: Sequence[int]) -> bool:
    """Higher score wins; at equal scores (to 1e-12) the set whose people come first by vertex order."""
    if score > best_score + _EPS:
        return True
    return abs(score - best_score) <= _EPS and sorted(chosen) < sorted(best)


def _climb(start: list[int], order: Sequence[int], score: Callable[[list[int]], float],
           max_passes: int | None) -> tuple[list[int], float, int, int]:
    """Swap a member for an outsider whenever that raises the score, until a pass changes nothing."""
    chosen, current = list(start), score(start)
    swaps = passes = 0
    while max_passes is None or passes < max_passes:
        passes += 1
        before = swaps
        for i in range(len(chosen)):
            for c in order:
                if c in chosen:
                    continue
                trial = [*chosen[:i], c, *chosen[i + 1 :]]
                if (s := score(trial)) > current + _EPS:
                    chosen, current, swaps = trial, s, swaps + 1
        if swaps == before:
            break
    return chosen, current, swaps, passes


def _exhaustive(candidates: Sequence[int], k: int, score: Callable[[list[int]], float]) -> _Search:
    best: list[int] = []
    best_score = -math.inf
    for combo in itertools.combinations(sorted(candidates), k):
        chosen = list(combo)
        if _better(s := score(chosen), chosen, best_score, best):
            best, best_score = chosen, s
    return _Search(best, best_score, list(best), best_score, 0, 0, exhaustive=True, starts=0)


def _local_search(
    candidates: Sequence[int],
    k: int,
    score: Callable[[list[int]], float],
    rng: random.Random,
    max_passes: int | None,
    starts: Sequence[Sequence[int]] = (),
    restarts: int = 0,
) -> _Search:
    """Greedy start, then swap improvement; restarted from `starts` and `restarts` random sets."""
    order = list(candidates)
    rng.shuffle(order)
    chosen: list[int] = []
    for _ in range(k):
        best, best_score = -1, -math.inf
        for c in order:
            if c not in chosen and (s := score([*chosen, c])) > best_score + _EPS:
                best, best_score = c, s
        chosen.append(best)
    greedy, greedy_score = list(chosen), score(chosen)
    pool = set(order)
    beginnings = [greedy] + [list(s) for s in starts if len(set(s)) == k and set(s) <= pool]
    beginnings += [rng.sample(order, k) for _ in range(restarts if len(order) > k else 0)]
    top: list[int] = []
    top_score = -math.inf
    swaps = passes = 0
    for start in beginnings:
        found, found_score, made, ran = _climb(start, order, score, max_passes)
        swaps, passes = swaps + made, passes + ran
        if _better(found_score, found, top_score, top):
            top, top_score = found, found_score
    return _Search(top, top_score, greedy, greedy_score, swaps, passes, starts=len(beginnings))


def _pool(graph: ig.Graph, candidates: Sequence[int], size: int, sampling: Sampling) -> list[int]:
    """Alternately the highest (sampled) betweenness and the highest degree people: removing a
    broker cuts paths, removing a hub cuts many ties, and a key player set usually mixes both."""
    degree = graph.degree()
    betweenness = betweenness_values(graph, sampling=sampling)
    by_betweenness = sorted(candidates, key=lambda v: (-betweenness[v], v))
    by_degree = sorted(candidates, key=lambda v: (-degree[v], v))
    pool: list[int] = []
    for pair in zip(by_betweenness, by_degree, strict=True):
        for v in pair:
            if v not in pool and len(pool) < size:
                pool.append(v)
        if len(pool) >= size:
            break
    return pool


@dataclass(frozen=True)
class KeyPlayerSearch:
    """How a key player search is run; the defaults suit graphs from a handful to 100,000 people."""

    seed: int | None = 0
    exact_max_nodes: int = KPP_EXACT_MAX_NODES
    pool_size: int = KPP_POOL_SIZE
    samples: int = KPP_DISTANCE_SAMPLES  # DF sources (KPP-Neg)
    reach_targets: int = KPP_REACH_TARGETS  # reach targets (KPP-Pos)
    max_passes: int | None = None  # swap passes; None: until a pass improves nothing
    exhaustive_max_sets: int = KPP_EXHAUSTIVE_MAX_SETS  # score every set when there are at most this many
    restarts: int = KPP_RESTARTS  # random starting sets for the swap search

    @property
    def sampling(self) -> Sampling:
        """How the before/after figures and the candidate pool's betweenness are computed."""
        return replace(DEFAULT_SAMPLING, seed=self.seed)

    def exact(self, graph: ig.Graph) -> bool:
        return graph.vcount() <= self.exact_max_nodes

    def candidates(self, graph: ig.Graph, k: int) -> list[int]:
        persons = people(graph)
        if not 1 <= k <= len(persons):
            raise ValueError(f"k must be between 1 and the number of people ({len(persons)}), not {k}")
        if self.exact(graph):
            return persons
        return _pool(graph, persons, max(self.pool_size, 3 * k), self.sampling)

    def run(self, candidates: Sequence[int], k: int, score: Callable[[list[int]], float],
            starts: Sequence[Sequence[int]] = ()) -> _Search:
        if math.comb(len(candidates), k) <= self.exhaustive_max_sets:
            return _exhaustive(candidates, k, score)
        return _local_search(candidates, k, score, random.Random(self.seed), self.max_passes, starts, self.restarts)


def _isolating_sets(graph: ig.Graph, pool: Sequence[int], k: int, values: Sequence[float],
                    limit: int = 10) -> list[list[int]]:
    """Starting sets that cut someone off: the neighbours of a person with at most k ties, filled
    up with the highest-`values` people. The smallest cuts of a network are often these, and a
    climb from elsewhere reaches them only if one swap at a time already pays."""
    inside = set(pool)
    found = []
    for v in sorted(range(graph.vcount()), key=lambda v: (graph.degree(v), v)):
        around = sorted(set(graph.neighbors(v)))
        if not 1 <= len(around) <= k or not set(around) <= inside:
            continue
        found.append(around + [c for c in _top(values, pool, k + len(around)) if c not in around][: k - len(around)])
        if len(found) >= limit:
            break
    return found


def _top(values: Sequence[float], candidates: Sequence[int], k: int) -> list[int]:
    """The k candidates with the highest values, earlier vertices first among equals."""
    return sorted(candidates, key=lambda v: (-values[v], v))[:k]


def _report(graph: ig.Graph, kind: str, measure: str, found: _Search, search: KeyPlayerSearch, pool: Sequence[int]) -> KeyPlayers:
    return KeyPlayers(
        kind=kind,
        people=nodes(graph, found.chosen),
        score=found.score,
        baseline=0.0,
        method="approximate" if not search.exact(graph) else "exhaustive" if found.exhaustive else "exact",
        candidates=len(pool),
        measure=measure,
        greedy=nodes(graph, found.greedy),
        greedy_score=found.greedy_score,
        search_score=found.score,
        swaps=found.swaps,
        passes=found.passes,
        notes=([] if search.exact(graph) else [f"candidates: the {len(pool)} people of highest betweenness and degree"])
        + ([f"every one of the {math.comb(len(pool), len(found.chosen))} candidate sets scored"] if found.exhaustive
           else [f"best of {found.starts} swap searches (greedy, top betweenness, top degree, cut-off and random starts)"]),
    )


def kpp_neg(graph: ig.Graph, k: int, *, measure: str = "distance", search: KeyPlayerSearch | None = None) -> KeyPlayers:
    """The k people whose removal most fragments the network.

    measure: "distance" (default) maximises the distance-weighted fragmentation DF, rewarding both
    splitting the network and lengthening the paths that remain; "fragmentation" maximises F,
    which counts only the pairs cut apart (and is exact and cheap at any size). They can disagree:
    on a barbell — two cliques joined through one bridge person — F removes the bridge person,
    while DF removes the clique member holding the bridge, which splits the network almost as
    evenly and leaves the bridge person dangling two steps from their side.
    """
    if measure not in KPP_NEG_MEASURES:
        raise ValueError(f"unknown measure {measure!r}; use {' or '.join(KPP_NEG_MEASURES)}")
    search = search or KeyPlayerSearch()
    pool = search.candidates(graph, k)
    structure = bare(graph)
    sources = None
    if not search.exact(graph) and measure == "distance":
        outside = sorted(set(range(graph.vcount())) - set(pool))
        sources = random.Random(search.seed).sample(outside, min(search.samples, len(outside)))

    # F is flat wherever removing one more person cuts nothing, which stalls a climb; on exactly
    # scored graphs sets of equal F are told apart by DF, weighted below one step of F.
    n = graph.vcount()
    nudge = 1e-3 * 2 / (n * (n - 1)) if measure == "fragmentation" and search.exact(graph) and n > 1 else 0.0

    def measured(chosen: list[int], with_nudge: bool = False) -> float:
        residual = structure.copy()
        residual.delete_vertices(chosen)
        if measure == "fragmentation":
            return fragmentation(residual) + (nudge * (1.0 - compactness(residual, None)) if with_nudge and nudge else 0.0)
        return 1.0 - compactness(residual, None if sources is None else shift_indices(sources, chosen))

    def score(chosen: list[int]) -> float:
        return measured(chosen, with_nudge=True)

    betweenness = betweenness_values(graph, sampling=search.sampling)
    starts = [_top(betweenness, pool, k), _top(graph.degree(), pool, k), *_isolating_sets(graph, pool, k, betweenness)]
    found = search.run(pool, k, score, starts)
    if nudge:  # report the measure itself, not the tie-breaking nudge
        found = replace(found, score=measured(found.chosen), greedy_score=measured(found.greedy))
    result = _report(graph, "KPP-Neg", measure, found, search, pool)
    result.disruption = disrupt(graph, remove=found.chosen, sampling=search.sampling)
    figure = "fragmentation" if measure == "fragmentation" else "distance_fragmentation"
    result.score = getattr(result.disruption.after, figure)
    result.baseline = getattr(result.disruption.before, figure)
    if sources is not None:
        result.notes.append(f"DF during the search estimated from {len(sources)} source people")
    return result


def kpp_pos(graph: ig.Graph, k: int, *, search: KeyPlayerSearch | None = None) -> KeyPlayers:
    """The k people who together reach the most of the network (maximum distance-weighted reach)."""
    search = search or KeyPlayerSearch()
    pool = search.candidates(graph, k)
    everyone = list(range(graph.vcount()))
    targets = everyone
    if not search.exact(graph):
        targets = sorted(random.Random(search.seed).sample(everyone, min(search.reach_targets, len(everyone))))
    rows = {c: [inverse(d) for d in row] for c, row in zip(pool, graph.distances(source=pool, target=targets), strict=True)}

    def score(chosen: list[int]) -> float:
        return sum(max(column) for column in zip(*(rows[c] for c in chosen), strict=True)) / len(targets)

    found = search.run(pool, k, score, [_top(graph.degree(), pool, k)])
    result = _report(graph, "KPP-Pos", "reach", found, search, pool)
    result.score = distance_weighted_reach(graph, found.chosen)
    nearest = [min(column) for column in zip(*graph.distances(source=found.chosen), strict=True)]
    result.reached_in_one = sum(1 for d in nearest if d == 1)
    result.reached_in_two = sum(1 for d in nearest if d == 2)
    if targets is not everyone:
        result.notes.append(f"reach during the search measured to {len(targets)} sampled people")
    return result
