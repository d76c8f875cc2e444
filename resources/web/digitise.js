/* digitise.js: reshaping a feature the analyst digitised (gis_app/ui/digitise.py).
 *
 * New features are drawn with the annotation tools' clicks (annotations.js, atlas.setDigitiseTool).
 * Here a feature's shape is edited in place: drag one of its points to move that point, drag its
 * line or area to move it all; Enter reports the new shape through the bridge (featureDrawn), Esc
 * cancels. Python checks the shape and makes the change an undoable step; the page never changes a
 * layer itself.
 */
(function () {
  "use strict";

  var PANE = "atlas-annotations";  // annotations.js makes it: above the layers
  var E = null;                    // {type, points: [LatLng], group, drag}
  var hooked = false;

  function map() { return window.atlas && window.atlas.map; }

  function ll(p) { return L.latLng(p[1], p[0]); }
  function pos(latlng) { return [Number(latlng.lng.toFixed(6)), Number(latlng.lat.toFixed(6))]; }

  function report(method, value) {
    var bridge = window.atlas && window.atlas.bridge;
    if (bridge && typeof bridge[method] === "function") bridge[method](value);
  }

  function geometry() {
    var c = E.points.map(pos);
    if (E.type === "Point") return { type: "Point", coordinates: c[0] };
    if (E.type === "LineString") return { type: "LineString", coordinates: c };
    return { type: "Polygon", coordinates: [c.concat([c[0]])] };
  }

  function draw() {
    var m = map();
    if (E.group) m.removeLayer(E.group);
    E.group = L.layerGroup().addTo(m);
    var opts = { pane: PANE, color: "#222222", weight: 2, dashArray: "5 4", bubblingMouseEvents: false };
    var body = E.type === "Polygon" ? L.polygon(E.points, L.extend({ fillOpacity: 0.15 }, opts))
      : E.type === "LineString" ? L.polyline(E.points, opts) : null;
    if (body) {
      body.on("mousedown", function (ev) { startDrag(-1, ev); });
      E.group.addLayer(body);
    }
    E.points.forEach(function (p, i) {
      var handle = L.circleMarker(p, { pane: PANE, radius: 6, color: "#222222", weight: 2, fill: true,
                                       fillColor: "#ffffff", fillOpacity: 1, bubblingMouseEvents: false });
      handle.on("mousedown", function (ev) { startDrag(i, ev); });
      E.group.addLayer(handle);
    });
  }

  function startDrag(index, ev) {
    if (!ev.originalEvent) return;
    L.DomEvent.stop(ev);
    map().dragging.disable();
    E.drag = { index: index, start: map().mouseEventToLayerPoint(ev.originalEvent), original: E.points.slice() };
  }

  function dragTo(ev) {
    if (!E || !E.drag) return;
    var m = map(), d = E.drag, p = m.mouseEventToLayerPoint(ev.originalEvent);
    if (d.index >= 0) {
      E.points[d.index] = m.layerPointToLatLng(p);
    } else {
      var dx = p.x - d.start.x, dy = p.y - d.start.y;
      E.points = d.original.map(function (q) {
        var pt = m.latLngToLayerPoint(q);
        return m.layerPointToLatLng(L.point(pt.x + dx, pt.y + dy));
      });
    }
    draw();
  }

  function endDrag() {
    if (!E || !E.drag) return;
    E.drag = null;
    map().dragging.enable();
  }

  function cancel() {
    if (!E) return;
    if (E.group) map().removeLayer(E.group);
    if (E.drag) map().dragging.enable();
    E = null;
  }

  function keep() {
    var shape = geometry();
    cancel();
    report("featureDrawn", JSON.stringify(shape));
  }

  function hook() {
    if (hooked) return;
    hooked = true;
    map().on("mousemove", dragTo);
    map().on("mouseup", endDrag);
    document.addEventListener("keydown", function (e) {
      if (!E) return;
      if (e.key === "Escape") cancel();
      else if (e.key === "Enter") keep();
    });
  }

  // Edit this shape (GeoJSON Point, LineString or Polygon); null ends an edit without a report.
  atlas.editShape = function (shape) {
    if (!map()) return false;
    cancel();
    if (!shape) return false;
    atlas.setAnnotationTool(null);  // makes the pane; no drawing tool while reshaping
    var points;
    if (shape.type === "Point") points = [shape.coordinates];
    else if (shape.type === "LineString") points = shape.coordinates;
    else if (shape.type === "Polygon") points = shape.coordinates[0].slice(0, -1);
    else return false;
    hook();
    E = { type: shape.type, points: points.map(ll), group: null, drag: null };
    draw();
    return true;
  };

  // For tests: how many points the shape being edited has (0: none is).
  atlas.shapeEditState = function () {
    return E ? { points: E.points.length, dragging: !!E.drag } : { points: 0, dragging: false };
  };
})();
