"""The one rule by which a typed name finds an entity: CLI, web app and every backend use it.

A name matches when its key equals the key of one of the entity's names: letters folded to ASCII
(Qasimī = Qasimi), case, punctuation and spacing ignored ("al-Kessabi" = "Al Kessabi").
"""

from __future__ import annotations

import re

from anyascii import anyascii

_NOT_WORD = re.compile(r"[^0-9a-z]+")


def lookup_key(name: str) -> str:
    """>>> lookup_key("  Abū  al-Zarqāwī ")
    'abu al zarqawi'
    """
    return _NOT_WORD.sub(" ", anyascii(name).casefold()).strip()


def fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms, so no input is parsed as syntax."""
    terms = [t.replace('"', '""') for t in text.split() if t.strip()]
    return " ".join(f'"{t}"' for t in terms) or '""'
