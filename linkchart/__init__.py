"""linkchart: an offline workbench that turns reporting about violent networks into an
evidence-backed network (see README.md)."""

__version__ = "0.2.0"
