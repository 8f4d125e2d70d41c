"""Names that carry more than a name: a son named after his father ("X, Jr."), an expert named
with the institute she works for ("A of the X Institute")."""

from __future__ import annotations

from linkchart.model import PERSON, Document


def test_a_junior_listed_after_a_hometown_is_a_person(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The indictment names Tessa Kane, 44, of Alton, Ohio, and her son, Adam Brook Kane, Jr., 19, "
            "of Derry, Ohio, as defendants.\n")
    local = extractor.extract(Document(id="d1", path="d1.txt", title="", text=text, content_hash="h1"))
    people = {e.name for e in local.entities if e.type == PERSON}
    assert "Adam Brook Kane, Jr." in people


def test_a_named_expert_of_an_institute_is_a_person_and_the_institute_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("\"The cell recruited in prisons,\" said Margaret Holloway of the Kestrel Institute for Conflict "
            "Studies, who has followed the group since 2015.\n")
    local = extractor.extract(Document(id="d2", path="d2.txt", title="", text=text, content_hash="h2"))
    by_name = {e.name: e.type for e in local.entities}
    assert by_name.get("Margaret Holloway") == PERSON
    assert not any("Holloway of" in name for name in by_name)


def test_a_quoted_nickname_inside_a_name_is_no_part_of_its_key() -> None:
    from linkchart.names import name_key, parts

    assert name_key('Ann "Red" Roe') == name_key("Ann Roe") and parts("Ann ‘Red’ Roe") == ["ann", "roe"]
    assert name_key("Sean O'Neill") != name_key("Sean Neill")
