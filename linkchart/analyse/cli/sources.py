"""`linkchart analyse sources A [B]`: the sentences behind ties, read where the analyst's file has them."""

from __future__ import annotations

from dataclasses import dataclass

import click
import igraph as ig
from rich.console import Console

from linkchart.provenance import Source, source_of

from ..records import Tie, resolve_person, tie, tie_between
from .base import DOCUMENTS, analysis_command, emit, tie_label


@dataclass
class TieSources:
    tie: Tie
    sources: list[Source]


@analysis_command("sources")
@click.argument("a")
@click.argument("b", required=False)
def sources_command(graph: ig.Graph, *, as_json: bool, a: str, b: str | None) -> None:
    """Every sentence stating a tie of A (or between A and B), with its file, line and the original
    lines around it, as the file you ingested has them."""
    person = resolve_person(graph, a)
    if b is not None:
        found = tie_between(graph, person, resolve_person(graph, b))
        ties = [found] if found is not None else []
    else:
        ties = sorted((tie(graph, e, person) for e in graph.incident(person)), key=lambda t: t.target.name)
    documents = DOCUMENTS.get()
    result = [TieSources(t, [source_of(e, documents) for e in t.evidence]) for t in ties]

    def render(console: Console) -> None:
        if not result:
            console.print(f"{graph.vs[person]['name']} and {b} are not directly tied" if b else "no ties")
        for held in result:
            console.print(tie_label(held.tie))
            for s in held.sources:
                place = f"{s.file}, line {s.line}, column {s.column}" if s.line is not None else f"{s.file} (original not kept)"
                console.print(f"  {place}:")
                for line in s.context.splitlines():
                    console.print(f"    | {line}")

    emit(result, as_json, render)
