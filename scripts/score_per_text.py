"""Score an exported graph text by text: the per-text lines of an extraction note.

Each text's slice of the graph (its document, the entities seen in it, the ties with evidence in
it) is scored by `../shared/eval/score_graph.py` against that text's gold file.

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

EVAL = Path(__file__).resolve().parents[1].parent / "shared" / "eval"
SCORER, MERGE = EVAL / "score_graph.py", EVAL / "merge_gold.py"
SHOWN = ("person_f1", "org_recall", "alias_recall", "tie_pp_f1", "tie_po_f1", "forbidden_ties", "merges")


def text_slice(graph: dict, document_id: str) -> dict:
    entities = [e for e in graph["entities"] if document_id in e.get("documents", [])]
    ids = {e["id"] for e in entities}
    relations = []
    for r in graph["relations"]:
        evidence = [x for x in r["evidence"] if x["document"] == document_id]
        if evidence and r["source"] in ids and r["target"] in ids:
            relations.append({**r, "evidence": evidence})
    documents = [d for d in graph["documents"] if d["id"] == document_id]
    return {**graph, "documents": documents, "entities": entities, "relations": relations}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", type=Path, required=True)
    parser.add_argument("--gold", type=Path, required=True, help="folder of per-text gold files")
    parser.add_argument("--corpus", type=Path, required=True)
    args = parser.parse_args()
    graph = json.loads(args.graph.read_text(encoding="utf-8"))
    print("text".ljust(44) + " ".join(k.replace("tie_", "")[:9].rjust(9) for k in SHOWN))
    with tempfile.TemporaryDirectory() as tmp:
        for doc in sorted(graph["documents"], key=lambda d: Path(d["path"]).name):
            name = Path(doc["path"]).stem
            gold = args.gold / f"{name}.json"
            if not gold.exists() or doc.get("duplicate_of"):
                continue
            one = Path(tmp) / name
            one.mkdir()
            (one / gold.name).write_text(gold.read_text(encoding="utf-8"), encoding="utf-8")
            merged = Path(tmp) / f"{name}.gold.json"
            subprocess.run([sys.executable, str(MERGE), str(one), str(merged)], capture_output=True, check=True)
            sliced = Path(tmp) / f"{name}.json"
            sliced.write_text(json.dumps(text_slice(graph, doc["id"])), encoding="utf-8")
            done = subprocess.run([sys.executable, str(SCORER), "--gold", str(merged), "--graph", str(sliced),
                                   "--corpus", str(args.corpus / Path(doc["path"]).name), "--json"],
                                  capture_output=True, text=True, check=True)
            summary = json.loads(done.stdout)["summary"]
            cells = [summary.get(k) for k in SHOWN]
            print(name[:43].ljust(44) + " ".join(
                (f"{c:.2f}" if isinstance(c, float) else str(len(c) if isinstance(c, list) else c)).rjust(9)
                for c in cells))


if __name__ == "__main__":
    main()
