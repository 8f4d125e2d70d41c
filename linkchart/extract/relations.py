"""Ties stated by a sentence's syntax, never by mere co-mention.

Two names in a sentence are tied only when the dependency path between them carries a word
that states a tie ("brother", "shared", "recruited", "led", "member"), or when they are
coordinated subjects of a predicate done together ("A and B were convicted"). The path may not
run through a verb of saying (a speaker is not tied to what he talks about), and a negated
trigger gives no tie. Hedges on the path's clause mark the tie as hedged.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from linkchart.extract.document import conjunct_heads, first_conjunct, listed_names
from linkchart.extract.lexicon import Lexicon
from linkchart.lexicon import words
from linkchart.model import (
    ASSOCIATE,
    CO_RESIDED,
    COMMUNICATED_WITH,
    FAMILY,
    LEADER_OF,
    MEMBER_OF,
    ORGANIZATION,
    PERSON,
    RECRUITED_BY,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_PATH = 9
_PRIORITY = {FAMILY: 0, CO_RESIDED: 1, COMMUNICATED_WITH: 2, RECRUITED_BY: 3, ASSOCIATE: 4}
_BLOOD = {"brother", "sister", "sibling", "half_brother", "half_sister", "step_brother", "step_sister", "parent", "child"}
# Kinship that reads the same from both ends: 'the two brothers', 'the cousins' tie a pair by it.
SYMMETRIC_KIN = frozenset({"brother", "sister", "sibling", "half_brother", "half_sister", "step_brother", "step_sister",
                           "cousin", "spouse"})
_SIBLINGS = _BLOOD - {"parent"}  # 'his sons A and B' are brothers; 'his parents A and B' are not


@dataclass(frozen=True)
class Participant:
    cluster: str
    type: str
    token: Token  # head token of the name or the pronoun


@dataclass(frozen=True)
class Tie:
    source: str
    target: str
    type: str
    subtype: str | None
    hedged: bool
    paragraph: int
    span: Span  # the evidence sentence (or two adjacent sentences)
    lead: tuple[int, Span] | None = None  # an earlier paragraph's sentence the evidence starts from


@cache
def _adversary_words() -> frozenset[str]:
    return words("adversary_words.txt")


class RelationFinder:
    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon
        self._names: frozenset[int] = frozenset()  # tokens of the people of the sentence at hand
        self._memo: tuple[Doc | None, dict[str, dict]] = (None, {})

    def sentence_ties(self, paragraph: int, sentence: Span, people: list[Participant],
                      previous_subject: Participant | None) -> list[Tie]:
        ties: list[Tie] = []
        self._names = frozenset(p.token.i for p in people if p.type == PERSON)
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                if a.cluster == b.cluster or PERSON not in (a.type, b.type):
                    continue
                if ORGANIZATION in (a.type, b.type) and a.type == b.type:
                    continue
                tie = self._pair_tie(paragraph, sentence, a, b)
                if tie is not None:
                    ties.append(tie)
                    if tie.type not in {FAMILY, MEMBER_OF, LEADER_OF}:
                        ties.extend(self._shared_by_conjuncts(tie, a, b, people))
        ties.extend(self._joint_action_ties(paragraph, sentence, people, previous_subject))
        ties.extend(self._sibling_ties(paragraph, sentence, people))
        ties.extend(self._fellow_ties(paragraph, sentence, people))
        ties.extend(self._shared_parent_ties(paragraph, sentence, people))
        ties.extend(self._their_companion_ties(paragraph, sentence, people))
        ties.extend(self._born_to_ties(paragraph, sentence, people))
        ties.extend(self._companion_ties(paragraph, sentence, people))
        ties.extend(self._kin_by_predicate(paragraph, sentence, people))
        return ties

    def _kin_by_predicate(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'A and B are cousins', 'A, B and C were brothers', 'A and B were close friends': a plural
        kin or tie noun said of the people coordinated as the subject of 'be' ties each pair."""
        by_token = {p.token.i: p for p in people if p.type == PERSON}
        out = []
        for verb in (t for t in sentence if t.lemma_ == "be" and not self.negated([t])):
            noun = next((c for c in verb.children if c.dep_ == "attr" and c.tag_ == "NNS"
                         and not any(d.dep_ == "poss" for d in c.children)), None)
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if noun is None or subject is None:
                continue
            lemma = noun.lemma_.lower()
            kin = self.lex.kinship.get(lemma)
            kind, subtype = (FAMILY, kin) if kin in SYMMETRIC_KIN else (ASSOCIATE, lemma) if (
                self.lex.person_triggers.get(lemma) == ASSOCIATE and lemma not in self.lex.group_triggers) else (None, None)
            if kind is None:
                continue
            named = list(dict.fromkeys(by_token[t.i].cluster for t in listed_names(subject) if t.i in by_token))
            out += [Tie(a, b, kind, subtype, self.hedged([verb]), paragraph, sentence)
                    for i, a in enumerate(named) for b in named[i + 1:]]
        return out

    @property
    def person_tokens(self) -> frozenset[int]:
        """The name tokens of the people of the sentence last read by sentence_ties."""
        return self._names

    def _companion_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'X, along with A and B, arrived': the companions named after 'along with' / 'together
        with' a person act with that person and with each other (X's own ties are the path rules')."""
        ties: list[Tie] = []
        persons = [p for p in people if p.type == PERSON]
        subjects = {p.token.i for p in persons}
        for i, a in enumerate(persons):
            for b in persons[i + 1:]:
                heads = [_coordination_head(a.token), _coordination_head(b.token)]
                if a.cluster == b.cluster or heads[0].i != heads[1].i or heads[0].dep_ != "pobj":
                    continue
                prep = heads[0].head
                anchor = prep.head.head if prep.head.lower_ in {"along", "together"} else prep.head
                if prep.lower_ == "with" and (prep.head.lower_ in {"along", "together"} or any(
                        c.lower_ in {"along", "together"} for c in prep.children)) and (
                        anchor.pos_ == "PROPN" or anchor.pos_ == "VERB" and any(
                            c.dep_ == "nsubj" and (c.i in subjects or c.lower_ in {"he", "she", "they"})
                            for c in anchor.children)) and not self.negated([anchor]):
                    ties.append(Tie(a.cluster, b.cluster, ASSOCIATE, "with", self.hedged([prep]), paragraph, sentence))
        return ties

    def _sibling_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'His brothers, A and B', 'A and B, sons of C': the people a plural kin noun of blood
        names together are siblings of each other."""
        groups: dict[int, list[Participant]] = {}
        for p in people:
            if p.type != PERSON:
                continue
            first = first_conjunct(p.token)
            # Only the first apposition to the kin noun (and its conjuncts) names the kin: in
            # 'siblings A and B, C (B's friend) and D', C and D are further items of a roll.
            kin = [first.head] if first.dep_ == "appos" and first.i == min(
                c.i for c in first.head.children if c.dep_ == "appos") else []
            if first.dep_ == "attr":
                kin = [c for c in first.head.children if c.dep_ == "nsubj"]
            kin += [c for c in first.children if c.dep_ in {"appos", "compound"}]  # 'his brothers A and B'
            kin += [c for t in first.conjuncts for c in t.children if c.dep_ == "appos" and c.tag_ == "NNS"]  # 'A and B, sons of C'
            for k in kin:
                if k.tag_ == "NNS" and self.lex.kinship.get(k.lemma_.lower()) in _SIBLINGS and (
                        p.token.i <= _end_of_kin_list(k, sentence)):
                    groups.setdefault(k.i, []).append(p)
        ties = []
        for members in groups.values():
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a.cluster != b.cluster:
                        ties.append(Tie(a.cluster, b.cluster, FAMILY, "sibling", self.hedged([a.token]), paragraph, sentence))
        return ties

    def _shared_by_conjuncts(self, tie: Tie, a: Participant, b: Participant, people: list[Participant]) -> list[Tie]:
        """'A and B moved to Ghent with C', 'X met A and B': a tie the rules find for the first name
        of a coordination ('A ... with C') holds for the names coordinated with it ('B ... with C')."""
        out = []
        for end, other in ((a, b), (b, a)):
            if end.type != PERSON or other.type != PERSON or end.token.dep_ == "conj":
                continue
            conjuncts = [c for c in end.token.conjuncts if c.i > end.token.i]
            if not conjuncts or not any(c.dep_ == "cc" and c.lower_ in {"and", "&"}
                                        for t in (end.token, *conjuncts) for c in t.children):
                continue
            if other.token.i in {c.i for c in conjuncts}:
                continue
            for p in people:
                if p.type == PERSON and p.token.i in {c.i for c in conjuncts} and p.cluster not in {end.cluster, other.cluster}:
                    source, target = (p.cluster, other.cluster) if tie.source == end.cluster else (other.cluster, p.cluster)
                    out.append(Tie(source, target, tie.type, tie.subtype, tie.hedged, tie.paragraph, tie.span))
        return out

    def _born_to_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'A was born to B and C': B and C are A's parents."""
        by_token = {p.token.i: p for p in people if p.type == PERSON}
        out = []
        for child in by_token.values():
            verb = child.token.head
            if child.token.dep_ != "nsubjpass" or verb.lemma_.lower() != "bear" or self.negated([verb]):
                continue
            for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"):
                for obj in (c for c in prep.children if c.dep_ == "pobj"):
                    out += [Tie(child.cluster, by_token[t.i].cluster, FAMILY, "parent", self.hedged([verb]), paragraph,
                                sentence) for t in (obj, *obj.conjuncts)
                            if t.i in by_token and by_token[t.i].cluster != child.cluster]
        return out

    def _their_companion_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'A and B arranged for C to stay with their associate D': 'their' owning a tie noun (friend,
        associate) apposed to a name is the coordinated subject of a clause above it: D is A's and B's."""
        by_token = {p.token.i: p for p in people if p.type == PERSON}
        out = []
        for d in by_token.values():
            noun = d.token.head if d.token.dep_ == "appos" else None
            lemma = noun.lemma_.lower() if noun is not None else ""
            kin = self.lex.kinship.get(lemma)  # 'with their cousin, D': D is a cousin of both
            if noun is None or noun.pos_ != "NOUN" or not (kin or self.lex.person_triggers.get(lemma) == ASSOCIATE):
                continue
            if not any(c.dep_ == "poss" and c.lower_ == "their" for c in noun.children) or self.negated([noun]):
                continue
            for verb in noun.ancestors:
                subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
                if subject is not None and subject.i not in by_token:  # 'friends A and B arranged ...'
                    subject = next((c for c in subject.children if c.dep_ == "appos" and c.i in by_token), None)
                if subject is None:
                    continue
                owners = [by_token[t.i] for t in (subject, *subject.conjuncts) if t.i in by_token]
                if len({o.cluster for o in owners}) < 2:
                    continue  # one person is not 'their'
                out += [Tie(o.cluster, d.cluster, FAMILY if kin else ASSOCIATE, kin or lemma, self.hedged([noun]), paragraph,
                            sentence) for o in owners if o.cluster != d.cluster]
                break  # the nearest subject of several people above: 'their' is not reached past it
        return out

    def _shared_parent_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'his son, A, 21, and his other son, B, 19': two children the sentence gives one parent are
        siblings."""
        by_token = {p.token.i: p for p in people if p.type == PERSON}
        children: dict[str, list[Participant]] = {}
        for p in by_token.values():
            first = p.token
            while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i != first.i:
                first = first.head
            nouns = ([first.head] if first.dep_ == "appos" else []) + [
                c for c in first.children if c.dep_ in {"appos", "compound"}]
            for noun in nouns:
                if noun.pos_ != "NOUN" or self.lex.kinship.get(noun.lemma_.lower()) != "child":
                    continue
                if noun.tag_ == "NN" and first.i != p.token.i:
                    continue  # 'his son A, B and C were convicted': a singular 'son' names A only
                lo, hi = (noun.i, first.left_edge.i) if noun.i < first.i else (first.i, noun.i)
                if any(t.pos_ not in {"PUNCT", "DET", "ADJ", "PRON"} for t in noun.doc[lo + 1:hi]):
                    continue  # 'his wife, A, 44, his son, B': 'son' hangs from A in the parse, but names B
                owner = next((c for c in (*noun.children, *first.children) if c.dep_ == "poss" and c.i in by_token), None)
                if owner is not None and by_token[owner.i].cluster != p.cluster:
                    children.setdefault(by_token[owner.i].cluster, []).append(p)
                    break
        return [Tie(a.cluster, b.cluster, FAMILY, "sibling", self.hedged([a.token, b.token]), paragraph, sentence)
                for kids in children.values() for i, a in enumerate(kids) for b in kids[i + 1:] if a.cluster != b.cluster]

    def _fellow_ties(self, paragraph: int, sentence: Span, people: list[Participant]) -> list[Tie]:
        """'X's co-conspirators, A and B', 'the co-defendants A and B': the people a plural 'co-'
        noun names together are co-offenders of each other, as of its owner."""
        groups: dict[int, list[Participant]] = {}
        for p in people:
            if p.type != PERSON:
                continue
            first = p.token
            while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i != first.i:
                first = first.head
            doc, start = first.doc, first.left_edge.i
            before = doc[start - 2] if start >= 2 and doc[start - 1].text == "," else doc[max(start - 1, 0)]
            noun = first.head if first.dep_ in {"appos", "conj"} and first.head.tag_ == "NNS" else before
            if noun.i < start and noun.tag_ == "NNS" and noun.lower_.startswith("co-") and (
                    self.lex.person_triggers.get(noun.lemma_.lower()) == ASSOCIATE) and (
                    p.token.i <= _end_of_kin_list(noun, sentence)) and not self.negated([noun, noun.head]):
                groups.setdefault(noun.i, []).append(p)
        return [Tie(a.cluster, b.cluster, ASSOCIATE, members[0].token.doc[k].lemma_.lower(), self.hedged([a.token]),
                    paragraph, sentence)
                for k, members in groups.items() for i, a in enumerate(members) for b in members[i + 1:]
                if a.cluster != b.cluster]

    def _pair_tie(self, paragraph: int, sentence: Span, a: Participant, b: Participant) -> Tie | None:
        if b.type == PERSON and a.type == ORGANIZATION:
            a, b = b, a
        path = dependency_path(a.token, b.token)
        if path is None or len(path) > MAX_PATH:
            return None
        inner = path[1:-1]
        ends = {a.token.i, b.token.i}
        if any(t.lower_ == "according" or (t.lemma_.lower() in self.lex.speech_verbs and t.pos_ == "VERB" and (
                any(c.dep_ == "nsubj" and c.i in ends for c in t.children) or not speech_object(t, path)))
               for t in inner):
            return None  # a speaker is not tied to what he speaks about; "described X as a member of Y" ties X
        if crosses_clause(path) or any(t.lower_ in self.lex.adjunct_words for t in inner):
            return None
        if aside_of_another(a.token, b.token) or aside_of_another(b.token, a.token):
            return None  # 'A, B (a cousin of C) and D': C is said to be B's cousin, no more
        if self.negated(inner) or self.pair_denied_at(lowest_common_ancestor(path)):
            return None
        hedged = self.hedged(inner or path)
        if b.type == ORGANIZATION:
            kind = self._group_tie(a, inner)
            return Tie(a.cluster, b.cluster, kind, None, hedged, paragraph, sentence) if kind else None
        if any(_owns_place(end, self.lex.dwelling_nouns) for end in (a.token, b.token)):
            return None  # 'A met B at the house of C': C owns the place the sentence is about, no more
        kin = self._kinship(a, b, path)
        if kin:
            return Tie(a.cluster, b.cluster, FAMILY, kin, hedged, paragraph, sentence)
        found = self._person_trigger(inner)
        if found is None or any(t.lemma_.lower() in _adversary_words() or t.lower_ in _adversary_words() for t in inner):
            return None  # 'A fought against B', 'A testified against B': opponents, not a tie
        if any(_nominal(end).dep_ == "poss" and _nominal(end).head in inner
               and self.lex.kinship.get(_nominal(end).head.lemma_.lower()) for end in (a.token, b.token)):
            return None  # 'accompanied by A's brother C, B ...': the tie is C's, A only owns the kin noun
        kind, trigger = found
        if trigger.pos_ == "ADP" and any(self._kin_of_pronoun(end) for end in (a.token, b.token)):
            return None  # 'a school founded by Z with his brothers A and B': whose brothers says who was with them
        if not _predicated_of_ends(trigger, path, self._names):
            return None
        if trigger.pos_ == "NOUN" and trigger.i == lowest_common_ancestor(path).i and (
                self.lex.group_triggers.get(trigger.lemma_.lower()) == MEMBER_OF) and not any(
                _nominal(end).dep_ == "poss" and _nominal(end).head.i == trigger.i for end in (a.token, b.token)):
            return None  # 'Other members: A, B, C': fellow members of a group, not a tie the text states
        if kind == FAMILY:  # 'A married B'
            return Tie(a.cluster, b.cluster, FAMILY, "spouse", hedged, paragraph, sentence)
        if kind == RECRUITED_BY:
            recruiter = _recruiter(trigger, a, b)
            if recruiter is None and any(c.dep_ in {"nsubj", "agent"} and c.i not in (a.token.i, b.token.i)
                                         for c in trigger.children):
                return None  # both were recruited by someone else: co-recruits, not a stated tie
            if recruiter is None:
                kind = ASSOCIATE
            else:
                recruit = b if recruiter is a else a
                return Tie(recruit.cluster, recruiter.cluster, RECRUITED_BY, None, hedged, paragraph, sentence)
        return Tie(a.cluster, b.cluster, kind, trigger.lemma_.lower(), hedged, paragraph, sentence)

    def _kinship(self, a: Participant, b: Participant, path: list[Token]) -> str | None:
        """A kin word owned by one of the two: 'Nabil's brother, Karim', 'brother of X', 'his
        parents were A and B', 'A was the niece of B'."""
        inner = path[1:-1]
        copular = self._copular_kinship(a, b) or self._kin_of_a_described_one(a.token, b.token)
        if copular:
            return copular
        for x, y in ((a.token, b.token), (b.token, a.token)):  # 'his brothers Ali and Omar' parsed as a name
            first = y
            while first.dep_ == "conj" and first.head.pos_ == "PROPN" and first.head.i != first.i:
                first = first.head
            if x.dep_ == "poss" and x.head.i == first.i:
                for k in first.children:
                    subtype = self.lex.kinship.get(k.lemma_.lower())
                    if k.dep_ == "compound" and k.pos_ == "NOUN" and subtype and (first.i == y.i or k.tag_ == "NNS"):
                        return subtype
        listed = {t.i for end in (a.token, b.token) for t in end.conjuncts}
        if len(inner) > 3 or any(t.i in self._names and t.i not in listed for t in inner):
            return None  # 'his son X, 19, of Y': another name on the way, X is the son, not Y
        for t in inner:
            subtype = self.lex.kinship.get(t.lemma_.lower()) or self.lex.kinship.get(t.lower_)
            if not subtype or t.pos_ != "NOUN" or t.dep_ == "poss":
                continue  # 'his wife's employer, X': X is the employer, not a relative
            if any(k.i != t.i and k.pos_ == "NOUN" and self.lex.kinship.get(k.lemma_.lower()) for k in inner):
                continue  # 'his wife, A, his son, B': B is the son, whatever the parse hangs 'son' from
            for end in (a.token, b.token):
                owner = _nominal(end)
                if (owner.dep_ == "poss" and owner.head.i == t.i) or (
                        owner.dep_ == "pobj" and owner.head.lower_ == "of" and owner.head.head.i == t.i):
                    relative = b.token if end.i == a.token.i else a.token
                    if not _named_by(relative, t):
                        continue  # 'his wife B, together with C': C hangs from 'wife' but is not the wife
                    if {relative.i, _nominal(relative).i} & {c.i for c in t.conjuncts}:
                        return None  # "killed A as well as a nephew of B": the kin noun heads its own conjunct, a third person
                    if relative.dep_ == "conj" and relative.head.i != t.i and t.tag_ != "NNS" and t.head.i != relative.i:
                        return None  # "his son X, Y and Z were convicted": only X is the son ("his sons X and Y": both;
                        # "A, his nephew B, C": the kin noun is B's own)
                    apposed = [c for c in t.children if c.dep_ == "appos"]
                    if t.tag_ == "NN" and relative.dep_ == "appos" and relative.head.i == t.i and apposed[0].i != relative.i:
                        return None  # (the same, parsed as a second apposition to 'son')
                    return subtype
        return None

    def _kin_of_a_described_one(self, a: Token, b: Token) -> str | None:
        """'A, the sister of another suspect, B': B names the one the kin noun is 'of', though the
        parse hangs B on A as a second apposition."""
        for x, y in ((a, b), (b, a)):
            if y.dep_ != "appos" or y.head.i != x.i:
                continue
            for kin in (k for k in x.children if k.dep_ == "appos" and k.i < y.i and k.pos_ == "NOUN"):
                subtype = self.lex.kinship.get(kin.lemma_.lower())
                of = next((c for c in kin.children if c.dep_ == "prep" and c.lower_ == "of"), None)
                obj = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
                if subtype and obj is not None and obj.pos_ == "NOUN" and (
                        all(t.is_punct for t in y.doc[obj.right_edge.i + 1:y.left_edge.i])):
                    return subtype
        return None

    def _kin_of_pronoun(self, name: Token) -> bool:
        """'his brother A', 'her sons, A and B': the name is a relative of whoever the pronoun is."""
        first = name
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        nouns = [c for c in first.children if c.dep_ == "compound"] + ([first.head] if first.dep_ == "appos" else [])
        for noun in nouns:
            if noun.lemma_.lower() in self.lex.kinship and any(
                    c.dep_ == "poss" and c.lower_ in {"his", "her", "their"}
                    for c in (*noun.children, *first.children)):
                return True
        return False

    def _copular_kinship(self, a: Participant, b: Participant) -> str | None:
        """'A was the son of B', 'A, his wife, was the niece of B': a kin noun predicated of one
        of the two (the subject of 'be', or its apposition) and owned by the other."""
        for x, y in ((a.token, b.token), (b.token, a.token)):
            y = _nominal(y)
            subject = x.head if x.dep_ == "appos" else x
            if subject.dep_ != "nsubj" or subject.head.lemma_ != "be":
                continue
            attrs = [c for c in subject.head.children if c.dep_ == "attr"]
            attrs += [c for a in attrs for c in a.conjuncts if c.i > a.i]  # 'the son of A and the nephew of B'
            for attr in attrs:
                subtype = self.lex.kinship.get(attr.lemma_.lower())
                if subtype and attr.pos_ == "NOUN" and (
                        (y.dep_ == "poss" and y.head.i == attr.i)
                        or (y.dep_ == "pobj" and y.head.lower_ == "of" and y.head.head.i == attr.i)):
                    return subtype
        return None

    def _person_trigger(self, inner: list[Token]) -> tuple[str, Token] | None:
        best: tuple[int, str, Token] | None = None
        for t in inner:
            lemma = t.lemma_.lower()
            kind = self.lex.person_triggers.get(lemma)
            if kind is None and lemma in self.lex.leader_words and t.pos_ in {"VERB", "NOUN"}:
                if t.pos_ == "VERB" and any(c.dep_ == "dobj" and c in inner for c in t.children):
                    continue  # a person is not what someone 'founded' or 'led': a misparse
                if t.pos_ == "VERB" and not (t.dep_ == "acl" and t.head in inner and (
                        t.head.lemma_.lower() in self.lex.group_nouns or t.head.ent_type_ == "ORG")):
                    continue  # 'a member of a network led by Z' ties; 'a school founded by Z with A' does not
                kind = ASSOCIATE  # "a network led by Varga"
            if kind is None:
                continue
            if lemma == "call" and any(c.dep_ in {"oprd", "attr", "xcomp", "ccomp"} or c.lower_ in {"himself", "herself"}
                                       for c in t.children):
                continue  # naming ("called himself X", "police call him X"), not a phone call
            if lemma in {"share", "live", "stay", "rent"} and not any(
                    c.lemma_.lower() in self.lex.dwelling_nouns for c in t.subtree):
                kind = ASSOCIATE
            if lemma == "share" and kind == ASSOCIATE and any(
                    c.lemma_.lower() in self.lex.dwelling_nouns for c in t.subtree):
                kind = CO_RESIDED
            rank = _PRIORITY.get(kind, 9)
            if best is None or rank < best[0]:
                best = (rank, kind, t)
        if best is None:
            return None
        # Function words alone ("with") tie only inside a noun or verb phrase of doing together.
        if best[2].pos_ == "ADP" and len(inner) > 3:
            return None
        return best[1], best[2]

    def _group_tie(self, person: Participant, inner: list[Token]) -> str | None:
        lex = self.lex
        if inner and inner[0].lower_ == "under" and person.token.dep_ == "pobj" and person.token.head.i == inner[0].i and (
                not self.negated(inner)):
            return LEADER_OF  # 'a member of the X faction under A', 'served in the unit under A': A leads it
        for k, t in enumerate(inner):
            if t.lemma_.lower() in lex.leader_words:
                person_side = inner[k - 1] if k else person.token
                chain = [person.token, *inner[:k]]
                if t.pos_ == "VERB" and _led_by(chain, t):
                    if all(x.dep_ in {"appos", "compound"} or x.lemma_.lower() in lex.group_nouns for x in inner[k + 1:]):
                        return LEADER_OF  # 'the X gang, led by A', 'X was led by A', 'X, a cell led by A'
                    continue
                if t.pos_ == "VERB" and not (_does(person_side, t) and _same_referent(chain)):
                    continue  # not who leads: "sentenced him ... for leading"; "Karim's son ran the circle"
                if t.pos_ == "NOUN" and not _said_of([person.token, *inner[:k], t]):
                    return None  # another's role: "A, a leader with ties to B"; "B killed the group's leader"
                return LEADER_OF
        for t in inner:
            if t.lemma_.lower() in lex.group_nouns and any(
                    c.dep_ == "poss" and c.i == person.token.i for c in t.children):
                return LEADER_OF  # "Orlov and his group, Dawa4Europe"
        for k, t in enumerate(inner):
            kind = lex.group_triggers.get(t.lemma_.lower())
            if kind and t.pos_ == "ADP" and not any(x.lemma_.lower() in lex.group_triggers and x.pos_ != "ADP"
                                                    for x in (t.head, *inner)):
                continue  # 'an informant for X': a preposition alone states no membership
            if kind and t.pos_ == "VERB" and len(inner) - k > 2:
                continue  # the group is far from the verb: 'involved in the hijacking ... with the support of X'
            if kind and t.pos_ == "NOUN" and _said_of_another(t) and not _said_of([person.token, *inner[:k], t]):
                continue  # another's membership: "Judge A, a member of the bar association, sentenced B"
            if kind and t.pos_ == "NOUN" and k and inner[k - 1].dep_ == "prep" and inner[k - 1].head.i == t.i \
                    and inner[k - 1].lower_ in {"to", "with"}:
                continue  # 'X's ties to A': A is whom the group is tied to, not one of it
            if kind:
                return kind
        return None

    def _table(self, doc: Doc, name: str) -> dict:
        """This paragraph's memo of one per-token reading (a pair's path, clause and hedges are
        read again for every pair and by every rule): kept for the paragraph at hand only, and
        swapped whole, so that threads sharing the finder never read another paragraph's."""
        memo = self._memo
        if memo[0] is not doc:
            memo = self._memo = (doc, {})
        table = memo[1].get(name)
        if table is None:
            table = memo[1][name] = {}
        return table

    def negated(self, tokens: list[Token]) -> bool:
        if not tokens:
            return False
        table = self._table(tokens[0].doc, "negated")
        for t in tokens:
            found = table.get(t.i)
            if found is None:
                found = table[t.i] = self._negated_token(t)
            if found:
                return True
        return False

    def _negated_token(self, t: Token) -> bool:
        if t.lemma_.lower() in self.lex.negations and t.pos_ == "VERB":
            return True  # "denied knowing"
        return any(c.dep_ == "neg" or c.lower_ == "never" for c in t.children)

    def negated_context(self, token: Token) -> bool:
        """A tie stated under a negation higher up: 'there is no evidence that the two ever
        met', 'police do not believe that A knew B'."""
        table = self._table(token.doc, "negated_context")
        found = table.get(token.i)
        if found is None:
            found = table[token.i] = self._negated_context(token)
        return found

    def pair_denied_at(self, lca: Token) -> bool:
        """Is the link of a pair that meets at `lca` denied? A kin or tie noun states the link
        itself ('his wife, B', 'A's associate B'), and what a noun phrase states holds whatever
        the clause says of it: 'His wife, B, was not charged' denies the charge, not the
        marriage. Only a negation on the noun denies it ('no brother of A')."""
        lemma = lca.lemma_.lower()
        if lca.pos_ == "NOUN" and (lemma in self.lex.kinship or lemma in self.lex.person_triggers):
            return self.negated([lca]) or any(c.dep_ == "det" and c.lower_ == "no" for c in lca.children)
        return self.negated_context(lca)

    def _negated_context(self, token: Token) -> bool:
        x = token
        while True:
            if self.negated([x]) or any(c.dep_ == "mark" and c.lower_ in self.lex.unasserted_marks for c in x.children):
                return True  # (a 'whether' clause asserts nothing)
            if x.lemma_.lower() not in self.lex.doubt_nouns and any(
                    c.dep_ == "det" and c.lower_ == "no" for c in x.children):
                return True  # "no evidence that ...", but not "no doubt that ..."
            head = x.head
            if head.i == x.i or _semicolon_between(x, head):
                return False  # "...; the content is not known" is another statement
            x = head

    def hedged(self, tokens: list[Token]) -> bool:
        """Is a hedge on any of the tokens or above them?"""
        if not tokens:
            return False
        table = self._table(tokens[0].doc, "hedged")
        for t in tokens:
            found = table.get(t.i)
            if found is None:
                found = self._hedged_chain(t, table)
            if found:
                return True
        return False

    def _hedged_chain(self, token: Token, table: dict) -> bool:
        """A hedge on the token or an ancestor; fills the memo for the chain it walks."""
        walked: list[int] = []
        x = token
        found = False
        while True:
            known = table.get(x.i)
            if known is not None:
                found = known
                break
            walked.append(x.i)
            if x.lemma_.lower() in self.lex.hedges or x.lower_ in self.lex.hedges or any(
                    c.lower_ in self.lex.hedges and c.dep_ in {"advmod", "aux"} for c in x.children):
                found = True
                break
            head = x.head
            if head.i == x.i or len(walked) > len(x.doc):
                break
            x = head
        for i in walked:  # every token walked has the answer of the chain above it
            table[i] = found
        return found

    def _joint_action_ties(self, paragraph: int, sentence: Span, people: list[Participant],
                           previous_subject: Participant | None) -> list[Tie]:
        """Coordinated people sharing one predicate: 'A and B shared an apartment'."""
        ties: list[Tie] = []
        groups: dict[int, list[Participant]] = {}
        for p in people:
            if p.type != PERSON or any(c.dep_ == "case" for c in p.token.children):
                continue
            first = p.token
            # 'A, B, C and D' is at times parsed with B apposed to A: a list of names all the same
            while first.dep_ == "conj" or first.dep_ == "appos" and first.pos_ == first.head.pos_ == "PROPN":
                first = first.head
            if first.i != p.token.i or any(c.dep_ == "conj" for c in p.token.children):
                groups.setdefault(first.i, []).append(p)
        for first_i, members in groups.items():
            predicate = _governing_predicate(sentence.doc[first_i])
            span = sentence
            if previous_subject is not None and any(c.lower_ == "also" for c in predicate.children):
                members = [previous_subject, *members]  # "Also in the car were A and B"
                span = join_spans(previous_subject.token.sent, sentence)
            if len({m.cluster for m in members}) < 2:
                continue
            # "A, B and C moved south and shared a flat": verbs that share the subject count too.
            shared = [predicate] + [c for c in predicate.children if c.dep_ == "conj" and c.pos_ == "VERB"
                                    and not any(g.dep_ in {"nsubj", "nsubjpass"} for g in c.children)]
            found, predicate = next(((f, v) for v in shared if (f := self._joint_kind(v))), (None, predicate))
            if found is None:
                continue
            kind, subtype = found
            hedged = self.hedged([predicate])
            if self.negated_context(predicate):
                continue
            if any(c.lower_ in self.lex.distributive_words for c in predicate.children):
                continue  # 'A, B and C were each sentenced to ...': one by one, not together
            if _others_act_on(sentence.doc[first_i], predicate, self.lex.co_offending):
                continue  # 'X met with A, B and C': X met each of them; A, B and C are not said to have met
            for i, a in enumerate(members):
                for b in members[i + 1:]:
                    if a.cluster != b.cluster:
                        ties.append(Tie(a.cluster, b.cluster, kind, subtype, hedged, paragraph, span))
        return ties

    def pair_denied(self, referent: Token) -> bool:
        """'There is no evidence that the two ever met': a plural referent's tie is denied."""
        return self.negated_context(referent.head)

    def pair_tie(self, paragraph: int, sentence: Span, referent: Token, pair: tuple[str, str],
                 antecedent: Span) -> Tie | None:
        """'The two men met in prison': the predicate of a plural referent ties the pair."""
        predicate = referent.head
        found = self._joint_kind(predicate)
        if found is None:
            kind = self.lex.person_triggers.get(predicate.lemma_.lower())
            found = (kind, predicate.lemma_.lower()) if kind and predicate.pos_ == "VERB" else None
        for attr in [c for c in predicate.children if c.dep_ in {"attr", "acomp"}] if found is None else []:
            lemma = attr.lemma_.lower()  # "the two were childhood friends", "the pair were cousins"
            if lemma in self.lex.kinship:
                found = (FAMILY, self.lex.kinship[lemma])
            elif self.lex.person_triggers.get(lemma) in {ASSOCIATE, CO_RESIDED}:
                found = (self.lex.person_triggers[lemma], lemma)
        if found is None or self.negated_context(predicate):
            return None
        kind, subtype = found
        if kind == RECRUITED_BY:
            kind = ASSOCIATE  # who recruited whom is not said
        return Tie(pair[0], pair[1], kind, subtype, self.hedged([predicate]), paragraph,
                   join_spans(antecedent, sentence))

    def tie_between(self, paragraph: int, sentence: Span, a: Participant, b: Participant) -> Tie | None:
        """The tie the rules read between two participants of a sentence, if any."""
        return self._pair_tie(paragraph, sentence, a, b)

    def pair_kinship(self, paragraph: int, sentence: Span, referent: Token, pair: tuple[str, str],
                     antecedent: Span) -> Tie | None:
        """'The two brothers shared a flat', 'the cousins were arrested': the plural referent's
        own noun states the pair's kinship, whatever the predicate says of them."""
        kin = self.lex.kinship.get(referent.lemma_.lower())
        if kin not in SYMMETRIC_KIN:
            return None
        return Tie(pair[0], pair[1], FAMILY, kin, self.hedged([referent]), paragraph, join_spans(antecedent, sentence))

    def _joint_kind(self, predicate: Token) -> tuple[str, str] | None:
        lemma = predicate.lemma_.lower()
        kind = self.lex.joint_actions.get(lemma)
        if kind:
            if any(c.lemma_.lower() in self.lex.dwelling_nouns and not _owned_by_name(c) for c in predicate.subtree):
                kind = CO_RESIDED  # 'shared a flat'; not 'met at the house of C', C's house
            return kind, lemma
        for child in predicate.children:  # 'were put under arrest'
            objects = [g for g in child.children if g.dep_ == "pobj"] if child.lower_ == "under" else []
            if objects and self.lex.joint_actions.get(objects[0].lemma_.lower()):
                return self.lex.joint_actions[objects[0].lemma_.lower()], objects[0].lemma_.lower()
        for child in predicate.children:  # "were in the car", "were both members of"
            for t in child.subtree:
                if t.lemma_.lower() in {"car", "vehicle", "together"}:
                    return ASSOCIATE, t.lemma_.lower()
        return None


_CLAUSE_LINKS = {"advcl", "conj", "ccomp", "parataxis"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}


def crosses_clause(path: list[Token]) -> bool:
    """Does the path leave one clause for another that has its own subject? In 'Drici answered
    to Kasmi, while Benhadj shared a roof with Mekhloufi' the sharing is Benhadj's, not Drici's.
    A clause without a subject of its own ('after meeting X in prison, Y ...') shares the
    subject of the clause it hangs on, so crossing into it is fine. A relative clause is about
    the name it hangs on and may be entered only from that name (or its apposition)."""
    ends = {path[0].i, path[-1].i}
    for x, y in zip(path, path[1:], strict=False):
        child, head = (x, y) if x.head.i == y.i else (y, x)
        if child.dep_ in _CLAUSE_LINKS and child.pos_ in {"VERB", "AUX"} and head.pos_ in {"VERB", "AUX"}:
            if any(c.dep_ in _SUBJECTS for c in child.children):
                return True
        if child.dep_ == "relcl":
            anchor = head
            while anchor.dep_ == "appos" and anchor.i not in ends:
                anchor = anchor.head
            if anchor.i not in ends:
                return True
    return False


def dependency_path(a: Token, b: Token) -> list[Token] | None:
    """Tokens from a to b through their lowest common ancestor, both ends included."""
    up_a = _chain(a)
    index_a = {i: k for k, i in enumerate(up_a)}
    up_b = _chain(b)
    for k, i in enumerate(up_b):
        if i in index_a:
            return [a.doc[j] for j in up_a[:index_a[i] + 1]] + [b.doc[j] for j in reversed(up_b[:k])]
    return None


_CHAINS: tuple[Doc | None, dict[int, tuple[int, ...]]] = (None, {})


def _chain(token: Token) -> tuple[int, ...]:
    """The token and its ancestors, as indices: kept for the paragraph at hand (swapped whole)."""
    global _CHAINS
    memo = _CHAINS
    if memo[0] is not token.doc:
        memo = _CHAINS = (token.doc, {})
    chain = memo[1].get(token.i)
    if chain is None:
        chain = memo[1][token.i] = (token.i, *(t.i for t in token.ancestors))
    return chain


_ASIDES: tuple[Doc | None, dict[tuple[int, int], bool], dict[int, tuple[Token, int] | None]] = (None, {}, {})


def aside_of_another(x: Token, y: Token) -> bool:
    """Is x inside a bracket that opens right after a third name ('B (a friend of x)'), not y?
    (Asked of a pair by several steps: kept for the paragraph at hand, swapped whole.)"""
    global _ASIDES
    if y.doc is not x.doc:
        return _aside_of_another(x, y, _bracket_after_name(x))
    memo = _ASIDES
    if memo[0] is not x.doc:
        memo = _ASIDES = (x.doc, {}, {})
    found = memo[1].get((x.i, y.i))
    if found is None:
        if x.i in memo[2]:
            bracket = memo[2][x.i]
        else:
            bracket = memo[2][x.i] = _bracket_after_name(x)
        found = memo[1][(x.i, y.i)] = _aside_of_another(x, y, bracket)
    return found


def _aside_of_another(x: Token, y: Token, bracket: tuple[Token, int] | None) -> bool:
    if bracket is None:
        return False
    before, closing = bracket
    return before.i != y.i and not (before.head.i == y.i and before.dep_ == "compound") and not before.i + 1 < y.i < closing


def _bracket_after_name(x: Token) -> tuple[Token, int] | None:
    """The proper noun right before the bracket x is in, and where that bracket closes; None when
    x is in no bracket of its sentence or the bracket follows no proper noun. The same for every
    other name paired with x: found once per token."""
    doc, depth = x.doc, 0
    sent = x.sent
    for k in range(x.i - 1, sent.start - 1, -1):
        text = doc[k].text
        if text == ")":
            depth += 1
        elif text == "(":
            if depth:
                depth -= 1
                continue
            if k == 0 or doc[k - 1].pos_ != "PROPN":
                return None
            closing = next((j for j in range(x.i + 1, sent.end) if doc[j].text == ")"), sent.end)
            return doc[k - 1], closing
    return None


def _coordination_head(token: Token) -> Token:
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    return token


def _owned_by_name(place: Token) -> bool:
    return any(c.dep_ == "poss" and c.pos_ == "PROPN" or c.dep_ == "prep" and c.lower_ == "of" and any(
        g.pos_ == "PROPN" or any(x.pos_ == "PROPN" and x.dep_ in {"appos", "compound"} for x in g.children)
        for g in c.children) for c in place.children)


def _owns_place(token: Token, dwellings: frozenset[str]) -> bool:
    """Is the name the owner of a dwelling ('the house of C', 'C's flat')?"""
    owner = _nominal(token)
    place = owner.head.head if owner.dep_ == "pobj" and owner.head.lower_ == "of" else (
        owner.head if owner.dep_ == "poss" else None)
    return place is not None and place.pos_ == "NOUN" and place.lemma_.lower() in dwellings


def _named_by(relative: Token, kin: Token) -> bool:
    """Does the kin noun name the relative: as the noun the name stands in for ('his wife, B',
    'the brother of A, B'), as the name's own word ('his brother B'), or through a list ('his
    brothers A and B')?"""
    first = relative
    while first.dep_ == "conj" and first.head.i != first.i and first.head.pos_ == "PROPN":
        first = first.head
    predicated = {first.dep_, kin.dep_} == {"nsubj", "attr"} and first.head.i == kin.head.i  # 'his parents were A and B'
    listed = {relative.i, first.i} | {c.i for c in first.conjuncts}  # 'A and B, the sons of C'
    return predicated or kin.i in {_nominal(relative).i, _nominal(first).i} or kin.head.i in listed or (
        first.head.i == kin.i and first.dep_ in {"appos", "compound", "conj", "nsubj", "attr"})


def _nominal(token: Token) -> Token:
    """The noun a name stands in for: 'the preacher Karim Haddad' -> 'preacher'."""
    while token.dep_ in {"appos", "compound"} and token.head.pos_ == "NOUN" and token.head.i != token.i:
        token = token.head
    return token


def _led_by(chain: list[Token], verb: Token) -> bool:
    """Is the chain's person the 'by' agent of the passive verb ('the gang, led by A'), or one
    of a list that is ('led by A and B')?"""
    if len(chain) < 2 or chain[-1].dep_ != "agent" or chain[-1].head.i != verb.i:
        return False
    return chain[-2].dep_ == "pobj" and chain[-2].head.i == chain[-1].i and _same_referent(chain[:-1])


def _same_referent(chain: list[Token]) -> bool:
    """Do the tokens from the person up to the verb all name the same one (conjuncts,
    appositions, compounds), rather than, say, the person's son ('Karim's son')?"""
    for x, y in zip(chain, chain[1:], strict=False):
        child = x if x.head.i == y.i else y
        if child.dep_ not in {"conj", "appos", "compound", "flat", "cc", "punct"}:
            return False
    return True


_ROLE_PREPS = frozenset({"as", "including", "like", "among"})  # 'served as leader', 'members, including A'
_PREDICATING = frozenset({"conj", "appos", "compound", "flat", "cc", "punct", "nsubj", "nsubjpass", "attr", "oprd",
                          "xcomp", "relcl", "acl"})


def _said_of(chain: list[Token]) -> bool:
    """Is the role noun at the end of the chain said of the person at its start: a title, an
    apposition, a copula ('A was its leader', 'A served as leader', 'A, who became leader'),
    rather than a noun the person merely stands near ('a leader with ties to A')?"""
    for x, y in zip(chain, chain[1:], strict=False):
        child = x if x.head.i == y.i else y
        if child.dep_ in _PREDICATING or (child.dep_ == "prep" and child.lower_ in _ROLE_PREPS) or (
                child.dep_ == "pobj" and child.head.lower_ in _ROLE_PREPS):
            continue
        return False
    return True


def _said_of_another(noun: Token) -> bool:
    """Is the noun an apposition or predicate of a name ('A, a member of X', 'A was a member')?
    Then it states A's membership and no one else's."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN":
        return True
    return noun.dep_ == "attr" and any(c.dep_ == "nsubj" and c.pos_ == "PROPN" for c in noun.head.children)


def _does(person_side: Token, verb: Token) -> bool:
    """Is the path's person the doer of `verb`: its subject, its 'by' agent, or the noun a
    participle or relative clause of it describes ('Varga, who led ...', 'the man leading')?"""
    if person_side.head.i == verb.i and person_side.dep_ in {"nsubj", "agent"}:
        return True
    return verb.dep_ in {"relcl", "acl"} and verb.head.i == person_side.i


def speech_object(verb: Token, path: list[Token]) -> bool:
    """Is the path's participant the object the verb of saying describes ('described X as ...')?"""
    k = path.index(verb)
    neighbours = [path[k - 1], path[k + 1]]
    return any(n.head.i == verb.i and n.dep_ in {"dobj", "nsubjpass"} for n in neighbours)


def _semicolon_between(a: Token, b: Token) -> bool:
    lo, hi = sorted((a.i, b.i))
    return any(t.text == ";" for t in a.doc[lo:hi])


def lowest_common_ancestor(path: list[Token]) -> Token:
    return min(path, key=lambda t: len(_chain(t)))


def _governing_predicate(token: Token) -> Token:
    head = token.head
    while head.dep_ in {"prep", "pobj", "appos"} and head.head.i != head.i:
        head = head.head
    return head


def _recruiter(trigger: Token, a: Participant, b: Participant) -> Participant | None:
    """Who recruits: the active subject, the 'by' agent, the possessor of 'recruits'."""
    for p in (a, b):
        tok = p.token
        if trigger.pos_ == "VERB":
            if tok.dep_ == "nsubj" and tok.head.i == trigger.i:
                return p
            if trigger.dep_ == "relcl" and trigger.head.i == tok.i and any(
                    c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in trigger.children):
                return p  # "Benmoussa, who had recruited X"
            if tok.dep_ == "pobj" and tok.head.dep_ == "agent" and tok.head.head.i == trigger.i:
                return p
        elif trigger.lemma_.lower().startswith("recruit"):
            if trigger.lemma_.lower() == "recruiter" and (tok.head.i == trigger.i or trigger.head.i == tok.i):
                return p
            if tok.dep_ == "poss" and tok.head.i == trigger.i:
                return p
    return None


def _end_of_kin_list(kin: Token, sentence: Span) -> int:
    """The last token a plural kin noun's list can reach: the name right after its first 'and'
    ('siblings A and B, C and D': A and B are the siblings; C and D are further items)."""
    doc = kin.doc
    for k in range(kin.i + 1, sentence.end):
        if doc[k].dep_ == "cc" or doc[k].lower_ in {"and", "&"}:
            for j in range(k + 1, sentence.end):
                if doc[j].pos_ == "PROPN" and doc[j].dep_ != "compound":
                    return j
            break
    return sentence.end


def _others_act_on(first: Token, predicate: Token, prosecution: frozenset[str]) -> bool:
    """Is the coordination the object of a joint verb whose subject is someone else ('X met with
    A and B', 'X trained A and B')? Being charged or convicted together is shared whoever acts."""
    if predicate.lemma_.lower() in prosecution or first.dep_ in {"nsubj", "nsubjpass", "attr", "expl"}:
        return False
    return any(c.dep_ == "nsubj" and c.i != first.i for c in predicate.children)


def _predicated_of_ends(trigger: Token, path: list[Token], names: frozenset[int] = frozenset()) -> bool:
    """Does the tie word say something of the two ends, not of a third person? A noun relates
    the name it is apposed to ('A, B, C (a friend of D)': only C is D's friend); a verb on the way
    whose subject is someone else carries that person's tie ('replacing A, C served as an
    adviser to B': C is the adviser)."""
    on_path = {t.i for t in path}
    inner = path[1:-1]
    if any(t.pos_ in {"VERB", "AUX"} and any(c.dep_ in {"nsubj", "nsubjpass"} and c.i not in on_path and c.pos_ == "PROPN"
                                           for c in t.children) for t in inner):
        return False
    if trigger.pos_ in {"VERB", "ADJ"} and any((t.i in names or t.ent_type_ == "PERSON") and (t.head.i == trigger.i or (
            t.head.dep_ in {"prep", "agent"} and t.head.head.i == trigger.i)) for t in inner):
        return False  # 'A married Leila, the daughter of B': the verb ties A to the name it governs, Leila
    if trigger.pos_ == "NOUN":
        opening = trigger.left_edge.i - 1
        doc = trigger.doc
        if opening >= 0 and doc[opening].text == "(" and not any(
                t.i in {opening - 1, _nominal_end(doc, opening - 1)} for t in (path[0], path[-1])):
            return False  # '(a friend of D)' is said of the name just before the bracket
        listed = {t.i for end in (path[0], path[-1]) for t in conjunct_heads(end)} if trigger.tag_ == "NNS" else set()
        return not any(t.pos_ == "PROPN" and t.dep_ in {"conj", "appos"} and t.i not in listed for t in inner)
    return True  # ('his friends A and B': B, after A, is a friend too)


def _nominal_end(doc: Doc, i: int) -> int:
    """The head of the name that ends at token i ('Ann Lee' ends at 'Lee', which heads it)."""
    return doc[i].head.i if i >= 0 and doc[i].dep_ == "compound" else i


def join_spans(first: Span, second: Span) -> Span:
    """The stretch of text from the start of one span to the end of the other."""
    doc = first.doc
    return doc[min(first.start, second.start):max(first.end, second.end)]
