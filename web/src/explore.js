// The explorer: search a node, read its page, and grow its neighbourhood
// on a network drawn by Cytoscape.js and laid out by d3-force; click a link
// to read the sentences behind it.
import cytoscape from "cytoscape";
import { forceSimulation, forceManyBody, forceLink, forceCollide, forceX, forceY } from "d3-force";
import { gql, el, fmt, factsByID, factItem, evidenceItem, typeBadge, typeColour, truncate, FACT_FIELDS, live } from "./app.js";

const FIGURES = new Set(["Arrest", "Seizure"]);
const nodes = new Map(); // id -> {id, type, label, x, y, vx, vy, settled}: d3-force's nodes
const edges = new Map(); // "source|target|predicate" -> {source, target, predicate, facts, key}
const hiddenTypes = new Set();
const hiddenPreds = new Set();
const expanded = new Set();
let selected = null, focused = null, chosenEdge = null;
let pathA = null, pathB = null;
let onPath = { nodes: new Set(), edges: new Set() };
let busy = 0;

const box = document.getElementById("graph");
const INK = "#1d2330", RED = "#D55E00", FOCUS = "#E69F00";

// The canvas. Styles by class: path (a path found), current (the node
// whose page is open), focused (the keyboard's), chosen (the link shown),
// hidden (filtered out), quiet (a figure's label, hidden in a crowd).
const cy = cytoscape({
  container: box,
  minZoom: 0.2, maxZoom: 4,
  boxSelectionEnabled: false, selectionType: "single", autounselectify: true,
  style: [
    { selector: "node", style: {
      "background-color": "data(colour)", width: "data(size)", height: "data(size)",
      label: "data(short)", "font-size": 11, color: INK, "text-valign": "center", "text-halign": "right", "text-margin-x": 4,
      "text-outline-color": "#fff", "text-outline-width": 2, "border-color": "#fff", "border-width": 2,
      "min-zoomed-font-size": 6 } },
    { selector: "node.quiet", style: { label: "" } },
    { selector: "node.current", style: { "border-color": INK, "border-width": 3, label: "data(short)" } },
    { selector: "node.path", style: { "border-color": RED, "border-width": 4 } },
    { selector: "node.focused", style: { "border-color": FOCUS, "border-width": 4, label: "data(short)" } },
    { selector: "edge", style: { "curve-style": "haystack", "haystack-radius": 0, "line-color": "#b3bac5", width: 1.4, "overlay-padding": 4 } },
    { selector: "edge.path", style: { "line-color": RED, width: 4, "z-index": 10 } },
    { selector: "edge.chosen", style: { "line-color": INK, width: 3, "z-index": 11 } },
    { selector: ".hidden", style: { display: "none" } },
  ],
});
window.cy = cy; // for devtools and the browser tests
cy.pan({ x: box.clientWidth / 2, y: box.clientHeight / 2 }); // (0, 0), where the first node goes, in the middle

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

function nodeData(n) {
  return { id: n.id, type: n.type, short: truncate(n.label, 28), colour: typeColour[n.type] || "#8a8f98",
    size: FIGURES.has(n.type) ? 14 : n.type === "Article" ? 12 : 22 };
}

function addNode(n, near) {
  if (nodes.has(n.id)) return nodes.get(n.id);
  const c = near || { x: 0, y: 0 };
  const angle = hash(n.id) * Math.PI * 2;
  const r = near ? 60 + hash(n.id + "r") * 40 : 0;
  const node = { id: n.id, type: n.type, label: n.label || n.id, x: c.x + Math.cos(angle) * r, y: c.y + Math.sin(angle) * r, vx: 0, vy: 0, settled: false };
  node.px = node.x; node.py = node.y; // where the canvas has it
  nodes.set(n.id, node);
  cy.add({ group: "nodes", data: nodeData(node), position: { x: node.x, y: node.y } });
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
  edges.set(key, { ...e, key });
  cy.add({ group: "edges", data: { id: key, source: e.source, target: e.target, predicate: e.predicate } });
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
    cy.batch(() => {
      for (const n of nb.nodes) addNode(n, centre);
      for (const e of nb.edges) addEdge(e);
    });
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
  const running = box.dataset.layout === "moving";
  syncSim();
  sim.alpha(Math.max(sim.alpha(), a));
  box.dataset.layout = "moving";
  if (!running) requestAnimationFrame(frame);
}

function frame() {
  for (let i = 0; i < 3 && sim.alpha() > sim.alphaMin(); i++) sim.tick();
  place();
  if (sim.alpha() > sim.alphaMin()) requestAnimationFrame(frame);
  else box.dataset.layout = "still";
}

// place moves the canvas's nodes to where the layout put them. Nodes that
// moved less than a third of a pixel stay: each move costs Cytoscape the
// node's and its links' bounds and textures, and settled nodes barely move.
function place() {
  cy.batch(() => {
    for (const n of nodes.values()) {
      if (Math.abs(n.x - n.px) < 0.33 && Math.abs(n.y - n.py) < 0.33) continue;
      const ele = cy.getElementById(n.id);
      if (ele.grabbed()) continue;
      ele.position({ x: n.x, y: n.y });
      n.px = n.x; n.py = n.y;
    }
  });
}

// draw sets the classes: what is hidden, chosen, on a path or quiet. Only
// elements whose classes change are touched: Cytoscape restyles each.
function draw() {
  const crowded = nodes.size > 80;
  const set = (ele, item, classes) => {
    const want = classes.filter(Boolean).join(" ");
    if (item.classes !== want) { ele.classes(want); item.classes = want; }
  };
  cy.batch(() => {
    for (const n of nodes.values()) {
      set(cy.getElementById(n.id), n, [hiddenTypes.has(n.type) && "hidden", n.id === selected && "current", n.id === focused && "focused",
        onPath.nodes.has(n.id) && "path", crowded && FIGURES.has(n.type) && "quiet"]);
    }
    for (const e of edges.values()) {
      const a = nodes.get(e.source), b = nodes.get(e.target);
      set(cy.getElementById(e.key), e, [(hiddenTypes.has(a.type) || hiddenTypes.has(b.type) || hiddenPreds.has(e.predicate)) && "hidden",
        onPath.edges.has(e.key) && "path", e.key === chosenEdge && "chosen"]);
    }
  });
  place();
}

// --- pointer and keys: Cytoscape pans, zooms and drags; a tap chooses ---

cy.on("tap", "node", (e) => choose(e.target.id()));
cy.on("tap", "edge", (e) => showEdge(e.target.id()));
cy.on("drag", "node", (e) => { // held where the pointer puts it
  const n = nodes.get(e.target.id()), p = e.target.position();
  n.x = n.fx = n.px = p.x; n.y = n.fy = n.py = p.y;
});
cy.on("free", "node", (e) => {
  const n = nodes.get(e.target.id());
  n.fx = n.fy = null;
  restart(0.1);
});

// The keyboard: the arrows go from node to node (in the order they came),
// Enter opens the one reached, + and - zoom.
box.addEventListener("keydown", (e) => {
  const shown = [...nodes.values()].filter((n) => !hiddenTypes.has(n.type));
  if (!shown.length) return;
  const at = shown.findIndex((n) => n.id === focused);
  if (e.key === "ArrowRight" || e.key === "ArrowDown") focusNode(shown[(at + 1) % shown.length]);
  else if (e.key === "ArrowLeft" || e.key === "ArrowUp") focusNode(shown[(at - 1 + shown.length) % shown.length]);
  else if ((e.key === "Enter" || e.key === " ") && at >= 0) choose(focused);
  else if (e.key === "+" || e.key === "=" || e.key === "-") cy.zoom({ level: cy.zoom() * (e.key === "-" ? 1 / 1.2 : 1.2), renderedPosition: { x: box.clientWidth / 2, y: box.clientHeight / 2 } });
  else return;
  e.preventDefault();
});

function focusNode(n) {
  focused = n.id;
  draw();
  const ele = cy.getElementById(n.id), p = ele.renderedPosition();
  if (p.x < 0 || p.y < 0 || p.x > box.clientWidth || p.y > box.clientHeight) cy.center(ele);
  document.getElementById("canvas-focus").textContent = `${n.type} ${n.label}: Enter opens it.`;
}

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
  if (n) cy.pan({ x: box.clientWidth / 2 - n.x * cy.zoom(), y: box.clientHeight / 2 - n.y * cy.zoom() });
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
      known.label = n.name || n.title || id;
      cy.getElementById(id).data(nodeData(known));
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
  chosenEdge = key;
  draw();
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
