// story.js — the story page: full text with entities, places and quotes
// highlighted (part of the warwire search UI; see app.js).

import { $, el } from "./dom.js";
import { api } from "./state.js";

export async function showStory(id) {
  $("search-view").hidden = true;
  $("story-view").hidden = false;
  const head = $("story-headline");
  head.textContent = "Loading…";
  $("story-meta").textContent = "";
  $("story-outlets").textContent = "";
  $("story-body").textContent = "";
  $("story-side").textContent = "";
  const from = history.state && history.state.fromSearch;
  $("back").href = "/" + (from || "");
  try {
    const page = await api("/api/v1/stories/" + encodeURIComponent(id));
    renderStory(page.story, page.outlets || []);
  } catch (e) {
    head.textContent = e.status === 404 ? "Story not found" : e.status === 410 ? "Story withdrawn" : "The story could not be loaded";
    $("story-meta").textContent = e.message || "";
  }
  head.focus();
}

function renderStory(d, outlets) {
  document.title = (d.headline || "Story") + " · warwire";
  $("story-headline").textContent = d.headline || "(no headline)";
  const meta = $("story-meta");
  const parts = [d.copyrightholder, d.versioncreated ? new Date(d.versioncreated).toISOString().replace("T", " ").slice(0, 16) + " UTC" : "",
    d.byline, d.located, d.language, d.word_count ? d.word_count + " words" : ""].filter(Boolean);
  parts.forEach((t, i) => meta.append(i ? el("span", { class: "sep" }) : "", t));
  if (d.url && /^https?:\/\//i.test(d.url)) {
    meta.append(el("span", { class: "sep" }), el("a", { href: d.url, rel: "noopener noreferrer nofollow" }, "original"));
  }
  if (outlets.length > 1) {
    $("story-outlets").append(el("p", { class: "outlets" }, "Published by " + outlets.length + " outlets: " + outlets.map((o) => o.source).join(", ")));
  }
  renderAnnotated($("story-body"), d);
  renderSide($("story-side"), d);
}

function renderAnnotated(box, d) {
  const cps = Array.from(d.body || "");
  const anns = [];
  const add = (span, kind, label) => {
    if (!Array.isArray(span) || span.length !== 2) return;
    const s = Math.max(0, Math.min(cps.length, span[0] | 0)), e = Math.max(0, Math.min(cps.length, span[1] | 0));
    if (s < e) anns.push({ s, e, kind, label });
  };
  for (const en of d.entities || []) for (const sp of en.spans || []) add(sp, "entity", en.name + " (" + en.type + ")");
  for (const pl of d.places || []) for (const sp of pl.spans || []) add(sp, "place", pl.name + (pl.country_code ? ", " + pl.country_code : ""));
  for (const q of d.quotes || []) add(q.span, "quote", "Quote" + (q.speaker ? " by " + q.speaker.name : ""));
  const cuts = new Set([0, cps.length]);
  for (const a of anns) { cuts.add(a.s); cuts.add(a.e); }
  const points = [...cuts].sort((a, b) => a - b);
  box.textContent = "";
  for (let i = 0; i + 1 < points.length; i++) {
    const s = points[i], e = points[i + 1];
    const text = cps.slice(s, e).join("");
    const on = anns.filter((a) => a.s <= s && a.e >= e);
    if (!on.length) { box.append(document.createTextNode(text)); continue; }
    const kinds = [...new Set(on.map((a) => a.kind))];
    const title = [...new Set(on.map((a) => a.label))].join("; ");
    box.append(el("span", { class: "ann " + kinds.map((k) => "ann-" + k).join(" "), title, "data-kinds": kinds.join(" ") }, text));
  }
}

function renderSide(box, d) {
  const list = (title, items, render) => {
    if (!items || !items.length) return;
    box.append(el("h2", {}, title), el("ul", {}, ...items.map((x) => el("li", {}, ...render(x)))));
  };
  const searchLink = (key, value, text) => el("a", { href: "/?" + new URLSearchParams([[key, value]]).toString() }, text);
  list("Entities", d.entities, (e) => [searchLink("entity", e.id, e.name), " " + e.type + (e.mentions > 1 ? " ×" + e.mentions : "")]);
  list("Places", d.places, (p) => [searchLink("place", p.id, p.name), p.country_code ? " " + p.country_code : ""]);
  list("Stances", d.stances, (s) => [s.holder.name + " " + (s.polarity === "support" ? "supports" : "opposes") + " " + s.target.name,
    s.cue ? el("span", { class: "hint" }, " (“" + s.cue + "”)") : ""]);
  if (d.quotes && d.quotes.length) {
    box.append(el("h2", {}, "Quotes"));
    for (const q of d.quotes) box.append(el("blockquote", {}, q.text, el("br", {}), el("span", { class: "hint" }, "— " + (q.speaker ? q.speaker.name : "unattributed"))));
  }
}
