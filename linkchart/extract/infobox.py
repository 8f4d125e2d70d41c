"""Fact boxes ('Also known as: X; Y', 'Founder: X', 'Relatives: Y (son)') and lists under an
introducing sentence ('The following were convicted of membership of X:' then one per line).

Wiki pages and profiles state aliases, leaders, members and relatives of the page's subject as
fields, one per line, not as sentences. A field counts when its name is in
lexicon/infobox_fields.txt and the page's subject (the name its title gives) is named in the
document; the field line itself is the evidence.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linkchart.extract.aliases import AliasFinding
from linkchart.extract.document import Occurrence, ParsedDocument
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.relations import Tie
from linkchart.model import FAMILY, LEADER_OF, MEMBER_OF, ORGANIZATION, PERSON, PLACE
from linkchart.names import name_key

if TYPE_CHECKING:
    from spacy.tokens import Span

_FIELD = re.compile(r"^\W{0,3}([A-Za-z][\w ()/'-]{0,30}?)\s*(?::\s+|\s?\|\s+)\S")  # "Born: X", "Ameer | X |"


def page_subject(parsed: ParsedDocument, title: str) -> Occurrence | None:
    """The first occurrence of the name the title gives ('Jund al-Mizan', 'Mohammed Qaddouri')."""
    key = name_key(title)
    if not key:
        return None
    for occ in parsed.occurrences:
        if occ.type in {PERSON, ORGANIZATION} and name_key(occ.text) == key:
            return occ
    return None


def _fields(parsed: ParsedDocument, lex: Lexicon) -> list[tuple[int, str, int]]:
    """(paragraph, kind, index of the first value token) for every known field line. Read from
    the tokens alone and asked for by every fact-box step: found once a document."""
    if parsed.infobox_fields is None:
        parsed.infobox_fields = _find_fields(parsed, lex)
    return parsed.infobox_fields


def _find_fields(parsed: ParsedDocument, lex: Lexicon) -> list[tuple[int, str, int]]:
    out = []
    for p, doc in enumerate(parsed.paragraphs):
        match = _FIELD.match(doc.text)
        if match:
            kind = field_kind(match.group(1), lex)
            colon = next((t.i for t in doc if t.text in {":", "|"}), None)
            if kind and colon is not None:
                out.append((p, kind, colon + 1))
            continue
        first = next((t for t in doc if not t.is_punct and not t.is_space), None)
        if first is not None and first.whitespace_ == "" and first.i + 1 < len(doc) and not doc[first.i + 1].is_punct:
            kind = lex.infobox_fields.get(first.lower_)  # "BornLagos", "Leader(s)Ann Roe": a flattened fact box
            if kind:
                out.append((p, kind, first.i + 1))
                continue
        spaced = _spaced_field(doc.text, lex)
        if spaced is not None:
            kind, at = spaced
            value = next((t.i for t in doc if t.idx >= at), None)
            if value is not None:
                out.append((p, kind, value))
    return out


_SPACED_LABEL = re.compile(r"^\W{0,3}((?:[A-Za-z][\w()/'-]*\s+){1,3}?)(?=[A-Z])")


def _spaced_field(text: str, lex: Lexicon) -> tuple[str, int] | None:
    """'Spouse(s) Ann Roe', 'Relatives Bo Roe (brother)': a fact-box row copied with a space
    between its label and a capitalised value. A short line that is not a sentence only:
    'Parents Ann and Bo Roe were questioned by police.' is prose."""
    if len(text.split()) > 12 or text.rstrip().endswith((".", "!", "?")):
        return None
    match = _SPACED_LABEL.match(text)
    if match is None:
        return None
    kind = field_kind(match.group(1), lex)  # not 'Born Ann Roe (Arabic: ...)': a birth name, no place
    return (kind, match.end()) if kind and kind != "place" else None


def field_kind(label: str, lex: Lexicon) -> str | None:
    """What a field states: 'Other members', 'Notable members' are named by their last word;
    'Parent(s)', 'Spouse(s)', 'Leader(s)' by the word with or without its plural mark."""
    key = " ".join(label.strip().lower().split())
    for candidate in (key, key.split()[-1] if key else key):
        for form in (candidate, candidate.replace("(s)", "s"), candidate.replace("(s)", "")):
            if form in lex.infobox_fields:
                return lex.infobox_fields[form]
    return None


def _values(parsed: ParsedDocument, p: int, start: int) -> list[Occurrence]:
    return [o for o in parsed.in_paragraph(p) if o.name.start >= start]


_TABLE_HEADER = re.compile(r"^\s*\|?\s*([^|]+?)\s*\|\s*\|?\s*$")  # "Ann Roe | |": a fact box's header row


def row_subjects(parsed: ParsedDocument, lex: Lexicon, title: str) -> dict[int, Occurrence]:
    """The subject of each field row: the page's subject, or, for the rows under a fact box's
    own header (a page about an attack carries its perpetrator's box: 'Ann Roe | |' or a line
    that is only 'Ann Roe', then 'Born | ...', 'Parent(s) | ...'), the person or group that
    header names. The header's scope ends at the next header or at the first line of prose.
    Only a name the text already holds can head rows: the header invents no one."""
    page = page_subject(parsed, title)
    fields = _fields(parsed, lex)
    field_rows = {p for p, _kind, _start in fields}
    out: dict[int, Occurrence] = {}
    header: Occurrence | None = None
    for p in range(len(parsed.paragraphs)):
        found = _header(parsed, p, p + 1 in field_rows or _is_row(parsed, p + 1))
        if found is not None:
            header = found
            continue
        if p not in field_rows and _is_prose(parsed.text(p)):
            header = None
        if p in field_rows:
            subject = header or page
            if subject is not None:
                out[p] = subject
    return out


def _header(parsed: ParsedDocument, p: int, row_follows: bool) -> Occurrence | None:
    text = parsed.text(p).strip()
    table = _TABLE_HEADER.match(text)
    cell = table.group(1) if table else (text if row_follows else "")
    names = [o for o in parsed.in_paragraph(p) if o.type in {PERSON, ORGANIZATION}]
    if not cell or len(names) != 1 or name_key(names[0].text) != name_key(cell):
        return None
    return names[0]


def _is_row(parsed: ParsedDocument, p: int) -> bool:
    return p < len(parsed.paragraphs) and bool(_FIELD.match(parsed.text(p)))


def _is_prose(text: str) -> bool:
    return len(text.split()) >= 12 and text.rstrip().endswith((".", "!", "?", '"', "”"))


def type_field_values(parsed: ParsedDocument, lex: Lexicon, title: str) -> None:
    """A field says what its values are: aliases are names of the subject's kind, relatives are
    people, a person's 'Organisation' is a group, a group's 'Founder' a person."""
    subjects = row_subjects(parsed, lex, title)
    typed: dict[str, str] = {}
    for p, kind, start in _fields(parsed, lex):
        subject = subjects.get(p)
        wanted = {"place": PLACE}
        if subject is not None:
            other = ORGANIZATION if subject.type == PERSON else PERSON
            wanted.update({"alias": subject.type, "family": PERSON, "leader": other, "member": other})
        for value in _values(parsed, p, start):
            if (subject is None or value.id != subject.id) and kind in wanted:
                typed[name_key(value.text)] = wanted[kind]
    heads = {name_key(o.text) for o in subjects.values()}
    for occ in parsed.occurrences:  # one name, one kind in a document
        if name_key(occ.text) not in heads and name_key(occ.text) in typed:
            occ.name.type = typed[name_key(occ.text)]


def infobox_aliases(parsed: ParsedDocument, lex: Lexicon, title: str) -> list[AliasFinding]:
    subjects = row_subjects(parsed, lex, title)
    out = []
    for p, kind, start in _fields(parsed, lex):
        subject = subjects.get(p)
        if kind != "alias" or subject is None:
            continue
        for value in _values(parsed, p, start):
            if value.id != subject.id and value.type in {subject.type, ""}:
                out.append(AliasFinding(value, "field 'also known as'", value.sentence, referent=subject))
    return out


def infobox_ties(parsed: ParsedDocument, lex: Lexicon, title: str) -> list[Tie]:
    subjects = row_subjects(parsed, lex, title)
    ties = []
    for p, kind, start in _fields(parsed, lex):
        subject = subjects.get(p)
        if subject is None or not subject.cluster:
            continue
        line = parsed.paragraphs[p][:]
        for value in _values(parsed, p, start):
            if not value.cluster or value.cluster == subject.cluster:
                continue
            found = _field_tie(kind, subject, value, line, lex)
            if found is not None:
                source, target, rtype, subtype = found
                ties.append(Tie(source, target, rtype, subtype, False, p, line))
    return ties


def _field_tie(kind: str, subject: Occurrence, value: Occurrence, line: Span,
               lex: Lexicon) -> tuple[str, str, str, str | None] | None:
    """(source, target, type, subtype) for one value of a field, or None."""
    after = [t.lemma_.lower() for t in line if t.i >= value.name.end][:8]
    said = set(after)  # "(founder; emir 2009–2013)", "(son)"
    assert subject.cluster and value.cluster
    if kind == "leader" and subject.type == ORGANIZATION and value.type == PERSON:
        return value.cluster, subject.cluster, LEADER_OF, None
    if kind == "member" and subject.type == ORGANIZATION and value.type == PERSON:
        return value.cluster, subject.cluster, MEMBER_OF, None
    if kind == "member" and subject.type == PERSON and value.type == ORGANIZATION:
        leads = bool(said & lex.leader_words)
        return subject.cluster, value.cluster, LEADER_OF if leads else MEMBER_OF, None
    if kind == "family" and subject.type == PERSON and value.type == PERSON:
        # the kin word nearest after the name: "A (brother); B (cousin)" makes B a cousin
        subtype = next((lex.kinship[w] for w in after if w in lex.kinship), None)
        return subject.cluster, value.cluster, FAMILY, subtype
    return None


_ITEM = re.compile(r"^\s*(?:[-•*▪●◦]|\d+[.)])\s+")


def type_list_items(parsed: ParsedDocument, lex: Lexicon) -> None:
    """Under 'convicted of membership of X:' each item starts with a person's name."""
    for first, _intro in _items_under_introductions(parsed, lex, need_cluster=False):
        if not first.type:
            first.name.type = PERSON


def _items_under_introductions(parsed: ParsedDocument, lex: Lexicon, *, need_cluster: bool):  # type: ignore[no-untyped-def]
    intro = None
    for p, doc in enumerate(parsed.paragraphs):
        if not _ITEM.match(doc.text):
            intro = _introduction(parsed, p, lex, need_cluster)
            continue
        if intro is None:
            continue
        first = min((o for o in parsed.in_paragraph(p) if o.type in {PERSON, ""}
                     and (o.cluster or not need_cluster)), key=lambda o: o.name.start, default=None)
        if first is not None and first.name.start <= 2:  # the item must begin with the name
            yield first, intro


def list_item_ties(parsed: ParsedDocument, lex: Lexicon) -> list[Tie]:
    """'The following people were convicted of membership of Jund al-Mizan:' followed by one
    person per list item: each is a member (or leader) of the one group the sentence names.
    The evidence runs from the introducing sentence to the item."""
    ties: list[Tie] = []
    for first, (q, sentence, group, kind) in _items_under_introductions(parsed, lex, need_cluster=True):
        if first.type == PERSON and first.cluster:
            doc = parsed.paragraphs[first.paragraph]
            ties.append(Tie(first.cluster, group, kind, None, False, first.paragraph, doc[:], lead=(q, sentence)))
    return ties


def _introduction(parsed: ParsedDocument, p: int, lex: Lexicon, need_cluster: bool) -> tuple[int, Span, str, str] | None:
    doc = parsed.paragraphs[p]
    if not doc.text.rstrip().endswith(":"):
        return None
    sentence = list(doc.sents)[-1]
    groups = {o.cluster or o.text for o in parsed.in_paragraph(p) if o.type == ORGANIZATION
              and (o.cluster or not need_cluster) and sentence.start <= o.name.start < sentence.end}
    words = {t.lemma_.lower() for t in sentence}
    if len(groups) != 1 or any(t.dep_ == "neg" for t in sentence):
        return None
    if words & lex.leader_words:
        kind = LEADER_OF
    elif words & {w for w, k in lex.group_triggers.items() if k == MEMBER_OF}:
        kind = MEMBER_OF
    else:
        return None
    return p, sentence, next(iter(groups)), kind
