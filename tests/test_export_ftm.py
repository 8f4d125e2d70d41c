"""FollowTheMoney export: every entity passes its FtM schema, ties use the schema that says what they are."""

from __future__ import annotations

import json
from pathlib import Path

from followthemoney import model
from interchange_helpers import CIRCLE, PIETER, TOMAS, small_network

from linkchart.case import Case
from linkchart.export import export_network
from linkchart.export.ftm import ftm_id, to_ftm


def validate(entities: list[dict]) -> dict[str, dict]:  # type: ignore[type-arg]
    """Each entity passes its schema (followthemoney validates values and required properties), cleaning
    changes nothing, and every entity a property points at is in the file."""
    by_id = {}
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract
        assert schema.validate(data) is None
        for required in schema.required:
            assert data["properties"].get(required), (data["id"], required)
        cleaned = model.get_proxy(data, cleaned=False).to_dict()
        assert {k: sorted(v) for k, v in cleaned["properties"].items()} == {
            k: sorted(v) for k, v in data["properties"].items()}, data["id"]
        by_id[data["id"]] = data
    for data in entities:
        schema = model.get(data["schema"])
        for name, values in data["properties"].items():
            prop = schema.get(name)
            if prop.type.name == "entity":
                for value in values:
                    assert value in by_id, (data["id"], name, value)
                    assert model.get(by_id[value]["schema"]).is_a(prop.range), (data["id"], name)
    return by_id


def test_tie_schemata_evidence_and_names() -> None:
    network = small_network()
    by_id = validate(to_ftm(network))
    ties = {r.type: by_id[ftm_id(r.id)] for r in network.relations}
    assert ties["family"]["schema"] == "Family" and ties["family"]["properties"]["relationship"] == ["sibling"]
    assert ties["associate"]["schema"] == "Associate"
    assert ties["member_of"]["schema"] == "Membership"
    assert ties["leader_of"]["schema"] == "Directorship"
    assert ties["co_resided"]["schema"] == "Associate"
    assert ties["co_resided"]["properties"]["relationship"] == ["lived together"]
    recruited = ties["recruited_by"]
    assert recruited["schema"] == "UnknownLink" and recruited["properties"]["role"] == ["recruited by"]
    assert recruited["properties"]["subject"] == [ftm_id(PIETER)]  # direction kept: Pieter was recruited by Anouk
    assert "hedged" in recruited["properties"]["summary"][0]
    for r in network.relations:
        tie = by_id[ftm_id(r.id)]["properties"]
        assert tie["proof"] == [ftm_id("doc1")]
        for e in r.evidence:
            assert e.text in tie["description"][0] and "Harbour report" in tie["description"][0]
    tomas = by_id[ftm_id(TOMAS)]["properties"]
    assert tomas["name"] == ["Tomas Verhoek"] and tomas["alias"] == ["the Printer"]
    assert tomas["weakAlias"] == ["Verhoek"]  # a bare surname would join the brothers in Aleph's cross-reference
    assert by_id[ftm_id(CIRCLE)]["schema"] == "Organization"
    assert by_id[ftm_id("doc1")]["schema"] == "Document"
    travel = by_id[ftm_id("ev1")]
    assert travel["schema"] == "Event" and travel["properties"]["involved"] == [ftm_id(TOMAS)]


def test_a_tie_whose_ends_do_not_fit_falls_back_to_unknown_link() -> None:
    network = small_network()
    odd = network.relations[2]
    odd.target = TOMAS  # 'member of' a person: Membership needs an organisation
    by_id = validate(to_ftm(network))
    assert by_id[ftm_id(odd.id)]["schema"] == "UnknownLink"


def test_seed_case_exports_valid_ftm(seed_db: Path, tmp_path: Path) -> None:
    with Case.open(seed_db) as case:
        network = case.network()
        paths = case.export("ftm", tmp_path / "seed.ftm.json")
    lines = [json.loads(line) for line in paths[0].read_text(encoding="utf-8").splitlines()]
    by_id = validate(lines)
    schemata = {d["schema"] for d in lines}
    assert {"Person", "Organization", "Document"} <= schemata
    assert len([d for d in lines if model.get(d["schema"]).edge]) == len(network.relations)
    for r in network.relations:
        assert all(e.text in by_id[ftm_id(r.id)]["properties"]["description"][0] for e in r.evidence)
    for e in network.entities:
        props = by_id[ftm_id(e.id)]["properties"]
        assert set(props["name"] + props.get("alias", []) + props.get("weakAlias", [])) == set(e.alias_names())


def test_ftm_writer_writes_json_lines(tmp_path: Path) -> None:
    [path] = export_network(small_network(), "ftm", tmp_path / "out" / "net.ftm.json")
    assert all(json.loads(line)["id"].startswith("linkchart-") for line in path.read_text().splitlines())
