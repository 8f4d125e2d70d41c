"""Moving a case from one store to another (SQLite ⇄ PostgreSQL): documents with their
extraction, analyst decisions and settings. The destination's network is then resolved from
them, and comes out the same, ids included, since ids derive from what is copied."""

from __future__ import annotations

import json
from collections.abc import Iterator

from linkchart.errors import LinkchartError
from linkchart.model import AnalystDecision, Document, DocumentExtraction
from linkchart.store.base import Store


def copy_case(src: Store, dst: Store) -> dict[str, int]:
    if dst.documents_page(0, 1).total or dst.analyst_decisions(include_undone=True):
        raise LinkchartError("the destination case is not empty; copy into a new database")
    signatures = dict(src.signatures())
    extractions = _extractions(src)
    documents = 0
    for doc in _documents(src):  # in the source's order: an original comes before its copies
        version = src.extractor_version_of(doc.id) or ""
        if doc.duplicate_of is not None:
            dst.add_document(doc, ())
        elif not version:  # never extracted (waiting for the next build)
            dst.add_document(doc, signatures.get(doc.id, ()))
        else:
            extraction = extractions.pop(doc.id, None) or DocumentExtraction(doc.id)
            extraction.mentions = src.mentions(doc.id)
            dst.save_extraction(doc, signatures.get(doc.id, ()), extraction, version)
        documents += 1
    decisions = src.analyst_decisions(include_undone=True)
    for d in decisions:
        new_id = dst.add_decision(AnalystDecision(d.action, d.name_a, d.name_b, d.entity_a, d.entity_b,
                                                  d.anchor_a, d.anchor_b, d.reason))
        if d.created_at.endswith("(undone)"):
            dst.undo_decision(new_id)
    settings = src.get_meta("settings")
    if settings:
        dst.set_meta("settings", json.dumps(json.loads(settings), sort_keys=True))
    return {"documents": documents, "decisions": len(decisions)}


def _documents(src: Store) -> Iterator[Document]:
    offset = 0
    while True:
        page = src.documents_page(offset, 200)
        for summary in page.items:
            doc = src.document(summary.id)
            if doc is not None:
                yield doc
        offset += len(page.items)
        if not page.items or offset >= page.total:
            return


def _extractions(src: Store) -> dict[str, DocumentExtraction]:
    """Every document's extraction, grouped from the store's streams (no text is held)."""
    out: dict[str, DocumentExtraction] = {}
    for e in src.local_entities():
        _get(out, e.document_id).entities.append(e)
    for r in src.local_relations():
        _get(out, r.document_id).relations.append(r)
    for ev in src.local_events():
        _get(out, ev.document_id).events.append(ev)
    for m in src.local_merges(list(out)):
        _get(out, m.document_id or "").merges.append(m)
    return dict(out)


def _get(out: dict[str, DocumentExtraction], doc_id: str) -> DocumentExtraction:
    if doc_id not in out:
        out[doc_id] = DocumentExtraction(doc_id)
    return out[doc_id]
