"""Dates read from the reporting's words: absolute, relative to the narrative, relative to the report.

Every expected date below was worked out by hand from a calendar.
"""

from __future__ import annotations

import json

import pytest
from analyse_helpers import document, network, person, rel

from linkchart.analyse import build_graph, find_dates, network_as_of, timeline
from linkchart.analyse.textdates import FROM_DOCUMENT, FROM_TEXT, RELATIVE, REPORTED, STATED, Dating
from linkchart.dates.calendar import shift, truncate, weekday_on_or_before
from linkchart.export.formats import to_json
from linkchart.model import DateSource, Document, Evidence, Relation


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
        ("The raid on 13 November 2015 shook the town. Two weeks later, Roe was seen.", "2015-11-27"),
        ("In 2012, Karim Haddad met Samir Ouali. The following year, Ouali left for Yemen.", "2013"),
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
    found = find_dates("Two weeks earlier, Tarrow was seen near the harbour.", "2016-03-22")
    assert [(m.date, m.anchor, m.anchored_to) for m in found] == [("2016-03-08", "2016-03-22", FROM_DOCUMENT)]
    assert find_dates("Two weeks earlier, Tarrow was seen.") == []  # no report date either


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks later, Tarrow was seen near the harbour.",  # two weeks after the report
        "The hearing opens next year.",
        "The following month the court will rule.",
    ],
)
def test_a_relative_date_never_lands_after_the_report(text):
    assert find_dates(text, "2016-03-22") == []


def test_a_month_without_a_year_after_the_report_is_last_year():
    # The text says 2016 first, but "in September" of a report written on 29 March 2016 is past.
    found = find_dates("The depot opened in 2016. Odell was stopped in September at a toll gate.", "2016-03-29")
    assert [(m.text, m.date, m.anchored_to) for m in found] == [
        ("2016", "2016", None),
        ("in September", "2015-09", FROM_DOCUMENT),
    ]


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
        ("The trial opened last week.", "2016-03-15"),
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
    "In 2009, Varga held talks in Ostend with the trader Piet Odell. "
    "The following year, Odell tried to sail to Tangier with his cousin."
)


def evidence_of(sentence, doc="d1", text=TEXT):
    start = text.index(sentence)
    return Evidence(doc, sentence, start, start + len(sentence))


def test_the_dates_inside_a_sentence_are_read_with_what_came_before_it():
    second = "The following year, Odell tried to sail to Tangier with his cousin."
    dating = Dating({"d1": Document("d1", "d1.txt", "Report", TEXT, "h", "2016-03-22")})
    start = TEXT.index(second)
    [mention] = dating.within("d1", start, start + len(second))
    assert (mention.date, mention.kind, mention.text, mention.anchor) == ("2010", RELATIVE, "The following year", "2009")


def test_a_tie_takes_the_date_extraction_read_in_its_clause_and_says_where_it_came_from():
    dating = Dating({"d1": Document("d1", "d1.txt", "Report", "They were cousins.", "h", "2016-03-22")})
    sentence = [Evidence("d1", "They were cousins.", 0, 18)]
    stated = dating.date_of("2011", DateSource(STATED, "in 2011"), sentence)
    assert (stated.date, stated.basis, stated.describe()) == ("2011", STATED, 'stated: "in 2011"')
    counted = dating.date_of("2012", DateSource(RELATIVE, "a year later", "2011", FROM_TEXT), sentence)
    assert counted.describe() == 'relative: "a year later", counted from 2011 (a date earlier in the text)'
    assert dating.date_of(None, None, sentence).basis == "undated"
    reported = dating.date_of(None, None, sentence, use_documents=True)
    assert (reported.date, reported.basis) == ("2016-03-22", REPORTED)
    assert reported.describe() == "report date (no date in the sentence)"


def odell_network():
    first = "In 2009, Varga held talks in Ostend with the trader Piet Odell."
    second = "The following year, Odell tried to sail to Tangier with his cousin."
    doc = Document("d1", "d1.txt", "Harbour report", TEXT, "h", "2016-03-22")
    ties = [
        Relation("mark-varga", "piet-odell", "communicated_with", [evidence_of(first)], id="r1",
                 date="2009", date_source=DateSource(STATED, "In 2009")),
        Relation("piet-odell", "jan-odell", "family", [evidence_of(second)], id="r2",
                 date="2010", date_source=DateSource(RELATIVE, "The following year", "2009", FROM_TEXT)),
    ]
    people = [person("Mark Varga", "Varga"), person("Piet Odell", "Odell"), person("Jan Odell")]
    for p in people:
        p.documents = ["d1"]
    return network(ties, entities=people, documents=[doc])


def test_graph_timeline_as_of_and_export_show_the_same_date():
    net = odell_network()
    graph = build_graph(net)
    assert sorted(graph.es["date"]) == ["2009", "2010"]
    events = timeline(graph, include_mentions=False, include_events=False)
    assert [(e.date, e.basis, e.type, e.expression, e.anchor) for e in events] == [
        ("2009", STATED, "communicated_with", "In 2009", None),
        ("2010", RELATIVE, "family", "The following year", "2009"),
    ]
    assert events[1].date_from == 'relative: "The following year", counted from 2009 (a date earlier in the text)'
    exported = {r["id"]: r for r in json.loads(to_json(net))["relations"]}
    assert [(exported[e.relation_id]["date"], exported[e.relation_id]["date_from"]) for e in events] == [
        (e.date, e.date_from) for e in events
    ]
    assert network_as_of(net, "2009").ecount() == 1
    assert network_as_of(net, "2010").ecount() == 2


def test_a_date_in_a_sentence_is_not_a_tie_date_unless_extraction_read_it_in_the_clause():
    text = "Ilse Marek, born 4 June 1981, was the sister of Tom Marek."
    doc = Document("d1", "d1.txt", "Report", text, "h", "2016-03-22")
    tie = Relation("ilse-marek", "tom-marek", "family", [Evidence("d1", text, 0, len(text))], id="r1")
    graph = build_graph(network([tie], documents=[doc]))
    assert graph.es["date"] == [None]
    [row] = timeline(graph, include_mentions=False, include_events=False)
    assert (row.date, row.basis) == ("2016-03-22", REPORTED)


def test_a_person_timeline_lists_dated_sentences_naming_them():
    text = (
        "Varga ran the depot in Ostend on May 3, 2014. "
        "Odell fled to Ghent the next day. "
        "In 2011 Varga and Piet Odell were detained together."
    )
    doc = Document("d1", "d1.txt", "Report", text, "h", "2016-03-29")
    sentence = "In 2011 Varga and Piet Odell were detained together."
    tie = rel("mark-varga", "piet-odell", doc="d1", text=sentence, date="2011")
    tie.evidence = [evidence_of(sentence, text=text)]
    people = [
        person("Mark Varga", "Varga", documents=["d1"]),
        person("Piet Odell", "Odell", documents=["d1"]),
        person("Jan Odell", "Odell", documents=["d1"]),
    ]
    graph = build_graph(network([tie], entities=people, documents=[doc]))
    varga = [(e.date, e.kind) for e in timeline(graph, "Mark Varga", include_mentions=False)]
    # The 2011 sentence states a tie, so it is listed once, as the tie.
    assert varga == [("2011", "tie"), ("2014-05-03", "event")]
    # "Odell" is both men's name, so the sentence about one of them is in neither timeline;
    # the 2011 sentence names Piet Odell in full and is his tie too.
    assert [(e.date, e.kind) for e in timeline(graph, "Piet Odell", include_mentions=False)] == [("2011", "tie")]
    assert timeline(graph, "Jan Odell", include_mentions=False) == []
    event = timeline(graph, "Mark Varga", include_mentions=False)[1]
    assert event.evidence[0].text == "Varga ran the depot in Ostend on May 3, 2014."
    assert text[event.evidence[0].start : event.evidence[0].end] == event.evidence[0].text


def test_documents_without_text_still_get_report_dates():
    graph = build_graph(network([rel("a", "b", doc="d1")], documents=[document("d1", "2014-06-01")]))
    assert [(e.date, e.basis) for e in timeline(graph, include_mentions=False)] == [("2014-06-01", REPORTED)]


def test_a_report_dates_itself_by_the_first_full_date_of_its_header():
    from linkchart.dates import first_full_date

    assert first_full_date("Harbour Notes\nBy a reporter, March 29, 2016\nIn 2014 the quay closed.") == "2016-03-29"
    assert first_full_date("Harbour Notes\nUpdated 29 March 2016, 10:04") == "2016-03-29"
    assert first_full_date("Harbour Notes\nIn 2014 the quay closed in May.") is None  # no day: no report date
