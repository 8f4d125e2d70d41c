"""Fixtures for the workbench: a writable copy of the seed case per module, and the app on it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from linkchart.case import Case
from linkchart.web.app import create_app


def copy_case(seed_db: Path, folder: Path) -> Path:
    target = folder / "case.db"
    with Case.open(seed_db) as case:  # a read-only open leaves nothing in the WAL to copy
        case.data_version()
    shutil.copy(seed_db, target)
    return target


@pytest.fixture(scope="module")
def case_db(seed_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_case(seed_db, tmp_path_factory.mktemp("webcase"))


@pytest.fixture(scope="module")
def client(case_db: Path, extractor):  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    app = create_app(case_db, extractor=extractor, max_upload_mb=0.05)
    with TestClient(app) as c:
        c.token = c.get("/api/session").json()["token"]  # type: ignore[attr-defined]
        yield c


def write(client, path: str, body: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(path, json=body, headers={"X-Linkchart-Token": client.token})
