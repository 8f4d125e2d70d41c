"""Archives and teams: N workers and a Dask cluster give the local build's case; a file is its
path (edits replace, --sync and remove drop); concurrent builds and an analyst lose nothing;
a build killed with -9 at any point and rerun gives the uninterrupted case."""

from __future__ import annotations

import json
import multiprocessing
import os
import signal
import sqlite3
import subprocess
import sys
import time
from dataclasses import asdict
from pathlib import Path

import pytest
from click.testing import CliRunner
from pg_server import postgres  # noqa: F401 - the session's PostgreSQL server
from shared_material import SEED
from synthetic import write_corpus

from linkchart import engines
from linkchart.build import build
from linkchart.case import Case
from linkchart.cli import cli
from linkchart.settings import Settings
from linkchart.store import open_store


def dump(location: str | Path) -> str:
    """Everything a user can see of a case, in a canonical form."""
    store = open_store(location, read_only=True)
    try:
        network = store.network()
        page = store.documents_page(0, 10_000)
        return json.dumps({"network": asdict(network), "documents": [asdict(d) for d in page.items],
                           "decisions": [(d.action, d.entity_a, d.entity_b) for d in store.analyst_decisions()]},
                          sort_keys=True, default=str)
    finally:
        store.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder / "notes", 6, seed=3)
    for path in sorted(SEED.iterdir()):
        (folder / path.name).write_bytes(path.read_bytes())
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory, extractor) -> str:  # type: ignore[no-untyped-def]
    db = tmp_path_factory.mktemp("ref") / "ref.db"
    store = open_store(db)
    build([corpus], store, Settings(db=db), extractor=extractor)
    store.close()
    return dump(db)


def test_two_worker_processes_give_the_one_process_case(corpus: Path, reference: str, tmp_path: Path) -> None:
    db = tmp_path / "w2.db"
    store = open_store(db)
    report = build([corpus], store, Settings(db=db), workers=2, batch_size=3)
    store.close()
    assert len(report.added) == 8 and len(report.duplicates) == 1 and report.errors == []
    assert dump(db) == reference


def test_an_edited_file_replaces_its_extraction_and_sync_and_remove_drop_documents(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    first = folder / "first.txt"
    first.write_text("Report one.\n\nDarnel Quibrow shared a flat with Hessa Tolvane in the north of the city for months.\n")
    second = folder / "second.txt"
    second.write_text("Report two.\n\nOrsik Pamvela is the brother of Lavren Pamvela, according to the court papers.\n")
    db = tmp_path / "case.db"
    with Case.open(db, writable=True) as case:
        case.build([folder], extractor=extractor)
        assert case.find("Hessa Tolvane")
        first.write_text("Report one.\n\nDarnel Quibrow shared a flat with Wendom Achery in the north of the city for months.\n")
        report = case.build([folder], extractor=extractor)
        assert report.replaced == [str(first)] and report.duplicates == [] and report.added == [str(first)]
        assert case.find("Wendom Achery") and not case.find("Hessa Tolvane")  # the old version's people are gone
        assert case.store.documents_page().total == 2
        renamed = folder / "renamed.txt"
        second.rename(renamed)
        report = case.build([folder], extractor=extractor)
        assert report.moved == [(str(second), str(renamed))] and report.added == []  # a rename is not a new report
        assert case.store.document_at(str(renamed)) is not None and case.store.documents_page().total == 2
        renamed.unlink()
        report = case.build([folder], extractor=extractor)
        assert case.find("Orsik Pamvela")  # without --sync a deleted file stays in the case
        report = case.build([folder], extractor=extractor, sync=True)
        assert report.removed == [str(renamed)] and not case.find("Orsik Pamvela") and not case.find("Lavren Pamvela")
        assert case.state_warning() is None
    result = CliRunner().invoke(cli, ["remove", str(first), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert f"removed: {first}" in result.output
    with Case.open(db) as case:
        assert case.store.documents_page().total == 0 and case.store.entity_count() == 0
    result = CliRunner().invoke(cli, ["remove", "nothing.txt", "--db", str(db)])
    assert result.exit_code == 1 and "no document 'nothing.txt'" in result.output


def test_missing_paths_and_broken_links_are_named_and_fail_the_build(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    write_corpus(folder, 1)
    (folder / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    db = tmp_path / "case.db"
    with Case.open(db, writable=True) as case:
        report = case.build([folder, tmp_path / "no-such-folder"], extractor=extractor)
    assert len(report.added) == 1
    assert any("gone.txt: broken link" in e for e in report.errors)
    assert any("no-such-folder: no such file or folder" in e for e in report.errors)
    result = CliRunner().invoke(cli, ["build", str(tmp_path / "no-such-folder"), "--db", str(db), "--workers", "1"])
    assert result.exit_code == 1 and "no such file or folder" in result.output and "Traceback" not in result.output


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every folder, so an unreadable one cannot be made")
def test_an_unreadable_folder_is_named(tmp_path: Path) -> None:
    from linkchart.ingest.readers import walk

    locked = tmp_path / "r" / "locked"
    write_corpus(locked, 1)
    locked.chmod(0)
    try:
        files, problems = walk([tmp_path / "r"])
    finally:
        locked.chmod(0o755)
    assert files == [] and any("locked: cannot read folder" in p for p in problems)


def _in_child(task: str, location: str, results: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    try:
        with Case.open(location, writable=True) as case:
            if task.startswith("merge:"):
                case.merge(*task[6:].split("|"), "test")
            else:
                case.build([Path(task)], extractor=_SHARED["extractor"])
        results.put(("ok", task))
    except BaseException as err:  # noqa: BLE001 - reported to the parent
        results.put(("error", f"{type(err).__name__}: {err}"))


_SHARED: dict[str, object] = {}


def _two_names(case: Case) -> str:
    """The analyst joins the first two people of folder a (names written by tests/synthetic.py)."""
    names = sorted(e.name for e in case.network().entities)
    return f"{names[0]}|{names[1]}"


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_concurrent_builds_and_a_merge_lose_nothing(backend: str, tmp_path: Path, extractor, request) -> None:  # type: ignore[no-untyped-def]
    """Two builds of different folders, one of the same folder twice, and an analyst's merge at
    once: no crash, and the network of running them one after another."""
    _SHARED["extractor"] = extractor
    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 5, seed=11)
    write_corpus(b, 5, seed=12)

    def location(name: str) -> str:
        if backend == "sqlite":
            return str(tmp_path / f"{name}.db")
        return request.getfixturevalue("postgres").new_database()

    one_by_one = location("seq")
    with Case.open(one_by_one, writable=True) as case:
        case.build([a], extractor=extractor)
        merge = _two_names(case)
        case.merge(*merge.split("|"), "test")
        case.build([b], extractor=extractor)
    together = location("par")
    with Case.open(together, writable=True) as case:
        case.build([a], extractor=extractor)
    context = multiprocessing.get_context("fork")
    results: multiprocessing.Queue = context.Queue()  # type: ignore[type-arg]
    children = [context.Process(target=_in_child, args=(task, together, results))
                for task in (str(b), f"merge:{merge}", str(b))]
    for child in children:
        child.start()
    for child in children:
        child.join(300)
    outcomes = [results.get(timeout=5) for _ in children]
    assert all(status == "ok" for status, _ in outcomes), outcomes
    assert dump(together) == dump(one_by_one)


def _documents_stored(db: Path) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return int(conn.execute("SELECT count(*) FROM documents").fetchone()[0])
    except sqlite3.Error:
        return 0


def test_a_build_killed_at_any_point_and_rerun_equals_an_uninterrupted_one(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    write_corpus(folder, 24, seed=5, sentences=40)
    ref = tmp_path / "ref.db"
    with Case.open(ref, writable=True) as case:
        case.build([folder], extractor=extractor)
    db = tmp_path / "killed.db"
    command = [str(Path(sys.executable).parent / "linkchart"), "build", str(folder), "--db", str(db), "--workers", "1"]
    env = dict(os.environ)
    # Kill once the build has stored this many documents (it stores a batch of 8 at a time): after
    # the first batch, at once when started again (8 are there), and after the second batch.
    for stored in (1, 8, 16):
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.time() + 240
        while _documents_stored(db) < stored and child.poll() is None and time.time() < deadline:
            time.sleep(0.01)
        child.send_signal(signal.SIGKILL)
        child.wait()
        assert _documents_stored(db) < 24  # killed before the end
        with Case.open(db) as case:
            assert case.state_warning() is not None  # the case says the build did not finish
    with Case.open(db, writable=True) as case:
        report = case.build([folder], extractor=extractor)
        assert case.state_warning() is None and report.errors == []
    assert dump(db) == dump(ref)


# Last: the cluster's threads must not be running when the tests above fork.
def test_a_dask_cluster_gives_the_local_case(corpus: Path, reference: str, tmp_path: Path) -> None:
    """A real worker process: documents and extractions travel pickled, the model loads there once."""
    from distributed import Client, LocalCluster

    with LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as client:
        db = tmp_path / "d.db"
        store = open_store(db)
        report = build([corpus], store, Settings(db=db), engine="dask", scheduler=client, batch_size=4)
        store.close()
        loaded = client.run(lambda: len(engines._WORKER_EXTRACTOR))
    assert report.errors == [] and len(report.added) == 8
    assert list(loaded.values()) == [1]  # one model in the one worker
    assert dump(db) == reference


def test_a_case_copied_to_postgresql_and_back_is_the_same_case(corpus: Path, tmp_path: Path,
                                                               request: pytest.FixtureRequest, extractor) -> None:  # type: ignore[no-untyped-def]
    source = tmp_path / "src.db"
    with Case.open(source, writable=True) as case:
        case.build([corpus], extractor=extractor)
        names = sorted(e.name for e in case.network().entities if e.type == "person")
        case.merge(names[0], names[1], "copied decision")
    team = request.getfixturevalue("postgres").new_database()
    runner = CliRunner()
    result = runner.invoke(cli, ["copy", str(source), team])
    assert result.exit_code == 0, result.output
    assert "copied 9 documents and 1 decisions" in result.output
    assert dump(team) == dump(source)
    back = tmp_path / "back.db"
    assert runner.invoke(cli, ["copy", team, str(back)]).exit_code == 0
    assert dump(back) == dump(source)
    result = runner.invoke(cli, ["copy", str(source), str(back)])
    assert result.exit_code == 1 and "not empty" in result.output
    with Case.open(team, writable=True) as case:  # the copy is a working case: a rebuild finds nothing new
        report = case.build([corpus], extractor=extractor)
    assert report.added == [] and dump(team) == dump(source)


def test_progress_is_shown_within_a_long_file(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    import random

    from synthetic import report

    rng = random.Random(2)
    long_file = tmp_path / "long.txt"
    long_file.write_text("\n\n".join(report(rng, 2).split("\n", 2)[2] for _ in range(160)))
    seen: list[tuple[str, int, int]] = []
    with Case.open(tmp_path / "c.db", writable=True) as case:
        case.build([long_file], extractor=extractor, within_file=lambda path, done, total: seen.append((path, done, total)))
    assert [done for _, done, _ in seen] == [50, 100, 150, 200, 250, 300]
    assert all(path == str(long_file) and total > 300 for path, _, total in seen)


def test_a_long_document_is_read_a_window_at_a_time_and_keeps_its_offsets_and_ties(
        extractor, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A document longer than a window is parsed and extracted a window of paragraphs at a
    time (memory stays that of one window): what is found points at the document's own words,
    sentence numbers count through the document, and the people and ties are those of the
    document read whole (each paragraph here names its people in full)."""
    import random

    from synthetic import report

    from linkchart.model import Document

    rng = random.Random(4)
    text = "\n\n".join(report(rng, 3).split("\n", 2)[2].replace("\n", " ") + " Investigators later questioned Doran Velkquist."
                       for _ in range(60))
    doc = Document("long", "long.txt", "A long report", text, "h")
    whole = extractor.extract(doc)
    monkeypatch.setattr(extractor, "window_chars", 2500)
    seen: list[int] = []
    windowed = extractor.extract(doc, on_progress=lambda done, total: seen.append(total))
    assert seen and set(seen) == {60}  # progress within the file counts through every window
    ids = [e.local_id for e in windowed.entities]
    assert len(ids) == len(set(ids))
    # the man named in every paragraph is one local entity in each window, under his full name (the
    # name by which cross-document resolution makes them one person)
    recurring = [e for e in windowed.entities if e.name == "Doran Velkquist"]
    assert len(recurring) == len({m.local_id for m in windowed.mentions if m.text == "Doran Velkquist"}) > 3
    for m in windowed.mentions:
        assert text[m.start:m.end] == m.text
    for r in windowed.relations:
        assert text[r.evidence.start:r.evidence.end] == r.evidence.text and {r.source, r.target} <= set(ids)
    assert {(m.start, m.end, m.sentence, m.type) for m in windowed.mentions} == {
        (m.start, m.end, m.sentence, m.type) for m in whole.mentions}

    def ties(extraction):  # type: ignore[no-untyped-def]
        name = {e.local_id: e.name for e in extraction.entities}
        return {(frozenset({name[r.source], name[r.target]}), r.type, r.evidence.start) for r in extraction.relations}

    assert ties(windowed) == ties(whole) and len(ties(whole)) > 60
    assert {e.name for e in windowed.entities} == {e.name for e in whole.entities}


def test_a_killed_build_is_reported_until_its_paths_are_built_again(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    from linkchart.build import _begin

    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 1, seed=21)
    write_corpus(b, 1, seed=22)
    with Case.open(tmp_path / "c.db", writable=True) as case:
        _begin(case.store, [a])  # a build of folder a that was killed: it never completes
        assert case.state_warning() is not None
        case.build([b], extractor=extractor)
        assert case.state_warning() is not None  # another folder's build does not finish a's
        case.build([a], extractor=extractor)
        assert case.state_warning() is None  # the rerun of a does
        _begin(case.store, [b / "report-00000.txt"])
        case.build([tmp_path], extractor=extractor)  # a build of a folder above covers it
        assert case.state_warning() is None
