"""A connection to the team workspace: who am I, read rows, write them with optimistic concurrency.

Every write names the version it was based on: `UPDATE ... WHERE id = %s AND version = %s`. When no
row matches, the server's row is read back and a ConflictError carries both versions (theirs with who
and when); nothing is overwritten. Version numbers are set by the server's trigger, never by a
client. All SQL is parameterised (identifiers through psycopg.sql).

Publishing and opening layers, evidence and lectures is in content.py (methods here delegate).
"""

from __future__ import annotations

import contextlib
from datetime import UTC, datetime
from typing import Any

from . import content, schema
from .conninfo import ConnInfo
from .errors import AuthError, Conflict, ConflictError, OfflineError, ReadOnlyError, SchemaError, TeamError
from .kinds import Kind, data_of, kind_of, select_columns, values

JSON_COLUMNS = {"properties", "entry", "fields", "csl", "data", "sources"}
GEOM_COLUMNS = {"geom"}


def iso(moment: datetime | None) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds") if moment else ""


def _import_psycopg():
    try:
        import psycopg
    except ImportError as exc:  # pragma: no cover - the lock installs it
        raise TeamError("The PostgreSQL driver (psycopg 3) is not installed: run scripts/setup.sh") from exc
    return psycopg


def _may_migrate(conn) -> bool:
    """Whether the connected user may create or upgrade the schema (superuser or atlas_admin)."""
    with conn.cursor() as cur:
        cur.execute(
            "SELECT rolsuper OR (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_admin') "
            "AND pg_has_role('atlas_admin', 'MEMBER')) FROM pg_roles WHERE rolname = current_user"
        )
        row = cur.fetchone()
    return bool(row and row[0])


class Workspace:
    """Use `Workspace.connect(info, password)`; close with `.close()` (or as a context manager)."""

    def __init__(self, conn, info: ConnInfo, password: str | None):
        self.conn = conn
        self.info = info
        self._password = password  # in memory for this session only (reconnect); never written
        self.who, self.role, self.backend_pid = self._identity()

    # --- connecting ------------------------------------------------------------------------------
    @classmethod
    def open_connection(cls, info: ConnInfo, password: str | None = None, timeout: int = 10):
        psycopg = _import_psycopg()
        try:
            return psycopg.connect(
                **info.kwargs(password), autocommit=True, connect_timeout=timeout, application_name="gis-app"
            )
        except psycopg.OperationalError as exc:
            text = str(exc).strip().splitlines()[-1] if str(exc).strip() else type(exc).__name__
            if "password" in text.lower() and (
                "no password" in text.lower() or "authentication" in text.lower()
            ):
                raise AuthError(
                    f"The team workspace {info.label()} did not accept the password (or needs one): {text}"
                ) from exc
            raise OfflineError(f"Cannot reach the team workspace {info.label()}: {text}") from exc

    @classmethod
    def connect(
        cls, info: ConnInfo, password: str | None = None, *, migrate: bool = False, timeout: int = 10
    ) -> Workspace:
        """Connect and check the schema (migrate=True: bring it up to date first, for an admin)."""
        conn = cls.open_connection(info, password, timeout)
        try:
            if migrate:
                schema.migrate(conn)
            have = schema.current_version(conn)
            if have != schema.LATEST:
                raise SchemaError(have, schema.LATEST, _may_migrate(conn), info.dbname)
            return cls(conn, info, password)
        except BaseException:
            conn.close()
            raise

    @classmethod
    def migrate(cls, info: ConnInfo, password: str | None = None, timeout: int = 10) -> int:
        """Run the schema's migrations as this user (a member of atlas_admin); returns the version."""
        conn = cls.open_connection(info, password, timeout)
        try:
            return schema.migrate(conn)
        finally:
            conn.close()

    def _identity(self) -> tuple[str, str, int]:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT current_user::text, pg_backend_pid(), "
                "(SELECT rolsuper FROM pg_roles WHERE rolname = current_user), "
                "pg_has_role('atlas_admin', 'MEMBER'), pg_has_role('atlas_editor', 'MEMBER'), "
                "pg_has_role('atlas_student', 'MEMBER')"
            )
            who, pid, superuser, admin, editor, student = cur.fetchone()
        if superuser or admin:
            role = "admin"
        elif editor:
            role = "editor"
        elif student:
            role = "student"
        else:
            raise TeamError(
                f"The user {who} is in none of the workspace's roles (atlas_student, atlas_editor, "
                "atlas_admin): ask its administrator to grant one."
            )
        return who, role, pid

    def reconnect(self) -> None:
        """A new connection with the same details (after OfflineError, when the server is back)."""
        with contextlib.suppress(Exception):
            self.conn.close()
        self.conn = self.open_connection(self.info, self._password)
        self.who, self.role, self.backend_pid = self._identity()

    @property
    def online(self) -> bool:
        return not self.conn.closed and not self.conn.broken

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- errors ----------------------------------------------------------------------------------
    @contextlib.contextmanager
    def errors(self, what: str):
        """Turn driver errors into TeamError subclasses with a sentence for the user."""
        psycopg = _import_psycopg()
        try:
            yield
        except TeamError:
            raise
        except psycopg.errors.InsufficientPrivilege as exc:
            if self.role == "student":
                raise ReadOnlyError(
                    f"You are connected as {self.who}, a student: the team workspace is read-only "
                    f"for students, so {what} was not saved there. Ask its administrator for "
                    "editor rights to change it."
                ) from exc
            raise ReadOnlyError(f"{self.who} may not do this ({what}): {exc.diag.message_primary}") from exc
        except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
            text = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
            raise OfflineError(
                f"The team workspace {self.info.label()} is not reachable ({text}): {what} "
                "was not saved there."
            ) from exc
        except psycopg.Error as exc:
            detail = exc.diag.message_primary or str(exc)
            raise TeamError(f"The team workspace refused {what}: {detail}") from exc

    # --- single rows -----------------------------------------------------------------------------
    def _sql(self):
        from psycopg import sql

        return sql

    def _value(self, column: str, value: Any):
        from psycopg.types.json import Jsonb

        return Jsonb(value) if column in JSON_COLUMNS else value

    def _placeholder(self, column: str):
        sql = self._sql()
        if column in GEOM_COLUMNS:
            return sql.SQL("ST_SetSRID(ST_GeomFromGeoJSON({}::text), 4326)").format(sql.Placeholder())
        return sql.Placeholder()

    def _select(self, kind: Kind):
        sql = self._sql()
        cols = [
            sql.SQL("ST_AsGeoJSON({}, 15)").format(sql.Identifier(c))
            if c in GEOM_COLUMNS
            else sql.Identifier(c)
            for c in select_columns(kind)
        ]
        return sql.SQL(", ").join(cols)

    def read_row(self, cur, kind: Kind, row_id: str) -> tuple[Any, int, str, str] | None:
        """(data, version, updated_by, updated_at ISO) of a row, or None when it is not there."""
        sql = self._sql()
        cur.execute(
            sql.SQL("SELECT {}, version, updated_by, updated_at FROM atlas.{} WHERE id = %s").format(
                self._select(kind), sql.Identifier(kind.table)
            ),
            (row_id,),
        )
        row = cur.fetchone()
        if row is None:
            return None
        n = len(select_columns(kind))
        return data_of(kind, row[:n]), int(row[n]), row[n + 1], iso(row[n + 2])

    def read(self, kind: str, row_id: str) -> tuple[Any, int] | None:
        """The row's data and version now (None when there is no such row)."""
        k = kind_of(kind)
        with self.errors(f"reading {kind} {row_id}"), self.conn.cursor() as cur:
            got = self.read_row(cur, k, row_id)
        return None if got is None else (got[0], got[1])

    def apply(self, cur, kind: str, row_id: str, data: Any, base_version: int) -> int:
        """One write inside the caller's transaction; returns the new version (0 for a delete) or
        raises ConflictError. base_version 0: a new row; data None: delete the row."""
        sql = self._sql()
        k = kind_of(kind)
        table = sql.Identifier(k.table)
        if data is None:
            cur.execute(
                sql.SQL("DELETE FROM atlas.{} WHERE id = %s AND version = %s RETURNING 0").format(table),
                (row_id, base_version),
            )
        elif not base_version:
            vals = values(k, row_id, data)
            cols = ["id", *k.insert_columns]
            cur.execute(
                sql.SQL(
                    "INSERT INTO atlas.{} ({}) VALUES ({}) ON CONFLICT (id) DO NOTHING RETURNING version"
                ).format(
                    table,
                    sql.SQL(", ").join(map(sql.Identifier, cols)),
                    sql.SQL(", ").join(self._placeholder(c) for c in cols),
                ),
                [row_id, *(self._value(c, vals[c]) for c in k.insert_columns)],
            )
        else:
            vals = values(k, row_id, data)
            sets = sql.SQL(", ").join(
                sql.SQL("{} = {}").format(sql.Identifier(c), self._placeholder(c)) for c in k.columns
            )
            cur.execute(
                sql.SQL("UPDATE atlas.{} SET {} WHERE id = %s AND version = %s RETURNING version").format(
                    table, sets
                ),
                [*(self._value(c, vals[c]) for c in k.columns), row_id, base_version],
            )
        done = cur.fetchone()
        if done is not None:
            return int(done[0])
        theirs = self.read_row(cur, k, row_id)
        conflict = Conflict(
            kind=kind,
            row_id=row_id,
            mine=data,
            theirs=theirs[0] if theirs else None,
            base_version=int(base_version or 0),
            their_version=theirs[1] if theirs else 0,
            their_who=theirs[2] if theirs else "",
            their_when=theirs[3] if theirs else "",
            my_who=self.who,
        )
        if theirs is None and data is None:
            return 0  # a delete of a row that is gone already: the outcome the user wanted
        raise ConflictError(conflict)

    def update(self, kind: str, row_id: str, data: Any, base_version: int) -> int:
        """Write one row if nobody changed it since `base_version` (0: add it; data None: delete it).
        Returns the new version; raises ConflictError (both versions), ReadOnlyError, OfflineError."""
        with self.errors(f"the change to {kind} {row_id}"):
            with self.conn.transaction(), self.conn.cursor() as cur:
                return self.apply(cur, kind, row_id, data, base_version)

    def resolve(self, conflict: Conflict, choice: Any) -> int:
        """Settle a conflict: "theirs" keeps the server's row (nothing written), "mine" writes mine over
        theirs, anything else is merged data to write. Returns the row's version after; may raise a
        new ConflictError when the row changed again meanwhile."""
        if isinstance(choice, str) and choice == "theirs":
            return conflict.their_version
        data = conflict.mine if isinstance(choice, str) and choice == "mine" else choice
        if conflict.theirs is None and conflict.their_version == 0:  # the row is gone on the server
            return 0 if data is None else self.update(conflict.kind, conflict.row_id, data, 0)
        return self.update(conflict.kind, conflict.row_id, data, conflict.their_version)

    def history(self, kind: str, row_id: str) -> list[dict]:
        """Every replaced version of a row, oldest first (what resolve or a colleague replaced)."""
        with self.errors(f"reading the history of {kind} {row_id}"), self.conn.cursor() as cur:
            cur.execute(
                "SELECT version, op, data, updated_by, updated_at, replaced_by, replaced_at "
                "FROM atlas.history WHERE kind = %s AND row_id = %s ORDER BY n",
                (kind, row_id),
            )
            return [
                {
                    "version": v,
                    "op": op,
                    "row": d,
                    "updated_by": ub,
                    "updated_at": iso(ua),
                    "replaced_by": rb,
                    "replaced_at": iso(ra),
                }
                for v, op, d, ub, ua, rb, ra in cur.fetchall()
            ]

    # --- content (content.py) --------------------------------------------------------------------
    def list_layers(self) -> list[dict]:
        return content.list_layers(self)

    def publish_layer(self, entry: dict, features: dict) -> str:
        return content.publish_layer(self, entry, features)

    def open_layer(self, layer_id: str) -> tuple[dict, dict]:
        return content.open_layer(self, layer_id)

    def delete_layer(self, layer_id: str, base_version: int) -> None:
        self.update("layer", layer_id, None, base_version)

    def publish_evidence(self, evidence: dict) -> dict:
        return content.publish_evidence(self, evidence)

    def open_evidence(self) -> tuple[dict, dict]:
        return content.open_evidence(self)

    def publish_project(self, name: str, project: dict) -> str:
        return content.publish_project(self, name, project)

    def list_projects(self) -> list[dict]:
        return content.list_projects(self)

    def open_project(self, project_id: str) -> dict:
        return content.open_project(self, project_id)
