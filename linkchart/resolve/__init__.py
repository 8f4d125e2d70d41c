"""Resolve: which names are one person or group, within a document and across the corpus."""

from linkchart.resolve.cross_doc import AnalystDecision, Resolution, resolve_corpus

__all__ = ["AnalystDecision", "Resolution", "resolve_corpus"]
