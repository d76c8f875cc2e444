"""User layers in the window: added through File → Add layer… (with its questions), drawn by the page,
toggled, identified, in the table and the search, styled, saved and reopened, bundled."""

from __future__ import annotations

import html

import pytest

from gis_app.core import project as proj
from gis_app.ui.main_window import MainWindow
from tests import import_files as files


@pytest.fixture(scope="module")
def window(qapp):
    from gis_app.core.catalog import load_catalog

    win = MainWindow(load_catalog(), restore=False)
    win.resize(1300, 850)
    win.show()
    assert win.map.wait_ready(30000)
    yield win
    win.document.mark_clean()
    win.map.shutdown()
    win.close()


def page_count(window, layer_id):
    return window.map.eval_js(f"atlas.featureCount({layer_id!r})")


def test_add_layer_asks_the_encoding_and_draws_the_layer(window, qtbot, prompts, tmp_path):
    shp = files.shapefile(tmp_path, "posts", files.points(), encoding="cp1251", cpg=False)
    prompts.queue("open_file", str(shp)).queue("choose", "cp1251")
    window.actions["add_layer"].trigger()
    asked = prompts.messages("choose")[0]
    assert "Бишкек" in asked.text and asked.choices[0] == "cp1251"  # the guess first, with a preview
    (layer_id,) = [e["id"] for e in window.document.user_layers]
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    assert layer_id in window.map.evaluate("state")["onMap"]
    assert "Added posts: 4 features" in window.statusBar().currentMessage()
    # the Layers panel: a "My layers" group at the top, with the layer, toggled from there
    model = window.layer_panel.model
    assert model.data(model.index(1, 0)) == "My layers"
    index = model.layer_index(layer_id)
    assert model.data(index) == "posts"
    from PySide6.QtCore import Qt
    model.setData(index, Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: layer_id not in window.map.evaluate("state")["onMap"], timeout=5000)
    model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: layer_id in window.map.evaluate("state")["onMap"], timeout=5000)
    # identify: a click on a feature on the page selects it; Info shows its attributes as text
    window.map.eval_js(f"atlas.select({layer_id!r}, '2')")
    qtbot.waitUntil(lambda: window.document.selection is not None, timeout=5000)
    assert window.document.selection.layer == layer_id
    qtbot.waitUntil(lambda: window.info_panel.current == (layer_id, "2"), timeout=5000)
    assert window.info_panel.title.text() == "Бишкек"  # read as CP1251, as chosen
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.highlighted") == f"{layer_id}/2", timeout=5000)
    # the attribute table lists it
    window.attribute_table.set_layer(layer_id)
    assert window.attribute_table.model.rowCount() == 4


def test_style_categories_label_and_legend(window, qtbot, tmp_path):
    from gis_app.render.legend import legend_entries
    from gis_app.ui.style_editor import StyleEditor
    (layer_id,) = [e["id"] for e in window.document.user_layers][:1]
    editor = StyleEditor(window.document, window.features, layer_id, window)
    editor.mode.setCurrentIndex(editor.mode.findData("categories"))
    editor.field.setCurrentIndex(editor.field.findData("name"))
    editor.label_field.setCurrentIndex(editor.label_field.findData("name"))
    editor.apply()
    style = window.document.user_layer(layer_id)["style"]
    assert style["categories"]["property"] == "name" and len(style["categories"]["values"]) == 4
    entry = legend_entries(window.catalog, [layer_id], "en")[0]
    assert sorted(i.label for i in entry.items) == sorted(p[0] for p in files.PLACES)
    qtbot.waitUntil(lambda: sorted(window.map.eval_js(f"atlas.labelTexts({layer_id!r})") or [])
                    == sorted(p[0] for p in files.PLACES), timeout=10000)
    # an export (SVG: text stays text) draws the legend with these categories, and the layer itself
    from gis_app.render.layout_model import ExportOptions
    from gis_app.ui.export import export_map
    result = export_map(tmp_path / "map.svg", ExportOptions(title="Mine", dpi=96), window.catalog,
                        window.state, "en", bbox=(70, 36, 78, 45))
    svg = html.unescape((tmp_path / "map.svg").read_text(encoding="utf-8"))  # text may be entities
    assert layer_id in result.legend_ids
    assert all(p[0] in svg for p in files.PLACES)


def test_saved_and_reopened_with_the_window(window, qtbot, prompts, tmp_path):
    layer_id = window.document.user_layers[0]["id"]
    window.document.save(tmp_path / "mine.atlas.json")
    saved = proj.load(tmp_path / "mine.atlas.json")
    assert saved.user_layers[0]["source"]["path"].endswith("posts.shp")
    window.project.new()
    qtbot.waitUntil(lambda: page_count(window, layer_id) == -1, timeout=5000)
    assert window.layer_panel.model.data(window.layer_panel.model.index(1, 0)) != "My layers"
    window.project.open_path(tmp_path / "mine.atlas.json")
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    assert window.document.user_layer(layer_id)["style"]["categories"]["property"] == "name"


def test_bad_file_is_refused_with_a_message_and_nothing_changes(window, prompts, tmp_path):
    before = [e["id"] for e in window.document.user_layers]
    (tmp_path / "broken.gpkg").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    prompts.queue("open_file", str(tmp_path / "broken.gpkg"))
    window.actions["add_layer"].trigger()
    assert "cannot be imported" in prompts.messages("warn")[-1].text
    assert [e["id"] for e in window.document.user_layers] == before


def test_html_in_attributes_is_text_on_the_page(window, qtbot, tmp_path):
    import geopandas as gpd
    from shapely.geometry import Point
    frame = gpd.GeoDataFrame({"name": ["<img src=x onerror=alert(1)><b>bold</b>"]},
                             geometry=[Point(70, 41)], crs="EPSG:4326")
    frame.to_file(tmp_path / "evil.geojson")
    (layer_id,) = window.user_layers.flow.import_paths([str(tmp_path / "evil.geojson")])
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 1, timeout=10000)
    window.map.eval_js(f"atlas.select({layer_id!r}, '1', L.latLng(41, 70))")
    qtbot.waitUntil(lambda: bool(window.map.eval_js(
        "document.querySelector('.atlas-popup') && document.querySelector('.atlas-popup').textContent")),
        timeout=5000)
    text = window.map.eval_js("document.querySelector('.atlas-popup').textContent")
    assert "<img src=x" in text
    assert window.map.eval_js("document.querySelectorAll('.atlas-popup img, .atlas-popup b').length") == 0
    # Info shows it as text too
    from PySide6.QtCore import Qt
    qtbot.waitUntil(lambda: window.info_panel.current == (layer_id, "1"), timeout=5000)
    assert window.info_panel.title.text().startswith("<img src=x")
    assert window.info_panel.title.textFormat() == Qt.TextFormat.PlainText
    window.document.remove_user_layer(layer_id)


def test_bundle_from_the_window_opens_elsewhere(window, qtbot, prompts, tmp_path):
    layer_id = window.document.user_layers[0]["id"]
    prompts.queue("save_file", str(tmp_path / "lecture.atlas.zip"))
    window.actions["save_bundle"].trigger()
    assert (tmp_path / "lecture.atlas.zip").is_file()
    window.document.mark_clean()
    prompts.queue("open_file", str(tmp_path / "lecture.atlas.zip"))
    window.actions["open_bundle"].trigger()
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    assert window.document.path is None and not window.document.user_layer_problems


def test_dropped_files_are_imported(window, qtbot, tmp_path):
    files.polygons(3).to_file(tmp_path / "zones.gpkg")
    before = len(window.document.user_layers)
    window.map.files_dropped.emit([str(tmp_path / "zones.gpkg")])
    assert len(window.document.user_layers) == before + 1


def test_a_big_layer_hides_without_leaving_the_map_and_comes_back_where_it_belongs(window, qtbot, tmp_path,
                                                                                  monkeypatch):
    from gis_app.core import user_layers as ul
    monkeypatch.setattr(ul, "BIG", 2)  # this small layer is drawn as a big one: on its own canvas
    files.points().to_file(tmp_path / "many.geojson")
    (layer_id,) = window.user_layers.flow.import_paths([str(tmp_path / "many.geojson")])
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    assert window.map.eval_js(f"atlas.defs[{layer_id!r}].canvas") is True
    window.document.map.set_visible(layer_id, False)
    qtbot.waitUntil(lambda: layer_id not in window.map.evaluate("state")["onMap"], timeout=5000)
    assert window.map.eval_js(f"atlas.map.getPane('atlas-{layer_id}').style.display") == "none"
    window.map.eval_js("atlas.map.setView([41, 73], 8, {animate: false})")  # moved while hidden
    window.document.map.set_visible(layer_id, True)
    qtbot.waitUntil(lambda: layer_id in window.map.evaluate("state")["onMap"], timeout=5000)
    gap = window.map.eval_js(
        f"(function () {{ var s = atlas.layers[{layer_id!r}].getLayers()[0];"
        " var p = atlas.map.latLngToLayerPoint(s.getLatLng()); return Math.abs(p.x - s._point.x) +"
        " Math.abs(p.y - s._point.y); })()")
    assert gap < 1  # re-projected for the new view
    window.document.remove_user_layer(layer_id)


def test_time_filter_search_table_export_and_a_real_drop(window, qtbot, prompts, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    files.points().to_file(tmp_path / "dated.gpkg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "dated.gpkg"))])
    drop = QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    before = {e["id"] for e in window.document.user_layers}
    window.map.dropEvent(drop)
    (layer_id,) = {e["id"] for e in window.document.user_layers} - before
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    # the time filter by a chosen date field
    window.document.update_user_layer(layer_id, time_field="date", name_field="name")
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    window.state.set_time_range((2014, 2021))
    qtbot.waitUntil(lambda: len(window.map.eval_js(f"atlas.shownFeatures({layer_id!r})") or []) == 2,
                    timeout=5000)
    window.state.set_time_range(None)
    # search finds its features by the name field
    assert window.search_box.wait_indexed()
    hits = [h for h in window.search_box.search("Хорог") if h.layer_id == layer_id]
    assert hits and hits[0].name == "Хорог"
    # the table's selection exported
    table = window.attribute_table
    table.set_layer(layer_id)
    assert table.select(layer_id, "3")
    prompts.queue("choose", "selection").queue("save_file", str(tmp_path / "picked.geojson"))
    assert window.user_layers.export_layer(layer_id)
    import geopandas as gpd
    assert list(gpd.read_file(tmp_path / "picked.geojson")["name"]) == ["Алматы"]
    window.document.remove_user_layer(layer_id)


def test_a_moved_file_is_said_and_located(window, qtbot, prompts, tmp_path):
    import shutil
    (tmp_path / "a").mkdir()
    files.polygons(3).to_file(tmp_path / "a" / "zones.gpkg")
    window.project.new()
    (layer_id,) = window.user_layers.flow.import_paths([str(tmp_path / "a" / "zones.gpkg")])
    window.document.save(tmp_path / "a" / "p.atlas.json")
    (tmp_path / "b").mkdir()
    shutil.move(tmp_path / "a" / "zones.gpkg", tmp_path / "b" / "zones.gpkg")
    prompts.queue("choose", "locate").queue("open_file", str(tmp_path / "b" / "zones.gpkg"))
    window.project.open_path(tmp_path / "a" / "p.atlas.json")
    qtbot.waitUntil(lambda: not prompts.answers, timeout=5000)
    asked = prompts.messages("choose")[-1]
    assert "zones" in asked.text and "missing" in asked.text and asked.choices == ("locate", "keep", "remove")
    assert not window.document.user_layer_problems
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 3, timeout=10000)
    assert window.document.dirty  # the new place is saved with the project
    window.document.mark_clean()


def test_command_line_export_draws_a_projects_own_layers(window, tmp_path, capsys):
    from gis_app.cli import main
    files.points().to_file(tmp_path / "posts.geojson")
    project = tmp_path / "p.atlas.json"
    assert main(["import", str(tmp_path / "posts.geojson"), "--into", str(project)]) == 0
    assert main(["export", str(tmp_path / "out.svg"), "--project", str(project), "--dpi", "96",
                 "--bbox", "60,35,80,47", "--no-inset"]) == 0
    out = capsys.readouterr().out
    assert "legend:" in out
    assert "posts" in (tmp_path / "out.svg").read_text(encoding="utf-8")  # the legend names it


def test_the_export_page_has_drawn_the_user_layers_before_it_prints(window, tmp_path):
    from gis_app.ui.export import MapRenderer
    files.polygons(3).to_file(tmp_path / "zones.gpkg")
    (layer_id,) = window.user_layers.flow.import_paths([str(tmp_path / "zones.gpkg")])
    renderer = MapRenderer(window.catalog, window.state, "en")
    try:
        view = renderer.view
        view.show()
        view.load_atlas({"print": True})
        assert view.wait_ready(30000)  # and, at once, the user's layers are read and on the map
        assert view.eval_js(f"atlas.featureCount({layer_id!r})") == 3
        assert layer_id in view.evaluate("state")["onMap"]
        picture = renderer.render(600, 400, 96, (58, 37, 70, 44))
        assert picture.image.width() == 600
    finally:
        renderer.close()
        window.document.remove_user_layer(layer_id)


def test_the_questions_of_a_table_and_of_a_file_without_coordinate_system(window, qtbot, prompts, tmp_path):
    import pandas as pd
    pd.DataFrame({"place": ["a", "b"], "E": [72.8, 74.6], "N": [40.5, 42.9]}).to_csv(tmp_path / "t.csv",
                                                                                    index=False)
    prompts.queue("choose", "other").queue("ask_text", "E, N")
    (table_id,) = window.user_layers.flow.import_paths([str(tmp_path / "t.csv")])
    assert "place" in prompts.messages("ask_text")[-1].text  # the columns are listed
    assert window.document.user_layer(table_id)["source"]["x"] == "E"
    shp = files.shapefile(tmp_path, "utm", files.points().to_crs("EPSG:32643"), prj=False)
    prompts.queue("choose", "utm").queue("choose", "EPSG:32643")
    (utm_id,) = window.user_layers.flow.import_paths([str(shp)])
    from gis_app.core.features import FeatureStore
    first = FeatureStore(window.catalog).layer(utm_id).features[0]["geometry"]["coordinates"]
    assert abs(first[0] - 72.80) < 1e-5 and abs(first[1] - 40.53) < 1e-5
    prompts.queue("choose", "gk").queue("choose", "EPSG:28408")  # lands nowhere plausible: refused
    assert window.user_layers.flow.import_paths([str(shp)]) == []
    assert "outside Central Asia" in prompts.messages("warn")[-1].text
    for layer_id in (table_id, utm_id):
        window.document.remove_user_layer(layer_id)


def test_a_time_range_changed_while_a_big_layer_is_hidden_applies_when_shown(window, qtbot, tmp_path,
                                                                            monkeypatch):
    from gis_app.core import user_layers as ul
    monkeypatch.setattr(ul, "BIG", 2)
    files.points().to_file(tmp_path / "dated_big.geojson")
    (layer_id,) = window.user_layers.flow.import_paths([str(tmp_path / "dated_big.geojson")])
    window.document.update_user_layer(layer_id, time_field="date")
    qtbot.waitUntil(lambda: page_count(window, layer_id) == 4, timeout=10000)
    window.document.map.set_visible(layer_id, False)
    qtbot.waitUntil(lambda: layer_id not in window.map.evaluate("state")["onMap"], timeout=5000)
    window.state.set_time_range((2014, 2021))
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.timeRange") == [2014, 2021], timeout=5000)
    window.document.map.set_visible(layer_id, True)
    qtbot.waitUntil(lambda: len(window.map.eval_js(f"atlas.shownFeatures({layer_id!r})") or []) == 2,
                    timeout=5000)
    window.state.set_time_range(None)
    qtbot.waitUntil(lambda: len(window.map.eval_js(f"atlas.shownFeatures({layer_id!r})") or []) == 4,
                    timeout=5000)
    window.document.remove_user_layer(layer_id)


def test_a_user_layer_s_dates_widen_the_time_filter(window, qtbot, tmp_path):
    from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
    from PySide6.QtGui import QDropEvent
    frame = files.points()
    frame["date"] = ["1905-03-01", "2010-01-01", "2020-01-01", "2031-06-01"]  # the test's own dates
    frame.to_file(tmp_path / "old_and_new.gpkg")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "old_and_new.gpkg"))])
    before_ids = {e["id"] for e in window.document.user_layers}
    before = tuple(window.time_filter.bounds)
    window.map.dropEvent(QDropEvent(QPointF(300, 300), Qt.DropAction.CopyAction, mime,
                                    Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
    (layer_id,) = {e["id"] for e in window.document.user_layers} - before_ids
    window.document.update_user_layer(layer_id, time_field="date")
    tf = window.time_filter
    assert tuple(tf.bounds) == (min(before[0], 1905), max(before[1], 2031))
    assert tf.first_slider.minimum() == min(before[0], 1905) and tf.last_spin.maximum() == 2031
    window.document.remove_user_layer(layer_id)
    assert tuple(tf.bounds) == before
