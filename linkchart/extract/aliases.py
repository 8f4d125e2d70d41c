"""Alias statements: "also known as", "turned out to be", "identified as", "(ISIS)", quoted names.

Each statement yields the alias name and what it refers to: another name, a pronoun (resolved
later by coreference) or an unnamed noun phrase ("a man previously known as ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from linkchart.extract.document import PRONOUNS, Occurrence, ParsedDocument
from linkchart.extract.lexicon import Lexicon
from linkchart.extract.names import QUOTES, bracket_after, bracket_open
from linkchart.lexicon import words
from linkchart.names import acronym_forms, acronym_of, foreign_script, is_acronym, same_name_class

if TYPE_CHECKING:
    from spacy.tokens import Token

_SKIP_BEFORE_NAME = {*QUOTES, "the", "a", "an", "name", "of", ":", ",", "(", "previously", "later",
                     "his", "her", "their", "its", "is", "was"}
_RELATIVE = {"who", "that", "which", "whom"}
_REGNAL = words("regnal_titles.txt")
_OBJECT_VERBS = {"identify", "name", "call", "list", "register", "nickname", "dub"}


@dataclass
class AliasFinding:
    alias: Occurrence
    reason: str
    sentence: int
    referent: Occurrence | None = None
    pronoun: tuple[int, Token] | None = None  # (paragraph, token) to resolve by coreference
    unnamed: tuple[int, int, str] | None = None  # (sentence, noun token, verb lemma) of an unnamed referent


def find_aliases(parsed: ParsedDocument, lex: Lexicon) -> list[AliasFinding]:
    found: list[AliasFinding] = []
    starting: dict[str, list[tuple[str, ...]]] = {}  # the phrases by first word, in the lexicon's order
    for ph in lex.alias_phrases:
        starting.setdefault(ph[0], []).append(ph)
    for p, doc in enumerate(parsed.paragraphs):
        lower = [t.lower_ for t in doc]
        i = 0
        while i < len(doc):
            phrase = next((ph for ph in starting.get(lower[i], ()) if tuple(lower[i:i + len(ph)]) == ph), None)
            if phrase is None:
                i += 1
                continue
            alias = _name_after(parsed, p, i + len(phrase), lex.alias_nouns)
            if alias is not None and phrase == ("born",) and len(alias.text.split()) < 2:
                alias = None  # "born Leeds, 3 May 1960" names a place; a birth name is a full name
            if alias is not None and alias.type in {"person", "organization", ""}:
                verbs = [t for t in doc[i:i + len(phrase)] if t.pos_ in {"VERB", "AUX"}]
                anchor = verbs[0] if verbs else doc[i]
                finding = _referent(parsed, p, anchor, alias, " ".join(phrase), lex)
                if finding is None and phrase[0] in lex.alias_nouns:  # "under the nom de guerre X"
                    finding = _owner_of_name(parsed, p, doc[i], alias, lex)
                listed = _listed_after(parsed, p, finding) if finding is not None else []
                if finding is not None and listed and finding.unnamed is not None and (
                        doc[finding.unnamed[1]].tag_ in {"NNS", "NNPS"}):
                    finding = None  # 'two fighters known as A and B': each is one of them, not another name of one
                if finding is not None:
                    found.append(finding)
                    found.extend(listed)
            i += len(phrase)
        found.extend(_parenthetical_acronyms(parsed, p))
        found.extend(_bracketed_names(parsed, p, lex))
        found.extend(_alias_noun_statements(parsed, p, lex))
        found.extend(_separated_as_statements(parsed, p, lex))
        found.extend(_apposed_nicknames(parsed, p))
        found.extend(_self_naming(parsed, p, lex))
        found.extend(_slashed_names(parsed, p))
        found.extend(_noble_titles(parsed, p))
        found.extend(_defined_acronyms(parsed, p))
        found.extend(_paired_brackets(parsed, p))
    return _dedupe(found)


def _dedupe(found: list[AliasFinding]) -> list[AliasFinding]:
    seen: set[int] = set()
    out = []
    for f in found:
        if f.alias.id not in seen:
            seen.add(f.alias.id)
            out.append(f)
    return out


def _name_after(parsed: ParsedDocument, p: int, start: int, alias_nouns: frozenset[str] = frozenset()) -> Occurrence | None:
    doc = parsed.paragraphs[p]
    for j in range(start, min(start + 5, len(doc))):
        occ = parsed.by_token.get((p, j))
        if occ is not None:
            return occ
        if doc[j].lower_ not in _SKIP_BEFORE_NAME and doc[j].lemma_.lower() not in alias_nouns:
            return None
    return None


def _alias_noun_statements(parsed: ParsedDocument, p: int, lex: Lexicon) -> list[AliasFinding]:
    """'his kunya, Abu Hafs', 'earned him the nickname "The Doctor"', 'Kasmi's alias X':
    the name after an alias noun belongs to the noun's owner."""
    doc = parsed.paragraphs[p]
    out = []
    for noun in doc:
        if noun.pos_ not in {"NOUN", "PROPN", "X"} or noun.lemma_.lower() not in lex.alias_nouns or (p, noun.i) in parsed.by_token:
            continue
        lower = [t.lower_ for t in doc]  # after the whole alias phrase: "nom de guerre X"
        end = noun.i + max((len(ph) for ph in lex.alias_phrases if tuple(lower[noun.i:noun.i + len(ph)]) == ph), default=1)
        alias = _name_after(parsed, p, end)
        if alias is None or alias.type not in {"person", "organization", ""}:
            continue
        finding = _owner_of_name(parsed, p, noun, alias, lex)
        if finding is not None:
            out.append(finding)
    return out


def _owner_of_name(parsed: ParsedDocument, p: int, noun: Token, alias: Occurrence, lex: Lexicon) -> AliasFinding | None:
    """Whose name the alias noun introduces: its possessor, the one it was given to, or the
    subject of the verb it hangs on ('fought under the nom de guerre X')."""
    reason = f"named by '{noun.text}'"
    noun = next((t for t in [noun, *noun.ancestors] if t.dep_ not in {"compound", "amod", "nmod"}), noun)
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    verb = noun.head
    if owner is None and noun.dep_ in {"dobj", "attr"}:
        owner = next((c for c in verb.children if c.dep_ in {"dative", "iobj"}), None) or next(
            (c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if owner is None and verb.tag_ == "VBG":  # "X, using the pseudonym Y, rented ...": the participle's doer
            owner = verb.head if verb.dep_ == "acl" else _subject_of(verb)
    elif owner is None and noun.dep_ == "pobj" and verb.head.pos_ == "VERB":
        verb = verb.head  # "went by the kunya X"; "addressed him by the kunya X": the object
        objects = [c for c in verb.children if c.dep_ in {"dobj", "dative"}]
        owner = next((c for c in objects if c.pos_ in {"PROPN", "PRON"} or (p, c.i) in parsed.by_token), None)
        if owner is None and objects and verb.lemma_.lower() in words("giving_verbs.txt"):
            return None  # 'gave his small following a name: X': the name went to what was given it
        owner = owner or _subject_of(verb)
    if owner is None:
        return None
    return _from_token(parsed, p, _antecedent(owner), alias, reason, lex, verb)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, or of the verb it is coordinated with or subordinate to ('Roe went
    on the run, moving north and living under the alias X': Roe)."""
    for _ in range(4):
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None or verb.dep_ not in {"conj", "advcl", "xcomp"} or verb.head.i == verb.i:
            return subject
        verb = verb.head
    return None


def _separated_as_statements(parsed: ParsedDocument, p: int, lex: Lexicon) -> list[AliasFinding]:
    """'known to other fighters as X': an alias verb and its 'as' split by other words."""
    doc = parsed.paragraphs[p]
    verbs = {phrase[-2] for phrase in lex.alias_phrases if len(phrase) >= 2 and phrase[-1] == "as"}
    out = []
    for tok in doc:
        head = tok.head
        if tok.lower_ != "as" or head.i >= tok.i - 1 or head.lower_ not in verbs:
            continue
        alias = _name_after(parsed, p, tok.i + 1, lex.alias_nouns)
        if alias is None or alias.type not in {"person", "organization", ""}:
            continue
        finding = _referent(parsed, p, head, alias, f"alias statement '{head.text} ... as'", lex)
        if finding is not None:
            out.append(finding)
            out.extend(_listed_after(parsed, p, finding))
    return out


def _apposed_nicknames(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'Zaouri, "The Doctor", who left for Syria': a quoted name set beside a name."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in parsed.in_paragraph(p):
        q = occ.name.start - 1
        if q < 2 or doc[q].text not in QUOTES or doc[q - 1].text != ",":
            continue
        before = parsed.by_token.get((p, q - 2))
        if before is not None and before.id != occ.id and before.type in {"person", ""}:
            out.append(AliasFinding(occ, "quoted nickname beside the name", occ.sentence, referent=before))
    return out


def _self_naming(parsed: ParsedDocument, p: int, lex: Lexicon) -> list[AliasFinding]:
    """'X ... called himself Abu Ibrahim', 'she named herself Umm Y'."""
    doc = parsed.paragraphs[p]
    out = []
    for tok in doc:
        verb = tok.head
        if tok.lower_ not in {"himself", "herself"} or verb.lemma_.lower() not in _OBJECT_VERBS:
            continue
        alias = _name_after(parsed, p, tok.i + 1)
        if alias is None or alias.type not in {"person", ""}:
            continue
        holder = verb
        while not any(c.dep_ in {"nsubj", "nsubjpass"} for c in holder.children) and holder.dep_ == "conj":
            holder = holder.head  # "converted to Islam and thereafter called himself ..."
        subject = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            finding = _from_token(parsed, p, _antecedent(subject), alias, f"called {tok.text} by that name", lex, verb)
            if finding is not None:
                out.append(finding)
    return out


def _noble_titles(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'Henry Roe, 9th Earl of Kent': the title set beside a person's name is the name the text
    goes on to call him by ('the Earl of Kent')."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in parsed.in_paragraph(p):
        k = occ.name.end
        if occ.type != "person" or k + 1 >= len(doc) or doc[k].text != ",":
            continue
        k += 1
        if doc[k].like_num or doc[k].tag_ in {"CD", "JJ"} and doc[k].text[:1].isdigit():
            k += 1  # "9th"
        title = parsed.by_token.get((p, k))
        if title is not None and title is not occ and title.type == "person" and title.name.start == k and (
                doc[k].lower_ in _REGNAL):
            out.append(AliasFinding(title, "noble title beside the name", occ.sentence, referent=occ))
    return out


def _paired_brackets(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'"Finch" and "Heron" (Tom and Nora Roe)': two names, then in brackets two others in the
    same order: each names the person in its place."""
    doc = parsed.paragraphs[p]
    occs = sorted(parsed.in_paragraph(p), key=lambda o: o.name.start)
    out = []
    for n, second in enumerate(occs):
        opening = second.name.end + (1 if second.name.end < len(doc) and doc[second.name.end].text in _QUOTE_MARKS else 0)
        close = bracket_after(doc, opening, limit=12)
        if n == 0 or close is None:
            continue
        first = occs[n - 1]
        between = {t.text.lower() for t in doc[first.name.end:second.name.start]}
        if not (between <= {"and", "&"} | _QUOTE_MARKS and between & {"and", "&"}):
            continue
        inside = [o for o in occs if opening < o.name.start and o.name.end <= close]
        if len(inside) != 2:
            continue
        words = {t.text.lower() for t in doc[inside[0].name.end:inside[1].name.start]}
        if not words <= {"and", "&"} or inside[0].type not in {"person", ""} or inside[1].type not in {"person", ""}:
            continue
        out.append(AliasFinding(first, "names paired in order in brackets", first.sentence, referent=inside[0]))
        out.append(AliasFinding(second, "names paired in order in brackets", second.sentence, referent=inside[1]))
    return out


def _slashed_names(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'arrested Roe/Hale in 1999': one person's two surnames (maiden and married, real and
    assumed) written with a slash between them."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in parsed.in_paragraph(p):
        k = occ.name.end
        if occ.type != "person" or occ.name.end - occ.name.start != 1 or k + 1 >= len(doc):
            continue
        if doc[k].text != "/" or doc[k - 1].whitespace_ or doc[k].whitespace_:
            continue
        other = parsed.by_token.get((p, k + 1))
        if other is not None and other.type in {"person", ""} and other.name.end - other.name.start == 1:
            out.append(AliasFinding(other, "other name after a slash", occ.sentence, referent=occ))
            occ.name.forms.append(doc[occ.name.start:other.name.end].text)  # "Roe/Hale" is written so too
    return out


def _antecedent(tok: Token) -> Token:
    """The noun a relative pronoun stands for: 'Kasmi, who went by ...' -> Kasmi."""
    if tok.lower_ in _RELATIVE and tok.head.dep_ == "relcl":
        return tok.head.head
    if tok.lower_ == "whose":  # 'Roe, whose real name is X': the clause's antecedent
        clause = next((a for a in tok.ancestors if a.dep_ == "relcl"), None)
        if clause is not None:
            return clause.head
    return tok


def _referent(parsed: ParsedDocument, p: int, first: Token, alias: Occurrence, phrase: str,
              lex: Lexicon) -> AliasFinding | None:
    reason = f"alias statement '{phrase}'"
    if first.pos_ in {"NOUN", "PROPN", "X", "PUNCT", "ADV"} or phrase in {"aka", "a.k.a.", "alias"}:
        return _name_before(parsed, p, first, alias, reason)
    verb = first
    for _ in range(3):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if verb.dep_ == "acl":  # "a man (previously) known as X", "Khalid, known as X"
        if (p, verb.head.i) not in parsed.by_token and (named := _set_off_name_before(parsed, p, first)) is not None and (
                named is not alias and verb.head.i < named.name.start):
            # "the protest against X (1967–1974), also known as Y": the parse hangs the participle
            # on a noun further back; the name it is set off from is what Y names
            return AliasFinding(alias, reason, alias.sentence, referent=named)
        return _from_token(parsed, p, verb.head, alias, reason, lex, verb)
    candidates = []
    if verb.lemma_.lower() in _OBJECT_VERBS:  # (the alias itself may be the object: 'X, also called Y')
        candidates = [c for c in verb.children if c.dep_ == "dobj"
                      and not alias.name.start <= c.i < alias.name.end]
    if not candidates:
        holder = verb.head if verb.dep_ in {"advcl", "xcomp", "conj"} and verb.head.i != verb.i else verb
        candidates = [c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}]
        if not candidates and holder.i != verb.i:
            candidates = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not candidates:  # "X, code-named Y": the name before the whole phrase
        return _name_before(parsed, p, first, alias, reason, skip=frozenset(phrase.split()))
    return _from_token(parsed, p, _antecedent(candidates[0]), alias, reason, lex, verb)


def _set_off_name_before(parsed: ParsedDocument, p: int, first: Token) -> Occurrence | None:
    """The name that ends right before ', also known as': past 'also', the comma and one bracket."""
    doc = parsed.paragraphs[p]
    j = first.i - 1
    while j >= 0 and doc[j].lower_ in {"also", "previously", "later", "formerly"}:
        j -= 1
    if j < 0 or doc[j].text != ",":
        return None
    j -= 1
    if j >= 0 and doc[j].text == ")":
        j = next((k for k in range(j - 1, max(-1, j - 12), -1) if doc[k].text == "("), -1) - 1
    return parsed.by_token.get((p, j)) if j >= 0 else None


def _from_token(parsed: ParsedDocument, p: int, tok: Token, alias: Occurrence, reason: str, lex: Lexicon,
                verb: Token) -> AliasFinding | None:
    occ = parsed.by_token.get((p, tok.i))
    if occ is not None and occ is not alias:
        return AliasFinding(alias, reason, alias.sentence, referent=occ)
    if tok.lower_ in PRONOUNS:
        return AliasFinding(alias, reason, alias.sentence, pronoun=(p, tok))
    named = parsed.by_token.get((p, tok.head.i)) if tok.dep_ == "appos" else None
    if named is not None and named is not alias:  # "Zaouri, a student known as X"
        return AliasFinding(alias, reason, alias.sentence, referent=named)
    subject = _copula_subject(tok)
    if subject is not None and (named := parsed.by_token.get((p, subject.i))) is not None and named is not alias:
        return AliasFinding(alias, reason, alias.sentence, referent=named)  # "X was a unit (also known as Y)"
    if tok.pos_ == "NOUN":
        lemma = tok.lemma_.lower()
        person_noun = lemma in lex.kinship or lemma in lex.person_nouns
        if not person_noun and not alias.type and (kind := _kind_of_noun(lemma, lex)):
            alias.name.type = kind  # 'the prison known as X', 'a militia known as X': not a person's name
            return None
        # "Karim's son, known as X" names the son, not Karim; "X's loyalists, known as Y": theirs
        owner = None if person_noun or tok.tag_ in {"NNS", "NNPS"} else next(
            (t for t in tok.subtree if t.dep_ == "poss" and t.i < alias.name.start), None)
        if owner is not None and owner.i != tok.i:  # "his passport", "a passport bearing his photograph"
            found = _from_token(parsed, p, _antecedent(owner), alias, reason, lex, verb)
            if found is not None:
                return found
        return AliasFinding(alias, reason, alias.sentence, unnamed=(alias.sentence, tok.i, verb.lemma_.lower()))
    return None


def _kind_of_noun(lemma: str, lex: Lexicon) -> str:
    """What a common noun says a thing is: a group ('militia', 'network') or a place ('prison')."""
    if lemma in lex.group_nouns or lemma in lex.organisation_words:
        return "organization"
    if lemma in lex.place_nouns or lemma in lex.site_nouns or lemma in lex.dwelling_nouns:
        return "place"
    return ""


def _copula_subject(noun: Token) -> Token | None:
    """'X was a militant unit': the subject the copula says the noun is."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return None
    return next((c for c in noun.head.children if c.dep_ == "nsubj"), None)


def _defined_acronyms(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'X was an active service unit (ASU)': an acronym the text defines for the noun phrase that
    says what X is names X (and every later 'the ASU')."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in parsed.in_paragraph(p):
        k = occ.name.start
        if not (k > 0 and k + 1 < len(doc) and doc[k - 1].text == "(" and doc[k + 1].text == ")" and is_acronym(occ.text)):
            continue
        noun = doc[k - 2] if k >= 2 else None
        if noun is None or noun.pos_ != "NOUN":
            continue
        words = [t for t in doc[max(0, noun.i - len(occ.text) + 1):noun.i + 1]]
        if "".join(t.text[:1] for t in words).upper() != occ.text:
            continue  # the initials of the words before the bracket spell the acronym
        subject = _copula_subject(noun)
        named = parsed.by_token.get((p, subject.i)) if subject is not None else None
        if named is not None and named is not occ:
            out.append(AliasFinding(occ, "acronym defined for what the name is", occ.sentence, referent=named))
    return out


def _name_before(parsed: ParsedDocument, p: int, first: Token, alias: Occurrence, reason: str,
                 skip: frozenset[str] = frozenset()) -> AliasFinding | None:
    doc = parsed.paragraphs[p]
    for j in range(first.i - 1, max(first.sent.start - 1, first.i - 4 - len(skip)), -1):
        occ = parsed.by_token.get((p, j))
        if occ is not None and (occ.type == alias.type or (occ.type and _quoted(doc, alias))):
            return AliasFinding(alias, reason, alias.sentence, referent=occ)  # (a quoted name is what it names)
        if doc[j].is_alpha and doc[j].lower_ not in {"previously", "also", "or", "later"} | skip:
            return None
    return None


def _parenthetical_acronyms(parsed: ParsedDocument, p: int) -> list[AliasFinding]:
    """'the Islamic State (ISIS)': a group name followed by its acronym in brackets."""
    doc = parsed.paragraphs[p]
    out = []
    for occ in parsed.in_paragraph(p):
        end = occ.name.end
        if end + 2 < len(doc) and doc[end].text == "(" and doc[end + 2].text == ")":
            inner = parsed.by_token.get((p, end + 1))
            if inner is None or inner.id == occ.id:
                continue
            if is_acronym(inner.text) and (inner.text in acronym_forms(occ.text) or occ.type == "organization"):
                out.append(AliasFinding(inner, "acronym in brackets", occ.sentence, referent=occ))
                tail = _acronym_tail(doc[occ.name.start:occ.name.end], inner.text)
                if tail and tail not in occ.name.forms:
                    occ.name.forms.append(tail)
            elif occ.type == "organization" and inner.type in {"organization", ""}:
                out.append(AliasFinding(inner, "other name in brackets", occ.sentence, referent=occ))
        elif end < len(doc) and doc[end].text == "(" and occ.type == "person":
            out.extend(_bracketed_spelling(parsed, p, occ))
    return out


def _acronym_tail(span, acronym: str) -> str | None:  # type: ignore[no-untyped-def]
    """'the United Forces of the Roe Liberation Front (RLF)': an acronym that spells the initials
    of the words after the name's last 'of' only names that tail too, which the text may use
    alone ('the Roe Liberation Front')."""
    words = [t for t in span if t.is_alpha]
    if acronym_of(span.text) == acronym:
        return None
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower_ in {"of", "for"}:
            tail = [t for t in words[k + 1:] if t.lower_ != "the"]
            if len(tail) > 1 and "".join(t.text[:1] for t in tail).upper() == acronym.replace(".", ""):
                return span.doc[tail[0].i:tail[-1].i + 1].text
            return None
    return None


def _bracketed_spelling(parsed: ParsedDocument, p: int, occ: Occurrence) -> list[AliasFinding]:
    """'Khalid al-Nasiri (in some police records: Chalid al-Nasiri)': a spelling of the same
    name given in brackets right after it."""
    doc = parsed.paragraphs[p]
    close = next((t.i for t in doc[occ.name.end:occ.name.end + 12] if t.text == ")"), None)
    if close is None:
        return []
    inside = {o.id: o for i in range(occ.name.end + 1, close) if (o := parsed.by_token.get((p, i))) is not None}
    return [AliasFinding(o, "another spelling in brackets", occ.sentence, referent=occ) for o in inside.values()
            if o.type in {"person", ""} and same_name_class(o.text, occ.text, floor=0.85)]


# Words that may stand between the names of an alias list ("also known as A, B, or C";
# "literally A, translated as B, and alternatively spelled as C").
_LIST_WORDS = frozenset({",", "or", "and", "/", "as", "also", "alternatively", "otherwise", "sometimes", "simply",
                         "literally", "translated", "transliterated", "romanized", "romanised", "spelled", "spelt",
                         "abbreviated", "shortened", "meaning", "i.e.", "known", "called", "nicknamed", "aka",
                         "a.k.a.", "alias", "née", "nee", "formerly", "later", "by", "his", "her", "their", "its",
                         "the", "under", "of", "to", "in", "short", "for", "other", "names", "name", "a", "an",
                         "both", "different", "transliteration", "transliterations", "spelling", "spellings",
                         "variant", "variants", "form", "forms", "version", "versions", "rendering", "renderings"})


_QUOTE_MARKS = frozenset(QUOTES) | frozenset(QUOTES.values())  # '“A,” “B,” or “C”': marks that open and close


def _listed_after(parsed: ParsedDocument, p: int, first: AliasFinding) -> list[AliasFinding]:
    """'also known as A, B, C and D': every name of the list is an alias of the same one."""
    doc = parsed.paragraphs[p]
    out = []
    k = first.alias.name.end
    while k < len(doc):
        occ = parsed.by_token.get((p, k))
        if occ is not None:
            kinds = {first.alias.type, "", first.referent.type if first.referent is not None else ""}
            if occ.type not in kinds or occ is first.alias:
                break
            out.append(AliasFinding(occ, first.reason, first.sentence, first.referent, first.pronoun, first.unnamed))
            k = occ.name.end
            continue
        if doc[k].lower_ not in _LIST_WORDS and doc[k].text not in _QUOTE_MARKS and not _footnote(doc, k):
            break
        k += 1
    return out


def _footnote(doc, k: int) -> bool:  # type: ignore[no-untyped-def]
    """'[7]' after a name in a copied wiki page."""
    return doc[k].text in {"[", "]"} or (doc[k].is_digit and k > 0 and doc[k - 1].text == "[")


def _bracketed_names(parsed: ParsedDocument, p: int, lex: Lexicon) -> list[AliasFinding]:
    """A wiki lead's brackets after a name: 'X (Urdu: ...; literally A, or B; abbreviated as C)',
    'Ann Roe ("Juno")': the names in a part of the brackets made only of names, list words and
    a language label are other names of X. A name in another script right after X is one too."""
    doc = parsed.paragraphs[p]
    occs = sorted((o for o in parsed.occurrences if o.paragraph == p), key=lambda o: o.name.start)
    starts = {o.name.start: o for o in occs}
    out = []
    for occ in occs:
        if occ.type not in {"person", "organization"}:
            continue
        nxt = starts.get(occ.name.end)
        if nxt is not None and foreign_script(nxt.text):
            out.append(AliasFinding(nxt, "name in another script after the name", occ.sentence, referent=occ))
        opening = bracket_open(doc, occ.name.end)
        close = bracket_after(doc, opening)
        if close is None and _comma_then_alias_bracket(doc, opening, lex):
            opening += 1  # "Ann Roe, (alias Sara Holt)": a comma before brackets that name her again
            close = bracket_after(doc, opening)
        if close is None:
            continue
        segment: list[int] = []
        first = True
        for k in range(opening + 1, close + 1):
            if doc[k].text == ";" or k == close:
                found = _segment_aliases(parsed, p, occ, segment, lex)
                if not found and first:  # "(X Y, born in Z, 1947)": the leading names, before the rest
                    found = _leading_names(parsed, p, occ, segment, lex)
                out.extend(found)
                segment, first = [], False
            else:
                segment.append(k)
    return out


def _comma_then_alias_bracket(doc, k: int, lex: Lexicon) -> bool:  # type: ignore[no-untyped-def]
    """', (alias X)', ', (a.k.a. X)': brackets set off by a comma that open with a word for
    another name (emphasis marks of a copied page aside)."""
    if k + 2 >= len(doc) or doc[k].text != "," or doc[k + 1].text != "(":
        return False
    first = next((t for t in doc[k + 2:k + 5] if t.text.strip("_*")), None)
    return first is not None and (first.lower_.strip("_*") in lex.alias_nouns
                                  or first.lower_.strip("_*").replace(".", "") in {"aka", "also"})


def _leading_names(parsed: ParsedDocument, p: int, occ: Occurrence, segment: list[int],
                   lex: Lexicon) -> list[AliasFinding]:
    """The comma-separated parts at the head of a wiki lead's first bracket that are names only."""
    doc = parsed.paragraphs[p]
    out: list[AliasFinding] = []
    part: list[int] = []
    for k in [*segment, -1]:
        if k == -1 or doc[k].text == ",":
            found = _segment_aliases(parsed, p, occ, part, lex) if part else []
            if not found:
                break
            out.extend(found)
            part = []
        else:
            part.append(k)
    return out


def _segment_aliases(parsed: ParsedDocument, p: int, occ: Occurrence, segment: list[int],
                     lex: Lexicon) -> list[AliasFinding]:
    doc = parsed.paragraphs[p]
    names: dict[int, Occurrence] = {}
    depth = 0
    labelled = False  # "Dutch: X": whatever follows a language label names the same thing
    for n, k in enumerate(segment):
        tok = doc[k]
        if tok.text in {"[", "("}:
            depth += 1  # a pronunciation "[ˈləʃkər]" or a nested note
            continue
        if tok.text in {"]", ")"}:
            depth -= 1
            continue
        if depth:
            continue
        named = parsed.by_token.get((p, k))
        if named is not None and named.name.end < len(doc) and doc[named.name.end].text == ":":
            labelled = True
            continue  # a language label: "Arabic:", "Dutch:"
        if named is not None and named.id != occ.id:
            names[named.id] = named
            continue
        if named is not None or tok.is_punct or tok.text in QUOTES or tok.lower_ in _LIST_WORDS or not tok.text.strip("_*"):
            continue  # ("_" and "*": the emphasis marks of a copied page: "(_alias_ 'X')")
        if tok.lemma_.lower() in lex.alias_nouns or tok.lower_ in lex.alias_nouns:
            continue
        if n + 1 < len(segment) and doc[segment[n + 1]].text == ":" and tok.text[:1].isupper():
            labelled = True
            continue  # a language label: "Dutch:", "Arabic:
        if n == 0 and tok.ent_type_ in {"NORP", "LANGUAGE"} and tok.text[:1].isupper():
            labelled = True
            continue  # a language label without its colon: "( Arabic ملة ...)"
        if tok.is_lower and tok.is_alpha and 0 < n < len(segment) - 1 and all(
                (p, segment[m]) in parsed.by_token for m in (n - 1, n + 1)):
            continue  # a small word inside a transcribed name: "Kinisi tis Laikis Antistasis"
        return []
    wanted = {occ.type, ""}
    return [AliasFinding(o, "other name in brackets after the name", occ.sentence, referent=occ)
            for o in names.values() if (o.type in wanted or labelled or _quoted(doc, o)) and not o.text.endswith("'s")]


def _quoted(doc, occ: Occurrence) -> bool:  # type: ignore[no-untyped-def]
    """'("Wren")': a name in quotation marks in the brackets is a nickname, whatever the NER
    made of the word."""
    return occ.name.start > 0 and doc[occ.name.start - 1].text in _QUOTE_MARKS
