"""The locator inset: country outlines simplified once (shapely) and cached on disk, drawn small
with the map's extent in red."""

from __future__ import annotations

import hashlib
import json
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen, QPolygonF

from gis_app.core import paths, safe_io
from gis_app.core.catalog import Catalog
from gis_app.render.drawing import Page

_INSET_CACHE: dict[str, list[list[list[float]]]] = {}


def inset_rings(catalog: Catalog) -> list[list[list[float]]]:
    """Country outlines for the locator, simplified once and cached on disk (lon/lat rings)."""
    try:
        source = catalog.layer("countries").data
        stat = source.stat()
    except (KeyError, OSError):
        return []
    key = f"{source}:{stat.st_size}:{int(stat.st_mtime)}"
    if key in _INSET_CACHE:
        return _INSET_CACHE[key]
    # sha256, not hash(): Python salts str hashes per process, and the file must be found again.
    digest = hashlib.sha256(key.encode()).hexdigest()[:16]
    cache = paths.cache_dir() / "inset" / f"countries-{digest}.json"
    rings: list[list[list[float]]] = []
    try:  # the cache is a file like any other: through the gate
        cached = safe_io.load_json(cache, safe_io.LIMITS["layer-data"]).value
        if cached.get("key") == key:
            rings = cached["rings"]
    except (ValueError, KeyError, AttributeError, TypeError):  # UnsafeFileError is a ValueError
        rings = []
    if not rings:
        rings = _simplify_countries(source)
        try:
            paths.write_cache_file(cache, json.dumps({"key": key, "rings": rings}))
        except OSError:
            pass  # a full disk costs the cache, not the export
    _INSET_CACHE[key] = rings
    return rings


def _simplify_countries(source) -> list[list[list[float]]]:
    from shapely.geometry import shape

    from gis_app.core.features import DataError, read_feature_collection

    try:
        features = read_feature_collection(source)
    except DataError:
        return []
    rings = []
    for feature in features:
        try:
            geom = shape(feature["geometry"]).simplify(0.08, preserve_topology=False)
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
        polys = getattr(geom, "geoms", [geom])
        for poly in polys:
            exterior = getattr(poly, "exterior", None)
            if exterior is not None and len(exterior.coords) >= 4:
                rings.append([[round(x, 3), round(y, 3)] for x, y in exterior.coords])
    return rings


def _merc_y(lat: float) -> float:
    lat = max(-85.0, min(85.0, lat))
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


def paint_inset(
    page: Page, frame: QRectF, bounds: tuple[float, float, float, float], catalog: Catalog
) -> None:
    """A small locator map in the bottom left of the map frame: the region, the map's extent red."""
    p = page.p
    w_mm = 46 if frame.width() > frame.height() else 40
    box = QRectF(
        frame.left() + page.mm(3),
        frame.bottom() - page.mm(3) - page.mm(w_mm * 0.72),
        page.mm(w_mm),
        page.mm(w_mm * 0.72),
    )
    west, south, east, north = bounds
    cx, cy = (west + east) / 2, (_merc_y(south) + _merc_y(north)) / 2
    span_x = max((east - west) * 4.0, 50.0)
    span_y = span_x * box.height() / box.width()
    x0, y1 = cx - span_x / 2, cy + span_y / 2

    def to_page(lon: float, lat: float) -> QPointF:
        return QPointF(
            box.left() + (lon - x0) / span_x * box.width(),
            box.top() + (y1 - _merc_y(lat)) / span_y * box.height(),
        )

    p.save()
    p.setPen(QPen(QColor("#555555"), page.mm(0.25)))
    p.setBrush(QColor("#c9dde8"))
    p.drawRect(box)
    p.setClipRect(box)
    p.setPen(QPen(QColor("#9a9a9a"), page.mm(0.1)))
    p.setBrush(QColor("#f2efe9"))
    lon_lo, lon_hi = x0 - 5, x0 + span_x + 5
    for ring in inset_rings(catalog):
        xs = [pt[0] for pt in ring]
        if max(xs) < lon_lo or min(xs) > lon_hi:
            continue
        p.drawPolygon(QPolygonF([to_page(lon, lat) for lon, lat in ring]))
    extent = QRectF(to_page(west, north), to_page(east, south))
    p.setBrush(QColor(214, 39, 40, 40))
    p.setPen(QPen(QColor("#d62728"), page.mm(0.45)))
    if extent.width() < page.mm(1.2) or extent.height() < page.mm(1.2):  # too small: mark its place
        extent = QRectF(
            extent.center().x() - page.mm(1), extent.center().y() - page.mm(1), page.mm(2), page.mm(2)
        )
    p.drawRect(extent)
    p.restore()
    p.setPen(QPen(QColor("#555555"), page.mm(0.25)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(box)

