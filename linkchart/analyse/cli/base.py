"""What every `linkchart analyse` subcommand shares: loading, options, errors, JSON and tables.

Every subcommand loads the stored network, builds the actor graph with the shared options
(`--db`, `--exclude-hedged`, `--as-of`) and prints rich tables with the evidence sentences behind
each tie, or the full result as JSON with `--json`, so that a table can always be checked against
the sentences and a script gets everything the table summarises.
"""

from __future__ import annotations

import contextvars
import dataclasses
import functools
import json
import math
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import click
from rich.console import Console
from rich.table import Table

from linkchart.dates import strict_date
from linkchart.errors import LinkchartError
from linkchart.model import Document, Evidence, Network
from linkchart.provenance import document_label, source_of

from ..graph import build_graph
from ..records import NameLookupError, Tie

EVIDENCE_SHOWN = 2  # sentences printed per tie in tables; --json has them all
#: The documents of the network being shown, so evidence can cite file names and original places.
DOCUMENTS: contextvars.ContextVar[dict[str, Document]] = contextvars.ContextVar("documents", default={})  # noqa: B039


def load_network(db_path: str) -> Network:
    """The stored network, read through the Case service (read-only; imported lazily: the
    analysis functions do not need it)."""
    from linkchart.case import Case

    with Case.open(db_path) as case:
        return case.network(with_sources=True)  # tables cite evidence by file and line


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn look-up and option errors into one-line click errors instead of tracebacks."""
    try:
        yield
    except (NameLookupError, ValueError) as error:
        raise click.UsageError(str(error)) from error
    except (FileNotFoundError, ImportError, LinkchartError) as error:
        raise click.ClickException(f"cannot load the network: {error}") from error


#: Decimal places of the figures --json prints: enough for any analysis, and the same on every run.
JSON_DIGITS = 6


def plain(value: Any) -> Any:
    """JSON-ready copy: dataclasses to dicts, NaN/inf to null, figures rounded to JSON_DIGITS places."""
    if isinstance(value, Evidence):  # where it is in the cleaned text and in the original file
        return plain(dataclasses.asdict(source_of(value, DOCUMENTS.get())) | {"hedged": value.hedged})
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return plain({f.name: getattr(value, f.name) for f in dataclasses.fields(value)})
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [plain(v) for v in value]
    if isinstance(value, float):
        return round(value, JSON_DIGITS) if math.isfinite(value) else None
    return value


def emit(result: Any, as_json: bool, render: Callable[[Console], None]) -> None:
    if as_json:
        click.echo(json.dumps(plain(result), indent=2, ensure_ascii=False))
    else:
        # No markup: names, titles and evidence are text from the reports and may contain [brackets].
        # Piped output is not cut to 80 columns: tables are laid out for a wide page instead.
        console = UncroppedConsole(highlight=False, markup=False, soft_wrap=False)
        if not console.is_terminal and "COLUMNS" not in os.environ:
            console = UncroppedConsole(highlight=False, markup=False, soft_wrap=False, width=PIPED_WIDTH)
        render(console)


@click.group("analyse")
def analyse() -> None:
    """Analyse the stored network: key actors, cells, disruption, paths, time, recruitment."""


def analysis_command(name: str, **settings: Any) -> Callable[[Callable[..., None]], click.Command]:
    """A subcommand with the shared --db / --exclude-hedged / --as-of / --json options.

    The wrapped function receives the built graph first and an `as_json` keyword. With --as-of,
    an undated tie counts from the date of its first report: it existed by then.
    """

    def wrap(function: Callable[..., None]) -> click.Command:
        @functools.wraps(function)
        def run(db: str, exclude_hedged: bool, as_of: str | None, as_json: bool, **kwargs: Any) -> None:
            with user_errors():
                network = load_network(db)
                graph = build_graph(network, include_hedged=not exclude_hedged, as_of=as_of, document_dates=True)
                token = DOCUMENTS.set({d.id: d for d in network.documents})
                try:
                    function(graph, as_json=as_json, **kwargs)
                finally:
                    DOCUMENTS.reset(token)

        options = [
            click.option("--db", default="linkchart.db", show_default=True, type=click.Path(dir_okay=False), help="Store to read."),
            click.option("--exclude-hedged", is_flag=True, help="Ignore statements that only suggest a tie."),
            click.option("--as-of", default=None, metavar="DATE", callback=as_of_date,
                         help="Only ties dated (or reported) by this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON."),
        ]
        return analyse.command(name, **settings)(functools.reduce(lambda f, option: option(f), reversed(options), run))

    return wrap


def as_of_date(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """--as-of must be a real calendar date, not one cut back to its year without a word."""
    if value is None:
        return None
    try:
        return strict_date(value)
    except ValueError as error:
        raise click.BadParameter(str(error)) from None


def count(minimum: int = 1) -> click.IntRange:
    """A whole number of at least `minimum` (click names the option and the bound in its error)."""
    return click.IntRange(min=minimum)


SEED = click.option("--seed", default=0, show_default=True, help="Random seed, for reproducible results.")
WEIGHTED = click.option("--weighted", is_flag=True, help="Use tie strength (distinct tie types + independent documents).")


# --------------------------------------------------------------------------- rendering


def evidence_text(evidence: Sequence[Evidence], limit: int = EVIDENCE_SHOWN) -> str:
    """Up to `limit` distinct sentences, quoted, with their document; the rest counted."""
    unique: dict[tuple[str, str], Evidence] = {}
    for e in evidence:
        unique.setdefault((e.text.strip(), e.document_id), e)
    distinct = list(unique.values())
    lines = [f"“{e.text.strip()}” [{cite(e)}]{' (hedged)' if e.hedged else ''}" for e in distinct[:limit]]
    if len(distinct) > limit:
        lines.append(f"… and {len(distinct) - limit} more")
    return "\n".join(lines) or "(no evidence sentence)"


def cite(e: Evidence) -> str:
    """Where a sentence is, as a reader finds it: the file name and line in the original file."""
    found = source_of(e, DOCUMENTS.get())
    return found.file + (f", line {found.line}" if found.line is not None else "")


def document_name(document_id: str) -> str:
    return document_label(DOCUMENTS.get().get(document_id), document_id)


def tie_label(t: Tie) -> str:
    return f"{t.source.name} — {t.target.name} ({', '.join(t.types)}{'; hedged' if t.hedged else ''})"


def tie_lines(t: Tie, limit: int = EVIDENCE_SHOWN) -> str:
    """A tie and its evidence, for a line of text outside a table."""
    return f"{tie_label(t)}\n  {evidence_text(t.evidence, limit)}"


class UncroppedConsole(Console):
    """A console that never crops a line: a table whose names do not fit runs past the edge (the
    terminal wraps it) rather than losing the end of a name or a column."""

    def print(self, *objects: Any, **options: Any) -> None:
        options.setdefault("crop", False)
        super().print(*objects, **options)


class FittedTable(Table):
    """A table whose columns are never narrower than their longest word, so no name is cut."""

    def __rich_console__(self, console: Console, options: Any) -> Any:
        for number, column in enumerate(self.columns):
            cells = [str(c) for c in column.cells] + [str(column.header)]
            longest = max((len(word) for cell in cells for word in cell.split()), default=1)
            column.min_width = max(column.min_width or 0, min(longest, MAX_WORD))
            column.overflow = "fold"
            del number
        yield from super().__rich_console__(console, options)


#: Width tables are laid out for when output is piped; a word longer than MAX_WORD folds.
PIPED_WIDTH = 200
MAX_WORD = 40


def table(title: str, *columns: str) -> Table:
    made = FittedTable(title=title, show_lines=True, title_justify="left")
    for column in columns:
        made.add_column(column, min_width=40 if column == "evidence" else None, overflow="fold")
    return made


def number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def names(people: Sequence[Any]) -> str:
    return ", ".join(p.name for p in people) or "–"
