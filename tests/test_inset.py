"""The export's locator inset goes to the left corner of the map that hides the least of it
(issue 19: it covered the Fergana enclaves)."""

from __future__ import annotations

import random

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from gis_app.render.drawing import Page
from gis_app.render.inset import inset_box


def _map(busy_bottom: bool) -> QImage:
    """A plain map picture with a crowded quarter (many small coloured marks) at the bottom or top left."""
    image = QImage(1000, 700, QImage.Format.Format_RGB32)
    image.fill(QColor("#f2efe9"))
    painter = QPainter(image)
    rng = random.Random(7)
    top = 420 if busy_bottom else 0
    for _ in range(1500):
        painter.fillRect(rng.randrange(0, 350), top + rng.randrange(0, 280), 6, 6,
                         QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256)))
    painter.end()
    return image


def _box(image: QImage) -> str:
    target = QImage(1000, 700, QImage.Format.Format_RGB32)
    painter = QPainter(target)
    frame = QRectF(0, 0, 1000, 700)
    box = inset_box(Page(painter, frame, (297.0, 208.0)), frame, image)
    painter.end()
    return "top" if box.center().y() < 350 else "bottom"


def test_the_inset_avoids_the_crowded_corner(qapp):
    assert _box(_map(busy_bottom=True)) == "top"
    assert _box(_map(busy_bottom=False)) == "bottom"


def test_with_no_picture_the_inset_keeps_its_usual_place(qapp):
    target = QImage(1000, 700, QImage.Format.Format_RGB32)
    painter = QPainter(target)
    frame = QRectF(0, 0, 1000, 700)
    box = inset_box(Page(painter, frame, (297.0, 208.0)), frame, None)
    painter.end()
    assert box.center().y() > 350


def test_the_inset_never_moves_over_a_placed_label(qapp):
    """The page kept its labels out of the bottom-left corner (the declared obstacle); the top-left
    may hold some: then the inset stays at the bottom even where the top looks emptier."""
    target = QImage(1000, 700, QImage.Format.Format_RGB32)
    painter = QPainter(target)
    frame = QRectF(0, 0, 1000, 700)
    page = Page(painter, frame, (297.0, 208.0))
    image = _map(busy_bottom=True)
    assert inset_box(page, frame, image, labels=[(0.6, 0.1, 0.8, 0.14)]).center().y() < 350  # clear
    box = inset_box(page, frame, image, labels=[(0.05, 0.06, 0.15, 0.1)])   # "Tashkent" up there
    painter.end()
    assert box.center().y() > 350
