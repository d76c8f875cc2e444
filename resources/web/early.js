/* early.js: the atlas page's first script, before Leaflet (issue 12's start-up figure).
 *
 * window.atlasImage(url) reads an image and decodes it off the page's main thread
 * (createImageBitmap on the file's bytes; an <img>'s decode took ~35 ms of the main thread at
 * start-up, and the relief's canvas waited for it). The relief images named in this script's
 * data-images start at once, while Leaflet and the atlas's scripts load and run.
 * The promise gives an ImageBitmap, or an <img> where createImageBitmap is missing or fails,
 * or null when the image cannot be read.
 */
(function () {
  "use strict";
  var started = {};

  function viaImg(url) {
    var img = new Image();
    img.src = url;
    return (img.decode ? img.decode() : Promise.resolve())
      .then(function () { return img; }, function () { return null; });
  }

  function read(url) {
    if (typeof createImageBitmap !== "function") return viaImg(url);
    return new Promise(function (resolve) {
      var xhr = new XMLHttpRequest();   // XHR, not fetch: Chromium's fetch refuses file:// URLs
      xhr.open("GET", url);
      xhr.responseType = "blob";
      xhr.onload = function () {
        if (!xhr.response || (xhr.status !== 0 && xhr.status !== 200)) return resolve(viaImg(url));
        createImageBitmap(xhr.response).then(resolve, function () { resolve(viaImg(url)); });
      };
      xhr.onerror = function () { resolve(viaImg(url)); };
      xhr.send();
    });
  }

  window.atlasImage = function (url) {
    if (!started[url]) started[url] = read(url);
    return started[url];
  };

  var me = document.currentScript, urls = [];
  try { urls = JSON.parse((me && me.getAttribute("data-images")) || "[]"); } catch (e) { urls = []; }
  if (Array.isArray(urls)) urls.forEach(function (u) { if (typeof u === "string") window.atlasImage(u); });
})();
