"""The atlas window: the map in the centre, the layer panel on the left, a status bar."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox

from gis_app.core.catalog import Catalog
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.geo import round_scale, scale_denominator
from gis_app.core.i18n import feature_name
from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM, MapState
from gis_app.ui.layer_panel import LayerPanel
from gis_app.ui.map_view import MapView

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1


def settings() -> QSettings:
    return QSettings("CentralAsiaSecurityAtlas", "gis-app")


class MainWindow(QMainWindow):
    def __init__(self, catalog: Catalog, lang: str = "en", restore: bool = True):
        super().__init__()
        self.setObjectName("atlasMainWindow")
        self.catalog, self.lang = catalog, lang
        self.state = MapState(catalog)
        self.features = FeatureStore(catalog)
        self.selection: tuple[str, str] | None = None
        self._settings = settings() if restore else None
        if self._settings is not None:
            self._restore_state()
        self.setWindowTitle(self.tr("Central Asia Security Atlas"))
        self.resize(1280, 800)

        self.map = MapView(catalog, self.state, lang, self)
        self.setCentralWidget(self.map)
        # Start the page now: Chromium loads it while the rest of the window is built.
        self.map.load_atlas()

        self.layer_panel = LayerPanel(catalog, self.state, lang, self)
        self.layer_dock = QDockWidget(self.tr("Layers"), self)
        self.layer_dock.setObjectName("layerDock")
        self.layer_dock.setWidget(self.layer_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layer_dock)
        self.resizeDocks([self.layer_dock], [360], Qt.Orientation.Horizontal)  # titles fit
        self.layer_panel.layer_activated.connect(lambda layer_id: self.map.call("fitTo", layer_id))

        self._build_status_bar()
        self._build_menus()
        self._build_project()

        bridge = self.map.bridge
        bridge.cursor_moved.connect(self._show_cursor)
        bridge.view_changed.connect(self._view_changed)
        bridge.feature_clicked.connect(self.select_feature)
        bridge.layer_error.connect(self._layer_error)

        if self._settings is not None:
            geometry = self._settings.value("window/geometry")
            if geometry is not None:
                self.restoreGeometry(geometry)
            window_state = self._settings.value("window/state")
            if window_state is not None:
                self.restoreState(window_state, SETTINGS_VERSION)
        if catalog.problems:
            QTimer.singleShot(0, self._report_catalog_problems)

    # --- chrome ------------------------------------------------------------------------------
    def _build_status_bar(self) -> None:
        bar = self.statusBar()
        self.selection_label = QLabel(self)
        self.cursor_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.scale_label = QLabel(self)
        for widget in (self.cursor_label, self.zoom_label, self.scale_label):
            widget.setMinimumWidth(90)
            bar.addPermanentWidget(widget)
        bar.addWidget(self.selection_label, 1)

    def _build_menus(self) -> None:
        self.file_menu = file_menu = self.menuBar().addMenu(self.tr("&File"))
        snap = QAction(self.tr("Save map image…"), self)
        snap.setShortcut(QKeySequence("Ctrl+Shift+S"))
        snap.triggered.connect(self._save_image)
        file_menu.addAction(snap)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        self.view_menu = view_menu = self.menuBar().addMenu(self.tr("&View"))
        home = QAction(self.tr("Zoom to Central Asia"), self)
        home.setShortcut(QKeySequence("Ctrl+Home"))
        home.triggered.connect(
            lambda: self.map.call("setView", DEFAULT_CENTER[0], DEFAULT_CENTER[1], DEFAULT_ZOOM, True))
        view_menu.addAction(home)
        view_menu.addSeparator()
        view_menu.addAction(self.layer_dock.toggleViewAction())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("About the atlas and its data"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _build_project(self) -> None:
        """Projects, slides, presentation and the Lectures menu (gis_app/ui/project_actions.py)."""
        from gis_app.ui.project_actions import ProjectController

        self.project = ProjectController(self, self._settings)
        self.slides_dock = self.project.dock
        self.project.install_menus(self.file_menu, self.view_menu)
        if self._settings is not None:  # a real session: offer what a crash left behind
            QTimer.singleShot(0, self.project.offer_recovery)

    # --- page events -------------------------------------------------------------------------
    def _show_cursor(self, lat: float, lon: float) -> None:
        ns, ew = ("N" if lat >= 0 else "S"), ("E" if lon >= 0 else "W")
        self.cursor_label.setText(f"{abs(lat):.4f}° {ns}  {abs(lon):.4f}° {ew}")

    def _view_changed(self, lat: float, lon: float, zoom: float) -> None:
        self.state.view.lat, self.state.view.lon, self.state.view.zoom = lat, lon, zoom
        self.zoom_label.setText(self.tr("Zoom {0}").format(f"{zoom:g}"))
        denominator = round_scale(scale_denominator(lat, zoom))
        self.scale_label.setText(self.tr("≈ 1:{0}").format(f"{denominator:,}".replace(",", " ")))

    def select_feature(self, layer_id: str, feature_id: str) -> None:
        """Select a feature (from a click on the map, later from panels); the status bar names it."""
        try:
            layer = self.catalog.layer(layer_id)
            props = self.features.properties(layer_id, feature_id)
        except (KeyError, DataError) as exc:
            self.selection_label.setText(self.tr("Selection not found: {0}").format(str(exc)))
            return
        self.selection = (layer_id, feature_id)
        name = feature_name(props, self.lang) or feature_id
        self.selection_label.setText(self.tr("Selected: {0} — {1}").format(name, layer.title_in(self.lang)))

    def _layer_error(self, layer_id: str, message: str) -> None:
        text = self.tr("Layer '{0}' could not be drawn: {1}").format(layer_id, message)
        log.warning(text)
        self.statusBar().showMessage(text, 15000)

    def _report_catalog_problems(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Some layers were not loaded"),
                          self.tr("These layer definitions have problems and were skipped:"),
                          QMessageBox.StandardButton.Ok, self)
        box.setDetailedText("\n".join(self.catalog.problems))
        box.setModal(False)
        box.show()

    # --- actions -----------------------------------------------------------------------------
    def _save_image(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save map image"), "atlas.png",
                                              self.tr("PNG image (*.png)"))
        if path:
            if not self.map.stable_grab().save(path):
                QMessageBox.warning(self, self.tr("Not saved"), self.tr("Could not write {0}").format(path))

    def _about(self) -> None:
        credits = sorted({a for layer in self.catalog.layers for a in layer.attribution})
        QMessageBox.about(self, self.tr("About the atlas"), self.tr(
            "Central Asia Security Atlas\n\nAn offline atlas of security in Central Asia. "
            "Every layer names its sources.\n\nMap data: {0}").format(", ".join(credits)))

    # --- persistence -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        raw = self._settings.value("map/state")
        if not raw:
            return
        try:
            self.state.apply(json.loads(raw))
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring unreadable saved map state: %s", exc)

    def closeEvent(self, event):  # noqa: N802
        if not self.project.closing():
            event.ignore()
            return
        if self._settings is not None:
            self._settings.setValue("window/geometry", self.saveGeometry())
            self._settings.setValue("window/state", self.saveState(SETTINGS_VERSION))
            self._settings.setValue("map/state", json.dumps(self.state.to_dict()))
            self._settings.sync()
        self.map.shutdown()
        super().closeEvent(event)
