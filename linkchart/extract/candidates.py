"""Every pair of participants in a sentence is a candidate tie, described by general evidence.

A sentence that names two people (or a person and a group) may or may not tie them. The rules of
relations.py state the clear cases; the rest is a judgement on evidence: how far apart the two
are in the parse, what words lie on the path and between them (kin, leadership, membership,
co-offending, the tie triggers), whether they are coordinated subjects of one predicate, whether
one of them is introduced in an outsider's role (judge, lawyer, official, victim). The evidence
is a flat dict of feature -> value, so that tie_model.py can weigh it with weights learned from
annotated reporting. Negation and speech stay hard filters: no weight may tie a speaker to what
he speaks about, or tie two people the sentence says were not tied.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache, wraps
from typing import TYPE_CHECKING, Any

from linkchart.extract.document import conjunct_heads, first_conjunct
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.relations import (
    MAX_PATH,
    Participant,
    RelationFinder,
    Tie,
    aside_of_another,
    crosses_clause,
    dependency_path,
    lowest_common_ancestor,
    speech_object,
)
from linkchart.extract.roles import titled
from linkchart.lexicon import words
from linkchart.model import FAMILY, ORGANIZATION, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

_SUBJECT_DEPS = {"nsubj", "nsubjpass"}
# Evidence that rules a pair out unless the rules themselves tie it: another clause with its own
# subject, an adjunct ('in addition to X'), a negation anywhere in the sentence (a misparse must
# not turn 'A and B never met' into a tie), a gapped second clause ('A was arrested in May, and B
# in June'). For two people also: a kin word (the kinship rules say who is whose relative), a
# fact-box row or list line (a roll of names), a coordination that hangs from a group, kin,
# victim, speech or leadership word ('members were A, B and C'), a pair that meets only in a group
# noun ('lists A and B as members'), a state ('A and B are in prison'), an author cited for his
# ideas ('X's theory'), the owners or occupants of a place the sentence is about ('a house
# occupied by A and B': the place matters, not a tie between them), the people someone else
# met, trained or recruited ('X met with A and B': X's ties, not A's with B; being charged or
# convicted together is another matter), a list whose predicate is dealt out one by one ('A, B
# and C were each sentenced', 'A 16 years, B and C 14 each'), opponents ('at odds with'), a
# name in a bracket said of another name ('B (a friend of C)'), succession ('X's successor, Y'), a pair in a crowded roll of names
# that are not conjuncts of one coordination, a pair further apart in the parse than any rule
# reads. A person and a group are tied only by a word: membership, leadership, a group noun, a
# tie trigger.
_VETOES = frozenset({"crosses_clause", "adjunct", "negation_in_sentence", "gapped_clause"})
_PERSON_VETOES = frozenset({"cited_author", "crowded_sentence", "beyond_rules_reach", "adversary_path", "succession_path",
                            "aside_of_another", "agents_of_place", "objects_of_another", "distributed",
                            "kin_path", "list_or_field_line", "copular_state", "lca_group", "lists_apart",
                            "listed_under:group", "listed_under:leader", "listed_under:victim",
                            "coordinated_under:group", "coordinated_under:kin",
                            "coordinated_under:victim", "coordinated_under:speech", "coordinated_under:leader"})
# More people than this in one sentence and the pair not conjuncts of one coordination: the parse
# of such a roll ('A, 45, his wife, B, 44, of X, C, ...') links names through ages and towns, and
# the model would keep some pairs of the roll and not others.
_CROWDED = 8
_GROUP_WORDS = ("group_trigger_", "leader_", "group_noun_", "trigger_path:", "possessive_group")


_READINGS: tuple[object, object, dict[tuple[Any, ...], Any]] = (None, None, {})


def _per_token[R](fn: Callable[..., R]) -> Callable[..., R]:
    """A reading of a token that every pair it is in asks again (a list's head, its governor):
    computed once a token. The memo holds the paragraph at hand only and is swapped whole."""
    @wraps(fn)
    def read(token: Token, lex: Lexicon, **options: Any) -> R:
        global _READINGS
        memo = _READINGS
        if memo[0] is not token.doc or memo[1] is not lex:
            memo = _READINGS = (token.doc, lex, {})
        key = (fn.__name__, token.i, *sorted(options.items()))
        try:
            return memo[2][key]  # type: ignore[no-any-return]
        except KeyError:
            found = memo[2][key] = fn(token, lex, **options)
            return found
    return read


@dataclass
class Candidate:
    """One pair in one sentence: `a` is the person (for a person and a group) or the earlier name."""

    a: Participant
    b: Participant
    paragraph: int
    sentence: Span
    features: dict[str, float]
    rule: Tie | None  # what the rules alone say of the pair here
    blocked: bool  # negated, or a speaker and what he speaks about: never a tie
    hedged: bool
    path: list[Token] = field(default_factory=list)
    # The rules' structural vetoes: a tie across two clauses with their own subjects, a name that
    # only owns the kin noun or the leader ('Karim's son ran the circle'). Only a rule tie passes.
    vetoed: bool = False
    # The coordination both names are conjuncts of (its first name's token), for a list decided as a
    # whole: 'A, B, C and D, Defendants' ties every pair of the roll or none.
    listing: int | None = None

    @property
    def kind(self) -> str:
        return "pp" if self.b.type == PERSON else "po"


def sentence_candidates(finder: RelationFinder, paragraph: int, sentence: Span, people: list[Participant],
                        previous_subject: Participant | None, outsiders: set[str]) -> list[Candidate]:
    """One candidate per pair of distinct participants: the closest pair of their mentions."""
    heads = {p.token.i for p in people if p.type == PERSON}
    people = [p for p in people if not _bracketed_alias(p.token) and not _part_of_name(p.token, heads)]
    rule_ties = finder.sentence_ties(paragraph, sentence, people, previous_subject)
    by_pair: dict[frozenset[str], Tie] = {}
    for tie in rule_ties:  # a stated kinship outranks another rule's reading of the same pair
        key = frozenset((tie.source, tie.target))
        if key not in by_pair or tie.type == FAMILY and by_pair[key].type != FAMILY:
            by_pair[key] = tie
    best: dict[frozenset[str], Candidate] = {}
    count = len({p.cluster for p in people})
    shared = _sentence_features(finder.lex, sentence) if len(people) > 1 else {}
    for i, x in enumerate(people):
        for y in people[i + 1:]:
            if x.cluster == y.cluster or PERSON not in (x.type, y.type):
                continue
            if x.type == ORGANIZATION and y.type == ORGANIZATION:
                continue
            a, b = (y, x) if x.type == ORGANIZATION else (x, y)
            key = frozenset((a.cluster, b.cluster))
            cand = _candidate(finder.lex, finder, paragraph, sentence, a, b, by_pair.get(key), count, outsiders, shared)
            if cand is None:
                continue
            old = best.get(key)
            if old is None or len(cand.path) < len(old.path):
                best[key] = cand
    for key, tie in by_pair.items():  # a rule tie across two sentences ("Also in the car were ...")
        if key not in best:
            ends = {p.cluster: p for p in people}
            if previous_subject is not None:
                ends.setdefault(previous_subject.cluster, previous_subject)
            if tie.source in ends and tie.target in ends:
                a, b = ends[tie.source], ends[tie.target]
                best[key] = Candidate(a, b, paragraph, tie.span, {"bias": 1.0, f"rule:{tie.type}": 1.0}, tie, False,
                                      tie.hedged)
    return list(best.values())


def _bracketed_alias(token: Token) -> bool:
    """'Tom (Thomas) Roe', 'Ann Poe (Mina)': a name in brackets right after a name is
    another name of that person, not a second person beside him."""
    doc = token.doc
    start, end = token.left_edge.i, token.right_edge.i
    return (start >= 2 and doc[start - 1].text == "(" and doc[start - 2].pos_ == "PROPN"
            and end + 1 < len(doc) and doc[end + 1].text == ")")


def _part_of_name(token: Token, heads: set[int]) -> bool:
    """'Tom (Thomas) Roe' read as three names: the first two modify the last, whose name they
    are part of."""
    return token.dep_ in {"nmod", "compound"} and token.head.i in heads and 0 < token.head.i - token.i <= 4 and (
        not _misparsed_conjunct(token))


def _candidate(lex: Lexicon, finder: RelationFinder, paragraph: int, sentence: Span, a: Participant, b: Participant,
               rule: Tie | None, count: int, outsiders: set[str], shared: dict[str, float]) -> Candidate | None:
    path = dependency_path(a.token, b.token)
    if path is None:
        return None
    inner = path[1:-1]
    ends = {a.token.i, b.token.i}
    lo, hi = sorted((a.token.i, b.token.i))
    doc = sentence.doc
    between = [t for t in doc[lo + 1:hi] if t.i not in ends]
    speech = any(t.lower_ == "according" or (t.lemma_.lower() in lex.speech_verbs and t.pos_ == "VERB" and (
        any(c.dep_ == "nsubj" and c.i in ends for c in t.children) or not speech_object(t, path))) for t in inner)
    lca = lowest_common_ancestor(path)
    blocked = speech or finder.negated(inner) or finder.pair_denied_at(lca)
    f: dict[str, float] = {"bias": 1.0, **shared}
    f[f"rule:{rule.type}" if rule is not None else "rule:none"] = 1.0
    f[f"path:{_bucket(len(path), (2, 3, 4, 5, 7, 9))}"] = 1.0
    f[f"gap:{_bucket(hi - lo, (2, 4, 8, 15, 25))}"] = 1.0
    f[f"people:{_bucket(count, (2, 3, 5, 8))}"] = 1.0
    if crosses_clause(path):
        f["crosses_clause"] = 1.0
    if any(t.lower_ in lex.adjunct_words for t in inner):
        f["adjunct"] = 1.0
    legal = "legal_sentence" in f
    if _coordinated(a.token, b.token):
        f["coordinated"] = 1.0
        f[f"coordinated_under:{_governor_class(a.token, lex)}"] = 1.0
        if legal:
            f["coordinated_legal"] = 1.0
        if count > 5:
            f["coordinated_long_list"] = 1.0
        if not _subject_side(a.token):
            f["coordinated_objects"] = 1.0
            if _objects_of_another(a.token, lex):
                f["objects_of_another"] = 1.0
        if _subject_side(a.token):
            f["coordinated_subjects"] = 1.0
            predicate = _predicate(a.token)
            if predicate is not None and predicate.lemma_.lower() in lex.joint_actions:
                f["joint_predicate"] = 1.0
            if predicate is not None and predicate.lemma_ == "be" and not any(
                    t.lemma_.lower() in lex.person_triggers or t.lemma_.lower() in lex.group_triggers
                    for t in predicate.subtree if t.pos_ in {"NOUN", "VERB", "ADJ", "ADV"}):
                f["copular_state"] = 1.0  # 'A and B are both in prison now': a state, not a tie
    listed = {t.i for end in (a.token, b.token) for t in conjunct_heads(end)}
    if b.type == PERSON and any(t.i in finder.person_tokens and t.i not in listed for t in inner):
        f["name_on_path"] = 1.0  # reached only through a third person's name
    if b.type == PERSON and len(path) > MAX_PATH:
        f["beyond_rules_reach"] = 1.0  # a path longer than any rule reads: names in a roll, not a statement
    if b.type == PERSON and count > _CROWDED and "coordinated" not in f:
        f["crowded_sentence"] = 1.0  # a roll of many names with ages and towns: no pair in it is singled out
    if b.type == PERSON and (aside_of_another(a.token, b.token) or aside_of_another(b.token, a.token)):
        f["aside_of_another"] = 1.0  # 'A, B (a friend of C), D': C is said to be B's friend only
    if b.type == PERSON and _inverted_state(a.token, b.token, lex):
        f["copular_state"] = 1.0  # 'Missing from the photograph are A, B and C'
    if a.token.dep_ == "appos" and a.token.head.i == b.token.i or b.token.dep_ == "appos" and b.token.head.i == a.token.i:
        f["apposed"] = 1.0
    if b.type == PERSON and _list_head(a.token).i == _list_head(b.token).i:
        f[f"listed_under:{_governor_class(_list_head(a.token), lex, left=True)}"] = 1.0
        if _prosecuted_list(_list_head(a.token), lex):
            f["legal_list"] = 1.0
    if b.type == PERSON and any(t.lemma_.lower() in _adversary_words() or t.lower_ in _adversary_words() for t in inner):
        f["adversary_path"] = 1.0  # 'A was at odds with B': opponents
    if b.type == PERSON and any(t.lemma_.lower() in _succession_words() for t in inner):
        f["succession_path"] = 1.0  # 'X's successor, Y': one took the other's post
    for where, tokens in (("path", inner), ("between", between)):
        for t in tokens:
            for feature in _word_features(t, lex)[where]:
                f[feature] = 1.0
    if b.type == PERSON and any(_distributed(end.token, lex) for end in (a, b)):
        f["distributed"] = 1.0
    if any(_gapped(end.token) for end in (a, b)):
        f["gapped_clause"] = 1.0  # 'A was arrested in May, and B in June': two events
    owner = any(end.token.dep_ == "poss" and end.token.head.i == lca.i for end in (a, b))  # 'A's associate, B'
    if (lca.lemma_.lower() in lex.group_nouns or lex.group_triggers.get(lca.lemma_.lower()) == "member_of") and not (
            owner and b.type == PERSON and lca.lemma_.lower() in lex.person_triggers):
        f["lca_group"] = 1.0  # 'A and B as members of the network': co-members, not a stated tie
    if lca.i not in ends and lca.pos_ == "NOUN" and ("group_trigger_between" in f or "group_noun_between" in f):
        f["lists_apart"] = 1.0  # 'lists A and B as members of X, and C and D as ...': two rolls
    if lca.i in ends:
        f["lca_is_end"] = 1.0
    elif lca.pos_ in {"VERB", "AUX", "NOUN", "ADP"}:
        f[f"lca:{lca.pos_}"] = 1.0
    for end in (a, b):
        f[f"dep:{_dep(end.token)}"] = f.get(f"dep:{_dep(end.token)}", 0.0) + 1.0
        if end.token.lower_ in {"he", "him", "his", "she", "her"}:
            f["pronoun_end"] = 1.0
    if b.type == PERSON and any(_cited_author(end.token) for end in (a, b)):
        f["cited_author"] = 1.0
    if b.type == PERSON and _coordinated(a.token, b.token) and _agents_of_place(a.token, lex):
        f["agents_of_place"] = 1.0
    if a.cluster in outsiders or b.cluster in outsiders:
        f["outsider"] = 1.0
    if titled(a.token, lex) or titled(b.token, lex):
        f["titled_here"] = 1.0
    if b.type == ORGANIZATION and _possessed_by(b.token, a.token):
        f["possessive_group"] = 1.0
    hedged = finder.hedged(inner or path)
    if hedged:
        f["hedged"] = 1.0
    unworded = b.type == ORGANIZATION and not any(k.startswith(_GROUP_WORDS) for k in f)
    person_vetoes = _PERSON_VETOES & f.keys()
    if "legal_list" in f and "coordinated" in f:
        person_vetoes -= {"list_or_field_line"}  # a fact-box row 'A and B convicted of ...': charged together
    vetoed = unworded or bool(_VETOES & f.keys()) or (b.type == PERSON and bool(person_vetoes)) or any(
        end.token.dep_ == "poss" and end.token.head.lemma_.lower() in lex.kinship for end in (a, b))
    listing = _roll(a.token, b.token) if b.type == PERSON else None
    return Candidate(a, b, paragraph, sentence, f, rule, blocked, hedged, path, vetoed, listing)


@_per_token
def _word_features(t: Token, lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The features a word gives a pair when it is on their path and when it is between them, in
    the order they are set."""
    out: dict[str, tuple[str, ...]] = {}
    for where in ("path", "between"):
        found: list[str] = []
        lemma = t.lemma_.lower()
        if lemma in lex.kinship and t.pos_ in {"NOUN", "PROPN"}:
            found.append(f"kin_{where}")
        if lemma in lex.leader_words:
            found.append(f"leader_{where}")
        kind = lex.person_triggers.get(lemma)
        if kind and t.pos_ != "ADP":
            found.append(f"trigger_{where}:{kind}")
        if lex.group_triggers.get(lemma) and t.pos_ != "ADP":
            found.append(f"group_trigger_{where}")
        if lemma in lex.joint_actions and t.pos_ == "VERB":
            found.append(f"joint_{where}")
        if lemma in lex.group_nouns:
            found.append(f"group_noun_{where}")
        if t.text in {";", "(", ")"}:
            found.append("bracket_or_semicolon_between")
        if t.pos_ == "VERB" and where == "path":
            found.append("verb_on_path")
        out[where] = tuple(found)
    return out


def _sentence_features(lex: Lexicon, sentence: Span) -> dict[str, float]:
    """Evidence that belongs to the whole sentence, computed once for all its pairs."""
    f: dict[str, float] = {}
    verbs = negation = False
    for t in sentence:
        lemma = t.lemma_.lower()
        verbs = verbs or t.pos_ in {"VERB", "AUX"}
        negation = negation or t.dep_ == "neg" or t.lower_ in {"never", "no", "nor", "neither", "without"} or (
            lemma in lex.negations and t.pos_ == "VERB")
        if t.lower_ in lex.distributive_words:
            f["distributive"] = 1.0
        if lemma in lex.co_offending:
            f["legal_sentence"] = 1.0
        if lemma in lex.kinship and t.pos_ == "NOUN":
            f["kin_in_sentence"] = 1.0
    if not verbs:
        f["verbless"] = 1.0
    if negation:
        f["negation_in_sentence"] = 1.0
    if sentence.root.pos_ not in {"VERB", "AUX"} and (
            sentence.text.lstrip()[:1] in {"-", "•", "*"} or ":" in sentence.text[:40]
            or "|" in sentence.text or _factbox_label(sentence, lex)):
        f["list_or_field_line"] = 1.0  # a roll of names; a dated line with its own main verb is a sentence
    return f


def _factbox_label(sentence: Span, lex: Lexicon) -> bool:
    """Does the line open with a fact-box label ('Leader(s)', 'Spouse') glued to its values?"""
    words = [w for t in sentence[:4] if (w := _label_word(t.lower_))]
    return bool(words) and (words[0] in lex.factbox_labels or " ".join(words[:2]) in lex.factbox_labels)


def _label_word(text: str) -> str:
    """'Leader(s)' -> 'leader', 'Spouse(s):' -> 'spouse'; punctuation alone -> ''."""
    return "".join(c for c in text.replace("(s)", "") if c.isalpha())


def _bucket(value: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if value <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _dep(token: Token) -> str:
    dep = token.dep_
    return dep if dep in {"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "poss", "compound", "attr"} else "other"


def _coordinated(x: Token, y: Token) -> bool:
    """Are x and y conjuncts of one coordination ('A, B and C')?"""
    if _misparsed_conjunct(x) and x.head.i == y.i or _misparsed_conjunct(y) and y.head.i == x.i:
        return True
    return first_conjunct(x).i == first_conjunct(y).i and (x.dep_ == "conj" or y.dep_ == "conj")


def _misparsed_conjunct(token: Token) -> bool:
    """'A-B and C-D were convicted' parsed with A-B as a modifier of C-D that carries the 'and':
    two names coordinated, not one name."""
    return token.dep_ in {"nmod", "compound"} and token.pos_ == "PROPN" and token.head.pos_ == "PROPN" and any(
        c.dep_ == "cc" for c in token.children)


def _list_head(token: Token) -> Token:
    """The first name of a list of names (conjuncts and appositions: 'A, B, C and D')."""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i and token.head.pos_ == "PROPN":
        token = token.head
    return token


def _roll(x: Token, y: Token) -> int | None:
    """The first name of the roll both names are in ('A, B, C and D', parsed as conjuncts or as
    appositions closed by a conjunct), or None."""
    if _coordinated(x, y):
        return _list_head(x).i
    head = _list_head(x)
    if head.i != _list_head(y).i:
        return None
    members = [t for t in head.subtree if t.dep_ in {"conj", "appos"} and t.pos_ == "PROPN" and _list_head(t).i == head.i]
    return head.i if any(c.dep_ == "cc" for m in members for c in m.children) else None


@_per_token
def _governor_class(token: Token, lex: Lexicon, left: bool = False) -> str:
    """What the coordination hangs from: the first word above it that a lexicon knows
    ('charges against A, B and C': legal; 'members were A, B and C': group). With `left`, the
    words just before the list count too ('Notable members A, B, C')."""
    token = first_conjunct(token)
    above = list(token.ancestors)[:4]
    if above and above[0].lemma_ == "be":  # 'the known members were A, B and C'
        above[1:1] = [c for c in above[0].children if c.dep_ in _SUBJECT_DEPS]
    if left:
        doc = token.doc
        start = token.left_edge.i
        above = [c for c in token.children if c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "NOUN"] + \
            [t for t in doc[max(start - 3, token.sent.start):start] if t.pos_ == "NOUN"] + above
        colon = next((t for t in doc[max(start - 3, token.sent.start):start] if t.text == ":"), None)
        if colon is not None:  # 'the key members of the commission: A, B, C'
            above += [t for t in doc[max(colon.i - 8, token.sent.start):colon.i] if t.pos_ == "NOUN"][::-1]
    if above and above[0].pos_ == "VERB":  # 'lists A, B and C as members of the network'
        above[1:1] = [t for c in above[0].children if c.dep_ == "prep" and c.lower_ == "as" for t in c.children]
    for x in above:
        lemma = x.lemma_.lower()
        if lemma in lex.co_offending:
            return "legal"
        if lemma in lex.kinship or lemma == "bear" and x.pos_ == "VERB":  # 'born to A and B': A and B are parents
            return "kin"
        if lemma in lex.leader_words:
            return "leader"
        if lex.group_triggers.get(lemma) == "member_of" or lemma in lex.group_nouns:
            return "group"
        if lemma in lex.joint_actions or lemma in lex.person_triggers:
            return "joint"
        if lemma in lex.victim_verbs or lemma in lex.victim_nouns:
            return "victim"
        if lemma in lex.speech_verbs:
            return "speech"
    return "none"


@_per_token
def _prosecuted_list(head: Token, lex: Lexicon) -> bool:
    """Is a list of names labelled as the ones prosecuted: 'A, B and C, Defendants', 'charges
    the following defendants: A; B; C', 'indicted A, B and C'? A word of prosecution apposed to
    a name of the list, above the list, or just before it."""
    members = [head, *(t for t in head.subtree if t.dep_ in {"conj", "appos"} and t.pos_ == "PROPN")]
    near = [c for m in members for c in m.children if c.dep_ == "appos" and c.pos_ in {"NOUN", "PROPN"}]
    near += list(head.ancestors)[:4]
    start = head.left_edge.i
    near += [t for t in head.doc[max(start - 12, head.sent.start):start] if t.pos_ in {"NOUN", "VERB", "PROPN"}]
    return any(_singular(t.lemma_.lower()) in lex.co_offending for t in near)


def _singular(word: str) -> str:
    """'Defendants' in a caption is tagged a proper noun and keeps its plural as its lemma."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


@cache
def _adversary_words() -> frozenset[str]:
    return words("adversary_words.txt")


@cache
def _succession_words() -> frozenset[str]:
    return words("succession_words.txt")


@cache
def _cited_works() -> frozenset[str]:
    return words("cited_works.txt")


def _cited_author(token: Token) -> bool:
    """'X's theory of warfare', 'the writings of X': the name owns what he wrote or thought."""
    owner = token.head if token.dep_ == "poss" else token.head.head if (
        token.dep_ == "pobj" and token.head.lower_ == "of") else None
    return owner is not None and owner.pos_ == "NOUN" and owner.lemma_.lower() in _cited_works()


@_per_token
def _agents_of_place(token: Token, lex: Lexicon) -> bool:
    """'a house occupied by A and B', 'the flat owned by A and B': the list is the agent of a
    participle that describes a place."""
    token = first_conjunct(token)
    by = token.head
    if token.dep_ != "pobj" or by.dep_ != "agent":
        return False
    participle = by.head
    place = participle.head
    return participle.dep_ == "acl" and place.lemma_.lower() in lex.dwelling_nouns | lex.site_nouns


@_per_token
def _objects_of_another(token: Token, lex: Lexicon) -> bool:
    """Is the coordination the object of a verb whose subject is someone else ('X met with A and
    B', 'X recruited A and B')? Verbs of prosecution excepted: co-defendants share the charge."""
    token = first_conjunct(token)
    verb = token.head.head if token.dep_ == "pobj" and token.head.dep_ == "prep" else token.head
    if token.dep_ not in {"dobj", "pobj", "dative"} or verb.pos_ != "VERB":
        return False
    if token.dep_ == "pobj" and token.head.head.lower_ in {"together", "along"}:
        return False  # 'together with A and B, he formed the cell': the three did it
    if verb.lemma_.lower() in lex.co_offending:
        return False
    return any(c.dep_ == "nsubj" for c in verb.children)


@_per_token
def _distributed(token: Token, lex: Lexicon) -> bool:
    """Does 'each' (or 'respectively', 'separately') hang from the name's list or from the verb
    the list depends on ('A, B and C were each sentenced', 'B and C 14 years each')?"""
    while token.dep_ in {"conj", "appos"} and token.head.i != token.i and token.head.pos_ == "PROPN":
        token = token.head
    members = [token, token.head, *(t for t in token.subtree if t.dep_ in {"conj", "appos"} and t.pos_ == "PROPN")]
    return any(c.lower_ in lex.distributive_words for t in members for c in t.children)


def _gapped(token: Token) -> bool:
    """Is the name (or the list it closes) a conjunct of a verb: the subject or object of a second
    clause whose verb is left out ('A was arrested in May, and B and C in June')?"""
    while token.dep_ == "conj" and token.head.i != token.i and token.head.pos_ not in {"VERB", "AUX"}:
        token = token.head
    # 'A received 12 years, B 10': a name hung from the verb as a bare noun phrase is the subject
    # of a clause whose verb is left out.
    return token.dep_ in {"conj", "npadvmod"} and token.head.pos_ in {"VERB", "AUX"}


def _subject_side(token: Token) -> bool:
    while token.dep_ == "conj" or _misparsed_conjunct(token):
        token = token.head
    return token.dep_ in _SUBJECT_DEPS


def _inverted_state(x: Token, y: Token, lex: Lexicon) -> bool:
    """'Missing are A, B and C', 'Absent were A and B': names listed after 'be' with an adjective
    fronted and no subject: a state they are in, not a tie (unless a tie word is in the clause)."""
    first = _list_head(x)
    if first.i != _list_head(y).i or first.dep_ != "attr" or first.head.lemma_ != "be":
        return False
    verb = first.head
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or not any(
            c.dep_ == "acomp" and c.i < first.i for c in verb.children):
        return False
    return not any(t.lemma_.lower() in lex.person_triggers or t.lemma_.lower() in lex.group_triggers
                   or t.lemma_.lower() in lex.co_offending for t in verb.subtree if t.pos_ in {"NOUN", "VERB", "ADJ"})


def _predicate(token: Token) -> Token | None:
    while token.dep_ == "conj" or _misparsed_conjunct(token):
        token = token.head
    return token.head if token.dep_ in _SUBJECT_DEPS else None


def _possessed_by(group: Token, person: Token) -> bool:
    return any(c.dep_ == "poss" and c.i == person.i for c in group.head.children) or group.head.i == person.i
