/* webmap.js: the controls of an exported web map (gis_app/render/webmap.py), around atlas.js.
 *
 * The page has no Qt bridge: atlas.js selects by itself on a click, and every change goes through
 * atlas.applyState, as in the window. This file draws the side panel: the title, a kk/ru/en switch,
 * the layer list with the legend, the time filter, the slides as a story, the sources; and adds each
 * feature's figures and full citations to its popup. Every text from the data reaches the DOM
 * through textContent only (data is never markup).
 */
(function () {
  "use strict";

  var W = { data: null, lang: "en", slide: -1, els: {} };
  window.webmap = W;
  var COLOUR = /^(#[0-9a-fA-F]{3}|#[0-9a-fA-F]{6}|[a-zA-Z]{3,20})$/;
  var SVG_NS = "http://www.w3.org/2000/svg";

  function pick(texts, lang) { return window.atlas.rules.pick(texts, lang); }
  function t(key) { return (W.data.texts[W.lang] || W.data.texts.en)[key] || W.data.texts.en[key] || key; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }
  function colour(v, fallback) { return typeof v === "string" && COLOUR.test(v) ? v : fallback; }
  function num(v, fallback) { return typeof v === "number" && isFinite(v) ? v : fallback; }

  function swatch(kind, style) {
    var svg = document.createElementNS(SVG_NS, "svg"), shape;
    svg.setAttribute("width", "18");
    svg.setAttribute("height", "12");
    if (kind === "line") {
      shape = document.createElementNS(SVG_NS, "line");
      shape.setAttribute("x1", "1"); shape.setAttribute("y1", "6");
      shape.setAttribute("x2", "17"); shape.setAttribute("y2", "6");
    } else if (kind === "point") {
      shape = document.createElementNS(SVG_NS, "circle");
      shape.setAttribute("cx", "9"); shape.setAttribute("cy", "6"); shape.setAttribute("r", "4.5");
    } else {
      shape = document.createElementNS(SVG_NS, "rect");
      shape.setAttribute("x", "1"); shape.setAttribute("y", "1");
      shape.setAttribute("width", "16"); shape.setAttribute("height", "10");
    }
    shape.setAttribute("fill", kind === "line" ? "none" : colour(style.fill, "none"));
    shape.setAttribute("fill-opacity", String(Math.min(1, Math.max(0, num(style.fill_opacity, 1)))));
    shape.setAttribute("stroke", colour(style.stroke, "none"));
    shape.setAttribute("stroke-width", String(Math.min(4, Math.max(0.5, num(style.weight, 1)))));
    svg.appendChild(shape);
    return svg;
  }

  /* ---------- the panel ---------- */

  function section(key) {
    var box = el("section", "webmap-section");
    var h = el("h2", "webmap-heading");
    h.dataset.text = key;
    box.appendChild(h);
    W.els.panel.appendChild(box);
    return box;
  }

  function buildLanguages() {
    var row = el("div", "webmap-langs");
    [["kk", "Қазақша"], ["ru", "Русский"], ["en", "English"]].forEach(function (p) {
      var b = el("button", "webmap-lang", p[1]);
      b.type = "button";
      b.dataset.lang = p[0];
      b.addEventListener("click", function () { W.setLang(p[0]); });
      row.appendChild(b);
    });
    W.els.panel.appendChild(row);
  }

  function buildLayers() {
    var box = section("layers"), list = el("ul", "webmap-layers");
    W.els.layerRows = {};
    W.data.layers.forEach(function (def) {
      var li = el("li", "webmap-layer"), label = el("label"), box2 = el("input");
      box2.type = "checkbox";
      box2.dataset.layer = def.id;
      box2.addEventListener("change", function () {
        var layers = {};
        layers[def.id] = { visible: box2.checked };
        window.atlas.applyState({ layers: layers });
      });
      var name = el("span", "webmap-layer-name");
      label.appendChild(box2);
      label.appendChild(name);
      li.appendChild(label);
      var legend = el("ul", "webmap-legend");
      li.appendChild(legend);
      list.appendChild(li);
      W.els.layerRows[def.id] = { check: box2, name: name, legend: legend };
    });
    box.appendChild(list);
  }

  function fillLayers() {
    var legend = W.data.legend[W.lang] || {};
    W.data.layers.forEach(function (def) {
      var row = W.els.layerRows[def.id];
      row.name.textContent = pick(def.title, W.lang);
      row.check.checked = !!window.atlas.visible[def.id];
      while (row.legend.firstChild) row.legend.removeChild(row.legend.firstChild);
      (legend[def.id] || []).forEach(function (item) {
        var li = el("li");
        li.appendChild(swatch(item[1], item[2] || {}));
        li.appendChild(el("span", null, item[0]));
        row.legend.appendChild(li);
      });
    });
  }

  function buildTime() {
    var years = W.data.years;
    if (!years) return;
    var box = section("time"), row = el("div", "webmap-time");
    var on = el("input"), from = el("input"), to = el("input");
    on.type = "checkbox";
    [from, to].forEach(function (i) { i.type = "number"; i.min = years[0]; i.max = years[1]; });
    from.value = years[0];
    to.value = years[1];
    var lFrom = el("label"), lTo = el("label");
    lFrom.appendChild(el("span", "webmap-from")); lFrom.appendChild(from);
    lTo.appendChild(el("span", "webmap-to")); lTo.appendChild(to);
    row.appendChild(on); row.appendChild(lFrom); row.appendChild(lTo);
    box.appendChild(row);
    function apply() {
      var a = parseInt(from.value, 10), b = parseInt(to.value, 10);
      if (!isFinite(a)) a = years[0];
      if (!isFinite(b)) b = years[1];
      if (a > b) { var c = a; a = b; b = c; }
      window.atlas.applyState({ time_range: on.checked ? [a, b] : null });
    }
    on.addEventListener("change", apply);
    from.addEventListener("change", function () { on.checked = true; apply(); });
    to.addEventListener("change", function () { on.checked = true; apply(); });
    W.els.time = { on: on, from: from, to: to };
  }

  W.setTimeRange = function (range) {   // the controls and the map, as a user would set them
    var tm = W.els.time;
    if (!tm) return false;
    tm.on.checked = !!range;
    if (range) { tm.from.value = range[0]; tm.to.value = range[1]; }
    window.atlas.applyState({ time_range: range || null });
    return true;
  };

  function showTimeRange(range) {
    var tm = W.els.time;
    if (!tm) return;
    tm.on.checked = !!range;
    if (range) { tm.from.value = range[0]; tm.to.value = range[1]; }
  }

  function buildStory() {
    if (!W.data.slides.length) return;
    var box = section("story");
    var caption = el("div", "webmap-caption"), notes = el("div", "webmap-notes");
    var nav = el("div", "webmap-nav"), prev = el("button"), count = el("span", "webmap-count"), next = el("button");
    prev.type = next.type = "button";
    prev.addEventListener("click", function () { W.go(W.slide - 1); });
    next.addEventListener("click", function () { W.go(W.slide + 1); });
    nav.appendChild(prev); nav.appendChild(count); nav.appendChild(next);
    box.appendChild(caption); box.appendChild(notes); box.appendChild(nav);
    W.els.story = { caption: caption, notes: notes, prev: prev, next: next, count: count };
    document.addEventListener("keydown", function (e) {
      if (e.target && /INPUT|TEXTAREA|SELECT/.test(e.target.tagName)) return;
      if (e.key === "PageDown") W.go(W.slide + 1);
      else if (e.key === "PageUp") W.go(W.slide - 1);
    });
  }

  function fillStory() {
    var s = W.els.story;
    if (!s) return;
    var slide = W.data.slides[W.slide];
    s.caption.textContent = slide ? pick(slide.caption, W.lang) : "";
    s.notes.textContent = slide ? pick(slide.notes, W.lang) : "";
    s.count.textContent = (W.slide < 0 ? "\u2013" : W.slide + 1) + " / " + W.data.slides.length;
    s.prev.textContent = "\u2190 " + t("previous");
    s.next.textContent = t("next") + " \u2192";
    s.prev.disabled = W.slide <= 0;
    s.next.disabled = W.slide >= W.data.slides.length - 1;
  }

  // Show slide i: its layers, time range and annotations, the view fitted to its extent.
  W.go = function (i) {
    var slides = W.data.slides;
    if (!slides.length) return false;
    i = Math.max(0, Math.min(slides.length - 1, i));
    var s = slides[i], layers = {};
    W.slide = i;
    W.data.layers.forEach(function (def) { layers[def.id] = { visible: s.visible.indexOf(def.id) >= 0 }; });
    var d = { layers: layers, time_range: s.time_range || null, annotations: { all: s.annotations || [] } };
    if (Array.isArray(s.bounds) && s.bounds.length === 4) d.fly = s.bounds.concat([true, 0.6]);
    window.atlas.applyState(d);
    showTimeRange(s.time_range || null);
    fillLayers();
    fillStory();
    return true;
  };

  function buildSources() {
    var box = section("sources"), list = el("ol", "webmap-sources");
    W.els.simplified = el("p", "webmap-simplified");
    box.appendChild(W.els.simplified);
    var own = W.data.own_sources || [];
    Object.keys(W.data.sources).forEach(function (id) {
      var li = citationItem(id);
      if (own.indexOf(id) >= 0) {  // the analyst's, as in the Sources dock
        li.className = "webmap-own";
        li.title = t("own_source");
      }
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  // One source as a list item: its runs as text, the style's italics as <i> (never markup).
  function citationItem(id) {
    var runs = (W.data.citations || {})[id], li = el("li");
    if (!Array.isArray(runs)) { li.textContent = W.data.sources[id] || id; return li; }
    runs.forEach(function (r) {
      li.appendChild(r[1] ? el("i", null, String(r[0])) : document.createTextNode(String(r[0])));
    });
    return li;
  }

  /* ---------- popups: the feature's figures and full citations ---------- */

  function decorate(popup) {
    var sel = window.atlas.selected, node = popup.getContent();
    if (!sel || !node || !node.appendChild || node.webmapDone) return;
    var ev = (W.data.evidence[sel.layer] || {})[sel.feature];
    node.webmapDone = true;
    if (!ev) return;
    var rows = ev.figures[W.lang] || [];
    if (rows.length) {
      node.appendChild(el("div", "webmap-popup-heading", t("figures")));
      var table = el("table", "webmap-figures");
      rows.forEach(function (r) {
        var tr = el("tr");
        tr.appendChild(el("th", null, r[0]));
        tr.appendChild(el("td", "webmap-value", (r[1] + " " + r[2]).trim()));
        tr.appendChild(el("td", null, r[3]));
        tr.appendChild(el("td", null, r[4]));
        table.appendChild(tr);
      });
      node.appendChild(table);
    }
    ((ev.disputes || {})[W.lang] || []).forEach(function (line) {
      node.appendChild(el("div", "webmap-dispute", line));  // as the Info dock says it
    });
    if (ev.cites.length) {
      node.appendChild(el("div", "webmap-popup-heading", t("sources")));
      var list = el("ul", "webmap-citations");
      ev.cites.forEach(function (id) { list.appendChild(citationItem(id)); });
      node.appendChild(list);
    }
    popup.update();
  }

  /* ---------- language ---------- */

  W.setLang = function (lang) {
    if (!W.data.texts[lang]) return false;
    W.lang = lang;
    document.documentElement.lang = lang;
    window.atlas.applyState({ lang: lang });
    W.els.title.textContent = pick(W.data.title, lang) || "";
    Array.prototype.forEach.call(document.querySelectorAll("[data-text]"), function (h) {
      h.textContent = t(h.dataset.text);
    });
    Array.prototype.forEach.call(document.querySelectorAll(".webmap-lang"), function (b) {
      b.classList.toggle("active", b.dataset.lang === lang);
    });
    var from = document.querySelector(".webmap-from"), to = document.querySelector(".webmap-to");
    if (from) from.textContent = t("from") + " ";
    if (to) to.textContent = t("to") + " ";
    fillLayers();
    fillStory();
    var simple = (W.data.simplified || []).map(function (id) {
      var def = W.data.layers.filter(function (d) { return d.id === id; })[0];
      return def ? pick(def.title, lang) : id;
    });
    W.els.simplified.textContent = simple.length ? t("simplified").replace("{0}", simple.join(", ")) : "";
    return true;
  };

  // For tests: what the panel shows now, as plain values.
  W.state = function () {
    return { lang: W.lang, slide: W.slide,
             layerNames: W.data.layers.map(function (d) { return W.els.layerRows[d.id].name.textContent; }),
             title: W.els.title.textContent, ready: !!window.atlas.ready };
  };

  W.init = function (map, data) {
    W.data = data;
    W.lang = data.lang || "en";
    window.atlas.init(map, { layers: data.layers, lang: W.lang, labels: data.labels, relief: data.relief });
    window.atlas.applyState(data.initial);
    var panel = el("aside", "webmap-panel"), toggle = el("button", "webmap-toggle", "\u2630");
    toggle.type = "button";
    toggle.addEventListener("click", function () { document.body.classList.toggle("webmap-closed"); });
    if (window.innerWidth < 700) document.body.classList.add("webmap-closed");
    W.els.panel = panel;
    W.els.title = el("h1", "webmap-title");
    panel.appendChild(W.els.title);
    buildLanguages();
    buildStory();
    buildLayers();
    buildTime();
    buildSources();
    document.body.appendChild(panel);
    document.body.appendChild(toggle);
    showTimeRange(data.initial.time_range);
    map.on("popupopen", function (e) {
      decorate(e.popup);
      e.popup.on("contentupdate", function () { decorate(e.popup); });
    });
    // Layers a slide or the list turned on load as they are asked for: tick them when drawn.
    map.on("layeradd layerremove", function () {
      W.data.layers.forEach(function (def) {
        var row = W.els.layerRows[def.id];
        if (row) row.check.checked = !!window.atlas.visible[def.id];
      });
    });
    W.setLang(W.lang);
  };
})();
