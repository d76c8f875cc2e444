"""Importing the user's own files: each format, encodings, coordinate systems, bad input."""

from __future__ import annotations

import zipfile

import pytest

from gis_app.core import importers as im
from tests import import_files as files


def read_one(path, **options):
    layers = im.read(path, im.Options(**options))
    assert len(layers) == 1
    return layers[0]


def test_each_format_imports_with_its_count_and_crs(tmp_path):
    pts = files.points()
    pts.to_file(tmp_path / "p.geojson")
    assert read_one(tmp_path / "p.geojson").count == 4
    files.polygons(5).to_file(tmp_path / "a.gpkg", layer="areas")
    layer = read_one(tmp_path / "a.gpkg")
    assert (layer.count, layer.geometry) == (5, "polygon")
    pts.to_crs("EPSG:3857").to_file(tmp_path / "m.fgb")
    layer = read_one(tmp_path / "m.fgb")
    assert layer.count == 4 and layer.crs.startswith("EPSG:3857")
    assert layer.frame.crs.to_epsg() == 4326
    osh = layer.frame[layer.frame["name"] == "Ош"].geometry.iloc[0]  # (FlatGeobuf sorts by place)
    assert abs(osh.x - 72.80) < 1e-6
    shp = files.shapefile(tmp_path, "s", pts.to_crs("EPSG:32643"))
    layer = read_one(shp)
    assert layer.count == 4 and "32643" in layer.crs
    assert abs(layer.frame.geometry.iloc[1].y - 42.87) < 1e-6
    (tmp_path / "z").mkdir()
    zipped = files.zip_of(files.shapefile(tmp_path / "z", "inner", pts), tmp_path / "s.zip", "folder/")
    assert read_one(zipped).count == 4


def test_tables_guess_columns_and_read_wkt(tmp_path):
    import pandas as pd
    pd.DataFrame({"Name": ["a", "b", "c"], "Longitude": [70, 71, 72], "Latitude": [40, 41, "x"]}) \
        .to_csv(tmp_path / "t.csv", index=False)
    layer = read_one(tmp_path / "t.csv")
    assert (layer.count, layer.skipped_null) == (2, 1)  # the row with no number is counted
    with pytest.raises(im.ColumnQuestion) as asked:
        read_one(tmp_path / "t.csv", confirm_columns=True)
    assert (asked.value.guess_x, asked.value.guess_y) == ("Longitude", "Latitude")
    pd.DataFrame({"what": ["p", "l"], "WKT": ["POINT (70 40)", "LINESTRING (70 40, 71 41)"]}) \
        .to_excel(tmp_path / "t.xlsx", index=False)
    layer = read_one(tmp_path / "t.xlsx")
    assert (layer.count, layer.geometry) == (2, "mixed")


def test_gpx_tracks_routes_waypoints(tmp_path):
    layers = im.read(files.gpx(tmp_path))
    assert [(x.name, x.count, x.geometry) for x in layers] == [
        ("walk — tracks", 1, "line"), ("walk — routes", 1, "line"), ("walk — waypoints", 2, "point")]


def test_kmz_with_two_folders_gives_two_layers_and_splits_mixed_geometry(tmp_path):
    layers = im.read(files.kmz(tmp_path))
    names = sorted((x.name, x.count, x.geometry) for x in layers)
    assert names == [("Camps", 1, "point"), ("Checkpoints — lines", 1, "line"),
                     ("Checkpoints — points", 2, "point")]
    assert len({x.source_layer for x in layers}) == 2  # two folders


def test_geopackage_layers_are_chosen(tmp_path):
    files.points().to_file(tmp_path / "two.gpkg", layer="posts")
    files.polygons().to_file(tmp_path / "two.gpkg", layer="zones")
    with pytest.raises(im.LayerQuestion) as asked:
        im.read(tmp_path / "two.gpkg")
    assert asked.value.layers == ["posts", "zones"]
    assert read_one(tmp_path / "two.gpkg", layers=["zones"]).geometry == "polygon"


def test_cp1251_shapefile_without_cpg_is_flagged_then_correct(tmp_path):
    shp = files.shapefile(tmp_path, "cyr", files.points(), encoding="cp1251", cpg=False)
    with pytest.raises(im.EncodingQuestion) as asked:
        im.read(shp)
    assert asked.value.guess == "cp1251"
    assert asked.value.previews["cp1251"][:2] == ["Ош", "Бишкек"]
    assert "Ош" not in asked.value.previews["utf-8"]
    assert list(read_one(shp, encoding="cp1251").frame["name"]) == [p[0] for p in files.PLACES]


def test_utm_file_without_prj_lands_after_choosing_the_zone(tmp_path):
    shp = files.shapefile(tmp_path, "utm", files.points().to_crs("EPSG:32643"), prj=False)
    with pytest.raises(im.CrsQuestion) as asked:
        im.read(shp)
    assert "EPSG:32643" in [c for c, _ in asked.value.choices]
    layer = read_one(shp, crs="EPSG:32643")
    assert abs(layer.frame.geometry.iloc[0].x - 72.80) < 1e-6
    assert abs(layer.frame.geometry.iloc[0].y - 40.53) < 1e-6
    with pytest.raises(im.RefusedError, match="outside Central Asia"):
        read_one(shp, crs="EPSG:28408")  # a Gauss-Krüger zone puts it nowhere plausible


def test_gauss_kruger_zone_is_suggested(tmp_path):
    frame = files.points().to_crs("EPSG:28413")
    shp = files.shapefile(tmp_path, "gk", frame, prj=False)
    with pytest.raises(im.CrsQuestion) as asked:
        im.read(shp)
    assert asked.value.suggested == "EPSG:28413"


def test_repairs_and_null_geometries_are_counted(tmp_path):
    files.polygons(4, bad=True).to_file(tmp_path / "bad.gpkg")
    layer = read_one(tmp_path / "bad.gpkg")
    assert (layer.count, layer.repaired, layer.skipped_null) == (3, 1, 1)
    assert layer.frame.is_valid.all()
    assert "repaired: 1" in layer.summary()


# --- bad input: a clear refusal, never a crash -------------------------------------------------------
def test_bad_input_corpus_is_refused_clearly(tmp_path):
    files.points().to_file(tmp_path / "ok.gpkg")
    data = (tmp_path / "ok.gpkg").read_bytes()
    (tmp_path / "trunc.gpkg").write_bytes(data[:3000])
    (tmp_path / "empty.geojson").write_bytes(b"")
    (tmp_path / "html.geojson").write_text("<html><body>not data</body></html>")
    (tmp_path / "image.shp").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 200)
    (tmp_path / "notes.docx").write_text("x")
    (tmp_path / "nothing.geojson").write_text('{"type": "FeatureCollection", "features": []}')
    (tmp_path / "range.geojson").write_text(
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},'
        '"geometry":{"type":"Point","coordinates":[500, 95]}}]}')
    (tmp_path / "folder.geojson").mkdir()
    cases = {"trunc.gpkg": "damaged", "empty.geojson": "empty", "html.geojson": "damaged",
             "image.shp": "missing", "notes.docx": "cannot be imported", "nothing.geojson": "no features",
             "range.geojson": "out of range", "folder.geojson": "not a regular file",
             "gone.gpkg": "does not exist"}
    for name, words in cases.items():
        with pytest.raises((im.RefusedError, im.Question)) as refused:
            im.read(tmp_path / name)
        assert words in str(refused.value), (name, str(refused.value))


def test_any_unicode_name_is_kept(tmp_path):
    name = "Погранпосты Қазақстан 🚩 ‮txt"
    files.points().to_file(tmp_path / f"{name}.geojson")
    layer = read_one(tmp_path / f"{name}.geojson")
    assert layer.name == name
    from gis_app.core import user_layers as ul
    entry = ul.entry_for(layer, None, 0, set())
    assert entry["title"] == name and entry["id"].startswith("user_")


def test_zip_bomb_and_huge_file_are_refused(tmp_path, monkeypatch):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("big.geojson", b" " * 50_000_000)
    with pytest.raises(im.RefusedError, match="zip bomb"):
        im.read(bomb)
    files.points().to_file(tmp_path / "p.geojson")
    monkeypatch.setattr(im, "MAX_FILE", 100)
    with pytest.raises(im.RefusedError, match="over the import limit"):
        im.read(tmp_path / "p.geojson")


def test_nothing_of_geopandas_is_loaded_at_start_up():
    import subprocess
    import sys
    code = ("import sys, gis_app.cli, gis_app.core.document, gis_app.core.importers, gis_app.ui.main_window;"
            "print([m for m in ('geopandas', 'pandas', 'pyogrio', 'pyproj') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
