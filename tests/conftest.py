"""Shared fixtures: the spaCy model is loaded once, the seed corpus is built once."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from linkchart.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEED = SHARED / "corpus" / "seed"
EVAL = SHARED / "eval"


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
