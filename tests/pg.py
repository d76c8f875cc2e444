"""A throw-away PostgreSQL + PostGIS cluster for the team-workspace tests (and the benchmark).

`Cluster.start()` runs Debian's initdb and pg_ctl (installed by scripts/setup.sh) in a temporary
folder, as the `postgres` OS user when run as root (the server refuses to run as root), on a free
TCP port of 127.0.0.1 with password (SCRAM) authentication; it creates the database, PostGIS, the
atlas roles and the schema. `stop()` removes it all. Nothing here skips: a missing server is an error.
"""

from __future__ import annotations

import glob
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

SUPERUSER = "atlas_test_root"


def _bindir() -> Path:
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parent.parent.name)
    )
    if not found:
        raise RuntimeError(
            "PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb): "
            "run scripts/setup.sh, which installs Debian's postgresql and postgresql-postgis"
        )
    return Path(found[-1]).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Cluster:
    def __init__(self, dbname: str = "atlas"):
        self.bindir = _bindir()
        self.dbname = dbname
        self.password = secrets.token_urlsafe(16)
        self.port = 0
        self.host = "127.0.0.1"
        self.folder: Path | None = None
        self.os_user = "postgres" if os.geteuid() == 0 else ""
        self._users: dict[str, tuple] = {}

    # --- running the server's tools as its OS user ---------------------------------------------------
    def _run(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        cmd = [str(self.bindir / args[0]), *args[1:]]
        if self.os_user:
            cmd = ["runuser", "-u", self.os_user, "--", *cmd]
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if check and out.returncode != 0:
            raise RuntimeError(
                f"{args[0]} failed ({out.returncode}): {out.stderr.strip() or out.stdout.strip()}"
            )
        return out

    @property
    def data(self) -> Path:
        assert self.folder is not None
        return self.folder / "data"

    def start(self) -> Cluster:
        # as root the server's OS user must reach the folder: /tmp, not a TMPDIR under /root
        self.folder = Path(tempfile.mkdtemp(prefix="atlas-pg-", dir="/tmp" if self.os_user else None))
        pwfile = self.folder / "pw"
        pwfile.write_text(self.password + "\n")
        if self.os_user:
            entry = pwd.getpwnam(self.os_user)
            for path in (self.folder, pwfile):
                os.chown(path, entry.pw_uid, entry.pw_gid)
        os.chmod(self.folder, 0o700)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            f"--pwfile={pwfile}",
            "--auth-local=scram-sha-256",
            "--auth-host=scram-sha-256",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        pwfile.unlink()
        self.port = _free_port()
        with open(self.data / "postgresql.conf", "a") as conf:
            conf.write(
                f"\nport = {self.port}\nlisten_addresses = '127.0.0.1'\n"
                f"unix_socket_directories = '{self.folder}'\nmax_connections = 60\n"
                "fsync = on\nshared_buffers = 64MB\n"
            )
        self.start_server()
        with self.connect(dbname="postgres") as conn:
            conn.execute(f'CREATE DATABASE "{self.dbname}"')
        from gis_app.team import schema

        with self.connect() as conn:
            schema.create_roles(conn)
            conn.execute("CREATE EXTENSION postgis")
            schema.migrate(conn)
        return self

    def start_server(self) -> None:
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.folder / "log"), "-w", "-t", "60", "start")

    def kill(self) -> None:
        """Stop at once, as a crash would (no clean shutdown): pg_ctl -m immediate."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")

    def restart_after_kill(self) -> None:
        self.start_server()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:  # crash recovery done: connections accepted
            try:
                self.connect().close()
                return
            except Exception:
                time.sleep(0.2)
        raise RuntimeError("the test server did not come back after a restart")

    def stop(self) -> None:
        if self.folder is None:
            return
        try:
            if (self.data / "postmaster.pid").exists():
                self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop", check=False)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)
            self.folder = None

    # --- clients -----------------------------------------------------------------------------------
    def connect(self, dbname: str | None = None, user: str = SUPERUSER, password: str | None = None):
        import psycopg

        return psycopg.connect(
            host=self.host,
            port=self.port,
            dbname=dbname or self.dbname,
            user=user,
            password=password or self.password,
            autocommit=True,
        )

    def add_user(self, name: str, role: str) -> tuple[object, str]:
        """A LOGIN user in one of atlas_student / atlas_editor / atlas_admin; returns (ConnInfo, password)."""
        from psycopg import sql

        from gis_app.team.conninfo import ConnInfo

        password = secrets.token_urlsafe(12)
        with self.connect() as conn:
            conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(name), sql.Literal(password), sql.Identifier(role)
                )
            )
        return ConnInfo(self.host, self.port, self.dbname, name), password

    def user(self, name: str, role: str) -> tuple[object, str]:
        """add_user once per cluster: the same (ConnInfo, password) for the same name."""
        if name not in self._users:
            self._users[name] = (*self.add_user(name, role), role)
        info, password, had = self._users[name]
        assert had == role, f"{name} was made as {had}, not {role}"
        return info, password

    def reset(self) -> None:
        """Empty every team table (between tests)."""
        with self.connect() as conn:
            conn.execute(
                "TRUNCATE atlas.layers, atlas.features, atlas.sources, atlas.indicators, atlas.claims,"
                " atlas.cites, atlas.annotations, atlas.projects, atlas.history, atlas.sync_batches"
            )
