"""The four contract commands end to end, the store's promises, and the scores on the seed."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_material import REPO, SEED, SHARED, score_corpus

from linkchart.build import build
from linkchart.cli import cli
from linkchart.settings import Settings
from linkchart.store import open_store


def test_seed_scores_meet_the_foundation_targets(seed_db: Path) -> None:
    report = score_corpus(seed_db, SHARED / "eval" / "gold" / "seed.json", SEED)
    s = report["summary"]
    assert s["person_f1"] >= 0.85
    assert s["org_recall"] >= 0.75
    assert s["alias_recall"] >= 0.6
    assert s["tie_pp_f1"] >= 0.7
    assert s["forbidden_ties"] == 0
    assert s["evidence_verbatim"] == 1.0
    assert s["duplicates_found"] == "1/1"
    assert report["not_actors_present"] == []  # no photographer or agency in the network


def test_contract_commands(seed_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["entities", "--db", str(seed_db)])
    assert result.exit_code == 0 and "Abdelhamid Abaaoud" in result.output
    result = runner.invoke(cli, ["show", "Abaaoud", "--db", str(seed_db)])
    assert result.exit_code == 0
    assert "Salah Abdeslam" in result.output
    quoted = re.findall(r"“(.+?)”\n", result.output)
    corpus_text = " ".join(p.read_text(encoding="utf-8") for p in SEED.glob("*.txt"))
    assert len(quoted) >= 5 and all(q in corpus_text for q in quoted)  # every tie shows its sentence, verbatim
    for fmt in ("json", "graphml", "gexf", "csv"):
        out = tmp_path / f"graph.{fmt}"
        result = runner.invoke(cli, ["export", "--db", str(seed_db), "--format", fmt, "--output", str(out)])
        assert result.exit_code == 0, result.output
    graph = json.loads((tmp_path / "graph.json").read_text())
    assert {"documents", "entities", "relations"} <= graph.keys()
    assert all(r["evidence"] for r in graph["relations"])
    ET.parse(tmp_path / "graph.graphml")
    gexf = ET.parse(tmp_path / "graph.gexf").getroot()
    assert gexf.tag.endswith("gexf")
    assert (tmp_path / "graph-nodes.csv").read_text().startswith("id,label")


def test_unknown_name_and_missing_db_are_one_line_errors(seed_db: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["show", "Nobody Atall", "--db", str(seed_db)])
    assert result.exit_code == 1 and "no entity named" in result.output and "Traceback" not in result.output
    result = runner.invoke(cli, ["entities", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1 and "no such database" in result.output


def test_rebuild_is_idempotent_and_bad_files_do_not_stop_the_batch(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    shutil.copytree(REPO / "examples" / "demo", folder)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01" * 50)
    db = tmp_path / "case.db"
    store = open_store(db)
    first = build([folder], store, Settings(db=db), extractor=extractor)
    assert len(first.errors) == 2 and all(("empty.txt" in e) or ("binary.txt" in e) for e in first.errors)
    assert first.added and first.duplicates
    before = open_store(db).network()
    again = build([folder], store, Settings(db=db), extractor=extractor)
    assert again.added == [] and len(again.unchanged) == len(first.added) + len(first.duplicates)
    after = open_store(db).network()
    assert [e.id for e in before.entities] == [e.id for e in after.entities]
    assert [(r.id, len(r.evidence)) for r in before.relations] == [(r.id, len(r.evidence)) for r in after.relations]
    assert store.search_documents("Charleroi")


@pytest.mark.needs_shared
def test_analyst_decisions_survive_rebuild(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "case.db"
    store = open_store(db)
    build([SEED], store, Settings(db=db), extractor=extractor)
    runner = CliRunner()
    result = runner.invoke(cli, ["merge", "Reda Kriket", "Youssef Bouyabarem", "--db", str(db)])
    assert result.exit_code == 0, result.output
    build([SEED], store, Settings(db=db), extractor=extractor)  # a rebuild keeps the decision
    merged = [e for e in open_store(db).network().entities if "Reda Kriket" in e.alias_names()]
    assert len(merged) == 1 and "Youssef Bouyabarem" in merged[0].alias_names()
    result = runner.invoke(cli, ["why", "Kriket", "--db", str(db)])
    assert result.exit_code == 0 and "analyst merge" in result.output
    result = runner.invoke(cli, ["split", "Reda Kriket", "Youssef Bouyabarem", "--db", str(db)])
    assert result.exit_code == 0, result.output
    apart = [e for e in open_store(db).network().entities if "Reda Kriket" in e.alias_names()]
    assert len(apart) == 1 and "Youssef Bouyabarem" not in apart[0].alias_names()


def test_split_undoes_a_join_made_inside_one_document(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Karim Zarouali, also known as Abu Dujana, ran the safe house in Verviers. "
        "Zarouali met Samir Ouali there in 2014.\n")
    db = tmp_path / "case.db"
    store = open_store(db)
    build([folder], store, Settings(db=db), extractor=extractor)
    joined = [e for e in store.network().entities if "Abu Dujana" in e.alias_names()]
    assert len(joined) == 1 and "Karim Zarouali" in joined[0].alias_names()
    result = CliRunner().invoke(cli, ["split", "Karim Zarouali", "Abu Dujana", "--db", str(db)])
    assert result.exit_code == 0, result.output
    entities = open_store(db).network().entities
    karim = [e for e in entities if "Karim Zarouali" in e.alias_names()]
    dujana = [e for e in entities if "Abu Dujana" in e.alias_names()]
    assert len(karim) == 1 and len(dujana) == 1 and karim[0].id != dujana[0].id
    # The decision is kept when the folder is built again.
    build([folder], open_store(db), Settings(db=db), extractor=extractor)
    entities = open_store(db).network().entities
    assert not any({"Karim Zarouali", "Abu Dujana"} <= set(e.alias_names()) for e in entities)


def test_events_reach_show_and_every_export(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "a.txt").write_text("Karim Haddad travelled to Syria in 2014. Samir Ouali met Karim Haddad in Molenbeek.\n")
    (folder / "b.txt").write_text("In 2014 Karim Haddad travelled to Syria, his family said. He later returned.\n")
    db = tmp_path / "case.db"
    build([folder], open_store(db), Settings(db=db), extractor=extractor)
    runner = CliRunner()
    shown = runner.invoke(cli, ["show", "Karim Haddad", "--db", str(db)])
    assert shown.exit_code == 0 and "travel: travel to Syria" in shown.output
    out = tmp_path / "graph.json"
    assert runner.invoke(cli, ["export", "--db", str(db), "--format", "json", "--output", str(out)]).exit_code == 0
    events = json.loads(out.read_text())["events"]
    trip = [e for e in events if e["label"] == "travel to Syria"]
    assert len(trip) == 1 and len(trip[0]["evidence"]) == 2  # one trip, reported by both documents
    assert runner.invoke(cli, ["export", "--db", str(db), "--format", "csv", "--output", str(tmp_path / "g.csv")]).exit_code == 0
    assert "travel to Syria" in (tmp_path / "g-events.csv").read_text()


def test_a_document_that_breaks_extraction_is_reported_and_the_rest_stored(tmp_path: Path, extractor, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text("Karim Haddad shared a flat with Samir Ouali in Molenbeek in 2014.\n")
    (folder / "bad.txt").write_text("Nabil Dahmani met Yassine Rami in Verviers in 2013, police said.\n")
    real = type(extractor).extract_parsed

    def flaky(self, document, *args):  # type: ignore[no-untyped-def]
        if document.path.endswith("bad.txt"):
            raise ValueError("parser exploded")
        return real(self, document, *args)

    monkeypatch.setattr(type(extractor), "extract_parsed", flaky)
    db = tmp_path / "case.db"
    report = build([folder], open_store(db), Settings(db=db), extractor=extractor)
    assert any("bad.txt: extraction failed (ValueError: parser exploded)" in e for e in report.errors)
    names = {e.name for e in open_store(db).network().entities}
    assert {"Karim Haddad", "Samir Ouali"} <= names and "Nabil Dahmani" not in names
