#!/usr/bin/env bash
# A team workspace server on Debian (12 or later), as root: installs PostgreSQL and PostGIS
# (Debian's packages), makes sure a cluster runs, and creates the database, the PostGIS extension
# and the atlas roles. The schema itself is the app's: an administrator then runs
# `gis-app team init` (or `gis-app team migrate` after an upgrade of the atlas).
#
#   sudo scripts/team_server.sh [--db atlas] [--allow 10.0.0.0/24] [--admin NAME]
#
#   --db NAME      the database (default atlas)
#   --allow CIDR   also accept password (SCRAM) logins of the atlas roles from these addresses
#                  (sets listen_addresses = '*' and adds one pg_hba.conf line; restart needed)
#   --admin NAME   create a login NAME in atlas_admin (asks for its password)
#   --no-install   do not run apt-get (PostgreSQL and PostGIS are there already)
#
# With PGHOST set (and PGPORT/PGUSER/PGPASSWORD), it talks to that server instead of the local
# one as the postgres OS user (that is how the tests run it on their throw-away cluster).
set -euo pipefail
DB=atlas ALLOW="" ADMIN="" INSTALL=1
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --allow) ALLOW="$2"; shift 2 ;;
    --admin) ADMIN="$2"; shift 2 ;;
    --no-install) INSTALL=0; shift ;;
    -h|--help) sed -n '2,17p' "$0"; exit 0 ;;
    *) echo "team_server: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
if ! [[ "$DB" =~ ^[A-Za-z_][A-Za-z0-9_]{0,62}$ ]]; then
  echo "team_server: the database name may hold letters, digits and _ only" >&2; exit 2
fi

if [ -n "${PGHOST:-}" ]; then
  psql_() { psql -X -v ON_ERROR_STOP=1 -q "$@"; }
else
  [ "$(id -u)" -eq 0 ] || { echo "team_server: run as root (sudo)" >&2; exit 1; }
  if [ "$INSTALL" = 1 ]; then
    missing=()
    for pkg in postgresql postgresql-postgis; do
      dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
    done
    if [ ${#missing[@]} -gt 0 ]; then
      apt-get update -qq
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
  fi
  # a cluster that runs (Debian makes "main" on install; without systemd, start it by hand)
  if ! pg_lsclusters -h | awk '$4 == "online" {found=1} END {exit !found}'; then
    read -r ver name _ < <(pg_lsclusters -h | head -1) || true
    if [ -z "${ver:-}" ]; then
      ver=$(ls /usr/lib/postgresql | sort -n | tail -1); name=main
      pg_createcluster "$ver" "$name"
    fi
    pg_ctlcluster "$ver" "$name" start
  fi
  psql_() { runuser -u postgres -- psql -X -v ON_ERROR_STOP=1 -q "$@"; }
fi

echo "team_server: database $DB, PostGIS, roles"
psql_ -d postgres -v db="$DB" <<'SQL'
SELECT format('CREATE DATABASE %I ENCODING ''UTF8'' TEMPLATE template0', :'db')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec
SQL
psql_ -d "$DB" -v db="$DB" <<'SQL'
CREATE EXTENSION IF NOT EXISTS postgis;
-- the three group roles; people are LOGIN roles granted one of them
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_student') THEN CREATE ROLE atlas_student NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_editor') THEN CREATE ROLE atlas_editor NOLOGIN; END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'atlas_admin') THEN CREATE ROLE atlas_admin NOLOGIN; END IF;
END $$;
GRANT atlas_student TO atlas_editor;
GRANT atlas_editor TO atlas_admin;
SELECT format('GRANT CONNECT ON DATABASE %I TO atlas_student', :'db') \gexec
SELECT format('GRANT CREATE ON DATABASE %I TO atlas_admin', :'db') \gexec
-- nobody else connects: revoke the default PUBLIC connect right
SELECT format('REVOKE CONNECT ON DATABASE %I FROM PUBLIC', :'db') \gexec
SQL

if [ -n "$ADMIN" ]; then
  read -r -s -p "Password for the new administrator $ADMIN: " pw; echo
  # the password goes through standard input (never on a command line, where ps would show it)
  esc=${pw//\\/\\\\}; esc=${esc//\'/\'\'}
  psql_ -d "$DB" -v name="$ADMIN" <<SQL
\\set pw '$esc'
SELECT format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE atlas_admin', :'name', :'pw') \\gexec
SQL
fi

if [ -n "$ALLOW" ]; then
  hba=$(psql_ -d "$DB" -tA -c 'SHOW hba_file')
  line="host $DB +atlas_student $ALLOW scram-sha-256"
  grep -qxF "$line" "$hba" || echo "$line" >> "$hba"
  psql_ -d "$DB" -c "ALTER SYSTEM SET listen_addresses = '*'"
  echo "team_server: logins from $ALLOW allowed in $hba; restart PostgreSQL (pg_ctlcluster <ver> main restart)"
fi
echo "team_server: ready. Next, as an administrator: gis-app team init --host <this server> -d $DB -U <admin> -W"
