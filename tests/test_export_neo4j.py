"""Neo4j export: neo4j-admin import layout, ties carrying their evidence, and a LOAD CSV script over the same files."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from interchange_helpers import small_network

from linkchart.case import Case
from linkchart.export import export_network
from linkchart.export.neo4j import ARRAY_DELIMITER
from linkchart.model import Network
from linkchart.schema import tie_type


def rows(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        return list(reader.fieldnames or []), list(reader)


def check(network: Network, paths: list[Path]) -> None:
    files = {p.name.rsplit("-", 1)[-1].removesuffix(".csv"): p for p in paths if p.suffix == ".csv"}
    assert set(files) == {"entities", "documents", "ties", "mentioned_in"}
    header, entities = rows(files["entities"])
    assert header[0] == "entityId:ID(Entity)" and ":LABEL" in header
    assert {r["entityId:ID(Entity)"]: r["name"] for r in entities} == {e.id: e.name for e in network.entities}
    for r in entities:
        assert r[":LABEL"] in ("Entity;Person", "Entity;Organization")
    ids = {r["entityId:ID(Entity)"] for r in entities}
    _, documents = rows(files["documents"])
    doc_ids = {r["documentId:ID(Document)"] for r in documents}
    header, ties = rows(files["ties"])
    assert header[:3] == [":START_ID(Entity)", ":END_ID(Entity)", ":TYPE"]
    by_id = {r.id: r for r in network.relations}
    assert {t["tieId"] for t in ties} == set(by_id)
    for t in ties:
        relation = by_id[t["tieId"]]
        assert t[":START_ID(Entity)"] in ids and t[":END_ID(Entity)"] in ids
        assert (t[":START_ID(Entity)"], t[":END_ID(Entity)"], t[":TYPE"]) == (relation.source, relation.target,
                                                                               tie_type(relation.type).neo4j_type)
        assert t["evidence:string[]"].split(ARRAY_DELIMITER) == [e.text for e in relation.evidence]
        documents_of = t["evidenceDocuments:string[]"].split(ARRAY_DELIMITER)
        assert documents_of == [e.document_id for e in relation.evidence] and set(documents_of) <= doc_ids
        assert [int(x) for x in t["evidenceStart:int[]"].split(ARRAY_DELIMITER)] == [e.start for e in relation.evidence]
        assert t["hedged:boolean"] == str(relation.hedged).lower()
    _, mentions = rows(files["mentioned_in"])
    assert all(m[":START_ID(Entity)"] in ids and m[":END_ID(Document)"] in doc_ids for m in mentions)
    script = next(p for p in paths if p.suffix == ".cypher").read_text(encoding="utf-8")
    for path in files.values():
        assert f"file:///{path.name}" in script and path.name in script.splitlines()[2]  # LOAD CSV and the admin command
    for relationship in {tie_type(r.type).neo4j_type for r in network.relations}:
        assert re.search(rf"MERGE \(a\)-\[t:{relationship} ", script)


def test_small_network(tmp_path: Path) -> None:
    network = small_network()
    paths = export_network(network, "neo4j", tmp_path / "neo" / "harbour.cypher")
    check(network, paths)
    _, ties = rows(tmp_path / "neo" / "harbour-ties.csv")
    assert any("&" in t["evidence:string[]"] for t in ties)  # text is written as is, CSV-quoted


def test_seed_case(seed_db: Path, tmp_path: Path) -> None:
    with Case.open(seed_db) as case:
        network = case.network()
        paths = case.export("neo4j", tmp_path / "seed")
    check(network, paths)
