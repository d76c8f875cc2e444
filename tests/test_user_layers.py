"""User layers in the document: shown like the atlas's own, saved by relative path or embedded,
carried by bundles, exported."""

from __future__ import annotations

import shutil

import pytest

from gis_app.core import bundle
from gis_app.core import importers as im
from gis_app.core import project as proj
from gis_app.core import user_layers as ul
from gis_app.core.catalog import USER_GROUP, load_catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Kind
from gis_app.core.features import FeatureStore
from gis_app.core.search import SearchIndex
from tests import import_files as files


def new_document():
    return AtlasDocument(load_catalog())


def add(doc, path, embed=False, **options):
    layers = im.read(path, im.Options(**options))
    entries = []
    for n, layer in enumerate(layers):
        source = None if embed else {"path": str(path), "layer": layer.source_layer,
                                     "part": layer.geometry_filter, **{k: v for k, v in options.items()
                                                                       if k in ("encoding", "crs")}}
        entries.append(ul.entry_for(layer, source, n, set()))
    doc.add_user_layers(entries)
    return [e["id"] for e in entries]


def test_an_imported_layer_joins_the_catalog_map_and_search(tmp_path):
    shp = files.shapefile(tmp_path, "posts", files.points(), encoding="cp1251", cpg=False)
    doc, seen = new_document(), []
    doc.subscribe(seen.append)
    (layer_id,) = add(doc, shp, encoding="cp1251")
    assert Kind.USER_LAYERS in seen[-1] and doc.dirty
    assert doc.catalog.groups[0].id == USER_GROUP
    assert doc.catalog.layer(layer_id).group == USER_GROUP
    assert doc.map.order()[0] == layer_id and doc.map.get(layer_id).visible
    store = FeatureStore(doc.catalog)
    assert [f["properties"]["name"] for f in store.layer(layer_id).features][:2] == ["Ош", "Бишкек"]
    doc.update_user_layer(layer_id, name_field="name", label_field="name")
    hits = SearchIndex(doc.catalog, store).search("Бишкек", "en")
    mine = [h for h in hits if h.layer_id == layer_id]
    assert mine and mine[0].name == "Бишкек"
    doc.select(layer_id, mine[0].feature_id)
    assert doc.selection.layer == layer_id
    doc.remove_user_layer(layer_id)
    assert layer_id not in doc.catalog.ids() and layer_id not in doc.map.order()
    assert all(g.id != USER_GROUP for g in doc.catalog.groups)


def test_saved_by_relative_path_reopened_and_moved(tmp_path):
    (tmp_path / "data").mkdir()
    gpkg = tmp_path / "data" / "zones.gpkg"
    files.polygons(3).to_file(gpkg)
    doc = new_document()
    (layer_id,) = add(doc, gpkg)
    doc.update_user_layer(layer_id, style={"fill": "#123456", "stroke": "#000000"})
    doc.map.set_opacity(layer_id, 0.5)
    doc.save(tmp_path / "p.atlas.json")
    saved = proj.load(tmp_path / "p.atlas.json")
    assert saved.user_layers[0]["source"]["path"] == "data/zones.gpkg"
    # The whole folder moved: the relative path still finds the data.
    shutil.move(tmp_path / "data", tmp_path / "elsewhere")
    (tmp_path / "elsewhere").mkdir(exist_ok=True)
    moved = tmp_path / "moved"
    moved.mkdir()
    shutil.copy(tmp_path / "p.atlas.json", moved / "p.atlas.json")
    shutil.copytree(tmp_path / "elsewhere", moved / "data")
    other = new_document()
    other.apply_project(proj.load(moved / "p.atlas.json"), moved / "p.atlas.json")
    assert other.catalog.layer(layer_id).style["fill"] == "#123456"
    assert other.map.get(layer_id).opacity == 0.5 and other.map.order()[0] == layer_id
    # A project whose file is gone: the layer stays in the project, is said missing, can be located.
    lost = new_document()
    lost.apply_project(proj.load(tmp_path / "p.atlas.json"), tmp_path / "p.atlas.json")
    assert layer_id in lost.user_layer_problems and "missing" in lost.user_layer_problems[layer_id]
    assert layer_id not in lost.catalog.ids()
    lost.relocate_user_layer(layer_id, tmp_path / "elsewhere" / "zones.gpkg")
    assert layer_id in lost.catalog.ids() and not lost.user_layer_problems


def test_embedded_layer_needs_no_file(tmp_path):
    files.points().to_file(tmp_path / "p.geojson")
    doc = new_document()
    (layer_id,) = add(doc, tmp_path / "p.geojson", embed=True)
    doc.save(tmp_path / "e.atlas.json")
    (tmp_path / "p.geojson").unlink()
    other = new_document()
    other.apply_project(proj.load(tmp_path / "e.atlas.json"), tmp_path / "e.atlas.json")
    assert len(FeatureStore(other.catalog).layer(layer_id).features) == 4


def test_bundle_reopens_elsewhere_with_the_same_layers(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    kmz = files.kmz(src)
    doc = new_document()
    ids = add(doc, kmz)
    doc.annotations.add({"type": "Feature", "properties": {"kind": "marker", "text": "here"},
                         "geometry": {"type": "Point", "coordinates": [71, 40]}})
    target = tmp_path / "out" / "trip.atlas.zip"
    target.parent.mkdir()
    bundle.save_bundle(doc, target)
    shutil.rmtree(src)  # nothing of the original files is left
    far = tmp_path / "far"
    far.mkdir()
    shutil.move(target, far / target.name)
    project, _home = bundle.open_bundle(far / target.name)
    other = new_document()
    other.apply_project(project, None)
    assert not other.user_layer_problems
    assert [e["title"] for e in other.user_layers] == [e["title"] for e in doc.user_layers]
    store = FeatureStore(other.catalog)
    assert [len(store.layer(i).features) for i in ids] == [len(FeatureStore(doc.catalog).layer(i).features)
                                                           for i in ids]
    assert len(other.annotations) == 1


def test_export_layer_and_selection(tmp_path):
    import geopandas as gpd
    files.points().to_file(tmp_path / "p.geojson")
    doc = new_document()
    (layer_id,) = add(doc, tmp_path / "p.geojson")
    for suffix in (".geojson", ".gpkg", ".shp"):
        assert bundle.export_layer(doc, layer_id, tmp_path / f"out{suffix}") == 4
        back = gpd.read_file(tmp_path / f"out{suffix}")
        assert "Ош" in list(back["name"]) and back.crs.to_epsg() == 4326
    assert bundle.export_layer(doc, layer_id, tmp_path / "sel.gpkg", ["1", "3"]) == 2
    with pytest.raises(bundle.BundleError):
        bundle.export_layer(doc, layer_id, tmp_path / "x.txt")


def test_command_line_import_creates_and_updates_a_project(tmp_path, capsys):
    from gis_app.cli import main
    shp = files.shapefile(tmp_path, "cyr", files.points().to_crs("EPSG:32643"), encoding="cp1251", cpg=False,
                          prj=False)
    target = tmp_path / "new.atlas.json"
    assert main(["import", str(shp), "--into", str(target)]) == 2
    assert "--encoding" in capsys.readouterr().err and not target.exists()
    assert main(["import", str(shp), "--encoding", "cp1251", "--into", str(target)]) == 2
    assert "--crs" in capsys.readouterr().err
    args = ["import", str(shp), "--encoding", "cp1251", "--crs", "EPSG:32643", "--into", str(target)]
    assert main(args) == 0
    out = capsys.readouterr().out
    for words in ("features: 4", "geometry: point", "EPSG:32643", "encoding: cp1251", "repairs: 0"):
        assert words in out
    files.polygons(2).to_file(tmp_path / "z.gpkg", layer="zones")
    assert main(["import", str(tmp_path / "z.gpkg"), "--layer", "zones", "--embed", "--into",
                 str(target)]) == 0
    saved = proj.load(target)
    assert [e["title"] for e in saved.user_layers] == ["cyr", "z"]
    assert saved.user_layers[0]["source"]["path"] == "cyr.shp" and "data" in saved.user_layers[1]
    assert main(["import", str(tmp_path / "nothing.gpkg"), "--into", str(target)]) == 1


def test_style_builder_makes_the_toml_style_model_the_legend_reads(tmp_path):
    from gis_app.core import style_build
    from gis_app.core.style import class_color, resolved_style
    from gis_app.render.legend import legend_entries
    style = style_build.graduated({"fill": "#ffffff"}, "value", [0, 1, 2, 3, 4, 5, 6, 7, 8, "x", None], 4,
                                  "equal", "Blues")
    spec = style["choropleth"]
    assert spec["breaks"] == [2.0, 4.0, 6.0] and len(spec["colors"]) == 4
    assert class_color(spec, 7) == spec["colors"][3] and class_color(spec, "x") == "#dddddd"
    quant = style_build.graduated({}, "v", list(range(100)), 5, "quantile")["choropleth"]
    assert quant["breaks"] == [20, 40, 60, 80]
    cats = style_build.categories({"fill": "#000000"}, "kind", ["a", "b", "a", None, 2.0], "polygon")
    assert set(cats["categories"]["values"]) == {"a", "b", "null", "2"}
    assert resolved_style(cats, {"kind": "b"})["fill"] != resolved_style(cats, {"kind": "a"})["fill"]
    files.polygons(4).to_file(tmp_path / "z.gpkg")
    doc = new_document()
    (layer_id,) = add(doc, tmp_path / "z.gpkg")
    doc.update_user_layer(layer_id, style=style_build.graduated({}, "value", [0, 1, 2, 3], 2, "equal"))
    entry = legend_entries(doc.catalog, [layer_id], "en")[0]
    assert [i.label for i in entry.items][:2] == ["< 1.5", "≥ 1.5"]
