"""The user's layers in the window: File → Add layer… / Save bundle… / Open bundle…, files dropped on
the map, the Layers panel's menu of a user layer (style, zoom, export, embed, remove), a "locate…"
question for a layer whose file moved, and the panels that list layers kept up to date.

One call joins it to the window: `install(window)` (after the window is built)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QTimer

from gis_app.core import bundle
from gis_app.core import importers as im
from gis_app.core.events import Change, Kind
from gis_app.core.features import DataError
from gis_app.ui.import_dialog import ImportFlow


class UserLayersController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.flow = ImportFlow(self.document, window.prompts, self)
        self._data: dict[str, Path] = {}   # id -> the data file the feature store read
        self._asked: set[str] = set()      # layers whose missing file was already asked about
        self._locate_queued = False

    def install(self) -> None:
        w = self.window
        for key, handler in (("add_layer", self.flow.choose_and_import), ("save_bundle", self.save_bundle),
                             ("open_bundle", self.open_bundle)):
            w.actions.set_handler(key, handler)
        self.flow.imported.connect(lambda text: w.statusBar().showMessage(text, 15000))
        w.map.files_dropped.connect(self.flow.import_paths)
        w.layer_panel.user_layer_action.connect(self.act)
        self.document.subscribe(self._changed)

    # --- following the document ----------------------------------------------------------------------
    def _changed(self, what: Change) -> None:
        if Kind.USER_FEATURES in what:
            self._features_changed(what)
        if Kind.USER_LAYERS not in what:
            return
        w, catalog = self.window, self.document.catalog
        for layer_id in set(self._data) | {e["id"] for e in self.document.user_layers}:
            now = catalog.layer(layer_id).data if catalog.is_user(layer_id) else None
            if self._data.get(layer_id) != now:
                w.features.forget(layer_id)
                self._data[layer_id] = now
                if w.attribute_table.model.layer_id == layer_id and now is not None:
                    w.attribute_table.model.set_layer(layer_id)  # a feature digitised, edited, deleted
        w.attribute_table.set_lang(w.lang)      # refills its list of layers
        w.search_box.reset_index()              # indexed again on the next search
        if set(self.document.user_layer_problems) - self._asked and not self._locate_queued:
            self._locate_queued = True
            QTimer.singleShot(0, self.offer_locate)

    def _features_changed(self, what: Change) -> None:
        """Single features put or removed: the feature store, the attribute table and search take
        just those (the layer's file is the same, written again)."""
        w, ops = self.window, {}
        for layer_id, op, fid in what.features:
            ops.setdefault(layer_id, {})[fid] = op
        for layer_id, by_id in ops.items():
            try:
                features = self.document.user_layer(layer_id)["data"]["features"]
            except (KeyError, TypeError):
                continue
            wanted = {fid for fid, op in by_id.items() if op == "put"}
            put = [f for f in features if str((f.get("properties") or {}).get("id")) in wanted]
            w.features.patch(layer_id, put, {fid for fid, op in by_id.items() if op == "remove"})
            if w.attribute_table.model.layer_id == layer_id:
                w.attribute_table.model.set_layer(layer_id)
        w.search_box.reset_index()  # indexed again on the next search

    def offer_locate(self) -> None:
        """For each layer whose file is missing: locate it, keep it for later, or remove it."""
        self._locate_queued = False
        for layer_id, problem in list(self.document.user_layer_problems.items()):
            if layer_id in self._asked:
                continue
            self._asked.add(layer_id)
            title = self.tr("A layer's file is missing")
            entry = self.document.user_layer(layer_id)
            text = self.tr("The file of the layer \u201c{0}\u201d cannot be read: {1}").format(
                entry.get("title", layer_id), problem)
            choice = self.window.prompts.choose(title, text, [
                ("locate", self.tr("Locate…")), ("keep", self.tr("Keep it for later")),
                ("remove", self.tr("Remove the layer"))])
            if choice == "remove":
                self.document.remove_user_layer(layer_id)
            elif choice == "locate":
                path = self.window.prompts.open_file("import", self.tr("Locate {0}").format(
                    entry.get("title", layer_id)), self.flow.filters())
                if path:
                    try:
                        self.document.relocate_user_layer(layer_id, Path(path))
                    except (im.RefusedError, im.Question, OSError, ValueError) as exc:
                        self.window.prompts.warn(title, self.tr("That file cannot be used: {0}").format(exc))

    # --- the Layers panel's menu of a user layer ----------------------------------------------------
    def act(self, action: str, layer_id: str) -> None:
        w = self.window
        if action == "style":
            from gis_app.ui.style_editor import StyleEditor
            StyleEditor(self.document, w.features, layer_id, w).exec()
        elif action == "zoom":
            w.map.call("fitTo", layer_id)
        elif action == "export":
            self.export_layer(layer_id)
        elif action == "embed":
            try:
                self.document.embed_user_layer(layer_id)
            except (OSError, DataError) as exc:
                w.prompts.warn(self.tr("Keep the data in the project"), str(exc))
        elif action in ("digitise", "cite") and getattr(w, "digitise", None) is not None:
            (w.digitise.start if action == "digitise" else w.digitise.cite)(layer_id)
        elif action == "publish":
            w.team.publish_layer(layer_id)
        elif action == "remove":
            title = self.document.user_layer(layer_id).get("title", layer_id)
            if w.prompts.ask(self.tr("Remove layer"), self.tr("Remove \u201c{0}\u201d from the project? "
                                                               "Its file is not touched.").format(title),
                             ("yes", "no")) == "yes":
                self.document.remove_user_layer(layer_id)

    def table_selection(self, layer_id: str) -> list[str]:
        table = self.window.attribute_table
        if table.model.layer_id != layer_id:
            return []
        from gis_app.ui.attribute_table import FEATURE_ID_ROLE
        return [i.data(FEATURE_ID_ROLE) for i in table.view.selectionModel().selectedRows()]

    def export_layer(self, layer_id: str) -> bool:
        w = self.window
        title = self.tr("Export layer")
        selected = self.table_selection(layer_id)
        ids = None
        if selected:
            which = w.prompts.choose(title,
                                     self.tr("Export the whole layer or the rows selected in the table?"),
                                     [("all", self.tr("Whole layer")),
                                      ("selection", self.tr("%n selected row(s)", "", len(selected)))])
            if which is None:
                return False
            ids = selected if which == "selection" else None
        name = self.document.catalog.layer(layer_id).title_in(w.lang)
        path = w.prompts.save_file("export", title, f"{name}.gpkg",
                                   self.tr("GeoPackage (*.gpkg);;GeoJSON (*.geojson);;Shapefile (*.shp)"))
        if not path:
            return False
        try:
            count = bundle.export_layer(self.document, layer_id, Path(path), ids)
        except (bundle.BundleError, DataError, OSError, ValueError) as exc:
            w.prompts.warn(title, self.tr("The layer could not be exported: {0}").format(exc))
            return False
        done = self.tr("%n feature(s) written to {0}", "", count).format(Path(path).name)
        w.statusBar().showMessage(done, 10000)
        return True

    # --- bundles --------------------------------------------------------------------------------------
    def save_bundle(self) -> bool:
        w = self.window
        title = self.tr("Save bundle")
        name = (self.document.path.name.removesuffix(".atlas.json") if self.document.path else "project")
        path = w.prompts.save_file("project", title, name + bundle.SUFFIX,
                                   self.tr("Atlas bundle (*.atlas.zip)"))
        if not path:
            return False
        try:
            bundle.save_bundle(self.document, bundle.check_suffix(Path(path)))
        except (bundle.BundleError, DataError, OSError, ValueError) as exc:
            w.prompts.warn(title, self.tr("The bundle could not be written: {0}").format(exc))
            return False
        w.statusBar().showMessage(self.tr("Bundle saved: {0}").format(Path(path).name), 10000)
        return True

    def open_bundle(self, path: str | Path | None = None) -> bool:
        w = self.window
        title = self.tr("Open bundle")
        if not w.project.maybe_save():
            return False
        path = path or w.prompts.open_file("project", title, self.tr("Atlas bundle (*.atlas.zip)"))
        if not path:
            return False
        try:
            project, _home = bundle.open_bundle(Path(path))
        except bundle.BundleError as exc:
            w.prompts.warn(title, self.tr("The bundle cannot be opened: {0}").format(exc))
            return False
        w.project.apply(project, None)
        w.project.report_opened(project, Path(path).name)
        return True


def install(window) -> UserLayersController:
    controller = UserLayersController(window)
    controller.install()
    window.user_layers = controller
    return controller
