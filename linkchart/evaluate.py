"""Score the stored network against a hand annotation with the shared scorer.

The scorer (``score_graph.py``, standard library only) defines the quality figures every
change to extraction is judged by. It is not part of the package: it lives with the gold
annotations, so it is loaded from a path. This module finds it and turns its report into rows.
"""

from __future__ import annotations

import importlib.util
import json
import os
from pathlib import Path
from types import ModuleType
from typing import Any

from linkchart.errors import LinkchartError
from linkchart.export.formats import to_json
from linkchart.model import Network

SCORER_ENV = "LINKCHART_SCORER"
_SCORER_NAMES = ("eval/score_graph.py", "shared/eval/score_graph.py")


def find_scorer(explicit: Path | None, *anchors: Path) -> Path:
    """The scorer given, else $LINKCHART_SCORER, else one found beside or above the gold file
    or the working directory (``.../eval/score_graph.py`` or ``.../shared/eval/score_graph.py``)."""
    if explicit is not None:
        candidates = [explicit]
    elif os.environ.get(SCORER_ENV):
        candidates = [Path(os.environ[SCORER_ENV])]
    else:
        candidates = [base / name for anchor in anchors for base in [anchor, *anchor.resolve().parents]
                      for name in _SCORER_NAMES]
    for path in candidates:
        if path.is_file():
            return path
    raise LinkchartError("cannot find score_graph.py: pass --scorer PATH or set " + SCORER_ENV)


def load_scorer(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("linkchart_score_graph", path)
    if spec is None or spec.loader is None:
        raise LinkchartError(f"{path}: not a Python module")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not hasattr(module, "score") or not hasattr(module, "load_corpus"):
        raise LinkchartError(f"{path}: has no score() and load_corpus(); is it the shared scorer?")
    return module


def evaluate(network: Network, gold_path: Path, corpus: Path, scorer: ModuleType) -> dict[str, Any]:
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise LinkchartError(f"{gold_path}: cannot read gold annotation ({err})") from err
    if not corpus.exists():
        raise LinkchartError(f"{corpus}: no such corpus folder")
    graph = json.loads(to_json(network))
    report: dict[str, Any] = scorer.score(gold, graph, scorer.load_corpus(corpus))
    return report


def parse_minimums(items: tuple[str, ...]) -> dict[str, float]:
    """'person_f1=0.9' -> {'person_f1': 0.9}."""
    out = {}
    for item in items:
        key, sep, value = item.partition("=")
        try:
            out[key.strip()] = float(value)
        except ValueError:
            sep = ""
        if not sep:
            raise LinkchartError(f"--min {item!r}: expected NAME=NUMBER, e.g. person_f1=0.9")
    return out


def shortfalls(summary: dict[str, Any], minimums: dict[str, float]) -> list[str]:
    """The figures below their minimum (forbidden_ties is a maximum: fewer is better)."""
    out = []
    for key, bound in minimums.items():
        if key not in summary:
            out.append(f"{key}: no such figure (have: {', '.join(summary)})")
            continue
        value = summary[key]
        if not isinstance(value, int | float):
            continue
        bad = value > bound if key == "forbidden_ties" else value < bound
        if bad:
            out.append(f"{key}={value} (needs {'<=' if key == 'forbidden_ties' else '>='} {bound})")
    return out
