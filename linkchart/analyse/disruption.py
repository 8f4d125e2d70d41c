"""Disruption: what happens to the network when people are arrested or ties are cut.

Measures (Borgatti 2006, "Identifying sets of key players in a social network"):

- fragmentation F = 1 - sum_k s_k (s_k - 1) / (n (n - 1)), s_k the component sizes: the share of
  pairs of people who can no longer reach each other at all;
- distance-weighted fragmentation DF = 1 - sum_{i != j} (1 / d_ij) / (n (n - 1)): like F but a pair
  that is still connected by a long chain counts as mostly cut (1 / d), which is what matters
  for a network that passes on money, weapons and instructions hand to hand;
- reach = 1 - DF, the average distance-weighted reach of a person to everyone else.

They count hops, not tie strength: Borgatti defines them on geodesic distance, and distances of
1 / weight would break their 0..1 scale. Before/after figures are exact up to
`Sampling.exact_max_nodes` people and estimated from `Sampling.pivots` source people above that,
the same people before and after so the two compare.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

import igraph as ig

from .centrality import DEFAULT_SAMPLING, Sampling
from .records import NameLookupError, Node, PersonRef, Tie, nodes, resolve_people, resolve_person, tie


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


def bare(graph: ig.Graph) -> ig.Graph:
    """The structure without attributes: cheap to copy thousands of times."""
    return ig.Graph(n=graph.vcount(), edges=graph.get_edgelist(), directed=False)


def fragmentation(graph: ig.Graph) -> float:
    """Borgatti's F: the share of pairs that cannot reach each other (0 for fewer than 2 people)."""
    n = graph.vcount()
    if n < 2:
        return 0.0
    sizes = graph.connected_components().sizes()
    return 1.0 - sum(s * (s - 1) for s in sizes) / (n * (n - 1))


def compactness(graph: ig.Graph, sources: Sequence[int] | None = None) -> float:
    """Mean over sources (default: everyone) of sum_j 1/d_ij / (n - 1), i.e. 1 - DF."""
    if graph.vcount() < 2:
        return 0.0
    values = graph.harmonic_centrality(vertices=sources, mode="all", normalized=True)
    return float(sum(values) / len(values)) if values else 0.0


def shift_indices(vertices: Sequence[int], removed: Sequence[int]) -> list[int]:
    """Indices of kept vertices after `removed` are deleted (igraph renumbers downwards)."""
    gone = sorted(removed)
    return [v - bisect_left(gone, v) for v in vertices]


def distance_fragmentation(graph: ig.Graph, *, sampling: Sampling = DEFAULT_SAMPLING) -> float:
    """Borgatti's distance-weighted fragmentation DF (estimated from sampled sources on big graphs)."""
    return 1.0 - compactness(graph, sampling.sources(graph))


def _cohesion(graph: ig.Graph, sources: Sequence[int] | None) -> Cohesion:
    sizes = graph.connected_components().sizes() if graph.vcount() else []
    compact = compactness(graph, sources)
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


def cohesion(graph: ig.Graph, *, sampling: Sampling = DEFAULT_SAMPLING) -> Cohesion:
    """Size, components, F, DF and reach of the network as it stands."""
    return _cohesion(graph, sampling.sources(graph))


def inverse(distance: float) -> float:
    """What a person at `distance` counts towards reach: 1 / d, 1 for oneself, 0 if unreachable."""
    return 1.0 if distance == 0 else (0.0 if distance == math.inf else 1.0 / distance)


def distance_weighted_reach(graph: ig.Graph, group: Sequence[PersonRef]) -> float:
    """Borgatti's DR of a set: mean over everyone of 1 / distance to the nearest member (members: 1)."""
    n = graph.vcount()
    members = resolve_people(graph, group)
    if n == 0 or not members:
        return 0.0
    rows = graph.distances(source=members)
    return sum(inverse(min(column)) for column in zip(*rows, strict=True)) / n


def _largest_component(graph: ig.Graph) -> list[int]:
    if graph.vcount() == 0:
        return []
    components = graph.connected_components()
    sizes = components.sizes()
    return list(components[sizes.index(max(sizes))])


def disrupt(
    graph: ig.Graph,
    *,
    remove: Sequence[PersonRef] = (),
    cut: Sequence[tuple[PersonRef, PersonRef]] = (),
    sampling: Sampling = DEFAULT_SAMPLING,
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
    before_graph = bare(graph)
    after_graph = before_graph.copy()
    after_graph.delete_edges(edges)
    after_graph.delete_vertices(removed)

    gone = set(removed)
    sources = sampling.sources(graph)
    if sources is not None:  # the same people before and after, so the figures compare
        sources = [s for s in sources if s not in gone]
    kept = [v for v in range(graph.vcount()) if v not in gone]
    main_before = set(_largest_component(before_graph))
    main_after = {kept[v] for v in _largest_component(after_graph)}
    return DisruptionReport(
        removed_people=nodes(graph, removed),
        removed_ties=[tie(graph, e) for e in edges],
        before=_cohesion(before_graph, sources),
        after=_cohesion(after_graph, None if sources is None else shift_indices(sources, removed)),
        cut_off=nodes(graph, sorted(main_before - main_after - gone)),
    )
