"""Colleagues' changes arriving live: a team Listener (gis_app/team/listen.py) runs on its own
thread; its callbacks are emitted on a QObject that lives in the window's thread, so Qt queues them
to that thread. Changes arriving together are read once (COALESCE_MS): the rows named in the
notifications are read one by one and patched into the document's copy of the layer
(AtlasDocument.patch_user_layer: the page, the feature store and the table take just those rows);
the whole layer is read again when many rows, or the layer itself, changed."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from gis_app.ui import team_layers as tl

log = logging.getLogger(__name__)
COALESCE_MS = 150     # colleagues' changes arriving together: one refresh per layer
MAX_ROWS = 200        # more changed rows than this at once: the layer is read whole


class _Relay(QObject):
    """The listener's thread emits here; Qt queues the call to the window's thread."""

    changed = Signal(dict)
    state = Signal(str)   # "online" | "offline": the listener's connection


class LiveLayers(QObject):
    """The team controller's live part: `team` gives the connection (workspace, info, password)."""

    def __init__(self, team):
        super().__init__(team)
        self.team = team
        self.listener = None
        self.received: list[dict] = []   # colleagues' change notices handled (newest last)
        self.relay = _Relay(self)
        self.relay.changed.connect(self._remote_change, Qt.ConnectionType.QueuedConnection)
        self.relay.state.connect(team.listener_state, Qt.ConnectionType.QueuedConnection)
        self._pending: dict[str, set[str] | None] = {}   # local layer id -> changed rows (None: all)
        self._timer = QTimer(self, singleShot=True, interval=COALESCE_MS)
        self._timer.timeout.connect(self._refresh_pending)

    # --- the listener ---------------------------------------------------------------------------------
    def start(self, info, password) -> None:
        from gis_app.team.errors import TeamError
        from gis_app.team.listen import Listener
        self.stop()
        try:
            self.listener = Listener(info, password, self.relay.changed.emit, self.relay.state.emit)
        except TeamError as exc:
            log.warning("live changes unavailable: %s", exc)
            self.listener = None

    def stop(self) -> None:
        if self.listener is not None:
            listener, self.listener = self.listener, None
            listener.stop()

    def _remote_change(self, payload: dict) -> None:
        """A colleague's change: noted for the open copies of its layer (our own, echoed by the
        server from this window's connection, are already shown)."""
        workspace = self.team.workspace
        if workspace is not None and payload.get("pid") == getattr(workspace, "backend_pid", None):
            return
        self.received.append(dict(payload))
        if payload.get("kind") in ("annotation", "project"):  # a lecture's (ui/team_lecture.py)
            self.team.lecture.remote(payload)
            return
        server_layer = payload.get("layer_id")
        if payload.get("kind") == "layer" and payload.get("op") == "insert":
            self.team.window.statusBar().showMessage(self.tr(
                "{0} published a layer to the team workspace (Team → Open from workspace…).").format(
                payload.get("who") or self.tr("A colleague")), 15000)
            return
        if server_layer is None:
            return
        for entry in self.team.workspace_entries():
            if str(entry["workspace"].get("layer_id")) != str(server_layer):
                continue
            rows = self._pending.get(entry["id"], set())
            if payload.get("kind") == "feature" and payload.get("row_id") and rows is not None:
                rows.add(str(payload["row_id"]))
                self._pending[entry["id"]] = rows
            else:
                self._pending[entry["id"]] = None
        if self._pending:
            self._timer.start()

    def _refresh_pending(self) -> None:
        pending, self._pending = self._pending, {}
        for layer_id, rows in pending.items():
            if rows is None or len(rows) > MAX_ROWS:
                self.refresh_layer(layer_id)
            else:
                self.patch_layer(layer_id, rows)

    # --- reading again ----------------------------------------------------------------------------------
    def _linked(self, layer_id: str) -> dict | None:
        """The workspace layer's entry while connected (None: offline, or the layer was removed)."""
        if not self.team.connected:
            return None
        try:
            return self.team.document.user_layer(layer_id)
        except KeyError:
            return None

    def refresh_layer(self, layer_id: str) -> bool:
        """Read the layer again from the server; True if the document changed."""
        from gis_app.team.errors import TeamError
        team, entry = self.team, self._linked(layer_id)
        if entry is None:
            return False
        link = entry["workspace"]
        try:
            _server_entry, collection = team.workspace.open_layer(link["layer_id"])
        except TeamError as exc:
            return team.failed(exc, self.tr("Could not read “{0}” from the workspace").format(entry["title"]))
        data, versions = tl.split_versions(collection)
        if data == entry.get("data") and versions == link.get("versions"):
            return False
        team.document.set_user_layer_data(layer_id, data, workspace={**link, "versions": versions})
        return True

    def patch_layer(self, layer_id: str, rows: set[str]) -> bool:
        """Read only the changed rows (added, changed or deleted features) into the layer's copy."""
        from gis_app.team.errors import TeamError
        team, entry = self.team, self._linked(layer_id)
        if entry is None:
            return False
        link = entry["workspace"]
        versions = dict(link.get("versions") or {})
        put: list[dict] = []
        gone: set[str] = set()
        try:
            for row in sorted(rows):
                fid = row.partition("/")[2]
                got = team.workspace.read("feature", row)
                if got is None:
                    gone.add(fid)
                    versions.pop(fid, None)
                    continue
                collection, got_versions = tl.split_versions(
                    {"features": [{**got[0], "properties": {"id": fid, **(got[0].get("properties") or {})}}]})
                put.append(collection["features"][0])
                versions[fid] = got[1] if got_versions.get(fid) is None else got_versions[fid]
        except TeamError as exc:
            return team.failed(exc, self.tr("Could not read “{0}” from the workspace").format(entry["title"]))
        # Only those features: the document patches its copy, the page and the table those rows.
        return team.document.patch_user_layer(layer_id, put, gone, workspace={**link, "versions": versions})
