"""Names on the map and the one label-placement pass (issue 12), read from the live page: at three
views no two shown labels overlap and none is cut by the map frame; countries are named in the
reader's language; the relief image is drawn with the countries."""

from __future__ import annotations

import json

import pytest

from gis_app.core.map_state import MapState
from gis_app.render.page import names_and_relief
from gis_app.ui.map_view import MapView

VIEWS = {  # [west, south, east, north]
    "central_asia": [46.5, 35.0, 87.5, 55.5],
    "fergana": [69.0, 39.3, 73.2, 41.4],          # the enclaves slide of the threats lecture
    "northern_route": [20.0, 30.0, 80.0, 60.0],   # the drug_routes slide
}
LAYERS = ["countries", "provinces", "lakes", "rivers", "enclaves", "places", "border_disputes",
          "drug_routes", "pk_missions", "conflict_incidents"]


@pytest.fixture(scope="module")
def view(qapp):
    from gis_app.core.catalog import load_catalog

    catalog = load_catalog()
    state = MapState(catalog)
    for layer in catalog.layers:
        state.set_visible(layer.id, layer.id in LAYERS)
    v = MapView(catalog, state)
    v.resize(1100, 760)
    v.show()
    v.load_atlas()
    assert v.wait_ready(30000)
    yield v
    v.shutdown()
    v.close()


def boxes_at(view, qtbot, bbox, lang="en") -> dict:
    view.evaluate("applyState", {"lang": lang, "bbox": bbox})
    qtbot.wait(150)
    view.evaluate("state")  # places the labels synchronously, as an export does
    return view.eval_js("atlas.labels.boxes()")


def overlap(a: dict, b: dict) -> bool:
    return (a["left"] < b["right"] - 0.5 and b["left"] < a["right"] - 0.5
            and a["top"] < b["bottom"] - 0.5 and b["top"] < a["bottom"] - 0.5)


@pytest.mark.parametrize("name", list(VIEWS))
def test_no_two_labels_overlap_and_none_is_cut(view, qtbot, name):
    got = boxes_at(view, qtbot, VIEWS[name])
    w, h = got["size"]
    boxes = got["boxes"]
    assert len(boxes) >= 5, boxes
    for b in boxes:
        assert b["left"] >= 0 and b["top"] >= 0 and b["right"] <= w and b["bottom"] <= h, b
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not overlap(a, b), (a, b)
    print(name, "placed", got["stats"]["placed"], "dropped", got["stats"]["dropped"],
          json.dumps(got["stats"]["byKind"]))


def test_country_and_enclave_names_in_the_readers_language(view, qtbot):
    en = {b["text"] for b in boxes_at(view, qtbot, VIEWS["central_asia"])["boxes"]}
    assert {"KAZAKHSTAN", "UZBEKISTAN", "TURKMENISTAN"} <= en
    kk = {b["text"] for b in boxes_at(view, qtbot, VIEWS["central_asia"], "kk")["boxes"]}
    assert {"ҚАЗАҚСТАН", "ӨЗБЕКСТАН"} <= kk
    fer = {b["text"] for b in boxes_at(view, qtbot, VIEWS["fergana"])["boxes"]}
    assert {"Sokh", "Vorukh"} <= fer, fer
    assert "KYRGYZSTAN" in fer or "TAJIKISTAN" in fer
    boxes_at(view, qtbot, VIEWS["central_asia"], "en")


def test_relief_is_drawn_with_the_countries(view, qtbot):
    cfg = names_and_relief()
    assert "relief" in cfg and "labels" in cfg
    shown = "!!document.querySelector('.leaflet-atlas-relief-pane canvas.atlas-relief')"
    qtbot.waitUntil(lambda: view.eval_js(shown), timeout=5000)
    # right under the countries (same z-index, just before them in the map pane)
    assert view.eval_js("(function(){var c=atlas.map.getPane('atlas-countries'),"
                        " r=atlas.map.getPane('atlas-relief');"
                        "return r.nextSibling===c && c.style.zIndex===r.style.zIndex;})()")
    view.evaluate("applyState", {"layers": {"countries": {"visible": False}}})
    qtbot.waitUntil(lambda: not view.eval_js(shown), timeout=5000)
    view.evaluate("applyState", {"layers": {"countries": {"visible": True}}})
    qtbot.waitUntil(lambda: view.eval_js(shown), timeout=5000)


def _texture(image, x0: int, x1: int) -> float:
    """Mean luminance step between neighbouring pixels in the columns x0..x1: high where the relief
    is sharp, low where it is blurred."""
    def lum(x, y):
        c = image.pixelColor(x, y)
        return 0.3 * c.red() + 0.59 * c.green() + 0.11 * c.blue()
    steps = [abs(lum(x, y) - lum(x, y + 1)) + abs(lum(x, y) - lum(x - 1, y))
             for x in range(x0, x1) for y in range(40, image.height() - 40, 2)]
    return sum(steps) / len(steps)


@pytest.mark.parametrize(("bbox", "edge"), [([88.0, 42.0, 96.0, 50.0], 92.0),   # east of Almaty
                                            ([42.0, 40.0, 46.0, 43.0], 44.0)])  # the Caucasus
def test_the_regions_relief_fades_into_the_worlds(view, qtbot, bbox, edge):
    """Where the region's sharp relief (44-92 deg E) ends, the world's coarser relief takes over
    without a seam: the texture just inside the edge is that of just outside (it jumped 2-4x)."""
    view.evaluate("applyState", {"layers": {i: {"visible": i == "countries"} for i in LAYERS},
                                 "bbox": bbox})
    try:
        qtbot.wait(300)
        x = view.eval_js(f"Math.round(atlas.map.latLngToContainerPoint([{(bbox[1] + bbox[3]) / 2},"
                         f" {edge}]).x)")
        image = view.stable_grab()
        inside, outside = ((x - 8, x), (x, x + 8)) if edge > 60 else ((x, x + 8), (x - 8, x))
        deep = (x - 66, x - 54) if edge > 60 else (x + 54, x + 66)
        assert _texture(image, *deep) > _texture(image, *outside)  # the region's relief is sharper
        assert _texture(image, *inside) < 1.6 * _texture(image, *outside), "a seam at the edge"
    finally:
        view.evaluate("applyState", {"layers": {i: {"visible": True} for i in LAYERS}})


def test_presentation_fits_the_slide_above_the_caption_band(view, qtbot):
    w, s, e, n = VIEWS["central_asia"]
    view.evaluate("applyState", {"presentation": {"on": True, "scale": 1.6, "band": 220, "top": 40,
                                                  "legend": True}, "bbox": [w, s, e, n]})
    qtbot.wait(150)
    got = view.eval_js(
        f"(function(){{var m=atlas.map, p=m.latLngToContainerPoint([{s},{w}]),"
        f" q=m.latLngToContainerPoint([{n},{e}]);"
        "var z=document.querySelector('.leaflet-control-zoom'), g=document.querySelector('.atlas-legend');"
        "return {south: p.y, north: q.y, h: m.getSize().y, zoom: z ? z.offsetParent !== null : false,"
        " legend: g ? g.textContent : ''};})()")
    assert got["south"] <= got["h"] - 220 + 1 and got["north"] >= 40 - 1, got  # nothing under the band
    assert not got["zoom"]
    assert "Cities and towns" in got["legend"] and "Capital" in got["legend"]
    placed = boxes_at(view, qtbot, [w, s, e, n])
    for i, a in enumerate(placed["boxes"]):
        for b in placed["boxes"][i + 1:]:
            assert not overlap(a, b), (a, b)
    view.evaluate("applyState", {"presentation": {"on": False}})
    assert view.eval_js("!document.querySelector('.atlas-legend')")


def test_no_label_under_the_print_layouts_furniture(view, qtbot):
    from gis_app.render.label_obstacles import furniture_boxes
    from gis_app.render.layout_model import ExportOptions

    boxes = furniture_boxes(ExportOptions(), 3000, 2000)
    assert len(boxes) == 3 and boxes[0][0] > boxes[2][0]  # north arrow right, inset left
    w, h = view.eval_js("[atlas.map.getSize().x, atlas.map.getSize().y]")
    middle = [w / 4, h / 4, w / 2, h / 2]   # an obstacle over the middle of the map
    view.evaluate("applyState", {"label_obstacles": [middle], "bbox": VIEWS["central_asia"]})
    got = boxes_at(view, qtbot, VIEWS["central_asia"])
    block = {"left": middle[0], "top": middle[1], "right": middle[0] + middle[2],
             "bottom": middle[1] + middle[3]}
    assert got["boxes"] and not [b for b in got["boxes"] if overlap(b, block)]
    view.evaluate("applyState", {"label_obstacles": []})
