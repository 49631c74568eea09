// Shared by the dashboard and the explorer: the GraphQL client, DOM
// helpers, the evidence list of a drill-through, CSV and PNG downloads.

export async function gql(query, variables = {}) {
  let resp;
  try {
    resp = await fetch("/graphql", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    throw new Error("the server did not answer (" + e.message + ")");
  }
  let body;
  try {
    body = await resp.json();
  } catch (e) {
    throw new Error("the server answered HTTP " + resp.status + " without JSON");
  }
  if (body.errors && body.errors.length && !body.data) {
    throw new Error(body.errors.map((e) => e.message).join("; "));
  }
  return body;
}

// el builds an element: el("a", {href: "/"}, "text", child...).
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  setAttrs(e, attrs);
  e.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return e;
}

function setAttrs(e, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, v === true ? "" : v);
  }
}

const numberFormat = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
export function fmt(n) {
  return n === null || n === undefined ? "–" : numberFormat.format(n);
}

// The Okabe–Ito palette; one colour per node type, the same on every page.
export const typeColour = {
  Agency: "#0072B2", Operation: "#D55E00", Platform: "#CC79A7", Arrest: "#009E73",
  Seizure: "#E69F00", Place: "#56B4E9", Person: "#6b5b95", Group: "#000000", Article: "#8a8f98",
};

export function typeBadge(type) {
  return el("span", { class: "type", style: "background:" + (typeColour[type] || "#8a8f98") }, type);
}

// The fields a drill-through shows of any fact, with its evidence, and of
// its parts and restatements (Figure). Ev comes first: the explorer's link
// view takes what precedes "fragment Fact".
export const FACT_FIELDS = `
fragment Ev on Evidence { sentence confidence rule assertedBy article { id title url published source } }
fragment Fact on Node { id __typename
  ... on Arrest { count qualifier date eventDate dateSource context agency { id name } agencies { id name } operation { id name } place { name }
      conflictsWith { id count } parts { ...Figure } restatements { ...Figure } evidence { ...Ev } }
  ... on Seizure { commodity subtype quantity unit amount currency kilograms date eventDate dateSource context agency { id name } agencies { id name }
      operation { id name } place { name } conflictsWith { id quantity unit amount currency } parts { ...Figure } restatements { ...Figure } evidence { ...Ev } }
  ... on Operation { name agencies { id name } targets { id name } places { name } evidence { ...Ev } }
}
fragment Figure on Node { id ... on Arrest { count } ... on Seizure { commodity subtype quantity unit amount currency } }`;

// factsByID reads facts by ID, at most 100 in one request.
export async function factsByID(ids) {
  ids = ids.slice(0, 100);
  if (!ids.length) return [];
  const vars = {};
  const fields = ids.map((id, i) => { vars["i" + i] = id; return `f${i}: node(id: $i${i}) { ...Fact }`; });
  const decl = ids.map((_, i) => `$i${i}: ID!`).join(", ");
  const res = await gql(`query(${decl}) { ${fields.join("\n")} } ${FACT_FIELDS}`, vars);
  return ids.map((_, i) => res.data["f" + i]).filter(Boolean);
}

// describe says in words what a fact states.
export function describe(f) {
  const parts = [];
  const op = f.operation ? " in Operation " + f.operation.name : "";
  const agencies = f.agencies && f.agencies.length ? f.agencies : f.agency ? [f.agency] : [];
  const by = agencies.length ? " by " + agencies.map((a) => a.name).join(" and ") : "";
  switch (f.__typename) {
    case "Arrest":
      parts.push((f.count != null ? fmt(f.count) + " arrests" : "Arrests") + (f.qualifier && f.qualifier !== "exact" ? " (" + f.qualifier + ")" : "") + by + op);
      break;
    case "Seizure": {
      const what = f.subtype || f.commodity || "something";
      let s = "Seized ";
      if (f.quantity != null) s += fmt(f.quantity) + " " + (f.unit || "") + " of ";
      s += what;
      if (f.amount != null) s += (f.quantity != null ? ", " : " worth ") + fmt(f.amount) + " " + (f.currency || "");
      parts.push(s + by + op);
      break;
    }
    case "Operation":
      parts.push("Operation " + f.name + (f.agencies && f.agencies.length ? " led by " + f.agencies.map((a) => a.name).join(", ") : "") +
        (f.targets && f.targets.length ? ", against " + f.targets.map((t) => t.name).join(", ") : ""));
      break;
    default:
      parts.push(f.__typename + " " + (f.name || f.id));
  }
  if (f.eventDate) {
    const source = { article: ", the date of its article", curator: ", as a curator dated it" }[f.dateSource] || "";
    parts.push("(" + f.eventDate + source + ")");
  } else if (f.date) parts.push("(" + f.date + ")");
  return parts.join(" ");
}

// figure is an arrest's or seizure's figure alone: "4 arrests", "€1,000,000".
function figure(f) {
  if (f.count != null) return fmt(f.count) + " arrests";
  const what = f.subtype || f.commodity || "";
  if (f.quantity != null) return fmt(f.quantity) + " " + (f.unit || "") + (what ? " of " + what : "");
  if (f.amount != null) return fmt(f.amount) + " " + (f.currency || "") + (what ? " (" + what + ")" : "");
  return what || f.id;
}

// figureText lists how an article may write the fact's figure, for highlighting.
function figureTexts(f) {
  const out = [];
  const add = (n) => {
    if (n == null) return;
    out.push(String(n), n.toLocaleString("en-GB"));
    for (const [div, words] of [[1e9, ["bn", "billion"]], [1e6, ["m", "million"]]]) {
      if (n >= div && Number.isFinite(n / div)) {
        const x = String(Math.round((n / div) * 100) / 100);
        for (const w of words) out.push(x + w, x + " " + w);
      }
    }
  };
  add(f.count); add(f.quantity); add(f.amount);
  for (const x of [f.name, f.agency && f.agency.name, f.operation && f.operation.name, f.subtype]) if (x) out.push(x);
  return out.filter((s) => s.length > 0);
}

// highlight marks the figure and names of fact f in a sentence.
export function highlight(sentence, f) {
  const texts = [...new Set(figureTexts(f))].sort((a, b) => b.length - a.length);
  if (!texts.length) return [document.createTextNode(sentence)];
  const esc = texts.map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  const re = new RegExp("(?<![\\w.])(" + esc.join("|") + ")(?![\\w])", "gi");
  const out = [];
  let last = 0;
  for (const m of sentence.matchAll(re)) {
    out.push(document.createTextNode(sentence.slice(last, m.index)));
    out.push(el("mark", {}, m[0]));
    last = m.index + m[0].length;
  }
  out.push(document.createTextNode(sentence.slice(last)));
  return out;
}

export function evidenceItem(ev, f) {
  const a = ev.article || {};
  const title = a.url ? el("a", { href: a.url, rel: "noopener noreferrer", target: "_blank" }, a.title || a.url) : el("span", {}, a.title || "untitled article");
  return el("div", { class: "evidence" },
    el("blockquote", {}, highlight(ev.sentence || "", f)),
    el("div", { class: "meta" },
      title,
      a.published ? " · " + a.published : "",
      a.source ? " · " + a.source : "",
      ev.confidence != null ? " · confidence " + ev.confidence.toFixed(2) : "",
      ev.assertedBy ? [" · according to ", el("strong", {}, ev.assertedBy)] : "",
      ev.rule ? el("span", { class: "small", title: "the extraction rule that read it" }, " · rule " + ev.rule) : ""));
}

// factItem shows a fact, its conflicts and every sentence that states it.
export function factItem(f) {
  const conflicts = f.conflictsWith || [];
  const alt = conflicts.map((c) => c.count != null ? fmt(c.count) : c.quantity != null ? fmt(c.quantity) + " " + (c.unit || "") : fmt(c.amount) + " " + (c.currency || ""));
  return el("div", { class: "fact", "data-id": f.id },
    el("div", { class: "what" }, typeBadge(f.__typename), describe(f),
      conflicts.length ? el("span", { class: "conflict", title: "other sources give a different figure" }, "conflicts with " + alt.join(", ")) : null,
      f.context ? el("span", { class: "context", title: "a past record or yearly total given for comparison: totals leave it out unless asked" }, "past figure") : null),
    // The breakdown beside the total: counted in it, not added to it.
    (f.parts || []).length ? el("div", { class: "breakdown" }, "Of which (counted in this total): " + f.parts.map(figure).join("; ")) : null,
    (f.restatements || []).length ? el("div", { class: "breakdown" }, "Also given as (counted once): " + f.restatements.map(figure).join("; ")) : null,
    (f.evidence || []).map((ev) => evidenceItem(ev, f)),
    (f.evidence || []).length ? null : el("div", { class: "small" }, "no sentence recorded"));
}

// download saves a blob under a name.
export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = el("a", { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function csvBlob(rows) {
  const cell = (v) => {
    const s = v === null || v === undefined ? "" : String(v);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  };
  return new Blob([rows.map((r) => r.map(cell).join(",")).join("\n") + "\n"], { type: "text/csv" });
}

// dataURLBlob turns a data: URL (a chart's PNG) into a Blob, without
// fetch: the pages may fetch only from the server.
export function dataURLBlob(url) {
  const [head, data] = url.split(",");
  const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: head.slice(5).split(";")[0] });
}

export function truncate(s, n) {
  return s.length > n ? s.slice(0, n - 1) + "…" : s;
}

// live subscribes to factsAdded (server-sent events, see docs/api.md) with a
// filter; onAdded gets each event's factsAdded. The body's data-live says
// "open" once the server has registered the subscription. It returns a
// function that unsubscribes.
//
// The stream is closed when the page is hidden (navigated away from, kept
// in the back-forward cache) and opened again when it is shown: browsers
// allow six connections to a server, and a stream held by a page no one
// sees would keep one of them from the page in front.
export function live(filter, onAdded) {
  const q = "subscription($f: Filter) { factsAdded(filter: $f) { articles { id } facts { id } } }";
  const url = "/graphql?query=" + encodeURIComponent(q) + "&variables=" + encodeURIComponent(JSON.stringify({ f: filter }));
  let es = null, closed = false, retry = null;
  const open = () => {
    es = new EventSource(url);
    es.addEventListener("open", () => { document.body.dataset.live = "open"; });
    es.addEventListener("error", () => { document.body.dataset.live = "retrying"; }); // EventSource tries again by itself
    es.addEventListener("next", (m) => {
      let r;
      try { r = JSON.parse(m.data); } catch { return; }
      if (r.data && r.data.factsAdded) onAdded(r.data.factsAdded);
    });
    es.addEventListener("complete", () => { // the server ended it (shutting down, or we fell behind)
      es.close();
      document.body.dataset.live = "closed";
      if (!closed) retry = setTimeout(open, 5000);
    });
  };
  const hide = () => { clearTimeout(retry); if (es) es.close(); es = null; };
  const show = (e) => { if (e.persisted && !closed && !es) open(); };
  window.addEventListener("pagehide", hide);
  window.addEventListener("pageshow", show);
  open();
  return () => {
    closed = true;
    hide();
    window.removeEventListener("pagehide", hide);
    window.removeEventListener("pageshow", show);
    delete document.body.dataset.live;
  };
}
