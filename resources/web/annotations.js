/* annotations.js: the user's annotations drawn on the map, and the tools that draw them.
 *
 * Python owns the annotations (gis_app/core/annotations.py, every change an undo command) and
 * sends what changed through atlas.applyState: the whole list once (a project, a slide), then one
 * operation per edit (atlas.annotationOps), which redraws only that annotation. The page only draws them and reports what
 * the user did through the bridge: annotationChanged(json) for a new or moved annotation (no id =
 * new), annotationSelected(id) for a click ("" = none). Text reaches the DOM through textContent
 * only: annotation text is user input.
 *
 * Annotations live in their own pane above every layer, so what the window shows is what the
 * export (which renders this same page) prints.
 */
(function () {
  "use strict";

  var PANE = "atlas-annotations";
  var PANE_Z = 630;  // above the layers (400+), below the highlight (640), tooltips and popups
  var COLOR = /^#[0-9a-fA-F]{6}$/;                               // gis_app/core/annotations.py COLOR
  var KINDS = ["text", "arrow", "line", "area", "rect", "marker"];  // and KINDS
  var DEFAULT_COLOR = "#d62728";                                  // and DEFAULTS["color"]

  var A = {
    items: [],        // GeoJSON features from Python
    group: null,      // L.LayerGroup of what is drawn
    drawn: {},        // id -> Leaflet layers of that annotation
    visible: true,
    tool: null,       // null (select/move) | text | arrow | line | area | rect | marker
    selected: "",
    draft: null,      // the shape being drawn: {kind, points: [LatLng], layer}
    digitise: null,   // while digitising a user layer: its geometry (point | line | polygon)
    drag: null        // the annotation being moved: {id, start: Point, feature}
  };

  function map() { return window.atlas && window.atlas.map; }

  function report(method) {
    var args = Array.prototype.slice.call(arguments, 1);
    var bridge = window.atlas && window.atlas.bridge;
    if (bridge && typeof bridge[method] === "function") bridge[method].apply(bridge, args);
  }

  function colour(c) { return COLOR.test(String(c)) ? String(c) : DEFAULT_COLOR; }

  function num(v, fallback) { v = Number(v); return isFinite(v) ? v : fallback; }

  function ensure() {
    var m = map();
    if (!m) return false;
    if (A.group) return true;
    m.createPane(PANE).style.zIndex = String(PANE_Z);
    A.group = L.layerGroup().addTo(m);
    m.on("zoomend", redraw);  // arrowheads are sized in screen pixels
    m.on("click", onMapClick);
    m.on("dblclick", onMapDoubleClick);
    m.on("mousemove", onMouseMove);
    m.on("mousedown", onMouseDown);
    m.on("mouseup", onMouseUp);
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape") cancelDraft();
      else if (e.key === "Enter") finishDraft();
    });
    return true;
  }

  /* ---------- drawing the annotations ---------- */

  function ll(pos) { return L.latLng(pos[1], pos[0]); }
  function pos(latlng) { return [Number(latlng.lng.toFixed(6)), Number(latlng.lat.toFixed(6))]; }

  function arrowHead(latlngs, width, color, opts) {
    var m = map(), n = latlngs.length;
    var tip = m.latLngToLayerPoint(latlngs[n - 1]), back = m.latLngToLayerPoint(latlngs[n - 2]);
    var dx = tip.x - back.x, dy = tip.y - back.y, len = Math.sqrt(dx * dx + dy * dy) || 1;
    var ux = dx / len, uy = dy / len, size = 6 + 3.5 * width, half = size * 0.5;
    var base = L.point(tip.x - ux * size, tip.y - uy * size);
    var pts = [tip, L.point(base.x - uy * half, base.y + ux * half), L.point(base.x + uy * half, base.y - ux * half)];
    return L.polygon(pts.map(function (p) { return m.layerPointToLatLng(p); }),
      L.extend({}, opts, { fill: true, fillColor: color, fillOpacity: 1, weight: 1 }));
  }

  function textIcon(props, extraClass) {
    var box = document.createElement("div");
    box.className = "atlas-annotation-text-inner";
    var main = document.createElement("span");
    main.className = "atlas-annotation-main";
    main.textContent = props.text || "";
    main.style.color = colour(props.color);
    main.style.fontSize = num(props.font_size, 14) + "px";
    box.appendChild(main);
    if (props.kind === "marker" && props.note) {
      var note = document.createElement("span");
      note.className = "atlas-annotation-note";
      note.textContent = props.note;
      note.style.fontSize = Math.max(8, Math.round(num(props.font_size, 14) * 0.8)) + "px";
      box.appendChild(note);
    }
    return L.divIcon({ className: "atlas-annotation-text " + (extraClass || ""), html: box,
                       iconSize: null });
  }

  function layersFor(feature) {
    var p = feature.properties || {}, g = feature.geometry || {}, kind = p.kind;
    var color = colour(p.color), width = num(p.width, 3), selected = feature.id === A.selected;
    var opts = { pane: PANE, color: color, weight: width, opacity: 1, interactive: true,
                 bubblingMouseEvents: false };
    var out = [];
    if (kind === "text") {
      out.push(L.marker(ll(g.coordinates), { pane: PANE, icon: textIcon(p, selected ? "selected" : ""),
                                             keyboard: false, bubblingMouseEvents: false }));
    } else if (kind === "marker") {
      out.push(L.circleMarker(ll(g.coordinates), L.extend({}, opts, {
        radius: 4 + width, fill: true, fillColor: color, fillOpacity: 0.9, color: "#ffffff",
        weight: Math.max(1.5, width / 2) })));
      if (p.text || p.note) {
        out.push(L.marker(ll(g.coordinates), { pane: PANE, keyboard: false, bubblingMouseEvents: false,
                                               icon: textIcon(p, "marker-label" + (selected ? " selected" : "")) }));
      }
    } else if (kind === "line" || kind === "arrow") {
      var latlngs = g.coordinates.map(ll);
      out.push(L.polyline(latlngs, L.extend({}, opts, { lineCap: "round", lineJoin: "round" })));
      if (kind === "arrow" && latlngs.length >= 2) out.push(arrowHead(latlngs, width, color, opts));
    } else if (kind === "area" || kind === "rect") {
      var ring = g.coordinates[0].slice(0, -1).map(ll);
      out.push(L.polygon(ring, L.extend({}, opts, { fill: true, fillColor: color,
                                                     fillOpacity: num(p.fill_opacity, 0.25) })));
    }
    if (selected) {
      out.forEach(function (layer) {
        if (layer.setStyle && kind !== "marker") layer.setStyle({ dashArray: "6 4" });
      });
    }
    out.forEach(function (layer) {
      layer.on("click", function (e) {
        if (A.tool) return;  // a drawing tool is active: the click belongs to the tool
        L.DomEvent.stopPropagation(e);
        select(feature.id, true);
      });
      layer.on("mousedown", function (e) { startDrag(feature, e); });
    });
    return out;
  }

  function redraw() {
    if (!ensure()) return;
    A.group.clearLayers();
    A.drawn = {};
    if (!A.visible) return;
    A.items.forEach(function (feature) {
      var shown = A.drag && A.drag.id === feature.id ? A.drag.feature : feature;
      try {
        A.drawn[feature.id] = layersFor(shown);
        A.drawn[feature.id].forEach(function (layer) { A.group.addLayer(layer); });
      } catch (err) {
        console.warn("annotation " + feature.id + " not drawn: " + err.message);
      }
    });
  }

  function select(id, fromUser) {
    id = id || "";
    if (A.selected === id) return;
    var before = A.selected;
    A.selected = id;
    [before, id].forEach(redrawId);
    if (fromUser) report("annotationSelected", id);
  }

  /* ---------- moving the selected annotation ---------- */

  function shifted(feature, dx, dy) {
    var m = map();
    function move(p) {
      var pt = m.latLngToLayerPoint(ll(p));
      return pos(m.layerPointToLatLng(L.point(pt.x + dx, pt.y + dy)));
    }
    var g = feature.geometry, c;
    if (g.type === "Point") c = move(g.coordinates);
    else if (g.type === "LineString") c = g.coordinates.map(move);
    else c = g.coordinates.map(function (ring) { return ring.map(move); });
    return { type: "Feature", id: feature.id, properties: feature.properties,
             geometry: { type: g.type, coordinates: c } };
  }

  function startDrag(feature, e) {
    if (A.tool || feature.id !== A.selected || !e.originalEvent) return;
    L.DomEvent.stop(e);
    map().dragging.disable();
    A.drag = { id: feature.id, start: map().mouseEventToLayerPoint(e.originalEvent), original: feature,
               feature: feature, moved: false };
  }

  function dragTo(e) {
    var p = map().mouseEventToLayerPoint(e.originalEvent);
    var dx = p.x - A.drag.start.x, dy = p.y - A.drag.start.y;
    if (Math.abs(dx) + Math.abs(dy) < 2 && !A.drag.moved) return;
    A.drag.moved = true;
    A.drag.feature = shifted(A.drag.original, dx, dy);
    drawOne(A.drag.feature);
  }

  function endDrag() {
    var drag = A.drag;
    A.drag = null;
    map().dragging.enable();
    if (drag.moved) report("annotationChanged", JSON.stringify(drag.feature));
    redrawId(drag.id);  // as it stands until Python's update arrives
  }

  function redrawId(id) {
    if (!id || !A.group) return;
    for (var i = 0; i < A.items.length; i++) if (A.items[i].id === id) return drawOne(A.items[i]);
  }

  /* ---------- the drawing tools ---------- */

  function cancelDraft() {
    if (A.draft && A.draft.layer) map().removeLayer(A.draft.layer);
    A.draft = null;
  }

  function finish(kind, geometry) {
    cancelDraft();
    if (A.digitise) { report("featureDrawn", JSON.stringify(geometry)); return; }
    report("annotationChanged", JSON.stringify({ type: "Feature", geometry: geometry,
                                                  properties: { kind: kind } }));
  }

  function draftLine(extra) {
    var pts = A.draft.points.concat(extra ? [extra] : []);
    var opts = { pane: PANE, color: "#333333", weight: 2, dashArray: "4 4", interactive: false };
    if (A.draft.layer) map().removeLayer(A.draft.layer);
    A.draft.layer = (A.draft.kind === "area" && pts.length > 2 ? L.polygon(pts, opts) : L.polyline(pts, opts))
      .addTo(map());
  }

  function onMapClick(e) {
    if (!A.tool) { select("", true); return; }
    if (A.tool === "text" || A.tool === "marker") {
      finish(A.tool, { type: "Point", coordinates: pos(e.latlng) });
    } else if (A.tool === "line" || A.tool === "arrow" || A.tool === "area") {
      // A second click on the same spot within 400 ms ends the shape: our own double-click test,
      // as the DOM's dblclick depends on how the click count reaches the page.
      var now = Date.now(), here = map().latLngToContainerPoint(e.latlng);
      var last = A.lastClick;
      A.lastClick = { t: now, p: here };
      if (A.draft && last && now - last.t < 400 && here.distanceTo(last.p) < 5) {
        finishDraft();
        return;
      }
      if (!A.draft) A.draft = { kind: A.tool, points: [] };
      A.draft.points.push(e.latlng);
      draftLine();
    }
  }

  function onMapDoubleClick(e) {
    if (!A.draft || A.draft.kind === "rect") return;
    L.DomEvent.stop(e);
    finishDraft();
  }

  function finishDraft() {   // double-click or Enter
    if (!A.draft || A.draft.kind === "rect") return;
    var pts = A.draft.points, kind = A.draft.kind;
    // the double-click's two clicks added the last point twice
    while (pts.length > 1 && pts[pts.length - 1].equals(pts[pts.length - 2])) pts.pop();
    if ((kind === "area" && pts.length < 3) || pts.length < 2) return;
    if (kind === "area") {
      var ring = pts.map(pos);
      ring.push(ring[0]);
      finish(kind, { type: "Polygon", coordinates: [ring] });
    } else {
      finish(kind, { type: "LineString", coordinates: pts.map(pos) });
    }
  }

  function onMouseDown(e) {
    if (A.tool !== "rect" || !e.originalEvent) return;
    A.draft = { kind: "rect", points: [e.latlng], layer: null };
  }

  function onMouseMove(e) {
    if (A.drag) { dragTo(e); return; }
    if (!A.draft) return;
    if (A.draft.kind === "rect") {
      if (A.draft.layer) map().removeLayer(A.draft.layer);
      A.draft.layer = L.rectangle(L.latLngBounds(A.draft.points[0], e.latlng),
        { pane: PANE, color: "#333333", weight: 2, dashArray: "4 4", interactive: false }).addTo(map());
    } else {
      draftLine(e.latlng);
    }
  }

  function onMouseUp(e) {
    if (A.drag) { endDrag(); return; }
    if (!A.draft || A.draft.kind !== "rect") return;
    var a = A.draft.points[0], b = e.latlng, m = map();
    var pa = m.latLngToLayerPoint(a), pb = m.latLngToLayerPoint(b);
    if (Math.abs(pa.x - pb.x) < 4 || Math.abs(pa.y - pb.y) < 4) { cancelDraft(); return; }
    var w = Math.min(a.lng, b.lng), e2 = Math.max(a.lng, b.lng);
    var s = Math.min(a.lat, b.lat), n = Math.max(a.lat, b.lat);
    var ring = [[w, s], [e2, s], [e2, n], [w, n], [w, s]].map(function (p) {
      return [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];
    });
    finish("rect", { type: "Polygon", coordinates: [ring] });
  }

  /* ---------- the API Python calls ---------- */

  atlas.setAnnotations = function (items) {
    A.items = Array.isArray(items) ? items : [];
    if (A.selected && !A.items.some(function (f) { return f.id === A.selected; })) A.selected = "";
    redraw();
    return A.items.length;
  };

  function drawOne(feature) {
    (A.drawn[feature.id] || []).forEach(function (layer) { A.group.removeLayer(layer); });
    delete A.drawn[feature.id];
    if (!A.visible) return;
    try {
      A.drawn[feature.id] = layersFor(feature);
      A.drawn[feature.id].forEach(function (layer) { A.group.addLayer(layer); });
    } catch (err) {
      console.warn("annotation " + feature.id + " not drawn: " + err.message);
    }
  }

  function undraw(id) {
    (A.drawn[id] || []).forEach(function (layer) { A.group.removeLayer(layer); });
    delete A.drawn[id];
  }

  // {all: [...]} replaces the list; {ops: [["put", feature, index], ["remove", id]]} changes only
  // those (10,000 annotations: an edit redraws one, not all). A changed annotation is drawn on top
  // until the next whole redraw (zoom); the list keeps its order.
  atlas.annotationOps = function (change) {
    if (!ensure()) return false;
    if (Array.isArray(change.all)) return atlas.setAnnotations(change.all);
    (change.ops || []).forEach(function (op) {
      if (op[0] === "put" && op[1] && op[1].id) {
        var f = op[1], at = -1;
        for (var i = 0; i < A.items.length; i++) if (A.items[i].id === f.id) { at = i; break; }
        if (at >= 0) A.items[at] = f;
        else A.items.splice(typeof op[2] === "number" ? op[2] : A.items.length, 0, f);
        drawOne(f);
      } else if (op[0] === "remove") {
        A.items = A.items.filter(function (f) { return f.id !== op[1]; });
        if (A.selected === op[1]) A.selected = "";
        undraw(op[1]);
      }
    });
    return A.items.length;
  };

  atlas.setAnnotationsVisible = function (visible) {
    if (A.visible === !!visible && A.group) return A.visible;
    A.visible = !!visible;
    redraw();
    return A.visible;
  };

  atlas.setAnnotationTool = function (tool) {
    if (!ensure()) return false;
    cancelDraft();
    A.digitise = null;
    A.tool = KINDS.indexOf(tool) >= 0 ? tool : null;
    var m = map();
    // while drawing, a drag draws a rectangle and a double-click ends a line: not pan and zoom
    if (A.tool) { m.doubleClickZoom.disable(); if (A.tool === "rect") m.dragging.disable(); else m.dragging.enable(); }
    else { m.doubleClickZoom.enable(); m.dragging.enable(); }
    m.getContainer().classList.toggle("atlas-drawing", !!A.tool);
    return A.tool;
  };

  // Digitising (gis_app/ui/digitise.py): the same clicks, double-click or Enter and Esc draw a
  // user layer's point, line or polygon, reported as featureDrawn(geometry), not as an annotation.
  var DIGITISE_TOOLS = { point: "marker", line: "line", polygon: "area" };
  atlas.setDigitiseTool = function (geometry) {
    var tool = DIGITISE_TOOLS.hasOwnProperty(geometry) ? DIGITISE_TOOLS[geometry] : null;
    atlas.setAnnotationTool(tool);
    A.digitise = tool ? geometry : null;
    return A.digitise;
  };

  atlas.selectAnnotation = function (id) { select(id, false); return A.selected; };

  // The rules Python also implements (tests/rules_cases.json).
  atlas.rules = atlas.rules || {};
  atlas.rules.annotationKinds = KINDS.slice();
  atlas.rules.annotationColour = colour;

  // For tests: what is drawn, as plain values.
  atlas.annotationState = function () {
    var pane = map() && map().getPane(PANE);
    return { ids: Object.keys(A.drawn), count: A.items.length, visible: A.visible, tool: A.tool,
             digitise: A.digitise || null,
             draft: A.draft ? A.draft.points.length : 0,
             selected: A.selected, texts: pane ? Array.prototype.map.call(
               pane.querySelectorAll(".atlas-annotation-main"), function (n) { return n.textContent; }) : [] };
  };
})();
