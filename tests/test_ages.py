"""A father and son sharing names are kept apart by the ages the report gives them."""

from __future__ import annotations

from linkchart.extract.within_doc import NameOccurrence, cluster_names
from linkchart.model import PERSON


def _cluster(*occurrences: NameOccurrence) -> set[frozenset[str]]:
    clustering = cluster_names(list(occurrences), [], variant_floor=0.85, document_id="d")
    groups: dict[str, set[str]] = {}
    for o in occurrences:
        groups.setdefault(clustering.cluster_of[o.id], set()).add(o.text)
    return {frozenset(g) for g in groups.values()}


def test_a_shorter_name_with_another_age_is_another_person() -> None:
    son = NameOccurrence(0, "Tomek Adil Brzeski", PERSON, 0, age=24)
    father = NameOccurrence(1, "Adil Brzeski", PERSON, 3, age=58)
    assert _cluster(son, father) == {frozenset({"Tomek Adil Brzeski"}), frozenset({"Adil Brzeski"})}


def test_the_same_short_name_without_ages_is_still_the_same_person() -> None:
    full = NameOccurrence(0, "Tomek Adil Brzeski", PERSON, 0, age=24)
    short = NameOccurrence(1, "Adil Brzeski", PERSON, 3)
    assert _cluster(full, short) == {frozenset({"Tomek Adil Brzeski", "Adil Brzeski"})}


def test_built_case_keeps_father_and_son_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.model import Document

    text = ("Detectives arrested Tomek Adil Brzeski, 24, at a flat in Gdynia on Monday. "
            "The flat belongs to Adil Brzeski, 58, who runs a garage nearby and was not charged.\n")
    local = extractor.extract(Document(id="d1", path="d1.txt", title="", text=text, content_hash="h1"))
    people = sorted(e.name for e in local.entities if e.type == PERSON)
    assert people == ["Adil Brzeski", "Tomek Adil Brzeski"]


def test_one_name_with_two_ages_is_two_people() -> None:
    father = NameOccurrence(0, "Bruno Okafor", PERSON, 0, age=61)
    son = NameOccurrence(1, "Bruno Okafor", PERSON, 2, age=23)
    again = NameOccurrence(2, "Bruno Okafor", PERSON, 4, age=61)
    assert _cluster(father, son, again) == {frozenset({"Bruno Okafor"})} and len(
        set(cluster_names([father, son, again], [], variant_floor=0.85, document_id="d").cluster_of.values())) == 2


def test_the_name_without_an_age_beside_two_aged_bearers_is_left_unresolved() -> None:
    father = NameOccurrence(0, "Bruno Okafor", PERSON, 0, age=61)
    son = NameOccurrence(1, "Bruno Okafor", PERSON, 2, age=23)
    bare = NameOccurrence(2, "Bruno Okafor", PERSON, 5)
    clustering = cluster_names([father, son, bare], [], variant_floor=0.85, document_id="d")
    assert clustering.cluster_of[0] != clustering.cluster_of[1]
    assert 2 in clustering.unresolved


def test_built_case_keeps_two_bearers_of_one_name_apart(extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.model import Document

    text = ("Detectives arrested Bruno Okafor, 23, at a flat in Gdynia on Monday. "
            "The flat belongs to his father Bruno Okafor, 61, who runs a garage nearby and was not charged.\n")
    local = extractor.extract(Document(id="d1", path="d1.txt", title="", text=text, content_hash="h1"))
    assert [e.name for e in local.entities if e.type == PERSON] == ["Bruno Okafor", "Bruno Okafor"]
