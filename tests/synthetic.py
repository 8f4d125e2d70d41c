"""Reports about invented people, written for tests and benchmarks: every document names its own
distinct people (names built from syllables), in sentences written here."""

from __future__ import annotations

import random
import re
from pathlib import Path

_FIRST = ["ka", "lo", "mir", "ta", "ven", "sa", "dor", "el", "ri", "no", "bas", "tu", "fen", "ga", "hal", "yo"]
_LAST = ["stro", "ber", "vik", "mon", "dal", "ren", "gar", "tas", "lin", "hof", "zek", "mar", "dun", "pel", "sor", "quist"]
_SENTENCES = [
    "{a} met {b} in a rented flat in the north of the city in the spring.",
    "Police said {a} had shared the flat with {b} for several months before the arrests.",
    "{a} is the brother of {b}, according to the court papers.",
    "{b} recruited {a} into the group after they met in prison.",
    "Prosecutors say {a} kept in touch with {b} by telephone during the summer.",
    "The two men, {a} and {b}, were later seen together at a market.",
]


def name(rng: random.Random) -> str:
    first = rng.choice(_FIRST).capitalize() + rng.choice(_FIRST)
    last = rng.choice(_LAST).capitalize() + rng.choice(_LAST) + rng.choice(_LAST)
    return f"{first} {last}"


def report(rng: random.Random, sentences: int = 12, people: int = 4, earlier: list[str] | None = None) -> str:
    """One report about `people` new people and, when `earlier` is given, two people that earlier
    reports named (follow-up reporting: what makes cross-document resolution work)."""
    names = [name(rng) for _ in range(people)]
    if earlier:
        names += rng.sample(earlier, k=min(2, len(earlier)))
    lines = ["Inquiry notes on a local network", ""]
    for _ in range(sentences):
        a, b = rng.sample(names, 2)
        lines.append(rng.choice(_SENTENCES).format(a=a, b=b))
    return "\n".join(lines) + "\n"


def write_corpus(folder: Path, count: int, *, seed: int = 7, sentences: int = 12, recurring: bool = False) -> list[Path]:
    """`count` reports; with `recurring`, each also names two people of recent reports."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    paths, recent = [], []
    for i in range(count):
        path = folder / f"report-{i:05d}.txt"
        text = report(rng, sentences, earlier=recent[-200:] if recurring else None)
        if recurring:
            recent += [n for n in _NAME.findall(text) if n not in recent[-200:]][:4]
        path.write_text(text)
        paths.append(path)
    return paths


_NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
