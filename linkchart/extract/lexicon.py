"""Word lists the extractor needs, loaded from the data files in linkchart/lexicon.

Lists hold language (kinship words, hedges, verbs of saying), never names of people or groups.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from linkchart.lexicon import rows, words


def _lines(name: str) -> list[list[str]]:
    return [list(row) for row in rows(name)]


def _words(name: str) -> frozenset[str]:
    return words(name)


# Word lists read by single rules, loaded once with the module.
UNIT_NOUNS = frozenset(r[0].lower() for r in rows("unit_nouns.txt") if "unit" in r[1:])
BRANCH_NOUNS = frozenset(r[0].lower() for r in rows("unit_nouns.txt") if "branch" in r[1:])
PART_NOUNS = frozenset(r[0].lower() for r in rows("unit_nouns.txt") if "part" in r[1:])
DEFENDANT_NOUNS = words("defendant_nouns.txt")
DEFENDANT_CLASS_NOUNS = frozenset(r[0].lower() for r in rows("defendant_nouns.txt") if "no_class" not in r[1:])
REFLEXIVE_JOINING = words("reflexive_joining.txt")
FIRM_FORMS = words("firm_forms.txt")


@dataclass(frozen=True)
class Lexicon:
    kinship: dict[str, str]  # word -> subtype
    person_triggers: dict[str, str]  # lemma -> relation type between two people
    group_triggers: dict[str, str]  # lemma -> relation type from a person to a group
    leader_words: frozenset[str]
    dwelling_nouns: frozenset[str]
    hedges: frozenset[str]
    negations: frozenset[str]
    speech_verbs: frozenset[str]
    commentator_nouns: frozenset[str]
    group_nouns: frozenset[str]
    person_nouns: frozenset[str]
    alias_phrases: tuple[tuple[str, ...], ...]  # tokenised, longest first
    alias_nouns: frozenset[str]
    source_verbs: frozenset[str]
    plural_referents: frozenset[str]
    doubt_nouns: frozenset[str]
    event_verbs: dict[str, str]  # lemma -> event type
    attack_nouns: frozenset[str]
    organisation_words: frozenset[str]
    adjunct_words: frozenset[str]
    site_nouns: frozenset[str]
    unasserted_marks: frozenset[str]
    infobox_fields: dict[str, str]  # field name -> alias | leader | member | family
    factbox_labels: frozenset[str]  # "Born", "Relatives": labels a copied fact box glues to their values
    person_verbs: frozenset[str]  # "drove", "was born": verbs whose subject is a person
    outsider_offices: frozenset[str]  # "Judge", "Minister": the office makes its holder an official
    creeds: frozenset[str]  # "Catholic", "Sunni", "Sri Lankan": creeds and peoples, never a person
    offices: frozenset[str]  # "Interior Minister", "District Judge": an office heading a name, not part of it
    titles: frozenset[str]  # titles to strip from a name (honorifics that belong to it are kept)
    post_nominals: frozenset[str]  # written after a name: 'Fiona Gallagher QC'
    honorifics: frozenset[str]  # every title and honorific: a name made only of these is no name
    joint_actions: dict[str, str]
    place_nouns: frozenset[str]
    locative_prepositions: frozenset[str]
    event_nouns: frozenset[str]
    outsider_nouns: frozenset[str]  # judges, lawyers, officials, victims: outside the network
    victim_verbs: frozenset[str]
    victim_nouns: frozenset[str]
    distributive_words: frozenset[str]
    co_offending: frozenset[str]

    @classmethod
    def load(cls) -> Lexicon:
        return _load()


@lru_cache(maxsize=1)
def _load() -> Lexicon:
    kinship = {row[0].lower(): row[1] for row in _lines("kinship.txt")}
    triggers = _lines("triggers.txt")
    person_triggers = {r[0]: r[1] for r in triggers if r[1] != "-"}
    group_triggers = {r[0]: r[2] for r in triggers if r[2] != "-"}
    commentators = _words("commentator_nouns.txt")
    person_nouns = _words("person_nouns.txt") | set(kinship) | commentators | {
        w for w, t in person_triggers.items() if t in {"associate", "co_resided"} and w.isalpha()
    }
    phrases = sorted((tuple(p[0].lower().split()) for p in _lines("alias_phrases.txt")), key=len, reverse=True)
    return Lexicon(
        kinship=kinship,
        person_triggers=person_triggers,
        group_triggers=group_triggers,
        leader_words=_words("leader_nouns.txt"),
        dwelling_nouns=_words("dwelling_nouns.txt"),
        hedges=_words("hedges.txt"),
        negations=_words("negations.txt"),
        speech_verbs=_words("speech_verbs.txt"),
        commentator_nouns=commentators,
        group_nouns=_words("group_nouns.txt"),
        person_nouns=frozenset(person_nouns),
        alias_phrases=tuple(phrases),
        alias_nouns=_words("alias_nouns.txt"),
        source_verbs=_words("source_verbs.txt"),
        plural_referents=_words("plural_referents.txt"),
        doubt_nouns=_words("doubt_nouns.txt"),
        event_verbs={r[0]: r[1] for r in _lines("event_verbs.txt")},
        attack_nouns=_words("attack_nouns.txt"),
        organisation_words=_words("organisation_words.txt"),
        adjunct_words=_words("adjunct_words.txt"),
        site_nouns=_words("site_nouns.txt"),
        unasserted_marks=_words("unasserted_marks.txt"),
        infobox_fields={r[0].lower(): r[1] for r in _lines("infobox_fields.txt")},
        offices=_words("office_words.txt"),
        creeds=_words("creed_words.txt"),
        outsider_offices=_words("outsider_offices.txt"),
        person_verbs=_words("person_verbs.txt"),
        factbox_labels=_words("factbox_labels.txt") | {r[0].lower() for r in _lines("infobox_fields.txt")},
        titles=frozenset(r[0] for r in _lines("titles.txt") if r[1:] not in (["keep"], ["after"])),
        post_nominals=frozenset(r[0] for r in _lines("titles.txt") if r[1:] == ["after"]),
        honorifics=_words("titles.txt"),
        joint_actions={r[0]: r[1] for r in _lines("joint_actions.txt")},
        place_nouns=_words("place_nouns.txt"),
        locative_prepositions=_words("locative_prepositions.txt"),
        event_nouns=_words("event_nouns.txt"),
        outsider_nouns=_words("outsider_nouns.txt") | (commentators - {"spokesman", "spokeswoman", "spokesperson",
                                                                        "director", "ceo", "author", "writer"}),
        victim_verbs=frozenset(r[0] for r in _lines("victim_verbs.txt") if r[1:] != ["noun"]),
        victim_nouns=frozenset(r[0] for r in _lines("victim_verbs.txt") if r[1:] == ["noun"]),
        distributive_words=_words("distributive_words.txt"),
        co_offending=_words("co_offending.txt"),
    )
