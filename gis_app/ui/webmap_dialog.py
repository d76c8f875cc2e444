"""File → Export web map…: the window's map, annotations and slides as one offline HTML file
(gis_app/render/webmap.py), its size said when it is written."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication

from gis_app.render.webmap import WebMapInput, write_webmap
from gis_app.ui.export import snapshot_state


def web_map_input(window) -> WebMapInput:
    """What the window shows now: layers, view, time filter, annotations, slides, title, styles."""
    document = window.document
    project = document.to_project()
    state = snapshot_state(window.catalog, document.map)
    annotations = document.annotations.to_list() if document.map.annotations_visible else []
    return WebMapInput(state=state, lang=window.lang, title=project.title, annotations=annotations,
                       slides=[s.to_dict() for s in project.slides],
                       style_overrides=dict(project.style_overrides),
                       evidence=dict(project.evidence or {}))  # the user's figures, sources and cites


def size_text(size: int) -> str:
    if size >= 100_000:
        return QCoreApplication.translate("WebMapExport", "{0} MB").format(f"{size / 1e6:.1f}")
    return QCoreApplication.translate("WebMapExport", "{0} KB").format(max(1, round(size / 1000)))


def export_web_map(window) -> Path | None:
    """Ask where, write the web map, say its size (or why it was not written)."""
    path = window.prompts.save_file("export", QCoreApplication.translate("WebMapExport", "Export web map"),
                                    "atlas-map.html",
                                    QCoreApplication.translate("WebMapExport", "Web page (*.html)"))
    if not path:
        return None
    path = Path(path)
    if path.suffix.lower() not in (".html", ".htm"):
        path = path.with_name(path.name + ".html")
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        size = write_webmap(path, window.catalog, web_map_input(window))
    except (OSError, ValueError) as exc:
        QApplication.restoreOverrideCursor()
        window.prompts.warn(QCoreApplication.translate("WebMapExport", "Web map not written"), str(exc))
        return None
    QApplication.restoreOverrideCursor()
    window.statusBar().showMessage(QCoreApplication.translate("WebMapExport", "Wrote {0} ({1})").format(
        path.name, size_text(size)), 8000)
    title = QCoreApplication.translate("WebMapExport", "Web map exported")
    text = QCoreApplication.translate(
        "WebMapExport",
        "{0} is written: {1}, one file with everything in it. It opens in any current browser, with "
        "no network, on a computer or a phone; put it on a course site or a USB stick.").format(
            path.name, size_text(size))
    from gis_app.ui import tile_scheme

    if tile_scheme.served.archive is not None:  # a tile archive is no part of one self-contained page
        text += " " + QCoreApplication.translate(
            "WebMapExport", "Your own basemap ({0}) is not in it: a tile archive cannot travel inside "
            "one page.").format(tile_scheme.served.archive.path.name)
    window.prompts.info(title, text)
    return path
