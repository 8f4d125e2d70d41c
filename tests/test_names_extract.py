"""Names as real reporting prints them: offices before names, generation suffixes, layout debris."""

from __future__ import annotations

from test_extract import _extract


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
