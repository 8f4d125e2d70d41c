"""How analysis dates a tie or event, and says where the date came from.

Dates are read once, by extraction, from the clause that states a tie or event (see
`linkchart.extract.clausedates` and the shared reader `linkchart.dates`): a birth year or the
year of another clause in the same sentence never dates a tie. Analysis takes that date and its
source as they are — so the timeline, `--as-of`, growth and the export all show the same date —
and, where a clause gives none, may place a tie by the date of the earliest report stating it
(the latest it can have begun), marked "reported". Every `Dated` can say in one line where its
date came from (`describe`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from linkchart.dates import (
    FROM_DOCUMENT,
    FROM_TEXT,
    RELATIVE,
    REPORTED,
    STATED,
    UNDATED,
    DateMention,
    describe,
    earliest,
    find_dates,
    parse_date,
)
from linkchart.model import DateSource, Document, Event, Evidence, Relation

__all__ = [
    "FROM_DOCUMENT",
    "FROM_TEXT",
    "NO_DATE",
    "RELATIVE",
    "REPORTED",
    "STATED",
    "UNDATED",
    "Dated",
    "Dating",
]


@dataclass(frozen=True)
class Dated:
    """The date of a tie or event and how it was arrived at."""

    date: str | None
    basis: str  # stated | relative | reported | undated
    words: str | None = None  # the expression that dates it ("two weeks later")
    anchor: str | None = None  # the date a relative expression was counted from
    anchored_to: str | None = None  # text (a date earlier in the document) | document (the report's date)

    @classmethod
    def of(cls, date: str | None, source: DateSource | None) -> Dated:
        if parse_date(date) is None:
            return NO_DATE
        if source is None:
            return cls(parse_date(date), STATED)
        return cls(parse_date(date), source.basis, source.words or None, source.anchor, source.anchored_to)

    @classmethod
    def from_mention(cls, mention: DateMention) -> Dated:
        return cls(mention.date, mention.kind, mention.text, mention.anchor, mention.anchored_to)

    def describe(self) -> str:
        """Where the date came from, in one line: 'stated: "in March 2015"', 'report date ...'."""
        return describe(self.date, self.basis, self.words, self.anchor, self.anchored_to)


NO_DATE = Dated(None, UNDATED)


class Dating:
    """Dates of ties and events in one built graph, and the dated sentences of its documents."""

    def __init__(self, documents: Mapping[str, Document]) -> None:
        self.documents = documents
        self.document_dates = {doc_id: parse_date(doc.date) for doc_id, doc in documents.items()}
        self._scans: dict[str, tuple[list[int], list[DateMention]]] = {}

    def _scan(self, document_id: str) -> tuple[list[int], list[DateMention]]:
        if document_id not in self._scans:
            doc = self.documents[document_id]
            mentions = find_dates(doc.text, doc.date)
            self._scans[document_id] = ([m.start for m in mentions], mentions)
        return self._scans[document_id]

    def within(self, document_id: str, start: int, end: int) -> list[DateMention]:
        """The dates inside characters start..end of a document's text, read with the text before them."""
        starts, mentions = self._scan(document_id)
        return [m for m in mentions[bisect_left(starts, start) : bisect_left(starts, end)] if m.end <= end]

    def reported(self, document_ids: Iterable[str]) -> str | None:
        """The earliest date of the documents stating something: the latest it can have happened."""
        return earliest(self.document_dates.get(d) for d in document_ids)

    def date_of(self, date: str | None, source: DateSource | None, evidence: Iterable[Evidence], *,
                use_documents: bool = False) -> Dated:
        """The date extraction read in the stating clause, else (optionally) the earliest report's date."""
        dated = Dated.of(date, source)
        if dated.date is None and use_documents:
            reported = self.reported(e.document_id for e in evidence)
            if reported is not None:
                return Dated(reported, REPORTED)
        return dated

    def relation_date(self, relation: Relation, *, use_documents: bool = False) -> Dated:
        return self.date_of(relation.date, relation.date_source, relation.evidence, use_documents=use_documents)

    def event_date(self, event: Event, *, use_documents: bool = False) -> Dated:
        return self.date_of(event.date, event.date_source, event.evidence, use_documents=use_documents)
