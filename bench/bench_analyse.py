"""Benchmark the analysis on a large synthetic network: 100,000 people, 500,000 ties.

The graph is a seeded clustered random graph — 2,000 cells of 50 people holding 80% of the
ties, the rest random ties between cells — which looks more like a covert network than a
Barabási–Albert graph and gives Leiden real structure to find. It is converted into a
`Network` (every tie an associate relation with one evidence sentence) and built with
`build_graph`, so the bench measures what a user of the library pays.

Run: .venv/bin/python bench/bench_analyse.py [--nodes N] [--edges M] [--seed S]
Prints each step's wall time and the process's peak resident memory after it.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linkchart.analyse import EXACT_MAX_NODES, KeyPlayerSearch, build_graph, communities, key_actors, kpp_neg  # noqa: E402
from linkchart.model import ASSOCIATE, PERSON, Entity, Evidence, Network, Relation  # noqa: E402


def clustered_edges(nodes: int, edges: int, cell: int, inside: float, seed: int) -> list[tuple[int, int]]:
    """`inside` of the edges fall within consecutive blocks of `cell` people, the rest anywhere."""
    rng = random.Random(seed)
    found: set[tuple[int, int]] = set()
    cells = nodes // cell
    while len(found) < int(edges * inside):
        base = rng.randrange(cells) * cell
        a, b = base + rng.randrange(cell), base + rng.randrange(cell)
        if a != b:
            found.add((min(a, b), max(a, b)))
    while len(found) < edges:
        a, b = rng.randrange(nodes), rng.randrange(nodes)
        if a != b:
            found.add((min(a, b), max(a, b)))
    return sorted(found)


def network_of(nodes: int, edges: list[tuple[int, int]]) -> Network:
    evidence = [Evidence("bench", "A and B were associates.", 0, 25)]
    return Network(
        entities=[Entity(id=f"p{i}", type=PERSON, name=f"Person {i}") for i in range(nodes)],
        relations=[Relation(f"p{a}", f"p{b}", ASSOCIATE, evidence, id=f"r{i}") for i, (a, b) in enumerate(edges)],
    )


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def timed[T](label: str, step: Callable[[], T]) -> T:
    start = time.perf_counter()
    result = step()
    print(f"{label:<34} {time.perf_counter() - start:8.1f} s   peak RSS {peak_mb():7.0f} MB", flush=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    edges = timed("generate clustered edges", lambda: clustered_edges(args.nodes, args.edges, 50, 0.8, args.seed))
    network = timed("wrap as a Network", lambda: network_of(args.nodes, edges))
    graph = timed("build_graph", lambda: build_graph(network))
    print(f"graph: {graph.vcount()} vertices, {graph.ecount()} edges")
    membership = timed("Leiden communities", lambda: communities(graph, seed=args.seed))
    print(f"  {len(set(membership))} communities")
    print(f"betweenness and closeness are exact up to {EXACT_MAX_NODES} people and sampled above")
    report = timed("key actors", lambda: key_actors(graph, membership=membership, seed=args.seed))
    print(f"  top: {', '.join(a.person.name for a in report.actors[:5])} (sampled from {report.pivots} pivots: {report.sampled})")
    players = timed("KPP-Neg k=5", lambda: kpp_neg(graph, 5, search=KeyPlayerSearch(seed=args.seed)))
    print(f"  {players.method}: {', '.join(p.name for p in players.people)}; DF {players.baseline:.5f} -> {players.score:.5f}")
    print(f"  {players.swaps} improving swaps in {players.passes} passes after the greedy start")


if __name__ == "__main__":
    main()
