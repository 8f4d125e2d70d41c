"""Paths: how two people are connected, who surrounds a person, whom two people share.

Every hop comes back as a `Tie` with its types and evidence sentences, because a chain of
association is only as strong as its weakest sourced link and the analyst must be able to read
each one. With `weighted=True` the path prefers strong (multiplex, multiply sourced) ties: a hop
costs 1 / weight.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass, field

import igraph as ig

from .records import Node, PersonRef, Tie, node, resolve_person, tie, tie_between


@dataclass
class Path:
    people: list[Node]
    hops: list[Tie]
    length: int
    cost: float  # sum of 1 / weight over the hops (the quantity minimised when weighted)
    hedged_hops: int  # hops whose every statement is hedged


@dataclass
class EgoMember:
    person: Node
    hops: int
    via: Tie | None  # a tie linking this person to someone one hop nearer the centre


@dataclass
class EgoNetwork:
    centre: Node
    hops: int
    members: list[EgoMember]
    ties: int


@dataclass
class CommonAssociate:
    person: Node
    tie_to_a: Tie
    tie_to_b: Tie


@dataclass
class CommonAssociates:
    a: Node
    b: Node
    direct: Tie | None
    associates: list[CommonAssociate] = field(default_factory=list)


def _path(graph: ig.Graph, vertices: list[int]) -> Path:
    hops = [tie_between(graph, a, b) for a, b in zip(vertices, vertices[1:], strict=False)]
    known = [h for h in hops if h is not None]
    return Path(
        people=[node(graph, v) for v in vertices],
        hops=known,
        length=len(known),
        cost=sum(1.0 / h.weight for h in known),
        hedged_hops=sum(1 for h in known if h.hedged),
    )


def shortest_path(graph: ig.Graph, a: PersonRef, b: PersonRef, *, weighted: bool = False) -> Path | None:
    """The shortest chain of ties from a to b, or None when they are not connected."""
    paths = k_shortest_paths(graph, a, b, k=1, weighted=weighted)
    return paths[0] if paths else None


def k_shortest_paths(graph: ig.Graph, a: PersonRef, b: PersonRef, k: int = 3, *, weighted: bool = False) -> list[Path]:
    """Up to k shortest simple paths from a to b (Yen's algorithm), shortest first: the shortest
    chain may rest on one hedged or thinly sourced hop while a firmer one is barely longer."""
    if k < 1:
        raise ValueError(f"k must be at least 1 (got {k})")
    source, target = resolve_person(graph, a), resolve_person(graph, b)
    if source == target:
        return [_path(graph, [source])]
    weights = "distance" if weighted and graph.ecount() else None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # igraph warns when b is unreachable: no paths
        found = graph.get_k_shortest_paths(source, target, k=k, weights=weights, mode="all", output="vpath")
    return [_path(graph, list(p)) for p in found if p]


def ego_graph(graph: ig.Graph, centre: PersonRef, hops: int = 1) -> ig.Graph:
    """The subgraph of everyone within `hops` of `centre`; vertex attribute `hops` is the distance."""
    if hops < 1:
        raise ValueError(f"hops must be at least 1 (got {hops})")
    v = resolve_person(graph, centre)
    members = graph.neighborhood(v, order=hops)
    distances = graph.distances(source=[v], target=members)[0]
    sub = graph.induced_subgraph(members)
    by_vertex = dict(zip(members, distances, strict=True))
    sub.vs["hops"] = [int(by_vertex[m]) for m in sorted(members)]
    return sub


def ego_network(graph: ig.Graph, centre: PersonRef, hops: int = 1) -> EgoNetwork:
    """Everyone within `hops` of `centre`, nearest first, each with a tie that brings them closer."""
    if hops < 1:
        raise ValueError(f"hops must be at least 1 (got {hops})")
    v = resolve_person(graph, centre)
    order, _, parents = graph.bfs(v)
    distance = {v: 0}
    members = []
    for u in order:
        if u != v:
            distance[u] = distance[parents[u]] + 1
        if distance[u] > hops:
            break
        via = None if u == v else tie(graph, graph.get_eid(parents[u], u), u)
        members.append(EgoMember(node(graph, u), distance[u], via))
    members.sort(key=lambda m: (m.hops, m.person.name))
    inside = graph.es.select(_within=list(order[: len(members)]))
    return EgoNetwork(centre=node(graph, v), hops=hops, members=members, ties=len(inside))


def common_associates(graph: ig.Graph, a: PersonRef, b: PersonRef) -> CommonAssociates:
    """People tied to both a and b, with both ties and their evidence; and any direct a–b tie."""
    va, vb = resolve_person(graph, a), resolve_person(graph, b)
    shared = sorted(set(graph.neighbors(va)) & set(graph.neighbors(vb)) - {va, vb})
    associates = []
    for c in shared:
        to_a, to_b = tie_between(graph, c, va), tie_between(graph, c, vb)
        if to_a is not None and to_b is not None:
            associates.append(CommonAssociate(node(graph, c), to_a, to_b))
    associates.sort(key=lambda c: (-(c.tie_to_a.weight + c.tie_to_b.weight), c.person.name))
    return CommonAssociates(a=node(graph, va), b=node(graph, vb), direct=tie_between(graph, va, vb), associates=associates)
