"""Disruption: what happens to the network when people are arrested or ties are cut.

Measures (Borgatti 2006, "Identifying sets of key players in a social network"):

- fragmentation F = 1 - sum_k s_k (s_k - 1) / (n (n - 1)), s_k the component sizes: the share of
  pairs of people who can no longer reach each other at all;
- distance-weighted fragmentation DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1)): like F but a pair
  that is still connected by a long chain counts as mostly cut (1 / d), which is what matters
  for a network that passes on money, weapons and instructions hand to hand;
- reach = 1 - DF, the average distance-weighted reach of a person to everyone else.

Key player sets: KPP-Neg finds the k people whose removal maximises DF (or, on request, F);
KPP-Pos the k people who together reach the most of the network (distance-weighted reach of
the set, members counting 1).
Both run Borgatti's greedy start followed by swap improvement, with a seeded random order so
ties are broken reproducibly.

Exact DF costs one breadth-first search per person and every candidate set needs a fresh DF, so
above `KPP_EXACT_MAX_NODES` people the search switches to an approximation: candidates come
from a pool of `KPP_POOL_SIZE` people (alternately the highest sampled betweenness and the highest
degree) and DF is estimated from `KPP_DISTANCE_SAMPLES` fixed source people outside the pool
(the same sources for every candidate set, so comparisons are fair). KPP-Pos measures reach
to `KPP_REACH_TARGETS` sampled people. Before/after figures for a removal are exact up to
`EXACT_MAX_NODES` people and estimated from `SAMPLE_PIVOTS` sources above that.
"""

from __future__ import annotations

import math
import random
from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import igraph as ig

from .centrality import EXACT_MAX_NODES, SAMPLE_PIVOTS, betweenness_values
from .graph import NameLookupError, Node, PersonRef, Tie, nodes, people, resolve_people, resolve_person, tie

#: Up to this many vertices key player searches are exact: every person is a candidate, DF is exact.
KPP_EXACT_MAX_NODES = 250
#: Candidate pool size above the exact limit.
KPP_POOL_SIZE = 30
#: Source people DF is estimated from during an approximate KPP-Neg search.
KPP_DISTANCE_SAMPLES = 16
#: Target people reach is measured to during an approximate KPP-Pos search.
KPP_REACH_TARGETS = 2000
#: What KPP-Neg can maximise: distance-weighted fragmentation DF, or component fragmentation F.
KPP_NEG_MEASURES = ("distance", "fragmentation")
#: Rounds of swap improvement after the greedy start.
MAX_PASSES = 3

_EPS = 1e-12


@dataclass
class Cohesion:
    people: int
    ties: int
    components: int
    largest_component: int
    fragmentation: float
    distance_fragmentation: float
    reach: float
    sampled: bool


@dataclass
class DisruptionReport:
    removed_people: list[Node]
    removed_ties: list[Tie]
    before: Cohesion
    after: Cohesion
    cut_off: list[Node]  # people who were in the largest component and no longer are


@dataclass
class KeyPlayers:
    kind: str  # KPP-Neg | KPP-Pos
    people: list[Node]
    score: float  # DF (or F) after removal (KPP-Neg) or distance-weighted reach of the set (KPP-Pos)
    baseline: float  # DF (or F) before removal (KPP-Neg); 0 (KPP-Pos)
    method: str  # exact | approximate
    candidates: int
    measure: str  # distance | fragmentation (KPP-Neg); reach (KPP-Pos)
    disruption: DisruptionReport | None = None
    reached_in_one: int = 0  # KPP-Pos: people one step from the set
    reached_in_two: int = 0  # KPP-Pos: people two steps from the set
    notes: list[str] = field(default_factory=list)


# --------------------------------------------------------------------------- measures


def _bare(graph: ig.Graph) -> ig.Graph:
    """The structure without attributes: cheap to copy thousands of times."""
    return ig.Graph(n=graph.vcount(), edges=graph.get_edgelist(), directed=False)


def fragmentation(graph: ig.Graph) -> float:
    """Borgatti's F: the share of pairs that cannot reach each other (0 for fewer than 2 people)."""
    n = graph.vcount()
    if n < 2:
        return 0.0
    sizes = graph.connected_components().sizes()
    return 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))


def _compactness(graph: ig.Graph, sources: Sequence[int] | None) -> float:
    """Mean over sources (default: everyone) of sum_j 1/d_ij / (n - 1), i.e. 1 - DF."""
    if graph.vcount() < 2:
        return 0.0
    values = graph.harmonic_centrality(vertices=sources, mode="all", normalized=True)
    return sum(values) / len(values) if values else 0.0


def _sample(population: Sequence[int], size: int, rng: random.Random) -> list[int]:
    return list(population) if len(population) <= size else rng.sample(list(population), size)


def _shift(vertices: Sequence[int], removed: Sequence[int]) -> list[int]:
    """Indices of kept vertices after `removed` are deleted (igraph renumbers downwards)."""
    gone = sorted(removed)
    return [v - bisect_left(gone, v) for v in vertices]


def _sources(graph: ig.Graph, exact_max_nodes: int, samples: int, seed: int | None) -> list[int] | None:
    if graph.vcount() <= exact_max_nodes:
        return None
    return _sample(range(graph.vcount()), samples, random.Random(seed))


def distance_fragmentation(
    graph: ig.Graph,
    *,
    exact_max_nodes: int = EXACT_MAX_NODES,
    samples: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> float:
    """Borgatti's distance-weighted fragmentation DF (estimated from `samples` sources on big graphs)."""
    return 1.0 - _compactness(graph, _sources(graph, exact_max_nodes, samples, seed))


def _cohesion(graph: ig.Graph, sources: Sequence[int] | None) -> Cohesion:
    sizes = graph.connected_components().sizes() if graph.vcount() else []
    compact = _compactness(graph, sources)
    return Cohesion(
        people=graph.vcount(),
        ties=graph.ecount(),
        components=len(sizes),
        largest_component=max(sizes, default=0),
        fragmentation=fragmentation(graph),
        distance_fragmentation=1.0 - compact,
        reach=compact,
        sampled=sources is not None,
    )


def cohesion(
    graph: ig.Graph,
    *,
    exact_max_nodes: int = EXACT_MAX_NODES,
    samples: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> Cohesion:
    """Size, components, F, DF and reach of the network as it stands."""
    return _cohesion(graph, _sources(graph, exact_max_nodes, samples, seed))


def distance_weighted_reach(graph: ig.Graph, group: Sequence[PersonRef]) -> float:
    """Borgatti's DR of a set: mean over everyone of 1 / distance to the nearest member (members: 1)."""
    n = graph.vcount()
    members = resolve_people(graph, group)
    if n == 0 or not members:
        return 0.0
    rows = graph.distances(source=members)
    return sum(_inverse(min(column)) for column in zip(*rows, strict=True)) / n


def _inverse(distance: float) -> float:
    return 1.0 if distance == 0 else (0.0 if distance == math.inf else 1.0 / distance)


# --------------------------------------------------------------------------- removing people and ties


def _largest_component(graph: ig.Graph) -> list[int]:
    components = graph.connected_components()
    return max(components, key=len) if graph.vcount() else []


def disrupt(
    graph: ig.Graph,
    *,
    remove: Sequence[PersonRef] = (),
    cut: Sequence[tuple[PersonRef, PersonRef]] = (),
    exact_max_nodes: int = EXACT_MAX_NODES,
    samples: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> DisruptionReport:
    """Remove people (`remove`) and ties (`cut`, pairs of people) and compare cohesion before and after."""
    removed = sorted(set(resolve_people(graph, remove)))
    edges = []
    for a, b in cut:
        va, vb = resolve_person(graph, a), resolve_person(graph, b)
        edge = graph.get_eid(va, vb, directed=False, error=False)
        if edge < 0:
            raise NameLookupError(f"{graph.vs[va]['name']} and {graph.vs[vb]['name']} are not directly tied")
        edges.append(edge)
    before_graph = _bare(graph)
    after_graph = before_graph.copy()
    after_graph.delete_edges(edges)
    after_graph.delete_vertices(removed)

    gone = set(removed)
    sources = _sources(graph, exact_max_nodes, samples, seed)
    if sources is not None:  # the same people before and after, so the figures compare
        sources = [s for s in sources if s not in gone]
    kept = [v for v in range(graph.vcount()) if v not in gone]
    main_before = set(_largest_component(before_graph))
    main_after = {kept[v] for v in _largest_component(after_graph)}
    return DisruptionReport(
        removed_people=nodes(graph, removed),
        removed_ties=[tie(graph, e) for e in edges],
        before=_cohesion(before_graph, sources),
        after=_cohesion(after_graph, None if sources is None else _shift(sources, removed)),
        cut_off=nodes(graph, sorted(main_before - main_after - gone)),
    )


# --------------------------------------------------------------------------- key player sets


def _local_search(
    candidates: Sequence[int],
    k: int,
    score: Callable[[list[int]], float],
    rng: random.Random,
    max_passes: int,
) -> tuple[list[int], float]:
    """Greedy start, then swap a member for an outsider whenever that raises the score."""
    order = list(candidates)
    rng.shuffle(order)
    chosen: list[int] = []
    for _ in range(k):
        best, best_score = -1, -math.inf
        for c in order:
            if c not in chosen and (s := score([*chosen, c])) > best_score + _EPS:
                best, best_score = c, s
        chosen.append(best)
    current = score(chosen)
    for _ in range(max_passes):
        improved = False
        for i in range(k):
            for c in order:
                if c in chosen:
                    continue
                trial = [*chosen[:i], c, *chosen[i + 1 :]]
                if (s := score(trial)) > current + _EPS:
                    chosen, current, improved = trial, s, True
        if not improved:
            break
    return chosen, current


def _pool(graph: ig.Graph, candidates: Sequence[int], size: int, seed: int | None) -> list[int]:
    """Alternately the highest (sampled) betweenness and the highest degree people."""
    degree = graph.degree()
    betweenness = betweenness_values(graph, seed=seed)
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


def _candidates(graph: ig.Graph, k: int, exact: bool, pool_size: int, seed: int | None) -> list[int]:
    persons = people(graph)
    if not 1 <= k <= len(persons):
        raise ValueError(f"k must be between 1 and the number of people ({len(persons)}), not {k}")
    return persons if exact else _pool(graph, persons, max(pool_size, 3 * k), seed)


def kpp_neg(
    graph: ig.Graph,
    k: int,
    *,
    measure: str = "distance",
    seed: int | None = 0,
    exact_max_nodes: int = KPP_EXACT_MAX_NODES,
    pool_size: int = KPP_POOL_SIZE,
    distance_samples: int = KPP_DISTANCE_SAMPLES,
    max_passes: int = MAX_PASSES,
) -> KeyPlayers:
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
    exact = graph.vcount() <= exact_max_nodes
    pool = _candidates(graph, k, exact, pool_size, seed)
    rng = random.Random(seed)
    bare = _bare(graph)
    outside = sorted(set(range(graph.vcount())) - set(pool))
    sampled = not exact and measure == "distance"
    sources = _sample(outside, distance_samples, rng) if sampled else None

    def score(chosen: list[int]) -> float:
        residual = bare.copy()
        residual.delete_vertices(chosen)
        if measure == "fragmentation":
            return fragmentation(residual)
        return 1.0 - _compactness(residual, None if sources is None else _shift(sources, chosen))

    chosen, _ = _local_search(pool, k, score, rng, max_passes)
    report = disrupt(graph, remove=chosen, seed=seed)
    field_name = "fragmentation" if measure == "fragmentation" else "distance_fragmentation"
    notes = [f"candidates: the {len(pool)} people of highest betweenness and degree"] if not exact else []
    if sampled:
        notes.append(f"DF during the search estimated from {len(sources or [])} source people")
    return KeyPlayers(
        kind="KPP-Neg",
        people=nodes(graph, chosen),
        score=getattr(report.after, field_name),
        baseline=getattr(report.before, field_name),
        method="exact" if exact else "approximate",
        candidates=len(pool),
        measure=measure,
        disruption=report,
        notes=notes,
    )


def kpp_pos(
    graph: ig.Graph,
    k: int,
    *,
    seed: int | None = 0,
    exact_max_nodes: int = KPP_EXACT_MAX_NODES,
    pool_size: int = KPP_POOL_SIZE,
    reach_targets: int = KPP_REACH_TARGETS,
    max_passes: int = MAX_PASSES,
) -> KeyPlayers:
    """The k people who together reach the most of the network (maximum distance-weighted reach)."""
    exact = graph.vcount() <= exact_max_nodes
    pool = _candidates(graph, k, exact, pool_size, seed)
    rng = random.Random(seed)
    targets = list(range(graph.vcount())) if exact else sorted(_sample(range(graph.vcount()), reach_targets, rng))
    rows = {c: [_inverse(d) for d in row] for c, row in zip(pool, graph.distances(source=pool, target=targets), strict=True)}

    def score(chosen: list[int]) -> float:
        return sum(max(column) for column in zip(*(rows[c] for c in chosen), strict=True)) / len(targets)

    chosen, _ = _local_search(pool, k, score, rng, max_passes)
    nearest = [min(column) for column in zip(*graph.distances(source=chosen), strict=True)]
    return KeyPlayers(
        kind="KPP-Pos",
        people=nodes(graph, chosen),
        score=distance_weighted_reach(graph, chosen),
        baseline=0.0,
        method="exact" if exact else "approximate",
        candidates=len(pool),
        measure="reach",
        reached_in_one=sum(1 for d in nearest if d == 1),
        reached_in_two=sum(1 for d in nearest if d == 2),
        notes=[] if exact else [f"{len(pool)} candidates; reach during the search measured to {len(targets)} people"],
    )
