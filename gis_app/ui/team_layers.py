"""Between the team workspace (gis_app/team) and the document: a workspace layer as a user layer,
a project as it is published, a conflict's two versions field by field. No Qt.

A workspace layer is an ordinary user layer (core/user_layers.py) whose data is kept in the project
(the local cache: it opens and draws with no server) and which carries its link to the server:

    entry["workspace"] = {"layer_id": <the server's id>, "host": ..., "port": ..., "dbname": ...,
                          "user": ..., "service": ...,          # never a password
                          "versions": {feature id: version}}   # what this copy was read at

A feature's row on the server is "<layer_id>/<feature id>" (gis_app/team/kinds.py).

So style, table, Info, export and slides see it as any layer; an edit goes to the server with the
version it was read at (`Workspace.update`), and a colleague's change replaces the data.
"""

from __future__ import annotations

import copy
import json
from dataclasses import asdict, is_dataclass
from pathlib import Path

from gis_app.core import user_layers as ul
from gis_app.core.features import read_feature_collection

LINK_FIELDS = ("host", "port", "dbname", "user", "service")
# The entry's keys that describe the layer itself (what a colleague gets when it is published).
PUBLISHED_KEYS = ("title", "geometry", "style", "label_field", "name_field", "popup_fields", "time_field",
                  "time_end_field", "crs", "encoding")


def version_key() -> str:
    """The per-feature version the server adds to an opened layer's properties."""
    from gis_app.team.kinds import VERSION_KEY
    return VERSION_KEY


def row_id(link: dict, feature_id: str) -> str:
    """A workspace feature's row on the server."""
    return f"{link['layer_id']}/{feature_id}"


def link_of(info) -> dict:
    """The connection's fields as a layer's link keeps them (ConnInfo has no password)."""
    raw = asdict(info) if is_dataclass(info) else dict(info)
    return {k: raw.get(k, "") for k in LINK_FIELDS}


def same_server(link: dict, info) -> bool:
    here = link_of(info)
    return all(str(link.get(k, "")) == str(here[k]) for k in ("host", "port", "dbname", "service"))


def split_versions(collection: dict, vkey: str | None = None) -> tuple[dict, dict[str, object]]:
    """The features without the server's bookkeeping, plus {feature id: version}. A feature
    without an "id" property gets its position."""
    vkey = vkey or version_key()
    features, versions = [], {}
    for index, feature in enumerate(collection.get("features") or []):
        if not isinstance(feature, dict):
            continue
        props = dict(feature.get("properties") or {})
        version = props.pop(vkey, None)
        fid = props.get("id")
        if fid is None or fid == "":
            fid = feature.get("id", index + 1)
            props = {"id": str(fid), **props}
        fid = str(fid)
        props["id"] = fid
        versions[fid] = version
        features.append({"type": "Feature", "properties": props, "geometry": feature.get("geometry")})
    return {"type": "FeatureCollection", "features": features}, versions


def document_entry(server_entry: dict, collection: dict, server_layer_id, info, local_id: str,
                   keep: dict | None = None) -> dict:
    """A user-layer entry for a layer opened from the workspace (`keep`: an existing entry whose
    local style and fields stay, e.g. the layer just published from this window)."""
    data, versions = split_versions(collection)
    base = keep or server_entry
    geometry = base.get("geometry") or server_entry.get("geometry") or "mixed"
    count = len(data["features"])
    entry = {"id": local_id, "title": str(base.get("title") or server_entry.get("title") or local_id),
             "geometry": geometry,
             "style": copy.deepcopy(base.get("style") or ul.default_style(geometry, 0, count)),
             "label_field": base.get("label_field", ""), "name_field": base.get("name_field", ""),
             "popup_fields": list(base.get("popup_fields") or _fields(data)[:12]),
             "time_field": base.get("time_field", ""), "time_end_field": base.get("time_end_field", ""),
             "count": count, "crs": "EPSG:4326", "encoding": "utf-8", "repaired": 0, "skipped_null": 0,
             "data": data,
             "workspace": {"layer_id": server_layer_id, **link_of(info), "versions": versions}}
    return entry


def _fields(collection: dict) -> list[str]:
    seen: dict[str, None] = {}
    for feature in collection.get("features", [])[:200]:
        for key in feature.get("properties") or {}:
            if key != "id":
                seen.setdefault(key, None)
    return list(seen)


def for_publishing(entry: dict) -> dict:
    """What a colleague gets of a local layer's entry: its description and style, no local path."""
    return {k: copy.deepcopy(entry[k]) for k in PUBLISHED_KEYS if k in entry}


def layer_features(document, layer_id: str) -> dict:
    """The layer's features in WGS 84 as the document draws them (a FeatureCollection)."""
    path = document.catalog.layer(layer_id).data
    return {"type": "FeatureCollection", "features": read_feature_collection(Path(path))}


def published_project(document) -> dict:
    """The project as a colleague can open it anywhere: every user layer's data inside it (a local
    file's path means nothing on another computer), as bundles do."""
    project = document.to_project().to_dict()
    layers = []
    for entry in project.get("user_layers", []):
        entry = copy.deepcopy(entry)
        if entry.get("data") is None:
            entry["data"] = layer_features(document, entry["id"])
            entry.pop("source", None)
        layers.append(entry)
    if layers:
        project["user_layers"] = layers
    return project


def find_feature(entry: dict, feature_id: str) -> dict | None:
    for feature in (entry.get("data") or {}).get("features", []):
        if str((feature.get("properties") or {}).get("id")) == str(feature_id):
            return feature
    return None


def with_feature(entry: dict, feature: dict) -> dict:
    """The entry's data with `feature` put in place of the one with its id (or added)."""
    fid = str(feature["properties"]["id"])
    features = list((entry.get("data") or {}).get("features", []))
    for index, old in enumerate(features):
        if str((old.get("properties") or {}).get("id")) == fid:
            features[index] = feature
            break
    else:
        features.append(feature)
    return {"type": "FeatureCollection", "features": features}


def when_text(iso: object) -> str:
    """A server time (ISO 8601, UTC) as the dialogs show it: "2026-11-30 12:31 UTC"."""
    text = str(iso or "")
    if len(text) < 16 or text[10] not in "T ":
        return text
    utc = text.endswith(("+00:00", "Z")) or len(text) == 16
    return text[:10] + " " + text[11:16] + (" UTC" if utc else "")


# --- a conflict's two versions -----------------------------------------------------------------------
def flatten(data) -> dict[str, object]:
    """A row's data as named fields: a feature's properties one by one (and its geometry as one
    field), any other record's keys as they are."""
    if data is None:  # a deleted row has no fields
        return {}
    if not isinstance(data, dict):
        return {"value": data}
    if isinstance(data.get("properties"), dict):
        out = {k: v for k, v in data["properties"].items()}
        if "geometry" in data:
            out["geometry"] = data["geometry"]
        return out
    return dict(data)


def unflatten(template, fields: dict[str, object]):
    """`fields` back in the shape of `template` (a feature stays a feature)."""
    if isinstance(template, dict) and isinstance(template.get("properties"), dict):
        fields = dict(fields)
        geometry = fields.pop("geometry", template.get("geometry"))
        return {**template, "properties": fields, "geometry": geometry}
    if not isinstance(template, dict) and set(fields) == {"value"}:
        return fields["value"]
    return dict(fields)


def field_rows(mine, theirs) -> list[tuple[str, object, object, bool]]:
    """(field, my value, their value, differs) for every field of either version, differing first
    kept in the fields' own order."""
    a, b = flatten(mine), flatten(theirs)
    names = list(dict.fromkeys([*a, *b]))
    return [(n, a.get(n), b.get(n), a.get(n) != b.get(n)) for n in names]


def as_text(value) -> str:
    """A value as the dialog shows it: text as it is, anything else as JSON."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False)


def from_text(text: str, like):
    """Text typed in the merge column read back in the type of `like` (a number stays a number)."""
    if isinstance(like, str) or like is None:
        return text if text != "" or like is not None else None
    try:
        return json.loads(text)
    except ValueError:
        return text
