"""The web map: one self-contained, offline HTML file of the atlas's own page, built by folium.

The same page as the window's (Leaflet + atlas.js + annotations.js, the same styles, labels and
state applied through atlas.applyState), with everything it needs written into the file: the
scripts and styles inline, Leaflet's images as data URIs, each layer's GeoJSON inline (large
layers simplified for the web), the evidence of every feature (figures and full citations), the
legend, the sources, the slides as a story and the texts of its controls in kk, ru and en.
webmap.js draws the controls (layer list, time filter, language switch, sources, story); it has no
Qt bridge, so a click selects by itself (atlas.select).

Everything from the data reaches the page as JSON (with <, >, & escaped, so no text can close the
script) and from there the DOM through textContent only, as in the window. No path of the user's
machine is written: layers carry no URL, only their data.
"""

from __future__ import annotations

import base64
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from gis_app.core import citations, claim_notes, paths, safe_io, statistics
from gis_app.core.catalog import Catalog
from gis_app.core.evidence import short_citation
from gis_app.core.features import DataError, read_feature_collection
from gis_app.core.i18n import LANGUAGES, pick
from gis_app.core.map_state import MapState
from gis_app.render.page import LABELS, RELIEF_TYPES, _country_names, init_call, layer_config, relief_images

SIMPLIFY_ABOVE_BYTES = 150_000   # a layer's GeoJSON larger than this is simplified for the web
SIMPLIFY_DEGREES = 0.01          # about 1 km: invisible at the zooms a course map is read at
COORD_DECIMALS = 4               # about 11 m: finer than any source here (1:10m and hand-digitised lines)

# The controls' own words (the window's translations of the same terms, resources/i18n/*.ts).
TEXTS = {
    "en": {"layers": "Layers", "time": "Time filter", "from": "From", "to": "To", "sources": "Sources",
           "story": "Slides", "next": "Next", "previous": "Previous", "figures": "Figures",
           "language": "Language", "estimate": "(estimate)", "legend": "Legend",
           "no_data": "No data", "simplified": "Outlines simplified for the web (about 1 km): {0}",
           "yours": "(yours)", "disagree": "⚠ Sources disagree on {0}: {1}", "vs": " vs ",
           "own_source": "Your own source"},
    "ru": {"layers": "Слои", "time": "Фильтр по времени", "from": "С", "to": "По", "sources": "Источники",
           "story": "Слайды", "next": "Далее", "previous": "Назад", "figures": "Показатели",
           "language": "Язык", "estimate": "(оценка)", "legend": "Условные обозначения",
           "no_data": "Нет данных",
           "simplified": "Контуры упрощены для веб-карты (около 1 км): {0}",
           "yours": "(ваш)", "disagree": "⚠ Источники расходятся по показателю «{0}»: {1}", "vs": " / ",
           "own_source": "Ваш источник"},
    "kk": {"layers": "Қабаттар", "time": "Уақыт сүзгісі", "from": "Басы", "to": "Соңы",
           "sources": "Дереккөздер", "story": "Слайдтар", "next": "Келесі", "previous": "Алдыңғы",
           "figures": "Көрсеткіштер", "language": "Тіл", "estimate": "(бағалау)",
           "legend": "Шартты белгілер", "no_data": "Дерек жоқ",
           "simplified": "Контурлар веб-карта үшін жеңілдетілген (шамамен 1 км): {0}",
           "yours": "(сіздікі)", "disagree": "⚠ «{0}» көрсеткіші бойынша дереккөздер сәйкес келмейді: {1}",
           "vs": " / ", "own_source": "Өз дереккөзіңіз"},
}


@dataclass
class WebMapInput:
    """What the web map shows: the window's state, annotations and slides (a project's)."""

    state: MapState
    lang: str = "en"
    title: str | dict = ""
    annotations: list[dict] = field(default_factory=list)
    slides: list[dict] = field(default_factory=list)   # Slide.to_dict() each
    style_overrides: dict[str, dict] = field(default_factory=dict)
    evidence: dict = field(default_factory=dict)  # the project's own (AtlasDocument.user_evidence)


# --- data ----------------------------------------------------------------------------------------

def _round(value, decimals: int = COORD_DECIMALS):
    if isinstance(value, float):
        return round(value, decimals)
    if isinstance(value, list):
        return [_round(v, decimals) for v in value]
    return value


def web_features(path: Path) -> tuple[list[dict], bool]:
    """A layer's features for the web: coordinates rounded, geometry simplified when the file is
    large (shapely, topology kept). Returns (features, simplified)."""
    features = read_feature_collection(path)
    simplify = path.stat().st_size > SIMPLIFY_ABOVE_BYTES
    if simplify:
        from shapely.geometry import mapping, shape

    out = []
    for feature in features:
        geometry = feature.get("geometry")
        if simplify and isinstance(geometry, dict) and geometry.get("type") not in ("Point", "MultiPoint"):
            try:
                geometry = mapping(shape(geometry).simplify(SIMPLIFY_DEGREES, preserve_topology=True))
                geometry = json.loads(json.dumps(geometry))  # tuples -> lists
            except (ValueError, TypeError, AttributeError):
                pass  # kept as it is: a geometry shapely cannot read is drawn by Leaflet or not at all
        if isinstance(geometry, dict) and "coordinates" in geometry:
            geometry = {**geometry, "coordinates": _round(geometry["coordinates"])}
        out.append({"type": "Feature", "properties": feature.get("properties") or {},
                    "geometry": geometry})
    return out, simplify


def _evidence(catalog: Catalog, layer_ids: list[str], features: dict[str, list[dict]],
              user: dict | None = None):
    """{layer: {feature: {"figures": {lang: [[label, value, unit, date, source]]}, "cites": [ids],
    "disputes": {lang: [lines]}}}} and the full citation of every source named (APA, as the info
    panel's default), with its runs. The project's figures (`user`) stand beside the shipped ones,
    marked as the user's, ⚠ where sources disagree, as in the Info dock; its cites join the
    feature's sources."""
    from gis_app.core.map_sources import MapEvidence, user_cited

    ev = MapEvidence.shipped(catalog, user)
    claims, bibliography, user = ev.evidence.claims, ev.bibliography, ev.user
    disputes = statistics.disagreeing(claims)
    cites = user.get("cites") or {}
    out: dict[str, dict] = {}
    cited: list[str] = []
    for layer_id in layer_ids:
        layer = catalog.layer(layer_id)
        cited += list(layer.citations)
        cited += [i for i in user_cited(user, [layer_id]) if i in bibliography]
        per: dict[str, dict] = {}
        for feature in features[layer_id]:
            props = feature["properties"]
            fid = "" if props.get("id") is None else str(props["id"])
            shown = statistics.claims_for(claims, layer_id, fid)
            ids = [c for c in props.get("citations") or [] if isinstance(c, str)]
            ids += [c.citation for c in shown]
            if not ids:
                ids = list(layer.citations)
            ids += [i for i in [*cites.get(layer_id, []), *cites.get(f"{layer_id}/{fid}", [])]
                    if i in bibliography]
            ids = list(dict.fromkeys(ids))
            cited += ids
            figures, lines = {}, {}
            for lang in LANGUAGES:
                rows = []
                for claim in shown:
                    label = ev.evidence.indicator_label(claim.indicator, lang)
                    if claim.estimate:
                        label += " " + TEXTS[lang]["estimate"]
                    if ev.evidence.is_user(claim.claim_id):
                        label += " " + TEXTS[lang]["yours"]
                    if claim.claim_id in disputes:
                        label = "⚠ " + label
                    source = short_citation(bibliography.get(claim.citation, {"id": claim.citation}), lang)
                    note = claim_notes.note(claim, lang)  # what every reader must know of it
                    rows.append([f"{label} ({note})" if note else label,
                                 statistics.display_value(claim, lang),
                                 statistics.unit_label(claim.unit, lang), statistics.date_text(claim, lang),
                                 source])
                figures[lang] = rows
                lines[lang] = _dispute_lines(shown, disputes, ev.evidence, bibliography, lang)
            per[fid] = {"figures": figures, "cites": ids}
            if any(lines.values()):
                per[fid]["disputes"] = lines
        out[layer_id] = per
    # APA's order; "runs": [[text, 1 if italic else 0], ...] for webmap.js to set as text and <i>
    style, sources, runs = citations.DEFAULT_STYLE, {}, {}
    for item_id in citations.sorted_ids(dict.fromkeys(cited), style, bibliography):
        try:
            sources[item_id] = citations.format_citation(item_id, style, bibliography)
            runs[item_id] = [[t, int(i)] for t, i in citations.citation_runs(item_id, style, bibliography)]
        except Exception:  # noqa: BLE001 - citeproc on an odd entry of the user's: its title stands in
            sources[item_id] = str(bibliography.get(item_id, {}).get("title") or item_id)
    own = [i for i in sources if i in ev.evidence.user_sources]
    return out, sources, runs, own


def _dispute_lines(shown, disputes, evidence, bibliography, lang: str) -> list[str]:
    """The Info dock's '⚠ Sources disagree on …: A vs B' lines, in `lang`."""
    from gis_app.core import indicators

    lines, done = [], set()
    for claim in shown:
        others = disputes.get(claim.claim_id)
        if not others or claim.claim_id in done:
            continue
        group = [claim, *others]
        done.update(c.claim_id for c in group)
        figures = TEXTS[lang]["vs"].join("{} ({}, {})".format(
            statistics.value_with_unit(c, lang),
            short_citation(bibliography.get(c.citation, {"id": c.citation}), lang), c.date) for c in group)
        label = indicators.in_sentence(evidence.indicator_label(claim.indicator, lang), lang)
        lines.append(TEXTS[lang]["disagree"].format(label, figures))
    return lines


def _legend(catalog: Catalog, layer_ids: list[str]) -> dict:
    from gis_app.render.legend import legend_entries

    # The legend's own word for a class without data comes in the language installed in Qt; the
    # page needs all three.
    no_data = QCoreApplication.translate("Layout", "No data")
    legend = {}
    for lang in LANGUAGES:
        legend[lang] = {e.layer_id: [[TEXTS[lang]["no_data"] if i.label == no_data else i.label,
                                      i.kind, i.style] for i in e.items]
                        for e in legend_entries(catalog, layer_ids, lang)}
    return legend


def _years(catalog: Catalog, layer_ids: list[str], features: dict[str, list[dict]]) -> list[int] | None:
    """The span of years the dated layers cover (the time filter's limits)."""
    years = []
    for layer_id in layer_ids:
        layer = catalog.layer(layer_id)
        for name in (layer.time_field, layer.time_end_field):
            if not name:
                continue
            for feature in features[layer_id]:
                m = re.match(r"\s*(-?\d{4})", str(feature["properties"].get(name, "")))
                if m:
                    years.append(int(m.group(1)))
    return [min(years), max(years)] if years else None


def webmap_data(catalog: Catalog, source: WebMapInput) -> dict:
    """Everything the page needs, as plain JSON-able data."""
    state = source.state
    wanted = set(state.visible_ids())
    for slide in source.slides:
        wanted |= set(slide.get("visible") or [])
    order = [i for i in state.order() if i in wanted and i in catalog.ids()]
    names = _country_names(catalog)
    layers, features, simplified = [], {}, []
    for layer_id in order:
        layer = catalog.layer(layer_id)
        try:
            feats, simple = web_features(layer.data)
        except (DataError, OSError):
            continue
        features[layer_id] = feats
        if simple:
            simplified.append(layer_id)
        config = layer_config(layer, names)
        config.pop("url")  # a path of this machine: the data travels inline instead
        config["data"] = {"type": "FeatureCollection", "features": feats}
        config["visible"] = layer_id in state.visible_ids()
        if source.style_overrides.get(layer_id):
            config["override"] = source.style_overrides[layer_id]
        layers.append(config)
    ids = [c["id"] for c in layers]
    evidence, sources, runs, own_sources = _evidence(catalog, ids, features, source.evidence)
    layer_state = {i: {"visible": state.get(i).visible, "opacity": state.get(i).opacity} for i in ids}
    initial = {"lang": source.lang, "layers": layer_state, "order": ids,
               "time_range": list(state.time_range) if state.time_range else None,
               "view": {"lat": state.view.lat, "lon": state.view.lon, "zoom": state.view.zoom},
               "annotations": {"all": list(source.annotations)}}
    if source.evidence:  # the project's figures colour the choropleths, as in the window
        from gis_app.core.map_sources import MapEvidence
        initial["figures"] = MapEvidence.shipped(catalog, source.evidence).figures(catalog)
    slides = [{"caption": s.get("caption", ""), "notes": s.get("notes", ""), "bounds": s.get("bounds"),
               "visible": [i for i in s.get("visible") or [] if i in ids],
               "time_range": s.get("time_range"), "annotations": s.get("annotations") or []}
              for s in source.slides]
    title = source.title if isinstance(source.title, dict) else {"en": source.title or ""}
    return {"layers": layers, "lang": source.lang, "initial": initial, "evidence": evidence,
            "sources": sources, "citations": runs, "own_sources": own_sources,
            "legend": _legend(catalog, ids),
            "years": _years(catalog, ids, features),
            "slides": slides, "texts": TEXTS, "title": title, "simplified": simplified,
            **_names_and_relief_inline()}


def _names_and_relief_inline() -> dict:
    """The map's names and relief as the window's page has them (render/page.py), carried in the
    file: the names as GeoJSON, the relief images as data: URLs (no path of this machine)."""
    out: dict = {}
    try:
        out["labels"] = {"data": {"type": "FeatureCollection",
                                  "features": read_feature_collection(paths.root() / LABELS)}}
    except DataError:
        pass  # no names file: the page shows none, as the window's would
    relief = []
    for image, bounds in relief_images():
        try:
            data = safe_io.read_bytes(image, 4 << 20)
        except (ValueError, OSError):
            continue
        relief.append({"url": f"data:{RELIEF_TYPES[image.suffix]};base64,"
                              + base64.b64encode(data).decode("ascii"), "bounds": bounds})
    if relief:
        out["relief"] = relief
    return out


# --- the page ------------------------------------------------------------------------------------

def _css_inlined(path: Path) -> str:
    """A stylesheet with its url(images/...) turned into data URIs."""
    css = path.read_text(encoding="utf-8")

    def data_uri(m: re.Match) -> str:
        target = (path.parent / m.group(1)).resolve()
        if not target.is_file():
            return m.group(0)
        mime = "image/png" if target.suffix == ".png" else "image/svg+xml"
        return f"url(data:{mime};base64,{base64.b64encode(target.read_bytes()).decode()})"

    return re.sub(r"url\((images/[^)]+)\)", data_uri, css)


def _inline_script(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    if re.search(r"</script", text, re.IGNORECASE):
        raise ValueError(f"{path.name} cannot be inlined: it contains a closing script tag")
    return f"<script>\n{text}\n</script>"


def render_webmap(data: dict) -> str:
    """The whole page as one HTML text."""
    import folium
    from branca.element import Element

    from gis_app.core.map_state import DEFAULT_CENTER, DEFAULT_ZOOM

    web = paths.web_dir()
    fmap = folium.Map(location=list(DEFAULT_CENTER), zoom_start=DEFAULT_ZOOM, tiles=None,
                      control_scale=True, zoom_snap=0.25, zoom_delta=0.5, world_copy_jump=False,
                      disable_3d=True)
    fmap.default_js, fmap.default_css = [], []   # nothing linked: all of it is inline below
    root = fmap.get_root()
    title = pick(data.get("title") or {}, data.get("lang", "en")) or "Central Asia Security Atlas"
    root.header.add_child(Element(f"<title>{_html_text(title)}</title>"), name="webmap_title")
    styles = [_css_inlined(web / "vendor/leaflet/leaflet.css"), _css_inlined(web / "atlas.css"),
              (web / "webmap.css").read_text(encoding="utf-8")]
    root.header.add_child(Element("<style>\n" + "\n".join(styles) + "\n</style>"), name="webmap_css")
    # the window's page scripts in the page's order (render/page.py), then the web map's own
    for name in ("early.js", "vendor/leaflet/leaflet.js", "atlas.js", "labels.js", "relief.js",
                 "annotations.js", "webmap.js"):
        root.header.add_child(Element(_inline_script(web / name)), name="js_" + Path(name).stem)

    fmap.add_child(init_call("webmap.init", data))
    return root.render()


def _html_text(text: str) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


def build_webmap(catalog: Catalog, source: WebMapInput) -> str:
    return render_webmap(webmap_data(catalog, source))


REMOTE = re.compile(r"""<(?:script|link|img|iframe|source|embed|object)\b[^>]*\b(?:src|href|data)\s*=\s*"""
                    r"""["']?\s*(?:https?:|//|file:)|url\(\s*["']?\s*(?:https?:|//|file:)|@import""",
                    re.IGNORECASE)


def remote_references(html: str) -> list[str]:
    """Anything that would load from the network or a local file (a script, style, image, font
    or frame; none should be left: a plain link a reader may click is not a load)."""
    return [m.group(0) for m in REMOTE.finditer(html)]


def write_webmap(path: Path, catalog: Catalog, source: WebMapInput) -> int:
    """Build and write the web map whole or not at all (core.atomic); returns its size in bytes."""
    from gis_app.core import atomic

    html = build_webmap(catalog, source)
    with atomic.replacing(Path(path)) as tmp:
        Path(tmp).write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
