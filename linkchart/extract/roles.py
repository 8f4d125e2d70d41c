"""Who only talks about the network: quoted analysts, officials and journalists.

A person is a commentator in a document when they speak (subject of a verb of saying, "according
to" them) or are introduced by a commentator's job title, and the document ties them to no
other person. Commentators keep ties to their own institution ("director of RUSI") but never
enter the network.
"""

from __future__ import annotations

from spacy.tokens import Token

from linkchart.extract.document import ParsedDocument, is_speaker_label
from linkchart.extract.lexicon import Lexicon
from linkchart.model import ORGANIZATION, PERSON


def speaking_clusters(parsed: ParsedDocument, lex: Lexicon, pronoun_clusters: dict[tuple[int, int], str]) -> set[str]:
    """Clusters of people who speak or hold a commentator's title somewhere in the document."""
    found: set[str] = set()
    for occ in parsed.occurrences:
        if occ.type == PERSON and occ.cluster and _is_commentator_slot(parsed.head(occ), lex):
            found.add(occ.cluster)
    for (p, i), cluster in pronoun_clusters.items():
        if _is_speaker(parsed.paragraphs[p][i], lex):
            found.add(cluster)
    return found


def _is_speaker(tok: Token, lex: Lexicon) -> bool:
    if is_speaker_label(tok):
        return True
    head = tok.head
    if tok.dep_ in {"nsubj"} and head.lemma_.lower() in lex.speech_verbs and head.pos_ == "VERB":
        return True
    return tok.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ == "according"


def _is_commentator_slot(tok: Token, lex: Lexicon) -> bool:
    if _is_speaker(tok, lex):
        return True
    titles = [c for c in tok.children if c.dep_ == "appos"]
    if tok.dep_ == "appos":
        titles.append(tok.head)
    if tok.dep_ == "nsubj" and tok.head.lemma_ == "be":  # "X is a contributing writer for ..."
        titles += [c for c in tok.head.children if c.dep_ == "attr"]
    return any(t.lemma_.lower() in lex.commentator_nouns for t in titles)


def source_clusters(parsed: ParsedDocument, lex: Lexicon) -> set[str]:
    """Organisations the document cites as where its information comes from: 'seen by The
    Channel Post', 'Reuters reported', 'told Le Soir'."""
    found: set[str] = set()
    for occ in parsed.occurrences:
        if occ.type == ORGANIZATION and occ.cluster and _is_source_slot(parsed.head(occ), lex):
            found.add(occ.cluster)
    return found


def _is_source_slot(tok: Token, lex: Lexicon) -> bool:
    head = tok.head
    if tok.dep_ == "pobj" and head.dep_ == "agent" and head.head.lemma_.lower() in lex.source_verbs:
        return True
    verb = head.lemma_.lower()
    if verb == "tell":
        return tok.dep_ in {"dative", "dobj", "iobj"}
    return tok.dep_ == "nsubj" and verb in lex.source_verbs and verb != "see" and head.pos_ == "VERB"


def outsider_clusters(parsed: ParsedDocument, lex: Lexicon, pronoun_clusters: dict[tuple[int, int], str]) -> set[str]:
    """People the document introduces in an outsider's role: a judge, a lawyer, an official, an
    analyst (by title, anywhere in the document), or a victim (the object of a killing or a
    kidnapping). They take only the ties a sentence states of them directly."""
    found: set[str] = set()
    for occ in parsed.occurrences:
        if occ.type != PERSON or not occ.cluster:
            continue
        tok = parsed.head(occ)
        if titled(tok, lex) or _is_victim(tok, lex):
            found.add(occ.cluster)
    return found


def titled(token: Token, lex: Lexicon) -> bool:
    """Is the name introduced here by an outsider's title ('Judge X', 'X, a defence lawyer',
    'U.S. Attorney X')?"""
    near = [c for c in token.children if c.dep_ in {"compound", "appos", "amod"}]
    if token.dep_ == "appos":
        near.append(token.head)
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":  # "X is a prosecutor"
        near += [c for c in token.head.children if c.dep_ == "attr"]
    doc = token.doc
    start = token.left_edge.i
    near += [t for t in doc[max(start - 3, token.sent.start):start] if t.pos_ in {"NOUN", "PROPN"}]
    return any(t.lemma_.lower() in lex.outsider_nouns for t in near)


def _is_victim(token: Token, lex: Lexicon) -> bool:
    x = token
    while x.dep_ in {"conj", "appos"} and x.head.i != x.i:
        x = x.head
    head = x.head
    return x.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in lex.victim_verbs
