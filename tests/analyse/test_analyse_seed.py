"""The analysis CLI on the real seed corpus: who ties the Paris and Brussels cells together, and why.

The seed reporting (Foreign Affairs, "Lone Wolves No More"; IBT, "European terror networks")
describes Abdelhamid Abaaoud as the operations manager who ran the Paris attackers and was in
touch with the Brussels cell, Khalid Zerkani's recruiting network as the pool both came from, and
Salah Abdeslam and Mohamed Abrini as the men who moved between the two cities. Whatever the
extraction finds, a user of `linkchart analyse` should be pointed at those people, and every tie
offered as the reason should rest on a sentence that is really in the reporting.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from shared_material import SEED

from linkchart.analyse.cli.base import load_network
from linkchart.cli import cli

pytestmark = pytest.mark.needs_shared
# Surnames of the people the reporting presents as the links between the cells.
CONNECTORS = ("Abaaoud", "Abdeslam", "Abrini", "Zerkani")


def folded(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def corpus() -> str:
    return "\n".join(folded(p.read_text(encoding="utf-8")) for p in sorted(SEED.glob("*")) if p.is_file())


@pytest.fixture(scope="module")
def aliases(seed_db: Path) -> dict[str, list[str]]:
    """Every name each entity goes by, to check that a sentence is about the people it links."""
    return {e.id: e.alias_names() for e in load_network(str(seed_db)).entities}


@pytest.fixture(scope="module")
def analyse(seed_db: Path):
    runner = CliRunner()

    def run(*args: str):
        result = runner.invoke(cli, ["analyse", *args, "--db", str(seed_db), "--json"])
        assert result.exit_code == 0, result.output + repr(result.exception)
        return json.loads(result.output)

    return run


def is_connector(person: dict) -> bool:
    return any(name in person["name"] for name in CONNECTORS)


def check_tie(tie: dict, corpus: str, aliases: dict[str, list[str]]) -> None:
    """A tie shown to a user rests on sentences that are in the reporting and name one of its people."""
    assert tie["evidence"], tie
    names = [a for end in (tie["source"], tie["target"]) for a in aliases[end["id"]] if len(a) > 2]
    names += [n.split()[-1] for n in names if len(n.split()) > 1]  # "the X brothers": a surname two people share
    for evidence in tie["evidence"]:
        sentence = folded(evidence["text"])
        assert sentence in corpus, sentence
        assert any(name in sentence for name in names), (sentence, names)


def test_the_top_brokers_are_the_men_the_reporting_names_and_their_ties_say_why(analyse, corpus, aliases):
    report = analyse("key-actors", "--by", "betweenness", "--top", "3")
    top = report["actors"][0]
    assert is_connector(top["person"]), top["person"]
    assert top["betweenness"] > 0
    # What makes them a broker: ties across cells, or ties whose loss would cut people off.
    telling = [t for t in top["ties"] if t["other_cell"] is not None or t["bridge"]]
    assert telling
    assert any(t["other_cell"] is not None for a in report["actors"] for t in a["ties"])
    for actor in report["actors"]:
        for held in actor["ties"]:
            assert held["tie"]["source"]["id"] == actor["person"]["id"]
            check_tie(held["tie"], corpus, aliases)


def test_the_cells_are_tied_together_by_the_connectors(analyse, corpus, aliases):
    cells = [c for c in analyse("cells")["communities"] if len(c["members"]) >= 2]
    assert len(cells) >= 2
    between = [t for c in cells for t in c["outside_ties"]]
    holders = {t["source"]["name"] for t in between}
    assert any(is_connector({"name": name}) for name in holders), holders
    for t in between:
        check_tie(t, corpus, aliases)
    top = analyse("key-actors", "--by", "betweenness", "--top", "1")["actors"][0]["person"]["name"]
    assert top in holders


def test_the_paris_attacker_reaches_the_brussels_bomber_through_a_connector(analyse, corpus, aliases):
    paths = analyse("path", "Salah Abdeslam", "Najim Laachraoui")
    assert paths, "Salah Abdeslam and Najim Laachraoui are not connected"
    path = paths[0]
    assert path["length"] >= 1 and len(path["hops"]) == path["length"]
    assert all(is_connector(p) for p in path["people"][1:-1]), path["people"]
    for hop in path["hops"]:
        check_tie(hop, corpus, aliases)


def test_arresting_the_key_player_breaks_the_network(analyse):
    found = analyse("disrupt", "--kpp-neg", "1")
    assert is_connector(found["people"][0]), found["people"]
    before, after = found["disruption"]["before"], found["disruption"]["after"]
    assert after["largest_component"] < before["largest_component"]
    assert after["distance_fragmentation"] > before["distance_fragmentation"]
    assert found["disruption"]["cut_off"]


def test_excluding_hedged_statements_keeps_only_firm_evidence(analyse, corpus, aliases):
    report = analyse("key-actors", "--by", "betweenness", "--top", "5", "--exclude-hedged")
    for actor in report["actors"]:
        for held in actor["ties"]:
            assert not any(e["hedged"] for e in held["tie"]["evidence"])
            check_tie(held["tie"], corpus, aliases)


def _ties_by_surnames(network) -> dict[tuple[str, str, str], object]:
    """Ties by (surname, type, surname) and by (full name, type, full name): two brothers share a
    surname, so a tie to one of them is looked up by full names. An undirected tie is found from
    either end."""
    found: dict[tuple[str, str, str], object] = {}
    for names in ({e.id: e.name.split()[-1] for e in network.entities}, {e.id: e.name for e in network.entities}):
        found |= {(names[r.source], r.type, names[r.target]): r for r in network.relations}
        found |= {(names[r.target], r.type, names[r.source]): r for r in network.relations if not r.directed}
    return found


def test_no_seed_tie_is_dated_after_its_report_or_by_a_birth_date(seed_db: Path):
    from linkchart.dates import surely_before

    network = load_network(str(seed_db))
    reported = {d.id: d.date for d in network.documents}
    dated = [r for r in network.relations if r.date]
    assert dated
    for r in dated:
        assert r.date_source is not None and r.date_source.basis in {"stated", "relative"}
        for e in r.evidence:
            assert not surely_before(reported[e.document_id], r.date), (r.date, e.text)
            assert not re.search(r"\bborn\s+(?:on\s+|in\s+)?" + re.escape(r.date_source.words), e.text)


def test_five_seed_tie_dates_checked_by_hand(seed_db: Path):
    ties = _ties_by_surnames(load_network(str(seed_db)))

    def dated(a: str, kind: str, b: str):
        r = ties[(a, kind, b)]
        return r.date, r.date_source.basis if r.date_source else None, r.date_source.anchor if r.date_source else None

    # "In 2010 ... were arrested": stated in the clause.
    assert dated("Abdelhamid Abaaoud", "associate", "Salah Abdeslam") == ("2010", "stated", None)
    # "In 2012, Zerkani had several meetings ... with ... Bouyabarem".
    assert dated("Zerkani", "communicated_with", "Bouyabarem") == ("2012", "stated", None)
    # "The following year, Bouyabarem attempted to travel to Somalia to fight with ... al-Shabab": 2012 + 1.
    assert dated("Bouyabarem", "member_of", "al-Shabab") == ("2013", "relative", "2012")
    # "stopped in September" in a report of 29 March 2016: September 2015, not 2016-09.
    assert dated("Belkaïd", "associate", "Laachraoui") == ("2015-09", "relative", "2016-03-29")
    # "belonged to a Belgian network led by Khalid Zerkani, a recruiter ...": no date in the clause.
    assert dated("Laachraoui", "recruited_by", "Zerkani") == (None, None, None)


def test_zerkani_is_a_recruiter_with_recruits_and_counts_as_radicalised(analyse):
    data = analyse("recruitment")
    assert any("Zerkani" in r["person"]["name"] and r["role"] == "recruiter" for r in data["recruiters"])
    tree = next(t for t in data["trees"] if "Zerkani" in t["person"]["name"])
    recruits = {r["person"]["name"].split()[-1] for r in tree["recruits"]}
    assert {"Abaaoud", "Laachraoui"} <= recruits
    assert all(x["radicalised"] for x in data["exposure"] if "Zerkani" in x["person"]["name"])
