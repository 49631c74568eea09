// The dashboard: panels fed by the aggregate API, filters kept in the URL,
// and a drill-through from every number to the sentences behind it.
// Charts are Apache ECharts, only the parts used (bars, grid, tooltip, the
// aria description), drawn on a canvas.
import { init, use, getInstanceByDom } from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, TooltipComponent, AriaComponent } from "echarts/components";
import { CanvasRenderer } from "echarts/renderers";
import { gql, el, fmt, factsByID, factItem, download, csvBlob, dataURLBlob, live } from "./app.js";

use([BarChart, GridComponent, TooltipComponent, AriaComponent, CanvasRenderer]);

const FILTER_KEYS = ["from", "to", "country", "agency", "commodity", "platform", "minConfidence"];

// Each chart panel is one aggregate: a measure grouped one way.
const PANELS = [
  { id: "arrests-by-agency", title: "Arrests by agency", measure: "ARREST_COUNT", groupBy: "AGENCY", unit: "arrests", filterBy: "agency" },
  { id: "seizures-by-commodity", title: "Seizures by commodity", measure: "SEIZURE_COUNT", groupBy: "COMMODITY", unit: "seizures", filterBy: "commodity" },
  { id: "kg-by-drug", title: "Drugs seized, by mass", measure: "SEIZED_KG", groupBy: "SUBTYPE", unit: "kg" },
  { id: "cash-by-currency", title: "Cash seized, by currency", measure: "SEIZED_VALUE", groupBy: "COMMODITY", unit: "",
    narrow: (f) => ({ ...f, commodity: f.commodity || "cash" }), label: (b) => b.currency || "(no currency)" },
  { id: "operations-over-time", title: "Operations over time", measure: "OPERATION_COUNT", time: true, unit: "operations" },
  { id: "arrests-over-time", title: "Arrests over time", measure: "ARREST_COUNT", time: true, unit: "arrests" },
  { id: "top-operations", title: "Top operations, by arrests", measure: "ARREST_COUNT", groupBy: "OPERATION", unit: "arrests" },
  { id: "platforms", title: "Operations by platform targeted", measure: "OPERATION_COUNT", groupBy: "PLATFORM", unit: "operations", filterBy: "platform" },
];

// The ranked table of countries: three measures side by side.
const COUNTRY_MEASURES = [
  { measure: "OPERATION_COUNT", name: "Operations" },
  { measure: "ARREST_COUNT", name: "Arrests" },
  { measure: "SEIZURE_COUNT", name: "Seizures" },
];

const KPIS = [
  { id: "kpi-arrests", name: "Arrests", measure: "ARREST_COUNT" },
  { id: "kpi-operations", name: "Operations", measure: "OPERATION_COUNT" },
  { id: "kpi-seizures", name: "Seizures", measure: "SEIZURE_COUNT" },
  { id: "kpi-kg", name: "Drugs seized (kg)", measure: "SEIZED_KG" },
];

const TOP = 12; // bars a chart shows; the table view shows all fetched
const regionNames = new Intl.DisplayNames(["en"], { type: "region" });
const countryName = (code) => {
  if (!code) return "(not stated)";
  try { return regionNames.of(code) + " (" + code + ")"; } catch { return code; }
};

let loads = 0;     // completed loads, for tests waiting on a new one
let current = {};  // what the panels show: {panelID: {spec, buckets, filter}}
let lastFocus = null;

// --- the URL is the state ---

function readState() {
  const q = new URLSearchParams(location.search);
  const filter = {};
  for (const k of FILTER_KEYS) {
    const v = (q.get(k) || "").trim();
    if (v === "") continue;
    filter[k] = k === "minConfidence" ? Number(v) : v;
  }
  return {
    filter,
    grain: q.get("grain") === "year" ? "year" : "month",
    tables: new Set((q.get("table") || "").split(",").filter(Boolean)),
    drill: q.get("drill") || "",
    key: q.get("key") || "",
    cur: q.get("cur") || "",
  };
}

function writeState(s, push = true) {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (s.filter[k] !== undefined) q.set(k, s.filter[k]);
  if (s.grain !== "month") q.set("grain", s.grain);
  if (s.tables.size) q.set("table", [...s.tables].join(","));
  if (s.drill) {
    q.set("drill", s.drill);
    if (s.key) q.set("key", s.key);
    if (s.cur) q.set("cur", s.cur);
  }
  const url = location.pathname + (q.toString() ? "?" + q : "");
  if (url !== location.pathname + location.search) history[push ? "pushState" : "replaceState"](null, "", url);
}

let state = readState();

// --- filters ---

const form = document.getElementById("filters");

function fillForm() {
  for (const k of FILTER_KEYS) {
    const input = form.elements[k];
    const v = state.filter[k] === undefined ? "" : String(state.filter[k]);
    if (input.tagName === "SELECT" && v && ![...input.options].some((o) => o.value === v)) {
      input.append(el("option", { value: v }, v)); // a shared link may name one not listed yet
    }
    input.value = v;
  }
  form.elements.grain.value = state.grain;
}

function readForm() {
  const filter = {};
  for (const k of FILTER_KEYS) {
    const v = form.elements[k].value.trim();
    if (v !== "") filter[k] = k === "minConfidence" ? Number(v) : v;
  }
  return filter;
}

function apply() {
  if (!form.reportValidity()) return;
  state = { ...state, filter: readForm(), grain: form.elements.grain.value, drill: "", key: "", cur: "" };
  writeState(state);
  closeDrill(false);
  load();
}

form.addEventListener("submit", (e) => { e.preventDefault(); apply(); });
form.addEventListener("change", (e) => { if (e.target.tagName === "SELECT") apply(); });
document.getElementById("reset").addEventListener("click", () => {
  state = { ...state, filter: {}, grain: "month", drill: "", key: "", cur: "" };
  writeState(state);
  fillForm();
  closeDrill(false);
  load();
});
document.getElementById("copy-link").addEventListener("click", async (e) => {
  try {
    await navigator.clipboard.writeText(location.href);
    e.target.textContent = "Link copied";
  } catch {
    e.target.textContent = "Copy the address bar";
  }
  setTimeout(() => (e.target.textContent = "Copy link"), 2000);
});
window.addEventListener("popstate", () => {
  state = readState();
  fillForm();
  load();
});

// The filter choices: agencies, platforms and countries that have facts.
async function loadChoices() {
  const q = `{
    ag1: aggregate(measure: OPERATION_COUNT, groupBy: AGENCY, first: 300) { key label }
    ag2: aggregate(measure: ARREST_COUNT, groupBy: AGENCY, first: 300) { key label }
    pl: aggregate(measure: OPERATION_COUNT, groupBy: PLATFORM, first: 300) { key label }
    c1: aggregate(measure: OPERATION_COUNT, groupBy: COUNTRY, first: 300) { key }
    c2: aggregate(measure: ARREST_COUNT, groupBy: COUNTRY, first: 300) { key }
    c3: aggregate(measure: SEIZURE_COUNT, groupBy: COUNTRY, first: 300) { key }
  }`;
  const res = await gql(q);
  const d = res.data || {};
  const options = (name, items) => {
    const sel = form.elements[name];
    const have = new Map([...sel.options].map((o) => [o.value, o]));
    items.filter((i) => i.key).sort((a, b) => a.label.localeCompare(b.label)).forEach((i) => {
      if (have.has(i.key)) have.get(i.key).textContent = i.label; // named now, where a link put only the key
      else { const o = el("option", { value: i.key }, i.label); have.set(i.key, o); sel.append(o); }
    });
  };
  options("agency", [...(d.ag1 || []), ...(d.ag2 || [])]);
  options("platform", d.pl || []);
  options("country", [...(d.c1 || []), ...(d.c2 || []), ...(d.c3 || [])].map((c) => ({ key: c.key, label: countryName(c.key) })));
  fillForm();
}

// --- loading the panels ---

function gqlFilter(f) {
  const out = {};
  for (const [k, v] of Object.entries(f)) if (v !== "" && v !== undefined) out[k] = v;
  return out;
}

function panelSpec(p) {
  const groupBy = p.time ? state.grain.toUpperCase() : p.groupBy;
  const filter = gqlFilter(p.narrow ? p.narrow(state.filter) : state.filter);
  return { ...p, groupBy, filter };
}

// Live updates: a subscription with the dashboard's filter, opened again
// when the filter changes; each event redraws the panels in place.
let unsubscribe = null, subscribed = null, updates = 0;

function follow() {
  const key = JSON.stringify(gqlFilter(state.filter));
  if (key === subscribed) return;
  if (unsubscribe) unsubscribe();
  subscribed = key;
  unsubscribe = live(gqlFilter(state.filter), (added) => {
    updates++;
    const n = added.facts.length;
    document.getElementById("live").textContent = `Updated ${new Date().toLocaleTimeString("en-GB")}: ${n} new fact${n === 1 ? "" : "s"} from ${added.articles.length} article${added.articles.length === 1 ? "" : "s"}.`;
    document.body.dataset.updates = String(updates);
    load(true);
  });
}

// load fetches and draws every panel; quiet keeps the panels shown until
// the new figures come (a live update), rather than blanking them.
async function load(quiet = false) {
  const loadNo = ++loads;
  document.body.dataset.state = "loading";
  const kpis = document.getElementById("kpis");
  const panels = document.getElementById("panels");
  if (!panels.children.length) buildPanels(panels, kpis);
  follow();
  if (!quiet) {
    for (const body of document.querySelectorAll(".panel .body")) showInBody(body, el("p", { class: "state" }, "Loading…"));
    for (const v of document.querySelectorAll(".kpi .value")) v.textContent = "…";
  }
  document.getElementById("filter-error").hidden = true;

  const specs = PANELS.map(panelSpec);
  const vars = {};
  const decls = [];
  const fields = [];
  const add = (alias, measure, groupBy, filter, first) => {
    vars["f_" + alias] = filter;
    decls.push(`$f_${alias}: Filter`);
    fields.push(`${alias}: aggregate(measure: ${measure}, groupBy: ${groupBy}, filter: $f_${alias}, first: ${first}) { key label value count currency }`);
  };
  specs.forEach((s, i) => add("p" + i, s.measure, s.groupBy, s.filter, s.time ? 1000 : 50));
  KPIS.forEach((k, i) => add("k" + i, k.measure, "YEAR", gqlFilter(state.filter), 1000));
  COUNTRY_MEASURES.forEach((m, i) => add("c" + i, m.measure, "COUNTRY", gqlFilter(state.filter), 300));
  let res;
  try {
    res = await gql(`query(${decls.join(", ")}) { ${fields.join("\n")} }`, vars);
  } catch (e) {
    if (loadNo !== loads) return;
    const err = document.getElementById("filter-error");
    err.textContent = "Could not load the dashboard: " + e.message;
    err.hidden = false;
    for (const body of document.querySelectorAll(".panel .body")) showInBody(body, el("p", { class: "state error" }, e.message));
    document.body.dataset.state = "error";
    return;
  }
  if (loadNo !== loads) return; // a newer load started meanwhile
  const data = res.data || {};
  const errorAt = (alias) => (res.errors || []).find((e) => e.path && e.path[0] === alias);
  current = {};
  specs.forEach((s, i) => {
    const err = errorAt("p" + i);
    current[s.id] = { spec: s, buckets: data["p" + i] || [] };
    renderPanel(s.id, err && err.message);
  });
  KPIS.forEach((k, i) => {
    const buckets = data["k" + i] || [];
    const total = buckets.reduce((sum, b) => sum + b.value, 0);
    const count = buckets.reduce((sum, b) => sum + b.count, 0);
    current[k.id] = { spec: { ...k, groupBy: "YEAR", filter: gqlFilter(state.filter), kpi: true, title: k.name }, buckets, total, count };
    const v = document.querySelector(`#${k.id} .value`);
    v.textContent = errorAt("k" + i) ? "error" : fmt(total);
    document.getElementById(k.id).setAttribute("aria-label", `${k.name}: ${fmt(total)}, from ${count} facts; show them`);
  });
  current["facts-by-country"] = {
    spec: { id: "facts-by-country", title: "Facts by country", table: true },
    columns: COUNTRY_MEASURES.map((m, i) => ({ ...m, buckets: data["c" + i] || [] })),
  };
  renderCountries(COUNTRY_MEASURES.map((_, i) => errorAt("c" + i)).find(Boolean));
  const builds = res.extensions && res.extensions.builds && res.extensions.builds.aggregates;
  document.getElementById("asof").textContent = builds ? `Figures as of ${builds.asOf}${builds.stale ? " (an update is being built)" : ""}.` : "";
  performance.mark("dashboard-drawn", { detail: loadNo }); // for devtools and the benchmarks
  document.body.dataset.load = String(loadNo);
  document.body.dataset.state = "ready";
  if (state.drill) openDrill(state.drill, state.key, state.cur, null, false);
}

function buildPanels(panels, kpis) {
  for (const k of KPIS) {
    const b = el("button", { type: "button", class: "kpi", id: k.id, onclick: (e) => openDrill(k.id, "", "", e.currentTarget) },
      el("span", { class: "value" }, "…"), el("span", { class: "name" }, k.name));
    kpis.append(b);
  }
  const all = [...PANELS.slice(0, 6), { id: "facts-by-country", title: "Facts by country", table: true }, ...PANELS.slice(6)];
  for (const p of all) {
    const tools = el("div", { class: "tools" },
      p.table ? null : el("button", { type: "button", "data-action": "toggle", onclick: () => toggleTable(p.id) }, "Table"),
      el("button", { type: "button", "data-action": "csv", onclick: () => panelCSV(p.id) }, "CSV"),
      p.table ? null : el("button", { type: "button", "data-action": "png", onclick: (e) => panelPNG(p.id, e.currentTarget) }, "PNG"));
    panels.append(el("section", { class: "panel", id: p.id, "aria-labelledby": p.id + "-title" },
      el("header", {}, el("h2", { id: p.id + "-title" }, p.title), el("span", { class: "small subtitle" }), tools),
      el("div", { class: "body" })));
  }
}

// rows are the buckets a panel shows, in its order, each with its rank in
// the API's answer (largest first), which the drill-through needs.
function rows(id) {
  const { spec, buckets } = current[id];
  let list = buckets.map((b, rank) => ({ ...b, rank, name: spec.label ? spec.label(b) : b.label }));
  if (spec.time) list = list.filter((b) => b.key !== "").sort((a, b) => a.key.localeCompare(b.key));
  return list;
}

function renderPanel(id, error) {
  const { spec, buckets } = current[id];
  const section = document.getElementById(id);
  const body = section.querySelector(".body");
  const sub = section.querySelector(".subtitle");
  sub.textContent = spec.time ? "by " + state.grain : spec.id === "cash-by-currency" ? spec.filter.commodity : spec.unit === "kg" ? "kg" : "";
  if (error) return showInBody(body, el("p", { class: "state error", role: "alert" }, "Could not load: " + error));
  const list = rows(id);
  if (!list.length) return showInBody(body, el("p", { class: "state" }, "Nothing matches these filters."));
  const undated = spec.time ? buckets.find((b) => b.key === "") : null;
  const note = undated ? el("p", { class: "small" }, `${fmt(undated.value)} ${spec.unit} from ${undated.count} facts have no date.`) : null;
  const showTable = state.tables.has(id);
  section.querySelector('[data-action="toggle"]').textContent = showTable ? "Chart" : "Table";
  section.querySelector('[data-action="png"]').disabled = showTable;
  const open = (b, target) => openDrill(id, b.key, b.currency || "", target);
  if (showTable) return showInBody(body, bucketTable(list, spec, open), note || "");
  const shown = spec.time ? list : list.slice(0, TOP);
  // The chart's box stays when the figures change (a live update), so the
  // chart redraws in place.
  let box = body.querySelector(".chart");
  if (!box) {
    box = el("div", { class: "chart", tabindex: "0", "data-panel": id });
    showInBody(body, box, el("p", { class: "small sr-status", "aria-live": "polite" }), el("div", { class: "notes" }));
  }
  box.style.height = (spec.time ? 240 : shown.length * 26 + 24) + "px";
  body.querySelector(".notes").replaceChildren(
    !spec.time && list.length > TOP ? el("p", { class: "small" }, `${list.length - TOP} more in the table view.`) : "", note || "");
  drawChart(box, shown, spec, open);
}

// showInBody replaces a panel's body, letting go of the chart it held.
function showInBody(body, ...children) {
  const box = body.querySelector(".chart");
  if (box) getInstanceByDom(box)?.dispose();
  body.replaceChildren(...children);
}

function bucketTable(list, spec, open) {
  return el("table", { class: "data" },
    el("thead", {}, el("tr", {}, el("th", {}, spec.time ? "Period" : "Group"), el("th", { class: "num" }, spec.unit || "value"), el("th", { class: "num" }, "facts"))),
    el("tbody", {}, list.map((b) => el("tr", {},
      el("td", {}, b.name),
      el("td", { class: "num" }, el("button", { type: "button", class: "cell", "data-key": b.key, onclick: (e) => open(b, e.currentTarget) }, fmt(b.value))),
      el("td", { class: "num" }, String(b.count))))));
}

const valueLabel = (b, spec) => fmt(b.value) + (spec.unit ? " " + spec.unit : b.currency ? " " + b.currency : "");
const INK = "#1d2330", MUTED = "#5b6270", LINE = "#d9dde4";

// drawChart draws a panel's buckets with ECharts: horizontal bars, largest
// first, or a column per period in time order. Each bar's data item keeps
// its bucket (key, count, currency), so a click opens that bucket; the
// arrow keys move between bars and Enter opens one.
function drawChart(box, list, spec, open) {
  let chart = getInstanceByDom(box);
  if (chart) chart.resize(); // its height follows the number of bars
  else chart = init(box, null, { renderer: "canvas" });
  const colour = spec.time ? (spec.measure === "ARREST_COUNT" ? "#009E73" : "#D55E00") : "#0072B2";
  const data = list.map((b) => ({ value: b.value, key: b.key, name: b.name, count: b.count, currency: b.currency || "",
    itemStyle: { color: b.key === "" ? "#b3bac5" : colour } }));
  const names = list.map((b) => b.name);
  const values = { type: "value", axisLabel: { color: MUTED, formatter: (v) => fmt(v) }, splitLine: { lineStyle: { color: LINE } } };
  const categories = { type: "category", data: names, axisTick: { show: false }, axisLine: { lineStyle: { color: LINE } },
    axisLabel: { color: INK, fontSize: 12, width: spec.time ? 80 : 190, overflow: "truncate" } };
  chart.setOption({
    animation: false,
    aria: { enabled: true, label: { description: `${spec.title}: ` + list.map((b) => `${b.name}, ${valueLabel(b, spec)}`).join("; ") + "." } },
    textStyle: { fontFamily: "system-ui, sans-serif" },
    tooltip: { trigger: "item", confine: true, formatter: (p) => `${escapeHTML(p.data.name)}: ${valueLabel(p.data, spec)} (${p.data.count} facts)` },
    grid: spec.time ? { left: 8, right: 12, top: 20, bottom: 8, containLabel: true } : { left: 8, right: 56, top: 4, bottom: 4, containLabel: true },
    xAxis: spec.time ? { ...categories, axisLabel: { ...categories.axisLabel, hideOverlap: true } } : { ...values, show: false },
    yAxis: spec.time ? { ...values, splitNumber: 3 } : { ...categories, inverse: true },
    series: [{
      type: "bar", data, barMaxWidth: spec.time ? 40 : 18, barMinHeight: 2, cursor: "pointer",
      label: { show: !spec.time || list.length <= 24, position: spec.time ? "top" : "right", color: INK, formatter: (p) => fmt(p.value) },
      emphasis: { itemStyle: { borderColor: "#E69F00", borderWidth: 3 } },
    }],
  }, { notMerge: true });
  chart.off("click");
  chart.on("click", (p) => open(list[p.dataIndex], box));
  box.onkeydown = (e) => chartKey(e, chart, box, list, spec, open);
  box.setAttribute("aria-label", `${spec.title}: a chart of ${list.length} bars; arrow keys move between them, Enter shows the facts behind one`);
}

// chartKey moves the highlighted bar with the arrow keys, says which it
// is, and opens it with Enter or Space.
function chartKey(e, chart, box, list, spec, open) {
  const at = Number(box.dataset.at ?? -1);
  let next = at;
  if (e.key === "ArrowDown" || e.key === "ArrowRight") next = Math.min(list.length - 1, at + 1);
  else if (e.key === "ArrowUp" || e.key === "ArrowLeft") next = Math.max(0, at - 1);
  else if ((e.key === "Enter" || e.key === " ") && at >= 0) { e.preventDefault(); open(list[at], box); return; }
  else return;
  e.preventDefault();
  chart.dispatchAction({ type: "downplay", seriesIndex: 0 });
  chart.dispatchAction({ type: "highlight", seriesIndex: 0, dataIndex: next });
  chart.dispatchAction({ type: "showTip", seriesIndex: 0, dataIndex: next });
  box.dataset.at = String(next);
  const b = list[next];
  box.parentElement.querySelector(".sr-status").textContent = `${b.name}: ${valueLabel(b, spec)} from ${b.count} facts. Enter shows them.`;
}

function escapeHTML(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

// chartOf gives a panel's chart (an ECharts instance), for devtools and the browser tests.
window.chartOf = (id) => getInstanceByDom(document.querySelector(`#${id} .chart`));

window.addEventListener("resize", () => {
  for (const box of document.querySelectorAll(".panel .chart")) getInstanceByDom(box)?.resize();
});

function renderCountries(error) {
  const body = document.querySelector("#facts-by-country .body");
  if (error) return showInBody(body, el("p", { class: "state error", role: "alert" }, "Could not load: " + error.message));
  const byKey = new Map();
  const { columns } = current["facts-by-country"];
  columns.forEach((c, ci) => c.buckets.forEach((b, rank) => {
    if (!byKey.has(b.key)) byKey.set(b.key, { key: b.key, name: countryName(b.key), cells: [] });
    byKey.get(b.key).cells[ci] = { ...b, rank };
  }));
  const list = [...byKey.values()].sort((a, b) => (b.cells[0]?.value || 0) - (a.cells[0]?.value || 0) || (b.cells[1]?.value || 0) - (a.cells[1]?.value || 0));
  if (!list.length) return body.replaceChildren(el("p", { class: "state" }, "Nothing matches these filters."));
  body.replaceChildren(el("table", { class: "data" },
    el("thead", {}, el("tr", {}, el("th", {}, "Country"), columns.map((c) => el("th", { class: "num" }, c.name)))),
    el("tbody", {}, list.map((r) => el("tr", {}, el("td", {}, r.name), columns.map((c, ci) => {
      const cell = r.cells[ci];
      return el("td", { class: "num" }, cell ? el("button", { type: "button", class: "cell", "data-key": r.key, "data-measure": c.measure,
        onclick: (e) => openDrill("facts-by-country", r.key, c.measure, e.currentTarget) }, fmt(cell.value)) : "–");
    }))))));
}

// --- tools: table view, CSV, PNG ---

function toggleTable(id) {
  state.tables.has(id) ? state.tables.delete(id) : state.tables.add(id);
  writeState(state, false);
  renderPanel(id);
}

function panelCSV(id) {
  let table;
  if (id === "facts-by-country") {
    table = [["country", ...COUNTRY_MEASURES.map((m) => m.name.toLowerCase())]];
    for (const tr of document.querySelectorAll("#facts-by-country tbody tr")) table.push([...tr.children].map((td) => td.textContent.replace(/,/g, "")));
  } else {
    const { spec } = current[id];
    table = [["key", "label", "currency", "value", "facts"], ...rows(id).map((b) => [b.key, b.name, b.currency || "", b.value, b.count])];
    if (spec.unit) table[0][3] = spec.unit;
  }
  download(id + ".csv", csvBlob(table));
}

function panelPNG(id, button) {
  const box = document.querySelector(`#${id} .chart`);
  const chart = box && getInstanceByDom(box);
  if (!chart) return;
  try {
    download(id + ".png", dataURLBlob(chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#fff" })));
  } catch (e) {
    button.textContent = "PNG failed";
  }
}

// --- drill-through ---

const drill = document.getElementById("drill");
document.getElementById("drill-close").addEventListener("click", () => closeDrill(true));
document.addEventListener("keydown", (e) => { if (e.key === "Escape" && !drill.hidden) closeDrill(true); });

function closeDrill(updateURL) {
  drill.hidden = true;
  delete drill.dataset.state;
  if (updateURL && state.drill) {
    state = { ...state, drill: "", key: "", cur: "" };
    writeState(state);
  }
  if (lastFocus && document.contains(lastFocus)) lastFocus.focus();
}

// narrowBy turns a bucket into the filter that selects it, where one can.
function narrowBy(spec, key) {
  if (!key) return null;
  if (spec.time) return { from: key, to: key };
  const field = { AGENCY: "agency", COMMODITY: "commodity", PLATFORM: "platform", COUNTRY: "country" }[spec.groupBy];
  return field && !spec.narrow ? { [field]: key } : null;
}

async function openDrill(id, key, cur, trigger, push = true) {
  if (trigger) lastFocus = trigger;
  const entry = current[id];
  if (!entry) return;
  if (push) {
    state = { ...state, drill: id, key, cur };
    writeState(state);
  }
  const title = document.getElementById("drill-title");
  const summary = document.getElementById("drill-summary");
  const body = document.getElementById("drill-body");
  drill.hidden = false;
  drill.dataset.state = "loading";
  body.replaceChildren(el("p", { class: "state" }, "Loading the facts…"));
  summary.replaceChildren();
  title.focus();

  let spec = entry.spec, name, value, count, ids;
  try {
    if (spec.kpi) {
      // A total: the union of its year buckets.
      name = spec.name;
      value = entry.total;
      count = entry.count;
      ids = await bucketFacts(spec, null, "");
    } else {
      let measure = spec.measure, groupBy = spec.groupBy, filter = spec.filter, rank, b;
      if (id === "facts-by-country") {
        const col = entry.columns.find((c) => c.measure === cur);
        const i = col.buckets.findIndex((x) => x.key === key);
        b = col.buckets[i]; rank = i; measure = cur; groupBy = "COUNTRY"; filter = gqlFilter(state.filter);
        spec = { ...spec, measure, groupBy, filter, unit: col.name.toLowerCase() };
        name = countryName(key);
        cur = "";
      } else {
        const list = rows(id);
        b = list.find((x) => x.key === key && (x.currency || "") === cur);
        rank = b ? b.rank : -1;
        name = b ? b.name : key;
      }
      if (!b) throw new Error("this group is not on the dashboard any more");
      value = b.value; count = b.count;
      ids = await bucketFacts({ measure, groupBy, filter }, rank, key, cur);
    }
  } catch (e) {
    body.replaceChildren(el("p", { class: "state error", role: "alert" }, "Could not load the facts: " + e.message));
    drill.dataset.state = "error";
    return;
  }
  title.textContent = `${spec.title}: ${name}`;
  const narrow = spec.kpi ? null : narrowBy(spec, key);
  summary.replaceChildren(
    `${fmt(value)} ${spec.unit || cur || ""} from ${count} fact${count === 1 ? "" : "s"}` + (ids.length < count ? `; the first ${ids.length} shown` : "") + ". ",
    narrow ? el("button", { type: "button", onclick: () => { state.filter = { ...state.filter, ...narrow }; fillForm(); apply(); } }, "Filter the dashboard by this") : "");
  let facts;
  try {
    facts = await factsByID(ids);
  } catch (e) {
    body.replaceChildren(el("p", { class: "state error", role: "alert" }, "Could not load the facts: " + e.message));
    drill.dataset.state = "error";
    return;
  }
  body.replaceChildren(...(facts.length ? facts.map(factItem) : [el("p", { class: "state" }, "No facts.")]));
  drill.dataset.state = "ready";
}

// bucketFacts returns the IDs of the facts behind one bucket (rank: its
// place in the answer, largest first), or behind every bucket (rank null).
async function bucketFacts({ measure, groupBy, filter }, rank, key, cur = "") {
  const first = rank === null ? 200 : rank + 1;
  const res = await gql(`query($f: Filter) { aggregate(measure: ${measure}, groupBy: ${groupBy}, filter: $f, first: ${first}) { key currency facts(first: 100) { id } } }`, { f: filter });
  const buckets = res.data.aggregate;
  if (rank === null) return [...new Set(buckets.flatMap((b) => b.facts.map((f) => f.id)))].slice(0, 100);
  const b = buckets.find((x) => x.key === key && (x.currency || "") === cur);
  if (!b) throw new Error("the group is gone: the figures changed since the dashboard was drawn");
  return b.facts.map((f) => f.id);
}

fillForm();
load();
loadChoices().catch((e) => {
  const err = document.getElementById("filter-error");
  err.textContent = "Could not load the filter choices: " + e.message;
  err.hidden = false;
});
