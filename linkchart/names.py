"""Names: the one place that knows how names are written, shared by every stage.

Extraction uses it to find where a name starts and ends (particles such as 'al', 'bin', 'van'
join the words of one name; a name in another script is a name too); resolution uses it to
compare names. Transliterated names vary in vowels, doubled letters, hyphens and particles
(Mohammed/Mohamed, al-Shehhi/Alshehhi, Kasaaoud/Kasouaad): comparison works on an ASCII,
particle-free, hyphen-free form, with a phonetic key and a string similarity; callers decide
what further evidence a merge needs. Scripts and legal forms of organisations come from
`rigour` (the sanctions-screening library of OpenSanctions), not from lists of our own.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler
from rigour.names import remove_org_types
from rigour.text.scripts import is_latin

from linkchart.lexicon import rows, words

# Lower-case words inside a name that join its parts: "Abu Harith al-Kessabi", "Ibn al-Khattab",
# "Ould Slahi", "van der Berg", "Jaish-e-Noor".
PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "abu", "van", "von", "de", "der", "da", "du", "la", "le",
                       "des", "del", "ould", "abd", "abdel", "ul", "ud", "wal", "wa",
                       "della", "delle", "dello", "degli", "dei", "di", "do", "dos", "das", "y"})
# Particles that begin a kunya or a compound given name ("Abu Walid", "Abd al-Karim") tell names
# apart; the others do not ("al-Masri" is "Masri").
_MEANINGFUL = frozenset({"abu", "abd", "abdel"})
_IGNORED = (PARTICLES - _MEANINGFUL) | {"the"}
_TITLES = words("titles.txt")


def foreign_script(text: str) -> bool:
    """Letters of a script other than Latin (Arabic, Greek, Cyrillic, Urdu, CJK ...): a name a
    wiki lead gives in brackets, which the English model cannot read."""
    if text.isascii():
        return False
    letters = "".join(c for c in text if c.isalpha())
    return bool(letters) and not is_latin(letters)


def without_legal_form(name: str) -> str:
    """'Acme Trading Ltd.' -> 'Acme Trading': the company without its legal form (rigour's list)."""
    return re.sub(r"\s+", " ", remove_org_types(name)).strip(" ,")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lower case, apostrophes and possessives removed, single spaces."""
    text = anyascii(text).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9\s-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


GENERATIONS = frozenset({"jr", "sr", "junior", "senior", "ii", "iii"})


@lru_cache(maxsize=65536)
def generation(text: str) -> str:
    """'jr' for 'David Roe, Jr.': the suffix that tells a son from his father of the same name."""
    words = fold(text).split()
    last = words[-1] if len(words) > 2 else ""
    return {"junior": "jr", "senior": "sr"}.get(last, last) if last in GENERATIONS else ""


# 'Ramiro "El Toro" Vargas': a nickname in quotation marks inside a name is no part of it.
_QUOTED_NICKNAME = re.compile(r"(?<=\S)\s+(?:\"[^\"]{1,30}\"|“[^”]{1,30}”|'[^']{1,30}'|‘[^’]{1,30}’)\s+(?=\S)")


def without_nickname(text: str) -> str:
    return _QUOTED_NICKNAME.sub(" ", text) if any(q in text for q in "\"“'‘") else text


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The form two spellings of one name share: no particles, titles, hyphens or spaces; a
    generation suffix stays ('Roe Jr.' is not 'Roe')."""
    words = [w for w in re.split(r"[\s-]+", fold(without_nickname(text))) if w]
    core = [w for w in words if w not in _IGNORED and w not in _TITLES] or words
    key = "".join(_strip_glued_article(w) for w in core)
    suffix = generation(text)
    return key + "~" + suffix if suffix else key


def _strip_glued_article(word: str) -> str:
    """'alshehhi' -> 'shehhi', 'binalshibh' -> 'shibh': articles written together with the name."""
    for prefix in ("binal", "bin", "al", "el"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix):]
    return word


_BRACKETED = re.compile(r"\([^()]*\)")


@lru_cache(maxsize=65536)
def _parts(text: str, titles: bool = False) -> tuple[str, ...]:
    """Meaningful words of a name in order (particles and, unless `titles`, titles dropped, hyphens joined)."""
    text = without_nickname(_BRACKETED.sub(" ", text))  # 'Jim (James) Roe': the bracketed form is another, not a middle name
    words = [w for w in re.split(r"\s+", fold(text)) if w]
    out = []
    for w in words:
        if w in _TITLES and not titles:
            continue
        w = "".join(x for x in w.split("-") if x not in _IGNORED) or w.replace("-", "")
        if w and w not in _IGNORED:
            out.append(w)
    return tuple(out)


def parts(text: str) -> list[str]:
    """Meaningful words of a name in order (particles and titles dropped, hyphens joined)."""
    return list(_parts(text))


def group_words(text: str) -> list[str]:
    """The words of a group's name as `parts` gives them, title words kept: the 'Justice' of the
    Department of Justice, the 'General' of the Directorate General, are no titles there."""
    return list(_parts(text, True))


def surname(text: str) -> str | None:
    p = parts(text)
    return p[-1] if len(p) > 1 else None


def given(text: str) -> str | None:
    p = parts(text)
    return p[0] if len(p) > 1 else None


def phonetic(word: str) -> str:
    """A vowel-blind phonetic key: Kasaaoud and Kasouaad share one."""
    return jellyfish.metaphone(word) if word else ""


_TRANSLITERATION = (("ou", "u"), ("w", "u"), ("ph", "f"), ("dj", "j"), ("q", "k"), ("c", "k"),
                    ("y", "i"), ("ee", "i"), ("oo", "u"))
_GLUED_PARTICLES = ("ben", "bin", "ibn", "abu", "abou", "abd", "el", "al", "ould")


@lru_cache(maxsize=65536)
def transliteration_keys(word: str) -> frozenset[str]:
    """Spellings for the ways French, English and German transcribe the same Arabic sounds:
    Anouar/Anwar, Kasmi/Qasmi, Chakib/Shakib (French ch), Chalid/Khalid (German ch).
    Vowels stay, so Hassan and Hussein differ."""
    keys = set()
    for ch in ("sh", "kh"):
        w = word.replace("ch", ch)
        for old, new in _TRANSLITERATION:
            w = w.replace(old, new)
        w = re.sub(r"(?<=[^aeiou])e$", "", w)  # French final e: Yacine/Yasin, Amine/Amin
        w = re.sub(r"(?<=.{3})a[th]$", "a", w)  # Arabic final -a/-at/-ah: Katiba/Katibat, Fatima/Fatimah
        keys.add(re.sub(r"(.)\1+", r"\1", w))
    return frozenset(keys)


def _glued_particle(a: str, b: str) -> bool:
    """'benhadj' is 'Ben Hadj' written as one word."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return len(short) >= 4 and any(long == p + short for p in _GLUED_PARTICLES)


@lru_cache(maxsize=65536)
def transliterated(a: str, b: str) -> bool:
    """Two spellings of one sound by the rules of transcription (Anouar/Anwar), not merely
    alike (Brant/Barnet): enough to join lone names without other evidence."""
    return (a == b or bool(transliteration_keys(a) & transliteration_keys(b)) or _glued_particle(a, b)
            or (len(a) >= 5 and _vowel_shape(a) == _vowel_shape(b)))


@lru_cache(maxsize=65536)
def _vowel_shape(word: str) -> str:
    """The consonants in order with each run of vowels as one slot: Kasaaoud and Kasouaad
    (transcriptions of one name that differ only in vowels) share 'kVsVd'; Brant and Barnet do not."""
    return re.sub(r"[aeiouy]+", "V", re.sub(r"(.)\1+", r"\1", word))


def similar_words(a: str, b: str, *, floor: float) -> bool:
    """Spelling variants of one word: one transliteration, or the same initial and the same
    sound or very close spelling."""
    if a == b:
        return True
    if not a or not b:
        return False
    if transliteration_keys(a) & transliteration_keys(b) or _glued_particle(a, b):
        return True
    if a[0] != b[0]:
        return False
    score = JaroWinkler.similarity(a, b)
    return (phonetic(a) == phonetic(b) and score >= floor - 0.1) or score >= floor + 0.05


_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.]{1,9}")


def is_acronym(text: str) -> bool:
    return bool(_ACRONYM.fullmatch(text.strip()))


_POSSESSOR = re.compile(r"((?:[A-Z][\w-]*\s+)*[A-Z][\w-]*)['’]s\s+[A-Z]")


def possessor_initials(name: str) -> str:
    """'Red Hand's Northern Command' names the Red Hand too: the initials of a group's name that
    opens another group's name as its possessor ('RH'), or '' when there is none."""
    m = _POSSESSOR.match(name)
    return acronym_of(m.group(1)) if m else ""


def acronym_of(long_name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", anyascii(long_name)) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def acronym_forms(long_name: str) -> frozenset[str]:
    """The acronyms a group's name is written as: its capitalised words' initials, and, for a
    name opening with the Arabic article, those initials after the article's 'A' ('AQAP' for
    'al-Qaeda in the Arabian Peninsula', as well as 'QAP'; not 'AQ' for a bare 'al-Qaeda')."""
    plain = acronym_of(long_name)
    first = re.split(r"[\s-]+", anyascii(long_name).strip(), maxsplit=1)[0]
    if first.lower() == "al" and len(plain) >= 2:
        return frozenset({plain, "A" + plain})
    return frozenset({plain})


@lru_cache(maxsize=65536)
def modified_acronyms(long_name: str) -> frozenset[str]:
    """'Provisional IRA' for 'Provisional Irish Republican Army': the name's leading words kept and
    the rest written as its initials, folded ('provisional ira'). A modifier ('Provisional', 'Real')
    stays in both forms, so 'Real IRA' is no form of 'Provisional Irish Republican Army'."""
    words = long_name.split()
    out = set()
    for k in range(1, len(words) - 1):
        rest = acronym_of(" ".join(words[k:]))
        if len(rest) >= 2 and words[k][:1].isupper():
            out.add(fold(" ".join(words[:k]) + " " + rest))
    return frozenset(out)


def _familiar_forms() -> dict[str, frozenset[str]]:
    out: dict[str, set[str]] = {}
    for row in rows("given_name_forms.txt"):
        forms = {fold(w) for w in row}
        for w in forms:
            out.setdefault(w, set()).update(forms)
    return {w: frozenset(f) for w, f in out.items()}


_FAMILIAR = _familiar_forms()


def forget_cached_names(beyond: int = 0) -> None:
    """Empty the caches of name forms once one holds more than `beyond` entries. A resolution
    that goes batch by batch calls it between batches: a batch's names are rarely met again, and
    kept they would make its memory grow with the corpus (up to the caches' size)."""
    cached = (fold, generation, name_key, _parts, transliteration_keys, transliterated, _vowel_shape,
              modified_acronyms)
    if any(f.cache_info().currsize > beyond for f in cached):
        for f in cached:
            f.cache_clear()


def familiar_forms(word: str) -> frozenset[str]:
    """Every given name `word` is a familiar form of, or that is a familiar form of it."""
    return _FAMILIAR.get(word, frozenset())


def familiar_form(a: str, b: str) -> bool:
    """'Patty' and 'Patricia', 'Bill' and 'William': one given name and a familiar form of it."""
    return a != b and b in _FAMILIAR.get(a, frozenset())


def same_name_class(a: str, b: str, *, floor: float) -> bool:
    """Full names whose surnames and given names are spellings of each other (Salah/Saleh X)."""
    if generation(a) != generation(b):
        return False
    sa, sb, ga, gb = surname(a), surname(b), given(a), given(b)
    if not (sa and sb and ga and gb):
        return False
    if not similar_words(sa, sb, floor=floor):
        return False
    # Compound given names may be split or joined: "Abd al-Karim" / "Abdelkarim".
    return similar_words(ga, gb, floor=floor) or familiar_form(ga, gb) or similar_words(
        "".join(parts(a)[:-1]), "".join(parts(b)[:-1]), floor=floor)


def compound_given_name(a: str, b: str, *, floor: float) -> bool:
    """'Abd al-Karim Roe' and 'Abdelkarim Roe', 'Abu Bakr Roe' and 'Abubakar Roe': one compound given
    name written in two words or one (it opens with 'Abd' or 'Abu'), the surname the same. A
    second given name of another kind ('Mohamed Amine Roe') is a different person's name."""
    pa, pb = parts(a), parts(b)
    if len(pa) == len(pb) or min(len(pa), len(pb)) < 2 or pa[-1] != pb[-1]:
        return False
    long, short = (pa, pb) if len(pa) > len(pb) else (pb, pa)
    return (len(long) == 3 and len(short) == 2 and long[0] in _MEANINGFUL and short[0][:3] == long[0][:3]
            and similar_words("".join(long[:-1]), short[0], floor=floor))


def abbreviated_surname(name: str) -> bool:
    """'Abdelkrim A.', 'Murat K.': courts and some papers print only the surname's initial."""
    p = parts(name)
    return len(p) > 1 and len(p[-1]) == 1


def initial_matches(short: str, full: str, floor: float) -> bool:
    """Could 'Murat K.' be 'Murat Kocabey': a full surname with that initial, same given name class."""
    ps, pf = parts(short), parts(full)
    if abbreviated_surname(full) or len(pf) < 2 or not abbreviated_surname(short):
        return False
    raw = fold(full).split()  # "Hamza E." for "Hamza El Ghazouani": the particle's initial counts
    surnames = {pf[-1], *(w for w in raw[1:] if w not in _TITLES)}
    return any(w.startswith(ps[-1]) for w in surnames) and similar_words(
        "".join(ps[:-1]), "".join(pf[:-1]), floor=floor)


def surname_blocks(word: str) -> set[str]:
    """Keys under which a spelling variant of `word` is also filed: its transliterations
    (Kasmi/Qasmi), its sound with its initial (Kasaaoud/Kasouaad), and for a glued particle
    ('benhadj') the rest ('hadj'). Specific keys keep blocks small, so the cost of comparing
    names grows with the corpus, not with its square (bench/bench_scale.py)."""
    if not word:
        return set()
    keys = {"t:" + k for k in transliteration_keys(word)} | {"p:" + word[0] + phonetic(word), "w:" + word}
    keys |= {"w:" + word[len(p):] for p in _GLUED_PARTICLES if word.startswith(p) and len(word) - len(p) >= 4}
    return keys
