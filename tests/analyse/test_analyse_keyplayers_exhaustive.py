"""Key player search against exhaustive search on graphs of up to 30 people (issue 14, point 4).

The optimum is computed here independently, with networkx, by scoring every set of k people.
The default search scores every set itself below `KPP_EXHAUSTIVE_MAX_SETS`; the swap search with
restarts (what larger graphs get) is checked against the same optimum with exhaustion turned off.
"""

from __future__ import annotations

import itertools

import networkx as nx
import pytest
from analyse_helpers import network

from linkchart.analyse import build_graph, kpp_neg, kpp_pos
from linkchart.analyse.centrality import betweenness_values
from linkchart.analyse.keyplayers import KeyPlayerSearch


def graph_of(nxg: nx.Graph):
    return build_graph(network([(f"p{a:02d}", f"p{b:02d}") for a, b in nxg.edges()],
                               isolated=[f"p{v:02d}" for v in nxg.nodes() if nxg.degree(v) == 0]))


def fragmentation(g: nx.Graph, removed) -> float:
    h = g.copy()
    h.remove_nodes_from(removed)
    n = h.number_of_nodes()
    return 1 - sum(len(c) * (len(c) - 1) for c in nx.connected_components(h)) / (n * (n - 1))


def distance_fragmentation(g: nx.Graph, removed) -> float:
    h = g.copy()
    h.remove_nodes_from(removed)
    n = h.number_of_nodes()
    total = sum(1 / d for _, row in nx.all_pairs_shortest_path_length(h) for d in row.values() if d)
    return 1 - total / (n * (n - 1))


def reach(g: nx.Graph, chosen) -> float:
    lengths = [nx.single_source_shortest_path_length(g, c) for c in chosen]
    return sum(max(1 / row[v] if row.get(v) else (1.0 if row.get(v) == 0 else 0.0) for row in lengths)
               for v in g.nodes()) / g.number_of_nodes()


def optimum(g: nx.Graph, k: int, score) -> float:
    return max(score(g, combo) for combo in itertools.combinations(g.nodes(), k))


def small_graphs(sizes=(12, 18, 24, 30)):
    for i, n in enumerate(sizes):
        yield nx.gnm_random_graph(n, int(1.4 * n), seed=i)
        yield nx.barabasi_albert_graph(n, 1 + i % 2, seed=i)
        yield nx.watts_strogatz_graph(n, 4, 0.2, seed=i)


HEURISTIC = KeyPlayerSearch(exhaustive_max_sets=0)


@pytest.mark.parametrize("k", [2, 3])
def test_fragmentation_search_finds_the_exhaustive_optimum_up_to_30_people(k):
    for g in small_graphs():
        best = optimum(g, k, fragmentation)
        graph = graph_of(g)
        default = kpp_neg(graph, k, measure="fragmentation")
        assert default.method == "exhaustive" and default.score == pytest.approx(best, abs=1e-12)
        swapped = kpp_neg(graph, k, measure="fragmentation", search=HEURISTIC)
        assert swapped.method == "exact" and swapped.score == pytest.approx(best, abs=1e-12), g


def test_distance_fragmentation_search_finds_the_exhaustive_optimum():
    for g in small_graphs(range(10, 22, 4)):
        best = optimum(g, 2, distance_fragmentation)
        graph = graph_of(g)
        assert kpp_neg(graph, 2).score == pytest.approx(best, abs=1e-9)
        assert kpp_neg(graph, 2, search=HEURISTIC).score == pytest.approx(best, abs=1e-9)


def test_reach_search_finds_the_exhaustive_optimum():
    for g in small_graphs(range(10, 28, 4)):
        best = optimum(g, 2, reach)
        graph = graph_of(g)
        assert kpp_pos(graph, 2).score == pytest.approx(best, abs=1e-9)
        assert kpp_pos(graph, 2, search=HEURISTIC).score == pytest.approx(best, abs=1e-9)


def test_never_worse_than_the_top_betweenness_set_and_the_same_whatever_the_seed():
    g = nx.karate_club_graph()  # 34 people: 278,256 sets of 5, too many to score them all
    graph = graph_of(g)
    betweenness = betweenness_values(graph)
    top = sorted(range(graph.vcount()), key=lambda v: -betweenness[v])[:5]
    by_betweenness = fragmentation(g, [int(graph.vs[v]["name"][1:]) for v in top])
    found = [kpp_neg(graph, 5, measure="fragmentation", search=KeyPlayerSearch(seed=seed)) for seed in (0, 1, 7)]
    assert found[0].method == "exact" and found[0].score >= by_betweenness
    assert len({tuple(p.id for p in f.people) for f in found}) == 1  # equal scores broken by a stated rule
