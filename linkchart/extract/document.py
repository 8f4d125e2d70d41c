"""The parsed form of one document that every extraction step reads.

A document is parsed paragraph by paragraph (one spaCy Doc each), so sentences never run across
paragraphs and pronouns can be resolved "within the paragraph". Every name occurrence gets an
integer id, and every sentence a document-wide index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkchart.extract.names import NameSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})


@dataclass
class Occurrence:
    id: int
    paragraph: int
    name: NameSpan
    sentence: int
    full_name: str | None = None
    cluster: str | None = None

    @property
    def text(self) -> str:
        return self.name.text

    @property
    def type(self) -> str:
        return self.name.type


@dataclass
class ParsedDocument:
    document_id: str
    paragraphs: list[Doc]
    offsets: list[int]  # character offset of each paragraph in Document.text
    occurrences: list[Occurrence] = field(default_factory=list)
    by_token: dict[tuple[int, int], Occurrence] = field(default_factory=dict)
    sentence_index: dict[tuple[int, int], int] = field(default_factory=dict)  # (para, sent.start) -> idx
    sentences: list[tuple[int, Span]] = field(default_factory=list)  # idx -> (para, span)
    _by_place: tuple = field(default=(), repr=False, compare=False)  # type: ignore[type-arg]
    _heads: dict[int, Token] = field(default_factory=dict, repr=False, compare=False)
    _texts: list[str] | None = field(default=None, repr=False, compare=False)
    # The fact-box field lines (paragraph, kind, first value token): read from the tokens alone and
    # asked for by every fact-box step, so found once (extract/infobox.py fills it).
    infobox_fields: list[tuple[int, str, int]] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def build(cls, document_id: str, paragraphs: list[Doc], offsets: list[int],
              names: list[list[NameSpan]]) -> ParsedDocument:
        parsed = cls(document_id, paragraphs, offsets)
        for p, doc in enumerate(paragraphs):
            for sent in doc.sents:
                parsed.sentence_index[(p, sent.start)] = len(parsed.sentences)
                parsed.sentences.append((p, sent))
        for p, paragraph_names in enumerate(names):
            doc = paragraphs[p]
            for name in paragraph_names:
                sent = doc[name.start].sent
                occ = Occurrence(len(parsed.occurrences), p, name, parsed.sentence_index[(p, sent.start)])
                parsed.occurrences.append(occ)
                for i in range(name.start, name.end):
                    parsed.by_token[(p, i)] = occ
        return parsed

    def in_paragraph(self, paragraph: int) -> list[Occurrence]:
        """The name occurrences of one paragraph, in order: an index, so that steps asking
        about one paragraph or sentence cost the same in a long document as in a short one."""
        return self._index()[0].get(paragraph, [])

    def in_sentence(self, sentence: int) -> list[Occurrence]:
        return self._index()[1].get(sentence, [])

    def _index(self) -> tuple[dict[int, list[Occurrence]], dict[int, list[Occurrence]]]:
        if not self._by_place or self._by_place[2] != len(self.occurrences):
            by_paragraph: dict[int, list[Occurrence]] = {}
            by_sentence: dict[int, list[Occurrence]] = {}
            for o in self.occurrences:
                by_paragraph.setdefault(o.paragraph, []).append(o)
                by_sentence.setdefault(o.sentence, []).append(o)
            self._by_place = (by_paragraph, by_sentence, len(self.occurrences))  # type: ignore[assignment]
        return self._by_place[0], self._by_place[1]  # type: ignore[return-value]

    def text(self, paragraph: int) -> str:
        """A paragraph's text (spaCy joins `doc.text` anew from the tokens at every call)."""
        if self._texts is None:
            self._texts = [doc.text for doc in self.paragraphs]
        return self._texts[paragraph]

    def occurrence_at(self, paragraph: int, token: Token) -> Occurrence | None:
        return self.by_token.get((paragraph, token.i))

    def sentence_of(self, paragraph: int, token: Token) -> int:
        return self.sentence_index[(paragraph, token.sent.start)]

    def char_span(self, paragraph: int, span: Span) -> tuple[int, int]:
        base = self.offsets[paragraph]
        return base + span.start_char, base + span.end_char

    def head(self, occ: Occurrence) -> Token:
        """The syntactic head of a name: asked of every name by several steps, found once (a
        name's tokens never change once found)."""
        head = self._heads.get(occ.id)
        if head is None:
            head = self._heads[occ.id] = occ.name.span(self.paragraphs[occ.paragraph]).root
        return head


def conjunct_heads(token: Token) -> list[Token]:
    """The conjuncts `token` follows in its coordination, nearest first ('B' in 'A, B and C'
    follows A; 'C' follows B, then A)."""
    out = []
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        out.append(token)
    return out


def listed_names(token: Token) -> list[Token]:
    """The names of a list 'A, B and C' from its first (parsers hang them as conjuncts or as
    appositions of one another)."""
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo += [c for c in t.children if c.dep_ in {"conj", "appos"} and c.pos_ == "PROPN"]
    return out


def first_conjunct(token: Token) -> Token:
    """The first item of the coordination `token` stands in ('A' of 'A, B and C'): where the
    list hangs from the rest of the sentence."""
    heads = conjunct_heads(token)
    return heads[-1] if heads else token


def is_speaker_label(last: Token) -> bool:
    """Is `last` (a name's last token) a transcript's speaker label: 'Witness Hollweg: ...',
    'Chair: Dr. X'? A colon follows, and everything before it in the sentence is capitalised."""
    doc = last.doc
    return (last.i + 1 < len(doc) and doc[last.i + 1].text == ":"
            and all(t.text[:1].isupper() or not t.is_alpha for t in doc[last.sent.start:last.i]))


def hyphenated_words(lexicon: dict[str, str]) -> tuple[re.Pattern[str], dict[str, str]] | None:
    """A pattern finding the lexicon's hyphenated words ('brother-in-law', 'half-sisters') in a
    text, with each form's lemma (the lexicon's word)."""
    forms: dict[str, str] = {}
    for word in lexicon:
        if "-" in word:
            head, _, rest = word.partition("-")
            plural = f"{head}s-{rest}" if "-in-" in word else f"{word}s"
            forms[word] = forms[plural] = word
    if not forms:
        return None
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])", re.IGNORECASE), forms


def join_hyphenated_words(doc: Doc, words: tuple[re.Pattern[str], dict[str, str]] | None) -> None:
    """Make each hyphenated lexicon word one token, after the model has read the text as it was
    trained to (a word split at its hyphens): 'brother-in-law' read as three words is a
    'brother' to every rule, and the relative comes out as a brother."""
    if words is None:
        return
    pattern, forms = words
    spans = [doc.char_span(m.start(), m.end()) for m in pattern.finditer(doc.text)]
    with doc.retokenize() as retokenizer:
        for span in spans:
            if span is not None and len(span) > 1:
                retokenizer.merge(span, attrs={"LEMMA": forms[span.text.lower()]})
