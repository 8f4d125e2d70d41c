"""Turn a file on disk into raw text plus the metadata the file itself states.

Every failure becomes an InputError naming the file and the problem, so one bad file in a
folder never stops the batch.
"""

from __future__ import annotations

import io
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from linkchart.errors import InputError

TEXT_SUFFIXES = {".txt", ".md", ".text", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES


@dataclass(frozen=True)
class RawText:
    path: str
    text: str
    title: str | None = None
    date: str | None = None
    is_markup_free: bool = True  # False for HTML/PDF, whose layout has already been removed


def discover(paths: list[Path]) -> list[Path]:
    """Files to ingest, in a stable order; folders are walked, hidden files skipped."""
    return walk(paths)[0]


def walk(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Files to ingest in a stable order, and one line for each path that cannot be walked:
    a path that does not exist, a folder that cannot be read, a link that leads nowhere."""
    found: list[Path] = []
    problems: list[str] = []
    for path in paths:
        if path.is_symlink() and not path.exists():
            problems.append(f"{path}: broken link (its target does not exist)")
        elif not path.exists():
            problems.append(f"{path}: no such file or folder")
        elif path.is_dir():
            found.extend(_walk_folder(path, problems))
        else:
            found.append(path)
    return found, problems


def _walk_folder(root: Path, problems: list[str]) -> list[Path]:
    found: list[Path] = []

    def unreadable(err: OSError) -> None:
        problems.append(f"{err.filename}: cannot read folder ({err.strerror or err})")

    for folder, dirs, files in os.walk(root, onerror=unreadable, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        base = Path(folder)
        for name in sorted(files):
            p = base / name
            if name.startswith(".") or p.suffix.lower() not in SUPPORTED_SUFFIXES:
                continue
            if p.is_symlink() and not p.exists():
                problems.append(f"{p}: broken link (its target does not exist)")
            elif p.is_file():
                found.append(p)
    return sorted(found)


def read_file(path: Path, *, max_bytes: int) -> RawText:
    label = str(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(label, "no such file") from None
    except OSError as err:
        raise InputError(label, f"cannot read ({err.strerror or err})") from None
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise InputError(label, f"unsupported file type '{suffix or 'none'}' (use .txt, .md, .html or .pdf)")
    if size == 0:
        raise InputError(label, "empty file")
    if size > max_bytes:
        raise InputError(
            label, f"file too large ({size / 1e6:.1f} MB, limit {max_bytes / 1e6:.0f} MB; see --max-file-mb)"
        )
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(label, f"cannot read ({err.strerror or err})") from None
    if suffix in PDF_SUFFIXES:
        return _read_pdf(label, data)
    text = _decode(label, data)
    if suffix in HTML_SUFFIXES:
        return _read_html(label, text)
    if suffix in {".md", ".markdown"}:
        text = markdown_to_text(text)
    if not text.strip():
        raise InputError(label, "no text (only whitespace)")
    return RawText(path=label, text=text)


_MD_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(?=\S)(.+?)(?<=\S)\1")
_MD_PREFIX = re.compile(r"^\s{0,3}(#{1,6}\s+|>\s?)")


def markdown_to_text(text: str) -> str:
    """Plain text of a Markdown file: images become their caption line, links their text."""
    lines = []
    for line in text.splitlines():
        line = _MD_PREFIX.sub("", line)
        line = _MD_IMAGE.sub(r"\n\1\n", line)
        line = _MD_LINK.sub(r"\1", line)
        line = _MD_EMPHASIS.sub(r"\2", line)
        lines.append(line)
    return "\n".join(lines)


def _decode(label: str, data: bytes) -> str:
    if b"\x00" in data[:65536]:
        raise InputError(label, "binary content, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise InputError(label, f"invalid UTF-8 at byte {err.start}") from None
    sample = text[:65536]
    control = sum(1 for c in sample if ord(c) < 32 and c not in "\n\r\t\f")
    if sample and control / len(sample) > 0.01:
        raise InputError(label, "binary content, not text")
    return text


def _read_html(label: str, html: str) -> RawText:
    import trafilatura

    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    text = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not text or not text.strip():
        raise InputError(label, "no article text found in the HTML")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    date = meta.date if meta and meta.date else None
    return RawText(path=label, text=text, title=title, date=date, is_markup_free=False)


def _read_pdf(label: str, data: bytes) -> RawText:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        pages = [page.extract_text() or "" for page in reader.pages]
        info = reader.metadata
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as err:
        raise InputError(label, f"broken PDF ({type(err).__name__}: {str(err)[:80]})") from None
    text = "\n\n".join(pages)
    if not text.strip():
        raise InputError(label, "PDF has no extractable text (scanned images?)")
    title = str(info.title) if info and info.title else None
    return RawText(path=label, text=text, title=title, is_markup_free=False)
