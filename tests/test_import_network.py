"""`linkchart import`: networks made elsewhere become cases every analysis works on; our own exports read back the same."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from interchange_helpers import small_network
from shared_material import SHARED

from linkchart.case import Case
from linkchart.cli import cli
from linkchart.errors import LinkchartError
from linkchart.export import export_network
from linkchart.export.importers import read_csv, read_gexf, read_graphml
from linkchart.model import Network

KREBS = SHARED / "networks" / "krebs2002-911-hijackers.csv"
needs_krebs = pytest.mark.skipif(not KREBS.exists(), reason="../shared/networks/krebs2002-911-hijackers.csv is missing")


def shape(network: Network) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    """What a user sees of a network, whatever file it came through: who, and which ties with which sentences."""
    entities = sorted((e.id, e.name, e.type, e.role, tuple(e.alias_names())) for e in network.entities)
    ties = sorted((r.id, r.source, r.target, r.type, r.subtype, r.hedged, r.confidence, r.date,
                   tuple(sorted(e.text for e in r.evidence))) for r in network.relations)
    return entities, ties


@pytest.mark.parametrize(("fmt", "read"), [("graphml", read_graphml), ("gexf", read_gexf)])
def test_our_gephi_exports_read_back_the_same_network(fmt: str, read, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    network = small_network()
    network.events = []
    [path] = export_network(network, fmt, tmp_path / f"harbour.{fmt}")
    imported = read(path)
    assert shape(imported.network) == shape(network)
    text = imported.document.text
    for r in imported.network.relations:  # every sentence points at where the file holds it
        for e in r.evidence:
            assert e.document_id == imported.document.id
            assert text[e.start:e.end] in (e.text, e.text.replace("&", "&amp;"))


def test_our_csv_export_reads_back_with_its_nodes_file(tmp_path: Path) -> None:
    network = small_network()
    network.events = []
    export_network(network, "csv", tmp_path / "harbour.csv")
    assert shape(read_csv(tmp_path / "harbour-edges.csv").network) == shape(network)


def test_seed_case_graphml_round_trip_and_re_import_keeps_ids(seed_db: Path, tmp_path: Path) -> None:
    with Case.open(seed_db) as case:
        original = case.network()
        case.export("graphml", tmp_path / "seed.graphml")
    db = tmp_path / "imported.db"
    with Case.open(db, writable=True) as case:
        outcome = case.import_file(tmp_path / "seed.graphml")
        assert outcome.entities == len(original.entities) and outcome.ties == len(original.relations)
        assert shape(case.network()) == shape(original)
        again = case.import_file(tmp_path / "seed.graphml")
        assert again.changes == {"added": 0, "changed": 0, "removed": 0}
        assert case.is_imported() and case.origin()["file"].endswith("seed.graphml")  # type: ignore[index]


def test_gephi_file_from_elsewhere(tmp_path: Path) -> None:
    """yEd-style GraphML: labels under other keys, a place node, a tie kind we do not model, a self-loop."""
    path = tmp_path / "yed.graphml"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d0" for="node" attr.name="name" attr.type="string"/>
  <key id="d1" for="node" attr.name="kind" attr.type="string"/>
  <key id="d2" for="edge" attr.name="relation" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="n0"><data key="d0">Ilse Brandt</data></node>
    <node id="n1"><data key="d0">Jonas Weller</data><data key="d1">Person</data></node>
    <node id="n2"><data key="d0">Kiel Docks</data><data key="d1">Place</data></node>
    <node id="n3"><data key="d0">Nordring</data><data key="d1">Group</data></node>
    <edge source="n0" target="n1"><data key="d2">telephone</data></edge>
    <edge source="n1" target="n2"/>
    <edge source="n1" target="n3"><data key="d2">member of</data></edge>
    <edge source="n0" target="n0"/>
  </graph>
</graphml>
""", encoding="utf-8")
    imported = read_graphml(path)
    names = {e.id: e.name for e in imported.network.entities}
    assert sorted(names.values()) == ["Ilse Brandt", "Jonas Weller", "Nordring"]
    ties = {(names[r.source], names[r.target], r.type, r.subtype) for r in imported.network.relations}
    assert ties == {("Ilse Brandt", "Jonas Weller", "associate", "telephone"), ("Jonas Weller", "Nordring", "member_of", None)}
    assert any("place" in n for n in imported.notes) and any("itself" in n for n in imported.notes)
    tie = next(r for r in imported.network.relations if r.type == "member_of")
    assert tie.evidence[0].text.startswith('<edge source="n1" target="n3">')


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("broken.graphml", "<graphml><graph><node id='a'></graph>", "not well-formed XML"),
    ("dangling.graphml", "<graphml><graph><node id='a'/><edge source='a' target='b'/></graph></graphml>",
     "the node 'b', which the file does not declare"),
    ("one.csv", "Ilse Brandt,Jonas Weller\nIlse Brandt\n", "line 2 is not 'name,name'"),
    ("empty.csv", "", "no ties found"),
    ("latin1.csv", b"J\xf6rg Lenz,Ilse Brandt\n", "not UTF-8 text"),
])
def test_bad_files_are_one_line_errors(tmp_path: Path, name: str, content: str | bytes, problem: str) -> None:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    db = tmp_path / "case.db"
    result = CliRunner().invoke(cli, ["import", str(path), "--db", str(db)])
    assert result.exit_code == 1 and problem in result.output and "Traceback" not in result.output
    assert str(path) in result.output


def test_a_built_case_is_not_overwritten_by_an_import(seed_db: Path, tmp_path: Path) -> None:
    db = tmp_path / "seed.db"
    shutil.copy(seed_db, db)
    path = tmp_path / "ties.csv"
    path.write_text("Ilse Brandt,Jonas Weller\n", encoding="utf-8")
    with Case.open(db, writable=True) as case, pytest.raises(LinkchartError, match="built from documents"):
        case.import_file(path)


@needs_krebs
def test_krebs_network_imports_and_every_analysis_runs(tmp_path: Path) -> None:
    db = tmp_path / "krebs.db"
    runner = CliRunner()
    result = runner.invoke(cli, ["import", str(KREBS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "62 entities, 153 ties" in result.output
    result = runner.invoke(cli, ["analyse", "key-actors", "--db", str(db), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    text = json.dumps(report)
    assert "Mohamed Atta" in text
    with Case.open(db) as case:
        atta = case.entity("Mohamed Atta")
        assert len(case.view("Mohamed Atta").ties) == 22
        first_ids = sorted(e.id for e in case.network().entities)
    for command in (["cells"], ["disrupt", "--remove", "Mohamed Atta"], ["path", "Mohamed Atta", "Djamal Beghal"],
                    ["ego", "Mohamed Atta"], ["timeline"], ["growth"], ["recruitment"],
                    ["contagion", "--seed", "Mohamed Atta", "--threshold", "1"]):
        result = runner.invoke(cli, ["analyse", *command, "--db", str(db)])
        assert result.exit_code == 0, (command, result.output)
    result = runner.invoke(cli, ["info", "--db", str(db)])
    assert "imported from" in result.output and "krebs2002-911-hijackers.csv" in result.output
    result = runner.invoke(cli, ["import", str(KREBS), "--db", str(db)])
    assert "0 added, 0 changed, 0 removed" in result.output
    with Case.open(db) as case:
        assert sorted(e.id for e in case.network().entities) == first_ids and case.entity(atta.id).name == "Mohamed Atta"
    result = runner.invoke(cli, ["merge", "Mohamed Atta", "Marwan Al-Shehhi", "--db", str(db)])
    assert result.exit_code == 1 and "imported from" in result.output and "Traceback" not in result.output
    with Case.open(db) as case:
        assert len(case.network().entities) == 62 and case.decisions() == []


def test_gexf_saved_by_gephi(tmp_path: Path) -> None:
    """Gephi writes viz elements, attributes by number and directed edges labelled with their kind."""
    path = tmp_path / "gephi.gexf"
    path.write_text("""<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">
  <graph mode="static" defaultedgetype="directed">
    <attributes class="node"><attribute id="0" title="category" type="string"/></attributes>
    <nodes>
      <node id="0" label="Ilse Brandt"><attvalues><attvalue for="0" value="person"/></attvalues>
        <viz:size value="10.0"/><viz:position x="1.0" y="2.0"/></node>
      <node id="1" label="Jonas Weller"><viz:color r="1" g="2" b="3"/></node>
      <node id="2" label="Nordring"><attvalues><attvalue for="0" value="organisation"/></attvalues></node>
    </nodes>
    <edges>
      <edge id="0" source="1" target="0" label="recruited by" weight="1.0"/>
      <edge id="1" source="0" target="2" label="leader of"><viz:thickness value="2"/></edge>
    </edges>
  </graph>
</gexf>
""", encoding="utf-8")
    imported = read_gexf(path)
    names = {e.id: e.name for e in imported.network.entities}
    kinds = {e.name: e.type for e in imported.network.entities}
    assert kinds == {"Ilse Brandt": "person", "Jonas Weller": "person", "Nordring": "organization"}
    ties = {(names[r.source], r.type, names[r.target]) for r in imported.network.relations}
    assert ties == {("Jonas Weller", "recruited_by", "Ilse Brandt"), ("Ilse Brandt", "leader_of", "Nordring")}
    again = read_gexf(path)
    assert [e.id for e in again.network.entities] == [e.id for e in imported.network.entities]
