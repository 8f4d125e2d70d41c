"""Where the per-document work runs: in this process, in N local processes, or on a Dask cluster.

The work is two pure functions of one document, `load` (read, clean, fingerprint a file) and
`extract` (the language model's reading of a document). They touch no store, so any engine maps
them and returns results in input order; the one writer (build.py) decides and stores. Each
worker process loads the language model once, on its first document to extract.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from linkchart.errors import InputError, LinkchartError
from linkchart.ingest import load_document, minhash
from linkchart.model import Document, DocumentExtraction
from linkchart.settings import Settings


@dataclass(frozen=True)
class Loaded:
    """A file read, cleaned and fingerprinted; `error` says why it could not be."""

    path: str
    doc: Document | None = None
    signature: tuple[int, ...] = ()
    error: str = ""


@dataclass(frozen=True)
class Extracted:
    document_id: str
    extraction: DocumentExtraction | None = None
    error: str = ""


def load(path: str, settings: Settings) -> Loaded:
    """Read one file. Never raises: a bad file becomes a one-line error naming it."""
    try:
        doc = load_document(Path(path), settings)
    except InputError as err:
        return Loaded(path, error=str(err))
    except Exception as err:  # noqa: BLE001 - a reader's bug on one file must not stop the batch
        return Loaded(path, error=f"{path}: cannot read ({type(err).__name__}: {str(err)[:120]})")
    signature = minhash(doc.text, shingle_words=settings.shingle_words, permutations=settings.minhash_permutations)
    return Loaded(path, doc, signature)


_WORKER_EXTRACTOR: dict[Settings, Any] = {}


def model_key(settings: Settings) -> Settings:
    """Settings that make one extractor: the case's location is not one of them."""
    return replace(settings, db=Path())


def worker_extractor(settings: Settings) -> Any:
    """This process's extractor, the model loaded on the first call."""
    extractor = _WORKER_EXTRACTOR.get(model_key(settings))
    if extractor is None:
        from linkchart.extract.pipeline import Extractor

        preloaded = getattr(sys.modules.get("linkchart.extract.preload"), "EXTRACTOR", None)  # in a forked worker
        if preloaded is not None and model_key(preloaded.settings) == model_key(settings):
            extractor = preloaded
        else:
            extractor = Extractor(settings, preloaded.nlp if preloaded is not None else None)
        _WORKER_EXTRACTOR[model_key(settings)] = extractor
    return extractor


def extract(doc: Document, settings: Settings, extractor: Any | None = None,
            on_progress: Callable[[int, int], None] | None = None) -> Extracted:
    """The extraction of one document. The model is loaded once per process (the first call)."""
    extractor = extractor or worker_extractor(settings)
    try:
        if on_progress is not None:
            return Extracted(doc.id, extractor.extract(doc, on_progress=on_progress))
        return Extracted(doc.id, extractor.extract(doc))
    except Exception as err:  # noqa: BLE001 - one document's failure must not stop the batch
        return Extracted(doc.id, error=_failed(doc, err))


def extract_many(docs: Sequence[Document], settings: Settings, extractor: Any | None = None,
                 on_progress: Callable[[Document, int, int], None] | None = None) -> Iterator[Extracted]:
    """The extractions of several documents, in order: the same as `extract` of each, with the
    paragraphs of short documents parsed together (faster per word)."""
    extractor = extractor or worker_extractor(settings)
    for doc, result in extractor.extract_many(docs, on_progress):
        yield Extracted(doc.id, error=_failed(doc, result)) if isinstance(result, Exception) else Extracted(doc.id, result)


def _failed(doc: Document, err: Exception) -> str:
    return f"{doc.path}: extraction failed ({type(err).__name__}: {err}); not stored"


class Engine(Protocol):
    def load(self, paths: Sequence[str]) -> list[Loaded]: ...
    def extract(self, docs: Sequence[Document]) -> Callable[[], Iterator[Extracted]]:
        """Start extracting; the returned call yields the results in order (waiting as needed)."""
        ...

    def close(self) -> None: ...


class LocalEngine:
    """In this process: the default for one worker and for tests that share one loaded model."""

    def __init__(self, settings: Settings, extractor: Any | None = None,
                 on_progress: Callable[[str, int, int], None] | None = None) -> None:
        self.settings, self.extractor, self.on_progress = settings, extractor, on_progress

    def load(self, paths: Sequence[str]) -> list[Loaded]:
        return [load(p, self.settings) for p in paths]

    def extract(self, docs: Sequence[Document]) -> Callable[[], Iterator[Extracted]]:
        def run() -> Iterator[Extracted]:
            hook = None
            if self.on_progress is not None:
                report = self.on_progress

                def hook(doc: Document, done: int, total: int) -> None:
                    report(doc.path, done, total)
            yield from extract_many(docs, self.settings, self._extractor(), hook)
        return run

    def _extractor(self) -> Any:
        if self.extractor is None:
            from linkchart.extract.pipeline import Extractor

            self.extractor = Extractor(self.settings)
        return self.extractor

    def close(self) -> None:
        pass


class _Report:
    """Progress within a file, sent from a worker process to the writer through a queue."""

    def __init__(self, queue: Any) -> None:
        self.queue = queue

    def __call__(self, doc: Document, done: int, total: int) -> None:
        self.queue.put((doc.path, done, total))


_PROGRESS: list[Any] = []  # a worker process's queue to the writer, when the writer listens


def _start_worker(settings: Settings, queue: Any) -> None:
    """A worker process starts by loading its model, while the writer is still reading the
    case and listing files."""
    if queue is not None:
        _PROGRESS.append(queue)
    with contextlib.suppress(Exception):  # the first extraction meets the error again and reports it per document
        worker_extractor(settings)


def _extract_chunk(docs: Sequence[Document], settings: Settings, queue: Any = None) -> list[Extracted]:
    queue = queue if queue is not None else (_PROGRESS[0] if _PROGRESS else None)
    return list(extract_many(docs, settings, on_progress=_Report(queue) if queue is not None else None))


def chunks(docs: Sequence[Document], workers: int, budget: int) -> list[list[Document]]:
    """Consecutive documents in tasks of about `budget` characters (one worker's batch for the
    model), yet at least one task per worker when there are documents enough, so none idles."""
    total = sum(len(d.text) for d in docs)
    budget = max(1, min(budget, -(-total // workers)))
    out: list[list[Document]] = []
    size = 0
    for doc in docs:
        if not out or size >= budget:
            out.append([])
            size = 0
        out[-1].append(doc)
        size += len(doc.text)
    return out


class ProcessEngine:
    """N worker processes on this machine. The documents of a batch go to them in tasks of a
    few, so that each worker hands its model a few thousand words at a time.

    Where the platform has a fork server, the workers are forked from it, a fresh process
    (no state of the writer leaks into them, whatever threads the writer runs) that loaded
    the model once (linkchart.extract.preload): N workers share one load instead of paying
    one each. Elsewhere they are spawned and each loads the model."""

    def __init__(self, settings: Settings, workers: int, on_progress: Callable[[str, int, int], None] | None = None) -> None:
        import multiprocessing

        forkserver = "forkserver" in multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("forkserver" if forkserver else "spawn")
        if forkserver:
            context.set_forkserver_preload(["linkchart.extract.preload"])  # type: ignore[attr-defined]
        self.settings, self.on_progress, self.workers = settings, on_progress, workers
        self.queue = context.SimpleQueue() if on_progress is not None else None
        self.pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker,
                                        initargs=(settings, self.queue))
        self.pool.submit(int)  # the workers start (and load their models) now, not at the first batch

    def load(self, paths: Sequence[str]) -> list[Loaded]:
        return list(self.pool.map(load, paths, [self.settings] * len(paths)))

    def extract(self, docs: Sequence[Document]) -> Callable[[], Iterator[Extracted]]:
        tasks = chunks(docs, self.workers, self.settings.parse_batch_chars)
        futures: list[Future[list[Extracted]]] = [self.pool.submit(_extract_chunk, t, self.settings)
                                                  for t in tasks]

        def run() -> Iterator[Extracted]:
            for task, future in zip(tasks, futures, strict=True):
                try:
                    while not self._wait(future):
                        pass
                    yield from future.result()
                except Exception as err:  # noqa: BLE001 - a worker that died takes its task, not the build
                    for doc in task:
                        yield Extracted(doc.id, error=f"{doc.path}: extraction failed (worker: {type(err).__name__}); not stored")
        return run

    def _wait(self, future: Future[list[Extracted]]) -> bool:
        """Wait a little for `future`, passing on the progress workers report meanwhile."""
        from concurrent.futures import wait

        done = bool(wait([future], timeout=0.25).done)
        while self.queue is not None and self.on_progress is not None and not self.queue.empty():
            self.on_progress(*self.queue.get())
        return done

    def close(self) -> None:
        self.pool.shutdown(wait=True, cancel_futures=True)
        if self.queue is not None:
            self.queue.close()


class DaskEngine:
    """Workers of a Dask cluster: the same pure functions, mapped by dask.distributed. Files
    are read by the workers, so they must see the same paths (a shared or copied folder)."""

    def __init__(self, settings: Settings, scheduler: str | Any) -> None:
        try:
            from distributed import Client
        except ImportError:
            raise LinkchartError("--engine dask needs dask.distributed (pip install 'dask[distributed]')") from None
        self.settings = settings
        try:
            self.client = scheduler if isinstance(scheduler, Client) else Client(scheduler, timeout="20s")
        except (OSError, TimeoutError) as err:
            raise LinkchartError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
        self.owned = not isinstance(scheduler, Client)

    def load(self, paths: Sequence[str]) -> list[Loaded]:
        futures = self.client.map(load, list(paths), settings=self.settings, pure=False)
        return list(self.client.gather(futures))

    def extract(self, docs: Sequence[Document]) -> Callable[[], Iterator[Extracted]]:
        workers = max(1, len(self.client.scheduler_info().get("workers", ())))
        tasks = chunks(docs, workers, self.settings.parse_batch_chars)
        futures = self.client.map(_extract_chunk, tasks, settings=self.settings, queue=None, pure=False)

        def run() -> Iterator[Extracted]:
            for task, future in zip(tasks, futures, strict=True):
                try:
                    yield from future.result()
                except Exception as err:  # noqa: BLE001 - a lost worker takes its task, not the build
                    for doc in task:
                        yield Extracted(doc.id, error=f"{doc.path}: extraction failed (dask: {type(err).__name__}); not stored")
        return run

    def close(self) -> None:
        if self.owned:
            self.client.close()


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def make_engine(settings: Settings, *, workers: int = 1, engine: str = "local", scheduler: str | Any | None = None,
                extractor: Any | None = None, on_progress: Callable[[str, int, int], None] | None = None) -> Engine:
    if engine == "dask":
        if scheduler is None:
            raise LinkchartError("--engine dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        return DaskEngine(settings, scheduler)
    if engine != "local":
        raise LinkchartError(f"unknown engine '{engine}' (use local or dask)")
    if workers < 1:
        raise LinkchartError("--workers must be 1 or more")
    if workers == 1:
        return LocalEngine(settings, extractor, on_progress)
    return ProcessEngine(settings, workers, on_progress)
