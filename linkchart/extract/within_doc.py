"""Which names in one document refer to the same person or group.

Full names anchor clusters. A lone surname or given name joins the one full name it
abbreviates; when it could abbreviate two (the Roe brothers) it stays unresolved: a wrong
merge of two brothers is worse than a missed one. Explicit alias statements join names
outright. A spelling variant of a surname joins only when exactly one name is close to it and
the two never stand side by side in one sentence (two names in one sentence are two people).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from linkchart.extract.ages import ages_differ
from linkchart.extract.lexicon import UNIT_NOUNS
from linkchart.lexicon import words
from linkchart.model import ORGANIZATION, PERSON, MergeDecision
from linkchart.names import (
    abbreviated_surname,
    acronym_forms,
    compound_given_name,
    familiar_forms,
    fold,
    generation,
    group_words,
    initial_matches,
    is_acronym,
    modified_acronyms,
    name_key,
    parts,
    same_name_class,
    similar_words,
    surname_blocks,
    transliterated,
)
from linkchart.unionfind import UnionFind


@dataclass
class NameOccurrence:
    id: int
    text: str  # the surface form
    type: str
    sentence: int
    full_name: str | None = None  # a fuller form inferred from context ("Nabil" -> "Nabil Roe")
    among_kin: bool = False  # its sentence speaks of relatives ("his parents were ...")
    age: int | None = None  # the age the text states beside it ("Ann Roe, 24,")

    @property
    def effective(self) -> str:
        return self.full_name or self.text


@dataclass
class AliasStatement:
    a: int  # occurrence ids
    b: int
    reason: str


@dataclass
class Clustering:
    cluster_of: dict[int, str]  # occurrence id -> cluster key
    unresolved: dict[int, str]  # occurrence id -> why it was left alone
    decisions: list[MergeDecision]


def cluster_names(occurrences: list[NameOccurrence], aliases: list[AliasStatement], *,
                  variant_floor: float, document_id: str, subject: str = "",
                  apart: Sequence[tuple[int, int]] = ()) -> Clustering:
    """`subject` is the name a page's title gives: on a page about one of two brothers, the
    bare surname is that brother (the convention of biographies and profiles). `apart`: pairs of
    occurrences the text states are two people ('Roe's brother, Tom Roe'), never joined."""
    uf: UnionFind[int] = UnionFind(o.id for o in occurrences)
    decisions: list[MergeDecision] = []
    by_id = {o.id: o for o in occurrences}

    def join(a: int, b: int, reason: str, score: float = 1.0) -> None:
        if uf.find(a) != uf.find(b) and uf.union(a, b):
            decisions.append(MergeDecision("", by_id[a].effective, by_id[b].effective, reason, score,
                                           document_id=document_id))

    # Identical names are one entity within a document, unless the text gives them different
    # ages ("Adil Roe, 58" and his son "Adil Roe, 24"): those are kept apart first.
    _keep_different_ages_apart(uf, occurrences)
    for a, b in apart:
        uf.keep_apart(a, b)
    unresolved: dict[int, str] = {}
    _join_identical_names(occurrences, uf, unresolved, _shared_surnames(occurrences))
    for st in aliases:  # stated aliases first: they outrank "two names in a sentence"
        if st.a in by_id and st.b in by_id:  # (between names of people or groups only)
            join(st.a, st.b, st.reason)
    _keep_sentence_neighbours_apart(uf, occurrences)
    _resolve_people(occurrences, uf, join, unresolved, variant_floor, subject)
    _resolve_groups([o for o in occurrences if o.type == ORGANIZATION], join)
    _join_group_short_forms([o for o in occurrences if o.type == ORGANIZATION], uf, join)
    lead = min(occurrences, key=lambda o: (o.sentence, o.id)) if occurrences else None
    _join_unit_descriptions([o for o in occurrences if o.type == ORGANIZATION], uf, join, subject, lead)
    groups = uf.groups()
    for oid in list(unresolved):
        if len(groups.get(uf.find(oid), [])) > 1 and any(
                by_id[x].id not in unresolved for x in groups[uf.find(oid)]):
            del unresolved[oid]  # an alias statement resolved it after all
    keys = {root: f"{document_id}:{i}" for i, root in enumerate(sorted(uf.groups()))}
    cluster_of = {o.id: keys[uf.find(o.id)] for o in occurrences}
    return Clustering(cluster_of, unresolved, decisions)


def _shared_surnames(occurrences: list[NameOccurrence]) -> set[str]:
    """Words that are part of two or more different full names of people ('Roe' of 'Ann Roe' and
    'Tom Roe'), and the name keys of shorter forms of two or more ('Ruiz Soto' of 'Ana Ruiz
    Soto' and 'Luis Ruiz Soto'): such a name is read mention by mention (_resolve_people)."""
    full = {o.effective for o in occurrences if o.type == PERSON and len(parts(o.effective)) > 1}
    longer = LongerForms(full)
    shared = {w for w, names in longer.by_word.items() if len(names) > 1}
    return shared | {name_key(s) for s in full if len(longer.of(s)) > 1}


class LongerForms:
    """The longer names of a set that a name is a shorter form of, found through an index of
    their words (a long document has thousands of names: comparing every pair would cost their
    square)."""

    def __init__(self, names: Iterable[str]) -> None:
        self.by_word: dict[str, set[str]] = defaultdict(set)
        for name in names:
            for w in parts(name):
                self.by_word[w].add(name)

    def names(self, short: str) -> set[str]:
        """The longer names `short` is a shorter form of."""
        words = parts(short)
        if not words:
            return set()
        found = set.intersection(*(self.by_word.get(w, set()) for w in words))
        return {n for n in found if len(parts(n)) > len(words) and _abbreviates(short, n)}

    def of(self, short: str) -> set[str]:
        """The name keys of the longer names `short` is a shorter form of."""
        return {name_key(n) for n in self.names(short)}


def _join_identical_names(occurrences: list[NameOccurrence], uf: UnionFind[int], unresolved: dict[int, str],
                          shared: set[str]) -> None:
    """One name written alike is one entity; when the text gives two bearers of it different ages,
    each aged mention is its own person, and a mention without an age joins them only when one
    bearer has an age (otherwise it could be either: left unresolved). A bare surname that two
    full names share (`shared`) is not joined here: which one it means depends on where it is."""
    by_key: dict[tuple[str, str], list[NameOccurrence]] = defaultdict(list)
    for o in occurrences:
        if o.type == PERSON and (len(parts(o.effective)) == 1 and parts(o.effective)[0] in shared
                                 or name_key(o.effective) in shared):
            continue
        by_key[(o.type, name_key(o.effective))].append(o)
    for same in by_key.values():
        aged = [o for o in same if o.age is not None]
        for o in aged[1:]:
            uf.union(aged[0].id, o.id)  # refused between different ages (kept apart before)
        bearers = sorted({uf.find(o.id) for o in aged})
        anchor = bearers[0] if bearers else same[0].id
        for o in same:
            if o.age is not None:
                continue
            if len(bearers) > 1:
                unresolved[o.id] = f"'{o.text}' could be any of the {len(bearers)} people of this name the text gives ages"
            else:
                uf.union(anchor, o.id)


def _keep_sentence_neighbours_apart(uf: UnionFind[int], occurrences: list[NameOccurrence]) -> None:
    by_sentence: dict[int, list[NameOccurrence]] = defaultdict(list)
    for o in occurrences:
        if o.type == PERSON:
            by_sentence[o.sentence].append(o)
    full_names: dict[str, set[int]] = defaultdict(set)
    for n, o in enumerate(o for o in occurrences if o.type == PERSON and len(parts(o.effective)) > 1):
        for w in parts(o.effective):
            full_names[w].add(n)
    for group in by_sentence.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if name_key(a.effective) == name_key(b.effective) or _abbreviates(a.effective, b.effective):
                    continue
                if _parts_of_one_name(a.effective, b.effective, full_names):
                    continue  # "Mekhloufi, whose first name is recorded as Noureddine"
                uf.keep_apart(a.id, b.id)


def _keep_different_ages_apart(uf: UnionFind[int], occurrences: list[NameOccurrence]) -> None:
    """Mentions given different ages are different people ("Amine Roe, 58" and his son "Karim
    Amine Roe, 24"), whatever their names share."""
    aged = [o for o in occurrences if o.type == PERSON and o.age is not None]
    for i, a in enumerate(aged):
        for b in aged[i + 1:]:
            if ages_differ(a.age, b.age):
                uf.keep_apart(a.id, b.id)


def _parts_of_one_name(a: str, b: str, full_names: dict[str, set[int]]) -> bool:
    """`full_names`: word -> the full names (by number) it is part of."""
    pa, pb = parts(a), parts(b)
    if len(pa) != 1 or len(pb) != 1:
        return False
    return pa[0] != pb[0] and bool(full_names.get(pa[0], set()) & full_names.get(pb[0], set()))


def _abbreviates(a: str, b: str) -> bool:
    pa, pb = parts(a), parts(b)
    if len(pa) > 1 and len(pb) > 1 and generation(a) != generation(b):
        return False  # "David Roe" beside "David Roe, Jr.": father and son
    short, long = (pa, pb) if len(pa) <= len(pb) else (pb, pa)
    return bool(short) and len(short) < len(long) and all(p in long for p in short)


def _resolve_in_order(shorts: list[NameOccurrence], full: list[NameOccurrence], longer: LongerForms,  # type: ignore[no-untyped-def]
                      uf, join, unresolved, subject: str = "") -> None:
    """A shorter form of several people's names ('Ruiz Soto' after 'Ana Ruiz Soto' and
    'Luis Ruiz Soto') is the page's subject if he is one of them, else the one of them named
    before it, if only one was; else no one's. `longer` indexes the names of `full`."""
    by_name: dict[str, list[NameOccurrence]] = defaultdict(list)
    for f in full:
        by_name[f.effective].append(f)
    subject_mentions = [f for f in full if subject and name_key(f.effective) == name_key(subject)]
    for o in shorts:
        bearers: dict[int, int] = {}  # cluster -> first mention of one of its longer names
        for name in longer.names(o.effective):
            for f in by_name[name]:
                root = uf.find(f.id)
                bearers[root] = min(bearers.get(root, f.id), f.id)
        before = [root for root, first in bearers.items() if first < o.id]
        titled = list({uf.find(f.id) for f in subject_mentions} & bearers.keys())
        if len(bearers) == 1 or len(titled) == 1 or len(before) == 1:
            target = next(iter(bearers)) if len(bearers) == 1 else titled[0] if len(titled) == 1 else before[0]
            if uf.can_union(target, o.id):
                join(target, o.id, "the only one of that name named before it", 0.9)
                continue
        if len(bearers) > 1:
            names = sorted({f.effective for name in longer.names(o.effective) for f in by_name[name]})
            unresolved[o.id] = f"'{o.text}' could be any of: {', '.join(names)}"


def _run_together(full: list[NameOccurrence]) -> dict[int, tuple[str, str]]:
    """Names that are two other full names of the text written one after the other ('Members
    Ann Roe Tom Poe', a fact-box list flattened into one line): two people, not one."""
    known = {tuple(parts(o.effective)): o.effective for o in full}
    out = {}
    for o in full:
        ps = tuple(parts(o.effective))
        for k in range(2, len(ps) - 1):
            if ps[:k] in known and ps[k:] in known:
                out[o.id] = (known[ps[:k]], known[ps[k:]])
                break
    return out


def _resolve_people(occurrences, uf, join, unresolved, floor, subject="") -> None:  # type: ignore[no-untyped-def]
    people = [o for o in occurrences if o.type == PERSON]
    full = [o for o in people if len(parts(o.effective)) > 1]
    for oid, (first, second) in _run_together(full).items():
        unresolved[oid] = f"'{first} {second}' reads as two names run together"
    full = [o for o in full if o.id not in unresolved]
    _join_bracketed_forms(full, uf, join)
    longer = LongerForms({o.effective for o in full})
    ambiguous = {o.id for o in full if len(longer.of(o.effective)) > 1}
    # Full names that are spelling variants of each other (Salah/Saleh Roe).
    for a, b in _candidate_pairs(full, floor):
        if uf.find(a.id) == uf.find(b.id):
            continue
        if _same_full_name(a.effective, b.effective, floor):
            join(a.id, b.id, "spelling variant: same surname, similar given name", 0.9)
        elif a.id in ambiguous or b.id in ambiguous:
            continue  # 'Ruiz Soto' of two brothers: which one is read in order, below
        elif _abbreviates(a.effective, b.effective) and len(parts(a.effective)) > 1 and (
                parts(a.effective)[0] == parts(b.effective)[0] or not (a.among_kin or b.among_kin)):
            # 'Sanz Ibarra' is 'Álvaro Sanz Ibarra', but 'his parents were Amine X' is not
            # 'Mustafa Amine X': a father's given name is often his son's middle name.
            join(a.id, b.id, "shorter form of the full name", 1.0)
        elif not (a.among_kin or b.among_kin) and _abbreviates_respelt(a.effective, b.effective):
            join(a.id, b.id, "shorter form of the full name, the surname spelt another way", 0.8)
    _resolve_in_order([o for o in full if o.id in ambiguous], full, longer, uf, join, unresolved, subject)
    full = [o for o in full if o.id not in unresolved]
    for short in [o for o in full if abbreviated_surname(o.effective) and o.id not in ambiguous]:
        matches = {uf.find(f.id) for f in full if initial_matches(short.effective, f.effective, floor)}
        if len(matches) == 1 and uf.can_union(short.id, next(iter(matches))):
            join(next(iter(matches)), short.id, "surname abbreviated to its initial", 0.9)
    roots: dict[int, list[NameOccurrence]] = defaultdict(list)
    by_word: dict[str, set[int]] = defaultdict(set)
    for f in full:  # a cluster may hold several full names: "Youssef Tami, alias Abou Hafs"
        roots[uf.find(f.id)].append(f)
        for w in parts(f.effective):
            by_word[w].add(uf.find(f.id))
    close_to: dict[str, set[int]] = {}
    for o in people:
        ps = parts(o.effective)
        if len(ps) != 1:
            continue
        word = ps[0]
        exact = set(by_word.get(word, ()))
        own = uf.find(o.id)
        if own in roots:
            # Already joined by an alias statement ("'Kessi' turned out to be Tarbaoui"); the
            # one full name it abbreviates ("Samir Kessi") is then the same person too.
            others = exact - {own}
            if own not in exact and len(others) == 1 and uf.can_union(own, next(iter(others))):
                join(next(iter(others)), o.id, "part of the only full name it abbreviates")
            continue
        if len(exact) == 1:
            join(next(iter(exact)), o.id, "part of the only full name it abbreviates")
            continue
        titled = {r for r in exact if subject and any(name_key(f.effective) == name_key(subject) for f in roots[r])}
        if len(exact) > 1 and len(titled) == 1 and uf.can_union(next(iter(titled)), o.id):
            join(next(iter(titled)), o.id, "the page's subject, named in its title")
            continue
        # Read in order, 'Roe' can only mean the one Roe named so far ('A Roe ... Roe founded the
        # cell ... Roe's wife, B Roe'): occurrence ids follow the text.
        named_before = [r for r in exact if min(f.id for f in roots[r]) < o.id]
        if len(exact) > 1 and len(named_before) == 1 and uf.can_union(named_before[0], o.id):
            join(named_before[0], o.id, "the only one of that name named before it", 0.9)
            continue
        if len(exact) > 1:
            names = sorted(roots[r][0].effective for r in exact)
            unresolved[o.id] = f"'{o.text}' could be any of: {', '.join(names)}"
            continue
        if word not in close_to:
            close_to[word] = {r for r, fs in roots.items() if len(word) >= 5 and any(
                similar_words(word, p, floor=floor) for f in fs for p in parts(f.effective)[1:])}
        close = {r for r in close_to[word] if uf.can_union(r, o.id)}
        if len(close) == 1 and any(transliterated(word, p) for r in close for f in roots[r] for p in parts(f.effective)[1:]):
            join(next(iter(close)), o.id, "transliteration of the surname, no other candidate", 0.8)
        elif close:  # a guess: left apart here, suggested to the analyst by cross-document resolution
            unresolved[o.id] = f"'{o.text}' resembles {', '.join(sorted(roots[r][0].effective for r in close))}"
    _join_single_variants(people, uf, join, floor)


_BRACKETED_FORM = re.compile(r"^(\S+) \((\S+)\) (.+)$")


def _join_bracketed_forms(full, uf, join) -> None:  # type: ignore[no-untyped-def]
    """'Jim (James) Roe' is the 'James Roe' and the 'Jim Roe' of the same document: the text
    gives both forms of the given name itself."""
    keyed: dict[str, list] = defaultdict(list)  # type: ignore[type-arg]
    for o in full:
        keyed[name_key(o.effective)].append(o)
    for o in full:
        m = _BRACKETED_FORM.match(o.effective)
        if not m:
            continue
        for form in (f"{m[1]} {m[3]}", f"{m[2]} {m[3]}"):
            for other in keyed.get(name_key(form), ()):
                if uf.can_union(o.id, other.id):
                    join(o.id, other.id, "the same name with the other form of the given name it gives in brackets")


def _abbreviates_respelt(a: str, b: str) -> bool:
    """'Clara Hansen' and 'Clara Jean Hanson': the given name and a surname written another way
    (one letter apart, a transliteration), the middle name dropped."""
    short, long = sorted((parts(a), parts(b)), key=len)
    return (len(short) == 2 and len(long) > 2 and short[0] == long[0] and short[-1] != long[-1]
            and min(len(short[-1]), len(long[-1])) >= 5 and transliterated(short[-1], long[-1]))


def _join_single_variants(people, uf, join, floor) -> None:  # type: ignore[no-untyped-def]
    """Lone names with no full name that are spellings of each other (Kassidi/Kessidi)."""
    singles = [o for o in people if len(parts(o.effective)) == 1]
    for a, b in _candidate_pairs(singles, floor):
        wa, wb = parts(a.effective)[0], parts(b.effective)[0]
        if wa != wb and len(wa) >= 5 and transliterated(wa, wb) and uf.can_union(a.id, b.id):
            group_a = {parts(x.effective)[0] for x in people if uf.find(x.id) == uf.find(a.id)}
            if wb not in group_a:
                join(a.id, b.id, "spelling variant of the surname, no other candidate", 0.8)


def _candidate_pairs(names: list[NameOccurrence], floor: float) -> list[tuple[NameOccurrence, NameOccurrence]]:
    """The pairs of names that could be spellings or shorter forms of each other, in the order
    of a full pairwise scan, so that a long document costs in proportion to its names, not to
    their square: one occurrence per distinct name; a shorter form shares a word with the longer
    name; spelling variants have as many words, surnames that are spellings of each other
    (similar_words, the test the joins apply first) and given names filed under one first letter."""
    first: dict[str, NameOccurrence] = {}
    for o in names:
        first.setdefault(o.effective, o)
    distinct = list(first.values())
    words = [parts(o.effective) for o in distinct]
    blocks: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for k, ps in enumerate(words):
        keys: set[tuple[str, ...]] = {("word", w) for w in ps}
        given = surname_blocks(ps[0]) | surname_blocks("".join(ps[:-1])) if len(ps) > 1 else {""}
        given |= {"f:" + f for f in familiar_forms(ps[0]) | {ps[0]}} if len(ps) > 1 else set()  # Joe / Joseph
        keys |= {("initials", s, g) for s in surname_blocks(ps[-1]) for g in given} if ps else set()
        for key in keys:
            blocks[key].append(k)
    pairs: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        for n, i in enumerate(members):
            for j in members[n + 1:]:
                same_length = len(words[i]) == len(words[j])
                if (not same_length if key[0] == "word"
                        else same_length and similar_words(words[i][-1], words[j][-1], floor=floor)):
                    pairs.add((i, j))
    return [(distinct[i], distinct[j]) for i, j in sorted(pairs)]


def _same_full_name(a: str, b: str, floor: float) -> bool:
    return same_name_class(a, b, floor=floor) and (len(parts(a)) == len(parts(b)) or compound_given_name(a, b, floor=floor))


def _resolve_groups(groups: list[NameOccurrence], join) -> None:  # type: ignore[no-untyped-def]
    for i, a in enumerate(groups):
        for b in groups[i + 1:]:
            if group_key(a.text) == group_key(b.text):
                join(a.id, b.id, "same group name")
            elif is_acronym(b.text) and b.text in acronym_forms(a.text) or is_acronym(a.text) and a.text in acronym_forms(b.text):
                join(a.id, b.id, "acronym of the group name")
            elif _carries(a.text, b.text) or _carries(b.text, a.text):
                join(a.id, b.id, "the acronym the group's full name carries")
            elif fold(b.text) in modified_acronyms(a.text) or fold(a.text) in modified_acronyms(b.text):
                join(a.id, b.id, "the group's name with the words after its modifier written as initials")
            elif _spelt_alike(a.text, b.text):
                join(a.id, b.id, "the group's name spelt another way, word by word", 0.9)


def _spelt_alike(a: str, b: str) -> bool:
    """'Katiba al-Thughur' / 'Katibat al-Thughur': as many words, each a transliteration of the
    other's, one word at least written alike."""
    wa, wb = group_words(a), group_words(b)
    return (len(wa) == len(wb) >= 2 and wa != wb and any(x == y for x, y in zip(wa, wb, strict=True))
            and all(transliterated(x, y) for x, y in zip(wa, wb, strict=True)))


def _join_group_short_forms(groups: list[NameOccurrence], uf: UnionFind[int], join) -> None:  # type: ignore[no-untyped-def]
    """'the Roe network' ... 'Roe'; 'the Sicilian Mafia' ... 'the Mafia'; 'the X International
    Commission' ... 'the International Commission': a group's name written short, when exactly one
    longer group name of the document extends it by group nouns only, or by one qualifier in
    front (a people's adjective, an acronym, or another group the document names)."""
    first: dict[str, NameOccurrence] = {}
    for o in groups:
        first.setdefault(o.text, o)
    keys = {group_key(t) for t in first}
    by_length = sorted(first.items(), key=lambda item: -len(parts(item[0])))  # 'X clan' before 'X'
    for short, occ in by_length:
        ps = parts(short)
        if not ps or (len(ps) == 1 and ps[0] in _GROUP_NOUNS) or is_acronym(short):
            continue
        roots = {uf.find(o.id) for long, o in first.items() if _extends(long, short, ps, keys)}
        roots.discard(uf.find(occ.id))
        if len(roots) == 1 and uf.can_union(occ.id, next(iter(roots))):
            join(next(iter(roots)), occ.id, "shorter form of the only group name it is part of", 0.9)


def _join_unit_descriptions(groups: list[NameOccurrence], uf: UnionFind[int], join, subject: str,  # type: ignore[no-untyped-def]
                            lead: NameOccurrence | None) -> None:
    """On a page about one unit (named in the title, or the first name of the text: a wiki lead's
    subject), 'the London IRA gang', 'the IRA unit' and 'the London ASU' (a place before the unit's
    own acronym) describe that unit: the page's subject is the only unit such a description can
    mean. Elsewhere they stay apart."""
    subject_key = group_key(subject) if subject else ""
    subjects = {uf.find(lead.id)} if lead is not None and lead.type == ORGANIZATION else set()
    if subject_key:
        subjects |= {uf.find(o.id) for o in groups
                     if group_key(o.text) == subject_key or subject_key.endswith(group_key(o.text))}
    targets = {uf.find(o.id) for o in groups if len(o.text.split()) > 1
               and o.text.split()[-1].lower() in UNIT_NOUNS and o.text.split()[-1][:1].isupper()
               and uf.find(o.id) in subjects}
    if len(targets) != 1:
        return
    target = next(iter(targets))
    own = {o.text for o in groups if uf.find(o.id) == target}
    for o in groups:
        words = o.text.split()
        if len(words) < 2 or uf.find(o.id) == target or not all(w[:1].isupper() for w in words[:-1]):
            continue
        described = (words[-1] in UNIT_NOUNS) or (is_acronym(words[-1]) and words[-1] in own)
        if described and uf.can_union(o.id, target):
            join(target, o.id, "a description of the unit the page is about", 0.9)


def _extends(long: str, short: str, ps: list[str], keys: set[str]) -> bool:
    pl = parts(long)
    k = len(ps)
    if len(pl) <= k:
        return False
    if pl[:k] == ps and all(w in _GROUP_HEADS for w in pl[k:]):
        return True  # "Roe network", "Roe Mafia clan"
    if pl[0] == ps[0] and pl[-1] == ps[-1] and all(w in _GROUP_HEADS for w in pl[1:-1]) and all(
            w in _GROUP_HEADS for w in ps[1:]):
        return True  # "Roe clan" in "Roe Mafia clan"
    words = long.split()
    if pl[-k:] != ps or len(words) <= len(short.split()):
        return False
    qualifier = re.sub(r"['’][sS]$", "", " ".join(words[: len(words) - len(short.split())]))  # "the IRA's X"
    if len(qualifier.split()) == 1 and (qualifier.isupper() or _demonym(qualifier)):
        return True  # "the Front's Foreign Commission", "Calabrian Mafia"
    return group_key(qualifier) in keys and group_key(qualifier) != group_key(short)  # "al Qaeda external operations program"


def _demonym(word: str) -> bool:
    """'Sicilian', 'Japanese', 'Kurdish': an adjective of a people or a place."""
    return word[:1].isupper() and word[1:].islower() and word.lower().endswith(("an", "ese", "ish", "ian", "i"))


_OFFICE_HEADS = frozenset({"department", "ministry", "office", "bureau"})
_GROUP_NOUNS = words("group_nouns.txt")  # "the network", "the group" alone name no group
_GROUP_HEADS = _GROUP_NOUNS | {"mafia", "program", "programme", "party", "unit"}


def _carries(long: str, short: str) -> bool:
    """'Security Service RGIS' carries 'RGIS': a full name written with its acronym after it."""
    return is_acronym(short) and len(long.split()) > 2 and long.split()[-1] == short


def group_key(text: str) -> str:
    """'the Islamic State group' and 'Islamic State' share a key; so do 'al-Qaeda Central' (the group
    itself, as against its affiliates) and 'al-Qaeda'."""
    words = group_words(text)
    while len(words) > 1 and words[-1] in {"group", "organisation", "organization", "movement", "association", "central",
                                           "core"}:
        words = words[:-1]
    if len(words) > 2 and words[0] in {"us", "uk"} and words[1] in _OFFICE_HEADS:
        words = words[1:]  # "the US Department of State" is the Department of State
    if len(words) > 3 and words[:2] in (["u", "s"], ["u", "k"]) and words[2] in _OFFICE_HEADS:
        words = words[2:]  # "the U.S. Department of the Treasury" is the Department of the Treasury
    if len(words) > 2 and words[0] in _OFFICE_HEADS and words[1] == "of" and "of" not in words[2:]:
        words = [*words[2:], words[0]]  # "the Department of the Treasury" is "the Treasury Department"
    return "".join(words)
