"""Candidate ties and the scored decision: co-offenders tied, outsiders and mere co-mention not.

Every sentence here is written for these tests."""

from __future__ import annotations

from linkchart.extract.tie_model import TieModel, fit, list_key, pooled, rules_only, sigmoid, sketch
from linkchart.model import Document


def _extract(extractor, text: str):  # type: ignore[no-untyped-def]
    return extractor.extract(Document("d1", "t.txt", "t", text, "h"))


def _pairs(result) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    names = {e.local_id: e.name for e in result.entities}
    return {frozenset((names[r.source], names[r.target])) for r in result.relations}


def _ties(result) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    names = {e.local_id: e.name for e in result.entities}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def test_people_charged_together_are_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Prosecutors charged Karim Haddad, Samir Ouali and Nabil Dahmani with plotting "
                                 "to bomb a rail depot in Lille.\n")
    pairs = _pairs(result)
    assert frozenset(("Karim Haddad", "Samir Ouali")) in pairs
    assert frozenset(("Samir Ouali", "Nabil Dahmani")) in pairs


def test_a_judge_and_counsel_take_no_tie(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Judge Helen Marsh sentenced Karim Haddad and Samir Ouali to nine years each. "
                                 "Rachel Moss, for Haddad, said her client had been led astray.\n")
    for pair in _pairs(result):
        assert "Helen Marsh" not in pair and "Rachel Moss" not in pair


def test_a_victim_is_not_drawn_into_the_network(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "In 2015 Karim Haddad and Samir Ouali murdered Tom Baxter, a shopkeeper from Roubaix.\n")
    assert not any("Tom Baxter" in pair for pair in _pairs(result))


def test_two_arrests_in_one_sentence_are_two_events(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Haddad was arrested in Lille in May 2016, and Samir Ouali in Ghent a year later.\n")
    assert frozenset(("Karim Haddad", "Samir Ouali")) not in _pairs(result)


def test_a_shared_state_is_not_a_tie(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Haddad and Samir Ouali are both in prison now.\n")
    assert _pairs(result) == set()


def test_a_roll_of_members_ties_each_to_the_group_not_to_each_other(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "The police file lists Karim Haddad and Samir Ouali as members of the Haddad network, "
                                 "and Nabil Dahmani and Omar Tahri as its couriers.\n")
    pairs = _pairs(result)
    assert frozenset(("Samir Ouali", "Omar Tahri")) not in pairs
    assert frozenset(("Karim Haddad", "Nabil Dahmani")) not in pairs


def test_a_denied_tie_is_no_tie_and_a_stated_kinship_is_typed(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Haddad and Samir Ouali were seen in Ghent. Investigators have no proof "
                                 "that the two men ever spoke. Samir Ouali's wife, Leila Bensaid, ran a bakery.\n")
    ties = _ties(result)
    assert not any({a, b} == {"Karim Haddad", "Samir Ouali"} for a, _, b in ties)
    assert ("Samir Ouali", "family", "Leila Bensaid") in ties or ("Leila Bensaid", "family", "Samir Ouali") in ties


def test_a_training_text_is_scored_by_the_fold_that_left_it_out() -> None:
    seen = "Karim Haddad and Samir Ouali were convicted of plotting an attack on a stadium in Lyon in 2016."
    unseen = "Omar Tahri sold cars in Charleroi and phoned Nabil Dahmani twice a week during the winter."
    full, held_out = {"pp": {"bias": 1.0}}, {"pp": {"bias": -1.0}}
    model = TieModel(full, {"pp": 0.5}, (held_out,), ((0, sketch(seen)),))
    assert model.weights_for(seen) is held_out
    assert model.weights_for(seen.replace("2016", "2017")) is held_out  # a copy with an edit is the same text
    assert model.weights_for(unseen) is full


def test_the_shipped_model_holds_fold_weights_for_every_training_text() -> None:
    model = TieModel.load()
    assert set(model.weights) == {"pp", "po"} and len(model.folds) >= 2
    assert model.trained_on and all(0 <= fold < len(model.folds) for fold, _ in model.trained_on)
    assert all(0.0 < t <= 1.0 for t in model.thresholds.values())


def test_fit_learns_a_separating_weight() -> None:
    rows = [({"bias": 1.0, "tie_word": 1.0}, 1)] * 20 + [({"bias": 1.0}, 0)] * 20
    w = fit(rows)
    assert sigmoid(w["bias"] + w["tie_word"]) > 0.8 > 0.2 > sigmoid(w["bias"])


def test_the_rules_only_model_keeps_exactly_the_rule_ties(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Karim Haddad shared a flat with Samir Ouali in Molenbeek. Nabil Dahmani and Omar Tahri were seen in Ghent.\n"
    candidates: list = []
    extractor.extract(Document("d1", "t.txt", "t", text, "h"), candidates_out=candidates)
    kept = rules_only().decide(candidates, extractor.lex, text)
    assert {t.type for t in kept} == {"co_resided"} and len(kept) == 1


def test_family_in_its_forms(extractor) -> None:  # type: ignore[no-untyped-def]
    cases = {
        "Samir Ouali was the nephew of the preacher Karim Haddad.\n": ("Samir Ouali", "Karim Haddad"),
        "In 2009 Samir Ouali married Leila Bensaid, a nurse from Lille.\n": ("Samir Ouali", "Leila Bensaid"),
    }
    for text, pair in cases.items():
        ties = _ties(_extract(extractor, text))
        assert any(t == "family" and {a, b} == set(pair) for a, t, b in ties), text


def test_brothers_named_together_are_siblings(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Samir Ouali's brothers, Nabil Ouali and Tarek Ouali, were arrested in Lille.\n"))
    family = {frozenset((a, b)) for a, t, b in ties if t == "family"}
    assert family == {frozenset(("Samir Ouali", "Nabil Ouali")), frozenset(("Samir Ouali", "Tarek Ouali")),
                      frozenset(("Nabil Ouali", "Tarek Ouali"))}


def test_a_roll_of_notable_members_ties_no_two_of_them(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Known members Karim Haddad, Samir Ouali, Nabil Dahmani, Omar Tahri\n")
    assert _pairs(result) == set()


def test_a_plural_title_after_a_list_makes_every_name_an_outsider(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Appeal from the district court. Before HARLAN, OSTROVA, and BEKELE, Appeals Judges.\n"
                                 "Karim Haddad and Samir Ouali were convicted of running the depot bombing cell.\n")
    assert not any(pair & {"HARLAN", "OSTROVA", "BEKELE"} for pair in _pairs(result))


def test_the_object_of_a_kidnapping_for_ransom_is_a_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "In 1979 the Varga gang's leader Milan Horvat ordered the kidnapping for ransom of "
                                 "Peter Lenz, son of the banker Otto Lenz.\n")
    ties = _ties(result)
    assert not any(a == "Peter Lenz" and kind == "leader_of" for a, kind, _ in ties)


def test_a_kin_noun_heading_its_own_conjunct_is_a_third_person(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Karim Haddad later killed the magistrate Paul Girard as well as a cousin of "
                                     "the informer Samir Ouali.\n"))
    assert not any({a, b} == {"Paul Girard", "Samir Ouali"} for a, _, b in ties)


def test_a_lone_given_name_the_text_does_not_resolve_takes_no_tie(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Omar Tahri was arrested in Lille. The cell was run by Karim Haddad.\n"
                                 "Other members of the cell: Nabil Dahmani, Omar, Samir Ouali.\n")
    assert not any("Omar" in pair for pair in _pairs(result))


def test_the_owner_of_the_house_where_two_met_is_not_tied_to_them(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Omar Khalil and Nabil Dahmani met at the house of the wealthy merchant "
                                     "Yusuf Amrani in Lyon.\n"))
    assert ("Omar Khalil", "communicated_with", "Nabil Dahmani") in ties
    assert not any("Yusuf Amrani" in (a, b) for a, _, b in ties)


def test_a_spouse_is_not_confused_with_the_spouses_parent(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Karim Haddad married Leila, the daughter of the merchant Samir Ouali.\n"))
    assert not any({a, b} == {"Karim Haddad", "Samir Ouali"} for a, _, b in ties)


def test_names_listed_after_a_fronted_state_are_not_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Absent that day were Karim Haddad, Omar Khalil and Nabil Dahmani.\n")
    assert _pairs(result) == set()


def test_a_school_founded_by_someone_ties_its_pupils_to_no_one(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Nabil Dahmani studied at a school founded by Omar Khalil with Yusuf Amrani.\n")
    assert frozenset(("Nabil Dahmani", "Omar Khalil")) not in _pairs(result)


def test_his_brothers_named_after_a_possessive_are_his_siblings(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Karim Haddad studied in Lyon with his brothers Omar Haddad and Ali Haddad.\n"))
    family = {frozenset((a, b)) for a, t, b in ties if t == "family"}
    assert frozenset(("Karim Haddad", "Omar Haddad")) in family
    assert frozenset(("Karim Haddad", "Ali Haddad")) in family


def test_their_child_after_a_couple_is_the_child_of_both(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Karim Haddad was arrested in Lyon. His wife, Leila Haddad, was arrested in Paris. "
                                     "Their young son Nabil Haddad was unhurt.\n"))
    family = {frozenset((a, b)) for a, t, b in ties if t == "family"}
    assert frozenset(("Nabil Haddad", "Karim Haddad")) in family
    assert frozenset(("Nabil Haddad", "Leila Haddad")) in family


def test_counted_sons_named_in_a_list_that_follows(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Three sons of Omar Khalil were charged with fraud on Monday.\n\n"
            "The defendants are Yusuf Khalil, Ali Khalil and Tarek Khalil. Two of them remain at large.\n")
    family = {frozenset((a, b)) for a, t, b in _ties(_extract(extractor, text)) if t == "family"}
    assert {frozenset(("Omar Khalil", son)) for son in ("Yusuf Khalil", "Ali Khalil", "Tarek Khalil")} <= family
    assert frozenset(("Yusuf Khalil", "Tarek Khalil")) in family
    miscounted = text.replace("Three sons", "Two sons")
    family = {frozenset((a, b)) for a, t, b in _ties(_extract(extractor, miscounted)) if t == "family"}
    assert not any("Omar Khalil" in pair for pair in family)


def test_opponents_are_not_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "Karim Haddad was at odds with the preacher Omar Khalil over money.\n")
    assert frozenset(("Karim Haddad", "Omar Khalil")) not in _pairs(result)


def test_companions_along_with_someone_are_tied_and_a_death_by_their_own_side_is_no_victim(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor, "On May 3, Karim Haddad along with Omar Khalil and Nabil Dahmani arrived at the "
                                 "airport. Omar Khalil was shot dead by one of the other attackers. Nabil Dahmani "
                                 "was killed by one of his own grenades.\n")
    pairs = _pairs(result)
    assert frozenset(("Karim Haddad", "Omar Khalil")) in pairs
    assert frozenset(("Omar Khalil", "Nabil Dahmani")) in pairs


def test_people_put_under_arrest_together_are_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_extract(extractor, "On 14 October 2003, Karim Haddad, Omar Khalil and Nabil Dahmani were put "
                                       "under arrest for planning an attack.\n"))
    assert frozenset(("Karim Haddad", "Nabil Dahmani")) in pairs
    assert frozenset(("Omar Khalil", "Nabil Dahmani")) in pairs


def test_companions_together_with_the_subject_are_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_extract(extractor, "Ali Rahmouni was born in Lyon in 1975. Together with Yusuf Amrani and "
                                       "Tarek Benali, he formed the core of the cell.\n"))
    assert frozenset(("Yusuf Amrani", "Tarek Benali")) in pairs


def test_someone_and_n_others_charged_then_named_are_co_defendants(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_extract(extractor, "Tarek Benali and two others were arrested in Lyon. The other two are "
                                       "Omar Tahri and Samir Ouali.\n"))
    assert frozenset(("Tarek Benali", "Omar Tahri")) in pairs
    assert frozenset(("Tarek Benali", "Samir Ouali")) in pairs
    miscounted = _pairs(_extract(extractor, "Tarek Benali and three others were arrested in Lyon. The other two "
                                            "are Omar Tahri and Samir Ouali.\n"))
    assert frozenset(("Tarek Benali", "Omar Tahri")) not in miscounted


def test_a_fact_box_row_naming_two_convicted_together_ties_them(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_extract(extractor, "Verdicts | Karim Haddad and Samir Ouali convicted of plotting a bombing |\n"))
    assert frozenset(("Karim Haddad", "Samir Ouali")) in pairs


def test_married_to_someone_is_a_spouse_and_not_her_father(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(_extract(extractor, "Samir Ouali was married to Nadia, the daughter of Yusuf Amrani.\n"))
    assert ("Samir Ouali", "family", "Nadia") in ties
    assert not any({a, b} == {"Samir Ouali", "Yusuf Amrani"} for a, _, b in ties)


def test_a_name_in_a_bracket_about_another_is_tied_to_that_one_only(extractor) -> None:  # type: ignore[no-untyped-def]
    pairs = _pairs(_extract(extractor, "The other suspects were Nadia Amrani, Leila (a friend of Karim Haddad's), "
                                       "and Samia.\n"))
    assert frozenset(("Leila", "Karim Haddad")) in pairs
    assert frozenset(("Nadia Amrani", "Karim Haddad")) not in pairs


def test_the_pairs_of_one_roll_share_one_decision(extractor) -> None:  # type: ignore[no-untyped-def]
    assert pooled([0.9, 0.2, 0.4, 0.7], [("s", 1), ("s", 1), None, ("s", 1)]) == [0.6, 0.6, 0.4, 0.6]
    text = "Karim Haddad, Samir Ouali, Nabil Dahmani and Omar Tahri, Defendants.\n"
    candidates: list = []
    extractor.extract(Document("d1", "t.txt", "t", text, "h"), candidates_out=candidates)
    roll = [c for c in candidates if c.kind == "pp" and c.rule is None]
    assert len(roll) == 6 and len({list_key(c) for c in roll}) == 1
    kept = TieModel.load().decide(candidates, extractor.lex, text)
    assert len({frozenset((t.source, t.target)) for t in kept}) in {0, 6}  # all of the roll or none of it
