"""Ingest: cleaning, readers and their one-line errors, duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from linkchart.errors import InputError
from linkchart.ingest import DuplicateIndex, discover, load_document, minhash
from linkchart.ingest.clean import clean_text
from linkchart.settings import Settings

ARTICLE = (
    "Police in Antwerp arrested two brothers on Monday after a long investigation into a planned attack.\n"
    "Officers said the men had been under surveillance for months and that searches continued overnight.\n"
)


def test_clean_removes_credits_captions_and_boilerplate() -> None:
    raw = (
        "Officers stand outside a house in Antwerp, March 2, 2020.\n"
        "Officers stand outside a house in Antwerp, March 2, 2020.\n"
        "Jan Peeters / Reuters\n\n"
        "A police van outside the court. Marie Dubois/AFP/Getty Images\n"
        "By Sarah Cole | 3 March 2020\n"
        "Share this article\n"
        + ARTICLE +
        "Read more: Belgium raises threat level\n"
        "You are reading a free article.\n"
    )
    text = clean_text(raw)
    assert text == ARTICLE
    for gone in ("Reuters", "Getty", "Peeters", "Dubois", "Sarah Cole", "Share", "Read more"):
        assert gone not in text


def test_clean_removes_wiki_hatnotes_that_point_to_other_pages() -> None:
    raw = ("This article is about the militia. For the river of the same name, see Varda (river).\n"
           "Not to be confused with Tomas Varda.\n"
           "For other uses, see Varda (disambiguation).\n"
           + ARTICLE)
    assert clean_text(raw) == ARTICLE
    kept = "This article is about a raid. For weeks, said Ann Roe, police would see no one.\n"  # reporting
    assert "Ann Roe" in clean_text(kept + ARTICLE)


def test_clean_removes_a_fact_box_picture_left_as_its_file_name() -> None:
    assert clean_text("Tomas Varda.jpg\nFile:Varda in 2010.JPG\n" + ARTICLE) == ARTICLE
    kept = "Police later found the file holiday.jpg\n"  # a sentence that ends in a file name is reporting
    assert "holiday.jpg" in clean_text(kept + ARTICLE)


def test_clean_unwraps_hard_wrapped_paragraphs() -> None:
    wrapped = ("The accused rented the apartment in the name of a friend and lived\n"
               "there with two other men until the police searched it in the spring\n"
               "of that year, according to the judgment.\n")
    assert clean_text(wrapped).count("\n") == 1


@pytest.mark.parametrize(("name", "content", "problem"), [
    ("empty.txt", b"", "empty file"),
    ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 100, "binary content"),
    ("latin1.txt", "Caf\xe9 owner arrested in Molenbeek on Friday".encode("latin-1"), "invalid UTF-8"),
    ("broken.pdf", b"%PDF-1.4\n this is not really a pdf", "PDF"),
    ("notes.docx", b"whatever", "unsupported file type"),
])
def test_bad_input_gives_one_line_error_naming_the_file(tmp_path: Path, name: str, content: bytes,
                                                       problem: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError) as info:
        load_document(path, Settings())
    message = str(info.value)
    assert name in message and problem in message and "\n" not in message


def test_too_large_and_missing_files(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"word " * (11 * 1024 * 1024))  # 55 MB
    with pytest.raises(InputError, match="too large"):
        load_document(big, Settings())
    with pytest.raises(InputError, match="no such file"):
        load_document(tmp_path / "missing.txt", Settings())


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = b"%PDF-1.4\n", []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return out


def test_pdf_html_and_markdown_are_read(tmp_path: Path) -> None:
    (tmp_path / "a.pdf").write_bytes(_minimal_pdf("Karim Haddad was arrested in Ghent on Tuesday morning."))
    (tmp_path / "b.html").write_text(
        "<html><head><title>Arrest in Ghent</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><p>" + ARTICLE.replace("\n", "</p><p>") + "</p></article>"
        "<footer>Share this article</footer></body></html>", encoding="utf-8")
    (tmp_path / "c.md").write_text("# Arrest\n\n*By Ann Lee*\n\n" + ARTICLE, encoding="utf-8")
    docs = {p.suffix: load_document(p, Settings()) for p in discover([tmp_path])}
    assert "Karim Haddad" in docs[".pdf"].text
    assert "planned attack" in docs[".html"].text and "Home" not in docs[".html"].text
    assert docs[".html"].title == "Arrest in Ghent"
    assert "Ann Lee" not in docs[".md"].text and "brothers" in docs[".md"].text


def test_near_duplicate_scrapes_are_recognised() -> None:
    body = ARTICLE * 6
    first = minhash("Menu\nHome\n" + body, shingle_words=5, permutations=128)
    second = minhash(body + "Related: other news\n", shingle_words=5, permutations=128)
    other = minhash("An entirely different report about a trial in Madrid and its verdict. " * 8,
                    shingle_words=5, permutations=128)
    index = DuplicateIndex(0.8)
    index.add("first", first)
    found = index.find_original(second)
    assert found is not None and found[0] == "first"
    assert index.find_original(other) is None


def test_document_records_title_date_and_hash(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Two held in Antwerp raid\nANTWERP, 4 March 2020 —\n" + ARTICLE, encoding="utf-8")
    doc = load_document(path, Settings())
    assert doc.title == "Two held in Antwerp raid"
    assert doc.date == "2020-03-04"
    assert len(doc.content_hash) == 64 and doc.path == str(path)


def test_a_byline_of_several_reporters_is_removed_but_a_sentence_opening_with_by_is_kept() -> None:
    from linkchart.ingest.clean import is_boilerplate

    assert is_boilerplate("By Claire Duval and Marc Lenoir")
    assert is_boilerplate("By Claire Duval, Marc Lenoir and Tom Hale | Reuters")
    assert not is_boilerplate("By then he had left.")
    assert not is_boilerplate("By 2015 the group had grown to forty men.")
