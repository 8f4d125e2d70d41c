"""What the tie tests read from one extracted text: its ties by the names of their two ends."""

from __future__ import annotations

from linkchart.model import Document


def named_ties(extractor, text: str, title: str = "t") -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """(source name, tie type, target name) of every tie extracted from `text`."""
    result = extractor.extract(Document("d1", "t.txt", title, text, "h"))
    names = {e.local_id: e.name for e in result.entities}
    return {(names[r.source], r.type, names[r.target]) for r in result.relations}


def pairs_of(ties: set[tuple[str, str, str]], kind: str | None = None) -> set[frozenset[str]]:
    """The unordered pairs of names the ties join (of one type only with `kind`)."""
    return {frozenset((a, b)) for a, t, b in ties if kind is None or t == kind}


def named_pairs(extractor, text: str) -> set[frozenset[str]]:  # type: ignore[no-untyped-def]
    """The unordered pairs of names tied in `text`, whatever the type."""
    return pairs_of(named_ties(extractor, text))
