"""Live changes: a thread that LISTENs on "atlas_changes" and hands each change to a callback.

The server's triggers announce every insert, update and delete (schema.py) as JSON:
{"kind", "op", "row_id", "layer_id", "version", "who"}; the listener adds "pid" (the sending
session, so a client can skip its own: Workspace.backend_pid). Notifications are delivered only
when the transaction commits. When the connection drops the thread says on_state("offline"), keeps
trying, and says on_state("online") once listening again: the caller then reloads what it shows
(what changed in between was not announced to this client).

The callbacks run on the listener's thread: a Qt caller hands them to the GUI thread (a signal).
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable

from .conninfo import ConnInfo

CHANNEL = "atlas_changes"
log = logging.getLogger(__name__)


class Listener:
    def __init__(
        self,
        info: ConnInfo,
        password: str | None,
        on_change: Callable[[dict], None],
        on_state: Callable[[str], None] | None = None,
        *,
        poll: float = 0.5,
        retry: float = 2.0,
    ):
        self.info, self._password = info, password
        self.on_change, self.on_state = on_change, on_state
        self.poll, self.retry = poll, retry
        self.listening = threading.Event()  # set while LISTEN is in force
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="atlas-team-listener", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        """Listening now (False while the connection is down)."""
        return self.listening.is_set()

    def wait_listening(self, timeout: float = 10.0) -> bool:
        return self.listening.wait(timeout)

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._thread.join(timeout)

    def _state(self, state: str) -> None:
        if self.on_state is not None:
            try:
                self.on_state(state)
            except Exception:  # a failing callback must not end the thread
                log.exception("team listener: on_state failed")

    def _run(self) -> None:
        import psycopg

        said = ""  # the last state told: "online", "offline" (also when the first try fails)
        while not self._stop.is_set():
            try:
                with psycopg.connect(
                    **self.info.kwargs(self._password),
                    autocommit=True,
                    connect_timeout=5,
                    application_name="gis-app listener",
                ) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    self.listening.set()
                    said = "online"
                    self._state("online")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=self.poll):
                            self._deliver(note.payload, note.pid)
            except psycopg.Error as exc:
                log.info("team listener: %s", exc)
            self.listening.clear()
            if not self._stop.is_set() and said != "offline":
                said = "offline"
                self._state("offline")
            self._stop.wait(self.retry)

    def _deliver(self, payload: str, pid: int) -> None:
        try:
            change = json.loads(payload)
        except ValueError:
            log.warning("team listener: not JSON: %r", payload[:200])
            return
        if not isinstance(change, dict):
            return
        change["pid"] = pid
        try:
            self.on_change(change)
        except Exception:
            log.exception("team listener: on_change failed")
