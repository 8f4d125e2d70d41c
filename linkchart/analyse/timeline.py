"""Time: when ties formed and things happened, what the network looked like at a date, how it grew.

Every date comes from the reporting's own words where it can (see `textdates`): the dates a tie's
sentences state ("in March 2015"), or imply ("the following year", "two weeks later", read
against the dates before them in the same document or against the report's date). A tie whose
sentences give no date is still known to exist *by* the date of the earliest report stating it,
so by default it is placed there and marked `basis="reported"`; ties with neither stay "undated"
and are listed (or counted) apart rather than guessed.

A person's timeline also lists the dated sentences that name them without stating a tie
("Kessler ran the logistics of the harbour attack on March 3, 2019"): the events
an analyst reads a biography for. A name counts only when no one else in the network goes by it,
so "Lindqvist" does not pull one brother's events into the other's timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import igraph as ig

from linkchart.dates import date_key, earliest, year_of
from linkchart.model import LIFE_EVENT_TYPES, ORGANIZATION, Evidence, Network

from .graph import Affiliation, build_graph, graph_dating
from .records import Node, PersonRef, node, resolve_person
from .textdates import REPORTED, UNDATED, Dated, Dating

# A sentence ends at . ! or ? followed by space, or at a line break.
_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][”\"’)]))\s+|\n+")


@dataclass
class TimelineEvent:
    date: str | None
    basis: str  # stated | relative | reported | undated
    kind: str  # tie | affiliation | event | profile (born, died) | mention
    type: str  # relation type, "event" (a dated sentence) or "mentioned"
    subject: Node
    other: Node | None  # the other person or the organisation; None for events and mentions
    relation_id: str | None
    hedged: bool
    evidence: list[Evidence] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    expression: str | None = None  # the words that date it ("The following year")
    anchor: str | None = None  # the date a relative expression was counted from
    label: str | None = None  # for travel and attacks: how the text names it ("travel to Syria")
    date_from: str = "undated"  # where the date came from, in one line (`Dated.describe`)


@dataclass
class GrowthPoint:
    year: int
    people: int  # people with at least one tie dated up to this year
    new_people: int
    ties: int
    new_ties: int
    components: int
    largest_component: int


@dataclass
class Growth:
    points: list[GrowthPoint]
    undated_ties: int  # ties left out because nothing dates them


def _event(
    dated: Dated,
    kind: str,
    type: str,
    subject: Node,
    other: Node | None,
    evidence: Sequence[Evidence],
    *,
    relation_id: str | None = None,
    hedged: bool = False,
) -> TimelineEvent:
    return TimelineEvent(
        date=dated.date,
        basis=dated.basis,
        kind=kind,
        type=type,
        subject=subject,
        other=other,
        relation_id=relation_id,
        hedged=hedged,
        evidence=list(evidence),
        documents=sorted({e.document_id for e in evidence}),
        expression=dated.words,
        anchor=dated.anchor,
        date_from=dated.describe(),
    )


def _tie_events(graph: ig.Graph, edges: Sequence[int], dating: Dating, use_documents: bool) -> Iterator[TimelineEvent]:
    index = {v_id: i for i, v_id in enumerate(graph.vs["id"])}
    for e in edges:
        for r in graph.es[e]["relations"]:
            dated = dating.relation_date(r, use_documents=use_documents)
            subject, other = node(graph, index[r.source]), node(graph, index[r.target])
            yield _event(dated, "tie", r.type, subject, other, r.evidence, relation_id=r.id, hedged=r.hedged)


def _affiliation_event(graph: ig.Graph, vertex: int, a: Affiliation, dating: Dating, use_documents: bool) -> TimelineEvent:
    dated = a.dated
    if dated.date is None and use_documents and (reported := dating.reported(e.document_id for e in a.evidence)):
        dated = Dated(reported, REPORTED)
    org = Node(a.org_id, a.org_name, ORGANIZATION)
    return _event(dated, "affiliation", a.type, node(graph, vertex), org, a.evidence, relation_id=a.relation_id, hedged=a.hedged)


def _mention_events(graph: ig.Graph, vertex: int, dating: Dating) -> Iterator[TimelineEvent]:
    for doc_id in graph.vs[vertex]["documents"]:
        date = dating.document_dates.get(doc_id)
        dated = Dated(date, REPORTED) if date else Dated(None, UNDATED)
        yield TimelineEvent(date, dated.basis, "mention", "mentioned", node(graph, vertex), None, None, False, [], [doc_id],
                            date_from=dated.describe())


def _reported_events(graph: ig.Graph, vertices: Sequence[int], dating: Dating, use_documents: bool) -> Iterator[TimelineEvent]:
    """Travel, attacks, births and deaths extraction found ('travelled to Syria in 2014'), one row per person.
    Births and deaths are the person's profile, never the date of a tie."""
    index = {v_id: i for i, v_id in enumerate(graph.vs["id"])}
    wanted = set(vertices)
    for ev in graph["events"] if "events" in graph.attributes() else []:
        life = ev.type in LIFE_EVENT_TYPES
        dated = dating.event_date(ev, use_documents=use_documents and not life)
        for person in ev.participants:
            if person in index and index[person] in wanted:
                kind = "profile" if life else "event"
                row = _event(dated, kind, ev.type, node(graph, index[person]), None, ev.evidence, hedged=ev.hedged)
                row.label = ev.label
                yield row


def _own_names(graph: ig.Graph, vertex: int) -> list[str]:
    """The person's names that no one else in the network goes by (at least four letters)."""
    owners: dict[str, set[int]] = {}
    for v in graph.vs:
        for alias in v["aliases"]:
            owners.setdefault(alias.casefold(), set()).add(v.index)
    return [a for a in graph.vs[vertex]["aliases"] if len(a) >= 4 and owners[a.casefold()] == {vertex} and not a.islower()]


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for end in _SENTENCE_END.finditer(text):
        if end.start() > start:
            yield start, end.start()
        start = end.end()
    if start < len(text):
        yield start, len(text)


def _sentence_events(graph: ig.Graph, vertex: int, dating: Dating, known: set[tuple[str, int]]) -> Iterator[TimelineEvent]:
    """Dated sentences naming the person, other than those already stating one of their ties."""
    names = _own_names(graph, vertex)
    if not names:
        return
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) + r")\b")
    canonical = graph["canonical"] if "canonical" in graph.attributes() else {}
    subject = node(graph, vertex)
    for doc_id in sorted({canonical.get(d, d) for d in graph.vs[vertex]["documents"]}):
        doc = dating.documents.get(doc_id)
        if doc is None:
            continue
        for start, end in _sentences(doc.text):
            if (doc_id, start) in known or not pattern.search(doc.text, start, end):
                continue
            sentence = Evidence(doc_id, doc.text[start:end], start, end)
            for mention in dating.within(doc_id, start, end):
                yield _event(Dated.from_mention(mention), "event", "event", subject, None, [sentence])


def timeline(
    graph: ig.Graph,
    person: PersonRef | None = None,
    *,
    use_document_dates: bool = True,
    include_undated: bool = True,
    include_mentions: bool = True,
    include_events: bool = True,
) -> list[TimelineEvent]:
    """Dated events — ties, memberships and (for one person) the dated sentences and the reports
    naming them — oldest first, undated ones last when `include_undated`."""
    dating = graph_dating(graph)
    vertex = None if person is None else resolve_person(graph, person)
    edges = range(graph.ecount()) if vertex is None else graph.incident(vertex)
    events = list(_tie_events(graph, edges, dating, use_document_dates))
    holders = range(graph.vcount()) if vertex is None else [vertex]
    events += [_affiliation_event(graph, v, a, dating, use_document_dates) for v in holders for a in graph.vs[v]["affiliations"]]
    if include_events:
        events += _reported_events(graph, holders, dating, use_document_dates)
    if vertex is not None and include_events:
        known = {(e.document_id, e.start) for event in events for e in event.evidence}
        events += _sentence_events(graph, vertex, dating, known)
    if vertex is not None and include_mentions:
        events += _mention_events(graph, vertex, dating)
    if not include_undated:
        events = [e for e in events if e.date is not None]
    return sorted(events, key=lambda e: (e.date is None, date_key(e.date or "0"), e.kind, e.subject.name, e.type))


def network_as_of(network: Network, date: str, **options: Any) -> ig.Graph:
    """The network as it stood at `date`: `build_graph` (same options) keeping ties dated on or before it."""
    return build_graph(network, as_of=date, **options)


def growth(graph: ig.Graph, *, use_document_dates: bool = True) -> Growth:
    """Per year, the people, ties, components and largest component of the network formed so far."""
    dating = graph_dating(graph)
    years = [
        year_of(earliest(dating.relation_date(r, use_documents=use_document_dates).date for r in relations))
        for relations in (graph.es["relations"] if graph.ecount() else [])
    ]
    dated = [y for y in years if y is not None]
    points: list[GrowthPoint] = []
    for year in range(min(dated), max(dated) + 1) if dated else []:
        so_far = [e for e, y in enumerate(years) if y is not None and y <= year]
        sub = graph.subgraph_edges(so_far, delete_vertices=True)
        sizes = sub.connected_components().sizes() if sub.vcount() else []
        last = points[-1] if points else None
        points.append(
            GrowthPoint(
                year=year,
                people=sub.vcount(),
                new_people=sub.vcount() - (last.people if last else 0),
                ties=len(so_far),
                new_ties=len(so_far) - (last.ties if last else 0),
                components=len(sizes),
                largest_component=max(sizes, default=0),
            )
        )
    return Growth(points=points, undated_ties=len(years) - len(dated))
