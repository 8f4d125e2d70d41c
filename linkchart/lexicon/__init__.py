"""Word lists (data, not code) that extraction and resolution read. See lexicon.py in extract/."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def rows(name: str) -> tuple[tuple[str, ...], ...]:
    """Tab-separated rows of a list file, comments and blank lines skipped."""
    text = resources.files(__name__).joinpath(name).read_text(encoding="utf-8")
    out = []
    for line in text.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            out.append(tuple(line.split("\t")))
    return tuple(out)


def words(name: str) -> frozenset[str]:
    """The first column of a list file, lower case."""
    return frozenset(row[0].lower() for row in rows(name))
