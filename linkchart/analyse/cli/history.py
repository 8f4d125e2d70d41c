"""How the network grew, from the dates in the reporting: `timeline` and `growth`."""

from __future__ import annotations

import click
import igraph as ig
from rich.console import Console

from ..records import resolve_person
from ..timeline import TimelineEvent, growth, timeline
from .base import analysis_command, document_name, emit, evidence_text, table


def _when(event: TimelineEvent) -> str:
    """The date and where it came from: the words that state it, what a relative one counted from,
    or the report's date."""
    return "undated" if event.date is None else f"{event.date}\n{event.date_from}"


def _what(event: TimelineEvent) -> str:
    if event.kind == "profile":
        return f"{event.subject.name} {event.type}"
    if event.kind == "event" and event.label:
        return f"{event.subject.name}: {event.label}" + (" (hedged)" if event.hedged else "")
    if event.kind == "event":
        return f"{event.subject.name} named in a dated sentence"
    other = f" {event.other.name}" if event.other else f" in {', '.join(document_name(d) for d in event.documents)}"
    return f"{event.subject.name} {event.type}{other}" + (" (hedged)" if event.hedged else "")


@analysis_command("timeline")
@click.argument("name", required=False)
@click.option("--undated/--no-undated", default=True, show_default=True, help="List undated events at the end.")
@click.option("--mentions/--no-mentions", default=True, show_default=True, help="For one person: the reports naming them.")
def timeline_command(graph: ig.Graph, *, as_json: bool, name: str | None, undated: bool, mentions: bool) -> None:
    """Ties, memberships and (for one person) dated sentences and reports naming them, oldest first."""
    events = timeline(graph, name, include_undated=undated, include_mentions=mentions)

    def render(console: Console) -> None:
        title = f"Timeline of {graph.vs[resolve_person(graph, name)]['name']}" if name else "Timeline of the network"
        rows = table(title, "date", "event", "evidence")
        for e in events:
            rows.add_row(_when(e), _what(e), evidence_text(e.evidence) if e.evidence else "")
        console.print(rows)

    emit(events, as_json, render)


@analysis_command("growth")
def growth_command(graph: ig.Graph, *, as_json: bool) -> None:
    """Per year: people, ties, components and the largest component of the network so far."""
    result = growth(graph)

    def render(console: Console) -> None:
        columns = ("year", "people", "new_people", "ties", "new_ties", "components", "largest_component")
        rows = table("Growth of the network", *(c.replace("_", " ") for c in columns))
        for p in result.points:
            rows.add_row(*(str(getattr(p, c)) for c in columns))
        console.print(rows)
        console.print(f"{result.undated_ties} ties have no date and are not counted")

    emit(result, as_json, render)
