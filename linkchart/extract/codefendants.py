"""Co-defendants named apart: 'A sixth defendant, X, was acquitted', 'a third co-defendant, X'.

Court releases and opinions name the defendants in one sentence or list and add another one later
as 'another defendant' or 'a co-defendant'. Such a name is tied to the defendants the document
has named shortly before it: the people it charges, convicts or sentences, or calls 'Defendant'.
The rest of the tie machinery works sentence by sentence and cannot see this; the reach is kept
short (a few paragraphs) so that a long article's other trials are not drawn in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linkchart.extract.document import ParsedDocument
from linkchart.extract.kinship import coordinated_people, count_of, counted_list
from linkchart.extract.lexicon import DEFENDANT_NOUNS, Lexicon
from linkchart.extract.relations import Tie
from linkchart.extract.roles import prosecuted
from linkchart.model import ASSOCIATE, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_ANOTHER = frozenset({"another", "other", "fellow"})
REACH = 6  # paragraphs back from the added co-defendant
MAX_TIES = 12  # never more ties from one such mention


def codefendant_ties(parsed: ParsedDocument, lex: Lexicon, outsiders: set[str]) -> list[Tie]:
    """Ties from each added co-defendant to the defendants named shortly before; the evidence runs
    from the sentence that named the other defendant to the one that adds this one."""
    defendants: dict[str, tuple[int, Span]] = {}  # cluster -> where last named as a defendant
    seen: dict[str, int] = {}  # defendant -> paragraph of the last mention (a defendant named again stays in view)
    ties: list[Tie] = []
    for occ in parsed.occurrences:
        if occ.type != PERSON or not occ.cluster or occ.cluster in outsiders:
            continue
        head = parsed.head(occ)
        added = _added_codefendant(head)
        if added:
            others = {c: where for c, where in defendants.items()
                      if c != occ.cluster and occ.paragraph - seen[c] <= REACH}
            if 0 < len(others) <= MAX_TIES:
                for other, (p, named) in others.items():
                    ties.append(_tie(occ.cluster, other, occ.paragraph, head.sent, p, named))
        if added or prosecuted(head, lex) or _titled_defendant(head):
            defendants[occ.cluster] = (occ.paragraph, head.sent)
        if occ.cluster in defendants:
            seen[occ.cluster] = occ.paragraph
    return ties


def _tie(added: str, other: str, paragraph: int, sentence: Span, named_in: int, named: Span) -> Tie:
    if named_in != paragraph:
        return Tie(added, other, ASSOCIATE, "co-defendant", False, paragraph, sentence, lead=(named_in, named))
    if named.start < sentence.start:
        sentence = sentence.doc[named.start:sentence.end]
    return Tie(added, other, ASSOCIATE, "co-defendant", False, paragraph, sentence)


def _defendant_noun(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return token.pos_ in {"NOUN", "PROPN"} and (lemma in DEFENDANT_NOUNS or lemma.rstrip("s") in DEFENDANT_NOUNS)


def _titled_defendant(head: Token) -> bool:
    """'Defendant X', 'X, a defendant'."""
    return any(_defendant_noun(c) for c in head.children if c.dep_ in {"compound", "appos"}) or (
        head.dep_ == "appos" and _defendant_noun(head.head))


def _added_codefendant(head: Token) -> bool:
    """'a sixth defendant, X', 'another defendant, X', 'co-defendant X': a defendant the sentence
    adds to ones named before (an ordinal, 'another', or 'co-' says so)."""
    nouns = [c for c in head.children if c.dep_ in {"compound", "appos"} and _defendant_noun(c)]
    if head.dep_ == "appos" and _defendant_noun(head.head):
        nouns.append(head.head)
    if not nouns:
        return _added_codefendant_in_words(head)
    for noun in nouns:
        if noun.lemma_.lower().startswith("co") or any(
                c.lower_ in _ANOTHER or c.tag_ == "JJ" and c.lower_.endswith(("th", "second", "third", "first"))
                or c.dep_ == "amod" and c.ent_type_ == "ORDINAL" for c in noun.children):
            return True
    return False


def counted_codefendant_ties(parsed: ParsedDocument, lex: Lexicon, outsiders: set[str]) -> list[Tie]:
    """'X and three others were charged: A, B and C' (the list after a colon, or in the next
    sentence or two): X and the named others are co-defendants. The count must match the list."""
    ties: list[Tie] = []
    for s, (p, sent) in enumerate(parsed.sentences):
        for others in sent:
            if others.lower_ != "others" or others.dep_ != "conj":
                continue
            count = count_of(others)
            occ = parsed.by_token.get((p, others.head.i))
            if not count or occ is None or occ.type != PERSON or not occ.cluster or occ.cluster in outsiders:
                continue
            if not prosecuted(others.head, lex):
                continue
            rest = sent.doc[others.i + 1:sent.end]
            names = coordinated_people(parsed, p, rest, exclude=occ.cluster)
            where: tuple[int, Span] = (p, sent)
            if names is None or len(names) != count:
                found = counted_list(parsed, s, count, occ.cluster)
                if found is None:
                    continue
                where, names = (found[0], found[1]), found[2]
            group = [occ.cluster, *names]
            lead = (p, sent) if where[1] is not sent else None
            for k, x in enumerate(group):
                ties.extend(Tie(x, y, ASSOCIATE, "co-defendant", False, where[0], where[1], lead=lead)
                            for y in group[k + 1:] if y not in outsiders and x not in outsiders)
    return ties


def _added_codefendant_in_words(head: Token) -> bool:
    """The same read from the words when the parse has lost it ('a third MS-13 co - defendant,
    X' split into pieces): the name follows a comma after a defendant noun, itself preceded within
    a few words by 'co-', an ordinal or 'another'."""
    doc = head.doc
    start = head.left_edge.i
    if start < 2 or doc[start - 1].text != "," or not _defendant_noun(doc[start - 2]):
        return False
    noun = doc[start - 2]
    if noun.lower_.startswith("co-"):
        return True
    before = doc[max(noun.sent.start, noun.i - 4):noun.i]
    return (len(before) >= 2 and before[-1].text == "-" and before[-2].lower_ == "co") or any(
        t.lower_ in _ANOTHER or t.ent_type_ == "ORDINAL" for t in before)

