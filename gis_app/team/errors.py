"""What can go wrong with the team workspace, each with a sentence for the user (`.message`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


class TeamError(Exception):
    """A team-workspace failure; `.message` is a readable sentence for the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class ReadOnlyError(TeamError):
    """A write by a role that may only read (a student)."""


class AuthError(TeamError):
    """The server refused the login: no password given where one is needed, or a wrong one."""


class SchemaError(TeamError):
    """The database has no atlas schema, or one of another version than this atlas's.
    `.have` / `.need` the versions (0: none); `.can_migrate`: the user may run the migrations
    (Workspace.migrate or connect(migrate=True)) - only when the schema is missing or older."""

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

    def __init__(self, conflict: Conflict):
        super().__init__(conflict.describe() + " Nothing was overwritten: choose theirs, yours or a merge.")
        self.conflict = conflict
