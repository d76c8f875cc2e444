"""Drawing helpers shared by the parts of the print layout: a page in millimetres, wrapped text
heights, colours from the style files."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from gis_app.render.layout_model import FONT_FAMILY


class Page:
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
        # No ligatures: "fl" in "conflicts" drawn as one glyph breaks a text search in the PDF.
        for tag in ("liga", "clig", "dlig"):
            font.setFeature(QFont.Tag(tag), 0)
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


def wrapped_height(page: Page, font: QFont, text: str, width: float) -> float:
    metrics = QFontMetricsF(font)
    rect = metrics.boundingRect(QRectF(0, 0, width, 1e6), int(Qt.TextFlag.TextWordWrap), text)
    return rect.height()


def color(value: str | None, opacity: float = 1.0) -> QColor:
    color = QColor(value or "#000000")
    if not color.isValid():
        color = QColor("#000000")
    color.setAlphaF(max(0.0, min(1.0, float(opacity))))
    return color

