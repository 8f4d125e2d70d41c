"""Disruption: fragmentation figures by hand, removals, and Borgatti key player sets."""

from __future__ import annotations

import networkx as nx
import pytest
from analyse_helpers import krebs_network, network, pairs_network

from linkchart.analyse import (
    NameLookupError,
    build_graph,
    cohesion,
    disrupt,
    distance_fragmentation,
    distance_weighted_reach,
    fragmentation,
    kpp_neg,
    kpp_pos,
)
from linkchart.analyse.centrality import Sampling
from linkchart.analyse.keyplayers import KeyPlayerSearch
from linkchart.analyse.records import igraph_rng

PATH = [("a", "b"), ("b", "c"), ("c", "d")]


def barbell(size=5, attachments=1):
    """Two cliques of `size` joined through one bridge person tied to `attachments` members of each.

    With one attachment this is nx.barbell_graph(size, 1).
    """
    left = [f"l{i}" for i in range(size)]
    right = [f"r{i}" for i in range(size)]
    ties = [(x, y) for side in (left, right) for i, x in enumerate(side) for y in side[i + 1 :]]
    ties += [(side[i], "bridge") for side in (left, right) for i in range(attachments)]
    return pairs_network(ties)


def test_path_figures_by_hand():
    graph = build_graph(pairs_network(PATH))
    assert fragmentation(graph) == 0.0
    # 1/d over the 6 pairs: 1 + 1/2 + 1/3 + 1 + 1/2 + 1 = 13/3, over n(n-1)/2 = 6 pairs.
    assert distance_fragmentation(graph) == pytest.approx(1 - 13 / 18)
    assert cohesion(graph).reach == pytest.approx(13 / 18)

    report = disrupt(graph, remove=["B"])
    assert [p.name for p in report.removed_people] == ["B"]
    assert report.before.largest_component == 4 and report.after.largest_component == 2
    assert report.after.components == 2
    assert report.after.fragmentation == pytest.approx(1 - 2 / 6)
    assert report.after.distance_fragmentation == pytest.approx(1 - 2 / 6)
    assert [p.name for p in report.cut_off] == ["A"]


def test_cutting_a_tie():
    graph = build_graph(pairs_network(PATH))
    report = disrupt(graph, cut=[("C", "D")])
    assert report.after.fragmentation == pytest.approx(1 - 6 / 12)
    assert [(t.source.name, t.target.name) for t in report.removed_ties] == [("C", "D")]
    assert report.removed_ties[0].evidence[0].text == "c and d were linked (associate)."
    assert [p.name for p in report.cut_off] == ["D"]
    with pytest.raises(NameLookupError, match="not directly tied"):
        disrupt(graph, cut=[("A", "D")])


def test_distance_fragmentation_matches_networkx_on_krebs():
    net = krebs_network()
    graph = build_graph(net)
    reference = nx.Graph((r.source, r.target) for r in net.relations)
    n = reference.number_of_nodes()
    total = sum(1 / d for _, row in nx.all_pairs_shortest_path_length(reference) for d in row.values() if d)
    assert distance_fragmentation(graph) == pytest.approx(1 - total / (n * (n - 1)), abs=1e-12)
    estimate = distance_fragmentation(graph, sampling=Sampling(exact_max_nodes=10, pivots=30, seed=3))
    assert estimate == pytest.approx(1 - total / (n * (n - 1)), abs=0.05)
    assert cohesion(graph, sampling=Sampling(exact_max_nodes=10, pivots=30)).sampled


def test_kpp_neg_on_a_barbell_picks_the_bridge():
    # The bridge person is the only cut point when tied to two members of each clique.
    graph = build_graph(barbell(attachments=2))
    found = kpp_neg(graph, 1)
    assert [p.name for p in found.people] == ["Bridge"] and found.method == "exhaustive"
    assert found.score == pytest.approx(1 - 40 / 90)  # two K5s: 2 x 20 ordered pairs at distance 1
    assert found.baseline < found.score
    assert found.disruption is not None and found.disruption.after.components == 2
    # The approximate search (candidate pool, sampled distances) finds it too.
    approximate = kpp_neg(graph, 1, search=KeyPlayerSearch(exact_max_nodes=0, pool_size=4, samples=5))
    assert [p.name for p in approximate.people] == ["Bridge"] and approximate.method == "approximate"


def test_kpp_neg_measures_disagree_on_the_classic_barbell():
    graph = build_graph(barbell())  # nx.barbell_graph(5, 1)
    # F: removing the bridge leaves two K5s, F = 1 - 40/90; removing l0 leaves 6 + 4, F = 1 - 42/90.
    by_components = kpp_neg(graph, 1, measure="fragmentation")
    assert [p.name for p in by_components.people] == ["Bridge"]
    assert by_components.score == pytest.approx(1 - 40 / 90)
    # DF: removing r0 (or l0) leaves K5 + dangling bridge (10 + 1 + 4/2 = 13 pairs' worth) and K4 (6),
    # 1 - 2 x 19 / 90 = 0.578, beating the bridge's 1 - 40/90 = 0.556.
    by_distance = kpp_neg(graph, 1)
    assert [p.name for p in by_distance.people] in (["L0"], ["R0"])
    assert by_distance.score == pytest.approx(1 - 38 / 90)
    with pytest.raises(ValueError, match="unknown measure"):
        kpp_neg(graph, 1, measure="vibes")


def test_kpp_neg_with_approximation_on_a_larger_graph():
    graph = build_graph(barbell(20, attachments=2))
    found = kpp_neg(graph, 1, search=KeyPlayerSearch(exact_max_nodes=10))
    assert [p.name for p in found.people] == ["Bridge"] and found.method == "approximate"
    fragmenting = kpp_neg(graph, 1, search=KeyPlayerSearch(exact_max_nodes=10), measure="fragmentation")
    assert [p.name for p in fragmenting.people] == ["Bridge"]


def test_kpp_pos_picks_the_hubs():
    ties = [("h1", f"a{i}") for i in range(4)] + [("h2", f"b{i}") for i in range(5)] + [("h1", "h2")]
    graph = build_graph(pairs_network(ties))
    one = kpp_pos(graph, 1)
    assert [p.name for p in one.people] == ["H2"]
    assert one.score == pytest.approx((1 + 5 + 1 + 4 / 2) / 11)
    two = kpp_pos(graph, 2)
    assert sorted(p.name for p in two.people) == ["H1", "H2"]
    assert two.score == pytest.approx(1.0) and (two.reached_in_one, two.reached_in_two) == (9, 0)
    assert distance_weighted_reach(graph, ["H1", "H2"]) == pytest.approx(1.0)
    approximate = kpp_pos(graph, 2, search=KeyPlayerSearch(exact_max_nodes=0, reach_targets=11))
    assert sorted(p.name for p in approximate.people) == ["H1", "H2"]


def test_key_player_searches_are_seeded_and_validate_k():
    import igraph as ig

    with igraph_rng(1):
        skeleton = ig.Graph.Barabasi(600, 2)
    graph = build_graph(network([(f"p{a}", f"p{b}") for a, b in skeleton.get_edgelist()]))
    first = kpp_neg(graph, 3, search=KeyPlayerSearch(seed=11))
    assert first.method == "approximate" and len({p.id for p in first.people}) == 3
    assert [p.id for p in kpp_neg(graph, 3, search=KeyPlayerSearch(seed=11)).people] == [p.id for p in first.people]
    assert kpp_pos(graph, 3, search=KeyPlayerSearch(seed=11)).method == "approximate"
    with pytest.raises(ValueError, match="k must be"):
        kpp_neg(graph, 0)
    with pytest.raises(ValueError, match="k must be"):
        kpp_pos(build_graph(pairs_network(PATH)), 5)


CHAIN = list(zip("abcdef", "bcdefg", strict=True))  # a - b - c - d - e - f - g


def best_pair(graph, score):
    import itertools

    return max(score(list(pair)) for pair in itertools.combinations(range(graph.vcount()), 2))


@pytest.mark.parametrize(
    ("measure", "greedy_score", "best"),
    [
        # Greedy removes the middle d first: two chains of 3, then b leaves {a}, {c}, {e, f, g}: F = 1 - 6/20.
        # The best pair is a third of the way in from each end, {b, e} (or {c, e}, {c, f}): F = 1 - 4/20.
        ("fragmentation", 1 - 6 / 20, 1 - 4 / 20),
        # DF: {d, b} leaves {a}, {c}, e-f-g (1/d sums to 5 over 20 ordered pairs); {b, e} leaves 4.
        ("distance", 1 - 5 / 20, 1 - 4 / 20),
    ],
)
def test_kpp_neg_swaps_out_of_the_greedy_trap(measure, greedy_score, best):
    graph = build_graph(pairs_network(CHAIN))
    greedy_only = kpp_neg(graph, 2, measure=measure, search=KeyPlayerSearch(max_passes=0, exhaustive_max_sets=0, restarts=0))
    assert "D" in [p.name for p in greedy_only.greedy] and greedy_only.swaps == 0
    assert greedy_only.greedy_score == pytest.approx(greedy_score)
    # Even without swaps, the top-betweenness start is kept when it beats the greedy one.
    assert greedy_only.search_score >= greedy_only.greedy_score

    found = kpp_neg(graph, 2, measure=measure, search=KeyPlayerSearch(exhaustive_max_sets=0))
    assert "D" in [p.name for p in found.greedy] and found.greedy_score == pytest.approx(greedy_score)
    assert found.swaps >= 1 and "D" not in [p.name for p in found.people]
    assert found.score == pytest.approx(best)
    # It is the best any pair can do.
    structure = graph.copy()

    def score(pair):
        residual = structure.copy()
        residual.delete_vertices(pair)
        return fragmentation(residual) if measure == "fragmentation" else distance_fragmentation(residual)

    assert best_pair(graph, score) == pytest.approx(best)


def test_kpp_pos_swaps_out_of_the_greedy_trap():
    graph = build_graph(pairs_network(CHAIN))
    found = kpp_pos(graph, 2, search=KeyPlayerSearch(exhaustive_max_sets=0))
    # Greedy: d first (reach (1 + 2 + 2/2 + 2/3) / 7), then b: a, c, e at 1, f 1/2, g 1/3 -> 5.83 / 7.
    assert "D" in [p.name for p in found.greedy] and found.greedy_score == pytest.approx((5 + 1 / 2 + 1 / 3) / 7)
    # {b, e} or {c, f} reach everyone but one person two steps away: 6.5 / 7.
    assert found.swaps >= 1 and found.score == pytest.approx(6.5 / 7)
    assert (found.reached_in_one, found.reached_in_two) == (4, 1)
    assert best_pair(graph, lambda pair: distance_weighted_reach(graph, pair)) == pytest.approx(6.5 / 7)


def test_swaps_never_make_the_set_worse():
    import igraph as ig

    with igraph_rng(5):
        skeleton = ig.Graph.Erdos_Renyi(40, m=60)
    graph = build_graph(network([(f"p{a}", f"p{b}") for a, b in skeleton.get_edgelist()]))
    search = KeyPlayerSearch(exhaustive_max_sets=0)
    for k in (2, 3, 4):
        neg = kpp_neg(graph, k, measure="fragmentation", search=search)
        assert neg.search_score >= neg.greedy_score and neg.passes >= 1
        pos = kpp_pos(graph, k, search=search)
        assert pos.search_score >= pos.greedy_score
