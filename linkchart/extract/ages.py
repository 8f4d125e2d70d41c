"""Ages stated beside a name: "Ann Roe, 24, of Leeds", "Ann Roe (24)", "Ann Roe, aged 24".

News and court reports give ages of the people they name. Two mentions of one document whose
stated ages differ are two people, whatever their names share: a father "Amine Roe, 58" beside his
son "Karim Amine Roe, 24" (a father's given name is often his son's middle name).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from linkchart.extract.names import NameSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

_AFTER_AGE = {",", ".", ";", ")", "of", "from", "and", "who", "was", "is", "were", "are", "had", "has"}
_AGE_WORDS = {"aged", "age"}
OLDEST = 110


def stated_age(doc: Doc, name: NameSpan) -> int | None:
    """The age written right after `name` in `doc`, or None.

    >>> import spacy
    >>> nlp = spacy.blank("en")
    >>> doc = nlp("Police charged Ann Roe, 24, of Leeds.")
    >>> stated_age(doc, NameSpan(2, 4, "Ann Roe"))
    24
    >>> doc = nlp("Ann Roe, 2014, was a bad year.")
    >>> stated_age(doc, NameSpan(0, 2, "Ann Roe")) is None
    True
    """
    i = name.end
    if i >= len(doc) or doc[i].text not in {",", "("}:
        return None
    i += 1
    if i < len(doc) and doc[i].lower_ in _AGE_WORDS:
        i += 1
    if i >= len(doc) or not doc[i].text.isdigit() or len(doc[i].text) > 3:
        return None
    age = int(doc[i].text)
    after = doc[i + 1].lower_ if i + 1 < len(doc) else "."
    if not 0 < age <= OLDEST or after not in _AFTER_AGE:
        return None
    return age


def ages_differ(a: int | None, b: int | None, *, tolerance: int = 2) -> bool:
    """Both stated and further apart than a report's rounding or a birthday between reports."""
    return a is not None and b is not None and abs(a - b) > tolerance
