"""The `analyse` command group on a hand-built network (the store is monkeypatched out)."""

from __future__ import annotations

import json
import re

import pytest
from analyse_helpers import commentator, document, network, org, person, rel
from click.testing import CliRunner

from linkchart.analyse import cli
from linkchart.analyse.cli import base
from linkchart.model import CO_RESIDED, FAMILY, MEMBER_OF, RECRUITED_BY, DateSource

BROTHERS = "Salah Abdeslam is the brother of Brahim Abdeslam."
SAFE_HOUSE = "They shared a safe house in Schaerbeek."
RECRUITED = "Laachraoui was reportedly recruited by Abaaoud."


def brussels():
    people = [
        person("Abdelhamid Abaaoud", "Abu Umar"),
        person("Salah Abdeslam", "Abdeslam"),
        person("Brahim Abdeslam", "Abdeslam"),
        person("Mohamed Abrini"),
        person("Najim Laachraoui"),
        person("Chakib Akrouh"),
        commentator("Jean-Charles Brisard"),
        org("Islamic State"),
    ]
    aa, sa, ba, ma, nl, ca = (p.id for p in people[:6])
    ties = [
        rel(sa, ba, FAMILY, text=BROTHERS, date="2015", doc="d1"),
        rel(aa, sa, text="Abaaoud and Salah Abdeslam grew up together in Molenbeek.", date="2010", doc="d1"),
        rel(aa, ba, doc="d1"),
        rel(sa, ma, CO_RESIDED, text=SAFE_HOUSE, date="2016-03", doc="d2"),
        rel(ma, nl, CO_RESIDED, text=SAFE_HOUSE, date="2016-03", doc="d2"),
        rel(sa, nl, CO_RESIDED, text=SAFE_HOUSE, date="2016-03", doc="d2"),
        rel(nl, aa, RECRUITED_BY, text=RECRUITED, hedged=True, doc="d2"),
        rel(ca, aa, doc="d1"),
        rel(aa, "islamic-state", MEMBER_OF, text="Abaaoud joined the Islamic State in Syria.", doc="d1"),
        rel("jean-charles-brisard", aa, text="Brisard said Abaaoud was the leader.", doc="d1"),
    ]
    docs = [document("d1", "2015-11-20"), document("d2", "2016-03-25")]
    return network(ties, entities=people, documents=docs)


@pytest.fixture
def run(monkeypatch):
    opened = []

    def fake_load(db_path):
        opened.append(db_path)
        return brussels()

    monkeypatch.setattr(base, "load_network", fake_load)
    runner = CliRunner()

    def invoke(*args):
        result = runner.invoke(cli.analyse, list(args), env={"COLUMNS": "250"})
        result.opened = opened
        return result

    return invoke


def ok(result):
    assert result.exit_code == 0, result.output + repr(result.exception)
    return result.output


def as_json(result):
    return json.loads(ok(result))


def test_help_lists_every_subcommand(run):
    text = ok(run("--help"))
    for name in ("key-actors", "cells", "disrupt", "path", "ego", "common", "timeline", "growth", "recruitment", "contagion"):
        assert name in text


def test_key_actors_table_and_json(run):
    text = ok(run("key-actors", "--db", "cases.db"))
    assert "Abdelhamid Abaaoud" in text and "Key actors among 6 people" in text
    assert "Brisard" not in text  # commentators are not in the network
    report = as_json(run("key-actors", "--json", "--top", "3"))
    assert len(report["actors"]) == 3
    assert report["actors"][0]["person"]["name"] in {"Abdelhamid Abaaoud", "Salah Abdeslam"}
    assert all(t["tie"]["evidence"] for a in report["actors"] for t in a["ties"])


def test_db_path_is_passed_to_the_store(run):
    result = run("growth", "--db", "cases.db")
    ok(result)
    assert result.opened == ["cases.db"]
    assert run("growth").opened[-1] == "linkchart.db"


def test_cells_show_the_safe_house_clique_with_evidence(run):
    text = ok(run("cells"))
    assert "Co-resident cliques" in text and SAFE_HOUSE in text
    data = as_json(run("cells", "--json"))
    clique = data["cliques"][0]
    assert sorted(m["name"] for m in clique["members"]) == ["Mohamed Abrini", "Najim Laachraoui", "Salah Abdeslam"]
    assert any(o["org"]["name"] == "Islamic State" for c in data["communities"] for o in c["organisations"])


def test_disrupt_by_removal_and_key_player_search(run):
    text = ok(run("disrupt", "--remove", "abu umar"))
    assert "fragmentation" in text and "Chakib Akrouh" in text  # cut off once Abaaoud is gone
    cut = as_json(run("disrupt", "--cut", "Salah Abdeslam", "Brahim Abdeslam", "--json"))
    assert cut["removed_ties"][0]["evidence"][0]["text"] == BROTHERS
    neg = as_json(run("disrupt", "--kpp-neg", "1", "--json"))
    assert neg["kind"] == "KPP-Neg" and len(neg["people"]) == 1
    assert as_json(run("disrupt", "--kpp-neg", "1", "--measure", "fragmentation", "--json"))["measure"] == "fragmentation"
    pos = ok(run("disrupt", "--kpp-pos", "2"))
    assert "KPP-Pos" in pos and "distance-weighted reach" in pos


def test_disrupt_needs_exactly_one_mode(run):
    result = run("disrupt")
    assert result.exit_code == 2 and "give --remove/--cut" in result.output
    assert run("disrupt", "--kpp-neg", "1", "--kpp-pos", "1").exit_code == 2
    assert run("disrupt", "--kpp-neg", "99").exit_code == 2


def test_path_shows_each_hop_with_evidence(run):
    text = ok(run("path", "Brahim Abdeslam", "Najim Laachraoui", "--k", "2"))
    assert "Path 1: 2 hops" in text and "Path 2: 2 hops" in text
    assert SAFE_HOUSE in text and BROTHERS in text and RECRUITED in text
    paths = as_json(run("path", "Brahim Abdeslam", "Najim Laachraoui", "--k", "3", "--json"))
    assert [p["length"] for p in paths] == [2, 2, 3]


def test_exclude_hedged_drops_the_reported_recruitment(run):
    hedged = as_json(run("path", "Chakib Akrouh", "Najim Laachraoui", "--json"))
    assert hedged[0]["length"] == 2 and hedged[0]["hedged_hops"] == 1
    strict = as_json(run("path", "Chakib Akrouh", "Najim Laachraoui", "--json", "--exclude-hedged"))
    assert strict[0]["length"] == 3 and strict[0]["hedged_hops"] == 0


def test_ego_and_common(run):
    text = ok(run("ego", "Salah Abdeslam", "--hops", "2"))
    assert "within 2 hops" in text and "Chakib Akrouh" in text
    common = as_json(run("common", "Salah Abdeslam", "Brahim Abdeslam", "--json"))
    assert [c["person"]["name"] for c in common["associates"]] == ["Abdelhamid Abaaoud"]
    assert common["direct"]["evidence"][0]["text"] == BROTHERS
    assert "Common associates of Salah Abdeslam and Brahim Abdeslam" in ok(run("common", "Salah Abdeslam", "Brahim Abdeslam"))


def test_timeline_and_growth(run):
    text = ok(run("timeline", "Najim Laachraoui"))
    assert "Timeline of Najim Laachraoui" in text and re.search(r"2016-03 +│.*\n│ stated +│", text) and RECRUITED in text
    events = as_json(run("timeline", "--json"))
    assert events[0]["date"] == "2010"
    growth = as_json(run("growth", "--json"))
    assert [p["year"] for p in growth["points"]] == [2010, 2011, 2012, 2013, 2014, 2015, 2016]
    assert growth["undated_ties"] == 0  # undated ties take their report's date
    assert "Growth of the network" in ok(run("growth"))
    as_of = as_json(run("growth", "--as-of", "2015", "--json"))
    assert as_of["points"][-1]["year"] == 2015


def test_recruitment_and_contagion(run):
    text = ok(run("recruitment"))
    assert "Abdelhamid Abaaoud" in text and RECRUITED in text and "Close ties to radicalised people" in text
    data = as_json(run("recruitment", "--json"))
    assert data["trees"][0]["recruits"][0]["person"]["name"] == "Najim Laachraoui"
    contagion = as_json(run("contagion", "--seed", "Salah Abdeslam", "--seed", "Mohamed Abrini", "--json", "--trials", "3"))
    assert contagion["observed"]["rounds"][1] == [{"id": "najim-laachraoui", "name": "Najim Laachraoui", "type": "person"}]
    text = ok(run("contagion", "--seed", "Salah Abdeslam", "--threshold", "50%", "--trials", "2"))
    assert "50% of ties" in text
    bad = run("contagion", "--seed", "Salah Abdeslam", "--threshold", "lots")
    assert bad.exit_code == 2 and "neither a number" in bad.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("path", "Nobody", "Salah Abdeslam"), "no one called 'Nobody'"),
        (("ego", "abdeslam"), "'abdeslam' matches 2 people"),
        (("common", "Jean-Charles Brisard", "Salah Abdeslam"), "is a commentator"),
        (("key-actors", "--as-of", "soon"), "'soon' is not a date"),
        (("key-actors", "--as-of", "2015-13-45"), "'2015-13-45' is not a calendar date"),
        (("key-actors", "--as-of", "2015-02-30"), "'2015-02-30' is not a calendar date"),
        (("key-actors", "--top", "-5"), "Invalid value for '--top'"),
        (("key-actors", "--ties", "-1"), "Invalid value for '--ties'"),
        (("path", "Salah Abdeslam", "Mohamed Abrini", "--k", "0"), "Invalid value for '--k'"),
        (("ego", "Salah Abdeslam", "--hops", "-1"), "Invalid value for '--hops'"),
        (("cells", "--resolution", "0"), "Invalid value for '--resolution'"),
        (("cells", "--min-clique", "1"), "Invalid value for '--min-clique'"),
        (("disrupt", "--kpp-neg", "0"), "Invalid value for '--kpp-neg'"),
        (("contagion", "--seed", "Salah Abdeslam", "--trials", "0"), "Invalid value for '--trials'"),
        (("contagion", "--draw", "0"), "Invalid value for '--draw'"),
        (("contagion", "--seed", "Salah Abdeslam", "--threshold", "0"), "give at least 1 tie"),
        (("contagion", "--seed", "Salah Abdeslam", "--threshold", "150%"), "give at least 1 tie"),
        (("contagion", "--seed", "Salah Abdeslam"), "--threshold 2 needs at least 2 seed people (got 1)"),
        (("recruitment", "--top", "0"), "Invalid value for '--top'"),
    ],
)
def test_bad_names_and_options_are_one_line_errors(run, args, message):
    result = run(*args)
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
    assert len([line for line in result.output.splitlines() if line.startswith("Error")]) == 1


def test_a_missing_store_is_a_clean_error_and_is_not_created(tmp_path):
    db = tmp_path / "nowhere.db"
    result = CliRunner().invoke(cli.analyse, ["growth", "--db", str(db)])
    assert result.exit_code == 1 and "no such database" in result.output and "Traceback" not in result.output
    assert not db.exists()


@pytest.mark.parametrize(
    "args",
    [
        ["key-actors"],
        ["cells"],
        ["disrupt", "--kpp-neg", "1"],
        ["timeline"],
        ["growth"],
        ["recruitment"],
        ["key-actors", "--json"],
    ],
)
def test_an_empty_network_gives_answers_not_tracebacks(monkeypatch, args):
    monkeypatch.setattr(base, "load_network", lambda db_path: network([]))
    result = CliRunner().invoke(cli.analyse, args)
    assert result.exit_code in (0, 2), repr(result.exception)
    assert result.exception is None or isinstance(result.exception, SystemExit)


WITH_EVIDENCE = [
    ["key-actors"],
    ["cells"],
    ["path", "Chakib Akrouh", "Najim Laachraoui"],
    ["ego", "Najim Laachraoui", "--hops", "2"],
    ["common", "Abdelhamid Abaaoud", "Najim Laachraoui"],
    ["timeline"],
    ["timeline", "Najim Laachraoui"],
    ["recruitment"],
    ["contagion", "--seed", "Salah Abdeslam", "--seed", "Mohamed Abrini", "--trials", "2", "--all-ties"],
]


@pytest.mark.parametrize("args", WITH_EVIDENCE, ids=lambda args: " ".join(args[:2]))
def test_exclude_hedged_drops_hedged_sentences_in_every_subcommand(run, args):
    assert RECRUITED in ok(run(*args, "--json"))
    strict = ok(run(*args, "--json", "--exclude-hedged"))
    json.loads(strict)
    assert RECRUITED not in strict


@pytest.mark.parametrize(
    ("args", "ties"),
    [
        (["disrupt", "--remove", "Chakib Akrouh"], lambda r: r["before"]["ties"]),
        (["disrupt", "--kpp-neg", "1"], lambda r: r["disruption"]["before"]["ties"]),
        (["growth"], lambda r: r["points"][-1]["ties"]),
    ],
    ids=["disrupt --remove", "disrupt --kpp-neg", "growth"],
)
def test_exclude_hedged_changes_the_figures_in_every_subcommand(run, args, ties):
    # The only hedged tie is Laachraoui's recruitment: without it there is one tie fewer.
    loose, strict = as_json(run(*args, "--json")), as_json(run(*args, "--json", "--exclude-hedged"))
    assert ties(strict) < ties(loose)


def test_key_actors_weighted_and_their_ties(run):
    report = as_json(run("key-actors", "--json", "--weighted", "--top", "1"))
    assert report["weighted"] is True
    top = report["actors"][0]
    assert top["ties"] and all(t["why"] for t in top["ties"])
    assert "Ties that make them central" in ok(run("key-actors", "--ties", "2"))


def test_contagion_can_draw_its_seeds_and_shows_who_tipped_whom(run):
    drawn = as_json(run("contagion", "--draw", "2", "--random-seed", "4", "--trials", "2", "--json"))
    assert len(drawn["observed"]["seeds"]) == 2
    assert drawn == as_json(run("contagion", "--draw", "2", "--random-seed", "4", "--trials", "2", "--json"))
    result = as_json(run("contagion", "--seed", "Salah Abdeslam", "--seed", "Mohamed Abrini", "--trials", "2", "--json"))
    laachraoui = result["observed"]["adoptions"][2]
    assert laachraoui["person"]["name"] == "Najim Laachraoui" and laachraoui["round"] == 1
    assert {t["target"]["name"] for t in laachraoui["via"]} == {"Salah Abdeslam", "Mohamed Abrini"}
    assert all(t["evidence"][0]["text"] == SAFE_HOUSE for t in laachraoui["via"])
    assert "tipped by" in ok(run("contagion", "--seed", "Salah Abdeslam", "--threshold", "1", "--trials", "2"))
    neither = run("contagion")
    assert neither.exit_code == 2 and "--draw" in neither.output


def test_key_player_search_reports_its_swaps(run):
    neg = as_json(run("disrupt", "--kpp-neg", "2", "--json"))
    # A small network: every pair is scored, and the report says so.
    assert neg["method"] == "exhaustive" and len(neg["people"]) == 2 and neg["search_score"] >= neg["greedy_score"]
    assert "candidate sets scored" in ok(run("disrupt", "--kpp-neg", "2"))


def test_cells_show_who_ties_them_together(run):
    text = ok(run("cells"))
    assert "who ties them to the rest of the network" in text
    data = as_json(run("cells", "--json"))
    leaving = [t for c in data["communities"] for t in c["outside_ties"]]
    assert leaving and all(t["evidence"] for t in leaving)


def test_timeline_shows_how_a_relative_date_was_read(monkeypatch):
    text = "In 2009, Varga met Odell in Ostend. The following year, Odell left for Tangier with Jan."
    doc = document("d1", "2016-03-22")
    doc.text = text
    sentence = "The following year, Odell left for Tangier with Jan."
    tie = rel("piet-odell", "jan-odell", FAMILY, text=sentence, date="2010")
    tie.date_source = DateSource("relative", "The following year", "2009", "text")
    tie.evidence = [tie.evidence[0].__class__("d1", sentence, text.index(sentence), len(text))]
    people = [person("Piet Odell"), person("Jan Odell")]
    monkeypatch.setattr(base, "load_network", lambda db_path: network([tie], entities=people, documents=[doc]))
    result = CliRunner().invoke(cli.analyse, ["timeline"], env={"COLUMNS": "250"})
    assert "2010" in ok(result)
    flat = " ".join(result.output.split())
    assert 'relative: "The following year", counted from 2009 (a date earlier in the text)' in re.sub(r"\s*│\s*", " ", flat)
