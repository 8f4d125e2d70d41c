"""The linkchart command line: a click group, one command per user task."""

from __future__ import annotations

import json
import sys
from dataclasses import asdict
from pathlib import Path

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Column, Table

from linkchart.case import Case
from linkchart.dates import date_from
from linkchart.errors import LinkchartError
from linkchart.export import FORMATS
from linkchart.model import Evidence
from linkchart.settings import DEFAULT_DB, Settings

console = Console(highlight=False, soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)
db_option = click.option("--db", type=click.Path(dir_okay=False, path_type=str), default=DEFAULT_DB, show_default=True,
                         help="The case: a SQLite file, or a PostgreSQL URL (postgresql://user@host/dbname).")


class LinkchartGroup(click.Group):
    """Turns our own errors into one line; --debug shows the traceback. The `analyse` group
    (with the analysis package, one module per question) is imported when asked for, so that
    a build does not pay for importing the graph libraries."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), "analyse"})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name == "analyse" and name not in self.commands:
            from linkchart.analyse.cli import analyse

            self.add_command(analyse)
        return super().get_command(ctx, name)

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


def _case(db: Path | str, *, writable: bool = False, settings: Settings | None = None) -> Case:
    """Open the case; read-only tasks never create or change the file."""
    case = Case.open(db, writable=writable, settings=settings)
    warning = case.state_warning()
    if warning and not writable:
        err_console.print(f"[yellow]warning:[/yellow] {warning}", markup=True)
    return case


def _rows(headers: list[str], rows: list[list[str]]) -> None:
    """A table on a terminal; tab-separated lines when piped, so no name is ever cut."""
    if not console.is_terminal:
        click.echo("\t".join(headers))
        for row in rows:
            click.echo("\t".join(cell.replace("\t", " ").replace("\n", " ") for cell in row))
        return
    table = Table(*[Column(h, overflow="fold") for h in headers])
    for row in rows:
        table.add_row(*row)
    console.print(table)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@db_option
@click.option("--max-file-mb", type=click.FloatRange(min=0.001), help="Refuse files larger than this (kept with the case).")
@click.option("--reextract", is_flag=True, help="Read again the documents an older extractor read.")
@click.option("--sync", is_flag=True, help="Drop documents whose file under PATHS is gone, with what only they supported.")
@click.option("--workers", type=click.IntRange(min=1), default=None, help="Processes that read and extract  [default: cores]")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local", show_default=True,
              help="Where documents are read and extracted: this machine, or a Dask cluster (--scheduler).")
@click.option("--scheduler", help="Address of the Dask scheduler (with --engine dask), e.g. tcp://10.0.0.5:8786.")
def build(paths: tuple[Path, ...], db: Path, max_file_mb: float | None, reextract: bool, sync: bool, workers: int | None,
          engine: str, scheduler: str | None) -> None:
    """Ingest, extract, resolve and store the reports in PATHS (files or folders)."""
    from linkchart.engines import default_workers

    settings = Settings(db=Path(str(db))).with_overrides(max_file_mb=max_file_mb)
    with _case(db, writable=True, settings=settings) as case, Progress(
            TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[name]}"),
            console=err_console, transient=True) as progress:
        task = progress.add_task("building", total=None, name="")
        report = case.build(list(paths), reextract=reextract, sync=sync, workers=workers or default_workers(),
                            engine=engine, scheduler=scheduler,
                            progress=lambda name: progress.update(task, advance=1, name=name),
                            on_total=lambda n: progress.update(task, total=n),
                            within_file=lambda path, done, total: progress.update(
                                task, name=f"{Path(path).name} ({100 * done // max(total, 1)}%)"))
    for line in report.errors:
        err_console.print(f"[red]error:[/red] {escape(line)}", markup=True, highlight=False)
    for copy, original, score in report.duplicates:
        console.print(f"duplicate: {copy} is a copy of document {original} (similarity {score:.2f})", markup=False)
    for path in report.removed:
        console.print(f"removed: {path} (its file is gone)", markup=False)
    for before, after in report.moved:
        console.print(f"moved: {before} → {after}", markup=False)
    console.print(f"{len(report.added)} added, {len(report.unchanged)} unchanged, {len(report.duplicates)} duplicates,"
                  f" {len(report.errors)} errors" + (f", {len(report.reextracted)} re-extracted" if reextract else "")
                  + (f", {len(report.replaced)} replaced by an edited file" if report.replaced else "")
                  + (f", {len(report.removed)} removed" if sync else "")
                  + f"; network: {report.entities} entities, {report.relations} ties")
    if report.errors:
        sys.exit(1)


@cli.command()
@db_option
@click.option("--type", "etype", type=click.Choice(["person", "organization"]), help="Only this type.")
@click.option("--all", "show_all", is_flag=True, help="Include quoted commentators.")
@click.option("--match", help="Only entities one of whose names contains this.")
@click.option("--sort", type=click.Choice(["ties", "name", "documents"]), default="ties", show_default=True)
@click.option("--limit", type=click.IntRange(min=1), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True)
@click.option("--json", "as_json", is_flag=True, help="Print the page as JSON.")
def entities(db: Path, etype: str | None, show_all: bool, match: str | None, sort: str, limit: int, offset: int,
             as_json: bool) -> None:
    """Entities: name, type, aliases, number of ties, documents (a page at a time)."""
    with _case(db) as case:
        page = case.entities(type=etype, role=None if show_all else "actor", query=match, sort=sort, offset=offset, limit=limit)
    if as_json:
        click.echo(json.dumps({"total": page.total, "offset": page.offset, "items": [asdict(e) for e in page.items]},
                              indent=2, ensure_ascii=False))
        return
    _rows(["name", "id", "type", "role", "aliases", "ties", "documents"],
          [[e.name, e.id, e.type, e.role, ", ".join(e.aliases), str(e.ties), str(e.documents)] for e in page.items])
    if page.total > offset + len(page.items):
        err_console.print(f"{offset + 1}–{offset + len(page.items)} of {page.total}; more with --offset {offset + limit}")


@cli.command()
@click.argument("name")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the entity, its ties and events as JSON.")
def show(name: str, db: Path, as_json: bool) -> None:
    """One entity (by name, alias or id): all its names, and every tie with its evidence and source."""
    with _case(db) as case:
        view = case.view(name)
    entity, names = view.entity, view.names
    paths = {d.id: d.path for d in view.documents.values()}
    if as_json:
        click.echo(json.dumps({"entity": asdict(entity), "ties": [asdict(r) for r in view.ties],
                               "events": [asdict(e) for e in view.events], "names": names,
                               "documents": {k: asdict(d) for k, d in view.documents.items()}}, indent=2, ensure_ascii=False))
        return
    console.print(f"[bold]{escape(entity.name)}[/bold]  {entity.type}, {entity.role}, id {entity.id}", markup=True)
    console.print("names: " + ", ".join(entity.alias_names()), markup=False)
    console.print(f"documents: {', '.join(paths.get(d, d) for d in entity.documents)}", markup=False)
    for r in view.ties:
        other = names.get(r.target if r.source == entity.id else r.source, "?")
        arrow = f"{names.get(r.source, '?')} —{r.type}→ {names.get(r.target, '?')}" if r.directed else f"{r.type} {other}"
        flag = " (hedged)" if r.hedged else ""
        dated = f", {date_from(r.date, r.date_source)}" if r.date else ""
        console.print(f"\n• {arrow}{flag}  confidence {r.confidence:.2f}{dated}", markup=False)
        _print_evidence(r.evidence, paths)
    for ev in view.events:
        others = [names[p] for p in ev.participants if p != entity.id and p in names]
        flag = " (hedged)" if ev.hedged else ""
        console.print(f"\n◆ {ev.type}: {ev.label}{flag}" + (f", {date_from(ev.date, ev.date_source)}" if ev.date else "")
                      + (f"  with {', '.join(others)}" if others else ""), markup=False)
        _print_evidence(ev.evidence, paths)


def _print_evidence(evidence: list[Evidence], paths: dict[str, str]) -> None:
    for e in evidence:
        console.print(f"    “{e.text}”\n      — {paths.get(e.document_id, e.document_id)} [{e.start}:{e.end}]",
                      markup=False)


@cli.command()
@db_option
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="json", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
@click.option("--actors-only", is_flag=True, help="Leave out quoted commentators (they are never tied to the network).")
def export(db: Path, fmt: str, output: Path, actors_only: bool) -> None:
    """Write the network in one of the registered formats (JSON, GraphML, GEXF, CSV, ...)."""
    with _case(db) as case:
        for path in case.export(fmt, output, actors_only=actors_only):
            console.print(f"wrote {path}", markup=False)


@cli.command()
@click.argument("name")
@db_option
def why(name: str, db: Path) -> None:
    """Why an entity holds the names it holds: every merge with its reason."""
    with _case(db) as case:
        entity, joins, local = case.why(name)
    console.print(f"[bold]{escape(entity.name)}[/bold] ({entity.id}) holds: {escape(', '.join(entity.alias_names()))}",
                  markup=True)
    for d in joins:
        console.print(f"• {d.name_a} + {d.name_b}: {d.reason} (score {d.score:.2f}, {d.source})", markup=False)
    for m in local:
        console.print(f"• in {m.document_id}: {m.name_a} + {m.name_b or '—'}: {m.reason}", markup=False)


reason_option = click.option("--reason", default="", help="Why (kept with the decision).")


@cli.command()
@click.argument("name_a")
@click.argument("name_b")
@db_option
@reason_option
def merge(name_a: str, name_b: str, db: Path, reason: str) -> None:
    """Analyst decision: NAME_A and NAME_B (names or ids) are one entity (kept across rebuilds)."""
    with _case(db, writable=True) as case:
        console.print(case.merge(name_a, name_b, reason).message, markup=False)


@cli.command()
@click.argument("name_a")
@click.argument("name_b")
@db_option
@reason_option
def split(name_a: str, name_b: str, db: Path, reason: str) -> None:
    """Analyst decision: the names NAME_A and NAME_B, now in one entity, are not the same person."""
    with _case(db, writable=True) as case:
        console.print(case.split(name_a, name_b, reason).message, markup=False)


@cli.command()
@click.argument("name")
@click.argument("new_name")
@db_option
@reason_option
def rename(name: str, new_name: str, db: Path, reason: str) -> None:
    """Analyst decision: show the entity NAME (a name or an id) as NEW_NAME."""
    with _case(db, writable=True) as case:
        console.print(case.rename(name, new_name, reason).message, markup=False)


@cli.command()
@db_option
def decisions(db: Path) -> None:
    """The analyst decisions of this case, oldest first (undone ones marked)."""
    with _case(db) as case:
        found = case.decisions()
    _rows(["#", "action", "a", "b", "reason", "when"],
          [[str(d.id), d.action, f"{d.name_a} ({d.entity_a})" if d.entity_a else d.name_a, d.name_b, d.reason, d.created_at]
           for d in found])


@cli.command()
@click.argument("decision_id", type=click.IntRange(min=1))
@db_option
def undo(decision_id: int, db: Path) -> None:
    """Take back analyst decision DECISION_ID (see 'linkchart decisions')."""
    with _case(db, writable=True) as case:
        console.print(case.undo(decision_id).message, markup=False)


@cli.command()
@click.argument("action", type=click.Choice(["list", "accept", "reject"]), default="list")
@click.argument("suggestion_id", required=False)
@db_option
@reason_option
def review(action: str, suggestion_id: str | None, db: Path, reason: str) -> None:
    """Possible merges left to the analyst: list them, or accept / reject SUGGESTION_ID."""
    if action == "list":
        with _case(db) as case:
            queue = case.review()
            docs = case.store.document_summaries(sorted({d for _, s in queue for d in s.document_ids}))
        _rows(["id", "score", "a", "b", "reason", "documents"],
              [[sid, f"{s.score:.2f}", f"{s.name_a} ({s.entity_a})", f"{s.name_b} ({s.entity_b})", s.reason,
                ", ".join(Path(docs[d].path).name if d in docs else d for d in s.document_ids)] for sid, s in queue])
        return
    if not suggestion_id:
        raise LinkchartError(f"give the id of the suggestion to {action} (see 'linkchart review')")
    with _case(db, writable=True) as case:
        outcome = case.accept(suggestion_id, reason) if action == "accept" else case.reject(suggestion_id, reason)
    console.print(outcome.message, markup=False)


@cli.command()
@click.argument("query")
@db_option
def search(query: str, db: Path) -> None:
    """Full-text search over documents and names."""
    with _case(db) as case:
        found, documents = case.search(query)
    for e in found:
        console.print(f"entity: {e.name} ({e.type}, {e.id})", markup=False)
    for doc, snippet in documents:
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
    with _case(db) as case:
        report = ev.evaluate(case.network(), gold, corpus, module)
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


def main() -> None:
    cli()


@cli.command()
@click.argument("refs", nargs=-1, required=True)
@db_option
def remove(refs: tuple[str, ...], db: Path) -> None:
    """Drop documents (by id or path as built) and every name, tie and event only they supported."""
    with _case(db, writable=True) as case:
        removed, counts = case.remove(list(refs))
    for path in removed:
        console.print(f"removed: {path}", markup=False)
    console.print(f"network: {counts['entities']} entities, {counts['relations']} ties", markup=False)


@cli.command()
@click.argument("source")
@click.argument("destination")
def copy(source: str, destination: str) -> None:
    """Copy a case between backends: SOURCE and DESTINATION are SQLite files or PostgreSQL URLs."""
    from linkchart.store.transfer import copy_case

    with _case(source) as src, Case.open(destination, writable=True) as dst:
        counts = copy_case(src.store, dst.store)
        resolved = dst.resolve()
    console.print(f"copied {counts['documents']} documents and {counts['decisions']} decisions;"
                  f" network: {resolved['entities']} entities, {resolved['relations']} ties", markup=False)


# ===================================================================================
# Interchange (issue 17): import, bundle, open, formats, info. Appended section; each command
# calls the Case, the formats are registered in linkchart/export/registry.py.
# ==========================================================================================
def _import_formats() -> list[str]:
    from linkchart.export import IMPORTERS

    return list(IMPORTERS)


@cli.command("import")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@click.option("--format", "fmt", type=click.Choice(_import_formats()), help="The file's format (default: from its suffix).")
def import_network(path: Path, db: Path, fmt: str | None) -> None:
    """Load a network made elsewhere (GraphML, GEXF, CSV edge list) into a case, to analyse it without extraction."""
    if not path.is_file():
        raise LinkchartError(f"{path}: no such file")
    with _case(db, writable=True) as case:
        outcome = case.import_file(path, fmt)
    for note in outcome.notes:
        err_console.print(f"note: {note}", markup=False)
    console.print(f"imported {outcome.file} ({outcome.format}): {outcome.entities} entities, {outcome.ties} ties into {db}"
                  f" ({outcome.changes['added']} added, {outcome.changes['changed']} changed, {outcome.changes['removed']}"
                  f" removed); analyse it with 'linkchart analyse key-actors --db {db}'", markup=False)


@cli.command()
@db_option
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="The bundle file to write (for example case.lcbundle).")
def bundle(db: Path, output: Path) -> None:
    """Write the whole case (documents, extraction, evidence, decisions, settings, network) into one file."""
    with _case(db) as case:
        outcome = case.bundle(output)
    counts = outcome.counts
    console.print(f"wrote {outcome.path}: {counts['documents']} documents, {counts['entities']} entities, {counts['ties']} ties,"
                  f" {counts['decisions']} decisions; fingerprint {outcome.fingerprint[:16]} (compare it with the receiver's)",
                  markup=False)


@cli.command("open")
@click.argument("bundle_path", metavar="BUNDLE", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--db", type=click.Path(dir_okay=False, path_type=Path), required=True, help="The new case database to create.")
def open_bundle(bundle_path: Path, db: Path) -> None:
    """Check a case bundle (manifest, SHA-256 of every part) and restore it into a new case, offline."""
    outcome = Case.open_bundle(bundle_path, db)
    for warning in outcome.warnings:
        err_console.print(f"[yellow]warning:[/yellow] {escape(warning)}", markup=True)
    counts = outcome.counts
    console.print(f"opened {bundle_path} into {outcome.path}: {counts.get('documents', 0)} documents, {counts.get('entities', 0)}"
                  f" entities, {counts.get('ties', 0)} ties; fingerprint {outcome.fingerprint[:16]}", markup=False)


@cli.command("formats")
@click.option("--markdown", is_flag=True, help="Print the export list as the README shows it.")
def list_formats(markdown: bool) -> None:
    """The registered export and import formats, and who opens each."""
    from linkchart.export import EXPORTERS, IMPORTERS, formats_markdown

    if markdown:
        click.echo(formats_markdown())
        return
    _rows(["direction", "format", "suffix", "who opens it"],
          [["export", e.name, e.suffix, e.opens_in] for e in EXPORTERS.values()]
          + [["import", i.name, " ".join(i.suffixes), i.made_by] for i in IMPORTERS.values()])


@cli.command()
@db_option
def info(db: Path) -> None:
    """What a case holds and where it came from (built here, imported, or opened from a bundle)."""
    with _case(db) as case:
        origin = case.origin() or {"kind": "built"}
        page = case.documents(limit=1)
        network = case.network()
        bundle_meta = case.store.get_meta("bundle")
    kind = origin.get("kind", "built")
    line = {"imported": f"imported from {origin.get('file')} ({origin.get('format')}) at {origin.get('imported_at')}",
            "built": "built from documents"}.get(kind, kind)
    console.print(f"{db}: {line}", markup=False)
    if bundle_meta:
        opened = json.loads(bundle_meta)
        console.print(f"opened from a bundle made by linkchart {opened.get('made_by')} on {opened.get('created_at')},"
                      f" fingerprint {str(opened.get('fingerprint', ''))[:16]}", markup=False)
    for note in origin.get("notes", []):
        console.print(f"note: {note}", markup=False)
    console.print(f"{page.total} documents, {len(network.entities)} entities, {len(network.relations)} ties,"
                  f" {len(network.events)} events", markup=False)


# The browser workbench (issue 15). Append-only section --------------------------------------
@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (loopback unless --token).")
@click.option("--port", type=click.IntRange(1, 65535), default=8765, show_default=True)
@click.option("--token", help="Access token; required to listen on anything but loopback (open the page with ?token=...).")
@click.option("--read-only", is_flag=True, help="Browse only: no decisions, uploads or saved charts.")
def serve(db: str, host: str, port: int, token: str | None, read_only: bool) -> None:
    """Open the case in the browser workbench: link chart, entity pages, documents, reports."""
    import uvicorn

    from linkchart.web.app import create_app
    from linkchart.web.security import is_loopback

    loopback = is_loopback(host)
    if not loopback and not token:
        raise LinkchartError(f"listening on {host} lets other machines in: give --token")
    if token is not None and len(token) < 12:
        raise LinkchartError("the token must be at least 12 characters")
    hosts = ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None
    with _case(db):  # a missing or foreign database is one line here, before the server starts
        pass
    app = create_app(db, access_token=token, writable=not read_only, allowed_hosts=hosts, warm=True)
    shown = "localhost" if loopback else host
    console.print(f"linkchart workbench on http://{shown}:{port}/" + (f"?token={token}" if token else ""), markup=False)
    uvicorn.run(app, host=host, port=port, log_level="warning")
