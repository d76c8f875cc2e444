"""The print layout: title, map, legend, scale bar, north arrow, locator inset, attribution and a
footer of citations, painted with QPainter onto any paint device (PNG image, PDF page, SVG).

`paint_layout(painter, page_rect, map_image, options, context)` paints one whole page for an
already rendered map image; it knows no widgets, so the same code draws the export dialog's
preview, the exported file and (later) each slide of a multi-page PDF. Sizes are in millimetres of
the page, so a preview is the same layout scaled down. Text is drawn as text (PDF/SVG keep it).
"""

from __future__ import annotations

import hashlib
import json
import math
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)

from gis_app.core import indicators, paths, safe_io
from gis_app.core.catalog import Catalog, LayerDef
from gis_app.core.evidence import short_citation
from gis_app.core.geo import round_scale
from gis_app.core.i18n import format_number, pick
from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM

MM_PER_INCH = 25.4
FONT_FAMILY = "DejaVu Sans"

# Page presets: key -> (width mm, height mm). "custom" gives pixels directly (ExportOptions.custom_px).
PRESETS: dict[str, tuple[float, float]] = {
    "A4-landscape": (297.0, 210.0),
    "A4-portrait": (210.0, 297.0),
    "A3-landscape": (420.0, 297.0),
    "A3-portrait": (297.0, 420.0),
    "slide-16x9": (338.667, 190.5),  # a 13.333 x 7.5 inch widescreen slide
}
CUSTOM = "custom"
DPI_RANGE = (96, 600)


@dataclass
class ExportOptions:
    title: str = ""
    subtitle: str = ""
    page: str = "A4-landscape"  # a PRESETS key, or "custom"
    custom_px: tuple[int, int] = (1920, 1080)  # the page in pixels when page == "custom"
    dpi: int = 300
    legend: bool = True
    scale_bar: bool = True
    north_arrow: bool = True
    inset: bool = True
    attribution: bool = True
    footer: bool = True

    def page_mm(self) -> tuple[float, float]:
        if self.page == CUSTOM:
            w, h = self.custom_px
            return w / self.dpi * MM_PER_INCH, h / self.dpi * MM_PER_INCH
        return PRESETS[self.page]

    def page_px(self) -> tuple[int, int]:
        """The page in pixels at this DPI: A4 landscape at 300 DPI is 3508 x 2480."""
        if self.page == CUSTOM:
            return int(self.custom_px[0]), int(self.custom_px[1])
        w, h = PRESETS[self.page]
        return round(w / MM_PER_INCH * self.dpi), round(h / MM_PER_INCH * self.dpi)

    def problems(self) -> list[str]:
        out = []
        if self.page != CUSTOM and self.page not in PRESETS:
            out.append(
                QCoreApplication.translate("Layout", "Unknown page size '{0}'; use one of: {1}").format(
                    self.page, ", ".join([*PRESETS, "WIDTHxHEIGHT"])
                )
            )
        if not DPI_RANGE[0] <= self.dpi <= DPI_RANGE[1]:
            out.append(QCoreApplication.translate("Layout", "DPI must be between {0} and {1}")
                       .format(*DPI_RANGE))
        if self.page == CUSTOM and not all(200 <= v <= 12000 for v in self.custom_px):
            out.append(QCoreApplication.translate(
                "Layout", "A custom page must be 200 to 12000 pixels wide and high"))
        return out


def parse_size(text: str) -> tuple[str, tuple[int, int]]:
    """'A4-landscape' -> ('A4-landscape', default); '1920x1080' -> ('custom', (1920, 1080))."""
    for key in PRESETS:
        if key.lower() == text.strip().lower():
            return key, (1920, 1080)
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) == 2 and all(p.strip().isdigit() for p in parts):
        return CUSTOM, (int(parts[0]), int(parts[1]))
    raise ValueError(text)


@dataclass
class LayoutContext:
    """What the layout needs to know about the map besides its picture."""

    catalog: Catalog
    visible: list[str]  # visible layer ids, top of the drawing first
    lang: str = "en"
    lat: float = DEFAULT_CENTER[0]  # the map's centre latitude and Leaflet zoom
    zoom: float = DEFAULT_ZOOM
    bounds: tuple[float, float, float, float] | None = None  # W, S, E, N of the map picture
    metres_per_map_px: float = 0.0  # ground size of one pixel of the map picture
    bibliography: dict = field(default_factory=dict)


# --- the legend's content (pure data, tested on its own) ------------------------------------


@dataclass(frozen=True)
class LegendItem:
    label: str
    kind: str  # "polygon" | "line" | "point"
    style: dict


@dataclass(frozen=True)
class LegendEntry:
    layer_id: str
    title: str
    items: tuple[LegendItem, ...]


def _swatch_kind(layer: LayerDef, style: dict, override: dict | None = None) -> str:
    if layer.geometry in ("polygon", "line", "point"):
        return layer.geometry
    override = override or {}
    if "symbol" in override or "radius" in override:
        return "point"
    if override and "fill" not in override and "fill_opacity" not in override:
        return "line"
    return "polygon" if style.get("fill") else "line"


def _number_text(value: float, lang: str) -> str:
    """A class break as written in the style (3.75 keeps two decimals), in the locale's format."""
    shown = f"{value:g}"
    decimals = len(shown.split(".")[1]) if "." in shown and "e" not in shown else 0
    return format_number(value, lang, decimals)


def legend_entries(
    catalog: Catalog, visible: list[str], lang: str, zoom: float | None = None
) -> list[LegendEntry]:
    """One entry per visible layer (in drawing order, top first), with one item per symbol."""
    entries = []
    for layer_id in visible:
        try:
            layer = catalog.layer(layer_id)
        except KeyError:
            continue
        base = {k: v for k, v in layer.style.items() if k not in ("categories", "choropleth")}
        items: list[LegendItem] = []
        choropleth, categories = layer.style.get("choropleth"), layer.style.get("categories")
        if choropleth:
            breaks, colors = list(choropleth["breaks"]), list(choropleth["colors"])
            bounds = [None, *breaks, None]
            # A class is a figure: it needs its unit (a unit key of layers/indicators.toml).
            unit_key = choropleth.get("unit", "")
            unit = indicators.labels(catalog.folder).unit(unit_key, lang) if unit_key else ""
            for i, color in enumerate(colors):
                low, high = bounds[i], bounds[i + 1]
                if low is None:
                    label = f"< {_number_text(high, lang)}"
                elif high is None:
                    label = f"≥ {_number_text(low, lang)}"
                else:
                    label = f"{_number_text(low, lang)} – {_number_text(high, lang)}"
                if unit:
                    label += f" {unit}"
                items.append(LegendItem(label, "polygon", {**base, "fill": color}))
            items.append(
                LegendItem(QCoreApplication.translate("Layout", "No data"), "polygon",
                           {**base, "fill": choropleth.get("no_data", "#dddddd")})
            )
        elif categories and categories.get("values"):
            labels = categories.get("labels", {})
            for value, override in categories["values"].items():
                if zoom is not None and float(override.get("min_zoom", 0)) > zoom + 1e-9:
                    continue  # not drawn at this zoom
                style = {**base, **override}
                label = pick(labels.get(value), lang) or str(value).replace("_", " ")
                items.append(LegendItem(label, _swatch_kind(layer, style, override), style))
        if not items:
            items.append(LegendItem("", _swatch_kind(layer, base), base))
        entries.append(LegendEntry(layer.id, layer.title_in(lang), tuple(items)))
    return entries


def attribution_lines(catalog: Catalog, visible: list[str], inset: bool) -> list[str]:
    """The credits the shown data needs, once each, in first-seen order."""
    ids = list(visible) + (["countries"] if inset and "countries" in catalog.ids() else [])
    seen: list[str] = []
    for layer_id in ids:
        try:
            layer = catalog.layer(layer_id)
        except KeyError:
            continue
        for credit in layer.attribution:
            if credit not in seen:
                seen.append(credit)
    return seen


def footer_citations(catalog: Catalog, visible: list[str], bibliography: dict, lang: str = "en") -> list[str]:
    """Short citations (author year) of the visible layers' sources, sorted, once each."""
    out: set[str] = set()
    for layer_id in visible:
        try:
            layer = catalog.layer(layer_id)
        except KeyError:
            continue
        for cite in layer.citations:
            item = bibliography.get(cite)
            out.add(short_citation(item, lang) if item else cite)
    return sorted(out, key=str.casefold)


# --- painting ----------------------------------------------------------------------------------


class _Page:
    """Millimetre helpers for one page rect."""

    def __init__(self, painter: QPainter, rect: QRectF, page_mm: tuple[float, float]):
        self.p, self.rect = painter, QRectF(rect)
        self.true_u = rect.width() / page_mm[0]  # device units per mm of paper
        # A page smaller than A5 gets the same layout shrunk, so everything still fits.
        self.k = max(0.25, min(1.0, min(page_mm) / 148.0))
        self.u = self.true_u * self.k  # device units per layout mm

    def mm(self, value: float) -> float:
        return value * self.u

    def font(self, size_pt: float, bold: bool = False, italic: bool = False) -> QFont:
        font = QFont(FONT_FAMILY)
        font.setPixelSize(max(1, round(size_pt * 0.3528 * self.u)))  # 1 pt = 0.3528 mm
        font.setBold(bold)
        font.setItalic(italic)
        return font

    def pen(self, color: str | QColor, width_mm: float, dash: str = "", dash_unit: float = 1.0) -> QPen:
        """A pen; `dash` is an SVG dash array in units of `dash_unit` line widths (Qt counts dashes
        in line widths, SVG in pixels: pass 1 / the line's pixel width)."""
        pen = QPen(QColor(color))
        pen.setWidthF(max(0.01, self.mm(width_mm)))
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        if dash:
            try:
                pattern = [max(0.1, float(v) * dash_unit) for v in dash.replace(",", " ").split()]
            except ValueError:
                pattern = []
            if len(pattern) >= 2 and len(pattern) % 2 == 0:
                pen.setDashPattern(pattern)
        return pen


def _wrapped_height(page: _Page, font: QFont, text: str, width: float) -> float:
    metrics = QFontMetricsF(font)
    rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    return rect.height()


def _color(value: str | None, opacity: float = 1.0) -> QColor:
    color = QColor(value or "#000000")
    if not color.isValid():
        color = QColor("#000000")
    color.setAlphaF(max(0.0, min(1.0, float(opacity))))
    return color


def _symbol_path(shape: str, centre: QPointF, r: float) -> QPainterPath:
    path = QPainterPath()
    cx, cy = centre.x(), centre.y()
    if shape == "square":
        path.addRect(QRectF(cx - r, cy - r, 2 * r, 2 * r))
    elif shape == "triangle":
        path.addPolygon(QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy + r), QPointF(cx - r, cy + r)]))
        path.closeSubpath()
    elif shape == "diamond":
        path.addPolygon(
            QPolygonF([QPointF(cx, cy - r), QPointF(cx + r, cy), QPointF(cx, cy + r), QPointF(cx - r, cy)])
        )
        path.closeSubpath()
    elif shape == "star":
        pts = []
        for i in range(10):
            rad, a = (r * 0.45 if i % 2 else r), math.pi / 5 * i - math.pi / 2
            pts.append(QPointF(cx + rad * math.cos(a), cy + rad * math.sin(a)))
        path.addPolygon(QPolygonF(pts))
        path.closeSubpath()
    else:
        path.addEllipse(centre, r, r)
    return path


def _paint_swatch(page: _Page, item: LegendItem, box: QRectF) -> None:
    p, s = page.p, item.style
    px_mm = 0.26  # one CSS pixel of the screen style, in mm on paper (96 DPI)
    stroke = s.get("stroke")
    weight_px = max(0.3, float(s.get("weight", 1)))
    weight = weight_px * px_mm
    pen = (
        page.pen(_color(stroke, s.get("opacity", 1.0)), weight, s.get("dash") or "", 1 / weight_px)
        if stroke
        else QPen(Qt.PenStyle.NoPen)
    )
    if item.kind == "line":
        if stroke:
            pen.setCapStyle(Qt.PenCapStyle.RoundCap if not s.get("dash") else Qt.PenCapStyle.FlatCap)
            p.setPen(pen)
            y = box.center().y()
            p.drawLine(QPointF(box.left(), y), QPointF(box.right(), y))
        return
    fill = s.get("fill")
    brush = (
        QBrush(_color(fill, s.get("fill_opacity", 1.0 if item.kind == "point" else 0.5)))
        if fill
        else QBrush(Qt.BrushStyle.NoBrush)
    )
    p.setPen(pen)
    p.setBrush(brush)
    if item.kind == "point":
        r = min(box.height() / 2, page.mm(float(s.get("radius", 5)) * px_mm * 1.1))
        p.drawPath(_symbol_path(s.get("symbol", "circle"), box.center(), r))
    else:
        p.drawRect(box.adjusted(page.mm(0.3), page.mm(0.3), -page.mm(0.3), -page.mm(0.3)))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _legend_blocks(page: _Page, entries: list[LegendEntry], width: float, scale: float):
    """(entry, heights) per entry at this scale: the title's wrapped height, then one row per item."""
    title_font = page.font(8.5 * scale, bold=True)
    item_font = page.font(7.5 * scale)
    row = page.mm(4.6 * scale)
    swatch_w = page.mm(8 * scale)
    blocks = []
    for entry in entries:
        title_h = _wrapped_height(page, title_font, entry.title, width)
        rows = []
        for item in entry.items:
            if item.label:
                text_h = _wrapped_height(page, item_font, item.label, width - swatch_w - page.mm(2 * scale))
                rows.append(max(row, text_h + page.mm(0.8 * scale)))
            else:
                rows.append(row)
        blocks.append((entry, title_h, rows))
    return blocks, title_font, item_font, swatch_w


def paint_legend(page: _Page, rect: QRectF, entries: list[LegendEntry]) -> list[str]:
    """The legend in `rect` (in as many columns as fit, shrinking the text if needed); returns the
    layer ids actually drawn (all of them unless even the smallest text cannot fit)."""
    p = page.p
    heading = QCoreApplication.translate("Layout", "Legend")
    col_min = page.mm(52)
    columns = max(1, int(rect.width() // col_min))
    gap = page.mm(4)
    col_w = (rect.width() - gap * (columns - 1)) / columns
    chosen = None
    for scale in (1.0, 0.9, 0.8, 0.7, 0.62, 0.55):
        head_font = page.font(10 * scale, bold=True)
        head_h = QFontMetricsF(head_font).height() + page.mm(1.5 * scale)
        blocks, title_font, item_font, swatch_w = _legend_blocks(page, entries, col_w, scale)
        # flow blocks into columns of about equal height
        heights = [block[1] + sum(block[2]) + page.mm(2.6 * scale) for block in blocks]
        limit = min(
            rect.height(), max(head_h + sum(heights) / columns * 1.05, head_h + max(heights, default=0))
        )
        placement, col, y = [], 0, head_h
        fits = True
        for block, h in zip(blocks, heights, strict=True):
            if y + h > limit and y > head_h:
                limit = rect.height() if col + 1 >= columns - 1 else limit
                col, y = col + 1, 0
            if col >= columns:
                fits = False
                break
            placement.append((block, col, y))
            y += h
            fits = fits and y <= rect.height()
        chosen = (scale, head_font, placement, title_font, item_font, swatch_w)
        if fits:
            break
    scale, head_font, placement, title_font, item_font, swatch_w = chosen
    p.setPen(QColor("#111111"))
    p.setFont(head_font)
    p.drawText(
        QRectF(rect.left(), rect.top(), rect.width(), page.mm(8)),
        int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop),
        heading,
    )
    drawn = []
    for (entry, title_h, rows), col, y in placement:
        x = rect.left() + col * (col_w + gap)
        top = rect.top() + y
        p.setPen(QColor("#111111"))
        p.setFont(title_font)
        p.drawText(QRectF(x, top, col_w, title_h), int(Qt.TextFlag.TextWordWrap), entry.title)
        top += title_h + page.mm(0.6 * scale)
        for item, h in zip(entry.items, rows, strict=True):
            box = QRectF(x, top + (h - page.mm(3.6 * scale)) / 2, swatch_w, page.mm(3.6 * scale))
            _paint_swatch(page, item, box)
            if item.label:
                p.setPen(QColor("#222222"))
                p.setFont(item_font)
                p.drawText(
                    QRectF(x + swatch_w + page.mm(2 * scale), top, col_w - swatch_w - page.mm(2 * scale), h),
                    int(Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap),
                    item.label,
                )
            top += h
        drawn.append(entry.layer_id)
    return drawn


def _nice_distance(max_m: float) -> float:
    """The largest 1, 2 or 5 x 10^n metres not above max_m."""
    if max_m <= 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(max_m))
    for factor in (5, 2, 1):
        if factor * exp <= max_m:
            return factor * exp
    return exp


def paint_scale_bar(page: _Page, anchor: QRectF, metres_per_unit: float, lat: float, lang: str) -> None:
    """A bar of a round length, in km, in the bottom right of `anchor` (the map frame)."""
    if metres_per_unit <= 0:
        return
    p = page.p
    length_m = _nice_distance(page.mm(32) * metres_per_unit)
    length = length_m / metres_per_unit
    km = length_m / 1000
    if km >= 1:
        unit_text = QCoreApplication.translate("Layout", "{0} km").format(f"{km:g}")
    else:
        unit_text = QCoreApplication.translate("Layout", "{0} m").format(f"{length_m:g}")
    denominator = round_scale(metres_per_unit * page.true_u * 1000)
    scale_text = QCoreApplication.translate("Layout", "1:{0} at {1}° latitude").format(
        format_number(denominator, lang), f"{lat:.0f}")
    font = page.font(7)
    metrics = QFontMetricsF(font)
    bar_h = page.mm(1.6)
    pad = page.mm(2)

    def number(value: float) -> str:
        return f"{value / 1000:g}" if km >= 1 else f"{value:g}"

    end_number = number(length_m)
    end_label = unit_text  # "200 km": the bar's end number with its unit, as translated
    tail = metrics.horizontalAdvance(end_label) - metrics.horizontalAdvance(end_number) / 2
    box_w = (
        max(length + tail + metrics.horizontalAdvance("0") / 2, metrics.horizontalAdvance(scale_text))
        + 2 * pad
    )
    box_h = bar_h + metrics.height() * 2 + page.mm(2.5) + 2 * pad
    box = QRectF(anchor.right() - box_w - page.mm(3), anchor.bottom() - box_h - page.mm(3), box_w, box_h)
    p.setPen(QPen(QColor(0, 0, 0, 90), page.mm(0.15)))
    p.setBrush(QColor(255, 255, 255, 215))
    p.drawRect(box)
    x0, y0 = box.left() + pad + metrics.horizontalAdvance("0") / 2, box.top() + pad + metrics.height()
    p.setPen(page.pen("#222222", 0.2))
    for i in range(4):
        p.setBrush(QColor("#222222") if i % 2 == 0 else QColor("#ffffff"))
        p.drawRect(QRectF(x0 + i * length / 4, y0, length / 4, bar_h))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.setFont(font)
    p.setPen(QColor("#222222"))
    labels = [("0", x0), (end_label, x0 + length)]
    middle = number(length_m / 2)
    if metrics.horizontalAdvance(middle) + metrics.horizontalAdvance(end_number) < length * 0.9:
        labels.insert(1, (middle, x0 + length / 2))
    for text, x in labels:
        offset = metrics.horizontalAdvance(end_number if text == end_label else text) / 2
        p.drawText(QPointF(x - offset, y0 - page.mm(0.8)), text)
    p.drawText(QPointF(box.left() + pad, y0 + bar_h + metrics.ascent() + page.mm(1.2)), scale_text)


def paint_north_arrow(page: _Page, anchor: QRectF) -> None:
    """A north arrow in the top right of the map frame (Web Mercator: north is up)."""
    p = page.p
    w, h = page.mm(7), page.mm(11)
    cx = anchor.right() - page.mm(4) - w / 2 - page.mm(1.5)
    top = anchor.top() + page.mm(4)
    backdrop = QRectF(cx - w / 2 - page.mm(1.5), top - page.mm(1), w + page.mm(3), h + page.mm(6))
    p.setPen(QPen(QColor(0, 0, 0, 90), page.mm(0.15)))
    p.setBrush(QColor(255, 255, 255, 215))
    p.drawRoundedRect(backdrop, page.mm(1), page.mm(1))
    font = page.font(9, bold=True)
    p.setFont(font)
    p.setPen(QColor("#111111"))
    metrics = QFontMetricsF(font)
    north = QCoreApplication.translate("Layout", "N", "north arrow letter")
    p.drawText(QPointF(cx - metrics.horizontalAdvance(north) / 2, top + metrics.ascent()), north)
    tip, base_y = QPointF(cx, top + metrics.height()), top + metrics.height() + h - page.mm(2)
    mid_y = base_y - page.mm(2.2)
    left = QPolygonF([tip, QPointF(cx - w / 2, base_y), QPointF(cx, mid_y)])
    right = QPolygonF([tip, QPointF(cx + w / 2, base_y), QPointF(cx, mid_y)])
    p.setPen(page.pen("#111111", 0.25))
    p.setBrush(QColor("#111111"))
    p.drawPolygon(left)
    p.setBrush(QColor("#ffffff"))
    p.drawPolygon(right)
    p.setBrush(Qt.BrushStyle.NoBrush)


# --- the locator inset -------------------------------------------------------------------------

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
    page: _Page, frame: QRectF, bounds: tuple[float, float, float, float], catalog: Catalog
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


# --- the page ----------------------------------------------------------------------------------


def paint_layout(
    painter: QPainter,
    page_rect: QRectF,
    map_image: QImage | None,
    options: ExportOptions,
    context: LayoutContext,
) -> dict:
    """Paint the whole page into `page_rect`; returns where things went (the map frame in device
    units, the layer ids in the legend), for the export to size the map and for tests."""
    page = _Page(painter, QRectF(page_rect), options.page_mm())
    geo = layout_geometry(painter, page_rect, options, context)
    p = painter
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    p.fillRect(page.rect, QColor("#ffffff"))

    # title and subtitle
    m = page.mm(geo["margin_mm"])
    inner = page.rect.adjusted(m, m, -m, -m)
    y = inner.top()
    if options.title:
        font = page.font(geo["title_pt"], bold=True)
        h = _wrapped_height(page, font, options.title, inner.width())
        p.setFont(font)
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(inner.left(), y, inner.width(), h), int(Qt.TextFlag.TextWordWrap), options.title)
        y += h
    if options.subtitle:
        font = page.font(geo["subtitle_pt"])
        h = _wrapped_height(page, font, options.subtitle, inner.width())
        p.setFont(font)
        p.setPen(QColor("#444444"))
        p.drawText(QRectF(inner.left(), y, inner.width(), h), int(Qt.TextFlag.TextWordWrap), options.subtitle)

    # the map
    frame: QRectF = geo["map"]
    if map_image is not None and not map_image.isNull():
        p.drawImage(frame, map_image)
    else:
        p.fillRect(frame, QColor("#c9dde8"))
    if options.north_arrow:
        paint_north_arrow(page, frame)
    if options.scale_bar and map_image is not None and context.metres_per_map_px > 0:
        per_unit = context.metres_per_map_px * map_image.width() / frame.width()
        paint_scale_bar(page, frame, per_unit, context.lat, context.lang)
    if options.inset and context.bounds:
        paint_inset(page, frame, context.bounds, context.catalog)
    p.setPen(QPen(QColor("#333333"), page.mm(0.3)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)

    legend_ids: list[str] = []
    if options.legend and geo["legend"] is not None:
        entries = legend_entries(context.catalog, context.visible, context.lang, context.zoom)
        legend_ids = paint_legend(page, geo["legend"], entries)

    # attribution under the map, footer at the bottom
    if geo["attribution"] is not None:
        p.setFont(geo["attribution_font"])
        p.setPen(QColor("#555555"))
        p.drawText(
            geo["attribution"],
            int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap),
            geo["attribution_text"],
        )
    if geo["footer"] is not None:
        p.setPen(page.pen("#bbbbbb", 0.2))
        p.drawLine(geo["footer"].topLeft(), geo["footer"].topRight())
        p.setFont(geo["footer_font"])
        p.setPen(QColor("#333333"))
        p.drawText(
            geo["footer"].adjusted(0, page.mm(1), 0, 0), int(Qt.TextFlag.TextWordWrap), geo["footer_text"]
        )
    p.restore()
    return {"map": frame, "legend_ids": legend_ids}


def layout_geometry(
    painter_or_none: QPainter | None, page_rect: QRectF, options: ExportOptions, context: LayoutContext
) -> dict:
    """Where the title, map, legend, attribution and footer go on this page (device units)."""
    page = _Page(painter_or_none, QRectF(page_rect), options.page_mm())
    w_mm, h_mm = options.page_mm()
    short = min(w_mm, h_mm)
    margin_mm = max(5.0, min(10.0, short * 0.04))
    title_pt = max(12.0, min(22.0, short * 0.085))
    subtitle_pt = title_pt * 0.62
    m = page.mm(margin_mm)
    inner = page.rect.adjusted(m, m, -m, -m)
    gap = page.mm(3)
    top = inner.top()
    if options.title:
        top += _wrapped_height(page, page.font(title_pt, bold=True), options.title, inner.width())
    if options.subtitle:
        top += _wrapped_height(page, page.font(subtitle_pt), options.subtitle, inner.width())
    if options.title or options.subtitle:
        top += gap
    bottom = inner.bottom()
    footer = footer_text = footer_font = None
    if options.footer:
        cites = footer_citations(context.catalog, context.visible, context.bibliography, context.lang)
        if cites:
            footer_text = QCoreApplication.translate("Layout", "Sources: {0}").format("; ".join(cites))
            footer_font = page.font(6.5)
            h = _wrapped_height(page, footer_font, footer_text, inner.width()) + page.mm(1.2)
            footer = QRectF(inner.left(), bottom - h, inner.width(), h)
            bottom -= h + page.mm(1.5)
    attribution = attribution_text = None
    attribution_font = page.font(6.5)
    if options.attribution:
        credits = attribution_lines(context.catalog, context.visible, options.inset)
        if credits:
            attribution_text = QCoreApplication.translate("Layout", "Map data: {0}").format(
                ", ".join(credits))
            h = _wrapped_height(page, attribution_font, attribution_text, inner.width()) + page.mm(0.5)
            attribution = QRectF(inner.left(), bottom - h, inner.width(), h)
            bottom -= h + page.mm(1)
    landscape = w_mm >= h_mm
    legend = None
    map_rect = QRectF(inner.left(), top, inner.width(), bottom - top)
    if options.legend and context.visible:
        if landscape:
            legend_w = page.mm(max(48.0, min(70.0, w_mm * 0.2)))
            map_rect.setWidth(inner.width() - legend_w - gap)
            legend = QRectF(map_rect.right() + gap, top, legend_w, bottom - top)
        else:
            legend_h = (bottom - top) * 0.3
            map_rect.setHeight(bottom - top - legend_h - gap)
            legend = QRectF(inner.left(), map_rect.bottom() + gap, inner.width(), legend_h)
    return {
        "margin_mm": margin_mm,
        "title_pt": title_pt,
        "subtitle_pt": subtitle_pt,
        "map": map_rect,
        "legend": legend,
        "footer": footer,
        "footer_text": footer_text,
        "footer_font": footer_font,
        "attribution": attribution,
        "attribution_text": attribution_text,
        "attribution_font": attribution_font,
    }


def map_frame_px(options: ExportOptions, context: LayoutContext) -> tuple[int, int]:
    """The map frame's size in pixels on the full-resolution page (what the map is rendered at)."""
    w, h = options.page_px()
    frame = layout_geometry(None, QRectF(0, 0, w, h), options, context)["map"]
    return max(16, round(frame.width())), max(16, round(frame.height()))
