"""Time: timelines from stated and reported dates, the network as of a date, growth per year."""

from __future__ import annotations

import pytest
from analyse_helpers import document, network, org, person, rel

from linkchart.analyse import build_graph, growth, network_as_of
from linkchart.analyse.textdates import REPORTED, STATED, UNDATED
from linkchart.analyse.timeline import timeline
from linkchart.model import FAMILY, MEMBER_OF


@pytest.fixture
def dated():
    ties = [
        rel("a", "b", date="2013", doc="d1"),
        rel("b", "c", FAMILY, doc="d2"),  # undated, reported 2014-06-01
        rel("c", "d", date="2015-03", doc="d1"),
        rel("d", "e", doc="d3"),  # undated, and so is its report
        rel("x", "y", date="2014", doc="d1"),
        rel("a", "group", MEMBER_OF, date="2014-02", doc="d1", text="A joined the group in February 2014."),
    ]
    docs = [document("d1", "2012-05"), document("d2", "2014-06-01"), document("d3")]
    return network(ties, entities=[person("A", documents=["d1", "d2"]), org("Group")], documents=docs)


def describe(events):
    return [(e.date, e.basis, e.kind, e.subject.name, e.other.name if e.other else None) for e in events]


def test_network_timeline_is_ordered_with_undated_last(dated):
    events = timeline(build_graph(dated))
    assert describe(events) == [
        ("2013", STATED, "tie", "A", "B"),
        ("2014", STATED, "tie", "X", "Y"),
        ("2014-02", STATED, "affiliation", "A", "Group"),
        ("2014-06-01", REPORTED, "tie", "B", "C"),
        ("2015-03", STATED, "tie", "C", "D"),
        (None, UNDATED, "tie", "D", "E"),
    ]
    assert events[2].evidence[0].text == "A joined the group in February 2014."
    assert len(timeline(build_graph(dated), include_undated=False)) == 5


def test_person_timeline_includes_the_reports_naming_them(dated):
    events = timeline(build_graph(dated), "a")
    assert describe(events) == [
        ("2012-05", REPORTED, "mention", "A", None),
        ("2013", STATED, "tie", "A", "B"),
        ("2014-02", STATED, "affiliation", "A", "Group"),
        ("2014-06-01", REPORTED, "mention", "A", None),
    ]
    assert events[0].documents == ["d1"]
    assert [e.kind for e in timeline(build_graph(dated), "A", include_mentions=False)] == ["tie", "affiliation"]


def test_report_dates_can_be_ignored(dated):
    events = timeline(build_graph(dated), "b", use_document_dates=False)
    assert [(e.date, e.basis) for e in events] == [("2013", STATED), (None, UNDATED)]


def test_network_as_of_a_date(dated):
    assert build_graph(dated).ecount() == 5
    by_2014 = network_as_of(dated, "2014")
    assert sorted(tuple(sorted(by_2014.vs[v]["name"] for v in e.tuple)) for e in by_2014.es) == [("A", "B"), ("X", "Y")]
    assert network_as_of(dated, "2014", document_dates=True).ecount() == 3
    assert network_as_of(dated, "2012").ecount() == 0
    affiliations = network_as_of(dated, "2014-01").vs.find(id="a")["affiliations"]
    assert affiliations == []  # joined in February


def test_growth_per_year(dated):
    result = growth(build_graph(dated))
    assert [(p.year, p.people, p.new_people, p.ties, p.new_ties, p.components, p.largest_component) for p in result.points] == [
        (2013, 2, 2, 1, 1, 1, 2),
        (2014, 5, 3, 3, 2, 2, 3),
        (2015, 6, 1, 4, 1, 2, 4),
    ]
    assert result.undated_ties == 1
    without_reports = growth(build_graph(dated), use_document_dates=False)
    assert without_reports.undated_ties == 2 and without_reports.points[-1].ties == 3


def test_growth_of_an_undated_network_is_empty():
    result = growth(build_graph(network([("a", "b")])))
    assert result.points == [] and result.undated_ties == 1


def test_reported_travel_and_attacks_join_the_timeline() -> None:
    from linkchart.analyse.graph import build_graph
    from linkchart.analyse.timeline import timeline
    from linkchart.model import Document, Entity, Event, Evidence, Network

    doc = Document("d1", "d1.txt", "t", "Karim Haddad travelled to Syria in 2014.", "h", "2016-03-01")
    karim = Entity("per-karim", "person", "Karim Haddad", [], documents=["d1"])
    trip = Event("evt-1", "travel", "travel to Syria", ["per-karim"],
                 [Evidence("d1", doc.text, 0, len(doc.text))], "Syria", "2014")
    graph = build_graph(Network([karim], [], [doc], [trip]))
    rows = [r for r in timeline(graph, "Karim Haddad") if r.label == "travel to Syria"]
    assert len(rows) == 1 and rows[0].date == "2014" and rows[0].type == "travel"
