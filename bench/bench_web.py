"""Benchmark the browser workbench in headless Debian Chromium.

1. The seed case (built here from ../shared/corpus/seed): time from opening the page until the
   chart is interactive (data fetched, laid out, drawn, `window.linkchart.ready`), cold (first
   visit right after the server starts, as `linkchart serve` does: it prepares the chart in the
   background) and warm. Target: < 1 s.
2. A synthetic case of 5,000 people and 20,000 ties (cells of 25 people holding 80% of the ties,
   10% hedged, half dated) written straight into a store: load time (target < 3 s) and the
   frame rate while the user drags the chart for 3 s (target >= 30 fps). Load is timed three
   ways: the first visit after the build (the server computes the chart and keeps it with the
   case), a second visit, and a visit to a restarted server (the kept chart). Each is timed to
   `ready` and to the first frame painted after it.
   The drag is timed two ways: Playwright's mouse (each move waits for the browser's
   acknowledgement, so the move rate caps the figure: the seed chart's figure shows the cap) and
   mouse events sent from the page on every animation frame, as a real mouse delivers them,
   through sigma's own drag handling. Charts this large hide ties and labels while moving, as
   sigma recommends; dragging one person (only that person and its ties are redrawn until the
   mouse is released) and the frame rate with every tie drawn on every frame are printed too. Headless
   Chromium draws WebGL in software (SwiftShader) on this machine's 2 cores, so a desktop GPU does
   far better on the last figure.

Run: .venv/bin/python bench/bench_web.py [--people N] [--ties M] [--skip-seed]
Prints each figure with its target and the ratio to it.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from linkchart.model import (  # noqa: E402
    ASSOCIATE,
    CO_RESIDED,
    COMMUNICATED_WITH,
    FAMILY,
    PERSON,
    Alias,
    Document,
    Entity,
    Evidence,
    Relation,
    Resolution,
)
from linkchart.settings import Settings  # noqa: E402
from linkchart.store import open_store  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEED = REPO.parent / "shared" / "corpus" / "seed"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--enable-unsafe-swiftshader"]
SYLLABLES = ["ka", "lo", "mi", "ra", "tu", "se", "vo", "ne", "di", "ba", "zu", "fe", "gho", "pri", "sta"]


def synthetic_case(db: Path, people: int, ties: int, seed: int = 7) -> None:
    rng = random.Random(seed)

    def name(i: int) -> str:
        given = "".join(rng.choice(SYLLABLES) for _ in range(2)).title()
        return f"{given} {''.join(SYLLABLES[(i // 15 ** k) % 15] for k in range(3)).title()}"

    store = open_store(db)
    text = "Synthetic report. " * 10
    doc = Document("synthetic-doc", "synthetic.txt", "Synthetic report", text, "hash-synthetic", "2020")
    store.add_document(doc, (0,))
    entities = [Entity(f"e{i:05d}", PERSON, name(i), [Alias(name(i), "surface", doc.id)], documents=[doc.id], mention_count=1)
                for i in range(people)]
    pairs: set[tuple[int, int]] = set()
    cell = 25
    while len(pairs) < ties:
        if len(pairs) < ties * 0.8:
            base = rng.randrange(people // cell) * cell
            a, b = base + rng.randrange(cell), base + rng.randrange(cell)
        else:
            a, b = rng.randrange(people), rng.randrange(people)
        if a != b:
            pairs.add((min(a, b), max(a, b)))
    types = [ASSOCIATE, FAMILY, CO_RESIDED, COMMUNICATED_WITH]
    relations = []
    for k, (a, b) in enumerate(sorted(pairs)):
        hedged = rng.random() < 0.1
        relations.append(Relation(f"e{a:05d}", f"e{b:05d}", rng.choice(types), [Evidence(doc.id, "Synthetic report.", 0, 17, hedged)],
                                  hedged=hedged, confidence=0.3 if hedged else 0.6,
                                  date=str(rng.randrange(2005, 2021)) if rng.random() < 0.5 else None, id=f"r{k:06d}"))
    store.write_network(Resolution(entities, relations, decisions=[]))
    store.close()


def seed_case(db: Path) -> None:
    from linkchart.case import Case

    with Case.open(db, writable=True, settings=Settings(db=db)) as case:
        case.build([SEED])


def serve(db: Path, port: int) -> Any:
    import uvicorn

    from linkchart.web.app import create_app

    server = uvicorn.Server(uvicorn.Config(create_app(db, warm=True), host="127.0.0.1", port=port, log_level="warning"))
    server.thread = threading.Thread(target=server.run, daemon=True)
    server.thread.start()
    while not server.started:
        time.sleep(0.05)
    return server


def stop(server: Any) -> None:
    server.should_exit = True
    server.thread.join(10)


def time_to_interactive(page: Any, url: str) -> tuple[float, float, float]:
    """Seconds from navigation until the chart is ready and until its first frame is painted
    (the page's own clock, from navigation start), and the page's in-page load figure (ms)."""
    page.goto(url)
    while not page.evaluate("() => !!(window.linkchart && window.linkchart.paintedAt)"):
        time.sleep(0.01)
    ready, painted = page.evaluate("[linkchart.readyAt, linkchart.paintedAt]")
    return ready / 1000, painted / 1000, page.evaluate("window.linkchart.loadMs")


# A point of the chart near its centre with no person under it: a drag that starts on a person
# moves that person, not the chart.
EMPTY_SPOT = """() => {
  const r = linkchart.renderer, box = document.getElementById("graph").getBoundingClientRect();
  const points = linkchart.graph.mapNodes((n) => r.framedGraphToViewport(r.getNodeDisplayData(n)));
  for (let ring = 0; ring < 40; ring++) {
    for (let k = 0; k < 8; k++) {
      const x = box.width / 2 + ring * 12 * Math.cos(k * Math.PI / 4), y = box.height / 2 + ring * 12 * Math.sin(k * Math.PI / 4);
      if (points.every((p) => Math.hypot(p.x - x, p.y - y) > 25)) return [box.left + x, box.top + y];
    }
  }
  return [box.left + box.width / 2, box.top + box.height / 2];
}"""

# Where a person with ties is drawn, near the centre of the chart: a drag from there moves that person.
PERSON_SPOT = """() => {
  const r = linkchart.renderer, box = document.getElementById("graph").getBoundingClientRect(), g = linkchart.graph;
  const centre = { x: box.width / 2, y: box.height / 2 };
  let best = null;
  g.forEachNode((n) => {
    if (!g.degree(n)) return;
    const p = r.framedGraphToViewport(r.getNodeDisplayData(n)), d = Math.hypot(p.x - centre.x, p.y - centre.y);
    if (!best || d < best.d) best = { d, x: p.x, y: p.y };
  });
  return [box.left + best.x, box.top + best.y];
}"""

DRAG = """async ([ms, cx, cy]) => {
  const r = linkchart.renderer;
  const target = r.getMouseCaptor().container;
  const fire = (type, x, y) => target.dispatchEvent(new MouseEvent(type,
    { clientX: x, clientY: y, bubbles: true, cancelable: true, button: 0, buttons: 1 }));
  let frames = 0;
  const count = () => { frames += 1; };
  r.on("afterRender", count);
  fire("mousedown", cx, cy);
  const start = performance.now();
  let step = 0;
  await new Promise((done) => {
    const tick = (now) => {
      step += 1;
      fire("mousemove", cx + 200 * Math.sin(step / 20), cy + 120 * Math.cos(step / 20));
      if (now - start < ms) requestAnimationFrame(tick); else done();
    };
    requestAnimationFrame(tick);
  });
  const seconds = (performance.now() - start) / 1000;
  r.off("afterRender", count);
  fire("mouseup", cx, cy);
  return frames / seconds;
}"""


PAN = """async (ms) => {
  const r = linkchart.renderer, camera = r.getCamera();
  let frames = 0;
  const count = () => { frames += 1; };
  r.on("afterRender", count);
  const start = performance.now();
  await new Promise((done) => {
    const step = (now) => {
      const t = (now - start) / ms;
      camera.setState({ x: 0.5 + 0.3 * Math.sin(t * 2 * Math.PI), y: 0.5 + 0.2 * Math.cos(t * 2 * Math.PI) });
      if (now - start < ms) requestAnimationFrame(step); else done();
    };
    requestAnimationFrame(step);
  });
  r.off("afterRender", count);
  return frames / ((performance.now() - start) / 1000);
}"""


def drag_fps(page: Any, seconds: float = 3.0) -> float:
    """Frames sigma draws per second while the user drags the chart with the mouse."""
    import math

    page.evaluate("() => { window.benchFrames = 0; linkchart.renderer.on('afterRender', () => { window.benchFrames += 1; }); }")
    cx, cy = page.evaluate(EMPTY_SPOT)
    page.mouse.move(cx, cy)
    page.mouse.down()
    first = page.evaluate("window.benchFrames")
    start = time.perf_counter()
    step = 0
    while time.perf_counter() - start < seconds:
        step += 1
        page.mouse.move(cx + 200 * math.sin(step / 20), cy + 120 * math.cos(step / 20))
    frames = page.evaluate("window.benchFrames") - first
    elapsed = time.perf_counter() - start
    page.mouse.up()
    return frames / elapsed


def report(label: str, value: float, target: float, unit: str, higher_is_better: bool = False) -> None:
    ratio = value / target
    ok = value >= target if higher_is_better else value <= target
    print(f"{label:<44} {value:8.2f} {unit:<4} target {'>=' if higher_is_better else '<'} {target:g} {unit}"
          f"  ratio {ratio:.2f}  {'ok' if ok else 'MISSED'}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=5000)
    parser.add_argument("--ties", type=int, default=20000)
    parser.add_argument("--skip-seed", action="store_true")
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="bench-web-"))
    one, five, fifteen = os.getloadavg()
    print(f"load average at start: {one:.1f} {five:.1f} {fifteen:.1f} on {os.cpu_count()} cores"
          " (software WebGL: the figures scale with what else runs)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1400, "height": 900})
        if not args.skip_seed:
            db = folder / "seed.db"
            seed_case(db)
            server = serve(db, 8791)
            cold = time_to_interactive(page, "http://127.0.0.1:8791/")
            warm = time_to_interactive(page, "http://127.0.0.1:8791/?again")
            nodes = page.evaluate("linkchart.graph.order")
            print(f"seed case: {nodes} nodes, {page.evaluate('linkchart.graph.size')} ties")
            report("seed: open to interactive, cold", cold[0], 1.0, "s")
            report("seed: open to first frame, cold", cold[1], 1.0, "s")
            report("seed: open to interactive, warm", warm[0], 1.0, "s")
            report("seed: in-page fetch+layout+draw", warm[2] / 1000, 1.0, "s")
            page.wait_for_timeout(500)
            report("seed: drag via Playwright (the input cap)", drag_fps(page), 30.0, "fps", higher_is_better=True)
            stop(server)
        db = folder / "synthetic.db"
        t0 = time.perf_counter()
        synthetic_case(db, args.people, args.ties)
        print(f"synthetic case: {args.people} people, {args.ties} ties written in {time.perf_counter() - t0:.1f} s")
        server = serve(db, 8792)
        first = time_to_interactive(page, "http://127.0.0.1:8792/")
        print(f"  first visit, in-page ms: {page.evaluate('JSON.stringify(linkchart.timings)')}")
        second = time_to_interactive(page, "http://127.0.0.1:8792/?again")
        print(f"  drawn: {page.evaluate('linkchart.graph.order')} nodes, {page.evaluate('linkchart.graph.size')} edges;"
              f" in-page ms: {page.evaluate('JSON.stringify(linkchart.timings)')}")
        page.wait_for_timeout(3000)  # the measures are computed after the chart: let them land
        stop(server)
        server = serve(db, 8793)
        restarted = time_to_interactive(page, "http://127.0.0.1:8793/")
        print(f"  restarted server, in-page ms: {page.evaluate('JSON.stringify(linkchart.timings)')}")
        report("synthetic: first visit after build, ready", first[0], 3.0, "s")
        report("synthetic: first visit after build, painted", first[1], 3.0, "s")
        report("synthetic: second visit, ready", second[0], 3.0, "s")
        report("synthetic: second visit, painted", second[1], 3.0, "s")
        report("synthetic: restarted server, ready", restarted[0], 3.0, "s")
        report("synthetic: restarted server, painted", restarted[1], 3.0, "s")
        report("synthetic: in-page fetch+draw", restarted[2] / 1000, 3.0, "s")
        page.wait_for_timeout(1500)  # let the measures arrive first
        report("synthetic: drag via Playwright mouse", drag_fps(page), 30.0, "fps", higher_is_better=True)
        page.wait_for_timeout(700)  # the chart glides on after a drag: find an empty spot once it is still
        spot = page.evaluate(EMPTY_SPOT)
        report("synthetic: drag, mouse events every frame", page.evaluate(DRAG, [3000, *spot]), 30.0, "fps", higher_is_better=True)
        page.wait_for_timeout(700)
        person = page.evaluate(PERSON_SPOT)
        report("synthetic: drag a person, events every frame", page.evaluate(DRAG, [3000, *person]), 30.0, "fps",
               higher_is_better=True)
        page.wait_for_timeout(700)
        # The same camera path with every tie and label drawn on each frame (no hide-on-move).
        report("synthetic: pan, every tie drawn each frame", page.evaluate(PAN, 3000), 30.0, "fps", higher_is_better=True)
        stop(server)
        browser.close()


if __name__ == "__main__":
    main()
