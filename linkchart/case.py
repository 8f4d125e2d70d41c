"""The Case service: the one object the CLI and the web server call.

A case is a store plus the settings it was built with. Every user task is a method here, so the
command line and the browser behave alike, and errors reach users as one `LinkchartError` line.
Read-only tasks open the store read-only: pointing linkchart at a file never changes it unless
the task is meant to (build, merge, split, rename, undo).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkchart.errors import LinkchartError
from linkchart.model import (
    ORGANIZATION,
    PERSON,
    AnalystDecision,
    Document,
    DocumentSummary,
    Entity,
    EntitySummary,
    Event,
    Mention,
    MergeDecision,
    MergeSuggestion,
    Network,
    Page,
    Relation,
    Resolution,
)
from linkchart.settings import Settings
from linkchart.store import Store, open_store
from linkchart.store.base import settings_to_json
from linkchart.store.lookup import lookup_key

if TYPE_CHECKING:
    from linkchart.export.bundle import BundleOutcome
    from linkchart.export.registry import ImportedNetwork

_SAVED_SETTINGS = {f.name for f in fields(Settings)} - {"db", "debug"}


@dataclass(frozen=True)
class DecisionOutcome:
    """What an analyst decision changed, said plainly."""

    decision_id: int
    message: str
    entity_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityView:
    """Everything the entity page and `linkchart show` present about one entity."""

    entity: Entity
    ties: list[Relation]
    events: list[Event]
    names: dict[str, str]  # entity id -> display name, for the other ends of ties
    documents: dict[str, DocumentSummary]


class Case:
    def __init__(self, store: Store, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.last_resolution: dict[str, int] = {}  # counts of the last resolution (what it re-resolved)

    @classmethod
    def open(cls, db: Path | str, *, writable: bool = False, settings: Settings | None = None) -> Case:
        """Open a case. Read-only unless `writable`; a writable case is created when missing.
        Settings saved with the case win over defaults; `settings` given here override both
        and are saved (a build with --max-file-mb keeps that limit for later builds)."""
        store = open_store(db, read_only=not writable)
        saved = json.loads(store.get_meta("settings") or "{}")
        base = Settings(db=Path(str(db)))
        known = {k: v for k, v in saved.items() if k in _SAVED_SETTINGS}
        merged = base.with_overrides(**known)
        if settings is not None:
            merged = merged.with_overrides(**{k: getattr(settings, k) for k in _SAVED_SETTINGS
                                              if getattr(settings, k) != getattr(Settings(), k)})
        case = cls(store, merged)
        if writable:
            values = {k: v for k, v in asdict(merged).items() if k in _SAVED_SETTINGS}
            store.set_meta("settings", json.dumps(settings_to_json(values), sort_keys=True))
        return case

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Building ----------------------------------------------------------------------------
    def build(self, paths: list[Path], *, extractor: Any | None = None, progress: Callable[[str], None] | None = None,
              on_total: Callable[[int], None] | None = None, reextract: bool = False, **options: Any) -> Any:
        """`options`: sync, workers, engine, scheduler, within_file (see build.build)."""
        from linkchart.build import build

        return build(paths, self.store, self.settings, extractor=extractor, progress=progress, on_total=on_total,
                     reextract=reextract, **options)

    def remove(self, refs: list[str]) -> tuple[list[str], dict[str, int]]:
        """Drop documents (ids or paths) and what only they supported."""
        from linkchart.build import remove

        removed, self.last_resolution = remove(self.store, self.settings, refs)
        return removed, self.last_resolution

    def resolve(self, *, whole: bool = False) -> dict[str, int]:
        """Bring the network up to date (re-resolving only what changed, or everything when
        `whole`); the counts say how many document-level entities were re-resolved."""
        from linkchart.build import resolve

        self.last_resolution = resolve(self.store, self.settings, whole=whole)
        return self.last_resolution

    def state_warning(self) -> str | None:
        """A case whose last build was stopped says so instead of looking complete."""
        if self.store.get_meta("build_state") == "running":
            return "the last build of this case did not finish; run 'linkchart build' again to complete it"
        return None

    # Reading -----------------------------------------------------------------------------
    def entities(self, *, type: str | None = None, role: str | None = None, query: str | None = None,  # noqa: A002
                 sort: str = "ties", offset: int = 0, limit: int = 50) -> Page[EntitySummary]:
        if type is not None and type not in {PERSON, ORGANIZATION}:
            raise LinkchartError(f"unknown entity type '{type}' (use person or organization)")
        if offset < 0 or limit < 1:
            raise LinkchartError("offset must be 0 or more and limit 1 or more")
        return self.store.entities_page(type=type, role=role, query=query, sort=sort, offset=offset, limit=limit)

    def find(self, name: str) -> list[Entity]:
        return self.store.find_entities(name)

    def entity(self, ref: str) -> Entity:
        """The one entity an id or a name refers to; otherwise a one-line error."""
        if not ref.strip():
            raise LinkchartError("give a name or an entity id")
        found = self.store.find_entities(ref)
        if not found:
            raise LinkchartError(f"no entity named '{ref}'")
        if len(found) > 1:
            exact = [e for e in found if lookup_key(e.name) == lookup_key(ref)]
            if len(exact) == 1:
                return exact[0]
            raise LinkchartError(f"'{ref}' is ambiguous: " + "; ".join(f"{e.name} ({e.id})" for e in found))
        return found[0]

    def view(self, ref: str) -> EntityView:
        entity = self.entity(ref)
        ties = self.store.relations_of(entity.id)
        events = self.store.events_of(entity.id)
        others = {x for r in ties for x in (r.source, r.target)} | {p for ev in events for p in ev.participants}
        names = {e.id: e.name for e in self.store.entities(sorted(others | {entity.id}))}
        doc_ids = set(entity.documents) | {e.document_id for r in ties for e in r.evidence} | {
            e.document_id for ev in events for e in ev.evidence}
        return EntityView(entity, ties, events, names, self.store.document_summaries(sorted(doc_ids)))

    def why(self, ref: str) -> tuple[Entity, list[MergeDecision], list[MergeDecision]]:
        """The joins across documents that made the entity, and those made inside documents."""
        entity = self.entity(ref)
        names = {lookup_key(n) for n in entity.alias_names()}
        local = [m for m in self.store.local_merges(entity.documents)
                 if lookup_key(m.name_a) in names or lookup_key(m.name_b) in names]
        return entity, self.store.merge_decisions(entity.id), local

    def document(self, document_id: str) -> Document:
        doc = self.store.document(document_id)
        if doc is None:
            raise LinkchartError(f"no document '{document_id}'")
        return doc

    def documents(self, *, offset: int = 0, limit: int = 50) -> Page[DocumentSummary]:
        return self.store.documents_page(offset, limit)

    def mentions(self, document_id: str) -> list[Mention]:
        self.document(document_id)
        return self.store.mentions(document_id)

    def search(self, query: str, limit: int = 20) -> tuple[list[Entity], list[tuple[DocumentSummary, str]]]:
        if not query.strip():
            raise LinkchartError("give something to search for")
        return self.store.find_entities(query, limit), self.store.search_documents(query, limit)

    def network(self, *, as_of: str | None = None, ego: str | None = None, hops: int = 1, actors_only: bool = False,
                with_sources: bool = False) -> Network:
        """The network or a slice of it. `with_sources` adds each document's original text and
        offset map, so evidence can be cited by file line (exports, analysis tables)."""
        if ego is not None:
            if hops < 1:
                raise LinkchartError("hops must be 1 or more")
            network = self.store.ego_network(self.entity(ego).id, hops)
        else:
            network = self.store.network(as_of=as_of, with_sources=with_sources)
        if actors_only:
            keep = {e.id for e in network.entities if e.role == "actor"}
            network = Network([e for e in network.entities if e.id in keep],
                              [r for r in network.relations if r.source in keep and r.target in keep],
                              network.documents, network.events)
        return network

    def data_version(self) -> int:
        return self.store.data_version()

    def export(self, fmt: str, output: Path, *, actors_only: bool = False) -> list[Path]:
        from linkchart.export import export_network

        return export_network(self.network(actors_only=actors_only, with_sources=True), fmt, output)

    # Analyst decisions -------------------------------------------------------------------
    def decisions(self, *, include_undone: bool = True) -> list[AnalystDecision]:
        return self.store.analyst_decisions(include_undone=include_undone)

    def merge(self, a: str, b: str, reason: str = "") -> DecisionOutcome:
        """NAME_A and NAME_B (names or ids) are one entity."""
        ea, eb = self.entity(a), self.entity(b)
        if ea.id == eb.id:
            raise LinkchartError(f"'{a}' and '{b}' are already one entity: {ea.name} ({ea.id})")
        if ea.type != eb.type:
            raise LinkchartError(f"cannot merge {ea.name} ({ea.type}) with {eb.name} ({eb.type})")
        decision = AnalystDecision("merge", ea.name, eb.name, ea.id, eb.id, self._anchor(ea), self._anchor(eb), reason)
        did = self.store.add_decision(decision)
        self.resolve()
        after_a, after_b = self.store.entity(ea.id), self.store.entity(eb.id)
        if after_a is None or after_b is None or after_a.id != after_b.id:
            self._take_back(did)
            raise LinkchartError(f"could not merge {ea.name} and {eb.name}: an earlier 'not the same' decision keeps them"
                                 " apart (see 'linkchart decisions' and undo it first)")
        return DecisionOutcome(did, f"merged {ea.name} ({ea.id}) and {eb.name} ({eb.id}) into {after_a.name}"
                                    f" ({after_a.id}); decision #{did}", (after_a.id,))

    def split(self, a: str, b: str, reason: str = "") -> DecisionOutcome:
        """Names NAME_A and NAME_B, now held by one entity, are two people."""
        holder = self._holder(a)
        if lookup_key(a) == lookup_key(b):
            raise LinkchartError("give two different names to split")
        other = self._holder(b)
        if holder.id != other.id:
            raise LinkchartError(f"'{a}' ({holder.name}, {holder.id}) and '{b}' ({other.name}, {other.id}) are already"
                                 " apart; nothing to split")
        name_a, name_b = self._name_in(holder, a), self._name_in(holder, b)
        did = self.store.add_decision(AnalystDecision("distinct", name_a, name_b, holder.id, holder.id, reason=reason))
        self.resolve()
        first, second = self._holder_or_none(name_a), self._holder_or_none(name_b)
        if first is None or second is None or first.id == second.id:
            self._take_back(did)
            raise LinkchartError(f"could not split '{name_a}' from '{name_b}'")
        return DecisionOutcome(did, f"split {holder.name} ({holder.id}): '{name_a}' is now {first.name} ({first.id}),"
                                    f" '{name_b}' is {second.name} ({second.id}); decision #{did}", (first.id, second.id))

    def rename(self, ref: str, new_name: str, reason: str = "") -> DecisionOutcome:
        entity = self.entity(ref)
        new_name = " ".join(new_name.split())
        if not new_name:
            raise LinkchartError("the new name is empty")
        clash = [e for e in self.store.find_entities(new_name) if e.id != entity.id and lookup_key(e.name) == lookup_key(new_name)]
        if clash:
            raise LinkchartError(f"'{new_name}' is already the name of {clash[0].name} ({clash[0].id}); merge them instead")
        if new_name == entity.name:
            raise LinkchartError(f"{entity.id} is already called '{new_name}'")
        did = self.store.add_decision(AnalystDecision("rename", entity.name, new_name, entity.id, "", self._anchor(entity),
                                                      reason=reason))
        self.resolve()
        return DecisionOutcome(did, f"renamed {entity.name} ({entity.id}) to {new_name}; decision #{did}", (entity.id,))

    def undo(self, decision_id: int) -> DecisionOutcome:
        known = {d.id: d for d in self.store.analyst_decisions(include_undone=True)}
        if decision_id not in known:
            raise LinkchartError(f"no decision #{decision_id}")
        if not self.store.undo_decision(decision_id):
            raise LinkchartError(f"decision #{decision_id} was already undone")
        before = self.store.entity_count()
        self.resolve()
        d = known[decision_id]
        return DecisionOutcome(decision_id, f"undid #{decision_id} ({d.action} {d.name_a}"
                                            f"{' / ' + d.name_b if d.name_b else ''}); network: {before} → "
                                            f"{self.store.entity_count()} entities")

    # The review queue ------------------------------------------------------------------
    def review(self) -> list[tuple[str, MergeSuggestion]]:
        """Possible joins resolution did not make on its own, best first, each with its reason."""
        return self.store.suggestions()

    def _suggestion(self, suggestion_id: str) -> MergeSuggestion:
        found = dict(self.store.suggestions()).get(suggestion_id)
        if found is None:
            raise LinkchartError(f"no open suggestion '{suggestion_id}' (see 'linkchart review')")
        return found

    def accept(self, suggestion_id: str, reason: str = "") -> DecisionOutcome:
        """The analyst confirms a suggestion: an analyst merge, kept across rebuilds."""
        s = self._suggestion(suggestion_id)
        return self.merge(s.entity_a, s.entity_b, reason or f"accepted suggestion: {s.reason}")

    def reject(self, suggestion_id: str, reason: str = "") -> DecisionOutcome:
        """The analyst rules a suggestion out: the two entities stay apart, and it is not asked again."""
        s = self._suggestion(suggestion_id)
        ea, eb = self.entity(s.entity_a), self.entity(s.entity_b)
        did = self.store.add_decision(AnalystDecision("distinct", ea.name, eb.name, ea.id, eb.id, self._anchor(ea),
                                                      self._anchor(eb), reason or f"rejected suggestion: {s.reason}"))
        self.resolve()
        return DecisionOutcome(did, f"kept {ea.name} ({ea.id}) and {eb.name} ({eb.id}) apart; decision #{did}", (ea.id, eb.id))

    def _take_back(self, decision_id: int) -> None:
        self.store.undo_decision(decision_id)
        self.resolve()

    def _anchor(self, entity: Entity) -> str:
        return self.store.anchor_of(entity.id) or ""

    def _holder(self, name: str) -> Entity:
        found = self._holder_or_none(name)
        if found is None:
            raise LinkchartError(f"no entity has the name '{name}'")
        return found

    def _holder_or_none(self, name: str) -> Entity | None:
        key = lookup_key(name)
        found = [e for e in self.store.find_entities(name) if any(lookup_key(n) == key for n in e.alias_names())]
        if len(found) > 1:
            raise LinkchartError(f"'{name}' is a name of several entities: " + "; ".join(f"{e.name} ({e.id})" for e in found))
        return found[0] if found else None

    @staticmethod
    def _name_in(entity: Entity, name: str) -> str:
        key = lookup_key(name)
        return next(n for n in entity.alias_names() if lookup_key(n) == key)

    # ===============================================================================
    # Interchange: imported networks and case bundles (issue 17). Appended section; the
    # formats themselves live in linkchart/export/ (importers.py, bundle.py).
    # ======================================================================================
    def origin(self) -> dict[str, Any] | None:
        """Where the case came from when it was not built here: an imported network or a bundle."""
        saved = self.store.get_meta("origin")
        return json.loads(saved) if saved else None

    def is_imported(self) -> bool:
        origin = self.origin()
        return bool(origin and origin.get("kind") == "imported")

    def import_file(self, path: Path, fmt: str | None = None) -> ImportOutcome:
        """Read a network made elsewhere (GraphML, GEXF, CSV edge list) into this case."""
        from linkchart.export import importer_for

        return self.import_network(importer_for(path, fmt).read(path))

    def import_network(self, imported: ImportedNetwork) -> ImportOutcome:
        """Store an imported network as the case's network, without extraction: the file is its
        one document, every tie's evidence the record that states it. Only an empty case or one
        that holds an earlier import takes it (a built network would be replaced by the next
        build); importing again brings the network to the new file, keeping the ids of nodes
        that are still there."""
        from linkchart.ingest import minhash

        if not self.is_imported() and self.store.documents_page(0, 1).total:
            raise LinkchartError(f"{self.settings.db}: holds a case built from documents; import into a new --db")
        doc = imported.document
        if not self.store.has_hash(doc.content_hash):
            self.store.add_document(doc, minhash(doc.text, shingle_words=self.settings.shingle_words,
                                                 permutations=self.settings.minhash_permutations))
        network = imported.network
        counts = self.store.write_network(Resolution(network.entities, network.relations, [], network.events, {}))
        origin = {"kind": "imported", "format": imported.format, "file": doc.path, "document": doc.id,
                  "content_hash": doc.content_hash, "entities": len(network.entities), "ties": len(network.relations),
                  "notes": imported.notes, "imported_at": datetime.now(UTC).isoformat(timespec="seconds")}
        self.store.set_meta("origin", json.dumps(origin, ensure_ascii=False, sort_keys=True))
        self.store.set_meta("build_state", "complete")
        return ImportOutcome(doc.path, imported.format, len(network.entities), len(network.relations), counts,
                             list(imported.notes))

    def bundle(self, output: Path) -> BundleOutcome:
        """Write the whole case (documents and their extraction, analyst decisions, settings, the
        network) into one file another analyst opens offline with `open_bundle`."""
        from linkchart.export.bundle import collect_case, write_bundle

        return write_bundle(output, collect_case(self.store))

    @classmethod
    def open_bundle(cls, bundle: Path, db: Path) -> BundleOutcome:
        """Check a bundle's manifest and hashes, then restore it into the new case `db`. A
        tampered, truncated or foreign file is refused before anything is written."""
        from linkchart.export.bundle import bundle_settings, read_bundle, restore_case

        if db.exists():
            raise LinkchartError(f"{db}: already exists; give a new --db to open the bundle into")
        contents = read_bundle(bundle)
        partial = db.with_name(db.name + ".partial")
        saved = {k: v for k, v in bundle_settings(contents).items() if k in _SAVED_SETTINGS}
        leftovers = [partial, partial.with_name(partial.name + "-wal"), partial.with_name(partial.name + "-shm")]
        for leftover in leftovers:
            leftover.unlink(missing_ok=True)
        try:
            with cls.open(partial, writable=True, settings=Settings(db=partial).with_overrides(**saved)) as case:
                outcome = restore_case(case, contents, db)
            partial.rename(db)
        except BaseException:
            for leftover in leftovers:
                leftover.unlink(missing_ok=True)
            raise
        return outcome

    @staticmethod
    def _built_from_documents[**P, R](method: Callable[P, R]) -> Callable[P, R]:
        """Build, resolve and the analyst decisions recompute the network from extracted
        documents; an imported case has none, so they would erase it. They say so instead."""

        @functools.wraps(method)
        def guarded(*args: P.args, **kwargs: P.kwargs) -> R:
            case = args[0]
            if isinstance(case, Case) and case.is_imported():
                origin = case.origin() or {}
                raise LinkchartError(f"{case.settings.db}: holds a network imported from {origin.get('file', '?')};"
                                     f" '{method.__name__}' works on cases built from documents (correct the file and"
                                     " import it again)")
            return method(*args, **kwargs)

        return guarded

    build = _built_from_documents(build)
    remove = _built_from_documents(remove)
    resolve = _built_from_documents(resolve)
    merge = _built_from_documents(merge)
    split = _built_from_documents(split)
    rename = _built_from_documents(rename)
    undo = _built_from_documents(undo)
    accept = _built_from_documents(accept)
    reject = _built_from_documents(reject)

    # Web workbench (issue 15): saved charts. Append-only section --------------------------
    def saved_charts(self) -> dict[str, dict[str, Any]]:
        """Named link charts saved from the browser, each with the data version it was made on."""
        charts = json.loads(self.store.get_meta("saved_charts") or "{}")
        return charts if isinstance(charts, dict) else {}

    def save_chart(self, name: str, state: dict[str, Any]) -> dict[str, Any]:
        """Keep a named chart (positions, filters, hidden people, groups); a newer one replaces it."""
        name = " ".join(name.split())
        if not name or len(name) > 100:
            raise LinkchartError("give the chart a name of 1 to 100 characters")
        charts = self.saved_charts()
        saved = {"name": name, "data_version": self.data_version(), "state": state}
        charts[name] = saved
        self.store.set_meta("saved_charts", json.dumps(charts, ensure_ascii=False))
        return saved

    def prepared(self, key: str) -> str | None:
        """What the workbench computed from the network (the chart, its measures), kept with the
        case so a restarted server shows a large chart at once; None when the data changed since."""
        kept = self.store.get_meta(f"prepared:{key}")
        if not kept:
            return None
        version, _, text = kept.partition("\n")
        return text if version == str(self.data_version()) else None

    def keep_prepared(self, key: str, data_version: int, text: str) -> None:
        """Keep `text`, computed on `data_version`, for `prepared` (one value per key)."""
        self.store.set_meta(f"prepared:{key}", f"{data_version}\n{text}")




@dataclass(frozen=True)
class ImportOutcome:
    file: str
    format: str
    entities: int
    ties: int
    changes: dict[str, int]  # rows added, changed and removed in the stored network
    notes: list[str]
