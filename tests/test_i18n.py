"""Kazakh, Russian and English: complete translations, switching at run time, data fallback."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import close_window, make_window
from PySide6.QtCharts import QBarCategoryAxis, QValueAxis
from PySide6.QtCore import QCoreApplication, QLocale, QSettings, Qt, QTranslator
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QAbstractButton, QApplication

from gis_app.core import i18n as core_i18n
from gis_app.core import statistics
from gis_app.core.catalog import load_catalog
from gis_app.core.features import read_feature_collection
from gis_app.core.i18n import feature_name, pick
from gis_app.core.map_state import MapState
from gis_app.ui import i18n
from gis_app.ui.chart_text import plain_categories
from gis_app.ui.grab import distinct_colours
from gis_app.ui.layer_panel import ANNOTATION_ROWS, LayerPanel
from gis_app.ui.main_window import MainWindow
from gis_app.ui.map_view import MapView

REPO = Path(__file__).resolve().parent.parent
KAZAKH_LETTERS = set("әғқңөұүһіӘҒҚҢӨҰҮҺІ")
LANGS = ("kk", "ru", "en")
SHOTS = os.environ.get("GIS_APP_TEST_SHOTS")  # keep the screenshots here (default: the test's tmp_path)
# Names that stay in Latin letters in every language: file formats and their extensions, the
# resolution unit DPI, citation styles, reference managers, the Latin example of the search box
# ("Osh, Ош"), the project file pattern (*.atlas.json) and the key name in a shortcut (Shift+F5).
LATIN_NAMES = {"PNG", "png", "SVG", "svg", "PDF", "pdf", "DPI", "BibTeX", "bib", "RIS", "ris", "APA",
               "Zotero", "EndNote", "Osh", "atlas", "json", "Shift", "UTF", "HTML", "html", "USB",
               "GeoTIFF", "tif", "pgw", "prj",
               # file formats and coordinate systems a user imports by these names (issue 13)
               "geojson", "GeoJSON", "shp", "zip", "gpkg", "GeoPackage", "kml", "kmz", "gpx", "fgb", "csv",
               "tsv", "txt", "xlsx", "EPSG", "UTM", "WGS", "WKT", "rrggbb",
               "Esc", "Enter",  # keys, as the keyboard names them (digitising)
               # bibliography formats and identifiers (issue 18)
               "CSL", "JSON", "Mendeley", "CSV", "DOI", "URL", "http", "https", "doi", "org", "abcd",
               # tile archives and image formats of the user's basemap (issue 12)
               "MBTiles", "PMTiles", "mbtiles", "pmtiles", "JPEG", "WebP", "AVIF",
               # the team workspace's files and command, typed as they are (issue 15)
               "pgpass", "pg_service", "service", "conf", "gis", "app", "team", "migrate"}


def _shot(tmp_path: Path, name: str) -> Path:
    return Path(SHOTS) / name if SHOTS else tmp_path / name


def ts_entries(path: Path) -> list[dict]:
    entries = []
    for context in ET.parse(path).getroot().iter("context"):
        for message in context.iter("message"):
            tr = message.find("translation")
            if message.get("numerus") == "yes":
                forms = [f.text or "" for f in tr.findall("numerusform")]
            else:
                forms = [tr.text or ""]
            entries.append({"context": context.findtext("name"), "source": message.findtext("source"),
                            "type": tr.get("type", ""), "texts": forms})
    return entries


def translate_in(lang: str, context: str, source: str) -> str:
    """What the compiled .qm of `lang` says for one entry (independently of the installed one)."""
    translator = QTranslator()
    assert translator.load(str(i18n.qm_path(lang)))
    return translator.translate(context, source) or source


# --- the .ts files ------------------------------------------------------------------------------
@pytest.mark.parametrize("lang", LANGS)
def test_every_entry_is_translated(lang):
    entries = ts_entries(i18n.ts_path(lang))
    bad = [(e["context"], e["source"], e["type"] or "empty") for e in entries
           if e["type"] in ("unfinished", "obsolete", "vanished") or not all(t.strip() for t in e["texts"])]
    assert bad == []
    if lang != "en":  # English is the source: its .ts holds plural forms only
        assert len(entries) >= 30


def lupdate_entries(tmp_path: Path) -> set[tuple[str, str]]:
    """Every translatable literal in gis_app/, as lupdate (the tool Qt's lookup matches) sees it."""
    out = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "gis_app").rglob("*.py"))
    result = subprocess.run([i18n.qt_tool("lupdate"), *sources, "-ts", str(out), "-locations", "none",
                             "-target-language", "kk_KZ"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return {(e["context"], e["source"]) for e in ts_entries(out)}


def test_every_tr_literal_in_the_code_is_in_each_ts(tmp_path):
    in_code = lupdate_entries(tmp_path)
    assert ("MainWindow", "&View") in in_code and ("Coordinates", "{0}° N") in in_code
    for lang in ("kk", "ru"):
        in_ts = {(e["context"], e["source"]) for e in ts_entries(i18n.ts_path(lang))}
        assert sorted(in_code - in_ts) == [], f"run scripts/update_translations.py ({lang})"
        assert sorted(in_ts - in_code) == [], f"obsolete entries in atlas_{lang}.ts"


def test_tr_calls_take_literals_lupdate_can_read():
    """tr(f"...") or tr(variable) is invisible to lupdate and never translated. The registries of
    actions and docks (ui/actions.py, ui/docks.py) translate declarations whose texts lupdate reads
    from their QT_TRANSLATE_NOOP marks: the test above checks those are in the .ts files."""
    offenders = []
    for path in (REPO / "gis_app").rglob("*.py"):
        if path.name in ("actions.py", "docks.py") and "QT_TRANSLATE_NOOP(" in path.read_text():
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            literal_args = {"tr": node.args[:1], "translate": node.args[:2]}.get(node.func.attr)
            if literal_args is None or (node.func.attr == "translate"
                                        and getattr(node.func.value, "id", "") != "QCoreApplication"):
                continue
            if not all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literal_args):
                offenders.append(f"{path.name}:{node.lineno}")
    assert offenders == []


def test_translations_are_real_kazakh_and_russian():
    kk = ts_entries(i18n.ts_path("kk"))
    ru = {(e["context"], e["source"]): e["texts"][0] for e in ts_entries(i18n.ts_path("ru"))}
    kk_text = "".join(e["texts"][0] for e in kk)
    assert KAZAKH_LETTERS & set(kk_text), "no Kazakh letter in the Kazakh translation"
    assert sum(1 for e in kk if KAZAKH_LETTERS & set(e["texts"][0])) >= len(kk) // 3
    assert not KAZAKH_LETTERS & set("".join(ru.values())), "Kazakh letters in the Russian translation"
    for texts in (ru.values(), (e["texts"][0] for e in kk)):
        for text in texts:  # no English left behind: Latin words only for names such as PNG
            assert not (set(re.findall(r"[A-Za-z]{3,}", text)) - LATIN_NAMES), text
    differing = sum(1 for e in kk if e["texts"][0] != ru[(e["context"], e["source"])])
    assert differing >= len(kk) * 2 // 3, "the Kazakh file looks like a copy of the Russian one"


@pytest.mark.parametrize("lang", LANGS)
def test_the_compiled_translations_load(lang, tmp_path, monkeypatch, qapp):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))  # a fresh checkout: nothing compiled yet
    qm = i18n.qm_path(lang)
    assert qm is not None and qm.exists() and tmp_path in qm.parents
    translator = QTranslator()
    assert translator.load(str(qm)) is True
    if lang != "en":
        assert translator.translate("MainWindow", "&View") not in ("", "&View")
    qt_dir = i18n.QLibraryInfo.path(i18n.QLibraryInfo.LibraryPath.TranslationsPath)
    if lang != "en":
        assert QTranslator().load(f"qtbase_{lang}", qt_dir), "Qt's own translation (dialog buttons)"


def test_an_edited_ts_is_compiled_again(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("GIS_APP_ROOT", str(tmp_path))
    (tmp_path / "resources" / "i18n").mkdir(parents=True)
    ts = tmp_path / "resources" / "i18n" / "atlas_ru.ts"
    text = (REPO / "resources" / "i18n" / "atlas_ru.ts").read_text(encoding="utf-8")
    ts.write_text(text, encoding="utf-8")
    first = i18n.qm_path("ru")
    edited = text.replace("<translation>&amp;Вид</translation>", "<translation>&amp;Обзор</translation>")
    assert edited != text
    ts.write_text(edited, encoding="utf-8")
    second = i18n.qm_path("ru")
    assert second != first and not first.exists()
    translator = QTranslator()
    assert translator.load(str(second)) and translator.translate("MainWindow", "&View") == "&Обзор"


# --- locale ------------------------------------------------------------------------------------------
def test_first_run_follows_the_system_locale(tmp_path):
    assert i18n.system_language(QLocale("kk_KZ")) == "kk"
    assert i18n.system_language(QLocale("ru_KZ")) == "ru"
    assert i18n.system_language(QLocale("de_DE")) == "en"
    empty = QSettings(str(tmp_path / "first-run.ini"), QSettings.Format.IniFormat)
    assert i18n.initial_language(empty) == i18n.system_language()
    assert i18n.initial_language(empty, "kk") == "kk"   # --lang overrides
    i18n.remember_language(empty, "ru")
    assert i18n.initial_language(empty) == "ru"
    assert i18n.initial_language(empty, "en") == "en"


def test_numbers_follow_the_locale_and_core_agrees_with_qt():
    assert QLocale("kk_KZ").language() == QLocale.Language.Kazakh  # Qt has Kazakh locale data
    assert i18n.format_scale(5_000_000, "kk") == "1:5\u00a0000\u00a0000"
    assert i18n.format_scale(5_000_000, "en") == "1:5,000,000"
    assert i18n.format_number(41.25, "ru", 2) == "41,25"
    for lang in LANGS:
        for value, decimals in ((5_000_000, 0), (1234.5678, 2), (-987654.3, 1), (0.125, 3), (999, 0)):
            assert core_i18n.format_number(value, lang, decimals) == i18n.format_number(value, lang, decimals)


def test_dates_follow_the_locale():
    assert i18n.format_date("2022-05", "en") == "May 2022"
    assert i18n.format_date("2022-05", "ru") == "май 2022 г."
    assert i18n.format_date("2022-05-03", "ru") == "3 мая 2022 г."
    assert i18n.format_date("2022-05", "kk") == "2022 ж. мамыр"
    assert i18n.format_date("not a date", "kk") == "not a date"


# --- the running window -------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(size=(1200, 780))
    yield win
    i18n.install("en")
    close_window(win)


def switch(window, qtbot, lang: str) -> None:
    window.set_language(lang)
    expected = translate_in(lang, "MainWindow", "&View") if lang != "en" else "&View"
    qtbot.waitUntil(lambda: window.view_menu.title() == expected, timeout=5000)


def menu_titles(window) -> list[str]:
    """File, View and Help menus' titles (other menus may sit between them)."""
    return [m.title() for m in (window.file_menu, window.view_menu, window.help_menu)]


def test_switching_language_changes_menus_panel_and_status_bar_at_once(window, qtbot):
    switch(window, qtbot, "en")
    english = menu_titles(window)
    assert english[:3] == ["&File", "&View", "&Help"]
    switch(window, qtbot, "kk")
    kazakh = menu_titles(window)
    assert kazakh[:3] == [translate_in("kk", "MainWindow", s) for s in ("&File", "&View", "&Help")]
    assert kazakh[1:3] == ["&Көрініс", "&Анықтама"] and kazakh != english
    assert window.windowTitle().endswith("— Орталық Азия қауіпсіздігі атласы")  # "<project>[*] — …"
    assert window.layer_dock.windowTitle() == "Қабаттар"
    assert window.language_actions["kk"].isChecked()
    assert [a.text() for a in window.language_menu.actions()] == ["Қазақша", "Русский", "English"]
    # the layer panel: Qt texts (header) and data (group and layer titles from the TOML files)
    model = window.layer_panel.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Қабат"
    countries = model.layer_index("countries")
    assert model.data(countries) == window.catalog.layer("countries").title["kk"] == "Елдер"
    borders = model.index(ANNOTATION_ROWS, 0)
    assert model.data(borders) == pick(window.catalog.groups[0].title, "kk")
    assert KAZAKH_LETTERS & set(model.data(borders))
    tooltip = model.data(model.layer_index("places"), Qt.ItemDataRole.ToolTipRole)
    assert window.catalog.layer("places").description["kk"] in tooltip and "2026 ж. шілде" in tooltip
    # the status bar: words and number formats of the locale
    window.map.bridge.cursor_moved.emit(41.3111, 69.2797)
    assert window.cursor_label.text() == "41,3111° с. е.  69,2797° ш. б."
    window.map.evaluate("setView", 41.3, 69.3, 6)
    qtbot.waitUntil(lambda: window.zoom_label.text() == "Масштаб 6", timeout=5000)
    assert re.fullmatch(r"≈ 1:\d{1,3}(\u00a0\d{3})+", window.scale_label.text())
    switch(window, qtbot, "ru")
    assert menu_titles(window)[1] == "&Вид" and window.layer_dock.windowTitle() == "Слои"
    assert model.data(countries) == "Страны"
    assert window.cursor_label.text() == "41,3111° с. ш.  69,2797° в. д."
    switch(window, qtbot, "en")
    assert menu_titles(window) == english and model.data(countries) == "Countries"
    assert window.cursor_label.text() == "41.3111° N  69.2797° E"


def page_labels(view, layer_id):
    return view.evaluate("labelTexts", layer_id)


def test_switching_language_relabels_the_map_without_reloading(window, qtbot):
    switch(window, qtbot, "en")
    load_id = window.map.evaluate("state")["loadId"]
    features = read_feature_collection(window.catalog.layer("places").data)
    kk_names = [feature_name(f["properties"], "kk") for f in features]
    qtbot.waitUntil(lambda: len(page_labels(window.map, "places")) == len(features), timeout=10000)
    assert "Bishkek" in page_labels(window.map, "places")
    switch(window, qtbot, "kk")
    qtbot.waitUntil(lambda: page_labels(window.map, "places") == kk_names, timeout=5000)
    assert "Бішкек" in kk_names  # the Kazakh spelling, not the Russian Бишкек
    shown = window.map.eval_js(
        "Array.from(document.querySelectorAll('.atlas-label')).map(e => e.textContent)")
    assert "Бішкек" in shown and "Bishkek" not in shown
    assert window.map.eval_js("document.querySelector('.leaflet-control-zoom-in').title") == "Жақындату"
    scale = window.map.eval_js("document.querySelector('.leaflet-control-scale-line').textContent")
    assert re.fullmatch(r"\d+ (км|м)", scale), scale
    assert window.map.evaluate("state")["loadId"] == load_id, "the page was reloaded"
    switch(window, qtbot, "en")
    qtbot.waitUntil(lambda: "Bishkek" in page_labels(window.map, "places"), timeout=5000)
    assert window.map.eval_js("document.querySelector('.leaflet-control-zoom-in').title") == "Zoom in"


def test_an_open_popup_and_the_selection_follow_the_language(window, qtbot):
    switch(window, qtbot, "en")
    window.state.set_visible("countries", True)
    assert window.map.evaluate("select", "countries", "KAZ") is True
    qtbot.waitUntil(lambda: window.selection == ("countries", "KAZ"), timeout=5000)
    title = "document.querySelector('.atlas-popup-title').textContent"
    assert window.map.eval_js(title) == "Kazakhstan"
    first_row = "[...document.querySelectorAll('.atlas-popup tr')[0].children].map(c => c.textContent)"
    assert "Kazakhstan" in window.selection_label.text()
    switch(window, qtbot, "kk")
    qtbot.waitUntil(lambda: window.map.eval_js(title) == "Қазақстан", timeout=5000)
    row = window.map.eval_js(first_row)
    assert row == ["Ел", "Қазақстан"]  # the field label from countries.toml, the name in Kazakh
    assert window.selection_label.text() == "Таңдалды: Қазақстан — Елдер"
    switch(window, qtbot, "en")


def test_kazakh_window_shows_every_letter_and_nothing_cut_off(window, qtbot, tmp_path):
    switch(window, qtbot, "kk")
    qtbot.wait(300)
    # Every character of the Kazakh texts is in the interface font (no boxes).
    metrics = QFontMetrics(QApplication.font())
    text = "".join(e["texts"][0] for e in ts_entries(i18n.ts_path("kk")))
    text += "".join(pick(g.title, "kk") for g in window.catalog.groups)
    missing = sorted({c for c in text if not c.isspace() and not metrics.inFontUcs4(ord(c))})
    assert missing == []
    # Nothing cut off: every column title of the layer tree, every menu title and every visible
    # button and check box of the window is at least as wide as its Kazakh text needs.
    header = window.layer_panel.tree.header()
    model = window.layer_panel.model
    for column in range(model.columnCount()):
        title = model.headerData(column, Qt.Orientation.Horizontal) or ""
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(title), title
    bar = window.menuBar()
    for action in bar.actions():
        text = action.text().replace("&", "")
        if action.isVisible() and text:
            assert bar.actionGeometry(action).width() >= bar.fontMetrics().horizontalAdvance(text), text
    buttons = [w for w in window.findChildren(QAbstractButton) if w.isVisible() and w.text()]
    assert len(buttons) >= 8  # the toolbars' and panels' buttons
    cut = [w.text() for w in buttons if w.width() < w.minimumSizeHint().width()]
    assert cut == []
    image = window.grab().toImage()
    out = Path(SHOTS or tmp_path) / "window-kk.png"
    assert image.save(str(out))
    # The picture is the whole window with a painted map in it (not a blank or half-drawn grab).
    ratio = image.devicePixelRatio()
    assert (image.width(), image.height()) == (round(window.width() * ratio), round(window.height() * ratio))
    assert distinct_colours(image) > 100
    switch(window, qtbot, "en")


def _claim_rows(info) -> list[list[str]]:
    table = info.claims_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_figures_in_the_info_panel_follow_the_language(window, qtbot, tmp_path):
    """Indonesia's disputed personnel figures: Kazakh label and unit, 2 735 / 2 752 with the locale's
    no-break space, a Kazakh disagreement line; a switch to Russian relabels the panel at once."""
    switch(window, qtbot, "kk")
    window.select_feature("pk_contributors", "IDN")
    window.info_dock.show()
    window.info_dock.raise_()
    qtbot.wait(200)
    info = window.info_panel
    kk_label = statistics.indicator_label("uniformed_personnel", "kk")
    assert KAZAKH_LETTERS & set(kk_label)
    rows = _claim_rows(info)
    personnel = [r for r in rows if kk_label in r[0]]
    assert sorted(r[1] for r in personnel) == ["2\u00a0735", "2\u00a0752"]
    assert {r[2] for r in personnel} == {"адам"} and all(r[0].startswith("⚠") for r in personnel)
    assert {r[3] for r in personnel} == {"2024", "2024-12-31"}, "dates are not numbers"
    assert not [r for r in rows if re.search(r"[A-Za-z]", r[0] + r[1] + r[2])], "no English label or unit"
    dispute = info.dispute_label.text()
    sentence = translate_in("kk", "InfoPanel", "⚠ Sources disagree on {0}: {1}")
    assert dispute.startswith(sentence.split("{0}")[0]) and kk_label in dispute
    assert "2\u00a0735 адам" in dispute and "2\u00a0752 адам" in dispute
    assert not re.search(r"personnel|uniformed|persons", dispute, re.I)
    assert window.info_dock.grab().save(str(_shot(tmp_path, "info-kk.png")))
    switch(window, qtbot, "ru")  # the panel shows the same feature, now in Russian
    ru_label = statistics.indicator_label("uniformed_personnel", "ru")
    rows = _claim_rows(info)
    assert sorted(r[1] for r in rows if ru_label in r[0]) == ["2\u00a0735", "2\u00a0752"]
    assert {r[2] for r in rows if ru_label in r[0]} == {"чел."}
    assert f"«{ru_label}»" in info.dispute_label.text()
    qtbot.wait(200)  # the old attribute rows are deleted later
    assert window.info_dock.grab().save(str(_shot(tmp_path, "info-ru.png")))
    switch(window, qtbot, "en")
    assert sorted(r[1] for r in _claim_rows(info) if "Uniformed personnel" in r[0]) == ["2,735", "2,752"]


def test_chart_labels_follow_the_language(window, qtbot, tmp_path):
    switch(window, qtbot, "ru")
    panel = window.stats_panel
    window.stats_dock.show()
    window.stats_dock.raise_()
    panel.show_chart("peacekeepers")
    qtbot.wait(200)
    chart = panel.view.chart()
    categories = list(panel.category_labels(panel.data).values())  # the axis wraps long ones
    assert len(categories) == len(next(a for a in chart.axes()
                                       if isinstance(a, QBarCategoryAxis)).categories())
    values = next(a for a in chart.axes() if isinstance(a, QValueAxis))
    assert "Индонезия  2\u00a0752 ≠" in categories and "Китай  1\u00a0802 ≠" in categories
    assert values.titleText() == "чел."
    assert panel.axis_title(panel.data, full=True) == (
        "Военный и полицейский персонал в миротворческих операциях ООН, чел.")
    assert chart.localizeNumbers() and chart.locale().decimalPoint() == ","
    notes = panel.notes_label.text()
    assert "2\u00a0735 чел." in notes and "2\u00a0752 чел." in notes and "persons" not in notes
    assert window.stats_dock.grab().save(str(_shot(tmp_path, "chart-peacekeepers-ru.png")))
    assert panel.save(str(_shot(tmp_path, "chart-peacekeepers-ru-export.png")))
    panel.show_chart("defence_gdp")
    gdp = next(a for a in panel.view.chart().axes() if isinstance(a, QValueAxis))
    assert gdp.titleText() == "%"
    assert panel.axis_title(panel.data, full=True) == "Доля военных расходов в ВВП, %"
    assert any(c.endswith("1,5") for c in plain_categories(next(a for a in panel.view.chart().axes()
                                                                if isinstance(a, QBarCategoryAxis))))
    switch(window, qtbot, "kk")  # a switch redraws the chart shown
    panel.show_chart("casualties")
    qtbot.wait(200)
    assert next(a for a in panel.view.chart().axes() if isinstance(a, QValueAxis)).titleText() == "адам"
    assert window.stats_dock.grab().save(str(_shot(tmp_path, "chart-casualties-kk.png")))
    switch(window, qtbot, "en")
    panel.show_chart("peacekeepers")
    assert "Indonesia  2,752 ≠" in panel.category_labels(panel.data).values()
    window.info_dock.raise_()


def test_the_language_is_remembered_across_a_restart(qtbot):
    catalog = load_catalog()
    first = MainWindow(catalog, restore=True)
    qtbot.addWidget(first)
    first.set_language("ru")
    first.close()
    second = MainWindow(catalog, restore=True)
    qtbot.addWidget(second)
    try:
        assert second.lang == "ru" and second.map.lang == "ru"
        qtbot.waitUntil(lambda: menu_titles(second)[1] == "&Вид", timeout=5000)
        assert second.language_actions["ru"].isChecked()
        assert second.layer_panel.model.data(second.layer_panel.model.layer_index("countries")) == "Страны"
        third = MainWindow(catalog, lang="kk", restore=True)  # --lang wins over the remembered one
        qtbot.addWidget(third)
        assert third.lang == "kk"
        third.close()
    finally:
        second.set_language("en")  # leave the shared test settings as they were
        second.close()
        QSettings("CentralAsiaSecurityAtlas", "gis-app").remove(i18n.SETTINGS_KEY)
    i18n.install("en")


# --- data fallback -----------------------------------------------------------------------------------
def test_a_layer_without_kazakh_falls_back_to_russian(qtbot, scratch_catalog, tmp_path):
    folder = tmp_path / "layers"
    (tmp_path / "data" / "ruonly.geojson").write_text(json.dumps({"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "p1", "name": "Osh", "name_ru": "Ош город"},
         "geometry": {"type": "Point", "coordinates": [72.8, 40.5]}}]}), encoding="utf-8")
    (folder / "ruonly.toml").write_text(
        'id = "ruonly"\ngroup = "borders"\ngeometry = "point"\ndata = "data/ruonly.geojson"\n'
        'label_field = "name"\n'
        '[title]\nen = "English only title"\nru = "Только русское название"\n'
        '[description]\nen = "English description"\nru = "Русское описание"\n', encoding="utf-8")
    catalog = load_catalog(folder)
    assert "ruonly" in catalog.ids(), catalog.problems
    state = MapState(catalog)
    panel = LayerPanel(catalog, state, "kk")
    qtbot.addWidget(panel)
    index = panel.model.layer_index("ruonly")
    assert panel.model.data(index) == "Только русское название"
    assert "Русское описание" in panel.model.data(index, Qt.ItemDataRole.ToolTipRole)
    panel.set_lang("en")
    assert panel.model.data(index) == "English only title"
    # and on the map: a feature with no Kazakh name is labelled in Russian
    view = MapView(catalog, state, "kk")
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.load_atlas()
    assert view.wait_ready(30000)
    qtbot.waitUntil(lambda: page_labels(view, "ruonly") == ["Ош город"], timeout=5000)
    view.set_lang("en")
    qtbot.waitUntil(lambda: page_labels(view, "ruonly") == ["Osh"], timeout=5000)
    view.shutdown()


def test_translate_helper_sees_the_installed_language(window, qtbot):
    switch(window, qtbot, "ru")
    assert QCoreApplication.translate("MapView", "km") == "км"
    assert QLocale().name() == "ru_RU"  # numbers and dates formatted from now on are Russian
    assert QLocale().toString(5000000) == "5\u00a0000\u00a0000"
    switch(window, qtbot, "en")
    assert QCoreApplication.translate("MapView", "km") == "km"
