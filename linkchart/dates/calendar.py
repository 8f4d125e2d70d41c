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
from collections.abc import Iterable
from datetime import date, timedelta

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


_STRICT = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def strict_date(value: str) -> str:
    """A date a user typed, as 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD', checked against the calendar.

    Raises ValueError with a one-line message for anything else ('2015-13-45', '15/03/2015').
    """
    match = _STRICT.match(value.strip())
    if match is None:
        raise ValueError(f"{value!r} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    return value.strip()


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


def surely_before(value: str | None, other: str | None) -> bool:
    """Whether `value` is before `other` however the coarser one is read ('2014' is not surely before '2014-05')."""
    a, b = parse_date(value), parse_date(other)
    if a is None or b is None:
        return False
    width = min(len(a), len(b))
    return a[:width] < b[:width]


def earliest(values: Iterable[str | None]) -> str | None:
    """The earliest usable date among `values` (coarse dates win ties with the finer ones they contain)."""
    normal = [d for d in (parse_date(v) for v in values) if d is not None]
    return min(normal, key=date_key) if normal else None


def parts(value: str) -> tuple[int, int | None, int | None]:
    """Year, month and day of a normalised date; the parts it does not state are None."""
    numbers = [int(p) for p in value.split("-")]
    return numbers[0], numbers[1] if len(numbers) > 1 else None, numbers[2] if len(numbers) > 2 else None


def iso(year: int, month: int | None = None, day: int | None = None) -> str:
    """The partial ISO string for the parts given (a day without a month is dropped)."""
    if month is None:
        return f"{year:04d}"
    return f"{year:04d}-{month:02d}" if day is None else f"{year:04d}-{month:02d}-{day:02d}"


#: What a relative expression can count in, finest last; weeks count as seven days.
UNITS = ("year", "month", "week", "day")


def shift(value: str, unit: str, count: int) -> str | None:
    """`value` moved by `count` units, or None when `value` is too coarse to say where that lands.

    "Two weeks later" than March 2015 could be in March or April, so a shift needs the anchor to
    state the unit it counts in (a day for days and weeks, a month for months); the result is as
    precise as the unit, never more: two years after 13 November 2015 is '2017', not '2017-11-13'.
    """
    year, month, day = parts(value)
    if unit == "year":
        return iso(year + count)
    if unit == "month":
        if month is None:
            return None
        total = year * 12 + (month - 1) + count
        return iso(total // 12, total % 12 + 1)
    if day is None or month is None:
        return None
    moved = _date(year, month, day) + timedelta(days=count * (7 if unit == "week" else 1))
    return iso(moved.year, moved.month, moved.day)


def truncate(value: str, unit: str) -> str | None:
    """`value` at the precision of `unit` ('that year' of 2015-11-13 is '2015'); None if it lacks it."""
    year, month, day = parts(value)
    if unit == "year":
        return iso(year)
    if unit == "month":
        return None if month is None else iso(year, month)
    return None if month is None or day is None else iso(year, month, day)


def _date(year: int, month: int, day: int) -> date:
    """A calendar date, with a day past the month's end (parse_date allows '2015-02-31') moved back to it."""
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def weekday_on_or_before(value: str, weekday: int, *, strictly: bool = False) -> str | None:
    """The last `weekday` (0 = Monday) on or before the day `value`; None unless `value` is a day."""
    year, month, day = parts(value)
    if month is None or day is None:
        return None
    anchor = _date(year, month, day)
    back = (anchor.weekday() - weekday) % 7 or (7 if strictly else 0)
    found = anchor - timedelta(days=back)
    return iso(found.year, found.month, found.day)
