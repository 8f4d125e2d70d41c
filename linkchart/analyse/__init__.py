"""Network analysis of a linkchart Network, grouped by the question an analyst asks.

Build the graph once, then ask::

    from linkchart import analyse
    graph = analyse.build_graph(network, include_hedged=False)
    report = analyse.key_actors(graph, top=10)
    path = analyse.shortest_path(graph, "Abdelhamid Abaaoud", "Salah Abdeslam")

Everything is computed with python-igraph and leidenalg; anything random takes `seed=`.
People can be named by entity id, name or alias (case-insensitive) wherever a person is expected.
"""

from .cells import Cell, cells, communities, core_numbers, coresidence_cliques, k_cores
from .centrality import (
    EXACT_MAX_NODES,
    SAMPLE_PIVOTS,
    Brokers,
    KeyActorsReport,
    betweenness_centrality,
    brokers,
    closeness_centrality,
    degree_centrality,
    eigenvector_centrality,
    key_actors,
)
from .contagion import (
    ContagionResult,
    Exposure,
    Recruit,
    RewiringComparison,
    compare_rewired,
    exposure,
    radicalised,
    recruitment_trees,
    threshold_contagion,
)
from .disruption import (
    KPP_EXACT_MAX_NODES,
    Cohesion,
    DisruptionReport,
    KeyPlayers,
    cohesion,
    disrupt,
    distance_fragmentation,
    distance_weighted_reach,
    fragmentation,
    kpp_neg,
    kpp_pos,
)
from .graph import (
    AmbiguousName,
    NameLookupError,
    Node,
    Tie,
    UnknownName,
    build_graph,
    recruitment_graph,
    resolve_person,
)
from .paths import Path, common_associates, ego_graph, ego_network, k_shortest_paths, shortest_path
from .timeline import Growth, TimelineEvent, growth, network_as_of, timeline

__all__ = [
    "EXACT_MAX_NODES",
    "KPP_EXACT_MAX_NODES",
    "SAMPLE_PIVOTS",
    "AmbiguousName",
    "Brokers",
    "Cell",
    "Cohesion",
    "ContagionResult",
    "DisruptionReport",
    "Exposure",
    "Growth",
    "KeyActorsReport",
    "KeyPlayers",
    "NameLookupError",
    "Node",
    "Path",
    "Recruit",
    "RewiringComparison",
    "Tie",
    "TimelineEvent",
    "UnknownName",
    "betweenness_centrality",
    "brokers",
    "build_graph",
    "cells",
    "closeness_centrality",
    "cohesion",
    "common_associates",
    "communities",
    "compare_rewired",
    "core_numbers",
    "coresidence_cliques",
    "degree_centrality",
    "disrupt",
    "distance_fragmentation",
    "distance_weighted_reach",
    "ego_graph",
    "ego_network",
    "eigenvector_centrality",
    "exposure",
    "fragmentation",
    "growth",
    "k_cores",
    "k_shortest_paths",
    "key_actors",
    "kpp_neg",
    "kpp_pos",
    "network_as_of",
    "radicalised",
    "recruitment_graph",
    "recruitment_trees",
    "resolve_person",
    "shortest_path",
    "threshold_contagion",
    "timeline",
]
