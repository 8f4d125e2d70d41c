"""Complex contagion: how radicalisation can spread along close ties, and why clustering matters.

Centola & Macy (2007, "Complex contagions and the weakness of long ties") showed that a behaviour
needing reinforcement from *several* contacts spreads through clustered networks — where a
person's friends know each other — and stalls on the long random ties that carry news and
disease fastest. Joining a violent group looks like such a behaviour, which is why it travels
through families and flat-shares rather than through lone actors.

- The model: a person adopts once the number (int threshold) or share (float threshold in
  (0, 1]) of their ties to adopters reaches the threshold, with at least one adopter among them.
  Rounds are synchronous, so the result depends only on the seeds and the threshold. Each adopter
  is reported with the round they were reached in and the ties to earlier adopters that tipped
  them, with their evidence.
- The comparison: the same run on degree-preserving rewirings (igraph `rewire`, seeded), which
  keep everyone's number of ties but destroy clustering; if the observed network carries the
  contagion further or faster, its clustered ties are doing the work.

By default only close ties carry contagion (`model.CLOSE_TYPES`), as Centola and Macy's
argument concerns strong, reinforcing ties.
"""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass, field

import igraph as ig

from linkchart.model import PERSON

from .records import Node, PersonRef, Tie, igraph_rng, node, nodes, people, resolve_people, tie
from .recruitment import is_close


@dataclass
class Adoption:
    """Someone reached by the contagion, when, and through which ties."""

    person: Node
    round: int  # 0 for seeds
    via: list[Tie]  # ties to people who had adopted in earlier rounds


@dataclass
class ContagionResult:
    seeds: list[Node]
    threshold: str
    rounds: list[list[Node]]  # rounds[0] are the seeds
    adoptions: list[Adoption]  # in the order reached
    reached: int
    population: int
    share: float
    notes: list[str] = field(default_factory=list)  # why a run could not spread, said rather than implied


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


#: Fewest rewirings a comparison with the observed network is drawn from.
MIN_TRIALS = 5


def _carrier(graph: ig.Graph, close_ties_only: bool) -> ig.Graph:
    """Bare graph on the same vertex indices with only the ties that can carry the contagion."""
    is_person = [t == PERSON for t in graph.vs["type"]] if graph.vcount() else []
    kept = [e.tuple for e in graph.es if is_person[e.source] and is_person[e.target] and (not close_ties_only or is_close(e["types"]))]
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


def _adoptions(graph: ig.Graph, carrier: ig.Graph, rounds: list[list[int]]) -> list[Adoption]:
    reached_in = {v: r for r, vertices in enumerate(rounds) for v in vertices}
    adoptions = []
    for r, vertices in enumerate(rounds):
        for v in vertices:
            earlier = [u for u in carrier.neighbors(v) if reached_in.get(u, r) < r]
            via = [tie(graph, graph.get_eid(v, u), v) for u in sorted(earlier, key=lambda u: graph.vs[u]["name"])]
            adoptions.append(Adoption(node(graph, v), r, via))
    return adoptions


def threshold_contagion(
    graph: ig.Graph,
    seeds: Sequence[PersonRef] | int,
    *,
    threshold: int | float = 2,
    close_ties_only: bool = True,
    seed: int | None = None,
) -> ContagionResult:
    """Run a Centola–Macy threshold contagion from `seeds` (people, or a number to draw with `seed`)."""
    label = _describe(threshold)
    if isinstance(seeds, int):
        start = sorted(random.Random(seed).sample(people(graph), seeds))
    else:
        start = sorted(set(resolve_people(graph, seeds)))
    carrier = _carrier(graph, close_ties_only)
    eligible = [t == PERSON for t in graph.vs["type"]] if graph.vcount() else []
    rounds = _spread(carrier.get_adjlist(), eligible, start, threshold)
    population = len(people(graph))
    reached = sum(len(r) for r in rounds)
    notes = []
    if isinstance(threshold, int) and threshold > len(start):
        notes.append(f"nothing can spread: a threshold of {label} needs that many adopters next to a person,"
                     f" and there {'is' if len(start) == 1 else 'are'} only {len(start)} seed{'s' if len(start) != 1 else ''}")
    elif reached == len(rounds[0]):
        notes.append("nothing spread beyond the seeds")
    return ContagionResult(
        seeds=nodes(graph, rounds[0]),
        threshold=label,
        rounds=[nodes(graph, r) for r in rounds],
        adoptions=_adoptions(graph, carrier, rounds),
        reached=reached,
        population=population,
        share=reached / population if population else 0.0,
        notes=notes,
    )


def compare_rewired(
    graph: ig.Graph,
    seeds: Sequence[PersonRef] | int,
    *,
    threshold: int | float = 2,
    trials: int = 20,
    close_ties_only: bool = True,
    seed: int | None = 0,
) -> RewiringComparison:
    """The same contagion on `trials` degree-preserving rewirings of the carrying ties.

    The verdict compares the two only when the run can support it: at least MIN_TRIALS rewirings,
    and some spread in the network or its rewirings.
    """
    if trials < 0:
        raise ValueError("trials must be 0 or more")
    observed = threshold_contagion(graph, seeds, threshold=threshold, close_ties_only=close_ties_only, seed=seed)
    start = resolve_people(graph, [s.id for s in observed.seeds])
    carrier = _carrier(graph, close_ties_only)
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
        verdict=_verdict(observed, reached, lengths),
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def _transitivity(graph: ig.Graph) -> float:
    value = graph.transitivity_undirected()
    return 0.0 if math.isnan(value) else float(value)


def _verdict(observed: ContagionResult, rewired_reached: Sequence[int], rewired_rounds: Sequence[int]) -> str:
    """Reach first (how far it spreads), then speed (rounds to get there) when reach is the same;
    no conclusion from too few rewirings or from a run where nothing spread anywhere."""
    trials = len(rewired_reached)
    if trials < MIN_TRIALS:
        return f"no comparison: {trials} rewiring{'s' if trials != 1 else ''} cannot show whether clustering matters" \
               f" (use at least {MIN_TRIALS})"
    seeds = len(observed.seeds)
    if observed.reached == seeds and max(rewired_reached) == seeds:
        return "no conclusion: nothing spread beyond the seeds, in the network or in any rewiring"
    reached, rounds = observed.reached, len(observed.rounds) - 1
    mean_reached, mean_rounds = _mean(rewired_reached), _mean(rewired_rounds)
    fewer = sum(r < reached for r in rewired_reached)
    figures = (f"{reached} reached in {rounds} rounds; rewired: {mean_reached:.1f} in {mean_rounds:.1f} on average"
               f" over {trials}, fewer reached in {fewer} of them")
    if reached > mean_reached + 0.5:
        return f"clustered ties carry the spread further ({figures})"
    if reached < mean_reached - 0.5:
        return f"random ties carry the spread further ({figures})"
    if rounds < mean_rounds - 0.5:
        return f"clustered ties spread it as far, faster ({figures})"
    if rounds > mean_rounds + 0.5:
        return f"random ties spread it as far, faster ({figures})"
    return f"clustering makes no clear difference ({figures})"
