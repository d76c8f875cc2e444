"""The administrator's side: scripts/team_server.sh and `gis-app team init|migrate|status|user`,
run against the throw-away server; and the team package stays free of Qt."""

from __future__ import annotations

import os
import subprocess

from gis_app.cli import main
from gis_app.team.conninfo import ConnInfo
from gis_app.team.workspace import Workspace
from tests.pg import SUPERUSER
from tests.test_layers import PACKAGE, imported_modules

SCRIPT = PACKAGE.parent / "scripts" / "team_server.sh"


def server_env(pg) -> dict:
    return {
        **os.environ,
        "PGHOST": pg.host,
        "PGPORT": str(pg.port),
        "PGUSER": SUPERUSER,
        "PGPASSWORD": pg.password,
    }


def test_server_script_then_init_by_an_admin_then_status(pg, monkeypatch, capsys):
    with pg.connect(dbname="postgres") as conn:
        conn.execute("DROP DATABASE IF EXISTS atlas_srv")
    password = "it's a \\ pass $HOME"
    for _ in range(2):  # twice: the second run changes nothing and does not fail
        out = subprocess.run(
            ["bash", str(SCRIPT), "--db", "atlas_srv", "--no-install"]
            + (["--admin", "boss"] if _ == 0 else []),
            input=password + "\n",
            capture_output=True,
            text=True,
            env=server_env(pg),
            timeout=120,
        )
        assert out.returncode == 0, out.stderr
        assert "team_server: ready" in out.stdout
    with pg.connect(dbname="atlas_srv") as conn:
        assert conn.execute("SELECT extname FROM pg_extension WHERE extname = 'postgis'").fetchone()
        assert conn.execute("SELECT pg_has_role('boss', 'atlas_admin', 'MEMBER')").fetchone()[0]
    # the administrator (not a superuser) creates the schema with the app's migrations
    for key, value in {"PGPASSWORD": password, "PGHOST": pg.host, "PGPORT": str(pg.port)}.items():
        monkeypatch.setenv(key, value)
    assert main(["team", "init", "-d", "atlas_srv", "-U", "boss"]) == 0
    assert "schema version 0 -> 1" in capsys.readouterr().out
    assert main(["team", "migrate", "-d", "atlas_srv", "-U", "boss"]) == 0
    assert "up to date (schema version 1)" in capsys.readouterr().out
    assert main(["team", "status", "-d", "atlas_srv", "-U", "boss"]) == 0
    assert capsys.readouterr().out.startswith("boss (admin) at ")
    # a user made by the server's administrator, with an asked password
    monkeypatch.setenv("PGPASSWORD", pg.password)
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "Студент-2026'")
    assert main(["team", "user", "aigerim", "--role", "student", "-d", "atlas_srv", "-U", SUPERUSER]) == 0
    assert "created the user aigerim as student" in capsys.readouterr().out
    with Workspace.connect(ConnInfo(pg.host, pg.port, "atlas_srv", "aigerim"), "Студент-2026'") as ws:
        assert (ws.who, ws.role, ws.list_layers()) == ("aigerim", "student", [])
    assert main(["team", "user", "aigerim", "--role", "student", "-d", "atlas_srv", "-U", SUPERUSER]) == 1
    assert "already exists" in capsys.readouterr().err


def test_cli_errors_are_sentences(pg, monkeypatch, capsys):
    monkeypatch.setenv("PGPASSWORD", "wrong")
    assert (
        main(["team", "status", "--host", pg.host, "--port", str(pg.port), "-d", pg.dbname, "-U", "nobody"])
        == 1
    )
    err = capsys.readouterr().err
    assert err.startswith("gis-app team: ") and "password" in err


def test_the_team_package_imports_no_qt_and_no_ui():
    found = [
        f"{path.name}:{line} {module}"
        for path in sorted((PACKAGE / "team").rglob("*.py"))
        for line, module in imported_modules(path)
        if module.split(".")[0] in ("PySide6", "shiboken6", "folium")
        or module.startswith("gis_app.ui")
        or module.startswith("gis_app.render")
    ]
    assert found == []
