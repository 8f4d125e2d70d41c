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
