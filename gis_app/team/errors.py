"""What can go wrong with the team workspace, each with a sentence for the user (`.message`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class TeamError(Exception):
    """A team-workspace failure; `.message` is a readable English sentence (the command line, the
    logs); `.code` says what kind of failure it is, for the window to say in its language (with
    `kind_of`, which also reads the driver's error under it)."""

    code = "other"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ReadOnlyError(TeamError):
    """A write by a role that may only read (a student)."""

    code = "readonly"


class AuthError(TeamError):
    """The server refused the login: no password given where one is needed, or a wrong one."""

    code = "auth"


class SchemaError(TeamError):
    """The database has no atlas schema, or one of another version than this atlas's.
    `.have` / `.need` the versions (0: none); `.can_migrate`: the user may run the migrations
    (Workspace.migrate or connect(migrate=True)) - only when the schema is missing or older."""

    code = "schema"

    def __init__(self, have: int, need: int, may_migrate: bool, dbname: str = ""):
        self.have, self.need = have, need
        self.can_migrate = may_migrate and have < need
        where = f"The database {dbname}" if dbname else "The database"
        if have == 0:
            text = f"{where} has no atlas workspace yet"
        elif have < need:
            text = f"The workspace's schema is version {have}; this atlas needs {need}"
        else:
            text = (
                f"The workspace's schema is version {have}, newer than this atlas ({need}): update the atlas."
            )
        if have < need:
            text += (
                ": you may create or upgrade it now."
                if self.can_migrate
                else ": an administrator runs 'gis-app team init' (or 'gis-app team migrate')."
            )
        super().__init__(text)


class OfflineError(TeamError):
    """The server cannot be reached (or went away during the work)."""

    code = "offline"


@dataclass
class Conflict:
    """Someone changed (or deleted) the row after this client read it.

    `mine` is the data this client tried to write (None: a delete); `theirs` the row as it is now
    on the server (None: they deleted it, or a row this client meant to add already exists when
    base_version is 0 and theirs is not None). Versions: `base_version` the one this client read
    (0: the row was new here), `their_version` the server's now (0: the row is gone).
    """

    kind: str
    row_id: str
    mine: Any
    theirs: Any
    base_version: int
    their_version: int
    their_who: str = ""
    their_when: str = ""  # ISO 8601, UTC
    my_who: str = ""
    extra: dict = field(default_factory=dict)

    def describe(self) -> str:
        if self.theirs is None:
            return (
                f"{self.their_who or 'Someone'} deleted this {self.kind} ({self.row_id}) "
                f"after you read version {self.base_version}."
            )
        if self.base_version == 0:
            return (
                f"A {self.kind} with the id {self.row_id} already exists (version {self.their_version}, "
                f"by {self.their_who} at {self.their_when})."
            )
        return (
            f"{self.their_who} changed this {self.kind} ({self.row_id}) at {self.their_when} "
            f"(now version {self.their_version}) after you read version {self.base_version}."
        )


class ConflictError(TeamError):
    """An update found the row changed since it was read; `.conflict` holds both versions."""

    code = "conflict"

    def __init__(self, conflict: Conflict):
        super().__init__(conflict.describe() + " Nothing was overwritten: choose theirs, yours or a merge.")
        self.conflict = conflict


# --- what kind of failure: by class, SQLSTATE and libpq's own flags, never by the words of a message
AUTH_SQLSTATE_CLASS = "28"  # invalid_authorization_specification, invalid_password (28P01)


def driver_error(exc: BaseException) -> BaseException | None:
    """The PostgreSQL driver's error under a TeamError (its __cause__), or `exc` itself."""
    seen = exc
    for _ in range(5):
        if hasattr(seen, "pgconn") or hasattr(seen, "sqlstate"):
            return seen
        seen = seen.__cause__ or seen.__context__
        if seen is None:
            return None
    return None


def auth_failure(exc: BaseException, dbname: str = "") -> bool:
    """The server refused the login: SQLSTATE class 28, or libpq says a password was needed and
    none given (PQconnectionNeedsPassword), or the connection failed after a password was sent
    (PQconnectionUsedPassword) and the server's text does not name the database (a database that
    does not exist is refused after the password too; its name is quoted in any language)."""
    cause = driver_error(exc)
    if cause is None:
        return False
    if str(getattr(cause, "sqlstate", "") or "").startswith(AUTH_SQLSTATE_CLASS):
        return True
    pgconn = getattr(cause, "pgconn", None)
    if pgconn is None:
        return False
    try:
        if pgconn.needs_password:
            return True
        used = bool(pgconn.used_password)
    except Exception:  # noqa: BLE001 - a closed connection object answers nothing
        return False
    return used and not (dbname and f'"{dbname}"' in str(cause))


def kind_of(exc: BaseException, connecting: bool = False, dbname: str = "") -> str:
    """"readonly" | "offline" | "auth" | "schema" | "conflict" | "other": the error's class first,
    then, for a connection attempt that failed (`connecting`: a connection lost during the work
    also has libpq's used-password flag set), the driver's SQLSTATE and libpq's password flags."""
    code = getattr(exc, "code", "") if isinstance(exc, TeamError) else ""
    if connecting and code in ("other", "offline", "") and auth_failure(exc, dbname):
        return "auth"
    return code or "other"


def server_text(exc: BaseException) -> str:
    """The database server's (or libpq's) own words under a TeamError, in the server's language
    ("" when the atlas refused by itself)."""
    cause = driver_error(exc)
    if cause is None:
        return ""
    diag = getattr(cause, "diag", None)
    primary = getattr(diag, "message_primary", None) if diag is not None else None
    text = primary or str(cause).strip()
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1].rpartition(" failed: ")[2] if lines else ""
