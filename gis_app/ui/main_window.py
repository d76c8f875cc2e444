"""The atlas window: the composition root. It makes the document, the adapters that show it (the
map page, the panels, the layer tree) and the actions and docks declared in ui/actions.py and
ui/docks.py, and joins them. It holds no project state of its own: that is the AtlasDocument's.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget

from gis_app.core import atomic
from gis_app.core.catalog import Catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Change, Kind
from gis_app.core.extent import central_asia_bounds
from gis_app.core.features import DataError, FeatureStore
from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM
from gis_app.core.search import SearchIndex
from gis_app.core.timefilter import dated_year_bounds, feature_span
from gis_app.ui import i18n
from gis_app.ui import prompts as prompts_module
from gis_app.ui import settings as typed_settings
from gis_app.ui.actions import MENU_TITLES, ActionRegistry
from gis_app.ui.annotation_tools import AnnotationController, AnnotationToolBar
from gis_app.ui.docks import DockRegistry
from gis_app.ui.language import LanguageService
from gis_app.ui.layer_panel import LayerPanel
from gis_app.ui.layout_fit import LayoutGuard
from gis_app.ui.map_view import MapView
from gis_app.ui.prompts import Prompts
from gis_app.ui.search_box import SearchBox
from gis_app.ui.status_readout import StatusReadout

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1


class MainWindow(i18n.Retranslating, QMainWindow):
    def __init__(self, catalog: Catalog, lang: str | None = None, restore: bool = True,
                 settings: typed_settings.Settings | None = None, prompts: Prompts | None = None):
        """`lang` None: the remembered language, else the system's (English when not restoring).
        `restore` False: nothing is read from the user's settings (a window of its own, in memory).
        `prompts` None: real dialogs (the tests' default differs: gis_app.ui.prompts)."""
        super().__init__()
        self.setObjectName("atlasMainWindow")
        self._restore = restore
        self.settings = settings if settings is not None else (
            typed_settings.open_settings() if restore else typed_settings.Settings())
        if lang is None:
            lang = i18n.initial_language(self.settings) if restore else "en"
        self.catalog = catalog
        self.prompts = prompts if prompts is not None else prompts_module.default_factory(self, self.settings)
        self.features = FeatureStore(catalog)
        self.document = AtlasDocument(catalog, in_time=self._in_time, language=lang)
        self.language = LanguageService(self.document, self.settings, lang, self)
        # The document's parts under their old names: the panels and tools take these.
        self.state, self.annotations = self.document.map, self.document.annotations
        if restore:
            self._restore_state()
        self.resize(1280, 800)

        self.map = MapView(catalog, self.document, lang, self)
        self.setCentralWidget(self.map)
        # Start the page now: Chromium loads it while the rest of the window is built.
        self.map.load_atlas()

        from gis_app.ui.panels import build_panels
        from gis_app.ui.project_actions import ProjectController

        self.undo_stack = QUndoStack(self)
        self.layer_panel = LayerPanel(catalog, self.state, lang, self)
        build_panels(self)  # info, statistics, sources, attribute table, time filter
        self.project = ProjectController(self, self.settings)
        self.docks = DockRegistry(self, {
            "layers": self.layer_panel, "time": self.time_filter, "info": self.info_panel,
            "stats": self.stats_panel, "sources": self.sources_panel, "slides": self.project.slides,
            "table": self.attribute_table})
        self.readout = StatusReadout(self.statusBar(), catalog, self.features, lang, self)
        self._build_annotations()
        self.actions = ActionRegistry(self, self._handlers())
        self._build_toolbars()
        self._build_menus()
        self.retranslate_ui()
        self._connect()
        self._install_features()
        self._tab_order()

        if restore:
            geometry = self.settings.get(typed_settings.WINDOW_GEOMETRY)
            if geometry:
                self.restoreGeometry(geometry)
            window_state = self.settings.get(typed_settings.WINDOW_STATE)
            if window_state:
                self.restoreState(window_state, SETTINGS_VERSION)
            # A restored layout that no longer fits the screen is corrected, at the first show and
            # after every resize: the map keeps at least half the width (gis_app/ui/layout_fit.py).
            self.layout_guard = LayoutGuard(self)
        if catalog.problems:
            QTimer.singleShot(0, self._report_catalog_problems)
        if restore:  # a real session: offer what a crash left behind
            QTimer.singleShot(0, self.project.offer_recovery)

    # --- the language, and the docks by name -------------------------------------------------------
    @property
    def lang(self) -> str:
        return self.language.current

    # The docks under the names the tests and older code use; the registry owns them.
    layer_dock = property(lambda self: self.docks["layers"])
    time_dock = property(lambda self: self.docks["time"])
    info_dock = property(lambda self: self.docks["info"])
    stats_dock = property(lambda self: self.docks["stats"])
    sources_dock = property(lambda self: self.docks["sources"])
    slides_dock = property(lambda self: self.docks["slides"])
    table_dock = property(lambda self: self.docks["table"])
    # the status bar's labels under their old names (tests)
    selection_label = property(lambda self: self.readout.selection)
    cursor_label = property(lambda self: self.readout.cursor)
    zoom_label = property(lambda self: self.readout.zoom)
    scale_label = property(lambda self: self.readout.scale)

    # --- building ------------------------------------------------------------------------------
    def _handlers(self) -> dict:
        p = self.project
        return {
            "new": p.new, "open": p.open_dialog, "save": p.save, "save_as": p.save_as_dialog,
            "export": self.open_export_dialog, "save_image": self._save_image, "quit": self.close,
            "undo": self.undo_stack.undo, "redo": self.undo_stack.redo,
            "find": lambda: (self.search_box.setFocus(), self.search_box.selectAll()),
            "home": self.go_home,
            "add_slide": p.slides_ctl.add_slide, "present": lambda: p.slides_ctl.present(0),
            "present_here": lambda: p.slides_ctl.present(max(0, p.slides.list.currentRow())),
            "export_pdf": p.slides_ctl.export_pdf_dialog, "export_png": p.slides_ctl.export_png_dialog,
            "export_web": self._export_web_map,
            "about": self._about,
        }

    def _build_annotations(self) -> None:
        self.annotation_toolbar = AnnotationToolBar(self)
        self.annotation_tools = AnnotationController(self.annotations, self.undo_stack, self.map,
                                                     self.annotation_toolbar, self)

    def _build_toolbars(self) -> None:
        self.search_box = SearchBox(lambda: SearchIndex(self.catalog, self.features), self.lang, self)
        self.search_box.setFixedWidth(360)
        self.project_toolbar = self.addToolBar("")
        self.project_toolbar.setObjectName("projectToolbar")
        self.actions.fill_toolbar(self.project_toolbar, "project")
        self.search_toolbar = self.addToolBar("")
        self.search_toolbar.setObjectName("searchToolbar")
        self.search_toolbar.setMovable(False)
        self.search_toolbar.addWidget(self.search_box)
        self.search_toolbar.addSeparator()
        self.search_toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.search_toolbar.addActions(self.docks.toolbar_toggles())
        # The annotation tools get the second row to themselves: no tool behind the overflow arrow.
        self.addToolBarBreak()
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.annotation_toolbar)

    def _install_features(self) -> None:
        """The features that bring their own actions' handlers, menus and panels (ActionSpec.late)."""
        from gis_app.ui import basemap_ui, digitise, evidence_ui, team_controller, user_layers_ui

        user_layers_ui.install(self)   # File → Add layer…, bundles, drops on the map, the user layers' menu
        digitise.install(self)         # Edit → Digitise features…, citing sources (Info, the map's menu)
        evidence_ui.install(self)      # the analyst's sources and figures: forms, import, export, undo
        self.digitise.new_source = self.evidence_ui.add_source  # "New source…" while digitising
        basemap_ui.install(self)       # File → Open basemap…: the user's tile archive under the map
        team_controller.install(self)  # Team: connect, publish/open, live changes, conflicts

    def _build_menus(self) -> None:
        self.menus: dict[str, QMenu] = {}
        for name in MENU_TITLES:
            menu = self.menuBar().addMenu("")
            menu.setObjectName(f"{name}Menu")
            self.menus[name] = menu
        self.language_menu = QMenu(self)
        self.language_menu.setObjectName("languageMenu")
        self.language_actions: dict[str, QAction] = {}
        group = QActionGroup(self)
        for code in i18n.LANGUAGES:  # each language named in its own language
            action = QAction(i18n.NATIVE_NAMES[code], self, checkable=True)
            action.setChecked(code == self.lang)
            action.triggered.connect(lambda _checked=False, c=code: self.set_language(c))
            group.addAction(action)
            self.language_menu.addAction(action)
            self.language_actions[code] = action
        extras = {"recent": self.project.recent_menu,
                  "annotation_delete": self.annotation_toolbar.delete_action,
                  "docks": [*self.docks.toggles(), self.annotation_toolbar.toggleViewAction()],
                  "language": self.language_menu}
        for name, menu in self.menus.items():
            self.actions.fill_menu(menu, name, extras)
        self.project.install_lectures(self.menus["lectures"])
        # The old names (tests, the presentation's hiding of the chrome).
        self.file_menu, self.view_menu = self.menus["file"], self.menus["view"]
        self.edit_menu, self.help_menu = self.menus["edit"], self.menus["help"]

    def _connect(self) -> None:
        bridge = self.map.bridge
        bridge.cursor_moved.connect(self.readout.show_cursor)
        bridge.view_changed.connect(self._view_changed)
        bridge.feature_clicked.connect(self.select_feature)
        bridge.layer_error.connect(self._layer_error)
        self.map.context_menu_requested.connect(self._map_menu)
        self.layer_panel.layer_activated.connect(lambda layer_id: self.map.call("fitTo", layer_id))
        self.search_box.result_chosen.connect(lambda lid, fid: self.select_feature(lid, fid, zoom=True))
        self.attribute_table.feature_selected.connect(self.select_feature)
        self.attribute_table.zoom_requested.connect(lambda lid, fid: self.map.call("fitFeature", lid, fid))
        self.stats_panel.feature_activated.connect(self.select_feature)
        self.info_panel.style_changed.connect(self.sources_panel.set_style)
        for signal in (self.undo_stack.canUndoChanged, self.undo_stack.canRedoChanged,
                       self.undo_stack.undoTextChanged, self.undo_stack.redoTextChanged):
            signal.connect(self._refresh_undo_texts)
        # Who follows the data language: connected once here, not found by a broadcast.
        for panel in (self.layer_panel, self.info_panel, self.stats_panel, self.attribute_table,
                      self.search_box, self.project.slides):
            self.language.changed.connect(panel.set_lang)
        self.language.changed.connect(self._language_changed)
        self.document.subscribe(self._document_changed)
        self.stats_panel.set_time_range(self.state.time_range)
        self.time_filter.year_shown.connect(  # the year Play shows, large on the map
            lambda year: self.map.call("setYearBadge", None if year is None else str(year)))

    def _tab_order(self) -> None:
        """Tab goes as the eye reads the window: search, the layers, the time filter, the map, then
        the panels on the right and below (each panel's own controls in their order)."""
        blocks = [self.search_box, self.layer_panel, self.time_filter, self.map, self.info_panel,
                  self.stats_panel, self.sources_panel, self.project.slides, self.attribute_table]
        chain: list[QWidget] = []
        for block in blocks:
            for widget in (block, *block.findChildren(QWidget)):
                # a popup (a completer's list, a combo box's view) is a window of its own: Qt
                # refuses (and warns about) a tab order across windows
                if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget not in chain \
                        and not widget.isWindow() and widget.window() is self:
                    chain.append(widget)
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    @property
    def home_action(self) -> QAction:
        return self.actions["home"]

    def go_home(self) -> None:
        """Home: Central Asia (the five states of the countries layer) fitted to the window."""
        bounds = central_asia_bounds(self.features)
        if bounds is None:
            self.map.call("setView", *DEFAULT_CENTER, DEFAULT_ZOOM, True)
        else:
            self.map.call("fitCentralAsia", *bounds)

    def retranslate_ui(self) -> None:
        """Every text of the window's own chrome; called at start and on each LanguageChange."""
        for name, menu in self.menus.items():
            menu.setTitle(self.actions.menu_title(name))
        self.language_menu.setTitle(self.tr("&Language"))
        self.actions.retranslate()
        self.docks.retranslate()
        self.project_toolbar.setWindowTitle(self.tr("Project"))
        self.search_toolbar.setWindowTitle(self.tr("Search"))
        self._refresh_undo_texts()
        self.project.update_title()
        self.readout.set_lang(self.lang, self.selection)  # the status bar's words and numbers

    # --- language ------------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """The user's choice: interface and data in `lang` (kk, ru, en) at once, remembered."""
        self.language.set(lang, remember=True)

    def _language_changed(self, lang: str) -> None:
        self.language_actions[lang].setChecked(True)
        self.readout.set_lang(lang, self.selection)

    # --- the document's changes ----------------------------------------------------------------
    def _document_changed(self, what: Change) -> None:
        if Kind.SELECTION in what:
            self._show_selection()
        if Kind.TIME in what:
            self.stats_panel.set_time_range(self.state.time_range)
        if Kind.USER_LAYERS in what or (Kind.USER_FEATURES in what and any(
                layer.time_field for layer in self.catalog.layers if layer.id in what.layers)):
            # a user layer's dates widen (or narrow) the time filter
            bounds, _problems = dated_year_bounds(self.catalog, self.features)
            self.time_filter.set_bounds(bounds or (1990, 2025))
        if Kind.LANGUAGE in what and self.document.language != self.language.current:
            self.language.set(self.document.language, remember=False)  # a project's own language

    def _in_time(self, layer_id: str, feature_id: str, span: tuple[int, int]) -> bool:
        """The time filter's rule for the document: is this feature inside `span`?"""
        try:
            layer = self.catalog.layer(layer_id)
            if not layer.time_field:
                return True
            years = feature_span(layer, self.features.properties(layer_id, feature_id))
        except (KeyError, DataError):
            return True
        return years is None or (years[0] <= span[1] and years[1] >= span[0])

    # --- selection -----------------------------------------------------------------------------
    @property
    def selection(self) -> tuple[str, str] | None:
        sel = self.document.selection
        return (sel.layer, sel.feature) if sel else None

    def select_feature(self, layer_id: str, feature_id: str, zoom: bool = False) -> None:
        """A map click, search hit, table row or chart bar: the document's selection (its layer is
        shown); every view follows it."""
        if self.readout.name_selection(layer_id, feature_id):
            self.document.select(layer_id, feature_id, focus=zoom)

    def _show_selection(self) -> None:
        sel = self.document.selection
        if sel is None:
            self.readout.clear_selection()
            self.info_panel.clear()
            return
        self.readout.name_selection(sel.layer, sel.feature)
        self.info_panel.show_feature(sel.layer, sel.feature)
        self.docks.show("info")
        self.attribute_table.select(sel.layer, sel.feature)

    # --- page events -------------------------------------------------------------------------
    def _view_changed(self, lat: float, lon: float, zoom: float) -> None:
        try:
            self.state.set_view(lat, lon, zoom, from_page=True)
        except ValueError:
            return
        self.readout.show_view(lat, lon, zoom)

    def _map_menu(self, where: dict, global_pos) -> None:
        from gis_app.ui.map_menu import map_menu

        map_menu(self, where).popup(global_pos)

    def _layer_error(self, layer_id: str, message: str) -> None:
        try:
            title = self.catalog.layer(layer_id).title_in(self.lang)
        except KeyError:
            title = layer_id
        text = self.tr("Layer '{0}' could not be drawn: {1}").format(title, message)
        log.warning(text)
        self.statusBar().showMessage(text, 15000)

    def _report_catalog_problems(self) -> None:
        self.prompts.warn(self.tr("Some layers were not loaded"),
                          self.tr("Some layer definitions have problems; a layer with an error "
                                  "was skipped:"),
                          "\n".join(self.catalog.problems))

    # --- actions -----------------------------------------------------------------------------
    def _refresh_undo_texts(self, *_args) -> None:
        stack, undo_action, redo_action = self.undo_stack, self.actions["undo"], self.actions["redo"]
        undo_action.setEnabled(stack.canUndo())
        redo_action.setEnabled(stack.canRedo())
        undo, redo = stack.undoText(), stack.redoText()
        undo_action.setText(self.tr("&Undo {0}").format(undo) if undo else self.tr("&Undo"))
        redo_action.setText(self.tr("&Redo {0}").format(redo) if redo else self.tr("&Redo"))

    def open_export_dialog(self):
        from gis_app.ui.export_dialog import ExportDialog

        dialog = ExportDialog(self.catalog, self.state, self.annotations, self.lang, self,
                              document=self.document)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.show()
        return dialog

    def _export_web_map(self) -> None:
        from gis_app.ui.webmap_dialog import export_web_map  # folium and the page builder: on demand

        export_web_map(self)

    def _save_image(self) -> None:
        path = self.prompts.save_file("export", self.tr("Save map image"), "atlas.png",
                                      self.tr("PNG image (*.png)"))
        path = Path(path) if path else None
        if not path:
            return
        image = self.map.stable_grab()
        try:  # written whole or not at all: a failed write leaves the previous file
            with atomic.replacing(path) as tmp:
                if not image.save(str(tmp), "PNG"):
                    raise atomic.OutputError(self.tr("Could not write {0}").format(path))
        except OSError as exc:
            self.prompts.warn(self.tr("Not saved"), str(exc))

    def _about(self) -> None:
        credits = sorted({a for layer in self.catalog.layers for a in layer.attribution})
        self.prompts.info(self.tr("About the atlas"), self.tr(
            "Central Asia Security Atlas\n\nAn offline atlas of security in Central Asia. "
            "Every layer names its sources.\n\nMap data: {0}").format(", ".join(credits)))

    # --- persistence -------------------------------------------------------------------------
    def _restore_state(self) -> None:
        saved = self.settings.get(typed_settings.MAP_STATE)
        if not saved:
            return
        try:
            with self.document.batch(edit=False):
                self.state.apply(saved)
        except (ValueError, TypeError, KeyError) as exc:
            log.warning("ignoring unreadable saved map state: %s", exc)
        self.document.mark_clean()

    def closeEvent(self, event):  # noqa: N802
        if not self.project.closing():
            event.ignore()
            return
        if self._restore:
            self.settings.set(typed_settings.WINDOW_GEOMETRY, self.saveGeometry())
            self.settings.set(typed_settings.WINDOW_STATE, self.saveState(SETTINGS_VERSION))
            self.settings.set(typed_settings.MAP_STATE, self.state.to_dict())
            self.settings.sync()
        self.team.shutdown()  # the live listener's thread and the server connection end
        self.map.shutdown()
        super().closeEvent(event)
