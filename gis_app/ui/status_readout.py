"""The window's status bar readout: the selected feature's name, the cursor's coordinates, the zoom
and the scale, in the reader's language and number format. It shows; the selection is the
document's (given again on a language change), the cursor and the view the last the page reported."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QLabel, QStatusBar

from gis_app.core.catalog import Catalog
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.geo import round_scale, scale_denominator
from gis_app.core.i18n import feature_name
from gis_app.ui import i18n

# The window's strings, in its context as before they moved here (lupdate reads these literal calls).
translate = QCoreApplication.translate


class StatusReadout(QObject):
    def __init__(self, bar: QStatusBar, catalog: Catalog, features: FeatureStore, lang: str, parent=None):
        super().__init__(parent)
        self.catalog, self.features, self.lang = catalog, features, lang
        self.selection, self.cursor, self.zoom, self.scale = (QLabel(bar) for _ in range(4))
        for widget in (self.selection, self.cursor, self.zoom, self.scale):
            widget.setTextFormat(Qt.TextFormat.PlainText)  # feature names are data, never markup
        for widget in (self.cursor, self.zoom, self.scale):
            widget.setMinimumWidth(90)
            bar.addPermanentWidget(widget)
        bar.addWidget(self.selection, 1)
        self._view: tuple[float, float, float] | None = None
        self._cursor: tuple[float, float] | None = None

    def name_selection(self, layer_id: str, feature_id: str) -> bool:
        """Names the selected feature and its layer; False (and says so) if it is not in the data."""
        try:
            layer = self.catalog.layer(layer_id)
            props = self.features.properties(layer_id, feature_id)
        except (KeyError, DataError) as exc:
            self.selection.setText(translate("MainWindow", "Selection not found: {0}").format(str(exc)))
            return False
        name = feature_name(props, self.lang) or feature_id
        self.selection.setText(translate("MainWindow", "Selected: {0} — {1}").format(
            name, layer.title_in(self.lang)))
        return True

    def clear_selection(self) -> None:
        self.selection.clear()

    def show_cursor(self, lat: float, lon: float) -> None:
        self._cursor = (lat, lon)
        self.cursor.setText(i18n.format_lat_lon(lat, lon, self.lang))

    def show_view(self, lat: float, lon: float, zoom: float) -> None:
        self._view = (lat, lon, zoom)
        self.zoom.setText(translate("MainWindow", "Zoom {0}").format(i18n.format_zoom(zoom, self.lang)))
        denominator = round_scale(scale_denominator(lat, zoom))
        self.scale.setText(translate("MainWindow", "≈ {0}").format(i18n.format_scale(denominator, self.lang)))

    def set_lang(self, lang: str, selection: tuple[str, str] | None) -> None:
        """Everything shown again in `lang` (its words and its number format); `selection` is the
        document's."""
        self.lang = lang
        if self._view is not None:
            self.show_view(*self._view)
        if self._cursor is not None:
            self.show_cursor(*self._cursor)
        if selection is not None:
            self.name_selection(*selection)
