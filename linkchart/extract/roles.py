"""Who only talks about the network: quoted analysts, officials and journalists.

A person is a commentator in a document when they speak (subject of a verb of saying, "according
to" them) or are introduced by a commentator's job title, and the document ties them to no
other person. Commentators keep ties to their own institution ("director of RUSI") but never
enter the network.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from linkchart.extract.document import ParsedDocument, first_conjunct, is_speaker_label
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.names import closing_plural_title
from linkchart.lexicon import rows, words
from linkchart.model import ORGANIZATION, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token


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
    kidnapping). They take only the ties a sentence states of them directly.

    Someone the document itself prosecutes (charged, arrested, convicted) is in the network
    whatever else it says of them: a former member now 'a research scholar', a hostage who
    was later convicted with her captors. No judge, lawyer or victim is charged in the case."""
    found: set[str] = set()
    charged: set[str] = set()
    for occ in parsed.occurrences:
        if occ.type != PERSON or not occ.cluster:
            continue
        tok = parsed.head(occ)
        if titled(tok, lex) or _is_victim(tok, lex) or _speaks_for(tok, parsed):
            found.add(occ.cluster)
        if prosecuted(tok, lex):
            charged.add(occ.cluster)
    for (p, i), cluster in pronoun_clusters.items():
        if prosecuted(parsed.paragraphs[p][i], lex):
            charged.add(cluster)
    return (found | counsel_clusters(parsed)) - charged


def titled_clusters(parsed: ParsedDocument, lex: Lexicon) -> set[str]:
    """People the document introduces by an outsider's title ('defence attorney A', 'A, a
    terrorism analyst'): commentators or officials when no tie is stated of them."""
    return {occ.cluster for occ in parsed.occurrences
            if occ.type == PERSON and occ.cluster and titled(parsed.head(occ), lex)}


# Verbs of prosecution whose passive subject is the one prosecuted ('X was charged / arrested').
_PROSECUTION_VERBS = frozenset({"charge", "indict", "convict", "sentence", "arrest", "extradite", "imprison", "jail"})
_HELD_VERBS = frozenset({"capture", "detain"})  # passive only, and never by a named captor


def prosecuted(token: Token, lex: Lexicon) -> bool:
    """Is the person here the one charged, arrested or convicted ('X was arrested', 'X pleaded
    guilty', 'police arrested X', 'charges against X')? A list shares its verb ('A and B were
    convicted')."""
    x = token
    while x.dep_ in {"conj", "appos"} and x.head.i != x.i:
        x = x.head
    head = x.head
    lemma = head.lemma_.lower()
    if x.dep_ == "dobj" and lemma in _PROSECUTION_VERBS and lemma in lex.co_offending:
        return not _negated_verb(head)
    if x.dep_ == "nsubjpass":  # 'X was wounded and captured', 'X was detained by the police'
        verbs = [head, *(c for c in head.children if c.dep_ == "conj" and c.pos_ == "VERB")]
        return any(v.lemma_.lower() in _PROSECUTION_VERBS | _HELD_VERBS and v.lemma_.lower() in lex.co_offending
                   and not _negated_verb(v) and not _named_agent(v) for v in verbs)
    if x.dep_ == "nsubj" and lemma == "plead" and any(c.lower_ == "guilty" for c in head.children):
        return not _negated_verb(head)
    return x.dep_ == "pobj" and head.lower_ == "against" and head.head.lemma_.lower() in {"charge", "indictment"}


def _named_agent(verb: Token) -> bool:
    """'captured by the IRA': a named captor makes a hostage, not a prisoner of the law."""
    return any(c.dep_ == "agent" and any(g.pos_ == "PROPN" for g in c.subtree) for c in verb.children)


def _negated_verb(verb: Token) -> bool:
    return any(c.dep_ == "neg" for c in verb.children)


def _speaks_for(token: Token, parsed: ParsedDocument) -> bool:
    """Counsel in a sentence: 'X QC, for Rich, said', 'X, for the defence'. A 'for' phrase set off
    by commas right after the name, naming a person or a side."""
    doc = token.doc
    k = token.i + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":  # post-nominals ('QC')
        k += 1
    if not (k + 1 < len(doc) and doc[k].text == "," and doc[k + 1].lower_ == "for"):
        return False
    objects = [c for c in doc[k + 1].children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].pos_ in {"PROPN", "NOUN"} and any(
        t.text == "," for t in doc[objects[0].i + 1:objects[0].i + 2])


_TITLED: tuple[object, object, dict[int, bool]] = (None, None, {})


def titled(token: Token, lex: Lexicon) -> bool:
    """Is the name introduced here by an outsider's title ('Judge X', 'X, a defence lawyer',
    'U.S. Attorney X')? Read once a token: several steps ask it of every name (the memo holds the
    paragraph at hand only, and is swapped whole)."""
    global _TITLED
    memo = _TITLED
    if memo[0] is not token.doc or memo[1] is not lex:
        memo = _TITLED = (token.doc, lex, {})
    found = memo[2].get(token.i)
    if found is None:
        found = memo[2][token.i] = _titled(token, lex)
    return found


def _titled(token: Token, lex: Lexicon) -> bool:
    near = [c for c in token.children if c.dep_ in {"compound", "appos", "amod"}]
    if token.dep_ == "appos":
        near.append(token.head)
    if token.dep_ == "nsubj" and token.head.lemma_ == "be":  # "X is a prosecutor"
        near += [c for c in token.head.children if c.dep_ == "attr"]
    # A plural title set after a list names every one in it: "before A, B and C, Circuit Judges".
    near += [c for t in _conjuncts(token) if t is not token for c in t.children
             if c.dep_ == "appos" and c.tag_ in {"NNS", "NNPS"}]
    title = closing_plural_title(token)  # (or parsed as the list's last conjunct)
    near += [title] if title is not None else []
    return any(_outsider_noun(t.lemma_.lower(), lex) and not _group_office(t) for t in near)


@cache
def _group_offices() -> frozenset[str]:
    """Titles of several words that name an office in a group ('general secretary')."""
    return frozenset(row[0].lower() for row in rows("group_roles.txt") if len(row) > 1 and " " in row[0]
                     and row[1] in {"member", "leader"})


def _group_office(title: Token) -> bool:
    """'the deputy general secretary of X': an outsider's word ('secretary') inside a group's
    office of several words is the group's office, not an official's title."""
    words = [c.lower_ for c in title.children if c.dep_ in {"amod", "compound", "nmod"} and c.i < title.i]
    return any(f"{w} {title.lower_}" in _group_offices() for w in words)


def _conjuncts(token: Token) -> list[Token]:
    """Every name of the coordination `token` stands in ('A, B and C')."""
    first = first_conjunct(token)
    found, todo = [first], [first]
    while todo:
        for c in todo.pop().children:
            if c.dep_ == "conj":
                found.append(c)
                todo.append(c)
    return found


def _outsider_noun(word: str, lex: Lexicon) -> bool:
    """An outsider's title, in the singular or the plural ('Judges', 'attorneys', 'witnesses')."""
    return word in lex.outsider_nouns or any(word.endswith(e) and word[:-len(e)] in lex.outsider_nouns for e in ("s", "es"))


def _is_victim(token: Token, lex: Lexicon) -> bool:
    x = token
    while x.dep_ in {"conj", "appos"} and x.head.i != x.i:
        x = x.head
    head = x.head
    if x.dep_ in {"dobj", "nsubjpass"} and head.pos_ == "VERB" and head.lemma_.lower() in lex.victim_verbs:
        return not _by_state_force(head) and not _by_own_side(head) and not _in_armed_encounter(head)
    if x.dep_ == "pobj" and head.lower_ == "with" and head.head.lemma_.lower() in lex.victim_verbs and any(
            c.dep_ == "nsubjpass" for c in head.head.children):
        return True  # 'X was shot dead with his bodyguard Y'
    # 'the murder of X', 'the kidnapping of X', 'X's murder'
    noun = head.head if x.dep_ == "pobj" and head.lower_ == "of" else head if x.dep_ == "poss" else None
    for _ in range(2):  # 'the kidnapping for ransom of X': the act is a noun or two up
        if noun is None or noun.pos_ != "NOUN" or noun.lemma_.lower() in lex.victim_nouns:
            break
        noun = noun.head.head if noun.dep_ == "pobj" and noun.head.dep_ == "prep" else None
    return (noun is not None and noun.pos_ == "NOUN" and noun.lemma_.lower() in lex.victim_nouns
            and not _in_armed_encounter(noun))


@cache
def _state_forces() -> frozenset[str]:
    return words("state_force_nouns.txt")


@cache
def _armed_encounters() -> dict[str, bool]:
    """Encounter noun -> whether it needs a word for the state's forces in it."""
    return {row[0].lower(): row[1:] == ("state",) for row in rows("armed_encounter_nouns.txt")}


def _in_armed_encounter(act: Token) -> bool:
    """'X was killed during clashes between security forces and the group', 'killed in a police
    raid', 'his death in a shoot-out with the army': a death in an armed encounter, with no killer
    of the network named, is a fighter's death or the state's doing, not the network's attack.
    A named killer who is not the state ('the gunmen killed X in a raid') keeps X a victim."""
    doers = [c for c in act.children if c.dep_ == "nsubj"]
    doers += [g for c in act.children if c.dep_ in {"agent", "prep"} and c.lower_ == "by" for g in c.children
              if g.dep_ == "pobj"]
    if doers and not any(d.lemma_.lower() in _state_forces() for d in doers):
        return False
    for prep in act.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"in", "during", "amid", "at"}:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and _encounter_noun(obj) and not _done_by_another(obj):
                return True
    return False


def _encounter_noun(noun: Token) -> bool:
    """'clashes', 'a shoot-out', 'a police raid', 'a drone strike' (the lemma or a compound of it;
    a noun also said of the network's attacks only with a word for the state in it)."""
    lemma = noun.lemma_.lower()
    if lemma in {"out", "off"}:  # 'shoot-out' and 'stand-off' split by the tokenizer
        return any(noun.doc[k].lower_ in {"shoot", "stand"} for k in range(max(noun.i - 2, 0), noun.i))
    needs_state = _armed_encounters().get(lemma, _armed_encounters().get(lemma.replace("-", "")))
    if needs_state is None:
        return False
    return not needs_state or any(t.lemma_.lower() in _state_forces() for t in noun.subtree if t.i != noun.i)


def _done_by_another(noun: Token) -> bool:
    """'a raid carried out by the cell', "the gang's raid": the encounter is someone else's doing."""
    if any(c.dep_ == "poss" and c.lemma_.lower() not in _state_forces() for c in noun.children):
        return True
    return any(t.lower_ == "by" and any(g.dep_ == "pobj" and g.lemma_.lower() not in _state_forces() for g in t.children)
               for t in noun.subtree)


def _by_state_force(verb: Token) -> bool:
    """'X was shot dead by police', 'troops killed X': the state stopped a suspect; he is no
    victim of the network."""
    doers = [c for c in verb.children if c.dep_ == "nsubj"]
    doers += [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    return any(d.lemma_.lower() in _state_forces() for d in doers)


def _by_own_side(verb: Token) -> bool:
    """'X was shot dead by one of the other attackers', 'killed by one of his own grenades': the
    killer is of X's own side; X died as one of the attackers, no victim of the network."""
    return any(c.dep_ == "agent" and any(t.lower_ in {"own", "other"} for t in c.subtree) for c in verb.children)


def counsel_clusters(parsed: ParsedDocument) -> set[str]:
    """Counsel listed in a court opinion's header: a sentence without a verb that ends 'for the
    Defendants', 'for United States', 'for <a party>'. Everyone named before the 'for' is counsel."""
    found: set[str] = set()
    for p, sent in parsed.sentences:
        if any(t.pos_ in {"VERB", "AUX"} for t in sent):
            continue
        # 'for' inside a name ('Center for African Studies') is no counsel's 'for <party>'
        fors = [t for t in sent if t.lower_ == "for" and t.i > sent.start and (p, t.i) not in parsed.by_token
                and not (t.nbor(-1).pos_ == "PROPN" and t.i + 1 < sent.end and t.nbor(1).is_title)]
        if not fors:
            continue
        cut = fors[-1].i
        for t in sent[:cut - sent.start]:
            occ = parsed.by_token.get((p, t.i))
            if occ is not None and occ.type == PERSON and occ.cluster:
                found.add(occ.cluster)
    return found
