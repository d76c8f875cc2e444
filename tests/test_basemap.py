"""File → Open basemap…: the user's own raster tile archive (MBTiles or PMTiles, built here) under the map
(vector tiles: test_basemap_vector.py), offline, served by the atlas; in exports with its attribution;
saved in the project; a broken or hostile file refused with a message, losing nothing."""

from __future__ import annotations

import os
import sqlite3

import pytest
from conftest import close_window, make_window
from PySide6.QtGui import QColor, QImage
from tile_fixtures import COLOUR, export_with_basemap, make_mbtiles, make_pmtiles, png

from gis_app.core import safe_io
from gis_app.core.tile_archive import ArchiveError, open_archive
from gis_app.ui import tile_scheme


def _magenta_share(image: QImage) -> float:
    """The share of pixels of the tiles' colour (within a little of it)."""
    image = image.convertToFormat(QImage.Format.Format_RGB32).scaled(200, 150)
    target = QColor(COLOUR)
    hits = 0
    for y in range(image.height()):
        for x in range(image.width()):
            c = QColor(image.pixel(x, y))
            far = sum(abs(a - b) for a, b in zip(c.getRgb()[:3], target.getRgb()[:3], strict=True))
            hits += far < 40
    return hits / (image.width() * image.height())


def _not_tiles(path):
    """An MBTiles whose tiles are neither images nor vector tiles."""
    make_mbtiles(path, max_zoom=0, fmt="")
    conn = sqlite3.connect(path)
    conn.execute("UPDATE tiles SET tile_data = ?", (b"hello, world",))
    conn.commit()
    conn.close()
    return path


@pytest.fixture()
def served_none():
    yield
    tile_scheme.serve(None)


# --- the archive, without Qt's page -------------------------------------------------------------

@pytest.mark.parametrize("make", [make_mbtiles, make_pmtiles])
def test_an_archive_reads_its_tiles_metadata_and_attribution_as_text(qapp, tmp_path, make):
    archive = open_archive(make(tmp_path / ("t" + (".mbtiles" if make is make_mbtiles else ".pmtiles"))))
    try:
        assert (archive.format, archive.minzoom, archive.maxzoom) == ("png", 0, 3)
        assert archive.name == "Test basemap"
        assert archive.attribution == "© Test Survey 2024"           # the link's text, no markup
        image = QImage.fromData(archive.tile(3, 5, 2))
        assert QColor(image.pixel(10, 10)).name() == COLOUR
        assert archive.tile(4, 0, 0) is None and archive.tile(2, 9, 0) is None  # beyond it: nothing
    finally:
        archive.close()


def test_mbtiles_rows_count_from_the_south(qapp, tmp_path):
    path = make_mbtiles(tmp_path / "flip.mbtiles", max_zoom=0)
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO tiles VALUES (1, 0, 1, ?)", (png("#00ff00"),))  # TMS row 1 = the north
    conn.commit()
    conn.close()
    archive = open_archive(path)
    assert QColor(QImage.fromData(archive.tile(1, 0, 0)).pixel(1, 1)).name() == "#00ff00"
    archive.close()


def test_broken_and_hostile_files_are_refused_with_their_reason(qapp, tmp_path):
    text = tmp_path / "notes.mbtiles"
    text.write_text("not a database", encoding="utf-8")
    with pytest.raises(ArchiveError) as err:
        open_archive(text)
    assert err.value.reason == "not-archive"
    labelled = make_mbtiles(tmp_path / "labelled.mbtiles", max_zoom=0, fmt="pbf")  # the tiles decide
    assert open_archive(labelled).format == "png"
    with pytest.raises(ArchiveError) as err:
        open_archive(_not_tiles(tmp_path / "words.mbtiles"))
    assert err.value.reason == "format"
    no_tables = tmp_path / "empty-db.mbtiles"
    sqlite3.connect(no_tables).execute("CREATE TABLE x (a)").connection.close()
    with pytest.raises(ArchiveError) as err:
        open_archive(no_tables)
    assert err.value.reason == "damaged"
    cut = tmp_path / "cut.pmtiles"
    cut.write_bytes(make_pmtiles(tmp_path / "whole.pmtiles").read_bytes()[:140])
    with pytest.raises(ArchiveError):
        open_archive(cut)
    with pytest.raises(safe_io.UnsafeFileError) as err:
        open_archive(tmp_path)                                        # a folder
    assert err.value.kind == safe_io.NOT_REGULAR
    fifo = tmp_path / "pipe.mbtiles"
    os.mkfifo(fifo)
    with pytest.raises(safe_io.UnsafeFileError) as err:
        open_archive(fifo)                                            # never blocks
    assert err.value.kind == safe_io.NOT_REGULAR
    with pytest.raises(safe_io.UnsafeFileError) as err:
        open_archive(tmp_path / "missing.pmtiles")
    assert err.value.kind == safe_io.NOT_FOUND


# --- in the window --------------------------------------------------------------------------------

@pytest.fixture()
def window(qapp, served_none):
    win = make_window(size=(900, 650))
    for layer in win.catalog.layers:  # the basemap alone: what the page shows is its tiles
        win.state.set_visible(layer.id, False)
    win.state.view.lat, win.state.view.lon, win.state.view.zoom = 41.0, 68.0, 4.0
    yield win
    close_window(win)


def test_open_a_basemap_see_it_export_it_save_and_reopen(window, prompts, qtbot, tmp_path):
    from gis_app.core.project import load
    from gis_app.render.layout_model import ExportOptions
    from gis_app.ui.export import export_map

    archive = make_pmtiles(tmp_path / "survey.pmtiles")
    prompts.queue("open_file", str(archive))
    window.actions["open_basemap"].trigger()
    row = window.basemap.row
    assert row.isVisible() and row.shown.text() == "Your basemap: Test basemap"
    assert row.credit.text() == "© Test Survey 2024"
    assert window.document.basemap["path"] == str(archive.absolute()) and window.isWindowModified()
    qtbot.waitUntil(lambda: tile_scheme.handler().served > 0, timeout=15000)  # the page asked for tiles
    # the map page draws it at the bottom: its colour fills the empty map
    window.map.wait_ready(20000)
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapPending()") == 0, timeout=15000)
    assert _magenta_share(window.map.stable_grab()) > 0.5
    # with Countries shown, the shipped relief (opaque) steps aside for it
    window.state.set_visible("countries", True)
    relief_shown = ("(function () { var p = atlas.map.getPane('atlas-relief');"
                    " return !!p && getComputedStyle(p).display !== 'none'; })()")
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.map.hasLayer(atlas.layers.countries)"), timeout=10000)
    assert window.map.eval_js(relief_shown) is False
    window.state.set_visible("countries", False)

    # an export (PNG) shows it, and the PDF names its source
    out = tmp_path / "map.png"
    page = ExportOptions(page="custom", custom_px=(900, 640), dpi=96)
    export_map(out, page, window.catalog, window.state, "en")
    assert _magenta_share(QImage(str(out))) > 0.3
    pymupdf = pytest.importorskip("pymupdf")
    pdf = tmp_path / "map.pdf"
    export_map(pdf, page, window.catalog, window.state, "en")
    assert "© Test Survey 2024" in pymupdf.open(pdf)[0].get_text()

    # opacity and visibility are undoable edits
    row.opacity.setValue(40)
    assert window.document.basemap["opacity"] == pytest.approx(0.4)
    window.undo_stack.undo()
    assert window.document.basemap["opacity"] == 1.0

    # saved with a path relative to the project, and back on reopening
    project = tmp_path / "p.atlas.json"
    assert window.project.save_to(project)
    assert load(project).basemap == {"path": "survey.pmtiles", "opacity": 1.0, "visible": True}
    window.basemap.remove()
    assert window.document.basemap is None and not row.isVisible()
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.basemapPending() === 0 && "
                                               "!atlas.map.getContainer().classList.contains('atlas-basemap-shown')"),
                    timeout=10000)
    prompts.queue("ask", "discard")                                   # the removal is not kept
    assert window.project.open_path(project)
    assert window.document.basemap["path"] == str(archive.absolute())
    assert row.isVisible() and tile_scheme.served.archive is not None


def test_a_broken_mbtiles_gives_a_message_and_loses_nothing(window, prompts, tmp_path):
    good = make_mbtiles(tmp_path / "good.mbtiles", max_zoom=1)
    assert window.basemap.open_path(good)
    before, steps = dict(window.document.basemap), window.undo_stack.count()
    broken = tmp_path / "broken.mbtiles"
    broken.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)      # looks like SQLite, is not
    prompts.queue("open_file", str(broken))
    window.actions["open_basemap"].trigger()
    (warning,) = prompts.messages("warn")
    assert warning.title == "Basemap not opened" and "broken.mbtiles" in warning.text
    assert window.document.basemap == before and window.undo_stack.count() == steps
    assert tile_scheme.served.archive.path == good.absolute()        # still shown
    assert not window.basemap.open_path(_not_tiles(tmp_path / "words.mbtiles"))
    assert "neither images" in prompts.messages("warn")[-1].text


def test_a_project_whose_basemap_file_went_missing_still_opens(window, prompts, tmp_path):
    from gis_app.core.project import Project, dumps

    project = tmp_path / "moved.atlas.json"
    project.write_bytes(dumps(Project(map=window.state.to_dict(),
                                      basemap={"path": "gone.mbtiles", "opacity": 0.5, "visible": True})))
    assert window.project.open_path(project)
    assert window.document.basemap["path"].endswith("gone.mbtiles")   # kept, to be saved again
    assert "gone.mbtiles does not exist" in window.basemap.row.problem.text()
    assert tile_scheme.served.archive is None


def test_the_command_line_export_draws_the_projects_basemap(qapp, tmp_path):
    archive = make_mbtiles(tmp_path / "tiles.mbtiles", max_zoom=3)
    assert _magenta_share(export_with_basemap(tmp_path, archive)) > 0.3
