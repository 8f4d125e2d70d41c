"""Family context: "the Roe brothers", "Nabil's brother, Karim".

Reporting names siblings by given name once the family is in view. A lone given name therefore
takes the surname of the nearest family named before it in the paragraph, or of the relative
whose brother/sister it is said to be. A token counts as a given name only when the document
uses it as one (first word of a full name, or the name of someone's brother).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linkchart.extract.document import Occurrence, ParsedDocument
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.relations import Tie
from linkchart.model import FAMILY, PERSON
from linkchart.names import PARTICLES, familiar_form, parts

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_BLOOD = {"brother", "sister", "sibling", "half_brother", "half_sister", "step_brother", "step_sister"}


@dataclass(frozen=True)
class FamilyMention:
    paragraph: int
    sentence: int
    token: Token  # the kin noun
    surname: str
    occurrence: Occurrence  # the surname as it stands in the text


def family_mentions(parsed: ParsedDocument, lex: Lexicon) -> list[FamilyMention]:
    """'the X brothers' / 'the X family': a surname modifying a plural kin noun."""
    found = []
    for occ in parsed.occurrences:
        if occ.type != PERSON or len(occ.name.text.split()) != 1:
            continue
        doc = parsed.paragraphs[occ.paragraph]
        head = parsed.head(occ)
        noun = head.head
        if head.dep_ == "compound" and noun.tag_ in {"NNS", "NN"} and (
                lex.kinship.get(noun.lemma_.lower()) in _BLOOD and noun.tag_ == "NNS" or noun.lower_ == "family"):
            if occ.name.start > 0 and doc[occ.name.start - 1].lower_ == "the":
                found.append(FamilyMention(occ.paragraph, occ.sentence, noun, occ.text, occ))
    return found


def kin_nouns_of(occ: Occurrence, parsed: ParsedDocument, lex: Lexicon) -> Token | None:
    """The kin noun a name is apposed to or compounded with ('his brother Karim')."""
    head = parsed.head(occ)
    candidates = [head.head] if head.dep_ in {"appos", "compound", "attr"} else []
    candidates += [c for c in head.children if c.dep_ in {"compound", "appos"}]
    for t in candidates:
        if lex.kinship.get(t.lemma_.lower()) in _BLOOD and t.pos_ == "NOUN":
            return t
    return None


def _coordinated_given_names(parsed: ParsedDocument) -> None:
    """'Tom and Nora Roe', 'siblings Dale and Fiona Roe': a lone given name coordinated
    with a full name right after it shares that surname; the two are two people. A word the
    document uses as someone's surname ('Lowell and Nora Pratt' where Lowell is someone's surname) is left alone."""
    full = [o for o in parsed.occurrences if o.type == PERSON and len(parts(o.text)) > 1]
    surnames = {o.text.split()[-1] for o in full}
    later_words = {w for o in full for w in o.text.split()[1:]}
    for occ in parsed.occurrences:
        if occ.text in surnames:
            continue
        if occ.type not in {PERSON, ""} or len(occ.text.split()) != 1 or occ.full_name:
            continue
        doc = parsed.paragraphs[occ.paragraph]
        k = occ.name.end
        if k + 1 >= len(doc) or doc[k].lower_ not in {"and", "&"}:
            continue
        partner = parsed.by_token.get((occ.paragraph, k + 1))
        if partner is None or partner.type != PERSON or partner.name.start != k + 1 or len(parts(partner.text)) < 2 or (
                partner.text.split()[0].lower() in PARTICLES):
            continue  # "Nabil and El Tahiri": a surname alone, not a given name and a surname
        if doc[occ.name.start - 1].lower_ in {"the", "of"} if occ.name.start > 0 else False:
            continue  # "the Roe and Poe families"
        words = partner.text.split()
        # "Luis and Pablo Roe Vidal": two surnames when the document's other names carry the
        # first of them as a surname too ("Ana Roe Marin"); else a middle name ("Ann Jane Roe")
        double = len(words) == 3 and words[1] in later_words - {w for o in full for w in o.text.split()[:1]}
        occ.full_name = f"{occ.text} {' '.join(words[1:] if double else words[-1:])}"
        occ.name.type = PERSON
        if words[0] not in partner.name.forms:
            partner.name.forms.append(words[0])  # 'Nora' of 'Tom and Nora Roe': how the text names her too


def infer_full_names(parsed: ParsedDocument, lex: Lexicon) -> list[FamilyMention]:
    _coordinated_given_names(parsed)
    families = family_mentions(parsed, lex)
    people = [o for o in parsed.occurrences if o.type == PERSON]
    given_names = {parts(o.text)[0] for o in people if len(parts(o.text)) > 1}
    given_names |= {o.text.lower() for o in people  # "his brother Karim", not "the Roe brothers"
                    if (kin := kin_nouns_of(o, parsed, lex)) is not None and kin.tag_ != "NNS"}
    family_surnames = {f.surname for f in families}
    for occ in people:
        words = parts(occ.text)
        if len(words) != 1 or words[0] not in given_names or occ.text in family_surnames:
            continue
        if any(f.occurrence is occ for f in families):
            continue
        surname = _possessor_surname(occ, parsed, lex, given_names) or _nearest_family(occ, families, parsed)
        if surname and surname.lower() != words[0]:
            occ.full_name = f"{occ.text} {surname}"
    return families


def _possessor_surname(occ: Occurrence, parsed: ParsedDocument, lex: Lexicon, given_names: set[str]) -> str | None:
    """'Roe's brother Karim' -> Roe (the possessor is itself a surname)."""
    kin = kin_nouns_of(occ, parsed, lex)
    if kin is None:
        return None
    doc = parsed.paragraphs[occ.paragraph]
    i = kin.i - 1
    while i >= 0 and doc[i].pos_ == "ADJ":
        i -= 1
    if i >= 1 and doc[i].tag_ == "POS":
        owner = parsed.by_token.get((occ.paragraph, i - 1))
        if owner is not None and owner.type == PERSON:
            owner_parts = owner.name.text.split()
            if len(owner_parts) > 1:
                return owner_parts[-1]
            if owner.full_name:
                return owner.full_name.split()[-1]
            return None if owner.text.lower() in given_names else owner.text
    return None


def _nearest_family(occ: Occurrence, families: list[FamilyMention], parsed: ParsedDocument) -> str | None:
    before = [f for f in families if f.paragraph == occ.paragraph and f.sentence <= occ.sentence
              and (f.sentence < occ.sentence or f.token.i < occ.name.start)]
    return before[-1].surname if before else None


def unresolved_given_names(parsed: ParsedDocument) -> set[str]:
    """Clusters known only by a lone given name that the document also gives, with a surname, to
    someone else ('Jim' beside 'James Roe', 'Karim' beside 'Karim Haddad'), and that it could not
    resolve to anyone: whose name it is, the text does not say, so such a cluster takes no tie
    (a tie on it would land on whoever else bears that given name)."""
    people = [o for o in parsed.occurrences if o.type == PERSON and o.cluster]
    given_of: dict[str, set[str | None]] = {}  # a given name -> the clusters of the full names it opens
    for o in people:
        words = parts(o.text)
        if len(words) > 1:
            given_of.setdefault(words[0], set()).add(o.cluster)
    named: set[str | None] = set()  # clusters with a full name somewhere
    lone: set[str | None] = set()  # clusters with a bare word that opens another's full name
    for o in people:
        words = parts(o.text)
        if len(words) != 1 or o.full_name:
            named.add(o.cluster)
            continue
        others = set().union(*(c for g, c in given_of.items() if g == words[0] or familiar_form(words[0], g)))
        if others - {o.cluster}:
            lone.add(o.cluster)
    return {c for c in lone - named if c}


_NUMBERS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"])}
_CHILDREN_AND_SIBLINGS = {"child", "brother", "sister", "half_sister", "step_sister", "sibling"}


def counted_kin_ties(parsed: ParsedDocument, lex: Lexicon) -> list[Tie]:
    """'Four sons of X were charged.' followed shortly by a list of exactly four names ('The
    defendants are A, B, C and D'): the list names the sons. Each is X's child, and they are
    siblings. The count must match the list, or nothing is said."""
    ties: list[Tie] = []
    for s, (p, sent) in enumerate(parsed.sentences):
        for kin in sent:
            subtype = lex.kinship.get(kin.lemma_.lower())
            if kin.tag_ != "NNS" or subtype not in _CHILDREN_AND_SIBLINGS:
                continue
            count = count_of(kin)
            owner = _kin_owner(kin, parsed, p)
            if not count or count < 2 or owner is None:
                continue
            found = counted_list(parsed, s, count, owner.cluster)
            if found is None:
                continue
            q, later, names = found
            lead = (p, sent)
            for k, x in enumerate(names):
                if subtype == "child":
                    ties.append(Tie(x, owner.cluster or "", FAMILY, subtype, False, q, later, lead=lead))
                ties.extend(Tie(x, y, FAMILY, "sibling", False, q, later, lead=lead) for y in names[k + 1:])
    return ties


def counted_list(parsed: ParsedDocument, s: int, count: int, exclude: str | None) -> tuple[int, Span, list[str]] | None:
    """The list of exactly `count` people that the next sentence or two (this paragraph or the
    next) give after sentence `s` announced that many: (paragraph, sentence, clusters)."""
    p = parsed.sentences[s][0]
    for q, later in parsed.sentences[s + 1:s + 3]:
        if q > p + 1:
            break
        names = coordinated_people(parsed, q, later, exclude=exclude)
        if names is not None and len(names) == count:
            return q, later, names
    return None


def count_of(token: Token) -> int | None:
    """The number a numeral modifying `token` says ('four sons', '3 others')."""
    return next((n for c in token.children if c.dep_ == "nummod" and (n := _count(c))), None)


def _count(token: Token) -> int | None:
    text = token.lower_
    return int(text) if text.isdigit() else _NUMBERS.get(text)


def _kin_owner(kin: Token, parsed: ParsedDocument, p: int) -> Occurrence | None:
    """X in 'sons of X' or 'X's sons'."""
    for c in kin.children:
        target = c if c.dep_ == "poss" else next((g for g in c.children if g.dep_ == "pobj"), None) if (
            c.dep_ == "prep" and c.lower_ == "of") else None
        occ = parsed.by_token.get((p, target.i)) if target is not None else None
        if occ is not None and occ.type == PERSON and occ.cluster:
            return occ
    return None


def coordinated_people(parsed: ParsedDocument, p: int, sent: Span, exclude: str | None) -> list[str] | None:
    """The people of the one coordination of names in the sentence ('A, B, C and D')."""
    groups: dict[int, list[str]] = {}
    for occ in parsed.in_paragraph(p):
        if occ.type != PERSON or not occ.cluster or not (sent.start <= occ.name.start < sent.end):
            continue
        head = parsed.head(occ)
        first = head
        while first.dep_ in {"conj", "appos"} and first.head.i != first.i and first.head.pos_ == "PROPN":
            first = first.head
        if occ.cluster != exclude and occ.cluster not in groups.get(first.i, []):
            groups.setdefault(first.i, []).append(occ.cluster)
    lists = [g for g in groups.values() if len(g) > 1]
    return lists[0] if len(lists) == 1 else None


def plural_possessor_ties(parsed: ParsedDocument, lex: Lexicon, ties: list[Tie]) -> list[Tie]:
    """'His wife, B, was hurt. Their infant son C was ...': 'their' owning a kin noun apposed to a
    name, right after a sentence that ties a couple, is the couple: C is the child of both."""
    spouses = [t for t in ties if t.type == FAMILY and t.subtype == "spouse"]
    found: list[Tie] = []
    for occ in parsed.occurrences:
        if occ.type != PERSON or not occ.cluster:
            continue
        head = parsed.head(occ)
        kins = [head.head] if head.dep_ in {"appos", "compound"} else []
        kins += [c for c in head.children if c.dep_ in {"compound", "appos"}]
        for kin in kins:
            subtype = lex.kinship.get(kin.lemma_.lower())
            if kin.pos_ != "NOUN" or not subtype or not any(c.dep_ == "poss" and c.lower_ == "their"
                                                               for c in kin.children):
                continue
            sent = parsed.sentences[occ.sentence][1]
            before = [t for t in spouses if t.paragraph == occ.paragraph and t.span.end <= sent.start
                      and sent.start - t.span.end < 80 and occ.cluster not in (t.source, t.target)]
            if not before:
                continue
            couple = max(before, key=lambda t: t.span.end)
            span = couple.span.doc[couple.span.start:sent.end]
            found += [Tie(occ.cluster, parent, FAMILY, subtype, False, occ.paragraph, span)
                      for parent in (couple.source, couple.target)]
    return found


def kin_of_another(parsed: ParsedDocument, lex: Lexicon) -> list[tuple[int, int]]:
    """Pairs of name occurrences the text states are two people: the owner of a kin noun and the
    relative it names ('Roe's half-brother, Tom Roe', 'Tom Roe, Roe's brother'). Whatever else
    joins names, someone's brother is not himself."""
    pairs = []
    for occ in parsed.occurrences:
        if occ.type != PERSON:
            continue
        owner = parsed.head(occ)
        kin = owner.head
        if owner.dep_ != "poss" or kin.pos_ != "NOUN" or kin.lemma_.lower() not in lex.kinship:
            continue
        named = [c for c in kin.children if c.dep_ in {"appos", "compound"}]
        named += [kin.head] if kin.dep_ == "appos" else []
        for token in named:
            other = parsed.occurrence_at(occ.paragraph, token)
            if other is not None and other.type == PERSON and other.id != occ.id:
                pairs.append((occ.id, other.id))
    return pairs
