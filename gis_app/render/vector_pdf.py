"""Vector PDF and SVG: the layout (QPdfWriter: text as text) with the map page Chromium printed laid
under its frame as a vector form (PyMuPDF's show_pdf_page keeps paths and text; nothing is
rasterised), and an SVG made from that one page with its text kept as <text>.

The map's labels and annotation texts stay text Chromium wrote (searchable, selectable, editable in
Inkscape); the layout's title, legend, scale and sources are text Qt wrote.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from gis_app.render.layout import paint_layout
from gis_app.render.layout_model import ExportOptions, LayoutContext
from gis_app.render.sources_page import paint_sources_pages


def layout_pdf(options: ExportOptions, context: LayoutContext) -> tuple[bytes, dict]:
    """The layout alone as a one-page PDF (the map frame left empty), and where things went."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(int(options.dpi))
    w_mm, h_mm = options.page_mm()
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(options.title or "Central Asia Security Atlas")
    writer.setCreator("Central Asia Security Atlas (gis-app)")
    painter = QPainter()
    if not painter.begin(writer):
        raise OSError("could not start the PDF page")
    try:
        placed = paint_layout(painter, QRectF(0, 0, writer.width(), writer.height()), None, options, context)
        if placed.get("sources_page"):
            paint_sources_pages(writer, painter, options.page_mm(), placed["sources_page"],
                                context.bibliography)
    finally:
        painter.end()
    buffer.close()
    return bytes(buffer.data()), placed


def compose_vector(layout: bytes, frame: QRectF, dpi: float, map_pdf: bytes, title: str = ""):
    """The layout page with the map page under its frame (device units at `dpi` -> points)."""
    import pymupdf

    doc = pymupdf.open("pdf", layout)
    src = pymupdf.open("pdf", map_pdf)
    k = 72.0 / dpi
    rect = pymupdf.Rect(frame.left() * k, frame.top() * k, frame.right() * k, frame.bottom() * k)
    doc[0].show_pdf_page(rect, src, 0, overlay=False, keep_proportion=False)
    src.close()
    if title:
        doc.set_metadata({**(doc.metadata or {}), "title": title,
                          "creator": "Central Asia Security Atlas (gis-app)"})
    return doc


def write_pdf(doc, path: Path) -> None:
    doc.save(str(path), garbage=3, deflate=True)


def write_svg(doc, path: Path) -> None:
    """The first page as SVG, its text as <text> (not outlines)."""
    svg = doc[0].get_svg_image(text_as_path=False)
    Path(path).write_text(svg, encoding="utf-8")
