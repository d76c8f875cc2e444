"""Georeferenced images: the world file and the GeoTIFF tags read back put Dushanbe on its pixel
(the centre of its capital symbol on the exported map)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from gis_app.render.georef import GeoTransform, mercator, read_geotiff_transform, world_file_path

DUSHANBE = (68.779, 38.5358)   # shapefiles/basemap/places.geojson
ARGS = ["--layers", "places,provinces",  # no relief: its dark slopes are not the dot
         "--bbox", "66,36,72,41", "--size", "800x600", "--dpi", "96"]


def _export(out, *extra):
    done = subprocess.run([sys.executable, "-m", "gis_app", "export", str(out), *ARGS, *extra],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def _symbol_centre(image, col, row, reach=12):
    """The centre of the dark pixels (the black capital dot) around (col, row)."""
    from PySide6.QtGui import QColor

    xs, ys = [], []
    for y in range(int(row) - reach, int(row) + reach + 1):
        for x in range(int(col) - reach, int(col) + reach + 1):
            if QColor(image.pixel(x, y)).lightness() < 60:
                xs.append(x + 0.5)
                ys.append(y + 0.5)
    assert len(xs) > 20, "no capital symbol near the place the georeference names"
    return sum(xs) / len(xs), sum(ys) / len(ys)


def test_png_world_file_puts_dushanbe_on_its_pixel(tmp_path):
    from PySide6.QtGui import QImage

    out = tmp_path / "tajikistan.png"
    _export(out, "--georef")
    assert world_file_path(out).name == "tajikistan.pgw"
    transform = GeoTransform.read_world_file(world_file_path(out).read_text())
    assert "Mercator_Auxiliary_Sphere" in out.with_suffix(".prj").read_text()
    image = QImage(str(out))
    assert (image.width(), image.height()) == (800, 600)
    col, row = transform.pixel(*DUSHANBE)
    assert 0 < col < 800 and 0 < row < 600
    cx, cy = _symbol_centre(image, col, row, reach=7)  # the dot, not its (bold, placed) name
    assert abs(cx - col) < 1.5 and abs(cy - row) < 1.5, (cx, cy, col, row)
    # and the extent asked for is inside the image, to a pixel (Leaflet fits the bbox)
    west, north = transform.x0, transform.y0
    assert west <= mercator(66, 41)[0] + transform.dx and north >= mercator(66, 41)[1] - transform.dx


def test_geotiff_carries_the_same_georeference(tmp_path):
    tifffile = pytest.importorskip("tifffile")
    png, tif = tmp_path / "a.png", tmp_path / "a.tif"
    _export(png, "--georef")
    _export(tif)
    a = GeoTransform.read_world_file(world_file_path(png).read_text())
    b = read_geotiff_transform(tif)
    assert abs(a.x0 - b.x0) < 1e-3 and abs(a.dy - b.dy) < 1e-6
    pixels = tifffile.imread(tif)
    assert pixels.shape == (600, 800, 3)
    col, row = b.pixel(*DUSHANBE)
    assert pixels[int(row), int(col)].max() < 60   # the black capital dot


def test_world_file_round_trip():
    t = GeoTransform.from_bounds((60, 35, 80, 45), 1000, 500)
    back = GeoTransform.read_world_file(t.world_file())
    assert back.pixel(70, 40) == pytest.approx(t.pixel(70, 40), abs=1e-6)
    assert t.pixel(60, 45) == pytest.approx((0, 0), abs=1e-9)
    assert t.pixel(80, 35) == pytest.approx((1000, 500), abs=1e-6)
    with pytest.raises(ValueError):
        GeoTransform.from_bounds((10, 10, 10, 20), 100, 100)


def test_the_export_dialog_writes_a_georeferenced_png(qtbot, prompts, tmp_path):
    from conftest import close_window, make_window

    win = make_window(size=(900, 600))
    try:
        dialog = win.open_export_dialog()
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("pgw"))
        assert "world file" in dialog.format_combo.currentText()
        dialog.dpi_box.setValue(96)
        prompts.queue("save_file", str(tmp_path / "window"))
        dialog._export_clicked()
        out = tmp_path / "window.png"
        assert out.is_file() and world_file_path(out).is_file() and out.with_suffix(".prj").is_file()
        transform = GeoTransform.read_world_file(world_file_path(out).read_text())
        assert transform.dx > 0 and transform.dy < 0
        assert dialog.last_result.size == dialog.options().page_px()
        dialog.close()
    finally:
        close_window(win)
