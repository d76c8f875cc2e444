"""The print layout: title, map, legend, scale bar, north arrow, locator inset, attribution and a
footer of citations, painted with QPainter onto any paint device (PNG image, PDF page, SVG).

`paint_layout(painter, page_rect, map_image, options, context)` paints one whole page for an
already rendered map image; it knows no widgets, so the same code draws the export dialog's
preview, the exported file and each slide of a multi-page PDF. Sizes are in millimetres of
the page, so a preview is the same layout scaled down. Text is drawn as text (PDF/SVG keep it).

The parts live beside it: layout_model (options, context, PageGeometry), legend, furniture (scale
bar, north arrow), inset (the locator map) and drawing (millimetre helpers).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPen

from gis_app.render.drawing import Page, wrapped_height
from gis_app.render.furniture import paint_north_arrow, paint_scale_bar
from gis_app.render.inset import paint_inset
from gis_app.render.layout_model import ExportOptions, LayoutContext, PageGeometry
from gis_app.render.legend import attribution_lines, footer_citations, legend_entries, paint_legend
from gis_app.render.sources_page import SOURCES_SHARE, footer_source_ids


def paint_layout(
    painter: QPainter,
    page_rect: QRectF,
    map_image: QImage | None,
    options: ExportOptions,
    context: LayoutContext,
) -> dict:
    """Paint the whole page into `page_rect`; returns where things went (the map frame in device
    units, the layer ids in the legend), for the export to size the map and for tests."""
    page = Page(painter, QRectF(page_rect), options.page_mm())
    geo = layout_geometry(painter, page_rect, options, context)
    p = painter
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    p.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    vector_map = context.vector_map_px > 0
    if not vector_map:  # a vector map goes under this page later: nothing may cover it
        p.fillRect(page.rect, QColor("#ffffff"))

    # title and subtitle
    m = page.mm(geo.margin_mm)
    inner = page.rect.adjusted(m, m, -m, -m)
    y = inner.top()
    if options.title:
        font = page.font(geo.title_pt, bold=True)
        h = wrapped_height(page, font, options.title, inner.width())
        p.setFont(font)
        p.setPen(QColor("#111111"))
        p.drawText(QRectF(inner.left(), y, inner.width(), h), int(Qt.TextFlag.TextWordWrap), options.title)
        y += h
    if options.subtitle:
        font = page.font(geo.subtitle_pt)
        h = wrapped_height(page, font, options.subtitle, inner.width())
        p.setFont(font)
        p.setPen(QColor("#444444"))
        p.drawText(QRectF(inner.left(), y, inner.width(), h), int(Qt.TextFlag.TextWordWrap), options.subtitle)

    # the map
    frame: QRectF = geo.map
    if map_image is not None and not map_image.isNull():
        p.drawImage(frame, map_image)
    elif not vector_map:
        p.fillRect(frame, QColor("#c9dde8"))
    if options.north_arrow:
        paint_north_arrow(page, frame)
    map_px = context.vector_map_px if vector_map else (map_image.width() if map_image is not None else 0)
    if options.scale_bar and map_px > 0 and context.metres_per_map_px > 0:
        per_unit = context.metres_per_map_px * map_px / frame.width()
        paint_scale_bar(page, frame, per_unit, context.lat, context.lang)
    if options.inset and context.bounds:
        paint_inset(page, frame, context.bounds, context.catalog, map_image, context.label_boxes)
    p.setPen(QPen(QColor("#333333"), page.mm(0.3)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(frame)

    legend_ids: list[str] = []
    if options.legend and geo.legend is not None:
        entries = legend_entries(context.catalog, context.visible, context.lang, context.zoom)
        legend_ids = paint_legend(page, geo.legend, entries)

    # attribution under the map, footer at the bottom
    if geo.attribution is not None:
        p.setFont(geo.attribution_font)
        p.setPen(QColor("#555555"))
        p.drawText(
            geo.attribution,
            int(Qt.AlignmentFlag.AlignRight | Qt.TextFlag.TextWordWrap),
            geo.attribution_text,
        )
    if geo.footer is not None:
        p.setPen(page.pen("#bbbbbb", 0.2))
        p.drawLine(geo.footer.topLeft(), geo.footer.topRight())
        p.setFont(geo.footer_font)
        p.setPen(QColor("#333333"))
        p.drawText(
            geo.footer.adjusted(0, page.mm(1), 0, 0), int(Qt.TextFlag.TextWordWrap), geo.footer_text
        )
    p.restore()
    return {"map": frame, "legend_ids": legend_ids, "sources_page": geo.sources_page}


def layout_geometry(
    painter_or_none: QPainter | None, page_rect: QRectF, options: ExportOptions, context: LayoutContext
) -> PageGeometry:
    """Where the title, map, legend, attribution and footer go on this page (device units)."""
    page = Page(painter_or_none, QRectF(page_rect), options.page_mm())
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
        top += wrapped_height(page, page.font(title_pt, bold=True), options.title, inner.width())
    if options.subtitle:
        top += wrapped_height(page, page.font(subtitle_pt), options.subtitle, inner.width())
    if options.title or options.subtitle:
        top += gap
    bottom = inner.bottom()
    footer = footer_text = footer_font = sources_page = None
    if options.footer:
        cites = footer_citations(context.catalog, context.visible, context.bibliography, context.lang,
                                 context.extra_sources)
        if cites:
            footer_text = QCoreApplication.translate("Layout", "Sources: {0}").format("; ".join(cites))
            footer_font = page.font(6.5)
            h = wrapped_height(page, footer_font, footer_text, inner.width()) + page.mm(1.2)
            if context.sources_page and h > inner.height() * SOURCES_SHARE:
                # never cut short: the whole list goes on a page of its own
                sources_page = footer_source_ids(context.catalog, context.visible, context.bibliography,
                                                 context.lang, context.extra_sources)
                footer_text = QCoreApplication.translate("Layout", "Sources: listed on the next page")
                h = wrapped_height(page, footer_font, footer_text, inner.width()) + page.mm(1.2)
            footer = QRectF(inner.left(), bottom - h, inner.width(), h)
            bottom -= h + page.mm(1.5)
    attribution = attribution_text = None
    attribution_font = page.font(6.5)
    if options.attribution:
        credits = attribution_lines(context.catalog, context.visible, options.inset)
        credits += [c for c in context.extra_credits if c and c not in credits]
        if credits:
            attribution_text = QCoreApplication.translate("Layout", "Map data: {0}").format(
                ", ".join(credits))
            h = wrapped_height(page, attribution_font, attribution_text, inner.width()) + page.mm(0.5)
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
    return PageGeometry(
        margin_mm=margin_mm, title_pt=title_pt, subtitle_pt=subtitle_pt, map=map_rect, legend=legend,
        footer=footer, footer_text=footer_text, footer_font=footer_font,
        attribution=attribution, attribution_text=attribution_text, attribution_font=attribution_font,
        sources_page=sources_page,
    )


def map_frame_px(options: ExportOptions, context: LayoutContext) -> tuple[int, int]:
    """The map frame's size in pixels on the full-resolution page (what the map is rendered at)."""
    w, h = options.page_px()
    frame = layout_geometry(None, QRectF(0, 0, w, h), options, context).map
    return max(16, round(frame.width())), max(16, round(frame.height()))
