"""What the browser draws and tabulates, computed from the case's Network.

Pure functions on typed data: the server reads the Network through the Case service and hands it
here. The link chart shows the actors (people and organisations; commentators and news outlets
are never part of the network), one edge per stated tie, each carrying what the page filters on
(type, hedged, confidence, date, documents). Measures and reports come from the analysis
package, so a figure in the browser is the figure `linkchart analyse` prints.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from typing import Any

import igraph as ig

from linkchart.analyse.actors import key_actors
from linkchart.analyse.cells import cells, communities
from linkchart.analyse.centrality import betweenness_centrality
from linkchart.analyse.disruption import disrupt
from linkchart.analyse.graph import build_graph
from linkchart.analyse.keyplayers import kpp_neg
from linkchart.analyse.paths import shortest_path
from linkchart.analyse.records import NameLookupError, Tie
from linkchart.analyse.recruitment import Recruit, recruitment_trees
from linkchart.dates import parse_date
from linkchart.errors import LinkchartError
from linkchart.model import ACTOR, Evidence, Network, Relation


@dataclass
class Analysis:
    """A network with its actor graph, built once per data version."""

    network: Network
    graph: ig.Graph

    @classmethod
    def of(cls, network: Network) -> Analysis:
        return cls(network, build_graph(network))


def evidence_json(e: Evidence, titles: dict[str, str]) -> dict[str, Any]:
    return {"document": e.document_id, "title": titles.get(e.document_id, e.document_id), "text": e.text,
            "start": e.start, "end": e.end, "hedged": e.hedged}


def relation_json(r: Relation, titles: dict[str, str] | None = None, *, with_evidence: bool = False) -> dict[str, Any]:
    data: dict[str, Any] = {"id": r.id or f"{r.source}|{r.type}|{r.target}", "source": r.source, "target": r.target,
                            "type": r.type, "subtype": r.subtype, "directed": r.directed, "hedged": r.hedged,
                            "confidence": round(r.confidence, 3), "date": parse_date(r.date) or r.date,
                            "documents": sorted(r.document_ids()), "evidence_count": len(r.evidence)}
    if with_evidence:
        data["evidence"] = [evidence_json(e, titles or {}) for e in r.evidence]
    return data


def chart(analysis: Analysis) -> dict[str, Any]:
    """The link chart: actors, their ties, the documents they come from, dated events."""
    network, graph = analysis.network, analysis.graph
    actors = {e.id: e for e in network.entities if e.role == ACTOR}
    membership = communities(graph) if graph.vcount() else []
    cell_of = {graph.vs[v]["id"]: c + 1 for v, c in enumerate(membership)}
    sizes: dict[int, int] = {}
    for c in cell_of.values():
        sizes[c] = sizes.get(c, 0) + 1
    edges = [relation_json(r) for r in network.relations if r.source in actors and r.target in actors]
    degree: dict[str, int] = {}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + 1
        degree[e["target"]] = degree.get(e["target"], 0) + 1
    nodes = [{"id": e.id, "label": e.name, "type": e.type, "role": e.role, "aliases": e.alias_names(),
              "documents": e.documents, "degree": degree.get(e.id, 0),
              "cell": cell_of[e.id] if sizes.get(cell_of.get(e.id, 0), 0) >= 2 else None}
             for e in actors.values()]
    events = [{"id": ev.id, "type": ev.type, "label": ev.label, "date": parse_date(ev.date) or ev.date,
               "participants": ev.participants, "hedged": ev.hedged} for ev in network.events]
    documents = [{"id": d.id, "title": d.title or d.path, "date": d.date, "duplicate_of": d.duplicate_of}
                 for d in network.documents]
    return {"nodes": nodes, "edges": edges, "events": events, "documents": documents}


def measures(analysis: Analysis, top: int = 50) -> dict[str, Any]:
    """Node sizes the chart can switch to: degree, betweenness and the key-actor rank."""
    graph = analysis.graph
    if graph.vcount() == 0:
        return {"degree": {}, "betweenness": {}, "rank": {}}
    report = key_actors(graph, top=min(top, graph.vcount()))
    return {"degree": {v["id"]: graph.degree(v.index) for v in graph.vs},
            "betweenness": {k: round(v, 6) for k, v in betweenness_centrality(graph).items()},
            "rank": {a.person.id: a.rank for a in report.actors}}


def _tie_json(t: Tie, titles: dict[str, str]) -> dict[str, Any]:
    return {"source": t.source.id, "source_name": t.source.name, "target": t.target.id, "target_name": t.target.name,
            "types": t.types, "hedged": t.hedged, "date": t.date, "relation_ids": t.relation_ids,
            "evidence": [evidence_json(e, titles) for e in t.evidence]}


def _titles(network: Network) -> dict[str, str]:
    return {d.id: d.title or d.path for d in network.documents}


def _lookup(call: Any) -> Any:
    try:
        return call()
    except NameLookupError as err:
        raise LinkchartError(str(err)) from err


def disruption(analysis: Analysis, remove: list[str]) -> dict[str, Any]:
    """Fragmentation and the largest component before and after removing people."""
    if not remove:
        raise LinkchartError("choose at least one person to remove")
    report = _lookup(lambda: disrupt(analysis.graph, remove=remove))
    side = ("people", "ties", "components", "largest_component", "fragmentation", "distance_fragmentation")
    return {"removed": [{"id": n.id, "name": n.name} for n in report.removed_people],
            "before": {k: getattr(report.before, k) for k in side}, "after": {k: getattr(report.after, k) for k in side},
            "cut_off": [{"id": n.id, "name": n.name} for n in report.cut_off]}


def path(analysis: Analysis, a: str, b: str) -> dict[str, Any]:
    """The shortest chain of ties between two people, each hop with its sentences."""
    found = _lookup(lambda: shortest_path(analysis.graph, a, b))
    if found is None:
        return {"people": [], "hops": [], "length": None}
    titles = _titles(analysis.network)
    return {"people": [{"id": n.id, "name": n.name} for n in found.people],
            "hops": [_tie_json(t, titles) for t in found.hops], "length": found.length, "hedged_hops": found.hedged_hops}


def connect(analysis: Analysis, ids: list[str]) -> dict[str, Any]:
    """i2's find-connecting-network: the union of the shortest paths between every pair."""
    if len(ids) < 2:
        raise LinkchartError("choose at least two people to connect")
    people: dict[str, str] = {}
    hops: dict[tuple[str, str], dict[str, Any]] = {}
    unreachable = []
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            found = path(analysis, a, b)
            if not found["hops"]:
                unreachable.append([a, b])
            for p in found["people"]:
                people[p["id"]] = p["name"]
            for h in found["hops"]:
                hops.setdefault(tuple(sorted((h["source"], h["target"]))), h)
    return {"people": [{"id": k, "name": v} for k, v in people.items()], "hops": list(hops.values()),
            "unreachable": unreachable}


def _recruit_rows(r: Recruit, root: str, depth: int, out: list[dict[str, Any]]) -> None:
    out.append({"tree": root, "depth": depth, "person": r.person.name, "id": r.person.id,
                "recruited_by": r.recruited_by.target.name if r.recruited_by else "",
                "evidence": r.recruited_by.evidence[0].text if r.recruited_by and r.recruited_by.evidence else ""})
    for child in r.recruits:
        _recruit_rows(child, root, depth + 1, out)


REPORTS = ("key-actors", "cells", "key-players", "recruitment")


def report(analysis: Analysis, name: str) -> dict[str, Any]:
    """One of the analysis reports as a table: columns and rows of plain values."""
    graph = analysis.graph
    if name not in REPORTS:
        raise LinkchartError(f"unknown report '{name}' (one of {', '.join(REPORTS)})")
    if graph.vcount() == 0:
        return {"columns": [], "rows": []}
    if name == "key-actors":
        ka = key_actors(graph, top=min(25, graph.vcount()))
        columns = ["rank", "person", "id", "degree", "betweenness", "closeness", "eigenvector", "cell", "cuts_off"]
        rows = [[a.rank, a.person.name, a.person.id, a.degree, round(a.betweenness, 4), round(a.closeness, 4),
                 round(a.eigenvector, 4), a.cell, a.cuts_off] for a in ka.actors]
    elif name == "cells":
        columns = ["cell", "members", "size", "ties", "density", "organisations"]
        rows = [[c.label, "; ".join(m.name for m in c.members), len(c.members), c.ties, round(c.density, 3),
                 "; ".join(o.org.name for o in c.organisations)] for c in cells(graph)]
    elif name == "key-players":
        k = min(3, max(1, graph.vcount() - 1))
        kp = kpp_neg(graph, k)
        columns = ["set", "person", "id", "fragmentation_before", "fragmentation_after", "method"]
        rows = [[kp.kind, p.name, p.id, round(kp.baseline, 4), round(kp.score, 4), kp.method] for p in kp.people]
    else:
        out: list[dict[str, Any]] = []
        for tree in recruitment_trees(graph):
            _recruit_rows(tree, tree.person.name, 0, out)
        columns = ["tree", "depth", "person", "id", "recruited_by", "evidence"]
        rows = [[r[c] for c in columns] for r in out]
    return {"columns": columns, "rows": rows}


def to_csv(table: dict[str, Any]) -> str:
    """A report as CSV; cells that a spreadsheet would run as a formula are quoted with a leading '."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(table["columns"])
    for row in table["rows"]:
        writer.writerow([("'" + v) if isinstance(v, str) and v[:1] in "=+-@\t\r" else v for v in row])
    return buffer.getvalue()
