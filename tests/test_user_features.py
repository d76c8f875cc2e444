"""Single features of a big user layer changed in the window (issue 15's performance part): the
change reaches the page as those features (the drawn layer is the same object, patched), the
attribute table and Info show the new values, a digitised feature's undo still works, and the
layer's data is not serialised to be hashed."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFormLayout, QLabel

from gis_app.core import user_layers as ul
from gis_app.core.events import Kind

N = 20_000


@pytest.fixture(scope="module")
def window(qapp):
    from conftest import close_window, make_window

    win = make_window(size=(1100, 760))
    yield win
    close_window(win)


def points(n: int) -> dict:
    return {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": str(i + 1), "name": f"P{i + 1}", "n": i},
         "geometry": {"type": "Point", "coordinates": [56 + (i % 400) * 0.05, 36 + (i // 400) * 0.1]}}
        for i in range(n)]}


def big_layer(window) -> str:
    entry = {"id": "user_big_points_test", "title": "Big points", "geometry": "point",
             "style": ul.default_style("point", 0, N), "label_field": "", "name_field": "name",
             "popup_fields": ["name", "n"], "time_field": "", "time_end_field": "", "count": N,
             "data": points(N)}
    window.document.add_user_layers([entry])
    return entry["id"]


def edits(window, layer_id):
    return window.map.eval_js(f"atlas.layerEdits({layer_id!r})")


def count(window, layer_id):
    return window.map.eval_js(f"atlas.featureCount({layer_id!r})")


def info_values(window) -> list[str]:
    form = window.info_panel.attributes
    out = []
    for row in range(form.rowCount()):
        item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
        if item is not None and isinstance(item.widget(), QLabel):
            out.append(item.widget().text())
    return out


def table_texts(window) -> set[str]:
    model = window.attribute_table.model
    return {model.text(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())}


def test_a_feature_changed_in_a_big_layer_is_patched_not_rebuilt(window, qtbot):
    doc = window.document
    layer_id = big_layer(window)
    qtbot.waitUntil(lambda: count(window, layer_id) == N, timeout=60000)
    before = edits(window, layer_id)
    assert before["edits"] == 0
    window.attribute_table.set_layer(layer_id)
    window.select_feature(layer_id, "7")
    qtbot.waitUntil(lambda: window.info_panel.title.text() == "P7", timeout=5000)
    heard = []
    doc.subscribe(heard.append)
    applied = window.map.applied

    changed = {"type": "Feature", "properties": {"id": "7", "name": "Пост «Ворух»", "n": 4242},
               "geometry": {"type": "Point", "coordinates": [70.6, 39.95]}}
    doc.replace_user_feature(layer_id, changed)
    assert Kind.USER_LAYERS not in heard[-1] and heard[-1].features == ((layer_id, "put", "7"),)
    qtbot.waitUntil(lambda: edits(window, layer_id)["edits"] == 1, timeout=10000)
    # the same layer object on the page (no rebuild), one feature patched, none lost or doubled
    assert edits(window, layer_id)["build"] == before["build"]
    assert count(window, layer_id) == N
    assert window.map.applied == applied + 1
    where = window.map.eval_js(
        f"atlas.layers[{layer_id!r}].atlasAll.filter(function (x) {{ return x.atlasId === '7'; }})"
        ".map(function (x) { var p = x.getLatLng(); return [p.lng, p.lat, x.feature.properties.name]; })")
    assert where == [[70.6, 39.95, "Пост «Ворух»"]]
    # the table and Info show the new values (the feature store took the one feature)
    assert "Пост «Ворух»" in table_texts(window) and "P7" not in table_texts(window)
    assert window.info_panel.title.text() == "Пост «Ворух»"
    assert any("4" in v and "242" in v for v in info_values(window))
    # the page's layer is still lit at the selected feature, at its new place
    assert window.map.eval_js("atlas.highlighted") == f"{layer_id}/7"

    # a new feature and a removed one: the same layer again
    new = {"type": "Feature", "properties": {"id": str(N + 1), "name": "New post", "n": -1},
           "geometry": {"type": "Point", "coordinates": [71.0, 40.0]}}
    doc.add_user_feature(layer_id, new)
    doc.remove_user_feature(layer_id, "3")
    qtbot.waitUntil(lambda: edits(window, layer_id)["edits"] == 3, timeout=10000)
    assert edits(window, layer_id)["build"] == before["build"]
    assert count(window, layer_id) == N  # one more, one fewer
    ids = set(window.map.evaluate("shownFeatures", layer_id))
    assert str(N + 1) in ids and "3" not in ids and len(ids) == N
    assert window.attribute_table.model.rowCount() == N and "New post" in table_texts(window)
    # the cache file says the same (a page loaded again, an export, read it)
    path = window.catalog.layer(layer_id).data
    from gis_app.core.features import read_feature_collection
    on_disk = {f["properties"]["id"]: f["properties"]["name"] for f in read_feature_collection(path)}
    assert on_disk["7"] == "Пост «Ворух»" and str(N + 1) in on_disk and "3" not in on_disk
    doc.unsubscribe(heard.append)
    doc.remove_user_layer(layer_id)


def test_undo_of_a_digitised_feature_patches_the_layer(window, qtbot):
    from gis_app.ui.digitise import FeatureEdit
    doc = window.document
    layer_id = big_layer(window)
    qtbot.waitUntil(lambda: count(window, layer_id) == N, timeout=60000)
    build = edits(window, layer_id)["build"]
    fields = doc.user_layer(layer_id)["popup_fields"]
    feature = {"type": "Feature", "properties": {"id": "drawn", "name": "Drawn post", "n": 1},
               "geometry": {"type": "Point", "coordinates": [69.5, 40.5]}}
    window.undo_stack.push(FeatureEdit(doc, layer_id, None, feature, (fields, fields), ([], []),
                                       "Add feature"))
    qtbot.waitUntil(lambda: count(window, layer_id) == N + 1, timeout=10000)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: count(window, layer_id) == N, timeout=10000)
    assert "drawn" not in set(window.map.evaluate("shownFeatures", layer_id))
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: count(window, layer_id) == N + 1, timeout=10000)
    assert edits(window, layer_id) == {"build": build, "edits": 3}
    assert window.features.properties(layer_id, "drawn")["name"] == "Drawn post"
    doc.remove_user_layer(layer_id)


def test_embedded_data_is_not_serialised_to_be_hashed(tmp_path, monkeypatch):
    """The cache file of data kept in the project is named by a key, not by a hash of the data:
    one serialisation (the file) per version of the layer."""
    import json
    entry = {"id": "user_x", "title": "X", "geometry": "point", "data": points(50)}
    dumps = []
    real = json.dumps

    def counting(value, *args, **kwargs):  # the layer's data serialised (not the key's few bytes)
        text = real(value, *args, **kwargs)
        if len(text) > 1000:
            dumps.append(len(text))
        return text
    monkeypatch.setattr(ul.json, "dumps", counting)
    first = ul.materialize(entry, None, "key-1")
    assert len(dumps) == 1 and json.loads(first.read_text())["features"][0]["properties"]["name"] == "P1"
    assert ul.materialize(entry, None, "key-1") == first and len(dumps) == 1  # kept: not written again
    entry["data"]["features"][0]["properties"]["name"] = "changed"
    assert ul.materialize(entry, None, "key-1", rewrite=True) == first
    assert json.loads(first.read_text())["features"][0]["properties"]["name"] == "changed"
    assert ul.materialize(entry, None, "key-2") != first


def test_patch_user_layer_puts_and_removes_only_those_features(catalog):
    """A colleague's rows: only changed features are operations; not an edit of the project; a
    removed selected feature is no longer selected; the cache file is the same file, written again."""
    from gis_app.core.document import AtlasDocument
    from gis_app.core.features import read_feature_collection
    doc = AtlasDocument(catalog)
    entry = {"id": "user_patch_test", "title": "Patch", "geometry": "point", "popup_fields": ["name", "n"],
             "count": 50, "data": points(50)}
    doc.add_user_layers([entry])
    doc.mark_clean()
    path = doc.catalog.layer("user_patch_test").data
    doc.select("user_patch_test", "4")
    heard = []
    doc.subscribe(heard.append)
    same = points(50)["features"][0]                       # equal to what is there: no operation
    changed = {**points(50)["features"][1], "properties": {"id": "2", "name": "Two", "n": 2}}
    new = {"type": "Feature", "properties": {"id": "51", "name": "New"},
           "geometry": {"type": "Point", "coordinates": [70, 40]}}
    assert doc.patch_user_layer("user_patch_test", [same, changed, new], {"4", "999"})
    (what,) = heard
    assert what.features == (("user_patch_test", "put", "2"), ("user_patch_test", "put", "51"),
                             ("user_patch_test", "remove", "4"))
    assert Kind.USER_FEATURES in what and Kind.USER_LAYERS not in what and Kind.SELECTION in what
    assert doc.selection is None and not doc.dirty
    assert doc.catalog.layer("user_patch_test").data == path
    names = {f["properties"]["id"]: f["properties"]["name"] for f in read_feature_collection(path)}
    assert names["2"] == "Two" and names["51"] == "New" and "4" not in names and len(names) == 50
    assert doc.user_layer("user_patch_test")["count"] == 50
    assert not doc.patch_user_layer("user_patch_test", [same], set())  # nothing changed: no change
    assert len(heard) == 1
