"""The team store: one PostgreSQL database that several analysts and builds share (psycopg 3).

It speaks the same SQL as the SQLite store, whose queries it reuses through a thin connection
adapter (placeholders, the `end` column), with PostgreSQL's own schema (derived from schema.sql:
text compared byte-wise like SQLite, 64-bit floats, a `rowid` column keeping insertion order),
full-text search and ids. Every write transaction holds one advisory lock per case, so writers
take turns as they do on a SQLite file, and a reader never waits.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any

from linkchart.errors import LinkchartError
from linkchart.model import AnalystDecision, DocumentSummary
from linkchart.store.base import SCHEMA_VERSION
from linkchart.store.sqlite import _SUMMARY_COLUMNS, SQLiteStore, _summary

_WRITE_LOCK = 0x6C696E6B  # one advisory lock: writers of a case take turns

_EXTRA_SCHEMA = """
CREATE TABLE IF NOT EXISTS names_fts (name TEXT COLLATE "C" NOT NULL, entity_id TEXT COLLATE "C" NOT NULL, rowid BIGSERIAL);
CREATE INDEX IF NOT EXISTS names_fts_entity ON names_fts(entity_id);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_search ON documents USING GIN (to_tsvector('simple', title || ' ' || text));
CREATE OR REPLACE FUNCTION json_array_length(value TEXT) RETURNS INTEGER
    AS 'SELECT json_array_length(value::json)' LANGUAGE SQL IMMUTABLE;
"""


def postgres_schema(sqlite_schema: str) -> str:
    """schema.sql for PostgreSQL: same tables and columns, PostgreSQL's types."""
    sql = re.sub(r"--[^\n]*", "", sqlite_schema)
    sql = re.sub(r"^PRAGMA[^;]*;", "", sql, flags=re.M)
    sql = re.sub(r"CREATE VIRTUAL TABLE[^;]*;", "", sql)
    sql = re.sub(r"CREATE TRIGGER.*?\bEND;", "", sql, flags=re.S)
    sql = re.sub(r"\bINTEGER PRIMARY KEY\b", "BIGSERIAL PRIMARY KEY", sql)
    sql = re.sub(r"^(\s+)end\b", r'\1"end"', sql, flags=re.M)
    sql = re.sub(r"\bREAL\b", "DOUBLE PRECISION", sql)
    sql = re.sub(r"\bTEXT\b", 'TEXT COLLATE "C"', sql)
    sql = sql.replace("(datetime('now'))", "(to_char(now() at time zone 'utc', 'YYYY-MM-DD HH24:MI:SS'))")
    sql = re.sub(r"(CREATE TABLE IF NOT EXISTS \w+ \((?:[^;])*?)\s*\n\);", r"\1,\n    rowid BIGSERIAL\n);", sql)
    return sql + _EXTRA_SCHEMA


_PLACEHOLDER = re.compile(r"\?")
_END = re.compile(r"(?<![\"\w])end(?![\"\w])")


def _translate(sql: str, with_params: bool = True) -> str:
    """SQLite's SQL as psycopg takes it: %s placeholders (a literal % doubled when there are
    parameters) and the column named `end` quoted."""
    if with_params:
        sql = _PLACEHOLDER.sub("%s", sql.replace("%", "%%"))
    return _END.sub('"end"', sql)


class _Row:
    """A row readable by name and by position, as sqlite3.Row is."""

    __slots__ = ("_names", "_values")

    def __init__(self, names: dict[str, int], values: Sequence[Any]) -> None:
        self._names, self._values = names, values

    def __getitem__(self, key: int | str) -> Any:
        return self._values[key if isinstance(key, int) else self._names[key]]

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor: Any) -> Any:
    names = {c.name: i for i, c in enumerate(cursor.description or [])}
    return lambda values: _Row(names, values)


class _Connection:
    """What the SQLite store's queries call on a connection, over psycopg."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn

    def execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        params = tuple(params)
        return self.conn.execute(_translate(sql, bool(params)), params or None)

    def executemany(self, sql: str, rows: Any) -> Any:
        rows = list(rows)
        cursor = self.conn.cursor()
        if rows:
            cursor.executemany(_translate(sql), rows)
        return cursor

    def close(self) -> None:
        self.conn.close()


class PostgresStore(SQLiteStore):
    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError:
            raise LinkchartError("a PostgreSQL case needs psycopg (pip install 'psycopg[binary]')") from None
        self.url, self.read_only = url, read_only
        self.path = _without_password(url)  # type: ignore[assignment]  # named in messages
        try:
            conn = psycopg.connect(url, autocommit=True, row_factory=_row_factory, connect_timeout=20)
        except psycopg.Error as err:
            raise LinkchartError(f"{self.path}: cannot connect ({str(err).strip().splitlines()[0]})") from None
        self.db = _Connection(conn)  # type: ignore[assignment]
        self._psycopg = psycopg
        if read_only:
            self._check_version()
            conn.execute("SET default_transaction_read_only = on")
        else:
            with conn.transaction():
                conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
                self._check_version(allow_new=True)
                for statement in postgres_schema(resources.files("linkchart.store").joinpath("schema.sql").read_text()).split(";\n"):
                    if statement.strip():
                        conn.execute(statement)
                conn.execute("INSERT INTO meta VALUES ('schema_version', %s) ON CONFLICT(key) DO NOTHING", (str(SCHEMA_VERSION),))

    def _check_version(self, *, allow_new: bool = False) -> None:
        conn = self.db.conn  # type: ignore[attr-defined]
        if conn.execute("SELECT to_regclass('meta')").fetchone()[0] is None:
            tables = conn.execute("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
                                  ).fetchone()[0]
            if allow_new and not tables:
                return
            raise LinkchartError(f"{self.path}: not a linkchart case" + (" (empty; build it first)" if not tables else ""))
        row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise LinkchartError(f"{self.path}: made by another linkchart version (schema {row[0] if row else '?'}, this one"
                                 f" reads {SCHEMA_VERSION}); build the case again into a new database")

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[Any]:
        if self.read_only:
            raise LinkchartError(f"{self.path}: opened read-only")
        conn = self.db.conn  # type: ignore[attr-defined]
        with conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (_WRITE_LOCK,))
            yield self.db

    def add_decision(self, decision: AnalystDecision) -> int:
        with self.transaction() as db:
            row = db.execute(
                "INSERT INTO analyst_decisions (action, name_a, name_b, entity_a, entity_b, anchor_a, anchor_b, reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                (decision.action, decision.name_a, decision.name_b, decision.entity_a, decision.entity_b,
                 decision.anchor_a, decision.anchor_b, decision.reason)).fetchone()
            return int(row[0])

    def search_documents(self, query: str, limit: int = 20) -> list[tuple[DocumentSummary, str]]:
        rows = self.db.execute(
            f"SELECT {_SUMMARY_COLUMNS}, ts_headline('simple', d.text, q, 'StartSel=[, StopSel=], MaxWords=12,"  # noqa: S608
            " MinWords=4, ShortWord=1') AS snip FROM documents d, plainto_tsquery('simple', ?) q"
            " WHERE to_tsvector('simple', d.title || ' ' || d.text) @@ q"
            " ORDER BY ts_rank(to_tsvector('simple', d.title || ' ' || d.text), q) DESC, d.rowid LIMIT ?", (query, limit))
        return [(_summary(r), r["snip"]) for r in rows]

    def _search_names(self, name: str, limit: int) -> list[str]:
        return [r["entity_id"] for r in self.db.execute(
            "SELECT entity_id FROM names_fts WHERE to_tsvector('simple', name) @@ plainto_tsquery('simple', ?)"
            " GROUP BY entity_id ORDER BY entity_id LIMIT ?", (name, limit))]


def _without_password(url: str) -> str:
    return re.sub(r"(://[^:/@]+):[^@]*@", r"\1:***@", url)


def is_postgres_url(location: object) -> bool:
    return isinstance(location, str) and location.startswith(("postgresql://", "postgres://"))
