// viz.js — the timeline, the map and the stance matrix, drawn as SVG and
// tables (part of the warwire search UI; see app.js).

import { $, el, svg, fmtDate, fmtNum } from "./dom.js";
import { currentParams, navigate, sorted, withValue } from "./state.js";

let outline = null;

// roving makes a set of SVG controls one tab stop: Tab reaches the first,
// the arrow keys move between them, Enter or Space chooses.
function roving(items) {
  items.forEach((it, i) => {
    it.setAttribute("tabindex", i === 0 ? "0" : "-1");
    it.addEventListener("keydown", (ev) => {
      const step = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[ev.key];
      if (!step) return;
      ev.preventDefault();
      const next = items[Math.max(0, Math.min(items.length - 1, i + step))];
      it.setAttribute("tabindex", "-1");
      next.setAttribute("tabindex", "0");
      next.focus();
    });
  });
}

export function renderTimeline(t, p) {
  const box = $("timeline");
  box.textContent = "";
  $("timeline-interval").textContent = t && t.interval ? "(per " + intervalName(t.interval) + ")" : "";
  const bs = (t && t.buckets) || [];
  if (!bs.length) { box.append(el("p", { class: "hint" }, "No dates to show.")); return; }
  const W = 640, H = 170, L = 34, B = 22, T = 8;
  const max = Math.max(...bs.map((b) => b.count), 1);
  const bw = Math.min((W - L - 4) / bs.length, 48);
  const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "group", "aria-label": "Stories over time; arrow keys move between bars, Enter filters by a bar's dates" });
  s.append(svg("line", { class: "axis-line", x1: L, y1: H - B, x2: W, y2: H - B }));
  s.append(svg("text", { class: "axis", x: L - 4, y: T + 8, "text-anchor": "end", text: fmtNum(max) }));
  s.append(svg("text", { class: "axis", x: L - 4, y: H - B, "text-anchor": "end", text: "0" }));
  const bars = [];
  bs.forEach((b, i) => {
    const h = Math.max(b.count ? 1.5 : 0, (b.count / max) * (H - B - T));
    const x = L + i * bw;
    const next = bs[i + 1] ? bs[i + 1].start : null;
    const label = fmtDate(b.start) + (next ? " to " + fmtDate(new Date(new Date(next) - 86400000)) : "") + ": " + b.count + " stories";
    const g = svg("g", { class: "bar", role: "button", "aria-label": label },
      svg("title", { text: label }),
      svg("rect", { class: "hit", x: x, y: T, width: Math.max(bw, 1), height: H - B - T }),
      svg("rect", { class: "b", x: x + bw * 0.1, y: H - B - h, width: Math.max(bw * 0.8, 0.8), height: h }));
    const pick = () => {
      let q = withValue(currentParams(), "from", fmtDate(b.start), true);
      if (next) q = withValue(q, "to", fmtDate(new Date(new Date(next) - 86400000)), true);
      navigate(sorted(q));
    };
    g.addEventListener("click", pick);
    g.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    s.append(g);
    bars.push(g);
  });
  roving(bars);
  const first = bs[0].start, last = bs[bs.length - 1].start;
  s.append(svg("text", { class: "axis", x: L, y: H - 6, text: fmtDate(first) }));
  s.append(svg("text", { class: "axis", x: W - 2, y: H - 6, "text-anchor": "end", text: fmtDate(last) }));
  box.append(s);
}

function intervalName(i) {
  const m = String(i).match(/^(\d+)([a-zA-Z])$/);
  if (!m) return i;
  const unit = { s: "second", m: "minute", h: "hour", d: "day", w: "week", M: "month", y: "year" }[m[2]] || m[2];
  return m[1] === "1" ? unit : m[1] + " " + unit + "s";
}

async function loadOutline() {
  if (outline) return outline;
  const res = await fetch("/assets/outline.json");
  outline = await res.json();
  return outline;
}

export async function renderMap(points, p) {
  const box = $("map");
  box.textContent = "";
  const o = await loadOutline();
  const [west, south, east, north] = o.bbox;
  const s = svg("svg", { viewBox: `0 0 ${o.width} ${o.height}`, role: "group", "aria-label": "Map of the places mentioned; arrow keys move between places, Enter filters by one" });
  s.append(svg("title", { text: "Places mentioned in the matching stories" }));
  for (const c of o.countries) {
    s.append(svg("path", { class: "country" + (c.id === "804" ? " ua" : ""), d: c.d }, svg("title", { text: c.name })));
  }
  const pts = (points || []).filter((b) => b.location);
  const max = Math.max(1, ...pts.map((b) => b.count));
  let outside = 0;
  const dots = [];
  for (const b of pts.sort((a, c) => c.count - a.count)) {
    const { lat, lon } = b.location;
    if (lon < west || lon > east || lat < south || lat > north) { outside++; continue; }
    const x = (lon - west) * o.k * o.scale, y = (north - lat) * o.scale;
    const r = 3 + 11 * Math.sqrt(b.count / max);
    const name = b.label || b.key;
    const label = name + ": " + b.count + " stories";
    const dot = svg("circle", { class: "dot", cx: x.toFixed(1), cy: y.toFixed(1), r: r.toFixed(1), role: "button", "aria-label": "Filter by place " + label },
      svg("title", { text: label }));
    const pick = () => navigate(withValue(currentParams(), "place", b.key));
    dot.addEventListener("click", pick);
    dot.addEventListener("keydown", (ev) => { if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); } });
    s.append(dot);
    dots.push(dot);
  }
  roving(dots);
  box.append(s);
  $("map-note").textContent = (pts.length ? pts.length - outside + " places on the map" : "No places with coordinates") +
    (outside ? ", " + outside + " outside it" : "") + ". Outline: Natural Earth (public domain).";
}

export function renderStances(cells, p) {
  const sec = $("stances-section");
  const box = $("stance-matrix");
  box.textContent = "";
  if (!cells || !cells.length) { sec.hidden = true; return; }
  sec.hidden = false;
  const holders = [], targets = [];
  const seen = new Set();
  for (const c of cells) {
    if (!seen.has("h" + c.holder.id)) { seen.add("h" + c.holder.id); holders.push(c.holder); }
    if (!seen.has("t" + c.target.id)) { seen.add("t" + c.target.id); targets.push(c.target); }
  }
  const byKey = new Map(cells.map((c) => [c.holder.id + "\u0000" + c.target.id, c]));
  const head = el("tr", {}, el("td", {}, "holder ↓ / target →"), ...targets.map((t) => el("th", { scope: "col" }, t.name || t.id)));
  const table = el("table", { class: "matrix" }, el("caption", { class: "visually-hidden" }, "Stance matrix"), el("thead", {}, head));
  const body = el("tbody", {});
  for (const h of holders) {
    const tr = el("tr", {}, el("th", { scope: "row" }, h.name || h.id));
    for (const t of targets) {
      const c = byKey.get(h.id + "\u0000" + t.id);
      if (!c) { tr.append(el("td", {})); continue; }
      const label = (h.name || h.id) + " on " + (t.name || t.id) + ": " + c.support + " supporting, " + c.oppose + " opposing statements";
      tr.append(el("td", {}, el("button", {
        type: "button", "aria-label": label, title: label,
        onclick: () => navigate(withValue(currentParams(), "stance", h.id + ":" + t.id + ":")),
      }, el("span", { class: "s" }, "▲" + c.support), " ", el("span", { class: "o" }, "▼" + c.oppose))));
    }
    body.append(tr);
  }
  table.append(body);
  box.append(table);
}
