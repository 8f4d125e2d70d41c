"""Hand-built networks for the analysis tests, and the Krebs 9/11 network as a `Network`."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Sequence

from shared_material import NETWORKS, require_shared

from linkchart.model import (
    ASSOCIATE,
    COMMENTATOR,
    ORGANIZATION,
    PERSON,
    Alias,
    Document,
    Entity,
    Evidence,
    Network,
    Relation,
)

KREBS = NETWORKS / "krebs2002-911-hijackers.csv"


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def person(name: str, *aliases: str, role: str = "actor", documents: Sequence[str] = ()) -> Entity:
    return Entity(
        id=slug(name),
        type=PERSON,
        name=name,
        aliases=[Alias(a) for a in aliases],
        role=role,
        documents=list(documents),
    )


def commentator(name: str) -> Entity:
    return person(name, role=COMMENTATOR)


def org(name: str) -> Entity:
    return Entity(id=slug(name), type=ORGANIZATION, name=name)


def rel(
    a: str,
    b: str,
    type: str = ASSOCIATE,
    *,
    doc: str | Sequence[str] = "d1",
    text: str | None = None,
    hedged: bool | Sequence[bool] = False,
    date: str | None = None,
) -> Relation:
    """A relation between two named entities with one evidence sentence per document."""
    docs = [doc] if isinstance(doc, str) else list(doc)
    flags = [hedged] * len(docs) if isinstance(hedged, bool) else list(hedged)
    sentence = text or f"{a} and {b} were linked ({type})."
    evidence = [Evidence(d, sentence, 0, len(sentence), h) for d, h in zip(docs, flags, strict=True)]
    return Relation(slug(a), slug(b), type, evidence, date=date, id=f"{slug(a)}:{type}:{slug(b)}")


def network(
    ties: Iterable[Relation | tuple[str, str]],
    *,
    entities: Iterable[Entity] = (),
    documents: Iterable[Document] = (),
    isolated: Iterable[str] = (),
) -> Network:
    """A Network from relations or (a, b) pairs; people named only in ties are created as needed,
    `isolated` names become people without ties."""
    relations = [t if isinstance(t, Relation) else rel(*t) for t in ties]
    known = {e.id: e for e in entities}
    for name in isolated:
        known.setdefault(slug(name), Entity(id=slug(name), type=PERSON, name=name))
    for r in relations:
        for end in (r.source, r.target):
            if end not in known:
                name = " ".join(part.capitalize() for part in end.split("-"))
                known[end] = Entity(id=end, type=PERSON, name=name)
    return Network(entities=list(known.values()), relations=relations, documents=list(documents))


def document(doc_id: str, date: str | None = None, duplicate_of: str | None = None) -> Document:
    return Document(doc_id, f"{doc_id}.txt", f"Report {doc_id}", "", doc_id, date, duplicate_of)


def pairs_network(pairs: Iterable[tuple[str, str]]) -> Network:
    """Every pair an associate relation with a dummy evidence sentence."""
    return network([rel(a, b) for a, b in pairs])


def krebs_pairs() -> list[tuple[str, str]]:
    require_shared(KREBS)
    with KREBS.open(newline="", encoding="utf-8") as handle:
        return [(a.strip(), b.strip()) for a, b in csv.reader(handle) if a.strip()]


def krebs_network() -> Network:
    """Krebs (2002): each pair an associate relation with a dummy evidence sentence; ids are slugs."""
    pairs = krebs_pairs()
    names = sorted({n for pair in pairs for n in pair})
    return Network(
        entities=[Entity(id=slug(n), type=PERSON, name=n) for n in names],
        relations=[rel(a, b, text=f"{a} was an associate of {b}.") for a, b in pairs],
    )
