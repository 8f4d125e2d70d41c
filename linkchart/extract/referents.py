"""Alias statements about someone the sentence does not name: 'a man known as A turned out to
be B', a section under a heading that is a person's name, 'a man known as X' standing for X."""

from __future__ import annotations

from linkchart.extract.aliases import AliasFinding
from linkchart.extract.document import Occurrence, ParsedDocument
from linkchart.extract.within_doc import AliasStatement
from linkchart.model import PERSON


def section_subject_statements(parsed: ParsedDocument, aliases: list[AliasFinding]) -> list[AliasStatement]:
    """Under a heading that is a person's name ('### Farhan Rafiq, 29'), the section's first
    sentence describes that person: 'A former boxer, known as 'Fez'.' names him."""
    out = []
    for f in aliases:
        if f.unnamed is None or f.alias.paragraph == 0:
            continue
        p = f.alias.paragraph
        first_sentence = parsed.sentence_of(p, parsed.paragraphs[p][0])
        heading = _person_heading(parsed, p - 1)
        if heading is not None and f.alias.sentence == first_sentence and heading.type == f.alias.type:
            out.append(AliasStatement(f.alias.id, heading.id, f"{f.reason}, under the heading '{heading.text}'"))
    return out


def _person_heading(parsed: ParsedDocument, p: int) -> Occurrence | None:
    """A short line that is one person's name (with an age or a title at most)."""
    doc = parsed.paragraphs[p]
    names = parsed.in_paragraph(p)
    if len(names) != 1 or names[0].type != PERSON or len(doc) > 8 or any(t.pos_ in {"VERB", "AUX"} for t in doc):
        return None
    return names[0]


def unnamed_referents(aliases: list[AliasFinding]) -> dict[tuple[int, int], str]:
    """'a man previously known as X' stands for X wherever the sentence uses it: 'Also in the
    car were Roe and a man previously known as X'."""
    out = {}
    for f in aliases:
        if f.unnamed is not None and f.alias.cluster:
            out[(f.alias.paragraph, f.unnamed[1])] = f.alias.cluster
    return out


def unnamed_referent_statements(aliases: list[AliasFinding]) -> list[AliasStatement]:
    """Two names said of one unnamed referent in one sentence are one person: 'a man known as A
    turned out to be B'; 'identified the man as A, but others identified him as B'."""
    groups: dict[tuple[int, ...], list[AliasFinding]] = {}
    for f in aliases:
        if f.unnamed is not None:
            sentence, token, verb = f.unnamed
            groups.setdefault((sentence, token), []).append(f)
            groups.setdefault((sentence, -1, hash(verb)), []).append(f)
        elif f.pronoun is not None:
            groups.setdefault((f.sentence, -1, hash(f.pronoun[1].head.lemma_.lower())), []).append(f)
    out = []
    for group in groups.values():
        if len(group) > 1 and any(g.unnamed is not None for g in group):
            for other in group[1:]:
                if other.alias.id != group[0].alias.id:
                    out.append(AliasStatement(group[0].alias.id, other.alias.id,
                                              f"{group[0].reason}, said of one unnamed person"))
    return out
