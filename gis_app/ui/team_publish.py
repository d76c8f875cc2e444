"""Publishing to and opening from the team workspace, and editing a workspace feature: the part of
the team controller (ui/team_controller.py) that moves layers, evidence and lectures. It reads the
connection (workspace, info, prompts, failure handling) from the controller."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt

from gis_app.core import user_layers as ul
from gis_app.core.features import DataError
from gis_app.core.i18n import pick
from gis_app.ui import team_layers as tl


class TeamPublisher(QObject):
    """Attributes it does not have itself (workspace, info, prompts, connected, failed, enqueue,
    add_conflict, ...) are the controller's."""

    def __init__(self, team):
        super().__init__(team)
        self.team = team

    def __getattr__(self, name: str):
        if name == "team":
            raise AttributeError(name)
        return getattr(self.team, name)

    def _need_connection(self, title: str) -> bool:
        if self.workspace is not None and self.connected:
            return True
        self.prompts.warn(title, self.tr("Connect to the team workspace first (Team → Connect to team "
                                         "workspace…)."))
        return False

    def _status(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)

    # --- publishing -------------------------------------------------------------------------------
    def publish_layer(self, layer_id: str | None = None) -> bool:
        """Publish one of the project's own layers; it becomes a workspace layer here (edits go to
        the server, colleagues' changes come in)."""
        from gis_app.team.errors import TeamError
        title = self.tr("Publish a layer")
        if not self._need_connection(title):
            return False
        if layer_id is None:
            local = [e for e in self.document.user_layers if "workspace" not in e]
            if not local:
                self.prompts.info(title, self.tr("This project has no layers of its own to publish. Add one "
                                                 "with File → Add layer…"))
                return False
            layer_id = self.prompts.choose(title, self.tr("Which layer should colleagues see?"),
                                           [(e["id"], str(e.get("title") or e["id"])) for e in local])
            if layer_id is None:
                return False
        entry = self.document.user_layer(layer_id)
        if "workspace" in entry:
            self.prompts.info(title, self.tr("“{0}” is already in the team workspace: its edits are "
                                             "shared as they are made.").format(entry["title"]))
            return False
        try:
            features = tl.layer_features(self.document, layer_id)
        except (DataError, KeyError, OSError) as exc:
            self.prompts.warn(title, self.tr("The layer's data cannot be read: {0}").format(exc))
            return False
        self.window.setCursor(Qt.CursorShape.WaitCursor)
        try:
            server_id = self.workspace.publish_layer(tl.for_publishing(entry), features)
            server_entry, collection = self.workspace.open_layer(server_id)
        except TeamError as exc:
            return self.failed(exc, title)
        finally:
            self.window.unsetCursor()
        linked = tl.document_entry(server_entry, collection, server_id, self.info, layer_id, keep=entry)
        self.document.set_user_layer_data(layer_id, linked["data"], workspace=linked["workspace"], edit=True)
        self._status(self.tr("Published “{0}”: %n feature(s).", "", len(features["features"])).format(
            entry["title"]))
        return True

    def publish_evidence(self) -> bool:
        from gis_app.team.errors import TeamError
        title = self.tr("Publish the evidence")
        if not self._need_connection(title):
            return False
        evidence = self.document.user_evidence or {}
        counts = {k: len(evidence.get(k) or []) for k in ("sources", "claims", "indicators")}
        if not any(counts.values()) and not evidence.get("cites"):
            self.prompts.info(title, self.tr("This project has no sources or claims of its own to publish."))
            return False
        try:
            result = self.workspace.publish_evidence(evidence) or {}
        except TeamError as exc:
            return self.failed(exc, title)
        conflicts = list(result.get("conflicts") or [])
        added, unchanged = result.get("added", 0), result.get("unchanged", 0)
        self._status(self.tr("Evidence published: {0} added, {1} already there, {2} different from the "
                             "workspace's (shown to choose).").format(added, unchanged, len(conflicts)))
        for conflict in conflicts:  # a source or claim a colleague published otherwise: never overwritten
            self.add_conflict(conflict)
        return True

    def open_evidence(self) -> bool:
        """Team → Open colleagues' evidence…: the workspace's sources, indicators, figures and
        citations added to the project's as one undo step. An entry the project has in another form
        stays as it is, or is replaced by the workspace's, as the user chooses (never silently)."""
        from gis_app.core.evidence_merge import merge_plan
        from gis_app.team.errors import TeamError
        from gis_app.ui.evidence_commands import AddEntry, Macro, SetCites, UpdateEntry
        title = self.tr("Open colleagues' evidence")
        if not self._need_connection(title):
            return False
        try:
            theirs, _versions = self.workspace.open_evidence()
        except TeamError as exc:
            return self.failed(exc, title)
        plan = merge_plan(self.document.user_evidence, theirs)
        if plan.empty:
            self.prompts.info(title, self.tr("The project already has all the evidence in the workspace "
                                             "({0} entries).").format(plan.same))
            return False
        take_theirs = False
        if plan.different:
            choice = self.prompts.choose(title, self.tr(
                "%n source(s), figure(s) or indicator(s) of the workspace differ from the project's "
                "entries of the same name.", "", len(plan.different)),
                [("mine", self.tr("Keep the project's")), ("theirs", self.tr("Take the workspace's"))])
            if choice is None:
                return False
            take_theirs = choice == "theirs"
        macro = Macro(self.document, self.tr("open colleagues' evidence"))
        for part, entry in plan.new:
            macro.add(AddEntry(self.document, part, entry))
        if take_theirs:
            for part, mine, entry in plan.different:
                if part != "indicators":  # an indicator is named once; its labels stay the project's
                    key = "id" if part == "sources" else "claim_id"
                    macro.add(UpdateEntry(self.document, part, mine[key], entry))
        for target, (before, after) in plan.cites.items():
            macro.add(SetCites(self.document, target, before, after, ""))
        self.window.undo_stack.push(macro)
        if macro.error:
            from gis_app.ui.refusal_text import evidence_text
            self.prompts.warn(title, self.tr("Nothing was added: {0}").format(
                evidence_text(macro.refusal, self.document.evidence, self.window.lang)))
            return False
        self._status(self.tr("Colleagues' evidence: {0} added, {1} already here, {2} different "
                             "({3}).").format(len(plan.new), plan.same, len(plan.different),
                                              self.tr("the workspace's taken") if take_theirs
                                              else self.tr("the project's kept")))
        return True

    def publish_lecture(self) -> bool:
        """The whole project (its slides, annotations, evidence and layers with their data)."""
        title = self.tr("Publish the lecture")
        if not self._need_connection(title):
            return False
        doc = self.document
        if self.team.lecture.linked_here():  # already there: that lecture is updated, no copy
            project = self._lecture_project(title)
            return project is not None and self.team.lecture.republish(project)
        suggested = pick(doc.title, self.window.lang) if doc.title else (
            doc.path.name.removesuffix(".atlas.json") if doc.path else "")
        name = self.prompts.ask_text(title, self.tr("Name of the lecture in the workspace:"), suggested)
        if name is None:
            return False
        name = name.strip()
        if not name:
            self.prompts.warn(title, self.tr("A lecture needs a name."))
            return False
        project = self._lecture_project(title)
        return project is not None and self.team.lecture.publish(name, project)

    def _lecture_project(self, title: str) -> dict | None:
        try:
            return tl.published_project(self.document)
        except (DataError, KeyError, OSError) as exc:
            self.prompts.warn(title, self.tr("A layer's data cannot be read: {0}").format(exc))
            return None

    # --- opening ----------------------------------------------------------------------------------
    def open_dialog(self):
        from gis_app.team.errors import TeamError
        from gis_app.ui.team_open import OpenDialog
        title = self.tr("Open from the team workspace")
        if not self._need_connection(title):
            return None
        try:
            layers, projects = self.workspace.list_layers(), self.workspace.list_projects()
        except TeamError as exc:
            self.failed(exc, title)
            return None
        dialog = OpenDialog(layers, projects, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.chosen.connect(lambda kind, item: self.open_layer(item) if kind == "layer"
                              else self.open_project(item))
        dialog.open()
        return dialog

    def open_layer(self, server_id) -> str | None:
        """A workspace layer into the document (or read again if it is open): its local id."""
        from gis_app.team.errors import TeamError
        for entry in self.workspace_entries():
            if str(entry["workspace"].get("layer_id")) == str(server_id):
                self.refresh_layer(entry["id"])
                return entry["id"]
        try:
            server_entry, collection = self.workspace.open_layer(server_id)
        except TeamError as exc:
            self.failed(exc, self.tr("Open from the team workspace"))
            return None
        taken = {e["id"] for e in self.document.user_layers} | set(self.document.catalog.ids())
        local_id = ul.new_id(str(server_entry.get("title") or "layer"), taken)
        entry = tl.document_entry(server_entry, collection, server_id, self.info, local_id)
        self.document.add_user_layers([entry], own=True)  # made for it: not copied
        return local_id

    def open_project(self, project_id) -> bool:
        """A lecture, linked to the workspace (ui/team_lecture.py)."""
        return self.team.lecture.open(project_id)

    # --- editing a workspace feature ----------------------------------------------------------------
    def selected_workspace_feature(self) -> tuple[str, str] | None:
        sel = self.document.selection
        if sel is None:
            return None
        try:
            entry = self.document.user_layer(sel.layer)
        except KeyError:
            return None
        return (sel.layer, sel.feature) if "workspace" in entry else None

    def edit_selected(self):
        from gis_app.ui.team_open import FeatureEditDialog
        chosen = self.selected_workspace_feature()
        if chosen is None:
            self.prompts.info(self.tr("Edit a feature"), self.tr(
                "Select a feature of a layer opened from the team workspace first."))
            return None
        layer_id, feature_id = chosen
        feature = tl.find_feature(self.document.user_layer(layer_id), feature_id)
        if feature is None:
            return None
        props = feature.get("properties") or {}
        name = str(props.get(self.document.catalog.layer(layer_id).name_field) or feature_id)
        dialog = FeatureEditDialog(name, props, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.accepted.connect(lambda: self.save_feature(layer_id, feature_id, dialog.values()))
        dialog.open()
        return dialog

    def save_feature(self, layer_id: str, feature_id: str, properties: dict) -> str:
        """An edit of a workspace feature's attributes: "saved", "queued" (offline), "conflict"
        (the dialog shows both versions), or "refused"."""
        from gis_app.team.errors import TeamError
        entry = self.document.user_layer(layer_id)
        link = entry["workspace"]
        old = tl.find_feature(entry, feature_id)
        mine = {"type": "Feature", "properties": {**properties, "id": str(feature_id)},
                "geometry": (old or {}).get("geometry")}
        row = tl.row_id(link, str(feature_id))
        base = link.get("versions", {}).get(str(feature_id))
        if not self.connected:
            return self._queue_edit(layer_id, mine, row, base)
        try:
            version = self.workspace.update("feature", row, mine, base)
        except TeamError as exc:
            kind = self.error_kind(exc)
            if kind == "conflict":
                self.add_conflict(exc.conflict)
                return "conflict"
            if kind == "offline":
                self.go_offline()
                return self._queue_edit(layer_id, mine, row, base)
            self.failed(exc, self.tr("Edit a feature"))
            return "refused"
        self._put_feature(layer_id, mine, version)
        return "saved"

    def _queue_edit(self, layer_id: str, feature: dict, row, base) -> str:
        link = self.document.user_layer(layer_id)["workspace"]
        info = self.info
        if info is None:
            from gis_app.team.conninfo import ConnInfo
            info = ConnInfo(**{k: link.get(k, "") for k in tl.LINK_FIELDS})
            self.team.info = info
        if not self.enqueue("feature", row, feature, base, info):
            self.prompts.warn(self.tr("Edit a feature"), self.tr(
                "The team workspace cannot be reached and this atlas cannot keep edits for later: "
                "the change was not made."))
            return "refused"
        self._put_feature(layer_id, feature, base)  # shown now; the version is still the one read
        return "queued"

    def _put_feature(self, layer_id: str, feature: dict, version) -> None:
        entry = self.document.user_layer(layer_id)
        link = entry["workspace"]
        fid = str(feature["properties"]["id"])
        # the user's own edit: the project's copy changed (saved with it; queued ones survive a restart)
        self.document.set_user_layer_data(
            layer_id, tl.with_feature(entry, feature),
            workspace={**link, "versions": {**link.get("versions", {}), fid: version}}, edit=True)
