"""Writers for the formats analysts open the network in (Gephi, spreadsheets, our scorer).
Each registers itself in export/registry.py.

Attribute values are written through the standard XML library, so text from documents is
always escaped.
"""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

from linkchart.dates import date_from
from linkchart.export.registry import Writer, register_exporter
from linkchart.model import Document, Evidence, Network
from linkchart.provenance import source_of


def _evidence(e: Evidence, documents: dict[str, Document]) -> dict[str, object]:
    """An evidence sentence with where it is in the cleaned text and in the original file, and
    the original lines around it, so a reader of the export can check it without the store."""
    where = source_of(e, documents)
    return {"document": e.document_id, "file": where.file, "text": e.text, "start": e.start, "end": e.end,
            "hedged": e.hedged, "original_start": where.original_start, "original_end": where.original_end,
            "line": where.line, "column": where.column, "context": where.context}


def to_json(network: Network) -> str:
    documents = {d.id: d for d in network.documents}
    data = {
        "documents": [{"id": d.id, "path": d.path, "title": d.title, "date": d.date,
                       "duplicate_of": d.duplicate_of} for d in network.documents],
        "entities": [{"id": e.id, "type": e.type, "name": e.name, "role": e.role,
                      "aliases": e.alias_names(), "documents": e.documents, "mentions": e.mention_count}
                     for e in network.entities],
        "relations": [{"id": r.id, "source": r.source, "target": r.target, "type": r.type, "subtype": r.subtype,
                       "directed": r.directed, "hedged": r.hedged, "confidence": r.confidence, "date": r.date,
                       "date_from": date_from(r.date, r.date_source),
                       "evidence": [_evidence(e, documents) for e in r.evidence]}
                      for r in network.relations],
        "events": [{"id": ev.id, "type": ev.type, "label": ev.label, "place": ev.place, "date": ev.date,
                    "date_from": date_from(ev.date, ev.date_source), "hedged": ev.hedged, "participants": ev.participants,
                    "evidence": [_evidence(e, documents) for e in ev.evidence]}
                   for ev in network.events],
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def _node_attrs(network: Network) -> dict[str, dict[str, str]]:
    return {e.id: {"label": e.name, "type": e.type, "role": e.role, "aliases": "; ".join(e.alias_names()),
                   "documents": str(len(e.documents))} for e in network.entities}


def _edge_attrs(network: Network) -> list[tuple[str, str, dict[str, str]]]:
    documents = {d.id: d for d in network.documents}

    def where(e: Evidence) -> str:
        found = source_of(e, documents)
        return found.file + (f":{found.line}" if found.line is not None else "")

    return [(r.source, r.target, {"type": r.type, "subtype": r.subtype or "", "hedged": str(r.hedged).lower(),
                                  "confidence": str(r.confidence), "evidence_count": str(len(r.evidence)),
                                  "evidence": " | ".join(e.text for e in r.evidence),
                                  "date": r.date or "", "date_from": date_from(r.date, r.date_source),
                                  "sources": " | ".join(where(e) for e in r.evidence)})
            for r in network.relations]


_NODE_KEYS = ["label", "type", "role", "aliases", "documents"]
_EDGE_KEYS = ["type", "subtype", "hedged", "confidence", "evidence_count", "evidence", "date", "date_from", "sources"]
_TYPES = {"documents": ("int", "integer"), "evidence_count": ("int", "integer"), "confidence": ("double", "double"),
          "hedged": ("boolean", "boolean")}


def to_graphml(network: Network) -> str:
    root = ET.Element("graphml", xmlns="http://graphml.graphdrawing.org/xmlns")
    for scope, keys in (("node", _NODE_KEYS), ("edge", _EDGE_KEYS)):
        for k in keys:
            ET.SubElement(root, "key", {"id": f"{scope[0]}_{k}", "for": scope, "attr.name": k,
                                        "attr.type": _TYPES.get(k, ("string", "string"))[0]})
    graph = ET.SubElement(root, "graph", id="linkchart", edgedefault="undirected")
    for nid, attrs in _node_attrs(network).items():
        node = ET.SubElement(graph, "node", id=nid)
        for k in _NODE_KEYS:
            ET.SubElement(node, "data", key=f"n_{k}").text = attrs[k]
    for i, (s, t, attrs) in enumerate(_edge_attrs(network)):
        edge = ET.SubElement(graph, "edge", id=f"e{i}", source=s, target=t)
        for k in _EDGE_KEYS:
            ET.SubElement(edge, "data", key=f"e_{k}").text = attrs[k]
    return _xml(root)


def to_gexf(network: Network) -> str:
    root = ET.Element("gexf", xmlns="http://gexf.net/1.3", version="1.3")
    graph = ET.SubElement(root, "graph", defaultedgetype="undirected", mode="static")
    for scope, keys in (("node", _NODE_KEYS[1:]), ("edge", _EDGE_KEYS)):
        attributes = ET.SubElement(graph, "attributes", {"class": scope})
        for i, k in enumerate(keys):
            ET.SubElement(attributes, "attribute", id=str(i), title=k, type=_TYPES.get(k, ("string", "string"))[1])
    nodes = ET.SubElement(graph, "nodes")
    for nid, attrs in _node_attrs(network).items():
        node = ET.SubElement(nodes, "node", id=nid, label=attrs["label"])
        values = ET.SubElement(node, "attvalues")
        for i, k in enumerate(_NODE_KEYS[1:]):
            ET.SubElement(values, "attvalue", {"for": str(i), "value": attrs[k]})
    edges = ET.SubElement(graph, "edges")
    for i, (s, t, attrs) in enumerate(_edge_attrs(network)):
        edge = ET.SubElement(edges, "edge", id=str(i), source=s, target=t, label=attrs["type"],
                             weight=attrs["evidence_count"])
        values = ET.SubElement(edge, "attvalues")
        for j, k in enumerate(_EDGE_KEYS):
            ET.SubElement(values, "attvalue", {"for": str(j), "value": attrs[k]})
    return _xml(root)


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def to_csv(network: Network) -> dict[str, str]:
    """Three tables: nodes, edges (one row per tie, evidence joined) and events (one row per
    participant, so a spreadsheet can filter by person)."""
    nodes, edges, events = io.StringIO(), io.StringIO(), io.StringIO()
    nw = csv.writer(nodes)
    nw.writerow(["id", *_NODE_KEYS])
    for nid, attrs in _node_attrs(network).items():
        nw.writerow([nid, *(attrs[k] for k in _NODE_KEYS)])
    ew = csv.writer(edges)
    ew.writerow(["source", "target", *_EDGE_KEYS])
    for s, t, attrs in _edge_attrs(network):
        ew.writerow([s, t, *(attrs[k] for k in _EDGE_KEYS)])
    vw = csv.writer(events)
    vw.writerow(["event", "type", "label", "place", "date", "hedged", "participant", "evidence"])
    for ev in network.events:
        for person in ev.participants:
            vw.writerow([ev.id, ev.type, ev.label, ev.place or "", ev.date or "", str(ev.hedged).lower(), person,
                         " | ".join(e.text for e in ev.evidence)])
    return {"nodes": nodes.getvalue(), "edges": edges.getvalue(), "events": events.getvalue()}


def _text_writer(render: Callable[[Network], str]) -> Writer:
    def write(network: Network, output: Path) -> list[Path]:
        output.write_text(render(network), encoding="utf-8")
        return [output]
    return write


register_exporter("json", ".json", "Scripts and the shared scorer (eval/README.md is its contract); every tie with "
                  "its evidence sentences and offsets")(_text_writer(to_json))
register_exporter("graphml", ".graphml", "Gephi, yEd, Cytoscape, networkx, igraph; `linkchart import` reads it "
                  "back")(_text_writer(to_graphml))
register_exporter("gexf", ".gexf", "Gephi (its own format), networkx; `linkchart import` reads it back")(_text_writer(to_gexf))


@register_exporter("csv", ".csv", "Spreadsheets (Excel, LibreOffice) and any tool that reads tables: "
                   "STEM-nodes.csv, STEM-edges.csv (evidence joined) and STEM-events.csv")
def write_csv(network: Network, output: Path) -> list[Path]:
    tables = to_csv(network)
    stem = output.with_suffix("")
    paths = [stem.parent / f"{stem.name}-{name}.csv" for name in tables]
    for path, text in zip(paths, tables.values(), strict=True):
        path.write_text(text, encoding="utf-8")
    return paths
