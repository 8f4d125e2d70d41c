"""Co-offenders named in the forms court texts use: an added co-defendant, hyphenated surnames
coordinated, a possessor's co-conspirators.

Every sentence here is written for these tests."""

from __future__ import annotations

from tie_helpers import named_pairs as _pairs


def test_a_third_co_defendant_named_after_a_comma_is_tied_to_the_defendants_before(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Pending before the Court is the motion to suppress filed by Defendant Rafael Osorio-Vega and the motion "
            "for a new trial filed by Defendant Tomas Lugo-Pardo.\n\n"
            "Both ask that their case be heard apart from that of a fourth co-defendant, Hector Benavides, who "
            "pleaded guilty in March.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Hector Benavides", "Rafael Osorio-Vega")) in pairs
    assert frozenset(("Hector Benavides", "Tomas Lugo-Pardo")) in pairs


def test_two_hyphenated_surnames_joined_by_and_are_two_people_convicted_together(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The jury deliberated for a week. In the end, Osorio-Vega and Lugo-Pardo were found guilty of "
            "racketeering conspiracy. Rafael Osorio-Vega and Tomas Lugo-Pardo will be sentenced in May.\n")
    assert frozenset(("Rafael Osorio-Vega", "Tomas Lugo-Pardo")) in _pairs(extractor, text)


def test_a_possessors_co_conspirators_are_tied_to_him_and_to_each_other(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("In 2011 the cell leader trained Victor Lang and Lang's co-conspirators, Peter Harwick and "
            "Simon Tate, to build detonators.\n")
    pairs = _pairs(extractor, text)
    assert frozenset(("Victor Lang", "Peter Harwick")) in pairs
    assert frozenset(("Victor Lang", "Simon Tate")) in pairs
    assert frozenset(("Peter Harwick", "Simon Tate")) in pairs
