"""The map: a QWebEngineView showing the atlas page, driven through atlas.js."""

from __future__ import annotations

import json
import logging
import time

import shiboken6
from PySide6.QtCore import QEvent, QEventLoop, QPoint, QTimer, QUrl, Signal
from PySide6.QtGui import QImage
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineSettings, QWebEngineUrlRequestInterceptor
from PySide6.QtWebEngineWidgets import QWebEngineView

from gis_app.core.catalog import USER_GROUP, Catalog
from gis_app.core.document import AtlasDocument
from gis_app.core.events import Change, Kind
from gis_app.core.figure_values import choropleth_values
from gis_app.core.map_state import MapState
from gis_app.render.page import page_url
from gis_app.ui import tile_scheme
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

    LOCAL = {"file", "qrc", "data", "blob", "about", "atlastiles"}  # the last: ui/tile_scheme.py

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
        name = source.split("#", 1)[0].split("?", 1)[0].rsplit("/", 1)[-1]  # not the state in the URL
        log.warning("page: %s (%s:%s)", message[:500], name, line)


class MapView(Retranslating, QWebEngineView):
    """The page adapter: the page shows a MapState (or a whole AtlasDocument) and reports what the
    user does. What changed in one event-loop turn goes as one `atlas.applyState(diff)`; the first
    paint takes the state from the URL through the same function; a page that reloads for any
    reason is rebuilt from the document, so nothing shown is lost."""

    # {lat, lon, zoom, layer, feature} under a right click, and where to open the menu
    context_menu_requested = Signal(dict, QPoint)
    files_dropped = Signal(list)  # local file paths dropped on the map (File → Add layer… takes them)


    def __init__(self, catalog: Catalog, source: MapState | AtlasDocument, lang: str = "en", parent=None):
        super().__init__(parent)
        self.document = source if isinstance(source, AtlasDocument) else None
        self.state = source.map if self.document is not None else source
        self.catalog, self.lang = catalog, (self.document.language if self.document else lang)
        self.bridge = AtlasBridge(self)
        self.ready = False
        self._shut_down = False
        self._pending: Change | None = None
        self._commands: dict = {}  # page commands sent with the next diff (a slide's flight)
        self._flush_queued = False
        self._own_load = False
        self._rebuild = False
        self.applied = 0  # applyState calls sent (scripts/bench.py: one per batch)
        self._user_sent: dict[str, str] = {}  # user layer id -> the config the page has (JSON)
        self.setPage(_Page(self))
        settings = self.page().settings()
        # Local files only: the page may read our GeoJSON, and nothing on a network.
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessFileUrls, True)
        settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
        self.guard = OfflineGuard(self)
        self.page().setUrlRequestInterceptor(self.guard)
        tile_scheme.install(self.page().profile())  # the user's basemap, served from Python
        self.channel = QWebChannel(self.page())
        self.channel.registerObject("atlasBridge", self.bridge)
        self.page().setWebChannel(self.channel)
        self.bridge.page_ready.connect(self._on_ready)
        self.page().loadStarted.connect(self._load_started)
        self.page().renderProcessTerminated.connect(self._renderer_gone)
        (self.document or self.state).subscribe(self._on_change)
        if self.document is None:  # no document to hold a selection: a click selects on the page
            self.bridge.feature_clicked.connect(
                lambda layer, feature: self.apply_state({"selection": {"layer": layer, "feature": feature}}))
        self.page_texts: dict[str, str] = {}
        self.setAcceptDrops(True)
        self.retranslate_ui()

    def load_atlas(self, extra: dict | None = None) -> None:
        self.ready = False
        self._pending = None  # the URL carries the state as it is now
        url = QUrl(page_url(self.catalog, self.state, self.lang, extra))
        # A new query each time: a URL differing only in its fragment would be a same-document
        # navigation, with no new page and so never "ready" (a reused export renderer).
        self._loads = getattr(self, "_loads", 0) + 1
        url.setQuery(f"load={self._loads}")
        self._own_load = True
        self.load(url)

    def _load_started(self) -> None:
        if not self._own_load:  # a reload we did not ask for: its URL holds an old state
            self.ready, self._rebuild = False, True
        self._own_load = False

    def _renderer_gone(self, *_args) -> None:
        if not self._shut_down:
            log.warning("the map page's renderer stopped; rebuilding the page from the document")
            QTimer.singleShot(0, self.load_atlas)

    def _on_ready(self) -> None:
        self.ready = True
        # What the URL cannot carry (texts, styles, annotations, the selection) and whatever changed
        # while the page loaded; after a reload we did not start, everything, the view included.
        full = self.full_state(view=self._rebuild)
        full.update(self._commands)
        self._rebuild, self._pending, self._commands = False, None, {}
        self.apply_state(full)

    def full_state(self, view: bool = True) -> dict:
        """Everything the page shows, as one applyState diff."""
        out = {**self.state.to_dict(), "lang": self.lang, "texts": self.page_texts}
        if not view:
            out.pop("view")
        self._user_sent = {}  # a new page has none of them (an export's map draws them too)
        out["user_layers"] = self.user_layer_diff()
        out["basemap"] = tile_scheme.page_config()
        doc = self.document
        if doc is not None:
            out["styles"] = {i: doc.style_overrides.get(i, {}) for i in self.catalog.ids()}
            out["annotations"] = {"all": doc.annotations.to_list()}
            out["selection"] = self._selection()
            out["figures"] = choropleth_values(self.catalog, doc.evidence)  # the user's figures
        return out

    def _selection(self, zoom: bool = False) -> dict | None:
        sel = self.document.selection if self.document else None
        return {"layer": sel.layer, "feature": sel.feature, "zoom": zoom} if sel else None

    # --- the document's changes -> one applyState per event-loop turn ---------------------------
    def _on_change(self, what: Change) -> None:
        self._pending = what if self._pending is None else self._pending.merge(what)
        self._queue_flush()

    def _queue_flush(self) -> None:
        if not self._flush_queued:
            self._flush_queued = True
            QTimer.singleShot(0, self._flush)

    def request_fly(self, bounds, animate: bool, seconds: float) -> None:
        """Fit [w, s, e, n] (flying if `animate`), in the same page call as the state's changes."""
        self._commands["fly"] = [*bounds, bool(animate), float(seconds)]
        self._queue_flush()

    def _flush(self) -> None:
        self._flush_queued = False
        if not self.ready:
            return  # the page takes everything when it is ready (_on_ready)
        what, self._pending = self._pending, None
        diff = self.diff(what) if what is not None else {}
        diff.update(self._commands)
        self._commands = {}
        if diff:
            self.apply_state(diff)

    def diff(self, what: Change) -> dict:
        """The part of the state that `what` changed, as applyState wants it."""
        state, doc, out = self.state, self.document, {}
        if Kind.VISIBLE in what or Kind.OPACITY in what:
            known = {s.id: s for s in state.layers}
            out["layers"] = {i: {"visible": known[i].visible, "opacity": known[i].opacity}
                             for i in what.layers if i in known}
        if Kind.ORDER in what:
            out["order"] = state.order()
        if Kind.TIME in what:
            out["time_range"] = list(state.time_range) if state.time_range else None
        if Kind.ANNOTATIONS_VISIBLE in what:
            out["annotations_visible"] = state.annotations_visible
        if Kind.VIEW in what and not what.from_page:
            out["view"] = {"lat": state.view.lat, "lon": state.view.lon, "zoom": state.view.zoom}
        if doc is not None:
            if Kind.USER_LAYERS in what:
                out["user_layers"] = self.user_layer_diff()
            if Kind.USER_FEATURES in what:
                rebuilt = {c["id"] for c in out.get("user_layers", {}).get("put", [])}
                ops = self.user_feature_ops(what.features, rebuilt)
                if ops:
                    out["user_features"] = ops
            if Kind.BASEMAP in what:  # ui/basemap_ui.py has served the document's archive by now
                out["basemap"] = tile_scheme.page_config()
                out["order"] = state.order()
            if Kind.LANGUAGE in what and doc.language != self.lang:
                self.lang = doc.language
                out["lang"] = self.lang
            if Kind.STYLES in what:
                out["styles"] = {i: doc.style_overrides.get(i, {}) for i in what.layers}
            if Kind.ANNOTATIONS in what:
                out["annotations"] = self._annotation_ops(what.annotations)
            if Kind.SELECTION in what:
                out["selection"] = self._selection(zoom=what.focus)
            if Kind.EVIDENCE in what:
                out["figures"] = choropleth_values(self.catalog, doc.evidence)
        return out

    def user_layer_diff(self) -> dict:
        """The user's layers the page must add, redraw (a new style or label) or drop, as the
        applyState key `user_layers` {put: [config], remove: [ids]} (atlas.js applyUserLayers)."""
        from gis_app.core.user_layers import BIG
        from gis_app.render.page import layer_config
        entries = self.document.user_layers if self.document else []
        counts = {e["id"]: int(e.get("count") or 0) for e in entries}
        now = {}
        for layer in self.catalog.layers:
            if layer.group == USER_GROUP:  # the shipped layers' config, and a canvas for a big one
                now[layer.id] = {**layer_config(layer), "canvas": counts.get(layer.id, 0) > BIG,
                                 "name_field": layer.name_field}
        put = [c for i, c in now.items() if self._user_sent.get(i) != json.dumps(c, sort_keys=True)]
        remove = [i for i in self._user_sent if i not in now]
        self._user_sent = {i: json.dumps(c, sort_keys=True) for i, c in now.items()}
        return {"put": put, "remove": remove}

    def user_feature_ops(self, ops: tuple, skip: set[str] = frozenset()) -> dict:
        """Single features of user layers to put on or take off the page, as the applyState key
        `user_features` {layer id: [["put", feature] | ["remove", feature id]]} (atlas.js
        applyUserFeatures): the last operation on each feature, its data as the document has it now.
        A layer the same diff rebuilds (`skip`) needs none."""
        last: dict[str, dict[str, str]] = {}
        for layer_id, op, fid in ops:
            if layer_id not in skip and layer_id in self._user_sent:
                last.setdefault(layer_id, {}).pop(fid, None)
                last[layer_id][fid] = op
        out = {}
        for layer_id, by_id in last.items():
            try:
                features = self.document.user_layer(layer_id)["data"]["features"]
            except (KeyError, TypeError):
                continue
            wanted = {fid for fid, op in by_id.items() if op == "put"}
            found = {}
            if wanted:
                for feature in reversed(features):  # new features are at the end
                    fid = str((feature.get("properties") or {}).get("id"))
                    if fid in wanted and fid not in found:
                        found[fid] = feature
                        if len(found) == len(wanted):
                            break
            out[layer_id] = [["put", found[fid]] if fid in found else ["remove", fid]
                             for fid in by_id]
        return out

    def _annotation_ops(self, ops: tuple) -> dict:
        items = self.document.annotations
        if any(op == "all" for op, _ in ops):
            return {"all": items.to_list()}
        out = []
        for op, ann_id in ops:
            if op == "remove":
                out.append(["remove", ann_id])
            elif ann_id in items:
                out.append(["put", items.get(ann_id), items.index(ann_id)])
        return {"ops": out}

    def apply_state(self, diff: dict) -> None:
        self.applied += 1
        self.call("applyState", diff)

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

    # --- language ---------------------------------------------------------------------------
    def set_lang(self, lang: str) -> None:
        """A map with no document: feature labels and popups in `lang` (fallback kk -> ru -> en)."""
        if lang != self.lang:
            self.lang = lang
            if self.ready:
                self.apply_state({"lang": lang})

    def retranslate_ui(self) -> None:
        """The page's own chrome: zoom button tooltips and the scale bar's units."""
        self.page_texts = {"zoomIn": self.tr("Zoom in"), "zoomOut": self.tr("Zoom out"),
                           "km": self.tr("km"), "m": self.tr("m")}
        if self.ready:
            self.apply_state({"texts": self.page_texts})

    # --- the map's own context menu, not Chromium's (no Back, Reload or page source) -------------
    def contextMenuEvent(self, event):  # noqa: N802
        event.accept()
        if not self.ready:
            return
        where = self.evaluate("contextAt", event.pos().x(), event.pos().y(), timeout_ms=1000)
        if isinstance(where, dict) and isinstance(where.get("lat"), int | float):
            self.context_menu_requested.emit(where, event.globalPos())

    # --- files dropped on the map: imported, never opened by the page -------------------------
    def childEvent(self, event):  # noqa: N802
        """Chromium's own widget takes drops (and would open a dropped file as a page): the drops
        on it come here instead."""
        super().childEvent(event)
        child = event.child()
        if event.added() and child.isWidgetType():
            child.installEventFilter(self)

    def eventFilter(self, watched, event):  # noqa: N802
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove, QEvent.Type.Drop) \
                and event.mimeData().hasUrls():
            return self._file_drop(event)
        return super().eventFilter(watched, event)

    def dragEnterEvent(self, event):  # noqa: N802
        if not (event.mimeData().hasUrls() and self._file_drop(event)):
            super().dragEnterEvent(event)

    def dropEvent(self, event):  # noqa: N802
        if not (event.mimeData().hasUrls() and self._file_drop(event)):
            super().dropEvent(event)

    def _file_drop(self, event) -> bool:
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if not paths:
            return False
        event.acceptProposedAction()
        if event.type() == QEvent.Type.Drop:
            self.files_dropped.emit(paths)
        return True

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
        return self.ready and self._user_layers_loaded(timeout_ms) and self._basemap_loaded(timeout_ms)

    def _basemap_loaded(self, timeout_ms: int) -> bool:
        """The basemap's tiles arrive after "ready" too: wait until the shown ones are in."""
        if tile_scheme.page_config() is None:
            return True
        end = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < end:
            if self.eval_js("atlas.basemapPending ? atlas.basemapPending() : 0", 2000) == 0:
                return True
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return False

    def _user_layers_loaded(self, timeout_ms: int) -> bool:
        """The user's shown layers arrive after "ready" (applyState): wait until their data is read,
        so an export or a snapshot prints them (a layer whose file cannot be read does not wait)."""
        if not any(layer.group == USER_GROUP for layer in self.catalog.layers):
            return True
        end = time.monotonic() + timeout_ms / 1000
        while time.monotonic() < end:
            if self.eval_js("atlas.userLayersPending ? atlas.userLayersPending() : 0", 2000) == 0:
                return True
            loop = QEventLoop()
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        return False

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
