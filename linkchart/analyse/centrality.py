"""Centrality and brokerage measures, defined exactly as networkx defines them.

Analysts compare figures with published work that used networkx, UCINET or ORA, so the measures
follow networkx's definitions to the letter (tests check them to 1e-9):

- degree: deg / (n - 1);
- betweenness: pairs counted once, normalised by (n - 1)(n - 2) / 2;
- closeness: Wasserman–Faust corrected for disconnected graphs, (r - 1) / sum(d) * (r - 1) / (n - 1)
  with r the size of the person's component, 0 for isolates;
- eigenvector: the leading eigenvector of the adjacency matrix scaled to unit Euclidean length
  (networkx's convention, not igraph's max = 1). On a disconnected graph it is non-zero only on the
  component(s) with the largest leading eigenvalue, as the power iteration networkx runs converges
  there; ties between equally dominant components are split like networkx, by the projection of
  the all-ones start vector.

With `weighted=True` the multiplex tie strength counts: betweenness and closeness follow
`distance` = 1 / weight (a strong tie is a short hop), eigenvector centrality and Burt's
constraint use `weight` itself.

Exact betweenness and closeness cost one search per person. Above `Sampling.exact_max_nodes`
(2,500 people by default) they are estimated from `Sampling.pivots` random source people per
component (seeded), scaled up by component size / pivots — the Brandes–Pich estimator networkx
uses for its `k=` argument, stratified so that small components are still counted exactly.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import igraph as ig

from .records import Node, Tie, nodes, tie

#: Above this many vertices betweenness and closeness are estimated from sampled pivots.
EXACT_MAX_NODES = 2500
#: Source people sampled per component when estimating.
SAMPLE_PIVOTS = 128
#: Sources searched at once when estimating closeness (bounds memory to chunk x n distances).
_CHUNK = 16

MEASURES = ("degree", "betweenness", "closeness", "eigenvector")


@dataclass(frozen=True)
class Sampling:
    """When path-based measures stop being exact, and how they are then estimated.

    One value shared by every measure, so a report's figures are all exact or all estimated from
    the same source people, and a seed reproduces them.
    """

    exact_max_nodes: int = EXACT_MAX_NODES
    pivots: int = SAMPLE_PIVOTS
    seed: int | None = 0

    def applies(self, graph: ig.Graph) -> bool:
        return graph.vcount() > self.exact_max_nodes

    def sources(self, graph: ig.Graph) -> list[int] | None:
        """`pivots` people drawn from the whole graph, or None (everyone) when exact."""
        if not self.applies(graph):
            return None
        population = range(graph.vcount())
        return list(population) if len(population) <= self.pivots else random.Random(self.seed).sample(population, self.pivots)

    def stratified(self, graph: ig.Graph) -> tuple[list[int], list[float]]:
        """Up to `pivots` sources in each component, and each vertex's scale factor."""
        rng = random.Random(self.seed)
        sources: list[int] = []
        factors = [1.0] * graph.vcount()
        for members in graph.connected_components():
            if len(members) <= self.pivots:
                sources.extend(members)
                continue
            sources.extend(rng.sample(members, self.pivots))
            for v in members:
                factors[v] = len(members) / self.pivots
        return sources, factors


DEFAULT_SAMPLING = Sampling()


# --------------------------------------------------------------------------- measures by vertex index


def _weights(graph: ig.Graph, weighted: bool, attribute: str) -> str | None:
    return attribute if weighted and graph.ecount() else None


def degree_values(graph: ig.Graph) -> list[float]:
    n = graph.vcount()
    return [d / (n - 1) if n > 1 else 1.0 for d in graph.degree()]


def betweenness_values(graph: ig.Graph, *, weighted: bool = False, sampling: Sampling = DEFAULT_SAMPLING) -> list[float]:
    n = graph.vcount()
    weights = _weights(graph, weighted, "distance")
    if not sampling.applies(graph):
        raw = graph.betweenness(directed=False, weights=weights)
    else:
        sources, factors = sampling.stratified(graph)
        sampled = graph.betweenness(directed=False, weights=weights, sources=sources)
        raw = [b * f for b, f in zip(sampled, factors, strict=True)]
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return [b * scale for b in raw]


def edge_betweenness_values(graph: ig.Graph, *, weighted: bool = False, sampling: Sampling = DEFAULT_SAMPLING) -> list[float]:
    """Shortest paths (pairs of people, split where there are several) running through each tie."""
    weights = _weights(graph, weighted, "distance")
    if not sampling.applies(graph):
        return list(graph.edge_betweenness(directed=False, weights=weights))
    sources, factors = sampling.stratified(graph)
    sampled = graph.edge_betweenness(directed=False, weights=weights, sources=sources)
    return [b * factors[source] for (source, _), b in zip(graph.get_edgelist(), sampled, strict=True)]


def _component_sizes(graph: ig.Graph) -> list[int]:
    components = graph.connected_components()
    sizes = components.sizes()
    return [sizes[c] for c in components.membership]


def closeness_values(graph: ig.Graph, *, weighted: bool = False, sampling: Sampling = DEFAULT_SAMPLING) -> list[float]:
    n = graph.vcount()
    weights = _weights(graph, weighted, "distance")
    sizes = _component_sizes(graph)
    if not sampling.applies(graph):
        within = graph.closeness(mode="all", weights=weights, normalized=True)
        return [0.0 if r < 2 or math.isnan(c) else c * (r - 1) / (n - 1) for c, r in zip(within, sizes, strict=True)]
    sources, factors = sampling.stratified(graph)
    totals = [0.0] * n
    for start in range(0, len(sources), _CHUNK):
        for row in graph.distances(source=sources[start : start + _CHUNK], weights=weights):
            totals = [t + d if d != math.inf else t for t, d in zip(totals, row, strict=True)]
    result = []
    for total, factor, r in zip(totals, factors, sizes, strict=True):
        estimate = total * factor
        result.append(0.0 if r < 2 or estimate <= 0 else (r - 1) / estimate * (r - 1) / (n - 1))
    return result


def _unit(values: Sequence[float]) -> list[float]:
    norm = math.sqrt(sum(v * v for v in values)) or 1.0
    return [abs(v) / norm for v in values]


def eigenvector_values(graph: ig.Graph, *, weighted: bool = False) -> list[float]:
    n = graph.vcount()
    if n == 0:
        return []
    weights = _weights(graph, weighted, "weight")
    components = graph.connected_components()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns on disconnected graphs; handled below
        values, leading = graph.eigenvector_centrality(weights=weights, return_eigenvalue=True)
        if len(components) == 1:
            return _unit(values)
        # Only a component whose largest (weighted) degree reaches the leading eigenvalue can share it.
        strength = graph.strength(weights=weights)
        result = [0.0] * n
        found: list[tuple[float, list[int], list[float]]] = []
        for members in components:
            if max(strength[v] for v in members) < leading * (1 - 1e-9):
                continue
            sub = graph.induced_subgraph(members)
            if sub.ecount() == 0:
                found.append((0.0, members, [1.0]))
                continue
            vector, value = sub.eigenvector_centrality(weights=weights, return_eigenvalue=True)
            found.append((value, members, _unit(vector)))
    top = max(value for value, _, _ in found)
    for value, members, vector in found:
        if value >= top - 1e-9 * max(1.0, top):
            share = sum(vector)  # projection of networkx's all-ones start vector
            for v, x in zip(members, vector, strict=True):
                result[v] = share * x
    return _unit(result)


def constraint_values(graph: ig.Graph, *, weighted: bool = False) -> list[float | None]:
    """Burt's constraint (low = broker between otherwise unconnected people); None for isolates."""
    return [None if math.isnan(c) else c for c in graph.constraint(weights=_weights(graph, weighted, "weight"))]


# --------------------------------------------------------------------------- networkx-style, keyed by entity id


def _by_id[T](graph: ig.Graph, values: Sequence[T]) -> dict[str, T]:
    return dict(zip(graph.vs["id"], values, strict=True)) if graph.vcount() else {}


def degree_centrality(graph: ig.Graph) -> dict[str, float]:
    return _by_id(graph, degree_values(graph))


def betweenness_centrality(graph: ig.Graph, *, weighted: bool = False, sampling: Sampling = DEFAULT_SAMPLING) -> dict[str, float]:
    return _by_id(graph, betweenness_values(graph, weighted=weighted, sampling=sampling))


def closeness_centrality(graph: ig.Graph, *, weighted: bool = False, sampling: Sampling = DEFAULT_SAMPLING) -> dict[str, float]:
    return _by_id(graph, closeness_values(graph, weighted=weighted, sampling=sampling))


def eigenvector_centrality(graph: ig.Graph, *, weighted: bool = False) -> dict[str, float]:
    return _by_id(graph, eigenvector_values(graph, weighted=weighted))


@dataclass
class Brokers:
    """People and ties whose loss would split the network, and Burt's constraint for everyone."""

    articulation_points: list[Node]
    bridges: list[Tie]
    constraint: dict[str, float | None]


def brokers(graph: ig.Graph, *, weighted: bool = False) -> Brokers:
    return Brokers(
        articulation_points=nodes(graph, sorted(graph.articulation_points())),
        bridges=[tie(graph, e) for e in graph.bridges()],
        constraint=_by_id(graph, constraint_values(graph, weighted=weighted)),
    )
