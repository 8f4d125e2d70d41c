"""Resolution within and across documents, and analyst decisions."""

from __future__ import annotations

import pytest

from linkchart.extract.within_doc import AliasStatement, NameOccurrence, cluster_names
from linkchart.model import Evidence, LocalEntity, LocalRelation
from linkchart.names import name_key, similar_words
from linkchart.resolve import AnalystDecision, resolve_corpus


def test_transliteration_variants_share_a_key_or_sound() -> None:
    assert name_key("al-Shehhi") == name_key("Alshehhi")
    assert name_key("Binalshibh") == name_key("bin al-Shibh")
    assert similar_words("mohammed", "mohamed", floor=0.85)
    assert similar_words("abaaoud", "abouaad", floor=0.85)
    assert not similar_words("brahim", "salah", floor=0.85)


def test_lone_surname_joins_only_an_unambiguous_full_name() -> None:
    occ = [NameOccurrence(0, "Nabil Sahraoui", "person", 0), NameOccurrence(1, "Sahraoui", "person", 1),
           NameOccurrence(2, "Amine Rifi", "person", 2), NameOccurrence(3, "Hassan Rifi", "person", 2),
           NameOccurrence(4, "Rifi", "person", 3)]
    result = cluster_names(occ, [], variant_floor=0.85, document_id="d")
    assert result.cluster_of[0] == result.cluster_of[1]
    assert result.cluster_of[2] != result.cluster_of[3]
    assert 4 in result.unresolved and "could be any of" in result.unresolved[4]


def test_alias_statement_is_recorded_as_the_reason() -> None:
    occ = [NameOccurrence(0, "Nabil Sahraoui", "person", 0), NameOccurrence(1, "Abu Bakr", "person", 0)]
    result = cluster_names(occ, [AliasStatement(1, 0, "alias statement 'also known as'")],
                           variant_floor=0.85, document_id="d")
    assert result.cluster_of[0] == result.cluster_of[1]
    assert result.decisions[0].reason == "alias statement 'also known as'"


def _local(doc: str, i: int, name: str, names: set[str], etype: str = "person") -> LocalEntity:
    return LocalEntity(f"{doc}:{i}", doc, etype, name, names | {name}, set(), "actor", 2)


def test_cross_document_joins_need_more_than_similarity() -> None:
    locs = [_local("a", 0, "Salah Haddouchi", {"Haddouchi"}), _local("b", 0, "Saleh Haddouchi", set()),
            _local("b", 1, "Brahim Haddouchi", set()), _local("c", 0, "Haddouchi", set())]
    rel = LocalRelation("b", "b:0", "b:1", "family", Evidence("b", "Saleh Haddouchi and his brother Brahim Haddouchi.", 0, 10))
    res = resolve_corpus(locs, [rel], [], variant_floor=0.85)
    names = {e.name: e for e in res.entities}
    salah = next(e for e in res.entities if "Saleh Haddouchi" in e.alias_names())
    assert "Salah Haddouchi" in salah.alias_names()  # same surname, same given-name class
    assert "Brahim Haddouchi" in names and names["Brahim Haddouchi"].id != salah.id  # brothers apart
    # the lone surname fits two people, so it is not merged into either
    assert any(e.alias_names() == ["Haddouchi"] for e in res.entities)
    assert all(d.reason for d in res.decisions)


def test_analyst_decisions_override_and_survive() -> None:
    locs = [_local("a", 0, "Omar Kabbaj", set()), _local("b", 0, "Omar Kabbaj", set()),
            _local("c", 0, "Abu Layth", set())]
    auto = resolve_corpus(locs, [], [], variant_floor=0.85)
    assert len(auto.entities) == 2
    decided = resolve_corpus(locs, [], [AnalystDecision("merge", "Omar Kabbaj", "Abu Layth"),
                                        AnalystDecision("rename", "Abu Layth", "Omar Kabbaj (Abu Layth)")],
                             variant_floor=0.85)
    assert [e.name for e in decided.entities] == ["Omar Kabbaj (Abu Layth)"]
    assert any(d.source == "analyst" for d in decided.decisions)
    apart = resolve_corpus(locs, [], [AnalystDecision("distinct", "Omar Kabbaj", "Omar Kabbaj")],
                           variant_floor=0.85)
    assert len(apart.entities) == 3


def test_alias_statements_between_unnamed_things_are_ignored() -> None:
    from linkchart.extract.within_doc import AliasStatement, NameOccurrence, cluster_names

    occurrences = [NameOccurrence(0, "Karim Haddad", "person", 0), NameOccurrence(1, "Haddad", "person", 1)]
    result = cluster_names(occurrences, [AliasStatement(5, 0, "alias statement 'known as'")],
                           variant_floor=0.85, document_id="d")
    assert result.cluster_of[0] == result.cluster_of[1]


def test_events_with_long_shared_labels_get_distinct_ids() -> None:
    from linkchart.model import Entity, Evidence, LocalEvent
    from linkchart.resolve.events import resolve_events

    label = "the coordinated bombing of the northern ferry terminal and the adjacent car park in the harbour district"
    events = [LocalEvent("d", "attack", label + suffix, ["d:0"], Evidence("d", "text", k, k + 4), None, None)
              for k, suffix in enumerate((" at night", " at dawn"))]
    karim = Entity("per-karim", "person", "Karim Haddad", [])
    found = resolve_events(events, {"d:0": "per-karim"}, {"per-karim": karim})
    assert len(found) == 2 and len({e.id for e in found}) == 2


def test_types_and_roles_are_checked_where_they_are_made() -> None:
    from linkchart.model import as_entity_type, as_relation_type, as_role

    assert as_entity_type("person") == "person" and as_relation_type("co_resided") == "co_resided"
    for convert, misspelt in ((as_entity_type, "persn"), (as_role, "actr"), (as_relation_type, "brother_of")):
        with pytest.raises(ValueError, match=f"unknown .* '{misspelt}'"):
            convert(misspelt)  # type: ignore[operator]
