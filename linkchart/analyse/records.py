"""What every analysis hands back, and how it reads people and ties off the graph.

Results name people and ties as records rather than vertex and edge indices, because an analyst
(and JSON output) must see a name and the sentences behind a tie, and because indices change as
soon as a graph is filtered or a person removed. People are looked up the way a user names them:
by entity id, name or any alias, with an ambiguous or unknown name a one-line error fit to show.
"""

from __future__ import annotations

import random
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import igraph as ig

from linkchart.model import PERSON, Evidence

#: A person can be named by vertex index, entity id, name or alias.
PersonRef = int | str


@dataclass(frozen=True)
class Node:
    """A vertex as reports show it."""

    id: str
    name: str
    type: str = PERSON


@dataclass
class Tie:
    """One edge of the graph, read from `source`'s side, with the sentences that state it.

    `weight` is the multiplex strength (distinct tie types + independent documents), `documents`
    the independent documents it counts, and `date` the earliest date its sentences give.
    """

    source: Node
    target: Node
    types: list[str]
    weight: float
    hedged: bool
    date: str | None
    documents: list[str] = field(default_factory=list)
    relation_ids: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)


class NameLookupError(LookupError):
    """A name given by a user does not pick out exactly one person."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else ""


class UnknownName(NameLookupError):
    pass


class AmbiguousName(NameLookupError):
    pass


def node(graph: ig.Graph, vertex: int) -> Node:
    v = graph.vs[vertex]
    return Node(id=v["id"], name=v["name"], type=v["type"])


def nodes(graph: ig.Graph, vertices: Sequence[int]) -> list[Node]:
    return [node(graph, v) for v in vertices]


def tie(graph: ig.Graph, edge: int, source: int | None = None) -> Tie:
    """Edge `edge` as a Tie, oriented so that `source` (if given) is the tie's source."""
    e = graph.es[edge]
    a, b = e.tuple
    if source is not None and source == b:
        a, b = b, a
    return Tie(
        source=node(graph, a),
        target=node(graph, b),
        types=list(e["types"]),
        weight=e["weight"],
        hedged=e["hedged"],
        date=e["date"],
        documents=list(e["documents"]),
        relation_ids=list(e["relation_ids"]),
        evidence=list(e["evidence"]),
    )


def other_end(graph: ig.Graph, edge: int, vertex: int) -> int:
    source, target = graph.es[edge].tuple
    return target if source == vertex else source


def tie_between(graph: ig.Graph, a: int, b: int) -> Tie | None:
    """The tie from a to b, or None when they are not directly tied."""
    edge = graph.get_eid(a, b, directed=False, error=False)
    return None if edge < 0 else tie(graph, edge, a)


def people(graph: ig.Graph) -> list[int]:
    """Vertex indices of persons (organisations are vertices only when actors_only=False)."""
    return [v.index for v in graph.vs if v["type"] == PERSON]


def resolve_person(graph: ig.Graph, ref: PersonRef) -> int:
    """Vertex index for a vertex index, entity id, or a name / alias matched case-insensitively.

    Raises UnknownName or AmbiguousName with a one-line message fit to show a user.
    """
    if isinstance(ref, int):
        if 0 <= ref < graph.vcount():
            return ref
        raise UnknownName(f"no vertex {ref}")
    text = " ".join(ref.split())
    ids = graph.vs["id"] if graph.vcount() else []
    if text in ids:
        return ids.index(text)
    wanted = text.casefold()
    matches = [v.index for v in graph.vs if any(a.casefold() == wanted for a in v["aliases"])]
    if len(matches) == 1:
        return matches[0]
    if matches:
        listed = "; ".join(f"{graph.vs[m]['name']} ({graph.vs[m]['id']})" for m in matches)
        raise AmbiguousName(f"{ref!r} matches {len(matches)} people: {listed}; use the entity id")
    excluded = graph["excluded"].get(wanted) if "excluded" in graph.attributes() else None
    if excluded:
        raise UnknownName(f"{ref!r} ({excluded}) is a commentator, not part of the network")
    raise UnknownName(f"no one called {ref!r} in the network")


def resolve_people(graph: ig.Graph, refs: Sequence[PersonRef]) -> list[int]:
    return [resolve_person(graph, r) for r in refs]


@contextmanager
def igraph_rng(seed: int | None) -> Iterator[random.Random]:
    """Run igraph's randomised routines (rewire, ...) on a private RNG seeded with `seed`.

    igraph draws from Python's global `random` by default; swapping in a private generator makes
    results reproducible without disturbing anyone else's use of `random`.
    """
    rng = random.Random(seed)
    ig.set_random_number_generator(rng)
    try:
        yield rng
    finally:
        ig.set_random_number_generator(random)
