"""The scored decision on candidate ties: logistic weights over the evidence of candidates.py.

The weights are learned from annotated real reporting (scripts/train_ties.py) and shipped as
linkchart/extract/tie_model.json. They are learned twice over: once on every annotated text, and
once per fold of a split BY DOCUMENT. A text the model was trained on is recognised by its
content hash and scored with the weights of the fold that left it out, so that no score for a
text ever comes from a model that saw it: the figures measured on the training corpus are
cross-validated figures, and a new text is scored with the weights learned from all of them.

The decision is a gate, not a licence: a negated statement, a speaker and what he speaks about,
and anyone the document introduces in an outsider's role (judge, counsel, official, victim) never
become ties, whatever the weights say, except for the family the rules state of them ('the
victim's wife, X'). A kept tie takes the type the rules gave it; otherwise the evidence
types it (a kin word: family; a leadership word: leader_of; otherwise associate or member_of).
The pairs of one roll of names ('A, B, C and D, Defendants') take the roll's mean score, so that
a list is tied as a whole or not at all, never some of its pairs on the strength of the parse.
"""

from __future__ import annotations

import json
import math
import re
import zlib
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from linkchart.extract.candidates import Candidate
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.relations import SYMMETRIC_KIN, Tie
from linkchart.model import ASSOCIATE, FAMILY, LEADER_OF, MEMBER_OF, RELATION_TYPES

MODEL_FILE = "tie_model.json"
KINDS = ("pp", "po")

SKETCH_SIZE = 32
SAME_TEXT_OVERLAP = 0.5

Weights = dict[str, float]


def sketch(text: str) -> tuple[int, ...]:
    """The smallest hashes of the text's 5-word shingles: two copies of one text share most of
    them, different texts almost none. Hashes only: no words of a training text are shipped."""
    words = re.findall(r"\w+", text.lower())
    shingles = {" ".join(words[k:k + 5]) for k in range(max(len(words) - 4, 1))}
    return tuple(sorted(zlib.crc32(s.encode("utf-8")) for s in shingles)[:SKETCH_SIZE])


@dataclass(frozen=True)
class TieModel:
    weights: dict[str, Weights]  # "pp" / "po" -> feature -> weight, learned from every text
    thresholds: dict[str, float]  # "pp" / "po": the probability a pair the rules leave untied needs
    folds: tuple[dict[str, Weights], ...] = ()  # the same, learned without one fold of texts
    trained_on: tuple[tuple[int, tuple[int, ...]], ...] = ()  # (fold, sketch) of every training text

    @classmethod
    def load(cls) -> TieModel:
        return _load()

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> TieModel:
        trained = tuple((int(fold), tuple(sketch)) for fold, sketch in data.get("trained_on", ()))
        return cls(data["weights"], data["thresholds"], tuple(data.get("folds", ())), trained)

    def to_json(self) -> dict[str, Any]:
        return {"weights": self.weights, "thresholds": self.thresholds, "folds": list(self.folds),
                "trained_on": [[fold, list(sketch)] for fold, sketch in self.trained_on]}

    def weights_for(self, text: str) -> dict[str, Weights]:
        """Weights that never saw this text: those of the fold that left it out, when it is (a
        copy of) a training text, else those learned from every training text."""
        if not self.trained_on:
            return self.weights
        mine = set(sketch(text))
        for fold, theirs in self.trained_on:
            if fold < len(self.folds) and len(mine & set(theirs)) >= SAME_TEXT_OVERLAP * min(len(mine), len(theirs)):
                return self.folds[fold]
        return self.weights

    def probability(self, candidate: Candidate, weights: dict[str, Weights]) -> float:
        return sigmoid(dot(weights.get(candidate.kind, {}), candidate.features))

    def threshold(self, c: Candidate) -> float:
        """A tie the rules state is kept; one they do not state needs the learned evidence."""
        if c.rule is not None:
            return 0.0
        threshold = self.thresholds.get(c.kind, 0.5)
        return math.inf if threshold >= 1.0 else threshold  # 1.0: the rules alone decide this kind

    def decide(self, candidates: Iterable[Candidate], lex: Lexicon, text: str,
               denied: frozenset[frozenset[str]] = frozenset()) -> list[Tie]:
        """`denied`: pairs the document says were not tied ('there is no evidence the two met')."""
        weights = self.weights_for(text)
        open_ = [c for c in candidates if not (c.blocked or (c.vetoed and c.rule is None) or outside(c)
                                               or frozenset((c.a.cluster, c.b.cluster)) in denied)]
        scores = pooled([self.probability(c, weights) for c in open_], [list_key(c) for c in open_])
        return [typed_tie(c, lex) for c, score in zip(open_, scores, strict=True) if score >= self.threshold(c)]


def list_key(c: Candidate) -> tuple[int, int, int] | None:
    """The roll a pair the rules leave untied belongs to (its sentence and coordination), if any."""
    if c.listing is None or c.rule is not None:
        return None
    return (c.paragraph, c.sentence.start, c.listing)


def pooled(scores: Sequence[float], groups: Sequence[Hashable | None]) -> list[float]:
    """Each pair of a roll takes the roll's mean score: the names of one coordination are tied to
    each other or not at all, never some pairs of it on the strength of the parse between them."""
    members: dict[Hashable, list[float]] = {}
    for score, group in zip(scores, groups, strict=True):
        if group is not None:
            members.setdefault(group, []).append(score)
    return [score if group is None else sum(members[group]) / len(members[group])
            for score, group in zip(scores, groups, strict=True)]


def outside(c: Candidate) -> bool:
    """Does an outsider (judge, counsel, official, victim) stand at one end of a tie the rules do
    not state as kinship between two names? Only a stated family tie reaches an outsider: a
    pronoun's guess is not enough to draw a judge's or a victim's relatives in."""
    if "outsider" not in c.features and "titled_here" not in c.features:
        return False
    return c.rule is None or c.rule.type != FAMILY or "pronoun_end" in c.features  # named, not 'his wife'


@cache
def _load() -> TieModel:
    source = resources.files("linkchart.extract").joinpath(MODEL_FILE)
    if not source.is_file():
        return rules_only()
    return TieModel.from_json(json.loads(source.read_text(encoding="utf-8")))


def rules_only() -> TieModel:
    """Keep exactly the ties the rules state: the model before any training."""
    weights = {"bias": -5.0, "rule:none": -5.0, **{f"rule:{t}": 10.0 for t in RELATION_TYPES}}
    return TieModel({kind: dict(weights) for kind in KINDS}, {kind: 0.5 for kind in KINDS})


def typed_tie(c: Candidate, lex: Lexicon) -> Tie:
    """The rules' tie when they found one; otherwise one typed by the words of the evidence."""
    if c.rule is not None:
        return c.rule
    inner = c.path[1:-1]
    if c.kind == "po":
        leads = any(t.lemma_.lower() in lex.leader_words for t in inner)
        return Tie(c.a.cluster, c.b.cluster, LEADER_OF if leads else MEMBER_OF, None, c.hedged, c.paragraph, c.sentence)
    kin = next((lex.kinship[t.lemma_.lower()] for t in inner
                if t.lemma_.lower() in lex.kinship and t.pos_ in {"NOUN", "PROPN"}), None)
    if kin is not None:
        return Tie(c.a.cluster, c.b.cluster, FAMILY, kin if kin in SYMMETRIC_KIN else None, c.hedged, c.paragraph,
                   c.sentence)
    return Tie(c.a.cluster, c.b.cluster, ASSOCIATE, None, c.hedged, c.paragraph, c.sentence)


def sigmoid(x: float) -> float:
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def dot(weights: Weights, features: dict[str, float]) -> float:
    return sum(weights.get(k, 0.0) * v for k, v in features.items())


def fit(rows: Sequence[tuple[dict[str, float], int]], *, l2: float = 0.5, epochs: int = 300, rate: float = 0.5) -> Weights:
    """L2-regularised logistic regression by full-batch gradient descent with AdaGrad steps.
    Pure Python: a few thousand sparse rows train in seconds."""
    weights: Weights = {}
    squares: dict[str, float] = {}
    n = max(len(rows), 1)
    for _ in range(epochs):
        grad: dict[str, float] = {k: l2 * w / n for k, w in weights.items()}
        for features, label in rows:
            err = sigmoid(dot(weights, features)) - label
            for k, v in features.items():
                grad[k] = grad.get(k, 0.0) + err * v / n
        for k, g in grad.items():
            squares[k] = squares.get(k, 0.0) + g * g
            weights[k] = weights.get(k, 0.0) - rate * g / (math.sqrt(squares[k]) + 1e-8)
    return {k: round(w, 4) for k, w in weights.items() if abs(w) >= 1e-4}
