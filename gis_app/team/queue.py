"""Work goes on when the server is away: a local queue of edits (and a cache of what was opened)
that survives restarts, synced in batches when the server is back.

The queue is a SQLite file (journalled, synchronous=FULL: an edit the user saw queued is on disk).
Several edits of one row before a sync merge into one (the first one's base version, the last one's
data). `sync` sends the edits in batches; each batch is ONE server transaction, recorded in
atlas.sync_batches under an id the queue wrote down before sending it. So:
  - the server dies during a batch: nothing of that batch is applied; it is sent again, whole;
  - the reply is lost after the server committed: the same batch id is found there and not applied
    twice;
  - an edit whose row changed on the server meanwhile is a Conflict (kept in the queue until the
    user settles it: `resolve` or `drop_conflict`), never a silent overwrite.
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import sqlite3
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from .errors import Conflict, ConflictError, TeamError
from .kinds import kind_of, values

_SCHEMA = """
CREATE TABLE IF NOT EXISTS ops (n INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, row_id TEXT NOT NULL,
  is_delete INTEGER NOT NULL, data TEXT, base_version INTEGER NOT NULL, batch TEXT, queued_at TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS ops_row ON ops (kind, row_id);
CREATE TABLE IF NOT EXISTS conflicts (n INTEGER PRIMARY KEY AUTOINCREMENT, body TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


@dataclass
class SyncResult:
    applied: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    batches: int = 0


@dataclass
class _Op:
    n: int
    kind: str
    row_id: str
    data: Any  # None: delete
    base_version: int


class OfflineQueue:
    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        try:
            self._db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=FULL")
            self._db.executescript(_SCHEMA)
        except sqlite3.Error as exc:
            raise TeamError(f"The offline queue {self.path} cannot be opened: {exc}") from exc

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextlib.contextmanager
    def _tx(self):
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            self._db.execute("COMMIT")

    # --- queuing ---------------------------------------------------------------------------------
    def enqueue(self, kind: str, row_id: str, data: Any, base_version: int) -> None:
        """Queue one edit (same meaning as Workspace.update: base_version 0 adds, data None deletes)."""
        k = kind_of(kind)
        if data is not None:
            values(k, row_id, data)  # refuse what the server would refuse, now, with the reason
        text = None if data is None else json.dumps(data, ensure_ascii=False)
        if text is not None and "\\u0000" in text:
            raise TeamError("A text contains the NUL character, which PostgreSQL cannot store: remove it")
        now = datetime.now(UTC).isoformat(timespec="seconds")
        with self._tx() as db:
            row = db.execute(
                "SELECT n, base_version FROM ops WHERE kind = ? AND row_id = ? AND batch IS NULL "
                "ORDER BY n DESC LIMIT 1",
                (kind, row_id),
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO ops (kind, row_id, is_delete, data, base_version, queued_at) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (kind, row_id, int(data is None), text, int(base_version or 0), now),
                )
            elif row[1] == 0 and data is None:  # added and deleted offline: the server never needs to know
                db.execute("DELETE FROM ops WHERE n = ?", (row[0],))
            else:
                db.execute(
                    "UPDATE ops SET is_delete = ?, data = ?, queued_at = ? WHERE n = ?",
                    (int(data is None), text, now, row[0]),
                )

    def __len__(self) -> int:
        return self.pending()

    def pending(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM ops").fetchone()[0]

    def pending_ops(self) -> list[tuple[str, str, Any, int]]:
        """(kind, row_id, data, base_version) of every queued edit, oldest first."""
        return [(o.kind, o.row_id, o.data, o.base_version) for o in self._ops("1 = 1", ())]

    def _ops(self, where: str, params: tuple) -> list[_Op]:
        with self._lock:
            rows = self._db.execute(
                f"SELECT n, kind, row_id, is_delete, data, base_version FROM ops WHERE {where} ORDER BY n",
                params,
            ).fetchall()
        return [
            _Op(n, kind, row_id, None if is_delete else json.loads(data), base)
            for n, kind, row_id, is_delete, data, base in rows
        ]

    # --- syncing ---------------------------------------------------------------------------------
    def _next_batch(self, size: int) -> tuple[str, list[_Op]]:
        with self._lock:
            row = self._db.execute(
                "SELECT batch FROM ops WHERE batch IS NOT NULL ORDER BY n LIMIT 1"
            ).fetchone()
            if row:  # a batch sent before and not confirmed: the same one again, whole
                return row[0], self._ops("batch = ?", (row[0],))
            batch = str(uuid.uuid4())
            with self._tx() as db:
                db.execute(
                    "UPDATE ops SET batch = ? WHERE n IN (SELECT n FROM ops WHERE batch IS NULL "
                    "ORDER BY n LIMIT ?)",
                    (batch, size),
                )
            return batch, self._ops("batch = ?", (batch,))

    def sync(
        self,
        ws,
        batch_size: int = 100,
        *,
        _before_commit: Callable[[int], None] | None = None,
        _after_commit: Callable[[int], None] | None = None,
    ) -> SyncResult:
        """Send every queued edit; returns what was applied and the conflicts (also kept here).
        Raises OfflineError when the server goes away (what was confirmed stays confirmed; the rest
        stays queued) and ReadOnlyError for a student. The _hooks are for the fault tests."""
        result = SyncResult()
        while True:
            batch, ops = self._next_batch(max(1, batch_size))
            if not ops:
                return result
            outcome = self._send(ws, batch, ops, result.batches, _before_commit)
            if _after_commit is not None:
                _after_commit(result.batches)
            conflicts = self._confirm(batch, ops, outcome)
            result.applied += sum(1 for v in outcome.values() if isinstance(v, int))
            result.conflicts.extend(conflicts)
            result.batches += 1

    def _send(self, ws, batch: str, ops: list[_Op], number: int, before_commit) -> dict[int, Any]:
        import psycopg
        from psycopg.types.json import Jsonb

        outcome: dict[int, Any] = {}
        with ws.errors("syncing the offline edits"), ws.conn.transaction(), ws.conn.cursor() as cur:
            cur.execute("SELECT result FROM atlas.sync_batches WHERE id = %s", (batch,))
            done = cur.fetchone()
            if done:  # applied before; the reply was lost
                applied = {int(n): v for n, v in done[0]["applied"].items()}
                for op in ops:
                    outcome[op.n] = (
                        applied[op.n] if op.n in applied else self._conflict_now(ws, cur, op, done[0])
                    )
                return outcome
            for op in ops:
                try:
                    with ws.conn.transaction():  # a savepoint: a refused edit does not spoil the batch
                        outcome[op.n] = ws.apply(cur, op.kind, op.row_id, op.data, op.base_version)
                except ConflictError as exc:
                    outcome[op.n] = exc.conflict
                except (
                    psycopg.errors.InsufficientPrivilege,
                    psycopg.OperationalError,
                    psycopg.InterfaceError,
                ):
                    raise
                except (psycopg.Error, TeamError) as exc:
                    message = getattr(exc, "message", None) or (exc.diag.message_primary or str(exc))
                    outcome[op.n] = Conflict(
                        op.kind,
                        op.row_id,
                        op.data,
                        None,
                        op.base_version,
                        0,
                        "",
                        "",
                        ws.who,
                        {"refused": message},
                    )
            record = {
                "applied": {str(n): v for n, v in outcome.items() if isinstance(v, int)},
                "refused": {
                    str(n): v.extra.get("refused", "") for n, v in outcome.items() if isinstance(v, Conflict)
                },
            }
            cur.execute("INSERT INTO atlas.sync_batches (id, result) VALUES (%s, %s)", (batch, Jsonb(record)))
            if before_commit is not None:
                before_commit(number)
        return outcome

    def _conflict_now(self, ws, cur, op: _Op, record: dict) -> Conflict:
        theirs = ws.read_row(cur, kind_of(op.kind), op.row_id)
        refused = record.get("refused", {}).get(str(op.n), "")
        return Conflict(
            op.kind,
            op.row_id,
            op.data,
            theirs[0] if theirs else None,
            op.base_version,
            theirs[1] if theirs else 0,
            theirs[2] if theirs else "",
            theirs[3] if theirs else "",
            ws.who,
            {"refused": refused} if refused else {},
        )

    def _confirm(self, batch: str, ops: list[_Op], outcome: dict[int, Any]) -> list[Conflict]:
        conflicts = []
        with self._tx() as db:
            for op in ops:
                got = outcome[op.n]
                if isinstance(got, Conflict):
                    cur = db.execute(
                        "INSERT INTO conflicts (body) VALUES (?)",
                        (json.dumps(dataclasses.asdict(got), ensure_ascii=False, default=str),),
                    )
                    got.extra["queue_n"] = cur.lastrowid
                    conflicts.append(got)
                elif got:  # later edits of this row were based on the version this one replaced
                    db.execute(
                        "UPDATE ops SET base_version = ? WHERE batch IS NULL AND kind = ? AND row_id = ? "
                        "AND base_version = ?",
                        (got, op.kind, op.row_id, op.base_version),
                    )
            db.execute("DELETE FROM ops WHERE batch = ?", (batch,))
        return conflicts

    # --- conflicts kept until settled ------------------------------------------------------------
    def conflicts(self) -> list[Conflict]:
        with self._lock:
            rows = self._db.execute("SELECT n, body FROM conflicts ORDER BY n").fetchall()
        out = []
        for n, body in rows:
            conflict = Conflict(**json.loads(body))
            conflict.extra["queue_n"] = n
            out.append(conflict)
        return out

    def drop_conflict(self, conflict: Conflict) -> None:
        with self._tx() as db:
            db.execute("DELETE FROM conflicts WHERE n = ?", (conflict.extra.get("queue_n"),))

    def resolve(self, ws, conflict: Conflict, choice: Any) -> int:
        """Workspace.resolve, then forget the conflict here (kept if resolving fails)."""
        version = ws.resolve(conflict, choice)
        self.drop_conflict(conflict)
        return version

    # --- the local copy of what was opened -------------------------------------------------------
    def cache_put(self, key: str, value: Any) -> None:
        text = json.dumps(value, ensure_ascii=False)
        with self._tx() as db:
            db.execute(
                "INSERT INTO cache (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = "
                "excluded.value",
                (key, text),
            )

    def cache_get(self, key: str, default: Any = None) -> Any:
        with self._lock:
            row = self._db.execute("SELECT value FROM cache WHERE key = ?", (key,)).fetchone()
        return default if row is None else json.loads(row[0])
