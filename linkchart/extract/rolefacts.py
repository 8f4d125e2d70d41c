"""Roles stated of a person, and recruitment stated of the network a recruiter leads.

"X, a recruiter and street preacher", "The main recruiter was X", "X was a recruiter" state
what X does for the network: a role fact, kept as an event of type ROLE (label: the role) so it
is shown on X's page and reaches the recruitment analysis. "A and B belonged to a network led by
X, a recruiter" states more: A and B were brought into the network X led as its recruiter, so
each gets a recruited_by tie to X (subtype "network"), with the sentence as its evidence.

Role nouns are data (lexicon/role_nouns.txt); the shapes are read off the dependency parse.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from linkchart.extract.events import FoundEvent
from linkchart.extract.relations import Participant, RelationFinder, Tie
from linkchart.lexicon import rows
from linkchart.model import PERSON, RECRUITED_BY, RECRUITER, ROLE

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_LEAD_VERBS = frozenset({"lead", "run", "head", "found", "organise", "organize", "direct"})
_NOMINAL_LINKS = frozenset({"prep", "pobj", "attr", "dobj", "appos", "conj", "npadvmod"})


def role_nouns() -> dict[str, str]:
    """Role noun -> role, from lexicon/role_nouns.txt."""
    return {row[0].lower(): row[1] for row in rows("role_nouns.txt") if len(row) > 1}


class RoleFinder:
    def __init__(self, roles: Mapping[str, str], group_nouns: Iterable[str], guards: RelationFinder) -> None:
        self.roles = dict(roles)
        self.group_nouns = frozenset(group_nouns)
        self.guards = guards
        self.recruiters: set[str] = set()  # clusters stated to be recruiters so far in the document

    def start_document(self) -> None:
        self.recruiters = set()

    def _role_of(self, noun: Token) -> list[str]:
        """The roles a noun and its coordinated nouns name ("a recruiter and street preacher"; a
        parser may hang the first noun on the last as a modifier)."""
        nouns = [noun, *noun.conjuncts]
        nouns += [c for n in list(nouns) for c in n.children if c.dep_ in {"nmod", "compound"}]
        nouns += [c for n in list(nouns) for c in n.conjuncts]
        found = [self.roles[t.lower_] for t in nouns if t.lower_ in self.roles]
        return list(dict.fromkeys(found))

    def _stated_roles(self, person: Participant) -> list[tuple[str, Token]]:
        """(role, noun) said of `person` by apposition or copula."""
        tok = person.token
        out = []
        nouns = [c for c in tok.children if c.dep_ == "appos"]
        if tok.dep_ == "appos":
            nouns.append(tok.head)
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ == "be":
            nouns += [c for c in tok.head.children if c.dep_ in {"attr", "acomp"}]
        if tok.dep_ == "attr" and tok.head.lemma_ == "be":
            nouns += [c for c in tok.head.children if c.dep_ == "nsubj"]
        for noun in nouns:
            if self.guards.negated_context(noun):
                continue
            out += [(role, noun) for role in self._role_of(noun)]
        return out

    def sentence_facts(self, paragraph: int, sentence: Span, people: list[Participant]) -> tuple[list[FoundEvent], list[Tie]]:
        events = []
        persons = [p for p in people if p.type == PERSON]
        for p in persons:
            for role, noun in self._stated_roles(p):
                if role == RECRUITER:
                    self.recruiters.add(p.cluster)
                clause = sentence.doc[noun.left_edge.i : noun.right_edge.i + 1].text
                events.append(FoundEvent(ROLE, role, (p.cluster,), None, self.guards.hedged([noun]), paragraph, sentence,
                                         clause, noun.i))
        return events, self._network_recruits(paragraph, sentence, persons)

    def _network_recruits(self, paragraph: int, sentence: Span, persons: list[Participant]) -> list[Tie]:
        """'A and B belonged to a network led by X, a recruiter': A and B recruited_by X."""
        by_token = {p.token.i: p for p in persons}
        ties = []
        for group in sentence:
            if group.lemma_.lower() not in self.group_nouns:
                continue
            leaders = [by_token[pobj.i] for verb in group.children if verb.dep_ == "acl" and verb.lemma_ in _LEAD_VERBS
                       for agent in verb.children if agent.dep_ == "agent"
                       for pobj in agent.children if pobj.dep_ == "pobj" and pobj.i in by_token]
            recruiters = [x for x in leaders if x.cluster in self.recruiters]
            if not recruiters:
                continue
            verb = group
            while verb.dep_ in _NOMINAL_LINKS and verb.head.i != verb.i:
                verb = verb.head
            subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
            subjects += [c for s in subjects for c in s.conjuncts]
            members = [by_token[s.i] for s in subjects if s.i in by_token]
            hedged = self.guards.hedged([verb])
            if self.guards.negated_context(verb):
                continue
            for recruiter in recruiters:
                for member in members:
                    if member.cluster != recruiter.cluster:
                        ties.append(Tie(member.cluster, recruiter.cluster, RECRUITED_BY, "network", hedged, paragraph,
                                        sentence))
        return ties
