"""Features the analyst draws on the map, and the sources cited for features and layers. No Qt.

A digitised feature lives in its user layer's embedded "data" FeatureCollection (core/user_layers.py),
so it is seen exactly as an imported one (Info, table, style, search, export, slides, time filter).
Its sources, like those of any feature or of a whole user layer, are in the project's evidence:

    user_evidence["cites"] = {"<layer_id>": [source ids], "<layer_id>/<feature_id>": [source ids]}

The document (core/document.py) owns every change; this module only checks and builds the values.
"""

from __future__ import annotations

import copy
import math
import re

from . import user_layers as ul
from .refusal import RefusalError

GEOMETRIES = ("point", "line", "polygon")
TYPES = {"point": "Point", "line": "LineString", "polygon": "Polygon"}
DATE_FIELD = "date"
DATE = re.compile(r"^-?\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


class DigitiseError(RefusalError):
    """A drawn shape or a form value that cannot be kept; str() says why in English, `.code` and
    `.args_` let the window say it in its language (ui/refusal_text.py)."""


# --- layers and features --------------------------------------------------------------------------
def new_layer(title: str, geometry: str, fields: list[str], index: int, taken: set[str],
              dated: bool = False, accuracy: str = "") -> dict:
    """A new empty user layer of `geometry`, its data kept in the project; `accuracy` says how its
    geometry was made (the Layers panel shows it)."""
    title = title.strip()
    if not title:
        raise DigitiseError("a new layer needs a title", "layer-no-title")
    if geometry not in GEOMETRIES:
        raise DigitiseError(f"a layer holds points, lines or polygons, not {geometry!r}", "layer-geometry")
    fields = check_fields(fields)
    if dated and DATE_FIELD not in fields:
        fields.append(DATE_FIELD)
    name = next((f for f in fields if f.lower() in ("name", "title", "название", "атауы")), "")
    return {"id": ul.new_id(title, taken), "title": title, "geometry": geometry,
            "style": ul.default_style(geometry, index), "label_field": "", "name_field": name,
            "popup_fields": fields, "time_field": DATE_FIELD if dated else "", "time_end_field": "",
            "count": 0, "crs": "EPSG:4326", "encoding": "utf-8", "repaired": 0, "skipped_null": 0,
            "digitised": True, "accuracy": accuracy, "data": {"type": "FeatureCollection", "features": []}}


def check_fields(fields: list[str]) -> list[str]:
    out: list[str] = []
    for raw in fields:
        name = str(raw).strip()
        if not name:
            continue
        if name == "id":
            raise DigitiseError("'id' is the atlas's own field: choose another name", "field-id")
        if len(name) > 64:
            raise DigitiseError(f"the field name {name[:20]!r}… is longer than 64 characters", "field-long",
                                name=name[:20])
        if name not in out:
            out.append(name)
    return out


def fields_of(entry: dict) -> list[str]:
    """The layer's attribute fields: those it shows, then any other its features carry."""
    out = [f for f in entry.get("popup_fields") or [] if isinstance(f, str) and f != "id"]
    for feature in (entry.get("data") or {}).get("features") or []:
        for key in (feature.get("properties") or {}):
            if key not in out and key not in ("id", "geometry"):
                out.append(key)
    return out


def features_of(entry: dict) -> list[dict]:
    return (entry.get("data") or {}).get("features") or []


def feature_index(entry: dict, feature_id: str) -> int:
    for i, feature in enumerate(features_of(entry)):
        if str((feature.get("properties") or {}).get("id")) == str(feature_id):
            return i
    raise KeyError(f"{entry.get('id')}/{feature_id}")


def next_feature_id(ids) -> str:
    """One more than the largest numeric id among `ids` (a layer's feature ids, or its entry)."""
    if isinstance(ids, dict):
        ids = [(f.get("properties") or {}).get("id") for f in features_of(ids)]
    ids = {str(i) for i in ids}
    n = max((int(i) for i in ids if i.isdigit()), default=0) + 1
    while str(n) in ids:
        n += 1
    return str(n)


def _position(p) -> list[float]:
    if not isinstance(p, (list, tuple)) or len(p) < 2:
        raise DigitiseError("a position is not a longitude and a latitude", "position")
    lon, lat = float(p[0]), float(p[1])
    if not (math.isfinite(lon) and math.isfinite(lat) and -180 <= lon <= 180 and -90 <= lat <= 90):
        raise DigitiseError(f"({lon}, {lat}) is not a place on the Earth", "off-earth", lon=lon, lat=lat)
    return [round(lon, 6), round(lat, 6)]


def check_geometry(geometry: str, raw: object) -> dict:
    """The drawn shape as GeoJSON of the layer's kind (rounded to 6 decimals), or DigitiseError."""
    if not isinstance(raw, dict) or raw.get("type") != TYPES.get(geometry):
        got = raw.get("type") if isinstance(raw, dict) else type(raw).__name__
        raise DigitiseError(f"the layer holds {geometry}s; the shape drawn is a {got}", "wrong-shape",
                            geometry=geometry, got=str(got))
    try:
        coords = raw["coordinates"]
        if geometry == "point":
            return {"type": "Point", "coordinates": _position(coords)}
        if geometry == "line":
            line = [_position(p) for p in coords]
            if len({tuple(p) for p in line}) < 2:
                raise DigitiseError("a line needs at least two different points", "line-points")
            return {"type": "LineString", "coordinates": line}
        ring = [_position(p) for p in coords[0]]
    except (KeyError, IndexError, TypeError, ValueError) as exc:
        if isinstance(exc, DigitiseError):
            raise
        raise DigitiseError(f"the shape cannot be read ({exc})", "unreadable", detail=str(exc)) from exc
    if ring and ring[0] != ring[-1]:
        ring.append(ring[0])
    if len({tuple(p) for p in ring}) < 3:
        raise DigitiseError("a polygon needs at least three different corners", "polygon-corners")
    return {"type": "Polygon", "coordinates": [ring]}


def make_feature(feature_id: str, geometry: dict, properties: dict) -> dict:
    props = {"id": str(feature_id)}
    for key, value in properties.items():
        if key != "id":
            props[str(key)] = value if value is None or isinstance(value, (int, float, bool)) else str(value)
    return {"type": "Feature", "properties": props, "geometry": copy.deepcopy(geometry)}


def typed(values: dict[str, str], features: list[dict]) -> dict:
    """The form's texts with the layer's number fields as numbers: a field that holds only numbers
    in the layer's other features (a rank, a count) stays a number, so its graduated style, its
    sorting and its charts keep working; a text that is not a number stays text."""
    numeric: dict[str, bool] = {}
    for feature in features:
        for key, value in (feature.get("properties") or {}).items():
            if value is None or value == "":
                continue
            is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
            numeric[key] = numeric.get(key, True) and is_number
    out: dict = {}
    for key, text in values.items():
        out[key] = text
        if numeric.get(key):
            try:
                number = float(text.replace(",", ".").replace("\u00a0", "").replace(" ", ""))
            except ValueError:
                continue
            if math.isfinite(number):
                out[key] = int(number) if number.is_integer() and "." not in text and "," not in text \
                    else number
    return out


def date_problem(entry: dict, properties: dict) -> str:
    """Why the layer's date field does not hold a date the time filter reads ("" when it does)."""
    from .timefilter import year_of
    field = entry.get("time_field") or ""
    value = str(properties.get(field) or "").strip() if field else ""
    if value and (year_of(value) is None or not DATE.match(value)):
        return f"'{value}' in '{field}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"
    return ""


# --- sources --------------------------------------------------------------------------------------
def user_sources(evidence: dict) -> dict[str, dict]:
    return {str(s["id"]): s for s in evidence.get("sources") or []
            if isinstance(s, dict) and isinstance(s.get("id"), str)}


def cites_of(evidence: dict, target: str) -> list[str]:
    raw = (evidence.get("cites") or {}).get(target) or []
    return [str(i) for i in raw if isinstance(i, str)]


def feature_cites(evidence: dict, layer_id: str, feature_id: str) -> list[str]:
    """The sources cited for a feature, then those cited for its whole layer."""
    return list(dict.fromkeys(cites_of(evidence, f"{layer_id}/{feature_id}") + cites_of(evidence, layer_id)))


def check_cite_ids(ids: list[str], known: dict[str, dict]) -> list[str]:
    ids = list(dict.fromkeys(str(i) for i in ids))
    unknown = [i for i in ids if i not in known]
    if unknown:
        raise DigitiseError(f"unknown source(s): {', '.join(unknown)}", "unknown-sources", count=len(unknown))
    return ids
