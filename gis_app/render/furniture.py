"""The map's furniture on the page: a scale bar of a round length and a north arrow."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QPen, QPolygonF

from gis_app.core.geo import round_scale
from gis_app.core.i18n import format_number
from gis_app.render.drawing import Page


def _nice_distance(max_m: float) -> float:
    """The largest 1, 2 or 5 x 10^n metres not above max_m."""
    if max_m <= 0:
        return 0.0
    exp = 10 ** math.floor(math.log10(max_m))
    for factor in (5, 2, 1):
        if factor * exp <= max_m:
            return factor * exp
    return exp


def paint_scale_bar(page: Page, anchor: QRectF, metres_per_unit: float, lat: float, lang: str) -> None:
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


def paint_north_arrow(page: Page, anchor: QRectF) -> None:
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

