"""i2 Analyst's Notebook export: the chart parses, every link's ends exist, evidence rides on the links."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from interchange_helpers import CIRCLE, TOMAS, small_network

from linkchart.case import Case
from linkchart.export import export_network
from linkchart.export.provenance import tie_label
from linkchart.model import Network
from linkchart.schema import tie_type


def read_chart(path: Path) -> tuple[dict[str, ET.Element], list[tuple[ET.Element, ET.Element]]]:
    """(entity identity -> chart item, [(link chart item, link)]), after checking every link end exists."""
    root = ET.fromstring(path.read_bytes())  # UTF-16 with its declaration: the parser reads the BOM
    assert root.tag == "Chart"
    items = root.find("ChartItemCollection")
    assert items is not None
    entities: dict[str, ET.Element] = {}
    by_number: dict[str, str] = {}
    links = []
    for item in items:
        entity = item.find("End/Entity")
        link = item.find("Link")
        if entity is not None:
            entities[entity.get("Identity", "")] = item
            by_number[entity.get("EntityId", "")] = entity.get("Identity", "")
        elif link is not None:
            links.append((item, link))
    for _, link in links:
        assert link.get("End1Id") in by_number and link.get("End2Id") in by_number
    return entities, [(item, link) for item, link in links]


def ends(link: ET.Element, entities: dict[str, ET.Element]) -> tuple[str, str]:
    number = {e.find("End/Entity").get("EntityId"): k for k, e in entities.items()}  # type: ignore[union-attr]
    return number[link.get("End1Id")], number[link.get("End2Id")]


def check_against(network: Network, path: Path) -> None:
    entities, links = read_chart(path)
    assert set(entities) == {e.id for e in network.entities}
    for e in network.entities:
        assert entities[e.id].get("Label") == e.name
    assert len(links) == len(network.relations)
    by_pair = {(r.source, r.target, tie_type(r.type).label): r for r in network.relations}
    for item, link in links:
        style = link.find("LinkStyle")
        assert style is not None
        relation = by_pair[(*ends(link, entities), style.get("Type", ""))]
        assert item.get("Label", "").startswith(tie_label(relation))
        cards = link.findall("CardCollection/Card")
        assert [c.get("Text") for c in cards] == [e.text for e in relation.evidence]
        assert all(e.text in item.get("Description", "") for e in relation.evidence)
        assert (style.get("ArrowStyle") == "ArrowOnHead") == relation.directed
        assert style.get("Strength") == ("Hedged" if relation.hedged else "Stated")


def test_small_network_chart(tmp_path: Path) -> None:
    network = small_network()
    [path] = export_network(network, "anx", tmp_path / "harbour")
    assert path.suffix == ".anx"
    check_against(network, path)
    entities, _ = read_chart(path)
    types = {k: v.find("End/Entity/Icon/IconStyle") for k, v in entities.items()}
    assert types[CIRCLE].get("Type") == "Organisation" and types[TOMAS].get("Type") == "Person"  # type: ignore[union-attr]
    assert "the Printer" in entities[TOMAS].get("Description", "")


def test_seed_case_chart(seed_db: Path, tmp_path: Path) -> None:
    with Case.open(seed_db) as case:
        network = case.network()
        [path] = case.export("anx", tmp_path / "seed.anx")
    check_against(network, path)
