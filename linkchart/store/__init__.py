"""Store: where documents, extraction results, decisions and the resolved network live.

`open_store` is the one entry point; the embedded SQLite store needs no setup.
"""

from __future__ import annotations

from pathlib import Path

from linkchart.store.sqlite import SQLiteStore


def open_store(path: Path | str) -> SQLiteStore:
    return SQLiteStore(path)


__all__ = ["SQLiteStore", "open_store"]
