"""Cells: the tightly knit groups inside a network, and what ties them to groups and to sources.

Three views answer different questions:

- Leiden communities (leidenalg, seeded, so a report can be reproduced): which people cluster
  together overall, using the multiplex `weight` so family-and-flatmate ties bind harder;
- k-cores: the hard core that remains when peripheral people (fewer than k ties inside) are
  peeled away — robust to the missing ties that plague open-source reporting;
- cliques of co-resident ties: people who all shared a flat or safe house with each other,
  the classic operational cell.

Every cell is described the same way: its members, which organisations they belong to or lead
(member_of / leader_of ties to organisation entities), which documents its ties come from, and
the ties that leave it — who ties it to the rest of the network, with the sentences that say so —
so an analyst can see what the cell is, how well sourced it is and how it connects.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TypedDict, Unpack

import igraph as ig
import leidenalg

from linkchart.model import CO_RESIDED, ORGANIZATION, Evidence

from .records import Node, Tie, nodes, tie


@dataclass
class OrgLink:
    """An organisation some cell members belong to or lead."""

    org: Node
    members: list[str]
    types: list[str]
    evidence: list[Evidence] = field(default_factory=list)


@dataclass
class DocLink:
    """A document that states ties inside a cell."""

    document_id: str
    title: str
    date: str | None
    ties: int


@dataclass
class Cell:
    kind: str  # community | k-core | co-resident clique
    label: str
    members: list[Node]
    ties: int
    density: float
    organisations: list[OrgLink] = field(default_factory=list)
    documents: list[DocLink] = field(default_factory=list)
    key_ties: list[Tie] = field(default_factory=list)  # the ties that define it (a clique's co-residence)
    outside_ties: list[Tie] = field(default_factory=list)  # from members to people outside, strongest first


class LeidenOptions(TypedDict, total=False):
    """How Leiden is run: higher `resolution` gives smaller, tighter cells; `weighted` uses tie strength."""

    resolution: float
    seed: int | None
    weighted: bool


def communities(graph: ig.Graph, *, resolution: float = 1.0, seed: int | None = 0, weighted: bool = True) -> list[int]:
    """Leiden community of each vertex (RB configuration model; resolution 1 is modularity).

    The same `seed` gives the same partition, so a report can be reproduced. Communities are
    numbered from 0 by decreasing size (ties: lowest vertex first), so community c is the one
    `cells` labels "cell c+1".
    """
    if graph.vcount() == 0:
        return []
    partition = leidenalg.find_partition(
        graph,
        leidenalg.RBConfigurationVertexPartition,
        weights="weight" if weighted and graph.ecount() else None,
        resolution_parameter=resolution,
        n_iterations=2,
        seed=0 if seed is None else seed,
    )
    return _canonical(partition.membership)


def _canonical(membership: Sequence[int]) -> list[int]:
    """Renumber communities 0, 1, ... by decreasing size (ties: lowest vertex), so that "cell 1" is
    always the largest and labels do not depend on leidenalg's internal numbering."""
    groups: dict[int, list[int]] = {}
    for v, c in enumerate(membership):
        groups.setdefault(c, []).append(v)
    order = sorted(groups.values(), key=lambda g: (-len(g), g[0]))
    number = {v: i for i, group in enumerate(order) for v in group}
    return [number[v] for v in range(len(membership))]


def _organisations(graph: ig.Graph, members: Sequence[int]) -> list[OrgLink]:
    links: dict[str, OrgLink] = {}
    for v in members:
        for a in graph.vs[v]["affiliations"]:
            link = links.setdefault(a.org_id, OrgLink(Node(a.org_id, a.org_name, ORGANIZATION), [], []))
            if graph.vs[v]["name"] not in link.members:
                link.members.append(graph.vs[v]["name"])
            if a.type not in link.types:
                link.types.append(a.type)
            link.evidence.extend(e for e in a.evidence if e not in link.evidence)
    return sorted(links.values(), key=lambda link: (-len(link.members), link.org.name))


def _documents(graph: ig.Graph, edges: Iterable[int]) -> list[DocLink]:
    counts: dict[str, int] = {}
    for e in edges:
        for d in graph.es[e]["documents"]:
            counts[d] = counts.get(d, 0) + 1
    known = graph["documents"] if "documents" in graph.attributes() else {}
    links = []
    for doc_id, count in counts.items():
        doc = known.get(doc_id)
        links.append(DocLink(doc_id, doc.title if doc else doc_id, doc.date if doc else None, count))
    return sorted(links, key=lambda d: (-d.ties, d.document_id))


def _outside_ties(graph: ig.Graph, members: Sequence[int]) -> list[Tie]:
    inside = set(members)
    leaving = [(e, v) for v in members for e in graph.incident(v) if not inside.issuperset(graph.es[e].tuple)]
    return sorted((tie(graph, e, v) for e, v in leaving), key=lambda t: (-t.weight, t.source.name, t.target.name))


def describe(graph: ig.Graph, members: Sequence[int], kind: str, label: str, key_ties: Sequence[int] = ()) -> Cell:
    """A Cell for a set of vertices: members, internal ties, organisations, sources and ties out."""
    inside = [e.index for e in graph.es.select(_within=list(members))] if members else []
    n = len(members)
    return Cell(
        kind=kind,
        label=label,
        members=sorted(nodes(graph, members), key=lambda m: m.name),
        ties=len(inside),
        density=2 * len(inside) / (n * (n - 1)) if n > 1 else 0.0,
        organisations=_organisations(graph, members),
        documents=_documents(graph, inside),
        key_ties=[tie(graph, e) for e in key_ties],
        outside_ties=_outside_ties(graph, members),
    )


def cells(graph: ig.Graph, *, min_size: int = 2, **leiden: Unpack[LeidenOptions]) -> list[Cell]:
    """Leiden communities of at least `min_size` people, largest first, labelled "cell 1", "cell 2", ..."""
    groups: dict[int, list[int]] = {}
    for v, c in enumerate(communities(graph, **leiden)):
        groups.setdefault(c, []).append(v)
    return [describe(graph, g, "community", f"cell {c + 1}") for c, g in sorted(groups.items()) if len(g) >= min_size]


def core_numbers(graph: ig.Graph) -> dict[str, int]:
    """The largest k for which each person is in the k-core."""
    return dict(zip(graph.vs["id"], graph.coreness(), strict=True)) if graph.vcount() else {}


def k_cores(graph: ig.Graph, k: int | None = None) -> list[Cell]:
    """The connected groups of the k-core (default: the innermost core), largest first."""
    coreness = graph.coreness()
    if not coreness:
        return []
    k = max(coreness) if k is None else k
    core = [v for v, c in enumerate(coreness) if c >= k]
    if not core:
        return []
    pieces = graph.induced_subgraph(core).connected_components()
    groups = sorted(([core[v] for v in piece] for piece in pieces), key=lambda g: (-len(g), g[0]))
    return [describe(graph, g, "k-core", f"{k}-core {i}") for i, g in enumerate(groups, start=1)]


def coresidence_cliques(graph: ig.Graph, *, min_size: int = 3) -> list[Cell]:
    """Maximal groups in which every pair co-resided, with the co-residence ties and their evidence."""
    shared = [e.index for e in graph.es if CO_RESIDED in e["types"]]
    if not shared:
        return []
    sub = graph.subgraph_edges(shared, delete_vertices=False)
    found = sorted((sorted(c) for c in sub.maximal_cliques(min=min_size)), key=lambda c: (-len(c), c))
    result = []
    for i, clique in enumerate(found, start=1):
        key_ties = [graph.get_eid(a, b) for j, a in enumerate(clique) for b in clique[j + 1 :]]
        result.append(describe(graph, clique, "co-resident clique", f"clique {i}", key_ties))
    return result
