"""Bad input at scale: whatever a folder holds, the build never crashes, names each bad file once
and stores the rest; invisible characters inside names do not lose people."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from linkchart.case import Case

_SCRIPTS = ["Tomas Verhoeven", "Тарас Коваленко", "أحمد الزهراني", "Γιώργος Παππάς", "יוסף כהן", "李明", "Ngozi Okafor"]
_MARKS = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202a", "\u202c", "\u2066", "\u2069", "\ufeff", "\u00ad"]


def _good(name: str, other: str) -> str:
    return (f"Court notes\n\n{name} shared a flat with {other} in the north of the city for several months.\n"
            f"Police said {name} had met {other} in prison before the arrests.\n")


def _marked(name: str, marks: list[str]) -> str:
    out = name
    for k, mark in enumerate(marks):
        at = 1 + (k * 3) % max(len(out) - 1, 1)
        out = out[:at] + mark + out[at:]
    return out


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("a.txt", "not a pdf")
    return buffer.getvalue()


_BAD = {
    "random.txt": st.binary(min_size=1, max_size=2000).map(lambda b: b"\x00" + b),
    "huge-line.txt": st.integers(100_000, 300_000).map(lambda n: b"word " * (n // 5)),
    "nested.html": st.integers(200, 3000).map(lambda n: b"<html><body>" + b"<div>" * n + b"x" + b"</div>" * n + b"</body></html>"),
    "broken.pdf": st.binary(max_size=300).map(lambda b: b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nxref\n0 9\n" + b + b"\ntrailer"),
    "archive.pdf": st.just(_zip_bytes()),
    "latin1.txt": st.just("Jos\xe9 met Mar\xeda in the flat of the north.".encode("latin-1")),
}


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(bad=st.fixed_dictionaries({}, optional=_BAD), people=st.lists(st.sampled_from(_SCRIPTS), min_size=2, max_size=4,
                                                                        unique=True),
       marks=st.lists(st.sampled_from(_MARKS), max_size=4), vanish=st.booleans())
def test_the_build_survives_any_folder(tmp_path_factory, extractor, bad, people, marks, vanish) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("fuzz")
    for name, data in bad.items():
        (folder / name).write_bytes(data)
    good = []
    for k, (a, b) in enumerate(zip(people, people[1:], strict=False)):
        path = folder / f"good-{k}.txt"
        path.write_text(_good(_marked(a, marks), b))
        good.append(path)
    doomed = folder / "vanishing.txt"
    doomed.write_text(_good("Orsik Pamvela", "Lavren Tolvane"))
    db = folder / "case.db"
    with Case.open(db, writable=True) as case:
        report = case.build([folder], extractor=extractor, on_total=lambda n: vanish and doomed.unlink())
        for path in good:
            assert case.store.document_at(str(path)) is not None, report.errors
        for name in bad:
            named = [e for e in report.errors if Path(e.split(":")[0]).name == name]
            stored = case.store.document_at(str(folder / name)) is not None
            assert len(named) == 1 or (not named and stored), (name, report.errors)
        if vanish:
            assert sum("vanishing.txt" in e for e in report.errors) == 1
        assert case.state_warning() is None


def test_invisible_marks_inside_names_lose_no_one(tmp_path: Path, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "r"
    folder.mkdir()
    text = ("Court notes\n\nDarnel Qui\u200bbrow shared a flat with Hes\u200dsa Tol\u200fvane in the north of the city.\n"
            "Police said Darnel Quibrow had met Hessa Tolvane in prison.\n")
    (folder / "a.txt").write_text(text)
    with Case.open(tmp_path / "c.db", writable=True) as case:
        case.build([folder], extractor=extractor)
        people = {e.name for e in case.network().entities}
        assert {"Darnel Quibrow", "Hessa Tolvane"} <= people and len(people) == 2
        doc = case.store.document_at(str(folder / "a.txt"))
        assert doc is not None
        for m in case.store.mentions(doc.id):
            assert doc.text[m.start:m.end] == m.text  # offsets index the stored text
