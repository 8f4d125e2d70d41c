"""Which document-level entities resolution can bring together: the keys of incremental resolution.

Every comparison that resolution makes across documents (resolve/joins.py, settle_types, the
shared short forms of cross_doc) looks its candidates up under a key: a name key, a surname
block, a lone word, an initial, a kunya, an acronym. Filed under those same keys, a new document
reaches exactly the entities its own could be joined to, voted with or compared against; the
closure of those keys (resolution components) is what a build or an analyst decision re-resolves,
and the rest of the corpus is left as stored. A key is *active* for an entity that looks the
others up under it and *passive* for one that is only looked up ("Murat K." looks up the full
names whose surname starts with K; two such full names are not compared with each other), so
common given names and initials do not chain the corpus into one component. Full names are
compared under a surname block *and* a given-name letter, and looked up by their shorter forms
under the surname and one given name: the holders of a common surname do not chain it either.

Keys over-approximate: sharing one never joins anything, it only makes two entities resolve
together. A matching rule that compares under a new kind of key must add it here, or a build in
two steps would differ from a build in one (tests/test_case.py compares them).
"""

from __future__ import annotations

from collections.abc import Iterable

from linkchart.extract.within_doc import group_key
from linkchart.model import ORGANIZATION, PERSON, AnalystDecision, LocalEntity
from linkchart.names import (
    PARTICLES,
    abbreviated_surname,
    acronym_forms,
    fold,
    given,
    is_acronym,
    modified_acronyms,
    name_key,
    parts,
    possessor_initials,
    surname,
    surname_blocks,
)
from linkchart.resolve.joins import KUNYA_WORDS, _resemblance, name_class_blocks

Key = tuple[str, str, bool]  # (local id, key, active)


def resolution_keys(document_locals: list[LocalEntity], variant_floor: float) -> list[Key]:
    """The keys of one document's local entities (whatever type the corpus later settles them
    to: a person one document reads as a group is filed under both kinds of key)."""
    from linkchart.resolve.cross_doc import derived_forms

    out: set[Key] = set()
    for e in document_locals:
        lid = e.local_id
        names = e.names | {e.name} | e.explicit_aliases

        def add(key: str, active: bool = True, lid: str = lid) -> None:
            out.add((lid, key, active))

        for n in names:
            add("nk:" + name_key(n))
            add("g:" + group_key(n))
            for etype in (PERSON, ORGANIZATION):
                for d in derived_forms(n, etype):
                    add("nk:" + name_key(d))
            p = parts(n)
            words = fold(n).split()
            if len(words) > 1:
                add("f:" + fold(n))
            if len(p) > 1:
                add(f"sw:{p[-1]}|{p[0]}")  # looks up the longer names it could be a shorter form of
                for middle in p[1:-1]:
                    add(f"sw:{p[-1]}|{middle}", active=False)  # looked up by its shorter forms ("Sidique Khan")
                for lone in {surname(n), given(n)}:
                    if lone:
                        add("lw:" + lone, active=False)  # looked up by a lone surname or given name
                if not abbreviated_surname(n):
                    for w in {p[-1], *words[1:]}:  # looked up by "Murat K."
                        add(f"i:{n[:1].lower()}:{w[:1]}", active=False)
                if p[0] in KUNYA_WORDS:
                    add(f"k:{p[0]} {p[1]}")
            elif len(p) == 1 and all(w in PARTICLES for w in words[:-1]):  # "Roe", "El Roe"
                add("lw:" + p[0])  # a lone word looks up the full names that carry it
                for block in surname_blocks(p[0]):
                    add("sb:" + block)
            key = group_key(n)
            if len(p) == 1 and len(key) >= 5 and not is_acronym(n):  # spelling variants of group names
                add("gv:" + key[0], active=e.type == ORGANIZATION)
            if is_acronym(n):
                short = n.replace(".", "")
                for k in range(2, len(short) + 1):
                    add("ac:" + short[:k])
            else:
                for form in modified_acronyms(n):
                    add("ma:" + form, active=False)
                if len(n.split()) > 1 and is_acronym(n.split()[-1]):
                    add("ma:" + fold(n))  # "Provisional IRA" looks up "Provisional Irish Republican Army"
                for form in acronym_forms(n):
                    if len(form) >= 2:
                        add("ac:" + form, active=False)
                if len(possessor_initials(n)) >= 2:  # "X Y's Z" names the group X Y in its report
                    add("ac:" + possessor_initials(n), active=False)
                if len(n.split()) > 2 and is_acronym(n.split()[-1]):
                    add("ac:" + n.split()[-1].replace(".", ""), active=False)
        if len(parts(e.name)) > 1:
            for block in surname_blocks(surname(e.name) or ""):
                add("sb:" + block, active=False)  # looked up by a lone surname spelled alike
            for block in name_class_blocks(e.name):
                add("sg:" + block)  # compared with the full names spelled alike (same_name_class)
            if abbreviated_surname(e.name):
                add(f"i:{e.name[:1].lower()}:{parts(e.name)[-1][:1]}")
    for i, a in enumerate(document_locals):  # names of one report spelled alike: a suggestion
        for b in document_locals[i + 1:]:
            if _resemblance(a.name, b.name, variant_floor):
                pair = "rs:" + "|".join(sorted((a.local_id, b.local_id)))
                out |= {(a.local_id, pair, True), (b.local_id, pair, True)}
    return sorted(out)


def place_keys(place_names: Iterable[str]) -> set[str]:
    """A place a document names votes on the type of every entity of that name."""
    return {"nk:" + name_key(n) for n in place_names}


def decision_keys(decision: AnalystDecision) -> set[str]:
    """What an analyst decision ties together: the entities it was made on (by their anchors)
    and, for decisions made by name, every entity of those names."""
    keys = {"id:" + a for a in (decision.anchor_a, decision.anchor_b) if a}
    keys.add("nk:" + name_key(decision.name_a))
    if decision.action != "rename" and decision.name_b:
        keys.add("nk:" + name_key(decision.name_b))
    return keys
