"""The team workspace in the window: the connection (Team → Connect to team workspace…), the status
bar's badge (who, read-only, offline with the edits queued, conflicts waiting), colleagues' changes
arriving live, edits of workspace features with their conflicts, and the offline queue.

The server's side is gis_app/team (Workspace, Listener, OfflineQueue); publishing and opening are in
ui/team_publish.py. Nothing here writes a password anywhere: it is kept in this object for the
session (to reconnect and to listen) and forgotten on disconnect."""

from __future__ import annotations

import hashlib
import logging

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QLabel, QToolButton

from gis_app.core import paths
from gis_app.core.events import Change, Kind
from gis_app.ui import settings as typed_settings
from gis_app.ui import team_layers as tl
from gis_app.ui.team_lecture import TeamLecture
from gis_app.ui.team_live import LiveLayers
from gis_app.ui.team_publish import TeamPublisher

log = logging.getLogger(__name__)
RETRY_MS = 5000       # while offline: how soon the server is tried again (doubling to RETRY_MAX_MS)
RETRY_MAX_MS = 60000
RETRY_CONNECT_S = 2   # a retry's connect timeout (the listener thread also says when it is back)


def error_kind(exc: BaseException, connecting: bool = False, dbname: str = "") -> str:
    """"readonly" | "offline" | "auth" | "schema" | "conflict" | "other" for a team error: by its
    class, and for a failed connection by the driver's SQLSTATE and libpq's password flags
    (team/errors.kind_of), never by the words of a message (the server may speak Russian)."""
    from gis_app.team import errors
    return errors.kind_of(exc, connecting, dbname)


def message_of(exc: BaseException) -> str:
    """The English sentence (logs, the command line); the window says `detail_of` instead."""
    return str(getattr(exc, "message", "") or exc)


def detail_of(exc: BaseException) -> str:
    """What the server itself said under a team error (its words, in its language), else the
    atlas's own English sentence: shown in brackets after a translated sentence."""
    from gis_app.team.errors import server_text
    return server_text(exc) or message_of(exc)


class TeamController(QObject):
    error_kind = staticmethod(error_kind)
    refresh_layer = property(lambda self: self.live.refresh_layer)
    # publishing, opening and editing (ui/team_publish.py)
    publish_layer = property(lambda self: self.publisher.publish_layer)
    publish_evidence = property(lambda self: self.publisher.publish_evidence)
    open_evidence = property(lambda self: self.publisher.open_evidence)
    publish_lecture = property(lambda self: self.publisher.publish_lecture)
    open_dialog = property(lambda self: self.publisher.open_dialog)
    open_layer = property(lambda self: self.publisher.open_layer)
    open_project = property(lambda self: self.publisher.open_project)
    edit_selected = property(lambda self: self.publisher.edit_selected)
    save_feature = property(lambda self: self.publisher.save_feature)
    selected_workspace_feature = property(lambda self: self.publisher.selected_workspace_feature)

    def __init__(self, window):
        super().__init__(window)
        self.window, self.document, self.prompts = window, window.document, window.prompts
        self.workspace = None          # gis_app.team.workspace.Workspace while connected
        self.info = None               # ConnInfo of the last connection (no password in it)
        self._password: str | None = None   # this session only
        self.queue = None              # OfflineQueue of the connection
        self.online = False
        self.conflicts: list = []      # Conflicts waiting for a decision (shown one at a time)
        self.conflict_dialog = None
        self.publisher = TeamPublisher(self)
        self.live = LiveLayers(self)   # colleagues' changes (ui/team_live.py)
        self.lecture = TeamLecture(self)  # a linked lecture's annotations (ui/team_lecture.py)
        self.retry_timer = QTimer(self, interval=RETRY_MS)
        self.retry_timer.timeout.connect(self.reconnect)
        self.status_label = QLabel(window)
        self.status_label.setObjectName("teamStatus")
        self.status_label.setTextFormat(Qt.TextFormat.PlainText)
        self.conflict_button = QToolButton(window)
        self.conflict_button.setObjectName("teamConflicts")
        self.conflict_button.setAutoRaise(True)
        self.conflict_button.clicked.connect(self.show_next_conflict)

    def install(self) -> None:
        w = self.window
        for key, handler in (("team_connect", self.connect_dialog), ("team_open", self.open_dialog),
                             ("team_publish_layer", self.publish_layer),
                             ("team_publish_evidence", self.publish_evidence),
                             ("team_open_evidence", self.open_evidence),
                             ("team_publish_lecture", self.publish_lecture),
                             ("team_disconnect", self.disconnect), ("team_edit_feature", self.edit_selected)):
            w.actions.set_handler(key, handler)
        w.statusBar().addPermanentWidget(self.conflict_button)
        w.statusBar().addPermanentWidget(self.status_label)
        w.language.changed.connect(lambda _lang: self.update_status())
        self.document.subscribe(self._document_changed)
        self.update_status()

    # --- connecting -------------------------------------------------------------------------------
    def connect_dialog(self):
        from gis_app.ui.team_connect import ConnectDialog
        last = self.window.settings.get(typed_settings.TEAM_CONNECTION)
        dialog = ConnectDialog(self.attempt, last, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        dialog.open()
        return dialog

    def attempt(self, info, password: str | None):
        """Connect; None when connected, else (sentence for the dialog, the field to correct)."""
        from gis_app.team.errors import TeamError
        from gis_app.team.workspace import Workspace
        try:
            workspace = Workspace.connect(info, password)
        except TeamError as exc:
            kind, detail = error_kind(exc, True, info.dbname), detail_of(exc)
            where = f"{info.host}:{info.port}" if info.host and info.port else (info.service or info.host)
            if kind == "offline":
                return (self.tr("No team server answers at {0}. Check the server name and port, and that "
                                "the server is running and accepts connections from this computer.\n({1})"
                                ).format(where, detail), "host")
            if kind == "auth":
                return (self.tr("The server refused the user name or the password for {0}. Type the "
                                "password again, or check the user name.\n({1})").format(info.user, detail),
                        "password")
            if kind == "schema":
                return self._schema_missing(exc, info, password)
            return self.tr("Could not connect: {0}").format(detail), ""
        self._connected(workspace, info, password)
        return None

    def _schema_missing(self, exc, info, password):
        """No atlas tables (or older ones): offered to run the migrations if the role may."""
        from gis_app.team.errors import TeamError
        from gis_app.team.workspace import Workspace
        have, need = getattr(exc, "have", None), getattr(exc, "need", None)
        if isinstance(have, int) and isinstance(need, int) and have > need:
            return (self.tr("This workspace was set up by a newer atlas (schema {0}; this atlas knows {1}): "
                            "update the atlas to use it.").format(have, need), "")
        if getattr(exc, "can_migrate", None) is False:  # the server said this role may not
            return (self.tr("This database has no team workspace yet, or an older one than this atlas needs. "
                            "An administrator sets it up with the command: gis-app team migrate"), "dbname")
        answer = self.prompts.ask(self.tr("Set up the team workspace"), self.tr(
            "The database {0} has no team workspace of this atlas version yet. Create or upgrade its "
            "tables now? Colleagues connected with an older atlas may need to update.").format(info.dbname),
            ("yes", "no"))
        if answer != "yes":
            return self.tr("The workspace was not set up; nothing was changed."), "dbname"
        try:
            workspace = Workspace.connect(info, password, migrate=True)
        except TeamError as failed:
            return (self.tr("The workspace could not be set up (only its administrator may): {0}").format(
                detail_of(failed)), "")
        self._connected(workspace, info, password)
        return None

    def _connected(self, workspace, info, password) -> None:
        old = self.workspace
        if old is not None and old is not workspace:
            self.live.stop()
            self._close_quietly(old)
        if self.info is not None and tl.link_of(self.info) != tl.link_of(info):
            self.live.stop()  # another server or user: listen there
        self.workspace, self.info, self._password, self.online = workspace, info, password, True
        self.retry_timer.stop()
        self.window.settings.set(typed_settings.TEAM_CONNECTION, tl.link_of(info))  # never the password
        self.queue = self._queue_for(info)
        if self.live.listener is None:
            self.live.start(info, password)
        self.sync_queue()
        self._kept_conflicts()
        self.refresh_open_layers()
        self.lecture.refresh()
        self.update_status()

    def disconnect(self) -> None:
        self.live.stop()
        if self.workspace is not None:
            self._close_quietly(self.workspace)
        self.workspace, self._password, self.online = None, None, False
        self.retry_timer.stop()
        self.update_status()

    def shutdown(self) -> None:
        """The window closes: the listener's thread and the connection end (the queue stays)."""
        self.retry_timer.stop()
        self.live.stop()
        if self.workspace is not None:
            self._close_quietly(self.workspace)
            self.workspace = None

    @staticmethod
    def _close_quietly(workspace) -> None:
        try:
            workspace.close()
        except Exception as exc:  # noqa: BLE001 - a dead connection cannot be closed twice
            log.debug("closing the workspace: %s", exc)

    @property
    def connected(self) -> bool:
        return self.workspace is not None and self.online

    @property
    def read_only(self) -> bool:
        return self.workspace is not None and getattr(self.workspace, "role", "") == "student"

    # --- live changes -----------------------------------------------------------------------------
    def listener_state(self, state: str) -> None:
        """The listener lost or regained the server: offline mode, or reconnect and read again."""
        if state == "offline" and self.workspace is not None:
            self.go_offline()
        elif state == "online" and self.info is not None and not self.connected:
            self.reconnect()

    def workspace_entries(self, info=None) -> list[dict]:
        """The document's layers opened from this workspace (`info`: the connection's by default)."""
        info = info or self.info
        return [e for e in self.document.user_layers
                if isinstance(e.get("workspace"), dict)
                and (info is None or tl.same_server(e["workspace"], info))]

    def refresh_open_layers(self) -> None:
        for entry in self.workspace_entries():
            self.live.refresh_layer(entry["id"])

    # --- failures, the offline queue --------------------------------------------------------------
    def failed(self, exc, title: str) -> bool:
        """A workspace call failed: offline → queue mode; read-only → the role's message."""
        kind = error_kind(exc)
        if kind == "offline":
            self.go_offline()
        elif kind == "readonly":
            self.prompts.warn(title, self.read_only_text(exc))
        else:
            self.prompts.warn(title, self.failure_text(exc, kind))
        return False

    def failure_text(self, exc, kind: str) -> str:
        """A team failure in the window's language; the server's own words (or, for a refusal the
        atlas made itself, its English sentence) in brackets after it."""
        if kind == "auth":
            return self.tr("The server refused the user name or the password.")
        if kind == "schema":
            return self.tr("This database has no team workspace of this atlas version.")
        if kind == "conflict":
            return self.tr("A colleague changed this in the team workspace meanwhile; nothing was "
                           "overwritten.")
        return self.tr("The team workspace refused this.") + f"\n({detail_of(exc)})"

    def read_only_text(self, exc=None) -> str:
        text = self.tr("Your role in this workspace is read-only (student): you can open what colleagues "
                       "publish, but not publish or change anything.")
        who = getattr(self.workspace, "who", "") if exc is not None else ""
        if not who:
            return text
        return text + "\n(" + self.tr("You are connected as {0}, a student.").format(who) + ")"

    def go_offline(self) -> None:
        """The server is gone: edits are queued; it is tried again every RETRY_MS (the listener,
        which keeps trying too, says when it is back)."""
        if self.online:
            log.warning("team workspace: offline")
        self.online = False
        if self.info is not None:
            self.retry_timer.start()
        self.update_status()

    def reconnect(self) -> bool:
        """Try the server again (every RETRY_MS while offline): on success the queue syncs."""
        from gis_app.team.errors import TeamError
        from gis_app.team.workspace import Workspace
        if self.info is None or self.connected:
            return self.connected
        try:
            # A short wait (libpq's least): a host whose packets are dropped must not hold the window
            # for long; and each failure waits twice as long before the next try (up to a minute).
            workspace = Workspace.connect(self.info, self._password, timeout=RETRY_CONNECT_S)
        except TeamError:
            self.retry_timer.setInterval(min(self.retry_timer.interval() * 2, RETRY_MAX_MS))
            return False
        self.retry_timer.setInterval(RETRY_MS)
        self._connected(workspace, self.info, self._password)
        return True

    def _queue_for(self, info):
        try:
            from gis_app.team.queue import OfflineQueue
        except ImportError as exc:  # an atlas without the offline queue: edits need the server
            log.warning("no offline queue: %s", exc)
            return None
        link = tl.link_of(info)
        digest = hashlib.sha1(repr(sorted(link.items())).encode()).hexdigest()[:16]
        folder = paths.state_dir() / "team"
        folder.mkdir(parents=True, exist_ok=True)
        return OfflineQueue(folder / f"queue-{digest}.sqlite")

    def queued(self) -> int:
        if self.queue is None:
            return 0
        return int(self.queue.pending())

    def enqueue(self, kind: str, row_id, data, base_version, info=None) -> bool:
        if self.queue is None:
            self.queue = self._queue_for(info or self.info)
        if self.queue is None:
            return False
        self.queue.enqueue(kind, row_id, data, base_version)
        self.update_status()
        return True

    def sync_queue(self) -> None:
        """Send what was queued offline; its conflicts are shown like any other."""
        from gis_app.team.errors import TeamError
        if self.queue is None or not self.queued():
            return
        try:
            result = self.queue.sync(self.workspace)
        except TeamError as exc:
            self.failed(exc, self.tr("Sending the queued edits"))
            return
        applied = int(result.applied)
        self.window.statusBar().showMessage(self.tr("Back online: %n queued edit(s) sent.", "", applied),
                                            15000)
        for conflict in result.conflicts:
            self.add_conflict(conflict)

    def _kept_conflicts(self) -> None:
        """Conflicts of an earlier sync that were not settled (the queue keeps them) come back."""
        if self.queue is None:
            return
        waiting = {c.extra.get("queue_n") for c in self.conflicts}
        for conflict in self.queue.conflicts():
            if conflict.extra.get("queue_n") not in waiting:
                self.add_conflict(conflict)

    # --- conflicts --------------------------------------------------------------------------------
    def add_conflict(self, conflict) -> None:
        if self.lecture.takes(conflict):  # two annotations added under one id: both kept
            return
        if conflict.theirs is None and not conflict.their_who and self.connected:
            self._who_deleted(conflict)
        self.conflicts.append(conflict)
        self.update_status()
        self.show_next_conflict()

    def _who_deleted(self, conflict) -> None:
        """A row deleted on the server: who and when, from its history (kept by the server)."""
        from gis_app.team.errors import TeamError
        try:
            history = self.workspace.history(conflict.kind, conflict.row_id)
        except TeamError:
            return
        if history:
            conflict.their_who = history[-1].get("replaced_by") or ""
            conflict.their_when = history[-1].get("replaced_at") or ""

    def show_next_conflict(self):
        from gis_app.ui.team_conflict import ConflictDialog
        if not self.conflicts or (self.conflict_dialog is not None and self.conflict_dialog.isVisible()):
            return self.conflict_dialog
        conflict = self.conflicts[0]
        dialog = ConflictDialog(conflict, self.window)
        dialog.decided.connect(lambda choice, c=conflict: self.resolve(c, choice))
        dialog.finished.connect(lambda _r: QTimer.singleShot(0, self._after_dialog))
        self.conflict_dialog = dialog
        dialog.open()
        return dialog

    def _after_dialog(self) -> None:
        dialog, self.conflict_dialog = self.conflict_dialog, None
        if dialog is not None:
            dialog.deleteLater()
            if dialog.choice is not None:
                self.show_next_conflict()  # "Decide later" leaves the rest for the status button
        self.update_status()

    def resolve(self, conflict, choice) -> bool:
        """The user's choice for a conflict, through Workspace.resolve; the layers are read again."""
        from gis_app.team.errors import TeamError
        if not self.connected:
            self.prompts.warn(self.tr("Resolve a conflict"), self.tr(
                "The team workspace cannot be reached now; the conflict waits until it is back."))
            return False
        try:
            if self.queue is not None and "queue_n" in conflict.extra:  # kept by the queue until now
                self.queue.resolve(self.workspace, conflict, choice)
            else:
                self.workspace.resolve(conflict, choice)
        except TeamError as exc:
            return self.failed(exc, self.tr("Resolve a conflict"))
        if conflict in self.conflicts:
            self.conflicts.remove(conflict)
        self.refresh_open_layers()
        self.lecture.resolved(conflict)
        done = {"mine": self.tr("Your version was kept."), "theirs": self.tr("Their version was taken.")}
        merged = self.tr("The merged version was saved.")
        self.window.statusBar().showMessage(done.get(choice, merged) if isinstance(choice, str) else merged,
                                            10000)
        self.update_status()
        return True

    # --- the status bar ---------------------------------------------------------------------------
    def update_status(self) -> None:
        label = self.status_label
        if self.info is None:
            label.hide()
        else:
            who = f"{self.info.user}@{self.info.dbname or self.info.service}"
            if self.workspace is None and not self.queued():
                text = ""
            elif not self.online:
                text = self.tr("Offline — %n edit(s) queued", "", self.queued())
            elif self.read_only:
                text = self.tr("Team: {0} — read-only").format(who)
            else:
                text = self.tr("Team: {0}").format(who)
            label.setText(text)
            label.setVisible(bool(text))
            label.setStyleSheet("color: #a40000;" if text and (not self.online or self.read_only) else "")
        count = len(self.conflicts)
        self.conflict_button.setText(self.tr("%n conflict(s) to resolve", "", count))
        self.conflict_button.setVisible(bool(count))
        actions = self.window.actions
        for key in ("team_publish_layer", "team_publish_evidence", "team_open_evidence",
                    "team_publish_lecture", "team_open", "team_disconnect"):
            actions[key].setEnabled(self.workspace is not None)
        self._update_edit_action()

    def _document_changed(self, what: Change) -> None:
        if Kind.SELECTION in what or Kind.USER_LAYERS in what or Kind.USER_FEATURES in what:
            self._update_edit_action()

    def _update_edit_action(self) -> None:
        self.window.actions["team_edit_feature"].setEnabled(self.selected_workspace_feature() is not None)


def install(window) -> TeamController:
    """Team → Connect to team workspace… and the rest, joined to the window (after it is built)."""
    controller = TeamController(window)
    controller.install()
    window.team = controller
    return controller
