"""Tie forms added for real reporting: plural kin nouns, co-defendant captions, cited authors,
the occupants of a place, prosecuted people who also carry an outsider's title, counsel headers.

Every sentence here is written for these tests."""

from __future__ import annotations

import pytest
from tie_helpers import named_pairs as _pairs
from tie_helpers import named_ties as _ties

from linkchart.model import Document


def test_brothers_named_after_a_possessed_plural_kin_noun_are_siblings(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Rashid Benali opened a garage in Tourcoing with his brothers Walid Benali and Hakim Benali.\n")
    assert any({a, b} == {"Walid Benali", "Hakim Benali"} and kind == "family" for a, kind, b in ties)


def test_parents_named_together_are_no_siblings(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Her parents, Anton Virtanen and Liisa Korhonen, ran a bakery in Tampere.\n")
    assert not any({a, b} == {"Anton Virtanen", "Liisa Korhonen"} and kind == "family" for a, kind, b in ties)


def test_a_cited_author_is_not_tied_to_the_reader(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Inspired by Marek Sokol's theory of rural insurgency, Tomas Brezina drafted a plan "
                              "for the cell.\n")
    assert frozenset(("Marek Sokol", "Tomas Brezina")) not in pairs


def test_the_occupants_of_a_seized_house_are_not_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "The gang seized a farmhouse occupied by Greta Lindqvist and Ingrid Aho.\n")
    assert frozenset(("Greta Lindqvist", "Ingrid Aho")) not in pairs


def test_someone_later_arrested_is_no_outsider_despite_a_title(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Samir Tazi, presently a research professor at a university in Lille, joined the cell in 1990.\n"
            "Prosecutors charged Karim Haddad, Samir Tazi and Nabil Dahmani with plotting to bomb a rail depot.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Karim Haddad", "Samir Tazi")) in pairs


def test_a_titled_outsider_never_prosecuted_stays_outside(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Professor Anna Berg, a research professor at a university in Lille, studied the cell.\n"
            "Prosecutors charged Karim Haddad and Nabil Dahmani, whom Anna Berg had interviewed, with plotting.\n")
    pairs = _pairs(extractor, text)
    assert not any("Anna Berg" in pair for pair in pairs)


def test_a_name_of_an_institution_with_for_is_no_counsel_header(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Members of the cell:\n"
            "- Ilse Brandt, Otto Weiss's partner, later a fellow at the Institute for Baltic Studies\n"
            "Ilse Brandt and Otto Weiss were convicted of arson in 1979.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Ilse Brandt", "Otto Weiss")) in pairs


def test_a_tie_noun_apposed_to_one_name_of_a_list_ties_only_that_name(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "- Lena Hartmann, Petra Vogt, Sabine Kohl (a friend of Dieter Lang), and Eva Roth.\n")
    assert frozenset(("Lena Hartmann", "Dieter Lang")) not in pairs
    assert frozenset(("Eva Roth", "Dieter Lang")) not in pairs


def test_a_caption_of_defendants_is_a_candidate_list_of_co_defendants(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.extract.candidates import Candidate

    found: list[Candidate] = []
    extractor.extract(Document("d1", "t.txt", "t", "Karim Haddad, Samir Tazi and Nabil Dahmani, Defendants.\n", "h"),
                      candidates_out=found)
    assert any("legal_list" in c.features for c in found if c.kind == "pp")


def test_people_someone_met_with_are_not_said_to_have_met_each_other(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Karim Haddad often met with Samir Tazi, Nabil Dahmani and Omar Tahri in Lille.\n")
    assert frozenset(("Karim Haddad", "Samir Tazi")) in pairs
    assert frozenset(("Samir Tazi", "Nabil Dahmani")) not in pairs


def test_a_fact_box_row_of_leaders_ties_no_two_of_them(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Leaders | Tomasz Wrobel, Marek Zielinski |\n")
    assert frozenset(("Tomasz Wrobel", "Marek Zielinski")) not in pairs


def test_a_roll_of_members_after_a_colon_or_a_copula_ties_no_two_of_them(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The four known members of the cell were Tomasz Wrobel, Marek Zielinski, Pawel Nowak and Adam Lis.\n"
            "Investigators named the leading members of the cell today: Jan Kowal, Piotr Maj, Ewa Sowa and Olga Kruk.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Tomasz Wrobel", "Marek Zielinski")) not in pairs
    assert frozenset(("Piotr Maj", "Ewa Sowa")) not in pairs


def test_together_with_ties_the_companions_who_act_with_the_subject(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Together with Samir Tazi and Nabil Dahmani, Karim Haddad set up a weapons cache "
                              "in a garage near Lille.\n")
    assert frozenset(("Karim Haddad", "Samir Tazi")) in pairs


def test_a_dated_bullet_line_with_its_own_verb_is_a_sentence(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "-   12 MARCH - Samir Tazi and Nabil Dahmani drive to Ghent and rent a flat together.\n")
    assert frozenset(("Samir Tazi", "Nabil Dahmani")) in pairs


def test_an_attacker_wounded_and_captured_is_no_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.extract.roles import prosecuted

    doc = extractor.nlp("Karim Haddad was wounded and captured at the station.")
    assert prosecuted(doc[1], extractor.lex)
    hostage = extractor.nlp("Karim Haddad was captured by the Haddad Brigade at the station.")
    assert not prosecuted(hostage[1], extractor.lex)


def test_a_bracketed_note_relates_the_name_just_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Members: Lena Hartmann, Petra Vogt, Sabine Kohl (a friend of Karim Haddad), and Eva Roth.\n"
    pairs = _pairs(extractor, text)
    assert frozenset(("Lena Hartmann", "Karim Haddad")) not in pairs
    assert frozenset(("Eva Roth", "Karim Haddad")) not in pairs


def test_siblings_are_only_the_names_the_kin_noun_coordinates(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The members were: siblings Jan Kowal and Ewa Kowal, Piotr Maj (Ewa Kowal's boyfriend) "
                            "and Olga Kruk.\n")
    family = {frozenset((a, b)) for a, kind, b in ties if kind == "family"}
    assert frozenset(("Jan Kowal", "Ewa Kowal")) in family
    assert frozenset(("Jan Kowal", "Olga Kruk")) not in family
    assert frozenset(("Ewa Kowal", "Piotr Maj")) not in family


def test_the_owner_of_a_kin_noun_is_not_tied_by_the_relatives_act(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Accompanied by Piotr Maj's brother Adam, Jan Kowal had also been a member of the "
                              "delegation.\n")
    assert frozenset(("Jan Kowal", "Piotr Maj")) not in pairs


def test_a_victims_stated_family_is_kept_and_nothing_else(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In 2015 Karim Haddad murdered Tom Baxter, a shopkeeper from Roubaix.\n"
            "Tom Baxter's widow, Ann Baxter, spoke to reporters in Roubaix.\n")
    ties = _ties(extractor, text)
    assert any({a, b} == {"Tom Baxter", "Ann Baxter"} and kind == "family" for a, kind, b in ties)
    assert not any("Karim Haddad" in (a, b) and "Ann Baxter" in (a, b) for a, _, b in ties)


def test_a_member_shot_by_police_is_no_victim_and_keeps_his_ties(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad and Samir Tazi ran out of the burning flat together.\n"
            "Police said that Samir Tazi was shot in the chest by police as he raised a rifle.\n")
    assert frozenset(("Karim Haddad", "Samir Tazi")) in _pairs(extractor, text)


@pytest.mark.parametrize("attack", ["Tom Baxter was shot in the chest by Samir Tazi as he raised the alarm.",
                                    "Samir Tazi killed Tom Baxter in a raid on the village."])
def test_someone_the_cell_shot_or_killed_stays_a_victim(extractor, attack: str) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad and Samir Tazi ran out of the burning flat together.\n"
            f"{attack}\nTom Baxter and Karim Haddad had studied together in Roubaix.\n")
    assert frozenset(("Tom Baxter", "Karim Haddad")) not in _pairs(extractor, text)


def test_a_defendant_added_later_is_tied_to_the_defendants_named_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Judge Helen Marsh sentenced Karim Haddad, Samir Tazi and Nabil Dahmani to prison terms.\n\n"
            "The jury deliberated for four days.\n\n"
            "A fourth defendant, Omar Tahri, was acquitted on all counts.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Omar Tahri", "Karim Haddad")) in pairs
    assert frozenset(("Omar Tahri", "Nabil Dahmani")) in pairs
    assert not any("Helen Marsh" in pair for pair in pairs)


def test_a_defendant_of_another_trial_long_before_is_not_drawn_in(extractor) -> None:  # type: ignore[no-untyped-def]
    filler = "".join(f"The court heard witness number {k} on the following day.\n\n" for k in range(1, 9))
    text = ("In 1990 Karim Haddad was convicted of arson in Lille.\n\n" + filler
            + "A fourth defendant, Omar Tahri, was acquitted on all counts.\n")
    assert frozenset(("Omar Tahri", "Karim Haddad")) not in _pairs(extractor, text)


def test_sentences_dealt_out_one_by_one_tie_no_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad received 12 years, Samir Tazi 10, Nabil Dahmani and Omar Tahri 8 each, "
            "and Yusuf Benali 6.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Nabil Dahmani", "Samir Tazi")) not in pairs
    assert frozenset(("Nabil Dahmani", "Yusuf Benali")) not in pairs


def test_fellow_members_under_a_label_are_not_tied_by_the_word_member(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.extract.candidates import _label_word

    pairs = _pairs(extractor, "Other members: Jan Kowal, Piotr Maj, Ewa Sowa, Olga Kruk\n")
    assert frozenset(("Jan Kowal", "Olga Kruk")) not in pairs
    assert _label_word("leader(s)") == "leader" and _label_word("|") == ""


def test_a_member_of_someones_cell_is_tied_to_him(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(extractor, "Samir Tazi, a member of Karim Haddad's cell, rented the garage in 2014.\n")
    assert frozenset(("Samir Tazi", "Karim Haddad")) in pairs


def test_a_leader_killed_in_clashes_with_security_forces_is_no_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad founded the Northern Dawn Brigade with Samir Tazi in 2009.\n"
            "Samir Tazi was killed during clashes between security forces and the Northern Dawn Brigade in 2014.\n")
    assert frozenset(("Karim Haddad", "Samir Tazi")) in _pairs(extractor, text)


def test_a_member_killed_in_a_raid_or_strike_is_no_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    for death in ("was killed in a police raid on his flat in Lille",
                  "was killed in a drone strike near the border",
                  "was killed in a shoot-out with the army"):
        text = ("Karim Haddad founded the Northern Dawn Brigade with Samir Tazi in 2009.\n"
                f"Samir Tazi {death} in 2014.\n")
        assert frozenset(("Karim Haddad", "Samir Tazi")) in _pairs(extractor, text), death


def test_a_member_killed_by_soldiers_is_no_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad founded the Northern Dawn Brigade with Samir Tazi in 2009.\n"
            "Soldiers killed Samir Tazi at a checkpoint in 2014.\n")
    assert frozenset(("Karim Haddad", "Samir Tazi")) in _pairs(extractor, text)


def test_a_groups_general_secretary_is_no_official(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Karim Haddad was backed by the deputy general secretary of Hamas, Samir Tazi.\n"
    assert ("Samir Tazi", "member_of", "Hamas") in _ties(extractor, text)


def test_a_secretary_of_state_stays_an_official(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Karim Haddad and Samir Tazi were charged with arson in 2014.\n"
            "Secretary of State Tom Baxter and Karim Haddad were both in Lyon that week.\n")
    assert frozenset(("Tom Baxter", "Karim Haddad")) not in _pairs(extractor, text)


def test_someone_killed_in_a_raid_of_no_stated_side_stays_a_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    for death in ("was killed in a raid on the depot", "was killed in an operation carried out by the cell"):
        text = ("Karim Haddad and Samir Tazi ran out of the burning flat together.\n"
                f"Tom Baxter {death} in 2014.\n"
                "Tom Baxter and Karim Haddad had studied together in Roubaix.\n")
        assert frozenset(("Tom Baxter", "Karim Haddad")) not in _pairs(extractor, text), death


def test_an_in_law_is_not_read_as_a_brother(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Anton Brezina became the brother-in-law of Pavel Sokol when he married Sokol's sister.\n"
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    names = {e.local_id: e.name for e in result.entities}
    family = [(frozenset((names[r.source], names[r.target])), r.subtype) for r in result.relations if r.type == "family"]
    assert (frozenset(("Anton Brezina", "Pavel Sokol")), "brother_in_law") in family


def test_hyphenated_kin_words_are_one_word_after_the_parse(extractor) -> None:  # type: ignore[no-untyped-def]
    docs = extractor._parse(["Her half-sisters and two sisters-in-law, a well-known pair, came too."])
    words = [(t.text, t.lemma_) for t in docs[0]]
    assert ("half-sisters", "half-sister") in words and ("sisters-in-law", "sister-in-law") in words
    assert ("well", "well") in words  # only the lexicon's words are joined


def test_the_two_brothers_after_a_pair_makes_them_brothers(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Police arrested Kamil Novak and Jiri Novak in Brno in May. The two brothers had rented a "
                            "garage near the station.\n")
    assert ("Kamil Novak", "family", "Jiri Novak") in ties or ("Jiri Novak", "family", "Kamil Novak") in ties


def test_a_named_family_after_a_pair_is_not_that_pair(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Kamil Dvorak and Pavel Sokol were both convicted of robbery. The Horak brothers had "
                            "long criminal records too.\n")
    assert not any({a, b} == {"Kamil Dvorak", "Pavel Sokol"} and kind == "family" for a, kind, b in ties)


def test_every_kin_noun_predicated_of_one_person_ties_him(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Mahmoud Tawfiq is the son of the cleric Ibrahim Tawfiq and the brother-in-law of "
                            "Hani Sabri.\n")
    assert ("Mahmoud Tawfiq", "family", "Hani Sabri") in ties or ("Hani Sabri", "family", "Mahmoud Tawfiq") in ties


def test_a_plural_kin_noun_said_of_coordinated_subjects_ties_them(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Kamil Dvorak, Pavel Sokol and Jan Horak were brothers.\n")
    assert {frozenset(("Kamil Dvorak", "Pavel Sokol")), frozenset(("Pavel Sokol", "Jan Horak"))} <= {
        frozenset((a, b)) for a, kind, b in ties if kind == "family"}
    assert not any(kind == "family" for _, kind, _ in _ties(extractor, "Kamil Dvorak and Pavel Sokol are not cousins.\n"))


def test_a_pair_referred_to_as_the_two_takes_a_tie_to_someone_else(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Police arrested Kamil Novak and Jiri Horak in Brno on Tuesday. The minister said the two "
                            "had been in contact with Pavel Sokol.\n")
    assert {frozenset(("Kamil Novak", "Pavel Sokol")), frozenset(("Jiri Horak", "Pavel Sokol"))} <= {
        frozenset((a, b)) for a, _, b in ties}


def test_the_one_a_kin_noun_is_of_named_after_a_description(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Lena Horakova, the sister of another suspect, Pavel Horak, was arrested in Brno.\n")
    assert ("Lena Horakova", "family", "Pavel Horak") in ties or ("Pavel Horak", "family", "Lena Horakova") in ties


def test_a_kin_noun_inside_a_listed_name_is_that_names(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Members of the cell included Ahmed Benaissa, his nephew Sami Benaissa, Yacine Ferrat and "
                            "Omar Tahar.\n")
    assert ("Ahmed Benaissa", "family", "Sami Benaissa") in ties or ("Sami Benaissa", "family", "Ahmed Benaissa") in ties
    ties = _ties(extractor, "Ahmed Roe was jailed in May. His son Karim Haddad, Samir Ouali and Nabil Dahmani were "
                            "convicted in June.\n")
    assert not any("Samir Ouali" in (a, b) and kind == "family" for a, kind, b in ties)


def test_a_plural_tie_noun_said_of_coordinated_subjects_in_reported_speech_ties_them(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Terrorism analyst Marc Heller said Kamil Dvorak and Pavel Sokol were close friends.\n")
    assert ("Kamil Dvorak", "associate", "Pavel Sokol") in ties or ("Pavel Sokol", "associate", "Kamil Dvorak") in ties
    assert not any("Marc Heller" in (a, b) for a, _, b in ties)


def test_someone_hung_from_a_kin_noun_by_a_preposition_is_not_the_relative(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "The group was founded in 1970 by Ilario Vetti and his wife Carla Mestri, together with "
                            "Paolo Ruggeri.\n")
    assert ("Ilario Vetti", "family", "Carla Mestri") in ties or ("Carla Mestri", "family", "Ilario Vetti") in ties
    assert not any("Paolo Ruggeri" in (a, b) and kind == "family" for a, kind, b in ties)
