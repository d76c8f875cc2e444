"""Reading a layer's GeoJSON into plain Python, cached per layer, for lookups by feature id."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from .catalog import Catalog
from .values import country_names

MAX_BYTES = 200 * 1024 * 1024  # a larger file is refused rather than read into memory


class DataError(ValueError):
    """A data file that cannot be used; the message names the file and what is wrong."""


@dataclass(frozen=True)
class LayerData:
    features: list[dict]
    by_id: dict[str, dict]


def read_feature_collection(path: Path) -> list[dict]:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DataError(f"{path.name}: cannot be read ({exc.strerror})") from exc
    if size > MAX_BYTES:
        raise DataError(f"{path.name}: {size / 2**20:.0f} MiB is over the {MAX_BYTES // 2**20} MiB limit")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DataError(f"{path.name}: not valid GeoJSON text ({exc})") from exc
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataError(f"{path.name}: not a GeoJSON FeatureCollection")
    features = data.get("features")
    if not isinstance(features, list):
        raise DataError(f"{path.name}: 'features' is not a list")
    return [f for f in features if isinstance(f, dict)]


class FeatureStore:
    """Features of the catalog's layers, read on first use."""

    def __init__(self, catalog: Catalog):
        self.catalog = catalog
        self._cache: dict[str, LayerData] = {}
        self._countries: dict[str, dict[str, str]] | None = None

    def layer(self, layer_id: str) -> LayerData:
        if layer_id not in self._cache:
            features = read_feature_collection(self.catalog.layer(layer_id).data)
            by_id = {str((f.get("properties") or {}).get("id")): f for f in features}
            self._cache[layer_id] = LayerData(features, by_id)
        return self._cache[layer_id]

    def properties(self, layer_id: str, feature_id: str) -> dict:
        feature = self.layer(layer_id).by_id.get(str(feature_id))
        if feature is None:
            raise KeyError(f"{layer_id}/{feature_id}")
        return feature.get("properties") or {}

    def country_names(self) -> dict[str, dict[str, str]]:
        """{ISO3: {"en", "ru", "kk"}} from the catalog's "countries" layer ({} without one)."""
        if self._countries is None:
            try:
                self._countries = country_names(self.layer("countries").features)
            except (KeyError, DataError):
                self._countries = {}
        return self._countries
