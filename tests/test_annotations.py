"""Annotations: the model (no Qt), and in the window: drawn with the tools, moved, restyled,
deleted, undone, hidden from the layer panel, and kept as plain text."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from gis_app.core.annotations import AnnotationError, Annotations, make, normalise

SQUARE = {"type": "Polygon", "coordinates": [[[64, 40], [68, 40], [68, 43], [64, 43], [64, 40]]]}

DOUBLE_CLICK_MS = 400  # resources/web/annotations.js: two clicks this close are a double-click


# --- the model -------------------------------------------------------------------------------


def test_normalise_fills_defaults_and_closes_rings():
    item = normalise(
        {
            "type": "Feature",
            "id": 7,
            "geometry": {"type": "Polygon", "coordinates": [[[60, 40], [61, 40], [61, 41]]]},
            "properties": {"kind": "area", "color": "#AABBCC"},
        }
    )
    assert item["id"] == "7"
    ring = item["geometry"]["coordinates"][0]
    assert ring[0] == ring[-1] and len(ring) == 4
    props = item["properties"]
    assert props["color"] == "#aabbcc" and props["width"] == 3.0 and props["font_size"] == 14
    assert props["text"] == "" and 0 <= props["fill_opacity"] <= 1


@pytest.mark.parametrize(
    "bad",
    [
        None,
        [],
        {"type": "Feature"},
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"kind": "blob"},
        },
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "LineString", "coordinates": [[1, 2]]},
            "properties": {"kind": "line"},
        },
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "Point", "coordinates": [1, 200]},
            "properties": {"kind": "text"},
        },
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"kind": "text", "color": "red; background:url(x)"},
        },
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "Point", "coordinates": [1, 2]},
            "properties": {"kind": "text", "text": {"html": "<b>"}},
        },
        {
            "type": "Feature",
            "id": "x",
            "geometry": {"type": "Point", "coordinates": ["1", 2]},
            "properties": {"kind": "marker"},
        },
    ],
)
def test_bad_items_are_refused_with_a_reason(bad):
    with pytest.raises(AnnotationError):
        normalise(bad)


def test_replace_skips_bad_items_and_reports_them():
    events = []
    ann = Annotations()
    ann.subscribe(lambda what: events.extend(what.annotations))
    good = make("text", {"type": "Point", "coordinates": [66, 42]}, "t1", text="Fergana")
    problems = ann.replace([good, {"type": "Feature", "id": "bad"}, dict(good), "nonsense"])
    assert ann.ids() == ["t1"]
    assert len(problems) == 3 and "used twice" in problems[1]
    assert events == [("all", "")]
    assert ann.replace("not a list") and len(ann) == 0


def test_add_update_remove_tell_listeners_and_keep_ids_unique():
    events = []
    ann = Annotations()
    ann.subscribe(lambda what: events.extend(what.annotations))
    first = ann.add(make("area", SQUARE))
    second = ann.add(make("area", SQUARE, first))  # the same id again gets a fresh one
    assert first != second and ann.ids() == [first, second]
    moved = ann.get(first)
    moved["properties"]["width"] = 8
    ann.update(moved)
    assert ann.get(first)["properties"]["width"] == 8.0
    ann.remove(first)
    assert ann.ids() == [second]
    assert events == [("add", first), ("add", second), ("update", first), ("remove", first)]
    # to_list round-trips through replace (what a project file does)
    again = Annotations()
    assert again.replace(json.loads(json.dumps(ann.to_list()))) == []
    assert again.to_list() == ann.to_list()


# --- in the window ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def window(qapp):
    from conftest import close_window, make_window

    win = make_window(size=(1100, 760))
    yield win
    close_window(win)


@pytest.fixture
def clean(window, qtbot):
    window.annotation_tools.set_tool("")
    window.undo_stack.clear()
    window.annotations.clear()
    window.state.set_annotations_visible(True)
    qtbot.waitUntil(lambda: drawn(window)["count"] == 0, timeout=3000)
    return window


def drawn(window):
    return window.map.evaluate("annotationState")


def map_point(window, lon: float, lat: float) -> QPoint:
    x, y = window.map.eval_js(
        f"(function(){{var p = atlas.map.latLngToContainerPoint([{lat}, {lon}]); return [p.x, p.y];}})()"
    )
    return QPoint(round(x), round(y))


def target(window):
    return window.map.focusProxy() or window.map


def test_text_tool_click_asks_for_text_and_draws_it_as_text(clean, qtbot):
    window = clean
    window.annotation_tools.ask_text = lambda kind, text="", note="": (
        '<img src=x onerror="window.pwned=1">Osh',
        "",
    )
    window.annotation_toolbar.tool_actions["text"].trigger()
    qtbot.waitUntil(lambda: drawn(window)["tool"] == "text", timeout=3000)
    point = map_point(window, 72.8, 40.5)
    QTest.mouseMove(target(window), point)
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    qtbot.waitUntil(lambda: len(window.annotations) == 1, timeout=5000)
    item = window.annotations.to_list()[0]
    assert item["properties"]["kind"] == "text"
    lon, lat = item["geometry"]["coordinates"]
    assert abs(lon - 72.8) < 0.1 and abs(lat - 40.5) < 0.1
    qtbot.waitUntil(
        lambda: drawn(window)["texts"] == ['<img src=x onerror="window.pwned=1">Osh'], timeout=3000
    )
    assert window.map.eval_js("document.querySelectorAll('.leaflet-pane img:not(.atlas-relief)').length") == 0
    assert window.map.eval_js("window.pwned === undefined") is True
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: drawn(window)["count"] == 0, timeout=3000)
    assert len(window.annotations) == 0
    window.undo_stack.redo()
    assert len(window.annotations) == 1


def test_rectangle_drawn_by_dragging_then_moved_restyled_deleted_and_undone(clean, qtbot):
    window = clean
    window.annotation_toolbar.tool_actions["rect"].trigger()
    qtbot.waitUntil(lambda: drawn(window)["tool"] == "rect", timeout=3000)
    a, b = map_point(window, 62, 44), map_point(window, 66, 41)
    QTest.mouseMove(target(window), a)
    QTest.mousePress(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    for step in range(1, 6):
        QTest.mouseMove(target(window), a + (b - a) * step / 5)
    QTest.mouseRelease(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    qtbot.waitUntil(lambda: len(window.annotations) == 1, timeout=5000)
    rect = window.annotations.to_list()[0]
    assert rect["properties"]["kind"] == "rect"
    xs = [p[0] for p in rect["geometry"]["coordinates"][0]]
    assert abs(min(xs) - 62) < 0.2 and abs(max(xs) - 66) < 0.2
    ann_id = rect["id"]
    assert window.annotation_tools.selected == ann_id  # a new annotation is selected

    # move it by dragging in select mode
    window.annotation_toolbar.tool_actions[""].trigger()
    qtbot.waitUntil(lambda: drawn(window)["tool"] is None, timeout=3000)
    start, end = map_point(window, 64, 42.5), map_point(window, 68, 42.5)
    QTest.mouseMove(target(window), start)
    QTest.mousePress(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, start)
    for step in range(1, 6):
        QTest.mouseMove(target(window), start + (end - start) * step / 5)
    QTest.mouseRelease(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, end)
    qtbot.waitUntil(lambda: window.annotations.get(ann_id) != rect, timeout=5000)
    moved_xs = [p[0] for p in window.annotations.get(ann_id)["geometry"]["coordinates"][0]]
    assert abs(min(moved_xs) - 66) < 0.3, "the rectangle did not follow the drag"

    # restyle from the toolbar: one undo step per property, however many spin-box steps
    window.annotation_toolbar.width_box.setValue(5)
    window.annotation_toolbar.width_box.setValue(7)
    assert window.annotations.get(ann_id)["properties"]["width"] == 7.0
    window.annotation_toolbar.opacity_box.setValue(80)
    assert window.annotations.get(ann_id)["properties"]["fill_opacity"] == 0.8
    window.annotation_toolbar.delete_action.trigger()
    assert len(window.annotations) == 0
    qtbot.waitUntil(lambda: drawn(window)["count"] == 0, timeout=3000)

    window.undo_stack.undo()  # delete
    assert window.annotations.get(ann_id)["properties"]["fill_opacity"] == 0.8
    window.undo_stack.undo()  # opacity
    window.undo_stack.undo()  # width (both steps at once)
    assert window.annotations.get(ann_id)["properties"]["width"] == 3.0
    window.undo_stack.undo()  # move
    assert window.annotations.get(ann_id)["geometry"] == rect["geometry"]
    window.undo_stack.undo()  # add
    assert len(window.annotations) == 0
    assert not window.undo_stack.canUndo()


def test_arrow_by_clicks_and_double_click(clean, qtbot):
    window = clean
    window.annotation_tools.set_tool("arrow")
    qtbot.waitUntil(lambda: drawn(window)["tool"] == "arrow", timeout=3000)
    a, b = map_point(window, 60, 45), map_point(window, 65, 41)
    zoom_before = window.map.eval_js("atlas.map.getZoom()")
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    qtbot.waitUntil(lambda: drawn(window)["draft"] == 1, timeout=3000)
    QTest.qWait(DOUBLE_CLICK_MS + 200)  # not a double-click with the first point
    # a double-click at the end point (two quick clicks, as Chromium counts them) ends the arrow
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    QTest.mouseClick(target(window), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, b)
    qtbot.waitUntil(lambda: len(window.annotations) == 1, timeout=5000)
    arrow = window.annotations.to_list()[0]
    assert arrow["properties"]["kind"] == "arrow"
    assert len(arrow["geometry"]["coordinates"]) == 2
    assert window.map.eval_js("atlas.map.getZoom()") == zoom_before, "double-click zoomed"


def test_annotation_row_in_the_layer_panel_hides_them(clean, qtbot):
    window = clean
    window.annotation_tools.add(
        make("marker", {"type": "Point", "coordinates": [69.3, 41.3]}, text="Tashkent", note="SCO RATS seat")
    )
    qtbot.waitUntil(lambda: drawn(window)["texts"] == ["Tashkent"], timeout=3000)
    model = window.layer_panel.model
    index = model.annotation_index()
    assert index.data() == "Annotations"
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert window.state.annotations_visible is False
    qtbot.waitUntil(lambda: drawn(window)["texts"] == [] and not drawn(window)["visible"], timeout=3000)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: drawn(window)["texts"] == ["Tashkent"], timeout=3000)
    assert window.state.to_dict()["annotations_visible"] is True


def test_edit_menu_undo_and_redo_answer_their_shortcuts(clean, qtbot):
    """Ctrl+Z, Ctrl+Shift+Z and Ctrl+Y pressed in the window undo and redo an annotation."""
    window = clean
    titles = [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert titles[:2] == ["File", "Edit"]
    assert {window.actions["undo"], window.actions["redo"]} <= set(window.edit_menu.actions())
    tashkent = make("marker", {"type": "Point", "coordinates": [69.3, 41.3]}, text="Tashkent")
    window.annotation_tools.add(tashkent)
    qtbot.waitUntil(lambda: drawn(window)["count"] == 1, timeout=3000)
    window.activateWindow()
    window.layer_panel.tree.setFocus()  # the focus in a panel, as after a click there
    qtbot.waitUntil(lambda: window.layer_panel.tree.hasFocus(), timeout=3000)

    def press(key, modifiers):
        QTest.keyClick(window.layer_panel.tree, key, modifiers)

    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    press(Qt.Key.Key_Z, ctrl)
    assert len(window.annotations) == 0
    qtbot.waitUntil(lambda: drawn(window)["count"] == 0, timeout=3000)
    press(Qt.Key.Key_Z, ctrl | shift)
    assert len(window.annotations) == 1
    press(Qt.Key.Key_Z, ctrl)
    assert len(window.annotations) == 0
    press(Qt.Key.Key_Y, ctrl)
    assert len(window.annotations) == 1
    qtbot.waitUntil(lambda: drawn(window)["texts"] == ["Tashkent"], timeout=3000)


def test_undo_of_an_annotation_a_colleague_deleted_leaves_the_history(qapp):
    """In a shared lecture a colleague may delete an annotation this window added or changed: its
    undo steps then have nothing to act on and drop out of the history instead of failing."""
    from PySide6.QtGui import QUndoStack

    from gis_app.ui.annotation_tools import AddAnnotation, UpdateAnnotation

    annotations, stack = Annotations(), QUndoStack()
    item = make("text", {"type": "Point", "coordinates": [72.8, 40.5]}, text="Osh")
    stack.push(AddAnnotation(annotations, item, "add"))
    ann_id = item["id"]
    before = annotations.get(ann_id)
    stack.push(UpdateAnnotation(annotations, before, {**before, "text": "Ош"}, "edit"))
    annotations.remove(ann_id)  # the colleague's delete, arrived live
    stack.undo()
    stack.undo()
    assert ann_id not in annotations and len(annotations.to_list()) == 0
    assert stack.count() == 0, "both steps left the history"
