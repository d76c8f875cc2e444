"""Grabbing the map widget once it has really painted, and telling a blank grab from a map."""

from __future__ import annotations

import time

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget


def stable_grab(widget: QWidget, quiet_ms: int = 300, interval_ms: int = 50,
                timeout_ms: int = 10000) -> QImage:
    """Grab until the picture has not changed for `quiet_ms`.

    Neither loadFinished nor the page's own "painted" flag (fonts + two animation frames) means the
    compositor has delivered that frame: on a busy machine a layer can arrive hundreds of ms later,
    so two equal grabs a frame apart prove nothing. A quiet period does, up to `timeout_ms`."""
    start = last_change = time.monotonic()
    image = widget.grab().toImage()
    while (time.monotonic() - last_change) * 1000 < quiet_ms:
        if (time.monotonic() - start) * 1000 > timeout_ms:
            break
        loop = QEventLoop()
        QTimer.singleShot(interval_ms, loop.quit)
        loop.exec()
        current = widget.grab().toImage()
        if current != image:
            image, last_change = current, time.monotonic()
    return image


def distinct_colours(image: QImage, step: int = 4, limit: int = 4096) -> int:
    """How many colours a sample of the image has: a blank or flat grab has one or two."""
    seen: set[int] = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) >= limit:
                return len(seen)
    return len(seen)


def colour_share(image: QImage, rgb: str, tolerance: int = 6, step: int = 4) -> float:
    """The share of sampled pixels within `tolerance` of the colour `rgb` ("#rrggbb")."""
    target = [int(rgb[i:i + 2], 16) for i in (1, 3, 5)]
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            c = image.pixelColor(x, y)
            total += 1
            hits += all(abs(a - b) <= tolerance for a, b in zip((c.red(), c.green(), c.blue()), target,
                                                                  strict=True))
    return hits / max(1, total)
