"""Network analysis of a linkchart Network, grouped by the question an analyst asks.

Build the graph once, then ask::

    from linkchart import analyse
    graph = analyse.build_graph(network, include_hedged=False)
    report = analyse.key_actors(graph, top=10)
    path = analyse.shortest_path(graph, "Ola Lindqvist", "Marta Quell")

Everything is computed with python-igraph and leidenalg; anything random takes `seed=`.
People can be named by entity id, name or alias (case-insensitive) wherever a person is expected.
Every tie handed back carries the sentences that state it.
"""

from .actors import ActorScore, BrokerTie, KeyActorsReport, key_actors
from .cells import Cell, cells, communities, core_numbers, coresidence_cliques, k_cores
from .centrality import (
    EXACT_MAX_NODES,
    SAMPLE_PIVOTS,
    Brokers,
    Sampling,
    betweenness_centrality,
    brokers,
    closeness_centrality,
    degree_centrality,
    eigenvector_centrality,
)
from .contagion import Adoption, ContagionResult, RewiringComparison, compare_rewired, threshold_contagion
from .disruption import (
    Cohesion,
    DisruptionReport,
    cohesion,
    disrupt,
    distance_fragmentation,
    distance_weighted_reach,
    fragmentation,
)
from .graph import build_graph, recruitment_graph
from .keyplayers import KPP_EXACT_MAX_NODES, KeyPlayers, KeyPlayerSearch, kpp_neg, kpp_pos
from .paths import Path, common_associates, ego_graph, ego_network, k_shortest_paths, shortest_path
from .records import AmbiguousName, NameLookupError, Node, Tie, UnknownName, resolve_person
from .recruitment import Exposure, Recruit, exposure, radicalised, recruitment_trees
from .textdates import Dated, DateMention, Dating, find_dates
from .timeline import Growth, TimelineEvent, growth, network_as_of, timeline

__all__ = [
    "EXACT_MAX_NODES",
    "KPP_EXACT_MAX_NODES",
    "SAMPLE_PIVOTS",
    "ActorScore",
    "Adoption",
    "AmbiguousName",
    "BrokerTie",
    "Brokers",
    "Cell",
    "Cohesion",
    "ContagionResult",
    "DateMention",
    "Dated",
    "Dating",
    "DisruptionReport",
    "Exposure",
    "Growth",
    "KeyActorsReport",
    "KeyPlayerSearch",
    "KeyPlayers",
    "NameLookupError",
    "Node",
    "Path",
    "Recruit",
    "RewiringComparison",
    "Sampling",
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
    "find_dates",
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
