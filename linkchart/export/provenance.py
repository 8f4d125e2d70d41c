"""How a tie's evidence is written into formats that have only free text for it (FtM
descriptions, i2 cards, Neo4j properties): each sentence quoted with the document it comes from
and its character offsets, so an analyst in another tool can still trace the tie to its source."""

from __future__ import annotations

from linkchart.model import Document, Evidence, Relation
from linkchart.schema import tie_type


def tie_label(relation: Relation) -> str:
    """The tie type as analysts read it ('Family (sibling)', 'Recruited by'), from linkchart/schema.py."""
    label = tie_type(relation.type).label
    return f"{label} ({relation.subtype})" if relation.subtype else label


def source_name(document_id: str, documents: dict[str, Document]) -> str:
    doc = documents.get(document_id)
    if doc is None:
        return document_id
    return f"{doc.title} ({doc.path})" if doc.title and doc.title != doc.path else doc.path


def evidence_line(evidence: Evidence, documents: dict[str, Document]) -> str:
    hedged = " (hedged)" if evidence.hedged else ""
    return f"“{evidence.text}”{hedged} — {source_name(evidence.document_id, documents)} [{evidence.start}:{evidence.end}]"


def evidence_text(relation: Relation, documents: dict[str, Document]) -> str:
    """Every sentence stating the tie, one a line."""
    return "\n".join(evidence_line(e, documents) for e in relation.evidence)
