// Dyad's web UI: the filter form, the timeline and the network, drawn as plain SVG.
// The pages carry their data as JSON (script#timeline-data, script#network-data); this
// script only draws it, so every view is a plain URL that can be shared.
"use strict";

const SVG = "http://www.w3.org/2000/svg";
const DAY = 86400000;

function el(name, attrs, parent) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (parent) parent.appendChild(node);
  return node;
}

function data(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

// Empty filter fields are left out of the URL, so a shared link says only what matters.
const form = document.getElementById("filters");
if (form) {
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params.set(k, String(v).trim());
    const query = params.toString();
    window.location.assign(query ? "/?" + query : "/");
  });
}

function ticks(t0, t1) {
  // Days for a few weeks, months for a few years, years beyond.
  const out = [];
  const span = (t1 - t0) / DAY;
  const d = new Date(t0);
  if (span <= 45) {
    const step = Math.max(1, Math.ceil(span / 10));
    for (let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()); t <= t1; t += step * DAY) {
      out.push([t, new Date(t).toISOString().slice(0, 10)]);
    }
  } else if (span <= 3 * 366) {
    const step = Math.max(1, Math.ceil(span / 30 / 12));
    for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); Date.UTC(y, m, 1) <= t1; m += step) {
      const t = Date.UTC(y, m, 1);
      if (t >= t0) out.push([t, new Date(t).toISOString().slice(0, 7)]);
    }
  } else {
    const step = Math.max(1, Math.ceil(span / 366 / 12));
    for (let y = d.getUTCFullYear(); Date.UTC(y, 0, 1) <= t1; y += step) {
      const t = Date.UTC(y, 0, 1);
      if (t >= t0) out.push([t, String(y)]);
    }
  }
  return out;
}

function drawTimeline(svg, events) {
  const width = svg.clientWidth || 900;
  const left = 150, right = 20, top = 10, lane = 38;
  const height = top + 4 * lane + 28;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.style.height = height + "px";
  const names = ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"];
  for (let q = 0; q < 4; q++) {
    const g = el("g", { class: "lane" }, svg);
    const y = top + q * lane + lane / 2;
    el("line", { x1: left, x2: width - right, y1: y, y2: y }, g);
    el("text", { x: 6, y: y + 4 }, g).textContent = names[q];
  }
  if (!events.length) {
    el("text", { x: left, y: top + 2 * lane, class: "dim" }, svg).textContent = "no dated events";
    return;
  }
  const times = events.map((e) => Date.parse(e.start));
  let t0 = Math.min(...times), t1 = Math.max(...events.map((e) => Date.parse(e.end || e.start)));
  t0 -= DAY; t1 += DAY;
  const x = (t) => left + ((t - t0) / (t1 - t0)) * (width - left - right);
  const axis = el("g", { class: "axis" }, svg);
  for (const [t, label] of ticks(t0, t1)) {
    el("line", { x1: x(t), x2: x(t), y1: top, y2: top + 4 * lane }, axis);
    if (x(t) + 7 * label.length < width) {  // no label cut off at the right edge
      el("text", { x: x(t) + 2, y: top + 4 * lane + 16 }, axis).textContent = label;
    }
  }
  const stacked = {};
  events.forEach((e, i) => {
    const key = e.start + "/" + e.quad;
    const k = (stacked[key] = (stacked[key] || 0) + 1) - 1;
    // Events on one day in one lane fan out around the lane's line instead of hiding
    // each other.
    const y = top + (e.quad - 1) * lane + lane / 2 + [0, -7, 7, -14, 14][k % 5];
    const nudge = Math.floor(k / 5) * 4;
    const cls = `quad-${e.quad} ${e.status}`;
    const a = el("a", {
      href: "/events/" + encodeURIComponent(e.id),
      class: "event",
      "data-id": e.id,
      "data-type": e.type,
      "data-status": e.status,
      "data-date": e.start,
      "data-label": e.label,
    }, svg);
    if (e.end && e.end !== e.start) {
      el("line", { x1: x(times[i]), x2: x(Date.parse(e.end)), y1: y, y2: y, class: "range " + cls }, a);
    }
    const dot = el("circle", { cx: x(times[i]) + nudge, cy: y, r: 6, class: cls }, a);
    el("title", {}, dot).textContent =
      `${e.start} ${e.type}${e.mode ? "/" + e.mode : ""} (${e.status}): ${e.label}`;
  });
}

function goldsteinColour(g) {
  // -10 red, 0 grey, +10 green, as the legend's gradient.
  const mix = (a, b, t) => a.map((v, i) => Math.round(v + (b[i] - v) * t));
  const red = [198, 40, 40], grey = [158, 158, 158], green = [46, 125, 50];
  const t = Math.max(-1, Math.min(1, g / 10));
  const c = t < 0 ? mix(grey, red, -t) : mix(grey, green, t);
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function drawNetwork(svg, net) {
  const width = svg.clientWidth || 900, height = 420;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!net.nodes.length) {
    el("text", { x: 20, y: 30 }, svg).textContent = "no two participants share an event";
    return;
  }
  // Nodes on a circle, heaviest first: readable for the few dozen nodes a filter leaves.
  const nodes = [...net.nodes].sort((a, b) => b.events - a.events || a.id.localeCompare(b.id));
  const r = Math.min(width, height) / 2 - 50;
  const cx = width / 2, cy = height / 2;
  const at = {};
  nodes.forEach((n, i) => {
    const angle = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
    at[n.id] = [cx + r * Math.cos(angle), cy + r * Math.sin(angle)];
  });
  const most = Math.max(...net.edges.map((e) => e.events));
  for (const e of net.edges) {
    const [x1, y1] = at[e.source], [x2, y2] = at[e.target];
    const href = net.by === "country" ? `/?dyad=${e.source}-${e.target}` : `/?actor=${encodeURIComponent(e.source)}`;
    const a = el("a", { href, class: "edge", "data-source": e.source, "data-target": e.target }, svg);
    const line = el("line", {
      x1, y1, x2, y2,
      stroke: goldsteinColour(e.goldstein_mean),
      "stroke-width": 1.5 + 8 * Math.sqrt(e.events / most),
      "stroke-opacity": 0.75,
      "stroke-linecap": "round",
    }, a);
    el("title", {}, line).textContent =
      `${e.source} – ${e.target}: ${e.events} events, mean Goldstein ${e.goldstein_mean.toFixed(2)}`;
  }
  const most_n = Math.max(...nodes.map((n) => n.events));
  for (const n of nodes) {
    const [x, y] = at[n.id];
    const href = net.by === "country" ? `/?country=${n.id}` : `/?actor=${encodeURIComponent(n.id)}`;
    const a = el("a", { href, class: "node", "data-id": n.id }, svg);
    el("circle", { cx: x, cy: y, r: 5 + 10 * Math.sqrt(n.events / most_n) }, a);
    const label = el("text", { x: x + (x >= cx ? 14 : -14), y: y + 4, "text-anchor": x >= cx ? "start" : "end" }, a);
    label.textContent = n.label;
  }
}

const timeline = document.getElementById("timeline");
if (timeline) drawTimeline(timeline, data("timeline-data") || []);
const network = document.getElementById("network");
if (network) drawNetwork(network, data("network-data") || { nodes: [], edges: [] });
