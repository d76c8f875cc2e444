"""Georeferenced images: the map picture with where it lies on the Earth, for QGIS and other GIS.

The page is a Leaflet map in Web Mercator (EPSG:3857), so its pixels are evenly spaced in that
projection's metres, not in degrees: the georeference is written in EPSG:3857.

- PNG + world file (.pgw: pixel size and the centre of the top-left pixel) + .prj (the CRS as WKT).
- GeoTIFF (tifffile): ModelPixelScale, ModelTiepoint and the GeoKey directory (projected,
  EPSG:3857, pixel is area) as TIFF tags; RGB, deflate.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

EARTH_RADIUS = 6378137.0  # the sphere of EPSG:3857
MAX_LAT = 85.0511287798

# EPSG:3857 as ESRI WKT (what .prj files hold; QGIS, ArcGIS and GDAL read it)
PRJ_3857 = (
    'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",'
    'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],'
    'UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],'
    'PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],'
    'PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],'
    'PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]'
)


def mercator(lon: float, lat: float) -> tuple[float, float]:
    """Degrees -> EPSG:3857 metres."""
    lat = max(-MAX_LAT, min(MAX_LAT, lat))
    x = EARTH_RADIUS * math.radians(lon)
    y = EARTH_RADIUS * math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
    return x, y


@dataclass(frozen=True)
class GeoTransform:
    """x = x0 + col * dx, y = y0 + row * dy for the top-left corner of pixel (col, row); dy < 0."""

    x0: float
    y0: float
    dx: float
    dy: float

    @classmethod
    def from_bounds(cls, bounds: tuple[float, float, float, float], width: int, height: int) -> GeoTransform:
        west, south, east, north = bounds
        if not (width > 0 and height > 0 and east > west and north > south):
            raise ValueError("the map has no extent to georeference")
        x_w, y_s = mercator(west, south)
        x_e, y_n = mercator(east, north)
        return cls(x_w, y_n, (x_e - x_w) / width, -(y_n - y_s) / height)

    def pixel(self, lon: float, lat: float) -> tuple[float, float]:
        """The (column, row) in pixels (fractional, from the top-left corner) of a place."""
        x, y = mercator(lon, lat)
        return (x - self.x0) / self.dx, (y - self.y0) / self.dy

    def world_file(self) -> str:
        """The six lines of a world file: the centre of the top-left pixel, not its corner."""
        lines = [self.dx, 0.0, 0.0, self.dy, self.x0 + self.dx / 2, self.y0 + self.dy / 2]
        return "".join(f"{v:.10f}\n" for v in lines)

    @classmethod
    def read_world_file(cls, text: str) -> GeoTransform:
        values = [float(v) for v in text.split()]
        if len(values) != 6:
            raise ValueError("a world file has six numbers")
        dx, _, _, dy, cx, cy = values
        return cls(cx - dx / 2, cy - dy / 2, dx, dy)


def world_file_path(path: Path) -> Path:
    """image.png -> image.pgw, image.jpg -> image.jgw, image.tif -> image.tfw."""
    suffix = path.suffix.lower().lstrip(".")
    ext = (suffix[0] + suffix[-1] + "w") if len(suffix) >= 2 else "wld"
    return path.with_suffix("." + ext)


def write_sidecars(path: Path, transform: GeoTransform) -> list[Path]:
    """The world file and the .prj beside an image, each written whole or not at all."""
    from gis_app.core import atomic

    written = []
    files = ((world_file_path(path), transform.world_file()), (path.with_suffix(".prj"), PRJ_3857))
    for target, text in files:
        with atomic.replacing(target) as tmp:
            Path(tmp).write_text(text, encoding="ascii")
        written.append(target)
    return written


def geotiff_tags(transform: GeoTransform) -> list[tuple]:
    """tifffile extratags: (code, dtype, count, value, writeonce)."""
    scale = (transform.dx, -transform.dy, 0.0)
    tiepoint = (0.0, 0.0, 0.0, transform.x0, transform.y0, 0.0)
    keys = [1, 1, 0, 3,          # version 1.1.0, 3 keys
            1024, 0, 1, 1,       # GTModelTypeGeoKey = projected
            1025, 0, 1, 1,       # GTRasterTypeGeoKey = pixel is area
            3072, 0, 1, 3857]    # ProjectedCSTypeGeoKey = EPSG:3857
    return [(33550, "d", 3, scale, True), (33922, "d", 6, tiepoint, True),
            (34735, "H", len(keys), keys, True)]


def write_geotiff(path: Path, rgb, transform: GeoTransform, dpi: float = 96) -> None:
    """An RGB array (height x width x 3, uint8) as a GeoTIFF, written whole or not at all."""
    import tifffile

    from gis_app.core import atomic

    with atomic.replacing(Path(path)) as tmp:
        tifffile.imwrite(tmp, rgb, photometric="rgb", compression="zlib",
                         resolution=(dpi, dpi), resolutionunit="INCH",
                         extratags=geotiff_tags(transform), software="Central Asia Security Atlas")


def read_geotiff_transform(path: Path) -> GeoTransform:
    """The transform back from a GeoTIFF's tags (for tests and checks)."""
    import tifffile

    with tifffile.TiffFile(path) as tif:
        tags = tif.pages[0].tags
        sx, sy, _ = tags[33550].value
        _, _, _, x0, y0, _ = tags[33922].value
        keys = tags[34735].value
    if 3857 not in keys:
        raise ValueError("not in EPSG:3857")
    return GeoTransform(x0, y0, sx, -sy)
