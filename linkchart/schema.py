"""Entity and tie types described as data, with how each maps to the formats we exchange.

In the spirit of followthemoney's schema: a new tie type is one entry here, and every exporter
(FollowTheMoney, i2 ANX, Neo4j, Gephi) and the scorer contract read its mapping from this table
instead of keeping their own lists.

>>> TIE_TYPES["leader_of"].reads("Noor", "the cell")
'Noor leads the cell'
>>> TIE_TYPES["family"].ftm_schema
'Family'
"""

from __future__ import annotations

from dataclasses import dataclass

from linkchart import model


@dataclass(frozen=True)
class EntityType:
    name: str
    label: str
    ftm_schema: str  # FollowTheMoney schema
    i2_icon: str  # Analyst's Notebook icon type name
    neo4j_label: str


@dataclass(frozen=True)
class TieType:
    name: str
    label: str
    directed: bool
    verb: str  # how a directed tie reads: "{source} <verb> {target}"
    ends: tuple[str, str]  # entity types at the source and target ends
    close: bool  # counts as a close tie for complex contagion
    ftm_schema: str
    ftm_relationship: str | None  # FtM Family.relationship / Associate.relationship value
    neo4j_type: str
    scorer_kind: str  # "person-person" or "person-organization" in the evaluation contract

    def reads(self, source: str, target: str) -> str:
        return f"{source} {self.verb} {target}"


ENTITY_TYPES: dict[str, EntityType] = {t.name: t for t in (
    EntityType(model.PERSON, "Person", "Person", "Person", "Person"),
    EntityType(model.ORGANIZATION, "Organisation", "Organization", "Organisation", "Organization"),
)}

_PP = (model.PERSON, model.PERSON)
_PO = (model.PERSON, model.ORGANIZATION)
TIE_TYPES: dict[str, TieType] = {t.name: t for t in (
    TieType(model.FAMILY, "Family", False, "is family of", _PP, True, "Family", "family", "FAMILY_OF", "person-person"),
    TieType(model.ASSOCIATE, "Associate", False, "is an associate of", _PP, True, "Associate", "associate", "ASSOCIATE_OF",
            "person-person"),
    TieType(model.CO_RESIDED, "Lived together", False, "lived with", _PP, True, "Associate", "lived together",
            "LIVED_WITH", "person-person"),
    TieType(model.COMMUNICATED_WITH, "Communicated", False, "communicated with", _PP, False, "UnknownLink", None,
            "COMMUNICATED_WITH", "person-person"),
    TieType(model.MEMBER_OF, "Member", True, "is a member of", _PO, False, "Membership", None, "MEMBER_OF",
            "person-organization"),
    TieType(model.LEADER_OF, "Leader", True, "leads", _PO, False, "Directorship", None, "LEADS", "person-organization"),
    TieType(model.RECRUITED_BY, "Recruited by", True, "was recruited by", _PP, False, "UnknownLink", "recruited by",
            "RECRUITED_BY", "person-person"),
)}


def tie_type(name: str) -> TieType:
    """The description of a tie type; an unknown type (from an imported network) reads as an
    undirected association."""
    return TIE_TYPES.get(name) or TieType(name, name.replace("_", " ").capitalize(), False, "is tied to", _PP, False,
                                          "UnknownLink", name, name.upper(), "person-person")


assert set(TIE_TYPES) == set(model.RELATION_TYPES), "every relation type needs a schema entry"
assert {t.name for t in TIE_TYPES.values() if t.directed} == model.DIRECTED_TYPES
assert {t.name for t in TIE_TYPES.values() if t.close} == model.CLOSE_TYPES
