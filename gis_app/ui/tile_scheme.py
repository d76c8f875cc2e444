"""The user's basemap served to the map page from Python: `atlastiles://basemap/{z}/{x}/{y}?v=N`.

A file URL cannot do range reads into an archive, so a QWebEngineUrlSchemeHandler answers each tile
request from the open archive (core/tile_archive.py). The scheme must be registered before the
QApplication exists (`register_scheme`, called by qt_env.prepare); the handler is installed on a
page's profile when a map view is made (`install`). The scheme is local (only pages of this app
reach it) and the offline guard lets it through.

Which archive is served is set by the window from the document (`serve`): one for the process, so
the window's map, the export's offscreen page and the slides' all show the same basemap. `v`
changes with every archive, so a page never shows a cached tile of the previous one.

Vector tiles are unpacked (gzip) and checked in Python (core/mvt.py) before the page sees them, so
the page's renderer (resources/web/basemap_vector.js) is only ever given plain, well-formed MVT; a
damaged or missing vector tile is answered with an empty tile (the renderer fetches by script, and
a failed request would leave it waiting), and `TileHandler.broken` tells the window of damaged ones.
"""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Signal
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

from gis_app.core.tile_archive import TileArchive

log = logging.getLogger(__name__)

SCHEME = b"atlastiles"
HOST = "basemap"
_PATH = re.compile(r"^/(\d{1,2})/(\d{1,8})/(\d{1,8})$")


class _Served:
    archive: TileArchive | None = None
    opacity: float = 1.0
    visible: bool = True
    version: int = 0


served = _Served()
_handler: TileHandler | None = None
_profiles: set[int] = set()


def register_scheme() -> None:
    """Declare the scheme to QtWebEngine (before the QApplication; once)."""
    if QWebEngineUrlScheme.schemeByName(QByteArray(SCHEME)).name() == QByteArray(SCHEME):
        return
    scheme = QWebEngineUrlScheme(QByteArray(SCHEME))
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    flags = QWebEngineUrlScheme.Flag
    scheme.setFlags(flags.SecureScheme | flags.LocalScheme | flags.LocalAccessAllowed | flags.CorsEnabled
                    | flags.FetchApiAllowed)
    QWebEngineUrlScheme.registerScheme(scheme)


class TileHandler(QWebEngineUrlSchemeHandler):
    """Answers atlastiles://basemap/z/x/y with the served archive's tile (404 where it has none)."""

    broken = Signal(int)  # a damaged vector tile was refused; the archive's count so far

    def __init__(self, parent=None):
        super().__init__(parent)
        self.served = 0  # tiles answered (tests, benchmark)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802
        url = job.requestUrl()
        m = _PATH.match(url.path())
        archive = served.archive
        if url.host() != HOST or m is None or archive is None or bytes(job.requestMethod()) != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        before = archive.broken
        data = archive.tile(*(int(v) for v in m.groups()))
        if archive.broken != before:
            log.warning("%s: a damaged vector tile %s left blank", archive.path.name, url.path())
            self.broken.emit(archive.broken)
        if data is None and archive.vector:
            # A vector tile is fetched by script, and a failed job leaves fetch() waiting for ever
            # (QtWebEngine 6.11): no tile is an empty tile, which draws nothing.
            data = b""
        if data is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        buffer = QBuffer(job)  # lives as long as the request
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.served += 1
        job.reply(QByteArray(archive.mime.encode()), buffer)


def install(profile) -> None:
    """Serve the scheme in `profile` (a page's; once per profile)."""
    if id(profile) in _profiles or profile.urlSchemeHandler(QByteArray(SCHEME)) is not None:
        _profiles.add(id(profile))
        return
    profile.installUrlSchemeHandler(QByteArray(SCHEME), ensure_handler())
    _profiles.add(id(profile))


def handler() -> TileHandler | None:
    return _handler


def ensure_handler() -> TileHandler:
    """The process's one handler (made on first use), e.g. to follow its `broken` signal."""
    global _handler
    if _handler is None:
        _handler = TileHandler()
    return _handler


def serve(archive: TileArchive | None, opacity: float = 1.0, visible: bool = True) -> None:
    """Serve `archive` from now on (None: no basemap); the previous one is closed."""
    if served.archive is not None and served.archive is not archive:
        served.archive.close()
    if archive is not served.archive:
        served.version += 1
    served.archive, served.opacity, served.visible = archive, float(opacity), bool(visible)


def page_config() -> dict | None:
    """The applyState key `basemap` (resources/web/basemap.js): what the page draws, or None."""
    archive = served.archive
    if archive is None:
        return None
    return {"url": f"atlastiles://{HOST}/{{z}}/{{x}}/{{y}}?v={served.version}",
            "opacity": served.opacity, "visible": served.visible,
            "minzoom": archive.minzoom, "maxzoom": archive.maxzoom,
            "bounds": list(archive.bounds) if archive.bounds else None,
            # vector tiles: drawn by basemap_vector.js in a default style for the recognised schema
            **({"vector": {"schema": archive.schema, "layers": list(archive.layers[:200])}}
               if archive.vector else {})}


def credit() -> str:
    """The archive's attribution (plain text) while it is shown, for the export's credits."""
    archive = served.archive
    return archive.attribution if archive is not None and served.visible else ""
