"""A small pronoun resolver: he/his/him to the nearest fitting person, only when unambiguous.

Candidates are the people named earlier in the same sentence, else in the nearest earlier
sentence of the paragraph that names anyone (or, for a paragraph's first sentence, the last
sentence of the previous paragraph: web articles often run one sentence per paragraph).
If that sentence names several people, the grammatical subject wins when there is exactly one;
otherwise the pronoun stays unresolved.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linkchart.extract.document import PRONOUNS, Occurrence, ParsedDocument, is_speaker_label
from linkchart.model import ORGANIZATION, PERSON

if TYPE_CHECKING:
    from spacy.tokens import Token

_SUBJECT = {"nsubj", "nsubjpass"}
_POSSESSIVE = {"his", "her"}


def resolve_pronoun(parsed: ParsedDocument, paragraph: int, pronoun: Token, unresolved: set[int],
                    exclude: str | None = None, max_back: int = 3,
                    resolved: dict[tuple[int, int], str] | None = None) -> str | None:
    """The cluster key the pronoun refers to, or None. `exclude` is a cluster the pronoun
    cannot be: in "Also known as Abu Talib, he ...", 'he' is whoever bears the alias.
    `resolved` holds the pronouns resolved so far: "He joined X, run by Y. He remained ..."
    continues with the earlier 'he', the subject, not with Y."""
    if pronoun.lower_ not in PRONOUNS:
        return None
    sentence = parsed.sentence_of(paragraph, pronoun)
    parallel = _parallel_owner(parsed, paragraph, pronoun, unresolved)
    if parallel is not None and parallel != exclude:
        return parallel
    same = [(o.cluster, parsed.head(o).dep_ in _SUBJECT) for o in _people_in(parsed, sentence, unresolved, exclude)
            if o.paragraph == paragraph and o.name.end <= pronoun.i and not _inside_own_phrase(parsed, o, pronoun)
            and not _is_own_subject(parsed, o, pronoun)]
    earlier_here: list[tuple[str, Token]] = []
    if pronoun.lower_ in _POSSESSIVE:  # 'He attended the school founded by B with his brothers'
        start = parsed.sentences[sentence][1].start
        earlier_here = [(c, pronoun.doc[i]) for (q, i), c in (resolved or {}).items()
                        if q == paragraph and start <= i < pronoun.i and c != exclude]
        same += [(c, t.dep_ in _SUBJECT) for c, t in earlier_here]
    if _unresolved_subject_between(parsed, paragraph, sentence, pronoun, unresolved, any_slot=not same):
        return None  # "Mr Hale said Karimi had handed it to his son": 'his' is Karimi's, whoever he is
    if same:
        picked = _pick(same)
        # 'A, 52, his wife, B, 50, his son, C': a second 'his' in the sentence is the first one's
        owners = {c for c, t in earlier_here if t.lower_ == pronoun.lower_}
        return picked if picked is not None or len(owners) != 1 else next(iter(owners))
    # 'Ann Smith ... Smith was a scholar. His uncle ...': a subject whose name could not be resolved
    # (two Smiths) is whom 'his' continues; only a person of that name found further back can be him.
    surname: str | None = None
    for earlier in range(sentence - 1, max(-1, sentence - 1 - max_back), -1):
        p, span = parsed.sentences[earlier]
        if p != paragraph and not (p == paragraph - 1 and _is_first_sentence(parsed, sentence)):
            return None
        people = [(o.cluster, parsed.head(o).dep_ in _SUBJECT) for o in _people_in(parsed, earlier, unresolved, exclude)]
        people += [(c, span.doc[i].dep_ in _SUBJECT) for (q, i), c in (resolved or {}).items()
                   if q == p and span.start <= i < span.end and c != exclude]
        if surname is not None:
            people = [x for x in people if _bears(parsed, x[0], surname)]
        elif (blocker := next((o for o in parsed.in_sentence(earlier) if o.type == PERSON and o.id in unresolved
                               and parsed.head(o).dep_ in _SUBJECT), None)) is not None:
            surname = blocker.text.split()[-1].lower()
            continue
        if people:
            return _pick(people)
    return None


def _parallel_owner(parsed: ParsedDocument, paragraph: int, pronoun: Token, unresolved: set[int]) -> str | None:
    """'A's father, B, and his mother, C': a possessive on a noun coordinated with a noun a name
    owns is that name's."""
    if pronoun.lower_ not in _POSSESSIVE or pronoun.dep_ != "poss":
        return None
    for noun in pronoun.head.conjuncts:
        if noun.i > pronoun.i:
            continue
        for owner in (c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"):
            occ = parsed.by_token.get((paragraph, owner.i))
            if occ is not None and occ.type == PERSON and occ.cluster and occ.id not in unresolved:
                return occ.cluster
    return None


def _bears(parsed: ParsedDocument, cluster: str | None, word: str) -> bool:
    """Is `word` one of the words of a name the cluster goes by in the document?"""
    return any(o.cluster == cluster and word in o.text.lower().split() for o in parsed.occurrences)


def _people_in(parsed: ParsedDocument, sentence: int, unresolved: set[int], exclude: str | None) -> list[Occurrence]:
    return [o for o in parsed.in_sentence(sentence) if o.type == PERSON and o.cluster
            and o.id not in unresolved and o.cluster != exclude
            and not is_speaker_label(parsed.paragraphs[o.paragraph][o.name.end - 1])]


def _unresolved_subject_between(parsed: ParsedDocument, paragraph: int, sentence: int, pronoun: Token,
                                unresolved: set[int], any_slot: bool = False) -> bool:
    """Is the nearest subject before the pronoun (with `any_slot`, the nearest name at all) one
    that could not be resolved? Then the pronoun may be that person's, whoever they are."""
    before = [o for o in parsed.in_sentence(sentence) if o.paragraph == paragraph
              and o.type == PERSON and o.name.end <= pronoun.i and (any_slot or parsed.head(o).dep_ in _SUBJECT)]
    return bool(before) and before[-1].id in unresolved


def _is_own_subject(parsed: ParsedDocument, occ: Occurrence, pronoun: Token) -> bool:
    """'Ouardani recruited him': an object 'him' is never the subject of its own verb (that
    would be 'himself'), nor of the verbs the subject is shared with ('... and gave him')."""
    if pronoun.lower_ not in {"him", "her"}:
        return False
    verb = pronoun.head if pronoun.dep_ != "pobj" else pronoun.head.head
    verbs = {verb.i}
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
        verbs.add(verb.i)
    head = parsed.head(occ)
    return head.dep_ in _SUBJECT and head.head.i in verbs


def _is_first_sentence(parsed: ParsedDocument, sentence: int) -> bool:
    p, _ = parsed.sentences[sentence]
    return sentence == 0 or parsed.sentences[sentence - 1][0] != p


def _inside_own_phrase(parsed: ParsedDocument, occ: Occurrence, pronoun: Token) -> bool:
    """'his brother Karim': Karim is not what 'his' refers to."""
    head = parsed.head(occ)
    return head.head.i == pronoun.head.i or head.i == pronoun.head.i


def _pick(people: list[tuple[str | None, bool]]) -> str | None:
    """One candidate, or the one grammatical subject among several; else nobody."""
    clusters = {c for c, _ in people}
    if len(clusters) == 1:
        return next(iter(clusters))
    subjects = {c for c, is_subject in people if is_subject}
    return next(iter(subjects)) if len(subjects) == 1 else None


def plural_referent(tok: Token, nouns: frozenset[str]) -> bool:
    """'the two men', 'the brothers', 'the pair', 'the two', 'both' used as a noun phrase."""
    if tok.lower_ == "both" and tok.dep_ in _SUBJECT:
        return True
    if tok.lower_ == "two" and tok.dep_ in _SUBJECT and any(c.lower_ == "the" for c in tok.children):
        return True
    return (tok.tag_ == "NNS" and tok.lemma_.lower() in nouns and any(c.lower_ == "the" for c in tok.children)
            and tok.dep_ in _SUBJECT
            # 'the Roe brothers' names a family, not the last two people named
            and not any(c.dep_ in {"compound", "amod", "nmod"} and c.pos_ == "PROPN" for c in tok.children))


def resolve_pair(parsed: ParsedDocument, paragraph: int, tok: Token, unresolved: set[int]) -> tuple[str, str] | None:
    """The two people a plural referent stands for: the nearest earlier sentence of the
    paragraph (or this sentence, before it) that names exactly two people."""
    sentence = parsed.sentence_of(paragraph, tok)
    before = {o.cluster for o in _people_in(parsed, sentence, unresolved, None)
              if o.paragraph == paragraph and o.name.end <= tok.i and o.cluster}
    if len(before) == 2:
        a, b = sorted(before)
        return a, b
    for earlier in range(sentence - 1, max(-1, sentence - 3), -1):
        p, _ = parsed.sentences[earlier]
        if p != paragraph:
            return None
        clusters = {o.cluster for o in _people_in(parsed, earlier, unresolved, None) if o.cluster}
        if len(clusters) == 2:
            a, b = sorted(clusters)
            return a, b
        if clusters:
            return None
    return None


def resolve_group_mentions(parsed: ParsedDocument, group_nouns: frozenset[str]) -> dict[tuple[int, int], str]:
    """'the network', 'the group', 'the cell' after a group was named with that head noun
    ('the Kasmi network') stand for it: the nearest such name earlier in the document."""
    named: list[tuple[int, int, str, str]] = []  # (paragraph, token, head lemma, cluster)
    for o in parsed.occurrences:
        if o.type == ORGANIZATION and o.cluster:
            head = parsed.head(o)
            named.append((o.paragraph, head.i, head.lemma_.lower(), o.cluster))
    out: dict[tuple[int, int], str] = {}
    for p, doc in enumerate(parsed.paragraphs):
        for tok in doc:
            lemma = tok.lemma_.lower()
            if (tok.pos_ != "NOUN" or lemma not in group_nouns or (p, tok.i) in parsed.by_token
                    or not any(c.lower_ == "the" for c in tok.children) or tok.tag_ == "NNS"
                    or any(c.dep_ in {"amod", "compound", "nmod", "nummod"} and c.i < tok.i for c in tok.children)):
                continue  # "the extended Franco-Belgian network" is a wider thing than the one named
            earlier = [n for n in named if n[2] == lemma and (n[0], n[1]) < (p, tok.i)]
            if earlier and len({n[3] for n in earlier}) == 1 or earlier and _nearest_is_clear(earlier):
                out[(p, tok.i)] = earlier[-1][3]
    return out


def _nearest_is_clear(earlier: list[tuple[int, int, str, str]]) -> bool:
    """Several groups with that head noun: only the one named in the same paragraph counts."""
    last_paragraph = earlier[-1][0]
    return len({n[3] for n in earlier if n[0] == last_paragraph}) == 1
