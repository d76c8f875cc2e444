"""No text of the panels is cut off in English, Kazakh or Russian at the default window size.

Each visible label (not word-wrapped), button and table header of every dock is measured with its
font (QFontMetrics) against the room its widget gives it; the chart titles against the chart.
The window's own chrome (menus, toolbar) is left to Qt's layouts.
"""

from __future__ import annotations

import html

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QDockWidget, QHeaderView, QLabel, QRadioButton

from gis_app.core import statistics
from gis_app.ui.main_window import MainWindow


@pytest.fixture(scope="module")
def window(qapp):
    from gis_app.core.catalog import load_catalog

    win = MainWindow(load_catalog(), restore=False)   # its default size, 1280 × 800
    win.show()
    assert win.map.wait_ready(30000)
    yield win
    win.set_language("en")
    win.map.shutdown()
    win.close()
    win.deleteLater()


def _widget_problems(dock: QDockWidget) -> list[str]:
    out = []
    root = dock.widget()
    for w in root.findChildren(QLabel) + root.findChildren(QAbstractButton):
        text = w.text().replace("&", "")
        if not w.isVisible() or not text or "\n" in text or w.width() <= 1:
            continue
        metrics = w.fontMetrics()
        if isinstance(w, QLabel):
            if w.wordWrap():
                continue
            need, have = metrics.horizontalAdvance(text), w.contentsRect().width()
        else:
            icon = w.iconSize().width() + 4 if not w.icon().isNull() else 0
            indicator = 20 if isinstance(w, QCheckBox | QRadioButton) else 0
            need, have = metrics.horizontalAdvance(text) + icon + indicator, w.width()
        if need > have:
            out.append(f"{dock.windowTitle()}: {type(w).__name__} «{text}» needs {need} px, has {have}")
    for header in root.findChildren(QHeaderView):
        model = header.model()
        if not header.isVisible() or model is None or header.orientation().value != 1:
            continue
        for i in range(header.count()):
            text = str(model.headerData(i, header.orientation()) or "")
            need = header.fontMetrics().horizontalAdvance(text) + 4
            if not header.isSectionHidden(i) and need > header.sectionSize(i):
                out.append(f"{dock.windowTitle()}: header «{text}» needs {need} px, "
                           f"has {header.sectionSize(i)}")
    return out


def _show(window, dock, qtbot) -> None:
    dock.show()
    dock.raise_()
    qtbot.wait(30)


@pytest.mark.parametrize("lang", ["en", "kk", "ru"])
def test_no_panel_text_is_clipped(window, qtbot, lang):
    window.set_language(lang)
    window.select_feature("border_disputes", "vorukh")   # the info panel with a feature and figures
    problems, checked = [], 0
    for dock in window.findChildren(QDockWidget):
        _show(window, dock, qtbot)
        if not dock.isVisible():
            continue
        checked += 1
        problems += _widget_problems(dock)
    table = window.attribute_table
    _show(window, table.parentWidget(), qtbot)
    for layer_id in window.catalog.default_order():   # every layer's headers in the table
        table.set_layer(layer_id)
        qtbot.wait(5)
        problems += [p for p in _widget_problems(table.parentWidget()) if "header" in p]
    stats = window.stats_panel
    _show(window, stats.parentWidget(), qtbot)
    for chart_id in statistics.CHART_IDS:   # the title wraps in the dock, the axis title fits
        stats.show_chart(chart_id)
        qtbot.wait(5)
        label = stats.title_label
        if not (label.wordWrap() and label.text().startswith(stats.chart_titles()[chart_id])):
            problems.append(f"chart {chart_id}: the title is not shown whole ({label.text()!r})")
        axis = next(a for a in stats.view.chart().axes() if a.titleText())
        need = stats.fontMetrics().horizontalAdvance(axis.titleText())
        if need > stats.view.width():
            problems.append(f"chart {chart_id}: axis title «{axis.titleText()}» needs {need} px")
        chart = stats.view.chart()
        plot = chart.plotArea()
        for axis in chart.axes():
            if not isinstance(axis, QBarCategoryAxis):
                continue
            metrics = QFontMetricsF(axis.labelsFont())
            lines_per_label = max(len(c.split("<br>")) for c in axis.categories())
            if axis.orientation() == Qt.Orientation.Vertical:   # bar names left of the plot
                for label in axis.categories():
                    need = max(metrics.horizontalAdvance(html.unescape(line)) for line in label.split("<br>"))
                    if need > plot.left() - 4:
                        problems.append(f"chart {chart_id}: bar label «{label}» needs {need:.0f} px, "
                                        f"has {plot.left() - 4:.0f}")
                if lines_per_label * metrics.height() > plot.height() / max(1, axis.count()):
                    problems.append(f"chart {chart_id}: {lines_per_label}-line labels overlap")
        if chart.legend().isVisible() or (len(stats.data.series) > 1 and not stats.legend_label.wordWrap()):
            problems.append(f"chart {chart_id}: the legend is Qt's one-row legend, which elides")
    assert checked >= 5
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang, status, country", [
    ("kk", "Қырғызстан аумағымен қоршалған Тәжікстан анклавы", "Тәжікстан"),
    ("ru", "Анклав Таджикистана, окружённый территорией Кыргызстана", "Таджикистан")])
def test_the_map_popup_speaks_the_interface_language(window, qtbot, lang, status, country):
    """The page's popup (and so the web-map export's) shows the values in the chosen language, and
    a country code as the country's name."""
    window.set_language(lang)
    window.state.set_visible("border_disputes", True)
    window.state.set_visible("enclaves", True)
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.featureCount('border_disputes')") > 0, timeout=5000)
    assert window.map.evaluate("select", "border_disputes", "vorukh") is True
    text = lambda: window.map.eval_js(  # noqa: E731
        "(document.querySelector('.atlas-popup') || {}).textContent || ''")
    qtbot.waitUntil(lambda: status in text(), timeout=5000)
    assert "enclave surrounded" not in text()
    qtbot.waitUntil(lambda: window.map.eval_js("atlas.featureCount('enclaves')") > 0, timeout=5000)
    assert window.map.evaluate("select", "enclaves", "vorukh") is True
    qtbot.waitUntil(lambda: country in text() and "TJK" not in text(), timeout=5000)


def test_the_page_writes_values_as_the_core_does(window):
    """atlas.js's fieldText and gis_app.core.values.field_text: one rule for language, numbers, codes."""
    import json

    from gis_app.core.values import field_text

    names = {"KGZ": {"en": "Kyrgyzstan", "ru": "Кыргызстан", "kk": "Қырғызстан"}}
    props = {"status": "open", "status_ru": "открыт", "population": 322164, "area_km2": 97.7,
             "year_start": 1978, "country": "KGZ", "note": "only English", "code": "AF-BAL",
             "negative": -1234.5}
    cases = [("status", "text"), ("population", "text"), ("area_km2", "text"), ("year_start", "text"),
             ("country", "country"), ("note", "text"), ("code", "verbatim"), ("negative", "text")]
    for lang in ("en", "ru", "kk"):
        for field, shows in cases:
            entry = {"field": field, "shows": shows, "names": names}
            page = window.map.eval_js(f"atlas.fieldText({json.dumps(props)}, {json.dumps(entry)}, '{lang}')")
            assert page == field_text(props, field, lang, shows, names), (field, lang)
