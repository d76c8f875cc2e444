"""Slides, presentation mode and project files in the window, as a lecturer uses them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import close_window, make_window
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog

from gis_app.core import project as proj
from gis_app.core.events import Kind
from gis_app.core.project import Slide
from gis_app.ui.grab import distinct_colours, stable_grab
from gis_app.ui.slides_dock import SlideDialog

REPO = Path(__file__).resolve().parent.parent
SHOTS = Path(os.environ.get("GIS_APP_TEST_SHOTS", "")) if os.environ.get("GIS_APP_TEST_SHOTS") else None


@pytest.fixture(autouse=True)
def quick_flights(monkeypatch):
    """Slides fly in 0.1 s instead of 1.2 s: the same animated path, without the waits between slides
    (the lecture walk-throughs took 15 s, most of it watching flights)."""
    from gis_app.ui import slide_controller

    monkeypatch.setattr(slide_controller, "FLY_SECONDS", 0.1)


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(size=(760, 560))  # smaller than the offscreen screen: a restored geometry is exact
    yield win
    close_window(win)


@pytest.fixture(autouse=True)
def answers(window, prompts):
    """Questions nobody queued an answer for get `project.answer` (discard: no modal box in tests);
    questions and warnings are recorded in `project.asked` as (title, text)."""
    window.project.asked, window.project.answer = [], "discard"

    def fallback(asked):
        window.project.asked.append((asked.title, asked.text))
        return window.project.answer if asked.method == "ask" else None

    prompts.fallback = fallback


def page(win):
    return win.map.evaluate("state")


def wait_page(qtbot, win, check, timeout=5000):
    try:
        qtbot.waitUntil(lambda: check(page(win)), timeout=timeout)
    except Exception:
        state = page(win)
        print("page:", state and {k: state[k] for k in ("onMap", "bounds", "zoom", "center")},
              win.map.eval_js("atlas.slideBounds && atlas.slideBounds.toBBoxString()"), win.map.size())
        raise
    return page(win)


def expected_on_map(win, slide: Slide, zoom: float) -> set[str]:
    return {i for i in slide.visible if win.catalog.layer(i).min_zoom <= zoom}


def _above_the_band(state: dict, s: float, n: float) -> tuple[float, float]:
    """While presenting, the slide is fitted between the counter and the caption's band: the
    latitudes of that part of the map (Web Mercator, linear in y)."""
    pres = state.get("presentation")
    if not pres:
        return s, n
    import math

    def y(lat):
        return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))

    def lat(v):
        return math.degrees(2 * math.atan(math.exp(v)) - math.pi / 2)

    per_px = (y(n) - y(s)) / state["size"][1]
    return lat(y(s) + pres["band"] * per_px), lat(y(n) - pres["top"] * per_px)


def shows(win, slide: Slide):
    """The page shows this slide: its layers (those drawn at this zoom) and its extent, centred."""
    def check(state):
        if not state or set(state["onMap"]) != expected_on_map(win, slide, state["zoom"]):
            return False
        w, s, e, n = state["bounds"]
        s, n = _above_the_band(state, s, n)
        sw, ss, se, sn = slide.bounds
        tol_x, tol_y = (se - sw) * 0.02, (sn - ss) * 0.02
        inside = w <= sw + tol_x and s <= ss + tol_y and e >= se - tol_x and n >= sn - tol_y
        centred = abs((w + e) / 2 - (sw + se) / 2) < (se - sw) * 0.1 and \
            abs((s + n) / 2 - (ss + sn) / 2) < (sn - ss) * 0.25
        return inside and centred
    return check


def test_add_slides_from_the_view_and_step_between_them(window, qtbot):
    win, panel = window, window.project.slides
    panel.set_slides([])
    for layer in win.catalog.layers:
        win.state.set_visible(layer.id, layer.id in ("countries", "drug_routes"))
    win.map.evaluate("setView", 45.0, 60.0, 4)
    wait_page(qtbot, win, lambda s: set(s["onMap"]) == {"countries", "drug_routes"} and s["zoom"] == 4)
    panel.add_from_view()
    for layer in win.catalog.layers:
        win.state.set_visible(layer.id, layer.id in ("countries", "enclaves", "border_disputes"))
    win.map.evaluate("setView", 40.0, 71.0, 8)
    wait_page(qtbot, win, lambda s: "enclaves" in s["onMap"] and s["zoom"] == 8)
    panel.add_from_view()
    first, second = panel.slides
    assert first.visible == ["drug_routes", "countries"]  # the visible layers in drawing order, top first
    assert second.bounds[2] - second.bounds[0] < first.bounds[2] - first.bounds[0]
    assert panel.list.count() == 2 and panel.list.item(1).icon().isNull() is False
    assert first.thumbnail and second.thumbnail and first.thumbnail != second.thumbnail
    assert win.isWindowModified() and "[*]" in win.windowTitle()

    win.project.go_to_slide(0, animate=False)  # back: the layers and the extent of slide 1
    wait_page(qtbot, win, shows(win, first))
    assert set(win.state.visible_ids()) == set(first.visible)
    win.project.go_to_slide(1, animate=True)  # forward, flying
    wait_page(qtbot, win, shows(win, second), timeout=8000)
    assert panel.list.currentRow() == 1


def test_drag_reorder_rename_and_delete(window, qtbot, prompts):
    panel = window.project.slides
    panel.set_slides([Slide(caption=f"S{i}", bounds=(60, 35, 80, 46), visible=["countries"])
                      for i in range(3)])
    changes = []
    window.document.subscribe(
        lambda what: changes.append(1) if Kind.SLIDES in what and what.is_edit else None)
    # What a drop does in a QListWidget with InternalMove: the model moves the row.
    assert panel.list.model().moveRow(QModelIndex(), 0, QModelIndex(), 3)
    assert [s.caption for s in panel.slides] == ["S1", "S2", "S0"]
    assert [panel.list.item(i).text() for i in range(3)] == ["1. S1", "2. S2", "3. S0"]
    panel.list.setCurrentRow(0)
    dialog = SlideDialog("S1", "", 1, panel)
    dialog.caption_edit.setText("Renamed")
    dialog.notes_edit.setPlainText("Say this")
    dialog.open = None
    dialog.exec = lambda: QDialog.DialogCode.Accepted
    assert panel.edit_current(dialog)
    assert panel.slides[0].caption == "Renamed" and panel.slides[0].notes == "Say this"
    assert panel.list.item(0).text() == "1. Renamed"
    panel.delete_current(confirm=False)
    assert [s.caption for s in panel.slides] == ["S2", "S0"]
    assert len(changes) == 3
    prompts.queue("ask", "no")  # the user is asked first, and keeps it
    panel.list.setCurrentRow(1)
    panel.delete_current()
    assert prompts.asked[-1].text == "Delete slide 2. S0?" and len(panel.slides) == 2
    prompts.queue("ask", "yes")
    panel.delete_current()
    assert [s.caption for s in panel.slides] == ["S2"] and len(changes) == 4


def test_presentation_full_screen_keys_blank_and_escape(window, qtbot, tmp_path):
    win, panel = window, window.project.slides
    slides = [Slide(caption="Central Asia", notes="n1", bounds=(55.0, 36.0, 85.0, 50.0),
                    visible=["countries", "drug_routes"]),
              Slide(caption="The Fergana valley enclaves", notes="n2", bounds=(69.5, 39.4, 72.5, 41.0),
                    visible=["countries", "enclaves", "places"])]
    panel.set_slides(slides)
    win.slides_dock.show()
    size, docks = win.size(), win.layer_dock.isVisible()
    assert docks and win.slides_dock.isVisible()
    win.actions["present"].trigger()  # F5 / the toolbar button
    presenter = win.project.presenter
    assert presenter.active and win.isFullScreen()
    assert not win.layer_dock.isVisible() and not win.slides_dock.isVisible()
    assert not win.menuBar().isVisible() and not win.statusBar().isVisible()
    assert not win.project_toolbar.isVisible()
    assert presenter.caption.isVisible() and presenter.caption.text() == "Central Asia"
    assert presenter.counter.text() == "1 / 2"
    wait_page(qtbot, win, shows(win, slides[0]), timeout=8000)

    keys = win.map.focusProxy() or win.map  # where a clicker's keys arrive
    QTest.keyClick(keys, Qt.Key.Key_PageDown)
    assert presenter.index == 1 and presenter.counter.text() == "2 / 2"
    assert presenter.caption.text() == "The Fergana valley enclaves"
    wait_page(qtbot, win, shows(win, slides[1]), timeout=8000)
    QTest.keyClick(keys, Qt.Key.Key_Space)  # past the end: stays
    assert presenter.index == 1
    shot = stable_grab(win)
    shot.save(str((SHOTS or tmp_path) / "presentation.png"))
    # The caption is painted over the map: its box is dark, the map around it is light.
    box = presenter.caption.geometry()
    dark = [QColor(shot.pixel(x, box.top() + 4)).lightness()
            for x in range(box.left() + 4, box.right() - 4, 7)]
    assert sum(dark) / len(dark) < 100, "the caption's box is not drawn over the map"
    assert distinct_colours(shot) > 50

    QTest.keyClick(keys, Qt.Key.Key_Left)
    assert presenter.index == 0
    wait_page(qtbot, win, shows(win, slides[0]), timeout=8000)
    QTest.keyClick(keys, Qt.Key.Key_B)
    assert presenter.blank.isVisible() and not presenter.caption.isVisible()
    black = win.grab().toImage()
    assert distinct_colours(black) == 1 and QColor(black.pixel(10, 10)).lightness() == 0
    QTest.keyClick(keys, Qt.Key.Key_Right)  # ignored while blank
    assert presenter.index == 0
    QTest.keyClick(keys, Qt.Key.Key_B)
    assert not presenter.blank.isVisible() and presenter.caption.isVisible()

    QTest.keyClick(keys, Qt.Key.Key_Escape)
    assert not presenter.active and not win.isFullScreen()
    qtbot.waitUntil(lambda: win.size() == size, timeout=3000)
    assert win.layer_dock.isVisible() and win.slides_dock.isVisible() and win.menuBar().isVisible()
    assert win.statusBar().isVisible() and win.project_toolbar.isVisible()
    assert not presenter.caption.isVisible() and not presenter.counter.isVisible()


def test_speaker_notes_window_follows_the_slides(window, qtbot):
    win, panel = window, window.project.slides
    panel.set_slides([Slide(caption="A", notes="Say A", bounds=(60, 35, 80, 46), visible=["countries"]),
                      Slide(caption="B", notes="Say B", bounds=(65, 38, 75, 43), visible=["countries"])])
    presenter = win.project.presenter
    assert presenter.start(0, notes_screen=True)  # as with a second screen
    notes = presenter.notes_window
    assert notes is not None and notes.isVisible()
    assert notes.notes.text() == "Say A" and notes.next.text() == "Next: B"
    assert notes.counter.text() == "Slide 1 of 2" and notes.windowTitle() == "Speaker notes"
    QTest.keyClick(notes, Qt.Key.Key_Down)  # keys on the speaker's screen page too
    assert notes.notes.text() == "Say B" and notes.next.text() == ""
    QTest.keyClick(notes, Qt.Key.Key_Escape)
    assert not presenter.active and presenter.notes_window is None


def test_save_reopen_and_refuse_bad_files(window, qtbot, tmp_path):
    win, project = window, window.project
    project.slides.set_slides([Slide(caption={"en": "One", "ru": "Один"}, bounds=(60, 35, 80, 46),
                                     visible=["countries", "lakes"], time_range=(2000, 2010))])
    win.state.set_visible("rivers", False)
    win.state.set_opacity("provinces", 0.4)
    win.document.set_style_override("rivers", {"stroke": "#ff00ff"})
    path = tmp_path / "lecture.atlas.json"
    assert project.save_to(path)
    assert not win.isWindowModified() and win.windowTitle().startswith("lecture.atlas.json")
    saved = project.current_project()
    assert proj.load(path) == saved

    project.answer = "discard"
    assert project.new()
    assert project.slides.slides == [] and win.state.get("rivers").visible
    assert project.open_path(path)
    assert project.current_project().slides == saved.slides
    assert win.state.get("rivers").visible is False and win.state.get("provinces").opacity == 0.4
    wait_page(qtbot, win,
              lambda s: "rivers" not in s["onMap"] and abs(s["opacity"]["provinces"] - 0.4) < 1e-6)
    assert project.recent()[0] == str(path.resolve())
    # The style override reached the page and restyled the (loaded) rivers.
    qtbot.waitUntil(lambda: win.map.eval_js("atlas.defs.rivers.override.stroke") == "#ff00ff", timeout=3000)
    win.state.set_visible("rivers", True)
    qtbot.waitUntil(lambda: win.map.eval_js(
        "atlas.layers.rivers && atlas.layers.rivers.getLayers()[0].options.color") == "#ff00ff", timeout=5000)

    before = project.current_project()
    for content in (b"{not json", b'{"format": "central-asia-security-atlas/project", "schema": 7}'):
        bad = tmp_path / "bad.atlas.json"
        bad.write_bytes(content)
        project.asked.clear()
        assert not project.open_path(bad)
        assert project.asked and "Nothing was changed" in project.asked[0][1]
        assert project.current_project() == before and project.path == path
    assert "newer version" in project.asked[0][1]


def test_autosave_recovery_and_clean_exit(window, qtbot):
    project = window.project
    window.document.mark_clean()
    assert project.autosave() is None  # nothing changed, nothing written
    project.slides.set_slides([Slide(caption="unsaved", bounds=(60, 35, 80, 46), visible=["countries"])])
    project.mark_dirty()
    written = project.autosave()
    assert written == proj.recovery_path() and proj.load(written).slides[0].caption == "unsaved"
    # As if this session had crashed: the file now belongs to a dead process.
    orphan = proj.recovery_path(2 ** 22 + 12345)
    written.rename(orphan)
    project.slides.set_slides([])
    window.document.mark_clean()
    project.answer = "yes"
    assert project.offer_recovery()
    assert [s.caption for s in project.slides.slides] == ["unsaved"] and window.isWindowModified()
    assert not orphan.exists()
    project.autosave()
    assert proj.recovery_path().exists()
    project.answer = "discard"
    assert project.closing()  # a clean exit removes the recovery file
    assert not proj.recovery_path().exists()
    project.autosave_timer.start()


@pytest.mark.parametrize("name", ["peacekeeping.atlas.json", "threats_china.atlas.json"])
def test_lectures_open_from_the_menu_and_every_slide_shows(window, qtbot, name):
    win, project = window, window.project
    project.answer = "discard"
    project._fill_lectures()
    titles = [a.text() for a in project.lectures_menu.actions()]
    assert "Peacekeeping and Central Asia" in titles
    assert "Security threats in Central Asia and China's role" in titles
    path = REPO / "lectures" / name
    action = next(a for a in project.lectures_menu.actions() if a.text() == proj.load(path).title_in("en"))
    action.trigger()
    assert project.path is None, "a lecture opens as an untitled copy: Save must not overwrite it"
    slides = project.slides.slides
    assert 6 <= len(slides) <= 10
    assert project.present(0)
    presenter = project.presenter
    for i, slide in enumerate(slides):
        assert presenter.index == i and presenter.caption.text() == slide.caption_in("en")
        wait_page(qtbot, win, shows(win, slide), timeout=10000)
        assert page(win)["errors"] == []
        if i + 1 < len(slides):
            QTest.keyClick(win.map.focusProxy() or win.map, Qt.Key.Key_Right)
    shot = stable_grab(win)  # the last slide as the audience sees it: map, caption, counter
    assert distinct_colours(shot) > 50
    if SHOTS:
        shot.save(str(SHOTS / f"{name}.last.png"))
    presenter.stop()


def test_export_slides_to_pngs_and_pdf(window, qtbot, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtPdf import QPdfDocument

    from gis_app.ui.slide_export import export_pdf, export_pngs

    win = window
    win.project.slides.set_slides([
        Slide(caption="Northern route", bounds=(20.0, 30.0, 80.0, 60.0),
              visible=["countries", "drug_routes"]),
        Slide(caption="Enclaves", bounds=(69.5, 39.4, 72.5, 41.0), visible=["countries", "enclaves"])])
    for layer in win.catalog.layers:
        win.state.set_visible(layer.id, layer.id in ("countries", "lakes"))
    before = win.state.to_dict()
    files = export_pngs(win, tmp_path / "png", "lecture")
    assert [f.name for f in files] == ["lecture-01.png", "lecture-02.png"]
    images = [QImage(str(f)) for f in files]
    assert all((i.width(), i.height()) == (2000, 1125) for i in images)  # 16:9 at 150 DPI
    assert all(distinct_colours(i) > 30 for i in images)
    assert images[0] != images[1]
    after = win.state.to_dict()  # the window's layers are not driven by the export
    assert (after["layers"], after["time_range"]) == (before["layers"], before["time_range"])
    if SHOTS:
        for f in files:
            f.replace(SHOTS / f.name)
    pdf = tmp_path / "slides.pdf"
    assert export_pdf(win, pdf) == 2
    doc = QPdfDocument()
    doc.load(str(pdf))
    assert doc.pageCount() == 2
    first, second = (doc.getAllText(i).text() for i in range(2))
    # Text stays text: each page has its caption as title, its legend and its sources.
    assert "Northern route" in first and "Slide 1 of 2" in first and "Sources:" in first
    assert "Enclaves" in second and "Fergana valley enclaves" in second
    assert "Fergana valley enclaves" not in first  # each page's legend is its own slide's layers
    size = doc.pagePointSize(0)
    assert size.width() > size.height()  # landscape


def test_a_lecture_opens_in_the_readers_language(window, qtbot):
    win, project = window, window.project
    project.answer = "discard"
    win.set_language("kk")
    try:
        path = REPO / "lectures" / "peacekeeping.atlas.json"
        assert proj.load(path).language == "en"  # the file's own language is not forced on the reader
        assert project.open_path(path, as_copy=True)
        assert win.lang == "kk"
        qtbot.waitUntil(lambda: win.file_menu.title() != "&File", timeout=5000)  # events are posted
        assert project.slides.slides[0].caption_in(win.lang) == project.slides.slides[0].caption["kk"]
    finally:
        win.set_language("en")


def test_going_to_a_slide_does_not_lose_what_was_drawn(window, qtbot):
    from gis_app.core.annotations import make

    win = window
    win.project.slides.set_slides([Slide(caption="Bare", bounds=(60, 35, 80, 46), visible=["countries"])])
    win.annotations.replace([])
    win.annotation_tools.add(make("marker", {"type": "Point", "coordinates": [70.6, 39.9]}, text="Mine"))
    assert len(win.annotations) == 1
    win.project.go_to_slide(0, animate=False)
    assert len(win.annotations) == 0  # the slide shows its own (none)
    win.undo_stack.undo()  # …and the user's marker is one Ctrl+Z away, not gone
    assert [a["properties"]["text"] for a in win.annotations.to_list()] == ["Mine"]
    win.annotations.replace([])
    win.undo_stack.clear()


def test_a_language_switch_does_not_select_again(window, qtbot):
    win = window
    win.select_feature("enclaves", "vorukh")
    win.info_dock.hide()
    try:
        win.set_language("ru")
        qtbot.waitUntil(lambda: "Ворух" in win.selection_label.text(), timeout=5000)
        assert win.selection == ("enclaves", "vorukh") and not win.info_dock.isVisible()
    finally:
        win.set_language("en")
    # Hiding the selected feature's layer ends the selection: no ring or popup left behind.
    win.state.set_visible("enclaves", False)
    assert win.selection is None and win.selection_label.text() == ""
    qtbot.waitUntil(lambda: win.map.eval_js("atlas.highlighted") is None, timeout=3000)
    win.state.set_visible("enclaves", True)
