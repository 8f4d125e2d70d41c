"""Events across documents: one record per attack, one per trip of the same people to the
same place, with every sentence that reports it."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from anyascii import anyascii

from linkchart.dates import date_key
from linkchart.model import ACTOR, ATTACK, Entity, Event, LocalEvent


def event_key(event_type: str, label: str, participants: Iterable[str]) -> tuple[str, ...]:
    """Attacks are one event whoever took part ('the Paris attacks' in every report);
    trips are the same trip only for the same travellers to the same place."""
    folded = re.sub(r"[^a-z0-9 ]+", " ", anyascii(label).lower())
    words = tuple(w for w in folded.split() if w not in {"the", "a", "an"})
    return (event_type, *words) if event_type == ATTACK else (event_type, *words, "|", *sorted(participants))


def resolve_events(events: Iterable[LocalEvent], entity_of: dict[str, str],
                   entities: dict[str, Entity]) -> list[Event]:
    grouped: dict[tuple[str, ...], list[tuple[LocalEvent, list[str]]]] = defaultdict(list)
    for ev in events:
        people = sorted({entity_of[p] for p in ev.participants if p in entity_of
                         and entities[entity_of[p]].role == ACTOR})
        if people:
            grouped[event_key(ev.type, ev.label, people)].append((ev, people))
    out = []
    used: set[str] = set()
    for key, rows in sorted(grouped.items()):
        first = rows[0][0]
        evidence = list({(ev.evidence.document_id, ev.evidence.start): ev.evidence for ev, _ in rows}.values())
        dated = min((ev for ev, _ in rows if ev.date), key=lambda ev: date_key(ev.date or ""), default=None)
        participants = sorted({p for _, people in rows for p in people})
        slug = "-".join(w for w in key[1:] if w != "|")[:80]
        eid, n = f"evt-{key[0]}-{slug}", 2
        while eid in used:  # a shortened slug may repeat
            eid, n = f"evt-{key[0]}-{slug}-{n}", n + 1
        used.add(eid)
        out.append(Event(eid, first.type, first.label, participants,
                         sorted(evidence, key=lambda e: (e.document_id, e.start)), first.place,
                         dated.date if dated else None, all(e.hedged for e in evidence),
                         dated.date_source if dated else None))
    return out
