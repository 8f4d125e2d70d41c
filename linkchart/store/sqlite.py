"""The embedded store: one SQLite file, WAL mode, foreign keys, FTS5 search.

Only this module speaks SQL. Everything it returns is a model record, so another store
(PostgreSQL for a team) can stand behind the same methods.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from linkchart.errors import LinkchartError
from linkchart.model import (
    PLACE,
    Alias,
    DateSource,
    Document,
    DocumentExtraction,
    Entity,
    Event,
    Evidence,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    MergeDecision,
    Network,
    Relation,
)
from linkchart.resolve.cross_doc import AnalystDecision, Resolution

# Columns added after the first schema: date provenance and the map back to the original file.
# Added on open, so stores built before them keep working (their rows read as "not kept").
_ADDED_COLUMNS = (
    ("documents", "original", "TEXT NOT NULL DEFAULT ''"),
    ("documents", "offset_map", "TEXT NOT NULL DEFAULT '[]'"),
    ("local_relations", "date_source", "TEXT"),
    ("local_events", "date_source", "TEXT"),
    ("relations", "date_source", "TEXT"),
    ("events", "date_source", "TEXT"),
)


class SQLiteStore:
    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        if self.path.parent and not self.path.parent.exists():
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.executescript(resources.files("linkchart.store").joinpath("schema.sql").read_text())
            for table, column, declaration in _ADDED_COLUMNS:
                if column not in {row[1] for row in self.db.execute(f"PRAGMA table_info({table})")}:
                    self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {declaration}")
        except sqlite3.DatabaseError as err:
            raise LinkchartError(f"{self.path}: not a linkchart database ({err})") from None
        self.db.row_factory = sqlite3.Row

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        with self.db:
            yield self.db

    # Documents -------------------------------------------------------------------------
    def has_hash(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def signatures(self) -> list[tuple[str, tuple[int, ...]]]:
        rows = self.db.execute("SELECT id, signature FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")
        return [(r["id"], tuple(json.loads(r["signature"]))) for r in rows]

    def add_document(self, doc: Document, signature: tuple[int, ...], similarity: float | None = None) -> None:
        with self.transaction() as db:
            db.execute(
                "INSERT INTO documents (id, path, title, date, content_hash, duplicate_of, similarity, text, signature,"
                " original, offset_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.path, doc.title, doc.date, doc.content_hash, doc.duplicate_of, similarity,
                 doc.text, json.dumps(signature), doc.original, json.dumps(doc.offset_map)))

    def save_extraction(self, doc: Document, signature: tuple[int, ...], extraction: DocumentExtraction) -> None:
        """Store a document together with what was extracted from it, all or nothing."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO documents (id, path, title, date, content_hash, duplicate_of, text, signature, original,"
                " offset_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (doc.id, doc.path, doc.title, doc.date, doc.content_hash, None, doc.text, json.dumps(signature),
                 doc.original, json.dumps(doc.offset_map)))
            db.executemany(
                "INSERT INTO local_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.local_id, e.document_id, e.type, e.name, json.dumps(sorted(e.names)),
                  json.dumps(sorted(e.explicit_aliases)), e.role, e.mention_count) for e in extraction.entities])
            db.executemany(
                "INSERT INTO mentions (document_id, start, end, text, type, sentence, role, local_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [(m.document_id, m.start, m.end, m.text, m.type, m.sentence, m.role, m.local_id or None)
                 for m in extraction.mentions])
            db.executemany(
                "INSERT INTO local_relations (document_id, source, target, type, subtype, date, text, start, end, hedged,"
                " date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(r.document_id, r.source, r.target, r.type, r.subtype, r.date, r.evidence.text,
                  r.evidence.start, r.evidence.end, int(r.evidence.hedged), _source_json(r.date_source))
                 for r in extraction.relations])
            db.executemany(
                "INSERT INTO local_events (document_id, type, label, place, date, participants, text, start, end,"
                " hedged, date_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(e.document_id, e.type, e.label, e.place, e.date, json.dumps(e.participants), e.evidence.text,
                  e.evidence.start, e.evidence.end, int(e.evidence.hedged), _source_json(e.date_source))
                 for e in extraction.events])
            db.executemany(
                "INSERT INTO local_merges (document_id, name_a, name_b, reason, score) VALUES (?, ?, ?, ?, ?)",
                [(doc.id, m.name_a, m.name_b, m.reason, m.score) for m in extraction.merges])

    def documents(self) -> list[Document]:
        rows = self.db.execute("SELECT * FROM documents ORDER BY rowid")
        return [Document(r["id"], r["path"], r["title"], r["text"], r["content_hash"], r["date"], r["duplicate_of"],
                         r["original"], [tuple(pair) for pair in json.loads(r["offset_map"])])
                for r in rows]

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[Document, str]]:
        rows = self.db.execute(
            "SELECT d.*, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip FROM documents_fts"
            " JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ? LIMIT ?",
            (_fts_query(query), limit))
        return [(Document(r["id"], r["path"], r["title"], r["text"], r["content_hash"], r["date"],
                          r["duplicate_of"]), r["snip"]) for r in rows]

    # Extraction results ----------------------------------------------------------------
    def local_entities(self) -> list[LocalEntity]:
        rows = self.db.execute("SELECT * FROM local_entities ORDER BY rowid")
        return [LocalEntity(r["local_id"], r["document_id"], r["type"], r["name"], set(json.loads(r["names"])),
                            set(json.loads(r["explicit_aliases"])), r["role"], r["mention_count"]) for r in rows]

    def place_mentions(self) -> list[tuple[str, str]]:
        """(document id, name) of every name a document read as a place."""
        rows = self.db.execute("SELECT DISTINCT document_id, text FROM mentions WHERE type = ?", (PLACE,))
        return [(r["document_id"], r["text"]) for r in rows]

    def local_relations(self) -> list[LocalRelation]:
        rows = self.db.execute("SELECT * FROM local_relations ORDER BY id")
        return [LocalRelation(r["document_id"], r["source"], r["target"], r["type"],
                              Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])),
                              r["subtype"], r["date"], _source(r["date_source"])) for r in rows]

    def local_events(self) -> list[LocalEvent]:
        rows = self.db.execute("SELECT * FROM local_events ORDER BY id")
        return [LocalEvent(r["document_id"], r["type"], r["label"], json.loads(r["participants"]),
                           Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])),
                           r["place"], r["date"], _source(r["date_source"])) for r in rows]

    def local_merges(self) -> list[MergeDecision]:
        rows = self.db.execute("SELECT * FROM local_merges ORDER BY id")
        return [MergeDecision("", r["name_a"], r["name_b"], r["reason"], r["score"], "auto", r["document_id"])
                for r in rows]

    # Analyst decisions -----------------------------------------------------------------
    def add_decision(self, decision: AnalystDecision) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO analyst_decisions (action, name_a, name_b) VALUES (?, ?, ?)",
                       (decision.action, decision.name_a, decision.name_b))

    def analyst_decisions(self) -> list[AnalystDecision]:
        rows = self.db.execute("SELECT action, name_a, name_b FROM analyst_decisions ORDER BY id")
        return [AnalystDecision(r["action"], r["name_a"], r["name_b"]) for r in rows]

    # The resolved network --------------------------------------------------------------
    def replace_network(self, resolution: Resolution) -> None:
        with self.transaction() as db:
            for table in ("evidence", "relations", "events", "merge_decisions", "aliases", "names_fts", "entities"):
                db.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            db.executemany("INSERT INTO entities VALUES (?, ?, ?, ?, ?, ?)",
                           [(e.id, e.type, e.name, e.role, json.dumps(e.documents), e.mention_count)
                            for e in resolution.entities])
            db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?)",
                           [(e.id, a.name, a.kind, a.document_id) for e in resolution.entities for a in e.aliases])
            db.executemany("INSERT INTO names_fts (name, entity_id) VALUES (?, ?)",
                           [(n, e.id) for e in resolution.entities for n in e.alias_names()])
            db.executemany("INSERT INTO relations VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [(r.id, r.source, r.target, r.type, r.subtype, int(r.hedged), r.confidence, r.date,
                             _source_json(r.date_source)) for r in resolution.relations])
            db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                           [(r.id, e.document_id, e.text, e.start, e.end, int(e.hedged))
                            for r in resolution.relations for e in r.evidence])
            db.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           [(e.id, e.type, e.label, e.place, e.date, int(e.hedged), json.dumps(e.participants),
                             json.dumps([_evidence_row(x) for x in e.evidence]), _source_json(e.date_source))
                            for e in resolution.events])
            db.executemany("INSERT INTO merge_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(m.entity_id, m.name_a, m.name_b, m.reason, m.score, m.source, m.document_id)
                            for m in resolution.decisions])

    def load_network(self) -> Network:
        aliases: dict[str, list[Alias]] = {}
        for r in self.db.execute("SELECT * FROM aliases ORDER BY rowid"):
            aliases.setdefault(r["entity_id"], []).append(Alias(r["name"], r["kind"], r["document_id"]))
        entities = [Entity(r["id"], r["type"], r["name"], aliases.get(r["id"], []), r["role"],
                           json.loads(r["documents"]), r["mention_count"])
                    for r in self.db.execute("SELECT * FROM entities ORDER BY rowid")]
        evidence: dict[str, list[Evidence]] = {}
        for r in self.db.execute("SELECT * FROM evidence ORDER BY rowid"):
            evidence.setdefault(r["relation_id"], []).append(
                Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])))
        relations = [Relation(r["source"], r["target"], r["type"], evidence.get(r["id"], []), r["subtype"],
                              bool(r["hedged"]), r["confidence"], r["date"], r["id"], _source(r["date_source"]))
                     for r in self.db.execute("SELECT * FROM relations ORDER BY rowid")]
        events = [Event(r["id"], r["type"], r["label"], json.loads(r["participants"]),
                        [Evidence(x["document"], x["text"], x["start"], x["end"], x["hedged"])
                         for x in json.loads(r["evidence"])], r["place"], r["date"], bool(r["hedged"]),
                        _source(r["date_source"]))
                  for r in self.db.execute("SELECT * FROM events ORDER BY rowid")]
        return Network(entities, relations, self.documents(), events)

    def merge_decisions(self, entity_id: str) -> list[MergeDecision]:
        rows = self.db.execute("SELECT * FROM merge_decisions WHERE entity_id = ? ORDER BY rowid", (entity_id,))
        return [MergeDecision(r["entity_id"], r["name_a"], r["name_b"], r["reason"], r["score"], r["source"],
                              r["document_id"]) for r in rows]

    def find_entities(self, name: str) -> list[Entity]:
        """Entities one of whose names matches, exact (case-insensitive) first, then full-text."""
        network = self.load_network()
        wanted = name.casefold().strip()
        exact = [e for e in network.entities if any(n.casefold() == wanted for n in e.alias_names())]
        if exact:
            return exact
        try:
            rows = self.db.execute("SELECT DISTINCT entity_id FROM names_fts WHERE names_fts MATCH ?",
                                   (_fts_query(name),)).fetchall()
        except sqlite3.OperationalError:
            return []
        ids = {r["entity_id"] for r in rows}
        return [e for e in network.entities if e.id in ids]


def _source_json(source: DateSource | None) -> str | None:
    return None if source is None else json.dumps([source.basis, source.words, source.anchor, source.anchored_to])


def _source(value: str | None) -> DateSource | None:
    return None if not value else DateSource(*json.loads(value))


def _evidence_row(e: Evidence) -> dict[str, object]:
    return {"document": e.document_id, "text": e.text, "start": e.start, "end": e.end, "hedged": e.hedged}


def _fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms, so no input is parsed as syntax."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'
