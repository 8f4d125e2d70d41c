"""A bare surname means the one bearer named before it; a name given to someone else is not the
giver's; a kinship stated in a noun phrase survives a negated predicate. Every sentence here is
written for these tests."""

from __future__ import annotations

from tie_helpers import named_ties

from linkchart.model import Document

TEXT = ("Prosecutors said Devon Harlan, 31, of Dayton, and Marcus Whitby, 28, of Toledo, were convicted on Monday. "
        "Harlan founded the Iron Creek militia in 2017 and served as its commander. "
        "Harlan's wife, Brenda Harlan, was charged too. Harlan told the court he regretted nothing.\n")


def _bearers_of(extractor, text: str, form: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Whom each mention of `form` was resolved to, in text order ('' where it stayed apart)."""
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    names = {e.local_id: e.name for e in result.entities if e.type == "person"}
    return [names.get(m.local_id, "") for m in sorted(result.mentions, key=lambda m: m.start) if m.text == form]


def test_a_bare_surname_is_the_one_bearer_named_before_it(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = named_ties(extractor, TEXT)
    assert ("Devon Harlan", "leader_of", "Iron Creek militia") in ties
    assert any({a, b} == {"Devon Harlan", "Brenda Harlan"} and kind == "family" for a, kind, b in ties)


def test_a_bare_surname_after_a_second_bearer_is_no_ones_guess(extractor) -> None:  # type: ignore[no-untyped-def]
    bearers = _bearers_of(extractor, TEXT, "Harlan")
    assert bearers[:2] == ["Devon Harlan", "Devon Harlan"]  # before Brenda Harlan is named
    assert bearers[2] != "Brenda Harlan" and bearers[2] != "Devon Harlan"  # after: either of them


def test_a_name_given_to_followers_is_not_the_givers(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The preacher was Samir Tolba. By the spring Tolba was preaching in a garage, and he had given his small "
            "following a name: Jund al-Qistas, the Soldiers of Justice.\n")
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    tolba = next(e for e in result.entities if e.name == "Samir Tolba")
    assert not any("Qistas" in name for name in tolba.names)


def test_a_negated_predicate_does_not_deny_a_kinship_in_its_subject(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = named_ties(extractor, "Karl Moser was convicted in June. His wife, Brenda Lutz, was not charged.\n")
    assert ("Karl Moser", "family", "Brenda Lutz") in ties or ("Brenda Lutz", "family", "Karl Moser") in ties
    assert not named_ties(extractor, "Karl Moser was not the brother of Tom Lutz.\n")


def test_their_kin_noun_after_two_subjects_is_kin_of_both(extractor) -> None:  # type: ignore[no-untyped-def]
    ties = named_ties(extractor, "Kamil Vesely and Jiri Vesely rented a flat in Brno with their cousin, Pavel Horak.\n")
    assert {("Kamil Vesely", "family", "Pavel Horak"), ("Jiri Vesely", "family", "Pavel Horak")} <= ties


def test_the_owner_of_a_kin_noun_is_not_the_relative_it_names(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Vance was convicted of arson in March. Vance and his accomplice, Tyrell Moody, planned the attack. "
            "Vance's half-brother, Andre Vance, drove them to the depot.\n")
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    andre = next(e for e in result.entities if e.name == "Andre Vance")
    assert "Vance" not in andre.names  # the convicted man is not his own half-brother
    ties = named_ties(extractor, text)
    assert not any("Andre Vance" in (a, b) and "Tyrell Moody" in (a, b) for a, _, b in ties)


def test_two_full_names_run_together_are_not_one_person(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Dawn Brigade\nMembers Yusuf Darwani Karim Hadid\n"
            "The Dawn Brigade was founded in 2011. Its spokesman, Yusuf Darwani, announced a ceasefire in 2014. "
            "Karim Hadid later took his place.\n")
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    people = {e.name: e.names for e in result.entities if e.type == "person"}
    assert "Yusuf Darwani Karim Hadid" not in people
    assert not people.get("Yusuf Darwani", set()) & people.get("Karim Hadid", set())
