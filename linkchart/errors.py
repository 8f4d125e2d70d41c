"""Errors that reach the user as one line."""

from __future__ import annotations


class LinkchartError(Exception):
    """An error the user can act on; the CLI prints it as one line."""


class InputError(LinkchartError):
    """A file that cannot be ingested. The rest of the batch goes on."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
