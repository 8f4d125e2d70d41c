"""Recruitment and contagion: who brought whom in, who is exposed, how radicalisation can spread.

Joining a violent group is rarely a decision taken alone; it travels along close ties — brothers,
childhood friends, flatmates — and typically needs *several* such ties to already-committed people
(Sageman; Centola & Macy 2007, "Complex contagions and the weakness of long ties"). Hence:

- recruitment trees from recruited_by ties (source recruited_by target: target is the recruiter);
- exposure: for each person, how many close ties (family, associate, co_resided) they have to
  people already radicalised — by default everyone with a member_of / leader_of tie to an
  organisation or a recruited_by tie, either side;
- a Centola–Macy threshold model: a person adopts once the number (int threshold) or share
  (float threshold in (0, 1]) of their ties to adopters reaches the threshold, with at least one
  adopter among them; rounds are synchronous so the result depends only on seeds and threshold;
- the same run on degree-preserving rewirings (igraph `rewire`, seeded): rewiring keeps everyone's
  number of ties but destroys clustering, so comparing the two shows whether this network's
  clustered ties speed a complex contagion up (Centola–Macy's prediction) or slow it down.

By default only close ties carry contagion (`close_ties_only`), following `model.CLOSE_TYPES`.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import igraph as ig

from linkchart.model import CLOSE_TYPES, LEADER_OF, MEMBER_OF, PERSON, RECRUITED_BY

from .graph import (
    Node,
    PersonRef,
    Tie,
    igraph_rng,
    node,
    nodes,
    other_end,
    people,
    recruitment_graph,
    resolve_people,
    tie,
)

RADICALISING_AFFILIATIONS = frozenset({MEMBER_OF, LEADER_OF})


@dataclass
class Recruit:
    """A person in a recruitment tree, with the tie saying who recruited them."""

    person: Node
    recruited_by: Tie | None
    recruits: list[Recruit] = field(default_factory=list)

    def size(self) -> int:
        return 1 + sum(r.size() for r in self.recruits)


@dataclass
class Exposure:
    person: Node
    close_ties: int
    ties: list[Tie]


@dataclass
class ContagionResult:
    seeds: list[Node]
    threshold: str
    rounds: list[list[Node]]  # rounds[0] are the seeds
    reached: int
    population: int
    share: float


@dataclass
class RewiringComparison:
    observed: ContagionResult
    trials: int
    rewired_reached: list[int]
    rewired_rounds: list[int]
    mean_reached: float
    mean_rounds: float
    clustering: float
    rewired_clustering: float
    verdict: str


# --------------------------------------------------------------------------- recruitment


def recruitment_trees(graph: ig.Graph) -> list[Recruit]:
    """Recruiter -> recruit trees, largest first; `graph` is the actor graph or its recruitment graph.

    Roots are people nobody is recorded as recruiting. A cycle (usually an extraction error) is
    entered at its most prolific recruiter and each person appears once.
    """
    digraph = graph if graph.is_directed() else recruitment_graph(graph)
    involved = [v for v in range(digraph.vcount()) if digraph.degree(v) > 0]
    seen: set[int] = set()
    trees = []
    names = digraph.vs["name"] if digraph.vcount() else []
    roots = sorted((v for v in involved if digraph.indegree(v) == 0), key=lambda v: names[v])
    while True:
        for root in roots:
            trees.append(_grow(digraph, root, seen))
        left = [v for v in involved if v not in seen]
        if not left:
            break
        roots = [max(left, key=lambda v: (digraph.outdegree(v), names[v]))]
    return sorted(trees, key=lambda t: (-t.size(), t.person.name))


def _grow(digraph: ig.Graph, root: int, seen: set[int]) -> Recruit:
    top = Recruit(node(digraph, root), None)
    seen.add(root)
    queue = [(root, top)]
    while queue:
        v, holder = queue.pop(0)
        for edge in digraph.incident(v, mode="out"):
            child = digraph.es[edge].target
            if child not in seen:
                seen.add(child)
                recruit = Recruit(node(digraph, child), tie(digraph, edge, v))
                holder.recruits.append(recruit)
                queue.append((child, recruit))
    return top


# --------------------------------------------------------------------------- exposure


def radicalised(graph: ig.Graph) -> list[int]:
    """Default radicalised set: members or leaders of an organisation, and both sides of recruited_by ties."""
    chosen = {v for v in people(graph) if any(a.type in RADICALISING_AFFILIATIONS for a in graph.vs[v]["affiliations"])}
    for edge in graph.es:
        if RECRUITED_BY in edge["types"]:
            chosen.update(edge.tuple)
    return sorted(v for v in chosen if graph.vs[v]["type"] == PERSON)


def _is_close(types: Sequence[str]) -> bool:
    return not CLOSE_TYPES.isdisjoint(types)


def exposure(graph: ig.Graph, members: Sequence[PersonRef] | None = None, *, min_ties: int = 1) -> list[Exposure]:
    """People outside `members` (default: `radicalised`) ranked by their close ties to members."""
    inside = set(radicalised(graph) if members is None else resolve_people(graph, members))
    result = []
    for v in people(graph):
        if v in inside:
            continue
        ties = [tie(graph, e, v) for e in graph.incident(v) if other_end(graph, e, v) in inside and _is_close(graph.es[e]["types"])]
        if len(ties) >= min_ties:
            result.append(Exposure(node(graph, v), len(ties), sorted(ties, key=lambda t: t.target.name)))
    return sorted(result, key=lambda x: (-x.close_ties, x.person.name))


# --------------------------------------------------------------------------- threshold contagion


def _contagion_graph(graph: ig.Graph, close_ties_only: bool) -> ig.Graph:
    """Bare graph on the same vertex indices with only the ties that can carry the contagion."""
    is_person = [t == PERSON for t in graph.vs["type"]] if graph.vcount() else []
    kept = [
        e.tuple for e in graph.es if is_person[e.source] and is_person[e.target] and (not close_ties_only or _is_close(e["types"]))
    ]
    return ig.Graph(n=graph.vcount(), edges=kept, directed=False)


def _describe(threshold: int | float) -> str:
    if isinstance(threshold, bool) or not isinstance(threshold, int | float):
        raise TypeError("threshold must be an int (ties) or a float (share of ties)")
    if isinstance(threshold, int):
        if threshold < 1:
            raise ValueError("an absolute threshold must be at least 1 tie")
        return f"{threshold} tie{'s' if threshold != 1 else ''}"
    if not 0 < threshold <= 1:
        raise ValueError("a fractional threshold must be in (0, 1]")
    return f"{threshold:.0%} of ties"


def _spread(adjacency: list[list[int]], eligible: Sequence[bool], seeds: Sequence[int], threshold: int | float) -> list[list[int]]:
    """Synchronous threshold dynamics; returns the vertices adopting in each round (round 0: seeds)."""
    if isinstance(threshold, int):
        need = [threshold] * len(adjacency)
    else:
        need = [max(1, math.ceil(threshold * len(a) - 1e-9)) for a in adjacency]
    active = set(seeds)
    exposed = [0] * len(adjacency)
    rounds = [sorted(active)]
    frontier = rounds[0]
    while frontier:
        touched = set()
        for v in frontier:
            for u in adjacency[v]:
                exposed[u] += 1
                touched.add(u)
        frontier = sorted(u for u in touched if u not in active and eligible[u] and exposed[u] >= need[u])
        if frontier:
            rounds.append(frontier)
            active.update(frontier)
    return rounds


def _pick_seeds(graph: ig.Graph, seeds: Sequence[PersonRef] | int, rng: random.Random) -> list[int]:
    if isinstance(seeds, int):
        return sorted(rng.sample(people(graph), seeds))
    return sorted(set(resolve_people(graph, seeds)))


def _result(graph: ig.Graph, rounds: list[list[int]], threshold: int | float) -> ContagionResult:
    population = len(people(graph))
    reached = sum(len(r) for r in rounds)
    return ContagionResult(
        seeds=nodes(graph, rounds[0]),
        threshold=_describe(threshold),
        rounds=[nodes(graph, r) for r in rounds],
        reached=reached,
        population=population,
        share=reached / population if population else 0.0,
    )


def threshold_contagion(
    graph: ig.Graph,
    seeds: Sequence[PersonRef] | int,
    *,
    threshold: int | float = 2,
    close_ties_only: bool = True,
    seed: int | None = None,
) -> ContagionResult:
    """Run a Centola–Macy threshold contagion from `seeds` (people, or a number to draw with `seed`)."""
    _describe(threshold)
    start = _pick_seeds(graph, seeds, random.Random(seed))
    carrier = _contagion_graph(graph, close_ties_only)
    eligible = [t == PERSON for t in graph.vs["type"]] if graph.vcount() else []
    return _result(graph, _spread(carrier.get_adjlist(), eligible, start, threshold), threshold)


def compare_rewired(
    graph: ig.Graph,
    seeds: Sequence[PersonRef] | int,
    *,
    threshold: int | float = 2,
    trials: int = 20,
    close_ties_only: bool = True,
    seed: int | None = 0,
) -> RewiringComparison:
    """The same contagion on `trials` degree-preserving rewirings of the carrying ties."""
    observed = threshold_contagion(graph, seeds, threshold=threshold, close_ties_only=close_ties_only, seed=seed)
    start = resolve_people(graph, [s.id for s in observed.seeds])
    carrier = _contagion_graph(graph, close_ties_only)
    eligible = [t == PERSON for t in graph.vs["type"]] if graph.vcount() else []
    reached: list[int] = []
    lengths: list[int] = []
    clustering: list[float] = []
    with igraph_rng(seed):
        for _ in range(trials):
            rewired = carrier.copy()
            if rewired.ecount() > 1:
                rewired.rewire(n=10 * rewired.ecount())
            rounds = _spread(rewired.get_adjlist(), eligible, start, threshold)
            reached.append(sum(len(r) for r in rounds))
            lengths.append(len(rounds) - 1)
            clustering.append(_transitivity(rewired))
    mean_reached, mean_rounds = _mean(reached), _mean(lengths)
    return RewiringComparison(
        observed=observed,
        trials=trials,
        rewired_reached=reached,
        rewired_rounds=lengths,
        mean_reached=mean_reached,
        mean_rounds=mean_rounds,
        clustering=_transitivity(carrier),
        rewired_clustering=_mean(clustering),
        verdict=_verdict(observed.reached, len(observed.rounds) - 1, mean_reached, mean_rounds),
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _transitivity(graph: ig.Graph) -> float:
    value = graph.transitivity_undirected()
    return 0.0 if math.isnan(value) else value


def _verdict(reached: int, rounds: int, mean_reached: float, mean_rounds: float) -> str:
    figures = f"{reached} reached in {rounds} rounds; rewired: {mean_reached:.1f} in {mean_rounds:.1f}"
    if reached > mean_reached + 0.5:
        return f"clustered ties help the spread ({figures})"
    if reached < mean_reached - 0.5:
        return f"clustered ties hinder the spread ({figures})"
    return f"clustering makes no clear difference ({figures})"
