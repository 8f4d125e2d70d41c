"""Benchmark the analysis on a large synthetic network: 100,000 people, 500,000 ties.

The graph is a seeded clustered random graph — 2,000 cells of 50 people holding 80% of the
ties, the rest random ties between cells — which looks more like a covert network than a
Barabási–Albert graph and gives Leiden real structure to find. It is converted into a
`Network` (every tie an associate relation with one evidence sentence) and built with
`build_graph`, so the bench measures what a user of the library pays.

Run: .venv/bin/python bench/bench_analyse.py [--nodes N] [--edges M] [--seed S]
Prints each step's wall time and the process's peak resident memory after it.

With --quality it instead measures the key player search: on the Krebs 9/11 network (62 people)
and a karate-club-sized network (34 people), the fragmentation its set leaves against the top-k
betweenness set; on seeded random graphs of 12 to 30 people, how often the swap search with
restarts (exhaustion turned off) finds the exhaustive optimum, and the time both take.
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

import itertools  # noqa: E402

import igraph as ig  # noqa: E402

from linkchart.analyse import EXACT_MAX_NODES, KeyPlayerSearch, build_graph, communities, key_actors, kpp_neg  # noqa: E402
from linkchart.analyse.centrality import betweenness_values  # noqa: E402
from linkchart.analyse.disruption import distance_fragmentation, fragmentation  # noqa: E402
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


def pairs_network(pairs: list[tuple[str, str]], isolated: list[str] = ()) -> Network:  # type: ignore[assignment]
    names = sorted({n for p in pairs for n in p} | set(isolated))
    evidence = [Evidence("bench", "A and B were associates.", 0, 25)]
    return Network(
        entities=[Entity(id=n, type=PERSON, name=n) for n in names],
        relations=[Relation(a, b, ASSOCIATE, evidence, id=f"r{i}") for i, (a, b) in enumerate(pairs)],
    )


def igraph_network(g: ig.Graph) -> Network:
    return pairs_network([(f"p{a:02d}", f"p{b:02d}") for a, b in g.get_edgelist()],
                         [f"p{v:02d}" for v in range(g.vcount()) if g.degree(v) == 0])


def removed_score(graph: ig.Graph, chosen: list[int], measure: str) -> float:
    residual = graph.copy()
    residual.delete_vertices(chosen)
    return fragmentation(residual) if measure == "fragmentation" else distance_fragmentation(residual)


def quality(seed: int) -> None:
    krebs = Path(__file__).resolve().parents[2] / "shared" / "networks" / "krebs2002-911-hijackers.csv"
    named = []
    if krebs.exists():
        rows = [tuple(line.split(",")[:2]) for line in krebs.read_text(encoding="utf-8").splitlines() if "," in line]
        named.append(("Krebs 9/11", build_graph(pairs_network([(a.strip(), b.strip()) for a, b in rows]))))
    named.append(("Zachary karate club", build_graph(igraph_network(ig.Graph.Famous("Zachary")))))
    print("KPP-Neg set vs top-k betweenness (fragmentation left after removal; higher breaks more)")
    for label, graph in named:
        betweenness = betweenness_values(graph)
        for measure in ("fragmentation", "distance"):
            for k in (3, 5):
                start = time.perf_counter()
                found = kpp_neg(graph, k, measure=measure, search=KeyPlayerSearch(seed=seed))
                took = time.perf_counter() - start
                top = sorted(range(graph.vcount()), key=lambda v: -betweenness[v])[:k]
                versus = removed_score(graph, top, measure)
                print(f"  {label:<20} {measure:<13} k={k}: {found.score:.3f} vs {versus:.3f}"
                      f" (ratio {found.score / versus if versus else float('inf'):.2f}, {found.method}, {took:.2f} s)")
    print("swap search with restarts vs exhaustive optimum, random graphs of 12-30 people")
    for measure, ks in (("fragmentation", (2, 3)), ("distance", (2,))):
        hits = total = 0
        heuristic_time = exhaustive_time = 0.0
        for i, n in enumerate(range(12, 31, 2)):
            for g in (ig.Graph.Erdos_Renyi(n, m=int(1.4 * n)), ig.Graph.Barabasi(n, 1 + i % 2), ig.Graph.Watts_Strogatz(1, n, 2, 0.2)):
                graph = build_graph(igraph_network(g))
                for k in ks:
                    start = time.perf_counter()
                    best = max(removed_score(graph, list(c), measure) for c in itertools.combinations(range(graph.vcount()), k))
                    exhaustive_time += time.perf_counter() - start
                    start = time.perf_counter()
                    found = kpp_neg(graph, k, measure=measure, search=KeyPlayerSearch(seed=seed, exhaustive_max_sets=0))
                    heuristic_time += time.perf_counter() - start
                    hits += abs(found.score - best) <= 1e-9
                    total += 1
        print(f"  {measure:<13}: optimum found in {hits}/{total} graphs; swap search {heuristic_time:.1f} s,"
              f" exhaustive {exhaustive_time:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--edges", type=int, default=500_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--quality", action="store_true", help="Measure key player search quality instead.")
    args = parser.parse_args()
    if args.quality:
        random.seed(args.seed)
        quality(args.seed)
        return

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
