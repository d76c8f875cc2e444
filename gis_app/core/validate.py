"""Checks of the catalog, its data and the evidence; each problem is one readable line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import shapely
import shapely.validation
from shapely.geometry import shape

from . import claim_notes, paths
from .catalog import Catalog
from .evidence import Claim, bibliography_path, claims_path, load_bibliography, load_claims
from .features import DataError, read_feature_collection
from .i18n import LANGUAGES
from .indicators import labels_path, load_labels
from .timefilter import feature_span
from .values import missing_languages

ISO3 = re.compile(r"^[A-Z]{3}$")
KINDS = {"polygon": {"Polygon", "MultiPolygon"}, "line": {"LineString", "MultiLineString"},
         "point": {"Point", "MultiPoint"}}
WORLD = (-180.0, -90.0, 180.0, 90.0)


@dataclass
class LayerSummary:
    id: str
    features: int
    citations: int
    as_of: str


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    summaries: list[LayerSummary] = field(default_factory=list)
    claims: int = 0
    sources: int = 0
    untranslated: dict[str, int] = field(default_factory=dict)  # layer id -> values lacking ru/kk
    warnings: list[str] = field(default_factory=list)  # reported, not failing (languages missing)

    @property
    def ok(self) -> bool:
        return not self.problems


def _feature_problems(layer, index: int, feature: dict, bibliography: dict, thematic: bool) -> list[str]:
    props = feature.get("properties")
    fid = props.get("id") if isinstance(props, dict) else None
    where = f"{layer.id}: feature {fid!r}" if fid is not None else f"{layer.id}: feature #{index + 1}"
    if not isinstance(props, dict) or fid in (None, ""):
        return [f"{where} has no 'id' property"]
    out = []
    geometry = feature.get("geometry")
    if not geometry:
        return out + [f"{where} has no geometry"]
    try:
        geom = shape(geometry)
    except (ValueError, TypeError, AttributeError, KeyError, IndexError, shapely.errors.ShapelyError) as exc:
        return out + [f"{where}: geometry cannot be read ({exc})"]
    allowed = KINDS.get(layer.geometry)
    if allowed and geom.geom_type not in allowed:
        out.append(f"{where} is a {geom.geom_type}, but the layer holds {layer.geometry}s")
    if geom.is_empty:
        out.append(f"{where} has an empty geometry")
    elif not geom.is_valid:
        out.append(f"{where} has an invalid geometry: {shapely.validation.explain_validity(geom)}")
    else:
        w, s, e, n = geom.bounds
        x0, y0, x1, y1 = layer.extent or WORLD
        if w < x0 - 1e-9 or s < y0 - 1e-9 or e > x1 + 1e-9 or n > y1 + 1e-9:
            out.append(f"{where} lies outside the expected area {layer.extent or WORLD} "
                       f"(bounds {w:.2f}, {s:.2f}, {e:.2f}, {n:.2f}): wrong CRS or misplaced?")
    cites = props.get("citations")
    if thematic:
        if not isinstance(cites, list) or not cites:
            out.append(f"{where} has no citation (every thematic feature needs a source)")
    if isinstance(cites, list):
        out += [f"{where} cites unknown source '{c}'" for c in cites if str(c) not in bibliography]
    if layer.time_field and feature_span(layer, props) is None:
        out.append(f"{where}: '{layer.time_field}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return out


def _claim_problems(claim: Claim, bibliography: dict, features: dict[str, set[str]]) -> list[str]:
    out = []
    if claim.citation not in bibliography:
        out.append(f"claim {claim.claim_id}: unknown citation '{claim.citation}'")
    if "/" in claim.subject:
        layer_id, fid = claim.subject.split("/", 1)
        if layer_id not in features:
            out.append(f"claim {claim.claim_id}: subject layer '{layer_id}' does not exist")
        elif fid not in features[layer_id]:
            out.append(f"claim {claim.claim_id}: subject '{claim.subject}' is not a feature of that layer")
    elif not ISO3.match(claim.subject):
        out.append(f"claim {claim.claim_id}: subject '{claim.subject}' is neither layer/feature nor ISO3")
    return out


def _language_problems(layer, features: list[dict], report: Report) -> None:
    """Visible text values (popup fields shown as text) that lack Russian or Kazakh, counted."""
    count, first = 0, ""
    for feature in features:
        props = feature.get("properties") or {}
        for popup in layer.popup:
            if popup.shows != "text":
                continue
            missing = missing_languages(props, popup.field)
            if missing:
                count += 1
                first = first or (f"feature {props.get('id')!r}, '{popup.field}' has no "
                                  f"{' or '.join(m + ' (' + popup.field + '_' + m + ')' for m in missing)}")
    if count:
        report.untranslated[layer.id] = count
        report.warnings.append(f"{layer.id}: {count} visible text value(s) lack a language, e.g. {first}")


def validate(catalog: Catalog) -> Report:
    report = Report(problems=list(catalog.problems))
    folder = catalog.folder or paths.layers_dir()
    try:
        bibliography = load_bibliography(bibliography_path(folder))
    except ValueError as exc:
        report.problems.append(str(exc))
        bibliography = {}
    report.sources = len(bibliography)
    claims, claim_problems = load_claims(claims_path(folder))
    report.problems += claim_problems
    report.claims = len(claims)

    feature_ids: dict[str, set[str]] = {}
    for layer in catalog.layers:
        report.problems += [f"{layer.id}: unknown citation '{c}'" for c in layer.citations
                            if c not in bibliography]
        if not layer.citations:
            report.problems.append(f"{layer.id}: the layer names no source in 'citations'")
        try:
            features = read_feature_collection(layer.data)
        except DataError as exc:
            report.problems.append(f"{layer.id}: {exc}")
            continue
        if not features:
            report.problems.append(f"{layer.id}: the data file has no features")
        thematic = layer.group not in ("basemap", "places")  # reference data: cited per layer
        ids: set[str] = set()
        cited: set[str] = set(layer.citations)
        for i, feature in enumerate(features):
            report.problems += _feature_problems(layer, i, feature, bibliography, thematic)
            props = feature.get("properties") or {}
            fid = str(props.get("id", ""))
            if fid and fid in ids:
                report.problems.append(f"{layer.id}: feature id '{fid}' is used twice")
            ids.add(fid)
            if isinstance(props.get("citations"), list):
                cited.update(str(c) for c in props["citations"])
        feature_ids[layer.id] = ids
        _language_problems(layer, features, report)
        report.summaries.append(LayerSummary(layer.id, len(features), len(cited), layer.as_of))

    for claim in claims:
        report.problems += _claim_problems(claim, bibliography, feature_ids)
    labels, label_problems = load_labels(labels_path(folder))
    report.problems += label_problems + labels.missing(claims)
    notes, note_problems = claim_notes.load(claim_notes.notes_path(folder))
    report.problems += note_problems + notes.missing(c.claim_id for c in claims)
    for layer in catalog.layers:  # a legend class's unit needs its words in every language too
        unit = (layer.style.get("choropleth") or {}).get("unit")
        if unit and any(not (labels.units.get(unit) or {}).get(lang) for lang in LANGUAGES):
            report.problems.append(f"{layer.id}: choropleth unit '{unit}' has no label in every "
                                   f"language in {labels_path(folder).name}")
    return report


# --- a project's own evidence: `gis-app validate --project P` --------------------------------------------
@dataclass
class ProjectReport:
    uncited: list[str] = field(default_factory=list)   # features and claims without a source
    problems: list[str] = field(default_factory=list)  # layers that cannot be read
    features: int = 0
    claims: int = 0

    @property
    def ok(self) -> bool:
        return not self.uncited and not self.problems


def validate_project(document) -> ProjectReport:
    """The project's user-layer features and user claims without a source: a feature is cited when
    it or its layer has a cite that resolves (user_evidence["cites"]); a claim when its citation is a
    shipped or a project source."""
    from . import digitised as dg
    report = ProjectReport()
    evidence = document.user_evidence
    sources = document.evidence.bibliography  # the shipped sources and the project's
    for layer_id, why in document.user_layer_problems.items():
        title = document.user_layer(layer_id).get("title", layer_id)
        report.problems.append(f"“{title}”: the layer cannot be read ({why})")
    for entry in document.user_layers:
        layer_id, title = entry["id"], entry.get("title") or entry["id"]
        if layer_id in document.user_layer_problems:
            continue
        try:
            features = read_feature_collection(document.catalog.layer(layer_id).data)
        except (DataError, KeyError) as exc:
            report.problems.append(f"“{title}”: {exc}")
            continue
        name_field = entry.get("name_field") or entry.get("label_field") or ""
        for feature in features:
            props = feature.get("properties") or {}
            fid = str(props.get("id", ""))
            report.features += 1
            cited = [i for i in dg.feature_cites(evidence, layer_id, fid) if i in sources]
            if not cited:
                name = str(props.get(name_field) or props.get("name") or "").strip()
                label = f"feature {fid}" + (f" “{name}”" if name else "")
                report.uncited.append(f"“{title}”: {label} has no source (cite one for it or for the layer)")
    # Every citation of a layer or feature (the atlas's or the user's) names a known source and
    # something that is there.
    known_layers = set(document.catalog.ids())
    for target, ids in (evidence.get("cites") or {}).items():
        layer_id = target.split("/", 1)[0]
        where = f"the citations of {target}"
        if layer_id not in known_layers:
            report.problems.append(f"{where}: no layer '{layer_id}' in the atlas or the project")
        report.problems += [f"{where}: unknown source '{i}'" for i in ids if i not in sources]
    for claim in evidence.get("claims") or []:
        if not isinstance(claim, dict):
            continue
        report.claims += 1
        citation = str(claim.get("citation") or "")
        what = (f"claim {claim.get('claim_id', '?')} "
                f"({claim.get('indicator', '?')} of {claim.get('subject', '?')})")
        if not citation:
            report.uncited.append(f"{what} has no source")
        elif citation not in sources:
            report.uncited.append(f"{what} cites '{citation}', neither a shipped nor a project source")
    return report
