"""Exporting the map: the Leaflet page itself rendered at the print size, composed with the layout.

The map is not a screen grab scaled up: an offscreen MapView is laid out at the map frame's size in
CSS pixels (frame pixels * 96 / dpi, so at 300 DPI the frame covers the same ground as on screen),
Chromium prints that page to a vector PDF, and the page is drawn at the frame's full pixel size: every
line, symbol and label at print resolution, at any DPI (no zoom-factor cap), and complete (a print
paints the whole page; a grab of the compositor's frame can be half drawn on a busy machine).

`export_map` is used by the export dialog and by `gis-app export`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSize, QSizeF, Qt
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from gis_app.core import atomic
from gis_app.core.catalog import Catalog
from gis_app.core.evidence import bibliography_path, load_bibliography
from gis_app.core.geo import metres_per_pixel
from gis_app.core.map_sources import MapEvidence
from gis_app.core.map_state import MapState
from gis_app.render.label_obstacles import furniture_boxes
from gis_app.render.layout import map_frame_px, paint_layout
from gis_app.render.layout_model import ExportOptions, LayoutContext

FORMATS = ("png", "pdf", "svg")


@dataclass
class MapPicture:
    image: QImage
    lat: float
    zoom: float
    bounds: tuple[float, float, float, float]
    metres_per_px: float
    # the placed labels as (left, top, right, bottom) shares of the map's width and height, so the
    # layout puts nothing of its own over them (render/inset.py inset_box)
    labels: tuple = ()


@dataclass
class ExportResult:
    path: Path
    size: tuple[int, int]
    legend_ids: list[str]
    timings_ms: dict[str, float] = field(default_factory=dict)


def snapshot_state(catalog: Catalog, state: MapState) -> MapState:
    """An independent copy of a MapState (the export must not drive the window's map)."""
    copy = MapState(catalog)
    copy.apply(state.to_dict())
    copy.annotations_visible = state.annotations_visible
    return copy


class MapRenderer:
    """An offscreen map page that renders the map at a given pixel size and DPI, reusable (the
    dialog's preview renders again whenever the page size changes)."""

    def __init__(
        self, catalog: Catalog, state: MapState, lang: str = "en", annotations: list[dict] | None = None,
        evidence: MapEvidence | None = None,
    ):
        from gis_app.ui.map_view import MapView

        self.state = snapshot_state(catalog, state)
        self.annotations = list(annotations or [])
        # the user's figures the choropleths colour by (the window's page has them from its document)
        self.figures = evidence.figures(catalog) if evidence is not None else {}
        self.catalog = catalog
        self.view = MapView(catalog, self.state, lang)
        self.view.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
        self._shown = False

    def update_source(self, state: MapState, annotations: list[dict] | None,
                      evidence: MapEvidence | None = None) -> None:
        """Follow the window's current layers, view, annotations and figures (for the next render)."""
        if evidence is not None:
            self.figures = evidence.figures(self.catalog)
        self.state.apply(state.to_dict())
        self.state.annotations_visible = state.annotations_visible
        self.annotations = list(annotations or [])

    def render(
        self,
        width: int,
        height: int,
        dpi: float,
        bbox: tuple[float, float, float, float] | None = None,
        timeout_ms: int = 30000,
        obstacles: list | None = None,
    ) -> MapPicture:
        """The map as a width x height picture at `dpi`: the page is laid out at the frame's size in
        CSS pixels (width * 96 / dpi), printed by Chromium to a one-page vector PDF, and that page
        drawn at width x height. Printing paints the whole page as it stands, so unlike a grab of
        the compositor's frame it cannot catch a half-drawn map on a busy machine."""
        css_w, css_h, info = self._lay_out(width, height, dpi, bbox, timeout_ms, obstacles)
        image = _print_page(self.view, css_w, css_h, width, height, timeout_ms)
        return self._picture(image, css_w, info)

    def render_pdf(
        self,
        width: int,
        height: int,
        dpi: float,
        bbox: tuple[float, float, float, float] | None = None,
        timeout_ms: int = 30000,
        obstacles: list | None = None,
    ) -> tuple[bytes, MapPicture]:
        """The map as Chromium prints it: a one-page vector PDF (paths and text) of the frame's
        size, and the picture's facts (its `image` is null: the scale comes from `width`)."""
        css_w, css_h, info = self._lay_out(width, height, dpi, bbox, timeout_ms, obstacles)
        pdf = print_pdf_bytes(self.view, css_w, css_h, timeout_ms)
        picture = self._picture(QImage(), css_w, info, width)
        return pdf, picture

    def _picture(self, image: QImage, css_w: int, info: dict, width: int = 0) -> MapPicture:
        lat = float((info.get("center") or (self.state.view.lat,))[0])
        zoom = float(info.get("zoom", self.state.view.zoom))
        px = image.width() if not image.isNull() else width
        return MapPicture(
            image,
            lat,
            zoom,
            tuple(info.get("bounds") or (0, 0, 0, 0)),
            metres_per_pixel(lat, zoom) * css_w / max(1, px),
            _label_shares(info.get("label_boxes")),
        )

    def _lay_out(self, width, height, dpi, bbox, timeout_ms, obstacles=None) -> tuple[int, int, dict]:
        """Load the page at the frame's size in CSS px, with the extent and the annotations; no
        label under `obstacles` (the layout's furniture drawn over the map)."""
        view = self.view
        css_w, css_h = max(32, round(width * 96 / dpi)), max(32, round(height * 96 / dpi))
        view.setZoomFactor(1.0)
        view.resize(css_w, css_h)
        if not self._shown:
            view.show()  # hidden pages get no animation frames, and never say they are ready
            self._shown = True
        # Print mode and extent go in the URL, applied before the first paint.
        extra = {"print": True}
        if bbox is not None:
            extra["bbox"] = list(bbox)
        view.load_atlas(extra)
        if not view.wait_ready(timeout_ms):
            raise TimeoutError(f"the map page did not finish drawing within {timeout_ms / 1000:.0f} s")
        # Annotations afterwards, not in the URL (any number of points: no URL length limit); they
        # are drawn at once, before the print below lays the page out.
        if self.annotations:
            view.evaluate("applyState", {"annotations": {"all": self.annotations}}, timeout_ms=timeout_ms)
        if self.figures:
            view.evaluate("applyState", {"figures": self.figures}, timeout_ms=timeout_ms)
        if obstacles is not None:  # the layout's furniture: no label under it (labels.js)
            view.evaluate("applyState", {"label_obstacles": obstacles}, timeout_ms=timeout_ms)
        info = view.evaluate("state") or {}  # places the labels first (labels.js)
        info["label_boxes"] = view.eval_js("atlas.labels ? atlas.labels.boxes() : null", timeout_ms)
        css_w, css_h = (int(v) for v in info.get("size") or (css_w, css_h))
        return css_w, css_h, info

    def close(self) -> None:
        self.view.shutdown()
        self.view.deleteLater()


def _label_shares(found) -> tuple:
    """labels.boxes() of the page -> ((left, top, right, bottom) as shares of the map), bad ones out."""
    if not isinstance(found, dict):
        return ()
    size = found.get("size") or [0, 0]
    try:
        w, h = float(size[0]), float(size[1])
    except (TypeError, ValueError, IndexError):
        return ()
    out = []
    for box in found.get("boxes") or []:
        try:
            out.append((box["left"] / w, box["top"] / h, box["right"] / w, box["bottom"] / h))
        except (KeyError, TypeError, ZeroDivisionError):
            continue
    return tuple(out)


def print_pdf_bytes(view, css_w: int, css_h: int, timeout_ms: int) -> bytes:
    """Chromium's print of the page: one vector PDF page of css_w x css_h CSS px."""
    from PySide6.QtCore import QEventLoop, QTimer

    points = QSizeF(css_w * 0.75, css_h * 0.75)  # 1 CSS px = 0.75 pt
    layout = QPageLayout(
        QPageSize(points, QPageSize.Unit.Point), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)
    )
    loop, box = QEventLoop(), {}

    def done(data):
        box["pdf"] = bytes(data)
        loop.quit()

    view.page().printToPdf(done, layout)
    QTimer.singleShot(timeout_ms, loop.quit)
    if "pdf" not in box:
        loop.exec()
    if not box.get("pdf"):
        raise TimeoutError("the map page could not be printed")
    return box["pdf"]


def _print_page(view, css_w: int, css_h: int, width: int, height: int, timeout_ms: int) -> QImage:
    """Chromium's print of the page (one page of css_w x css_h CSS px), drawn at width x height."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize
    from PySide6.QtPdf import QPdfDocument

    buffer = QBuffer()
    buffer.setData(QByteArray(print_pdf_bytes(view, css_w, css_h, timeout_ms)))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document = QPdfDocument()
    document.load(buffer)
    if document.pageCount() < 1:
        raise OSError("the printed map page cannot be read")
    image = document.render(0, QSize(width, height))
    document.close()
    return image.convertToFormat(QImage.Format.Format_RGB32)


def layout_context(catalog: Catalog, state: MapState, lang: str, picture: MapPicture | None,
                   evidence: MapEvidence | None = None) -> LayoutContext:
    """The layout's facts; with `evidence` (the project's), its sources of the visible map are
    listed too and the bibliography is the combined one."""
    if evidence is not None:
        bibliography = evidence.bibliography
    else:
        try:
            bibliography = load_bibliography(bibliography_path(catalog.folder))
        except ValueError:
            bibliography = {}
    context = LayoutContext(
        catalog=catalog,
        visible=state.visible_ids(),
        lang=lang,
        lat=state.view.lat,
        zoom=state.view.zoom,
        bibliography=bibliography,
    )
    if evidence is not None:
        context.extra_sources = evidence.extra_sources(context.visible)
    from gis_app.ui import tile_scheme

    context.extra_credits = [c for c in (tile_scheme.credit(),) if c]  # the user's basemap file
    if picture is not None:
        context.lat, context.zoom = picture.lat, picture.zoom
        context.bounds, context.metres_per_map_px = picture.bounds, picture.metres_per_px
        context.label_boxes = list(picture.labels)
    return context


def _png_image(width: int, height: int, dpi: float) -> QImage:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    image.fill(0xFFFFFFFF)
    return image


def compose(path: Path, options: ExportOptions, picture: MapPicture | None, context: LayoutContext) -> dict:
    """Write the page (map picture + layout) as PNG, PDF or SVG, chosen by the file's suffix, whole
    or not at all: OutputError (an OSError) if the file could not be written; an existing file is
    then untouched."""
    fmt = Path(path).suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt}': use .png, .pdf or .svg")
    with atomic.replacing(path) as tmp:
        return _compose(tmp, fmt, options, picture, context)


def _compose(path: Path, fmt: str, options: ExportOptions, picture: MapPicture | None,
             context: LayoutContext) -> dict:
    width, height = options.page_px()
    if fmt == "png":
        image = _png_image(width, height, options.dpi)
        painter = QPainter(image)
        try:
            placed = paint_layout(
                painter, QRectF(0, 0, width, height), picture and picture.image, options, context
            )
        finally:
            painter.end()
        if not image.save(str(path), "PNG", 80):  # 80: fast, still lossless
            raise OSError(f"could not write {path}")
        return placed
    if fmt == "pdf":
        writer = QPdfWriter(str(path))
        writer.setResolution(int(options.dpi))
        w_mm, h_mm = options.page_mm()
        writer.setPageLayout(
            QPageLayout(
                QPageSize(QSizeF(w_mm, h_mm), QPageSize.Unit.Millimeter),
                QPageLayout.Orientation.Portrait,
                QMarginsF(0, 0, 0, 0),
            )
        )
        writer.setTitle(options.title or "Central Asia Security Atlas")
        writer.setCreator("Central Asia Security Atlas (gis-app)")
        painter = QPainter()
        if not painter.begin(writer):
            raise OSError(f"could not write {path}")
        try:
            rect = QRectF(0, 0, writer.width(), writer.height())
            context.sources_page = True
            placed = paint_layout(painter, rect, picture and picture.image, options, context)
            if placed.get("sources_page"):
                from gis_app.render.sources_page import paint_sources_pages

                paint_sources_pages(writer, painter, options.page_mm(), placed["sources_page"],
                                    context.bibliography)
            return placed
        finally:
            painter.end()
    if fmt == "svg":
        from PySide6.QtSvg import QSvgGenerator

        generator = QSvgGenerator()
        generator.setFileName(str(path))
        generator.setSize(QSize(width, height))
        generator.setViewBox(QRectF(0, 0, width, height))
        generator.setResolution(int(options.dpi))
        generator.setTitle(options.title or "Central Asia Security Atlas")
        generator.setDescription(options.subtitle)
        painter = QPainter()
        if not painter.begin(generator):
            raise OSError(f"could not write {path}")
        try:
            return paint_layout(
                painter, QRectF(0, 0, width, height), picture and picture.image, options, context
            )
        finally:
            painter.end()
    raise ValueError(f"unknown export format '{fmt}': use .png, .pdf or .svg")


def export_map(
    path: Path,
    options: ExportOptions,
    catalog: Catalog,
    state: MapState,
    lang: str = "en",
    annotations: list[dict] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    renderer: MapRenderer | None = None,
    evidence: MapEvidence | None = None,
) -> ExportResult:
    """Render the map for this page and write the file. Needs a QApplication (offscreen is fine).
    `evidence`: the project's (its figures colour the choropleths, its sources join the footer)."""
    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format '{fmt or path.name}': use .png, .pdf or .svg")
    problems = options.problems()
    if problems:
        raise ValueError("; ".join(problems))
    atomic.target_of(path)  # a device, FIFO or folder is refused before the map is rendered
    if fmt in ("pdf", "svg") and options.vector:
        from gis_app.ui.vector_export import export_vector

        return export_vector(path, options, catalog, state, lang, annotations, bbox, renderer, evidence)
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    context = layout_context(catalog, state, lang, None, evidence)
    frame_w, frame_h = map_frame_px(options, context)
    own = renderer is None
    if own:
        renderer = MapRenderer(catalog, state, lang, annotations, evidence)
    else:  # a reused page (the dialog's preview) shows what this export asks for
        renderer.update_source(state, annotations, evidence)
    try:
        picture = renderer.render(frame_w, frame_h, options.dpi, bbox,
                                  obstacles=furniture_boxes(options, frame_w, frame_h))
    finally:
        if own:
            renderer.close()
    timings["map_ms"] = (time.perf_counter() - t0) * 1000
    t1 = time.perf_counter()
    context = layout_context(catalog, state, lang, picture, evidence)
    path.parent.mkdir(parents=True, exist_ok=True)
    placed = compose(path, options, picture, context)
    timings["compose_ms"] = (time.perf_counter() - t1) * 1000
    return ExportResult(path, options.page_px(), placed["legend_ids"], timings)


GEOREF_FORMATS = ("png", "tif", "tiff")


def export_georef(
    path: Path,
    size: tuple[int, int],
    dpi: float,
    catalog: Catalog,
    state: MapState,
    lang: str = "en",
    annotations: list[dict] | None = None,
    bbox: tuple[float, float, float, float] | None = None,
    evidence: MapEvidence | None = None,
) -> ExportResult:
    """The map alone (no layout), georeferenced in EPSG:3857: a PNG with its world file (.pgw) and
    .prj, or a GeoTIFF (.tif). The extent is the page's own bounds after it was drawn."""
    import numpy as np

    from gis_app.render.georef import GeoTransform, write_geotiff, write_sidecars

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in GEOREF_FORMATS:
        raise ValueError(f"a georeferenced image is .png or .tif, not '{path.suffix or path.name}'")
    atomic.target_of(path)
    t0 = time.perf_counter()
    renderer = MapRenderer(catalog, state, lang, annotations, evidence)
    try:
        picture = renderer.render(size[0], size[1], dpi, bbox)
    finally:
        renderer.close()
    image = picture.image
    transform = GeoTransform.from_bounds(picture.bounds, image.width(), image.height())
    path.parent.mkdir(parents=True, exist_ok=True)
    if fmt == "png":
        image = image.copy()
        dots_per_metre = round(dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_metre)
        image.setDotsPerMeterY(dots_per_metre)
        with atomic.replacing(path) as tmp:
            if not image.save(str(tmp), "PNG", 80):
                raise OSError(f"could not write {path}")
        write_sidecars(path, transform)
    else:
        rgb = image.convertToFormat(QImage.Format.Format_RGB888)
        stride = rgb.bytesPerLine()
        raw = np.frombuffer(rgb.constBits(), dtype=np.uint8, count=stride * rgb.height())
        array = raw.reshape(rgb.height(), stride)[:, : rgb.width() * 3].reshape(rgb.height(), rgb.width(), 3)
        write_geotiff(path, array.copy(), transform, dpi)
    return ExportResult(path, (image.width(), image.height()), [],
                        {"map_ms": (time.perf_counter() - t0) * 1000})
