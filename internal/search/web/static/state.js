// state.js — the query in the URL, navigation and the API client (part of
// the warwire search UI; see app.js).

import { $ } from "./dom.js";

export const FILTERS = ["entity", "entity_mode", "entity_type", "place", "country", "admin1", "bbox", "near", "distance",
  "stance", "speaker", "source", "lang", "from", "to", "withdrawn"];

export const FILTER_LABELS = {
  entity: "Entity", entity_type: "Entity type", place: "Place", country: "Country", admin1: "Region",
  bbox: "Area", near: "Near", distance: "Within", stance: "Stance", speaker: "Speaker", source: "Source",
  lang: "Language", from: "From", to: "To", withdrawn: "Withdrawn", entity_mode: "Entities must match",
};

let router = () => {};

// setRouter registers the function that renders the page for the current URL.
export function setRouter(fn) { router = fn; }

// goTo pushes a new URL (with optional history state) and renders it.
export function goTo(url, st) {
  history.pushState(st || null, "", url);
  router();
}

// currentParams is the query of the page's URL.
export function currentParams() { return new URLSearchParams(location.search); }

export function navigate(params, replace) {
  const qs = params.toString();
  const url = "/" + (qs ? "?" + qs : "");
  if (replace) history.replaceState(null, "", url); else history.pushState(null, "", url);
  router();
}

export function withValue(params, key, value, single) {
  const p = new URLSearchParams(params);
  if (single) p.set(key, value);
  else if (!p.getAll(key).includes(value)) p.append(key, value);
  p.delete("cursor");
  return p;
}

export function withoutValue(params, key, value) {
  const p = new URLSearchParams();
  for (const [k, v] of params) if (!(k === key && (value === undefined || v === value))) p.append(k, v);
  return p;
}

export function sorted(p) {
  const out = new URLSearchParams();
  const keys = [...new Set([...p.keys()])].sort();
  for (const k of keys) for (const v of p.getAll(k)) out.append(k, v);
  return out;
}

export function apiParams(p, keys) {
  const out = new URLSearchParams();
  for (const [k, v] of p) if (keys.includes(k)) out.append(k, v);
  return out;
}

export async function api(path, params) {
  const url = path + (params && [...params].length ? "?" + params.toString() : "");
  const headers = { Accept: "application/json" };
  const token = sessionStorage.getItem("warwire-token");
  if (token) headers.Authorization = "Bearer " + token;
  let res;
  try {
    res = await fetch(url, { headers });
  } catch (e) {
    throw { status: 0, message: "The server cannot be reached. Check your connection and try again." };
  }
  let body = null;
  try { body = await res.json(); } catch (e) { body = null; }
  if (!res.ok) {
    const err = (body && body.error) || { message: "The server answered " + res.status + "." };
    if (res.status === 401) askToken();
    throw { status: res.status, message: err.message, parameter: err.parameter };
  }
  return body;
}

export function askToken() {
  const box = $("token-box");
  box.hidden = false;
  $("token").focus();
}
