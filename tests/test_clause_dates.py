"""Ties and events take their date from the clause that states them (issue 14, point 1).

Every sentence here was written for these tests.
"""

from __future__ import annotations

import pytest

from linkchart.model import BORN, DIED, Document


def extract(extractor, text: str, date: str = "2016-03-29"):
    out = extractor.extract(Document("t", "t.txt", "Test", text, "t", date))
    names = {e.local_id: e.name for e in out.entities}
    ties = {(names[r.source], r.type, names[r.target]): r for r in out.relations}
    events = [(e.type, [names[p] for p in e.participants], e.date) for e in out.events]
    return ties, events, out


def test_a_birth_date_is_the_persons_not_the_ties(extractor):
    ties, events, _ = extract(extractor, "Mira Koval, born 2 May 1982, joined the Harbour Brigade in 2013. "
                                         "Her brother Anton Koval was born in 1979.")
    joined = ties[("Mira Koval", "member_of", "Harbour Brigade")]
    assert joined.date == "2013" and joined.date_source is not None and joined.date_source.words == "2013"
    assert ties[("Mira Koval", "family", "Anton Koval")].date is None  # 1979 is his birth year
    assert (BORN, ["Mira Koval"], "1982-05-02") in events and (BORN, ["Anton Koval"], "1979") in events


def test_another_clauses_year_does_not_date_an_event(extractor):
    _, events, _ = extract(extractor, "Dario Fenn, who was jailed in 2009 for a burglary, blew himself up at the "
                                      "central station in Lyon.")
    attacks = [e for e in events if e[0] == "attack"]
    assert attacks and all(date is None for _, _, date in attacks)


def test_a_relative_date_says_what_it_counted_from(extractor):
    ties, _, _ = extract(extractor, "In 2011, Lena Vos moved to Antwerp. Two years later, Karim Dahl recruited "
                                    "his neighbour Omar Sayed into the cell.")
    recruited = ties[("Omar Sayed", "recruited_by", "Karim Dahl")]
    assert recruited.date == "2013"
    assert recruited.date_source is not None
    assert (recruited.date_source.basis, recruited.date_source.anchor) == ("relative", "2011")


def test_a_death_date_is_a_life_event(extractor):
    ties, events, _ = extract(extractor, "Omar Sayed and Tariq Nour shared a flat in Ghent in March 2014. "
                                         "Nour died in 2015 in Raqqa.")
    assert ties[("Omar Sayed", "co_resided", "Tariq Nour")].date == "2014-03"
    assert (DIED, ["Tariq Nour"], "2015") in events


@pytest.mark.parametrize("text", [
    "Ivo Stech recruited Pavel Orlik for the cell two weeks later.",
    "Ivo Stech will recruit Pavel Orlik for the cell in 2017.",
])
def test_no_tie_is_dated_after_its_report(extractor, text):
    ties, _, _ = extract(extractor, text, "2016-03-29")
    assert ties and all(r.date is None or r.date <= "2016-03-29" for r in ties.values())


def test_roles_stated_by_apposition_and_recruitment_stated_of_a_network(extractor):
    ties, events, _ = extract(extractor, "Lena Vos and Omar Sayed belonged to a Dutch network led by Karim Dahl, "
                                         "a recruiter and street preacher based in Tilburg.")
    assert ("role", ["Karim Dahl"], None) in events
    assert ties[("Lena Vos", "recruited_by", "Karim Dahl")].subtype == "network"
    assert ("Omar Sayed", "recruited_by", "Karim Dahl") in ties


def test_a_role_stated_by_copula_and_a_denied_role(extractor):
    _, events, out = extract(extractor, "The chief recruiter in the district was Karim Dahl, a builder. "
                                        "Omar Sayed was not a recruiter.")
    roles = [(e.label, e.participants) for e in out.events if e.type == "role"]
    names = {e.local_id: e.name for e in out.entities}
    assert [(label, [names[p] for p in people]) for label, people in roles] == [("recruiter", ["Karim Dahl"])]


def test_a_lifespan_after_a_name_is_the_persons_not_the_ties(extractor):
    ties, events, _ = extract(extractor, "Ilse Marek (4 June 1951 – 2 May 1999) was a leader of the Harbour Brigade "
                                         "from 1977.")
    led = [r for (a, kind, b), r in ties.items() if a == "Ilse Marek" and kind in {"leader_of", "member_of"}]
    assert led and all(r.date in (None, "1977") for r in led)
    assert (BORN, ["Ilse Marek"], "1951-06-04") in events and (DIED, ["Ilse Marek"], "1999-05-02") in events


def test_kinship_has_no_date_but_a_marriage_does(extractor):
    ties, _, _ = extract(extractor, "Tom Marek, the brother of Ilse Marek, was shot dead on 3 March 1990.")
    assert ties[("Tom Marek", "family", "Ilse Marek")].date is None  # the date of his death, not of kinship

    from linkchart.extract.clausedates import ClauseDater
    from linkchart.extract.document import ParsedDocument

    text = "In 1994, Karl Brandt married Ilse Marek in Ghent."
    parsed = ParsedDocument.build("m", [extractor.nlp(text)], [0], [[]])
    dater = ClauseDater(Document("m", "m.txt", "T", text, "m", "2016-03-29"), parsed, {})
    [(_, sentence)] = parsed.sentences
    people = [t for t in sentence if t.text in {"Brandt", "Marek"}]
    assert dater.date_of(0, sentence, people, "family")[0] == "1994"
    assert dater.date_of(0, sentence, people, "associate")[0] == "1994"
