"""Alias statements: "also known as", "turned out to be", "identified as", "(ISIS)", quoted names.

Each statement yields the alias name and what it refers to: another name, a pronoun (resolved
later by coreference) or an unnamed noun phrase ("a man previously known as ...").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from linkchart.extract.document import PRONOUNS, Occurrence, ParsedDocument
from linkchart.extract.lexicon import Lexicon
from linkchart.resolve.names import acronym_of, is_acronym

_SKIP_BEFORE_NAME = {"“", "\"", "'", "‘", "the", "a", "an", "name", "of", ":", ",", "(", "previously", "later"}
_OBJECT_VERBS = {"identify", "name", "call", "list", "register", "nickname", "dub"}


@dataclass
class AliasFinding:
    alias: Occurrence
    reason: str
    sentence: int
    referent: Occurrence | None = None
    pronoun: tuple[int, Token] | None = None  # (paragraph, token) to resolve by coreference
    unnamed: tuple[int, int, str] | None = None  # (sentence, noun token, verb lemma) of an unnamed referent


def find_aliases(parsed: ParsedDocument, lex: Lexicon) -> list[AliasFinding]:
    found: list[AliasFinding] = []
    for p, doc in enumerate(parsed.paragraphs):
        lower = [t.lower_ for t in doc]
        i = 0
        while i < len(doc):
            phrase = next((ph for ph in lex.alias_phrases if tuple(lower[i:i + len(ph)]) == ph), None)
            if phrase is None:
                i += 1
                continue
            alias = _name_after(parsed, p, i + len(phrase))
            if alias is not None and alias.type in {"person", "organization", ""}:
                verbs = [t for t in doc[i:i + len(phrase)] if t.pos_ in {"VERB", "AUX"}]
                anchor = verbs[0] if verbs else doc[i]
                finding = _referent(parsed, p, anchor, alias, " ".join(phrase))
                if finding is not None:
                    found.append(finding)
            i += len(phrase)
        found.extend(_parenthetical_acronyms(parsed, p))
    return found


def _name_after(parsed: ParsedDocument, p: int, start: int) -> Occurrence | None:
    doc = parsed.paragraphs[p]
    for j in range(start, min(start + 5, len(doc))):
        occ = parsed.by_token.get((p, j))
        if occ is not None:
            return occ
        if doc[j].lower_ not in _SKIP_BEFORE_NAME:
            return None
    return None


def _referent(parsed: ParsedDocument, p: int, first: Token, alias: Occurrence, phrase: str) -> AliasFinding | None:
    reason = f"alias statement '{phrase}'"
    if first.pos_ in {"NOUN", "PROPN", "X", "PUNCT", "ADV"} or phrase in {"aka", "a.k.a.", "alias"}:
        return _name_before(parsed, p, first, alias, reason)
    verb = first
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ == "acl":  # "a man (previously) known as X", "Khalid, known as X"
        return _from_token(parsed, p, verb.head, alias, reason, verb)
    candidates = []
    if verb.lemma_.lower() in _OBJECT_VERBS:
        candidates = [c for c in verb.children if c.dep_ == "dobj"]
    if not candidates:
        holder = verb.head if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i else verb
        candidates = [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not candidates and holder.i != verb.i:
            candidates = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not candidates:
        return _name_before(parsed, p, first, alias, reason)
    return _from_token(parsed, p, candidates[0], alias, reason, verb)


def _from_token(parsed: ParsedDocument, p: int, tok: Token, alias: Occurrence, reason: str,
                verb: Token) -> AliasFinding | None:
    occ = parsed.by_token.get((p, tok.i))
    if occ is not None and occ is not alias:
        return AliasFinding(alias, reason, alias.sentence, referent=occ)
    if tok.lower_ in PRONOUNS:
        return AliasFinding(alias, reason, alias.sentence, pronoun=(p, tok))
    if tok.pos_ == "NOUN":
        return AliasFinding(alias, reason, alias.sentence, unnamed=(alias.sentence, tok.i, verb.lemma_.lower()))
    return None


def _name_before(parsed: ParsedDocument, p: int, first: Token, alias: Occurrence, reason: str) -> AliasFinding | None:
    doc = parsed.paragraphs[p]
    for j in range(first.i - 1, max(first.sent.start - 1, first.i - 4), -1):
        occ = parsed.by_token.get((p, j))
        if occ is not None and occ.type == alias.type:
            return AliasFinding(alias, reason, alias.sentence, referent=occ)
        if doc[j].is_alpha and doc[j].lower_ not in {"previously", "also", "or", "later"}:
            return None
    return None


def _parenthetical_acronyms(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'the Islamic State (ISIS)': a group name followed by its acronym in brackets."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in [o for o in parsed.occurrences if o.paragraph == p]:
        end = occ.name.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            inner = parsed.by_token.get((p, end + 1))
            if inner is not None and is_acronym(inner.text) and (
                    acronym_of(occ.text) == inner.text or occ.type == "organization"):
                out.append(AliasFinding(inner, "acronym in brackets", occ.sentence, referent=occ))
    return out
