"""Output an analyst can rely on (issue 14, points 5 and 8): stable ranks and figures, file names
instead of hash ids, names never cut, JSON everywhere. Names and sentences written for these tests."""

from __future__ import annotations

import json
import re

from analyse_helpers import network, person, rel
from click.testing import CliRunner

from linkchart.analyse import build_graph, key_actors
from linkchart.analyse.actors import _ranks
from linkchart.analyse.cli import analyse, base
from linkchart.model import Document

LONG = "Maximiliano Bartholomew Vandenberghe-Oosterhuizen"
RING = ["Ada Brook", "Cai Dunn", "Eli Frost", "Gus Hale", "Ivo Jonk", "Kit Lund"]


def ring_network():
    doc = Document("c0ffee0123456789", "reports/quay-report.txt", "Quay report", "", "h", "2016-01-10")
    ties = [rel(a, b, doc=doc.id, text=f"{a} and {b} met at the quay.") for a, b in zip(RING, RING[1:] + RING[:1], strict=True)]
    ties.append(rel(LONG, RING[0], doc=doc.id, text=f"{LONG} drove {RING[0]} to the quay."))
    people = [person(n) for n in [*RING, LONG]]
    return network(ties, entities=people, documents=[doc])


def test_equal_scores_share_a_rank_whatever_the_float_noise():
    assert _ranks([0.3, 0.1 + 0.2, 0.2]) == [1, 1, 3]  # 0.1 + 0.2 is 0.30000000000000004


def test_key_actors_are_ordered_by_a_stated_rule():
    report = key_actors(build_graph(ring_network()), top=7)
    assert "then name, then entity id" in report.order
    # Ada Brook holds the extra tie; the others on the ring come in pairs of equal scores, by name.
    names = [a.person.name for a in report.actors]
    assert names[0] == "Ada Brook"
    for left, right in zip(report.actors, report.actors[1:], strict=False):
        if (left.betweenness, left.closeness, left.degree) == (right.betweenness, right.closeness, right.degree):
            assert left.person.name < right.person.name


def run(monkeypatch, *args, env=None):
    monkeypatch.setattr(base, "load_network", lambda db_path: ring_network())
    return CliRunner().invoke(analyse, list(args), env=env or {})


def test_json_is_identical_between_runs_and_rounded_for_show(monkeypatch):
    first = run(monkeypatch, "key-actors", "--json")
    second = run(monkeypatch, "key-actors", "--json")
    assert first.exit_code == 0 and first.output == second.output
    figures = re.findall(r"\d+\.\d+", first.output)
    assert figures and all(len(f.split(".")[1]) <= 6 for f in figures)


def test_piped_tables_never_cut_a_name_and_cite_file_names(monkeypatch):
    for command in (["key-actors"], ["path", LONG, "Gus Hale"], ["ego", LONG], ["timeline"], ["sources", LONG]):
        result = run(monkeypatch, *command, env={"COLUMNS": "60"})  # a narrow terminal
        assert result.exit_code == 0, result.output
        assert all(word in result.output for word in LONG.split()), command  # wrapped at spaces, never cut
        assert "…" not in result.output and "c0ffee0123456789" not in result.output, command
    assert "quay-report.txt" in run(monkeypatch, "path", LONG, "Gus Hale").output


def test_every_command_speaks_json(monkeypatch):
    for command in (["key-actors"], ["cells"], ["path", LONG, "Gus Hale"], ["ego", LONG], ["common", LONG, "Cai Dunn"],
                    ["timeline"], ["growth"], ["recruitment"], ["disrupt", "--kpp-neg", "1"], ["sources", LONG],
                    ["contagion", "--seed", "Ada Brook", "--threshold", "1", "--trials", "5"]):
        result = run(monkeypatch, *command, "--json")
        assert result.exit_code == 0, (command, result.output)
        json.loads(result.output)
