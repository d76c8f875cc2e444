"""The atlas window: the map in the centre, the layer panel on the left, a status bar."""

from __future__ import annotations

import json
import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import QDockWidget, QFileDialog, QLabel, QMainWindow, QMenu, QMessageBox

from gis_app.core.annotations import Annotations
from gis_app.core.catalog import Catalog
from gis_app.core.evidence import bibliography_path, claims_path, load_bibliography, load_claims
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.geo import round_scale, scale_denominator
from gis_app.core.i18n import feature_name
from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM, MapState
from gis_app.core.search import SearchIndex
from gis_app.core.timefilter import dated_layers, feature_span, year_bounds
from gis_app.ui import i18n
from gis_app.ui.annotation_tools import AnnotationController, AnnotationToolBar
from gis_app.ui.attribute_table import AttributeTable
from gis_app.ui.info_panel import InfoPanel
from gis_app.ui.layer_panel import LayerPanel
from gis_app.ui.map_view import MapView
from gis_app.ui.search_box import SearchBox
from gis_app.ui.sources_panel import SourcesPanel
from gis_app.ui.stats_panel import StatsPanel
from gis_app.ui.time_filter import TimeFilter

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1


class MainWindow(i18n.Retranslating, QMainWindow):
    def __init__(self, catalog: Catalog, lang: str | None = None, restore: bool = True):
        """`lang` None: the remembered language, else the system's (English when not restoring)."""
        super().__init__()
        self.setObjectName("atlasMainWindow")
        self._settings = i18n.settings() if restore else None
        if lang is None:
            lang = i18n.initial_language(self._settings) if restore else "en"
        self.catalog, self.lang = catalog, lang
        i18n.install(lang)  # before any text is set: the first texts are already translated
        self.state = MapState(catalog)
        self.features = FeatureStore(catalog)
        self.selection: tuple[str, str] | None = None
        self._view: tuple[float, float, float] | None = None
        self._cursor: tuple[float, float] | None = None
        if self._settings is not None:
            self._restore_state()
        self.resize(1280, 800)

        self.map = MapView(catalog, self.state, lang, self)
        self.setCentralWidget(self.map)
        # Start the page now: Chromium loads it while the rest of the window is built.
        self.map.load_atlas()

        self.layer_panel = LayerPanel(catalog, self.state, lang, self)
        self.layer_dock = QDockWidget(self)
        self.layer_dock.setObjectName("layerDock")
        self.layer_dock.setWidget(self.layer_panel)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.layer_dock)
        self.resizeDocks([self.layer_dock], [360], Qt.Orientation.Horizontal)  # titles fit
        self.layer_panel.layer_activated.connect(lambda layer_id: self.map.call("fitTo", layer_id))

        self._build_status_bar()
        self._build_menus()
        self._build_language_menu()
        self._build_analyst_panels()
        self._build_annotations_and_export()
        self._build_project()
        self.retranslate_ui()

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
        self.file_menu = self.menuBar().addMenu("")
        self.file_menu.setObjectName("fileMenu")
        self.save_image_action = QAction(self)
        self.save_image_action.setShortcut(QKeySequence("Ctrl+Alt+S"))
        self.save_image_action.triggered.connect(self._save_image)
        self.file_menu.addAction(self.save_image_action)
        self.file_menu.addSeparator()
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        self.file_menu.addAction(self.quit_action)

        self.view_menu = self.menuBar().addMenu("")
        self.view_menu.setObjectName("viewMenu")
        self.home_action = QAction(self)
        self.home_action.setShortcut(QKeySequence("Ctrl+Home"))
        self.home_action.triggered.connect(
            lambda: self.map.call("setView", DEFAULT_CENTER[0], DEFAULT_CENTER[1], DEFAULT_ZOOM, True))
        self.view_menu.addAction(self.home_action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.layer_dock.toggleViewAction())

        self.help_menu = self.menuBar().addMenu("")
        self.help_menu.setObjectName("helpMenu")
        self.about_action = QAction(self)
        self.about_action.triggered.connect(self._about)
        self.help_menu.addAction(self.about_action)

    def _build_language_menu(self) -> None:
        """View > Language: the three languages, each named in its own language."""
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu("")
        self.language_menu.setObjectName("languageMenu")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        group.setExclusive(True)
        for code in i18n.LANGUAGES:
            action = QAction(i18n.NATIVE_NAMES[code], self, checkable=True)
            action.setData(code)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action

    def retranslate_ui(self) -> None:
        """Every text of the window's own chrome; called at start and on each LanguageChange."""
        self.setWindowTitle(self.tr("Central Asia Security Atlas"))
        self.layer_dock.setWindowTitle(self.tr("Layers"))
        self.file_menu.setTitle(self.tr("&File"))
        self.save_image_action.setText(self.tr("Save map image…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.view_menu.setTitle(self.tr("&View"))
        self.home_action.setText(self.tr("Zoom to Central Asia"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.about_action.setText(self.tr("About the atlas and its data"))
        self.language_menu.setTitle(self.tr("&Language"))
        self._retranslate_analyst_panels()
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.export_action.setText(self.tr("Export map…"))
        self._refresh_undo_texts()
        self.project.retranslate_ui()
        self._refresh_status_texts()

    def set_language(self, lang: str) -> None:
        """Switch interface and data to `lang` (kk, ru, en) at once, and remember it.

        Installs the translators (every widget's retranslate_ui runs on the LanguageChange that
        follows), then hands the data language to every child with a `set_lang(lang)` (layer panel,
        map page, other panels) and refreshes the texts that show data."""
        if lang not in i18n.LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.lang = lang
        i18n.install(lang)
        for child in self.findChildren(QObject):
            set_lang = getattr(child, "set_lang", None)
            if callable(set_lang):
                set_lang(lang)
        self.language_actions[lang].setChecked(True)
        self._refresh_status_texts()
        i18n.remember_language(self._settings, lang)

    def _build_annotations_and_export(self) -> None:
        """Annotations (toolbar, Edit menu with undo/redo) and File > Export map… (issue 5)."""
        self.annotations = Annotations()
        self.undo_stack = QUndoStack(self)
        self.annotation_toolbar = AnnotationToolBar(self)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotation_toolbar)
        self.annotation_tools = AnnotationController(self.annotations, self.undo_stack, self.map,
                                                     self.annotation_toolbar, self)
        self.edit_menu = QMenu(self)
        self.edit_menu.setObjectName("editMenu")
        self.menuBar().insertMenu(self.view_menu.menuAction(), self.edit_menu)
        # Own actions rather than QUndoStack.createUndoAction: their texts must follow the language.
        self.undo_action = QAction(self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(self.undo_stack.undo)
        self.redo_action = QAction(self)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo_action.triggered.connect(self.undo_stack.redo)
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged,
                       self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged):
            signal.connect(self._refresh_undo_texts)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(self.annotation_toolbar.delete_action)
        self.export_action = QAction(self)
        self.export_action.setShortcut(QKeySequence("Ctrl+E"))
        self.export_action.triggered.connect(self.open_export_dialog)
        self.file_menu.insertAction(self.file_menu.actions()[0], self.export_action)
        self.view_menu.addAction(self.annotation_toolbar.toggleViewAction())

    def _refresh_undo_texts(self, *_args) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        self.undo_action.setText(self.tr("&Undo {0}").format(undo) if undo else self.tr("&Undo"))
        self.redo_action.setText(self.tr("&Redo {0}").format(redo) if redo else self.tr("&Redo"))

    def open_export_dialog(self):
        from gis_app.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.catalog, self.state, self.annotations, self.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def _build_project(self) -> None:
        """Projects, slides, presentation and the Lectures menu (gis_app/ui/project_actions.py)."""
        from gis_app.ui.project_actions import ProjectController

        self.project = ProjectController(self, self._settings)
        # Project buttons beside the search box; the annotation tools get the second row to
        # themselves, so no tool hides behind the overflow arrow.
        self.insertToolBar(self.annotation_toolbar, self.project.toolbar)
        self.insertToolBarBreak(self.annotation_toolbar)
        self.slides_dock = self.project.dock
        self.project.install_menus(self.file_menu, self.view_menu)
        if self._settings is not None:  # a real session: offer what a crash left behind
            QTimer.singleShot(0, self.project.offer_recovery)

    # --- page events -------------------------------------------------------------------------
    def _show_cursor(self, lat: float, lon: float) -> None:
        self._cursor = (lat, lon)
        self.cursor_label.setText(i18n.format_lat_lon(lat, lon, self.lang))

    def _view_changed(self, lat: float, lon: float, zoom: float) -> None:
        self.state.view.lat, self.state.view.lon, self.state.view.zoom = lat, lon, zoom
        self._view = (lat, lon, zoom)
        self.zoom_label.setText(self.tr("Zoom {0}").format(i18n.format_zoom(zoom, self.lang)))
        denominator = round_scale(scale_denominator(lat, zoom))
        self.scale_label.setText(self.tr("≈ {0}").format(i18n.format_scale(denominator, self.lang)))

    def _refresh_status_texts(self) -> None:
        """The status bar again, in the current language and number format."""
        if self._view is not None:
            self._view_changed(*self._view)
        if self._cursor is not None:
            self._show_cursor(*self._cursor)
        if self.selection is not None:
            self._name_selection(*self.selection)

    def _name_selection(self, layer_id: str, feature_id: str) -> bool:
        """The status bar names the selected feature; False if it is not in the data."""
        try:
            layer = self.catalog.layer(layer_id)
            props = self.features.properties(layer_id, feature_id)
        except (KeyError, DataError) as exc:
            self.selection_label.setText(self.tr("Selection not found: {0}").format(str(exc)))
            return False
        name = feature_name(props, self.lang) or feature_id
        self.selection_label.setText(self.tr("Selected: {0} — {1}").format(name, layer.title_in(self.lang)))
        return True

    def select_feature(self, layer_id: str, feature_id: str, zoom: bool = False) -> None:
        """The one way to select a feature (map click, search, table row, chart bar): the status bar
        names it, the info panel shows it, the map highlights it (showing its layer if hidden) and
        the attribute table selects its row."""
        if not self._name_selection(layer_id, feature_id):
            return
        self.selection = (layer_id, feature_id)
        self.state.set_visible(layer_id, True)
        self.info_panel.show_feature(layer_id, feature_id)
        self.info_dock.show()
        self.info_dock.raise_()
        self.attribute_table.select(layer_id, feature_id)
        self.map.call("showFeature", layer_id, feature_id, bool(zoom))

    def _build_analyst_panels(self) -> None:
        """Info, statistics, sources and attribute table docks, the time filter, the search box."""
        claims, problems = load_claims(claims_path(self.catalog.folder))
        try:
            bibliography = load_bibliography(bibliography_path(self.catalog.folder))
        except ValueError as exc:
            bibliography, problems = {}, [*problems, str(exc)]
        for problem in problems:
            log.warning("evidence: %s", problem)
        self.claims, self.bibliography = claims, bibliography
        self.info_panel = InfoPanel(self.catalog, self.features, claims, bibliography, self._settings,
                                    self.lang, self)
        self.stats_panel = StatsPanel(self.catalog, self.features, claims, bibliography, self.lang, self)
        self.sources_panel = SourcesPanel(self.catalog, self.state, bibliography, self.info_panel.style, self)
        self.attribute_table = AttributeTable(self.catalog, self.features, self.lang, self)
        spans = []
        for layer in dated_layers(self.catalog):
            try:
                spans += [feature_span(layer, f.get("properties") or {})
                          for f in self.features.layer(layer.id).features]
            except (KeyError, DataError) as exc:
                log.warning("time filter: %s", exc)
        self.time_filter = TimeFilter(self.state, year_bounds(spans) or (1990, 2025), self)

        def dock(widget, name: str, area) -> QDockWidget:
            d = QDockWidget(self)
            d.setObjectName(name)
            d.setWidget(widget)
            self.addDockWidget(area, d)
            return d

        right, bottom = Qt.DockWidgetArea.RightDockWidgetArea, Qt.DockWidgetArea.BottomDockWidgetArea
        self.info_dock = dock(self.info_panel, "infoDock", right)
        self.stats_dock = dock(self.stats_panel, "statsDock", right)
        self.sources_dock = dock(self.sources_panel, "sourcesDock", right)
        self.tabifyDockWidget(self.info_dock, self.stats_dock)
        self.tabifyDockWidget(self.stats_dock, self.sources_dock)
        self.info_dock.raise_()
        self.table_dock = dock(self.attribute_table, "attributeDock", bottom)
        self.time_dock = dock(self.time_filter, "timeDock", Qt.DockWidgetArea.LeftDockWidgetArea)
        self.resizeDocks([self.info_dock], [380], Qt.Orientation.Horizontal)
        self.resizeDocks([self.table_dock, self.time_dock], [190, 120], Qt.Orientation.Vertical)
        # The map comes first: these open on demand (a selection opens the info panel; the toolbar
        # and the View menu toggle each), and the saved window state remembers the user's layout.
        for d in (self.info_dock, self.stats_dock, self.sources_dock, self.table_dock):
            d.hide()

        self.search_box = SearchBox(lambda: SearchIndex(self.catalog, self.features), self.lang, self)
        self.search_box.setFixedWidth(360)
        self.search_toolbar = self.addToolBar("")
        self.search_toolbar.setObjectName("searchToolbar")
        self.search_toolbar.setMovable(False)
        self.search_toolbar.addWidget(self.search_box)
        self.search_toolbar.addSeparator()
        self.search_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for d in (self.info_dock, self.stats_dock, self.sources_dock, self.table_dock, self.time_dock):
            self.search_toolbar.addAction(d.toggleViewAction())
        find = QAction(self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(lambda: (self.search_box.setFocus(), self.search_box.selectAll()))
        self.addAction(find)

        self.search_box.result_chosen.connect(lambda lid, fid: self.select_feature(lid, fid, zoom=True))
        self.attribute_table.feature_selected.connect(self.select_feature)
        self.attribute_table.zoom_requested.connect(lambda lid, fid: self.map.call("fitFeature", lid, fid))
        self.stats_panel.feature_activated.connect(self.select_feature)
        self.info_panel.style_changed.connect(self.sources_panel.set_style)
        self.state.subscribe(lambda what, _id: self.stats_panel.set_time_range(self.state.time_range)
                             if what in ("time", "all") else None)
        self.stats_panel.set_time_range(self.state.time_range)

        self.view_menu.addSeparator()
        for d in (self.info_dock, self.stats_dock, self.sources_dock, self.table_dock, self.time_dock):
            self.view_menu.addAction(d.toggleViewAction())

    def _retranslate_analyst_panels(self) -> None:
        self.info_dock.setWindowTitle(self.tr("Info"))
        self.stats_dock.setWindowTitle(self.tr("Statistics"))
        self.sources_dock.setWindowTitle(self.tr("Sources"))
        self.table_dock.setWindowTitle(self.tr("Attribute table"))
        self.time_dock.setWindowTitle(self.tr("Time filter"))
        self.search_toolbar.setWindowTitle(self.tr("Search"))

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
