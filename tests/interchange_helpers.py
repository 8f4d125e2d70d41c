"""A small hand-made network for the interchange tests: names and sentences written for them."""

from __future__ import annotations

from linkchart.model import Alias, Document, Entity, Event, Evidence, Network, Relation

TOMAS = "e-00000000000a"
PIETER = "e-00000000000b"
ANOUK = "e-00000000000c"
CIRCLE = "e-00000000000d"
ANALYST = "e-00000000000e"

TEXT = ("Tomas Verhoek is the older brother of Pieter Verhoek. Pieter shared a flat with Anouk Daal in 2019. "
        "Anouk Daal joined the Harbour Circle; Tomas Verhoek ran the Harbour Circle & its print shop. "
        "It is said that Anouk Daal recruited Pieter Verhoek. Tomas \"the Printer\" Verhoek travelled to Porto.")


def _at(sentence: str, hedged: bool = False) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence("doc1", sentence, start, start + len(sentence), hedged)


def small_network() -> Network:
    doc = Document("doc1", "reports/harbour.txt", "Harbour report", TEXT, "h" * 64, "2020-05-01")
    people = [
        Entity(TOMAS, "person", "Tomas Verhoek", [Alias("Verhoek", "surface", "doc1"), Alias("the Printer", "explicit", "doc1")],
               documents=["doc1"], mention_count=3),
        Entity(PIETER, "person", "Pieter Verhoek", [Alias("Pieter", "surface", "doc1")], documents=["doc1"], mention_count=3),
        Entity(ANOUK, "person", "Anouk Daal", documents=["doc1"], mention_count=3),
        Entity(CIRCLE, "organization", "Harbour Circle", documents=["doc1"], mention_count=2),
        Entity(ANALYST, "person", "Mara Quist", role="commentator", documents=["doc1"], mention_count=1),
    ]
    ties = [  # undirected ties run from the smaller id, as resolution writes them
        Relation(TOMAS, PIETER, "family", [_at("Tomas Verhoek is the older brother of Pieter Verhoek.")], "sibling",
                 confidence=0.6, id=f"{TOMAS}|family|{PIETER}"),
        Relation(PIETER, ANOUK, "co_resided", [_at("Pieter shared a flat with Anouk Daal in 2019.")],
                 confidence=0.6, date="2019", id=f"{PIETER}|co_resided|{ANOUK}"),
        Relation(ANOUK, CIRCLE, "member_of", [_at("Anouk Daal joined the Harbour Circle;")], confidence=0.6,
                 id=f"{ANOUK}|member_of|{CIRCLE}"),
        Relation(TOMAS, CIRCLE, "leader_of", [_at("Tomas Verhoek ran the Harbour Circle & its print shop.")],
                 confidence=0.6, id=f"{TOMAS}|leader_of|{CIRCLE}"),
        Relation(PIETER, ANOUK, "recruited_by", [_at("It is said that Anouk Daal recruited Pieter Verhoek.", True)],
                 hedged=True, confidence=0.3, id=f"{PIETER}|recruited_by|{ANOUK}"),
        Relation(TOMAS, ANOUK, "associate", [_at("Anouk Daal joined the Harbour Circle;"),
                                                     _at("Tomas Verhoek ran the Harbour Circle & its print shop.")],
                 confidence=0.6, id=f"{TOMAS}|associate|{ANOUK}"),
    ]
    events = [Event("ev1", "travel", "travelled to Porto", [TOMAS],
                    [_at("Tomas \"the Printer\" Verhoek travelled to Porto.")], "Porto")]
    return Network(people, ties, [doc], events)
