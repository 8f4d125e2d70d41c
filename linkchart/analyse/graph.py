"""Turn a stored Network into the igraph graph every analysis works on.

Analysis asks questions about *people* and the ties between them, so the graph keeps one vertex
per actor and collapses all relations between two actors into one undirected edge that remembers
where it came from: the relation ids, the tie types, the evidence sentences and whether every
statement of it is hedged. The edge `weight` is a multiplex strength,

    weight = number of distinct tie types + number of independent documents stating the tie,

so a pair who are both family and flatmates, each stated by two unrelated reports, weighs
2 + 2 = 4, while a single hedged mention weighs 1 + 1 = 2. Documents are "independent" after
folding scraped copies onto their original (`Document.duplicate_of`), so a wire story reprinted ten
times counts once. Path-based measures that use weights read the edge attribute `distance` =
1 / weight: a strong tie is a short hop.

Commentators (analysts, officials and journalists quoted about a network) are never vertices:
quoting someone about a cell does not make them part of it.

Vertex attributes: id, name, type, aliases (all names, for look-ups), documents (where the
entity is mentioned) and affiliations (member_of / leader_of ties to organisations, which stay
available to cell reports even when organisations are not vertices).
Edge attributes: relation_ids, types, relations (the kept `Relation` records, evidence filtered),
evidence, documents (independent ids), weight, distance, hedged, date (the earliest date the
sentences give, see `textdates`).
Graph attributes: documents (id -> Document), canonical (document id -> the original it copies),
dating (the `textdates.Dating` that reads dates in those documents), options (how it was built),
excluded (names of commentators, so a look-up can say why they are missing).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace

import igraph as ig

from linkchart.dates import earliest, on_or_before, parse_date, strict_date
from linkchart.model import (
    COMMENTATOR,
    LEADER_OF,
    MEMBER_OF,
    ORGANIZATION,
    PERSON,
    RECRUITED_BY,
    Document,
    Entity,
    Evidence,
    Network,
    Relation,
)

from .textdates import Dated, Dating

AFFILIATION_TYPES = frozenset({MEMBER_OF, LEADER_OF})


@dataclass(frozen=True)
class Affiliation:
    """A member_of / leader_of tie from a person to an organisation.

    Kept on the person rather than as an edge, so cells can say which groups their members belong
    to while the network itself stays a network of people.
    """

    org_id: str
    org_name: str
    type: str
    relation_id: str
    date: str | None
    basis: str
    hedged: bool
    evidence: tuple[Evidence, ...] = ()
    words: str | None = None  # the words that date it, and what a relative date counted from
    anchor: str | None = None
    anchored_to: str | None = None

    @property
    def dated(self) -> Dated:
        return Dated(self.date, self.basis, self.words, self.anchor, self.anchored_to)


# --------------------------------------------------------------------------- building


def _canonical_documents(documents: Sequence[Document]) -> dict[str, str]:
    """Map each document id to the original it copies, following `duplicate_of` chains."""
    parent = {d.id: d.duplicate_of for d in documents}
    canonical: dict[str, str] = {}
    for doc_id in parent:
        seen = {doc_id}
        root = doc_id
        while (up := parent.get(root)) and up not in seen:
            seen.add(up)
            root = up
        canonical[doc_id] = root
    return canonical


def _is_hedged(relation: Relation, evidence: Sequence[Evidence]) -> bool:
    """A relation is hedged when it is flagged so or when every one of its statements is hedged."""
    return relation.hedged or (bool(evidence) and all(e.hedged for e in evidence))


def _filter_relation(
    relation: Relation,
    dating: Dating,
    *,
    include_hedged: bool,
    as_of: str | None,
    include_undated: bool,
    use_document_dates: bool,
) -> Relation | None:
    """The relation restricted to the statements an analysis may use, or None if nothing is left.

    The original record is returned untouched when nothing is filtered out (the common case),
    so big networks are not copied relation by relation.
    """
    evidence = relation.evidence
    if not include_hedged:
        if relation.hedged:
            return None
        evidence = [e for e in evidence if not e.hedged]
        if relation.evidence and not evidence:
            return None
    hedged = _is_hedged(relation, evidence)
    if len(evidence) != len(relation.evidence) or hedged != relation.hedged:
        relation = replace(relation, evidence=list(evidence), hedged=hedged)
    if as_of is not None:
        date = dating.relation_date(relation, use_documents=use_document_dates).date
        if date is None and not include_undated:
            return None
        if date is not None and not on_or_before(date, as_of):
            return None
    return relation


EDGE_ATTRIBUTES = ("relation_ids", "types", "relations", "evidence", "documents", "weight", "distance", "hedged", "date")


def _graph_of(
    n: int,
    groups: Mapping[tuple[int, int], list[Relation]],
    canonical: Mapping[str, str],
    dating: Dating,
    *,
    directed: bool,
) -> ig.Graph:
    """A graph with one edge per group of relations, weighted by types and independent documents."""
    columns: dict[str, list[object]] = {key: [] for key in EDGE_ATTRIBUTES}
    for relations in groups.values():
        evidence = sorted({e for r in relations for e in r.evidence}, key=lambda e: (e.document_id, e.start, e.end))
        types = sorted({r.type for r in relations})
        documents = sorted({canonical.get(e.document_id, e.document_id) for e in evidence})
        weight = float(len(types) + len(documents))
        values = (
            [r.id for r in relations],
            types,
            relations,
            evidence,
            documents,
            weight,
            1.0 / weight,
            all(r.hedged for r in relations),
            earliest(dating.relation_date(r).date for r in relations),
        )
        for key, value in zip(EDGE_ATTRIBUTES, values, strict=True):
            columns[key].append(value)
    graph = ig.Graph(n=n, edges=list(groups), directed=directed)
    for key, column in columns.items():
        graph.es[key] = column
    return graph


def _affiliation(relation: Relation, org: Entity, dating: Dating) -> Affiliation:
    dated = dating.relation_date(relation)
    return Affiliation(
        org_id=org.id,
        org_name=org.name,
        type=relation.type,
        relation_id=relation.id,
        date=dated.date,
        basis=dated.basis,
        hedged=relation.hedged,
        evidence=tuple(relation.evidence),
        words=dated.words,
        anchor=dated.anchor,
        anchored_to=dated.anchored_to,
    )


def build_graph(
    network: Network,
    *,
    include_hedged: bool = True,
    actors_only: bool = True,
    types: Collection[str] | None = None,
    as_of: str | None = None,
    include_undated: bool = False,
    document_dates: bool = False,
) -> ig.Graph:
    """Build the undirected actor graph of `network` (see the module docstring for attributes).

    include_hedged: keep statements that only suggest a tie ("reportedly", "is believed to").
        When False, hedged sentences are dropped and a tie with nothing else is dropped.
    actors_only: vertices are people only; when False, organisations are vertices too and
        member_of / leader_of ties become edges.
    types: relation types to keep as edges (default: all).
    as_of: ISO date; keep only ties dated on or before it (compared at the coarser precision),
        dated from their sentences (see `textdates`). Undated ties are dropped unless
        `include_undated`; with `document_dates`, an undated tie takes the date of the earliest
        document stating it (the latest it can have begun).
    """
    if as_of is not None:
        as_of = strict_date(as_of)
    vertex_types = {PERSON} if actors_only else {PERSON, ORGANIZATION}
    entities = {e.id: e for e in network.entities}
    actors = [e for e in network.entities if e.type in vertex_types and e.role != COMMENTATOR]
    index = {e.id: i for i, e in enumerate(actors)}
    canonical = _canonical_documents(network.documents)
    dating = Dating({d.id: d for d in network.documents})

    pairs: dict[tuple[int, int], list[Relation]] = {}
    affiliations: list[list[Affiliation]] = [[] for _ in actors]
    for number, original in enumerate(network.relations):
        relation = _filter_relation(
            original if original.id else replace(original, id=f"r{number}"),
            dating,
            include_hedged=include_hedged,
            as_of=as_of,
            include_undated=include_undated,
            use_document_dates=document_dates,
        )
        if relation is None:
            continue
        source, target = index.get(relation.source), index.get(relation.target)
        org = entities.get(relation.target)
        if (
            relation.type in AFFILIATION_TYPES
            and source is not None
            and actors[source].type == PERSON
            and org is not None
            and org.type == ORGANIZATION
            and org.role != COMMENTATOR
        ):
            affiliations[source].append(_affiliation(relation, org, dating))
        if source is None or target is None or source == target:
            continue
        if types is not None and relation.type not in types:
            continue
        pairs.setdefault((min(source, target), max(source, target)), []).append(relation)

    graph = _graph_of(len(actors), pairs, canonical, dating, directed=False)
    graph.vs["id"] = [e.id for e in actors]
    graph.vs["name"] = [e.name for e in actors]
    graph.vs["type"] = [e.type for e in actors]
    graph.vs["aliases"] = [e.alias_names() for e in actors]
    graph.vs["documents"] = [list(e.documents) for e in actors]
    graph.vs["affiliations"] = affiliations
    graph["documents"] = {d.id: d for d in network.documents}
    graph["events"] = [ev for ev in network.events if include_hedged or not ev.hedged]
    graph["canonical"] = canonical
    graph["dating"] = dating
    graph["options"] = {
        "include_hedged": include_hedged,
        "actors_only": actors_only,
        "types": sorted(types) if types is not None else None,
        "as_of": parse_date(as_of),
        "include_undated": include_undated,
        "document_dates": document_dates,
    }
    graph["excluded"] = {alias.casefold(): e.name for e in network.entities if e.role == COMMENTATOR for alias in e.alias_names()}
    return graph


def graph_dating(graph: ig.Graph) -> Dating:
    """The graph's Dating (a fresh one over its documents for graphs not made by `build_graph`)."""
    if "dating" not in graph.attributes():
        graph["dating"] = Dating(graph["documents"] if "documents" in graph.attributes() else {})
    found: Dating = graph["dating"]
    return found


def recruitment_graph(graph: ig.Graph) -> ig.Graph:
    """Directed recruiter -> recruit graph from the recruited_by relations on `graph`'s edges.

    `source recruited_by target` means target recruited source, so the arc runs target -> source.
    Vertices (and their indices and attributes) are those of `graph`, so results map back
    directly; people without recruitment ties are simply isolated.
    """
    arcs: dict[tuple[int, int], list[Relation]] = {}
    ids = graph.vs["id"] if graph.vcount() else []
    index = {v: i for i, v in enumerate(ids)}
    for edge in graph.es:
        for relation in edge["relations"]:
            if relation.type == RECRUITED_BY:
                arc = (index[relation.target], index[relation.source])
                arcs.setdefault(arc, []).append(relation)
    canonical = graph["canonical"] if "canonical" in graph.attributes() else {}
    digraph = _graph_of(graph.vcount(), arcs, canonical, graph_dating(graph), directed=True)
    for key in graph.vs.attributes():
        digraph.vs[key] = graph.vs[key]
    for key in graph.attributes():
        digraph[key] = graph[key]
    return digraph
