/* basemap.js: the user's own basemap (File → Open basemap…), a raster tile archive served by the
 * atlas itself (atlastiles://, gis_app/ui/tile_scheme.py), drawn under everything else.
 *
 * applyState key `basemap`: null (none) or {url, opacity, visible, minzoom, maxzoom, bounds, vector?};
 * the url must be the atlas's own scheme (nothing else is loaded). With `vector` ({schema, layers})
 * the tiles are MVT: the vendored renderer and basemap_vector.js are loaded then, not before (start-up
 * unchanged). atlas.basemapPending() is the number of tiles still loading or being drawn, for an
 * export to wait on.
 */
(function () {
  "use strict";
  var atlas = window.atlas;
  if (!atlas) return;
  var PANE = "atlas-basemap", PANE_Z = 150;   // under Leaflet's tile pane (200) and every layer (400+)
  var OWN = /^atlastiles:\/\/basemap\/\{z\}\/\{x\}\/\{y\}\?v=\d{1,9}$/;
  var state = { layer: null, key: "", loading: 0, scripts: 0, failed: false };
  var HERE = document.currentScript ? document.currentScript.src : "";
  var VECTOR_SCRIPTS = ["vendor/protomaps-leaflet/protomaps-leaflet.js", "basemap_vector.js"];
  var waiting = [];

  // The vector renderer, loaded once on first use (in order: the library, then our style).
  function withVector(then) {
    if (atlas.vectorBasemapLayer) { then(); return; }
    waiting.push(then);
    if (state.scripts) return;
    state.scripts = 1;
    (function next(i) {
      if (i === VECTOR_SCRIPTS.length) {
        state.scripts = 2;
        var run = waiting; waiting = [];
        run.forEach(function (f) { f(); });
        return;
      }
      var s = document.createElement("script");
      s.src = new URL(VECTOR_SCRIPTS[i], HERE).href;
      s.onload = function () { next(i + 1); };
      s.onerror = function () { state.scripts = 2; state.failed = true; waiting = []; };
      document.head.appendChild(s);
    })(0);
  }

  function num(v, low, high, fallback) {
    return typeof v === "number" && isFinite(v) ? Math.max(low, Math.min(high, v)) : fallback;
  }

  function drop() {
    if (state.layer && atlas.map) atlas.map.removeLayer(state.layer);
    state.layer = null; state.key = ""; state.loading = 0; state.want = null;
    shown(false);
  }

  function createPane(map) {
    var pane = map.createPane(PANE);
    pane.style.zIndex = String(PANE_Z);
    pane.classList.add("atlas-basemap");
    // No fade-in: a print right after the tiles loaded would catch them half transparent (the
    // layer's own opacity is on the pane's container, so this does not change it).
    var css = document.createElement("style");
    css.textContent = ".atlas-basemap .leaflet-tile { opacity: 1 !important; transition: none !important; }" +
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
    var key = b.url + "|" + minNative + "|" + maxNative + (b.vector ? "|vector" : "");
    if (b.vector && key !== state.key) {
      drop();
      state.key = key; state.want = b;
      if (!state.failed) withVector(function () {
        if (state.key === key && !state.layer) { state.layer = vectorLayer(state.want, minNative, maxNative); atlas.applyBasemap(state.want); }
      });
      return;
    }
    if (b.vector) {
      state.want = b;
      if (!state.layer) return;      // still loading the renderer: applied once it is in
    } else if (key !== state.key) {
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

  function vectorLayer(b, minNative, maxNative) {
    // no native zooms for Leaflet: the renderer over-zooms the deepest tiles itself (maxDataZoom)
    var options = { pane: PANE, maxZoom: 22, keepBuffer: 1, updateWhenIdle: false };
    var bb = b.bounds;
    if (Array.isArray(bb) && bb.length === 4 && bb.every(function (v) { return typeof v === "number" && isFinite(v); }))
      options.bounds = L.latLngBounds([bb[1], bb[0]], [bb[3], bb[2]]);
    var v = b.vector || {};
    return atlas.vectorBasemapLayer(b.url, options, { schema: String(v.schema || ""),
                                                      layers: Array.isArray(v.layers) ? v.layers.slice(0, 200) : [],
                                                      minzoom: minNative, maxzoom: maxNative });
  }

  atlas.basemapSchema = function () { return state.layer && state.layer.atlasSchema || ""; };

  function shown(on) {
    if (atlas.map) atlas.map.getContainer().classList.toggle("atlas-basemap-shown", !!on);
  }

  atlas.basemapPending = function () {
    if (state.scripts === 1) return 1;                       // the vector renderer is loading
    if (!state.layer || !atlas.map || !atlas.map.hasLayer(state.layer)) return 0;
    return state.loading + (state.layer.atlasPending ? state.layer.atlasPending() : 0);
  };

  // the names on a vector basemap follow the reader's language, and leave to the atlas the names
  // it draws itself (labels.js: the set changes with the zoom and the layers shown)
  function relabel() { if (state.layer && state.layer.atlasRelabel) state.layer.atlasRelabel(); }
  var init = atlas.init;
  atlas.init = function (map) {
    var r = init.apply(this, arguments);
    map.on("atlasnameschange", relabel);
    return r;
  };
  var setLang = atlas.setLang;
  atlas.setLang = function (lang) {
    var r = setLang.apply(this, arguments);
    relabel();
    return r;
  };

  var apply = atlas.applyState;
  atlas.applyState = function (d) {
    var r = apply(d);
    if (d && "basemap" in d) atlas.applyBasemap(d.basemap);
    return r;
  };
})();
