"""Resolution alone, at sizes where extraction would take hours: cases of 1k to 64k synthetic
documents whose extraction is written straight into the store (the people each report names,
from tests/synthetic.py, and a tie between each two that a sentence names together), then one
whole re-resolution per size, each in a fresh process. Prints seconds, peak memory of the
resolving process, the exponent between sizes and the memory ratio; then what an incremental
build of 1% more documents and one analyst merge re-resolve. bench_scale.py measures whole builds.

    .venv/bin/python bench/bench_resolution_scale.py [--sizes 1000 4000 16000 64000]
"""

from __future__ import annotations

import argparse
import hashlib
import inspect
import json
import math
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def write_case(db: Path, documents: int, start: int = 0, seed: int = 7) -> None:
    """Store `documents` synthetic reports with the extraction a reader would make of them."""
    from synthetic import _NAME, report

    from linkchart.model import ASSOCIATE, Document, DocumentExtraction, Evidence, LocalEntity, LocalRelation
    from linkchart.store import open_store

    rng = random.Random(seed)
    recent: list[str] = []
    store = open_store(db)
    for i in range(start, start + documents):
        text = report(rng, 6, earlier=recent[-200:])
        names = list(dict.fromkeys(_NAME.findall(text)))
        recent += [n for n in names if n not in recent[-200:]][:4]
        digest = hashlib.sha1(text.encode() + str(i).encode()).hexdigest()
        doc = Document(digest[:16], f"/synthetic/report-{i:06d}.txt", "Inquiry notes", text, digest)
        locals_ = [LocalEntity(f"{doc.id}:{k}", doc.id, "person", n, {n}, set(), "actor", text.count(n))
                   for k, n in enumerate(names)]
        ids = {e.name: e.local_id for e in locals_}
        ties = []
        for line in text.splitlines():
            found = [n for n in names if n in line]
            if len(found) == 2:
                at = text.index(line)
                ties.append(LocalRelation(doc.id, ids[found[0]], ids[found[1]], ASSOCIATE,
                                          Evidence(doc.id, line, at, at + len(line))))
        store.save_extraction(doc, (), DocumentExtraction(doc.id, locals_, [], ties), "synthetic")
    store.close()


def child(documents: int, db: Path) -> None:
    import linkchart.build  # noqa: F401  (imported before the clock starts: resolution alone is timed)
    from linkchart.case import Case

    with Case.open(db, writable=True) as case:
        whole = "whole" in inspect.signature(case.resolve).parameters
        start, cpu = time.perf_counter(), time.process_time()
        counts = case.resolve(whole=True) if whole else case.resolve()
        resolved, cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row = {"documents": documents, "resolve_s": resolved, "resolve_cpu": cpu, "peak_mb": peak,
               "entities": counts["entities"], "load": os.getloadavg()[0]}
        with Case.open(db) as reader:  # `show` of the entity listed first (the most ties), as the CLI would
            name = reader.entities(limit=1).items[0].name
            start = time.perf_counter()
            reader.view(name)
            row["show_s"] = time.perf_counter() - start
        if whole:
            write_case(db, max(1, documents // 100), start=documents, seed=11)
            start = time.perf_counter()
            counts = case.resolve()
            row |= {"add_s": time.perf_counter() - start, "add_resolved": counts["resolved"]}
            first, second = (e.id for e in case.entities(limit=2).items)
            start = time.perf_counter()
            case.merge(first, second, reason="benchmark")
            row |= {"merge_s": time.perf_counter() - start, "merge_resolved": case.last_resolution["resolved"],
                    "locals": sum(1 for _ in case.store.local_ids())}
    print(json.dumps(row))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000, 64000])
    parser.add_argument("--keep", type=Path, help="Keep the written cases in this folder (and reuse them).")
    parser.add_argument("--child", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--write", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]))
        return
    if args.write:
        write_case(Path(args.write[1]), int(args.write[0]))
        return
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        base.mkdir(parents=True, exist_ok=True)
        print(f"{'documents':>9} {'resolve s':>9} {'CPU s':>7} {'load':>5} {'peak MB':>8} {'entities':>9} {'show s':>7}"
              f" {'add 1% s':>9} {'re-resolved':>11} {'merge s':>8} {'re-resolved':>11} {'of':>8}")
        for n in args.sizes:
            written, db = base / f"written-{n}.db", base / f"case-{n}.db"
            if not written.exists():  # the written case is kept (with --keep) and copied: the child changes it
                subprocess.run([sys.executable, __file__, "--write", str(n), str(written)], check=True)
            shutil.copyfile(written, db)
            out = subprocess.run([sys.executable, __file__, "--child", str(n), str(db)], check=True,
                                 capture_output=True, text=True).stdout
            db.unlink()
            row = json.loads(out.strip().splitlines()[-1])
            rows.append(row)
            print(f"{n:>9} {row['resolve_s']:>9.2f} {row['resolve_cpu']:>7.2f} {row['load']:>5.2f} {row['peak_mb']:>8.0f}"
                  f" {row['entities']:>9} {row.get('show_s', 0):>7.3f}"
                  f" {row.get('add_s', 0):>9.2f} {row.get('add_resolved', '-'):>11} {row.get('merge_s', 0):>8.2f}"
                  f" {row.get('merge_resolved', '-'):>11} {row.get('locals', '-'):>8}", flush=True)
    for a, b in zip(rows, rows[1:], strict=False):
        ratio = math.log(b["documents"] / a["documents"])
        print(f"{a['documents']}→{b['documents']}: resolution exponent {math.log(b['resolve_cpu'] / a['resolve_cpu']) / ratio:.2f}"
              f" in CPU seconds ({math.log(b['resolve_s'] / a['resolve_s']) / ratio:.2f} in wall seconds),"
              f" peak memory ratio {b['peak_mb'] / a['peak_mb']:.2f} (goals: <= 1.15, <= 1.15)")

if __name__ == "__main__":
    main()
