"""Where the print layout draws over the map (north arrow, scale bar, locator inset), in the map
page's CSS pixels, so that the page's label placement (resources/web/labels.js) keeps names out
from under them: `atlas.applyState({"label_obstacles": furniture_boxes(options, frame_w, frame_h)})`
before the page is printed. The sizes follow render/furniture.py and render/inset.py (a little
larger: the scale bar's width depends on its text)."""

from __future__ import annotations

from gis_app.render.layout_model import ExportOptions

MM_PER_INCH = 25.4
CSS_DPI = 96


def furniture_boxes(options: ExportOptions, frame_w: int, frame_h: int) -> list[list[float]]:
    """[left, top, width, height] of each piece of furniture over a map frame of frame_w x frame_h
    device pixels at options.dpi, in the CSS pixels the page is laid out in."""
    page_w_px, _ = options.page_px()
    page_mm = options.page_mm()
    true_u = page_w_px / page_mm[0]                       # device px a mm of paper (drawing.Page)
    k = max(0.25, min(1.0, min(page_mm) / 148.0))
    css = CSS_DPI / options.dpi                           # CSS px a device px
    mm = true_u * k * css                                 # CSS px a layout mm
    w, h = frame_w * css, frame_h * css
    boxes = []
    if options.north_arrow:                               # paint_north_arrow: 10 x 17 mm, top right
        boxes.append([w - 15 * mm, 2 * mm, 12 * mm, 20 * mm])
    if options.scale_bar:                                 # paint_scale_bar: bottom right
        boxes.append([w - 58 * mm, h - 20 * mm, 56 * mm, 19 * mm])
    if options.inset:                                     # paint_inset: bottom left
        side = 46 if frame_w > frame_h else 40
        boxes.append([2 * mm, h - 4 * mm - side * 0.72 * mm, (side + 2) * mm, (side * 0.72 + 2) * mm])
    return [[round(v, 1) for v in b] for b in boxes]
