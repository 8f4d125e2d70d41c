"""The embedded store: one SQLite file, WAL mode, foreign keys, FTS5 search.

Only this module speaks SQLite. Everything it returns is a model record; it implements the
`Store` protocol of store/base.py, which the contract tests check for every backend.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from linkchart.errors import LinkchartError
from linkchart.model import (
    PLACE,
    Alias,
    AnalystDecision,
    DateSource,
    Document,
    DocumentExtraction,
    DocumentSummary,
    Entity,
    EntitySummary,
    Event,
    Evidence,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    Mention,
    MergeDecision,
    MergeSuggestion,
    Network,
    Page,
    Relation,
    Resolution,
)
from linkchart.store.base import SCHEMA_VERSION
from linkchart.store.lookup import fts_query, lookup_key


def _upsert(columns: str) -> str:
    """The clause that updates a row in place when its id exists (children are rewritten apart)."""
    names = [c.strip() for c in columns.split(",")]
    return f" ON CONFLICT(id) DO UPDATE SET ({', '.join(names)}) = ({', '.join('excluded.' + n for n in names)})"


_SUMMARY_COLUMNS = ("d.id, d.path, d.title, d.date, d.duplicate_of,"
                    " length(d.text) - length(replace(d.text, ' ', '')) + 1 AS words")


class SQLiteStore:
    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        try:
            if read_only:
                if not self.path.exists():
                    raise LinkchartError(f"{self.path}: no such database (run 'linkchart build DIR --db {self.path}' first)")
                self.db = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True, timeout=30)
                self._check_version()
            else:
                if self.path.parent and not self.path.parent.exists():
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(self.path, timeout=30)
                self._check_version(allow_new=True)
                self.db.execute("PRAGMA journal_mode=WAL")
                # In WAL mode a committed transaction survives the process being killed without a sync
                # per commit (only a power cut can lose the last ones): one fsync a checkpoint, not a commit.
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(resources.files("linkchart.store").joinpath("schema.sql").read_text())
                self.db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=30000")
        except sqlite3.DatabaseError as err:
            raise LinkchartError(f"{self.path}: not a linkchart database ({err})") from None
        self.db.row_factory = sqlite3.Row

    def _check_version(self, *, allow_new: bool = False) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        tables = self.db.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if allow_new and tables == 0:
            return
        if version == 0 and tables and not self.db.execute(
                "SELECT 1 FROM sqlite_master WHERE name = 'local_entities'").fetchone():
            raise LinkchartError(f"{self.path}: not a linkchart database")
        if version == 0 and not tables:
            raise LinkchartError(f"{self.path}: not a linkchart database (empty)")
        raise LinkchartError(f"{self.path}: made by another linkchart version (schema {version}, this one reads "
                             f"{SCHEMA_VERSION}); build the case again into a new database")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One atomic write; a transaction opened inside another is part of it (a resolution
        writes its blocks in one transaction, so readers never see half a network)."""
        if self.read_only:
            raise LinkchartError(f"{self.path}: opened read-only")
        if getattr(self, "_in_transaction", False):
            yield self.db
            return
        with self.db:
            self.db.execute("BEGIN IMMEDIATE")
            self._in_transaction = True
            try:
                yield self.db
            finally:
                self._in_transaction = False

    # Case metadata ---------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row["value"] if row else None

    def set_meta(self, key: str, value: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))

    def bump_meta(self, key: str) -> int:
        """Add one to a counter kept in meta, atomically (writers take turns), and return it."""
        with self.transaction() as db:
            row = db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
            value = int(row[0] if row else 0) + 1
            db.execute("INSERT INTO meta VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, str(value)))
        return value

    def data_version(self) -> int:
        return int(self.get_meta("data_version") or 0)

    # Documents -------------------------------------------------------------------------
    def has_hash(self, content_hash: str) -> str | None:
        row = self.db.execute("SELECT id FROM documents WHERE content_hash = ?", (content_hash,)).fetchone()
        return row["id"] if row else None

    def extractor_version_of(self, document_id: str) -> str | None:
        row = self.db.execute("SELECT extractor_version FROM documents WHERE id = ?", (document_id,)).fetchone()
        return row["extractor_version"] if row else None

    def signatures(self) -> Iterator[tuple[str, tuple[int, ...]]]:
        rows = self.db.execute("SELECT id, signature FROM documents WHERE duplicate_of IS NULL ORDER BY rowid")
        for r in rows:
            yield r["id"], tuple(json.loads(r["signature"]))

    def add_document(self, doc: Document, signature: tuple[int, ...], similarity: float | None = None) -> None:
        with self.transaction() as db:
            _insert_document(db, doc, signature, similarity, "")

    def save_extraction(self, doc: Document, signature: tuple[int, ...], extraction: DocumentExtraction,
                        extractor_version: str = "") -> None:
        """Store a document together with what was extracted from it, all or nothing."""
        with self.transaction() as db:
            _insert_document(db, doc, signature, None, extractor_version)
            _insert_extraction(db, doc.id, extraction)

    def replace_extraction(self, doc: Document, extraction: DocumentExtraction, extractor_version: str) -> None:
        """A newer extractor's reading of a stored document replaces the old one."""
        with self.transaction() as db:
            for table in ("local_relations", "local_events", "local_merges", "mentions", "local_entities",
                          "resolved_documents"):
                db.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc.id,))  # noqa: S608 - fixed names
            db.execute("UPDATE documents SET extractor_version = ? WHERE id = ?", (extractor_version, doc.id))
            _insert_extraction(db, doc.id, extraction)

    def document_at(self, path: str) -> Document | None:
        """The document stored for a file path: a file's identity within the case."""
        r = self.db.execute("SELECT * FROM documents WHERE path = ? ORDER BY rowid LIMIT 1", (path,)).fetchone()
        return _document(r) if r else None

    def document_paths(self) -> Iterator[tuple[str, str]]:
        """(id, path) of every stored document."""
        for r in self.db.execute("SELECT id, path FROM documents ORDER BY rowid").fetchall():
            yield r["id"], r["path"]

    def move_document(self, document_id: str, path: str) -> None:
        """A file renamed or moved within the case keeps its document, under its new path."""
        with self.transaction() as db:
            db.execute("UPDATE documents SET path = ? WHERE id = ?", (path, document_id))

    def remove_document(self, document_id: str) -> bool:
        """Drop a document and what was extracted from it. Its copies lose their original and
        wait to be extracted (extractor version ''); the network is brought up to date by the
        next resolution."""
        with self.transaction() as db:
            if not db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
                return False
            db.execute("UPDATE documents SET duplicate_of = NULL, similarity = NULL, extractor_version = ''"
                       " WHERE duplicate_of = ?", (document_id,))
            for table in ("local_relations", "local_events", "local_merges", "mentions", "local_entities", "evidence",
                          "aliases"):
                db.execute(f"DELETE FROM {table} WHERE document_id = ?", (document_id,))  # noqa: S608 - fixed names
            db.execute("DELETE FROM documents WHERE id = ?", (document_id,))
            return True

    def document(self, document_id: str) -> Document | None:
        r = self.db.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        return _document(r) if r else None

    def documents_page(self, offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        total = self.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        rows = self.db.execute(f"SELECT {_SUMMARY_COLUMNS} FROM documents d ORDER BY rowid LIMIT ? OFFSET ?",  # noqa: S608
                               (limit, offset))
        return Page([_summary(r) for r in rows], total, offset, limit)

    def document_summaries(self, ids: list[str]) -> dict[str, DocumentSummary]:
        out: dict[str, DocumentSummary] = {}
        for chunk in _chunks(sorted(set(ids))):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT {_SUMMARY_COLUMNS} FROM documents d WHERE id IN ({marks})", chunk):  # noqa: S608
                out[r["id"]] = _summary(r)
        return out

    def stale_documents(self, extractor_version: str) -> Iterator[Document]:
        rows = self.db.execute("SELECT * FROM documents WHERE duplicate_of IS NULL AND extractor_version != ?"
                               " ORDER BY rowid", (extractor_version,))
        for r in rows:
            yield _document(r)

    def mentions(self, document_id: str) -> list[Mention]:
        rows = self.db.execute("SELECT * FROM mentions WHERE document_id = ? ORDER BY start", (document_id,))
        return [Mention(r["document_id"], r["start"], r["end"], r["text"], r["type"], r["sentence"], r["role"],
                        r["local_id"] or "") for r in rows]

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[DocumentSummary, str]]:
        rows = self.db.execute(
            f"SELECT {_SUMMARY_COLUMNS}, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip"  # noqa: S608
            " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid WHERE documents_fts MATCH ?"
            " ORDER BY rank LIMIT ?", (fts_query(query), limit))
        return [(_summary(r), r["snip"]) for r in rows]

    # Extraction results ----------------------------------------------------------------
    def local_entities(self) -> Iterator[LocalEntity]:
        for r in self.db.execute("SELECT * FROM local_entities ORDER BY rowid"):
            yield LocalEntity(r["local_id"], r["document_id"], r["type"], r["name"], set(json.loads(r["names"])),
                              set(json.loads(r["explicit_aliases"])), r["role"], r["mention_count"])

    def place_mentions(self) -> Iterator[tuple[str, str]]:
        """(document id, name) of every name a document read as a place."""
        for r in self.db.execute("SELECT DISTINCT document_id, text FROM mentions WHERE type = ?", (PLACE,)):
            yield r["document_id"], r["text"]

    def local_relations(self) -> Iterator[LocalRelation]:
        for r in self.db.execute("SELECT * FROM local_relations ORDER BY id"):
            yield LocalRelation(r["document_id"], r["source"], r["target"], r["type"],
                                Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])),
                                r["subtype"], r["date"], _source(r["date_source"]))

    def local_events(self) -> Iterator[LocalEvent]:
        for r in self.db.execute("SELECT * FROM local_events ORDER BY id"):
            yield LocalEvent(r["document_id"], r["type"], r["label"], json.loads(r["participants"]),
                             Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])),
                             r["place"], r["date"], _source(r["date_source"]))

    def local_merges(self, document_ids: list[str]) -> list[MergeDecision]:
        out = []
        for chunk in _chunks(sorted(set(document_ids))):
            marks = ",".join("?" * len(chunk))
            rows = self.db.execute(f"SELECT * FROM local_merges WHERE document_id IN ({marks}) ORDER BY id", chunk)  # noqa: S608
            out += [MergeDecision("", r["name_a"], r["name_b"], r["reason"], r["score"], "auto", r["document_id"])
                    for r in rows]
        return out

    # Incremental resolution ------------------------------------------------------------
    def unresolved_documents(self) -> list[str]:
        """Documents the stored network does not account for: new, re-extracted or removed."""
        rows = self.db.execute("SELECT id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM resolved_documents r"
                               " WHERE r.document_id = d.id) ORDER BY rowid").fetchall()
        gone = self.db.execute("SELECT DISTINCT document_id FROM resolution_keys k WHERE NOT EXISTS"
                               " (SELECT 1 FROM documents d WHERE d.id = k.document_id) ORDER BY document_id").fetchall()
        return [r[0] for r in rows] + [r[0] for r in gone]

    def resolved_document_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM resolved_documents").fetchone()[0])

    def document_keys(self, document_id: str) -> list[tuple[str | None, str, bool]]:
        """The keys stored for a document at its last resolution: (local id, key, active)."""
        rows = self.db.execute("SELECT local_id, key, active FROM resolution_keys WHERE document_id = ?", (document_id,))
        return [(r[0], r[1], bool(r[2])) for r in rows]

    def set_document_keys(self, document_id: str, keys: list[tuple[str | None, str, bool]], *, fresh: bool = False) -> None:
        """Replace a document's keys and record that the network accounts for it (when it exists).
        `fresh`: no keys are filed (forget_resolution_keys), nothing to replace."""
        with self.transaction() as db:
            if not fresh:
                db.execute("DELETE FROM resolution_keys WHERE document_id = ?", (document_id,))
            db.executemany("INSERT INTO resolution_keys VALUES (?, ?, ?, ?)",
                           [(document_id, local, key, int(active)) for local, key, active in keys])
            if db.execute("SELECT 1 FROM documents WHERE id = ?", (document_id,)).fetchone():
                db.execute("INSERT INTO resolved_documents VALUES (?) ON CONFLICT(document_id) DO NOTHING", (document_id,))

    def forget_resolution_keys(self) -> None:
        """Drop every key, and their indexes until index_resolution_keys: filing the keys of a
        whole corpus and then sorting them into indexes costs a fraction of keeping indexes
        up to date through a million random inserts."""
        with self.transaction() as db:
            db.execute("DELETE FROM resolution_keys")
            db.execute("DELETE FROM resolved_documents")
            for name in re.findall(r"CREATE INDEX IF NOT EXISTS (\w+)", _key_indexes()):
                db.execute(f"DROP INDEX IF EXISTS {name}")

    def index_resolution_keys(self) -> None:
        with self.transaction() as db:
            for statement in _key_indexes().split(";"):
                if statement.strip():
                    db.execute(statement)

    def local_entities_of(self, document_ids: list[str]) -> list[LocalEntity]:
        """The document-level entities of some documents, in the order they were stored."""
        return self._locals("document_id", document_ids)

    def local_entities_by_id(self, local_ids: Iterable[str]) -> list[LocalEntity]:
        """Document-level entities by id (those that no longer exist are skipped), in the order
        they were stored: the earliest one of an entity gives it its id."""
        return self._locals("local_id", list(local_ids))

    def _locals(self, column: str, values: list[str]) -> list[LocalEntity]:
        rows: list[Any] = []
        for chunk in _chunks(sorted(set(values))):
            rows += self.db.execute(f"SELECT rowid AS position, * FROM local_entities WHERE {column}"  # noqa: S608
                                    f" IN ({','.join('?' * len(chunk))})", chunk).fetchall()
        rows.sort(key=lambda r: r["position"])
        return [LocalEntity(r["local_id"], r["document_id"], r["type"], r["name"], set(json.loads(r["names"])),
                            set(json.loads(r["explicit_aliases"])), r["role"], r["mention_count"]) for r in rows]

    def names_in_documents(self, document_ids: Iterable[str]) -> list[tuple[str, str, str, str]]:
        """(document, name, type, role) of the document-level entities of some documents."""
        out: list[tuple[str, str, str, str]] = []
        for chunk in _chunks(sorted(set(document_ids))):
            out += [(r[0], r[1], r[2], r[3]) for r in self.db.execute(
                "SELECT document_id, name, type, role FROM local_entities"  # noqa: S608
                f" WHERE document_id IN ({','.join('?' * len(chunk))})", chunk)]
        return out

    def documents_of(self, local_ids: Iterable[str]) -> list[str]:
        """The documents of some document-level entities (those that no longer exist are skipped)."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(local_ids))):
            out |= {r[0] for r in self.db.execute(
                f"SELECT DISTINCT document_id FROM local_entities WHERE local_id IN ({','.join('?' * len(chunk))})",  # noqa: S608
                chunk)}
        return sorted(out)

    def bound_groups(self) -> Iterator[list[int]]:
        """The document-level entities, by position (local_positions), that each key binds
        together (those filed under a key that one of them looks the others up under), and the
        members of each entity (a member split off by the analyst stands for the one it came from):
        groups of two or more. Streamed: nothing of the whole corpus is held."""
        rows = self.db.execute("SELECT k.key, l.rowid, k.active FROM resolution_keys k JOIN local_entities l"
                               " ON l.local_id = k.local_id ORDER BY k.key")
        yield from _runs((r[0], int(r[1]), bool(r[2])) for r in rows)
        rows = self.db.execute("SELECT m.entity_id, l.rowid FROM entity_members m JOIN local_entities l"
                               " ON l.local_id = m.local_id ORDER BY m.entity_id")
        yield from _runs((r[0], int(r[1]), True) for r in rows)
        split = sorted({r[0] for r in self.db.execute("SELECT entity_id FROM entity_members WHERE local_id LIKE '%|%'")})
        for entity_id in split:  # few: the analyst's splits
            group = self.local_positions_of({x.split("|")[0] for x in self.members(entity_ids=[entity_id])})
            if len(group) > 1:
                yield group

    def local_ids(self) -> Iterator[str]:
        """Every document-level entity id, in the order they were stored."""
        for r in self.db.execute("SELECT local_id FROM local_entities ORDER BY rowid").fetchall():
            yield r[0]

    def local_positions(self) -> Iterator[int]:
        """The position of every document-level entity: a number that orders them as they were
        stored and stands for one in the passes over the whole corpus (while nothing is removed)."""
        for r in self.db.execute("SELECT rowid FROM local_entities ORDER BY rowid"):
            yield int(r[0])

    def local_positions_of(self, local_ids: Iterable[str]) -> list[int]:
        out: list[int] = []
        for chunk in _chunks(sorted(set(local_ids))):
            out += [int(r[0]) for r in self.db.execute(
                f"SELECT rowid FROM local_entities WHERE local_id IN ({','.join('?' * len(chunk))})", chunk)]  # noqa: S608
        return sorted(out)

    def local_ids_at(self, positions: Iterable[int]) -> dict[int, str]:
        out: dict[int, str] = {}
        values = sorted(set(positions))
        for k in range(0, len(values), 500):
            chunk = values[k:k + 500]
            out.update({int(r[0]): r[1] for r in self.db.execute(
                f"SELECT rowid, local_id FROM local_entities WHERE rowid IN ({','.join('?' * len(chunk))})", chunk)})  # noqa: S608
        return out

    def keys_of(self, local_ids: Iterable[str], kind: str = "") -> list[tuple[str, str, bool]]:
        """(local id, key, active) of the keys of `local_ids` (only keys of one kind, such as "nk:")."""
        out = []
        only = " AND substr(key, 1, ?) = ?" if kind else ""
        for chunk in _chunks(sorted(set(local_ids))):
            out += [(r[0], r[1], bool(r[2])) for r in self.db.execute(
                f"SELECT local_id, key, active FROM resolution_keys WHERE local_id IN ({','.join('?' * len(chunk))}){only}",  # noqa: S608
                [*chunk, *((len(kind), kind) if kind else ())])]
        return out

    def key_holders(self, keys: Iterable[str], *, active_only: bool = False) -> list[tuple[str, str]]:
        """(local id, key) of the document-level entities filed under `keys` (only those that
        look others up under them, with `active_only`)."""
        out = []
        only = " AND active = 1" if active_only else ""
        for chunk in _chunks(sorted(set(keys))):
            out += [(r[0], r[1]) for r in self.db.execute(
                f"SELECT local_id, key FROM resolution_keys WHERE key IN ({','.join('?' * len(chunk))})"  # noqa: S608
                f" AND local_id IS NOT NULL{only}", chunk)]
        return out

    def place_keys(self, keys: Iterable[str]) -> list[tuple[str, str]]:
        """(document, key) of the places documents name under `keys`."""
        out = []
        for chunk in _chunks(sorted(set(keys))):
            out += [(r[0], r[1]) for r in self.db.execute(
                f"SELECT DISTINCT document_id, key FROM resolution_keys WHERE key IN ({','.join('?' * len(chunk))})"  # noqa: S608
                " AND local_id IS NULL", chunk)]
        return out

    def place_names(self, document_id: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT text FROM mentions WHERE document_id = ? AND type = ?",
                                              (document_id, PLACE))]

    def members(self, *, local_ids: Iterable[str] = (), entity_ids: Iterable[str] = ()) -> dict[str, str]:
        """local id -> entity id as last resolved, for some document-level entities or for every
        member of some entities."""
        out: dict[str, str] = {}
        for column, values in (("local_id", local_ids), ("entity_id", entity_ids)):
            for chunk in _chunks(sorted(set(values))):
                out.update({r[0]: r[1] for r in self.db.execute(
                    f"SELECT local_id, entity_id FROM entity_members WHERE {column} IN ({','.join('?' * len(chunk))})",  # noqa: S608
                    chunk)})
        return out

    def entity_ids(self) -> Iterator[str]:
        for r in self.db.execute("SELECT id FROM entities ORDER BY id").fetchall():
            yield r[0]

    def entity_kinds(self, entity_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
        """entity id -> (type, role)."""
        out = {}
        for chunk in _chunks(sorted(set(entity_ids))):
            out.update({r[0]: (r[1], r[2]) for r in self.db.execute(
                f"SELECT id, type, role FROM entities WHERE id IN ({','.join('?' * len(chunk))})", chunk)})  # noqa: S608
        return out

    def write_entities(self, resolution: Resolution, replaced: set[str]) -> dict[str, int]:
        """Bring the entities `replaced` (ids as last resolved) to those of `resolution`, a
        resolution of every document-level entity they held: entities, names, members and
        redirects, the log of joins and the suggestions. Ties are written apart (write_relations)."""
        counts = {"added": 0, "changed": 0, "removed": 0}
        entities = {e.id: e for e in resolution.entities}
        ids = sorted(replaced | set(entities))
        with self.transaction() as db:
            old_members = self.members(entity_ids=replaced)
            self._sync(db, "entities", {e.id: (_entity_fingerprint(e, 0), e) for e in entities.values()},
                       lambda e: self._insert_entity(db, e, 0), counts, delete_children=("aliases", "entity_names"),
                       among=ids)
            for chunk in _chunks(ids):
                marks = ",".join("?" * len(chunk))
                db.execute(f"DELETE FROM merge_decisions WHERE entity_id IN ({marks})", chunk)  # noqa: S608
                db.execute(f"DELETE FROM merge_suggestions WHERE entity_a IN ({marks}) OR entity_b IN ({marks})",  # noqa: S608
                           chunk + chunk)
            db.executemany("INSERT INTO merge_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(m.entity_id, m.name_a, m.name_b, m.reason, m.score, m.source, m.document_id)
                            for m in resolution.decisions])
            self._update_members(db, old_members, resolution.members, set(entities))
            db.executemany("INSERT INTO merge_suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
                           [(suggestion_id(m), m.entity_a, m.entity_b, m.name_a, m.name_b, m.reason, m.score,
                             json.dumps(list(m.document_ids))) for m in resolution.suggestions])
        return counts

    def relation_inputs(self, entity_ids: list[str]) -> list[tuple[LocalRelation, str, str]]:
        """Every tie documents state between document-level entities of which one belongs to
        one of `entity_ids`, with the entities both ends belong to."""
        seen: dict[int, tuple[LocalRelation, str, str]] = {}
        for chunk in _chunks(sorted(set(entity_ids))):
            marks = ",".join("?" * len(chunk))
            for end in ("source", "target"):
                rows = self.db.execute(
                    "SELECT r.*, ms.entity_id AS s_entity, mt.entity_id AS t_entity FROM local_relations r"  # noqa: S608
                    " JOIN entity_members ms ON ms.local_id = r.source JOIN entity_members mt ON mt.local_id = r.target"
                    f" WHERE {'ms' if end == 'source' else 'mt'}.entity_id IN ({marks})", chunk)
                for r in rows:
                    seen[r["id"]] = (LocalRelation(
                        r["document_id"], r["source"], r["target"], r["type"],
                        Evidence(r["document_id"], r["text"], r["start"], r["end"], bool(r["hedged"])),
                        r["subtype"], r["date"], _source(r["date_source"])), r["s_entity"], r["t_entity"])
        return [seen[k] for k in sorted(seen)]

    def network_groups(self, entity_ids: Iterable[str]) -> set[str]:
        """Which of `entity_ids` somebody of the network (no commentator) is said to belong to or lead."""
        out: set[str] = set()
        for chunk in _chunks(sorted(set(entity_ids))):
            out |= {r[0] for r in self.db.execute(
                "SELECT DISTINCT mt.entity_id FROM local_relations r JOIN entity_members ms ON ms.local_id = r.source"  # noqa: S608
                " JOIN entity_members mt ON mt.local_id = r.target JOIN entities es ON es.id = ms.entity_id"
                f" WHERE r.type IN ('leader_of', 'member_of') AND es.role != 'commentator'"
                f" AND mt.entity_id IN ({','.join('?' * len(chunk))})", chunk)}
        return out

    def relations_touching(self, entity_ids: list[str]) -> dict[str, tuple[str, str]]:
        """id -> (source, target) of the stored ties of `entity_ids`."""
        out = {}
        for chunk in _chunks(sorted(set(entity_ids))):
            marks = ",".join("?" * len(chunk))
            out.update({r[0]: (r[1], r[2]) for r in self.db.execute(
                f"SELECT id, source, target FROM relations WHERE source IN ({marks})"  # noqa: S608
                f" UNION SELECT id, source, target FROM relations WHERE target IN ({marks})", chunk + chunk)})
        return out

    def write_relations(self, relations: list[Relation], among: list[str]) -> dict[str, int]:
        """Bring the stored ties with ids `among` to `relations` (whose ids are among them)."""
        counts = {"added": 0, "changed": 0, "removed": 0}
        with self.transaction() as db:
            self._sync(db, "relations", {r.id: (_relation_fingerprint(r), r) for r in relations},
                       lambda r: self._insert_relation(db, r), counts, delete_children=("evidence",), among=among)
        return counts

    def recount_ties(self, entity_ids: Iterable[str]) -> None:
        with self.transaction() as db:
            db.executemany("UPDATE entities SET ties = (SELECT count(*) FROM relations WHERE source = ?)"
                           " + (SELECT count(*) FROM relations WHERE target = ?) WHERE id = ?",
                           [(i, i, i) for i in sorted(set(entity_ids))])

    def write_events(self, events: list[Event]) -> dict[str, int]:
        counts = {"added": 0, "changed": 0, "removed": 0}
        with self.transaction() as db:
            self._sync(db, "events", {e.id: (_event_fingerprint(e), e) for e in events},
                       lambda e: self._insert_event(db, e), counts, delete_children=("event_participants",))
        return counts

    def remove_entities(self, entity_ids: list[str]) -> int:
        """Drop entities nothing resolves to any more (and their names, ties and log)."""
        counts = {"added": 0, "changed": 0, "removed": 0}
        with self.transaction() as db:
            self._sync(db, "entities", {}, None, counts, delete_children=("aliases", "entity_names"), among=entity_ids)
            for chunk in _chunks(sorted(entity_ids)):
                marks = ",".join("?" * len(chunk))
                db.execute(f"DELETE FROM merge_suggestions WHERE entity_a IN ({marks}) OR entity_b IN ({marks})",  # noqa: S608
                           chunk + chunk)
                db.execute(f"DELETE FROM entity_members WHERE entity_id IN ({marks})", chunk)  # noqa: S608
        return counts["removed"]

    def note_network_change(self) -> None:
        """The network changed: saved charts learn they were made on an earlier version."""
        with self.transaction() as db:
            version = int((db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone() or ["0"])[0])
            db.execute("INSERT INTO meta VALUES ('data_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                       (str(version + 1),))

    # Analyst decisions -----------------------------------------------------------------
    def add_decision(self, decision: AnalystDecision) -> int:
        with self.transaction() as db:
            cursor = db.execute(
                "INSERT INTO analyst_decisions (action, name_a, name_b, entity_a, entity_b, anchor_a, anchor_b, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (decision.action, decision.name_a, decision.name_b, decision.entity_a, decision.entity_b,
                 decision.anchor_a, decision.anchor_b, decision.reason))
            return int(cursor.lastrowid or 0)

    def analyst_decisions(self, *, include_undone: bool = False) -> list[AnalystDecision]:
        where = "" if include_undone else " WHERE undone = 0"
        rows = self.db.execute(f"SELECT * FROM analyst_decisions{where} ORDER BY id")  # noqa: S608
        return [AnalystDecision(r["action"], r["name_a"], r["name_b"], r["entity_a"], r["entity_b"], r["anchor_a"],
                                r["anchor_b"], r["reason"], r["id"], r["created_at"] + (" (undone)" if r["undone"] else ""))
                for r in rows]

    def undo_decision(self, decision_id: int) -> bool:
        with self.transaction() as db:
            return db.execute("UPDATE analyst_decisions SET undone = 1 WHERE id = ? AND undone = 0",
                              (decision_id,)).rowcount == 1

    # The resolved network: writing -----------------------------------------------------
    def write_network(self, resolution: Resolution) -> dict[str, int]:
        counts = {"added": 0, "changed": 0, "removed": 0}
        degree: dict[str, int] = defaultdict(int)
        for r in resolution.relations:
            degree[r.source] += 1
            degree[r.target] += 1
        with self.transaction() as db:
            old_members = {r["local_id"]: r["entity_id"] for r in db.execute("SELECT * FROM entity_members")}
            entities = {e.id: e for e in resolution.entities}
            self._sync(db, "entities", {e.id: (_entity_fingerprint(e, degree[e.id]), e) for e in entities.values()},
                       lambda e: self._insert_entity(db, e, degree[e.id]), counts, delete_children=("aliases", "entity_names"))
            relations = {r.id: r for r in resolution.relations}
            self._sync(db, "relations", {r.id: (_relation_fingerprint(r), r) for r in relations.values()},
                       lambda r: self._insert_relation(db, r), counts, delete_children=("evidence",))
            self._sync(db, "events", {e.id: (_event_fingerprint(e), e) for e in resolution.events},
                       lambda e: self._insert_event(db, e), counts, delete_children=("event_participants",))
            db.execute("DELETE FROM merge_decisions")
            db.executemany("INSERT INTO merge_decisions VALUES (?, ?, ?, ?, ?, ?, ?)",
                           [(m.entity_id, m.name_a, m.name_b, m.reason, m.score, m.source, m.document_id)
                            for m in resolution.decisions])
            self._update_members(db, old_members, resolution.members, set(entities))
            db.execute("DELETE FROM resolved_documents")  # a network written whole: the next resolution is whole too
            db.execute("DELETE FROM merge_suggestions")
            db.executemany("INSERT OR IGNORE INTO merge_suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                           [(suggestion_id(m), m.entity_a, m.entity_b, m.name_a, m.name_b, m.reason, m.score,
                             json.dumps(list(m.document_ids))) for m in resolution.suggestions])
            version = int((db.execute("SELECT value FROM meta WHERE key = 'data_version'").fetchone() or ["0"])[0])
            if any(counts.values()):
                db.execute("INSERT INTO meta VALUES ('data_version', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           (str(version + 1),))
        return counts

    def _sync(self, db: sqlite3.Connection, table: str, wanted: dict[str, tuple[str, Any]], insert: Any,
              counts: dict[str, int], delete_children: tuple[str, ...], among: list[str] | None = None) -> None:
        """Delete rows no longer wanted, rewrite rows whose fingerprint changed, insert new ones.
        A changed row is updated in place and its children rewritten; rows that did not change stay.
        With `among`, only rows with those ids are compared (the rest of the table is left alone)."""
        if among is None:
            have = {r["id"]: r["fingerprint"] for r in db.execute(f"SELECT id, fingerprint FROM {table}")}  # noqa: S608
        else:
            have = {}
            for chunk in _chunks(sorted(set(among) | set(wanted))):
                have.update({r["id"]: r["fingerprint"] for r in db.execute(
                    f"SELECT id, fingerprint FROM {table} WHERE id IN ({','.join('?' * len(chunk))})", chunk)})  # noqa: S608
        child_key = {"aliases": "entity_id", "entity_names": "entity_id", "evidence": "relation_id",
                     "event_participants": "event_id"}
        gone = [k for k in have if k not in wanted]
        changed = [k for k, (fp, _) in wanted.items() if k in have and have[k] != fp]
        for k in gone + changed:
            for child in delete_children:
                db.execute(f"DELETE FROM {child} WHERE {child_key[child]} = ?", (k,))  # noqa: S608
            if table == "entities":
                db.execute("DELETE FROM names_fts WHERE entity_id = ?", (k,))
        for k in gone:
            db.execute(f"DELETE FROM {table} WHERE id = ?", (k,))  # noqa: S608
        for k in changed:  # upserted, never deleted: ties to a changed entity stay in place
            insert(wanted[k][1])
        for k, (_, record) in sorted(wanted.items()):
            if k not in have:
                insert(record)
        counts["added"] += sum(1 for k in wanted if k not in have)
        counts["changed"] += len(changed)
        counts["removed"] += len(gone)

    def _insert_entity(self, db: sqlite3.Connection, e: Entity, ties: int) -> None:
        db.execute("INSERT INTO entities (id, type, name, role, documents, mention_count, ties, fingerprint)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?)" + _upsert("type, name, role, documents, mention_count, ties, fingerprint"),
                   (e.id, e.type, e.name, e.role, json.dumps(e.documents), e.mention_count, ties, _entity_fingerprint(e, ties)))
        db.executemany("INSERT INTO aliases VALUES (?, ?, ?, ?)", [(e.id, a.name, a.kind, a.document_id) for a in e.aliases])
        names = e.alias_names()
        db.executemany("INSERT INTO entity_names VALUES (?, ?, ?)", [(e.id, n, lookup_key(n)) for n in names])
        db.executemany("INSERT INTO names_fts (name, entity_id) VALUES (?, ?)", [(n, e.id) for n in names])

    def _insert_relation(self, db: sqlite3.Connection, r: Relation) -> None:
        db.execute("INSERT INTO relations (id, source, target, type, subtype, hedged, confidence, date, date_source, fingerprint)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + _upsert("subtype, hedged, confidence, date, date_source, fingerprint"),
                   (r.id, r.source, r.target, r.type, r.subtype, int(r.hedged), r.confidence, r.date, _source_json(r.date_source),
                    _relation_fingerprint(r)))
        db.executemany("INSERT INTO evidence VALUES (?, ?, ?, ?, ?, ?)",
                       [(r.id, e.document_id, e.text, e.start, e.end, int(e.hedged)) for e in r.evidence])

    def _insert_event(self, db: sqlite3.Connection, e: Event) -> None:
        db.execute("INSERT INTO events (id, type, label, place, date, hedged, participants, evidence, date_source, fingerprint)"
                   " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + _upsert(
                       "type, label, place, date, hedged, participants, evidence, date_source, fingerprint"),
                   (e.id, e.type, e.label, e.place, e.date, int(e.hedged), json.dumps(e.participants),
                    json.dumps([_evidence_row(x) for x in e.evidence]), _source_json(e.date_source), _event_fingerprint(e)))
        db.executemany("INSERT INTO event_participants VALUES (?, ?)", [(e.id, p) for p in sorted(set(e.participants))])

    def _update_members(self, db: sqlite3.Connection, old: dict[str, str], new: dict[str, str], ids: set[str]) -> None:
        """Keep local id -> entity id, and leave a redirect for every id that vanished: it now
        points where most of its document-level entities went (a merge's survivor)."""
        went: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for local, entity_id in old.items():
            if entity_id not in ids and local in new:
                went[entity_id][new[local]] += 1
        for old_id, targets in went.items():
            target = max(sorted(targets), key=lambda t: targets[t])
            db.execute("INSERT INTO entity_redirects VALUES (?, ?) ON CONFLICT(old_id) DO UPDATE SET new_id = excluded.new_id",
                       (old_id, target))
            db.execute("UPDATE entity_redirects SET new_id = ? WHERE new_id = ?", (target, old_id))
        for chunk in _chunks(sorted(ids)):  # an id that exists again (a split undone) is no redirect
            db.execute(f"DELETE FROM entity_redirects WHERE old_id IN ({','.join('?' * len(chunk))})", chunk)  # noqa: S608
        changed = [(local, eid) for local, eid in new.items() if old.get(local) != eid]
        db.executemany("INSERT INTO entity_members VALUES (?, ?) ON CONFLICT(local_id) DO UPDATE SET entity_id = excluded.entity_id",
                       changed)
        gone = [(local,) for local in old if local not in new]
        db.executemany("DELETE FROM entity_members WHERE local_id = ?", gone)

    # The resolved network: reading -----------------------------------------------------
    def _redirect(self, entity_id: str) -> str:
        row = self.db.execute("SELECT new_id FROM entity_redirects WHERE old_id = ?", (entity_id,)).fetchone()
        return row["new_id"] if row else entity_id

    def entity(self, entity_id: str) -> Entity | None:
        found = self._entities([self._redirect(entity_id)])
        return found[0] if found else None

    def anchor_of(self, entity_id: str) -> str | None:
        """The earliest document-level entity of an entity: the one its id is derived from."""
        row = self.db.execute("SELECT m.local_id FROM entity_members m JOIN local_entities l ON l.local_id = m.local_id"
                              " WHERE m.entity_id = ? ORDER BY l.rowid LIMIT 1", (entity_id,)).fetchone()
        return row["local_id"] if row else None

    def entities(self, ids: Iterable[str]) -> list[Entity]:
        """Entities by id, in one query per 500 ids (ids that no longer exist are skipped)."""
        return self._entities(ids)

    def _entities(self, ids: Iterable[str]) -> list[Entity]:
        wanted = list(dict.fromkeys(ids))
        rows: dict[str, sqlite3.Row] = {}
        aliases: dict[str, list[Alias]] = defaultdict(list)
        for chunk in _chunks(wanted):
            marks = ",".join("?" * len(chunk))
            rows.update({r["id"]: r for r in self.db.execute(f"SELECT * FROM entities WHERE id IN ({marks})", chunk)})  # noqa: S608
            for r in self.db.execute(f"SELECT * FROM aliases WHERE entity_id IN ({marks}) ORDER BY rowid", chunk):  # noqa: S608
                aliases[r["entity_id"]].append(Alias(r["name"], r["kind"], r["document_id"]))
        return [_entity(rows[i], aliases[i]) for i in wanted if i in rows]

    def find_entities(self, name: str, limit: int = 20) -> list[Entity]:
        """By id (or an id a merge redirected), else by any name under the lookup key, else
        by full-text search over names."""
        by_id = self.entity(name.strip())
        if by_id is not None:
            return [by_id]
        key = lookup_key(name)
        if not key:
            return []
        ids = [r["entity_id"] for r in self.db.execute(
            "SELECT DISTINCT entity_id FROM entity_names WHERE key = ? ORDER BY entity_id LIMIT ?", (key, limit))]
        return self._entities(ids or self._search_names(name, limit))

    def _search_names(self, name: str, limit: int) -> list[str]:
        """Entity ids whose names match `name` by full-text search (the backend's own engine)."""
        try:
            return [r["entity_id"] for r in self.db.execute(
                "SELECT entity_id FROM names_fts WHERE names_fts MATCH ? GROUP BY entity_id ORDER BY min(rank) LIMIT ?",
                (fts_query(name), limit))]
        except sqlite3.OperationalError:
            return []

    def entities_page(self, *, type: str | None = None, role: str | None = None, query: str | None = None,  # noqa: A002
                      sort: str = "ties", offset: int = 0, limit: int = 50) -> Page[EntitySummary]:
        where, args = ["1 = 1"], []
        if type:
            where.append("type = ?")
            args.append(type)
        if role:
            where.append("role = ?")
            args.append(role)
        if query:
            where.append("id IN (SELECT entity_id FROM entity_names WHERE key LIKE ?)")
            args.append(f"%{lookup_key(query)}%")
        order = {"ties": "ties DESC, name, id", "name": "name, id", "documents": "json_array_length(documents) DESC, name, id"}
        if sort not in order:
            raise LinkchartError(f"unknown sort '{sort}' (use {', '.join(order)})")
        clause = " AND ".join(where)
        total = self.db.execute(f"SELECT count(*) FROM entities WHERE {clause}", args).fetchone()[0]  # noqa: S608
        rows = self.db.execute(f"SELECT * FROM entities WHERE {clause} ORDER BY {order[sort]} LIMIT ? OFFSET ?",  # noqa: S608
                               [*args, limit, offset]).fetchall()
        names: dict[str, list[str]] = defaultdict(list)
        ids = [r["id"] for r in rows]
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for r in self.db.execute(f"SELECT entity_id, name FROM entity_names WHERE entity_id IN ({marks})", chunk):  # noqa: S608
                names[r["entity_id"]].append(r["name"])
        items = [EntitySummary(r["id"], r["type"], r["name"], r["role"], sorted(n for n in names[r["id"]] if n != r["name"]),
                               r["ties"], len(json.loads(r["documents"]))) for r in rows]
        return Page(items, total, offset, limit)

    def entity_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM entities").fetchone()[0])

    def relation_count(self) -> int:
        return int(self.db.execute("SELECT count(*) FROM relations").fetchone()[0])

    def relations_of(self, entity_id: str) -> list[Relation]:
        entity_id = self._redirect(entity_id)
        rows = self.db.execute("SELECT * FROM relations WHERE source = ? UNION SELECT * FROM relations WHERE target = ?"
                               " ORDER BY id", (entity_id, entity_id)).fetchall()
        return self._relations(rows)

    def _relations(self, rows: list[sqlite3.Row]) -> list[Relation]:
        evidence: dict[str, list[Evidence]] = defaultdict(list)
        for chunk in _chunks([r["id"] for r in rows]):
            marks = ",".join("?" * len(chunk))
            for e in self.db.execute(f"SELECT * FROM evidence WHERE relation_id IN ({marks}) ORDER BY rowid", chunk):  # noqa: S608
                evidence[e["relation_id"]].append(Evidence(e["document_id"], e["text"], e["start"], e["end"], bool(e["hedged"])))
        return [Relation(r["source"], r["target"], r["type"], evidence[r["id"]], r["subtype"], bool(r["hedged"]),
                         r["confidence"], r["date"], r["id"], _source(r["date_source"])) for r in rows]

    def events_of(self, entity_id: str) -> list[Event]:
        rows = self.db.execute("SELECT e.* FROM events e JOIN event_participants p ON p.event_id = e.id"
                               " WHERE p.entity_id = ? ORDER BY e.id", (self._redirect(entity_id),))
        return [_event(r) for r in rows]

    def merge_decisions(self, entity_id: str) -> list[MergeDecision]:
        rows = self.db.execute("SELECT * FROM merge_decisions WHERE entity_id = ? ORDER BY rowid", (self._redirect(entity_id),))
        return [MergeDecision(r["entity_id"], r["name_a"], r["name_b"], r["reason"], r["score"], r["source"],
                              r["document_id"]) for r in rows]

    def network(self, *, as_of: str | None = None, with_sources: bool = False) -> Network:
        aliases: dict[str, list[Alias]] = defaultdict(list)
        for r in self.db.execute("SELECT * FROM aliases ORDER BY rowid"):
            aliases[r["entity_id"]].append(Alias(r["name"], r["kind"], r["document_id"]))
        entities = [_entity(r, aliases[r["id"]]) for r in self.db.execute("SELECT * FROM entities ORDER BY id")]
        relations = self._relations(self.db.execute("SELECT * FROM relations ORDER BY id").fetchall())
        events = [_event(r) for r in self.db.execute("SELECT * FROM events ORDER BY id")]
        sources = ", original, offset_map" if with_sources else ", '' AS original, '[]' AS offset_map"
        documents = [_document(r, with_text=False) for r in self.db.execute(
            f"SELECT id, path, title, date, content_hash, duplicate_of{sources} FROM documents ORDER BY rowid")]  # noqa: S608
        if as_of:
            relations = _as_of(relations, documents, as_of)
        return Network(entities, relations, documents, events)

    def suggestions(self) -> list[tuple[str, MergeSuggestion]]:
        rows = self.db.execute("SELECT * FROM merge_suggestions ORDER BY score DESC, entity_a, entity_b")
        return [(r["id"], MergeSuggestion(r["entity_a"], r["entity_b"], r["name_a"], r["name_b"], r["reason"], r["score"],
                                          tuple(json.loads(r["documents"])))) for r in rows]

    def ego_network(self, entity_id: str, hops: int = 1) -> Network:
        """The entity, everyone within `hops` ties of it, and the ties among them."""
        seen = {self._redirect(entity_id)}
        frontier = set(seen)
        for _ in range(hops):
            found: set[str] = set()
            for chunk in _chunks(sorted(frontier)):
                marks = ",".join("?" * len(chunk))
                for r in self.db.execute(f"SELECT source, target FROM relations WHERE source IN ({marks})"  # noqa: S608
                                         f" UNION SELECT source, target FROM relations WHERE target IN ({marks})", chunk + chunk):
                    found |= {r["source"], r["target"]}
            frontier = found - seen
            seen |= found
        rows = []
        for chunk in _chunks(sorted(seen)):
            marks = ",".join("?" * len(chunk))
            rows += self.db.execute(f"SELECT * FROM relations WHERE source IN ({marks})", chunk).fetchall()  # noqa: S608
        rows = [r for r in rows if r["target"] in seen]
        relations = self._relations(sorted(rows, key=lambda r: r["id"]))
        entities = self._entities(sorted(seen))
        doc_ids = sorted({d for e in entities for d in e.documents})
        docs = self.document_summaries(doc_ids)
        documents = [Document(d.id, d.path, d.title, "", "", d.date, d.duplicate_of) for d in docs.values()]
        return Network(entities, relations, documents, [])


def suggestion_id(s: MergeSuggestion) -> str:
    """A suggestion's id lasts as long as its two entities do (ids are stable)."""
    return "s-" + hashlib.sha1("|".join(sorted((s.entity_a, s.entity_b))).encode()).hexdigest()[:10]


def _insert_document(db: sqlite3.Connection, doc: Document, signature: tuple[int, ...], similarity: float | None,
                     extractor_version: str) -> None:
    db.execute(
        "INSERT INTO documents (id, path, title, date, content_hash, duplicate_of, similarity, text, signature,"
        " extractor_version, original, offset_map) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (doc.id, doc.path, doc.title, doc.date, doc.content_hash, doc.duplicate_of, similarity, doc.text,
         json.dumps(signature), extractor_version, doc.original, json.dumps(doc.offset_map)))


def _insert_extraction(db: sqlite3.Connection, document_id: str, extraction: DocumentExtraction) -> None:
    db.executemany(
        "INSERT INTO local_entities VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.local_id, e.document_id, e.type, e.name, json.dumps(sorted(e.names)),
          json.dumps(sorted(e.explicit_aliases)), e.role, e.mention_count) for e in extraction.entities])
    db.executemany(
        "INSERT INTO mentions (document_id, start, end, text, type, sentence, role, local_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [(m.document_id, m.start, m.end, m.text, m.type, m.sentence, m.role, m.local_id or None) for m in extraction.mentions])
    db.executemany(
        "INSERT INTO local_relations (document_id, source, target, type, subtype, date, text, start, end, hedged, date_source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(r.document_id, r.source, r.target, r.type, r.subtype, r.date, r.evidence.text,
          r.evidence.start, r.evidence.end, int(r.evidence.hedged), _source_json(r.date_source)) for r in extraction.relations])
    db.executemany(
        "INSERT INTO local_events (document_id, type, label, place, date, participants, text, start, end, hedged, date_source)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [(e.document_id, e.type, e.label, e.place, e.date, json.dumps(e.participants), e.evidence.text,
          e.evidence.start, e.evidence.end, int(e.evidence.hedged), _source_json(e.date_source)) for e in extraction.events])
    db.executemany(
        "INSERT INTO local_merges (document_id, name_a, name_b, reason, score) VALUES (?, ?, ?, ?, ?)",
        [(document_id, m.name_a, m.name_b, m.reason, m.score) for m in extraction.merges])


def _document(r: sqlite3.Row, *, with_text: bool = True, with_sources: bool = True) -> Document:
    return Document(r["id"], r["path"], r["title"], r["text"] if with_text else "", r["content_hash"], r["date"],
                    r["duplicate_of"], original=r["original"] if with_sources else "",
                    offset_map=[(a, b) for a, b in json.loads(r["offset_map"])] if with_sources else [])


def _source_json(source: DateSource | None) -> str | None:
    return None if source is None else json.dumps([source.basis, source.words, source.anchor, source.anchored_to])


def _source(value: str | None) -> DateSource | None:
    return None if not value else DateSource(*json.loads(value))


def _summary(r: sqlite3.Row) -> DocumentSummary:
    return DocumentSummary(r["id"], r["path"], r["title"], r["date"], r["duplicate_of"], r["words"])


def _entity(r: sqlite3.Row, aliases: list[Alias]) -> Entity:
    return Entity(r["id"], r["type"], r["name"], aliases, r["role"], json.loads(r["documents"]), r["mention_count"])


def _event(r: sqlite3.Row) -> Event:
    return Event(r["id"], r["type"], r["label"], json.loads(r["participants"]),
                 [Evidence(x["document"], x["text"], x["start"], x["end"], x["hedged"]) for x in json.loads(r["evidence"])],
                 r["place"], r["date"], bool(r["hedged"]), _source(r["date_source"]))


def _as_of(relations: list[Relation], documents: list[Document], as_of: str) -> list[Relation]:
    """Ties dated on or before `as_of` (compared at the coarser precision), and undated ties
    first reported by then; an undated tie from undated reports is kept (nothing says it is later)."""
    dates = {d.id: d.date for d in documents}

    def by(date: str) -> bool:
        n = min(len(date), len(as_of))
        return date[:n] <= as_of[:n]

    kept = []
    for r in relations:
        if r.date:
            if by(r.date):
                kept.append(r)
            continue
        reported = sorted(d for e in r.evidence if (d := dates.get(e.document_id)))
        if not reported or by(reported[0]):
            kept.append(r)
    return kept


def _evidence_row(e: Evidence) -> dict[str, object]:
    return {"document": e.document_id, "text": e.text, "start": e.start, "end": e.end, "hedged": e.hedged}


def _fingerprint(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _entity_fingerprint(e: Entity, ties: int) -> str:
    return _fingerprint([e.type, e.name, e.role, e.documents, e.mention_count, ties,
                         [(a.name, a.kind, a.document_id) for a in e.aliases]])


def _relation_fingerprint(r: Relation) -> str:
    return _fingerprint([r.source, r.target, r.type, r.subtype, r.hedged, r.confidence, r.date, _source_json(r.date_source),
                         [_evidence_row(e) for e in r.evidence]])


def _event_fingerprint(e: Event) -> str:
    return _fingerprint([e.type, e.label, e.place, e.date, _source_json(e.date_source), e.hedged, e.participants,
                         [_evidence_row(x) for x in e.evidence]])


def _runs[T](rows: Iterable[tuple[str, T, bool]]) -> Iterator[list[T]]:
    """From (head, local, active) rows, a head's rows together: the locals of each head held by
    two or more of which one is active."""
    last: str | None = None
    group: list[T] = []
    active = False
    for head, local, is_active in rows:
        if head != last:
            if active and len(group) > 1:
                yield group
            last, group, active = head, [], False
        group.append(local)
        active = active or is_active
    if active and len(group) > 1:
        yield group


def _key_indexes() -> str:
    """The statements of schema.sql that index the resolution keys."""
    schema = resources.files("linkchart.store").joinpath("schema.sql").read_text()
    return schema.split("-- RESOLUTION KEY INDEXES")[1].split("-- END RESOLUTION KEY INDEXES")[0].split("\n", 1)[1]


def _chunks(values: list[str], size: int = 500) -> Iterator[list[str]]:
    for k in range(0, len(values), size):
        yield values[k:k + size]
