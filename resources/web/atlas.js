/* atlas.js: the atlas's registry of Leaflet layers, driven from Python.
 *
 * Python calls window.atlas.* through QWebEngine runJavaScript; the page calls Python only through
 * the one QWebChannel object "atlasBridge" (featureClicked, viewChanged, cursorMoved, pageReady,
 * layerError). Every attribute value is data: it reaches the DOM through textContent, never HTML.
 *
 * Each layer lives in its own pane, so order is the pane's z-index and opacity the pane's CSS
 * opacity: reordering or fading a layer touches no feature and never reloads the page.
 */
(function () {
  "use strict";

  var PANE_BASE = 400;           // Leaflet's overlay pane; our panes stack from here
  var HIGHLIGHT_PANE_Z = 640;    // above every layer, below tooltips (650) and popups (700)

  var atlas = {
    map: null,
    defs: {},          // id -> layer definition (from the catalog)
    layers: {},        // id -> L.GeoJSON, once loaded
    loading: {},       // id -> Promise of the L.GeoJSON
    visible: {},       // id -> what the user asked for
    order: [],         // ids, top first
    lang: "en",
    bridge: null,
    ready: false,
    selected: null,
    highlightLayer: null,
    errors: [],
    timingsMs: {}      // id -> ms to read, build, add; _layersDrawn, _ready (scripts/bench.py)
  };
  window.atlas = atlas;
  window.atlasReady = false;

  /* ---------- helpers ---------- */

  function pick(texts, lang) {
    if (!texts) return "";
    if (typeof texts === "string") return texts;
    var chain = { kk: ["kk", "ru", "en"], ru: ["ru", "en"], en: ["en"] }[lang] || ["en"];
    for (var i = 0; i < chain.length; i++) if (texts[chain[i]]) return texts[chain[i]];
    for (var k in texts) if (texts[k]) return texts[k];
    return "";
  }

  function featureName(props, lang) {
    return pick({ en: props.name, ru: props.name_ru, kk: props.name_kk }, lang);
  }

  // A value in the reader's language: `field`, `field_ru`, `field_kk` (layers/README.md), a country
  // code as the country's name, numbers as the locale writes them (the same rules as
  // gis_app.core.values.field_text).
  var NUMBER_SEPARATORS = { en: [",", "."], ru: ["\u00a0", ","], kk: ["\u00a0", ","] };
  function localNumber(value, lang, field) {
    if (/^year($|_)|_year$/.test(field || "")) return String(value);
    var sep = NUMBER_SEPARATORS[lang] || NUMBER_SEPARATORS.en;
    var parts = String(Math.abs(value)).split(".");
    var whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, sep[0]);
    return (value < 0 ? "-" : "") + whole + (parts.length > 1 ? sep[1] + parts[1] : "");
  }
  function fieldText(props, entry, lang) {
    var field = entry.field, shows = entry.shows || "text", v = props[field];
    if (v === undefined || v === null || v === "") return "";
    if (shows === "country" && typeof v === "string" && entry.names && entry.names[v]) return pick(entry.names[v], lang) || v;
    if (typeof v === "string") return shows === "text" ? pick({ en: v, ru: props[field + "_ru"], kk: props[field + "_kk"] }, lang) : v;
    if (typeof v === "number") return localNumber(v, lang, field);
    if (Array.isArray(v)) return v.join(", ");
    if (typeof v === "object") return JSON.stringify(v);
    return String(v);
  }

  atlas.fieldText = fieldText;  // for the test that holds it to gis_app.core.values.field_text

  function escapeHtml(text) {  // also for attribute values: quotes too
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
  }

  function call(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    if (atlas.bridge && typeof atlas.bridge[method] === "function") {
      atlas.bridge[method].apply(atlas.bridge, args);
    }
  }

  function loadJSON(url) {
    // XHR, not fetch: Chromium's fetch refuses file:// URLs.
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open("GET", url);
      xhr.onload = function () {
        if (xhr.status !== 0 && xhr.status !== 200) return reject(new Error("HTTP " + xhr.status));
        try { resolve(JSON.parse(xhr.responseText)); }
        catch (e) { reject(new Error("not valid JSON: " + e.message)); }
      };
      xhr.onerror = function () { reject(new Error("cannot read " + url)); };
      xhr.send();
    });
  }

  /* ---------- styles (the same rules as gis_app/core/style.py; tests/rules_cases.json) ---------- */

  var SYMBOLS = ["circle", "square", "triangle", "diamond", "star"];  // gis_app/core/catalog.py

  function classColor(spec, value) {
    // no data: not a number, nor text of one (a boolean or blank text is no number either)
    if (value === null || value === undefined || typeof value === "boolean" ||
        String(value).trim() === "" || !isFinite(Number(value))) {
      return spec.no_data || "#dddddd";
    }
    var v = Number(value), breaks = spec.breaks || [];
    for (var i = 0; i < breaks.length; i++) if (v < breaks[i]) return spec.colors[i];
    return spec.colors[breaks.length];
  }

  function resolvedStyle(def, props) {
    var base = def.style || {}, s = {}, k;
    for (k in base) if (k !== "categories" && k !== "choropleth") s[k] = base[k];
    var cat = base.categories;
    if (cat && cat.values) {
      var over = cat.values[String(props[cat.property])];
      if (over) for (k in over) s[k] = over[k];
    }
    if (base.choropleth) {
      // the analyst's own latest figure, where there is one (setFigureValues), else the stored value
      var mine = def.figures && Object.prototype.hasOwnProperty.call(def.figures, String(props.id));
      s.fill = classColor(base.choropleth, mine ? def.figures[String(props.id)] : props[base.choropleth.property]);
    }
    var user = def.override || {};   // a project's style overrides (setStyleOverride)
    for (k in user) s[k] = user[k];
    return s;
  }

  function pathOptions(def, props, geometryType) {
    var s = resolvedStyle(def, props);
    var isLine = def.geometry === "line" || /LineString$/.test(geometryType || "");
    return {
      pane: "atlas-" + def.id,
      stroke: !!s.stroke,
      color: s.stroke || "#000000",
      weight: s.weight === undefined ? 1 : s.weight,
      opacity: s.opacity === undefined ? 1 : s.opacity,
      fill: !isLine && !!s.fill,
      fillColor: s.fill || "#000000",
      fillOpacity: s.fill_opacity === undefined ? 0.5 : s.fill_opacity,
      dashArray: s.dash || null,
      interactive: def.interactive !== false,
      renderer: def.canvas ? userRenderer(def) : undefined,   // a big user layer: one canvas
      smoothFactor: def.canvas ? 2 : 1                         // and simplified more per zoom
    };
  }

  function symbolShape(s) {
    var shape = s.symbol || "circle";
    return SYMBOLS.indexOf(shape) >= 0 ? shape : "circle";
  }

  // The corners of a symbol of radius r around (cx, cy), clockwise from the top; [] for a circle.
  function symbolPoints(shape, cx, cy, r) {
    if (shape === "square") return [[cx - r, cy - r], [cx + r, cy - r], [cx + r, cy + r], [cx - r, cy + r]];
    if (shape === "triangle") return [[cx, cy - r], [cx + r, cy + r], [cx - r, cy + r]];
    if (shape === "diamond") return [[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]];
    if (shape !== "star") return [];
    var pts = [];
    for (var i = 0; i < 10; i++) {
      var rad = i % 2 ? r * 0.45 : r, a = Math.PI / 5 * i - Math.PI / 2;
      pts.push([cx + rad * Math.cos(a), cy + rad * Math.sin(a)]);
    }
    return pts;
  }

  /* Style values reach the page as data: a number is used only if it is a finite number in range,
     a colour only if it is #rgb, #rrggbb or a CSS colour name; the symbol is built with DOM calls,
     never from markup (gis_app/core/catalog_schema.py checks the same rules in Python). */
  var SVG_NS = "http://www.w3.org/2000/svg";
  function styleNumber(value, fallback, low, high) {
    var v = typeof value === "number" ? value : NaN;
    return isFinite(v) && v >= low && v <= high ? v : fallback;
  }
  function styleColour(value, fallback) {
    return typeof value === "string" && /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$/.test(value) ? value : fallback;
  }

  function symbolSvg(shape, r, s) {
    r = styleNumber(r, 5, 0.5, 50);
    var d = 2 * r + 4, c = r + 2, pts, body;
    var svg = document.createElementNS(SVG_NS, "svg");
    svg.setAttribute("width", String(d));
    svg.setAttribute("height", String(d));
    if (shape === "square") {
      body = document.createElementNS(SVG_NS, "rect");
      body.setAttribute("x", "2");
      body.setAttribute("y", "2");
      body.setAttribute("width", String(2 * r));
      body.setAttribute("height", String(2 * r));
    } else {
      pts = symbolPoints(shape, c, c, r);  // the corners the print legend draws too (core/style.py)
      body = document.createElementNS(SVG_NS, "polygon");
      body.setAttribute("points", pts.map(function (p) { return p[0].toFixed(1) + "," + p[1].toFixed(1); }).join(" "));
    }
    body.setAttribute("fill", styleColour(s.fill, "none"));
    body.setAttribute("fill-opacity", String(styleNumber(s.fill_opacity, 1, 0, 1)));
    body.setAttribute("stroke", styleColour(s.stroke, "none"));
    body.setAttribute("stroke-width", String(styleNumber(s.weight, 1, 0, 50) || 1));
    svg.appendChild(body);
    return svg;
  }

  function pointLayer(def, feature, latlng) {
    var s = resolvedStyle(def, feature.properties || {});
    var shape = symbolShape(s), r = styleNumber(s.radius, 5, 0.5, 50);
    if (shape === "circle") {
      var opts = pathOptions(def, feature.properties || {});
      opts.radius = r;
      opts.fill = !!s.fill;
      return L.circleMarker(latlng, opts);
    }
    return L.marker(latlng, {
      pane: "atlas-" + def.id,
      interactive: def.interactive !== false,
      keyboard: false,
      icon: L.divIcon({ className: "atlas-symbol", html: symbolSvg(shape, r, s),  // an element, not markup
                        iconSize: [2 * r + 4, 2 * r + 4], iconAnchor: [r + 2, r + 2] })
    });
  }

  /* ---------- popups and labels (text only) ---------- */

  function popupContent(def, props) {
    var box = document.createElement("div");
    box.className = "atlas-popup";
    var h = document.createElement("div");
    h.className = "atlas-popup-title";
    var own = def.name_field && props[def.name_field] !== undefined && props[def.name_field] !== null
      ? String(props[def.name_field]) : "";   // a user layer's name field
    h.textContent = featureName(props, atlas.lang) || own || pick(def.title, atlas.lang);
    box.appendChild(h);
    var table = document.createElement("table");
    (def.popup || []).forEach(function (f) {
      var v = fieldText(props, f, atlas.lang);  // values in the chosen language
      if (v === "") return;
      var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
      th.textContent = pick(f.label, atlas.lang);
      td.textContent = String(v);
      tr.appendChild(th); tr.appendChild(td); table.appendChild(tr);
    });
    box.appendChild(table);
    return box;
  }

  function labelElement(text) {
    var span = document.createElement("span");
    span.textContent = text;
    return span;
  }

  /* ---------- building a layer ---------- */

  function build(def, data) {
    var layer = L.geoJSON(data, {
      style: function (feature) {
        return pathOptions(def, feature.properties || {}, feature.geometry && feature.geometry.type);
      },
      pointToLayer: function (feature, latlng) { return pointLayer(def, feature, latlng); },
      onEachFeature: function (feature, sub) {
        var props = feature.properties || {};
        sub.atlasId = props.id === undefined ? "" : String(props.id);
        if (def.label_field && props[def.label_field] !== undefined) {
          var text = def.label_field === "name" ? featureName(props, atlas.lang) : String(props[def.label_field]);
          sub.bindTooltip(labelElement(text), { permanent: true, direction: "right",
                                                className: "atlas-label", interactive: false });
        }
        if (def.interactive === false) return;
        sub.on("click", function (e) {
          if (e.originalEvent) L.DomEvent.stopPropagation(e);
          atlas.select(def.id, sub.atlasId, e.latlng);
        });
        sub.on("contextmenu", function (e) {
          atlas.lastContext = { x: e.containerPoint.x, y: e.containerPoint.y, t: Date.now(),
                                layer: def.id, feature: sub.atlasId };
        });
      }
    });
    layer.atlasDef = def;
    layer.atlasAll = layer.getLayers();
    layer.atlasBuild = atlas.builds = (atlas.builds || 0) + 1;   // which build (tests: not rebuilt)
    return layer;
  }

  // A category may carry its own min_zoom (towns appear later than capitals): add or drop those
  // features as the zoom changes; the layer-wide min_zoom is handled by sync().
  function featureMinZoom(def, props) {
    var cat = def.style && def.style.categories;
    var over = cat && cat.values && cat.values[String(props[cat.property])];
    return over && over.min_zoom !== undefined ? over.min_zoom : 0;
  }

  function filterByZoom(layer) {
    var zoom = atlas.map.getZoom(), def = layer.atlasDef;
    if (def.user && !def.time_field && layer.getLayers().length === layer.atlasAll.length) return;  // nothing to filter
    layer.atlasAll.forEach(function (sub) {
      var props = sub.feature.properties || {};
      var want = zoom >= featureMinZoom(def, props) && inTime(def, props);
      if (want && !layer.hasLayer(sub)) layer.addLayer(sub);
      else if (!want && layer.hasLayer(sub)) layer.removeLayer(sub);
    });
  }

  function ensureLoaded(id) {
    if (atlas.layers[id]) return Promise.resolve(atlas.layers[id]);
    if (!atlas.loading[id]) {
      var def = atlas.defs[id];
      var t0 = performance.now();
      // A web map export carries each layer's data inline (def.data); the window's page reads files.
      var source = def.data ? Promise.resolve(def.data) : loadJSON(def.url);
      atlas.loading[id] = source.then(function (data) {
        var t1 = performance.now();
        atlas.layers[id] = build(def, data);
        atlas.timingsMs[id] = { load: Math.round(t1 - t0), build: Math.round(performance.now() - t1) };
        return atlas.layers[id];
      }).catch(function (err) {
        var msg = id + ": " + err.message;
        atlas.errors.push(msg);
        call("layerError", id, err.message);
        delete atlas.loading[id];
        throw err;
      });
    }
    return atlas.loading[id];
  }

  function shown(id) {
    var def = atlas.defs[id];
    return !!atlas.visible[id] && atlas.map.getZoom() >= (def.min_zoom || 0);
  }

  function sync(id) {
    var layer = atlas.layers[id];
    if (!layer) return;
    var want = shown(id), has = atlas.map.hasLayer(layer);
    if (atlas.defs[id].canvas && has && hideCanvasLayer(layer, !want) && !want) return;
    if (want) filterByZoom(layer);
    if (want && !has) {
      var t0 = performance.now();
      layer.addTo(atlas.map);
      if (atlas.timingsMs[id] && atlas.timingsMs[id].add === undefined) {
        atlas.timingsMs[id].add = Math.round(performance.now() - t0);   // put on the map (bench)
      }
    }
    else if (!want && has) atlas.map.removeLayer(layer);
    var attribution = atlas.defs[id].attribution || [];
    attribution.forEach(function (a) {
      if (want && !has) atlas.map.attributionControl.addAttribution(escapeHtml(a));
      else if (!want && has) atlas.map.attributionControl.removeAttribution(escapeHtml(a));
    });
  }

  /* ---------- the API Python calls ---------- */

  atlas.setVisible = function (id, visible) {
    if (!atlas.defs[id]) return false;
    atlas.visible[id] = !!visible;
    if (atlas.layers[id]) sync(id);
    else if (visible) ensureLoaded(id).then(function () { sync(id); }, function () {});
    return true;
  };

  atlas.setOpacity = function (id, opacity) {
    var pane = atlas.map.getPane("atlas-" + id);
    if (!pane) return false;
    pane.style.opacity = String(Math.max(0, Math.min(1, Number(opacity))));
    return true;
  };

  atlas.setOrder = function (ids) {   // top first
    atlas.order = ids.filter(function (id) { return atlas.defs[id]; });
    var n = atlas.order.length;
    atlas.order.forEach(function (id, i) {
      atlas.map.getPane("atlas-" + id).style.zIndex = String(PANE_BASE + n - i);
    });
    return true;
  };

  atlas.setView = function (lat, lon, zoom, animate) {
    atlas.slideBounds = null;
    atlas.map.setView([lat, lon], zoom, { animate: !!animate });
    return true;
  };

  atlas.fitTo = function (id) {
    var layer = atlas.layers[id];
    if (!layer) return false;
    var b = layer.getBounds();
    atlas.slideBounds = null;
    if (b.isValid()) atlas.map.fitBounds(b, { padding: [20, 20] });
    return b.isValid();
  };

  atlas.setLang = function (lang) {
    atlas.lang = lang;
    document.documentElement.lang = lang;
    Object.keys(atlas.layers).forEach(function (id) {
      var def = atlas.defs[id];
      if (!def.label_field) return;
      (atlas.layers[id].atlasAll || []).forEach(function (sub) {
        var props = sub.feature.properties || {};
        var t = sub.getTooltip();
        if (t && def.label_field === "name") t.setContent(labelElement(featureName(props, lang)));
      });
    });
    refreshPopup();
    return true;
  };

  /* ---------- interface language (issue 7) ----------
   * Data texts (feature names, popup labels) follow atlas.lang, above. The page's own chrome (zoom
   * button tooltips, scale bar units) is translated in Python (MapView.retranslate_ui) and handed
   * over with setTexts, so every interface string lives in the Qt .ts files. */
  atlas.texts = { zoomIn: "Zoom in", zoomOut: "Zoom out", km: "km", m: "m" };

  var scaleOnAdd = L.Control.Scale.prototype.onAdd;
  L.Control.Scale.prototype.onAdd = function (map) {
    atlas.scaleControl = this;
    this.options.imperial = false;  // metric only: the atlas's readers (and sources) use km
    return scaleOnAdd.call(this, map);
  };
  var scaleUpdate = L.Control.Scale.prototype._updateScale;
  L.Control.Scale.prototype._updateScale = function (scale, text, ratio) {
    var m = /^(\d+) (km|m)$/.exec(text);
    scaleUpdate.call(this, scale, m ? m[1] + " " + atlas.texts[m[2]] : text, ratio);
  };

  function applyTexts() {
    if (!atlas.map) return;
    var box = atlas.map.getContainer();
    [["zoomIn", ".leaflet-control-zoom-in"], ["zoomOut", ".leaflet-control-zoom-out"]].forEach(function (p) {
      var el = box.querySelector(p[1]);
      if (el) { el.title = atlas.texts[p[0]]; el.setAttribute("aria-label", atlas.texts[p[0]]); }
    });
    if (atlas.scaleControl && atlas.scaleControl._map) atlas.scaleControl._update();
  }

  atlas.setTexts = function (texts) {
    Object.keys(texts || {}).forEach(function (k) {
      if (typeof texts[k] === "string") atlas.texts[k] = texts[k];
    });
    applyTexts();
    return true;
  };

  // The open popup again, in the current language.
  function refreshPopup() {
    var popup = atlas.popup, sel = atlas.selected;
    if (!popup || !sel || !atlas.map.hasLayer(popup)) return;
    var sub = findFeature(sel.layer, sel.feature);
    if (sub) popup.setContent(popupContent(atlas.defs[sel.layer], sub.feature.properties || {}));
  }

  // For tests: the label texts shown now, and the chrome texts.
  atlas.labelTexts = function (id) {
    var layer = atlas.layers[id];
    if (!layer) return [];
    return (layer.atlasAll || []).map(function (sub) {
      var t = sub.getTooltip(), el = t && t.getContent();
      return el && el.textContent !== undefined ? el.textContent : "";
    });
  };
  /* ---------- end of interface language ---------- */

  function findFeature(layerId, featureId) {
    var layer = atlas.layers[layerId], found = null;
    if (!layer) return null;
    (layer.atlasAll || []).forEach(function (sub) { if (sub.atlasId === String(featureId)) found = sub; });
    return found;
  }

  atlas.highlight = function (layerId, featureId) {
    if (atlas.highlightLayer) { atlas.map.removeLayer(atlas.highlightLayer); atlas.highlightLayer = null; }
    var sub = layerId ? findFeature(layerId, featureId) : null;
    atlas.highlighted = sub ? layerId + "/" + featureId : null;  // what is lit, for tests and tools
    if (!sub) return false;
    atlas.highlightLayer = L.geoJSON(sub.feature, {
      interactive: false,
      style: function () { return { pane: "atlas-highlight", color: "#ffea00", weight: 5, opacity: 0.9, fill: false }; },
      pointToLayer: function (f, ll) {
        return L.circleMarker(ll, { pane: "atlas-highlight", radius: 11, color: "#ffea00", weight: 4, fill: false });
      }
    }).addTo(atlas.map);
    return true;
  };

  // What a click on a feature runs: the page reports it; the selection is Python's (AtlasDocument)
  // and comes back through applyState, which highlights it and opens the popup here. A page with no
  // bridge (a page opened without the window) selects by itself.
  atlas.select = function (layerId, featureId, latlng) {
    var sub = findFeature(layerId, featureId);
    if (!sub) return false;
    var where = latlng || (sub.getLatLng ? sub.getLatLng() : sub.getBounds().getCenter());
    atlas.lastClick = { layer: layerId, feature: String(featureId), latlng: where };
    if (atlas.bridge) call("featureClicked", layerId, String(featureId));
    else applySelection({ layer: layerId, feature: String(featureId) });
    return true;
  };

  // For tests and the benchmark: what the live page holds, as plain values.
  atlas.state = function () {
    var onMap = Object.keys(atlas.layers).filter(function (id) {
      return atlas.map.hasLayer(atlas.layers[id]) && !atlas.layers[id].atlasHidden;
    });
    var opacity = {}, z = {};
    Object.keys(atlas.defs).forEach(function (id) {
      var pane = atlas.map.getPane("atlas-" + id);
      opacity[id] = pane.style.opacity === "" ? 1 : Number(pane.style.opacity);
      z[id] = Number(pane.style.zIndex);
    });
    var c = atlas.map.getCenter();
    var size = atlas.map.getSize();
    return { onMap: onMap.sort(), opacity: opacity, zIndex: z, ready: atlas.ready,
             center: [c.lat, c.lng], zoom: atlas.map.getZoom(), errors: atlas.errors.slice(),
             loadId: atlas.loadId, bounds: atlas.bounds(), size: [size.x, size.y] };
  };

  /* ---------- slides and projects (issue 6) ---------- */

  // The view as [west, south, east, north]: a slide keeps this, so it fits any window size.
  atlas.bounds = function () {
    var b = atlas.map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };

  // Fit [west, south, east, north]; animated = a smooth fly (presentation), else a jump.
  // Until the user moves the map, the slide keeps its extent when the window is resized (going
  // full screen, leaving it): the view is fitted again on the map's resize.
  atlas.slideBounds = null;
  atlas.flyToBounds = function (w, s, e, n, animate, seconds) {
    var target = L.latLngBounds([s, w], [n, e]);
    if (!target.isValid()) return false;
    // No map.stop() first: it starts a zoom animation whose end undoes the fit below; setView
    // and flyTo cancel a running fly themselves.
    atlas.slideBounds = target;
    if (animate) atlas.map.flyToBounds(target, { duration: seconds || 1.2, padding: [0, 0] });
    else atlas.map.fitBounds(target, { animate: false, padding: [0, 0] });
    return true;
  };

  function keepSlideFit(map) {
    map.on("resize", function () {
      if (atlas.slideBounds) map.fitBounds(atlas.slideBounds, { animate: false, padding: [0, 0] });
    });
    ["mousedown", "wheel", "touchstart", "keydown", "dblclick"].forEach(function (type) {
      L.DomEvent.on(map.getContainer(), type, function () { atlas.slideBounds = null; });
    });
  }

  // A project's style overrides for one layer ({} to drop them): restyles lines, polygons and
  // circle symbols in place; other symbols keep their icon until the page is rebuilt.
  atlas.setStyleOverride = function (id, over) {
    var def = atlas.defs[id];
    if (!def) return false;
    def.override = over || {};
    var layer = atlas.layers[id];
    if (layer) {
      layer.setStyle(function (feature) {
        return pathOptions(def, feature.properties || {}, feature.geometry && feature.geometry.type);
      });
    }
    return true;
  };

  // The analyst's figures a choropleth colours its features by ({feature id: value}; {} for none),
  // from the document's evidence (gis_app/core/figure_values.py): restyled in place.
  atlas.setFigureValues = function (id, values) {
    var def = atlas.defs[id];
    if (!def) return false;
    def.figures = values || {};
    var layer = atlas.layers[id];
    if (layer) {
      layer.setStyle(function (feature) {
        return pathOptions(def, feature.properties || {}, feature.geometry && feature.geometry.type);
      });
    }
    return true;
  };

  atlas.timings = function () { return atlas.timingsMs; };  // for scripts/bench.py

  // The layer's build number and how many features were patched into it since (tests, benchmark).
  atlas.layerEdits = function (id) {
    var layer = atlas.layers[id];
    return layer ? { build: layer.atlasBuild, edits: layer.atlasEdits || 0 } : null;
  };

  atlas.featureCount = function (id) {
    return atlas.layers[id] ? atlas.layers[id].getLayers().length : -1;
  };

  /* ---------- time filter, zoom to a feature (the analyst's panels) ---------- */

  // The same rule as gis_app/core/timefilter.py: a feature of a dated layer is shown while its
  // [start, end] years overlap the range; a feature whose date cannot be read is never hidden.
  atlas.timeRange = null;

  function yearOf(value) {
    if (value === null || value === undefined || typeof value === "boolean") return null;
    if (typeof value === "number") return isFinite(value) ? Math.trunc(value) : null;
    var m = /^\s*(-?\d{4})/.exec(String(value));
    return m ? Number(m[1]) : null;
  }

  function inTime(def, props) {
    return inTimeRange(def, props, atlas.timeRange);
  }

  function inTimeRange(def, props, range) {
    if (!range || !def.time_field) return true;
    var start = yearOf(props[def.time_field]);
    if (start === null) return true;
    var end = def.time_end_field ? yearOf(props[def.time_end_field]) : null;
    if (end === null || end < start) end = start;
    return start <= range[1] && end >= range[0];
  }

  atlas.setTimeRange = function (first, last) {
    if (first === null || first === undefined) atlas.timeRange = null;
    else atlas.timeRange = [Math.min(first, last), Math.max(first, last)];
    Object.keys(atlas.layers).forEach(function (id) { if (atlas.defs[id].time_field) sync(id); });
    return true;
  };

  atlas.shownFeatures = function (id) {   // ids of the features on the map now (tests)
    var layer = atlas.layers[id];
    if (!layer || !atlas.map.hasLayer(layer) || layer.atlasHidden) return [];
    return layer.getLayers().map(function (sub) { return sub.atlasId; }).sort();
  };

  atlas.fitFeature = function (layerId, featureId) {
    var sub = findFeature(layerId, featureId);
    if (!sub) return false;
    atlas.slideBounds = null;  // the user's own view now: a resize must not snap back to a slide
    if (sub.getLatLng) {
      atlas.map.setView(sub.getLatLng(), Math.max(atlas.map.getZoom(), 9), { animate: false });
    } else {
      var b = sub.getBounds();
      if (!b.isValid()) return false;
      atlas.map.fitBounds(b, { padding: [30, 30], maxZoom: 11, animate: false });
    }
    return true;
  };

  /* ---------- the one way state reaches the page ---------- */

  function sameJSON(a, b) { return JSON.stringify(a) === JSON.stringify(b); }

  // The popup of a selection made by a click here opens where the user clicked.
  atlas.lastClick = null;

  function applySelection(sel) {
    if (!sel || !atlas.defs[sel.layer]) {
      atlas.selected = null;
      atlas.highlight(null);
      atlas.map.closePopup();
      return;
    }
    var layerId = sel.layer, featureId = String(sel.feature);
    var same = atlas.selected && atlas.selected.layer === layerId && atlas.selected.feature === featureId;
    atlas.selected = { layer: layerId, feature: featureId };
    var click = atlas.lastClick;
    var clicked = click && click.layer === layerId && click.feature === featureId;
    atlas.lastClick = null;
    if (!same) atlas.map.closePopup();  // a popup left from an earlier click would name another feature
    ensureLoaded(layerId).then(function () {
      var now = atlas.selected;
      if (!now || now.layer !== layerId || now.feature !== featureId) return;  // selected again since
      atlas.highlight(layerId, featureId);
      var sub = findFeature(layerId, featureId);
      if (sub && clicked) {
        atlas.popup = L.popup(popupOptions()).setLatLng(click.latlng)
          .setContent(popupContent(atlas.defs[layerId], sub.feature.properties || {})).openOn(atlas.map);
      }
      if (sel.zoom) atlas.fitFeature(layerId, featureId);
    }, function () {});
  }

  /* Python's MapView sends what changed, once per event-loop turn; the first paint takes the whole
   * state from the URL through this same function. Every key is optional; a value equal to what the
   * page shows is skipped (sending the whole state again redraws nothing). Keys: lang, texts, print,
   * styles {id: override}, layers {id: {visible, opacity}}, order [ids], time_range [a, b] | null,
   * annotations_visible, annotations {all: [...]} | {ops: [["put", feature, index] | ["remove", id]]},
   * view {lat, lon, zoom}, bbox [w, s, e, n], fly [w, s, e, n, animate, seconds],
   * selection {layer, feature, zoom} | null. */
  /* ---------- the user's own layers (issue 13) ----------
   * Not in the cached page: each arrives as a definition with the URL of its GeoJSON (WGS 84, in
   * the cache) through applyState's `user_layers` key {put: [def], remove: [ids]}. A put of a
   * layer the page has (a new style, label or popup) rebuilds it and keeps it shown or hidden. */
  // A big layer draws on its own canvas. Hidden, it stays on the map with its pane not displayed and
  // its canvas not redrawn (re-adding 100,000 paths took over a second); shown again, it is
  // re-projected and drawn once.
  function userRenderer(def) {
    if (def.rendererObj) return def.rendererObj;
    var r = L.canvas({ pane: "atlas-" + def.id, padding: 0.2, tolerance: 3 });
    ["_reset", "_update", "_onZoom", "_onZoomEnd", "_redraw", "_updatePaths"].forEach(function (name) {
      var own = r[name];
      r[name] = function () {
        if (r.atlasHidden) { r.atlasStale = true; return undefined; }
        return own.apply(r, arguments);
      };
    });
    def.rendererObj = r;
    return r;
  }

  function hideCanvasLayer(layer, hide) {
    var def = layer.atlasDef, r = def.rendererObj, pane = atlas.map.getPane("atlas-" + def.id);
    if (!r || !pane) return false;
    if (hide === !!layer.atlasHidden) return hide;   // shown and staying shown: the usual sync
    layer.atlasHidden = hide;
    r.atlasHidden = hide;
    pane.style.display = hide ? "none" : "";
    if (!hide && r.atlasStale) { r.atlasStale = false; r._onZoomEnd(); r._reset(); }
    return true;
  }

  function dropUserLayer(id) {
    var layer = atlas.layers[id];
    if (layer && atlas.map.hasLayer(layer)) atlas.map.removeLayer(layer);
    if (atlas.selected && atlas.selected.layer === id) applySelection(null);
    delete atlas.layers[id];
    delete atlas.loading[id];
    delete atlas.defs[id];
    delete atlas.visible[id];
    atlas.order = atlas.order.filter(function (x) { return x !== id; });
  }

  // How many shown user layers are still being read (an export waits for none).
  atlas.userLayersPending = function () {
    return Object.keys(atlas.defs).filter(function (id) {
      return atlas.defs[id].user && atlas.visible[id] && atlas.loading[id] && !atlas.layers[id];
    }).length;
  };

  function applyUserLayers(u) {
    (u.remove || []).forEach(function (id) {
      if (!atlas.defs[id] || !atlas.defs[id].user) return;
      dropUserLayer(id);
      var pane = atlas.map.getPane("atlas-" + id);
      if (pane) { pane.parentNode.removeChild(pane); delete atlas.map._panes["atlas-" + id]; }
    });
    (u.put || []).forEach(function (def) {
      if (!def || typeof def.id !== "string" || (atlas.defs[def.id] && !atlas.defs[def.id].user)) return;
      var wasShown = !!atlas.visible[def.id], override = atlas.defs[def.id] ? atlas.defs[def.id].override : null;
      if (atlas.defs[def.id]) dropUserLayer(def.id);
      def.user = true;
      def.override = override || {};
      atlas.defs[def.id] = def;
      if (!atlas.map.getPane("atlas-" + def.id)) atlas.map.createPane("atlas-" + def.id);
      atlas.visible[def.id] = false;
      atlas.order.unshift(def.id);
      if (wasShown) atlas.setVisible(def.id, true);
    });
    atlas.setOrder(atlas.order);
  }

  /* Single features of a drawn user layer put or removed (applyState's `user_features` key
   * {id: [["put", feature] | ["remove", featureId]]}): the old sublayer leaves the layer, the new one
   * is added with addData (same style, label, click and, for a big layer, the same canvas); the
   * layer itself is not rebuilt. A layer still being read is patched once read (its file may be
   * older than the change); one never read reads the file Python has written again. */
  function patchUserLayer(id, ops) {
    var layer = atlas.layers[id], def = atlas.defs[id];
    var index = {};
    layer.atlasAll.forEach(function (sub, i) { index[sub.atlasId] = i; });
    var gone = {};
    ops.forEach(function (op) {
      var fid = op[0] === "put" ? String(((op[1] || {}).properties || {}).id) : String(op[1]);
      if (index[fid] !== undefined) {
        var old = layer.atlasAll[index[fid]];
        if (layer.hasLayer(old)) layer.removeLayer(old);
        gone[index[fid]] = true;
        delete index[fid];
      }
      if (op[0] === "put" && op[1] && op[1].geometry) {
        var before = {};
        layer.getLayers().forEach(function (sub) { before[L.stamp(sub)] = true; });
        layer.addData(op[1]);
        layer.getLayers().forEach(function (sub) {
          if (before[L.stamp(sub)]) return;
          var props = sub.feature.properties || {};
          if (!inTime(def, props) || atlas.map.getZoom() < featureMinZoom(def, props)) layer.removeLayer(sub);
          index[fid] = layer.atlasAll.length;
          layer.atlasAll.push(sub);
        });
      }
      layer.atlasEdits = (layer.atlasEdits || 0) + 1;
    });
    if (Object.keys(gone).length) {
      layer.atlasAll = layer.atlasAll.filter(function (sub, i) { return !gone[i]; });
    }
    var sel = atlas.selected;
    if (sel && sel.layer === id) atlas.highlight(id, sel.feature);   // the new shape lit
  }

  function applyUserFeatures(u) {
    Object.keys(u || {}).forEach(function (id) {
      var def = atlas.defs[id], ops = u[id];
      if (!def || !def.user || !Array.isArray(ops)) return;
      if (atlas.layers[id]) patchUserLayer(id, ops);
      else if (atlas.loading[id]) atlas.loading[id].then(function () { patchUserLayer(id, ops); }, function () {});
    });
  }

  atlas.applyState = function (d) {
    d = d || {};
    if (d.user_layers) applyUserLayers(d.user_layers);
    if (d.user_features) applyUserFeatures(d.user_features);
    if (d.print) {
      atlas.map.options.zoomSnap = 0;  // the exact extent asked for, not the nearest quarter step
      atlas.map.getContainer().classList.add("atlas-print");
    }
    if (d.texts) atlas.setTexts(d.texts);
    if (typeof d.lang === "string" && d.lang !== atlas.lang) atlas.setLang(d.lang);
    Object.keys(d.styles || {}).forEach(function (id) {
      if (atlas.defs[id] && !sameJSON(atlas.defs[id].override || {}, d.styles[id] || {})) {
        atlas.setStyleOverride(id, d.styles[id]);
      }
    });
    if (d.figures) {
      Object.keys(atlas.defs).forEach(function (id) {
        var now = d.figures[id] || {};
        if (!sameJSON(atlas.defs[id].figures || {}, now)) atlas.setFigureValues(id, now);
      });
    }
    Object.keys(d.layers || {}).forEach(function (id) {
      var entry = d.layers[id] || {};
      if (!atlas.defs[id]) return;
      if (typeof entry.visible === "boolean" && entry.visible !== !!atlas.visible[id]) {
        atlas.setVisible(id, entry.visible);
      }
      if (typeof entry.opacity === "number") atlas.setOpacity(id, entry.opacity);
    });
    if (Array.isArray(d.order) && !sameJSON(d.order.filter(function (id) { return atlas.defs[id]; }), atlas.order)) {
      atlas.setOrder(d.order.concat(Object.keys(atlas.defs).filter(function (id) { return d.order.indexOf(id) < 0; })));
    }
    if ("time_range" in d && !sameJSON(d.time_range || null, atlas.timeRange)) {
      var t = d.time_range || [null, null];
      atlas.setTimeRange(t[0], t[1]);
    }
    if ("annotations_visible" in d && atlas.setAnnotationsVisible) atlas.setAnnotationsVisible(d.annotations_visible);
    if (d.annotations && atlas.annotationOps) atlas.annotationOps(d.annotations);
    if (d.view) {
      atlas.slideBounds = null;
      atlas.map.setView([d.view.lat, d.view.lon], d.view.zoom, { animate: false });
    }
    if (Array.isArray(d.bbox) && d.bbox.length === 4) atlas.flyToBounds(d.bbox[0], d.bbox[1], d.bbox[2], d.bbox[3], false);
    if (Array.isArray(d.fly) && d.fly.length === 6) atlas.flyToBounds(d.fly[0], d.fly[1], d.fly[2], d.fly[3], d.fly[4], d.fly[5]);
    if ("selection" in d) applySelection(d.selection);
    return true;
  };

  /* ---------- the map's own context menu (drawn by Qt: no Reload, no page source) ---------- */

  atlas.lastContext = null;
  // What is under the point (x, y) of the map: where, and which feature if one was right-clicked.
  atlas.contextAt = function (x, y) {
    var ll = atlas.map.containerPointToLatLng([x, y]), c = atlas.lastContext, hit = null;
    if (c && Math.abs(c.x - x) < 4 && Math.abs(c.y - y) < 4 && Date.now() - c.t < 3000) hit = c;
    return { lat: ll.lat, lon: ll.lng, zoom: atlas.map.getZoom(),
             layer: hit ? hit.layer : null, feature: hit ? hit.feature : null };
  };

  atlas.zoomAt = function (lat, lon) {
    atlas.slideBounds = null;
    atlas.map.setView([lat, lon], Math.min(atlas.map.getMaxZoom(), atlas.map.getZoom() + 2));
    return true;
  };

  /* ---------- map furniture: popups, year badge, Home (issue 19) ----------
   * Nothing on the map hides another thing: the attribution wraps beside the scale bar (atlas.css),
   * a popup opens clear of the zoom buttons and of the bottom controls, the year badge sits top
   * right where no control is. */

  function controlRect(selector) {
    var el = atlas.map && atlas.map.getContainer().querySelector(selector);
    if (!el || el.offsetParent === null) return null;
    var r = el.getBoundingClientRect(), box = atlas.map.getContainer().getBoundingClientRect();
    return { left: r.left - box.left, top: r.top - box.top, right: r.right - box.left,
             bottom: r.bottom - box.top, width: r.width, height: r.height };
  }

  // Under NARROW_PX the attribution is one line cut with "…", its whole text in its tooltip (and
  // for screen readers); wider, it wraps in the room the scale bar leaves (atlas.css).
  var NARROW_PX = 520;
  var attributionUpdate = L.Control.Attribution.prototype._update;
  L.Control.Attribution.prototype._update = function () {
    attributionUpdate.call(this);
    if (this._container) {
      this._container.title = this._container.textContent;
      this._container.setAttribute("aria-label", this._container.textContent);
    }
  };
  function markNarrow(map) {
    map.getContainer().classList.toggle("atlas-narrow", map.getSize().x < NARROW_PX);
  }
  L.Map.addInitHook(function () {
    var map = this;
    map.whenReady(function () { markNarrow(map); });
    map.on("resize", function () { markNarrow(map); });
  });

  // A popup pans the map until it stands below the zoom buttons and the year badge (the band they
  // stand in) and above the scale bar and attribution; it is never wider or taller than the room
  // between them (its content scrolls).
  function popupOptions() {
    var size = atlas.map.getSize(), top = 0, bottom = 0;
    [".leaflet-top.leaflet-left", ".leaflet-top.leaflet-right", ".atlas-year-badge"].forEach(function (sel) {
      var r = controlRect(sel);
      if (r && r.height > 0) top = Math.max(top, r.bottom);
    });
    [".leaflet-bottom.leaflet-left", ".leaflet-bottom.leaflet-right"].forEach(function (sel) {
      var r = controlRect(sel);
      if (r && r.height > 0) bottom = Math.max(bottom, size.y - r.top);
    });
    return { maxWidth: Math.max(160, Math.min(360, size.x - 60)),
             maxHeight: Math.max(80, size.y - top - bottom - 60),
             autoPanPaddingTopLeft: L.point(10, top + 8),
             autoPanPaddingBottomRight: L.point(10, bottom + 8) };
  }

  // The year the time filter's Play shows, large on the map; null removes it. Text only.
  atlas.setYearBadge = function (text) {
    var box = atlas.map.getContainer(), badge = box.querySelector(".atlas-year-badge");
    if (text === null || text === undefined || text === "") {
      if (badge) badge.parentNode.removeChild(badge);
      return true;
    }
    if (!badge) {
      badge = document.createElement("div");
      badge.className = "atlas-year-badge";
      badge.setAttribute("aria-live", "polite");
      box.appendChild(badge);
    }
    badge.textContent = String(text);
    return true;
  };
  atlas.yearBadge = function () {
    var badge = atlas.map.getContainer().querySelector(".atlas-year-badge");
    return badge ? badge.textContent : null;
  };

  // Home: the given [west, south, east, north] (Central Asia) fitted to the window, whatever its
  // width; the map keeps it through a resize until the user moves the map (as a slide does).
  atlas.fitCentralAsia = function (w, s, e, n) {
    var target = L.latLngBounds([s, w], [n, e]);
    if (!target.isValid()) return false;
    atlas.map.fitBounds(target, { animate: false, padding: [12, 12] });
    atlas.slideBounds = target;
    return true;
  };

  // For tests: the boxes of the map's furniture in map pixels (null when absent).
  atlas.furnitureBoxes = function () {
    var size = atlas.map.getSize();
    return { map: { left: 0, top: 0, right: size.x, bottom: size.y, width: size.x, height: size.y },
             zoom: controlRect(".leaflet-control-zoom"), scale: controlRect(".leaflet-control-scale"),
             attribution: controlRect(".leaflet-control-attribution"),
             popup: controlRect(".leaflet-popup-content-wrapper"),
             year: controlRect(".atlas-year-badge") };
  };

  /* ---------- start-up ---------- */

  function initialState() {
    // The page URL's fragment carries the first state (MapState.to_dict() + lang + export keys).
    var m = /[#&]state=([^&]*)/.exec(window.location.hash);
    if (!m) return {};
    try { return JSON.parse(decodeURIComponent(m[1])); } catch (e) { return {}; }
  }

  function afterPaint() {
    var fonts = document.fonts && document.fonts.ready ? document.fonts.ready : Promise.resolve();
    return fonts.then(function () {
      return new Promise(function (resolve) {
        requestAnimationFrame(function () { requestAnimationFrame(resolve); });
      });
    });
  }

  function connectBridge() {
    return new Promise(function (resolve) {
      if (typeof qt === "undefined" || typeof QWebChannel === "undefined") return resolve(null);
      new QWebChannel(qt.webChannelTransport, function (channel) {
        atlas.bridge = channel.objects.atlasBridge || null;
        resolve(atlas.bridge);
      });
    });
  }

  atlas.init = function (map, config) {
    atlas.map = map;
    atlas.loadId = Date.now();
    atlas.lang = config.lang || "en";
    map.attributionControl.setPrefix("Leaflet");
    map.createPane("atlas-highlight").style.zIndex = String(HIGHLIGHT_PANE_Z);
    var ids = config.layers.map(function (d) { return d.id; });
    config.layers.forEach(function (def) {
      atlas.defs[def.id] = def;
      map.createPane("atlas-" + def.id);
      atlas.visible[def.id] = false;
    });
    atlas.setOrder(ids);
    var st = initialState(), layers = {};
    config.layers.forEach(function (def) { layers[def.id] = { visible: !!def.visible }; });
    Object.keys(st.layers || {}).forEach(function (id) { layers[id] = st.layers[id]; });
    st.layers = layers;
    atlas.applyState(st);

    map.on("zoomend", function () { Object.keys(atlas.layers).forEach(sync); });
    keepSlideFit(map);
    map.on("moveend", function () {
      var c = map.getCenter();
      call("viewChanged", c.lat, c.lng, map.getZoom());
    });
    map.on("contextmenu", function (e) {
      if (!atlas.lastContext || Date.now() - atlas.lastContext.t > 50) {
        atlas.lastContext = { x: e.containerPoint.x, y: e.containerPoint.y, t: Date.now() };
      }
    });
    var lastMove = 0;
    map.on("mousemove", function (e) {
      var now = Date.now();
      if (now - lastMove < 40) return;
      lastMove = now;
      call("cursorMoved", e.latlng.lat, e.latlng.lng);
    });

    var firstPaint = ids.filter(function (id) { return atlas.visible[id]; }).map(function (id) {
      return (atlas.loading[id] || Promise.resolve()).then(function () {
        var t = performance.now();
        sync(id);
        if (atlas.timingsMs[id]) atlas.timingsMs[id].add = Math.round(performance.now() - t);
      }, function () {});
    });
    // Other scripts' start-up work the first paint waits for (labels.js: the names' data).
    Promise.all([Promise.all(firstPaint), connectBridge()].concat(atlas.readyHooks || [])).then(function () {
      atlas.timingsMs._layersDrawn = Math.round(performance.now());
    }).then(afterPaint).then(function () {
      atlas.timingsMs._ready = Math.round(performance.now());
      atlas.ready = true;
      window.atlasReady = true;
      call("pageReady");
      var c = map.getCenter();
      call("viewChanged", c.lat, c.lng, map.getZoom());
      // Hidden layers load once the first map is up, so a later toggle is instant.
      ids.forEach(function (id) { if (!atlas.visible[id]) ensureLoaded(id).catch(function () {}); });
    });
  };

  /* ---------- the rules Python also implements (tests/test_rules.py runs tests/rules_cases.json
     through both); annotations.js adds its own ---------- */
  atlas.rules = {
    pick: pick,
    featureName: featureName,
    classColor: classColor,
    resolvedStyle: resolvedStyle,
    symbolShape: symbolShape,
    symbolPoints: symbolPoints,
    yearOf: yearOf,
    inTimeRange: inTimeRange
  };
})();
