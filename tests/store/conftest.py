"""Backends for the store tests: SQLite always; PostgreSQL when its server binaries are installed
(.ci/run installs them). Under CI=true a missing PostgreSQL fails instead of skipping."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from pg_server import postgres  # noqa: E402, F401 - the session's server


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh empty case lives, for each backend."""
    if request.param == "sqlite":
        return str(tmp_path / "case.db")
    return request.getfixturevalue("postgres").new_database()
