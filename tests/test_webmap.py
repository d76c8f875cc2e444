"""The exported web map, opened in a real headless Chromium with all network blocked (tests/browser.py):
nothing leaves the file, the layers are drawn, a click on Vorukh opens its popup with its figures and
citation, the time filter hides the 2022 clashes, Kazakh renames the layers, the story moves the view,
and script payloads in the data, annotations, title and notes are shown as text and never run."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time

import pytest

from gis_app.core.catalog import load_catalog
from gis_app.core.map_state import MapState
from gis_app.core.project import Project, Slide, dumps
from gis_app.render.webmap import WebMapInput, remote_references, render_webmap, webmap_data

browser_mod = pytest.importorskip("browser")
if browser_mod.CHROMIUM is None:
    pytest.skip("chromium is not installed (scripts/setup.sh installs it)", allow_module_level=True)

PAYLOAD = '<img src=x onerror="alert(1)"><script>alert(2)</script>'
VORUKH_BOUNDS = (70.3, 39.7, 70.9, 40.0)


def _project(catalog) -> Project:
    state = MapState(catalog)
    for layer in state.layers:
        state.set_visible(layer.id, layer.id in ("countries", "border_disputes", "conflict_incidents"))
    state.view.lat, state.view.lon, state.view.zoom = 39.87, 70.58, 9.0
    note = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [70.2, 39.95]},
            "properties": {"kind": "marker", "text": "Note " + PAYLOAD, "note": PAYLOAD, "color": "#d62728"}}
    slides = [Slide(caption={"en": "Fergana " + PAYLOAD, "ru": "Фергана", "kk": "Ферғана"},
                    notes="Notes " + PAYLOAD, bounds=VORUKH_BOUNDS,
                    visible=["countries", "border_disputes"], annotations=[note]),
              Slide(caption="Central Asia", bounds=(46.0, 35.0, 88.0, 56.0), visible=["countries"])]
    return Project(map=state.to_dict(), title={"en": "Title " + PAYLOAD, "kk": "Тақырып"},
                   annotations=[note], slides=slides)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    """The CLI's export of a project: the file a user would get."""
    catalog = load_catalog()
    folder = tmp_path_factory.mktemp("web")
    project = folder / "fergana.atlas.json"
    project.write_bytes(dumps(_project(catalog)))
    out = folder / "fergana.html"
    done = subprocess.run([sys.executable, "-m", "gis_app", "export", str(out), "--project", str(project),
                           "--lang", "en"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def browser():
    b = browser_mod.Browser()
    yield b
    b.close()


def _open(browser, path):
    browser.events.clear()
    browser.requests.clear()
    browser.open(path)
    browser.wait_for("window.atlas && atlas.ready && window.webmap && webmap.data !== null")


def test_the_file_is_self_contained(exported):
    html = exported.read_text(encoding="utf-8")
    assert remote_references(html) == []
    assert not re.search(r"https?://[^\"'\s]*(cdn|unpkg|jsdelivr|cloudflare|googleapis)", html, re.I)
    assert str(exported.parent) not in html and "/home/" not in html
    assert str(load_catalog().folder) not in html, "a path of this machine is in the file"


def test_nothing_leaves_the_file_and_the_layers_are_drawn(exported, browser):
    _open(browser, exported)
    assert browser.outside_requests(exported) == []
    state = browser.js("atlas.state()")
    assert state["errors"] == []
    assert {"countries", "border_disputes", "conflict_incidents"} <= set(state["onMap"])
    paths = browser.js("document.querySelectorAll('.leaflet-atlas-countries-pane path, "
                       ".leaflet-atlas-border_disputes-pane path').length")
    assert paths > 20
    assert browser.js("document.querySelectorAll('.webmap-sources li').length") >= 2
    # countries (1.4 MB of GeoJSON) is simplified for the web, and the page says so
    assert "Countries" in browser.js("document.querySelector('.webmap-simplified').textContent")
    # the same names and relief as the window's map (labels.js, relief.js), carried in the file
    browser.js("atlas.applyState({view: {lat: 42, lon: 66, zoom: 5}}); atlas.labels.place()")
    names = browser.js("Array.from(document.querySelectorAll('.atlas-name-country'))"
                       ".filter(e => getComputedStyle(e).visibility !== 'hidden').map(e => e.textContent)")
    assert "KAZAKHSTAN" in names, names
    assert browser.js("document.querySelectorAll('.atlas-relief').length") >= 1


def test_a_click_on_vorukh_opens_its_popup_with_figures_and_citation(exported, browser):
    _open(browser, exported)
    # a point inside Vorukh's outline, and no other feature drawn over it
    spot = browser.js("""(function () {
      var sub = atlas.layers.border_disputes.atlasAll.filter(function (s) {
        return s.atlasId === 'vorukh'; })[0];
      var b = sub.getBounds(), rect = atlas.map.getContainer().getBoundingClientRect();
      for (var i = 1; i < 20; i++) for (var j = 1; j < 20; j++) {
        var ll = L.latLng(b.getSouth() + (b.getNorth() - b.getSouth()) * i / 20,
                          b.getWest() + (b.getEast() - b.getWest()) * j / 20);
        var p = atlas.map.latLngToContainerPoint(ll), x = p.x + rect.left, y = p.y + rect.top;
        var hit = document.elementFromPoint(x, y);
        if (hit && hit === sub._path) return [x, y];
      }
      return null; })()""")
    assert spot, "no clickable point of Vorukh on the map"
    browser.click(*spot)
    text = browser.wait_for("(document.querySelector('.leaflet-popup-content') || {}).textContent")
    assert "Vorukh" in text
    assert "Sources" in text and "OCHA" in text, text   # its figures' full citation
    assert "97" in text and "130" in text               # its area figures (range 97–130 km²)


def test_the_time_filter_ending_in_2021_hides_the_2022_clashes(exported, browser):
    _open(browser, exported)
    assert "kg_tj_2022" in browser.js("atlas.shownFeatures('conflict_incidents')")
    # as a user does: the year the range ends in, typed in the panel (that ticks the filter)
    browser.js("(function () { var to = document.querySelectorAll('.webmap-time input[type=number]')[1];"
               " to.value = '2021'; to.dispatchEvent(new Event('change')); })()")
    shown = browser.js("atlas.shownFeatures('conflict_incidents')")
    assert "kg_tj_2022" not in shown and "kg_tj_2021" in shown
    assert browser.js("document.querySelector('.webmap-time input[type=checkbox]').checked") is True


def test_kazakh_renames_the_layers(exported, browser):
    _open(browser, exported)
    before = browser.js("webmap.state().layerNames")
    assert "Countries" in before
    browser.js("document.querySelector('.webmap-lang[data-lang=kk]').click()")
    after = browser.js("webmap.state().layerNames")
    assert "Елдер" in after and "Countries" not in after
    assert "Шекара дауы аймақтары" in after
    panel = browser.js("document.querySelector('.webmap-panel').textContent")
    assert "Қабаттар" in panel and "Уақыт сүзгісі" in panel and "Layers" not in panel
    assert browser.js("document.documentElement.lang") == "kk"
    assert browser.js("webmap.state().title") == "Тақырып"
    # the country names on the map follow the language too
    browser.js("atlas.applyState({view: {lat: 42, lon: 66, zoom: 5}}); atlas.labels.place()")
    assert "ҚАЗАҚСТАН" in browser.js("Array.from(document.querySelectorAll('.atlas-name-country'))"
                                     ".map(e => e.textContent)")


def test_stepping_the_story_changes_the_view(exported, browser):
    _open(browser, exported)
    browser.js("document.querySelectorAll('.webmap-nav button')[1].click()")   # Next: slide 1
    time.sleep(1.0)
    first = browser.wait_for("atlas.map.getZoom() > 9.5 && atlas.bounds()")
    caption = browser.js("document.querySelector('.webmap-caption').textContent")
    assert caption.startswith("Fergana <img")        # the payload shown as text
    assert "conflict_incidents" not in browser.js("atlas.state().onMap")
    browser.js("document.querySelectorAll('.webmap-nav button')[1].click()")   # Next: slide 2
    second = browser.wait_for("atlas.map.getZoom() < 6 && atlas.bounds()", timeout=10)
    assert second[2] - second[0] > 5 * (first[2] - first[0])
    assert browser.js("document.querySelector('.webmap-count').textContent") == "2 / 2"


def test_script_payloads_are_text_and_never_run(exported, browser):
    html = exported.read_text(encoding="utf-8")
    assert PAYLOAD not in html and "<script>alert(2)" not in html
    _open(browser, exported)
    browser.js("webmap.go(0)")
    time.sleep(1.0)
    assert "Title <img" in browser.js("document.querySelector('.webmap-title').textContent")
    assert browser.js("document.querySelectorAll('.webmap-panel img, .leaflet-container img').length") == 0
    texts = browser.js("Array.prototype.map.call(document.querySelectorAll('.atlas-annotation-main'),"
                       " function (e) { return e.textContent; })")
    assert any(PAYLOAD in t for t in texts), texts
    assert browser.dialogs_and_errors() == []


def test_attribute_values_are_escaped_as_in_the_window(tmp_path, browser):
    catalog = load_catalog()
    state = MapState(catalog)
    for layer in state.layers:
        state.set_visible(layer.id, layer.id == "border_disputes")
    data = webmap_data(catalog, WebMapInput(state=state))
    layer = next(d for d in data["layers"] if d["id"] == "border_disputes")
    feature = next(f for f in layer["data"]["features"] if f["properties"].get("id") == "vorukh")
    feature["properties"]["name"] = "Vorukh " + PAYLOAD
    data["sources"] = {k: v + " </script><script>alert(3)</script>" for k, v in data["sources"].items()}
    for runs in data["citations"].values():  # the runs webmap.js sets as text and <i>
        runs.append(["<i>x</i> </script><script>alert(3)</script>", 1])
    page = tmp_path / "hostile.html"
    page.write_text(render_webmap(data), encoding="utf-8")
    _open(browser, page)
    browser.js("atlas.select('border_disputes', 'vorukh')")
    text = browser.wait_for("(document.querySelector('.leaflet-popup-content') || {}).textContent")
    assert "Vorukh " + PAYLOAD in text
    images = "document.querySelectorAll('.leaflet-popup-content img, .webmap-panel img').length"
    assert browser.js(images) == 0
    assert any("alert(3)" in t for t in browser.js(
        "Array.prototype.map.call(document.querySelectorAll('.webmap-sources li'), function (e) {"
        " return e.textContent; })"))
    assert browser.js("document.querySelectorAll('.webmap-sources li i i').length") == 0  # text, not <i>
    assert browser.dialogs_and_errors() == []


def test_the_sources_have_the_styles_italics_and_order(exported, browser):
    _open(browser, exported)
    italic = browser.js("Array.prototype.map.call(document.querySelectorAll('.webmap-sources li i'),"
                        " function (e) { return e.textContent; })")
    assert italic, "APA italicises titles and journals"
    items = browser.js("Array.prototype.map.call(document.querySelectorAll('.webmap-sources li'),"
                       " function (e) { return e.textContent; })")
    assert any(t in "".join(items) for t in italic)
    from gis_app.core.citations import sort_key

    assert len(items) > 3 and items == sorted(items, key=lambda t: sort_key(t, "apa"))  # alphabetical


def test_cli_refuses_a_broken_project(tmp_path):
    bad = tmp_path / "bad.atlas.json"
    bad.write_text(json.dumps({"format": "nope"}))
    done = subprocess.run([sys.executable, "-m", "gis_app", "export", str(tmp_path / "o.html"),
                           "--project", str(bad)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2 and "project" in done.stderr
    assert not (tmp_path / "o.html").exists()


def test_file_export_web_map_writes_the_window_map_and_says_its_size(qtbot, prompts, tmp_path, browser):
    from conftest import close_window, make_window

    win = make_window(size=(900, 600))
    try:
        win.state.set_visible("conflict_incidents", True)
        win.document.set_title({"en": "My lecture"})
        out = tmp_path / "lecture"               # no suffix typed: .html is added
        prompts.queue("save_file", str(out))
        action = win.actions["export_web"]
        assert action.text() == "Export web map…"
        menu_texts = [a.text() for a in win.menuBar().actions()[0].menu().actions()]
        assert "Export web map…" in menu_texts
        action.trigger()
        written = tmp_path / "lecture.html"
        assert written.is_file()
        info = prompts.messages("info")
        assert info and "lecture.html" in info[-1].text
        size_mb = f"{written.stat().st_size / 1e6:.1f}"
        assert size_mb in info[-1].text, (size_mb, info[-1].text)
    finally:
        close_window(win)
    _open(browser, written)
    assert "conflict_incidents" in browser.js("atlas.state().onMap")
    assert browser.js("webmap.state().title") == "My lecture"
    assert browser.outside_requests(written) == []


def test_the_legend_and_popup_figures_come_in_all_three_languages():
    catalog = load_catalog()
    state = MapState(catalog)
    for layer in state.layers:
        state.set_visible(layer.id, layer.id in ("pk_contributors", "border_disputes"))
    data = webmap_data(catalog, WebMapInput(state=state))
    labels = {lang: [item[0] for item in data["legend"][lang]["pk_contributors"]]
              for lang in ("en", "ru", "kk")}
    assert "No data" in labels["en"] and "Нет данных" in labels["ru"] and "Дерек жоқ" in labels["kk"]
    vorukh = data["evidence"]["border_disputes"]["vorukh"]
    assert len(vorukh["figures"]["en"]) == len(vorukh["figures"]["kk"]) >= 4
    assert "ocha_fergana_enclaves" in vorukh["cites"]
    assert "OCHA" in data["sources"]["ocha_fergana_enclaves"]
    assert data["years"] is None   # no dated layer shown: no time filter
