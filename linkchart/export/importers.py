"""Read networks made elsewhere (Gephi, yEd, networkx, a spreadsheet, a published edge list) so
that every analysis works on them without extraction.

An imported network has no reports behind it, but its ties still trace to a source: the file
itself becomes the case's one document, and each tie's evidence is the record of the file that
states it (the CSV line, the GraphML or GEXF `<edge>` element), with its offsets. When the file
carries evidence sentences (our own GraphML, GEXF and CSV exports do), each sentence is located in
that record and kept as its own evidence. Entity ids derive from the file's node ids (names for an
edge list; our own ids are kept), so importing the same file again gives the same ids.

Node types other than people and groups (places, phones, events) are left out and counted in the
import notes; so are ties of a node to itself.
"""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

from linkchart.errors import LinkchartError
from linkchart.export.registry import ImportedNetwork, register_importer
from linkchart.ingest import content_hash
from linkchart.model import (
    ACTOR,
    ASSOCIATE,
    COMMENTATOR,
    DIRECTED_TYPES,
    ORGANIZATION,
    PERSON,
    Alias,
    Document,
    Entity,
    EntityType,
    Evidence,
    Network,
    Relation,
    RelationType,
    as_relation_type,
)
from linkchart.resolve.cross_doc import stable_entity_id
from linkchart.schema import TIE_TYPES

EVIDENCE_SEPARATOR = " | "  # how our GraphML, GEXF and CSV exports join a tie's sentences
_PERSON_WORDS = {"", "person", "people", "individual", "human", "actor", "suspect"}
_GROUP_WORDS = {"organization", "organisation", "org", "group", "cell", "company"}


def _tie_words() -> dict[str, str]:
    """Words another tool may use for our tie types: the names, labels and verbs of linkchart/schema.py
    ('leader_of', 'Leader', 'leads', 'was recruited by', 'recruited by'), as underscored keys."""
    words: dict[str, str] = {}
    for name, tie in TIE_TYPES.items():
        verb = re.sub(r"^(?:is|was)\s+(?:an?\s+)?", "", tie.verb)
        for word in (name, tie.label, tie.verb, verb, tie.neo4j_type):
            words[re.sub(r"[\s-]+", "_", word.strip().lower())] = name
    return words


_TIE_WORDS = _tie_words()
_TRUE = {"true", "1", "yes"}
_OUR_ID = re.compile(r"^e-[0-9a-f]{12}$")


@dataclass
class RawNode:
    key: str  # the file's id for the node (the name in an edge list)
    label: str
    type: str = ""
    role: str = ""
    aliases: list[str] = field(default_factory=list)


@dataclass
class RawEdge:
    source: str
    target: str
    span: tuple[int, int]  # where the file states the tie
    type: str = ""
    subtype: str = ""
    hedged: bool = False
    confidence: float | None = None
    date: str = ""
    sentences: list[str] = field(default_factory=list)


def read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LinkchartError(f"{path}: cannot read ({err.strerror or err})") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise LinkchartError(f"{path}: not UTF-8 text") from None


def assemble(path: Path, fmt: str, text: str, nodes: dict[str, RawNode], edges: list[RawEdge]) -> ImportedNetwork:
    """The typed network: one entity per kept node, one relation per pair and tie type, every
    record of the file that states a tie kept as its evidence."""
    if not edges and not nodes:
        raise LinkchartError(f"{path}: no nodes or ties found")
    digest = content_hash(text) if text.split() else content_hash(path.name)
    doc = Document(id=digest[:16], path=str(path), title=f"{path.name} (imported {fmt} network)", text=text,
                   content_hash=digest)
    notes: list[str] = []
    left_out: dict[str, int] = defaultdict(int)
    entities: dict[str, Entity] = {}
    for node in nodes.values():
        kind = _entity_type(node.type)
        if kind is None:
            left_out[node.type.strip().lower()] += 1
            continue
        names = [n for n in dict.fromkeys(node.aliases) if n and n != node.label]
        entities[node.key] = Entity(entity_id(node.key), kind, node.label,
                                    [Alias(n, "imported", doc.id) for n in names],
                                    COMMENTATOR if node.role.strip().lower() == COMMENTATOR else ACTOR, [doc.id], 0)
    if left_out:
        notes.append("left out nodes that are not people or groups: " + ", ".join(f"{n} {t or '(no type)'}"
                                                                                    for t, n in sorted(left_out.items())))
    grouped: dict[tuple[str, str, RelationType], list[RawEdge]] = defaultdict(list)
    loops = dropped = 0
    for edge in edges:
        if edge.source not in entities or edge.target not in entities:
            dropped += 1
            continue
        if edge.source == edge.target:
            loops += 1
            continue
        tie, subtype = _tie_type(edge.type, edge.subtype)
        edge.subtype = subtype
        s, t = entities[edge.source].id, entities[edge.target].id
        if tie not in DIRECTED_TYPES:
            s, t = sorted((s, t))
        grouped[(s, t, tie)].append(edge)
    if loops:
        notes.append(f"left out {loops} ties of a node to itself")
    if dropped:
        notes.append(f"left out {dropped} ties to nodes left out")
    relations = [_relation(s, t, tie, found, doc, text) for (s, t, tie), found in sorted(grouped.items())]
    mentions: dict[str, int] = defaultdict(int)
    for r in relations:
        mentions[r.source] += len(r.evidence)
        mentions[r.target] += len(r.evidence)
    for e in entities.values():
        e.mention_count = mentions[e.id]
    return ImportedNetwork(Network(sorted(entities.values(), key=lambda e: e.id), relations, [doc], []), doc, fmt, notes)


def entity_id(node_key: str) -> str:
    """Our own ids stay as they are (an exported network edited in Gephi comes back with the ids
    of the case it came from); any other node id or name is hashed into one."""
    return node_key if _OUR_ID.match(node_key) else stable_entity_id(f"import:{node_key}")


def _relation(s: str, t: str, tie: RelationType, edges: list[RawEdge], doc: Document, text: str) -> Relation:
    evidence: list[Evidence] = []
    for edge in edges:
        start, end = edge.span
        record = text[start:end]
        located = []
        for sentence in edge.sentences:
            found = find_escaped(record, sentence)
            if found is not None:
                at, width = found
                located.append(Evidence(doc.id, sentence, start + at, start + at + width, edge.hedged))
        evidence += located or [Evidence(doc.id, record, start, end, edge.hedged)]
    confidences = [e.confidence for e in edges if e.confidence is not None]
    dates = sorted(e.date for e in edges if e.date)
    return Relation(s, t, tie, evidence, next((e.subtype for e in edges if e.subtype), None) or None,
                    all(e.hedged for e in edges), max(confidences) if confidences else 0.5, dates[0] if dates else None,
                    f"{s}|{tie}|{t}")


def _escaped_forms(sentence: str) -> list[str]:
    return list(dict.fromkeys([sentence, escape(sentence), escape(sentence, {'"': "&quot;"}),
                               escape(sentence, {'"': "&quot;", "'": "&apos;"}), sentence.replace('"', '""')]))


def find_escaped(record: str, sentence: str) -> tuple[int, int] | None:
    """Where the sentence stands in a record of the file and how many characters it takes there,
    as the file escapes it ('&' is '&amp;' in XML, '"' is '""' in CSV). The evidence keeps the
    sentence itself, with the offsets of its escaped form."""
    at = record.find(sentence)
    if at >= 0:
        return at, len(sentence)
    for form in _escaped_forms(sentence):
        at = record.find(form)
        if at >= 0:
            return at, len(form)
    return None


def _entity_type(value: str) -> EntityType | None:
    word = value.strip().lower()
    if word in _PERSON_WORDS:
        return PERSON
    if word in _GROUP_WORDS:
        return ORGANIZATION
    return None


def _tie_type(value: str, subtype: str) -> tuple[RelationType, str]:
    """Our tie type for the file's; a kind we do not model is an associate tie whose subtype
    keeps the file's word ('telephone'), so nothing the file said is lost."""
    word = re.sub(r"[\s-]+", "_", value.strip().lower())
    if word in _TIE_WORDS:
        return as_relation_type(_TIE_WORDS[word]), subtype
    return ASSOCIATE, subtype or value.strip()


def _split(value: str, separator: str) -> list[str]:
    return [v.strip() for v in value.split(separator) if v.strip()] if value else []


def _bool(value: str) -> bool:
    return value.strip().lower() in _TRUE


def _float(value: str) -> float | None:
    try:
        return float(value)
    except ValueError:
        return None


# --------------------------------------------------------------------------- XML (GraphML, GEXF)


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _parse_xml(path: Path, text: str) -> ET.Element:
    try:
        return ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        raise LinkchartError(f"{path}: not well-formed XML ({err})") from None


def edge_spans(path: Path, text: str, count: int) -> list[tuple[int, int]]:
    """The text of each `<edge>` element, in document order (ElementTree gives no offsets)."""
    spans = []
    for start_tag in re.finditer(r"<(?:[\w.-]+:)?edge\b[^>]*>", text):
        if start_tag.group(0).endswith("/>"):
            spans.append(start_tag.span())
            continue
        close = re.compile(r"</(?:[\w.-]+:)?edge\s*>").search(text, start_tag.end())
        if close is None:
            raise LinkchartError(f"{path}: an <edge> element is not closed")
        spans.append((start_tag.start(), close.end()))
    if len(spans) != count:
        raise LinkchartError(f"{path}: found {count} edges but could not locate each in the text")
    return spans


def _attribute(lowered: dict[str, str], *names: str) -> str:
    """The first of `names` the record gives (keys lower-cased by the caller)."""
    return next((lowered[n] for n in names if lowered.get(n)), "")


def _lowered(values: dict[str, str]) -> dict[str, str]:
    return {k.lower(): v for k, v in values.items()}


def _raw_node(key: str, values: dict[str, str], label: str = "") -> RawNode:
    values = _lowered(values)
    name = label or _attribute(values, "label", "name", "title") or key
    return RawNode(key, " ".join(name.split()), _attribute(values, "type", "kind", "category"), _attribute(values, "role"),
                   _split(_attribute(values, "aliases", "alias"), ";"))


def _raw_edge(source: str, target: str, span: tuple[int, int], values: dict[str, str], label: str = "") -> RawEdge:
    values = _lowered(values)
    return RawEdge(source, target, span, _attribute(values, "type", "relationship", "relation", "kind") or label,
                   _attribute(values, "subtype"), _bool(_attribute(values, "hedged")),
                   _float(_attribute(values, "confidence")), _attribute(values, "date"),
                   _split(_attribute(values, "evidence"), EVIDENCE_SEPARATOR))


@register_importer("graphml", (".graphml", ".xml"), "Gephi, yEd, Cytoscape, networkx, igraph, and linkchart's own export")
def read_graphml(path: Path) -> ImportedNetwork:
    text = read_text(path)
    root = _parse_xml(path, text)
    keys = {k.get("id", ""): k.get("attr.name") or k.get("id") or "" for k in root.iter() if _local(k.tag) == "key"}

    def data(element: ET.Element) -> dict[str, str]:
        return {keys.get(d.get("key", ""), d.get("key", "")): "".join(d.itertext()).strip()
                for d in element if _local(d.tag) == "data"}

    nodes = {n.get("id", ""): _raw_node(n.get("id", ""), data(n)) for n in root.iter() if _local(n.tag) == "node"}
    found = [e for e in root.iter() if _local(e.tag) == "edge"]
    spans = edge_spans(path, text, len(found))
    edges = [_raw_edge(e.get("source", ""), e.get("target", ""), span, data(e)) for e, span in zip(found, spans, strict=True)]
    _check_ends(path, nodes, edges)
    return assemble(path, "graphml", text, nodes, edges)


@register_importer("gexf", (".gexf",), "Gephi, networkx, and linkchart's own export")
def read_gexf(path: Path) -> ImportedNetwork:
    text = read_text(path)
    root = _parse_xml(path, text)
    titles: dict[tuple[str, str], str] = {}
    for attributes in root.iter():
        if _local(attributes.tag) == "attributes":
            scope = attributes.get("class", "node")
            for a in attributes:
                titles[(scope, a.get("id") or "")] = a.get("title") or a.get("id") or ""

    def values(element: ET.Element, scope: str) -> dict[str, str]:
        return {titles.get((scope, v.get("for", "")), v.get("for", "")): v.get("value", "")
                for v in element.iter() if _local(v.tag) == "attvalue"}

    nodes = {n.get("id", ""): _raw_node(n.get("id", ""), values(n, "node"), n.get("label", ""))
             for n in root.iter() if _local(n.tag) == "node"}
    found = [e for e in root.iter() if _local(e.tag) == "edge"]
    spans = edge_spans(path, text, len(found))
    edges = [_raw_edge(e.get("source", ""), e.get("target", ""), span, values(e, "edge"), e.get("label", ""))
             for e, span in zip(found, spans, strict=True)]
    _check_ends(path, nodes, edges)
    return assemble(path, "gexf", text, nodes, edges)


def _check_ends(path: Path, nodes: dict[str, RawNode], edges: list[RawEdge]) -> None:
    for edge in edges:
        for end in (edge.source, edge.target):
            if end not in nodes:
                raise LinkchartError(f"{path}: a tie refers to the node '{end}', which the file does not declare")


# --------------------------------------------------------------------------- CSV edge lists


def csv_records(text: str) -> Iterator[tuple[list[str], tuple[int, int]]]:
    """Each CSV record with the span of text it was read from (a quoted field may hold line breaks)."""
    offset, pending, pending_start = 0, "", 0
    for line in text.splitlines(keepends=True):
        if not pending:
            pending_start = offset
        pending += line
        offset += len(line)
        if pending.count('"') % 2:
            continue
        record = pending.rstrip("\r\n")
        pending = ""
        if record.strip():
            yield next(csv.reader(io.StringIO(record))), (pending_start, pending_start + len(record))
    if pending.strip():
        yield next(csv.reader(io.StringIO(pending))), (pending_start, pending_start + len(pending.rstrip("\r\n")))


@register_importer("csv", (".csv",), "Spreadsheets and published edge lists (`name,name` a line, like the Krebs 9/11 "
                   "network), and linkchart's own STEM-edges.csv with STEM-nodes.csv beside it")
def read_csv(path: Path) -> ImportedNetwork:
    text = read_text(path)
    records = list(csv_records(text))
    if not records:
        raise LinkchartError(f"{path}: no ties found")
    header = [h.strip().lower() for h in records[0][0]]
    nodes: dict[str, RawNode] = {}
    edges: list[RawEdge] = []
    if "source" in header and "target" in header:
        nodes = _sibling_nodes(path)
        for row, span in records[1:]:
            values = dict(zip(header, row, strict=False))
            edges.append(_raw_edge(values.get("source", "").strip(), values.get("target", "").strip(), span, values))
    else:
        for number, (row, span) in enumerate(records, 1):
            if len(row) < 2 or not row[0].strip() or not row[1].strip():
                raise LinkchartError(f"{path}: line {number} is not 'name,name' (give two names a line)")
            edges.append(RawEdge(" ".join(row[0].split()), " ".join(row[1].split()), span,
                                 type=row[2].strip() if len(row) > 2 else ""))
    for edge in edges:
        for end in (edge.source, edge.target):
            nodes.setdefault(end, RawNode(end, end))
    return assemble(path, "csv", text, nodes, edges)


def _sibling_nodes(path: Path) -> dict[str, RawNode]:
    """Our CSV export writes STEM-edges.csv beside STEM-nodes.csv: names and types come from there."""
    if not path.stem.endswith("-edges"):
        return {}
    nodes_path = path.with_name(path.stem[: -len("-edges")] + "-nodes.csv")
    if not nodes_path.exists():
        return {}
    nodes = {}
    for row in csv.DictReader(io.StringIO(read_text(nodes_path))):
        values = {k: v or "" for k, v in row.items() if isinstance(k, str) and isinstance(v, str)}
        if values.get("id"):
            nodes[values["id"]] = _raw_node(values["id"], values)
    return nodes
