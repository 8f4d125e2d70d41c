"""`linkchart analyse ...`: the analysis questions on the command line.

Every subcommand loads the stored network, builds the actor graph with the shared options
(`--db`, `--exclude-hedged`, `--as-of`) and prints rich tables with the evidence sentences behind
each tie, or the full result as JSON with `--json`. A person is named by entity id, name or any
alias (case-insensitive); an unknown or ambiguous name is a one-line usage error.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path as FilePath
from typing import Any

import click
import igraph as ig
from rich.console import Console
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from linkchart.errors import LinkchartError
from linkchart.model import Evidence, Network

from . import disruption
from .cells import Cell, cells, coresidence_cliques, k_cores
from .centrality import MEASURES, key_actors
from .contagion import Recruit, compare_rewired, exposure, recruitment_trees
from .disruption import Cohesion, DisruptionReport, KeyPlayers
from .graph import NameLookupError, Tie, build_graph, resolve_person
from .paths import Path, common_associates, ego_network, k_shortest_paths
from .timeline import growth, timeline

EVIDENCE_SHOWN = 2  # sentences printed per tie in tables; --json has them all


def load_network(db_path: str) -> Network:
    """The stored network (the store is imported lazily: analysis does not need it otherwise)."""
    from linkchart.store import open_store

    if not FilePath(db_path).exists():  # opening would silently create an empty database
        raise FileNotFoundError(f"{db_path}: no such database (run 'linkchart build DIR --db {db_path}' first)")
    store = open_store(db_path)
    try:
        network: Network = store.load_network()
    finally:
        store.close()
    return network


# --------------------------------------------------------------------------- plumbing


@contextmanager
def _user_errors() -> Iterator[None]:
    """Turn look-up and option errors into one-line click errors instead of tracebacks."""
    try:
        yield
    except (NameLookupError, ValueError) as error:
        raise click.UsageError(str(error)) from error
    except (FileNotFoundError, ImportError, LinkchartError) as error:
        raise click.ClickException(f"cannot load the network: {error}") from error


def _graph(db: str, exclude_hedged: bool, as_of: str | None) -> ig.Graph:
    """The actor graph; with --as-of, an undated tie counts from the date of its first report."""
    with _user_errors():
        return build_graph(load_network(db), include_hedged=not exclude_hedged, as_of=as_of, document_dates=True)


def _plain(value: Any) -> Any:
    """JSON-ready copy: dataclasses to dicts, NaN/inf to null."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return _plain(dataclasses.asdict(value))
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _emit(result: Any, as_json: bool, render: Callable[[Console], None]) -> None:
    if as_json:
        click.echo(json.dumps(_plain(result), indent=2, ensure_ascii=False))
    else:
        # No markup: names, titles and evidence are text from the reports and may contain [brackets].
        render(Console(highlight=False, markup=False, soft_wrap=False))


def analysis_command(name: str, **settings: Any) -> Callable[[Callable[..., None]], click.Command]:
    """A subcommand with the shared --db / --exclude-hedged / --as-of / --json options.

    The wrapped function receives the built graph first and a `as_json` keyword.
    """

    def wrap(function: Callable[..., None]) -> click.Command:
        @functools.wraps(function)
        def run(db: str, exclude_hedged: bool, as_of: str | None, as_json: bool, **kwargs: Any) -> None:
            graph = _graph(db, exclude_hedged, as_of)
            with _user_errors():
                function(graph, as_json=as_json, **kwargs)

        run = click.option("--json", "as_json", is_flag=True, help="Print the full result as JSON.")(run)
        run = click.option("--as-of", default=None, metavar="DATE", help="Only ties dated (or reported) by this ISO date.")(run)
        run = click.option("--exclude-hedged", is_flag=True, help="Ignore statements that only suggest a tie.")(run)
        run = click.option(
            "--db",
            default="linkchart.db",
            show_default=True,
            type=click.Path(dir_okay=False),
            help="Store to read.",
        )(run)
        return analyse.command(name, **settings)(run)

    return wrap


class ThresholdType(click.ParamType):
    """'2' is two ties; '0.5' or '50%' is half of a person's ties."""

    name = "threshold"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> int | float:
        if isinstance(value, int | float):
            return value
        text = str(value).strip()
        try:
            if text.endswith("%"):
                return float(text[:-1]) / 100
            return float(text) if "." in text else int(text)
        except ValueError:
            self.fail(f"{value!r} is neither a number of ties nor a share (0.5, 50%)", param, ctx)


# --------------------------------------------------------------------------- rendering helpers


def _evidence(evidence: Sequence[Evidence], limit: int = EVIDENCE_SHOWN) -> str:
    """Up to `limit` distinct sentences, quoted, with their document; the rest counted."""
    unique: dict[tuple[str, str], Evidence] = {}
    for e in evidence:
        unique.setdefault((e.text.strip(), e.document_id), e)
    distinct = list(unique.values())
    lines = [f"“{e.text.strip()}” [{e.document_id}]{' (hedged)' if e.hedged else ''}" for e in distinct[:limit]]
    if len(distinct) > limit:
        lines.append(f"… and {len(distinct) - limit} more")
    return "\n".join(lines) or "(no evidence sentence)"


def _tie_label(t: Tie) -> str:
    return f"{t.source.name} — {t.target.name} ({', '.join(t.types)}{'; hedged' if t.hedged else ''})"


def _table(title: str, *columns: str) -> Table:
    table = Table(title=title, show_lines=True, title_justify="left")
    for column in columns:
        table.add_column(column, min_width=40 if column == "evidence" else None)
    return table


def _number(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _names(people: Sequence[Any]) -> str:
    return ", ".join(p.name for p in people) or "–"


# --------------------------------------------------------------------------- commands


@click.group("analyse")
def analyse() -> None:
    """Analyse the stored network: key actors, cells, disruption, paths, time, recruitment."""


@analysis_command("key-actors")
@click.option("--top", default=10, show_default=True, help="How many people to list.")
@click.option("--by", type=click.Choice(["overall", *MEASURES, "constraint"]), default="overall", show_default=True)
@click.option("--seed", default=0, show_default=True, help="Seed for sampling and cell detection.")
def key_actors_command(graph: ig.Graph, *, as_json: bool, top: int, by: str, seed: int) -> None:
    """Rank people by degree, betweenness, closeness and eigenvector centrality, with their brokering ties."""
    report = key_actors(graph, top=top, by=by, seed=seed)

    def render(console: Console) -> None:
        note = f"; betweenness/closeness sampled from {report.pivots} pivots" if report.sampled else ""
        columns = ("#", "person", "degree", *MEASURES[1:], "constraint", "cell", "cut point")
        title = f"Key actors among {report.people} people, {report.ties} ties, by {by} (rank in brackets{note})"
        table = _table(title, *columns)
        for a in report.actors:
            measures = [f"{_number(getattr(a, m))} ({a.ranks[m]})" for m in MEASURES[1:]] + [_number(a.constraint)]
            cut = f"yes, cuts off {a.cuts_off}" if a.articulation_point else ""
            table.add_row(str(a.rank), a.person.name, str(a.degree), *measures, str(a.cell), cut)
        console.print(table)
        ties = _table("Ties that make them central", "person", "tie", "why", "evidence")
        for a in report.actors:
            for held in a.ties:
                why = ["bridge"] if held.bridge else []
                why += [f"into cell {held.other_cell}"] if held.other_cell is not None else []
                ties.add_row(
                    a.person.name,
                    _tie_label(held.tie),
                    ", ".join(why) or "strongest tie",
                    _evidence(held.tie.evidence),
                )
        console.print(ties)

    _emit(report, as_json, render)


def _render_cells(console: Console, title: str, found: Sequence[Cell]) -> None:
    table = _table(title, "cell", "members", "ties", "density", "organisations", "sources")
    for cell in found:
        orgs = "\n".join(f"{o.org.name} ({', '.join(o.types)}): {', '.join(o.members)}" for o in cell.organisations)
        docs = "\n".join(f"{d.title} ({d.date or 'undated'}): {d.ties} ties" for d in cell.documents[:5])
        table.add_row(
            cell.label,
            _names(cell.members),
            str(cell.ties),
            _number(cell.density, 2),
            orgs or "–",
            docs or "–",
        )
    console.print(table if found else f"{title}: none")


@analysis_command("cells")
@click.option("--resolution", default=1.0, show_default=True, help="Leiden resolution; higher gives smaller cells.")
@click.option("--seed", default=0, show_default=True)
@click.option("--k", "k", type=int, default=None, help="k for the k-core (default: the innermost core).")
@click.option("--min-clique", default=3, show_default=True, help="Smallest co-resident clique to list.")
def cells_command(graph: ig.Graph, *, as_json: bool, resolution: float, seed: int, k: int | None, min_clique: int) -> None:
    """Leiden cells, k-cores and co-resident cliques, with their organisations and sources."""
    found = cells(graph, resolution=resolution, seed=seed)
    cores = k_cores(graph, k)
    cliques = coresidence_cliques(graph, min_size=min_clique)

    def render(console: Console) -> None:
        _render_cells(console, f"Leiden cells (resolution {resolution}, seed {seed})", found)
        _render_cells(console, "k-cores", cores)
        _render_cells(console, "Co-resident cliques", cliques)
        for clique in cliques:
            for t in clique.key_ties:
                console.print(f"{clique.label}: {_tie_label(t)}\n  {_evidence(t.evidence)}")

    _emit({"communities": found, "k_cores": cores, "cliques": cliques}, as_json, render)


def _cohesion_rows(table: Table, before: Cohesion, after: Cohesion) -> None:
    for label, field in (
        ("people", "people"),
        ("ties", "ties"),
        ("components", "components"),
        ("largest component", "largest_component"),
        ("fragmentation F", "fragmentation"),
        ("distance-weighted fragmentation", "distance_fragmentation"),
        ("distance-weighted reach", "reach"),
    ):
        a, b = getattr(before, field), getattr(after, field)
        table.add_row(label, *(str(x) if isinstance(x, int) else _number(x) for x in (a, b)))


def _render_disruption(console: Console, report: DisruptionReport, title: str) -> None:
    table = _table(
        title + (" (estimated from sampled sources)" if report.before.sampled else ""),
        "measure",
        "before",
        "after",
    )
    _cohesion_rows(table, report.before, report.after)
    console.print(table)
    for t in report.removed_ties:
        console.print(f"cut {_tie_label(t)}\n  {_evidence(t.evidence)}")
    console.print(f"cut off from the main component: {_names(report.cut_off)}")


@analysis_command("disrupt")
@click.option("--remove", multiple=True, metavar="NAME", help="Person to remove (repeatable).")
@click.option("--cut", nargs=2, multiple=True, metavar="A B", help="Tie to remove between two people (repeatable).")
@click.option("--kpp-neg", type=int, default=None, metavar="K", help="Find the K people whose removal fragments most.")
@click.option("--kpp-pos", type=int, default=None, metavar="K", help="Find the K people who reach most of the network.")
@click.option(
    "--measure",
    type=click.Choice(disruption.KPP_NEG_MEASURES),
    default="distance",
    show_default=True,
    help="What --kpp-neg maximises: distance-weighted fragmentation or component fragmentation.",
)
@click.option("--seed", default=0, show_default=True)
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
    modes = sum(bool(m) for m in (remove or cut, kpp_neg is not None, kpp_pos is not None))
    if modes != 1:
        raise click.UsageError("give --remove/--cut, or --kpp-neg K, or --kpp-pos K")
    result: DisruptionReport | KeyPlayers
    if kpp_neg is not None:
        result = disruption.kpp_neg(graph, kpp_neg, measure=measure, seed=seed)
    elif kpp_pos is not None:
        result = disruption.kpp_pos(graph, kpp_pos, seed=seed)
    else:
        result = disruption.disrupt(graph, remove=list(remove), cut=list(cut), seed=seed)

    def render(console: Console) -> None:
        if isinstance(result, DisruptionReport):
            _render_disruption(console, result, f"Removing {_names(result.removed_people) if remove else 'ties'}")
            return
        method = f"{result.method}, {result.candidates} candidates"
        console.print(Text(f"{result.kind} ({method}): {_names(result.people)}", style="bold"))
        for note in result.notes:
            console.print(f"  {note}")
        if result.disruption is not None:
            _render_disruption(console, result.disruption, f"Removing {_names(result.people)}")
        else:
            console.print(
                f"distance-weighted reach {result.score:.3f}; {result.reached_in_one} people one step away, "
                f"{result.reached_in_two} two steps away"
            )

    _emit(result, as_json, render)


def _render_path(console: Console, title: str, path: Path) -> None:
    table = _table(title, "hop", "from", "to", "tie", "evidence")
    for i, hop in enumerate(path.hops, start=1):
        label = ", ".join(hop.types) + (" (hedged)" if hop.hedged else "")
        table.add_row(str(i), hop.source.name, hop.target.name, label, _evidence(hop.evidence))
    console.print(table)


@analysis_command("path")
@click.argument("a")
@click.argument("b")
@click.option("--k", "k", default=1, show_default=True, help="How many shortest simple paths.")
@click.option("--weighted", is_flag=True, help="Prefer strong, multiply sourced ties.")
def path_command(graph: ig.Graph, *, as_json: bool, a: str, b: str, k: int, weighted: bool) -> None:
    """How A and B are connected: each hop with its tie types and evidence."""
    paths = k_shortest_paths(graph, a, b, k=k, weighted=weighted)

    def render(console: Console) -> None:
        if not paths:
            console.print(f"{a} and {b} are not connected")
        for i, p in enumerate(paths, start=1):
            _render_path(console, f"Path {i}: {p.length} hops ({' → '.join(n.name for n in p.people)})", p)

    _emit(paths, as_json, render)


@analysis_command("ego")
@click.argument("name")
@click.option("--hops", default=1, show_default=True, help="How many steps out.")
def ego_command(graph: ig.Graph, *, as_json: bool, name: str, hops: int) -> None:
    """Everyone within N steps of a person, with the tie that brings each closer."""
    ego = ego_network(graph, name, hops)

    def render(console: Console) -> None:
        table = _table(
            f"{ego.centre.name}: {len(ego.members) - 1} people within {hops} hop{'s' if hops != 1 else ''}, {ego.ties} ties",
            "hops",
            "person",
            "via",
            "evidence",
        )
        for m in ego.members[1:]:
            via = m.via
            table.add_row(
                str(m.hops),
                m.person.name,
                _tie_label(via) if via else "",
                _evidence(via.evidence) if via else "",
            )
        console.print(table)

    _emit(ego, as_json, render)


@analysis_command("common")
@click.argument("a")
@click.argument("b")
def common_command(graph: ig.Graph, *, as_json: bool, a: str, b: str) -> None:
    """People tied to both A and B, with both ties' evidence."""
    result = common_associates(graph, a, b)

    def render(console: Console) -> None:
        if result.direct is not None:
            console.print(f"direct tie: {_tie_label(result.direct)}\n  {_evidence(result.direct.evidence)}")
        table = _table(
            f"Common associates of {result.a.name} and {result.b.name}",
            "person",
            f"tie to {result.a.name}",
            f"tie to {result.b.name}",
        )
        for c in result.associates:
            table.add_row(
                c.person.name,
                f"{', '.join(c.tie_to_a.types)}\n{_evidence(c.tie_to_a.evidence)}",
                f"{', '.join(c.tie_to_b.types)}\n{_evidence(c.tie_to_b.evidence)}",
            )
        console.print(table if result.associates else "no common associates")

    _emit(result, as_json, render)


@analysis_command("timeline")
@click.argument("name", required=False)
@click.option("--undated/--no-undated", default=True, show_default=True, help="List undated events at the end.")
def timeline_command(graph: ig.Graph, *, as_json: bool, name: str | None, undated: bool) -> None:
    """Dated ties, memberships (and, for one person, reports naming them), oldest first."""
    events = timeline(graph, name, include_undated=undated)

    def render(console: Console) -> None:
        title = f"Timeline of {graph.vs[resolve_person(graph, name)]['name']}" if name else "Timeline of the network"
        table = _table(title, "date", "event", "evidence")
        for e in events:
            when = f"{e.date} ({e.basis})" if e.date else "undated"
            what = f"{e.subject.name} {e.type}" + (f" {e.other.name}" if e.other else f" in {', '.join(e.documents)}")
            table.add_row(when, what + (" (hedged)" if e.hedged else ""), _evidence(e.evidence) if e.evidence else "")
        console.print(table)

    _emit(events, as_json, render)


@analysis_command("growth")
def growth_command(graph: ig.Graph, *, as_json: bool) -> None:
    """Per year: people, ties, components and the largest component of the network so far."""
    result = growth(graph)

    def render(console: Console) -> None:
        table = _table("Growth of the network", "year", "people", "ties", "new ties", "components", "largest")
        for p in result.points:
            table.add_row(
                str(p.year),
                str(p.people),
                str(p.ties),
                str(p.new_ties),
                str(p.components),
                str(p.largest_component),
            )
        console.print(table)
        console.print(f"{result.undated_ties} ties have no date and are not counted")

    _emit(result, as_json, render)


def _tree(branch: Tree, recruit: Recruit) -> None:
    for r in recruit.recruits:
        via = r.recruited_by
        label = Text(r.person.name, style="bold")
        if via is not None:
            label.append(f"  {_evidence(via.evidence, 1)}")
        child = branch.add(label)
        _tree(child, r)


@analysis_command("recruitment")
@click.option(
    "--radicalised",
    multiple=True,
    metavar="NAME",
    help="Already radicalised people (default: members and recruits).",
)
@click.option("--top", default=20, show_default=True, help="How many exposed people to list.")
def recruitment_command(graph: ig.Graph, *, as_json: bool, radicalised: tuple[str, ...], top: int) -> None:
    """Recruiter → recruit trees and who has close ties to radicalised people."""
    trees = recruitment_trees(graph)
    exposed = exposure(graph, list(radicalised) or None)[:top]

    def render(console: Console) -> None:
        for root in trees:
            tree = Tree(Text(f"{root.person.name} (recruited {root.size() - 1})", style="bold"))
            _tree(tree, root)
            console.print(tree)
        if not trees:
            console.print("no recruitment ties")
        table = _table("Close ties to radicalised people", "person", "close ties", "to", "evidence")
        for x in exposed:
            table.add_row(
                x.person.name,
                str(x.close_ties),
                _names([t.target for t in x.ties]),
                _evidence([e for t in x.ties for e in t.evidence]),
            )
        console.print(table)

    _emit({"trees": trees, "exposure": exposed}, as_json, render)


@analysis_command("contagion")
@click.option(
    "--seed",
    "seeds",
    multiple=True,
    required=True,
    metavar="NAME",
    help="Person radicalised at the start (repeatable).",
)
@click.option(
    "--threshold",
    type=ThresholdType(),
    default="2",
    show_default=True,
    help="Ties (2) or share of ties (0.5, 50%) needed.",
)
@click.option("--trials", default=20, show_default=True, help="Degree-preserving rewirings to compare with.")
@click.option("--random-seed", default=0, show_default=True, help="Seed for the rewirings.")
@click.option("--all-ties", is_flag=True, help="Let every tie carry contagion, not only close ones.")
def contagion_command(
    graph: ig.Graph,
    *,
    as_json: bool,
    seeds: tuple[str, ...],
    threshold: int | float,
    trials: int,
    random_seed: int,
    all_ties: bool,
) -> None:
    """Centola–Macy threshold contagion from seed people, compared with rewired networks."""
    result = compare_rewired(graph, list(seeds), threshold=threshold, trials=trials, seed=random_seed, close_ties_only=not all_ties)

    def render(console: Console) -> None:
        run = result.observed
        table = _table(
            f"Contagion at threshold {run.threshold}: {run.reached}/{run.population} reached",
            "round",
            "people",
        )
        for i, people in enumerate(run.rounds):
            table.add_row("seeds" if i == 0 else str(i), _names(people))
        console.print(table)
        console.print(
            f"clustering {result.clustering:.3f}; {result.rewired_clustering:.3f} on average "
            f"over {result.trials} degree-preserving rewirings"
        )
        console.print(result.verdict)

    _emit(result, as_json, render)
