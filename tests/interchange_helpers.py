"""A small hand-made network for the interchange tests: names and sentences written for them."""

from __future__ import annotations

from linkchart.model import Alias, Document, Entity, Event, Evidence, Network, Relation

TEXT = ("Tomas Verhoek is the older brother of Pieter Verhoek. Pieter shared a flat with Anouk Daal in 2019. "
        "Anouk Daal joined the Harbour Circle; Tomas Verhoek ran the Harbour Circle & its print shop. "
        "It is said that Anouk Daal recruited Pieter Verhoek. Tomas \"the Printer\" Verhoek travelled to Porto.")


def _at(sentence: str, hedged: bool = False) -> Evidence:
    start = TEXT.index(sentence)
    return Evidence("doc1", sentence, start, start + len(sentence), hedged)


def small_network() -> Network:
    doc = Document("doc1", "reports/harbour.txt", "Harbour report", TEXT, "h" * 64, "2020-05-01")
    people = [
        Entity("e-tomas", "person", "Tomas Verhoek", [Alias("Verhoek", "surface", "doc1"), Alias("the Printer", "explicit", "doc1")],
               documents=["doc1"], mention_count=3),
        Entity("e-pieter", "person", "Pieter Verhoek", [Alias("Pieter", "surface", "doc1")], documents=["doc1"], mention_count=3),
        Entity("e-anouk", "person", "Anouk Daal", documents=["doc1"], mention_count=3),
        Entity("e-circle", "organization", "Harbour Circle", documents=["doc1"], mention_count=2),
        Entity("e-analyst", "person", "Mara Quist", role="commentator", documents=["doc1"], mention_count=1),
    ]
    ties = [
        Relation("e-pieter", "e-tomas", "family", [_at("Tomas Verhoek is the older brother of Pieter Verhoek.")], "sibling",
                 confidence=0.6, id="e-pieter|family|e-tomas"),
        Relation("e-anouk", "e-pieter", "co_resided", [_at("Pieter shared a flat with Anouk Daal in 2019.")],
                 confidence=0.6, date="2019", id="e-anouk|co_resided|e-pieter"),
        Relation("e-anouk", "e-circle", "member_of", [_at("Anouk Daal joined the Harbour Circle;")], confidence=0.6,
                 id="e-anouk|member_of|e-circle"),
        Relation("e-tomas", "e-circle", "leader_of", [_at("Tomas Verhoek ran the Harbour Circle & its print shop.")],
                 confidence=0.6, id="e-tomas|leader_of|e-circle"),
        Relation("e-pieter", "e-anouk", "recruited_by", [_at("It is said that Anouk Daal recruited Pieter Verhoek.", True)],
                 hedged=True, confidence=0.3, id="e-pieter|recruited_by|e-anouk"),
        Relation("e-anouk", "e-tomas", "associate", [_at("Anouk Daal joined the Harbour Circle;"),
                                                     _at("Tomas Verhoek ran the Harbour Circle & its print shop.")],
                 confidence=0.6, id="e-anouk|associate|e-tomas"),
    ]
    events = [Event("ev1", "travel", "travelled to Porto", ["e-tomas"],
                    [_at("Tomas \"the Printer\" Verhoek travelled to Porto.")], "Porto")]
    return Network(people, ties, [doc], events)
