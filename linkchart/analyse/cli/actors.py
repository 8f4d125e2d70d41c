"""Who matters and how the network divides: `key-actors` and `cells`."""

from __future__ import annotations

from collections.abc import Sequence

import click
import igraph as ig
from rich.console import Console

from ..actors import ORDERS, key_actors
from ..cells import Cell, cells, coresidence_cliques, k_cores
from ..centrality import MEASURES
from .base import (
    SEED,
    WEIGHTED,
    analysis_command,
    count,
    document_name,
    emit,
    evidence_text,
    names,
    number,
    table,
    tie_label,
    tie_lines,
)


@analysis_command("key-actors")
@click.option("--top", type=count(1), default=10, show_default=True, help="How many people to list.")
@click.option("--by", type=click.Choice(ORDERS), default="overall", show_default=True, help="What to rank by.")
@click.option("--ties", "max_ties", type=count(0), default=4, show_default=True, help="Ties listed per person (--json: up to 8).")
@WEIGHTED
@SEED
def key_actors_command(graph: ig.Graph, *, as_json: bool, top: int, by: str, max_ties: int, weighted: bool, seed: int) -> None:
    """Rank people by degree, betweenness, closeness and eigenvector centrality, with the ties that make them central."""
    report = key_actors(graph, top=top, by=by, weighted=weighted, seed=seed, max_ties=max_ties if not as_json else max(8, max_ties))

    def render(console: Console) -> None:
        note = f"; betweenness/closeness sampled from {report.pivots} pivots" if report.sampled else ""
        weights = ", weighted by tie strength" if weighted else ""
        title = f"Key actors among {report.people} people, {report.ties} ties, by {by}{weights} (rank in brackets{note})"
        ranking = table(title, "#", "person", "degree", *MEASURES[1:], "constraint", "cell", "cut point")
        for a in report.actors:
            measures = [f"{number(getattr(a, m))} ({a.ranks[m]})" for m in MEASURES[1:]]
            cut = f"yes, cuts off {a.cuts_off}" if a.articulation_point else ""
            ranking.add_row(str(a.rank), a.person.name, str(a.degree), *measures, number(a.constraint), str(a.cell), cut)
        console.print(ranking)
        ties = table("Ties that make them central", "person", "tie", "why", "evidence")
        for a in report.actors:
            for held in a.ties:
                ties.add_row(a.person.name, tie_label(held.tie), ", ".join(held.why) or "–", evidence_text(held.tie.evidence))
        console.print(ties)

    emit(report, as_json, render)


def _render_cells(console: Console, title: str, found: Sequence[Cell], *, outside: bool = False) -> None:
    if not found:
        console.print(f"{title}: none")
        return
    listing = table(title, "cell", "members", "ties", "density", "organisations", "sources")
    for cell in found:
        orgs = "\n".join(f"{o.org.name} ({', '.join(o.types)}): {', '.join(o.members)}" for o in cell.organisations)
        docs = "\n".join(f"{document_name(d.document_id)} ({d.date or 'undated'}): {d.ties} ties" for d in cell.documents[:5])
        listing.add_row(cell.label, names(cell.members), str(cell.ties), number(cell.density, 2), orgs or "–", docs or "–")
    console.print(listing)
    if outside:
        links = table(f"{title}: who ties them to the rest of the network", "cell", "tie", "evidence")
        for cell in found:
            for t in cell.outside_ties:
                links.add_row(cell.label, tie_label(t), evidence_text(t.evidence))
        console.print(links)


@analysis_command("cells")
@click.option("--resolution", type=click.FloatRange(min=0, min_open=True), default=1.0, show_default=True,
              help="Leiden resolution; higher gives smaller cells.")
@click.option("--k", "k", type=count(1), default=None, help="k for the k-core (default: the innermost core).")
@click.option("--min-clique", type=count(2), default=3, show_default=True, help="Smallest co-resident clique to list.")
@click.option("--unweighted", is_flag=True, help="Leiden on bare ties, ignoring tie strength.")
@SEED
def cells_command(
    graph: ig.Graph, *, as_json: bool, resolution: float, k: int | None, min_clique: int, unweighted: bool, seed: int
) -> None:
    """Leiden cells, k-cores and co-resident cliques: their groups, sources and the ties between them."""
    found = cells(graph, resolution=resolution, seed=seed, weighted=not unweighted)
    cores = k_cores(graph, k)
    cliques = coresidence_cliques(graph, min_size=min_clique)

    def render(console: Console) -> None:
        _render_cells(console, f"Leiden cells (resolution {resolution}, seed {seed})", found, outside=True)
        _render_cells(console, "k-cores", cores)
        _render_cells(console, "Co-resident cliques", cliques)
        for clique in cliques:
            for t in clique.key_ties:
                console.print(f"{clique.label}: {tie_lines(t)}")

    emit({"communities": found, "k_cores": cores, "cliques": cliques}, as_json, render)
