"""Score an exported graph text by text: the per-text lines of an extraction note.

Each text's slice of the graph (its document, the entities seen in it, the ties with evidence in
it) is scored by the shared scorer (found as `linkchart evaluate` finds it) against that text's
gold file, merged into the scorer's format by the `merge_gold.py` beside the scorer.

    .venv/bin/python scripts/score_per_text.py --graph real.json --gold ../shared/eval/gold/real \
        --corpus ../shared/corpus/real
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from linkchart.evaluate import find_scorer, load_scorer

SHOWN = ("person_f1", "org_recall", "alias_recall", "tie_pp_f1", "tie_po_f1", "forbidden_ties", "merges")


def text_slice(graph: dict[str, Any], document_id: str) -> dict[str, Any]:
    entities = [e for e in graph["entities"] if document_id in e.get("documents", [])]
    ids = {e["id"] for e in entities}
    relations = []
    for r in graph["relations"]:
        evidence = [x for x in r["evidence"] if x["document"] == document_id]
        if evidence and r["source"] in ids and r["target"] in ids:
            relations.append({**r, "evidence": evidence})
    documents = [d for d in graph["documents"] if d["id"] == document_id]
    return {**graph, "documents": documents, "entities": entities, "relations": relations}


def merged_gold(merge_gold: Path, gold: Path, tmp: Path) -> dict[str, Any]:
    """One text's gold in the scorer's format (merge_gold.py merges a folder)."""
    folder = tmp / gold.stem
    folder.mkdir()
    (folder / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
    merged = tmp / f"{gold.stem}.gold.json"
    subprocess.run([sys.executable, str(merge_gold), str(folder), str(merged)], capture_output=True, check=True)
    return dict(json.loads(merged.read_text(encoding="utf-8")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True, help="folder of per-text gold files")
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--scorer", type=Path)
    args = parser.parse_args()
    scorer_path = find_scorer(args.scorer, args.gold)
    scorer = load_scorer(scorer_path)
    graph = json.loads(args.graph.read_text(encoding="utf-8"))
    print("text".ljust(44) + " ".join(k.replace("tie_", "")[:9].rjust(9) for k in SHOWN))
    with tempfile.TemporaryDirectory() as tmp:
        for doc in sorted(graph["documents"], key=lambda d: Path(d["path"]).name):
            gold = args.gold / f"{Path(doc['path']).stem}.json"
            if not gold.exists() or doc.get("duplicate_of"):
                continue
            report = scorer.score(merged_gold(scorer_path.parent / "merge_gold.py", gold, Path(tmp)),
                                  text_slice(graph, doc["id"]),
                                  scorer.load_corpus(args.corpus / Path(doc["path"]).name))
            cells = [report["summary"].get(k) for k in SHOWN]
            print(gold.stem[:43].ljust(44) + " ".join(
                (f"{c:.2f}" if isinstance(c, float) else str(len(c) if isinstance(c, list) else c)).rjust(9)
                for c in cells))


if __name__ == "__main__":
    main()
