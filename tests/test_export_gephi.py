"""The Gephi formats still load in standard readers (networkx follows the GraphML and GEXF specifications)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from linkchart.case import Case


def test_seed_graphml_and_gexf_load_in_networkx(seed_db: Path, tmp_path: Path) -> None:
    with Case.open(seed_db) as case:
        network = case.network()
        case.export("graphml", tmp_path / "seed.graphml")
        case.export("gexf", tmp_path / "seed.gexf")
    pairs = {frozenset((r.source, r.target)) for r in network.relations}
    for graph in (nx.read_graphml(tmp_path / "seed.graphml"), nx.read_gexf(tmp_path / "seed.gexf")):
        assert set(graph.nodes) == {e.id for e in network.entities}
        assert {frozenset(edge) for edge in graph.edges()} == pairs
    graph = nx.read_graphml(tmp_path / "seed.graphml")
    some = network.relations[0]
    data = next(d for s, t, d in graph.edges(data=True) if {s, t} == {some.source, some.target} and d["type"] == some.type)
    assert some.evidence[0].text in data["evidence"]
