"""How the names of two documents' entities can show they are one entity.

Each function adds joins through the `join(a, b, reason, score)` callback of `resolve_corpus`,
which records every one: same names, stated aliases, spelling variants of groups, acronyms,
spelling variants of people with matching given names, initials, short kunyas, lone surnames.
Comparisons go through indexes (by name, by surname letter) so that a large corpus is not
compared pair by pair.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Protocol

from linkchart.extract.within_doc import group_key
from linkchart.lexicon import rows, words
from linkchart.model import ORGANIZATION, PERSON, LocalEntity, LocalRelation
from linkchart.names import (
    PARTICLES,
    abbreviated_surname,
    acronym_forms,
    compound_given_name,
    familiar_form,
    familiar_forms,
    fold,
    generation,
    given,
    initial_matches,
    is_acronym,
    modified_acronyms,
    name_key,
    parts,
    possessor_initials,
    same_name_class,
    similar_words,
    surname,
    surname_blocks,
)
from linkchart.unionfind import UnionFind


class Join(Protocol):
    def __call__(self, a: str, b: str, reason: str, score: float = 1.0, source: str = "auto") -> None: ...


class Suggest(Protocol):
    """Records a possible join for the analyst instead of applying it."""

    def __call__(self, a: str, b: str, reason: str, score: float = 0.5) -> None: ...


def _ignore(a: str, b: str, reason: str, score: float = 0.5) -> None:
    return None


def compatible_given_names(a: str, b: str, floor: float) -> bool:
    """A merge of two full names needs given names that can be the same person's: the first
    given names are spellings of each other and no middle name of one contradicts the other
    ('Mohamed Nadir Roe' is not 'Mohammed Roe': the father's extra name is a patronymic
    the son does not carry)."""
    pa, pb = parts(a), parts(b)
    if generation(a) != generation(b):
        return False
    if len(pa) < 2 or len(pb) < 2 or compound_given_name(a, b, floor=floor):
        return True  # ('Abd al-Karim Roe' is 'Abdelkarim Roe')
    if not (similar_words(pa[0], pb[0], floor=floor) or familiar_form(pa[0], pb[0])):
        return False
    ma, mb = [w for w in pa[1:-1] if len(w) > 1], [w for w in pb[1:-1] if len(w) > 1]  # a middle initial is no conflict
    return len(ma) == len(mb) and all(similar_words(x, y, floor=floor) for x, y in zip(ma, mb, strict=True))


def index_names(locals_: list[LocalEntity]) -> dict[str, list[str]]:
    keyed: dict[str, list[str]] = defaultdict(list)
    for e in locals_:
        for n in e.names | {e.name}:
            keyed[name_key(n)].append(e.local_id)
    return keyed


def join_same_names(locals_: list[LocalEntity], join: Join) -> None:
    first: dict[tuple[str, str], str] = {}
    for e in locals_:
        keys = {group_key(n) for n in e.names} if e.type == ORGANIZATION else {
            name_key(n) for n in e.names if len(parts(n)) > 1} | {  # "Emir Mansur" as written
            "=" + fold(n) for n in e.names if len(n.split()) > 1 and fold(n).split()[0] not in STRIPPED_TITLES}
        for key in sorted(keys):  # sorted: the log of joins must not depend on set order
            if not key:
                continue
            seen = first.setdefault((e.type, key), e.local_id)
            if seen != e.local_id:
                join(seen, e.local_id, "same name in both documents")


def join_group_variants(locals_: list[LocalEntity], join: Join, floor: float) -> None:
    """Transliterated group names: al-Qaeda / al Qaida / Al-Qa'ida. Only long single-word cores
    are compared (short or multi-word names differ by a letter for a reason: IS / ISI)."""
    first: dict[str, str] = {}
    for e in locals_:
        if e.type != ORGANIZATION:
            continue
        for n in e.names:
            key = group_key(n)
            if len(parts(n)) == 1 and len(key) >= 5 and not is_acronym(n):
                first.setdefault(key, e.local_id)
    keys = sorted(first)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            if a[0] == b[0] and similar_words(a, b, floor=floor + 0.03):
                join(first[a], first[b], f"spelling variant of the group name ({a} / {b})", 0.8)


def join_group_acronyms(locals_: list[LocalEntity], join: Join) -> None:
    """'IS' for 'Islamic State' across reports; and 'ISIS' / 'ISIL', whose first letters are
    the group's initials, when a report uses both forms (the full name, or a name that opens with
    it as a possessor: 'Islamic State's X Province'). Only when one group fits."""
    groups = [e for e in locals_ if e.type == ORGANIZATION]
    initials: dict[str, set[str]] = defaultdict(set)  # initials of a long name -> its locals
    docs_of: dict[str, set[str]] = defaultdict(set)  # initials -> documents naming the long form
    for e in groups:
        for n in e.names:
            for form in acronym_forms(n) if not is_acronym(n) else ():
                if len(form) >= 2:
                    initials[form].add(e.local_id)
                    docs_of[form].add(e.document_id)
            if len(n.split()) > 2 and is_acronym(n.split()[-1]):  # "Security Service RGIS": written with it
                initials[n.split()[-1].replace(".", "")].add(e.local_id)
            if len(possessor_initials(n)) >= 2:  # the report names that group, not this one
                docs_of[possessor_initials(n)].add(e.document_id)
    for e in groups:
        for n in e.names:
            if not is_acronym(n):
                continue
            short = n.replace(".", "")
            fits = [short] if short in initials else [  # the group it spells, before one it begins with
                a for a in initials if short.startswith(a) and e.document_id in docs_of[a]]
            if len(fits) == 1:
                reason = "acronym of the group's name" if short == fits[0] else (
                    f"'{n}' begins with the initials of the group named in the same report")
                for other in sorted(initials[fits[0]]):
                    join(other, e.local_id, reason, 0.8)


def join_modified_acronyms(locals_: list[LocalEntity], join: Join) -> None:
    """'Provisional IRA' in one report, 'Provisional Irish Republican Army' in another: the same
    leading words, the rest written as its initials; only when one group's name fits."""
    groups = [e for e in locals_ if e.type == ORGANIZATION]
    expanded: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # form -> long name -> locals
    for e in groups:
        for n in e.names:
            if not is_acronym(n):
                for key in modified_acronyms(n):
                    expanded[key][group_key(n)].add(e.local_id)
    for e in groups:
        for n in sorted(e.names):
            words = n.split()
            if len(words) < 2 or not is_acronym(words[-1]) or len(expanded.get(fold(n), {})) != 1:
                continue
            for other in sorted(next(iter(expanded[fold(n)].values())) - {e.local_id}):
                join(other, e.local_id, f"'{n}' writes the group's name after its first words as initials", 0.8)


def join_aliases(locals_: list[LocalEntity], keyed: dict[str, list[str]], join: Join) -> None:
    by_id = {e.local_id: e for e in locals_}
    for e in locals_:
        for alias in e.explicit_aliases:
            for other in keyed.get(name_key(alias), []):
                if other != e.local_id and by_id[other].type == e.type:
                    join(e.local_id, other, f"'{alias}' stated as an alias")


def join_people(locals_: list[LocalEntity], uf: UnionFind[str], join: Join, relations: list[LocalRelation],
                floor: float, suggest: Suggest = _ignore, company: dict[str, set[str]] | None = None) -> None:
    people = [e for e in locals_ if e.type == PERSON]
    full = [e for e in people if len(parts(e.name)) > 1]
    by_name: dict[str, list[LocalEntity]] = defaultdict(list)  # each distinct name is compared once
    for e in full:
        by_name[e.name].append(e)
    for name_a, name_b in _candidate_pairs(sorted(by_name)):
        if same_name_class(name_a, name_b, floor=floor):
            a, b = by_name[name_a][0].local_id, by_name[name_b][0].local_id  # same names are joined already
            if not compatible_given_names(name_a, name_b, floor):
                suggest(a, b, "similar names, but the given names differ (a relative?)", 0.5)
                continue
            same = (surname(name_a), given(name_a)) == (surname(name_b), given(name_b))
            reason = "same name" if same else "spelling variant: same surname and given name class"
            join(a, b, reason, 0.9)
    full_names = [(f, n) for f in full for n in f.names if len(parts(n)) > 1]  # all its names: "X, alias Y"
    named: dict[str, set[str]] = defaultdict(set)  # distinct full name -> its locals
    for f, n in full_names:
        if not abbreviated_surname(n):
            named[n].add(f.local_id)
    by_initial: dict[str, list[str]] = defaultdict(list)
    for n in named:
        by_initial[n[:1].lower()].append(n)
    for short in [e for e in full if abbreviated_surname(e.name)]:
        fits = [n for n in by_initial.get(short.name[:1].lower(), []) if initial_matches(short.name, n, floor)]
        matches = {uf.find(x) for n in fits for x in named[n]}
        if len(matches) == 1:
            join(next(iter(matches)), short.local_id, "surname abbreviated to its initial; one full name fits", 0.8)
    company = company if company is not None else _company(locals_, relations)
    _join_short_kunyas(full_names, uf, join)
    _join_shorter_forms(full_names, uf, join, suggest)
    by_word: dict[str, list[tuple[LocalEntity, str]]] = defaultdict(list)
    for f, n in full_names:
        for w in {surname(n), given(n)}:
            if w:
                by_word[w].append((f, n))
    by_block: dict[str, list[LocalEntity]] = defaultdict(list)
    for f in full:
        for key in surname_blocks(surname(f.name) or ""):
            by_block[key].append(f)
    first_alone: dict[str, str] = {}
    for lone, word in _lone_words(people):
        holders = [(f, n) for f, n in by_word.get(word, []) if f.local_id != lone.local_id]
        roots = {uf.find(f.local_id) for f, _ in holders}
        if len(roots) == 1 and any(surname(n) == word for _, n in holders):
            join(next(iter(roots)), lone.local_id, "the only full name with this surname", 0.8)
            continue
        if roots:
            continue
        candidates = {f.local_id: f for key in surname_blocks(word) for f in by_block.get(key, [])}.values()
        close = {uf.find(f.local_id) for f in candidates if len(word) >= 5
                 and similar_words(word, surname(f.name) or "", floor=floor)
                 and len(company[lone.local_id] & company[f.local_id]) >= 2}
        if len(close) == 1:
            join(next(iter(close)), lone.local_id, "surname spelling variant sharing company in the reporting", 0.7)
        elif not close and len(lone.names) == 1:
            # The same single name in several reports, and no full name anywhere it could abbreviate.
            first = first_alone.setdefault(word, lone.local_id)
            if first != lone.local_id:
                suggest(first, lone.local_id, "the same single name in two reports, nothing else in common", 0.4)
        elif len(close) > 1:
            for root in sorted(close):
                suggest(root, lone.local_id, "surname spelling variant; several people fit", 0.3)


def _candidate_pairs(names: list[str]) -> list[tuple[str, str]]:
    """Pairs of full names that could be spellings of each other, found through blocks keyed
    by the first letters a surname can be written with (Kasmi/Qasmi, Benhadj/Ben Hadj) and a
    first letter of the given name, so that a large corpus is not compared pair by pair, nor
    every holder of a common surname with every other."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for k, name in enumerate(names):
        for key in name_class_blocks(name):
            blocks[key].append(k)
    pairs = sorted({(i, j) for members in blocks.values() for x, i in enumerate(members) for j in members[x + 1:]})
    return [(names[i], names[j]) for i, j in pairs]


def name_class_blocks(name: str) -> set[str]:
    """The blocks under which a full name is compared with others for `same_name_class`: a
    surname block (surname_blocks) with a given-name letter (given_name_letters)."""
    letters = given_name_letters(name)
    return {f"{s}|{g}" for s in surname_blocks(surname(name) or "") for g in letters}


def given_name_letters(name: str) -> set[str]:
    """First letters under which the given names of a full name are filed. `same_name_class`
    needs given names that are spellings of each other (similar_words: the same initial, a
    shared transliteration or a glued particle, each a key of surname_blocks), or the given
    names joined, or familiar forms (Bill/William): two names that pass share a letter."""
    p = parts(name)
    if len(p) < 2:
        return set()
    letters = {w[:1] for w in (p[0], "".join(p[:-1]))} | {f[:1] for f in familiar_forms(p[0])}
    return letters | {key.split(":", 1)[1][:1] for w in (p[0], "".join(p[:-1])) for key in surname_blocks(w)}


KUNYA_WORDS = words("kunya_words.txt")
# Titles a name is cited with but that are no part of it: "Judge Roe" in two reports is no evidence.
STRIPPED_TITLES = frozenset(r[0] for r in rows("titles.txt") if r[1:] != ("keep",)) | words("office_words.txt")


def _join_short_kunyas(full_names: list[tuple[LocalEntity, str]], uf: UnionFind[str], join: Join) -> None:
    """'Abu Ibrahim' for 'Abu Ibrahim al-Almani', when no other kunya in the corpus starts so."""
    kunyas = [(f, n, parts(n)) for f, n in full_names if parts(n)[0] in KUNYA_WORDS]
    for short, name, p in kunyas:
        longer = {uf.find(f.local_id) for f, _, q in kunyas if len(q) > len(p) and q[:len(p)] == p}
        longer.discard(uf.find(short.local_id))
        if len(longer) == 1:
            join(next(iter(longer)), short.local_id, f"'{name}' is the start of one longer kunya", 0.8)


def _join_shorter_forms(full_names: list[tuple[LocalEntity, str]], uf: UnionFind[str], join: Join,
                        suggest: Suggest = _ignore) -> None:
    """'Sidique Khan' for 'Mohammad Sidique Khan': a name whose words all stand, in order and
    with the same surname, in exactly one longer name of the corpus."""
    by_surname: dict[str, list[tuple[LocalEntity, tuple[str, ...]]]] = defaultdict(list)
    for f, n in full_names:
        by_surname[parts(n)[-1]].append((f, tuple(parts(n))))
    for group in by_surname.values():
        longest = max(len(q) for _, q in group)
        for short, p in group:
            if len(p) == longest or abbreviated_surname(" ".join(p)):
                continue
            fits = {uf.find(f.local_id) for f, q in group if len(q) > len(p) and _in_order(p, q)}
            shorter_twins = {uf.find(f.local_id) for f, q in group if q == p}
            fits -= shorter_twins
            if len(fits) != 1:
                continue
            longer = [(f, q) for f, q in group if uf.find(f.local_id) in fits and len(q) > len(p) and _in_order(p, q)]
            # Across reports 'Sidique Khan' is the short form of 'Mohammad Sidique Khan'; a report that
            # names both apart ('his parents were Amine X') means two people, so that stays a suggestion.
            if all(q[0] == p[0] or f.document_id != short.document_id for f, q in longer):
                join(next(iter(fits)), short.local_id, f"'{' '.join(p)}' fits only one longer name", 0.7)
            else:  # 'Amine X' in 'Mustafa Amine X': the father's given name is the son's middle name
                suggest(next(iter(fits)), short.local_id,
                        f"'{' '.join(p)}' lacks the first given name of the longer name (a relative?)", 0.4)


def _in_order(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return short[-1] == long[-1] and all(word in it for word in short)


def _lone_words(people: list[LocalEntity]) -> list[tuple[LocalEntity, str]]:
    """Single names a document could not attach to a full name of its own: a lone 'Albers', or
    the 'Benmoussa' of a document that otherwise only gives his kunya."""
    out = []
    for e in people:
        own = {w for n in e.names if len(parts(n)) > 1 for w in parts(n)}
        out += [(e, parts(n)[0]) for n in sorted(e.names) if len(parts(n)) == 1 and parts(n)[0] not in own
                and all(w in PARTICLES for w in fold(n).split()[:-1])]
        # ("El Roe" is a bare surname; "Hafiz Roe", "Mullah Roe" are how one man is known)
    return out


def _company(locals_: list[LocalEntity], relations: list[LocalRelation]) -> dict[str, set[str]]:
    """For each local entity, the name keys of the others in its document."""
    by_doc: dict[str, set[str]] = defaultdict(set)
    for e in locals_:
        by_doc[e.document_id].add(name_key(e.name))
    return defaultdict(set, {e.local_id: by_doc[e.document_id] - {name_key(e.name)} for e in locals_})


def suggest_within_documents(locals_: list[LocalEntity], suggest: Suggest, floor: float) -> None:
    """Names of one report that are spelled alike but that nothing states are one person: a lone
    'Barnett' beside 'Hugh Barnet', 'Amine X' beside 'Mustafa Amine X'. Resolution within the
    document leaves them apart; here they become suggestions for the analyst."""
    by_doc: dict[str, list[LocalEntity]] = defaultdict(list)
    for e in locals_:
        if e.type == PERSON:
            by_doc[e.document_id].append(e)
    for people in by_doc.values():
        for i, a in enumerate(people):
            for b in people[i + 1:]:
                reason = _resemblance(a.name, b.name, floor)
                if reason:
                    suggest(a.local_id, b.local_id, reason, 0.4)


def _resemblance(a: str, b: str, floor: float) -> str | None:
    pa, pb = parts(a), parts(b)
    if not pa or not pb or name_key(a) == name_key(b):
        return None
    if len(pa) == 1 or len(pb) == 1:
        lone, other = (pa, pb) if len(pa) == 1 else (pb, pa)
        word = lone[0]
        if len(word) >= 4 and any(similar_words(word, w, floor=floor) and word != w for w in other):
            return f"'{word}' is spelled like a name of the other"
        return None
    if pa[-1] == pb[-1] and set(pa) < set(pb) or set(pb) < set(pa):
        return "one name is a part of the other, but the first given names differ (a relative?)"
    return None
