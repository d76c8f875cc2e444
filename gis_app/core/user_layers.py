"""The user's own layers as the document keeps them, and as the rest of the atlas sees them. No Qt.

A user layer is a plain dict in `AtlasDocument.user_layers` (saved in the project as `user_layers`):

    {"id": "user_border_posts_1a2b", "title": "Border posts", "geometry": "point",
     "source": {"path": "data/posts.shp", "layer": "", "part": "", "encoding": "cp1251",
                "crs": "", "x": "", "y": "", "wkt": ""},        # or "data": a FeatureCollection
     "style": {...the TOML layers' style keys...}, "label_field": "", "popup_fields": [...],
     "time_field": "", "time_end_field": "", "count": 120, "crs": "EPSG:3857 (...)",
     "encoding": "cp1251", "repaired": 0, "skipped_null": 0}

The one adapter to the rest of the atlas: `materialize` turns an entry into a GeoJSON file in WGS 84
(in the cache, with a unique `id` per feature) and `layer_def` into a catalog `LayerDef` of the
"user" group, so the layer tree, the feature store, search, the info panel, the attribute table,
the time filter and the legend see a user layer exactly as they see a shipped one.
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import re
from pathlib import Path

from . import paths
from .catalog import USER_GROUP, LayerDef, PopupField

BIG = 5000        # more features than this: canvas renderer, simplified by zoom on the page
PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#9a6324")
SOURCE_KEYS = ("path", "layer", "part", "encoding", "crs", "x", "y", "wkt")


class MissingSourceError(FileNotFoundError):
    """The file a user layer was imported from is not where the project says (moved or deleted)."""

    def __init__(self, entry: dict, path: Path):
        super().__init__(f"{entry.get('title', entry.get('id'))}: {path} is missing")
        self.entry, self.path = entry, path


def new_id(title: str, taken: set[str]) -> str:
    slug = re.sub(r"[^a-z0-9]+", "_", title.lower()).strip("_")[:24] or "layer"
    for n in range(1, 10_000):
        digest = hashlib.sha1(f"{title}{n}{os.getpid()}".encode()).hexdigest()[:6]
        candidate = f"user_{slug}_{digest}"
        if candidate not in taken:
            return candidate
    raise RuntimeError("no free layer id")


def default_style(geometry: str, index: int, count: int = 0) -> dict:
    colour = PALETTE[index % len(PALETTE)]
    if count > BIG and geometry == "polygon":  # thousands of dark outlines would hide the fills
        return {"fill": colour, "stroke": colour, "weight": 0.5, "fill_opacity": 0.5}
    if count > BIG and geometry == "point":
        return {"fill": colour, "stroke": colour, "weight": 0, "radius": 3, "fill_opacity": 0.8}
    if geometry == "point":
        return {"fill": colour, "stroke": "#333333", "weight": 1, "radius": 5, "fill_opacity": 0.85}
    if geometry == "line":
        return {"stroke": colour, "weight": 2, "opacity": 0.9}
    return {"fill": colour, "stroke": "#333333", "weight": 1, "fill_opacity": 0.45}


def prepare(frame) -> object:
    """A frame ready to be written for the atlas: a unique text `id` per feature (the source's own
    id kept as `id_source` when it is not unique), column names as text."""
    import pandas as pd
    frame = frame.copy()
    frame.columns = [c if c == "geometry" else str(c) for c in frame.columns]
    for column in frame.columns:  # dates as ISO text (the time filter reads their first 4 digits)
        if column != "geometry" and pd.api.types.is_datetime64_any_dtype(frame[column]):
            text = frame[column].dt.strftime("%Y-%m-%dT%H:%M:%S").str.replace("T00:00:00", "", regex=False)
            frame[column] = text.where(frame[column].notna(), None)
    ids = frame["id"] if "id" in frame.columns else None
    if ids is None or ids.isna().any() or not ids.astype(str).is_unique:
        if ids is not None:
            frame = frame.rename(columns={"id": "id_source"})
        frame.insert(0, "id", [str(i + 1) for i in range(len(frame))])
    else:
        frame["id"] = ids.astype(str)
    return frame


def entry_for(imported, source: dict | None, index: int, taken: set[str]) -> dict:
    """A new document entry for one `importers.Imported` layer (source: SOURCE_KEYS, or None to
    embed the data)."""
    frame = prepare(imported.frame)
    fields = [c for c in frame.columns if c not in ("geometry", "id")]
    label = next((c for c in fields if c.lower() in ("name", "title", "label", "название", "атауы")), "")
    entry = {"id": new_id(imported.name, taken), "title": imported.name, "geometry": imported.geometry,
             "style": default_style(imported.geometry, index, imported.count), "label_field": "",
             "name_field": label, "popup_fields": fields[:12], "time_field": "", "time_end_field": "",
             "count": imported.count, "crs": imported.crs, "encoding": imported.encoding,
             "repaired": imported.repaired, "skipped_null": imported.skipped_null}
    if source is None:
        entry["data"] = json.loads(frame.to_json(drop_id=True))
    else:
        entry["source"] = {k: str(source.get(k) or "") for k in SOURCE_KEYS}
    return entry


# --- from an entry to a GeoJSON file the page and the feature store read ------------------------------
def source_path(entry: dict, base: Path | None) -> Path | None:
    src = entry.get("source") or {}
    raw = src.get("path")
    if not raw:
        return None
    path = Path(raw)
    return path if path.is_absolute() or base is None else (base / path)


def _cache_file(key: object) -> Path:
    digest = hashlib.sha256(json.dumps(key, sort_keys=True, default=str).encode()).hexdigest()[:20]
    return paths.cache_dir() / "user-layers" / f"{digest}.geojson"


def write_data(data: dict, target: Path) -> None:
    """A FeatureCollection kept in the project as the cache's GeoJSON file (one serialisation)."""
    paths.write_cache_file(target, json.dumps(data, ensure_ascii=False))


def write_geojson(frame, target: Path) -> None:
    """The frame as GeoJSON (6 decimals), written whole or not at all."""
    import pyogrio
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.stem}.{os.getpid()}.geojson")
    if tmp.exists():
        tmp.unlink()
    pyogrio.write_dataframe(prepare(frame), tmp, driver="GeoJSON",
                            layer_options={"COORDINATE_PRECISION": 6, "RFC7946": "YES", "WRITE_NAME": "NO"})
    tmp.replace(target)


def materialize(entry: dict, base: Path | None, key: str | None = None, rewrite: bool = False) -> Path:
    """The entry's data as a WGS 84 GeoJSON file in the cache (made if missing). Raises
    MissingSourceError, or importers.RefusedError when the file no longer reads.

    Data kept in the project: `key` names its file (the document gives each version of a layer's
    data its own key, so the data is not serialised just to be hashed); `rewrite` writes the file
    again under the same name (single features changed: the page keeps its layer). Without a key
    the file is named by a hash of the data."""
    if entry.get("data") is not None:
        target = _cache_file(["embedded-key", key] if key else ["embedded", entry["data"]])
        if rewrite or not target.exists():
            write_data(entry["data"], target)
        return target
    path = source_path(entry, base)
    if path is None:
        raise MissingSourceError(entry, Path("?"))
    try:
        info = path.stat()
    except OSError as exc:
        raise MissingSourceError(entry, path) from exc
    src = entry["source"]
    target = _cache_file([str(path.resolve()), info.st_size, info.st_mtime_ns,
                          {k: src.get(k, "") for k in SOURCE_KEYS if k != "path"}])
    if not target.exists():
        write_geojson(reimport(entry, path).frame, target)
    return target


def reimport(entry: dict, path: Path):
    """Read the entry's layer again from its file, with the answers given at import."""
    from . import importers
    src = entry.get("source") or {}
    options = importers.Options(layers=[src["layer"]] if src.get("layer") else None,
                                encoding=src.get("encoding") or None, crs=src.get("crs") or None,
                                x=src.get("x") or None, y=src.get("y") or None, wkt=src.get("wkt") or None)
    layers = importers.read(path, options)
    part = src.get("part", "")
    for layer in layers:
        if layer.geometry_filter == part or not part:
            return layer
    raise importers.RefusedError(f"{path.name}: the layer '{entry.get('title')}' is no longer in the file")


def layer_def(entry: dict, data: Path) -> LayerDef:
    """The catalog's view of a user layer."""
    fields = [f for f in entry.get("popup_fields", []) if isinstance(f, str)]
    return LayerDef(
        id=entry["id"], group=USER_GROUP, order=0, visible=True,
        geometry=entry.get("geometry") if entry.get("geometry") in ("point", "line", "polygon") else "mixed",
        data=data, as_of="", accuracy=str(entry.get("accuracy") or ""), citations=(), attribution=(),
        title={"en": str(entry.get("title") or entry["id"])}, description={},
        style=copy.deepcopy(entry.get("style") or {}),
        popup=tuple(PopupField(f, {"en": f}, "verbatim") for f in fields),
        label_field=str(entry.get("label_field") or ""),
        name_field=str(entry.get("name_field") or entry.get("label_field") or ""),
        time_field=str(entry.get("time_field") or ""), time_end_field=str(entry.get("time_end_field") or ""))


def patch_features(features: list[dict], put: list[dict], remove) -> tuple[list[tuple[str, str]], set[str]]:
    """Put features (each with its `properties.id`) in place of those with their id, or at the end,
    and take out the ids in `remove`; in place. Returns the operations done (("put" | "remove",
    feature id); a feature equal to the one there is no operation) and the ids removed."""
    where = {str((f.get("properties") or {}).get("id")): i for i, f in enumerate(features)}
    gone = {str(i) for i in remove if str(i) in where}
    ops: list[tuple[str, str]] = []
    for feature in put:
        fid = str(feature["properties"]["id"])
        if fid in gone:
            continue
        if fid not in where:
            where[fid] = len(features)
            features.append(feature)
        elif features[where[fid]] != feature:
            features[where[fid]] = feature
        else:
            continue
        ops.append(("put", fid))
    if gone:
        features[:] = [f for f in features if str((f.get("properties") or {}).get("id")) not in gone]
        ops += [("remove", fid) for fid in sorted(gone)]
    return ops, gone


# --- saving: paths relative to the project -------------------------------------------------------------
def for_saving(entries: list[dict], folder: Path | None) -> list[dict]:
    """The entries as a project at `folder` saves them: source paths relative to it when possible."""
    out = copy.deepcopy(entries)
    if folder is None:
        return out
    for entry in out:
        src = entry.get("source")
        if src and src.get("path") and Path(src["path"]).is_absolute():
            try:
                src["path"] = Path(os.path.relpath(src["path"], folder)).as_posix()
            except ValueError:  # another drive (Windows)
                pass
    return out


def resolved(entries: list[dict], folder: Path | None) -> list[dict]:
    """The entries as read from a project at `folder`: source paths made absolute."""
    out = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("id"), str):
            continue
        entry = copy.deepcopy(entry)
        src = entry.get("source")
        if isinstance(src, dict) and src.get("path") and folder is not None \
                and not Path(src["path"]).is_absolute():
            src["path"] = str((folder / src["path"]).absolute())
        out.append(entry)
    return out

