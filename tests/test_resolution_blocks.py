"""Resolution keys (resolve/blocks.py) must cover every comparison resolution makes: resolving
each component of the keys on its own gives what resolving the whole corpus gives. Invented
names, written for these tests, full of the variants the matching rules compare (spellings,
transliterations, familiar forms, glued particles, shorter forms, initials, kunyas, lone words)."""

from __future__ import annotations

import random
from collections import defaultdict
from itertools import combinations

from linkchart.model import ORGANIZATION, PERSON, LocalEntity
from linkchart.names import same_name_class
from linkchart.resolve.blocks import resolution_keys
from linkchart.resolve.cross_doc import document_company, resolve_entities
from linkchart.resolve.joins import _candidate_pairs, name_class_blocks
from linkchart.unionfind import UnionFind

FLOOR = 0.85
GIVEN = ["Chakib", "Shakib", "Karim", "Carim", "William", "Bill", "Yusuf", "Youssef", "Abdelkarim", "Abd Karim",
         "Murat", "Omar", "Umar", "Tarek", "Tarik", "Ilyas", "Elias", "Sami", "Samy"]
SURNAMES = ["Benhadj", "Ben Hadj", "Hadj", "Kasmi", "Qasmi", "Merad", "Mourad", "Roe", "Haddou", "Hadou",
            "Dalvik", "Dalvick", "Kocabey", "Serrar", "Ferrat", "Li", "Ho"]
MIDDLE = ["Amine", "Nour", "Lee"]


def _name(rng: random.Random) -> tuple[str, set[str]]:
    """A display name and the other names one document gives the same person."""
    given, surname = rng.choice(GIVEN), rng.choice(SURNAMES)
    shape = rng.random()
    if shape < 0.45:
        full = f"{given} {surname}"
    elif shape < 0.6:
        full = f"{given} {rng.choice(MIDDLE)} {surname}"
    elif shape < 0.68:
        full = f"{rng.choice(MIDDLE)} {surname}"
    elif shape < 0.75:
        full = f"{given} {surname[0]}."
    elif shape < 0.83:
        full = f"Abu {given}" + (f" al-{surname}" if rng.random() < 0.5 else "")
    else:
        return surname if rng.random() < 0.6 else given, set()
    extra = {surname} if rng.random() < 0.2 else set()
    return full, extra


def _corpus(seed: int, documents: int = 14) -> list[LocalEntity]:
    rng = random.Random(seed)
    out = []
    for d in range(documents):
        names: dict[str, LocalEntity] = {}
        for _ in range(rng.randint(2, 5)):
            name, extra = _name(rng)
            if name in names:
                continue
            kind = ORGANIZATION if rng.random() < 0.05 else PERSON
            aliases = {_name(rng)[0]} if rng.random() < 0.1 else set()
            names[name] = LocalEntity(f"d{d}:{len(names)}", f"d{d}", kind, name, {name} | extra | aliases, aliases,
                                      "actor", rng.randint(1, 4))
        out += names.values()
    return out


def _components(locals_: list[LocalEntity]) -> list[list[LocalEntity]]:
    """The components of the keys, as update.py binds them: a key with an active holder binds
    every holder."""
    by_doc: dict[str, list[LocalEntity]] = defaultdict(list)
    for e in locals_:
        by_doc[e.document_id].append(e)
    holders: dict[str, list[str]] = defaultdict(list)
    active: set[str] = set()
    for doc in by_doc.values():
        for local, key, is_active in resolution_keys(doc, FLOOR):
            holders[key].append(local)
            if is_active:
                active.add(key)
    uf: UnionFind[str] = UnionFind(e.local_id for e in locals_)
    for key in active:
        for other in holders[key][1:]:
            uf.union(holders[key][0], other)
    groups = {frozenset(m) for m in uf.groups().values()}
    return [[e for e in locals_ if e.local_id in group] for group in groups]


def _outcome(parts: list[list[LocalEntity]], company: dict[str, set[str]]) -> tuple[set[str], set[str], set[str]]:
    entities, joins, suggestions = set(), set(), set()
    for locals_ in parts:
        r = resolve_entities(locals_, [], variant_floor=FLOOR, company=company)
        entities |= {repr((e.id, e.type, e.name, sorted(repr(a) for a in e.aliases), e.documents, e.mention_count))
                     for e in r.entities}
        joins |= {repr(m) for m in r.decisions}
        suggestions |= {repr(s) for s in r.suggestions}
    return entities, joins, suggestions


def test_resolving_component_by_component_equals_resolving_the_whole() -> None:
    for seed in range(12):
        locals_ = _corpus(seed)
        company = document_company(locals_)
        components = _components(locals_)
        assert len(components) > 1  # the keys do split the corpus
        assert _outcome(components, company) == _outcome([locals_], company), seed


def test_surnames_spelled_alike_do_not_chain_different_given_names() -> None:
    """Full names with surnames spelled alike are compared only when their given names could be
    one too: four people of two spellings make three components, not one."""
    people = ["Tarek Dalvik", "Tarik Dalvick", "Murat Dalvikk", "Omar Dalvic"]
    locals_ = [LocalEntity(f"d{k}:0", f"d{k}", PERSON, n, {n}, set(), "actor", 1) for k, n in enumerate(people)]
    assert sorted(sorted(e.name for e in c) for c in _components(locals_)) == [
        ["Murat Dalvikk"], ["Omar Dalvic"], ["Tarek Dalvik", "Tarik Dalvick"]]


def test_names_of_one_class_share_a_comparison_block() -> None:
    """same_name_class pairs are always among the candidate pairs, whatever letter the given
    names start with (Chakib/Shakib, Bill/William, Abdelkarim/Abd Karim)."""
    names = sorted({f"{g} {s}" for g in GIVEN for s in SURNAMES} | {f"{g} {m} {s}" for g in GIVEN[:6] for m in MIDDLE
                                                                    for s in SURNAMES[:4]})
    candidates = set(_candidate_pairs(names))
    for a, b in combinations(names, 2):
        if same_name_class(a, b, floor=FLOOR):
            assert (a, b) in candidates, (a, b)
            assert name_class_blocks(a) & name_class_blocks(b)
    assert len(candidates) < len(names) * (len(names) - 1) / 20  # and few others are compared


def test_forgetting_cached_names_empties_every_name_cache() -> None:
    """Resolution empties the name caches between batches so that its memory stays flat; a cache
    left out of forget_cached_names would grow with the corpus again."""
    import linkchart.names as names

    caches = [f for f in vars(names).values() if hasattr(f, "cache_info") and f.__module__ == names.__name__]
    assert len(caches) >= 8
    names.same_name_class("Karim Tessouli", "Kareem Tesouli", floor=0.85)
    names.modified_acronyms("Provisional Irish Republican Army")
    assert any(f.cache_info().currsize for f in caches)
    names.forget_cached_names()
    assert [f.__name__ for f in caches if f.cache_info().currsize] == []
