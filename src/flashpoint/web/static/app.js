// The page: filter bar -> URL -> map, timeline, table, chains and the event view.
import { colourOf, el, kind, killed, when, where, who } from "./dom.js";
import { initMap, selectMarker, showMarkers } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { renderChains, renderEvent } from "./eventview.js";
import { FILTERS, api, filterQuery, readState, stateUrl } from "./state.js";

const $ = (sel) => document.querySelector(sel);
const form = $("#filters");
let state = readState();
let nextCursor = null;
const MAP_LIMIT = 2000;  // markers drawn at most; the table pages through all

function status(text) { $("#status").textContent = text; }

function fillForm() {
  for (const name of FILTERS) form.elements[name].value = state[name];
  for (const option of form.elements.type.options) option.selected = state.types.includes(option.value);
}

function formState() {
  const s = { ...state, event: "" };
  for (const name of FILTERS) s[name] = form.elements[name].value.trim();
  s.types = [...form.elements.type.selectedOptions].map((o) => o.value);
  return s;
}

function go(next, push = true) {
  state = next;
  if (push) history.pushState(null, "", stateUrl(state));
  return render();
}

function row(e) {
  return el("tr", {},
    el("td", { text: when(e) }), el("td", { text: kind(e) }), el("td", { text: who(e) }),
    el("td", { text: where(e) }), el("td", { text: killed(e) }),
    el("td", {}, el("a", { href: `?event=${encodeURIComponent(e.id)}`, "data-event": e.id,
                            onclick: (ev) => { ev.preventDefault(); openEvent(e.id); } },
                     `${e.sources.length} · open`)));
}

async function loadTable(more) {
  const q = filterQuery(state);
  q.set("limit", "100");
  if (more && nextCursor) q.set("cursor", nextCursor);
  const page = await api("/api/events", q);
  const body = $("#events-table tbody");
  if (!more) body.replaceChildren();
  body.append(...page.events.map(row));
  nextCursor = page.next;
  $("#more").hidden = !nextCursor;
  return page.total;
}

async function loadEvents() {
  const q = filterQuery(state);
  const onMap = new URLSearchParams(q);
  onMap.set("limit", String(MAP_LIMIT));
  const [geo, counts, total] = await Promise.all([
    api("/api/events.geojson", onMap), api("/api/counts", q), loadTable(false)]);
  const shown = showMarkers(geo, openEvent);
  drawLegend(counts.types);
  drawTimeline($("#timeline"), counts, (day) => go({ ...state, since: day, until: day, event: "" }));
  const capped = geo.features.length >= MAP_LIMIT ? ` (the first ${MAP_LIMIT} in date order)` : "";
  status(`${total} events match; ${shown} on the map${capped}`);
}

function drawLegend(types) {
  const entries = Object.entries(types).sort((a, b) => b[1] - a[1]).map(([type, n]) => {
    const item = el("span", { class: "legend-type", text: `${type} ${n}` });
    item.style.setProperty("--c", colourOf(type));
    return item;
  });
  $("#legend").replaceChildren(...entries, el("em", { text: "circle area grows with the dead" }));
}

async function loadChains() {
  renderChains($("#chains-view"), await api("/api/chains", filterQuery(state)), openEvent);
}

function openEvent(id) { return go({ ...state, event: id }); }

function closeEvent() {
  const id = state.event;
  go({ ...state, event: "" }).then(() => document.querySelector(`[data-event="${CSS.escape(id)}"]`)?.focus());
}

async function render() {
  delete document.body.dataset.ready;  // set again when this view has finished drawing
  fillForm();
  $("#events-view").hidden = state.view !== "events";
  $("#chains-view").hidden = state.view !== "chains";
  for (const tab of document.querySelectorAll("nav a")) {
    tab.setAttribute("href", stateUrl({ ...state, view: tab.dataset.view, event: "" }));
    if (tab.dataset.view === state.view) tab.setAttribute("aria-current", "page");
    else tab.removeAttribute("aria-current");
  }
  try {
    await (state.view === "chains" ? loadChains() : loadEvents());
    selectMarker(state.event);
    if (state.event) renderEvent($("#event-view"), await api(`/api/events/${encodeURIComponent(state.event)}`), openEvent, closeEvent);
    else $("#event-view").hidden = true;
    document.body.dataset.ready = "1";
  } catch (err) {
    status(`Error: ${err.message}`);
  }
}

async function start() {
  const [info] = await Promise.all([api("/api/store"), initMap($("#map"))]);
  form.elements.type.replaceChildren(...info.types.map((t) => el("option", { value: t, text: t })));
  form.addEventListener("submit", (ev) => { ev.preventDefault(); go(formState()); });
  $("#clear").addEventListener("click", () => go({ ...readState(""), view: state.view }));
  $("#more").addEventListener("click", () => loadTable(true));
  for (const tab of document.querySelectorAll("nav a")) {
    tab.addEventListener("click", (ev) => { ev.preventDefault(); go({ ...state, view: tab.dataset.view, event: "" }); });
  }
  window.addEventListener("popstate", () => go(readState(), false));
  document.addEventListener("keydown", (ev) => {
    const typing = ["INPUT", "SELECT", "TEXTAREA"].includes(document.activeElement.tagName);
    if (ev.key === "/" && !typing) { ev.preventDefault(); form.elements.text.focus(); }
    if (ev.key === "Escape" && state.event) closeEvent();
  });
  await render();
}

start().catch((err) => status(`Error: ${err.message}`));
