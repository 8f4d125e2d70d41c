"""How cross-document resolution scales: the fictional corpora are built once, then their
per-document extractions are copied K times (as if K times as many reports named the same
people) and resolved again. Prints seconds and entities per K; the entity count must not grow.

    .venv/bin/python bench/bench_resolve.py [--copies 1 4 16 64]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from linkchart.build import build
from linkchart.resolve.cross_doc import resolve_corpus
from linkchart.settings import Settings
from linkchart.store import open_store

REPO = Path(__file__).resolve().parents[1]
CORPORA = [REPO / "examples" / name for name in ("demo", "inquiry", "wiki")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--copies", type=int, nargs="+", default=[1, 4, 16, 64])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = open_store(db)
        build(CORPORA, store, Settings(db=db))
        locals_, relations = list(store.local_entities()), list(store.local_relations())
        store.close()
    print(f"{'copies':>7} {'local entities':>15} {'seconds':>9} {'entities':>9}")
    for k in args.copies:
        copied = [replace(e, local_id=f"{i}:{e.local_id}", document_id=f"{i}:{e.document_id}")
                  for i in range(k) for e in locals_]
        ties = [replace(r, source=f"{i}:{r.source}", target=f"{i}:{r.target}", document_id=f"{i}:{r.document_id}")
                for i in range(k) for r in relations]
        start = time.perf_counter()
        result = resolve_corpus(copied, ties, [], variant_floor=Settings().variant_similarity)
        print(f"{k:>7} {len(copied):>15} {time.perf_counter() - start:>9.2f} {len(result.entities):>9}")


if __name__ == "__main__":
    main()
