/* basemap_vector.js: the user's basemap when it holds vector tiles (MVT), drawn by the vendored
 * protomaps-leaflet (vendor/protomaps-leaflet/) in a default style for the schema Python recognised
 * (gis_app/core/mvt.py): OpenMapTiles, Shortbread or the Protomaps basemap; any other schema draws
 * every layer's polygons, lines and points in neutral greys. Loaded by basemap.js only when a
 * vector basemap is opened (nothing of it at start-up). Tiles reach it unpacked and checked by
 * Python (atlastiles://, gis_app/ui/tile_scheme.py).
 *
 * Names follow the atlas's language: name:kk → name:ru → name:en → name (from the reader's
 * language down; both "name:xx" and "name_xx" spellings).
 */
(function () {
  "use strict";
  var atlas = window.atlas, P = window.protomapsL;
  if (!atlas || !P) return;

  var LAND = "#f3f0e9", WATER = "#9fc3df", WATER_LINE = "#7fb0d6", GREY_FILL = "#b4b4b4",
      GREY_LINE = "#8c8c8c", GREY_POINT = "#6e6e6e", TEXT = "#3c3c3c", HALO = "#ffffff";
  var GREEN = { wood: "#cfe0bf", forest: "#cfe0bf", grass: "#e2ecd0", grassland: "#e2ecd0",
                park: "#d8e8c6", meadow: "#e2ecd0", scrub: "#dde6c9", farmland: "#eeeedb",
                farmyard: "#eeeedb", wetland: "#d9e8e2", swamp: "#d9e8e2", ice: "#f4f8fb",
                glacier: "#f4f8fb", sand: "#f2e8c9", beach: "#f2e8c9", barren: "#ebe5da",
                bare_rock: "#e4e0da", rock: "#e4e0da", residential: "#ebe6e0", urban_area: "#ebe6e0",
                industrial: "#e6e1e6", commercial: "#efe3e3", cemetery: "#dbe4d3", military: "#f0dede" };
  var CHAINS = { kk: ["kk", "ru", "en"], ru: ["ru", "en"], en: ["en"] };

  function nameProps() {
    var out = [];
    (CHAINS[atlas.lang] || CHAINS.en).forEach(function (l) { out.push("name:" + l, "name_" + l); });
    out.push("name");
    return out;
  }
  function prop(key) { return function (z, f) { return f.props[key]; }; }
  function is(key, values) {
    return function (z, f) { return values.indexOf(f.props[key]) >= 0; };
  }
  function geom(type) { return function (z, f) { return f.geomType === type; }; }  // 1 point, 2 line, 3 polygon
  function green(key) {
    return function (z, f) { return GREEN[f.props[key]] || GREEN[f.props.subclass] || "#e6e3da"; };
  }
  function fill(layer, colour, extra) {
    return Object.assign({ dataLayer: layer, symbolizer: new P.PolygonSymbolizer({ fill: colour }) }, extra || {});
  }
  function line(layer, colour, width, extra, dash) {
    var o = { color: colour, width: width };
    if (dash) o.dash = dash;
    return Object.assign({ dataLayer: layer, symbolizer: new P.LineSymbolizer(o) }, extra || {});
  }
  function text(layer, size, weight, extra, upper) {
    var o = { labelProps: nameProps, fill: TEXT, stroke: HALO, width: 2.5,
              font: (weight || 400) + " " + size + "px sans-serif" };
    if (upper) { o.textTransform = "uppercase"; o.letterSpacing = 1; }
    return Object.assign({ dataLayer: layer, symbolizer: placed(new P.CenteredTextSymbolizer(o)) }, extra || {});
  }
  // the names placed on the map (atlas.basemapLabels(): what a reader sees, for tests and checks)
  var shownNames = {};
  // A name the atlas draws itself (labels.js: countries, provinces, waters, enclaves, the point
  // layers' labels) is not drawn again from the tiles.
  function placed(symbolizer) {
    var place = symbolizer.place;
    symbolizer.place = function (layout, geom, feature) {
      var t = nameProps().map(function (k) { return feature.props[k]; }).filter(function (v) { return typeof v === "string"; })[0];
      if (t && atlas.labels && atlas.labels.drawsName && atlas.labels.drawsName(t)) return undefined;
      var out = place.apply(symbolizer, arguments);
      if (out && t) shownNames[t] = true;
      return out;
    };
    return symbolizer;
  }
  atlas.basemapLabels = function () { return Object.keys(shownNames); };
  function lineText(layer, extra) {
    return Object.assign({ dataLayer: layer, symbolizer: placed(new P.LineLabelSymbolizer(
      { labelProps: nameProps, fill: "#3f6f99", stroke: HALO, width: 2, font: "italic 400 11px sans-serif" })) },
      extra || {});
  }
  function roads(layer, key, classes) {
    // classes: [[values], colour, width, minzoom]
    return classes.map(function (c) { return line(layer, c[1], c[2], { filter: is(key, c[0]), minzoom: c[3] || 0 }); });
  }

  var STYLES = {
    openmaptiles: function () {
      return {
        paint: [fill("landcover", green("class")), fill("landuse", green("class"), { minzoom: 8 }),
                fill("park", GREEN.park), fill("water", WATER), line("waterway", WATER_LINE, 1, { filter: is("class", ["river", "canal"]) }),
                line("waterway", WATER_LINE, 0.5, { filter: is("class", ["stream", "ditch", "drain"]), minzoom: 11 }),
                fill("building", "#ddd4cc", { minzoom: 13 })]
          .concat(roads("transportation", "class", [[["motorway", "trunk"], "#d9925a", 1.6], [["primary"], "#e3b36c", 1.2, 6],
                  [["secondary", "tertiary"], "#cbbfae", 0.9, 8], [["minor", "service", "track"], "#d3ccc2", 0.6, 12],
                  [["rail"], "#9a9a9a", 0.8, 8]]))
          .concat([line("boundary", "#8a6f8f", 0.8, { filter: function (z, f) { return f.props.admin_level == 4 && !f.props.maritime; }, minzoom: 4 }, [3, 2]),
                   line("boundary", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.admin_level == 2 && !f.props.maritime && !f.props.disputed; } }),
                   line("boundary", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.admin_level == 2 && !!f.props.disputed; } }, [4, 3])]),
        labels: [text("place", 13, 600, { filter: is("class", ["country"]) }, true),
                 text("place", 12, 600, { filter: function (z, f) { return f.props.class === "city" || f.props.capital == 2; } }),
                 text("place", 11, 400, { filter: is("class", ["town"]), minzoom: 7 }),
                 text("place", 10, 400, { filter: is("class", ["village", "suburb"]), minzoom: 10 }),
                 text("water_name", 11, 400, { filter: geom(1) }), lineText("waterway", { minzoom: 9 })]
      };
    },
    shortbread: function () {
      return {
        paint: [fill("land", green("kind")), fill("sites", "#ece6e0", { minzoom: 12 }), fill("ocean", WATER),
                fill("water_polygons", WATER), line("water_lines", WATER_LINE, 1, { filter: is("kind", ["river", "canal"]) }),
                line("water_lines", WATER_LINE, 0.5, { filter: is("kind", ["stream", "ditch", "drain"]), minzoom: 11 }),
                fill("buildings", "#ddd4cc", { minzoom: 13 })]
          .concat(roads("streets", "kind", [[["motorway", "trunk"], "#d9925a", 1.6], [["primary"], "#e3b36c", 1.2, 6],
                  [["secondary", "tertiary"], "#cbbfae", 0.9, 8],
                  [["unclassified", "residential", "living_street", "service", "track"], "#d3ccc2", 0.6, 12],
                  [["rail"], "#9a9a9a", 0.8, 8]]))
          .concat([line("boundaries", "#8a6f8f", 0.8, { filter: function (z, f) { return f.props.admin_level == 4; }, minzoom: 4 }, [3, 2]),
                   line("boundaries", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.admin_level == 2 && !f.props.disputed; } }),
                   line("boundaries", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.admin_level == 2 && !!f.props.disputed; } }, [4, 3])]),
        labels: [text("boundary_labels", 13, 600, { filter: function (z, f) { return f.props.admin_level == 2; } }, true),
                 text("place_labels", 12, 600, { filter: is("kind", ["capital", "state_capital", "city"]) }),
                 text("place_labels", 11, 400, { filter: is("kind", ["town"]), minzoom: 7 }),
                 text("place_labels", 10, 400, { filter: is("kind", ["village", "suburb", "hamlet"]), minzoom: 10 }),
                 text("water_polygons_labels", 11, 400), lineText("water_lines_labels", { minzoom: 9 })]
      };
    },
    protomaps: function () {
      return {
        paint: [fill("earth", LAND), fill("landcover", green("kind")), fill("landuse", green("kind"), { minzoom: 8 }),
                fill("natural", green("kind")), fill("water", WATER, { filter: geom(3) }),
                line("water", WATER_LINE, 1, { filter: geom(2) }), fill("buildings", "#ddd4cc", { minzoom: 13 })]
          .concat(roads("roads", "kind", [[["highway"], "#d9925a", 1.6], [["major_road"], "#e3b36c", 1.1, 6],
                  [["medium_road"], "#cbbfae", 0.9, 9], [["minor_road", "path", "other"], "#d3ccc2", 0.6, 12]]))
          .concat([line("boundaries", "#8a6f8f", 0.8, { filter: is("kind", ["region"]), minzoom: 4 }, [3, 2]),
                   line("boundaries", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.kind === "country" && !f.props.disputed; } }),
                   line("boundaries", "#6b4f72", 1.4, { filter: function (z, f) { return f.props.kind === "country" && !!f.props.disputed; } }, [4, 3])]),
        labels: [text("places", 13, 600, { filter: is("kind", ["country"]) }, true),
                 text("places", 11, 400, { filter: is("kind", ["region"]), minzoom: 5 }),
                 text("places", 12, 600, { filter: function (z, f) { return f.props.kind === "locality" && (f.props.capital === "yes" || (f.props.population_rank || 0) >= 10); } }),
                 text("places", 10, 400, { filter: function (z, f) { return f.props.kind === "locality" && f.props.capital !== "yes" && (f.props.population_rank || 0) < 10; }, minzoom: 7 }),
                 text("water", 11, 400, { filter: geom(1) })]
      };
    },
    generic: function (layers) {
      var paint = [], labels = [];
      [3, 2, 1].forEach(function (type) {   // polygons under lines under points, for every layer
        layers.forEach(function (id) {
          if (type === 3) paint.push(Object.assign(fill(id, GREY_FILL, { filter: geom(3) }),
            { symbolizer: new P.PolygonSymbolizer({ fill: GREY_FILL, opacity: 0.85, stroke: GREY_LINE, width: 0.5 }) }));
          else if (type === 2) paint.push(line(id, GREY_LINE, 0.8, { filter: geom(2) }));
          else {
            paint.push({ dataLayer: id, filter: geom(1), symbolizer: new P.CircleSymbolizer({ radius: 2, fill: GREY_POINT }) });
            labels.push(text(id, 10, 400, { filter: geom(1) }));
          }
        });
      });
      return { paint: paint, labels: labels };
    }
  };

  /* A layer for `url` (atlastiles://…/{z}/{x}/{y}?v=N); `info` = {schema, layers}. The layer's
   * atlasPending() is the number of tiles still being fetched or drawn (an export waits on it). */
  atlas.vectorBasemapLayer = function (url, options, info) {
    var schema = info && STYLES[info.schema] ? info.schema : "generic";
    var style = STYLES[schema]((info && Array.isArray(info.layers) ? info.layers : []).filter(function (s) {
      return typeof s === "string"; }));
    // an export is printed to PDF and rasterised at its DPI: draw the tiles' canvases finer then
    var print = atlas.map && atlas.map.getContainer().classList.contains("atlas-print");
    var ratio = Math.min(4, Math.max(window.devicePixelRatio || 1, print ? 3 : 1));
    var layer = P.leafletLayer(Object.assign({}, options, { devicePixelRatio: ratio,
      url: url, paintRules: style.paint, labelRules: style.labels, attribution: "",
      backgroundColor: schema === "openmaptiles" || schema === "shortbread" ? LAND : undefined,
      maxDataZoom: info && info.maxzoom >= 0 ? info.maxzoom : 14, lang: atlas.lang }));
    // renders in flight, by start time: one that never ends (a fetch that hangs) stops counting
    // after STUCK_MS, so an export waits for the drawing but never for ever
    var inflight = {}, next = 0, render = layer.renderTile, STUCK_MS = 15000;
    layer.renderTile = function () {
      var id = ++next;
      inflight[id] = Date.now();
      var done = function () { delete inflight[id]; };
      var p = render.apply(layer, arguments);
      p.then(done, function (e) { done(); if (window.console) console.error(String(e)); });
      return p;
    };
    layer.atlasPending = function () {
      var now = Date.now();
      return Object.keys(inflight).filter(function (k) { return now - inflight[k] < STUCK_MS; }).length;
    };
    layer.atlasSchema = schema;
    layer.atlasRelabel = function () {
      shownNames = {}; layer.lang = atlas.lang; layer.clearLayout(); layer.rerenderTiles(); };
    shownNames = {};
    return layer;
  };
})();
