"""Judges listed under a plural title and the parties of a cited precedent are no actors of the
network. Every sentence here is written for these tests."""

from __future__ import annotations

from linkchart.model import Document


def _entities(extractor, text: str) -> dict[str, tuple[str, str]]:  # type: ignore[no-untyped-def]
    result = extractor.extract(Document("d1", "t.txt", "t", text, "h"))
    return {e.name: (e.type, e.role) for e in result.entities}


def test_names_before_a_plural_title_are_people_and_outsiders(extractor) -> None:  # type: ignore[no-untyped-def]
    for names in ("ASHBY, KOWALCZYK, and PRENTISS", "Ashby, Kowalczyk, and Prentiss"):
        entities = _entities(extractor, f"Before {names}, Circuit Judges.\nDarnell Voss met Tyrell Moody in prison.\n")
        judges = {k: v for k, v in entities.items() if k.lower() in {"ashby", "kowalczyk", "prentiss"}}
        assert len(judges) == 3, entities
        assert all(kind == "person" and role != "actor" for kind, role in judges.values()), judges


def test_a_group_and_its_leaders_are_not_a_list_of_titled_people(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "A jury convicted the Lantern Relief Fund and its leaders of funding the militia.\n")
    assert entities.get("Lantern Relief Fund", ("", ""))[0] == "organization"


def test_the_parties_of_a_cited_precedent_are_not_actors(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("See United States v. Brannigan, 412 F.3d 77 (2d Cir. 2006); Ostrow v. Kessel Aid Society, 561 U.S. 9. "
            "Darnell Voss met Tyrell Moody in prison.\n")
    entities = _entities(extractor, text)
    assert "Brannigan" not in entities and "Ostrow" not in entities and "Kessel Aid Society" not in entities
    assert {"Darnell Voss", "Tyrell Moody"} <= entities.keys()


def test_a_plural_title_before_a_list_makes_every_name_an_official(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Darnell Voss met Tyrell Moody in prison. Assistant U.S. Attorneys Kerry Quist and "
                                    "Daniel Leng are prosecuting the case.\n")
    assert entities["Kerry Quist"][1] != "actor" and entities["Daniel Leng"][1] != "actor"
    assert entities["Darnell Voss"][1] == "actor"


def test_an_ordinal_opens_a_groups_name(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Police arrested nine members of the 23rd Street gang in Fresno on Monday.\n")
    assert entities.get("23rd Street gang", ("", ""))[0] == "organization", entities


def test_a_peoples_word_opening_a_factions_name_stays_in_it(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Idris Bako was a commander of the Jamaat Ahl al-Tawhid faction in Borno.\n")
    assert entities.get("Jamaat Ahl al-Tawhid faction", ("", ""))[0] == "organization", entities


def test_what_a_groups_part_is_of_is_a_group(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Dario Fenk joined the Leeds cell of Iron Covenant in 1990.\n")
    assert entities.get("Iron Covenant", ("", ""))[0] == "organization", entities


def test_a_headlines_capitals_are_no_group(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Two Men Sentenced for Supporting Terrorist Group\nDarnell Voss, 31, was sentenced today for supporting a "
            "terrorist group. The group paid Tyrell Moody in 2016.\n")
    entities = _entities(extractor, text)
    assert "Terrorist Group" not in entities and "Darnell Voss" in entities


def test_a_lawyers_title_is_no_part_of_her_name_and_makes_her_an_official(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Darnell Voss met Tyrell Moody in prison. Lawyer Anne Rivet, who represents Voss, "
                                    "said her client denied any plot.\n")
    assert "Anne Rivet" in entities and entities["Anne Rivet"][1] != "actor"


def test_someone_introduced_by_an_outsiders_title_and_tied_to_no_one_is_no_actor(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, "Defense attorney Linda Moretti, who represented Darnell Voss, met with Tyrell "
                                    "Moody's family.\n")
    assert entities["Linda Moretti"][1] != "actor" and entities["Darnell Voss"][1] == "actor"


def test_a_quoted_name_after_a_group_noun_is_the_groups(extractor) -> None:  # type: ignore[no-untyped-def]
    entities = _entities(extractor, 'The accused Voss was, according to the findings of the Senate, since 2014 a member '
                                    'of the foreign terrorist organisation "Sacred State". Together with the co-accused '
                                    'Tyrell Moody, he had travelled in March 2014 via Turkey to Syria.\n')
    assert entities.get("Sacred State", ("", ""))[0] == "organization", entities
