"""The window as a user meets it: the map drawn, the layer panel driving the live page."""

from __future__ import annotations

import json
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from conftest import close_window, make_window, reset_window
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyleOptionViewItem

from gis_app.core.map_state import MapState
from gis_app.render.page import page_path
from gis_app.ui.grab import colour_share, distinct_colours
from gis_app.ui.main_window import MainWindow
from gis_app.ui.map_view import MapView


@pytest.fixture(scope="module")
def shared_window(qapp):
    win = make_window(size=(1100, 750))
    yield win
    close_window(win)


@pytest.fixture
def window(shared_window, qtbot):
    """One window for the file, back to a new window's map before each test."""
    win = shared_window
    reset_window(win)

    def reset(state):  # the page shows the default layers (those drawn at its zoom)
        return set(state["onMap"]) == {i for i in win.state.visible_ids()
                                       if win.catalog.layer(i).min_zoom <= state["zoom"]}

    qtbot.waitUntil(lambda: reset(page_state(win.map)), timeout=5000)
    return win


def page_state(view):
    return view.evaluate("state")


def test_window_opens_and_the_basemap_is_drawn(window, qtbot):
    assert page_state(window.map)["errors"] == []
    image = window.map.stable_grab()
    assert image.width() > 500 and image.height() > 400
    assert distinct_colours(image) > 50, "the map grab is flat: nothing was drawn"
    # the land: the countries' colour shaded by the relief (issue 12), so no longer one flat colour;
    # what must not be there is the bare sea colour of an empty map over most of it
    assert colour_share(image, "#c9dde8", tolerance=8) < 0.4, "the countries are not painted"
    qtbot.waitUntil(lambda: window.map.eval_js("!!document.querySelector('canvas.atlas-relief')"),
                    timeout=5000)  # the relief is drawn with the countries, just after them
    state = page_state(window.map)
    assert {"countries", "provinces", "enclaves"} <= set(state["onMap"])
    assert state["errors"] == []


def test_unchecking_a_layer_removes_it_without_reload(window, qtbot):
    model = window.layer_panel.model
    before = page_state(window.map)
    assert "provinces" in before["onMap"]
    index = model.layer_index("provinces")
    assert model.setData(index, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: "provinces" not in page_state(window.map)["onMap"], timeout=3000)
    after = page_state(window.map)
    assert after["loadId"] == before["loadId"], "the page was reloaded"
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    model.setData(index, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    qtbot.waitUntil(lambda: "provinces" in page_state(window.map)["onMap"], timeout=3000)


def test_group_checkbox_hides_the_whole_group(window, qtbot):
    model = window.layer_panel.model
    group = model.layer_index("countries").parent()
    model.setData(group, Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    basemap = {layer.id for layer in window.catalog.in_group("basemap")}
    qtbot.waitUntil(lambda: not basemap & set(page_state(window.map)["onMap"]), timeout=3000)


def test_reordering_and_opacity_reach_the_page(window, qtbot):
    model = window.layer_panel.model
    basemap = [i for i in window.state.order() if window.catalog.layer(i).group == "basemap"]
    z = page_state(window.map)["zIndex"]
    assert z[basemap[0]] > z[basemap[-1]]
    model.move_layer(basemap[-1], 0)  # what a drop at the top of the group does
    assert window.state.order().index(basemap[-1]) < window.state.order().index(basemap[0])
    qtbot.waitUntil(lambda: page_state(window.map)["zIndex"][basemap[-1]]
                    > page_state(window.map)["zIndex"][basemap[0]], timeout=3000)
    opacity = model.layer_index("provinces", 1)
    model.setData(opacity, 40)
    qtbot.waitUntil(lambda: abs(page_state(window.map)["opacity"]["provinces"] - 0.4) < 1e-6, timeout=3000)
    assert model.data(opacity) == 40


def test_drag_and_drop_mime_round_trip_moves_within_group_only(window):
    model = window.layer_panel.model
    basemap = [i for i in window.state.order() if window.catalog.layer(i).group == "basemap"]
    mime = model.mimeData([model.layer_index(basemap[0])])
    group = model.layer_index(basemap[0]).parent()
    # Another real layer group (not the Annotations row at the top), onto it and between its layers.
    other_id = next(i for i in window.state.order() if window.catalog.layer(i).group != "basemap")
    other_group = model.layer_index(other_id).parent()
    assert other_group.row() != group.row() and not model.is_annotation_row(other_group)
    assert model.rowCount(other_group) > 0
    assert model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, group)  # its own group: yes
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, other_group)
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, -1, 0, model.layer_index(other_id))
    assert not model.canDropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, model.annotation_index())
    before = window.state.order()
    model.dropMimeData(mime, Qt.DropAction.MoveAction, 0, 0, other_group)
    assert window.state.order() == before, "a layer dropped into another group moved"
    model.dropMimeData(mime, Qt.DropAction.MoveAction, len(basemap), 0, group)  # to the bottom
    assert [i for i in window.state.order() if window.catalog.layer(i).group == "basemap"][-1] == basemap[0]


def test_a_real_mouse_click_on_a_feature_reaches_python(window, qtbot):
    # Only the basemap shown, zoomed onto Vorukh: a click in the middle lands on the enclave.
    for layer in window.catalog.layers:
        window.state.set_visible(layer.id, layer.group == "basemap")
    window.map.evaluate("setView", 39.86, 70.58, 11)
    qtbot.waitUntil(lambda: "enclaves" in window.map.evaluate("state")["onMap"]
                    and "conflict_incidents" not in window.map.evaluate("state")["onMap"], timeout=5000)
    qtbot.wait(200)
    clicks = []
    window.map.bridge.feature_clicked.connect(lambda layer, fid: clicks.append((layer, fid)))
    target = window.map.focusProxy() or window.map
    centre = QPoint(window.map.width() // 2, window.map.height() // 2)
    QTest.mouseMove(target, centre)
    QTest.mouseClick(target, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    qtbot.waitUntil(lambda: bool(clicks), timeout=5000)
    assert clicks[0] == ("enclaves", "vorukh")
    assert "Vorukh" in window.selection_label.text()


def test_popups_escape_attribute_values(qtbot, scratch_catalog):
    view = MapView(scratch_catalog, MapState(scratch_catalog))
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.load_atlas()
    assert view.wait_ready(30000)
    clicks = []
    view.bridge.feature_clicked.connect(lambda layer, fid: clicks.append((layer, fid)))
    assert view.evaluate("select", "zones", "z1") is True
    qtbot.waitUntil(lambda: clicks == [("zones", "z1")], timeout=3000)
    injected = view.eval_js("document.querySelectorAll('.leaflet-pane img').length")
    text = view.eval_js("document.querySelector('.atlas-popup').textContent")
    assert injected == 0 and '<img src=x onerror="window.pwned=1">Zone' in text
    assert view.eval_js("window.pwned === undefined") is True
    view.shutdown()


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        self.urls += [v for k, v in attrs if k in ("src", "href") and v]


def test_generated_page_has_no_remote_urls(catalog):
    html = page_path(catalog).read_text(encoding="utf-8")
    parser = _Links()
    parser.feed(html)
    assert parser.urls, "the page references no assets at all"
    remote = [u for u in parser.urls if not u.startswith(("file:", "qrc:"))]
    assert remote == []
    assert "http://" not in html.replace("http://www.w3.org/2000/svg", "")
    assert "https://" not in html
    config = json.loads(html.split("atlas.init(", 1)[1].split(", ", 1)[1].rsplit(");", 1)[0])
    assert all(layer["url"].startswith("file:") for layer in config["layers"])


def test_settings_remember_layers_and_view(qtbot, catalog):
    first = MainWindow(catalog, restore=True)
    qtbot.addWidget(first)
    first.show()
    assert first.map.wait_ready(30000)
    first.state.set_visible("rivers", False)
    first.map.evaluate("setView", 40.5, 71.5, 7)
    qtbot.waitUntil(lambda: abs(first.state.view.zoom - 7) < 1e-6, timeout=3000)
    first.close()
    second = MainWindow(catalog, restore=True)
    qtbot.addWidget(second)
    second.show()
    assert second.map.wait_ready(30000)
    assert second.state.get("rivers").visible is False
    state = page_state(second.map)
    assert "rivers" not in state["onMap"] and state["zoom"] == 7
    assert abs(state["center"][0] - 40.5) < 0.01
    second.close()


def test_snapshot_command_writes_a_non_blank_png_of_the_requested_size(tmp_path):
    out = tmp_path / "snap.png"
    result = subprocess.run([sys.executable, "-m", "gis_app", "snapshot", str(out),
                             "--width", "640", "--height", "420"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    # A headless run prints no start-up noise (no GPU, no D-Bus system bus): nothing a user must read.
    for noise in ("Failed to connect to the bus", "QRhiGles2", "Failed to create RHI", "Sandboxing disabled",
                  "GPUInfo not initialized"):
        assert noise not in result.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert (image.width(), image.height()) == (640, 420)
    assert distinct_colours(image) > 50
    assert colour_share(image, "#c9dde8", tolerance=8) < 0.4, "the countries are not painted"


def test_opacity_slider_in_the_panel_follows_a_click(window, qtbot):
    tree = window.layer_panel.tree
    model = window.layer_panel.model
    index = model.layer_index("provinces", 1)
    tree.scrollTo(index)
    rect = tree.visualRect(index)
    option = QStyleOptionViewItem()
    option.initFrom(tree)
    option.rect = rect
    # the slider, not the value drawn right of it
    slider = tree.itemDelegateForColumn(1).slider_rect(option).adjusted(4, 0, -4, 0)
    point = QPoint(slider.left() + slider.width() // 4, rect.center().y())
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert 20 <= model.data(index) <= 30
    qtbot.waitUntil(lambda: abs(page_state(window.map)["opacity"]["provinces"]
                                - window.state.get("provinces").opacity) < 1e-6, timeout=3000)


def test_run_without_display_says_so_and_writes_a_snapshot(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "gis_app"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "no display" in result.stdout
    assert (tmp_path / "atlas-snapshot.png").stat().st_size > 10_000


def test_the_page_cannot_reach_the_network(qtbot, scratch_catalog):
    from PySide6.QtCore import QUrl
    from PySide6.QtWebEngineCore import QWebEngineSettings

    from gis_app.ui.map_view import OfflineGuard

    view = MapView(scratch_catalog, MapState(scratch_catalog))
    qtbot.addWidget(view)
    attr = QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls
    assert view.page().settings().testAttribute(attr) is False

    class Request:  # what the interceptor is handed by Chromium
        def __init__(self, url):
            self.url, self.blocked = QUrl(url), False

        def requestUrl(self):  # noqa: N802
            return self.url

        def block(self, flag):
            self.blocked = flag

    guard = view.guard  # the view's own guard, the one its page uses
    assert isinstance(guard, OfflineGuard)
    requests = {u: Request(u) for u in ("http://example.invalid/x.png", "https://a.tile.server/1/2/3.png",
                                         "file:///tmp/layer.geojson", "qrc:///qtwebchannel/qwebchannel.js")}
    for request in requests.values():
        guard.interceptRequest(request)
    assert [u for u, r in requests.items() if r.blocked] == list(requests)[:2]
    assert guard.blocked[-2:] == list(requests)[:2]
    # And Chromium really goes through it: content that is not local (so the page setting that
    # stops local files from reaching remote URLs does not apply) asking for a remote image.
    view.resize(400, 300)
    view.show()
    view.setHtml('<img src="http://example.invalid/tile.png">', QUrl("http://example.invalid/"))
    qtbot.waitUntil(lambda: "http://example.invalid/tile.png" in guard.blocked, timeout=10000)
    view.shutdown()


def test_changes_made_while_the_page_loads_reach_it(qtbot, scratch_catalog):
    state = MapState(scratch_catalog)
    view = MapView(scratch_catalog, state)
    qtbot.addWidget(view)
    view.resize(800, 600)
    view.show()
    view.load_atlas()  # the URL carries the state as it is now…
    layer_id = state.layers[0].id
    state.set_visible(layer_id, not state.get(layer_id).visible)  # …and this comes before "ready"
    assert view.wait_ready(30000)
    qtbot.waitUntil(lambda: (layer_id in view.evaluate("state")["onMap"]) == state.get(layer_id).visible,
                    timeout=5000)
    view.shutdown()


def test_only_noise_is_quieted():
    """The filter drops the known start-up lines and lets every other Qt message through (in a
    process of its own: pytest-qt catches Qt's messages in this one)."""
    code = ("from gis_app.ui import qt_env; qt_env.prepare(headless=True); "
            "from PySide6.QtCore import qWarning; "
            "qWarning('QRhiGles2: Failed to create context'); "
            "qWarning('a real warning: cannot read layer.geojson')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "QRhiGles2" not in result.stderr
    assert "a real warning: cannot read layer.geojson" in result.stderr
