"""Building the actor graph: weights, hedging, commentators, organisations, dates, name look-up."""

from __future__ import annotations

import pytest
from analyse_helpers import commentator, document, network, org, person, rel

from linkchart.analyse import AmbiguousName, UnknownName, build_graph, recruitment_graph, resolve_person
from linkchart.analyse.records import tie_between
from linkchart.dates.calendar import date_key, earliest, on_or_before, parse_date, year_of
from linkchart.model import ASSOCIATE, CO_RESIDED, FAMILY, LEADER_OF, MEMBER_OF, RECRUITED_BY


def edge(graph, a, b):
    return graph.es[graph.get_eid(resolve_person(graph, a), resolve_person(graph, b))]


def test_multiplex_weight_counts_types_and_independent_documents():
    docs = [document("d1"), document("d2"), document("d3", duplicate_of="d1")]
    graph = build_graph(
        network(
            [
                rel("ali", "bilal", FAMILY, doc=["d1", "d2"]),
                rel("bilal", "ali", CO_RESIDED, doc="d3"),  # a copy of d1: not independent
                rel("bilal", "chen", ASSOCIATE, doc="d2"),
            ],
            documents=docs,
        )
    )
    assert graph.vcount() == 3 and graph.ecount() == 2
    ab = edge(graph, "Ali", "Bilal")
    assert ab["types"] == [CO_RESIDED, FAMILY]
    assert ab["documents"] == ["d1", "d2"]
    assert ab["weight"] == 2 + 2
    assert ab["distance"] == pytest.approx(1 / 4)
    assert len(ab["relation_ids"]) == 2 and len(ab["evidence"]) == 3
    assert edge(graph, "Bilal", "Chen")["weight"] == 1 + 1


def test_edge_is_hedged_only_when_every_statement_is():
    ties = [
        rel("a", "b", doc=["d1", "d2"], hedged=[True, False]),
        rel("b", "c", doc=["d1", "d2"], hedged=[True, True]),
    ]
    graph = build_graph(network(ties))
    assert not edge(graph, "A", "B")["hedged"]
    assert edge(graph, "B", "C")["hedged"]

    strict = build_graph(network(ties), include_hedged=False)
    assert strict.ecount() == 1
    ab = edge(strict, "A", "B")
    assert [e.document_id for e in ab["evidence"]] == ["d2"]
    assert ab["weight"] == 1 + 1


def test_relation_level_hedge_flag_counts_too():
    hedged = rel("a", "b")
    hedged.hedged = True
    assert build_graph(network([hedged]), include_hedged=False).ecount() == 0
    assert build_graph(network([hedged])).es[0]["hedged"]


def test_commentators_are_not_in_the_network():
    expert = commentator("Dr Expert")
    graph = build_graph(network([rel("a", "b"), rel("dr-expert", "a")], entities=[expert]))
    assert sorted(graph.vs["name"]) == ["A", "B"]
    assert graph.ecount() == 1
    with pytest.raises(UnknownName, match="commentator"):
        resolve_person(graph, "dr expert")


def test_organisations_are_affiliations_unless_asked_for_as_vertices():
    cell = org("Cell Nord")
    ties = [rel("a", "cell-nord", MEMBER_OF), rel("b", "cell-nord", LEADER_OF), rel("a", "b")]
    people_only = build_graph(network(ties, entities=[cell]))
    assert people_only.vcount() == 2 and people_only.ecount() == 1
    a = people_only.vs[resolve_person(people_only, "A")]
    assert [(x.org_name, x.type) for x in a["affiliations"]] == [("Cell Nord", MEMBER_OF)]

    with_orgs = build_graph(network(ties, entities=[cell]), actors_only=False)
    assert with_orgs.vcount() == 3 and with_orgs.ecount() == 3
    assert "organization" in with_orgs.vs["type"]


def test_types_filter_keeps_only_those_ties():
    graph = build_graph(network([rel("a", "b", FAMILY), rel("b", "c", ASSOCIATE)]), types={FAMILY})
    assert graph.vcount() == 3 and graph.ecount() == 1
    assert graph.es[0]["types"] == [FAMILY]


def test_as_of_compares_partial_dates_at_the_coarser_precision():
    ties = [
        rel("a", "b", date="2014"),
        rel("b", "c", date="2014-05-02"),
        rel("c", "d", date="2015-01"),
        rel("d", "e", doc="d9"),  # undated, reported in 2013
    ]
    net = network(ties, documents=[document("d9", "2013-11-20")])
    as_of = build_graph(net, as_of="2014-03")
    assert {tuple(sorted(e["relation_ids"])) for e in as_of.es} == {("a:associate:b",)}
    assert build_graph(net, as_of="2014").ecount() == 2
    assert build_graph(net, as_of="2014", include_undated=True).ecount() == 3
    assert build_graph(net, as_of="2014", document_dates=True).ecount() == 3
    assert build_graph(net, as_of="2013-12", document_dates=True).ecount() == 1
    with pytest.raises(ValueError):
        build_graph(net, as_of="last spring")


def test_recruitment_graph_points_from_recruiter_to_recruit():
    graph = build_graph(network([rel("recruit", "boss", RECRUITED_BY), rel("boss", "other")]))
    digraph = recruitment_graph(graph)
    assert digraph.is_directed() and digraph.ecount() == 1
    source, target = digraph.es[0].tuple
    assert digraph.vs[source]["name"] == "Boss" and digraph.vs[target]["name"] == "Recruit"
    assert digraph.es[0]["evidence"][0].text.startswith("recruit and boss")


def test_names_match_aliases_case_insensitively_and_errors_are_one_line():
    people = [person("Abdelhamid Abaaoud", "Abu Umar"), person("Salah Abdeslam"), person("Brahim Abdeslam")]
    graph = build_graph(
        network(
            [rel("abdelhamid-abaaoud", "salah-abdeslam"), rel("salah-abdeslam", "brahim-abdeslam")],
            entities=people,
        )
    )
    assert graph.vs[resolve_person(graph, "abu  UMAR")]["name"] == "Abdelhamid Abaaoud"
    assert graph.vs[resolve_person(graph, "salah-abdeslam")]["name"] == "Salah Abdeslam"
    graph.vs[resolve_person(graph, "Brahim Abdeslam")]["aliases"] = ["Brahim Abdeslam", "Abdeslam"]
    graph.vs[resolve_person(graph, "Salah Abdeslam")]["aliases"] = ["Salah Abdeslam", "Abdeslam"]
    with pytest.raises(AmbiguousName) as ambiguous:
        resolve_person(graph, "abdeslam")
    assert "\n" not in str(ambiguous.value) and "Salah Abdeslam" in str(ambiguous.value)
    with pytest.raises(UnknownName, match="no one called 'Nobody'"):
        resolve_person(graph, "Nobody")


def test_tie_between_orients_from_the_first_person():
    graph = build_graph(network([rel("a", "b")]))
    t = tie_between(graph, resolve_person(graph, "B"), resolve_person(graph, "A"))
    assert t is not None and (t.source.name, t.target.name) == ("B", "A")
    assert tie_between(graph, 0, 0) is None


def test_empty_network_builds_an_empty_graph():
    graph = build_graph(network([]))
    assert graph.vcount() == 0 and graph.ecount() == 0
    with pytest.raises(UnknownName):
        resolve_person(graph, "anyone")


@pytest.mark.parametrize(
    ("raw", "normal"),
    [("2014", "2014"), ("2014-03", "2014-03"), ("2014-03-22T10:00Z", "2014-03-22"), ("2014-13", "2014"), ("", None)],
)
def test_parse_date(raw, normal):
    assert parse_date(raw) == normal


def test_partial_dates_order_and_compare():
    assert sorted(["2014-01-05", "2014", "2013-12", "2014-01"], key=date_key) == [
        "2013-12",
        "2014",
        "2014-01",
        "2014-01-05",
    ]
    assert on_or_before("2014", "2014-03") and on_or_before("2014-03-31", "2014-03")
    assert not on_or_before("2014-05", "2014-03") and not on_or_before("2015", "2014-12-31")
    assert earliest([None, "2015", "2014-06", "junk"]) == "2014-06"
    assert year_of("2014-06-01") == 2014 and year_of(None) is None
