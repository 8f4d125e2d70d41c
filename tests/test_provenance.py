"""Evidence placed in the original file (issue 14, point 7). Sentences written for these tests."""

from __future__ import annotations

import json
import re

from linkchart.export.formats import to_csv, to_json
from linkchart.ingest.clean import clean_text, offset_map
from linkchart.ingest.document import load_document
from linkchart.model import Document, Evidence, Network, Relation
from linkchart.provenance import source_of
from linkchart.settings import Settings

RAW = (
    "Harbour Notes\r\n"
    "\r\n"
    "A view of the quay at dawn.\r\n"
    "Lena Marsh / Coastline Agency\r\n"
    "\r\n"
    "OSTEND, May 3 (Wirewire) - Piet Odell and Mark Varga ran the depot together for years, a court\r\n"
    "heard on Friday, and the two men shared a flat above the fish market until the raid that\r\n"
    "ended it all in the spring of the following year, according to the prosecution file.\r\n"
    "\r\n"
    "Varga later told the judges that he had never met the buyer from Ghent.\r\n"
)


def words(text: str) -> str:
    return " ".join(text.split())


def test_every_cleaned_sentence_maps_back_to_the_same_words_in_the_original():
    cleaned = clean_text(RAW)
    assert "Coastline" not in cleaned and "Piet Odell" in cleaned  # the credit and its caption were removed
    doc = Document("d", "d.txt", "Harbour Notes", cleaned, "h", original=RAW, offset_map=offset_map(RAW, cleaned))
    for match in re.finditer(r"[^.\n]+\.", cleaned):
        start, end = match.start() + (len(match.group()) - len(match.group().lstrip())), match.end()
        span = doc.original_span(start, end)
        assert span is not None
        assert words(RAW[span[0] : span[1]]) == words(cleaned[start:end])


def test_a_loaded_document_keeps_its_original_and_a_source_names_file_line_and_context(tmp_path):
    path = tmp_path / "harbour-notes.txt"
    path.write_bytes(RAW.encode("utf-8"))
    doc = load_document(path, Settings())
    sentence = "Varga later told the judges that he had never met the buyer from Ghent."
    start = doc.text.index(sentence)
    found = source_of(Evidence(doc.id, sentence, start, start + len(sentence)), {doc.id: doc})
    assert (found.file, found.line, found.column) == ("harbour-notes.txt", 10, 1)
    assert doc.original[found.original_start : found.original_end] == sentence
    assert sentence in found.context


def test_exports_carry_the_original_place_context_and_where_each_date_came_from():
    cleaned = clean_text(RAW)
    doc = Document("d", "notes/harbour.txt", "Harbour Notes", cleaned, "h", "2016-03-22", original=RAW,
                   offset_map=offset_map(RAW, cleaned))
    sentence = "Varga later told the judges that he had never met the buyer from Ghent."
    start = cleaned.index(sentence)
    relation = Relation("a", "b", "associate", [Evidence("d", sentence, start, start + len(sentence))], id="r1")
    data = json.loads(to_json(Network([], [relation], [doc])))
    [evidence] = data["relations"][0]["evidence"]
    assert (evidence["file"], evidence["line"], evidence["column"]) == ("harbour.txt", 10, 1)
    assert RAW[evidence["original_start"] : evidence["original_end"]] == sentence and sentence in evidence["context"]
    assert data["relations"][0]["date_from"] == "undated"
    edges = to_csv(Network([], [relation], [doc]))["edges"]
    assert "harbour.txt:10" in edges and "date_from" in edges.splitlines()[0]


def test_a_document_stored_without_its_original_says_so():
    doc = Document("d", "old.txt", "Old", "Nothing kept here at all.", "h")
    found = source_of(Evidence("d", "Nothing kept here at all.", 0, 25), {"d": doc})
    assert found.line is None and found.original_start is None and found.context == "Nothing kept here at all."
