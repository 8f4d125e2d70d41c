"""Typed records that every stage passes along.

The data model is deliberately plain data (dataclasses), in the spirit of followthemoney: a
relation is a first-class record that carries its own provenance (evidence sentences with
document and character offsets), so every figure shown to a user can be traced back to text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Final, Literal, cast, get_args

# Entity types.
EntityType = Literal["person", "organization", "place", "date"]
PERSON: Final = "person"
ORGANIZATION: Final = "organization"
PLACE: Final = "place"
DATE: Final = "date"
# What a mention names: an entity type, or "" for a capitalised word read as no name ("Motion").
MentionType = Literal["person", "organization", "place", "date", ""]

# Roles a person can play in the reporting. Only actors take part in the network.
Role = Literal["actor", "commentator", "source"]
ACTOR: Final = "actor"
COMMENTATOR: Final = "commentator"  # analysts, officials, journalists quoted about the network
SOURCE: Final = "source"  # news outlets and agencies the reporting cites: never part of the network

# Relation types. Directed ones read "source <type> target".
RelationType = Literal["family", "associate", "co_resided", "communicated_with", "member_of", "leader_of",
                       "recruited_by"]
FAMILY: Final = "family"
ASSOCIATE: Final = "associate"
CO_RESIDED: Final = "co_resided"
COMMUNICATED_WITH: Final = "communicated_with"
MEMBER_OF: Final = "member_of"
LEADER_OF: Final = "leader_of"
RECRUITED_BY: Final = "recruited_by"
RELATION_TYPES: tuple[RelationType, ...] = (FAMILY, ASSOCIATE, CO_RESIDED, COMMUNICATED_WITH, MEMBER_OF, LEADER_OF,
                                            RECRUITED_BY)
DIRECTED_TYPES: frozenset[str] = frozenset({MEMBER_OF, LEADER_OF, RECRUITED_BY})
# Event types: things people did rather than ties between them.
EventType = Literal["travel", "attack", "born", "died", "role"]
TRAVEL: Final = "travel"
ATTACK: Final = "attack"
# Life events: facts of one person's profile (shown on their page and timeline), never tie dates.
BORN: Final = "born"
DIED: Final = "died"
LIFE_EVENT_TYPES: tuple[EventType, ...] = (BORN, DIED)
# A role stated of a person ("X, a recruiter"): label is the role; a profile fact, not a tie.
ROLE: Final = "role"
RECRUITER = "recruiter"
EVENT_TYPES: tuple[EventType, ...] = (TRAVEL, ATTACK, BORN, DIED, ROLE)
# Ties that make two people close in the sense of complex contagion.
CLOSE_TYPES: frozenset[str] = frozenset({FAMILY, ASSOCIATE, CO_RESIDED})
# How a name came to be one of an entity's, and who made a join.
AliasKind = Literal["surface", "explicit", "variant", "analyst", "derived", "imported"]
JoinSource = Literal["auto", "analyst"]


def _checked(value: str, kind: object, what: str) -> str:
    allowed = get_args(kind)
    if value not in allowed:
        raise ValueError(f"unknown {what} '{value}' (one of {', '.join(sorted(allowed))})")
    return value


# Checked conversions where a type or role is computed from text: a misspelt one fails where it is
# made, not in a later stage.
def as_entity_type(value: str) -> EntityType:
    return cast(EntityType, _checked(value, EntityType, "entity type"))


def as_mention_type(value: str) -> MentionType:
    return cast(MentionType, _checked(value, MentionType, "mention type"))


def as_role(value: str) -> Role:
    return cast(Role, _checked(value, Role, "role"))


def as_relation_type(value: str) -> RelationType:
    return cast(RelationType, _checked(value, RelationType, "relation type"))


def as_event_type(value: str) -> EventType:
    return cast(EventType, _checked(value, EventType, "event type"))


@dataclass
class Document:
    """One ingested report. `duplicate_of` points at the original when this is a copy."""

    id: str
    path: str
    title: str
    text: str
    content_hash: str
    date: str | None = None  # ISO date (or year) stated by the document itself
    duplicate_of: str | None = None
    original: str = ""  # the file's text as read, before cleaning ("" when not kept)
    # (cleaned offset, original offset) at the start of each run of text copied unchanged
    offset_map: list[tuple[int, int]] = field(default_factory=list)

    def original_offset(self, position: int) -> int | None:
        """Where cleaned-text position `position` is in `original`; None when no map was kept."""
        if not self.offset_map:
            return None
        lo, hi = 0, len(self.offset_map) - 1
        while lo < hi:  # the last run starting at or before `position`
            mid = (lo + hi + 1) // 2
            if self.offset_map[mid][0] <= position:
                lo = mid
            else:
                hi = mid - 1
        clean, orig = self.offset_map[lo]
        return orig + max(0, position - clean)

    def original_span(self, start: int, end: int) -> tuple[int, int] | None:
        """The span of the original text that cleaned text[start:end] was copied from."""
        first = self.original_offset(start)
        if first is None:
            return None
        last = self.original_offset(max(start, end - 1))
        return first, (last if last is not None else first) + (1 if end > start else 0)


@dataclass(frozen=True)
class Evidence:
    """A verbatim sentence that states a tie, with where it is: `start`/`end` index the cleaned
    Document.text; `Document.original_span` gives the same sentence's place in the file as read."""

    document_id: str
    text: str
    start: int
    end: int
    hedged: bool = False


@dataclass(frozen=True)
class DateSource:
    """Where the date of a tie or event came from, so that every date shown can say so.

    `basis` is "stated" (the clause gives it: `words` = "in March 2015") or "relative" (`words`
    = "two weeks later", counted from `anchor`, a date earlier in the text or the report's date:
    `anchored_to` = "text" | "document"). A tie with no date in its clause has no DateSource;
    analysis may then place it by its report's date and says so.
    """

    basis: str
    words: str = ""
    anchor: str | None = None
    anchored_to: str | None = None


@dataclass
class Mention:
    """A span of a document that names something. Offsets index Document.text."""

    document_id: str
    start: int
    end: int
    text: str
    type: MentionType
    sentence: int = 0  # index of the sentence within the document
    role: Role = ACTOR
    local_id: str = ""  # the within-document cluster this mention was resolved into


@dataclass
class Alias:
    """One surface form of an entity and how it came to be joined to it."""

    name: str
    kind: AliasKind = "surface"
    document_id: str | None = None


@dataclass
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: list[Alias] = field(default_factory=list)
    role: Role = ACTOR
    documents: list[str] = field(default_factory=list)
    mention_count: int = 0

    def alias_names(self) -> list[str]:
        return sorted({a.name for a in self.aliases} | {self.name})


@dataclass
class Relation:
    """A tie between two entities, with the sentences that state it.

    `confidence` grows with the number of independent documents stating the tie and
    drops when every statement is hedged. `date` is the earliest date a stating clause gives,
    `date_source` where it came from.
    """

    source: str
    target: str
    type: RelationType
    evidence: list[Evidence] = field(default_factory=list)
    subtype: str | None = None
    hedged: bool = False
    confidence: float = 0.5
    date: str | None = None
    id: str = ""
    date_source: DateSource | None = None

    @property
    def directed(self) -> bool:
        return self.type in DIRECTED_TYPES

    def document_ids(self) -> set[str]:
        return {e.document_id for e in self.evidence}


@dataclass(frozen=True)
class MergeDecision:
    """Why two names were joined (or kept apart). Analyst decisions survive rebuilds."""

    entity_id: str
    name_a: str
    name_b: str
    reason: str
    score: float = 1.0
    source: JoinSource = "auto"
    document_id: str | None = None


@dataclass(frozen=True)
class MergeSuggestion:
    """Two entities that may be one, left apart because the evidence is a guess (a spelling
    variant, a shorter name missing the given name, a lone name that recurs). The analyst
    accepts or rejects it; nothing is merged until then."""

    entity_a: str
    entity_b: str
    name_a: str
    name_b: str
    reason: str
    score: float = 0.5
    document_ids: tuple[str, ...] = ()


@dataclass
class Event:
    """Something people did, with the sentences that say so: travel to a place, taking part in
    an attack. Participants are entity ids; `label` is how the text names it."""

    id: str
    type: EventType
    label: str
    participants: list[str]
    evidence: list[Evidence] = field(default_factory=list)
    place: str | None = None
    date: str | None = None
    hedged: bool = False
    date_source: DateSource | None = None


@dataclass
class Network:
    """What analysis works on: the resolved entities and the ties between them."""

    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity:
        for e in self.entities:
            if e.id == entity_id:
                return e
        raise KeyError(entity_id)


@dataclass
class LocalEntity:
    """One entity as a single document knows it, before cross-document resolution."""

    local_id: str
    document_id: str
    type: EntityType
    name: str  # the fullest name the document gives
    names: set[str] = field(default_factory=set)  # every surface form resolved into it
    explicit_aliases: set[str] = field(default_factory=set)  # names joined by an alias statement
    role: Role = ACTOR
    mention_count: int = 0


@dataclass
class LocalRelation:
    """A tie stated in one document, between two of its local entities."""

    document_id: str
    source: str  # local_id
    target: str  # local_id
    type: RelationType
    evidence: Evidence
    subtype: str | None = None
    date: str | None = None
    date_source: DateSource | None = None


@dataclass
class LocalEvent:
    """An event as one document states it; participants are local ids."""

    document_id: str
    type: EventType
    label: str
    participants: list[str]
    evidence: Evidence
    place: str | None = None
    date: str | None = None
    date_source: DateSource | None = None


@dataclass
class DocumentExtraction:
    """Everything extraction found in one document; the unit the store keeps per document."""

    document_id: str
    entities: list[LocalEntity] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[LocalRelation] = field(default_factory=list)
    merges: list[MergeDecision] = field(default_factory=list)
    events: list[LocalEvent] = field(default_factory=list)


DecisionAction = Literal["merge", "distinct", "rename"]


@dataclass(frozen=True)
class AnalystDecision:
    """An analyst's ruling on resolution, kept across rebuilds.

    `entity_a`/`entity_b` are the stable ids the analyst pointed at; `anchor_a`/`anchor_b` are the
    document-level entities those ids are derived from, so the decision holds whatever the
    entities are called later. The names are kept for people reading the log (and for decisions
    made before anchors existed)."""

    action: DecisionAction
    name_a: str
    name_b: str = ""
    entity_a: str = ""
    entity_b: str = ""
    anchor_a: str = ""
    anchor_b: str = ""
    reason: str = ""
    id: int = 0
    created_at: str = ""


@dataclass
class Resolution:
    """The resolved network as resolution hands it to the store: entities, ties, events, every
    join with its reason, and which document-level entities each entity holds."""

    entities: list[Entity]
    relations: list[Relation]
    decisions: list[MergeDecision]
    events: list[Event] = field(default_factory=list)
    members: dict[str, str] = field(default_factory=dict)  # local id -> entity id
    suggestions: list[MergeSuggestion] = field(default_factory=list)  # possible joins left to the analyst


@dataclass(frozen=True)
class EntitySummary:
    """One row of an entity listing: enough to show and sort without loading ties."""

    id: str
    type: EntityType
    name: str
    role: Role
    aliases: list[str]
    ties: int
    documents: int


@dataclass(frozen=True)
class DocumentSummary:
    id: str
    path: str
    title: str
    date: str | None
    duplicate_of: str | None
    words: int


@dataclass(frozen=True)
class Page[T]:
    """A slice of a longer listing: `total` says how long the whole listing is."""

    items: list[T]
    total: int
    offset: int
    limit: int
