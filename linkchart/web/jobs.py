"""Ingest from the browser: uploaded files are stored in the case's upload folder and built in a
background thread, one job at a time, whose progress the page polls.

A file that is too large, has a type linkchart cannot read or a name that would leave the folder
gets one line naming it and the problem; the other files go on.
"""

from __future__ import annotations

import hashlib
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi import UploadFile

from linkchart.case import Case
from linkchart.errors import LinkchartError
from linkchart.store.postgres import is_postgres_url
from linkchart.web.security import inside, safe_upload_name

CHUNK = 1 << 16


def case_label(db: str) -> str:
    """A short name for the case: the file's stem, or the database name of a PostgreSQL URL."""
    if is_postgres_url(db):
        return db.rstrip("/").rsplit("/", 1)[-1].split("?")[0] or "case"
    return Path(db).stem


def upload_folder(db: str | Path) -> Path:
    """Uploads live beside the case file in a folder named after it (for a team store, in the
    working directory)."""
    if is_postgres_url(db):
        return Path.cwd() / f"{case_label(str(db))}-uploads"
    path = Path(db)
    return path.resolve().parent / f"{path.stem}-uploads"


@dataclass
class Job:
    id: str
    files: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    total: int = 0
    done: int = 0
    current: str = ""
    state: str = "queued"  # queued | building | finished | failed
    summary: str = ""

    def public(self) -> dict[str, Any]:
        return {"id": self.id, "files": self.files, "errors": self.errors, "total": self.total, "done": self.done,
                "current": self.current, "state": self.state, "summary": self.summary}


class Jobs:
    def __init__(self, db: str, *, extractor: Any | None, max_file_bytes: int) -> None:
        self.db = db
        self.extractor = extractor
        self.max_file_bytes = max_file_bytes
        self.jobs: dict[str, Job] = {}
        self.building = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        return self.jobs.get(job_id)

    async def accept(self, files: list[UploadFile]) -> Job:
        folder = upload_folder(self.db)
        folder.mkdir(parents=True, exist_ok=True)
        job = Job(uuid.uuid4().hex[:12])
        saved: list[Path] = []
        for upload in files:
            try:
                saved.append(await self._save(upload, folder))
                job.files.append(saved[-1].name)
            except LinkchartError as err:
                job.errors.append(str(err))
        self.jobs[job.id] = job
        if saved:
            threading.Thread(target=self._build, args=(job, saved), daemon=True, name=f"build-{job.id}").start()
        else:
            job.state, job.summary = "finished", "nothing to build"
        return job

    async def _save(self, upload: UploadFile, folder: Path) -> Path:
        name = safe_upload_name(upload.filename)
        data = bytearray()
        while chunk := await upload.read(CHUNK):
            data.extend(chunk)
            if len(data) > self.max_file_bytes:
                raise LinkchartError(f"{name}: larger than the {self.max_file_bytes / 1048576:g} MB limit; not stored")
        if not data:
            raise LinkchartError(f"{name}: empty file; not stored")
        target = inside(folder, name)
        if target.exists() and target.read_bytes() != bytes(data):  # same name, other text: keep both
            digest = hashlib.sha256(data).hexdigest()[:8]
            target = inside(folder, f"{target.stem}-{digest}{target.suffix}")
        target.write_bytes(bytes(data))
        return target

    def _build(self, job: Job, paths: list[Path]) -> None:
        with self.building:
            job.state = "building"
            try:
                if self.extractor is None:
                    from linkchart.extract.pipeline import Extractor
                    from linkchart.settings import Settings

                    self.extractor = Extractor(Settings())
                with Case.open(self.db, writable=True) as case:
                    report = case.build(paths, extractor=self.extractor, progress=self._progress(job),
                                        on_total=lambda n: setattr(job, "total", n))
                job.errors.extend(report.errors)
                job.errors.extend(f"{copy}: a copy of document {original} (similarity {score:.2f})"
                                  for copy, original, score in report.duplicates)
                job.summary = (f"{len(report.added)} added, {len(report.unchanged)} unchanged, {len(report.duplicates)} "
                               f"duplicates, {len(report.errors)} errors; network: {report.entities} entities, "
                               f"{report.relations} ties")
                job.state = "finished"
            except Exception as err:  # noqa: BLE001 - the page shows the line; the server goes on
                job.errors.append(f"build failed: {err}")
                job.state = "failed"

    @staticmethod
    def _progress(job: Job) -> Any:
        def step(name: str) -> None:
            job.done += 1
            job.current = Path(name).name

        return step
