"""People who share a name or a nisba stay apart: a father and his son of one name, two fighters
known by kunyas that share only a nisba. Every sentence here is written for these tests."""

from __future__ import annotations

from pathlib import Path

from linkchart.case import Case
from linkchart.model import Document


def test_fighters_known_by_kunyas_sharing_a_nisba_are_two(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Two Dutch fighters known as Abu Zaid al-Hollandi and Abu Talha al-Hollandi appeared in the video.\n"
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    people = {e.name for e in result.entities if e.type == "person"}
    assert {"Abu Zaid al-Hollandi", "Abu Talha al-Hollandi"} <= people


def test_a_father_and_son_of_one_name_stay_two_in_the_case(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Karim Saadi, 58, and his son Karim Saadi, 24, were arrested in Tunis. The son had met "
                                  "Walid Mrad in prison.\n")
    (folder / "b.txt").write_text("Karim Saadi ran a bakery in Sfax for twenty years.\n")
    case = Case.open(tmp_path / "case.db", writable=True)
    case.build([folder], extractor=extractor)
    saadis = [e for e in case.find("Karim Saadi") if e.name == "Karim Saadi"]
    assert len(saadis) == 2


def test_a_shorter_form_of_two_brothers_names_is_no_ones_after_both(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Octavio Ramos Lugo and Ignacio Ramos Lugo were charged in Chicago. Ramos Lugo later pleaded guilty.\n")
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    names = {e.name: e.names for e in result.entities if e.type == "person"}
    assert "Ramos Lugo" not in names["Octavio Ramos Lugo"] and "Ramos Lugo" not in names["Ignacio Ramos Lugo"]
    text = "Octavio Ramos Lugo was charged in Chicago. Ramos Lugo later met his brother Ignacio Ramos Lugo.\n"
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    names = {e.name: e.names for e in result.entities if e.type == "person"}
    assert "Ramos Lugo" in names["Octavio Ramos Lugo"]


def test_a_familiar_given_name_is_the_same_persons(extractor) -> None:  # type: ignore[no-untyped-def]
    text = "Joseph Keane built the bombs in Fulham. In October Joe Keane and Brendan Lowry kidnapped a bus inspector.\n"
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    people = [e for e in result.entities if e.type == "person" and "Keane" in e.name]
    assert len(people) == 1 and {"Joseph Keane", "Joe Keane"} <= people[0].names
