"""One entity per real person across the corpus, every join explained.

Documents are resolved one by one (within_doc); here their local entities meet. Joins need
more than similar strings: the same full name; a name the text states as an alias; a lone
surname that only one full name in the corpus carries; or a surname spelled differently that
also shares company (the same other people in its documents). Different given names with the
same surname stay apart. Analyst decisions (merge, keep apart, rename) are applied on top and
survive every rebuild because they are stored by name, not by id.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import replace

from linkchart.dates import date_key
from linkchart.extract.within_doc import group_key
from linkchart.lexicon import words
from linkchart.model import (
    ACTOR,
    COMMENTATOR,
    DIRECTED_TYPES,
    LEADER_OF,
    MEMBER_OF,
    ORGANIZATION,
    PERSON,
    PLACE,
    SOURCE,
    Alias,
    AliasKind,
    AnalystDecision,
    Entity,
    EntityType,
    Evidence,
    JoinSource,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    MergeDecision,
    MergeSuggestion,
    Relation,
    RelationType,
    Resolution,
    Role,
)
from linkchart.names import (
    foreign_script,
    generation,
    name_key,
    parts,
    without_legal_form,
)
from linkchart.resolve.events import resolve_events
from linkchart.resolve.joins import (
    KUNYA_WORDS,
    index_names,
    join_aliases,
    join_group_acronyms,
    join_group_variants,
    join_modified_acronyms,
    join_people,
    join_same_names,
    suggest_within_documents,
)
from linkchart.unionfind import UnionFind


def resolve_corpus(locals_: list[LocalEntity], relations: list[LocalRelation],
                   analyst: list[AnalystDecision], *, variant_floor: float,
                   hedged_factor: float = 0.5, place_mentions: Iterable[tuple[str, str]] = (),
                   events: Iterable[LocalEvent] = ()) -> Resolution:
    """The whole corpus at once: its entities, their ties and events (the Case resolves
    component by component instead, through `resolve_entities` and `relations_between`)."""
    resolution = resolve_entities(locals_, analyst, variant_floor=variant_floor,
                                  place_keys=[(d, name_key(t)) for d, t in place_mentions])
    entity_of, entities = resolution.members, {e.id: e for e in resolution.entities}
    resolution.relations = _build_relations(relations, entity_of, resolution.entities, hedged_factor)
    resolution.events = resolve_events(events, entity_of, entities)
    return resolution


def document_company(locals_: Iterable[LocalEntity]) -> dict[str, set[str]]:
    """Per document, the name keys of the people and groups it names (the sources it cites
    excepted): the company a name keeps, as its own document states it. It depends on that
    document alone, so an entity resolves the same whatever else is resolved with it."""
    return company_of((e.document_id, e.name, e.type, e.role) for e in locals_)


def company_of(named: Iterable[tuple[str, str, str, str]]) -> dict[str, set[str]]:
    """`document_company` from (document, name, type, role) of each document-level entity."""
    company: dict[str, set[str]] = defaultdict(set)
    for document_id, name, etype, role in named:
        if not (etype == ORGANIZATION and role == SOURCE):
            company[document_id].add(name_key(name))
    return company


def resolve_entities(locals_: list[LocalEntity], analyst: list[AnalystDecision], *, variant_floor: float,
                     place_keys: Iterable[tuple[str, str]] = (),
                     company: dict[str, set[str]] | None = None) -> Resolution:
    """Entities out of document-level entities: joins, suggestions and the log of both
    (`members`: local id -> entity id); no ties or events. `place_keys` are (document, name
    key) of the places documents name; `company` as `document_company` (of `locals_` by default)."""
    by_doc = company if company is not None else document_company(locals_)
    locals_ = _without_sources(settle_types(locals_, place_keys=place_keys))
    analyst = _latest_per_pair(analyst)
    locals_ = _split_locals(locals_, [d for d in analyst if d.action == "distinct"])
    by_id = {e.local_id: e for e in locals_}
    uf: UnionFind[str] = UnionFind(by_id)
    log: list[tuple[str, str, str, float, JoinSource]] = []  # (local a, local b, reason, score, source)

    def join(a: str, b: str, reason: str, score: float = 1.0, source: str = "auto") -> None:
        if uf.find(a) != uf.find(b) and uf.union(a, b):
            log.append((a, b, reason, score, "analyst" if source == "analyst" else "auto"))

    guesses: list[tuple[str, str, str, float]] = []

    def suggest(a: str, b: str, reason: str, score: float = 0.5) -> None:
        guesses.append((a, b, reason, score))

    keyed = index_names(locals_)
    for decision in analyst:
        if decision.action == "distinct":
            if decision.anchor_a in by_id and decision.anchor_b in by_id and decision.anchor_a != decision.anchor_b:
                uf.keep_apart(decision.anchor_a, decision.anchor_b)  # a rejected suggestion: two entities stay two
                continue
            for a in keyed.get(name_key(decision.name_a), []):
                for b in keyed.get(name_key(decision.name_b), []):
                    uf.keep_apart(a, b)
    for decision in analyst:
        if decision.action == "merge":
            if decision.anchor_a in by_id and decision.anchor_b in by_id:
                join(decision.anchor_a, decision.anchor_b, _analyst_reason("analyst merge", decision), 1.0, "analyst")
                continue
            for a in keyed.get(name_key(decision.name_a), []):
                for b in keyed.get(name_key(decision.name_b), []):
                    join(a, b, _analyst_reason("analyst merge", decision), 1.0, "analyst")
    for same in _namesakes_of_one_document(locals_):
        for i, a in enumerate(same):
            for b in same[i + 1:]:
                uf.keep_apart(a, b)  # the document kept them apart ('Ann Roe, 58, and her daughter Ann Roe, 24')
    company_of = defaultdict(set, {e.local_id: by_doc.get(e.document_id, set()) - {name_key(e.name)} for e in locals_})
    join_same_names(locals_, join)
    join_group_variants(locals_, join, variant_floor)
    join_group_acronyms(locals_, join)
    join_modified_acronyms(locals_, join)
    join_aliases(locals_, keyed, join)
    join_people(locals_, uf, join, [], variant_floor, suggest, company=company_of)
    suggest_within_documents(locals_, suggest, variant_floor)
    entities, entity_of = _build_entities(locals_, uf, analyst)
    decisions = [MergeDecision(entity_of[a], by_id[a].name, by_id[b].name, reason, score, source, by_id[b].document_id)
                 for a, b, reason, score, source in log]
    suggestions = _suggestions(guesses, uf, entity_of, by_id, {e.id: e for e in entities})
    return Resolution(entities, [], decisions, [], members=entity_of, suggestions=suggestions)


def _namesakes_of_one_document(locals_: list[LocalEntity]) -> list[list[str]]:
    """Entities of one document that bear the same name: the document's own resolution found
    them to be different people (different ages, a father and his son of one name)."""
    by_name: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for e in locals_:
        by_name[(e.document_id, e.type, name_key(e.name))].append(e.local_id)
    return [ids for ids in by_name.values() if len(ids) > 1]


def _analyst_reason(what: str, decision: AnalystDecision) -> str:
    return f"{what}: {decision.reason}" if decision.reason else what


def stable_entity_id(anchor_local_id: str) -> str:
    """An entity's id, derived from its earliest document-level entity: it survives rebuilds,
    new documents and renames, and two builds of one folder give the same ids."""
    return "e-" + hashlib.sha1(anchor_local_id.encode()).hexdigest()[:12]


def _suggestions(guesses: list[tuple[str, str, str, float]], uf: UnionFind[str], entity_of: dict[str, str],
                 by_id: dict[str, LocalEntity], entities: dict[str, Entity]) -> list[MergeSuggestion]:
    """One suggestion per pair of resolved entities (the best-scored reason), none for a pair
    already joined or kept apart by the analyst."""
    best: dict[frozenset[str], MergeSuggestion] = {}
    for a, b, reason, score in guesses:
        ea, eb = entity_of.get(a), entity_of.get(b)
        if not ea or not eb or ea == eb or not uf.can_union(a, b):
            continue
        ea, eb = sorted((ea, eb))
        key = frozenset((ea, eb))
        docs = tuple(sorted({by_id[a].document_id, by_id[b].document_id}))
        s = MergeSuggestion(ea, eb, entities[ea].name, entities[eb].name, reason, score, docs)
        if key not in best or best[key].score < score:
            best[key] = s
    return sorted(best.values(), key=lambda s: (-s.score, s.entity_a, s.entity_b))


def settle_types(locals_: list[LocalEntity], place_mentions: Iterable[tuple[str, str]] = (),
                 place_keys: Iterable[tuple[str, str]] = ()) -> list[LocalEntity]:
    """One name, one kind across the corpus: a document whose syntax misled the typer
    ("founded the group X, as well as Youssef Drici") is outvoted by the documents where the
    same name is clearly a person, a group or a place. A clear majority of documents is needed
    (two to one); otherwise each document keeps its own reading. Names settled as places leave
    the network of actors."""
    docs: dict[str, dict[EntityType, set[str]]] = defaultdict(lambda: defaultdict(set))
    for e in locals_:
        docs[name_key(e.name)][e.type].add(e.document_id)
    for document_id, key in [*((d, name_key(t)) for d, t in place_mentions), *place_keys]:
        if key in docs:
            docs[key][PLACE].add(document_id)
    settled = []
    for e in locals_:
        ranked = sorted(((len(d), t) for t, d in docs[name_key(e.name)].items()), reverse=True)
        top_weight, top = ranked[0]
        others = sum(w for w, _ in ranked[1:])
        if top != e.type and top_weight >= 2 * others:
            if top == PLACE:
                continue
            e = replace(e, type=top)
        settled.append(e)
    return settled


def _split_locals(locals_: list[LocalEntity], distinct: list[AnalystDecision]) -> list[LocalEntity]:
    """'Not the same person' also undoes a join made inside one document: the names of the
    second person move to an entity of their own (ties the document stated stay with the
    first, since the text gave them to the joined entity)."""
    out = list(locals_)
    for decision in distinct:
        key_a, key_b = name_key(decision.name_a), name_key(decision.name_b)
        for k, e in enumerate(out):
            keys = {name_key(n): n for n in e.names}
            if key_a not in keys or key_b not in keys or key_a == key_b:
                continue
            moved = {n for n in e.names if name_key(n) == key_b or (
                len(parts(n)) == 1 and parts(n)[0] in parts(decision.name_b) and parts(n)[0] not in parts(decision.name_a))}
            out[k] = replace(e, names=e.names - moved, explicit_aliases=e.explicit_aliases - moved,
                             name=e.name if e.name not in moved else keys[key_a])
            out.append(LocalEntity(f"{e.local_id}|{key_b}", e.document_id, e.type, keys[key_b], moved,
                                   e.explicit_aliases & moved, e.role, 1))
    return out


def _without_sources(locals_: list[LocalEntity]) -> list[LocalEntity]:
    """News outlets and agencies ('seen by The Channel Post') are where reporting comes from,
    not members of the network: an organisation that every document treating it as an actor
    also cites as a source is dropped, with its mentions kept in the store."""
    roles: dict[str, set[str]] = defaultdict(set)
    for e in locals_:
        if e.type == ORGANIZATION:
            roles[group_key(e.name)].add(e.role)
    sources = {key for key, seen in roles.items() if SOURCE in seen}
    return [e for e in locals_ if not (e.type == ORGANIZATION and group_key(e.name) in sources)]


def _latest_per_pair(decisions: list[AnalystDecision]) -> list[AnalystDecision]:
    """A later merge/distinct decision on the same two names replaces the earlier one."""
    latest: dict[tuple[str, frozenset[str]], AnalystDecision] = {}
    for d in decisions:
        kind = "rename" if d.action == "rename" else "pair"
        key = (kind, frozenset({name_key(d.name_a)}) if kind == "rename" else frozenset({name_key(d.name_a), name_key(d.name_b)}))
        latest.pop(key, None)
        latest[key] = d
    return list(latest.values())


def _build_entities(locals_: list[LocalEntity], uf: UnionFind[str],
                    analyst: list[AnalystDecision]) -> tuple[list[Entity], dict[str, str]]:
    renames = {name_key(d.name_a): d.name_b for d in analyst if d.action == "rename" and not d.anchor_a}
    renamed = {d.anchor_a: d.name_b for d in analyst if d.action == "rename" and d.anchor_a}
    by_id = {e.local_id: e for e in locals_}
    order = {e.local_id: k for k, e in enumerate(locals_)}
    groups = uf.groups()
    entities: list[Entity] = []
    entity_of: dict[str, str] = {}
    shared = _shared_short_forms(locals_, groups)
    for members in sorted(groups.values(), key=lambda m: min(order[x] for x in m)):
        locs = [by_id[m] for m in sorted(members, key=order.__getitem__)]
        etype = Counter(e.type for e in locs).most_common(1)[0][0]
        name = _best_name(locs)
        for e in locs:
            for n in sorted(e.names):
                if name_key(n) in renames:
                    name = renames[name_key(n)]
        name = next((renamed[e.local_id] for e in locs if e.local_id in renamed), name)
        eid = stable_entity_id(locs[0].local_id)
        aliases: list[tuple[str, AliasKind, str | None]] = sorted(
            {(n, "explicit" if n in e.explicit_aliases else "surface", e.document_id) for e in locs for n in e.names})
        surface = {n for n, _, _ in aliases}
        aliases += sorted({(d, "derived", None) for n in surface for d in derived_forms(n, etype)
                           if name_key(d) not in shared} - {(n, "derived", None) for n in surface}, key=lambda a: a[0])
        roles = Counter(e.role for e in locs)
        role: Role = COMMENTATOR if roles[COMMENTATOR] and roles[COMMENTATOR] >= roles[ACTOR] else ACTOR
        entities.append(Entity(eid, etype, name, [Alias(n, k, d) for n, k, d in aliases], role,
                               sorted({e.document_id for e in locs}), sum(e.mention_count for e in locs)))
        for e in locs:
            entity_of[e.local_id] = eid
    return entities, entity_of


_REGNAL = words("regnal_titles.txt")
_GROUP_NOUNS = words("group_nouns.txt")  # lower case after a group's name: "the X movement"
_COUNTRY_PREFIXES = words("creed_words.txt") | {"u.s.", "us", "u.s", "uk", "u.k.", "federal", "national"}


def derived_forms(name: str, etype: str) -> set[str]:
    """Short forms reporting uses for a full name: the surname with and without its
    particle ('al-Kessabi', 'Kessabi'), or a company name without its legal suffix."""
    words = name.split()
    if etype == PERSON and generation(name):
        words = name.rsplit(",", 1)[0].split()[:-1] if "," not in name else name.rsplit(",", 1)[0].split()
    if etype == ORGANIZATION:
        out = set()
        if len(words) > 1 and words[-1] in _GROUP_NOUNS:
            out.add(" ".join(words[:-1]))  # "the Ardentes movement"
        if len(words) > 2 and (words[0].lower() in _COUNTRY_PREFIXES or words[0].isupper() and words[1][:1].isupper()
                               and "." in words[0]):
            out.add(" ".join(words[1:]))  # "U.S. Central Intelligence Agency", "Dutch General Intelligence ..."
        bare = without_legal_form(name)  # "Acme Ltd."
        if bare and bare != name:
            out.add(bare)
        return out
    if etype != PERSON or len(words) < 2 or (len(words) == 2 and words[0].lower() in _REGNAL):
        return set()  # "Queen Elizabeth" is not "Elizabeth"
    last = words[-1]
    out = {last}
    if "-" in last and last.split("-")[0].lower() in {"al", "el", "bin", "ben"}:
        out.add(last.split("-", 1)[1])
    if len(words) > 2 and words[-2].lower() in {"al", "el", "bin", "ben", "ibn", "van", "von", "de", "da", "abu"}:
        out.add(f"{words[-2]} {last}")
    if len(words) > 2 and words[0].lower() in KUNYA_WORDS:
        out.add(f"{words[0]} {words[1]}")  # "Abu Yunus" for "Abu Yunus al-Shishani"
    return {o for o in out if len(o) > 2}


def _shared_short_forms(locals_: list[LocalEntity], groups: dict[str, list[str]]) -> set[str]:
    """Short forms (a bare surname, 'al-X') that more than one resolved entity could claim:
    the surname of a father and his son, of two brothers. Such a form names neither of them
    on its own, so it is never added to either as a derived alias."""
    by_id = {e.local_id: e for e in locals_}
    claims: dict[str, set[str]] = defaultdict(set)
    for root, members in groups.items():
        for m in members:
            e = by_id[m]
            for n in e.names | {e.name}:
                claims[name_key(n)].add(root)
                for d in derived_forms(n, e.type):
                    claims[name_key(d)].add(root)
    return {key for key, roots in claims.items() if len(roots) > 1}


def _best_name(locs: list[LocalEntity]) -> str:
    """The fullest name most mentions use, in Latin letters when the reports give one."""
    votes: Counter[str] = Counter()
    for e in locs:
        name = e.name
        if foreign_script(name):
            name = max((n for n in e.names if not foreign_script(n)), key=lambda n: (len(parts(n)), len(n)), default=name)
        votes[name] += e.mention_count
    return max(votes, key=lambda n: (not foreign_script(n), len(parts(n)) > 1, votes[n], len(n), n))


def _build_relations(local_relations: list[LocalRelation], entity_of: dict[str, str],
                     entities: list[Entity], hedged_factor: float) -> list[Relation]:
    return relations_between(local_relations, entity_of, {e.id: (e.type, e.role) for e in entities}, hedged_factor)


def network_groups(local_relations: Iterable[LocalRelation], entity_of: Mapping[str, str],
                   kinds: Mapping[str, tuple[str, str]]) -> set[str]:
    """Groups somebody of the network (not a commentator) is said to belong to or lead."""
    return {t for r in local_relations if r.type in {LEADER_OF, MEMBER_OF} and (source := entity_of.get(r.source))
            and kinds[source][1] != COMMENTATOR and (t := entity_of.get(r.target))}


def relations_between(local_relations: list[LocalRelation], entity_of: Mapping[str, str],
                      kinds: Mapping[str, tuple[str, str]], hedged_factor: float,
                      groups: set[str] | None = None) -> list[Relation]:
    """Ties between entities out of the ties documents state. `kinds`: entity id -> (type,
    role); `groups`: the network's groups (`network_groups` of these ties by default)."""
    network = groups if groups is not None else network_groups(local_relations, entity_of, kinds)
    grouped: dict[tuple[str, str, RelationType], list[LocalRelation]] = defaultdict(list)
    for r in local_relations:
        s, t = entity_of.get(r.source), entity_of.get(r.target)
        if not s or not t or s == t:
            continue
        if (r.type in {LEADER_OF, MEMBER_OF}) != (kinds[s][0] == PERSON and kinds[t][0] == ORGANIZATION):
            continue  # the corpus settled one end's type differently from the document
        if kinds[s][1] == COMMENTATOR or kinds[t][1] == COMMENTATOR:
            # A commentator keeps only the tie to the institution they speak for, never one to
            # a group of the network ("we had been aware of him as a facilitator for X").
            if not (r.type in {LEADER_OF, MEMBER_OF} and kinds[t][0] == ORGANIZATION) or t in network:
                continue
        if r.type not in DIRECTED_TYPES:
            s, t = sorted((s, t))
        grouped[(s, t, r.type)].append(r)
    relations = []
    for (s, t, rtype), rows in sorted(grouped.items()):
        evidence = list({(e.document_id, e.start): e for e in (r.evidence for r in rows)}.values())
        per_doc: dict[str, bool] = {}
        for e in evidence:
            per_doc[e.document_id] = per_doc.get(e.document_id, True) and e.hedged
        doubt = 1.0
        for hedged in per_doc.values():
            doubt *= 1 - (0.6 * hedged_factor if hedged else 0.6)
        dated = min((r for r in rows if r.date), key=lambda r: date_key(r.date or ""), default=None)
        subtypes = Counter(r.subtype for r in rows if r.subtype)
        relations.append(Relation(
            s, t, rtype, sorted(evidence, key=lambda e: (e.document_id, e.start)),
            subtype=subtypes.most_common(1)[0][0] if subtypes else None,
            hedged=all(per_doc.values()), confidence=round(1 - doubt, 3),
            date=dated.date if dated else None, id=f"{s}|{rtype}|{t}",
            date_source=dated.date_source if dated else None))
    return relations


__all__ = ["AnalystDecision", "Evidence", "Resolution", "resolve_corpus", "resolve_entities", "relations_between"]
