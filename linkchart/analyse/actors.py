"""The key actors report: who is central, by every measure, and which ties make them so.

A score alone does not let an analyst act or check: ORA's key-actor report is trusted because
each row can be traced. So each person comes with the ties that carry their position — bridges
(ties whose loss splits the network), ties into other cells (what a broker between cells holds),
and the ties the most shortest paths run through (what betweenness is made of) — each with the
sentences that state it.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

import igraph as ig

from .cells import communities
from .centrality import (
    DEFAULT_SAMPLING,
    MEASURES,
    Sampling,
    betweenness_values,
    closeness_values,
    constraint_values,
    degree_values,
    edge_betweenness_values,
    eigenvector_values,
)
from .records import Node, Tie, node, other_end, people, tie

ORDERS = ("overall", *MEASURES, "constraint")


@dataclass
class BrokerTie:
    """A tie held by a key actor, and why it matters."""

    tie: Tie
    bridge: bool  # removing it disconnects the two people
    other_cell: int | None  # the other person's cell number (as `cells` labels it) when it differs
    paths: float  # shortest paths between pairs of people that run through the tie
    why: list[str] = field(default_factory=list)


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
    weighted: bool
    people: int
    ties: int
    sampled: bool
    pivots: int | None
    seed: int | None
    order: str = ""  # the ranking rule, ties included, in words


#: Decimal places measures are compared at: equal scores computed along different float paths
#: (1e-16 apart) must rank equal, or runs and machines would swap people at random.
SETTLE_DIGITS = 12


def settle(value: float) -> float:
    return round(value, SETTLE_DIGITS) if math.isfinite(value) else value


def _ranks(values: Sequence[float]) -> list[int]:
    """Competition ranks, highest value first (1, 2, 2, 4), as UCINET and ORA report them: people
    level on a measure (to `SETTLE_DIGITS` places) share a rank rather than being ordered by accident."""
    values = [settle(v) for v in values]
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


def _broker_ties(
    graph: ig.Graph,
    vertex: int,
    bridges: set[int],
    cells: Sequence[int],
    paths: Sequence[float],
    max_ties: int,
) -> list[BrokerTie]:
    """The actor's ties, most telling first: bridges, ties into other cells, then by paths carried."""
    held = []
    for edge in graph.incident(vertex):
        other = other_end(graph, edge, vertex)
        other_cell = cells[other] + 1 if cells[other] != cells[vertex] else None
        why = ["bridge"] if edge in bridges else []
        why += [f"into cell {other_cell}"] if other_cell is not None else []
        why += [f"{paths[edge]:.3g} shortest paths"] if paths[edge] >= 1 else []
        held.append(BrokerTie(tie(graph, edge, vertex), edge in bridges, other_cell, paths[edge], why))
    held.sort(key=lambda t: (not t.bridge, t.other_cell is None, -t.paths, -t.tie.weight, t.tie.target.name))
    return held[:max_ties]


def key_actors(
    graph: ig.Graph,
    top: int = 10,
    *,
    by: str = "overall",
    weighted: bool = False,
    seed: int | None = 0,
    sampling: Sampling | None = None,
    membership: Sequence[int] | None = None,
    resolution: float = 1.0,
    max_ties: int = 8,
) -> KeyActorsReport:
    """ORA-style key actor report: the `top` people with every measure, their ranks and telling ties.

    by: "overall" ranks by the mean of the degree, betweenness, closeness and eigenvector ranks
        (a Borda count, so one inflated measure cannot carry a person); or one of those measures,
        or "constraint" (lowest first: the least constrained are the brokers).
    weighted: use the multiplex tie strength (see `centrality`).
    sampling: when to estimate betweenness and closeness (default: above 2,500 people, seeded
        with `seed`).
    membership: cell of each vertex (e.g. from `cells.communities`); computed with Leiden
        (`seed`, `resolution`, weighted) when omitted. Ties into other cells are what make a broker.

    Measures are computed on the whole graph (organisations too, if they are vertices); only
    people are ranked.
    """
    if by not in ORDERS:
        raise ValueError(f"unknown measure {by!r}; use one of {', '.join(ORDERS)}")
    sampling = sampling or replace(DEFAULT_SAMPLING, seed=seed)
    values = {
        "degree": degree_values(graph),
        "betweenness": betweenness_values(graph, weighted=weighted, sampling=sampling),
        "closeness": closeness_values(graph, weighted=weighted, sampling=sampling),
        "eigenvector": eigenvector_values(graph, weighted=weighted),
    }
    constraint = constraint_values(graph, weighted=weighted)
    persons = people(graph)
    ranks = {m: dict(zip(persons, _ranks([values[m][v] for v in persons]), strict=True)) for m in MEASURES}

    def order(v: int) -> tuple[float, float, str, str]:
        primary: float
        if by == "overall":
            primary = sum(ranks[m][v] for m in MEASURES) / len(MEASURES)
        elif by == "constraint":
            c = constraint[v]
            primary = math.inf if c is None else settle(c)
        else:
            primary = -settle(values[by][v])
        return settle(primary), -settle(values["betweenness"][v]), graph.vs[v]["name"], graph.vs[v]["id"]

    ranked = sorted(persons, key=order)[:top]
    cells = list(membership) if membership is not None else communities(graph, seed=seed, resolution=resolution)
    components = graph.connected_components().membership if graph.vcount() else []
    articulation = set(graph.articulation_points())
    bridges = set(graph.bridges())
    paths = edge_betweenness_values(graph, weighted=weighted, sampling=sampling) if ranked else []
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
            ties=_broker_ties(graph, v, bridges, cells, paths, max_ties),
        )
        for position, v in enumerate(ranked, start=1)
    ]
    sampled = sampling.applies(graph)
    return KeyActorsReport(
        actors=actors,
        by=by,
        weighted=weighted,
        people=len(persons),
        ties=graph.ecount(),
        sampled=sampled,
        pivots=sampling.pivots if sampled else None,
        seed=sampling.seed,
        order=(f"by {'the mean of the degree, betweenness, closeness and eigenvector ranks' if by == 'overall' else by}"
               f" ({'lowest' if by in ('overall', 'constraint') else 'highest'} first, compared to {SETTLE_DIGITS} decimals);"
               " equal people by betweenness, then name, then entity id"),
    )
