"""Names as real reporting prints them: offices before names, generation suffixes, layout debris."""

from __future__ import annotations

from test_extract import _extract

from linkchart.model import PERSON


def _people(result) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in result.entities if e.type == "person"}


def test_an_office_before_a_name_is_not_part_of_it(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "State Deputy Interior Minister Karla Vennhof said the cell was dismantled. "
                                 "U.S. District Court Chief Judge Oren T. Walbeck sentenced Dario Fenk to ten years.\n")
    people = _people(result)
    assert "Karla Vennhof" in people and "Oren T. Walbeck" in people
    assert not any("Minister" in p or "Judge" in p for p in people)


def test_an_office_alone_is_no_person(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The Attorney General announced the charges against Dario Fenk.\n")
    assert "Attorney General" not in _people(result)


def test_a_son_with_his_fathers_name_stays_apart_from_him(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Arlen James Prowse, Jr. and his father Arlen James Prowse were arrested in Ohio. "
                                 "Prowse had trained the group.\n")
    people = _people(result)
    assert "Arlen James Prowse, Jr." in people and "Arlen James Prowse" in people


def test_coordinated_given_names_with_one_surname_are_two_people(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Police arrested Tobias and Greta Vollmer in Kassel. Tobias Brandt was not charged.\n")
    people = _people(result)
    assert {"Tobias Vollmer", "Greta Vollmer", "Tobias Brandt"} <= people
    greta = next(e for e in result.entities if e.name == "Greta Vollmer")
    assert "Greta" in greta.names  # named by her given name alone too, as 'Tobias' is


def test_the_titled_form_is_kept_as_a_name_the_person_is_cited_by(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Captain Ralf Oster led the raid on the farm near Kassel.\n")
    entity = next(e for e in result.entities if e.name == "Ralf Oster")
    assert "Captain Ralf Oster" in entity.names


def test_a_group_named_with_a_date_and_its_numbered_acronym(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Revolutionary Cell 12 March, also known as 12N, bombed two banks in Lyon.\n")
    groups = [e for e in result.entities if e.type == "organization"]
    assert any({"Revolutionary Cell 12 March", "12N"} <= e.names for e in groups)


def test_a_fact_box_label_glued_to_its_value_is_split_off(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Dario Fenk\nRelativesMarta Fenk (sister)\nBornLinz, Austria\n"
                                 "Dario Fenk is an Austrian militant.\n")
    names = {n for e in result.entities for n in e.names}
    assert "Marta Fenk" in names and not any(n.startswith("Relatives") or n.startswith("Born") for n in names)


def test_a_law_report_citation_and_a_party_label_are_no_names(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "See United States v. Korr, 512 F. Supp. 2d 88 (2009), brought by Agent Lisa Marr - FBI.\n")
    names = {n for e in result.entities for n in e.names}
    assert not any("Supp" in n for n in names)
    assert "Lisa Marr" in names and not any("- FBI" in n for n in names)


def test_a_person_cited_with_a_judges_or_ministers_office_is_an_official(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Judge Irma Kessel sentenced Dario Fenk and Tomas Veder, members of the Harbour Cell, "
                                 "to ten years. Fenk and Veder had shared a flat in Linz.\n")
    roles = {e.name: e.role for e in result.entities}
    assert roles["Irma Kessel"] == "commentator"
    assert roles["Dario Fenk"] == "actor"


def test_a_month_after_named_is_a_given_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "In 1990 Karim Sabri married a Canadian named June, and they moved to Ohio.\n")
    assert "June" in {e.name for e in result.entities if e.type == PERSON}


def test_two_full_names_joined_by_an_ampersand_are_two_people(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The preacher Karim Sabri was a close associate of both Yusuf Kanaan & Tariq Obeid, "
                                 "who ran the bookshop.\n")
    names = {n for e in result.entities for n in e.names}
    assert {"Yusuf Kanaan", "Tariq Obeid"} <= names


def test_partners_joined_by_an_ampersand_are_a_firm(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Sabri was represented by Hollis & Marne and later by Avery Brandt & Colt LLP.\n")
    assert not {"Hollis", "Marne", "Avery Brandt", "Colt"} & {e.name for e in result.entities if e.type == PERSON}


def test_a_judge_signing_an_opinion_in_capitals_is_a_person_and_an_official(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "DECISION AND ORDER\n\nHALVORSEN, District Judge.\n\nThe defendant Karim Sabri asks to be "
                                 "released on bail pending trial.\n")
    judge = next(e for e in result.entities if e.name == "HALVORSEN")
    assert judge.type == PERSON and judge.role != "actor"


def test_the_name_after_an_agent_in_charge_is_the_agents(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "FBI Special Agent in Charge Wanda Pruitt announced the arrest of Karim Sabri.\n")
    people = _people(result)
    assert "Wanda Pruitt" in people and not any("Charge" in p for p in people)


def test_a_surname_written_with_a_capital_particle_is_the_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Nabil el-Masri studied in Lyon. El-Masri and his co-defendants are held "
                                 "in a prison in Colorado. El-Masri appealed twice.\n")
    karim = next(e for e in result.entities if e.name == "Karim Nabil el-Masri")
    assert karim.type == PERSON and "El-Masri" in karim.names


def test_a_place_known_as_a_name_is_no_person(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Sabri is held in the high-security prison known as Dunmoor Keep.\n")
    assert "Dunmoor Keep" not in _people(result)


def test_no_persons_name_opens_with_an_acronym(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Sabri was moved to USP Marlow in 2009, where he met Ivo Kant.\n")
    assert "USP Marlow" not in _people(result) and "Ivo Kant" in _people(result)


def test_a_surname_in_capitals_in_a_caption_stays_a_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "UNITED STATES v. Karim SABRI\n\nThe defendant Karim Sabri asks to be released on bail. "
                                 "Sabri was arrested in Lyon.\n")
    karim = next(e for e in result.entities if "Karim Sabri" in e.names)
    assert karim.type == PERSON


def test_a_name_given_in_the_name_of_keeps_its_first_word(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Abdi Warsame left Britain in 2006 on a false passport in the name of Nour Osman "
                                 "Farah and joined a militia in Somalia.\n")
    abdi = next(e for e in result.entities if "Abdi Warsame" in e.names)
    assert "Nour Osman Farah" in abdi.names


def test_a_name_with_an_age_is_a_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Police also want to speak to Abdurahman Warsame, 23, a Somali-born Briton from "
                                 "east London.\n")
    assert "Abdurahman Warsame" in _people(result)


def test_a_lone_word_after_an_arabic_article_is_a_person_only_through_a_full_name(extractor) -> None:  # type: ignore[no-untyped-def]
    longing = _extract(extractor, 'Tom Roe met Ivo Kant in prison; a guard said they "talked of nothing but al-Sahil".\n')
    assert not any("al-Sahil" in e.names for e in longing.entities)
    nisba = _extract(extractor, "Karim al-Hadi met Tom Roe in Leeds in 2010. Later al-Hadi fled to Turkey.\n")
    assert "al-Hadi" in next(e.names for e in nisba.entities if "Karim al-Hadi" in e.names)


def _votes(extractor, text: str, name: str) -> list[tuple[str, float]]:  # type: ignore[no-untyped-def]
    from linkchart.extract.names import NameSpan

    doc = extractor.nlp(text)
    start = next(t.i for t in doc if text[t.idx:].startswith(name))
    end = next(t.i for t in doc if t.idx + len(t.text) == text.index(name) + len(name)) + 1
    return extractor.typer._occurrence_votes(doc, NameSpan(start, end, name, ""))


def test_kin_of_a_name_votes_for_a_person_not_a_place(extractor) -> None:  # type: ignore[no-untyped-def]
    votes = _votes(extractor, "Police questioned the widow of Tomas Brenner on Monday.", "Tomas Brenner")
    assert ("person", 2.0) in votes and not any(label == "place" for label, _ in votes)


def test_a_name_set_off_after_a_group_noun_in_a_persons_phrase_is_no_group_by_its_slot(extractor) -> None:  # type: ignore[no-untyped-def]
    described = _votes(extractor, "A man linked to the group, Mohamed Kasar, is believed to have been in Syria.",
                       "Mohamed Kasar")
    assert ("organization", 2.0) not in described
    named = _votes(extractor, "He was the leader of the militant group Jamaat Kamara until 2004.", "Jamaat Kamara")
    assert not any(label == "person" for label, _ in named)


def test_a_capitalised_adjective_after_the_opens_a_groups_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Marta Ruini joined the Proletarian Dawn in Milan in 1970.\n")
    assert any(e.name == "Proletarian Dawn" for e in result.entities)
    people = _extract(extractor, "Police said the Belgian Salah Hamdi had fled to Turkey.\n")
    assert any(e.name == "Salah Hamdi" for e in people.entities)  # a people's adjective is no part of his name


def test_a_house_or_a_site_at_a_name_or_of_a_name_places_it(extractor) -> None:  # type: ignore[no-untyped-def]
    at_home = _votes(extractor, "He hid two priests at his home at Wexcombe for a year.", "Wexcombe")
    assert ("place", 2.0) in at_home
    manor = _votes(extractor, "He was lord of the manor of Wexcombe near the river.", "Wexcombe")
    assert ("place", 2.0) in manor


def test_an_age_in_brackets_after_a_name_is_said_of_a_person(extractor) -> None:  # type: ignore[no-untyped-def]
    votes = _votes(extractor, "Police arrested Ferhat Oguzlu (34) and his cousin in Bochum.", "Ferhat Oguzlu")
    assert ("person", 3.0) in votes
    numbered = _votes(extractor, "Fighters of the Brigade (17) crossed the river.", "Brigade")
    assert ("person", 3.0) not in numbered  # a group's word: the number is no age


def test_a_lone_subject_continued_by_he_is_a_person(extractor) -> None:  # type: ignore[no-untyped-def]
    votes = _votes(extractor, "Ferhat Oguzlu left the country in May. He was arrested in June.", "Ferhat Oguzlu")
    assert ("person", 1.5) in votes
    two = _votes(extractor, "Ferhat Oguzlu sent money to Ivo Kant in May. He was arrested in June.", "Ferhat Oguzlu")
    assert ("person", 1.5) not in two  # 'he' could be either


def test_an_acronym_the_ner_reads_as_a_name_is_a_name_token_whatever_its_tag(extractor) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from linkchart.extract.names import _is_name_token

    words = ["Roe", "pledged", "allegiance", "to", "KRL", "leader", "Tom", "Kerr", "."]
    doc = Doc(extractor.nlp.vocab, words=words, pos=["PROPN", "VERB", "NOUN", "ADP", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT"],
              ents=["O", "O", "O", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O"])
    assert _is_name_token(doc[4])  # the tagger's verb, the NER's name: an acronym
    plain = Doc(extractor.nlp.vocab, words=words, pos=["PROPN", "VERB", "NOUN", "ADP", "VERB", "NOUN", "PROPN", "PROPN", "PUNCT"])
    assert not _is_name_token(plain[4])  # no name by the NER either: a word in capitals stays a word


def test_two_full_names_the_ner_reads_as_one_firm_are_no_groups(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "He was an alleged associate of both Abu Tarek & Omar Zanati.\n")
    assert not any(e.type == "organization" for e in result.entities)
    assert {"Abu Tarek", "Omar Zanati"} <= {e.name for e in result.entities if e.type == "person"}  # a kunya's shape
    votes = _votes(extractor, "He was an alleged associate of both Abu Tarek & Omar Zanati.", "Abu Tarek")
    assert not any(label == "place" for label, _ in votes)  # an associate of someone, not of a place


def test_a_full_name_coordinated_with_a_persons_full_name_outweighs_one_ner_reading(extractor) -> None:  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc

    from linkchart.extract.names import find_names

    words = ["Kenji", "Murata", "and", "Tomonori", "Hasegawa", "drove", "to", "Kobe", "."]
    doc = Doc(extractor.nlp.vocab, words=words,
              pos=["PROPN", "PROPN", "CCONJ", "PROPN", "PROPN", "VERB", "ADP", "PROPN", "PUNCT"],
              heads=[1, 5, 1, 4, 1, 5, 5, 6, 5], deps=["compound", "nsubj", "cc", "compound", "conj", "ROOT", "prep", "pobj", "punct"],
              ents=["B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O", "B-GPE", "O"])
    typed = {n.text: n.type for n in extractor.typer.type_names([doc], [find_names(doc)])[0]}
    assert typed["Tomonori Hasegawa"] == "person"


def test_an_irish_o_without_its_apostrophe_stays_inside_the_name(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Later Seamus O Duibhir in Cork said that the unit had not authorised it.\n")
    assert any(e.name == "Seamus O Duibhir" for e in result.entities)
