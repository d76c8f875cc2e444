"""The vector export: the map page printed by Chromium (paths and text) laid under the layout's
frame, written as PDF or SVG (gis_app/render/vector_pdf.py). The same page and layout as the
raster export (ui/export.py), only the map is never turned into pixels."""

from __future__ import annotations

import time
from pathlib import Path

from gis_app.core import atomic
from gis_app.core.catalog import Catalog
from gis_app.core.map_state import MapState
from gis_app.render.label_obstacles import furniture_boxes
from gis_app.render.layout import map_frame_px
from gis_app.render.layout_model import ExportOptions
from gis_app.render.vector_pdf import compose_vector, layout_pdf, write_pdf, write_svg
from gis_app.ui.export import ExportResult, MapRenderer, layout_context


def export_vector(
    path: Path,
    options: ExportOptions,
    catalog: Catalog,
    state: MapState,
    lang: str = "en",
    annotations: list[dict] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    renderer: MapRenderer | None = None,
    evidence=None,
) -> ExportResult:
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("pdf", "svg"):
        raise ValueError(f"a vector export is .pdf or .svg, not '{path.suffix or path.name}'")
    atomic.target_of(path)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    context = layout_context(catalog, state, lang, None, evidence)
    frame_w, frame_h = map_frame_px(options, context)
    own = renderer is None
    if own:
        renderer = MapRenderer(catalog, state, lang, annotations, evidence)
    else:
        renderer.update_source(state, annotations, evidence)
    try:
        map_pdf, picture = renderer.render_pdf(frame_w, frame_h, options.dpi, bbox,
                                               obstacles=furniture_boxes(options, frame_w, frame_h))
    finally:
        if own:
            renderer.close()
    timings["map_ms"] = (time.perf_counter() - t0) * 1000
    t1 = time.perf_counter()
    context = layout_context(catalog, state, lang, picture, evidence)
    context.vector_map_px = frame_w
    context.sources_page = fmt == "pdf"
    layout, placed = layout_pdf(options, context)
    doc = compose_vector(layout, placed["map"], options.dpi, map_pdf, options.title)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with atomic.replacing(path) as tmp:
            (write_pdf if fmt == "pdf" else write_svg)(doc, tmp)
    finally:
        doc.close()
    timings["compose_ms"] = (time.perf_counter() - t1) * 1000
    return ExportResult(path, options.page_px(), placed["legend_ids"], timings)
