"""The one object the page may call: narrow slots that only turn page events into Qt signals."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot


class AtlasBridge(QObject):
    feature_clicked = Signal(str, str)          # layer id, feature id
    view_changed = Signal(float, float, float)  # lat, lon, zoom
    cursor_moved = Signal(float, float)         # lat, lon
    page_ready = Signal()
    layer_error = Signal(str, str)              # layer id, message
    annotation_changed = Signal(str)            # a new (no id) or moved annotation, GeoJSON text
    annotation_selected = Signal(str)           # annotation id, "" for none
    feature_drawn = Signal(str)                 # a shape digitised for a user layer, GeoJSON geometry

    # The page passes strings and numbers only; the slot signatures refuse anything else.
    @Slot(str, str)
    def featureClicked(self, layer_id: str, feature_id: str) -> None:  # noqa: N802 (JS name)
        self.feature_clicked.emit(layer_id[:200], feature_id[:200])

    @Slot(float, float, float)
    def viewChanged(self, lat: float, lon: float, zoom: float) -> None:  # noqa: N802
        self.view_changed.emit(lat, lon, zoom)

    @Slot(float, float)
    def cursorMoved(self, lat: float, lon: float) -> None:  # noqa: N802
        self.cursor_moved.emit(lat, lon)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802
        self.page_ready.emit()

    @Slot(str, str)
    def layerError(self, layer_id: str, message: str) -> None:  # noqa: N802
        self.layer_error.emit(layer_id[:200], message[:500])

    @Slot(str)
    def annotationChanged(self, feature_json: str) -> None:  # noqa: N802
        if len(feature_json) <= 1_000_000:  # checked again by core.annotations.normalise
            self.annotation_changed.emit(feature_json)

    @Slot(str)
    def annotationSelected(self, annotation_id: str) -> None:  # noqa: N802
        self.annotation_selected.emit(annotation_id[:64])

    @Slot(str)
    def featureDrawn(self, geometry_json: str) -> None:  # noqa: N802
        if len(geometry_json) <= 1_000_000:  # checked again by core.digitised.check_geometry
            self.feature_drawn.emit(geometry_json)
