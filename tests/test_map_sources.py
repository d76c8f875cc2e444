"""The project's evidence wherever the map's sources are listed and its figures coloured: the
export's footer and sources page, `gis-app export --project` (PNG and PDF), the export's map page,
and the web map (the user's figures marked, ⚠ where sources disagree, the cites listed)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QImage
from test_export import export_in_process, pdf_text

from gis_app.core.catalog import load_catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.map_sources import MapEvidence, user_cited
from gis_app.render.legend import footer_citations

IVANOV = {"id": "u_ivanov2022", "type": "article-journal", "title": "Наркотрафик в Центральной Азии",
          "author": [{"family": "Иванов", "given": "Иван"}], "container-title": "Вестник КазНУ",
          "issued": {"date-parts": [[2022]]}}
PETROV = {"id": "u_petrov2019", "type": "report", "title": "Граница и посты",
          "author": [{"family": "Петров", "given": "Пётр"}], "issued": {"date-parts": [[2019]]}}
FIGURE = {"claim_id": "u_kgz_seized", "subject": "drug_seizures_2021/KGZ", "indicator": "drugs_seized",
          "value": "9.5", "unit": "t", "date": "2021", "citation": "u_ivanov2022", "locator": "Table 2",
          "note": "", "confirmed": "n/a", "estimate": False}
KGZ_FILL = """(function () { var c = null; var layer = atlas.layers['drug_seizures_2021'];
  if (layer) layer.eachLayer(function (l) {
    if (String(l.feature.properties.id) === 'KGZ') c = l.options.fillColor; });
  return c; })()"""


@pytest.fixture(scope="module")
def document():
    doc = AtlasDocument(load_catalog())
    doc.add_source(dict(IVANOV))
    doc.add_source(dict(PETROV))
    doc.add_claim(dict(FIGURE))
    doc.set_cites("countries/TJK", ["u_petrov2019"])
    for layer_id in doc.catalog.ids():
        doc.map.set_visible(layer_id, layer_id == "drug_seizures_2021")
    return doc


def test_the_user_sources_of_the_visible_map(document):
    user = document.user_evidence
    assert user_cited(user, ["drug_seizures_2021"]) == ["u_ivanov2022"]
    assert user_cited(user, ["countries"]) == ["u_petrov2019"]
    assert user_cited({"claims": [{**FIGURE, "subject": "TJK"}]}, ["countries"]) == ["u_ivanov2022"]
    assert user_cited(user, ["pk_missions"]) == []
    ev = MapEvidence.of(document)
    assert ev.extra_sources(["drug_seizures_2021", "countries"]) == ["u_petrov2019", "u_ivanov2022"]
    assert ev.figures(document.catalog) == {"drug_seizures_2021": {"KGZ": 9.5}}
    cites = footer_citations(document.catalog, ["drug_seizures_2021"], ev.bibliography, "en",
                             ev.extra_sources(["drug_seizures_2021"]))
    assert "Иванов 2022" in cites and not any("Петров" in c for c in cites)
    shipped = footer_citations(document.catalog, ["drug_seizures_2021"], ev.bibliography, "en")
    assert "Иванов 2022" not in shipped and set(shipped) < set(cites)


def test_the_export_page_colours_by_the_users_figure(document, qapp):
    from gis_app.ui.export import MapRenderer

    renderer = MapRenderer(document.catalog, document.map, "en", [], MapEvidence.of(document))
    try:
        renderer.render(400, 300, 96)
        assert renderer.view.eval_js(KGZ_FILL) == "#c51b8a", "9.5 t: the top class, not the atlas's 3.5 t"
    finally:
        renderer.close()
    plain = MapRenderer(document.catalog, document.map, "en", [])
    try:
        plain.render(400, 300, 96)
        assert plain.view.eval_js(KGZ_FILL) == "#fde0dd", "without the project: the atlas's figure"
    finally:
        plain.close()


def test_gis_app_export_of_a_project_lists_its_sources_and_uses_its_figures(document, tmp_path, qapp):
    project = tmp_path / "mine.atlas.json"
    document.save(project)
    pdf = tmp_path / "mine.pdf"
    run = export_in_process(str(pdf), "--project", str(project), "--layers", "drug_seizures_2021,countries",
                            "--dpi", "96")
    assert run.returncode == 0, run.stderr
    text = pdf_text(pdf)
    assert "Иванов 2022" in text and "Петров 2019" in text, text[-600:]
    png, plain = tmp_path / "mine.png", tmp_path / "plain.png"
    for out, extra in ((png, ["--project", str(project)]), (plain, [])):
        run = export_in_process(str(out), *extra, "--layers", "drug_seizures_2021", "--bbox", "69,39,81,43.5",
                                "--dpi", "96", "--size", "800x600", "--no-inset", "--no-legend")
        assert run.returncode == 0, run.stderr
    from gis_app.ui.grab import colour_share
    mine, atlas = QImage(str(png)), QImage(str(plain))
    # Kyrgyzstan (a third of this extent) in the top class (#c51b8a at the layer's fill opacity over
    # white: #c668af) with the project, in the first class (#e8dee1) without it
    top, first = "#c668af", "#e8dee1"
    assert colour_share(mine, top, 8) > colour_share(atlas, top, 8) + 0.2
    assert colour_share(atlas, first, 8) > 0.2 > colour_share(mine, first, 8)


def test_the_web_map_shows_the_users_figures_and_sources(document):
    from gis_app.render.webmap import WebMapInput, webmap_data

    data = webmap_data(document.catalog, WebMapInput(state=document.map, lang="ru",
                                                     evidence=json.loads(json.dumps(document.user_evidence))))
    kgz = data["evidence"]["drug_seizures_2021"]["KGZ"]
    rows = kgz["figures"]["en"]
    mine = [r for r in rows if "(yours)" in r[0]]
    assert len(mine) == 1 and mine[0][1] == "9.5" and mine[0][0].startswith("⚠")
    assert any(r[0].startswith("⚠") and "(yours)" not in r[0] and r[1] == "> 3.5" for r in rows)
    assert "9.5 t (Иванов 2022, 2021)" in kgz["disputes"]["en"][0]
    assert kgz["disputes"]["ru"][0].startswith("⚠ Источники расходятся")
    assert any("(ваш)" in r[0] for r in kgz["figures"]["ru"])
    assert "u_ivanov2022" in kgz["cites"] and "u_ivanov2022" in data["own_sources"]
    assert data["sources"]["u_ivanov2022"].startswith("Иванов")
    assert data["initial"]["figures"] == {"drug_seizures_2021": {"KGZ": 9.5}}
    without = webmap_data(document.catalog, WebMapInput(state=document.map, lang="en"))
    assert "u_ivanov2022" not in without["sources"] and "figures" not in without["initial"]


def test_the_web_map_in_a_browser_colours_and_marks_the_users_figure(document, tmp_path):
    browser_mod = pytest.importorskip("browser")
    from test_webmap import _open

    from gis_app.render.webmap import WebMapInput, write_webmap

    out = tmp_path / "mine.html"
    write_webmap(out, document.catalog, WebMapInput(state=document.map, lang="en",
                                                    evidence=json.loads(json.dumps(document.user_evidence))))
    browser = browser_mod.Browser()
    try:
        _open(browser, out)
        assert browser.js(KGZ_FILL) == "#c51b8a", "the web map colours Kyrgyzstan by the user's 9.5 t"
        spot = browser.js("""(function () {
          var sub = atlas.layers.drug_seizures_2021.atlasAll.filter(function (s) {
            return String(s.atlasId) === 'KGZ'; })[0];
          var b = sub.getBounds(), rect = atlas.map.getContainer().getBoundingClientRect();
          for (var i = 1; i < 20; i++) for (var j = 1; j < 20; j++) {
            var p = atlas.map.latLngToContainerPoint(L.latLng(
              b.getSouth() + (b.getNorth() - b.getSouth()) * i / 20,
              b.getWest() + (b.getEast() - b.getWest()) * j / 20));
            var hit = document.elementFromPoint(p.x + rect.left, p.y + rect.top);
            if (hit && hit === sub._path) return [p.x + rect.left, p.y + rect.top];
          }
          return null; })()""")
        assert spot, "no clickable point of Kyrgyzstan"
        browser.click(*spot)
        text = browser.wait_for("(document.querySelector('.leaflet-popup-content') || {}).textContent")
        assert "Drugs seized (yours)" in text and "9.5" in text, text
        assert "⚠ Sources disagree on drugs seized" in text and "Иванов 2022" in text, text
        own = browser.js("Array.from(document.querySelectorAll('.webmap-sources li.webmap-own'))"
                         ".map(e => e.textContent)")
        assert len(own) == 1 and own[0].startswith("Иванов"), own
        if os.environ.get("ATLAS_SHOTS"):  # a picture to look at
            browser.screenshot(Path(os.environ["ATLAS_SHOTS"]) / "webmap_popup.png")
    finally:
        browser.close()
