"""Shared fixtures: the spaCy model is loaded once, the seed corpus is built once.

Tests that read the shared material (real articles, gold annotations, the scorer: ../shared from
the repo root, never committed) are marked `needs_shared`, by hand or because they use a fixture
that builds a shared corpus. Without ../shared they are skipped with that reason, so a contributor
who clones the project sees why; under CI=true they fail instead, so CI can never pass by
skipping them. LINKCHART_SHARED points elsewhere (to check this behaviour without moving files).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from shared_material import SEED, require_shared

from linkchart.settings import Settings

# Fixtures that build or read a shared corpus: a test that uses one needs ../shared.
SHARED_FIXTURES = frozenset({"seed_db", "real_db"})


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line("markers", "needs_shared: the test reads ../shared (skipped without it, failed under CI)")


def pytest_collection_modifyitems(items) -> None:  # type: ignore[no-untyped-def]
    for item in items:
        if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.needs_shared)


def pytest_runtest_setup(item) -> None:  # type: ignore[no-untyped-def]
    if item.get_closest_marker("needs_shared") is not None:
        require_shared()


@pytest.fixture(scope="session")
def extractor():  # type: ignore[no-untyped-def]
    from linkchart.extract.pipeline import Extractor

    return Extractor(Settings())


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, extractor) -> Path:  # type: ignore[no-untyped-def]
    require_shared()
    from linkchart.build import build
    from linkchart.store import open_store

    db = tmp_path_factory.mktemp("seed") / "seed.db"
    store = open_store(db)
    build([SEED], store, Settings(db=db), extractor=extractor)
    store.close()
    return db


from pg_server import postgres  # noqa: E402, F401 - the session's PostgreSQL server (tests/pg_server.py)


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh empty case lives, for each backend: SQLite always; PostgreSQL when its server
    binaries are installed (.ci/run installs them); under CI=true a missing PostgreSQL fails."""
    if request.param == "sqlite":
        return str(tmp_path / "case.db")
    return str(request.getfixturevalue("postgres").new_database())
