/* relief.js: the shaded relief under the vector layers (issue 12).
 *
 * One image (scripts/build_relief.py: Web Mercator, so linear in x and y) drawn into a canvas the
 * size of the map (plus a margin for panning), redrawn on every move: the browser's smoothing
 * scales the image up, so it is never blocky, and it prints (the export prints this page), which
 * an <img> overlay here did not. In print mode the canvas has two device pixels a CSS pixel and no margin.
 */
(function () {
  "use strict";
  var MARGIN = 0.3;   // of the map's size, on each side: what a pan shows before the redraw

  window.atlas.ReliefLayer = L.Layer.extend({
    initialize: function (image, bounds, options) {   // bounds: [west, south, east, north]
      this._img = image;
      this._b = bounds;
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
      var b = this._b, nw = map.latLngToContainerPoint([b[3], b[0]]), se = map.latLngToContainerPoint([b[1], b[2]]);
      var ctx = c.getContext("2d");
      ctx.imageSmoothingEnabled = true;
      ctx.imageSmoothingQuality = "high";
      ctx.setTransform(k, 0, 0, k, 0, 0);
      ctx.clearRect(0, 0, full.x, full.y);
      var x = nw.x - topLeft.x, y = nw.y - topLeft.y, w = se.x - nw.x, h = se.y - nw.y;
      ctx.drawImage(this._img, x, y, w, h);
      // the edges fade into the world around (4 % of the image on each side)
      ctx.globalCompositeOperation = "destination-out";
      [[x, 0, x + w * 0.04, 0, x, y, w * 0.04, h], [x + w, 0, x + w * 0.96, 0, x + w * 0.96, y, w * 0.04, h],
       [0, y, 0, y + h * 0.04, x, y, w, h * 0.04], [0, y + h, 0, y + h * 0.96, x, y + h * 0.96, w, h * 0.04]]
        .forEach(function (e) {
          var g = ctx.createLinearGradient(e[0], e[1], e[2], e[3]);
          g.addColorStop(0, "rgba(0,0,0,1)");
          g.addColorStop(1, "rgba(0,0,0,0)");
          ctx.fillStyle = g;
          ctx.fillRect(e[4], e[5], e[6], e[7]);
        });
      ctx.globalCompositeOperation = "source-over";
    }
  });
})();
