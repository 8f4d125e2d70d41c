"""How a case grows: builds synthetic corpora of distinct invented names (tests/synthetic.py) at
1k, 4k and 16k documents, each in a fresh process, and prints whole-build seconds, resolution
seconds (a whole re-resolution of the built case), peak memory, the time of `show` on one entity,
and the exponents fitted between sizes (seconds ~ documents^k). Then what is incremental: a build
that adds 1% more documents and an analyst merge, with the seconds each took and how many
document-level entities they re-resolved (of all those in the case).

Targets (issue 12): resolution exponent <= 1.15, peak memory within 15% from 4k to 16k documents,
`show` on the 16k case under 0.1 s.

    .venv/bin/python bench/bench_scale.py [--sizes 1000 4000 16000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (a build's worker processes):
    what to compare on a machine shared with others."""
    return sum(u.ru_utime + u.ru_stime for u in (resource.getrusage(resource.RUSAGE_SELF),
                                                 resource.getrusage(resource.RUSAGE_CHILDREN)))


def child(documents: int, folder: Path, db: Path) -> None:
    """One size, in its own process so that peak memory is this build's alone."""
    from synthetic import write_corpus

    from linkchart.case import Case

    words = sum(len(p.read_text().split()) for p in write_corpus(folder, documents, sentences=6, recurring=True))
    start, cpu = time.perf_counter(), _cpu()
    with Case.open(db, writable=True) as case:
        report = case.build([folder])
        built, built_cpu = time.perf_counter() - start, _cpu() - cpu
        start, cpu = time.perf_counter(), time.process_time()
        case.resolve(whole=True)  # a whole re-resolution of the built case, timed alone
        resolved, resolved_cpu = time.perf_counter() - start, time.process_time() - cpu
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    with Case.open(db) as case:
        name = case.entities(limit=1).items[0].name
        start = time.perf_counter()
        case.view(name)
        shown = time.perf_counter() - start
    more = folder / "later"
    write_corpus(more, max(1, documents // 100), seed=11, sentences=6, recurring=True)
    with Case.open(db, writable=True) as case:
        total = sum(1 for _ in case.store.local_ids())
        start = time.perf_counter()
        added = case.build([more])
        add_s = time.perf_counter() - start
        first, second = (e.id for e in case.entities(limit=2).items)
        start = time.perf_counter()
        case.merge(first, second, reason="benchmark")
        merge_s = time.perf_counter() - start
    print(json.dumps({"documents": documents, "words": words, "build_s": built, "resolve_s": resolved, "show_s": shown,
                      "build_cpu": built_cpu, "resolve_cpu": resolved_cpu, "load": os.getloadavg()[0],
                      "entities": report.entities, "ties": report.relations, "peak_mb": peak, "locals": total,
                      "add_s": add_s, "add_resolved": added.resolved, "merge_s": merge_s,
                      "merge_resolved": case.last_resolution["resolved"]}))


def exponent(a: dict[str, float], b: dict[str, float], key: str) -> float:
    return math.log(b[key] / a[key]) / math.log(b["documents"] / a["documents"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 4000, 16000])
    parser.add_argument("--keep", type=Path, help="Keep corpora and cases in this folder.")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(int(args.child[0]), Path(args.child[1]), Path(args.child[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        rows = []
        print(f"{'documents':>9} {'words':>9} {'build s':>8} {'CPU s':>7} {'resolve s':>9} {'CPU s':>7} {'load':>5}"
              f" {'show s':>7} {'peak MB':>8} {'entities':>9}")
        for n in args.sizes:
            out = subprocess.run([sys.executable, __file__, "--child", str(n), str(base / f"corpus-{n}"), str(base / f"case-{n}.db")],
                                 check=True, capture_output=True, text=True).stdout
            row = json.loads(out.strip().splitlines()[-1])
            rows.append(row)
            print(f"{n:>9} {row['words']:>9} {row['build_s']:>8.1f} {row['build_cpu']:>7.1f} {row['resolve_s']:>9.2f}"
                  f" {row['resolve_cpu']:>7.2f} {row['load']:>5.2f} {row['show_s']:>7.3f}"
                  f" {row['peak_mb']:>8.0f} {row['entities']:>9}", flush=True)
        print(f"{'documents':>9} {'doc-level':>9} {'add 1% s':>9} {'re-resolved':>11} {'merge s':>8} {'re-resolved':>11}")
        for row in rows:
            print(f"{row['documents']:>9} {row['locals']:>9} {row['add_s']:>9.1f} {row['add_resolved']:>11}"
                  f" {row['merge_s']:>8.2f} {row['merge_resolved']:>11}")
        for a, b in zip(rows, rows[1:], strict=False):
            print(f"{a['documents']}→{b['documents']}: in CPU seconds build exponent {exponent(a, b, 'build_cpu'):.2f},"
                  f" resolution exponent {exponent(a, b, 'resolve_cpu'):.2f}; peak memory ratio {b['peak_mb'] / a['peak_mb']:.2f}")


if __name__ == "__main__":
    main()
