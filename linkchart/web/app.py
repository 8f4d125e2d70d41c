"""The browser workbench: a FastAPI app over the Case service.

`create_app(case_or_db)` builds the app; `linkchart serve` runs it with uvicorn on 127.0.0.1.
Every route calls the Case (the same object the CLI uses), so the browser and the command line
give the same answers and the same one-line errors. SQLite connections belong to the thread that
opened them, so each server thread opens its own Case on the one database file; a lock makes
requests that change the case run one at a time.

The API is described by FastAPI's OpenAPI schema at /api/openapi.json (docs at /api/docs).
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, File, HTTPException, Query, Request, UploadFile
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask
from starlette.middleware.trustedhost import TrustedHostMiddleware

from linkchart.case import Case, DecisionOutcome
from linkchart.errors import LinkchartError
from linkchart.export import FORMATS
from linkchart.store.lookup import lookup_key
from linkchart.web import charts
from linkchart.web.jobs import Jobs, case_label
from linkchart.web.security import Guard, new_token

STATIC = Path(__file__).parent / "static"
log = logging.getLogger(__name__)
MAX_UPLOAD_FILES = 50


class PairRequest(BaseModel):
    a: str = Field(description="a name, alias or entity id")
    b: str = Field(description="a name, alias or entity id")
    reason: str = ""


class RenameRequest(BaseModel):
    ref: str
    new_name: str
    reason: str = ""


class VerdictRequest(BaseModel):
    reason: str = ""


class ChartRequest(BaseModel):
    name: str
    state: dict[str, Any]


class CaseAccess:
    """One Case per server thread on the same file, a lock for changes, and results computed once
    per data version.

    A result is computed by one thread while the others asking for it wait (the warm-up thread and
    the page's first request must not both spend seconds on a large chart). The chart and its
    measures are also kept with the case (`Case.keep_prepared`), so a restarted server serves a
    chart of thousands of ties without recomputing it.
    """

    def __init__(self, db: str, *, writable: bool) -> None:
        self.db = db
        self.writable = writable
        self.lock = threading.RLock()
        self._local = threading.local()
        self._cache: dict[str, Any] = {}
        self._key_locks: dict[str, threading.Lock] = {}
        self._key_locks_guard = threading.Lock()
        self.chart_served = threading.Event()

    def case(self) -> Case:
        case = getattr(self._local, "case", None)
        if case is None:
            case = self._local.case = Case.open(self.db, writable=self.writable)
        return case

    @contextmanager
    def changing(self) -> Iterator[Case]:
        if not self.writable:
            raise LinkchartError("this case was opened read-only")
        with self.lock:
            yield self.case()
            self._cache.clear()

    def cached(self, key: str, make: Callable[[Case], Any]) -> Any:
        """Results that only change with the data version (the network, its measures)."""
        case = self.case()
        version = case.data_version()
        with self._key_locks_guard:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            found = self._cache.get(key)
            if found is not None and found[0] == version:
                return found[1]
            value = make(case)
            self._cache[key] = (version, value)
            return value

    def kept(self, key: str, make: Callable[[Case], str]) -> str:
        """Like `cached`, for text that is also kept with the case across server restarts."""
        def kept_or_made(case: Case) -> str:
            version = case.data_version()
            text = case.prepared(key)
            if text is None:
                text = make(case)
                if self.writable:
                    try:
                        with self.lock:
                            case.keep_prepared(key, version, text)
                    except Exception as err:  # noqa: BLE001 - keeping is a shortcut for the next start; the page still gets its chart
                        log.warning("the %s was not kept with the case: %s", key, err)
            return text

        return str(self.cached(f"kept:{key}", kept_or_made))

    def analysis(self) -> charts.Analysis:
        return self.cached("analysis", lambda c: charts.Analysis.of(c.network()))

    def chart_json(self) -> str:
        def encode(case: Case) -> str:
            return json.dumps({**charts.chart(self.analysis()), "data_version": case.data_version()}, ensure_ascii=False)

        return self.kept("chart", encode)

    def chart(self) -> dict[str, Any]:
        return dict(self.cached("chart", lambda _: json.loads(self.chart_json())))

    def measures(self) -> dict[str, Any]:
        def load(_: Case) -> Any:
            return json.loads(self.kept("measures", lambda _: json.dumps(charts.measures(self.analysis()))))

        return dict(self.cached("measures", load))

    def warm_up(self) -> None:
        """Prepare the chart, then its measures. Betweenness holds the interpreter for seconds on a
        large network, so measures wait until the page has fetched its chart (or a few seconds)."""
        self.chart_json()
        self.chart_served.wait(5.0)
        self.measures()


def _outcome(outcome: DecisionOutcome) -> dict[str, Any]:
    return asdict(outcome)


def create_app(case_or_db: Case | Path | str, *, access_token: str | None = None, writable: bool = True,
               extractor: Any | None = None, max_upload_mb: float | None = None,
               allowed_hosts: list[str] | None = None, warm: bool = False) -> FastAPI:
    """The workbench app for one case (a SQLite file or a PostgreSQL URL). A Case given here is only
    used for its location: each server thread opens its own. `allowed_hosts` guards a loopback server against DNS rebinding; `warm`
    prepares the chart and its measures in the background so the first visit finds them ready."""
    db = str(case_or_db.settings.db) if isinstance(case_or_db, Case) else str(case_or_db)
    label = case_label(db)
    access = CaseAccess(db, writable=writable)
    first = access.case()
    limit_mb = max_upload_mb if max_upload_mb is not None else first.settings.max_file_mb
    csrf = new_token()
    jobs = Jobs(db, extractor=extractor, max_file_bytes=int(limit_mb * 1024 * 1024))
    app = FastAPI(title="linkchart workbench", version="1", openapi_url="/api/openapi.json", docs_url="/api/docs",
                  redoc_url=None, description="Every tie opens the sentences that state it.")
    # A request may carry MAX_UPLOAD_FILES files of the size limit, and no more, before it is read.
    app.add_middleware(Guard, csrf_token=csrf, access_token=access_token,
                       max_body=int(MAX_UPLOAD_FILES * (limit_mb * 1048576 + 4096)))
    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts)
    app.state.access = access
    app.state.jobs = jobs

    @app.exception_handler(LinkchartError)
    async def one_line(_: Request, err: LinkchartError) -> JSONResponse:
        return JSONResponse({"error": str(err)}, status_code=400)

    # Session and chart -------------------------------------------------------------------
    @app.get("/api/session", tags=["case"])
    def session() -> dict[str, Any]:
        """The write token the page sends with every change, and what the case is."""
        case = access.case()
        return {"token": csrf, "case": label, "data_version": case.data_version(), "writable": access.writable,
                "warning": case.state_warning(), "review": hasattr(case, "review"), "max_upload_mb": limit_mb,
                "formats": list(FORMATS), "reports": list(charts.REPORTS)}

    @app.get("/api/chart", tags=["chart"], response_class=JSONResponse)
    def chart() -> Response:
        """Actors, ties (type, hedged, confidence, date, documents), events and documents.
        Serialised once per data version and kept with the case: a chart of 20,000 ties is
        megabytes of JSON that take seconds to compute."""
        body = access.chart_json()
        access.chart_served.set()
        return Response(body, media_type="application/json")

    @app.get("/api/measures", tags=["chart"])
    def measures() -> dict[str, Any]:
        """Degree, betweenness and key-actor rank by entity id (what node size can show)."""
        return access.measures()

    @app.get("/api/ties/{relation_id}", tags=["chart"])
    def tie(relation_id: str, source: str = Query(description="the id of one end of the tie")) -> dict[str, Any]:
        """One tie with every sentence that states it."""
        view = access.case().view(source)
        for r in view.ties:
            if (r.id or f"{r.source}|{r.type}|{r.target}") == relation_id:
                titles = {k: d.title or d.path for k, d in view.documents.items()}
                data = charts.relation_json(r, titles, with_evidence=True)
                data["source_name"], data["target_name"] = view.names.get(r.source, r.source), view.names.get(r.target, r.target)
                return data
        raise HTTPException(404, f"no tie {relation_id} of {source}")

    @app.get("/api/disruption", tags=["analysis"])
    def disruption(remove: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
        """Fragmentation and the largest component before and after removing people."""
        return charts.disruption(access.analysis(), remove or [])

    @app.get("/api/path", tags=["analysis"])
    def path(a: str, b: str) -> dict[str, Any]:
        """The shortest chain of ties between two people, each hop with its sentences."""
        return charts.path(access.analysis(), a, b)

    @app.get("/api/connect", tags=["analysis"])
    def connect(ids: Annotated[list[str] | None, Query()] = None) -> dict[str, Any]:
        """The network connecting the chosen people (union of pairwise shortest paths)."""
        return charts.connect(access.analysis(), ids or [])

    @app.get("/api/reports/{name}", tags=["analysis"])
    def report(name: str, format: str = "json") -> Any:  # noqa: A002
        """Key actors, cells, key players or recruitment trees as a table (format=csv to download)."""
        table = access.cached(f"report:{name}", lambda _: charts.report(access.analysis(), name))
        if format == "csv":
            return Response(charts.to_csv(table), media_type="text/csv; charset=utf-8",
                            headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
        return table

    # Entities --------------------------------------------------------------------------
    @app.get("/api/entities", tags=["entities"])
    def entities(query: str | None = None, type: str | None = None, offset: int = 0, limit: int = 50,  # noqa: A002
                 sort: str = "ties", all: bool = False) -> dict[str, Any]:  # noqa: A002
        page = access.case().entities(type=type, role=None if all else "actor", query=query, sort=sort,
                                      offset=offset, limit=min(limit, 500))
        return {"items": [asdict(e) for e in page.items], "total": page.total, "offset": page.offset, "limit": page.limit}

    @app.get("/api/entities/{ref}", tags=["entities"])
    def entity(ref: str) -> dict[str, Any]:
        """Names with where they were seen, ties grouped by type with every sentence, events,
        centrality ranks, cell and a timeline."""
        case = access.case()
        view = case.view(ref)
        e = view.entity
        titles = {k: d.title or d.path for k, d in view.documents.items()}
        groups: dict[str, list[dict[str, Any]]] = {}
        for r in view.ties:
            data = charts.relation_json(r, titles, with_evidence=True)
            other = r.target if r.source == e.id else r.source
            data.update(other=other, other_name=view.names.get(other, other), outgoing=r.source == e.id)
            groups.setdefault(r.type, []).append(data)
        events = [{"id": ev.id, "type": ev.type, "label": ev.label, "place": ev.place, "date": ev.date, "hedged": ev.hedged,
                   "with": [{"id": p, "name": view.names.get(p, p)} for p in ev.participants if p != e.id],
                   "evidence": [charts.evidence_json(x, titles) for x in ev.evidence]} for ev in view.events]
        names: dict[str, dict[str, Any]] = {}
        for alias in [*e.aliases]:
            entry = names.setdefault(alias.name, {"name": alias.name, "kinds": set(), "documents": set()})
            entry["kinds"].add(alias.kind)
            if alias.document_id:
                entry["documents"].add(alias.document_id)
        names.setdefault(e.name, {"name": e.name, "kinds": {"display"}, "documents": set()})
        measures = access.measures()
        cell = next((n["cell"] for n in access.chart()["nodes"] if n["id"] == e.id), None)
        ranked = {k: sorted(v.values(), reverse=True) for k, v in measures.items() if k != "rank"}
        ranks = {k: (ranked[k].index(measures[k][e.id]) + 1 if e.id in measures[k] else None) for k in ranked}
        ranks["key_actor"] = measures["rank"].get(e.id)
        timeline = sorted([{"date": t["date"], "what": f"{t['type']} {t['other_name']}", "hedged": t["hedged"]}
                           for g in groups.values() for t in g if t["date"]]
                          + [{"date": ev["date"], "what": f"{ev['type']}: {ev['label']}", "hedged": ev["hedged"]}
                             for ev in events if ev["date"]], key=lambda x: str(x["date"]))
        return {"entity": {"id": e.id, "name": e.name, "type": e.type, "role": e.role, "mentions": e.mention_count,
                           "documents": e.documents},
                "names": [{"name": n["name"], "kinds": sorted(n["kinds"]),
                           "documents": [{"id": d, "title": titles.get(d, d)} for d in sorted(n["documents"])]}
                          for n in names.values()],
                "ties": groups, "events": events, "ranks": ranks, "cell": cell, "timeline": timeline,
                "documents": [{"id": d.id, "title": d.title or d.path, "date": d.date} for d in view.documents.values()]}

    @app.get("/api/entities/{ref}/why", tags=["entities"])
    def why(ref: str) -> dict[str, Any]:
        """Every join that made the entity, with its reason."""
        entity, joins, local = access.case().why(ref)
        return {"id": entity.id, "name": entity.name, "joins": [asdict(d) for d in joins], "local": [asdict(d) for d in local]}

    # Documents and search ----------------------------------------------------------------
    @app.get("/api/documents", tags=["documents"])
    def documents(offset: int = 0, limit: int = 50) -> dict[str, Any]:
        page = access.case().documents(offset=offset, limit=min(limit, 500))
        return {"items": [asdict(d) for d in page.items], "total": page.total, "offset": page.offset, "limit": page.limit}

    @app.get("/api/documents/{document_id}", tags=["documents"])
    def document(document_id: str) -> dict[str, Any]:
        """The cleaned text, its mentions linked to entities, the evidence sentences of ties, and copies."""
        case = access.case()
        doc = case.document(document_id)
        network = access.analysis().network
        by_name: dict[str, str] = {}
        for e in network.entities:
            if document_id in e.documents:
                for n in e.alias_names():
                    by_name.setdefault(lookup_key(n), e.id)
        mentions = [{"start": m.start, "end": m.end, "type": m.type, "role": m.role, "entity": by_name.get(lookup_key(m.text))}
                    for m in case.mentions(document_id)]
        names = {e.id: e.name for e in network.entities}
        evidence = [{"start": ev.start, "end": ev.end, "hedged": ev.hedged, "relation": r.id, "type": r.type,
                     "source": r.source, "target": r.target, "source_name": names.get(r.source, r.source),
                     "target_name": names.get(r.target, r.target)}
                    for r in network.relations for ev in r.evidence if ev.document_id == document_id]
        copies = [{"id": d.id, "title": d.title or d.path} for d in network.documents if d.duplicate_of == document_id]
        return {"id": doc.id, "title": doc.title, "path": Path(doc.path).name, "date": doc.date, "text": doc.text,
                "duplicate_of": doc.duplicate_of, "copies": copies, "mentions": mentions, "evidence": evidence}

    @app.get("/api/search", tags=["documents"])
    def search(q: str) -> dict[str, Any]:
        """Names and aliases, and full-text matches in documents with a snippet."""
        found, docs = access.case().search(q)
        return {"entities": [{"id": e.id, "name": e.name, "type": e.type, "role": e.role, "aliases": e.alias_names()}
                             for e in found],
                "documents": [{"id": d.id, "title": d.title or Path(d.path).name, "date": d.date, "snippet": s} for d, s in docs]}

    # Exports -----------------------------------------------------------------------------
    @app.get("/api/export/{fmt}", tags=["exports"])
    def export(fmt: str, actors_only: bool = False) -> Response:
        """The network as JSON, GraphML, GEXF or CSV (several CSV files come zipped)."""
        if fmt not in FORMATS:
            raise LinkchartError(f"unknown format '{fmt}' (one of {', '.join(FORMATS)})")
        folder = Path(tempfile.mkdtemp(prefix="linkchart-export-"))
        written = access.case().export(fmt, folder / f"network.{fmt}", actors_only=actors_only)
        cleanup = BackgroundTask(shutil.rmtree, folder, ignore_errors=True)
        if len(written) == 1:
            return FileResponse(written[0], filename=f"{label}-{written[0].name}", background=cleanup)
        bundle = folder / f"{label}-{fmt}.zip"
        with zipfile.ZipFile(bundle, "w") as z:
            for p in written:
                z.write(p, p.name)
        return FileResponse(bundle, filename=bundle.name, background=cleanup)

    # Analyst decisions -------------------------------------------------------------------
    @app.get("/api/decisions", tags=["decisions"])
    def decisions() -> list[dict[str, Any]]:
        return [asdict(d) for d in access.case().decisions()]

    @app.post("/api/merge", tags=["decisions"])
    def merge(body: PairRequest) -> dict[str, Any]:
        """The two entities are one (an analyst decision, undoable)."""
        with access.changing() as case:
            return _outcome(case.merge(body.a, body.b, body.reason))

    @app.post("/api/split", tags=["decisions"])
    def split(body: PairRequest) -> dict[str, Any]:
        """Not the same person: two names one entity holds belong to two people."""
        with access.changing() as case:
            return _outcome(case.split(body.a, body.b, body.reason))

    @app.post("/api/rename", tags=["decisions"])
    def rename(body: RenameRequest) -> dict[str, Any]:
        with access.changing() as case:
            return _outcome(case.rename(body.ref, body.new_name, body.reason))

    @app.post("/api/undo/{decision_id}", tags=["decisions"])
    def undo(decision_id: int) -> dict[str, Any]:
        with access.changing() as case:
            return _outcome(case.undo(decision_id))

    # Saved charts ------------------------------------------------------------------------
    @app.get("/api/charts", tags=["chart"])
    def saved_charts() -> list[dict[str, Any]]:
        return [{"name": c["name"], "data_version": c["data_version"]} for c in access.case().saved_charts().values()]

    @app.get("/api/charts/{name}", tags=["chart"])
    def saved_chart(name: str) -> dict[str, Any]:
        found = access.case().saved_charts().get(name)
        if found is None:
            raise HTTPException(404, f"no saved chart '{name}'")
        return {**found, "current_data_version": access.case().data_version()}

    @app.post("/api/charts", tags=["chart"])
    def save_chart(body: ChartRequest) -> dict[str, Any]:
        with access.changing() as case:
            saved = case.save_chart(body.name, body.state)
        return {"name": saved["name"], "data_version": saved["data_version"]}

    # Ingest from the browser -------------------------------------------------------------
    @app.post("/api/upload", tags=["ingest"])
    async def upload(files: list[UploadFile] = File(...)) -> dict[str, Any]:  # noqa: B008
        """Store the files in the case's upload folder and build them in the background; poll the job."""
        if not access.writable:
            raise LinkchartError("this case was opened read-only")
        if len(files) > MAX_UPLOAD_FILES:
            raise LinkchartError(f"at most {MAX_UPLOAD_FILES} files at a time")
        job = await jobs.accept(files)
        return job.public()

    @app.get("/api/jobs/{job_id}", tags=["ingest"])
    def job(job_id: str) -> dict[str, Any]:
        found = jobs.get(job_id)
        if found is None:
            raise HTTPException(404, f"no job '{job_id}'")
        return found.public()

    # Review queue: merges resolution only suggested, for the analyst to accept or reject -------
    if hasattr(first, "review"):
        @app.get("/api/review", tags=["decisions"])
        def review() -> list[dict[str, Any]]:
            """Possible joins resolution did not make on its own, best first, each with its reason."""
            return [{"id": sid, **asdict(s)} for sid, s in access.case().review()]

        @app.post("/api/review/{item_id}/{verdict}", tags=["decisions"])
        def judge(item_id: str, verdict: str, body: VerdictRequest | None = None) -> dict[str, Any]:
            """accept: the two are one (an analyst merge); reject: they stay apart and are not asked again."""
            if verdict not in {"accept", "reject"}:
                raise HTTPException(404, "accept or reject")
            with access.changing() as case:
                return _outcome(getattr(case, verdict)(item_id, body.reason if body else ""))

    # The page ----------------------------------------------------------------------------
    @app.get("/", include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")

    @app.get("/api/{rest:path}", include_in_schema=False)
    def unknown(rest: str) -> PlainTextResponse:
        return PlainTextResponse(f"no such API route: /api/{rest}", status_code=404)

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    if warm:
        threading.Thread(target=access.warm_up, daemon=True, name="warm-chart").start()
    return app
