// dom.js — DOM building, formatting and safe insertion of highlight HTML (part
// of the warwire search UI; see app.js).

// Every piece of text from the index goes into the page as a text node
// (textContent); the only HTML taken from the server are highlight fragments,
// which the server builds by escaping everything and adding <mark> tags, and
// which setSafeHTML re-parses inertly, keeping only text and <mark>.

export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return e;
}

const SVG = "http://www.w3.org/2000/svg";

export function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else if (k === "text") e.textContent = v;
    else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c) e.append(c);
  return e;
}

export const $ = (id) => document.getElementById(id);
export const fmtDate = (s) => (s ? new Date(s).toISOString().slice(0, 10) : "");
export const fmtNum = (n) => Number(n).toLocaleString("en");

export function setSafeHTML(target, html) {
  const doc = new DOMParser().parseFromString("<body>" + html, "text/html");
  const walk = (from, to) => {
    for (const n of Array.from(from.childNodes)) {
      if (n.nodeType === Node.TEXT_NODE) to.append(document.createTextNode(n.nodeValue));
      else if (n.nodeType === Node.ELEMENT_NODE) {
        const dst = n.nodeName === "MARK" ? to.appendChild(document.createElement("mark")) : to;
        walk(n, dst);
      }
    }
  };
  target.textContent = "";
  walk(doc.body, target);
}

export function displayNames(type) {
  try {
    const dn = new Intl.DisplayNames(["en"], { type });
    return (code) => { try { return dn.of(code) || code; } catch (e) { return code; } };
  } catch (e) {
    return (code) => code;
  }
}
