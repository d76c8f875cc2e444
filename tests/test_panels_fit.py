"""Panels in a narrow dock (issue 19): charts list every country the sources give a figure for and
say when a figure is of another year, titles wrap, the info panel's texts and figures are never cut
without "…" and a tooltip; every control has an accessible name."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
)

from gis_app.core import statistics
from gis_app.core.evidence import bibliography_path, claims_path, load_bibliography, load_claims
from gis_app.core.features import FeatureStore
from gis_app.ui.info_panel import InfoPanel
from gis_app.ui.stats_panel import StatsPanel, wrap_label


@pytest.fixture(scope="module")
def world():
    from gis_app.core.catalog import load_catalog

    catalog = load_catalog()
    claims, _problems = load_claims(claims_path(catalog.folder))
    return catalog, FeatureStore(catalog), claims, load_bibliography(bibliography_path(catalog.folder))


def settle(widget) -> None:
    for _ in range(3):
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def test_the_defence_chart_lists_kazakhstan_with_what_is_known(world):
    catalog, store, claims, _bib = world
    usd = statistics.build_chart("defence_usd", claims, store, catalog)
    assert [k for k, _ in usd.categories] == ["KAZ", "KGZ", "TJK", "UZB", "TKM"]
    assert usd.bar("KAZ", "value") is None, "no USD figure is invented for Kazakhstan"
    known = [v for kind, v in usd.notes if kind == "other_measure"]
    assert len(known) == 1 and known[0]["name"] == "Kazakhstan"
    claim = known[0]["claim"]
    assert (claim.claim_id, claim.value, claim.date) == ("kaz_milex_gdp_2022", "0.5", "2022")
    assert claim.citation in usd.citations
    assert not [v for kind, v in usd.notes if kind == "missing"]

    gdp = statistics.build_chart("defence_gdp", claims, store, catalog)
    kaz = gdp.bar("KAZ", "value")
    assert kaz is not None and gdp.dated_otherwise(kaz) and gdp.year == "2023"
    assert [v["date"] for kind, v in gdp.notes if kind == "dated"] == ["2022"]
    assert not any(gdp.dated_otherwise(b) for b in gdp.bars if b.category != "KAZ")


def test_the_chart_panel_says_so_and_never_cuts_its_title(world, qtbot, tmp_path):
    catalog, store, claims, bib = world
    panel = StatsPanel(catalog, store, claims, bib)
    qtbot.addWidget(panel)
    panel.resize(360, 700)
    panel.show()
    panel.show_chart("defence_usd")
    labels = panel.category_labels(panel.data)
    assert labels["KAZ"] == "Kazakhstan: no USD figure; 0.5 % of GDP (2022)"
    assert "Kazakhstan: no figure in US dollars in the sources; its share of GDP: 0.5 %" in \
        panel.notes_label.text()
    assert labels["KAZ"] in panel.view.toolTip(), "a label the axis cuts is whole in the tooltip"
    panel.show_chart("defence_gdp")
    assert panel.category_labels(panel.data)["KAZ"] == "Kazakhstan  0.5 (2022)"
    assert "Kazakhstan: the sources' latest figure is for 2022, not 2023." in panel.notes_label.text()
    for chart_id in statistics.CHART_IDS:
        panel.show_chart(chart_id)
        settle(panel)
        title = panel.title_label
        assert title.text() == panel.chart_titles()[chart_id] and title.wordWrap()
        assert title.height() >= title.heightForWidth(title.width()), f"{chart_id}: title cut"
        assert panel.view.chart().title() == "", "one title, the wrapped one"
        assert panel.grab().save(str(tmp_path / f"chart-{chart_id}.png"))
    # the saved chart keeps its title
    export = panel.make_chart(panel.data, export=True)
    assert export.title() == panel.chart_titles()[panel.data.id]
    for widget in (panel.chooser, panel.save_png, panel.save_svg, panel.view):
        assert widget.accessibleName(), widget


def test_long_axis_labels_wrap_whole_words():
    assert wrap_label("Kyrgyzstan  ≈ 208.5") == "Kyrgyzstan<br>≈ 208.5"
    assert wrap_label("Tajikistan  > 9") == "Tajikistan  > 9"  # short: left as it is, plain
    assert wrap_label("Kazakhstan: no USD figure; 0.5 % of GDP (2022)").count("<br>") >= 2
    assert "&lt;" in wrap_label("A long country name  < 5 (est.)")


def cut_labels(panel) -> list[str]:
    """Visible word-wrapped labels shorter than their text needs."""
    return [lab.text()[:50] for lab in panel.findChildren(QLabel)
            if lab.isVisible() and lab.wordWrap() and lab.text()
            and lab.height() < lab.heightForWidth(lab.width())]


@pytest.mark.parametrize("width", [300, 380, 520])
def test_the_info_panel_wraps_and_its_figures_fit_a_narrow_dock(world, qtbot, width, tmp_path):
    catalog, store, claims, bib = world
    panel = InfoPanel(catalog, store, claims, bib)
    qtbot.addWidget(panel)
    panel.resize(width, 900)
    panel.show()
    for layer_id, feature_id in (("conflict_incidents", "osh_2010"), ("border_disputes", "vorukh"),
                                 ("pk_contributors", "IDN")):
        assert panel.show_feature(layer_id, feature_id)
        settle(panel)
        # once the layout has settled (the table refits after it), no text is cut
        qtbot.waitUntil(lambda: cut_labels(panel) == [], timeout=3000)
        table = panel.claims_table
        metrics = table.fontMetrics()
        compact = table.isColumnHidden(2)
        assert compact == table.isColumnHidden(3)
        shown = [c for c in range(table.columnCount()) if not table.isColumnHidden(c)]
        assert sum(table.columnWidth(c) for c in shown) <= table.viewport().width() + 1
        for row in range(table.rowCount()):
            for column in shown:
                item = table.item(row, column)
                text = table.itemDelegate().joined_text(table.model().index(row, column))
                room = table.columnWidth(column) - 12
                if any(metrics.horizontalAdvance(w) > room for w in text.split()):
                    assert (item.toolTip() or "").startswith(text), (text, item.toolTip())
        if compact:  # value and unit, source and date together: nothing is lost
            row = 0
            value = table.itemDelegate().joined_text(table.model().index(row, 1))
            assert value.endswith(table.item(row, 2).text())
            source = table.itemDelegate().joined_text(table.model().index(row, 4))
            assert source.endswith(table.item(row, 3).text())
        # no button runs out of the dock (Add figure… / Edit… / Delete stack in a narrow one)
        from PySide6.QtCore import QPoint
        from PySide6.QtWidgets import QPushButton
        for button in panel.findChildren(QPushButton):
            if button.isVisible():
                right = button.mapTo(panel, QPoint(button.width(), 0)).x()
                assert right <= panel.width(), (button.text(), right, panel.width())
        assert panel.grab().save(str(tmp_path / f"info-{layer_id}-{width}.png"))
    if width == 300:
        panel.show_feature("conflict_incidents", "osh_2010")
        qtbot.wait(50)
        assert panel.claims_table.isColumnHidden(2), "five columns cannot fit 300 px"
    if width == 520:
        assert not panel.claims_table.isColumnHidden(2), "a wide dock keeps the five columns"
    controls = [w for w in panel.findChildren(QAbstractButton) + panel.findChildren(QComboBox)
                if w.isVisible()]
    assert controls and all(w.accessibleName() for w in controls)


def test_every_control_of_the_time_filter_and_annotation_toolbar_is_named(qtbot, world):
    from gis_app.core.map_state import MapState
    from gis_app.ui.annotation_tools import AnnotationToolBar
    from gis_app.ui.time_filter import TimeFilter

    catalog = world[0]
    for widget in (TimeFilter(MapState(catalog), (1990, 2022)), AnnotationToolBar()):
        qtbot.addWidget(widget)
        controls = [w for kind in (QAbstractSpinBox, QAbstractSlider, QAbstractButton, QLineEdit)
                    for w in widget.findChildren(kind)
                    if not isinstance(w.parent(), QAbstractSpinBox)
                    and w.objectName() != "qt_toolbar_ext_button"]
        unnamed = [w for w in controls if not (w.accessibleName() or w.text() if hasattr(w, "text")
                                                else w.accessibleName())]
        assert unnamed == [], unnamed


def test_the_time_filter_is_tabbed_in_reading_order(qtbot, world):
    from gis_app.core.map_state import MapState
    from gis_app.ui.time_filter import TimeFilter

    tf = TimeFilter(MapState(world[0]), (1990, 2022))
    qtbot.addWidget(tf)
    tf.enabled_box.setChecked(True)
    chain, widget = [], tf.enabled_box
    for _ in range(6):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        while widget.focusPolicy() == widget.focusPolicy().NoFocus or widget.parent() is not tf:
            widget = widget.nextInFocusChain()
    assert chain == [tf.enabled_box, tf.play_button, tf.first_slider, tf.first_spin, tf.last_slider,
                     tf.last_spin]
