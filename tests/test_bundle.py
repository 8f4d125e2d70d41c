"""Case bundles: one file carries a case to another analyst; a damaged or changed bundle is refused before anything is written."""

from __future__ import annotations

import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkchart.case import Case
from linkchart.cli import cli


@pytest.fixture(scope="module")
def decided_case(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed case with analyst decisions: a merge taken back, and a rename."""
    db = tmp_path_factory.mktemp("bundle") / "case.db"
    shutil.copy(seed_db, db)
    with Case.open(db, writable=True) as case:
        people = [e for e in case.network().entities if e.type == "person" and e.role == "actor"]
        first, second = people[0], people[1]
        outcome = case.merge(first.id, second.id, reason="one person?")
        case.undo(outcome.decision_id)
        case.rename(first.id, first.name + " (renamed)", reason="display name")
    return db


@pytest.fixture(scope="module")
def bundle_file(decided_case: Path) -> Path:
    path = decided_case.parent / "case.lcbundle"
    result = CliRunner().invoke(cli, ["bundle", "--db", str(decided_case), "--output", str(path)])
    assert result.exit_code == 0, result.output
    assert "fingerprint" in result.output
    return path


def export_json(db: Path, tmp_path: Path) -> dict:  # type: ignore[type-arg]
    out = tmp_path / f"{db.stem}.json"
    with Case.open(db) as case:
        case.export("json", out)
    return json.loads(out.read_text())


def test_bundle_opens_into_the_same_case(decided_case: Path, bundle_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "received.db"
    result = CliRunner().invoke(cli, ["open", str(bundle_file), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    assert export_json(db, tmp_path) == export_json(decided_case, tmp_path)
    with Case.open(decided_case) as sent, Case.open(db) as received:
        def decisions(case: Case) -> list[tuple[object, ...]]:
            return [(d.id, d.action, d.name_a, d.name_b, d.entity_a, d.anchor_a, d.reason, d.created_at.endswith("(undone)"))
                    for d in case.decisions()]

        assert decisions(received) == decisions(sent) and len(decisions(sent)) == 2
        assert received.settings.variant_similarity == sent.settings.variant_similarity
        renamed = next(d for d in sent.decisions() if d.action == "rename")
        assert received.entity(renamed.entity_a).name == renamed.name_b  # the analyst's rename holds
        sample = sent.network().relations[0].evidence[0]
        assert received.document(sample.document_id).text[sample.start:sample.end] == sample.text
    info = CliRunner().invoke(cli, ["info", "--db", str(db)])
    assert "opened from a bundle" in info.output
    with Case.open(db, writable=True) as case:  # the receiver can go on deciding
        people = [e for e in case.network().entities if e.type == "person" and e.role == "actor"]
        assert case.merge(people[2].id, people[3].id).entity_ids


def test_manifest_lists_versions_and_hashes(bundle_file: Path) -> None:
    with zipfile.ZipFile(bundle_file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
    assert manifest["format"] == "linkchart-bundle" and manifest["linkchart"] and manifest["extractor"]
    assert set(manifest["files"]) == {"documents.jsonl", "extraction.jsonl", "decisions.json", "settings.json", "network.json"}
    assert all(len(f["sha256"]) == 64 for f in manifest["files"].values())
    assert manifest["counts"]["decisions"] == 2


def rewrite(source: Path, target: Path, change: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for name in src.namelist():
            data = change[name] if name in change else src.read(name)
            if data is not None:
                out.writestr(name, data)
        for name, data in (extra or {}).items():
            out.writestr(name, data)
    return target


def network_changed(bundle: Path) -> bytes:
    """The network with one name replaced by another of the same length: only the hash can tell."""
    with zipfile.ZipFile(bundle) as archive:
        original = archive.read("network.json")
    name = json.loads(original)["entities"][0]["name"]
    changed = original.replace(json.dumps(name, ensure_ascii=False).encode(), json.dumps("X" * len(name)).encode(), 1)
    assert changed != original and len(changed) == len(original)
    return changed


@pytest.mark.parametrize("damage", ["truncated", "changed", "resized", "extra", "missing", "not a bundle", "flipped byte"])
def test_damaged_or_changed_bundles_are_refused(bundle_file: Path, tmp_path: Path, damage: str) -> None:
    bad = tmp_path / f"{damage.replace(' ', '-')}.lcbundle"
    data = bundle_file.read_bytes()
    if damage == "truncated":
        bad.write_bytes(data[: len(data) * 2 // 3])
    elif damage == "changed":
        rewrite(bundle_file, bad, {"network.json": network_changed(bundle_file)})
    elif damage == "resized":
        with zipfile.ZipFile(bundle_file) as archive:
            decisions = json.loads(archive.read("decisions.json"))
        decisions[1]["reason"] = "never said"
        rewrite(bundle_file, bad, {"decisions.json": json.dumps(decisions).encode()})
    elif damage == "extra":
        rewrite(bundle_file, bad, {}, {"run-me.py": b"print('hello')"})
    elif damage == "missing":
        rewrite(bundle_file, bad, {"extraction.jsonl": None})
    elif damage == "not a bundle":
        bad.write_text("just text", encoding="utf-8")
    else:
        flipped = bytearray(data)
        flipped[len(data) // 3] ^= 0xFF
        bad.write_bytes(bytes(flipped))
    db = tmp_path / "new.db"
    result = CliRunner().invoke(cli, ["open", str(bad), "--db", str(db)])
    assert result.exit_code == 1, result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:") and str(bad) in lines[0], result.output
    expected = {"changed": "does not match its SHA-256", "resized": "the manifest says", "extra": "does not list",
                "missing": "misses extraction.jsonl", "truncated": "truncated", "flipped byte": "refused",
                "not a bundle": "truncated or damaged"}
    assert expected[damage] in lines[0]
    assert not db.exists() and not list(tmp_path.glob("new.db*"))


def test_open_never_overwrites_a_case(bundle_file: Path, decided_case: Path) -> None:
    before = decided_case.read_bytes()
    result = CliRunner().invoke(cli, ["open", str(bundle_file), "--db", str(decided_case)])
    assert result.exit_code == 1 and "already exists" in result.output
    assert decided_case.read_bytes() == before


def test_an_imported_case_travels_as_imported(tmp_path: Path) -> None:
    edges = tmp_path / "ring.csv"
    edges.write_text("Ilse Brandt,Jonas Weller\nJonas Weller,Kai Ostrow\n", encoding="utf-8")
    db = tmp_path / "ring.db"
    with Case.open(db, writable=True) as case:
        case.import_file(edges)
        case.bundle(tmp_path / "ring.lcbundle")
    received = tmp_path / "received.db"
    Case.open_bundle(tmp_path / "ring.lcbundle", received)
    assert export_json(received, tmp_path) == export_json(db, tmp_path)
    with Case.open(received) as case:
        assert case.is_imported()


def test_a_network_this_version_resolves_differently_is_reported(bundle_file: Path, tmp_path: Path) -> None:
    """A bundle from another linkchart whose network differs from what this one resolves: opened, with a warning."""
    with zipfile.ZipFile(bundle_file) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        network = json.loads(archive.read("network.json"))
    network["relations"] = network["relations"][1:]
    data = json.dumps(network).encode()
    manifest["files"]["network.json"] = {"sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}
    manifest["linkchart"] = "0.0.1"
    other = rewrite(bundle_file, tmp_path / "older.lcbundle", {"network.json": data, "manifest.json": json.dumps(manifest).encode()})
    db = tmp_path / "older.db"
    result = CliRunner().invoke(cli, ["open", str(other), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "resolves the bundled documents differently" in result.output and "0.0.1" in result.output
    assert "1 ties new or changed, 0 gone" in result.output
