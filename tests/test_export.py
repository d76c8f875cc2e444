"""Export: the page layout (legend from the visible layers, scale bar, footer), PNG/PDF/SVG files
from the command line and from the window, annotations in the export."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from gis_app.core.annotations import make
from gis_app.core.catalog import load_catalog
from gis_app.core.evidence import load_bibliography, short_citation
from gis_app.core.map_state import MapState
from gis_app.core.project import Project
from gis_app.render.layout_model import ExportOptions, parse_size
from gis_app.render.legend import attribution_lines, footer_citations, legend_entries
from gis_app.ui.grab import colour_share, distinct_colours

GREEN = "#00ff00"  # an annotation colour no layer uses


def _command(args) -> list[str]:
    # English layout texts whatever language an earlier test left remembered
    lang = [] if "--lang" in args else ["--lang", "en"]
    return [sys.executable, "-m", "gis_app", "export", *args, *lang]


def run_export(*args: str, timeout: int = 180) -> subprocess.CompletedProcess:
    """`gis-app export ...` as a user runs it: a process of its own."""
    return subprocess.run(_command(args), capture_output=True, text=True, timeout=timeout)


def export_in_process(*args: str) -> subprocess.CompletedProcess:
    """`gis-app export ...` through the same main(), in this process (its QApplication and Chromium
    are up already: no start-up to wait for); the exit code and what it printed."""
    from gis_app import cli
    from gis_app.ui import i18n

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cli.main(_command(args)[3:])
        except SystemExit as exc:  # argparse's refusals
            code = exc.code
        finally:
            i18n.install("en")  # the export installed its language in this process
    return subprocess.CompletedProcess(args, code, out.getvalue(), err.getvalue())


def pdf_text(path: Path) -> str:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    assert doc.load(str(path)) == QPdfDocument.Error.None_
    text = " ".join(doc.getAllText(page).text() for page in range(doc.pageCount()))
    doc.close()
    return re.sub(r"\s+", " ", text)


def pdf_page_image(path: Path, size: QSize) -> QImage:
    from PySide6.QtPdf import QPdfDocument

    doc = QPdfDocument()
    doc.load(str(path))
    image = doc.render(0, size)
    doc.close()
    return image


# --- the layout's content, without Qt rendering ------------------------------------------------


def test_page_sizes():
    assert ExportOptions(page="A4-landscape", dpi=300).page_px() == (3508, 2480)
    assert ExportOptions(page="A4-portrait", dpi=300).page_px() == (2480, 3508)
    assert ExportOptions(page="A3-landscape", dpi=150).page_px() == (2480, 1754)
    assert ExportOptions(page="A4-landscape", dpi=96).page_px() == (1123, 794)
    w, h = ExportOptions(page="slide-16x9", dpi=96).page_px()
    assert (w, h) == (1280, 720)
    assert parse_size("a4-LANDSCAPE")[0] == "A4-landscape"
    assert parse_size("1600x900") == ("custom", (1600, 900))
    assert ExportOptions(page="custom", custom_px=(1600, 900)).page_px() == (1600, 900)
    with pytest.raises(ValueError):
        parse_size("letter")
    assert ExportOptions(dpi=1200).problems() and ExportOptions(page="B5").problems()
    assert not ExportOptions(dpi=600).problems()


def test_legend_lists_exactly_the_visible_layers_with_their_symbols():
    catalog = load_catalog()
    state = MapState(catalog)
    state.set_visible("provinces", False)
    state.set_visible("pk_contributors", True)
    entries = legend_entries(catalog, state.visible_ids(), "en", state.view.zoom)
    assert [e.layer_id for e in entries] == state.visible_ids()
    by_id = {e.layer_id: e for e in entries}
    assert "provinces" not in by_id
    # a choropleth gets its classes and a no-data box, coloured as the catalog says
    contributors = catalog.layer("pk_contributors").style["choropleth"]
    classes = by_id["pk_contributors"].items
    assert [i.style["fill"] for i in classes[:-1]] == contributors["colors"]
    assert classes[-1].style["fill"] == contributors["no_data"] and classes[-1].label == "No data"
    # categories get their labels in the chosen language, with their own style
    routes = by_id["drug_routes"].items
    assert [i.label for i in routes][:2] == ["Road", "Rail"] and all(i.kind == "line" for i in routes)
    ru = {e.layer_id: e for e in legend_entries(catalog, state.visible_ids(), "ru")}
    assert ru["drug_routes"].items[0].label == "Автодорога"
    assert ru["drug_routes"].title == catalog.layer("drug_routes").title["ru"]
    # categories not drawn at this zoom (towns from zoom 8) are left out
    places = [i.label for i in by_id["places"].items]
    assert "Capital" in places and "Town" not in places


def test_footer_and_attribution_follow_the_visible_layers():
    catalog = load_catalog()
    bibliography = load_bibliography()
    cites = footer_citations(catalog, ["drug_routes"], bibliography)
    expected = {short_citation(bibliography[c]) for c in catalog.layer("drug_routes").citations}
    assert set(cites) == expected and "UNODC 2012" in cites
    assert short_citation(bibliography["kurmangali_jaukhan_2025"]) == "Kurmangali & Jaukhan 2025"
    assert (
        short_citation(
            {
                "id": "x",
                "author": [{"family": "A"}, {"family": "B"}, {"family": "C"}],
                "issued": {"date-parts": [[2001]]},
            }
        )
        == "A et al. 2001"
    )
    assert short_citation({"id": "x", "title": "T"}) == "T n.d."
    assert attribution_lines(catalog, ["drug_routes"], inset=False) == ["GeoNames (CC BY 4.0)"]
    assert "Natural Earth" in attribution_lines(catalog, ["drug_routes"], inset=True)


def test_scale_bar_ground_size_matches_the_extent(qapp):
    """The metres per map pixel the scale bar uses agree with the rendered extent's width."""
    import math

    from gis_app.ui.export import MapRenderer

    catalog = load_catalog()
    renderer = MapRenderer(catalog, MapState(catalog))
    try:
        picture = renderer.render(900, 600, 192, bbox=(68.0, 38.5, 74.0, 42.0))
    finally:
        renderer.close()
    assert (picture.image.width(), picture.image.height()) == (900, 600)
    w, s, e, n = picture.bounds
    tol = 0.01  # fitBounds fills one side exactly, to a fraction of a pixel
    assert w <= 68.0 + tol and e >= 74.0 - tol and s <= 38.5 + tol and n >= 42.0 - tol
    assert (e - w) < 8 or (n - s) < 5, "fitBounds should fill one side"
    ground = (e - w) * 111_319.49 * math.cos(math.radians(picture.lat))
    assert abs(picture.metres_per_px * 900 - ground) / ground < 0.03


# --- the files ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def export_runs(tmp_path_factory, qapp):
    """Every command-line export of this file, run at once: one PNG (default project, A4 landscape
    300 DPI), one PDF and one SVG of chosen layers, a Kazakh PDF, and a project with annotations
    at 600 DPI. Returns the folder and each run's result."""
    out = tmp_path_factory.mktemp("exports")
    area = make(
        "area",
        {"type": "Polygon", "coordinates": [[[70, 39.5], [72, 39.5], [72, 41], [70, 41], [70, 39.5]]]},
        "a1",
        color=GREEN,
        fill_opacity=1.0,
    )
    project = out / "p.json"
    state = MapState(load_catalog())
    project.write_text(json.dumps(Project(map=state.to_dict(), annotations=[area, {"bad": 1}]).to_dict()))
    results = {
        # one in a process of its own, as a user runs it; the others through the same main() here
        "png": run_export(str(out / "map.png"), "--title", "Atlas test export", "--dpi", "300"),
        "pdf": export_in_process(str(out / "map.pdf"), "--title", "Northern route (PDF)",
                                 "--size", "A4-portrait", "--layers", "drug_routes,countries,pk_missions",
                                 "--dpi", "150"),
        "svg": export_in_process(str(out / "map.svg"), "--title", "Borders <& disputes>", "--dpi", "96",
                                 "--bbox", "68,38.5,74,42"),
        "kk": export_in_process(str(out / "kk.pdf"), "--layers", "countries", "--dpi", "96", "--lang", "kk"),
        "annotated": export_in_process(str(out / "p.png"), "--project", str(project), "--size", "2400x1600",
                                       "--dpi", "600", "--bbox", "66,37,76,43", "--no-legend", "--no-footer"),
    }
    return out, results


@pytest.fixture(scope="module")
def exports(export_runs):
    out, results = export_runs
    for name in ("png", "pdf", "svg"):
        assert results[name].returncode == 0, results[name].stderr
    return out


def test_png_is_a4_at_300_dpi_and_not_blank(exports):
    image = QImage(str(exports / "map.png"))
    assert (image.width(), image.height()) == (3508, 2480)
    assert distinct_colours(image, step=16) > 100
    # the land (its colour shaded by the relief, issue 12), not the bare sea of an empty map
    assert colour_share(image, "#c9dde8", tolerance=8, step=16) < 0.3, "the land of the map is missing"
    assert colour_share(image, "#ffffff", step=16) > 0.1, "no white page around the map"
    assert round(image.dotsPerMeterX() * 0.0254) == 300


def test_pdf_text_has_title_legend_of_the_chosen_layers_and_citation_footer(exports):
    catalog = load_catalog()
    text = pdf_text(exports / "map.pdf")
    assert "Northern route (PDF)" in text
    shown = ["drug_routes", "countries", "pk_missions"]
    for layer_id in shown:
        assert catalog.layer(layer_id).title["en"] in text
    for layer in catalog.layers:
        if layer.id not in shown and layer.title["en"] not in " ".join(
            catalog.layer(i).title["en"] for i in shown
        ):
            assert layer.title["en"] not in text, f"{layer.id} is hidden but in the legend"
    bibliography = load_bibliography()
    for cite in footer_citations(catalog, shown, bibliography):
        assert cite in text, f"footer lacks {cite}"
    assert "Sources:" in text and "Map data:" in text
    # the page is A4 portrait and its map is drawn
    image = pdf_page_image(exports / "map.pdf", QSize(620, 877))
    assert distinct_colours(image, step=4) > 50


def test_svg_has_the_title_as_text(exports):
    tree = ET.parse(exports / "map.svg")
    ns = "{http://www.w3.org/2000/svg}"
    texts = " ".join("".join(t.itertext()) for t in tree.iter(f"{ns}text"))
    assert "Borders <& disputes>" in re.sub(r"\s+", " ", texts)
    # the map is vector paths now (tests/test_vector_export.py), not a picture
    assert sum(1 for _ in tree.iter(f"{ns}path")) > 100, "the map is missing"
    assert sum(1 for _ in tree.iter(f"{ns}image")) <= 2, "the map was rasterised (only the relief may be)"


def test_bad_arguments_give_a_clear_message(tmp_path):
    png = str(tmp_path / "x.png")
    result = export_in_process(png, "--layers", "countries,nonexistent")
    assert result.returncode == 2 and "nonexistent" in result.stderr
    result = export_in_process(png, "--bbox", "80,40,70,45")
    assert result.returncode == 2 and "--bbox" in result.stderr
    result = export_in_process(png, "--size", "letter")
    assert result.returncode == 2 and "--size" in result.stderr
    result = export_in_process(str(tmp_path / "x.gif"))
    assert result.returncode == 2 and ".png, .pdf or .svg" in result.stderr
    result = export_in_process(png, "--dpi", "many")
    assert result.returncode == 2 and "--dpi" in result.stderr
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    result = export_in_process(png, "--project", str(broken))
    assert result.returncode == 2 and "project" in result.stderr
    assert not (tmp_path / "x.png").exists()
    # And in a process of its own, as a user runs it: the exit code reaches the shell.
    result = run_export(png, "--size", "letter")
    assert result.returncode == 2 and "--size" in result.stderr


def test_project_annotations_and_600_dpi(export_runs):
    """A project's annotations are drawn in the export; 600 DPI (above Chromium's zoom cap) works."""
    folder, results = export_runs
    out, result = folder / "p.png", results["annotated"]
    assert result.returncode == 0, result.stderr
    assert "warning: " in result.stderr and "annotation" in result.stderr  # reported, not fatal
    image = QImage(str(out))
    assert (image.width(), image.height()) == (2400, 1600)
    assert colour_share(image, GREEN, tolerance=10, step=3) > 0.01


# --- from the window -----------------------------------------------------------------------------


def test_window_export_dialog_preview_annotation_and_undo(qtbot, tmp_path, window_factory):
    window = window_factory(size=(1100, 750))
    window.annotation_tools.add(
        make(
            "area",
            {"type": "Polygon", "coordinates": [[[63, 40], [68, 40], [68, 44], [63, 44], [63, 40]]]},
            color=GREEN,
            fill_opacity=1.0,
        )
    )
    dialog = window.open_export_dialog()
    dialog.title_edit.setText("Window export")
    dialog.dpi_box.setValue(120)
    dialog.update_preview()
    preview = dialog.preview_image
    assert preview.width() > 300 and distinct_colours(preview, step=2) > 50
    assert colour_share(preview, GREEN, tolerance=10, step=2) > 0.005, (
        "the annotation is not in the preview"
    )
    preview.save(str(tmp_path / "preview.png"))

    with_note = dialog.export_to(tmp_path / "with.png")
    assert with_note is not None and with_note.size == (1403, 992)
    with_image = QImage(str(tmp_path / "with.png"))
    assert colour_share(with_image, GREEN, tolerance=10, step=3) > 0.01
    assert set(with_note.legend_ids) == set(window.state.visible_ids())

    window.undo_stack.undo()
    assert len(window.annotations) == 0
    # The open dialog follows the window: its preview loses the undone annotation by itself.
    qtbot.waitUntil(lambda: colour_share(dialog.preview_image, GREEN, tolerance=10, step=2) == 0,
                    timeout=15000)
    without = dialog.export_to(tmp_path / "without.png")
    assert without is not None
    assert colour_share(QImage(str(tmp_path / "without.png")), GREEN, tolerance=10, step=3) == 0
    dialog.close()


def test_the_export_speaks_the_language_asked_for(export_runs):
    folder, results = export_runs
    out, result = folder / "kk.pdf", results["kk"]
    assert result.returncode == 0, result.stderr
    text = pdf_text(out)
    assert "Шартты белгілер" in text and "Елдер" in text  # legend heading and layer title in Kazakh
    assert "Legend" not in text
