"""The linkchart command line: a click group, one command per user task."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Column, Table

from linkchart.errors import LinkchartError
from linkchart.model import Entity, Evidence, Network
from linkchart.settings import DEFAULT_DB, Settings
from linkchart.store import SQLiteStore, open_store

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
db_option = click.option("--db", type=click.Path(dir_okay=False, path_type=Path), default=DEFAULT_DB,
                         show_default=True, help="The case database (SQLite file).")


class LinkchartGroup(click.Group):
    """Turns our own errors into one line; --debug shows the traceback."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except LinkchartError as err:
            if ctx.obj and ctx.obj.get("debug"):
                raise
            err_console.print(f"[red]error:[/red] {err}", markup=True)
            sys.exit(1)


@click.group(cls=LinkchartGroup)
@click.option("--debug", is_flag=True, help="Show tracebacks.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Turn reporting about violent networks into an evidence-backed network."""
    ctx.obj = {"debug": debug}


def _store(db: Path, *, must_exist: bool = True) -> SQLiteStore:
    if must_exist and not db.exists():
        raise LinkchartError(f"{db}: no such database (run 'linkchart build DIR --db {db}' first)")
    return open_store(db)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--max-file-mb", type=float, help="Refuse files larger than this.")
def build(paths: tuple[Path, ...], db: Path, max_file_mb: float | None) -> None:
    """Ingest, extract, resolve and store the reports in PATHS (files or folders)."""
    from linkchart.build import build as run_build

    settings = Settings(db=db).with_overrides(max_file_mb=max_file_mb)
    for p in paths:
        if not p.exists():
            err_console.print(f"[red]error:[/red] {p}: no such file or folder")
    store = _store(db, must_exist=False)
    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TextColumn("{task.fields[name]}"), console=err_console, transient=True) as progress:
        task = progress.add_task("building", total=None, name="")
        report = run_build([p for p in paths if p.exists()], store, settings,
                           progress=lambda name: progress.update(task, advance=1, name=name),
                           on_total=lambda n: progress.update(task, total=n))
    for line in report.errors:
        err_console.print(f"[red]error:[/red] {line}", markup=True)
    for copy, original, score in report.duplicates:
        console.print(f"duplicate: {copy} is a copy of document {original} (similarity {score:.2f})")
    console.print(f"{len(report.added)} added, {len(report.unchanged)} unchanged, {len(report.duplicates)} duplicates,"
                  f" {len(report.errors)} errors; network: {report.entities} entities, {report.relations} ties")


def _degree(network: Network) -> dict[str, int]:
    deg: dict[str, int] = {}
    for r in network.relations:
        deg[r.source] = deg.get(r.source, 0) + 1
        deg[r.target] = deg.get(r.target, 0) + 1
    return deg


@cli.command()
@db_option
@click.option("--type", "etype", help="Only this type (person, organization).")
@click.option("--all", "show_all", is_flag=True, help="Include quoted commentators.")
def entities(db: Path, etype: str | None, show_all: bool) -> None:
    """Table of entities: name, type, aliases, number of ties, documents."""
    network = _store(db).load_network()
    deg = _degree(network)
    table = Table("type", "role", "aliases", "ties", "documents")
    table.columns.insert(0, Column("name", no_wrap=True))
    for e in sorted(network.entities, key=lambda e: (-deg.get(e.id, 0), e.name)):
        if (etype and e.type != etype) or (e.role != "actor" and not show_all):
            continue
        aliases = ", ".join(n for n in e.alias_names() if n != e.name)
        table.add_row(e.name, e.type, e.role, aliases, str(deg.get(e.id, 0)), str(len(e.documents)))
    console.print(table)


def _one_entity(store: SQLiteStore, name: str) -> Entity:
    found = store.find_entities(name)
    if not found:
        raise LinkchartError(f"no entity named '{name}'")
    if len(found) > 1:
        raise LinkchartError(f"'{name}' is ambiguous: " + "; ".join(f"{e.name} ({e.id})" for e in found))
    return found[0]


@cli.command()
@click.argument("name")
@db_option
def show(name: str, db: Path) -> None:
    """One entity: all its names, and every tie with its evidence sentence and source."""
    store = _store(db)
    entity = _one_entity(store, name)
    network = store.load_network()
    names = {e.id: e.name for e in network.entities}
    paths = {d.id: d.path for d in network.documents}
    console.print(f"[bold]{entity.name}[/bold]  {entity.type}, {entity.role}, id {entity.id}", markup=True)
    console.print("names: " + ", ".join(entity.alias_names()))
    console.print(f"documents: {', '.join(paths.get(d, d) for d in entity.documents)}")
    for r in network.relations:
        if entity.id not in (r.source, r.target):
            continue
        other = names[r.target if r.source == entity.id else r.source]
        arrow = f"{names[r.source]} —{r.type}→ {names[r.target]}" if r.directed else f"{r.type} {other}"
        flag = " (hedged)" if r.hedged else ""
        console.print(f"\n• {arrow}{flag}  confidence {r.confidence:.2f}" + (f", {r.date}" if r.date else ""))
        _print_evidence(r.evidence, paths)
    for ev in network.events:
        if entity.id not in ev.participants:
            continue
        others = [names[p] for p in ev.participants if p != entity.id and p in names]
        flag = " (hedged)" if ev.hedged else ""
        console.print(f"\n◆ {ev.type}: {ev.label}{flag}" + (f", {ev.date}" if ev.date else "")
                      + (f"  with {', '.join(others)}" if others else ""), markup=False)
        _print_evidence(ev.evidence, paths)


def _print_evidence(evidence: list[Evidence], paths: dict[str, str]) -> None:
    for e in evidence:
        console.print(f"    “{e.text}”\n      — {paths.get(e.document_id, e.document_id)} [{e.start}:{e.end}]",
                      markup=False)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(["json", "graphml", "gexf", "csv"]), default="json",
              show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--actors-only", is_flag=True, help="Leave out quoted commentators (they are never tied to the network).")
def export(db: Path, fmt: str, output: Path, actors_only: bool) -> None:
    """Write the network as JSON, GraphML, GEXF (Gephi) or CSV nodes/edges/events."""
    from linkchart.export import export_network

    network = _store(db).load_network()
    if actors_only:
        keep = {e.id for e in network.entities if e.role == "actor"}
        network = Network([e for e in network.entities if e.id in keep],
                          [r for r in network.relations if r.source in keep and r.target in keep],
                          network.documents, network.events)
    for path in export_network(network, fmt, output):
        console.print(f"wrote {path}")


@cli.command()
@click.argument("name")
@db_option
def why(name: str, db: Path) -> None:
    """Why an entity holds the names it holds: every merge with its reason."""
    store = _store(db)
    entity = _one_entity(store, name)
    console.print(f"[bold]{entity.name}[/bold] ({entity.id}) holds: {', '.join(entity.alias_names())}", markup=True)
    for d in store.merge_decisions(entity.id):
        console.print(f"• {d.name_a} + {d.name_b}: {d.reason} (score {d.score:.2f}, {d.source})", markup=False)
    names = {n.casefold() for n in entity.alias_names()}
    for m in store.local_merges():
        if m.document_id in entity.documents and (m.name_a.casefold() in names or m.name_b.casefold() in names):
            console.print(f"• in {m.document_id}: {m.name_a} + {m.name_b or '—'}: {m.reason}", markup=False)


def _decide(db: Path, action: str, a: str, b: str) -> None:
    from linkchart.build import resolve
    from linkchart.resolve import AnalystDecision

    store = _store(db)
    _one_entity(store, a)
    if action != "rename":
        _one_entity(store, b)
    store.add_decision(AnalystDecision(action, a, b))
    resolution = resolve(store, Settings(db=db))
    console.print(f"recorded '{action}' {a} / {b}; network: {len(resolution.entities)} entities")


@cli.command()
@click.argument("name_a")
@click.argument("name_b")
@db_option
def merge(name_a: str, name_b: str, db: Path) -> None:
    """Analyst decision: NAME_A and NAME_B are one person (kept across rebuilds)."""
    _decide(db, "merge", name_a, name_b)


@cli.command()
@click.argument("name_a")
@click.argument("name_b")
@db_option
def split(name_a: str, name_b: str, db: Path) -> None:
    """Analyst decision: NAME_A and NAME_B are not the same person (undoes a merge)."""
    _decide(db, "distinct", name_a, name_b)


@cli.command()
@click.argument("name")
@click.argument("new_name")
@db_option
def rename(name: str, new_name: str, db: Path) -> None:
    """Analyst decision: show the entity NAME as NEW_NAME."""
    _decide(db, "rename", name, new_name)


@cli.command()
@click.argument("query")
@db_option
def search(query: str, db: Path) -> None:
    """Full-text search over documents and names."""
    store = _store(db)
    for e in store.find_entities(query):
        console.print(f"entity: {e.name} ({e.type}, {e.id})")
    for doc, snippet in store.search_documents(query):
        console.print(f"{doc.path}: {snippet}", markup=False)



@cli.command()
@db_option
@click.option("--gold", type=click.Path(exists=True, dir_okay=False, path_type=Path), required=True,
              help="Hand annotation in the scorer's gold format.")
@click.option("--corpus", type=click.Path(path_type=Path), required=True,
              help="The folder of documents that was built (for the evidence check).")
@click.option("--scorer", type=click.Path(dir_okay=False, path_type=Path),
              help="Path to score_graph.py (default: $LINKCHART_SCORER or found near the gold file).")
@click.option("--min", "minimums", multiple=True, metavar="NAME=VALUE",
              help="Fail (exit 1) when a summary figure is below VALUE (forbidden_ties: above).")
@click.option("--json", "as_json", is_flag=True, help="Print the scorer's whole report as JSON.")
def evaluate(db: Path, gold: Path, corpus: Path, scorer: Path | None, minimums: tuple[str, ...],
             as_json: bool) -> None:
    """Score the network in --db against a gold annotation with the shared scorer."""
    import json as jsonlib

    from linkchart import evaluate as ev

    bounds = ev.parse_minimums(minimums)
    module = ev.load_scorer(ev.find_scorer(scorer, gold.parent, Path.cwd()))
    report = ev.evaluate(_store(db).load_network(), gold, corpus, module)
    if as_json:
        click.echo(jsonlib.dumps(report, indent=2, ensure_ascii=False))
    else:
        table = Table("figure", "value")
        for key, value in report["summary"].items():
            table.add_row(key, str(value))
        console.print(table)
        console.print("summary " + " ".join(f"{k}={v}" for k, v in report["summary"].items()))
    missing = ev.shortfalls(report["summary"], bounds)
    if missing:
        raise LinkchartError("below target: " + "; ".join(missing))


def _register_analysis() -> None:
    """The `analyse` group lives with the analysis package, one module per question."""
    from linkchart.analyse.cli import analyse

    cli.add_command(analyse)


_register_analysis()


def main() -> None:
    cli()
