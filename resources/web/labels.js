/* labels.js: the names on the map and the one label-placement pass (issue 12).
 *
 * Names of countries, provinces, waters and enclaves come from shapefiles/basemap/labels.geojson
 * (points placed inside their polygons by scripts/build_labels.py, never computed here). Together
 * with the permanent labels of point layers (places, missions: atlas.js's tooltips) they go through
 * one greedy pass by priority: each label takes the first of its candidate positions that lies
 * inside the map frame, clear of the map's controls and of every label placed before it; a label
 * with no such position is hidden. The pass runs on moveend/zoomend, on layer and language changes,
 * and synchronously before atlas.state() answers (an export reads the state right before printing),
 * so screen, exports and slides show the same placement. All text is set with textContent.
 */
(function () {
  "use strict";
  var atlas = window.atlas;
  var EARTH = 40075016.686;               // Web Mercator metres around the equator
  var GAP = 2;                            // px kept between two labels
  var PAD = 3;                            // px kept inside the frame
  var PRIORITY = { country1: 0, capital: 1, enclave: 2, point: 2, country2: 3, water: 4,
                   city: 5, province: 6, town: 7 };

  var ATLAS_COUNTRIES = /^(KAZ|KGZ|TJK|UZB|TKM|AFG)$/;
  var labels = { names: [], els: {}, pane: null, scale: 1, stats: null, timer: null,
                 loaded: false, relief: null, showLegend: false };
  atlas.labels = labels;

  function pick(texts) { return atlas.rules.pick(texts, atlas.lang); }

  function countryFont(area) {   // the name's size follows the country's (km²)
    var s = 9.5 + 2.1 * Math.log10(Math.max(area, 1e3) / 1e4);
    return Math.max(9.5, Math.min(17, s));
  }

  // What the name layer wants shown at this zoom, before placement (the layer it belongs to on).
  var OWNER_LAYER = { country: "countries", province: "provinces", water: "lakes", enclave: "enclaves" };
  function wanted(p, zoom) {
    var layer = OWNER_LAYER[p.kind];
    if (layer && !(atlas.layers[layer] && atlas.map.hasLayer(atlas.layers[layer]))) return false;
    if (p.cell) return zoom >= 5.5;   // more places for a country's name, zoomed in
    if (p.kind === "province") return zoom >= 6;
    if (p.kind === "enclave") return zoom >= 7.5;
    if (p.kind === "water") return p.id === "water-caspian" ? zoom >= 3.5 : zoom >= 5;
    return zoom >= 2.5;
  }

  // The names the atlas draws at this zoom, in every language, normalised: a vector basemap (the
  // user's own, basemap_vector.js) leaves these to the atlas's one placement pass and draws only
  // names the atlas has not (no "KAZAKHSTAN" twice, no "Алматы" over "Алматы").
  function norm(t) {
    return String(t).toLocaleLowerCase().replace(/ё/g, "е").replace(/[\s\u00a0]+/g, " ").trim();
  }
  function drawnNames() {
    var set = {}, zoom = atlas.map.getZoom();
    var add = function (o, field) {
      [o[field], o[field + "_ru"], o[field + "_kk"]].forEach(function (t) { if (t) set[norm(t)] = true; });
    };
    labels.names.forEach(function (f) { if (wanted(f.properties, zoom)) add(f.properties, "name"); });
    Object.keys(atlas.layers).forEach(function (id) {
      var layer = atlas.layers[id], def = atlas.defs[id];
      if (!def || !def.label_field || !atlas.map.hasLayer(layer) || !layer.eachLayer) return;
      layer.eachLayer(function (sub) { if (sub.feature) add(sub.feature.properties || {}, def.label_field); });
    });
    return set;
  }
  labels.drawnNames = null;   // made when first asked (a vector basemap is shown)
  labels.drawsName = function (text) {
    if (!labels.drawnNames) labels.drawnNames = drawnNames();
    return !!labels.drawnNames[norm(text)];
  };
  // the zoom or the layers changed: if the set did, the basemap places its names again
  function namesMayHaveChanged() {
    if (!labels.drawnNames) return;
    var next = drawnNames(), a = Object.keys(next), b = labels.drawnNames;
    if (a.length === Object.keys(b).length && a.every(function (k) { return b[k]; })) return;
    labels.drawnNames = next;
    atlas.map.fire("atlasnameschange");
  }

  function pxPerMetre(zoom) { return 256 * Math.pow(2, zoom) / EARTH; }

  function nameElement(p) {
    var el = labels.els[p.id];
    if (!el) {
      el = document.createElement("div");
      el.className = "atlas-name atlas-name-" + p.kind +
        (p.kind === "enclave" && p.owner ? " atlas-name-owner-" + String(p.owner).replace(/[^A-Z]/g, "") : "");
      labels.pane.appendChild(el);
      labels.els[p.id] = el;
    }
    var text = pick({ en: p.name, ru: p.name_ru, kk: p.name_kk });
    if (p.kind === "country") text = text.toLocaleUpperCase(atlas.lang);
    if (el.textContent !== text) el.textContent = text;
    var size = p.kind === "country" ? countryFont(p.area_km2) : null;
    el.style.fontSize = size ? (size * labels.scale).toFixed(1) + "px" : "";
    return el;
  }

  function tooltipKind(def, props) {
    if (def.id !== "places") return "point";
    var k = String(props.kind || "");
    return PRIORITY[k] !== undefined ? k : "town";
  }

  // Every label that may be shown now, with its anchor (container px) and what it weighs.
  function candidates() {
    labels.symbols = [];
    var map = atlas.map, zoom = map.getZoom(), size = map.getSize(), out = [], margin = 200;
    labels.names.forEach(function (f) {
      var p = f.properties, el = labels.els[p.id];
      var ll = L.latLng(f.geometry.coordinates[1], f.geometry.coordinates[0]);
      var pt = map.latLngToContainerPoint(ll);
      var near = pt.x > -margin && pt.y > -margin && pt.x < size.x + margin && pt.y < size.y + margin;
      if (!near || !wanted(p, zoom)) { if (el) el.style.display = "none"; return; }
      el = nameElement(p);
      el.style.display = "";
      el.style.visibility = "hidden";
      var k = p.kind === "country" ? "country" + (ATLAS_COUNTRIES.test(p.country) ? 1 : 2) : p.kind;
      out.push({ el: el, name: p, pt: pt, ll: ll, prio: PRIORITY[k], weight: p.area_km2 || 0,
                 inView: pt.x >= 0 && pt.y >= 0 && pt.x <= size.x && pt.y <= size.y });
    });
    Object.keys(atlas.layers).forEach(function (id) {
      var layer = atlas.layers[id], def = atlas.defs[id];
      if (!def.label_field || !map.hasLayer(layer)) return;
      layer.getLayers().forEach(function (sub) {
        var t = sub.getTooltip && sub.getTooltip(), el = t && t.getElement && t.getElement();
        if (!el || !sub.getLatLng) return;
        var props = sub.feature.properties || {}, kind = tooltipKind(def, props);
        el.classList.add("atlas-label-" + kind);
        el.style.marginLeft = "0px";
        el.style.marginTop = "0px";
        el.style.visibility = "hidden";
        var pt = map.latLngToContainerPoint(sub.getLatLng());
        if (pt.x < 0 || pt.y < 0 || pt.x > size.x || pt.y > size.y) return;  // its point is off the map
        var r = atlas.rules.resolvedStyle(def, props).radius || 4;   // no label over a symbol
        var symbol = { left: pt.x - r, top: pt.y - r, right: pt.x + r, bottom: pt.y + r };
        labels.symbols.push(symbol);
        out.push({ el: el, tooltip: true, symbol: symbol, pt: pt, prio: PRIORITY[kind], kind: kind === "point" ? def.id : kind,
                   weight: Number(props.population) || 0, radius: 6 });
      });
    });
    return out;
  }

  function overlaps(a, b) {
    return a.left < b.right + GAP && b.left < a.right + GAP && a.top < b.bottom + GAP && b.top < a.bottom + GAP;
  }

  function furniture() {   // the map's own controls: no label under them
    var box = atlas.map.getContainer(), base = box.getBoundingClientRect(), out = [];
    var sel = ".leaflet-control-zoom, .leaflet-control-scale, .leaflet-control-attribution, .atlas-year-badge, .atlas-legend";
    (labels.obstacles || []).forEach(function (b) {   // the print layout's furniture (applyState)
      out.push({ left: b[0], top: b[1], right: b[0] + b[2], bottom: b[1] + b[3] });
    });
    box.querySelectorAll(sel).forEach(function (el) {
      if (el.offsetParent === null) return;
      var r = el.getBoundingClientRect();
      if (r.width > 0 && r.height > 0) out.push({ left: r.left - base.left, top: r.top - base.top,
                                                 right: r.right - base.left, bottom: r.bottom - base.top });
    });
    return out;
  }

  // Candidate offsets (px) of a w x h box from its anchor, best first.
  function positions(c, w, h) {
    if (c.tooltip) {
      var r = c.radius;
      return [[0, 0], [-(w + 2 * r + 4), 0], [-(w / 2 + r + 2), -(h / 2 + r + 1)], [-(w / 2 + r + 2), h / 2 + r + 1]];
    }
    var cx = -w / 2, cy = -h / 2;
    if (c.name.kind === "enclave") {
      return [[cx, cy], [8, cy], [-w - 8, cy], [cx, -h - 6], [cx, 6]];
    }
    return [[cx, cy], [cx, cy - h * 0.8], [cx, cy + h * 0.8], [cx - w * 0.25, cy], [cx + w * 0.25, cy]];
  }

  function fits(c, w, h, zoom) {   // a name must fit inside its polygon (waters may spill a little)
    var p = c.name;
    if (!p || p.kind === "enclave") return true;
    var k = pxPerMetre(zoom), factor = p.kind === "water" ? 1.6 : p.kind === "province" ? 1.1 : 0.9;
    return w <= factor * p.width_m * k && h <= Math.max(0.9 * p.height_m * k, 2 * p.radius_m * k);
  }

  // The relief's pane stands right under the countries' pane, at its z-index and opacity: the
  // countries' translucent land colour tones it down, their borders stay on top.
  function reliefUnderCountries() {
    var map = atlas.map, countries = map.getPane("atlas-countries"), pane = map.getPane("atlas-relief");
    if (!countries || !pane) return;
    if (pane.nextSibling !== countries) countries.parentNode.insertBefore(pane, countries);
    pane.style.zIndex = countries.style.zIndex;
    pane.style.opacity = countries.style.opacity;
  }

  labels.place = function () {
    var map = atlas.map;
    if (!map || !labels.pane) return null;
    reliefUnderCountries();
    var zoom = map.getZoom(), size = map.getSize();
    var cands = candidates();
    var base = map.getContainer().getBoundingClientRect();
    cands.forEach(function (c) {   // one layout read for all
      var r = c.el.getBoundingClientRect();
      c.w = r.width; c.h = r.height;
      c.base = { left: r.left - base.left, top: r.top - base.top };
    });
    cands.sort(function (a, b) { return a.prio - b.prio || b.weight - a.weight; });
    var placed = furniture().concat(labels.symbols), stats = { placed: 0, dropped: 0, byKind: {} }, boxes = [], named = {};
    cands.forEach(function (c) {
      var kind = c.name ? c.name.kind : c.kind, ok = null;
      var country = c.name && c.name.kind === "country" ? c.name.country : null;
      if (c.tooltip && named["=" + c.el.textContent]) {   // a town named like the enclave named here
        c.el.style.visibility = "hidden";
        return;
      }
      if (country && named[country]) {   // one name a country; its other places stay hidden
        c.el.style.display = "none";
        return;
      }
      if (fits(c, c.w, c.h, zoom)) {
        var opts = positions(c, c.w, c.h);
        for (var i = 0; i < opts.length && !ok; i++) {
          var left = c.tooltip ? c.base.left + opts[i][0] : c.pt.x + opts[i][0];
          var top = c.tooltip ? c.base.top + opts[i][1] : c.pt.y + opts[i][1];
          var box = { left: left, top: top, right: left + c.w, bottom: top + c.h };
          if (box.left < PAD || box.top < PAD || box.right > size.x - PAD || box.bottom > size.y - PAD) continue;
          if (placed.some(function (b) { return b !== c.symbol && overlaps(box, b); })) continue;
          ok = { box: box, dx: opts[i][0], dy: opts[i][1] };
        }
      }
      var s = stats.byKind[kind] || (stats.byKind[kind] = { placed: 0, dropped: 0 });
      if (!ok) {
        c.el.style.visibility = "hidden";
        c.el.classList.add("atlas-label-dropped");
        if (country && c.name.cell) return;   // counted once, as its country's name
        if (c.name && !c.inView) return;      // its point is off the map: not a label dropped
        if (country) named["-" + country] = true;
        stats.dropped++; s.dropped++;
        return;
      }
      if (country && named["-" + country]) { stats.dropped--; s.dropped--; }
      placed.push(ok.box);
      boxes.push(ok.box);
      if (country) named[country] = true;
      if (c.name && c.name.kind === "enclave") named["=" + c.el.textContent] = true;
      c.el.classList.remove("atlas-label-dropped");
      if (c.tooltip) {
        c.el.style.marginLeft = ok.dx + "px";
        c.el.style.marginTop = ok.dy + "px";
      } else {
        L.DomUtil.setPosition(c.el, map.containerPointToLayerPoint([ok.box.left, ok.box.top]).round());
      }
      c.el.style.visibility = "";
      stats.placed++; s.placed++;
    });
    labels.stats = stats;
    return stats;
  };

  labels.schedule = function () {
    if (labels.timer) clearTimeout(labels.timer);
    labels.timer = setTimeout(function () { labels.timer = null; labels.place(); }, 40);
  };

  // For tests: the boxes of the labels shown now, read from the page itself (container px).
  labels.boxes = function () {
    var box = atlas.map.getContainer(), base = box.getBoundingClientRect(), out = [];
    box.querySelectorAll(".atlas-name, .atlas-label").forEach(function (el) {
      if (el.style.display === "none" || getComputedStyle(el).visibility === "hidden") return;
      var r = el.getBoundingClientRect();
      if (r.width === 0) return;
      out.push({ text: el.textContent, left: r.left - base.left, top: r.top - base.top,
                 right: r.right - base.left, bottom: r.bottom - base.top });
    });
    return { size: [atlas.map.getSize().x, atlas.map.getSize().y], boxes: out, stats: labels.stats };
  };

  /* ---------- the relief (relief.js), shown with the countries ---------- */

  function syncRelief() {
    var rel = labels.reliefConfig, countries = atlas.layers.countries;
    if (!atlas.map.getPane("atlas-relief")) atlas.map.createPane("atlas-relief").classList.add("atlas-relief-pane");
    if (!labels.relief && rel && labels.reliefImages && atlas.map.getPane("atlas-countries")) {
      labels.relief = new atlas.ReliefLayer(labels.reliefImages, { pane: "atlas-relief" });
    }
    var r = labels.relief;
    if (!r) return;
    var want = !!(countries && atlas.map.hasLayer(countries));
    if (want && !atlas.map.hasLayer(r)) r.addTo(atlas.map);
    else if (!want && atlas.map.hasLayer(r)) atlas.map.removeLayer(r);
    reliefUnderCountries();
  }

  /* ---------- presentation: labels for a hall, no zoom buttons, optional legend ---------- */

  labels.presentation = null;
  function num(v, low, high, fallback) {
    v = Number(v);
    return isFinite(v) ? Math.max(low, Math.min(high, v)) : fallback;
  }

  labels.setPresentation = function (p) {
    var box = atlas.map.getContainer();
    var on = !!(p && p.on);
    box.classList.toggle("atlas-presentation", on);
    labels.presentation = on ? { band: num(p.band, 0, 2000, 0), top: num(p.top, 0, 400, 0),
                                 legend: p.legend !== false } : null;
    labels.scale = on ? num(p.scale, 1, 3, 1.6) : 1;
    box.style.setProperty("--atlas-label-scale", String(labels.scale));
    drawLegend();
    if (atlas.slideBounds) atlas.map.fitBounds(atlas.slideBounds, { animate: false, padding: [0, 0] });
    labels.schedule();
  };

  // A slide's extent is fitted above the caption's band (and below the counter) while presenting.
  function slidePadding(bounds, options) {
    var pr = labels.presentation;
    if (!pr || !atlas.slideBounds || bounds !== atlas.slideBounds) return options;
    var o = {}, k;
    for (k in options || {}) o[k] = options[k];
    delete o.padding;
    o.paddingTopLeft = [8, pr.top];
    o.paddingBottomRight = [8, pr.band];
    return o;
  }

  /* ---------- the presentation's legend: the visible layers, their symbols, as text ---------- */

  function swatch(s, line) {
    var el = document.createElement("span");
    el.className = "atlas-legend-swatch" + (line ? " atlas-legend-line" : "");
    var colour = function (v, f) { return atlas.rules && /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$/.test(v || "") ? v : f; };
    if (line) el.style.borderTopColor = colour(s.stroke, "#333");
    else {
      el.style.background = s.fill && s.fill_opacity !== 0 ? colour(s.fill, "transparent") : "transparent";
      el.style.borderColor = colour(s.stroke, "#555");
      if (s.dash) el.style.borderStyle = "dashed";
    }
    return el;
  }

  function legendRow(parent, s, line, text) {
    var row = document.createElement("div");
    row.className = "atlas-legend-row";
    row.appendChild(swatch(s, line));
    var t = document.createElement("span");
    t.textContent = text;
    row.appendChild(t);
    parent.appendChild(row);
  }

  var NO_LEGEND = { countries: 1, provinces: 1 };
  function drawLegend() {
    var box = atlas.map.getContainer(), el = box.querySelector(".atlas-legend");
    var pr = labels.presentation;
    if (!pr || !pr.legend) { if (el) el.parentNode.removeChild(el); return; }
    if (!el) {
      el = document.createElement("div");
      el.className = "atlas-legend";
      box.appendChild(el);
    }
    while (el.firstChild) el.removeChild(el.firstChild);
    el.style.top = (pr.top || 10) + "px";
    atlas.order.forEach(function (id) {
      var def = atlas.defs[id], layer = atlas.layers[id];
      if (NO_LEGEND[id] || !layer || !atlas.map.hasLayer(layer)) return;
      var line = def.geometry === "line", base = def.style || {}, cat = base.categories;
      var title = document.createElement("div");
      title.className = "atlas-legend-title";
      title.textContent = pick(def.title);
      el.appendChild(title);
      if (cat && cat.labels && Object.keys(cat.labels).length) {
        Object.keys(cat.labels).forEach(function (value) {
          legendRow(el, atlas.rules.resolvedStyle(def, (function () { var p = {}; p[cat.property] = value; return p; })()),
                    line, pick(cat.labels[value]));
        });
      } else if (!base.choropleth) {
        legendRow(el, base, line, pick(def.title));
        el.removeChild(title);
      }
    });
    if (!el.firstChild) el.parentNode.removeChild(el);
  }
  labels.drawLegend = drawLegend;

  /* ---------- hooks on atlas.js (wrapping, so atlas.js needs no change) ---------- */

  function setup(map, config) {
    labels.pane = map.createPane("atlas-names");
    labels.pane.style.zIndex = "630";          // above every layer, below the highlight (640)
    labels.pane.style.pointerEvents = "none";
    labels.pane.classList.add("leaflet-zoom-hide");
    map.getPane("tooltipPane").classList.add("leaflet-zoom-hide");
    labels.reliefConfig = config.relief || null;
    var inline = config.labels && config.labels.data;  // the web map carries its names inline
    if (inline) {
      labels.names = Array.isArray(inline.features) ? inline.features : [];
      labels.loaded = true;
    }
    var names = !inline && config.labels && config.labels.url
      ? new Promise(function (resolve) {
        var xhr = new XMLHttpRequest();
        xhr.open("GET", config.labels.url);
        xhr.onload = function () {
          try { labels.names = JSON.parse(xhr.responseText).features || []; } catch (e) { labels.names = []; }
          labels.loaded = true;
          namesMayHaveChanged();
          atlas.timingsMs._names = Math.round(performance.now());
          resolve();
        };
        xhr.onerror = function () { resolve(); };
        xhr.send();
      }) : Promise.resolve();
    // The relief is drawn when its images are in (early.js started them), the names placed when
    // the names are: neither waits for the other.
    var relief = Promise.resolve();
    if (Array.isArray(labels.reliefConfig) && labels.reliefConfig.length) {
      relief = Promise.all(labels.reliefConfig.map(function (r) {
        return window.atlasImage(r.url).then(function (image) { return { image: image, bounds: r.bounds }; });
      })).then(function (images) {
        atlas.timingsMs._relief = Math.round(performance.now());
        labels.reliefImages = images.filter(function (r) { return r.image; });
        syncRelief();
      });
    }
    map.on("moveend zoomend resize", labels.schedule);
    var fit = map.fitBounds, fly = map.flyToBounds;
    map.fitBounds = function (b, o) { return fit.call(map, b, slidePadding(b, o)); };
    map.flyToBounds = function (b, o) { return fly.call(map, b, slidePadding(b, o)); };
    // after atlas.js's own zoomend, which adds and drops the point layers' features by zoom
    map.on("zoomend", function () { setTimeout(namesMayHaveChanged, 0); });
    map.on("layeradd layerremove", function (e) {
      if (e.layer && e.layer.atlasDef) namesMayHaveChanged();
      if (e.layer && e.layer.atlasDef && e.layer.atlasDef.id === "countries") syncRelief();
      if (e.layer && e.layer.atlasDef && labels.presentation) drawLegend();
      labels.schedule();
    });
    return { names: names, relief: relief };
  }

  var init = atlas.init;
  atlas.init = function (map, config) {
    var started = setup(map, config);
    var placed = started.names.then(function () {
      labels.place();
      atlas.timingsMs._labelsPlaced = Math.round(performance.now());
    });
    atlas.readyHooks = (atlas.readyHooks || []).concat([placed, started.relief]);
    init(map, config);
  };
  var setLang = atlas.setLang;
  atlas.setLang = function (lang) { var r = setLang(lang); labels.schedule(); return r; };
  var apply = atlas.applyState;
  atlas.applyState = function (d) {
    var r = apply(d);
    if (d && "presentation" in d) labels.setPresentation(d.presentation);
    if (d && Array.isArray(d.label_obstacles)) {
      labels.obstacles = d.label_obstacles.filter(function (b) {
        return Array.isArray(b) && b.length === 4 && b.every(function (v) { return typeof v === "number" && isFinite(v); });
      });
    }
    if (atlas.map && labels.pane) labels.schedule();
    return r;
  };
  var state = atlas.state;
  atlas.state = function () {   // an export reads this right before printing: place first
    if (labels.timer) { clearTimeout(labels.timer); labels.timer = null; }
    labels.place();
    var s = state();
    s.labels = labels.stats;
    s.presentation = labels.presentation;
    return s;
  };
})();
