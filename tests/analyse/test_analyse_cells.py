"""Cells: Leiden communities, k-cores, co-resident cliques, and what each cell belongs to and rests on."""

from __future__ import annotations

from analyse_helpers import document, krebs_network, network, org, pairs_network, rel

from linkchart.analyse import build_graph, communities, core_numbers
from linkchart.analyse.cells import cells, coresidence_cliques, k_cores
from linkchart.model import ASSOCIATE, CO_RESIDED, FAMILY, LEADER_OF, MEMBER_OF

TRIANGLES = [("a", "b"), ("b", "c"), ("a", "c"), ("c", "d"), ("d", "e"), ("e", "f"), ("d", "f")]


def member_names(cell):
    return [m.name for m in cell.members]


def test_two_triangles_are_two_cells():
    found = cells(build_graph(pairs_network(TRIANGLES)))
    assert sorted(member_names(c) for c in found) == [["A", "B", "C"], ["D", "E", "F"]]
    assert all(c.ties == 3 and c.density == 1.0 for c in found)


def test_leiden_is_reproducible_with_a_seed():
    graph = build_graph(krebs_network())
    first = communities(graph, seed=42)
    assert first == communities(graph, seed=42)
    assert len(set(first)) > 2
    coarse = communities(graph, seed=42, resolution=0.05)
    fine = communities(graph, seed=42, resolution=3.0)
    assert len(set(coarse)) < len(set(first)) < len(set(fine))


def test_cells_know_their_organisations_and_sources():
    group = org("Katiba Al-Battar")
    ties = [
        rel("a", "b", doc="d1"),
        rel("b", "c", doc=["d1", "d2"]),
        rel("a", "c", doc="d2"),
        rel("a", "katiba-al-battar", MEMBER_OF, doc="d3", text="A joined Katiba al-Battar."),
        rel("b", "katiba-al-battar", LEADER_OF, doc="d3"),
        rel("x", "y", doc="d4"),
    ]
    docs = [document("d1", "2015-01-02"), document("d2"), document("d3"), document("d4")]
    found = cells(build_graph(network(ties, entities=[group], documents=docs)))
    main = next(c for c in found if "A" in member_names(c))
    assert len(main.organisations) == 1
    link = main.organisations[0]
    assert link.org.name == "Katiba Al-Battar" and sorted(link.members) == ["A", "B"]
    assert sorted(link.types) == [LEADER_OF, MEMBER_OF]
    assert any(e.text == "A joined Katiba al-Battar." for e in link.evidence)
    assert [(d.document_id, d.ties) for d in main.documents] == [("d1", 2), ("d2", 2)]
    assert main.documents[0].title == "Report d1" and main.documents[0].date == "2015-01-02"


def test_k_cores_peel_away_the_periphery():
    # A 4-clique with a pendant chain: the 3-core is the clique.
    ties = [(a, b) for i, a in enumerate("abcd") for b in "abcd"[i + 1 :]] + [("d", "e"), ("e", "f")]
    graph = build_graph(pairs_network(ties))
    assert core_numbers(graph) == {"a": 3, "b": 3, "c": 3, "d": 3, "e": 1, "f": 1}
    innermost = k_cores(graph)
    assert len(innermost) == 1 and member_names(innermost[0]) == ["A", "B", "C", "D"]
    assert innermost[0].label == "3-core 1"
    assert member_names(k_cores(graph, 1)[0]) == ["A", "B", "C", "D", "E", "F"]
    assert k_cores(graph, 4) == []


def test_k_cores_split_into_connected_groups():
    triangles = [("a", "b"), ("b", "c"), ("a", "c"), ("d", "e"), ("e", "f"), ("d", "f")]
    assert len(k_cores(build_graph(pairs_network(triangles)), 2)) == 2


def test_coresident_cliques_with_their_evidence():
    flat = "They shared a flat in Molenbeek."
    ties = [
        rel("a", "b", CO_RESIDED, text=flat),
        rel("b", "c", CO_RESIDED, text=flat),
        rel("a", "c", CO_RESIDED, text=flat),
        rel("c", "d", CO_RESIDED),
        rel("a", "d", FAMILY),  # not a co-residence: d is not in the clique with a
        rel("d", "e", ASSOCIATE),
    ]
    graph = build_graph(network(ties))
    found = coresidence_cliques(graph)
    assert len(found) == 1
    clique = found[0]
    assert member_names(clique) == ["A", "B", "C"] and clique.kind == "co-resident clique"
    assert len(clique.key_ties) == 3
    assert all(t.evidence[0].text == flat for t in clique.key_ties)
    pairs = coresidence_cliques(graph, min_size=2)
    assert sorted(member_names(c) for c in pairs) == [["A", "B", "C"], ["C", "D"]]
    assert coresidence_cliques(build_graph(pairs_network(TRIANGLES))) == []


def test_min_size_drops_singletons():
    net = network([("a", "b")], isolated=["Loner"])
    found = cells(build_graph(net))
    assert [member_names(c) for c in found] == [["A", "B"]]
    assert len(cells(build_graph(net), min_size=1)) == 2


def test_each_cell_lists_the_ties_that_leave_it_with_their_evidence():
    ties = [rel(a, b) for a, b in TRIANGLES if (a, b) != ("c", "d")]
    ties.append(rel("c", "d", FAMILY, text="C is the brother of D."))
    found = cells(build_graph(network(ties)))
    assert [[(t.source.name, t.target.name) for t in c.outside_ties] for c in found] == [[("C", "D")], [("D", "C")]]
    assert found[0].outside_ties[0].evidence[0].text == "C is the brother of D."
    assert coresidence_cliques(build_graph(network(ties))) == []
