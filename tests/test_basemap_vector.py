"""File → Open basemap… with VECTOR tiles (MVT, gzip or not; MBTiles and PMTiles built here): drawn
in the page by the vendored renderer in the default style for the recognised schema, names in the
reader's language, in exports; a damaged tile is refused by Python, said under the layer tree, and
the rest still draws; the renderer is not loaded until a vector basemap is opened."""

from __future__ import annotations

import gzip

import pytest
from conftest import close_window, make_window
from mvt_fixtures import (
    NAMES,
    WATER,
    bad_feature_tile,
    make_vector_mbtiles,
    make_vector_pmtiles,
    schema_tile,
    tile,
)
from PySide6.QtGui import QColor, QImage
from tile_fixtures import export_with_basemap

from gis_app.core import mvt
from gis_app.core.tile_archive import ArchiveError, open_archive
from gis_app.ui import tile_scheme


def _far(a, b) -> int:
    return sum(abs(p - q) for p, q in zip(a[:3], b[:3], strict=True))


def share(image: QImage, colour: str) -> float:
    image = image.convertToFormat(QImage.Format.Format_RGB32).scaled(200, 150)
    target = QColor(colour).getRgb()[:3]
    hits = sum(_far(QColor(image.pixel(x, y)).getRgb(), target) < 30
               for y in range(image.height()) for x in range(image.width()))
    return hits / (image.width() * image.height())


# --- Python's side: unpacking, checking, the schema ------------------------------------------------

def test_tiles_are_unpacked_checked_and_bounded():
    raw = tile()
    assert mvt.check(gzip.compress(raw)) == raw and mvt.check(raw) == raw
    assert mvt.layer_names(raw) == ["water", "boundary", "water_name"]
    for bad in (raw[:-7], gzip.compress(raw)[:40], b"\x1a\xff\xff\xff\xff\x0f", b"\x0f\x00"):
        with pytest.raises(mvt.TileError):
            mvt.check(bad)
    with pytest.raises(mvt.TileError, match="more than 2 MiB"):          # a zip bomb stops early
        mvt.check(gzip.compress(b"\x00" * (64 * 1024 * 1024)))
    assert mvt.schema(["water", "transportation", "place", "boundary"]) == "openmaptiles"
    assert mvt.schema(["ocean", "water_polygons", "streets", "place_labels"]) == "shortbread"
    assert mvt.schema(["earth", "water", "roads", "places", "landuse"]) == "protomaps"
    assert mvt.schema(["parcels", "wells"]) == ""


@pytest.mark.parametrize("compress", [True, False])
def test_vector_archives_open_with_their_layers_and_schema(tmp_path, compress):
    for path in (make_vector_mbtiles(tmp_path / "v.mbtiles", compress=compress, metadata=False),
                 make_vector_pmtiles(tmp_path / "v.pmtiles", compress=compress)):
        archive = open_archive(path)
        try:
            assert archive.vector and archive.schema == "openmaptiles"
            assert archive.layers == ("water", "boundary", "water_name")
            assert archive.tile(2, 3, 1).startswith(tile())                 # given to the page unpacked
        finally:
            archive.close()
    bad_first = make_vector_mbtiles(tmp_path / "bad.mbtiles", broken=(0, 0, 0))
    with pytest.raises(ArchiveError) as err:
        open_archive(bad_first)
    assert err.value.reason == "damaged"


# --- in the window --------------------------------------------------------------------------------

@pytest.fixture()
def window(qapp):
    win = make_window(size=(900, 650))
    for layer in win.catalog.layers:
        win.state.set_visible(layer.id, False)
    win.state.view.lat, win.state.view.lon, win.state.view.zoom = 41.0, 68.0, 3.0
    yield win
    close_window(win)
    tile_scheme.serve(None)


def _drawn(window, qtbot):
    window.map.wait_ready(20000)
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapPending()") == 0
                    and window.map.eval_js("atlas.basemapSchema()") != "", timeout=20000)


def test_a_vector_basemap_draws_names_in_kazakh_and_exports(window, prompts, qtbot, tmp_path):
    from gis_app.render.layout_model import ExportOptions
    from gis_app.ui.export import export_map

    # nothing of the renderer before a vector basemap is opened
    window.map.wait_ready(20000)
    assert window.map.eval_js("typeof window.protomapsL") == "undefined"
    window.set_language("kk")
    path = make_vector_mbtiles(tmp_path / "lakes.mbtiles", max_zoom=3)
    prompts.queue("open_file", str(path))
    window.actions["open_basemap"].trigger()
    row = window.basemap.row
    assert row.isVisible()
    window.map.eval_js("(atlas.map.setView([30, 40], 3, {animate: false}), 0)")
    qtbot.waitUntil(lambda: window.state.view.zoom == 3, timeout=5000)
    _drawn(window, qtbot)
    assert window.map.eval_js("atlas.basemapSchema()") == "openmaptiles"
    grab = window.map.stable_grab()
    grab.save(str(tmp_path / "screen.png"))
    assert share(grab, WATER) > 0.4                                  # the lakes' fill covers the map
    labels = window.map.eval_js("atlas.basemapLabels()")
    assert NAMES["name:kk"] in labels and NAMES["name:ru"] not in labels
    assert "OpenMapTiles" in row.schema.text()

    out = tmp_path / "vector.png"
    page = ExportOptions(page="custom", custom_px=(900, 640), dpi=96)
    export_map(out, page, window.catalog, window.state, "kk")
    assert share(QImage(str(out)), WATER) > 0.3

    # the names follow the interface language
    window.set_language("ru")
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapLabels()") == [NAMES["name:ru"]], timeout=10000)

    # opacity, saving and reopening: as for raster tiles
    row.opacity.setValue(40)
    qtbot.waitUntil(lambda: window.map.eval_js(
        "document.querySelector('.atlas-basemap .leaflet-layer').style.opacity") == "0.4", timeout=5000)
    project = tmp_path / "p.atlas.json"
    assert window.project.save_to(project)
    window.basemap.remove()
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapSchema()") == "", timeout=5000)
    prompts.queue("ask", "discard")
    assert window.project.open_path(project)
    assert window.document.basemap == {"path": str(path.absolute()), "opacity": 0.4, "visible": True}
    _drawn(window, qtbot)
    assert window.map.eval_js("atlas.basemapSchema()") == "openmaptiles"


def test_a_broken_tile_is_said_and_the_rest_draws(window, qtbot, tmp_path):
    path = make_vector_pmtiles(tmp_path / "ok.pmtiles", compress=True)
    assert window.basemap.open_path(path)
    _drawn(window, qtbot)
    assert window.basemap.row.problem.text() == ""
    broken = make_vector_mbtiles(tmp_path / "broken.mbtiles", max_zoom=3, broken=(3, 5, 3))
    window.state.view.lat, window.state.view.lon, window.state.view.zoom = 40.0, 45.0, 4.0
    assert window.basemap.open_path(broken)
    window.map.eval_js("atlas.map.setView([40, 45], 4, {animate: false}) && 0")
    qtbot.waitUntil(lambda: "damaged or too large" in window.basemap.row.problem.text(), timeout=20000)
    _drawn(window, qtbot)
    assert share(window.map.stable_grab(), WATER) > 0.3             # the other tiles still draw


def _gdal_mbtiles(path):
    """A vector MBTiles as GDAL writes one (its MVT driver: gzip tiles, TMS rows, metadata json),
    one layer of a schema the atlas does not know."""
    import numpy as np
    import pyogrio.raw
    import shapely

    geoms = shapely.to_wkb(np.array([shapely.box(-60, -50, 60, 50), shapely.Point(0, 0)]))
    pyogrio.raw.write(str(path), geoms, [np.array(["plot", "well"], dtype=object)], ["name"], layer="parcels",
                      driver="MBTiles", geometry_type="Unknown", crs="EPSG:4326",
                      dataset_options={"MAXZOOM": "3", "NAME": "GDAL parcels"})
    return path


def test_an_unknown_schema_still_draws_every_layer_in_grey(window, qtbot, tmp_path):
    window.map.eval_js("(atlas.map.setView([0, 0], 2, {animate: false}), 0)")
    qtbot.waitUntil(lambda: window.state.view.zoom == 2, timeout=5000)
    empty = window.map.stable_grab().convertToFormat(QImage.Format.Format_RGB32).scaled(200, 150)
    path = _gdal_mbtiles(tmp_path / "parcels.mbtiles")
    archive = open_archive(path)
    assert (archive.vector, archive.layers, archive.schema) == (True, ("parcels",), "")
    archive.close()
    assert window.basemap.open_path(path)
    _drawn(window, qtbot)
    assert window.map.eval_js("atlas.basemapSchema()") == "generic"
    assert "does not know" in window.basemap.row.schema.text()
    shot = window.map.stable_grab()
    shot.save(str(tmp_path / "grey.png"))
    drawn = shot.convertToFormat(QImage.Format.Format_RGB32).scaled(200, 150)
    changed = sum(_far(QColor(empty.pixel(x, y)).getRgb(), QColor(drawn.pixel(x, y)).getRgb()) > 30
                  for y in range(150) for x in range(200)) / (200 * 150)
    assert changed > 0.2                                                # the parcel's grey fill
    grey = QColor(drawn.pixel(70, 55)).getRgb()
    assert max(grey[:3]) - min(grey[:3]) < 25                           # a neutral grey


@pytest.mark.parametrize("schema", ["shortbread", "protomaps"])
def test_shortbread_and_protomaps_tiles_draw_in_their_style(window, qtbot, tmp_path, schema):
    window.set_language("kk")
    path = make_vector_mbtiles(tmp_path / f"{schema}.mbtiles", data=schema_tile(schema))
    assert open_archive(path).schema == schema
    window.map.eval_js("(atlas.map.setView([30, 40], 3, {animate: false}), 0)")
    assert window.basemap.open_path(path)
    _drawn(window, qtbot)
    assert window.map.eval_js("atlas.basemapSchema()") == schema
    shot = window.map.stable_grab()
    shot.save(str(tmp_path / f"{schema}.png"))
    assert share(shot, WATER) > 0.4
    assert window.map.eval_js("atlas.basemapLabels()") == ["Алматы"]
    # with Cities and towns shown at zoom 6 the atlas names Almaty itself: the tiles' "Алматы" is not
    # drawn a second time; hidden again, the basemap names it
    window.map.eval_js("(atlas.map.setView([40.97, 45], 6, {animate: false}), 0)")  # the tiles' place
    qtbot.waitUntil(lambda: window.state.view.zoom == 6, timeout=5000)
    _drawn(window, qtbot)
    window.state.set_visible("places", True)
    try:
        qtbot.waitUntil(lambda: window.map.eval_js("atlas.labels.drawsName('Алматы')"), timeout=5000)
        qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapLabels()") == [], timeout=10000)
    finally:
        window.state.set_visible("places", False)
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapLabels()") == ["Алматы"], timeout=10000)
    assert schema.capitalize() in window.basemap.row.schema.text()


def test_the_command_line_export_draws_a_vector_basemap(qapp, tmp_path):
    archive = make_vector_mbtiles(tmp_path / "lakes.mbtiles", max_zoom=3)
    assert share(export_with_basemap(tmp_path, archive), WATER) > 0.3


def test_a_tile_whose_feature_is_damaged_inside_is_left_blank_without_hanging(window, qtbot, tmp_path):
    """Python checks a tile's layers; a feature's own bytes are the renderer's to read: one damaged
    inside leaves that tile blank, and the page goes on (nothing waits for ever)."""
    assert mvt.check(bad_feature_tile()) == bad_feature_tile()         # it passes Python's check
    path = make_vector_mbtiles(tmp_path / "inside.mbtiles", data=bad_feature_tile())
    window.map.eval_js("(atlas.map.setView([30, 40], 3, {animate: false}), 0)")
    assert window.basemap.open_path(path)
    _drawn(window, qtbot)                                             # drawn (blank), not hanging
    assert share(window.map.stable_grab(), WATER) < 0.05
