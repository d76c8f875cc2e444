"""Project bundles (`.atlas.zip`) and layer exports. No Qt.

A bundle carries everything a project needs on another machine: `project.atlas.json` (the
annotations, slides and styles are in it) and each user layer as a GeoPackage in `layers/`, named
by the project with a path relative to it. Opening one unpacks it (through the archive limits)
into a folder of its own under the user's state folder and shows it as an untitled project.
"""

from __future__ import annotations

import copy
import hashlib
import tempfile
import zipfile
from pathlib import Path

from . import archives, atomic, paths
from . import project as proj
from . import user_layers as ul

SUFFIX = ".atlas.zip"
PROJECT_NAME = "project.atlas.json"
EXPORT_DRIVERS = {".geojson": "GeoJSON", ".json": "GeoJSON", ".gpkg": "GPKG", ".shp": "ESRI Shapefile"}


class BundleError(ValueError):
    pass


def _frame(document, layer_id: str, feature_ids: list[str] | None = None):
    """A user layer's (or any catalog layer's) features as a GeoDataFrame in WGS 84."""
    import geopandas as gpd

    from .features import read_feature_collection
    features = read_feature_collection(document.catalog.layer(layer_id).data)
    if feature_ids is not None:
        wanted = {str(i) for i in feature_ids}
        features = [f for f in features if str((f.get("properties") or {}).get("id")) in wanted]
    if not features:
        raise BundleError(f"{layer_id}: no features to write")
    return gpd.GeoDataFrame.from_features(features, crs="EPSG:4326")


def export_layer(document, layer_id: str, target: Path, feature_ids: list[str] | None = None) -> int:
    """Write a layer (or only `feature_ids`, a table's selection) as GeoJSON, GeoPackage or
    Shapefile (with a .cpg: UTF-8), atomically; returns the number of features written."""
    import pyogrio
    target = Path(target)
    driver = EXPORT_DRIVERS.get(target.suffix.lower())
    if driver is None:
        raise BundleError(f"{target.name}: write .geojson, .gpkg or .shp")
    frame = _frame(document, layer_id, feature_ids)
    if driver == "ESRI Shapefile":  # a file set: written in a scratch folder, then moved in
        frame.columns = [c[:10] if c != "geometry" else c for c in frame.columns]
        with tempfile.TemporaryDirectory() as scratch:
            tmp = Path(scratch) / target.name
            pyogrio.write_dataframe(frame, tmp, driver=driver, encoding="UTF-8")
            for part in Path(scratch).iterdir():
                atomic.write_bytes(target.with_suffix(part.suffix), part.read_bytes())
        return len(frame)
    with atomic.replacing(target, check_format=False) as tmp:
        tmp.unlink()
        pyogrio.write_dataframe(frame, tmp, driver=driver, layer=target.stem if driver == "GPKG" else None)
    return len(frame)


def save_bundle(document, target: Path) -> None:
    """Write `document` as one `.atlas.zip` (atomic)."""
    project = document.to_project()
    entries = []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        (folder / "layers").mkdir()
        for entry in project.user_layers:
            entry = copy.deepcopy(entry)
            empty = entry.get("data") is not None and not entry["data"].get("features")
            if document.catalog.is_user(entry["id"]) and not empty:  # an empty drawn layer: kept inline
                gpkg = folder / "layers" / f"{entry['id']}.gpkg"
                import pyogrio
                pyogrio.write_dataframe(_frame(document, entry["id"]), gpkg, driver="GPKG", layer=entry["id"])
                entry.pop("data", None)
                entry["source"] = {k: "" for k in ul.SOURCE_KEYS}
                entry["source"].update(path=f"layers/{gpkg.name}", layer=entry["id"])
                entry["encoding"] = "utf-8"
            entries.append(entry)  # a layer that could not be read keeps what it had
        project.user_layers = entries
        proj.save(project, folder / PROJECT_NAME)
        with atomic.replacing(target, check_format=False) as tmp, \
                zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            for part in sorted(folder.rglob("*")):
                if part.is_file():
                    z.write(part, part.relative_to(folder).as_posix())


def open_bundle(path: Path) -> tuple[proj.Project, Path]:
    """The bundle's project (user layers pointing at its unpacked files) and where it was unpacked."""
    from .importers import RefusedError, check_file
    path = Path(path)
    try:
        check_file(path)
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:16]
    except (RefusedError, OSError) as exc:
        raise BundleError(str(exc)) from exc
    home = paths.state_dir() / "bundles" / digest
    if not (home / PROJECT_NAME).is_file():
        try:
            with archives.unpack(path) as folder:
                if not (folder / PROJECT_NAME).is_file():
                    raise BundleError(f"{path.name}: not an atlas bundle (no {PROJECT_NAME} inside)")
                tmp = home.with_name(home.name + ".part")
                import shutil
                shutil.rmtree(tmp, ignore_errors=True)
                shutil.copytree(folder, tmp)
                shutil.rmtree(home, ignore_errors=True)
                tmp.replace(home)
        except RefusedError as exc:
            raise BundleError(str(exc)) from exc
    try:
        project = proj.load(home / PROJECT_NAME)
    except proj.ProjectError as exc:
        raise BundleError(f"{path.name}: {exc}") from exc
    project.user_layers = ul.resolved(project.user_layers, home)
    return project, home


def check_suffix(path: Path) -> Path:
    return path if path.name.endswith(SUFFIX) else path.with_name(path.name + SUFFIX)


__all__ = ["BundleError", "export_layer", "open_bundle", "save_bundle", "check_suffix"]
