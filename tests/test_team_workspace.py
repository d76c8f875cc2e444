"""The team workspace on a real PostgreSQL + PostGIS (tests/pg.py): versions, conflicts, roles,
publishing and opening, exact round trips. No mock: without a server these tests fail."""

from __future__ import annotations

import math

import pytest

from gis_app.team import schema
from gis_app.team.conninfo import ConnInfo
from gis_app.team.errors import AuthError, ConflictError, OfflineError, ReadOnlyError, SchemaError, TeamError
from gis_app.team.kinds import VERSION_KEY, feature_row_id
from gis_app.team.workspace import Workspace

HOSTILE = [
    "Қазақстан — Алматы өңірі",
    "Ақтөбе ғ ү ұ қ ө һ і ә ң",
    "🇰🇿🛡️🔥 emoji",
    "'; DROP TABLE atlas.claims; --",
    'a "quoted" \\ back\\slash',
    "$$ dollar $$ quoting",
    "%s %(name)s {} {0}",
    "line\nbreak\ttab",
    "Ünïcödé 北京 السلام",
    "O'Brien's \"claim\"",
]


@pytest.fixture
def team(pg):
    """Connected workspaces by role: alice and bob (editors), sam (student), ada (admin)."""
    made = {}

    def connect(name: str, role: str) -> Workspace:
        info, password = pg.user(name, role)
        made[name] = Workspace.connect(info, password)
        return made[name]

    yield {
        "alice": connect("alice", "atlas_editor"),
        "bob": connect("bob", "atlas_editor"),
        "sam": connect("sam", "atlas_student"),
        "ada": connect("ada", "atlas_admin"),
    }
    for ws in made.values():
        ws.close()


def claim(value: str, **extra) -> dict:
    return {
        "claim_id": "u_c1",
        "subject": "KAZ",
        "indicator": "u_troops",
        "value": value,
        "unit": "persons",
        "date": "2024-06",
        "citation": "u_src",
        "locator": "p. 4",
        "note": "",
        "confirmed": "yes",
        "estimate": False,
        **extra,
    }


def annotation(text: str) -> dict:
    return {
        "type": "Feature",
        "id": "a1",
        "geometry": {"type": "Point", "coordinates": [76.95, 43.25]},
        "properties": {
            "kind": "text",
            "text": text,
            "note": "",
            "color": "#d62728",
            "width": 3.0,
            "font_size": 14,
            "fill_opacity": 0.25,
        },
    }


def test_roles_and_identity(team):
    assert (team["alice"].who, team["alice"].role) == ("alice", "editor")
    assert team["sam"].role == "student"
    assert team["ada"].role == "admin"


def test_two_clients_edit_the_same_claim_the_second_gets_both_versions(team):
    alice, bob = team["alice"], team["bob"]
    v1 = alice.update("claim", "u_c1", claim("1800"), 0)
    assert v1 == 1
    # both read version 1; bob saves first
    assert bob.update("claim", "u_c1", claim("1802"), v1) == 2
    with pytest.raises(ConflictError) as caught:
        alice.update("claim", "u_c1", claim("1805"), v1)
    c = caught.value.conflict
    assert (c.kind, c.row_id, c.base_version, c.their_version) == ("claim", "u_c1", 1, 2)
    assert c.theirs["value"] == "1802" and c.mine["value"] == "1805"
    assert c.their_who == "bob" and c.my_who == "alice" and c.their_when[:4].isdigit()
    assert (
        "bob changed this claim" in caught.value.message and "Nothing was overwritten" in caught.value.message
    )
    # nothing was overwritten
    assert alice.read("claim", "u_c1") == ({**claim("1802")}, 2)
    # alice keeps hers: the table holds hers, at version 3; bob's is in the history
    assert alice.resolve(c, "mine") == 3
    assert bob.read("claim", "u_c1") == (claim("1805"), 3)
    replaced = [h["row"]["data"]["value"] for h in bob.history("claim", "u_c1")]
    assert replaced == ["1800", "1802"]


def test_two_clients_edit_the_same_annotation_theirs_or_a_merge(team):
    alice, bob = team["alice"], team["bob"]
    pid = alice.publish_project(
        "Lecture 3: Batken 1999", {"title": "Batken", "annotations": [annotation("Batken")]}
    )
    opened = bob.open_project(pid)
    version = opened["team"]["annotations"]["a1"]
    row_id = f"{pid}/a1"
    alice.update("annotation", row_id, annotation("Batken (Sarybayev)"), version)
    with pytest.raises(ConflictError) as caught:
        bob.update("annotation", row_id, annotation("Batken, 1999"), version)
    c = caught.value.conflict
    assert c.theirs["properties"]["text"] == "Batken (Sarybayev)" and c.their_who == "alice"
    assert c.mine["properties"]["text"] == "Batken, 1999"
    # bob takes theirs: nothing written
    assert bob.resolve(c, "theirs") == 2
    assert bob.read("annotation", row_id)[0]["properties"]["text"] == "Batken (Sarybayev)"
    # ... or a merge of both texts
    merged = annotation("Batken (Sarybayev); 1999")
    assert bob.resolve(c, merged) == 3
    project = alice.open_project(pid)
    assert [a["properties"]["text"] for a in project["annotations"]] == ["Batken (Sarybayev); 1999"]
    assert project["team"]["annotations"] == {"a1": 3}


def test_a_resolve_on_a_row_changed_again_is_a_new_conflict(team):
    alice, bob = team["alice"], team["bob"]
    alice.update("claim", "u_c1", claim("1"), 0)
    bob.update("claim", "u_c1", claim("2"), 1)
    with pytest.raises(ConflictError) as first:
        alice.update("claim", "u_c1", claim("3"), 1)
    bob.update("claim", "u_c1", claim("4"), 2)  # while alice was choosing
    with pytest.raises(ConflictError) as second:
        alice.resolve(first.value.conflict, "mine")
    assert second.value.conflict.theirs["value"] == "4" and second.value.conflict.their_version == 3
    assert alice.read("claim", "u_c1")[0]["value"] == "4"


def test_deleted_by_a_colleague_and_added_twice(team):
    alice, bob = team["alice"], team["bob"]
    alice.update("source", "u_src", {"type": "report", "title": "Report"}, 0)
    with pytest.raises(ConflictError) as twice:
        bob.update("source", "u_src", {"type": "report", "title": "Other"}, 0)
    assert twice.value.conflict.theirs["title"] == "Report" and "already exists" in twice.value.message
    assert bob.update("source", "u_src", None, 1) == 0
    with pytest.raises(ConflictError) as gone:
        alice.update("source", "u_src", {"type": "report", "title": "Report, 2nd ed."}, 1)
    assert gone.value.conflict.theirs is None and "deleted" in gone.value.message
    assert alice.resolve(gone.value.conflict, "mine") == 1
    assert bob.read("source", "u_src")[0]["title"] == "Report, 2nd ed."


def test_a_student_cannot_write_and_is_told_why(team):
    team["alice"].update("claim", "u_c1", claim("1"), 0)
    sam = team["sam"]
    assert sam.read("claim", "u_c1")[0]["value"] == "1"  # reads
    for attempt in (
        lambda: sam.update("claim", "u_c1", claim("2"), 1),
        lambda: sam.update("claim", "u_c2", claim("2", claim_id="u_c2"), 0),
        lambda: sam.update("claim", "u_c1", None, 1),
        lambda: sam.publish_layer({"id": "s", "title": "S"}, {"type": "FeatureCollection", "features": []}),
        lambda: sam.publish_evidence({"sources": [{"id": "u_s", "title": "T"}]}),
    ):
        with pytest.raises(ReadOnlyError) as caught:
            attempt()
        assert "read-only for students" in caught.value.message and "sam" in caught.value.message
    assert team["alice"].read("claim", "u_c1") == (claim("1"), 1)
    # not even with SQL of its own: the server refuses (grants and row-level security)
    info, password = team["sam"].info, team["sam"]._password
    import psycopg

    with psycopg.connect(**info.kwargs(password), autocommit=True) as raw, pytest.raises(psycopg.Error):
        raw.execute("UPDATE atlas.claims SET data = '{}'::jsonb")


def test_an_editor_cannot_forge_versions_or_history(team, pg):
    alice = team["alice"]
    alice.update("claim", "u_c1", claim("1"), 0)
    import psycopg

    info, password = alice.info, alice._password
    with psycopg.connect(**info.kwargs(password), autocommit=True) as raw:
        raw.execute("UPDATE atlas.claims SET version = 1, updated_by = 'bob' WHERE id = 'u_c1'")
        assert raw.execute("SELECT version, updated_by FROM atlas.claims").fetchone() == (2, "alice")
        with pytest.raises(psycopg.Error):
            raw.execute(
                "INSERT INTO atlas.history (kind, row_id, version, op, data, updated_by, updated_at, "
                "replaced_by) VALUES ('claim', 'x', 1, 'update', '{}', 'bob', now(), 'bob')"
            )


def test_layer_publish_and_open_round_trips_exactly(team):
    alice, sam = team["alice"], team["sam"]
    lon = 71.123456789012345
    features = [
        {
            "type": "Feature",
            "properties": {
                "id": str(i),
                "name": text,
                "n": i,
                "share": 0.1 * i,
                "nested": {"k": [text, None, True]},
            },
            "geometry": {"type": "Point", "coordinates": [lon + i, 43.0 + i / 7]},
        }
        for i, text in enumerate(HOSTILE)
    ]
    features.append(
        {
            "type": "Feature",
            "properties": {"id": "poly", "name": "Ферғана"},
            "geometry": {
                "type": "Polygon",
                "coordinates": [[[70.1, 40.1], [72.3, 40.1], [72.3, 41.7], [70.1, 40.1]]],
            },
        }
    )
    features.append(
        {"type": "Feature", "properties": {"id": "none", "name": "no geometry"}, "geometry": None}
    )
    entry = {
        "id": "user_posts_" + "x",
        "title": HOSTILE[3],
        "geometry": "point",
        "style": {"fill": "#ff0000"},
        "popup_fields": ["name"],
        "source": {"path": "/home/a/posts.shp"},
    }
    layer_id = alice.publish_layer(entry, {"type": "FeatureCollection", "features": features})
    listed = sam.list_layers()
    assert [(x["id"], x["title"], x["count"], x["updated_by"]) for x in listed] == [
        (layer_id, HOSTILE[3], len(features), "alice")
    ]
    got_entry, fc = sam.open_layer(layer_id)
    assert got_entry["title"] == HOSTILE[3] and got_entry["style"] == {"fill": "#ff0000"}
    assert "source" not in got_entry and got_entry["team"]["updated_by"] == "alice"
    assert len(fc["features"]) == len(features)
    for sent, back in zip(features, fc["features"], strict=True):
        props = dict(back["properties"])
        assert props.pop(VERSION_KEY) == 1
        assert props == sent["properties"]
        assert list(props) == list(sent["properties"])  # the column order too
        assert back["geometry"] == sent["geometry"]
    assert fc["features"][0]["geometry"]["coordinates"][0] == lon  # every bit of the double
    # the table still exists after "'; DROP TABLE ..." went through
    assert feature_row_id(layer_id, fc["features"][3]) == f"{layer_id}/3"
    assert sam.read("feature", f"{layer_id}/3")[0]["properties"]["name"] == HOSTILE[3]
    with pytest.raises(TeamError, match="already in the workspace"):
        alice.publish_layer(entry, {"type": "FeatureCollection", "features": []})


def test_feature_edits_use_postgis_and_versions(team, pg):
    alice, bob = team["alice"], team["bob"]
    layer_id = alice.publish_layer(
        {"id": "l1", "title": "Posts"},
        {
            "type": "FeatureCollection",
            "features": [
                {
                    "type": "Feature",
                    "properties": {"id": "p1", "name": "Post"},
                    "geometry": {"type": "Point", "coordinates": [69.0, 41.0]},
                }
            ],
        },
    )
    moved = {
        "type": "Feature",
        "properties": {"id": "p1", "name": "Post", VERSION_KEY: 1},
        "geometry": {"type": "Point", "coordinates": [69.5, 41.5]},
    }
    assert bob.update("feature", f"{layer_id}/p1", moved, 1) == 2
    with pg.connect() as conn:
        srid, x, props = conn.execute(
            "SELECT ST_SRID(geom), ST_X(geom), properties FROM atlas.features"
        ).fetchone()
        assert (srid, x) == (4326, 69.5) and VERSION_KEY not in props
        plan = conn.execute(
            "SELECT indexdef FROM pg_indexes WHERE indexname = 'features_geom_gist'"
        ).fetchone()
        assert "gist" in plan[0]
    with pytest.raises(TeamError, match="refused"):
        bob.update(
            "feature",
            f"{layer_id}/p1",
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": ["x"]}},
            2,
        )


def test_evidence_publish_and_open_with_conflicts_not_overwrites(team):
    alice, bob = team["alice"], team["bob"]
    evidence = {
        "version": 1,
        "sources": [{"id": "u_src", "type": "report", "title": HOSTILE[0], "x-added": "2026-11-30T10:00:00"}],
        "claims": [claim(HOSTILE[3])],
        "indicators": [
            {"id": "u_troops", "label": {"en": "Troops", "ru": "Войска", "kk": "Әскер"}, "unit": "persons"}
        ],
        "cites": {"user_posts": ["u_src"], "user_posts/7": ["u_src"]},
    }
    assert alice.publish_evidence(evidence) == {"added": 5, "unchanged": 0, "conflicts": []}
    again = bob.publish_evidence(evidence)
    assert (again["added"], again["unchanged"], again["conflicts"]) == (0, 5, [])
    changed = {**evidence, "claims": [claim("999")], "sources": [], "indicators": [], "cites": {}}
    out = bob.publish_evidence(changed)
    assert out["added"] == 0 and len(out["conflicts"]) == 1
    c = out["conflicts"][0]
    assert (c.kind, c.theirs["value"], c.mine["value"], c.their_who) == ("claim", HOSTILE[3], "999", "alice")
    got, versions = team["sam"].open_evidence()
    assert got["claims"] == [claim(HOSTILE[3])]
    assert got["sources"] == evidence["sources"] and got["indicators"] == evidence["indicators"]
    assert got["cites"] == evidence["cites"]
    assert versions["claim"] == {"u_c1": 1}
    bob.resolve(c, "mine")
    assert team["sam"].open_evidence()[0]["claims"][0]["value"] == "999"


def test_ids_and_values_with_quotes_sql_and_unicode_round_trip(team):
    alice, sam = team["alice"], team["sam"]
    for text in HOSTILE:
        row = claim(text, claim_id=text, subject=text, note=text * 3)
        assert alice.update("claim", text, row, 0) == 1
        assert sam.read("claim", text) == (row, 1)
        source = {"id": text, "type": "book", "title": text, "author": [{"family": text, "given": "Ә."}]}
        alice.update("source", text, source, 0)
        assert sam.read("source", text) == (source, 1)
    assert len(sam.open_evidence()[0]["claims"]) == len(HOSTILE)


def test_text_that_postgres_cannot_store_is_refused_clearly(team):
    with pytest.raises(TeamError) as caught:
        team["alice"].update("claim", "u_nul", claim("a\x00b", claim_id="u_nul"), 0)
    assert "refused" in caught.value.message
    assert team["alice"].read("claim", "u_nul") is None


def test_no_server_no_password_no_schema(pg):
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead = s.getsockname()[1]
    with pytest.raises(OfflineError, match="Cannot reach the team workspace"):
        Workspace.connect(ConnInfo("127.0.0.1", dead, "atlas", "alice"), "x", timeout=2)
    info, _password = pg.user("alice", "atlas_editor")
    with pytest.raises(AuthError, match="password"):
        Workspace.connect(info, "wrong")
    with pg.connect(dbname="postgres") as conn:
        conn.execute("DROP DATABASE IF EXISTS empty_db")
        conn.execute("CREATE DATABASE empty_db")
    with pytest.raises(SchemaError, match="gis-app team init") as missing:
        Workspace.connect(ConnInfo(info.host, info.port, "empty_db", "alice"), _password)
    assert (missing.value.have, missing.value.need, missing.value.can_migrate) == (0, schema.LATEST, False)
    # an editor may not create the schema; an admin may (PostGIS there already)
    with pg.connect(dbname="empty_db") as conn:
        conn.execute("CREATE EXTENSION postgis")
        conn.execute("GRANT CREATE ON DATABASE empty_db TO atlas_admin")
    with pytest.raises(TeamError, match="administrator"):
        Workspace.connect(ConnInfo(info.host, info.port, "empty_db", "alice"), _password, migrate=True)
    ada, ada_pw = pg.user("ada", "atlas_admin")
    ada_db = ConnInfo(info.host, info.port, "empty_db", "ada")
    with pytest.raises(SchemaError, match="you may create or upgrade it now") as offered:
        Workspace.connect(ada_db, ada_pw)
    assert offered.value.can_migrate
    assert Workspace.migrate(ada_db, ada_pw) == schema.LATEST
    with Workspace.connect(ConnInfo(info.host, info.port, "empty_db", "ada"), ada_pw, migrate=True) as ws:
        assert schema.current_version(ws.conn) == schema.LATEST
        assert ws.role == "admin"
        assert schema.migrate(ws.conn) == schema.LATEST  # again: nothing to do
    # a schema newer than this atlas: nobody may "migrate" it back
    with pg.connect(dbname="empty_db") as conn:
        conn.execute(
            "INSERT INTO atlas.schema_version (version, description) VALUES (%s, 'future')",
            (schema.LATEST + 1,),
        )
    with pytest.raises(SchemaError, match="newer than this atlas") as newer:
        Workspace.connect(ada_db, ada_pw)
    assert not newer.value.can_migrate
    assert math.isfinite(schema.LATEST)
