"""The workbench API, in process (FastAPI TestClient) on a copy of the seed case."""

from __future__ import annotations

import csv
import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from linkchart.cli import cli
from linkchart.errors import LinkchartError
from linkchart.web.app import create_app
from linkchart.web.jobs import upload_folder
from linkchart.web.security import CSP, safe_upload_name

STATIC = Path(__file__).resolve().parents[2] / "linkchart" / "web" / "static"


def write(client, path: str, body: dict | None = None):  # type: ignore[no-untyped-def]
    return client.post(path, json=body, headers={"X-Linkchart-Token": client.token})


def top_people(client, n: int = 2) -> list[dict]:  # type: ignore[no-untyped-def]
    nodes = [x for x in client.get("/api/chart").json()["nodes"] if x["type"] == "person"]
    return sorted(nodes, key=lambda x: -x["degree"])[:n]


def test_openapi_documents_every_route(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get("/api/openapi.json").json()["paths"]
    for route in ["/api/chart", "/api/measures", "/api/ties/{relation_id}", "/api/entities/{ref}", "/api/documents/{document_id}",
                  "/api/search", "/api/reports/{name}", "/api/export/{fmt}", "/api/merge", "/api/split", "/api/rename",
                  "/api/undo/{decision_id}", "/api/upload", "/api/jobs/{job_id}", "/api/disruption", "/api/path", "/api/connect",
                  "/api/charts", "/api/review", "/api/review/{item_id}/{verdict}"]:
        assert route in paths, route


def test_chart_ties_join_shown_actors_and_trace_to_their_sentences(client) -> None:  # type: ignore[no-untyped-def]
    chart = client.get("/api/chart").json()
    ids = {n["id"] for n in chart["nodes"]}
    assert len(ids) > 10 and chart["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in chart["edges"])
    assert all(n["role"] == "actor" for n in chart["nodes"])
    edge = chart["edges"][0]
    tie = client.get(f"/api/ties/{edge['id']}", params={"source": edge["source"]}).json()
    assert tie["evidence"]
    for ev in tie["evidence"]:
        doc = client.get(f"/api/documents/{ev['document']}").json()
        assert ev["text"] and ev["text"] in doc["text"][max(0, ev["start"] - 5):ev["end"] + 5]


def test_entity_page_groups_ties_with_every_sentence(client) -> None:  # type: ignore[no-untyped-def]
    person = top_people(client, 1)[0]
    page = client.get(f"/api/entities/{person['id']}").json()
    assert page["entity"]["name"] == person["label"]
    assert sum(len(v) for v in page["ties"].values()) == person["degree"]
    assert all(t["evidence"] for ties in page["ties"].values() for t in ties)
    assert page["ranks"]["degree"] == 1
    assert {n["name"] for n in page["names"]} >= {person["label"]}
    assert client.get("/api/entities/nobody-at-all-xyz").json()["error"] == "no entity named 'nobody-at-all-xyz'"


def test_document_reader_links_mentions_and_marks_evidence(client) -> None:  # type: ignore[no-untyped-def]
    doc_id = client.get("/api/documents").json()["items"][0]["id"]
    doc = client.get(f"/api/documents/{doc_id}").json()
    assert doc["mentions"] and any(m["entity"] for m in doc["mentions"])
    for m in doc["mentions"]:
        assert 0 <= m["start"] < m["end"] <= len(doc["text"])
    assert all(doc["text"][e["start"]:e["end"]].strip() for e in doc["evidence"])


def test_search_finds_names_and_documents(client) -> None:  # type: ignore[no-untyped-def]
    person = top_people(client, 1)[0]
    surname = person["label"].split()[-1]
    found = client.get("/api/search", params={"q": surname}).json()
    assert person["id"] in {e["id"] for e in found["entities"]}
    assert found["documents"] and all(d["snippet"] for d in found["documents"])


def test_changes_need_the_page_token(client) -> None:  # type: ignore[no-untyped-def]
    a, b = top_people(client)
    body = {"a": a["id"], "b": b["id"], "reason": "test"}
    decisions = client.get("/api/decisions").json()
    assert client.post("/api/merge", json=body).status_code == 403
    assert client.post("/api/merge", json=body, headers={"X-Linkchart-Token": "wrong"}).status_code == 403
    assert client.post("/api/charts", json={"name": "x", "state": {}}).status_code == 403
    assert client.get("/api/decisions").json() == decisions


def test_merge_then_undo_restores_the_network(client) -> None:  # type: ignore[no-untyped-def]
    a, b = top_people(client)
    before = len(client.get("/api/chart").json()["nodes"])
    outcome = write(client, "/api/merge", {"a": a["id"], "b": b["id"], "reason": "same man, test"}).json()
    assert outcome["decision_id"] > 0 and "merged" in outcome["message"]
    assert len(client.get("/api/chart").json()["nodes"]) == before - 1
    assert any(d["id"] == outcome["decision_id"] and d["reason"] == "same man, test" for d in client.get("/api/decisions").json())
    undone = write(client, f"/api/undo/{outcome['decision_id']}").json()
    assert undone["message"].startswith(f"undid #{outcome['decision_id']}")
    assert len(client.get("/api/chart").json()["nodes"]) == before
    again = write(client, f"/api/undo/{outcome['decision_id']}")
    assert again.status_code == 400 and "already undone" in again.json()["error"]


def test_csp_forbids_inline_script_and_the_page_has_none(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/")
    csp = response.headers["content-security-policy"]
    assert csp == CSP
    script_src = re.search(r"script-src ([^;]+)", csp).group(1)  # type: ignore[union-attr]
    assert script_src.strip() == "'self'"
    assert response.headers["x-content-type-options"] == "nosniff"
    html = response.text
    assert all('src="/static/' in tag for tag in re.findall(r"<script[^>]*>", html))
    assert not re.search(r"\son[a-z]+=", html)
    app_js = (STATIC / "app.js").read_text()
    assert "innerHTML" not in app_js and "insertAdjacentHTML" not in app_js and "eval(" not in app_js


def test_access_token_guards_every_request(case_db: Path) -> None:
    from fastapi.testclient import TestClient

    app = create_app(case_db, access_token="a-long-access-token")
    with TestClient(app) as c:
        assert c.get("/api/session").status_code == 401
        assert c.get("/").status_code == 401
        assert c.get("/api/session", headers={"Authorization": "Bearer a-long-access-token"}).status_code == 200
        first = c.get("/?token=a-long-access-token", follow_redirects=False)
        assert first.status_code == 303 and "token=" not in first.headers["location"]
        assert c.get("/api/session").status_code == 200  # the cookie now carries it


def test_serve_refuses_other_addresses_without_a_token(case_db: Path) -> None:
    result = CliRunner().invoke(cli, ["serve", "--db", str(case_db), "--host", "0.0.0.0"])
    assert result.exit_code == 1 and "give --token" in result.output


def test_upload_names_stay_inside_the_case() -> None:
    assert safe_upload_name("../../etc/passwd.txt") == "passwd.txt"
    assert safe_upload_name("..\\..\\win.html") == "win.html"
    assert safe_upload_name("a<img onerror=x>.txt") == "a_img onerror_x_.txt"
    for bad in ["", "..", "tool.exe", ".bashrc"]:
        with pytest.raises(LinkchartError):
            safe_upload_name(bad)


def _wait(client, job_id: str) -> dict:  # type: ignore[no-untyped-def]
    for _ in range(600):
        job = client.get(f"/api/jobs/{job_id}").json()
        if job["state"] in {"finished", "failed"}:
            return job
        time.sleep(0.1)
    raise AssertionError("the build did not finish")


def test_upload_builds_good_files_and_gives_one_line_per_bad_file(client, case_db: Path) -> None:  # type: ignore[no-untyped-def]
    good = (b"Analysts said Dariusz Kowalczyk founded the Orchard Brigade in 2011. Kowalczyk recruited his cousin "
            b"Tadeusz Kowalczyk into the Orchard Brigade.\n")
    files = [("files", ("../../escape-attempt.txt", good, "text/plain")),
             ("files", ("huge.txt", b"x" * 60_000, "text/plain")),
             ("files", ("program.exe", b"MZ", "application/octet-stream")),
             ("files", ("empty.txt", b"", "text/plain"))]
    response = client.post("/api/upload", files=files, headers={"X-Linkchart-Token": client.token})
    assert response.status_code == 200, response.text
    job = _wait(client, response.json()["id"])
    assert job["state"] == "finished", job
    assert job["files"] == ["escape-attempt.txt"]
    assert len(job["errors"]) == 3
    assert any(line.startswith("huge.txt: larger than") for line in job["errors"])
    assert any(line.startswith("program.exe: cannot read") for line in job["errors"])
    assert any(line.startswith("empty.txt: empty file") for line in job["errors"])
    folder = upload_folder(case_db)
    assert sorted(p.name for p in folder.iterdir()) == ["escape-attempt.txt"]
    assert not (case_db.parent.parent / "escape-attempt.txt").exists()
    assert "1 added" in job["summary"]
    titles = [d["path"] for d in client.get("/api/documents", params={"limit": 500}).json()["items"]]
    assert any(p.endswith("escape-attempt.txt") for p in titles)
    assert client.post("/api/upload", files=files[:1]).status_code == 403
    too_big = client.post("/api/upload", content=b"x" * 3_000_000, headers={"X-Linkchart-Token": client.token,
                                                                             "Content-Type": "multipart/form-data; boundary=x"})
    assert too_big.status_code == 413 and "larger than" in too_big.json()["error"]


@pytest.mark.parametrize("name", ["key-actors", "cells", "key-players", "recruitment"])
def test_reports_as_tables_and_csv(client, name: str) -> None:  # type: ignore[no-untyped-def]
    table = client.get(f"/api/reports/{name}").json()
    assert table["columns"]
    if name in {"key-actors", "cells"}:
        assert table["rows"]
    response = client.get(f"/api/reports/{name}", params={"format": "csv"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == table["columns"] and len(rows) == len(table["rows"]) + 1


def test_csv_cannot_smuggle_a_spreadsheet_formula() -> None:
    from linkchart.web.charts import to_csv

    assert to_csv({"columns": ["name"], "rows": [["=HYPERLINK(\"x\")"]]}).splitlines()[1].startswith("\"'=HYPERLINK")


def test_exports(client) -> None:  # type: ignore[no-untyped-def]
    network = json.loads(client.get("/api/export/json").content)
    assert network["entities"] and network["relations"]
    assert b"<graphml" in client.get("/api/export/graphml").content
    assert b"<gexf" in client.get("/api/export/gexf").content
    bundle = client.get("/api/export/csv")
    names = zipfile.ZipFile(io.BytesIO(bundle.content)).namelist() if bundle.content[:2] == b"PK" else ["one"]
    assert names
    assert client.get("/api/export/docx").json()["error"].startswith("unknown format")


def test_removing_the_best_connected_person_shrinks_the_largest_component(client) -> None:  # type: ignore[no-untyped-def]
    person = top_people(client, 1)[0]
    result = client.get("/api/disruption", params={"remove": [person["id"]]}).json()
    assert result["removed"][0]["id"] == person["id"]
    assert result["after"]["largest_component"] < result["before"]["largest_component"]
    assert result["after"]["people"] == result["before"]["people"] - 1
    assert client.get("/api/disruption").json()["error"].startswith("choose at least one")


def test_path_hops_carry_their_sentences(client) -> None:  # type: ignore[no-untyped-def]
    chart = client.get("/api/chart").json()
    people = {n["id"] for n in chart["nodes"] if n["type"] == "person"}
    edge = next(e for e in chart["edges"] if e["source"] in people and e["target"] in people)
    result = client.get("/api/path", params={"a": edge["source"], "b": edge["target"]}).json()
    assert result["length"] == 1 and result["hops"][0]["evidence"]
    connected = client.get("/api/connect", params={"ids": [edge["source"], edge["target"]]}).json()
    assert {p["id"] for p in connected["people"]} == {edge["source"], edge["target"]}


def test_saved_charts_record_the_data_version(client) -> None:  # type: ignore[no-untyped-def]
    version = client.get("/api/session").json()["data_version"]
    saved = write(client, "/api/charts", {"name": "  cell one  ", "state": {"view": {"removed": ["x"]}}}).json()
    assert saved == {"name": "cell one", "data_version": version}
    assert {"name": "cell one", "data_version": version} in client.get("/api/charts").json()
    assert client.get("/api/charts/cell one").json()["state"] == {"view": {"removed": ["x"]}}
    assert write(client, "/api/charts", {"name": " ", "state": {}}).status_code == 400


def test_a_read_only_workbench_changes_nothing(case_db: Path) -> None:
    from fastapi.testclient import TestClient

    with TestClient(create_app(case_db, writable=False)) as c:
        token = c.get("/api/session").json()["token"]
        person = next(n for n in c.get("/api/chart").json()["nodes"] if n["type"] == "person")
        refused = c.post("/api/rename", json={"ref": person["id"], "new_name": "Someone Else"}, headers={"X-Linkchart-Token": token})
        assert refused.status_code == 400 and refused.json()["error"] == "this case was opened read-only"
        assert c.get(f"/api/entities/{person['id']}").json()["entity"]["name"] == person["label"]


def test_review_queue_reject_keeps_two_apart_and_accept_merges(client, case_db: Path) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from linkchart.model import MergeSuggestion
    from linkchart.store.sqlite import suggestion_id

    people = sorted((n for n in client.get("/api/chart").json()["nodes"] if n["type"] == "person"), key=lambda n: n["label"])
    a, b, c = people[:3]
    with sqlite3.connect(case_db) as raw:
        for x, y in ((a, b), (a, c)):
            s = MergeSuggestion(x["id"], y["id"], x["label"], y["label"], "test: a guess", 0.4)
            raw.execute("INSERT INTO merge_suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                        (suggestion_id(s), x["id"], y["id"], x["label"], y["label"], s.reason, 0.4, "[]"))
    queue = {(i["entity_a"], i["entity_b"]): i["id"] for i in client.get("/api/review").json()}
    rejected = write(client, f"/api/review/{queue[(a['id'], b['id'])]}/reject", {"reason": "two people"}).json()
    assert rejected["message"].startswith("kept") and set(rejected["entity_ids"]) == {a["id"], b["id"]}
    assert any(d["action"] == "distinct" and d["reason"] == "two people" for d in client.get("/api/decisions").json())
    with sqlite3.connect(case_db) as raw:  # resolving again rewrote the queue; the other guess is asked again
        s = MergeSuggestion(a["id"], c["id"], a["label"], c["label"], "test: a guess", 0.4)
        raw.execute("INSERT OR IGNORE INTO merge_suggestions VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (suggestion_id(s), a["id"], c["id"], a["label"], c["label"], s.reason, 0.4, "[]"))
    before = len(client.get("/api/chart").json()["nodes"])
    accepted = write(client, f"/api/review/{suggestion_id(s)}/accept").json()
    assert accepted["message"].startswith("merged")
    assert len(client.get("/api/chart").json()["nodes"]) == before - 1
    write(client, f"/api/undo/{accepted['decision_id']}")
    write(client, f"/api/undo/{rejected['decision_id']}")
    assert len(client.get("/api/chart").json()["nodes"]) == before
    assert write(client, "/api/review/nope/accept").json()["error"].startswith("no open suggestion")


def test_a_loopback_server_refuses_other_host_names(case_db: Path) -> None:
    """A page on another site that rebinds its name to 127.0.0.1 still sends its own Host."""
    from fastapi.testclient import TestClient

    app = create_app(case_db, allowed_hosts=["127.0.0.1", "localhost"])
    assert TestClient(app, base_url="http://evil.example").get("/api/session").status_code == 400
    assert TestClient(app, base_url="http://127.0.0.1:8765").get("/api/session").status_code == 200


def test_serve_runs_the_workbench_on_a_postgresql_case(postgres, seed_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """`linkchart serve --db postgresql://...`: the team case in the browser, decisions included."""
    import uvicorn
    from fastapi.testclient import TestClient

    from linkchart.case import Case
    from linkchart.store.transfer import copy_case

    url = postgres.new_database()
    with Case.open(seed_db) as source, Case.open(url, writable=True) as team:
        copy_case(source.store, team.store)
        team.resolve()
    served: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: served.update(app=app, **options))
    result = CliRunner().invoke(cli, ["serve", "--db", url])
    assert result.exit_code == 0, result.output
    assert served["host"] == "127.0.0.1" and "http://localhost:8765/" in result.output
    with TestClient(served["app"], base_url="http://127.0.0.1:8765") as c:
        c.token = c.get("/api/session").json()["token"]  # type: ignore[attr-defined]
        assert c.get("/api/session").json()["case"] == url.rsplit("/", 1)[-1]
        a, b = top_people(c, 2)
        page = c.get(f"/api/entities/{a['id']}").json()
        sentence = next(t for ties in page["ties"].values() for t in ties)["evidence"][0]
        assert sentence["text"] in c.get(f"/api/documents/{sentence['document']}").json()["text"]
        assert a["id"] in c.get("/api/measures").json()["betweenness"]
        before = len(c.get("/api/chart").json()["nodes"])
        merged = write(c, "/api/merge", {"a": a["id"], "b": b["id"], "reason": "test"}).json()
        assert merged["message"].startswith("merged")
        assert len(c.get("/api/chart").json()["nodes"]) == before - 1
        write(c, f"/api/undo/{merged['decision_id']}")
        assert len(c.get("/api/chart").json()["nodes"]) == before


def test_a_restarted_server_serves_the_kept_chart_without_recomputing(case_db: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A chart of thousands of ties takes seconds to compute: it is kept with the case for its data
    version, and a change makes it stale."""
    from fastapi.testclient import TestClient

    from linkchart.web import charts

    with TestClient(create_app(case_db)) as c:
        first = c.get("/api/chart").json()
        measures = c.get("/api/measures").json()

    def no_recomputing(*_: object) -> None:
        raise AssertionError("the chart was computed again")

    monkeypatch.setattr(charts, "chart", no_recomputing)
    monkeypatch.setattr(charts, "measures", no_recomputing)
    with TestClient(create_app(case_db)) as c:
        assert c.get("/api/chart").json() == first
        assert c.get("/api/measures").json() == measures
        person = top_people(c, 1)[0]
        assert c.get(f"/api/entities/{person['id']}").json()["cell"] == person["cell"]
        monkeypatch.undo()
        token = c.get("/api/session").json()["token"]
        renamed = c.post("/api/rename", json={"ref": person["id"], "new_name": "Renamed Person"}, headers={"X-Linkchart-Token": token})
        assert renamed.status_code == 200
        assert "Renamed Person" in {n["label"] for n in c.get("/api/chart").json()["nodes"]}
        c.post(f"/api/undo/{renamed.json()['decision_id']}", headers={"X-Linkchart-Token": token})
