"""From the pieces extraction found in one document to the records the store keeps: local
entities with their names and roles, mentions with offsets, ties and events with verbatim
evidence and the dates their own words give."""

from __future__ import annotations

from collections import Counter

from linkchart.extract.clausedates import ClauseDater
from linkchart.extract.document import Occurrence, ParsedDocument
from linkchart.extract.events import FoundEvent
from linkchart.extract.relations import Tie
from linkchart.model import (
    ACTOR,
    COMMENTATOR,
    ORGANIZATION,
    PERSON,
    SOURCE,
    Document,
    DocumentExtraction,
    Evidence,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    Mention,
    MergeDecision,
    as_entity_type,
    as_event_type,
    as_mention_type,
    as_relation_type,
    as_role,
)
from linkchart.names import parts


def roles_of(commentators: set[str], sources: set[str]) -> dict[str, str]:
    return {**{c: COMMENTATOR for c in commentators}, **{c: SOURCE for c in sources}}


def assemble(document: Document, parsed: ParsedDocument, ties: list[Tie], roles: dict[str, str],
              unresolved: set[int], decisions: list[MergeDecision], why_unresolved: dict[int, str],
              dater: ClauseDater) -> DocumentExtraction:
    out = DocumentExtraction(document.id)
    clusters: dict[str, list[Occurrence]] = {}
    for occ in parsed.occurrences:
        start, end = parsed.char_span(occ.paragraph, occ.name.span(parsed.paragraphs[occ.paragraph]))
        keep = occ.cluster is not None and occ.id not in unresolved and occ.type in {PERSON, ORGANIZATION}
        local = occ.cluster if keep and occ.cluster else ""
        role = roles.get(local, ACTOR)
        out.mentions.append(Mention(document.id, start, end, occ.text, as_mention_type(occ.type), occ.sentence, as_role(role),
                                    local))
        if keep and occ.cluster:
            clusters.setdefault(occ.cluster, []).append(occ)
    for key, occs in clusters.items():
        types = Counter(o.type for o in occs)
        names = {o.text for o in occs} | {o.full_name for o in occs if o.full_name}
        seen = Counter(o.text for o in occs)
        first = {n: k for k, n in reversed(list(enumerate(o.text for o in occs)))}
        # The fullest name; among equals the one written most, then first: never set order. A name
        # set in capitals ("THE ROE STREET GANG", a heading's form) only when there is no other.
        best = max(sorted(names), key=lambda n: (not (n.isupper() and len(n.split()) > 1), len(parts(n)), len(n),
                                                seen[n], -first.get(n, len(occs))))
        names |= {o.name.titled for o in occs if o.name.titled}  # "Judge Ann Roe": cited so, not named so
        names |= {form for o in occs for form in o.name.forms}  # "Roe/Hale": both names written as one
        explicit = {o.text for o in occs if any(d.name_b == o.text and "alias" in d.reason for d in decisions)}
        out.entities.append(LocalEntity(key, document.id, as_entity_type(types.most_common(1)[0][0]), best, names, explicit,
                                        as_role(roles.get(key, ACTOR)), len(occs)))
    known = set(clusters)
    for tie in ties:
        if tie.source not in known or tie.target not in known:
            continue
        start, end = parsed.char_span(tie.paragraph, tie.span)
        if tie.lead is not None:  # a list item under its introducing sentence
            start = parsed.char_span(*tie.lead)[0]
        text = document.text[start:end]
        evidence = Evidence(document.id, text, start, end, tie.hedged)
        # the date of the clause stating the tie (a list item's own, not its introduction's)
        date, source = dater.date_of(tie.paragraph, tie.span,
                                     dater.anchors(tie.paragraph, tie.span, (tie.source, tie.target)), tie.type)
        out.relations.append(LocalRelation(document.id, tie.source, tie.target, as_relation_type(tie.type), evidence,
                                           tie.subtype, date, source))
    for d in decisions:
        out.merges.append(d)
    for oid, why in why_unresolved.items():
        out.merges.append(MergeDecision("", parsed.occurrences[oid].text, "", f"left unresolved: {why}", 0.0,
                                        document_id=document.id))
    return out


def local_events(document: Document, parsed: ParsedDocument, events: list[FoundEvent],
                  known: set[str], dater: ClauseDater) -> list[LocalEvent]:
    out = []
    for ev in events:
        participants = [c for c in ev.participants if c in known]
        if not participants:
            continue
        start, end = parsed.char_span(ev.paragraph, ev.span)
        text = document.text[start:end]
        verb = ev.span.doc[ev.verb] if ev.verb is not None else ev.span.root
        date, source = dater.date_of(ev.paragraph, ev.span, [verb])
        out.append(LocalEvent(document.id, as_event_type(ev.type), ev.label, participants,
                              Evidence(document.id, text, start, end, ev.hedged), ev.place, date, source))
    return out + dater.life_events(known)
