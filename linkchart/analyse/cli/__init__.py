"""`linkchart analyse ...`: the analysts' questions on the command line, one module per question.

A person is named by entity id, name or any alias (case-insensitive); an unknown or ambiguous
name is a one-line usage error. See `base` for what every subcommand shares.
"""

from . import actors, disruption, history, paths, recruitment, sources
from .base import analyse, load_network

__all__ = ["actors", "analyse", "disruption", "history", "load_network", "paths", "recruitment", "sources"]
