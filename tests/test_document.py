"""The one document (issue 11): its events and rules, the page adapter that sends one applyState per
batch, the selection model, the language service, the registries, the map's own context menu, a
page reload that loses nothing and a project changed on disk by someone else."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QKeySequence
from PySide6.QtWebEngineCore import QWebEnginePage

from gis_app.core import project as proj
from gis_app.core.annotations import make
from gis_app.core.catalog import load_catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Kind
from gis_app.core.project import Project, Slide
from gis_app.ui.main_window import MainWindow
from gis_app.ui.prompts import ScriptedPrompts

REPO = Path(__file__).resolve().parent.parent
LECTURES = REPO / "lectures"


# --- the document alone (no Qt) ------------------------------------------------------------------
def test_a_project_apply_and_a_slide_change_are_one_notification_each(catalog):
    doc = AtlasDocument(catalog)
    seen = []
    doc.subscribe(seen.append)
    project = proj.load(LECTURES / "peacekeeping.atlas.json")
    doc.apply_project(project)
    assert len([c for c in seen if Kind.SLIDES in c]) == 1, "the apply was delivered in pieces"
    assert not doc.dirty and doc.slides == project.slides
    seen.clear()
    doc.show_slide(3)
    assert len(seen) == 1 and not seen[0].is_edit and not doc.dirty
    assert set(doc.map.visible_ids()) == set(project.slides[3].visible)


def test_the_selection_goes_when_its_feature_cannot_be_seen(catalog):
    doc = AtlasDocument(catalog, in_time=lambda layer, feature, span: span[1] >= 2022)
    doc.select("conflict_incidents", "kg_tj_2022")
    assert doc.selection is not None and doc.map.get("conflict_incidents").visible
    doc.map.set_time_range((1990, 2021))  # the filter hides it
    assert doc.selection is None
    doc.select("enclaves", "vorukh")
    doc.set_slides([Slide(visible=["countries"])])
    doc.show_slide(0)  # a slide that does not show its layer
    assert doc.selection is None
    doc.select("enclaves", "vorukh")
    doc.apply_project(Project(map=doc.map.to_dict()))  # another project
    assert doc.selection is None


def test_edits_set_the_unsaved_flag_navigation_does_not(catalog):
    doc = AtlasDocument(catalog)
    doc.map.set_view(40.0, 70.0, 7.0, from_page=True)
    doc.select("enclaves", "vorukh")
    assert not doc.dirty
    doc.map.set_opacity("provinces", 0.5)
    assert doc.dirty


def test_a_file_changed_by_someone_else_is_seen(catalog, tmp_path):
    doc = AtlasDocument(catalog)
    path = tmp_path / "p.atlas.json"
    doc.save(path)
    assert not doc.changed_on_disk()
    other = AtlasDocument(catalog)
    other.set_title("theirs")
    other.save(path)
    assert doc.changed_on_disk()


# --- in the window ------------------------------------------------------------------------------
@pytest.fixture
def window(qapp, qtbot):
    win = MainWindow(load_catalog(), restore=False)
    win.prompts = ScriptedPrompts()
    win.resize(900, 620)
    win.show()
    assert win.map.wait_ready(30000)
    yield win
    win.document.mark_clean()
    win.close()


def settle(qtbot, win, ms: int = 150) -> None:
    qtbot.wait(ms)  # the adapter sends on the next event-loop turn


def test_one_page_call_per_project_apply_and_per_slide_change(window, qtbot):
    win = window
    project = proj.load(LECTURES / "threats_china.atlas.json")
    settle(qtbot, win)
    before = win.map.applied
    win.project.apply(project)
    settle(qtbot, win)
    assert win.map.applied - before == 1
    before = win.map.applied
    win.project.go_to_slide(2, animate=False)
    settle(qtbot, win)
    assert win.map.applied - before == 1
    state = win.map.evaluate("state")
    assert set(state["onMap"]) <= set(project.slides[2].visible) | {"places"}


def test_no_stale_selection_on_slides_or_after_another_lecture(window, qtbot):
    win = window
    win.select_feature("border_disputes", "vorukh")
    qtbot.waitUntil(lambda: win.map.eval_js("atlas.highlighted") == "border_disputes/vorukh", timeout=5000)
    win.project.apply(proj.load(LECTURES / "peacekeeping.atlas.json"))
    slide = next(i for i, s in enumerate(win.document.slides) if "border_disputes" not in s.visible)
    win.select_feature("countries", "KAZ")
    win.project.go_to_slide(slide, animate=False)
    assert win.selection is None or win.selection[0] in win.document.slides[slide].visible
    win.select_feature("border_disputes", "vorukh")
    assert win.selection == ("border_disputes", "vorukh")
    win.project.slides_ctl.present(0)  # presenting starts with nothing selected
    assert win.selection is None
    qtbot.waitUntil(lambda: win.map.eval_js(
        "atlas.highlighted === null && !document.querySelector('.leaflet-popup')"), timeout=5000)
    win.project.presenter.stop()
    win.select_feature("enclaves", "vorukh")
    win.project.open_path(LECTURES / "threats_china.atlas.json", as_copy=True)  # another lecture
    assert win.selection is None
    qtbot.waitUntil(lambda: win.map.eval_js("atlas.highlighted") is None, timeout=5000)


def test_a_page_reload_is_rebuilt_from_the_document(window, qtbot):
    win = window
    win.annotation_tools.add(make("text", {"type": "Point", "coordinates": [70.8, 40.5]}, text="Osh"))
    win.state.set_opacity("provinces", 0.3)
    win.select_feature("enclaves", "vorukh")
    win.map.evaluate("setView", 40.2, 70.9, 8)
    qtbot.waitUntil(lambda: abs(win.state.view.zoom - 8) < 0.01, timeout=5000)
    load_id = win.map.evaluate("state")["loadId"]
    win.map.page().triggerAction(QWebEnginePage.WebAction.Reload)
    qtbot.waitUntil(lambda: win.map.ready and (win.map.evaluate("state") or {}).get("loadId") != load_id,
                    timeout=20000)
    qtbot.waitUntil(lambda: win.map.evaluate("annotationState")["texts"] == ["Osh"], timeout=5000)
    qtbot.waitUntil(lambda: abs(win.map.evaluate("state")["zoom"] - 8) < 0.01, timeout=5000)
    state = win.map.evaluate("state")
    assert abs(state["opacity"]["provinces"] - 0.3) < 1e-6 and abs(state["center"][0] - 40.2) < 0.05
    qtbot.waitUntil(lambda: win.map.eval_js("atlas.highlighted") == "enclaves/vorukh", timeout=5000)
    assert len(win.annotations) == 1


def test_the_map_has_its_own_context_menu(window, qtbot):
    win = window
    menus = []
    win.map.context_menu_requested.connect(lambda where, pos: menus.append(where))
    centre = QPoint(win.map.width() // 2, win.map.height() // 2)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, win.map.mapToGlobal(centre))
    win.map.contextMenuEvent(event)
    assert menus and -90 <= menus[0]["lat"] <= 90
    from gis_app.ui.map_menu import map_menu

    menu = map_menu(win, {"lat": 40.0, "lon": 70.7, "zoom": 8, "layer": "enclaves", "feature": "vorukh"})
    texts = [a.text() for a in menu.actions() if a.text()]
    # Chromium's own entries are not there ("Cite source…" is the atlas's: issue 18)
    assert not any("Reload" in t or "page source" in t.lower() or "Back" in t for t in texts)
    assert "Cite source…" in texts
    menu.findChild(QAction, "identify").trigger()
    assert win.selection == ("enclaves", "vorukh")
    win.annotation_tools.ask_text = lambda kind, text="", note="": ("Here", "")
    menu.findChild(QAction, "labelHere").trigger()
    assert [a["properties"]["text"] for a in win.annotations.to_list()] == ["Here"]
    win.undo_stack.undo()
    assert len(win.annotations) == 0


def test_the_same_project_in_two_windows_never_loses_an_edit_silently(window, qtbot, tmp_path):
    first = window
    path = tmp_path / "shared.atlas.json"
    first.document.set_title("Shared")
    assert first.project.save_to(path)
    second = MainWindow(load_catalog(), restore=False)
    second.prompts = ScriptedPrompts()
    qtbot.addWidget(second)
    try:
        assert second.project.open_path(path)
        second.state.set_opacity("provinces", 0.2)
        assert second.project.save()  # the second window saves first
        first.state.set_opacity("rivers", 0.7)
        first.prompts = ScriptedPrompts()
        first.prompts.queue("choose", None)  # the user closes the question: nothing is written
        assert not first.project.save()
        assert first.prompts.asked[0].method == "choose"
        assert proj.load(path).map["layers"]["provinces"]["opacity"] == 0.2
        first.prompts.queue("choose", "reload")  # theirs: the window now shows the file
        first.project.save()
        assert first.state.get("provinces").opacity == 0.2 and not first.document.dirty
        first.state.set_opacity("rivers", 0.7)
        assert first.project.save()  # nobody else wrote since: no question
        second.state.set_opacity("lakes", 0.5)
        second.prompts.queue("choose", "overwrite")
        assert second.project.save()
        saved = proj.load(path).map["layers"]
        assert saved["lakes"]["opacity"] == 0.5 and saved["rivers"]["opacity"] == 1.0
    finally:
        second.document.mark_clean()
        second.map.shutdown()
        second.close()


def test_no_two_actions_share_a_shortcut_and_every_dock_has_a_toggle(window):
    seen: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in seen, f"{text}: {seen.get(text)} and {action.text()}"
            seen[text] = action.text()
    assert QKeySequence("Ctrl+Z").toString() in seen and "F5" in seen
    view = [a for a in window.menus["view"].actions()]
    for spec_key, dock in window.docks.docks.items():
        assert dock.toggleViewAction() in view, spec_key


def test_a_toolbar_button_brings_its_dock_to_the_front(window, qtbot):
    win = window
    win.docks.show("info")
    stats = win.docks["stats"].toggleViewAction()
    stats.trigger()
    qtbot.waitUntil(lambda: not win.docks["stats"].visibleRegion().isEmpty(), timeout=3000)
    assert win.docks["info"].visibleRegion().isEmpty()  # behind it, in the same tab group


def test_one_render_per_panel_per_language_switch(window, qtbot, monkeypatch):
    win = window
    win.select_feature("enclaves", "vorukh")
    win.docks.show("info")
    calls = {"info": 0, "stats": 0}
    original_show, original_refresh = win.info_panel.show_feature, win.stats_panel.refresh

    def show(*args):
        calls["info"] += 1
        return original_show(*args)

    def refresh(*args):
        calls["stats"] += 1
        return original_refresh(*args)

    monkeypatch.setattr(win.info_panel, "show_feature", show)
    monkeypatch.setattr(win.stats_panel, "refresh", refresh)
    win.set_language("ru")
    qtbot.waitUntil(lambda: "Ворух" in win.selection_label.text(), timeout=5000)
    qtbot.wait(200)
    assert calls == {"info": 1, "stats": 1}
    win.set_language("en")


def test_a_project_language_does_not_change_the_remembered_one(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from gis_app.ui import i18n
    from gis_app.ui.language import LanguageService

    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    doc = AtlasDocument(load_catalog())
    service = LanguageService(doc, settings, "en")
    service.set("kk")  # the user's choice
    assert i18n.saved_language(settings) == "kk"
    service.set("ru", remember=False)  # a project in Russian
    assert doc.language == "ru" and i18n.saved_language(settings) == "kk"
    service.set("en")


def test_the_page_s_own_view_is_never_sent_back_even_merged_with_other_changes(catalog):
    doc = AtlasDocument(catalog)
    seen = []
    doc.subscribe(seen.append)
    with doc.batch():
        doc.map.set_view(40.0, 70.0, 8.0, from_page=True)
        doc.map.set_visible("rivers", False)
    assert len(seen) == 1 and Kind.VIEW in seen[0] and seen[0].from_page
    with doc.batch():
        doc.map.set_view(40.0, 70.0, 8.5, from_page=True)
        doc.map.set_view(41.0, 70.0, 6.0)  # then a project or a command moves it: sent
    assert not seen[-1].from_page


def test_tab_goes_from_the_search_to_the_layers_and_on_to_the_map(window, qtbot):
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    win = window
    win.activateWindow()
    QTest.qWaitForWindowActive(win)
    win.search_box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is win.search_box, timeout=3000)
    QTest.keyClick(win.search_box, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is win.layer_panel.tree
    order, focus = [], win.search_box  # the focus chain from the search box on
    for _ in range(2000):
        order.append(focus)
        focus = focus.nextInFocusChain()
        if focus is win.search_box:
            break
    places = [order.index(w) for w in (win.layer_panel.tree, win.time_filter.enabled_box,
                                       win.map.focusProxy() or win.map)]
    assert places == sorted(places), "Tab: layers, time filter, then the map"


def test_the_window_is_built_without_a_qt_warning(qapp, qtlog):
    """Building the window prints nothing of Qt's (it printed six 'setTabOrder: ... must be in the
    same window' lines: the tab chain took in popups, which are windows of their own)."""
    from conftest import close_window, make_window
    from PySide6.QtCore import QtMsgType

    from gis_app.ui.qt_env import is_noise

    win = make_window(show=False)
    try:  # what the app's own handler shows (qt_env drops the headless start-up noise)
        warnings = [r.message for r in qtlog.records
                    if r.type != QtMsgType.QtDebugMsg and not is_noise(r.message)]
        assert warnings == []
    finally:
        close_window(win)
