"""The date of a tie or event: read only from the clause that states it.

A sentence often carries several dates that belong to other things: "X, born 2 May 1982, joined
the group in 2013" (a birth year), "X, who was jailed in 2010 for a robbery, blew himself up at
the airport" (another clause's year). A date counts for a tie only when the clause governing it is
the clause that states the tie: the clause of the lowest word joining the two people, or a clause
on the way from one of them up to it ("X, who met Y in prison in 2010, ..." dates the X–Y tie,
not what X does in the main clause). Dates of birth and death are never tie dates: they are facts
of the person, kept as life events (`BORN`, `DIED`): "born"/"died" phrases, and the dates in the
parenthesis after a name that reference works use for a life ("Name (8 April 1945 – 5 June 1975)").

Dates come from the one shared reader (`linkchart.dates`), run over the whole document so that
"the following year" counts from the date the text gave before it; a date later than the report
(a trial still to come) dates nothing the report states as done.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import cache
from typing import TYPE_CHECKING

from linkchart.dates import DateMention, date_key, find_dates, parse_date, surely_before
from linkchart.extract.document import ParsedDocument
from linkchart.lexicon import words
from linkchart.model import BORN, DIED, FAMILY, PERSON, DateSource, Document, Evidence, LocalEvent, as_event_type

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

#: Dependencies that open a clause of their own below their head.
_CLAUSE_DEPS = frozenset({"ROOT", "relcl", "acl", "advcl", "ccomp", "csubj", "csubjpass", "parataxis", "appos", "pcomp"})
_BIRTH_WORDS = frozenset({"born", "birth", "née", "nee"})
_DEATH_WORDS = frozenset({"died", "death", "dies"})
_VERBS = frozenset({"VERB", "AUX"})


@cache
def _family_verbs() -> frozenset[str]:
    return words("family_date_verbs.txt")


def clause_head(token: Token) -> Token:
    """The head of the clause `token` belongs to (a verb's conjunct opens a clause of its own)."""
    while True:
        if token.dep_ in _CLAUSE_DEPS or token.head.i == token.i:
            return token
        if token.dep_ == "conj" and token.pos_ in _VERBS:
            return token
        token = token.head


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return chain


def _stating_clauses(anchors: Sequence[Token]) -> set[int]:
    """Token indexes of the clause heads that state what joins `anchors`: the clause of their
    lowest common ancestor and every clause on the way up to it from one of them (per sentence,
    for evidence that runs over two)."""
    sentences: dict[int, list[Token]] = {}
    for t in anchors:
        sentences.setdefault(t.sent.start, []).append(t)
    if len(sentences) > 1:
        return set().union(*(_stating_clauses(group) for group in sentences.values()))
    chains = [_ancestors(t) for t in anchors]
    common = set.intersection(*(set(t.i for t in c) for c in chains))
    top = next(t for t in chains[0] if t.i in common)
    heads = {clause_head(top).i}
    for chain in chains:
        for t in chain:
            if t.i == top.i:
                break
            heads.add(clause_head(t).i)
    return heads


def life_word(token: Token) -> str | None:
    """BORN or DIED when the date at `token` is governed, within its clause, by 'born' / 'died'."""
    while True:
        word = token.lower_
        if word in _BIRTH_WORDS:
            return BORN
        if word in _DEATH_WORDS or (token.lemma_ == "die" and token.pos_ in _VERBS):
            return DIED
        if token.dep_ in _CLAUSE_DEPS or token.head.i == token.i or (token.dep_ == "conj" and token.pos_ in _VERBS):
            return None
        token = token.head


def source_of(mention: DateMention) -> DateSource:
    return DateSource(mention.kind, mention.text, mention.anchor, mention.anchored_to)


class ClauseDater:
    """Dates for ties and events of one parsed document."""

    def __init__(self, document: Document, parsed: ParsedDocument, pronouns: dict[tuple[int, int], str]) -> None:
        self.document = document
        self.parsed = parsed
        self.pronouns = pronouns
        self.report_date = parse_date(document.date)
        self.mentions = find_dates(document.text, document.date)
        # where each person's name ends in the text, for "Name (8 April 1945 – 5 June 1975)"
        self.name_ends = {parsed.char_span(o.paragraph, o.name.span(parsed.paragraphs[o.paragraph]))[1]: o.cluster
                          for o in parsed.occurrences if o.type == PERSON and o.cluster}

    def lifespan(self, mention: DateMention) -> tuple[str, str] | None:
        """(BORN or DIED, person) for a date in the parenthesis right after a person's name, as
        reference works give a life: "Name (born 1961)", "Name (/ipa/; 8 April 1945 – 5 June 1975)".
        The first date of the parenthesis is the birth, one after a dash the death."""
        text = self.document.text
        opening = text.rfind("(", 0, mention.start)
        if opening < 0 or ")" in text[opening:mention.start] or "\n" in text[opening:mention.start]:
            return None
        person = self.name_ends.get(len(text[:opening].rstrip()))
        if person is None:
            return None
        between = text[opening + 1 : mention.start]
        died = any(dash in between for dash in ("–", "—", " - ")) and any(m.start > opening and m.end <= mention.start
                                                                        for m in self.mentions)
        return (DIED if died else BORN), person

    def _in_span(self, paragraph: int, span: Span) -> Iterable[tuple[DateMention, Token]]:
        start, end = self.parsed.char_span(paragraph, span)
        base = self.parsed.offsets[paragraph]
        doc = self.parsed.paragraphs[paragraph]
        for m in self.mentions:
            if start <= m.start and m.end <= end:
                found = doc.char_span(m.start - base, m.end - base, alignment_mode="expand")
                if found is not None:
                    yield m, found.root

    def anchors(self, paragraph: int, span: Span, clusters: Iterable[str]) -> list[Token]:
        """Head tokens in `span` of the names and pronouns standing for `clusters`."""
        wanted = set(clusters)
        found = []
        for tok in span:
            occ = self.parsed.occurrence_at(paragraph, tok)
            cluster = occ.cluster if occ is not None else self.pronouns.get((paragraph, tok.i))
            if cluster in wanted and (occ is None or self.parsed.head(occ).i == tok.i):
                found.append(tok)
        return found

    def date_of(self, paragraph: int, span: Span, anchors: Sequence[Token],
                kind: str | None = None) -> tuple[str | None, DateSource | None]:
        """The earliest date stated in the clause joining `anchors` (the sentence root without
        anchors); never a birth or death date, never one after the report. A family tie is dated
        only by a verb that makes one ("married in 1974"): kinship itself has no date."""
        heads = _stating_clauses(anchors or [span.root])
        usable = [m for m, tok in self._in_span(paragraph, span)
                  if clause_head(tok).i in heads and life_word(tok) is None and self.lifespan(m) is None
                  and not surely_before(self.report_date, m.date)
                  and (kind != FAMILY or clause_head(tok).lemma_.lower() in _family_verbs())]
        best = min(usable, key=lambda m: (date_key(m.date), m.kind != "stated"), default=None)
        return (best.date, source_of(best)) if best else (None, None)

    def life_events(self, known: set[str]) -> list[LocalEvent]:
        """'X, born 2 May 1982, ...', 'X was born in 1982', 'he died in 2016': the person's own dates."""
        out = []
        for p, span in self.parsed.sentences:
            for mention, tok in self._in_span(p, span):
                kind = life_word(tok)
                person = self._whose(p, tok) if kind else None
                if person is None and (life := self.lifespan(mention)) is not None:
                    kind, person = life
                if kind is None or person is None or person not in known:
                    continue
                start, end = self.parsed.char_span(p, span)
                evidence = Evidence(self.document.id, self.document.text[start:end], start, end)
                out.append(LocalEvent(self.document.id, as_event_type(kind), kind, [person], evidence, None, mention.date,
                                      source_of(mention)))
        return out

    def _whose(self, paragraph: int, token: Token) -> str | None:
        """The person a 'born' / 'died' phrase is about: the subject of the verb, or the name the
        phrase hangs from ('X, born 1982')."""
        word = token
        while word.lower_ not in _BIRTH_WORDS | _DEATH_WORDS and word.lemma_ != "die" and word.head.i != word.i:
            word = word.head
        candidates = [c for c in word.children if c.dep_ in {"nsubj", "nsubjpass"}]
        candidates += [word.head] if word.dep_ in {"acl", "amod", "appos", "parataxis", "relcl"} else []
        for c in candidates:
            occ = self.parsed.occurrence_at(paragraph, c)
            cluster = occ.cluster if occ is not None else self.pronouns.get((paragraph, c.i))
            if cluster and (occ is None or occ.type == PERSON):
                return cluster
        return None
