"""The Store contract: every backend (SQLite, PostgreSQL) answers every question alike.

The case is written for these tests (invented people, sentences written here), stored through the
Store interface and resolved by the real resolver, so what is checked is what a user sees.
"""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from linkchart.build import resolve
from linkchart.ingest import content_hash
from linkchart.model import (
    FAMILY,
    MEMBER_OF,
    ORGANIZATION,
    PERSON,
    PLACE,
    TRAVEL,
    AnalystDecision,
    Document,
    DocumentExtraction,
    Evidence,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    Mention,
    MergeDecision,
)
from linkchart.settings import Settings
from linkchart.store import Store, open_store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_server import postgres  # noqa: E402, F401 - the session's server (skips without PostgreSQL; fails under CI=true)

SETTINGS = Settings()


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh empty case lives, for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "case.db")
    return request.getfixturevalue("postgres").new_database()
TEXT_A = ("Tomas Verhoeven and his sister Ilse Verhoeven rented a flat in Ostend. "
          "Verhoeven joined the Northgate Cell in 2014. He travelled to Ostend on 1 March 2015.")
TEXT_B = "Tomás Verhoeven shared a flat with Pieter Lindqvist, according to the inquiry report of 2016."
TEXT_C = "Ilse Verhoeven was questioned about Pieter Lindqvist and about the Northgate Cell."


def _doc(text: str, path: str, date: str | None) -> Document:
    digest = content_hash(text)
    return Document(digest[:16], path, path.rsplit("/", 1)[-1], text, digest, date)


def _span(text: str, phrase: str) -> tuple[int, int]:
    start = text.index(phrase)
    return start, start + len(phrase)


def _extraction(doc: Document, people: dict[str, tuple[str, set[str]]], ties: list[tuple[str, str, str, str | None, str]],
                events: list[tuple[str, list[str], str, str | None]] = ()) -> DocumentExtraction:  # type: ignore[assignment]
    """people: key -> (type, names); ties: (a, b, type, subtype, sentence phrase); events: (label, keys, phrase, date)."""
    out = DocumentExtraction(doc.id)
    for k, (kind, names) in people.items():
        full = max(sorted(names), key=len)
        out.entities.append(LocalEntity(f"{doc.id}:{k}", doc.id, kind, full, set(names), set(), "actor", len(names)))
        for n in sorted(names):
            if n in doc.text:
                s, e = _span(doc.text, n)
                out.mentions.append(Mention(doc.id, s, e, n, kind, 0, "actor", f"{doc.id}:{k}"))
    if "Ostend" in doc.text:
        s, e = _span(doc.text, "Ostend")
        out.mentions.append(Mention(doc.id, s, e, "Ostend", PLACE, 0))
    for a, b, kind, subtype, phrase in ties:
        s, e = _span(doc.text, phrase)
        out.relations.append(LocalRelation(doc.id, f"{doc.id}:{a}", f"{doc.id}:{b}", kind, Evidence(doc.id, phrase, s, e),
                                           subtype, "2014" if "2014" in phrase else None))
    for label, keys, phrase, date in events:
        s, e = _span(doc.text, phrase)
        out.events.append(LocalEvent(doc.id, TRAVEL, label, [f"{doc.id}:{k}" for k in keys], Evidence(doc.id, phrase, s, e),
                                     "Ostend", date))
    out.merges.append(MergeDecision("", "Tomas Verhoeven", "Verhoeven", "same surname in one report", 0.9, "auto", doc.id))
    return out


DOC_A = _doc(TEXT_A, "reports/a.txt", "2015-04-01")
DOC_B = _doc(TEXT_B, "reports/b.txt", "2016-02-01")
DOC_C = _doc(TEXT_C, "reports/c.txt", None)
COPY_A = Document(content_hash(TEXT_A + " Copy.")[:16], "reports/a-copy.txt", "a copy", TEXT_A + " Copy.",
                  content_hash(TEXT_A + " Copy."), "2015-04-02", DOC_A.id)
SIG = {DOC_A.id: (1, 2, 3), DOC_B.id: (4, 5, 6), DOC_C.id: (7, 8, 9)}


def _extractions() -> list[tuple[Document, DocumentExtraction]]:
    a = _extraction(DOC_A, {"t": (PERSON, {"Tomas Verhoeven", "Verhoeven"}), "i": (PERSON, {"Ilse Verhoeven"}),
                            "n": (ORGANIZATION, {"Northgate Cell"})},
                    [("t", "i", FAMILY, "sibling", "Tomas Verhoeven and his sister Ilse Verhoeven rented a flat in Ostend."),
                     ("t", "n", MEMBER_OF, None, "Verhoeven joined the Northgate Cell in 2014.")],
                    [("travel to Ostend", ["t"], "He travelled to Ostend on 1 March 2015.", "2015-03-01")])
    b = _extraction(DOC_B, {"t": (PERSON, {"Tomás Verhoeven"}), "p": (PERSON, {"Pieter Lindqvist"})},
                    [("t", "p", "co_resided", None, TEXT_B)])
    c = _extraction(DOC_C, {"i": (PERSON, {"Ilse Verhoeven"}), "p": (PERSON, {"Pieter Lindqvist"}),
                            "n": (ORGANIZATION, {"Northgate Cell"})}, [])
    return [(DOC_A, a), (DOC_B, b), (DOC_C, c)]


def _fill(store: Store) -> None:
    for doc, extraction in _extractions():
        store.save_extraction(doc, SIG[doc.id], extraction, "v1")
    store.add_document(COPY_A, (1, 2, 3), 0.9)
    resolve(store, SETTINGS)


@pytest.fixture
def store(case_url: str) -> Store:
    s = open_store(case_url)
    _fill(s)
    yield s
    s.close()


def _one(store: Store, name: str) -> str:
    found = store.find_entities(name)
    assert len(found) == 1, (name, found)
    return found[0].id


def test_meta_and_data_version(store: Store) -> None:
    assert store.get_meta("nothing") is None
    store.set_meta("settings", '{"a": 1}')
    store.set_meta("settings", '{"a": 2}')
    assert store.get_meta("settings") == '{"a": 2}'
    version = store.data_version()
    assert version >= 1
    counts = resolve(store, SETTINGS)
    assert (counts["added"], counts["changed"], counts["removed"]) == (0, 0, 0)
    assert store.data_version() == version  # nothing changed, nothing written


def test_documents(store: Store) -> None:
    assert store.has_hash(DOC_A.content_hash) == DOC_A.id
    assert store.has_hash("0" * 64) is None
    assert store.extractor_version_of(DOC_B.id) == "v1"
    assert dict(store.signatures()) == SIG  # copies have no signature of their own
    doc = store.document(DOC_A.id)
    assert doc is not None and doc.text == TEXT_A and doc.date == "2015-04-01" and doc.path == "reports/a.txt"
    assert store.document("missing") is None
    page = store.documents_page(0, 2)
    assert page.total == 4 and [d.id for d in page.items] == [DOC_A.id, DOC_B.id]
    assert store.documents_page(2, 10).items[1].duplicate_of == DOC_A.id
    summaries = store.document_summaries([DOC_B.id, DOC_C.id, "missing"])
    assert set(summaries) == {DOC_B.id, DOC_C.id} and summaries[DOC_B.id].words == len(TEXT_B.split())
    assert [d.id for d in store.stale_documents("v2")] == [DOC_A.id, DOC_B.id, DOC_C.id]
    assert list(store.stale_documents("v1")) == []
    mentions = store.mentions(DOC_A.id)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert {m.text for m in mentions} >= {"Tomas Verhoeven", "Ilse Verhoeven", "Ostend"}
    assert all(TEXT_A[m.start:m.end] == m.text for m in mentions)
    found = store.search_documents("inquiry report")
    assert [d.id for d, _ in found] == [DOC_B.id] and "inquiry" in found[0][1]
    assert store.search_documents('flat" OR "') == [] or all(d.id for d, _ in store.search_documents('flat" OR "'))
    doc = store.document_at("reports/c.txt")
    assert doc is not None and doc.id == DOC_C.id and store.document_at("reports/zzz.txt") is None
    assert dict(store.document_paths())[DOC_B.id] == "reports/b.txt"


def test_extraction_streams(store: Store) -> None:
    locals_ = list(store.local_entities())
    assert {e.local_id for e in locals_} == {f"{DOC_A.id}:t", f"{DOC_A.id}:i", f"{DOC_A.id}:n", f"{DOC_B.id}:t",
                                             f"{DOC_B.id}:p", f"{DOC_C.id}:i", f"{DOC_C.id}:p", f"{DOC_C.id}:n"}
    tomas = next(e for e in locals_ if e.local_id == f"{DOC_A.id}:t")
    assert tomas.names == {"Tomas Verhoeven", "Verhoeven"} and tomas.type == PERSON
    relations = list(store.local_relations())
    assert [(r.type, r.subtype) for r in relations] == [(FAMILY, "sibling"), (MEMBER_OF, None), ("co_resided", None)]
    assert relations[1].date == "2014" and relations[0].evidence.text.startswith("Tomas Verhoeven and his sister")
    events = list(store.local_events())
    assert len(events) == 1 and events[0].date == "2015-03-01" and events[0].participants == [f"{DOC_A.id}:t"]
    assert (DOC_A.id, "Ostend") in set(store.place_mentions())
    merges = store.local_merges([DOC_B.id])
    assert len(merges) == 1 and merges[0].document_id == DOC_B.id and merges[0].name_b == "Verhoeven"


def test_replace_and_remove_documents(store: Store) -> None:
    _, c = _extractions()[2]
    c.relations = [LocalRelation(DOC_C.id, f"{DOC_C.id}:i", f"{DOC_C.id}:p", "associate",
                                 Evidence(DOC_C.id, TEXT_C, 0, len(TEXT_C)))]
    store.replace_extraction(DOC_C, c, "v2")
    assert store.extractor_version_of(DOC_C.id) == "v2"
    resolve(store, SETTINGS)
    ilse = _one(store, "Ilse Verhoeven")
    assert "associate" in {r.type for r in store.relations_of(ilse)}
    store.move_document(DOC_C.id, "moved/c.txt")
    assert store.document_at("reports/c.txt") is None and store.document_at("moved/c.txt").id == DOC_C.id  # type: ignore[union-attr]
    assert store.remove_document(DOC_B.id) and not store.remove_document(DOC_B.id)
    resolve(store, SETTINGS)
    assert store.find_entities("Pieter Lindqvist")  # still stated by report C
    assert "co_resided" not in {r.type for r in store.network().relations}  # only report B said so
    assert store.remove_document(DOC_A.id)
    orphan = store.document(COPY_A.id)
    assert orphan is not None and orphan.duplicate_of is None and not store.extractor_version_of(COPY_A.id)
    resolve(store, SETTINGS)
    assert {e.name for e in store.network().entities} == {"Ilse Verhoeven", "Pieter Lindqvist", "Northgate Cell"}


def test_resolved_entities_and_lookup(store: Store) -> None:
    tomas = _one(store, "tomas verhoeven")
    assert _one(store, "Tomás  VERHOEVEN") == tomas  # one matching rule: accents, case, spacing
    entity = store.entity(tomas)
    assert entity is not None and entity.type == PERSON
    assert {"Tomas Verhoeven", "Tomás Verhoeven"} <= set(entity.alias_names())
    assert sorted(entity.documents) == sorted([DOC_A.id, DOC_B.id])
    assert store.find_entities(tomas)[0].id == tomas  # by id
    assert [e.id for e in store.find_entities("Lindqvist")] == [_one(store, "Pieter Lindqvist")]  # word of a name
    assert store.find_entities("Nobody Atall") == [] and store.find_entities("  ") == []
    assert store.entity("missing") is None
    assert store.anchor_of(tomas) == f"{DOC_A.id}:t"
    assert store.entity_count() == 4 and store.relation_count() == 3


def test_entities_page(store: Store) -> None:
    page = store.entities_page(sort="name", limit=2)
    assert page.total == 4 and [e.name for e in page.items] == ["Ilse Verhoeven", "Northgate Cell"]
    rest = store.entities_page(sort="name", offset=2, limit=10)
    assert [e.name for e in rest.items][0] == "Pieter Lindqvist" and len(rest.items) == 2
    by_ties = store.entities_page(sort="ties").items
    assert by_ties[0].name.endswith("Verhoeven") and by_ties[0].ties == 3 and by_ties[0].name.startswith("Tom")
    assert "Tomas Verhoeven" in by_ties[0].aliases or "Tomás Verhoeven" in by_ties[0].aliases
    assert [e.name for e in store.entities_page(type=ORGANIZATION).items] == ["Northgate Cell"]
    assert [e.name for e in store.entities_page(query="lindq").items] == ["Pieter Lindqvist"]
    assert store.entities_page(role="commentator").total == 0
    assert store.entities_page(sort="documents").items[0].documents == 2


def test_relations_events_and_merges(store: Store) -> None:
    tomas, ilse, cell = _one(store, "Tomas Verhoeven"), _one(store, "Ilse Verhoeven"), _one(store, "Northgate Cell")
    ties = store.relations_of(tomas)
    assert sorted((r.type, r.subtype) for r in ties) == [("co_resided", None), (FAMILY, "sibling"), (MEMBER_OF, None)]
    member = next(r for r in ties if r.type == MEMBER_OF)
    assert (member.source, member.target, member.date) == (tomas, cell, "2014")
    assert member.evidence[0].text == "Verhoeven joined the Northgate Cell in 2014."
    assert TEXT_A[member.evidence[0].start:member.evidence[0].end] == member.evidence[0].text
    assert [r.type for r in store.relations_of(ilse)] == [FAMILY]
    events = store.events_of(tomas)
    assert len(events) == 1 and events[0].participants == [tomas] and events[0].date == "2015-03-01"
    assert events[0].evidence[0].text == "He travelled to Ostend on 1 March 2015." and store.events_of(ilse) == []
    joins = store.merge_decisions(tomas)
    assert joins and all(m.entity_id == tomas for m in joins)


def test_network_as_of_and_ego(store: Store) -> None:
    whole = store.network()
    assert len(whole.entities) == 4 and len(whole.relations) == 3 and len(whole.events) == 1
    assert all(d.text == "" for d in whole.documents) and len(whole.documents) == 4
    early = store.network(as_of="2015")
    assert sorted(r.type for r in early.relations) == [FAMILY, MEMBER_OF]  # the flat-share was reported in 2016
    assert store.network(as_of="2013").relations == []  # the undated family tie was first reported in 2015
    tomas, pieter = _one(store, "Tomas Verhoeven"), _one(store, "Pieter Lindqvist")
    ego = store.ego_network(pieter, 1)
    assert {e.id for e in ego.entities} == {pieter, tomas} and len(ego.relations) == 1
    assert len(store.ego_network(pieter, 2).entities) == 4
    assert {d.id for d in ego.documents} == {DOC_A.id, DOC_B.id, DOC_C.id}


def test_decisions_updates_and_redirects(store: Store) -> None:
    ilse, pieter = _one(store, "Ilse Verhoeven"), _one(store, "Pieter Lindqvist")
    did = store.add_decision(AnalystDecision("merge", "Ilse Verhoeven", "Pieter Lindqvist", ilse, pieter,
                                             store.anchor_of(ilse) or "", store.anchor_of(pieter) or "", "test"))
    assert did >= 1
    decisions = store.analyst_decisions()
    assert [(d.id, d.action, d.reason) for d in decisions] == [(did, "merge", "test")]
    before = store.data_version()
    counts = resolve(store, SETTINGS)
    assert counts["removed"] >= 1 and store.data_version() == before + 1
    survivor = store.entity(ilse)
    assert survivor is not None and store.entity(pieter) is not None
    assert store.entity(pieter).id == survivor.id  # the absorbed id redirects  # type: ignore[union-attr]
    gone = pieter if survivor.id == ilse else ilse
    assert store.find_entities(gone)[0].id == survivor.id
    assert {r.type for r in store.relations_of(gone)} == {FAMILY, "co_resided"}
    assert store.entity_count() == 3
    assert store.undo_decision(did) and not store.undo_decision(did)
    assert store.analyst_decisions() == [] and store.analyst_decisions(include_undone=True)[0].created_at.endswith("(undone)")
    resolve(store, SETTINGS)
    assert store.entity_count() == 4 and store.entity(gone).id == gone  # type: ignore[union-attr]


def test_read_only_store_never_writes(case_url: str) -> None:
    writable = open_store(case_url)
    _fill(writable)
    writable.close()
    reader = open_store(case_url, read_only=True)
    try:
        assert reader.entity_count() == 4
        with pytest.raises(Exception, match="read-only"):
            reader.set_meta("x", "y")
    finally:
        reader.close()


def test_backends_give_the_same_network(tmp_path: Path, request: pytest.FixtureRequest) -> None:
    dumps = []
    for url in (str(tmp_path / "a.db"), request.getfixturevalue("postgres").new_database()):
        store = open_store(url)
        _fill(store)
        network = store.network()
        dumps.append(json.dumps(asdict(network), sort_keys=True, default=str))
        store.close()
    assert dumps[0] == dumps[1]
