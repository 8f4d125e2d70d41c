"""The tie model's threshold choice (scripts/train_ties.py): stable under one pair more or less."""

from __future__ import annotations

import importlib.util
from pathlib import Path

_SPEC = importlib.util.spec_from_file_location("train_ties", Path(__file__).resolve().parents[1] / "scripts" / "train_ties.py")
assert _SPEC is not None and _SPEC.loader is not None
train_ties = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(train_ties)

GRID = [x / 100 for x in range(2, 99, 2)]


def _scored(positives: list[float], negatives: list[float]) -> list[tuple[str, frozenset[str], float, int, bool]]:
    rows = [("t", frozenset((f"p{k}", "x")), s, 1, False) for k, s in enumerate(positives)]
    return rows + [("t", frozenset((f"n{k}", "x")), s, 0, False) for k, s in enumerate(negatives)]


def test_the_threshold_is_the_middle_of_a_plateau_not_its_edge() -> None:
    # No pair scores between 0.40 and 0.60: every threshold there keeps the same pairs, and the
    # highest of them sits where one pair more on retraining changes the figures.
    positives = [0.1 + 0.3 * k / 10 for k in range(10)] + [0.6 + 0.39 * k / 100 for k in range(100)]
    negatives = [0.1 + 0.3 * k / 40 for k in range(40)] + [0.62, 0.7, 0.8, 0.85, 0.9]
    chosen, why = train_ties.choose_threshold(_scored(positives, negatives), 110, GRID, 0.85)
    assert chosen is not None and 0.46 <= chosen <= 0.54, why
    shifted, _ = train_ties.choose_threshold(_scored([*positives, 0.59], negatives), 111, GRID, 0.85)
    assert shifted is not None and abs(shifted - chosen) <= 0.04


def test_no_threshold_when_no_smoothed_precision_holds_the_floor() -> None:
    chosen, why = train_ties.choose_threshold(_scored([0.5] * 10, [0.5] * 10), 10, GRID, 0.85)
    assert chosen is None and "0.85" in why


def test_smoothing_pools_the_counts_of_neighbouring_thresholds() -> None:
    # (kept, correct) at three thresholds: pooled over the window, not averaged ratio by ratio
    p, r, _ = train_ties.smoothed([(10, 10), (10, 5), (0, 0)], 20, width=1)[1]
    assert p == 15 / 20 and r == 15 / (20 * 3)
