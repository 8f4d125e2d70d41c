"""End to end: the real workbench in headless Debian Chromium (Playwright for Python).

The seed case plus one hostile document (markup in its title, names and sentences) is served on
127.0.0.1. Tests drive the page as an analyst would and check the graph state the page exposes
on `window.linkchart`, not pixels; each view is saved as a screenshot in artefacts/web/.
Without Chromium the tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from linkchart.case import Case

REPO = Path(__file__).resolve().parents[2]
ARTEFACTS = REPO / "artefacts" / "web"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--enable-unsafe-swiftshader"]

# Written for this test: markup in a title, in names and in attributes, and one hedged tie.
HOSTILE = """<script>window.__pwned = "title"</script> Harbour notes <img src=x onerror="window.__pwned='title-img'">
Milan Ostrowski<script>window.__pwned = "script"</script> shared a flat with Jonas Weller in Gdansk in 2014.
Jonas Weller is believed to have been recruited by Milan Ostrowski. <img src=x onerror="window.__pwned='img'">
The courier Pavel Dunaj, called "><svg onload=window.__pwned='svg'>, is a friend of Jonas Weller" onmouseover="window.__pwned='attr'.
"""
MARKUP_NAME = "Jonas <img src=x onerror=\"window.__pwned='name'\"> Weller"


def _playwright() -> Any:
    reason = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "playwright is not installed"
    if reason is None and not Path(CHROMIUM).exists():
        reason = f"{CHROMIUM} is missing (apt-get install chromium)"
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)
    return sync_playwright


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(seed_db: Path, tmp_path_factory: pytest.TempPathFactory, extractor) -> Any:  # type: ignore[no-untyped-def]
    _playwright()
    import uvicorn

    from linkchart.web.app import create_app

    folder = tmp_path_factory.mktemp("browser")
    db = folder / "case.db"
    with Case.open(seed_db) as case:
        case.data_version()
    shutil.copy(seed_db, db)
    hostile = folder / "hostile.txt"
    hostile.write_text(HOSTILE, encoding="utf-8")
    with Case.open(db, writable=True) as case:
        case.build([hostile], extractor=extractor)
        weller = [e for e in case.find("Jonas Weller") if e.name == "Jonas Weller"]
        assert weller, "the hostile document's people were not extracted"
        case.rename(weller[0].id, MARKUP_NAME, "test")
    port = _free_port()
    app = create_app(db, extractor=extractor, allowed_hosts=["127.0.0.1"])
    uv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=uv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if uv.started:
            break
        time.sleep(0.05)
    yield {"url": f"http://127.0.0.1:{port}/", "db": db, "folder": folder}
    uv.should_exit = True
    thread.join(5)


@pytest.fixture(scope="module")
def page(server) -> Any:  # type: ignore[no-untyped-def]
    sync_playwright = _playwright()
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        pg = browser.new_page(viewport={"width": 1400, "height": 900}, accept_downloads=True)
        pg.set_default_timeout(60_000)  # an action the page never answers fails, not hangs
        pg.dialogs = []
        pg.page_errors = []
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.on("pageerror", lambda e: pg.page_errors.append(str(e)))
        pg.goto(server["url"])
        until(pg, "window.linkchart && window.linkchart.ready")
        yield pg
        browser.close()


def until(page: Any, expression: str, timeout: float = 20.0) -> Any:
    """Poll an expression (page.wait_for_function would need eval, which the CSP forbids)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = page.evaluate(f"() => {{ try {{ return {expression}; }} catch (e) {{ return null; }} }}")
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {expression}; errors: {page.evaluate('window.linkchart.errors')}")


def shot(page: Any, name: str) -> None:
    page.wait_for_timeout(400)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"))


def chart_view(page: Any) -> None:
    page.evaluate("() => { location.hash = '#/chart'; }")
    until(page, "!document.getElementById('view-chart').hidden")


def node_point(page: Any, node: str) -> tuple[float, float]:
    x, y = page.evaluate("""(n) => { const r = linkchart.renderer; const d = r.getNodeDisplayData(n);
        const p = r.framedGraphToViewport(d); const b = document.getElementById('graph').getBoundingClientRect();
        return [p.x + b.left, p.y + b.top]; }""", node)
    return x, y


def click_node(page: Any, node: str, shift: bool = False) -> None:
    x, y = node_point(page, node)
    page.wait_for_timeout(350)  # two quick clicks would be a double click
    if shift:
        page.keyboard.down("Shift")
    page.mouse.click(x, y)
    if shift:
        page.keyboard.up("Shift")


def best_connected(page: Any, n: int = 1) -> list[str]:
    return page.evaluate(f"""() => linkchart.graph.filterNodes((k, a) => !a.group && a.entityType === 'person')
        .sort((a, b) => linkchart.graph.degree(b) - linkchart.graph.degree(a)).slice(0, {n})""")


def test_chart_loads_with_hedged_ties_dashed(page: Any) -> None:
    stats = page.evaluate("""() => ({nodes: linkchart.graph.order, edges: linkchart.graph.size,
        hedged: linkchart.graph.filterEdges((e, a) => a.hedged).map((e) => linkchart.graph.getEdgeAttribute(e, 'type')),
        plain: linkchart.graph.filterEdges((e, a) => !a.hedged).map((e) => linkchart.graph.getEdgeAttribute(e, 'type'))})""")
    assert stats["nodes"] > 20 and stats["edges"] > 20
    assert stats["hedged"] and set(stats["hedged"]) == {"dashed"}
    assert set(stats["plain"]) == {"line"}
    assert page.evaluate("window.linkchart.loadMs") < 5000
    shot(page, "01-chart")


def test_force_atlas_runs_in_a_worker_the_user_starts_and_stops(page: Any) -> None:
    before = page.evaluate("() => linkchart.graph.mapNodes((n, a) => [a.x, a.y])")
    page.click("#layout-toggle")
    assert page.evaluate("window.linkchart.layoutRunning") is True
    until(page, f"JSON.stringify(linkchart.graph.mapNodes((n, a) => [a.x, a.y])) !== {json.dumps(json.dumps(before))}")
    page.click("#layout-toggle")
    assert page.evaluate("window.linkchart.layoutRunning") is False
    assert page.inner_text("#layout-toggle") == "Start layout"
    page.click("#noverlap")


def test_dragging_a_person_moves_and_pins_them(page: Any) -> None:
    chart_view(page)
    page.wait_for_timeout(500)  # the layout has stopped and the chart is at rest
    node = best_connected(page)[0]
    position = f"[linkchart.graph.getNodeAttribute({node!r}, 'x'), linkchart.graph.getNodeAttribute({node!r}, 'y')]"
    before = page.evaluate(position)
    x, y = node_point(page, node)
    page.mouse.move(x, y)
    page.mouse.down()
    for step in range(1, 11):
        page.mouse.move(x + 6 * step, y + 4 * step)
    page.wait_for_timeout(100)
    held = node_point(page, node)  # drawn under the mouse while it is held
    assert abs(held[0] - (x + 60)) < 3 and abs(held[1] - (y + 40)) < 3
    page.mouse.up()
    assert page.evaluate(position) != before
    assert page.evaluate(f"linkchart.graph.getNodeAttribute({node!r}, 'fixed')") is True
    dropped = node_point(page, node)
    assert abs(dropped[0] - (x + 60)) < 3 and abs(dropped[1] - (y + 40)) < 3
    page.evaluate(f"""() => {{ linkchart.graph.mergeNodeAttributes({node!r}, {{ x: {before[0]}, y: {before[1]}, fixed: false }});
        linkchart.selected = []; }}""")


def test_search_box_finds_an_alias_and_zooms_to_it(page: Any) -> None:
    chart_view(page)
    node = best_connected(page)[0]
    alias = page.evaluate("(n) => { const a = linkchart.graph.getNodeAttributes(n);"
                          " return a.aliases.find((x) => x !== a.label) || a.label; }", node)
    page.fill("#find", alias.lower())
    page.press("#find", "Enter")
    until(page, "window.linkchart.found")
    assert page.evaluate("window.linkchart.found") == node
    assert page.evaluate("window.linkchart.selected") == [node]
    page.wait_for_timeout(500)
    assert page.evaluate("linkchart.renderer.getCamera().ratio") < 0.5
    assert page.inner_text("#side h2") == page.evaluate("(n) => linkchart.graph.getNodeAttribute(n, 'label')", node)
    shot(page, "02-search-zoom")
    page.evaluate("() => linkchart.renderer.getCamera().animatedReset({duration: 0})")


def test_clicking_a_tie_shows_its_sentence(page: Any) -> None:
    chart_view(page)
    page.wait_for_timeout(300)
    edge = page.evaluate("""() => { const g = linkchart.graph, r = linkchart.renderer; let best = null;
        g.forEachEdge((e, a, s, t) => { if (a.group) return;
          const p = r.framedGraphToViewport(r.getNodeDisplayData(s)), q = r.framedGraphToViewport(r.getNodeDisplayData(t));
          const len = Math.hypot(p.x - q.x, p.y - q.y); if (!best || len > best.len) best = {e, len}; });
        return best.e; }""")
    s, t = page.evaluate("(e) => linkchart.graph.extremities(e)", edge)
    (x1, y1), (x2, y2) = node_point(page, s), node_point(page, t)
    for along in (0.5, 0.4, 0.6, 0.3, 0.7):  # another tie may cross this one at its middle
        page.wait_for_timeout(350)
        page.mouse.click(x1 + (x2 - x1) * along, y1 + (y2 - y1) * along)
        page.wait_for_timeout(300)
        if page.evaluate("window.linkchart.lastTie"):
            break
    tie = until(page, "window.linkchart.lastTie")
    assert tie["evidence"]
    shown = page.inner_text("#tie-evidence")
    assert tie["evidence"][0]["text"][:60] in shown.replace("\n", " ")
    shot(page, "03-tie-sentence")


def test_time_bar_fades_later_ties(page: Any) -> None:
    chart_view(page)
    assert page.evaluate("linkchart.fadedEdges().length") == 0
    page.focus("#as-of")
    page.keyboard.press("Home")
    until(page, "linkchart.fadedEdges().length > 0")
    as_of = page.evaluate("linkchart.state().asOf")
    faded = page.evaluate("linkchart.fadedEdges().map((e) => linkchart.graph.getEdgeAttribute(e, 'date'))")
    assert as_of and faded and all(d and d[:len(as_of)] > as_of[:len(d)] for d in faded)
    kept = page.evaluate("""() => linkchart.graph.filterEdges((e, a) => !a.group && a.date && !linkchart.fadedEdges().includes(e))
        .map((e) => linkchart.graph.getEdgeAttribute(e, 'date'))""")
    assert all(d[:len(as_of)] <= as_of[:len(d)] for d in kept)
    assert page.inner_text("#as-of-label").startswith(f"as of {as_of}")
    shot(page, "04-time-bar")
    page.keyboard.press("End")
    until(page, "linkchart.fadedEdges().length === 0")


def test_filters_fade_ties_without_reloading(page: Any) -> None:
    chart_view(page)
    version = page.evaluate("linkchart.dataVersion")
    kind = page.evaluate("() => linkchart.graph.getEdgeAttribute(linkchart.graph.edges()[0], 'tieType')")
    page.uncheck(f"#type-filters input[data-type={kind}]")
    faded = page.evaluate("linkchart.fadedEdges().map((e) => linkchart.graph.getEdgeAttribute(e, 'tieType'))")
    assert faded and set(faded) == {kind}
    page.check(f"#type-filters input[data-type={kind}]")
    assert page.evaluate("linkchart.fadedEdges().length") == 0
    doc = page.evaluate("() => document.querySelectorAll('#doc-filter option')[1].value")
    page.select_option("#doc-filter", doc)
    kept = page.evaluate("() => linkchart.graph.filterEdges((e, a) => !a.group && !linkchart.fadedEdges().includes(e))"
                         ".map((e) => linkchart.graph.getEdgeAttribute(e, 'documents'))")
    assert kept and all(doc in d for d in kept) and page.evaluate("linkchart.fadedEdges().length") > 0
    shot(page, "05-document-filter")
    page.select_option("#doc-filter", "")
    page.click("#undo-view")  # the document filter was a view change like any other
    page.click("#redo-view")
    assert page.evaluate("linkchart.state().doc") == ""
    assert page.evaluate("linkchart.dataVersion") == version


def test_expand_shows_a_person_and_their_neighbours(page: Any) -> None:
    chart_view(page)
    node = best_connected(page)[0]
    click_node(page, node)
    until(page, f"linkchart.selected[0] === {node!r}")
    page.click("#expand")
    shown = set(page.evaluate("linkchart.visibleNodes()"))
    neighbours = set(page.evaluate(f"linkchart.graph.neighbors({node!r})"))
    if len(neighbours) <= 15:
        assert shown == {node} | neighbours
    else:  # capped: fifteen of them, and a button for the rest
        assert len(shown) == 16 and shown <= {node} | neighbours
    assert page.is_visible("#expand-more") == (len(neighbours) > 15)
    page.click("#show-all")
    assert page.evaluate("linkchart.visibleNodes().length") == page.evaluate("linkchart.graph.order")


def test_removing_a_person_shows_the_largest_component_shrink(page: Any) -> None:
    chart_view(page)
    node = best_connected(page)[0]
    click_node(page, node)
    until(page, f"linkchart.selected[0] === {node!r}")
    page.click("#remove")
    result = until(page, "window.linkchart.disruption")
    assert result["removed"][0]["id"] == node
    assert result["after"]["largest_component"] < result["before"]["largest_component"]
    assert page.evaluate(f"linkchart.visibleNodes().includes({node!r})") is False
    assert page.is_visible("#disruption")
    shot(page, "05-remove-person")
    page.click("#undo-view")
    until(page, f"linkchart.visibleNodes().includes({node!r})")
    page.click("#redo-view")
    until(page, f"!linkchart.visibleNodes().includes({node!r})")
    page.click("#restore")
    until(page, f"linkchart.visibleNodes().includes({node!r})")


def test_merge_two_entities_then_undo(page: Any) -> None:
    chart_view(page)
    a, b = best_connected(page, 2)
    before = page.evaluate("linkchart.graph.order")
    click_node(page, a)
    click_node(page, b, shift=True)
    until(page, "linkchart.selected.length === 2")
    page.click("#merge")
    page.fill("#merge-reason", "one man under two names (test)")
    page.click("#merge-form button[type=submit]")
    until(page, "window.linkchart.lastOutcome && window.linkchart.lastOutcome.message.startsWith('merged')")
    until(page, f"linkchart.graph.order === {before - 1}")
    assert sum(page.evaluate(f"[linkchart.graph.hasNode({a!r}), linkchart.graph.hasNode({b!r})]")) == 1
    shot(page, "06-merged")
    page.click("#undo-decision")
    until(page, "window.linkchart.lastOutcome.message.startsWith('undid')")
    until(page, f"linkchart.graph.order === {before}")


def test_path_group_save_and_png(page: Any) -> None:
    chart_view(page)
    edge = page.evaluate("() => linkchart.graph.filterEdges((e, a) => a.tieType === 'associate')[0]")
    s, t = page.evaluate("(e) => linkchart.graph.extremities(e)", edge)
    page.evaluate("([s, t]) => { linkchart.selected = [s, t]; }", [s, t])
    page.click("#path")
    path = until(page, "window.linkchart.pathResult")
    assert path["length"] == 1 and path["hops"][0]["evidence"]
    shot(page, "07-path")
    node = page.evaluate("() => linkchart.graph.filterNodes((n, a) => a.cell === 1)[0]")
    members = page.evaluate("() => linkchart.graph.filterNodes((n, a) => a.cell === 1).length")
    click_node(page, node)
    page.click("#group")
    until(page, "linkchart.graph.hasNode('group:1')")
    assert page.evaluate("linkchart.visibleNodes().filter((n) => linkchart.graph.getNodeAttribute(n, 'cell') === 1).length") == 1
    shot(page, "08-grouped-cell")
    page.click("#undo-view")
    until(page, "!linkchart.graph.hasNode('group:1')")
    assert page.evaluate("linkchart.visibleNodes().filter((n) => linkchart.graph.getNodeAttribute(n, 'cell') === 1).length") == members
    page.click("#save-chart")
    page.fill("#chart-name", "working chart")
    page.press("#chart-name", "Enter")
    until(page, "[...document.querySelectorAll('#open-chart option')].some((o) => o.value === 'working chart')")
    page.select_option("#open-chart", "working chart")
    opened = until(page, "window.linkchart.openedChart")
    assert opened["data_version"] == page.evaluate("linkchart.dataVersion")
    with page.expect_download() as download:
        page.click("#png")
    assert download.value.suggested_filename == "linkchart.png"
    png = page.evaluate("linkchart.lastPng")
    assert png["width"] > 500 and png["bytes"] > 5000


def test_entity_page_lists_ties_with_sentences_linking_to_the_document(page: Any) -> None:
    node = best_connected(page)[0]
    page.evaluate(f"() => {{ location.hash = '#/entity/{node}'; }}")
    until(page, "window.linkchart.view && window.linkchart.view.page === 'entity'")
    view = page.evaluate("linkchart.view.data")
    quotes = page.locator(".tie blockquote")
    assert quotes.count() == sum(len(t["evidence"]) for ties in view["ties"].values() for t in ties) > 0
    shot(page, "09-entity")
    first = view["ties"][next(iter(view["ties"]))][0]["evidence"][0]
    page.locator(".tie blockquote a").first.click()
    until(page, "window.linkchart.view.page === 'document'")
    assert page.inner_text("#at") and page.inner_text("#at") in first["text"]
    shot(page, "10-document")


def test_search_reports_and_upload_pages(page: Any, server: dict) -> None:
    node = best_connected(page)[0]
    surname = page.evaluate(f"linkchart.graph.getNodeAttribute({node!r}, 'label')").split()[-1]
    page.fill("#global-q", surname)
    page.press("#global-q", "Enter")
    until(page, "window.linkchart.view.page === 'search'")
    assert page.locator("#search-entities li").count() >= 1
    shot(page, "11-search")
    page.evaluate("() => { location.hash = '#/reports/key-actors'; }")
    until(page, "window.linkchart.view.page === 'report'")
    assert page.locator("#report tr").count() > 2
    with page.expect_download() as download:
        page.click("#csv")
    assert download.value.suggested_filename == "key-actors.csv"
    shot(page, "12-reports")
    good = server["folder"] / "extra-report.txt"
    good.write_text("Investigators say Oskar Lind shared a flat with Viktor Sand in Malmo in 2016.\n", encoding="utf-8")
    bad = server["folder"] / "photo.jpg"
    bad.write_bytes(b"\xff\xd8\xff")
    page.evaluate("() => { location.hash = '#/upload'; }")
    page.set_input_files("#upload-files", [str(good), str(bad)])
    page.click("#view-page form button[type=submit]")
    job = until(page, "['finished', 'failed'].includes(window.linkchart.job.state) && window.linkchart.job", 120)
    assert job["state"] == "finished" and job["files"] == ["extra-report.txt"]
    errors = page.locator("#upload-errors li").all_inner_texts()
    assert len(errors) == 1 and errors[0].startswith("photo.jpg:")
    shot(page, "13-upload")


# Written for this test: two reports naming men whose full names differ only in the middle name.
# Resolution cannot tell a man from his namesake relative, so it suggests the join and makes none.
NAMESAKES = {
    "harbour-arrests.txt": "Harbour arrests\n\nPolice in Gdynia arrested Marek Jan Olszewski in May 2016. Marek Jan Olszewski"
                           " had shared a flat with Pavel Kostrzewa near the harbour.\n",
    "fuel-court.txt": "Court hears of fuel smuggling\n\nThe court in Lodz heard on Tuesday that Marek Piotr Olszewski recruited"
                      " two drivers for the smuggling ring. Marek Piotr Olszewski met Lukas Brandt in prison in 2012.\n",
}


def test_review_queue_accepts_a_suggestion(page: Any, server: dict, extractor) -> None:  # type: ignore[no-untyped-def]
    folder = server["folder"] / "namesakes"
    folder.mkdir()
    for name, text in NAMESAKES.items():
        (folder / name).write_text(text, encoding="utf-8")
    with Case.open(server["db"], writable=True) as case:
        case.build([folder], extractor=extractor)
        queued = [s for _, s in case.review() if {s.name_a, s.name_b} == {"Marek Jan Olszewski", "Marek Piotr Olszewski"}]
    assert queued, "the build suggests joining the namesakes"
    page.goto(server["url"] + "?namesakes#/review")  # a new page load: the chart with the new reports, then the queue
    until(page, "window.linkchart.ready && window.linkchart.view && window.linkchart.view.page === 'review'")
    pair = (queued[0].entity_a, queued[0].entity_b)
    ours = next(i for i in page.evaluate("linkchart.view.data") if (i["entity_a"], i["entity_b"]) == pair)
    assert "given names differ" in ours["reason"]
    assert page.evaluate(f"linkchart.graph.hasNode({ours['entity_a']!r}) && linkchart.graph.hasNode({ours['entity_b']!r})")
    before = page.evaluate("linkchart.graph.order")
    shot(page, "14-review")
    page.locator(f"#review span[data-id='{ours['id']}'] button[data-verdict=accept]").click()
    until(page, "window.linkchart.lastOutcome && window.linkchart.lastOutcome.message.startsWith('merged')")
    until(page, f"linkchart.view.page === 'review' && !linkchart.view.data.some((i) => i.id === {ours['id']!r})")
    until(page, f"linkchart.graph.order === {before - 1}")
    kept = page.evaluate(f"[{ours['entity_a']!r}, {ours['entity_b']!r}].filter((n) => linkchart.graph.hasNode(n))")
    assert len(kept) == 1
    both = {"Marek Jan Olszewski", "Marek Piotr Olszewski"}
    assert set(page.evaluate(f"linkchart.graph.getNodeAttribute({kept[0]!r}, 'aliases')")) >= both
    with Case.open(server["db"]) as case:
        assert any(d.action == "merge" and {d.name_a, d.name_b} == both
                   for d in case.decisions(include_undone=False))
    page.evaluate("() => { location.hash = '#/chart'; }")


def test_markup_in_documents_never_runs(page: Any, server: dict) -> None:
    """Title, sentences, names and attributes holding markup are shown as text on every view."""
    chart_view(page)
    weller = page.evaluate("() => linkchart.graph.filterNodes((n, a) => a.label.includes('onerror'))")
    assert weller, "the renamed entity is on the chart"
    page.fill("#find", "weller")
    page.press("#find", "Enter")
    until(page, f"linkchart.found === {weller[0]!r}")
    assert "<img src=x onerror=" in page.inner_text("#side h2")
    page.evaluate(f"() => {{ location.hash = '#/entity/{weller[0]}'; }}")
    until(page, "window.linkchart.view.page === 'entity'")
    assert page.inner_text("#entity-name") == MARKUP_NAME
    shot(page, "15-hostile-entity")
    doc = page.evaluate("() => linkchart.view.data.documents.find((d) => /hostile|harbour|script/i.test(d.title))")
    assert doc, "the hostile document is listed on the entity page"
    page.evaluate(f"() => {{ location.hash = '#/doc/{doc['id']}'; }}")
    until(page, "window.linkchart.view.page === 'document'")
    text = page.inner_text("#doc-text")
    assert "<script>window.__pwned" in text and 'onmouseover="window.__pwned' in text
    shot(page, "16-hostile-document")
    page.evaluate("() => { location.hash = '#/search/pwned'; }")
    until(page, "window.linkchart.view.page === 'search'")
    page.evaluate("() => { location.hash = '#/documents'; }")
    until(page, "document.querySelector('#documents')")
    assert page.evaluate("window.__pwned === undefined")
    injected = "#view-page script, #view-page img, #view-page svg, #side img, #side script"
    assert page.evaluate(f"document.querySelectorAll({injected!r}).length") == 0
    assert page.evaluate("[...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name)))"
                         ".length") == 0
    assert page.dialogs == []
    assert page.page_errors == []
