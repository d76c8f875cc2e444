"""What an export asks for and what the layout knows about the map: page presets, export options,
the layout context, and where things go on a page (PageGeometry). No painting here."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QRectF
from PySide6.QtGui import QFont

from gis_app.core.catalog import Catalog
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
    vector: bool = True  # PDF and SVG: the map as paths and text (False: a picture at the DPI)

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
    # > 0: the map is not a picture but a vector page laid under this layout afterwards (its width
    # in map pixels, for the scale bar); the layout then leaves the page and the frame unpainted.
    vector_map_px: int = 0
    # a PDF can give the sources a page of their own when the footer would take too much room
    sources_page: bool = False
    # the project's sources of the visible map (its cites, its figures' sources: core/map_sources.py)
    extra_sources: list[str] = field(default_factory=list)
    # the map's placed labels, (left, top, right, bottom) as shares of the map: the inset avoids them
    label_boxes: list = field(default_factory=list)
    # credits of what the map shows besides the catalog's layers (the user's basemap file)
    extra_credits: list[str] = field(default_factory=list)


@dataclass
class PageGeometry:
    """Where the title, map, legend, attribution and footer go on one page (device units)."""

    margin_mm: float
    title_pt: float
    subtitle_pt: float
    map: QRectF
    legend: QRectF | None = None
    footer: QRectF | None = None
    footer_text: str | None = None
    footer_font: QFont | None = None
    attribution: QRectF | None = None
    attribution_text: str | None = None
    attribution_font: QFont | None = None
    sources_page: list[str] | None = None  # bibliography ids listed on a page of their own
