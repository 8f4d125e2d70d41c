"""All tunable knobs in one typed object; the CLI maps its flags onto it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_DB = "linkchart.db"


@dataclass(frozen=True)
class Settings:
    db: Path = Path(DEFAULT_DB)
    # Ingest
    max_file_mb: float = 20.0  # larger inputs are refused with a clear error
    shingle_words: int = 5  # word n-grams compared for near-duplicates
    minhash_permutations: int = 128
    # Estimated 5-gram overlap above which a text is a copy: one wire story in two outlets, with
    # other headers and a paragraph cut, overlaps about 0.75; distinct reports on one case < 0.05.
    near_duplicate_jaccard: float = 0.6
    # Extract
    spacy_batch_size: int = 16
    # Characters handed to the model at once (paragraphs of one or several documents): a few
    # thousand words keep its matrix products large and a batch small in memory.
    parse_batch_chars: int = 30_000
    max_sentence_chars: int = 1500  # longer "sentences" are layout debris, not statements
    hedged_confidence_factor: float = 0.5
    # Resolve
    variant_similarity: float = 0.85  # Jaro-Winkler floor for spelling variants of one name part
    debug: bool = False

    def with_overrides(self, **changes: object) -> Settings:
        """A copy with the given fields changed; `None` values are ignored (unset CLI flags)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]
