"""The map's context menu (right click), drawn by Qt instead of Chromium's: copy the coordinates,
identify the feature there, add a figure about it, cite a source for it (and edit, move, reshape or
delete a feature of the user's own layer), zoom in there, add an annotation there. Nothing in it
reloads the page."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMenu

from gis_app.core.annotations import make
from gis_app.ui import i18n


def map_menu(window, where: dict) -> QMenu:
    """The menu for a right click at `where` ({lat, lon, zoom, layer, feature} from the page)."""
    lat, lon = float(where["lat"]), float(where["lon"])
    menu = QMenu(window)
    menu.setObjectName("mapMenu")
    text = f"{lat:.5f}, {lon:.5f}"
    where_text = i18n.format_lat_lon(lat, lon, window.lang)
    copy = menu.addAction(QCoreApplication.translate("MapMenu", "Copy coordinates ({0})").format(where_text))
    copy.setObjectName("copyCoordinates")
    copy.triggered.connect(lambda: QGuiApplication.clipboard().setText(text))
    layer, feature = where.get("layer"), where.get("feature")
    identify = menu.addAction(QCoreApplication.translate("MapMenu", "Identify"))
    identify.setObjectName("identify")
    identify.setEnabled(bool(layer and feature))
    if layer and feature:
        identify.triggered.connect(lambda: window.select_feature(str(layer), str(feature)))
    figure = menu.addAction(QCoreApplication.translate("MapMenu", "Add a figure about this…"))
    figure.setObjectName("addFigureHere")
    figure.setEnabled(bool(layer and feature) and hasattr(window, "evidence_ui"))
    if layer and feature and hasattr(window, "evidence_ui"):
        figure.triggered.connect(lambda: window.evidence_ui.add_figure(str(layer), str(feature)))
    zoom = menu.addAction(QCoreApplication.translate("MapMenu", "Zoom in here"))
    zoom.setObjectName("zoomHere")
    zoom.triggered.connect(lambda: window.map.call("zoomAt", lat, lon))
    if layer and feature and getattr(window, "digitise", None) is not None:
        _feature_entries(window, menu, str(layer), str(feature))
    menu.addSeparator()
    label = menu.addAction(QCoreApplication.translate("MapMenu", "Add a text label here…"))
    label.setObjectName("labelHere")
    label.triggered.connect(lambda: _annotate(window, "text", lat, lon))
    marker = menu.addAction(QCoreApplication.translate("MapMenu", "Add a marker here…"))
    marker.setObjectName("markerHere")
    marker.triggered.connect(lambda: _annotate(window, "marker", lat, lon))
    return menu


def _annotate(window, kind: str, lat: float, lon: float) -> str:
    """A label or marker at (lat, lon), asking for its text as the drawing tools do; one undo step."""
    tools = window.annotation_tools
    answer = tools.ask_text(kind, "", "")
    if answer is None or (kind == "text" and not answer[0].strip()):
        return ""
    item = make(kind, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]},
                **{**window.annotation_toolbar.style(), "text": answer[0], "note": answer[1]})
    ann_id = tools.add(item)
    tools.select(ann_id)
    return ann_id


def _feature_entries(window, menu: QMenu, layer: str, feature: str) -> None:
    """Cite a source for the feature under the click; a feature of a user layer: edit,
    move or reshape, delete."""
    tools = window.digitise
    cite = menu.addAction(QCoreApplication.translate("MapMenu", "Cite source…"))
    cite.setObjectName("citeSource")
    cite.triggered.connect(lambda: tools.cite(layer, feature))
    if not tools.is_digitisable(layer):
        return
    for name, text, handler in (
            ("editFeature", QCoreApplication.translate("MapMenu", "Edit feature…"), tools.edit_feature),
            ("reshapeFeature", QCoreApplication.translate("MapMenu", "Move or reshape feature"),
             tools.reshape),
            ("deleteFeature", QCoreApplication.translate("MapMenu", "Delete feature"), tools.delete_feature)):
        action = menu.addAction(text)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False, h=handler: h(layer, feature))
