"""The build job: ingest → extract → store per document, then resolve the whole corpus.

Each document is stored with its extraction in one transaction, so an error in one file loses
nothing already stored. Documents whose content hash is already in the store are skipped, so
re-running a build changes nothing and adding files extracts only the new ones. Resolution is
recomputed from all stored extractions (it is deterministic), keeping analyst decisions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkchart.errors import InputError
from linkchart.ingest import DuplicateIndex, discover, load_document, minhash
from linkchart.model import Document
from linkchart.resolve import Resolution, resolve_corpus
from linkchart.settings import Settings
from linkchart.store import SQLiteStore


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)  # (copy, original, similarity)
    errors: list[str] = field(default_factory=list)
    entities: int = 0
    relations: int = 0


Progress = Callable[[str], None]


def build(paths: list[Path], store: SQLiteStore, settings: Settings, *, extractor: Any | None = None,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None) -> BuildReport:
    report = BuildReport()
    files = discover(paths)
    if on_total:
        on_total(len(files))
    index = DuplicateIndex(settings.near_duplicate_jaccard)
    index.add_all(store.signatures())
    pending: list[tuple[Document, tuple[int, ...]]] = []
    copies: list[tuple[Document, tuple[int, ...], float]] = []
    for path in files:
        try:
            doc = load_document(path, settings)
        except InputError as err:
            report.errors.append(str(err))
            _tick(progress, path)
            continue
        if store.has_hash(doc.content_hash) or any(d.content_hash == doc.content_hash for d, _ in pending):
            report.unchanged.append(str(path))
            _tick(progress, path)
            continue
        signature = minhash(doc.text, shingle_words=settings.shingle_words, permutations=settings.minhash_permutations)
        original = index.find_original(signature)
        if original is not None:
            doc.duplicate_of = original[0]
            copies.append((doc, signature, original[1]))
            continue
        index.add(doc.id, signature)
        pending.append((doc, signature))
    if pending:
        if extractor is None:
            from linkchart.extract.pipeline import Extractor

            extractor = Extractor(settings)
        for doc, signature in pending:
            try:
                extraction = extractor.extract(doc)
            except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
                report.errors.append(f"{doc.path}: extraction failed ({type(err).__name__}: {err}); not stored")
                _tick(progress, Path(doc.path))
                continue
            store.save_extraction(doc, signature, extraction)
            report.added.append(doc.path)
            _tick(progress, Path(doc.path))
    for doc, signature, similarity in copies:  # after their originals are stored
        store.add_document(doc, signature, similarity)
        report.duplicates.append((doc.path, doc.duplicate_of or "", similarity))
        _tick(progress, Path(doc.path))
    resolution = resolve(store, settings)
    report.entities, report.relations = len(resolution.entities), len(resolution.relations)
    return report


def resolve(store: SQLiteStore, settings: Settings) -> Resolution:
    """Recompute the network from stored extractions and analyst decisions, and store it."""
    resolution = resolve_corpus(store.local_entities(), store.local_relations(), store.analyst_decisions(),
                                place_mentions=store.place_mentions(), events=store.local_events(),
                                variant_floor=settings.variant_similarity,
                                hedged_factor=settings.hedged_confidence_factor)
    store.replace_network(resolution)
    return resolution


def _tick(progress: Progress | None, path: Path) -> None:
    if progress:
        progress(path.name)
