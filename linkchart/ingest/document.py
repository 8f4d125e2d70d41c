"""From a file to a Document record: read, clean, title, date, hash, and the map from the
cleaned text back to the file's text, so evidence can be shown where the analyst's file has it."""

from __future__ import annotations

from pathlib import Path

from linkchart.dates import first_full_date, parse_date
from linkchart.errors import InputError
from linkchart.ingest.clean import clean_text, offset_map
from linkchart.ingest.dedupe import content_hash
from linkchart.ingest.readers import RawText, read_file
from linkchart.model import Document
from linkchart.settings import Settings


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
        date=parse_date(raw.date) or first_full_date(header),
        original=raw.text,
        offset_map=offset_map(raw.text, cleaned),
    )
