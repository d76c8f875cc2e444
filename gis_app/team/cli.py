"""`gis-app team init|migrate|status|user`: the workspace's administration from the command line.

The password comes from libpq (PGPASSWORD, ~/.pgpass, a service file) or, with -W, is asked for
(never taken as an argument, so it stays out of the shell's history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import sys

from .conninfo import ConnInfo
from .errors import TeamError

ROLE_NAMES = {"student": "atlas_student", "editor": "atlas_editor", "admin": "atlas_admin"}


def add_parser(sub) -> None:
    team = sub.add_parser(
        "team", help="the team workspace on PostgreSQL/PostGIS: init, migrate, status, user"
    )
    actions = team.add_subparsers(dest="team_command", required=True)
    for name, text in (
        (
            "init",
            "create the roles (if missing), enable PostGIS and create the schema "
            "(as the server's administrator)",
        ),
        ("migrate", "bring the schema up to this atlas's version (a member of atlas_admin)"),
        ("status", "who am I there, which role, the schema's version, what is published"),
        ("user", "add a login in a role (as the server's administrator); the password is asked"),
    ):
        p = actions.add_parser(name, help=text)
        p.add_argument("--host", default="", help="server (default: libpq's PGHOST, else the local socket)")
        p.add_argument("--port", type=int, default=0, help="port (default: PGPORT, else 5432)")
        p.add_argument("--dbname", "-d", default="", help="database (default: PGDATABASE)")
        p.add_argument("--user", "-U", default="", help="user (default: PGUSER, else your login name)")
        p.add_argument("--service", default="", help="a service name of pg_service.conf")
        p.add_argument("-W", "--password-prompt", action="store_true", help="ask for the password")
        if name == "user":
            p.add_argument("name", help="the new user's login name")
            p.add_argument("--role", choices=sorted(ROLE_NAMES), required=True)


def _info(args) -> tuple[ConnInfo, str | None]:
    info = ConnInfo(host=args.host, port=args.port, dbname=args.dbname, user=args.user, service=args.service)
    password = getpass.getpass(f"Password for {info.label()}: ") if args.password_prompt else None
    return info, password


def run(args: argparse.Namespace) -> int:
    try:
        return _run(args)
    except TeamError as exc:
        print(f"gis-app team: {exc.message}", file=sys.stderr)
        return 1


def _run(args) -> int:
    from . import schema
    from .workspace import Workspace

    info, password = _info(args)
    if args.team_command == "status":
        with Workspace.connect(info, password) as ws:
            layers = ws.list_layers()
            projects = ws.list_projects()
            print(
                f"{ws.who} ({ws.role}) at {info.label()}: schema version {schema.current_version(ws.conn)}; "
                f"{len(layers)} layers, {sum(x['count'] for x in layers)} features, {len(projects)} lectures"
            )
        return 0
    conn = Workspace.open_connection(info, password)
    try:
        if args.team_command == "user":
            return _add_user(conn, args.name, args.role)
        before = schema.current_version(conn)
        if args.team_command == "init":
            if schema.missing_roles(conn):
                schema.create_roles(conn)
                print("created the roles atlas_student, atlas_editor, atlas_admin")
        reached = schema.migrate(conn)
        dbname = conn.info.dbname
    finally:
        conn.close()
    if reached == before:
        print(f"the workspace {dbname} is up to date (schema version {reached})")
    else:
        print(f"the workspace {dbname} is ready: schema version {before} -> {reached}")
    return 0


def _add_user(conn, name: str, role: str) -> int:
    import psycopg
    from psycopg import sql

    if not name or len(name) > 63:
        raise TeamError("A user name has 1 to 63 characters")
    first = getpass.getpass(f"Password for the new user {name}: ")
    if len(first) < 8 or getpass.getpass("Again: ") != first:
        raise TeamError("The passwords differ or are shorter than 8 characters: nothing was created")
    try:
        with conn.transaction():
            conn.execute(
                sql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
                    sql.Identifier(name), sql.Literal(first), sql.Identifier(ROLE_NAMES[role])
                )
            )
    except psycopg.errors.DuplicateObject as exc:
        raise TeamError(
            f"A user {name} already exists: GRANT {ROLE_NAMES[role]} TO it in psql instead"
        ) from exc
    except psycopg.Error as exc:
        raise TeamError(f"Could not create the user {name}: {exc.diag.message_primary or exc}") from exc
    print(f"created the user {name} as {role} ({ROLE_NAMES[role]})")
    return 0
