// The map: country outlines from the world-atlas package (no tiles, nothing fetched from
// outside), one circle per located event, area by fatalities, colour by type.
/* global L, topojson */
import { colourOf, el } from "./dom.js";

let map = null;
let markers = null;
let byId = new Map();
let selected = null;

export async function initMap(container) {
  map = L.map(container, { worldCopyJump: true, minZoom: 1, maxZoom: 12, attributionControl: true })
    .setView([25, 20], 2);
  map.attributionControl.setPrefix(false).addAttribution("Outlines: Natural Earth via world-atlas");
  const world = await (await fetch("/vendor/countries-50m.json")).json();
  L.geoJSON(topojson.feature(world, world.objects.countries), {
    interactive: false,
    style: { color: "#8a96a3", weight: 0.6, fillColor: "#f3f1ea", fillOpacity: 1 },
  }).addTo(map);
  markers = L.featureGroup().addTo(map);
  return map;
}

export function radius(fatalities) {
  return 4 + 2.5 * Math.sqrt(Math.max(0, Number(fatalities) || 0));
}

export function showMarkers(collection, onOpen) {
  markers.clearLayers();
  byId = new Map();
  selected = null;
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: radius(p.fatalities_best), color: "#222", weight: 1, fillOpacity: 0.75,
      fillColor: colourOf(p.event_type), className: `event-marker type-${p.event_type}`,
    });
    const summary = `${p.date_start || "undated"} ${p.event_type}${p.mode ? "/" + p.mode : ""}` +
      ` at ${p.location_name || "?"}${p.fatalities_best ? `, ${p.fatalities_best} killed` : ""}`;
    // Leaflet writes a string tooltip as HTML; a DOM node keeps the place name as text.
    marker.bindTooltip(el("span", { text: summary }));
    marker.on("click", () => onOpen(feature.id));
    markers.addLayer(marker);
    byId.set(feature.id, marker);
  }
  if (markers.getLayers().length) map.fitBounds(markers.getBounds().pad(0.3), { maxZoom: 7 });
  return markers.getLayers().length;
}

// Outline the open event's marker (when it is on the map).
export function selectMarker(id) {
  if (selected) selected.setStyle({ weight: 1, color: "#222" });
  selected = byId.get(id) || null;
  if (selected) selected.setStyle({ weight: 4, color: "#000" }).bringToFront();
}
