"""Where the team workspace is. Never a password: that comes from libpq (.pgpass, PGSERVICE,
PGPASSWORD) or is passed to `Workspace.connect` for the session only."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class ConnInfo:
    host: str = "localhost"
    port: int = 5432
    dbname: str = "atlas"
    user: str = ""
    service: str = ""  # a name in pg_service.conf; its values fill what is left empty here

    def kwargs(self, password: str | None = None) -> dict:
        """Keyword arguments for psycopg.connect (empty values left for libpq to fill)."""
        out: dict = {}
        if self.service:
            out["service"] = self.service
        for key in ("host", "dbname", "user"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.port:
            out["port"] = int(self.port)
        if password:
            out["password"] = password
        return out

    def label(self) -> str:
        where = f"{self.host or 'localhost'}:{self.port}/{self.dbname}"
        if self.service:
            where = f"service {self.service}" + (f" ({where})" if self.host else "")
        return f"{self.user}@{where}" if self.user else where

    def to_dict(self) -> dict:
        """For settings (a remembered server): no password field exists to leak."""
        return asdict(self)

    @classmethod
    def from_dict(cls, raw: dict) -> ConnInfo:
        return cls(
            host=str(raw.get("host") or ""),
            port=int(raw.get("port") or 5432),
            dbname=str(raw.get("dbname") or ""),
            user=str(raw.get("user") or ""),
            service=str(raw.get("service") or ""),
        )
