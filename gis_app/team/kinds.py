"""The kinds of row a client edits, and how each maps its data to a table's columns.

feature     row_id "<layer_id>/<feature id>"; data a GeoJSON Feature (geometry in EPSG:4326)
layer       row_id the layer id; data the layer's entry (as core/user_layers.py, no data/source)
source      row_id the CSL id; data a CSL-JSON item
indicator   row_id the indicator id; data {"id", "label": {...}, "unit"}
claim       row_id the claim_id; data the claim dict (evidence contract)
cite        row_id "<layer_id>" or "<layer_id>/<feature_id>"; data a list of source ids
annotation  row_id "<project_id>/<annotation id>" (or the annotation id alone); data the
            annotation's GeoJSON Feature (core/annotations.py)
project     row_id the project's id; data the project dict without its annotations
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from .errors import TeamError

VERSION_KEY = "_team_version"  # per-feature version in an opened layer's properties (reserved)
RESERVED = (VERSION_KEY,)


def feature_row_id(layer_id: str, feature: dict) -> str:
    """The row id of a feature of an opened layer: "<layer_id>/<its properties' id>"."""
    return f"{layer_id}/{(feature.get('properties') or {}).get('id', feature.get('id'))}"


@dataclass(frozen=True)
class Kind:
    name: str
    table: str
    columns: tuple[str, ...]  # data columns written on update (besides id)
    insert_columns: tuple[str, ...]  # written on insert (columns + the ones fixed at creation)


KINDS = {
    "feature": Kind("feature", "features", ("geom", "properties"), ("layer_id", "fid", "geom", "properties")),
    "layer": Kind("layer", "layers", ("title", "geometry", "entry"), ("title", "geometry", "entry")),
    "source": Kind("source", "sources", ("csl",), ("csl",)),
    "indicator": Kind("indicator", "indicators", ("data",), ("data",)),
    "claim": Kind("claim", "claims", ("subject", "data"), ("subject", "data")),
    "cite": Kind("cite", "cites", ("sources",), ("sources",)),
    "annotation": Kind(
        "annotation", "annotations", ("geom", "data"), ("project_id", "position", "geom", "data")
    ),
    "project": Kind("project", "projects", ("data",), ("name", "data")),
}


def kind_of(name: str) -> Kind:
    try:
        return KINDS[name]
    except KeyError:
        raise TeamError(f"Unknown kind of row: {name!r} (one of {', '.join(KINDS)})") from None


def _geometry_json(geometry: Any) -> str | None:
    if geometry is None:
        return None
    if not isinstance(geometry, dict) or "type" not in geometry:
        raise TeamError("A geometry must be a GeoJSON geometry object (with a type and coordinates)")
    return json.dumps(geometry)


def _clean_properties(props: Any) -> dict:
    if props is None:
        return {}
    if not isinstance(props, dict):
        raise TeamError("A feature's properties must be an object")
    return {k: v for k, v in props.items() if k not in RESERVED}


def values(kind: Kind, row_id: str, data: Any) -> dict[str, Any]:
    """Column values (plain Python; the caller adapts geometry and JSON) for the data of a row."""
    if not isinstance(row_id, str) or not row_id:
        raise TeamError(f"A {kind.name} needs a non-empty text id")
    name = kind.name
    if name == "feature":
        if not isinstance(data, dict):
            raise TeamError("A feature must be a GeoJSON Feature")
        layer_id, sep, fid = row_id.partition("/")
        if not sep or not fid:
            raise TeamError(f"A feature's id is '<layer id>/<feature id>', not {row_id!r}")
        return {
            "layer_id": layer_id,
            "fid": fid,
            "geom": _geometry_json(data.get("geometry")),
            "properties": _clean_properties(data.get("properties")),
        }
    if name == "layer":
        entry = {k: v for k, v in dict(data).items() if k not in ("data", "source", "team")}
        return {
            "title": str(entry.get("title") or row_id),
            "geometry": str(entry.get("geometry") or "mixed"),
            "entry": entry,
        }
    if name == "source":
        return {"csl": {**dict(data), "id": row_id}}
    if name == "indicator":
        return {"data": {**dict(data), "id": row_id}}
    if name == "claim":
        return {"subject": str(dict(data).get("subject") or ""), "data": {**dict(data), "claim_id": row_id}}
    if name == "cite":
        if not isinstance(data, list | tuple) or not all(isinstance(s, str) for s in data):
            raise TeamError("A citation list must be a list of source ids")
        return {"sources": list(data)}
    if name == "annotation":
        if not isinstance(data, dict):
            raise TeamError("An annotation must be a GeoJSON Feature")
        project_id, sep, _ann = row_id.partition("/")
        return {
            "project_id": project_id if sep else None,
            "position": int(data.get("_position", 0) or 0),
            "geom": _geometry_json(data.get("geometry")),
            "data": {k: v for k, v in data.items() if k != "_position"},
        }
    if name == "project":
        project = {k: v for k, v in dict(data).items() if k not in ("annotations", "team")}
        return {"name": str(project.get("title") or row_id), "data": project}
    raise TeamError(f"Unknown kind of row: {name!r}")


def select_columns(kind: Kind) -> tuple[str, ...]:
    """The columns that read back a row's data (geometry as GeoJSON text)."""
    return {
        "feature": ("geom", "properties"),
        "layer": ("entry",),
        "source": ("csl",),
        "indicator": ("data",),
        "claim": ("data",),
        "cite": ("sources",),
        "annotation": ("data",),
        "project": ("data",),
    }[kind.name]


def data_of(kind: Kind, row: tuple) -> Any:
    """The data of a row from select_columns' values."""
    if kind.name == "feature":
        geom, props = row
        return {"type": "Feature", "geometry": json.loads(geom) if geom else None, "properties": props or {}}
    return row[0]
