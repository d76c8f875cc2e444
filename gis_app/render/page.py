"""The map page: folium builds it once with every asset local; atlas.js does the rest.

The page depends only on the catalog (and the assets), not on what is visible or where the view
is: that state travels in the URL fragment and then as atlas.applyState diffs (ui/map_view.py).
So the HTML is cached under a hash of its inputs, and a start-up with an unchanged catalog neither
imports folium (0.4 s) nor writes.
"""

from __future__ import annotations

import hashlib
import html
import importlib.util
import json
import urllib.parse
from pathlib import Path

from gis_app.core import paths, safe_io
from gis_app.core.catalog import Catalog, LayerDef
from gis_app.core.features import DataError, read_feature_collection
from gis_app.core.map_state import MapState
from gis_app.core.values import country_names

QWEBCHANNEL_JS = "qrc:///qtwebchannel/qwebchannel.js"  # served by QtWebEngine itself


def _country_names(catalog: Catalog | None) -> dict:
    """{ISO3: {"en", "ru", "kk"}} for popup fields that show a country code as a name. Kept in the
    cache under the countries file's size and time: reading the world's countries takes 0.15 s,
    and every start-up needs these names to find its cached page."""
    if catalog is None:
        return {}
    try:
        source = catalog.layer("countries").data
        stat = source.stat()
    except (KeyError, OSError):
        return {}
    key = hashlib.sha256(f"{source}|{stat.st_size}|{stat.st_mtime_ns}".encode()).hexdigest()[:16]
    cache = paths.cache_dir() / "names" / f"countries-{key}.json"
    try:
        return safe_io.load_json(cache, 1 << 20).value
    except (ValueError, OSError):  # not cached yet (or unreadable): read the layer
        pass
    try:
        names = country_names(read_feature_collection(source))
    except DataError:
        return {}
    try:
        paths.write_cache_file(cache, json.dumps(names, ensure_ascii=False))
    except OSError:
        pass  # a full disk costs the cache, not the page
    return names


def _popup_entry(p, countries: dict) -> dict:
    entry = {"field": p.field, "label": p.label, "shows": p.shows}
    if p.shows == "country":
        entry["names"] = countries
    return entry


def layer_config(layer: LayerDef, countries: dict | None = None) -> dict:
    return {
        "id": layer.id,
        "url": layer.data.as_uri(),
        "geometry": layer.geometry,
        "title": layer.title,
        "style": layer.style,
        "popup": [_popup_entry(p, countries or {}) for p in layer.popup],
        "visible": layer.visible,
        "interactive": layer.interactive,
        "label_field": layer.label_field,
        "min_zoom": layer.min_zoom,
        "attribution": list(layer.attribution),
        "time_field": layer.time_field,
        "time_end_field": layer.time_end_field,
    }


def page_config(catalog: Catalog) -> dict:
    countries = _country_names(catalog) if any(p.shows == "country" for layer in catalog.layers
                                               for p in layer.popup) else {}
    # The user's layers reach the page through applyState (ui/map_view.py), not the cached page.
    return {"layers": [layer_config(catalog.layer(i), countries) for i in catalog.default_order()
                       if not catalog.is_user(i)],
            **names_and_relief()}


LABELS = "shapefiles/basemap/labels.geojson"       # scripts/build_labels.py
RELIEF = ("relief/world.jpg", "relief/central-asia.webp")   # scripts/build_relief.py, drawn in turn
RELIEF_TYPES = {".jpg": "image/jpeg", ".webp": "image/webp"}


def relief_images() -> list[tuple[Path, list[float]]]:
    """The relief images that exist, each with its [west, south, east, north] (scripts/build_relief.py)."""
    images = []
    for rel in RELIEF:
        image = paths.web_dir() / rel
        meta = image.with_suffix(".json")
        if not (image.is_file() and meta.is_file()):
            continue
        try:
            bounds = [float(v) for v in json.loads(safe_io.read_text(meta, 4096))["bounds"]]
        except (ValueError, KeyError, TypeError, OSError):
            continue
        if len(bounds) == 4:
            images.append((image, bounds))
    return images


def names_and_relief() -> dict:
    """Where the names (countries, provinces, waters, enclaves) and the relief images are, for
    labels.js and relief.js; each left out when its file is missing (the page then shows neither)."""
    out: dict = {}
    labels = paths.root() / LABELS
    if labels.is_file():
        out["labels"] = {"url": labels.as_uri()}
    images = [{"url": image.as_uri(), "bounds": bounds} for image, bounds in relief_images()]
    if images:
        out["relief"] = images
    return out


def _asset(rel: str) -> str:
    return (paths.web_dir() / rel).as_uri()


def render_html(config: dict) -> str:
    """The page's HTML, by folium, with Leaflet and our scripts from local files only."""
    import folium  # only on a cache miss: importing folium costs ~0.4 s
    from branca.element import Element

    from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM

    fmap = folium.Map(location=list(DEFAULT_CENTER), zoom_start=DEFAULT_ZOOM, tiles=None,
                      control_scale=True, zoom_snap=0.25, zoom_delta=0.5, world_copy_jump=False,
                      # 3D transforms make every pane its own compositor layer, rasterised on its
                      # own schedule: a grab could then show the page "ready" with a layer missing.
                      disable_3d=True)
    # Per instance, not folium's module lists, which would change every later map.
    fmap.default_js = [("leaflet", _asset("vendor/leaflet/leaflet.js")),
                       ("qwebchannel", QWEBCHANNEL_JS),
                       ("atlas", _asset("atlas.js")),
                       ("labels", _asset("labels.js")),
                       ("relief", _asset("relief.js")),
                       ("basemap", _asset("basemap.js")),  # the user's tile archive (ui/tile_scheme.py)
                       ("annotations", _asset("annotations.js")),
                       ("digitise", _asset("digitise.js"))]
    fmap.default_css = [("leaflet_css", _asset("vendor/leaflet/leaflet.css")),
                        ("atlas_css", _asset("atlas.css"))]

    fmap.add_child(init_call("atlas.init", config))
    # early.js before every other script: it starts reading the relief while they load and run
    images = html.escape(json.dumps([r["url"] for r in config.get("relief", [])]), quote=True)
    fmap.get_root().header.add_child(Element(
        f'<script src="{html.escape(_asset("early.js"), quote=True)}" data-images="{images}"></script>'),
        name="atlas_early", index=0)
    return fmap.get_root().render()


def script_json(value) -> str:
    """JSON safe inside a <script>: no text can close it or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def init_call(function: str, payload):
    """A child of a folium map that calls `function(map, payload)` once L.map(...) has made the
    map (the atlas page's atlas.init, the web map's webmap.init); the payload as script-safe JSON."""
    from branca.element import MacroElement
    from jinja2 import Template

    class Init(MacroElement):
        _template = Template("{% macro script(this, kwargs) %}" + function
                             + "({{ this._parent.get_name() }}, {{ this.payload }});{% endmacro %}")

        def __init__(self):
            super().__init__()
            self._name = "Init"
            self.payload = script_json(payload)

    return Init()


def _folium_version() -> str:
    """folium's installed version, from its dist-info folder name: importlib.metadata would add
    ~70 ms to every start-up, importing folium ~400 ms."""
    spec = importlib.util.find_spec("folium")
    site = Path(spec.origin).parent.parent if spec and spec.origin else None
    infos = sorted(p.name for p in site.glob("folium-*.dist-info")) if site else []
    return infos[-1] if infos else "unknown"


def page_path(catalog: Catalog) -> Path:
    """The cached page for this catalog, built if missing."""
    config = page_config(catalog)
    key = hashlib.sha256(json.dumps(
        # This module's own source stands for the template: no version number to forget to bump
        # (two branches bumping it to the same number once served a stale page).
        [Path(__file__).read_bytes().decode(), _folium_version(), str(paths.web_dir()), config],
        sort_keys=True, ensure_ascii=False).encode()).hexdigest()[:16]
    target = paths.cache_dir() / "page" / f"atlas-{key}.html"
    if not target.exists():
        paths.write_cache_file(target, render_html(config))
    return target


def page_url(catalog: Catalog, state: MapState | None = None, lang: str = "en",
             extra: dict | None = None) -> str:
    """The page's file URL, with the first state in its fragment: MapState.to_dict() and `extra`
    (what an export needs before the first paint: print mode, extent), read by atlas.applyState,
    the one function every later change goes through too."""
    url = page_path(catalog).as_uri()
    if state is None:
        return url
    fragment = {**state.to_dict(), "lang": lang, **(extra or {})}
    return url + "#state=" + urllib.parse.quote(json.dumps(fragment, separators=(",", ":")))
