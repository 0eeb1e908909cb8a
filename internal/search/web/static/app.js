// warwire search UI: the search page (results, facets, filter chips, export)
// and the wiring. Modules: dom.js (building and escaping), state.js (URL and
// API), viz.js (timeline, map, stance matrix), story.js (story page). Nothing
// is loaded from elsewhere.
import { $, el, fmtDate, fmtNum, setSafeHTML, displayNames } from "./dom.js";
import { FILTERS, FILTER_LABELS, api, apiParams, currentParams, goTo, navigate, setRouter, sorted, withValue, withoutValue } from "./state.js";
import { renderMap, renderStances, renderTimeline } from "./viz.js";
import { showStory } from "./story.js";

const labels = new Map(); // "param=value" -> readable label, learnt from facets and hits
const regionNames = displayNames("region");
const languageNames = displayNames("language");
let nextCursor = "";

function route() {
  const m = location.pathname.match(/^\/story\/([^/]+)$/);
  if (m) showStory(decodeURIComponent(m[1]));
  else showSearch();
}

function fillForm(p) {
  $("q").value = p.get("q") || "";
  $("from").value = (p.get("from") || "").slice(0, 10);
  $("to").value = (p.get("to") || "").slice(0, 10);
  $("sort").value = p.get("sort") === "date" ? "date" : "relevance";
  $("collapse").checked = p.get("collapse") !== "off";
  $("withdrawn").checked = p.get("withdrawn") === "include";
  for (const id of ["q", "from", "to", "sort"]) $(id).removeAttribute("aria-invalid");
}

function formParams() {
  const p = new URLSearchParams();
  const keep = currentParams();
  for (const [k, v] of keep) if (FILTERS.includes(k) && !["from", "to", "withdrawn"].includes(k)) p.append(k, v);
  const q = $("q").value.trim();
  if (q) p.set("q", q);
  if ($("from").value) p.set("from", $("from").value);
  if ($("to").value) p.set("to", $("to").value);
  if ($("sort").value === "date") p.set("sort", "date");
  if (!$("collapse").checked) p.set("collapse", "off");
  if ($("withdrawn").checked) p.set("withdrawn", "include");
  return sorted(p);
}

async function showSearch() {
  $("story-view").hidden = true;
  $("search-view").hidden = false;
  document.title = "warwire search";
  const p = currentParams();
  fillForm(p);
  renderChips(p);
  updateExport(p);
  setError(null);
  $("status").textContent = "Searching…";
  $("results").textContent = "";
  $("more").hidden = true;
  const base = apiParams(p, ["q", ...FILTERS]);
  const sp = apiParams(p, ["q", ...FILTERS, "sort", "collapse", "size"]);
  const fp = new URLSearchParams(base);
  const ents = p.getAll("entity");
  if (ents.length === 1) fp.set("with_entity", ents[0]);
  try {
    const [res, facets] = await Promise.all([api("/api/v1/search", sp), api("/api/v1/facets", fp)]);
    learnLabels(facets);
    renderChips(p);
    renderStatus(res);
    renderHits(res.hits, false);
    nextCursor = res.next_cursor || "";
    $("more").hidden = !nextCursor;
    renderFacets(facets, p);
    renderTimeline(facets.timeline, p);
    await renderMap(facets.map, p);
    renderStances(facets.stances, p);
  } catch (e) {
    showFailure(e);
  }
}

function showFailure(e) {
  $("status").textContent = "";
  setError(e.message || "Something went wrong.");
  if (e.parameter) {
    const field = $(e.parameter);
    if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); }
  }
}

function setError(msg) {
  const box = $("error");
  box.hidden = !msg;
  box.textContent = msg || "";
}

function renderStatus(res) {
  let s;
  if (res.total === 0) s = "No stories match. Try fewer words or remove a filter.";
  else {
    s = fmtNum(res.total) + (res.total_relation === "gte" ? "+" : "") + (res.total === 1 ? " story" : " stories");
    if (res.collapsed && res.groups != null) s += " · about " + fmtNum(res.groups) + " distinct wire stories";
  }
  if (res.notice) s += " · " + res.notice;
  $("status").textContent = s;
}

async function loadMore() {
  if (!nextCursor) return;
  const p = currentParams();
  const sp = apiParams(p, ["q", ...FILTERS, "sort", "collapse", "size"]);
  sp.set("cursor", nextCursor);
  $("more").disabled = true;
  try {
    const res = await api("/api/v1/search", sp);
    const first = renderHits(res.hits, true);
    nextCursor = res.next_cursor || "";
    $("more").hidden = !nextCursor;
    if (first) first.focus();
  } catch (e) {
    showFailure(e);
  } finally {
    $("more").disabled = false;
  }
}

function renderHits(hits, append) {
  const list = $("results");
  if (!append) list.textContent = "";
  let firstLink = null;
  for (const h of hits) {
    const li = renderHit(h);
    list.append(li);
    if (!firstLink) firstLink = li.querySelector("h3 a");
  }
  return firstLink;
}

function renderHit(h) {
  const link = el("a", { href: h.permalink, "data-story": h.id });
  setSafeHTML(link, h.headline_html || "");
  if (!link.textContent) link.textContent = h.headline || "(no headline)";
  link.addEventListener("click", (ev) => { ev.preventDefault(); openStory(h.id); });
  const meta = el("p", { class: "meta" });
  const parts = [h.source, fmtDate(h.versioncreated), h.language, h.located].filter(Boolean);
  parts.forEach((t, i) => meta.append(i ? el("span", { class: "sep" }) : "", t));
  const art = el("article", { class: "hit" }, el("h3", {}, link), meta);
  for (const s of h.snippets || []) {
    const p = el("p", { class: "snippet" });
    setSafeHTML(p, s);
    art.append(p);
  }
  art.append(badges(h));
  if (h.copies > 1 && h.outlets && h.outlets.length) {
    art.append(el("p", { class: "outlets" }, "Also published by: " + h.outlets.map((o) => o.source).filter(Boolean).join(", ")));
  }
  return el("li", {}, art);
}

function badges(h) {
  const box = el("div", { class: "badges", role: "group", "aria-label": "Mentioned in this story" });
  if (h.withdrawn) box.append(el("span", { class: "badge withdrawn" }, "withdrawn"));
  if (h.copies > 1) box.append(el("span", { class: "badge copies" }, h.copies + " copies"));
  for (const e of (h.entities || []).slice(0, 8)) {
    labels.set("entity=" + e.id, e.name);
    box.append(filterBadge("badge " + (e.type || "entity"), e.name, "entity", e.id, "Filter by " + (e.type || "entity") + " " + e.name));
  }
  for (const pl of (h.places || []).slice(0, 6)) {
    labels.set("place=" + pl.id, pl.name);
    box.append(filterBadge("badge place", pl.name, "place", pl.id, "Filter by place " + pl.name));
  }
  for (const s of (h.stances || []).slice(0, 4)) {
    const b = filterBadge("badge stance " + s.polarity, null, "stance", s.holder.id + ":" + s.target.id + ":" + s.polarity,
      "Filter by stance: " + s.holder.name + " " + s.polarity + "s " + s.target.name);
    b.append(s.holder.name + " ", el("span", { class: "pol" }, s.polarity === "support" ? "▲" : "▼"), " " + s.target.name);
    box.append(b);
  }
  return box;
}

function filterBadge(cls, text, key, value, label) {
  return el("button", {
    type: "button", class: cls, "aria-label": label, title: label,
    onclick: () => navigate(withValue(currentParams(), key, value)),
  }, text);
}

function learnLabels(f) {
  const learn = (key, list) => { for (const b of list || []) if (b.label) labels.set(key + "=" + b.key, b.label); };
  learn("entity", f.entities); learn("place", f.places); learn("place", f.map);
  if (f.co_mentions) learn("entity", f.co_mentions.entities);
  for (const c of f.stances || []) {
    labels.set("entity=" + c.holder.id, c.holder.name);
    labels.set("entity=" + c.target.id, c.target.name);
  }
}

function chipLabel(k, v) {
  if (k === "country") return regionNames(v.toUpperCase());
  if (k === "lang") return languageNames(v);
  if (k === "stance") {
    const [h, t, pol] = v.split(":");
    const name = (x) => labels.get("entity=" + x) || x || "anyone";
    return name(h) + " → " + name(t) + (pol ? " (" + pol + ")" : "");
  }
  return labels.get(k + "=" + v) || v;
}

function renderChips(p) {
  const box = $("active-filters");
  box.textContent = "";
  let n = 0;
  for (const [k, v] of p) {
    if (!FILTERS.includes(k)) continue;
    n++;
    const text = (FILTER_LABELS[k] || k) + ": " + chipLabel(k, v);
    box.append(el("span", { class: "chip" }, text,
      el("button", { type: "button", "aria-label": "Remove filter " + text, onclick: () => navigate(withoutValue(currentParams(), k, v)) }, "×")));
  }
  if (n > 1) {
    box.append(el("button", { type: "button", class: "clear", onclick: () => {
      const q = currentParams().get("q");
      navigate(new URLSearchParams(q ? { q } : {}));
    } }, "Clear all filters"));
  }
  box.hidden = n === 0;
}

function renderFacets(f, p) {
  const box = $("facet-groups");
  box.textContent = "";
  const group = (title, key, buckets, labelOf) => {
    if (!buckets || !buckets.length) return;
    const ul = el("ul", {});
    for (const b of buckets) {
      const active = p.getAll(key).includes(b.key);
      const label = labelOf ? labelOf(b) : (b.label || b.key);
      ul.append(el("li", {}, el("button", {
        type: "button", class: "facet", "aria-pressed": active ? "true" : "false",
        "aria-label": (active ? "Remove filter " : "Filter by ") + label + ", " + b.count + " stories",
        onclick: () => navigate(active ? withoutValue(currentParams(), key, b.key) : withValue(currentParams(), key, b.key)),
      }, el("span", {}, label), el("span", { class: "n" }, fmtNum(b.count)))));
    }
    box.append(el("section", {}, el("h3", {}, title), ul));
  };
  group("People & organisations", "entity", f.entities, (b) => b.label || b.key);
  if (f.co_mentions && f.co_mentions.entities.length) {
    group("Mentioned with " + chipLabel("entity", f.co_mentions.entity), "entity", f.co_mentions.entities);
  }
  group("Places", "place", f.places);
  group("Countries", "country", f.countries, (b) => regionNames(b.key));
  group("Sources", "source", f.sources);
  group("Languages", "lang", f.languages, (b) => languageNames(b.key));
  group("Entity types", "entity_type", f.entity_types);
}

function updateExport(p) {
  const ep = apiParams(p, ["q", ...FILTERS, "sort"]);
  for (const fmt of ["csv", "jsonl"]) {
    const q = new URLSearchParams(ep);
    q.set("format", fmt);
    $("export-" + fmt).href = "/api/v1/export?" + q.toString();
  }
}

async function exportWithToken(ev) {
  const token = sessionStorage.getItem("warwire-token");
  if (!token) return; // a plain link download streams straight to disk
  ev.preventDefault();
  const a = ev.currentTarget;
  const res = await fetch(a.href, { headers: { Authorization: "Bearer " + token } });
  if (!res.ok) { setError("The export failed (" + res.status + ")."); return; }
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const tmp = el("a", { href: url, download: a.id === "export-csv" ? "warwire-export.csv" : "warwire-export.jsonl" });
  document.body.append(tmp);
  tmp.click();
  tmp.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

function openStory(id) {
  goTo("/story/" + encodeURIComponent(id), { fromSearch: location.search });
}

function onKey(ev) {
  const t = ev.target;
  const typing = t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT");
  if (ev.key === "/" && !typing) { ev.preventDefault(); $("q").focus(); $("q").select(); return; }
  if (ev.key === "Escape" && !$("story-view").hidden) { ev.preventDefault(); $("back").click(); return; }
  if ((ev.key === "ArrowDown" || ev.key === "ArrowUp") && !typing && t.closest && t.closest("#results")) {
    const links = [...document.querySelectorAll("#results h3 a")];
    const cur = t.closest(".hit") ? t.closest(".hit").querySelector("h3 a") : null;
    const i = links.indexOf(cur);
    const next = links[ev.key === "ArrowDown" ? i + 1 : i - 1];
    if (next) { ev.preventDefault(); next.focus(); }
  }
}

function init() {
  $("search-form").addEventListener("submit", (ev) => { ev.preventDefault(); navigate(formParams()); });
  for (const id of ["sort", "collapse", "withdrawn", "from", "to"]) $(id).addEventListener("change", () => navigate(formParams()));
  $("more").addEventListener("click", loadMore);
  $("copy-link").addEventListener("click", async () => {
    try { await navigator.clipboard.writeText(location.href); $("status").textContent = "Link copied."; }
    catch (e) { $("status").textContent = "Copy this address: " + location.href; }
  });
  $("export-csv").addEventListener("click", exportWithToken);
  $("export-jsonl").addEventListener("click", exportWithToken);
  $("back").addEventListener("click", (ev) => {
    ev.preventDefault();
    const from = history.state && history.state.fromSearch;
    if (from !== undefined && from !== null) history.back();
    else goTo("/");
  });
  $("token-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    sessionStorage.setItem("warwire-token", $("token").value.trim());
    $("token-box").hidden = true;
    route();
  });
  document.addEventListener("keydown", onKey);
  window.addEventListener("popstate", route);
  route();
}

setRouter(route);
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init); else init();
