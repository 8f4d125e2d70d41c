"""Relatives who share a surname stay apart; guesses become suggestions for the analyst."""

from __future__ import annotations

from linkchart.model import LocalEntity
from linkchart.names import transliterated
from linkchart.resolve import resolve_corpus


def _person(local_id: str, doc: str, *names: str) -> LocalEntity:
    return LocalEntity(local_id, doc, "person", names[0], set(names), mention_count=1)


def test_a_father_and_son_who_share_a_surname_keep_their_own_aliases() -> None:
    father = _person("a:0", "a", "Karim Oulad Tessim")
    son = _person("a:1", "a", "Nabil Oulad Tessim")
    entities = resolve_corpus([father, son], [], [], variant_floor=0.85).entities
    assert len(entities) == 2
    # The bare surname could be either: neither gets it as a derived alias.
    for e in entities:
        assert "Tessim" not in e.alias_names()
    alone = resolve_corpus([_person("b:0", "b", "Karim Oulad Tessim")], [], [], variant_floor=0.85).entities
    assert "Tessim" in alone[0].alias_names()


def test_a_longer_name_with_an_extra_middle_name_is_a_suggestion_not_a_merge() -> None:
    father = _person("a:0", "a", "Mohamed Larbi Fennane")
    son = _person("b:0", "b", "Mohammed Fenane")
    result = resolve_corpus([father, son], [], [], variant_floor=0.85)
    assert len(result.entities) == 2
    assert len(result.suggestions) == 1
    s = result.suggestions[0]
    assert {s.name_a, s.name_b} == {"Mohamed Larbi Fennane", "Mohammed Fenane"}
    assert "given names" in s.reason and s.document_ids == ("a", "b")


def test_the_fathers_given_name_as_the_sons_middle_name_is_only_suggested_within_a_report() -> None:
    son = _person("a:0", "a", "Tarek Samir Haddou")
    father = _person("a:1", "a", "Samir Haddou")
    result = resolve_corpus([son, father], [], [], variant_floor=0.85)
    assert len(result.entities) == 2
    assert [(s.name_a, s.name_b) for s in result.suggestions] in (
        [("Samir Haddou", "Tarek Samir Haddou")], [("Tarek Samir Haddou", "Samir Haddou")])


def test_a_single_name_in_two_reports_is_suggested_not_merged() -> None:
    result = resolve_corpus([_person("a:0", "a", "Mounir"), _person("b:0", "b", "Mounir")], [], [],
                            variant_floor=0.85)
    assert len(result.entities) == 2
    assert result.suggestions and "single name" in result.suggestions[0].reason


def test_a_lone_name_spelled_like_a_surname_in_the_same_report_is_a_suggestion() -> None:
    result = resolve_corpus([_person("a:0", "a", "Edward Barnet"), _person("a:1", "a", "Brant")], [], [],
                            variant_floor=0.85)
    assert len(result.entities) == 2
    assert result.suggestions


def test_transcriptions_that_differ_in_vowels_are_one_name_but_reordered_letters_are_not() -> None:
    assert transliterated("abaaoud", "abouaad")
    assert transliterated("anouar", "anwar")
    assert not transliterated("grant", "garnet")
    assert not transliterated("chapo", "chapitos")


def test_a_familiar_given_name_and_a_middle_initial_are_the_same_person() -> None:
    result = resolve_corpus([_person("a:0", "a", "Patricia Lorne"), _person("b:0", "b", "Patty Lorne"),
                             _person("c:0", "c", "Patricia K. Lorne")], [], [], variant_floor=0.85)
    assert len(result.entities) == 1
    assert not result.suggestions


def test_a_son_and_his_father_with_the_same_name_never_merge() -> None:
    result = resolve_corpus([_person("a:0", "a", "Dale Irwin Hatch, Jr."), _person("b:0", "b", "Dale Irwin Hatch")],
                            [], [], variant_floor=0.85)
    assert len(result.entities) == 2


def test_a_rulers_given_name_is_no_surname_to_share() -> None:
    queen = resolve_corpus([_person("a:0", "a", "Queen Margarethe")], [], [], variant_floor=0.85).entities[0]
    assert "Margarethe" not in queen.alias_names()


def _group(local_id: str, doc: str, *names: str) -> LocalEntity:
    return LocalEntity(local_id, doc, "organization", names[0], set(names), mention_count=1)


def test_a_modifier_and_an_acronym_across_reports_is_the_modified_group_only() -> None:
    long = _group("a:0", "a", "Provisional Kestrel Liberation Army")
    short = _group("b:0", "b", "Provisional KLA")
    other = _group("c:0", "c", "Real KLA")
    bare = _group("d:0", "d", "KLA")
    entities = resolve_corpus([long, short, other, bare], [], [], variant_floor=0.85).entities
    assert sorted(sorted({*e.alias_names(), e.name}) for e in entities) == [
        ["KLA"], ["Provisional KLA", "Provisional Kestrel Liberation Army"], ["Real KLA"]]


def test_a_compound_given_name_in_one_word_or_two_is_one_person() -> None:
    spaced = _person("a:0", "a", "Abd al-Rahim Tessouli")
    glued = _person("b:0", "b", "Abdelrahim Tessouli")
    entities = resolve_corpus([spaced, glued], [], [], variant_floor=0.85).entities
    assert len(entities) == 1


def test_a_second_given_name_is_no_compound_given_name() -> None:
    from linkchart.names import compound_given_name

    assert compound_given_name("Abu Bakr Tessouli", "Abubakar Tessouli", floor=0.85)
    assert not compound_given_name("Mohamed Amine Tessouli", "Mohamed Tessouli", floor=0.85)
    assert not compound_given_name("Abd al-Rahim Tessouli", "Rahim Tessouli", floor=0.85)


def test_a_surname_with_its_particle_alone_is_a_lone_surname() -> None:
    full = _person("a:0", "a", "Rachid El Harrak")
    short = _person("b:0", "b", "El Harrak")
    entities = resolve_corpus([full, short], [], [], variant_floor=0.85).entities
    assert len(entities) == 1
