"""Which arrests would break the network: `disrupt` (what-if removals and key player sets)."""

from __future__ import annotations

import click
import igraph as ig
from rich.console import Console
from rich.text import Text

from .. import keyplayers
from ..disruption import Cohesion, DisruptionReport, disrupt
from ..keyplayers import KPP_NEG_MEASURES, KeyPlayers, KeyPlayerSearch
from .base import SEED, analysis_command, count, emit, names, number, table, tie_lines

_FIGURES = (
    ("people", "people"),
    ("ties", "ties"),
    ("components", "components"),
    ("largest component", "largest_component"),
    ("fragmentation F", "fragmentation"),
    ("distance-weighted fragmentation", "distance_fragmentation"),
    ("distance-weighted reach", "reach"),
)


def _figure(cohesion: Cohesion, field: str) -> str:
    value = getattr(cohesion, field)
    return str(value) if isinstance(value, int) else number(value)


def _render_disruption(console: Console, report: DisruptionReport, title: str) -> None:
    figures = table(title + (" (estimated from sampled sources)" if report.before.sampled else ""), "measure", "before", "after")
    for label, field in _FIGURES:
        figures.add_row(label, _figure(report.before, field), _figure(report.after, field))
    console.print(figures)
    for t in report.removed_ties:
        console.print(f"cut {tie_lines(t)}")
    console.print(f"cut off from the main component: {names(report.cut_off)}")


def _render_key_players(console: Console, result: KeyPlayers) -> None:
    console.print(Text(f"{result.kind} ({result.method}, {result.candidates} candidates): {names(result.people)}", style="bold"))
    if result.method == "exhaustive" or (not result.swaps and result.passes == 0):
        pass  # every set was scored: no search to describe beyond the note
    elif result.swaps:
        console.print(f"  greedy start {names(result.greedy)} ({number(result.greedy_score)}); {result.swaps} improving swaps")
    else:
        console.print(f"  greedy start kept: no swap improved it in {result.passes} pass{'es' if result.passes != 1 else ''}")
    for note in result.notes:
        console.print(f"  {note}")
    if result.disruption is not None:
        _render_disruption(console, result.disruption, f"Removing {names(result.people)}")
    else:
        console.print(
            f"distance-weighted reach {result.score:.3f}; {result.reached_in_one} people one step away, "
            f"{result.reached_in_two} two steps away"
        )


@analysis_command("disrupt")
@click.option("--remove", multiple=True, metavar="NAME", help="Person to remove (repeatable).")
@click.option("--cut", nargs=2, multiple=True, metavar="A B", help="Tie to remove between two people (repeatable).")
@click.option("--kpp-neg", type=count(1), default=None, metavar="K", help="Find the K people whose removal fragments most.")
@click.option("--kpp-pos", type=count(1), default=None, metavar="K", help="Find the K people who reach most of the network.")
@click.option(
    "--measure",
    type=click.Choice(KPP_NEG_MEASURES),
    default="distance",
    show_default=True,
    help="What --kpp-neg maximises: distance-weighted fragmentation or component fragmentation.",
)
@SEED
def disrupt_command(
    graph: ig.Graph,
    *,
    as_json: bool,
    remove: tuple[str, ...],
    cut: tuple[tuple[str, str], ...],
    kpp_neg: int | None,
    kpp_pos: int | None,
    measure: str,
    seed: int,
) -> None:
    """Remove people or ties and measure the damage, or search for key player sets."""
    if sum(bool(m) for m in (remove or cut, kpp_neg is not None, kpp_pos is not None)) != 1:
        raise click.UsageError("give --remove/--cut, or --kpp-neg K, or --kpp-pos K")
    search = KeyPlayerSearch(seed=seed)
    result: DisruptionReport | KeyPlayers
    if kpp_neg is not None:
        result = keyplayers.kpp_neg(graph, kpp_neg, measure=measure, search=search)
    elif kpp_pos is not None:
        result = keyplayers.kpp_pos(graph, kpp_pos, search=search)
    else:
        result = disrupt(graph, remove=list(remove), cut=list(cut), sampling=search.sampling)

    def render(console: Console) -> None:
        if isinstance(result, KeyPlayers):
            _render_key_players(console, result)
        else:
            _render_disruption(console, result, f"Removing {names(result.removed_people) if remove else 'ties'}")

    emit(result, as_json, render)
