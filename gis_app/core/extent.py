"""The extent Home (Ctrl+Home) fits to the window: the five Central Asian states as the shipped
countries layer draws them, so the whole region shows at any window width. No Qt."""

from __future__ import annotations

from collections.abc import Iterable

from .features import DataError, FeatureStore

CENTRAL_ASIA = ("KAZ", "KGZ", "TJK", "TKM", "UZB")  # countries layer ids (Natural Earth ADM0_A3)


def _positions(coords) -> Iterable[tuple[float, float]]:
    if isinstance(coords, (list, tuple)) and coords and isinstance(coords[0], (int, float)):
        yield float(coords[0]), float(coords[1])
    elif isinstance(coords, (list, tuple)):
        for part in coords:
            yield from _positions(part)


def bounds_of(features: Iterable[dict]) -> tuple[float, float, float, float] | None:
    """[west, south, east, north] of the features' geometries; None when there is nothing."""
    xs, ys = [], []
    for feature in features:
        for x, y in _positions((feature.get("geometry") or {}).get("coordinates")):
            xs.append(x)
            ys.append(y)
    if not xs:
        return None
    return min(xs), min(ys), max(xs), max(ys)


def central_asia_bounds(store: FeatureStore, layer_id: str = "countries",
                        ids: tuple[str, ...] = CENTRAL_ASIA) -> tuple[float, float, float, float] | None:
    """The five states' extent from the countries layer; None if the layer or the states are missing
    (Home then falls back to the default centre and zoom)."""
    try:
        data = store.layer(layer_id)
    except (KeyError, DataError):
        return None
    return bounds_of(data.by_id[i] for i in ids if i in data.by_id)
