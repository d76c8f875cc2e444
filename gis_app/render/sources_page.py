"""The sources page of a PDF: when the footer's citations would take more than a share of the page,
the footer says they are on the next page and this page lists them in full (APA), wrapped, over as
many pages as they need, in APA's alphabetical order with its italics (each run is inserted as text
into a QTextDocument: nothing from the data is read as markup). Nothing is ever cut short with "…"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPdfWriter, QTextCharFormat, QTextCursor, QTextDocument

from gis_app.core.evidence import short_citation
from gis_app.render.drawing import Page, wrapped_height
from gis_app.render.legend import visible_sources

SOURCES_SHARE = 0.10  # a footer taller than this share of the page moves to a page of its own


def footer_source_ids(catalog, visible: list[str], bibliography: dict, lang: str = "en",
                      extra: list[str] = ()) -> list[str]:
    """The ids of the visible layers' sources, in the footer's order (by short citation)."""
    ids = {c: short_citation(bibliography[c], lang) if c in bibliography else c
           for c in visible_sources(catalog, visible, extra)}
    return sorted(ids, key=lambda i: ids[i].casefold())


def citation_document(runs: list[tuple[str, bool]], font: QFont, width: float, device=None) -> QTextDocument:
    """One entry as a document of `width` device units: its runs in `font`, italic where marked."""
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(font)
    doc.setTextWidth(width)
    cursor = QTextCursor(doc)
    for text, italic in runs:
        fmt = QTextCharFormat()
        run_font = QFont(font)
        run_font.setItalic(italic)
        fmt.setFont(run_font)
        fmt.setForeground(QColor("#222222"))
        cursor.insertText(text, fmt)
    return doc


def paint_sources_pages(writer: QPdfWriter, painter: QPainter, page_mm: tuple[float, float],
                        ids: list[str], bibliography: dict) -> int:
    """Start a new page and list the full citations, on as many pages as they need; returns the
    number of pages added."""
    from gis_app.core.citations import DEFAULT_STYLE, citation_runs, sorted_ids

    rect = QRectF(0, 0, writer.width(), writer.height())
    page = Page(painter, rect, page_mm)
    margin = page.mm(12)
    inner = rect.adjusted(margin, margin, -margin, -margin)
    heading_font, body_font = page.font(14, bold=True), page.font(9)
    flags = int(Qt.TextFlag.TextWordWrap)
    pages = 0

    def new_page() -> float:
        nonlocal pages
        writer.newPage()
        pages += 1
        painter.setFont(heading_font)
        painter.setPen(QColor("#111111"))
        title = QCoreApplication.translate("Layout", "Sources")
        h = wrapped_height(page, heading_font, title, inner.width())
        painter.drawText(QRectF(inner.left(), inner.top(), inner.width(), h), flags, title)
        return inner.top() + h + page.mm(4)

    y = new_page()
    for number, item_id in enumerate(sorted_ids(ids, DEFAULT_STYLE, bibliography), 1):
        runs = [(f"{number}. ", False)] + citation_runs(item_id, DEFAULT_STYLE, bibliography)
        doc = citation_document(runs, body_font, inner.width(), writer)
        h = doc.size().height()
        if y + h > inner.bottom() and y > inner.top() + page.mm(20):
            y = new_page()
        painter.save()
        painter.translate(inner.left(), y)
        doc.drawContents(painter)
        painter.restore()
        y += h + page.mm(2)
    return pages
