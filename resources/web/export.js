/* export.js: what the export needs from the page. gis_app/ui/export.py loads this same page at
 * the map frame's size with extra keys in the URL fragment, applied before the first paint so that
 * the page's "ready" covers them: print (hide the on-screen controls, exact zoom) and bbox (the
 * extent to show); it then draws the annotations and Chromium prints the page. The view it ends up
 * with is read back with atlas.state(). */
(function () {
  "use strict";

  var baseInit = atlas.init;
  atlas.init = function (map, config) {
    var st = atlas.initialState();
    if (st.print) {
      map.options.zoomSnap = 0;  // the exact extent asked for, not the nearest quarter zoom step
      map.getContainer().classList.add("atlas-print");
    }
    baseInit(map, config);
    if (st.annotations_visible === false && atlas.setAnnotationsVisible) atlas.setAnnotationsVisible(false);
    if (Array.isArray(st.bbox) && st.bbox.length === 4) {
      atlas.flyToBounds(st.bbox[0], st.bbox[1], st.bbox[2], st.bbox[3], false);
    }
  };
})();
