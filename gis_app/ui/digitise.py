"""Digitising and citing in the window: points, lines and polygons drawn into a user layer with the
annotation tools' clicks (resources/web/annotations.js: double-click or Enter ends a shape, Esc
cancels it), each with an attribute form that asks for its sources; a feature edited, moved or
reshaped (resources/web/digitise.js: drag, Enter keeps), deleted; sources cited for any feature or
a whole user layer. Every change is one QUndoCommand on the window's undo stack; the document
(core/document.py) owns the data.

One call joins it to the window: `install(window)` (after ui/user_layers_ui.install)."""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QDialog, QWidget

from gis_app.core import digitised as dg
from gis_app.core.events import Change, Kind
from gis_app.ui.digitise_forms import CiteDialog, FeatureForm, TargetDialog
from gis_app.ui.evidence_commands import SetCites
from gis_app.ui.refusal_text import digitise_text

log = logging.getLogger(__name__)


# --- undo commands ----------------------------------------------------------------------------------
class AddLayer(QUndoCommand):
    def __init__(self, document, entry: dict, text: str):
        super().__init__(text)
        self.document, self.entry = document, entry

    def redo(self):
        self.document.add_user_layers([self.entry])

    def undo(self):
        try:
            self.entry = self.document.remove_user_layer(self.entry["id"])  # as it is now (styled)
        except KeyError:
            self.setObsolete(True)


class FeatureEdit(QUndoCommand):
    """A feature added (before None), changed, or deleted (after None), with the layer's fields and
    the feature's cited sources, as one step."""

    def __init__(self, document, layer_id: str, before: dict | None, after: dict | None,
                 fields: tuple[list[str], list[str]], cites: tuple[list[str], list[str]], text: str):
        super().__init__(text)
        self.document, self.layer_id, self.before, self.after = document, layer_id, before, after
        self.fields, self.cites, self.index = fields, cites, None
        feature = after or before
        self.target = f"{layer_id}/{feature['properties']['id']}"

    def _apply(self, old: dict | None, new: dict | None, fields: list[str], cites: list[str]) -> None:
        doc = self.document
        if self.layer_id not in {e["id"] for e in doc.user_layers}:
            self.setObsolete(True)  # its layer was removed since: the step goes from the history
            return
        try:
            with doc.batch():
                doc.set_user_layer_fields(self.layer_id, fields)
                if old is None:
                    doc.add_user_feature(self.layer_id, new, self.index)
                elif new is None:
                    _feature, self.index = doc.remove_user_feature(self.layer_id, old["properties"]["id"])
                else:
                    doc.replace_user_feature(self.layer_id, new)
                doc.set_cites(self.target, cites)
        except KeyError:
            self.setObsolete(True)  # the feature is gone from its layer since: the step cannot apply

    def redo(self):
        self._apply(self.before, self.after, self.fields[1], self.cites[1])

    def undo(self):
        self._apply(self.after, self.before, self.fields[0], self.cites[0])


def _accepted(dialog: QDialog) -> dict | None:
    return dialog.result_values() if dialog.exec() == QDialog.DialogCode.Accepted else None


# --- the controller -----------------------------------------------------------------------------------
class DigitiseController(QObject):
    def __init__(self, window):
        super().__init__(window)
        self.window, self.document = window, window.document
        self.target = ""        # the layer being digitised into ("" = not digitising)
        self.reshaping = ""     # the feature whose shape the next drawing replaces
        # Adds a source (the evidence's source form) and returns its id, or None; unset: no button.
        self.new_source: Callable[[QWidget], str | None] | None = None
        # The dialogs, each shown modally and answered with its values or None; tests replace them.
        self.ask_target: Callable[[TargetDialog], dict | None] = _accepted
        self.ask_feature: Callable[[FeatureForm], dict | None] = _accepted
        self.ask_cites: Callable[[CiteDialog], dict | None] = _accepted

    def install(self) -> None:
        w = self.window
        w.actions.set_handler("digitise", self.start)
        w.actions.set_handler("stop_digitise", self.stop)
        w.actions["stop_digitise"].setEnabled(False)
        w.map.bridge.feature_drawn.connect(self.drawn)
        w.annotation_toolbar.tool_chosen.connect(lambda _tool: self._stopped())
        w.info_panel.cited_sources = self.cited_sources
        w.info_panel.cite_requested.connect(self.cite)
        self.document.subscribe(self._changed)

    # --- sources -------------------------------------------------------------------------------------
    def sources(self) -> dict[str, dict]:
        """The shipped bibliography and the project's sources (the document's one combined view;
        the same dict while the sources stay the same, which the citation formatter caches by)."""
        return self.document.evidence.bibliography

    def own_ids(self) -> set[str]:
        return set(dg.user_sources(self.document.user_evidence))

    def cited_sources(self, layer_id: str, feature_id: str) -> tuple[list[str], dict[str, dict]]:
        """For the Info panel: the sources cited for the feature and its layer, and where to find them."""
        return dg.feature_cites(self.document.user_evidence, layer_id, feature_id), self.sources()

    def _wire_new_source(self, picker, parent: QWidget) -> None:
        def add():
            new_id = self.new_source(parent) if self.new_source else None
            if new_id:
                picker.set_sources(self.sources())
                picker.set_checked(new_id)
        picker.new_source_requested.connect(add)

    # --- digitising ----------------------------------------------------------------------------------
    def _layers(self) -> list[tuple[str, str, str]]:
        doc = self.document
        # A team workspace layer is the server's: its features change through Team → Edit (versions,
        # conflicts), never by drawing into the project's copy, which the next refresh replaces.
        return [(e["id"], str(e.get("title") or e["id"]), e.get("geometry")) for e in doc.user_layers
                if e.get("geometry") in dg.GEOMETRIES and e["id"] not in doc.user_layer_problems
                and not e.get("workspace")]

    def start(self, layer_id: str = "") -> bool:
        """Digitise into `layer_id`, or into the layer the user chooses (a new one is made now)."""
        w = self.window
        if not layer_id:
            choice = self.ask_target(TargetDialog(self._layers(), w))
            if choice is None:
                return False
            if "layer" in choice:
                layer_id = choice["layer"]
            else:
                taken = {e["id"] for e in self.document.user_layers} | set(self.document.catalog.ids())
                try:
                    entry = dg.new_layer(choice["title"], choice["geometry"], choice["fields"],
                                         len(self.document.user_layers), taken, choice.get("dated", False),
                                         self.tr("Drawn by hand on the atlas's map: as accurate as the "
                                                 "zoom each feature was drawn at."))
                except dg.DigitiseError as exc:
                    w.prompts.warn(self.tr("Digitise features"), digitise_text(exc))
                    return False
                text = self.tr("New layer “{0}”").format(entry["title"])
                w.undo_stack.push(AddLayer(self.document, entry, text))
                layer_id = entry["id"]
        if self.document.user_layer(layer_id).get("workspace"):
            w.prompts.warn(self.tr("Digitise features"), self.tr(
                "This layer is shared in the team workspace: its features change there, with "
                "Team → Edit the selected workspace feature…, so that colleagues see the change and no "
                "edit is lost. Draw into a layer of your own instead."))
            return False
        geometry = self.document.user_layer(layer_id).get("geometry")
        if geometry not in dg.GEOMETRIES:
            w.prompts.warn(self.tr("Digitise features"), self.tr(
                "This layer mixes points, lines and areas: draw into a layer of one kind."))
            return False
        self.target, self.reshaping = layer_id, ""
        self._tool(geometry)
        return True

    def _tool(self, geometry: str) -> None:
        w = self.window
        w.map.call("setDigitiseTool", geometry)
        w.actions["stop_digitise"].setEnabled(True)
        hint = {"point": self.tr("Click on the map to place each point; Esc or Stop digitising ends."),
                "line": self.tr("Click the line's points; double-click or Enter ends it, Esc cancels it."),
                "polygon": self.tr("Click the corners; double-click or Enter closes the polygon, "
                                   "Esc cancels it.")}[geometry]
        w.statusBar().showMessage(hint)

    def stop(self) -> None:
        self.window.map.call("setDigitiseTool", None)
        self.window.map.call("editShape", None)
        self._stopped()

    def _stopped(self) -> None:
        if self.target:
            self.target, self.reshaping = "", ""
            self.window.actions["stop_digitise"].setEnabled(False)
            self.window.statusBar().clearMessage()

    def drawn(self, geometry_json: str) -> None:
        """The page reports a shape drawn while digitising."""
        if not self.target:
            return
        layer_id = self.target
        entry = self.document.user_layer(layer_id)
        try:
            geometry = dg.check_geometry(entry.get("geometry"), json.loads(geometry_json))
        except (ValueError, dg.DigitiseError) as exc:
            self.window.prompts.warn(self.tr("Digitise features"),
                                     self.tr("The shape cannot be kept: {0}").format(digitise_text(exc)))
            return
        if self.reshaping:
            fid, self.reshaping = self.reshaping, ""
            before = self._feature(layer_id, fid)
            after = {**copy.deepcopy(before), "geometry": geometry}
            self._push(layer_id, before, after, None, self.tr("Move or reshape feature"))
            self.stop()
            return
        fid = dg.next_feature_id(list(self.window.features.layer(layer_id).by_id))  # a file's too
        answer = self._form(layer_id, {}, [])
        if answer is None:
            return
        feature = dg.make_feature(fid, geometry, self._typed(layer_id, answer["properties"]))
        self._push(layer_id, None, feature, answer, self.tr("Add feature"))
        self.window.select_feature(layer_id, fid)

    def _form(self, layer_id: str, values: dict, cited: list[str]) -> dict | None:
        entry = self.document.user_layer(layer_id)
        prompts = self.window.prompts
        form = FeatureForm(str(entry.get("title") or layer_id), dg.fields_of(entry), values, self.sources(),
                           self.own_ids(), cited, self.window.lang,
                           lambda: prompts.ask_text(self.tr("Add field"), self.tr("Name of the new field:")),
                           self.new_source is not None, entry.get("time_field") or "", self.window)
        self._wire_new_source(form.sources, form)
        return self.ask_feature(form)

    def _typed(self, layer_id: str, values: dict) -> dict:
        return dg.typed(values, self.window.features.layer(layer_id).features)

    def _push(self, layer_id: str, before: dict | None, after: dict | None, answer: dict | None,
              text: str) -> None:
        entry = self.document.user_layer(layer_id)
        fields_before = dg.fields_of(entry)
        target = f"{layer_id}/{(after or before)['properties']['id']}"
        cites_before = self.document.cites(target)
        fields_after = dg.check_fields(answer["fields"]) if answer else fields_before
        cites_after = answer["sources"] if answer else ([] if after is None else cites_before)
        fields, cites = (fields_before, fields_after), (cites_before, cites_after)
        self.window.undo_stack.push(FeatureEdit(self.document, layer_id, before, after, fields, cites, text))

    # --- a feature's menu: edit, move or reshape, delete---------------------------------------------
    def is_digitisable(self, layer_id: str) -> bool:
        return any(i == layer_id for i, _t, _g in self._layers())

    def _feature(self, layer_id: str, feature_id: str) -> dict:
        """The feature as the layer has it (an imported layer's from its file, until it is embedded)."""
        feature = self.window.features.layer(layer_id).by_id.get(str(feature_id))
        if feature is None:
            raise KeyError(f"{layer_id}/{feature_id}")
        return copy.deepcopy(feature)

    def edit_feature(self, layer_id: str, feature_id: str) -> bool:
        entry = self.document.user_layer(layer_id)
        before = self._feature(layer_id, feature_id)
        target = f"{layer_id}/{feature_id}"
        values = {k: v for k, v in (before.get("properties") or {}).items() if k != "id"}
        answer = self._form(layer_id, values, self.document.cites(target))
        if answer is None:
            return False
        after = dg.make_feature(feature_id, before["geometry"], self._typed(layer_id, answer["properties"]))
        if after == before and answer["sources"] == self.document.cites(target) \
                and answer["fields"] == dg.fields_of(entry):
            return False
        self._push(layer_id, before, after, answer, self.tr("Edit feature"))
        return True

    def reshape(self, layer_id: str, feature_id: str) -> None:
        """Drag a point of the feature, or the whole feature; Enter keeps the new shape (one undo
        step), Esc cancels. A multi-part shape (imported) is drawn anew instead."""
        shape = self._feature(layer_id, feature_id)["geometry"]
        geometry = self.document.user_layer(layer_id).get("geometry")
        self.stop()
        self.target, self.reshaping = layer_id, str(feature_id)
        if shape.get("type") != dg.TYPES.get(geometry):
            self._tool(geometry)
            return
        self.window.map.call("editShape", shape)
        self.window.actions["stop_digitise"].setEnabled(True)
        self.window.statusBar().showMessage(self.tr(
            "Drag a point of the feature, or the feature itself; Enter keeps the new shape, Esc cancels."))

    def delete_feature(self, layer_id: str, feature_id: str) -> None:
        before = self._feature(layer_id, feature_id)
        self._push(layer_id, before, None, None, self.tr("Delete feature"))

    # --- citing -------------------------------------------------------------------------------------
    def cite(self, layer_id: str, feature_id: str = "") -> bool:
        """Ask which sources state this feature (or its whole layer, for a user layer); with no
        feature, which sources state the whole (user) layer."""
        w = self.window
        catalog = self.document.catalog
        try:
            layer = catalog.layer(layer_id)
            props = w.features.properties(layer_id, feature_id) if feature_id else {}
        except (KeyError, ValueError):
            return False
        if not feature_id and not catalog.is_user(layer_id):
            return False
        from gis_app.core.i18n import feature_name
        own = props.get(layer.name_field) if layer.name_field else None
        name = (feature_name(props, w.lang) or ("" if own is None else str(own)) or str(feature_id)
                if feature_id else "")
        targets = {"feature": f"{layer_id}/{feature_id}", "layer": layer_id}
        current = {scope: self.document.cites(t) for scope, t in targets.items()}
        dialog = CiteDialog(name, layer.title_in(w.lang), catalog.is_user(layer_id), dict(current),
                            self.sources(), self.own_ids(), w.lang, self.new_source is not None, w)
        self._wire_new_source(dialog.sources, dialog)
        answer = self.ask_cites(dialog)
        if answer is None:
            return False
        scope, ids = answer["scope"], answer["sources"]
        if ids == current[scope]:
            return False
        command = SetCites(self.document, targets[scope], current[scope], ids, self.tr("Cite sources"))
        w.undo_stack.push(command)
        return True

    # --- following the document -----------------------------------------------------------------------
    def _changed(self, what: Change) -> None:
        if self.target and Kind.USER_LAYERS in what and self.target not in {
                e["id"] for e in self.document.user_layers}:
            self.stop()  # its layer is gone (undone, removed)
        if (Kind.USER_LAYERS in what or Kind.USER_FEATURES in what or Kind.EVIDENCE in what) \
                and self.window.info_panel.current:
            self.window.info_panel.show_feature(*self.window.info_panel.current)


def install(window) -> DigitiseController:
    controller = DigitiseController(window)
    controller.install()
    window.digitise = controller
    return controller
