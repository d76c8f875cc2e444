/* basemap.js: the user's own basemap (File → Open basemap…), a raster tile archive served by the
 * atlas itself (atlastiles://, gis_app/ui/tile_scheme.py), drawn under everything else.
 *
 * applyState key `basemap`: null (none) or {url, opacity, visible, minzoom, maxzoom, bounds}; the url
 * must be the atlas's own scheme (nothing else is loaded). atlas.basemapPending() is the number of
 * tiles still loading, for an export to wait on.
 */
(function () {
  "use strict";
  var atlas = window.atlas;
  if (!atlas) return;
  var PANE = "atlas-basemap", PANE_Z = 150;   // under Leaflet's tile pane (200) and every layer (400+)
  var OWN = /^atlastiles:\/\/basemap\/\{z\}\/\{x\}\/\{y\}\?v=\d{1,9}$/;
  var state = { layer: null, key: "", loading: 0 };

  function num(v, low, high, fallback) {
    return typeof v === "number" && isFinite(v) ? Math.max(low, Math.min(high, v)) : fallback;
  }

  function drop() {
    if (state.layer && atlas.map) atlas.map.removeLayer(state.layer);
    state.layer = null; state.key = ""; state.loading = 0;
    shown(false);
  }

  function createPane(map) {
    var pane = map.createPane(PANE);
    pane.style.zIndex = String(PANE_Z);
    pane.classList.add("atlas-basemap");
    // No fade-in: a print right after the tiles loaded would catch them half transparent (the
    // layer's own opacity is on the pane's container, so this does not change it).
    var css = document.createElement("style");
    css.textContent = ".atlas-basemap img.leaflet-tile { opacity: 1 !important; transition: none !important; }" +
      // while the user's basemap is shown, the shipped relief (opaque, drawn with Countries) steps aside
      " .atlas-basemap-shown .atlas-relief-pane { display: none !important; }";
    document.head.appendChild(css);
  }

  atlas.applyBasemap = function (b) {
    var map = atlas.map;
    if (!map) return;
    if (!b || typeof b.url !== "string" || !OWN.test(b.url)) { drop(); return; }
    if (!map.getPane(PANE)) createPane(map);
    var maxNative = Math.round(num(b.maxzoom, 0, 24, 18)), minNative = Math.round(num(b.minzoom, 0, 24, 0));
    var key = b.url + "|" + minNative + "|" + maxNative;
    if (key !== state.key) {
      drop();
      var options = { pane: PANE, minNativeZoom: minNative, maxNativeZoom: maxNative, maxZoom: 22,
                      keepBuffer: 1, updateWhenIdle: false, crossOrigin: false };
      var bb = b.bounds;
      if (Array.isArray(bb) && bb.length === 4 && bb.every(function (v) { return typeof v === "number" && isFinite(v); }))
        options.bounds = L.latLngBounds([bb[1], bb[0]], [bb[3], bb[2]]);
      var layer = L.tileLayer(b.url, options);
      layer.on("tileloadstart", function () { state.loading++; });
      layer.on("tileload tileerror", function () { state.loading = Math.max(0, state.loading - 1); });
      layer.on("load", function () { state.loading = 0; });
      state.layer = layer; state.key = key;
    }
    state.layer.setOpacity(num(b.opacity, 0, 1, 1));
    if (b.visible === false) { if (map.hasLayer(state.layer)) map.removeLayer(state.layer); }
    else if (!map.hasLayer(state.layer)) state.layer.addTo(map);
    shown(map.hasLayer(state.layer));
  };

  function shown(on) {
    if (atlas.map) atlas.map.getContainer().classList.toggle("atlas-basemap-shown", !!on);
  }

  atlas.basemapPending = function () {
    return state.layer && atlas.map && atlas.map.hasLayer(state.layer) ? state.loading : 0;
  };

  var apply = atlas.applyState;
  atlas.applyState = function (d) {
    var r = apply(d);
    if (d && "basemap" in d) atlas.applyBasemap(d.basemap);
    return r;
  };
})();
