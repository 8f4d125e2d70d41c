"""Extraction on short reports written for these tests (not from any corpus)."""

from __future__ import annotations

from linkchart.ingest.dedupe import content_hash
from linkchart.model import Document, DocumentExtraction


def _extract(extractor, text: str) -> DocumentExtraction:  # type: ignore[no-untyped-def]
    doc = Document("d1", "t.txt", "t", text, content_hash(text))
    return extractor.extract(doc)


def _ties(result: DocumentExtraction) -> set[tuple[str, str, str]]:
    names = {e.local_id: e.name for e in result.entities}
    out = set()
    for r in result.relations:
        a, b = sorted((names[r.source], names[r.target])) if r.type != "member_of" else (names[r.source], names[r.target])
        out.add((a, r.type, b))
    return out


def _entity(result: DocumentExtraction, name: str):  # type: ignore[no-untyped-def]
    return next(e for e in result.entities if name in e.names)


def test_brothers_are_two_people_and_family(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
        "Karim Haddad and Walid Haddad grew up in Schaerbeek. The Haddad brothers were arrested in 2019. "
        "Haddad refused to speak to investigators.\n")
    people = {e.name for e in result.entities if e.type == "person"}
    assert {"Karim Haddad", "Walid Haddad"} <= people
    assert ("Karim Haddad", "family", "Walid Haddad") in _ties(result)
    # The lone surname could be either brother: it is left unresolved, not guessed.
    assert all(e.names != {"Haddad"} for e in result.entities)
    assert any("left unresolved" in m.reason for m in result.merges)


def test_alias_statements_join_names(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
        "Investigators say Yassine Lamrani, also known as Abu Talha, ran the cell's finances. "
        "A man previously known as “Omar Fassi” turned out to be Nabil Cherradi.\n")
    assert {"Yassine Lamrani", "Abu Talha"} <= _entity(result, "Yassine Lamrani").names
    assert {"Omar Fassi", "Nabil Cherradi"} <= _entity(result, "Nabil Cherradi").names


def test_quoted_analyst_is_a_commentator_without_ties(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
        "Youssef Amrani recruited Samir Dahou in Liège. “The cell was small but loyal,” said Claire Vos, "
        "an analyst at the Egmont Institute. Vos said Amrani was a skilled recruiter.\n")
    vos = _entity(result, "Claire Vos")
    assert vos.role == "commentator"
    assert not any(vos.local_id in (r.source, r.target) and r.type != "leader_of" for r in result.relations)
    recruit = [r for r in result.relations if r.type == "recruited_by"]
    names = {e.local_id: e.name for e in result.entities}
    assert [(names[r.source], names[r.target]) for r in recruit] == [("Samir Dahou", "Youssef Amrani")]


def test_negated_and_hedged_statements(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
        "Hamza Idrissi never met Rachid Bensaid. Mounir Tahiri allegedly shared an apartment with Adil Ouali.\n")
    ties = _ties(result)
    assert not any("Rachid Bensaid" in t and "Hamza Idrissi" in t for t in ties)
    shared = [r for r in result.relations if r.type == "co_resided"]
    assert shared and all(r.evidence.hedged for r in shared)


def test_pronoun_ties_and_evidence_offsets(extractor) -> None:  # type: ignore[no-untyped-def]
    text = ("Tarek Mansouri returned from Syria in 2015. His childhood friend, Ilyas Berrada, "
            "was arrested a month later.\n")
    result = _extract(extractor, text)
    assert ("Ilyas Berrada", "associate", "Tarek Mansouri") in _ties(result)
    for r in result.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text


def test_group_found_by_its_slot_and_leadership(extractor) -> None:  # type: ignore[no-untyped-def]
    result = _extract(extractor,
        "Rachid Kettani, a former boxer who founded Tawhid4Gent, preached in the city's parks. "
        "Prosecutors say the Kettani network sent twenty men to Syria.\n")
    groups = {e.name for e in result.entities if e.type == "organization"}
    assert "Tawhid4Gent" in groups and "Kettani network" in groups
    assert ("Rachid Kettani", "leader_of", "Tawhid4Gent") in {
        (a, t, b) for a, t, b in _ties(result)} | {(b, t, a) for a, t, b in _ties(result)}
