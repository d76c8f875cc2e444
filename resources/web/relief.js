/* relief.js: the shaded relief under the vector layers (issue 12).
 *
 * The images of scripts/build_relief.py (Web Mercator, so linear in x and y: the world, then
 * Central Asia's finer one over it, its edges fading out so the two meet without a seam) drawn
 * into a canvas the
 * size of the map (plus a margin for panning), redrawn on every move: the browser's smoothing
 * scales the image up, so it is never blocky, and it prints (the export prints this page), which
 * an <img> overlay here did not. In print mode the canvas has two device pixels a CSS pixel and no margin.
 */
(function () {
  "use strict";
  var MARGIN = 0.1;   // of the map's size, on each side, as Leaflet pads its vector renderers: a pan
                      // shows this much before the redraw (0.3 made a canvas 2.6x the map, 71 ms
                      // of first paint against 32)

  window.atlas.ReliefLayer = L.Layer.extend({
    initialize: function (images, options) {   // [{image, bounds: [west, south, east, north]}]
      this._images = images;   // the region's image fades out at its edges (scripts/build_relief.py)
      L.setOptions(this, options);
    },
    onAdd: function (map) {
      this._canvas = L.DomUtil.create("canvas", "atlas-relief");
      this.getPane().appendChild(this._canvas);
      map.on("moveend zoomend resize viewreset", this._draw, this);
      this._draw();
    },
    onRemove: function (map) {
      map.off("moveend zoomend resize viewreset", this._draw, this);
      L.DomUtil.remove(this._canvas);
      this._canvas = null;
    },
    getElement: function () { return this._canvas; },
    _draw: function () {
      var map = this._map, c = this._canvas;
      if (!map || !c) return;
      var print = map.getContainer().classList.contains("atlas-print");   // an export: no panning
      var size = map.getSize(), pad = size.multiplyBy(print ? 0 : MARGIN).round();
      var topLeft = pad.multiplyBy(-1), full = size.add(pad.multiplyBy(2));
      var k = Math.min(4, Math.max(window.devicePixelRatio || 1, print ? 2 : 1));
      c.width = Math.round(full.x * k);
      c.height = Math.round(full.y * k);
      c.style.width = full.x + "px";
      c.style.height = full.y + "px";
      L.DomUtil.setPosition(c, map.containerPointToLayerPoint(topLeft));
      var ctx = c.getContext("2d");
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = print ? "high" : "medium";   // "high" cost ~20 ms a draw
      ctx.setTransform(k, 0, 0, k, 0, 0);
      ctx.clearRect(0, 0, full.x, full.y);
      this._images.forEach(function (r) {   // the world, then the region's finer image over it
        var b = r.bounds, nw = map.latLngToContainerPoint([b[3], b[0]]), se = map.latLngToContainerPoint([b[1], b[2]]);
        ctx.drawImage(r.image, nw.x - topLeft.x, nw.y - topLeft.y, se.x - nw.x, se.y - nw.y);
      });
    }
  });
})();
