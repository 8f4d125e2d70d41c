"""Key actors: measures equal networkx's to 1e-9, brokers on hand-checked graphs, the ranked report."""

from __future__ import annotations

import math

import networkx as nx
import pytest
from analyse_helpers import krebs_network, network, pairs_network, rel, slug
from hypothesis import given, settings
from hypothesis import strategies as st

from linkchart.analyse import (
    betweenness_centrality,
    brokers,
    build_graph,
    closeness_centrality,
    degree_centrality,
    eigenvector_centrality,
    key_actors,
)
from linkchart.analyse.centrality import EXACT_MAX_NODES, Sampling, constraint_values
from linkchart.model import CO_RESIDED, FAMILY

TOLERANCE = 1e-9

# Two triangles joined by the bridge c - d.
TWO_TRIANGLES = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]


def nx_graph(pairs, nodes=()):
    graph = nx.Graph()
    graph.add_nodes_from(slug(n) for n in nodes)
    graph.add_edges_from((slug(a), slug(b)) for a, b in pairs)
    return graph


def nx_eigenvector(graph, weight=None):
    return nx.eigenvector_centrality(graph, max_iter=100_000, tol=1e-15, weight=weight)


def assert_close(ours, theirs):
    assert set(ours) == set(theirs)
    worst = max((abs(ours[k] - theirs[k]) for k in ours), default=0.0)
    assert worst < TOLERANCE, worst


@pytest.fixture(scope="module")
def krebs():
    net = krebs_network()
    reference = nx.Graph()
    reference.add_nodes_from(e.id for e in net.entities)
    reference.add_edges_from((r.source, r.target) for r in net.relations)
    return build_graph(net), reference


def test_krebs_measures_equal_networkx(krebs):
    graph, reference = krebs
    assert (graph.vcount(), graph.ecount()) == (62, 153)
    assert_close(degree_centrality(graph), nx.degree_centrality(reference))
    assert_close(betweenness_centrality(graph), nx.betweenness_centrality(reference))
    assert_close(closeness_centrality(graph), nx.closeness_centrality(reference))
    assert_close(eigenvector_centrality(graph), nx_eigenvector(reference))


def test_krebs_published_figures(krebs):
    graph, _ = krebs
    atta, khemais = slug("Mohamed Atta"), slug("Essid Sami Ben Khemais")
    betweenness = betweenness_centrality(graph)
    assert graph.degree(graph.vs.find(id=atta).index) == 22
    assert max(betweenness, key=betweenness.get) == atta
    assert betweenness[atta] == pytest.approx(0.588, abs=5e-4)
    assert betweenness[khemais] == pytest.approx(0.252, abs=5e-4)
    assert closeness_centrality(graph)[atta] == pytest.approx(0.587, abs=5e-4)

    report = key_actors(graph, top=3)
    top = report.actors[0]
    assert top.person.name == "Mohamed Atta" and top.degree == 22
    assert all(rank == 1 for rank in top.ranks.values())
    assert top.ties and all(t.tie.evidence for t in top.ties)
    assert not report.sampled


@settings(max_examples=60, deadline=None)
@given(
    n=st.integers(min_value=1, max_value=14),
    edges=st.lists(st.tuples(st.integers(0, 13), st.integers(0, 13)), max_size=30),
)
def test_measures_equal_networkx_on_random_graphs(n, edges):
    pairs = sorted({(min(a, b), max(a, b)) for a, b in edges if a != b and a < n and b < n})
    names = [f"n{i}" for i in range(n)]
    graph = build_graph(network([rel(names[a], names[b]) for a, b in pairs], isolated=names))
    reference = nx_graph([(names[a], names[b]) for a, b in pairs], names)
    assert_close(degree_centrality(graph), nx.degree_centrality(reference))
    assert_close(betweenness_centrality(graph), nx.betweenness_centrality(reference))
    assert_close(closeness_centrality(graph), nx.closeness_centrality(reference))
    if n > 1 and nx.is_connected(reference):
        assert_close(eigenvector_centrality(graph), nx_eigenvector(reference))
    assert constraint_values(graph) == pytest.approx(
        [None if math.isnan(c) else c for c in (nx.constraint(reference)[v] for v in graph.vs["id"])],
        abs=TOLERANCE,
        nan_ok=True,
    )


def test_eigenvector_on_disconnected_graphs_follows_networkx():
    # Two equal triangles: networkx's power iteration splits the weight evenly.
    two = build_graph(pairs_network([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")]))
    assert all(v == pytest.approx(1 / math.sqrt(6), abs=TOLERANCE) for v in eigenvector_centrality(two).values())
    # A triangle and a separate pair: only the dominant component (the triangle) scores.
    mixed = build_graph(pairs_network([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e")]))
    reference = nx_graph([("a", "b"), ("b", "c"), ("a", "c"), ("d", "e")])
    assert_close(eigenvector_centrality(mixed), nx_eigenvector(reference))
    assert eigenvector_centrality(mixed)["d"] == 0.0


def test_weighted_measures_use_multiplex_strength():
    ties = [rel("a", "b", FAMILY), rel("a", "b", CO_RESIDED), rel("b", "c"), rel("a", "c"), rel("c", "d")]
    graph = build_graph(network(ties))
    reference = nx.Graph()
    for e in graph.es:
        a, b = (graph.vs[v]["id"] for v in e.tuple)
        reference.add_edge(a, b, weight=e["weight"], distance=e["distance"])
    assert_close(
        betweenness_centrality(graph, weighted=True),
        nx.betweenness_centrality(reference, weight="distance"),
    )
    assert_close(closeness_centrality(graph, weighted=True), nx.closeness_centrality(reference, distance="distance"))
    assert_close(eigenvector_centrality(graph, weighted=True), nx_eigenvector(reference, weight="weight"))


def test_sampled_estimates_switch_on_above_the_limit_and_are_seeded(krebs):
    graph, reference = krebs
    # With at least as many pivots as people, sampling degenerates to the exact computation.
    assert_close(betweenness_centrality(graph, sampling=Sampling(10, 100)), nx.betweenness_centrality(reference))
    assert_close(closeness_centrality(graph, sampling=Sampling(10, 100)), nx.closeness_centrality(reference))
    first = betweenness_centrality(graph, sampling=Sampling(10, 20, seed=7))
    assert first == betweenness_centrality(graph, sampling=Sampling(10, 20, seed=7))
    assert first != betweenness_centrality(graph, sampling=Sampling(10, 20, seed=8))
    assert max(first, key=first.get) == slug("Mohamed Atta")
    exact = nx.betweenness_centrality(reference)
    assert max(abs(first[k] - exact[k]) for k in exact) < 0.2
    estimate = closeness_centrality(graph, sampling=Sampling(10, 20, seed=7))
    assert max(estimate, key=estimate.get) == slug("Mohamed Atta")
    report = key_actors(graph, top=1, sampling=Sampling(10, 20))
    assert report.sampled and report.pivots == 20
    assert EXACT_MAX_NODES >= 1000


def test_brokers_of_two_triangles_joined_by_a_bridge():
    graph = build_graph(pairs_network(TWO_TRIANGLES))
    found = brokers(graph)
    assert sorted(p.name for p in found.articulation_points) == ["C", "D"]
    assert [(b.source.name, b.target.name) for b in found.bridges] == [("C", "D")]
    assert found.bridges[0].evidence[0].text == "c and d were linked (associate)."
    reference = nx.constraint(nx_graph(TWO_TRIANGLES))
    assert found.constraint == pytest.approx(reference, abs=TOLERANCE)


def test_constraint_is_none_for_an_isolate():
    graph = build_graph(network([("a", "b")], isolated=["Loner"]))
    assert brokers(graph).constraint["loner"] is None


def test_star_centre_is_the_key_actor():
    graph = build_graph(pairs_network([("hub", x) for x in "abcde"]))
    report = key_actors(graph, top=2)
    hub = report.actors[0]
    assert hub.person.name == "Hub" and hub.degree == 5
    assert hub.betweenness == pytest.approx(1.0) and hub.closeness == pytest.approx(1.0)
    assert hub.articulation_point and hub.cuts_off == 4
    assert all(t.bridge for t in hub.ties) and len(hub.ties) == 5


def test_key_actors_of_two_triangles_show_the_bridge_and_rank_by_measure():
    graph = build_graph(pairs_network(TWO_TRIANGLES))
    report = key_actors(graph, top=6)
    assert {a.person.name for a in report.actors[:2]} == {"C", "D"}
    c = next(a for a in report.actors if a.person.name == "C")
    assert c.ties[0].bridge and c.ties[0].tie.target.name == "D"
    assert c.ties[0].other_cell is not None  # the bridge leads into the other triangle's cell
    assert c.cuts_off == 2  # without C, A and B lose the other triangle

    by_constraint = key_actors(graph, top=6, by="constraint")
    assert by_constraint.actors[0].person.name in {"C", "D"}
    assert [a.rank for a in by_constraint.actors] == [1, 2, 3, 4, 5, 6]
    with pytest.raises(ValueError, match="unknown measure"):
        key_actors(graph, by="fame")


def test_path_graph_centralities_by_hand():
    graph = build_graph(pairs_network([("a", "b"), ("b", "c"), ("c", "d")]))
    betweenness = betweenness_centrality(graph)
    # b lies on a-c and a-d: 2 of the (4-1)(4-2)/2 = 3 pairs.
    assert betweenness["b"] == pytest.approx(2 / 3) and betweenness["a"] == 0.0
    assert closeness_centrality(graph)["a"] == pytest.approx(3 / (1 + 2 + 3))
    assert degree_centrality(graph)["b"] == pytest.approx(2 / 3)


def test_each_key_actor_lists_the_ties_that_make_them_central():
    graph = build_graph(pairs_network(TWO_TRIANGLES))
    c = next(a for a in key_actors(graph, top=6).actors if a.person.name == "C")
    # The bridge c - d carries every path between the triangles: 3 x 3 = 9 pairs; a - c carries a's
    # paths to d, e, f and to c itself: 4.
    first, *rest = c.ties
    assert (first.tie.target.name, first.bridge, first.paths) == ("D", True, 9)
    assert first.why == ["bridge", f"into cell {first.other_cell}", "9 shortest paths"]
    assert first.tie.evidence[0].text == "c and d were linked (associate)."
    assert sorted((t.tie.target.name, t.paths) for t in rest) == [("A", 4), ("B", 4)]
    assert all(not t.bridge and t.other_cell is None for t in rest)
    assert len(key_actors(graph, top=1, max_ties=1).actors[0].ties) == 1


def test_multiplex_strength_reroutes_weighted_paths():
    # A square a - b - c - d - a. The a - b - c side is family and co-residence, stated twice; the
    # other side is one associate mention each. Unweighted, b and d share the a - c pair; weighted,
    # the strong side is shorter and b holds it alone.
    strong = [rel(x, y, t, doc=["d1", "d2"]) for x, y in (("a", "b"), ("b", "c")) for t in (FAMILY, CO_RESIDED)]
    graph = build_graph(network([*strong, rel("c", "d"), rel("d", "a")]))
    plain = betweenness_centrality(graph)
    assert plain["b"] == pytest.approx(plain["d"])
    weighted = betweenness_centrality(graph, weighted=True)
    assert weighted["b"] == pytest.approx(1 / 3) and weighted["d"] == 0.0  # the a - c pair of 3
    report = key_actors(graph, top=1, by="betweenness", weighted=True)
    assert report.weighted and report.actors[0].person.name == "B"
