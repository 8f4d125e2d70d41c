"""A son named after his father ("X, Jr.") is a person of his own, even where the parse takes
him for the place another defendant is from."""

from __future__ import annotations

from linkchart.model import PERSON, Document


def test_a_junior_listed_after_a_hometown_is_a_person(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("The indictment names Tessa Kane, 44, of Alton, Ohio, and her son, Adam Brook Kane, Jr., 19, "
            "of Derry, Ohio, as defendants.\n")
    local = extractor.extract(Document(id="d1", path="d1.txt", title="", text=text, content_hash="h1"))
    people = {e.name for e in local.entities if e.type == PERSON}
    assert "Adam Brook Kane, Jr." in people
