"""Dates read from the reporting's own words: the one date reader every stage uses.

Ingest dates a report from its header (`first_full_date`), extraction dates a tie or event from
the clause that states it, and analysis shows where each date came from (`describe`). Reports say
more than a year — "in March 2015", "on the night of November 13", "the following year", "two weeks later",
"last November" — and the relative ones mean something only against a reference point. Two kinds
of reference are told apart, as linguists do:

- narrative expressions ("two weeks later", "the following year", "three days before", "that
  month", a month or day without a year) count from the last date the text itself has established
  before them in the same document: an absolute date, or an earlier relative one once resolved.
  With none, they count from the document's date;
- deictic expressions ("last year", "two months ago", "last November", "Tuesday", "yesterday")
  count from when the report was written, the document date, whatever the text said before.

A relative expression is resolved only when its reference is precise enough — "two weeks later"
than "2015" is left undated rather than guessed — and the result is never more precise than the
unit counted, nor later than the report. Every date found keeps its expression, offsets and
reference, so a timeline can show why a tie carries the date it does. Scan a document whole, so
that a sentence is read with what came before it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .calendar import iso, parse_date, parts, shift, surely_before, truncate, weekday_on_or_before

#: How a date was arrived at, from firmest to weakest.
STATED, RELATIVE, REPORTED, UNDATED = "stated", "relative", "reported", "undated"
#: What a relative date was counted from.
FROM_TEXT, FROM_DOCUMENT = "text", "document"

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_MONTHS = {name: n for n, name in enumerate(_MONTH_NAMES, start=1)} | {name[:3]: n for n, name in enumerate(_MONTH_NAMES, start=1)}
_MONTHS["Sept"] = 9
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _words(text: str) -> list[str]:
    return text.split()


_NUMBERS = {word: n for n, word in enumerate(_words("zero one two three four five six seven eight nine ten eleven twelve"))}
_NUMBERS |= {"a": 1, "an": 1}

_MONTH = "(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?"
# A month abbreviation only next to a day or year: "Jan" alone is as likely a first name.
_FULL_MONTH = "(?P<month>" + "|".join(_MONTH_NAMES) + ")"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>1[89]\d\d|20\d\d)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_COUNT = r"(?P<count>\d{1,3}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
# Words after which a bare year is a date ("in 2014", "the 2015 plot"), not a count ("some 2000 fighters").
_YEAR_CUES = frozenset(_words("in on since by until till from during through early late mid of and or to between before after"))
# A count that follows these is a duration, not a shift: "jailed for nine years after ...".
_DURATION_CUES = frozenset(_words("for to served serve serving spent spend of than"))
_BACKWARD = frozenset({"earlier", "before", "beforehand", "previously", "prior", "previous", "preceding", "ago", "last"})


@dataclass(frozen=True)
class DateMention:
    """A date expression in a text and the date it stands for."""

    text: str
    start: int
    end: int
    date: str
    kind: str  # stated (absolute) | relative
    anchor: str | None = None  # the date a relative expression was counted from
    anchored_to: str | None = None  # text (an earlier date in the document) | document (its date)




#: resolve(narrative reference, document date) -> (date, FROM_TEXT / FROM_DOCUMENT, or None when absolute)
Resolver = Callable[[str | None, str | None], tuple[str | None, str | None]]


# --------------------------------------------------------------------------- rules


def _group(match: re.Match[str], name: str) -> str | None:
    return match.groupdict().get(name) or None


def _narrative(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
    if narrative is not None:
        return narrative, FROM_TEXT
    return (document, FROM_DOCUMENT) if document is not None else (None, None)


def _absolute(match: re.Match[str]) -> Resolver:
    """A date that states its year: '13 November 2015', 'July 2015', '2015-11-13', 'in 2014'."""
    name, number, day = _group(match, "month"), _group(match, "mm"), _group(match, "day")
    month = _MONTHS[name] if name else (int(number) if number else None)
    date = parse_date(iso(int(match["year"]), month, int(day) if day else None))
    return lambda narrative, document: (date, None)


def _without_year(match: re.Match[str]) -> Resolver:
    """'November 13', 'in March': the narrative's year, or the last such day up to the report."""
    month = _MONTHS[match["month"]]
    day = int(match["day"]) if _group(match, "day") else None

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        reference, source = _narrative(narrative, document)
        if reference is None:
            return None, None
        year, ref_month, ref_day = parts(reference)
        if source == FROM_DOCUMENT and ref_month is not None and (month, day or 0) > (ref_month, ref_day or 32):
            year -= 1  # reporting looks back: "in November" in a March article is last November
        return parse_date(iso(year, month, day)), source

    return resolve


def _month_with_cue(match: re.Match[str]) -> Resolver:
    """'last November' and 'next March' count from the report; 'in March', 'that May' from the narrative."""
    cue = match["cue"].lower()
    if cue not in {"last", "next"}:
        return _without_year(match)
    month = _MONTHS[match["month"]]

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        if document is None:
            return None, None
        year, now, _ = parts(document)
        if now is None:
            return None, None
        year += -(month >= now) if cue == "last" else int(month <= now)
        return iso(year, month), FROM_DOCUMENT

    return resolve


def _shifted(match: re.Match[str]) -> Resolver:
    """'two weeks later', 'three days before' from the narrative; 'a year ago' from the report."""
    direction, unit, word = match["direction"].lower(), match["unit"].lower(), match["count"].lower()
    count = int(word) if word.isdigit() else _NUMBERS[word]
    step = -count if direction in _BACKWARD else count

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        reference, source = (document, FROM_DOCUMENT) if direction == "ago" else _narrative(narrative, document)
        return (shift(reference, unit, step), source) if reference else (None, None)

    return resolve


def _next_or_previous(match: re.Match[str]) -> Resolver:
    """'the following year', 'the previous month', 'the day after': one unit from the narrative."""
    unit, step = match["unit"].lower(), -1 if match["direction"].lower() in _BACKWARD else 1

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        reference, source = _narrative(narrative, document)
        return (shift(reference, unit, step), source) if reference else (None, None)

    return resolve


def _same(match: re.Match[str]) -> Resolver:
    """'that year', 'the same month', 'later that day': the narrative's date at that precision."""
    unit = match["unit"].lower()

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        reference, source = _narrative(narrative, document)
        return (truncate(reference, unit), source) if reference else (None, None)

    return resolve


def _deictic(match: re.Match[str]) -> Resolver:
    """'last year', 'this month', 'next week', 'yesterday': counted from the report's date."""
    step = {"last": -1, "this": 0, "next": 1}[(_group(match, "which") or "last").lower()]
    unit = (_group(match, "unit") or "day").lower()

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        if document is None:
            return None, None
        return (truncate(document, unit) if step == 0 else shift(document, unit, step)), FROM_DOCUMENT

    return resolve


def _weekday(match: re.Match[str]) -> Resolver:
    """'Tuesday' in a news report is the last Tuesday up to the day it was written."""
    weekday = _WEEKDAYS.index(match["weekday"])
    strictly = (_group(match, "which") or "").lower() == "last"

    def resolve(narrative: str | None, document: str | None) -> tuple[str | None, str | None]:
        found = weekday_on_or_before(document, weekday, strictly=strictly) if document else None
        return found, FROM_DOCUMENT if found else None

    return resolve


def _words_around(text: str, match: re.Match[str]) -> tuple[str, str]:
    before = text[max(0, match.start() - 24) : match.start()].split()
    after = text[match.end() : match.end() + 24].split()
    return (before[-1].lower().strip("(,-") if before else ""), (after[0] if after else "")


def _year_is_a_date(text: str, match: re.Match[str]) -> bool:
    previous, following = _words_around(text, match)
    return previous in _YEAR_CUES or not following[:1].islower()


def _is_a_shift(text: str, match: re.Match[str]) -> bool:
    previous, _ = _words_around(text, match)
    return previous not in _DURATION_CUES


_I = re.IGNORECASE
_CUE = r"(?i:(?P<cue>in|on|since|by|until|till|from|during|through|early|late|mid|last|next|this|that|of|between|and))"
#: (pattern, how to resolve a match, which matches to keep); a group "core" narrows the expression's span.
_RULES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], Resolver], Callable[[str, re.Match[str]], bool] | None]] = [
    (re.compile(r"\b(?P<year>\d{4})-(?P<mm>\d{2})-(?P<day>\d{2})(?!\d)"), _absolute, None),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"), _absolute, None),
    (re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"), _absolute, None),
    (re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"), _absolute, None),
    (re.compile(rf"\b{_YEAR}\b(?!['’]?s\b)"), _absolute, _year_is_a_date),
    (re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}"), _without_year, None),
    (re.compile(rf"\b{_MONTH}\s+{_DAY}\b"), _without_year, None),
    (re.compile(rf"\b{_CUE}[\s-]+(?i:(?:early|late|mid)[\s-]+)?(?P<core>{_FULL_MONTH})\b"), _month_with_cue, None),
    (
        re.compile(
            rf"\b{_COUNT}\s+{_UNIT}\s+(?P<direction>later|after(?:wards?)?|earlier|before(?:hand)?|previously|prior|ago)\b", _I
        ),
        _shifted,
        _is_a_shift,
    ),
    (
        re.compile(rf"\bthe\s+(?P<direction>following|next|previous|preceding|subsequent|prior)\s+{_UNIT}\b", _I),
        _next_or_previous,
        None,
    ),
    (re.compile(rf"\bthe\s+{_UNIT}\s+(?P<direction>before|after)\b", _I), _next_or_previous, None),
    (re.compile(r"\b(?:that|the\s+same)\s+(?P<unit>day|month|year)\b", _I), _same, None),
    (re.compile(r"(?<![Tt]he\s)\b(?P<which>last|this|next)\s+(?P<unit>week|month|year)\b", _I), _deictic, None),
    (re.compile(r"\b[Yy]esterday\b"), _deictic, None),
    (re.compile(r"\b(?:(?P<which>last|this|on)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")\b"), _weekday, None),
]


def _expressions(text: str) -> list[tuple[int, int, Resolver]]:
    """(start, end, resolver) of the date expressions in `text`, in order, without overlaps.

    Where several start together the longest wins ("July 2015" over "July"). A cue word ("in
    March", "last November") belongs to the expression shown but not to that contest, or "in"
    would let "in July" beat "July 2015".
    """
    found = []
    for pattern, make, keep in _RULES:
        for match in pattern.finditer(text):
            if keep is None or keep(text, match):
                core = match.span("core") if "core" in match.groupdict() else match.span()
                found.append((core, match.start(), make(match)))
    found.sort(key=lambda f: (f[0][0], -f[0][1]))
    kept: list[tuple[int, int, Resolver]] = []
    end = 0
    for (core_start, core_end), start, resolve in found:
        if core_start >= end:
            kept.append((start, core_end, resolve))
            end = core_end
    return kept


def find_dates(text: str, document_date: str | None = None, *, narrative: str | None = None) -> list[DateMention]:
    """Every date expression in `text` that can be resolved, in order of appearance.

    `document_date` is when the text was written (deictic expressions count from it); `narrative`
    is the last date established before the text starts, when it is part of a longer one.

    A relative expression never lands after the document: reporting looks back. "In September"
    in an article of 29 March 2016 that earlier said "2016" is September 2015 (counted back from
    the report), and "two weeks later" than a date that would pass the report is left undated.
    """
    document = parse_date(document_date)
    reference = parse_date(narrative)
    mentions = []
    for start, end, resolve in _expressions(text):
        date, source = resolve(reference, document)
        if date is not None and source is not None and surely_before(document, date):
            date, source = resolve(None, document)  # counted back from the report instead
            if date is not None and source is not None and surely_before(document, date):
                date = None
        if date is None:
            continue
        anchor = None if source is None else (reference if source == FROM_TEXT else document)
        mentions.append(DateMention(text[start:end], start, end, date, STATED if source is None else RELATIVE, anchor, source))
        reference = date
    return mentions


def first_full_date(text: str) -> str | None:
    """The first date in `text` stated to the day (YYYY-MM-DD): how a report dates itself in its
    header ("29 March 2016", "March 29, 2016", "2016-03-29")."""
    return next((m.date for m in find_dates(text) if m.kind == STATED and len(m.date) == 10), None)


def describe(date: str | None, basis: str, words: str | None = None, anchor: str | None = None,
             anchored_to: str | None = None) -> str:
    """One line saying where a date came from, for tables and pages.

    'stated: "in March 2015"', 'relative: "two weeks later", counted from 2015-03-02 (a date
    earlier in the text)', 'report date (no date in the sentence)', 'undated'.
    """
    if date is None or basis == UNDATED:
        return "undated"
    if basis == STATED:
        return f'stated: "{words}"' if words else "stated"
    if basis == RELATIVE:
        origin = {FROM_TEXT: "a date earlier in the text", FROM_DOCUMENT: "the report's date"}.get(anchored_to or "", "")
        counted = f", counted from {anchor}" + (f" ({origin})" if origin else "") if anchor else ""
        return (f'relative: "{words}"' if words else "relative") + counted
    return "report date (no date in the sentence)"
