/* export.js: what the export needs from the page. gis_app/ui/export.py loads this same page at
 * the map frame's size with extra keys in the URL fragment, applied before the first paint so that
 * the page's "ready" covers them: print (hide the on-screen controls, exact zoom), bbox (the extent
 * to show), annotations (the list to draw); then Chromium prints the page. */
(function () {
  "use strict";

  function fragment() {
    var m = /[#&]state=([^&]*)/.exec(window.location.hash);
    if (!m) return {};
    try { return JSON.parse(decodeURIComponent(m[1])); } catch (e) { return {}; }
  }

  atlas.setPrintMode = function (on) {
    atlas.map.getContainer().classList.toggle("atlas-print", !!on);
    // the exact extent or zoom asked for, not the nearest quarter zoom step
    atlas.map.options.zoomSnap = on ? 0 : 0.25;
    return !!on;
  };

  atlas.fitBbox = function (west, south, east, north) {
    atlas.map.fitBounds([[south, west], [north, east]], { animate: false, padding: [0, 0] });
    return atlas.viewInfo();
  };

  atlas.viewInfo = function () {
    var m = atlas.map, c = m.getCenter(), b = m.getBounds(), s = m.getSize();
    return { lat: c.lat, lon: c.lng, zoom: m.getZoom(), width: s.x, height: s.y,
             bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] };
  };

  var baseInit = atlas.init;
  atlas.init = function (map, config) {
    var st = fragment();
    if (st.print) {
      map.options.zoomSnap = 0;
      map.getContainer().classList.add("atlas-print");
    }
    baseInit(map, config);
    if (st.annotations_visible === false && atlas.setAnnotationsVisible) atlas.setAnnotationsVisible(false);
    if (Array.isArray(st.annotations) && atlas.setAnnotations) atlas.setAnnotations(st.annotations);
    if (Array.isArray(st.bbox) && st.bbox.length === 4) {
      atlas.fitBbox(st.bbox[0], st.bbox[1], st.bbox[2], st.bbox[3]);
    }
  };
})();
