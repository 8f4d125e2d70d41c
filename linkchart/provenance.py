"""Where an evidence sentence is in the file the analyst has, and what surrounds it there.

Extraction reads the cleaned text (captions, credits and menus removed, wrapped lines joined), so
evidence offsets index `Document.text`. An analyst checks a tie against their own file, so every
evidence sentence can also be placed in the file's text as read (`Document.original`) through the
offset map ingest kept: character offsets, line and column, and the lines around it. Documents
stored before the map existed have no original text; their sources say so instead of guessing.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from linkchart.model import Document, Evidence

#: Lines of the original file shown before and after the lines holding the sentence.
CONTEXT_LINES = 1


@dataclass(frozen=True)
class Source:
    """An evidence sentence placed in its document and in the original file."""

    document_id: str
    file: str  # the file name (path as ingested in `path`)
    path: str
    title: str
    text: str  # the sentence, as in the cleaned text
    start: int  # offsets into the cleaned text
    end: int
    original_start: int | None  # offsets into the file's text as read; None when not kept
    original_end: int | None
    line: int | None  # 1-based line and column of the sentence's first character in the file
    column: int | None
    context: str  # the original lines around the sentence (the cleaned sentence when not kept)


def document_label(document: Document | None, document_id: str) -> str:
    """How a report is named to a reader: its file name, else its title, else its id."""
    if document is None:
        return document_id
    return Path(document.path).name or document.title or document_id


def source_of(evidence: Evidence, documents: Mapping[str, Document], context_lines: int = CONTEXT_LINES) -> Source:
    doc = documents.get(evidence.document_id)
    label = document_label(doc, evidence.document_id)
    span = doc.original_span(evidence.start, evidence.end) if doc is not None and doc.original else None
    if doc is None or span is None:
        return Source(evidence.document_id, label, doc.path if doc else "", doc.title if doc else "", evidence.text,
                      evidence.start, evidence.end, None, None, None, None, evidence.text)
    first, last = span
    original = doc.original
    line = original.count("\n", 0, first) + 1
    column = first - (original.rfind("\n", 0, first) + 1) + 1
    lines = original.split("\n")
    end_line = original.count("\n", 0, max(first, last - 1)) + 1
    around = lines[max(0, line - 1 - context_lines) : min(len(lines), end_line + context_lines)]
    return Source(evidence.document_id, label, doc.path, doc.title, evidence.text, evidence.start, evidence.end,
                  first, last, line, column, "\n".join(around).strip("\n"))
