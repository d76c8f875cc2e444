"""Exporting the evidence: the sources of the map or of the project as CSL-JSON, BibTeX or RIS (the
writers of core/citations.py), the figures as CSV with their full citations. No Qt.

"map": the sources the visible layers cite, those of their features and of the figures about them
(shipped and the user's), and those the user attached to them; "project": the user's own sources and
every source the user's figures and attachments cite. Claims: the figures about the visible layers'
features ("map") or the user's figures ("project").
"""

from __future__ import annotations

import csv
import io
import json

from . import citations, evidence
from .user_evidence import Evidence

FORMATS = {"csl": ".json", "bibtex": ".bib", "ris": ".ris", "claims-csv": ".csv"}
SCOPES = ("project", "map")
CSV_FIELDS = (*evidence.CLAIM_FIELDS, "indicator_label", "origin", "source", "source_url")


def _subject_layer(subject: str) -> str:
    return subject.partition("/")[0] if "/" in subject else "countries"


def claims_in_scope(document, scope: str) -> list[evidence.Claim]:
    ev: Evidence = document.evidence
    if scope == "project":
        return [c for c in ev.claims if ev.is_user(c.claim_id)]
    visible = set(document.map.visible_ids())
    return [c for c in ev.claims if _subject_layer(c.subject) in visible]


def source_ids(document, scope: str) -> list[str]:
    """The bibliography ids of `scope`, each once, in a stable order."""
    ev: Evidence = document.evidence
    cites = document.user_evidence.get("cites", {})
    ids: list[str] = []
    if scope == "project":
        ids += [item["id"] for item in document.user_evidence.get("sources", [])]
        ids += [c.citation for c in claims_in_scope(document, scope)]
        ids += [i for values in cites.values() for i in values]
    else:
        visible = document.map.visible_ids()
        layers = [document.catalog.layer(i) for i in visible]
        ids += citations.cited_by_layers(layers, ev.bibliography)
        ids += _feature_citations(document, visible)
        ids += [c.citation for c in claims_in_scope(document, scope)]
        ids += [i for key, values in cites.items() if key.partition("/")[0] in set(visible) for i in values]
    return [i for i in dict.fromkeys(ids) if i in ev.bibliography]


def _feature_citations(document, layer_ids: list[str]) -> list[str]:
    from .features import DataError, read_feature_collection
    out = []
    for layer_id in layer_ids:
        try:
            features = read_feature_collection(document.catalog.layer(layer_id).data)
        except (DataError, OSError, ValueError, KeyError):
            continue
        for feature in features:
            cites = (feature.get("properties") or {}).get("citations") or []
            out += [c for c in cites if isinstance(c, str)] if isinstance(cites, list) else []
    return out


def csl_items(items: list[dict]) -> list[dict]:
    """CSL-JSON as reference managers read it (the atlas's own x- keys left out)."""
    return [{k: v for k, v in item.items() if not k.startswith("x-")} for item in items]


def claims_csv(ev: Evidence, claims: list[evidence.Claim], lang: str = "en",
               style: str = citations.DEFAULT_STYLE) -> str:
    """One row per figure: the claims.csv columns, the indicator's label, whose figure it is, and
    the source's full citation and link."""
    out = io.StringIO(newline="")
    writer = csv.DictWriter(out, CSV_FIELDS, lineterminator="\n")
    writer.writeheader()
    for claim in claims:
        row = {k: getattr(claim, k) for k in evidence.CLAIM_FIELDS}
        row["estimate"] = "true" if claim.estimate else "false"
        item = ev.bibliography.get(claim.citation, {})
        try:
            source = citations.format_citation(claim.citation, style, ev.bibliography)
        except Exception:  # noqa: BLE001 - citeproc on an odd entry: its title stands in
            source = str(item.get("title") or claim.citation)
        row.update(indicator_label=ev.indicator_label(claim.indicator, lang),
                   origin="user" if ev.is_user(claim.claim_id) else "atlas",
                   source=source, source_url=citations.item_url(item))
        writer.writerow({k: _cell(k, v) for k, v in row.items()})
    return out.getvalue()


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(key: str, value) -> str:
    """A text cell a spreadsheet would run as a formula (=HYPERLINK(…), =cmd|…) gets a leading
    apostrophe, as OWASP advises; a number in the value column stays a number."""
    text = "" if value is None else str(value)
    if key == "value":
        try:
            float(text)
            return text
        except ValueError:
            pass
    return "'" + text if text.startswith(FORMULA_START) else text


def export_text(document, fmt: str, scope: str = "project", lang: str = "en",
                style: str = citations.DEFAULT_STYLE) -> str:
    """The evidence of `scope` in `fmt` (csl | bibtex | ris | claims-csv) as text."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: one of {', '.join(FORMATS)}")
    if scope not in SCOPES:
        raise ValueError(f"unknown scope {scope!r}: one of {', '.join(SCOPES)}")
    ev: Evidence = document.evidence
    if fmt == "claims-csv":
        return claims_csv(ev, claims_in_scope(document, scope), lang, style)
    items = [ev.bibliography[i] for i in source_ids(document, scope)]
    if fmt == "csl":
        return json.dumps(csl_items(items), ensure_ascii=False, indent=1) + "\n"
    return citations.to_ris(items) if fmt == "ris" else citations.to_bibtex(items)
