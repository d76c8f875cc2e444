"""Vector PDF and SVG read back: the map drawn as paths (no image at all on the page), its place names
and annotation text and the layout's texts as real text (a search for "conflicts" finds them: no
ligature), the sources moved to a page of their own when the footer would not fit, and the SVG
drawn by a real Chromium."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from gis_app.core.catalog import load_catalog
from gis_app.core.map_state import MapState
from gis_app.core.project import Project, dumps

pymupdf = pytest.importorskip("pymupdf")

NOTE = "Border conflicts flare here"


def _export(out, *args):
    done = subprocess.run([sys.executable, "-m", "gis_app", "export", str(out), *args],
                          capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    catalog = load_catalog()
    state = MapState(catalog)
    for layer in state.layers:
        state.set_visible(layer.id, layer.id in ("countries", "places", "border_disputes", "rivers"))
    note = {"type": "Feature", "geometry": {"type": "Point", "coordinates": [70.6, 40.3]},
            "properties": {"kind": "text", "text": NOTE, "color": "#d62728"}}
    path = tmp_path_factory.mktemp("vector") / "p.atlas.json"
    path.write_bytes(dumps(Project(map=state.to_dict(), annotations=[note])))
    return path


@pytest.fixture(scope="module")
def vector_pdf(project, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "map.pdf"
    _export(out, "--project", str(project), "--bbox", "66,36.5,76,43", "--title", "Border conflicts",
            "--dpi", "300")
    return out


def test_the_map_is_paths_and_its_names_are_text(vector_pdf):
    doc = pymupdf.open(vector_pdf)
    page = doc[0]
    # no picture but the relief (a raster by nature, drawn under the vectors: at most its two
    # images, world and Central Asia): a blurred label halo or a rasterised layer would add one
    images = page.get_image_info()
    assert len(images) <= 2, f"{len(images)} images on the page: part of the map was rasterised"
    assert len(page.get_drawings()) > 200       # outlines of countries, provinces, rivers, symbols
    text = page.get_text()
    for name in ("Dushanbe", "Tashkent", "Bishkek", "Khujand"):   # place labels of the map
        assert name in text, name
    for name in ("Countries", "Border dispute zones", "Sources:"):  # the layout's own text
        assert name in text, name
    footer = text[text.index("Sources:"):]
    assert "…" not in footer and "Treaty on the state border between the Kyrgyz Republic" in " ".join(
        footer.split()), "the footer cut a citation short"
    # the search a reader makes: no "fl" ligature breaks it, in Qt's title or Chromium's annotation
    assert page.search_for("conflicts")
    assert page.search_for("flare")


def test_pdftotext_reads_the_same_words(vector_pdf):
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    text = subprocess.run(["pdftotext", str(vector_pdf), "-"], capture_output=True, text=True).stdout
    words = text.split()
    assert "Border conflicts" in text and "Dushanbe" in words
    assert words.count("conflicts") >= 2 and "flare" in words   # the title and the annotation


def test_the_raster_pdf_is_still_there_on_request(project, tmp_path):
    out = tmp_path / "raster.pdf"
    _export(out, "--project", str(project), "--bbox", "66,36.5,76,43", "--raster-map", "--dpi", "150")
    page = pymupdf.open(out)[0]
    assert len(page.get_image_info()) == 1
    assert "Dushanbe" not in page.get_text()   # in the picture, not text


def test_a_footer_too_long_for_the_page_becomes_a_sources_page(tmp_path):
    out = tmp_path / "small.pdf"
    every = ",".join(load_catalog().ids())
    _export(out, "--layers", every, "--size", "640x400", "--dpi", "96")
    doc = pymupdf.open(out)
    assert doc.page_count >= 2
    first = doc[0].get_text()
    assert "Sources: listed on the next page" in first
    rest = "".join(doc[i].get_text() for i in range(1, doc.page_count))
    assert "Natural Earth" in rest and "Kurmangali" in rest
    assert "…" not in rest   # full citations, never cut short


def test_the_svg_has_text_and_draws_in_chromium(project, tmp_path):
    out = tmp_path / "map.svg"
    _export(out, "--project", str(project), "--bbox", "66,36.5,76,43", "--dpi", "96")
    svg = out.read_text(encoding="utf-8")
    assert svg.count("<image") <= 2  # the relief only (a raster under the vectors)
    assert svg.count("<path") > 200
    assert "<text" in svg and "Dushanbe" in svg.replace("</tspan><tspan", "")
    browser_mod = pytest.importorskip("browser")
    if browser_mod.CHROMIUM is None:
        pytest.skip("chromium is not installed")
    b = browser_mod.Browser(1200, 900)
    try:
        b.open(out)
        size = b.js("(function () { var s = document.documentElement.getBBox();"
                    " return [s.width, s.height]; })()")
        assert size[0] > 500 and size[1] > 300
        shot = tmp_path / "svg.png"
        b.screenshot(shot)
        assert b.outside_requests(out) == []
    finally:
        b.close()
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}
    assert len(colours) > 30, "the SVG drew (nearly) nothing"
