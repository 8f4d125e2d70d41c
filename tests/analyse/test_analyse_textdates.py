"""Dates read from the reporting's words: absolute, relative to the narrative, relative to the report.

Every expected date below was worked out by hand from a calendar.
"""

from __future__ import annotations

import pytest
from analyse_helpers import document, network, person, rel

from linkchart.analyse import build_graph, find_dates, network_as_of, timeline
from linkchart.analyse.dates import shift, truncate, weekday_on_or_before
from linkchart.analyse.textdates import FROM_DOCUMENT, FROM_TEXT, RELATIVE, REPORTED, STATED, Dating
from linkchart.model import Document, Evidence, Relation


def dates(text, document_date=None):
    return [(m.text, m.date) for m in find_dates(text, document_date)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The attacks on 13 November 2015 killed 130.", [("13 November 2015", "2015-11-13")]),
        ("He was in Paris on November 13, 2015.", [("November 13, 2015", "2015-11-13")]),
        ("He was in Paris on Nov. 13, 2015.", [("Nov. 13, 2015", "2015-11-13")]),
        ("They met in March 2015 in Molenbeek.", [("March 2015", "2015-03")]),
        ("He travelled to Syria in 2014.", [("2014", "2014")]),
        ("In July 2015, he had been convicted.", [("July 2015", "2015-07")]),
        ("He joined ISIS in early 2013.", [("2013", "2013")]),
        ("The record says 2015-11-13T21:20 for the first shot.", [("2015-11-13", "2015-11-13")]),
        ("They traveled to Syria in 2013 and 2014, respectively.", [("2013", "2013"), ("2014", "2014")]),
        ("Members were linked to the 2015 Verviers plot.", [("2015", "2015")]),
    ],
)
def test_absolute_dates(text, expected):
    assert dates(text) == expected
    assert all(m.kind == STATED and m.anchor is None for m in find_dates(text))


@pytest.mark.parametrize(
    "text",
    [
        "Some 2000 fighters left for Syria.",  # a count, not a year
        "He fought in Afghanistan in the 1990s.",  # a decade is not a partial ISO date
        "He was jailed for nine years after a robbery.",  # a duration, not 'nine years after <then>'
        "He was sentenced to 20 years.",
        "Jan Jambon, the interior minister, spoke.",  # a first name, not January
        "The march on Brussels drew thousands.",
    ],
)
def test_things_that_are_not_dates(text):
    assert find_dates(text, "2016-03-22") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Counted from the last date the text gave.
        ("The attacks on 13 November 2015 shocked Paris. Two weeks later, Abdeslam was seen.", "2015-11-27"),
        ("In 2012, Zerkani met Bouyabarem. The following year, Bouyabarem left for Somalia.", "2013"),
        ("The bombs went off on 22 March 2016. Three days before, they rented a flat.", "2016-03-19"),
        ("In July 2015 he was convicted. The next month he was in Syria.", "2015-08"),
        ("He was freed on 31 January 2015. A month later he left.", "2015-02"),
        ("They met on 30 December 2015. Three days later they left.", "2016-01-02"),
        ("He arrived on 28 February 2016. The day after, he rented a car.", "2016-02-29"),
        ("The attacks on 13 November 2015 shocked Paris. A year later the trial began.", "2016"),
        ("He was arrested in 2014. Later that year he was released.", "2014"),
        ("The attacks on 13 November 2015 shocked Paris. On the night of November 13 he called.", "2015-11-13"),
    ],
)
def test_narrative_expressions_count_from_the_previous_date(text, expected):
    found = find_dates(text, "2016-03-22")
    assert found[-1].date == expected
    assert found[-1].kind == RELATIVE and found[-1].anchored_to == FROM_TEXT
    assert found[-1].anchor == found[-2].date


def test_relative_dates_chain_and_record_their_anchor():
    text = "The attacks on 13 November 2015 shocked Paris. Two weeks later he was seen. The next day he fled."
    found = find_dates(text)
    assert [(m.text, m.date, m.anchor) for m in found] == [
        ("13 November 2015", "2015-11-13", None),
        ("Two weeks later", "2015-11-27", "2015-11-13"),
        ("The next day", "2015-11-28", "2015-11-27"),
    ]


def test_a_shift_finer_than_its_anchor_is_left_undated():
    # "Two weeks later" than some day in 2014 could be in 2014 or 2015; the next month after "2014" likewise.
    assert dates("He left in 2014. Two weeks later he called. The next month he wrote.") == [("2014", "2014")]


def test_narrative_expressions_without_a_previous_date_count_from_the_report():
    found = find_dates("Two weeks later, Abdeslam was seen in Brussels.", "2016-03-22")
    assert [(m.date, m.anchor, m.anchored_to) for m in found] == [("2016-04-05", "2016-03-22", FROM_DOCUMENT)]
    assert find_dates("Two weeks later, Abdeslam was seen.") == []  # no report date either


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Until last year, ISIS was focused on Iraq.", "2015"),
        ("Two months ago he was seen in Molenbeek.", "2016-01"),
        ("Before the attacks last November in Paris, nothing.", "2015-11"),
        ("He was arrested in November.", "2015-11"),  # no year: the last November up to the report
        ("He was arrested in March.", "2016-03"),
        ("the triple bombing Tuesday in Brussels", "2016-03-22"),  # 22 March 2016 was a Tuesday
        ("He was questioned last Tuesday.", "2016-03-15"),
        ("He was arrested yesterday.", "2016-03-21"),
        ("The trial opens next year.", "2017"),
        ("Earlier this month he was charged.", "2016-03"),
    ],
)
def test_deictic_expressions_count_from_the_report_date(text, expected):
    found = find_dates(text, "2016-03-22")
    assert [m.date for m in found] == [expected]
    assert found[0].anchored_to == FROM_DOCUMENT and found[0].anchor == "2016-03-22"


def test_deictic_expressions_ignore_the_narrative():
    # 'last year' is the year before the report, not the year before 2010.
    assert dates("In 2010 he was jailed. Until last year he stayed in Belgium.", "2016-03-22") == [
        ("2010", "2010"),
        ("last year", "2015"),
    ]
    assert dates("Until last year he stayed in Belgium.") == []  # no report date


def test_date_arithmetic_keeps_only_the_precision_it_has():
    assert shift("2015-11-13", "week", 2) == "2015-11-27"
    assert shift("2015-11", "month", 3) == "2016-02"
    assert shift("2015-11-13", "year", -1) == "2014"
    assert shift("2015", "month", 1) is None and shift("2015-11", "day", 1) is None
    assert truncate("2015-11-13", "month") == "2015-11" and truncate("2015", "day") is None
    assert weekday_on_or_before("2016-03-22", 1) == "2016-03-22"  # Tuesday
    assert weekday_on_or_before("2016-03-22", 1, strictly=True) == "2016-03-15"
    assert weekday_on_or_before("2016-03-22", 4) == "2016-03-18"  # the Friday before


TEXT = (
    "In 2012, Zerkani had several meetings in Molenbeek with Youssef Bouyabarem. "
    "The following year, Bouyabarem attempted to travel to Somalia with his brother."
)


def evidence_of(sentence, doc="d1", text=TEXT):
    start = text.index(sentence)
    return Evidence(doc, sentence, start, start + len(sentence))


def test_a_sentence_is_read_with_what_came_before_it_in_its_document():
    second = "The following year, Bouyabarem attempted to travel to Somalia with his brother."
    dating = Dating({"d1": Document("d1", "d1.txt", "Report", TEXT, "h", "2016-03-22")})
    dated = dating.date_of([evidence_of(second)])
    assert (dated.date, dated.basis) == ("2013", RELATIVE)
    assert dated.mention is not None and dated.mention.text == "The following year" and dated.mention.anchor == "2012"
    # The same sentence whose offsets do not match the document is read alone, against the report date.
    alone = dating.date_of([Evidence("d1", second, 0, len(second))])
    assert (alone.date, alone.basis) == ("2017", RELATIVE)


def test_a_dateless_tie_falls_back_to_the_extracted_date_then_to_its_report():
    dating = Dating({"d1": Document("d1", "d1.txt", "Report", "They were brothers.", "h", "2016-03-22")})
    sentence = [Evidence("d1", "They were brothers.", 0, 19)]
    assert dating.date_of(sentence, "2011").date == "2011"
    assert dating.date_of(sentence).basis == "undated"
    reported = dating.date_of(sentence, use_documents=True)
    assert (reported.date, reported.basis) == ("2016-03-22", REPORTED)


def seed_like_network():
    first = "In 2012, Zerkani had several meetings in Molenbeek with Youssef Bouyabarem."
    second = "The following year, Bouyabarem attempted to travel to Somalia with his brother."
    doc = Document("d1", "d1.txt", "European terror networks", TEXT, "h", "2016-03-22")
    ties = [
        Relation("khalid-zerkani", "youssef-bouyabarem", "communicated_with", [evidence_of(first)], id="r1"),
        Relation("youssef-bouyabarem", "ali-bouyabarem", "family", [evidence_of(second)], id="r2"),
    ]
    people = [person("Khalid Zerkani", "Zerkani"), person("Youssef Bouyabarem", "Bouyabarem"), person("Ali Bouyabarem")]
    for p in people:
        p.documents = ["d1"]
    return network(ties, entities=people, documents=[doc])


def test_ties_are_dated_from_their_sentences_in_the_graph_the_timeline_and_as_of():
    net = seed_like_network()
    graph = build_graph(net)
    assert sorted(graph.es["date"]) == ["2012", "2013"]
    events = timeline(graph, include_mentions=False)
    assert [(e.date, e.basis, e.type, e.expression, e.anchor) for e in events] == [
        ("2012", STATED, "communicated_with", "2012", None),
        ("2013", RELATIVE, "family", "The following year", "2012"),
    ]
    assert network_as_of(net, "2012").ecount() == 1
    assert network_as_of(net, "2013").ecount() == 2


def test_a_person_timeline_lists_dated_sentences_naming_them():
    text = (
        "Abaaoud ran the attacks in Paris on November 13, 2015. "
        "Abdeslam fled to Brussels the next day. "
        "In 2010 Abaaoud and Salah Abdeslam were arrested together."
    )
    doc = Document("d1", "d1.txt", "Report", text, "h", "2016-03-29")
    sentence = "In 2010 Abaaoud and Salah Abdeslam were arrested together."
    tie = rel("abdelhamid-abaaoud", "salah-abdeslam", doc="d1", text=sentence)
    tie.evidence = [evidence_of(sentence, text=text)]
    people = [
        person("Abdelhamid Abaaoud", "Abaaoud", documents=["d1"]),
        person("Salah Abdeslam", "Abdeslam", documents=["d1"]),
        person("Brahim Abdeslam", "Abdeslam", documents=["d1"]),
    ]
    graph = build_graph(network([tie], entities=people, documents=[doc]))
    abaaoud = [(e.date, e.kind) for e in timeline(graph, "Abdelhamid Abaaoud", include_mentions=False)]
    # The 2010 sentence states a tie, so it is listed once, as the tie.
    assert abaaoud == [("2010", "tie"), ("2015-11-13", "event")]
    # "Abdeslam" is both brothers' name, so the sentence about one of them is in neither timeline;
    # the 2010 sentence names Salah Abdeslam in full and is his tie too.
    assert [(e.date, e.kind) for e in timeline(graph, "Salah Abdeslam", include_mentions=False)] == [("2010", "tie")]
    assert timeline(graph, "Brahim Abdeslam", include_mentions=False) == []
    event = timeline(graph, "Abdelhamid Abaaoud", include_mentions=False)[1]
    assert event.evidence[0].text == "Abaaoud ran the attacks in Paris on November 13, 2015."
    assert text[event.evidence[0].start : event.evidence[0].end] == event.evidence[0].text


def test_documents_without_text_still_get_report_dates():
    graph = build_graph(network([rel("a", "b", doc="d1")], documents=[document("d1", "2014-06-01")]))
    assert [(e.date, e.basis) for e in timeline(graph, include_mentions=False)] == [("2014-06-01", REPORTED)]
