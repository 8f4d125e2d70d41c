"""Name normalisation and comparison shared by within- and cross-document resolution.

Transliterated names vary in vowels, doubled letters, hyphens and particles (Mohammed/Mohamed,
al-Shehhi/Alshehhi, Abaaoud/Abouaad). Comparison therefore works on an ASCII, particle-free,
hyphen-free form, with a phonetic key and a string similarity; callers decide what further
evidence a merge needs.
"""

from __future__ import annotations

import re
from functools import lru_cache

import jellyfish
from anyascii import anyascii
from rapidfuzz.distance import JaroWinkler

PARTICLES = frozenset({"al", "el", "bin", "ben", "ibn", "van", "von", "de", "der", "da", "du", "la", "le",
                       "ould", "ul", "ud", "the"})
_TITLES = frozenset({"mr", "mrs", "ms", "dr", "sheikh", "shaykh", "imam", "mullah", "emir", "prof",
                     "professor", "judge", "general", "gen", "colonel", "col", "sir"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """ASCII, lower case, apostrophes and possessives removed, single spaces."""
    text = anyascii(text).lower().replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    text = re.sub(r"[^a-z0-9\s-]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def name_key(text: str) -> str:
    """The form two spellings of one name share: no particles, titles, hyphens or spaces."""
    words = [w for w in re.split(r"[\s-]+", fold(text)) if w]
    core = [w for w in words if w not in PARTICLES and w not in _TITLES] or words
    return "".join(_strip_glued_article(w) for w in core)


def _strip_glued_article(word: str) -> str:
    """'alshehhi' -> 'shehhi', 'binalshibh' -> 'shibh': articles written together with the name."""
    for prefix in ("binal", "bin", "al", "el"):
        if word.startswith(prefix) and len(word) - len(prefix) >= 4:
            return word[len(prefix):]
    return word


@lru_cache(maxsize=65536)
def _parts(text: str) -> tuple[str, ...]:
    """Meaningful words of a name in order (particles and titles dropped, hyphens joined)."""
    words = [w for w in re.split(r"\s+", fold(text)) if w]
    out = []
    for w in words:
        if w in _TITLES:
            continue
        w = "".join(x for x in w.split("-") if x not in PARTICLES) or w.replace("-", "")
        if w and w not in PARTICLES:
            out.append(w)
    return tuple(out)


def parts(text: str) -> list[str]:
    """Meaningful words of a name in order (particles and titles dropped, hyphens joined)."""
    return list(_parts(text))


def surname(text: str) -> str | None:
    p = parts(text)
    return p[-1] if len(p) > 1 else None


def given(text: str) -> str | None:
    p = parts(text)
    return p[0] if len(p) > 1 else None


def phonetic(word: str) -> str:
    """A vowel-blind phonetic key: Abaaoud and Abouaad share one."""
    return jellyfish.metaphone(word) if word else ""


_TRANSLITERATION = (("ou", "u"), ("w", "u"), ("ch", "sh"), ("ph", "f"), ("dj", "j"), ("q", "k"), ("c", "k"),
                    ("y", "i"), ("ee", "i"), ("oo", "u"))
_GLUED_PARTICLES = ("ben", "bin", "ibn", "abu", "abou", "abd", "el", "al", "ould")


@lru_cache(maxsize=65536)
def transliteration_key(word: str) -> str:
    """One spelling for the ways French and English transcribe the same Arabic sounds:
    Anouar/Anwar, Kasmi/Qasmi, Chakib/Shakib. Vowels stay, so Hassan and Hussein differ."""
    for old, new in _TRANSLITERATION:
        word = word.replace(old, new)
    return re.sub(r"(.)\1+", r"\1", word)


def _glued_particle(a: str, b: str) -> bool:
    """'benhadj' is 'Ben Hadj' written as one word."""
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return len(short) >= 4 and any(long == p + short for p in _GLUED_PARTICLES)


def similar_words(a: str, b: str, *, floor: float) -> bool:
    """Spelling variants of one word: one transliteration, or the same initial and the same
    sound or very close spelling."""
    if a == b:
        return True
    if not a or not b:
        return False
    if transliteration_key(a) == transliteration_key(b) or _glued_particle(a, b):
        return True
    if a[0] != b[0]:
        return False
    score = JaroWinkler.similarity(a, b)
    return (phonetic(a) == phonetic(b) and score >= floor - 0.1) or score >= floor + 0.05


def is_acronym(text: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][A-Z0-9&.]{1,9}", text.strip()))


def acronym_of(long_name: str) -> str:
    words = [w for w in re.split(r"[\s-]+", anyascii(long_name)) if w and w[0].isupper()]
    return "".join(w[0] for w in words)


def same_name_class(a: str, b: str, *, floor: float) -> bool:
    """Full names whose surnames and given names are spellings of each other (Salah/Saleh X)."""
    sa, sb, ga, gb = surname(a), surname(b), given(a), given(b)
    if not (sa and sb and ga and gb):
        return False
    return similar_words(sa, sb, floor=floor) and similar_words(ga, gb, floor=floor)
