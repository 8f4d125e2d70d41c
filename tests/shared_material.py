"""Where the shared material is, and helpers every test module may import (`from shared_material
import SEED`). Test modules never import `conftest` by name: with several conftest files, which
one Python calls `conftest` depends on the order pytest collects them."""

from __future__ import annotations

import importlib.util
import json
import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("LINKCHART_SHARED") or REPO.parent / "shared")
SEED = SHARED / "corpus" / "seed"
REAL = SHARED / "corpus" / "real"
EVAL = SHARED / "eval"
NETWORKS = SHARED / "networks"
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


def load_scorer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("score_graph", EVAL / "score_graph.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["score_graph"] = module
    spec.loader.exec_module(module)
    return module


def score_corpus(db: Path, gold: Path, corpus: Path) -> dict:
    from linkchart.export.formats import to_json
    from linkchart.store import open_store

    graph = json.loads(to_json(open_store(db).network()))
    scorer = load_scorer()
    return scorer.score(json.loads(gold.read_text()), graph, scorer.load_corpus(corpus))
