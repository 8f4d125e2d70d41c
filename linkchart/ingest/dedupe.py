"""Exact and near-duplicate detection.

Two scrapes of one article differ only in boilerplate, so they share almost all of their word
n-grams. A MinHash signature estimates that overlap (Jaccard) in constant space per document,
and banding (LSH) finds candidate pairs without comparing every pair of documents.
"""

from __future__ import annotations

import functools
import hashlib
import re
import struct
from array import array
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy

_WORD = re.compile(r"\w+")
_MERSENNE = (1 << 61) - 1
_ROWS_PER_BAND = 4


def normalised_words(text: str) -> list[str]:
    return _WORD.findall(text.casefold())


def content_hash(text: str) -> str:
    """Hash of the words only, so whitespace and punctuation changes do not hide a copy."""
    return hashlib.sha256(" ".join(normalised_words(text)).encode("utf-8")).hexdigest()


def _shingles(words: list[str], size: int) -> set[int]:
    if len(words) < size:
        return {_hash64(" ".join(words))}
    return {_hash64(" ".join(words[i:i + size])) for i in range(len(words) - size + 1)}


def _hash64(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "little")


def _permutations(count: int) -> list[tuple[int, int]]:
    params = []
    for i in range(count):
        digest = hashlib.sha256(f"linkchart-minhash-{i}".encode()).digest()
        a, b = struct.unpack("<QQ", digest[:16])
        params.append((a % (_MERSENNE - 1) + 1, b % _MERSENNE))
    return params


def minhash(text: str, *, shingle_words: int, permutations: int) -> tuple[int, ...]:
    """min over shingles s of (a·s + b) mod 2^61-1, for each permutation (a, b). Computed exactly
    in 64-bit integer arrays (see `_universal_hash`), a slice of shingles at a time."""
    shingles = numpy.fromiter(_shingles(normalised_words(text), shingle_words), dtype=numpy.uint64)
    a, b = _permutation_arrays(permutations)
    lowest = numpy.full(permutations, _MERSENNE, dtype=numpy.uint64)
    for start in range(0, len(shingles), _SHINGLES_AT_ONCE):
        values = _universal_hash(a[:, None], b[:, None], shingles[None, start:start + _SHINGLES_AT_ONCE])
        numpy.minimum(lowest, values.min(axis=1), out=lowest)
    return tuple(int(v) for v in lowest)


_SHINGLES_AT_ONCE = 2048
_P = numpy.uint64(_MERSENNE)


@functools.cache
def _permutation_arrays(count: int) -> tuple[numpy.ndarray, numpy.ndarray]:
    a, b = zip(*_permutations(count), strict=True)
    return numpy.array(a, dtype=numpy.uint64), numpy.array(b, dtype=numpy.uint64)


def _fold(x: numpy.ndarray) -> numpy.ndarray:
    """x mod 2^61-1 up to one subtraction: 2^61 ≡ 1, so the bits above 61 add to the rest."""
    return (x & _P) + (x >> numpy.uint64(61))


def _reduce(x: numpy.ndarray) -> numpy.ndarray:
    x = _fold(_fold(x))
    return numpy.where(x >= _P, x - _P, x)


def _universal_hash(a: numpy.ndarray, b: numpy.ndarray, s: numpy.ndarray) -> numpy.ndarray:
    """(a·s + b) mod p for p = 2^61-1, a and b < p, s < 2^64, without overflowing 64 bits: s is
    reduced below p, and a·s is taken in 32-bit halves, 2^64 ≡ 8 and 2^61 ≡ 1 modulo p."""
    low32, shift = numpy.uint64(0xFFFFFFFF), numpy.uint64(32)
    s = _reduce(s)
    a_hi, a_lo, s_hi, s_lo = a >> shift, a & low32, s >> shift, s & low32
    cross = a_hi * s_lo + a_lo * s_hi  # < 2^62
    cross_hi, cross_lo = cross >> numpy.uint64(29), cross & numpy.uint64((1 << 29) - 1)  # cross·2^32 ≡ cross_hi + cross_lo·2^32
    total = ((a_hi * s_hi) << numpy.uint64(3)) + cross_hi + (cross_lo << shift) + _fold(a_lo * s_lo) + b
    return _reduce(total)


def estimated_jaccard(sig_a: tuple[int, ...], sig_b: tuple[int, ...]) -> float:
    if not sig_a or len(sig_a) != len(sig_b):
        return 0.0
    return sum(1 for x, y in zip(sig_a, sig_b, strict=True) if x == y) / len(sig_a)


@dataclass
class DuplicateIndex:
    """Signatures of the documents already stored, banded for quick candidate lookup. Kept
    compact (a signature as an array of 64-bit words, a band as one 64-bit hash), since a build
    holds one entry per stored document."""

    threshold: float
    signatures: dict[str, array[int]] = field(default_factory=dict)
    bands: dict[int, str | tuple[str, ...]] = field(default_factory=dict)  # one id, or several

    def add(self, doc_id: str, signature: tuple[int, ...]) -> None:
        self.signatures[doc_id] = array("Q", signature)
        for key in self._band_keys(signature):
            have = self.bands.get(key)
            self.bands[key] = doc_id if have is None else (*self._ids(have), doc_id)

    def discard(self, doc_id: str) -> None:
        """Forget a document (removed, or replaced by a new version of its file)."""
        signature = self.signatures.pop(doc_id, None)
        if signature is not None:
            for key in self._band_keys(tuple(signature)):
                rest = tuple(d for d in self._ids(self.bands.get(key)) if d != doc_id)
                if rest:
                    self.bands[key] = rest[0] if len(rest) == 1 else rest
                else:
                    self.bands.pop(key, None)

    @staticmethod
    def _ids(value: str | tuple[str, ...] | None) -> tuple[str, ...]:
        return () if value is None else (value,) if isinstance(value, str) else value

    def add_all(self, items: Iterable[tuple[str, tuple[int, ...]]]) -> None:
        for doc_id, signature in items:
            self.add(doc_id, signature)

    def find_original(self, signature: tuple[int, ...]) -> tuple[str, float] | None:
        """The most similar stored document above the threshold, if any."""
        candidates = {d for key in self._band_keys(signature) for d in self._ids(self.bands.get(key))}
        scored = [(estimated_jaccard(signature, tuple(self.signatures[d])), d) for d in candidates]
        scored = [(s, d) for s, d in scored if s >= self.threshold]
        if not scored:
            return None
        best_score, best = max(scored, key=lambda pair: (pair[0], [-ord(c) for c in pair[1]]))
        return best, best_score

    @staticmethod
    def _band_keys(signature: tuple[int, ...]) -> list[int]:
        """One 64-bit hash per band of rows (its position included); a rare collision only adds
        a candidate, which the signature comparison then rejects."""
        rows = tuple(signature)
        return [_hash64(f"{i}:{rows[i:i + _ROWS_PER_BAND]}") for i in range(0, len(rows), _ROWS_PER_BAND)]
