"""The statistics dock: the lecturer's charts, read from the claims, with their sources under them.

Qt Charts draws them (clickable bars, no new dependency). A click on a bar selects its feature on
the map; estimates are drawn in a paler tint and marked "est."; a figure the sources disagree on is
marked "≠" and both values are named under the chart. Saving paints the chart and its source lines
into one PNG (the sources also go into the PNG's text) or SVG.
"""

from __future__ import annotations

import html
import textwrap

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from gis_app.core import atomic, statistics
from gis_app.core.catalog import Catalog
from gis_app.core.evidence import Claim, short_citation
from gis_app.core.features import DataError, FeatureStore
from gis_app.ui import chart_export, i18n
from gis_app.ui.chart_text import legend_html
from gis_app.ui.prompts import Prompts, prompts_for

PALETTE = {"value": "#2b6ca3", "ASEAN": "#2b8cbe", "China": "#c0392b", "top": "#6a6a6a",
           "kyrgyz_side": "#d95f02", "tajik_side": "#1b9e77", "total": "#5e3c99"}
EXPORT_SIZE = QSize(1400, 900)
ROW_PX = 48  # height a bar's row needs on screen (two lines), or its axis label is cut to "…"
WRAP_CHARS = 16  # an axis label longer than this is wrapped (the label column is ~1/3 of the dock)


def wrap_label(text: str, width: int = WRAP_CHARS) -> str:
    """An axis label on lines of about `width` characters (rich text: QtCharts draws <br>), the name
    and the value on separate lines; a short label stays as it is, plain."""
    if len(text) <= width:
        return text
    lines = [line for part in text.split("  ", 1) for line in textwrap.wrap(part, width)]
    return "<br>".join(html.escape(line, quote=False) for line in lines)


def _tint(color: str, factor: float = 0.45) -> QColor:
    c = QColor(color)
    return QColor(*(int(v + (255 - v) * (1 - factor)) for v in (c.red(), c.green(), c.blue())))


class StatsPanel(i18n.Retranslating, QWidget):
    feature_activated = Signal(str, str)   # layer id, feature id (a bar was clicked)

    def __init__(self, catalog: Catalog, store: FeatureStore, claims: list[Claim],
                 bibliography: dict[str, dict], lang: str = "en", parent=None,
                 prompts: Prompts | None = None):
        super().__init__(parent)
        self.prompts = prompts  # None: the main window's (gis_app.ui.prompts.prompts_for)
        self.catalog, self.store, self.claims, self.bibliography = catalog, store, claims, bibliography
        self.lang = lang
        self.time_range: tuple[int, int] | None = None
        self.data: statistics.Chart | None = None

        self.chooser = QComboBox(self)
        self.chooser.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chooser.setMinimumContentsLength(14)
        self.chooser.currentIndexChanged.connect(lambda _i: self.refresh())
        # The title above the chart, wrapped: QChart cuts a title wider than the dock.
        self.title_label = QLabel(self)
        self.title_label.setObjectName("chartTitle")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        title_font = QFont(self.title_label.font())
        title_font.setPointSizeF(title_font.pointSizeF() * 1.15)
        title_font.setBold(True)
        self.title_label.setFont(title_font)
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.view = QChartView(self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.view.setMinimumWidth(220)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.sources_label = QLabel(self)
        self.notes_label = QLabel(self)
        self.legend_label = QLabel(self)  # the series, wrapped (Qt's one-row legend would be cut)
        self.legend_label.setTextFormat(Qt.TextFormat.RichText)  # swatches; names escaped by legend_html
        self.legend_label.setWordWrap(True)
        self.legend_label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        for label in (self.sources_label, self.notes_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notes_label.setStyleSheet("color: #555;")
        self.save_png = QPushButton(self)
        self.save_svg = QPushButton(self)
        self.save_png.clicked.connect(lambda: self._save_dialog("png"))
        self.save_svg.clicked.connect(lambda: self._save_dialog("svg"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.chooser, 1)
        buttons.addWidget(self.save_png)
        buttons.addWidget(self.save_svg)
        # Inside a scroll area: a chart of many bars keeps a readable height (its labels are cut
        # otherwise) without making the dock, and so the window, taller than the screen.
        inner = QWidget(self)
        scroll = QScrollArea(self)
        scroll.setObjectName("statsScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        layout = QVBoxLayout(inner)
        layout.addLayout(buttons)
        layout.addWidget(self.title_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.legend_label)
        layout.addWidget(self.sources_label)
        layout.addWidget(self.notes_label)
        scroll.setWidget(inner)
        self.retranslate_ui()

    # --- texts -----------------------------------------------------------------------------
    def chart_titles(self) -> dict[str, str]:
        return {
            "defence_usd": self.tr("Defence spending 2023 (USD million)"),
            "defence_gdp": self.tr("Defence spending 2023 (% of GDP)"),
            "peacekeepers": self.tr("UN peacekeepers (troops and police) by contributor"),
            "seizures": self.tr("Drugs seized in 2021 (tonnes)"),
            "casualties": self.tr("People killed in conflict incidents, by year"),
        }

    def series_names(self) -> dict[str, str]:
        return {"value": self.tr("Reported"), "ASEAN": self.tr("ASEAN states"),
                "China": self.tr("China"), "top": self.tr("Top five contributors (November 2023)"),
                "kyrgyz_side": self.tr("Kyrgyz side"), "tajik_side": self.tr("Tajik side"),
                "total": self.tr("Total (one source)")}

    def retranslate_ui(self) -> None:
        current = self.chooser.currentData() or statistics.CHART_IDS[0]
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for chart_id, title in self.chart_titles().items():
            self.chooser.addItem(title, chart_id)
        self.chooser.setCurrentIndex(max(0, self.chooser.findData(current)))
        self.chooser.blockSignals(False)
        self.save_png.setText(self.tr("PNG…"))
        self.save_png.setToolTip(self.tr("Save the chart and its sources as a PNG image"))
        self.save_svg.setText(self.tr("SVG…"))
        self.save_svg.setToolTip(self.tr("Save the chart and its sources as an SVG drawing"))
        self.chooser.setAccessibleName(self.tr("Chart"))
        self.save_png.setAccessibleName(self.tr("Save the chart and its sources as a PNG image"))
        self.save_svg.setAccessibleName(self.tr("Save the chart and its sources as an SVG drawing"))
        self.view.setAccessibleName(self.tr("Chart"))
        self.sources_label.setAccessibleName(self.tr("Sources"))
        self.notes_label.setAccessibleName(self.tr("Notes"))
        self.refresh()

    def set_lang(self, lang: str) -> None:
        self.lang = lang  # drawn again by retranslate_ui, on the LanguageChange that follows

    def set_evidence(self, evidence) -> None:
        """The document's evidence (shipped + the user's figures) changed: the chart drawn again."""
        self.claims, self.bibliography = evidence.claims, evidence.bibliography
        self.refresh()

    def set_time_range(self, time_range: tuple[int, int] | None) -> None:
        self.time_range = time_range
        if self.current_id() == "casualties":
            self.refresh()

    def current_id(self) -> str:
        return self.chooser.currentData() or statistics.CHART_IDS[0]

    def show_chart(self, chart_id: str) -> None:
        self.chooser.setCurrentIndex(self.chooser.findData(chart_id))
        self.refresh()

    # --- building ----------------------------------------------------------------------------
    def refresh(self) -> None:
        try:
            self.data = statistics.build_chart(self.current_id(), self.claims, self.store, self.catalog,
                                               self.lang, self.time_range)
        except (KeyError, DataError) as exc:
            self.data = None
            self.view.setChart(QChart())
            self.title_label.setText("")
            self.legend_label.setVisible(False)
            self.sources_label.setText(self.tr("This chart cannot be drawn: {0}").format(str(exc)))
            self.notes_label.setText("")
            return
        old = self.view.chart()
        self.view.setChart(self.make_chart(self.data))
        if old is not None:
            old.deleteLater()
        self.title_label.setText(self.title())
        self.chooser.setToolTip(self.title())
        self.view.setAccessibleDescription(self.title())
        # The axis cuts a long label with "…": every label in full in the chart's tooltip.
        names = self.series_names()
        legend = [names.get(n, n) for n in self.data.series] if len(self.data.series) > 1 else []
        self.view.setToolTip("\n".join([*self.category_labels(self.data).values(), *legend]))
        wraps = any(len(t) > WRAP_CHARS for t in self.category_labels(self.data).values())
        rows = len(self.data.categories) * (ROW_PX if wraps else ROW_PX * 2 // 3)
        self.view.setMinimumHeight(max(260, rows + 130))
        self.sources_label.setText(self.sources_text())
        self.notes_label.setText(self.notes_text())

    def title(self) -> str:
        """The chart's title as shown above it (and drawn into a saved chart)."""
        return self.chart_titles()[self.data.id] + self._range_suffix(self.data) if self.data else ""

    def category_labels(self, data: statistics.Chart) -> dict[str, str]:
        """The axis text of each category: in a bar chart its name and value; with no bar, why."""
        if data.id == "casualties":
            return dict(data.categories)
        other = {v["name"]: v for kind, v in data.notes if kind == "other_measure"}
        labels = {}
        for key, label in data.categories:
            bars = [b for b in data.bars if b.category == key]
            if bars:
                labels[key] = self._bar_label(bars[0])
            elif label in other:
                known = other[label]["claim"]
                text = self.tr("{0}: no USD figure; {1} of GDP ({2})") if other[label]["usd"] \
                    else self.tr("{0}: no share of GDP; {1} ({2})")
                labels[key] = text.format(label, statistics.value_with_unit(known, self.lang), known.date)
            else:
                labels[key] = self.tr("{0}: no figure").format(label)
        return labels

    def _bar_label(self, bar: statistics.Bar) -> str:
        text = f"{bar.label}  {bar.text}"
        if self.data is not None and self.data.dated_otherwise(bar):
            text += f" ({bar.claim.date})"  # a 2022 figure in the 2023 chart says so
        if bar.estimate:
            text += " " + self.tr("(est.)")
        if bar.disputed_by:
            text += " ≠"
        return text

    def make_chart(self, data: statistics.Chart, export: bool = False) -> QChart:
        chart = QChart()
        if export:  # on screen the title is the wrapped label above the chart
            chart.setTitle(self.chart_titles()[data.id] + self._range_suffix(data))
        font = QFont(chart.titleFont())
        font.setPointSizeF(font.pointSizeF() * (1.9 if export else 1.15))
        font.setBold(True)
        chart.setTitleFont(font)
        chart.setMargins(QMargins(4, 4, 12, 4))
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.setLocale(i18n.locale(self.lang))  # axis and bar numbers: 6 000 (kk, ru), 6,000 (en)
        chart.setLocalizeNumbers(True)
        names = self.series_names()
        horizontal = data.id != "casualties"
        series = QHorizontalStackedBarSeries() if horizontal else QBarSeries()
        keys = [key for key, _label in data.categories]
        if horizontal:
            keys = keys[::-1]  # the first category on top
        for name in data.series:
            bar_set = QBarSet(names.get(name, name))
            colour = PALETTE.get(name, "#2b6ca3")
            bar_set.setColor(QColor(colour))
            bar_set.setBorderColor(QColor(colour).darker(130))
            bar_set.setSelectedColor(_tint(colour))
            for i, key in enumerate(keys):
                bar = data.bar(key, name)
                bar_set.append(bar.value if bar else 0.0)
                if bar and bar.estimate:
                    bar_set.selectBar(i)  # "selected" = drawn pale: an estimate
            bar_set.setProperty("atlasSeries", name)
            bar_set.setProperty("atlasKeys", "\n".join(keys))
            series.append(bar_set)
        series.clicked.connect(self._series_clicked)
        chart.addSeries(series)
        if not horizontal:
            series.setLabelsFormat("@value")
            series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
            series.setLabelsVisible(True)
            for bar_set in series.barSets():
                bar_set.setLabelColor(QColor("#222222"))
        axis = QBarCategoryAxis()
        labels = self.category_labels(data)
        if horizontal and not export:  # the dock is narrow: a long label goes on two or three lines
            labels = {k: wrap_label(v) for k, v in labels.items()}
        axis.append([labels[k] for k in keys])
        values = QValueAxis()
        values.setLabelFormat("%.0f" if max((b.value for b in data.bars), default=0) >= 10 else "%.1f")
        values.setTitleText(self.axis_title(data, full=export))
        if export:
            for a in (axis, values):
                f = QFont(a.labelsFont())
                f.setPointSizeF(f.pointSizeF() * 1.5)
                a.setLabelsFont(f)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignLeft if horizontal else Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(values, Qt.AlignmentFlag.AlignBottom if horizontal else Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(axis)
        series.attachAxis(values)
        values.setMin(0)
        values.setMax(max((b.value for b in data.bars), default=1) * (1.08 if horizontal else 1.15))
        values.applyNiceNumbers()
        chart.legend().setVisible(len(data.series) > 1 and export)
        if not export:  # in the dock the legend is a wrapped line below the chart
            self.legend_label.setText(legend_html([(names.get(n, n), PALETTE.get(n, "#2b6ca3"))
                                                   for n in data.series]))
            self.legend_label.setVisible(len(data.series) > 1)
        if export:
            f = QFont(chart.legend().font())
            f.setPointSizeF(f.pointSizeF() * 1.5)
            chart.legend().setFont(f)
        chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        return chart

    def axis_title(self, data: statistics.Chart, full: bool = False) -> str:
        """The value axis: its unit ('млн АҚШ доллары'); in a saved chart, which is wide, with the
        indicator ('Military expenditure, USD million'). Labels from layers/indicators.toml."""
        unit = statistics.unit_label(data.unit, self.lang)
        if not data.indicator or not full:
            return unit
        return ", ".join(t for t in (statistics.indicator_label(data.indicator, self.lang), unit) if t)

    def _range_suffix(self, data: statistics.Chart) -> str:
        if data.id == "casualties" and self.time_range:
            return " ({}–{})".format(*self.time_range)
        return ""

    def _series_clicked(self, index: int, bar_set: QBarSet) -> None:
        keys = str(bar_set.property("atlasKeys") or "").split("\n")
        if 0 <= index < len(keys):
            self._bar_clicked(keys[index], str(bar_set.property("atlasSeries")))

    def _bar_clicked(self, category: str, series: str) -> None:
        if self.data is None:
            return
        bar = self.data.bar(category, series)
        if bar is not None:
            self.feature_activated.emit(bar.layer_id, bar.feature_id)

    # --- sources and notes -------------------------------------------------------------------
    def _short(self, item_id: str) -> str:
        return short_citation(self.bibliography.get(item_id, {"id": item_id}), self.lang)

    def sources_text(self) -> str:
        if self.data is None:
            return ""
        return self.tr("Sources: {0}").format("; ".join(self._short(c) for c in self.data.citations))

    def _claim_text(self, claim: Claim) -> str:
        return f"{statistics.value_with_unit(claim, self.lang)} ({self._short(claim.citation)}, {claim.date})"

    def notes_text(self) -> str:
        if self.data is None:
            return ""
        lines = []
        for kind, v in self.data.notes:
            if kind == "estimates":
                lines.append(self.tr("Estimates (pale bars, “est.”): {0}.").format(v["names"]))
            elif kind == "disagree":
                lines.append(self.tr("≠ Sources disagree on {0}: {1}.").format(
                    v["name"], " / ".join(self._claim_text(c) for c in v["claims"])))
            elif kind == "missing":
                lines.append(self.tr("No figure in the sources for: {0}.").format(v["names"]))
            elif kind == "dated":
                lines.append(self.tr("{0}: the sources' latest figure is for {1}, not {2}.").format(
                    v["name"], v["date"], v["year"]))
            elif kind == "other_measure":
                text = self.tr("{0}: no figure in US dollars in the sources; its share of GDP: {1}.") \
                    if v["usd"] else self.tr("{0}: no share of GDP in the sources; in US dollars: {1}.")
                lines.append(text.format(v["name"], self._claim_text(v["claim"])))
            elif kind == "combined":
                lines.append(self.tr("Kazakhstan has no 2023 figure of its own in the sources; Kazakhstan, "
                                     "Kyrgyzstan and Tajikistan together: {0}.").format(
                    self._claim_text(v["claim"])))
            elif kind == "kaz_ceiling":
                lines.append(self.tr("Kazakhstan: no UN personnel count in the sources; a UN mandate "
                                     "allows it {0}.").format(self._claim_text(v["claim"])))
            elif kind == "sides_and_total":
                lines.append(self.tr("{0}: the sides (one source) and the total (another source) are "
                                     "separate figures, not a sum.").format(v["year"]))
            elif kind == "no_casualty_figure":
                lines.append(self.tr("Incidents with no casualty figure in the sources: {0}.").format(
                    v["years"]))
            elif kind == "bodies":
                lines.append(self.tr("2010: bodies counted by the national commission: {0}.").format(
                    self._claim_text(v["claim"])))
        qualified = [b for b in self.data.bars if statistics.qualifier(b.claim)]
        if qualified and self.data.id == "casualties":  # the bar labels show the bare number
            lines.append(self.tr("As the sources put it: {0}.").format("; ".join(
                f"{b.label}, {self.series_names().get(b.series, b.series)}: {b.text}" for b in qualified)))
        if qualified:
            lines.append(self.tr("> more than, ≈ about, as the sources put it."))
        return "\n".join(lines)

    # --- saving (gis_app/ui/chart_export.py draws and writes) ------------------------------------
    def save(self, path: str, size: QSize = EXPORT_SIZE) -> bool:
        """Write the current chart with its source lines to `path` (.png or .svg), whole or not at
        all: False if it could not be written (an existing file is then untouched)."""
        if self.data is None:
            return False
        try:
            with atomic.replacing(path) as tmp:
                if not chart_export.save(self, str(tmp), size):
                    raise atomic.OutputError(f"could not write {path}")
        except OSError:
            return False
        return True

    def _save_dialog(self, fmt: str) -> None:
        name = f"{self.current_id()}.{fmt}"
        filters = self.tr("PNG image (*.png)") if fmt == "png" else self.tr("SVG drawing (*.svg)")
        prompts = prompts_for(self, self.prompts)
        path = prompts.save_file("export", self.tr("Save chart"), name, filters)
        if path and not self.save(path):
            prompts.warn(self.tr("Not saved"), self.tr("Could not write {0}").format(path))
