"""From a file to a Document record: read, clean, title, date, hash."""

from __future__ import annotations

import re
from pathlib import Path

from linkchart.errors import InputError
from linkchart.ingest.clean import clean_text
from linkchart.ingest.dedupe import content_hash
from linkchart.ingest.readers import RawText, read_file
from linkchart.model import Document
from linkchart.settings import Settings

_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
_MONTH = r"(?:" + "|".join(m.capitalize() for m in _MONTHS) + r")"
_DATE_PATTERNS = [
    (re.compile(rf"\b({_MONTH})\s+(\d{{1,2}}),?\s+(\d{{4}})\b"), ("month", "day", "year")),
    (re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\s+(\d{{4}})\b"), ("day", "month", "year")),
    (re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b"), ("year", "month", "day")),
]


def find_date(text: str) -> str | None:
    """The first full calendar date in the text as ISO YYYY-MM-DD."""
    best: tuple[int, str] | None = None
    for pattern, order in _DATE_PATTERNS:
        match = pattern.search(text)
        if not match:
            continue
        parts = dict(zip(order, match.groups(), strict=True))
        month = parts["month"]
        month_num = int(month) if month.isdigit() else _MONTHS.index(month.lower()) + 1
        iso = f"{int(parts['year']):04d}-{month_num:02d}-{int(parts['day']):02d}"
        if best is None or match.start() < best[0]:
            best = (match.start(), iso)
    return best[1] if best else None


def _title(raw: RawText, cleaned: str, path: Path) -> str:
    if raw.title:
        return raw.title.strip()
    for line in cleaned.splitlines()[:3]:
        words = line.split()
        if 2 <= len(words) <= 14 and not line.rstrip().endswith((".", "?", "!", ",")):
            return line.strip()
    return path.stem.replace("-", " ").replace("_", " ")


def load_document(path: Path, settings: Settings) -> Document:
    """Read and clean one file. Raises InputError when it cannot be used."""
    raw = read_file(path, max_bytes=int(settings.max_file_mb * 1_000_000))
    cleaned = clean_text(raw.text)
    if len(cleaned.split()) < 5:
        raise InputError(str(path), "no reporting text left after removing boilerplate")
    digest = content_hash(cleaned)
    header = "\n".join(raw.text.splitlines()[:6])
    return Document(
        id=digest[:16],
        path=str(path),
        title=_title(raw, cleaned, path),
        text=cleaned,
        content_hash=digest,
        date=_iso_date(raw.date) or find_date(header),
    )


def _iso_date(value: str | None) -> str | None:
    if not value:
        return None
    match = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    return "-".join(g for g in match.groups() if g) if match else None
