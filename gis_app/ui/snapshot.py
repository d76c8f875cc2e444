"""Headless rendering of the map to an image, waiting until the page has really painted."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QImage

from gis_app.core import atomic
from gis_app.core.catalog import Catalog
from gis_app.core.map_state import MapState


def render_map(catalog: Catalog, state: MapState, width: int, height: int, lang: str = "en",
               timeout_ms: int = 30000) -> QImage:
    """The map at width x height CSS pixels, as the window would show it. Needs a QApplication."""
    from gis_app.ui.map_view import MapView

    view = MapView(catalog, state, lang)
    try:
        view.resize(width, height)
        view.show()
        view.load_atlas()
        if not view.wait_ready(timeout_ms):
            raise TimeoutError(f"the map page did not finish drawing within {timeout_ms / 1000:.0f} s")
        return view.stable_grab()
    finally:
        view.shutdown()
        view.deleteLater()


def save_snapshot(out: Path, width: int, height: int, catalog: Catalog, lang: str = "en") -> QImage:
    image = render_map(catalog, MapState(catalog), width, height, lang)
    out.parent.mkdir(parents=True, exist_ok=True)
    with atomic.replacing(out) as tmp:  # whole or not at all; OutputError if the write fails
        if not image.save(str(tmp), "PNG"):
            raise atomic.OutputError(f"could not write {out}")
    return image
