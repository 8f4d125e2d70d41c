"""Train the tie decision (linkchart/extract/tie_model.json) on annotated real reporting.

    .venv/bin/python scripts/train_ties.py --corpus ../shared/corpus/real --gold ../shared/eval/gold/real

Every text of the corpus is extracted; every candidate tie (a pair of participants in a
sentence, with its evidence) whose two ends map to annotated entities is labelled by whether the
annotation of that text states a tie between them. Logistic weights are learned per kind (person
to person, person to group) and cross-validated BY DOCUMENT: the texts are split into folds, each
fold is scored by weights learned without it, and the thresholds are chosen on those held-out
scores. The shipped file keeps the weights of every fold with a sketch of each training text, so
that a training text is always scored by weights that never saw it (tie_model.py).

Prints per-fold and pooled held-out figures at the level the scorer counts: distinct pairs per
text, recall over every annotated pair of the text (including those no candidate reaches).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import defaultdict
from pathlib import Path

from anyascii import anyascii

from linkchart.extract.candidates import Candidate
from linkchart.extract.pipeline import Extractor
from linkchart.extract.tie_model import KINDS, TieModel, dot, fit, list_key, outside, pooled, sigmoid, sketch
from linkchart.ingest import discover, load_document
from linkchart.settings import Settings

MODEL = Path(__file__).resolve().parents[1] / "linkchart" / "extract" / "tie_model.json"
TIE_TYPES = {"family", "associate", "co_resided", "communicated_with", "member_of", "leader_of", "recruited_by"}
# The best F1 that keeps held-out precision at least this; a model that cannot is not used (a wrong
# tie is guilt by association: precision before recall). The rules alone: pp 0.92, po 0.97.
PRECISION_FLOOR = {"pp": 0.85, "po": 0.9}
# A model must beat the rules by more than the folds' noise (a couple of ties either way) to be used.
MODEL_MARGIN = 0.02
NEAR_BEST = 0.005  # F1 differences below this are noise on a few hundred pairs


def norm(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", anyascii(text).lower()).split())


def gold_index(gold: dict) -> tuple[dict[str, set[str]], dict[str, str], set[frozenset[str]]]:
    """name -> gold ids, gold id -> kind, and the tied pairs this text states."""
    by_name: dict[str, set[str]] = defaultdict(set)
    kinds = {}
    for e in gold["entities"]:
        kind = {"person": "person", "organization": "organization"}.get(e["type"].lower())
        if kind is None:
            continue
        kinds[e["id"]] = kind
        for name in [e["name"], *e.get("aliases", []), *e.get("mentions_in_text", [])]:
            if norm(name):
                by_name[norm(name)].add(e["id"])
    pairs = {frozenset((r["source"], r["target"])) for r in gold.get("relations", [])
             if r.get("type") in TIE_TYPES and r["source"] in kinds and r["target"] in kinds}
    return by_name, kinds, pairs


def map_clusters(entities, by_name: dict[str, set[str]]) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Local entity -> gold id, by its most specific name that names exactly one gold entity."""
    out = {}
    for e in entities:
        names = sorted({norm(n) for n in e.names | {e.name}}, key=len, reverse=True)
        for name in names:
            ids = by_name.get(name, set())
            if len(ids) == 1:
                out[e.local_id] = next(iter(ids))
                break
            if len(ids) > 1:
                break  # a name shared by two annotated people: no label
    return out


def collect(corpus: Path, gold_dir: Path, dump: list[dict] | None = None) -> list[dict]:
    extractor = Extractor(Settings())
    golds = {json.loads(p.read_text())["doc"]: json.loads(p.read_text()) for p in gold_dir.glob("*.json")}
    texts = []
    for path in discover([corpus]):
        gold = golds.get(path.name)
        if gold is None:
            continue
        document = load_document(path, Settings())
        candidates: list[Candidate] = []
        extraction = extractor.extract(document, candidates_out=candidates)
        by_name, kinds, pairs = gold_index(gold)
        mapping = map_clusters(extraction.entities, by_name)
        gold_pairs = {"pp": {p for p in pairs if all(kinds[x] == "person" for x in p)},
                      "po": {p for p in pairs if sorted(kinds[x] for x in p) == ["organization", "person"]}}
        rows = []
        for c in candidates:
            a, b = mapping.get(c.a.cluster), mapping.get(c.b.cluster)
            if c.blocked or (c.vetoed and c.rule is None) or outside(c):
                continue  # never kept, whatever the weights (tie_model.decide)
            if a is None or b is None or a == b:
                continue
            rows.append((c.kind, frozenset((a, b)), c.features, int(frozenset((a, b)) in gold_pairs[c.kind]),
                         c.rule is not None, list_key(c)))
            if dump is not None:
                dump.append({"text": path.name, "kind": c.kind, "pair": sorted((a, b)), "label": rows[-1][3],
                             "features": c.features, "sentence": c.sentence.text})
        texts.append({"name": path.name, "text": document.text, "rows": rows, "gold": gold_pairs})
        print(f"{path.name}: {len(candidates)} candidates, {len(rows)} labelled, "
              f"{sum(r[3] for r in rows)} positive", file=sys.stderr)
    return texts


def train(texts: list[dict], kind: str, names: set[str] | None = None) -> dict[str, float]:
    rows = [(f, y) for t in texts if names is None or t["name"] in names
            for k, _, f, y, ruled, _ in t["rows"] if k == kind and not ruled]
    return fit(rows)


def held_out(texts: list[dict], folds: int) -> tuple[list[dict[str, dict[str, float]]], dict[str, int]]:
    fold_of = {t["name"]: i % folds for i, t in enumerate(sorted(texts, key=lambda t: t["name"]))}
    weights = []
    for k in range(folds):
        train_names = {n for n, f in fold_of.items() if f != k}
        weights.append({kind: train(texts, kind, train_names) for kind in KINDS})
    return weights, fold_of


def pair_scores(text: dict, kind: str, weights: dict[str, float]) -> list[tuple[frozenset[str], float, int, bool]]:
    """Every candidate of a kind in a text: (pair, score, label, stated by the rules)."""
    rows = [r for r in text["rows"] if r[0] == kind]
    scores = pooled([sigmoid(dot(weights, r[2])) for r in rows], [r[5] for r in rows])
    return [(pair, score, label, ruled) for (_, pair, _, label, ruled, _), score in zip(rows, scores, strict=True)]


def figures(scored: list[tuple[str, frozenset[str], float, int, bool]], gold_total: int,
            th_rule: float, th_none: float) -> tuple[float, float, float]:
    """Precision and recall over distinct pairs per text, as the scorer counts them."""
    kept: dict[tuple[str, frozenset[str]], int] = {}
    for name, pair, score, label, ruled in scored:
        if score >= (th_rule if ruled else th_none):
            kept[(name, pair)] = label
    tp = sum(kept.values())
    p = tp / len(kept) if kept else 0.0
    r = tp / gold_total if gold_total else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True, help="folder of per-text gold files")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=MODEL)
    parser.add_argument("--dump", type=Path, help="write every labelled candidate here (JSON lines), to study errors")
    args = parser.parse_args()
    dump: list[dict] | None = [] if args.dump else None
    texts = collect(args.corpus, args.gold, dump)
    if args.dump and dump is not None:
        args.dump.write_text("".join(json.dumps(d) + "\n" for d in dump), encoding="utf-8")
    fold_weights, fold_of = held_out(texts, args.folds)
    thresholds = {}
    grid = [x / 100 for x in range(2, 99, 2)]
    for kind in KINDS:
        scored = [(t["name"], *s) for t in texts for s in pair_scores(t, kind, fold_weights[fold_of[t["name"]]][kind])]
        total = sum(len(t["gold"][kind]) for t in texts)
        ceiling = len({(n, pair) for n, pair, _, y, _ in scored if y})
        tr = 0.0  # the rules' own ties are kept (tie_model.TieModel.threshold)
        rp, rr, rf = figures(scored, total, tr, 2.0)
        print(f"{kind}: the rules alone: P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
        curve = [(figures(scored, total, tr, tn), tn) for tn in grid]
        best = max(curve, key=lambda ft: (ft[0][0] >= PRECISION_FLOOR[kind], ft[0][2]))
        # The highest threshold within a hair of the best F1: as many ties for fewer guesses.
        best = max((ft for ft in curve if ft[0][0] >= min(best[0][0], PRECISION_FLOOR[kind])
                    and ft[0][2] >= best[0][2] - NEAR_BEST), key=lambda ft: ft[1])
        (p, r, f), tn = best
        if f <= rf + MODEL_MARGIN or p < PRECISION_FLOOR[kind]:  # nothing that holds out of sample: the rules decide
            (p, r, f), tn = (rp, rr, rf), 1.0
        thresholds[kind] = tn
        print(f"{kind}: rules and model, cross-validated by document ({args.folds} folds): P={p:.3f} R={r:.3f} "
              f"F1={f:.3f} at threshold {tn:.2f}; candidates reach {ceiling}/{total} annotated pairs")
        for k in range(args.folds):
            fold_texts = [t for t in texts if fold_of[t["name"]] == k]
            fs = [(t["name"], *s) for t in fold_texts for s in pair_scores(t, kind, fold_weights[k][kind])]
            fp, fr, ff = figures(fs, sum(len(t["gold"][kind]) for t in fold_texts), tr, tn)
            print(f"    fold {k}: {len(fold_texts)} texts P={fp:.3f} R={fr:.3f} F1={ff:.3f}")
    print("per text, held out (pairs kept / correct / annotated), person-person and person-group:")
    for t in sorted(texts, key=lambda t: t["name"]):
        cells = []
        for kind in KINDS:
            kept = {pair: y for pair, score, y, ruled in pair_scores(t, kind, fold_weights[fold_of[t["name"]]][kind])
                    if ruled or score >= thresholds[kind]}
            cells.append(f"{kind} {len(kept):3d}/{sum(kept.values()):3d}/{len(t['gold'][kind]):3d}")
        print(f"    {t['name']:45} " + "   ".join(cells))
    weights = {kind: train(texts, kind) for kind in KINDS}
    model = TieModel(weights, thresholds, tuple(fold_weights),
                     tuple((fold_of[t["name"]], sketch(t["text"])) for t in texts))
    args.output.write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    for kind in KINDS:
        top = sorted(weights[kind].items(), key=lambda kv: -abs(kv[1]))[:12]
        print(f"{kind} strongest weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
