"""Bring a case's network up to date with its documents and the analyst's decisions, block by block.

Resolution is a function of the document-level entities (resolve/cross_doc.py), but it never
needs them all at once: entities can only be joined, compared or voted with those they share a
key with (resolve/blocks.py). The closure of those keys splits the corpus into components, each
resolved on its own with the same result as the whole. So:

- a build re-resolves only the components its new, edited or removed documents touch, and an
  analyst decision only those of the entities it names; everything else stays as stored;
- a whole resolution (the first build, `resolve`) goes through the components one batch at a
  time, loading each from the store, so its memory does not grow with the corpus.

Ties are then recomputed for the entities that changed (and only them), and events, which are few,
for the whole case. Everything is written in one transaction: readers never see half a network.
"""

from __future__ import annotations

import hashlib
import json
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from linkchart.model import (
    ORGANIZATION,
    AnalystDecision,
    Entity,
    Event,
    LocalEntity,
    Relation,
    Resolution,
    as_entity_type,
    as_role,
)
from linkchart.names import forget_cached_names
from linkchart.resolve.blocks import decision_keys, place_keys, resolution_keys
from linkchart.resolve.cross_doc import company_of, relations_between, resolve_entities
from linkchart.resolve.events import resolve_events
from linkchart.settings import Settings
from linkchart.store import Store

BATCH_LOCALS = 2000  # document-level entities resolved together (memory is bounded by a batch)
FiledKey = tuple[str | None, str, bool]  # (local id, or none for a place's; key; active)
FILING_BATCH = 200  # documents whose keys are filed together
RELATION_CHUNK = 500  # entities whose ties are recomputed together
NAMES_CACHED = 8000  # cached forms of names kept between batches (they would grow with the corpus)


@dataclass
class UpdateReport:
    """What a resolution did: how much of the corpus it re-resolved and what it changed."""

    whole: bool = False  # every component was resolved (first build, or asked for)
    resolved_locals: int = 0  # document-level entities re-resolved
    components: int = 0
    counts: dict[str, int] = field(default_factory=lambda: {"added": 0, "changed": 0, "removed": 0})

    def add(self, counts: dict[str, int]) -> None:
        for k, v in counts.items():
            self.counts[k] = self.counts.get(k, 0) + v


def update_network(store: Store, settings: Settings, *, whole: bool = False) -> UpdateReport:
    """Re-resolve what changed since the last resolution (everything when `whole`, or when the
    stored network was never resolved block by block)."""
    report = UpdateReport()
    with store.transaction():
        decisions = store.analyst_decisions()
        before = set(json.loads(store.get_meta("resolved_decisions") or "[]"))
        keying = _keying(settings)
        stale_keys = store.get_meta("resolution_keys") != keying
        whole = whole or stale_keys or store.resolved_document_count() == 0
        report.whole = whole
        links = _DecisionLinks(decisions)
        if whole:
            if stale_keys:  # filed by another version of the keys (or never): file every document again
                store.forget_resolution_keys()
                store.set_meta("resolution_keys", keying)
            for _ in _file_keys(store, store.unresolved_documents(), settings, fresh=stale_keys):
                pass
            store.index_resolution_keys()
        seeds = None if whole else _touched(store, settings, decisions, before)
        affected = _resolve_components(store, settings, seeds, decisions, links, report)
        if whole:  # entities no component produced (an earlier import, a removed document's)
            stale = [e for e in store.entity_ids() if e not in affected.produced]
            report.counts["removed"] += store.remove_entities(stale)
        _update_relations(store, settings, affected, report)
        report.add(store.write_events(_events(store)))
        store.set_meta("resolved_decisions", json.dumps(sorted(d.id for d in decisions)))
        if any(report.counts.values()):
            store.note_network_change()
    return report


def _keying(settings: Settings) -> str:
    """The version of the keys: the code that files them and the matching rules and lexicons they
    follow, and the similarity floor. Another version files every document again."""
    root = Path(__file__).parent
    digest = hashlib.sha1(str(settings.variant_similarity).encode())
    for path in sorted([*(root / "resolve").glob("*.py"), *(root / "lexicon").glob("*.txt"), root / "names.py",
                        root / "extract" / "within_doc.py"]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def _file_keys(store: Store, document_ids: list[str], settings: Settings, *,
               fresh: bool = False) -> Iterator[tuple[str, list[FiledKey]]]:
    """Compute and store the keys of documents (those of their places have no local id), reading
    their entities a batch of documents at a time (`fresh`: no keys are filed yet)."""
    for start in range(0, len(document_ids), FILING_BATCH):
        batch = document_ids[start:start + FILING_BATCH]
        by_document: dict[str, list[LocalEntity]] = {d: [] for d in batch}
        for e in store.local_entities_of(batch):
            by_document[e.document_id].append(e)
        for document_id in batch:
            keys: list[FiledKey] = list(resolution_keys(by_document[document_id], settings.variant_similarity))
            keys += [(None, k, False) for k in sorted(place_keys(store.place_names(document_id)))]
            store.set_document_keys(document_id, keys, fresh=fresh)
            yield document_id, keys
        forget_cached_names(beyond=NAMES_CACHED)


def _touched(store: Store, settings: Settings, decisions: list[AnalystDecision], before: set[int]) -> list[str]:
    """The document-level entities a change reaches: those of new, edited and removed documents
    (by the keys they had and have), and those of decisions made or undone since."""
    seeds: list[str] = []
    old_keys: list[tuple[str, bool]] = []
    unresolved = store.unresolved_documents()
    had = {d: store.document_keys(d) for d in unresolved}  # what they touched before
    for document_id, keys in _file_keys(store, unresolved, settings):
        for local, key, active in [*had.pop(document_id), *keys]:
            old_keys.append((key, active))  # what it touched before and touches now
            if local is not None:
                seeds.append(local)  # its entities, and those it was part of if it is gone
    changed = {d.id for d in decisions} ^ before
    everything = {d.id: d for d in store.analyst_decisions(include_undone=True)}
    for decision_id in sorted(changed):
        if decision_id in everything:
            old_keys += [(k, True) for k in decision_keys(everything[decision_id])]
    seeds += [local for local, _ in store.key_holders({k for k, a in old_keys if a})]
    seeds += [local for local, _ in store.key_holders({k for k, a in old_keys if not a}, active_only=True)]
    seeds += [k[3:] for k, _ in old_keys if k.startswith("id:")]
    return list(dict.fromkeys(seeds))


class _DecisionLinks:
    """The keys each analyst decision ties together, found from any one of them."""

    def __init__(self, decisions: list[AnalystDecision]) -> None:
        self.keys = [decision_keys(d) for d in decisions]
        self.by_key: dict[str, list[int]] = {}
        for k, keys in enumerate(self.keys):
            for key in keys:
                self.by_key.setdefault(key, []).append(k)

    def linked(self, keys: Iterable[str]) -> set[str]:
        return {x for key in keys for k in self.by_key.get(key, ()) for x in self.keys[k]}


@dataclass
class _Affected:
    entities: set[str] = field(default_factory=set)  # entity ids before and after
    produced: set[str] = field(default_factory=set)  # entity ids resolution produced


class _Walk:
    """Walks from document-level entities to those they can be resolved with, remembering what it
    has followed: each key and each former entity is expanded once per resolution, however many
    entities hold it, so the walk costs what the keys table holds, not its square. What one
    component followed no other can reach (every holder of a key followed in full, and every
    active holder of one followed from a passive holder, is in that component)."""

    def __init__(self, store: Store, links: _DecisionLinks) -> None:
        self.store = store
        self.links = links
        self.every_holder: set[str] = set()  # keys whose holders were all taken in
        self.active_holders: set[str] = set()  # keys whose active holders were taken in
        self.entities: set[str] = set()  # former entities whose members were taken in
        self.linked: set[str] = set()  # keys analyst decisions tied together, followed
        self.done: set[str] = set()

    def component(self, seed: str) -> set[str]:
        """Every document-level entity that the seed could be joined to, compared or voted with,
        directly or through others; and every member of the entities they belonged to."""
        component: set[str] = set()
        frontier = {seed}
        while frontier:
            component |= frontier
            keys = self.store.keys_of(frontier)
            every = {k for _, k, active in keys if active} - self.every_holder
            active = {k for _, k, a in keys if not a} - self.every_holder - self.active_holders - every
            self.every_holder |= every
            self.active_holders |= active
            found = {x for x, _ in self.store.key_holders(every)}
            found |= {x for x, _ in self.store.key_holders(active, active_only=True)}
            entities = set(self.store.members(local_ids=frontier).values()) - self.entities
            self.entities |= entities
            found |= set(self.store.members(entity_ids=entities))
            if self.links.by_key:  # analyst decisions tie what they name together
                linked = self.links.linked({*(k for _, k, _ in keys), *("id:" + x for x in frontier)}) - self.linked
                self.linked |= linked
                found |= {x for x, _ in self.store.key_holders(linked)} | {k[3:] for k in linked if k.startswith("id:")}
            frontier = {x.split("|")[0] for x in found} - component
        self.done |= component
        return component


def _components(store: Store, seeds: Iterable[str], links: _DecisionLinks) -> Iterator[set[str]]:
    walk = _Walk(store, links)
    for seed in seeds:
        if seed not in walk.done:
            yield walk.component(seed)


def _every_component(store: Store, links: _DecisionLinks) -> Iterator[set[str]]:
    """Every component of the case, from one pass over the keys and the entities (a whole
    resolution): a key with an active holder binds all its holders, an entity its members, an
    analyst decision what it names. The same components as the walk, without a query per step.
    Document-level entities are numbers here (their positions in the store) in flat arrays, so
    the pass holds a few bytes per entity, not its id; components come in the order of their
    first entity, their ids read a batch at a time."""
    top, exists = 0, bytearray()
    for position in store.local_positions():
        if position >= len(exists):
            exists.extend(bytes(max(position + 1 - len(exists), len(exists))))
        exists[position] = 1
        top = max(top, position)
    parent = array("q", range(top + 1))

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    def bind(group: list[int]) -> None:
        first = find(group[0])
        for x in group[1:]:
            root = find(x)
            if root != first:
                parent[root] = first

    for group in store.bound_groups():
        bind(group)
    for keys in links.keys:  # analyst decisions tie what they name together
        named = [x.split("|")[0] for x, _ in store.key_holders(keys)] + [k[3:].split("|")[0] for k in keys if k.startswith("id:")]
        if (positions := store.local_positions_of(named)):
            bind(positions)
    following = array("q", [-1]) * (top + 1)  # the next member of a component, in order of position
    last = array("q", [-1]) * (top + 1)  # per root: the last member seen
    for position in range(top + 1):
        if position < len(exists) and exists[position]:
            root = find(position)
            if last[root] >= 0:
                following[last[root]] = position
            last[root] = position
    del last
    started = bytearray(top + 1)
    pending: list[list[int]] = []
    for position in range(top + 1):
        if position < len(exists) and exists[position] and not started[root := find(position)]:
            started[root] = 1
            members, at = [], position
            while at >= 0:
                members.append(at)
                at = following[at]
            pending.append(members)
            if sum(len(m) for m in pending) >= BATCH_LOCALS:
                yield from _local_ids_of(store, pending)
                pending = []
    yield from _local_ids_of(store, pending)


def _local_ids_of(store: Store, components: list[list[int]]) -> Iterator[set[str]]:
    ids = store.local_ids_at(p for members in components for p in members)
    for members in components:
        yield {ids[p] for p in members}


def _resolve_components(store: Store, settings: Settings, seeds: Iterable[str] | None, decisions: list[AnalystDecision],
                        links: _DecisionLinks, report: UpdateReport) -> _Affected:
    """Resolve the components of the seeds (every component, without seeds), a batch at a time."""
    affected = _Affected()
    batch: set[str] = set()
    for component in _components(store, seeds, links) if seeds is not None else _every_component(store, links):
        report.components += 1
        batch |= component
        if len(batch) >= BATCH_LOCALS:
            _resolve_batch(store, settings, batch, decisions, affected, report)
            batch = set()
    if batch:
        _resolve_batch(store, settings, batch, decisions, affected, report)
    return affected


def _resolve_batch(store: Store, settings: Settings, batch: set[str], decisions: list[AnalystDecision],
                   affected: _Affected, report: UpdateReport) -> None:
    """Resolve whole components together (they cannot affect one another) and write them."""
    old = store.members(local_ids=batch)
    replaced = set(old.values())
    locals_ = store.local_entities_by_id(batch)
    report.resolved_locals += len(locals_)
    company = company_of(store.names_in_documents({e.document_id for e in locals_}))  # the company each keeps
    name_keys = {k for _, k, _ in store.keys_of((e.local_id for e in locals_), "nk:")}
    places = [(d, k[3:]) for d, k in store.place_keys(name_keys)]
    resolution = resolve_entities(locals_, decisions, variant_floor=settings.variant_similarity, place_keys=places,
                                  company=company)
    report.add(store.write_entities(resolution, replaced))
    affected.entities |= replaced | {e.id for e in resolution.entities}
    affected.produced |= {e.id for e in resolution.entities}
    forget_cached_names(beyond=NAMES_CACHED)


def _update_relations(store: Store, settings: Settings, affected: _Affected, report: UpdateReport) -> None:
    """Recompute the ties of the entities that changed, a chunk of entities at a time; a tie
    is written once, with the chunk of the first of its ends that changed."""
    ids = sorted(affected.entities)
    recount: set[str] = set()
    for start in range(0, len(ids), RELATION_CHUNK):
        chunk = ids[start:start + RELATION_CHUNK]
        owned = set(chunk)
        rows = store.relation_inputs(chunk)
        entity_of = {}
        for r, s, t in rows:
            entity_of[r.source], entity_of[r.target] = s, t
        kinds = store.entity_kinds({*entity_of.values()})
        groups = store.network_groups({v for v in entity_of.values() if kinds.get(v, ("", ""))[0] == ORGANIZATION})
        relations = [r for r in relations_between([r for r, _, _ in rows], entity_of, kinds, settings.hedged_confidence_factor,
                                                  groups) if _owner(r, affected.entities) in owned]
        stored = {k: ends for k, ends in store.relations_touching(chunk).items()
                  if _owner_of(ends, affected.entities) in owned}
        counts = store.write_relations(relations, sorted(stored))
        report.add(counts)
        if any(counts.values()):
            recount |= {x for ends in stored.values() for x in ends} | {x for r in relations for x in (r.source, r.target)}
        recount |= {e for e in chunk if e in affected.produced}
    store.recount_ties(recount)


def _owner(r: Relation, affected: set[str]) -> str:
    return _owner_of((r.source, r.target), affected)


def _owner_of(ends: tuple[str, str], affected: set[str]) -> str:
    return min(x for x in ends if x in affected)


def _events(store: Store) -> list[Event]:
    """Events of the whole case (they are few): one per attack, one per trip."""
    events = list(store.local_events())
    participants = {p for ev in events for p in ev.participants}
    entity_of = store.members(local_ids=participants)
    kinds = store.entity_kinds(set(entity_of.values()))
    entities = {i: Entity(i, as_entity_type(t), "", role=as_role(role)) for i, (t, role) in kinds.items()}
    return resolve_events(events, entity_of, entities)


__all__ = ["Resolution", "UpdateReport", "update_network"]
