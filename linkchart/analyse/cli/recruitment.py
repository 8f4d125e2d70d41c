"""Who recruits and why radicalisation spreads along close ties: `recruitment` and `contagion`."""

from __future__ import annotations

from collections import Counter

import click
import igraph as ig
from rich.console import Console
from rich.text import Text
from rich.tree import Tree

from linkchart.model import RECRUITED_BY

from ..contagion import compare_rewired
from ..recruitment import Recruit, exposure, recruiters, recruitment_trees
from .base import analysis_command, count, emit, evidence_text, names, table


class ThresholdType(click.ParamType):
    """'2' is two ties; '0.5' or '50%' is half of a person's ties."""

    name = "threshold"

    def convert(self, value: object, param: click.Parameter | None, ctx: click.Context | None) -> int | float:
        if isinstance(value, int | float):
            return value
        text = str(value).strip()
        try:
            found: int | float = float(text[:-1]) / 100 if text.endswith("%") else float(text) if "." in text else int(text)
        except ValueError:
            self.fail(f"{value!r} is neither a number of ties nor a share (0.5, 50%)", param, ctx)
        if isinstance(found, int) and found < 1 or isinstance(found, float) and not 0 < found <= 1:
            self.fail(f"{value!r}: give at least 1 tie, or a share above 0 and at most 1 (0.5, 50%)", param, ctx)
        return found


def _branches(branch: Tree, recruit: Recruit) -> None:
    for r in recruit.recruits:
        label = Text(r.person.name, style="bold")
        if r.recruited_by is not None:
            label.append(f"  {evidence_text(r.recruited_by.evidence, 1)}")
        _branches(branch.add(label), r)


@analysis_command("recruitment")
@click.option("--radicalised", multiple=True, metavar="NAME", help="Already radicalised people (default: members and recruits).")
@click.option("--top", type=count(1), default=20, show_default=True, help="How many people to list by close ties.")
def recruitment_command(graph: ig.Graph, *, as_json: bool, radicalised: tuple[str, ...], top: int) -> None:
    """Recruiter → recruit trees, and each person's close ties (family, friends, flatmates) to radicalised people."""
    trees = recruitment_trees(graph)
    stated = recruiters(graph)
    exposed = exposure(graph, list(radicalised) or None)[:top]

    def render(console: Console) -> None:
        if stated:
            listed = table("Stated to be recruiters", "person", "recruits in the network", "evidence")
            sizes = Counter(r.target for e in graph.es for r in e["relations"] if r.type == RECRUITED_BY)
            for r in stated:
                flag = " (hedged)" if r.hedged else ""
                listed.add_row(r.person.name + flag, str(sizes.get(r.person.id, 0)), evidence_text(r.evidence))
            console.print(listed)
        for root in trees:
            tree = Tree(Text(f"{root.person.name} (recruited {root.size() - 1})", style="bold"))
            _branches(tree, root)
            console.print(tree)
        if not trees:
            console.print("no recruitment ties")
        rows = table(
            "Close ties to radicalised people", "person", "radicalised since", "close ties", "by type", "earlier", "to", "evidence"
        )
        for x in exposed:
            since = (x.since or "yes, undated") if x.radicalised else "no"
            by_type = ", ".join(f"{kind} {count}" for kind, count in x.by_type.items())
            earlier = "–" if x.earlier is None else str(x.earlier)
            evidence = evidence_text([e for t in x.ties for e in t.evidence])
            rows.add_row(x.person.name, since, str(x.close_ties), by_type, earlier, names([t.target for t in x.ties]), evidence)
        console.print(rows)

    emit({"recruiters": stated, "trees": trees, "exposure": exposed}, as_json, render)


@analysis_command("contagion")
@click.option("--seed", "seeds", multiple=True, metavar="NAME", help="Person radicalised at the start (repeatable).")
@click.option("--draw", type=count(1), default=None, metavar="N", help="Instead of --seed: draw N seed people at random.")
@click.option("--threshold", type=ThresholdType(), default="2", show_default=True, help="Ties (2) or share of ties (0.5, 50%) needed.")
@click.option("--trials", type=count(1), default=20, show_default=True,
              help="Degree-preserving rewirings to compare with.")
@click.option("--random-seed", default=0, show_default=True, help="Seed for drawing seed people and for the rewirings.")
@click.option("--all-ties", is_flag=True, help="Let every tie carry contagion, not only close ones.")
def contagion_command(
    graph: ig.Graph,
    *,
    as_json: bool,
    seeds: tuple[str, ...],
    draw: int | None,
    threshold: int | float,
    trials: int,
    random_seed: int,
    all_ties: bool,
) -> None:
    """Centola–Macy threshold contagion from seed people: who is reached, in what order, through which
    ties, and whether the network's clustering speeds it compared with random rewiring."""
    if bool(seeds) == (draw is not None):
        raise click.UsageError("give the seed people with --seed NAME (repeatable), or --draw N")
    start = draw if draw is not None else list(seeds)
    starting = draw if draw is not None else len(set(seeds))
    if isinstance(threshold, int) and threshold > starting:
        raise click.UsageError(
            f"--threshold {threshold} needs at least {threshold} seed people (got {starting}): nobody could ever adopt;"
            f" give more seeds or --threshold {starting}"
        )
    result = compare_rewired(graph, start, threshold=threshold, trials=trials, seed=random_seed, close_ties_only=not all_ties)

    def render(console: Console) -> None:
        run = result.observed
        rows = table(
            f"Contagion at threshold {run.threshold}: {run.reached}/{run.population} reached",
            "round",
            "person",
            "tipped by",
            "evidence",
        )
        for a in run.adoptions:
            evidence = evidence_text([e for t in a.via for e in t.evidence], 1) if a.via else ""
            rows.add_row("seed" if a.round == 0 else str(a.round), a.person.name, names([t.target for t in a.via]), evidence)
        console.print(rows)
        console.print(
            f"clustering {result.clustering:.3f}; {result.rewired_clustering:.3f} on average "
            f"over {result.trials} degree-preserving rewirings"
        )
        for note in run.notes:
            console.print(f"note: {note}")
        console.print(result.verdict)

    emit(result, as_json, render)
