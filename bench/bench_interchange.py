"""Benchmark the interchange formats on a synthetic network: every exporter, and reading our own
GraphML, GEXF and CSV back.

The network has N people in cells of 20 with E ties, each tie stated by two sentences of one of
N/10 documents, so the writers carry realistic evidence. Prints each format's wall time, the
size of what it wrote, and the process's peak resident memory after it; the import lines also
print the ratio of import to export time.

Run: .venv/bin/python bench/bench_interchange.py [--nodes N] [--edges M] [--seed S]
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linkchart.export import EXPORTERS, IMPORTERS, export_network  # noqa: E402
from linkchart.model import ASSOCIATE, FAMILY, PERSON, Document, Entity, Evidence, Network, Relation  # noqa: E402


def synthetic(nodes: int, edges: int, seed: int) -> Network:
    rng = random.Random(seed)
    docs = [Document(f"d{i:06d}", f"reports/r{i}.txt", f"Report {i}", "", f"{i:064x}") for i in range(max(1, nodes // 10))]
    people = [Entity(f"e-{i:012x}", PERSON, f"Person {i} Surname{i // 20}", documents=[docs[i % len(docs)].id])
              for i in range(nodes)]
    pairs: set[tuple[int, int]] = set()
    while len(pairs) < edges:
        a = rng.randrange(nodes)
        b = (a // 20) * 20 + rng.randrange(20) if rng.random() < 0.8 else rng.randrange(nodes)
        if a != b and b < nodes:
            pairs.add((min(a, b), max(a, b)))
    relations = []
    for a, b in sorted(pairs):
        s, t = people[a].id, people[b].id
        doc = docs[rng.randrange(len(docs))].id
        kind = FAMILY if a // 20 == b // 20 and rng.random() < 0.1 else ASSOCIATE
        evidence = [Evidence(doc, f"Person {a} met Person {b} in the spring; they shared a car & a flat.", 100 * k, 100 * k + 60)
                    for k in range(2)]
        relations.append(Relation(s, t, kind, evidence, confidence=0.6, id=f"{s}|{kind}|{t}"))
    return Network(people, relations, docs, [])


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--nodes", type=int, default=10_000)
    parser.add_argument("--edges", type=int, default=40_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    network = synthetic(args.nodes, args.edges, args.seed)
    print(f"network: {len(network.entities)} people, {len(network.relations)} ties, {len(network.documents)} documents")
    export_seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, exporter in EXPORTERS.items():
            started = time.perf_counter()
            paths = export_network(network, name, Path(folder) / name / f"net{exporter.suffix}")
            export_seconds[name] = time.perf_counter() - started
            size = sum(p.stat().st_size for p in paths) / 1e6
            print(f"export {name:8s} {export_seconds[name]:7.2f} s  {size:8.1f} MB  peak {peak_mb():7.0f} MB")
        for name, importer in IMPORTERS.items():
            path = Path(folder) / name / ("net-edges.csv" if name == "csv" else f"net.{name}")
            started = time.perf_counter()
            imported = importer.read(path)
            seconds = time.perf_counter() - started
            assert len(imported.network.relations) == len(network.relations)
            print(f"import {name:8s} {seconds:7.2f} s  ({seconds / export_seconds[name]:.1f}x its export)"
                  f"  peak {peak_mb():7.0f} MB")


if __name__ == "__main__":
    main()
