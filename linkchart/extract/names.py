"""Find the names in a parsed document and decide what each one names.

The statistical NER is a voter, not the judge: news about foreign networks is full of names it
has never seen ("Sharia4Belgium" tagged DATE, "Belkaïd" tagged ORG). A name's type is decided
by votes from every place it occurs in the document: the NER label, the syntactic slot
(apposition to "preacher" → person; object of "founder of" → group), shared tokens with a
person's full name, and the head noun of "the X network" → group. All occurrences of one string
then get one type (label consistency).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from linkchart.extract.lexicon import BRANCH_NOUNS, FIRM_FORMS, PART_NOUNS, UNIT_NOUNS, Lexicon
from linkchart.lexicon import words
from linkchart.model import ORGANIZATION, PERSON, PLACE
from linkchart.names import GENERATIONS, foreign_script
from linkchart.names import PARTICLES as NAME_PARTICLES

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

PARTICLES = NAME_PARTICLES | {"-"}  # "al-Kessabi": the hyphen after a particle joins too
# Inside an organisation's name as the NER sees it: "Institute for Security Studies".
_ORG_CONNECTORS = frozenset({"for", "of", "and", "on", "&", "voor", "pour", "für", "de", "del", "des", "du", "della"})
_CALENDAR = re.compile(
    r"^(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|"
    r"august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\.?$", re.IGNORECASE)
_GROUP_HEADS = frozenset({"organization", "organisation", "group", "movement", "front", "brigade", "brigades", "army",
                          "cell", "faction", "commando", "command", "nucleus", "cells"})
_NAME_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "DATE"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}
_REGNAL = words("regnal_titles.txt")  # "King Aldric", "Earl of Castlemere": a ruler's or noble's name follows
_KUNYA = words("kunya_words.txt")  # "Abu Tarek", "Umm Salma": a kunya is how people are called


@dataclass
class NameSpan:
    start: int  # token index
    end: int  # token index, exclusive
    text: str
    type: str = ""
    titled: str = ""  # the name with the title the text gives it ("Captain Ann Roe"): how it may be cited
    office: str = ""  # the noun set before it by a comma ("the new king of Spain, Philip III"): king
    forms: list[str] = field(default_factory=list)  # how the text also writes it: "Roe/Hale" (both names at once)
    _span: Span | None = field(default=None, init=False, repr=False, compare=False)

    def span(self, doc: Doc) -> Span:
        """The name's tokens in `doc` (made once: every step asks for them)."""
        span = self._span
        if span is None or span.doc is not doc or span.start != self.start or span.end != self.end:
            span = self._span = doc[self.start:self.end]
        return span

    @property
    def head_index(self) -> int:
        return self.end - 1


def glued_label_infixes(labels: frozenset[str]) -> list[str]:
    """Tokenizer infixes that split a fact-box label from the value a copied page glued to it
    ('RelativesAnn Roe', 'Leader(s)Ann Roe', 'Perpetratorsal-Qaeda') and a footnote digit from the
    words around it ('Roe1was'), so that the name is a token of its own; the text is untouched."""
    value = r"(?=[A-Z]|(?:al|el|an|ad|as|at|ash|ul)-)"
    out = [r"(?<=[a-z]{2})\d(?=[a-z]{2})"]
    for label in sorted(labels):
        if label.isalpha():
            cap = label[:1].upper() + label[1:]
            out.append(rf"(?<=\b{cap}){value}")
            out.append(rf"(?<=\b{cap}\(s\)){value}")
    return out


def _glued_label(tok: Token) -> bool:
    """'Born' in 'BornLagos', 'Leader(s)' in 'Leader(s)Ann Roe': a fact-box label the tokenizer split
    off the value glued to it (two words never touch otherwise)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return tok.text.endswith("(s)") or (tok.whitespace_ == "" and tok.is_alpha and nxt is not None
                                        and nxt.is_alpha and (nxt.text[:1].isupper() or nxt.lower_ in PARTICLES))


# One word after an Arabic article, "al-Andalus", "el-Mansura": a nisba borne alone is the surname of a
# full name the text gives (and votes person through it), else such a word names a place or a group.
_ARTICLE_WORD = re.compile(r"(?:[aA][lnrstdz]|[aA]sh|[eE]l)-[A-Z][a-z]+")
_ROMAN = re.compile(r"[IVXLC]+")  # "Henry VIII": a ruler's number, no acronym
_AYN_MARKS = frozenset({"‘", "ʿ", "ʾ", "’"})
_NUMBERED_ACRONYM = re.compile(r"^\d{1,3}[A-Z]{1,4}$")  # "17N": a group named by a date and an initial


def _capitals_run(tok: Token) -> bool:
    """A word in capitals beside another (a name set in capitals inside ordinary text)."""
    if not (tok.is_alpha and tok.text.isupper() and len(tok.text) > 1):
        return False
    doc = tok.doc
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.text.isupper() and len(t.text) > 1 for t in near)


def _is_name_token(tok: Token) -> bool:
    if _NUMBERED_ACRONYM.match(tok.text):
        return True
    if not tok.text[:1].isupper() or tok.like_num or (_CALENDAR.match(tok.text) and _is_date_word(tok)):
        return False
    if _capitals_run(tok):
        return True  # "the HARROW LANE CREW": a name set in capitals, whatever the tagger made of it
    if _glued_label(tok):
        return False
    if tok.pos_ == "PROPN":
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.lower_ in {"clan", "cartel", "gang"} and tok.text.istitle() and not tok.is_stop:
        return True  # "Roe clan": whatever the tagger made of the word, it names the clan
    if tok.is_upper and tok.is_alpha and 2 <= len(tok.text) <= 6 and tok.ent_type_ and not tok.is_sent_start:
        return True  # "to ISIL leader X": an acronym the NER reads as a name, whatever the tagger made of it
    # Unseen names come out as NOUN/X; accept them only where the NER saw a name too. A given
    # name that is also a verb ("Said Ferkous") counts when the NER reads it into a person's name.
    if tok.pos_ == "VERB":
        nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
        return (tok.ent_type_ == "PERSON" and tok.tag_ != "VBG" and nxt is not None and nxt.ent_type_ == "PERSON"
                and nxt.ent_iob_ == "I" and nxt.pos_ == "PROPN")
    return (tok.ent_type_ in _NAME_LABELS and tok.pos_ in {"NOUN", "X", "ADJ"}
            and not tok.is_sent_start and tok.ent_type_ != "NORP")


QUOTES = {"“": "”", '"': '"', "‘": "’", "'": "'"}  # opening mark -> closing mark


def _is_date_word(tok: Token) -> bool:
    """'March', 'Mon', but 'Jan' in 'Jan Kruse' is a given name: a short form counts as a date
    only next to a number or with its full stop; after 'named' it is a name ('a woman named April')."""
    doc = tok.doc
    if tok.i > 0 and doc[tok.i - 1].lower_ in {"named", "called"} and not tok.text.endswith(".") and not (
            tok.i + 1 < len(doc) and doc[tok.i + 1].like_num):
        return False
    if len(tok.text) > 4 or tok.text.endswith(".") or tok.ent_type_ == "DATE":
        return True  # "in the second week of June Roe met ...": the NER reads the month into the date
    near = [doc[i] for i in (tok.i - 1, tok.i + 1) if 0 <= i < len(doc)]
    return any(t.like_num for t in near) or not (tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper())


def closing_plural_title(token: Token) -> Token | None:
    """The plural title that closes the list a name stands in ('A, B, and C, Circuit Judges';
    'A and B, defence lawyers'), set after the last name as its conjunct or apposition."""
    if token.dep_ != "conj" and not any(c.dep_ in {"conj", "appos"} for c in token.rights):
        return None  # in no list
    first = token
    while first.dep_ == "conj" and first.head.i != first.i:
        first = first.head
    members, todo = [first], [first]
    while todo:
        for c in todo.pop().children:
            if c.dep_ in {"conj", "appos"}:
                members.append(c)
                todo.append(c)
    last = max(members, key=lambda t: t.i)
    doc = token.doc
    if (len(members) > 2 and last.i > token.i and last.tag_ in {"NNS", "NNPS"} and last.pos_ in {"NOUN", "PROPN"}
            and last.left_edge.i > 0 and doc[last.left_edge.i - 1].text == ","  # set off by a comma, not 'and'
            and not any(c.dep_ in {"det", "poss", "cc"} for c in last.children)  # not 'and its leaders'
            and all(m.pos_ == "PROPN" for m in members if m is not last)):
        return last
    return None


def find_names(doc: Doc, nickname_cues: frozenset[str] = frozenset(),
               titles: frozenset[str] = frozenset(), honorifics: frozenset[str] = frozenset(),
               post_nominals: frozenset[str] = frozenset(), offices: frozenset[str] = frozenset(),
               creeds: frozenset[str] = frozenset(), labels: frozenset[str] = frozenset()) -> list[NameSpan]:
    """Maximal runs of name tokens, joined across particles ("Abu Harith al-Kessabi"), and quoted
    nicknames where the text presents them as names (after a cue word such as "nickname", or in
    apposition to a name: 'Zaouri, "The Doctor", ...')."""
    names = [_without_title(doc, _without_office(doc, _without_label(doc, nm, labels), offices, creeds), titles,
                            post_nominals) for nm in _bracketed_given_names(doc, _name_runs(doc))]
    names = [nm for nm in names if not (nm.end - nm.start == 1 and _is_initial(doc[nm.start]))
             and not _a_label(doc, nm, labels) and not _legal_citation(doc, nm) and not _verse_reference(doc, nm)
             and not _plural_class(doc, nm)
             and not _cited_case_party(doc, nm)
             and not all(t.lower_.rstrip(".") in honorifics for t in doc[nm.start:nm.end])
             and not _only_an_office(doc[nm.start:nm.end], offices)
             and nm.text.lower() not in creeds and not _contact_line(doc, nm) and not _firm_name(doc, nm)
             and not _a_law(doc, nm)]
    names = _join_of_phrases(doc, names, offices | titles)
    names = _join_acronym_runs(doc, names)
    names = _nicknamed_names(doc, names)
    names = _join_possessive_groups(doc, names)
    names = _unit_descriptions(doc, names)
    names = _transcribed_names(doc, names)
    names = [part for nm in names for part in _split_after_regnal_number(doc, nm)]
    names = [_after_office_in_charge(doc, nm, offices) for nm in names]
    names += [nm for nm in _foreign_script_names(doc) if not any(n.start < nm.end and nm.start < n.end for n in names)]
    names += [nm for nm in _signing_judges(doc, offices) if not any(n.start < nm.end and nm.start < n.end for n in names)]
    names.sort(key=lambda nm: nm.start)
    for nm in names:
        nm.office = _office_before(doc, nm) or _office_after(doc, nm, offices) or _listed_office(doc, nm, offices)
        nm.forms += _without_acronym(doc, nm)
    _share_plural_titles(doc, names, offices)
    quoted = _quoted_nicknames(doc, names, nickname_cues)
    inside = [nm for nm in names if any(q.start <= nm.start and nm.end <= q.end for q in quoted)]
    return sorted([nm for nm in names if nm not in inside] + quoted, key=lambda nm: nm.start)


def _office_after(doc: Doc, name: NameSpan, offices: frozenset[str]) -> str:
    """'MARLOWE, District Judge.', 'Ann Roe, Chief Judge': an office set after the name by a comma,
    closing the line or sentence (how court opinions name their judges)."""
    k = name.end
    if k >= len(doc) or doc[k].text != ",":
        return ""
    k += 1
    start = k
    while k < len(doc) and k - start < 4 and doc[k].is_alpha and doc[k].text[:1].isupper():
        k += 1
    if k == start or (k < len(doc) and doc[k].text not in {".", ";", "\n"} and not doc[k].is_space):
        return ""
    last = doc[k - 1].lower_
    return last if last in offices else ""


def _share_plural_titles(doc: Doc, names: list[NameSpan], offices: frozenset[str]) -> None:
    """'Assistant U.S. Attorneys A and B': a plural title before a list of names is the office of
    every name in it, not only of the first, which it was read with."""
    by_token = {i: nm for nm in names for i in range(nm.start, nm.end)}
    for nm in names:
        if nm.office or nm.titled:
            continue
        first = doc[nm.start:nm.end].root
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        lead = by_token.get(first.i)
        if lead is None or lead is nm or not lead.titled or lead.titled == lead.text:
            continue
        title = lead.titled[: len(lead.titled) - len(lead.text)].split()
        if title and title[-1].endswith("s") and title[-1].lower().removesuffix("s") in offices:
            nm.office = title[-1].lower().removesuffix("s")


def _listed_office(doc: Doc, name: NameSpan, offices: frozenset[str]) -> str:
    """'Before A, B, and C, Circuit Judges': the office a plural title closing the list gives
    every name in it."""
    title = closing_plural_title(doc[name.start:name.end].root)
    if title is None:
        return ""
    word = title.lower_.removesuffix("s")
    return word if word in offices else ""


def _signing_judges(doc: Doc, offices: frozenset[str]) -> list[NameSpan]:
    """'ASHGROVE, District Judge.': a surname in capitals, then the judge's office after a comma,
    heads a court opinion: the tagger seldom reads the capitals as a name."""
    out = []
    for tok in doc:
        if (tok.is_alpha and tok.is_upper and len(tok.text) >= 3 and (tok.i == 0 or not doc[tok.i - 1].is_alpha)
                and _office_after(doc, NameSpan(tok.i, tok.i + 1, tok.text), offices)):
            out.append(NameSpan(tok.i, tok.i + 1, tok.text, PERSON))
    return out


def _after_office_in_charge(doc: Doc, name: NameSpan, offices: frozenset[str]) -> NameSpan:
    """'FBI Special Agent in Charge Ann Roe': 'Charge' ends the office ('Agent in Charge',
    'Officer in Charge'), the name is what follows."""
    k = name.start
    if (name.end - k > 2 and doc[k].text == "Charge" and k >= 2 and doc[k - 1].lower_ == "in"
            and _is_office(doc[k - 2], offices)):
        return NameSpan(k + 1, name.end, doc[k + 1:name.end].text, PERSON, doc[k - 2:name.end].text)
    return name


def _nicknamed_names(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """'Ramiro "El Toro" Vargas', "Ann 'Red' Roe": a nickname in quotation marks between the given
    name and the surname. One person's name; the text names him by the nickname and by the name
    without it too."""
    out: list[NameSpan] = []
    n = 0
    while n < len(names):
        first = names[n]
        nick, rest = (names[n + 1], names[n + 2]) if n + 2 < len(names) else (None, None)
        if (nick is not None and rest is not None and nick.start == first.end + 1 and rest.start == nick.end + 1
                and QUOTES.get(doc[first.end].text) == doc[nick.end].text and nick.end - nick.start <= 3
                and first.end - first.start <= 3 and rest.end - rest.start <= 3
                and all(t.is_alpha and t.text.istitle() for t in doc[first.start:first.end])
                and all(t.is_alpha and t.text[:1].isupper() for t in doc[rest.start:rest.end])
                and ORGANIZATION not in {first.type, nick.type, rest.type}):
            out.append(NameSpan(first.start, rest.end, doc[first.start:rest.end].text, PERSON,
                                forms=[nick.text, f"{first.text} {rest.text}"]))
            n += 3
            continue
        out.append(first)
        n += 1
    return out


def _bracketed_given_names(doc: Doc, runs: list[NameSpan]) -> list[NameSpan]:
    """'Jim (James) Roe', 'William (Willie) Roe': a given name, another form of it in brackets, then
    the surname: one name of one person, not three names."""
    out: list[NameSpan] = []
    n = 0
    while n < len(runs):
        first = runs[n]
        if n + 2 < len(runs):
            inner, rest = runs[n + 1], runs[n + 2]
            k = first.end
            if (first.end - first.start == 1 and inner.end - inner.start == 1 and k + 2 < len(doc)
                    and doc[k].text == "(" and inner.start == k + 1 and doc[inner.end].text == ")"
                    and rest.start == inner.end + 1 and rest.end - rest.start <= 2
                    and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper
                            for t in (doc[first.start], doc[inner.start], doc[rest.start]))):
                out.append(NameSpan(first.start, rest.end, f"{first.text} ({inner.text}) {rest.text}", first.type))
                n += 3
                continue
        out.append(first)
        n += 1
    return out


def _office_before(doc: Doc, name: NameSpan) -> str:
    """'the new king of Spain, Philip III', 'the prosecutor, Ann Roe': the noun heading the phrase a
    comma sets right before the name (an apposition the parser may miss)."""
    k = name.start - 2
    if k < 1 or doc[k + 1].text != ",":
        return ""
    while k > 0 and doc[k].pos_ == "PROPN":
        k -= 1  # "of Spain"
    if doc[k].lower_ == "of":
        k -= 1
    noun = doc[k]
    has_det = any(t.dep_ == "det" for t in noun.children)
    return noun.lower_ if noun.pos_ == "NOUN" and has_det else ""


def _join_of_phrases(doc: Doc, names: list[NameSpan], offices: frozenset[str] = frozenset()) -> list[NameSpan]:
    """'Army of the Faithful', 'Department of Justice', 'Earl of Castlemere': two runs of capitals joined by
    'of' ('of the') are one name, unless a person's name is followed by a place ('Roe of Leeds')."""
    out: list[NameSpan] = []
    for nm in names:
        prev = out[-1] if out else None
        if prev is not None and prev.end < len(doc) and doc[prev.end].lower_ in {"and", "&"} and nm.start == prev.end + 1 and (
                any(t.lower_ in _INSTITUTION_HEADS for t in doc[nm.start:nm.end])) and not any(
                t.lower_ in _INSTITUTION_HEADS - {"general"} or t.ent_type_ in {"PERSON", "GPE", "LOC"}
                for t in doc[prev.start:prev.end]):
            # "General Intelligence and Security Service": one institution, the head word at its end
            out[-1] = NameSpan(prev.start, nm.end, doc[prev.start:nm.end].text, ORGANIZATION)
            continue
        if prev is not None and prev.type != PERSON and nm.type != PERSON and prev.end < len(doc) and (
                doc[prev.end].lower_ == "of") and (nm.start == prev.end + 1 or (
                nm.start == prev.end + 2 and doc[prev.end + 1].lower_ == "the")):
            person = any(t.ent_type_ == "PERSON" for t in doc[prev.start:prev.end])
            place = all(t.ent_type_ in _PLACE_LABELS for t in doc[nm.start:nm.end])
            office = _is_office(doc[prev.end - 1], offices)  # "CEO of X", "Minister of Y": an office, not a name
            heads = _INSTITUTION_HEADS | _GROUP_HEADS
            office = office or (doc[prev.end - 1].lower_ in heads and doc[nm.end - 1].lower_ in heads)  # "Unit of the X Department"
            # "Ann Roe of the Leeds Institute": a person and where she works, not one name
            affiliation = person and prev.end - prev.start > 1 and all(
                t.ent_type_ == "PERSON" for t in doc[prev.start:prev.end]) and (
                nm.start == prev.end + 2 or any(t.lower_ in heads for t in doc[nm.start:nm.end]))
            if not (person and place) and not office and not affiliation and not any(
                    t.ent_type_ == "DATE" for t in doc[nm.start:nm.end]):
                out[-1] = NameSpan(prev.start, nm.end, doc[prev.start:nm.end].text, prev.type or nm.type)
                continue
            if person and place and not prev.titled and nm.start == prev.end + 1 and prev.end - prev.start > 1:
                prev.titled = doc[prev.start:nm.end].text  # "John Roe of Ashby": how he may be cited
        out.append(nm)
    return out


# Words an acronym passes over: "Front for the Liberation of X", "Sheriff's Department", "X – Y".
_ACRONYM_SKIPS = frozenset({"of", "the", "for", "and", "&", "on", "in", "al", "el", "de", "del", "des", "du", "la", "le",
                            "'s", "’s", "-", "–", "—"})
_SPELLED = re.compile(r"[A-Z][A-Z.&-]{2,11}")


def _join_acronym_runs(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """'the Popular Front for the Liberation of Kerr – Foreign Operations (PFLK-FO)', 'al-Qaeda in
    the Sahel Belt (AQSB)', 'the Dale County Sheriff's Office (DSO)': the words before an acronym in
    brackets whose initials spell it (small words, dashes and a possessive passed over; one word
    the acronym leaves out at most) are one group's name, however the runs of capitals fell in it.
    Only a run with such small words in it: capitals alone are one run already, and a person's
    name is seldom written with them ('Ann Kerr Roe (AKR)' stays as read)."""
    out = names
    for tok in doc:
        k = tok.i
        acronym = _bracketed_acronym(doc, k) if tok.text == "(" else None
        if acronym is None:
            continue
        start = acronym_run_start(doc, k, "".join(c for c in acronym if c.isalpha()))
        if start is None or not any(t.lower_ in _ACRONYM_SKIPS for t in doc[start:k]):
            continue
        inside = [n for n in out if start <= n.start and n.end <= k]
        if not inside or any(n.start < start < n.end or n.start < k < n.end for n in out) or (
                len(inside) == 1 and (inside[0].start, inside[0].end) == (start, k)) or any(
                n.type == PERSON for n in inside) or any(t.ent_type_ == "PERSON" for t in doc[start:k]):
            continue
        out = sorted([n for n in out if n not in inside] + [NameSpan(start, k, doc[start:k].text, ORGANIZATION)],
                     key=lambda n: n.start)
    return out


def _bracketed_acronym(doc: Doc, opening: int) -> str | None:
    """'(AQSB)', '(PFLK-FO)' (read as three tokens) after `opening`: the acronym, else None."""
    close = next((t.i for t in doc[opening + 1:opening + 5] if t.text == ")"), None)
    if close is None or close == opening + 1 or any(t.whitespace_ for t in doc[opening + 1:close - 1]):
        return None
    text = doc[opening + 1:close].text
    return text if _SPELLED.fullmatch(text) else None


def acronym_run_start(doc: Doc, opening: int, letters: str) -> int | None:
    """Where the run of words before `opening` starts whose capitals' initials spell `letters`
    (exactly, or with one word left out inside; an opening Arabic article's 'A' counted or not),
    within the sentence."""
    initials: list[str] = []
    loose = None
    floor = max(doc[opening].sent.start, opening - 3 * len(letters) - 4)
    for j in range(opening - 1, floor - 1, -1):
        tok = doc[j]
        if tok.lower_ == "al" and len(initials) >= 2 and "A" + "".join(initials) == letters:
            return j  # 'al-Qaeda in the Sahel Belt' for 'AQSB'
        if tok.lower_ in _ACRONYM_SKIPS:
            continue
        if not (tok.is_alpha and tok.text[:1].isupper()):
            break
        initials.insert(0, tok.text[0].upper())
        if len(initials) < 2:
            continue
        spelled = "".join(initials)
        if spelled == letters:
            return j
        if loose is None and len(spelled) == len(letters) + 1 and spelled[0] == letters[0] and spelled[-1] == letters[-1] and any(
                spelled[:m] + spelled[m + 1:] == letters for m in range(1, len(spelled) - 1)):
            loose = j
        if len(initials) > len(letters) + 1:
            break
    return loose


def _join_possessive_groups(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """'Islamic State's West Africa Province', 'the Provisional IRA's Harlow Road Gang': a group's
    branch named with the group's possessive is one name (the branch), when the name after the
    possessive ends in a group's head word and the possessor is no person."""
    out: list[NameSpan] = []
    for nm in names:
        prev = out[-1] if out else None
        if prev is not None and nm.start == prev.end + 1 and doc[prev.end].tag_ == "POS" and (
                doc[nm.end - 1].lower_ in _GROUP_HEADS | BRANCH_NOUNS
                and doc[nm.end - 1].text[:1].isupper()) and not any(
                t.ent_type_ == "PERSON" for t in doc[prev.start:prev.end]) and prev.type != PERSON:
            out[-1] = NameSpan(prev.start, nm.end, doc[prev.start:nm.end].text, ORGANIZATION)
            continue
        out.append(nm)
    return out




def _transcribed_names(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """'(Greek: ..., Kinisi tis Laikis Antistasis)': in brackets after a language label,
    a transcribed name keeps the lower-case words of its language; two names with one such word
    (no English word) between them are one name."""
    out: list[NameSpan] = []
    for nm in names:
        prev = out[-1] if out else None
        if prev is not None and nm.start == prev.end + 1 and _labelled_bracket(doc, prev.start):
            word = doc[prev.end]
            if word.is_lower and word.is_alpha and not word.is_stop and word.is_oov:  # no English word
                out[-1] = NameSpan(prev.start, nm.end, doc[prev.start:nm.end].text, prev.type or nm.type)
                continue
        out.append(nm)
    return out


# "I." could be an initial but "II." to "XIII." cannot; either way one given name comes before it.
_REGNAL_NUMBER = re.compile(r"(?:I{1,3}|IV|VI{1,3}|IX|XI{1,3})\.")


def _split_after_regnal_number(doc: Doc, name: NameSpan) -> list[NameSpan]:
    """'... a friend of Queen Mary II. Tom Roe's letters ...': a ruler's number that ends a
    sentence, then the next sentence's name; a middle initial ('Ann J. Roe') has one surname after it."""
    for k in range(name.start + 1, name.end - 2):
        if _REGNAL_NUMBER.fullmatch(doc[k].text) and doc[k - 1].text.istitle() and k - 1 == name.start and all(
                t.text.istitle() and t.is_alpha for t in doc[k + 1:name.end]):
            return [NameSpan(name.start, k + 1, doc[k - 1].text + " I", name.type),
                    NameSpan(k + 1, name.end, doc[k + 1:name.end].text, name.type)]
    return [name]


def _labelled_bracket(doc: Doc, start: int) -> bool:
    """Is token `start` inside brackets that open with a language label ('(Greek: ...')?"""
    for k in range(start - 1, max(start - 20, 0) - 1, -1):
        if doc[k].text in {")", "."}:
            return False
        if doc[k].text == "(":
            return k + 2 < start and doc[k + 2].text == ":" and doc[k + 1].text[:1].isupper()
    return False


def _unit_descriptions(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """'the London IRA gang', 'the Hamburg cell': a definite description of a unit made of names
    (a place, the parent group) and a unit noun names one unit; the whole phrase is the name, so
    that it can be resolved to the unit (and the parent's name in it is no mention of the parent)."""
    out = []
    for nm in names:
        k = nm.end
        if (nm.type != PERSON and nm.start > 0 and doc[nm.start - 1].lower_ == "the" and k < len(doc)
                and doc[k].lower_ in UNIT_NOUNS and doc[k].is_lower
                and all(t.text[:1].isupper() for t in doc[nm.start:k])
                and not any(t.ent_type_ == "PERSON" for t in doc[nm.start:k])
                and not (k + 1 < len(doc) and (doc[k + 1].text[:1].isupper() or doc[k + 1].lower_ == "of"))):
            out.append(NameSpan(nm.start, k + 1, doc[nm.start:k + 1].text, ORGANIZATION))
            continue
        if (nm.start > 0 and doc[nm.start - 1].lower_ == "the" and k - nm.start > 1 and doc[k - 1].is_upper
                and 2 <= len(doc[k - 1].text) <= 5 and doc[k - 1].is_alpha
                and all(t.ent_type_ in _PLACE_LABELS for t in doc[nm.start:k - 1])):
            nm.type = ORGANIZATION  # 'the London ASU': a place and a group's acronym
        out.append(nm)
    return out


def _foreign_script_names(doc: Doc) -> list[NameSpan]:
    """Names written in another script, as wiki leads give them after the English name
    ('X (Arabic: ...)'): runs of words in that script (with numbers between them). They stay
    untyped unless an alias statement ties them to a name."""
    out: list[NameSpan] = []
    i = 0
    while i < len(doc):
        if not foreign_script(doc[i].text):
            i += 1
            continue
        j = i + 1
        while j < len(doc) and (foreign_script(doc[j].text) or (
                doc[j].is_digit and j + 1 < len(doc) and foreign_script(doc[j + 1].text))):
            j += 1
        out.append(NameSpan(i, j, doc[i:j].text))
        i = j
    return out


def bracket_open(doc: Doc, end: int) -> int:
    """Where a bracket after a name would open: past a footnote mark ('X[1] (Arabic: ...)')."""
    k = end
    if k < len(doc) and doc[k].text == "]":
        k += 1  # the tokenizer glued "[1" to the name
    while k + 2 < len(doc) and doc[k].text == "[" and doc[k + 1].is_digit and doc[k + 2].text == "]":
        k += 3
    return k


def bracket_after(doc: Doc, end: int, limit: int = 120) -> int | None:
    """Index of the ')' closing a bracket opened right after a name (token `end`), if any."""
    if end >= len(doc) or doc[end].text != "(":
        return None
    depth = 0
    for k in range(end, min(end + limit, len(doc))):
        if doc[k].text in {"(", "["}:
            depth += 1
        elif doc[k].text in {")", "]"}:
            depth -= 1
            if depth == 0:
                return k if doc[k].text == ")" else None
    return None


def _quoted_nicknames(doc: Doc, names: list[NameSpan], cues: frozenset[str]) -> list[NameSpan]:
    ends = {nm.end for nm in names}
    bracketed = {k for nm in names if (shut := bracket_after(doc, nm.end)) for k in range(nm.end, shut)}
    out: list[NameSpan] = []
    for q, tok in enumerate(doc):
        close = QUOTES.get(tok.text)
        if close is None or q == 0:
            continue
        end = next((k for k in range(q + 1, min(q + 7, len(doc))) if doc[k].text == close), None)
        if end is None or end == q + 1:
            continue
        if doc[end - 1].text in {",", "."} and end - 1 > q + 1:
            end -= 1  # '"Wren," "Juno"': the comma inside the quote marks
        inner = doc[q + 1:end]
        words = [t for t in inner if t.is_alpha]
        glued = [t for t in inner if not t.is_alpha]  # "MS-13": a number glued to the name
        if not words or any(not (t.is_digit or t.text == "-") or t.whitespace_ for t in glued):
            continue
        described = _after_naming_verb(doc, q) and 2 <= len(words) <= 5 and len(words) == len(inner)
        if not described and not (words[-1].text[:1].isupper() and all(
                t.text[:1].isupper() or t.lower_ in {"the", "of", "al", "el"} for t in words)):
            continue  # ('became known as the "man without a face"': a nickname in lower case)
        before = doc[q - 1]
        apposed = before.text == "," and q - 1 in ends
        # '"A" or "B"', '"A", both spellings of B, and "the C"': the next quoted name of a list
        listed = bool(out) and before.lower_ in {"or", "and", ","} and q - out[-1].end <= 14
        if not (described or apposed or listed or before.lower_ in cues or before.lemma_.lower() in cues or q in bracketed):
            continue
        if any(nm.start < q + 1 < nm.end or nm.start < end < nm.end for nm in names):
            continue  # a name runs across the quote marks
        out.append(NameSpan(q + 1, end, inner.text))
    return out


_NAMING_VERBS = (("known", "as"), ("dubbed",), ("nicknamed",), ("referred", "to", "as"))


def _after_naming_verb(doc: Doc, q: int) -> bool:
    """Does the quotation mark at `q` follow 'known as (the)', 'dubbed (the)', 'nicknamed'?"""
    k = q - 1 if doc[q - 1].lower_ != "the" else q - 2
    return any(k - len(v) + 1 >= 0 and tuple(t.lower_ for t in doc[k - len(v) + 1:k + 1]) == v for v in _NAMING_VERBS)


def _caption_name(doc: Doc, span: Span, letters: list[Token]) -> bool:
    """'DANIEL R. HOLLOWAY,' alone on a line (a court caption's party): a line in capitals that
    is one person's name and nothing else, as the tagger reads it, is a name, not a headline."""
    return (len(span) <= 5 and all(t.ent_type_ == "PERSON" for t in span)
            and all(span.start <= t.i < span.end for t in letters))


def _name_runs(doc: Doc) -> list[NameSpan]:
    names: list[NameSpan] = []
    letters = [t for t in doc if t.is_alpha]
    headline = sum(t.is_upper for t in letters) * 2 >= len(letters)  # mostly capitals: "BOMB SUSPECT HELD"
    i = 0
    n = len(doc)
    while i < n:
        if not _is_name_token(doc[i]):
            i += 1
            continue
        start = _modifier_before_acronym(doc, _extend_back_over_particles(doc, i))
        if (start == i and i > 1 and doc[i - 1].pos_ == "ADJ" and doc[i - 1].text.istitle() and doc[i - 2].lower_ == "the"
                and not doc[i - 1].is_sent_start and doc[i - 1].ent_type_ != "NORP" and doc[i].ent_type_ != "PERSON"):
            start = i - 1  # "the Proletarian Dawn": a capitalised adjective after 'the' opens the name
        start = _dated_group_start(doc, start)  # "the 17 November Group"
        j = i + 1
        while j < n:
            if _is_name_token(doc[j]):
                j += 1
                continue
            if doc[j].text in _AYN_MARKS and doc[j - 1].whitespace_ == "" and j + 1 < n and (
                    _is_name_token(doc[j + 1]) or doc[j + 1].lower_ in PARTICLES):
                j += 1  # "Rabī‘ al-Ḥādī": the mark of a transcribed ayn ends a word of the name
                continue
            if doc[j].is_alpha and doc[j].like_num and doc[j].text[:1].isupper() and doc[j - 1].pos_ != "NUM":
                j += 1  # "the Harbury Four", "Maple Court Seven": a group named by its number
                break
            if doc[j].text in {"O", "Ó"} and j + 1 < n and doc[j + 1].pos_ == "PROPN" and doc[j - 1].pos_ == "PROPN":
                j += 1  # "Seamus O Duibhir": the Irish surname's particle, written without its apostrophe
                continue
            if _is_initial(doc[j]) and doc[j - 1].pos_ == "PROPN":
                j += 1  # "Abdelkrim A.", "Murat K.": the press abbreviates surnames
                continue
            if _bridges_number(doc, j):
                j += 2  # "Haqq 4 Flanders", "Dawa 4 Europe"
                continue
            if _number_in_name(doc, j):
                j += 2 if doc[j].text == "-" else 1  # "MS-13", "Force 17", "Brigade 2"
                break
            k = j
            while k < n and k - j < 2 and (doc[k].lower_ in PARTICLES) and (
                    doc[k].text.islower() or (doc[k].text == "-" and doc[k].whitespace_ == "")):  # "Roe - FBI": two things
                k += 1
            if k > j and k < n and _is_name_token(doc[k]):
                j = k + 1
            else:
                break
        j = _extend_glued(doc, j)
        while (bridged := _particle_bridge(doc, j)) > j:
            j = _extend_glued(doc, bridged)  # "Tanzeem-ul-Fath al-Islami": a particle after a hyphenated name
        if j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_.rstrip(".") in GENERATIONS and j - start > 1:
            j += 2  # "David Roe, Jr.": the son's name, not the father's
            if j < len(doc) and doc[j].text == "." and doc[j - 1].whitespace_ == "":
                j += 1
        start = _ordinal_start(doc, start, j)  # "the 18th Street gang"
        span = doc[start:j]
        if _is_dateline(doc, start, j):
            i = j
            continue
        if not (len(span) > 1 and all(t.text.isupper() for t in span if t.is_alpha)) or not headline or (
                _caption_name(doc, span, letters)):
            names.append(NameSpan(start, j, span.text))  # a line in capitals is a headline, not a name
        i = j
    return _join_org_entities(doc, names)


def _particle_bridge(doc: Doc, j: int) -> int:
    """Past ' al-Islami' at token `j` (a lower-case particle, then a name word), or `j`."""
    k = j
    while k < len(doc) and k - j < 2 and doc[k].lower_ in PARTICLES and (
            doc[k].text.islower() or (doc[k].text == "-" and doc[k].whitespace_ == "")):
        k += 1
    if k > j and doc[j].text != "-" and k < len(doc) and _is_name_token(doc[k]) and doc[k - 1].whitespace_ == "":
        k += 1
        while k < len(doc) and _is_name_token(doc[k]):
            k += 1
        return k
    return j


def _without_title(doc: Doc, name: NameSpan, titles: frozenset[str],
                   post_nominals: frozenset[str] = frozenset()) -> NameSpan:
    """'Dr. Volker Assmann', 'Witness Hollweg': the title is not part of the name, but says
    the name is a person's."""
    start, end = name.start, name.end
    while start < end - 1 and doc[start].lower_.rstrip(".") in titles and not _in_institution_name(doc, start):
        start += 1
    while end - 1 > start + 1 and doc[end - 1].lower_.rstrip(".") in post_nominals - GENERATIONS:
        end -= 1  # "Fiona Gallagher QC" (but "Jr." tells a son from his father: it stays)
    if (start, end) == (name.start, name.end):
        return name
    titled = doc[name.start:end].text if start > name.start else name.titled
    return NameSpan(start, end, doc[start:end].text, PERSON, titled)


def _without_acronym(doc: Doc, name: NameSpan) -> list[str]:
    """'the Ruritanian General Intelligence and Security Service RGIS': an institution's name with its
    acronym written after it (in whatever language) is also written without it."""
    if name.end - name.start < 4 or name.type == PERSON:
        return []
    last, head = doc[name.end - 1], doc[name.end - 2]
    if not (last.is_upper and last.is_alpha and 2 <= len(last.text) <= 6 and head.lower_ in _INSTITUTION_HEADS | _GROUP_HEADS
            and head.text[:1].isupper()):
        return []
    return [doc[name.start:name.end - 1].text]


_GROUP_WORDS = _GROUP_HEADS | words("group_nouns.txt") | UNIT_NOUNS | {"mafia"}  # a group's head words
_ACRONYM = re.compile(r"^[A-Z]{2,6}(?:-?\d{1,3})?$")  # "IRA", "MS-13"


def _type_group_short_forms(names: list[NameSpan], determined: set[str]) -> None:
    """'the Roe Mafia clan' ... 'the victory of the Roesi': one word that a group's name of the
    document opens with, followed there by group nouns only, and that the text sets after
    'the', is that group's short name, whatever the tagger made of the word."""
    groups = {n.text for n in names if n.type == ORGANIZATION}
    surnames = {n.text.split()[-1] for n in names if n.type == PERSON and len(n.text.split()) > 1}
    for n in names:
        if n.type != PERSON or " " in n.text or n.text not in determined or n.text in surnames:
            continue
        if any(g.startswith(n.text + " ") and all(w.lower() in _GROUP_WORDS for w in g.split()[1:]) for g in groups):
            n.type = ORGANIZATION


def _type_determined_acronyms(names: list[NameSpan], determined: set[str]) -> None:
    """'the IRA believed', 'the Provisional IRA': a name ending in an acronym that the text sets
    after 'the' is a group's or an institution's (people go by no acronym), when nothing else
    typed it (a tagger's place, 'the US', keeps its type)."""
    for n in names:
        last = n.text.split()[-1] if n.text.split() else ""
        if not n.type and n.text in determined and last.isupper() and last.isalpha() and 2 <= len(last) <= 6:
            n.type = ORGANIZATION


def _type_group_initials(names: list[NameSpan]) -> None:
    """'pressured TBS to cancel' after 'the Tokyo Broadcasting System': an untyped acronym that
    spells the initials of a group's or an institution's name in the same document is its name."""
    initials = {"".join(w[:1] for w in n.text.split() if w[:1].isupper()) for n in names
                if n.type == ORGANIZATION and len(n.text.split()) > 1}
    for n in names:
        if not n.type and _ACRONYM.match(n.text) and n.text in initials:
            n.type = ORGANIZATION


def _in_institution_name(doc: Doc, i: int) -> bool:
    """'the General Intelligence and Security Agency': a title word at the head of an
    institution's name that the tagger reads as one organisation is part of that name."""
    ent = next((e for e in doc.ents if e.start <= i < e.end), None)
    return ent is not None and ent.label_ == "ORG" and any(
        t.lower_ in _INSTITUTION_HEADS | _GROUP_HEADS for t in doc[i + 1:ent.end])


# Head words of institutions: "Justice Department", "District Court" are not a judge's name.
_INSTITUTION_HEADS = frozenset({"department", "court", "office", "division", "service", "services", "police",
                                "force", "forces", "corps", "unit", "agency", "bureau", "ministry", "council",
                                "committee", "party", "general", "league", "administration", "commission",
                                "headquarters", "staff", "command", "army"})


def _a_label(doc: Doc, name: NameSpan, labels: frozenset[str]) -> bool:
    """'Rank', 'Naib Ameer' heading a fact-box row (first on its line, or before ':' or '|')."""
    first = next((t.i for t in doc if not t.is_punct and not t.is_space), None)
    after = doc[name.end].text if name.end < len(doc) else ""
    return name.text.lower() in labels and (name.start == first or after in {":", "|"})


# "- (313) 226-9758", " - FBI 313.237.4218": a telephone number after a name (up to three words between)
_PHONE_AFTER = re.compile(r"^[\s\-–—:,]*(?:[A-Za-z.]+\s+){0,3}\(?\d{3}\)?[\s.\-]*\d{3}[\s.\-]\d{4}\b")


def _a_law(doc: Doc, name: NameSpan) -> bool:
    """'the Foreign Narcotics Kingpin Designation Act', 'the Terrorism Act': a statute, no actor."""
    return name.end - name.start > 1 and doc[name.end - 1].text in {"Act", "Acts"}


def _contact_line(doc: Doc, name: NameSpan) -> bool:
    """'Contact: Ann Roe - (555) 226-9758': a press office's contact, named with a telephone number,
    stands outside the story the release tells (like a byline)."""
    end = doc[name.end - 1].idx + len(doc[name.end - 1].text)
    return bool(_PHONE_AFTER.match(doc_text(doc)[end:end + 40]))


_TEXT: tuple[Doc | None, str] = (None, "")


def doc_text(doc: Doc) -> str:
    """`doc.text`, which spaCy joins anew from the tokens at every call: kept for the paragraph at
    hand (asked once per name, it made reading a long paragraph quadratic)."""
    global _TEXT
    if _TEXT[0] is not doc:
        _TEXT = (doc, doc.text)
    return _TEXT[1]


def _firm_name(doc: Doc, name: NameSpan) -> bool:
    """'Hill & Roe', 'Roe Melber LLP': partners' names joined by an ampersand or carrying a firm's
    legal form name a law or accounting firm (counsel listings of court opinions), not people."""
    before = doc[name.start - 1].text if name.start > 0 else ""
    after = doc[name.end].text if name.end < len(doc) else ""
    last = doc[name.end - 1].lower_
    if last in FIRM_FORMS or after.lower() in FIRM_FORMS:
        return True
    if before == "&":
        return not (name.end - name.start > 1 and _capitals_before(doc, name.start - 1) > 1)
    if after == "&":
        n = _capitals_after(doc, name.end + 1)
        return not (name.end - name.start > 1 and n > 1 and not any(
            t.lower_ in FIRM_FORMS for t in doc[name.end + 1:name.end + 1 + n]))
    return False


def _capitals_before(doc: Doc, k: int) -> int:
    n = 0
    while k - n - 1 >= 0 and doc[k - n - 1].text[:1].isupper() and doc[k - n - 1].is_alpha:
        n += 1
    return n


def _capitals_after(doc: Doc, k: int) -> int:
    """How many capitalised words run from token `k` (a name after '&': 'A Roe & Jan Poe' are two
    people, since a firm's name joins surnames: 'Hill & Roe', 'Davis Polk & Wardwell')."""
    n = 0
    while k + n < len(doc) and doc[k + n].text[:1].isupper() and doc[k + n].is_alpha:
        n += 1
    return n


def _legal_citation(doc: Doc, name: NameSpan) -> bool:
    """'240 F. Supp. 2d 242', '18 U.S.C. 2339B': a law report or code between two numbers."""
    before = doc[name.start - 1] if name.start > 0 else None
    k = name.end
    while k < len(doc) and (doc[k].text in {".", "2d", "3d", "4th"} or doc[k].text.endswith(".")) and not doc[k].like_num:
        k += 1
    after = doc[k] if k < len(doc) else None
    short = all(len(t.text.rstrip(".")) <= 5 for t in doc[name.start:name.end])
    return short and before is not None and before.like_num and after is not None and (
        after.like_num or after.text[:1].isdigit() or after.text == "§")


_VERSUS = frozenset({"v.", "vs.", "v"})


def _cited_case_party(doc: Doc, name: NameSpan) -> bool:
    """'United States v. Hammoud, 381 F.3d 316', 'Holder v. Humanitarian Law Project, 561 U.S. 1':
    a party of a case cited by its law report is a precedent's, not an actor of the text."""
    k = name.end
    if k < len(doc) and doc[k].lower_ in _VERSUS:
        while k < len(doc) and k - name.end < 10 and doc[k].text != ",":
            k += 1
    elif not (name.start > 0 and doc[name.start - 1].lower_ in _VERSUS):
        return False
    return (k + 3 < len(doc) and doc[k].text == "," and doc[k + 1].like_num and "." in doc[k + 2].text
            and not doc[k + 2].like_num and doc[k + 3].like_num)


_VERSE = re.compile(r"\d{1,3}:\d{1,3}")


def _verse_reference(doc: Doc, name: NameSpan) -> bool:
    """'Sura 2 : 130', 'John 3:16': a book's name before chapter and verse is a citation."""
    k = name.end
    if k < len(doc) and _VERSE.fullmatch(doc[k].text):
        return True
    return k + 2 < len(doc) and doc[k].text.isdigit() and doc[k + 1].text == ":" and doc[k + 2].text.isdigit()


def _plural_class(doc: Doc, name: NameSpan) -> bool:
    """'a haunt of Tory MPs': a name ending in an acronym's plural names a class of people."""
    last = doc[name.end - 1].text
    return name.end - name.start > 1 and len(last) > 2 and last.endswith("s") and last[:-1].isupper() and last[:-1].isalpha()


def _without_label(doc: Doc, name: NameSpan, labels: frozenset[str]) -> NameSpan:
    """'Allies Roe clan', 'Membership Calabrian Clan': a flattened fact-box row starts with its
    label, which is no part of the name after it."""
    first = next((t.i for t in doc if not t.is_punct and not t.is_space), None)
    if name.start != first or name.end - name.start < 2 or doc[name.start].lower_ not in labels:
        return name
    return NameSpan(name.start + 1, name.end, doc[name.start + 1:name.end].text, name.type)


def _only_an_office(span: Span, offices: frozenset[str]) -> bool:
    """'Attorney General', 'IRA Volunteer', 'Interior Minister': an office with no one's name."""
    return _is_office(span[-1], offices) and not any(t.ent_type_ == "PERSON" for t in span)


def _is_office(tok: Token, offices: frozenset[str]) -> bool:
    word = tok.lower_.rstrip(".")
    return word in offices or (word.endswith("s") and word[:-1] in offices)  # "Defendants Roe and Poe"


def _without_office(doc: Doc, name: NameSpan, offices: frozenset[str], creeds: frozenset[str] = frozenset()) -> NameSpan:
    """'U.S. District Court Chief Judge Ann B. Roe', 'Federal Interior Minister Jan Roe', 'Catholic
    Tom Roe': the office (with the institution or country before it) or the creed heads the run
    of capitals, the person's name is what follows its last word."""
    if name.end - name.start < 2:
        return name
    cut = None
    for k in range(name.start, name.end - 1):
        t = doc[k]
        if _is_office(t, offices):
            cut = k
    named = name.start > 0 and doc[name.start - 1].lower_ in {"of", "as", "named", "called"}  # "in the name of Nour Roe"
    grouped = name.end < len(doc) and doc[name.end].lower_ in _GROUP_WORDS  # "the Jamaat Ahl X faction": a group's name
    if cut is None and not named and not grouped and (doc[name.start].ent_type_ == "NORP" or doc[name.start].lower_ in creeds) and (
            name.end - name.start >= 3 and (all(t.ent_type_ == "PERSON" for t in doc[name.start + 1:name.end])
                                            or doc[name.start + 1].lower_ in _REGNAL)):
        cut = name.start  # "Catholic Tom Roe": a creed or people before a person's name
    if cut is None:
        return name
    rest = doc[cut + 1:name.end]
    nxt = doc[name.end] if name.end < len(doc) else None
    if any(t.ent_type_ in {"ORG", "GPE", "LOC", "NORP"} for t in rest) or (
            nxt is not None and nxt.lower_ in {"and", "of", "for"} and not any(t.ent_type_ == "PERSON" for t in rest)):
        return name  # "General Intelligence and Security Service": an institution's name goes on
    if (not rest[0].text[:1].isupper() or rest[0].lower_.rstrip(".") in offices
            or any(t.lower_ in _INSTITUTION_HEADS for t in rest) or not any(t.pos_ == "PROPN" for t in rest)):
        return name
    return NameSpan(cut + 1, name.end, rest.text, PERSON, doc[cut:name.end].text)  # "Judge Ann Roe"


def _used_as_word(head: Token) -> bool:
    """'Franco-Belgian' (an adjective), 'an Algerian who ...': a word, not the name of one actor."""
    if head.tag_ == "NNPS" and (head.ent_type_ == "NORP" or not any(c.dep_ == "det" for c in head.children)):
        return True  # "Belgians", "Frenchmen": a people, not a group with members
    return head.dep_ == "amod" or any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)


def _ner_label(span: Span) -> str | None:
    labels = Counter(t.ent_type_ for t in span if t.ent_type_)
    if not labels:
        return None
    label = labels.most_common(1)[0][0]
    if label == "PERSON":
        return PERSON
    if label == "ORG":
        return ORGANIZATION
    return PLACE if label in _PLACE_LABELS else None


def _entity_across_and(doc: Doc, name: NameSpan) -> bool:
    """'A B & C D' read by the NER as one entity: a firm's reading of two names that the name
    reader keeps apart (each a full name) says nothing of what either of them is."""
    after = doc[name.end] if name.end < len(doc) else None
    return (after is not None and after.text in {"&", "and"} and after.ent_iob_ == "I") or (
        name.start > 0 and doc[name.start - 1].text in {"&", "and"} and doc[name.start].ent_iob_ == "I")


def _continued_by_a_personal_pronoun(doc: Doc, name: NameSpan, head: Token) -> bool:
    """The name is the subject of its sentence's main verb and the only name there, and the next
    sentence opens with 'he' or 'she' as its subject: the pronoun can only continue it."""
    sent = head.sent
    if head.dep_ not in {"nsubj", "nsubjpass"} or head.head.dep_ != "ROOT" or sent.end >= len(doc):
        return False
    if any(t.ent_type_ in {"PERSON", "ORG", "NORP"} or (t.pos_ == "PROPN" and not t.ent_type_)
           for t in sent if not name.start <= t.i < name.end):  # (a date or a place is no one 'he' could be)
        return False
    first = doc[sent.end]
    return first.lower_ in {"he", "she"} and first.dep_ in {"nsubj", "nsubjpass"}


def _of_a_person(tok: Token) -> bool:
    """'of' after a person's name or age: 'Ann Roe, 20, of Leeds', 'Jan Poe of Kent'."""
    prep = tok.head
    if prep.lower_ != "of":
        return False
    owner = prep.head
    return owner.like_num or (owner.ent_type_ == "PERSON" and owner.pos_ == "PROPN")


def _is_initial(tok: Token) -> bool:
    return len(tok.text) == 2 and tok.text[0].isupper() and tok.text[1] == "."


def _bridges_number(doc: Doc, j: int) -> bool:
    """'Dawa 4 Europe'; 'Organization 4 March': a date inside a group's name (a date after
    a name is otherwise introduced by a preposition)."""
    if not (j + 1 < len(doc) and doc[j].is_digit and len(doc[j].text) <= 2 and doc[j - 1].whitespace_ != ""):
        return False
    nxt = doc[j + 1]
    return _is_name_token(nxt) or (bool(_CALENDAR.match(nxt.text)) and nxt.text[:1].isupper()
                                   and doc[j - 1].lower_ in _GROUP_HEADS)


def _dated_group_start(doc: Doc, start: int) -> int:
    """'the 17 November Group', 'the 2 June Movement': a day and a month before a group's head word
    open its name (a date alone is never a name token)."""
    if start < 3 or doc[start].lower_ not in _GROUP_HEADS or not doc[start].text[:1].isupper():
        return start
    month, day = doc[start - 1], doc[start - 2]
    if _CALENDAR.match(month.text) and len(month.text) > 3 and day.is_digit and len(day.text) <= 2:
        return start - 2
    return start


_ORDINAL = re.compile(r"\d{1,3}(?:st|nd|rd|th)")


def _ordinal_start(doc: Doc, start: int, end: int) -> int:
    """'the 18th Street gang', 'the 1st Battalion': an ordinal before a group's name opens it
    (a number alone is never a name token)."""
    if start == 0 or not _ORDINAL.fullmatch(doc[start - 1].text.lower()):
        return start
    heads = {doc[end - 1].lower_} | ({doc[end].lower_} if end < len(doc) else set())
    return start - 1 if heads & _GROUP_WORDS else start


def _number_in_name(doc: Doc, j: int) -> bool:
    """A number that ends a name: glued to an acronym by a hyphen ('MS-13') or inside a group's
    name as the NER reads it ('Force 17')."""
    if doc[j].text == "-" and j + 1 < len(doc) and doc[j - 1].whitespace_ == "" and doc[j].whitespace_ == "":
        return doc[j + 1].is_digit and doc[j - 1].text.isupper() and len(doc[j - 1].text) >= 2
    return (doc[j].is_digit and len(doc[j].text) <= 3 and doc[j].ent_type_ == "ORG" and doc[j].ent_iob_ == "I"
            and doc[j - 1].ent_type_ == "ORG")


def _extend_glued(doc: Doc, j: int) -> int:
    """A hyphenated place or name written as one word: "Montignies-sur-Sambre"."""
    k = j
    while k + 1 < len(doc) and doc[k - 1].whitespace_ == "" and doc[k].text == "-" and doc[k].whitespace_ == "":
        m = k + 1
        while m < len(doc) and doc[m - 1].whitespace_ == "" and doc[m].is_alpha and doc[m].is_lower and m - k < 3:
            m += 1
            if m < len(doc) and doc[m].text == "-" and doc[m - 1].whitespace_ == "" and doc[m].whitespace_ == "":
                m += 1
        if m < len(doc) and doc[m - 1].whitespace_ == "" and _is_name_token(doc[m]):
            k = m + 1
        else:
            break
    return k


def _join_org_entities(doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
    """Runs split by a connector inside one organisation name the NER recognised whole
    ("the Scheldt Institute for Security Studies") become one name."""
    for ent in doc.ents:
        if ent.label_ != "ORG":
            continue
        start = ent.start + (1 if ent[0].lower_ == "the" else 0)
        words = doc[start:ent.end]
        inner = [t for t in words if not t.is_punct]
        if len(inner) < 3 or not any(t.lower_ in _ORG_CONNECTORS for t in inner[1:-1]):
            continue
        if not all(t.lower_ in _ORG_CONNECTORS or t.text[:1].isupper() for t in inner):
            continue
        inside = [nm for nm in names if nm.start >= start and nm.end <= ent.end]
        if len(inside) < 2:
            continue
        names = [nm for nm in names if nm not in inside]
        names.append(NameSpan(start, ent.end, words.text, ORGANIZATION))
    return sorted(names, key=lambda nm: nm.start)


def _modifier_before_acronym(doc: Doc, start: int) -> int:
    """'the Real IRA', 'the Continuity IRA': a capitalised adjective before a group's acronym is part
    of its name (and makes it another group than the bare acronym). A people's adjective ('the
    Pakistani ISI') is not."""
    tok = doc[start]
    if not (tok.is_alpha and tok.is_upper and 2 <= len(tok.text) <= 6) or start == 0:
        return start
    mod = doc[start - 1]
    before = doc[start - 2] if start >= 2 else None
    if (mod.pos_ == "ADJ" and mod.is_alpha and mod.text.istitle() and mod.ent_type_ != "NORP"
            and before is not None and before.lower_ in {"the", "a", "an"}):  # (not 'Former IRA member X')
        return start - 1
    return start


def _extend_back_over_particles(doc: Doc, i: int) -> int:
    """'al Nasr', 'al-Fath': a lower-case article belongs to the name it precedes."""
    start = i
    while start > 0 and (doc[start - 1].lower_ in PARTICLES - {"-", "the", "la", "le", "de", "da", "du"}
                         or (doc[start - 1].text == "-" and start > 1 and doc[start - 2].lower_ in PARTICLES)):
        if doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ != "PROPN":
            break
        start -= 1
    return start


def _is_dateline(doc: Doc, start: int, end: int) -> bool:
    """'BEIRUT —' opening a paragraph is a dateline, not an actor."""
    return start == 0 and end < len(doc) and doc[end].text in {"—", "–", "-", ":"} and doc[start].text.isupper()


def _determined(doc: Doc, name: NameSpan, lex: Lexicon) -> bool:
    """A one-word name inside a noun phrase an article opens ('the Motion', 'the Roe chemical
    plant', 'a prominent Kent family'): English gives a person's bare name no article ('the Syrian',
    after 'as' or in quotes, is a nickname). The Roe brothers, the Roe family are kin, not places."""
    if name.end - name.start != 1 or name.start == 0:
        return False
    tok = doc[name.start]
    before = doc[name.start - 1]
    if before.text in QUOTES or tok.lower_ in PARTICLES:
        return False
    noun = tok.head if tok.dep_ == "compound" and tok.head.pos_ == "NOUN" else tok
    described = any(c.dep_ == "amod" and c.i < tok.i for c in noun.children)  # "a prominent Kent family"
    if noun.lemma_.lower() in lex.kinship or (noun.lemma_.lower() in {"family", "clan"} and not described):
        return False
    det = next((c for c in noun.children if c.dep_ == "det" and c.i < tok.i), None)
    if det is None and noun is tok and before.lower_ in {"the", "a", "an"}:
        det = before
    if det is None or det.lower_ not in {"the", "a", "an"}:
        return False
    return not (det.i > 0 and doc[det.i - 1].lower_ in {"as", "called", "named", "dubbed", "nicknamed"})


def _common_words(docs: list[Doc], names: list[list[NameSpan]]) -> set[str]:
    """One-word names that the document also writes in lower case as an ordinary word ('the
    motion', 'a department') and never uses inside a longer name: capitalised words, not people."""
    lower = {t.lower_ for doc in docs for t in doc if t.is_lower and t.is_alpha}
    lower |= {t.lemma_.lower() for doc in docs for t in doc if t.is_lower and t.is_alpha}
    in_longer = {w for ns in names for nm in ns if len(nm.text.split()) > 1 for w in nm.text.split()}
    return {nm.text for ns in names for nm in ns if len(nm.text.split()) == 1 and nm.text.lower() in lower
            and nm.text not in in_longer and len(nm.text) > 2}


def _title_case(doc: Doc) -> bool:
    """A headline in title case: nearly every longer word capitalised."""
    words = [t for t in doc if t.is_alpha and len(t) > 3]
    return len(words) >= 3 and sum(t.text[:1].isupper() for t in words) >= 0.8 * len(words)


def _headline_phrases(docs: list[Doc], names: list[list[NameSpan]]) -> set[str]:
    """Runs of capitals in a title-case headline made only of words the text writes in lower case
    elsewhere, and never found as a name outside headlines: a headline's capitals, not a name."""
    heads = [_title_case(doc) for doc in docs]
    if not any(heads):
        return set()
    lower = {t.lower_ for doc, head in zip(docs, heads, strict=True) if not head for t in doc if t.is_lower and t.is_alpha}
    elsewhere = {nm.text for ns, head in zip(names, heads, strict=True) if not head for nm in ns}
    return {nm.text for ns, head in zip(names, heads, strict=True) if head for nm in ns
            if nm.text not in elsewhere and (words := re.findall(r"[A-Za-z]+", nm.text))
            and all(w.lower() in lower for w in words)}


class Tally(dict[str, float]):
    """Weighted votes per label."""

    def __missing__(self, key: str) -> float:
        return 0.0

    def most_common(self, n: int | None = None) -> list[tuple[str, float]]:
        ranked = sorted(self.items(), key=lambda kv: -kv[1])
        return ranked if n is None else ranked[:n]


class NameTyper:
    """Votes on the type of every distinct name string in one document."""

    def __init__(self, lexicon: Lexicon) -> None:
        self.lex = lexicon

    def type_names(self, docs: list[Doc], names: list[list[NameSpan]]) -> list[list[NameSpan]]:
        """Type the names of every paragraph of one document together (label consistency)."""
        names = [self._attach_group_heads(doc, ns) for doc, ns in zip(docs, names, strict=True)]
        votes: dict[str, Tally] = defaultdict(Tally)
        # The NER labels one string the same way wherever it stands, so its repeated verdicts are
        # not independent evidence: n occurrences weigh sqrt(n), while each syntactic slot counts.
        counts = Counter(name.text for ns in names for name in ns)
        ner_person: Counter[str] = Counter()  # the NER's share of each name's person votes
        for doc, paragraph_names in zip(docs, names, strict=True):
            for name in paragraph_names:
                if foreign_script(name.text):
                    continue  # the English model cannot read it: its kind comes from the name it glosses
                for label, weight in self._occurrence_votes(doc, name):
                    votes[name.text][label] += weight
                ner = None if name.type or _used_as_word(name.span(doc)[-1]) or _entity_across_and(doc, name) else (
                    _ner_label(name.span(doc)))
                if ner:
                    votes[name.text][ner] += counts[name.text] ** -0.5
                    if ner == PERSON:
                        ner_person[name.text] += counts[name.text] ** -0.5
        self._propagate_person_tokens([n for ns in names for n in ns], votes)
        self._propagate_through_coordination(docs, names, votes)
        typed: list[list[NameSpan]] = []
        common = _common_words(docs, names)
        headline_words = _headline_phrases(docs, names)
        bare = {nm.text for doc, ns in zip(docs, names, strict=True) for nm in ns if not _determined(doc, nm, self.lex)}
        titled_words = {w for ns in names for nm in ns for w in nm.text.split() if not w.isupper()}
        for paragraph_names in names:
            for name in paragraph_names:
                tally = votes[name.text]
                ranked = tally.most_common(2)
                if ranked and ranked[0][1] > 0 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
                    name.type = ranked[0][0]
                if all(w in self.lex.kinship or w in {"in", "law"} for w in re.findall(r"[a-z]+", name.text.lower())):
                    name.type = ""  # "Brother-In-Law" in a fact box: a relation, not a name
                if name.type == PERSON and name.text in common and not name.titled:
                    name.type = ""  # "Motion", "Department": a word the text also writes in lower case
                if name.text in headline_words:
                    name.type = ""  # "Men Sentenced for Supporting Terrorist Group": a headline's capitals
                if name.type == PERSON and _ARTICLE_WORD.fullmatch(name.text) and not name.titled and (
                        tally[PERSON] - ner_person[name.text] < 1e-6):
                    name.type = ""  # "al-Andalus" only the NER reads as a person: a place, a group or a nisba alone
                if name.type == PERSON and name.text not in bare and not name.titled:
                    name.type = ""  # "the Government", "the Roe building", "a Kent family": never a person's own name
                first = name.text.split()[0] if name.text.split() else ""
                if name.type == PERSON and " " in name.text and not name.text.isupper() and (
                        first.isalpha() and first.isupper() and 2 <= len(first) <= 5 and not name.titled
                        and first.title() not in titled_words):
                    name.type = ORGANIZATION if tally[ORGANIZATION] > 0 else ""  # "ADX Florence": no one's name opens with an acronym
                last = name.text.split()[-1] if name.text.split() else ""
                if name.type == PERSON and " " in name.text and not name.text.isupper() and (
                        last.isalpha() and last.isupper() and 2 <= len(last) <= 5 and not _ROMAN.fullmatch(last)
                        and last.lower() not in self.lex.post_nominals and last.title() not in titled_words):
                    # "the Continuity IRA": no one's name ends in an acronym (a surname in capitals, 'Ann ROE',
                    # is written 'Roe' elsewhere in the text)
                    name.type = ORGANIZATION if tally[ORGANIZATION] > 0 else ""
                if name.type == PERSON and name.text.isupper() and name.text.isalpha() and len(name.text) <= 3:
                    name.type = ORGANIZATION if tally[ORGANIZATION] > 0 else ""  # "FBI", "NY": people go by no acronym
                elif (not name.type and _ACRONYM.match(name.text) and tally[ORGANIZATION] > 0
                      and name.text.title() not in titled_words):
                    name.type = ORGANIZATION  # "ISIS" (never written 'Isis'), the votes tied: an acronym the NER saw as a group
            typed.append(paragraph_names)  # untyped names stay: an alias statement may type them
        determined = {nm.text for doc, ns in zip(docs, names, strict=True) for nm in ns if _determined(doc, nm, self.lex)}
        _type_group_short_forms([n for ns in typed for n in ns], determined)
        after_the = {nm.text for doc, ns in zip(docs, names, strict=True) for nm in ns
                     if nm.start > 0 and doc[nm.start - 1].lower_ == "the"}
        _type_determined_acronyms([n for ns in typed for n in ns], after_the)
        _type_group_initials([n for ns in typed for n in ns])
        return typed

    def _attach_group_heads(self, doc: Doc, names: list[NameSpan]) -> list[NameSpan]:
        """'the Varga network' names a group: extend the name over its group noun."""
        out = []
        for name in names:
            nxt = name.end
            word = doc[nxt].lower_ if nxt < len(doc) else ""
            by_shape = word in {"clan", "cartel", "family", "gang"} and doc[nxt].is_lower and (
                doc[name.end - 1].lower_ in self.lex.organisation_words or word != "family")
            if (nxt + 1 < len(doc) and doc[nxt].pos_ == "ADJ" and doc[nxt].text.istitle() and doc[nxt + 1].is_lower
                    and doc[nxt + 1].lower_ in self.lex.organisation_words and doc[nxt + 1].pos_ == "NOUN"
                    and name.start > 0 and doc[name.start - 1].lower_ == "the"):
                nxt += 1  # "the Al-Noor Islamic school": a creed's or people's adjective before the institution noun
            if nxt < len(doc) and doc[name.end - 1].tag_ != "POS" and (by_shape or (
                    (doc[nxt].lemma_.lower() in self.lex.group_nouns or doc[nxt].lower_ in self.lex.organisation_words)
                    and doc[nxt].pos_ == "NOUN" and doc[nxt].is_lower and name.start > 0
                    and doc[name.start - 1].lower_ == "the")):
                # "the Varga network", "the Roe clan", "the Roe Mafia family", "the Al-Noor Islamic school"
                out.append(NameSpan(name.start, nxt + 1, doc[name.start:nxt + 1].text, ORGANIZATION))
            else:
                out.append(name)
        return out

    def _occurrence_votes(self, doc: Doc, name: NameSpan) -> list[tuple[str, float]]:
        if name.type in {ORGANIZATION, PERSON}:
            return [(name.type, 5.0)]  # set by the name's own shape: "the X network", "Dr. X"
        span = name.span(doc)
        if name.start > 0 and doc[name.start - 1].text in QUOTES and any(t.is_lower for t in span):
            return []  # a nickname in lower case ('"man without a face"'): the alias statement types it
        if len(span) > 1 and span[0].lower_ in _REGNAL and span[1].text[:1].isupper() or (
                len(span) > 2 and span[0].lower_ in _REGNAL and span[1].lower_ == "of"):
            return [(PERSON, 5.0)]  # "Earl of Castlemere", "Lord Roe", "Prince Aldric": a noble's name
        head = span[-1]
        votes: list[tuple[str, float]] = []
        if any(t.lower_ in self.lex.organisation_words for t in span) or (
                len(span) > 1 and span[-1].like_num and span[-1].is_alpha) or (
                len(span) > 1 and span[-1].text.istitle() and span[-1].lemma_.lower() in self.lex.group_nouns):
            votes.append((ORGANIZATION, 3.0))  # "Stichting Het Anker", "Jabhat al-Nasr", "the Harbury Six", "Red Dusk Faction"
        elif len(span) > 1 and (span[-1].lemma_.lower() in self.lex.site_nouns or span[-1].lower_ in self.lex.site_nouns):
            votes.append((PLACE, 3.0))  # "Sudsworth Launderette", "Blackthorn Estate": a place by its own head word
        if _used_as_word(head):
            return [(PLACE, 0.5)]  # "Franco-Belgian", "an Algerian who ...": not a name of one actor
        k = name.end
        if k + 1 < len(doc) and doc[k].tag_ == "POS" and doc[k + 1].text.istitle() and (
                doc[k + 1].lower_ in self.lex.site_nouns) and span[0].lower_.rstrip(".") in {"st", "saint"}:
            return [(PLACE, 5.0)]  # "St. James's Square": a saint's name that names a place
        anchor = head
        # "David Roe, Jr.": the suffix and its comma are no words of the name the NER has to tag.
        words = [t for t in span if not t.is_punct and t.lower_.rstrip(".") not in GENERATIONS]
        person_ner = len(words) > 1 and all(t.ent_type_ == "PERSON" for t in words)
        for _ in range(4):  # "in Solokuro, Lamongan, East Java": the places listed after the first
            if anchor.dep_ not in {"conj", "appos"} or anchor.head.i == anchor.i or person_ner:
                break
            anchor = anchor.head
        if head.dep_ == "pobj" and head.head.lower_ in self.lex.locative_prepositions:
            votes.append((PLACE, 2.5))  # "a store in Gilly": people are seldom 'in' anything
        elif any(t.dep_ == "pobj" and _of_a_person(t) for t in {head, anchor}) and not person_ner:
            votes.append((PLACE, 2.0))  # "Ann Roe, 20, of Leeds, Kent": where a person is from
        elif anchor is not head and anchor.dep_ == "pobj" and anchor.head.lower_ in self.lex.locative_prepositions:
            votes.append((PLACE, 2.0))
        elif head.dep_ == "pobj" and head.head.lower_ in {"to", "for", "into"} and self.lex.event_verbs.get(
                head.head.head.lemma_.lower()) == "travel":
            votes.append((PLACE, 1.5))  # "left for Raqqa": where one travels to is a place
        elif head.dep_ == "pobj" and head.head.lower_ in {"from", "of"} and not person_ner and (
                head.head.head.lemma_.lower() in self.lex.person_nouns and head.head.head.pos_ == "NOUN") and not (
                head.head.lower_ == "of" and (head.head.head.lemma_.lower() in self.lex.kinship
                                              or head.head.head.lemma_.lower() in self.lex.person_triggers)):
            # ("the widow of X", "an associate of X": kin and ties are had with people, not places)
            votes.append((PLACE, 1.5))  # "a bus driver from Hargeisa", "a student from the North Caucasus"
        if (k + 2 < len(doc) and doc[k].text == "," and doc[k + 1].is_digit and len(doc[k + 1].text) <= 3
                and 0 < int(doc[k + 1].text) <= 110 and doc[k + 2].text in {",", ";"}):
            votes.append((PERSON, 3.0))  # "Ann Roe, 23, a student": an age is stated of people
        elif (k + 2 < len(doc) and doc[k].text == "(" and doc[k + 1].is_digit and len(doc[k + 1].text) == 2
              and 14 <= int(doc[k + 1].text) <= 99 and doc[k + 2].text == ")" and not any(
                  t.is_upper or t.lower_ in self.lex.organisation_words or t.lemma_.lower() in self.lex.group_nouns
                  for t in span)):
            votes.append((PERSON, 3.0))  # "Tarek H. (34) was arrested": the press's age in brackets
        if len(span) > 1 and span[0].lower_ in _KUNYA and span[1].text[:1].isupper():
            votes.append((PERSON, 0.5))  # a kunya's shape: enough when nothing else speaks ('Abu X Brigade' outvotes it)
        if _continued_by_a_personal_pronoun(doc, name, head):
            votes.append((PERSON, 1.5))  # "X left Leeds in May. He was arrested in June": 'he' continues X
        title = closing_plural_title(head)
        if title is not None and {title.lemma_.lower(), title.lower_.removesuffix("s")} & (self.lex.person_nouns | self.lex.offices):
            votes.append((PERSON, 4.0))  # "before A, B, and C, Circuit Judges": the title names people
        said = self._copula_vote(head)
        if said:
            votes.append((said, 3.0))  # a definition outweighs how the NER reads the name's words
        slot = self._slot_vote(head)
        if slot == ORGANIZATION and person_ner and len(span) == 2 and (head.dep_ == "pobj" or (
                head.dep_ == "appos" and doc[name.start - 1].text == "," and self._inside_person_phrase(head.head))):
            # "under the command of Ann Roe": the NER's full name of a person stands; so it does set
            # off by a comma after a group noun that a person's phrase holds ("the leader of the cell,
            # Ann Roe"), where the parse hangs the apposition on the nearer noun ("the leader of the
            # group Ansar X", without the comma, names the group)
            slot = None
        if slot:
            votes.append((slot, 2.0))
        elif head.dep_ in {"nsubj", "nsubjpass"} and head.head.lemma_.lower() in self.lex.person_verbs and not any(
                t.lower_ in self.lex.organisation_words for t in span):
            votes.append((PERSON, 1.5))  # "X drove to Leeds", "X was born in 1960"
        if _ACRONYM.match(head.text) and head.ent_type_ not in _PLACE_LABELS:
            # "in the IRA", "members of MS-13": an acronym the tagger does not call a place is a
            # group's or an institution's; being 'in' it is membership
            votes = [(ORGANIZATION if label == PLACE else label, w) for label, w in votes]
        if name.start > 1 and doc[name.start - 1].lower_ in _GROUP_WORDS and doc[name.start - 2].lower_ == "the":
            votes.append((ORGANIZATION, 3.0))  # "involvement in the gang La Banda X": the group noun names it
        elif name.start > 1 and doc[name.start - 1].text in QUOTES and (
                doc[name.start - 2].lemma_.lower() in self.lex.group_nouns):
            votes.append((ORGANIZATION, 3.0))  # 'the terrorist organisation "X"': the group noun names it
        return votes

    def _inside_person_phrase(self, noun: Token) -> bool:
        """'the leader of the network', 'a man linked to the group': a noun in the phrase of a
        noun for a person (through prepositions and a participle), a few steps up."""
        for _ in range(4):
            if noun.dep_ not in {"pobj", "prep", "acl", "agent"} or noun.head.i == noun.i:
                return False
            noun = noun.head
            lemma = noun.lemma_.lower()
            if noun.pos_ == "NOUN" and (lemma in self.lex.person_nouns or lemma in self.lex.leader_words):
                return True
        return False

    def _copula_vote(self, head: Token) -> str | None:
        """'X is a Salafist organisation', 'X was an Italian criminal': what the copula says X is;
        'X was founded in 2011': groups are founded, people are born."""
        lex = self.lex
        gov = head.head
        if head.dep_ == "nsubjpass" and gov.lemma_.lower() in {"found", "establish", "disband", "dissolve"}:
            return ORGANIZATION
        if head.dep_ in {"pobj", "oprd"} and gov.lower_ == "as" and gov.head.lemma_.lower() in {"know", "call", "dub", "name"}:
            return self._plural_naming(gov.head)
        if head.dep_ != "nsubj" or gov.lemma_ != "be":
            return None
        attr = next((c for c in gov.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
        if attr is None:
            return None
        if attr.lemma_.lower() in lex.group_nouns or attr.lower_ in lex.organisation_words:
            return ORGANIZATION
        return PERSON if attr.lemma_.lower() in lex.person_nouns else None

    @staticmethod
    def _plural_naming(verb: Token) -> str | None:
        """'the defendants, known collectively as X', 'they are known as X': a name given to
        several people together names their group."""
        if any(c.lower_ in {"collectively", "together", "jointly"} for c in verb.children):
            return ORGANIZATION
        named = verb.head if verb.dep_ == "acl" else next(
            (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if named is not None and (named.tag_ in {"NNS", "NNPS"} or named.lower_ in {"they", "them"}):
            return ORGANIZATION
        return None

    def _slot_vote(self, head: Token) -> str | None:
        """The type the syntactic position of a name asks for, if any."""
        lex = self.lex
        dep = head.dep_
        gov = head.head
        if dep == "compound" and (gov.lower_ in lex.event_nouns or gov.lemma_.lower() in lex.place_nouns | lex.dwelling_nouns):
            return PLACE  # "the Verviers plot", "Jamioulx prison", "the Moulins district"
        if dep == "pobj" and gov.lower_ == "of" and gov.head.lemma_.lower() in lex.place_nouns | lex.site_nouns:
            return PLACE  # "the city of Verviers", "the manor of Ashby"
        if dep == "pobj" and gov.lower_ == "at" and gov.head.lemma_.lower() in lex.dwelling_nouns | lex.site_nouns and (
                head.ent_type_ != "ORG"):
            return PLACE  # "his home at Ashby", "the inn at Dunchurch": where a house or a site stands (a room
            # at a university the NER names is the institution's)
        if dep in {"appos", "attr"} or (dep == "compound" and gov.pos_ == "NOUN"):
            lemma = gov.lemma_.lower()
            if lemma in lex.place_nouns and dep == "appos":
                return PLACE
            if dep == "compound" and lemma in lex.leader_words | lex.group_triggers.keys():
                return ORGANIZATION  # "al Qaeda leader", "ISIS returnee"
            if lemma in lex.person_nouns and dep != "compound":
                return PERSON
            if lemma in lex.group_nouns:
                return ORGANIZATION
        for child in head.children:
            if child.dep_ in {"amod", "compound", "nmod"} and child.i < head.i and child.pos_ != "PROPN" and (
                    child.lower_ in lex.person_nouns or child.lemma_.lower() in lex.person_nouns):
                return PERSON  # "the accused Kocabey", "the witness Hollweg"
            if child.dep_ == "relcl" and any(c.lower_ in {"who", "whom", "whose"} for c in child.subtree
                                              if c.i < child.i):
                return PERSON  # "Kocabey, who had cooked": 'who' is said of people
            if child.dep_ == "appos":
                lemma = child.lemma_.lower()
                if lemma in lex.person_nouns:
                    return PERSON
                if lemma in lex.group_nouns:
                    return ORGANIZATION
                if lemma in lex.place_nouns:
                    return PLACE  # "Hollin Vale, a hillside estate"
            if child.dep_ == "case" and any(c.lemma_.lower() in lex.kinship for c in gov.subtree):
                return PERSON  # "Saleh's brother"
        if dep == "pobj" and gov.lower_ == "of" and gov.head.tag_ == "NN" and gov.head.lemma_.lower() in lex.kinship:
            return PERSON  # "the widow of X", "a cousin of X": kin of one is kin of a person
        if dep == "pobj" and gov.lower_ in {"of", "for"}:
            noun = gov.head
            if noun.lemma_.lower() in lex.leader_words | {"member", "members", "membership"}:
                return ORGANIZATION
            if gov.lower_ == "of" and noun.lemma_.lower() in PART_NOUNS and noun.tag_ == "NN":
                return ORGANIZATION  # "the Corleone faction of X", "the armed wing of X": a group's part is of a group
        if dep == "dobj" and gov.lemma_.lower() in {"join", "form", "found", "establish", "lead"}:
            return ORGANIZATION
        if dep in {"oprd", "attr", "xcomp", "dobj"} and gov.lemma_.lower() in {"call", "name", "dub"} and gov.dep_ == "acl":
            named = gov.head.lemma_.lower()  # "a militia group called the X", "a man named X"
            if named in lex.group_nouns or named in lex.organisation_words:
                return ORGANIZATION
            if named in lex.person_nouns or (gov.head.ent_type_ == "NORP" and gov.head.tag_ in {"NNP", "NN"}):
                return PERSON  # "a man named X", "a Moroccan named X"
        if dep in {"nsubj", "nsubjpass"} and any(
                c.dep_ in {"dobj", "pobj"} and c.lower_ in {"himself", "herself"} for c in gov.subtree):
            return PERSON
        return None

    def _propagate_through_coordination(self, docs: list[Doc], names: list[list[NameSpan]],
                                        votes: dict[str, Tally]) -> None:
        """Coordinated names are of one kind: 'al-Hamdani, Kocabey and Albers shared a flat'."""
        leaning = {text: tally.most_common(1)[0][0] for text, tally in votes.items() if tally}
        for doc, paragraph_names in zip(docs, names, strict=True):
            by_head = {nm.head_index: nm for nm in paragraph_names}
            for name in paragraph_names:
                head = doc[name.head_index]
                partners = [by_head.get(c.i) for c in head.children if c.dep_ == "conj"]
                if head.dep_ == "conj":
                    partners.append(by_head.get(head.head.i))
                for partner in partners:
                    if partner is not None and leaning.get(partner.text) == PERSON and partner.text != name.text:
                        # a full name beside a person's full name outweighs the NER's one reading of it
                        full = len(name.text.split()) > 1 and len(partner.text.split()) > 1
                        votes[name.text][PERSON] += 1.25 if full else 1.0

    def _propagate_person_tokens(self, names: list[NameSpan], votes: dict[str, Tally]) -> None:
        """A token of a person's full name names a person wherever it stands alone."""
        person_tokens: set[str] = set()  # lower case: 'El-Tayeb' opening a sentence is the 'el-Tayeb' of 'Karim el-Tayeb'
        for text, tally in votes.items():
            words = text.lower().split()
            if len(words) > 1 and tally and tally.most_common(1)[0][0] == PERSON:
                person_tokens.update(w for w in words if w not in PARTICLES and len(w) > 2)
        for name in names:
            words = name.text.lower().split()
            if name.type == ORGANIZATION or not words:
                continue
            if all(w in person_tokens for w in words) or (len(words) > 1 and words[-1] in person_tokens):
                votes[name.text][PERSON] += 1.5


def official_clusters(occurrences: list, offices: frozenset[str]) -> set[str]:  # type: ignore[type-arg]
    """Clusters a document cites with an office that stands outside the network ('Judge Ann Roe',
    'U.S. Attorney Jan Roe'): officials, whatever ties a sentence seems to give them."""
    out = set()
    for occ in occurrences:
        titled = occ.name.titled
        if occ.cluster and occ.type == PERSON and occ.name.office in offices:
            out.add(occ.cluster)  # "the new king of Spain, Philip III"
        if occ.cluster and occ.type == PERSON and titled and titled != occ.text:
            office = titled[: len(titled) - len(occ.text)].split()
            if office and any(w.lower().rstrip(".") in offices or w.lower().removesuffix("s") in offices for w in office):
                out.add(occ.cluster)
    return out
