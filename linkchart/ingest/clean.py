"""Strip what is not reporting: captions and photo credits, bylines, share and paywall lines.

Photographers and agencies named in credits must never become actors, so credits are
recognised by their shape ("Name Surname / Agency", a trailing "Name/Agency" after a
caption) rather than by a list of agencies. A caption is the line a credit belongs to, or a
line printed twice in a row (image alt text followed by the visible caption).
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from linkchart.lexicon import rows, words

_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[a-z]{1,3}\s+)?[A-Z][\w'’.-]*){0,3}"
# "Yves Herman / Reuters", "REUTERS/Yves Herman", "Alexander Koerner/Getty Images", "AFP/Getty Images"
_CREDIT = re.compile(
    rf"^[(\[]?(?:(?:photo|photograph|image|picture)s?:?\s*(?:by\s+)?)?{_NAME}\s*/\s*{_NAME}(?:\s*/\s*{_NAME})?[)\]]?$")
# "... on Saturday. Picture: Kevin Tarrant]": a labelled credit may name the photographer alone.
_LABELLED_CREDIT = re.compile(rf"(?:^|(?<=[.!?”\"])\s)(?i:photo|photograph|picture|image|credit)s?\s*:\s*{_NAME}\s*[)\]]?\s*$")
_TRAILING_CREDIT = re.compile(
    rf"(?<=[.!?”\"])\s+((?:(?i:photo|photograph|picture|image|credit)s?\s*:\s*)?{_NAME}\s*/\s*{_NAME}(?:\s*/\s*{_NAME})?)\s*$")
_LEADING_CREDIT = re.compile(rf"^{_NAME}\s*/\s*{_NAME}\s+[A-Z]")
_BULLET = re.compile(r"^\s*(?:[•·▪●◦*+-]|\d+[.)])\s+")
_SEPARATOR = re.compile(r"\s[—–|·›»]\s")
_WIRE_DATELINE = re.compile(r"^[A-Z][A-Z .'-]+,[^()]{0,40}\([A-Z][\w .&-]{1,30}\)\s*[-—–]\s*")
_FIELD = re.compile(r"^[A-Z][\w ()/'-]{0,30}:\s+\S")
_HEADING_MARKUP = re.compile(r"^[#=\s]+|[=\s]+$|\[edit\]", re.IGNORECASE)
# "Surname, Given (2014)." / "(3 October 2014)." at the head of a numbered or bulleted line.
_CITATION = re.compile(r"^\s*(?:\d+\.|\[\d+\]|\^|[•*-])?\s*[^.!?]{0,80}\((?:[^()]*\b)?\d{4}[a-z]?\)\.")
_CITATION_MARKS = re.compile(r"^\s*(?:\d+\.|\[\d+\]|\^)\s.*(?:\bpp?\.\s*\d|\bISBN\b|\bRetrieved\b|\bIbid\b|\bop\. cit\b)")
_FOOTNOTE = re.compile(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^?\w{1,4}\]:)\s*\S")
_CITATION_QUOTED = re.compile(r"^\s*(?:\d+\.|\[\d+\]|\^)\s+.*[\"“][^\"”]{3,}[\"”].*\b\d{4}\b")
_CITATION_DOCKET = re.compile(r"^\s*(?:\d+\.|\[\d+\]|\^)\s+.*\b\d{1,4}/\d{4}\b")
_SENTENCE_END = re.compile(r"[.!?:;”\"')\]]\s*$")
_FIELD_ROW = re.compile(r"^\s*(?:[•·▪●◦*+-]|\d+[.)])\s+[A-Z][\w ()/'-]{0,30}:\s+\S")  # "- Leader: X, Y": a fact-box row


@lru_cache(maxsize=1)
def boilerplate_patterns() -> list[re.Pattern[str]]:
    text = resources.files("linkchart.lexicon").joinpath("boilerplate.txt").read_text(encoding="utf-8")
    return [re.compile(line.strip(), re.IGNORECASE) for line in text.splitlines()
            if line.strip() and not line.startswith("#")]


_ANY_LENGTH = "(?#any length)"


def is_credit(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and bool(_CREDIT.match(line.strip()))


def is_boilerplate(line: str) -> bool:
    """Page furniture by its shape (lexicon/boilerplate.txt). A long line is reporting unless a
    pattern marked for any length (a page-history notice, a user signature) says otherwise."""
    stripped = line.strip()
    if len(stripped.split()) > 25:
        return any(p.pattern.startswith(_ANY_LENGTH) and p.search(stripped) for p in boilerplate_patterns())
    return any(p.search(stripped) for p in boilerplate_patterns())


def is_menu_item(line: str) -> bool:
    """Bullet lines of a few title-case words are navigation ("- World", "- Contact us"); a list
    item that says something ("- Daan Verkerk (born 1994) – convicted in Rotterdam in 2016",
    "2. Tarek H., born 17.02.1978 in Mosul,") is reporting."""
    if not _BULLET.match(line) or _SENTENCE_END.search(line) or line.rstrip().endswith((",", ";")):
        return False
    if _FIELD_ROW.match(line) or re.search(r"\w, \w", line):
        return False  # a fact-box row ("- Leader: A, B"), a described name ("- Ann Roe, his sister")
    words = _BULLET.sub("", line).split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) <= 15 and lower <= 1 and not any(ch.isdigit() for ch in line)


# Zero-width characters, bidi marks and embeddings, the soft hyphen and the byte-order mark: they
# are invisible, but inside a name ('Ab\u200bdeslam') they split it for the parser. They go before
# anything is stored, so every offset indexes the text without them.
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")


def clean_text(text: str) -> str:
    """Reporting text only, one paragraph per line, in the original wording."""
    text = _INVISIBLE.sub("", text)
    lines = [line.strip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    keep = [True] * len(lines)
    first = next((i for i, line in enumerate(lines) if line), -1)
    for i, line in enumerate(lines):
        if not line:
            continue
        if is_credit(line):
            keep[i] = False
            prev = _previous_nonblank(lines, i)
            if prev is not None and len(lines[prev].split()) <= 80:
                keep[prev] = False  # the caption the credit belongs to
                twin = _previous_nonblank(lines, prev)
                if twin is not None and _is_copy(lines[twin], lines[prev]):
                    keep[twin] = False
        elif len(line.split()) <= 80 and (_TRAILING_CREDIT.search(line) or _LEADING_CREDIT.match(line)
                                          or _LABELLED_CREDIT.search(line)):
            keep[i] = False  # a caption with its credit on the same line
        elif is_boilerplate(line) or ((is_menu_item(line) or (_is_widget(line) and (i != first or _SEPARATOR.search(line))))
                                      and not names_a_group(line) and not _is_factbox_entry(lines, i)):
            keep[i] = False  # (the first line is the title: "Jund al-Mizan" is no button)
        else:
            nxt = _next_nonblank(lines, i)
            if nxt is not None and i != first and _is_copy(line, lines[nxt]):
                keep[i] = keep[nxt] = False  # alt text and caption printed twice
                # (but a page's title repeated at the start of its lead is the lead: "X\n\nX (Greek: ...) is")
    _drop_reference_sections(lines, keep)
    kept = [strip_wire_dateline(line) if k else "" for line, k in zip(lines, keep, strict=True)]
    paragraphs = [p for p in unwrap(kept) if p]
    return "\n".join(paragraphs) + "\n" if paragraphs else ""


def is_citation(line: str) -> bool:
    """'5. van Hoorn, Pieter (3 October 2014). "De broers uit Feijenoord". Rotterdams Avondblad.',
    '4. "Veinte años para el cerebro". EFE. 12 June 2015.', '3. Audiencia Nacional. Sentencia 9/2016.'"""
    if _CITATION.search(line) or _CITATION_MARKS.search(line):
        return True
    if _FOOTNOTE.match(line) and len(line.split()) <= 30:
        return True  # "¹⁵ Minutes of 21.04.2021, p. 22.", "[^3]: Ruiz Calvo, Elena (2015) ..."
    return len(line.split()) <= 25 and bool(_CITATION_QUOTED.search(line) or _CITATION_DOCKET.search(line))


def _drop_reference_sections(lines: list[str], keep: list[bool]) -> None:
    """From a 'References' / 'See also' / 'External links' heading on, drop the list of sources
    and links, up to the next line of prose. Citation-shaped lines are dropped anywhere."""
    headings = _reference_headings()
    inside = False
    see_also = False
    for i, line in enumerate(lines):
        if not line:
            continue
        bare = _HEADING_MARKUP.sub("", line).strip().lower().rstrip(":")
        if bare in headings:
            inside, keep[i] = True, False
            see_also = bare == "see also"
            continue
        prose = len(line.split()) >= 15 and bool(_SENTENCE_END.search(line)) and not is_citation(line)
        if inside and prose:
            inside = False
        if see_also and inside and _BULLET.match(line) and len(line.split()) <= 9 and names_a_group(line):
            continue  # "See also: - Provisional IRA Belfast Brigade": the network's other units
        if inside or is_citation(line):
            keep[i] = False


@lru_cache(maxsize=1)
def _reference_headings() -> frozenset[str]:
    return words("reference_headings.txt")


def _is_copy(first: str, second: str) -> bool:
    """The same caption twice, or a cut-off copy of the line that follows."""
    return first == second or (len(first.split()) >= 2 and second.startswith(first) and first != second
                               and not _SENTENCE_END.search(first))


def names_a_group(line: str) -> bool:
    """'- Provisional IRA Belfast Brigade', 'Roe clan': a navbox or fact-box line that names a
    group is a list of the network's groups, not a navigation button; 'Known members',
    'Founders' is the heading of a roll of its people."""
    return any(w in _group_words() or w.removesuffix("s") in _role_words()
               for w in re.findall(r"[^\W\d_]+", line.lower()))


@lru_cache(maxsize=1)
def _group_words() -> frozenset[str]:
    return words("organisation_words.txt") | words("group_nouns.txt")


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    return frozenset(r[0].lower() for r in rows("group_roles.txt") if r[1:] in (("member",), ("leader",)))


# A name as a fact box prints it: two to five capitalised words, particles allowed ("Ann de
# Roe", "Abu Bakr al-Roe"), no digits, commas or sentence punctuation; not a shouted heading.
_NAME_WORD = r"(?:[A-Z][\w'’.-]*|[a-z]{1,3}|[a-z]{1,3}-[A-Z][\w'’-]*)"
_NAME_LINE = re.compile(rf"^{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}}$")
_COLON_ROW = re.compile(r"^\W{0,3}[^\W\d_][\w ()/'-]{0,30}:\s+\S")  # "Spouse: Ann Roe", "- Leader: X"


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.strip().strip("|").split("|")]


def _is_table_row(line: str) -> bool:
    """'Spouse | Ann Roe |', 'Ann Roe | |': a row of a fact box copied as a table."""
    stripped = line.strip()
    return stripped.endswith("|") or stripped.startswith("|")


def _is_name_line(text: str) -> bool:
    return bool(_NAME_LINE.match(text)) and not text.isupper() and sum(w[:1].isupper() for w in text.split()) >= 2


def _is_factbox_row(line: str) -> bool:
    """A labelled row of a fact box: 'Spouse: Ann Roe', 'Spouse | Ann Roe |', 'BornLagos';
    not a page's metadata ('Published: 3 May 2020', then the writer's name)."""
    if is_boilerplate(line):
        return False
    if _COLON_ROW.match(line):
        return True
    if _is_table_row(line):
        return sum(1 for c in _cells(line) if re.search(r"[^\W\d_]", c)) >= 2
    lower = line.lower()
    return any(lower.startswith(label) and (len(line) == len(label) or not line[len(label)].islower())
               for label in _factbox_labels())


@lru_cache(maxsize=1)
def _factbox_labels() -> tuple[str, ...]:
    labels = words("factbox_labels.txt") | {r[0].lower() for r in rows("infobox_fields.txt")}
    return tuple(sorted(labels, key=len, reverse=True))


def _is_factbox_entry(lines: list[str], i: int) -> bool:
    """A short line of a fact box that carries a name is content, not a button: a labelled
    row with its value ('Spouse | Ann Roe |'), the box's header naming its subject ('Ann Roe
    | |', or 'Ann Roe' on the line above the first row), a value continued on the next line
    ('Leader: Ann Roe' then 'Bo Roe'), an item of a list under a field label ('Other names'
    then '• Bo' ...). Navigation sits among buttons and links, not against a fact box."""
    line = lines[i]
    if is_boilerplate(line):
        return False
    if _is_table_row(line):
        cells = [c for c in _cells(line) if re.search(r"[^\W\d_]", c)]
        return len(cells) >= 2 or (len(cells) == 1 and _is_name_line(cells[0]))
    before = lines[i - 1] if i > 0 else ""
    after = lines[i + 1] if i + 1 < len(lines) else ""
    if _BULLET.match(line):
        item = _BULLET.sub("", line)
        return bool(re.fullmatch(r"[A-Z][\w'’.-]*(?:\s+[\w'’.-]+){0,4}", item)) and _under_field_label(lines, i)
    if not _is_name_line(line):
        return False
    return bool(before and _is_factbox_row(before)) or bool(after and _is_factbox_row(after))


def _under_field_label(lines: list[str], i: int) -> bool:
    """A bullet item of the list that follows a bare fact-box label line ('Other names')."""
    j = i - 1
    while j >= 0 and lines[j] and _BULLET.match(lines[j]):
        j -= 1
    return j >= 0 and bool(lines[j]) and lines[j].lower().rstrip(":") in _factbox_labels()


def _is_widget(line: str) -> bool:
    """One or two words with no punctuation: buttons, counters, tabs; or a short masthead
    or section line split by a separator ("Lille Weekly — Our neighbourhoods")."""
    if _SENTENCE_END.search(line):
        return False
    words = [w for w in line.split() if w not in {"|", "·", "›", "»", "—", "–"}]
    return (len(words) <= 2 or (len(words) <= 6 and bool(_SEPARATOR.search(line)))
            or len(_SEPARATOR.findall(line)) >= 3)  # "Home | Random article | Donate | Log in"


def strip_wire_dateline(line: str) -> str:
    """'PARIS, June 17 (Reuters) - A Paris court ...': the agency in a wire dateline is the
    publisher, not an actor; the rest of the line is the reporting."""
    return _WIRE_DATELINE.sub("", line, count=1)


def unwrap(lines: list[str]) -> list[str]:
    """Join hard-wrapped lines (PDFs, e-mail style text) into one line per paragraph.

    A block is hard-wrapped when most of its lines are of similar, moderate length; such a
    block is joined with spaces, which keeps every sentence verbatim up to whitespace.
    """
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    out: list[str] = []
    for block in blocks:
        if len(block) >= 3 and _looks_wrapped(block) and not any(_BULLET.match(b) for b in block):
            out.append(_join_wrapped(block))
        else:
            out.extend(block)
        out.append("")
    return out


def _looks_wrapped(block: list[str]) -> bool:
    if sum(1 for b in block if _FIELD.match(b) or _is_table_row(b)) >= len(block) / 2:
        return False  # "Also known as: ...", "Founder | ... |": an infobox, one field per line
    lengths = [len(b) for b in block[:-1]]
    long_enough = sum(1 for n in lengths if 40 <= n <= 120)
    return long_enough >= 0.8 * len(lengths) and not all(_SENTENCE_END.search(b) for b in block[:-1])


def _join_wrapped(block: list[str]) -> str:
    text = block[0]
    for line in block[1:]:
        if text.endswith("-") and line[:1].islower():
            text = text[:-1] + line  # re-join a word hyphenated at a line break
        else:
            text += " " + line
    return text


def _previous_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i - 1, max(-1, i - 3), -1):
        if lines[j].strip():
            return j
    return None


def _next_nonblank(lines: list[str], i: int) -> int | None:
    for j in range(i + 1, min(len(lines), i + 3)):
        if lines[j].strip():
            return j
    return None


_WORD = re.compile(r"\S+")
_SPACE = re.compile(r"\s*")


def offset_map(original: str, cleaned: str) -> list[tuple[int, int]]:
    """(cleaned offset, original offset) at each point where the two texts stop running in step.

    Cleaning copies reporting verbatim but drops lines, strips datelines and joins wrapped lines,
    so the map is found by alignment rather than bookkept: each cleaned paragraph is found in the
    original by its first words (allowing any whitespace between them), then each word after the
    last one placed. A position of the cleaned text maps to the last entry at or before it plus
    the distance from that entry; see `Document.original_offset`.
    """
    entries: list[tuple[int, int]] = []
    position = 0
    for line in re.finditer(r"[^\n]+", cleaned):
        words = list(_WORD.finditer(line.group()))
        if not words:
            continue
        copied = line.group()[words[0].start():words[-1].end()]
        after_space = _SPACE.match(original, position).end()  # type: ignore[union-attr]
        if original.startswith(copied, after_space):
            # The usual case: the line comes next, verbatim (what the word by word alignment
            # below finds, in one step and one entry).
            clean_at = line.start() + words[0].start()
            if not entries or after_space - clean_at != entries[-1][1] - entries[-1][0]:
                entries.append((clean_at, after_space))
            position = min(len(original), after_space + len(copied))
            continue
        lead = r"\s+".join(re.escape(w.group()) for w in words[:6])
        found = re.compile(lead).search(original, position)
        if found is not None:
            position = found.start()
        for word in words:
            at = original.find(word.group(), position)
            if at < 0 or (at - position > 200 and original[position:at].strip()):
                at = position  # a word cleaning re-joined ("recruit-ment"): keep in step
            clean_at = line.start() + word.start()
            if not entries or at - clean_at != entries[-1][1] - entries[-1][0]:
                entries.append((clean_at, at))
            position = min(len(original), at + len(word.group()))
    return entries
