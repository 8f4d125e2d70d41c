"""Events: what people did, not whom they are tied to. "Kessler travelled to Syria in 2014";
"Varga and Orlov took part in the harbour attacks"; "Duval blew himself up at the station".

An event needs a person as the subject of an event verb (lexicon/event_verbs.txt) and, for
travel, a destination that is a place; for an attack, an attack noun as what was done
(lexicon/attack_nouns.txt). Coordinated subjects all take part. Negated statements give no
event; hedged ones are flagged like ties.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linkchart.extract.lexicon import Lexicon
from linkchart.extract.relations import Participant, RelationFinder
from linkchart.model import PERSON, TRAVEL

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_DESTINATION_PREPS = {"to", "for", "into"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class FoundEvent:
    type: str
    label: str
    participants: tuple[str, ...]  # cluster keys
    place: str | None
    hedged: bool
    paragraph: int
    span: Span
    clause: str  # the event verb's own words
    verb: int | None = None  # the event verb's token index in its paragraph: its clause dates the event


class EventFinder:
    def __init__(self, lexicon: Lexicon, guards: RelationFinder) -> None:
        self.lex = lexicon
        self.guards = guards

    def sentence_events(self, paragraph: int, sentence: Span, people: list[Participant],
                        places: set[int]) -> list[FoundEvent]:
        """`places` holds the token indexes of names in this paragraph read as places, or
        as nothing in particular (a destination after "travelled to" is then a place)."""
        by_verb: dict[int, list[Participant]] = {}
        for p in people:
            if p.type != PERSON:
                continue
            for verb in _verbs_done_by(p.token):
                if verb.lemma_.lower() in self.lex.event_verbs:
                    by_verb.setdefault(verb.i, []).append(p)
        found = []
        for verb_i, members in by_verb.items():
            verb = sentence.doc[verb_i]
            members = members + [p for p in people if p.type == PERSON and _companion_of(p.token, verb)]
            if self.guards.negated_context(verb):
                continue
            kind = self.lex.event_verbs[verb.lemma_.lower()]
            what = _destination(verb, places) if kind == TRAVEL else self._attack(verb)
            if what is None:
                continue
            label, place = what
            clusters = tuple(sorted({m.cluster for m in members}))
            clause = sentence.doc[verb.left_edge.i:verb.right_edge.i + 1].text
            found.append(FoundEvent(kind, label, clusters, place, self.guards.hedged([verb]), paragraph, sentence,
                                    clause, verb.i))
        return found

    def _attack(self, verb: Token) -> tuple[str, str | None] | None:
        if verb.lemma_.lower() == "blow" and any(c.lower_ in {"himself", "herself", "themselves"} for c in verb.children):
            place = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in {"at", "in", "inside"}), None)
            where = _phrase(place) if place is not None else ""
            return ("suicide bombing " + where).strip(), None
        objects = [c for c in verb.children if c.dep_ in {"dobj", "nsubjpass"}]
        objects += [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"in", "on"}
                    for g in c.children if g.dep_ == "pobj"]
        objects += [g for c in verb.children if c.dep_ == "dobj" and c.lower_ == "part"  # "took part in"
                    for pp in c.children if pp.dep_ == "prep" for g in pp.children if g.dep_ == "pobj"]
        for obj in objects:
            if obj.lemma_.lower() in self.lex.attack_nouns:
                return _noun_phrase(obj), None
        return None


def _verbs_done_by(token: Token) -> list[Token]:
    """Verbs whose doer the person is: as (coordinated) subject, through 'who' ('Zaouri, who
    left for Syria'), and verbs that share the subject ('attempted to travel to Somalia', 'used a
    forged card to travel to Turkey')."""
    first = token
    while first.dep_ == "conj":
        first = first.head
    verbs = []
    if first.dep_ in {"nsubj", "nsubjpass"} and first.head.pos_ in {"VERB", "AUX"}:
        verbs.append(first.head)
    verbs += [c for c in token.children if c.dep_ == "relcl" and any(
        g.dep_ in {"nsubj", "nsubjpass"} and g.lower_ in {"who", "that"} for g in c.children)]
    for verb in list(verbs):
        verbs += [c for c in verb.children if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB"
                  and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
    return verbs


def _companion_of(token: Token, verb: Token) -> bool:
    """'travelled to Istanbul with Mohamed Zaouri'."""
    return token.dep_ == "pobj" and token.head.lower_ == "with" and token.head.head.i == verb.i


def _destination(verb: Token, places: set[int]) -> tuple[str, str | None] | None:
    """'travelled to Syria', 'left for Raqqa', 'returned to Belgium': the place after the verb."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _DESTINATION_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and (obj.i in places or obj.ent_type_ in _PLACE_LABELS):
                place = _proper_span(obj)
                return f"travel to {place}", place
    return None


def _proper_span(token: Token) -> str:
    """The whole name a place token belongs to: 'Northern Iraq', 'Montignies-sur-Sambre'."""
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].dep_ == "compound" and doc[start - 1].head.i == token.i:
        start -= 1
    return doc[start:token.i + 1].text


def _noun_phrase(noun: Token) -> str:
    """'the Paris attacks', 'the 2012 bombing of the Atocha station' (without the article)."""
    left = noun.left_edge.i
    right = noun.i
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "against", "on", "at", "in"} and child.i > noun.i:
            right = max(right, child.right_edge.i)
    doc = noun.doc
    while left < right and doc[left].dep_ in {"det", "poss"}:
        left += 1
    return doc[left:right + 1].text


def _phrase(prep: Token) -> str:
    return prep.doc[prep.i:prep.right_edge.i + 1].text
