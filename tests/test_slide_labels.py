"""Slide exports keep the map's labels clear of the layout's furniture (north arrow, scale bar,
locator inset), as map exports do, and the inset never lands on a label (issue 12)."""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QRectF
from PySide6.QtGui import QImage, QPainter

from gis_app.core.catalog import load_catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.project import Slide
from gis_app.render.drawing import Page
from gis_app.render.inset import inset_box
from gis_app.render.label_obstacles import furniture_boxes
from gis_app.render.layout import layout_geometry


def _overlaps(a, b) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def test_slide_labels_stay_clear_of_the_furniture_and_the_inset(qapp):
    from gis_app.ui import slide_export

    catalog = load_catalog()
    doc = AtlasDocument(catalog)
    doc.set_slides([Slide(caption="Fergana valley", bounds=(69.0, 39.3, 73.6, 41.6),
                          visible=["countries", "provinces", "places", "enclaves"])])
    window = SimpleNamespace(document=doc, lang="en", catalog=catalog, state=doc.map)
    pages = list(slide_export._pages(window, 60))
    assert len(pages) == 1
    options, picture, context = pages[0]
    assert len(picture.labels) > 10                         # the Fergana view is full of names
    w, h = picture.image.width(), picture.image.height()
    css = 96 / options.dpi
    for left, top, bw, bh in furniture_boxes(options, w, h):
        share = (left / (w * css), top / (h * css), (left + bw) / (w * css), (top + bh) / (h * css))
        under = [b for b in picture.labels if _overlaps(b, share)]
        assert under == [], f"labels under the layout's furniture at {share}"
    # and the inset, wherever it goes, covers none of them
    page_w, page_h = options.page_px()
    target = QImage(page_w, page_h, QImage.Format.Format_RGB32)
    painter = QPainter(target)
    page = Page(painter, QRectF(0, 0, page_w, page_h), options.page_mm())
    frame = layout_geometry(painter, QRectF(0, 0, page_w, page_h), options, context).map
    box = inset_box(page, frame, picture.image, context.label_boxes)
    painter.end()
    share = ((box.left() - frame.left()) / frame.width(), (box.top() - frame.top()) / frame.height(),
             (box.right() - frame.left()) / frame.width(), (box.bottom() - frame.top()) / frame.height())
    assert [b for b in picture.labels if _overlaps(b, share)] == []
