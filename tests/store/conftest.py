"""Backends for the store tests: SQLite always; PostgreSQL when its server binaries are installed
(.ci/run installs them). Under CI=true a missing PostgreSQL fails instead of skipping."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import pg_server  # noqa: E402


@pytest.fixture(scope="session")
def postgres() -> Iterator[pg_server.Server]:
    if not pg_server.available():
        message = f"PostgreSQL 15 is not installed ({pg_server.PG_BIN}/initdb missing; apt-get install postgresql)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    server = pg_server.Server()
    yield server
    server.stop()


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh empty case lives, for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "case.db")
    return request.getfixturevalue("postgres").new_database()
