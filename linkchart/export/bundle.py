"""Case bundles: one file that carries a whole case from one analyst to another, offline.

A bundle is a zip archive of JSON members and a manifest:

  manifest.json      format and version, the linkchart and extractor versions that made it,
                     counts, where the case came from, and the SHA-256 and size of every member
  documents.jsonl    every document with its text (so the evidence can be read again)
  extraction.jsonl   what extraction found in each document (entities, mentions, ties, events)
  decisions.json     the analyst decisions (merge, split, rename), undone ones marked
  settings.json      the settings the case was built with
  network.json       the resolved network as it stood (entities, ties with evidence, events)

Opening checks everything before writing anything: a file that is not a complete zip
(truncated), a member missing, added, resized or changed (its hash no longer matches), or a
manifest of another format is refused with one line. The manifest's own SHA-256 is the bundle's
fingerprint: `bundle` and `open` print it so two analysts can compare it over another channel,
since anyone who rewrites a member can also rewrite the manifest (hashes catch damage and casual
edits, not a forger; there is no signature).

A built case is restored from its documents, extraction and decisions and resolved again; the
result is compared with the bundled network, and a difference (another linkchart version
resolves differently) is reported. An imported case has no extraction: its network is restored
as bundled.
"""

from __future__ import annotations

import hashlib
import json
import os
import zipfile
import zlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from linkchart import __version__
from linkchart.errors import LinkchartError
from linkchart.model import (
    Alias,
    AnalystDecision,
    DateSource,
    Document,
    DocumentExtraction,
    Entity,
    Event,
    Evidence,
    LocalEntity,
    LocalEvent,
    LocalRelation,
    Mention,
    MergeDecision,
    Network,
    Relation,
    Resolution,
)
from linkchart.store.base import SCHEMA_VERSION, Store

if TYPE_CHECKING:
    from linkchart.case import Case

BUNDLE_FORMAT = "linkchart-bundle"
BUNDLE_VERSION = 1
MANIFEST = "manifest.json"
MEMBERS = ("documents.jsonl", "extraction.jsonl", "decisions.json", "settings.json", "network.json")
_UNDONE = " (undone)"  # how the store marks an undone decision's time
_CHUNK = 1 << 20
_MAX_MANIFEST = 1 << 20


@dataclass(frozen=True)
class BundleOutcome:
    path: str
    fingerprint: str  # SHA-256 of the manifest
    counts: dict[str, int]
    warnings: list[str] = field(default_factory=list)


@dataclass
class BundleContents:
    manifest: dict[str, Any]
    fingerprint: str
    members: dict[str, bytes]

    def lines(self, name: str) -> list[dict[str, Any]]:
        return [json.loads(line) for line in self.members[name].decode("utf-8").splitlines() if line.strip()]

    def json(self, name: str) -> Any:
        return json.loads(self.members[name].decode("utf-8"))


# --------------------------------------------------------------------------- writing


def collect_case(store: Store) -> dict[str, Any]:
    """Everything a case holds, as JSON-ready parts (documents stream one at a time)."""
    entities: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for e in store.local_entities():
        entities[e.document_id].append({**asdict(e), "names": sorted(e.names), "explicit_aliases": sorted(e.explicit_aliases)})
    relations: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in store.local_relations():
        relations[r.document_id].append(asdict(r))
    events: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for ev in store.local_events():
        events[ev.document_id].append(asdict(ev))
    documents, extraction = [], []
    page, offset = store.documents_page(0, 200), 0
    while page.items:
        for summary in page.items:
            doc = store.document(summary.id)
            if doc is None:
                continue
            version = store.extractor_version_of(doc.id) or ""
            documents.append({**asdict(doc), "extractor_version": version})
            if version and not doc.duplicate_of:
                extraction.append({"document": doc.id, "entities": entities[doc.id], "relations": relations[doc.id],
                                   "events": events[doc.id], "mentions": [asdict(m) for m in store.mentions(doc.id)],
                                   "merges": [asdict(m) for m in store.local_merges([doc.id])]})
        offset += len(page.items)
        page = store.documents_page(offset, 200)
    decisions = [{**asdict(d), "created_at": d.created_at.removesuffix(_UNDONE), "undone": d.created_at.endswith(_UNDONE)}
                 for d in store.analyst_decisions(include_undone=True)]
    network = store.network()
    origin = json.loads(store.get_meta("origin") or '{"kind": "built"}')
    return {"documents": documents, "extraction": extraction, "decisions": decisions,
            "settings": json.loads(store.get_meta("settings") or "{}"), "network": asdict(network), "origin": origin,
            "counts": {"documents": len(documents), "entities": len(network.entities), "ties": len(network.relations),
                       "events": len(network.events), "decisions": len(decisions)}}


def write_bundle(output: Path, case: dict[str, Any]) -> BundleOutcome:
    from linkchart.build import extractor_version

    members = {
        "documents.jsonl": _jsonl(case["documents"]),
        "extraction.jsonl": _jsonl(case["extraction"]),
        "decisions.json": _json(case["decisions"]),
        "settings.json": _json(case["settings"]),
        "network.json": _json(case["network"]),
    }
    manifest = {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "linkchart": __version__,
                "extractor": extractor_version(), "store_schema": SCHEMA_VERSION,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"), "origin": case["origin"],
                "counts": case["counts"],
                "files": {name: {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
                          for name, data in members.items()}}
    manifest_bytes = _json(manifest)
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".partial")  # a stopped write never leaves a bundle that looks whole
    try:
        with zipfile.ZipFile(temporary, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, manifest_bytes)
            for name, data in members.items():
                archive.writestr(name, data)
        os.replace(temporary, output)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return BundleOutcome(str(output), hashlib.sha256(manifest_bytes).hexdigest(), case["counts"])


def _json(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")


def _jsonl(rows: list[dict[str, Any]]) -> bytes:
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows).encode("utf-8")


# --------------------------------------------------------------------------- reading


def read_bundle(path: Path) -> BundleContents:
    """The bundle's members, each checked against the manifest's size and SHA-256."""
    if not path.is_file():
        raise LinkchartError(f"{path}: no such bundle")
    try:
        with zipfile.ZipFile(path) as archive:
            names = archive.namelist()
            if MANIFEST not in names:
                raise LinkchartError(f"{path}: not a linkchart bundle (no {MANIFEST})")
            if archive.getinfo(MANIFEST).file_size > _MAX_MANIFEST:
                raise LinkchartError(f"{path}: refused, its manifest is implausibly large")
            manifest_bytes = archive.read(MANIFEST)
            manifest = _manifest(path, manifest_bytes)
            listed = manifest["files"]
            extra = sorted(set(names) - set(listed) - {MANIFEST})
            missing = sorted(set(listed) - set(names))
            if extra or missing or sorted(listed) != sorted(MEMBERS):
                what = (f"holds {', '.join(extra)} that its manifest does not list" if extra
                        else f"misses {', '.join(missing or sorted(set(MEMBERS) - set(listed)))}")
                raise LinkchartError(f"{path}: refused, the bundle {what}")
            members = {name: _member(path, archive, name, listed[name]) for name in MEMBERS}
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error) as err:
        raise LinkchartError(f"{path}: refused, not a complete linkchart bundle (truncated or damaged: {err})") from None
    except OSError as err:
        raise LinkchartError(f"{path}: cannot read ({err.strerror or err})") from None
    return BundleContents(manifest, hashlib.sha256(manifest_bytes).hexdigest(), members)


def _manifest(path: Path, data: bytes) -> dict[str, Any]:
    try:
        manifest = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise LinkchartError(f"{path}: refused, its manifest is not valid JSON") from None
    if not isinstance(manifest, dict) or manifest.get("format") != BUNDLE_FORMAT or not isinstance(manifest.get("files"), dict):
        raise LinkchartError(f"{path}: not a linkchart bundle (its manifest is of another format)")
    if not isinstance(manifest.get("version"), int) or manifest["version"] > BUNDLE_VERSION:
        raise LinkchartError(f"{path}: made by a newer linkchart ({manifest.get('linkchart')}, bundle version"
                             f" {manifest.get('version')}); this one reads version {BUNDLE_VERSION}")
    return manifest


def _member(path: Path, archive: zipfile.ZipFile, name: str, expected: dict[str, Any]) -> bytes:
    size = archive.getinfo(name).file_size
    if size != expected.get("bytes"):
        raise LinkchartError(f"{path}: refused, {name} is {size} bytes but the manifest says {expected.get('bytes')}"
                             " (the bundle was changed after it was written)")
    digest = hashlib.sha256()
    parts, read = [], 0
    with archive.open(name) as member:
        while chunk := member.read(_CHUNK):
            read += len(chunk)
            if read > size:  # a member that inflates beyond its stated size is never held in memory
                raise LinkchartError(f"{path}: refused, {name} is larger than the manifest says")
            digest.update(chunk)
            parts.append(chunk)
    if digest.hexdigest() != expected.get("sha256"):
        raise LinkchartError(f"{path}: refused, {name} does not match its SHA-256 in the manifest"
                             " (the bundle was changed after it was written)")
    return b"".join(parts)


# --------------------------------------------------------------------------- restoring


def bundle_settings(contents: BundleContents) -> dict[str, Any]:
    settings = contents.json("settings.json")
    return settings if isinstance(settings, dict) else {}


def restore_case(case: Case, contents: BundleContents, target: Path) -> BundleOutcome:
    """Write a checked bundle into an empty case (the Case service calls this)."""
    from linkchart.ingest import minhash

    store, settings = case.store, case.settings
    extraction = {x["document"]: x for x in contents.lines("extraction.jsonl")}
    for row in contents.lines("documents.jsonl"):
        doc = _document(row)
        signature = minhash(doc.text, shingle_words=settings.shingle_words, permutations=settings.minhash_permutations)
        found = extraction.get(doc.id)
        if found is not None:
            store.save_extraction(doc, signature, _extraction(doc.id, found), row.get("extractor_version", ""))
        else:
            store.add_document(doc, signature)
    for row in contents.json("decisions.json"):
        did = store.add_decision(AnalystDecision(row["action"], row["name_a"], row["name_b"], row["entity_a"], row["entity_b"],
                                                 row["anchor_a"], row["anchor_b"], row["reason"]))
        if row.get("undone"):
            store.undo_decision(did)
    bundled = network_from_dict(contents.json("network.json"))
    origin = contents.manifest.get("origin") or {"kind": "built"}
    warnings = []
    if origin.get("kind") == "imported":
        store.write_network(Resolution(bundled.entities, bundled.relations, [], bundled.events, {}))
    else:
        case.resolve()
        difference = _difference(bundled, store.network())
        if difference:
            warnings.append(f"this linkchart ({__version__}) resolves the bundled documents differently from the one that"
                            f" made the bundle ({contents.manifest.get('linkchart')}): {difference}")
    store.set_meta("origin", json.dumps(origin, ensure_ascii=False, sort_keys=True))
    store.set_meta("bundle", json.dumps({"fingerprint": contents.fingerprint, "made_by": contents.manifest.get("linkchart"),
                                         "created_at": contents.manifest.get("created_at"),
                                         "opened_at": datetime.now(UTC).isoformat(timespec="seconds")}, sort_keys=True))
    store.set_meta("build_state", "complete")
    return BundleOutcome(str(target), contents.fingerprint, dict(contents.manifest.get("counts", {})), warnings)


def _difference(bundled: Network, restored: Network) -> str:
    def ties(n: Network) -> set[tuple[str, tuple[tuple[str, str], ...]]]:
        return {(r.id, tuple(sorted((e.document_id, e.text) for e in r.evidence))) for r in n.relations}

    before = {(e.id, e.name, tuple(e.alias_names())) for e in bundled.entities}
    after = {(e.id, e.name, tuple(e.alias_names())) for e in restored.entities}
    parts = []
    if before != after:
        parts.append(f"{len(after - before)} entities new or changed, {len(before - after)} gone")
    if ties(bundled) != ties(restored):
        parts.append(f"{len(ties(restored) - ties(bundled))} ties new or changed, {len(ties(bundled) - ties(restored))} gone")
    return "; ".join(parts)


def _document(row: dict[str, Any]) -> Document:
    return Document(row["id"], row["path"], row["title"], row["text"], row["content_hash"], row.get("date"),
                    row.get("duplicate_of"), original=row.get("original", ""),
                    offset_map=[(a, b) for a, b in row.get("offset_map", [])])


def _date_source(row: dict[str, Any] | None) -> DateSource | None:
    return DateSource(**row) if row else None


def _evidence(row: dict[str, Any]) -> Evidence:
    return Evidence(row["document_id"], row["text"], row["start"], row["end"], bool(row.get("hedged")))


def _extraction(document_id: str, row: dict[str, Any]) -> DocumentExtraction:
    return DocumentExtraction(
        document_id,
        [LocalEntity(e["local_id"], e["document_id"], e["type"], e["name"], set(e["names"]), set(e["explicit_aliases"]),
                     e["role"], e["mention_count"]) for e in row["entities"]],
        [Mention(**m) for m in row["mentions"]],
        [LocalRelation(r["document_id"], r["source"], r["target"], r["type"], _evidence(r["evidence"]), r.get("subtype"),
                       r.get("date"), _date_source(r.get("date_source"))) for r in row["relations"]],
        [MergeDecision(**m) for m in row["merges"]],
        [LocalEvent(e["document_id"], e["type"], e["label"], e["participants"], _evidence(e["evidence"]), e.get("place"),
                    e.get("date"), _date_source(e.get("date_source"))) for e in row["events"]],
    )


def network_from_dict(data: dict[str, Any]) -> Network:
    """The inverse of `dataclasses.asdict(network)`."""
    return Network(
        [Entity(e["id"], e["type"], e["name"], [Alias(**a) for a in e["aliases"]], e["role"], e["documents"],
                e["mention_count"]) for e in data["entities"]],
        [Relation(r["source"], r["target"], r["type"], [_evidence(x) for x in r["evidence"]], r.get("subtype"),
                  bool(r["hedged"]), r["confidence"], r.get("date"), r["id"], _date_source(r.get("date_source")))
         for r in data["relations"]],
        [Document(**{**d, "offset_map": [(a, b) for a, b in d.get("offset_map", [])]}) for d in data["documents"]],
        [Event(ev["id"], ev["type"], ev["label"], ev["participants"], [_evidence(x) for x in ev["evidence"]], ev.get("place"),
               ev.get("date"), bool(ev["hedged"]), _date_source(ev.get("date_source"))) for ev in data["events"]],
    )
