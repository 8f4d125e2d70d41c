"""Key actors: who is central, who brokers, and which ties make them so.

The measures follow networkx's definitions exactly (tests check them to 1e-9), because
analysts compare figures with published work that used networkx, UCINET or ORA:

- degree: deg / (n - 1);
- betweenness: pairs counted once, normalised by (n - 1)(n - 2) / 2;
- closeness: Wasserman–Faust corrected for disconnected graphs, (r - 1) / sum(d) * (r - 1) / (n - 1)
  with r the size of the person's component, 0 for isolates;
- eigenvector: the leading eigenvector of the adjacency matrix scaled to unit Euclidean length
  (networkx's convention, not igraph's max = 1). On a disconnected graph it is non-zero only on the
  component(s) with the largest leading eigenvalue, as the power iteration networkx runs converges
  there; ties between equally dominant components are split like networkx, by the projection of
  the all-ones start vector.

Exact betweenness and closeness cost one search per person. Above `EXACT_MAX_NODES` people they
are estimated from `SAMPLE_PIVOTS` random source people per component (seeded), scaled up by
component size / pivots — the Brandes–Pich estimator networkx uses for its `k=` argument,
stratified so small components are still counted exactly.
"""

from __future__ import annotations

import math
import random
import warnings
from collections.abc import Sequence
from dataclasses import dataclass, field

import igraph as ig

from .cells import communities
from .graph import Node, Tie, node, nodes, other_end, people, tie

#: Above this many vertices betweenness and closeness are estimated from sampled pivots.
EXACT_MAX_NODES = 2500
#: Source people sampled per component when estimating.
SAMPLE_PIVOTS = 128
#: Sources searched at once when estimating closeness (bounds memory to chunk x n distances).
_CHUNK = 16

MEASURES = ("degree", "betweenness", "closeness", "eigenvector")


# --------------------------------------------------------------------------- raw measures (by vertex index)


def _pivots(graph: ig.Graph, pivots: int, seed: int | None) -> tuple[list[int], list[float]]:
    """Sample up to `pivots` sources in each component; return them and each vertex's scale factor."""
    rng = random.Random(seed)
    sources: list[int] = []
    factors = [1.0] * graph.vcount()
    for members in graph.connected_components():
        if len(members) <= pivots:
            sources.extend(members)
            continue
        sources.extend(rng.sample(members, pivots))
        for v in members:
            factors[v] = len(members) / pivots
    return sources, factors


def _component_sizes(graph: ig.Graph) -> list[int]:
    components = graph.connected_components()
    sizes = components.sizes()
    return [sizes[c] for c in components.membership]


def degree_values(graph: ig.Graph) -> list[float]:
    n = graph.vcount()
    return [d / (n - 1) if n > 1 else 1.0 for d in graph.degree()]


def betweenness_values(
    graph: ig.Graph,
    *,
    weighted: bool = False,
    exact_max_nodes: int = EXACT_MAX_NODES,
    pivots: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> list[float]:
    n = graph.vcount()
    weights = "distance" if weighted and graph.ecount() else None
    if n <= exact_max_nodes:
        raw = graph.betweenness(directed=False, weights=weights)
    else:
        sources, factors = _pivots(graph, pivots, seed)
        sampled = graph.betweenness(directed=False, weights=weights, sources=sources)
        raw = [b * f for b, f in zip(sampled, factors, strict=True)]
    scale = 2.0 / ((n - 1) * (n - 2)) if n > 2 else 1.0
    return [b * scale for b in raw]


def closeness_values(
    graph: ig.Graph,
    *,
    weighted: bool = False,
    exact_max_nodes: int = EXACT_MAX_NODES,
    pivots: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> list[float]:
    n = graph.vcount()
    weights = "distance" if weighted and graph.ecount() else None
    sizes = _component_sizes(graph)
    if n <= exact_max_nodes:
        within = graph.closeness(mode="all", weights=weights, normalized=True)
        return [0.0 if r < 2 or math.isnan(c) else c * (r - 1) / (n - 1) for c, r in zip(within, sizes, strict=True)]
    sources, factors = _pivots(graph, pivots, seed)
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
    weights = "weight" if weighted and graph.ecount() else None
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
    weights = "weight" if weighted and graph.ecount() else None
    return [None if math.isnan(c) else c for c in graph.constraint(weights=weights)]


# --------------------------------------------------------------------------- public, networkx-style


def _by_id(graph: ig.Graph, values: Sequence[float]) -> dict[str, float]:
    return dict(zip(graph.vs["id"], values, strict=True)) if graph.vcount() else {}


def degree_centrality(graph: ig.Graph) -> dict[str, float]:
    """Degree / (n - 1), keyed by entity id."""
    return _by_id(graph, degree_values(graph))


def betweenness_centrality(
    graph: ig.Graph,
    *,
    weighted: bool = False,
    exact_max_nodes: int = EXACT_MAX_NODES,
    pivots: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> dict[str, float]:
    """Normalised betweenness keyed by entity id; estimated from pivots above `exact_max_nodes`."""
    values = betweenness_values(graph, weighted=weighted, exact_max_nodes=exact_max_nodes, pivots=pivots, seed=seed)
    return _by_id(graph, values)


def closeness_centrality(
    graph: ig.Graph,
    *,
    weighted: bool = False,
    exact_max_nodes: int = EXACT_MAX_NODES,
    pivots: int = SAMPLE_PIVOTS,
    seed: int | None = 0,
) -> dict[str, float]:
    """Wasserman–Faust closeness keyed by entity id; estimated from pivots above `exact_max_nodes`."""
    values = closeness_values(graph, weighted=weighted, exact_max_nodes=exact_max_nodes, pivots=pivots, seed=seed)
    return _by_id(graph, values)


def eigenvector_centrality(graph: ig.Graph, *, weighted: bool = False) -> dict[str, float]:
    """Unit-length leading eigenvector keyed by entity id (networkx convention)."""
    return _by_id(graph, eigenvector_values(graph, weighted=weighted))


@dataclass
class Brokers:
    """People and ties whose loss would split the network, and Burt's constraint for everyone."""

    articulation_points: list[Node]
    bridges: list[Tie]
    constraint: dict[str, float | None]


def brokers(graph: ig.Graph, *, weighted: bool = False) -> Brokers:
    constraint = constraint_values(graph, weighted=weighted)
    return Brokers(
        articulation_points=nodes(graph, sorted(graph.articulation_points())),
        bridges=[tie(graph, e) for e in graph.bridges()],
        constraint=dict(zip(graph.vs["id"], constraint, strict=True)) if graph.vcount() else {},
    )


# --------------------------------------------------------------------------- the key actors report


@dataclass
class BrokerTie:
    """A tie held by a key actor, and why it matters."""

    tie: Tie
    bridge: bool  # removing it disconnects the two people
    other_cell: int | None  # the other person's cell number (as `cells` labels it) when it differs


@dataclass
class ActorScore:
    person: Node
    rank: int
    degree: int
    degree_centrality: float
    betweenness: float
    closeness: float
    eigenvector: float
    constraint: float | None
    ranks: dict[str, int]
    articulation_point: bool
    cuts_off: int  # people separated from the bulk of the actor's component if the actor is removed
    cell: int  # numbered like `cells` labels: cell 1 is the largest
    ties: list[BrokerTie] = field(default_factory=list)


@dataclass
class KeyActorsReport:
    actors: list[ActorScore]
    by: str
    people: int
    ties: int
    sampled: bool
    pivots: int | None
    seed: int | None


def _ranks(values: Sequence[float]) -> list[int]:
    """Competition ranks, highest value first (1, 2, 2, 4)."""
    ordered = sorted(values, reverse=True)
    first: dict[float, int] = {}
    for position, value in enumerate(ordered, start=1):
        first.setdefault(value, position)
    return [first[v] for v in values]


def _cuts_off(graph: ig.Graph, vertex: int, membership: Sequence[int]) -> int:
    """How many people lose touch with the largest remaining part of `vertex`'s component."""
    component = [v for v, c in enumerate(membership) if c == membership[vertex] and v != vertex]
    if not component:
        return 0
    pieces = graph.induced_subgraph(component).connected_components().sizes()
    return len(component) - max(pieces)


def _broker_ties(graph: ig.Graph, vertex: int, bridges: set[int], cells: Sequence[int], max_ties: int) -> list[BrokerTie]:
    """The actor's bridges and ties into other cells; failing those, their strongest ties."""
    held = []
    for edge in graph.incident(vertex):
        other = other_end(graph, edge, vertex)
        other_cell = cells[other] + 1 if cells[other] != cells[vertex] else None
        held.append(BrokerTie(tie(graph, edge, vertex), edge in bridges, other_cell))
    telling = [t for t in held if t.bridge or t.other_cell is not None] or held
    telling.sort(key=lambda t: (not t.bridge, t.other_cell is None, -t.tie.weight, t.tie.target.name))
    return telling[:max_ties]


def key_actors(
    graph: ig.Graph,
    top: int = 10,
    *,
    by: str = "overall",
    weighted: bool = False,
    seed: int | None = 0,
    exact_max_nodes: int = EXACT_MAX_NODES,
    pivots: int = SAMPLE_PIVOTS,
    membership: Sequence[int] | None = None,
    resolution: float = 1.0,
    max_ties: int = 8,
) -> KeyActorsReport:
    """ORA-style key actor report: the `top` people with every measure, their ranks and telling ties.

    by: "overall" ranks by the mean of the degree, betweenness, closeness and eigenvector ranks
        (a Borda count, so one inflated measure cannot carry a person); or one of those measures,
        or "constraint" (lowest first: the least constrained are the brokers).
    membership: cell of each vertex (e.g. from `cells.communities`); computed with Leiden
        (`seed`, `resolution`) when omitted. Ties into other cells are what make a broker.

    Measures are computed on the whole graph (organisations too, if they are vertices); only
    people are ranked. Above `exact_max_nodes` vertices betweenness and closeness are estimates.
    """
    if by not in (*MEASURES, "overall", "constraint"):
        raise ValueError(f"unknown measure {by!r}; use overall, constraint or one of {', '.join(MEASURES)}")
    values = {
        "degree": degree_values(graph),
        "betweenness": betweenness_values(graph, weighted=weighted, exact_max_nodes=exact_max_nodes, pivots=pivots, seed=seed),
        "closeness": closeness_values(graph, weighted=weighted, exact_max_nodes=exact_max_nodes, pivots=pivots, seed=seed),
        "eigenvector": eigenvector_values(graph, weighted=weighted),
    }
    constraint = constraint_values(graph, weighted=weighted)
    persons = people(graph)
    ranks = {m: dict(zip(persons, _ranks([values[m][v] for v in persons]), strict=True)) for m in MEASURES}
    overall = {v: sum(ranks[m][v] for m in MEASURES) / len(MEASURES) for v in persons}

    def order(v: int) -> tuple[float, float, str]:
        primary: float
        if by == "overall":
            primary = overall[v]
        elif by == "constraint":
            c = constraint[v]
            primary = math.inf if c is None else c
        else:
            primary = -values[by][v]
        return primary, -values["betweenness"][v], graph.vs[v]["name"]

    ranked = sorted(persons, key=order)[:top]
    cells = list(membership) if membership is not None else communities(graph, seed=seed, resolution=resolution)
    components = graph.connected_components().membership if graph.vcount() else []
    articulation = set(graph.articulation_points())
    bridges = set(graph.bridges())
    degree = graph.degree()
    actors = [
        ActorScore(
            person=node(graph, v),
            rank=position,
            degree=degree[v],
            degree_centrality=values["degree"][v],
            betweenness=values["betweenness"][v],
            closeness=values["closeness"][v],
            eigenvector=values["eigenvector"][v],
            constraint=constraint[v],
            ranks={m: ranks[m][v] for m in MEASURES},
            articulation_point=v in articulation,
            cuts_off=_cuts_off(graph, v, components) if v in articulation else 0,
            cell=cells[v] + 1,
            ties=_broker_ties(graph, v, bridges, cells, max_ties),
        )
        for position, v in enumerate(ranked, start=1)
    ]
    sampled = graph.vcount() > exact_max_nodes
    return KeyActorsReport(
        actors=actors,
        by=by,
        people=len(persons),
        ties=graph.ecount(),
        sampled=sampled,
        pivots=pivots if sampled else None,
        seed=seed,
    )
