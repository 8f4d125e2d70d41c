"""FollowTheMoney entities as JSON lines, for Aleph / OpenAleph (`ftm` tools load them).

People and groups become Person and Organization with every name (`name`, `alias`); each
report becomes a Document; each tie becomes the FtM interval schema linkchart/schema.py maps its
type to: Family (with the relationship), Associate, Membership, Directorship for leaders, and
UnknownLink for the rest (communication, recruitment), whose `role` names the tie.
A tie keeps its evidence: the reports stating it are its `proof`, and each sentence with its
source and offsets is in its `description`. Events become FtM Events with their participants.
Entities are built and cleaned by the followthemoney library, so Aleph accepts what it reads.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from linkchart.export.provenance import evidence_line, evidence_text, tie_label
from linkchart.export.registry import register_exporter
from linkchart.model import COMMENTATOR, FAMILY, Document, Entity, Event, Network, Relation
from linkchart.schema import ENTITY_TYPES, tie_type
from linkchart.store.lookup import lookup_key

PREFIX = "linkchart-"
FALLBACK = "UnknownLink"  # for a tie whose ends do not fit its schema


def ftm_id(local_id: str) -> str:
    return PREFIX + local_id.replace("|", "-")


def to_ftm(network: Network) -> list[dict[str, Any]]:
    """Every entity as an FtM dict (documents, then people and groups, then ties and events)."""
    from followthemoney import model

    documents = {d.id: d for d in network.documents}
    schema_of = {e.id: ENTITY_TYPES[e.type].ftm_schema if e.type in ENTITY_TYPES else "LegalEntity"
                 for e in network.entities}
    out = [_document(model, d) for d in network.documents]
    out += [_entity(model, e, schema_of[e.id]) for e in network.entities]
    out += [_tie(model, r, schema_of, documents) for r in network.relations
            if r.source in schema_of and r.target in schema_of]
    out += [_event(model, ev, documents) for ev in network.events]
    return [p.to_dict() for p in out]


def _document(model: Any, doc: Document) -> Any:
    proxy = model.make_entity("Document")
    proxy.id = ftm_id(doc.id)
    proxy.add("fileName", Path(doc.path).name or doc.id)
    proxy.add("title", doc.title)
    proxy.add("date", doc.date)
    if doc.path.startswith(("http://", "https://")):
        proxy.add("sourceUrl", doc.path)
    if doc.duplicate_of:
        proxy.add("description", f"a copy of document {doc.duplicate_of}")
    return proxy


def _entity(model: Any, entity: Entity, schema: str) -> Any:
    proxy = model.make_entity(schema)
    proxy.id = ftm_id(entity.id)
    proxy.add("name", entity.name)
    strong, weak = split_aliases(entity)
    proxy.add("alias", strong)
    proxy.add("weakAlias", weak)
    proxy.add("proof", [ftm_id(d) for d in entity.documents])
    if entity.role == COMMENTATOR:
        proxy.add("description", "quoted about the network in the reporting; not part of it")
    return proxy


def split_aliases(entity: Entity) -> tuple[list[str], list[str]]:
    """Other names (a kunya, a stated alias, another spelling) are FtM aliases; a short form made
    of words of the full name ('Lindqvist' for 'Ola Lindqvist') is only a weak alias, because
    Aleph cross-references on aliases and a bare surname would join brothers."""
    words = set(lookup_key(entity.name).split())
    strong: list[str] = []
    weak: list[str] = []
    for name in entity.alias_names():
        if name == entity.name:
            continue
        (weak if set(lookup_key(name).split()) <= words else strong).append(name)
    return strong, weak


def _tie(model: Any, relation: Relation, schema_of: dict[str, str], documents: dict[str, Document]) -> Any:
    """The FtM interval schema linkchart/schema.py gives the tie type; UnknownLink when the ends
    do not fit it (a 'member of' a person). Direction is kept: the edge source is our source."""
    kind = tie_type(relation.type)
    schema = model.get(kind.ftm_schema)
    if schema is None or not _ends_fit(model, schema, schema_of[relation.source], schema_of[relation.target]):
        schema = model.get(FALLBACK)
    proxy = model.make_entity(schema.name)
    proxy.id = ftm_id(relation.id)
    proxy.add(schema.edge_source, ftm_id(relation.source))
    proxy.add(schema.edge_target, ftm_id(relation.target))
    detail = relation.subtype if relation.type == FAMILY and relation.subtype else kind.ftm_relationship
    proxy.add("relationship" if "relationship" in schema.properties else "role", detail or tie_label(relation))
    proxy.add("startDate", relation.date)
    proxy.add("proof", sorted(ftm_id(d) for d in relation.document_ids()))
    hedged = "hedged: the reporting only suggests this tie; " if relation.hedged else ""
    proxy.add("summary", f"{tie_label(relation)}; {hedged}confidence {relation.confidence:.2f}")
    proxy.add("description", evidence_text(relation, documents))
    return proxy


def _ends_fit(model: Any, schema: Any, source_schema: str, target_schema: str) -> bool:
    """Family and Associate join people, Membership and Directorship end at an organisation."""
    for prop, kind in ((schema.edge_source, source_schema), (schema.edge_target, target_schema)):
        end = model.get(kind)
        if end is None or not end.is_a(schema.get(prop).range):
            return False
    return True


def _event(model: Any, event: Event, documents: dict[str, Document]) -> Any:
    proxy = model.make_entity("Event")
    proxy.id = ftm_id(event.id)
    proxy.add("name", event.label)
    proxy.add("summary", event.type + (" (hedged)" if event.hedged else ""))
    proxy.add("involved", [ftm_id(p) for p in event.participants])
    proxy.add("location", event.place)
    proxy.add("date", event.date)
    proxy.add("proof", sorted({ftm_id(e.document_id) for e in event.evidence}))
    proxy.add("description", "\n".join(evidence_line(e, documents) for e in event.evidence))
    return proxy


@register_exporter("ftm", ".ftm.json", "Aleph / OpenAleph and the `ftm` tools (FollowTheMoney entities, one JSON a line: "
                   "`ftm store write` / `alephclient write-entities`), with proof documents and evidence")
def write_ftm(network: Network, output: Path) -> list[Path]:
    with output.open("w", encoding="utf-8") as out:
        for entity in to_ftm(network):
            out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True) + "\n")
    return [output]
