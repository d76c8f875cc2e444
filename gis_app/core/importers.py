"""Reading a user's own geodata (GeoJSON, Shapefile, GeoPackage, KML/KMZ, GPX, FlatGeobuf, CSV,
XLSX) with geopandas on the pyogrio engine (GDAL) and pyproj. No Qt.

geopandas, pandas and pyogrio are imported inside the functions: nothing of them is loaded when the
atlas starts. Every file passes the file gate's checks (regular file, size limit) before GDAL opens
it; archives are unpacked by `archives.unpack` (zip bombs refused). What needs the user's answer
(which layers, which encoding, which coordinate system, which columns) is raised as a `Question`
subclass the interface or the command line answers and passes back in `Options`.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from . import archives, encodings, safe_io
from .crs import CrsQuestion, to_wgs84
from .questions import Question

MAX_FILE = 512 * safe_io.MB        # a larger file is refused before GDAL opens it
MAX_FEATURES = 1_000_000

VECTOR = {".geojson": "GeoJSON", ".json": "GeoJSON", ".shp": "Shapefile", ".gpkg": "GeoPackage",
          ".kml": "KML", ".kmz": "KMZ", ".gpx": "GPX", ".fgb": "FlatGeobuf"}
TABLES = {".csv": "CSV", ".tsv": "CSV", ".txt": "CSV", ".xlsx": "XLSX"}
FORMATS = {**VECTOR, ".zip": "Zip", **TABLES}
GPX_LAYERS = ("tracks", "routes", "waypoints")
LON_NAMES = ("lon", "lng", "long", "longitude", "x", "долгота", "бойлық", "xcoord", "easting")
LAT_NAMES = ("lat", "latitude", "y", "широта", "ендік", "ycoord", "northing")
WKT_NAMES = ("wkt", "geometry", "geom", "the_geom", "shape")


class RefusedError(ValueError):
    """A file that cannot be imported; the message says why in words a user can act on."""


class LayerQuestion(Question):
    def __init__(self, layers: list[str]):
        super().__init__(f"the file holds {len(layers)} layers: {', '.join(layers[:20])}")
        self.layers = layers


class ColumnQuestion(Question):
    """A table: which columns hold the coordinates (a guess, to confirm)."""

    def __init__(self, columns: list[str], guess_x: str, guess_y: str, guess_wkt: str):
        super().__init__("which columns hold longitude and latitude (or WKT)?")
        self.columns, self.guess_x, self.guess_y, self.guess_wkt = columns, guess_x, guess_y, guess_wkt


EncodingQuestion = encodings.EncodingQuestion


@dataclass
class Options:
    layers: list[str] | None = None      # None: ask when the file holds more than one
    encoding: str | None = None          # a shapefile's text encoding (None: .cpg, else ask)
    crs: str | None = None               # e.g. "EPSG:32642" when the file has none
    x: str | None = None                 # table columns
    y: str | None = None
    wkt: str | None = None
    confirm_columns: bool = False        # ask even when the columns were guessed


@dataclass
class Imported:
    """One layer read and converted to WGS 84 (a GeoDataFrame) with what happened on the way."""

    name: str
    frame: object                        # geopandas.GeoDataFrame in EPSG:4326
    geometry: str                        # point | line | polygon | mixed
    crs: str                             # the source's coordinate system, as named
    encoding: str = ""
    repaired: int = 0
    skipped_null: int = 0
    notes: list[str] = field(default_factory=list)
    source_layer: str = ""               # the layer inside the file ("" for a one-layer file)
    geometry_filter: str = ""            # a KML folder split by type: "point" | "line" | "polygon"

    @property
    def count(self) -> int:
        return len(self.frame)

    def summary(self) -> str:
        parts = [f"layer: {self.name}", f"features: {self.count}", f"geometry: {self.geometry}",
                 f"CRS: {self.crs}"]
        if self.encoding:
            parts.append(f"encoding: {self.encoding}")
        parts.append(f"repaired: {self.repaired}, null geometries skipped: {self.skipped_null}")
        return "; ".join(parts + self.notes)


# --- the gate -------------------------------------------------------------------------------------
def check_file(path: Path, limit: int | None = None) -> None:
    """The file gate's checks before GDAL opens a file: a regular file, under the size limit."""
    limit = limit or MAX_FILE
    try:
        info = os.stat(path)
    except FileNotFoundError as exc:
        raise RefusedError(f"{path.name}: the file does not exist") from exc
    except OSError as exc:
        raise RefusedError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
    if not stat.S_ISREG(info.st_mode):
        raise RefusedError(f"{path.name}: not a regular file ({safe_io._kind_of_type(info.st_mode)})")
    if info.st_size > limit:
        raise RefusedError(f"{path.name}: {info.st_size // safe_io.MB} MiB, over the import limit of "
                            f"{limit // safe_io.MB} MiB")
    if info.st_size == 0:
        raise RefusedError(f"{path.name}: the file is empty")


def format_of(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise RefusedError(f"{path.name}: files of type '{suffix or path.name}' cannot be imported "
                            f"(GeoJSON, Shapefile, GeoPackage, KML/KMZ, GPX, FlatGeobuf, CSV, XLSX, zip)")
    return FORMATS[suffix]


def _gdal_error(path: Path, exc: Exception) -> RefusedError:
    text = str(exc).split("\n")[0][:300]
    return RefusedError(f"{path.name}: not a readable {FORMATS.get(path.suffix.lower(), '')} file "
                         f"or damaged ({text})")


# --- the entry point ------------------------------------------------------------------------------
def read(path: str | os.PathLike, options: Options | None = None) -> list[Imported]:
    """Every layer the user chose from `path`, in WGS 84. Raises RefusedError or a Question."""
    path, options = Path(path), options or Options()
    kind = format_of(path)
    check_file(path)
    if kind in ("Zip", "KMZ"):
        with archives.unpack(path) as folder:
            inner = archives.main_file(folder, kml=kind == "KMZ")
            if inner is None:
                raise RefusedError(f"{path.name}: the archive holds no file the atlas can import")
            return read(inner, options)
    if kind in ("CSV", "XLSX"):
        return [_read_table(path, kind, options)]
    return _read_vector(path, kind, options)


def list_layers(path: Path) -> list[tuple[str, str]]:
    import warnings

    import pyogrio
    try:
        with warnings.catch_warnings():  # GDAL's warnings about a damaged file: the refusal says it
            warnings.simplefilter("ignore", RuntimeWarning)
            return [(str(n), str(g)) for n, g in pyogrio.list_layers(path)]
    except Exception as exc:  # noqa: BLE001 (GDAL's errors have many types)
        raise _gdal_error(path, exc) from exc


def _read_vector(path: Path, kind: str, options: Options) -> list[Imported]:
    import pyogrio
    if kind == "Shapefile":
        for part in (".dbf", ".shx"):
            sibling = path.with_suffix(part)
            if not sibling.exists():
                sibling = path.with_suffix(part.upper())
            if not sibling.exists():
                raise RefusedError(f"{path.name}: the shapefile's {part} file is missing beside it")
            check_file(sibling)
    layers = list_layers(path)
    names = [n for n, _g in layers]
    if kind == "GPX":
        names = [n for n in GPX_LAYERS if n in names and _count(path, n) > 0]
    if not names:
        raise RefusedError(f"{path.name}: the file holds no layer")
    chosen = options.layers
    if chosen is None:
        if len(names) > 1 and kind not in ("KML", "GPX"):
            raise LayerQuestion(names)
        chosen = names
    missing = [n for n in chosen if n not in names]
    if missing:
        raise RefusedError(f"{path.name}: no layer named {', '.join(missing)} (it has {', '.join(names)})")
    out: list[Imported] = []
    for name in chosen:
        encoding = None
        if kind == "Shapefile":
            encoding = options.encoding or encodings.shapefile_encoding(path)
        try:
            frame = pyogrio.read_dataframe(path, layer=name if len(layers) > 1 else None,
                                           encoding=encoding, max_features=MAX_FEATURES + 1)
        except Exception as exc:  # noqa: BLE001
            raise _gdal_error(path, exc) from exc
        if len(frame) > MAX_FEATURES:
            raise RefusedError(f"{path.name}: more than {MAX_FEATURES:,} features, over the atlas's limit")
        title = path.stem if len(names) == 1 else (name if kind != "GPX" else f"{path.stem} — {name}")
        parts = _split_by_type(frame) if kind == "KML" else [("", frame)]
        for geometry, part in parts:
            label = f"{title} — {geometry}s" if geometry and len(parts) > 1 else title
            layer = _finish(part, label, path, options, encoding or "")
            layer.source_layer = name if len(layers) > 1 else ""
            layer.geometry_filter = geometry if len(parts) > 1 else ""
            out.append(layer)
    return out


def _count(path: Path, layer: str) -> int:
    import pyogrio
    try:
        return int(pyogrio.read_info(path, layer=layer, force_feature_count=True)["features"])
    except Exception:  # noqa: BLE001
        return 0


def _kind(geom_type: str) -> str:
    if geom_type.endswith("Point"):
        return "point"
    if geom_type.endswith("LineString"):
        return "line"
    if geom_type.endswith("Polygon"):
        return "polygon"
    return "mixed"


def _split_by_type(frame) -> list[tuple[str, object]]:
    """A KML folder mixing points, lines and areas becomes one layer per kind."""
    kinds = frame.geometry.geom_type.fillna("").map(_kind)
    present = [k for k in ("point", "line", "polygon", "mixed") if (kinds == k).any()]
    if len(present) <= 1:
        return [("", frame)]
    return [(k, frame[kinds == k].copy()) for k in present]


# --- tables ---------------------------------------------------------------------------------------
def _guess(columns: list[str], names: tuple[str, ...]) -> str:
    lowered = {c.strip().lower(): c for c in columns}
    for n in names:
        if n in lowered:
            return lowered[n]
    return ""


def _read_table(path: Path, kind: str, options: Options):
    import geopandas as gpd
    import pandas as pd
    try:
        if kind == "XLSX":
            table = pd.read_excel(path, engine="openpyxl")
        else:
            raw = safe_io.read_bytes(path, MAX_FILE)
            encoding = options.encoding or ("utf-8-sig" if _is_utf8(raw) else "cp1251")
            import io
            sep = "\t" if path.suffix.lower() == ".tsv" else None
            table = pd.read_csv(io.BytesIO(raw), sep=sep, engine="python", encoding=encoding)
    except safe_io.UnsafeFileError as exc:
        raise RefusedError(str(exc)) from exc
    except Exception as exc:  # noqa: BLE001 (pandas/openpyxl raise many kinds)
        raise RefusedError(f"{path.name}: not a readable {kind} table ({str(exc)[:200]})") from exc
    if table.empty:
        raise RefusedError(f"{path.name}: the table has no rows")
    table.columns = [str(c) for c in table.columns]
    columns = list(table.columns)
    x, y, wkt = options.x, options.y, options.wkt
    if not (x and y) and not wkt:
        gx, gy, gw = _guess(columns, LON_NAMES), _guess(columns, LAT_NAMES), _guess(columns, WKT_NAMES)
        if options.confirm_columns or not ((gx and gy) or gw):
            raise ColumnQuestion(columns, gx, gy, gw)
        x, y, wkt = (gx, gy, "") if gx and gy else ("", "", gw)
    for col in (c for c in (x, y, wkt) if c):
        if col not in columns:
            raise RefusedError(f"{path.name}: no column named '{col}' (it has {', '.join(columns[:30])})")
    if wkt:
        from shapely import from_wkt
        texts = table[wkt].where(table[wkt].notna(), None).astype(object)
        try:
            geoms = from_wkt(texts.to_numpy(), on_invalid="ignore")
        except Exception as exc:  # noqa: BLE001
            raise RefusedError(f"{path.name}: column '{wkt}' does not hold WKT geometry") from exc
        frame = gpd.GeoDataFrame(table.drop(columns=[wkt]), geometry=geoms, crs=None)
    else:
        xs = pd.to_numeric(table[x].astype(str).str.replace(",", ".", regex=False), errors="coerce")
        ys = pd.to_numeric(table[y].astype(str).str.replace(",", ".", regex=False), errors="coerce")
        frame = gpd.GeoDataFrame(table, geometry=gpd.points_from_xy(xs, ys), crs=None)
        frame.loc[xs.isna() | ys.isna(), "geometry"] = None
    return _finish(frame, path.stem, path, options, "")


def _is_utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


# --- the common end: geometry checks, WGS 84 ---------------------------------------------------------
def _finish(frame, name: str, path: Path, options: Options, encoding: str) -> Imported:
    import shapely
    if frame.geometry.name != "geometry":
        frame = frame.rename_geometry("geometry")
    empty = frame.geometry.isna() | frame.geometry.is_empty
    skipped = int(empty.sum())
    frame = frame[~empty].copy()
    if frame.empty:
        raise RefusedError(f"{path.name}: '{name}' has no features with a geometry"
                            + (f" ({skipped} without one)" if skipped else ""))
    invalid = ~shapely.is_valid(frame.geometry.values)
    repaired = int(invalid.sum())
    if repaired:
        frame.loc[invalid, "geometry"] = shapely.make_valid(frame.geometry.values[invalid])
    frame, crs_name, notes = to_wgs84(frame, path, options.crs)
    kinds = set(frame.geometry.geom_type.map(_kind))
    geometry = kinds.pop() if len(kinds) == 1 else "mixed"
    return Imported(name=name, frame=frame, geometry=geometry, crs=crs_name, encoding=encoding,
                    repaired=repaired, skipped_null=skipped, notes=notes)


__all__ = ["CrsQuestion", "ColumnQuestion", "EncodingQuestion", "RefusedError", "Imported",
           "LayerQuestion", "Options", "Question", "read"]
