"""Recruitment: who brought whom in, and who stands among the already radicalised.

Joining a violent group is rarely a decision taken alone: it travels along close ties — brothers,
childhood friends, flatmates — and typically needs several of them to people already committed
(Sageman 2004; Centola & Macy 2007). So besides recruiter -> recruit trees (from recruited_by
ties: `source recruited_by target` means target recruited source), this module counts for each
person their close ties (`model.CLOSE_TYPES`: family, associate, co_resided) to radicalised
people, by type, and — where the reporting dates when each became involved — how many of those
people were involved *before* them, which is what "already" means.

By default the radicalised are everyone with a member_of / leader_of tie to an organisation, on
either side of a recruited_by tie, or stated to be a recruiter ("X, a recruiter": a role fact that
extraction keeps as an event of type ROLE); analysts can name them instead.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import igraph as ig

from linkchart.dates import earliest, surely_before
from linkchart.model import CLOSE_TYPES, LEADER_OF, MEMBER_OF, PERSON, RECRUITED_BY, RECRUITER, ROLE, Evidence

from .graph import graph_dating, recruitment_graph
from .records import Node, PersonRef, Tie, node, other_end, people, resolve_people, tie

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
    """A person's close ties to radicalised people."""

    person: Node
    radicalised: bool
    since: str | None  # the earliest date the reporting gives for their own involvement
    close_ties: int
    by_type: dict[str, int]
    earlier: int | None  # close ties to people involved before `since`; None when `since` is unknown
    ties: list[Tie]


@dataclass
class StatedRole:
    """A role the reporting states of a person ("X, a recruiter"), with the sentences saying so."""

    person: Node
    role: str
    hedged: bool
    evidence: list[Evidence]


def stated_roles(graph: ig.Graph, role: str | None = None) -> list[StatedRole]:
    """People the reporting describes by a role (all roles, or only `role`), one row per person and role."""
    index = {v_id: i for i, v_id in enumerate(graph.vs["id"])} if graph.vcount() else {}
    found: dict[tuple[int, str], StatedRole] = {}
    for ev in graph["events"] if "events" in graph.attributes() else []:
        if ev.type != ROLE or (role is not None and ev.label != role):
            continue
        for person in ev.participants:
            if person not in index:
                continue
            row = found.setdefault((index[person], ev.label), StatedRole(node(graph, index[person]), ev.label, True, []))
            row.hedged = row.hedged and ev.hedged
            row.evidence += [e for e in ev.evidence if e not in row.evidence]
    return sorted(found.values(), key=lambda r: (r.role, r.person.name))


def recruiters(graph: ig.Graph) -> list[StatedRole]:
    """People stated to be recruiters, whether or not any recruitment tie names their recruits."""
    return stated_roles(graph, RECRUITER)


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


def radicalised(graph: ig.Graph) -> list[int]:
    """Default radicalised set: members or leaders of an organisation, both sides of recruited_by
    ties, and people stated to be recruiters."""
    chosen = {v for v in people(graph) if any(a.type in RADICALISING_AFFILIATIONS for a in graph.vs[v]["affiliations"])}
    index = {v_id: i for i, v_id in enumerate(graph.vs["id"])} if graph.vcount() else {}
    chosen.update(index[r.person.id] for r in recruiters(graph) if not r.hedged)
    for edge in graph.es:
        if RECRUITED_BY in edge["types"]:
            chosen.update(edge.tuple)
    return sorted(v for v in chosen if graph.vs[v]["type"] == PERSON)


def involvement_dates(graph: ig.Graph) -> list[str | None]:
    """For each vertex, the earliest date its sentences give for joining, leading or recruitment."""
    dating = graph_dating(graph)
    found: list[list[str | None]] = [
        [a.date for a in graph.vs[v]["affiliations"] if a.type in RADICALISING_AFFILIATIONS] for v in range(graph.vcount())
    ]
    for edge in graph.es:
        for relation in edge["relations"]:
            if relation.type == RECRUITED_BY:
                date = dating.relation_date(relation).date
                for v in edge.tuple:
                    found[v].append(date)
    return [earliest(dates) for dates in found]


def is_close(types: Sequence[str]) -> bool:
    return not CLOSE_TYPES.isdisjoint(types)


def exposure(
    graph: ig.Graph,
    members: Sequence[PersonRef] | None = None,
    *,
    min_ties: int = 1,
    include_members: bool = True,
) -> list[Exposure]:
    """Everyone with at least `min_ties` close ties to radicalised people (default: `radicalised`),
    most exposed first; members themselves too unless `include_members` is False."""
    inside = set(radicalised(graph) if members is None else resolve_people(graph, members))
    since = involvement_dates(graph)
    result = []
    for v in people(graph):
        if v in inside and not include_members:
            continue
        edges = [e for e in graph.incident(v) if other_end(graph, e, v) in inside and is_close(graph.es[e]["types"])]
        if len(edges) < min_ties:
            continue
        ties = sorted((tie(graph, e, v) for e in edges), key=lambda t: t.target.name)
        by_type = Counter(t for e in edges for t in graph.es[e]["types"] if t in CLOSE_TYPES)
        earlier = None if since[v] is None else sum(surely_before(since[other_end(graph, e, v)], since[v]) for e in edges)
        result.append(Exposure(node(graph, v), v in inside, since[v], len(edges), dict(sorted(by_type.items())), earlier, ties))
    return sorted(result, key=lambda x: (-x.close_ties, x.person.name))
