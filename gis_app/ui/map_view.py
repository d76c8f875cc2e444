"""The map: a QWebEngineView showing the atlas page, driven through atlas.js."""

from __future__ import annotations

import json
import logging

import shiboken6
from PySide6.QtCore import QEventLoop, QTimer, QUrl
from PySide6.QtGui import QImage
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis_app.core.catalog import Catalog
from gis_app.core.map_state import MapState
from gis_app.render.page import page_url
from gis_app.ui.bridge import AtlasBridge
from gis_app.ui.grab import stable_grab
from gis_app.ui.i18n import Retranslating

log = logging.getLogger(__name__)


def _loads(text):
    try:
        return json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return None


class OfflineGuard(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not for a local file or a Qt resource: the atlas is offline,
    and data that smuggles in a remote URL must not make it call out."""

    LOCAL = {"file", "qrc", "data", "blob", "about"}

    def __init__(self, parent=None):
        super().__init__(parent)
        self.blocked: list[str] = []

    def interceptRequest(self, info):  # noqa: N802
        url = info.requestUrl()
        if url.scheme() not in self.LOCAL:
            info.block(True)
            self.blocked.append(url.toString()[:200])
            log.warning("blocked a non-local request: %s", url.toString()[:200])


class _Page(QWebEnginePage):
    """Keeps the user inside the atlas: no navigation away from the page (links open nothing)."""

    def acceptNavigationRequest(self, url, nav_type, is_main_frame):  # noqa: N802
        return nav_type != QWebEnginePage.NavigationType.NavigationTypeLinkClicked

    def javaScriptConsoleMessage(self, level, message, line, source):  # noqa: N802
        log.warning("page: %s (%s:%s)", message, source.rsplit("/", 1)[-1], line)


class MapView(Retranslating, QWebEngineView):
    def __init__(self, catalog: Catalog, state: MapState, lang: str = "en", parent=None):
        super().__init__(parent)
        self.catalog, self.state, self.lang = catalog, state, lang
        self.bridge = AtlasBridge(self)
        self.ready = False
        self.annotations = None  # a core.annotations.Annotations, once attached
        self._shut_down = False
        self.setPage(_Page(self))
        settings = self.page().settings()
        # Local files only: the page may read our GeoJSON, and nothing on a network.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        self.guard = OfflineGuard(self)
        self.page().setUrlRequestInterceptor(self.guard)
        self.channel = QWebChannel(self.page())
        self.channel.registerObject("atlasBridge", self.bridge)
        self.page().setWebChannel(self.channel)
        self.bridge.page_ready.connect(self._on_ready)
        state.subscribe(self._on_state_changed)
        self.page_texts: dict[str, str] = {}
        self.retranslate_ui()

    def load_atlas(self, extra: dict | None = None) -> None:
        self.ready = False
        url = QUrl(page_url(self.catalog, self.state, self.lang, extra))
        # A new query each time: a URL differing only in its fragment would be a same-document
        # navigation, with no new page and so never "ready" (a reused export renderer).
        self._loads = getattr(self, "_loads", 0) + 1
        url.setQuery(f"load={self._loads}")
        self._loaded_state = self._page_part()
        self.load(url)

    def _on_ready(self) -> None:
        self.ready = True
        self.call("setTexts", self.page_texts)
        # The page started from the state in its URL; changes made while it loaded catch up now
        # (only then: re-sending an unchanged state would redraw a map that is already right).
        if self._page_part() != getattr(self, "_loaded_state", None):
            self._push_state(view=False)

    def _page_part(self) -> dict:
        """The state the page shows, but the view (which the page itself reports while loading)."""
        return {k: v for k, v in self.state.to_dict().items() if k != "view"}
        if self.annotations is not None or not self.state.annotations_visible:
            self._push_annotations()

    def attach_annotations(self, annotations) -> None:
        """Draw these annotations (core.annotations.Annotations) and follow their changes."""
        self.annotations = annotations
        annotations.subscribe(lambda _what, _id: self._push_annotations())
        self._push_annotations()

    def _push_annotations(self) -> None:
        if self.ready and not self._shut_down:
            self.call("setAnnotationsVisible", self.state.annotations_visible)
            if self.annotations is not None:
                self.call("setAnnotations", self.annotations.to_list())

    # --- Python -> page -------------------------------------------------------------------
    def call(self, function: str, *args) -> None:
        """Run atlas.<function>(args) in the page; arguments go as JSON, never as code."""
        if self._shut_down:  # asking for the page now would make a new one (e.g. a late LanguageChange)
            return
        self.page().runJavaScript(f"window.atlas && atlas.{function}(...{json.dumps(list(args))})")

    def evaluate(self, function: str, *args, timeout_ms: int = 5000):
        """Call atlas.<function> and wait for its (plain) result. For tests, CLI and benchmarks."""
        return self.eval_js(f"window.atlas && atlas.{function}(...{json.dumps(list(args))})", timeout_ms)

    def eval_js(self, expression: str, timeout_ms: int = 5000):
        """Evaluate one of our own JS expressions in the page and wait for its value."""
        loop, box = QEventLoop(), {}

        def done(text):
            box["value"] = _loads(text)
            loop.quit()

        # Objects do not cross runJavaScript (they arrive empty): send them as JSON text.
        self.page().runJavaScript(f"JSON.stringify(({expression}) ?? null)", 0, done)
        QTimer.singleShot(timeout_ms, loop.quit)
        if "value" not in box:
            loop.exec()
        return box.get("value")

    def _on_state_changed(self, what: str, layer_id: str) -> None:
        if not self.ready and what != "all":
            return  # the page takes the whole state from its URL when it loads
        if what == "visible":
            self.call("setVisible", layer_id, self.state.get(layer_id).visible)
        elif what == "opacity":
            self.call("setOpacity", layer_id, self.state.get(layer_id).opacity)
        elif what == "order":
            self.call("setOrder", self.state.order())
        elif what == "time":
            self.call("setTimeRange", *(self.state.time_range or (None, None)))
        elif what == "annotations":
            self.call("setAnnotationsVisible", self.state.annotations_visible)
        elif what == "all":
            self._push_state(view=True)

    def _push_state(self, view: bool) -> None:
        """The whole MapState to the page."""
        self.call("setAnnotationsVisible", self.state.annotations_visible)
        for s in self.state.layers:
            self.call("setVisible", s.id, s.visible)
            self.call("setOpacity", s.id, s.opacity)
        self.call("setOrder", self.state.order())
        self.call("setTimeRange", *(self.state.time_range or (None, None)))
        if view:
            v = self.state.view
            self.call("setView", v.lat, v.lon, v.zoom)

    # --- language ---------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        """Feature labels and popups in `lang` (fallback kk -> ru -> en), without reloading."""
        self.lang = lang
        self.call("setLang", lang)


    def retranslate_ui(self) -> None:
        """The page's own chrome: zoom button tooltips and the scale bar's units."""
        self.page_texts = {"zoomIn": self.tr("Zoom in"), "zoomOut": self.tr("Zoom out"),
                           "km": self.tr("km"), "m": self.tr("m")}
        if self.ready:
            self.call("setTexts", self.page_texts)

    # --- waiting and grabbing ---------------------------------------------------------------
    def wait_ready(self, timeout_ms: int = 20000) -> bool:
        """Wait until the page says the map is painted (not merely loaded)."""
        if self.ready:
            return True
        loop = QEventLoop()
        self.bridge.page_ready.connect(loop.quit)
        QTimer.singleShot(timeout_ms, loop.quit)
        loop.exec()
        self.bridge.page_ready.disconnect(loop.quit)
        return self.ready

    def stable_grab(self) -> QImage:
        return stable_grab(self)

    def closeEvent(self, event):  # noqa: N802
        if self._shut_down:  # QWebEngineView's own handler would ask for (so make) a new page
            event.accept()
            return
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Delete the page before the view, or Qt warns that the profile is released too early."""
        if self._shut_down:
            return  # asking for the page again would make a new one
        self._shut_down = True
        self.close()  # hiding a view asks for its page, which would make a new one after ours went
        page = self.page()
        if page is not None and shiboken6.isValid(page):
            shiboken6.delete(page)  # now, not later: the profile may go before a later event loop
