"""Paths, ego networks and common associates, each hop with its evidence."""

from __future__ import annotations

import pytest
from analyse_helpers import krebs_network, network, pairs_network, rel

from linkchart.analyse import (
    UnknownName,
    build_graph,
    common_associates,
    ego_graph,
    ego_network,
    k_shortest_paths,
    shortest_path,
)
from linkchart.model import CO_RESIDED, FAMILY


def names(path):
    return [p.name for p in path.people]


def test_shortest_path_hops_carry_types_and_evidence():
    graph = build_graph(network([rel("a", "b", FAMILY, text="A is B's brother."), ("b", "c"), ("c", "d")]))
    path = shortest_path(graph, "a", "D")
    assert path is not None and names(path) == ["A", "B", "C", "D"] and path.length == 3
    first = path.hops[0]
    assert (first.source.name, first.target.name, first.types) == ("A", "B", [FAMILY])
    assert first.evidence[0].text == "A is B's brother."
    assert path.hedged_hops == 0 and path.cost == pytest.approx(3 * 1 / 2)


def test_unconnected_people_have_no_path():
    graph = build_graph(pairs_network([("a", "b"), ("c", "d")]))
    assert shortest_path(graph, "A", "D") is None
    assert k_shortest_paths(graph, "A", "D", k=3) == []
    assert names(shortest_path(graph, "A", "A")) == ["A"]


SQUARES = [("a", "b"), ("b", "d"), ("a", "c"), ("c", "d"), ("d", "e"), ("a", "e")]


def test_k_shortest_paths_around_squares():
    graph = build_graph(pairs_network(SQUARES))
    paths = k_shortest_paths(graph, "A", "D", k=3)
    assert [p.length for p in paths] == [2, 2, 2]
    assert {tuple(names(p)) for p in paths} == {("A", "B", "D"), ("A", "C", "D"), ("A", "E", "D")}
    assert len(k_shortest_paths(graph, "A", "D", k=5)) == 3  # there are no other simple paths
    five = k_shortest_paths(build_graph(pairs_network([*SQUARES, ("b", "c")])), "A", "D", k=5)
    assert [p.length for p in five] == [2, 2, 2, 3, 3]
    assert {tuple(names(p)) for p in five[3:]} == {("A", "B", "C", "D"), ("A", "C", "B", "D")}


def test_weighted_path_prefers_strong_ties():
    ties = [
        ("a", "b"),
        ("b", "d"),
        rel("a", "c", FAMILY, doc=["d1", "d2", "d3"]),
        rel("a", "c", CO_RESIDED, doc=["d1", "d2", "d3"]),
        rel("c", "e", FAMILY, doc=["d1", "d2", "d3"]),
        rel("e", "d", FAMILY, doc=["d1", "d2", "d3"]),
    ]
    graph = build_graph(network(ties))
    assert names(shortest_path(graph, "A", "D")) == ["A", "B", "D"]
    assert names(shortest_path(graph, "A", "D", weighted=True)) == ["A", "C", "E", "D"]


def test_hedged_hops_are_counted():
    graph = build_graph(network([rel("a", "b", hedged=True), ("b", "c")]))
    assert shortest_path(graph, "A", "C").hedged_hops == 1


def test_ego_network_by_hops():
    graph = build_graph(pairs_network([("hub", "a"), ("hub", "b"), ("a", "b"), ("b", "c"), ("c", "d")]))
    one = ego_network(graph, "hub")
    assert [(m.person.name, m.hops) for m in one.members] == [("Hub", 0), ("A", 1), ("B", 1)]
    assert one.ties == 3 and one.members[0].via is None
    two = ego_network(graph, "hub", hops=2)
    c = next(m for m in two.members if m.person.name == "C")
    assert c.hops == 2 and (c.via.source.name, c.via.target.name) == ("C", "B")
    assert c.via.evidence[0].text == "b and c were linked (associate)."
    sub = ego_graph(graph, "hub", hops=2)
    assert sorted(zip(sub.vs["name"], sub.vs["hops"], strict=True)) == [("A", 1), ("B", 1), ("C", 2), ("Hub", 0)]


def test_common_associates_of_two_hijackers():
    graph = build_graph(krebs_network())
    shared = common_associates(graph, "Mohamed Atta", "marwan al-shehhi")
    assert shared.direct is not None
    assert shared.associates
    for c in shared.associates:
        assert c.tie_to_a.target.name == "Mohamed Atta" and c.tie_to_b.target.name == "Marwan Al-Shehhi"
        assert c.tie_to_a.evidence and c.tie_to_b.evidence


def test_common_associates_by_hand():
    graph = build_graph(pairs_network([("a", "x"), ("b", "x"), ("a", "y"), ("b", "z")]))
    shared = common_associates(graph, "A", "B")
    assert shared.direct is None and [c.person.name for c in shared.associates] == ["X"]
    with pytest.raises(UnknownName):
        common_associates(graph, "A", "Q")
