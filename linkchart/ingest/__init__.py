"""Ingest: files and folders of reporting to clean Document records."""

from linkchart.ingest.dedupe import DuplicateIndex, content_hash, minhash
from linkchart.ingest.document import load_document
from linkchart.ingest.readers import SUPPORTED_SUFFIXES, discover, read_file

__all__ = ["SUPPORTED_SUFFIXES", "DuplicateIndex", "content_hash", "discover",
           "load_document", "minhash", "read_file"]
