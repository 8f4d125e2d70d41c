"""Synthetic reporting with DISTINCT invented names, for benchmarks that must not flatter us.

Copies of one corpus repeat the same few hundred names, which makes resolution look cheap; real
archives name new people in almost every report. Each document here introduces new people (names
built from syllables, so none collides by accident) and mentions a few people of earlier
documents, the way follow-up reports do.

    from synthetic import write_corpus
    write_corpus(Path("/tmp/corpus"), documents=1000, seed=7)
"""

from __future__ import annotations

import random
from pathlib import Path

_ONSETS = ["b", "d", "f", "g", "h", "k", "l", "m", "n", "r", "s", "t", "v", "z", "ch", "sh", "br", "dr", "kr", "tr"]
_VOWELS = ["a", "e", "i", "o", "u", "ai", "ou", "ei"]
_CODAS = ["", "n", "r", "l", "s", "m", "k", "d"]
_TOWNS = ["Arlon", "Tilburg", "Namur", "Grenoble", "Leeds", "Malmo", "Aarhus", "Bremen", "Turin", "Porto"]
_GROUPS = ["Brigade", "Front", "Circle", "Movement", "Network", "Battalion"]
_TEMPLATES = [
    "{a} met {b} in {town} in {year}, according to the indictment.",
    "{a} and {b} shared a flat in {town} until {year}.",
    "{a} recruited {b} for the {group} in {year}.",
    "{a}, a member of the {group}, travelled to {town} with {b}.",
    "Prosecutors said {a} was the brother of {b}.",
    "{a} phoned {b} several times before the arrests in {town}.",
    "{a} led the {group} from {year}, the court heard.",
]


class NameMaker:
    """Distinct pronounceable names: every call gives a name never given before."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.used: set[str] = set()

    def word(self, syllables: int) -> str:
        while True:
            w = "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS) + self.rng.choice(_CODAS)
                        for _ in range(syllables)).capitalize()
            if w not in self.used:
                self.used.add(w)
                return w

    def person(self) -> str:
        return f"{self.word(2)} {self.word(3)}"

    def group(self) -> str:
        return f"{self.word(2)} {self.rng.choice(_GROUPS)}"


def document_text(rng: random.Random, names: NameMaker, earlier: list[str], sentences: int = 6) -> tuple[str, list[str]]:
    """One report: new people, and now and then someone an earlier report named."""
    people = [names.person() for _ in range(4)]
    if earlier:
        people += rng.sample(earlier, k=min(2, len(earlier)))
    group = names.group()
    lines = []
    for _ in range(sentences):
        a, b = rng.sample(people, 2)
        lines.append(rng.choice(_TEMPLATES).format(a=a, b=b, town=rng.choice(_TOWNS), year=rng.randint(1995, 2020),
                                                   group=group))
    return " ".join(lines) + "\n", people[:4]


def write_corpus(folder: Path, documents: int, seed: int = 7) -> int:
    """Write `documents` reports to `folder`; returns the number of words written."""
    rng = random.Random(seed)
    names = NameMaker(rng)
    folder.mkdir(parents=True, exist_ok=True)
    recent: list[str] = []
    words = 0
    for k in range(documents):
        text, introduced = document_text(rng, names, recent[-200:])
        recent += introduced
        (folder / f"report-{k:06d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words
