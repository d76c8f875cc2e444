"""The locator inset: country outlines simplified once (shapely) and cached on disk, drawn small
with the map's extent in red."""

from __future__ import annotations

import hashlib
import json
import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPen, QPolygonF

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


def _busy(image: QImage, rect: QRectF) -> float:
    """How much map content a part of the map picture holds: the share of its pixels that differ
    from the part's most common colour (plain land or sea: ~0; roads, labels, symbols: more)."""
    part = image.copy(rect.toAlignedRect()).scaled(48, 32)  # a coarse look is enough, and quick
    counts: dict[int, int] = {}
    pixels = [part.pixel(x, y) & 0xF0F0F0 for y in range(part.height()) for x in range(part.width())]
    for px in pixels:
        counts[px] = counts.get(px, 0) + 1
    common = max(counts.values(), default=0)
    return 1 - common / max(1, len(pixels))


def _covers_a_label(box: QRectF, frame: QRectF, labels) -> bool:
    for left, top, right, bottom in labels or ():
        label = QRectF(frame.left() + left * frame.width(), frame.top() + top * frame.height(),
                       (right - left) * frame.width(), (bottom - top) * frame.height())
        if box.intersects(label):
            return True
    return False


def inset_box(page: Page, frame: QRectF, map_image: QImage | None = None, labels=()) -> QRectF:
    """Where the locator inset goes: the left corner of the map frame (bottom or top; the scale bar
    and north arrow hold the right ones) that hides the least of the map's content. The page kept
    its labels out of the bottom corner (label_obstacles.furniture_boxes); the top one is taken only
    if it covers none of the placed `labels` ((left, top, right, bottom) shares of the frame)."""
    w_mm = 46 if frame.width() > frame.height() else 40
    size = (page.mm(w_mm), page.mm(w_mm * 0.72))
    bottom = QRectF(frame.left() + page.mm(3), frame.bottom() - page.mm(3) - size[1], *size)
    top = QRectF(frame.left() + page.mm(3), frame.top() + page.mm(3), *size)
    if map_image is None or map_image.isNull() or frame.width() <= 0:
        return bottom
    scale = map_image.width() / frame.width()

    def on_image(box: QRectF) -> QRectF:
        return QRectF((box.left() - frame.left()) * scale, (box.top() - frame.top()) * scale,
                      box.width() * scale, box.height() * scale)

    if _covers_a_label(top, frame, labels):
        return bottom
    # bottom left unless the top left hides clearly less (a tie keeps the usual place)
    return top if _busy(map_image, on_image(top)) + 0.05 < _busy(map_image, on_image(bottom)) else bottom


def paint_inset(
    page: Page, frame: QRectF, bounds: tuple[float, float, float, float], catalog: Catalog,
    map_image: QImage | None = None, labels=(),
) -> None:
    """A small locator map in a left corner of the map frame (inset_box): the region, the map's
    extent in red."""
    p = page.p
    box = inset_box(page, frame, map_image, labels)
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

