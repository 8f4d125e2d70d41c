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
import zlib
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
# The threshold is chosen on the held-out curve smoothed over this many grid steps either side
# (the counts of kept and correct pairs pooled over the window): one pair more or less at one
# threshold, which moves precision by half a point on a few hundred pairs, does not move it.
SMOOTHING = 3


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


def held_out(texts: list[dict], folds: int, repeat: int = 0) -> tuple[list[dict[str, dict[str, float]]], dict[str, int]]:
    """Weights per fold, and the fold of each text: repeat 0 splits the texts in name order (the
    split that is shipped), every other repeat in an order of its own (a fixed hash)."""
    order = sorted(texts, key=lambda t: (zlib.crc32(f"{repeat}:{t['name']}".encode()) if repeat else 0, t["name"]))
    fold_of = {t["name"]: i % folds for i, t in enumerate(order)}
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
    kept, tp = counts(scored, th_rule, th_none)
    p = tp / kept if kept else 0.0
    r = tp / gold_total if gold_total else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


Figures = tuple[float, float, float]


def smoothed(curve: list[tuple[int, int]], total: int, width: int = SMOOTHING) -> list[Figures]:
    """(kept, correct) per threshold -> precision, recall and F1 with the counts pooled over the
    thresholds `width` steps either side."""
    out = []
    for i in range(len(curve)):
        window = curve[max(0, i - width):i + width + 1]
        kept, tp = sum(k for k, _ in window), sum(c for _, c in window)
        p = tp / kept if kept else 0.0
        r = tp / (total * len(window)) if total else 0.0
        out.append((p, r, 2 * p * r / (p + r) if p + r else 0.0))
    return out


def counts(scored: list[tuple[str, frozenset[str], float, int, bool]], th_rule: float,
           th_none: float) -> tuple[int, int]:
    """Distinct pairs per text kept at these thresholds, and how many of them are annotated."""
    kept: dict[tuple[str, frozenset[str]], int] = {}
    for name, pair, score, label, ruled in scored:
        if score >= (th_rule if ruled else th_none):
            kept[(name, pair)] = label
    return len(kept), sum(kept.values())


def choose_threshold(scored: list[tuple[str, frozenset[str], float, int, bool]], total: int, grid: list[float],
                     floor: float) -> tuple[float | None, str]:
    """The threshold for the pairs the rules leave untied: on the smoothed held-out curve, the
    best F1 whose precision holds the floor, and of the thresholds within a hair of that F1 the
    middle one (the highest would sit on the edge of the plateau, where one pair more or less on
    retraining moves it). None when no threshold holds the floor."""
    smooth = smoothed([counts(scored, 0.0, tn) for tn in grid], total)
    allowed = [i for i, (p, _, _) in enumerate(smooth) if p >= floor]
    if not allowed:
        return None, f"no threshold keeps the smoothed held-out precision at {floor}"
    best = max(smooth[i][2] for i in allowed)
    near = [i for i in allowed if smooth[i][2] >= best - NEAR_BEST]
    pick = near[len(near) // 2]
    p, r, f = smooth[pick]
    return grid[pick], (f"smoothed over ±{SMOOTHING} steps: best F1 {best:.3f} with P >= {floor} at "
                        f"{', '.join(f'{grid[i]:.2f}' for i in near)}; the middle one, {grid[pick]:.2f} "
                        f"(smoothed P={p:.3f} R={r:.3f} F1={f:.3f})")


def shipped_figures(texts: list[dict], kind: str, path: Path) -> Figures | None:
    """The held-out figures of the model in `path` on these candidates: each text scored by the
    weights of the fold that left it out (TieModel.weights_for), at the model's own threshold."""
    if not path.exists():
        return None
    model = TieModel.from_json(json.loads(path.read_text(encoding="utf-8")))
    scored = [(t["name"], *s) for t in texts for s in pair_scores(t, kind, model.weights_for(t["text"])[kind])]
    th = model.thresholds.get(kind, 1.0)
    return figures(scored, sum(len(t["gold"][kind]) for t in texts), 0.0, th if th < 1.0 else 2.0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True, help="folder of per-text gold files")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--output", type=Path, default=MODEL)
    parser.add_argument("--repeats", type=int, default=5,
                        help="splits into folds whose held-out scores are pooled to choose the threshold")
    parser.add_argument("--force", action="store_true",
                        help="write the retrained model even when its held-out F1 is below the model it replaces")
    parser.add_argument("--dump", type=Path, help="write every labelled candidate here (JSON lines), to study errors")
    args = parser.parse_args()
    dump: list[dict] | None = [] if args.dump else None
    texts = collect(args.corpus, args.gold, dump)
    if args.dump and dump is not None:
        args.dump.write_text("".join(json.dumps(d) + "\n" for d in dump), encoding="utf-8")
    fold_weights, fold_of = held_out(texts, args.folds)
    extra_splits = [held_out(texts, args.folds, repeat) for repeat in range(1, args.repeats)]
    thresholds: dict[str, float] = {}
    held: dict[str, Figures] = {}
    grid = [x / 100 for x in range(2, 99, 2)]
    for kind in KINDS:
        scored = [(t["name"], *s) for t in texts for s in pair_scores(t, kind, fold_weights[fold_of[t["name"]]][kind])]
        total = sum(len(t["gold"][kind]) for t in texts)
        # The threshold is chosen on the held-out scores of several splits pooled (each text once
        # per split), so that it does not hang on which texts happened to share a fold.
        pooled_scored = [(f"0:{name}", pair, score, y, ruled) for name, pair, score, y, ruled in scored] + [
            (f"{r}:{t['name']}", pair, score, y, ruled) for r, (w, f) in enumerate(extra_splits, start=1)
            for t in texts for pair, score, y, ruled in pair_scores(t, kind, w[f[t["name"]]][kind])]
        ceiling = len({(n, pair) for n, pair, _, y, _ in scored if y})
        tr = 0.0  # the rules' own ties are kept (tie_model.TieModel.threshold)
        rp, rr, rf = figures(scored, total, tr, 2.0)
        print(f"{kind}: the rules alone: P={rp:.3f} R={rr:.3f} F1={rf:.3f}")
        chosen, why = choose_threshold(pooled_scored, total * (1 + len(extra_splits)), grid, PRECISION_FLOOR[kind])
        print(f"{kind}: threshold {why}")
        tn = chosen if chosen is not None else 1.0
        pp_, pr, pf = figures(pooled_scored, total * (1 + len(extra_splits)), tr, tn)
        print(f"{kind}: held out over {1 + len(extra_splits)} splits at {tn:.2f}: P={pp_:.3f} R={pr:.3f} F1={pf:.3f}")
        p, r, f = figures(scored, total, tr, tn)
        if chosen is None or pf <= rf + MODEL_MARGIN or pp_ < PRECISION_FLOOR[kind]:
            # nothing that holds out of sample: the rules decide
            print(f"{kind}: the model does not beat the rules held out (F1 {pf:.3f}, P {pp_:.3f}): the rules decide")
            (p, r, f), tn = (rp, rr, rf), 1.0
        thresholds[kind] = tn
        held[kind] = (p, r, f)
        print(f"{kind}: rules and model, cross-validated by document ({args.folds} folds, the shipped split): P={p:.3f} R={r:.3f} "
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
    for kind in KINDS:
        top = sorted(weights[kind].items(), key=lambda kv: -abs(kv[1]))[:12]
        print(f"{kind} strongest weights: " + ", ".join(f"{k} {v:+.2f}" for k, v in top))
    worse = []
    replaced = args.output if args.output.exists() else MODEL
    for kind in KINDS:
        before = shipped_figures(texts, kind, replaced)
        if before is None:
            continue
        p, r, f = held[kind]
        print(f"{kind}: held out, the model in {replaced.name}: P={before[0]:.3f} R={before[1]:.3f} F1={before[2]:.3f}; "
              f"retrained: P={p:.3f} R={r:.3f} F1={f:.3f}")
        if f < before[2] - 1e-9:
            worse.append(kind)
    if worse and not args.force:
        print(f"kept {replaced}: the retrained model's held-out F1 is lower ({', '.join(worse)}); --force writes it")
        return 0
    model = TieModel(weights, thresholds, tuple(fold_weights),
                     tuple((fold_of[t["name"]], sketch(t["text"])) for t in texts))
    args.output.write_text(json.dumps(model.to_json(), indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
