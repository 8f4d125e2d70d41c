"""The build job: ingest → extract → store per document, then resolve the whole corpus.

Each document is stored with its extraction in one transaction, so an error in one file loses
nothing already stored. Documents whose content hash is already in the store are skipped, so
re-running a build changes nothing and adding files extracts only the new ones. Resolution is
recomputed from all stored extractions (it is deterministic), keeping analyst decisions, and the
stored network is updated where it changed. The case records that a build is running until it
completes, so a case left by a killed build says so.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from linkchart import __version__
from linkchart.errors import InputError
from linkchart.ingest import DuplicateIndex, discover, load_document, minhash
from linkchart.model import Document
from linkchart.resolve import resolve_corpus
from linkchart.settings import Settings
from linkchart.store import Store


@dataclass
class BuildReport:
    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str, float]] = field(default_factory=list)  # (copy, original, similarity)
    errors: list[str] = field(default_factory=list)
    reextracted: list[str] = field(default_factory=list)
    entities: int = 0
    relations: int = 0


Progress = Callable[[str], None]


def build(paths: list[Path], store: Store, settings: Settings, *, extractor: Any | None = None,
          progress: Progress | None = None, on_total: Callable[[int], None] | None = None,
          reextract: bool = False) -> BuildReport:
    """Files are read, cleaned, fingerprinted, extracted and stored one at a time, so the cleaned
    corpus is never all in memory and a stopped build keeps every document it stored."""
    report = BuildReport()
    files = discover(paths)
    if on_total:
        on_total(len(files))
    store.set_meta("build_state", "running")
    version = extractor_version()
    index = DuplicateIndex(settings.near_duplicate_jaccard)
    index.add_all(store.signatures())
    lazy = _LazyExtractor(settings, extractor)
    for path in files:
        try:
            doc = load_document(path, settings)
        except InputError as err:
            report.errors.append(str(err))
            _tick(progress, path)
            continue
        if store.has_hash(doc.content_hash):
            report.unchanged.append(str(path))
            _tick(progress, path)
            continue
        signature = minhash(doc.text, shingle_words=settings.shingle_words, permutations=settings.minhash_permutations)
        original = index.find_original(signature)
        if original is not None:
            doc.duplicate_of = original[0]
            store.add_document(doc, signature, original[1])
            report.duplicates.append((doc.path, doc.duplicate_of, original[1]))
            _tick(progress, path)
            continue
        extraction = _extract(lazy, doc, report)
        if extraction is not None:
            store.save_extraction(doc, signature, extraction, version)
            index.add(doc.id, signature)
            report.added.append(doc.path)
        _tick(progress, path)
    if reextract:
        for doc in store.stale_documents(version):
            extraction = _extract(lazy, doc, report)
            if extraction is not None:
                store.replace_extraction(doc, extraction, version)
                report.reextracted.append(doc.path)
    counts = resolve(store, settings)
    store.set_meta("build_state", "complete")
    report.entities, report.relations = counts["entities"], counts["relations"]
    return report


def _extract(lazy: _LazyExtractor, doc: Document, report: BuildReport) -> Any | None:
    try:
        return lazy.get().extract(doc)
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        report.errors.append(f"{doc.path}: extraction failed ({type(err).__name__}: {err}); not stored")
        return None


class _LazyExtractor:
    """The language model loads only when a document needs extracting (a rebuild that finds
    nothing new never loads it)."""

    def __init__(self, settings: Settings, extractor: Any | None) -> None:
        self.settings, self.extractor = settings, extractor

    def get(self) -> Any:
        if self.extractor is None:
            from linkchart.extract.pipeline import Extractor

            self.extractor = Extractor(self.settings)
        return self.extractor


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


def resolve(store: Store, settings: Settings) -> dict[str, int]:
    """Recompute the network from stored extractions and analyst decisions, and bring the
    stored network to it (only what changed is written)."""
    resolution = resolve_corpus(list(store.local_entities()), list(store.local_relations()), store.analyst_decisions(),
                                place_mentions=store.place_mentions(), events=store.local_events(),
                                variant_floor=settings.variant_similarity,
                                hedged_factor=settings.hedged_confidence_factor)
    counts = store.write_network(resolution)
    return {"entities": len(resolution.entities), "relations": len(resolution.relations), **counts}


def _tick(progress: Progress | None, path: Path) -> None:
    if progress:
        progress(path.name)
