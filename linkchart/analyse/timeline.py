"""Time: when ties formed, what the network looked like at a date, and how it grew.

Reporting states dates unevenly: some ties carry a stated date (`Relation.date`, the earliest date
the evidence gives), many only the date of the article that reports them. A report date is
still informative — the tie existed *by* then — so, by default, an undated tie is placed at the
earliest date of the documents stating it and marked `basis="reported"`; ties with neither stay
"undated" and are listed (or counted) apart rather than guessed. Dates are the partial ISO
strings reporting gives ('2014', '2014-03', '2014-03-22'); see `dates` for how they compare.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

import igraph as ig

from linkchart.model import ORGANIZATION, Evidence, Network, Relation

from .dates import date_key, earliest, parse_date, reported_date, year_of
from .graph import Affiliation, Node, PersonRef, build_graph, effective_date, node, resolve_person

STATED, REPORTED, UNDATED = "stated", "reported", "undated"


@dataclass
class TimelineEvent:
    date: str | None
    basis: str  # stated | reported | undated
    kind: str  # tie | affiliation | mention
    type: str  # relation type, or "mentioned"
    subject: Node
    other: Node | None  # the other person or the organisation; None for a mention
    relation_id: str | None
    hedged: bool
    evidence: list[Evidence] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)


@dataclass
class GrowthPoint:
    year: int
    people: int  # people with at least one tie dated up to this year
    ties: int
    new_ties: int
    components: int
    largest_component: int


@dataclass
class Growth:
    points: list[GrowthPoint]
    undated_ties: int  # ties left out because nothing dates them


def _document_dates(graph: ig.Graph) -> dict[str, str | None]:
    documents = graph["documents"] if "documents" in graph.attributes() else {}
    return {doc_id: parse_date(doc.date) for doc_id, doc in documents.items()}


def _dated(stated: str | None, documents: list[str], dates: Mapping[str, str | None], use_documents: bool) -> tuple[str | None, str]:
    if (date := parse_date(stated)) is not None:
        return date, STATED
    if use_documents and (date := reported_date(documents, dates)) is not None:
        return date, REPORTED
    return None, UNDATED


def _tie_event(
    graph: ig.Graph,
    index: Mapping[str, int],
    relation: Relation,
    dates: Mapping[str, str | None],
    use_documents: bool,
) -> TimelineEvent:
    documents = sorted(relation.document_ids())
    date, basis = _dated(relation.date, documents, dates, use_documents)
    return TimelineEvent(
        date=date,
        basis=basis,
        kind="tie",
        type=relation.type,
        subject=node(graph, index[relation.source]),
        other=node(graph, index[relation.target]),
        relation_id=relation.id,
        hedged=relation.hedged,
        evidence=list(relation.evidence),
        documents=documents,
    )


def _affiliation_event(
    graph: ig.Graph, vertex: int, a: Affiliation, dates: Mapping[str, str | None], use_documents: bool
) -> TimelineEvent:
    documents = sorted({e.document_id for e in a.evidence})
    date, basis = _dated(a.date, documents, dates, use_documents)
    return TimelineEvent(
        date=date,
        basis=basis,
        kind="affiliation",
        type=a.type,
        subject=node(graph, vertex),
        other=Node(a.org_id, a.org_name, ORGANIZATION),
        relation_id=a.relation_id,
        hedged=a.hedged,
        evidence=list(a.evidence),
        documents=documents,
    )


def _mention_events(graph: ig.Graph, vertex: int) -> list[TimelineEvent]:
    documents = graph["documents"] if "documents" in graph.attributes() else {}
    events = []
    for doc_id in graph.vs[vertex]["documents"]:
        doc = documents.get(doc_id)
        date = parse_date(doc.date) if doc else None
        events.append(
            TimelineEvent(
                date=date,
                basis=REPORTED if date else UNDATED,
                kind="mention",
                type="mentioned",
                subject=node(graph, vertex),
                other=None,
                relation_id=None,
                hedged=False,
                documents=[doc_id],
            )
        )
    return events


def timeline(
    graph: ig.Graph,
    person: PersonRef | None = None,
    *,
    use_document_dates: bool = True,
    include_undated: bool = True,
    include_mentions: bool = True,
) -> list[TimelineEvent]:
    """Dated events — ties, memberships and (for one person) the reports naming them — oldest first.

    Undated events come last when `include_undated`. Mentions are listed only for a single person.
    """
    dates = _document_dates(graph)
    index = {v_id: i for i, v_id in enumerate(graph.vs["id"])} if graph.vcount() else {}
    vertex = None if person is None else resolve_person(graph, person)
    edges = graph.es if vertex is None else graph.es[graph.incident(vertex)]
    events = [_tie_event(graph, index, r, dates, use_document_dates) for e in edges for r in e["relations"]]
    holders = range(graph.vcount()) if vertex is None else [vertex]
    events += [_affiliation_event(graph, v, a, dates, use_document_dates) for v in holders for a in graph.vs[v]["affiliations"]]
    if vertex is not None and include_mentions:
        events += _mention_events(graph, vertex)
    if not include_undated:
        events = [e for e in events if e.date is not None]
    return sorted(
        events,
        key=lambda e: (
            e.date is None,
            date_key(e.date) if e.date else (0, 0, 0),
            e.kind,
            e.subject.name,
            e.type,
        ),
    )


def network_as_of(network: Network, date: str, **options: Any) -> ig.Graph:
    """The network as it stood at `date`: `build_graph` (same options) keeping ties dated on or before it."""
    return build_graph(network, as_of=date, **options)


def growth(graph: ig.Graph, *, use_document_dates: bool = True) -> Growth:
    """Per year, the people, ties, components and largest component of the network formed so far."""
    dates = _document_dates(graph)
    years: list[int | None] = []
    for edge in graph.es:
        first = earliest(effective_date(r, dates, use_document_dates) for r in edge["relations"])
        years.append(year_of(first))
    dated = [y for y in years if y is not None]
    points = []
    previous = 0
    for year in range(min(dated), max(dated) + 1) if dated else []:
        so_far = [e for e, y in enumerate(years) if y is not None and y <= year]
        sub = graph.subgraph_edges(so_far, delete_vertices=True)
        sizes = sub.connected_components().sizes() if sub.vcount() else []
        points.append(GrowthPoint(year, sub.vcount(), len(so_far), len(so_far) - previous, len(sizes), max(sizes, default=0)))
        previous = len(so_far)
    return Growth(points=points, undated_ties=len(years) - len(dated))
