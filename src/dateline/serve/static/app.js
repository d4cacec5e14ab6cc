// dateline pages: charts, the article reader's record panel, and reader corrections.
// Everything is written with textContent / createElement: record data is never parsed as HTML.
"use strict";

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key === "class") node.className = value;
    else node.setAttribute(key, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return node;
}

function jsonFrom(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

function drawCharts() {
  if (typeof Plotly === "undefined") return;
  for (const chart of document.querySelectorAll(".chart[data-figure]")) {
    const figure = jsonFrom(chart.dataset.figure);
    if (figure) Plotly.newPlot(chart, figure.data, figure.layout, {displaylogo: false, responsive: true});
  }
}

// ------------------------------------------------------------------ reader

const records = jsonFrom("records-data") || {};

function spanList(record) {
  return record.spans.map((s) => `[${s.start}, ${s.end}) “${s.text}”`).join("; ");
}

function speakerOf(record) {
  const who = record.kind === "claim" ? record.claimant : record.speaker;
  if (!who) return null;
  return who.entity || who.description || who.text;
}

function fieldRows(record) {
  const rows = [];
  const add = (name, value) => {
    if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return;
    const shown = Array.isArray(value) ? value.join(name === "via" ? " → " : ", ") : String(value);
    rows.push(el("tr", {}, el("th", {}, name), el("td", {}, shown)));
  };
  switch (record.kind) {
    case "statement":
      add("cue", record.cue); add("kind", record.statement_kind); add("content", record.content);
      add("via", record.via); add("date", record.date); break;
    case "claim":
      add("value", record.value_max !== null ? `${record.value}–${record.value_max}` : String(record.value));
      add("unit", record.unit); add("predicate", record.predicate); add("approx", record.approx ? "yes" : null);
      add("part of", record.part_of); break;
    case "entity":
      add("name", record.name); add("type", record.type); add("aliases", record.aliases);
      add("roles", record.roles.map((r) => [r.title, r.of && `of ${r.of}`, r.to && `to ${r.to}`].filter(Boolean).join(" ")));
      break;
    case "event":
      add("trigger", record.trigger); add("type", record.type); add("mode", record.mode);
      add("actors", record.actors.map((a) => a.entity || a.text)); add("targets", record.targets.map((a) => a.entity || a.text));
      add("place", record.place); add("date", record.date); add("negated", record.negated ? "yes" : null); break;
    case "time":
      add("value", record.value); add("kind", record.time_kind); add("anchor", record.anchor);
      add("anniversary of", record.anniversary_of); break;
    case "place":
      add("name", record.name); add("country", record.country); add("GeoNames", record.geonames_id);
      add("lat, lon", record.lat !== null ? `${record.lat}, ${record.lon}` : null); break;
  }
  return rows;
}

function attribution(record) {
  const who = speakerOf(record);
  if (record.kind === "statement" || record.kind === "claim") {
    const name = who || "the outlet";
    const link = record.speaker_entity ? el("a", {href: `/entities/${record.speaker_entity}`, class: "speaker-link"}, name) : el("b", {}, name);
    return el("p", {class: "according"}, "According to ", link);
  }
  if (record.kind === "event") {
    return el("p", {class: "according"}, record.attributed_speaker ? "Reported in a statement by " : "Reported in the outlet's own voice",
      record.attributed_speaker ? el("b", {}, record.attributed_speaker) : null);
  }
  if (record.kind === "entity" && record.entity_link) {
    return el("p", {}, el("a", {href: `/entities/${record.entity_link}`, class: "entity-link"}, "Entity page →"));
  }
  return null;
}

function correctionList(record) {
  if (!record.corrections.length) return null;
  return el("ul", {class: "corrections"}, ...record.corrections.map((c) =>
    el("li", {}, `Reader: ${c.action}${c.value ? " → " + c.value : ""}${c.note ? " (" + c.note + ")" : ""}`)));
}

async function sendCorrection(record, action, value, status) {
  const token = (document.getElementById("token") || {}).value || "";
  status.textContent = "saving…";
  const response = await fetch("/api/corrections", {
    method: "POST",
    headers: {"Content-Type": "application/json", "Authorization": `Bearer ${token}`},
    body: JSON.stringify({record_id: record.id, action: action, value: value || null}),
  });
  const body = await response.json();
  if (!response.ok) {
    status.textContent = `not saved: ${typeof body.detail === "string" ? body.detail : JSON.stringify(body.detail)}`;
    return;
  }
  if (!record.corrections.some((c) => c.id === body.id)) record.corrections.push(body);
  for (const node of document.querySelectorAll(`[data-id="${record.id}"], .hl`)) {
    if (node.dataset.id === record.id || (node.dataset.ids || "").split(" ").includes(record.id)) node.classList.add("corrected");
  }
  showRecord(record.id);
  document.getElementById("review-status").textContent = "saved";
}

function reviewForm(record) {
  if (document.body.dataset.writable !== "yes") return null;
  const status = el("span", {id: "review-status", class: "status"});
  const wrong = el("button", {type: "button", id: "mark-wrong"}, "Mark wrong");
  const right = el("button", {type: "button", id: "mark-correct"}, "Mark correct");
  wrong.addEventListener("click", () => sendCorrection(record, "wrong", null, status));
  right.addEventListener("click", () => sendCorrection(record, "correct", null, status));
  const form = el("div", {class: "review"}, wrong, " ", right);
  if (record.kind === "statement" || record.kind === "claim") {
    const input = el("input", {id: "speaker-fix", maxlength: "200", placeholder: "right speaker"});
    const fix = el("button", {type: "button", id: "fix-speaker"}, "Correct speaker");
    fix.addEventListener("click", () => sendCorrection(record, "speaker", input.value, status));
    form.append(el("div", {}, input, " ", fix));
  }
  form.append(status);
  return form;
}

function showRecord(id, others) {
  const record = records[id];
  const panel = document.getElementById("record-panel");
  if (!record || !panel) return;
  panel.replaceChildren(...[
    el("h2", {class: `k-${record.kind}`}, `${record.kind}: ${record.label}`),
    attribution(record),
    el("table", {class: "fields"}, ...fieldRows(record)),
    el("p", {class: "provenance"}, "Extractor ", el("code", {id: "record-extractor"}, record.extractor),
      ", spans ", el("span", {id: "record-spans"}, spanList(record))),
    el("p", {class: "provenance"}, "Record ", el("a", {href: `/api/records/${record.id}`}, record.id)),
    correctionList(record),
    reviewForm(record),
  ].filter(Boolean));
  if (others && others.length > 1) {
    panel.append(el("p", {class: "also"}, "Also here: ", ...others.filter((o) => o !== id).map((o) => {
      const link = el("a", {href: "#", class: `k-${records[o].kind}`, "data-record": o}, `${records[o].kind}: ${records[o].label}`);
      link.addEventListener("click", (event) => { event.preventDefault(); showRecord(o, others); });
      return el("span", {}, link, " ");
    })));
  }
  for (const node of document.querySelectorAll(".hl.selected")) node.classList.remove("selected");
  for (const node of document.querySelectorAll(".hl")) {
    if (node.dataset.ids.split(" ").includes(id)) node.classList.add("selected");
  }
}

function visibleIds(node) {
  const hidden = new Set([...document.querySelectorAll("[data-toggle]")].filter((b) => !b.checked).map((b) => b.dataset.toggle));
  return node.dataset.ids.split(" ").filter((id) => records[id] && !hidden.has(records[id].kind));
}

function setUpReader() {
  const text = document.getElementById("article-text");
  if (!text) return;
  const open = (node) => {
    const ids = visibleIds(node);
    if (ids.length) showRecord(ids[0], ids);
  };
  text.addEventListener("click", (event) => {
    const node = event.target.closest(".hl");
    if (node) open(node);
  });
  text.addEventListener("keydown", (event) => {
    const node = event.target.closest(".hl");
    if (node && event.key === "Enter") open(node);
  });
  for (const link of document.querySelectorAll(".record-link")) {
    link.addEventListener("click", (event) => { event.preventDefault(); showRecord(link.dataset.id); });
  }
  for (const box of document.querySelectorAll("[data-toggle]")) {
    box.addEventListener("change", () => text.classList.toggle(`hide-${box.dataset.toggle}`, !box.checked));
  }
  if (location.hash.length > 1 && records[location.hash.slice(1)]) showRecord(location.hash.slice(1));
}

document.addEventListener("DOMContentLoaded", () => {
  drawCharts();
  setUpReader();
});
