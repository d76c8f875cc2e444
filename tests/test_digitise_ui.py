"""Digitising in the window: a point, a line and a polygon drawn with clicks on the map into new
layers, their attribute forms filled and a source ticked; undone and redone; saved and reopened;
shown in Info (with the source) and in the table; edited and deleted from the map's menu; a shipped
feature cited from Info."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from gis_app.core import citations

DOUBLE_CLICK_MS = 400  # resources/web/annotations.js: two clicks this close are a double-click


@pytest.fixture(scope="module")
def window(qapp):
    from conftest import close_window, make_window

    win = make_window(size=(1100, 760))
    yield win
    close_window(win)


def drawn(window):
    return window.map.evaluate("annotationState")


def map_point(window, lon: float, lat: float) -> QPoint:
    x, y = window.map.eval_js(
        f"(function(){{var p = atlas.map.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y];}})()")
    return QPoint(round(x), round(y))


def target(window):
    return window.map.focusProxy() or window.map


def click(window, lon, lat):
    point = map_point(window, lon, lat)
    QTest.mouseMove(target(window), point)
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def new_layer(title: str, geometry: str, fields: str = "name", dated: bool = False):
    def answer(dialog):
        dialog.new_radio.setChecked(True)
        dialog.dated_box.setChecked(dated)
        dialog.title_edit.setText(title)
        dialog.geometry_box.setCurrentIndex(dialog.geometry_box.findData(geometry))
        dialog.fields_edit.setText(fields)
        dialog.accept()
        return dialog.result_values() if dialog.result() == QDialog.DialogCode.Accepted else None
    return answer


def fill(values: dict, sources: list[str], extra_field: str = ""):
    """What a user does in the attribute form: type the values, add a field, tick the sources, OK."""
    def answer(form):
        if extra_field:
            form.ask_field = lambda: extra_field
            form.add_field_button.click()
        for name, text in values.items():
            form.edits[name].setText(text)
        for source in sources:
            assert form.sources.set_checked(source)
        form.accept()
        if not form.sources.checked_ids():  # asked once for a source; a second OK keeps it without
            assert "No source is ticked" in form.error.text() and form.result() != QDialog.DialogCode.Accepted
            form.accept()
        return form.result_values() if form.result() == QDialog.DialogCode.Accepted else None
    return answer


def drag(window, start, end):
    a, b = map_point(window, *start), map_point(window, *end)
    QTest.mouseMove(target(window), a)
    QTest.mousePress(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, 6):
        QTest.mouseMove(target(window), a + (b - a) * step / 5)
    QTest.mouseRelease(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)


def count(window, layer_id):
    return window.map.eval_js(f"atlas.featureCount({layer_id!r})")


def start(window, qtbot, title, geometry, dated=False):
    window.digitise.ask_target = new_layer(title, geometry, dated=dated)
    window.actions["digitise"].trigger()
    qtbot.waitUntil(lambda: drawn(window)["digitise"] == geometry, timeout=3000)
    return window.digitise.target


def test_a_point_a_line_and_a_polygon_digitised_cited_undone_saved_and_reopened(window, qtbot, tmp_path):
    source = next(iter(window.bibliography))
    window.undo_stack.clear()
    # a point: one click, the form (a field added), a source ticked
    posts = start(window, qtbot, "Border posts", "point")
    window.digitise.ask_feature = fill({"name": "Пост Ворух", "built": "2019"}, [source], extra_field="built")
    click(window, 70.6, 39.95)
    qtbot.waitUntil(lambda: count(window, posts) == 1, timeout=10000)
    assert window.document.cites(f"{posts}/1") == [source]
    assert window.catalog.layer(posts).accuracy.startswith("Drawn by hand")  # the Layers panel says so
    assert window.info_panel.title.text() == "Пост Ворух"
    assert citations.format_citation(source, window.info_panel.style, window.bibliography) \
        in window.info_panel.citation_texts()
    assert window.attribute_table.model.layer_id == posts
    assert window.attribute_table.model.rowCount() == 1
    assert window.attribute_table.model.columns == ["name", "built"]
    click(window, 70.9, 40.1)  # still digitising: a second point
    qtbot.waitUntil(lambda: count(window, posts) == 2, timeout=10000)
    window.digitise.stop()
    qtbot.waitUntil(lambda: drawn(window)["digitise"] is None, timeout=3000)

    # a line: clicks, then a double-click ends it (no zoom)
    roads = start(window, qtbot, "Roads", "line")
    window.digitise.ask_feature = fill({"name": "Isfara road"}, [source])
    zoom = window.map.eval_js("atlas.map.getZoom()")
    click(window, 70.0, 39.8)
    qtbot.waitUntil(lambda: drawn(window)["draft"] == 1, timeout=3000)
    QTest.qWait(DOUBLE_CLICK_MS + 200)
    click(window, 70.5, 40.2)
    QTest.qWait(DOUBLE_CLICK_MS + 200)
    click(window, 71.0, 40.0)
    click(window, 71.0, 40.0)
    qtbot.waitUntil(lambda: count(window, roads) == 1, timeout=10000)
    line = window.features.layer(roads).by_id["1"]["geometry"]
    assert line["type"] == "LineString" and len(line["coordinates"]) == 3
    assert window.map.eval_js("atlas.map.getZoom()") == zoom, "the double-click zoomed"

    # a polygon: three corners, Enter closes it; Esc first cancels a stray start
    zones = start(window, qtbot, "Pastures", "polygon")
    window.digitise.ask_feature = fill({"name": "Disputed pasture"}, [source])
    click(window, 69.0, 39.0)
    qtbot.waitUntil(lambda: drawn(window)["draft"] == 1, timeout=3000)
    QTest.keyClick(target(window), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: drawn(window)["draft"] == 0, timeout=3000)
    for lon, lat in ((69.0, 39.0), (69.8, 39.0), (69.4, 39.6)):
        click(window, lon, lat)
        QTest.qWait(DOUBLE_CLICK_MS + 100)
    QTest.keyClick(target(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: count(window, zones) == 1, timeout=10000)
    ring = window.features.layer(zones).by_id["1"]["geometry"]["coordinates"][0]
    assert len(ring) == 4 and ring[0] == ring[-1]
    window.digitise.stop()

    # undo the polygon and its layer, redo both
    assert window.undo_stack.undoText() == "Add feature"
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: count(window, zones) == 0, timeout=10000)
    assert window.document.cites(f"{zones}/1") == []
    window.undo_stack.undo()
    assert zones not in {e["id"] for e in window.document.user_layers}
    window.undo_stack.redo()
    window.undo_stack.redo()
    qtbot.waitUntil(lambda: count(window, zones) == 1, timeout=10000)
    assert window.document.cites(f"{zones}/1") == [source]

    # saved, a new project, reopened: the features, their sources, Info and the table
    path = tmp_path / "digitised.atlas.json"
    window.document.save(path)
    window.project.new()
    qtbot.waitUntil(lambda: count(window, posts) == -1, timeout=10000)
    assert window.project.open_path(path)
    qtbot.waitUntil(lambda: count(window, posts) == 2 and count(window, roads) == 1, timeout=10000)
    window.select_feature(posts, "1")
    assert window.info_panel.title.text() == "Пост Ворух"
    assert window.info_panel.findChild(type(window.info_panel.title), "citedHeading") is not None
    assert citations.format_citation(source, window.info_panel.style, window.bibliography) \
        in window.info_panel.citation_texts()
    window.attribute_table.set_layer(roads)
    assert window.attribute_table.model.text(0, 0) == "Isfara road"


def test_edit_and_delete_from_the_maps_menu_and_cite_a_shipped_feature(window, qtbot):
    from gis_app.ui.map_menu import map_menu
    source = list(window.bibliography)[1]
    posts = window.document.user_layers[0]["id"]
    # the map's menu on a digitised point: edit it (a new name), then delete it; both undoable
    where = {"lat": 39.95, "lon": 70.6, "zoom": 6, "layer": posts, "feature": "1"}
    menu = map_menu(window, where)
    names = [a.objectName() for a in menu.actions()]
    assert {"citeSource", "editFeature", "reshapeFeature", "deleteFeature"} <= set(names)
    window.digitise.ask_feature = fill({"name": "Post Vorukh"}, [])
    window.digitise.ask_feature = _keep_sources(window.digitise.ask_feature)
    next(a for a in menu.actions() if a.objectName() == "editFeature").trigger()
    assert window.features.properties(posts, "1")["name"] == "Post Vorukh"
    window.select_feature(posts, "1")
    assert window.info_panel.title.text() == "Post Vorukh"
    next(a for a in map_menu(window, where).actions() if a.objectName() == "deleteFeature").trigger()
    qtbot.waitUntil(lambda: count(window, posts) == 1, timeout=10000)
    assert window.info_panel.current is None
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: count(window, posts) == 2, timeout=10000)

    # the line reshaped: its middle point dragged north, Enter keeps it; then the whole line moved
    roads = window.document.user_layers[1]["id"]
    before = window.features.layer(roads).by_id["1"]["geometry"]["coordinates"]
    window.digitise.reshape(roads, "1")
    qtbot.waitUntil(lambda: window.map.evaluate("shapeEditState")["points"] == 3, timeout=3000)
    drag(window, before[1], (before[1][0], before[1][1] + 0.5))
    QTest.keyClick(target(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.features.layer(roads).by_id["1"]["geometry"]["coordinates"] != before,
                    timeout=10000)
    after = window.features.layer(roads).by_id["1"]["geometry"]["coordinates"]
    assert after[0] == before[0] and after[2] == before[2] and abs(after[1][1] - before[1][1] - 0.5) < 0.05
    assert window.undo_stack.undoText() == "Move or reshape feature"
    window.digitise.reshape(roads, "1")
    qtbot.waitUntil(lambda: window.map.evaluate("shapeEditState")["points"] == 3, timeout=3000)
    middle = ((after[0][0] + after[1][0]) / 2, (after[0][1] + after[1][1]) / 2)  # on the line, not a point
    drag(window, middle, (middle[0] + 1.0, middle[1]))
    QTest.keyClick(target(window), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.features.layer(roads).by_id["1"]["geometry"]["coordinates"] != after,
                    timeout=10000)
    moved = window.features.layer(roads).by_id["1"]["geometry"]["coordinates"]
    shifts = [(m[0] - a[0], m[1] - a[1]) for m, a in zip(moved, after, strict=True)]
    assert all(abs(dx - 1.0) < 0.05 and abs(dy) < 0.05 for dx, dy in shifts), shifts
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.features.layer(roads).by_id["1"]["geometry"]["coordinates"] == before

    # a shipped feature: Info's "Cite source…" attaches a source, shown under "Cited in this project"
    layer_id = "conflict_incidents"
    feature_id = next(iter(window.features.layer(layer_id).by_id))
    window.select_feature(layer_id, feature_id)
    assert window.info_panel.cite_button.isVisible()

    def tick(dialog):
        assert not dialog.layer_radio.isVisible()  # a shipped layer: cited per feature only
        assert dialog.sources.set_checked(source)
        dialog.accept()
        return dialog.result_values()
    window.digitise.ask_cites = tick
    window.info_panel.cite_button.click()
    assert window.document.cites(f"{layer_id}/{feature_id}") == [source]
    text = citations.format_citation(source, window.info_panel.style, window.bibliography)
    assert window.info_panel.citation_texts()[-1] == text
    assert window.undo_stack.undoText() == "Cite sources"
    window.undo_stack.undo()
    assert text not in window.info_panel.citation_texts()[-1:]


def _keep_sources(answer):
    """The edit form already has the feature's sources ticked: keep them."""
    def wrapped(form):
        ticked = form.sources.checked_ids()
        assert ticked, "the feature's sources were not ticked in its form"
        return answer(form)
    return wrapped


def test_a_whole_layer_cited_with_a_new_source_then_searched_and_filtered_by_date(window, qtbot):
    posts = window.document.user_layers[0]["id"]

    def new_source(parent):  # what the evidence's source form does: a project source, its id back
        return window.document.add_source(
            {"id": "u_field_notes", "type": "report", "title": "Field notes from Vorukh",
             "author": [{"family": "Analyst"}], "issued": {"date-parts": [[2024]]}})
    window.digitise.new_source = new_source

    def answer(dialog):
        assert not dialog.sources.new_button.isHidden()
        dialog.layer_radio.setChecked(True)  # the whole layer
        dialog.sources.new_button.click()
        assert dialog.sources.checked_ids() == ["u_field_notes"]
        dialog.accept()
        return dialog.result_values()
    window.digitise.ask_cites = answer
    assert window.digitise.cite(posts, "2")
    assert window.document.cites(posts) == ["u_field_notes"]
    window.select_feature(posts, "2")
    assert any("Field notes from Vorukh" in t for t in window.info_panel.citation_texts())
    # the Layers panel's menu of a user layer: its own sources (no feature), and drawing into it
    assert {"cite", "digitise"} <= {k for k, _t in window.layer_panel.user_layer_actions()}

    def layer_only(dialog):
        assert dialog.feature_radio.isHidden() and dialog.layer_radio.isChecked()
        assert dialog.sources.checked_ids() == ["u_field_notes"]
        dialog.sources.set_checked("u_field_notes", False)
        dialog.accept()
        return dialog.result_values()
    window.digitise.ask_cites = layer_only
    window.user_layers.act("cite", posts)
    assert window.document.cites(posts) == []
    window.undo_stack.undo()
    assert window.document.cites(posts) == ["u_field_notes"]
    window.user_layers.act("digitise", posts)
    qtbot.waitUntil(lambda: drawn(window)["digitise"] == "point", timeout=3000)
    window.digitise.stop()
    window.digitise.new_source = None
    seen = []
    window.digitise.ask_cites = lambda dialog: seen.append(dialog.sources.new_button.isHidden())
    assert not window.digitise.cite(posts, "2") and seen == [True]  # no source form wired: no button

    # the digitised points are found by their names (in either script)
    assert window.search_box.wait_indexed()
    hits = window.search_box.search("Ворух")
    assert sorted(h.feature_id for h in hits if h.layer_id == posts) == ["1", "2"]

    # a dated layer: the time filter keeps only what falls in its years
    clashes = start(window, qtbot, "Clashes", "point", dated=True)
    for (lon, lat), date in (((70.7, 39.9), "2022-09-14"), ((70.9, 40.0), "2010")):
        window.digitise.ask_feature = fill({"name": f"clash {date}", "date": date}, [])
        click(window, lon, lat)
        qtbot.waitUntil(lambda d=date: any(f["properties"].get("date") == d for f in
                                           window.document.user_layer(clashes)["data"]["features"]),
                        timeout=10000)
    window.digitise.stop()
    qtbot.waitUntil(lambda: count(window, clashes) == 2, timeout=10000)
    window.state.set_time_range((2020, 2023))
    qtbot.waitUntil(lambda: len(window.map.eval_js(f"atlas.shownFeatures({clashes!r})") or []) == 1,
                    timeout=5000)
    window.state.set_time_range(None)
    # the layer removed from the Layers panel (not an undo step): its steps leave the history
    steps = window.undo_stack.count()
    window.document.remove_user_layer(clashes)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert clashes not in {e["id"] for e in window.document.user_layers}
    assert window.undo_stack.count() < steps


def test_a_team_workspace_layer_is_not_drawn_into(window, qtbot):
    """A workspace layer's features change on the server (versions, conflicts): drawing into the
    project's copy would be lost at the next refresh, so it is refused with the way to do it."""
    from gis_app.core import digitised as dg

    doc = window.document
    taken = {e["id"] for e in doc.user_layers} | set(doc.catalog.ids())
    layer = dg.new_layer("Shared posts", "point", ["name"], len(doc.user_layers), taken)
    layer["workspace"] = {"layer_id": "w1", "host": "localhost", "port": 5432, "dbname": "atlas",
                          "user": "aigerim", "versions": {}}
    doc.add_user_layers([layer])
    try:
        window.prompts.asked.clear()
        assert not window.digitise.start(layer["id"])
        warned = [a for a in window.prompts.asked if a.method == "warn"]
        assert warned and "Team → Edit the selected workspace feature" in warned[-1].text
        assert not window.digitise.is_digitisable(layer["id"]), "no Edit/Move/Delete in the map's menu"
        doc.user_layer(layer["id"]).pop("workspace")
        assert window.digitise.is_digitisable(layer["id"]), "the same layer of the user's own: drawn into"
    finally:
        doc.remove_user_layer(layer["id"])
