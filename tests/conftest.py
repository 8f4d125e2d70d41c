"""Shared fixtures: the spaCy model is loaded once, the seed corpus is built once.

Tests that read the shared material (real articles, gold annotations, the scorer: ../shared from
the repo root, never committed) are marked `needs_shared`, by hand or because they use a fixture
that builds a shared corpus. Without ../shared they are skipped with that reason, so a contributor
who clones the project sees why; under CI=true they fail instead, so CI can never pass by
skipping them. LINKCHART_SHARED points elsewhere (to check this behaviour without moving files).
"""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

from linkchart.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LINKCHART_SHARED") or REPO.parent / "shared")
SEED = SHARED / "corpus" / "seed"
REAL = SHARED / "corpus" / "real"
EVAL = SHARED / "eval"
NETWORKS = SHARED / "networks"
# Fixtures that build or read a shared corpus: a test that uses one needs ../shared.
SHARED_FIXTURES = frozenset({"seed_db", "real_db"})


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}


def require_shared(path: Path = SHARED) -> None:
    """Skip (or, under CI=true, fail) when the shared material is missing."""
    if path.exists():
        return
    why = f"needs the shared material at {path} (../shared from the repo root: real texts, gold, scorer)"
    if in_ci():
        pytest.fail(f"{why}; under CI=true a missing ../shared fails instead of skipping", pytrace=False)
    pytest.skip(why)


def pytest_configure(config) -> None:  # type: ignore[no-untyped-def]
    config.addinivalue_line("markers", "needs_shared: the test reads ../shared (skipped without it, failed under CI)")


def pytest_collection_modifyitems(items) -> None:  # type: ignore[no-untyped-def]
    for item in items:
        if SHARED_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.needs_shared)


def pytest_runtest_setup(item) -> None:  # type: ignore[no-untyped-def]
    if item.get_closest_marker("needs_shared") is not None:
        require_shared()


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_graph", EVAL / "score_graph.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_graph"] = module
    spec.loader.exec_module(module)
    return module


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


def score_corpus(db: Path, gold: Path, corpus: Path) -> dict:
    from linkchart.export.formats import to_json
    from linkchart.store import open_store

    graph = json.loads(to_json(open_store(db).network()))
    scorer = load_scorer()
    return scorer.score(json.loads(gold.read_text()), graph, scorer.load_corpus(corpus))


from pg_server import postgres  # noqa: E402, F401 - the session's PostgreSQL server (tests/pg_server.py)


@pytest.fixture(params=["sqlite", "postgresql"])
def case_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh empty case lives, for each backend: SQLite always; PostgreSQL when its server
    binaries are installed (.ci/run installs them); under CI=true a missing PostgreSQL fails."""
    if request.param == "sqlite":
        return str(tmp_path / "case.db")
    return str(request.getfixturevalue("postgres").new_database())
