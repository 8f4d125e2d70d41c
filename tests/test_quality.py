"""Extraction quality, measured the way the project is judged: `linkchart evaluate` runs the
shared scorer on the built network. Seed targets are those of the extraction issue; the two
fictional corpora (news reports, and inquiry-report prose with translated names) guard
against tuning to one writer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_material import EVAL, REAL, REPO, SEED

from linkchart.build import build
from linkchart.cli import cli
from linkchart.settings import Settings
from linkchart.store import open_store

SCORER = EVAL / "score_graph.py"
pytestmark = pytest.mark.needs_shared  # the scorer, the seed and the real corpus live in ../shared


@pytest.fixture(scope="module")
def built(tmp_path_factory, extractor):  # type: ignore[no-untyped-def]
    """Build each corpus once: name -> (db, corpus folder, gold file)."""
    corpora = {
        "seed": (SEED, EVAL / "gold" / "seed.json"),
        "real": (REAL, EVAL / "gold" / "real.json"),
        "demo": (REPO / "examples" / "demo", REPO / "examples" / "gold" / "demo.json"),
        "inquiry": (REPO / "examples" / "inquiry", REPO / "examples" / "gold" / "inquiry.json"),
        "wiki": (REPO / "examples" / "wiki", REPO / "examples" / "gold" / "wiki.json"),
        "press": (REPO / "examples" / "press", REPO / "examples" / "gold" / "press.json"),
    }
    out = {}
    for name, (folder, gold) in corpora.items():
        db = tmp_path_factory.mktemp(name) / f"{name}.db"
        store = open_store(db)
        build([folder], store, Settings(db=db), extractor=extractor)
        store.close()
        out[name] = (db, folder, gold)
    return out


def _evaluate(built, name: str, *extra: str):  # type: ignore[no-untyped-def]
    db, folder, gold = built[name]
    return CliRunner().invoke(cli, ["evaluate", "--db", str(db), "--gold", str(gold), "--corpus", str(folder),
                                    "--scorer", str(SCORER), *extra])


def _report(built, name: str) -> dict:  # type: ignore[no-untyped-def]
    result = _evaluate(built, name, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_seed_meets_the_extraction_targets(built) -> None:  # type: ignore[no-untyped-def]
    report = _report(built, "seed")
    s = report["summary"]
    assert s["person_f1"] >= 0.92
    assert s["org_recall"] >= 0.9
    assert s["alias_recall"] >= 0.85
    assert s["tie_pp_f1"] >= 0.94 and s["tie_pp_precision"] >= 0.95  # (0.96, P 1.0: session 6)
    assert s["tie_po_f1"] >= 0.8
    assert report["ties"]["person-person"]["type_accuracy"] >= 0.85
    assert s["forbidden_ties"] == 0 and s["evidence_verbatim"] == 1.0
    assert report["merges"] == [] and report["not_actors_present"] == []


def test_real_corpus_holds_its_measured_figures(built) -> None:  # type: ignore[no-untyped-def]
    """38 real texts no one here wrote (wiki pages, court opinions, government releases about many
    kinds of network): the development set that counts. The floors are the figures measured when
    the scored tie decision came in, less 0.02; the tie model scores each of these texts with the
    weights of the cross-validation fold that left it out, so the tie figures are held-out ones."""
    report = _report(built, "real")
    s = report["summary"]
    # measured (session 4, merged): person_f1 0.945, org_recall 0.889, alias_recall 0.855, tie_pp_f1 0.773 (P 0.835, R 0.72)
    # session 5 (merged): person_f1 0.954, org_recall 0.911, alias_recall 0.896, tie_pp_f1 0.846 (P 0.892, R 0.804),
    # tie_po_f1 0.803; held out by document in training: pp 0.787 (P 0.854)
    # session 6 (names and aliases: acronyms spelling split names, an Arabic article, a possessor group,
    # pseudonyms in participle clauses, house and site places, kunyas, coordinated full names, Irish 'O'):
    # person_f1 0.969, org_recall 0.922, alias_recall 0.921, tie_po_f1 0.845
    # session 6 (merged; names read in order: a bare surname or a shorter form of several people's
    # names is the one named before it, Joe / Joseph as one name): person_f1 0.968, org_recall
    # 0.922, alias_recall 0.923, tie_pp_f1 0.851 (P 0.877, R 0.827), tie_po_f1 0.845. Precision
    # gave 0.008 for recall here and for seed's 0.87 -> 0.96: more people resolved take more ties.
    assert s["person_f1"] >= 0.948 and s["org_recall"] >= 0.902 and s["alias_recall"] >= 0.903
    assert s["tie_pp_f1"] >= 0.831 and s["tie_pp_precision"] >= 0.857 and s["tie_pp_recall"] >= 0.807
    # measured (session 5, roles and membership): tie_po_f1 0.838 (P 0.97, R 0.74)
    assert s["tie_po_f1"] >= 0.825
    assert s["forbidden_ties"] == 0  # no co-occupants of a house taken over, no theorist cited beside a member
    assert report["merges"] == []  # no father with his son, no brothers, no mother with her sons
    assert s["evidence_verbatim"] == 1.0


def test_demo_corpus_meets_the_foundation_target(built) -> None:  # type: ignore[no-untyped-def]
    report = _report(built, "demo")
    s = report["summary"]
    assert s["person_f1"] >= 0.9
    assert s["alias_recall"] >= 0.85  # kunya, quoted nickname, Kasmi/Qasmi, Ben Hadj/Benhadj
    assert s["tie_pp_f1"] >= 0.8 and s["tie_po_f1"] >= 0.85  # "members of the network" after "the Kasmi network"
    assert s["forbidden_ties"] == 0  # quoted analysts, a denied meeting, "no evidence that the two ever spoke"
    assert s["duplicates_found"] == "1/1"
    assert report["not_actors_present"] == []  # photographers, agencies, the papers themselves
    assert report["merges"] == []  # the two Youssefs and the Lahlali brothers stay apart


def test_inquiry_corpus_keeps_ties_precise(built) -> None:  # type: ignore[no-untyped-def]
    report = _report(built, "inquiry")
    s = report["summary"]
    assert s["tie_pp_precision"] >= 0.9 and s["tie_pp_f1"] >= 0.8
    assert s["forbidden_ties"] == 0 and s["evidence_verbatim"] == 1.0
    assert report["merges"] == []
    assert s["person_f1"] >= 0.8  # (0.824) committee members are the open gap (see README)
    assert s["alias_recall"] >= 0.92  # (0.944) 'Abd al-Karim' / 'Abdelkarim', 'transliterated as', 'El Roe' alone


def test_held_out_wiki_corpus_generalises(built) -> None:  # type: ignore[no-untyped-def]
    """Written after the extractor and annotated by someone who never saw its code: wiki pages
    with fact boxes, references and footnote markers, a feature article, Spanish and Dutch names."""
    report = _report(built, "wiki")
    s = report["summary"]
    # person_f1 1.0 (session 6: wiki hatnotes dropped, a lone 'al-X' word no person by the NER alone)
    assert s["person_f1"] >= 0.98 and s["alias_recall"] >= 0.95 and s["org_recall"] >= 0.9
    assert s["tie_pp_f1"] >= 0.85 and s["tie_pp_precision"] >= 0.9 and s["tie_po_f1"] >= 0.85
    assert s["forbidden_ties"] == 0 and s["evidence_verbatim"] == 1.0 and s["duplicates_found"] == "1/1"
    assert report["merges"] == []


def test_held_out_press_corpus_generalises(built) -> None:  # type: ignore[no-untyped-def]
    """British press (wires, live blog, court report, op-ed, a hard-wrapped print page), written
    and annotated after the extractor by someone who never saw its code."""
    report = _report(built, "press")
    s = report["summary"]
    assert s["person_f1"] >= 0.75 and s["alias_recall"] >= 0.8 and s["org_recall"] >= 0.9
    assert s["tie_pp_f1"] >= 0.8 and s["tie_pp_precision"] >= 0.85 and s["tie_po_f1"] >= 0.75
    assert s["forbidden_ties"] == 0 and s["evidence_verbatim"] == 1.0 and s["duplicates_found"] == "1/1"
    assert report["merges"] == []


def test_evaluate_fails_below_a_minimum_and_prints_the_summary(built) -> None:  # type: ignore[no-untyped-def]
    ok = _evaluate(built, "demo", "--min", "person_f1=0.5")
    assert ok.exit_code == 0 and "summary person_f1=" in ok.output
    failing = _evaluate(built, "demo", "--min", "person_f1=1.01")
    assert failing.exit_code == 1 and "below target: person_f1=" in failing.output
    bad = _evaluate(built, "demo", "--min", "person_f1")
    assert bad.exit_code == 1 and "expected NAME=NUMBER" in bad.output


def test_evaluate_reports_a_missing_scorer_in_one_line(built, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    db, folder, _ = built["demo"]
    gold = tmp_path / "gold.json"
    gold.write_text("{}")
    monkeypatch.delenv("LINKCHART_SCORER", raising=False)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["evaluate", "--db", str(db), "--gold", str(gold), "--corpus", str(folder)])
    assert result.exit_code == 1 and "cannot find score_graph.py" in result.output
