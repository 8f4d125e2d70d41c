"""Fact-box rows take their subject from the box's own header when the page is about something else."""

from __future__ import annotations

from linkchart.ingest.clean import clean_text
from linkchart.model import Document

PROSE = ("The Portville harbour bombing was an attack on a ferry terminal in the spring of 2011, "
         "carried out by a single man who had trained abroad.\n")


def _family(extractor, title: str, text: str) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    cleaned = clean_text(text)
    result = extractor.extract(Document("d1", "t.txt", title, cleaned, "h"))
    names = {e.local_id: e.name for e in result.entities}
    return {frozenset((names[r.source], names[r.target])) for r in result.relations if r.type == "family"}


def test_rows_under_a_persons_box_header_tie_that_person(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Portville harbour bombing | |\n---|---|\nDate | 3 April 2011 |\nPerpetrator | Dario Fenk |\n"
            "Dario Fenk | |\n---|---|\nBorn | 1980 Portville |\nOccupation | Welder |\n"
            "Parent(s) | Marta Fenk (mother) Ivo Fenk (father) |\n\n" + PROSE)
    family = _family(extractor, "Portville harbour bombing", text)
    assert frozenset(("Dario Fenk", "Marta Fenk")) in family
    assert frozenset(("Dario Fenk", "Ivo Fenk")) in family


def test_a_relatives_row_without_a_header_or_a_named_subject_ties_no_one(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Portville harbour bombing | |\n---|---|\nDate | 3 April 2011 |\n"
            "Parent(s) | Marta Fenk (mother) Ivo Fenk (father) |\n\n" + PROSE)
    family = _family(extractor, "Portville harbour bombing", text)
    assert not any("Marta Fenk" in pair and "Ivo Fenk" not in pair for pair in family)


def test_field_names_with_a_plural_mark_are_known(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.extract.infobox import field_kind

    assert field_kind("Parent(s)", extractor.lex) == "family"
    assert field_kind("Spouse(s)", extractor.lex) == "family"
    assert field_kind("Notable  members", extractor.lex) == "member"
    assert field_kind("Occupation", extractor.lex) is None


def test_a_row_with_a_space_after_its_label_is_a_field(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Dario Fenk\n\nDario Fenk\nBorn Dario Ivo Fenk\nSpouse(s) Marta Kolar\nChildren 3\n\n"
            "Dario Fenk (born 1980) is a militant from Portville who led a cell of six men.\n")
    family = _family(extractor, "Dario Fenk", text)
    assert any("Marta Kolar" in pair and any(n.startswith("Dario") for n in pair) for pair in family)


def test_a_short_sentence_opening_with_a_field_word_is_no_row() -> None:
    from linkchart.extract.infobox import _spaced_field
    from linkchart.extract.lexicon import _load

    assert _spaced_field("Parents Ann and Bo Roe were questioned.", _load()) is None
    assert _spaced_field("Born Ann Roe (in the old script)", _load()) is None  # a birth name is no place
    assert _spaced_field("Relatives Bo Roe (brother)", _load()) == ("family", len("Relatives "))


def test_each_relative_in_a_row_takes_the_kin_word_after_his_own_name(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Dario Fenk | |\n---|---|\nBorn | 1980 Portville |\n"
            "Relatives | Ivo Fenk (brother); Luka Baric (cousin); Tomas Horvat (brother-in-law) |\n\n" + PROSE)
    result = extractor.extract(Document("d1", "t.txt", "Dario Fenk", clean_text(text), "h"))
    names = {e.local_id: e.name for e in result.entities}
    subtypes = {names[r.target] if names[r.source] == "Dario Fenk" else names[r.source]: r.subtype
                for r in result.relations if r.type == "family"}
    assert subtypes == {"Ivo Fenk": "brother", "Luka Baric": "cousin", "Tomas Horvat": "brother_in_law"}
