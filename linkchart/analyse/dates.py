"""Partial ISO dates as reporting gives them: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'.

Reporting rarely dates a tie to the day: an article says a man "joined in 2013" or "met him in
March 2014". Comparing such dates as plain strings or forcing them into `datetime` would either
mis-order them or invent precision, so this module compares them at the *coarser* precision of
the two: '2014' is "on or before" '2014-03' (the tie could have existed by then), and
'2014-05' is not on or before '2014-03'. Sorting puts a coarse date before the finer dates it
contains ('2014' < '2014-01' < '2014-01-05'), which is where an analyst expects it on a timeline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


def parse_date(value: str | None) -> str | None:
    """Normalise a stated date to 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; None when it is not ISO-like.

    Anything after the day (a time, a timezone) is dropped; an impossible month or day is cut back
    to the precision that is still valid ('2014-13' becomes '2014').
    """
    if not value:
        return None
    match = _ISO.match(value.strip())
    if match is None:
        return None
    year, month, day = match.groups()
    if month is None or not 1 <= int(month) <= 12:
        return year
    if day is None or not 1 <= int(day) <= 31:
        return f"{year}-{month}"
    return f"{year}-{month}-{day}"


def date_key(value: str) -> tuple[int, int, int]:
    """Sort key for a normalised date; missing parts sort first (coarse before fine)."""
    parts = [int(p) for p in value.split("-")] + [0, 0]
    return parts[0], parts[1], parts[2]


def year_of(value: str | None) -> int | None:
    """The year of a stated date, or None when there is no usable date."""
    normal = parse_date(value)
    return int(normal[:4]) if normal else None


def on_or_before(value: str, limit: str) -> bool:
    """Whether `value` could fall on or before `limit`, compared at the coarser of the two precisions."""
    a, b = parse_date(value), parse_date(limit)
    if a is None or b is None:
        raise ValueError(f"not an ISO date: {value if a is None else limit!r}")
    width = min(len(a), len(b))
    return a[:width] <= b[:width]


def earliest(values: Iterable[str | None]) -> str | None:
    """The earliest usable date among `values` (coarse dates win ties with the finer ones they contain)."""
    normal = [d for d in (parse_date(v) for v in values) if d is not None]
    return min(normal, key=date_key) if normal else None


def reported_date(document_ids: Iterable[str], document_dates: Mapping[str, str | None]) -> str | None:
    """The earliest date of the documents that state something: the latest it can have happened."""
    return earliest(document_dates.get(d) for d in document_ids)
