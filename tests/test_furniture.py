"""The map's furniture never overlaps (issue 19): zoom buttons, scale bar, attribution, a popup and
the time filter's year badge, read as boxes from the live page at three window sizes; Home fits
Central Asia to the window whatever its width."""

from __future__ import annotations

import pytest

from gis_app.core.extent import CENTRAL_ASIA, bounds_of, central_asia_bounds
from gis_app.core.features import FeatureStore
from gis_app.core.map_state import MapState
from gis_app.ui.map_view import MapView

SIZES = [(420, 360), (800, 600), (1366, 768)]
BOXES = ("zoom", "scale", "attribution", "popup", "year")


@pytest.fixture(scope="module")
def view(qapp, catalog_module):
    state = MapState(catalog_module)
    for layer in catalog_module.layers:  # every attribution at once: the longest line there is
        state.set_visible(layer.id, True)
    v = MapView(catalog_module, state)
    v.resize(*SIZES[-1])
    v.show()
    v.load_atlas()
    assert v.wait_ready(30000)
    yield v
    v.shutdown()
    v.close()


@pytest.fixture(scope="module")
def catalog_module():
    from gis_app.core.catalog import load_catalog

    return load_catalog()


def overlap(a: dict, b: dict) -> bool:
    return (a["left"] < b["right"] and b["left"] < a["right"]
            and a["top"] < b["bottom"] and b["top"] < a["bottom"])


def inside(box: dict, frame: dict) -> bool:
    return box["left"] >= -0.5 and box["top"] >= -0.5 and box["right"] <= frame["right"] + 0.5 \
        and box["bottom"] <= frame["bottom"] + 0.5


def put_near_the_top_left(view, layer_id: str, feature_id: str, x: int, y: int) -> None:
    """Pan so the feature's point is at (x, y): where a popup would open under the zoom buttons."""
    view.eval_js(
        f"(function(){{var s=null; atlas.layers[{layer_id!r}].atlasAll.forEach(function(l){{"
        f"if(l.atlasId==={feature_id!r})s=l;}});"
        "var p=atlas.map.latLngToContainerPoint(s.getLatLng());"
        f"atlas.map.panBy([p.x-{x}, p.y-{y}], {{animate:false}}); return true;}})()")


@pytest.mark.parametrize("size", SIZES)
def test_furniture_boxes_never_intersect(view, qtbot, size, tmp_path):
    view.resize(*size)
    qtbot.waitUntil(lambda: view.evaluate("state")["size"] == list(size), timeout=5000)
    view.eval_js("atlas.map.closePopup(), atlas.setYearBadge(null)")
    qtbot.waitUntil(lambda: view.eval_js("atlas.featureCount('places')") > 0, timeout=10000)
    view.evaluate("setYearBadge", "2022")
    put_near_the_top_left(view, "places", "1527534", 24, 40)  # Osh
    assert view.evaluate("select", "places", "1527534") is True
    # the popup pans the map (animated, starting on a later frame, later still on a busy machine):
    # wait until Leaflet is not panning and the boxes stood still over three polls 100 ms apart
    boxes, still = [None], [0]

    def settled():
        qtbot.wait(100)
        now = view.evaluate("furnitureBoxes")
        panning = view.eval_js("!!(atlas.map._panAnim && atlas.map._panAnim._inProgress)")
        still[0] = still[0] + 1 if (now == boxes[0] and not panning) else 0
        boxes[0] = now
        return still[0] >= 3 and now["popup"] is not None

    qtbot.waitUntil(settled, timeout=10000)
    b = boxes[0]
    for name in BOXES:
        assert b[name] is not None and b[name]["width"] > 0, name
        assert inside(b[name], b["map"]), (name, b[name], size)
    for i, first in enumerate(BOXES):
        for second in BOXES[i + 1:]:
            assert not overlap(b[first], b[second]), (first, second, b[first], b[second], size)
    text = view.eval_js("document.querySelector('.leaflet-control-attribution').textContent")
    assert "Natural Earth" in text and "GeoNames" in text
    assert view.eval_js("document.querySelector('.leaflet-control-attribution').title") == text, \
        "the attribution's whole text is its tooltip"
    assert view.evaluate("yearBadge") == "2022"
    assert view.stable_grab().save(str(tmp_path / f"furniture-{size[0]}x{size[1]}.png"))
    view.eval_js("atlas.map.closePopup(), atlas.setYearBadge(null)")
    assert view.evaluate("yearBadge") is None


def test_the_year_badge_is_text_not_markup(view, qtbot):
    view.evaluate("setYearBadge", '<img src=x onerror="window.pwned=1">')
    assert view.evaluate("yearBadge") == '<img src=x onerror="window.pwned=1">'
    assert view.eval_js("document.querySelectorAll('.atlas-year-badge img').length") == 0
    assert view.eval_js("window.pwned === undefined") is True
    view.evaluate("setYearBadge", None)


def test_central_asia_bounds_come_from_the_countries_layer(catalog_module):
    store = FeatureStore(catalog_module)
    west, south, east, north = central_asia_bounds(store)
    by_id = store.layer("countries").by_id
    assert all(code in by_id for code in CENTRAL_ASIA)
    assert (west, south, east, north) == bounds_of(by_id[c] for c in CENTRAL_ASIA)
    assert 46 < west < 47.5 and 35 < south < 36 and 87 < east < 88 and 55 < north < 56  # KAZ..TJK
    assert central_asia_bounds(store, ids=("nowhere",)) is None


@pytest.mark.parametrize("size", [(700, 700), (1366, 500), (1800, 900)])
def test_home_fits_central_asia_to_the_window(view, qtbot, catalog_module, size):
    west, south, east, north = central_asia_bounds(FeatureStore(catalog_module))
    view.resize(*size)
    qtbot.waitUntil(lambda: view.evaluate("state")["size"] == list(size), timeout=5000)
    view.eval_js("atlas.map.setView([10, 10], 3, {animate: false})")
    assert view.evaluate("fitCentralAsia", west, south, east, north) is True
    qtbot.waitUntil(lambda: view.evaluate("state")["bounds"][0] < west, timeout=5000)
    w, s, e, n = view.evaluate("state")["bounds"]
    assert w <= west and s <= south and e >= east and n >= north, "the region does not fit"
    # and fills it: on the tighter side the view is at most twice the region's extent
    assert (e - w) < 2 * (east - west) or (n - s) < 2 * (north - south)
