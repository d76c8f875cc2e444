"""Export every slide with the print layout of the map export: one PDF page each, or numbered PNGs.

Each slide is rendered like `gis-app export` renders a map (gis_app/ui/export.py): an offscreen page
with the slide's layers, time range, annotations and extent, composed by `render/layout.py` with the
caption as title, legend, scale bar, north arrow, inset, attribution and the citation footer. The
window's own map is not touched.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from gis_app.core import atomic
from gis_app.core.i18n import pick
from gis_app.core.map_sources import MapEvidence
from gis_app.render.label_obstacles import furniture_boxes
from gis_app.render.layout import map_frame_px, paint_layout
from gis_app.render.layout_model import ExportOptions, LayoutContext
from gis_app.ui.export import MapPicture, MapRenderer, compose, layout_context, snapshot_state

SLIDE_PAGE = "slide-16x9"
SLIDE_DPI = 150  # 16:9 at 150 DPI is 2000 x 1125 px: sharp on a projector, quick to render


def _pages(window, dpi: int) -> Iterator[tuple[ExportOptions, MapPicture, LayoutContext]]:
    """(options, map picture, layout context) for every slide, rendered by one offscreen page."""
    doc, lang, catalog = window.document, window.lang, window.catalog
    slides, project_title = doc.slides, pick(doc.title, lang)
    evidence = MapEvidence.of(doc)  # the project's figures and sources, as in a map export
    renderer: MapRenderer | None = None
    try:
        for i, slide in enumerate(slides):
            state = snapshot_state(catalog, window.state)
            slide.apply_to(state)
            counter = QCoreApplication.translate("SlideExport", "Slide {0} of {1}").format(i + 1, len(slides))
            options = ExportOptions(title=slide.caption_in(lang) or project_title,
                                    subtitle=" — ".join(t for t in (project_title, counter) if t),
                                    page=SLIDE_PAGE, dpi=dpi)
            if renderer is None:
                renderer = MapRenderer(catalog, state, lang, slide.annotations, evidence)
            else:
                renderer.update_source(state, slide.annotations, evidence)
            frame_w, frame_h = map_frame_px(options, layout_context(catalog, state, lang, None, evidence))
            # the layout's north arrow, scale bar and inset go over the map: no label under them
            picture = renderer.render(frame_w, frame_h, dpi, tuple(slide.bounds) if slide.bounds else None,
                                      obstacles=furniture_boxes(options, frame_w, frame_h))
            yield options, picture, layout_context(catalog, state, lang, picture, evidence)
    finally:
        if renderer is not None:
            renderer.close()


def export_pngs(window, folder: str | Path, stem: str = "slide", dpi: int = SLIDE_DPI) -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, (options, picture, context) in enumerate(_pages(window, dpi)):
        target = folder / f"{stem}-{i + 1:02d}.png"
        compose(target, options, picture, context)
        written.append(target)
    return written


def export_pdf(window, path: str | Path, dpi: int = SLIDE_DPI) -> int:
    """One 16:9 page per slide, text kept as text; returns the page count. Written whole or not at
    all (OutputError; an existing file is then untouched)."""
    with atomic.replacing(path) as tmp:
        return _write_pdf(window, tmp, dpi)


def _write_pdf(window, path: Path, dpi: int) -> int:
    writer = QPdfWriter(str(path))
    writer.setResolution(dpi)
    w_mm, h_mm = ExportOptions(page=SLIDE_PAGE).page_mm()
    writer.setPageLayout(QPageLayout(QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(pick(window.document.title, window.lang) or "Atlas slides")
    writer.setCreator("Central Asia Security Atlas (gis-app)")
    painter = QPainter()
    pages = 0
    try:
        for options, picture, context in _pages(window, dpi):
            if pages == 0:
                if not painter.begin(writer):
                    raise OSError(f"could not write {path}")
            else:
                writer.newPage()
            paint_layout(painter, QRectF(0, 0, writer.width(), writer.height()), picture.image, options,
                         context)
            pages += 1
    finally:
        if painter.isActive():
            painter.end()
    return pages
