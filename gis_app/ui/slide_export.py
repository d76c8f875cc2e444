"""Export every slide: one PDF page each, or numbered PNGs, each the map with its caption.

A simple composition (map grab + caption band + counter) kept in its own module so that the
export layout of the export issue (title, legend, scale bar, citations) can replace
`compose_slide` without touching the rest. The map is grabbed at the window's map size.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QMarginsF, QRect, QRectF, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter

from gis_app.core.project import Slide
from gis_app.ui.grab import stable_grab


def _wait(ms: int) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def _arrived(window, slide: Slide) -> bool:
    """The page shows the slide: its layers (those drawn at this zoom) are on the map and the
    view covers the slide's extent."""
    state = window.map.evaluate("state")
    if not state:
        return False
    want = {i for i in slide.visible
            if i in window.catalog.ids() and window.catalog.layer(i).min_zoom <= state["zoom"]}
    if set(state["onMap"]) != want:
        return False
    if not slide.bounds:
        return True
    w, s, e, n = state["bounds"]
    sw, ss, se, sn = slide.bounds
    tx, ty = (se - sw) * 0.02, (sn - ss) * 0.02
    return w <= sw + tx and s <= ss + ty and e >= se - tx and n >= sn - ty


def grab_slide(window, index: int, timeout_s: float = 15.0) -> QImage:
    """Put slide `index` on the map (no animation), wait until it is there and painted, grab."""
    slide = window.project.slides.slides[index]
    window.project.go_to_slide(index, animate=False)
    deadline = time.monotonic() + timeout_s
    while not _arrived(window, slide) and time.monotonic() < deadline:
        _wait(100)
    return stable_grab(window.map, timeout_ms=int(timeout_s * 1000))


def compose_slide(map_image: QImage, caption: str, counter: str, size: QSize | None = None) -> QImage:
    """The map with the caption in a dark band over its foot and the counter top right."""
    image = map_image.convertToFormat(QImage.Format.Format_RGB32)
    if size is not None:
        image = image.scaled(size, Qt.AspectRatioMode.KeepAspectRatio,
                             Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    w, h = image.width(), image.height()
    font = QFont()
    font.setBold(True)
    font.setPixelSize(max(14, h // 26))
    painter.setFont(font)
    if caption:
        box = QRect(int(w * 0.06), 0, int(w * 0.88), h)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
        text_rect = painter.boundingRect(box.adjusted(24, 0, -24, 0), flags, caption)
        band_height = text_rect.height() + 28
        band = QRect(box.left(), h - band_height - int(h * 0.05), box.width(), band_height)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(20, 20, 20, 180))
        painter.drawRoundedRect(band, 8, 8)
        painter.setPen(QColor("white"))
        painter.drawText(band.adjusted(24, 14, -24, -14), flags, caption)
    small = QFont(font)
    small.setBold(False)
    small.setPixelSize(max(11, h // 50))
    painter.setFont(small)
    counter_rect = painter.boundingRect(QRect(0, 0, w, h), 0, counter).adjusted(-10, -4, 10, 4)
    counter_rect.moveTopRight(QRect(0, 0, w - 16, h).topRight() + QRect(0, 16, 0, 0).topLeft())
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(20, 20, 20, 160))
    painter.drawRoundedRect(counter_rect, 4, 4)
    painter.setPen(QColor("white"))
    painter.drawText(counter_rect, Qt.AlignmentFlag.AlignCenter, counter)
    painter.end()
    return image


def _each_slide(window):
    """(index, composed image) for every slide; the map is put back as it was afterwards."""
    project, lang = window.project, window.lang
    before, bounds = window.state.to_dict(), window.map.evaluate("bounds")
    slides = project.slides.slides
    try:
        for i, slide in enumerate(slides):
            yield i, compose_slide(grab_slide(window, i), slide.caption_in(lang), f"{i + 1} / {len(slides)}")
    finally:
        project._applying = True
        try:
            window.state.apply(before)
        finally:
            project._applying = False
        if bounds:
            window.map.call("flyToBounds", *bounds, False)


def export_pngs(window, folder: str | Path, stem: str = "slide") -> list[Path]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for i, image in _each_slide(window):
        target = folder / f"{stem}-{i + 1:02d}.png"
        if not image.save(str(target)):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def export_pdf(window, path: str | Path) -> int:
    """One landscape A4 page per slide, the composed slide centred; returns the page count."""
    writer = QPdfWriter(str(path))
    writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Landscape,
                                     QMarginsF(10, 10, 10, 10), QPageLayout.Unit.Millimeter))
    writer.setResolution(150)
    writer.setTitle(window.project.current_project().title_in(window.lang) or "Atlas slides")
    writer.setCreator("Central Asia Security Atlas")
    painter = QPainter()
    pages = 0
    for _index, image in _each_slide(window):
        if pages == 0:
            if not painter.begin(writer):
                raise OSError(f"could not write {path}")
        else:
            writer.newPage()
        area = QRectF(painter.viewport())
        scaled = image.size().scaled(area.size().toSize(), Qt.AspectRatioMode.KeepAspectRatio)
        target = QRectF(area.left() + (area.width() - scaled.width()) / 2,
                        area.top() + (area.height() - scaled.height()) / 2, scaled.width(), scaled.height())
        painter.drawImage(target, image)
        pages += 1
    if painter.isActive():
        painter.end()
    return pages
