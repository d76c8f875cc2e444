"""The analyst's panels in the window: info, statistics, sources, attribute table, search, time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import close_window, make_window
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QDesktopServices, QGuiApplication, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from gis_app.core.map_state import MapState
from gis_app.ui.chart_text import plain_categories
from gis_app.ui.grab import distinct_colours
from gis_app.ui.map_view import MapView


@pytest.fixture(scope="module")
def window(qapp):
    win = make_window(size=(1400, 900))
    yield win
    close_window(win)


# Screenshots for a person to look at, only when asked for (never into the system temp folder).
_SHOTS = Path(os.environ["GIS_APP_TEST_SHOTS"]) if os.environ.get("GIS_APP_TEST_SHOTS") else None


def page(window, expression):
    return window.map.eval_js(expression)


def test_a_click_on_the_map_fills_the_info_panel(window, qtbot):
    window.state.set_visible("border_disputes", True)
    qtbot.waitUntil(lambda: page(window, "atlas.featureCount('border_disputes')") > 0, timeout=5000)
    assert window.map.evaluate("select", "border_disputes", "vorukh") is True  # what a click runs
    qtbot.waitUntil(lambda: window.info_panel.current == ("border_disputes", "vorukh"), timeout=5000)
    info = window.info_panel
    assert info.title.text() == "Vorukh"
    table = info.claims_table
    values = {table.item(r, 1).text() for r in range(table.rowCount())}
    assert {"23,000", "29,000"} <= {v.lstrip("≈ ") for v in values}
    assert any("ocha" in c for c in info.citation_ids("border_disputes", "vorukh"))
    assert window.selection == ("border_disputes", "vorukh")


def test_info_panel_shows_claims_citations_in_both_styles_and_the_indonesia_disagreement(window, qtbot):
    window.select_feature("pk_contributors", "IDN")
    info = window.info_panel
    assert info.title.text() == "Indonesia"
    assert window.state.get("pk_contributors").visible, "selecting a feature shows its layer"
    table = info.claims_table
    rows = [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]
    personnel = [r for r in rows if "Uniformed personnel" in r[0]]
    assert sorted(r[1] for r in personnel) == ["2,735", "2,752"]
    assert all(r[0].startswith("⚠") for r in personnel), "both disagreeing rows are marked"
    assert all(not r[0].startswith("⚠") for r in rows if "rank" in r[0].lower())
    assert info.dispute_label.isVisibleTo(info)
    assert "2,735" in info.dispute_label.text() and "2,752" in info.dispute_label.text()
    assert {r[3] for r in personnel} == {"2024", "2024-12-31"} and all(r[4] for r in personnel)

    info.set_style("apa")
    apa = info.citation_texts()
    assert any(t.startswith("Kurmangali, A. K., & Jaukhan, Y. M. (2025).") for t in apa)
    info.set_style("gost")
    gost = info.citation_texts()
    assert any(t.startswith("Kurmangali A. K., Jaukhan Y. M.") for t in gost)
    assert len(apa) == len(gost) and apa != gost
    assert window.sources_panel.style == "gost", "the sources panel follows the setting"
    info.set_style("apa")
    qtbot.waitUntil(lambda: page(window, "atlas.highlighted") == "pk_contributors/IDN", timeout=5000)


def test_citation_buttons_copy_and_open_in_the_system_browser(window, monkeypatch):
    window.select_feature("pk_contributors", "IDN")
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl",
                        staticmethod(lambda url: opened.append(url.toString()) or True))
    rows = window.info_panel.citation_rows
    linked = [r for r in rows if r.url]
    assert linked and all(not r.open_button.isHidden() for r in linked)
    assert all(r.open_button.isHidden() for r in rows if not r.url)
    QTest.mouseClick(linked[0].open_button, Qt.MouseButton.LeftButton)
    assert opened == [linked[0].url]
    assert window.map.url().scheme() == "file", "the link did not open inside the atlas"
    QTest.mouseClick(rows[0].copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == rows[0].text


def test_attribute_table_filters_and_selects_both_ways(window, qtbot):
    table = window.attribute_table
    table.set_layer("conflict_incidents")
    total = table.model.rowCount()
    assert total == len(window.features.layer("conflict_incidents").features)
    assert table.model.column_label(0) == "Event", "columns carry the layer's popup labels"
    table.set_filter("2022")
    assert table.visible_feature_ids() == ["kg_tj_2022"]
    assert table.count_label.text() == f"1 of {total}"
    table.set_filter("")
    assert len(table.visible_feature_ids()) == total
    # sorting: by the "From" column, descending, the newest incident comes first
    column = table.model.columns.index("date_start")
    table.view.sortByColumn(column, Qt.SortOrder.DescendingOrder)
    assert table.visible_feature_ids()[0] == "kg_tj_2022"

    # row -> map: the feature is selected, highlighted, shown in the info panel
    row = table.visible_feature_ids().index("osh_2010")
    table.view.selectRow(row)
    assert window.selection == ("conflict_incidents", "osh_2010")
    assert window.info_panel.current == ("conflict_incidents", "osh_2010")
    qtbot.waitUntil(lambda: page(window, "atlas.highlighted") == "conflict_incidents/osh_2010", timeout=5000)

    # map -> row (a click runs atlas.select)
    assert window.map.evaluate("select", "conflict_incidents", "kg_tj_2021") is True
    qtbot.waitUntil(lambda: table.selected_feature_id() == "kg_tj_2021", timeout=5000)
    # another layer's feature switches the table to that layer
    window.select_feature("pk_missions", "unifil")
    assert table.model.layer_id == "pk_missions" and table.selected_feature_id() == "unifil"

    zooms = []
    table.zoom_requested.connect(lambda lid, fid: zooms.append((lid, fid)))
    QTest.mouseClick(table.zoom_button, Qt.MouseButton.LeftButton)
    assert zooms == [("pk_missions", "unifil")]


@pytest.mark.parametrize("query", ["Ворух", "Vorukh"])
def test_search_finds_vorukh_and_zooms_to_it(window, qtbot, query):
    window.map.evaluate("setView", 42.0, 66.0, 5)
    box = window.search_box
    box.setText(query)
    assert box.wait_indexed()  # the index is built in a worker thread on first use
    hits = box.search(query)
    assert hits and hits[0].name == "Vorukh"
    assert box.results.rowCount() == len(hits)
    assert box.choose_first()
    assert window.selection == (hits[0].layer_id, hits[0].feature_id)
    assert window.info_panel.title.text() == "Vorukh"
    qtbot.waitUntil(lambda: window.map.evaluate("state")["zoom"] >= 9, timeout=5000)
    lat, lon = window.map.evaluate("state")["center"]
    assert abs(lat - 39.85) < 0.3 and abs(lon - 70.6) < 0.3, (lat, lon)


def test_time_filter_hides_the_2022_clashes_on_the_map_and_in_the_chart(window, qtbot):
    shown = "atlas.shownFeatures('conflict_incidents')"
    window.state.set_visible("conflict_incidents", True)
    qtbot.waitUntil(lambda: "kg_tj_2022" in (page(window, shown) or []), timeout=5000)
    window.stats_panel.show_chart("casualties")
    assert "2022" in [k for k, _ in window.stats_panel.data.categories]

    window.time_filter.set_range(1990, 2021)
    assert window.state.time_range == (1990, 2021)
    qtbot.waitUntil(lambda: "kg_tj_2022" not in page(window, shown), timeout=5000)
    assert {"kg_tj_2021", "osh_2010", "sughd_1990s"} <= set(page(window, shown))
    assert "2022" not in [k for k, _ in window.stats_panel.data.categories]
    assert "1990–2021" in window.stats_panel.title_label.text()
    missions = page(window, "atlas.shownFeatures('pk_missions')")
    assert "minusca" in missions and "unifil" not in missions  # by start year: 2014 and 1978

    window.time_filter.set_range(1970, 2010)
    qtbot.waitUntil(lambda: "minusca" not in page(window, "atlas.shownFeatures('pk_missions')"), timeout=5000)
    assert "unifil" in page(window, "atlas.shownFeatures('pk_missions')")

    window.time_filter.enabled_box.setChecked(False)
    assert window.state.time_range is None
    qtbot.waitUntil(lambda: "kg_tj_2022" in page(window, shown), timeout=5000)


def test_play_steps_the_end_year(window):
    tf = window.time_filter
    tf.set_range(2019, 2020)
    tf.step()
    assert window.state.time_range == (2019, 2021)
    tf.set_range(2019, tf.bounds[1])
    tf.step()
    assert window.state.time_range == (2019, tf.bounds[1]), "stops at the last year"
    tf.enabled_box.setChecked(False)


def test_the_first_paint_honours_a_saved_time_range(qtbot, catalog):
    state = MapState(catalog)
    state.set_time_range((1990, 2021))
    view = MapView(catalog, state)
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    view.load_atlas()
    assert view.wait_ready(30000)
    shown = view.eval_js("atlas.shownFeatures('conflict_incidents')")
    assert "kg_tj_2021" in shown and "kg_tj_2022" not in shown
    view.shutdown()


def test_a_chart_saves_to_png_and_svg_with_its_source_line(window, tmp_path):
    panel = window.stats_panel
    panel.show_chart("peacekeepers")
    assert "Kurmangali & Jaukhan 2025" in panel.sources_label.text()
    assert "2,735" in panel.notes_label.text() and "2,752" in panel.notes_label.text()
    png = tmp_path / "chart.png"
    assert panel.save(str(png))
    image = QImage(str(png))
    assert (image.width(), image.height()) == (1400, 900)
    assert image.text("Source") == panel.sources_text() and "Kurmangali" in image.text("Source")
    assert distinct_colours(image) > 20
    # the source lines are painted under the chart: dark text pixels in the bottom strip
    bottom = image.copy(0, image.height() - 120, image.width(), 120)
    dark = sum(1 for y in range(0, bottom.height(), 2) for x in range(0, bottom.width(), 2)
               if QColor(bottom.pixel(x, y)).lightness() < 100)
    assert dark > 200, "no source line under the chart"
    asean = QColor("#2b8cbe").rgb()
    assert any(image.pixel(x, y) == asean for y in range(0, 800, 4) for x in range(0, 1400, 4))
    svg = tmp_path / "chart.svg"
    assert panel.save(str(svg))
    text = svg.read_text(encoding="utf-8")
    assert "<svg" in text and "Sources:" in text and "Kurmangali" in text


def test_the_chart_and_sources_save_dialogs_write_or_say_why_not(window, tmp_path, prompts):
    prompts.queue("save_file", str(tmp_path / "chart.png"))
    window.stats_panel._save_dialog("png")
    assert prompts.asked[-1].kind == "export" and prompts.asked[-1].text.endswith(".png")
    assert QImage(str(tmp_path / "chart.png")).width() == 1400
    prompts.queue("save_file", str(tmp_path / "no-such-folder" / "chart.svg"))
    window.stats_panel._save_dialog("svg")
    assert "Could not write" in prompts.messages("warn")[-1].text
    prompts.queue("save_file", str(tmp_path / "atlas.bib"))
    window.sources_panel._export_dialog("bib")
    assert (tmp_path / "atlas.bib").read_text(encoding="utf-8").startswith("@")
    prompts.queue("save_file", None)  # cancelled: nothing written, nothing said
    window.sources_panel._export_dialog("ris")
    prompts.queue("save_file", str(tmp_path / "no-such-folder" / "s.ris"))
    window.sources_panel._export_dialog("ris")
    assert len(prompts.messages("warn")) == 2 and "s.ris" in prompts.messages("warn")[-1].text


def test_estimates_are_marked_and_named(window):
    panel = window.stats_panel
    panel.show_chart("defence_usd")
    estimated = [b.label for b in panel.data.bars if b.estimate]
    assert estimated
    axis = panel.view.chart().axes(Qt.Orientation.Vertical)[0]
    assert all(any(label.startswith(name) and "(est.)" in label for label in plain_categories(axis))
               for name in estimated)
    assert all(name in panel.notes_label.text() for name in estimated)


def test_clicking_a_bar_selects_its_country(window, qtbot):
    panel = window.stats_panel
    panel.show_chart("seizures")
    window.stats_dock.show()
    window.stats_dock.raise_()
    qtbot.waitUntil(lambda: panel.view.isVisible(), timeout=3000)
    chart = panel.view.chart()
    series = chart.series()[0]
    keys = [k for k, _ in panel.data.categories][::-1]   # horizontal bars: first category on top
    target = keys.index("KAZ")
    value = panel.data.bar("KAZ", "value").value
    point = chart.mapToPosition(QPointF(value / 2, target), series)
    view_point = panel.view.mapFromScene(point)
    QTest.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     view_point)
    qtbot.waitUntil(lambda: window.selection == ("drug_seizures_2021", "KAZ"), timeout=3000)
    assert window.info_panel.title.text() == "Kazakhstan"


def test_sources_panel_lists_the_visible_layers_sources_and_exports(window, tmp_path):
    panel = window.sources_panel
    window.state.set_visible("membership_csto", False)
    before = list(panel.ids)
    window.state.set_visible("membership_csto", True)
    assert "csto_org" in panel.ids and "csto_org" not in before
    assert len(panel.entries()) == len(panel.ids)
    bib, ris = tmp_path / "s.bib", tmp_path / "s.ris"
    panel.export(str(bib))
    panel.export(str(ris))
    assert bib.read_text(encoding="utf-8").count("\n@") + 1 == len(panel.ids)
    assert ris.read_text(encoding="utf-8").count("TY  - ") == len(panel.ids)
    window.state.set_visible("membership_csto", False)


def test_every_dock_has_a_view_menu_toggle(window):
    """Every dock the window has (found, not listed here), each with its own toggle in View."""
    docks = window.findChildren(QDockWidget)
    names = {d.objectName() for d in docks}
    assert {"layerDock", "slidesDock"} <= names and len(docks) >= 7
    in_menu = window.view_menu.actions()
    for dock in docks:
        assert dock.toggleViewAction() in in_menu, f"{dock.objectName()} has no View menu toggle"
        assert dock.toggleViewAction().text() == dock.windowTitle() != ""


def test_panels_open_on_demand_and_the_map_keeps_its_room(window, qtbot):
    """A hidden dock opens from its toggle (what the toolbar button and the View menu do) and
    closes again; a selection opens the Info panel, hidden or not, in front."""
    for dock in (window.stats_dock, window.sources_dock, window.table_dock, window.time_dock):
        dock.hide()
        qtbot.waitUntil(lambda d=dock: not d.isVisible(), timeout=2000)
        dock.toggleViewAction().trigger()
        qtbot.waitUntil(lambda d=dock: d.isVisible(), timeout=2000)
        dock.toggleViewAction().trigger()
        qtbot.waitUntil(lambda d=dock: not d.isVisible(), timeout=2000)
    window.info_dock.hide()
    window.table_dock.toggleViewAction().trigger()
    window.select_feature("pk_contributors", "IDN")
    assert window.info_dock.isVisible() and window.table_dock.isVisible()
    assert not window.info_dock.visibleRegion().isEmpty(), "a selection brings the info panel to the front"
    qtbot.wait(300)
    image = window.grab().toImage()
    if _SHOTS is not None:
        image.save(str(_SHOTS / "window_panels.png"))
    assert distinct_colours(image) > 100
    assert window.map.width() > 400 and window.map.height() > 300


def test_every_menu_action_is_in_its_menu_and_has_a_handler(window):
    """An action declared for a menu can be found there by a user, and does something: each
    feature that brings its handler late (import, digitise, evidence, basemap, team) has set it."""
    from gis_app.ui.actions import specs

    def entries(menu):
        for action in menu.actions():
            yield action
            if action.menu():
                yield from entries(action.menu())

    for spec in specs():
        if not spec.menu:
            continue
        action = window.actions[spec.key]
        assert action in list(entries(window.menus[spec.menu])), f"{spec.key} is in no {spec.menu} menu"
        assert action.text().strip(), spec.key
        if spec.late:
            assert spec.key in window.actions.handled, f"{spec.key} was never given its handler"
