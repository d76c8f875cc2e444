"""A lecture linked to the team workspace: the open project IS the workspace's lecture, not a copy.

The link is the document's `lecture_link` (saved in the project, never a password; core/project.py
lecture_link): the lecture's id there, the connection's fields and the version of the lecture row
and of each annotation this window last read. Then
  - an annotation added, moved, restyled, edited or deleted in the window (the annotation tools'
    undo commands change document.annotations: an edit Change of Kind.ANNOTATIONS with its ops)
    goes to the server with the version it was based on; offline it is queued (the controller's
    OfflineQueue); a colleague's change in between is a conflict shown with both versions (the
    controller's conflict dialog), and the chosen version comes back into the document;
  - a colleague's annotation change arrives live (the listener's kind "annotation") and is put into
    the document as navigation (edit=False: no unsaved flag, no undo step, not sent back);
  - publishing the lecture again updates that lecture (its row, with its version) instead of adding
    a copy.
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QObject

from gis_app.core import project as proj
from gis_app.core import project_links
from gis_app.core.annotations import AnnotationError, normalise
from gis_app.core.events import Change, Kind
from gis_app.ui import team_layers as tl

log = logging.getLogger(__name__)


def link_from(team_info: dict, info) -> dict:
    """A lecture_link from open_project's "team" part and the connection (ConnInfo, no password)."""
    return project_links.lecture_link({"project_id": team_info["id"], "name": team_info.get("name", ""),
                              "version": int(team_info.get("version") or 0), **tl.link_of(info),
                              "annotations": dict(team_info.get("annotations") or {})})


def for_server(project: dict) -> dict:
    """The project (tl.published_project) as the lecture row keeps it: annotations are rows of their
    own; no link."""
    project = dict(project)
    for key in ("annotations", "lecture", "team"):
        project.pop(key, None)
    return project


class TeamLecture(QObject):
    """The team controller's lecture part (`team`: the connection, the queue, the conflicts)."""

    def __init__(self, team):
        super().__init__(team)
        self.team = team
        self.document = team.document
        self._applying = False   # putting the server's annotations into the document: not sent back
        self.document.subscribe(self._document_changed)

    # --- the link ---------------------------------------------------------------------------------
    @property
    def link(self) -> dict | None:
        return self.document.lecture_link

    def row_id(self, ann_id: str) -> str:
        return f"{self.link['project_id']}/{ann_id}"

    def linked_here(self) -> bool:
        """Connected to the workspace that holds the linked lecture."""
        team = self.team
        return bool(self.link) and team.connected and tl.same_server(self.link, team.info)

    def _status(self, text: str) -> None:
        self.team.window.statusBar().showMessage(text, 15000)

    # --- publishing and opening -------------------------------------------------------------------
    def publish(self, name: str, project: dict) -> bool:
        """Publish the lecture (`project`: tl.published_project) under `name`, linked from now on."""
        from gis_app.team.errors import TeamError
        title = self.tr("Publish the lecture")
        project = {**for_server(project), "annotations": self.document.annotations.to_list()}
        try:
            project_id = self.team.workspace.publish_project(name, project)
            raw = self.team.workspace.open_project(project_id)
        except TeamError as exc:
            return self.team.failed(exc, title)
        self.document.lecture_link = link_from(raw["team"], self.team.info)
        self.document.mark_dirty()  # the project now knows its lecture: saved with it
        self._status(self.tr("Lecture “{0}” published.").format(name))
        return True

    def republish(self, project: dict) -> bool:
        """The linked lecture's row (title, slides, layers) replaced, based on the version this window
        read: a colleague's publication in between is a conflict to settle, never overwritten."""
        from gis_app.team.errors import TeamError
        link = self.link
        data = for_server(project)
        try:
            version = self.team.workspace.update("project", link["project_id"], data, link["version"])
        except TeamError as exc:
            kind = self.team.error_kind(exc)
            if kind == "conflict":
                self.team.add_conflict(exc.conflict)
                return False
            if kind == "offline":
                self.team.go_offline()
                self.team.enqueue("project", link["project_id"], data, link["version"])
                self._status(self.tr("The workspace cannot be reached: the lecture's update is queued "
                                     "and sent when it is back."))
                return False
            return self.team.failed(exc, self.tr("Publish the lecture"))
        link["version"] = version
        self._status(self.tr("Lecture “{0}” updated in the workspace (version {1}): it was already "
                             "there, so no copy was made.").format(link.get("name") or link["project_id"],
                                                                    version))
        return True

    def open(self, project_id) -> bool:
        """A lecture from the workspace, linked: its annotations are edited there from now on."""
        from gis_app.team.errors import TeamError
        title = self.tr("Open from the team workspace")
        if not self.team.window.project.maybe_save():
            return False
        try:
            raw = self.team.workspace.open_project(project_id)
            raw = raw[1] if isinstance(raw, tuple) else raw
            raw = {**raw, "lecture": link_from(raw["team"], self.team.info)}
            project = proj.from_dict(raw)
        except TeamError as exc:
            return self.team.failed(exc, title)
        except proj.ProjectError as exc:
            self.team.prompts.warn(title, str(exc))
            return False
        self.team.window.project.apply(project, None)
        self.team.refresh_open_layers()  # its workspace layers as they are now
        self.team.window.project.report_opened(project, project.title_in(self.team.window.lang)
                                               or (project.lecture or {}).get("name") or str(project_id))
        return True

    # --- the window's edits go to the server --------------------------------------------------------
    def _document_changed(self, what: Change) -> None:
        if Kind.ANNOTATIONS not in what or not what.edit or self._applying or not self.link:
            return
        versions = self.link["annotations"]
        annotations = self.document.annotations
        for op, ann_id in what.annotations:
            if op == "all":  # a whole set at once (an undone slide): what differs from the server's
                for old in [a for a in versions if a not in annotations]:
                    self.send(old, None)
                for ann_id2 in annotations.ids():
                    self.send(ann_id2, annotations.get(ann_id2))
            elif op == "remove":
                self.send(ann_id, None)
            elif ann_id in annotations:  # add, update
                self.send(ann_id, annotations.get(ann_id))

    def send(self, ann_id: str, data: dict | None) -> str:
        """One annotation to the server: "saved", "queued", "conflict", "refused" or "" (nothing to
        send: a delete of one the server never had)."""
        from gis_app.team.errors import TeamError
        team, link = self.team, self.link
        base = int(link["annotations"].get(ann_id, 0))
        row = self.row_id(ann_id)
        if data is not None:
            data = {**data, "_position": self.document.annotations.index(ann_id)}
        elif not base and not self._queued(row):
            return ""
        if not self.linked_here():
            return self._queue(row, ann_id, data, base)
        try:
            version = team.workspace.update("annotation", row, data, base)
        except TeamError as exc:
            kind = team.error_kind(exc)
            if kind == "conflict" and not base and data is not None and exc.conflict.theirs is not None:
                return self._renamed(ann_id, data, exc.conflict)
            if kind == "conflict":
                team.add_conflict(exc.conflict)  # mine stays shown until the user chooses
                return "conflict"
            if kind == "offline":
                team.go_offline()
                return self._queue(row, ann_id, data, base)
            team.failed(exc, self.tr("Change an annotation of the lecture"))
            return "refused"
        self._set_version(ann_id, version if data is not None else None)
        return "saved"

    def _renamed(self, ann_id: str, data: dict, conflict) -> str:
        """A colleague added an annotation under the same id meanwhile: two annotations, not one
        changed twice. Theirs takes the id, mine is kept under a new one (and sent)."""
        annotations, versions = self.document.annotations, self.link["annotations"]
        new_id = annotations.new_id()
        while new_id in versions or new_id == ann_id:
            new_id = annotations.new_id()
        index = annotations.index(ann_id)
        self.put(ann_id, conflict.theirs, conflict.their_version)
        self._applying = True
        try:
            with self.document.batch(edit=False):
                annotations.add({**data, "id": new_id}, index + 1)
        finally:
            self._applying = False
        self._status(self.tr("{0} added an annotation at the same moment under the same name: both are "
                             "kept, yours as “{1}”.").format(conflict.their_who or "?", new_id))
        return self.send(new_id, annotations.get(new_id))

    def takes(self, conflict) -> bool:
        """An annotation added offline whose id a colleague took meanwhile (the queue's sync says
        so): both are kept as in `_renamed`, no conflict to settle. False for any other conflict."""
        link = self.link
        if not (link and conflict.kind == "annotation" and not conflict.base_version
                and conflict.mine is not None and conflict.theirs is not None and self.linked_here()):
            return False
        project_id, _sep, ann_id = conflict.row_id.partition("/")
        if project_id != link["project_id"] or ann_id not in self.document.annotations:
            return False
        if self.team.queue is not None and "queue_n" in conflict.extra:
            self.team.queue.drop_conflict(conflict)
        self._renamed(ann_id, self.document.annotations.get(ann_id), conflict)
        return True

    def _queued(self, row: str) -> bool:
        queue = self.team.queue
        return queue is not None and any(op[0] == "annotation" and op[1] == row for op in queue.pending_ops())

    def _queue(self, row: str, ann_id: str, data, base: int) -> str:
        team, link = self.team, self.link
        if team.info is not None and not tl.same_server(link, team.info):
            self._status(self.tr("This lecture is in another team workspace than the one connected: "
                                 "the change stays in this project only."))
            return "refused"
        info = team.info
        if info is None:
            from gis_app.team.conninfo import ConnInfo
            info = ConnInfo(**{k: link.get(k, "") for k in tl.LINK_FIELDS})
            team.info = info
        if not team.enqueue("annotation", row, data, base, info):
            team.prompts.warn(self.tr("Change an annotation of the lecture"), self.tr(
                "The team workspace cannot be reached and this atlas cannot keep edits for later: "
                "the change is in this project only."))
            return "refused"
        return "queued"

    def _set_version(self, ann_id: str, version: int | None) -> None:
        versions = self.link["annotations"]
        if version:
            versions[ann_id] = int(version)
        else:
            versions.pop(ann_id, None)

    # --- the server's annotations come into the document ------------------------------------------------
    def put(self, ann_id: str, data: dict | None, version: int | None) -> bool:
        """The server's version of one annotation into the document, as navigation: no unsaved flag,
        no undo step, not sent back. True if the document changed."""
        annotations = self.document.annotations
        self._set_version(ann_id, version if data is not None else None)
        self._applying = True
        try:
            with self.document.batch(edit=False):
                if data is None:
                    if ann_id not in annotations:
                        return False
                    annotations.remove(ann_id)
                    return True
                item = normalise({**data, "id": ann_id})
                if ann_id in annotations:
                    if annotations.get(ann_id) == item:
                        return False
                    annotations.update(item)
                else:
                    annotations.add(item)
                return True
        except (AnnotationError, ValueError) as exc:
            log.warning("an annotation from the workspace was not shown: %s", exc)
            return False
        finally:
            self._applying = False

    def _waiting(self, row: str) -> bool:
        return any(c.kind == "annotation" and c.row_id == row for c in self.team.conflicts)

    def remote(self, payload: dict) -> None:
        """A colleague's change of a lecture (the listener's notice): ours is read in."""
        from gis_app.team.errors import TeamError
        link = self.link
        if not link or not self.linked_here():
            return
        row = str(payload.get("row_id") or "")
        if payload.get("kind") == "project":
            if row == link["project_id"] and payload.get("op") == "update":
                self._status(self.tr("{0} published a new version of this lecture; publishing yours "
                                     "again shows both to choose.").format(payload.get("who") or "?"))
            return
        project_id, _sep, ann_id = row.partition("/")
        if project_id != link["project_id"] or not ann_id or self._waiting(row):
            return
        if payload.get("op") == "delete":
            self.put(ann_id, None, None)
            return
        if int(payload.get("version") or 0) <= link["annotations"].get(ann_id, 0):
            return  # what this window wrote or has read already
        try:
            got = self.team.workspace.read("annotation", row)
        except TeamError as exc:
            self.team.failed(exc, self.tr("Could not read the lecture from the workspace"))
            return
        self.put(ann_id, *(got if got is not None else (None, None)))

    def resolved(self, conflict) -> None:
        """A conflict was settled: the row as the server holds it now comes into the document."""
        from gis_app.team.errors import TeamError
        link = self.link
        if not link or not self.linked_here():
            return
        try:
            got = self.team.workspace.read(conflict.kind, conflict.row_id)
        except TeamError as exc:
            self.team.failed(exc, self.tr("Could not read the lecture from the workspace"))
            return
        if conflict.kind == "project" and conflict.row_id == link["project_id"] and got is not None:
            link["version"] = got[1]
        elif conflict.kind == "annotation" and conflict.row_id.partition("/")[0] == link["project_id"]:
            self.put(conflict.row_id.partition("/")[2], *(got if got is not None else (None, None)))

    def refresh(self) -> None:
        """Connected (again): the lecture's annotations as the server has them now (after the queue
        was sent); one still waiting in a conflict keeps the user's version until settled."""
        from gis_app.team.errors import TeamError
        link = self.link
        if not link or not self.linked_here():
            return
        try:
            raw = self.team.workspace.open_project(link["project_id"])
        except TeamError as exc:
            self.team.failed(exc, self.tr("Could not read the lecture from the workspace"))
            return
        versions = dict(raw["team"].get("annotations") or {})
        theirs = {str(a.get("id")): a for a in raw.get("annotations") or []}
        for ann_id in list(self.document.annotations.ids()):
            if self._waiting(self.row_id(ann_id)):
                continue
            if ann_id in theirs:
                self.put(ann_id, theirs[ann_id], versions.get(ann_id))
            elif ann_id in link["annotations"]:  # deleted by a colleague meanwhile
                self.put(ann_id, None, None)
            else:  # made here and never sent (no queue then): it goes now
                self.send(ann_id, self.document.annotations.get(ann_id))
        for ann_id, item in theirs.items():
            if ann_id not in self.document.annotations and not self._waiting(self.row_id(ann_id)):
                self.put(ann_id, copy.deepcopy(item), versions.get(ann_id))
