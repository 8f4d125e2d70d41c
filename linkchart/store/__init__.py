"""Store: where documents, extraction results, decisions and the resolved network live.

`open_store` is the one entry point; `Store` (store/base.py) is the interface every backend
implements. The embedded SQLite store needs no setup.
"""

from __future__ import annotations

from pathlib import Path

from linkchart.store.base import Store
from linkchart.store.sqlite import SQLiteStore


def open_store(location: Path | str, *, read_only: bool = False) -> Store:
    """The store at `location`: a PostgreSQL URL (postgresql://user@host/db, the team store)
    or a SQLite file path."""
    from linkchart.store.postgres import PostgresStore, is_postgres_url

    if is_postgres_url(location):
        return PostgresStore(str(location), read_only=read_only)
    return SQLiteStore(location, read_only=read_only)


__all__ = ["SQLiteStore", "Store", "open_store"]
