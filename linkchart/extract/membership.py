"""Membership and leadership stated around a name, not on the path between a name and a group.

Reporting rarely writes "A is a member of X" once per member. It writes "IRA volunteer A",
"X leader A", "A, an X commander", "members of X, including A and B", "X was founded by A
and B"; and on a page about one group it leaves the group unsaid: "Another senior member was
A", "Notable leaders included A and B", "suspected members A and B were arrested", "It was
founded by A", "the founder of the group is A". The dependency path between the person and
the group name then holds no word of membership, or there is no group name at all.

The mechanisms, read off the parse (and, for lists a parser breaks apart, off the word order):
- a role noun (lexicon/group_roles.txt: member, volunteer, leader, founder ...) said of a
  person (a title before the name, apposition, copula, 'as', 'included', 'including', 'who
  were', a list with 'N other members') and owned by a group (compound, possessive, 'of X',
  'its', or the name just before it); a role in a group's unit is membership of the group;
- rolls: the names after 'The members of X were:', 'Notable leaders A, B', '... the key
  members of X: A, B, C', and names bulleted under a 'Known members' heading;
- 'the three members of X' standing for the three people named in the sentence before;
- a group founded by people ('was founded/formed/incorporated by A, B and C'), a group said
  to be someone's ("A's brigade", "A, B and their organisation, X"), what only a member or a
  leader does ('A left X', 'A took control of X');
- the unsaid group: when the text is about one group (the title names it, or the first
  sentence says "X is/was a ... group/organisation"), a role noun with no owner and 'the
  group', 'the organisation' stand for it; on other pages, the one group named in the same
  or the previous sentence.

An official, judge or counsel (by title) takes no tie here; a victim or a speaker does, since each
of these shapes states his place in the group directly ("the agency's station chief, A"). A
negated clause gives none; a hedged one is marked hedged.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from linkchart.extract.document import ParsedDocument, listed_names
from linkchart.extract.infobox import page_subject
from linkchart.extract.kinship import count_of
from linkchart.extract.lexicon import DEFENDANT_CLASS_NOUNS, REFLEXIVE_JOINING, Lexicon
from linkchart.extract.relations import Participant, RelationFinder, Tie
from linkchart.extract.roles import counsel_clusters, prosecuted, titled
from linkchart.lexicon import rows
from linkchart.model import LEADER_OF, MEMBER_OF, ORGANIZATION, PERSON, Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

_OWNER_DEPS = frozenset({"compound", "poss", "nmod", "amod", "npadvmod"})
_MAX_DEFENDANTS = 12  # a class said of more names than a case has defendants is not read as them
_REFLEXIVES = frozenset({"himself", "herself", "themselves"})
_OWNER_PREPS = frozenset({"of", "in", "within", "for"})
_ROLL_PREPS = frozenset({"including", "like", "among"})
_ROLL_VERBS = frozenset({"include", "comprise"})
_BULLET = re.compile(r"^\s*(?:[-•*▪●◦]|\d+[.)])\s+")
_TITLE_PARTS = re.compile(r"\s+[-–—|:]\s+")
_REFERENCE_NOUNS = frozenset({"organization", "organisation"})


def group_roles() -> tuple[dict[str, str], frozenset[str], frozenset[str], frozenset[str], dict[str, frozenset[str]]]:
    """(role noun -> member_of | leader_of, founding verbs, verbs only a member does to his
    group, what a new leader takes of it, words of joining: pledge verbs, oath nouns, 'serve')
    from lexicon/group_roles.txt."""
    table = {row[0].lower(): row[1] for row in rows("group_roles.txt") if len(row) > 1}
    roles = {w: LEADER_OF if k == "leader" else MEMBER_OF for w, k in table.items() if k in {"member", "leader"}}
    verbs = {k: frozenset(w for w, kind in table.items() if kind == k) for k in ("founding", "member_verb", "command")}
    joining = {k: frozenset(w for w, kind in table.items() if kind == k) for k in ("pledge", "oath", "serve")}
    return roles, verbs["founding"], verbs["member_verb"], verbs["command"], joining


def topic_group(parsed: ParsedDocument, title: str, lex: Lexicon) -> str | None:
    """The group the text is about: the one its title names, or the subject of its first
    statement when that says what kind of group it is ('X was an American left-wing terrorist
    organisation'). A text about a person has none."""
    for part in dict.fromkeys([title, *_TITLE_PARTS.split(title)]):  # 'X - History', 'X | Wiki'
        subject = page_subject(parsed, part.strip())
        if subject is not None:
            return subject.cluster if subject.type == ORGANIZATION else None
    kinds = lex.group_nouns | lex.organisation_words | _REFERENCE_NOUNS | {"unit"}
    for p, sent in parsed.sentences[:8]:
        root = sent.root
        if root.pos_ not in {"VERB", "AUX"}:
            continue
        subjects = [c for c in root.children if c.dep_ == "nsubj"]
        occ = parsed.by_token.get((p, subjects[0].i)) if subjects else None
        if occ is None or occ.type != ORGANIZATION or root.lemma_ != "be":
            return None
        attrs = [c for c in root.children if c.dep_ == "attr"]
        attrs += [c for a in attrs for c in a.conjuncts]
        return occ.cluster if any(a.lemma_.lower() in kinds for a in attrs) else None
    return None


class MembershipFinder:
    def __init__(self, lexicon: Lexicon, guards: RelationFinder) -> None:
        self.lex = lexicon
        self.guards = guards
        self.roles, self.founding, self.member_verbs, self.command, self.joining = group_roles()
        self.topic: str | None = None
        self.officials: set[str] = set()
        self.spelled: dict[str, str] = {}
        self.defendants: list[str] = []

    def start_document(self, parsed: ParsedDocument, title: str) -> None:
        self.topic = topic_group(parsed, title, self.lex)
        # Officials, judges and counsel (by title) take no tie from a role noun; a victim or a
        # speaker does when a role is said of him ('the CIA's station chief, A').
        self.officials = counsel_clusters(parsed) | {o.cluster for o in parsed.occurrences if o.type == PERSON
                                                     and o.cluster and titled(parsed.head(o), self.lex)}
        # The groups of the document by the words they were named with: a name glued to a title
        # ('X Volunteer A') may not be read as a group there, yet it spells one named elsewhere.
        spellings: dict[str, set[str]] = {}
        for o in parsed.occurrences:
            if o.type == ORGANIZATION and o.cluster:
                spellings.setdefault(o.text.lower(), set()).add(o.cluster)
        self.spelled = {text: next(iter(c)) for text, c in spellings.items() if len(c) == 1}
        # The people the document charges, arrests or convicts: 'each defendant', 'the defendants'.
        self.defendants = list(dict.fromkeys(o.cluster for o in parsed.occurrences if o.type == PERSON and o.cluster
                                             and o.cluster not in self.officials
                                             and prosecuted(parsed.head(o), self.lex)))

    def references(self, parsed: ParsedDocument) -> dict[tuple[int, int], str]:
        """'the group', 'the organisation', 'this group': on a page about one group, that group
        unless another was named last before them in the paragraph; elsewhere the one group named
        in their sentence or the one before ('X ... His brother took control of the organisation')."""
        nouns = self.lex.group_nouns | _REFERENCE_NOUNS if self.topic else _REFERENCE_NOUNS | {"group"}
        out = {}
        for p, doc in enumerate(parsed.paragraphs):
            for tok in doc:
                if (tok.pos_ != "NOUN" or tok.tag_ == "NNS" or tok.lemma_.lower() not in nouns
                        or (p, tok.i) in parsed.by_token
                        or not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children)
                        or any(c.dep_ in {"amod", "compound", "nmod", "nummod"} and c.i < tok.i for c in tok.children)
                        or any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)):
                    continue  # 'the group of friends' is no named group
                last = self._last_group_before(parsed, p, tok.i)
                if self.topic is not None and last in {None, self.topic}:
                    out[(p, tok.i)] = self.topic
                elif self.topic is None and (recent := self._recent_group(parsed, p, tok, last=True)) is not None:
                    out[(p, tok.i)] = recent
        return out

    def heading_rolls(self, parsed: ParsedDocument, document: Document) -> list[Tie]:
        """Bulleted names under a heading that names a role ('Known members', 'Founding members',
        'Leaders of X'): each item that opens with a person's name makes him a member (a
        leader) of the group the heading names, else of the page's group. Another heading or
        prose ends the roll, also one the cleaning dropped from the text ('Sympathisers'), seen
        in the file as read. The evidence is the item, with the heading when it comes right
        before it."""
        ties: list[Tie] = []
        heading: tuple[int, Span, str, str] | None = None
        for p, doc in enumerate(parsed.paragraphs):
            if _BULLET.match(doc.text):
                if heading is not None and p > 0 and _dropped_line_between(document, parsed, p - 1, p):
                    heading = None
                if heading is None:
                    continue
                first = min((o for o in parsed.in_paragraph(p) if o.type in {PERSON, ORGANIZATION} and o.cluster),
                            key=lambda o: o.name.start, default=None)
                if (first is not None and first.cluster and first.type == PERSON and first.name.start <= 3
                        and first.cluster not in self.officials):
                    q, span, group, kind = heading
                    lead = (q, span) if q == p - 1 else None  # (a longer stretch may not be verbatim)
                    ties.append(Tie(first.cluster, group, kind, None, False, p, doc[:], lead=lead))
                continue
            heading = self._role_heading(parsed, p)
        return ties

    def _role_heading(self, parsed: ParsedDocument, p: int) -> tuple[int, Span, str, str] | None:
        doc = parsed.paragraphs[p]
        words = [t for t in doc if not t.is_punct and not t.is_space]
        if not words or len(words) > 8 or any(t.pos_ in {"VERB", "AUX"} and t.dep_ == "ROOT" for t in doc) \
                or doc.text.rstrip()[-1:] in {".", "!", "?"}:
            return None
        nouns = [t for t in words if self._is_role(t) and t.tag_ in {"NNS", "NNPS"}]
        if not nouns:
            return None
        named = {o.cluster for o in parsed.in_paragraph(p) if o.type == ORGANIZATION and o.cluster}
        group = next(iter(named)) if len(named) == 1 else self.topic if not named else None
        if group is None:
            return None
        return p, doc[:], group, self._kind(nouns[0]) or MEMBER_OF

    def _last_group_before(self, parsed: ParsedDocument, p: int, i: int) -> str | None:
        """What 'its' stands for: the group that was last the subject of a clause, this sentence
        or the one before ('X was a group founded by A, a teacher at the Y Mosque. Its spokesman
        ...': X, not Y), else the group named last."""
        before = [o for o in parsed.in_paragraph(p) if o.type == ORGANIZATION and o.cluster and o.name.end <= i]
        if not before:
            return None
        here = parsed.sentence_of(p, parsed.paragraphs[p][i])
        subjects = [o for o in before if here - 1 <= o.sentence <= here and parsed.head(o).dep_ in {"nsubj", "nsubjpass"}]
        return max(subjects or before, key=lambda o: o.name.start).cluster

    def sentence_ties(self, parsed: ParsedDocument, paragraph: int, sentence: Span, people: list[Participant],
                      outsiders: set[str]) -> list[Tie]:
        """`outsiders`: victims and speakers, who take a tie only from a group the sentence names."""
        groups = {x.token.i: x.cluster for x in people if x.type == ORGANIZATION}
        for t in sentence:  # every word of a group's name: a parser may hang any of them
            occ = parsed.by_token.get((paragraph, t.i))
            if occ is not None and occ.type == ORGANIZATION and occ.cluster and t.i not in groups:
                groups[t.i] = occ.cluster
        persons = [x for x in people if x.type == PERSON and x.cluster not in self.officials]
        ties: list[Tie] = []
        for person in persons:
            for noun in self._role_nouns(person.token):
                owner = self._owner(parsed, paragraph, noun, groups, implicit=person.cluster not in outsiders)
                if owner is None or self._negated(noun):
                    continue
                ties.append(Tie(person.cluster, owner, self._kind(noun) or MEMBER_OF, None, self.guards.hedged([noun]),
                                paragraph, sentence))
            ties += self._member_acts(paragraph, sentence, person, groups)
        for both in (t for t in sentence if t.lower_ == "they" and any(c.lower_ == "both" for c in t.children)):
            named = list(dict.fromkeys(x.cluster for x in persons if x.token.i < both.i))
            if len(named) == 2:  # 'A, like B, was in X, and later they both joined Y'
                ties += [t for c in named for t in self._member_acts(paragraph, sentence, Participant(c, PERSON, both),
                                                                        groups)]
        ties += self._alike_ties(paragraph, sentence, persons, ties)
        ties += self._defendants_ties(parsed, paragraph, sentence, groups, outsiders)
        ties += self._founders(parsed, paragraph, sentence, persons, groups)
        ties += self._roll(parsed, paragraph, sentence, persons, groups, outsiders)
        ties += self._owned_groups(paragraph, sentence, persons, groups)
        ties += self._counted_back(parsed, paragraph, sentence, groups)
        # A unit of a group ("the Front's Unit 9", "the Movement's Foreign Committee"): whoever
        # is in the unit is a member of the group.
        parents = {groups[t]: groups[c.i] for t in groups for c in sentence.doc[t].children
                   if c.dep_ == "poss" and c.i in groups and groups[c.i] != groups[t]}
        ties += [Tie(t.source, parents[t.target], MEMBER_OF, None, t.hedged, paragraph, sentence)
                 for t in ties if t.target in parents]
        return ties

    def _alike_ties(self, paragraph: int, sentence: Span, persons: list[Participant], ties: list[Tie]) -> list[Tie]:
        """'A, like B, was a member of X', 'A, like his brother B, joined X': what the clause
        says of its subject it says of the one he is likened to, set off by commas after him."""
        doc = sentence.doc
        found: list[Tie] = []
        for person in persons:
            like = person.token
            for _ in range(3):  # 'like B', 'like his brother B'
                if like.lower_ == "like" or like.head.i == like.i:
                    break
                like = like.head
            k = like.i
            if like.lower_ != "like" or like.dep_ != "prep" or k - 2 < sentence.start or doc[k - 1].text != ",":
                continue
            subject = next((x for x in persons if x.token.i == k - 2 and x.token.dep_ == "nsubj"
                            and x.cluster != person.cluster), None)
            end = next((t.i for t in doc[k + 1:sentence.end] if t.text == ","), None)
            if subject is None or end is None or not k < person.token.i < end:
                continue
            found += [Tie(person.cluster, t.target, t.type, t.subtype, t.hedged, paragraph, sentence)
                      for t in ties if t.source == subject.cluster]
        return found

    def _defendants_ties(self, parsed: ParsedDocument, paragraph: int, sentence: Span, groups: dict[int, str],
                         outsiders: set[str]) -> list[Tie]:
        """'each defendant associated himself with X', 'the defendants were members of X': a
        membership said of the defendants as a class is said of every one the document charges
        (a court text names them before; judges, counsel and victims are never among them)."""
        defendants = [c for c in self.defendants if c not in outsiders]
        if not 2 <= len(defendants) <= _MAX_DEFENDANTS:
            return []
        ties: list[Tie] = []
        for tok in sentence:
            if tok.lemma_.lower() not in DEFENDANT_CLASS_NOUNS or tok.dep_ not in {"nsubj", "nsubjpass"}:
                continue
            if not (tok.tag_ == "NNS" or any(c.lower_ in {"each", "every", "all", "both"} for c in tok.children)):
                continue
            if any(c.dep_ == "appos" for c in tok.children) or (paragraph, tok.i) in parsed.by_token:
                continue  # 'the defendants, A and B, ...' names its own
            stand_in = Participant(defendants[0], PERSON, tok)
            found = [(noun, self._owner(parsed, paragraph, noun, groups, implicit=False))
                     for noun in self._role_nouns(tok)]
            ties += [Tie(c, owner, self._kind(noun) or MEMBER_OF, None, self.guards.hedged([noun]), paragraph, sentence)
                     for noun, owner in found if owner is not None and not self._negated(noun) for c in defendants]
            ties += [Tie(c, t.target, t.type, t.subtype, t.hedged, paragraph, sentence)
                     for t in self._member_acts(paragraph, sentence, stand_in, groups) for c in defendants]
        return ties

    def _negated(self, noun: Token) -> bool:
        """A title or an apposition ('X's deputy, A, did not back B') is not what the clause
        around it negates; a predicate is ('A was never a member', 'no evidence A was a member')."""
        if noun.dep_ in {"compound", "appos"} or any(c.dep_ == "appos" for c in noun.children):
            return self.guards.negated([noun]) or any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children)
        return self.guards.negated_context(noun)

    def _kind(self, tok: Token) -> str | None:
        """member_of or leader_of for a role noun, also a title of several words ('Secretary
        General', 'deputy commander'); None for any other word."""
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        words = [c for c in tok.children if c.dep_ == "compound" and c.i < tok.i] + [tok]
        kinds = {self.roles.get(w.lemma_.lower()) or self.roles.get(w.lower_) for w in words} - {None}
        if not kinds and tok.pos_ == "PROPN" and tok.lower_.endswith("s"):  # 'X Volunteers A and B': a plural title
            kinds.add(self.roles.get(tok.lower_[:-1]))
        kinds.add(self.roles.get(" ".join([w.lower_ for w in words[:-1]] + [tok.lemma_.lower()])))
        kinds.discard(None)
        return LEADER_OF if LEADER_OF in kinds else MEMBER_OF if kinds else None

    def _is_role(self, tok: Token) -> bool:
        return self._kind(tok) is not None

    def _member_acts(self, paragraph: int, sentence: Span, person: Participant, groups: dict[int, str]) -> list[Tie]:
        """'A joined X', 'A left the group', 'A quit X', 'A was active in X', 'A served in X', 'A
        pledged allegiance to X': he is (or was) a member; 'A took control of X', 'A assumed
        command of X': he leads it."""
        subject = person.token
        while subject.dep_ in {"appos", "conj"} and subject.head.i != subject.i:
            subject = subject.head  # 'his brother, A, took control'; 'A and B left the group'
        verb = subject.head
        if subject.dep_ != "nsubj" or verb.pos_ not in {"VERB", "AUX"} or self.guards.negated_context(verb):
            return []
        hedged = self.guards.hedged([verb])
        lemma = verb.lemma_.lower()
        if lemma == "be":  # 'A was active in X'
            verb = next((c for c in verb.children if c.dep_ == "acomp" and c.lemma_.lower() in self.joining["serve"]),
                        verb)
            lemma = verb.lemma_.lower()
        # 'A associated himself with X', 'A aligned herself with X': a reflexive link is joining
        reflexive = lemma in REFLEXIVE_JOINING and any(c.dep_ == "dobj" and c.lower_ in _REFLEXIVES
                                                       for c in verb.children)
        if lemma in self.joining["pledge"] | self.joining["serve"] or reflexive:
            # 'A pledged allegiance to X' (or to X's leader), 'A served in X', 'A served with X'
            heads = [verb] + [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in self.joining["oath"]]
            heads += [o for h in heads[1:] for prep in h.children if prep.lower_ == "of"
                      for o in prep.children if o.lemma_.lower() in self.joining["oath"]]  # 'an oath of loyalty'
            if lemma in self.joining["pledge"] and len(heads) == 1:
                return []
            preps = {"to"} if lemma in self.joining["pledge"] else {"in", "with"}
            heads += [verb.head] if verb.dep_ == "acomp" else []  # ('active' with 'in X' hung on 'was')
            objects = [o for h in heads for prep in h.children if prep.dep_ == "prep" and prep.lower_ in preps
                       for o in prep.children if o.dep_ == "pobj"]
            found = [groups[o.i] for o in objects if o.i in groups]
            found += [groups[c.i] for o in objects if o.i not in groups for c in o.subtree
                      if c.dep_ in {"compound", "poss"} and c.i in groups]  # "to X's leader", 'to X leader A'
            return [Tie(person.cluster, g, MEMBER_OF, None, hedged, paragraph, sentence) for g in dict.fromkeys(found)]
        if lemma not in self.member_verbs:
            return []
        ties = []
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if obj.i in groups and verb.lemma_.lower() not in {"take", "assume", "seize"}:
                ties.append(Tie(person.cluster, groups[obj.i], MEMBER_OF, None, hedged, paragraph, sentence))
            if obj.lemma_.lower() in self.command or self.roles.get(obj.lemma_.lower()) == LEADER_OF:
                ties += [Tie(person.cluster, groups[g.i], LEADER_OF, None, hedged, paragraph, sentence)
                         for prep in obj.children if prep.dep_ == "prep" and prep.lower_ == "of"
                         for g in prep.children if g.dep_ == "pobj" and g.i in groups]
        return ties

    def _roll(self, parsed: ParsedDocument, paragraph: int, sentence: Span, persons: list[Participant],
              groups: dict[int, str], outsiders: set[str]) -> list[Tie]:
        """A roll: 'The known members of X were: A, B (C's brother) and D', 'Notable leaders A,
        B, C', '... identified as the key members of X: A, B, C', 'The X dead were: A, B'. A
        role noun (or the group itself) as the subject of 'be'/'include', opening a line without
        a verb, or ending the words before a colon; then the names after it. A parser often
        breaks such a list apart, so it is read from the order of the words: every name after
        the verb or colon that is not in brackets or a possessive."""
        root = sentence.root
        colon = next((t for t in sentence if t.text == ":" and t.i > sentence.start + 2), None)
        owner = None
        if root.lemma_.lower() in {"be", "include", "comprise"}:
            heads = [c for c in root.children if c.dep_ == "nsubj" and self._is_role(c) and c.tag_ == "NNS"]
            start = root.i
            subjects = [c for x in (root, *(c for c in root.children if c.dep_ in {"acomp", "attr"}))
                        for c in x.children if c.dep_ == "nsubj"]
            subject_groups = [groups[c.i] for c in subjects if c.i in groups]
            if not heads and subject_groups and colon is not None and colon.i == root.i + 1:
                owner = subject_groups[0]  # 'The X dead were: A, B': names listed under the group
        elif not any(t.pos_ in {"VERB", "AUX"} for t in sentence):
            heads = [t for t in sentence[:4] if self._is_role(t) and t.tag_ == "NNS"]
            start = heads[0].i if heads else sentence.end
        else:
            heads = []
            start = sentence.end
        if not heads and owner is None and colon is not None:
            before = [t for t in sentence if t.i < colon.i and self._is_role(t) and t.tag_ == "NNS"]
            heads, start = before[-1:], colon.i
        if owner is None:
            if len(heads) != 1 or self.guards.negated_context(heads[0]):
                return []
            owner = self._owner(parsed, paragraph, heads[0], groups)
            if owner is not None and self._owner(parsed, paragraph, heads[0], groups, implicit=False) is None:
                persons = [x for x in persons if x.cluster not in outsiders]  # a group left unsaid
        elif self.guards.negated_context(root):
            return []
        if owner is None:
            return []
        noun = heads[0] if heads else root
        kind = (self._kind(noun) if heads else None) or MEMBER_OF
        ties = []
        for person in persons:
            tok = person.token
            if tok.i <= start or tok.dep_ == "poss" or _in_brackets(sentence, tok):
                continue
            ties.append(Tie(person.cluster, owner, kind, None, self.guards.hedged([noun]), paragraph, sentence))
        return ties

    def _role_nouns(self, tok: Token) -> list[Token]:
        """Role nouns said of the person: 'IRA volunteer A', 'A, a member of X', 'A was the
        group's leader', 'the founder was A', 'leaders included A and B', 'members of X,
        including A', 'A, B and five other members'."""
        anchors = [tok]
        while anchors[-1].dep_ in {"conj", "appos"} and anchors[-1].head.pos_ == "PROPN" and anchors[-1].head.i != anchors[-1].i:
            anchors.append(anchors[-1].head)  # the first name of a list 'A, B and C'
        found: list[Token] = []
        for a in anchors:
            head = a.head
            found += [c for c in a.children if c.dep_ in {"compound", "appos"} and c.i != tok.i]
            found += [c for c in a.children if c.dep_ == "conj" and c.pos_ == "NOUN"]  # 'A and other members'
            if a.dep_ == "appos":  # 'his brother, A, its former leader': appositions of one noun
                found += [head] + [c for c in head.children if c.dep_ == "appos" and c.i != a.i]
            if a.dep_ in {"nsubj", "nsubjpass"} and head.lemma_ == "be":
                found += [c for c in head.children if c.dep_ in {"attr", "acomp"}]
                # 'A is a militant who served as the deputy emir of X': the role of the one described
                found += [o for attr in head.children if attr.dep_ == "attr" for rel in attr.children
                          if rel.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in rel.children)
                          for prep in rel.children if prep.dep_ == "prep" and prep.lower_ == "as"
                          for o in prep.children if o.dep_ == "pobj"]
            if a.dep_ == "attr" and head.lemma_ == "be":
                found += [c for c in head.children if c.dep_ == "nsubj"]
            if a.dep_ in {"dobj", "attr"} and head.lemma_.lower() in _ROLL_VERBS:
                found += [c for c in head.children if c.dep_ == "nsubj"]
            if a.dep_ == "pobj" and head.lower_ in _ROLL_PREPS:
                found.append(head.head)
            if a.dep_ in {"nsubj", "nsubjpass"}:  # 'A served as its leader', 'A fought as a member of X'
                found += [o for prep in head.children if prep.dep_ == "prep" and prep.lower_ == "as"
                          for o in prep.children if o.dep_ == "pobj"]
        for named in listed_names(anchors[-1]):  # 'A, B and C, who were then leaders of X'
            for verb in (c for c in named.children if c.dep_ == "relcl" and c.lemma_ == "be"):
                if not any(c.dep_ == "nsubj" and c.lower_ in {"who", "that"} for c in verb.children):
                    continue
                stated = [c for c in verb.children if c.dep_ in {"attr", "acomp"}]
                found += stated or [t for t in verb.doc[verb.i + 1:verb.i + 4] if t.pos_ == "NOUN"][:1]
        found += [c for n in list(found) for c in n.conjuncts]
        return [n for n in dict.fromkeys(found) if self._is_role(n)]

    def _owner(self, parsed: ParsedDocument, p: int, noun: Token, groups: dict[int, str],
               implicit: bool = True) -> str | None:
        """The group that owns the role noun; with `implicit`, when none is named, the page's
        group or the one group named just before."""
        heads = [noun] + ([noun.head] if noun.dep_ == "conj" else [])  # 'criminal and member of X'
        for h in heads:
            for c in h.children:
                if c.dep_ in _OWNER_DEPS and c.i in groups:
                    return groups[c.i]  # 'ISIL leader', "the cartel's chief"
                if c.dep_ == "poss" and c.lower_ == "its":
                    return self._last_group_before(parsed, p, c.i) or self.topic
                if c.dep_ == "prep" and c.lower_ in _OWNER_PREPS:
                    for pobj in (x for x in c.children if x.dep_ == "pobj"):
                        if pobj.i in groups:
                            return groups[pobj.i]
                        owners = [groups[x.i] for x in pobj.children if x.dep_ == "poss" and x.i in groups]
                        if owners:
                            return owners[0]  # "leaders of X's external operations programme": of X
        before = noun.i - 1
        while before >= noun.sent.start and noun.doc[before].dep_ in {"amod", "compound", "advmod"} \
                and before not in groups and noun.doc[before].pos_ in {"ADJ", "ADV", "NOUN"}:
            before -= 1
        if before in groups and noun.doc[before].head.i in {noun.i, noun.head.i}:
            return groups[before]  # 'IRA Volunteer Ciaran Roe': both words hang on the name
        spelled = self._spelled_group(noun.doc, noun.sent.start, before)
        if spelled is not None and noun.doc[before].head.i in {noun.i, noun.head.i}:
            return spelled  # the same, where the group's name was not read as one here
        if before >= noun.sent.start and noun.doc[before].pos_ == "PROPN":
            return None  # 'Hamas leader X' with a group name we did not type: not the page's group
        if not implicit or any(c.dep_ == "prep" and c.lower_ in _OWNER_PREPS - {"in"} for h in heads for c in h.children):
            return None  # 'member of parliament': another body
        if any(c.dep_ in {"poss", "compound"} and c.pos_ in {"PROPN", "PRON"} for c in noun.children):
            return None  # "his lieutenant", "the NSF's leader" naming a group we did not type
        if any(c.dep_ in {"compound", "nmod"} and c.pos_ == "NOUN" and c.lemma_.lower() not in self.lex.group_nouns
               and f"{c.lower_} {noun.lemma_.lower()}" not in self.roles for c in noun.children):
            return None  # 'police chief', 'army officer': another body
        return self.topic or self._recent_group(parsed, p, noun)

    def _spelled_group(self, doc: Doc, start: int, end: int) -> str | None:
        """The group whose name the capitalised words ending at `end` spell, if the document
        names that group elsewhere (and the words name no other)."""
        k = end
        while k >= start and doc[k].pos_ == "PROPN" and doc[k].dep_ == "compound":
            k -= 1
        for first in range(k + 1, end + 1):
            found = self.spelled.get(doc[first:end + 1].text.lower())
            if found is not None:
                return found
        return None

    def _recent_group(self, parsed: ParsedDocument, p: int, noun: Token, last: bool = False) -> str | None:
        """The one group (with `last`, the last group) named in this sentence before the noun or
        in the sentence before it ('X was incorporated by A and B. C and D worked as fund
        raisers.', 'A led X. She married B, another leader of this group.')."""
        sents = list(parsed.paragraphs[p].sents)
        k = next(n for n, sent in enumerate(sents) if sent.start <= noun.i < sent.end)
        start = sents[max(k - 1, 0)].start
        found = sorted((o.name.start, o.cluster) for o in parsed.in_paragraph(p) if o.type == ORGANIZATION
                        and o.cluster and start <= o.name.start and o.name.end <= noun.i)
        if last:
            return found[-1][1] if found else None
        return found[0][1] if len({c for _, c in found}) == 1 else None

    def _counted_back(self, parsed: ParsedDocument, paragraph: int, sentence: Span, groups: dict[int, str]) -> list[Tie]:
        """'A, B and C arrived at the airport. The three members of X then opened fire': a
        counted plural role ('the three members of X') stands for as many people named in the
        sentence before; 'these members of X' for all of them. The group must be named."""
        sents = list(parsed.paragraphs[paragraph].sents)
        k = next((n for n, x in enumerate(sents) if x.start == sentence.start), 0)
        if k == 0:
            return []
        previous = sents[k - 1]
        named = list(dict.fromkeys(o.cluster for o in parsed.in_paragraph(paragraph) if o.type == PERSON and o.cluster
                                   and previous.start <= o.name.start < previous.end and o.cluster not in self.officials))
        ties = []
        for noun in sentence:
            if noun.tag_ != "NNS" or not self._is_role(noun) or any(c.dep_ == "prep" and c.lower_ == "of" and any(
                    g.dep_ == "pobj" and g.i not in groups for g in c.children) for c in noun.children):
                continue  # 'the three members of his family'
            det = {c.lower_ for c in noun.children if c.dep_ == "det"}
            count = count_of(noun)
            numbered = any(c.dep_ == "nummod" for c in noun.children)
            if not ((det & {"the", "these", "those"} and count == len(named))
                    or (det & {"these", "those"} and not numbered and len(named) > 1)):
                continue
            owner = self._owner(parsed, paragraph, noun, groups, implicit=False)
            if owner is None or self._negated(noun):
                continue
            span = sentence.doc[previous.start:sentence.end]
            hedged = self.guards.hedged([noun])
            ties += [Tie(c, owner, self._kind(noun) or MEMBER_OF, None, hedged, paragraph, span) for c in named]
        return ties

    def _owned_groups(self, paragraph: int, sentence: Span, persons: list[Participant],
                      groups: dict[int, str]) -> list[Tie]:
        """A group said to be someone's: "A's International Brigade", "A, B and their
        organisation, X", "A and his group, X": he leads it."""
        by_token = {x.token.i: x for x in persons}
        ties = []
        for i in {x for x in groups if sentence.doc[x].dep_ != "compound"}:
            group = sentence.doc[i]
            owners = [by_token[c.i] for c in group.children if c.dep_ == "poss" and c.i in by_token]
            noun = group.head if group.dep_ == "appos" else None
            if noun is not None and noun.pos_ == "NOUN" and noun.dep_ == "conj" and (
                    noun.lemma_.lower() in self.lex.group_nouns | _REFERENCE_NOUNS):
                first = noun
                while first.dep_ == "conj" and first.head.i != first.i:
                    first = first.head
                listed = [by_token[t.i] for t in listed_names(first) if t.i in by_token]
                pronoun = next((c.lower_ for c in noun.children if c.dep_ == "poss"), "")
                if pronoun == "their" and len(listed) > 1 or pronoun in {"his", "her"} and len(listed) == 1:
                    owners += listed
            if owners and not self.guards.negated_context(group):
                hedged = self.guards.hedged([group])
                ties += [Tie(o.cluster, groups[i], LEADER_OF, None, hedged, paragraph, sentence) for o in owners]
        return ties

    def _founders(self, parsed: ParsedDocument, paragraph: int, sentence: Span, persons: list[Participant],
                  groups: dict[int, str]) -> list[Tie]:
        """'X was founded in 1990 by A and B', 'It was incorporated by A', 'a group formed by A'."""
        by_token = {x.token.i: x for x in persons}
        ties = []
        for verb in sentence:
            if verb.pos_ != "VERB" or verb.lemma_.lower() not in self.founding:
                continue
            named = [o for agent in verb.children if agent.dep_ == "agent"
                     for pobj in agent.children if pobj.dep_ == "pobj" for o in listed_names(pobj)]
            founders = [by_token[t.i] for t in named if t.i in by_token]
            if not founders or self.guards.negated_context(verb):
                continue
            group = None
            if verb.dep_ == "acl" and verb.head.i in groups:
                group = groups[verb.head.i]
            elif verb.dep_ in {"acl", "relcl"} and verb.head.dep_ == "attr" and verb.head.lemma_.lower() in self.lex.group_nouns:
                # 'X was a rebel group founded by A': the group noun is said of X, the copula's subject
                group = next((groups[c.i] for c in verb.head.head.children if c.dep_ == "nsubj" and c.i in groups), None)
            for subject in (c for c in verb.children if c.dep_ == "nsubjpass"):
                if subject.i in groups:
                    group = groups[subject.i]
                elif subject.lower_ == "it" and self._last_group_before(parsed, paragraph, subject.i) in {None, self.topic}:
                    group = self.topic
            if group is None:
                continue
            hedged = self.guards.hedged([verb])
            ties += [Tie(f.cluster, group, LEADER_OF, "founder", hedged, paragraph, sentence) for f in founders]
        return ties


def _in_brackets(sentence: Span, token: Token) -> bool:
    depth = 0
    for t in sentence.doc[sentence.start:token.i]:
        depth += (t.text == "(") - (t.text == ")")
    return depth > 0


def _dropped_line_between(document: Document, parsed: ParsedDocument, before: int, after: int) -> bool:
    """Did the file as read hold a line between two paragraphs that the cleaning dropped (a
    heading, a caption) and that is no list item?"""
    if not document.original:
        return False
    end = parsed.offsets[before] + len(parsed.paragraphs[before].text)
    lo, hi = document.original_offset(end), document.original_offset(parsed.offsets[after])
    if lo is None or hi is None:
        return False
    return any(line.strip() and not _BULLET.match(line) for line in document.original[lo:hi].splitlines()[1:])


