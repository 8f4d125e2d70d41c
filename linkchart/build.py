"""The build job: ingest → extract → store per document, then resolve the whole corpus.

A file's identity is its path within the case: a file whose content changed replaces its old
extraction, and `sync` drops documents whose file is gone (with everything only they supported).
Files are read and extracted by an engine (engines.py: this process, N processes or a Dask
cluster) in bounded batches, while this process alone decides what is new, a copy or an edit and
stores it, in file order: the same files give the same case whatever the engine. Each document
is stored with its extraction in one transaction, so a stopped build loses nothing stored, and a
rerun redoes only what is missing. Resolution then brings the network up to date; it is redone
until no other build or analyst changed the case meanwhile, so concurrent builds lose nothing.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkchart import __version__
from linkchart.engines import Engine, Extracted, Loaded, make_engine
from linkchart.ingest import DuplicateIndex
from linkchart.ingest.readers import walk
from linkchart.model import Document
from linkchart.settings import Settings
from linkchart.store import Store
from linkchart.update import update_network


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)  # (copy, original, similarity)
    errors: list[str] = field(default_factory=list)
    reextracted: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # files whose content changed since the last build
    removed: list[str] = field(default_factory=list)  # documents dropped because their file is gone (--sync)
    moved: list[tuple[str, str]] = field(default_factory=list)  # (old path, new path) of renamed files
    entities: int = 0
    relations: int = 0
    resolved: int = 0  # document-level entities re-resolved (the blocks this build touched)


Progress = Callable[[str], None]
WithinFile = Callable[[str, int, int], None]  # (path, paragraphs parsed, paragraphs)


def build(paths: list[Path], store: Store, settings: Settings, *, extractor: Any | None = None,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None,
          reextract: bool = False, sync: bool = False, workers: int = 1, engine: str = "local",
          scheduler: Any | None = None, within_file: WithinFile | None = None, batch_size: int = 0) -> BuildReport:
    """Files are read, extracted and stored a batch at a time, so the corpus is never all in
    memory and a stopped build keeps every document it stored."""
    report = BuildReport()
    files, problems = walk(paths)
    report.errors += problems
    if on_total:
        on_total(len(files))
    ticket = _begin(store, paths)
    runner = make_engine(settings, workers=workers, engine=engine, scheduler=scheduler, extractor=extractor,
                         on_progress=within_file)
    try:
        writer = _Writer(store, settings, runner, report, progress)
        writer.run([str(p) for p in files], batch_size or max(8, 8 * workers), reextract)
        if sync and _drop_vanished(store, paths, {str(p) for p in files}, report):  # after renames were seen
            writer.run([], batch_size or 8, False)  # copies of what was dropped are read in its place
    finally:
        runner.close()
    del writer  # its near-duplicate index is not needed to resolve: memory stays flat
    counts = resolve(store, settings)
    _settle(store, ticket, paths)
    report.entities, report.relations, report.resolved = counts["entities"], counts["relations"], counts["resolved"]
    return report


def _begin(store: Store, paths: list[Path]) -> int:
    """Record a build as running (with what it builds) until it completes: a case left by a
    killed build says so, even when other builds ran meanwhile."""
    ticket = store.bump_meta("builds")
    store.set_meta(f"build:{ticket}", json.dumps(sorted(str(p.resolve()) for p in paths)))
    store.set_meta("build_state", "running")
    return ticket


def _settle(store: Store, ticket: int | None, paths: list[Path]) -> None:
    """This build is complete, and so is every unfinished build whose paths it has just built
    again (the rerun after a kill). The case is complete when no build is left unfinished."""
    done = [str(p.resolve()) for p in paths]
    if ticket is not None:
        store.set_meta(f"build:{ticket}", "")
    settled = int(store.get_meta("builds_settled") or 0)
    unfinished = False
    for t in range(settled + 1, int(store.get_meta("builds") or 0) + 1):
        value = store.get_meta(f"build:{t}")
        if value and all(any(p == d or p.startswith(d.rstrip(os.sep) + os.sep) for d in done) for p in json.loads(value)):
            store.set_meta(f"build:{t}", "")
            value = ""
        if value:
            unfinished = True
        elif not unfinished:
            settled = t
    store.set_meta("builds_settled", str(settled))
    store.set_meta("build_state", "running" if unfinished else "complete")


def remove(store: Store, settings: Settings, refs: list[str]) -> tuple[list[str], dict[str, int]]:
    """Drop documents (by id or path) and what only they supported; the network follows."""
    removed = []
    known = dict(store.document_paths())
    by_path = {path: doc_id for doc_id, path in known.items()}
    for ref in refs:
        doc_id = ref if ref in known else by_path.get(ref) or by_path.get(str(Path(ref)))
        if doc_id is None:
            from linkchart.errors import LinkchartError

            raise LinkchartError(f"no document '{ref}' in this case (give its id or its path as built)")
        store.set_meta("build_state", "running")
        store.remove_document(doc_id)
        _changed(store)
        removed.append(known[doc_id])
    counts = resolve(store, settings)
    _settle(store, None, [])
    return removed, counts


@dataclass
class _Todo:
    doc: Document
    signature: tuple[int, ...]
    replaces: str | None  # the stored old version of this file
    original: tuple[str, float] | None  # (document, similarity) when this is a near-copy


class _Writer:
    """The one writer: decides in file order what each loaded file is, and stores it."""

    def __init__(self, store: Store, settings: Settings, runner: Engine, report: BuildReport, progress: Progress | None) -> None:
        self.store, self.settings, self.runner, self.report, self.progress = store, settings, runner, report, progress
        self.index = DuplicateIndex(settings.near_duplicate_jaccard)
        self.index.add_all(store.signatures())
        self.pending: set[str] = set()  # content hashes decided in this build but maybe not stored yet
        self.failed: set[str] = set()  # documents whose extraction failed in this build
        self.version = extractor_version()

    def run(self, paths: list[str], batch_size: int, reextract: bool) -> None:
        previous: tuple[list[_Todo], Callable[[], Iterator[Extracted]]] | None = None
        for start in range(0, len(paths), batch_size):
            todo = [t for item in self.runner.load(paths[start:start + batch_size]) if (t := self._decide(item))]
            started = self.runner.extract([t.doc for t in todo if t.original is None])
            if previous is not None:  # store the last batch while this one is being extracted
                self._store(*previous)
            previous = (todo, started)
        if previous is not None:
            self._store(*previous)
        stale = [d for d in self.store.stale_documents(self.version)
                 if reextract or not self.store.extractor_version_of(d.id)]
        for start in range(0, len(stale), batch_size):
            batch = stale[start:start + batch_size]
            for doc, result in zip(batch, self.runner.extract(batch)(), strict=True):
                if result.extraction is None:
                    self.report.errors.append(result.error)
                    continue
                self.store.replace_extraction(doc, result.extraction, self.version)
                _changed(self.store)
                self.report.reextracted.append(doc.path)

    def _decide(self, loaded: Loaded) -> _Todo | None:
        """What a loaded file is: an error, unchanged, a copy, or a document to extract (with
        the id of the old version it replaces)."""
        if loaded.doc is None:
            self.report.errors.append(loaded.error)
            self._tick(loaded.path)
            return None
        doc, signature = loaded.doc, loaded.signature
        old = self.store.document_at(doc.path)
        if old is not None and old.content_hash == doc.content_hash:
            self.report.unchanged.append(doc.path)
            self._tick(doc.path)
            return None
        replaces = old.id if old is not None else None
        same = self.store.has_hash(doc.content_hash) if replaces is None else None
        if same is not None and doc.content_hash not in self.pending:
            stored = self.store.document(same)
            if stored is not None and not Path(stored.path).exists():  # the file was renamed or moved
                self.store.move_document(same, doc.path)
                _changed(self.store)
                self.report.moved.append((stored.path, doc.path))
                self._tick(doc.path)
                return None
        if doc.content_hash in self.pending or same is not None:
            self.report.unchanged.append(doc.path)  # the same text under another name: already in the case
            self._tick(doc.path)
            return None
        if replaces is not None:
            self.index.discard(replaces)  # an edited file is not a near-copy of its own old version
        original = self.index.find_original(signature)
        self.pending.add(doc.content_hash)
        if original is None:
            self.index.add(doc.id, signature)
        return _Todo(doc, signature, replaces, original)

    def _store(self, todo: list[_Todo], started: Callable[[], Iterator[Extracted]]) -> None:
        """Store a batch in one transaction, once all its extractions are in (the write lock is
        never held while waiting for them): one commit a batch, not two a document. Inside it
        no other build can write, so a text another build stored meanwhile is seen before
        storing it again."""
        results = started()
        batch = [(item, None if item.original is not None else next(results)) for item in todo]
        with self.store.transaction():
            for item, result in batch:
                if result is None:
                    self._store_copy(item)
                    continue
                doc = item.doc
                if result.extraction is None:
                    self.report.errors.append(result.error)
                    self.index.discard(doc.id)
                    self.pending.discard(doc.content_hash)
                    self.failed.add(doc.id)
                else:
                    self._replace(item.replaces, doc.path)
                    if self.store.has_hash(doc.content_hash):
                        self.report.unchanged.append(doc.path)  # another build stored it meanwhile
                    else:
                        self.store.save_extraction(doc, item.signature, result.extraction, self.version)
                        _changed(self.store)
                        self.report.added.append(doc.path)
                self._tick(doc.path)

    def _store_copy(self, item: _Todo) -> None:
        doc, (original, similarity) = item.doc, item.original or ("", 0.0)
        if original in self.failed:
            self.report.errors.append(f"{doc.path}: a copy of {original}, which could not be extracted; not stored")
            self.pending.discard(doc.content_hash)
        else:
            doc.duplicate_of = original
            self._replace(item.replaces, doc.path)
            if not self.store.has_hash(doc.content_hash):  # else another build stored it meanwhile
                self.store.add_document(doc, item.signature, similarity)
                _changed(self.store)
            self.report.duplicates.append((doc.path, original, similarity))
        self._tick(doc.path)

    def _replace(self, old_id: str | None, path: str) -> None:
        if old_id is not None and self.store.remove_document(old_id):
            self.report.replaced.append(path)

    def _tick(self, path: str) -> None:
        if self.progress:
            self.progress(Path(path).name)


def _drop_vanished(store: Store, roots: list[Path], present: set[str], report: BuildReport) -> bool:
    """Documents stored from under `roots` whose file is no longer there. A root that does not
    exist drops nothing (a mistyped folder must not empty the case)."""
    prefixes = [str(r) for r in roots if r.exists()]
    gone = [(doc_id, path) for doc_id, path in store.document_paths() if path not in present
            and any(path == p or path.startswith(p.rstrip(os.sep) + os.sep) for p in prefixes)]
    for doc_id, path in gone:
        if store.remove_document(doc_id):
            _changed(store)
            report.removed.append(path)
    return bool(gone)


def _changed(store: Store) -> None:
    """Mark that stored extractions changed, so that a resolution that began earlier is redone."""
    store.bump_meta("extractions")


@functools.cache
def extractor_version() -> str:
    """linkchart's version and a digest of the extraction code and lexicons: a document read by
    another extractor is stale (`build --reextract` reads it again)."""
    root = Path(__file__).parent
    digest = hashlib.sha1()
    for path in sorted([*(root / "extract").glob("*.py"), *(root / "lexicon").glob("*.txt"), root / "model.py"]):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:10]}"


def resolve(store: Store, settings: Settings, *, whole: bool = False) -> dict[str, int]:
    """Bring the stored network up to date with the stored extractions and analyst decisions:
    only the blocks of entities that changed are re-resolved (all of them when `whole`), and
    only rows that changed are written (update.py). It runs in one write transaction, so a
    build or an analyst working meanwhile waits, and the last one resolves what it stored."""
    report = update_network(store, settings, whole=whole)
    return {"entities": store.entity_count(), "relations": store.relation_count(), **report.counts,
            "resolved": report.resolved_locals, "components": report.components, "whole": int(report.whole)}
