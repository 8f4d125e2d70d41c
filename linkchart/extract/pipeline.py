"""The extraction pipeline: parsed paragraphs in, a DocumentExtraction out.

Steps, each a plain function or small class over the ParsedDocument:
names → types → alias statements → family context → within-document clusters → pronouns →
ties → roles. The Extractor holds the spaCy model and the lexicon and nothing else, so one
can be created per worker process.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

import numpy

from linkchart.extract.ages import stated_age
from linkchart.extract.aliases import AliasFinding, find_aliases
from linkchart.extract.assemble import assemble, local_events, roles_of
from linkchart.extract.candidates import Candidate, sentence_candidates
from linkchart.extract.clausedates import ClauseDater
from linkchart.extract.codefendants import codefendant_ties, counted_codefendant_ties
from linkchart.extract.coref import plural_referent, resolve_group_mentions, resolve_pair, resolve_pronoun
from linkchart.extract.document import PRONOUNS, ParsedDocument, hyphenated_words, join_hyphenated_words
from linkchart.extract.events import EventFinder, FoundEvent
from linkchart.extract.infobox import (
    infobox_aliases,
    infobox_ties,
    list_item_ties,
    type_field_values,
    type_list_items,
)
from linkchart.extract.kinship import (
    FamilyMention,
    counted_kin_ties,
    infer_full_names,
    kin_of_another,
    plural_possessor_ties,
    unresolved_given_names,
)
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.loading import load_model
from linkchart.extract.membership import MembershipFinder
from linkchart.extract.names import NameTyper, find_names, glued_label_infixes, official_clusters
from linkchart.extract.referents import section_subject_statements, unnamed_referent_statements, unnamed_referents
from linkchart.extract.relations import Participant, RelationFinder, Tie, join_spans
from linkchart.extract.rolefacts import RoleFinder, role_nouns
from linkchart.extract.roles import outsider_clusters, source_clusters, speaking_clusters, titled_clusters
from linkchart.extract.tie_model import TieModel
from linkchart.extract.within_doc import AliasStatement, NameOccurrence, cluster_names
from linkchart.model import (
    FAMILY,
    ORGANIZATION,
    PERSON,
    PLACE,
    Document,
    DocumentExtraction,
    Evidence,
    MergeDecision,
)
from linkchart.settings import Settings

# Footnote and section markers glued to words ("Wardani.[2]", "Mizan[edit]", "Thughur.¹⁸") split off,
# so that the name is a token of its own; the text itself is untouched.
_MARKER_INFIXES = (r'(?<=[\w.,;:"”’])\[(?=\^?\d{1,3}\b|\^?edit\b)', r"(?<=\w)[.,;:](?=\[\^?(?:\d{1,3}|edit)\b)",
                   r"(?<=[\w.,;:])[¹²³⁴⁵⁶⁷⁸⁹⁰]", r"(?<=\w)[.,;:](?=[¹²³⁴⁵⁶⁷⁸⁹⁰])",
                   r'(?<=\w)["”’](?=[.,;:]?\[\^?\d)', r'(?<=["”’])[.,;:](?=\[\^?\d)')


def adapt_tokenizer(nlp: Any) -> Any:
    from spacy.symbols import ORTH
    from spacy.util import compile_infix_regex

    infixes = list(nlp.Defaults.infixes)
    lex = Lexicon.load()
    extra = list(_MARKER_INFIXES) + glued_label_infixes(lex.factbox_labels)
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes + extra).finditer
    # 'co-defendants' is one word: split in three, the parse loses whose co-defendant is named.
    for word in {w for w in (*lex.person_triggers, *lex.co_offending) if w.startswith("co-")}:
        for form in (word, word + "s", word.capitalize(), word.capitalize() + "s"):
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp


class Extractor:
    def __init__(self, settings: Settings, nlp: Any | None = None) -> None:
        self.settings = settings
        self.nlp = adapt_tokenizer(nlp if nlp is not None else load_model())
        self.lex = Lexicon.load()
        self.typer = NameTyper(self.lex)
        self.relations = RelationFinder(self.lex)
        self.events = EventFinder(self.lex, self.relations)
        self.roles = RoleFinder(role_nouns(), self.lex.group_nouns, self.relations)
        self.membership = MembershipFinder(self.lex, self.relations)
        self.nickname_cues = self.lex.alias_nouns | {phrase[-1] for phrase in self.lex.alias_phrases}
        self.tie_model = TieModel.load()
        self.hyphenated = hyphenated_words(self.lex.kinship)

    def extract(self, document: Document, on_progress: Callable[[int, int], None] | None = None,
                candidates_out: list[Candidate] | None = None) -> DocumentExtraction:
        """One document. `on_progress(parsed, total)` hears about paragraphs parsed, for progress
        within a long file; `candidates_out`, when given, receives every candidate tie with its
        evidence (for training)."""
        paragraphs, offsets = _paragraphs(document.text, self.settings.max_sentence_chars * 4)
        windows = list(_batches(list(range(len(paragraphs))), self.window_chars, [len(p) for p in paragraphs]))
        if len(windows) > 1:
            return self._extract_windows(document, paragraphs, offsets, windows, on_progress, candidates_out)
        docs: list[Any] = []
        for batch in _batches(paragraphs, self.settings.parse_batch_chars):
            for doc in self._parse(batch):
                docs.append(doc)
                if on_progress is not None and len(docs) % 50 == 0:
                    on_progress(len(docs), len(paragraphs))
        return self.extract_parsed(document, docs, offsets, candidates_out)

    # A document longer than this is read a window of paragraphs at a time (see _extract_windows).
    window_chars = 300_000

    def _extract_windows(self, document: Document, paragraphs: list[str], offsets: list[int], windows: list[list[int]],
                         on_progress: Callable[[int, int], None] | None,
                         candidates_out: list[Candidate] | None) -> DocumentExtraction:
        """A long document (an inquiry report of a few hundred thousand words) is read a window
        of consecutive paragraphs at a time, each as if it were a document of its own, and only
        the compact records of each window are kept: memory stays that of one window, and the
        cost is linear in the length. A window's names meet the other windows' names as names
        of two documents do (cross-document resolution: the same full name is one person), so
        a window cuts no tie, only within-document joins across the cut (a bare surname far from
        the full name)."""
        out = DocumentExtraction(document.id)
        sentences = done = 0
        for number, window in enumerate(windows):
            base, end = offsets[window[0]], offsets[window[-1]] + len(paragraphs[window[-1]])
            part_doc = replace(document, text=document.text[base:end])
            docs: list[Any] = []
            for batch in _batches([paragraphs[k] for k in window], self.settings.parse_batch_chars):
                for doc in self._parse(batch):
                    docs.append(doc)
                    done += 1
                    if on_progress is not None and done % 50 == 0:
                        on_progress(done, len(paragraphs))
            part = self.extract_parsed(part_doc, docs, [offsets[k] - base for k in window], candidates_out)
            _join_window(out, part, base, sentences, f":w{number}" if number else "")
            sentences += sum(1 for doc in docs for _ in doc.sents)
        return out

    def extract_many(self, documents: Sequence[Document],
                     on_progress: Callable[[Document, int, int], None] | None = None,
                     ) -> Iterator[tuple[Document, DocumentExtraction | Exception]]:
        """Documents in order, each with its extraction or the error that stopped it (a failure
        stays with its document). The paragraphs of short documents go to the model together,
        since the model reads a few thousand words at once several times faster per word than a
        few dozen; a paragraph is parsed the same whatever else is in its batch."""
        for group in _groups(documents, self.settings.parse_batch_chars):
            if len(group) == 1:
                doc = group[0]
                try:
                    yield doc, self.extract(doc, functools.partial(on_progress, doc) if on_progress else None)
                except Exception as err:  # noqa: BLE001 - reported by the caller, the batch goes on
                    yield doc, err
                continue
            split = [_paragraphs(d.text, self.settings.max_sentence_chars * 4) for d in group]
            try:
                parsed = self._parse([p for paragraphs, _ in split for p in paragraphs])
            except Exception:  # noqa: BLE001 - the document that fails the model is found alone
                yield from self.extract_many(group[:1], on_progress)
                yield from self.extract_many(group[1:], on_progress)
                continue
            start = 0
            for doc, (paragraphs, offsets) in zip(group, split, strict=True):
                docs, start = parsed[start:start + len(paragraphs)], start + len(paragraphs)
                if on_progress is not None:
                    for done in range(50, len(docs) + 1, 50):
                        on_progress(doc, done, len(docs))
                try:
                    yield doc, self.extract_parsed(doc, docs, offsets)
                except Exception as err:  # noqa: BLE001 - reported by the caller, the batch goes on
                    yield doc, err

    def _parse(self, paragraphs: list[str]) -> list[Any]:
        """The model's reading of paragraphs, handed over in one batch. The tok2vec tensor (384
        bytes a token, more than the parse itself) is read by no extraction step: it is dropped."""
        docs = list(self.nlp.pipe(paragraphs, batch_size=max(1, len(paragraphs))))
        for doc, text in zip(docs, paragraphs, strict=True):
            doc.tensor = _NO_TENSOR
            if "-" in text:
                join_hyphenated_words(doc, self.hyphenated)
        return docs

    def extract_parsed(self, document: Document, docs: list[Any], offsets: list[int],
                       candidates_out: list[Candidate] | None = None) -> DocumentExtraction:
        """`candidates_out`, when given, receives every candidate tie with its evidence (for training)."""
        lex = self.lex
        names = self.typer.type_names(docs, [find_names(d, self.nickname_cues, lex.titles, lex.honorifics, lex.post_nominals,
                                                        lex.offices, lex.creeds, lex.factbox_labels)
                                             for d in docs])
        parsed = ParsedDocument.build(document.id, docs, offsets, names)
        type_field_values(parsed, self.lex, document.title)
        type_list_items(parsed, self.lex)
        aliases = find_aliases(parsed, self.lex) + infobox_aliases(parsed, self.lex, document.title)
        _align_alias_types(aliases)
        _propagate_person_parts(parsed)
        families = infer_full_names(parsed, self.lex)
        clustering = self._cluster(parsed, aliases, document.id, document.title)
        unresolved = set(clustering.unresolved)
        pronouns = self._resolve_pronouns(parsed, unresolved)
        decisions = clustering.decisions + self._join_pronoun_aliases(parsed, aliases, pronouns)
        pronouns.update(unnamed_referents(aliases))
        outsiders = outsider_clusters(parsed, lex, pronouns)
        self.membership.start_document(parsed, document.title)
        candidates, ties, events, denied = self._ties(parsed, pronouns, unresolved, families, outsiders)
        ties += self.tie_model.decide(candidates, lex, document.text, denied)
        if candidates_out is not None:
            candidates_out.extend(candidates)
        ties += infobox_ties(parsed, self.lex, document.title) + list_item_ties(parsed, self.lex)
        ties += self.membership.heading_rolls(parsed, document)
        ties += codefendant_ties(parsed, lex, outsiders) + counted_codefendant_ties(parsed, lex, outsiders)
        ties += counted_kin_ties(parsed, lex)
        ties += plural_possessor_ties(parsed, lex, ties)
        nameless = unresolved_given_names(parsed)
        ties = [t for t in ties if t.source not in nameless and t.target not in nameless]
        speakers = speaking_clusters(parsed, self.lex, pronouns)
        # A speaker tied to another person, or to a group whose members are tied to others in the
        # report (the network's group, not a police force), is part of the story, not a commentator.
        tied_people = {c for t in ties if t.type not in {"member_of", "leader_of"} for c in (t.source, t.target)}
        members: dict[str, set[str]] = {}
        for t in ties:
            if t.type in {"member_of", "leader_of"}:
                members.setdefault(t.target, set()).add(t.source)
        tied_people |= {c for group in members.values() if group & tied_people for c in group}
        commentators = {c for c in speakers | titled_clusters(parsed, lex) if c not in tied_people} | official_clusters(
            parsed.occurrences, self.lex.outsider_offices)
        sources = {c for c in source_clusters(parsed, self.lex) if c not in tied_people}
        dater = ClauseDater(document, parsed, pronouns)
        out = assemble(document, parsed, ties, roles_of(commentators, sources), unresolved, decisions,
                        clustering.unresolved, dater)
        out.events = local_events(document, parsed, events, {e.local_id for e in out.entities}, dater)
        return out

    def _cluster(self, parsed: ParsedDocument, aliases: list[AliasFinding], doc_id: str, title: str):  # type: ignore[no-untyped-def]
        kin_sentences = {k for k, (_, sent) in enumerate(parsed.sentences)
                         if any(t.lower_ in self.lex.kinship or t.lemma_.lower() in self.lex.kinship for t in sent)}
        occurrences = [NameOccurrence(o.id, o.text, o.type, o.sentence, o.full_name, o.sentence in kin_sentences,
                                      stated_age(parsed.paragraphs[o.paragraph], o.name) if o.type == PERSON else None)
                       for o in parsed.occurrences if o.type in {PERSON, ORGANIZATION}]
        statements = [AliasStatement(f.alias.id, f.referent.id, f.reason) for f in aliases
                      if f.referent is not None and f.referent.type == f.alias.type
                      and f.alias.type in {PERSON, ORGANIZATION}]
        statements += unnamed_referent_statements(aliases) + section_subject_statements(parsed, aliases)
        clustering = cluster_names(occurrences, statements, variant_floor=self.settings.variant_similarity, subject=title,
                                   document_id=doc_id, apart=kin_of_another(parsed, self.lex))
        for occ in parsed.occurrences:
            occ.cluster = clustering.cluster_of.get(occ.id)
        return clustering

    def _resolve_pronouns(self, parsed: ParsedDocument, unresolved: set[int]) -> dict[tuple[int, int], str]:
        out: dict[tuple[int, int], str] = {}
        recent: dict[tuple[int, int], str] = {}  # this paragraph's and the previous one's: all a pronoun looks back to
        for p, doc in enumerate(parsed.paragraphs):
            recent = {k: v for k, v in recent.items() if k[0] == p - 1}
            for tok in doc:
                if tok.lower_ in PRONOUNS:
                    cluster = resolve_pronoun(parsed, p, tok, unresolved, resolved=recent)
                    if cluster:
                        out[(p, tok.i)] = recent[(p, tok.i)] = cluster
        return out

    def _join_pronoun_aliases(self, parsed: ParsedDocument, aliases: list[AliasFinding],
                              pronouns: dict[tuple[int, int], str]) -> list[MergeDecision]:
        decisions = []
        shared = Counter(f.pronoun[1].i for f in aliases if f.pronoun is not None)
        for f in aliases:
            if f.pronoun is None:
                continue
            p, tok = f.pronoun
            target = pronouns.get((p, tok.i))
            if target == f.alias.cluster and not (f.alias.paragraph == p and f.alias.name.end <= tok.i
                                                   and f.alias.sentence == parsed.sentence_of(p, tok)):
                continue  # already one person: "gave him the name X" said of the man named before
            if target is None or target == f.alias.cluster:
                if shared[tok.i] > 1:
                    continue  # "Now known to be A, he was previously known as B": A and B, said of one man
                target = resolve_pronoun(parsed, p, tok, set(), exclude=f.alias.cluster, max_back=1)
                if target is None:
                    continue
                pronouns[(p, tok.i)] = target
            old = f.alias.cluster
            for occ in parsed.occurrences:
                if occ.cluster == old:
                    occ.cluster = target
            for key, value in pronouns.items():
                if value == old:
                    pronouns[key] = target
            name = next((o.text for o in parsed.occurrences if o.cluster == target and o is not f.alias), target)
            decisions.append(MergeDecision("", name, f.alias.text, f"{f.reason} (said of '{tok.text}')",
                                           document_id=parsed.document_id))
        return decisions

    def _ties(self, parsed: ParsedDocument, pronouns: dict[tuple[int, int], str], unresolved: set[int],
              families: list[FamilyMention], outsiders: set[str],
              ) -> tuple[list[Candidate], list[Tie], list[FoundEvent], frozenset[frozenset[str]]]:
        """Candidate ties of every sentence (for the scored decision), and the ties the rules state
        across sentences (a pair referred to as 'the two men', 'the X brothers'), and the pairs
        whose tie the document denies."""
        denied: set[frozenset[str]] = set()
        candidates: list[Candidate] = []
        ties: list[Tie] = []
        events: list[FoundEvent] = []
        places: dict[int, set[int]] = {}  # paragraph -> tokens of place names in it
        for o in parsed.occurrences:
            if o.type in {PLACE, ""}:
                places.setdefault(o.paragraph, set()).update(range(o.name.start, o.name.end))
        previous_subject: Participant | None = None
        groups = resolve_group_mentions(parsed, self.lex.group_nouns)
        groups.update({k: v for k, v in self.membership.references(parsed).items() if k not in groups})
        self.roles.start_document()
        for s, (p, sent) in enumerate(parsed.sentences):
            people = self._participants(parsed, p, sent, pronouns, unresolved, groups)
            events.extend(self.events.sentence_events(p, sent, people, set(places.get(p, ()))))
            roles, recruits = self.roles.sentence_facts(p, sent, people)
            events.extend(roles)
            ties.extend(recruits)
            ties.extend(self.membership.sentence_ties(parsed, p, sent, people, outsiders))
            if previous_subject is not None and parsed.sentences[s - 1][0] != p:
                previous_subject = None
            candidates.extend(sentence_candidates(self.relations, p, sent, people, previous_subject, outsiders))
            ties.extend(self._pair_ties(parsed, p, sent, unresolved, denied, people))
            subjects = [x for x in people if x.type == PERSON and x.token.dep_ in {"nsubj", "nsubjpass"}]
            previous_subject = subjects[0] if len({x.cluster for x in subjects}) == 1 else None
        ties.extend(_family_group_ties(parsed, families))
        return candidates, ties, events, frozenset(denied)

    def _pair_ties(self, parsed: ParsedDocument, p: int, sent: Any, unresolved: set[int],
                   denied: set[frozenset[str]], people: list[Participant]) -> list[Tie]:
        """What a plural referent ('the two men') states: a tie within the pair, and each one's
        tie to someone else the sentence names ('the two had been in contact with C')."""
        out = []
        for tok in sent:
            if not plural_referent(tok, self.lex.plural_referents):
                continue
            pair = resolve_pair(parsed, p, tok, unresolved)
            if pair is None:
                continue
            if self.relations.pair_denied(tok):
                denied.add(frozenset(pair))
                continue
            earlier = [s for s in parsed.paragraphs[p].sents if s.end <= sent.start
                       and {o.cluster for o in parsed.in_paragraph(p) if s.start <= o.name.start < s.end} >= set(pair)]
            antecedent = earlier[-1] if earlier else sent
            out += [t for t in (self.relations.pair_tie(p, sent, tok, pair, antecedent),
                                self.relations.pair_kinship(p, sent, tok, pair, antecedent)) if t is not None]
            for other in (x for x in people if x.type == PERSON and x.cluster not in pair):
                for member in pair:
                    tie = self.relations.tie_between(p, sent, Participant(member, PERSON, tok), other)
                    if tie is not None:
                        out.append(replace(tie, span=join_spans(antecedent, sent)))
        return out

    def _participants(self, parsed: ParsedDocument, p: int, sent: Any, pronouns: dict[tuple[int, int], str],
                      unresolved: set[int], groups: dict[tuple[int, int], str]) -> list[Participant]:
        out: list[Participant] = []
        seen: set[int] = set()
        for tok in sent:
            occ = parsed.by_token.get((p, tok.i))
            if occ is not None and occ.id not in seen and occ.cluster and occ.id not in unresolved:
                seen.add(occ.id)
                if occ.type in {PERSON, ORGANIZATION}:
                    out.append(Participant(occ.cluster, occ.type, parsed.head(occ)))
            elif (p, tok.i) in pronouns:
                out.append(Participant(pronouns[(p, tok.i)], PERSON, tok))
            elif (p, tok.i) in groups:
                out.append(Participant(groups[(p, tok.i)], ORGANIZATION, tok))
        return out


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _batches[T](paragraphs: Sequence[T], budget: int, sizes: Sequence[int] | None = None) -> Iterator[list[T]]:
    """Consecutive paragraphs of about `budget` characters together (`sizes`: their lengths,
    when the items are not the paragraphs themselves)."""
    batch: list[T] = []
    size = 0
    for k, paragraph in enumerate(paragraphs):
        batch.append(paragraph)
        size += sizes[k] if sizes is not None else len(paragraph)  # type: ignore[arg-type]
        if size >= budget:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def _join_window(out: DocumentExtraction, part: DocumentExtraction, base: int, sentences: int, suffix: str) -> None:
    """Add one window's records to the document's: offsets and sentence numbers count from the
    document's start, and each window's local ids are its own."""
    ids = {e.local_id: e.local_id + suffix for e in part.entities}

    def moved(evidence: Evidence) -> Evidence:
        return replace(evidence, start=evidence.start + base, end=evidence.end + base)

    for e in part.entities:
        e.local_id = ids[e.local_id]
    for m in part.mentions:
        m.start, m.end, m.sentence = m.start + base, m.end + base, m.sentence + sentences
        m.local_id = ids.get(m.local_id, m.local_id)
    for r in part.relations:
        r.source, r.target, r.evidence = ids.get(r.source, r.source), ids.get(r.target, r.target), moved(r.evidence)
    for ev in part.events:
        ev.participants, ev.evidence = [ids.get(c, c) for c in ev.participants], moved(ev.evidence)
    out.entities += part.entities
    out.mentions += part.mentions
    out.relations += part.relations
    out.merges += part.merges
    out.events += part.events


def _groups(documents: Sequence[Document], budget: int) -> Iterator[list[Document]]:
    """Consecutive documents of about `budget` characters together; a longer one alone."""
    group: list[Document] = []
    size = 0
    for doc in documents:
        if group and size + len(doc.text) > budget:
            yield group
            group, size = [], 0
        group.append(doc)
        size += len(doc.text)
    if group:
        yield group


def _paragraphs(text: str, max_chars: int) -> tuple[list[str], list[int]]:
    paragraphs, offsets = [], []
    pos = 0
    for line in text.split("\n"):
        if line.strip():
            for k in range(0, len(line), max_chars):
                paragraphs.append(line[k:k + max_chars])
                offsets.append(pos + k)
        pos += len(line) + 1
    return paragraphs, offsets


def _align_alias_types(aliases: list[AliasFinding]) -> None:
    """An alias names the same kind of thing as what it is an alias of."""
    for f in aliases:
        if f.referent is not None and f.referent.type != f.alias.type and f.referent.type:
            f.alias.name.type = f.referent.type
        elif f.referent is None and not f.alias.type:
            f.alias.name.type = PERSON  # "a man known as X", "he was known as X"


def _propagate_person_parts(parsed: ParsedDocument) -> None:
    """An untyped name that is part of a person's full name is that person's name."""
    tokens = {w for o in parsed.occurrences if o.type == PERSON and len(o.text.split()) > 1 for w in o.text.split()}
    for occ in parsed.occurrences:
        if not occ.type and all(w in tokens for w in occ.text.split()):
            occ.name.type = PERSON


def _family_group_ties(parsed: ParsedDocument, families: list[FamilyMention]) -> list[Tie]:
    """'The Abdeslam brothers': siblings among the people of that surname in the document."""
    ties = []
    for fam in families:
        members = sorted({o.cluster for o in parsed.occurrences if o.type == PERSON and o.cluster
                          and (o.full_name or o.text).split()[-1] == fam.surname
                          and len((o.full_name or o.text).split()) > 1})
        sentence = fam.token.sent
        for i, a in enumerate(members):
            for b in members[i + 1:]:
                ties.append(Tie(a, b, FAMILY, "sibling", False, fam.paragraph, sentence))
    return ties


