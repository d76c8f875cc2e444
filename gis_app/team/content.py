"""Publishing and opening what the team shares: layers, the evidence, lectures (projects).

Functions of a Workspace (`ws`); the Workspace methods of the same names call them. Publishing adds
rows; a row that exists in another form is never overwritten: it comes back as a Conflict.
"""

from __future__ import annotations

import copy
import json
import secrets
from typing import TYPE_CHECKING, Any

from .errors import Conflict, TeamError
from .kinds import RESERVED, VERSION_KEY

if TYPE_CHECKING:
    from .workspace import Workspace

EVIDENCE_KINDS = (
    ("sources", "source", "id"),
    ("indicators", "indicator", "id"),
    ("claims", "claim", "claim_id"),
)


def _iso(moment) -> str:
    from .workspace import iso

    return iso(moment)


# --- layers ----------------------------------------------------------------------------------------
def list_layers(ws: Workspace) -> list[dict]:
    with ws.errors("listing the layers"), ws.conn.cursor() as cur:
        cur.execute(
            "SELECT l.id, l.title, l.geometry, (SELECT count(*) FROM atlas.features f WHERE "
            "f.layer_id = l.id), l.version, l.updated_by, l.updated_at FROM atlas.layers l ORDER BY "
            "lower(l.title), l.id"
        )
        return [
            {
                "id": i,
                "title": t,
                "geometry": g,
                "count": int(n),
                "version": int(v),
                "updated_by": ub,
                "updated_at": _iso(ua),
            }
            for i, t, g, n, v, ub, ua in cur.fetchall()
        ]


def _features_of(features: Any) -> list:
    if isinstance(features, dict) and isinstance(features.get("features"), list):
        return features["features"]
    if isinstance(features, list):
        return features
    raise TeamError("A layer to publish needs a GeoJSON FeatureCollection")


def publish_layer(ws: Workspace, entry: dict, features: Any) -> str:
    """Add a layer and its features (one transaction; one announcement for the whole layer).
    Returns its id (the entry's, else a new one). A layer of that id already there: TeamError."""
    from psycopg.types.json import Jsonb

    layer_id = str(entry.get("id") or f"team_{secrets.token_hex(4)}")
    title = str(entry.get("title") or layer_id)
    rows, fields, seen = [], [], set()
    for index, feature in enumerate(_features_of(features)):
        if not isinstance(feature, dict):
            raise TeamError(f"Feature {index + 1} of {title} is not a GeoJSON Feature")
        props = {k: v for k, v in (feature.get("properties") or {}).items() if k not in RESERVED}
        fid = props.get("id", feature.get("id"))
        fid = str(index + 1) if fid is None or fid == "" else str(fid)
        if fid in seen:
            raise TeamError(f"Two features of {title} have the id {fid!r}: ids must be unique to publish")
        seen.add(fid)
        fields.extend(k for k in props if k not in fields)  # order of first appearance
        geometry = feature.get("geometry")
        rows.append((f"{layer_id}/{fid}", fid, json.dumps(geometry) if geometry else None, Jsonb(props)))
    stored = {k: v for k, v in entry.items() if k not in ("data", "source", "team")}
    stored.update(id=layer_id, title=title, count=len(rows))
    with ws.errors(f"publishing the layer {title}"), ws.conn.transaction(), ws.conn.cursor() as cur:
        cur.execute("SET LOCAL atlas.quiet = 'on'")
        cur.execute("SELECT updated_by, updated_at FROM atlas.layers WHERE id = %s", (layer_id,))
        there = cur.fetchone()
        if there:
            raise TeamError(
                f"A layer with the id {layer_id} is already in the workspace (published by {there[0]} "
                f"at {_iso(there[1])}): publish it under a new id, or edit that one."
            )
        cur.execute(
            "INSERT INTO atlas.layers (id, title, geometry, entry, fields) VALUES (%s, %s, %s, %s, %s)",
            (layer_id, title, str(entry.get("geometry") or "mixed"), Jsonb(stored), Jsonb(fields)),
        )
        cur.execute(
            "CREATE TEMP TABLE atlas_incoming (id text, fid text, geojson text, properties jsonb, "
            "n bigint GENERATED ALWAYS AS IDENTITY) ON COMMIT DROP"
        )
        with cur.copy("COPY atlas_incoming (id, fid, geojson, properties) FROM STDIN") as copy_in:
            for row in rows:
                copy_in.write_row(row)
        cur.execute(
            "INSERT INTO atlas.features (id, layer_id, fid, geom, properties) SELECT id, %s, fid, "
            "ST_SetSRID(ST_GeomFromGeoJSON(geojson), 4326), properties FROM atlas_incoming ORDER BY n",
            (layer_id,),
        )
        cur.execute(
            "SELECT pg_notify('atlas_changes', json_build_object('kind', 'layer', 'op', 'insert', "
            "'row_id', %s::text, 'layer_id', %s::text, 'version', 1, 'who', current_user::text)::text)",
            (layer_id, layer_id),
        )
    return layer_id


def open_layer(ws: Workspace, layer_id: str) -> tuple[dict, dict]:
    """(entry, FeatureCollection): the entry as published plus "team" (version, who, when); each
    feature's properties carry its row version under kinds.VERSION_KEY."""
    with ws.errors(f"opening the layer {layer_id}"), ws.conn.transaction(), ws.conn.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur.execute(
            "SELECT entry, fields, version, updated_by, updated_at FROM atlas.layers WHERE id = %s",
            (layer_id,),
        )
        row = cur.fetchone()
        if row is None:
            raise TeamError(f"The layer {layer_id} is not in the workspace (deleted by a colleague?)")
        entry, fields, version, who, when = row
        cur.execute(
            "SELECT fid, ST_AsGeoJSON(geom, 15), properties, version FROM atlas.features "
            "WHERE layer_id = %s ORDER BY n",
            (layer_id,),
        )
        features = []
        loads = json.loads
        for fid, geom, props, fversion in cur:
            ordered = {k: props[k] for k in fields if k in props}
            if len(ordered) != len(props):
                ordered.update((k, v) for k, v in props.items() if k not in ordered)
            ordered.setdefault("id", fid)
            ordered[VERSION_KEY] = fversion
            features.append(
                {"type": "Feature", "properties": ordered, "geometry": loads(geom) if geom else None}
            )
    entry = dict(entry)
    entry.update(
        id=layer_id,
        count=len(features),
        team={"layer_id": layer_id, "version": int(version), "updated_by": who, "updated_at": _iso(when)},
    )
    return entry, {"type": "FeatureCollection", "features": features}


# --- evidence --------------------------------------------------------------------------------------
def _same(a: Any, b: Any) -> bool:
    return json.loads(json.dumps(a)) == json.loads(json.dumps(b))


def publish_evidence(ws: Workspace, evidence: dict) -> dict:
    """Add the evidence's sources, indicators, claims and cites (one transaction). Returns
    {"added": n, "unchanged": n, "conflicts": [Conflict]} - a row there in another form is a
    conflict for the user to settle (Workspace.resolve), never overwritten."""
    if not isinstance(evidence, dict):
        raise TeamError("The evidence to publish is not an evidence object")
    items: list[tuple[str, str, Any]] = []
    for key, kind, id_key in EVIDENCE_KINDS:
        for item in evidence.get(key) or []:
            if not isinstance(item, dict) or not str(item.get(id_key) or ""):
                raise TeamError(f"An entry of the evidence's {key} has no {id_key}")
            items.append((kind, str(item[id_key]), item))
    for subject, ids in (evidence.get("cites") or {}).items():
        items.append(("cite", str(subject), list(ids)))
    result = {"added": 0, "unchanged": 0, "conflicts": []}
    with ws.errors("publishing the evidence"), ws.conn.transaction(), ws.conn.cursor() as cur:
        from .kinds import kind_of, values

        for kind, row_id, data in items:
            there = ws.read_row(cur, kind_of(kind), row_id)
            if there is None:
                ws.apply(cur, kind, row_id, data, 0)
                result["added"] += 1
                continue
            mine = (
                next(iter(values(kind_of(kind), row_id, data).values()))
                if kind == "cite"
                else values(kind_of(kind), row_id, data)[{"source": "csl"}.get(kind, "data")]
            )
            if _same(mine, there[0]):
                result["unchanged"] += 1
            else:
                result["conflicts"].append(
                    Conflict(kind, row_id, data, there[0], 0, there[1], there[2], there[3], ws.who)
                )
    return result


def open_evidence(ws: Workspace) -> tuple[dict, dict]:
    """(evidence as the contract's dict, versions {"source": {id: v}, "claim": ..., "indicator": ...,
    "cite": ...})."""
    evidence: dict = {"version": 1, "sources": [], "claims": [], "indicators": [], "cites": {}}
    versions: dict = {"source": {}, "claim": {}, "indicator": {}, "cite": {}}
    with ws.errors("reading the evidence"), ws.conn.transaction(), ws.conn.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        for table, kind, column, key in (
            ("sources", "source", "csl", "sources"),
            ("indicators", "indicator", "data", "indicators"),
            ("claims", "claim", "data", "claims"),
        ):
            from psycopg import sql

            cur.execute(
                sql.SQL("SELECT id, {}, version FROM atlas.{} ORDER BY updated_at, id").format(
                    sql.Identifier(column), sql.Identifier(table)
                )
            )
            for row_id, data, version in cur.fetchall():
                evidence[key].append(data)
                versions[kind][row_id] = int(version)
        cur.execute("SELECT id, sources, version FROM atlas.cites ORDER BY id")
        for row_id, ids, version in cur.fetchall():
            evidence["cites"][row_id] = ids
            versions["cite"][row_id] = int(version)
    return evidence, versions


# --- lectures (projects) ---------------------------------------------------------------------------
def publish_project(ws: Workspace, name: str, project: dict) -> str:
    """Add a project (a lecture): its annotations as rows of their own (each edited and versioned
    apart). Returns the new project id."""
    if not isinstance(project, dict):
        raise TeamError("The project to publish is not a project")
    project_id = f"p_{secrets.token_hex(6)}"
    body = {k: v for k, v in project.items() if k not in ("annotations", "team")}
    with ws.errors(f"publishing the lecture {name}"), ws.conn.transaction(), ws.conn.cursor() as cur:
        from psycopg.types.json import Jsonb

        cur.execute(
            "INSERT INTO atlas.projects (id, name, data) VALUES (%s, %s, %s)",
            (project_id, str(name or project_id), Jsonb(body)),
        )
        for position, ann in enumerate(project.get("annotations") or []):
            ann = copy.deepcopy(ann)
            ann["_position"] = position
            ws.apply(cur, "annotation", f"{project_id}/{ann.get('id', position)}", ann, 0)
    return project_id


def list_projects(ws: Workspace) -> list[dict]:
    with ws.errors("listing the lectures"), ws.conn.cursor() as cur:
        cur.execute(
            "SELECT id, name, version, updated_by, updated_at FROM atlas.projects ORDER BY lower(name), id"
        )
        return [
            {"id": i, "name": n, "version": int(v), "updated_by": ub, "updated_at": _iso(ua)}
            for i, n, v, ub, ua in cur.fetchall()
        ]


def open_project(ws: Workspace, project_id: str) -> dict:
    """The project dict (as AtlasDocument saves it, annotations included) with "team": {"id", "name",
    "version", "updated_by", "updated_at", "annotations": {annotation id: version}}; the row id of an
    annotation is "<project id>/<annotation id>"."""
    with ws.errors(f"opening the lecture {project_id}"), ws.conn.transaction(), ws.conn.cursor() as cur:
        cur.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cur.execute(
            "SELECT name, data, version, updated_by, updated_at FROM atlas.projects WHERE id = %s",
            (project_id,),
        )
        row = cur.fetchone()
        if row is None:
            raise TeamError(f"The lecture {project_id} is not in the workspace (deleted by a colleague?)")
        name, data, version, who, when = row
        cur.execute(
            "SELECT id, data, version FROM atlas.annotations WHERE project_id = %s ORDER BY position, id",
            (project_id,),
        )
        annotations, versions = [], {}
        for row_id, ann, ann_version in cur.fetchall():
            annotations.append(ann)
            versions[row_id.partition("/")[2]] = int(ann_version)
    project = dict(data)
    project["annotations"] = annotations
    project["team"] = {
        "id": project_id,
        "name": name,
        "version": int(version),
        "updated_by": who,
        "updated_at": _iso(when),
        "annotations": versions,
    }
    return project
