"""Dates as reporting gives them, shared by every stage (ingest, extract, analyse, export).

`calendar` compares and shifts partial ISO dates ('2015', '2015-03', '2015-03-02') without
inventing precision; `reader` finds date expressions in text and resolves the relative ones
against the text before them or the report's own date. No stage keeps a date reader of its own.
"""

from linkchart.model import DateSource

from .calendar import date_key, earliest, on_or_before, parse_date, strict_date, surely_before, year_of
from .reader import (
    FROM_DOCUMENT,
    FROM_TEXT,
    RELATIVE,
    REPORTED,
    STATED,
    UNDATED,
    DateMention,
    describe,
    find_dates,
    first_full_date,
)


def date_from(date: str | None, source: DateSource | None) -> str:
    """Where a stored tie's or event's date came from, in one line (see `reader.describe`)."""
    if source is None:
        return describe(date, STATED if date else UNDATED)
    return describe(date, source.basis, source.words or None, source.anchor, source.anchored_to)


__all__ = [
    "FROM_DOCUMENT",
    "FROM_TEXT",
    "RELATIVE",
    "REPORTED",
    "STATED",
    "UNDATED",
    "DateMention",
    "date_from",
    "date_key",
    "describe",
    "earliest",
    "find_dates",
    "first_full_date",
    "on_or_before",
    "parse_date",
    "strict_date",
    "surely_before",
    "year_of",
]
