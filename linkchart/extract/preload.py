"""Imported once by the fork server that starts local worker processes (engines.ProcessEngine):
the language model and an extractor of default settings are loaded there, before any worker is
forked, so that every worker shares them (copy on write) instead of starting Python, importing
spaCy and loading the model again (about two seconds of CPU each). A failure here is not
reported: each worker then loads the model itself and meets the error per document."""

from __future__ import annotations

import contextlib
from typing import Any

EXTRACTOR: Any = None

with contextlib.suppress(Exception):
    from linkchart.extract.pipeline import Extractor
    from linkchart.settings import Settings

    EXTRACTOR = Extractor(Settings())
