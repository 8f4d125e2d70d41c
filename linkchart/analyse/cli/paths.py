"""How people are connected: `path`, `ego` and `common`, every hop with its evidence."""

from __future__ import annotations

import click
import igraph as ig
from rich.console import Console

from ..paths import common_associates, ego_network, k_shortest_paths
from ..records import Tie
from .base import WEIGHTED, analysis_command, count, emit, evidence_text, table, tie_label, tie_lines


def _kinds(t: Tie) -> str:
    return ", ".join(t.types) + (" (hedged)" if t.hedged else "")


@analysis_command("path")
@click.argument("a")
@click.argument("b")
@click.option("--k", "k", type=count(1), default=1, show_default=True, help="How many shortest simple paths.")
@WEIGHTED
def path_command(graph: ig.Graph, *, as_json: bool, a: str, b: str, k: int, weighted: bool) -> None:
    """How A and B are connected: each hop with its tie types and evidence (--weighted prefers strong ties)."""
    paths = k_shortest_paths(graph, a, b, k=k, weighted=weighted)

    def render(console: Console) -> None:
        if not paths:
            console.print(f"{a} and {b} are not connected")
        for i, p in enumerate(paths, start=1):
            hops = table(f"Path {i}: {p.length} hops ({' → '.join(n.name for n in p.people)})", "hop", "from", "to", "tie", "evidence")
            for number, hop in enumerate(p.hops, start=1):
                hops.add_row(str(number), hop.source.name, hop.target.name, _kinds(hop), evidence_text(hop.evidence))
            console.print(hops)

    emit(paths, as_json, render)


@analysis_command("ego")
@click.argument("name")
@click.option("--hops", type=count(1), default=1, show_default=True, help="How many steps out.")
def ego_command(graph: ig.Graph, *, as_json: bool, name: str, hops: int) -> None:
    """Everyone within N steps of a person, with the tie that brings each closer."""
    ego = ego_network(graph, name, hops)

    def render(console: Console) -> None:
        title = f"{ego.centre.name}: {len(ego.members) - 1} people within {hops} hop{'s' if hops != 1 else ''}, {ego.ties} ties"
        members = table(title, "hops", "person", "via", "evidence")
        for m in ego.members[1:]:
            members.add_row(
                str(m.hops), m.person.name, tie_label(m.via) if m.via else "", evidence_text(m.via.evidence) if m.via else ""
            )
        console.print(members)

    emit(ego, as_json, render)


@analysis_command("common")
@click.argument("a")
@click.argument("b")
def common_command(graph: ig.Graph, *, as_json: bool, a: str, b: str) -> None:
    """People tied to both A and B, with both ties' evidence."""
    result = common_associates(graph, a, b)

    def render(console: Console) -> None:
        if result.direct is not None:
            console.print(f"direct tie: {tie_lines(result.direct)}")
        if not result.associates:
            console.print("no common associates")
            return
        shared = table(
            f"Common associates of {result.a.name} and {result.b.name}", "person", f"tie to {result.a.name}", f"tie to {result.b.name}"
        )
        for c in result.associates:
            shared.add_row(c.person.name, *(f"{_kinds(t)}\n{evidence_text(t.evidence)}" for t in (c.tie_to_a, c.tie_to_b)))
        console.print(shared)

    emit(result, as_json, render)
