"""Small geodesy for the status bar and the scale bar (Web Mercator, as Leaflet draws)."""

from __future__ import annotations

import math

EARTH_CIRCUMFERENCE_M = 40_075_016.686
METRES_PER_INCH = 0.0254


def metres_per_pixel(lat: float, zoom: float) -> float:
    """Ground size of one CSS pixel at latitude `lat` and Leaflet zoom `zoom` (256-px tiles)."""
    return EARTH_CIRCUMFERENCE_M * math.cos(math.radians(lat)) / 2 ** (zoom + 8)


def scale_denominator(lat: float, zoom: float, dpi: float = 96.0) -> float:
    """The N of a 1:N scale on a screen of `dpi` CSS pixels per inch."""
    return metres_per_pixel(lat, zoom) * dpi / METRES_PER_INCH


def round_scale(denominator: float) -> int:
    """A readable scale denominator: two significant figures (1:4 700 000, not 1:4 716 533)."""
    if denominator <= 0:
        return 0
    magnitude = 10 ** max(0, int(math.log10(denominator)) - 1)
    return int(round(denominator / magnitude) * magnitude)
