"""The legend: its content (pure data, tested on its own: one entry per visible layer, one item per
symbol), the credits and citations the page names, and its painting (swatches, symbol shapes,
columns and shrinking to fit)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainterPath, QPen, QPolygonF

from gis_app.core import indicators
from gis_app.core import style as style_rules
from gis_app.core.catalog import Catalog, LayerDef
from gis_app.core.evidence import short_citation
from gis_app.core.i18n import format_number, pick
from gis_app.render.drawing import Page, color, wrapped_height

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
            colors = list(choropleth["colors"])
            # A class is a figure: it needs its unit (a unit key of layers/indicators.toml).
            unit_key = choropleth.get("unit", "")
            unit = indicators.labels(catalog.folder).unit(unit_key, lang) if unit_key else ""
            for (low, high), color in zip(style_rules.class_bounds(choropleth), colors, strict=True):
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


def visible_sources(catalog: Catalog, visible: list[str], extra: list[str] = ()) -> list[str]:
    """The bibliography ids the visible layers cite, each once, in layer order; then `extra` (the
    project's sources of the visible map: core/map_sources.py)."""
    out: dict[str, None] = {}
    for layer_id in visible:
        try:
            layer = catalog.layer(layer_id)
        except KeyError:
            continue
        out.update(dict.fromkeys(layer.citations))
    out.update(dict.fromkeys(extra))
    return list(out)


def footer_citations(catalog: Catalog, visible: list[str], bibliography: dict,
                     lang: str = "en", extra: list[str] = ()) -> list[str]:
    """Short citations (author year) of the visible layers' sources, sorted, once each."""
    out = {short_citation(bibliography[c], lang, limit=None) if c in bibliography else c  # never cut
           for c in visible_sources(catalog, visible, extra)}
    return sorted(out, key=str.casefold)



# --- painting ----------------------------------------------------------------------------------


def symbol_path(shape: str, centre: QPointF, r: float) -> QPainterPath:
    """The symbol's outline (gis_app.core.style.symbol_points: the corners the map page draws)."""
    path = QPainterPath()
    corners = style_rules.symbol_points(shape, centre.x(), centre.y(), r)
    if corners:
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y in corners]))
        path.closeSubpath()
    else:
        path.addEllipse(centre, r, r)
    return path



def _paint_swatch(page: Page, item: LegendItem, box: QRectF) -> None:
    p, s = page.p, item.style
    px_mm = 0.26  # one CSS pixel of the screen style, in mm on paper (96 DPI)
    stroke = s.get("stroke")
    weight_px = max(0.3, float(s.get("weight", 1)))
    weight = weight_px * px_mm
    pen = (
        page.pen(color(stroke, s.get("opacity", 1.0)), weight, s.get("dash") or "", 1 / weight_px)
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
        QBrush(color(fill, s.get("fill_opacity", 1.0 if item.kind == "point" else 0.5)))
        if fill
        else QBrush(Qt.BrushStyle.NoBrush)
    )
    p.setPen(pen)
    p.setBrush(brush)
    if item.kind == "point":
        r = min(box.height() / 2, page.mm(float(s.get("radius", 5)) * px_mm * 1.1))
        p.drawPath(symbol_path(style_rules.symbol_shape(s), box.center(), r))
    else:
        p.drawRect(box.adjusted(page.mm(0.3), page.mm(0.3), -page.mm(0.3), -page.mm(0.3)))
    p.setBrush(Qt.BrushStyle.NoBrush)


def _legend_blocks(page: Page, entries: list[LegendEntry], width: float, scale: float):
    """(entry, heights) per entry at this scale: the title's wrapped height, then one row per item."""
    title_font = page.font(8.5 * scale, bold=True)
    item_font = page.font(7.5 * scale)
    row = page.mm(4.6 * scale)
    swatch_w = page.mm(8 * scale)
    blocks = []
    for entry in entries:
        title_h = wrapped_height(page, title_font, entry.title, width)
        rows = []
        for item in entry.items:
            if item.label:
                text_h = wrapped_height(page, item_font, item.label, width - swatch_w - page.mm(2 * scale))
                rows.append(max(row, text_h + page.mm(0.8 * scale)))
            else:
                rows.append(row)
        blocks.append((entry, title_h, rows))
    return blocks, title_font, item_font, swatch_w


def paint_legend(page: Page, rect: QRectF, entries: list[LegendEntry]) -> list[str]:
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

