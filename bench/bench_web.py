"""Benchmark the browser workbench in headless Debian Chromium.

1. The seed case (built here from ../shared/corpus/seed): time from opening the page until the
   chart is interactive (data fetched, laid out, drawn, `window.linkchart.ready`), cold (first
   visit right after the server starts, as `linkchart serve` does: it prepares the chart in the
   background) and warm. Target: < 1 s.
2. A synthetic case of 5,000 people and 20,000 ties (cells of 25 people holding 80% of the ties,
   10% hedged, half dated) written straight into a store: load time (target < 3 s) and the
   frame rate while the user drags the chart for 3 s (target >= 30 fps). Charts this large hide
   ties and labels while moving, as sigma recommends; the frame rate with every tie drawn on every
   frame is printed too. Headless Chromium draws WebGL in software (SwiftShader) on this
   machine's 2 cores, so a desktop GPU does far better on the second figure.

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
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server


def time_to_interactive(page: Any, url: str) -> tuple[float, float]:
    """Seconds from navigation until the chart is ready, and the page's own load figure (ms)."""
    start = time.perf_counter()
    page.goto(url)
    while not page.evaluate("() => !!(window.linkchart && window.linkchart.ready)"):
        time.sleep(0.01)
    return time.perf_counter() - start, page.evaluate("window.linkchart.loadMs")


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
    box = page.locator("#graph").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
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
            cold, _ = time_to_interactive(page, "http://127.0.0.1:8791/")
            warm, in_page = time_to_interactive(page, "http://127.0.0.1:8791/?again")
            nodes = page.evaluate("linkchart.graph.order")
            print(f"seed case: {nodes} nodes, {page.evaluate('linkchart.graph.size')} ties")
            report("seed: open to interactive, cold", cold, 1.0, "s")
            report("seed: open to interactive, warm", warm, 1.0, "s")
            report("seed: in-page fetch+layout+draw", in_page / 1000, 1.0, "s")
            server.should_exit = True
        db = folder / "synthetic.db"
        t0 = time.perf_counter()
        synthetic_case(db, args.people, args.ties)
        print(f"synthetic case: {args.people} people, {args.ties} ties written in {time.perf_counter() - t0:.1f} s")
        server = serve(db, 8792)
        cold, _ = time_to_interactive(page, "http://127.0.0.1:8792/")
        print(f"  cold visit, in-page ms: {page.evaluate('JSON.stringify(linkchart.timings)')}, ready at"
              f" {page.evaluate('linkchart.readyAt'):.0f}")
        warm, in_page = time_to_interactive(page, "http://127.0.0.1:8792/?again")
        print(f"  drawn: {page.evaluate('linkchart.graph.order')} nodes, {page.evaluate('linkchart.graph.size')} edges;"
              f" in-page ms: {page.evaluate('JSON.stringify(linkchart.timings)')}, ready at {page.evaluate('linkchart.readyAt'):.0f},"
              f" first frame at {page.evaluate('linkchart.paintedAt'):.0f}")
        report("synthetic: open to interactive, cold", cold, 3.0, "s")
        report("synthetic: open to interactive, warm", warm, 3.0, "s")
        report("synthetic: in-page fetch+draw", in_page / 1000, 3.0, "s")
        page.wait_for_timeout(1500)  # let the measures arrive first
        report("synthetic: drag-to-pan frame rate", drag_fps(page), 30.0, "fps", higher_is_better=True)
        # The same camera path with every tie and label drawn on each frame (no hide-on-move).
        report("synthetic: pan, every tie drawn each frame", page.evaluate(PAN, 3000), 30.0, "fps", higher_is_better=True)
        server.should_exit = True
        browser.close()


if __name__ == "__main__":
    main()
