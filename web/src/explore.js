// The explorer: search a node, read its page, and grow its neighbourhood
// on a force-laid network; click a link to read the sentences behind it.
import { forceSimulation, forceManyBody, forceLink, forceCollide, forceX, forceY } from "d3-force";
import { gql, el, svg, fmt, factsByID, factItem, evidenceItem, typeBadge, typeColour, truncate, FACT_FIELDS, live } from "./app.js";

const FIGURES = new Set(["Arrest", "Seizure"]);
const nodes = new Map(); // id -> {id, type, label, x, y, vx, vy, settled, g}
const edges = new Map(); // "source|target|predicate" -> {source, target, predicate, line, hit}
const hiddenTypes = new Set();
const hiddenPreds = new Set();
const expanded = new Set();
let selected = null;
let pathA = null, pathB = null;
let onPath = { nodes: new Set(), edges: new Set() };
let view = { x: 0, y: 0, k: 1 };
let busy = 0;

const graphSVG = document.getElementById("graph");
const viewport = svg("g", {});
const edgeLayer = svg("g", {});
const nodeLayer = svg("g", {});
viewport.append(edgeLayer, nodeLayer);
graphSVG.append(viewport);

function setBusy(delta) {
  busy += delta;
  document.body.dataset.state = busy > 0 ? "loading" : "ready";
  updateStatus();
}

function updateStatus(extra = "") {
  document.getElementById("status").textContent = nodes.size ? `${nodes.size} nodes, ${edges.size} links${busy ? " · loading…" : ""}${extra ? " · " + extra : ""}` : busy ? "loading…" : "Search for a node to start.";
  document.body.dataset.nodes = String(nodes.size);
}

// --- the graph model ---

function addNode(n, near) {
  if (nodes.has(n.id)) return nodes.get(n.id);
  const c = near || { x: 0, y: 0 };
  const angle = hash(n.id) * Math.PI * 2;
  const r = near ? 60 + hash(n.id + "r") * 40 : 0;
  const node = { id: n.id, type: n.type, label: n.label || n.id, x: c.x + Math.cos(angle) * r, y: c.y + Math.sin(angle) * r, vx: 0, vy: 0, settled: false };
  nodes.set(n.id, node);
  const g = svg("g", { class: "node", tabindex: "0", role: "button", "data-id": n.id, "data-type": n.type,
    "aria-label": `${n.type} ${node.label}: expand and show` },
    svg("title", {}, `${n.type}: ${node.label}`),
    svg("circle", { r: FIGURES.has(n.type) ? 7 : n.type === "Article" ? 6 : 11, fill: typeColour[n.type] || "#8a8f98" }),
    svg("text", { x: 14, y: 4 }, truncate(node.label, 28)));
  g.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(n.id); } });
  dragNode(g, node);
  node.g = g;
  nodeLayer.append(g);
  return node;
}

function addEdge(e) {
  const key = `${e.source}|${e.target}|${e.predicate}`;
  const known = edges.get(key);
  if (known) { // seen before: keep every fact that states it
    known.facts = [...new Set([...(known.facts || []), ...(e.facts || [])])];
    return;
  }
  if (!nodes.has(e.source) || !nodes.has(e.target)) return;
  const line = svg("line", { class: "edge", "data-predicate": e.predicate });
  const hit = svg("line", { class: "edge-hit", "data-key": key, tabindex: "-1" }, svg("title", {}, e.predicate));
  hit.addEventListener("click", () => showEdge(key));
  edges.set(key, { ...e, key, line, hit });
  edgeLayer.append(line, hit);
}

// hash maps a string to [0, 1), so a node's first place is the same every time.
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0) / 4294967296;
}

async function expand(id) {
  if (expanded.has(id)) return;
  setBusy(1);
  try {
    const preds = [...allPredicates()].filter((p) => !hiddenPreds.has(p));
    const res = await gql(`query($id: ID!, $p: [String!]) { neighborhood(id: $id, depth: 1, limit: 150, predicates: $p) { truncated nodes { id type label } edges { source target predicate facts } } }`,
      { id, p: hiddenPreds.size ? preds : null });
    const nb = res.data && res.data.neighborhood;
    if (!nb) throw new Error((res.errors || []).map((e) => e.message).join("; ") || "no answer");
    expanded.add(id);
    const centre = nodes.get(id);
    for (const n of nodes.values()) n.settled = true; // what is placed stays near where it is
    for (const n of nb.nodes) addNode(n, centre);
    for (const e of nb.edges) addEdge(e);
    refreshFilters();
    draw();
    restart(nb.nodes.length > 1 ? 0.8 : 0.2);
    updateStatus(nb.truncated ? "the neighbourhood was cut at 150 nodes" : "");
  } catch (e) {
    updateStatus("could not expand: " + e.message);
  } finally {
    setBusy(-1);
  }
}

// --- layout: d3-force's simulation, stepped by our frames ---

// Many-body repulsion (Barnes–Hut, so hundreds of nodes stay quick), links
// as springs, no two nodes overlapping, a weak pull to the centre; nodes already placed are damped so
// the layout stays readable as others arrive.
const sim = forceSimulation([])
  .force("charge", forceManyBody().strength(-400).distanceMax(600))
  .force("link", forceLink([]).distance(90).strength(0.3))
  .force("collide", forceCollide(22))
  .force("x", forceX(0).strength(0.02))
  .force("y", forceY(0).strength(0.02))
  .force("settled", () => { for (const n of sim.nodes()) if (n.settled) { n.vx *= 0.15; n.vy *= 0.15; } })
  .alphaMin(0.005)
  .stop(); // no timer of its own: frame() steps it

// syncSim hands the simulation the nodes and links shown.
function syncSim() {
  sim.nodes([...nodes.values()].filter((n) => !hiddenTypes.has(n.type)));
  const links = [];
  for (const e of edges.values()) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    if (!hiddenTypes.has(a.type) && !hiddenTypes.has(b.type) && !hiddenPreds.has(e.predicate)) links.push({ source: a, target: b });
  }
  sim.force("link").links(links);
}

// restart warms the layout to a (0–1) and animates it until it is still;
// the canvas's data-layout says "moving" or "still", for screenshots and tests.
function restart(a) {
  const running = graphSVG.dataset.layout === "moving";
  syncSim();
  sim.alpha(Math.max(sim.alpha(), a));
  graphSVG.dataset.layout = "moving";
  if (!running) requestAnimationFrame(frame);
}

function frame() {
  for (let i = 0; i < 3 && sim.alpha() > sim.alphaMin(); i++) sim.tick();
  draw();
  if (sim.alpha() > sim.alphaMin()) requestAnimationFrame(frame);
  else graphSVG.dataset.layout = "still";
}

function draw() {
  for (const n of nodes.values()) {
    n.g.setAttribute("transform", `translate(${n.x.toFixed(1)},${n.y.toFixed(1)})`);
    n.g.style.display = hiddenTypes.has(n.type) ? "none" : "";
    n.g.classList.toggle("selected", n.id === selected);
    n.g.classList.toggle("path", onPath.nodes.has(n.id));
    n.g.querySelector("text").style.display = nodes.size > 80 && FIGURES.has(n.type) && n.id !== selected ? "none" : "";
  }
  for (const e of edges.values()) {
    const a = nodes.get(e.source), b = nodes.get(e.target);
    const hide = hiddenTypes.has(a.type) || hiddenTypes.has(b.type) || hiddenPreds.has(e.predicate);
    for (const l of [e.line, e.hit]) {
      l.setAttribute("x1", a.x.toFixed(1)); l.setAttribute("y1", a.y.toFixed(1));
      l.setAttribute("x2", b.x.toFixed(1)); l.setAttribute("y2", b.y.toFixed(1));
      l.style.display = hide ? "none" : "";
    }
    e.line.classList.toggle("path", onPath.edges.has(e.key));
  }
  const r = graphSVG.getBoundingClientRect();
  viewport.setAttribute("transform", `translate(${r.width / 2 + view.x},${r.height / 2 + view.y}) scale(${view.k})`);
}

// --- pointer: drag nodes, pan and zoom the canvas ---

function dragNode(g, node) {
  g.addEventListener("pointerdown", (e) => {
    e.stopPropagation();
    g.setPointerCapture(e.pointerId);
    const start = { x: e.clientX, y: e.clientY, nx: node.x, ny: node.y };
    let moved = false;
    const move = (ev) => {
      const dx = (ev.clientX - start.x) / view.k, dy = (ev.clientY - start.y) / view.k;
      if (Math.abs(dx) + Math.abs(dy) > 3) moved = true;
      if (!moved) return;
      node.x = node.fx = start.nx + dx; node.y = node.fy = start.ny + dy; // fixed while held
      draw();
    };
    const up = () => {
      g.removeEventListener("pointermove", move);
      g.removeEventListener("pointerup", up);
      node.fx = node.fy = null;
      if (!moved) choose(node.id);
      else restart(0.1);
    };
    g.addEventListener("pointermove", move);
    g.addEventListener("pointerup", up);
  });
}

graphSVG.addEventListener("pointerdown", (e) => {
  if (e.target.closest(".node") || e.target.classList.contains("edge-hit")) return;
  const start = { x: e.clientX, y: e.clientY, vx: view.x, vy: view.y };
  graphSVG.setPointerCapture(e.pointerId);
  const move = (ev) => { view.x = start.vx + ev.clientX - start.x; view.y = start.vy + ev.clientY - start.y; draw(); };
  const up = () => { graphSVG.removeEventListener("pointermove", move); graphSVG.removeEventListener("pointerup", up); };
  graphSVG.addEventListener("pointermove", move);
  graphSVG.addEventListener("pointerup", up);
});
graphSVG.addEventListener("wheel", (e) => {
  e.preventDefault();
  view.k = Math.min(4, Math.max(0.2, view.k * (e.deltaY < 0 ? 1.1 : 1 / 1.1)));
  draw();
}, { passive: false });
window.addEventListener("resize", draw);

// --- filters by type and predicate ---

function allPredicates() {
  return new Set([...edges.values()].map((e) => e.predicate));
}

function refreshFilters() {
  const fill = (id, values, hidden, colour) => {
    const box = document.getElementById(id);
    const legend = box.querySelector("legend");
    box.replaceChildren(legend, ...[...values].sort().map((v) => el("label", {},
      el("input", { type: "checkbox", value: v, checked: !hidden.has(v), onchange: (e) => { e.target.checked ? hidden.delete(v) : hidden.add(v); draw(); restart(0.2); } }),
      colour ? typeBadge(v) : v)));
  };
  fill("types", new Set([...nodes.values()].map((n) => n.type)), hiddenTypes, true);
  fill("predicates", allPredicates(), hiddenPreds, false);
  document.getElementById("legend").replaceChildren(...[...new Set([...nodes.values()].map((n) => n.type))].sort().map(typeBadge));
}

// --- choosing a node: its page, its neighbourhood ---

// choose opens a node; each is timed as the User Timing measure "choose"
// (devtools' performance panel, and the benchmarks).
async function choose(id, push = true) {
  const started = performance.now();
  selected = id;
  if (push && location.pathname !== "/node/" + id) history.pushState(null, "", "/node/" + id);
  if (!nodes.has(id)) {
    addNode({ id, type: "", label: id });
  }
  draw();
  const timed = (name, p) => p.finally(() => performance.measure(name, { start: started, detail: id }));
  await Promise.all([timed("node-page", showNode(id)), timed("neighbourhood", expand(id))]);
  const n = nodes.get(id);
  if (n) { view.x = -n.x * view.k; view.y = -n.y * view.k; }
  draw();
  performance.measure("choose", { start: started, detail: id });
}

const DETAILS = `
fragment H on Change { action by at reason field value }
query($id: ID!) { node(id: $id) { __typename id
  ... on Agency { name aliases country operations { id name } people { id name roles } arrests { ...Fact } seizures { ...Fact } evidence { ...Ev } history { ...H } }
  ... on Operation { name aliases agencies { id name } partOf { id name } parts { id name } targets { id name } places { id name }
      arrests { ...Fact } seizures { ...Fact } evidence { ...Ev } history { ...H } }
  ... on Platform { name operations { id name } evidence { ...Ev } history { ...H } }
  ... on Place { name country operations { id name } arrests { ...Fact } seizures { ...Fact } history { ...H } }
  ... on Person { name titles roles organisation { id name } evidence { ...Ev } history { ...H } }
  ... on Group { name operations { id name } evidence { ...Ev } history { ...H } }
  ... on Arrest { ...Fact history { ...H } }
  ... on Seizure { ...Fact history { ...H } }
  ... on Article { title url published source }
} } ${FACT_FIELDS}`;

async function showNode(id) {
  const box = document.getElementById("details");
  box.dataset.state = "loading";
  box.replaceChildren(el("p", { class: "state" }, "Loading…"));
  setBusy(1);
  try {
    const res = await gql(DETAILS, { id });
    const n = res.data && res.data.node;
    if (!n) throw new Error((res.errors || []).map((e) => e.message).join("; ") || "not found");
    const known = nodes.get(id);
    if (known && !known.type) { // reached by its URL before its neighbourhood
      known.type = n.__typename;
      known.g.querySelector("circle").setAttribute("fill", typeColour[n.__typename] || "#8a8f98");
      known.g.querySelector("text").textContent = truncate(n.name || n.title || id, 28);
    }
    box.replaceChildren(...nodePage(n));
    followNode(n);
    document.title = "opgraph — " + (n.name || n.title || n.__typename);
    box.dataset.state = "ready";
  } catch (e) {
    box.replaceChildren(el("p", { class: "state error", role: "alert" }, "Could not read " + id + ": " + e.message));
    box.dataset.state = "error";
  } finally {
    setBusy(-1);
  }
}

// Live updates: the node's page subscribes to the facts added about it
// (by agency, operation, platform or place; any fact for other nodes) and,
// on each event, reads the page and the neighbourhood again.
const LIVE_FILTER = { Agency: "agency", Operation: "operation", Platform: "platform", Group: "platform", Place: "place" };
let unsubscribe = null, following = null, updates = 0;

function followNode(n) {
  if (following === n.id) return;
  if (unsubscribe) unsubscribe();
  following = n.id;
  const key = LIVE_FILTER[n.__typename];
  unsubscribe = live(key ? { [key]: n.id } : {}, async () => {
    const id = following;
    expanded.delete(id);
    await Promise.all([showNode(id), expand(id)]);
    document.body.dataset.updates = String(++updates);
  });
}

function nodeLinks(title, list) {
  list = (list || []).filter(Boolean);
  if (!list.length) return null;
  return [el("h3", {}, title), el("ul", {}, list.map((x) => el("li", {}, el("a", { href: "/node/" + x.id, onclick: (e) => { e.preventDefault(); choose(x.id); } }, x.name || x.id),
    x.roles && x.roles.length ? " (" + x.roles.join(", ") + ")" : "")))];
}

// firstOf draws the first SHOWN items of a list and a button for the rest:
// a hub's page (an agency with hundreds of figures) draws at once.
const SHOWN = 20;
function firstOf(items, draw, what) {
  const box = el("div", {}, items.slice(0, SHOWN).map(draw));
  if (items.length > SHOWN) {
    const more = el("button", { type: "button", class: "more", onclick: () => { more.replaceWith(...items.slice(SHOWN).map(draw)); } },
      `Show the other ${items.length - SHOWN} ${what}`);
    box.append(more);
  }
  return box;
}

function nodePage(n) {
  const name = n.name || n.title || n.id;
  const dash = { Agency: "agency", Platform: "platform" }[n.__typename];
  const out = [
    el("h2", {}, typeBadge(n.__typename), name),
    el("div", { class: "small" }, n.id),
    n.aliases && n.aliases.length ? el("div", { class: "small" }, "Also: " + n.aliases.join(", ")) : null,
    n.country ? el("div", { class: "small" }, "Country: " + n.country) : null,
    n.titles && n.titles.length ? el("div", { class: "small" }, n.titles.join(", ")) : null,
    n.url ? el("div", {}, el("a", { href: n.url, rel: "noopener noreferrer", target: "_blank" }, "Read the article"), n.published ? " · " + n.published : "") : null,
    el("div", {},
      el("button", { type: "button", onclick: () => setPathEnd("a", n.id, name) }, "Path from here"), " ",
      el("button", { type: "button", onclick: () => setPathEnd("b", n.id, name) }, "Path to here"), " ",
      dash ? el("a", { href: `/?${dash}=${encodeURIComponent(n.id)}` }, "Dashboard for this") : null),
    nodeLinks("Operations", n.operations), nodeLinks("Agencies", n.agencies), nodeLinks("Part of", [n.partOf]),
    nodeLinks("Parts", n.parts), nodeLinks("Targets", n.targets), nodeLinks("Places", n.places),
    nodeLinks("People", n.people), nodeLinks("Organisation", [n.organisation]),
  ];
  if (FIGURES.has(n.__typename)) out.push(el("h3", {}, "The fact"), factItem(n));
  const facts = [...(n.arrests || []), ...(n.seizures || [])];
  if (facts.length) out.push(el("h3", {}, `Figures (${facts.length})`), firstOf(facts, factItem, "figures"));
  if (!FIGURES.has(n.__typename) && n.evidence && n.evidence.length) {
    out.push(el("h3", {}, `Sentences that name it (${n.evidence.length})`), firstOf(n.evidence, (ev) => evidenceItem(ev, n), "sentences"));
  }
  if (n.history && n.history.length) {
    out.push(el("h3", {}, "Curation history"), el("ul", {}, n.history.map((h) => el("li", {},
      `${h.at}: ${h.action}${h.field ? " " + h.field + " = " + h.value : ""} by ${h.by}${h.reason ? " — " + h.reason : ""}`))));
  }
  return out.flat(Infinity).filter(Boolean);
}

// --- a link's evidence ---

async function showEdge(key) {
  const e = edges.get(key);
  const a = nodes.get(e.source), b = nodes.get(e.target);
  for (const x of edges.values()) x.line.classList.toggle("chosen", x.key === key);
  const box = document.getElementById("details");
  box.dataset.state = "loading";
  box.replaceChildren(el("p", { class: "state" }, "Loading…"));
  try {
    const head = [el("h2", {}, "Link"), el("p", {}, typeBadge(a.type), a.label, " — ", el("strong", {}, e.predicate), " → ", typeBadge(b.type), b.label)];
    if (FIGURES.has(a.type)) {
      // A figure's link to its agency, operation or place: the figure's sentences state it.
      const [fact] = await factsByID([a.id]);
      box.replaceChildren(...head, el("h3", {}, "Stated by"), fact ? factItem(fact) : el("p", { class: "state" }, "No sentence recorded."));
    } else {
      // A relation: its facts' own sentences, each naming both ends.
      const ids = (e.facts || []).slice(0, 50);
      const vars = {}, fields = ids.map((id, i) => { vars["r" + i] = id; return `r${i}: node(id: $r${i}) { ... on Relation { id rel evidence { ...Ev } } }`; });
      const decl = ids.map((_, i) => `$r${i}: ID!`).join(", ");
      const res = ids.length ? await gql(`query(${decl}) { ${fields.join("\n")} } ${FACT_FIELDS.split("fragment Fact")[0]}`, vars) : { data: {} };
      if (!res.data) throw new Error((res.errors || []).map((x) => x.message).join("; "));
      const seen = new Set();
      const sentences = ids.flatMap((_, i) => (res.data["r" + i] || {}).evidence || [])
        .filter((ev) => { const k = ev.sentence + ev.article.id; if (seen.has(k)) return false; seen.add(k); return true; });
      const names = { name: a.label, agency: { name: b.label } }; // both ends marked in the sentence
      box.replaceChildren(...head, el("h3", {}, `Stated by (${sentences.length} sentence${sentences.length === 1 ? "" : "s"})`),
        ...(sentences.length ? sentences.map((ev) => evidenceItem(ev, names)) : [el("p", { class: "state" }, "No sentence recorded for this link.")]));
    }
    box.dataset.state = "ready";
  } catch (err) {
    box.replaceChildren(el("p", { class: "state error", role: "alert" }, "Could not read the link: " + err.message));
    box.dataset.state = "error";
  }
}

// --- paths ---

function setPathEnd(which, id, name) {
  if (which === "a") pathA = id; else pathB = id;
  document.getElementById("path-" + which).textContent = name;
  document.getElementById("find-paths").disabled = !(pathA && pathB);
}

document.getElementById("find-paths").addEventListener("click", async () => {
  const st = document.getElementById("path-state");
  st.textContent = "Looking…";
  setBusy(1);
  try {
    const res = await gql(`query($a: ID!, $b: ID!) { paths(from: $a, to: $b, maxHops: 5) { length nodes { id type label } edges { source target predicate facts } } }`, { a: pathA, b: pathB });
    if (!res.data) throw new Error(res.errors.map((e) => e.message).join("; "));
    const paths = res.data.paths;
    onPath = { nodes: new Set(), edges: new Set() };
    const anchor = nodes.get(pathA);
    for (const p of paths) {
      for (const n of p.nodes) { addNode(n, anchor); onPath.nodes.add(n.id); }
      for (const e of p.edges) { addEdge(e); onPath.edges.add(`${e.source}|${e.target}|${e.predicate}`); }
    }
    refreshFilters();
    draw(); // the highlight is on the page before the answer is announced
    restart(0.5);
    st.textContent = paths.length ? `${paths.length} shortest path${paths.length > 1 ? "s" : ""} of ${paths[0].length} links, highlighted.` : "No path within 5 links.";
    st.dataset.paths = String(paths.length);
  } catch (e) {
    st.textContent = "Could not find paths: " + e.message;
  } finally {
    setBusy(-1);
  }
});
document.getElementById("clear-paths").addEventListener("click", () => {
  onPath = { nodes: new Set(), edges: new Set() };
  pathA = pathB = null;
  document.getElementById("path-a").textContent = "pick a node, then “Path from here”";
  document.getElementById("path-b").textContent = "pick a node, then “Path to here”";
  document.getElementById("find-paths").disabled = true;
  document.getElementById("path-state").textContent = "";
  draw();
});

// --- search ---

const q = document.getElementById("q");
const results = document.getElementById("results");
let searchNo = 0, active = -1, timer = null;

q.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(search, 200); });
q.addEventListener("keydown", (e) => {
  const items = [...results.children];
  if (e.key === "ArrowDown" || e.key === "ArrowUp") {
    e.preventDefault();
    if (!items.length) return;
    active = (active + (e.key === "ArrowDown" ? 1 : -1) + items.length) % items.length;
    items.forEach((li, i) => li.setAttribute("aria-selected", String(i === active)));
    q.setAttribute("aria-activedescendant", items[active].id);
  } else if (e.key === "Enter") {
    e.preventDefault();
    clearTimeout(timer);
    if (active >= 0 && items[active]) items[active].click();
    else search().then(() => results.firstChild && results.firstChild.click());
  } else if (e.key === "Escape") {
    results.replaceChildren();
    q.setAttribute("aria-expanded", "false");
  }
});

async function search() {
  const text = q.value.trim();
  const st = document.getElementById("search-state");
  const no = ++searchNo;
  if (!text) { results.replaceChildren(); st.textContent = ""; return; }
  st.textContent = "Searching…";
  try {
    const res = await gql(`query($t: String!) { search(text: $t, first: 12) { score node { __typename id
      ... on Agency { name } ... on Operation { name } ... on Platform { name } ... on Place { name } ... on Person { name } ... on Group { name } ... on Article { title } } } }`, { t: text });
    if (no !== searchNo) return;
    if (!res.data) throw new Error(res.errors.map((e) => e.message).join("; "));
    active = -1;
    const hits = res.data.search;
    results.replaceChildren(...hits.map((h, i) => el("li", { role: "option", id: "hit-" + i, "aria-selected": "false", "data-id": h.node.id,
      onclick: () => { results.replaceChildren(); q.setAttribute("aria-expanded", "false"); choose(h.node.id); } },
      typeBadge(h.node.__typename), h.node.name || h.node.title || h.node.id)));
    q.setAttribute("aria-expanded", String(hits.length > 0));
    st.textContent = hits.length ? `${hits.length} found` : "Nothing found: every word must occur.";
  } catch (e) {
    if (no === searchNo) st.textContent = "Search failed: " + e.message;
  }
}

// --- the URL ---

function route() {
  const id = location.pathname.startsWith("/node/") ? decodeURIComponent(location.pathname.slice(6)) : "";
  if (id) choose(id, false);
  else { updateStatus(); document.body.dataset.state = "ready"; q.focus(); }
}
window.addEventListener("popstate", route);
route();
