"""Digitised features and cited sources in the document (no window): kept in the user layer's data
and the project's evidence, saved and reopened, refused when the shape is not the layer's, and
`gis-app validate --project` naming what has no source."""

from __future__ import annotations

import json

import pytest

from gis_app.core import digitised as dg
from gis_app.core import project as proj
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Kind
from gis_app.core.evidence import load_evidence
from gis_app.core.features import FeatureStore
from gis_app.core.validate import validate_project

POINT = {"type": "Point", "coordinates": [70.51234567, 39.9]}


@pytest.fixture
def bibliography(catalog):
    return load_evidence(catalog.folder)[1]


def posts(document: AtlasDocument) -> str:
    entry = dg.new_layer("Border posts", "point", ["name", " note "], 0, set(document.catalog.ids()))
    document.add_user_layers([entry])
    return entry["id"]


def test_a_digitised_point_is_a_feature_of_its_layer_and_saved_with_its_source(catalog, tmp_path,
                                                                             bibliography):
    doc = AtlasDocument(catalog)
    heard = []
    doc.subscribe(lambda what: heard.append(what))
    layer_id = posts(doc)
    assert doc.user_layer(layer_id)["popup_fields"] == ["name", "note"]
    feature = dg.make_feature(dg.next_feature_id(doc.user_layer(layer_id)), dg.check_geometry("point", POINT),
                              {"name": "Пост Ворух", "note": "by the road"})
    doc.add_user_feature(layer_id, feature)
    store = FeatureStore(catalog)
    assert store.properties(layer_id, "1")["name"] == "Пост Ворух"
    assert store.layer(layer_id).by_id["1"]["geometry"]["coordinates"] == [70.512346, 39.9]
    # one feature put: the layer is patched, not rebuilt (its file is written again in place)
    assert doc.dirty and Kind.USER_FEATURES in heard[-1] and Kind.USER_LAYERS not in heard[-1]
    assert heard[-1].features == ((layer_id, "put", "1"),)
    source = next(iter(bibliography))
    doc.set_cites(f"{layer_id}/1", [source])
    assert Kind.EVIDENCE in heard[-1]
    assert dg.feature_cites(doc.user_evidence, layer_id, "1") == [source]
    assert dg.next_feature_id(doc.user_layer(layer_id)) == "2"
    from gis_app.core import bundle  # exported as any user layer is
    assert bundle.export_layer(doc, layer_id, tmp_path / "posts.gpkg") == 1
    import geopandas as gpd
    assert list(gpd.read_file(tmp_path / "posts.gpkg")["name"]) == ["Пост Ворух"]

    doc.save(tmp_path / "p.atlas.json")
    from gis_app.core.catalog import load_catalog
    again = AtlasDocument(load_catalog())
    again.apply_project(proj.load(tmp_path / "p.atlas.json"), tmp_path / "p.atlas.json")
    assert again.cites(f"{layer_id}/1") == [source]
    assert FeatureStore(again.catalog).properties(layer_id, "1")["note"] == "by the road"

    # edited, then deleted; the selection of a deleted feature goes
    changed = {**feature, "properties": {**feature["properties"], "name": "Post Vorukh"}}
    assert again.replace_user_feature(layer_id, changed)["properties"]["name"] == "Пост Ворух"
    again.select(layer_id, "1")
    removed, index = again.remove_user_feature(layer_id, "1")
    assert (removed["properties"]["name"], index) == ("Post Vorukh", 0)
    assert again.selection is None and again.user_layer(layer_id)["count"] == 0


@pytest.mark.parametrize(("geometry", "shape", "why"), [
    ("point", {"type": "LineString", "coordinates": [[70, 40], [71, 40]]}, "the layer holds points"),
    ("line", {"type": "LineString", "coordinates": [[70, 40], [70, 40]]}, "two different points"),
    ("polygon", {"type": "Polygon", "coordinates": [[[70, 40], [71, 40], [70, 40]]]}, "three different"),
    ("point", {"type": "Point", "coordinates": [270, 40]}, "not a place on the Earth"),
    ("point", {"type": "Point", "coordinates": "x"}, "not a longitude and a latitude"),
    ("point", {"type": "Point", "coordinates": ["a", "b"]}, "cannot be read"),
])
def test_a_shape_that_is_not_the_layers_is_refused_with_a_reason(geometry, shape, why):
    with pytest.raises(dg.DigitiseError, match=why):
        dg.check_geometry(geometry, shape)


def test_a_number_field_stays_a_number_and_a_text_stays_text():
    features = [dg.make_feature("1", POINT, {"rank": 3, "share": 0.5, "name": "A", "code": "007"})]
    got = dg.typed({"rank": "12", "share": "2,5", "name": "15", "code": "008", "new": "9"}, features)
    assert got == {"rank": 12, "share": 2.5, "name": "15", "code": "008", "new": "9"}
    assert dg.typed({"rank": "about 12"}, features) == {"rank": "about 12"}


def test_a_polygon_is_closed_and_fields_and_dates_are_checked():
    ring = dg.check_geometry("polygon", {"type": "Polygon", "coordinates": [[[70, 40], [71, 40], [71, 41]]]})
    assert ring["coordinates"][0][0] == ring["coordinates"][0][-1]
    with pytest.raises(dg.DigitiseError, match="'id' is the atlas's own field"):
        dg.check_fields(["name", "id"])
    with pytest.raises(dg.DigitiseError, match="needs a title"):
        dg.new_layer("  ", "point", [], 0, set())
    entry = dg.new_layer("Clashes", "point", ["name"], 0, set(), dated=True)
    assert entry["time_field"] == "date" and "date" in entry["popup_fields"]
    assert dg.date_problem(entry, {"date": "2022-09-14"}) == ""
    assert "is not a date" in dg.date_problem(entry, {"date": "14.09.2022"})


def test_validate_names_the_uncited_feature_and_claim_and_passes_once_cited(catalog, bibliography, tmp_path,
                                                                           capsys):
    from gis_app import cli
    doc = AtlasDocument(catalog)
    layer_id = posts(doc)
    doc.add_user_feature(layer_id, dg.make_feature("1", POINT, {"name": "Post A"}))
    doc.add_user_feature(layer_id, dg.make_feature("2", POINT, {}))
    doc.user_evidence = {"version": 1, "sources": [{"id": "u_report", "type": "report", "title": "Report"}],
                         "claims": [{"claim_id": "u_c1", "subject": "KGZ", "indicator": "troops",
                                     "value": "12", "unit": "persons", "date": "2024", "citation": "nowhere",
                                     "locator": "", "note": "", "confirmed": "n/a", "estimate": False}]}
    report = validate_project(doc)
    assert report.uncited == [
        "“Border posts”: feature 1 “Post A” has no source (cite one for it or for the layer)",
        "“Border posts”: feature 2 has no source (cite one for it or for the layer)",
        "claim u_c1 (troops of KGZ) cites 'nowhere', neither a shipped nor a project source"]
    path = tmp_path / "p.atlas.json"
    doc.save(path)
    assert cli.main(["validate", "--project", str(path)]) == 1
    err = capsys.readouterr().err
    assert "3 without a source in p.atlas.json" in err and "feature 1 “Post A” has no source" in err

    doc.set_cites(f"{layer_id}/1", ["u_report"])      # a project source, for one feature
    doc.set_cites(layer_id, [next(iter(bibliography))])  # a shipped source, for the whole layer
    doc.user_evidence["claims"][0]["citation"] = "u_report"
    doc.save(path)
    assert cli.main(["validate", "--project", str(path)]) == 0
    assert "OK: p.atlas.json: 2 features and 1 claims, each with a source" in capsys.readouterr().out
    assert json.loads(path.read_text())["evidence"]["cites"][layer_id]


def test_a_bundle_carries_digitised_layers_even_empty_and_their_cites(catalog, bibliography, tmp_path):
    from gis_app.core import bundle
    from gis_app.core.catalog import load_catalog
    doc = AtlasDocument(catalog)
    layer_id = posts(doc)
    doc.add_user_feature(layer_id, dg.make_feature("1", POINT, {"name": "Post A"}))
    doc.set_cites(f"{layer_id}/1", [next(iter(bibliography))])
    empty = dg.new_layer("Roads", "line", ["name"], 1, set(doc.catalog.ids()))
    doc.add_user_layers([empty])
    bundle.save_bundle(doc, tmp_path / "b.atlas.zip")
    project, _home = bundle.open_bundle(tmp_path / "b.atlas.zip")
    again = AtlasDocument(load_catalog())
    again.apply_project(project)
    assert not again.user_layer_problems
    assert FeatureStore(again.catalog).properties(layer_id, "1")["name"] == "Post A"
    assert validate_project(again).ok
    assert again.user_layer(empty["id"])["data"]["features"] == []
    # drawing into the bundled layer (read from its GeoPackage) keeps the data in the project from then on
    store = FeatureStore(again.catalog)
    fid = dg.next_feature_id(list(store.layer(layer_id).by_id))
    assert fid == "2"
    again.add_user_feature(layer_id, dg.make_feature(fid, POINT, {"name": "Post B"}))
    names = [f["properties"]["name"] for f in again.user_layer(layer_id)["data"]["features"]]
    assert names == ["Post A", "Post B"]
    assert "source" not in again.user_layer(layer_id)
