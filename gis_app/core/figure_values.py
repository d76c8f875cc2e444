"""The analyst's figures on the choropleths (no Qt): where the latest figure on a coloured layer's
indicator is the user's, the map colours that feature by it instead of the layer's stored value.

A shipped choropleth stores "the value the choropleth uses (latest dated figure)" in a property of
its features (layers/claims.csv says which claim); the property's indicator is named by the
choropleth's `indicator` key, or for the shipped layers below. A user's figure counts when it is on
that indicator, in the choropleth's unit, and dated the same as or later than every other figure on
that feature (ties: the user's, being the newer reading).
"""

from __future__ import annotations

from .catalog import Catalog
from .user_evidence import Evidence

# choropleth property -> the claims' indicator (layers/*.toml [style.choropleth])
INDICATORS = {"personnel": "uniformed_personnel", "seized_t": "drugs_seized",
              "milex_pct_gdp": "military_expenditure_share_of_gdp"}


def choropleth_values(catalog: Catalog, evidence: Evidence) -> dict[str, dict[str, float]]:
    """layer id -> {feature id: the user's figure the map colours it by} (only layers that have one)."""
    if not evidence.user_claims:
        return {}
    out: dict[str, dict[str, float]] = {}
    for layer in catalog.layers:
        spec = layer.style.get("choropleth") if isinstance(layer.style, dict) else None
        if not isinstance(spec, dict):
            continue
        indicator = spec.get("indicator") or INDICATORS.get(str(spec.get("property", "")))
        if not indicator:
            continue
        latest: dict[str, tuple] = {}
        for claim in evidence.claims:
            where, _, fid = claim.subject.partition("/")
            if where != layer.id or claim.indicator != indicator or claim.number is None:
                continue
            if spec.get("unit") and claim.unit != spec["unit"]:
                continue
            key = (claim.date[:10], evidence.is_user(claim.claim_id), claim.claim_id)
            if fid not in latest or key > latest[fid][0]:
                latest[fid] = (key, claim)
        mine = {fid: claim.number for fid, (_key, claim) in latest.items()
                if evidence.is_user(claim.claim_id)}
        if mine:
            out[layer.id] = mine
    return out
