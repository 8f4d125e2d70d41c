"""Throughput without changing results: documents parsed together give the extractions each gives
alone, a failure stays with its document, and worker processes return what this process does."""

from __future__ import annotations

import random
from typing import Any

import pytest
from synthetic import report

from linkchart import engines
from linkchart.ingest.dedupe import _MERSENNE, _permutations, _shingles, minhash, normalised_words
from linkchart.model import Document
from linkchart.settings import Settings


def documents(count: int, long_paragraphs: int = 0) -> list[Document]:
    """Short reports, and (with `long_paragraphs`) one longer than a model batch in the middle."""
    rng = random.Random(11)
    texts = [report(rng, sentences=6) for _ in range(count)]
    if long_paragraphs:
        texts.insert(count // 2, "\n\n".join(report(rng, 3).split("\n", 2)[2] for _ in range(long_paragraphs)))
    return [Document(f"d{i}", f"d{i}.txt", f"Notes {i}", text, f"h{i}") for i, text in enumerate(texts)]


def test_documents_parsed_together_give_the_extractions_each_gives_alone(extractor: Any) -> None:
    docs = documents(12, long_paragraphs=260)
    assert len(docs[6].text) > Settings().parse_batch_chars  # the long one is parsed in batches of its own
    alone = [extractor.extract(d) for d in docs]
    seen: list[tuple[str, int, int]] = []
    together = list(extractor.extract_many(docs, lambda doc, done, total: seen.append((doc.id, done, total))))
    assert [d.id for d, _ in together] == [d.id for d in docs]
    assert [x for _, x in together] == alone
    assert {doc for doc, _, _ in seen} == {"d6"} and [done for _, done, _ in seen][:3] == [50, 100, 150]


def test_a_document_that_fails_takes_only_itself(extractor: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    docs = documents(5)
    original = extractor.extract_parsed

    def failing(document: Document, *args: Any, **kwargs: Any) -> Any:
        if document.id == "d2":
            raise ValueError("broken parse")
        return original(document, *args, **kwargs)

    monkeypatch.setattr(extractor, "extract_parsed", failing)
    results = list(engines.extract_many(docs, Settings(), extractor))
    assert [r.document_id for r in results] == [d.id for d in docs]
    assert [bool(r.error) for r in results] == [False, False, True, False, False]
    assert results[2].error == "d2.txt: extraction failed (ValueError: broken parse); not stored"


def test_tasks_keep_the_order_and_give_every_worker_work() -> None:
    docs = documents(9)
    tasks = engines.chunks(docs, 2, Settings().parse_batch_chars)
    assert [d.id for task in tasks for d in task] == [d.id for d in docs]
    assert len(tasks) >= 2
    assert engines.chunks([], 2, Settings().parse_batch_chars) == []


def test_worker_processes_return_what_this_process_extracts_and_report_progress(extractor: Any) -> None:
    docs = documents(6, long_paragraphs=120)
    here = list(engines.LocalEngine(Settings(), extractor).extract(docs)())
    seen: list[tuple[str, int, int]] = []
    pool = engines.ProcessEngine(Settings(), 2, on_progress=lambda path, done, total: seen.append((path, done, total)))
    try:
        there = list(pool.extract(docs)())
    finally:
        pool.close()
    assert there == here and all(r.extraction is not None for r in there)
    assert seen and {path for path, _, _ in seen} == {"d3.txt"}


def test_signatures_are_the_published_minhash_so_stored_cases_still_find_their_copies() -> None:
    rng = random.Random(4)
    text = " ".join(rng.choice(["raid", "flat", "court", "brother", "ferry", "market"]) + str(rng.randint(0, 60))
                    for _ in range(700))
    shingles = _shingles(normalised_words(text), 5)
    expected = tuple(min((a * s + b) % _MERSENNE for s in shingles) for a, b in _permutations(128))
    assert minhash(text, shingle_words=5, permutations=128) == expected
    assert minhash("too short", shingle_words=5, permutations=16) == tuple(
        min((a * s + b) % _MERSENNE for s in _shingles(["too", "short"], 5)) for a, b in _permutations(16))
