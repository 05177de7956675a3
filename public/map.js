// Optional tile map on /programm/karte: only loaded when the operator configured MAP_TILE_URL.
// Reads the tile server and the places from the page's JSON data block and draws them with Leaflet
// (served from our own origin). Without JavaScript the SVG map and the lists above stay as they are.
(() => {
  const section = document.querySelector(".tile-map-section");
  const container = document.getElementById("tile-map");
  const block = document.getElementById("tile-map-data");
  const L = window.L;
  if (!section || !container || !block || !L) return;

  let data;
  try {
    data = JSON.parse(block.textContent || "{}");
  } catch {
    return;
  }
  if (typeof data.tileUrl !== "string") return;

  const text = (value) => String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

  section.hidden = false;
  const map = L.map(container, { scrollWheelZoom: false, attributionControl: true });
  map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  L.tileLayer(data.tileUrl, { maxZoom: 18, attribution: text(data.attribution || "") }).addTo(map);
  // Germany's extent: the programme's places, whatever the filter.
  map.fitBounds([
    [47.2, 5.8],
    [55.1, 15.1],
  ]);
  for (const m of data.markers || []) {
    if (typeof m.lat !== "number" || typeof m.lon !== "number") continue;
    const radius = Math.min(14, 4 + 1.6 * Math.sqrt(Math.max(0, (m.count || 1) - 1)));
    L.circleMarker([m.lat, m.lon], { radius, color: "#ffffff", weight: 1, fillColor: "#b3261e", fillOpacity: 0.85 })
      .bindPopup(`<a href="${text(m.href)}">${text(m.label)}</a>`)
      .bindTooltip(text(m.label))
      .addTo(map);
  }
})();
