"""The registry of interchange formats: every exporter and importer says who opens it.

Each format registers itself (datasette style) with its name, the file suffix it writes or
reads, one line on who opens it, and its function. The CLI's `--format` choices, the list in
`linkchart formats` and the README's export section all come from here, so a new format is one
module that registers, not edits in several hand lists. Writers and readers import their
third-party library only when they run, so listing formats stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from linkchart.errors import LinkchartError
from linkchart.model import Document, Network

Writer = Callable[[Network, Path], list[Path]]


@dataclass(frozen=True)
class Exporter:
    name: str
    suffix: str  # the suffix of the file written (several files share its stem)
    opens_in: str  # one line: who opens it, and how
    write: Writer


EXPORTERS: dict[str, Exporter] = {}


def register_exporter(name: str, suffix: str, opens_in: str) -> Callable[[Writer], Writer]:
    """Decorator: `write(network, output) -> paths written` becomes the format `name`."""

    def add(write: Writer) -> Writer:
        if name in EXPORTERS:
            raise ValueError(f"export format '{name}' is registered twice")
        EXPORTERS[name] = Exporter(name, suffix, opens_in, write)
        return write

    return add


def exporter(name: str) -> Exporter:
    try:
        return EXPORTERS[name]
    except KeyError:
        raise LinkchartError(f"unknown export format '{name}' (use {', '.join(EXPORTERS)})") from None


def export_network(network: Network, fmt: str, output: Path) -> list[Path]:
    chosen = exporter(fmt)
    output.parent.mkdir(parents=True, exist_ok=True)
    return chosen.write(network, output)


def formats_markdown() -> str:
    """The README's list of export formats, one line each on who opens it."""
    return "\n".join(f"- `{e.name}` (`{e.suffix}`): {e.opens_in}" for e in EXPORTERS.values())


@dataclass
class ImportedNetwork:
    """A network read from another tool's file: the file itself is its one document (every tie's
    evidence is the record of the file that states it), and `notes` says what was left out."""

    network: Network
    document: Document
    format: str
    notes: list[str]


Reader = Callable[[Path], ImportedNetwork]


@dataclass(frozen=True)
class Importer:
    name: str
    suffixes: tuple[str, ...]  # file suffixes it reads
    made_by: str  # one line: which tools write such files
    read: Reader


IMPORTERS: dict[str, Importer] = {}


def register_importer(name: str, suffixes: tuple[str, ...], made_by: str) -> Callable[[Reader], Reader]:
    """Decorator: `read(path) -> ImportedNetwork` becomes the import format `name`."""

    def add(read: Reader) -> Reader:
        if name in IMPORTERS:
            raise ValueError(f"import format '{name}' is registered twice")
        IMPORTERS[name] = Importer(name, suffixes, made_by, read)
        return read

    return add


def importer_for(path: Path, fmt: str | None = None) -> Importer:
    """The importer named `fmt`, or the one that reads the file's suffix."""
    if fmt is not None:
        if fmt not in IMPORTERS:
            raise LinkchartError(f"unknown import format '{fmt}' (use {', '.join(IMPORTERS)})")
        return IMPORTERS[fmt]
    suffix = path.suffix.lower()
    for found in IMPORTERS.values():
        if suffix in found.suffixes:
            return found
    known = ", ".join(s for i in IMPORTERS.values() for s in i.suffixes)
    raise LinkchartError(f"{path}: cannot tell the format from '{suffix or 'no suffix'}' (linkchart imports {known})")
