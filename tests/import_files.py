"""Files the import tests generate (geopandas writes them all; KML by hand for its folders)."""

from __future__ import annotations

import zipfile
from pathlib import Path

PLACES = [("Ош", 72.80, 40.53), ("Бишкек", 74.59, 42.87), ("Алматы", 76.95, 43.24), ("Хорог", 71.55, 37.49)]


def points():
    import geopandas as gpd
    from shapely.geometry import Point
    return gpd.GeoDataFrame({"name": [p[0] for p in PLACES], "rank": [1, 2, 3, 4],
                             "date": ["2010-05-01", "2015-01-01", "2020-01-01", "2022-09-14"]},
                            geometry=[Point(p[1], p[2]) for p in PLACES], crs="EPSG:4326")


def polygons(n: int = 3, bad: bool = False):
    import geopandas as gpd
    from shapely.geometry import Polygon
    geoms = [Polygon([(60 + i, 40), (60.5 + i, 40), (60.5 + i, 40.5), (60 + i, 40.5)]) for i in range(n)]
    if bad:  # a bow-tie (invalid) and a missing geometry
        geoms[0] = Polygon([(60, 40), (61, 41), (61, 40), (60, 41)])
        geoms[-1] = None
    return gpd.GeoDataFrame({"name": [f"area {i}" for i in range(n)], "value": list(range(n))},
                            geometry=geoms, crs="EPSG:4326")


def shapefile(folder: Path, name: str, frame, encoding: str = "utf-8", cpg: bool = True,
              prj: bool = True) -> Path:
    path = folder / f"{name}.shp"
    frame.to_file(path, encoding=encoding)
    if not cpg:
        path.with_suffix(".cpg").unlink(missing_ok=True)
    if not prj:
        path.with_suffix(".prj").unlink(missing_ok=True)
    return path


def zip_of(path: Path, target: Path, inside: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        for part in sorted(path.parent.glob(path.stem + ".*")):
            z.write(part, f"{inside}{part.name}")
    return target


KML = """<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>Trip</name>
<Folder><name>Checkpoints</name>
 <Placemark><name>Post A</name><Point><coordinates>71.1,40.2</coordinates></Point></Placemark>
 <Placemark><name>Post B</name><Point><coordinates>71.3,40.3</coordinates></Point></Placemark>
 <Placemark><name>Road</name>
  <LineString><coordinates>71.1,40.2 71.3,40.3</coordinates></LineString></Placemark>
</Folder>
<Folder><name>Camps</name>
 <Placemark><name>Camp 1</name><Point><coordinates>70.5,39.9</coordinates></Point></Placemark>
</Folder>
</Document></kml>"""


def kmz(folder: Path) -> Path:
    target = folder / "trip.kmz"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("doc.kml", KML)
    return target


def gpx(folder: Path) -> Path:
    text = """<?xml version="1.0"?><gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1">
<wpt lat="40.5" lon="72.8"><name>Osh</name></wpt><wpt lat="42.9" lon="74.6"><name>Bishkek</name></wpt>
<rte><name>R</name><rtept lat="40.5" lon="72.8"/><rtept lat="41" lon="73"/></rte>
<trk><name>T</name><trkseg><trkpt lat="40.5" lon="72.8"/><trkpt lat="40.6" lon="72.9"/></trkseg></trk>
</gpx>"""
    target = folder / "walk.gpx"
    target.write_text(text, encoding="utf-8")
    return target
