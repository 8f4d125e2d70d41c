"""The Case service over the store: stable ids, redirects, decisions that say what they did,
read-only commands that never write, a network updated in place, deterministic builds."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_material import REPO

from linkchart.case import Case
from linkchart.cli import cli
from linkchart.errors import LinkchartError
from linkchart.settings import Settings

# Written for these tests; no evaluation corpus is quoted.
FIRST = ("Tarek Benali and his brother Yassin Benali ran a garage in Lyon. Tarek Benali recruited Omar Haddou in 2013. "
         "Haddou later shared a flat with Nabil Ferrat in Grenoble.\n")
SECOND = "Omar Haddou, also known as Abu Sami, met Nabil Ferrat in prison in 2012.\n"
THIRD = "Karim Ouzani paid for the trips of Tarek Benali in 2014, according to the indictment.\n"


@pytest.fixture()
def case(tmp_path: Path, extractor) -> Case:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(FIRST)
    (folder / "b.txt").write_text(SECOND)
    opened = Case.open(tmp_path / "case.db", writable=True)
    opened.build([folder], extractor=extractor)
    return opened


def ids(case: Case) -> dict[str, str]:
    return {e.name: e.id for e in case.network().entities}


def test_ids_survive_new_documents_and_renames(case: Case, tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    before = ids(case)
    assert {"Tarek Benali", "Yassin Benali", "Omar Haddou", "Nabil Ferrat"} <= before.keys()
    (tmp_path / "reports" / "c.txt").write_text(THIRD)
    case.build([tmp_path / "reports"], extractor=extractor)
    after = ids(case)
    assert all(after[name] == eid for name, eid in before.items())
    assert "Karim Ouzani" in after
    outcome = case.rename("Tarek Benali", "Tarek Benali (garage owner)")
    assert "renamed Tarek Benali" in outcome.message
    assert case.entity(before["Tarek Benali"]).name == "Tarek Benali (garage owner)"
    assert case.entity("Tarek Benali").id == before["Tarek Benali"]  # old names still find him


def test_a_merged_away_id_redirects_to_the_survivor_and_undo_restores_it(case: Case) -> None:
    before = ids(case)
    outcome = case.merge("Nabil Ferrat", "Yassin Benali", reason="same phone number")
    survivor = outcome.entity_ids[0]
    assert {before["Nabil Ferrat"], before["Yassin Benali"]} >= {survivor}
    absorbed = ({before["Nabil Ferrat"], before["Yassin Benali"]} - {survivor}).pop()
    assert case.entity(absorbed).id == survivor  # a saved link to the absorbed id still works
    assert {"Nabil Ferrat", "Yassin Benali"} <= set(case.entity(survivor).alias_names())
    _, joins, _ = case.why(survivor)
    assert any("analyst merge: same phone number" in j.reason for j in joins)
    undone = case.undo(outcome.decision_id)
    assert "undid" in undone.message
    assert case.entity(absorbed).id == absorbed and case.entity(survivor).id == survivor
    with pytest.raises(LinkchartError, match="already undone"):
        case.undo(outcome.decision_id)


def test_decisions_are_validated_and_say_what_they_did(case: Case) -> None:
    with pytest.raises(LinkchartError, match="already one entity"):
        case.merge("Omar Haddou", "Abu Sami")
    with pytest.raises(LinkchartError, match="empty"):
        case.rename("Omar Haddou", "   ")
    with pytest.raises(LinkchartError, match="already the name of"):
        case.rename("Omar Haddou", "nabil ferrat")
    with pytest.raises(LinkchartError, match="already apart"):
        case.split("Tarek Benali", "Nabil Ferrat")
    # Merging by a display name the analyst gave works.
    case.rename("Yassin Benali", "Yassin B.")
    merged = case.merge("Yassin B.", "Nabil Ferrat")
    assert "merged" in merged.message and len(merged.entity_ids) == 1
    # A split separates two names of one entity, once.
    split = case.split("Omar Haddou", "Abu Sami", reason="two men, says the court")
    assert "split" in split.message and len(set(split.entity_ids)) == 2
    with pytest.raises(LinkchartError, match="already apart"):
        case.split("Omar Haddou", "Abu Sami")
    log = case.decisions()
    assert [d.action for d in log] == ["rename", "merge", "distinct"]
    assert log[-1].reason == "two men, says the court"


def test_cli_decisions_are_one_line_errors(case: Case) -> None:
    db = str(case.settings.db)
    case.close()
    runner = CliRunner()
    result = runner.invoke(cli, ["merge", "Omar Haddou", "Omar Haddou", "--db", db])
    assert result.exit_code == 1 and "already one entity" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["merge", "Omar Haddou", "Nabil Ferrat", "--db", db, "--reason", "one man"])
    assert result.exit_code == 0 and "merged" in result.output
    result = runner.invoke(cli, ["decisions", "--db", db])
    assert "one man" in result.output
    result = runner.invoke(cli, ["undo", "1", "--db", db])
    assert result.exit_code == 0 and "undid #1" in result.output


def test_an_unchanged_network_is_not_rewritten(case: Case) -> None:
    version = case.data_version()
    counts = case.resolve()
    assert (counts["added"], counts["changed"], counts["removed"]) == (0, 0, 0)
    assert case.data_version() == version
    case.rename("Nabil Ferrat", "Nabil F.")
    assert case.data_version() == version + 1


def test_entity_queries_do_not_need_the_whole_network(case: Case) -> None:
    page = case.entities(type="person", limit=2)
    assert page.total >= 4 and len(page.items) == 2
    assert page.items[0].ties >= page.items[1].ties
    view = case.view("Omar Haddou")
    assert "Abu Sami" in view.entity.alias_names()
    assert any(names for names in view.names.values())
    assert all(d.path.endswith(".txt") for d in view.documents.values())
    ego = case.network(ego="Omar Haddou", hops=1)
    assert view.entity.id in {e.id for e in ego.entities}
    assert all(r.source in {e.id for e in ego.entities} for r in ego.relations)
    with pytest.raises(LinkchartError, match="hops"):
        case.network(ego="Omar Haddou", hops=0)


def test_settings_are_kept_with_the_case(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "case.db"
    Case.open(db, writable=True, settings=Settings(db=db, max_file_mb=2.5)).close()
    assert Case.open(db).settings.max_file_mb == 2.5
    Case.open(db, writable=True).close()  # opening again without the flag keeps it
    assert Case.open(db).settings.max_file_mb == 2.5


def test_read_only_commands_never_write(tmp_path: Path) -> None:
    other = tmp_path / "notes.sqlite"
    with sqlite3.connect(other) as db:
        db.execute("CREATE TABLE notes (body TEXT)")
    before = other.read_bytes()
    for command in (["entities"], ["show", "X"], ["search", "X"], ["export", "--output", str(tmp_path / "x.json")]):
        result = CliRunner().invoke(cli, [*command, "--db", str(other)])
        assert result.exit_code == 1 and "not a linkchart database" in result.output, result.output
    assert other.read_bytes() == before
    result = CliRunner().invoke(cli, ["entities", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 1 and "no such database" in result.output
    assert not (tmp_path / "missing.db").exists()


def test_two_builds_are_identical_whatever_the_hash_seed(tmp_path: Path) -> None:
    dumps = []
    for seed in ("1", "2"):
        db = tmp_path / f"case{seed}.db"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        command = [sys.executable, "-c", "from linkchart.cli import main; main()", "build", str(REPO / "examples" / "demo"),
                   str(REPO / "examples" / "wiki")]  # wiki: fact boxes too
        subprocess.run([*command, "--db", str(db)], check=True, env=env, capture_output=True)
        with sqlite3.connect(db) as conn:
            rows = [line for line in conn.iterdump() if "added_at" not in line and not line.startswith("INSERT INTO \"documents")]
            rows += [repr(r) for r in conn.execute("SELECT id, path, title, date, content_hash FROM documents ORDER BY id")]
        dumps.append(rows)
    assert dumps[0] == dumps[1]


def test_review_suggestions_are_accepted_or_rejected_and_stay_decided(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Mohamed Nadir Kassir ran a bakery in Roubaix with Farid Selmi for ten years.\n")
    (folder / "b.txt").write_text("Mohammed Kassir travelled to Antwerp with Yanis Drouet in 2015, the court heard.\n")
    case = Case.open(tmp_path / "case.db", writable=True)
    case.build([folder], extractor=extractor)
    queue = case.review()
    pair = [(sid, s) for sid, s in queue if {s.name_a, s.name_b} == {"Mohamed Nadir Kassir", "Mohammed Kassir"}]
    assert len(pair) == 1, queue  # a father and son look like this: never merged silently
    sid, suggestion = pair[0]
    assert "given names differ" in suggestion.reason
    assert case.entity("Mohammed Kassir").id != case.entity("Mohamed Nadir Kassir").id
    outcome = case.reject(sid)
    assert "apart" in outcome.message and sid not in dict(case.review())
    case.build([folder], extractor=extractor)
    assert sid not in dict(case.review())  # a rejected suggestion is not asked again
    case.undo(outcome.decision_id)
    assert sid in dict(case.review())
    accepted = case.accept(sid)
    assert case.entity("Mohammed Kassir").id == case.entity("Mohamed Nadir Kassir").id
    assert sid not in dict(case.review())
    result = CliRunner().invoke(cli, ["decisions", "--db", str(case.settings.db)])
    assert f"{accepted.decision_id}\tmerge" in result.output


def test_show_says_where_a_date_came_from(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Published 12 May 2016\n\nIn March 2014 Karim Haddad shared a flat with Samir Ouali in Liege.\n")
    with Case.open(tmp_path / "case.db", writable=True) as case:
        case.build([folder], extractor=extractor)
    result = CliRunner().invoke(cli, ["show", "Karim Haddad", "--db", str(tmp_path / "case.db")])
    assert result.exit_code == 0 and 'stated: "March 2014"' in result.output, result.output


# Written for these tests: follow-up reports that name earlier people by a lone surname, an
# alias, a spelling variant and an abbreviated surname, so that later documents join and split
# entities of earlier ones.
LATER = [
    "Haddou was arrested in Grenoble in 2015. Sami Haddou is not related to him, his lawyer said.\n",
    "Abu Sami sent money to Karim Ouzani in 2015, investigators said.\n",
    "Tarek Benaly, as the court spelled his name, met Karim O. in Lyon in 2016.\n",
    "Yassin Benali shared a flat with Walid Serrar in Marseille. Serrar recruited Nabil Ferrat.\n",
]


def snapshot(case: Case) -> dict[str, object]:
    """Everything resolution decides, in a canonical form: entities with their names, members
    and the log of joins, ties with their evidence, events, the review queue."""
    from dataclasses import asdict

    network = case.network()
    return {"entities": sorted(repr(asdict(e)) for e in network.entities),
            "ties": sorted(repr(asdict(r)) for r in network.relations),
            "events": sorted(repr(asdict(e)) for e in network.events),
            "joins": {e.id: [repr(m) for m in case.store.merge_decisions(e.id)] for e in network.entities},
            "members": case.store.members(entity_ids=[e.id for e in network.entities]),
            "review": sorted(repr(s) for s in case.review())}


def _write(folder: Path, texts: dict[str, str]) -> None:
    folder.mkdir(exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text)


def _same_components(case: Case) -> None:
    """The walk of a build and the one pass of a whole resolution find the same components."""
    from linkchart.update import _components, _DecisionLinks, _every_component

    links = _DecisionLinks(case.store.analyst_decisions())
    walked = {frozenset(c) for c in _components(case.store, list(case.store.local_ids()), links)}
    assert walked == {frozenset(c) for c in _every_component(case.store, links)}
    assert sum(len(c) for c in walked) == len(list(case.store.local_ids()))


def test_a_build_in_two_steps_and_decisions_equal_one_build(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    """The incremental path (only the blocks new documents touch) gives the case a whole
    resolution of the same documents and decisions gives: same ids, names, ties, joins, queue."""
    from synthetic import write_corpus

    first = {"a1.txt": FIRST, "a2.txt": SECOND}
    later = {"b1.txt": THIRD} | {f"b{k + 2}.txt": text for k, text in enumerate(LATER)}
    invented = tmp_path / "invented"
    write_corpus(invented, 24, seed=5, sentences=4, recurring=True)
    early, late = sorted(invented.iterdir())[:12], sorted(invented.iterdir())[12:]
    first |= {f"a-{p.name}": p.read_text() for p in early}
    later |= {f"b-{p.name}": p.read_text() for p in late}

    steps = tmp_path / "steps"
    _write(steps, first)
    stepwise = Case.open(tmp_path / "steps.db", writable=True)
    report = stepwise.build([steps], extractor=extractor)
    assert report.resolved > 0
    _write(steps, later)
    report = stepwise.build([steps], extractor=extractor)
    total = len(list(stepwise.store.local_ids()))
    assert 0 < report.resolved < total  # the new documents' blocks, not the corpus

    once = tmp_path / "once"
    _write(once, first | later)
    whole = Case.open(tmp_path / "once.db", writable=True)
    whole.build([once], extractor=extractor)
    assert snapshot(stepwise) == snapshot(whole)

    for case in (stepwise, whole):
        case.merge("Walid Serrar", "Karim Ouzani", reason="one phone")
        held = case.entity("Walid Serrar")
        assert case.last_resolution["resolved"] < total / 2  # the two entities' blocks only
        assert {"Walid Serrar", "Karim Ouzani"} <= set(held.alias_names())
    assert snapshot(stepwise) == snapshot(whole)
    split = stepwise.split("Tarek Benali", "Tarek Benaly")
    assert stepwise.last_resolution["resolved"] < total / 2
    _same_components(stepwise)  # a member split off stands for the entity it came from
    whole.split("Tarek Benali", "Tarek Benaly")
    assert snapshot(stepwise) == snapshot(whole)
    for case in (stepwise, whole):
        case.undo(split.decision_id)
    assert snapshot(stepwise) == snapshot(whole)
    again = snapshot(stepwise)
    counts = stepwise.resolve(whole=True)
    assert counts["whole"] == 1 and counts["resolved"] == total
    assert snapshot(stepwise) == again  # what the increments made is what a whole resolution makes
    _same_components(stepwise)
    indexes = {r[0] for r in stepwise.store.db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"resolution_keys_by_key", "resolution_keys_local", "resolution_keys_doc"} <= indexes  # built again

    stepwise.remove([str(steps / "b2.txt")])  # a removed document: its blocks are resolved again
    assert 0 < stepwise.last_resolution["resolved"] < total
    (once / "b2.txt").unlink()
    without = Case.open(tmp_path / "without.db", writable=True)
    without.build([once], extractor=extractor)
    without.merge("Walid Serrar", "Karim Ouzani", reason="one phone")
    assert snapshot(stepwise) == snapshot(without)
    for case in (stepwise, whole, without):
        case.close()
