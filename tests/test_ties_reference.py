"""Whose relative a kin word names: the owner a possessive pronoun refers to, the name a kin noun
is apposed to, and long rolls of defendants where no pair is singled out.

Every sentence here is written for these tests."""

from __future__ import annotations

from tie_helpers import named_ties as _ties
from tie_helpers import pairs_of as _pairs


def test_the_employer_of_his_wife_is_no_relative_of_his(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Colin Ferrow kept a low profile; his wife's employer was the banker Hugo Lindqvist.\n")
    assert frozenset(("Colin Ferrow", "Hugo Lindqvist")) not in _pairs(ties, "family")


def test_his_brothers_in_a_phrase_about_someone_else_are_the_subjects_brothers(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Idris Kemal was born in Mardin in 1970. He enrolled at the academy established by Yusuf Arslan "
                            "with his brothers Tarek Kemal and Selim Kemal.\n")
    family = _pairs(ties, "family")
    assert frozenset(("Idris Kemal", "Tarek Kemal")) in family
    assert frozenset(("Idris Kemal", "Selim Kemal")) in family
    assert not any("Yusuf Arslan" in pair and ("Tarek Kemal" in pair or "Selim Kemal" in pair) for pair in _pairs(ties))


def test_both_parents_named_after_his_parents_are_his_parents(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Idris Kemal grew up in Mardin. His parents were Osman Kemal and Leyla Demir.\n")
    family = _pairs(ties, "family")
    assert frozenset(("Idris Kemal", "Osman Kemal")) in family
    assert frozenset(("Idris Kemal", "Leyla Demir")) in family


def test_his_after_a_surname_two_people_share_is_not_given_to_someone_else(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In 1998 Marco Ventresca invited Paul Hadley to his farm near Lodi. Hadley was a gifted linguist and a "
            "former soldier. His cousin, Owen Pratt, had served in the navy. Later Simon Hadley, an older "
            "relative, joined them.\n")
    ties = _ties(extractor, text)
    family = _pairs(ties, "family")
    assert frozenset(("Marco Ventresca", "Owen Pratt")) not in family
    assert frozenset(("Paul Hadley", "Owen Pratt")) in family


def test_a_long_roll_of_defendants_with_ages_and_towns_ties_only_the_stated_kin(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The indictment charges the defendants, Ronald Pike, 52, his wife, Janet Pike, 50, his son, Carl Pike, "
            "24, of Dover, Ohio, Dale Mercer, 31, of Akron, Ohio, Glen Stroud, 45, of Kent, Ohio, Wade Lyle, 29, of "
            "Canton, Ohio, Troy Benning, 38, of Toledo, Ohio, Earl Voss, 41, of Lima, Ohio, and Neil Sauer, 27, of "
            "Elyria, Ohio, with conspiracy.\n")
    ties = _ties(extractor, text)
    family = _pairs(ties, "family")
    assert frozenset(("Ronald Pike", "Janet Pike")) in family
    assert frozenset(("Ronald Pike", "Carl Pike")) in family
    assert frozenset(("Ronald Pike", "Dale Mercer")) not in family  # the son is Carl, not the next name
    unrelated = {"Dale Mercer", "Glen Stroud", "Wade Lyle", "Troy Benning", "Earl Voss", "Neil Sauer"}
    assert not any(len(pair & unrelated) == 2 for pair in _pairs(ties))


def test_a_successor_is_not_tied_to_the_man_he_succeeded(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "In 2011 the network was taken over by Jan Zielinski, the successor of Marek Kowal.\n"
    assert frozenset(("Marek Kowal", "Jan Zielinski")) not in _pairs(_ties(extractor, text))


def test_two_sons_of_one_father_in_a_roll_are_brothers(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The complaint names Ronald Pike, 52, his wife, Janet Pike, 50, his son, Carl Pike, 24, of Dover, "
            "Ohio, and his other son, Ross Pike, 21, of Akron, Ohio.\n")
    family = _pairs(_ties(extractor, text), "family")
    assert frozenset(("Carl Pike", "Ross Pike")) in family
    assert frozenset(("Ronald Pike", "Ross Pike")) in family


def test_his_aide_is_tied_to_him(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Viktor Baran ran the cell from Lviv. His aide at the time was Oleg Marchuk, a former soldier.\n"
    assert frozenset(("Viktor Baran", "Oleg Marchuk")) in _pairs(_ties(extractor, text))


def test_a_tie_of_the_first_of_two_coordinated_subjects_holds_for_the_second(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Karim Haddad and Samir Ouali later moved to Ghent with their friend Nabil Dahmani.\n"
    pairs = _pairs(_ties(extractor, text))
    assert frozenset(("Karim Haddad", "Nabil Dahmani")) in pairs
    assert frozenset(("Samir Ouali", "Nabil Dahmani")) in pairs


def test_their_associate_is_the_associate_of_the_coordinated_subject(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Worried about surveillance, Karim Haddad and Samir Ouali arranged for Omar Tahri to stay with their "
            "associate Nabil Dahmani in Ghent.\n")
    pairs = _pairs(_ties(extractor, text))
    assert frozenset(("Karim Haddad", "Nabil Dahmani")) in pairs
    assert frozenset(("Samir Ouali", "Nabil Dahmani")) in pairs


def test_born_to_two_people_makes_them_the_parents_and_not_associates(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Tarek Mansour was born to Hassan Mansour and Leila Kassem in Sidon.\n")
    assert _pairs(ties, "family") == {frozenset(("Tarek Mansour", "Hassan Mansour")),
                                      frozenset(("Tarek Mansour", "Leila Kassem"))}
    assert frozenset(("Hassan Mansour", "Leila Kassem")) not in _pairs(ties)


def test_people_on_opposite_sides_are_not_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    assert _ties(extractor, "Karim Haddad fought against Samir Ouali in the civil war.\n") == set()
    assert _ties(extractor, "Sara Benali testified against Tarek Mansour at trial.\n") == set()


def test_his_on_a_kin_noun_coordinated_with_a_named_owners_is_that_owners(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Tarek Mansour's father, Hassan Mansour, and his mother, Leila Kassem, were questioned.\n")
    assert frozenset(("Tarek Mansour", "Leila Kassem")) in _pairs(ties, "family")


def test_a_possessors_associate_and_a_clerics_student_are_tied(extractor) -> None:  # type: ignore[no-untyped-def]
    assert frozenset(("Tarek Mansour", "Rami Saleh")) in _pairs(
        _ties(extractor, "Tarek Mansour's associate, Rami Saleh, was arrested in Turkey.\n"))
    assert frozenset(("Tarek Mansour", "Yusuf Hamdi")) in _pairs(
        _ties(extractor, "Tarek Mansour was a student of the cleric Yusuf Hamdi.\n"))


def test_two_names_then_the_sons_of_a_third_are_his_sons_and_brothers(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = _ties(extractor, "Ali Mansour and Omar Mansour, the sons of Hassan Mansour, were both arrested.\n")
    assert _pairs(ties, "family") == {frozenset(("Ali Mansour", "Hassan Mansour")),
                                      frozenset(("Omar Mansour", "Hassan Mansour")),
                                      frozenset(("Ali Mansour", "Omar Mansour"))}
