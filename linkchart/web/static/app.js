// The linkchart workbench page. Text from documents is only ever inserted as text (textContent,
// createTextNode): nothing read from a report is parsed as markup. State the tests read is on
// window.linkchart.
"use strict";
(function () {
  const V = window.LinkchartVendor;
  const TIE_COLORS = { family: "#d62728", associate: "#1f77b4", co_resided: "#2ca02c", communicated_with: "#9467bd",
    member_of: "#8c564b", leader_of: "#e377c2", recruited_by: "#ff7f0e" };
  const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f",
    "#bab0ac", "#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e"];
  const FADED = "#e6e6e6";
  const EXPAND_CAP = 15;
  const $ = (id) => document.getElementById(id);

  // DOM and API helpers ----------------------------------------------------------------------
  function safeHref(href) {
    return /^(#\/|\/api\/|\/static\/)/.test(href) ? href : "#";
  }
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(props || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") el.className = v;
      else if (k === "on") for (const [ev, fn] of Object.entries(v)) el.addEventListener(ev, fn);
      else if (k === "href") el.setAttribute("href", safeHref(v));
      else if (/^on/i.test(k)) throw new Error("no inline handlers");
      else el.setAttribute(k, v === true ? "" : String(v));
    }
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return el;
  }
  const enc = encodeURIComponent;
  function nodes(children) {
    return children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false)
      .map((c) => (c instanceof Node ? c : document.createTextNode(String(c))));
  }
  let session = null;

  async function api(path, options = {}) {
    const init = { method: options.method || "GET", headers: {} };
    if (init.method !== "GET") init.headers["X-Linkchart-Token"] = session.token;
    if (options.json !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(options.json);
    }
    const response = await fetch(path, init);
    const type = response.headers.get("content-type") || "";
    const data = type.includes("json") ? await response.json() : await response.text();
    if (!response.ok) throw new Error((data && (data.error || data.detail)) || String(data) || response.statusText);
    return data;
  }
  function say(message, isError) {
    const el = $("status");
    el.textContent = message || "";
    el.className = isError ? "error" : "";
    lc.messages.push(message);
  }
  function guard(fn) {
    return async (...args) => {
      try { return await fn(...args); } catch (err) { say(String(err.message || err), true); lc.errors.push(String(err.message || err)); }
    };
  }

  // Page state the tests read ------------------------------------------------------------------
  const lc = window.linkchart = {
    ready: false, graph: null, renderer: null, selected: [], messages: [], errors: [], lastTie: null,
    disruption: null, pathResult: null, view: null, dataVersion: null, loadMs: null, lastPng: null,
    fadedEdges: () => Array.from(state.fadedEdges), visibleNodes: () => lc.graph.filterNodes((n) => !isHidden(n)),
    state: () => JSON.parse(JSON.stringify(viewState())),
  };

  // The link chart -----------------------------------------------------------------------------
  const state = {
    removed: new Set(), groups: {}, visible: null, sizeBy: "degree", colorBy: "cell", minConfidence: 0, doc: "",
    dateFrom: "", dateTo: "", asOf: "", types: new Set(Object.keys(TIE_COLORS)), highlight: new Set(),
    fadedEdges: new Set(), fadedNodes: new Set(), expandMore: {},
  };
  let data = null;
  let measures = null;
  let layout = null;
  const history = { undo: [], redo: [] };

  function viewState() {
    return { removed: [...state.removed], groups: state.groups, visible: state.visible ? [...state.visible] : null,
      sizeBy: state.sizeBy, colorBy: state.colorBy, minConfidence: state.minConfidence, doc: state.doc,
      dateFrom: state.dateFrom, dateTo: state.dateTo, asOf: state.asOf, types: [...state.types] };
  }
  function record() {
    history.undo.push(JSON.stringify(viewState()));
    history.redo.length = 0;
  }
  function restore(snapshot) {
    const s = JSON.parse(snapshot);
    state.removed = new Set(s.removed);
    state.visible = s.visible ? new Set(s.visible) : null;
    Object.assign(state, { sizeBy: s.sizeBy, colorBy: s.colorBy, minConfidence: s.minConfidence, doc: s.doc,
      dateFrom: s.dateFrom, dateTo: s.dateTo, asOf: s.asOf });
    state.types = new Set(s.types);
    setGroups(s.groups || {});
    syncControls();
    refresh();
  }
  function undoView() {
    if (!history.undo.length) return say("nothing to undo");
    history.redo.push(JSON.stringify(viewState()));
    restore(history.undo.pop());
  }
  function redoView() {
    if (!history.redo.length) return say("nothing to redo");
    history.undo.push(JSON.stringify(viewState()));
    restore(history.redo.pop());
  }

  function dateKey(date, width) {
    return date ? String(date).slice(0, width) : "";
  }
  function after(date, limit) {
    if (!date || !limit) return false;
    const n = Math.min(String(date).length, String(limit).length);
    return String(date).slice(0, n) > String(limit).slice(0, n);
  }
  function before(date, limit) {
    if (!date || !limit) return false;
    const n = Math.min(String(date).length, String(limit).length);
    return String(date).slice(0, n) < String(limit).slice(0, n);
  }
  function isHidden(node) {
    const a = lc.graph.getNodeAttributes(node);
    if (a.group) return false;
    if (state.removed.has(node) || a.groupedIn) return true;
    return state.visible !== null && !state.visible.has(node);
  }

  function computeFades() {
    const faded = new Set();
    const g = lc.graph;
    g.forEachEdge((edge, a) => {
      if (a.group) return;
      if (!state.types.has(a.tieType) || a.confidence < state.minConfidence
          || (state.doc && !a.documents.includes(state.doc))
          || after(a.date, state.asOf) || after(a.date, state.dateTo) || (state.dateFrom && (!a.date || before(a.date, state.dateFrom)))) {
        faded.add(edge);
      }
    });
    const fadedNodes = new Set();
    g.forEachNode((node, a) => {
      if (a.group) return;
      const edges = g.edges(node);
      if (edges.length && edges.every((e) => faded.has(e))) fadedNodes.add(node);
      if (state.doc && !a.documents.includes(state.doc)) fadedNodes.add(node);
    });
    state.fadedEdges = faded;
    state.fadedNodes = fadedNodes;
  }

  function nodeSize(id, a) {
    if (a.group) return 14;
    let value = 0;
    let max = 1;
    if (state.sizeBy === "degree" || !measures) {
      value = a.degree;
      max = data.maxDegree || 1;
    } else if (state.sizeBy === "betweenness") {
      value = measures.betweenness[id] || 0;
      max = measures.maxBetweenness || 1;
    } else {
      const rank = measures.rank[id];
      value = rank ? (measures.maxRank + 1 - rank) : 0;
      max = measures.maxRank || 1;
    }
    const big = lc.graph.order > 1000;  // thousands of people: smaller discs keep the chart legible and fast to draw
    return (big ? 1.5 : 3) + (big ? 6 : 12) * Math.sqrt(value / max);
  }
  function nodeColor(a) {
    if (a.group) return "#333";
    if (state.colorBy === "type") return a.type === "person" ? "#4e79a7" : "#9c755f";
    if (state.colorBy === "role") return a.role === "actor" ? "#59a14f" : "#bab0ac";
    return a.cell ? PALETTE[(a.cell - 1) % PALETTE.length] : "#9aa5b1";
  }
  function applyStyles() {
    computeFades();
    lc.graph.updateEachNodeAttributes((n, a) => { a.size = nodeSize(n, a); a.color = nodeColor(a); return a; });
  }
  function refresh() {
    applyStyles();
    lc.renderer.refresh();
    renderTimebar();
  }

  // Whether any person is off the chart (removed, grouped or outside an expansion): only then must
  // each tie look at its ends, which costs a lookup per tie on every redraw.
  function someoneHidden() {
    if (state.removed.size || state.visible !== null) return true;
    for (const _ in state.groups) return true;
    return false;
  }

  // Large charts while they or a person on them are dragged or zoomed (as Gephi and sigma's own demos do): ties are not
  // drawn, and people are drawn without sigma's second pass into the picking buffer that tells
  // which person is under the mouse (nothing can be hovered mid-drag; the pass cost a third of
  // each frame in software WebGL). The chart is drawn in full once it comes to rest. Sigma's own
  // hideEdgesOnMove re-processes every tie when a drag ends, a visible stall on 20,000 ties.
  function moving(r) {
    const c = r.getMouseCaptor();
    return !!(r.getCamera().isAnimated() || c.isMoving || c.draggedEvents || c.currentWheelDirection
      || (dragged && dragged.x !== null));
  }
  let settleTimer = null;
  function redrawAtRest() {
    clearTimeout(settleTimer);
    settleTimer = setTimeout(() => {
      const r = lc.renderer;
      if (!r) return;
      if (moving(r)) redrawAtRest(); else r.scheduleRender();
    }, 120);
  }
  function atRest(Program, { hideWhileMoving }) {
    return class extends Program {
      render(params) {
        const r = lc.renderer;
        if (!r || !moving(r)) return super.render(params);
        redrawAtRest();
        if (hideWhileMoving) return undefined;
        if (!this.pickProgram) return super.render(params);
        const pick = this.pickProgram;
        this.pickProgram = null;
        try { super.render(params); } finally { this.pickProgram = pick; }
        return undefined;
      }
    };
  }

  let dragged = null;  // the person being dragged: { node, x, y } (graph coordinates under the mouse)

  function setupRenderer() {
    const graph = lc.graph;
    dragged = null;
    // Thousands of ties: plain ties are one-pixel lines (two vertices instead of a six-vertex
    // rectangle each, far less to fill in software WebGL); hedged ties keep the dashed program.
    const big = graph.size > 5000;
    lc.renderer = new V.Sigma(graph, $("graph"), {
      // Picking ties under the mouse reads pixels back on every move; on charts of thousands of ties
      // that stalls software rendering, so there a tie is opened from its person's list instead.
      enableEdgeEvents: graph.size <= 5000, renderEdgeLabels: false, allowInvalidContainer: true, labelRenderedSizeThreshold: graph.order > 300 ? 7 : 0, defaultEdgeType: "line",
      // Points and non-instanced ties: instanced drawing is slow in software WebGL (see edges.js).
      nodeProgramClasses: { point: big ? atRest(V.NodePointProgram, { hideWhileMoving: false }) : V.NodePointProgram },
      defaultNodeType: "point",
      edgeProgramClasses: big
        ? { line: atRest(V.EdgeLineProgram, { hideWhileMoving: true }), dashed: atRest(window.LinkchartDashedEdgeProgram, { hideWhileMoving: true }) }
        : { line: window.LinkchartSolidEdgeProgram, dashed: window.LinkchartDashedEdgeProgram },
      zIndex: true, hideLabelsOnMove: graph.order > 2000,
      // Sigma hands the reducers a copy of the attributes, so they change it in place.
      nodeReducer: (node, res) => {
        if (isHidden(node)) { res.hidden = true; return res; }
        if (dragged && dragged.node === node && dragged.x !== null) { res.x = dragged.x; res.y = dragged.y; }
        if (state.fadedNodes.has(node)) { res.color = FADED; res.label = ""; res.zIndex = 0; }
        if (lc.selected.includes(node) || state.highlight.has(node)) { res.highlighted = true; res.zIndex = 2; }
        return res;
      },
      edgeReducer: (edge, res) => {
        if (someoneHidden() && (isHidden(graph.source(edge)) || isHidden(graph.target(edge)))) { res.hidden = true; return res; }
        if (state.fadedEdges.has(edge)) { res.color = FADED; res.zIndex = 0; }
        if (state.highlight.has(edge)) { res.size = 4; res.zIndex = 2; }
        return res;
      },
    });
    const r = lc.renderer;
    r.on("clickNode", ({ node, event }) => selectNode(node, event.original.shiftKey));
    r.on("clickEdge", ({ edge }) => showTie(edge));
    r.on("clickStage", () => { lc.selected = []; state.highlight.clear(); r.refresh(); });
    // Drag a node to move it; a dragged node stays pinned where it was put.
    // Any position written to the graph makes sigma re-process every person and tie (a fifth of
    // a second on 20,000 ties), so while the mouse moves only the dragged person and its ties are
    // redrawn, the node reducer placing the person under the mouse; the graph takes the new
    // position when the mouse is released.
    r.on("downNode", (e) => { dragged = { node: e.node, x: null, y: null }; graph.setNodeAttribute(e.node, "fixed", true); });
    r.getMouseCaptor().on("mousemovebody", (e) => {
      if (!dragged) return;
      const pos = r.viewportToGraph(e);
      dragged.x = pos.x;
      dragged.y = pos.y;
      r.refresh({ partialGraph: { nodes: [dragged.node], edges: graph.edges(dragged.node) }, skipIndexation: true, schedule: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    r.getMouseCaptor().on("mouseup", () => {
      const done = dragged;
      dragged = null;
      if (done && done.x !== null) graph.mergeNodeAttributes(done.node, { x: done.x, y: done.y });
    });
    // Hover detection reads a pixel back from the GPU on every mouse move; while the chart is being
    // dragged nothing can be hovered, and skipping it keeps panning smooth on large charts.
    const captor = r.getMouseCaptor();
    const hover = r.activeListeners && r.activeListeners.handleMove;
    if (hover) {
      captor.removeListener("mousemove", hover);
      captor.on("mousemove", (e) => { if (!captor.isMouseDown) hover(e); });
    }
  }

  // Every display attribute sigma would otherwise add to its copy of each person and tie on each
  // refresh (adding properties to 20,000 objects is a measurable part of drawing a large chart).
  const NODE_DEFAULTS = { hidden: false, highlighted: false, forceLabel: false, zIndex: 0 };
  const EDGE_DEFAULTS = { label: "", hidden: false, forceLabel: false, zIndex: 0 };

  function buildGraph(payload) {
    const g = new V.Graph({ multi: true, type: "undirected", allowSelfLoops: false });
    const cells = {};
    payload.nodes.forEach((n) => { (cells[n.cell || 0] = cells[n.cell || 0] || []).push(n.id); });
    const cellIds = Object.keys(cells);
    const cellIndex = new Map(cellIds.map((c, i) => [c, i]));
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    payload.nodes.forEach((n) => {
      const c = cellIndex.get(String(n.cell || 0));
      const angle = (2 * Math.PI * c) / cellIds.length;
      const spread = Math.sqrt(cells[n.cell || 0].length);
      g.addNode(n.id, { label: n.label, x: 10 * spread * Math.cos(angle) * (cellIds.length > 1 ? 1 : 0) + spread * (random() - 0.5) * 4,
        y: 10 * spread * Math.sin(angle) * (cellIds.length > 1 ? 1 : 0) + spread * (random() - 0.5) * 4,
        type: "point", entityType: n.type, role: n.role, aliases: n.aliases, documents: n.documents, degree: n.degree,
        cell: n.cell, size: 4, color: "#999", ...NODE_DEFAULTS });
    });
    let maxDegree = 1;
    payload.nodes.forEach((n) => { maxDegree = Math.max(maxDegree, n.degree); });
    payload.maxDegree = maxDegree;
    const big = payload.edges.length > 5000;
    payload.edges.forEach((e) => {
      if (!g.hasNode(e.source) || !g.hasNode(e.target) || g.hasEdge(e.id) || e.source === e.target) return;
      g.addEdgeWithKey(e.id, e.source, e.target, { tieType: e.type, hedged: e.hedged, confidence: e.confidence, date: e.date,
        documents: e.documents, directed: e.directed, evidenceCount: e.evidence_count, size: (e.hedged ? 2.5 : 2) / (big ? 2 : 1),
        type: e.hedged ? "dashed" : "line", color: TIE_COLORS[e.type] || "#888", ...EDGE_DEFAULTS });
    });
    if (g.order && g.order <= 1500) {
      V.forceAtlas2.assign(g, { iterations: 150, settings: { ...V.forceAtlas2.inferSettings(g), barnesHutOptimize: g.order > 300 } });
    }
    return g;
  }

  async function loadChart() {
    const t0 = performance.now();
    data = await api("/api/chart");
    const t1 = performance.now();
    lc.dataVersion = data.data_version;
    const g = buildGraph(data);
    const t2 = performance.now();
    if (lc.renderer) {
      if (layout) { layout.kill(); layout = null; $("layout-toggle").textContent = "Start layout"; }
      lc.renderer.kill();
    }
    lc.graph = g;
    setGroups(state.groups);
    applyStyles();
    setupRenderer();
    fillDocFilter();
    renderTimebar();
    lc.loadMs = performance.now() - t0;
    lc.timings = { fetch: t1 - t0, graph: t2 - t1, draw: lc.loadMs - (t2 - t0) };
    lc.ready = true;
    lc.readyAt = performance.now();  // since the page started loading
    requestAnimationFrame(() => requestAnimationFrame(() => { lc.paintedAt = performance.now(); }));
    loadMeasures();
    return g;
  }
  const loadMeasures = guard(async () => {
    measures = await api("/api/measures");
    measures.maxBetweenness = Math.max(1e-9, ...Object.values(measures.betweenness));
    measures.maxRank = Math.max(1, ...Object.values(measures.rank));
    lc.measures = measures;
    if (state.sizeBy !== "degree") refresh();
  });

  function fillDocFilter() {
    const select = $("doc-filter");
    select.replaceChildren(h("option", { value: "" }, "all documents"));
    data.documents.filter((d) => !d.duplicate_of).forEach((d) => select.append(h("option", { value: d.id }, d.title)));
    select.value = state.doc;
  }
  function buildTypeFilters() {
    const box = $("type-filters");
    box.replaceChildren();
    for (const [type, color] of Object.entries(TIE_COLORS)) {
      const swatch = h("span", { class: "swatch" });
      swatch.style.background = color;
      const input = h("input", { type: "checkbox", value: type, "data-type": type });
      input.checked = state.types.has(type);
      input.addEventListener("change", () => {
        record();
        if (input.checked) state.types.add(type); else state.types.delete(type);
        refresh();
      });
      box.append(h("label", {}, input, swatch, type.replace("_", " ")));
    }
    box.append(h("span", { class: "muted" }, " dashed = hedged"));
  }
  function syncControls() {
    $("size-by").value = state.sizeBy;
    $("color-by").value = state.colorBy;
    $("min-confidence").value = state.minConfidence;
    $("min-confidence-out").textContent = state.minConfidence;
    $("doc-filter").value = state.doc;
    $("date-from").value = state.dateFrom;
    $("date-to").value = state.dateTo;
    document.querySelectorAll("#type-filters input").forEach((i) => { i.checked = state.types.has(i.value); });
    const bins = timeBins();
    $("as-of").value = state.asOf ? Math.max(0, bins.indexOf(state.asOf)) : bins.length;
  }

  // Side panel ---------------------------------------------------------------------------------
  function side(...children) {
    $("side").replaceChildren(...nodes(children));
  }
  function entityLink(id, name) {
    return h("a", { href: `#/entity/${enc(id)}` }, name);
  }
  function evidenceList(evidence) {
    return evidence.map((e) => h("blockquote", { class: e.hedged ? "hedged" : "", "data-document": e.document },
      e.text, h("br"), h("a", { href: `#/doc/${enc(e.document)}/${e.start}` }, "— ", e.title),
      e.hedged ? h("span", { class: "badge hedged" }, "hedged") : null));
  }
  function selectNode(node, add) {
    const g = lc.graph;
    if (g.getNodeAttribute(node, "group")) return showGroup(node);
    lc.selected = add ? [...new Set([...lc.selected, node])] : [node];
    state.highlight.clear();
    const a = g.getNodeAttributes(node);
    const ties = g.edges(node).filter((e) => !g.getEdgeAttribute(e, "group"));
    side(h("h2", {}, a.label),
      h("p", {}, `${a.entityType}, ${a.degree} ties`, a.cell ? `, cell ${a.cell}` : "",
        measures && measures.rank[node] ? `, key-actor rank ${measures.rank[node]}` : ""),
      a.aliases.length > 1 ? h("p", { class: "muted" }, "also: ", a.aliases.filter((x) => x !== a.label).join(", ")) : null,
      h("p", {}, entityLink(node, "Open entity page →")),
      lc.selected.length > 1 ? h("p", {}, `${lc.selected.length} selected: `, lc.selected.map((n) => g.getNodeAttribute(n, "label")).join(", ")) : null,
      h("h3", {}, "Ties"),
      h("ul", { id: "node-ties" }, ties.slice(0, 40).map((edge) => {
        const other = g.opposite(node, edge);
        const t = g.getEdgeAttributes(edge);
        return h("li", {}, h("a", { href: "#/chart", "data-edge": edge, on: { click: (ev) => { ev.preventDefault(); showTie(edge); } } },
          t.tieType.replace("_", " ")), t.hedged ? " (hedged)" : "", " — ",
        h("a", { href: "#/chart", on: { click: (ev) => { ev.preventDefault(); focusNode(other); } } }, g.getNodeAttribute(other, "label")));
      })),
      ties.length > 40 ? h("p", { class: "muted" }, `${ties.length - 40} more on the entity page`) : null);
    lc.renderer.refresh();
  }
  function focusNode(node) {
    if (state.visible && !state.visible.has(node)) { record(); state.visible.add(node); refresh(); }
    const pos = lc.renderer.getNodeDisplayData(node);
    if (pos) lc.renderer.getCamera().animate({ x: pos.x, y: pos.y, ratio: 0.35 }, { duration: 300 });
    selectNode(node, false);
  }
  const showTie = guard(async (edge) => {
    const g = lc.graph;
    if (g.getEdgeAttribute(edge, "group")) return;
    const [s] = g.extremities(edge);
    const tie = await api(`/api/ties/${enc(edge)}?source=${enc(s)}`);
    lc.lastTie = tie;
    state.highlight = new Set([edge, ...g.extremities(edge)]);  // the ends labelled, whatever the label density
    side(h("h2", {}, tie.type.replace("_", " "), tie.hedged ? h("span", { class: "badge hedged" }, "hedged") : null),
      h("p", {}, entityLink(tie.source, tie.source_name), tie.directed ? " → " : " — ", entityLink(tie.target, tie.target_name)),
      h("p", { class: "muted" }, `confidence ${tie.confidence}`, tie.date ? `, dated ${tie.date}` : ", undated",
        `, ${tie.documents.length} document(s)`),
      h("div", { id: "tie-evidence" }, evidenceList(tie.evidence)));
    lc.renderer.refresh();
  });

  // Chart actions ------------------------------------------------------------------------------
  function find(text) {
    const q = text.trim().toLowerCase();
    if (!q) return null;
    let best = null;
    lc.graph.forEachNode((n, a) => {
      if (a.group) return;
      const names = [a.label, ...(a.aliases || [])].map((x) => x.toLowerCase());
      const score = names.includes(q) ? 3 : names.some((x) => x.startsWith(q)) ? 2 : names.some((x) => x.includes(q)) ? 1 : 0;
      if (score && (!best || score > best.score || (score === best.score && a.degree > best.degree))) best = { node: n, score, degree: a.degree };
    });
    return best && best.node;
  }
  function expand(node) {
    const g = lc.graph;
    record();
    if (!state.visible) state.visible = new Set([node]);
    const hidden = g.neighbors(node).filter((n) => !state.visible.has(n));
    hidden.slice(0, EXPAND_CAP).forEach((n) => state.visible.add(n));
    state.visible.add(node);
    const more = hidden.length - Math.min(hidden.length, EXPAND_CAP);
    refresh();
    side(h("p", {}, `Showing ${g.getNodeAttribute(node, "label")} and neighbours.`),
      more > 0 ? h("button", { type: "button", id: "expand-more", on: { click: () => expand(node) } }, `${more} more`) : h("p", { class: "muted" }, "all neighbours shown"));
  }
  const removeSelected = guard(async () => {
    if (!lc.selected.length) return say("select people to remove first (click, shift-click)");
    record();
    lc.selected.forEach((n) => state.removed.add(n));
    const query = [...state.removed].map((id) => `remove=${enc(id)}`).join("&");
    const result = await api(`/api/disruption?${query}`);
    lc.disruption = result;
    lc.selected = [];
    refresh();
    const row = (label, key, digits) => h("tr", {}, h("td", {}, label),
      h("td", {}, fmt(result.before[key], digits)), h("td", {}, fmt(result.after[key], digits)));
    side(h("h2", {}, "Removing ", result.removed.map((p) => p.name).join(", ")),
      h("table", { class: "figures", id: "disruption" }, h("tr", {}, h("th", {}, ""), h("th", {}, "before"), h("th", {}, "after")),
        row("people", "people"), row("ties", "ties"), row("components", "components"),
        row("largest component", "largest_component"), row("fragmentation", "fragmentation", 3),
        row("distance fragmentation", "distance_fragmentation", 3)),
      result.cut_off.length ? h("p", {}, "Cut off from the largest component: ", result.cut_off.map((p) => p.name).join(", ")) : null);
  });
  function fmt(value, digits) {
    return typeof value === "number" && digits ? value.toFixed(digits) : String(value);
  }
  function restoreRemoved() {
    record();
    state.removed.clear();
    lc.disruption = null;
    refresh();
  }
  function hopList(hops) {
    return hops.map((hop) => h("div", { class: "hop" }, h("h3", {}, hop.source_name, " — ", hop.types.join(", "), " — ", hop.target_name,
      hop.hedged ? h("span", { class: "badge hedged" }, "hedged") : null), evidenceList(hop.evidence)));
  }
  function highlightHops(hops, people) {
    state.highlight = new Set(people.map((p) => p.id));
    hops.forEach((hop) => hop.relation_ids.forEach((r) => state.highlight.add(r)));
    if (state.visible) people.forEach((p) => state.visible.add(p.id));
    refresh();
  }
  const showPath = guard(async () => {
    if (lc.selected.length !== 2) return say("select exactly two people (shift-click) for a path");
    const [a, b] = lc.selected;
    const result = await api(`/api/path?a=${enc(a)}&b=${enc(b)}`);
    lc.pathResult = result;
    if (!result.hops.length) return side(h("p", {}, "These two people are not connected."));
    highlightHops(result.hops, result.people);
    side(h("h2", {}, `Path of ${result.length} hop(s)`), h("p", {}, result.people.map((p) => p.name).join(" → ")), hopList(result.hops));
  });
  const connectPeople = guard(async () => {
    if (lc.selected.length < 2) return say("select two or more people (shift-click) to connect");
    const result = await api(`/api/connect?${lc.selected.map((id) => `ids=${enc(id)}`).join("&")}`);
    lc.pathResult = result;
    highlightHops(result.hops, result.people);
    side(h("h2", {}, `Connecting network: ${result.people.length} people`),
      result.unreachable.length ? h("p", { class: "muted" }, `${result.unreachable.length} pair(s) not connected`) : null,
      hopList(result.hops));
  });

  function setGroups(groups) {
    const g = lc.graph;
    g.forEachNode((n, a) => { if (a.groupedIn) g.removeNodeAttribute(n, "groupedIn"); });
    g.filterNodes((n, a) => a.group).forEach((n) => g.dropNode(n));
    state.groups = {};
    for (const cell of Object.keys(groups)) groupCell(Number(cell), false);
  }
  function groupCell(cell, remember = true) {
    const g = lc.graph;
    const members = g.filterNodes((n, a) => !a.group && a.cell === cell);
    if (members.length < 2) return say("this person is in no cell to group");
    if (remember) record();
    const key = `group:${cell}`;
    let x = 0; let y = 0;
    members.forEach((m) => { const a = g.getNodeAttributes(m); x += a.x; y += a.y; g.setNodeAttribute(m, "groupedIn", key); });
    g.addNode(key, { label: `cell ${cell} (${members.length} people)`, x: x / members.length, y: y / members.length, size: 14,
      color: "#333", group: true, cell, members, degree: 0, aliases: [], documents: [] });
    const outside = new Set();
    members.forEach((m) => g.neighbors(m).forEach((n) => { if (!members.includes(n) && !g.getNodeAttribute(n, "group")) outside.add(n); }));
    outside.forEach((n) => g.addEdgeWithKey(`${key}|${n}`, key, n, { group: true, size: 2, color: "#555", type: "line" }));
    state.groups[cell] = members;
    if (remember) refresh();
  }
  function showGroup(node) {
    const a = lc.graph.getNodeAttributes(node);
    lc.selected = [node];
    side(h("h2", {}, a.label), h("ul", {}, a.members.map((m) => h("li", {}, entityLink(m, lc.graph.getNodeAttribute(m, "label"))))),
      h("button", { type: "button", on: { click: () => ungroup(a.cell) } }, "Ungroup"));
  }
  function ungroup(cell) {
    const cells = cell !== undefined ? [cell] : lc.selected.map((n) => lc.graph.getNodeAttribute(n, "group") ? lc.graph.getNodeAttribute(n, "cell") : null).filter((c) => c !== null);
    const targets = cells.length ? cells : Object.keys(state.groups).map(Number);
    if (!targets.length) return say("no grouped cell");
    record();
    const kept = { ...state.groups };
    targets.forEach((c) => delete kept[c]);
    setGroups(kept);
    lc.selected = [];
    refresh();
  }

  const mergeSelected = guard(async () => {
    const people = lc.selected.filter((n) => !lc.graph.getNodeAttribute(n, "group"));
    if (people.length !== 2) return say("select exactly two entities (shift-click) to merge");
    const [a, b] = people;
    const names = people.map((n) => lc.graph.getNodeAttribute(n, "label"));
    const reason = h("input", { id: "merge-reason", placeholder: "reason (kept with the decision)", size: 30 });
    const form = h("form", { class: "inline", id: "merge-form" }, h("span", {}, `Merge ${names[0]} and ${names[1]}?`), reason,
      h("button", { type: "submit" }, "Merge"));
    form.addEventListener("submit", guard(async (ev) => {
      ev.preventDefault();
      const outcome = await api("/api/merge", { method: "POST", json: { a, b, reason: reason.value } });
      await afterDecision(outcome);
    }));
    side(form);
  });
  async function afterDecision(outcome) {
    say(outcome.message);
    lc.lastOutcome = outcome;
    lc.selected = [];
    await loadChart();
    const undo = h("button", { type: "button", id: "undo-decision", on: { click: guard(async () => {
      const back = await api(`/api/undo/${outcome.decision_id}`, { method: "POST" });
      lc.lastOutcome = back;
      say(back.message);
      await loadChart();
      side(h("p", {}, back.message));
    }) } }, `Undo decision #${outcome.decision_id}`);
    side(h("p", {}, outcome.message), undo);
  }

  const saveChart = guard(async () => {
    const input = h("input", { id: "chart-name", placeholder: "chart name", size: 24 });
    const form = h("form", { class: "inline" }, input, h("button", { type: "submit" }, "Save"));
    form.addEventListener("submit", guard(async (ev) => {
      ev.preventDefault();
      const positions = {};
      lc.graph.forEachNode((n, a) => { if (!a.group) positions[n] = [a.x, a.y, a.fixed ? 1 : 0]; });
      const saved = await api("/api/charts", { method: "POST", json: { name: input.value, state: { view: viewState(), positions } } });
      say(`saved chart '${saved.name}' (data version ${saved.data_version})`);
      await listCharts();
    }));
    side(h("h2", {}, "Save this chart"), form);
  });
  const listCharts = guard(async () => {
    const charts = await api("/api/charts");
    const select = $("open-chart");
    select.replaceChildren(...nodes([h("option", { value: "" }, "Open saved chart…"), charts.map((c) => h("option", { value: c.name }, `${c.name} (v${c.data_version})`))]));
  });
  const openChart = guard(async (name) => {
    if (!name) return;
    const saved = await api(`/api/charts/${enc(name)}`);
    record();
    for (const [n, p] of Object.entries(saved.state.positions || {})) {
      if (lc.graph.hasNode(n)) lc.graph.mergeNodeAttributes(n, { x: p[0], y: p[1], fixed: !!p[2] });
    }
    restore(JSON.stringify(saved.state.view));
    lc.openedChart = saved;
    const changed = saved.data_version !== saved.current_data_version;
    say(`opened '${saved.name}', made on data version ${saved.data_version}` + (changed ? ` (the case is now at ${saved.current_data_version}: some ties may differ)` : ""));
  });

  function exportPng() {
    const r = lc.renderer;
    r.refresh();
    const canvases = r.getCanvases();
    const { width, height } = r.getDimensions();
    const ratio = window.devicePixelRatio || 1;
    const out = document.createElement("canvas");
    out.width = width * ratio;
    out.height = height * ratio;
    const ctx = out.getContext("2d");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, out.width, out.height);
    for (const key of ["edges", "nodes", "edgeLabels", "labels", "hovers", "hoverNodes"]) {
      if (canvases[key]) ctx.drawImage(canvases[key], 0, 0, out.width, out.height);
    }
    const url = out.toDataURL("image/png");
    lc.lastPng = { width: out.width, height: out.height, bytes: url.length };
    const link = h("a", { href: "#/chart", download: "linkchart.png" });
    link.setAttribute("href", url);
    document.body.append(link);
    link.click();
    link.remove();
  }

  // Time bar -----------------------------------------------------------------------------------
  function timeBins() {
    if (!data) return [];
    const dates = [...data.edges.map((e) => e.date), ...data.events.map((e) => e.date)].filter((d) => d && /^\d{4}/.test(d));
    if (!dates.length) return [];
    const years = dates.map((d) => Number(d.slice(0, 4)));
    const lo = Math.min(...years);
    const hi = Math.max(...years);
    const bins = [];
    if (hi - lo <= 5 && dates.every((d) => d.length >= 7)) {
      for (let y = lo; y <= hi; y++) for (let m = 1; m <= 12; m++) bins.push(`${y}-${String(m).padStart(2, "0")}`);
    } else {
      for (let y = lo; y <= hi; y++) bins.push(String(y));
    }
    return bins;
  }
  function renderTimebar() {
    const bins = timeBins();
    const slider = $("as-of");
    slider.max = bins.length;
    const canvas = $("histogram");
    const ctx = canvas.getContext("2d");
    canvas.width = canvas.clientWidth || 1000;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    lc.timeBins = bins;
    if (!state.asOf) slider.value = bins.length;
    if (!bins.length) { $("as-of-label").textContent = "no dated ties"; return; }
    const width = bins[0].length;
    const counts = bins.map(() => ({ ties: 0, events: 0 }));
    data.edges.forEach((e) => { const i = bins.indexOf(dateKey(e.date, width)); if (i >= 0) counts[i].ties++; });
    data.events.forEach((e) => { const i = bins.indexOf(dateKey(e.date, width)); if (i >= 0) counts[i].events++; });
    const max = Math.max(1, ...counts.map((c) => c.ties + c.events));
    const w = canvas.width / bins.length;
    counts.forEach((c, i) => {
      const later = state.asOf && bins[i] > state.asOf;
      const th = (c.ties / max) * (canvas.height - 12);
      const eh = (c.events / max) * (canvas.height - 12);
      ctx.fillStyle = later ? "#d9d9d9" : "#4a7ab5";
      ctx.fillRect(i * w + 1, canvas.height - 12 - th, Math.max(1, w - 2), th);
      ctx.fillStyle = later ? "#ececec" : "#f28e2b";
      ctx.fillRect(i * w + 1, canvas.height - 12 - th - eh, Math.max(1, w - 2), eh);
    });
    ctx.fillStyle = "#555";
    ctx.font = "10px sans-serif";
    const step = Math.max(1, Math.ceil(bins.length / 12));
    bins.forEach((b, i) => { if (i % step === 0) ctx.fillText(b, i * w + 2, canvas.height - 1); });
    $("as-of-label").textContent = state.asOf ? `as of ${state.asOf} (ties dated later fade)` : "all dates";
  }
  function setAsOf(index) {
    const bins = timeBins();
    state.asOf = index >= bins.length ? "" : bins[index];
    refresh();
  }

  // Pages --------------------------------------------------------------------------------------
  function page(...children) {
    $("view-chart").hidden = true;
    const el = $("view-page");
    el.hidden = false;
    el.replaceChildren(...nodes(children));
    el.scrollTop = 0;
  }
  function table(columns, rows, id) {
    return h("table", { id }, h("tr", {}, columns.map((c) => h("th", {}, c))), rows.map((row) => h("tr", {}, row.map((c) => h("td", {}, c)))));
  }

  const entityPage = guard(async (ref) => {
    const v = await api(`/api/entities/${enc(ref)}`);
    lc.view = { page: "entity", data: v };
    const e = v.entity;
    const reason = () => h("input", { name: "reason", placeholder: "reason", size: 24 });
    const mergeReason = reason();
    const mergeWith = h("input", { name: "other", placeholder: "name or id of the same entity", size: 28 });
    const mergeForm = h("form", { class: "inline", id: "entity-merge" }, "Merge with ", mergeWith, mergeReason, h("button", { type: "submit" }, "Merge"));
    mergeForm.addEventListener("submit", guard(async (ev) => {
      ev.preventDefault();
      const outcome = await api("/api/merge", { method: "POST", json: { a: e.id, b: mergeWith.value, reason: mergeReason.value } });
      decided(outcome, outcome.entity_ids[0]);
    }));
    const names = v.names.map((n) => n.name);
    const nameA = h("select", { name: "a" }, names.map((n) => h("option", { value: n }, n)));
    const nameB = h("select", { name: "b" }, names.map((n) => h("option", { value: n }, n)));
    if (names.length > 1) nameB.value = names[1];
    const splitReason = reason();
    const splitForm = h("form", { class: "inline", id: "entity-split" }, "Not the same person: ", nameA, " is not ", nameB, splitReason, h("button", { type: "submit" }, "Split"));
    splitForm.addEventListener("submit", guard(async (ev) => {
      ev.preventDefault();
      decided(await api("/api/split", { method: "POST", json: { a: nameA.value, b: nameB.value, reason: splitReason.value } }), null);
    }));
    const newName = h("input", { name: "new_name", placeholder: "new name", size: 24 });
    const renameReason = reason();
    const renameForm = h("form", { class: "inline", id: "entity-rename" }, "Rename to ", newName, renameReason, h("button", { type: "submit" }, "Rename"));
    renameForm.addEventListener("submit", guard(async (ev) => {
      ev.preventDefault();
      decided(await api("/api/rename", { method: "POST", json: { ref: e.id, new_name: newName.value, reason: renameReason.value } }), e.id);
    }));
    const outcomeBox = h("div", { id: "outcome" });
    function decided(outcome, next) {
      say(outcome.message);
      lc.lastOutcome = outcome;
      outcomeBox.replaceChildren(h("p", {}, outcome.message), h("button", { type: "button", id: "undo-decision", on: { click: guard(async () => {
        const back = await api(`/api/undo/${outcome.decision_id}`, { method: "POST" });
        lc.lastOutcome = back;
        say(back.message);
        outcomeBox.replaceChildren(h("p", {}, back.message));
      }) } }, `Undo decision #${outcome.decision_id}`));
      if (next && next !== e.id) location.hash = `#/entity/${enc(next)}`;
    }
    const ranks = Object.entries(v.ranks).filter(([, r]) => r).map(([k, r]) => `${k.replace("_", " ")} #${r}`).join(", ");
    page(
      h("h1", { id: "entity-name" }, e.name),
      h("p", {}, `${e.type}, ${e.role}, ${e.mentions} mentions in ${e.documents.length} document(s)`, v.cell ? `, cell ${v.cell}` : "",
        ranks ? `; ranks: ${ranks}` : "", " · ", h("a", { href: "#/chart", on: { click: () => { setTimeout(() => lc.graph && lc.graph.hasNode(e.id) && focusNode(e.id), 50); } } }, "show on chart")),
      h("h2", {}, "Names"),
      table(["name", "how", "seen in"], v.names.map((n) => [n.name, n.kinds.join(", "),
        h("span", {}, n.documents.map((d, i) => [i ? ", " : "", h("a", { href: `#/doc/${enc(d.id)}` }, d.title)]))]), "names"),
      h("section", { class: "box" }, h("h3", {}, "Analyst decisions"), mergeForm, splitForm, renameForm, outcomeBox),
      h("h2", {}, "Ties"),
      Object.keys(v.ties).length ? Object.entries(v.ties).map(([type, ties]) => h("section", { class: "tie-group", "data-type": type },
        h("h3", {}, type.replace("_", " "), ` (${ties.length})`),
        ties.map((t) => h("div", { class: "tie", "data-relation": t.id },
          h("p", {}, t.directed ? (t.outgoing ? `${e.name} → ` : "← ") : "", entityLink(t.other, t.other_name),
            t.hedged ? h("span", { class: "badge hedged" }, "hedged") : null,
            h("span", { class: "badge" }, `confidence ${t.confidence}`), t.date ? h("span", { class: "badge" }, t.date) : null),
          evidenceList(t.evidence))))) : h("p", { class: "muted" }, "No ties."),
      v.events.length ? [h("h2", {}, "Events"), v.events.map((ev) => h("div", { class: "event" },
        h("p", {}, `${ev.type}: ${ev.label}`, ev.date ? ` (${ev.date})` : "", ev.with.length ? " with " : "",
          ev.with.map((p, i) => [i ? ", " : "", entityLink(p.id, p.name)])), evidenceList(ev.evidence)))] : null,
      v.timeline.length ? [h("h2", {}, "Timeline"), table(["date", "what"], v.timeline.map((t) => [t.date, t.what + (t.hedged ? " (hedged)" : "")]), "timeline")] : null,
      h("p", {}, h("a", { href: `#/why/${enc(e.id)}` }, "Why these names belong together →")));
  });

  const whyPage = guard(async (ref) => {
    const w = await api(`/api/entities/${enc(ref)}/why`);
    page(h("h1", {}, "Why ", w.name), table(["names", "reason", "score", "by"], w.joins.map((d) => [`${d.name_a} + ${d.name_b}`, d.reason, d.score, d.source])),
      h("h2", {}, "Inside documents"), table(["document", "names", "reason"], w.local.map((d) => [d.document_id, `${d.name_a} + ${d.name_b}`, d.reason])),
      h("p", {}, entityLink(w.id, "← back to " + w.name)));
  });

  const documentPage = guard(async (id, at) => {
    const d = await api(`/api/documents/${enc(id)}`);
    lc.view = { page: "document", data: d };
    const text = d.text;
    const points = new Set([0, text.length]);
    d.mentions.forEach((m) => { points.add(m.start); points.add(m.end); });
    d.evidence.forEach((e) => { points.add(e.start); points.add(e.end); });
    const cuts = [...points].filter((p) => p >= 0 && p <= text.length).sort((a, b) => a - b);
    const body = h("div", { class: "doc-text", id: "doc-text" });
    const target = at !== undefined ? Number(at) : null;
    let marked = null;
    for (let i = 0; i < cuts.length - 1; i++) {
      const [s, t] = [cuts[i], cuts[i + 1]];
      if (s === t) continue;
      const chunk = text.slice(s, t);
      const mention = d.mentions.find((m) => m.start <= s && t <= m.end);
      const ev = d.evidence.filter((e) => e.start <= s && t <= e.end);
      let el;
      if (mention && mention.entity) el = h("a", { class: "mention", href: `#/entity/${enc(mention.entity)}`, "data-entity": mention.entity }, chunk);
      else if (mention) el = h("span", { class: "mention-unlinked" }, chunk);
      else el = ev.length ? h("span", {}, chunk) : document.createTextNode(chunk);
      if (ev.length && el.nodeType === 1) {
        el.classList.add("evidence");
        if (ev.every((e) => e.hedged)) el.classList.add("hedged");
        el.setAttribute("title", ev.map((e) => `${e.source_name} — ${e.type} — ${e.target_name}`).join("; "));
      }
      if (target !== null && !marked && s <= target && target < t && el.nodeType === 1) { el.classList.add("target"); el.id = "at"; marked = el; }
      body.append(el);
    }
    page(h("h1", {}, d.title || d.path), h("p", { class: "muted" }, d.path, d.date ? ` · ${d.date}` : "",
      ` · ${d.mentions.length} mentions, ${d.evidence.length} evidence sentences`),
    d.duplicate_of ? h("p", {}, "A copy of ", h("a", { href: `#/doc/${enc(d.duplicate_of)}` }, "another document")) : null,
    d.copies.length ? h("p", {}, "Copies: ", d.copies.map((c, i) => [i ? ", " : "", h("a", { href: `#/doc/${enc(c.id)}` }, c.title)])) : null,
    body);
    if (marked) marked.scrollIntoView({ block: "center" });
  });

  const documentsPage = guard(async (offset = 0) => {
    const list = await api(`/api/documents?offset=${offset}&limit=50`);
    page(h("h1", {}, `Documents (${list.total})`), table(["title", "date", "words", "copy of"], list.items.map((d) =>
      [h("a", { href: `#/doc/${enc(d.id)}` }, d.title || d.path), d.date || "", d.words, d.duplicate_of ? h("a", { href: `#/doc/${enc(d.duplicate_of)}` }, "original") : ""]), "documents"),
    list.total > offset + 50 ? h("a", { href: `#/documents/${offset + 50}` }, "next page →") : null);
  });

  const searchPage = guard(async (q) => {
    const input = h("input", { id: "search-q", type: "search", value: q || "", size: 40 });
    const form = h("form", { class: "inline" }, input, h("button", { type: "submit" }, "Search"));
    form.addEventListener("submit", (ev) => { ev.preventDefault(); location.hash = `#/search/${enc(input.value)}`; });
    if (!q) return page(h("h1", {}, "Search"), form);
    const r = await api(`/api/search?q=${enc(q)}`);
    lc.view = { page: "search", data: r };
    page(h("h1", {}, "Search"), form,
      h("h2", {}, `Names (${r.entities.length})`),
      h("ul", { id: "search-entities" }, r.entities.map((e) => h("li", {}, entityLink(e.id, e.name), ` (${e.type}, ${e.role})`,
        e.aliases.length > 1 ? h("span", { class: "muted" }, " also " + e.aliases.filter((a) => a !== e.name).join(", ")) : null))),
      h("h2", {}, `Documents (${r.documents.length})`),
      h("ul", { id: "search-documents" }, r.documents.map((d) => h("li", {}, h("a", { href: `#/doc/${enc(d.id)}` }, d.title), ": ", h("span", { class: "muted" }, d.snippet)))));
  });

  const reportsPage = guard(async (name) => {
    name = name || "key-actors";
    const tabs = h("p", { class: "tabs" }, session.reports.map((r) => h("a", { href: `#/reports/${r}` }, r === name ? `[${r}]` : r)));
    const t = await api(`/api/reports/${enc(name)}`);
    lc.view = { page: "report", name, data: t };
    page(h("h1", {}, "Reports"), tabs, h("p", {}, h("a", { href: `/api/reports/${enc(name)}?format=csv`, download: `${name}.csv`, id: "csv" }, "Download CSV")),
      reportTable(t),
      h("h2", {}, "Exports"), h("p", { id: "exports" }, session.formats.map((f) => [h("a", { href: `/api/export/${enc(f)}`, download: "" }, f.toUpperCase()), " "])));
  });

  function reportTable(t) {
    // People link to their entity page; the id column is what the link carries (it stays in the CSV).
    const id = t.columns.indexOf("id");
    const person = t.columns.indexOf("person");
    if (id < 0 || person < 0) return table(t.columns, t.rows, "report");
    const keep = t.columns.map((_, i) => i).filter((i) => i !== id);
    return table(keep.map((i) => t.columns[i]), t.rows.map((row) => keep.map((i) => (i === person ? entityLink(row[id], row[i]) : row[i]))), "report");
  }

  const decisionsPage = guard(async () => {
    const list = await api("/api/decisions");
    lc.view = { page: "decisions", data: list };
    page(h("h1", {}, "Analyst decisions"), table(["#", "action", "a", "b", "reason", "when", ""], list.map((d) => [d.id, d.action, d.name_a, d.name_b, d.reason, d.created_at,
      h("button", { type: "button", "data-decision": d.id, on: { click: guard(async () => {
        const back = await api(`/api/undo/${d.id}`, { method: "POST" });
        say(back.message);
        decisionsPage();
      }) } }, "Undo")]), "decisions"));
  });

  const reviewPage = guard(async () => {
    const items = await api("/api/review");
    lc.view = { page: "review", data: items };
    page(h("h1", {}, `Review queue (${items.length})`),
      h("p", { class: "muted" }, "Pairs resolution left apart because the evidence is a guess. Accept to merge them (an analyst decision, undoable); reject to keep them apart for good."),
      items.length ? table(["names", "why", "score", ""], items.map((item) => [
        h("span", {}, entityLink(item.entity_a, item.name_a), " + ", entityLink(item.entity_b, item.name_b)),
        item.reason, item.score.toFixed(2),
        h("span", { "data-id": item.id }, ["accept", "reject"].map((verdict) => h("button", { type: "button", "data-verdict": verdict, on: { click: guard(async () => {
          const outcome = await api(`/api/review/${enc(item.id)}/${verdict}`, { method: "POST", json: { reason: "" } });
          lc.lastOutcome = outcome;
          say(outcome.message);
          await loadChart();
          reviewPage();
        }) } }, verdict))),
      ]), "review") : h("p", {}, "Nothing to review."));
  });

  function uploadPage() {
    const input = h("input", { type: "file", id: "upload-files", multiple: true, accept: ".txt,.text,.md,.html,.htm,.xhtml,.pdf" });
    const bar = h("progress", { class: "progress", id: "upload-progress", max: 100, value: 0 });
    const stateLine = h("p", { id: "upload-state" });
    const errors = h("ul", { class: "error-lines", id: "upload-errors" });
    const form = h("form", { class: "inline" }, input, h("button", { type: "submit" }, "Upload and build"));
    form.addEventListener("submit", (ev) => {
      ev.preventDefault();
      if (!input.files.length) return say("choose files first");
      const body = new FormData();
      for (const f of input.files) body.append("files", f, f.name);
      const xhr = new XMLHttpRequest();
      xhr.open("POST", "/api/upload");
      xhr.setRequestHeader("X-Linkchart-Token", session.token);
      xhr.upload.addEventListener("progress", (e) => { if (e.lengthComputable) { bar.value = (50 * e.loaded) / e.total; stateLine.textContent = "uploading…"; } });
      xhr.addEventListener("load", () => {
        let job = null;
        try { job = JSON.parse(xhr.responseText); } catch (err) { job = { error: xhr.responseText }; }
        if (xhr.status !== 200) { stateLine.textContent = job.error || job.detail || "upload refused"; return; }
        poll(job.id);
      });
      xhr.send(body);
    });
    const poll = guard(async (id) => {
      const job = await api(`/api/jobs/${enc(id)}`);
      lc.job = job;
      errors.replaceChildren(...job.errors.map((e) => h("li", {}, e)));
      bar.value = 50 + (job.total ? (50 * job.done) / job.total : 0);
      stateLine.textContent = `${job.state}` + (job.current ? `: ${job.current}` : "") + (job.total ? ` (${job.done}/${job.total})` : "") + (job.summary ? ` — ${job.summary}` : "");
      if (job.state === "finished" || job.state === "failed") { bar.value = 100; if (job.state === "finished") await loadChart(); return; }
      setTimeout(() => poll(id), 400);
    });
    page(h("h1", {}, "Add documents"), h("p", {}, `Text, HTML or PDF files, at most ${session.max_upload_mb} MB each. Each file is read, cleaned and added to the case; a file that cannot be read gets one line below.`),
      form, bar, stateLine, errors);
  }

  // Routing ------------------------------------------------------------------------------------
  function route() {
    const parts = location.hash.replace(/^#\/?/, "").split("/").map(decodeURIComponent);
    const [name, arg, arg2] = parts;
    lc.route = name || "chart";
    if (!name || name === "chart") {
      const wasHidden = $("view-chart").hidden;
      $("view-page").hidden = true;
      $("view-chart").hidden = false;
      lc.view = { page: "chart" };
      // Back from another page the chart's box may have changed; on the first visit it was just drawn.
      if (lc.renderer && wasHidden) { lc.renderer.resize(); lc.renderer.refresh(); renderTimebar(); }
      return;
    }
    const pages = { entity: () => entityPage(arg), why: () => whyPage(arg), doc: () => documentPage(arg, arg2), documents: () => documentsPage(Number(arg) || 0),
      search: () => searchPage(arg), reports: () => reportsPage(arg), decisions: decisionsPage, review: reviewPage, upload: uploadPage };
    (pages[name] || (() => page(h("p", {}, "No such page."))))();
  }

  function bindToolbar() {
    buildTypeFilters();
    $("find-form").addEventListener("submit", (ev) => {
      ev.preventDefault();
      const node = find($("find").value);
      if (!node) return say(`'${$("find").value}' is not on the chart`, true);
      lc.found = node;
      focusNode(node);
    });
    $("global-search").addEventListener("submit", (ev) => { ev.preventDefault(); location.hash = `#/search/${enc($("global-q").value)}`; });
    $("layout-toggle").addEventListener("click", () => {
      if (!layout) layout = new V.FA2Layout(lc.graph, { settings: { ...V.forceAtlas2.inferSettings(lc.graph), barnesHutOptimize: lc.graph.order > 300 } });
      if (layout.isRunning()) { layout.stop(); $("layout-toggle").textContent = "Start layout"; } else { layout.start(); $("layout-toggle").textContent = "Stop layout"; }
      lc.layoutRunning = layout.isRunning();
    });
    $("noverlap").addEventListener("click", () => { V.noverlap.assign(lc.graph, { maxIterations: 60, settings: { ratio: 1.2, margin: 2 } }); lc.renderer.refresh(); });
    $("size-by").addEventListener("change", (e) => { record(); state.sizeBy = e.target.value; refresh(); });
    $("color-by").addEventListener("change", (e) => { record(); state.colorBy = e.target.value; refresh(); });
    $("min-confidence").addEventListener("change", (e) => { record(); state.minConfidence = Number(e.target.value); $("min-confidence-out").textContent = e.target.value; refresh(); });
    $("doc-filter").addEventListener("change", (e) => { record(); state.doc = e.target.value; refresh(); });
    $("date-from").addEventListener("change", (e) => { record(); state.dateFrom = e.target.value.trim(); refresh(); });
    $("date-to").addEventListener("change", (e) => { record(); state.dateTo = e.target.value.trim(); refresh(); });
    $("as-of").addEventListener("change", (e) => { record(); setAsOf(Number(e.target.value)); });
    $("as-of").addEventListener("input", (e) => setAsOf(Number(e.target.value)));
    $("expand").addEventListener("click", () => { if (lc.selected.length !== 1) return say("select one person to expand"); expand(lc.selected[0]); });
    $("show-all").addEventListener("click", () => { record(); state.visible = null; state.highlight.clear(); refresh(); });
    $("pin").addEventListener("click", () => {
      lc.selected.forEach((n) => lc.graph.setNodeAttribute(n, "fixed", !lc.graph.getNodeAttribute(n, "fixed")));
      say(lc.selected.length ? `pinned: ${lc.selected.filter((n) => lc.graph.getNodeAttribute(n, "fixed")).length}` : "select people to pin");
    });
    $("remove").addEventListener("click", removeSelected);
    $("restore").addEventListener("click", restoreRemoved);
    $("path").addEventListener("click", showPath);
    $("connect").addEventListener("click", connectPeople);
    $("group").addEventListener("click", () => {
      if (lc.selected.length !== 1) return say("select one person whose cell to group");
      const cell = lc.graph.getNodeAttribute(lc.selected[0], "cell");
      if (!cell) return say("this person is in no cell");
      groupCell(cell);
      lc.selected = [];
    });
    $("ungroup").addEventListener("click", () => ungroup());
    $("merge").addEventListener("click", mergeSelected);
    $("undo-view").addEventListener("click", undoView);
    $("redo-view").addEventListener("click", redoView);
    $("save-chart").addEventListener("click", saveChart);
    $("open-chart").addEventListener("change", (e) => { openChart(e.target.value); e.target.value = ""; });
    $("png").addEventListener("click", exportPng);
  }

  async function start() {
    try {
      session = await api("/api/session");
      if (session.warning) say(session.warning, true);
      $("nav-review").hidden = !session.review;
      bindToolbar();
      await loadChart();
      listCharts();
      window.addEventListener("hashchange", route);
      route();
    } catch (err) {
      say(String(err.message || err), true);
      lc.errors.push(String(err.message || err));
    }
  }
  lc.api = { find, expand, groupCell, ungroup, undoView, redoView, setAsOf, exportPng, openChart, loadChart };
  start();
})();
